/* regie-sql-private.h — small SQL helpers shared by the core's dossier objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store-private.h"

G_BEGIN_DECLS

/* A statement from the store's cache: prepared once per connection, reset (and its bindings
 * cleared) when the g_autoptr goes out of scope. Only for SQL in static strings. */
typedef sqlite3_stmt RegieStmt;

RegieStmt  *_regie_stmt            (RegieStore   *store,
                                    const char   *sql,
                                    GError      **error);
void        _regie_stmt_release    (RegieStmt    *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieStmt, _regie_stmt_release)

/* For one-off SQL built at run time. */
typedef sqlite3_stmt RegieOwnedStmt;
void        _regie_owned_stmt_free (RegieOwnedStmt *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieOwnedStmt, _regie_owned_stmt_free)

RegieOwnedStmt *_regie_prepare    (RegieStore   *store,
                                    const char   *sql,
                                    GError      **error);

gboolean    _regie_exec            (RegieStore   *store,
                                    const char   *sql,
                                    GError      **error);
gboolean    _regie_step_done       (RegieStore   *store,
                                    sqlite3_stmt *stmt,
                                    GError      **error);
gboolean    _regie_sql_error       (RegieStore   *store,
                                    int           rc,
                                    GError      **error);

/* NULL binds '' ; _or_null binds NULL for NULL and for ''. */
void        _regie_bind_text       (sqlite3_stmt *stmt,
                                    int           index,
                                    const char   *text);
void        _regie_bind_text_or_null (sqlite3_stmt *stmt,
                                    int           index,
                                    const char   *text);
const char *_regie_column_text     (sqlite3_stmt *stmt,
                                    int           column);

/* Now in UTC as "YYYY-MM-DDTHH:MM:SS.mmmZ": text order is time order. */
char       *_regie_now             (void);

/* Enumerations are stored as their GEnum nick. */
const char *_regie_enum_to_id      (GType         type,
                                    int           value);
int         _regie_enum_from_id    (GType         type,
                                    const char   *id,
                                    int           fallback);

G_END_DECLS
