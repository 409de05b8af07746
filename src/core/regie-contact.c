/* regie-contact.c — a person the casemanager knows at an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-network-private.h"
#include "regie-validate.h"

struct _RegieContact
{
  GObject  parent_instance;

  gint64   id;
  gint64   organisation_id;
  char    *uid;
  char    *organisation_name;
  char    *name;
  char    *department;
  char    *title;
  char    *role;
  char    *phone;
  char    *mobile;
  char    *email;
  char    *notes;
  char    *checked_at;
};

G_DEFINE_FINAL_TYPE (RegieContact, regie_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_TITLE,
  PROP_ROLE,
  PROP_PHONE,
  PROP_MOBILE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_CHECKED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (RegieContact *self,
              guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_ORGANISATION_NAME: return &self->organisation_name;
    case PROP_NAME: return &self->name;
    case PROP_DEPARTMENT: return &self->department;
    case PROP_TITLE: return &self->title;
    case PROP_ROLE: return &self->role;
    case PROP_PHONE: return &self->phone;
    case PROP_MOBILE: return &self->mobile;
    case PROP_EMAIL: return &self->email;
    case PROP_NOTES: return &self->notes;
    case PROP_CHECKED_AT: return &self->checked_at;
    default: return NULL;
    }
}

static void
set_text (RegieContact *self,
          guint         prop_id,
          const char   *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (_regie_network_set_string (string_field (self, prop_id), trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
regie_contact_finalize (GObject *object)
{
  RegieContact *self = (RegieContact *) object;

  for (guint i = PROP_ORGANISATION_NAME; i <= PROP_CHECKED_AT; i++)
    g_clear_pointer (string_field (self, i), g_free);
  g_clear_pointer (&self->uid, g_free);

  G_OBJECT_CLASS (regie_contact_parent_class)->finalize (object);
}

static void
regie_contact_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RegieContact *self = REGIE_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    default:
      if (string_field (self, prop_id) != NULL)
        g_value_set_string (value, *string_field (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_contact_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RegieContact *self = REGIE_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION_ID:
      regie_contact_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHECKED_AT:
      regie_contact_set_checked_at (self, g_value_get_string (value));
      break;
    default:
      if (string_field (self, prop_id) != NULL && prop_id != PROP_ORGANISATION_NAME)
        set_text (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_contact_class_init (RegieContactClass *klass)
{
  static const struct { guint id; const char *name; } texts[] = {
    { PROP_NAME, "name" }, { PROP_DEPARTMENT, "department" }, { PROP_TITLE, "title" },
    { PROP_ROLE, "role" }, { PROP_PHONE, "phone" }, { PROP_MOBILE, "mobile" },
    { PROP_EMAIL, "email" }, { PROP_NOTES, "notes" }, { PROP_CHECKED_AT, "checked-at" },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_contact_finalize;
  object_class->get_property = regie_contact_get_property;
  object_class->set_property = regie_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ORGANISATION_ID] = g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] = g_param_spec_string ("organisation-name", NULL, NULL, NULL, ro);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[texts[i].id] = g_param_spec_string (texts[i].name, NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_contact_init (RegieContact *self)
{
  for (guint i = PROP_ORGANISATION_NAME; i < PROP_CHECKED_AT; i++)
    *string_field (self, i) = g_strdup ("");
  self->uid = g_strdup ("");
}

RegieContact *
regie_contact_new (void)
{
  return g_object_new (REGIE_TYPE_CONTACT, NULL);
}

gint64
regie_contact_get_id (RegieContact *self)
{
  g_return_val_if_fail (REGIE_IS_CONTACT (self), 0);
  return self->id;
}

const char *
regie_contact_get_uid (RegieContact *self)
{
  g_return_val_if_fail (REGIE_IS_CONTACT (self), NULL);
  return self->uid;
}

void
regie_contact_set_uid (RegieContact *self,
                       const char   *uid)
{
  g_return_if_fail (REGIE_IS_CONTACT (self));
  _regie_network_set_string (&self->uid, uid ? uid : "");
}

gint64
regie_contact_get_organisation_id (RegieContact *self)
{
  g_return_val_if_fail (REGIE_IS_CONTACT (self), 0);
  return self->organisation_id;
}

void
regie_contact_set_organisation_id (RegieContact *self,
                                   gint64        organisation_id)
{
  g_return_if_fail (REGIE_IS_CONTACT (self));

  if (self->organisation_id == organisation_id)
    return;
  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

const char *
regie_contact_get_organisation_name (RegieContact *self)
{
  g_return_val_if_fail (REGIE_IS_CONTACT (self), NULL);
  return self->organisation_name;
}

#define TEXT_ACCESSORS(field, PROP)                                               \
const char *                                                                      \
regie_contact_get_##field (RegieContact *self)                                    \
{                                                                                 \
  g_return_val_if_fail (REGIE_IS_CONTACT (self), NULL);                           \
  return self->field;                                                             \
}                                                                                 \
void                                                                              \
regie_contact_set_##field (RegieContact *self,                                    \
                           const char   *value)                                   \
{                                                                                 \
  g_return_if_fail (REGIE_IS_CONTACT (self));                                     \
  set_text (self, PROP, value);                                                   \
}

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (department, PROP_DEPARTMENT)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (role, PROP_ROLE)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (mobile, PROP_MOBILE)
TEXT_ACCESSORS (email, PROP_EMAIL)
TEXT_ACCESSORS (notes, PROP_NOTES)

const char *
regie_contact_get_checked_at (RegieContact *self)
{
  g_return_val_if_fail (REGIE_IS_CONTACT (self), NULL);
  return self->checked_at;
}

void
regie_contact_set_checked_at (RegieContact *self,
                              const char   *iso_date)
{
  g_return_if_fail (REGIE_IS_CONTACT (self));
  g_return_if_fail (iso_date == NULL || regie_iso_date_is_valid (iso_date));

  if (_regie_network_set_string (&self->checked_at, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
}

/* Store side */

gboolean
_regie_contact_write (RegieStore    *store,
                      RegieContact  *self,
                      const char    *actor,
                      const char    *now,
                      GError       **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *sort_key = NULL;
  gboolean insert = self->id == 0;

  if (*self->name == '\0')
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_NAME_MISSING,
                           _("A contact needs a name"));
      return FALSE;
    }

  if (*self->uid == '\0')
    {
      g_free (self->uid);
      self->uid = _regie_network_new_uid ();
    }
  if (self->checked_at == NULL)
    {
      g_autofree char *today = g_strndup (now, 10);

      regie_contact_set_checked_at (self, today);
    }

  sort_key = _regie_network_fold (self->name);
  if (insert)
    stmt = _regie_stmt (store,
                        "INSERT INTO contact (uid, organisation_id, name, department, title, role, "
                        "  phone, mobile, email, notes, sort_key, checked_at, created_at, updated_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13);",
                        error);
  else
    stmt = _regie_stmt (store,
                        "UPDATE contact SET uid = ?1, organisation_id = ?2, name = ?3, department = ?4, "
                        "  title = ?5, role = ?6, phone = ?7, mobile = ?8, email = ?9, notes = ?10, "
                        "  sort_key = ?11, checked_at = ?12, updated_at = ?13 WHERE id = ?14;",
                        error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, self->uid);
  if (self->organisation_id > 0)
    sqlite3_bind_int64 (stmt, 2, self->organisation_id);
  else
    sqlite3_bind_null (stmt, 2);
  _regie_bind_text (stmt, 3, self->name);
  _regie_bind_text (stmt, 4, self->department);
  _regie_bind_text (stmt, 5, self->title);
  _regie_bind_text (stmt, 6, self->role);
  _regie_bind_text (stmt, 7, self->phone);
  _regie_bind_text (stmt, 8, self->mobile);
  _regie_bind_text (stmt, 9, self->email);
  _regie_bind_text (stmt, 10, self->notes);
  _regie_bind_text (stmt, 11, sort_key);
  _regie_bind_text (stmt, 12, self->checked_at);
  _regie_bind_text (stmt, 13, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 14, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (insert)
    self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  else if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This contact no longer exists"));
      return FALSE;
    }

  return regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                             REGIE_AUDIT_CONTACT, self->id, error);
}

gboolean
regie_contact_save (RegieStore    *store,
                    RegieContact  *self,
                    const char    *actor,
                    GError       **error)
{
  g_autofree char *now = NULL;
  gint64 old_id;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CONTACT (self), FALSE);

  now = _regie_now ();
  old_id = self->id;
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!_regie_contact_write (store, self, actor, now, error) || !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      self->id = old_id;
      return FALSE;
    }

  if (old_id != self->id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

gboolean
regie_contact_delete (RegieStore  *store,
                      gint64       id,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM contact WHERE id = ?;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _regie_stmt_release);

  /* Dossier links lose the contact by their foreign key; timeline items have none
   * (0003-timeline.sql), so they stop naming it here, in the same transaction. */
  stmt = _regie_stmt (store, "UPDATE event SET contact_id = NULL WHERE contact_id = ?;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (!regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_CONTACT, id, error))
    goto failed;

  return regie_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, _regie_stmt_release);
  regie_store_rollback (store);
  return FALSE;
}

#define CONTACT_COLUMNS \
  "c.id, c.uid, c.organisation_id, coalesce(o.name, ''), c.name, c.department, c.title, c.role, " \
  "c.phone, c.mobile, c.email, c.notes, c.checked_at"

static RegieContact *
contact_from_stmt (sqlite3_stmt *stmt)
{
  RegieContact *self = regie_contact_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  _regie_network_set_string (&self->uid, _regie_column_text (stmt, 1));
  self->organisation_id = sqlite3_column_int64 (stmt, 2);
  for (guint i = PROP_ORGANISATION_NAME; i <= PROP_CHECKED_AT; i++)
    _regie_network_set_string (string_field (self, i), _regie_column_text (stmt, 3 + i - PROP_ORGANISATION_NAME));

  return self;
}

static GListStore *
load_contacts (RegieStore  *store,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(GListStore) contacts = g_list_store_new (REGIE_TYPE_CONTACT);
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RegieContact) contact = contact_from_stmt (stmt);

      g_list_store_append (contacts, contact);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&contacts);
}

GListStore *
_regie_contact_load_for (RegieStore  *store,
                         gint64       organisation_id,
                         GError     **error)
{
  return load_contacts (store,
                        "SELECT " CONTACT_COLUMNS " FROM contact c "
                        "LEFT JOIN organisation o ON o.id = c.organisation_id "
                        "WHERE c.organisation_id = ? ORDER BY c.sort_key, c.id;",
                        organisation_id, error);
}

GListStore *
_regie_contact_load_all (RegieStore  *store,
                         GError     **error)
{
  return load_contacts (store,
                        "SELECT " CONTACT_COLUMNS " FROM contact c "
                        "LEFT JOIN organisation o ON o.id = c.organisation_id "
                        "WHERE ? = 0 ORDER BY c.organisation_id IS NULL, o.sort_key, c.sort_key, c.id;",
                        0, error);
}

GListModel *
regie_contact_list_for_organisation (RegieStore  *store,
                                     gint64       organisation_id,
                                     GError     **error)
{
  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  return G_LIST_MODEL (_regie_contact_load_for (store, organisation_id, error));
}

RegieContact *
regie_contact_load (RegieStore  *store,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(GListStore) found = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  found = load_contacts (store,
                         "SELECT " CONTACT_COLUMNS " FROM contact c "
                         "LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?;",
                         id, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (found)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This contact no longer exists"));
      return NULL;
    }

  return g_list_model_get_item (G_LIST_MODEL (found), 0);
}
