/* regie-stats-cli.c — regie --export-statistics FILE.csv --from DATE --to DATE
 *
 * For the quarterly report to the programme, also from a script: the same figures as the
 * Cijfers view, only aggregated. --to is the last day of the period, as people say it
 * ("1 January up to and including 31 March").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "regie-application.h"
#include "regie-stats-cli.h"
#include "regie-stats-csv.h"

/* The statuses regie --help documents. */
#define EXIT_OK       0
#define EXIT_FAILED   1
#define EXIT_NO_STORE 2

/* Only "YYYY-MM-DD" that is a real day: a script's typo must not become another period. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static RegieStore *
open_store (gboolean demo)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store;

  if (!regie_store_check_encryption (&error))
    store = NULL;
  else if (demo)
    store = regie_application_new_demo_store (&error);
  else
    {
      g_autofree char *dir = regie_store_default_dir ();

      store = regie_store_open (dir, NULL, &error);
    }

  if (store == NULL)
    {
      RegieStoreError code = error->domain == REGIE_STORE_ERROR ? error->code : REGIE_STORE_ERROR_IO;

      g_printerr ("regie: %s\n%s\n\n%s %s\n", regie_store_error_title (code),
                  regie_store_error_advice (code), _("Technical details:"), error->message);
    }

  return store;
}

int
regie_stats_cli_run (GVariantDict *options,
                     gboolean      demo)
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(RegieStats) stats = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *separator_text = NULL;
  char separator = ';';
  GDate from, to;

  if (!g_variant_dict_lookup (options, "export-statistics", "^ay", &path))
    return -1;

  g_variant_dict_lookup (options, "from", "s", &from_text);
  g_variant_dict_lookup (options, "to", "s", &to_text);
  g_variant_dict_lookup (options, "separator", "s", &separator_text);

  if (from_text == NULL || to_text == NULL)
    {
      g_printerr ("%s\n", _("regie: --export-statistics needs --from and --to, "
                            "e.g. --from 2026-01-01 --to 2026-03-31"));
      return EXIT_FAILED;
    }
  if (!parse_date (from_text, &from))
    {
      /* Translators: %s is what was typed after --from or --to */
      g_printerr (_("regie: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01\n"), from_text);
      return EXIT_FAILED;
    }
  if (!parse_date (to_text, &to))
    {
      g_printerr (_("regie: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01\n"), to_text);
      return EXIT_FAILED;
    }
  if (g_date_compare (&to, &from) < 0)
    {
      g_printerr ("%s\n", _("regie: the end date (--to) lies before the start date (--from)"));
      return EXIT_FAILED;
    }
  if (separator_text != NULL)
    {
      if (g_str_equal (separator_text, ";"))
        separator = ';';
      else if (g_str_equal (separator_text, ","))
        separator = ',';
      else
        {
          g_printerr ("%s\n", _("regie: --separator must be “;” or “,”"));
          return EXIT_FAILED;
        }
    }

  /* The period up to and including --to: the computation counts up to the next day. */
  g_date_add_days (&to, 1);

  store = open_store (demo);
  if (store == NULL)
    return EXIT_NO_STORE;

  stats = regie_stats_compute (store, &from, &to, NULL, NULL, NULL, NULL, &error);
  if (stats == NULL)
    {
      g_printerr (_("regie: the figures could not be computed: %s\n"), error->message);
      regie_store_close (store);
      return EXIT_FAILED;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!regie_stats_export_csv (stats, file, separator, NULL, &error))
    {
      /* Translators: %s is the file name, then why it could not be written */
      g_printerr (_("regie: cannot write %s: %s\n"), path, error->message);
      regie_store_close (store);
      return EXIT_FAILED;
    }

  regie_store_close (store);
  /* Translators: %s is the file name */
  g_print (_("Figures exported to %s\n"), path);
  return EXIT_OK;
}
