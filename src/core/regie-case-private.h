/* regie-case-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-case.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

/* The parts of the public writes, to be run inside a transaction; now is the moment to
 * record (the demo uses moments in the past). */
gboolean   _regie_case_insert       (RegieStore   *store,
                                     RegieCase    *self,
                                     RegiePerson  *person,
                                     const char   *actor,
                                     const char   *now,
                                     GError      **error);
gboolean   _regie_case_update       (RegieStore   *store,
                                     RegieCase    *self,
                                     const char   *actor,
                                     const char   *now,
                                     GError      **error);
gboolean   _regie_case_delete_in_tx (RegieStore   *store,
                                     gint64        id,
                                     const char   *actor,
                                     GError      **error);
RegieTask *_regie_case_insert_task  (RegieStore   *store,
                                     RegieCase    *self,
                                     const char   *what,
                                     const char   *due_date,
                                     const char   *actor,
                                     const char   *now,
                                     GError      **error);
gboolean   _regie_case_update_task_done (RegieStore *store,
                                     RegieCase    *self,
                                     RegieTask    *task,
                                     gboolean      done,
                                     const char   *actor,
                                     const char   *now,
                                     GError      **error);

G_END_DECLS
