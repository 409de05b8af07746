/* test-store.c — the encrypted store with its key in the real keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "regie-store-private.h"
#include "regie-test-util.h"

typedef struct
{
  char *home;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->home = regie_test_make_data_home ();
  /* Not regie_store_default_dir (): GLib caches XDG_DATA_HOME at its first use. */
  f->dir = g_build_filename (f->home, "regie", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  regie_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->dir);
}

static RegieStore *
open_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store = regie_store_open (f->dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
exec_ok (RegieStore *store,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (_regie_store_get_db (store), sql, NULL, NULL, &message);

  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static char *
query_one (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static void
test_encryption_available (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (regie_store_check_encryption (&error));
  g_assert_no_error (error);
}

static void
test_create_reopen (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RegieStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_path = NULL;
  g_autofree char *id_contents = NULL;
  g_autofree char *cipher = NULL;
  g_autofree char *value = NULL;
  struct stat st;

  store = open_ok (f);
  id = g_strdup (regie_store_get_id (store));
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpint (regie_store_get_schema_version (store), ==, _regie_store_latest_version ());
  g_assert_false (regie_store_get_ephemeral (store));

  cipher = regie_store_get_cipher_version (store);
  g_assert_nonnull (cipher);

  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (regie_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  id_path = g_strconcat (regie_store_get_path (store), ".id", NULL);
  g_assert_true (g_file_get_contents (id_path, &id_contents, NULL, NULL));
  g_assert_cmpstr (g_strstrip (id_contents), ==, id);

  exec_ok (store, "INSERT INTO store_info (key, value) VALUES ('reopen-check', 'kept');");
  regie_store_close (store);
  g_clear_object (&store);

  store = open_ok (f);
  g_assert_cmpstr (regie_store_get_id (store), ==, id);
  value = query_one (_regie_store_get_db (store),
                     "SELECT value FROM store_info WHERE key = 'reopen-check';");
  g_assert_cmpstr (value, ==, "kept");
}

static void
test_keyring_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  guint8 key[REGIE_KEY_SIZE];
  guint8 back[REGIE_KEY_SIZE];
  gboolean found = FALSE;

  g_assert_cmpint (getrandom (key, sizeof key, 0), ==, sizeof key);

  g_assert_true (regie_keyring_lookup_key (id, back, &found, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  g_assert_true (regie_keyring_store_key (id, key, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (regie_keyring_lookup_key (id, back, &found, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpmem (key, sizeof key, back, sizeof back);

  g_assert_true (regie_keyring_clear_key (id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (regie_keyring_lookup_key (id, back, &found, NULL, &error));
  g_assert_false (found);
}

static void
test_ciphertext (Fixture       *f,
                 gconstpointer  data)
{
  static const char marker[] = "REGIE-MARKER-Pietje-Puk-1234AB";
  g_autoptr(RegieStore) store = open_ok (f);
  g_autofree char *path = g_strdup (regie_store_get_path (store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *sqlite3_tool;
  sqlite3 *plain = NULL;
  gsize len;
  int status = 0;

  sql = g_strdup_printf ("INSERT INTO store_info (key, value) VALUES ('marker', '%s');", marker);
  exec_ok (store, sql);

  /* The write sits in the WAL until a checkpoint: look at both files while it is there. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (regie_test_file_contains (wal, marker));
  g_assert_false (regie_test_file_contains (path, marker));

  regie_store_close (store);
  g_assert_false (regie_test_file_contains (path, marker));
  g_assert_false (regie_test_file_contains (path, "store_info"));

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 16);
  g_assert_false (memcmp (contents, "SQLite format 3", 15) == 0);

  /* Without the key the library itself sees no database. */
  g_assert_cmpint (sqlite3_open_v2 (path, &plain, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (plain, "SELECT count(*) FROM sqlite_master;", NULL, NULL, NULL),
                   ==, SQLITE_NOTADB);
  sqlite3_close (plain);

  /* And neither does the stock sqlite3 tool. */
  sqlite3_tool = g_find_program_in_path ("sqlite3");
  g_assert_nonnull (sqlite3_tool);
  {
    const char *argv[] = { sqlite3_tool, path, "SELECT value FROM store_info;", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_null (strstr (out, marker));
    g_assert_nonnull (strstr (err, "not a database"));
  }
}

static void
assert_open_fails_unchanged (Fixture         *f,
                             const char      *path,
                             RegieStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieStore) store = NULL;
  g_autofree char *before = regie_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *backup = g_strconcat (path, ".sqlcipher3", NULL);

  store = regie_store_open (f->dir, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, REGIE_STORE_ERROR, (int) code);

  after = regie_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  /* Nor a copy: under SQLCipher 4 only a store that the key opens is copied to migrate it. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Every code has its own words for the user. */
  g_assert_nonnull (regie_store_error_title (code));
  g_assert_nonnull (regie_store_error_advice (code));
}

static char *
create_and_close (Fixture *f)
{
  g_autoptr(RegieStore) store = open_ok (f);
  char *path = g_strdup (regie_store_get_path (store));

  exec_ok (store, "INSERT INTO store_info (key, value) VALUES ('content', 'present');");
  regie_store_close (store);
  return path;
}

static void
test_wrong_key (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = create_and_close (f);
  g_autoptr(RegieStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *id = NULL;
  guint8 other[REGIE_KEY_SIZE];

  g_assert_true (g_file_get_contents (id_path, &id, NULL, NULL));
  g_strstrip (id);
  g_assert_cmpint (getrandom (other, sizeof other, 0), ==, sizeof other);
  g_assert_true (regie_keyring_store_key (id, other, NULL, &error));
  g_assert_no_error (error);

  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_WRONG_KEY);
  /* Trying again changes nothing either. */
  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_WRONG_KEY);
}

static void
test_missing_key (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = create_and_close (f);
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (id_path, &id, NULL, NULL));
  g_strstrip (id);
  g_assert_true (regie_keyring_clear_key (id, NULL, &error));
  g_assert_no_error (error);

  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_KEY_MISSING);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_missing_id_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = create_and_close (f);
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);

  g_assert_cmpint (g_unlink (id_path), ==, 0);
  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_KEY_MISSING);
  /* No new identity, no new key: the store stays as it was. */
  g_assert_false (g_file_test (id_path, G_FILE_TEST_EXISTS));
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = create_and_close (f);
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *id = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  guint8 key[REGIE_KEY_SIZE];
  gboolean found = FALSE;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (id_path, &id, NULL, NULL));
  g_strstrip (id);
  g_assert_true (regie_keyring_lookup_key (id, key, &found, NULL, &error));
  g_assert_true (found);

  db = _regie_store_open_raw (path, key, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", _regie_store_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_not_a_store (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = create_and_close (f);
  g_autofree char *garbage = g_strnfill (8192, 'x');

  /* Someone copied another file over regie.db: it must be refused, not "repaired". */
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_WRONG_KEY);
}

/* A store as SQLCipher 3.x (Debian 12) writes it, with a row in a table of its own. Under 4.x
 * cipher_compatibility = 3 writes that format; 3.x ignores the unknown pragma. */
static char *
create_sqlcipher3_store (Fixture      *f,
                         const guint8 *file_key,
                         const guint8 *keyring_key)
{
  static const char digits[] = "0123456789abcdef";
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *id_path = g_build_filename (f->dir, "regie.db.id", NULL);
  g_autofree char *id_contents = g_strconcat (id, "\n", NULL);
  g_autoptr(GString) key_sql = g_string_new ("PRAGMA key = \"x'");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, "regie.db", NULL);
  sqlite3 *db = NULL;

  g_assert_true (regie_keyring_store_key (id, keyring_key, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (id_path, id_contents, -1, NULL));

  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    {
      g_string_append_c (key_sql, digits[file_key[i] >> 4]);
      g_string_append_c (key_sql, digits[file_key[i] & 0xf]);
    }
  g_string_append (key_sql, "'\";");

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, key_sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA cipher_compatibility = 3;"
                                 "PRAGMA journal_mode = WAL;"
                                 "CREATE TABLE legacy (v TEXT);"
                                 "INSERT INTO legacy VALUES ('from 3.x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  return path;
}

static void
test_sqlcipher3_store (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *value = NULL;
  g_autofree char *report = NULL;
  guint8 key[REGIE_KEY_SIZE];
  struct stat st;
  sqlite3 *db;

  g_assert_cmpint (getrandom (key, sizeof key, 0), ==, sizeof key);
  path = create_sqlcipher3_store (f, key, key);
  backup = g_strconcat (path, ".sqlcipher3", NULL);
  scratch = g_strconcat (path, "-migrated", NULL);

  /* Under SQLCipher 4 this is the migration; under 3.x an ordinary open. */
  store = open_ok (f);
  value = query_one (_regie_store_get_db (store), "SELECT v FROM legacy;");
  g_assert_cmpstr (value, ==, "from 3.x");
  g_assert_cmpint (regie_store_get_schema_version (store), ==, _regie_store_latest_version ());
  g_assert_true (regie_store_check_integrity (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  /* The copy goes once the migrated store has opened, and the store stays private. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (scratch, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  regie_store_close (store);
  g_clear_object (&store);

  /* The file is now in the linked library's own format: the plain way in opens it. */
  db = _regie_store_open_raw (path, key, &error);
  g_assert_no_error (error);
  sqlite3_close (db);

  store = open_ok (f);
  g_clear_pointer (&value, g_free);
  value = query_one (_regie_store_get_db (store), "SELECT v FROM legacy;");
  g_assert_cmpstr (value, ==, "from 3.x");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_sqlcipher3_store_wrong_key (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  guint8 key[REGIE_KEY_SIZE];
  guint8 other[REGIE_KEY_SIZE];

  g_assert_cmpint (getrandom (key, sizeof key, 0), ==, sizeof key);
  g_assert_cmpint (getrandom (other, sizeof other, 0), ==, sizeof other);
  path = create_sqlcipher3_store (f, key, other);

  /* Under SQLCipher 4 a wrong key must not start a migration, nor copy the file for one. */
  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_WRONG_KEY);
  assert_open_fails_unchanged (f, path, REGIE_STORE_ERROR_WRONG_KEY);
}

static void
test_migrations_order_once (Fixture       *f,
                            gconstpointer  data)
{
  static const RegieMigration steps[] = {
    { 1, "CREATE TABLE step_log (v INTEGER NOT NULL); INSERT INTO step_log VALUES (1);" },
    { 2, "INSERT INTO step_log VALUES (2);" },
    { 3, "INSERT INTO step_log VALUES (3);" },
    { 4, "INSERT INTO step_log VALUES (4); INSERT INTO no_such_table VALUES (1);" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *version = NULL;
  guint8 key[REGIE_KEY_SIZE] = { 7, 7, 7 };
  g_autofree char *path = g_build_filename (f->home, "migrate.db", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = _regie_store_open_raw (path, key, &error);
  g_assert_no_error (error);

  g_assert_true (_regie_store_migrate (db, steps, 2, &error));
  g_assert_no_error (error);
  log = query_one (db, "SELECT group_concat(v, ',') FROM step_log;");
  g_assert_cmpstr (log, ==, "1,2");
  g_clear_pointer (&log, g_free);

  g_assert_true (_regie_store_migrate (db, steps, 3, &error));
  g_assert_true (_regie_store_migrate (db, steps, 3, &error));
  g_assert_no_error (error);
  log = query_one (db, "SELECT group_concat(v, ',') FROM step_log;");
  g_assert_cmpstr (log, ==, "1,2,3");
  g_clear_pointer (&log, g_free);

  /* A failing step leaves nothing of itself behind, and the version stays. */
  g_assert_false (_regie_store_migrate (db, steps, 4, &error));
  g_assert_nonnull (error);
  log = query_one (db, "SELECT group_concat(v, ',') FROM step_log;");
  g_assert_cmpstr (log, ==, "1,2,3");
  version = query_one (db, "PRAGMA user_version;");
  g_assert_cmpstr (version, ==, "3");

  sqlite3_close (db);
}

static void
test_builtin_schema (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RegieStore) store = open_ok (f);
  sqlite3 *db = _regie_store_get_db (store);
  g_autofree char *tables = NULL;
  g_autofree char *version = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (_regie_store_latest_version (), >=, 1);
  version = query_one (db, "PRAGMA user_version;");
  g_assert_cmpint (atoi (version), ==, _regie_store_latest_version ());

  tables = query_one (db, "SELECT group_concat(name, ',') FROM "
                          "(SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name);");
  g_assert_nonnull (strstr (tables, "audit_log"));
  g_assert_nonnull (strstr (tables, "store_info"));

  fk = query_one (db, "PRAGMA foreign_keys;");
  g_assert_cmpstr (fk, ==, "1");
  journal = query_one (db, "PRAGMA journal_mode;");
  g_assert_cmpstr (journal, ==, "wal");

  g_assert_true (regie_store_check_integrity (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RegieStore) store = open_ok (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_assert_true (regie_store_begin (store, &error));
  exec_ok (store, "INSERT INTO store_info (key, value) VALUES ('tx', 'rolled back');");
  regie_store_rollback (store);

  g_assert_true (regie_store_begin (store, &error));
  exec_ok (store, "INSERT INTO store_info (key, value) VALUES ('tx2', 'committed');");
  g_assert_true (regie_store_commit (store, &error));
  g_assert_no_error (error);

  count = query_one (_regie_store_get_db (store),
                     "SELECT group_concat(key) FROM store_info WHERE key LIKE 'tx%';");
  g_assert_cmpstr (count, ==, "tx2");
}

static void
test_ephemeral (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->home, "demo", NULL);
  g_autoptr(RegieStore) store = regie_store_new_ephemeral (dir, &error);

  g_assert_no_error (error);
  g_assert_true (regie_store_get_ephemeral (store));
  g_assert_true (g_file_test (regie_store_get_path (store), G_FILE_TEST_EXISTS));
  g_assert_false (regie_test_file_contains (regie_store_get_path (store), "SQLite format 3"));

  regie_store_close (store);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  /* It never touched the real store. */
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static void
test_error_mapping (void)
{
  static const struct { int rc; RegieStoreError code; } cases[] = {
    { SQLITE_NOTADB, REGIE_STORE_ERROR_WRONG_KEY },
    { SQLITE_CORRUPT, REGIE_STORE_ERROR_CORRUPT },
    { SQLITE_FULL, REGIE_STORE_ERROR_DISK_FULL },
    { SQLITE_IOERR_WRITE, REGIE_STORE_ERROR_IO },
    { SQLITE_CANTOPEN, REGIE_STORE_ERROR_IO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (_regie_store_set_error_from_sqlite (&error, NULL, cases[i].rc));
      g_assert_error (error, REGIE_STORE_ERROR, (int) cases[i].code);
    }
}

static void
test_error_texts (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int code = REGIE_STORE_ERROR_KEYRING_UNAVAILABLE; code <= REGIE_STORE_ERROR_NOT_ENCRYPTED; code++)
    {
      const char *title = regie_store_error_title (code);
      const char *advice = regie_store_error_advice (code);

      g_assert_nonnull (title);
      g_assert_cmpuint (strlen (advice), >, 20);
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, (gpointer) title);
    }

  g_assert_false (regie_store_error_can_retry (REGIE_STORE_ERROR_NOT_ENCRYPTED));
  g_assert_true (regie_store_error_can_retry (REGIE_STORE_ERROR_KEYRING_LOCKED));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/encryption-available", test_encryption_available);
  g_test_add_func ("/store/error-mapping", test_error_mapping);
  g_test_add_func ("/store/error-texts", test_error_texts);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create-reopen", test_create_reopen);
  ADD ("/store/keyring-round-trip", test_keyring_round_trip);
  ADD ("/store/ciphertext", test_ciphertext);
  ADD ("/store/wrong-key", test_wrong_key);
  ADD ("/store/missing-key", test_missing_key);
  ADD ("/store/missing-id-file", test_missing_id_file);
  ADD ("/store/newer-schema", test_newer_schema);
  ADD ("/store/not-a-store", test_not_a_store);
  ADD ("/store/sqlcipher3-store", test_sqlcipher3_store);
  ADD ("/store/sqlcipher3-store-wrong-key", test_sqlcipher3_store_wrong_key);
  ADD ("/store/migrations-order-once", test_migrations_order_once);
  ADD ("/store/builtin-schema", test_builtin_schema);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/ephemeral", test_ephemeral);
#undef ADD

  return g_test_run ();
}
