/* regie-dossier-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-audit-view.h"
#include "regie-case-list.h"
#include "regie-case-organisations.h"
#include "regie-dossier-page.h"
#include "regie-inwoner-rights.h"
#include "regie-privacy.h"
#include "regie-new-case-dialog.h"
#include "regie-referral-wizard.h"
#include "regie-timeline-view.h"
#include "regie-ui-util.h"
#include "regie-validate.h"
#include "regie-visit-bar.h"

/* Notes are saved this long after the last keystroke, and when the page is left. */
#define NOTES_SAVE_DELAY_MS 800

struct _RegieDossierPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *born_label;
  GtkMenuButton  *status_button;
  GtkWidget      *close_button;
  GtkWidget      *reopen_button;
  GtkLabel       *question_label;
  GtkFlowBox     *themes_box;
  GtkLabel       *meta_label;
  GtkWidget      *outcome_group;
  AdwActionRow   *outcome_row;
  GtkListBox     *task_list;
  AdwEntryRow    *task_row;
  AdwEntryRow    *due_row;
  AdwActionRow   *phone_row;
  AdwActionRow   *email_row;
  AdwActionRow   *address_row;
  AdwActionRow   *language_row;
  AdwActionRow   *digid_row;
  GtkTextView    *notes_view;
  GtkWidget      *others_group;
  GtkListBox     *others_list;
  RegieCaseOrganisations *organisations_group;
  RegieTimelineView *timeline_view;
  RegieVisitBar  *visit_bar;
  RegieAuditView *audit_view;

  /* Owned */
  RegieStore     *store;
  RegieCase      *kase;
  RegieCaseList  *others;
  guint           notes_timeout;
  guint           loading_notes : 1;
};

G_DEFINE_FINAL_TYPE (RegieDossierPage, regie_dossier_page, ADW_TYPE_BIN)

enum {
  OPEN_CASE,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sync_page (RegieDossierPage *self);

static GtkWindow *
get_window (RegieDossierPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
show_error (RegieDossierPage *self,
            const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       _("Could Not Save the Change"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "ok", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (RegieDossierPage *self)
{
  gboolean has_case = self->kase != NULL;
  gboolean closed = has_case && regie_case_get_status (self->kase) == REGIE_CASE_STATUS_CLOSED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.set-status", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.close-case", has_case && !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reopen", closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-task", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refer", has_case && !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-json", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.erase-person", has_case);

  gtk_widget_set_visible (self->close_button, !closed);
  gtk_widget_set_visible (self->reopen_button, closed);
}

static void
save_notes (RegieDossierPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);

  if (self->kase == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, regie_case_get_notes (self->kase)) == 0)
    return;

  regie_case_set_notes (self->kase, text);
  if (!regie_case_save (self->store, self->kase, NULL, &error))
    show_error (self, error);
}

static gboolean
on_notes_timeout_cb (gpointer user_data)
{
  RegieDossierPage *self = user_data;

  self->notes_timeout = 0;
  save_notes (self);

  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (RegieDossierPage *self)
{
  if (self->loading_notes)
    return;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, on_notes_timeout_cb, self);
}

static void
on_task_done_toggled_cb (GtkCheckButton *check,
                         RegieDossierPage *self)
{
  RegieTask *task = g_object_get_data (G_OBJECT (check), "task");
  g_autoptr(GError) error = NULL;

  if (gtk_check_button_get_active (check) == regie_task_get_done (task))
    return;

  if (!regie_case_set_task_done (self->store, self->kase, task,
                                 gtk_check_button_get_active (check), NULL, &error))
    show_error (self, error);
}

static void
on_task_delete_clicked_cb (GtkButton        *button,
                           RegieDossierPage *self)
{
  RegieTask *task = g_object_get_data (G_OBJECT (button), "task");
  g_autoptr(GError) error = NULL;

  if (!regie_case_remove_task (self->store, self->kase, task, NULL, &error))
    show_error (self, error);
}

static GtkWidget *
create_task_row (gpointer item,
                 gpointer user_data)
{
  RegieDossierPage *self = user_data;
  RegieTask *task = item;
  g_autofree char *due = regie_date_format (regie_task_get_due_date (task));
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *check, *delete;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_task_get_what (task));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (regie_task_get_done (task))
    subtitle = g_strdup (_("Done"));
  else if (due != NULL && regie_task_is_overdue (task, NULL))
    subtitle = g_strdup_printf (_("Overdue since %s"), due);
  else if (due != NULL)
    subtitle = g_strdup_printf (_("Due %s"), due);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (regie_task_is_overdue (task, NULL))
    gtk_widget_add_css_class (row, "error");
  if (regie_task_get_done (task))
    gtk_widget_add_css_class (row, "dim-label");

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), regie_task_get_done (task));
  gtk_widget_set_tooltip_text (check, _("Done"));
  g_object_set_data_full (G_OBJECT (check), "task", g_object_ref (task), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_task_done_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Task"));
  g_object_set_data_full (G_OBJECT (delete), "task", g_object_ref (task), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_task_delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

static GtkWidget *
create_other_row (gpointer item,
                  gpointer user_data)
{
  RegieDossierPage *self = user_data;
  RegieCaseRow *other = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_case_row_get_question (other));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               regie_case_status_get_label (regie_case_row_get_status (other)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "row", g_object_ref (other), g_object_unref);

  /* The list holds all the inwoner's dossiers; this one is on screen already. */
  gtk_widget_set_visible (row, self->kase == NULL || regie_case_row_get_id (other) != regie_case_get_id (self->kase));

  return row;
}

static void
on_other_activated_cb (RegieDossierPage *self,
                       GtkListBoxRow    *row)
{
  RegieCaseRow *other = g_object_get_data (G_OBJECT (row), "row");

  g_signal_emit (self, signals[OPEN_CASE], 0, regie_case_row_get_id (other));
}

static void
on_others_changed_cb (RegieDossierPage *self)
{
  gtk_widget_set_visible (self->others_group,
                          self->others != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->others)) > 1);
}

static void
on_due_changed_cb (RegieDossierPage *self)
{
  g_autoptr(GError) error = NULL;

  regie_validate_date (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), NULL, &error);
  regie_ui_set_row_error (GTK_WIDGET (self->due_row), _("Due date (day-month-year, optional)"),
                          error ? error->message : NULL);
}

static void
on_task_apply_cb (RegieDossierPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.add-task", NULL);
}

static void
on_case_notify_cb (RegieDossierPage *self)
{
  sync_page (self);
}

static void
sync_page (RegieDossierPage *self)
{
  RegiePerson *person;
  g_autofree char *birth = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GString) born = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) meta = g_string_new (NULL);
  const char * const *themes;
  const char *language;
  GtkWidget *child;
  int age;

  update_actions (self);

  if (self->kase == NULL)
    return;

  person = regie_case_get_person (self->kase);

  adw_avatar_set_text (self->avatar, regie_person_get_display_name (person));
  gtk_label_set_text (self->name_label, regie_person_get_display_name (person));

  birth = regie_date_format (regie_person_get_birth_date (person));
  age = regie_person_get_age (person, NULL);
  if (birth != NULL && age >= 0)
    g_string_printf (born, g_dngettext (GETTEXT_PACKAGE, "%d year · born %s", "%d years · born %s", age),
                     age, birth);
  else
    g_string_assign (born, _("Birth date unknown"));
  if (regie_person_get_bsn (person) != NULL)
    g_string_append_printf (born, " · %s %s", _("BSN"), regie_person_get_bsn (person));
  gtk_label_set_text (self->born_label, born->str);

  gtk_menu_button_set_label (self->status_button,
                             regie_case_status_get_label (regie_case_get_status (self->kase)));

  gtk_label_set_text (self->question_label, regie_case_get_question (self->kase));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->themes_box))) != NULL)
    gtk_flow_box_remove (self->themes_box, child);
  themes = regie_case_get_themes (self->kase);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      GtkWidget *tag = regie_ui_theme_tag_new (themes[i]);

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_flow_box_append (self->themes_box, tag);
    }

  opened = regie_ui_format_day (regie_case_get_opened_at (self->kase));
  g_string_append_printf (meta, _("Opened %s"), opened ? opened : "");
  g_string_append_printf (meta, " · %s", regie_arrival_get_label (regie_case_get_arrival (self->kase)));
  if (regie_case_get_referred_by (self->kase)[0] != '\0')
    g_string_append_printf (meta, ": %s", regie_case_get_referred_by (self->kase));
  if (regie_case_get_casemanager (self->kase)[0] != '\0')
    g_string_append_printf (meta, " · %s %s", _("Casemanager"), regie_case_get_casemanager (self->kase));
  gtk_label_set_text (self->meta_label, meta->str);

  gtk_widget_set_visible (self->outcome_group, regie_case_get_status (self->kase) == REGIE_CASE_STATUS_CLOSED);
  if (regie_case_get_status (self->kase) == REGIE_CASE_STATUS_CLOSED)
    {
      g_autofree char *closed = regie_ui_format_day (regie_case_get_closed_at (self->kase));
      g_autoptr(GString) detail = g_string_new (regie_case_get_outcome_note (self->kase));

      if (regie_case_get_satisfaction (self->kase) > 0)
        g_string_append_printf (detail, "%s%s %d/5", detail->len ? " · " : "",
                                _("Satisfaction"), regie_case_get_satisfaction (self->kase));
      if (closed != NULL)
        g_string_append_printf (detail, "%s%s %s", detail->len ? " · " : "", _("Closed"), closed);
      {
        /* Issue 8: the day the retention period ends, from the period in Preferences. */
        g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
        g_autofree char *until = regie_retention_destroy_on (regie_case_get_closed_at (self->kase),
                                                             g_settings_get_uint (settings, "retention-months"));
        g_autofree char *day = regie_ui_format_day (until);

        if (day != NULL)
          {
            g_string_append (detail, detail->len ? " · " : "");
            /* Translators: on a closed case: the day its retention period ends */
            g_string_append_printf (detail, _("to be destroyed from %s"), day);
          }
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row),
                                     regie_outcome_get_label (regie_case_get_outcome (self->kase)));
      adw_action_row_set_subtitle (self->outcome_row, detail->str);
    }

  adw_action_row_set_subtitle (self->phone_row, regie_person_get_phone (person));
  adw_action_row_set_subtitle (self->email_row, regie_person_get_email (person));
  g_string_append_printf (address, "%s %s", regie_person_get_street (person),
                          regie_person_get_house_number (person));
  if (regie_person_get_postcode (person)[0] != '\0' || regie_person_get_city (person)[0] != '\0')
    g_string_append_printf (address, ", %s %s", regie_person_get_postcode (person), regie_person_get_city (person));
  adw_action_row_set_subtitle (self->address_row, g_strstrip (address->str));

  language = regie_person_get_language (person);
  if (regie_person_get_interpreter_needed (person))
    {
      g_autofree char *text = g_strdup_printf (_("%s, interpreter needed"), language[0] ? language : _("Unknown"));

      adw_action_row_set_subtitle (self->language_row, text);
    }
  else
    {
      adw_action_row_set_subtitle (self->language_row, language);
    }
  adw_action_row_set_subtitle (self->digid_row, regie_digid_status_get_label (regie_person_get_digid_status (person)));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!regie_case_change_status (self->store, self->kase, g_variant_get_int32 (parameter), NULL, &error))
    show_error (self, error);
  sync_page (self);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RegieDossierPage *self)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *outcome_row = g_object_get_data (G_OBJECT (dialog), "outcome");
  AdwEntryRow *note_row = g_object_get_data (G_OBJECT (dialog), "note");
  AdwComboRow *satisfaction_row = g_object_get_data (G_OBJECT (dialog), "satisfaction");

  if (g_strcmp0 (response, "close") != 0 || self->kase == NULL)
    return;

  /* Item 0 of each list is "choose" / "not asked". */
  if (!regie_case_close (self->store, self->kase,
                         adw_combo_row_get_selected (outcome_row),
                         gtk_editable_get_text (GTK_EDITABLE (note_row)),
                         adw_combo_row_get_selected (satisfaction_row),
                         NULL, &error))
    show_error (self, error);
  sync_page (self);
}

static void
on_outcome_selected_cb (AdwComboRow      *row,
                        GParamSpec       *pspec,
                        AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "close", adw_combo_row_get_selected (row) > 0);
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scores = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *group, *outcome, *note, *satisfaction;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Close Case?"),
                                                       _("Record how it ended. You can reopen the case later.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "close", FALSE);

  gtk_string_list_append (outcomes, _("Choose…"));
  for (int o = REGIE_OUTCOME_SOLVED; o <= REGIE_OUTCOME_CITIZEN_WITHDREW; o++)
    gtk_string_list_append (outcomes, regie_outcome_get_label (o));
  gtk_string_list_append (scores, _("Not asked"));
  for (int s = 1; s <= 5; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d", s);

      gtk_string_list_append (scores, label);
    }

  group = adw_preferences_group_new ();
  outcome = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (outcome), _("Outcome"));
  adw_combo_row_set_model (ADW_COMBO_ROW (outcome), G_LIST_MODEL (outcomes));
  g_signal_connect (outcome, "notify::selected", G_CALLBACK (on_outcome_selected_cb), dialog);
  note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  satisfaction = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (satisfaction), _("Satisfaction (1–5)"));
  adw_combo_row_set_model (ADW_COMBO_ROW (satisfaction), G_LIST_MODEL (scores));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), outcome);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), satisfaction);
  adw_message_dialog_set_extra_child (dialog, group);

  g_object_set_data (G_OBJECT (dialog), "outcome", outcome);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_object_set_data (G_OBJECT (dialog), "satisfaction", satisfaction);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!regie_case_reopen (self->store, self->kase, NULL, &error))
    show_error (self, error);
  sync_page (self);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RegieDossierPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "delete") != 0 || self->kase == NULL)
    return;

  id = regie_case_get_id (self->kase);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (!regie_case_delete (self->store, id, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  regie_dossier_page_clear (self);
  g_signal_emit (self, signals[DELETED], 0, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Delete Case?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The case of %s, with its tasks and history, is removed for good. "
                                    "This cannot be undone."),
                                  regie_person_get_display_name (regie_case_get_person (self->kase)));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_saved_cb (RegieDossierPage *self,
                  gint64            id)
{
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  /* Shown again without a second "view" row: the casemanager never left it. */
  kase = regie_case_load (self->store, id, &error);
  if (kase == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->kase, kase);
  sync_page (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  RegieNewCaseDialog *dialog;

  save_notes (self);

  dialog = regie_new_case_dialog_new_edit (self->store, self->kase);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_window (self));
  g_signal_connect_object (dialog, "case-saved", G_CALLBACK (on_edit_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  g_autofree char *what = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->task_row))));
  g_autofree char *due = NULL;
  g_autoptr(RegieTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (what[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->task_row));
      return;
    }
  if (!regie_validate_date (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), &due, NULL))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      return;
    }

  task = regie_case_add_task (self->store, self->kase, what, due, NULL, &error);
  if (task == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->task_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->task_row));
}

/* Resumes the dossier's draft referral when there is one (issue 6). */
static void
refer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);
  g_autoptr(RegieReferral) draft = NULL;
  g_autoptr(GError) error = NULL;
  RegieReferralWizard *wizard;

  save_notes (self);
  draft = regie_referral_find_draft (self->store, regie_case_get_id (self->kase), &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  wizard = regie_referral_wizard_new (self->store, self->kase, draft);
  gtk_window_set_transient_for (GTK_WINDOW (wizard), get_window (self));
  g_signal_connect_object (wizard, "finished", G_CALLBACK (regie_timeline_view_reload),
                           self->timeline_view, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

/* The inwoner's rights (issue 8): export for art. 15 and 20, erasure for art. 17. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);

  save_notes (self);
  regie_inwoner_rights_export (get_window (self), self->store, regie_case_get_person_id (self->kase),
                               g_strcmp0 (action_name, "page.export-pdf") == 0);
}

static void
on_erased (gpointer user_data)
{
  RegieDossierPage *self = user_data;
  gint64 id = self->kase ? regie_case_get_id (self->kase) : 0;

  regie_dossier_page_clear (self);
  g_signal_emit (self, signals[DELETED], 0, id);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (widget);

  save_notes (self);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  regie_inwoner_rights_erase (get_window (self), self->store, regie_case_get_person_id (self->kase),
                              regie_person_get_display_name (regie_case_get_person (self->kase)),
                              on_erased, self);
}

static void
regie_dossier_page_dispose (GObject *object)
{
  RegieDossierPage *self = REGIE_DOSSIER_PAGE (object);

  regie_dossier_page_clear (self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_DOSSIER_PAGE);

  G_OBJECT_CLASS (regie_dossier_page_parent_class)->dispose (object);
}

static void
regie_dossier_page_class_init (RegieDossierPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_dossier_page_dispose;

  g_type_ensure (REGIE_TYPE_TIMELINE_VIEW);
  g_type_ensure (REGIE_TYPE_VISIT_BAR);
  g_type_ensure (REGIE_TYPE_CASE_ORGANISATIONS);

  /**
   * RegieDossierPage::open-case:
   * @id: another dossier of the same inwoner
   */
  signals[OPEN_CASE] =
    g_signal_new ("open-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * RegieDossierPage::deleted:
   * @id: the dossier that was deleted; the page is empty now
   */
  signals[DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-dossier-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, born_label);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, themes_box);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, task_list);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, task_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, due_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, digid_row);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, others_group);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, others_list);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, organisations_group);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, RegieDossierPage, visit_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_task_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_other_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.set-status", "i", set_status_action);
  gtk_widget_class_install_action (widget_class, "page.close-case", NULL, close_case_action);
  gtk_widget_class_install_action (widget_class, "page.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "page.refer", NULL, refer_action);
  gtk_widget_class_install_action (widget_class, "page.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.erase-person", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "page.refer", NULL);
}

static void
regie_dossier_page_init (RegieDossierPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) close_section = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* "Access to this case" (issue 8), last on the page. */
  self->audit_view = regie_audit_view_new ();
  gtk_widget_insert_after (GTK_WIDGET (self->audit_view), gtk_widget_get_parent (self->others_group),
                           self->others_group);

  /* The statuses and their words come from the core; closing asks for the outcome. */
  for (int s = REGIE_CASE_STATUS_NEW; s < REGIE_CASE_STATUS_CLOSED; s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (regie_case_status_get_label (s), NULL);

      g_menu_item_set_action_and_target_value (item, "page.set-status", g_variant_new_int32 (s));
      g_menu_append_item (open_section, item);
    }
  g_menu_append (close_section, _("Close Case…"), "page.close-case");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (close_section));
  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (menu));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  /* The visit timer and the timeline show the same items: each follows the other's changes. */
  g_signal_connect_object (self->visit_bar, "changed", G_CALLBACK (regie_timeline_view_reload),
                           self->timeline_view, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "changed", G_CALLBACK (regie_visit_bar_sync),
                           self->visit_bar, G_CONNECT_SWAPPED);

  update_actions (self);
}

gboolean
regie_dossier_page_open (RegieDossierPage *self,
                         RegieStore       *store,
                         gint64            id,
                         GError          **error)
{
  g_autoptr(RegieCase) kase = NULL;

  g_return_val_if_fail (REGIE_IS_DOSSIER_PAGE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  kase = regie_case_open (store, id, NULL, error);
  if (kase == NULL)
    return FALSE;

  regie_dossier_page_clear (self);
  g_set_object (&self->store, store);
  self->kase = g_steal_pointer (&kase);
  regie_case_organisations_set_case (self->organisations_group, store, regie_case_get_id (self->kase));
  g_signal_connect_object (self->kase, "notify", G_CALLBACK (on_case_notify_cb), self, G_CONNECT_SWAPPED);

  self->loading_notes = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), regie_case_get_notes (self->kase), -1);
  self->loading_notes = FALSE;

  gtk_list_box_bind_model (self->task_list, regie_case_get_tasks (self->kase), create_task_row, self, NULL);

  self->others = regie_case_list_new (store);
  regie_case_list_set_person_filter (self->others, regie_case_get_person_id (self->kase));
  g_signal_connect_object (self->others, "items-changed", G_CALLBACK (on_others_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->others_list, G_LIST_MODEL (self->others), create_other_row, self, NULL);
  on_others_changed_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->task_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), "");

  regie_timeline_view_set_case (self->timeline_view, store, self->kase);
  regie_visit_bar_set_case (self->visit_bar, store, self->kase);
  regie_audit_view_set_case (self->audit_view, store, regie_case_get_id (self->kase));
  sync_page (self);

  return TRUE;
}

void
regie_dossier_page_clear (RegieDossierPage *self)
{
  g_return_if_fail (REGIE_IS_DOSSIER_PAGE (self));

  save_notes (self);

  if (self->task_list != NULL)
    gtk_list_box_bind_model (self->task_list, NULL, NULL, NULL, NULL);
  if (self->others_list != NULL)
    gtk_list_box_bind_model (self->others_list, NULL, NULL, NULL, NULL);
  if (self->timeline_view != NULL)
    regie_timeline_view_set_case (self->timeline_view, NULL, NULL);
  if (self->visit_bar != NULL)
    regie_visit_bar_set_case (self->visit_bar, NULL, NULL);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, on_case_notify_cb, self);
  if (self->organisations_group != NULL)
    regie_case_organisations_set_case (self->organisations_group, NULL, 0);
  if (self->audit_view != NULL)
    regie_audit_view_set_case (self->audit_view, NULL, 0);
  g_clear_object (&self->others);
  g_clear_object (&self->kase);

  if (self->task_row != NULL)
    update_actions (self);
}

RegieCase *
regie_dossier_page_get_case (RegieDossierPage *self)
{
  g_return_val_if_fail (REGIE_IS_DOSSIER_PAGE (self), NULL);

  return self->kase;
}

GtkWidget *
_regie_dossier_page_get_task_row (RegieDossierPage *self)
{
  return GTK_WIDGET (self->task_row);
}

GtkWidget *
_regie_dossier_page_get_due_row (RegieDossierPage *self)
{
  return GTK_WIDGET (self->due_row);
}

GtkListBox *
_regie_dossier_page_get_task_list (RegieDossierPage *self)
{
  return self->task_list;
}

GtkWidget *
_regie_dossier_page_get_timeline_view (RegieDossierPage *self)
{
  return GTK_WIDGET (self->timeline_view);
}

GtkWidget *
_regie_dossier_page_get_visit_bar (RegieDossierPage *self)
{
  return GTK_WIDGET (self->visit_bar);
}
