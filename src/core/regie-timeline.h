/* regie-timeline.h — a dossier's timeline, and the deadlines across all dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-event.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_TIMELINE (regie_timeline_get_type ())

G_DECLARE_FINAL_TYPE (RegieTimeline, regie_timeline, REGIE, TIMELINE, GObject)

/* A GListModel of the RegieEvents of one dossier, newest first (see 0003-timeline.sql for
 * where fuzzy dates go). The kind filter and the search text narrow what it holds; the
 * search finds every word typed in the title, text, agreements, letter fields or with-whom
 * (anywhere in a word; accents and case ignored). reload () reads the store again after a change. */
RegieTimeline *regie_timeline_new            (RegieStore     *store,
                                              gint64          case_id);
gint64         regie_timeline_get_case_id    (RegieTimeline  *self);
gboolean       regie_timeline_reload         (RegieTimeline  *self,
                                              GError        **error);
/* -1: all kinds. */
void           regie_timeline_set_kind       (RegieTimeline  *self,
                                              int             kind);
int            regie_timeline_get_kind       (RegieTimeline  *self);
void           regie_timeline_set_search     (RegieTimeline  *self,
                                              const char     *text);
/* All items, whatever the filter. */
guint          regie_timeline_get_n_total    (RegieTimeline  *self);
/* Whether the item at position starts a new month (or year) group; its header text. */
gboolean       regie_timeline_starts_group   (RegieTimeline  *self,
                                              guint           position);
char          *regie_timeline_group_label    (RegieEvent     *event);

/* A letter's deadline, as listed under "Deadlines this week". */
typedef struct
{
  gint64  event_id;
  gint64  case_id;
  char   *person_name;
  char   *title;
  char   *deadline;     /* YYYY-MM-DD */
  int     days_left;    /* negative: passed */
} RegieDeadline;

void           regie_deadline_free           (RegieDeadline  *deadline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieDeadline, regie_deadline_free)

/* Deadlines of dossiers that are not closed, from passed_days ago up to ahead_days from
 * today (Europe/Amsterdam; now NULL is the current time), soonest first. */
GPtrArray     *regie_deadlines_load          (RegieStore     *store,
                                              GDateTime      *now,
                                              int             passed_days,
                                              int             ahead_days,
                                              GError        **error);

G_END_DECLS
