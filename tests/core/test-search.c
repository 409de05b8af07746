/* test-search.c — finding dossiers as you type, and the list the Dossiers view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regie-dossier-fixture.h"

typedef struct
{
  Fixture    f;
  RegieCase *cases[5];   /* 1-based, as in the table below */
  char      *bsn[5];
} SearchFixture;

static const struct {
  const char *given, *prefix, *surname, *birth, *postcode, *question, *notes, *person_notes;
  gboolean    has_bsn;
} people[] = {
  { NULL },
  { "Ayşe", NULL, "Çelik-Demo", "1980-03-12", "9999 XA", "Ik heb een brief van de Belastingdienst", "", "", TRUE },
  { "Jan", "van der", "Berg", "1975-11-02", "1234 AB", "Huurtoeslag terugbetalen", "Driegesprek gevoerd", "", TRUE },
  { "Janneke", NULL, "Jansen", "1980-03-12", "1234 AC", "Schulden bij de energiemaatschappij", "", "", FALSE },
  { "Kees", NULL, "Jansma", NULL, NULL, "DigiD aanvragen", "Sprak over OR en NEAR", "Rolstoelgebruiker", FALSE },
};

static void
search_set_up (SearchFixture *s,
               gconstpointer  data)
{
  fixture_set_up (&s->f, data);

  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RegiePerson) person = make_person (people[i].given, people[i].prefix, people[i].surname);
      g_autoptr(GError) error = NULL;

      regie_person_set_birth_date (person, people[i].birth);
      regie_person_set_postcode (person, people[i].postcode);
      regie_person_set_notes (person, people[i].person_notes);
      if (people[i].has_bsn)
        {
          s->bsn[i] = regie_demo_bsn (100 + i);
          regie_person_set_bsn (person, s->bsn[i]);
        }

      s->cases[i] = regie_case_new ();
      regie_case_set_question (s->cases[i], people[i].question);
      regie_case_set_notes (s->cases[i], people[i].notes);
      regie_case_set_casemanager (s->cases[i], i % 2 ? "Noor Demo" : "Bram Proef");
      g_assert_true (regie_case_create (s->f.store, s->cases[i], person, ACTOR, &error));
      g_assert_no_error (error);
      next_moment ();
    }
}

static void
search_tear_down (SearchFixture *s,
                  gconstpointer  data)
{
  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    {
      g_clear_object (&s->cases[i]);
      g_clear_pointer (&s->bsn[i], g_free);
    }
  fixture_tear_down (&s->f, data);
}

/* "1,3": the people (by their number above) whose dossier the text finds. */
static char *
found (SearchFixture *s,
       const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = regie_search_cases (s->f.store, text, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    for (guint k = 0; k < ids->len; k++)
      if (s->cases[i] && g_array_index (ids, gint64, k) == regie_case_get_id (s->cases[i]))
        g_string_append_printf (out, "%s%u", out->len ? "," : "", i);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_found(s, text, expected) \
  G_STMT_START { g_autofree char *got_ = found (s, text); \
                 g_test_message ("search «%s»", text); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_diacritics (SearchFixture *s,
                 gconstpointer  data)
{
  assert_found (s, "celik", "1");
  assert_found (s, "ÇELIK", "1");
  assert_found (s, "Çelik", "1");
  assert_found (s, "ayse", "1");
  assert_found (s, "Ayşe Çelik-Demo", "1");
  /* Typed with a combining accent (NFD) */
  assert_found (s, "C\xcc\xa7""elik", "1");
}

static void
test_prefixes (SearchFixture *s,
               gconstpointer  data)
{
  assert_found (s, "jans", "3,4");
  assert_found (s, "JAN", "2,3,4");
  assert_found (s, "j", "2,3,4");
  assert_found (s, "janneke", "3");
  assert_found (s, "jansen", "3");
  assert_found (s, "jansenn", "");
}

static void
test_several_words (SearchFixture *s,
                    gconstpointer  data)
{
  assert_found (s, "jan berg", "2");
  assert_found (s, "berg jan", "2");
  assert_found (s, "jans kees", "4");
  assert_found (s, "jans 1234", "3");
  assert_found (s, "van der berg", "2");
  assert_found (s, "jan    berg  ", "2");
  assert_found (s, "jan celik", "");
}

static void
test_question_and_notes (SearchFixture *s,
                         gconstpointer  data)
{
  assert_found (s, "belastingdienst", "1");
  assert_found (s, "huurtoe", "2");
  assert_found (s, "driegesprek", "2");
  assert_found (s, "rolstoel", "4");
  assert_found (s, "schulden energie", "3");

  /* The commonest Dutch words are not in the question index: a finished one is dropped
   * from the search, one still being typed is a prefix like any other. */
  assert_found (s, "brief", "1");
  assert_found (s, "ik", "");
  assert_found (s, "ik heb een brief", "1");
  assert_found (s, "huurtoeslag van ", "2");
  assert_found (s, "van der berg", "2");
  assert_found (s, "huurtoeslag het", "");
  g_assert_true (regie_search_text_is_empty ("ik heb een "));
  g_assert_false (regie_search_text_is_empty ("ik heb een"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT body FROM dossier_fts WHERE docid = %" G_GINT64_FORMAT,
                                            regie_case_get_id (s->cases[1]));
    g_autofree char *body = query_text (&s->f, sql);

    g_assert_nonnull (strstr (body, "Belastingdienst"));
    g_assert_null (strstr (body, "Ik "));
    g_assert_null (strstr (body, " de "));
  }
}

static void
test_bsn (SearchFixture *s,
          gconstpointer  data)
{
  g_autofree char *prefix8 = g_strndup (s->bsn[1], 8);
  g_autofree char *prefix5 = g_strndup (s->bsn[1], 5);
  g_autofree char *with_name = g_strdup_printf ("%s celik", s->bsn[1]);
  g_autofree char *wrong_name = g_strdup_printf ("%s jan", s->bsn[1]);
  g_autofree char *other = regie_demo_bsn (999);

  assert_found (s, s->bsn[1], "1");
  assert_found (s, s->bsn[2], "2");
  /* Whole numbers only: a part of a BSN finds nothing. */
  assert_found (s, prefix8, "");
  assert_found (s, prefix5, "");
  assert_found (s, other, "");
  assert_found (s, with_name, "1");
  assert_found (s, wrong_name, "");
}

static void
test_birth_date (SearchFixture *s,
                 gconstpointer  data)
{
  assert_found (s, "12-3-1980", "1,3");
  assert_found (s, "12-03-1980", "1,3");
  assert_found (s, "12/3/1980", "1,3");
  assert_found (s, "1980-03-12", "1,3");
  assert_found (s, "12-3-80", "1,3");
  assert_found (s, "2-11-1975", "2");
  assert_found (s, "12-3-1980 jans", "3");
  assert_found (s, "13-3-1980", "");
  /* While it is being typed, the dates that begin that way. */
  assert_found (s, "12-3", "1,3");
  assert_found (s, "12-3-19", "1,3");
  assert_found (s, "12-3-198", "1,3");
  assert_found (s, "12-3-197", "");
  assert_found (s, "2-11", "2");
  assert_found (s, "12-", "1,3");
  assert_found (s, "2-", "2");
  assert_found (s, "2-3", "");
  /* Impossible dates find nothing and fail nothing. */
  assert_found (s, "31-2-1980", "");
}

static void
test_postcode (SearchFixture *s,
               gconstpointer  data)
{
  assert_found (s, "1234 AB", "2");
  assert_found (s, "1234AB", "2");
  assert_found (s, "1234ab", "2");
  assert_found (s, "1234 ab jan", "2");
  assert_found (s, "1234", "2,3");
  assert_found (s, "1234 A", "2,3");
  assert_found (s, "1234 AC", "3");
  assert_found (s, "9999 xa", "1");
  assert_found (s, "9999 XB", "");
}

static void
test_syntax_is_harmless (SearchFixture *s,
                         gconstpointer  data)
{
  static const char * const inputs[] = {
    "\"", "\"jan", "jan*", "*", "-jan", "jan -berg", "(", ")", "(jan", "jan)", "^jan", ":",
    "names:jan", "body:brief", "'", "\\", "%", "_", "jan AND", "NOT", "NOT jan", "NEAR",
    "jan NEAR berg", "jan NEAR/2 berg", "OR", "jan OR kees", "{", "}", "[", "]", ";", "--",
    "/*", "' OR 1=1 --", "jan\" OR \"kees", "😀", "𝒥𝒶𝓃", "\xff\xfe", "a b c d e f g h i j k l m n o p",
    "0", "-", "12-", "1-1-", "99-99-9999",
  };
  g_autofree char *long_text = g_strnfill (5000, 'j');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GArray) ids = regie_search_cases (s->f.store, inputs[i], &error);

      g_autofree char *shown = g_strescape (inputs[i], NULL);

      g_test_message ("input «%s»", shown);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }

  {
    g_autoptr(GArray) ids = regie_search_cases (s->f.store, long_text, &error);
    g_assert_no_error (error);
    g_assert_nonnull (ids);
  }

  /* And the syntax does not change what is found: no OR, NOT or NEAR. */
  assert_found (s, "jan OR kees", "4");
  assert_found (s, "-jan", "2,3,4");
  assert_found (s, "jan -berg", "2");
  assert_found (s, "\"jan berg\"", "2");
  assert_found (s, "jan*", "2,3,4");
  assert_found (s, "NOT jansen", "");
  assert_found (s, "names:jan", "");

  g_assert_true (regie_search_text_is_empty (" \" * - ( ) "));
  g_assert_true (regie_search_text_is_empty (NULL));
  g_assert_false (regie_search_text_is_empty ("j"));
}

static void
test_describe (void)
{
  g_autofree char *bsn = regie_demo_bsn (1);
  g_autofree char *text = g_strdup_printf ("12-3-80 1234 ab %s Çelik-Demo OR", bsn);
  g_autofree char *expected = g_strdup_printf ("fts=1234ab* çelik* demo* or* bsn=%s date=1203&80?\?-03-12|1980-03-12", bsn);
  g_autofree char *described = regie_search_describe (text);

  g_assert_cmpstr (described, ==, expected);
}

static void
test_deleted_not_found (SearchFixture *s,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_found (s, "berg", "2");
  g_assert_true (regie_case_delete (s->f.store, regie_case_get_id (s->cases[2]), ACTOR, &error));
  g_assert_no_error (error);
  assert_found (s, "berg", "");
  assert_found (s, s->bsn[2], "");
  assert_found (s, "2-11-1975", "");
  assert_found (s, "huurtoeslag", "");
}

static void
test_rename_found (SearchFixture *s,
                   gconstpointer  data)
{
  RegiePerson *person = regie_case_get_person (s->cases[4]);
  g_autoptr(RegieCase) second = NULL;
  g_autoptr(GError) error = NULL;

  /* A second dossier of the same person: a rename must reach both. */
  second = add_case (&s->f, person, "Tweede vraag");

  regie_person_set_surname (person, "Pietersen");
  regie_person_set_postcode (person, "4321 ZZ");
  regie_person_set_notes (person, "Gebruikt een rollator");
  g_assert_true (regie_person_save (s->f.store, person, ACTOR, &error));
  g_assert_no_error (error);

  assert_found (s, "jansma", "");
  assert_found (s, "rolstoel", "");
  assert_found (s, "pieters", "4");
  assert_found (s, "4321 zz", "4");
  assert_found (s, "rollator", "4");
  {
    g_autoptr(GArray) ids = regie_search_cases (s->f.store, "kees pietersen", &error);
    g_assert_cmpuint (ids->len, ==, 2);
  }

  /* A question edit is found too. */
  regie_case_set_question (s->cases[1], "Vraag over kinderopvangtoeslag");
  g_assert_true (regie_case_save (s->f.store, s->cases[1], ACTOR, &error));
  assert_found (s, "kinderopvang", "1");
  assert_found (s, "belastingdienst", "");
}

/* RegieCaseList */

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static char *
list_people (SearchFixture *s,
             GListModel    *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < g_list_model_get_n_items (list); k++)
    {
      g_autoptr(RegieCaseRow) row = g_list_model_get_item (list, k);

      for (guint i = 1; i < G_N_ELEMENTS (people); i++)
        if (s->cases[i] && regie_case_row_get_id (row) == regie_case_get_id (s->cases[i]))
          g_string_append_printf (out, "%s%u", out->len ? "," : "", i);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_list(s, list, expected) \
  G_STMT_START { g_autofree char *got_ = list_people (s, G_LIST_MODEL (list)); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_list_search (SearchFixture *s,
                  gconstpointer  data)
{
  g_autoptr(RegieCaseList) list = regie_case_list_new (s->f.store);
  g_autoptr(RegieCaseRow) row = NULL;
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == REGIE_TYPE_CASE_ROW);
  g_assert_cmpuint (regie_case_list_get_total (list), ==, 4);

  /* Last activity first. */
  assert_list (s, list, "4,3,2,1");
  row = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (regie_case_row_get_display_name (row), ==, "Jan van der Berg");
  g_assert_cmpstr (regie_case_row_get_list_name (row), ==, "Berg, Jan van der");
  g_assert_cmpstr (regie_case_row_get_question (row), ==, "Huurtoeslag terugbetalen");
  g_assert_cmpint (regie_case_row_get_status (row), ==, REGIE_CASE_STATUS_NEW);
  g_assert_cmpstr (regie_case_row_get_casemanager (row), ==, "Bram Proef");
  g_assert_cmpstr (regie_case_row_get_last_activity (row), ==, regie_case_get_last_activity (s->cases[2]));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));

  regie_case_list_set_search_text (list, "jans");
  assert_list (s, list, "4,3");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (regie_case_list_get_total (list), ==, 4);

  regie_case_list_set_search_text (list, "jans kees");
  assert_list (s, list, "4");
  g_assert_cmpuint (changes.calls, ==, 2);

  /* The same text again changes nothing and says nothing. */
  regie_case_list_set_search_text (list, "jans kees");
  g_assert_cmpuint (changes.calls, ==, 2);

  regie_case_list_set_search_text (list, "nobody");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 1);

  regie_case_list_set_search_text (list, "");
  assert_list (s, list, "4,3,2,1");
  g_assert_cmpuint (changes.calls, ==, 4);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 4);
}

static void
test_list_filters (SearchFixture *s,
                   gconstpointer  data)
{
  static const char * const themes[] = { "schulden", NULL };
  g_autoptr(RegieCaseList) list = regie_case_list_new (s->f.store);
  g_autoptr(GError) error = NULL;

  g_assert_true (regie_case_change_status (s->f.store, s->cases[1], REGIE_CASE_STATUS_IN_PROGRESS, ACTOR, &error));
  g_assert_true (regie_case_close (s->f.store, s->cases[2], REGIE_OUTCOME_SOLVED, NULL, 5, ACTOR, &error));
  regie_case_set_themes (s->cases[3], themes);
  g_assert_true (regie_case_save (s->f.store, s->cases[3], ACTOR, &error));
  g_assert_no_error (error);

  regie_case_list_set_status_filter (list, REGIE_CASE_STATUS_IN_PROGRESS);
  assert_list (s, list, "1");
  regie_case_list_set_status_filter (list, REGIE_CASE_STATUS_CLOSED);
  assert_list (s, list, "2");
  regie_case_list_set_status_filter (list, REGIE_CASE_LIST_ANY_STATUS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  regie_case_list_set_theme_filter (list, "schulden");
  assert_list (s, list, "3");
  regie_case_list_set_theme_filter (list, NULL);

  regie_case_list_set_casemanager_filter (list, "Noor Demo");
  assert_list (s, list, "3,1");

  /* Filters and search together. */
  regie_case_list_set_search_text (list, "j");
  assert_list (s, list, "3");
  regie_case_list_set_casemanager_filter (list, NULL);
  assert_list (s, list, "3,2,4");

  /* Through properties, as the UI binds them. */
  g_object_set (list, "search-text", NULL, "status-filter", REGIE_CASE_STATUS_NEW, NULL);
  assert_list (s, list, "3,4");
}

static void
test_list_sort (SearchFixture *s,
                gconstpointer  data)
{
  g_autoptr(RegieCaseList) list = regie_case_list_new (s->f.store);
  g_autoptr(GError) error = NULL;

  regie_case_list_set_sort (list, REGIE_CASE_SORT_NAME);
  /* Berg, Çelik-Demo, Jansen, Jansma */
  assert_list (s, list, "2,1,3,4");

  regie_case_list_set_sort (list, REGIE_CASE_SORT_OPENED);
  assert_list (s, list, "4,3,2,1");

  /* Work on the oldest dossier brings it to the top of "last activity" only. */
  g_assert_nonnull (regie_case_add_task (s->f.store, s->cases[1], "Terugbellen", NULL, ACTOR, &error));
  assert_list (s, list, "4,3,2,1");
  regie_case_list_set_sort (list, REGIE_CASE_SORT_LAST_ACTIVITY);
  assert_list (s, list, "1,4,3,2");
  g_assert_cmpint (regie_case_list_get_sort (list), ==, REGIE_CASE_SORT_LAST_ACTIVITY);
}

static void
on_row_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  guint      *count)
{
  (*count)++;
}

static void
test_list_follows_store (SearchFixture *s,
                         gconstpointer  data)
{
  g_autoptr(RegieCaseList) list = regie_case_list_new (s->f.store);
  g_autoptr(RegieCaseRow) row = NULL;
  g_autoptr(RegiePerson) person = make_person ("Noël", NULL, "Nieuwkomer");
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint notified = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  regie_case_list_set_search_text (list, "jans");
  g_assert_cmpuint (changes.calls, ==, 1);

  /* A new dossier that matches the search shows up without being asked. */
  kase = add_case (&s->f, person, "Vraag van Jansje");
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (regie_case_list_get_total (list), ==, 5);

  /* A row that is shown follows a change of its dossier, in place. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpint (regie_case_row_get_id (row), ==, regie_case_get_id (s->cases[3]));
  g_signal_connect (row, "notify::status", G_CALLBACK (on_row_notify_cb), &notified);
  regie_person_set_given_names (regie_case_get_person (s->cases[3]), "Janny");
  g_assert_true (regie_person_save (s->f.store, regie_case_get_person (s->cases[3]), ACTOR, &error));
  g_assert_cmpstr (regie_case_row_get_display_name (row), ==, "Janny Jansen");
  g_assert_true (regie_case_change_status (s->f.store, s->cases[3], REGIE_CASE_STATUS_REFERRED, ACTOR, &error));
  g_assert_cmpint (regie_case_row_get_status (row), ==, REGIE_CASE_STATUS_REFERRED);
  g_assert_cmpuint (notified, ==, 1);

  /* A deleted dossier leaves the list. */
  changes.calls = 0;
  g_assert_true (regie_case_delete (s->f.store, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (regie_case_list_get_total (list), ==, 4);
}

static void
test_list_many (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RegieCaseList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_assert_true (regie_demo_fill (f->store, 700, 7, &error));
  g_assert_no_error (error);

  list = regie_case_list_new (f->store);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 700);

  /* Any position, in any order, gives its own row; rows held elsewhere stay valid. */
  for (guint i = 0; i < n; i += 7)
    {
      guint position = (i * 37) % n;
      RegieCaseRow *row = g_list_model_get_item (G_LIST_MODEL (list), position);

      g_assert_cmpint (regie_case_row_get_id (row), ==, regie_case_list_get_id (list, position));
      g_assert_cmpstr (regie_case_row_get_display_name (row), !=, "");
      g_assert_cmpuint (g_strv_length ((char **) regie_case_row_get_themes (row)), >=, 1);
      g_ptr_array_add (held, row);
    }

  /* The same position gives the same row while it lives. */
  {
    g_autoptr(RegieCaseRow) a = g_list_model_get_item (G_LIST_MODEL (list), 5);
    g_autoptr(RegieCaseRow) b = g_list_model_get_item (G_LIST_MODEL (list), 5);

    g_assert_true (a == b);
  }

  /* Rows outlive their list. */
  g_clear_object (&list);
  g_assert_cmpstr (regie_case_row_get_display_name (held->pdata[0]), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/describe", test_describe);
#define ADD(path, func) g_test_add (path, SearchFixture, NULL, search_set_up, func, search_tear_down)
  ADD ("/search/diacritics", test_diacritics);
  ADD ("/search/prefixes", test_prefixes);
  ADD ("/search/several-words", test_several_words);
  ADD ("/search/question-and-notes", test_question_and_notes);
  ADD ("/search/bsn", test_bsn);
  ADD ("/search/birth-date", test_birth_date);
  ADD ("/search/postcode", test_postcode);
  ADD ("/search/syntax-is-harmless", test_syntax_is_harmless);
  ADD ("/search/deleted-not-found", test_deleted_not_found);
  ADD ("/search/rename-found", test_rename_found);
  ADD ("/case-list/search", test_list_search);
  ADD ("/case-list/filters", test_list_filters);
  ADD ("/case-list/sort", test_list_sort);
  ADD ("/case-list/follows-store", test_list_follows_store);
#undef ADD
  g_test_add ("/case-list/many", Fixture, NULL, fixture_set_up, test_list_many, fixture_tear_down);

  return g_test_run ();
}
