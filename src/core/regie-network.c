/* regie-network.c — the organisations of the network as a list, and their dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-network.h"
#include "regie-network-private.h"

struct _RegieNetwork
{
  GObject     parent_instance;

  RegieStore *store;
  GListStore *organisations;
  gulong      changed_id;
};

static void regie_network_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RegieNetwork, regie_network, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, regie_network_list_model_init))

char *
_regie_network_fold (const char *text)
{
  g_autofree char *normal = NULL;
  GString *out;
  gboolean space = TRUE;

  if (text == NULL)
    return g_strdup ("");

  /* Decomposed, the accents are separate marks that can be dropped. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, g_unichar_tolower (c));
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
_regie_network_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

gboolean
_regie_network_set_string (char       **field,
                           const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static GType
regie_network_get_item_type (GListModel *model)
{
  return REGIE_TYPE_ORGANISATION;
}

static guint
regie_network_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (REGIE_NETWORK (model)->organisations));
}

static gpointer
regie_network_get_item (GListModel *model,
                        guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (REGIE_NETWORK (model)->organisations), position);
}

static void
regie_network_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = regie_network_get_item_type;
  iface->get_n_items = regie_network_get_n_items;
  iface->get_item = regie_network_get_item;
}

static void
on_store_changed_cb (RegieNetwork *self)
{
  g_autoptr(GError) error = NULL;

  if (!regie_network_reload (self, &error))
    g_warning ("Could not reload the network: %s", error->message);
}

static void
on_items_changed_cb (RegieNetwork *self,
                     guint         position,
                     guint         removed,
                     guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
regie_network_dispose (GObject *object)
{
  RegieNetwork *self = REGIE_NETWORK (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (regie_network_parent_class)->dispose (object);
}

static void
regie_network_class_init (RegieNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = regie_network_dispose;
}

static void
regie_network_init (RegieNetwork *self)
{
  self->organisations = g_list_store_new (REGIE_TYPE_ORGANISATION);
  g_signal_connect_object (self->organisations, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

RegieNetwork *
regie_network_new (RegieStore *store)
{
  RegieNetwork *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  self = g_object_new (REGIE_TYPE_NETWORK, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  if (!regie_network_reload (self, &error))
    g_warning ("Could not load the network: %s", error->message);

  return self;
}

RegieStore *
regie_network_get_store (RegieNetwork *self)
{
  g_return_val_if_fail (REGIE_IS_NETWORK (self), NULL);
  return self->store;
}

gboolean
regie_network_reload (RegieNetwork  *self,
                      GError       **error)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autofree gpointer *items = NULL;
  guint n;

  g_return_val_if_fail (REGIE_IS_NETWORK (self), FALSE);

  loaded = _regie_organisation_load_all (self->store, error);
  if (loaded == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (G_LIST_MODEL (loaded), i);
  g_list_store_splice (self->organisations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->organisations)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);

  return TRUE;
}

void
regie_case_organisation_free (RegieCaseOrganisation *link)
{
  if (link == NULL)
    return;
  g_free (link->organisation_name);
  g_free (link->contact_name);
  g_free (link);
}

gboolean
regie_network_link_case (RegieStore  *store,
                         gint64       case_id,
                         gint64       organisation_id,
                         gint64       contact_id,
                         const char  *actor,
                         GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = _regie_now ();

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  /* Linking again names (or clears) the contact; the moment of linking stays. */
  stmt = _regie_stmt (store,
                      "INSERT OR REPLACE INTO case_organisation (case_id, organisation_id, contact_id, added_at) "
                      "VALUES (?1, ?2, ?3, coalesce((SELECT added_at FROM case_organisation "
                      "  WHERE case_id = ?1 AND organisation_id = ?2), ?4));",
                      error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  if (contact_id > 0)
    sqlite3_bind_int64 (stmt, 3, contact_id);
  else
    sqlite3_bind_null (stmt, 3);
  _regie_bind_text (stmt, 4, now);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (!regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_CASE, case_id, error))
    goto failed;

  return regie_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, _regie_stmt_release);
  regie_store_rollback (store);
  return FALSE;
}

gboolean
regie_network_unlink_case (RegieStore  *store,
                           gint64       case_id,
                           gint64       organisation_id,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM case_organisation WHERE case_id = ? AND organisation_id = ?;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (!regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_CASE, case_id, error))
    goto failed;

  return regie_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, _regie_stmt_release);
  regie_store_rollback (store);
  return FALSE;
}

GPtrArray *
regie_network_list_case_organisations (RegieStore  *store,
                                       gint64       case_id,
                                       GError     **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_case_organisation_free);
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      "SELECT o.id, o.name, c.id, c.name FROM case_organisation l "
                      "JOIN organisation o ON o.id = l.organisation_id "
                      "LEFT JOIN contact c ON c.id = l.contact_id "
                      "WHERE l.case_id = ? ORDER BY o.sort_key, o.id;",
                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegieCaseOrganisation *link = g_new0 (RegieCaseOrganisation, 1);

      link->organisation_id = sqlite3_column_int64 (stmt, 0);
      link->organisation_name = g_strdup (_regie_column_text (stmt, 1));
      link->contact_id = sqlite3_column_int64 (stmt, 2);
      link->contact_name = g_strdup (sqlite3_column_type (stmt, 3) == SQLITE_NULL ? "" : _regie_column_text (stmt, 3));
      g_ptr_array_add (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&links);
}

GArray *
regie_network_list_cases_for_organisation (RegieStore  *store,
                                           gint64       organisation_id,
                                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      /* Linked to the dossier, or named by one of its timeline items. */
                      "SELECT d.id FROM dossier d WHERE d.id IN ("
                      "  SELECT case_id FROM case_organisation WHERE organisation_id = ?1 "
                      "  UNION SELECT case_id FROM event WHERE organisation_id = ?1) "
                      "ORDER BY d.last_activity DESC, d.id DESC;",
                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
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
