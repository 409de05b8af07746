/* test-network.c — holidays, professional lines and their reachability, organisations,
 * contacts, the network list and the organisations a dossier involves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regie-dossier-fixture.h"
#include "regie-demo-network.h"
#include "regie-event.h"
#include "regie-timeline.h"
#include "regie-holidays.h"
#include "regie-network.h"
#include "regie-network-private.h"

static void
test_easter (void)
{
  static const struct { int year, month, day; } easter[] = {
    { 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 }, { 2027, 3, 28 }, { 2028, 4, 16 },
    { 2029, 4, 1 }, { 2030, 4, 21 }, { 2038, 4, 25 }, { 2285, 3, 22 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (easter); i++)
    {
      int month, day;

      regie_holidays_easter (easter[i].year, &month, &day);
      g_assert_cmpint (month, ==, easter[i].month);
      g_assert_cmpint (day, ==, easter[i].day);
    }
}

static void
test_holidays (void)
{
  /* Year, then the Easter-based days (Easter Monday, Ascension, Whit Monday) and Koningsdag. */
  static const struct { int year; int em_m, em_d, as_m, as_d, wm_m, wm_d, kd_d; } years[] = {
    { 2024, 4, 1, 5, 9, 5, 20, 27 },
    { 2025, 4, 21, 5, 29, 6, 9, 26 },   /* 27 April 2025 is a Sunday */
    { 2026, 4, 6, 5, 14, 5, 25, 27 },
    { 2027, 3, 29, 5, 6, 5, 17, 27 },
    { 2028, 4, 17, 5, 25, 6, 5, 27 },
    { 2029, 4, 2, 5, 10, 5, 21, 27 },
    { 2030, 4, 22, 5, 30, 6, 10, 27 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      int y = years[i].year;
      int easter_m, easter_d;

      regie_holidays_easter (y, &easter_m, &easter_d);
      g_assert_cmpstr (regie_holidays_get_name (y, 1, 1), ==, "New Year’s Day");
      g_assert_cmpstr (regie_holidays_get_name (y, easter_m, easter_d), ==, "Easter Sunday");
      g_assert_cmpstr (regie_holidays_get_name (y, years[i].em_m, years[i].em_d), ==, "Easter Monday");
      g_assert_cmpstr (regie_holidays_get_name (y, years[i].as_m, years[i].as_d), ==, "Ascension Day");
      g_assert_cmpstr (regie_holidays_get_name (y, years[i].wm_m, years[i].wm_d), ==, "Whit Monday");
      g_assert_cmpstr (regie_holidays_get_name (y, 4, years[i].kd_d), ==, "King’s Day");
      g_assert_null (regie_holidays_get_name (y, 4, years[i].kd_d == 27 ? 26 : 27));
      g_assert_cmpstr (regie_holidays_get_name (y, 5, 5), ==, "Liberation Day");
      g_assert_cmpstr (regie_holidays_get_name (y, 12, 25), ==, "Christmas Day");
      g_assert_cmpstr (regie_holidays_get_name (y, 12, 26), ==, "Boxing Day");
      g_assert_null (regie_holidays_get_name (y, 12, 24));
      g_assert_null (regie_holidays_get_name (y, 12, 31));
    }

  g_assert_cmpstr (regie_holidays_get_name (2025, 6, 8), ==, "Whit Sunday");
  /* Goede Vrijdag is no general day off. */
  g_assert_null (regie_holidays_get_name (2024, 3, 29));
  g_assert_null (regie_holidays_get_name (2025, 4, 18));
  g_assert_cmpstr (regie_holidays_get_name (2031, 4, 26), ==, "King’s Day");
  g_assert_null (regie_holidays_get_name (2031, 4, 27));
  g_assert_null (regie_holidays_get_name (2025, 2, 30));
}

static void
test_availability_text (void)
{
  g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *localized = NULL;
  const RegieSlot *slots;
  guint n;

  g_assert_true (regie_professional_line_set_availability (line, "ma t/m vr 9:00-12:00, 13.00–17:00; za 10-12", &error));
  g_assert_no_error (error);
  slots = regie_professional_line_get_slots (line, &n);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpuint (slots[0].weekday, ==, 1);
  g_assert_cmpuint (slots[0].start_minute, ==, 9 * 60);
  g_assert_cmpuint (slots[1].start_minute, ==, 13 * 60);
  g_assert_cmpuint (slots[10].weekday, ==, 6);
  g_assert_cmpuint (slots[10].end_minute, ==, 12 * 60);

  canonical = regie_professional_line_format_availability (line, FALSE);
  g_assert_cmpstr (canonical, ==, "mo-fr 09:00-12:00,13:00-17:00; sa 10:00-12:00");
  localized = regie_professional_line_format_availability (line, TRUE);
  g_assert_cmpstr (localized, ==, "mo–fr 9:00–12:00, 13:00–17:00; sa 10:00–12:00");

  /* What it writes, it reads back the same. */
  g_assert_true (regie_professional_line_set_availability (line, localized, &error));
  g_clear_pointer (&canonical, g_free);
  canonical = regie_professional_line_format_availability (line, FALSE);
  g_assert_cmpstr (canonical, ==, "mo-fr 09:00-12:00,13:00-17:00; sa 10:00-12:00");

  g_assert_true (regie_professional_line_set_availability (line, "Monday, Wednesday 8:30-9:15", &error));
  g_clear_pointer (&canonical, g_free);
  canonical = regie_professional_line_format_availability (line, FALSE);
  g_assert_cmpstr (canonical, ==, "mo 08:30-09:15; we 08:30-09:15");

  g_assert_false (regie_professional_line_set_availability (line, "ma 17:00-9:00", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (regie_professional_line_set_availability (line, "soms 9-12", &error));
  g_clear_error (&error);
  g_assert_false (regie_professional_line_set_availability (line, "ma 25:00-26:00", &error));
  g_clear_error (&error);
  /* A refused text leaves the slots as they were. */
  g_clear_pointer (&canonical, g_free);
  canonical = regie_professional_line_format_availability (line, FALSE);
  g_assert_cmpstr (canonical, ==, "mo 08:30-09:15; we 08:30-09:15");
}

static GDateTime *
amsterdam (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new (regie_network_time_zone (), year, month, day, hour, minute, 0);
}

static void
assert_describe (RegieProfessionalLine *line,
                 GDateTime             *now,
                 gboolean               reachable,
                 const char            *expected)
{
  g_autofree char *text = regie_professional_line_describe (line, now);

  g_assert_cmpint (regie_professional_line_is_reachable (line, now), ==, reachable);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_reachability (void)
{
  g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) summer = NULL;
  struct { int y, m, d, h, min; gboolean reachable; const char *text; } cases[] = {
    /* Tuesday 4 March 2025 */
    { 2025, 3, 4, 8, 59, FALSE, "Reachable from 9:00" },
    { 2025, 3, 4, 9, 0, TRUE, "Reachable now" },
    { 2025, 3, 4, 11, 59, TRUE, "Reachable now" },
    { 2025, 3, 4, 12, 0, FALSE, "Reachable from 13:00" },
    { 2025, 3, 4, 16, 59, TRUE, "Reachable now" },
    { 2025, 3, 4, 17, 0, FALSE, "Reachable from tomorrow 9:00" },
    /* Friday evening and the weekend */
    { 2025, 3, 7, 17, 30, FALSE, "Reachable from Monday 9:00" },
    { 2025, 3, 9, 10, 0, FALSE, "Reachable from tomorrow 9:00" },
    /* Easter Monday 2025, then Christmas: 25 and 26 December are a Thursday and Friday. */
    { 2025, 4, 21, 10, 0, FALSE, "Reachable from tomorrow 9:00" },
    { 2025, 4, 18, 10, 0, TRUE, "Reachable now" },   /* Good Friday is open */
    { 2025, 12, 24, 17, 0, FALSE, "Reachable from Monday 9:00" },
    /* Koningsdag on Saturday 26 April 2025 does not matter; in 2027 it is a Tuesday. */
    { 2027, 4, 27, 10, 0, FALSE, "Reachable from tomorrow 9:00" },
    { 2027, 4, 26, 17, 0, FALSE, "Reachable from Wednesday 9:00" },
  };

  g_assert_true (regie_professional_line_set_availability (line, "ma-vr 9:00-12:00, 13:00-17:00", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = amsterdam (cases[i].y, cases[i].m, cases[i].d, cases[i].h, cases[i].min);

      assert_describe (line, now, cases[i].reachable, cases[i].text);
    }

  /* Any time zone in, Amsterdam time used: 8:30 UTC is 9:30 in winter, 10:30 in summer. */
  utc = g_date_time_new_utc (2025, 3, 4, 7, 30, 0);
  assert_describe (line, utc, FALSE, "Reachable from 9:00");
  summer = g_date_time_new_utc (2025, 7, 1, 7, 30, 0);
  assert_describe (line, summer, TRUE, "Reachable now");

  /* A line that says it is open on holidays. */
  regie_professional_line_set_open_on_holidays (line, TRUE);
  {
    g_autoptr(GDateTime) easter_monday = amsterdam (2025, 4, 21, 10, 0);

    assert_describe (line, easter_monday, TRUE, "Reachable now");
  }

  /* Far away and unknown. */
  g_assert_true (regie_professional_line_set_availability (line, "", &error));
  {
    g_autoptr(GDateTime) now = amsterdam (2025, 3, 4, 10, 0);

    assert_describe (line, now, FALSE, "No hours known");
  }

  /* The clock the UI reads can be set by tests. */
  {
    g_autoptr(GDateTime) fixed = amsterdam (2025, 3, 4, 10, 0);
    g_autoptr(GDateTime) now = NULL;

    _regie_network_set_now (fixed);
    now = regie_network_now ();
    g_assert_true (g_date_time_equal (now, fixed));
    _regie_network_set_now (NULL);
  }
}

static void
test_needs_check (void)
{
  g_assert_true (regie_network_needs_check (NULL, "2025-06-01"));
  g_assert_true (regie_network_needs_check ("2024-11-30", "2025-06-01"));
  g_assert_false (regie_network_needs_check ("2024-12-01", "2025-06-01"));
  g_assert_false (regie_network_needs_check ("2025-05-31", "2025-06-01"));
  /* Six months before 31 August is 28 February. */
  g_assert_true (regie_network_needs_check ("2025-02-27", "2025-08-31"));
  g_assert_false (regie_network_needs_check ("2025-02-28", "2025-08-31"));
}

static RegieOrganisation *
save_organisation (Fixture               *f,
                   const char            *name,
                   RegieOrganisationKind  kind,
                   const char            *themes)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = g_strsplit (themes, " ", -1);
  RegieOrganisation *organisation = regie_organisation_new ();

  regie_organisation_set_name (organisation, name);
  regie_organisation_set_kind (organisation, kind);
  regie_organisation_set_themes (organisation, (const char * const *) ids);
  regie_organisation_set_phone (organisation, "0800-0000999");
  g_assert_true (regie_organisation_save (f->store, organisation, ACTOR, &error));
  g_assert_no_error (error);
  return organisation;
}

static void
test_organisation_store (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RegieOrganisation) organisation = NULL;
  g_autoptr(RegieOrganisation) back = NULL;
  g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(RegieContact) contact_back = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *today = regie_today ();
  gint64 id;

  organisation = save_organisation (f, "Schuldhulp Testdorp", REGIE_ORGANISATION_KIND_DEBT_HELP,
                                    "schulden toeslagen onbekend schulden");
  id = regie_organisation_get_id (organisation);
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_str_has_prefix (regie_organisation_get_uid (organisation), "urn:uuid:"));
  g_assert_cmpstr (regie_organisation_get_checked_at (organisation), ==, today);

  regie_organisation_set_street (organisation, "Demostraat 1");
  regie_organisation_set_postcode (organisation, "9999 XA");
  regie_organisation_set_city (organisation, "Proefstad");
  regie_organisation_set_checked_at (organisation, "2020-01-01");
  g_assert_true (regie_organisation_save (f->store, organisation, ACTOR, &error));

  regie_professional_line_set_organisation_id (line, id);
  regie_professional_line_set_label (line, "Spoedlijn");
  regie_professional_line_set_phone (line, "0800-0000998");
  g_assert_true (regie_professional_line_set_availability (line, "ma-vr 9-17", &error));
  g_assert_true (regie_professional_line_save (f->store, line, ACTOR, &error));
  g_assert_no_error (error);

  regie_contact_set_organisation_id (contact, id);
  regie_contact_set_name (contact, "Kees Proef");
  regie_contact_set_role (contact, "Schuldhulpverlener");
  regie_contact_set_mobile (contact, "06-00000998");
  g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));
  g_assert_no_error (error);

  back = regie_organisation_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (regie_organisation_get_name (back), ==, "Schuldhulp Testdorp");
  g_assert_cmpint (regie_organisation_get_kind (back), ==, REGIE_ORGANISATION_KIND_DEBT_HELP);
  /* Known themes only, once each, in the order of the theme list. */
  g_assert_cmpstrv (regie_organisation_get_themes (back), ((const char * const[]) { "toeslagen", "schulden", NULL }));
  address = regie_organisation_format_address (back);
  g_assert_cmpstr (address, ==, "Demostraat 1, 9999 XA Proefstad");
  g_assert_true (regie_organisation_needs_check (back, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (regie_organisation_get_lines (back)), ==, 1);

  contacts = regie_contact_list_for_organisation (f->store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  contact_back = regie_contact_load (f->store, regie_contact_get_id (contact), &error);
  g_assert_cmpstr (regie_contact_get_organisation_name (contact_back), ==, "Schuldhulp Testdorp");
  g_assert_cmpstr (regie_contact_get_mobile (contact_back), ==, "06-00000998");

  /* "Gecontroleerd": the organisation, its lines and its contacts. */
  g_assert_true (regie_organisation_mark_checked (f->store, back, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_false (regie_organisation_needs_check (back, NULL));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE checked_at = date('now', 'localtime')"), ==, 1);

  /* No name: refused, nothing written. */
  {
    g_autoptr(RegieOrganisation) nameless = regie_organisation_new ();

    g_assert_false (regie_organisation_save (f->store, nameless, ACTOR, &error));
    g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_NAME_MISSING);
    g_clear_error (&error);
    g_assert_cmpint (regie_organisation_get_id (nameless), ==, 0);
  }

  /* The audit trail has the ids, never the names. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE entity_type = 'organisation'"), >=, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action LIKE '%Schuld%' OR entity_type LIKE '%Schuld%'"), ==, 0);

  /* Deleting: lines go with it, the contact stays without organisation. */
  g_assert_true (regie_organisation_delete (f->store, id, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM professional_line"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE organisation_id IS NULL"), ==, 1);
  g_assert_null (regie_organisation_load (f->store, id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_network_model (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RegieNetwork) network = regie_network_new (f->store);
  g_autoptr(RegieOrganisation) uwv = NULL;
  g_autoptr(RegieOrganisation) team = NULL;
  g_autoptr(RegieOrganisation) first = NULL;
  g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(GDateTime) tuesday_ten = amsterdam (2025, 3, 4, 10, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (network)), ==, 0);
  team = save_organisation (f, "Wijkteam Zuid (test)", REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM, "zorg schulden");
  uwv = save_organisation (f, "Ärbeidsbureau (test)", REGIE_ORGANISATION_KIND_NATIONAL, "uwv werk_en_inkomen");

  /* It follows the store, sorted by folded name. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (network)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (network), 0);
  g_assert_cmpstr (regie_organisation_get_name (first), ==, "Ärbeidsbureau (test)");

  regie_professional_line_set_organisation_id (line, regie_organisation_get_id (uwv));
  regie_professional_line_set_label (line, "Ketenlijn");
  g_assert_true (regie_professional_line_set_availability (line, "di 9:00-12:00", &error));
  g_assert_true (regie_professional_line_save (f->store, line, ACTOR, &error));
  regie_contact_set_organisation_id (contact, regie_organisation_get_id (team));
  regie_contact_set_name (contact, "Mila Voorbeeld");
  g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));
  g_assert_no_error (error);

  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (network), 0);
  g_assert_true (regie_organisation_is_reachable (first, tuesday_ten));
  g_assert_true (regie_organisation_matches (first, "arbeids", NULL, -1));
  g_assert_true (regie_organisation_matches (first, "ketenlijn", NULL, -1));
  g_assert_true (regie_organisation_matches (first, "", "uwv", -1));
  g_assert_false (regie_organisation_matches (first, "", "schulden", -1));
  g_assert_true (regie_organisation_matches (first, NULL, NULL, REGIE_ORGANISATION_KIND_NATIONAL));
  g_assert_false (regie_organisation_matches (first, NULL, NULL, REGIE_ORGANISATION_KIND_CARE));

  {
    g_autoptr(RegieOrganisation) second = g_list_model_get_item (G_LIST_MODEL (network), 1);

    /* A contact's name and a theme's label find the organisation too. */
    g_assert_true (regie_organisation_matches (second, "mila", NULL, -1));
    g_assert_true (regie_organisation_matches (second, "debts zuid", NULL, -1));
    g_assert_false (regie_organisation_matches (second, "zuid noord", NULL, -1));
    g_assert_false (regie_organisation_is_reachable (second, tuesday_ten));
  }
}

static void
test_case_links (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Testman");
  g_autoptr(RegieCase) one = add_case (f, person, "Brief van het CJIB");
  g_autoptr(RegieCase) two = add_case (f, person, "Huurachterstand");
  g_autoptr(RegieOrganisation) cjib = save_organisation (f, "CJIB (test)", REGIE_ORGANISATION_KIND_NATIONAL, "cjib");
  g_autoptr(RegieOrganisation) housing = save_organisation (f, "Woonstichting (test)", REGIE_ORGANISATION_KIND_HOUSING, "huisvesting");
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  RegieCaseOrganisation *link;

  regie_contact_set_organisation_id (contact, regie_organisation_get_id (housing));
  regie_contact_set_name (contact, "Lotte Proef");
  g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));

  g_assert_true (regie_network_link_case (f->store, regie_case_get_id (one), regie_organisation_get_id (cjib), 0, ACTOR, &error));
  g_assert_true (regie_network_link_case (f->store, regie_case_get_id (one), regie_organisation_get_id (housing),
                                          regie_contact_get_id (contact), ACTOR, &error));
  g_assert_true (regie_network_link_case (f->store, regie_case_get_id (two), regie_organisation_get_id (housing), 0, ACTOR, &error));
  /* Linking twice is one link. */
  g_assert_true (regie_network_link_case (f->store, regie_case_get_id (two), regie_organisation_get_id (housing), 0, ACTOR, &error));
  g_assert_no_error (error);

  links = regie_network_list_case_organisations (f->store, regie_case_get_id (one), &error);
  g_assert_cmpuint (links->len, ==, 2);
  link = links->pdata[1];
  g_assert_cmpstr (link->organisation_name, ==, "Woonstichting (test)");
  g_assert_cmpstr (link->contact_name, ==, "Lotte Proef");

  cases = regie_network_list_cases_for_organisation (f->store, regie_organisation_get_id (housing), &error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_clear_pointer (&cases, g_array_unref);

  g_assert_true (regie_network_unlink_case (f->store, regie_case_get_id (one), regie_organisation_get_id (housing), ACTOR, &error));
  cases = regie_network_list_cases_for_organisation (f->store, regie_organisation_get_id (housing), &error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (g_array_index (cases, gint64, 0), ==, regie_case_get_id (two));

  /* Deleting a dossier removes its links. */
  g_assert_true (regie_case_delete (f->store, regie_case_get_id (two), ACTOR, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_organisation"), ==, 1);
}

/* A contact moment names an organisation and a contact from the network: the ids and the
 * names come back from the store, and the dossier counts as involved with the organisation. */
static void
test_event_names_organisation (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Testman");
  g_autoptr(RegieCase) kase = add_case (f, person, "Brief van het CJIB");
  g_autoptr(RegieOrganisation) cjib = save_organisation (f, "CJIB (test)", REGIE_ORGANISATION_KIND_NATIONAL, "cjib");
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(RegieEvent) event = regie_event_new (REGIE_EVENT_CONTACT);
  g_autoptr(RegieEvent) loaded = NULL;
  g_autoptr(RegieEvent) plain = regie_event_new (REGIE_EVENT_NOTE);
  g_autoptr(RegieEvent) plain_loaded = NULL;
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  regie_contact_set_organisation_id (contact, regie_organisation_get_id (cjib));
  regie_contact_set_name (contact, "Lotte Proef");
  g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));
  g_assert_no_error (error);

  regie_event_set_with_whom (event, "mevrouw Proef");
  regie_event_set_organisation_id (event, regie_organisation_get_id (cjib));
  regie_event_set_contact_id (event, regie_contact_get_id (contact));
  g_assert_true (regie_event_save (f->store, event, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);

  loaded = regie_event_load (f->store, regie_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_event_get_organisation_id (loaded), ==, regie_organisation_get_id (cjib));
  g_assert_cmpint (regie_event_get_contact_id (loaded), ==, regie_contact_get_id (contact));
  g_assert_cmpstr (regie_event_get_organisation_name (loaded), ==, "CJIB (test)");
  g_assert_cmpstr (regie_event_get_contact_name (loaded), ==, "Lotte Proef");
  g_assert_cmpstr (regie_event_get_with_whom (loaded), ==, "mevrouw Proef");

  /* Another id forgets the old name until the next load. */
  regie_event_set_contact_id (loaded, 0);
  g_assert_cmpstr (regie_event_get_contact_name (loaded), ==, "");
  g_assert_cmpstr (regie_event_get_organisation_name (loaded), ==, "CJIB (test)");

  /* An item naming nothing has names "", not NULL. */
  g_assert_true (regie_event_save (f->store, plain, regie_case_get_id (kase), ACTOR, &error));
  plain_loaded = regie_event_load (f->store, regie_event_get_id (plain), &error);
  g_assert_no_error (error);
  g_assert_cmpint (regie_event_get_organisation_id (plain_loaded), ==, 0);
  g_assert_cmpstr (regie_event_get_organisation_name (plain_loaded), ==, "");
  g_assert_cmpstr (regie_event_get_contact_name (plain_loaded), ==, "");

  /* The timeline finds the item by the organisation's name. */
  {
    g_autoptr(RegieTimeline) timeline = regie_timeline_new (f->store, regie_case_get_id (kase));

    g_assert_true (regie_timeline_reload (timeline, &error));
    g_assert_no_error (error);
    regie_timeline_set_search (timeline, "cjib");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 1);
    {
      g_autoptr(RegieEvent) found = g_list_model_get_item (G_LIST_MODEL (timeline), 0);

      g_assert_cmpint (regie_event_get_id (found), ==, regie_event_get_id (event));
    }
  }

  /* Not linked to the dossier, but named on its timeline: involved all the same. */
  cases = regie_network_list_cases_for_organisation (f->store, regie_organisation_get_id (cjib), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (g_array_index (cases, gint64, 0), ==, regie_case_get_id (kase));

  /* An id that names nothing in the network is not stored. */
  regie_event_set_organisation_id (plain_loaded, 987654);
  regie_event_set_contact_id (plain_loaded, 987654);
  g_assert_true (regie_event_save (f->store, plain_loaded, 0, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE organisation_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE contact_id IS NOT NULL"), ==, 1);
}

/* Deleting a contact or an organisation leaves no item naming it, and the rest intact. */
static void
test_delete_clears_references (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", NULL, "Testman");
  g_autoptr(RegieCase) kase = add_case (f, person, "Huurachterstand");
  g_autoptr(RegieOrganisation) housing = save_organisation (f, "Woonstichting (test)", REGIE_ORGANISATION_KIND_HOUSING, "huisvesting");
  g_autoptr(RegieOrganisation) other = save_organisation (f, "Schuldhulp (test)", REGIE_ORGANISATION_KIND_DEBT_HELP, "schulden");
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(RegieContact) colleague = regie_contact_new ();
  g_autoptr(RegieEvent) call = regie_event_new (REGIE_EVENT_PROFESSIONAL_CALL);
  g_autoptr(RegieEvent) letter = regie_event_new (REGIE_EVENT_LETTER);
  g_autoptr(RegieEvent) elsewhere = regie_event_new (REGIE_EVENT_CONTACT);
  g_autoptr(RegieEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;

  regie_contact_set_organisation_id (contact, regie_organisation_get_id (housing));
  regie_contact_set_name (contact, "Lotte Proef");
  g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));
  regie_contact_set_organisation_id (colleague, regie_organisation_get_id (housing));
  regie_contact_set_name (colleague, "Piet Voorbeeld");
  g_assert_true (regie_contact_save (f->store, colleague, ACTOR, &error));
  g_assert_true (regie_network_link_case (f->store, regie_case_get_id (kase), regie_organisation_get_id (housing),
                                          regie_contact_get_id (contact), ACTOR, &error));

  regie_event_set_organisation_id (call, regie_organisation_get_id (housing));
  regie_event_set_contact_id (call, regie_contact_get_id (contact));
  regie_event_set_with_whom (call, "Lotte");
  g_assert_true (regie_event_save (f->store, call, regie_case_get_id (kase), ACTOR, &error));
  regie_event_set_organisation_id (letter, regie_organisation_get_id (housing));
  regie_event_set_contact_id (letter, regie_contact_get_id (colleague));
  g_assert_true (regie_event_save (f->store, letter, regie_case_get_id (kase), ACTOR, &error));
  regie_event_set_organisation_id (elsewhere, regie_organisation_get_id (other));
  g_assert_true (regie_event_save (f->store, elsewhere, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);

  /* The contact: the call and the dossier link stop naming her; the rest stays. */
  g_assert_true (regie_contact_delete (f->store, regie_contact_get_id (contact), ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE contact_id NOT IN (SELECT id FROM contact)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_organisation WHERE contact_id IS NOT NULL"), ==, 0);
  loaded = regie_event_load (f->store, regie_event_get_id (call), &error);
  g_assert_cmpint (regie_event_get_contact_id (loaded), ==, 0);
  g_assert_cmpstr (regie_event_get_contact_name (loaded), ==, "");
  g_assert_cmpint (regie_event_get_organisation_id (loaded), ==, regie_organisation_get_id (housing));
  g_assert_cmpstr (regie_event_get_with_whom (loaded), ==, "Lotte");
  g_clear_object (&loaded);
  loaded = regie_event_load (f->store, regie_event_get_id (letter), &error);
  g_assert_cmpint (regie_event_get_contact_id (loaded), ==, regie_contact_get_id (colleague));
  g_clear_object (&loaded);

  /* The organisation: no item names it any more; its contacts stay, without it. */
  g_assert_true (regie_organisation_delete (f->store, regie_organisation_get_id (housing), ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE organisation_id NOT IN (SELECT id FROM organisation)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE organisation_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_organisation"), ==, 0);
  loaded = regie_event_load (f->store, regie_event_get_id (letter), &error);
  g_assert_cmpint (regie_event_get_organisation_id (loaded), ==, 0);
  g_assert_cmpstr (regie_event_get_organisation_name (loaded), ==, "");
  g_assert_cmpstr (regie_event_get_contact_name (loaded), ==, "Piet Voorbeeld");
  g_clear_object (&loaded);
  loaded = regie_event_load (f->store, regie_event_get_id (elsewhere), &error);
  g_assert_cmpstr (regie_event_get_organisation_name (loaded), ==, "Schuldhulp (test)");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE organisation_id IS NULL"), ==, 1);
}

static void
test_demo_network (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RegieNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kinds[REGIE_ORGANISATION_KIND_OTHER + 1] = { FALSE };
  g_autofree char *bad_phone = NULL;

  g_assert_true (regie_demo_fill (f->store, 30, 3, &error));
  g_assert_true (regie_demo_network_fill (f->store, &error));
  g_assert_no_error (error);

  network = regie_network_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (network)), >=, 15);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (network)); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (network), i);

      kinds[regie_organisation_get_kind (organisation)] = TRUE;
      g_assert_true (g_str_has_suffix (regie_organisation_get_name (organisation), "(demo)"));
      g_assert_cmpstr (regie_organisation_get_postcode (organisation), ==, "9999 XA");
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (kinds[k]);

  /* Only made-up numbers. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM professional_line"), >=, 10);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact"), >=, 5);
  bad_phone = query_text (f, "SELECT phone FROM organisation WHERE phone NOT LIKE '0800-0000___' "
                             "UNION ALL SELECT phone FROM professional_line WHERE phone NOT LIKE '0800-0000___' AND phone NOT LIKE '06-00000___' "
                             "UNION ALL SELECT mobile FROM contact WHERE mobile NOT LIKE '06-00000___'");
  g_assert_null (bad_phone);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_organisation"), >, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation WHERE checked_at < date('now', '-6 months')"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/network/easter", test_easter);
  g_test_add_func ("/network/holidays", test_holidays);
  g_test_add_func ("/network/availability-text", test_availability_text);
  g_test_add_func ("/network/reachability", test_reachability);
  g_test_add_func ("/network/needs-check", test_needs_check);
  g_test_add ("/network/organisation-store", Fixture, NULL, fixture_set_up, test_organisation_store, fixture_tear_down);
  g_test_add ("/network/model", Fixture, NULL, fixture_set_up, test_network_model, fixture_tear_down);
  g_test_add ("/network/case-links", Fixture, NULL, fixture_set_up, test_case_links, fixture_tear_down);
  g_test_add ("/network/event-names-organisation", Fixture, NULL, fixture_set_up, test_event_names_organisation, fixture_tear_down);
  g_test_add ("/network/delete-clears-references", Fixture, NULL, fixture_set_up, test_delete_clears_references, fixture_tear_down);
  g_test_add ("/network/demo", Fixture, NULL, fixture_set_up, test_demo_network, fixture_tear_down);

  return g_test_run ();
}
