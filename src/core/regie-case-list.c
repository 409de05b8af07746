/* regie-case-list.c — the dossiers as a GListModel, searched, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-case-list.h"
#include "regie-person-private.h"
#include "regie-search.h"
#include "regie-sql-private.h"
#include "regie-theme.h"
#include "regie-validate.h"

/* Rows are made this many at a time around the one asked for … */
#define BATCH  64
/* … and the most recently asked-for ones are kept alive, beyond what the view holds. */
#define RECENT 256

struct _RegieCaseRow
{
  GObject          parent_instance;

  gint64           id;
  gint64           person_id;
  char            *display_name;
  char            *list_name;
  char            *question;
  GStrv            themes;
  RegieCaseStatus  status;
  char            *last_activity;
  char            *opened_at;
  char            *casemanager;
  gboolean         overdue;
};

struct _RegieCaseList
{
  GObject        parent_instance;

  RegieStore    *store;
  gulong         changed_handler;

  /* What is shown */
  char          *search_text;
  int            status_filter;
  char          *theme_filter;
  char          *casemanager_filter;
  gint64         person_filter;
  RegieCaseSort  sort;

  /* Filtered and sorted in SQL; items is base narrowed by the search */
  GArray        *base;
  GArray        *items;
  guint          total;

  /* id → row, for every row alive (weak); recent holds strong references */
  GHashTable    *live;
  RegieCaseRow  *recent[RECENT];
  guint          recent_next;

  guint          refreshing : 1;
  guint          refresh_again : 1;
};

static void regie_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (RegieCaseRow, regie_case_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (RegieCaseList, regie_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, regie_case_list_model_init))

G_DEFINE_ENUM_TYPE (RegieCaseSort, regie_case_sort,
  G_DEFINE_ENUM_VALUE (REGIE_CASE_SORT_LAST_ACTIVITY, "last-activity"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_SORT_NAME, "name"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_SORT_OPENED, "opened"))

enum {
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_PERSON_ID,
  ROW_PROP_DISPLAY_NAME,
  ROW_PROP_LIST_NAME,
  ROW_PROP_QUESTION,
  ROW_PROP_THEMES,
  ROW_PROP_STATUS,
  ROW_PROP_LAST_ACTIVITY,
  ROW_PROP_OPENED_AT,
  ROW_PROP_CASEMANAGER,
  ROW_PROP_OVERDUE,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_STATUS_FILTER,
  PROP_THEME_FILTER,
  PROP_CASEMANAGER_FILTER,
  PROP_PERSON_FILTER,
  PROP_SORT,
  PROP_TOTAL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* RegieCaseRow */

static void
regie_case_row_finalize (GObject *object)
{
  RegieCaseRow *self = (RegieCaseRow *) object;

  g_free (self->display_name);
  g_free (self->list_name);
  g_free (self->question);
  g_strfreev (self->themes);
  g_free (self->last_activity);
  g_free (self->opened_at);
  g_free (self->casemanager);

  G_OBJECT_CLASS (regie_case_row_parent_class)->finalize (object);
}

static void
regie_case_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RegieCaseRow *self = REGIE_CASE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ROW_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case ROW_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case ROW_PROP_LIST_NAME:
      g_value_set_string (value, self->list_name);
      break;
    case ROW_PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    case ROW_PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;
    case ROW_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case ROW_PROP_LAST_ACTIVITY:
      g_value_set_string (value, self->last_activity);
      break;
    case ROW_PROP_OPENED_AT:
      g_value_set_string (value, self->opened_at);
      break;
    case ROW_PROP_CASEMANAGER:
      g_value_set_string (value, self->casemanager);
      break;
    case ROW_PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_row_class_init (RegieCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_case_row_finalize;
  object_class->get_property = regie_case_row_get_property;

  row_properties[ROW_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  row_properties[ROW_PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  row_properties[ROW_PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, "", ro);
  row_properties[ROW_PROP_LIST_NAME] = g_param_spec_string ("list-name", NULL, NULL, "", ro);
  row_properties[ROW_PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, "", ro);
  row_properties[ROW_PROP_THEMES] = g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, ro);
  row_properties[ROW_PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, REGIE_TYPE_CASE_STATUS,
                                                       REGIE_CASE_STATUS_NEW, ro);
  row_properties[ROW_PROP_LAST_ACTIVITY] = g_param_spec_string ("last-activity", NULL, NULL, "", ro);
  row_properties[ROW_PROP_OPENED_AT] = g_param_spec_string ("opened-at", NULL, NULL, "", ro);
  row_properties[ROW_PROP_CASEMANAGER] = g_param_spec_string ("casemanager", NULL, NULL, "", ro);
  row_properties[ROW_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
regie_case_row_init (RegieCaseRow *self)
{
  self->display_name = g_strdup ("");
  self->list_name = g_strdup ("");
  self->question = g_strdup ("");
  self->themes = g_new0 (char *, 1);
  self->last_activity = g_strdup ("");
  self->opened_at = g_strdup ("");
  self->casemanager = g_strdup ("");
}

static void
row_set_string (RegieCaseRow *self,
                char        **field,
                char         *value,
                guint         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[prop]);
}

static char *
first_line (const char *text)
{
  const char *end = text ? strchr (text, '\n') : NULL;

  if (text == NULL)
    return g_strdup ("");

  return g_strstrip (end ? g_strndup (text, end - text) : g_strdup (text));
}

/* Columns as in ROWS_SELECT. */
static void
row_update (RegieCaseRow *self,
            sqlite3_stmt *stmt)
{
  g_autofree char *display = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) raw_themes = NULL;
  g_auto(GStrv) themes = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  RegieCaseStatus status;
  gboolean overdue;
  gint64 person_id;

  _regie_person_compute_names (_regie_column_text (stmt, 2), _regie_column_text (stmt, 3),
                               _regie_column_text (stmt, 4), _regie_column_text (stmt, 5),
                               _regie_column_text (stmt, 6), &display, &list);
  row_set_string (self, &self->display_name, g_steal_pointer (&display), ROW_PROP_DISPLAY_NAME);
  row_set_string (self, &self->list_name, g_steal_pointer (&list), ROW_PROP_LIST_NAME);
  row_set_string (self, &self->question, first_line (_regie_column_text (stmt, 7)), ROW_PROP_QUESTION);
  row_set_string (self, &self->last_activity, g_strdup (_regie_column_text (stmt, 9)), ROW_PROP_LAST_ACTIVITY);
  row_set_string (self, &self->opened_at, g_strdup (_regie_column_text (stmt, 10)), ROW_PROP_OPENED_AT);
  row_set_string (self, &self->casemanager, g_strdup (_regie_column_text (stmt, 11)), ROW_PROP_CASEMANAGER);

  person_id = sqlite3_column_int64 (stmt, 1);
  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_PERSON_ID]);
    }

  status = _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, _regie_column_text (stmt, 8),
                                REGIE_CASE_STATUS_NEW);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_STATUS]);
    }

  /* Themes in the order of the theme list. */
  raw_themes = g_strsplit (_regie_column_text (stmt, 12) ?: "", " ", -1);
  for (const char * const *id = regie_theme_get_ids (); *id; id++)
    if (g_strv_contains ((const char * const *) raw_themes, *id))
      g_ptr_array_add (ordered, g_strdup (*id));
  g_ptr_array_add (ordered, NULL);
  themes = (GStrv) g_ptr_array_free (g_steal_pointer (&ordered), FALSE);
  if (!g_strv_equal ((const char * const *) themes, (const char * const *) self->themes))
    {
      g_strfreev (self->themes);
      self->themes = g_steal_pointer (&themes);
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_THEMES]);
    }

  overdue = sqlite3_column_int (stmt, 13) != 0;
  if (self->overdue != overdue)
    {
      self->overdue = overdue;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_OVERDUE]);
    }
}

gint64
regie_case_row_get_id (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), 0);
  return self->id;
}

gint64
regie_case_row_get_person_id (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), 0);
  return self->person_id;
}

const char *
regie_case_row_get_display_name (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->display_name;
}

const char *
regie_case_row_get_list_name (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->list_name;
}

const char *
regie_case_row_get_question (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->question;
}

const char * const *
regie_case_row_get_themes (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return (const char * const *) self->themes;
}

RegieCaseStatus
regie_case_row_get_status (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), REGIE_CASE_STATUS_NEW);
  return self->status;
}

const char *
regie_case_row_get_last_activity (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->last_activity;
}

const char *
regie_case_row_get_opened_at (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->opened_at;
}

const char *
regie_case_row_get_casemanager (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), NULL);
  return self->casemanager;
}

gboolean
regie_case_row_get_overdue (RegieCaseRow *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_ROW (self), FALSE);
  return self->overdue;
}

/* RegieCaseList */

#define ROWS_SELECT \
  "SELECT d.id, d.person_id, p.given_names, p.initials, p.prefix, p.surname, p.preferred_name, " \
  "  substr(d.question, 1, 500), d.status, d.last_activity, d.opened_at, d.casemanager, " \
  "  (SELECT group_concat(t.theme, ' ') FROM case_theme t WHERE t.case_id = d.id), " \
  "  EXISTS (SELECT 1 FROM task k WHERE k.case_id = d.id AND k.done_at IS NULL AND k.due_date < ?1) " \
  "FROM dossier d JOIN person p ON p.id = d.person_id WHERE d.id IN ("

/* The message can hold what was typed: log the kind of failure only. */
static void
warn_failed (const char   *what,
             const GError *error)
{
  g_warning ("Dossier list: %s failed (%s %d)", what, g_quark_to_string (error->domain), error->code);
}

static void
on_row_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  RegieCaseList *self = data;
  RegieCaseRow *row = (RegieCaseRow *) where_the_object_was;

  /* Weak notifications run before finalize: the id is still there. */
  g_hash_table_remove (self->live, &row->id);
}

static RegieCaseRow *
row_new (RegieCaseList *self,
         gint64         id)
{
  RegieCaseRow *row = g_object_new (REGIE_TYPE_CASE_ROW, NULL);

  row->id = id;
  g_hash_table_insert (self->live, &row->id, row);
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  return row;
}

static void
keep_recent (RegieCaseList *self,
             RegieCaseRow  *row)
{
  RegieCaseRow *old = self->recent[self->recent_next];

  self->recent[self->recent_next] = g_object_ref (row);
  self->recent_next = (self->recent_next + 1) % RECENT;
  g_clear_object (&old);
}

/* Fills (new or living) rows for ids from the store; ids not found are left alone. */
static gboolean
load_rows (RegieCaseList  *self,
           const gint64   *ids,
           guint           n_ids,
           gboolean        create,
           GError        **error)
{
  g_autoptr(GString) sql = g_string_new (ROWS_SELECT);
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autofree char *today = regie_today ();
  int rc;

  if (n_ids == 0)
    return TRUE;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append (sql, ");");

  stmt = _regie_prepare (self->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RegieCaseRow *row = g_hash_table_lookup (self->live, &id);

      if (row == NULL && create)
        {
          row = row_new (self, id);
          row_update (row, stmt);
          keep_recent (self, row);
          g_object_unref (row);
        }
      else if (row != NULL)
        row_update (row, stmt);
    }

  if (rc != SQLITE_DONE)
    return _regie_sql_error (self->store, rc, error);

  return TRUE;
}

static void
materialize_around (RegieCaseList *self,
                    guint          position)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint start = position > BATCH / 4 ? position - BATCH / 4 : 0;
  guint end = MIN (start + BATCH, self->items->len);

  /* A view scrolls both ways: take a few before the row asked for, most after it. */
  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->items, gint64, i);

      if (!g_hash_table_contains (self->live, &id))
        g_array_append_val (wanted, id);
    }

  if (!load_rows (self, (gint64 *) (gpointer) wanted->data, wanted->len, TRUE, &error))
    warn_failed ("loading rows", error);
}

static GType
regie_case_list_get_item_type (GListModel *model)
{
  return REGIE_TYPE_CASE_ROW;
}

static guint
regie_case_list_get_n_items (GListModel *model)
{
  return REGIE_CASE_LIST (model)->items->len;
}

static gpointer
regie_case_list_get_item (GListModel *model,
                          guint       position)
{
  RegieCaseList *self = REGIE_CASE_LIST (model);
  RegieCaseRow *row;
  gint64 id;

  if (position >= self->items->len)
    return NULL;

  id = g_array_index (self->items, gint64, position);
  row = g_hash_table_lookup (self->live, &id);
  if (row == NULL)
    {
      materialize_around (self, position);
      row = g_hash_table_lookup (self->live, &id);
    }

  /* Deleted since the last refresh: an empty row until the refresh that is coming. */
  if (row == NULL)
    {
      row = row_new (self, id);
      keep_recent (self, row);
      g_object_unref (row);
    }
  else
    keep_recent (self, row);

  return g_object_ref (row);
}

static void
regie_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = regie_case_list_get_item_type;
  iface->get_n_items = regie_case_list_get_n_items;
  iface->get_item = regie_case_list_get_item;
}

static GArray *
query_base (RegieCaseList  *self,
            GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT d.id FROM dossier d");
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int index = 1;
  int rc;

  if (self->sort == REGIE_CASE_SORT_NAME)
    g_string_append (sql, " JOIN person p ON p.id = d.person_id");
  g_string_append (sql, " WHERE 1");
  if (self->status_filter != REGIE_CASE_LIST_ANY_STATUS)
    g_string_append (sql, " AND d.status = ?");
  if (self->casemanager_filter)
    g_string_append (sql, " AND d.casemanager = ?");
  if (self->person_filter > 0)
    g_string_append (sql, " AND d.person_id = ?");
  if (self->theme_filter)
    g_string_append (sql, " AND d.id IN (SELECT case_id FROM case_theme WHERE theme = ?)");

  switch (self->sort)
    {
    case REGIE_CASE_SORT_NAME:
      /* Index order all the way (person_sort_key, then dossier_person backwards): no sort
       * step. One person's dossiers come newest first. */
      g_string_append (sql, " ORDER BY p.sort_key, p.id, d.id DESC;");
      break;
    case REGIE_CASE_SORT_OPENED:
      g_string_append (sql, " ORDER BY d.opened_at DESC, d.id DESC;");
      break;
    case REGIE_CASE_SORT_LAST_ACTIVITY:
    default:
      g_string_append (sql, " ORDER BY d.last_activity DESC, d.id DESC;");
      break;
    }

  stmt = _regie_prepare (self->store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (self->status_filter != REGIE_CASE_LIST_ANY_STATUS)
    _regie_bind_text (stmt, index++, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, self->status_filter));
  if (self->casemanager_filter)
    _regie_bind_text (stmt, index++, self->casemanager_filter);
  if (self->person_filter > 0)
    sqlite3_bind_int64 (stmt, index++, self->person_filter);
  if (self->theme_filter)
    _regie_bind_text (stmt, index++, self->theme_filter);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (self->store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
has_filters (RegieCaseList *self)
{
  return self->status_filter != REGIE_CASE_LIST_ANY_STATUS || self->theme_filter ||
         self->casemanager_filter || self->person_filter > 0;
}

static gboolean
query_total (RegieCaseList  *self,
             GError        **error)
{
  guint total;

  /* Without filters the base list is all of them. */
  if (!has_filters (self))
    total = self->base->len;
  else
    {
      g_autoptr(RegieStmt) stmt = _regie_stmt (self->store, "SELECT count(*) FROM dossier;", error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return _regie_sql_error (self->store, rc, error);

      total = (guint) sqlite3_column_int64 (stmt, 0);
    }

  if (total != self->total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  return TRUE;
}

/* Emits one items-changed for the part between what stayed the same at both ends, so that
 * a view keeps its scroll position and selection where it can. */
static void
set_items (RegieCaseList *self,
           GArray        *items)
{
  g_autoptr(GArray) old = self->items;
  const gint64 *a = (const gint64 *) (gpointer) old->data;
  const gint64 *b = (const gint64 *) (gpointer) items->data;
  guint n_old = old->len;
  guint n_new = items->len;
  guint common = MIN (n_old, n_new);
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < common && a[prefix] == b[prefix])
    prefix++;
  while (suffix < common - prefix && a[n_old - 1 - suffix] == b[n_new - 1 - suffix])
    suffix++;

  self->items = g_array_ref (items);

  if (n_old == n_new && prefix == n_old)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
apply_search (RegieCaseList  *self,
              GError        **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree guint8 *bits = NULL;
  gint64 max_id;

  if (regie_search_text_is_empty (self->search_text))
    {
      set_items (self, self->base);
      return TRUE;
    }

  found = regie_search_cases (self->store, self->search_text, error);
  if (found == NULL)
    return FALSE;

  items = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found->len);
  if (found->len > 0)
    {
      /* The search answers in id order; the base list has the order to show. A bit per id
       * makes the intersection one pass over the base list. */
      max_id = g_array_index (found, gint64, found->len - 1);
      bits = g_malloc0 (max_id / 8 + 1);
      for (guint i = 0; i < found->len; i++)
        {
          gint64 id = g_array_index (found, gint64, i);
          bits[id / 8] |= 1 << (id % 8);
        }

      for (guint i = 0; i < self->base->len; i++)
        {
          gint64 id = g_array_index (self->base, gint64, i);

          if (id <= max_id && (bits[id / 8] & (1 << (id % 8))))
            g_array_append_val (items, id);
        }
    }

  set_items (self, items);
  return TRUE;
}

static gboolean
refresh_live_rows (RegieCaseList  *self,
                   GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_vals (ids, key, 1);

  return load_rows (self, (gint64 *) (gpointer) ids->data, ids->len, FALSE, error);
}

gboolean
regie_case_list_refresh (RegieCaseList  *self,
                         GError        **error)
{
  g_autoptr(GArray) base = NULL;
  gboolean ok;

  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), FALSE);

  /* A handler of items-changed that writes to the store would bring us back here. */
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return TRUE;
    }

  self->refreshing = TRUE;
  do
    {
      self->refresh_again = FALSE;
      base = query_base (self, error);
      ok = base != NULL;
      if (ok)
        {
          g_clear_pointer (&self->base, g_array_unref);
          self->base = g_steal_pointer (&base);
          ok = query_total (self, error) &&
               refresh_live_rows (self, error) &&
               apply_search (self, error);
        }
    }
  while (ok && self->refresh_again);
  self->refreshing = FALSE;

  return ok;
}

static void
refresh_or_warn (RegieCaseList *self)
{
  g_autoptr(GError) error = NULL;

  if (!regie_case_list_refresh (self, &error))
    warn_failed ("refresh", error);
}

static void
on_store_changed_cb (RegieStore    *store,
                     RegieCaseList *self)
{
  refresh_or_warn (self);
}

static void
regie_case_list_constructed (GObject *object)
{
  RegieCaseList *self = (RegieCaseList *) object;

  G_OBJECT_CLASS (regie_case_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->changed_handler = g_signal_connect (self->store, "changed",
                                            G_CALLBACK (on_store_changed_cb), self);
  refresh_or_warn (self);
}

static void
regie_case_list_dispose (GObject *object)
{
  RegieCaseList *self = (RegieCaseList *) object;
  GHashTableIter iter;
  gpointer row;

  g_clear_signal_handler (&self->changed_handler, self->store);

  for (guint i = 0; i < RECENT; i++)
    g_clear_object (&self->recent[i]);

  /* Rows a view still holds outlive the list: they must not call back into it. */
  if (self->live != NULL)
    {
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        g_object_weak_unref (row, on_row_finalized, self);
      g_hash_table_remove_all (self->live);
    }

  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_case_list_parent_class)->dispose (object);
}

static void
regie_case_list_finalize (GObject *object)
{
  RegieCaseList *self = (RegieCaseList *) object;

  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->theme_filter, g_free);
  g_clear_pointer (&self->casemanager_filter, g_free);

  G_OBJECT_CLASS (regie_case_list_parent_class)->finalize (object);
}

static void
regie_case_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RegieCaseList *self = REGIE_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_THEME_FILTER:
      g_value_set_string (value, self->theme_filter);
      break;
    case PROP_CASEMANAGER_FILTER:
      g_value_set_string (value, self->casemanager_filter);
      break;
    case PROP_PERSON_FILTER:
      g_value_set_int64 (value, self->person_filter);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RegieCaseList *self = REGIE_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      regie_case_list_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_STATUS_FILTER:
      regie_case_list_set_status_filter (self, g_value_get_int (value));
      break;
    case PROP_THEME_FILTER:
      regie_case_list_set_theme_filter (self, g_value_get_string (value));
      break;
    case PROP_CASEMANAGER_FILTER:
      regie_case_list_set_casemanager_filter (self, g_value_get_string (value));
      break;
    case PROP_PERSON_FILTER:
      regie_case_list_set_person_filter (self, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      regie_case_list_set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_list_class_init (RegieCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = regie_case_list_constructed;
  object_class->dispose = regie_case_list_dispose;
  object_class->finalize = regie_case_list_finalize;
  object_class->get_property = regie_case_list_get_property;
  object_class->set_property = regie_case_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, REGIE_CASE_LIST_ANY_STATUS, REGIE_CASE_STATUS_CLOSED,
                      REGIE_CASE_LIST_ANY_STATUS, rw);
  properties[PROP_THEME_FILTER] = g_param_spec_string ("theme-filter", NULL, NULL, NULL, rw);
  properties[PROP_CASEMANAGER_FILTER] = g_param_spec_string ("casemanager-filter", NULL, NULL, NULL, rw);
  properties[PROP_PERSON_FILTER] = g_param_spec_int64 ("person-filter", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, REGIE_TYPE_CASE_SORT,
                                             REGIE_CASE_SORT_LAST_ACTIVITY, rw);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_case_list_init (RegieCaseList *self)
{
  self->status_filter = REGIE_CASE_LIST_ANY_STATUS;
  self->base = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->live = g_hash_table_new (g_int64_hash, g_int64_equal);
}

RegieCaseList *
regie_case_list_new (RegieStore *store)
{
  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  return g_object_new (REGIE_TYPE_CASE_LIST, "store", store, NULL);
}

RegieStore *
regie_case_list_get_store (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), NULL);
  return self->store;
}

const char *
regie_case_list_get_search_text (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), NULL);
  return self->search_text;
}

void
regie_case_list_set_search_text (RegieCaseList *self,
                                 const char    *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REGIE_IS_CASE_LIST (self));

  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  /* Typing only narrows the base list: no need to ask the tables again. */
  if (!apply_search (self, &error))
    warn_failed ("search", error);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

int
regie_case_list_get_status_filter (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), REGIE_CASE_LIST_ANY_STATUS);
  return self->status_filter;
}

void
regie_case_list_set_status_filter (RegieCaseList *self,
                                   int            status)
{
  g_return_if_fail (REGIE_IS_CASE_LIST (self));
  g_return_if_fail (status >= REGIE_CASE_LIST_ANY_STATUS && status <= REGIE_CASE_STATUS_CLOSED);

  if (self->status_filter == status)
    return;

  self->status_filter = status;
  refresh_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

const char *
regie_case_list_get_theme_filter (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), NULL);
  return self->theme_filter;
}

void
regie_case_list_set_theme_filter (RegieCaseList *self,
                                  const char    *theme_id)
{
  g_return_if_fail (REGIE_IS_CASE_LIST (self));
  g_return_if_fail (theme_id == NULL || *theme_id == '\0' || regie_theme_is_valid (theme_id));

  if (theme_id != NULL && *theme_id == '\0')
    theme_id = NULL;
  if (g_strcmp0 (self->theme_filter, theme_id) == 0)
    return;

  g_free (self->theme_filter);
  self->theme_filter = g_strdup (theme_id);
  refresh_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_FILTER]);
}

const char *
regie_case_list_get_casemanager_filter (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), NULL);
  return self->casemanager_filter;
}

/* "Only mine": the casemanager's name as it is stored in their dossiers; NULL for all. */
void
regie_case_list_set_casemanager_filter (RegieCaseList *self,
                                        const char    *casemanager)
{
  g_return_if_fail (REGIE_IS_CASE_LIST (self));

  if (casemanager != NULL && *casemanager == '\0')
    casemanager = NULL;
  if (g_strcmp0 (self->casemanager_filter, casemanager) == 0)
    return;

  g_free (self->casemanager_filter);
  self->casemanager_filter = g_strdup (casemanager);
  refresh_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASEMANAGER_FILTER]);
}

gint64
regie_case_list_get_person_filter (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), 0);
  return self->person_filter;
}

/* The dossiers of one inwoner, for their dossier page; 0 for everyone. */
void
regie_case_list_set_person_filter (RegieCaseList *self,
                                   gint64         person_id)
{
  g_return_if_fail (REGIE_IS_CASE_LIST (self));

  if (self->person_filter == person_id)
    return;

  self->person_filter = person_id;
  refresh_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_FILTER]);
}

RegieCaseSort
regie_case_list_get_sort (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), REGIE_CASE_SORT_LAST_ACTIVITY);
  return self->sort;
}

void
regie_case_list_set_sort (RegieCaseList *self,
                          RegieCaseSort  sort)
{
  g_return_if_fail (REGIE_IS_CASE_LIST (self));
  g_return_if_fail (sort <= REGIE_CASE_SORT_OPENED);

  if (self->sort == sort)
    return;

  self->sort = sort;
  refresh_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

guint
regie_case_list_get_total (RegieCaseList *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), 0);
  return self->total;
}

/* The dossier id at position, without making its row: for opening it on activation. */
gint64
regie_case_list_get_id (RegieCaseList *self,
                        guint          position)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST (self), 0);
  g_return_val_if_fail (position < self->items->len, 0);

  return g_array_index (self->items, gint64, position);
}
