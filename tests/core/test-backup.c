/* test-backup.c — encrypted backups, restore into a new store, and write errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "regie-backup.h"
#include "regie-demo.h"
#include "regie-store-private.h"
#include "regie-test-util.h"

#define PASSPHRASE "Proef zin voor de back-up 42"

static char *
make_dir (char **home_out)
{
  g_autofree char *home = NULL;

  /* A child of g_test_trap_subprocess () works in the folder its parent made. */
  if (g_test_subprocess ())
    return g_strdup (g_getenv ("REGIE_TEST_STORE_DIR"));

  home = regie_test_make_data_home ();
  *home_out = g_strdup (home);
  return g_build_filename (home, "regie", NULL);
}

static RegieStore *
open_ok (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store = regie_store_open (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static RegieStore *
open_filled (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store = open_ok (dir);

  g_assert_true (regie_demo_fill (store, 40, 1, &error));
  g_assert_no_error (error);
  return store;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every ordinary table, as text, sorted: equal dumps mean equal content. */
static char *
dump_tables (RegieStore *store)
{
  sqlite3 *db = _regie_store_get_db (store);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                       "ORDER BY name;", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 5);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\";", (char *) tables->pdata[i]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              g_string_append_printf (row, "%d:%s|", sqlite3_column_type (stmt, c),
                                      text ? (const char *) text : "");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_rows);
      g_string_append_printf (dump, "## %s %u\n", (char *) tables->pdata[i], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (dump, "%s\n", (char *) rows->pdata[r]);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
test_round_trip (void)
{
  g_autofree char *home = NULL;
  g_autofree char *dir = make_dir (&home);
  g_autofree char *backup = g_build_filename (home, "regie-backup.regiebackup", NULL);
  g_autoptr(RegieStore) store = open_filled (dir);
  g_autoptr(RegieStore) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (store);
  g_autofree char *after = NULL;
  g_autofree char *old_id = g_strdup (regie_store_get_id (store));
  g_autofree char *report = NULL;
  guint8 key[REGIE_KEY_SIZE];
  gboolean found = TRUE;

  g_assert_true (regie_backup_write (store, backup, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  /* Encrypted: no plain SQLite header, no demo surname anywhere in the bytes. */
  g_assert_false (regie_test_file_contains (backup, "SQLite format 3"));
  g_assert_false (regie_test_file_contains (backup, "Voorbeeld"));
  g_assert_cmpuint (count_files (home, ".regie-backup-"), ==, 0);

  regie_store_close (store);
  g_clear_object (&store);

  restored = regie_backup_restore (backup, PASSPHRASE, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (regie_store_get_id (restored), !=, old_id);

  after = dump_tables (restored);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (regie_store_check_integrity (restored, &report, &error));
  g_assert_cmpstr (report, ==, "ok");

  /* The old store and its key are gone once the new one opened. */
  g_assert_cmpuint (count_files (dir, "regie.db.before-restore-"), ==, 0);
  g_assert_cmpuint (count_files (dir, "regie.db.restoring-"), ==, 0);
  g_assert_true (regie_keyring_lookup_key (old_id, key, &found, NULL, &error));
  g_assert_false (found);

  /* And the new store opens again the ordinary way. */
  {
    g_autofree char *id = g_strdup (regie_store_get_id (restored));
    g_autoptr(RegieStore) again = NULL;

    regie_store_close (restored);
    again = open_ok (dir);
    g_assert_cmpstr (regie_store_get_id (again), ==, id);
    g_clear_pointer (&after, g_free);
    after = dump_tables (again);
    g_assert_cmpstr (after, ==, before);
    regie_keyring_clear_key (id, NULL, NULL);
  }

  regie_test_remove_tree (home);
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *home = NULL;
  g_autofree char *dir = make_dir (&home);
  g_autofree char *backup = g_build_filename (home, "b.regiebackup", NULL);
  g_autoptr(RegieStore) store = open_filled (dir);
  g_autoptr(RegieStore) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (regie_store_get_id (store));
  g_autofree char *db_path = g_build_filename (dir, "regie.db", NULL);
  g_autofree char *sum = NULL;

  g_assert_true (regie_backup_write (store, backup, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  regie_store_close (store);
  g_clear_object (&store);
  sum = regie_test_checksum_file (db_path);

  g_assert_false (regie_backup_check_passphrase (backup, PASSPHRASE "x", &error));
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);
  g_clear_error (&error);
  g_assert_true (regie_backup_check_passphrase (backup, PASSPHRASE, &error));
  g_assert_no_error (error);

  restored = regie_backup_restore (backup, "proef", dir, NULL, &error);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);
  g_assert_null (restored);
  g_clear_error (&error);

  /* The store that was there is untouched and still opens with its own key. */
  {
    g_autofree char *sum_after = regie_test_checksum_file (db_path);

    g_assert_cmpstr (sum_after, ==, sum);
  }
  store = open_ok (dir);
  g_assert_cmpstr (regie_store_get_id (store), ==, id);
  g_assert_cmpuint (count_files (dir, "regie.db.restoring-"), ==, 0);

  /* Not a backup at all: the store file itself, with a passphrase. */
  g_assert_false (regie_backup_check_passphrase (regie_store_get_path (store), PASSPHRASE, &error));
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);

  regie_keyring_clear_key (id, NULL, NULL);
  regie_test_remove_tree (home);
}

/* Limits the size of every file this process writes, as a full disk would; SIGXFSZ ignored
 * so that the write fails with EFBIG instead of killing the process. */
static void
limit_file_size (goffset bytes)
{
  struct rlimit limit = { (rlim_t) bytes, (rlim_t) bytes };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

static void
test_backup_disk_full (void)
{
  g_autofree char *home = NULL;
  g_autofree char *dir = make_dir (&home);

  if (g_test_subprocess ())
    {
      g_autoptr(RegieStore) store = open_ok (dir);
      g_autofree char *target = g_build_filename (dir, "..", "full.regiebackup", NULL);
      g_autoptr(GError) error = NULL;

      limit_file_size (file_size (regie_store_get_path (store)) / 2);
      g_assert_false (regie_backup_write (store, target, PASSPHRASE, NULL, &error));
      g_assert_true (g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_DISK_FULL) ||
                     g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO));
      g_test_message ("backup under a file size limit: %s", error->message);
      return;
    }

  {
    g_autoptr(RegieStore) store = open_filled (dir);
    g_autofree char *id = g_strdup (regie_store_get_id (store));

    regie_store_close (store);
    g_setenv ("REGIE_TEST_STORE_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    /* Never half written: no target, no temporary file. */
    g_assert_cmpuint (count_files (home, "full.regiebackup"), ==, 0);
    g_assert_cmpuint (count_files (home, ".regie-backup-"), ==, 0);
    regie_keyring_clear_key (id, NULL, NULL);
  }
  regie_test_remove_tree (home);
}

/* Writes until the disk is "full": the error is reported as such, and the store is sound. */
static void
test_write_errors_keep_integrity (void)
{
  g_autofree char *home = NULL;
  g_autofree char *dir = make_dir (&home);

  if (g_test_subprocess ())
    {
      g_autoptr(RegieStore) store = open_ok (dir);
      g_autofree char *wal = g_strconcat (regie_store_get_path (store), "-wal", NULL);
      g_autoptr(GError) error = NULL;
      sqlite3 *db = _regie_store_get_db (store);
      sqlite3_stmt *insert = NULL;
      guint committed = 0;

      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE fill (payload BLOB);", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO fill VALUES (randomblob(20000));",
                                           -1, &insert, NULL), ==, SQLITE_OK);
      limit_file_size (MAX (file_size (regie_store_get_path (store)), file_size (wal)) + 400 * 1024);

      for (guint i = 0; i < 10000; i++)
        {
          int rc;

          if (!regie_store_begin (store, &error))
            break;
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          if (rc != SQLITE_DONE)
            {
              _regie_store_set_error_from_sqlite (&error, db, rc);
              regie_store_rollback (store);
              break;
            }
          if (!regie_store_commit (store, &error))
            break;
          committed++;
        }
      sqlite3_finalize (insert);

      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_DISK_FULL) ||
                     g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO));
      g_assert_cmpuint (committed, >, 0);
      g_test_message ("%u commits, then: %s", committed, error->message);
      return;
    }

  {
    g_autoptr(RegieStore) store = open_filled (dir);
    g_autoptr(GError) error = NULL;
    g_autofree char *report = NULL;
    g_autofree char *id = g_strdup (regie_store_get_id (store));
    sqlite3_stmt *stmt = NULL;

    regie_store_close (store);
    g_clear_object (&store);
    g_setenv ("REGIE_TEST_STORE_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    store = open_ok (dir);
    g_assert_true (regie_store_check_integrity (store, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report, ==, "ok");
    /* What was committed before the disk filled is there. */
    g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (store), "SELECT count(*) FROM fill;",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
    sqlite3_finalize (stmt);
    regie_store_close (store);
    regie_keyring_clear_key (id, NULL, NULL);
  }
  regie_test_remove_tree (home);
}

static int
run_cli (const char *stdin_text,
         const char *backup)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           REGIE_BIN, "--backup", backup, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, stdin_text, NULL, &out, &err, &error));
  g_assert_no_error (error);
  /* The passphrase is never echoed or logged. */
  g_assert_null (strstr (out, PASSPHRASE));
  g_assert_null (strstr (err, PASSPHRASE));

  return g_subprocess_get_exit_status (proc);
}

/* regie --backup FILE with the passphrase on stdin, as a script would; exit 0/1/2. */
static void
test_cli (void)
{
  g_autofree char *home = NULL;
  g_autofree char *dir = make_dir (&home);
  g_autofree char *backup = g_build_filename (home, "cli.regiebackup", NULL);
  g_autofree char *nowhere = g_build_filename (home, "missing-folder", "cli.regiebackup", NULL);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RegieStore) store = open_filled (dir);

    id = g_strdup (regie_store_get_id (store));
    regie_store_close (store);
  }

  g_assert_cmpint (run_cli (PASSPHRASE "\n", backup), ==, 0);
  g_assert_true (regie_backup_check_passphrase (backup, PASSPHRASE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli ("", backup), ==, 1);
  g_assert_cmpint (run_cli (PASSPHRASE "\n", nowhere), ==, 1);

  /* Without the key the store does not open: 2, and nothing is written. */
  regie_keyring_clear_key (id, NULL, NULL);
  g_unlink (backup);
  g_assert_cmpint (run_cli (PASSPHRASE "\n", backup), ==, 2);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  regie_test_remove_tree (home);
}

static void
test_passphrase_strength (void)
{
  g_assert_cmpuint (regie_backup_passphrase_strength (""), ==, 0);
  g_assert_cmpuint (regie_backup_passphrase_strength ("kort"), ==, 0);
  g_assert_cmpuint (regie_backup_passphrase_strength ("eenvoudigwachtwoord"), <, 3);
  g_assert_cmpuint (regie_backup_passphrase_strength ("vier losse woorden als zin"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/backup/disk-full", test_backup_disk_full);
  g_test_add_func ("/backup/write-errors-keep-integrity", test_write_errors_keep_integrity);
  g_test_add_func ("/backup/passphrase-strength", test_passphrase_strength);
  g_test_add_func ("/backup/cli", test_cli);
  return g_test_run ();
}
