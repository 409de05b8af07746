/* test-stats.c — the figures for the programme, against values worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "regie-case-private.h"
#include "regie-csv.h"
#include "regie-dossier-fixture.h"
#include "regie-event.h"
#include "regie-person-private.h"
#include "regie-stats.h"
#include "regie-stats-csv.h"

/* "Now" for every computation: a contact moment planned after it has not taken place. */
#define NOW "2026-03-20T12:00:00Z"

/* Words that must never reach an export. */
static const char * const secrets[] = {
  "Anna", "Voorbeeld", "Bram", "Proef", "Cees", "Fictief", "Dirk", "Testman", "Eva", "Demovrouw",
  "9999 XA", "9999 XB", "9999XA", "Zwaluwstaart", "Kwetsbaarwoord", "Geheimnotitie",
  "Wijkteam Voorbeeldstad", "Schuldhulp Nepdorp",
};

static char *bsns[5];

static RegiePerson *
person (const char *given,
        const char *surname,
        const char *postcode,
        guint       index)
{
  RegiePerson *p = make_person (given, NULL, surname);

  g_free (bsns[index]);
  bsns[index] = regie_demo_bsn (500 + index);
  regie_person_set_bsn (p, bsns[index]);
  regie_person_set_postcode (p, postcode);
  regie_person_set_notes (p, "Geheimnotitie over thuis");
  return p;
}

/* A dossier opened at a fixed moment, and closed at one when closed_at is given. */
static RegieCase *
dossier (Fixture             *f,
         RegiePerson         *p,
         const char          *opened_at,
         const char * const  *themes,
         RegieArrival         arrival,
         const char          *closed_at,
         RegieOutcome         outcome,
         int                  satisfaction)
{
  g_autoptr(GError) error = NULL;
  RegieCase *kase = regie_case_new ();

  regie_case_set_question (kase, "Zwaluwstaart: ik snap de brief niet");
  regie_case_set_notes (kase, "Kwetsbaarwoord");
  regie_case_set_themes (kase, themes);
  regie_case_set_arrival (kase, arrival);
  if (arrival == REGIE_ARRIVAL_REFERRED_BY_ORGANISATION)
    regie_case_set_referred_by (kase, "Wijkteam Voorbeeldstad");

  g_assert_true (regie_store_begin (f->store, &error));
  if (regie_person_get_id (p) == 0)
    {
      g_assert_true (_regie_person_normalize (p, &error));
      g_assert_true (_regie_person_insert (f->store, p, opened_at, &error));
      g_assert_no_error (error);
    }
  g_assert_true (_regie_case_insert (f->store, kase, p, ACTOR, opened_at, &error));
  g_assert_no_error (error);
  if (closed_at)
    {
      regie_case_set_status (kase, REGIE_CASE_STATUS_CLOSED);
      regie_case_set_outcome (kase, outcome);
      regie_case_set_outcome_note (kase, "Kwetsbaarwoord afgerond");
      regie_case_set_satisfaction (kase, satisfaction);
      g_assert_true (_regie_case_update (f->store, kase, ACTOR, closed_at, &error));
      g_assert_no_error (error);
    }
  g_assert_true (regie_store_commit (f->store, &error));
  g_assert_no_error (error);
  return kase;
}

static void
contact (Fixture      *f,
         RegieCase    *kase,
         const char   *when,
         RegieChannel  channel,
         int           minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieEvent) event = regie_event_new (REGIE_EVENT_CONTACT);

  regie_event_set_when (event, when, REGIE_PRECISION_TIME);
  regie_event_set_channel (event, channel);
  if (minutes > 0)
    regie_event_set_duration (event, minutes);
  regie_event_set_text (event, "Zwaluwstaart besproken met Anna Voorbeeld");
  g_assert_true (regie_event_save (f->store, event, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
}

static gboolean
has_referral_table (Fixture *f)
{
  return query_int (f, "SELECT count(*) FROM sqlite_master WHERE name = 'referral';") == 1;
}

static void
referral (Fixture    *f,
          RegieCase  *kase,
          const char *kind,
          const char *state,
          const char *outcome,
          const char *handed_over_at)
{
  sqlite3 *db = _regie_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO referral (case_id, organisation_name, organisation_kind, "
                                       "  reason, state, outcome, created_at, updated_at, handed_over_at) "
                                       "VALUES (?1, 'Schuldhulp Nepdorp', ?2, 'Kwetsbaarwoord', ?3, ?4, ?5, ?5, ?5);",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, regie_case_get_id (kase));
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  if (outcome)
    sqlite3_bind_text (stmt, 4, outcome, -1, SQLITE_STATIC);
  if (handed_over_at)
    sqlite3_bind_text (stmt, 5, handed_over_at, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, 5, "2026-02-02T10:00:00.000Z", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  if (handed_over_at == NULL)
    g_assert_cmpint (sqlite3_exec (db, "UPDATE referral SET handed_over_at = NULL WHERE state = 'draft';",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The fixture, with the hand-worked figures for the first quarter of 2026 (Amsterdam:
 * UTC+1 until 29 March, UTC+2 after) in the comments. */
static void
fill (Fixture *f)
{
  static const char * const debts_benefits[] = { "toeslagen", "schulden", NULL };
  static const char * const debts[] = { "schulden", NULL };
  static const char * const duo[] = { "duo", NULL };
  static const char * const housing[] = { "huisvesting", NULL };
  static const char * const other[] = { "overig", NULL };
  g_autoptr(RegiePerson) anna = person ("Anna", "Voorbeeld", "9999 XA", 0);
  g_autoptr(RegiePerson) bram = person ("Bram", "Proef", "9999 XB", 1);
  g_autoptr(RegiePerson) cees = person ("Cees", "Fictief", "9999 XA", 2);
  g_autoptr(RegiePerson) dirk = person ("Dirk", "Testman", "9999 XB", 3);
  g_autoptr(RegiePerson) eva = person ("Eva", "Demovrouw", "9999 XA", 4);
  g_autoptr(RegieCase) a1 = NULL, a2 = NULL, b1 = NULL, b2 = NULL, c1 = NULL, d1 = NULL, e1 = NULL;

  /* Opened before, closed in the quarter: 26 days, satisfaction 4. */
  a1 = dossier (f, anna, "2025-12-20T10:00:00.000Z", debts_benefits, REGIE_ARRIVAL_WALK_IN,
                "2026-01-15T10:00:00.000Z", REGIE_OUTCOME_SOLVED, 4);
  /* New (appointment), closed after 30 days, satisfaction 5. */
  a2 = dossier (f, anna, "2026-02-01T09:00:00.000Z", duo, REGIE_ARRIVAL_APPOINTMENT,
                "2026-03-03T09:00:00.000Z", REGIE_OUTCOME_PARTLY_SOLVED, 5);
  /* New (referred), closed after 10 days, satisfaction 2. */
  b1 = dossier (f, bram, "2026-01-10T12:00:00.000Z", debts, REGIE_ARRIVAL_REFERRED_BY_ORGANISATION,
                "2026-01-20T12:00:00.000Z", REGIE_OUTCOME_NOT_SOLVED, 2);
  /* 00:30 on 1 April in Amsterdam (summer time): not in the first quarter. */
  b2 = dossier (f, bram, "2026-03-31T22:30:00.000Z", debts, REGIE_ARRIVAL_WALK_IN,
                NULL, REGIE_OUTCOME_NONE, 0);
  /* The quarter cuts through it: opened before, still open; contact moments in it. */
  c1 = dossier (f, cees, "2025-06-01T10:00:00.000Z", housing, REGIE_ARRIVAL_WALK_IN,
                NULL, REGIE_OUTCOME_NONE, 0);
  /* All of it in 2025. */
  d1 = dossier (f, dirk, "2025-01-01T10:00:00.000Z", debts, REGIE_ARRIVAL_APPOINTMENT,
                "2025-02-01T10:00:00.000Z", REGIE_OUTCOME_SOLVED, 1);
  /* 00:30 on 1 January in Amsterdam (winter time): in January and the quarter. Closed after
   * 1.5 days without a score. */
  e1 = dossier (f, eva, "2025-12-31T23:30:00.000Z", other, REGIE_ARRIVAL_WALK_IN,
                "2026-01-02T11:30:00.000Z", REGIE_OUTCOME_CITIZEN_WITHDREW, 0);

  /* In the quarter: 7 contact moments, 6 with a duration: 15 20 30 41 45 60 → total 211,
   * average 35.17, median (30 + 41) / 2 = 35.5. Desk 3, phone 1, e-mail 1, home visit 1,
   * video 1. */
  contact (f, a2, "2026-02-01T09:00:00.000Z", REGIE_CHANNEL_DESK, 30);
  contact (f, a2, "2026-02-15T10:00:00.000Z", REGIE_CHANNEL_PHONE, 15);
  contact (f, a2, "2026-02-20T10:00:00.000Z", REGIE_CHANNEL_EMAIL, 0);
  contact (f, b1, "2026-01-10T12:00:00.000Z", REGIE_CHANNEL_DESK, 45);
  contact (f, c1, "2026-03-10T10:00:00.000Z", REGIE_CHANNEL_HOME_VISIT, 60);
  contact (f, c1, "2026-03-12T10:00:00.000Z", REGIE_CHANNEL_VIDEO, 41);
  contact (f, e1, "2025-12-31T23:30:00.000Z", REGIE_CHANNEL_DESK, 20);
  /* Not counted: planned after "now", in 2025, and in April. */
  contact (f, c1, "2026-03-25T10:00:00.000Z", REGIE_CHANNEL_DESK, 0);
  contact (f, d1, "2025-01-15T10:00:00.000Z", REGIE_CHANNEL_DESK, 50);
  contact (f, b2, "2026-03-31T22:30:00.000Z", REGIE_CHANNEL_DESK, 25);

  if (has_referral_table (f))
    {
      /* Handed over in the quarter: 3 (debt help 2, national 1); a draft and one from
       * 2025 are not. */
      referral (f, a2, "debt_help", "completed", "success", "2026-02-02T10:00:00.000Z");
      referral (f, b1, "debt_help", "declined", NULL, "2026-01-11T10:00:00.000Z");
      referral (f, c1, "national", "completed", "failure", "2026-03-11T10:00:00.000Z");
      referral (f, c1, "national", "draft", NULL, NULL);
      referral (f, d1, "welfare", "completed", "success", "2025-01-20T10:00:00.000Z");
    }
}

static RegieStats *
compute (Fixture    *f,
         GDateMonth  from_month,
         int         from_year,
         GDateMonth  to_month,
         int         to_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  GDate from, to;
  RegieStats *stats;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, from_month, from_year);
  g_date_set_dmy (&to, 1, to_month, to_year);
  stats = regie_stats_compute (f->store, &from, &to, now, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static gint64
row_count (RegieStats          *stats,
           RegieStatsBreakdown  breakdown,
           const char          *id)
{
  for (guint i = 0; i < regie_stats_get_n_rows (stats, breakdown); i++)
    if (g_strcmp0 (regie_stats_get_row_id (stats, breakdown, i), id) == 0)
      return regie_stats_get_row_count (stats, breakdown, i);

  g_assert_not_reached ();
}

#define VALUE(stats, figure) regie_stats_get_value ((stats), REGIE_STATS_##figure)

static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RegieStats) stats = NULL;

  fill (f);
  stats = compute (f, G_DATE_JANUARY, 2026, G_DATE_APRIL, 2026);

  /* Handled: A1 (closed), A2, B1, C1 (contacts), E1; not B2 (April) or D1 (2025). */
  g_assert_cmpfloat (VALUE (stats, CASES_HANDLED), ==, 5);
  g_assert_cmpfloat (VALUE (stats, INWONERS_HELPED), ==, 4);
  g_assert_cmpfloat (VALUE (stats, CASES_NEW), ==, 3);
  g_assert_cmpfloat (VALUE (stats, CASES_CLOSED), ==, 4);

  g_assert_cmpfloat (VALUE (stats, CONTACTS), ==, 7);
  g_assert_cmpfloat (VALUE (stats, CONTACTS_WITH_DURATION), ==, 6);
  g_assert_cmpfloat (VALUE (stats, CONTACT_MINUTES_TOTAL), ==, 211);
  g_assert_cmpfloat_with_epsilon (VALUE (stats, CONTACT_MINUTES_AVERAGE), 211.0 / 6, 1e-9);
  g_assert_cmpfloat (VALUE (stats, CONTACT_MINUTES_MEDIAN), ==, 35.5);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "desk"), ==, 3);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "phone"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "email"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "home_visit"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "video"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_CHANNEL, "three_way"), ==, 0);

  /* Closed: 1.5, 10, 26, 30 days → median (10 + 26) / 2. */
  g_assert_cmpfloat_with_epsilon (VALUE (stats, DAYS_TO_CLOSE_MEDIAN), 18.0, 1e-6);
  g_assert_cmpfloat (VALUE (stats, SATISFACTION_ANSWERED), ==, 3);
  g_assert_cmpfloat_with_epsilon (VALUE (stats, SATISFACTION_AVERAGE), 11.0 / 3, 1e-9);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_SATISFACTION, "1"), ==, 0);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_SATISFACTION, "2"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_SATISFACTION, "4"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_SATISFACTION, "5"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_OUTCOME, "solved"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_OUTCOME, "partly_solved"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_OUTCOME, "not_solved"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_OUTCOME, "citizen_withdrew"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_OUTCOME, "no_entitlement_explained"), ==, 0);

  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "schulden"), ==, 2);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "toeslagen"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "duo"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "huisvesting"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "overig"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_THEME, "digid"), ==, 0);

  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_ARRIVAL, "walk_in"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_ARRIVAL, "appointment"), ==, 1);
  g_assert_cmpint (row_count (stats, REGIE_STATS_BY_ARRIVAL, "referred_by_organisation"), ==, 1);

  if (has_referral_table (f))
    {
      g_assert_true (regie_stats_has_referrals (stats));
      g_assert_cmpfloat (VALUE (stats, REFERRALS), ==, 3);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_KIND, "debt_help"), ==, 2);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_KIND, "national"), ==, 1);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_KIND, "welfare"), ==, 0);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_STATE, "completed"), ==, 2);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_STATE, "declined"), ==, 1);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_SUCCESS, "success"), ==, 1);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_SUCCESS, "failure"), ==, 1);
      g_assert_cmpint (row_count (stats, REGIE_STATS_BY_REFERRAL_SUCCESS, "open"), ==, 1);
    }
  else
    g_test_message ("No referral table in this schema: referral figures not tested");
}

/* Month boundaries are midnight in Amsterdam, not in UTC. */
static void
test_amsterdam_months (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RegieStats) january = NULL;
  g_autoptr(RegieStats) december = NULL;
  g_autoptr(RegieStats) april = NULL;

  fill (f);
  january = compute (f, G_DATE_JANUARY, 2026, G_DATE_FEBRUARY, 2026);
  december = compute (f, G_DATE_DECEMBER, 2025, G_DATE_JANUARY, 2026);

  /* New in January: B1 and E1 (23:30 UTC on 31 December). Contacts: 20 and 45 minutes,
   * an even count: median 32.5. */
  g_assert_cmpfloat (VALUE (january, CASES_NEW), ==, 2);
  g_assert_cmpfloat (VALUE (january, CONTACTS), ==, 2);
  g_assert_cmpfloat (VALUE (january, CONTACT_MINUTES_MEDIAN), ==, 32.5);
  g_assert_cmpfloat (VALUE (january, CASES_CLOSED), ==, 3);
  /* Closed in January: 1.5, 10, 26 days. */
  g_assert_cmpfloat_with_epsilon (VALUE (january, DAYS_TO_CLOSE_MEDIAN), 10.0, 1e-6);

  /* December: only A1 opened; E1's first half hour of the year is not December's. */
  g_assert_cmpfloat (VALUE (december, CASES_NEW), ==, 1);
  g_assert_cmpfloat (VALUE (december, CONTACTS), ==, 0);
  g_assert_false (regie_stats_has_value (december, REGIE_STATS_CONTACT_MINUTES_MEDIAN));
  g_assert_false (regie_stats_has_value (december, REGIE_STATS_SATISFACTION_AVERAGE));

  /* April has B2, opened at 00:30 on the first (22:30 UTC the day before). Its contact
   * moment lies after "now", so it is not counted yet. */
  april = compute (f, G_DATE_APRIL, 2026, G_DATE_MAY, 2026);
  g_assert_cmpfloat (VALUE (april, CASES_NEW), ==, 1);
  g_assert_cmpfloat (VALUE (april, CONTACTS), ==, 0);
  g_assert_cmpfloat (VALUE (april, INWONERS_HELPED), ==, 1);
}

static void
test_period_ranges (void)
{
  /* 23:30 UTC on 31 March is 1 April in Amsterdam. */
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-03-31T23:30:00Z", NULL);
  GDate from, to;

  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_MONTH, now, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, 4);
  g_assert_cmpint (g_date_get_month (&to), ==, 5);

  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_QUARTER, now, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, 4);
  g_assert_cmpint (g_date_get_month (&to), ==, 7);

  regie_stats_period_get_range (REGIE_STATS_PERIOD_LAST_QUARTER, now, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, 1);
  g_assert_cmpint (g_date_get_year (&from), ==, 2026);
  g_assert_cmpint (g_date_get_month (&to), ==, 4);

  regie_stats_period_get_range (REGIE_STATS_PERIOD_THIS_YEAR, now, &from, &to);
  g_assert_cmpint (g_date_get_year (&from), ==, 2026);
  g_assert_cmpint (g_date_get_year (&to), ==, 2027);

  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_from_iso8601 ("2026-02-10T12:00:00Z", NULL);
  regie_stats_period_get_range (REGIE_STATS_PERIOD_LAST_QUARTER, now, &from, &to);
  g_assert_cmpint (g_date_get_year (&from), ==, 2025);
  g_assert_cmpint (g_date_get_month (&from), ==, 10);
  g_assert_cmpint (g_date_get_year (&to), ==, 2026);
  g_assert_cmpint (g_date_get_month (&to), ==, 1);
}

static const char *
csv_value (GPtrArray  *rows,
           const char *part,
           const char *item)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RegieCsvRow *row = rows->pdata[i];

      if (g_strv_length (row->fields) == 3 &&
          g_strcmp0 (row->fields[0], part) == 0 && g_strcmp0 (row->fields[1], item) == 0)
        return row->fields[2];
    }

  g_assert_not_reached ();
}

static void
check_csv (RegieStats *stats,
           char        separator)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  gsize length;
  char delimiter = 0;
  guint figures = 0, breakdown_rows = 0;

  csv = regie_stats_to_csv (stats, separator, &length);
  g_assert_cmpuint (strlen (csv), ==, length);

  /* Nothing about a person, dossier or organisation gets out. */
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_null (strstr (csv, secrets[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bsns); i++)
    g_assert_null (strstr (csv, bsns[i]));

  /* Dutch Excel: a byte order mark and CRLF; decimal comma with ';'. */
  if (separator == ';')
    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  else
    g_assert_false (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "\r\n"));

  g_assert_true (regie_csv_parse (csv, length, &delimiter, &rows, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, separator);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpstr (csv_value (rows, "Period", "From"), ==, "2026-01-01");
  g_assert_cmpstr (csv_value (rows, "Period", "Up to and including"), ==, "2026-03-31");

  /* The same numbers as the computation, every one of them. */
  for (RegieStatsFigure fig = 0; fig < REGIE_STATS_N_FIGURES; fig++)
    {
      const char *text;

      if (fig == REGIE_STATS_REFERRALS && !regie_stats_has_referrals (stats))
        continue;
      text = csv_value (rows, "Key figures", regie_stats_figure_get_label (fig));
      if (regie_stats_has_value (stats, fig))
        {
          g_autofree char *dotted = g_strdelimit (g_strdup (text), ",", '.');

          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (dotted, NULL),
                                          regie_stats_get_value (stats, fig), 0.05);
        }
      else
        g_assert_cmpstr (text, ==, "");
      figures++;
    }
  g_assert_cmpuint (figures, >=, REGIE_STATS_N_FIGURES - 1);

  for (RegieStatsBreakdown b = 0; b < REGIE_STATS_N_BREAKDOWNS; b++)
    for (guint i = 0; i < regie_stats_get_n_rows (stats, b); i++)
      {
        if (b >= REGIE_STATS_BY_REFERRAL_KIND && !regie_stats_has_referrals (stats))
          continue;
        expected = g_strdup_printf ("%" G_GINT64_FORMAT, regie_stats_get_row_count (stats, b, i));
        g_assert_cmpstr (csv_value (rows, regie_stats_breakdown_get_title (b),
                                    regie_stats_get_row_label (stats, b, i)), ==, expected);
        g_clear_pointer (&expected, g_free);
        breakdown_rows++;
      }
  g_assert_cmpuint (breakdown_rows, >, 30);

  if (separator == ';')
    g_assert_cmpstr (csv_value (rows, "Key figures", regie_stats_figure_get_label (REGIE_STATS_CONTACT_MINUTES_MEDIAN)), ==, "35,5");
  else
    g_assert_cmpstr (csv_value (rows, "Key figures", regie_stats_figure_get_label (REGIE_STATS_CONTACT_MINUTES_MEDIAN)), ==, "35.5");
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RegieStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->home, "cijfers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *csv = NULL;

  fill (f);
  stats = compute (f, G_DATE_JANUARY, 2026, G_DATE_APRIL, 2026);
  check_csv (stats, ';');
  check_csv (stats, ',');

  g_assert_true (regie_stats_export_csv (stats, file, ';', NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  csv = regie_stats_to_csv (stats, ';', NULL);
  g_assert_cmpstr (contents, ==, csv);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >, *last);
  *last = fraction;
}

static void
on_computed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static RegieStats *
compute_async (RegieStore   *store,
               GCancellable *cancellable,
               double       *progress,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2026);
  g_date_set_dmy (&to, 1, 4, 2026);
  regie_stats_compute_async (store, &from, &to, cancellable, on_progress_cb, progress,
                             on_computed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Progress reports queued before the result arrive in order: let them run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return regie_stats_compute_finish (result, error);
}

/* The worker thread has its own connection: same figures, progress, cancellation. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RegieStats) stats = NULL;
  g_autoptr(RegieStats) again = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double progress = 0;

  fill (f);
  stats = compute_async (f->store, NULL, &progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_cmpfloat (progress, ==, 1.0);
  /* Only "now" differs from the quarter test: the planned contact moment of 25 March is
   * in the past by now. */
  g_assert_cmpfloat (VALUE (stats, CASES_HANDLED), ==, 5);
  g_assert_cmpfloat (VALUE (stats, CONTACTS), ==, 8);
  g_assert_cmpfloat (VALUE (stats, CONTACT_MINUTES_MEDIAN), ==, 35.5);
  g_assert_cmpfloat_with_epsilon (VALUE (stats, DAYS_TO_CLOSE_MEDIAN), 18.0, 1e-6);

  /* The window's connection is free meanwhile and after. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier;"), ==, 7);

  g_cancellable_cancel (cancellable);
  progress = 0;
  again = compute_async (f->store, cancellable, &progress, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (again);
  g_assert_cmpfloat (progress, ==, 0);
}

/* The demo store keeps its key only in memory: a second connection still opens. */
static void
test_ephemeral_worker (void)
{
  g_autofree char *home = regie_test_make_data_home ();
  g_autofree char *dir = g_build_filename (home, "demo", NULL);
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(RegieStore) worker = NULL;
  g_autoptr(RegieStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  store = regie_store_new_ephemeral (dir, &error);
  g_assert_no_error (error);
  g_assert_true (regie_demo_fill (store, 40, 7, &error));

  worker = regie_store_open_worker_connection (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (worker);
  g_assert_cmpint (regie_store_get_schema_version (worker), ==, regie_store_get_schema_version (store));

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2000);
  g_date_set_dmy (&to, 1, 1, 2100);
  stats = regie_stats_compute (worker, &from, &to, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (VALUE (stats, CASES_NEW), ==, 40);

  /* Closing the second connection leaves the demo's files to the first. */
  regie_store_close (worker);
  g_assert_true (g_file_test (regie_store_get_path (store), G_FILE_TEST_EXISTS));
  regie_store_close (store);
  g_assert_false (g_file_test (regie_store_get_path (store), G_FILE_TEST_EXISTS));
  regie_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stats/quarter", Fixture, NULL, fixture_set_up, test_quarter, fixture_tear_down);
  g_test_add ("/stats/amsterdam-months", Fixture, NULL, fixture_set_up, test_amsterdam_months, fixture_tear_down);
  g_test_add_func ("/stats/period-ranges", test_period_ranges);
  g_test_add ("/stats/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/stats/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add_func ("/stats/ephemeral-worker", test_ephemeral_worker);

  return g_test_run ();
}
