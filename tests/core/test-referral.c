/* test-referral.c — warm referrals: states, the consent gate, what is shared, follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "regie-demo-network.h"
#include "regie-demo-referrals.h"
#include "regie-dossier-fixture.h"
#include "regie-event.h"
#include "regie-network.h"
#include "regie-referral.h"
#include "regie-referral-list.h"

/* Passes the elfproef: 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 66. */
#define TEST_BSN      "111222333"
#define TEST_PHONE    "06-00000123"
#define TEST_EMAIL    "proef@voorbeeld.invalid"
#define TEST_POSTCODE "9999 XA"
#define TEST_FINANCES "Huurachterstand van drie maanden"
#define TEST_QUESTION "Hoe krijg ik mijn huur weer betaald?"
#define TEST_REASON   "Schulden stapelen zich op"
#define TEST_ITEM     "Aanmaning van de verhuurder"

static RegieCase *
add_full_case (Fixture *f)
{
  g_autoptr(RegiePerson) person = make_person ("Proefje", NULL, "Fictief");

  regie_person_set_birth_date (person, "1980-03-12");
  regie_person_set_bsn (person, TEST_BSN);
  regie_person_set_phone (person, TEST_PHONE);
  regie_person_set_email (person, TEST_EMAIL);
  regie_person_set_street (person, "Demostraat");
  regie_person_set_house_number (person, "1");
  regie_person_set_postcode (person, TEST_POSTCODE);
  regie_person_set_city (person, "Proefstad");
  return add_case (f, person, TEST_QUESTION);
}

static RegieOrganisation *
add_organisation (Fixture    *f,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  RegieOrganisation *organisation = regie_organisation_new ();

  regie_organisation_set_name (organisation, name);
  regie_organisation_set_kind (organisation, REGIE_ORGANISATION_KIND_DEBT_HELP);
  g_assert_true (regie_organisation_save (f->store, organisation, ACTOR, &error));
  g_assert_no_error (error);
  return organisation;
}

static gint64
add_item (Fixture   *f,
          RegieCase *kase)
{
  g_autoptr(RegieEvent) event = regie_event_new (REGIE_EVENT_LETTER);
  g_autoptr(GError) error = NULL;

  regie_event_set_title (event, TEST_ITEM);
  regie_event_set_when (event, "2026-02-01", REGIE_PRECISION_DAY);
  g_assert_true (regie_event_save (f->store, event, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
  return regie_event_get_id (event);
}

static RegieReferral *
new_referral (RegieCase         *kase,
              RegieOrganisation *organisation)
{
  RegieReferral *referral = regie_referral_new (regie_case_get_id (kase));

  regie_referral_set_organisation (referral, regie_organisation_get_id (organisation),
                                   regie_organisation_get_name (organisation),
                                   regie_organisation_kind_to_id (regie_organisation_get_kind (organisation)));
  regie_referral_set_reason (referral, TEST_REASON);
  regie_referral_set_question (referral, TEST_QUESTION);
  regie_referral_set_finances (referral, TEST_FINANCES);
  regie_referral_set_mode (referral, REGIE_REFERRAL_MODE_APPOINTMENT);
  regie_referral_set_follow_up_date (referral, "2026-03-09");
  return referral;
}

static void
test_working_days (void)
{
  struct { const char *from; guint days; const char *expected; } cases[] = {
    { "2026-03-02", 5, "2026-03-09" },   /* Monday: the next Monday */
    { "2026-03-06", 1, "2026-03-09" },   /* Friday: over the weekend */
    { "2026-04-24", 5, "2026-05-04" },   /* over the weekend and Koningsdag (Monday 27 April) */
    { "2026-05-01", 5, "2026-05-11" },   /* over Bevrijdingsdag (Tuesday 5 May) */
    { "2026-04-03", 1, "2026-04-07" },   /* Easter Monday 6 April (Good Friday is a working day) */
    { "2026-12-24", 1, "2026-12-28" },   /* Christmas on Friday and Saturday */
    { "2026-03-02", 0, "2026-03-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = regie_referral_add_working_days (cases[i].from, cases[i].days);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

static void
test_transitions (void)
{
  /* Rows: from; columns: to (draft, handed over, accepted, declined, completed, withdrawn). */
  static const gboolean allowed[6][6] = {
    { 0, 1, 0, 0, 0, 1 },
    { 0, 0, 1, 1, 1, 1 },
    { 0, 0, 0, 0, 1, 1 },
    { 0, 0, 0, 0, 1, 1 },
    { 0, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0 },
  };

  for (int from = 0; from < 6; from++)
    for (int to = 0; to < 6; to++)
      {
        if (regie_referral_state_can_change (from, to) != allowed[from][to])
          g_error ("%s → %s: expected %s", regie_referral_state_get_label (from),
                   regie_referral_state_get_label (to), allowed[from][to] ? "allowed" : "refused");
      }
}

static void
test_state_machine (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RegieCase) kase = add_full_case (f);
  g_autoptr(RegieOrganisation) organisation = add_organisation (f, "Schuldhulp Demo");
  g_autoptr(RegieReferral) referral = new_referral (kase, organisation);
  g_autoptr(RegieReferral) other = new_referral (kase, organisation);
  g_autoptr(GError) error = NULL;

  /* A draft cannot be accepted: it has not been handed over. */
  g_assert_true (regie_referral_save_draft (f->store, referral, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_false (regie_referral_accept (f->store, referral, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  g_assert_true (regie_referral_hand_over (f->store, referral, kase, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_referral_get_state (referral), ==, REGIE_REFERRAL_HANDED_OVER);

  /* Handing over twice is refused. */
  g_assert_false (regie_referral_hand_over (f->store, referral, kase, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  /* Declining needs a reason. */
  g_assert_false (regie_referral_decline (f->store, referral, "  ", ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (regie_referral_get_state (referral), ==, REGIE_REFERRAL_HANDED_OVER);

  g_assert_true (regie_referral_accept (f->store, referral, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_nonnull (regie_referral_get_answered_at (referral));

  /* Accepted cannot be declined any more. */
  g_assert_false (regie_referral_decline (f->store, referral, "Vol", ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  /* A failure needs a reason from the list. */
  g_assert_false (regie_referral_complete (f->store, referral, FALSE, REGIE_REFERRAL_FAILURE_NONE,
                                           NULL, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_REASON_REQUIRED);
  g_clear_error (&error);

  g_assert_true (regie_referral_complete (f->store, referral, FALSE, REGIE_REFERRAL_FAILURE_NO_CAPACITY,
                                          "Wachtlijst", ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_referral_get_state (referral), ==, REGIE_REFERRAL_COMPLETED);

  /* Ended: nothing more. */
  g_assert_false (regie_referral_withdraw (f->store, referral, "Toch niet", ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  {
    g_autoptr(RegieReferral) back = regie_referral_load (f->store, regie_referral_get_id (referral), &error);

    g_assert_no_error (error);
    g_assert_cmpint (regie_referral_get_state (back), ==, REGIE_REFERRAL_COMPLETED);
    g_assert_cmpint (regie_referral_get_result (back), ==, REGIE_REFERRAL_RESULT_FAILURE);
    g_assert_cmpint (regie_referral_get_failure (back), ==, REGIE_REFERRAL_FAILURE_NO_CAPACITY);
    g_assert_cmpstr (regie_referral_get_result_note (back), ==, "Wachtlijst");
    g_assert_nonnull (regie_referral_get_closed_at (back));
  }
  /* Completing ticked off the follow-up task. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE referral_id IS NOT NULL AND done_at IS NOT NULL"), ==, 1);

  /* Handed over → declined → withdrawn. */
  regie_referral_set_mode (other, REGIE_REFERRAL_MODE_EMAIL);
  g_assert_true (regie_referral_hand_over (f->store, other, kase, ACTOR, &error));
  g_assert_true (regie_referral_decline (f->store, other, "Niet ons gebied", ACTOR, &error));
  g_assert_cmpstr (regie_referral_get_state_reason (other), ==, "Niet ons gebied");
  g_assert_true (regie_referral_withdraw (f->store, other, "Andere organisatie gekozen", ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_referral_get_state (other), ==, REGIE_REFERRAL_WITHDRAWN);
  g_assert_false (regie_referral_accept (f->store, other, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION);
}

static void
test_consent_gate (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RegieCase) kase = add_full_case (f);
  g_autoptr(RegieOrganisation) organisation = add_organisation (f, "Wijkteam Demo");
  g_autoptr(RegieReferral) referral = new_referral (kase, organisation);
  g_autoptr(RegieReferral) anonymous = new_referral (kase, organisation);
  g_autoptr(GError) error = NULL;

  /* Personal data without consent: refused, and nothing is written. */
  regie_referral_set_categories (referral, REGIE_SHARE_PERSONALIA | REGIE_SHARE_QUESTION);
  g_assert_false (regie_referral_check_consent (referral, NULL));
  g_assert_false (regie_referral_hand_over (f->store, referral, kase, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_CONSENT_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (regie_referral_get_state (referral), ==, REGIE_REFERRAL_DRAFT);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE kind = 'referral'"), ==, 0);

  /* A way but no date is no consent either. */
  regie_referral_set_consent (referral, REGIE_CONSENT_VERBAL, NULL);
  g_assert_false (regie_referral_has_consent (referral));
  g_assert_false (regie_referral_hand_over (f->store, referral, kase, ACTOR, &error));
  g_assert_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_CONSENT_REQUIRED);
  g_clear_error (&error);

  /* Every personal category on its own needs it. */
  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    {
      regie_referral_set_categories (referral, 1 << i);
      g_assert_cmpint (regie_referral_check_consent (referral, NULL), ==, (1 << i) == REGIE_SHARE_QUESTION);
    }

  /* An anonymous consultation (the question at most) needs none. */
  regie_referral_set_categories (anonymous, REGIE_SHARE_QUESTION);
  g_assert_true (regie_referral_hand_over (f->store, anonymous, kase, ACTOR, &error));
  g_assert_no_error (error);

  /* With consent recorded, the personal details go. */
  regie_referral_set_categories (referral, REGIE_SHARE_PERSONALIA | REGIE_SHARE_QUESTION);
  regie_referral_set_consent (referral, REGIE_CONSENT_WRITTEN, "2026-03-02");
  g_assert_true (regie_referral_hand_over (f->store, referral, kase, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (query_text (f, "SELECT consent_how || ' ' || consent_given_at || ' ' || consent_categories "
                                  "FROM referral WHERE id = (SELECT max(id) FROM referral)"),
                   ==, "written 2026-03-02 personalia,question");
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, pdf, "-", NULL };

  if (pdftotext == NULL)
    g_error ("pdftotext (poppler-utils) is needed to check the handover letter");
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* The mark each category leaves in a text. */
static const char * const markers[REGIE_SHARE_N_CATEGORIES] = {
  "Proefje Fictief", TEST_PHONE, TEST_BSN, TEST_FINANCES, TEST_QUESTION, TEST_ITEM,
};

static void
assert_exactly (const char      *what,
                const char      *text,
                RegieShareFlags  expected)
{
  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    {
      gboolean found = strstr (text, markers[i]) != NULL;

      if (found != ((expected & (1 << i)) != 0))
        g_error ("%s: %s is %s:\n%s", what, regie_share_category_get_id (i),
                 found ? "shared but not consented" : "consented but missing", text);
    }
  /* The address and e-mail go with the contact details only. */
  g_assert_cmpint (strstr (text, TEST_POSTCODE) != NULL, ==, (expected & REGIE_SHARE_CONTACT) != 0);
  g_assert_cmpint (strstr (text, TEST_EMAIL) != NULL, ==, (expected & REGIE_SHARE_CONTACT) != 0);
}

static void
test_handover_categories (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RegieCase) kase = add_full_case (f);
  g_autoptr(RegieOrganisation) organisation = add_organisation (f, "Schuldhulp Demo");
  g_autoptr(RegieReferral) referral = new_referral (kase, organisation);
  g_autofree char *pdf = g_build_filename (f->home, "overdracht.pdf", NULL);
  gint64 item = add_item (f, kase);
  g_autoptr(GError) error = NULL;
  RegieShareFlags sets[] = {
    REGIE_SHARE_NOTHING,
    REGIE_SHARE_QUESTION,
    REGIE_SHARE_PERSONALIA,
    REGIE_SHARE_CONTACT,
    REGIE_SHARE_BSN,
    REGIE_SHARE_FINANCES,
    REGIE_SHARE_TIMELINE,
    REGIE_SHARE_PERSONALIA | REGIE_SHARE_BSN | REGIE_SHARE_TIMELINE,
    (1 << REGIE_SHARE_N_CATEGORIES) - 1,
  };

  regie_referral_set_timeline_event_ids (referral, &item, 1);
  regie_referral_set_consent (referral, REGIE_CONSENT_VERBAL, "2026-03-02");

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *text = NULL;
      g_autofree char *email = NULL;
      g_autofree char *body = NULL;
      g_autofree char *mailto = NULL;
      g_autofree char *printed = NULL;
      g_autoptr(RegieDocument) letter = NULL;

      regie_referral_set_categories (referral, sets[s]);
      text = regie_referral_compose_handover (referral, f->store, kase, FALSE, &error);
      g_assert_no_error (error);
      assert_exactly ("handover text", text, sets[s]);
      g_assert_nonnull (strstr (text, TEST_REASON));

      /* E-mail: the same, without the BSN, even when consented. */
      email = regie_referral_compose_handover (referral, f->store, kase, TRUE, &error);
      assert_exactly ("e-mail text", email, sets[s] & ~REGIE_SHARE_BSN);
      body = regie_referral_email_body (text, TEST_BSN);
      assert_exactly ("e-mail body", body, sets[s] & ~REGIE_SHARE_BSN);
      regie_referral_set_handover_text (referral, text);
      mailto = regie_referral_build_mailto (referral, "loket@voorbeeld.invalid", TEST_BSN);
      g_assert_true (g_str_has_prefix (mailto, "mailto:loket@voorbeeld.invalid?subject="));
      g_assert_null (strstr (mailto, TEST_BSN));
      g_assert_null (strstr (mailto, "\n"));

      /* The letter holds what the handover text holds. */
      letter = regie_referral_new_letter (referral, NULL);
      g_assert_true (regie_document_write_pdf (letter, pdf, &error));
      g_assert_no_error (error);
      printed = pdf_text (pdf);
      /* pdftotext may break long lines; the markers are short enough to stay whole. */
      assert_exactly ("letter", printed, sets[s]);
      g_assert_nonnull (strstr (printed, "Schuldhulp Demo"));
    }

  /* A BSN typed into the text by hand is still kept out of the e-mail. */
  {
    g_autofree char *body = regie_referral_email_body ("Vraag over huur\nHet nummer is 111 222 333.\nGroet", TEST_BSN);
    g_assert_cmpstr (body, ==, "Vraag over huur\nGroet");
  }

  /* Without consent nothing personal is composed, whatever is ticked. */
  regie_referral_set_consent (referral, REGIE_CONSENT_NONE, NULL);
  regie_referral_set_categories (referral, (1 << REGIE_SHARE_N_CATEGORIES) - 1);
  {
    g_autofree char *text = regie_referral_compose_handover (referral, f->store, kase, FALSE, &error);
    assert_exactly ("without consent", text, REGIE_SHARE_QUESTION);
  }
}

static void
test_hand_over (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RegieCase) kase = add_full_case (f);
  g_autoptr(RegieCase) other_case = NULL;
  g_autoptr(RegieOrganisation) organisation = add_organisation (f, "Schuldhulp Demo");
  g_autoptr(RegieReferral) referral = new_referral (kase, organisation);
  g_autoptr(RegieReferral) draft = NULL;
  g_autoptr(RegieReferral) late = NULL;
  g_autoptr(RegieReferralList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A draft is kept and found again. */
  regie_referral_set_wizard_step (referral, 2);
  regie_referral_set_mode (referral, REGIE_REFERRAL_MODE_CALL_NOW);
  g_assert_true (regie_referral_save_draft (f->store, referral, ACTOR, &error));
  g_assert_no_error (error);
  draft = regie_referral_find_draft (f->store, regie_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (regie_referral_get_id (draft), ==, regie_referral_get_id (referral));
  g_assert_cmpint (regie_referral_get_wizard_step (draft), ==, 2);
  g_assert_cmpstr (regie_referral_get_reason (draft), ==, TEST_REASON);
  g_assert_cmpint (regie_referral_get_organisation_id (draft), ==, regie_organisation_get_id (organisation));

  /* Finishing: the referral, a timeline item (and the call), the task, the status. */
  regie_referral_set_follow_up_date (draft, "2026-03-09");
  g_assert_true (regie_referral_hand_over (f->store, draft, kase, ACTOR, &error));
  g_assert_no_error (error);
  id = regie_referral_get_id (draft);
  g_assert_cmpint (id, ==, regie_referral_get_id (referral));
  g_assert_null (regie_referral_find_draft (f->store, regie_case_get_id (kase), &error));
  g_assert_no_error (error);

  g_assert_cmpint (regie_case_get_status (kase), ==, REGIE_CASE_STATUS_REFERRED);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dossier WHERE status = 'referred'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE kind = 'referral' AND referral_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE kind = 'professional_call' AND channel = 'three_way'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE due_date = '2026-03-09' AND done_at IS NULL "
                                 "AND referral_id = (SELECT id FROM referral WHERE follow_up_task_id = task.id)"), ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (regie_case_get_tasks (kase)), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_organisation"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE entity_type = 'referral'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE entity_type = 'referral' "
                                 "AND (actor LIKE '%Fictief%' OR action LIKE '%Fictief%')"), ==, 0);

  /* Without "set referred" the dossier keeps its status. */
  other_case = add_case (f, regie_case_get_person (kase), "Tweede vraag");
  late = new_referral (other_case, organisation);
  regie_referral_set_set_case_referred (late, FALSE);
  regie_referral_set_follow_up_date (late, "2020-01-06");
  g_assert_true (regie_referral_hand_over (f->store, late, other_case, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_case_get_status (other_case), ==, REGIE_CASE_STATUS_NEW);

  /* The list: the overdue follow-up first, and marked. */
  list = regie_referral_list_new (f->store, 0);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(RegieReferral) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(RegieReferral) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpint (regie_referral_get_id (first), ==, regie_referral_get_id (late));
    g_assert_true (regie_referral_is_overdue (first, "2026-01-01"));
    g_assert_false (regie_referral_is_overdue (second, "2026-01-01"));
    g_assert_cmpstr (regie_referral_get_person_name (first), ==, "Proefje Fictief");
  }
  g_assert_cmpint (regie_referral_list_count_overdue (list), >=, 1);

  /* It follows the store. */
  g_assert_true (regie_referral_accept (f->store, late, ACTOR, &error));
  {
    g_autoptr(RegieReferral) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (regie_referral_get_state (first), ==, REGIE_REFERRAL_ACCEPTED);
  }

  /* A discarded draft is gone. */
  {
    g_autoptr(RegieReferral) scrap = new_referral (kase, organisation);

    g_assert_true (regie_referral_save_draft (f->store, scrap, ACTOR, &error));
    g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
    g_assert_true (regie_referral_discard_draft (f->store, scrap, ACTOR, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral"), ==, 2);
  }

  /* Deleting the dossier takes its referrals with it. */
  g_assert_true (regie_case_delete (f->store, regie_case_get_id (other_case), ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral"), ==, 1);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieReferralList) list = NULL;
  guint seen[REGIE_REFERRAL_WITHDRAWN + 1] = { 0 };

  g_assert_true (regie_demo_fill (f->store, 40, 1, &error));
  g_assert_true (regie_demo_network_fill (f->store, &error));
  g_assert_true (regie_demo_referrals_fill (f->store, &error));
  g_assert_no_error (error);

  /* Every state shows up, and the overdue one is at the top. */
  list = regie_referral_list_new (f->store, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RegieReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), i);

      seen[regie_referral_get_state (referral)]++;
      g_assert_true (regie_referral_check_consent (referral, NULL));
    }
  for (guint s = 0; s <= REGIE_REFERRAL_WITHDRAWN; s++)
    g_assert_cmpuint (seen[s], >, 0);
  {
    g_autoptr(RegieReferral) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (regie_referral_is_overdue (first, NULL));
  }
  /* Fictional people only: the handover texts hold no real-looking e-mail addresses. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE handover_text LIKE '%@%' "
                                 "AND handover_text NOT LIKE '%.invalid%'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/referral/working-days", test_working_days);
  g_test_add_func ("/referral/transitions", test_transitions);
  g_test_add ("/referral/state-machine", Fixture, NULL, fixture_set_up, test_state_machine, fixture_tear_down);
  g_test_add ("/referral/consent-gate", Fixture, NULL, fixture_set_up, test_consent_gate, fixture_tear_down);
  g_test_add ("/referral/handover-categories", Fixture, NULL, fixture_set_up, test_handover_categories, fixture_tear_down);
  g_test_add ("/referral/hand-over", Fixture, NULL, fixture_set_up, test_hand_over, fixture_tear_down);
  g_test_add ("/referral/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
