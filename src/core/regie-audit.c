/* regie-audit.c — who opened, made, changed or deleted what, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-audit.h"
#include "regie-audit-private.h"
#include "regie-sql-private.h"

/* Lower-case ASCII words with underscores: nothing a name or a sentence could slip into. */
static gboolean
is_identifier (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

const char *
regie_audit_default_actor (void)
{
  return g_get_user_name ();
}

gboolean
regie_audit_record (RegieStore  *store,
                    const char  *actor,
                    const char  *action,
                    const char  *entity_type,
                    gint64       entity_id,
                    GError     **error)
{
  return regie_audit_record_result (store, actor, action, entity_type, entity_id,
                                    REGIE_AUDIT_RESULT_OK, error);
}

/* Where this process's actions come from: "ui" unless the command line says otherwise. */
static const char *default_origin = REGIE_AUDIT_ORIGIN_UI;

void
regie_audit_set_origin (const char *origin)
{
  g_return_if_fail (is_identifier (origin));

  default_origin = g_intern_string (origin);
}

const char *
regie_audit_get_origin (void)
{
  return default_origin;
}

/* The canonical form of a row: its fields in a fixed order, separated by the ASCII unit
 * separator, which no identifier, account name or timestamp contains. A NULL entity id is
 * the empty field. */
char *
_regie_audit_row_hash (const char *prev_hash,
                       gint64      id,
                       const char *at,
                       const char *actor,
                       const char *action,
                       const char *entity_type,
                       gboolean    has_entity_id,
                       gint64      entity_id,
                       const char *result,
                       const char *origin)
{
  g_autofree char *entity = has_entity_id ? g_strdup_printf ("%" G_GINT64_FORMAT, entity_id)
                                          : g_strdup ("");
  g_autofree char *canonical =
    g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                     prev_hash ? prev_hash : "", id, at ? at : "", actor ? actor : "",
                     action ? action : "", entity_type ? entity_type : "", entity,
                     result ? result : "", origin ? origin : "");

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}

/* The last row's id and hash; id 0 and hash "" for an empty trail. */
static gboolean
last_link (RegieStore  *store,
           gint64      *id,
           char       **hash,
           GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1;",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = g_strdup (_regie_column_text (stmt, 1));
      if (*hash == NULL)
        *hash = g_strdup ("");   /* not chained yet: only before the first open after step 7 */
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  *hash = g_strdup ("");
  return TRUE;
}

gboolean
regie_audit_record_result (RegieStore  *store,
                           const char  *actor,
                           const char  *action,
                           const char  *entity_type,
                           gint64       entity_id,
                           const char  *result,
                           GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  const char *who;
  gint64 last_id;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (is_identifier (action), FALSE);
  g_return_val_if_fail (is_identifier (entity_type), FALSE);
  g_return_val_if_fail (is_identifier (result), FALSE);

  /* One INSERT with the id chosen here, so the row and its hash are written at once: the
   * store has a single writing connection, so nobody takes the id in between. */
  if (!last_link (store, &last_id, &prev, error))
    return FALSE;

  stmt = _regie_stmt (store,
                      "INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, "
                      "  result, origin, prev_hash, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                      error);
  if (stmt == NULL)
    return FALSE;

  now = _regie_now ();
  who = actor ? actor : regie_audit_default_actor ();
  hash = _regie_audit_row_hash (prev, last_id + 1, now, who, action, entity_type, TRUE,
                                entity_id, result, default_origin);
  sqlite3_bind_int64 (stmt, 1, last_id + 1);
  _regie_bind_text (stmt, 2, now);
  _regie_bind_text (stmt, 3, who);
  _regie_bind_text (stmt, 4, action);
  _regie_bind_text (stmt, 5, entity_type);
  sqlite3_bind_int64 (stmt, 6, entity_id);
  _regie_bind_text (stmt, 7, result);
  _regie_bind_text (stmt, 8, default_origin);
  _regie_bind_text (stmt, 9, prev);
  _regie_bind_text (stmt, 10, hash);

  return _regie_step_done (store, stmt, error);
}

typedef struct
{
  gint64      id;
  char       *at;
  char       *actor;
  char       *action;
  char       *entity_type;
  gboolean    has_entity_id;
  gint64      entity_id;
  char       *result;
  char       *origin;
  char       *prev_hash;
  char       *hash;
} Link;

static void
link_clear (Link *link)
{
  g_free (link->at);
  g_free (link->actor);
  g_free (link->action);
  g_free (link->entity_type);
  g_free (link->result);
  g_free (link->origin);
  g_free (link->prev_hash);
  g_free (link->hash);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
read_link (sqlite3_stmt *stmt,
           Link         *link)
{
  link->id = sqlite3_column_int64 (stmt, 0);
  link->at = dup_column (stmt, 1);
  link->actor = dup_column (stmt, 2);
  link->action = dup_column (stmt, 3);
  link->entity_type = dup_column (stmt, 4);
  link->has_entity_id = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  link->entity_id = sqlite3_column_int64 (stmt, 5);
  link->result = dup_column (stmt, 6);
  link->origin = dup_column (stmt, 7);
  link->prev_hash = dup_column (stmt, 8);
  link->hash = dup_column (stmt, 9);
}

#define LINK_COLUMNS "id, at, actor, action, entity_type, entity_id, result, origin, prev_hash, hash"

/* Rows written before the chain existed (schema step 7), or by an older Regie, have no hash
 * yet; they sit at the end of the trail. They are chained in one transaction. */
gboolean
_regie_audit_chain_pending (sqlite3  *db,
                            GError  **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  g_autofree char *prev = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT " LINK_COLUMNS " FROM audit_log "
                           "WHERE id > IFNULL ((SELECT MAX (id) FROM audit_log WHERE hash IS NOT NULL), 0) "
                           "ORDER BY id;",
                           -1, &select, NULL);
  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (select);
      return TRUE;
    }
  sqlite3_reset (select);

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?;",
                             -1, &update, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *head = NULL;

      rc = sqlite3_prepare_v2 (db, "SELECT hash FROM audit_log WHERE hash IS NOT NULL "
                               "ORDER BY id DESC LIMIT 1;", -1, &head, NULL);
      if (rc == SQLITE_OK && sqlite3_step (head) == SQLITE_ROW)
        prev = g_strdup ((const char *) sqlite3_column_text (head, 0));
      sqlite3_finalize (head);
    }
  if (prev == NULL)
    prev = g_strdup ("");

  while (rc == SQLITE_OK && (rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      Link link = { 0, };
      g_autofree char *hash = NULL;

      read_link (select, &link);
      hash = _regie_audit_row_hash (prev, link.id, link.at, link.actor, link.action,
                                    link.entity_type, link.has_entity_id, link.entity_id,
                                    link.result, link.origin);
      link_clear (&link);

      sqlite3_bind_text (update, 1, prev, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 3, link.id);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;

      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);

  sqlite3_finalize (select);
  sqlite3_finalize (update);

  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, db, rc);
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_audit_verify_chain (RegieStore  *store,
                          gint64      *broken_id,
                          GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autofree char *prev = g_strdup ("");
  gboolean pending = FALSE;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (broken_id != NULL, FALSE);

  *broken_id = 0;
  stmt = _regie_prepare (store, "SELECT " LINK_COLUMNS " FROM audit_log ORDER BY id;", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Link link = { 0, };
      g_autofree char *hash = NULL;
      gboolean ok;

      read_link (stmt, &link);
      if (link.hash == NULL)
        {
          /* Not chained yet is only possible at the end; after it nothing may be chained. */
          pending = TRUE;
          if (*broken_id == 0)
            *broken_id = link.id;
          link_clear (&link);
          continue;
        }

      hash = _regie_audit_row_hash (prev, link.id, link.at, link.actor, link.action,
                                    link.entity_type, link.has_entity_id, link.entity_id,
                                    link.result, link.origin);
      ok = !pending &&
           g_strcmp0 (link.prev_hash, prev) == 0 &&
           g_strcmp0 (link.hash, hash) == 0;
      if (!ok)
        {
          if (!pending)
            *broken_id = link.id;
          link_clear (&link);
          return TRUE;
        }

      g_free (prev);
      prev = g_strdup (link.hash);
      link_clear (&link);
    }

  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  /* Unchained rows at the end: chained at the next open, not a break. */
  *broken_id = 0;
  return TRUE;
}
