/* regie-crash-writer.c — writes to a store until it is killed
 *
 * Prints the number of each transaction after its COMMIT returned: every number on
 * stdout is a promise that the row survives a kill -9.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "regie-store-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *next = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3 *db;
  gint64 n;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s STORE-DIR\n", argv[0]);
      return 2;
    }

  store = regie_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "open failed: %s\n", error->message);
      return 1;
    }

  db = _regie_store_get_db (store);
  if (sqlite3_exec (db, "CREATE TABLE IF NOT EXISTS crash_log (n INTEGER PRIMARY KEY, payload BLOB);",
                    NULL, NULL, NULL) != SQLITE_OK)
    return 1;

  sqlite3_prepare_v2 (db, "SELECT coalesce(max(n), 0) + 1 FROM crash_log;", -1, &next, NULL);
  sqlite3_step (next);
  n = sqlite3_column_int64 (next, 0);
  sqlite3_finalize (next);

  sqlite3_prepare_v2 (db, "INSERT INTO crash_log (n, payload) VALUES (?, randomblob(3000));",
                      -1, &insert, NULL);

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (;; n++)
    {
      if (!regie_store_begin (store, &error))
        break;
      sqlite3_bind_int64 (insert, 1, n);
      if (sqlite3_step (insert) != SQLITE_DONE)
        break;
      sqlite3_reset (insert);
      if (!regie_store_commit (store, &error))
        break;
      printf ("%" G_GINT64_FORMAT "\n", n);
    }

  fprintf (stderr, "write loop stopped: %s\n", error ? error->message : sqlite3_errmsg (db));
  sqlite3_finalize (insert);
  return 1;
}
