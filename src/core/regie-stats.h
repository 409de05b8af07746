/* regie-stats.h — the figures the programme asks of every loket, over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

/* Periods are whole calendar days in Europe/Amsterdam, from the first day up to (not
 * including) the end day: [from, to). */
typedef enum
{
  REGIE_STATS_PERIOD_THIS_MONTH,
  REGIE_STATS_PERIOD_THIS_QUARTER,
  REGIE_STATS_PERIOD_LAST_QUARTER,
  REGIE_STATS_PERIOD_THIS_YEAR,
  REGIE_STATS_PERIOD_CUSTOM,
} RegieStatsPeriod;

/* The dates of a period around now (NULL: the current time), in Europe/Amsterdam.
 * Not for REGIE_STATS_PERIOD_CUSTOM. */
void         regie_stats_period_get_range (RegieStatsPeriod  period,
                                           GDateTime        *now,
                                           GDate            *from,
                                           GDate            *to);

/* Single numbers. Counts are whole; durations in minutes, times to close in days. */
typedef enum
{
  REGIE_STATS_INWONERS_HELPED,
  REGIE_STATS_CASES_HANDLED,
  REGIE_STATS_CASES_NEW,
  REGIE_STATS_CASES_CLOSED,
  REGIE_STATS_CONTACTS,
  REGIE_STATS_CONTACTS_WITH_DURATION,
  REGIE_STATS_CONTACT_MINUTES_TOTAL,
  REGIE_STATS_CONTACT_MINUTES_AVERAGE,
  REGIE_STATS_CONTACT_MINUTES_MEDIAN,
  REGIE_STATS_DAYS_TO_CLOSE_MEDIAN,
  REGIE_STATS_SATISFACTION_ANSWERED,
  REGIE_STATS_SATISFACTION_AVERAGE,
  REGIE_STATS_REFERRALS,
} RegieStatsFigure;

#define REGIE_STATS_N_FIGURES (REGIE_STATS_REFERRALS + 1)

/* Counts by category. Every category is there, also with 0, in a fixed order. */
typedef enum
{
  REGIE_STATS_BY_CHANNEL,          /* contact moments */
  REGIE_STATS_BY_SATISFACTION,     /* closed dossiers with a score: 1 … 5 */
  REGIE_STATS_BY_THEME,            /* dossiers handled; a dossier counts once per theme */
  REGIE_STATS_BY_ARRIVAL,          /* new dossiers: how people came */
  REGIE_STATS_BY_OUTCOME,          /* closed dossiers */
  REGIE_STATS_BY_REFERRAL_KIND,    /* referrals handed over, by kind of receiving organisation */
  REGIE_STATS_BY_REFERRAL_STATE,
  REGIE_STATS_BY_REFERRAL_SUCCESS,
} RegieStatsBreakdown;

#define REGIE_STATS_N_BREAKDOWNS (REGIE_STATS_BY_REFERRAL_SUCCESS + 1)

const char  *regie_stats_figure_get_label    (RegieStatsFigure     figure);
const char  *regie_stats_breakdown_get_title (RegieStatsBreakdown  breakdown);

#define REGIE_TYPE_STATS (regie_stats_get_type ())

G_DECLARE_FINAL_TYPE (RegieStats, regie_stats, REGIE, STATS, GObject)

/* What is counted (also in the README and the export):
 * - a dossier is *handled* in the period when it was opened or closed in it, or has a
 *   contact moment, a professional-line call or a referral dated in it;
 * - *inwoners helped*: the different persons of the dossiers handled;
 * - *contact moments*: timeline items of kind contact moment dated in the period, that
 *   have taken place (not later than now, and not a visit that is still running);
 *   durations over those with a duration;
 * - new: opened in the period; closed: closed in the period (and not reopened since);
 *   outcomes, satisfaction and time to close are of the dossiers closed in the period;
 * - referrals: handed over in the period (drafts are not referrals yet); their state and
 *   result are as they are now.
 * Averages and medians of nothing have no value: regie_stats_has_value () is FALSE. */
void         regie_stats_get_range       (RegieStats          *self,
                                          GDate               *from,
                                          GDate               *to);
gboolean     regie_stats_has_value       (RegieStats          *self,
                                          RegieStatsFigure     figure);
double       regie_stats_get_value       (RegieStats          *self,
                                          RegieStatsFigure     figure);
/* Averages, medians: one decimal with decimal_mark ('.' or ','); counts whole; "" when
 * there is no value. */
gboolean     regie_stats_figure_is_decimal (RegieStatsFigure   figure);
char        *regie_stats_format_value    (RegieStats          *self,
                                          RegieStatsFigure     figure,
                                          char                 decimal_mark);
/* Whether the store has referrals at all (a schema with the referral table). */
gboolean     regie_stats_has_referrals   (RegieStats          *self);
guint        regie_stats_get_n_rows      (RegieStats          *self,
                                          RegieStatsBreakdown  breakdown);
/* A stable ASCII id ("desk", "schulden", "3" …) and its label in the interface language. */
const char  *regie_stats_get_row_id      (RegieStats          *self,
                                          RegieStatsBreakdown  breakdown,
                                          guint                row);
const char  *regie_stats_get_row_label   (RegieStats          *self,
                                          RegieStatsBreakdown  breakdown,
                                          guint                row);
gint64       regie_stats_get_row_count   (RegieStats          *self,
                                          RegieStatsBreakdown  breakdown,
                                          guint                row);

/* Called in the thread that started the work, with the part done (0 … 1). */
typedef void (*RegieStatsProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Computes on this connection, in this thread; now: what "taken place" means (NULL: the
 * current time). Cancelling stops a running query. */
RegieStats  *regie_stats_compute         (RegieStore          *store,
                                          const GDate         *from,
                                          const GDate         *to,
                                          GDateTime           *now,
                                          GCancellable        *cancellable,
                                          RegieStatsProgressFunc progress,
                                          gpointer             progress_data,
                                          GError             **error);
/* The same in a worker thread on a connection of its own (see
 * regie_store_open_worker_connection ()): the store stays free for the window. progress
 * is called in the thread-default main context of the caller, and never once cancellable
 * is cancelled: cancel it before progress_data goes away. */
void         regie_stats_compute_async   (RegieStore          *store,
                                          const GDate         *from,
                                          const GDate         *to,
                                          GCancellable        *cancellable,
                                          RegieStatsProgressFunc progress,
                                          gpointer             progress_data,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
RegieStats  *regie_stats_compute_finish  (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
