/* regie-new-case-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-new-case-dialog.h"
#include "regie-person-editor.h"
#include "regie-theme.h"
#include "regie-validate.h"

/* Enough to recognise someone; more means the casemanager should type more. */
#define MAX_MATCHES 8

struct _RegieNewCaseDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *back_button;
  GtkWidget         *save_button;
  GtkWidget         *next_button;
  GtkLabel          *error_label;
  GtkStack          *steps;
  AdwEntryRow       *search_row;
  GtkWidget         *matches_group;
  GtkListBox        *matches;
  GtkWidget         *duplicates_group;
  GtkListBox        *duplicates;
  RegiePersonEditor *editor;
  GtkTextView       *question_view;
  GtkFlowBox        *themes_box;
  AdwComboRow       *arrival_row;
  AdwEntryRow       *referred_by_row;
  AdwEntryRow       *casemanager_row;

  /* Owned */
  RegieStore        *store;
  RegieCase         *kase;         /* the dossier being edited, or NULL for a new one */
  RegiePerson       *person;       /* an existing inwoner chosen or edited, or NULL */
  GListModel        *found;
  GListModel        *duplicate_persons;
  guint              duplicates_timeout;
  GPtrArray         *theme_checks;
};

G_DEFINE_FINAL_TYPE (RegieNewCaseDialog, regie_new_case_dialog, ADW_TYPE_WINDOW)

enum {
  CASE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
question_is_empty (RegieNewCaseDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->question_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return *g_strstrip (text) == '\0';
}

static guint
count_themes (RegieNewCaseDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->theme_checks->len; i++)
    n += gtk_check_button_get_active (self->theme_checks->pdata[i]);

  return n;
}

static void
update_actions (RegieNewCaseDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);
  gboolean on_find = g_strcmp0 (step, "find") == 0;
  gboolean on_person = g_strcmp0 (step, "person") == 0;
  gboolean on_case = g_strcmp0 (step, "case") == 0;
  gboolean person_ok = regie_person_editor_get_valid (self->editor);
  gboolean case_ok = !question_is_empty (self) && count_themes (self) > 0;
  /* Editing, Save is on both steps: the person alone may have changed. */
  gboolean editing = self->kase != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.back", !on_find && !(editing && on_person));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.next", on_person && person_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.new-person", on_find);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 (on_case || (editing && on_person)) && person_ok && case_ok);

  gtk_widget_set_visible (self->cancel_button, on_find || (editing && on_person));
  gtk_widget_set_visible (self->back_button, !on_find && !(editing && on_person));
  gtk_widget_set_visible (self->next_button, on_person);
  gtk_widget_set_visible (self->save_button, on_case || (editing && on_person));
}

static void
show_step (RegieNewCaseDialog *self,
           const char         *step)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->steps, step);

  if (g_strcmp0 (step, "find") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
  else if (g_strcmp0 (step, "person") == 0)
    regie_person_editor_focus (self->editor);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->question_view));
}

static GtkWidget *
create_match_row (gpointer item,
                  gpointer user_data)
{
  RegiePerson *person = item;
  g_autofree char *birth = regie_date_format (regie_person_get_birth_date (person));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  if (birth != NULL)
    g_string_append_printf (subtitle, _("born %s"), birth);
  if (regie_person_get_postcode (person)[0] != '\0')
    g_string_append_printf (subtitle, "%s%s %s", subtitle->len ? " · " : "",
                            regie_person_get_postcode (person), regie_person_get_city (person));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_person_get_display_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

  return row;
}

static void
on_search_changed_cb (RegieNewCaseDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->found);
  if (*text != '\0')
    self->found = regie_person_find (self->store, text, MAX_MATCHES, &error);
  if (error != NULL)
    g_warning ("Could not look for residents: %s", error->message);

  gtk_list_box_bind_model (self->matches, self->found, create_match_row, NULL, NULL);
  gtk_widget_set_visible (self->matches_group,
                          self->found != NULL && g_list_model_get_n_items (self->found) > 0);
}

static void
on_search_activated_cb (RegieNewCaseDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.new-person", NULL);
}

static void
on_match_activated_cb (RegieNewCaseDialog *self,
                       GtkListBoxRow      *row)
{
  RegiePerson *person = g_object_get_data (G_OBJECT (row), "person");

  g_set_object (&self->person, person);
  regie_person_editor_set_person (self->editor, person);
  show_step (self, "case");
  update_actions (self);
}

static void
on_step_changed_cb (RegieNewCaseDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  if (self->kase != NULL)
    adw_window_title_set_subtitle (self->window_title, NULL);
  else if (g_strcmp0 (step, "find") == 0)
    adw_window_title_set_subtitle (self->window_title, _("Step 1 of 3: Resident"));
  else if (g_strcmp0 (step, "person") == 0)
    adw_window_title_set_subtitle (self->window_title, _("Step 2 of 3: Details"));
  else
    adw_window_title_set_subtitle (self->window_title, _("Step 3 of 3: Question"));

  update_actions (self);
}

/* After a pause in typing, so the store is asked once per word rather than per key. */
#define DUPLICATES_DELAY_MS 300

static gboolean
on_duplicates_timeout_cb (gpointer user_data)
{
  RegieNewCaseDialog *self = user_data;
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(GError) error = NULL;

  self->duplicates_timeout = 0;

  regie_person_editor_apply (self->editor, person);
  g_clear_object (&self->duplicate_persons);
  self->duplicate_persons = regie_person_find_duplicates (self->store, person, MAX_MATCHES, &error);
  if (error != NULL)
    g_warning ("Could not look for the same resident: %s", error->message);

  gtk_list_box_bind_model (self->duplicates, self->duplicate_persons, create_match_row, NULL, NULL);
  gtk_widget_set_visible (self->duplicates_group,
                          self->duplicate_persons != NULL &&
                          g_list_model_get_n_items (self->duplicate_persons) > 0);

  return G_SOURCE_REMOVE;
}

static void
on_editor_changed_cb (RegieNewCaseDialog *self)
{
  /* Only a new inwoner can be a duplicate of someone. */
  if (self->kase != NULL || self->person != NULL || self->store == NULL)
    return;

  g_clear_handle_id (&self->duplicates_timeout, g_source_remove);
  self->duplicates_timeout = g_timeout_add (DUPLICATES_DELAY_MS, on_duplicates_timeout_cb, self);
}

static void
on_editor_valid_cb (RegieNewCaseDialog *self)
{
  update_actions (self);
}

static void
on_case_input_changed_cb (RegieNewCaseDialog *self)
{
  update_actions (self);
}

static void
on_arrival_changed_cb (RegieNewCaseDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->referred_by_row),
                          adw_combo_row_get_selected (self->arrival_row) ==
                          REGIE_ARRIVAL_REFERRED_BY_ORGANISATION);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RegieNewCaseDialog *self = REGIE_NEW_CASE_DIALOG (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autofree char *birth_date = NULL;

  /* What was typed to look for them is where the form starts: a date or a surname. */
  if (regie_validate_birth_date (text, NULL, &birth_date, NULL) && birth_date != NULL)
    regie_person_set_birth_date (person, birth_date);
  else
    regie_person_set_surname (person, text);

  g_clear_object (&self->person);
  regie_person_editor_set_person (self->editor, person);
  show_step (self, "person");
  update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RegieNewCaseDialog *self = REGIE_NEW_CASE_DIALOG (widget);
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  /* An existing inwoner was picked from the matches, so back goes to them. */
  if (g_strcmp0 (step, "case") == 0 && (self->person == NULL || self->kase != NULL))
    show_step (self, "person");
  else
    show_step (self, "find");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_step (REGIE_NEW_CASE_DIALOG (widget), "case");
}

static void
fill_case (RegieNewCaseDialog *self,
           RegieCase          *kase)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->question_view);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autofree char *question = NULL;
  GtkTextIter start, end;
  guint arrival = adw_combo_row_get_selected (self->arrival_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  question = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  for (guint i = 0; i < self->theme_checks->len; i++)
    if (gtk_check_button_get_active (self->theme_checks->pdata[i]))
      g_ptr_array_add (themes, (gpointer) regie_theme_get_ids ()[i]);
  g_ptr_array_add (themes, NULL);

  regie_case_set_question (kase, g_strstrip (question));
  regie_case_set_themes (kase, (const char * const *) themes->pdata);
  regie_case_set_arrival (kase, arrival == GTK_INVALID_LIST_POSITION ? REGIE_ARRIVAL_WALK_IN : arrival);
  regie_case_set_referred_by (kase, arrival == REGIE_ARRIVAL_REFERRED_BY_ORGANISATION
                                    ? gtk_editable_get_text (GTK_EDITABLE (self->referred_by_row)) : "");
  regie_case_set_casemanager (kase, gtk_editable_get_text (GTK_EDITABLE (self->casemanager_row)));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RegieNewCaseDialog *self = REGIE_NEW_CASE_DIALOG (widget);
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(RegiePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->kase != NULL)
    {
      kase = g_object_ref (self->kase);
      person = g_object_ref (regie_case_get_person (kase));
      regie_person_editor_apply (self->editor, person);
      fill_case (self, kase);
      ok = regie_person_save (self->store, person, NULL, &error) &&
           regie_case_save (self->store, kase, NULL, &error);
    }
  else
    {
      kase = regie_case_new ();
      person = self->person ? g_object_ref (self->person) : regie_person_new ();
      /* A chosen inwoner's own details are only saved when they were edited here. */
      if (self->person == NULL)
        regie_person_editor_apply (self->editor, person);
      fill_case (self, kase);
      ok = regie_case_create (self->store, kase, person, NULL, &error);
    }

  if (!ok)
    {
      /* Nothing typed is lost: the dialog stays, with the reason above it. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CASE_SAVED], 0, regie_case_get_id (kase));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
regie_new_case_dialog_dispose (GObject *object)
{
  RegieNewCaseDialog *self = REGIE_NEW_CASE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->person);
  g_clear_object (&self->found);
  g_clear_object (&self->duplicate_persons);
  g_clear_handle_id (&self->duplicates_timeout, g_source_remove);
  g_clear_pointer (&self->theme_checks, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_NEW_CASE_DIALOG);

  G_OBJECT_CLASS (regie_new_case_dialog_parent_class)->dispose (object);
}

static void
regie_new_case_dialog_class_init (RegieNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_new_case_dialog_dispose;

  /**
   * RegieNewCaseDialog::case-saved:
   * @id: the dossier's id
   *
   * The dossier was created or changed; the dialog closes.
   */
  signals[CASE_SAVED] =
    g_signal_new ("case-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (REGIE_TYPE_PERSON_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, search_row);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, matches_group);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, matches);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, duplicates);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, editor);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, question_view);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, themes_box);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, referred_by_row);
  gtk_widget_class_bind_template_child (widget_class, RegieNewCaseDialog, casemanager_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_match_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_valid_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_arrival_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "dialog.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dialog.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
regie_new_case_dialog_init (RegieNewCaseDialog *self)
{
  g_autoptr(GtkStringList) arrivals = gtk_string_list_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *me = g_settings_get_string (settings, "casemanager-name");
  const char * const *ids = regie_theme_get_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->theme_checks = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (regie_theme_get_label (ids[i]));

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_case_input_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->themes_box, check);
      g_ptr_array_add (self->theme_checks, check);
    }

  for (int a = REGIE_ARRIVAL_WALK_IN; a <= REGIE_ARRIVAL_REFERRED_BY_ORGANISATION; a++)
    gtk_string_list_append (arrivals, regie_arrival_get_label (a));
  adw_combo_row_set_model (self->arrival_row, G_LIST_MODEL (arrivals));
  on_arrival_changed_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->casemanager_row), me);

  g_signal_connect_object (gtk_text_view_get_buffer (self->question_view), "changed",
                           G_CALLBACK (on_case_input_changed_cb), self, G_CONNECT_SWAPPED);

  adw_window_title_set_title (self->window_title, _("New Case"));
  on_step_changed_cb (self);
}

RegieNewCaseDialog *
regie_new_case_dialog_new (RegieStore *store)
{
  RegieNewCaseDialog *self;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  self = g_object_new (REGIE_TYPE_NEW_CASE_DIALOG, NULL);
  self->store = g_object_ref (store);
  show_step (self, "find");

  return self;
}

RegieNewCaseDialog *
regie_new_case_dialog_new_edit (RegieStore *store,
                                RegieCase  *kase)
{
  RegieNewCaseDialog *self;
  const char * const *themes;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_CASE (kase), NULL);

  self = g_object_new (REGIE_TYPE_NEW_CASE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->kase = g_object_ref (kase);
  adw_window_title_set_title (self->window_title, _("Edit Case"));

  regie_person_editor_set_person (self->editor, regie_case_get_person (kase));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->question_view),
                            regie_case_get_question (kase), -1);
  themes = regie_case_get_themes (kase);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      int index = regie_theme_get_index (themes[i]);

      if (index >= 0)
        gtk_check_button_set_active (self->theme_checks->pdata[index], TRUE);
    }
  adw_combo_row_set_selected (self->arrival_row, regie_case_get_arrival (kase));
  gtk_editable_set_text (GTK_EDITABLE (self->referred_by_row), regie_case_get_referred_by (kase));
  gtk_editable_set_text (GTK_EDITABLE (self->casemanager_row), regie_case_get_casemanager (kase));

  show_step (self, "person");
  on_step_changed_cb (self);

  return self;
}

const char *
_regie_new_case_dialog_get_step (RegieNewCaseDialog *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

GtkWidget *
_regie_new_case_dialog_get_search_row (RegieNewCaseDialog *self)
{
  return GTK_WIDGET (self->search_row);
}

GtkWidget *
_regie_new_case_dialog_get_matches (RegieNewCaseDialog *self)
{
  return GTK_WIDGET (self->matches);
}

GtkWidget *
_regie_new_case_dialog_get_duplicates (RegieNewCaseDialog *self)
{
  return GTK_WIDGET (self->duplicates);
}

GtkWidget *
_regie_new_case_dialog_get_editor (RegieNewCaseDialog *self)
{
  return GTK_WIDGET (self->editor);
}

GtkWidget *
_regie_new_case_dialog_get_question (RegieNewCaseDialog *self)
{
  return GTK_WIDGET (self->question_view);
}

GtkWidget *
_regie_new_case_dialog_get_theme_check (RegieNewCaseDialog *self,
                                        const char         *theme_id)
{
  int index = regie_theme_get_index (theme_id);

  g_return_val_if_fail (index >= 0, NULL);

  return self->theme_checks->pdata[index];
}
