/* test-stats.c — the Cijfers view on the demo store: the figures it shows are the core's,
 * and choosing another period counts again
 *
 * Runs the real RegieApplication under Xvfb on the demo store, in Dutch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "regie-csv.h"

#include "regie-bar-chart.h"
#include "regie-stats-page.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

static RegieStats *
expected_for (RegieStore  *store,
              const GDate *from,
              const GDate *to)
{
  g_autoptr(GError) error = NULL;
  RegieStats *stats = regie_stats_compute (store, from, to, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return stats;
}

/* The big number on the card whose caption is the figure's label. */
static const char *
shown_value (GtkWidget        *page,
             RegieStatsFigure  figure)
{
  GtkWidget *caption = regie_test_find_label (page, regie_stats_figure_get_label (figure));

  g_assert_nonnull (caption);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (caption)));
}

static void
check_shows (GtkWidget  *page,
             RegieStats *expected)
{
  RegieStats *shown = regie_stats_page_get_stats (REGIE_STATS_PAGE (page));
  GDate shown_from, shown_to, from, to;

  regie_stats_get_range (shown, &shown_from, &shown_to);
  regie_stats_get_range (expected, &from, &to);
  g_assert_cmpint (g_date_compare (&shown_from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&shown_to, &to), ==, 0);

  for (RegieStatsFigure f = 0; f < REGIE_STATS_N_FIGURES; f++)
    {
      g_autofree char *value = NULL;

      if (f == REGIE_STATS_REFERRALS && !regie_stats_has_referrals (expected))
        continue;
      /* The decimal mark of the locale the test runs in (a comma in nl_NL). */
      value = regie_stats_format_value (expected, f, *localeconv ()->decimal_point);
      g_assert_cmpstr (shown_value (page, f), ==, *value ? value : "—");
    }
}

/* The tables under the charts are folded away until asked for. */
static void
expand_all (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    gtk_expander_set_expanded (GTK_EXPANDER (widget), TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static gboolean
page_idle (GtkWidget *page)
{
  return !regie_stats_page_get_busy (REGIE_STATS_PAGE (page)) &&
         regie_stats_page_get_stats (REGIE_STATS_PAGE (page)) != NULL;
}

static void
check_figures (RegieWindow *window)
{
  RegieStore *store;
  GtkWidget *page;
  GtkWidget *chart;
  g_autoptr(RegieStats) quarter = NULL;
  g_autoptr(RegieStats) year = NULL;
  g_autoptr(RegieStats) all = NULL;
  GDate from, to, last;

  wait_for (regie_test_window_reached_main (window), "the demo store to open");
  store = regie_window_get_store (window);

  _regie_window_show_view (window, "figures");
  page = regie_test_find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_STATS_PAGE);
  g_assert_nonnull (page);
  wait_for (page_idle (page), "the figures to be counted");

  /* This quarter first. */
  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_QUARTER, NULL, &from, &to);
  quarter = expected_for (store, &from, &to);
  check_shows (page, quarter);

  /* A chart for every breakdown, its table in Dutch. */
  chart = regie_test_find_widget_of_type (page, REGIE_TYPE_BAR_CHART);
  g_assert_nonnull (chart);
  g_assert_cmpuint (regie_bar_chart_get_n_bars (REGIE_BAR_CHART (chart)), ==, 8);
  g_assert_null (regie_test_find_label (page, "Balie"));
  expand_all (page);
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (page, "Balie"));
  g_assert_nonnull (regie_test_find_label (page, "Vrije inloop"));

  /* This year: counted again. */
  regie_stats_page_set_period (REGIE_STATS_PAGE (page), REGIE_STATS_PERIOD_THIS_YEAR);
  g_assert_true (regie_stats_page_get_busy (REGIE_STATS_PAGE (page)));
  wait_for (page_idle (page), "the year to be counted");
  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_YEAR, NULL, &from, &to);
  year = expected_for (store, &from, &to);
  check_shows (page, year);

  /* From–to over everything: the demo's 48 dossiers are all new in it. */
  g_date_clear (&from, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&from, 1, 1, 2000);
  g_date_set_dmy (&last, 31, 12, 2099);
  regie_stats_page_set_custom_range (REGIE_STATS_PAGE (page), &from, &last);
  wait_for (page_idle (page), "the custom period to be counted");
  to = last;
  g_date_add_days (&to, 1);
  all = expected_for (store, &from, &to);
  g_assert_cmpfloat (regie_stats_get_value (all, REGIE_STATS_CASES_NEW), ==, 48);
  check_shows (page, all);
  g_assert_cmpstr (shown_value (page, REGIE_STATS_CASES_NEW), ==, "48");
}

static void
test_figures (void)
{
  regie_test_run_app (TRUE, check_figures, NULL);
}

/* Runs the built regie binary in English, with XDG_DATA_HOME set to data_home. */
static int
run_regie (const char  *data_home,
           const char  *const *args,
           char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) REGIE_BIN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* regie --export-statistics: the demo's figures in a file Excel reads, and exit statuses
 * a script can test. */
static void
test_cli_export (void)
{
  g_autofree char *home = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *csv_path = g_build_filename (g_get_user_data_dir (), "cijfers.csv", NULL);
  g_autofree char *not_a_dir = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autofree char *unwritable = g_build_filename (not_a_dir, "cijfers.csv", NULL);
  const char *ok[] = { "--demo", "--export-statistics", csv_path, "--from", "2000-01-01", "--to", "2099-12-31", NULL };
  const char *no_day[] = { "--demo", "--export-statistics", csv_path, "--from", "2026-02-30", "--to", "2026-03-31", NULL };
  const char *reversed[] = { "--demo", "--export-statistics", csv_path, "--from", "2026-03-01", "--to", "2026-02-01", NULL };
  const char *no_to[] = { "--demo", "--export-statistics", csv_path, "--from", "2026-03-01", NULL };
  const char *bad_separator[] = { "--demo", "--export-statistics", csv_path, "--from", "2026-01-01", "--to", "2026-03-31", "--separator", "|", NULL };
  const char *cannot_write[] = { "--demo", "--export-statistics", unwritable, "--from", "2026-01-01", "--to", "2026-03-31", NULL };
  const char *no_store[] = { "--export-statistics", csv_path, "--from", "2026-01-01", "--to", "2026-03-31", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  char delimiter = 0;
  gboolean found_new = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autofree char *err = NULL;
    int status = run_regie (home, ok, &err);

    g_test_message ("%s", err);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (regie_csv_parse (contents, length, &delimiter, &rows, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ';');
  for (guint i = 0; i < rows->len; i++)
    {
      RegieCsvRow *row = rows->pdata[i];

      if (g_strv_length (row->fields) == 3 && g_str_equal (row->fields[1], "New cases"))
        {
          g_assert_cmpstr (row->fields[2], ==, "48");
          found_new = TRUE;
        }
    }
  g_assert_true (found_new);
  /* The demo's made-up people are not in it. */
  g_assert_null (strstr (contents, "Testvrouw"));
  g_assert_null (strstr (contents, "Proefpersoon"));
  g_assert_null (strstr (contents, "9999 X"));

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, no_day, &err), ==, 1);
    g_assert_nonnull (strstr (err, "“2026-02-30” is not a date"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, reversed, &err), ==, 1);
    g_assert_nonnull (strstr (err, "before the start date"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, no_to, &err), ==, 1);
    g_assert_nonnull (strstr (err, "needs --from and --to"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, bad_separator, &err), ==, 1);
  }
  g_assert_true (g_file_set_contents (not_a_dir, "", 0, NULL));
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, cannot_write, &err), ==, 1);
    g_assert_nonnull (strstr (err, "cannot write"));
  }
  {
    g_autofree char *err = NULL;

    /* No store can be made where a file is in the way: 2, as for --check. */
    g_assert_cmpint (run_regie (not_a_dir, no_store, &err), ==, 2);
    g_assert_true (g_str_has_prefix (err, "regie: "));
  }
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/stats/demo-figures", test_figures);
  g_test_add_func ("/stats/cli-export", test_cli_export);

  return g_test_run ();
}
