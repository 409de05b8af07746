/* regie-timeline.c — a dossier's timeline, and the deadlines across all dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-event-private.h"
#include "regie-person-private.h"
#include "regie-timeline.h"

struct _RegieTimeline
{
  GObject     parent_instance;

  RegieStore *store;
  gint64      case_id;
  int         kind;
  GStrv       words;        /* folded search words; NULL: no search */

  GPtrArray  *all;          /* RegieEvent, newest first */
  GPtrArray  *folded;       /* the searchable text of each of all, folded */
  GPtrArray  *visible;      /* borrowed from all */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RegieTimeline, regie_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Without accents, case folded: "Çelik" and "celik" are the same word to a casemanager. */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

static char *
searchable_text (RegieEvent *event)
{
  g_autofree char *title = regie_event_dup_display_title (event);
  g_autofree char *joined = g_strjoin ("\n", title, regie_event_get_text (event),
                                       regie_event_get_agreed (event),
                                       regie_event_get_with_whom (event),
                                       regie_event_get_organisation_name (event),
                                       regie_event_get_contact_name (event),
                                       regie_event_get_letter_sender (event),
                                       regie_event_get_letter_reference (event),
                                       regie_event_get_letter_subject (event),
                                       regie_event_get_letter_asked (event),
                                       regie_event_get_line (event),
                                       regie_event_get_callback (event), NULL);

  return fold (joined);
}

static gboolean
matches (RegieTimeline *self,
         guint          index)
{
  RegieEvent *event = g_ptr_array_index (self->all, index);
  const char *text = g_ptr_array_index (self->folded, index);

  if (self->kind >= 0 && (int) regie_event_get_kind (event) != self->kind)
    return FALSE;

  for (guint i = 0; self->words && self->words[i]; i++)
    if (strstr (text, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* Few items (a dossier's life): recomputing what is visible is cheaper than being clever. */
static void
refilter (RegieTimeline *self)
{
  guint removed = self->visible->len;

  g_ptr_array_set_size (self->visible, 0);
  for (guint i = 0; i < self->all->len; i++)
    if (matches (self, i))
      g_ptr_array_add (self->visible, g_ptr_array_index (self->all, i));

  if (removed > 0 || self->visible->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->visible->len);
}

static GType
regie_timeline_get_item_type (GListModel *model)
{
  return REGIE_TYPE_EVENT;
}

static guint
regie_timeline_get_n_items (GListModel *model)
{
  return REGIE_TIMELINE (model)->visible->len;
}

static gpointer
regie_timeline_get_item (GListModel *model,
                         guint       position)
{
  RegieTimeline *self = REGIE_TIMELINE (model);

  if (position >= self->visible->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = regie_timeline_get_item_type;
  iface->get_n_items = regie_timeline_get_n_items;
  iface->get_item = regie_timeline_get_item;
}

static void
regie_timeline_finalize (GObject *object)
{
  RegieTimeline *self = (RegieTimeline *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);

  G_OBJECT_CLASS (regie_timeline_parent_class)->finalize (object);
}

static void
regie_timeline_class_init (RegieTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = regie_timeline_finalize;
}

static void
regie_timeline_init (RegieTimeline *self)
{
  self->kind = -1;
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->folded = g_ptr_array_new_with_free_func (g_free);
  self->visible = g_ptr_array_new ();
}

RegieTimeline *
regie_timeline_new (RegieStore *store,
                    gint64      case_id)
{
  RegieTimeline *self;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  self = g_object_new (REGIE_TYPE_TIMELINE, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  return self;
}

gint64
regie_timeline_get_case_id (RegieTimeline *self)
{
  g_return_val_if_fail (REGIE_IS_TIMELINE (self), 0);
  return self->case_id;
}

gboolean
regie_timeline_reload (RegieTimeline  *self,
                       GError        **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (REGIE_IS_TIMELINE (self), FALSE);

  stmt = _regie_stmt (self->store,
                      "SELECT " REGIE_EVENT_COLUMNS " FROM event e WHERE e.case_id = ? "
                      "ORDER BY e.sort_key DESC, e.id DESC;",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegieEvent *event = _regie_event_new_from_stmt (stmt, 0);

      g_ptr_array_add (all, event);
      g_ptr_array_add (folded, searchable_text (event));
    }
  if (rc != SQLITE_DONE)
    return _regie_sql_error (self->store, rc, error);

  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->folded);
  self->all = g_steal_pointer (&all);
  self->folded = g_steal_pointer (&folded);
  refilter (self);
  return TRUE;
}

void
regie_timeline_set_kind (RegieTimeline *self,
                         int            kind)
{
  g_return_if_fail (REGIE_IS_TIMELINE (self));

  kind = kind < 0 ? -1 : kind;
  if (self->kind == kind)
    return;
  self->kind = kind;
  refilter (self);
}

int
regie_timeline_get_kind (RegieTimeline *self)
{
  g_return_val_if_fail (REGIE_IS_TIMELINE (self), -1);
  return self->kind;
}

void
regie_timeline_set_search (RegieTimeline *self,
                           const char    *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_if_fail (REGIE_IS_TIMELINE (self));

  folded = fold (text);
  words = g_str_tokenize_and_fold (folded, NULL, NULL);
  g_strfreev (self->words);
  self->words = words && words[0] ? g_steal_pointer (&words) : NULL;
  refilter (self);
}

guint
regie_timeline_get_n_total (RegieTimeline *self)
{
  g_return_val_if_fail (REGIE_IS_TIMELINE (self), 0);
  return self->all->len;
}

gboolean
regie_timeline_starts_group (RegieTimeline *self,
                             guint          position)
{
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (REGIE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (position < self->visible->len, FALSE);

  if (position == 0)
    return TRUE;

  key = regie_event_get_group_key (g_ptr_array_index (self->visible, position));
  before = regie_event_get_group_key (g_ptr_array_index (self->visible, position - 1));
  return g_strcmp0 (key, before) != 0;
}

char *
regie_timeline_group_label (RegieEvent *event)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (REGIE_IS_EVENT (event), NULL);

  key = regie_event_get_group_key (event);
  return regie_format_when (key, strlen (key) == 4 ? REGIE_PRECISION_YEAR : REGIE_PRECISION_MONTH);
}

void
regie_deadline_free (RegieDeadline *deadline)
{
  if (deadline == NULL)
    return;

  g_free (deadline->person_name);
  g_free (deadline->title);
  g_free (deadline->deadline);
  g_free (deadline);
}

GPtrArray *
regie_deadlines_load (RegieStore  *store,
                      GDateTime   *now,
                      int          passed_days,
                      int          ahead_days,
                      GError     **error)
{
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_deadline_free);
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  /* Calendar days in Europe/Amsterdam, whatever the machine's zone. */
  here = now ? g_date_time_to_timezone (now, regie_event_time_zone ())
             : g_date_time_new_now (regie_event_time_zone ());
  from = g_date_time_add_days (here, -passed_days);
  to = g_date_time_add_days (here, ahead_days);
  from_date = g_date_time_format (from, "%Y-%m-%d");
  to_date = g_date_time_format (to, "%Y-%m-%d");

  stmt = _regie_stmt (store,
                      "SELECT " REGIE_EVENT_COLUMNS ", " REGIE_PERSON_COLUMNS " "
                      "FROM event e JOIN dossier d ON d.id = e.case_id "
                      "  JOIN person p ON p.id = d.person_id "
                      "WHERE e.deadline BETWEEN ?1 AND ?2 AND d.status != 'closed' "
                      "ORDER BY e.deadline, e.id;",
                      error);
  if (stmt == NULL)
    return NULL;

  _regie_bind_text (stmt, 1, from_date);
  _regie_bind_text (stmt, 2, to_date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RegieEvent) event = _regie_event_new_from_stmt (stmt, 0);
      g_autoptr(RegiePerson) person = _regie_person_new_from_stmt (stmt, REGIE_EVENT_N_COLUMNS);
      RegieDeadline *deadline = g_new0 (RegieDeadline, 1);

      deadline->event_id = regie_event_get_id (event);
      deadline->case_id = regie_event_get_case_id (event);
      deadline->person_name = g_strdup (regie_person_get_display_name (person));
      deadline->title = regie_event_dup_display_title (event);
      deadline->deadline = g_strdup (regie_event_get_deadline (event));
      deadline->days_left = regie_days_until (deadline->deadline, here);
      g_ptr_array_add (deadlines, deadline);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&deadlines);
}
