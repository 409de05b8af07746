/* test-timeline.c — the timeline on the dossier page, the visit timer, a letter's deadline
 * and "Termijnen deze week" in the Dossiers view
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch, and works the widgets as a casemanager would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "regie-application.h"
#include "regie-case-list-view.h"
#include "regie-deadline-list.h"
#include "regie-dossier-page.h"
#include "regie-event-editor.h"
#include "regie-timeline-view.h"
#include "regie-ui-test.h"
#include "regie-visit-bar.h"
#include "regie-window-private.h"

/* A mapped label whose text contains needle. */
static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_EVENT_EDITOR (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

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
  for (guint i = 0; i < 4; i++)
    regie_test_settle ();
}

static gboolean
button_shown (GtkWidget  *widget,
              const char *action)
{
  GtkWidget *button = regie_test_find_button_for_action (widget, action);

  return button != NULL && gtk_widget_get_mapped (button);
}

/* The entry row in the editor whose title is title. */
static GtkWidget *
editor_row (GtkWindow  *editor,
            const char *title)
{
  GtkWidget *label = regie_test_find_label (GTK_WIDGET (editor), title);

  if (label == NULL)
    g_error ("No row “%s” in the editor", title);
  return gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW);
}

static char *
dutch_date_in (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (regie_event_time_zone ());
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%-d-%-m-%Y");
}

static void
check_visit_and_deadline (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  RegieCaseListView *list_view = REGIE_CASE_LIST_VIEW (_regie_window_get_case_list (window));
  GListModel *model = G_LIST_MODEL (regie_case_list_view_get_model (list_view));
  GtkWidget *page = _regie_window_get_dossier_page (window);
  GtkWidget *timeline = _regie_dossier_page_get_timeline_view (REGIE_DOSSIER_PAGE (page));
  GtkWidget *visit_bar = _regie_dossier_page_get_visit_bar (REGIE_DOSSIER_PAGE (page));
  GtkWidget *deadlines = _regie_case_list_view_get_deadline_list (list_view);
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = dutch_date_in (3);
  GtkWindow *editor;
  GtkWidget *deadline_row;

  regie_person_set_given_names (person, "Noël");
  regie_person_set_surname (person, "Tijdlijnproef");
  regie_case_set_question (kase, "Ik heb een brief van het CJIB.");
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);
  wait_for (g_list_model_get_n_items (model) == 1, "the dossier to be listed");

  gtk_widget_activate_action (GTK_WIDGET (_regie_case_list_view_get_list_view (list_view)),
                              "list.activate-item", "u", 0);
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (timeline, "Nog niets op de tijdlijn. Start een bezoek, of voeg toe wat er gebeurde."));

  /* Start a visit: the bar at the top says it runs, and the item is on the timeline. */
  click (visit_bar, "visit.start");
  wait_for (find_label_containing (visit_bar, "Bezoek loopt sinds") != NULL, "the running visit bar");
  g_assert_false (button_shown (visit_bar, "visit.start"));
  wait_for (find_label_containing (timeline, "bezoek loopt") != NULL, "the running visit on the timeline");

  /* End it: the editor opens to write down what was discussed; the duration is on the item. */
  click (visit_bar, "visit.end");
  wait_for ((editor = find_editor ()) != NULL, "the contact moment's editor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (regie_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW))),
                            "Brief van het CJIB samen gelezen.", -1);
  click (GTK_WIDGET (editor), "editor.save");
  wait_for (find_editor () == NULL, "the editor to close");
  wait_for (find_label_containing (timeline, "1 minuut") != NULL, "the visit's duration on the timeline");
  g_assert_nonnull (regie_test_find_label (timeline, "Contactmoment (balie)"));
  g_assert_nonnull (regie_test_find_label (timeline, "Brief van het CJIB samen gelezen."));
  wait_for (button_shown (visit_bar, "visit.start"), "Start Visit to be back");

  /* A letter with a reply deadline in three days. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", "i", REGIE_EVENT_LETTER));
  wait_for ((editor = find_editor ()) != NULL, "the letter's editor");
  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "Afzender")), "CJIB");
  gtk_editable_set_text (GTK_EDITABLE (editor_row (editor, "Onderwerp")), "Aanmaning");
  deadline_row = editor_row (editor, "Reageren of betalen vóór (dag-maand-jaar)");
  gtk_editable_set_text (GTK_EDITABLE (deadline_row), "31-2-2026");
  click (GTK_WIDGET (editor), "editor.save");
  /* An impossible date keeps the editor open and marks the row. */
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_has_css_class (deadline_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (deadline_row), deadline);
  click (GTK_WIDGET (editor), "editor.save");
  wait_for (find_editor () == NULL, "the editor to close");
  wait_for (regie_test_find_label (timeline, "CJIB: Aanmaning") != NULL, "the letter on the timeline");
  g_assert_nonnull (regie_test_find_label (timeline, "Nog 3 dagen"));

  /* Back in the Dossiers view, the deadline is listed and opens the dossier. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  wait_for (gtk_widget_get_mapped (deadlines) && regie_test_find_label (deadlines, "Noël Tijdlijnproef") != NULL,
            "the deadline under Termijnen deze week");
  g_assert_nonnull (regie_test_find_label (deadlines, "Termijnen deze week (1)"));
  g_assert_nonnull (regie_test_find_label (deadlines, "Nog 3 dagen"));
  g_signal_emit_by_name (_regie_deadline_list_get_list (REGIE_DEADLINE_LIST (deadlines)), "row-activated",
                         gtk_list_box_get_row_at_index (_regie_deadline_list_get_list (REGIE_DEADLINE_LIST (deadlines)), 0));
  regie_test_settle ();
  wait_for (gtk_widget_get_mapped (page), "the dossier to open from its deadline");
  g_assert_cmpint (regie_case_get_id (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (page))), ==,
                   regie_case_get_id (kase));
}

/* What a casemanager types as "when", at each precision, in Europe/Amsterdam. */
static void
test_parse_when (void)
{
  struct { const char *text; const char *when; RegiePrecision precision; } cases[] = {
    { "3-3-2026 10:30", "2026-03-03T09:30:00.000Z", REGIE_PRECISION_TIME },
    { " 1-7-2026 10:30 ", "2026-07-01T08:30:00.000Z", REGIE_PRECISION_TIME },
    { "3-3-2026", "2026-03-03", REGIE_PRECISION_DAY },
    { "3-2019", "2019-03", REGIE_PRECISION_MONTH },
    { "2019", "2019", REGIE_PRECISION_YEAR },
  };
  const char *wrong[] = { "", "31-2-2026", "13-2019", "3-3-2026 25:00", "voorjaar", "19" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *when = NULL;
      RegiePrecision precision;

      g_assert_true (regie_event_editor_parse_when (cases[i].text, &when, &precision));
      g_assert_cmpstr (when, ==, cases[i].when);
      g_assert_cmpint (precision, ==, cases[i].precision);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *when = NULL;
      RegiePrecision precision;

      g_assert_false (regie_event_editor_parse_when (wrong[i], &when, &precision));
      g_assert_null (when);
    }
}

static void
test_timeline_visit_and_deadline (void)
{
  regie_test_run_app (FALSE, check_visit_and_deadline, NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/timeline/parse-when", test_parse_when);
  g_test_add_func ("/timeline/visit-and-deadline", test_timeline_visit_and_deadline);

  return g_test_run ();
}
