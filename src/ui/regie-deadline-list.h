/* regie-deadline-list.h — "Deadlines this week" across all dossiers, in the Dossiers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_DEADLINE_LIST (regie_deadline_list_get_type ())

G_DECLARE_FINAL_TYPE (RegieDeadlineList, regie_deadline_list, REGIE, DEADLINE_LIST, AdwBin)

/* Hidden while there is nothing to show. Reads the store again each time it is shown, and
 * emits "case-activated" (gint64 dossier id) when a deadline is clicked. */
void        regie_deadline_list_set_store (RegieDeadlineList *self,
                                           RegieStore        *store);
void        regie_deadline_list_reload    (RegieDeadlineList *self);

/* For the tests. */
GtkListBox *_regie_deadline_list_get_list (RegieDeadlineList *self);

G_END_DECLS
