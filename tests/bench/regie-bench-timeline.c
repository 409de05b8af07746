/* regie-bench-timeline.c — opening a dossier with a long timeline in a store full of them
 *
 *   regie-bench-timeline [--events N] [--items M] [--rounds R] [--budget-ms B]
 *
 * Fills a temporary encrypted store with 1,000 generated (fictional) dossiers and N timeline
 * items (default 1,000,000), M of them (default 1,000) in one dossier, then measures opening
 * that dossier as the dossier page does: the case with its person and tasks (and its audit
 * row), and its whole timeline, newest first. Exits 1 when the median is over the budget
 * (default 50 ms). Needs a Secret Service (build-aux/test-session or with-keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>

#include "regie-case.h"
#include "regie-demo.h"
#include "regie-event-private.h"
#include "regie-store-private.h"
#include "regie-test-util.h"
#include "regie-timeline.h"

#define DOSSIERS     1000
#define ITEMS_PER_TX 20000

static int opt_events = 1000000;
static int opt_items = 1000;
static int opt_rounds = 20;
static int opt_budget_ms = 50;

static const GOptionEntry options[] = {
  { "events", 0, 0, G_OPTION_ARG_INT, &opt_events, "Timeline items in the store", "N" },
  { "items", 0, 0, G_OPTION_ARG_INT, &opt_items, "Items in the measured dossier", "M" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "How often to open it", "R" },
  { "budget-ms", 0, 0, G_OPTION_ARG_INT, &opt_budget_ms, "Allowed median", "B" },
  { NULL }
};

static RegieEvent *
make_item (int i)
{
  static const RegieEventKind kinds[] = {
    REGIE_EVENT_CONTACT, REGIE_EVENT_NOTE, REGIE_EVENT_LETTER, REGIE_EVENT_LIFE_EVENT,
    REGIE_EVENT_PROFESSIONAL_CALL,
  };
  RegieEvent *event = regie_event_new (kinds[i % G_N_ELEMENTS (kinds)]);
  g_autofree char *when = NULL;
  g_autofree char *title = g_strdup_printf ("Demo-item %d", i);

  /* Spread over twenty years, some at month or year precision like life events. */
  if (i % 7 == 0)
    {
      when = g_strdup_printf ("%04d-%02d", 2006 + i % 20, 1 + i % 12);
      regie_event_set_when (event, when, REGIE_PRECISION_MONTH);
    }
  else
    {
      when = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00.000Z", 2006 + i % 20, 1 + i % 12,
                              1 + i % 28, 8 + i % 9, i % 60);
      regie_event_set_when (event, when, REGIE_PRECISION_TIME);
    }
  regie_event_set_title (event, title);
  regie_event_set_text (event, "Fictieve tekst: brief samen gelezen en afspraken gemaakt.");
  return event;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— timeline benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *home = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *now = NULL;
  RegieStore *store;
  gint64 target, start;
  double median;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  home = regie_test_make_data_home ();
  dir = g_build_filename (home, "regie", NULL);
  store = regie_store_open (dir, NULL, &error);
  if (store == NULL || !regie_demo_fill (store, DOSSIERS, 1, &error))
    {
      g_printerr ("Could not make the store: %s\n", error->message);
      return 2;
    }

  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (_regie_store_get_db (store), "SELECT id FROM dossier ORDER BY id;", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    sqlite3_finalize (stmt);
  }
  target = g_array_index (ids, gint64, ids->len / 2);

  start = g_get_monotonic_time ();
  now = _regie_now ();
  for (int i = 0; i < opt_events; i += ITEMS_PER_TX)
    {
      if (!regie_store_begin (store, &error))
        break;
      for (int j = i; j < MIN (i + ITEMS_PER_TX, opt_events); j++)
        {
          g_autoptr(RegieEvent) event = make_item (j);
          /* The first M items go to the measured dossier, the rest round the others. */
          gint64 case_id = j < opt_items ? target : g_array_index (ids, gint64, j % ids->len);

          if (!_regie_event_insert (store, event, case_id, now, &error))
            break;
        }
      if (error != NULL || !regie_store_commit (store, &error))
        break;
    }
  if (error != NULL)
    {
      g_printerr ("Could not fill the timelines: %s\n", error->message);
      return 2;
    }
  g_print ("filled %d items in %.1f s\n", opt_events, (g_get_monotonic_time () - start) / 1e6);

  for (int round = 0; round < opt_rounds; round++)
    {
      g_autoptr(RegieCase) kase = NULL;
      g_autoptr(RegieTimeline) timeline = NULL;
      double elapsed;

      start = g_get_monotonic_time ();
      kase = regie_case_open (store, target, NULL, &error);
      timeline = regie_timeline_new (store, target);
      if (kase == NULL || !regie_timeline_reload (timeline, &error))
        {
          g_printerr ("Could not open the dossier: %s\n", error->message);
          return 2;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), >=, (guint) MIN (opt_items, opt_events));
    }

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  g_print ("open dossier with %d timeline items (%d in the store): median %.1f ms, max %.1f ms (budget %d ms)\n",
           MIN (opt_items, opt_events), opt_events, median, g_array_index (ms, double, ms->len - 1),
           opt_budget_ms);

  {
    g_autofree char *id = g_strdup (regie_store_get_id (store));

    regie_store_close (store);
    g_object_unref (store);
    regie_keyring_clear_key (id, NULL, NULL);
    regie_test_remove_tree (home);
  }

  return median <= opt_budget_ms ? 0 : 1;
}
