/* test-privacy.c — the hash-chained access trail, retention, and the inwoner's rights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/wait.h>

#include "regie-dossier-fixture.h"
#include "regie-privacy.h"

/* Words that only this test's inwoner has: none may survive a destruction or an erasure. */
#define MARK_GIVEN    "Zwaluwstaart"
#define MARK_SURNAME  "Proefmarkeer"
#define MARK_QUESTION "Kwartelkoning"
#define MARK_TASK     "Grutto"

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A marked inwoner with a closed dossier and a task in it. */
static RegieCase *
add_marked_case (Fixture    *f,
                 const char *question)
{
  g_autoptr(RegiePerson) person = make_person (MARK_GIVEN, NULL, MARK_SURNAME);
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieTask) task = NULL;
  RegieCase *kase;

  kase = add_case (f, person, question);
  task = regie_case_add_task (f->store, kase, MARK_TASK " terugbellen", "2024-06-01", ACTOR, &error);
  g_assert_no_error (error);
  g_assert_true (regie_case_close (f->store, kase, REGIE_OUTCOME_SOLVED, "", 0, ACTOR, &error));
  g_assert_no_error (error);
  return kase;
}

static void
make_trail (Fixture *f)
{
  g_autoptr(RegieCase) kase = add_marked_case (f, MARK_QUESTION);
  g_autoptr(RegieCase) opened = NULL;
  g_autoptr(GError) error = NULL;

  opened = regie_case_open (f->store, regie_case_get_id (kase), ACTOR, &error);
  g_assert_no_error (error);
}

static void
test_chain_verifies (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  make_trail (f);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM audit_log;"), >=, 4);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM audit_log WHERE hash IS NULL OR prev_hash IS NULL;"), ==, 0);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM audit_log WHERE result <> 'ok' OR origin <> 'ui';"), ==, 0);

  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_chain_names_changed_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  make_trail (f);

  /* Someone with the key changes what row 3 says was done: the chain names that row. */
  exec (f, "UPDATE audit_log SET action = 'export' WHERE id = 3;");
  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_cmpint (broken, ==, 3);
}

static void
test_chain_names_removed_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  make_trail (f);
  exec (f, "DELETE FROM audit_log WHERE id = 2;");
  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_cmpint (broken, ==, 3);
}

/* Rows from before schema step 7 have no hash; the store chains them when it opens. */
static void
test_chain_pending_rows_chained_at_open (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 broken = -1;

  make_trail (f);
  exec (f, "UPDATE audit_log SET hash = NULL, prev_hash = NULL;");
  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_cmpint (broken, ==, 0);

  id = g_strdup (regie_store_get_id (f->store));
  regie_store_close (f->store);
  g_clear_object (&f->store);
  f->store = regie_store_open (f->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM audit_log WHERE hash IS NULL;"), ==, 0);
  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_cmpint (broken, ==, 0);

  /* A hash removed in the middle is a break, not "pending". */
  exec (f, "UPDATE audit_log SET hash = NULL WHERE id = 2;");
  g_assert_true (regie_audit_verify_chain (f->store, &broken, &error));
  g_assert_cmpint (broken, ==, 2);
}

static int
run_check (Fixture  *f,
           char    **out)
{
  const char *argv[] = { REGIE_BIN, "--check", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_check_names_row (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *ok = NULL;
  g_autofree char *broken = NULL;

  make_trail (f);
  exec (f, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_assert_cmpint (run_check (f, &ok), ==, 0);
  g_assert_cmpstr (ok, ==, "Integrity check: ok\n");

  exec (f, "UPDATE audit_log SET actor = 'iemand-anders' WHERE id = 2;");
  exec (f, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_assert_cmpint (run_check (f, &broken), ==, 1);
  g_assert_cmpstr (broken, ==, "Access trail: broken at row 2\n");
}

static void
test_retention_due (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RegieCase) old = add_marked_case (f, MARK_QUESTION);
  g_autoptr(RegieCase) recent = add_marked_case (f, "Recente vraag");
  g_autoptr(RegieCase) open = NULL;
  g_autoptr(RegiePerson) other = make_person ("Ander", NULL, "Voorbeeld");
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *on = NULL;
  RegieRetentionDue *item;

  open = add_case (f, other, "Nog open");
  sql = g_strdup_printf ("UPDATE dossier SET closed_at = '2022-01-31T10:00:00.000Z' WHERE id = %"
                         G_GINT64_FORMAT ";", regie_case_get_id (old));
  exec (f, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE dossier SET closed_at = '2024-05-01T10:00:00.000Z' WHERE id = %"
                         G_GINT64_FORMAT ";", regie_case_get_id (recent));
  exec (f, sql);

  /* 31 January + 24 months: 31 January two years later; a leap-day clamp for one month. */
  on = regie_retention_destroy_on ("2022-01-31T10:00:00.000Z", 1);
  g_assert_cmpstr (on, ==, "2022-02-28");
  g_clear_pointer (&on, g_free);
  g_assert_null (regie_retention_destroy_on (NULL, 24));

  due = regie_retention_list_due (f->store, 24, "2024-01-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  due = regie_retention_list_due (f->store, 24, "2024-01-31", &error);
  g_assert_cmpuint (due->len, ==, 1);
  item = g_ptr_array_index (due, 0);
  g_assert_cmpint (item->case_id, ==, regie_case_get_id (old));
  g_assert_cmpstr (item->closed_on, ==, "2022-01-31");
  g_assert_cmpstr (item->destroy_on, ==, "2024-01-31");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* A shorter period brings the recent one in too; an open dossier never. */
  due = regie_retention_list_due (f->store, 6, "2024-11-01", &error);
  g_assert_cmpuint (due->len, ==, 2);
}

/* The unencrypted store: the marker words would be visible in the bytes if left behind. */
static void
assert_gone_from_files (const char *dir)
{
  static const char *marks[] = { MARK_GIVEN, MARK_SURNAME, MARK_QUESTION, MARK_TASK };
  g_autofree char *db = g_build_filename (dir, "regie.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "regie.db-wal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_assert_false (regie_test_file_contains (db, marks[i]));
      g_assert_false (regie_test_file_contains (wal, marks[i]));
    }
}

typedef gboolean (*Remove) (RegieStore *store, RegieCase *kase, GError **error);

static gboolean
destroy_case (RegieStore  *store,
              RegieCase   *kase,
              GError     **error)
{
  return regie_retention_destroy_case (store, regie_case_get_id (kase), ACTOR, error);
}

static gboolean
erase_person (RegieStore  *store,
              RegieCase   *kase,
              GError     **error)
{
  return regie_inwoner_erase (store, regie_case_get_person_id (kase), ACTOR, error);
}

static void
check_removal (Fixture    *f,
               Remove      remove,
               const char *action)
{
  g_autofree char *dir = g_build_filename (f->home, "plain", NULL);
  g_autoptr(RegieStore) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(RegieCase) keep = NULL;
  g_autoptr(RegiePerson) other = make_person ("Blijft", NULL, "Voorbeeld");
  g_autofree char *db = g_build_filename (dir, "regie.db", NULL);
  RegieStore *encrypted = f->store;
  gint64 broken = -1;

  plain = _regie_store_new_unencrypted_for_bench (dir, &error);
  g_assert_no_error (error);
  f->store = plain;

  kase = add_marked_case (f, MARK_QUESTION);
  keep = add_case (f, other, "Andere vraag");

  /* The marks are really there before: checkpoint them into the main file. */
  exec (f, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_assert_true (regie_test_file_contains (db, MARK_QUESTION));

  g_assert_true (remove (plain, kase, &error));
  g_assert_no_error (error);

  assert_gone_from_files (dir);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM person;"), ==, 1);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM dossier;"), ==, 1);
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM task;"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM audit_log WHERE action = '%s';", action);

    g_assert_cmpint (count (f, sql), >=, 1);
  }
  g_assert_true (regie_audit_verify_chain (plain, &broken, &error));
  g_assert_cmpint (broken, ==, 0);

  f->store = encrypted;
  regie_store_close (plain);
}

static void
test_destroy_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  check_removal (f, destroy_case, "destroy");
}

static void
test_erase_leaves_nothing (Fixture       *f,
                           gconstpointer  data)
{
  check_removal (f, erase_person, "erase");
}

static void
test_export_json_schema (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RegieCase) kase = add_marked_case (f, "Vraag met \"aanhalingstekens\", \\ en\nregel");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (f->home, "export.json", NULL);
  g_autofree char *pdf = g_build_filename (f->home, "export.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "python3", CHECK_SCHEMA, SCHEMA, path, NULL };
  int status = 0;

  json = regie_inwoner_export_json (f->store, regie_case_get_person_id (kase), ACTOR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"given_names\":\"" MARK_GIVEN "\""));
  g_assert_nonnull (strstr (json, "\\\"aanhalingstekens\\\", \\\\ en\\nregel"));
  g_assert_nonnull (strstr (json, "\"action\":\"export\""));
  g_assert_nonnull (strstr (json, MARK_TASK));
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* The checker can fail: a document without the trail is refused. */
  {
    g_autofree char *broken = g_strdup (json);
    char *trail = strstr (broken, "\"access_trail\"");

    memcpy (trail, "\"access_trayl\"", 14);
    g_file_set_contents (path, broken, -1, &error);
    g_clear_pointer (&out, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (out, "access_trail"));
  }

  /* Art. 15: the readable PDF. */
  g_assert_true (regie_inwoner_export_pdf (f->store, regie_case_get_person_id (kase), pdf, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (regie_test_file_contains (pdf, "%PDF"));
  g_assert_cmpint (count (f, "SELECT COUNT (*) FROM audit_log WHERE action = 'export';"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/privacy/chain/verifies", test_chain_verifies);
  ADD ("/privacy/chain/names-changed-row", test_chain_names_changed_row);
  ADD ("/privacy/chain/names-removed-row", test_chain_names_removed_row);
  ADD ("/privacy/chain/pending-rows-chained-at-open", test_chain_pending_rows_chained_at_open);
  ADD ("/privacy/chain/cli-check-names-row", test_cli_check_names_row);
  ADD ("/privacy/retention/due", test_retention_due);
  ADD ("/privacy/retention/destroy-leaves-nothing", test_destroy_leaves_nothing);
  ADD ("/privacy/erase/leaves-nothing", test_erase_leaves_nothing);
  ADD ("/privacy/export/json-schema-and-pdf", test_export_json_schema);
#undef ADD

  return g_test_run ();
}
