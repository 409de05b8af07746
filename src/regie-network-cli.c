/* regie-network-cli.c — regie --import-network and --export-network
 *
 * For municipal IT, who pre-load the local network from a file in a script: counts on
 * stdout, problems with their line on stderr, and an exit status a script can test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "regie-application.h"
#include "regie-import-plan.h"
#include "regie-network-cli.h"

/* The statuses regie --help documents: 1 for problems (something skipped, or the file could
 * not be read or written), 2 when the store could not be opened. */
#define EXIT_OK       0
#define EXIT_PROBLEMS 1
#define EXIT_NO_STORE 2
#define EXIT_FAILED   EXIT_PROBLEMS

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

static int
run_import (RegieStore *store,
            const char *path,
            gboolean    dry_run)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RegieImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  guint added, updated, unchanged, skipped;

  plan = regie_import_plan_new_for_file (store, file, &error);
  if (plan == NULL)
    {
      /* Translators: %s is the file name, then why it could not be imported */
      g_printerr (_("regie: cannot import %s: %s\n"), path, error->message);
      return EXIT_FAILED;
    }

  problems = regie_import_plan_get_problems (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      RegieParseProblem *problem = problems->pdata[i];

      /* Translators: file name, line number and what is wrong there; the entry is skipped */
      g_printerr (_("%s:%u: %s (skipped)\n"), path, problem->line, problem->message);
    }

  if (!dry_run && !regie_import_plan_apply (plan, NULL, &error))
    {
      g_printerr (_("regie: nothing was imported: %s\n"), error->message);
      return EXIT_FAILED;
    }

  added = regie_import_plan_get_n_added (plan);
  updated = regie_import_plan_get_n_updated (plan);
  unchanged = regie_import_plan_get_n_unchanged (plan);
  skipped = regie_import_plan_get_n_skipped (plan);

  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  /* Translators: the counts of an import; each %u is a number */
  g_print (_("Added: %u\nUpdated: %u\nUnchanged: %u\nSkipped: %u\n"), added, updated, unchanged, skipped);

  return skipped > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

static int
run_export (RegieStore         *store,
            const char         *path,
            const char * const *names)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *vcard = NULL;

  /* Named organisations only; an unknown name writes no file, so a typo is never mistaken
   * for an export that happened to be empty. */
  if (names != NULL && names[0] != NULL)
    {
      ids = regie_network_find_organisations (store, names, &error);
      if (ids == NULL)
        {
          g_printerr (_("regie: cannot export to %s: %s\n"), path, error->message);
          return EXIT_FAILED;
        }
    }

  vcard = regie_network_export_vcard (store, ids, &error);
  if (vcard == NULL ||
      !g_file_replace_contents (file, vcard, strlen (vcard), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      g_printerr (_("regie: cannot export to %s: %s\n"), path, error->message);
      return EXIT_FAILED;
    }

  /* Translators: %s is the file the network was written to */
  g_print (_("Network exported to %s\n"), path);
  return EXIT_OK;
}

int
regie_network_cli_run (GVariantDict *options,
                       gboolean      demo)
{
  g_autoptr(RegieStore) store = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *export_path = NULL;
  g_auto(GStrv) names = NULL;
  gboolean dry_run = g_variant_dict_contains (options, "dry-run");
  int status = EXIT_OK;

  g_variant_dict_lookup (options, "import-network", "^ay", &import_path);
  g_variant_dict_lookup (options, "export-network", "^ay", &export_path);
  g_variant_dict_lookup (options, "organisation", "^as", &names);
  if (names != NULL && export_path == NULL)
    {
      g_printerr ("%s\n", _("regie: --organisation goes with --export-network"));
      return EXIT_FAILED;
    }
  if (import_path == NULL && export_path == NULL)
    {
      if (dry_run)
        {
          g_printerr ("%s\n", _("regie: --dry-run goes with --import-network"));
          return EXIT_FAILED;
        }
      return -1;
    }

  store = open_store (demo);
  if (store == NULL)
    return EXIT_NO_STORE;

  if (import_path != NULL)
    status = run_import (store, import_path, dry_run);
  /* An import that wrote nothing is no base for an export. */
  if (export_path != NULL && (import_path == NULL || status == EXIT_OK))
    {
      int exported = run_export (store, export_path, (const char * const *) names);

      status = MAX (status, exported);
    }

  regie_store_close (store);
  return status;
}
