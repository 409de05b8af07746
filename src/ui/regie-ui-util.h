/* regie-ui-util.h — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "today", "yesterday" or "12 mrt 2026" for an ISO date or date-time; NULL if unreadable. */
char      *regie_ui_format_day       (const char *iso);
/* A small pill with the translated label of a theme. */
GtkWidget *regie_ui_theme_tag_new    (const char *theme_id);
/* Marks an input row invalid (error style, message as tooltip and in the title) or valid. */
void       regie_ui_set_row_error    (GtkWidget  *row,
                                      const char *title,
                                      const char *message);

G_END_DECLS
