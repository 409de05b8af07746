/* regie-privacy.c — retention, and the inwoner's rights of access, portability and erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-case-private.h"
#include "regie-document.h"
#include "regie-privacy.h"
#include "regie-search-private.h"
#include "regie-sql-private.h"

void
regie_retention_due_free (RegieRetentionDue *due)
{
  if (due == NULL)
    return;

  g_free (due->closed_on);
  g_free (due->destroy_on);
  g_free (due);
}

char *
regie_retention_destroy_on (const char *closed_at,
                            guint       months)
{
  g_autoptr(GDate) date = NULL;
  char text[16];

  if (closed_at == NULL || strlen (closed_at) < 10)
    return NULL;

  {
    g_autofree char *day = g_strndup (closed_at, 10);

    date = g_date_new ();
    g_date_set_parse (date, day);
    /* g_date_set_parse reads ISO dates in any locale only as YYYY-MM-DD digits: check. */
    if (!g_date_valid (date))
      return NULL;
  }

  /* 31 January plus one month is 28/29 February (g_date_add_months clamps), never March. */
  g_date_add_months (date, months);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GPtrArray *
regie_retention_list_due (RegieStore  *store,
                          guint        months,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_retention_due_free);
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *day = today ? g_strdup (today) : local_today ();
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  /* Only closed dossiers have a date; reopening clears closed_at and so the date. */
  stmt = _regie_stmt (store,
                      "SELECT id, person_id, closed_at FROM dossier "
                      "WHERE status = 'closed' AND closed_at IS NOT NULL "
                      "ORDER BY closed_at, id;",
                      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *closed_at = _regie_column_text (stmt, 2);
      g_autofree char *destroy_on = regie_retention_destroy_on (closed_at, months);
      RegieRetentionDue *item;

      if (destroy_on == NULL || strcmp (destroy_on, day) > 0)
        continue;

      item = g_new0 (RegieRetentionDue, 1);
      item->case_id = sqlite3_column_int64 (stmt, 0);
      item->person_id = sqlite3_column_int64 (stmt, 1);
      item->closed_on = g_strndup (closed_at, 10);
      item->destroy_on = g_steal_pointer (&destroy_on);
      g_ptr_array_add (due, item);
    }

  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&due);
}

/* After a destruction nothing may be left in the file: secure_delete (on for every
 * connection) zeroes the freed pages, and the checkpoint copies them into the file and
 * empties the -wal, which still held the old pages. */
static gboolean
wipe_wal (RegieStore  *store,
          GError     **error)
{
  sqlite3 *db = _regie_store_get_db (store);
  int log_frames = 0, checkpointed = 0;
  int rc;

  rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &checkpointed);
  if (rc != SQLITE_OK)
    return _regie_sql_error (store, rc, error);

  return TRUE;
}

static gboolean
delete_cases_in_tx (RegieStore  *store,
                    GArray      *case_ids,
                    const char  *actor,
                    const char  *action,
                    GError     **error)
{
  for (guint i = 0; i < case_ids->len; i++)
    {
      gint64 id = g_array_index (case_ids, gint64, i);

      if (!_regie_case_delete_in_tx (store, id, actor, error) ||
          !regie_audit_record (store, actor, action, "case", id, error))
        return FALSE;
    }

  return _regie_search_purge (store, error);
}

static gboolean
run_deletion (RegieStore  *store,
              GArray      *case_ids,
              gint64       person_id,
              const char  *actor,
              const char  *action,
              GError     **error)
{
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!delete_cases_in_tx (store, case_ids, actor, action, error) ||
      (person_id > 0 &&
       !regie_audit_record (store, actor, action, "person", person_id, error)))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  if (!regie_store_commit (store, error))
    return FALSE;

  return wipe_wal (store, error);
}

gboolean
regie_retention_destroy_case (RegieStore  *store,
                              gint64       case_id,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  g_array_append_val (ids, case_id);
  return run_deletion (store, ids, 0, actor, REGIE_AUDIT_DESTROY, error);
}

static GArray *
case_ids_of (RegieStore  *store,
             gint64       person_id,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  stmt = _regie_stmt (store, "SELECT id FROM dossier WHERE person_id = ? ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
person_exists (RegieStore  *store,
               gint64       person_id,
               GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, "SELECT 1 FROM person WHERE id = ?;", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such inwoner");
  return FALSE;
}

gboolean
regie_inwoner_erase (RegieStore  *store,
                     gint64       person_id,
                     const char  *actor,
                     GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!person_exists (store, person_id, error))
    return FALSE;

  ids = case_ids_of (store, person_id, error);
  if (ids == NULL)
    return FALSE;

  return run_deletion (store, ids, person_id, actor, REGIE_AUDIT_ERASE, error);
}

/* JSON ------------------------------------------------------------------------------- */

/* RFC 8259 string: quotes, backslash and control characters escaped; the text is UTF-8
 * already (the core validates what it stores), anything else is replaced. */
static void
json_string (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_column (GString      *out,
             sqlite3_stmt *stmt,
             int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "null");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, column)));
      }
      break;
    default:
      json_string (out, (const char *) sqlite3_column_text (stmt, column));
    }
}

/* Every row of sql (one int64 parameter) as an object of its columns: the export holds
 * everything stored, including columns later schema steps add. */
static gboolean
json_rows (RegieStore  *store,
           GString     *out,
           const char  *sql,
           gint64       param,
           gboolean     single,
           GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = _regie_prepare (store, sql, error);
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, param);
  if (!single)
    g_string_append_c (out, '[');

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;

      g_string_append_c (out, '{');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          json_string (out, sqlite3_column_name (stmt, i));
          g_string_append_c (out, ':');
          json_column (out, stmt, i);
        }
      g_string_append_c (out, '}');
      if (single)
        break;
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _regie_sql_error (store, rc, error);

  if (single && first)
    g_string_append (out, "null");
  if (!single)
    g_string_append_c (out, ']');

  return TRUE;
}

/* The trail of everything that is this inwoner's: their person row, their dossiers and
 * what hangs under those. Hashes are left out: they mean nothing to the inwoner. */
#define TRAIL_SQL \
  "SELECT id, at, actor, action, entity_type, entity_id, result, origin FROM audit_log " \
  "WHERE (entity_type = 'person' AND entity_id = ?1) " \
  "   OR (entity_type = 'case' AND entity_id IN (SELECT id FROM dossier WHERE person_id = ?1)) " \
  "   OR (entity_type = 'task' AND entity_id IN " \
  "       (SELECT t.id FROM task t JOIN dossier d ON d.id = t.case_id WHERE d.person_id = ?1)) " \
  "   OR (entity_type = 'event' AND entity_id IN " \
  "       (SELECT e.id FROM event e JOIN dossier d ON d.id = e.case_id WHERE d.person_id = ?1)) " \
  "   OR (entity_type = 'referral' AND entity_id IN " \
  "       (SELECT r.id FROM referral r JOIN dossier d ON d.id = r.case_id WHERE d.person_id = ?1)) " \
  "ORDER BY id;"

static const struct
{
  const char *key;
  const char *sql;
} case_parts[] = {
  { "themes", "SELECT theme FROM case_theme WHERE case_id = ? ORDER BY theme;" },
  { "status_history", "SELECT * FROM case_status_change WHERE case_id = ? ORDER BY at, id;" },
  { "tasks", "SELECT * FROM task WHERE case_id = ? ORDER BY id;" },
  { "timeline", "SELECT * FROM event WHERE case_id = ? ORDER BY sort_key, id;" },
  { "referrals", "SELECT * FROM referral WHERE case_id = ? ORDER BY id;" },
  { "organisations", "SELECT * FROM case_organisation WHERE case_id = ? ORDER BY organisation_id;" },
};

static gboolean
build_json (RegieStore  *store,
            gint64       person_id,
            GString     *out,
            GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  ids = case_ids_of (store, person_id, error);
  if (ids == NULL)
    return FALSE;

  g_string_append (out, "{\"format\":\"regie-inwoner-export\",\"version\":1,\"exported_at\":");
  json_string (out, stamp);
  g_string_append (out, ",\"person\":");
  if (!json_rows (store, out, "SELECT * FROM person WHERE id = ?;", person_id, TRUE, error))
    return FALSE;

  g_string_append (out, ",\"cases\":[");
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"case\":");
      if (!json_rows (store, out, "SELECT * FROM dossier WHERE id = ?;", id, TRUE, error))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (case_parts); j++)
        {
          g_string_append_printf (out, ",\"%s\":", case_parts[j].key);
          if (!json_rows (store, out, case_parts[j].sql, id, FALSE, error))
            return FALSE;
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"access_trail\":");
  if (!json_rows (store, out, TRAIL_SQL, person_id, FALSE, error))
    return FALSE;
  g_string_append (out, "}\n");

  return TRUE;
}

char *
regie_inwoner_export_json (RegieStore  *store,
                           gint64       person_id,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  if (!person_exists (store, person_id, error))
    return NULL;

  /* Recorded first, so the export shows that it was made. */
  if (!regie_audit_record (store, actor, REGIE_AUDIT_EXPORT, "person", person_id, error) ||
      !build_json (store, person_id, out, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* PDF -------------------------------------------------------------------------------- */

static char *
column_text (sqlite3_stmt *stmt,
             const char   *name)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (g_strcmp0 (sqlite3_column_name (stmt, i), name) == 0)
      return g_strdup ((const char *) sqlite3_column_text (stmt, i));

  return NULL;
}

static const char *
action_label (const char *action)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "view", NC_("inwoner overview", "viewed") },
    { "create", NC_("inwoner overview", "created") },
    { "update", NC_("inwoner overview", "changed") },
    { "delete", NC_("inwoner overview", "deleted") },
    { "export", NC_("inwoner overview", "exported") },
    { "print", NC_("inwoner overview", "printed") },
    { "destroy", NC_("inwoner overview", "destroyed") },
    { "erase", NC_("inwoner overview", "erased") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, action) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "inwoner overview", labels[i].label);

  return action;
}

static const char *
entity_label (const char *type)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "person", NC_("inwoner overview", "your details") },
    { "case", NC_("inwoner overview", "your file") },
    { "task", NC_("inwoner overview", "an agreement") },
    { "event", NC_("inwoner overview", "a contact moment") },
    { "referral", NC_("inwoner overview", "a referral") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, type) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "inwoner overview", labels[i].label);

  return type;
}

static char *
person_name (RegieStore  *store,
             gint64       person_id,
             GError     **error)
{
  g_autoptr(RegieStmt) stmt =
    _regie_stmt (store,
                 "SELECT trim (given_names || ' ' || "
                 "  CASE prefix WHEN '' THEN '' ELSE prefix || ' ' END || surname) "
                 "FROM person WHERE id = ?;",
                 error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _regie_sql_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }

  return g_strdup (_regie_column_text (stmt, 0));
}

static gboolean
add_person_section (RegieStore     *store,
                    RegieDocument  *doc,
                    gint64          person_id,
                    GError        **error)
{
  static const struct { const char *column; const char *label; } fields[] = {
    { "given_names", NC_("inwoner overview", "Given names") },
    { "initials", NC_("inwoner overview", "Initials") },
    { "prefix", NC_("inwoner overview", "Prefix") },
    { "surname", NC_("inwoner overview", "Surname") },
    { "preferred_name", NC_("inwoner overview", "Preferred name") },
    { "birth_date", NC_("inwoner overview", "Date of birth") },
    { "bsn", NC_("inwoner overview", "BSN") },
    { "phone", NC_("inwoner overview", "Phone") },
    { "email", NC_("inwoner overview", "Email") },
    { "street", NC_("inwoner overview", "Street") },
    { "house_number", NC_("inwoner overview", "House number") },
    { "postcode", NC_("inwoner overview", "Postcode") },
    { "city", NC_("inwoner overview", "Place") },
    { "language", NC_("inwoner overview", "Language") },
    { "notes", NC_("inwoner overview", "Notes") },
  };
  g_autoptr(RegieOwnedStmt) stmt = _regie_prepare (store, "SELECT * FROM person WHERE id = ?;", error);
  guint section;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _regie_sql_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);

  section = regie_document_add_section (doc, _("What we have written down about you"), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = column_text (stmt, fields[i].column);
      g_autofree char *line = NULL;

      if (value == NULL || *value == '\0')
        continue;
      line = g_strdup_printf ("%s: %s", g_dpgettext2 (GETTEXT_PACKAGE, "inwoner overview", fields[i].label), value);
      regie_document_add_item (doc, section, line);
    }

  return TRUE;
}

static gboolean
add_cases_section (RegieStore     *store,
                   RegieDocument  *doc,
                   gint64          person_id,
                   GError        **error)
{
  g_autoptr(RegieOwnedStmt) stmt =
    _regie_prepare (store,
                    "SELECT question, substr (opened_at, 1, 10), substr (closed_at, 1, 10), notes "
                    "FROM dossier WHERE person_id = ? ORDER BY opened_at, id;",
                    error);
  guint section;
  int rc;

  if (stmt == NULL)
    return FALSE;

  section = regie_document_add_section (doc, _("Your files"), TRUE);
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *closed = (const char *) sqlite3_column_text (stmt, 2);
      const char *notes = _regie_column_text (stmt, 3);
      g_autofree char *line = NULL;

      if (closed)
        /* Translators: a file in the inwoner's overview: question, opened and closed date */
        line = g_strdup_printf (_("%s (from %s to %s)"), _regie_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1), closed);
      else
        /* Translators: an open file in the inwoner's overview: question, opened date */
        line = g_strdup_printf (_("%s (since %s)"), _regie_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1));
      regie_document_add_item (doc, section, line);
      if (*notes)
        regie_document_add_item (doc, section, notes);
    }
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  return TRUE;
}

static gboolean
add_trail_section (RegieStore     *store,
                   RegieDocument  *doc,
                   gint64          person_id,
                   GError        **error)
{
  g_autoptr(RegieOwnedStmt) stmt = _regie_prepare (store, TRAIL_SQL, error);
  guint section;
  int rc;

  if (stmt == NULL)
    return FALSE;

  section = regie_document_add_section (doc, _("Who looked at or changed your data"), TRUE);
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *at = g_strndup (_regie_column_text (stmt, 1), 16);
      g_autofree char *line = NULL;

      g_strdelimit (at, "T", ' ');
      /* Translators: one access in the inwoner's overview: date and time (UTC), account,
       * "viewed"/"changed"…, "your file"/"your details"… */
      line = g_strdup_printf (_("%s UTC — %s %s %s"), at, _regie_column_text (stmt, 2),
                              action_label (_regie_column_text (stmt, 3)),
                              entity_label (_regie_column_text (stmt, 4)));
      regie_document_add_item (doc, section, line);
    }
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  return TRUE;
}

gboolean
regie_inwoner_export_pdf (RegieStore  *store,
                          gint64       person_id,
                          const char  *path,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(RegieDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!person_exists (store, person_id, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_EXPORT, "person", person_id, error))
    return FALSE;

  name = person_name (store, person_id, error);
  if (name == NULL)
    return FALSE;

  doc = regie_document_new (_("Your data at the service desk"), name, now);
  if (!add_person_section (store, doc, person_id, error) ||
      !add_cases_section (store, doc, person_id, error) ||
      !add_trail_section (store, doc, person_id, error))
    return FALSE;

  return regie_document_write_pdf (doc, path, error);
}

/* The trail for the views ---------------------------------------------------------- */

void
regie_audit_entry_free (RegieAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity_type);
  g_free (entry->result);
  g_free (entry->origin);
  g_free (entry);
}

GPtrArray *
regie_audit_list (RegieStore  *store,
                  gint64       case_id,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_audit_entry_free);
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      "SELECT id, at, actor, action, entity_type, entity_id, result, origin "
                      "FROM audit_log "
                      "WHERE ?1 = 0 "
                      "   OR (entity_type = 'case' AND entity_id = ?1) "
                      "   OR (entity_type = 'task' AND entity_id IN (SELECT id FROM task WHERE case_id = ?1)) "
                      "   OR (entity_type = 'event' AND entity_id IN (SELECT id FROM event WHERE case_id = ?1)) "
                      "   OR (entity_type = 'referral' AND entity_id IN (SELECT id FROM referral WHERE case_id = ?1)) "
                      "ORDER BY id DESC LIMIT ?2;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegieAuditEntry *entry = g_new0 (RegieAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (_regie_column_text (stmt, 1));
      entry->actor = g_strdup (_regie_column_text (stmt, 2));
      entry->action = g_strdup (_regie_column_text (stmt, 3));
      entry->entity_type = g_strdup (_regie_column_text (stmt, 4));
      entry->entity_id = sqlite3_column_int64 (stmt, 5);
      entry->result = g_strdup (_regie_column_text (stmt, 6));
      entry->origin = g_strdup (_regie_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
