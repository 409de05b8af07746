/* regie-event-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-event.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

#define REGIE_AUDIT_EVENT "event"

/* The columns _regie_event_new_from_stmt () reads, from a table aliased e. */
#define REGIE_EVENT_COLUMNS \
  "e.id, e.case_id, e.kind, e.when_at, e.precision, e.sort_key, e.duration_min, e.channel, " \
  "e.with_whom, e.organisation_id, e.contact_id, e.title, e.body, e.agreed, e.life_event, " \
  "e.letter_sender, e.letter_date, e.letter_ref, e.letter_subject, e.letter_asked, " \
  "e.deadline, e.line, e.callback, e.task_id, e.running, e.to_status, " \
  "coalesce((SELECT name FROM organisation WHERE id = e.organisation_id), ''), " \
  "coalesce((SELECT name FROM contact WHERE id = e.contact_id), '')"
#define REGIE_EVENT_N_COLUMNS 28

RegieEvent *_regie_event_new_from_stmt       (sqlite3_stmt *stmt,
                                              int           first_column);

/* Inside a transaction; now is the moment to record (the demo uses moments in the past).
 * No audit row and no last-activity bump: the caller does those for its own change. */
gboolean    _regie_event_insert              (RegieStore   *store,
                                              RegieEvent   *self,
                                              gint64        case_id,
                                              const char   *now,
                                              GError      **error);
gboolean    _regie_event_record_status_change (RegieStore  *store,
                                              gint64        case_id,
                                              const char   *now,
                                              int           from_status,
                                              int           to_status,
                                              GError      **error);
/* done FALSE removes the item again: the tick was taken back. */
gboolean    _regie_event_record_task_done    (RegieStore   *store,
                                              gint64        case_id,
                                              gint64        task_id,
                                              const char   *what,
                                              gboolean      done,
                                              const char   *now,
                                              GError      **error);

G_END_DECLS
