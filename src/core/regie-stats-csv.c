/* regie-stats-csv.c — the figures as a spreadsheet file, for the programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-stats-csv.h"

static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  if (strchr (text, separator) || strpbrk (text, "\"\r\n"))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static void
append_row (GString    *out,
            char        separator,
            const char *part,
            const char *item,
            const char *value)
{
  append_field (out, part, separator);
  g_string_append_c (out, separator);
  append_field (out, item, separator);
  g_string_append_c (out, separator);
  append_field (out, value, separator);
  g_string_append (out, "\r\n");
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
is_referral_breakdown (RegieStatsBreakdown breakdown)
{
  return breakdown == REGIE_STATS_BY_REFERRAL_KIND ||
         breakdown == REGIE_STATS_BY_REFERRAL_STATE ||
         breakdown == REGIE_STATS_BY_REFERRAL_SUCCESS;
}

char *
regie_stats_to_csv (RegieStats *stats,
                    char        separator,
                    gsize      *length)
{
  GString *out = g_string_new (NULL);
  char decimal_mark = separator == ';' ? ',' : '.';
  g_autofree char *from_text = NULL;
  g_autofree char *last_text = NULL;
  GDate from, last;

  g_return_val_if_fail (REGIE_IS_STATS (stats), NULL);
  g_return_val_if_fail (separator == ';' || separator == ',', NULL);

  if (separator == ';')
    g_string_append (out, "\xEF\xBB\xBF");

  /* Translators: the column headers of the exported figures */
  append_row (out, separator, _("Part"), _("Item"), _("Value"));

  /* The period as people say it: the last day, not the day after. */
  regie_stats_get_range (stats, &from, &last);
  g_date_subtract_days (&last, 1);
  from_text = format_date (&from);
  last_text = format_date (&last);
  append_row (out, separator, _("Period"), _("From"), from_text);
  append_row (out, separator, _("Period"), _("Up to and including"), last_text);

  for (RegieStatsFigure f = 0; f < REGIE_STATS_N_FIGURES; f++)
    {
      g_autofree char *value = NULL;

      if (f == REGIE_STATS_REFERRALS && !regie_stats_has_referrals (stats))
        continue;
      value = regie_stats_format_value (stats, f, decimal_mark);
      append_row (out, separator, _("Key figures"), regie_stats_figure_get_label (f), value);
    }

  for (RegieStatsBreakdown b = 0; b < REGIE_STATS_N_BREAKDOWNS; b++)
    {
      if (is_referral_breakdown (b) && !regie_stats_has_referrals (stats))
        continue;

      for (guint row = 0; row < regie_stats_get_n_rows (stats, b); row++)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    regie_stats_get_row_count (stats, b, row));

          append_row (out, separator, regie_stats_breakdown_get_title (b),
                      regie_stats_get_row_label (stats, b, row), count);
        }
    }

  if (length)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
regie_stats_export_csv (RegieStats    *stats,
                        GFile         *file,
                        char           separator,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *csv = NULL;
  gsize length;

  g_return_val_if_fail (REGIE_IS_STATS (stats), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = regie_stats_to_csv (stats, separator, &length);

  return g_file_replace_contents (file, csv, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}
