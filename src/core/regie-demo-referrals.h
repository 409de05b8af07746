/* regie-demo-referrals.h — a few fictional referrals for the demo store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* Refers some of the store's open dossiers to organisations of its network (fill those
 * first), leaving them in every state: a draft, handed over with the follow-up overdue,
 * accepted, declined, completed (succeeded and not) and withdrawn. */
gboolean  regie_demo_referrals_fill (RegieStore  *store,
                                     GError     **error);

G_END_DECLS
