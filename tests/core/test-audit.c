/* test-audit.c — opening, making, changing and deleting are recorded, without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regie-dossier-fixture.h"

typedef struct
{
  const char *action;
  const char *entity_type;
  gint64      entity_id;
} Row;

static GArray *
audit_rows (Fixture *f)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store),
                                       "SELECT action, entity_type, entity_id, actor, at FROM audit_log ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row row = {
        g_intern_string ((const char *) sqlite3_column_text (stmt, 0)),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 1)),
        sqlite3_column_int64 (stmt, 2),
      };

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, ACTOR);
      g_assert_true (g_str_has_suffix ((const char *) sqlite3_column_text (stmt, 4), "Z"));
      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
assert_row (GArray     *rows,
            guint       index,
            const char *action,
            const char *entity_type,
            gint64      entity_id)
{
  Row *row;

  g_assert_cmpuint (index, <, rows->len);
  row = &g_array_index (rows, Row, index);
  g_assert_cmpstr (row->action, ==, action);
  g_assert_cmpstr (row->entity_type, ==, entity_type);
  g_assert_cmpint (row->entity_id, ==, entity_id);
}

/* Everything a casemanager could type about the inwoner in this test. */
static const char * const personal[] = {
  "Zwaantje", "Unieknaam", "unieknaam", "Z.U.", "Zwaan", "1980-03-12", "12-03-1980", "9999 XQ",
  "9999XQ", "06-00000042", "zwaantje@voorbeeld.invalid", "Demostraat", "Fantasiedorp",
  "Tigrinya", "deurwaarder", "Boetebrief", "Terugbellen", "beschikking", "Geheimenotitie",
  "Wijkteam", "tevreden",
};

static void
test_rows_written (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Zwaantje", NULL, "Unieknaam");
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(RegieCase) opened = NULL;
  g_autoptr(RegieCase) second = NULL;
  g_autoptr(RegieTask) task = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = regie_demo_bsn (42);
  sqlite3_stmt *stmt = NULL;
  gint64 person_id, case_id, second_id, task_id;
  guint n = 0;

  regie_person_set_initials (person, "Z.U.");
  regie_person_set_preferred_name (person, "Zwaan");
  regie_person_set_birth_date (person, "1980-03-12");
  regie_person_set_bsn (person, bsn);
  regie_person_set_postcode (person, "9999XQ");
  regie_person_set_phone (person, "06-00000042");
  regie_person_set_email (person, "zwaantje@voorbeeld.invalid");
  regie_person_set_street (person, "Demostraat");
  regie_person_set_city (person, "Fantasiedorp");
  regie_person_set_language (person, "Tigrinya");
  regie_person_set_notes (person, "Geheimenotitie");
  regie_case_set_question (kase, "De deurwaarder stuurde een Boetebrief");
  regie_case_set_arrival (kase, REGIE_ARRIVAL_REFERRED_BY_ORGANISATION);
  regie_case_set_referred_by (kase, "Wijkteam");

  /* create */
  g_assert_true (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_no_error (error);
  person_id = regie_person_get_id (person);
  case_id = regie_case_get_id (kase);

  /* view */
  opened = regie_case_open (f->store, case_id, ACTOR, &error);
  g_assert_no_error (error);
  /* loading without opening (e.g. to refresh after a change) is not a view */
  g_clear_object (&opened);
  opened = regie_case_load (f->store, case_id, &error);

  /* change: the case, its status, a task, the person */
  regie_case_set_notes (kase, "Geheimenotitie over de beschikking");
  g_assert_true (regie_case_save (f->store, kase, ACTOR, &error));
  g_assert_true (regie_case_change_status (f->store, kase, REGIE_CASE_STATUS_IN_PROGRESS, ACTOR, &error));
  task = regie_case_add_task (f->store, kase, "Terugbellen over de beschikking", "2024-06-01", ACTOR, &error);
  task_id = regie_task_get_id (task);
  g_assert_true (regie_case_set_task_done (f->store, kase, task, TRUE, ACTOR, &error));
  g_assert_true (regie_case_close (f->store, kase, REGIE_OUTCOME_SOLVED, "Inwoner was tevreden", 5, ACTOR, &error));
  regie_person_set_surname (person, "Unieknaam-Zwaan");
  g_assert_true (regie_person_save (f->store, person, ACTOR, &error));
  g_assert_no_error (error);

  /* a second case, then delete both: the person goes with the last */
  second = add_case (f, person, "Boetebrief nummer twee");
  second_id = regie_case_get_id (second);
  g_assert_true (regie_case_delete (f->store, case_id, ACTOR, &error));
  g_assert_true (regie_case_delete (f->store, second_id, ACTOR, &error));
  g_assert_no_error (error);

  rows = audit_rows (f);
  assert_row (rows, n++, "create", "person", person_id);
  assert_row (rows, n++, "create", "case", case_id);
  assert_row (rows, n++, "view", "case", case_id);
  assert_row (rows, n++, "update", "case", case_id);
  assert_row (rows, n++, "update", "case", case_id);
  assert_row (rows, n++, "create", "task", task_id);
  assert_row (rows, n++, "update", "task", task_id);
  assert_row (rows, n++, "update", "case", case_id);
  assert_row (rows, n++, "update", "person", person_id);
  assert_row (rows, n++, "create", "case", second_id);
  assert_row (rows, n++, "delete", "case", case_id);
  assert_row (rows, n++, "delete", "case", second_id);
  assert_row (rows, n++, "delete", "person", person_id);
  g_assert_cmpuint (rows->len, ==, n);

  /* No column of any row holds anything of the person or of what was written. */
  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store),
                                       "SELECT id, at, actor, action, entity_type, entity_id FROM audit_log",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, col);
          g_autofree char *lower = g_ascii_strdown (value ? value : "", -1);

          g_assert_null (strstr (value ? value : "", bsn));
          for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
            {
              g_autofree char *needle = g_ascii_strdown (personal[i], -1);
              g_assert_null (strstr (lower, needle));
            }
        }
    }
  sqlite3_finalize (stmt);

  /* Nothing but fixed identifiers in action and type. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action NOT IN "
                                 "('view', 'create', 'update', 'delete') "
                                 "OR entity_type NOT IN ('person', 'case', 'task')"), ==, 0);
}

static void
test_default_actor (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;

  g_assert_true (regie_audit_record (f->store, NULL, REGIE_AUDIT_VIEW, REGIE_AUDIT_CASE, 7, &error));
  g_assert_no_error (error);
  actor = query_text (f, "SELECT actor FROM audit_log");
  g_assert_cmpstr (actor, ==, g_get_user_name ());
}

static void
test_rejects_free_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A programming error, caught loudly, and nothing written. */
  g_test_expect_message ("Regie", G_LOG_LEVEL_CRITICAL, "*is_identifier*");
  g_assert_false (regie_audit_record (f->store, ACTOR, "opened Jan de Vries", REGIE_AUDIT_CASE, 1, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Regie", G_LOG_LEVEL_CRITICAL, "*is_identifier*");
  g_assert_false (regie_audit_record (f->store, ACTOR, REGIE_AUDIT_VIEW, "Case", 1, &error));
  g_test_assert_expected_messages ();

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_rolled_back_with_its_change (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Proef");
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = regie_demo_bsn (1);

  /* A failed write leaves no audit row claiming it happened. */
  bad[8] = bad[8] == '0' ? '1' : '0';
  regie_person_set_bsn (person, bad);
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, 0);
  g_clear_error (&error);

  g_assert_false (regie_case_delete (f->store, 12345, ACTOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_ids_never_reused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RegiePerson) first = make_person ("Jan", NULL, "Eerst");
  g_autoptr(RegiePerson) second = make_person ("Kees", NULL, "Later");
  g_autoptr(RegieCase) gone = add_case (f, first, "Vraag");
  g_autoptr(RegieCase) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_case = regie_case_get_id (gone);
  gint64 old_person = regie_person_get_id (first);

  /* After the newest dossier and its person are deleted, their ids stay theirs: the audit
   * trail must never point at someone else. */
  g_assert_true (regie_case_delete (f->store, old_case, ACTOR, &error));
  g_assert_no_error (error);
  next = add_case (f, second, "Andere vraag");
  g_assert_cmpint (regie_case_get_id (next), >, old_case);
  g_assert_cmpint (regie_person_get_id (second), >, old_person);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/rows-written", test_rows_written);
  ADD ("/audit/default-actor", test_default_actor);
  ADD ("/audit/rejects-free-text", test_rejects_free_text);
  ADD ("/audit/rolled-back-with-its-change", test_rolled_back_with_its_change);
  ADD ("/audit/ids-never-reused", test_ids_never_reused);
#undef ADD

  return g_test_run ();
}
