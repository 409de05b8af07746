/* regie-timeline-view.h — a dossier’s timeline on its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-store.h"
#include "regie-timeline.h"

G_BEGIN_DECLS

#define REGIE_TYPE_TIMELINE_VIEW (regie_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RegieTimelineView, regie_timeline_view, REGIE, TIMELINE_VIEW, AdwBin)

/* kase NULL lets go of the dossier. The view follows the dossier's last activity, so that
 * status changes and tasks done show up as they happen; it emits "changed" after an item
 * was added, changed or deleted here. */
void           regie_timeline_view_set_case     (RegieTimelineView *self,
                                                 RegieStore        *store,
                                                 RegieCase         *kase);
void           regie_timeline_view_reload       (RegieTimelineView *self);

/* For the tests and the screenshot tool. */
RegieTimeline *_regie_timeline_view_get_model   (RegieTimelineView *self);
GtkListBox    *_regie_timeline_view_get_list    (RegieTimelineView *self);

G_END_DECLS
