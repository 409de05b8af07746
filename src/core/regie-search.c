/* regie-search.c — find dossiers as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-search-private.h"
#include "regie-validate.h"

#define MAX_TERMS    12
#define MAX_TERM_LEN 48

/* A birth date condition: equal to exact; or with day and month "DDMM" (or only the day
 * "DD", day_only) and, when part of the year is known, matching glob or equal to also. */
typedef struct
{
  char     *exact;
  char     *day_month;
  gboolean  day_only;
  char     *glob;
  char     *also;
} DateTerm;

/* Must read as the expression of the index person_birth_day_month. */
#define DAY_MONTH "substr(p.birth_date, 9, 2) || substr(p.birth_date, 6, 2)"

typedef struct
{
  GPtrArray *terms;     /* FTS prefix terms: lower case letters and digits only */
  GPtrArray *bsns;
  GArray    *dates;     /* DateTerm */
} Query;

/* The text that makes up the index row of a dossier: see 0002-dossiers.sql; the body also
 * holds the timeline items typed by hand (0003-timeline.sql). */
#define INDEX_SELECT \
  "INSERT INTO dossier_fts (docid, names, postcode, body) " \
  "SELECT d.id, " \
  "  p.given_names || ' ' || p.initials || ' ' || p.preferred_name || ' ' || p.prefix || ' ' || p.surname, " \
  "  CASE WHEN p.postcode = '' THEN '' " \
  "       ELSE lower(replace(p.postcode, ' ', '')) || ' ' || substr(p.postcode, 1, 4) END, " \
  "  regie_index_text (d.question || char(10) || d.notes || char(10) || p.notes || char(10) || " \
  "    coalesce ((SELECT group_concat (e.title || ' ' || e.body || ' ' || e.agreed || ' ' || " \
  "                 e.letter_sender || ' ' || e.letter_subject || ' ' || e.with_whom, char(10)) " \
  "               FROM event e WHERE e.case_id = d.id AND e.kind NOT IN ('status_change', 'task_done')), '')) " \
  "FROM dossier d JOIN person p ON p.id = d.person_id "

/* The most common Dutch words (Snowball's list). They are in almost every question and
 * note, so they are left out of the body index: a search for them finds nothing worth
 * finding, and the first keystrokes ("d", "de", "h") would otherwise match nearly every
 * dossier. Names keep them: "van" and "de" are tussenvoegsels there. */
static const char * const stopwords[] = {
  "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
  "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
  "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij",
  "hoe", "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar",
  "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu",
  "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch",
  "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd",
  "wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo",
  "zonder", "zou",
};

static gboolean
is_stopword (const char *lower_word)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
        g_hash_table_add (table, (gpointer) stopwords[i]);
      g_once_init_leave (&set, table);
    }

  return g_hash_table_contains (set, lower_word);
}

/* regie_index_text (text): text without its stopwords, for the body column. */
static void
index_text_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) word = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_value (context, argv[0]);
      return;
    }

  out = g_string_sized_new (strlen (text));
  word = g_string_new (NULL);
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_autofree char *lower = g_utf8_strdown (word->str, word->len);

          if (!is_stopword (lower))
            g_string_append_len (out, word->str, word->len);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      g_string_append_c (out, ' ');
    }

  sqlite3_result_text (context, out->str, out->len, SQLITE_TRANSIENT);
}

static gboolean
ensure_functions (RegieStore  *store,
                  GError     **error)
{
  static GQuark registered;
  int rc;

  if (G_UNLIKELY (registered == 0))
    registered = g_quark_from_static_string ("regie-search-functions");
  if (g_object_get_qdata (G_OBJECT (store), registered) != NULL)
    return TRUE;

  rc = sqlite3_create_function_v2 (_regie_store_get_db (store), "regie_index_text", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   index_text_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _regie_sql_error (store, rc, error);

  g_object_set_qdata (G_OBJECT (store), registered, GINT_TO_POINTER (1));
  return TRUE;
}

static void
date_term_clear (gpointer data)
{
  DateTerm *term = data;

  g_free (term->exact);
  g_free (term->day_month);
  g_free (term->glob);
  g_free (term->also);
}

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->terms, g_ptr_array_unref);
  g_clear_pointer (&query->bsns, g_ptr_array_unref);
  g_clear_pointer (&query->dates, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static gboolean
is_digits (const char *s,
           gsize       min,
           gsize       max)
{
  gsize n = 0;

  for (; s[n]; n++)
    if (!g_ascii_isdigit (s[n]))
      return FALSE;

  return n >= min && n <= max;
}

static gboolean
is_letters (const char *s,
            gsize       min,
            gsize       max)
{
  gsize n = 0;

  for (; s[n]; n++)
    if (!g_ascii_isalpha (s[n]))
      return FALSE;

  return n >= min && n <= max;
}

/* complete: the word was followed by more input, so it is not a prefix being typed. */
static void
add_term (Query      *query,
          const char *term,
          gboolean    complete)
{
  g_autofree char *lower = NULL;

  if (query->terms->len >= MAX_TERMS || *term == '\0')
    return;

  /* Lower case: an upper-case OR, AND, NOT or NEAR would be an operator. */
  lower = g_utf8_strdown (term, -1);

  /* A finished stopword is not in the body index and only narrows by accident: drop it
   * ("van der berg" is "berg"). While it is being typed it may become "deurwaarder". */
  if (complete && is_stopword (lower))
    return;

  if (strlen (lower) > MAX_TERM_LEN)
    {
      const char *end = lower + MAX_TERM_LEN;

      /* Cut on a character boundary. */
      while (end > lower && (*end & 0xc0) == 0x80)
        end--;
      lower[end - lower] = '\0';
    }

  if (!g_ptr_array_find_with_equal_func (query->terms, lower, g_str_equal, NULL))
    g_ptr_array_add (query->terms, g_steal_pointer (&lower));
}

/* Splits a word on everything that is not a letter or digit, like the index's tokenizer:
 * what is left can never be search syntax. open: the text ends in this word. */
static void
add_word_terms (Query      *query,
                const char *word,
                gboolean    open)
{
  g_autoptr(GString) term = g_string_new (NULL);

  for (const char *p = word; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (term, c);
          continue;
        }

      add_term (query, term->str, !(open && c == 0));
      g_string_truncate (term, 0);
      if (c == 0)
        break;
    }
}

static gboolean
is_date_separator (char c)
{
  return c == '-' || c == '/' || c == '.';
}

static int
read_digits (const char **p,
             int          max,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max + 1 && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n;
}

/* d-, d-m, d-m-, d-m-y, d-m-yy, d-m-yyy, d-m-yyyy (any of - / .), or yyyy-mm-dd. */
static gboolean
parse_date_word (const char *word,
                 DateTerm   *out)
{
  const char *p = word;
  int day, month = 0, year = 0;
  int nd, nm = 0, ny = 0;
  char month_text[3] = "??";
  g_autofree char *year_glob = NULL;

  memset (out, 0, sizeof *out);

  if (strlen (word) == 10 && regie_iso_date_is_valid (word))
    {
      out->exact = g_strdup (word);
      return TRUE;
    }

  nd = read_digits (&p, 2, &day);
  if (nd < 1 || nd > 2 || !is_date_separator (*p) || day < 1 || day > 31)
    return FALSE;
  p++;

  if (*p != '\0')
    {
      nm = read_digits (&p, 2, &month);
      if (nm < 1 || nm > 2 || month < 1 || month > 12)
        return FALSE;
      g_snprintf (month_text, sizeof month_text, "%02d", month);

      if (*p != '\0')
        {
          if (!is_date_separator (*p))
            return FALSE;
          p++;
          ny = read_digits (&p, 4, &year);
          if (ny > 4 || *p != '\0')
            return FALSE;
        }
    }

  if (ny == 4)
    {
      out->exact = g_strdup_printf ("%04d-%s-%02d", year, month_text, day);
      return TRUE;
    }

  out->day_only = nm == 0;
  out->day_month = nm == 0 ? g_strdup_printf ("%02d", day) : g_strdup_printf ("%02d%s", day, month_text);
  if (ny == 0)
    return TRUE;

  /* The year so far is the beginning of the year: "19" → 19??; a two-digit year may also
   * be complete ("12-3-80"), the most recent such year that has passed. */
  switch (ny)
    {
    case 1: year_glob = g_strdup_printf ("%01d???", year); break;
    case 2: year_glob = g_strdup_printf ("%02d??", year); break;
    case 3: year_glob = g_strdup_printf ("%03d?", year); break;
    default: g_assert_not_reached ();
    }
  out->glob = g_strdup_printf ("%s-%s-%02d", year_glob, month_text, day);

  if (ny == 2)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int full = 2000 + year;

      if (full > g_date_time_get_year (now))
        full -= 100;
      out->also = g_strdup_printf ("%04d-%s-%02d", full, month_text, day);
    }

  return TRUE;
}

static void
query_parse (Query      *query,
             const char *text)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) words = NULL;
  gboolean ends_open;

  query->terms = g_ptr_array_new_with_free_func (g_free);
  query->bsns = g_ptr_array_new_with_free_func (g_free);
  query->dates = g_array_new (FALSE, FALSE, sizeof (DateTerm));
  g_array_set_clear_func (query->dates, date_term_clear);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;

  /* Composed, so that a letter and its accent stay one character. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  ends_open = *normal != '\0' && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (normal + strlen (normal))));
  for (char *p = normal; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || *p == ',' || *p == ';')
      *p = ' ';
  words = g_strsplit (normal, " ", -1);

  /* Drop the empty strings that runs of spaces leave, so that words[i + 1] is the next word. */
  {
    guint n = 0;

    for (guint i = 0; words[i]; i++)
      {
        if (*words[i] == '\0')
          g_free (words[i]);
        else
          words[n++] = words[i];
      }
    words[n] = NULL;
  }

  for (guint i = 0; words[i]; i++)
    {
      const char *word = words[i];
      DateTerm date;

      if (is_digits (word, 9, 9))
        {
          if (query->bsns->len < MAX_TERMS)
            g_ptr_array_add (query->bsns, g_strdup (word));
        }
      else if (parse_date_word (word, &date))
        {
          if (query->dates->len < MAX_TERMS)
            g_array_append_val (query->dates, date);
          else
            date_term_clear (&date);
        }
      else if (is_digits (word, 4, 4) && words[i + 1] && is_letters (words[i + 1], 1, 2))
        {
          /* "1234 AB": one postcode, as the index holds it ("1234ab"). */
          g_autofree char *postcode = g_strconcat (word, words[i + 1], NULL);

          add_term (query, postcode, FALSE);
          i++;
        }
      else
        add_word_terms (query, word, ends_open && words[i + 1] == NULL);
    }
}

static gboolean
query_is_empty (const Query *query)
{
  return query->terms->len == 0 && query->bsns->len == 0 && query->dates->len == 0;
}

static char *
query_match (const Query *query,
             const char  *column)
{
  g_autoptr(GString) match = g_string_new (NULL);

  if (query->terms->len == 0)
    return NULL;

  for (guint i = 0; i < query->terms->len; i++)
    {
      if (i > 0)
        g_string_append_c (match, ' ');
      if (column)
        g_string_append_printf (match, "%s:", column);
      g_string_append_printf (match, "%s*", (char *) query->terms->pdata[i]);
    }

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* Appends the conditions on "person p" and binds nothing yet: parameters are numbered in
 * the order bind_person_conditions () fills them. */
static void
append_person_conditions (GString     *sql,
                          const Query *query)
{
  for (guint i = 0; i < query->bsns->len; i++)
    g_string_append (sql, " AND p.bsn = ?");

  for (guint i = 0; i < query->dates->len; i++)
    {
      DateTerm *date = &g_array_index (query->dates, DateTerm, i);

      if (date->exact)
        {
          g_string_append (sql, " AND p.birth_date = ?");
          continue;
        }

      g_string_append (sql, " AND p.birth_date IS NOT NULL");
      if (date->day_only)
        g_string_append (sql, " AND " DAY_MONTH " >= ? AND " DAY_MONTH " < ?");
      else
        g_string_append (sql, " AND " DAY_MONTH " = ?");
      if (date->also)
        g_string_append (sql, " AND (p.birth_date GLOB ? OR p.birth_date = ?)");
      else if (date->glob)
        g_string_append (sql, " AND p.birth_date GLOB ?");
    }
}

static int
bind_person_conditions (sqlite3_stmt *stmt,
                        const Query  *query,
                        int           index)
{
  for (guint i = 0; i < query->bsns->len; i++)
    _regie_bind_text (stmt, index++, query->bsns->pdata[i]);

  for (guint i = 0; i < query->dates->len; i++)
    {
      DateTerm *date = &g_array_index (query->dates, DateTerm, i);

      if (date->exact)
        {
          _regie_bind_text (stmt, index++, date->exact);
          continue;
        }

      _regie_bind_text (stmt, index++, date->day_month);
      if (date->day_only)
        {
          /* "DD" up to "DD~": every month of that day */
          g_autofree char *end = g_strconcat (date->day_month, "~", NULL);
          _regie_bind_text (stmt, index++, end);
        }
      if (date->glob)
        _regie_bind_text (stmt, index++, date->glob);
      if (date->also)
        _regie_bind_text (stmt, index++, date->also);
    }

  return index;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static GArray *
collect_ids (RegieStore    *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ascending = TRUE;
  gint64 last = G_MININT64;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      ascending = ascending && id > last;
      last = id;
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  if (!ascending)
    g_array_sort (ids, compare_ids);

  return g_steal_pointer (&ids);
}

gboolean
regie_search_text_is_empty (const char *text)
{
  g_auto(Query) query = { 0 };

  query_parse (&query, text);
  return query_is_empty (&query);
}

char *
regie_search_describe (const char *text)
{
  g_auto(Query) query = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *match = NULL;

  query_parse (&query, text);

  match = query_match (&query, NULL);
  if (match)
    g_string_append_printf (out, "fts=%s", match);
  for (guint i = 0; i < query.bsns->len; i++)
    g_string_append_printf (out, "%sbsn=%s", out->len ? " " : "", (char *) query.bsns->pdata[i]);
  for (guint i = 0; i < query.dates->len; i++)
    {
      DateTerm *date = &g_array_index (query.dates, DateTerm, i);

      g_string_append_printf (out, "%sdate=%s", out->len ? " " : "",
                              date->exact ? date->exact : date->day_month);
      if (date->glob)
        g_string_append_printf (out, "&%s", date->glob);
      if (date->also)
        g_string_append_printf (out, "|%s", date->also);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

GArray *
regie_search_cases (RegieStore  *store,
                    const char  *text,
                    GError     **error)
{
  g_auto(Query) query = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autofree char *match = NULL;
  int index = 1;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  query_parse (&query, text);
  if (query_is_empty (&query))
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  match = query_match (&query, NULL);

  /* Words only: the index alone answers, without touching the tables. It gives docids in
   * ascending order by itself; asking for ORDER BY docid makes it collect all of them
   * first, which doubles the time of a short, broad prefix. collect_ids () checks. */
  if (query.bsns->len == 0 && query.dates->len == 0)
    g_string_append (sql, "SELECT docid FROM dossier_fts WHERE dossier_fts MATCH ?;");
  else
    {
      g_string_append (sql, "SELECT d.id FROM person p JOIN dossier d ON d.person_id = p.id WHERE 1");
      append_person_conditions (sql, &query);
      if (match)
        g_string_append (sql, " AND d.id IN (SELECT docid FROM dossier_fts WHERE dossier_fts MATCH ?)");
      g_string_append (sql, " ORDER BY d.id;");
    }

  stmt = _regie_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (query.bsns->len > 0 || query.dates->len > 0)
    index = bind_person_conditions (stmt, &query, index);
  if (match)
    _regie_bind_text (stmt, index, match);

  return collect_ids (store, stmt, error);
}

GArray *
_regie_search_person_ids (RegieStore  *store,
                          const char  *text,
                          guint        limit,
                          GError     **error)
{
  g_auto(Query) query = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autofree char *match = NULL;
  int index;

  query_parse (&query, text);
  if (query_is_empty (&query))
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Names only: a word from someone's question is no reason to suggest them. */
  match = query_match (&query, "names");

  g_string_append (sql, "SELECT p.id FROM person p WHERE 1");
  append_person_conditions (sql, &query);
  if (match)
    g_string_append (sql, " AND p.id IN (SELECT d.person_id FROM dossier d WHERE d.id IN "
                          "(SELECT docid FROM dossier_fts WHERE dossier_fts MATCH ?))");
  g_string_append (sql, " ORDER BY p.sort_key, p.id LIMIT ?;");

  stmt = _regie_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  index = bind_person_conditions (stmt, &query, 1);
  if (match)
    _regie_bind_text (stmt, index++, match);
  sqlite3_bind_int (stmt, index, limit ? (int) limit : -1);

  return collect_ids (store, stmt, error);
}

char *
_regie_search_names_match (const char *text)
{
  g_auto(Query) query = { 0 };

  query_parse (&query, text);
  return query_match (&query, "names");
}

static gboolean
run_with_id (RegieStore  *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _regie_step_done (store, stmt, error);
}

gboolean
_regie_search_index_case (RegieStore  *store,
                          gint64       case_id,
                          GError     **error)
{
  return ensure_functions (store, error) &&
         run_with_id (store, "DELETE FROM dossier_fts WHERE docid = ?;", case_id, error) &&
         run_with_id (store, INDEX_SELECT "WHERE d.id = ?;", case_id, error);
}

gboolean
_regie_search_index_person (RegieStore  *store,
                            gint64       person_id,
                            GError     **error)
{
  return ensure_functions (store, error) &&
         run_with_id (store,
                      "DELETE FROM dossier_fts WHERE docid IN (SELECT id FROM dossier WHERE person_id = ?);",
                      person_id, error) &&
         run_with_id (store, INDEX_SELECT "WHERE d.person_id = ?;", person_id, error);
}

gboolean
_regie_search_unindex_case (RegieStore  *store,
                            gint64       case_id,
                            GError     **error)
{
  return run_with_id (store, "DELETE FROM dossier_fts WHERE docid = ?;", case_id, error);
}

gboolean
_regie_search_purge (RegieStore  *store,
                     GError     **error)
{
  /* FTS4 only marks a deleted row in a new segment; the old segments keep its words until
   * they are merged. Merging all of them leaves nothing behind (secure_delete wipes the
   * freed pages). */
  return _regie_exec (store, "INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize');", error);
}
