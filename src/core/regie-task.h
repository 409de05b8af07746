/* regie-task.h — a follow-up task of a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REGIE_TYPE_TASK (regie_task_get_type ())

G_DECLARE_FINAL_TYPE (RegieTask, regie_task, REGIE, TASK, GObject)

/* Tasks are added, changed, ticked off and removed through their dossier: see
 * regie_case_add_task () and the functions after it in regie-case.h. */
RegieTask   *regie_task_new           (const char *what,
                                       const char *due_date);

gint64       regie_task_get_id        (RegieTask  *self);
gint64       regie_task_get_case_id   (RegieTask  *self);
const char  *regie_task_get_what      (RegieTask  *self);
void         regie_task_set_what      (RegieTask  *self,
                                       const char *what);
const char  *regie_task_get_due_date  (RegieTask  *self);
void         regie_task_set_due_date  (RegieTask  *self,
                                       const char *iso_date);
const char  *regie_task_get_done_at   (RegieTask  *self);
gboolean     regie_task_get_done      (RegieTask  *self);
const char  *regie_task_get_created_at (RegieTask *self);

/* Not done and due before today (ISO date; NULL is the local date now). */
gboolean     regie_task_is_overdue    (RegieTask  *self,
                                       const char *today);

G_END_DECLS
