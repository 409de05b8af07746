/* regie-visit-bar.h — the visit timer at the top of the dossier page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_VISIT_BAR (regie_visit_bar_get_type ())

G_DECLARE_FINAL_TYPE (RegieVisitBar, regie_visit_bar, REGIE, VISIT_BAR, AdwBin)

/* "Start Visit" opens a contact moment now; while it runs a banner shows since when and
 * how long, with "End Visit", which fills in the duration and opens the item to write down
 * what was discussed. Emits "changed" after either. kase NULL lets go of the dossier. */
void        regie_visit_bar_set_case   (RegieVisitBar *self,
                                        RegieStore    *store,
                                        RegieCase     *kase);
/* Reads again whether a visit runs (after the timeline changed). */
void        regie_visit_bar_sync       (RegieVisitBar *self);
gboolean    regie_visit_bar_is_running (RegieVisitBar *self);

G_END_DECLS
