/* regie-deadline-list.c — "Deadlines this week" across all dossiers, in the Dossiers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-deadline-list.h"
#include "regie-timeline.h"

/* Passed deadlines stay listed this long: long enough to notice, not forever. */
#define PASSED_DAYS 14
#define AHEAD_DAYS  7

struct _RegieDeadlineList
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkListBox *list;

  /* Owned */
  RegieStore *store;
};

G_DEFINE_FINAL_TYPE (RegieDeadlineList, regie_deadline_list, ADW_TYPE_BIN)

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (RegieDeadline *deadline)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *left;
  g_autofree char *date = regie_format_date (deadline->deadline);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", deadline->title, date);
  g_autofree char *days = NULL;

  if (deadline->days_left == 0)
    days = g_strdup (_("Today"));
  else if (deadline->days_left < 0)
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Passed %d day ago", "Passed %d days ago",
                                         -deadline->days_left), -deadline->days_left);
  else
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                         deadline->days_left), deadline->days_left);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deadline->person_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  left = gtk_label_new (days);
  gtk_widget_add_css_class (left, deadline->days_left < 0 ? "error" : deadline->days_left <= 2 ? "warning" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), left);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "case-id", g_memdup2 (&deadline->case_id, sizeof (gint64)), g_free);
  return row;
}

void
regie_deadline_list_reload (RegieDeadlineList *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  g_return_if_fail (REGIE_IS_DEADLINE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL)
    deadlines = regie_deadlines_load (self->store, NULL, PASSED_DAYS, AHEAD_DAYS, &error);
  if (error != NULL)
    g_warning ("Could not load the deadlines: %s", error->message);

  /* The inside hides, not the widget itself: it must stay mapped to notice being shown. */
  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), deadlines != NULL && deadlines->len > 0);
  if (deadlines == NULL)
    return;

  for (guint i = 0; i < deadlines->len; i++)
    gtk_list_box_append (self->list, create_row (deadlines->pdata[i]));

  /* TRANSLATORS: the heading above the letters whose deadline is near or has passed */
  title = g_strdup_printf (_("Deadlines This Week (%u)"), deadlines->len);
  gtk_label_set_label (self->title_label, title);
}

static void
on_row_activated_cb (RegieDeadlineList *self,
                     GtkListBoxRow     *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "case-id");

  if (id != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, *id);
}

static void
regie_deadline_list_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (regie_deadline_list_parent_class)->map (widget);
  regie_deadline_list_reload (REGIE_DEADLINE_LIST (widget));
}

static void
regie_deadline_list_dispose (GObject *object)
{
  RegieDeadlineList *self = (RegieDeadlineList *) object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_DEADLINE_LIST);

  G_OBJECT_CLASS (regie_deadline_list_parent_class)->dispose (object);
}

static void
regie_deadline_list_class_init (RegieDeadlineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_deadline_list_dispose;
  widget_class->map = regie_deadline_list_map;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loketregie/Regie/ui/regie-deadline-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieDeadlineList, title_label);
  gtk_widget_class_bind_template_child (widget_class, RegieDeadlineList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
regie_deadline_list_init (RegieDeadlineList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
regie_deadline_list_set_store (RegieDeadlineList *self,
                               RegieStore        *store)
{
  g_return_if_fail (REGIE_IS_DEADLINE_LIST (self));

  g_set_object (&self->store, store);
  regie_deadline_list_reload (self);
}

GtkListBox *
_regie_deadline_list_get_list (RegieDeadlineList *self)
{
  return self->list;
}
