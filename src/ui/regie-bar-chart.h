/* regie-bar-chart.h — horizontal bars for a handful of counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REGIE_TYPE_BAR_CHART (regie_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (RegieBarChart, regie_bar_chart, REGIE, BAR_CHART, GtkWidget)

GtkWidget *regie_bar_chart_new      (void);
/* One bar per label, the count at its end. title names the chart for screen readers, which
 * also get every label and count. */
void       regie_bar_chart_set_data (RegieBarChart       *self,
                                     const char          *title,
                                     const char * const  *labels,
                                     const gint64        *counts,
                                     guint                n_bars);
guint      regie_bar_chart_get_n_bars (RegieBarChart     *self);

G_END_DECLS
