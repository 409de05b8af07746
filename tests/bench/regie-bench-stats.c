/* regie-bench-stats.c — the Cijfers figures over five years of data
 *
 *   regie-bench-stats [--cases N] [--rounds R]
 *
 * A child process fills a temporary encrypted store with N generated (fictional) dossiers
 * (default 100,000) opened over the five years 2021–2025, about two thirds as many inwoners,
 * themes, arrivals, outcomes and satisfaction scores, three contact moments a dossier on
 * average with channel and duration, a note and a status change each, and a referral for
 * one dossier in three when the schema has referrals. This process then opens the store
 * and computes the figures for a quarter, a year and all five years, on the store's own
 * connection and in the worker thread on a second one, as the Cijfers view does. It prints
 * the median time of R rounds and the peak resident memory (getrusage ru_maxrss) of this
 * process, which never held the generated data. Needs a Secret Service
 * (build-aux/test-session or with-keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "regie-sql-private.h"
#include "regie-stats.h"
#include "regie-store-private.h"
#include "regie-test-util.h"
#include "regie-theme.h"

#define CASES_PER_TX 5000
#define FIVE_YEARS_S (G_GINT64_CONSTANT (5) * 365 * 24 * 3600)

static int opt_cases = 100000;
static int opt_rounds = 5;
static char *opt_fill_dir;

static const GOptionEntry options[] = {
  { "cases", 0, 0, G_OPTION_ARG_INT, &opt_cases, "Dossiers in the store", "N" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "How often to compute each period", "R" },
  { "fill-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_fill_dir, NULL, NULL },
  { NULL }
};

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static char *
iso_at (gint64 unix_s)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_s);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S.000Z");
}

static gboolean
step (RegieStore    *store,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  gboolean ok = _regie_step_done (store, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Plain SQL for speed; what the core's objects would write, minus search and audit. */
static gboolean
fill (RegieStore  *store,
      int          n_cases,
      GError     **error)
{
  static const char * const channels[] = { "desk", "desk", "desk", "phone", "phone", "email",
                                           "home_visit", "video", "three_way", "letter" };
  static const char * const arrivals[] = { "walk_in", "walk_in", "appointment", "referred_by_organisation" };
  static const char * const outcomes[] = { "solved", "solved", "partly_solved", "not_solved",
                                           "no_entitlement_explained", "citizen_withdrew" };
  static const char * const kinds[] = { "national", "municipal", "neighbourhood_team", "debt_help",
                                        "welfare", "legal_aid", "housing", "care" };
  static const char * const states[] = { "handed_over", "accepted", "declined", "completed", "completed",
                                         "withdrawn" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GDateTime) origin = g_date_time_new_utc (2021, 1, 1, 0, 0, 0);
  g_autoptr(RegieOwnedStmt) person = NULL, dossier = NULL, theme = NULL, event = NULL, referral = NULL;
  g_autoptr(RegieOwnedStmt) exists = NULL;
  gint64 origin_s = g_date_time_to_unix (origin);
  int n_persons = MAX (1, n_cases * 2 / 3);
  gboolean referrals;

  exists = _regie_prepare (store, "SELECT count(*) FROM sqlite_master WHERE name = 'referral';", error);
  if (exists == NULL || sqlite3_step (exists) != SQLITE_ROW)
    return FALSE;
  referrals = sqlite3_column_int (exists, 0) > 0;

  person = _regie_prepare (store, "INSERT INTO person (given_names, surname, sort_key, created_at, updated_at) "
                                  "VALUES ('Demo', 'Voorbeeld', 'voorbeeld demo', ?1, ?1);", error);
  dossier = _regie_prepare (store, "INSERT INTO dossier (person_id, question, status, arrival, opened_at, "
                                   "  closed_at, outcome, satisfaction, last_activity, updated_at) "
                                   "VALUES (?1, 'Demovraag', ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?4);", error);
  theme = _regie_prepare (store, "INSERT OR IGNORE INTO case_theme (case_id, theme) VALUES (?1, ?2);", error);
  event = _regie_prepare (store, "INSERT INTO event (case_id, kind, when_at, sort_key, duration_min, channel, "
                                 "  title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3 || '3', ?4, ?5, "
                                 "  'Demo-item', ?3, ?3);", error);
  if (person == NULL || dossier == NULL || theme == NULL || event == NULL)
    return FALSE;
  if (referrals)
    {
      referral = _regie_prepare (store, "INSERT INTO referral (case_id, organisation_name, organisation_kind, "
                                        "  state, outcome, created_at, updated_at, handed_over_at) "
                                        "VALUES (?1, 'Demo-organisatie', ?2, ?3, ?4, ?5, ?5, ?5);", error);
      if (referral == NULL)
        return FALSE;
    }

  for (int i = 0; i < n_cases; i += CASES_PER_TX)
    {
      if (!regie_store_begin (store, error))
        return FALSE;

      for (int c = i; c < MIN (i + CASES_PER_TX, n_cases); c++)
        {
          gint64 opened_s = origin_s + (gint64) (g_rand_double (rand) * FIVE_YEARS_S);
          g_autofree char *opened = iso_at (opened_s);
          g_autofree char *closed = NULL;
          gint64 case_id, person_id;
          gboolean is_closed = g_rand_int_range (rand, 0, 100) < 85;

          if (c < n_persons)
            {
              sqlite3_bind_text (person, 1, opened, -1, SQLITE_TRANSIENT);
              if (!step (store, person, error))
                return FALSE;
              person_id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
            }
          else
            person_id = g_rand_int_range (rand, 1, n_persons + 1);

          sqlite3_bind_int64 (dossier, 1, person_id);
          _regie_bind_text (dossier, 2, is_closed ? "closed" : "in_progress");
          _regie_bind_text (dossier, 3, arrivals[g_rand_int_range (rand, 0, G_N_ELEMENTS (arrivals))]);
          _regie_bind_text (dossier, 4, opened);
          if (is_closed)
            {
              closed = iso_at (opened_s + g_rand_int_range (rand, 3600, 120 * 24 * 3600));
              _regie_bind_text (dossier, 5, closed);
              _regie_bind_text (dossier, 6, outcomes[g_rand_int_range (rand, 0, G_N_ELEMENTS (outcomes))]);
              if (g_rand_int_range (rand, 0, 10) < 6)
                sqlite3_bind_int (dossier, 7, g_rand_int_range (rand, 1, 6));
            }
          if (!step (store, dossier, error))
            return FALSE;
          case_id = sqlite3_last_insert_rowid (_regie_store_get_db (store));

          for (int t = g_rand_int_range (rand, 1, 3); t > 0; t--)
            {
              sqlite3_bind_int64 (theme, 1, case_id);
              _regie_bind_text (theme, 2, regie_theme_get_ids ()[g_rand_int_range (rand, 0, regie_theme_get_count ())]);
              if (!step (store, theme, error))
                return FALSE;
            }

          /* Contact moments (1 to 5), a note and a status change. */
          for (int e = g_rand_int_range (rand, 1, 6) + 2; e > 0; e--)
            {
              g_autofree char *when = iso_at (opened_s + g_rand_int_range (rand, 0, 90 * 24 * 3600));
              gboolean is_contact = e > 2;

              sqlite3_bind_int64 (event, 1, case_id);
              _regie_bind_text (event, 2, is_contact ? "contact" : (e == 2 ? "note" : "status_change"));
              _regie_bind_text (event, 3, when);
              if (is_contact && g_rand_int_range (rand, 0, 10) > 0)
                sqlite3_bind_int (event, 4, g_rand_int_range (rand, 5, 90));
              _regie_bind_text (event, 5, is_contact ? channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))] : "");
              if (!step (store, event, error))
                return FALSE;
            }

          if (referral != NULL && c % 3 == 0)
            {
              g_autofree char *at = iso_at (opened_s + g_rand_int_range (rand, 0, 30 * 24 * 3600));
              const char *state = states[g_rand_int_range (rand, 0, G_N_ELEMENTS (states))];

              sqlite3_bind_int64 (referral, 1, case_id);
              _regie_bind_text (referral, 2, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
              _regie_bind_text (referral, 3, state);
              if (g_str_equal (state, "completed"))
                _regie_bind_text (referral, 4, g_rand_boolean (rand) ? "success" : "failure");
              _regie_bind_text (referral, 5, at);
              if (!step (store, referral, error))
                return FALSE;
            }
        }

      if (!regie_store_commit (store, error))
        return FALSE;
    }

  return TRUE;
}

static int
run_fill (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieStore) store = regie_store_open (dir, NULL, &error);
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || !fill (store, opt_cases, &error))
    {
      g_printerr ("Could not fill the store: %s\n", error->message);
      return 2;
    }

  g_print ("filled %d dossiers in %.1f s (peak RSS of the filling process %ld MiB)\n",
           opt_cases, (g_get_monotonic_time () - start) / 1e6, peak_rss_kib () / 1024);
  regie_store_close (store);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  (*(int *) user_data)++;
}

/* Median milliseconds of opt_rounds computations; in a worker thread when async. */
static double
measure (RegieStore  *store,
         int          from_year,
         int          from_month,
         int          to_year,
         int          to_month,
         gboolean     async,
         RegieStats **last)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, from_month, from_year);
  g_date_set_dmy (&to, 1, to_month, to_year);

  for (int round = 0; round < opt_rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      RegieStats *stats;
      double elapsed;

      if (async)
        {
          g_autoptr(GAsyncResult) result = NULL;
          int reports = 0;

          regie_stats_compute_async (store, &from, &to, NULL, on_progress_cb, &reports, on_done_cb, &result);
          while (result == NULL)
            g_main_context_iteration (NULL, TRUE);
          stats = regie_stats_compute_finish (result, &error);
        }
      else
        stats = regie_stats_compute (store, &from, &to, NULL, NULL, NULL, NULL, &error);

      if (stats == NULL)
        g_error ("Could not compute: %s", error->message);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
      g_clear_object (last);
      *last = stats;
    }

  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    int from_year, from_month, to_year, to_month;
  } periods[] = {
    { "quarter (Q4 2025)", 2025, 10, 2026, 1 },
    { "year (2025)", 2025, 1, 2026, 1 },
    { "five years (2021-2025)", 2021, 1, 2026, 1 },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— figures benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieStore) store = NULL;
  g_autofree char *home = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cases = NULL;
  long rss_open;
  int status = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_fill_dir != NULL)
    return run_fill (opt_fill_dir);

  home = regie_test_make_data_home ();
  dir = g_build_filename (home, "regie", NULL);
  cases = g_strdup_printf ("%d", opt_cases);

  /* The data is made in another process, so that its memory does not count here. */
  {
    const char *child[] = { argv[0], "--fill-only", dir, "--cases", cases, NULL };
    int wait_status = 0;

    if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       NULL, NULL, &wait_status, &error) ||
        !g_spawn_check_wait_status (wait_status, &error))
      {
        g_printerr ("Filling failed: %s\n", error->message);
        return 2;
      }
  }

  store = regie_store_open (dir, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("Could not open the store: %s\n", error->message);
      return 2;
    }
  rss_open = peak_rss_kib ();
  g_print ("store opened; peak RSS so far %ld MiB\n", rss_open / 1024);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (int async = 0; async < 2; async++)
      {
        g_autoptr(RegieStats) stats = NULL;
        double median = measure (store, periods[p].from_year, periods[p].from_month,
                                 periods[p].to_year, periods[p].to_month, async, &stats);

        g_print ("%-24s %-22s median %8.1f ms  peak RSS %4ld MiB  (%.0f dossiers handled, "
                 "%.0f contact moments, %.0f referrals)\n",
                 periods[p].name, async ? "worker thread" : "store connection", median,
                 peak_rss_kib () / 1024,
                 regie_stats_get_value (stats, REGIE_STATS_CASES_HANDLED),
                 regie_stats_get_value (stats, REGIE_STATS_CONTACTS),
                 regie_stats_get_value (stats, REGIE_STATS_REFERRALS));
        if (regie_stats_get_value (stats, REGIE_STATS_CASES_HANDLED) <= 0)
          status = 1;
      }

  {
    g_autofree char *id = g_strdup (regie_store_get_id (store));

    regie_store_close (store);
    g_clear_object (&store);
    regie_keyring_clear_key (id, NULL, NULL);
    regie_test_remove_tree (home);
  }

  return status;
}
