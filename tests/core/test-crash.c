/* test-crash.c — kill -9 in the middle of writes loses nothing that was acknowledged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "regie-store-private.h"
#include "regie-test-util.h"

#define ROUNDS 50

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

/* Reads acknowledgements until the writer has made `wanted` more of them. */
static gint64
read_acks (GDataInputStream *in,
           gint64            last,
           guint             wanted)
{
  for (guint i = 0; i < wanted; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL)
        break;
      last = g_ascii_strtoll (line, NULL, 10);
    }
  return last;
}

static void
test_kill_during_writes (void)
{
  g_autofree char *home = regie_test_make_data_home ();
  g_autofree char *dir = g_build_filename (home, "regie", NULL);
  gint64 acked = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { CRASH_WRITER, dir, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      g_autoptr(RegieStore) store = NULL;
      g_autofree char *report = NULL;
      GPid pid;
      int out_fd;
      int status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      raw = g_unix_input_stream_new (out_fd, TRUE);
      in = g_data_input_stream_new (raw);

      /* Let it run a varying while, then kill it wherever it is: mid-transaction, mid-commit,
       * mid-checkpoint. */
      acked = read_acks (in, acked, (guint) g_test_rand_int_range (1, 40));
      g_usleep ((gulong) g_test_rand_int_range (0, 15000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      /* Whatever it printed before dying was acknowledged too. */
      acked = read_acks (in, acked, G_MAXUINT);

      store = regie_store_open (dir, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (_regie_store_get_db (store),
                                  "SELECT count(*) FROM crash_log;"), >=, acked);
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM crash_log WHERE n <= %"
                                                G_GINT64_FORMAT ";", acked);
        g_assert_cmpint (query_int (_regie_store_get_db (store), sql), ==, acked);
      }
      g_assert_true (regie_store_check_integrity (store, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (report, ==, "ok");
      regie_store_close (store);
    }

  g_assert_cmpint (acked, >=, ROUNDS);
  g_test_message ("%d rounds, %" G_GINT64_FORMAT " acknowledged commits", ROUNDS, acked);
  regie_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/kill-during-writes", test_kill_during_writes);
  return g_test_run ();
}
