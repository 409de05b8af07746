/* regie-demo-timeline.c — fictional timelines for the demo dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-demo-timeline.h"
#include "regie-event-private.h"
#include "regie-search-private.h"

#define MAX_STORIES 12

/* Demo data is in Dutch like what casemanagers write, and is not translated. */

static RegieEvent *
at_time (RegieEventKind  kind,
         GDateTime      *now,
         int             days_ago,
         int             hour,
         int             minute)
{
  RegieEvent *event = regie_event_new (kind);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) local = g_date_time_new (regie_event_time_zone (), g_date_time_get_year (day),
                                                g_date_time_get_month (day),
                                                g_date_time_get_day_of_month (day), hour, minute, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  g_autofree char *instant = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");

  regie_event_set_when (event, instant, REGIE_PRECISION_TIME);
  return event;
}

static RegieEvent *
at_day (RegieEventKind  kind,
        GDateTime      *now,
        int             days_ago)
{
  RegieEvent *event = regie_event_new (kind);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  regie_event_set_when (event, date, REGIE_PRECISION_DAY);
  return event;
}

static char *
date_in (GDateTime *now,
         int        days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static RegieEvent *
life_event (RegieLifeEvent  what,
            const char     *when,
            RegiePrecision  precision,
            const char     *text)
{
  RegieEvent *event = regie_event_new (REGIE_EVENT_LIFE_EVENT);

  regie_event_set_when (event, when, precision);
  regie_event_set_life_event (event, what);
  regie_event_set_text (event, text);
  return event;
}

static gboolean
add (RegieStore  *store,
     gint64       case_id,
     RegieEvent  *event,
     const char  *stamp,
     GError     **error)
{
  g_autoptr(RegieEvent) owned = event;

  return _regie_event_insert (store, owned, case_id, stamp, error);
}

/* One inwoner's story; variant shifts which details it has, so that dossiers differ. */
static gboolean
add_story (RegieStore  *store,
           gint64       case_id,
           guint        variant,
           GDateTime   *now,
           const char  *stamp,
           GError     **error)
{
  int year = g_date_time_get_year (now);
  g_autofree char *year_ago = g_strdup_printf ("%d", year - 3 - (int) variant % 4);
  g_autofree char *month_ago = g_strdup_printf ("%d-%02d", year - 1, 3 + (int) variant % 6);
  RegieEvent *event;

  if (!add (store, case_id,
            life_event (REGIE_LIFE_EVENT_JOB_LOSS + variant % 3, year_ago, REGIE_PRECISION_YEAR,
                        "Vertelt dat het toen begon: minder inkomen, rekeningen bleven liggen."),
            stamp, error) ||
      !add (store, case_id,
            life_event (variant % 2 ? REGIE_LIFE_EVENT_DEBT : REGIE_LIFE_EVENT_MOVE, month_ago,
                        REGIE_PRECISION_MONTH, "Ongeveer in het voorjaar, precieze datum weet zij niet meer."),
            stamp, error))
    return FALSE;

  event = at_day (REGIE_EVENT_LETTER, now, 12 + variant);
  regie_event_set_letter_sender (event, variant % 2 ? "Belastingdienst/Toeslagen" : "CJIB");
  regie_event_set_letter_subject (event, variant % 2 ? "Terugvordering zorgtoeslag" : "Aanmaning verkeersboete");
  regie_event_set_letter_reference (event, variant % 2 ? "TS-0000-DEMO" : "CJIB-0000-PROEF");
  regie_event_set_letter_asked (event, variant % 2 ? "Bedrag terugbetalen of betalingsregeling vragen."
                                                   : "Boete met verhoging betalen.");
  {
    g_autofree char *letter_date = date_in (now, -14 - (int) variant);
    /* A handful near today (some passed), the rest well ahead: a realistic week. */
    static const int near[] = { 3, -2, 6, 1, -5 };
    g_autofree char *deadline = date_in (now, variant < G_N_ELEMENTS (near) ? near[variant] : 21);
    regie_event_set_letter_date (event, letter_date);
    regie_event_set_deadline (event, deadline);
  }
  if (!add (store, case_id, event, stamp, error))
    return FALSE;

  event = at_time (REGIE_EVENT_CONTACT, now, 9 + variant, 10, 15);
  regie_event_set_channel (event, REGIE_CHANNEL_DESK);
  regie_event_set_duration (event, 35 + 5 * (int) (variant % 4));
  regie_event_set_title (event, "Eerste gesprek aan de balie");
  regie_event_set_text (event, "Brief samen gelezen. Mevrouw was ongerust over het bedrag.");
  regie_event_set_agreed (event, "U zoekt de loonstroken van vorig jaar op.\n"
                                 "Wij bellen samen met de professionallijn van Toeslagen.");
  if (!add (store, case_id, event, stamp, error))
    return FALSE;

  event = at_time (REGIE_EVENT_PROFESSIONAL_CALL, now, 7 + variant, 11, 0);
  regie_event_set_line (event, "Professionallijn Toeslagen (demo)");
  regie_event_set_with_whom (event, "Toeslagen, medewerker Demo (0900-0000123)");
  regie_event_set_duration (event, 20);
  regie_event_set_text (event, "Driegesprek: terugvordering klopt, betalingsregeling is mogelijk.");
  regie_event_set_callback (event, "Toeslagen belt binnen 5 werkdagen terug over de regeling.");
  if (!add (store, case_id, event, stamp, error))
    return FALSE;

  event = at_day (REGIE_EVENT_NOTE, now, 5 + variant);
  regie_event_set_title (event, "Dochter helpt met de post");
  regie_event_set_text (event, "Mag gebeld worden als moeder niet opneemt (toestemming gegeven).");
  if (!add (store, case_id, event, stamp, error))
    return FALSE;

  event = at_day (REGIE_EVENT_REFERRAL, now, 4 + variant);
  regie_event_set_title (event, "Warme doorverwijzing naar schuldhulp");
  regie_event_set_with_whom (event, "Schuldhulp Demodorp (06-00000123)");
  regie_event_set_text (event, "Samen gebeld, intake volgende week.");
  if (!add (store, case_id, event, stamp, error))
    return FALSE;

  event = at_time (REGIE_EVENT_CONTACT, now, 2, 14, 30);
  regie_event_set_channel (event, REGIE_CHANNEL_PHONE);
  regie_event_set_duration (event, 10);
  regie_event_set_text (event, "Loonstroken zijn gevonden. Nieuwe afspraak gemaakt.");
  {
    g_autofree char *last = g_strdup (regie_event_get_when (event));
    g_autoptr(RegieStmt) touch = NULL;

    if (!add (store, case_id, event, stamp, error))
      return FALSE;

    /* The dossier was last worked on with that call, as the list should show. */
    touch = _regie_stmt (store,
                         "UPDATE dossier SET last_activity = max(last_activity, ?1) WHERE id = ?2;",
                         error);
    if (touch == NULL)
      return FALSE;
    _regie_bind_text (touch, 1, last);
    sqlite3_bind_int64 (touch, 2, case_id);
    if (!_regie_step_done (store, touch, error))
      return FALSE;
  }

  /* The next appointment, for the summary. */
  event = at_time (REGIE_EVENT_CONTACT, now, -7, 9, 30);
  regie_event_set_channel (event, REGIE_CHANNEL_DESK);
  regie_event_set_title (event, "Vervolgafspraak");
  regie_event_set_with_whom (event, "Casemanager en inwoner");
  return add (store, case_id, event, stamp, error);
}

gboolean
regie_demo_fill_timelines (RegieStore  *store,
                           GDateTime   *now,
                           GError     **error)
{
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(RegieStmt) open_cases = NULL;
  g_autoptr(RegieStmt) history = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stamp = _regie_now ();
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  here = now ? g_date_time_to_timezone (now, regie_event_time_zone ())
             : g_date_time_new_now (regie_event_time_zone ());

  if (!regie_store_begin (store, error))
    return FALSE;

  /* The demo writes its status history itself: show it on the timelines as the core would. */
  history = _regie_stmt (store,
                         "INSERT INTO event (case_id, kind, when_at, precision, sort_key, to_status, "
                         "  created_at, updated_at) "
                         "SELECT case_id, 'status_change', at, 'time', at || '3', to_status, at, at "
                         "FROM case_status_change WHERE from_status IS NOT NULL;",
                         error);
  if (history == NULL || !_regie_step_done (store, history, error))
    goto failed;

  open_cases = _regie_stmt (store,
                            "SELECT id FROM dossier WHERE status != 'closed' ORDER BY last_activity DESC;",
                            error);
  if (open_cases == NULL)
    goto failed;
  while ((rc = sqlite3_step (open_cases)) == SQLITE_ROW && ids->len < MAX_STORIES)
    {
      gint64 id = sqlite3_column_int64 (open_cases, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      goto failed;
    }
  g_clear_pointer (&open_cases, _regie_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    if (!add_story (store, g_array_index (ids, gint64, i), i, here, stamp, error) ||
        !_regie_search_index_case (store, g_array_index (ids, gint64, i), error))
      goto failed;

  return regie_store_commit (store, error);

failed:
  regie_store_rollback (store);
  return FALSE;
}
