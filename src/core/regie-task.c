/* regie-task.c — a follow-up task of a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-task-private.h"
#include "regie-validate.h"

struct _RegieTask
{
  GObject  parent_instance;

  gint64   id;
  gint64   case_id;
  char    *what;
  char    *due_date;
  char    *done_at;
  char    *created_at;
};

G_DEFINE_FINAL_TYPE (RegieTask, regie_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_WHAT,
  PROP_DUE_DATE,
  PROP_DONE_AT,
  PROP_DONE,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
regie_task_finalize (GObject *object)
{
  RegieTask *self = (RegieTask *) object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->done_at, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (regie_task_parent_class)->finalize (object);
}

static void
regie_task_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RegieTask *self = REGIE_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_DONE_AT:
      g_value_set_string (value, self->done_at);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done_at != NULL);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_task_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RegieTask *self = REGIE_TASK (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      regie_task_set_what (self, g_value_get_string (value));
      break;
    case PROP_DUE_DATE:
      regie_task_set_due_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_task_class_init (RegieTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_task_finalize;
  object_class->get_property = regie_task_get_property;
  object_class->set_property = regie_task_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, rw);
  properties[PROP_DONE_AT] = g_param_spec_string ("done-at", NULL, NULL, NULL, ro);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_task_init (RegieTask *self)
{
  self->what = g_strdup ("");
}

RegieTask *
regie_task_new (const char *what,
                const char *due_date)
{
  RegieTask *self = g_object_new (REGIE_TYPE_TASK, NULL);

  regie_task_set_what (self, what);
  regie_task_set_due_date (self, due_date);
  return self;
}

gint64
regie_task_get_id (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), 0);
  return self->id;
}

gint64
regie_task_get_case_id (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), 0);
  return self->case_id;
}

const char *
regie_task_get_what (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), NULL);
  return self->what;
}

void
regie_task_set_what (RegieTask  *self,
                     const char *what)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (what ? what : ""));

  g_return_if_fail (REGIE_IS_TASK (self));

  if (replace_string (&self->what, trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT]);
}

const char *
regie_task_get_due_date (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), NULL);
  return self->due_date;
}

void
regie_task_set_due_date (RegieTask  *self,
                         const char *iso_date)
{
  g_return_if_fail (REGIE_IS_TASK (self));
  g_return_if_fail (iso_date == NULL || *iso_date == '\0' || regie_iso_date_is_valid (iso_date));

  if (iso_date != NULL && *iso_date == '\0')
    iso_date = NULL;

  if (replace_string (&self->due_date, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
regie_task_get_done_at (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), NULL);
  return self->done_at;
}

gboolean
regie_task_get_done (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), FALSE);
  return self->done_at != NULL;
}

const char *
regie_task_get_created_at (RegieTask *self)
{
  g_return_val_if_fail (REGIE_IS_TASK (self), NULL);
  return self->created_at;
}

gboolean
regie_task_is_overdue (RegieTask  *self,
                       const char *today)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_TASK (self), FALSE);

  if (self->done_at != NULL || self->due_date == NULL)
    return FALSE;

  if (today == NULL)
    today = now = regie_today ();

  return strcmp (self->due_date, today) < 0;
}

void
_regie_task_set_stored (RegieTask  *self,
                        gint64      id,
                        gint64      case_id,
                        const char *created_at)
{
  self->id = id;
  self->case_id = case_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
  if (replace_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

void
_regie_task_set_done_at (RegieTask  *self,
                         const char *done_at)
{
  gboolean was_done = self->done_at != NULL;

  if (!replace_string (&self->done_at, done_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  if (was_done != (done_at != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

GListStore *
_regie_task_load_for_case (RegieStore  *store,
                           gint64       case_id,
                           GError     **error)
{
  g_autoptr(GListStore) tasks = g_list_store_new (REGIE_TYPE_TASK);
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  /* Open tasks first, by due date (none last), then the done ones, latest first. */
  stmt = _regie_stmt (store,
                      "SELECT id, what, due_date, done_at, created_at FROM task WHERE case_id = ? "
                      "ORDER BY done_at IS NOT NULL, "
                      "  CASE WHEN done_at IS NULL THEN due_date IS NULL END, "
                      "  CASE WHEN done_at IS NULL THEN due_date END, "
                      "  done_at DESC, id;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RegieTask) task = g_object_new (REGIE_TYPE_TASK, NULL);

      task->id = sqlite3_column_int64 (stmt, 0);
      task->case_id = case_id;
      replace_string (&task->what, _regie_column_text (stmt, 1));
      task->due_date = g_strdup (_regie_column_text (stmt, 2));
      task->done_at = g_strdup (_regie_column_text (stmt, 3));
      task->created_at = g_strdup (_regie_column_text (stmt, 4));
      g_list_store_append (tasks, task);
    }

  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&tasks);
}
