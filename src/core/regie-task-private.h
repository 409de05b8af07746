/* regie-task-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-sql-private.h"
#include "regie-task.h"

G_BEGIN_DECLS

void        _regie_task_set_stored    (RegieTask    *self,
                                       gint64        id,
                                       gint64        case_id,
                                       const char   *created_at);
void        _regie_task_set_done_at   (RegieTask    *self,
                                       const char   *done_at);
GListStore *_regie_task_load_for_case (RegieStore   *store,
                                       gint64        case_id,
                                       GError      **error);

G_END_DECLS
