/* regie-event.h — one item of a dossier's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_EVENT_CONTACT,            /* contactmoment */
  REGIE_EVENT_LIFE_EVENT,         /* levensgebeurtenis */
  REGIE_EVENT_LETTER,             /* brief ontvangen */
  REGIE_EVENT_NOTE,
  REGIE_EVENT_PROFESSIONAL_CALL,  /* professionallijn / driegesprek */
  REGIE_EVENT_REFERRAL,
  REGIE_EVENT_STATUS_CHANGE,      /* written by the core with the change itself */
  REGIE_EVENT_TASK_DONE,          /* likewise */
} RegieEventKind;

#define REGIE_EVENT_N_KINDS (REGIE_EVENT_TASK_DONE + 1)

typedef enum
{
  REGIE_PRECISION_YEAR,
  REGIE_PRECISION_MONTH,
  REGIE_PRECISION_DAY,
  REGIE_PRECISION_TIME,
} RegiePrecision;

typedef enum
{
  REGIE_CHANNEL_NONE,
  REGIE_CHANNEL_DESK,
  REGIE_CHANNEL_PHONE,
  REGIE_CHANNEL_EMAIL,
  REGIE_CHANNEL_LETTER,
  REGIE_CHANNEL_HOME_VISIT,
  REGIE_CHANNEL_VIDEO,
  REGIE_CHANNEL_THREE_WAY,
} RegieChannel;

typedef enum
{
  REGIE_LIFE_EVENT_NONE,
  REGIE_LIFE_EVENT_JOB_LOSS,
  REGIE_LIFE_EVENT_DIVORCE,
  REGIE_LIFE_EVENT_MOVE,
  REGIE_LIFE_EVENT_DEATH,
  REGIE_LIFE_EVENT_ILLNESS,
  REGIE_LIFE_EVENT_BIRTH,
  REGIE_LIFE_EVENT_DEBT,
  REGIE_LIFE_EVENT_OTHER,
} RegieLifeEvent;

#define REGIE_TYPE_EVENT_KIND  (regie_event_kind_get_type ())
#define REGIE_TYPE_PRECISION   (regie_precision_get_type ())
#define REGIE_TYPE_CHANNEL     (regie_channel_get_type ())
#define REGIE_TYPE_LIFE_EVENT  (regie_life_event_get_type ())

GType        regie_event_kind_get_type   (void) G_GNUC_CONST;
GType        regie_precision_get_type    (void) G_GNUC_CONST;
GType        regie_channel_get_type      (void) G_GNUC_CONST;
GType        regie_life_event_get_type   (void) G_GNUC_CONST;
const char  *regie_event_kind_get_label  (RegieEventKind  kind);
const char  *regie_event_kind_get_icon   (RegieEventKind  kind);
/* Kinds a casemanager adds by hand (not status changes, tasks done or referrals). */
gboolean     regie_event_kind_is_manual  (RegieEventKind  kind);
const char  *regie_channel_get_label     (RegieChannel    channel);
const char  *regie_life_event_get_label  (RegieLifeEvent  life_event);

/* Europe/Amsterdam: every date a casemanager sees or types is a date there. */
GTimeZone   *regie_event_time_zone       (void);

/* "3 maart 2026", "maart 2019", "2019", or with the time "3 maart 2026, 09:30", in the
 * language of the interface. when is as stored (see regie_event_get_when ()). */
char        *regie_format_when           (const char     *when,
                                          RegiePrecision  precision);
/* ISO date "2026-03-03" as "3 maart 2026". */
char        *regie_format_date           (const char     *iso_date);
/* Where newest-first order puts an item: see 0003-timeline.sql. NULL when when is invalid. */
char        *regie_event_sort_key        (const char     *when,
                                          RegiePrecision  precision);
/* Whole calendar days from now (Europe/Amsterdam) to the ISO date: 0 today, -1 yesterday.
 * now NULL is the current time. */
int          regie_days_until            (const char     *iso_date,
                                          GDateTime      *now);

#define REGIE_TYPE_EVENT (regie_event_get_type ())

G_DECLARE_FINAL_TYPE (RegieEvent, regie_event, REGIE, EVENT, GObject)

/* when: 'time' a UTC ISO instant, 'day' "YYYY-MM-DD", 'month' "YYYY-MM", 'year' "YYYY".
 * Text is never NULL (unset is ""), except letter-date and deadline (NULL: none).
 * duration is in minutes, -1 when not known. */
RegieEvent    *regie_event_new                (RegieEventKind  kind);

gint64         regie_event_get_id             (RegieEvent     *self);
gint64         regie_event_get_case_id        (RegieEvent     *self);
RegieEventKind regie_event_get_kind           (RegieEvent     *self);
const char    *regie_event_get_when           (RegieEvent     *self);
RegiePrecision regie_event_get_precision      (RegieEvent     *self);
void           regie_event_set_when           (RegieEvent     *self,
                                               const char     *when,
                                               RegiePrecision  precision);
/* The start of the item as a moment, for times (the period's start for fuzzy dates). */
GDateTime     *regie_event_get_start          (RegieEvent     *self);
const char    *regie_event_get_sort_key       (RegieEvent     *self);
/* "2026-03" or, for year precision, "2026": what the timeline groups under one header. */
char          *regie_event_get_group_key      (RegieEvent     *self);
int            regie_event_get_duration       (RegieEvent     *self);
void           regie_event_set_duration       (RegieEvent     *self,
                                               int             minutes);
gboolean       regie_event_get_running        (RegieEvent     *self);
RegieChannel   regie_event_get_channel        (RegieEvent     *self);
void           regie_event_set_channel        (RegieEvent     *self,
                                               RegieChannel    channel);
const char    *regie_event_get_with_whom      (RegieEvent     *self);
void           regie_event_set_with_whom      (RegieEvent     *self,
                                               const char     *with_whom);
gint64         regie_event_get_organisation_id (RegieEvent    *self);
void           regie_event_set_organisation_id (RegieEvent    *self,
                                               gint64          id);
gint64         regie_event_get_contact_id     (RegieEvent     *self);
void           regie_event_set_contact_id     (RegieEvent     *self,
                                               gint64          id);
/* The names of the organisation and contact named, as loaded from the store ("" when
 * none); setting another id clears them until the next load. */
const char    *regie_event_get_organisation_name (RegieEvent  *self);
const char    *regie_event_get_contact_name   (RegieEvent     *self);
const char    *regie_event_get_title          (RegieEvent     *self);
void           regie_event_set_title          (RegieEvent     *self,
                                               const char     *title);
const char    *regie_event_get_text           (RegieEvent     *self);
void           regie_event_set_text           (RegieEvent     *self,
                                               const char     *text);
const char    *regie_event_get_agreed         (RegieEvent     *self);
void           regie_event_set_agreed         (RegieEvent     *self,
                                               const char     *agreed);
RegieLifeEvent regie_event_get_life_event     (RegieEvent     *self);
void           regie_event_set_life_event     (RegieEvent     *self,
                                               RegieLifeEvent  life_event);
const char    *regie_event_get_letter_sender  (RegieEvent     *self);
void           regie_event_set_letter_sender  (RegieEvent     *self,
                                               const char     *sender);
const char    *regie_event_get_letter_date    (RegieEvent     *self);
void           regie_event_set_letter_date    (RegieEvent     *self,
                                               const char     *iso_date);
const char    *regie_event_get_letter_reference (RegieEvent   *self);
void           regie_event_set_letter_reference (RegieEvent   *self,
                                               const char     *reference);
const char    *regie_event_get_letter_subject (RegieEvent     *self);
void           regie_event_set_letter_subject (RegieEvent     *self,
                                               const char     *subject);
const char    *regie_event_get_letter_asked   (RegieEvent     *self);
void           regie_event_set_letter_asked   (RegieEvent     *self,
                                               const char     *asked);
const char    *regie_event_get_deadline       (RegieEvent     *self);
void           regie_event_set_deadline       (RegieEvent     *self,
                                               const char     *iso_date);
const char    *regie_event_get_line           (RegieEvent     *self);
void           regie_event_set_line           (RegieEvent     *self,
                                               const char     *line);
const char    *regie_event_get_callback       (RegieEvent     *self);
void           regie_event_set_callback       (RegieEvent     *self,
                                               const char     *callback);
gint64         regie_event_get_task_id        (RegieEvent     *self);
/* The title, or for an untitled item what fits its kind (the subject of a letter …). */
char          *regie_event_dup_display_title  (RegieEvent     *self);

/* The store side. Each write is one transaction that bumps the dossier's last activity and
 * writes an audit row (entity "event"; actor: see regie_audit_record ()).
 * save: inserts (id 0) or updates; the kind is fixed once saved.
 * start_visit: a new contact moment at now (NULL: the current time), running.
 * end_visit: sets its duration to the whole minutes since its start (at least 1). */
RegieEvent    *regie_event_load               (RegieStore     *store,
                                               gint64          id,
                                               GError        **error);
gboolean       regie_event_save               (RegieStore     *store,
                                               RegieEvent     *self,
                                               gint64          case_id,
                                               const char     *actor,
                                               GError        **error);
gboolean       regie_event_delete             (RegieStore     *store,
                                               RegieEvent     *self,
                                               const char     *actor,
                                               GError        **error);
RegieEvent    *regie_event_start_visit        (RegieStore     *store,
                                               gint64          case_id,
                                               RegieChannel    channel,
                                               GDateTime      *now,
                                               const char     *actor,
                                               GError        **error);
gboolean       regie_event_end_visit          (RegieStore     *store,
                                               RegieEvent     *self,
                                               GDateTime      *now,
                                               const char     *actor,
                                               GError        **error);
/* The visit of the dossier that is still running, or NULL. */
RegieEvent    *regie_event_find_running_visit (RegieStore     *store,
                                               gint64          case_id,
                                               GError        **error);

G_END_DECLS
