/* regie-store-private.h — for the core and its tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "regie-store.h"
#include "regie-keyring.h"

G_BEGIN_DECLS

typedef struct
{
  int         version;
  const char *sql;
} RegieMigration;

sqlite3    *_regie_store_get_db          (RegieStore            *self);
int         _regie_store_latest_version  (void);
gboolean    _regie_store_migrate         (sqlite3               *db,
                                          const RegieMigration  *steps,
                                          guint                  n_steps,
                                          GError               **error);
RegieStore *_regie_store_create_with_key (const char            *dir,
                                          const guint8          *key,
                                          GError               **error);
sqlite3    *_regie_store_open_raw        (const char            *path,
                                          const guint8          *key,
                                          GError               **error);
void        _regie_store_random_key      (guint8                *key);
gboolean    _regie_store_set_error_from_sqlite (GError         **error,
                                                sqlite3         *db,
                                                int              rc);

/* Benchmark only (tests/bench): an unencrypted store, to compare against. Never in the app. */
RegieStore *_regie_store_new_unencrypted_for_bench (const char  *dir,
                                                    GError     **error);

G_END_DECLS
