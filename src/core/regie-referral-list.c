/* regie-referral-list.c — all referrals, for the Verwijzingen view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-person.h"
#include "regie-referral-list.h"
#include "regie-referral-private.h"
#include "regie-validate.h"

struct _RegieReferralList
{
  GObject     parent_instance;

  RegieStore *store;
  gint64      case_id;
  gulong      changed_id;
  GListStore *referrals;
};

static void regie_referral_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RegieReferralList, regie_referral_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, regie_referral_list_model_init))

static GType
regie_referral_list_get_item_type (GListModel *model)
{
  return REGIE_TYPE_REFERRAL;
}

static guint
regie_referral_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (REGIE_REFERRAL_LIST (model)->referrals));
}

static gpointer
regie_referral_list_get_item (GListModel *model,
                              guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (REGIE_REFERRAL_LIST (model)->referrals), position);
}

static void
regie_referral_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = regie_referral_list_get_item_type;
  iface->get_n_items = regie_referral_list_get_n_items;
  iface->get_item = regie_referral_list_get_item;
}

static void
on_store_changed_cb (RegieReferralList *self)
{
  g_autoptr(GError) error = NULL;

  if (!regie_referral_list_reload (self, &error))
    g_warning ("Could not reload the referrals: %s", error->message);
}

static void
on_items_changed_cb (RegieReferralList *self,
                     guint              position,
                     guint              removed,
                     guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
regie_referral_list_dispose (GObject *object)
{
  RegieReferralList *self = REGIE_REFERRAL_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->referrals);

  G_OBJECT_CLASS (regie_referral_list_parent_class)->dispose (object);
}

static void
regie_referral_list_class_init (RegieReferralListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = regie_referral_list_dispose;
}

static void
regie_referral_list_init (RegieReferralList *self)
{
  self->referrals = g_list_store_new (REGIE_TYPE_REFERRAL);
  g_signal_connect_object (self->referrals, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

RegieReferralList *
regie_referral_list_new (RegieStore *store,
                         gint64      case_id)
{
  RegieReferralList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  self = g_object_new (REGIE_TYPE_REFERRAL_LIST, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  if (!regie_referral_list_reload (self, &error))
    g_warning ("Could not load the referrals: %s", error->message);

  return self;
}

gboolean
regie_referral_list_reload (RegieReferralList  *self,
                            GError            **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = regie_today ();
  int rc;

  g_return_val_if_fail (REGIE_IS_REFERRAL_LIST (self), FALSE);

  stmt = _regie_stmt (self->store,
                      "SELECT " REGIE_REFERRAL_COLUMNS ", d.person_id FROM referral r "
                      "JOIN dossier d ON d.id = r.case_id "
                      "WHERE ?1 = 0 OR r.case_id = ?1 "
                      "ORDER BY CASE "
                      "  WHEN r.state IN ('handed_over', 'accepted', 'declined') "
                      "    AND r.follow_up_date < ?2 THEN 0 "
                      "  WHEN r.state IN ('handed_over', 'accepted', 'declined') THEN 1 "
                      "  WHEN r.state = 'draft' THEN 2 ELSE 3 END, "
                      "  CASE WHEN r.state IN ('completed', 'withdrawn') THEN NULL ELSE r.follow_up_date END, "
                      "  r.closed_at DESC, r.updated_at DESC, r.id DESC;",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->case_id);
  _regie_bind_text (stmt, 2, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegieReferral *referral = _regie_referral_new_from_stmt (stmt, 0);
      gint64 person_id = sqlite3_column_int64 (stmt, REGIE_REFERRAL_N_COLUMNS);
      const char *name = g_hash_table_lookup (names, &person_id);

      g_ptr_array_add (loaded, referral);
      if (name == NULL)
        {
          g_autoptr(RegiePerson) person = NULL;

          person = regie_person_load (self->store, person_id, NULL);
          name = person ? regie_person_get_display_name (person) : "";
          g_hash_table_insert (names, g_memdup2 (&person_id, sizeof person_id), g_strdup (name));
          name = g_hash_table_lookup (names, &person_id);
        }
      _regie_referral_set_person_name (referral, name);
    }

  if (rc != SQLITE_DONE)
    return _regie_sql_error (self->store, rc, error);

  g_list_store_splice (self->referrals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->referrals)),
                       loaded->pdata, loaded->len);
  return TRUE;
}

guint
regie_referral_list_count_overdue (RegieReferralList *self)
{
  g_autofree char *today = regie_today ();
  guint n = 0;

  g_return_val_if_fail (REGIE_IS_REFERRAL_LIST (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->referrals)); i++)
    {
      g_autoptr(RegieReferral) referral = g_list_model_get_item (G_LIST_MODEL (self->referrals), i);

      if (regie_referral_is_overdue (referral, today))
        n++;
    }
  return n;
}
