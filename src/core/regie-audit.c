/* regie-audit.c — who opened, made, changed or deleted what, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-audit.h"
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
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (is_identifier (action), FALSE);
  g_return_val_if_fail (is_identifier (entity_type), FALSE);

  stmt = _regie_stmt (store,
                      "INSERT INTO audit_log (at, actor, action, entity_type, entity_id) "
                      "VALUES (?, ?, ?, ?, ?);",
                      error);
  if (stmt == NULL)
    return FALSE;

  now = _regie_now ();
  _regie_bind_text (stmt, 1, now);
  _regie_bind_text (stmt, 2, actor ? actor : regie_audit_default_actor ());
  _regie_bind_text (stmt, 3, action);
  _regie_bind_text (stmt, 4, entity_type);
  sqlite3_bind_int64 (stmt, 5, entity_id);

  return _regie_step_done (store, stmt, error);
}
