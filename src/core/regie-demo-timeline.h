/* regie-demo-timeline.h — fictional timelines for the demo dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* After regie_demo_fill (): gives the open dossiers timelines with every kind of item,
 * life events at month and year precision, contact moments with agreements, and letters
 * whose deadlines fall this week or have just passed (relative to now, NULL: the current
 * time); the status histories show on the timelines too. */
gboolean  regie_demo_fill_timelines (RegieStore  *store,
                                     GDateTime   *now,
                                     GError     **error);

G_END_DECLS
