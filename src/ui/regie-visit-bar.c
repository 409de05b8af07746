/* regie-visit-bar.c — the visit timer at the top of the dossier page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-event-editor.h"
#include "regie-visit-bar.h"

struct _RegieVisitBar
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkLabel   *label;

  /* Owned */
  RegieStore *store;
  RegieCase  *kase;
  RegieEvent *visit;      /* the running visit, if any */
  guint       tick;
};

G_DEFINE_FINAL_TYPE (RegieVisitBar, regie_visit_bar, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (RegieVisitBar *self,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Could Not Save the Change"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (RegieVisitBar *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.start", self->kase != NULL && self->visit == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.end", self->kase != NULL && self->visit != NULL);
}

static gboolean
on_tick_cb (gpointer data)
{
  RegieVisitBar *self = data;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *since = NULL;
  g_autofree char *text = NULL;
  int minutes;

  if (self->visit == NULL)
    return G_SOURCE_CONTINUE;

  start = regie_event_get_start (self->visit);
  local = g_date_time_to_timezone (start, regie_event_time_zone ());
  since = g_date_time_format (local, "%H:%M");
  minutes = MAX (0, (int) (g_date_time_difference (now, start) / G_TIME_SPAN_MINUTE));
  /* TRANSLATORS: the visit timer: since what time, and for how many minutes */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Visit running since %s — %d minute",
                                       "Visit running since %s — %d minutes", minutes),
                          since, minutes);
  gtk_label_set_label (self->label, text);
  return G_SOURCE_CONTINUE;
}

void
regie_visit_bar_sync (RegieVisitBar *self)
{
  g_autoptr(GError) error = NULL;
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  g_return_if_fail (REGIE_IS_VISIT_BAR (self));

  g_clear_object (&self->visit);
  if (self->kase != NULL)
    self->visit = regie_event_find_running_visit (self->store, regie_case_get_id (self->kase), &error);
  if (error != NULL)
    g_warning ("Could not look for a running visit: %s", error->message);

  gtk_stack_set_visible_child_name (stack, self->visit != NULL ? "running" : "idle");
  if (self->visit != NULL)
    {
      on_tick_cb (self);
      if (self->tick == 0)
        self->tick = g_timeout_add_seconds (15, on_tick_cb, self);
    }
  else
    g_clear_handle_id (&self->tick, g_source_remove);

  update_actions (self);
}

static void
on_editor_changed_cb (RegieVisitBar *self)
{
  regie_visit_bar_sync (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieVisitBar *self = REGIE_VISIT_BAR (widget);
  g_autoptr(RegieEvent) visit = NULL;
  g_autoptr(GError) error = NULL;

  visit = regie_event_start_visit (self->store, regie_case_get_id (self->kase), REGIE_CHANNEL_DESK,
                                   NULL, NULL, &error);
  if (visit == NULL)
    show_error (self, error);
  regie_visit_bar_sync (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RegieVisitBar *self = REGIE_VISIT_BAR (widget);
  g_autoptr(RegieEvent) visit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->visit == NULL)
    return;

  visit = g_object_ref (self->visit);
  if (!regie_event_end_visit (self->store, visit, NULL, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  regie_visit_bar_sync (self);
  g_signal_emit (self, signals[CHANGED], 0);

  /* What was discussed and agreed is best written down while it is fresh. */
  editor = regie_event_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                   regie_case_get_id (self->kase), visit);
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
regie_visit_bar_dispose (GObject *object)
{
  RegieVisitBar *self = (RegieVisitBar *) object;

  regie_visit_bar_set_case (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_VISIT_BAR);

  G_OBJECT_CLASS (regie_visit_bar_parent_class)->dispose (object);
}

static void
regie_visit_bar_class_init (RegieVisitBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_visit_bar_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loketregie/Regie/ui/regie-visit-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieVisitBar, label);

  gtk_widget_class_install_action (widget_class, "visit.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "visit.end", NULL, end_action);
}

static void
regie_visit_bar_init (RegieVisitBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

void
regie_visit_bar_set_case (RegieVisitBar *self,
                          RegieStore    *store,
                          RegieCase     *kase)
{
  g_return_if_fail (REGIE_IS_VISIT_BAR (self));

  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  if (kase != NULL)
    {
      g_return_if_fail (REGIE_IS_STORE (store));
      self->store = g_object_ref (store);
      self->kase = g_object_ref (kase);
      regie_visit_bar_sync (self);
    }
  else
    {
      g_clear_object (&self->visit);
      g_clear_handle_id (&self->tick, g_source_remove);
      update_actions (self);
    }
}

gboolean
regie_visit_bar_is_running (RegieVisitBar *self)
{
  g_return_val_if_fail (REGIE_IS_VISIT_BAR (self), FALSE);
  return self->visit != NULL;
}
