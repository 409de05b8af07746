/* test-rekey-crash.c — kill -9 during a rekey leaves a store that opens with one of the keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "regie-store-private.h"
#include "regie-test-util.h"

#define ROUNDS 25

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_kill_during_rekey (void)
{
  g_autofree char *home = regie_test_make_data_home ();
  g_autofree char *dir = g_build_filename (home, "regie", NULL);
  g_autofree char *id = NULL;
  guint rekeys = 0;

  /* Enough pages that a rekey takes a while, so that kills land inside it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RegieStore) store = regie_store_open (dir, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store),
                                   "CREATE TABLE payload (n INTEGER PRIMARY KEY, b BLOB);"
                                   "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 600) "
                                   "INSERT INTO payload SELECT n, randomblob(4000) FROM c;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    id = g_strdup (regie_store_get_id (store));
    regie_store_close (store);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { REKEY_LOOP, dir, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      g_autoptr(RegieStore) store = NULL;
      g_autofree char *report = NULL;
      g_autofree char *line = NULL;
      guint8 key[REGIE_KEY_SIZE];
      gboolean found = TRUE;
      GPid pid;
      int out_fd;
      int status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      raw = g_unix_input_stream_new (out_fd, TRUE);
      in = g_data_input_stream_new (raw);

      /* Half the rounds wait for a finished rekey first; then a kill at a random moment. */
      if (round % 2 == 0)
        {
          line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
          g_assert_nonnull (line);
          rekeys++;
        }
      g_usleep ((gulong) g_test_rand_int_range (0, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      store = regie_store_open (dir, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_cmpint (query_int (_regie_store_get_db (store), "SELECT count(*) FROM payload;"), ==, 600);
      g_assert_true (regie_store_check_integrity (store, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (report, ==, "ok");
      regie_store_close (store);

      /* Whichever key opened it is now the only one. */
      g_assert_true (regie_keyring_lookup_key_in_slot (id, REGIE_KEY_SLOT_NEXT, key, &found, NULL, &error));
      g_assert_false (found);
    }

  g_test_message ("%d rounds, at least %u finished rekeys", ROUNDS, rekeys);
  regie_keyring_clear_key (id, NULL, NULL);
  regie_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/kill-during-rekey", test_kill_during_rekey);
  return g_test_run ();
}
