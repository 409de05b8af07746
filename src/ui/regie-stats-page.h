/* regie-stats-page.h — the Cijfers view: the programme's figures over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-stats.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_STATS_PAGE (regie_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieStatsPage, regie_stats_page, REGIE, STATS_PAGE, AdwBin)

RegieStore *regie_stats_page_get_store      (RegieStatsPage   *self);
void        regie_stats_page_set_store      (RegieStatsPage   *self,
                                             RegieStore       *store);
/* The figures on screen, NULL while the first count runs. */
RegieStats *regie_stats_page_get_stats      (RegieStatsPage   *self);
gboolean    regie_stats_page_get_busy       (RegieStatsPage   *self);
void        regie_stats_page_set_period     (RegieStatsPage   *self,
                                             RegieStatsPeriod  period);
/* For REGIE_STATS_PERIOD_CUSTOM: from and the last day, both included. */
void        regie_stats_page_set_custom_range (RegieStatsPage *self,
                                             const GDate      *from,
                                             const GDate      *last);

G_END_DECLS
