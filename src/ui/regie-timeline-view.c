/* regie-timeline-view.c — a dossier’s timeline on its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-event-editor.h"
#include "regie-summary-dialog.h"
#include "regie-timeline-view.h"

struct _RegieTimelineView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkListBox     *list;
  GtkLabel       *empty_label;

  /* Owned */
  RegieStore     *store;
  RegieCase      *kase;
  RegieTimeline  *timeline;
};

G_DEFINE_FINAL_TYPE (RegieTimelineView, regie_timeline_view, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (RegieTimelineView *self)
{
  gboolean has_case = self->kase != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.summary", has_case);
}

static char *
duration_text (int minutes)
{
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);

  /* TRANSLATORS: a duration in hours and minutes, e.g. "1 h 15 min" */
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

static char *
days_left_text (int days)
{
  if (days == 0)
    return g_strdup (_("Deadline today"));
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deadline passed %d day ago",
                                         "Deadline passed %d days ago", -days), -days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RegieEvent *event = item;
  RegieEventKind kind = regie_event_get_kind (event);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (regie_event_kind_get_icon (kind));
  GtkWidget *title_label;
  GtkWidget *meta_label;
  g_autofree char *title = regie_event_dup_display_title (event);
  g_autofree char *when = regie_format_when (regie_event_get_when (event), regie_event_get_precision (event));
  g_autoptr(GString) meta = g_string_new (when);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "timeline-icon");
  gtk_widget_add_css_class (row, g_enum_get_value (g_type_class_peek (REGIE_TYPE_EVENT_KIND), kind)->value_nick);
  gtk_widget_set_tooltip_text (icon, regie_event_kind_get_label (kind));
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (text_box), title_label);

  if (regie_event_get_running (event))
    g_string_append_printf (meta, " · %s", _("visit running"));
  else if (regie_event_get_duration (event) > 0)
    {
      g_autofree char *duration = duration_text (regie_event_get_duration (event));
      g_string_append_printf (meta, " · %s", duration);
    }
  if (*regie_event_get_with_whom (event))
    g_string_append_printf (meta, " · %s", regie_event_get_with_whom (event));
  /* Who from the network: "Lotte Proef (CJIB)", or just one of the two. */
  if (*regie_event_get_contact_name (event) && *regie_event_get_organisation_name (event))
    /* Translators: a contact person and their organisation on the timeline */
    g_string_append_printf (meta, C_("contact at organisation", " · %s (%s)"),
                            regie_event_get_contact_name (event), regie_event_get_organisation_name (event));
  else if (*regie_event_get_contact_name (event) || *regie_event_get_organisation_name (event))
    g_string_append_printf (meta, " · %s", *regie_event_get_contact_name (event) ? regie_event_get_contact_name (event)
                                                                                 : regie_event_get_organisation_name (event));
  meta_label = gtk_label_new (meta->str);
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_box_append (GTK_BOX (text_box), meta_label);

  if (*regie_event_get_text (event) || *regie_event_get_letter_asked (event))
    {
      const char *text = *regie_event_get_text (event) ? regie_event_get_text (event)
                                                       : regie_event_get_letter_asked (event);
      GtkWidget *text_label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (text_label), 0);
      gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
      gtk_label_set_lines (GTK_LABEL (text_label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (text_box), text_label);
    }

  if (regie_event_get_deadline (event) != NULL)
    {
      int days = regie_days_until (regie_event_get_deadline (event), NULL);
      g_autofree char *left = days_left_text (days);
      g_autofree char *date = regie_format_date (regie_event_get_deadline (event));
      GtkWidget *deadline = gtk_label_new (left);

      gtk_widget_set_valign (deadline, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (deadline, date);
      gtk_widget_add_css_class (deadline, "deadline");
      gtk_widget_add_css_class (deadline, days < 0 ? "error" : days <= 7 ? "warning" : "dim-label");
      gtk_box_append (GTK_BOX (box), deadline);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  RegieTimelineView *self = user_data;
  int position = gtk_list_box_row_get_index (row);
  g_autoptr(RegieEvent) event = NULL;
  g_autofree char *label = NULL;
  GtkWidget *header;

  if (position < 0 || !regie_timeline_starts_group (self->timeline, position))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  event = g_list_model_get_item (G_LIST_MODEL (self->timeline), position);
  label = regie_timeline_group_label (event);
  header = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "timeline-header");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
sync_empty (RegieTimelineView *self)
{
  guint shown = self->timeline ? g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) : 0;
  guint total = self->timeline ? regie_timeline_get_n_total (self->timeline) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
  gtk_label_set_label (self->empty_label,
                       total == 0 ? _("Nothing on the timeline yet. Start a visit, or add what happened.")
                                  : _("No items match."));
}

void
regie_timeline_view_reload (RegieTimelineView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REGIE_IS_TIMELINE_VIEW (self));

  if (self->timeline != NULL && !regie_timeline_reload (self->timeline, &error))
    g_warning ("Could not load the timeline: %s", error->message);
  /* Headers depend on the neighbours: recompute them all. */
  gtk_list_box_invalidate_headers (self->list);
  sync_empty (self);
}

static void
on_case_changed_cb (RegieTimelineView *self)
{
  regie_timeline_view_reload (self);
}

static void
on_search_changed_cb (RegieTimelineView *self)
{
  if (self->timeline == NULL)
    return;
  regie_timeline_set_search (self->timeline, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_list_box_invalidate_headers (self->list);
  sync_empty (self);
}

static void
on_kind_selected_cb (RegieTimelineView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->timeline == NULL)
    return;
  regie_timeline_set_kind (self->timeline, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                           ? -1 : (int) selected - 1);
  gtk_list_box_invalidate_headers (self->list);
  sync_empty (self);
}

static void
on_editor_changed_cb (RegieTimelineView *self)
{
  regie_timeline_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_editor (RegieTimelineView *self,
             RegieEvent        *event)
{
  GtkWidget *editor = regie_event_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              self->store, regie_case_get_id (self->kase), event);

  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_row_activated_cb (RegieTimelineView *self,
                     GtkListBoxRow     *row)
{
  g_autoptr(RegieEvent) event = g_list_model_get_item (G_LIST_MODEL (self->timeline),
                                                       gtk_list_box_row_get_index (row));

  /* Status changes and tasks done are history written by the core, not for editing. */
  if (event != NULL && regie_event_kind_is_manual (regie_event_get_kind (event)))
    open_editor (self, event);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RegieTimelineView *self = REGIE_TIMELINE_VIEW (widget);
  g_autoptr(RegieEvent) event = regie_event_new (g_variant_get_int32 (parameter));

  open_editor (self, event);
}

static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RegieTimelineView *self = REGIE_TIMELINE_VIEW (widget);
  GtkWidget *dialog = regie_summary_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                self->store, self->kase, NULL);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
regie_timeline_view_dispose (GObject *object)
{
  RegieTimelineView *self = (RegieTimelineView *) object;

  regie_timeline_view_set_case (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (regie_timeline_view_parent_class)->dispose (object);
}

static void
regie_timeline_view_class_init (RegieTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_timeline_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loketregie/Regie/ui/regie-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieTimelineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RegieTimelineView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieTimelineView, list);
  gtk_widget_class_bind_template_child (widget_class, RegieTimelineView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add", "i", add_action);
  gtk_widget_class_install_action (widget_class, "timeline.summary", NULL, summary_action);
}

static void
regie_timeline_view_init (RegieTimelineView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (int kind = 0; kind < REGIE_EVENT_N_KINDS; kind++)
    gtk_string_list_append (kinds, regie_event_kind_get_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  update_actions (self);
}

void
regie_timeline_view_set_case (RegieTimelineView *self,
                              RegieStore        *store,
                              RegieCase         *kase)
{
  g_return_if_fail (REGIE_IS_TIMELINE_VIEW (self));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, on_case_changed_cb, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->timeline);

  if (kase != NULL)
    {
      g_return_if_fail (REGIE_IS_STORE (store));
      self->store = g_object_ref (store);
      self->kase = g_object_ref (kase);
      self->timeline = regie_timeline_new (store, regie_case_get_id (kase));
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->timeline), create_row, self, NULL);
      g_signal_connect_object (kase, "notify::last-activity", G_CALLBACK (on_case_changed_cb), self,
                               G_CONNECT_SWAPPED);
      regie_timeline_view_reload (self);
    }

  update_actions (self);
}

RegieTimeline *
_regie_timeline_view_get_model (RegieTimelineView *self)
{
  return self->timeline;
}

GtkListBox *
_regie_timeline_view_get_list (RegieTimelineView *self)
{
  return self->list;
}
