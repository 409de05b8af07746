/* regie-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "regie-theme.h"
#include "regie-ui-util.h"
#include "regie-validate.h"

char *
regie_ui_format_day (const char *iso)
{
  g_autofree char *day = NULL;
  g_autofree char *today = regie_today ();
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  g_autofree char *yesterday_iso = NULL;
  int y, m, d;

  if (iso == NULL || strlen (iso) < 10)
    return NULL;

  day = g_strndup (iso, 10);
  if (!regie_iso_date_is_valid (day))
    return NULL;

  if (g_strcmp0 (day, today) == 0)
    return g_strdup (_("Today"));

  now = g_date_time_new_now_local ();
  yesterday = g_date_time_add_days (now, -1);
  yesterday_iso = g_date_time_format (yesterday, "%Y-%m-%d");
  if (g_strcmp0 (day, yesterday_iso) == 0)
    return g_strdup (_("Yesterday"));

  if (sscanf (day, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    return NULL;

  /* Translators: a day in a list, strftime format: "12 mrt 2026" */
  return g_date_time_format (date, _("%-d %b %Y"));
}

GtkWidget *
regie_ui_theme_tag_new (const char *theme_id)
{
  GtkWidget *label = gtk_label_new (regie_theme_get_label (theme_id));

  gtk_widget_add_css_class (label, "theme-tag");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

void
regie_ui_set_row_error (GtkWidget  *row,
                        const char *title,
                        const char *message)
{
  g_autofree char *full = NULL;

  if (message != NULL)
    {
      /* The message sits in the row's title, so it is read where the mistake is. */
      full = g_strdup_printf ("%s — %s", title, message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full ? full : title);
  gtk_widget_set_tooltip_text (row, message);
}
