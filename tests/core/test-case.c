/* test-case.c — dossiers: create, change, status history, close and reopen, tasks, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "regie-dossier-fixture.h"

static void
test_create_load (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const themes[] = { "schulden", "toeslagen", "schulden", NULL };
  g_autoptr(RegiePerson) person = make_person ("Fatima", NULL, "Testvrouw");
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(RegieCase) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RegieStatusChange *change;

  regie_case_set_question (kase, "  Ik moet toeslag terugbetalen.\nEn ik heb schulden.  ");
  regie_case_set_themes (kase, themes);
  regie_case_set_arrival (kase, REGIE_ARRIVAL_REFERRED_BY_ORGANISATION);
  regie_case_set_referred_by (kase, "Wijkteam Demodorp");
  regie_case_set_casemanager (kase, "Noor Demo");
  regie_case_set_notes (kase, "Brief meegenomen.");

  g_assert_true (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_case_get_id (kase), >, 0);
  g_assert_true (regie_case_get_person (kase) == person);
  g_assert_cmpstr (regie_case_get_opened_at (kase), ==, regie_case_get_last_activity (kase));

  back = regie_case_open (f->store, regie_case_get_id (kase), ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (regie_case_get_question (back), ==, "Ik moet toeslag terugbetalen.\nEn ik heb schulden.");
  /* Themes are kept once each, in the order of the theme list. */
  g_assert_cmpstrv (regie_case_get_themes (back), ((const char * const[]) { "toeslagen", "schulden", NULL }));
  g_assert_true (regie_case_has_theme (back, "schulden"));
  g_assert_false (regie_case_has_theme (back, "duo"));
  g_assert_cmpint (regie_case_get_status (back), ==, REGIE_CASE_STATUS_NEW);
  g_assert_cmpint (regie_case_get_arrival (back), ==, REGIE_ARRIVAL_REFERRED_BY_ORGANISATION);
  g_assert_cmpstr (regie_case_get_referred_by (back), ==, "Wijkteam Demodorp");
  g_assert_cmpstr (regie_case_get_casemanager (back), ==, "Noor Demo");
  g_assert_cmpstr (regie_case_get_notes (back), ==, "Brief meegenomen.");
  g_assert_cmpstr (regie_case_get_opened_at (back), ==, regie_case_get_opened_at (kase));
  g_assert_null (regie_case_get_closed_at (back));
  g_assert_cmpint (regie_case_get_outcome (back), ==, REGIE_OUTCOME_NONE);
  g_assert_cmpint (regie_case_get_satisfaction (back), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (back)), ==, 0);
  g_assert_cmpstr (regie_person_get_display_name (regie_case_get_person (back)), ==, "Fatima Testvrouw");

  history = regie_case_load_status_history (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpuint (history->len, ==, 1);
  change = history->pdata[0];
  g_assert_cmpint (change->from_status, ==, -1);
  g_assert_cmpint (change->to_status, ==, REGIE_CASE_STATUS_NEW);
  g_assert_cmpstr (change->at, ==, regie_case_get_opened_at (kase));

  g_assert_cmpstr (regie_case_status_get_label (REGIE_CASE_STATUS_WAITING_FOR_OTHERS), ==, "Waiting for others");
  g_assert_cmpstr (regie_outcome_get_label (REGIE_OUTCOME_NO_ENTITLEMENT_EXPLAINED), ==, "No entitlement — explained");
  g_assert_cmpstr (regie_arrival_get_label (REGIE_ARRIVAL_WALK_IN), ==, "Walk-in");
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  static const char * const themes[] = { "duo", NULL };
  g_autoptr(RegiePerson) person = make_person ("Kees", "van der", "Voorbeeld");
  g_autoptr(RegieCase) kase = add_case (f, person, "Eerste versie");
  g_autoptr(RegieCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (regie_case_get_last_activity (kase));

  next_moment ();
  regie_case_set_question (kase, "Tweede versie");
  regie_case_set_themes (kase, themes);
  regie_case_set_notes (kase, "Nieuwe notitie");
  g_assert_true (regie_case_save (f->store, kase, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (regie_case_get_last_activity (kase), >, before);

  back = regie_case_load (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpstr (regie_case_get_question (back), ==, "Tweede versie");
  g_assert_cmpstrv (regie_case_get_themes (back), themes);
  g_assert_cmpstr (regie_case_get_notes (back), ==, "Nieuwe notitie");
  g_assert_cmpstr (regie_case_get_last_activity (back), ==, regie_case_get_last_activity (kase));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_theme"), ==, 1);
}

static void
test_status_history (Fixture       *f,
                     gconstpointer  data)
{
  static const RegieCaseStatus path[] = {
    REGIE_CASE_STATUS_IN_PROGRESS, REGIE_CASE_STATUS_REFERRED, REGIE_CASE_STATUS_WAITING_FOR_OTHERS,
  };
  g_autoptr(RegiePerson) person = make_person ("Jan", "de", "Proefpersoon");
  g_autoptr(RegieCase) kase = add_case (f, person, "Vraag");
  g_autoptr(RegieCase) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RegieStatusChange *change;

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      next_moment ();
      g_assert_true (regie_case_change_status (f->store, kase, path[i], ACTOR, &error));
      g_assert_no_error (error);
    }

  /* Saving without a status change adds no history. */
  regie_case_set_notes (kase, "Gebeld");
  g_assert_true (regie_case_save (f->store, kase, ACTOR, &error));

  next_moment ();
  g_assert_true (regie_case_close (f->store, kase, REGIE_OUTCOME_PARTLY_SOLVED, "Deels geregeld", 4, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_nonnull (regie_case_get_closed_at (kase));

  back = regie_case_load (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpint (regie_case_get_status (back), ==, REGIE_CASE_STATUS_CLOSED);
  g_assert_cmpint (regie_case_get_outcome (back), ==, REGIE_OUTCOME_PARTLY_SOLVED);
  g_assert_cmpstr (regie_case_get_outcome_note (back), ==, "Deels geregeld");
  g_assert_cmpint (regie_case_get_satisfaction (back), ==, 4);
  g_assert_cmpstr (regie_case_get_closed_at (back), ==, regie_case_get_closed_at (kase));
  g_clear_object (&back);

  next_moment ();
  g_assert_true (regie_case_reopen (f->store, kase, ACTOR, &error));
  g_assert_cmpint (regie_case_get_status (kase), ==, REGIE_CASE_STATUS_IN_PROGRESS);
  g_assert_null (regie_case_get_closed_at (kase));
  g_assert_cmpint (regie_case_get_outcome (kase), ==, REGIE_OUTCOME_NONE);

  back = regie_case_load (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpint (regie_case_get_status (back), ==, REGIE_CASE_STATUS_IN_PROGRESS);
  g_assert_null (regie_case_get_closed_at (back));
  g_assert_cmpint (regie_case_get_outcome (back), ==, REGIE_OUTCOME_NONE);
  g_assert_cmpstr (regie_case_get_outcome_note (back), ==, "");
  g_assert_cmpint (regie_case_get_satisfaction (back), ==, 0);

  /* The history keeps everything, the closing included, in order. */
  history = regie_case_load_status_history (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpuint (history->len, ==, 6);
  {
    static const int from[] = { -1, REGIE_CASE_STATUS_NEW, REGIE_CASE_STATUS_IN_PROGRESS,
                                REGIE_CASE_STATUS_REFERRED, REGIE_CASE_STATUS_WAITING_FOR_OTHERS,
                                REGIE_CASE_STATUS_CLOSED };
    static const int to[] = { REGIE_CASE_STATUS_NEW, REGIE_CASE_STATUS_IN_PROGRESS,
                              REGIE_CASE_STATUS_REFERRED, REGIE_CASE_STATUS_WAITING_FOR_OTHERS,
                              REGIE_CASE_STATUS_CLOSED, REGIE_CASE_STATUS_IN_PROGRESS };

    for (guint i = 0; i < history->len; i++)
      {
        change = history->pdata[i];
        g_assert_cmpint (change->from_status, ==, from[i]);
        g_assert_cmpint (change->to_status, ==, to[i]);
        g_assert_cmpstr (change->actor, ==, ACTOR);
        if (i > 0)
          g_assert_cmpstr (change->at, >, ((RegieStatusChange *) history->pdata[i - 1])->at);
      }
  }
}

static void
test_close_needs_outcome (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Anna", NULL, "Fictief");
  g_autoptr(RegieCase) kase = add_case (f, person, "Vraag");
  g_autoptr(GError) error = NULL;

  g_assert_false (regie_case_close (f->store, kase, REGIE_OUTCOME_NONE, "Klaar", 3, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_OUTCOME_REQUIRED);
  g_clear_error (&error);
  /* The object is as it was, and so is the store. */
  g_assert_cmpint (regie_case_get_status (kase), ==, REGIE_CASE_STATUS_NEW);
  g_assert_cmpstr (regie_case_get_outcome_note (kase), ==, "");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier WHERE status = 'closed'"), ==, 0);

  regie_case_set_status (kase, REGIE_CASE_STATUS_CLOSED);
  g_assert_false (regie_case_save (f->store, kase, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_OUTCOME_REQUIRED);
  g_clear_error (&error);
  g_assert_false (regie_case_change_status (f->store, kase, REGIE_CASE_STATUS_CLOSED, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_OUTCOME_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_status_change"), ==, 1);

  g_assert_true (regie_case_close (f->store, kase, REGIE_OUTCOME_CITIZEN_WITHDREW, NULL, 0, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier WHERE status = 'closed' "
                                 "AND outcome = 'citizen_withdrew' AND satisfaction IS NULL "
                                 "AND closed_at IS NOT NULL"), ==, 1);
}

static RegieTask *
task_at (RegieCase *kase,
         guint      position)
{
  return g_list_model_get_item (regie_case_get_tasks (kase), position);
}

static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Ayşe", NULL, "Çelik-Demo");
  g_autoptr(RegieCase) kase = add_case (f, person, "Vraag");
  g_autoptr(RegieCase) back = NULL;
  g_autoptr(RegieTask) later = NULL;
  g_autoptr(RegieTask) overdue = NULL;
  g_autoptr(RegieTask) undated = NULL;
  g_autoptr(RegieTask) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *activity = NULL;
  GListModel *tasks = regie_case_get_tasks (kase);

  next_moment ();
  later = regie_case_add_task (f->store, kase, "Terugbellen", "2024-07-01", ACTOR, &error);
  g_assert_no_error (error);
  undated = regie_case_add_task (f->store, kase, "Kopie opvragen", NULL, ACTOR, &error);
  overdue = regie_case_add_task (f->store, kase, "Bezwaar nagaan", "2024-05-01", ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_task_get_id (overdue), >, 0);
  g_assert_cmpint (regie_task_get_case_id (overdue), ==, regie_case_get_id (kase));
  g_assert_cmpstr (regie_case_get_last_activity (kase), ==, regie_task_get_created_at (overdue));

  /* Open tasks by due date, those without one last. */
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  first = task_at (kase, 0);
  g_assert_true (first == overdue);
  g_clear_object (&first);

  /* Overdue is relative to today, which tests choose. */
  g_assert_true (regie_task_is_overdue (overdue, "2024-06-01"));
  g_assert_false (regie_task_is_overdue (overdue, "2024-05-01"));
  g_assert_false (regie_task_is_overdue (later, "2024-06-01"));
  g_assert_false (regie_task_is_overdue (undated, "2024-06-01"));
  g_assert_true (regie_task_is_overdue (later, NULL));

  /* Ticking off: done at, last activity, and to the end of the list. */
  next_moment ();
  activity = g_strdup (regie_case_get_last_activity (kase));
  g_assert_true (regie_case_set_task_done (f->store, kase, overdue, TRUE, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (regie_task_get_done (overdue));
  g_assert_nonnull (regie_task_get_done_at (overdue));
  g_assert_false (regie_task_is_overdue (overdue, "2024-06-01"));
  g_assert_cmpstr (regie_case_get_last_activity (kase), >, activity);
  first = task_at (kase, 0);
  g_assert_true (first == later);
  g_clear_object (&first);
  first = task_at (kase, 2);
  g_assert_true (first == overdue);
  g_clear_object (&first);

  /* Editing one. */
  regie_task_set_what (later, "Terugbellen over de brief");
  regie_task_set_due_date (later, "2024-08-01");
  g_assert_true (regie_case_save_task (f->store, kase, later, ACTOR, &error));
  g_assert_no_error (error);

  /* The store agrees. */
  back = regie_case_load (f->store, regie_case_get_id (kase), &error);
  g_assert_cmpuint (g_list_model_get_n_items (regie_case_get_tasks (back)), ==, 3);
  {
    g_autoptr(RegieTask) t0 = task_at (back, 0);
    g_autoptr(RegieTask) t1 = task_at (back, 1);
    g_autoptr(RegieTask) t2 = task_at (back, 2);

    g_assert_cmpstr (regie_task_get_what (t0), ==, "Terugbellen over de brief");
    g_assert_cmpstr (regie_task_get_due_date (t0), ==, "2024-08-01");
    g_assert_null (regie_task_get_due_date (t1));
    g_assert_cmpstr (regie_task_get_done_at (t2), ==, regie_task_get_done_at (overdue));
  }
  g_clear_object (&back);

  /* Untick, remove. */
  g_assert_true (regie_case_set_task_done (f->store, kase, overdue, FALSE, ACTOR, &error));
  g_assert_false (regie_task_get_done (overdue));
  g_assert_true (regie_case_remove_task (f->store, kase, undated, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE done_at IS NULL"), ==, 2);

  /* A task needs words. */
  g_assert_null (regie_case_add_task (f->store, kase, "   ", NULL, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_TASK_EMPTY);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);

  /* The list shows the overdue one. */
  {
    g_autoptr(RegieCaseList) list = regie_case_list_new (f->store);
    g_autoptr(RegieCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (regie_case_row_get_overdue (row));
  }
}

static void
test_delete_last_removes_person (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RegiePerson) bystander = make_person ("Anna", NULL, "Blijft");
  g_autoptr(RegieCase) stays = add_case (f, bystander, "Een andere vraag");
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Zqxwunique");
  g_autoptr(RegieCase) kase = add_case (f, person, "Vraag met het woord qwzunique");
  g_autoptr(RegieTask) task = NULL;
  g_autoptr(RegiePerson) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  task = regie_case_add_task (f->store, kase, "Terugbellen", NULL, ACTOR, &error);
  g_assert_true (regie_case_change_status (f->store, kase, REGIE_CASE_STATUS_IN_PROGRESS, ACTOR, &error));

  g_assert_true (regie_case_delete (f->store, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);

  gone = regie_person_load (f->store, regie_person_get_id (person), &error);
  g_assert_null (gone);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (regie_case_load (f->store, regie_case_get_id (kase), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the other inwoner is left. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_status_change WHERE case_id != "
                                 "(SELECT id FROM dossier)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier_fts"), ==, 1);
  /* Not even in the index's older segments. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier_fts_segments "
                                 "WHERE instr(block, CAST('qwzunique' AS BLOB)) > 0 OR instr(block, CAST('zqxwunique' AS BLOB)) > 0"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier_fts_segdir "
                                 "WHERE instr(root, CAST('qwzunique' AS BLOB)) > 0 OR instr(root, CAST('zqxwunique' AS BLOB)) > 0"), ==, 0);

  found = regie_search_cases (f->store, "zqxwunique", &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Deleting it again is an error, not a crash. */
  g_assert_false (regie_case_delete (f->store, regie_case_get_id (kase), ACTOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_delete_one_of_two (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Kees", NULL, "Tweemaal");
  g_autoptr(RegieCase) first = add_case (f, person, "Eerste");
  g_autoptr(RegieCase) second = add_case (f, person, "Tweede");
  g_autoptr(RegiePerson) still = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (regie_case_delete (f->store, regie_case_get_id (first), ACTOR, &error));
  g_assert_no_error (error);

  still = regie_person_load (f->store, regie_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier"), ==, 1);

  g_assert_true (regie_case_delete (f->store, regie_case_get_id (second), ACTOR, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person"), ==, 0);
}

/* The same store without encryption shows what is in the file: nothing of a deleted
 * dossier may be left there. */
static void
test_deleted_data_leaves_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->home, "plain", NULL);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RegiePerson) keep = make_person ("Anna", NULL, "Blijft");
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Wegwezenman");
  g_autoptr(RegieCase) kept = regie_case_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();

  store = _regie_store_new_unencrypted_for_bench (dir, &error);
  g_assert_no_error (error);
  path = g_strdup (regie_store_get_path (store));
  wal = g_strconcat (path, "-wal", NULL);

  regie_case_set_question (kept, "Andere vraag");
  g_assert_true (regie_case_create (store, kept, keep, ACTOR, &error));
  regie_case_set_question (kase, "Verdwijnwoord in de vraag");
  regie_case_set_notes (kase, "Notitiegeheim");
  g_assert_true (regie_case_create (store, kase, person, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* The test can see it: the markers are there before. */
  g_assert_true (regie_test_file_contains (path, "Wegwezenman"));
  g_assert_true (regie_test_file_contains (path, "wegwezenman"));

  g_assert_true (regie_case_delete (store, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  regie_store_close (store);

  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? path : wal;

      g_assert_false (regie_test_file_contains (file, "Wegwezenman"));
      g_assert_false (regie_test_file_contains (file, "wegwezenman"));
      g_assert_false (regie_test_file_contains (file, "Verdwijnwoord"));
      g_assert_false (regie_test_file_contains (file, "verdwijnwoord"));
      g_assert_false (regie_test_file_contains (file, "Notitiegeheim"));
      g_assert_false (regie_test_file_contains (file, "notitiegeheim"));
    }
  g_assert_true (regie_test_file_contains (path, "Blijft"));
}

static void
test_cases_of_person (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Zoë", "van den", "Fictief");
  g_autoptr(RegiePerson) other = make_person ("Bram", NULL, "Ander");
  g_autoptr(RegieCase) c1 = add_case (f, person, "Eerste");
  g_autoptr(RegieCase) c2 = add_case (f, other, "Anders");
  g_autoptr(RegieCase) c3 = add_case (f, person, "Tweede");
  g_autoptr(RegieCaseList) list = regie_case_list_new (f->store);

  regie_case_list_set_person_filter (list, regie_person_get_id (person));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpint (regie_case_list_get_id (list, 0), ==, regie_case_get_id (c3));
  g_assert_cmpint (regie_case_list_get_id (list, 1), ==, regie_case_get_id (c1));
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  static const char * const fictional[] = {
    "Voorbeeld", "Proef", "Test", "Demo", "Fictief", "Verzonnen", "Oefen", "Schets", "Namaak",
    "Nep", "Model", "Droom", "Bedacht", "Probeer", "Ontwerp", "Denkbeeld", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = regie_today ();
  g_autofree char *overdue_sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint persons = 0;

  g_assert_true (regie_demo_fill (f->store, 40, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier"), ==, 40);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person"), >=, 30);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT theme) FROM case_theme"), ==, regie_theme_get_count ());
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT status) FROM dossier"), ==, 5);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT outcome) FROM dossier WHERE status = 'closed'"), ==, 5);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier WHERE (status = 'closed') != (outcome IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task"), >, 10);
  overdue_sql = g_strdup_printf ("SELECT count(*) FROM task WHERE done_at IS NULL AND due_date < '%s'", today);
  g_assert_cmpint (query_int (f, overdue_sql), >, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_status_change"), >, 40);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier_fts"), ==, 40);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"), >=, 70);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier WHERE last_activity < opened_at"), ==, 0);

  /* Obviously fictional, and still valid. */
  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store),
                                       "SELECT surname, bsn, postcode, email, phone FROM person",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *surname = (const char *) sqlite3_column_text (stmt, 0);
      const char *bsn = (const char *) sqlite3_column_text (stmt, 1);
      const char *postcode = (const char *) sqlite3_column_text (stmt, 2);
      const char *email = (const char *) sqlite3_column_text (stmt, 3);
      const char *phone = (const char *) sqlite3_column_text (stmt, 4);
      gboolean made_up = FALSE;

      for (guint i = 0; fictional[i]; i++)
        made_up = made_up || strstr (surname, fictional[i]) != NULL;
      g_test_message ("surname %s", surname);
      g_assert_true (made_up);
      g_assert_true (bsn == NULL || regie_bsn_is_valid (bsn));
      g_assert_true (postcode[0] == '9');
      g_assert_true (*email == '\0' || g_str_has_suffix (email, "@voorbeeld.invalid"));
      g_assert_true (g_str_has_prefix (phone, "06-000"));
      persons++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (persons, >=, 30);

  /* The same seed gives the same people. */
  {
    g_autofree char *dir = g_build_filename (f->home, "again", NULL);
    g_autoptr(RegieStore) again = regie_store_new_ephemeral (dir, &error);
    g_autoptr(GListModel) first = NULL;
    g_autoptr(GListModel) second = NULL;

    g_assert_true (regie_demo_fill (again, 40, 1, &error));
    first = regie_person_find (f->store, "proef", 100, &error);
    second = regie_person_find (again, "proef", 100, &error);
    g_assert_cmpuint (g_list_model_get_n_items (first), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (first), ==, g_list_model_get_n_items (second));
    regie_store_close (again);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case/create-load", test_create_load);
  ADD ("/case/update", test_update);
  ADD ("/case/status-history", test_status_history);
  ADD ("/case/close-needs-outcome", test_close_needs_outcome);
  ADD ("/case/tasks", test_tasks);
  ADD ("/case/delete-last-removes-person", test_delete_last_removes_person);
  ADD ("/case/delete-one-of-two-keeps-person", test_delete_one_of_two);
  ADD ("/case/deleted-data-leaves-file", test_deleted_data_leaves_file);
  ADD ("/case/cases-of-person", test_cases_of_person);
  ADD ("/case/demo", test_demo);
#undef ADD

  return g_test_run ();
}
