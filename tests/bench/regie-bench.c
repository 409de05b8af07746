/* regie-bench.c — how fast the Dossiers view is on a big store, encrypted and plain
 *
 *   regie-bench [--persons N] [--cases M] [--seed S] [--rounds R]
 *
 * Fills a temporary store with generated (fictional) data, then measures: opening the store
 * (keyring lookup, key, migrations check), the first page of the list (50 rows made),
 * search per keystroke (each query typed letter by letter, the first 20 rows made, as a
 * view shows them), and opening a dossier (case, person and tasks, plus its audit row).
 * Everything runs the same on an unencrypted store to show what the encryption costs, and
 * the index search is compared with a LIKE scan over the same columns.
 * Needs a Secret Service (run it like the tests: build-aux/test, or with-keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "regie-case-list.h"
#include "regie-demo.h"
#include "regie-search.h"
#include "regie-store-private.h"
#include "regie-test-util.h"

#define FIRST_PAGE   50
#define VISIBLE_ROWS 20

/* What casemanagers type. The postcode, BSN and date are taken from the data. */
static const char *queries[] = {
  "jansen",
  "jan proef",
  "celik",              /* finds Çelik: accents folded */
  "fatima voorbeeld",
  "verzonnenstra",
  NULL,                 /* a postcode */
  "huurtoeslag",
  "deurwaarder",
  NULL,                 /* a BSN */
  NULL,                 /* a birth date, d-m-yyyy */
};

typedef struct
{
  const char *name;
  GArray     *ms;       /* double */
} Series;

typedef struct
{
  gboolean    encrypted;
  char       *dir;
  RegieStore *store;
  double      fill_s;
  GHashTable *series;   /* name → Series */
  GPtrArray  *order;
} Run;

static guint opt_persons = 100000;
static guint opt_cases = 150000;
static guint opt_seed = 42;
static guint opt_rounds = 5;
static char *opt_dir = NULL;
static gboolean opt_plain_only = FALSE;
static int opt_cache_kib = 0;
static gboolean opt_verbose = FALSE;
static gboolean opt_no_memory_security = FALSE;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static Series *
series (Run        *run,
        const char *name)
{
  Series *s = g_hash_table_lookup (run->series, name);

  if (s == NULL)
    {
      s = g_new0 (Series, 1);
      s->name = g_intern_string (name);
      s->ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (run->series, (gpointer) s->name, s);
      g_ptr_array_add (run->order, (gpointer) s->name);
    }

  return s;
}

static void
record (Run        *run,
        const char *name,
        double      ms)
{
  g_array_append_val (series (run, name)->ms, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (Series *s,
            double  p)
{
  g_autoptr(GArray) sorted = NULL;
  guint index;

  if (s == NULL || s->ms->len == 0)
    return NAN;

  sorted = g_array_copy (s->ms);
  g_array_sort (sorted, compare_doubles);
  index = (guint) ceil (p * sorted->len);
  index = index > 0 ? index - 1 : 0;
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static void
die_on_error (GError     *error,
              const char *what)
{
  if (error != NULL)
    {
      g_printerr ("regie-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static RegieStore *
open_store (Run *run)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store;

  if (run->encrypted)
    store = regie_store_open (run->dir, NULL, &error);
  else
    store = _regie_store_new_unencrypted_for_bench (run->dir, &error);

  die_on_error (error, "opening the store");

  if (opt_no_memory_security)
    sqlite3_exec (_regie_store_get_db (store), "PRAGMA cipher_memory_security = OFF;", NULL, NULL, NULL);

  if (opt_cache_kib > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d;", opt_cache_kib);
      sqlite3_exec (_regie_store_get_db (store), sql, NULL, NULL, NULL);
    }

  return store;
}

static void
fill (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = g_build_filename (run->dir, "regie.db", NULL);
  double start = now_ms ();

  /* By hand, a plain store can be reused: filling takes a while. An encrypted one cannot:
   * its key went with the keyring session that made it. */
  if (opt_dir != NULL && g_file_test (existing, G_FILE_TEST_EXISTS))
    {
      if (!run->encrypted)
        return;
      regie_test_remove_tree (run->dir);
    }

  run->store = open_store (run);
  regie_demo_fill_sized (run->store, opt_persons, opt_cases, opt_seed, &error);
  die_on_error (error, "filling the store");
  run->fill_s = (now_ms () - start) / 1000.0;

  regie_store_close (run->store);
  g_clear_object (&run->store);
}

static void
measure_open (Run *run)
{
  for (guint i = 0; i < opt_rounds; i++)
    {
      double start = now_ms ();
      RegieStore *store = open_store (run);

      record (run, "open", now_ms () - start);
      regie_store_close (store);
      g_object_unref (store);
    }

  run->store = open_store (run);
}

static void
make_rows (GListModel *list,
           guint       n)
{
  n = MIN (n, g_list_model_get_n_items (list));
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (list, i));
}

static void
measure_first_page (Run *run)
{
  for (guint i = 0; i < opt_rounds; i++)
    {
      double start = now_ms ();
      g_autoptr(RegieCaseList) list = regie_case_list_new (run->store);

      make_rows (G_LIST_MODEL (list), FIRST_PAGE);
      record (run, "first page (50 rows)", now_ms () - start);
    }

  for (guint i = 0; i < opt_rounds; i++)
    {
      g_autoptr(RegieCaseList) list = regie_case_list_new (run->store);
      double start = now_ms ();

      regie_case_list_set_status_filter (list, REGIE_CASE_STATUS_IN_PROGRESS);
      make_rows (G_LIST_MODEL (list), FIRST_PAGE);
      record (run, "status filter + 50 rows", now_ms () - start);

      start = now_ms ();
      regie_case_list_set_status_filter (list, REGIE_CASE_LIST_ANY_STATUS);
      regie_case_list_set_sort (list, REGIE_CASE_SORT_NAME);
      make_rows (G_LIST_MODEL (list), FIRST_PAGE);
      record (run, "sort by name + 50 rows", now_ms () - start);
    }
}

static char *
sample_text (Run        *run,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (_regie_store_get_db (run->store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The same columns as the index, each word a substring of one of them: what a store
 * without an index would do. */
static GArray *
like_search (Run        *run,
             const char *text)
{
  static const char *columns[] = {
    "p.given_names", "p.initials", "p.preferred_name", "p.prefix", "p.surname", "p.postcode",
    "d.question", "d.notes", "p.notes",
  };
  g_autoptr(GString) sql = g_string_new ("SELECT d.id FROM dossier d JOIN person p ON p.id = d.person_id WHERE 1");
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int index = 1;

  for (guint w = 0; words[w]; w++)
    {
      if (*words[w] == '\0')
        continue;
      g_string_append (sql, " AND (");
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_string_append_printf (sql, "%s%s LIKE ?%d", c ? " OR " : "", columns[c], index);
      g_string_append (sql, ")");
      index++;
    }
  g_string_append (sql, " ORDER BY d.id;");

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (run->store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  index = 1;
  for (guint w = 0; words[w]; w++)
    if (*words[w] != '\0')
      sqlite3_bind_text (stmt, index++, g_strdup_printf ("%%%s%%", words[w]), -1, g_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
measure_search (Run         *run,
                const char **typed,
                guint        n_typed)
{
  g_autoptr(RegieCaseList) list = regie_case_list_new (run->store);

  /* One pass to warm up, like a casemanager's first search of the day is not the point. */
  for (guint round = 0; round <= opt_rounds; round++)
    for (guint q = 0; q < n_typed; q++)
      {
        glong length = g_utf8_strlen (typed[q], -1);

        for (glong n = 1; n <= length; n++)
          {
            g_autofree char *prefix = g_utf8_substring (typed[q], 0, n);
            g_autoptr(GArray) ids = NULL;
            g_autoptr(GArray) like = NULL;
            g_autoptr(GError) error = NULL;
            double start = now_ms ();
            double list_ms, fts_ms, like_ms;

            regie_case_list_set_search_text (list, prefix);
            make_rows (G_LIST_MODEL (list), VISIBLE_ROWS);
            list_ms = now_ms () - start;

            start = now_ms ();
            ids = regie_search_cases (run->store, prefix, &error);
            die_on_error (error, "searching");
            fts_ms = now_ms () - start;

            /* LIKE is slow: a few rounds are enough to know how slow. */
            if (round == 1)
              {
                start = now_ms ();
                like = like_search (run, prefix);
                like_ms = now_ms () - start;
                record (run, "search: LIKE scan, ids", like_ms);
              }

            if (round == 0)
              continue;

            if (opt_verbose && list_ms > 10)
              g_print ("      slow keystroke «%s»: %.2f ms, %u found\n", prefix, list_ms,
                       g_list_model_get_n_items (G_LIST_MODEL (list)));
            record (run, "search per keystroke (list + 20 rows)", list_ms);
            record (run, "search: index only, ids", fts_ms);
            {
              g_autofree char *name = g_strdup_printf ("  query \"%s\"", typed[q]);
              record (run, name, list_ms);
            }
          }

        if (round == 1)
          {
            g_autoptr(GArray) ids = regie_search_cases (run->store, typed[q], NULL);
            g_autoptr(GArray) like = like_search (run, typed[q]);

            g_print ("    %-24s %7u found by the index, %7u by LIKE (no accent folding, substrings)\n",
                     typed[q], ids->len, like->len);
          }
      }

  regie_case_list_set_search_text (list, NULL);
}

static void
measure_open_dossier (Run *run)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed);
  g_autoptr(GError) error = NULL;
  gint64 max_id = 0;
  g_autofree char *max = sample_text (run, "SELECT max(id) FROM dossier");

  max_id = g_ascii_strtoll (max, NULL, 10);
  for (guint i = 0; i < 40 * opt_rounds; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) max_id + 1);
      double start = now_ms ();
      g_autoptr(RegieCase) kase = regie_case_open (run->store, id, "bench", &error);

      die_on_error (error, "opening a dossier");
      record (run, "open dossier (+ audit row)", now_ms () - start);

      start = now_ms ();
      g_clear_object (&kase);
      kase = regie_case_load (run->store, id, &error);
      record (run, "load dossier (no audit)", now_ms () - start);
    }
}

static void
measure_writes (Run *run)
{
  g_autoptr(RegieCaseList) list = regie_case_list_new (run->store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed + 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *max = sample_text (run, "SELECT max(id) FROM dossier");
  gint64 max_id = g_ascii_strtoll (max, NULL, 10);

  make_rows (G_LIST_MODEL (list), FIRST_PAGE);
  for (guint i = 0; i < 4 * opt_rounds; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) max_id + 1);
      g_autoptr(RegieCase) kase = regie_case_load (run->store, id, &error);
      double start;

      die_on_error (error, "loading a dossier");
      regie_case_set_notes (kase, "Bench: notitie aangepast.");
      start = now_ms ();
      regie_case_save (run->store, kase, "bench", &error);
      die_on_error (error, "saving a dossier");
      record (run, "save dossier (+ list refresh)", now_ms () - start);

      if (i % 4 == 0)
        {
          start = now_ms ();
          regie_case_delete (run->store, id, "bench", &error);
          die_on_error (error, "deleting a dossier");
          record (run, "delete dossier (+ index purge, refresh)", now_ms () - start);
        }
    }
}

static void
run_all (Run         *run,
         const char **typed,
         guint        n_typed)
{
  g_print ("%s store: filling with %u inwoners, %u dossiers …\n",
           run->encrypted ? "Encrypted" : "Plain", opt_persons, opt_cases);
  fill (run);
  g_print ("  filled in %.1f s\n", run->fill_s);

  measure_open (run);

  /* The BSN and birth date queries take values that exist (the same in both runs). */
  if (typed[n_typed - 2] == NULL)
    {
      g_autofree char *offset = g_strdup_printf ("%u", opt_persons / 2);
      g_autofree char *bsn_sql = g_strconcat ("SELECT bsn FROM person WHERE bsn IS NOT NULL ORDER BY id LIMIT 1 OFFSET ",
                                              offset, NULL);
      g_autofree char *date_sql = g_strconcat ("SELECT birth_date FROM person WHERE birth_date IS NOT NULL "
                                               "ORDER BY id LIMIT 1 OFFSET ", offset, NULL);
      g_autofree char *postcode_sql = g_strconcat ("SELECT lower(postcode) FROM person WHERE postcode != '' "
                                                   "ORDER BY id LIMIT 1 OFFSET ", offset, NULL);
      g_autofree char *iso = sample_text (run, date_sql);

      typed[n_typed - 5] = sample_text (run, postcode_sql);
      typed[n_typed - 2] = sample_text (run, bsn_sql);
      /* Typed the short way: 12-3-1980 */
      typed[n_typed - 1] = g_strdup_printf ("%d-%d-%.4s", atoi (iso + 8), atoi (iso + 5), iso);
    }

  measure_first_page (run);
  measure_search (run, typed, n_typed);
  measure_open_dossier (run);
  measure_writes (run);

  {
    g_autofree char *pages = sample_text (run, "PRAGMA page_count");
    g_autofree char *page_size = sample_text (run, "PRAGMA page_size");
    g_autofree char *segments = sample_text (run, "SELECT count(*) FROM dossier_fts_segdir");

    g_autofree char *cache = sample_text (run, "PRAGMA cache_size");

    g_print ("  database %.1f MB in pages of %s bytes, page cache %s, search index segments: %s\n",
             g_ascii_strtod (pages, NULL) * g_ascii_strtod (page_size, NULL) / 1e6, page_size,
             cache, segments);
  }

  if (run->encrypted)
    regie_keyring_clear_key (regie_store_get_id (run->store), NULL, NULL);
  regie_store_close (run->store);
  g_clear_object (&run->store);
}

static void
print_results (Run *enc,
               Run *plain)
{
  g_print ("\n%-42s %21s %21s %11s\n", "", "encrypted", "plain", "enc/plain");
  g_print ("%-42s %10s %10s %10s %10s %5s %5s\n", "ms", "p50", "p95", "p50", "p95", "p50", "p95");

  for (guint i = 0; i < enc->order->len; i++)
    {
      const char *name = enc->order->pdata[i];
      Series *e = g_hash_table_lookup (enc->series, name);
      Series *p = g_hash_table_lookup (plain->series, name);
      double e50 = percentile (e, 0.5), e95 = percentile (e, 0.95);
      double p50 = percentile (p, 0.5), p95 = percentile (p, 0.95);

      g_print ("%-42s %10.2f %10.2f %10.2f %10.2f %5.2f %5.2f\n",
               name, e50, e95, p50, p95, e50 / p50, e95 / p95);
    }

  g_print ("\nfill: encrypted %.1f s, plain %.1f s\n", enc->fill_s, plain->fill_s);
  g_print ("FTS vs LIKE (encrypted, per keystroke, ids only): p50 %.2f vs %.2f ms, p95 %.2f vs %.2f ms\n",
           percentile (series (enc, "search: index only, ids"), 0.5),
           percentile (series (enc, "search: LIKE scan, ids"), 0.5),
           percentile (series (enc, "search: index only, ids"), 0.95),
           percentile (series (enc, "search: LIKE scan, ids"), 0.95));
  g_print ("target: search per keystroke p95 <= 16 ms: %s (%.2f ms); encrypted/plain <= 1.3: %.2f\n",
           percentile (series (enc, "search per keystroke (list + 20 rows)"), 0.95) <= 16 ? "met" : "MISSED",
           percentile (series (enc, "search per keystroke (list + 20 rows)"), 0.95),
           percentile (series (enc, "search per keystroke (list + 20 rows)"), 0.95) /
           percentile (series (plain, "search per keystroke (list + 20 rows)"), 0.95));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Regie dossier benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  const char *typed[G_N_ELEMENTS (queries)];
  Run enc = { TRUE }, plain = { FALSE };
  GOptionEntry entries[] = {
    { "persons", 0, 0, G_OPTION_ARG_INT, &opt_persons, "Number of inwoners (100000)", "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &opt_cases, "Number of dossiers (150000)", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generated data (42)", "S" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "Measured rounds (5)", "R" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir,
      "Keep the stores in DIR and reuse a plain one found there (analysis by hand)", "DIR" },
    { "plain-only", 0, 0, G_OPTION_ARG_NONE, &opt_plain_only, "Only the unencrypted store", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Show every keystroke slower than 10 ms", NULL },
    { "no-memory-security", 0, 0, G_OPTION_ARG_NONE, &opt_no_memory_security,
      "Try SQLCipher 4 without cipher_memory_security (the store turns it on)", NULL },
    { "cache-size", 0, 0, G_OPTION_ARG_INT, &opt_cache_kib,
      "Try another page cache size in KiB (default: the store's own)", "KIB" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_on_error (error, "options");
  if (opt_persons < 1 || opt_cases < opt_persons || opt_rounds < 1)
    {
      g_printerr ("regie-bench: need 1 <= persons <= cases and rounds >= 1\n");
      return 2;
    }

  if (opt_dir != NULL)
    tmp = g_strdup (opt_dir);
  else
    tmp = g_dir_make_tmp ("regie-bench-XXXXXX", &error);
  die_on_error (error, "making a temporary folder");

  for (guint i = 0; i < 2; i++)
    {
      Run *run = i == 0 ? &enc : &plain;

      run->dir = g_build_filename (tmp, run->encrypted ? "encrypted" : "plain", NULL);
      run->series = g_hash_table_new (g_str_hash, g_str_equal);
      run->order = g_ptr_array_new ();
    }

  memcpy (typed, queries, sizeof queries);

  if (opt_plain_only)
    enc = plain;
  else
    run_all (&enc, typed, G_N_ELEMENTS (queries));
  run_all (&plain, typed, G_N_ELEMENTS (queries));
  print_results (&enc, &plain);

  if (opt_dir == NULL)
    regie_test_remove_tree (tmp);
  g_free ((char *) typed[G_N_ELEMENTS (queries) - 5]);
  g_free ((char *) typed[G_N_ELEMENTS (queries) - 2]);
  g_free ((char *) typed[G_N_ELEMENTS (queries) - 1]);
  return 0;
}
