/* regie-demo-network.h — an obviously fictional network for the demo store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* Adds organisations of every kind, "(demo)" in their names, with contacts and
 * professional lines; every number is 0800-0000xxx or 06-00000xxx and every address
 * is in 9999 XA Proefstad. Some entries were last checked over six months ago. Links a
 * few of the store's dossiers to them. One transaction. */
gboolean  regie_demo_network_fill (RegieStore  *store,
                                   GError     **error);

G_END_DECLS
