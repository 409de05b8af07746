/* regie-stats-page.c — the Cijfers view: the programme's figures over a period
 *
 * The figures are counted in a worker thread on a connection of its own
 * (regie_stats_compute_async ()), so the window stays responsive over years of data; the
 * page counts again when it is shown after the store changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "regie-bar-chart.h"
#include "regie-event.h"
#include "regie-stats-csv.h"
#include "regie-stats-page.h"
#include "regie-validate.h"

struct _RegieStatsPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *period_dropdown;
  GtkWidget       *custom_box;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkLabel        *period_label;
  GtkSpinner      *spinner;
  GtkProgressBar  *progress_bar;
  GtkStack        *stack;
  GtkBox          *figures_box;
  AdwStatusPage   *error_page;

  /* Owned */
  RegieStore      *store;
  RegieStats      *stats;
  GCancellable    *cancellable;
  GtkFileChooserNative *chooser;
  GDate            custom_from;
  GDate            custom_to;     /* the day after the last */

  guint            dirty : 1;
};

G_DEFINE_FINAL_TYPE (RegieStatsPage, regie_stats_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The figures shown as cards at the top, in reading order. */
static const RegieStatsFigure key_figures[] = {
  REGIE_STATS_INWONERS_HELPED,
  REGIE_STATS_CASES_NEW,
  REGIE_STATS_CASES_CLOSED,
  REGIE_STATS_CASES_HANDLED,
  REGIE_STATS_CONTACTS,
  REGIE_STATS_CONTACT_MINUTES_TOTAL,
  REGIE_STATS_CONTACT_MINUTES_AVERAGE,
  REGIE_STATS_CONTACT_MINUTES_MEDIAN,
  REGIE_STATS_CONTACTS_WITH_DURATION,
  REGIE_STATS_DAYS_TO_CLOSE_MEDIAN,
  REGIE_STATS_SATISFACTION_AVERAGE,
  REGIE_STATS_SATISFACTION_ANSWERED,
  REGIE_STATS_REFERRALS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (key_figures) == REGIE_STATS_N_FIGURES);

static void refresh (RegieStatsPage *self);

static gboolean
is_referral_breakdown (RegieStatsBreakdown breakdown)
{
  return breakdown >= REGIE_STATS_BY_REFERRAL_KIND;
}

static void
update_actions (RegieStatsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export", self->stats != NULL);
}

static void
show_toast (RegieStatsPage *self,
            const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
get_range (RegieStatsPage *self,
           GDate          *from,
           GDate          *to)
{
  RegieStatsPeriod period = gtk_drop_down_get_selected (self->period_dropdown);

  if (period == REGIE_STATS_PERIOD_CUSTOM)
    {
      *from = self->custom_from;
      *to = self->custom_to;
    }
  else
    regie_stats_period_get_range (period, NULL, from, to);
}

static void
update_period_label (RegieStatsPage *self)
{
  g_autofree char *from_iso = NULL;
  g_autofree char *last_iso = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *text = NULL;
  GDate from, last;

  get_range (self, &from, &last);
  g_date_subtract_days (&last, 1);
  from_iso = iso_date (&from);
  last_iso = iso_date (&last);
  from_text = regie_format_date (from_iso);
  last_text = regie_format_date (last_iso);
  /* Translators: a period, e.g. "1 januari 2026 – 31 maart 2026" */
  text = g_strdup_printf (_("%s – %s"), from_text, last_text);
  gtk_label_set_label (self->period_label, text);
}

static void
set_busy (RegieStatsPage *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char
decimal_mark (void)
{
  const char *point = localeconv ()->decimal_point;

  return point && *point == ',' ? ',' : '.';
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
key_figure_card (RegieStatsPage   *self,
                 RegieStatsFigure  figure)
{
  g_autofree char *value = regie_stats_format_value (self->stats, figure, decimal_mark ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *number;
  GtkWidget *caption;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "key-figure");
  /* An em dash where an average of nothing would be. */
  number = label_new (*value ? value : "—", "title-1", 0);
  gtk_label_set_selectable (GTK_LABEL (number), TRUE);
  caption = label_new (regie_stats_figure_get_label (figure), "caption", 0);
  /* Wrapped labels ask for their whole text as width: keep four cards on a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 16);
  gtk_label_set_width_chars (GTK_LABEL (caption), 12);
  gtk_label_set_lines (GTK_LABEL (caption), 2);
  gtk_widget_set_valign (caption, GTK_ALIGN_START);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (number),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  -1);
  return box;
}

static GtkWidget *
table_new (RegieStats          *stats,
           RegieStatsBreakdown  breakdown)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n = regie_stats_get_n_rows (stats, breakdown);
  gint64 total = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_top (grid, 6);

  for (guint i = 0; i < n; i++)
    total += regie_stats_get_row_count (stats, breakdown, i);

  gtk_grid_attach (GTK_GRID (grid), label_new (_("Category"), "heading", 0), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("Number"), "heading", 1), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("Share"), "heading", 1), 2, 0, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      gint64 count = regie_stats_get_row_count (stats, breakdown, i);
      g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      /* Translators: a share in per cent, e.g. "25 %" */
      g_autofree char *share = total > 0 ? g_strdup_printf (_("%d %%"), (int) (100.0 * count / total + 0.5))
                                         : g_strdup ("—");
      GtkWidget *cells[] = {
        label_new (regie_stats_get_row_label (stats, breakdown, i), NULL, 0),
        label_new (count_text, "numeric", 1),
        label_new (share, "numeric", 1),
      };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          gtk_label_set_selectable (GTK_LABEL (cells[c]), TRUE);
          gtk_grid_attach (GTK_GRID (grid), cells[c], c, i + 1, 1, 1);
        }
    }

  return grid;
}

static GtkWidget *
breakdown_section (RegieStatsPage      *self,
                   RegieStatsBreakdown  breakdown)
{
  guint n = regie_stats_get_n_rows (self->stats, breakdown);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree gint64 *counts = g_new0 (gint64, n + 1);
  const char *title = regie_stats_breakdown_get_title (breakdown);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = label_new (title, "heading", 0);
  GtkWidget *chart = regie_bar_chart_new ();
  GtkWidget *expander;

  for (guint i = 0; i < n; i++)
    {
      labels[i] = regie_stats_get_row_label (self->stats, breakdown, i);
      counts[i] = regie_stats_get_row_count (self->stats, breakdown, i);
    }

  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "stats-section");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  regie_bar_chart_set_data (REGIE_BAR_CHART (chart), title, labels, counts, n);

  /* The same numbers as a table: for screen readers and for copying. */
  expander = gtk_expander_new_with_mnemonic (_("Show as _table"));
  gtk_expander_set_child (GTK_EXPANDER (expander), table_new (self->stats, breakdown));

  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (GTK_BOX (section), chart);
  gtk_box_append (GTK_BOX (section), expander);
  return section;
}

static void
show_stats (RegieStatsPage *self)
{
  GtkWidget *child;
  GtkWidget *flow;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))))
    gtk_box_remove (self->figures_box, child);

  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (guint i = 0; i < G_N_ELEMENTS (key_figures); i++)
    {
      if (key_figures[i] == REGIE_STATS_REFERRALS && !regie_stats_has_referrals (self->stats))
        continue;
      gtk_flow_box_append (GTK_FLOW_BOX (flow), key_figure_card (self, key_figures[i]));
    }
  gtk_box_append (self->figures_box, flow);

  for (RegieStatsBreakdown b = 0; b < REGIE_STATS_N_BREAKDOWNS; b++)
    {
      if (is_referral_breakdown (b) && !regie_stats_has_referrals (self->stats))
        continue;
      gtk_box_append (self->figures_box, breakdown_section (self, b));
    }

  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  RegieStatsPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_computed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RegieStatsPage) self = user_data;
  g_autoptr(RegieStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = regie_stats_compute_finish (result, &error);

  /* A newer count replaced this one, or the page went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (stats == NULL)
    {
      g_debug ("Figures not counted: %s", error->message);
      g_clear_object (&self->stats);
      adw_status_page_set_description (self->error_page,
                                       _("Regie could not read the data for the figures. "
                                         "Try again, or choose another period."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }

  g_set_object (&self->stats, stats);
  show_stats (self);
  update_actions (self);
}

static void
refresh (RegieStatsPage *self)
{
  GDate from, to;

  self->dirty = FALSE;
  update_period_label (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  get_range (self, &from, &to);
  if (!g_date_valid (&from) || !g_date_valid (&to))
    return;

  if (self->stats == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  regie_stats_compute_async (self->store, &from, &to, self->cancellable,
                             on_progress_cb, self, on_computed_cb, g_object_ref (self));
}

/* Counting costs time over years of data: only when the page is seen. */
static void
queue_refresh (RegieStatsPage *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_store_changed_cb (RegieStatsPage *self)
{
  queue_refresh (self);
}

static void
set_entry_date (GtkEntry    *entry,
                const GDate *date)
{
  g_autofree char *iso = iso_date (date);
  g_autofree char *text = regie_date_format (iso);

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
on_period_changed_cb (RegieStatsPage *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == REGIE_STATS_PERIOD_CUSTOM;

  if (custom && !gtk_widget_get_visible (self->custom_box))
    {
      GDate last = self->custom_to;

      g_date_subtract_days (&last, 1);
      set_entry_date (self->from_entry, &self->custom_from);
      set_entry_date (self->to_entry, &last);
    }
  gtk_widget_set_visible (self->custom_box, custom);
  queue_refresh (self);
}

static gboolean
read_entry (GtkEntry *entry,
            GDate    *date)
{
  g_autofree char *iso = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_date_clear (date, 1);
  if (regie_validate_date (text, &iso, NULL) && iso != NULL)
    {
      int year = 0, month = 0, day = 0;

      if (sscanf (iso, "%d-%d-%d", &year, &month, &day) == 3 && g_date_valid_dmy (day, month, year))
        g_date_set_dmy (date, day, month, year);
    }

  if (g_date_valid (date))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  return g_date_valid (date);
}

static void
on_custom_activate_cb (RegieStatsPage *self)
{
  GDate from, last;
  gboolean from_ok = read_entry (self->from_entry, &from);
  gboolean last_ok = read_entry (self->to_entry, &last);

  if (!from_ok || !last_ok)
    {
      show_toast (self, _("Type the dates as day-month-year, e.g. 1-1-2026"));
      return;
    }
  if (g_date_compare (&last, &from) < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      show_toast (self, _("The last day lies before the first day"));
      return;
    }

  regie_stats_page_set_custom_range (self, &from, &last);
}

static void
on_export_response_cb (RegieStatsPage       *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->stats != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "separator");
      char separator = g_strcmp0 (choice, "comma") == 0 ? ',' : ';';
      g_autoptr(GError) error = NULL;

      if (regie_stats_export_csv (self->stats, file, separator, NULL, &error))
        show_toast (self, _("Figures exported"));
      else
        {
          /* The message names the chosen file, whose path may hold a name: the code says enough. */
          g_debug ("Export failed: %s %d", g_quark_to_string (error->domain), error->code);
          show_toast (self, _("The figures could not be saved there"));
        }
    }

  g_clear_object (&self->chooser);
}

static void
regie_stats_page_export_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RegieStatsPage *self = REGIE_STATS_PAGE (widget);
  static const char *choice_ids[] = { "semicolon", "comma", NULL };
  const char *choice_labels[] = {
    _("Semicolons (Dutch Excel)"),
    _("Commas (other programs)"),
    NULL,
  };
  g_autofree char *name = NULL;
  GDate from, last;

  if (self->stats == NULL || self->chooser != NULL)
    return;

  regie_stats_get_range (self->stats, &from, &last);
  g_date_subtract_days (&last, 1);
  {
    g_autofree char *from_iso = iso_date (&from);
    g_autofree char *last_iso = iso_date (&last);

    /* Translators: the suggested file name of the exported figures: first and last day */
    name = g_strdup_printf (_("figures-%s-%s.csv"), from_iso, last_iso);
  }

  self->chooser = gtk_file_chooser_native_new (_("Export Figures"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "separator", _("Separator"),
                               choice_ids, choice_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "separator", "semicolon");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
regie_stats_page_map (GtkWidget *widget)
{
  RegieStatsPage *self = REGIE_STATS_PAGE (widget);

  GTK_WIDGET_CLASS (regie_stats_page_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

static void
regie_stats_page_dispose (GObject *object)
{
  RegieStatsPage *self = (RegieStatsPage *) object;

  /* After this no progress report reaches the page (see regie_stats_compute_async ()). */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->stats);

  G_OBJECT_CLASS (regie_stats_page_parent_class)->dispose (object);
}

static void
regie_stats_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RegieStatsPage *self = REGIE_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, regie_stats_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_stats_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RegieStatsPage *self = REGIE_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      regie_stats_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_stats_page_class_init (RegieStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_stats_page_dispose;
  object_class->get_property = regie_stats_page_get_property;
  object_class->set_property = regie_stats_page_set_property;
  widget_class->map = regie_stats_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RegieStatsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_activate_cb);

  gtk_widget_class_install_action (widget_class, "stats.export", NULL, regie_stats_page_export_action);
}

static void
regie_stats_page_init (RegieStatsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* From–to starts as this quarter, for the casemanager to adjust. */
  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_QUARTER, NULL, &self->custom_from, &self->custom_to);
  gtk_drop_down_set_selected (self->period_dropdown, REGIE_STATS_PERIOD_THIS_QUARTER);
  update_period_label (self);
  update_actions (self);
}

RegieStore *
regie_stats_page_get_store (RegieStatsPage *self)
{
  g_return_val_if_fail (REGIE_IS_STATS_PAGE (self), NULL);
  return self->store;
}

void
regie_stats_page_set_store (RegieStatsPage *self,
                            RegieStore     *store)
{
  g_return_if_fail (REGIE_IS_STATS_PAGE (self));
  g_return_if_fail (!store || REGIE_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->stats);
  update_actions (self);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RegieStats *
regie_stats_page_get_stats (RegieStatsPage *self)
{
  g_return_val_if_fail (REGIE_IS_STATS_PAGE (self), NULL);
  return self->stats;
}

gboolean
regie_stats_page_get_busy (RegieStatsPage *self)
{
  g_return_val_if_fail (REGIE_IS_STATS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

void
regie_stats_page_set_period (RegieStatsPage   *self,
                             RegieStatsPeriod  period)
{
  g_return_if_fail (REGIE_IS_STATS_PAGE (self));
  g_return_if_fail (period <= REGIE_STATS_PERIOD_CUSTOM);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

void
regie_stats_page_set_custom_range (RegieStatsPage *self,
                                   const GDate    *from,
                                   const GDate    *last)
{
  g_return_if_fail (REGIE_IS_STATS_PAGE (self));
  g_return_if_fail (from && g_date_valid (from) && last && g_date_valid (last));

  self->custom_from = *from;
  self->custom_to = *last;
  g_date_add_days (&self->custom_to, 1);
  set_entry_date (self->from_entry, from);
  set_entry_date (self->to_entry, last);
  gtk_widget_set_visible (self->custom_box, TRUE);

  if (gtk_drop_down_get_selected (self->period_dropdown) != REGIE_STATS_PERIOD_CUSTOM)
    gtk_drop_down_set_selected (self->period_dropdown, REGIE_STATS_PERIOD_CUSTOM);
  else
    queue_refresh (self);
}
