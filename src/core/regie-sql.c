/* regie-sql.c — small SQL helpers shared by the core's dossier objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-sql-private.h"

static GQuark
statement_cache_quark (void)
{
  return g_quark_from_static_string ("regie-statement-cache");
}

static void
statement_cache_free (gpointer data)
{
  GHashTable *cache = data;
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);

  g_hash_table_unref (cache);
}

gboolean
_regie_sql_error (RegieStore  *store,
                  int          rc,
                  GError     **error)
{
  return _regie_store_set_error_from_sqlite (error, _regie_store_get_db (store), rc);
}

/* The cache lives as long as the store object. regie_store_close () uses sqlite3_close_v2 (),
 * which keeps the connection until the cached statements are finalized with the object. */
RegieStmt *
_regie_stmt (RegieStore  *store,
             const char  *sql,
             GError     **error)
{
  sqlite3 *db = _regie_store_get_db (store);
  GHashTable *cache;
  sqlite3_stmt *stmt;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO, "The store is closed");
      return NULL;
    }

  cache = g_object_get_qdata (G_OBJECT (store), statement_cache_quark ());
  if (cache == NULL)
    {
      cache = g_hash_table_new (g_str_hash, g_str_equal);
      g_object_set_qdata_full (G_OBJECT (store), statement_cache_quark (), cache, statement_cache_free);
    }

  stmt = g_hash_table_lookup (cache, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  g_hash_table_insert (cache, (gpointer) sql, stmt);
  return stmt;
}

void
_regie_stmt_release (RegieStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_regie_owned_stmt_free (RegieOwnedStmt *stmt)
{
  sqlite3_finalize (stmt);
}

RegieOwnedStmt *
_regie_prepare (RegieStore  *store,
                const char  *sql,
                GError     **error)
{
  sqlite3 *db = _regie_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO, "The store is closed");
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
_regie_exec (RegieStore  *store,
             const char  *sql,
             GError     **error)
{
  sqlite3 *db = _regie_store_get_db (store);
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _regie_sql_error (store, rc, error);

  return TRUE;
}

gboolean
_regie_step_done (RegieStore    *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _regie_sql_error (store, rc, error);

  return TRUE;
}

void
_regie_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
_regie_bind_text_or_null (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_regie_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
_regie_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

const char *
_regie_enum_to_id (GType type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_return_val_if_fail (found != NULL, NULL);

  /* Nicks are static strings in the type's value table: they outlive the class ref. */
  return found->value_nick;
}

int
_regie_enum_from_id (GType       type,
                     const char *id,
                     int         fallback)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (id == NULL)
    return fallback;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, id);

  return found ? found->value : fallback;
}
