/* regie-professional-line.c — a direct line for professionals, with weekly availability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-holidays.h"
#include "regie-network-private.h"
#include "regie-validate.h"

/* Holidays cluster (Christmas and a weekend, Easter and Koningsdag): look three weeks ahead. */
#define LOOKAHEAD_DAYS 21

struct _RegieProfessionalLine
{
  GObject   parent_instance;

  gint64    id;
  gint64    organisation_id;
  char     *label;
  char     *phone;
  char     *audience;
  char     *notes;
  char     *checked_at;
  GArray   *slots;
  gboolean  open_on_holidays;
};

G_DEFINE_FINAL_TYPE (RegieProfessionalLine, regie_professional_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_PHONE,
  PROP_AUDIENCE,
  PROP_NOTES,
  PROP_CHECKED_AT,
  PROP_OPEN_ON_HOLIDAYS,
  PROP_AVAILABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const weekday_names[] = {
  NULL,
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/* Translators: short day names in availability ("ma-vr 9:00-17:00"); the parser also
 * reads Dutch and English ones, so keep the first two letters of the day's name. */
static const char * const weekday_short[] = {
  NULL,
  NC_("weekday", "mo"), NC_("weekday", "tu"), NC_("weekday", "we"), NC_("weekday", "th"),
  NC_("weekday", "fr"), NC_("weekday", "sa"), NC_("weekday", "su"),
};

static const char * const canonical_short[] = { NULL, "mo", "tu", "we", "th", "fr", "sa", "su" };

static const char * const month_names[] = {
  NULL,
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
  NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
  NC_("month", "November"), NC_("month", "December"),
};

static GDateTime *clock_override;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const RegieSlot *x = a, *y = b;

  if (x->weekday != y->weekday)
    return x->weekday - y->weekday;
  return x->start_minute - y->start_minute;
}

static gboolean
slot_is_valid (guint weekday,
               guint start,
               guint end)
{
  return weekday >= 1 && weekday <= 7 && start < end && end <= 24 * 60;
}

static void
regie_professional_line_finalize (GObject *object)
{
  RegieProfessionalLine *self = (RegieProfessionalLine *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->audience, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->checked_at, g_free);
  g_clear_pointer (&self->slots, g_array_unref);

  G_OBJECT_CLASS (regie_professional_line_parent_class)->finalize (object);
}

static void
regie_professional_line_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RegieProfessionalLine *self = REGIE_PROFESSIONAL_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_AUDIENCE:
      g_value_set_string (value, self->audience);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CHECKED_AT:
      g_value_set_string (value, self->checked_at);
      break;
    case PROP_OPEN_ON_HOLIDAYS:
      g_value_set_boolean (value, self->open_on_holidays);
      break;
    case PROP_AVAILABILITY:
      g_value_take_string (value, regie_professional_line_format_availability (self, TRUE));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_professional_line_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RegieProfessionalLine *self = REGIE_PROFESSIONAL_LINE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      regie_professional_line_set_label (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      regie_professional_line_set_phone (self, g_value_get_string (value));
      break;
    case PROP_AUDIENCE:
      regie_professional_line_set_audience (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      regie_professional_line_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CHECKED_AT:
      regie_professional_line_set_checked_at (self, g_value_get_string (value));
      break;
    case PROP_OPEN_ON_HOLIDAYS:
      regie_professional_line_set_open_on_holidays (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_professional_line_class_init (RegieProfessionalLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_professional_line_finalize;
  object_class->get_property = regie_professional_line_get_property;
  object_class->set_property = regie_professional_line_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", rw);
  properties[PROP_AUDIENCE] = g_param_spec_string ("audience", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_CHECKED_AT] = g_param_spec_string ("checked-at", NULL, NULL, NULL, rw);
  properties[PROP_OPEN_ON_HOLIDAYS] = g_param_spec_boolean ("open-on-holidays", NULL, NULL, FALSE, rw);
  properties[PROP_AVAILABILITY] = g_param_spec_string ("availability", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_professional_line_init (RegieProfessionalLine *self)
{
  self->label = g_strdup ("");
  self->phone = g_strdup ("");
  self->audience = g_strdup ("");
  self->notes = g_strdup ("");
  self->slots = g_array_new (FALSE, FALSE, sizeof (RegieSlot));
}

RegieProfessionalLine *
regie_professional_line_new (void)
{
  return g_object_new (REGIE_TYPE_PROFESSIONAL_LINE, NULL);
}

gint64
regie_professional_line_get_id (RegieProfessionalLine *self)
{
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), 0);
  return self->id;
}

gint64
regie_professional_line_get_organisation_id (RegieProfessionalLine *self)
{
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), 0);
  return self->organisation_id;
}

void
regie_professional_line_set_organisation_id (RegieProfessionalLine *self,
                                             gint64                 organisation_id)
{
  g_return_if_fail (REGIE_IS_PROFESSIONAL_LINE (self));
  self->organisation_id = organisation_id;
}

static void
set_text (RegieProfessionalLine  *self,
          char                  **field,
          const char             *value,
          int                     prop)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (_regie_network_set_string (field, trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define TEXT_ACCESSORS(field, PROP)                                                   \
const char *                                                                          \
regie_professional_line_get_##field (RegieProfessionalLine *self)                     \
{                                                                                     \
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);                     \
  return self->field;                                                                 \
}                                                                                     \
void                                                                                  \
regie_professional_line_set_##field (RegieProfessionalLine *self,                     \
                                     const char            *value)                    \
{                                                                                     \
  g_return_if_fail (REGIE_IS_PROFESSIONAL_LINE (self));                               \
  set_text (self, &self->field, value, PROP);                                         \
}

TEXT_ACCESSORS (label, PROP_LABEL)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (audience, PROP_AUDIENCE)
TEXT_ACCESSORS (notes, PROP_NOTES)

gboolean
regie_professional_line_get_open_on_holidays (RegieProfessionalLine *self)
{
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), FALSE);
  return self->open_on_holidays;
}

void
regie_professional_line_set_open_on_holidays (RegieProfessionalLine *self,
                                              gboolean               open)
{
  g_return_if_fail (REGIE_IS_PROFESSIONAL_LINE (self));

  if (self->open_on_holidays == !!open)
    return;
  self->open_on_holidays = !!open;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_ON_HOLIDAYS]);
}

const char *
regie_professional_line_get_checked_at (RegieProfessionalLine *self)
{
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);
  return self->checked_at;
}

void
regie_professional_line_set_checked_at (RegieProfessionalLine *self,
                                        const char            *iso_date)
{
  g_return_if_fail (REGIE_IS_PROFESSIONAL_LINE (self));
  g_return_if_fail (iso_date == NULL || regie_iso_date_is_valid (iso_date));

  if (_regie_network_set_string (&self->checked_at, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
}

const RegieSlot *
regie_professional_line_get_slots (RegieProfessionalLine *self,
                                   guint                 *n_slots)
{
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);

  if (n_slots != NULL)
    *n_slots = self->slots->len;
  return (const RegieSlot *) self->slots->data;
}

void
regie_professional_line_set_slots (RegieProfessionalLine *self,
                                   const RegieSlot       *slots,
                                   guint                  n_slots)
{
  g_return_if_fail (REGIE_IS_PROFESSIONAL_LINE (self));

  g_array_set_size (self->slots, 0);
  for (guint i = 0; i < n_slots; i++)
    if (slot_is_valid (slots[i].weekday, slots[i].start_minute, slots[i].end_minute))
      g_array_append_val (self->slots, slots[i]);
  g_array_sort (self->slots, compare_slots);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABILITY]);
}

gboolean
regie_professional_line_add_slot (RegieProfessionalLine *self,
                                  guint                  weekday,
                                  guint                  start_minute,
                                  guint                  end_minute)
{
  RegieSlot slot = { weekday, start_minute, end_minute };

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), FALSE);

  if (!slot_is_valid (weekday, start_minute, end_minute))
    return FALSE;

  g_array_append_val (self->slots, slot);
  g_array_sort (self->slots, compare_slots);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABILITY]);
  return TRUE;
}

/* Availability text */

static int
weekday_from_word (const char *word)
{
  static const struct { const char *prefix; int day; } days[] = {
    { "ma", 1 }, { "mo", 1 }, { "di", 2 }, { "tu", 2 }, { "wo", 3 }, { "we", 3 },
    { "do", 4 }, { "th", 4 }, { "vr", 5 }, { "fr", 5 }, { "za", 6 }, { "sa", 6 },
    { "zo", 7 }, { "su", 7 },
  };

  if (strlen (word) < 2)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (strncmp (word, days[i].prefix, 2) == 0)
      return days[i].day;
  return 0;
}

static gboolean
parse_error (GError     **error,
             const char  *part)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Cannot read the availability “%s”; write it like “mo-fr 9:00-12:00, 13:00-17:00”"),
               part);
  return FALSE;
}

/* "9", "9:30", "09.30", "24:00" */
static gboolean
parse_time (const char *text,
            guint      *minutes)
{
  char *end;
  guint64 hours, mins = 0;

  while (*text == ' ')
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  hours = g_ascii_strtoull (text, &end, 10);
  if (*end == ':' || *end == '.')
    {
      if (!g_ascii_isdigit (end[1]) || !g_ascii_isdigit (end[2]))
        return FALSE;
      mins = (end[1] - '0') * 10 + (end[2] - '0');
      end += 3;
    }
  while (*end == ' ')
    end++;
  if (g_ascii_strncasecmp (end, "uur", 3) == 0 || *end == 'u' || *end == 'h')
    end += g_ascii_strncasecmp (end, "uur", 3) == 0 ? 3 : 1;
  while (*end == ' ')
    end++;
  if (*end != '\0' || hours > 24 || mins > 59 || (hours == 24 && mins != 0))
    return FALSE;

  *minutes = (guint) (hours * 60 + mins);
  return TRUE;
}

static gboolean
parse_days (const char *text,
            gboolean    days[8])
{
  g_auto(GStrv) words = g_strsplit_set (text, ", ", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i]; i++)
    {
      const char *word = words[i];
      const char *dash;
      int from, to;

      if (*word == '\0' || strcmp (word, "en") == 0 || strcmp (word, "and") == 0)
        continue;
      if (g_str_has_prefix (word, "werkdag") || g_str_has_prefix (word, "weekday"))
        from = 1, to = 5;
      else if (g_str_has_prefix (word, "dagelijks") || g_str_has_prefix (word, "daily"))
        from = 1, to = 7;
      else if ((dash = strchr (word, '-')) != NULL)
        {
          g_autofree char *first = g_strndup (word, dash - word);

          from = weekday_from_word (first);
          to = weekday_from_word (dash + 1);
        }
      else
        from = to = weekday_from_word (word);

      if (from == 0 || to == 0)
        return FALSE;
      for (int d = from; ; d = d % 7 + 1)
        {
          days[d] = TRUE;
          if (d == to)
            break;
        }
      any = TRUE;
    }

  return any;
}

static char *
normalize_availability (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2013 || c == 0x2014 || c == 0x2212) /* en dash, em dash, minus */
        g_string_append_c (out, '-');
      else if (c == '\n' || c == '|')
        g_string_append_c (out, ';');
      else if (c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  /* "ma t/m vr" and "ma tot en met vr" are ranges too. */
  g_string_replace (out, " t/m ", "-", 0);
  g_string_replace (out, " tot en met ", "-", 0);
  g_string_replace (out, " to ", "-", 0);
  g_string_replace (out, " tot ", "-", 0);
  g_string_replace (out, " - ", "-", 0);
  return g_string_free (out, FALSE);
}

gboolean
regie_availability_parse (const char  *text,
                          GArray     **slots_out,
                          GError     **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (RegieSlot));
  g_autofree char *normal = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (slots_out != NULL, FALSE);

  normal = normalize_availability (text ? text : "");
  groups = g_strsplit (normal, ";", -1);

  for (guint g = 0; groups[g]; g++)
    {
      g_autofree char *group = g_strstrip (g_strdup (groups[g]));
      g_autofree char *day_part = NULL;
      g_auto(GStrv) ranges = NULL;
      gboolean days[8] = { FALSE };
      const char *digits;

      if (*group == '\0')
        continue;

      for (digits = group; *digits && !g_ascii_isdigit (*digits); digits++)
        ;
      day_part = g_strndup (group, digits - group);
      if (*digits == '\0' || !parse_days (day_part, days))
        return parse_error (error, group);

      ranges = g_strsplit (digits, ",", -1);
      for (guint r = 0; ranges[r]; r++)
        {
          g_auto(GStrv) ends = NULL;
          guint start, end;

          if (*g_strstrip (ranges[r]) == '\0')
            continue;
          ends = g_strsplit (ranges[r], "-", -1);
          if (g_strv_length (ends) != 2 || !parse_time (ends[0], &start) ||
              !parse_time (ends[1], &end) || start >= end)
            return parse_error (error, group);

          for (guint d = 1; d <= 7; d++)
            if (days[d])
              {
                RegieSlot slot = { d, start, end };

                g_array_append_val (slots, slot);
              }
        }
    }

  g_array_sort (slots, compare_slots);
  *slots_out = g_steal_pointer (&slots);
  return TRUE;
}

gboolean
regie_professional_line_set_availability (RegieProfessionalLine  *self,
                                          const char             *text,
                                          GError                **error)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), FALSE);

  if (!regie_availability_parse (text, &slots, error))
    return FALSE;

  regie_professional_line_set_slots (self, (const RegieSlot *) slots->data, slots->len);
  return TRUE;
}

static char *
format_day_slots (RegieProfessionalLine *self,
                  guint                  weekday,
                  gboolean               localized)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      const RegieSlot *slot = &g_array_index (self->slots, RegieSlot, i);

      if (slot->weekday != weekday)
        continue;
      if (out->len > 0)
        g_string_append (out, localized ? ", " : ",");
      if (localized)
        g_string_append_printf (out, "%u:%02u–%u:%02u",
                                slot->start_minute / 60, slot->start_minute % 60,
                                slot->end_minute / 60, slot->end_minute % 60);
      else
        g_string_append_printf (out, "%02u:%02u-%02u:%02u",
                                slot->start_minute / 60, slot->start_minute % 60,
                                slot->end_minute / 60, slot->end_minute % 60);
    }

  return g_string_free (out, FALSE);
}

static const char *
day_short (guint    weekday,
           gboolean localized)
{
  return localized ? g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_short[weekday])
                   : canonical_short[weekday];
}

char *
regie_professional_line_format_availability (RegieProfessionalLine *self,
                                             gboolean               localized)
{
  GString *out = g_string_new (NULL);
  char *times[8] = { NULL };

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);

  for (guint d = 1; d <= 7; d++)
    times[d] = format_day_slots (self, d, localized);

  /* Days in a row with the same hours become one range: "ma-vr 9:00-17:00". */
  for (guint d = 1; d <= 7; )
    {
      guint last = d;

      if (*times[d] == '\0')
        {
          d++;
          continue;
        }
      while (last < 7 && strcmp (times[last + 1], times[d]) == 0)
        last++;

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, day_short (d, localized));
      if (last > d)
        g_string_append_printf (out, "%s%s", localized ? "–" : "-", day_short (last, localized));
      g_string_append_printf (out, " %s", times[d]);
      d = last + 1;
    }

  for (guint d = 1; d <= 7; d++)
    g_free (times[d]);

  return g_string_free (out, FALSE);
}

/* Reachability */

GTimeZone *
regie_network_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Amsterdam");

      /* Without tzdata, local time is the best guess at a Dutch desk. */
      if (tz == NULL)
        tz = g_time_zone_new_local ();
      g_once_init_leave (&zone, tz);
    }

  return zone;
}

void
_regie_network_set_now (GDateTime *now)
{
  g_clear_pointer (&clock_override, g_date_time_unref);
  if (now != NULL)
    clock_override = g_date_time_ref (now);
}

GDateTime *
regie_network_now (void)
{
  if (clock_override != NULL)
    return g_date_time_to_timezone (clock_override, regie_network_time_zone ());

  return g_date_time_new_now (regie_network_time_zone ());
}

static GDateTime *
amsterdam (GDateTime *now)
{
  if (now == NULL)
    return regie_network_now ();
  return g_date_time_to_timezone (now, regie_network_time_zone ());
}

static gboolean
closed_for_holiday (RegieProfessionalLine *self,
                    GDateTime             *day)
{
  return !self->open_on_holidays && regie_holidays_is_holiday (day);
}

gboolean
regie_professional_line_is_reachable (RegieProfessionalLine *self,
                                      GDateTime             *now)
{
  g_autoptr(GDateTime) local = NULL;
  guint weekday, minute;

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), FALSE);

  local = amsterdam (now);
  if (closed_for_holiday (self, local))
    return FALSE;

  weekday = g_date_time_get_day_of_week (local);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  for (guint i = 0; i < self->slots->len; i++)
    {
      const RegieSlot *slot = &g_array_index (self->slots, RegieSlot, i);

      if (slot->weekday == weekday && slot->start_minute <= minute && minute < slot->end_minute)
        return TRUE;
    }

  return FALSE;
}

GDateTime *
regie_professional_line_next_opening (RegieProfessionalLine *self,
                                      GDateTime             *now)
{
  g_autoptr(GDateTime) local = NULL;
  guint minute;

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);

  local = amsterdam (now);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  for (int d = 0; d <= LOOKAHEAD_DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (local, d);
      guint weekday = g_date_time_get_day_of_week (day);

      if (closed_for_holiday (self, day))
        continue;

      for (guint i = 0; i < self->slots->len; i++)
        {
          const RegieSlot *slot = &g_array_index (self->slots, RegieSlot, i);

          if (slot->weekday != weekday || (d == 0 && slot->start_minute <= minute))
            continue;

          return g_date_time_new (regie_network_time_zone (),
                                  g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day),
                                  slot->start_minute / 60, slot->start_minute % 60, 0);
        }
    }

  return NULL;
}

char *
regie_professional_line_describe (RegieProfessionalLine *self,
                                  GDateTime             *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *time = NULL;
  GDate today, then;
  int days;

  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), NULL);

  if (self->slots->len == 0)
    return g_strdup (_("No hours known"));

  local = amsterdam (now);
  if (regie_professional_line_is_reachable (self, local))
    return g_strdup (_("Reachable now"));

  next = regie_professional_line_next_opening (self, local);
  if (next == NULL)
    return g_strdup (_("Not reachable in the coming weeks"));

  time = g_strdup_printf ("%d:%02d", g_date_time_get_hour (next), g_date_time_get_minute (next));
  g_date_clear (&today, 1);
  g_date_clear (&then, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&then, g_date_time_get_day_of_month (next), g_date_time_get_month (next),
                  g_date_time_get_year (next));
  days = g_date_days_between (&today, &then);

  if (days == 0)
    /* Translators: %s is a time today, "13:00" */
    return g_strdup_printf (_("Reachable from %s"), time);
  if (days == 1)
    /* Translators: %s is a time, "9:00" */
    return g_strdup_printf (_("Reachable from tomorrow %s"), time);
  if (days < 7)
    /* Translators: the first %s is a weekday, the second a time: "Tuesday 9:00" */
    return g_strdup_printf (_("Reachable from %s %s"),
                            g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                          weekday_names[g_date_time_get_day_of_week (next)]),
                            time);

  /* Translators: %d %s is a day and month, "6 January", the last %s a time */
  return g_strdup_printf (_("Reachable from %d %s %s"), g_date_time_get_day_of_month (next),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                        month_names[g_date_time_get_month (next)]),
                          time);
}

/* Store side */

static gboolean
write_slots (RegieStore            *store,
             RegieProfessionalLine *self,
             GError               **error)
{
  g_autoptr(RegieStmt) clear = _regie_stmt (store, "DELETE FROM line_slot WHERE line_id = ?;", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, self->id);
  if (!_regie_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; i < self->slots->len; i++)
    {
      const RegieSlot *slot = &g_array_index (self->slots, RegieSlot, i);
      g_autoptr(RegieStmt) add = NULL;

      /* Two equal starts on a day would be one slot typed twice: keep the first. */
      add = _regie_stmt (store,
                         "INSERT OR IGNORE INTO line_slot (line_id, weekday, start_minute, end_minute) "
                         "VALUES (?, ?, ?, ?);",
                         error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, self->id);
      sqlite3_bind_int (add, 2, slot->weekday);
      sqlite3_bind_int (add, 3, slot->start_minute);
      sqlite3_bind_int (add, 4, slot->end_minute);
      if (!_regie_step_done (store, add, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_regie_professional_line_write (RegieStore             *store,
                                RegieProfessionalLine  *self,
                                const char             *actor,
                                const char             *now,
                                GError                **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  gboolean insert = self->id == 0;

  if (self->organisation_id <= 0 || *self->label == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A professional line needs a name and an organisation"));
      return FALSE;
    }

  if (self->checked_at == NULL)
    {
      g_autofree char *today = g_strndup (now, 10);

      regie_professional_line_set_checked_at (self, today);
    }

  if (insert)
    stmt = _regie_stmt (store,
                        "INSERT INTO professional_line (organisation_id, label, phone, audience, notes, "
                        "  open_on_holidays, checked_at, created_at, updated_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8);",
                        error);
  else
    stmt = _regie_stmt (store,
                        "UPDATE professional_line SET organisation_id = ?1, label = ?2, phone = ?3, "
                        "  audience = ?4, notes = ?5, open_on_holidays = ?6, checked_at = ?7, "
                        "  updated_at = ?8 WHERE id = ?9;",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->organisation_id);
  _regie_bind_text (stmt, 2, self->label);
  _regie_bind_text (stmt, 3, self->phone);
  _regie_bind_text (stmt, 4, self->audience);
  _regie_bind_text (stmt, 5, self->notes);
  sqlite3_bind_int (stmt, 6, self->open_on_holidays);
  _regie_bind_text (stmt, 7, self->checked_at);
  _regie_bind_text (stmt, 8, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 9, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (insert)
    self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  else if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This professional line no longer exists"));
      return FALSE;
    }

  return write_slots (store, self, error) &&
         regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                             REGIE_AUDIT_LINE, self->id, error);
}

gboolean
regie_professional_line_save (RegieStore             *store,
                              RegieProfessionalLine  *self,
                              const char             *actor,
                              GError                **error)
{
  g_autofree char *now = NULL;
  gint64 old_id;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_PROFESSIONAL_LINE (self), FALSE);

  now = _regie_now ();
  old_id = self->id;
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!_regie_professional_line_write (store, self, actor, now, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      self->id = old_id;
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

gboolean
regie_professional_line_delete (RegieStore  *store,
                                gint64       id,
                                const char  *actor,
                                GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM professional_line WHERE id = ?;", error);
  if (stmt == NULL)
    {
      regie_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_regie_step_done (store, stmt, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_LINE, id, error))
    {
      g_clear_pointer (&stmt, _regie_stmt_release);
      regie_store_rollback (store);
      return FALSE;
    }
  g_clear_pointer (&stmt, _regie_stmt_release);

  return regie_store_commit (store, error);
}

GListStore *
_regie_professional_line_load_for (RegieStore  *store,
                                   gint64       organisation_id,
                                   GError     **error)
{
  g_autoptr(GListStore) lines = g_list_store_new (REGIE_TYPE_PROFESSIONAL_LINE);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(RegieStmt) slots = NULL;
  int rc;

  /* organisation_id 0: every line, for the network list's "reachable now". */
  stmt = _regie_stmt (store,
                      "SELECT id, organisation_id, label, phone, audience, notes, open_on_holidays, "
                      "  checked_at FROM professional_line "
                      "WHERE ?1 = 0 OR organisation_id = ?1 ORDER BY organisation_id, label, id;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();

      line->id = sqlite3_column_int64 (stmt, 0);
      line->organisation_id = sqlite3_column_int64 (stmt, 1);
      _regie_network_set_string (&line->label, _regie_column_text (stmt, 2));
      _regie_network_set_string (&line->phone, _regie_column_text (stmt, 3));
      _regie_network_set_string (&line->audience, _regie_column_text (stmt, 4));
      _regie_network_set_string (&line->notes, _regie_column_text (stmt, 5));
      line->open_on_holidays = sqlite3_column_int (stmt, 6) != 0;
      _regie_network_set_string (&line->checked_at, _regie_column_text (stmt, 7));
      g_list_store_append (lines, line);
      g_hash_table_insert (by_id, &line->id, line);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  slots = _regie_stmt (store,
                       "SELECT s.line_id, s.weekday, s.start_minute, s.end_minute "
                       "FROM line_slot s JOIN professional_line l ON l.id = s.line_id "
                       "WHERE ?1 = 0 OR l.organisation_id = ?1;",
                       error);
  if (slots == NULL)
    return NULL;
  sqlite3_bind_int64 (slots, 1, organisation_id);
  while ((rc = sqlite3_step (slots)) == SQLITE_ROW)
    {
      gint64 line_id = sqlite3_column_int64 (slots, 0);
      RegieProfessionalLine *line = g_hash_table_lookup (by_id, &line_id);
      RegieSlot slot = { sqlite3_column_int (slots, 1), sqlite3_column_int (slots, 2),
                         sqlite3_column_int (slots, 3) };

      if (line != NULL && slot_is_valid (slot.weekday, slot.start_minute, slot.end_minute))
        g_array_append_val (line->slots, slot);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lines)); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (G_LIST_MODEL (lines), i);

      g_array_sort (line->slots, compare_slots);
    }

  return g_steal_pointer (&lines);
}
