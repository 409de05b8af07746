/* regie-bar-chart.c — horizontal bars for a handful of counts
 *
 * Drawn with GtkSnapshot: the label left, the bar in the accent colour, the count at the
 * end of the bar. Horizontal, because Dutch category names are long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-bar-chart.h"

#define ROW_HEIGHT   28
#define BAR_HEIGHT   16
#define GAP          12
#define MIN_BAR_AREA 120

struct _RegieBarChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GPtrArray *labels;
  GArray    *counts;   /* gint64 */
};

G_DEFINE_FINAL_TYPE (RegieBarChart, regie_bar_chart, GTK_TYPE_WIDGET)

static int
label_width (RegieBarChart *self,
             int            limit)
{
  int widest = 0;

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->labels->pdata[i]);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return MIN (widest, limit);
}

static void
regie_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RegieBarChart *self = REGIE_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = (int) self->labels->len * ROW_HEIGHT;
  else
    {
      *minimum = MIN_BAR_AREA + 2 * GAP + 80;
      *natural = label_width (self, 320) + 2 * GAP + 2 * MIN_BAR_AREA + 40;
    }
}

static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             const GdkRGBA *color,
             float        x,
             float        y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
regie_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RegieBarChart *self = REGIE_BAR_CHART (widget);
  /* Adwaita's blue 3, the accent colour of the default style. */
  static const GdkRGBA bar = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
  int width = gtk_widget_get_width (widget);
  int count_room = 0;
  int labels_w;
  float bar_x, bar_room;
  gint64 max = 0;
  GdkRGBA text, dim;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = text;
  dim.alpha *= 0.55;

  for (guint i = 0; i < self->counts->len; i++)
    max = MAX (max, g_array_index (self->counts, gint64, i));

  /* Room for the widest count after the longest bar. */
  {
    g_autofree char *widest = g_strdup_printf ("%" G_GINT64_FORMAT, max);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, widest);

    pango_layout_get_pixel_size (layout, &count_room, NULL);
  }

  labels_w = label_width (self, MAX (80, width * 2 / 5));
  bar_x = labels_w + GAP;
  bar_room = MAX (1.0f, width - bar_x - GAP - count_room);

  for (guint i = 0; i < self->labels->len; i++)
    {
      gint64 count = g_array_index (self->counts, gint64, i);
      g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, self->labels->pdata[i]);
      g_autoptr(PangoLayout) number = gtk_widget_create_pango_layout (widget, count_text);
      float y = i * ROW_HEIGHT;
      float length = max > 0 ? bar_room * (float) count / (float) max : 0;
      int lh, nh;

      pango_layout_set_width (label, labels_w * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &lh);
      pango_layout_get_pixel_size (number, NULL, &nh);
      append_text (snapshot, label, count > 0 ? &text : &dim, 0, y + (ROW_HEIGHT - lh) / 2.0f);

      if (length > 0)
        {
          GskRoundedRect rounded;
          graphene_rect_t rect = GRAPHENE_RECT_INIT (bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f,
                                                     MAX (length, 3.0f), BAR_HEIGHT);

          gsk_rounded_rect_init_from_rect (&rounded, &rect, 3);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &bar, &rect);
          gtk_snapshot_pop (snapshot);
        }

      append_text (snapshot, number, count > 0 ? &text : &dim,
                   bar_x + MAX (length, 0) + (length > 0 ? 6 : 0), y + (ROW_HEIGHT - nh) / 2.0f);
    }
}

static void
regie_bar_chart_finalize (GObject *object)
{
  RegieBarChart *self = (RegieBarChart *) object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (regie_bar_chart_parent_class)->finalize (object);
}

static void
regie_bar_chart_class_init (RegieBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = regie_bar_chart_finalize;
  widget_class->measure = regie_bar_chart_measure;
  widget_class->snapshot = regie_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
regie_bar_chart_init (RegieBarChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
regie_bar_chart_new (void)
{
  return g_object_new (REGIE_TYPE_BAR_CHART, NULL);
}

void
regie_bar_chart_set_data (RegieBarChart      *self,
                          const char         *title,
                          const char * const *labels,
                          const gint64       *counts,
                          guint               n_bars)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (REGIE_IS_BAR_CHART (self));
  g_return_if_fail (n_bars == 0 || (labels != NULL && counts != NULL));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->counts, 0);

  for (guint i = 0; i < n_bars; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->counts, counts[i]);
      g_string_append_printf (description, "%s%s: %" G_GINT64_FORMAT,
                              i ? ", " : "", labels[i], counts[i]);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
regie_bar_chart_get_n_bars (RegieBarChart *self)
{
  g_return_val_if_fail (REGIE_IS_BAR_CHART (self), 0);
  return self->labels->len;
}
