/* regie-event.c — one item of a dossier's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-case.h"
#include "regie-event-private.h"
#include "regie-search-private.h"
#include "regie-validate.h"

struct _RegieEvent
{
  GObject         parent_instance;

  gint64          id;
  gint64          case_id;
  RegieEventKind  kind;
  char           *when;
  RegiePrecision  precision;
  char           *sort_key;
  int             duration;
  gboolean        running;
  RegieChannel    channel;
  char           *with_whom;
  gint64          organisation_id;
  gint64          contact_id;
  char           *organisation_name;   /* as loaded: "" when none */
  char           *contact_name;
  char           *title;
  char           *text;
  char           *agreed;
  RegieLifeEvent  life_event;
  char           *letter_sender;
  char           *letter_date;
  char           *letter_reference;
  char           *letter_subject;
  char           *letter_asked;
  char           *deadline;
  char           *line;
  char           *callback;
  gint64          task_id;
  char           *to_status;
};

G_DEFINE_FINAL_TYPE (RegieEvent, regie_event, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RegieEventKind, regie_event_kind,
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_LIFE_EVENT, "life_event"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_PROFESSIONAL_CALL, "professional_call"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_REFERRAL, "referral"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_STATUS_CHANGE, "status_change"),
  G_DEFINE_ENUM_VALUE (REGIE_EVENT_TASK_DONE, "task_done"))

G_DEFINE_ENUM_TYPE (RegiePrecision, regie_precision,
  G_DEFINE_ENUM_VALUE (REGIE_PRECISION_YEAR, "year"),
  G_DEFINE_ENUM_VALUE (REGIE_PRECISION_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (REGIE_PRECISION_DAY, "day"),
  G_DEFINE_ENUM_VALUE (REGIE_PRECISION_TIME, "time"))

G_DEFINE_ENUM_TYPE (RegieChannel, regie_channel,
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_DESK, "desk"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_HOME_VISIT, "home_visit"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_VIDEO, "video"),
  G_DEFINE_ENUM_VALUE (REGIE_CHANNEL_THREE_WAY, "three_way"))

G_DEFINE_ENUM_TYPE (RegieLifeEvent, regie_life_event,
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_JOB_LOSS, "job_loss"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_DIVORCE, "divorce"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_MOVE, "move"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_DEATH, "death"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_ILLNESS, "illness"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_BIRTH, "birth"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_DEBT, "debt"),
  G_DEFINE_ENUM_VALUE (REGIE_LIFE_EVENT_OTHER, "other"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DURATION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A context: "Note" alone is already the note with an outcome. */
static const char * const kind_labels[] = {
  NC_("timeline item", "Contact moment"), NC_("timeline item", "Life event"),
  NC_("timeline item", "Letter received"), NC_("timeline item", "Note"),
  NC_("timeline item", "Professional line call"), NC_("timeline item", "Referral"),
  NC_("timeline item", "Status change"), NC_("timeline item", "Task done"),
};

static const char * const kind_icons[] = {
  "user-available-symbolic", "starred-symbolic", "mail-unread-symbolic", "document-edit-symbolic",
  "call-start-symbolic", "mail-forward-symbolic", "emblem-synchronizing-symbolic",
  "object-select-symbolic",
};

static const char * const channel_labels[] = {
  N_("Not specified"), N_("Desk"), N_("Phone"), N_("E-mail"), N_("Letter"), N_("Home visit"),
  N_("Video call"), N_("Three-way call"),
};

static const char * const life_event_labels[] = {
  N_("Not specified"), N_("Lost job"), N_("Divorce or separation"), N_("Moved house"),
  N_("Death of someone close"), N_("Illness"), N_("Birth"), N_("Debts arose"), N_("Something else"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == REGIE_EVENT_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_icons) == REGIE_EVENT_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (channel_labels) == REGIE_CHANNEL_THREE_WAY + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (life_event_labels) == REGIE_LIFE_EVENT_OTHER + 1);

const char *
regie_event_kind_get_label (RegieEventKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "timeline item", kind_labels[kind]);
}

const char *
regie_event_kind_get_icon (RegieEventKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_icons), NULL);
  return kind_icons[kind];
}

gboolean
regie_event_kind_is_manual (RegieEventKind kind)
{
  return kind <= REGIE_EVENT_PROFESSIONAL_CALL;
}

const char *
regie_channel_get_label (RegieChannel channel)
{
  g_return_val_if_fail (channel < G_N_ELEMENTS (channel_labels), NULL);
  return _(channel_labels[channel]);
}

const char *
regie_life_event_get_label (RegieLifeEvent life_event)
{
  g_return_val_if_fail (life_event < G_N_ELEMENTS (life_event_labels), NULL);
  return _(life_event_labels[life_event]);
}

GTimeZone *
regie_event_time_zone (void)
{
  static GTimeZone *zone;

  /* The desks are all in the Netherlands, whatever the machine's own setting. */
  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Amsterdam");

      if (tz == NULL)
        tz = g_time_zone_new_local ();
      g_once_init_leave (&zone, tz);
    }

  return zone;
}

/* Splits "2026", "2026-03" or "2026-03-03" by precision; FALSE when it does not fit. */
static gboolean
parse_calendar (const char     *when,
                RegiePrecision  precision,
                int            *year,
                int            *month,
                int            *day)
{
  int n = 0;

  *month = 1;
  *day = 1;
  if (when == NULL)
    return FALSE;

  switch (precision)
    {
    case REGIE_PRECISION_YEAR:
      n = sscanf (when, "%4d", year) == 1 && strlen (when) == 4;
      break;
    case REGIE_PRECISION_MONTH:
      n = sscanf (when, "%4d-%2d", year, month) == 2 && strlen (when) == 7;
      break;
    case REGIE_PRECISION_DAY:
      n = sscanf (when, "%4d-%2d-%2d", year, month, day) == 3 && strlen (when) == 10;
      break;
    case REGIE_PRECISION_TIME:
    default:
      return FALSE;
    }

  return n && g_date_valid_dmy (*day, *month, *year);
}

static GDateTime *
parse_start (const char     *when,
             RegiePrecision  precision)
{
  int year, month, day;

  if (precision == REGIE_PRECISION_TIME)
    return when ? g_date_time_new_from_iso8601 (when, NULL) : NULL;

  if (!parse_calendar (when, precision, &year, &month, &day))
    return NULL;

  return g_date_time_new (regie_event_time_zone (), year, month, day, 0, 0, 0);
}

static char *
format_utc (GDateTime *moment)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (moment);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

char *
regie_event_sort_key (const char     *when,
                      RegiePrecision  precision)
{
  g_autoptr(GDateTime) start = parse_start (when, precision);
  g_autofree char *instant = NULL;

  if (start == NULL)
    return NULL;

  instant = format_utc (start);
  return g_strdup_printf ("%s%d", instant, (int) precision);
}

static GDateTime *
local_now (GDateTime *now)
{
  if (now != NULL)
    return g_date_time_to_timezone (now, regie_event_time_zone ());

  return g_date_time_new_now (regie_event_time_zone ());
}

int
regie_days_until (const char *iso_date,
                  GDateTime  *now)
{
  g_autoptr(GDateTime) here = local_now (now);
  GDate today, target;
  int year, month, day;

  g_return_val_if_fail (parse_calendar (iso_date, REGIE_PRECISION_DAY, &year, &month, &day), 0);

  /* Calendar days, not 24-hour periods: a DST change makes one day 23 or 25 hours long. */
  g_date_clear (&today, 1);
  g_date_clear (&target, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (here), g_date_time_get_month (here),
                  g_date_time_get_year (here));
  g_date_set_dmy (&target, day, month, year);
  return g_date_days_between (&today, &target);
}

static char *
format_day (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (regie_event_time_zone (), year, month, day, 12, 0, 0);

  /* TRANSLATORS: a date, as in "3 March 2026"; see g_date_time_format () */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
regie_format_date (const char *iso_date)
{
  int year, month, day;

  if (!parse_calendar (iso_date, REGIE_PRECISION_DAY, &year, &month, &day))
    return g_strdup ("");

  return format_day (year, month, day);
}

char *
regie_format_when (const char     *when,
                   RegiePrecision  precision)
{
  g_autoptr(GDateTime) start = parse_start (when, precision);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (start == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (start, regie_event_time_zone ());
  switch (precision)
    {
    case REGIE_PRECISION_YEAR:
      return g_date_time_format (local, "%Y");
    case REGIE_PRECISION_MONTH:
      /* TRANSLATORS: a month and year, as in "March 2019"; see g_date_time_format () */
      return g_date_time_format (local, _("%B %Y"));
    case REGIE_PRECISION_DAY:
      return format_day (g_date_time_get_year (local), g_date_time_get_month (local),
                         g_date_time_get_day_of_month (local));
    case REGIE_PRECISION_TIME:
    default:
      date = format_day (g_date_time_get_year (local), g_date_time_get_month (local),
                         g_date_time_get_day_of_month (local));
      time = g_date_time_format (local, "%H:%M");
      /* TRANSLATORS: a date and a time, as in "3 March 2026, 09:30" */
      return g_strdup_printf (_("%s, %s"), date, time);
    }
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Text fields are kept without surrounding blanks, and "" rather than NULL. */
static void
set_text (char       **field,
          const char  *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  replace_string (field, stripped);
}

static void
set_date (char       **field,
          const char  *iso_date)
{
  replace_string (field, iso_date && *iso_date ? iso_date : NULL);
}

static void
regie_event_finalize (GObject *object)
{
  RegieEvent *self = (RegieEvent *) object;

  g_free (self->when);
  g_free (self->sort_key);
  g_free (self->with_whom);
  g_free (self->organisation_name);
  g_free (self->contact_name);
  g_free (self->title);
  g_free (self->text);
  g_free (self->agreed);
  g_free (self->letter_sender);
  g_free (self->letter_date);
  g_free (self->letter_reference);
  g_free (self->letter_subject);
  g_free (self->letter_asked);
  g_free (self->deadline);
  g_free (self->line);
  g_free (self->callback);
  g_free (self->to_status);

  G_OBJECT_CLASS (regie_event_parent_class)->finalize (object);
}

static void
regie_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RegieEvent *self = REGIE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_event_class_init (RegieEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = regie_event_finalize;
  object_class->get_property = regie_event_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, REGIE_TYPE_EVENT_KIND, REGIE_EVENT_NOTE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_event_init (RegieEvent *self)
{
  self->duration = -1;
  self->with_whom = g_strdup ("");
  self->organisation_name = g_strdup ("");
  self->contact_name = g_strdup ("");
  self->title = g_strdup ("");
  self->text = g_strdup ("");
  self->agreed = g_strdup ("");
  self->letter_sender = g_strdup ("");
  self->letter_reference = g_strdup ("");
  self->letter_subject = g_strdup ("");
  self->letter_asked = g_strdup ("");
  self->line = g_strdup ("");
  self->callback = g_strdup ("");
}

RegieEvent *
regie_event_new (RegieEventKind kind)
{
  RegieEvent *self = g_object_new (REGIE_TYPE_EVENT, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now (regie_event_time_zone ());
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->kind = kind;
  /* A sensible start for a new item: now for what happens at the desk, today otherwise. */
  if (kind == REGIE_EVENT_CONTACT || kind == REGIE_EVENT_PROFESSIONAL_CALL)
    {
      g_autofree char *instant = format_utc (now);
      regie_event_set_when (self, instant, REGIE_PRECISION_TIME);
    }
  else
    regie_event_set_when (self, today, REGIE_PRECISION_DAY);

  return self;
}

#define GETTER(type, name, field) \
  type regie_event_get_##name (RegieEvent *self) \
  { \
    g_return_val_if_fail (REGIE_IS_EVENT (self), (type) 0); \
    return self->field; \
  }

#define TEXT_SETTER(name, field) \
  void regie_event_set_##name (RegieEvent *self, const char *value) \
  { \
    g_return_if_fail (REGIE_IS_EVENT (self)); \
    set_text (&self->field, value); \
  }

GETTER (gint64, id, id)
GETTER (gint64, case_id, case_id)
GETTER (RegieEventKind, kind, kind)
GETTER (const char *, when, when)
GETTER (RegiePrecision, precision, precision)
GETTER (const char *, sort_key, sort_key)
GETTER (int, duration, duration)
GETTER (gboolean, running, running)
GETTER (RegieChannel, channel, channel)
GETTER (const char *, with_whom, with_whom)
GETTER (gint64, organisation_id, organisation_id)
GETTER (gint64, contact_id, contact_id)
GETTER (const char *, organisation_name, organisation_name)
GETTER (const char *, contact_name, contact_name)
GETTER (const char *, title, title)
GETTER (const char *, text, text)
GETTER (const char *, agreed, agreed)
GETTER (RegieLifeEvent, life_event, life_event)
GETTER (const char *, letter_sender, letter_sender)
GETTER (const char *, letter_date, letter_date)
GETTER (const char *, letter_reference, letter_reference)
GETTER (const char *, letter_subject, letter_subject)
GETTER (const char *, letter_asked, letter_asked)
GETTER (const char *, deadline, deadline)
GETTER (const char *, line, line)
GETTER (const char *, callback, callback)
GETTER (gint64, task_id, task_id)

TEXT_SETTER (with_whom, with_whom)
TEXT_SETTER (title, title)
TEXT_SETTER (text, text)
TEXT_SETTER (agreed, agreed)
TEXT_SETTER (letter_sender, letter_sender)
TEXT_SETTER (letter_reference, letter_reference)
TEXT_SETTER (letter_subject, letter_subject)
TEXT_SETTER (letter_asked, letter_asked)
TEXT_SETTER (line, line)
TEXT_SETTER (callback, callback)

void
regie_event_set_when (RegieEvent     *self,
                      const char     *when,
                      RegiePrecision  precision)
{
  g_autofree char *key = NULL;

  g_return_if_fail (REGIE_IS_EVENT (self));

  key = regie_event_sort_key (when, precision);
  g_return_if_fail (key != NULL);

  replace_string (&self->when, when);
  self->precision = precision;
  replace_string (&self->sort_key, key);
}

GDateTime *
regie_event_get_start (RegieEvent *self)
{
  g_return_val_if_fail (REGIE_IS_EVENT (self), NULL);
  return parse_start (self->when, self->precision);
}

char *
regie_event_get_group_key (RegieEvent *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (REGIE_IS_EVENT (self), NULL);

  start = regie_event_get_start (self);
  if (start == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (start, regie_event_time_zone ());
  return g_date_time_format (local, self->precision == REGIE_PRECISION_YEAR ? "%Y" : "%Y-%m");
}

void
regie_event_set_duration (RegieEvent *self,
                          int         minutes)
{
  g_return_if_fail (REGIE_IS_EVENT (self));

  minutes = MAX (minutes, -1);
  if (self->duration == minutes)
    return;
  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

void
regie_event_set_channel (RegieEvent   *self,
                         RegieChannel  channel)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  self->channel = channel;
}

void
regie_event_set_organisation_id (RegieEvent *self,
                                 gint64      id)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  /* The name was loaded with the old id: it is known again after the next load. */
  if (self->organisation_id != MAX (id, 0))
    replace_string (&self->organisation_name, "");
  self->organisation_id = MAX (id, 0);
}

void
regie_event_set_contact_id (RegieEvent *self,
                            gint64      id)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  if (self->contact_id != MAX (id, 0))
    replace_string (&self->contact_name, "");
  self->contact_id = MAX (id, 0);
}

void
regie_event_set_life_event (RegieEvent     *self,
                            RegieLifeEvent  life_event)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  self->life_event = life_event;
}

void
regie_event_set_letter_date (RegieEvent *self,
                             const char *iso_date)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  set_date (&self->letter_date, iso_date);
}

void
regie_event_set_deadline (RegieEvent *self,
                          const char *iso_date)
{
  g_return_if_fail (REGIE_IS_EVENT (self));
  set_date (&self->deadline, iso_date);
}

char *
regie_event_dup_display_title (RegieEvent *self)
{
  g_return_val_if_fail (REGIE_IS_EVENT (self), NULL);

  switch (self->kind)
    {
    case REGIE_EVENT_STATUS_CHANGE:
      {
        int to = _regie_enum_from_id (REGIE_TYPE_CASE_STATUS, self->to_status, REGIE_CASE_STATUS_NEW);
        /* TRANSLATORS: a timeline item; %s is the new status, e.g. "Waiting for others" */
        return g_strdup_printf (_("Status changed to “%s”"), regie_case_status_get_label (to));
      }
    case REGIE_EVENT_TASK_DONE:
      /* TRANSLATORS: a timeline item; %s is what the task was */
      return g_strdup_printf (_("Task done: %s"), self->title);
    default:
      break;
    }

  if (*self->title)
    return g_strdup (self->title);

  switch (self->kind)
    {
    case REGIE_EVENT_LETTER:
      if (*self->letter_subject && *self->letter_sender)
        /* TRANSLATORS: a letter's title: its sender and subject */
        return g_strdup_printf (_("%s: %s"), self->letter_sender, self->letter_subject);
      if (*self->letter_sender)
        /* TRANSLATORS: a letter's title when there is no subject */
        return g_strdup_printf (_("Letter from %s"), self->letter_sender);
      break;
    case REGIE_EVENT_LIFE_EVENT:
      if (self->life_event != REGIE_LIFE_EVENT_NONE)
        return g_strdup (regie_life_event_get_label (self->life_event));
      break;
    case REGIE_EVENT_CONTACT:
      if (self->channel != REGIE_CHANNEL_NONE)
        {
          g_autofree char *channel = g_utf8_strdown (regie_channel_get_label (self->channel), -1);

          /* TRANSLATORS: a contact moment's title: its channel, e.g. "Contact moment (phone)" */
          return g_strdup_printf (_("Contact moment (%s)"), channel);
        }
      break;
    case REGIE_EVENT_PROFESSIONAL_CALL:
      if (*self->line)
        return g_strdup (self->line);
      break;
    default:
      break;
    }

  return g_strdup (regie_event_kind_get_label (self->kind));
}

/* Store side */

RegieEvent *
_regie_event_new_from_stmt (sqlite3_stmt *stmt,
                            int           c)
{
  RegieEvent *self = g_object_new (REGIE_TYPE_EVENT, NULL);

  self->id = sqlite3_column_int64 (stmt, c + 0);
  self->case_id = sqlite3_column_int64 (stmt, c + 1);
  self->kind = _regie_enum_from_id (REGIE_TYPE_EVENT_KIND, _regie_column_text (stmt, c + 2), REGIE_EVENT_NOTE);
  self->when = g_strdup (_regie_column_text (stmt, c + 3));
  self->precision = _regie_enum_from_id (REGIE_TYPE_PRECISION, _regie_column_text (stmt, c + 4),
                                         REGIE_PRECISION_TIME);
  self->sort_key = g_strdup (_regie_column_text (stmt, c + 5));
  self->duration = sqlite3_column_type (stmt, c + 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, c + 6);
  self->channel = _regie_enum_from_id (REGIE_TYPE_CHANNEL, _regie_column_text (stmt, c + 7), REGIE_CHANNEL_NONE);
  replace_string (&self->with_whom, _regie_column_text (stmt, c + 8));
  self->organisation_id = sqlite3_column_int64 (stmt, c + 9);
  self->contact_id = sqlite3_column_int64 (stmt, c + 10);
  replace_string (&self->title, _regie_column_text (stmt, c + 11));
  replace_string (&self->text, _regie_column_text (stmt, c + 12));
  replace_string (&self->agreed, _regie_column_text (stmt, c + 13));
  self->life_event = _regie_enum_from_id (REGIE_TYPE_LIFE_EVENT, _regie_column_text (stmt, c + 14),
                                          REGIE_LIFE_EVENT_NONE);
  replace_string (&self->letter_sender, _regie_column_text (stmt, c + 15));
  self->letter_date = g_strdup (_regie_column_text (stmt, c + 16));
  replace_string (&self->letter_reference, _regie_column_text (stmt, c + 17));
  replace_string (&self->letter_subject, _regie_column_text (stmt, c + 18));
  replace_string (&self->letter_asked, _regie_column_text (stmt, c + 19));
  self->deadline = g_strdup (_regie_column_text (stmt, c + 20));
  replace_string (&self->line, _regie_column_text (stmt, c + 21));
  replace_string (&self->callback, _regie_column_text (stmt, c + 22));
  self->task_id = sqlite3_column_int64 (stmt, c + 23);
  self->running = sqlite3_column_int (stmt, c + 24) != 0;
  self->to_status = g_strdup (_regie_column_text (stmt, c + 25));
  replace_string (&self->organisation_name, _regie_column_text (stmt, c + 26));
  replace_string (&self->contact_name, _regie_column_text (stmt, c + 27));

  return self;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* ?1 … ?21: the fields a casemanager can change, in the same order for insert and update. */
static void
bind_fields (sqlite3_stmt *stmt,
             RegieEvent   *self,
             const char   *now)
{
  _regie_bind_text (stmt, 1, self->when);
  _regie_bind_text (stmt, 2, _regie_enum_to_id (REGIE_TYPE_PRECISION, self->precision));
  _regie_bind_text (stmt, 3, self->sort_key);
  if (self->duration >= 0)
    sqlite3_bind_int (stmt, 4, self->duration);
  else
    sqlite3_bind_null (stmt, 4);
  _regie_bind_text (stmt, 5, self->channel == REGIE_CHANNEL_NONE ? ""
                                : _regie_enum_to_id (REGIE_TYPE_CHANNEL, self->channel));
  _regie_bind_text (stmt, 6, self->with_whom);
  bind_id_or_null (stmt, 7, self->organisation_id);
  bind_id_or_null (stmt, 8, self->contact_id);
  _regie_bind_text (stmt, 9, self->title);
  _regie_bind_text (stmt, 10, self->text);
  _regie_bind_text (stmt, 11, self->agreed);
  _regie_bind_text (stmt, 12, self->life_event == REGIE_LIFE_EVENT_NONE ? ""
                                 : _regie_enum_to_id (REGIE_TYPE_LIFE_EVENT, self->life_event));
  _regie_bind_text (stmt, 13, self->letter_sender);
  _regie_bind_text_or_null (stmt, 14, self->letter_date);
  _regie_bind_text (stmt, 15, self->letter_reference);
  _regie_bind_text (stmt, 16, self->letter_subject);
  _regie_bind_text (stmt, 17, self->letter_asked);
  _regie_bind_text_or_null (stmt, 18, self->deadline);
  _regie_bind_text (stmt, 19, self->line);
  _regie_bind_text (stmt, 20, self->callback);
  sqlite3_bind_int (stmt, 21, self->running);
  _regie_bind_text (stmt, 22, now);
}

static gboolean
check_event (RegieEvent  *self,
             GError     **error)
{
  int y, m, d;

  if (self->letter_date && !parse_calendar (self->letter_date, REGIE_PRECISION_DAY, &y, &m, &d))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                           _("Enter the date of the letter as day-month-year"));
      return FALSE;
    }
  if (self->deadline && !parse_calendar (self->deadline, REGIE_PRECISION_DAY, &y, &m, &d))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                           _("Enter the deadline as day-month-year"));
      return FALSE;
    }
  if (self->sort_key == NULL)
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                           _("Enter when it happened"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_regie_event_insert (RegieStore  *store,
                     RegieEvent  *self,
                     gint64       case_id,
                     const char  *now,
                     GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store,
                      "INSERT INTO event (when_at, precision, sort_key, duration_min, channel, "
                      "  with_whom, organisation_id, contact_id, title, body, agreed, life_event, "
                      "  letter_sender, letter_date, letter_ref, letter_subject, letter_asked, "
                      "  deadline, line, callback, running, created_at, updated_at, "
                      "  case_id, kind, task_id, to_status) "
                      /* An organisation or contact deleted meanwhile is not named. */
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM organisation WHERE id = ?7), "
                      "  (SELECT id FROM contact WHERE id = ?8), ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                      "  ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25, ?26);",
                      error);
  if (stmt == NULL)
    return FALSE;

  bind_fields (stmt, self, now);
  sqlite3_bind_int64 (stmt, 23, case_id);
  _regie_bind_text (stmt, 24, _regie_enum_to_id (REGIE_TYPE_EVENT_KIND, self->kind));
  bind_id_or_null (stmt, 25, self->task_id);
  _regie_bind_text_or_null (stmt, 26, self->to_status);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  self->case_id = case_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This item no longer exists"));
  return FALSE;
}

static gboolean
touch_case (RegieStore  *store,
            gint64       case_id,
            const char  *now,
            GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store,
                                           "UPDATE dossier SET last_activity = ?1 WHERE id = ?2;",
                                           error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This case no longer exists"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_in_tx (RegieStore  *store,
              RegieEvent  *self,
              const char  *now,
              GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store,
                      "UPDATE event SET when_at = ?1, precision = ?2, sort_key = ?3, "
                      "  duration_min = ?4, channel = ?5, with_whom = ?6, "
                      "  organisation_id = (SELECT id FROM organisation WHERE id = ?7), "
                      "  contact_id = (SELECT id FROM contact WHERE id = ?8), title = ?9, body = ?10, agreed = ?11, life_event = ?12, "
                      "  letter_sender = ?13, letter_date = ?14, letter_ref = ?15, "
                      "  letter_subject = ?16, letter_asked = ?17, deadline = ?18, line = ?19, "
                      "  callback = ?20, running = ?21, updated_at = ?22 "
                      "WHERE id = ?23;",
                      error);
  if (stmt == NULL)
    return FALSE;

  bind_fields (stmt, self, now);
  sqlite3_bind_int64 (stmt, 23, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    return not_found (error);

  return TRUE;
}

static gboolean
save_with_now (RegieStore  *store,
               RegieEvent  *self,
               gint64       case_id,
               const char  *actor,
               const char  *now,
               GError     **error)
{
  gboolean insert = self->id == 0;

  if (!check_event (self, error))
    return FALSE;

  if (!regie_store_begin (store, error))
    return FALSE;

  if (!(insert ? _regie_event_insert (store, self, case_id, now, error)
               : update_in_tx (store, self, now, error)) ||
      !touch_case (store, self->case_id, now, error) ||
      !_regie_search_index_case (store, self->case_id, error) ||
      !regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                           REGIE_AUDIT_EVENT, self->id, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      if (insert)
        {
          self->id = 0;
          self->case_id = 0;
        }
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_event_save (RegieStore  *store,
                  RegieEvent  *self,
                  gint64       case_id,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_EVENT (self), FALSE);
  g_return_val_if_fail (self->id > 0 || case_id > 0, FALSE);
  g_return_val_if_fail (self->id == 0 || case_id == 0 || case_id == self->case_id, FALSE);

  now = _regie_now ();
  return save_with_now (store, self, case_id, actor, now, error);
}

RegieEvent *
regie_event_load (RegieStore  *store,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store, "SELECT " REGIE_EVENT_COLUMNS " FROM event e WHERE e.id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_event_new_from_stmt (stmt, 0);

  if (rc == SQLITE_DONE)
    not_found (error);
  else
    _regie_sql_error (store, rc, error);
  return NULL;
}

gboolean
regie_event_delete (RegieStore  *store,
                    RegieEvent  *self,
                    const char  *actor,
                    GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_EVENT (self) && self->id > 0, FALSE);

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM event WHERE id = ?;", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, self->id);

  if (stmt == NULL ||
      !_regie_step_done (store, stmt, error) ||
      (sqlite3_changes (_regie_store_get_db (store)) == 0 && !not_found (error)) ||
      !touch_case (store, self->case_id, now, error) ||
      !_regie_search_index_case (store, self->case_id, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_EVENT, self->id, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

RegieEvent *
regie_event_start_visit (RegieStore    *store,
                         gint64         case_id,
                         RegieChannel   channel,
                         GDateTime     *now,
                         const char    *actor,
                         GError       **error)
{
  g_autoptr(RegieEvent) self = regie_event_new (REGIE_EVENT_CONTACT);
  g_autoptr(GDateTime) start = local_now (now);
  g_autofree char *instant = format_utc (start);
  g_autofree char *stamp = _regie_now ();

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id > 0, NULL);

  regie_event_set_when (self, instant, REGIE_PRECISION_TIME);
  regie_event_set_channel (self, channel);
  self->running = TRUE;
  if (!save_with_now (store, self, case_id, actor, stamp, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
regie_event_end_visit (RegieStore  *store,
                       RegieEvent  *self,
                       GDateTime   *now,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = local_now (now);
  g_autofree char *stamp = _regie_now ();
  int duration_before;
  GTimeSpan span;

  g_return_val_if_fail (REGIE_IS_EVENT (self) && self->id > 0, FALSE);

  start = regie_event_get_start (self);
  g_return_val_if_fail (start != NULL, FALSE);

  /* Whole minutes, rounded up: a visit that happened took at least a minute. */
  span = g_date_time_difference (end, start);
  duration_before = self->duration;
  self->running = FALSE;
  regie_event_set_duration (self, MAX (1, (int) ((span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE)));
  if (!save_with_now (store, self, 0, actor, stamp, error))
    {
      self->running = TRUE;
      regie_event_set_duration (self, duration_before);
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

RegieEvent *
regie_event_find_running_visit (RegieStore  *store,
                                gint64       case_id,
                                GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  stmt = _regie_stmt (store,
                      "SELECT " REGIE_EVENT_COLUMNS " FROM event e "
                      "WHERE e.case_id = ? AND e.running = 1 ORDER BY e.sort_key DESC LIMIT 1;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_event_new_from_stmt (stmt, 0);
  if (rc != SQLITE_DONE)
    _regie_sql_error (store, rc, error);
  return NULL;
}

gboolean
_regie_event_record_status_change (RegieStore  *store,
                                   gint64       case_id,
                                   const char  *now,
                                   int          from_status,
                                   int          to_status,
                                   GError     **error)
{
  g_autoptr(RegieEvent) self = g_object_new (REGIE_TYPE_EVENT, NULL);

  /* The opening of a dossier is not news on its own timeline. */
  if (from_status < 0)
    return TRUE;

  self->kind = REGIE_EVENT_STATUS_CHANGE;
  regie_event_set_when (self, now, REGIE_PRECISION_TIME);
  self->to_status = g_strdup (_regie_enum_to_id (REGIE_TYPE_CASE_STATUS, to_status));
  return _regie_event_insert (store, self, case_id, now, error);
}

gboolean
_regie_event_record_task_done (RegieStore  *store,
                               gint64       case_id,
                               gint64       task_id,
                               const char  *what,
                               gboolean     done,
                               const char  *now,
                               GError     **error)
{
  g_autoptr(RegieEvent) self = NULL;

  if (!done)
    {
      g_autoptr(RegieStmt) stmt = _regie_stmt (store,
                                               "DELETE FROM event WHERE task_id = ? AND kind = 'task_done';",
                                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, task_id);
      return _regie_step_done (store, stmt, error);
    }

  self = g_object_new (REGIE_TYPE_EVENT, NULL);
  self->kind = REGIE_EVENT_TASK_DONE;
  regie_event_set_when (self, now, REGIE_PRECISION_TIME);
  set_text (&self->title, what);
  self->task_id = task_id;
  return _regie_event_insert (store, self, case_id, now, error);
}
