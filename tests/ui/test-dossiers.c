/* test-dossiers.c — the Dossiers view, the new-dossier dialog and the dossier page
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch, and works the widgets as a casemanager would: type, tick, press the buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "regie-application.h"
#include "regie-case-list-view.h"
#include "regie-dossier-page.h"
#include "regie-new-case-dialog.h"
#include "regie-person-editor.h"
#include "regie-store-error-page.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

static RegieNewCaseDialog *
find_new_case_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_NEW_CASE_DIALOG (window))
        return REGIE_NEW_CASE_DIALOG (window);
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  regie_test_settle ();
}

/* Clicks the button for ACTION inside WIDGET, after checking a person could. */
static void
click (GtkWidget  *widget,
       const char *action)
{
  GtkWidget *button = regie_test_find_button_for_action (widget, action);

  if (button == NULL)
    g_error ("No button for %s", action);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));

  /* An activated GtkButton shows itself pressed for a moment before it emits clicked. */
  for (guint i = 0; i < 4; i++)
    regie_test_settle ();
}

static gboolean
button_is_sensitive (GtkWidget  *widget,
                     const char *action)
{
  GtkWidget *button = regie_test_find_button_for_action (widget, action);

  g_assert_nonnull (button);

  return gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button);
}

/* Another inwoner already in the store, who must not show up when searching for ours. */
static void
add_fixture_case (RegieStore *store)
{
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "toeslagen", NULL };

  regie_person_set_given_names (person, "Karel");
  regie_person_set_surname (person, "Proefmans");
  regie_case_set_question (kase, "Mijn toeslag is stopgezet.");
  regie_case_set_themes (kase, themes);
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);
}

static RegieNewCaseDialog *
open_new_case_dialog (RegieWindow *window)
{
  RegieNewCaseDialog *dialog;

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK));
  wait_for ((dialog = find_new_case_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)),
            "the new-case dialog to show");
  regie_test_settle ();
  g_assert_cmpstr (_regie_new_case_dialog_get_step (dialog), ==, "find");

  return dialog;
}

static void
check_dossier_flow (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  RegieCaseListView *list_view = REGIE_CASE_LIST_VIEW (_regie_window_get_case_list (window));
  RegieDossierPage *page = REGIE_DOSSIER_PAGE (_regie_window_get_dossier_page (window));
  GListModel *model;
  RegieNewCaseDialog *dialog;
  RegiePersonEditor *editor;
  AdwMessageDialog *close_dialog;
  GtkTextBuffer *question;
  GtkWidget *search;
  GtkWidget *task_row;
  RegieCase *kase;
  g_autoptr(RegieCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = NULL;
  gint64 id;

  /* An empty store says so, and invites the first dossier. */
  regie_test_settle ();
  g_assert_cmpstr (_regie_case_list_view_get_state (list_view), ==, "empty");
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Nog geen dossiers"));

  add_fixture_case (store);
  wait_for (g_strcmp0 (_regie_case_list_view_get_state (list_view), "list") == 0,
            "the fixture dossier to be listed");

  /* Step 1: nobody by that name yet, so a new inwoner, with the name typed kept. */
  dialog = open_new_case_dialog (window);
  type_into (_regie_new_case_dialog_get_search_row (dialog), "Voorbeeldstra");
  g_assert_false (gtk_widget_get_mapped (_regie_new_case_dialog_get_matches (dialog)));
  click (GTK_WIDGET (dialog), "dialog.new-person");
  g_assert_cmpstr (_regie_new_case_dialog_get_step (dialog), ==, "person");

  /* Step 2: the person form. */
  editor = REGIE_PERSON_EDITOR (_regie_new_case_dialog_get_editor (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "surname"))),
                   ==, "Voorbeeldstra");
  type_into (_regie_person_editor_get_row (editor, "given-names"), "Jan");
  type_into (_regie_person_editor_get_row (editor, "prefix"), "van der");
  type_into (_regie_person_editor_get_row (editor, "birth-date"), "12-3-1980");
  bsn = g_strdup ("999990019");
  type_into (_regie_person_editor_get_row (editor, "bsn"), bsn);
  type_into (_regie_person_editor_get_row (editor, "postcode"), "9711ab");
  type_into (_regie_person_editor_get_row (editor, "phone"), "06 12345678");
  g_assert_false (gtk_widget_has_css_class (_regie_person_editor_get_row (editor, "postcode"), "error"));
  click (GTK_WIDGET (dialog), "dialog.next");
  g_assert_cmpstr (_regie_new_case_dialog_get_step (dialog), ==, "case");

  /* Step 3: no question and no theme yet, so nothing to save. */
  g_assert_false (button_is_sensitive (GTK_WIDGET (dialog), "dialog.save"));
  question = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_regie_new_case_dialog_get_question (dialog)));
  gtk_text_buffer_set_text (question, "Ik krijg aanmaningen van drie instanties en weet niet waar ik moet beginnen.", -1);
  regie_test_settle ();
  g_assert_false (button_is_sensitive (GTK_WIDGET (dialog), "dialog.save"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_regie_new_case_dialog_get_theme_check (dialog, "schulden")), TRUE);
  regie_test_settle ();
  click (GTK_WIDGET (dialog), "dialog.save");

  /* Saved: the dialog is gone and the new dossier is open. */
  wait_for (find_new_case_dialog () == NULL, "the dialog to close");
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  kase = regie_dossier_page_get_case (page);
  g_assert_nonnull (kase);
  id = regie_case_get_id (kase);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Jan van der Voorbeeldstra"));
  g_assert_cmpstr (regie_person_get_bsn (regie_case_get_person (kase)), ==, bsn);
  g_assert_cmpstr (regie_person_get_postcode (regie_case_get_person (kase)), ==, "9711 AB");
  g_assert_true (regie_case_has_theme (kase, "schulden"));

  /* Back to the list (Escape), and find it by part of the surname. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "list");
  model = G_LIST_MODEL (regie_case_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  search = GTK_WIDGET (_regie_case_list_view_get_search_entry (list_view));
  g_assert_true (gtk_widget_has_focus (search) ||
                 gtk_widget_has_focus (gtk_widget_get_focus_child (search)));
  type_into (search, "voorbeelds");
  wait_for (g_list_model_get_n_items (model) == 1, "the search to leave one dossier");
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Voorbeeldstra, Jan van der"));
  g_assert_null (regie_test_find_label (GTK_WIDGET (window), "Proefmans, Karel"));

  /* Nothing found has its own page; clearing the search brings both back. */
  type_into (search, "voorbeeldsx");
  wait_for (g_list_model_get_n_items (model) == 0, "the search to find nothing");
  regie_test_settle ();
  g_assert_cmpstr (_regie_case_list_view_get_state (list_view), ==, "no-results");
  type_into (search, "voorbeelds");
  wait_for (g_list_model_get_n_items (model) == 1, "the search to find it again");
  regie_test_settle ();

  /* Open it as a click does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_regie_case_list_view_get_list_view (list_view)),
                                             "list.activate-item", "u", 0));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  kase = regie_dossier_page_get_case (page);
  g_assert_cmpint (regie_case_get_id (kase), ==, id);

  /* Add a task that is overdue already. */
  task_row = _regie_dossier_page_get_task_row (page);
  type_into (_regie_dossier_page_get_due_row (page), "1-2-2020");
  type_into (task_row, "Brief van de Belastingdienst opvragen");
  g_signal_emit_by_name (task_row, "entry-activated");
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (kase)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (task_row)), ==, "");
  {
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (_regie_dossier_page_get_task_list (page), 0));

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_nonnull (regie_test_find_label (row, "Brief van de Belastingdienst opvragen"));
  }

  /* A second task, ticked off; the first stays open. */
  type_into (task_row, "Terugbellen");
  g_signal_emit_by_name (task_row, "entry-activated");
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (kase)), ==, 2);
  {
    GtkWidget *row = regie_test_find_label (GTK_WIDGET (_regie_dossier_page_get_task_list (page)), "Terugbellen");
    GtkWidget *check;

    g_assert_nonnull (row);
    row = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW);
    check = regie_test_find_widget_of_type (row, GTK_TYPE_CHECK_BUTTON);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    regie_test_settle ();
  }
  {
    guint done = 0;

    for (guint i = 0; i < g_list_model_get_n_items (regie_case_get_tasks (kase)); i++)
      {
        g_autoptr(RegieTask) task = g_list_model_get_item (regie_case_get_tasks (kase), i);

        done += regie_task_get_done (task);
        g_assert_true (regie_task_get_done (task) == (g_strcmp0 (regie_task_get_what (task), "Terugbellen") == 0));
      }
    g_assert_cmpuint (done, ==, 1);
  }

  /* Notes are kept without a Save button. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (regie_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW))),
                            "Heeft zoon als steun meegenomen.", -1);
  wait_for (g_strcmp0 (regie_case_get_notes (kase), "Heeft zoon als steun meegenomen.") == 0,
            "the notes to be saved");

  /* Close it with an outcome: not possible before one is chosen. */
  click (GTK_WIDGET (page), "page.close-case");
  wait_for ((close_dialog = find_message_dialog ()) != NULL, "the close dialog to show");
  regie_test_settle ();
  g_assert_false (adw_message_dialog_get_response_enabled (close_dialog, "close"));
  {
    AdwComboRow *outcome = ADW_COMBO_ROW (regie_test_find_widget_of_type (adw_message_dialog_get_extra_child (close_dialog),
                                                               ADW_TYPE_COMBO_ROW));

    adw_combo_row_set_selected (outcome, REGIE_OUTCOME_SOLVED);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (close_dialog, "close"));
  adw_message_dialog_response (close_dialog, "close");
  gtk_window_destroy (GTK_WINDOW (close_dialog));
  regie_test_settle ();

  g_assert_cmpint (regie_case_get_status (kase), ==, REGIE_CASE_STATUS_CLOSED);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (page), "Afgesloten"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (page), "Opgelost"));
  stored = regie_case_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_case_get_status (stored), ==, REGIE_CASE_STATUS_CLOSED);
  g_assert_cmpint (regie_case_get_outcome (stored), ==, REGIE_OUTCOME_SOLVED);
  g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (stored)), ==, 2);
  g_assert_cmpstr (regie_case_get_notes (stored), ==, "Heeft zoon als steun meegenomen.");

  /* Reopened, the status menu moves it on. */
  click (GTK_WIDGET (page), "page.reopen");
  g_assert_cmpint (regie_case_get_status (kase), !=, REGIE_CASE_STATUS_CLOSED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.set-status", "i",
                                             REGIE_CASE_STATUS_WAITING_FOR_OTHERS));
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (page), "Wacht op anderen"));

  /* Editing the person through the same form, with what was there filled in. */
  click (GTK_WIDGET (page), "page.edit");
  wait_for ((dialog = find_new_case_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)),
            "the edit dialog to show");
  g_assert_cmpstr (_regie_new_case_dialog_get_step (dialog), ==, "person");
  editor = REGIE_PERSON_EDITOR (_regie_new_case_dialog_get_editor (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "birth-date"))),
                   ==, "12-03-1980");
  type_into (_regie_person_editor_get_row (editor, "preferred-name"), "Jantje");
  click (GTK_WIDGET (dialog), "dialog.save");
  wait_for (find_new_case_dialog () == NULL, "the edit dialog to close");
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Jantje van der Voorbeeldstra"));

  /* Deleting asks first, then really removes it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  wait_for ((close_dialog = find_message_dialog ()) != NULL, "the delete confirmation to show");
  adw_message_dialog_response (close_dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (close_dialog));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "list");
  g_clear_object (&stored);
  stored = regie_case_load (store, id, &error);
  g_assert_null (stored);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
check_invalid_bsn (RegieWindow *window)
{
  RegieNewCaseDialog *dialog = open_new_case_dialog (window);
  RegiePersonEditor *editor;
  GtkWidget *bsn_row;

  click (GTK_WIDGET (dialog), "dialog.new-person");
  editor = REGIE_PERSON_EDITOR (_regie_new_case_dialog_get_editor (dialog));
  bsn_row = _regie_person_editor_get_row (editor, "bsn");

  type_into (_regie_person_editor_get_row (editor, "surname"), "Testerink");
  g_assert_true (button_is_sensitive (GTK_WIDGET (dialog), "dialog.next"));

  /* Nine digits that fail the elfproef: marked, explained in Dutch, and kept. */
  type_into (bsn_row, "123456789");
  g_assert_false (button_is_sensitive (GTK_WIDGET (dialog), "dialog.next"));
  g_assert_true (gtk_widget_has_css_class (bsn_row, "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bsn_row)), "elfproef"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bsn_row)), ==, "123456789");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "surname"))),
                   ==, "Testerink");

  /* A birth date in the future is refused the same way. */
  type_into (bsn_row, "");
  g_assert_false (gtk_widget_has_css_class (bsn_row, "error"));
  type_into (_regie_person_editor_get_row (editor, "birth-date"), "1-1-2999");
  g_assert_false (button_is_sensitive (GTK_WIDGET (dialog), "dialog.next"));
  g_assert_true (gtk_widget_has_css_class (_regie_person_editor_get_row (editor, "birth-date"), "error"));

  /* Corrected, it can go on. */
  type_into (_regie_person_editor_get_row (editor, "birth-date"), "29-2-1984");
  g_assert_true (button_is_sensitive (GTK_WIDGET (dialog), "dialog.next"));

  /* Someone with the same name came before: offered, so no second file is made. */
  add_fixture_case (regie_window_get_store (window));
  type_into (_regie_person_editor_get_row (editor, "birth-date"), "");
  type_into (_regie_person_editor_get_row (editor, "given-names"), "Karel");
  type_into (_regie_person_editor_get_row (editor, "surname"), "Proefmans");
  wait_for (gtk_list_box_get_row_at_index (GTK_LIST_BOX (_regie_new_case_dialog_get_duplicates (dialog)), 0) != NULL &&
            gtk_widget_get_mapped (_regie_new_case_dialog_get_duplicates (dialog)),
            "the earlier Karel Proefmans to be offered");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (_regie_new_case_dialog_get_duplicates (dialog)), 0)));
  regie_test_settle ();
  g_assert_cmpstr (_regie_new_case_dialog_get_step (dialog), ==, "case");

  gtk_window_destroy (GTK_WINDOW (dialog));
  regie_test_settle ();
}

static GtkDropDown *
dropdown_with_tooltip (GtkWidget  *widget,
                       const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return GTK_DROP_DOWN (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = dropdown_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
check_filters (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  RegieCaseListView *list_view = REGIE_CASE_LIST_VIEW (_regie_window_get_case_list (window));
  GListModel *model = G_LIST_MODEL (regie_case_list_view_get_model (list_view));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "huisvesting", NULL };
  GtkDropDown *status, *theme;
  GtkWidget *mine;

  add_fixture_case (store);
  regie_person_set_surname (person, "Testerink");
  regie_case_set_question (kase, "Ik heb geen postadres meer.");
  regie_case_set_themes (kase, themes);
  regie_case_set_casemanager (kase, "Bram");
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (regie_case_change_status (store, kase, REGIE_CASE_STATUS_REFERRED, NULL, &error));
  wait_for (g_list_model_get_n_items (model) == 2, "both dossiers to be listed");

  /* Ctrl+F from anywhere comes back to the search. */
  _regie_window_show_view (window, "network");
  regie_test_settle ();
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "cases");
  g_assert_true (gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (_regie_case_list_view_get_search_entry (list_view))));

  status = dropdown_with_tooltip (GTK_WIDGET (list_view), "Status");
  theme = dropdown_with_tooltip (GTK_WIDGET (list_view), "Thema");
  g_assert_nonnull (status);
  g_assert_nonnull (theme);

  /* Item 0 is "all"; then the statuses and themes in their own order. */
  gtk_drop_down_set_selected (status, 1 + REGIE_CASE_STATUS_REFERRED);
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Testerink"));
  gtk_drop_down_set_selected (status, 1 + REGIE_CASE_STATUS_CLOSED);
  regie_test_settle ();
  g_assert_cmpstr (_regie_case_list_view_get_state (list_view), ==, "no-results");
  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (theme, 1);   /* toeslagen */
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Proefmans, Karel"));
  gtk_drop_down_set_selected (theme, 0);
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* "Only mine" needs a name in Preferences, then shows only that casemanager's. */
  mine = regie_test_find_label (GTK_WIDGET (list_view), "Mijn dossiers");
  g_assert_nonnull (mine);
  mine = gtk_widget_get_ancestor (mine, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (mine));
  g_settings_set_string (settings, "casemanager-name", "Bram");
  regie_test_settle ();
  g_assert_true (gtk_widget_is_sensitive (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Testerink"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), FALSE);
  g_settings_reset (settings, "casemanager-name");
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_dossiers_filters (void)
{
  regie_test_run_app (FALSE, check_filters, NULL);
}

static void
test_dossiers_flow (void)
{
  regie_test_run_app (FALSE, check_dossier_flow, NULL);
}

static void
test_dossiers_invalid_bsn (void)
{
  regie_test_run_app (FALSE, check_invalid_bsn, NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/dossiers/create-find-task-close", test_dossiers_flow);
  g_test_add_func ("/dossiers/invalid-bsn", test_dossiers_invalid_bsn);
  g_test_add_func ("/dossiers/filters", test_dossiers_filters);

  return g_test_run ();
}
