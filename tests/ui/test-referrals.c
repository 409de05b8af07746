/* test-referrals.c — the referral wizard walked with the keyboard alone, its draft kept
 * when closed midway, and the referral marked accepted in the Verwijzingen view
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch, with the clock of the professional lines set to a Tuesday morning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "regie-application.h"
#include "regie-case.h"
#include "regie-dossier-page.h"
#include "regie-network.h"
#include "regie-network-private.h"
#include "regie-referral.h"
#include "regie-referral-wizard.h"
#include "regie-referrals-page.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

#define BSN "111222333"

static RegieReferralWizard *
find_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_REFERRAL_WIZARD (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return REGIE_REFERRAL_WIZARD (window);
    }

  return NULL;
}

/* A label whose text contains needle. */
static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 4; i++)
    regie_test_settle ();
}

static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The widget with the focus is target, inside it, or the row that activates it. */
static gboolean
focus_is_on (GtkWidget *window,
             GtkWidget *target)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL &&
         (focus == target || gtk_widget_is_ancestor (focus, target) ||
          (ADW_IS_ACTION_ROW (focus) &&
           adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) == target));
}

/* Presses Tab (or, to go from row to row, Down) until target has the focus. */
static void
move_focus_to (GtkWidget *window,
               GtkWidget *target)
{
  for (guint i = 0; i < 80 && !focus_is_on (window, target); i++)
    {
      GtkWidget *focus = focus_of (window);
      GtkWidget *list = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) : NULL;
      GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
      GtkDirectionType direction = GTK_DIR_TAB_FORWARD;

      if (list != NULL && gtk_widget_is_ancestor (target, list) &&
          (row == NULL || !gtk_widget_is_ancestor (target, row)))
        direction = GTK_DIR_DOWN;

      if (!gtk_widget_child_focus (window, direction))
        gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      regie_test_settle ();
    }
  if (!focus_is_on (window, target))
    g_error ("The keyboard never reached the %s", G_OBJECT_TYPE_NAME (target));
}

/* Enter or Space on what has the focus. */
static void
activate_focus (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);

  g_assert_nonnull (focus);
  /* Enter in a text field is its "activate" signal; GtkText has no activate_signal. */
  if (GTK_IS_TEXT (focus))
    g_signal_emit_by_name (focus, "activate");
  else
    g_assert_true (gtk_widget_activate (focus));
  settle ();
}

static GtkWidget *
find_check_labelled (GtkWidget  *widget,
                     const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return regie_test_find_widget_of_type (widget, GTK_TYPE_CHECK_BUTTON);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_labelled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
wizard_handover_text (RegieReferralWizard *wizard)
{
  GtkWidget *view = regie_test_find_widget_of_type (GTK_WIDGET (wizard), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static RegieOrganisation *
add_organisation (RegieStore *store,
                  const char *name,
                  const char *theme,
                  const char *line_phone)
{
  g_autoptr(GError) error = NULL;
  const char *themes[] = { theme, NULL };
  RegieOrganisation *organisation = regie_organisation_new ();

  regie_organisation_set_name (organisation, name);
  regie_organisation_set_kind (organisation, REGIE_ORGANISATION_KIND_DEBT_HELP);
  regie_organisation_set_themes (organisation, themes);
  g_assert_true (regie_organisation_save (store, organisation, NULL, &error));
  g_assert_no_error (error);

  if (line_phone != NULL)
    {
      g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();

      regie_professional_line_set_organisation_id (line, regie_organisation_get_id (organisation));
      regie_professional_line_set_label (line, "Spoedlijn");
      regie_professional_line_set_phone (line, line_phone);
      g_assert_true (regie_professional_line_set_availability (line, "ma-vr 9:00-17:00", &error));
      g_assert_true (regie_professional_line_save (store, line, NULL, &error));
      g_assert_no_error (error);
    }

  return organisation;
}

static RegieReferralWizard *
open_wizard (RegieWindow *window)
{
  GtkWidget *page = _regie_window_get_dossier_page (window);
  RegieReferralWizard *wizard;

  /* Ctrl+R on the dossier page. */
  g_assert_true (regie_test_press_shortcut (page, GDK_KEY_r, GDK_CONTROL_MASK));
  wait_for ((wizard = find_wizard ()) != NULL, "the referral wizard to open");
  settle ();
  return wizard;
}

static void
next_step (RegieReferralWizard *wizard,
           guint                expected)
{
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (wizard), GDK_KEY_Right, GDK_ALT_MASK));
  settle ();
  g_assert_cmpuint (regie_referral_wizard_get_step (wizard), ==, expected);
}

static void
walk_wizard (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  g_autoptr(GDateTime) tuesday = g_date_time_new (regie_network_time_zone (), 2025, 3, 4, 10, 0, 0);
  g_autoptr(RegieOrganisation) care = add_organisation (store, "Aanloop Zorg Test", "zorg", NULL);
  g_autoptr(RegieOrganisation) debts = add_organisation (store, "Schuldhulp Proefstad", "schulden", "0800-0000702");
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(RegieReferral) draft = NULL;
  g_autoptr(RegieReferral) done = NULL;
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "schulden", NULL };
  RegieReferralWizard *wizard;
  RegieReferralsPage *referrals_page;
  GtkWidget *button;
  g_autofree char *text = NULL;
  gint64 id;

  _regie_network_set_now (tuesday);
  regie_person_set_given_names (person, "Proefje");
  regie_person_set_surname (person, "Fictief");
  regie_person_set_bsn (person, BSN);
  regie_person_set_phone (person, "06-00000123");
  regie_case_set_question (kase, "Ik kan de huur niet meer betalen.");
  regie_case_set_themes (kase, themes);
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);

  referrals_page = REGIE_REFERRALS_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_REFERRALS_PAGE));
  g_assert_nonnull (referrals_page);
  g_signal_emit_by_name (referrals_page, "open-case", regie_case_get_id (kase));
  settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  g_assert_nonnull (regie_test_find_button_for_action (_regie_window_get_dossier_page (window), "page.refer"));

  /* Step 1, Waarheen: the organisation for the case's theme first (before "Aanloop", which
   * comes first by name), its line open now. */
  wizard = open_wizard (window);
  g_assert_cmpuint (regie_referral_wizard_get_step (wizard), ==, 0);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (wizard), "Nu bereikbaar"));
  {
    GtkWidget *list = regie_test_find_widget_of_type (GTK_WIDGET (wizard), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Schuldhulp Proefstad");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1))),
                     ==, regie_organisation_get_name (care));
  }
  /* Nothing chosen yet: Volgende stays on this step. */
  next_step (wizard, 0);
  /* The focus is in the search: Enter chooses the first organisation. */
  g_assert_true (GTK_IS_EDITABLE (focus_of (GTK_WIDGET (wizard))));
  activate_focus (GTK_WIDGET (wizard));
  g_assert_cmpint (regie_referral_get_organisation_id (regie_referral_wizard_get_referral (wizard)), ==,
                   regie_organisation_get_id (debts));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (wizard), "Gekozen: Schuldhulp Proefstad"));
  next_step (wizard, 1);

  /* Closing midway keeps a draft; Ctrl+R resumes it where it was left. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (wizard), GDK_KEY_Escape, 0));
  wait_for (find_wizard () == NULL, "the wizard to close");
  draft = regie_referral_find_draft (store, regie_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (regie_referral_get_organisation_id (draft), ==, regie_organisation_get_id (debts));

  wizard = open_wizard (window);
  g_assert_cmpuint (regie_referral_wizard_get_step (wizard), ==, 1);
  g_assert_cmpint (regie_referral_get_id (regie_referral_wizard_get_referral (wizard)), ==, regie_referral_get_id (draft));

  /* Step 2, Vraag: prefilled from the case. */
  g_assert_true (focus_is_on (GTK_WIDGET (wizard), regie_test_find_widget_of_type (GTK_WIDGET (wizard), ADW_TYPE_ENTRY_ROW)));
  next_step (wizard, 2);
  g_assert_cmpstr (regie_referral_get_question (regie_referral_wizard_get_referral (wizard)), ==,
                   "Ik kan de huur niet meer betalen.");
  g_assert_cmpstr (regie_referral_get_reason (regie_referral_wizard_get_referral (wizard)), ==, "Schulden");

  /* Step 3, Toestemming: without consent the personal details cannot be ticked. */
  {
    GtkWidget *verbal = find_check_labelled (GTK_WIDGET (wizard), "Mondeling");
    GtkWidget *personalia = find_check_labelled (GTK_WIDGET (wizard), "Personalia");
    GtkWidget *bsn = find_check_labelled (GTK_WIDGET (wizard), "BSN");

    g_assert_nonnull (verbal);
    g_assert_nonnull (personalia);
    g_assert_nonnull (bsn);
    g_assert_false (gtk_widget_is_sensitive (personalia));
    g_assert_nonnull (regie_test_find_label (GTK_WIDGET (wizard),
                                             "Zonder vastgelegde toestemming is alleen anoniem overleg mogelijk: er worden geen persoonsgegevens gedeeld."));

    move_focus_to (GTK_WIDGET (wizard), verbal);
    activate_focus (GTK_WIDGET (wizard));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (verbal)));
    g_assert_true (gtk_widget_is_sensitive (personalia));
    move_focus_to (GTK_WIDGET (wizard), personalia);
    activate_focus (GTK_WIDGET (wizard));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (personalia)));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (bsn)));
  }
  next_step (wizard, 3);

  /* Step 4, Overdracht: a driegesprek now, with the line's number and hours. */
  activate_focus (GTK_WIDGET (wizard));
  g_assert_cmpint (regie_referral_get_mode (regie_referral_wizard_get_referral (wizard)), ==, REGIE_REFERRAL_MODE_CALL_NOW);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (wizard), "Spoedlijn: 0800-0000702"));
  text = wizard_handover_text (wizard);
  g_assert_nonnull (strstr (text, "Proefje Fictief"));
  g_assert_nonnull (strstr (text, "Ik kan de huur niet meer betalen."));
  g_assert_null (strstr (text, BSN));
  g_assert_null (strstr (text, "06-00000123"));
  next_step (wizard, 4);

  /* Step 5, Opvolging: five working days on, an overview, and Afronden (Ctrl+Enter). */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (wizard), "Aan: Schuldhulp Proefstad"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (wizard), "Gedeeld met toestemming (Mondeling): Personalia, de vraag"));
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (wizard), GDK_KEY_Return, GDK_CONTROL_MASK));
  wait_for (find_wizard () == NULL, "the wizard to close after Afronden");

  id = regie_referral_get_id (draft);
  done = regie_referral_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_referral_get_state (done), ==, REGIE_REFERRAL_HANDED_OVER);
  g_assert_true (regie_referral_has_consent (done));
  g_assert_cmpint (regie_referral_get_categories (done), ==, REGIE_SHARE_PERSONALIA | REGIE_SHARE_QUESTION);
  g_assert_cmpint (regie_referral_get_follow_up_task_id (done), >, 0);
  {
    g_autofree char *five = regie_referral_add_working_days (NULL, 5);
    g_assert_cmpstr (regie_referral_get_follow_up_date (done), ==, five);
  }
  {
    g_autoptr(RegieCase) back = regie_case_load (store, regie_case_get_id (kase), &error);

    g_assert_cmpint (regie_case_get_status (back), ==, REGIE_CASE_STATUS_REFERRED);
    g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (back)), ==, 1);
  }
  settle ();
  g_assert_nonnull (regie_test_find_label (_regie_window_get_dossier_page (window), "Doorverwezen naar Schuldhulp Proefstad"));

  /* Verwijzingen (Alt+3): the referral is there; mark it accepted with the keyboard. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_3, GDK_ALT_MASK));
  settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "referrals");
  g_assert_cmpuint (g_list_model_get_n_items (_regie_referrals_page_get_model (referrals_page)), ==, 1);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (referrals_page), "Schuldhulp Proefstad — Proefje Fictief"));
  button = regie_test_find_button_for_action (GTK_WIDGET (referrals_page), "referrals.accept");
  g_assert_nonnull (button);
  move_focus_to (GTK_WIDGET (window), button);
  activate_focus (GTK_WIDGET (window));
  g_clear_object (&done);
  done = regie_referral_load (store, id, &error);
  g_assert_cmpint (regie_referral_get_state (done), ==, REGIE_REFERRAL_ACCEPTED);
  settle ();
  g_assert_null (regie_test_find_button_for_action (GTK_WIDGET (referrals_page), "referrals.accept"));
  button = regie_test_find_button_for_action (GTK_WIDGET (referrals_page), "referrals.complete");
  g_assert_nonnull (button);

  /* Completing asks whether it succeeded, and why not: the first reason of the list. */
  {
    AdwMessageDialog *dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    g_assert_true (gtk_widget_activate (button));
    settle ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Is de doorverwijzing gelukt?");
    adw_message_dialog_response (dialog, "failure");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle ();
  }
  g_clear_object (&done);
  done = regie_referral_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_referral_get_state (done), ==, REGIE_REFERRAL_COMPLETED);
  g_assert_cmpint (regie_referral_get_result (done), ==, REGIE_REFERRAL_RESULT_FAILURE);
  g_assert_cmpint (regie_referral_get_failure (done), ==, REGIE_REFERRAL_FAILURE_CITIZEN_DECLINED);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (referrals_page), "niet gelukt: Inwoner wilde niet"));

  _regie_network_set_now (NULL);
}

static void
test_wizard (void)
{
  regie_test_run_app (FALSE, walk_wizard, NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/referrals/wizard-keyboard", test_wizard);

  return g_test_run ();
}
