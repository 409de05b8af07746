/* regie-case.c — a dossier: an inwoner's question for help, followed to an outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-case-private.h"
#include "regie-event-private.h"
#include "regie-person-private.h"
#include "regie-search-private.h"
#include "regie-task-private.h"
#include "regie-theme.h"
#include "regie-validate.h"

struct _RegieCase
{
  GObject          parent_instance;

  gint64           id;
  gint64           person_id;
  RegiePerson     *person;
  char            *question;
  GStrv            themes;
  RegieCaseStatus  status;
  RegieArrival     arrival;
  char            *referred_by;
  char            *casemanager;
  char            *notes;
  RegieOutcome     outcome;
  char            *outcome_note;
  int              satisfaction;
  char            *opened_at;
  char            *closed_at;
  char            *last_activity;
  GListStore      *tasks;
};

G_DEFINE_FINAL_TYPE (RegieCase, regie_case, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RegieCaseStatus, regie_case_status,
  G_DEFINE_ENUM_VALUE (REGIE_CASE_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_STATUS_IN_PROGRESS, "in_progress"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_STATUS_REFERRED, "referred"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_STATUS_WAITING_FOR_OTHERS, "waiting_for_others"),
  G_DEFINE_ENUM_VALUE (REGIE_CASE_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (RegieArrival, regie_arrival,
  G_DEFINE_ENUM_VALUE (REGIE_ARRIVAL_WALK_IN, "walk_in"),
  G_DEFINE_ENUM_VALUE (REGIE_ARRIVAL_APPOINTMENT, "appointment"),
  G_DEFINE_ENUM_VALUE (REGIE_ARRIVAL_REFERRED_BY_ORGANISATION, "referred_by_organisation"))

G_DEFINE_ENUM_TYPE (RegieOutcome, regie_outcome,
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_SOLVED, "solved"),
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_PARTLY_SOLVED, "partly_solved"),
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_NOT_SOLVED, "not_solved"),
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_NO_ENTITLEMENT_EXPLAINED, "no_entitlement_explained"),
  G_DEFINE_ENUM_VALUE (REGIE_OUTCOME_CITIZEN_WITHDREW, "citizen_withdrew"))

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_PERSON,
  PROP_QUESTION,
  PROP_THEMES,
  PROP_STATUS,
  PROP_ARRIVAL,
  PROP_REFERRED_BY,
  PROP_CASEMANAGER,
  PROP_NOTES,
  PROP_OUTCOME,
  PROP_OUTCOME_NOTE,
  PROP_SATISFACTION,
  PROP_OPENED_AT,
  PROP_CLOSED_AT,
  PROP_LAST_ACTIVITY,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_labels[] = {
  [REGIE_CASE_STATUS_NEW]                = NC_("case status", "New"),
  [REGIE_CASE_STATUS_IN_PROGRESS]        = NC_("case status", "In progress"),
  [REGIE_CASE_STATUS_REFERRED]           = NC_("case status", "Referred"),
  [REGIE_CASE_STATUS_WAITING_FOR_OTHERS] = NC_("case status", "Waiting for others"),
  [REGIE_CASE_STATUS_CLOSED]             = NC_("case status", "Closed"),
};

static const char * const arrival_labels[] = {
  [REGIE_ARRIVAL_WALK_IN]                  = NC_("arrival", "Walk-in"),
  [REGIE_ARRIVAL_APPOINTMENT]              = NC_("arrival", "Appointment"),
  [REGIE_ARRIVAL_REFERRED_BY_ORGANISATION] = NC_("arrival", "Referred by an organisation"),
};

static const char * const outcome_labels[] = {
  [REGIE_OUTCOME_NONE]                     = NC_("outcome", "No outcome yet"),
  [REGIE_OUTCOME_SOLVED]                   = NC_("outcome", "Solved"),
  [REGIE_OUTCOME_PARTLY_SOLVED]            = NC_("outcome", "Partly solved"),
  [REGIE_OUTCOME_NOT_SOLVED]               = NC_("outcome", "Not solved"),
  [REGIE_OUTCOME_NO_ENTITLEMENT_EXPLAINED] = NC_("outcome", "No entitlement — explained"),
  [REGIE_OUTCOME_CITIZEN_WITHDREW]         = NC_("outcome", "Citizen withdrew"),
};

const char *
regie_case_status_get_label (RegieCaseStatus status)
{
  g_return_val_if_fail (status <= REGIE_CASE_STATUS_CLOSED, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "case status", status_labels[status]);
}

const char *
regie_arrival_get_label (RegieArrival arrival)
{
  g_return_val_if_fail (arrival <= REGIE_ARRIVAL_REFERRED_BY_ORGANISATION, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "arrival", arrival_labels[arrival]);
}

const char *
regie_outcome_get_label (RegieOutcome outcome)
{
  g_return_val_if_fail (outcome <= REGIE_OUTCOME_CITIZEN_WITHDREW, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "outcome", outcome_labels[outcome]);
}

void
regie_status_change_free (RegieStatusChange *change)
{
  if (change == NULL)
    return;

  g_free (change->at);
  g_free (change->actor);
  g_free (change);
}

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
set_text (RegieCase  *self,
          char      **field,
          const char *value,
          gboolean    trim,
          guint       prop)
{
  g_autofree char *normal = g_strdup (value ? value : "");

  if (trim)
    g_strstrip (normal);

  if (replace_string (field, normal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_stored_text (RegieCase   *self,
                 char       **field,
                 const char  *value,
                 guint        prop)
{
  if (replace_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  return regie_theme_get_index (*(const char * const *) a) -
         regie_theme_get_index (*(const char * const *) b);
}

/* Valid ids only, each once, in the order of the theme list. */
static GStrv
normalize_themes (const char * const *ids)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (guint i = 0; ids && ids[i]; i++)
    if (regie_theme_is_valid (ids[i]) && !g_ptr_array_find_with_equal_func (list, ids[i], g_str_equal, NULL))
      g_ptr_array_add (list, g_strdup (ids[i]));

  g_ptr_array_sort (list, compare_themes);
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RegieTask *ta = (RegieTask *) a;
  RegieTask *tb = (RegieTask *) b;
  const char *due_a = regie_task_get_due_date (ta);
  const char *due_b = regie_task_get_due_date (tb);
  gboolean done_a = regie_task_get_done (ta);
  gboolean done_b = regie_task_get_done (tb);
  int cmp;

  /* As in _regie_task_load_for_case (): open by due date (none last), then done, latest first. */
  if (done_a != done_b)
    return done_a - done_b;

  if (!done_a)
    {
      if ((due_a == NULL) != (due_b == NULL))
        return due_a == NULL ? 1 : -1;
      if ((cmp = g_strcmp0 (due_a, due_b)) != 0)
        return cmp;
    }
  else if ((cmp = g_strcmp0 (regie_task_get_done_at (tb), regie_task_get_done_at (ta))) != 0)
    return cmp;

  return (regie_task_get_id (ta) > regie_task_get_id (tb)) - (regie_task_get_id (ta) < regie_task_get_id (tb));
}

static void
regie_case_finalize (GObject *object)
{
  RegieCase *self = (RegieCase *) object;

  g_clear_object (&self->person);
  g_clear_object (&self->tasks);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->themes, g_strfreev);
  g_clear_pointer (&self->referred_by, g_free);
  g_clear_pointer (&self->casemanager, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->outcome_note, g_free);
  g_clear_pointer (&self->opened_at, g_free);
  g_clear_pointer (&self->closed_at, g_free);
  g_clear_pointer (&self->last_activity, g_free);

  G_OBJECT_CLASS (regie_case_parent_class)->finalize (object);
}

static void
regie_case_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RegieCase *self = REGIE_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ARRIVAL:
      g_value_set_enum (value, self->arrival);
      break;
    case PROP_REFERRED_BY:
      g_value_set_string (value, self->referred_by);
      break;
    case PROP_CASEMANAGER:
      g_value_set_string (value, self->casemanager);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_OUTCOME_NOTE:
      g_value_set_string (value, self->outcome_note);
      break;
    case PROP_SATISFACTION:
      g_value_set_int (value, self->satisfaction);
      break;
    case PROP_OPENED_AT:
      g_value_set_string (value, self->opened_at);
      break;
    case PROP_CLOSED_AT:
      g_value_set_string (value, self->closed_at);
      break;
    case PROP_LAST_ACTIVITY:
      g_value_set_string (value, self->last_activity);
      break;
    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RegieCase *self = REGIE_CASE (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      regie_case_set_question (self, g_value_get_string (value));
      break;
    case PROP_THEMES:
      regie_case_set_themes (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      regie_case_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ARRIVAL:
      regie_case_set_arrival (self, g_value_get_enum (value));
      break;
    case PROP_REFERRED_BY:
      regie_case_set_referred_by (self, g_value_get_string (value));
      break;
    case PROP_CASEMANAGER:
      regie_case_set_casemanager (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      regie_case_set_notes (self, g_value_get_string (value));
      break;
    case PROP_OUTCOME:
      regie_case_set_outcome (self, g_value_get_enum (value));
      break;
    case PROP_OUTCOME_NOTE:
      regie_case_set_outcome_note (self, g_value_get_string (value));
      break;
    case PROP_SATISFACTION:
      regie_case_set_satisfaction (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_class_init (RegieCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_case_finalize;
  object_class->get_property = regie_case_get_property;
  object_class->set_property = regie_case_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERSON] = g_param_spec_object ("person", NULL, NULL, REGIE_TYPE_PERSON, ro);
  properties[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, "", rw);
  properties[PROP_THEMES] = g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, REGIE_TYPE_CASE_STATUS,
                                               REGIE_CASE_STATUS_NEW, rw);
  properties[PROP_ARRIVAL] = g_param_spec_enum ("arrival", NULL, NULL, REGIE_TYPE_ARRIVAL,
                                                REGIE_ARRIVAL_WALK_IN, rw);
  properties[PROP_REFERRED_BY] = g_param_spec_string ("referred-by", NULL, NULL, "", rw);
  properties[PROP_CASEMANAGER] = g_param_spec_string ("casemanager", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, REGIE_TYPE_OUTCOME,
                                                REGIE_OUTCOME_NONE, rw);
  properties[PROP_OUTCOME_NOTE] = g_param_spec_string ("outcome-note", NULL, NULL, "", rw);
  properties[PROP_SATISFACTION] = g_param_spec_int ("satisfaction", NULL, NULL, 0, 5, 0, rw);
  properties[PROP_OPENED_AT] = g_param_spec_string ("opened-at", NULL, NULL, "", ro);
  properties[PROP_CLOSED_AT] = g_param_spec_string ("closed-at", NULL, NULL, NULL, ro);
  properties[PROP_LAST_ACTIVITY] = g_param_spec_string ("last-activity", NULL, NULL, "", ro);
  properties[PROP_TASKS] = g_param_spec_object ("tasks", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_case_init (RegieCase *self)
{
  self->question = g_strdup ("");
  self->themes = g_new0 (char *, 1);
  self->referred_by = g_strdup ("");
  self->casemanager = g_strdup ("");
  self->notes = g_strdup ("");
  self->outcome_note = g_strdup ("");
  self->opened_at = g_strdup ("");
  self->last_activity = g_strdup ("");
  self->tasks = g_list_store_new (REGIE_TYPE_TASK);
}

RegieCase *
regie_case_new (void)
{
  return g_object_new (REGIE_TYPE_CASE, NULL);
}

gint64
regie_case_get_id (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), 0);
  return self->id;
}

gint64
regie_case_get_person_id (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), 0);
  return self->person_id;
}

RegiePerson *
regie_case_get_person (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->person;
}

const char *
regie_case_get_question (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->question;
}

void
regie_case_set_question (RegieCase  *self,
                         const char *question)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  set_text (self, &self->question, question, TRUE, PROP_QUESTION);
}

const char * const *
regie_case_get_themes (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return (const char * const *) self->themes;
}

void
regie_case_set_themes (RegieCase          *self,
                       const char * const *theme_ids)
{
  g_auto(GStrv) themes = NULL;

  g_return_if_fail (REGIE_IS_CASE (self));

  themes = normalize_themes (theme_ids);
  if (g_strv_equal ((const char * const *) themes, (const char * const *) self->themes))
    return;

  g_strfreev (self->themes);
  self->themes = g_steal_pointer (&themes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

gboolean
regie_case_has_theme (RegieCase  *self,
                      const char *theme_id)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  return theme_id && g_strv_contains ((const char * const *) self->themes, theme_id);
}

RegieCaseStatus
regie_case_get_status (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), REGIE_CASE_STATUS_NEW);
  return self->status;
}

void
regie_case_set_status (RegieCase       *self,
                       RegieCaseStatus  status)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  g_return_if_fail (status <= REGIE_CASE_STATUS_CLOSED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

RegieArrival
regie_case_get_arrival (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), REGIE_ARRIVAL_WALK_IN);
  return self->arrival;
}

void
regie_case_set_arrival (RegieCase    *self,
                        RegieArrival  arrival)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  g_return_if_fail (arrival <= REGIE_ARRIVAL_REFERRED_BY_ORGANISATION);

  if (self->arrival == arrival)
    return;

  self->arrival = arrival;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRIVAL]);
}

const char *
regie_case_get_referred_by (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->referred_by;
}

void
regie_case_set_referred_by (RegieCase  *self,
                            const char *referred_by)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  set_text (self, &self->referred_by, referred_by, TRUE, PROP_REFERRED_BY);
}

const char *
regie_case_get_casemanager (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->casemanager;
}

void
regie_case_set_casemanager (RegieCase  *self,
                            const char *casemanager)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  set_text (self, &self->casemanager, casemanager, TRUE, PROP_CASEMANAGER);
}

const char *
regie_case_get_notes (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->notes;
}

void
regie_case_set_notes (RegieCase  *self,
                      const char *notes)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  set_text (self, &self->notes, notes, FALSE, PROP_NOTES);
}

RegieOutcome
regie_case_get_outcome (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), REGIE_OUTCOME_NONE);
  return self->outcome;
}

void
regie_case_set_outcome (RegieCase    *self,
                        RegieOutcome  outcome)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  g_return_if_fail (outcome <= REGIE_OUTCOME_CITIZEN_WITHDREW);

  if (self->outcome == outcome)
    return;

  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

const char *
regie_case_get_outcome_note (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->outcome_note;
}

void
regie_case_set_outcome_note (RegieCase  *self,
                             const char *note)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  set_text (self, &self->outcome_note, note, FALSE, PROP_OUTCOME_NOTE);
}

int
regie_case_get_satisfaction (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), 0);
  return self->satisfaction;
}

/* 1–5, or 0 when the inwoner did not say. */
void
regie_case_set_satisfaction (RegieCase *self,
                             int        satisfaction)
{
  g_return_if_fail (REGIE_IS_CASE (self));
  g_return_if_fail (satisfaction >= 0 && satisfaction <= 5);

  if (self->satisfaction == satisfaction)
    return;

  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

const char *
regie_case_get_opened_at (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->opened_at;
}

const char *
regie_case_get_closed_at (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->closed_at;
}

const char *
regie_case_get_last_activity (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return self->last_activity;
}

GListModel *
regie_case_get_tasks (RegieCase *self)
{
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

/* Store side */

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This case no longer exists"));
  return FALSE;
}

static gboolean
check_case (RegieCase  *self,
            GError    **error)
{
  if (self->status == REGIE_CASE_STATUS_CLOSED && self->outcome == REGIE_OUTCOME_NONE)
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_OUTCOME_REQUIRED,
                           _("Choose an outcome to close the case"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
bump_activity (RegieStore  *store,
               gint64       case_id,
               const char  *now,
               GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store,
                                           "UPDATE dossier SET last_activity = ?1 WHERE id = ?2;",
                                           error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    return not_found (error);

  return TRUE;
}

static gboolean
write_themes (RegieStore  *store,
              RegieCase   *self,
              gboolean     replace,
              GError     **error)
{
  if (replace)
    {
      g_autoptr(RegieStmt) clear = _regie_stmt (store, "DELETE FROM case_theme WHERE case_id = ?;", error);

      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, self->id);
      if (!_regie_step_done (store, clear, error))
        return FALSE;
    }

  for (guint i = 0; self->themes[i]; i++)
    {
      g_autoptr(RegieStmt) add = _regie_stmt (store,
                                              "INSERT INTO case_theme (case_id, theme) VALUES (?, ?);",
                                              error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, self->id);
      _regie_bind_text (add, 2, self->themes[i]);
      if (!_regie_step_done (store, add, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_status_change (RegieStore  *store,
                      gint64       case_id,
                      const char  *now,
                      int          from_status,
                      int          to_status,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store,
                      "INSERT INTO case_status_change (case_id, at, from_status, to_status, actor) "
                      "VALUES (?, ?, ?, ?, ?);",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, case_id);
  _regie_bind_text (stmt, 2, now);
  if (from_status < 0)
    sqlite3_bind_null (stmt, 3);
  else
    _regie_bind_text (stmt, 3, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, from_status));
  _regie_bind_text (stmt, 4, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, to_status));
  _regie_bind_text (stmt, 5, actor ? actor : regie_audit_default_actor ());

  /* The timeline shows the change too, written with it so that the two never disagree. */
  return _regie_step_done (store, stmt, error) &&
         _regie_event_record_status_change (store, case_id, now, from_status, to_status, error);
}

static void
bind_outcome (sqlite3_stmt *stmt,
              int           index,
              RegieOutcome  outcome)
{
  if (outcome == REGIE_OUTCOME_NONE)
    sqlite3_bind_null (stmt, index);
  else
    _regie_bind_text (stmt, index, _regie_enum_to_id (REGIE_TYPE_OUTCOME, outcome));
}

static void
bind_satisfaction (sqlite3_stmt *stmt,
                   int           index,
                   int           satisfaction)
{
  if (satisfaction == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, satisfaction);
}

/* Not closed: no closing moment, outcome, note or satisfaction. */
static void
clear_closing (RegieCase *self)
{
  set_stored_text (self, &self->closed_at, NULL, PROP_CLOSED_AT);
  regie_case_set_outcome (self, REGIE_OUTCOME_NONE);
  regie_case_set_outcome_note (self, NULL);
  regie_case_set_satisfaction (self, 0);
}

gboolean
_regie_case_insert (RegieStore   *store,
                    RegieCase    *self,
                    RegiePerson  *person,
                    const char   *actor,
                    const char   *now,
                    GError      **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_assert (regie_person_get_id (person) > 0);

  if (self->status == REGIE_CASE_STATUS_CLOSED)
    set_stored_text (self, &self->closed_at, now, PROP_CLOSED_AT);
  else
    clear_closing (self);

  stmt = _regie_stmt (store,
                      "INSERT INTO dossier (person_id, question, status, arrival, referred_by, "
                      "  casemanager, notes, opened_at, closed_at, outcome, outcome_note, "
                      "  satisfaction, last_activity, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?8, ?8);",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, regie_person_get_id (person));
  _regie_bind_text (stmt, 2, self->question);
  _regie_bind_text (stmt, 3, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, self->status));
  _regie_bind_text (stmt, 4, _regie_enum_to_id (REGIE_TYPE_ARRIVAL, self->arrival));
  _regie_bind_text (stmt, 5, self->referred_by);
  _regie_bind_text (stmt, 6, self->casemanager);
  _regie_bind_text (stmt, 7, self->notes);
  _regie_bind_text (stmt, 8, now);
  _regie_bind_text_or_null (stmt, 9, self->closed_at);
  bind_outcome (stmt, 10, self->outcome);
  _regie_bind_text (stmt, 11, self->outcome_note);
  bind_satisfaction (stmt, 12, self->satisfaction);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  self->person_id = regie_person_get_id (person);
  if (self->person != person)
    {
      g_set_object (&self->person, person);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
  set_stored_text (self, &self->opened_at, now, PROP_OPENED_AT);
  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);

  return write_themes (store, self, FALSE, error) &&
         record_status_change (store, self->id, now, -1, self->status, actor, error) &&
         _regie_search_index_case (store, self->id, error) &&
         regie_audit_record (store, actor, REGIE_AUDIT_CREATE, REGIE_AUDIT_CASE, self->id, error);
}

static int
stored_status (RegieStore  *store,
               gint64       id,
               GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, "SELECT status FROM dossier WHERE id = ?;", error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, _regie_column_text (stmt, 0),
                                REGIE_CASE_STATUS_NEW);

  if (rc == SQLITE_DONE)
    not_found (error);
  else
    _regie_sql_error (store, rc, error);

  return -1;
}

gboolean
_regie_case_update (RegieStore   *store,
                    RegieCase    *self,
                    const char   *actor,
                    const char   *now,
                    GError      **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int old_status;

  old_status = stored_status (store, self->id, error);
  if (old_status < 0)
    return FALSE;

  if (self->status != REGIE_CASE_STATUS_CLOSED)
    clear_closing (self);
  else if (old_status != REGIE_CASE_STATUS_CLOSED || self->closed_at == NULL)
    set_stored_text (self, &self->closed_at, now, PROP_CLOSED_AT);

  stmt = _regie_stmt (store,
                      "UPDATE dossier SET question = ?1, status = ?2, arrival = ?3, referred_by = ?4, "
                      "  casemanager = ?5, notes = ?6, closed_at = ?7, outcome = ?8, "
                      "  outcome_note = ?9, satisfaction = ?10, last_activity = ?11, updated_at = ?11 "
                      "WHERE id = ?12;",
                      error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, self->question);
  _regie_bind_text (stmt, 2, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, self->status));
  _regie_bind_text (stmt, 3, _regie_enum_to_id (REGIE_TYPE_ARRIVAL, self->arrival));
  _regie_bind_text (stmt, 4, self->referred_by);
  _regie_bind_text (stmt, 5, self->casemanager);
  _regie_bind_text (stmt, 6, self->notes);
  _regie_bind_text_or_null (stmt, 7, self->closed_at);
  bind_outcome (stmt, 8, self->outcome);
  _regie_bind_text (stmt, 9, self->outcome_note);
  bind_satisfaction (stmt, 10, self->satisfaction);
  _regie_bind_text (stmt, 11, now);
  sqlite3_bind_int64 (stmt, 12, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);

  if (old_status != (int) self->status &&
      !record_status_change (store, self->id, now, old_status, self->status, actor, error))
    return FALSE;

  return write_themes (store, self, TRUE, error) &&
         _regie_search_index_case (store, self->id, error) &&
         regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_CASE, self->id, error);
}

gboolean
_regie_case_delete_in_tx (RegieStore  *store,
                          gint64       id,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(RegieStmt) find = NULL;
  g_autoptr(RegieStmt) remove = NULL;
  g_autoptr(RegieStmt) others = NULL;
  gint64 person_id;
  int rc;

  find = _regie_stmt (store, "SELECT person_id FROM dossier WHERE id = ?;", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    return not_found (error);
  if (rc != SQLITE_ROW)
    return _regie_sql_error (store, rc, error);
  person_id = sqlite3_column_int64 (find, 0);
  g_clear_pointer (&find, _regie_stmt_release);

  /* Themes, tasks and the status history go with it (ON DELETE CASCADE). */
  remove = _regie_stmt (store, "DELETE FROM dossier WHERE id = ?;", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  if (!_regie_search_unindex_case (store, id, error) ||
      !_regie_step_done (store, remove, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_CASE, id, error))
    return FALSE;

  /* A person exists for their dossiers: with the last one they go too. */
  others = _regie_stmt (store,
                        "DELETE FROM person WHERE id = ?1 "
                        "AND NOT EXISTS (SELECT 1 FROM dossier WHERE person_id = ?1);",
                        error);
  if (others == NULL)
    return FALSE;
  sqlite3_bind_int64 (others, 1, person_id);
  if (!_regie_step_done (store, others, error))
    return FALSE;

  if (sqlite3_changes (_regie_store_get_db (store)) > 0)
    return regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_PERSON, person_id, error);

  return TRUE;
}

static gboolean
load_themes (RegieStore  *store,
             RegieCase   *self,
             GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, "SELECT theme FROM case_theme WHERE case_id = ?;", error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (_regie_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);

  g_ptr_array_add (ids, NULL);
  g_strfreev (self->themes);
  self->themes = normalize_themes ((const char * const *) ids->pdata);
  return TRUE;
}

RegieCase *
regie_case_load (RegieStore  *store,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(RegieCase) self = NULL;
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      "SELECT d.id, d.person_id, d.question, d.status, d.arrival, d.referred_by, "
                      "  d.casemanager, d.notes, d.opened_at, d.closed_at, d.outcome, d.outcome_note, "
                      "  d.satisfaction, d.last_activity, " REGIE_PERSON_COLUMNS " "
                      "FROM dossier d JOIN person p ON p.id = d.person_id WHERE d.id = ?;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        not_found (error);
      else
        _regie_sql_error (store, rc, error);
      return NULL;
    }

  self = regie_case_new ();
  self->id = sqlite3_column_int64 (stmt, 0);
  self->person_id = sqlite3_column_int64 (stmt, 1);
  replace_string (&self->question, _regie_column_text (stmt, 2));
  self->status = _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, _regie_column_text (stmt, 3),
                                      REGIE_CASE_STATUS_NEW);
  self->arrival = _regie_enum_from_id (REGIE_TYPE_ARRIVAL, _regie_column_text (stmt, 4),
                                       REGIE_ARRIVAL_WALK_IN);
  replace_string (&self->referred_by, _regie_column_text (stmt, 5));
  replace_string (&self->casemanager, _regie_column_text (stmt, 6));
  replace_string (&self->notes, _regie_column_text (stmt, 7));
  replace_string (&self->opened_at, _regie_column_text (stmt, 8));
  replace_string (&self->closed_at, _regie_column_text (stmt, 9));
  self->outcome = _regie_enum_from_id (REGIE_TYPE_OUTCOME, _regie_column_text (stmt, 10),
                                       REGIE_OUTCOME_NONE);
  replace_string (&self->outcome_note, _regie_column_text (stmt, 11));
  self->satisfaction = sqlite3_column_int (stmt, 12);
  replace_string (&self->last_activity, _regie_column_text (stmt, 13));
  self->person = _regie_person_new_from_stmt (stmt, 14);
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (!load_themes (store, self, error))
    return NULL;

  g_clear_object (&self->tasks);
  self->tasks = _regie_task_load_for_case (store, self->id, error);
  if (self->tasks == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
forget_insert (RegieCase *self)
{
  self->id = 0;
  self->person_id = 0;
  set_stored_text (self, &self->opened_at, "", PROP_OPENED_AT);
  set_stored_text (self, &self->last_activity, "", PROP_LAST_ACTIVITY);
  set_stored_text (self, &self->closed_at, NULL, PROP_CLOSED_AT);
  if (self->person != NULL)
    {
      g_clear_object (&self->person);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

RegieCase *
regie_case_open (RegieStore  *store,
                 gint64       id,
                 const char  *actor,
                 GError     **error)
{
  g_autoptr(RegieCase) self = regie_case_load (store, id, error);

  if (self == NULL)
    return NULL;

  if (!regie_audit_record (store, actor, REGIE_AUDIT_VIEW, REGIE_AUDIT_CASE, id, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
regie_case_create (RegieStore   *store,
                   RegieCase    *self,
                   RegiePerson  *person,
                   const char   *actor,
                   GError      **error)
{
  g_autofree char *now = NULL;
  gboolean new_person;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_PERSON (person), FALSE);
  g_return_val_if_fail (self->id == 0, FALSE);

  new_person = regie_person_get_id (person) == 0;
  if ((new_person && !_regie_person_normalize (person, error)) || !check_case (self, error))
    return FALSE;

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  if ((new_person &&
       (!_regie_person_insert (store, person, now, error) ||
        !regie_audit_record (store, actor, REGIE_AUDIT_CREATE, REGIE_AUDIT_PERSON,
                             regie_person_get_id (person), error))) ||
      !_regie_case_insert (store, self, person, actor, now, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      /* Nothing was stored: the objects must not look saved, but keep what was typed. */
      forget_insert (self);
      if (new_person)
        _regie_person_forget_id (person);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char           *closed_at;
  RegieOutcome    outcome;
  char           *outcome_note;
  int             satisfaction;
  char           *last_activity;
} Closing;

static void
closing_save (RegieCase *self,
              Closing   *saved)
{
  saved->closed_at = g_strdup (self->closed_at);
  saved->outcome = self->outcome;
  saved->outcome_note = g_strdup (self->outcome_note);
  saved->satisfaction = self->satisfaction;
  saved->last_activity = g_strdup (self->last_activity);
}

static void
closing_restore (RegieCase *self,
                 Closing   *saved)
{
  set_stored_text (self, &self->closed_at, saved->closed_at, PROP_CLOSED_AT);
  regie_case_set_outcome (self, saved->outcome);
  regie_case_set_outcome_note (self, saved->outcome_note);
  regie_case_set_satisfaction (self, saved->satisfaction);
  set_stored_text (self, &self->last_activity, saved->last_activity, PROP_LAST_ACTIVITY);
}

static void
closing_clear (Closing *saved)
{
  g_free (saved->closed_at);
  g_free (saved->outcome_note);
  g_free (saved->last_activity);
}

gboolean
regie_case_save (RegieStore   *store,
                 RegieCase    *self,
                 const char   *actor,
                 GError      **error)
{
  g_autofree char *now = NULL;
  Closing saved;
  gboolean ok;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (self->id > 0, FALSE);

  if (!check_case (self, error))
    return FALSE;

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  closing_save (self, &saved);
  ok = _regie_case_update (store, self, actor, now, error) && regie_store_commit (store, error);
  if (!ok)
    {
      regie_store_rollback (store);
      closing_restore (self, &saved);
    }
  closing_clear (&saved);

  return ok;
}

gboolean
regie_case_change_status (RegieStore       *store,
                          RegieCase        *self,
                          RegieCaseStatus   status,
                          const char       *actor,
                          GError          **error)
{
  RegieCaseStatus before;

  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);

  before = self->status;
  regie_case_set_status (self, status);
  if (!regie_case_save (store, self, actor, error))
    {
      regie_case_set_status (self, before);
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_case_close (RegieStore    *store,
                  RegieCase     *self,
                  RegieOutcome   outcome,
                  const char    *note,
                  int            satisfaction,
                  const char    *actor,
                  GError       **error)
{
  RegieCaseStatus before;
  Closing saved;
  gboolean ok;

  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (satisfaction >= 0 && satisfaction <= 5, FALSE);

  before = self->status;
  closing_save (self, &saved);

  regie_case_set_status (self, REGIE_CASE_STATUS_CLOSED);
  regie_case_set_outcome (self, outcome);
  regie_case_set_outcome_note (self, note);
  regie_case_set_satisfaction (self, satisfaction);

  ok = regie_case_save (store, self, actor, error);
  if (!ok)
    {
      regie_case_set_status (self, before);
      closing_restore (self, &saved);
    }
  closing_clear (&saved);

  return ok;
}

gboolean
regie_case_reopen (RegieStore  *store,
                   RegieCase   *self,
                   const char  *actor,
                   GError     **error)
{
  return regie_case_change_status (store, self, REGIE_CASE_STATUS_IN_PROGRESS, actor, error);
}

gboolean
regie_case_delete (RegieStore  *store,
                   gint64       id,
                   const char  *actor,
                   GError     **error)
{
  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  if (!_regie_case_delete_in_tx (store, id, actor, error) ||
      !_regie_search_purge (store, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  return regie_store_commit (store, error);
}

GPtrArray *
regie_case_load_status_history (RegieStore  *store,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_status_change_free);
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      "SELECT at, from_status, to_status, actor FROM case_status_change "
                      "WHERE case_id = ? ORDER BY at, id;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegieStatusChange *change = g_new0 (RegieStatusChange, 1);

      change->at = g_strdup (_regie_column_text (stmt, 0));
      change->from_status = _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, _regie_column_text (stmt, 1), -1);
      change->to_status = _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, _regie_column_text (stmt, 2),
                                               REGIE_CASE_STATUS_NEW);
      change->actor = g_strdup (_regie_column_text (stmt, 3));
      g_ptr_array_add (history, change);
    }

  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&history);
}

/* Tasks */

static gboolean
check_task (const char  *what,
            const char  *due_date,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (what ? what : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_TASK_EMPTY,
                           _("Describe the task"));
      return FALSE;
    }

  if (due_date != NULL && *due_date != '\0' && !regie_iso_date_is_valid (due_date))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                           _("Type the date as day-month-year, for example 12-3-1980"));
      return FALSE;
    }

  return TRUE;
}

static void
resort_task (RegieCase *self,
             RegieTask *task)
{
  guint position;

  if (g_list_store_find (self->tasks, task, &position))
    {
      g_object_ref (task);
      g_list_store_remove (self->tasks, position);
      g_list_store_insert_sorted (self->tasks, task, compare_tasks, NULL);
      g_object_unref (task);
    }
}

RegieTask *
_regie_case_insert_task (RegieStore  *store,
                         RegieCase   *self,
                         const char  *what,
                         const char  *due_date,
                         const char  *actor,
                         const char  *now,
                         GError     **error)
{
  g_autoptr(RegieTask) task = regie_task_new (what, due_date);
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store,
                      "INSERT INTO task (case_id, what, due_date, created_at) VALUES (?, ?, ?, ?);",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->id);
  _regie_bind_text (stmt, 2, regie_task_get_what (task));
  _regie_bind_text_or_null (stmt, 3, regie_task_get_due_date (task));
  _regie_bind_text (stmt, 4, now);
  if (!_regie_step_done (store, stmt, error))
    return NULL;

  _regie_task_set_stored (task, sqlite3_last_insert_rowid (_regie_store_get_db (store)), self->id, now);

  if (!bump_activity (store, self->id, now, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_CREATE, REGIE_AUDIT_TASK,
                           regie_task_get_id (task), error))
    return NULL;

  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);
  g_list_store_insert_sorted (self->tasks, task, compare_tasks, NULL);

  return g_steal_pointer (&task);
}

RegieTask *
regie_case_add_task (RegieStore  *store,
                     RegieCase   *self,
                     const char  *what,
                     const char  *due_date,
                     const char  *actor,
                     GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *before = NULL;
  RegieTask *task;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_CASE (self), NULL);
  g_return_val_if_fail (self->id > 0, NULL);

  if (!check_task (what, due_date, error))
    return NULL;

  now = _regie_now ();
  before = g_strdup (self->last_activity);
  if (!regie_store_begin (store, error))
    return NULL;

  task = _regie_case_insert_task (store, self, what, due_date, actor, now, error);
  if (task == NULL || !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      if (task != NULL)
        {
          guint position;

          if (g_list_store_find (self->tasks, task, &position))
            g_list_store_remove (self->tasks, position);
          g_clear_object (&task);
        }
      set_stored_text (self, &self->last_activity, before, PROP_LAST_ACTIVITY);
      return NULL;
    }

  /* The case's task list holds it; the caller gets a reference of its own. */
  return task;
}

static gboolean
task_belongs (RegieCase *self,
              RegieTask *task)
{
  return regie_task_get_case_id (task) == self->id && regie_task_get_id (task) > 0;
}

static gboolean
check_changed_row (RegieStore  *store,
                   GError     **error)
{
  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This task no longer exists"));
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_case_save_task (RegieStore  *store,
                      RegieCase   *self,
                      RegieTask   *task,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_TASK (task) && task_belongs (self, task), FALSE);

  if (!check_task (regie_task_get_what (task), regie_task_get_due_date (task), error))
    return FALSE;

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "UPDATE task SET what = ?, due_date = ? WHERE id = ?;", error);
  if (stmt != NULL)
    {
      _regie_bind_text (stmt, 1, regie_task_get_what (task));
      _regie_bind_text_or_null (stmt, 2, regie_task_get_due_date (task));
      sqlite3_bind_int64 (stmt, 3, regie_task_get_id (task));
    }

  if (stmt == NULL ||
      !_regie_step_done (store, stmt, error) ||
      !check_changed_row (store, error) ||
      !bump_activity (store, self->id, now, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_TASK,
                           regie_task_get_id (task), error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);
  resort_task (self, task);
  return TRUE;
}

gboolean
_regie_case_update_task_done (RegieStore  *store,
                              RegieCase   *self,
                              RegieTask   *task,
                              gboolean     done,
                              const char  *actor,
                              const char  *now,
                              GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store, "UPDATE task SET done_at = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text_or_null (stmt, 1, done ? now : NULL);
  sqlite3_bind_int64 (stmt, 2, regie_task_get_id (task));

  if (!_regie_step_done (store, stmt, error) ||
      !check_changed_row (store, error) ||
      !bump_activity (store, self->id, now, error) ||
      !_regie_event_record_task_done (store, self->id, regie_task_get_id (task),
                                      regie_task_get_what (task), done, now, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_TASK,
                           regie_task_get_id (task), error))
    return FALSE;

  _regie_task_set_done_at (task, done ? now : NULL);
  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);
  resort_task (self, task);
  return TRUE;
}

gboolean
regie_case_set_task_done (RegieStore  *store,
                          RegieCase   *self,
                          RegieTask   *task,
                          gboolean     done,
                          const char  *actor,
                          GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *done_before = NULL;
  g_autofree char *activity_before = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_TASK (task) && task_belongs (self, task), FALSE);

  if (!!done == regie_task_get_done (task))
    return TRUE;

  now = _regie_now ();
  done_before = g_strdup (regie_task_get_done_at (task));
  activity_before = g_strdup (self->last_activity);
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!_regie_case_update_task_done (store, self, task, done, actor, now, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      _regie_task_set_done_at (task, done_before);
      set_stored_text (self, &self->last_activity, activity_before, PROP_LAST_ACTIVITY);
      resort_task (self, task);
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_case_remove_task (RegieStore  *store,
                        RegieCase   *self,
                        RegieTask   *task,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = NULL;
  guint position;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_TASK (task) && task_belongs (self, task), FALSE);

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM task WHERE id = ?;", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, regie_task_get_id (task));

  if (stmt == NULL ||
      !_regie_step_done (store, stmt, error) ||
      !check_changed_row (store, error) ||
      !bump_activity (store, self->id, now, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_TASK,
                           regie_task_get_id (task), error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  set_stored_text (self, &self->last_activity, now, PROP_LAST_ACTIVITY);
  if (g_list_store_find (self->tasks, task, &position))
    g_list_store_remove (self->tasks, position);

  return TRUE;
}
