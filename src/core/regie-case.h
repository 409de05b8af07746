/* regie-case.h — a dossier: an inwoner's question for help, followed to an outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-person.h"
#include "regie-store.h"
#include "regie-task.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_CASE_STATUS_NEW,
  REGIE_CASE_STATUS_IN_PROGRESS,
  REGIE_CASE_STATUS_REFERRED,
  REGIE_CASE_STATUS_WAITING_FOR_OTHERS,
  REGIE_CASE_STATUS_CLOSED,
} RegieCaseStatus;

typedef enum
{
  REGIE_ARRIVAL_WALK_IN,
  REGIE_ARRIVAL_APPOINTMENT,
  REGIE_ARRIVAL_REFERRED_BY_ORGANISATION,   /* who: referred-by */
} RegieArrival;

typedef enum
{
  REGIE_OUTCOME_NONE,                       /* not closed */
  REGIE_OUTCOME_SOLVED,
  REGIE_OUTCOME_PARTLY_SOLVED,
  REGIE_OUTCOME_NOT_SOLVED,
  REGIE_OUTCOME_NO_ENTITLEMENT_EXPLAINED,
  REGIE_OUTCOME_CITIZEN_WITHDREW,
} RegieOutcome;

#define REGIE_TYPE_CASE_STATUS (regie_case_status_get_type ())
#define REGIE_TYPE_ARRIVAL     (regie_arrival_get_type ())
#define REGIE_TYPE_OUTCOME     (regie_outcome_get_type ())

GType          regie_case_status_get_type   (void) G_GNUC_CONST;
GType          regie_arrival_get_type       (void) G_GNUC_CONST;
GType          regie_outcome_get_type       (void) G_GNUC_CONST;
const char    *regie_case_status_get_label  (RegieCaseStatus status);
const char    *regie_arrival_get_label      (RegieArrival    arrival);
const char    *regie_outcome_get_label      (RegieOutcome    outcome);

/* One entry of a dossier's status history; from_status is -1 for the opening. */
typedef struct
{
  char            *at;
  int              from_status;
  RegieCaseStatus  to_status;
  char            *actor;
} RegieStatusChange;

void           regie_status_change_free     (RegieStatusChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieStatusChange, regie_status_change_free)

#define REGIE_TYPE_CASE (regie_case_get_type ())

G_DECLARE_FINAL_TYPE (RegieCase, regie_case, REGIE, CASE, GObject)

/* Every property has a getter (and a setter where the casemanager can change it). Text is
 * never NULL (unset is ""), except closed-at. "person" is the inwoner, loaded with the case;
 * "tasks" a GListModel of RegieTask: open tasks by due date, then the done ones. */
RegieCase     *regie_case_new               (void);

gint64         regie_case_get_id            (RegieCase        *self);
gint64         regie_case_get_person_id     (RegieCase        *self);
RegiePerson   *regie_case_get_person        (RegieCase        *self);
const char    *regie_case_get_question      (RegieCase        *self);
void           regie_case_set_question      (RegieCase        *self,
                                             const char       *question);
const char * const *regie_case_get_themes   (RegieCase        *self);
void           regie_case_set_themes        (RegieCase        *self,
                                             const char * const *theme_ids);
gboolean       regie_case_has_theme         (RegieCase        *self,
                                             const char       *theme_id);
RegieCaseStatus regie_case_get_status       (RegieCase        *self);
void           regie_case_set_status        (RegieCase        *self,
                                             RegieCaseStatus   status);
RegieArrival   regie_case_get_arrival       (RegieCase        *self);
void           regie_case_set_arrival       (RegieCase        *self,
                                             RegieArrival      arrival);
const char    *regie_case_get_referred_by   (RegieCase        *self);
void           regie_case_set_referred_by   (RegieCase        *self,
                                             const char       *referred_by);
const char    *regie_case_get_casemanager   (RegieCase        *self);
void           regie_case_set_casemanager   (RegieCase        *self,
                                             const char       *casemanager);
const char    *regie_case_get_notes         (RegieCase        *self);
void           regie_case_set_notes         (RegieCase        *self,
                                             const char       *notes);
RegieOutcome   regie_case_get_outcome       (RegieCase        *self);
void           regie_case_set_outcome       (RegieCase        *self,
                                             RegieOutcome      outcome);
const char    *regie_case_get_outcome_note  (RegieCase        *self);
void           regie_case_set_outcome_note  (RegieCase        *self,
                                             const char       *note);
int            regie_case_get_satisfaction  (RegieCase        *self);
void           regie_case_set_satisfaction  (RegieCase        *self,
                                             int               satisfaction);
const char    *regie_case_get_opened_at     (RegieCase        *self);
const char    *regie_case_get_closed_at     (RegieCase        *self);
const char    *regie_case_get_last_activity (RegieCase        *self);
GListModel    *regie_case_get_tasks         (RegieCase        *self);

/* The store side. Each write is one transaction that also keeps the search index in step,
 * bumps last-activity and writes an audit row (actor: see regie_audit_record ()). Input
 * errors are REGIE_VALIDATE_ERROR; a dossier that is gone is G_IO_ERROR_NOT_FOUND.
 *
 * open: loads (with person and tasks) and records that the casemanager viewed it.
 * load: the same without the audit row, e.g. to show it again after a change.
 * create: saves a new dossier; a person with id 0 is checked and created with it,
 *   otherwise the dossier goes to that existing person (their own changes are saved with
 *   regie_person_save ()).
 * save: writes the changed fields. A status change is recorded in the status history;
 *   closing needs an outcome; a status other than closed clears closed-at, outcome, its
 *   note and the satisfaction (the history keeps the earlier closing).
 * set_status, close, reopen: set the fields and save.
 * delete: removes the dossier, its tasks, history and search entry for good (secure
 *   delete), and the person with it when it was their last dossier. */
RegieCase     *regie_case_open              (RegieStore       *store,
                                             gint64            id,
                                             const char       *actor,
                                             GError          **error);
RegieCase     *regie_case_load              (RegieStore       *store,
                                             gint64            id,
                                             GError          **error);
gboolean       regie_case_create            (RegieStore       *store,
                                             RegieCase        *self,
                                             RegiePerson      *person,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_save              (RegieStore       *store,
                                             RegieCase        *self,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_change_status     (RegieStore       *store,
                                             RegieCase        *self,
                                             RegieCaseStatus   status,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_close             (RegieStore       *store,
                                             RegieCase        *self,
                                             RegieOutcome      outcome,
                                             const char       *note,
                                             int               satisfaction,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_reopen            (RegieStore       *store,
                                             RegieCase        *self,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_delete            (RegieStore       *store,
                                             gint64            id,
                                             const char       *actor,
                                             GError          **error);
GPtrArray     *regie_case_load_status_history (RegieStore     *store,
                                             gint64            id,
                                             GError          **error);

/* Tasks go through their dossier, so that its task list and last activity stay right. */
RegieTask     *regie_case_add_task          (RegieStore       *store,
                                             RegieCase        *self,
                                             const char       *what,
                                             const char       *due_date,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_save_task         (RegieStore       *store,
                                             RegieCase        *self,
                                             RegieTask        *task,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_set_task_done     (RegieStore       *store,
                                             RegieCase        *self,
                                             RegieTask        *task,
                                             gboolean          done,
                                             const char       *actor,
                                             GError          **error);
gboolean       regie_case_remove_task       (RegieStore       *store,
                                             RegieCase        *self,
                                             RegieTask        *task,
                                             const char       *actor,
                                             GError          **error);

G_END_DECLS
