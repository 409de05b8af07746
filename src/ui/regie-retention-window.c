/* regie-retention-window.c — "To Be Destroyed": closed cases past their retention period
 *
 * The period is the "retention-months" setting (Preferences). Destroying asks first: it
 * cannot be undone, and what no other case needs of the resident goes with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-case.h"
#include "regie-privacy.h"
#include "regie-retention-window.h"

struct _RegieRetentionWindow
{
  AdwWindow       parent_instance;

  GtkStack       *stack;
  GtkListBox     *list;
  AdwToastOverlay *toasts;
  GSettings      *settings;

  RegieStore     *store;
  char           *today;
  guint           n_due;
};

G_DEFINE_FINAL_TYPE (RegieRetentionWindow, regie_retention_window, ADW_TYPE_WINDOW)

static void fill (RegieRetentionWindow *self);

static char *
dutch_date (const char *iso)
{
  g_auto(GStrv) parts = g_strsplit (iso, "-", 3);

  if (g_strv_length (parts) != 3)
    return g_strdup (iso);
  return g_strdup_printf ("%s-%s-%s", parts[2], parts[1], parts[0]);
}

static void
on_confirm_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        RegieRetentionWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "destroy") != 0)
    return;

  if (!regie_retention_destroy_case (self->store, id, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Case destroyed")));
  fill (self);
}

static void
on_destroy_clicked_cb (GtkButton            *button,
                       RegieRetentionWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "case-id"));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Destroy Case?"),
                                   _("The case, its timeline, tasks and referrals are removed for good. "
                                     "The resident's details go too, unless another case needs them. "
                                     "This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "destroy", _("_Destroy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "destroy",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row (RegieRetentionWindow *self,
            RegieRetentionDue    *due)
{
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = dutch_date (due->closed_on);
  g_autofree char *destroy_on = dutch_date (due->destroy_on);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Names and questions are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Loading is not viewing: only the name and the question, to recognise the case. */
  kase = regie_case_load (self->store, due->case_id, &error);
  if (kase != NULL)
    {
      RegiePerson *person = regie_case_get_person (kase);
      const char *name = person ? regie_person_get_display_name (person) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : "");
    }

  /* Translators: under a case in "To Be Destroyed": the question, the day it was closed and
   * the day its retention period ended */
  subtitle = g_strdup_printf (_("%s\nClosed on %s · to be destroyed since %s"),
                              kase ? regie_case_get_question (kase) : "", closed, destroy_on);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  button = gtk_button_new_with_mnemonic (_("_Destroy…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Red only in the confirmation: a column of red buttons would shout. */
  g_object_set_data (G_OBJECT (button), "case-id", GSIZE_TO_POINTER ((gsize) due->case_id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_destroy_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
fill (RegieRetentionWindow *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  due = regie_retention_list_due (self->store, g_settings_get_uint (self->settings, "retention-months"),
                                  self->today, &error);
  if (due == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  self->n_due = due->len;
  for (guint i = 0; i < due->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (due, i)));

  gtk_stack_set_visible_child_name (self->stack, due->len > 0 ? "list" : "empty");
}

static void
regie_retention_window_dispose (GObject *object)
{
  RegieRetentionWindow *self = REGIE_RETENTION_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (regie_retention_window_parent_class)->dispose (object);
}

static void
regie_retention_window_class_init (RegieRetentionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_retention_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
regie_retention_window_init (RegieRetentionWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_title (GTK_WINDOW (self), _("To Be Destroyed"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Closed cases whose retention period has ended. The period is set in Preferences."));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (group, 24);
  gtk_widget_set_margin_bottom (group, 24);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "user-trash-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Destroy"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No closed case is past its retention period."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

RegieRetentionWindow *
regie_retention_window_new (GtkWindow  *parent,
                            RegieStore *store,
                            const char *today)
{
  RegieRetentionWindow *self = g_object_new (REGIE_TYPE_RETENTION_WINDOW,
                                             "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->today = g_strdup (today);
  fill (self);
  return self;
}

guint
regie_retention_window_get_n_due (RegieRetentionWindow *self)
{
  g_return_val_if_fail (REGIE_IS_RETENTION_WINDOW (self), 0);
  return self->n_due;
}
