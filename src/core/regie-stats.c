/* regie-stats.c — the figures the programme asks of every loket, over a period
 *
 * Everything is counted from what casemanagers enter anyway; nothing here reads a name,
 * a question or any other free text. What each figure means is in regie-stats.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-case.h"
#include "regie-event.h"
#include "regie-organisation.h"
#include "regie-sql-private.h"
#include "regie-stats.h"
#include "regie-theme.h"

/* Progress steps: the queries below, in order. */
enum {
  STEP_HANDLED,
  STEP_NEW,
  STEP_CLOSED,
  STEP_CONTACTS,
  STEP_REFERRALS,
  N_STEPS
};

typedef struct
{
  char   *id;
  char   *label;
  gint64  count;
} Row;

struct _RegieStats
{
  GObject   parent_instance;

  GDate     from;
  GDate     to;
  double    values[REGIE_STATS_N_FIGURES];
  gboolean  has_value[REGIE_STATS_N_FIGURES];
  GArray   *rows[REGIE_STATS_N_BREAKDOWNS];   /* of Row */
  guint     has_referrals : 1;
};

G_DEFINE_FINAL_TYPE (RegieStats, regie_stats, G_TYPE_OBJECT)

static const char * const figure_labels[] = {
  [REGIE_STATS_INWONERS_HELPED]          = N_("Residents helped"),
  [REGIE_STATS_CASES_HANDLED]            = N_("Cases handled"),
  [REGIE_STATS_CASES_NEW]                = N_("New cases"),
  [REGIE_STATS_CASES_CLOSED]             = N_("Closed cases"),
  [REGIE_STATS_CONTACTS]                 = N_("Contact moments"),
  [REGIE_STATS_CONTACTS_WITH_DURATION]   = N_("Contact moments with a duration"),
  [REGIE_STATS_CONTACT_MINUTES_TOTAL]    = N_("Total duration of contact moments (minutes)"),
  [REGIE_STATS_CONTACT_MINUTES_AVERAGE]  = N_("Average duration of a contact moment (minutes)"),
  [REGIE_STATS_CONTACT_MINUTES_MEDIAN]   = N_("Median duration of a contact moment (minutes)"),
  [REGIE_STATS_DAYS_TO_CLOSE_MEDIAN]     = N_("Median time from opening to closing (days)"),
  [REGIE_STATS_SATISFACTION_ANSWERED]    = N_("Satisfaction scores given"),
  [REGIE_STATS_SATISFACTION_AVERAGE]     = N_("Average satisfaction (1 to 5)"),
  [REGIE_STATS_REFERRALS]                = N_("Referrals made"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (figure_labels) == REGIE_STATS_N_FIGURES);

static const char * const breakdown_titles[] = {
  [REGIE_STATS_BY_CHANNEL]          = N_("Contact moments by channel"),
  [REGIE_STATS_BY_SATISFACTION]     = N_("Satisfaction"),
  [REGIE_STATS_BY_THEME]            = N_("Cases by theme"),
  [REGIE_STATS_BY_ARRIVAL]          = N_("How people came"),
  [REGIE_STATS_BY_OUTCOME]          = N_("Outcomes"),
  [REGIE_STATS_BY_REFERRAL_KIND]    = N_("Referrals by kind of organisation"),
  [REGIE_STATS_BY_REFERRAL_STATE]   = N_("Referrals by state"),
  [REGIE_STATS_BY_REFERRAL_SUCCESS] = N_("Referrals by result"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (breakdown_titles) == REGIE_STATS_N_BREAKDOWNS);

/* The states a handed-over referral can be in (0005-referrals.sql); drafts are not
 * referrals yet. */
static const struct { const char *id; const char *label; } referral_states[] = {
  { "handed_over", NC_("referral state", "Handed over") },
  { "accepted",    NC_("referral state", "Accepted") },
  { "declined",    NC_("referral state", "Declined") },
  { "completed",   NC_("referral state", "Completed") },
  { "withdrawn",   NC_("referral state", "Withdrawn") },
};

static const struct { const char *id; const char *label; } referral_results[] = {
  { "success", NC_("referral result", "Succeeded") },
  { "failure", NC_("referral result", "Did not succeed") },
  { "open",    NC_("referral result", "Not finished yet") },
};

const char *
regie_stats_figure_get_label (RegieStatsFigure figure)
{
  g_return_val_if_fail (figure < REGIE_STATS_N_FIGURES, NULL);
  return _(figure_labels[figure]);
}

const char *
regie_stats_breakdown_get_title (RegieStatsBreakdown breakdown)
{
  g_return_val_if_fail (breakdown < REGIE_STATS_N_BREAKDOWNS, NULL);
  return _(breakdown_titles[breakdown]);
}

void
regie_stats_period_get_range (RegieStatsPeriod  period,
                              GDateTime        *now,
                              GDate            *from,
                              GDate            *to)
{
  g_autoptr(GDateTime) here = NULL;
  int year, month, quarter_month;

  g_return_if_fail (period != REGIE_STATS_PERIOD_CUSTOM);
  g_return_if_fail (from != NULL && to != NULL);

  here = now ? g_date_time_to_timezone (now, regie_event_time_zone ())
             : g_date_time_new_now (regie_event_time_zone ());
  year = g_date_time_get_year (here);
  month = g_date_time_get_month (here);
  quarter_month = (month - 1) / 3 * 3 + 1;

  g_date_clear (from, 1);
  g_date_clear (to, 1);

  switch (period)
    {
    case REGIE_STATS_PERIOD_THIS_MONTH:
      g_date_set_dmy (from, 1, month, year);
      *to = *from;
      g_date_add_months (to, 1);
      break;
    case REGIE_STATS_PERIOD_THIS_QUARTER:
      g_date_set_dmy (from, 1, quarter_month, year);
      *to = *from;
      g_date_add_months (to, 3);
      break;
    case REGIE_STATS_PERIOD_LAST_QUARTER:
      g_date_set_dmy (to, 1, quarter_month, year);
      *from = *to;
      g_date_subtract_months (from, 3);
      break;
    case REGIE_STATS_PERIOD_THIS_YEAR:
      g_date_set_dmy (from, 1, 1, year);
      g_date_set_dmy (to, 1, 1, year + 1);
      break;
    case REGIE_STATS_PERIOD_CUSTOM:
    default:
      g_assert_not_reached ();
    }
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->label);
}

static void
add_row (RegieStats          *self,
         RegieStatsBreakdown  breakdown,
         const char          *id,
         const char          *label)
{
  Row row = { g_strdup (id), g_strdup (label), 0 };

  g_array_append_val (self->rows[breakdown], row);
}

/* The categories, all of them, before anything is counted: a zero is a figure too. */
static void
add_categories (RegieStats *self)
{
  g_autoptr(GEnumClass) channels = g_type_class_ref (REGIE_TYPE_CHANNEL);
  g_autoptr(GEnumClass) arrivals = g_type_class_ref (REGIE_TYPE_ARRIVAL);
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (REGIE_TYPE_OUTCOME);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (REGIE_TYPE_ORGANISATION_KIND);

  for (guint i = 0; i < channels->n_values; i++)
    add_row (self, REGIE_STATS_BY_CHANNEL, channels->values[i].value_nick,
             regie_channel_get_label (channels->values[i].value));

  for (int score = 1; score <= 5; score++)
    {
      char id[2] = { '0' + score, '\0' };

      add_row (self, REGIE_STATS_BY_SATISFACTION, id, id);
    }

  for (guint i = 0; i < regie_theme_get_count (); i++)
    add_row (self, REGIE_STATS_BY_THEME, regie_theme_get_ids ()[i],
             regie_theme_get_label (regie_theme_get_ids ()[i]));

  for (guint i = 0; i < arrivals->n_values; i++)
    add_row (self, REGIE_STATS_BY_ARRIVAL, arrivals->values[i].value_nick,
             regie_arrival_get_label (arrivals->values[i].value));

  /* "none" is "not closed": never an outcome of a closed dossier. */
  for (guint i = 0; i < outcomes->n_values; i++)
    if (outcomes->values[i].value != REGIE_OUTCOME_NONE)
      add_row (self, REGIE_STATS_BY_OUTCOME, outcomes->values[i].value_nick,
               regie_outcome_get_label (outcomes->values[i].value));

  for (guint i = 0; i < kinds->n_values; i++)
    add_row (self, REGIE_STATS_BY_REFERRAL_KIND, kinds->values[i].value_nick,
             regie_organisation_kind_get_label (kinds->values[i].value));

  for (guint i = 0; i < G_N_ELEMENTS (referral_states); i++)
    add_row (self, REGIE_STATS_BY_REFERRAL_STATE, referral_states[i].id,
             g_dpgettext2 (GETTEXT_PACKAGE, "referral state", referral_states[i].label));

  for (guint i = 0; i < G_N_ELEMENTS (referral_results); i++)
    add_row (self, REGIE_STATS_BY_REFERRAL_SUCCESS, referral_results[i].id,
             g_dpgettext2 (GETTEXT_PACKAGE, "referral result", referral_results[i].label));
}

/* Counts one under the category id; unknown ids (a newer Regie's) go to fallback_id. */
static void
count_row (RegieStats          *self,
           RegieStatsBreakdown  breakdown,
           const char          *id,
           const char          *fallback_id,
           gint64               n)
{
  GArray *rows = self->rows[breakdown];

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);

          if (g_strcmp0 (row->id, id) == 0)
            {
              row->count += n;
              return;
            }
        }

      if (fallback_id == NULL)
        return;
      id = fallback_id;
    }
}

static void
set_value (RegieStats       *self,
           RegieStatsFigure  figure,
           double            value)
{
  self->values[figure] = value;
  self->has_value[figure] = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The middle value, or the mean of the two middle values for an even count. */
static gboolean
median (GArray *values,
        double *out)
{
  guint n = values->len;

  if (n == 0)
    return FALSE;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    *out = g_array_index (values, double, n / 2);
  else
    *out = (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2.0;

  return TRUE;
}

/* "2026-03-01T00:00:00.000Z" for 00:00 on that day in Europe/Amsterdam: the stored
 * timestamps and sort keys compare as text against it. */
static char *
utc_start_of (const GDate *date)
{
  g_autoptr(GDateTime) local = g_date_time_new (regie_event_time_zone (),
                                                g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
}

static int
on_progress_handler_cb (void *user_data)
{
  /* Non-zero interrupts the statement that runs: a long query stops at once. */
  return g_cancellable_is_cancelled (user_data);
}

typedef struct
{
  RegieStore    *store;
  GCancellable  *cancellable;
  const char    *from;
  const char    *to;
  const char    *until;    /* min (to, now): what has taken place */
} Query;

static gboolean
query_failed (Query   *q,
              int      rc,
              GError **error)
{
  if (g_cancellable_set_error_if_cancelled (q->cancellable, error))
    return FALSE;

  return _regie_sql_error (q->store, rc, error);
}

static RegieOwnedStmt *
prepare (Query       *q,
         const char  *sql,
         GError     **error)
{
  RegieOwnedStmt *stmt;

  if (g_cancellable_set_error_if_cancelled (q->cancellable, error))
    return NULL;

  /* Own statements, not the store's cache: this may be a worker connection used once. */
  stmt = _regie_prepare (q->store, sql, error);
  if (stmt == NULL)
    return NULL;

  /* A statement without ?3 (or any) refuses that binding quietly (SQLITE_RANGE). */
  _regie_bind_text (stmt, 1, q->from);
  _regie_bind_text (stmt, 2, q->to);
  _regie_bind_text (stmt, 3, q->until);
  return stmt;
}

#define HANDLED_CASES \
  "WITH handled (id) AS (" \
  "  SELECT id FROM dossier WHERE opened_at >= ?1 AND opened_at < ?2 " \
  "  UNION SELECT id FROM dossier WHERE closed_at >= ?1 AND closed_at < ?2 " \
  "  UNION SELECT case_id FROM event " \
  "    WHERE kind IN ('contact', 'professional_call', 'referral') AND running = 0 " \
  "      AND sort_key >= ?1 AND sort_key < ?3) "

/* One pass over the dossiers handled: how many, by how many different inwoners, and their
 * themes (the handled set is the costly part over years of data: it is found once). */
static gboolean
compute_handled (RegieStats  *self,
                 Query       *q,
                 GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = prepare (q, HANDLED_CASES
                                            "SELECT d.person_id, "
                                            "  (SELECT group_concat (theme, ' ') FROM case_theme WHERE case_id = h.id) "
                                            "FROM handled h JOIN dossier d ON d.id = h.id;",
                                            error);
  g_autoptr(GHashTable) persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 cases = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      const char *themes = _regie_column_text (stmt, 1);

      cases++;
      if (!g_hash_table_contains (persons, &person))
        {
          gint64 *key = g_new (gint64, 1);

          *key = person;
          g_hash_table_add (persons, key);
        }

      if (themes != NULL && *themes)
        {
          g_auto(GStrv) ids = g_strsplit (themes, " ", -1);

          for (guint i = 0; ids[i]; i++)
            count_row (self, REGIE_STATS_BY_THEME, ids[i], "overig", 1);
        }
    }
  if (rc != SQLITE_DONE)
    return query_failed (q, rc, error);

  set_value (self, REGIE_STATS_CASES_HANDLED, cases);
  set_value (self, REGIE_STATS_INWONERS_HELPED, g_hash_table_size (persons));
  return TRUE;
}

static gboolean
compute_new (RegieStats  *self,
             Query       *q,
             GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = prepare (q,
                                            "SELECT arrival, count(*) FROM dossier "
                                            "WHERE opened_at >= ?1 AND opened_at < ?2 GROUP BY arrival;",
                                            error);
  gint64 total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      count_row (self, REGIE_STATS_BY_ARRIVAL, _regie_column_text (stmt, 0), "walk_in",
                 sqlite3_column_int64 (stmt, 1));
      total += sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return query_failed (q, rc, error);

  set_value (self, REGIE_STATS_CASES_NEW, total);
  return TRUE;
}

static gboolean
compute_closed (RegieStats  *self,
                Query       *q,
                GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = prepare (q,
                                            "SELECT outcome, satisfaction, "
                                            "  julianday (closed_at) - julianday (opened_at) "
                                            "FROM dossier WHERE closed_at >= ?1 AND closed_at < ?2;",
                                            error);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 closed = 0, answered = 0, score_sum = 0;
  double middle;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double d = MAX (0.0, sqlite3_column_double (stmt, 2));

      closed++;
      count_row (self, REGIE_STATS_BY_OUTCOME, _regie_column_text (stmt, 0), "solved", 1);
      if (sqlite3_column_type (stmt, 1) == SQLITE_INTEGER)
        {
          int score = sqlite3_column_int (stmt, 1);
          char id[2] = { '0' + CLAMP (score, 1, 5), '\0' };

          count_row (self, REGIE_STATS_BY_SATISFACTION, id, NULL, 1);
          answered++;
          score_sum += CLAMP (score, 1, 5);
        }
      g_array_append_val (days, d);
    }
  if (rc != SQLITE_DONE)
    return query_failed (q, rc, error);

  set_value (self, REGIE_STATS_CASES_CLOSED, closed);
  set_value (self, REGIE_STATS_SATISFACTION_ANSWERED, answered);
  if (answered > 0)
    set_value (self, REGIE_STATS_SATISFACTION_AVERAGE, (double) score_sum / answered);
  if (median (days, &middle))
    set_value (self, REGIE_STATS_DAYS_TO_CLOSE_MEDIAN, middle);

  return TRUE;
}

static gboolean
compute_contacts (RegieStats  *self,
                  Query       *q,
                  GError     **error)
{
  g_autoptr(RegieOwnedStmt) stmt = prepare (q,
                                            "SELECT channel, duration_min FROM event "
                                            "WHERE kind = 'contact' AND running = 0 "
                                            "  AND sort_key >= ?1 AND sort_key < ?3;",
                                            error);
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 contacts = 0;
  double total = 0, middle;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *channel = _regie_column_text (stmt, 0);

      contacts++;
      count_row (self, REGIE_STATS_BY_CHANNEL, *channel ? channel : "none", "none", 1);
      if (sqlite3_column_type (stmt, 1) == SQLITE_INTEGER)
        {
          double m = sqlite3_column_int64 (stmt, 1);

          total += m;
          g_array_append_val (minutes, m);
        }
    }
  if (rc != SQLITE_DONE)
    return query_failed (q, rc, error);

  set_value (self, REGIE_STATS_CONTACTS, contacts);
  set_value (self, REGIE_STATS_CONTACTS_WITH_DURATION, minutes->len);
  set_value (self, REGIE_STATS_CONTACT_MINUTES_TOTAL, total);
  if (minutes->len > 0)
    set_value (self, REGIE_STATS_CONTACT_MINUTES_AVERAGE, total / minutes->len);
  if (median (minutes, &middle))
    set_value (self, REGIE_STATS_CONTACT_MINUTES_MEDIAN, middle);

  return TRUE;
}

static gboolean
compute_referrals (RegieStats  *self,
                   Query       *q,
                   GError     **error)
{
  g_autoptr(RegieOwnedStmt) exists = NULL;
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  gint64 total = 0;
  int rc;

  /* Referrals came with a later schema step: look for the table rather than a number. */
  exists = prepare (q, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'referral';",
                    error);
  if (exists == NULL)
    return FALSE;
  rc = sqlite3_step (exists);
  if (rc != SQLITE_ROW)
    return query_failed (q, rc, error);
  if (sqlite3_column_int (exists, 0) == 0)
    return TRUE;

  stmt = prepare (q,
                  "SELECT organisation_kind, state, coalesce (outcome, 'open'), count(*) FROM referral "
                  "WHERE handed_over_at >= ?1 AND handed_over_at < ?2 "
                  "GROUP BY 1, 2, 3;",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 3);

      count_row (self, REGIE_STATS_BY_REFERRAL_KIND, _regie_column_text (stmt, 0), "other", n);
      count_row (self, REGIE_STATS_BY_REFERRAL_STATE, _regie_column_text (stmt, 1), NULL, n);
      count_row (self, REGIE_STATS_BY_REFERRAL_SUCCESS, _regie_column_text (stmt, 2), "open", n);
      total += n;
    }
  if (rc != SQLITE_DONE)
    return query_failed (q, rc, error);

  self->has_referrals = TRUE;
  set_value (self, REGIE_STATS_REFERRALS, total);
  return TRUE;
}

RegieStats *
regie_stats_compute (RegieStore              *store,
                     const GDate             *from,
                     const GDate             *to,
                     GDateTime               *now,
                     GCancellable            *cancellable,
                     RegieStatsProgressFunc   progress,
                     gpointer                 progress_data,
                     GError                 **error)
{
  static gboolean (* const steps[N_STEPS]) (RegieStats *, Query *, GError **) = {
    [STEP_HANDLED]   = compute_handled,
    [STEP_NEW]       = compute_new,
    [STEP_CLOSED]    = compute_closed,
    [STEP_CONTACTS]  = compute_contacts,
    [STEP_REFERRALS] = compute_referrals,
  };
  g_autoptr(RegieStats) self = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autofree char *from_utc = NULL;
  g_autofree char *to_utc = NULL;
  g_autofree char *now_utc = NULL;
  sqlite3 *db;
  Query q;
  gboolean ok = TRUE;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _regie_store_get_db (store);
  if (db == NULL)
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO, "The store is closed");
      return NULL;
    }

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  self = g_object_new (REGIE_TYPE_STATS, NULL);
  self->from = *from;
  self->to = *to;
  add_categories (self);

  current = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  from_utc = utc_start_of (from);
  to_utc = utc_start_of (to);
  now_utc = g_date_time_format (current, "%Y-%m-%dT%H:%M:%S.000Z");

  q.store = store;
  q.cancellable = cancellable;
  q.from = from_utc;
  q.to = to_utc;
  q.until = strcmp (now_utc, to_utc) < 0 ? now_utc : to_utc;

  /* One read transaction: every figure comes from the same moment of the store. */
  if (!_regie_exec (store, "BEGIN;", error))
    return NULL;
  sqlite3_progress_handler (db, 10000, on_progress_handler_cb, cancellable);

  for (guint i = 0; ok && i < N_STEPS; i++)
    {
      ok = steps[i] (self, &q, error);
      if (ok && progress != NULL)
        progress ((double) (i + 1) / N_STEPS, progress_data);
    }

  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);

  return ok ? g_steal_pointer (&self) : NULL;
}

typedef struct
{
  RegieStore *worker;
  GDate       from;
  GDate       to;
  GDateTime  *now;
  RegieStatsProgressFunc progress;
  gpointer    progress_data;
  GMainContext *context;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *cd = data;

  if (cd->worker != NULL)
    regie_store_close (cd->worker);
  g_clear_object (&cd->worker);
  g_clear_pointer (&cd->now, g_date_time_unref);
  g_clear_pointer (&cd->context, g_main_context_unref);
  g_free (cd);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} Report;

static gboolean
report_progress_cb (gpointer user_data)
{
  Report *report = user_data;
  ComputeData *cd = g_task_get_task_data (report->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (report->task)))
    cd->progress (report->fraction, cd->progress_data);

  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer user_data)
{
  Report *report = user_data;

  g_object_unref (report->task);
  g_free (report);
}

static void
on_worker_progress_cb (double   fraction,
                       gpointer user_data)
{
  GTask *task = user_data;
  ComputeData *cd = g_task_get_task_data (task);
  Report *report = g_new0 (Report, 1);

  report->task = g_object_ref (task);
  report->fraction = fraction;
  g_main_context_invoke_full (cd->context, G_PRIORITY_DEFAULT, report_progress_cb, report, report_free);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *cd = task_data;
  GError *error = NULL;
  RegieStats *stats;

  /* query_only: figures never write, whatever goes wrong. One pass over the data gains
   * little from a large page cache, and the window's connection has its own. */
  if (!_regie_exec (cd->worker, "PRAGMA query_only = ON; PRAGMA cache_size = -8192;", &error))
    {
      g_task_return_error (task, error);
      return;
    }

  stats = regie_stats_compute (cd->worker, &cd->from, &cd->to, cd->now, cancellable,
                               cd->progress ? on_worker_progress_cb : NULL, task, &error);
  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, g_object_unref);
}

void
regie_stats_compute_async (RegieStore             *store,
                           const GDate            *from,
                           const GDate            *to,
                           GCancellable           *cancellable,
                           RegieStatsProgressFunc  progress,
                           gpointer                progress_data,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ComputeData *cd;

  g_return_if_fail (REGIE_IS_STORE (store));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, regie_stats_compute_async);

  cd = g_new0 (ComputeData, 1);
  cd->from = *from;
  cd->to = *to;
  cd->now = g_date_time_new_now_utc ();
  cd->progress = progress;
  cd->progress_data = progress_data;
  cd->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, cd, compute_data_free);

  /* Opened here, where the store is used: the worker thread only ever sees its own. */
  cd->worker = regie_store_open_worker_connection (store, &error);
  if (cd->worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, compute_thread);
}

RegieStats *
regie_stats_compute_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
regie_stats_get_range (RegieStats *self,
                       GDate      *from,
                       GDate      *to)
{
  g_return_if_fail (REGIE_IS_STATS (self));

  if (from)
    *from = self->from;
  if (to)
    *to = self->to;
}

gboolean
regie_stats_has_value (RegieStats       *self,
                       RegieStatsFigure  figure)
{
  g_return_val_if_fail (REGIE_IS_STATS (self), FALSE);
  g_return_val_if_fail (figure < REGIE_STATS_N_FIGURES, FALSE);

  return self->has_value[figure];
}

double
regie_stats_get_value (RegieStats       *self,
                       RegieStatsFigure  figure)
{
  g_return_val_if_fail (REGIE_IS_STATS (self), 0);
  g_return_val_if_fail (figure < REGIE_STATS_N_FIGURES, 0);

  return self->values[figure];
}

gboolean
regie_stats_figure_is_decimal (RegieStatsFigure figure)
{
  return figure == REGIE_STATS_CONTACT_MINUTES_AVERAGE ||
         figure == REGIE_STATS_CONTACT_MINUTES_MEDIAN ||
         figure == REGIE_STATS_DAYS_TO_CLOSE_MEDIAN ||
         figure == REGIE_STATS_SATISFACTION_AVERAGE;
}

char *
regie_stats_format_value (RegieStats       *self,
                          RegieStatsFigure  figure,
                          char              decimal_mark)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  g_return_val_if_fail (REGIE_IS_STATS (self), NULL);
  g_return_val_if_fail (figure < REGIE_STATS_N_FIGURES, NULL);

  if (!self->has_value[figure])
    return g_strdup ("");

  if (!regie_stats_figure_is_decimal (figure))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (self->values[figure] + 0.5));

  /* One decimal, never the locale's own: the caller says which mark it wants. */
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", self->values[figure]));
  g_strdelimit (text, ".", decimal_mark);
  return text;
}

gboolean
regie_stats_has_referrals (RegieStats *self)
{
  g_return_val_if_fail (REGIE_IS_STATS (self), FALSE);
  return self->has_referrals;
}

guint
regie_stats_get_n_rows (RegieStats          *self,
                        RegieStatsBreakdown  breakdown)
{
  g_return_val_if_fail (REGIE_IS_STATS (self), 0);
  g_return_val_if_fail (breakdown < REGIE_STATS_N_BREAKDOWNS, 0);

  return self->rows[breakdown]->len;
}

static Row *
get_row (RegieStats          *self,
         RegieStatsBreakdown  breakdown,
         guint                row)
{
  g_return_val_if_fail (REGIE_IS_STATS (self), NULL);
  g_return_val_if_fail (breakdown < REGIE_STATS_N_BREAKDOWNS, NULL);
  g_return_val_if_fail (row < self->rows[breakdown]->len, NULL);

  return &g_array_index (self->rows[breakdown], Row, row);
}

const char *
regie_stats_get_row_id (RegieStats          *self,
                        RegieStatsBreakdown  breakdown,
                        guint                row)
{
  Row *r = get_row (self, breakdown, row);

  return r ? r->id : NULL;
}

const char *
regie_stats_get_row_label (RegieStats          *self,
                           RegieStatsBreakdown  breakdown,
                           guint                row)
{
  Row *r = get_row (self, breakdown, row);

  return r ? r->label : NULL;
}

gint64
regie_stats_get_row_count (RegieStats          *self,
                           RegieStatsBreakdown  breakdown,
                           guint                row)
{
  Row *r = get_row (self, breakdown, row);

  return r ? r->count : 0;
}

static void
regie_stats_finalize (GObject *object)
{
  RegieStats *self = (RegieStats *) object;

  for (guint i = 0; i < REGIE_STATS_N_BREAKDOWNS; i++)
    g_clear_pointer (&self->rows[i], g_array_unref);

  G_OBJECT_CLASS (regie_stats_parent_class)->finalize (object);
}

static void
regie_stats_class_init (RegieStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = regie_stats_finalize;
}

static void
regie_stats_init (RegieStats *self)
{
  for (guint i = 0; i < REGIE_STATS_N_BREAKDOWNS; i++)
    {
      self->rows[i] = g_array_new (FALSE, FALSE, sizeof (Row));
      g_array_set_clear_func (self->rows[i], row_clear);
    }
}
