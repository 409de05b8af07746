/* test-timeline.c — timeline items, their order, deadlines, automatic items, the summary PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "regie-demo-timeline.h"
#include "regie-document.h"
#include "regie-dossier-fixture.h"
#include "regie-event.h"
#include "regie-timeline.h"

static GDateTime *
utc (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static RegieEvent *
save_event (Fixture        *f,
            RegieCase      *kase,
            RegieEventKind  kind,
            const char     *title,
            const char     *when,
            RegiePrecision  precision)
{
  g_autoptr(GError) error = NULL;
  RegieEvent *event = regie_event_new (kind);

  regie_event_set_title (event, title);
  regie_event_set_when (event, when, precision);
  g_assert_true (regie_event_save (f->store, event, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
  return event;
}

static RegieTimeline *
load_timeline (Fixture   *f,
               RegieCase *kase)
{
  g_autoptr(GError) error = NULL;
  RegieTimeline *timeline = regie_timeline_new (f->store, regie_case_get_id (kase));

  g_assert_true (regie_timeline_reload (timeline, &error));
  g_assert_no_error (error);
  return timeline;
}

static char *
titles (RegieTimeline *timeline)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (timeline)); i++)
    {
      g_autoptr(RegieEvent) event = g_list_model_get_item (G_LIST_MODEL (timeline), i);
      g_autofree char *title = regie_event_dup_display_title (event);

      g_string_append_printf (out, "%s%s", i ? "|" : "", title);
    }

  return g_string_free (out, FALSE);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Zoë", "van den", "Fictief");
  g_autoptr(RegieCase) kase = add_case (f, person, "Volgorde");
  g_autoptr(RegieTimeline) timeline = NULL;
  g_autofree char *order = NULL;
  g_autoptr(RegieEvent) first = NULL;
  g_autofree char *label = NULL;

  /* Saved in a jumbled order on purpose. */
  g_object_unref (save_event (f, kase, REGIE_EVENT_LIFE_EVENT, "year", "2019", REGIE_PRECISION_YEAR));
  g_object_unref (save_event (f, kase, REGIE_EVENT_NOTE, "day-0301", "2019-03-01", REGIE_PRECISION_DAY));
  g_object_unref (save_event (f, kase, REGIE_EVENT_NOTE, "later", "2020-01-01T09:00:00.000Z", REGIE_PRECISION_TIME));
  g_object_unref (save_event (f, kase, REGIE_EVENT_LIFE_EVENT, "month", "2019-03", REGIE_PRECISION_MONTH));
  /* 00:30 in Amsterdam on 1 March, still 28 February in UTC: belongs after the day item. */
  g_object_unref (save_event (f, kase, REGIE_EVENT_CONTACT, "time-0301", "2019-02-28T23:30:00.000Z", REGIE_PRECISION_TIME));
  g_object_unref (save_event (f, kase, REGIE_EVENT_NOTE, "day-0228", "2019-02-28", REGIE_PRECISION_DAY));
  g_object_unref (save_event (f, kase, REGIE_EVENT_NOTE, "old", "2018-12-31", REGIE_PRECISION_DAY));

  timeline = load_timeline (f, kase);
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "later|time-0301|day-0301|month|day-0228|year|old");

  /* Groups: a month, or the year for year precision. */
  g_assert_true (regie_timeline_starts_group (timeline, 0));
  g_assert_true (regie_timeline_starts_group (timeline, 1));
  g_assert_false (regie_timeline_starts_group (timeline, 2));
  g_assert_false (regie_timeline_starts_group (timeline, 3));
  g_assert_true (regie_timeline_starts_group (timeline, 4));
  g_assert_true (regie_timeline_starts_group (timeline, 5));
  first = g_list_model_get_item (G_LIST_MODEL (timeline), 5);
  label = regie_timeline_group_label (first);
  g_assert_cmpstr (label, ==, "2019");

  /* Kind filter and search narrow the list; the total stays. */
  regie_timeline_set_kind (timeline, REGIE_EVENT_LIFE_EVENT);
  g_clear_pointer (&order, g_free);
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "month|year");
  regie_timeline_set_kind (timeline, -1);
  regie_timeline_set_search (timeline, "DAY 03");
  g_clear_pointer (&order, g_free);
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "day-0301");
  regie_timeline_set_search (timeline, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 7);
  g_assert_cmpuint (regie_timeline_get_n_total (timeline), ==, 7);
}

static void
test_search_accents (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Ayşe", NULL, "Çelik-Demo");
  g_autoptr(RegieCase) kase = add_case (f, person, "Zoeken");
  g_autoptr(RegieEvent) letter = regie_event_new (REGIE_EVENT_LETTER);
  g_autoptr(RegieTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;

  regie_event_set_letter_sender (letter, "Gemeente Demodorp");
  regie_event_set_letter_subject (letter, "Beëindiging uitkering");
  g_assert_true (regie_event_save (f->store, letter, regie_case_get_id (kase), ACTOR, &error));
  g_assert_no_error (error);
  g_object_unref (save_event (f, kase, REGIE_EVENT_NOTE, "Iets anders", "2024-01-01", REGIE_PRECISION_DAY));

  timeline = load_timeline (f, kase);
  regie_timeline_set_search (timeline, "beeindiging");
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "Gemeente Demodorp: Beëindiging uitkering");
}

static void
test_days_left_dst (void)
{
  g_autoptr(GDateTime) before_spring = utc ("2026-03-27T12:00:00Z");
  g_autoptr(GDateTime) after_midnight = utc ("2026-03-28T23:30:00Z");
  g_autoptr(GDateTime) autumn = utc ("2026-10-24T22:30:00Z");

  /* Clocks go forward on 29 March 2026: 3 April is still 7 calendar days after 27 March,
   * though fewer than 7 × 24 hours lie between noon and that midnight. */
  g_assert_cmpint (regie_days_until ("2026-04-03", before_spring), ==, 7);
  g_assert_cmpint (regie_days_until ("2026-03-27", before_spring), ==, 0);
  g_assert_cmpint (regie_days_until ("2026-03-20", before_spring), ==, -7);
  /* 23:30 UTC on the 28th is 00:30 on the 29th in Amsterdam. */
  g_assert_cmpint (regie_days_until ("2026-03-30", after_midnight), ==, 1);
  g_assert_cmpint (regie_days_until ("2026-03-28", after_midnight), ==, -1);
  /* Clocks go back on 25 October 2026: 00:30 CEST on the 25th. */
  g_assert_cmpint (regie_days_until ("2026-10-25", autumn), ==, 0);
  g_assert_cmpint (regie_days_until ("2026-11-01", autumn), ==, 7);
}

static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jan", "de", "Proefpersoon");
  g_autoptr(RegieCase) kase = add_case (f, person, "Termijnen");
  g_autoptr(RegieCase) closed = add_case (f, person, "Gesloten");
  g_autoptr(GDateTime) now = utc ("2026-03-27T12:00:00Z");
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  const char *dates[] = { "2026-04-03", "2026-03-25", "2026-04-04", "2026-03-01" };
  RegieDeadline *d;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(RegieEvent) letter = regie_event_new (REGIE_EVENT_LETTER);
      g_autofree char *subject = g_strdup_printf ("Brief %u", i);

      regie_event_set_letter_sender (letter, "CJIB");
      regie_event_set_letter_subject (letter, subject);
      regie_event_set_deadline (letter, dates[i]);
      g_assert_true (regie_event_save (f->store, letter, regie_case_get_id (kase), ACTOR, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(RegieEvent) letter = regie_event_new (REGIE_EVENT_LETTER);

    regie_event_set_deadline (letter, "2026-03-28");
    g_assert_true (regie_event_save (f->store, letter, regie_case_get_id (closed), ACTOR, &error));
    g_assert_true (regie_case_close (f->store, closed, REGIE_OUTCOME_SOLVED, NULL, 0, ACTOR, &error));
    g_assert_no_error (error);
  }

  deadlines = regie_deadlines_load (f->store, now, 14, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 2);
  d = deadlines->pdata[0];
  g_assert_cmpstr (d->title, ==, "CJIB: Brief 1");
  g_assert_cmpint (d->days_left, ==, -2);
  g_assert_cmpstr (d->person_name, ==, "Jan de Proefpersoon");
  g_assert_cmpint (d->case_id, ==, regie_case_get_id (kase));
  d = deadlines->pdata[1];
  g_assert_cmpstr (d->title, ==, "CJIB: Brief 0");
  g_assert_cmpint (d->days_left, ==, 7);
}

static void
test_automatic_items (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Kees", "van der", "Voorbeeld");
  g_autoptr(RegieCase) kase = add_case (f, person, "Automatisch");
  g_autoptr(RegieTimeline) timeline = NULL;
  g_autoptr(RegieTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;

  timeline = load_timeline (f, kase);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);

  next_moment ();
  g_assert_true (regie_case_change_status (f->store, kase, REGIE_CASE_STATUS_WAITING_FOR_OTHERS, ACTOR, &error));
  g_assert_no_error (error);
  task = regie_case_add_task (f->store, kase, "Belastingdienst bellen", NULL, ACTOR, &error);
  g_assert_no_error (error);
  next_moment ();
  g_assert_true (regie_case_set_task_done (f->store, kase, task, TRUE, ACTOR, &error));
  g_assert_no_error (error);

  g_assert_true (regie_timeline_reload (timeline, &error));
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "Task done: Belastingdienst bellen|Status changed to “Waiting for others”");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE kind = 'task_done' AND task_id IS NOT NULL"), ==, 1);

  /* Taking the tick back takes the item back. */
  g_assert_true (regie_case_set_task_done (f->store, kase, task, FALSE, ACTOR, &error));
  g_assert_true (regie_timeline_reload (timeline, &error));
  g_clear_pointer (&order, g_free);
  order = titles (timeline);
  g_assert_cmpstr (order, ==, "Status changed to “Waiting for others”");

  /* A failed status change leaves no item: closing without an outcome is refused. */
  regie_case_set_status (kase, REGIE_CASE_STATUS_CLOSED);
  g_assert_false (regie_case_save (f->store, kase, ACTOR, &error));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE kind = 'status_change'"), ==, 1);

  /* Items typed by hand are found by the dossier search; automatic ones are not. */
  {
    g_autoptr(RegieEvent) note = regie_event_new (REGIE_EVENT_NOTE);
    g_autoptr(GArray) found = NULL;

    found = regie_search_cases (f->store, "belastingdienst", &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_pointer (&found, g_array_unref);
    regie_event_set_text (note, "Huurachterstand bij de woningcorporatie");
    g_assert_true (regie_event_save (f->store, note, regie_case_get_id (kase), ACTOR, &error));
    found = regie_search_cases (f->store, "huurachter", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (g_array_index (found, gint64, 0), ==, regie_case_get_id (kase));
    g_clear_pointer (&found, g_array_unref);
    g_assert_true (regie_event_delete (f->store, note, ACTOR, &error));
    found = regie_search_cases (f->store, "huurachter", &error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  /* Deleting the dossier deletes its timeline. */
  g_assert_true (regie_case_delete (f->store, regie_case_get_id (kase), ACTOR, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event"), ==, 0);
}

static void
test_edit_delete_visit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Fatima", NULL, "Testvrouw");
  g_autoptr(RegieCase) kase = add_case (f, person, "Bezoek");
  g_autoptr(GDateTime) start = utc ("2026-03-03T09:30:00Z");
  g_autoptr(GDateTime) end = utc ("2026-03-03T10:12:10Z");
  g_autoptr(RegieEvent) visit = NULL;
  g_autoptr(RegieEvent) running = NULL;
  g_autoptr(RegieEvent) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;

  visit = regie_event_start_visit (f->store, regie_case_get_id (kase), REGIE_CHANNEL_DESK, start, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_true (regie_event_get_running (visit));
  running = regie_event_find_running_visit (f->store, regie_case_get_id (kase), &error);
  g_assert_nonnull (running);
  g_assert_cmpint (regie_event_get_id (running), ==, regie_event_get_id (visit));
  when = regie_format_when (regie_event_get_when (visit), regie_event_get_precision (visit));
  g_assert_cmpstr (when, ==, "3 March 2026, 10:30");

  g_assert_true (regie_event_end_visit (f->store, visit, end, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_event_get_duration (visit), ==, 43);
  g_assert_null (regie_event_find_running_visit (f->store, regie_case_get_id (kase), &error));

  regie_event_set_agreed (visit, "  U belt maandag.  ");
  g_assert_true (regie_event_save (f->store, visit, 0, ACTOR, &error));
  back = regie_event_load (f->store, regie_event_get_id (visit), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (regie_event_get_agreed (back), ==, "U belt maandag.");
  g_assert_cmpint (regie_event_get_duration (back), ==, 43);
  g_assert_cmpint (regie_event_get_channel (back), ==, REGIE_CHANNEL_DESK);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE entity_type = 'event'"), ==, 3);

  /* A deadline that is no date is refused. */
  regie_event_set_deadline (back, "2026-02-30");
  g_assert_false (regie_event_save (f->store, back, 0, ACTOR, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT);
  g_clear_error (&error);

  g_assert_true (regie_event_delete (f->store, visit, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_null (regie_event_load (f->store, regie_event_get_id (visit), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-layout", pdf, "-", NULL };

  if (pdftotext == NULL)
    g_error ("pdftotext (poppler-utils) is needed to check the summary PDF");
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

static void
test_summary_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RegiePerson) person = make_person ("Jansje", NULL, "Jansen-Proef");
  g_autoptr(RegieCase) kase = add_case (f, person, "Ik snap de brief over mijn toeslag niet.");
  g_autoptr(GDateTime) now = utc ("2026-03-03T10:00:00Z");
  g_autoptr(RegieEvent) contact = NULL;
  g_autoptr(RegieEvent) next = NULL;
  g_autoptr(RegieDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->home, "samenvatting.pdf", NULL);
  g_autofree char *text = NULL;
  gboolean found_agreed = FALSE, found_secret = FALSE, found_next = FALSE;

  contact = save_event (f, kase, REGIE_EVENT_CONTACT, "Gesprek aan de balie",
                        "2026-03-03T09:00:00.000Z", REGIE_PRECISION_TIME);
  regie_event_set_text (contact, "Brief samen gelezen.");
  regie_event_set_agreed (contact, "U zoekt de loonstroken op.\nGeheimafspraak die weg moet.");
  g_assert_true (regie_event_save (f->store, contact, 0, ACTOR, &error));
  next = save_event (f, kase, REGIE_EVENT_CONTACT, "", "2026-03-10T08:30:00.000Z", REGIE_PRECISION_TIME);
  g_assert_nonnull (regie_case_add_task (f->store, kase, "Toeslagen bellen", "2026-03-06", ACTOR, &error));

  doc = regie_document_new_summary (f->store, kase, NULL, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < regie_document_get_n_items (doc); i++)
    {
      const char *item = regie_document_get_item_text (doc, i);

      if (strstr (item, "Geheimafspraak"))
        {
          found_secret = TRUE;
          regie_document_set_item_included (doc, i, FALSE);
        }
      else if (strstr (item, "loonstroken"))
        {
          found_agreed = TRUE;
          g_assert_cmpint (regie_document_get_item_section (doc, i), ==, REGIE_SUMMARY_AGREED);
          regie_document_set_item_text (doc, i, "U zoekt de loonstroken van 2025 op.");
        }
      else if (regie_document_get_item_section (doc, i) == REGIE_SUMMARY_NEXT)
        {
          found_next = TRUE;
          g_assert_cmpstr (item, ==, "10 March 2026, 09:30");
        }
    }
  g_assert_true (found_agreed && found_secret && found_next);

  g_assert_true (regie_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  /* To look at it (pdftoppm): REGIE_TEST_KEEP_PDF=/some/file.pdf */
  if (g_getenv ("REGIE_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (g_getenv ("REGIE_TEST_KEEP_PDF"), contents, length, NULL));
    }
  g_assert_nonnull (strstr (text, "Summary of your visit"));
  g_assert_nonnull (strstr (text, "For Jansje Jansen-Proef, 3 March 2026"));
  g_assert_nonnull (strstr (text, "Ik snap de brief over mijn toeslag niet."));
  g_assert_nonnull (strstr (text, "U zoekt de loonstroken van 2025 op."));
  g_assert_nonnull (strstr (text, "We: Toeslagen bellen (by 6 March 2026)."));
  g_assert_nonnull (strstr (text, "Your contact person at the desk: Noor Demo"));
  g_assert_nonnull (strstr (text, "10 March 2026, 09:30"));
  g_assert_null (strstr (text, "Geheimafspraak"));
  g_assert_null (strstr (text, "loonstroken op."));
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  gboolean passed = FALSE, coming = FALSE;

  g_assert_true (regie_demo_fill (f->store, 30, 3, &error));
  g_assert_true (regie_demo_fill_timelines (f->store, NULL, &error));
  g_assert_no_error (error);

  for (int kind = 0; kind < REGIE_EVENT_N_KINDS; kind++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM event WHERE kind = '%s'",
                                              g_enum_get_value (g_type_class_peek (REGIE_TYPE_EVENT_KIND), kind)->value_nick);
      g_assert_cmpint (query_int (f, sql), >, 0);
    }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event WHERE precision IN ('year', 'month')"), >, 0);

  deadlines = regie_deadlines_load (f->store, NULL, 14, 7, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      RegieDeadline *d = deadlines->pdata[i];
      passed |= d->days_left < 0;
      coming |= d->days_left >= 0;
    }
  g_assert_true (passed && coming);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/days-left-dst", test_days_left_dst);
  g_test_add ("/timeline/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/timeline/search-accents", Fixture, NULL, fixture_set_up, test_search_accents, fixture_tear_down);
  g_test_add ("/timeline/deadlines", Fixture, NULL, fixture_set_up, test_deadlines, fixture_tear_down);
  g_test_add ("/timeline/automatic-items", Fixture, NULL, fixture_set_up, test_automatic_items, fixture_tear_down);
  g_test_add ("/timeline/edit-delete-visit", Fixture, NULL, fixture_set_up, test_edit_delete_visit, fixture_tear_down);
  g_test_add ("/timeline/summary-pdf", Fixture, NULL, fixture_set_up, test_summary_pdf, fixture_tear_down);
  g_test_add ("/timeline/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
