/* test-person.c — inwoners: stored, checked, named and sorted the Dutch way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regie-dossier-fixture.h"

static void
test_create_read (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan Pieter", "van der", "Voorbeeld");
  g_autoptr(RegiePerson) back = NULL;
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = regie_demo_bsn (3);

  regie_person_set_initials (person, "J.P.");
  regie_person_set_preferred_name (person, "Jan");
  regie_person_set_birth_date (person, "1980-03-12");
  regie_person_set_bsn (person, bsn);
  regie_person_set_phone (person, "06-00000001");
  regie_person_set_email (person, "jan@voorbeeld.invalid");
  regie_person_set_street (person, "Demostraat");
  regie_person_set_house_number (person, "1a");
  regie_person_set_postcode (person, " 9999xa ");
  regie_person_set_city (person, "Demodorp");
  regie_person_set_language (person, "Nederlands");
  regie_person_set_interpreter_needed (person, TRUE);
  regie_person_set_digid_status (person, REGIE_DIGID_STATUS_REQUESTED_WITH_HELP);
  regie_person_set_notes (person, "Komt graag ’s ochtends.\n");

  kase = add_case (f, person, "Vraag");
  g_assert_cmpint (regie_person_get_id (person), >, 0);
  /* Saving normalised what was typed. */
  g_assert_cmpstr (regie_person_get_postcode (person), ==, "9999 XA");
  g_assert_nonnull (regie_person_get_created_at (person));
  g_assert_true (g_str_has_suffix (regie_person_get_created_at (person), "Z"));

  back = regie_person_load (f->store, regie_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (regie_person_get_given_names (back), ==, "Jan Pieter");
  g_assert_cmpstr (regie_person_get_initials (back), ==, "J.P.");
  g_assert_cmpstr (regie_person_get_prefix (back), ==, "van der");
  g_assert_cmpstr (regie_person_get_surname (back), ==, "Voorbeeld");
  g_assert_cmpstr (regie_person_get_preferred_name (back), ==, "Jan");
  g_assert_cmpstr (regie_person_get_birth_date (back), ==, "1980-03-12");
  g_assert_cmpstr (regie_person_get_bsn (back), ==, bsn);
  g_assert_cmpstr (regie_person_get_phone (back), ==, "06-00000001");
  g_assert_cmpstr (regie_person_get_email (back), ==, "jan@voorbeeld.invalid");
  g_assert_cmpstr (regie_person_get_street (back), ==, "Demostraat");
  g_assert_cmpstr (regie_person_get_house_number (back), ==, "1a");
  g_assert_cmpstr (regie_person_get_postcode (back), ==, "9999 XA");
  g_assert_cmpstr (regie_person_get_city (back), ==, "Demodorp");
  g_assert_cmpstr (regie_person_get_language (back), ==, "Nederlands");
  g_assert_true (regie_person_get_interpreter_needed (back));
  g_assert_cmpint (regie_person_get_digid_status (back), ==, REGIE_DIGID_STATUS_REQUESTED_WITH_HELP);
  g_assert_cmpstr (regie_person_get_notes (back), ==, "Komt graag ’s ochtends.\n");
  g_assert_cmpstr (regie_person_get_created_at (back), ==, regie_person_get_created_at (person));
  g_assert_cmpstr (regie_person_get_display_name (back), ==, "Jan van der Voorbeeld");
  g_assert_cmpint (regie_person_get_age (back, "2024-03-12"), ==, 44);

  /* The case came with its person. */
  g_assert_cmpint (regie_case_get_person_id (kase), ==, regie_person_get_id (person));
}

static void
test_unknown_fields_are_null (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Fatima", NULL, "Testvrouw");
  g_autoptr(RegiePerson) back = NULL;
  g_autoptr(RegieCase) kase = NULL;

  regie_person_set_bsn (person, "");
  regie_person_set_birth_date (person, "  ");
  kase = add_case (f, person, "Vraag");

  back = regie_person_load (f->store, regie_person_get_id (person), NULL);
  g_assert_null (regie_person_get_bsn (back));
  g_assert_null (regie_person_get_birth_date (back));
  g_assert_cmpstr (regie_person_get_phone (back), ==, "");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person WHERE bsn IS NULL AND birth_date IS NULL"), ==, 1);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Kees", NULL, "Proef");
  g_autoptr(RegieCase) open_case = add_case (f, person, "Eerste vraag");
  g_autoptr(RegieCase) closed_case = add_case (f, person, "Tweede vraag");
  g_autoptr(RegiePerson) back = NULL;
  g_autoptr(RegieCase) open_back = NULL;
  g_autoptr(RegieCase) closed_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = g_strdup (regie_person_get_created_at (person));

  g_assert_true (regie_case_close (f->store, closed_case, REGIE_OUTCOME_SOLVED, NULL, 0, ACTOR, &error));
  g_assert_no_error (error);

  next_moment ();
  regie_person_set_surname (person, "Proefman");
  regie_person_set_phone (person, "020 123 4567");
  g_assert_true (regie_person_save (f->store, person, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (regie_person_get_updated_at (person), >, created);

  back = regie_person_load (f->store, regie_person_get_id (person), &error);
  g_assert_cmpstr (regie_person_get_surname (back), ==, "Proefman");
  g_assert_cmpstr (regie_person_get_phone (back), ==, "020 123 4567");
  g_assert_cmpstr (regie_person_get_created_at (back), ==, created);
  g_assert_cmpstr (regie_person_get_sort_key (back), ==, regie_person_get_sort_key (person));
  g_assert_true (g_str_has_prefix (regie_person_get_sort_key (back), "proefman"));

  /* Working on someone's details is activity on their open dossiers only. */
  open_back = regie_case_load (f->store, regie_case_get_id (open_case), NULL);
  closed_back = regie_case_load (f->store, regie_case_get_id (closed_case), NULL);
  g_assert_cmpstr (regie_case_get_last_activity (open_back), ==, regie_person_get_updated_at (person));
  g_assert_cmpstr (regie_case_get_last_activity (closed_back), ==, regie_case_get_last_activity (closed_case));
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", "de", "Proefpersoon");
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(RegieCase) ok_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = regie_demo_bsn (9);
  g_autofree char *bad_bsn = g_strdup (bsn);

  bad_bsn[0] = bad_bsn[0] == '9' ? '8' : '9';
  regie_person_set_bsn (person, bad_bsn);
  regie_case_set_question (kase, "Vraag");

  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_CHECKSUM);
  g_clear_error (&error);
  /* Nothing stored, nothing lost: the object still holds what was typed. */
  g_assert_cmpint (regie_person_get_id (person), ==, 0);
  g_assert_cmpint (regie_case_get_id (kase), ==, 0);
  g_assert_cmpstr (regie_person_get_bsn (person), ==, bad_bsn);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier"), ==, 0);

  regie_person_set_bsn (person, bsn);
  regie_person_set_postcode (person, "123 AB");
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT);
  g_clear_error (&error);

  regie_person_set_postcode (person, "1234 ab");
  regie_person_set_birth_date (person, "2999-01-01");
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FUTURE);
  g_clear_error (&error);

  regie_person_set_birth_date (person, "12-3-1980");
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT);
  g_clear_error (&error);

  regie_person_set_birth_date (person, "1980-03-12");
  regie_person_set_email (person, "jan@");
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_EMAIL);
  g_clear_error (&error);

  regie_person_set_email (person, NULL);
  regie_person_set_phone (person, "12345");
  g_assert_false (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_PHONE);
  g_clear_error (&error);

  regie_person_set_phone (person, NULL);
  g_assert_true (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (regie_person_get_postcode (person), ==, "1234 AB");

  /* An update is checked the same way and changes nothing when it fails. */
  regie_person_set_bsn (person, bad_bsn);
  g_assert_false (regie_person_save (f->store, person, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_CHECKSUM);
  g_clear_error (&error);
  {
    g_autoptr(RegiePerson) back = regie_person_load (f->store, regie_person_get_id (person), NULL);
    g_assert_cmpstr (regie_person_get_bsn (back), ==, bsn);
  }

  /* Someone needs a name. */
  {
    g_autoptr(RegiePerson) nameless = regie_person_new ();
    g_autoptr(RegieCase) other = regie_case_new ();

    g_assert_false (regie_case_create (f->store, other, nameless, ACTOR, &error));
    g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_NAME_MISSING);
    g_clear_error (&error);
    regie_person_set_preferred_name (nameless, "Mo");
    ok_case = add_case (f, nameless, "Vraag");
  }
}

static void
test_display_names (void)
{
  static const struct {
    const char *given, *initials, *prefix, *surname, *preferred;
    const char *display, *list;
  } cases[] = {
    { "Jan", NULL, "van der", "Berg", NULL, "Jan van der Berg", "Berg, Jan van der" },
    { "Jan", NULL, "van der", "Berg", "Jantje", "Jantje van der Berg", "Berg, Jantje van der" },
    { NULL, "J.P.", "van der", "Berg", NULL, "J.P. van der Berg", "Berg, J.P. van der" },
    { NULL, NULL, "van der", "Berg", NULL, "Van der Berg", "Berg, van der" },
    { "Piet", NULL, "’t", "Hart", NULL, "Piet ’t Hart", "Hart, Piet ’t" },
    { NULL, NULL, "’t", "Hart", NULL, "’t Hart", "Hart, ’t" },
    { "Ayşe", NULL, NULL, "Çelik-Demo", NULL, "Ayşe Çelik-Demo", "Çelik-Demo, Ayşe" },
    { "Fatima", NULL, NULL, NULL, NULL, "Fatima", "Fatima" },
    { NULL, NULL, NULL, "Proef", NULL, "Proef", "Proef" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RegiePerson) person = regie_person_new ();

      regie_person_set_given_names (person, cases[i].given);
      regie_person_set_initials (person, cases[i].initials);
      regie_person_set_prefix (person, cases[i].prefix);
      regie_person_set_surname (person, cases[i].surname);
      regie_person_set_preferred_name (person, cases[i].preferred);
      g_assert_cmpstr (regie_person_get_display_name (person), ==, cases[i].display);
      g_assert_cmpstr (regie_person_get_list_name (person), ==, cases[i].list);
    }
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *seen)
{
  g_ptr_array_add (seen, (gpointer) g_param_spec_get_name (pspec));
}

static void
test_notify (void)
{
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_signal_connect (person, "notify", G_CALLBACK (on_notify_cb), seen);

  regie_person_set_surname (person, "Berg");
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "surname", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "display-name", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "sort-key", g_str_equal, NULL));

  /* Only real changes notify. */
  g_ptr_array_set_size (seen, 0);
  regie_person_set_surname (person, " Berg ");
  regie_person_set_digid_status (person, REGIE_DIGID_STATUS_UNKNOWN);
  g_object_set (person, "surname", "Berg", NULL);
  g_assert_cmpuint (seen->len, ==, 0);

  g_object_set (person, "digid-status", REGIE_DIGID_STATUS_HAS, NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (regie_digid_status_get_label (REGIE_DIGID_STATUS_HAS), ==, "Has DigiD");
}

static void
test_sort_order (Fixture       *f,
                 gconstpointer  data)
{
  /* The expected list order; created in another order below. */
  static const struct { const char *given, *prefix, *surname; } people[] = {
    { "Kees", NULL, "Aalbers" },
    { "anna", "de", "berg" },
    { "Jan", "van der", "Berg" },
    { "Piet", NULL, "Bergman" },
    { "Ayşe", NULL, "Çelik" },
    { "Cees", NULL, "Cornelissen" },
    { "Émile", NULL, "Dekker-Zwart" },
    { "Dirk", NULL, "van Dijk" },      /* prefix typed in the surname field */
    { "Piet", "’t", "Hart" },
    { "Zoë", NULL, "zwart" },
  };
  static const guint creation_order[] = { 6, 2, 9, 0, 4, 8, 1, 7, 3, 5 };
  g_autoptr(RegieCaseList) list = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (people) == G_N_ELEMENTS (creation_order));

  for (guint n = 0; n < G_N_ELEMENTS (creation_order); n++)
    {
      guint k = creation_order[n];
      g_autoptr(RegiePerson) person = make_person (people[k].given, people[k].prefix, people[k].surname);

      g_ptr_array_add (keep, add_case (f, person, "Vraag"));
    }

  /* In SQL, by the stored key … */
  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store),
                                       "SELECT surname, given_names FROM person ORDER BY sort_key",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, people[i].surname);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, people[i].given);
      i++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (people));

  /* … and in the list the Dossiers view shows. */
  list = regie_case_list_new (f->store);
  regie_case_list_set_sort (list, REGIE_CASE_SORT_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (people));
  for (i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RegieCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(RegiePerson) expected = make_person (people[i].given, people[i].prefix, people[i].surname);

      g_assert_cmpstr (regie_case_row_get_list_name (row), ==, regie_person_get_list_name (expected));
    }

  {
    g_autoptr(RegieCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), 2);
    g_assert_cmpstr (regie_case_row_get_list_name (row), ==, "Berg, Jan van der");
    g_assert_cmpstr (regie_case_row_get_display_name (row), ==, "Jan van der Berg");
  }
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RegiePerson) jan = make_person ("Jan", "van der", "Berg");
  g_autoptr(RegiePerson) janneke = make_person ("Janneke", NULL, "Bergsma");
  g_autoptr(RegiePerson) kees = make_person ("Kees", NULL, "Proef");
  g_autoptr(RegieCase) c1 = NULL;
  g_autoptr(RegieCase) c2 = NULL;
  g_autoptr(RegieCase) c3 = NULL;
  g_autoptr(RegieCase) c4 = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = regie_demo_bsn (5);

  regie_person_set_birth_date (jan, "1980-03-12");
  regie_person_set_bsn (kees, bsn);
  c1 = add_case (f, jan, "Vraag over Berg en Dal");
  c2 = add_case (f, jan, "Nog een vraag");
  c3 = add_case (f, janneke, "Vraag");
  c4 = add_case (f, kees, "Ik heb een vraag over januari en Jansen");

  /* Names only, each person once, in list order. */
  found = regie_person_find (f->store, "jan", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  {
    g_autoptr(RegiePerson) first = g_list_model_get_item (found, 0);
    g_autoptr(RegiePerson) second = g_list_model_get_item (found, 1);

    g_assert_cmpint (regie_person_get_id (first), ==, regie_person_get_id (jan));
    g_assert_cmpint (regie_person_get_id (second), ==, regie_person_get_id (janneke));
  }
  g_clear_object (&found);

  found = regie_person_find (f->store, "jan berg", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);

  found = regie_person_find (f->store, "12-3-1980", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  found = regie_person_find (f->store, bsn, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  found = regie_person_find (f->store, "jan", 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  found = regie_person_find (f->store, "", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RegiePerson) jan = make_person ("Jan Willem", "de", "Proefpersoon");
  g_autoptr(RegiePerson) other_jan = make_person ("Jan", NULL, "Testman");
  g_autoptr(RegiePerson) same_day = make_person ("Kees", NULL, "Voorbeeld");
  g_autoptr(RegiePerson) stranger = make_person ("Anna", NULL, "Fictief");
  g_autoptr(RegiePerson) typed = make_person ("Jan", NULL, "Proefpersoon");
  g_autoptr(RegieCase) c1 = NULL;
  g_autoptr(RegieCase) c2 = NULL;
  g_autoptr(RegieCase) c3 = NULL;
  g_autoptr(RegieCase) c4 = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bsn = regie_demo_bsn (11);

  regie_person_set_birth_date (jan, "1980-03-12");
  regie_person_set_birth_date (same_day, "1980-03-12");
  regie_person_set_bsn (stranger, bsn);
  c1 = add_case (f, jan, "Vraag");
  c2 = add_case (f, other_jan, "Vraag");
  c3 = add_case (f, same_day, "Vraag");
  c4 = add_case (f, stranger, "Vraag");

  /* Being typed: "Jan Proefpersoon", born 12-3-1980, with the BSN someone else has. */
  regie_person_set_birth_date (typed, "1980-03-12");
  regie_person_set_bsn (typed, bsn);
  found = regie_person_find_duplicates (f->store, typed, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
  {
    g_autoptr(RegiePerson) p0 = g_list_model_get_item (found, 0);
    g_autoptr(RegiePerson) p1 = g_list_model_get_item (found, 1);
    g_autoptr(RegiePerson) p2 = g_list_model_get_item (found, 2);

    /* Same BSN first, then same name and birth date, then the birth date alone. */
    g_assert_cmpint (regie_person_get_id (p0), ==, regie_person_get_id (stranger));
    g_assert_cmpint (regie_person_get_id (p1), ==, regie_person_get_id (jan));
    g_assert_cmpint (regie_person_get_id (p2), ==, regie_person_get_id (same_day));
  }
  g_clear_object (&found);

  /* A saved person is not their own duplicate. */
  found = regie_person_find_duplicates (f->store, jan, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* A surname alone is not enough. */
  {
    g_autoptr(RegiePerson) piet = make_person ("Piet", NULL, "Testman");

    found = regie_person_find_duplicates (f->store, piet, 10, &error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Verzonnen");
  g_autoptr(RegiePerson) other = make_person ("Kees", NULL, "Verzonnenman");
  g_autoptr(RegieCase) c1 = add_case (f, person, "Eerste");
  g_autoptr(RegieCase) c2 = add_case (f, person, "Tweede");
  g_autoptr(RegieCase) c3 = add_case (f, other, "Derde");
  g_autoptr(RegiePerson) gone = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (regie_person_delete (f->store, regie_person_get_id (person), ACTOR, &error));
  g_assert_no_error (error);

  gone = regie_person_load (f->store, regie_person_get_id (person), &error);
  g_assert_null (gone);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier_fts"), ==, 1);
  found = regie_search_cases (f->store, "verzonnen", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, regie_case_get_id (c3));

  g_assert_false (regie_person_delete (f->store, regie_person_get_id (person), ACTOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person/display-names", test_display_names);
  g_test_add_func ("/person/notify", test_notify);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/person/create-read", test_create_read);
  ADD ("/person/unknown-fields-are-null", test_unknown_fields_are_null);
  ADD ("/person/update", test_update);
  ADD ("/person/validation", test_validation);
  ADD ("/person/sort-order", test_sort_order);
  ADD ("/person/find", test_find);
  ADD ("/person/duplicates", test_duplicates);
  ADD ("/person/delete", test_delete);
#undef ADD

  return g_test_run ();
}
