/* regie-demo.h — obviously fictional inwoners and dossiers, for the demo and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* Fills store with n_cases dossiers of at least 30 (or n_cases, if fewer) inwoners with
 * made-up names (Voorbeeld, Proef, Test, Demo …), postcodes 9xxx X?, phone numbers
 * 06-000…, e-mail at voorbeeld.invalid and BSNs counted up from 990000000 that pass the
 * elfproef. From 25 dossiers on, every theme, status and outcome occurs; there are tasks
 * (some overdue), status histories and audit rows. The same seed gives the same data. */
gboolean  regie_demo_fill       (RegieStore  *store,
                                 guint        n_cases,
                                 guint32      seed,
                                 GError     **error);
/* The same with the number of inwoners chosen; written in large transactions. */
gboolean  regie_demo_fill_sized (RegieStore  *store,
                                 guint        n_persons,
                                 guint        n_cases,
                                 guint32      seed,
                                 GError     **error);
/* The index-th generated BSN (0, 1, …): 9 digits, passes the elfproef. */
char     *regie_demo_bsn        (guint        index);

G_END_DECLS
