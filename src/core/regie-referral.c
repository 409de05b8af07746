/* regie-referral.c — a warm referral: a dossier's question handed over to the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-case-private.h"
#include "regie-event-private.h"
#include "regie-holidays.h"
#include "regie-referral-private.h"
#include "regie-validate.h"

struct _RegieReferral
{
  GObject              parent_instance;

  gint64               id;
  gint64               case_id;
  gint64               organisation_id;
  gint64               contact_id;
  gint64               line_id;
  char                *organisation_name;
  char                *organisation_kind;
  char                *reason;
  char                *question;
  RegieReferralMode    mode;
  char                *appointment_at;
  char                *consent_given_at;
  RegieConsentHow      consent_how;
  RegieShareFlags      categories;
  GArray              *timeline_event_ids;   /* gint64 */
  char                *finances;
  char                *handover_text;
  RegieReferralState   state;
  char                *state_reason;
  RegieReferralResult  result;
  RegieReferralFailure failure;
  char                *result_note;
  char                *follow_up_date;
  gint64               follow_up_task_id;
  gboolean             set_case_referred;
  guint                wizard_step;
  char                *casemanager;
  char                *created_at;
  char                *updated_at;
  char                *handed_over_at;
  char                *answered_at;
  char                *closed_at;
  char                *person_name;
};

G_DEFINE_FINAL_TYPE (RegieReferral, regie_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (regie-referral-error-quark, regie_referral_error)

G_DEFINE_ENUM_TYPE (RegieReferralState, regie_referral_state,
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_HANDED_OVER, "handed_over"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (RegieReferralMode, regie_referral_mode,
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_NONE, ""),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_CALL_NOW, "call_now"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_APPOINTMENT, "appointment"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_MODE_HANDOVER_NOTE, "handover_note"))

G_DEFINE_ENUM_TYPE (RegieConsentHow, regie_consent_how,
  G_DEFINE_ENUM_VALUE (REGIE_CONSENT_NONE, ""),
  G_DEFINE_ENUM_VALUE (REGIE_CONSENT_VERBAL, "verbal"),
  G_DEFINE_ENUM_VALUE (REGIE_CONSENT_WRITTEN, "written"))

G_DEFINE_ENUM_TYPE (RegieReferralResult, regie_referral_result,
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_RESULT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_RESULT_SUCCESS, "success"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_RESULT_FAILURE, "failure"))

G_DEFINE_ENUM_TYPE (RegieReferralFailure, regie_referral_failure,
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_CITIZEN_DECLINED, "citizen_declined"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_NO_CAPACITY, "no_capacity"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_NO_LONGER_NEEDED, "no_longer_needed"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_CITIZEN_UNREACHABLE, "citizen_unreachable"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_ORGANISATION_UNREACHABLE, "organisation_unreachable"),
  G_DEFINE_ENUM_VALUE (REGIE_REFERRAL_FAILURE_OTHER, "other"))

static const char * const state_labels[] = {
  N_("Draft"),
  N_("Handed over"),
  N_("Accepted"),
  N_("Declined"),
  N_("Completed"),
  N_("Withdrawn"),
};

static const char * const mode_labels[] = {
  N_("Not chosen yet"),
  N_("Three-way call now"),
  N_("Appointment with the organisation"),
  N_("E-mail"),
  N_("Letter"),
  N_("Resident goes with a handover note"),
};

static const char * const consent_labels[] = {
  N_("No consent"),
  N_("Verbally"),
  N_("In writing"),
};

static const char * const failure_labels[] = {
  N_("No reason"),
  N_("Resident did not want it"),
  N_("No capacity"),
  N_("No longer needed"),
  N_("Resident could not be reached"),
  N_("Organisation could not be reached"),
  N_("Other"),
};

static const char * const category_labels[] = {
  N_("Personal details"),
  N_("Contact details"),
  N_("BSN"),
  N_("Financial situation"),
  N_("The question"),
  N_("Chosen timeline items"),
};

static const char * const category_ids[] = {
  "personalia", "contact", "bsn", "finances", "question", "timeline",
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_labels) == REGIE_REFERRAL_WITHDRAWN + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (mode_labels) == REGIE_REFERRAL_MODE_HANDOVER_NOTE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (failure_labels) == REGIE_REFERRAL_FAILURE_OTHER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) == REGIE_SHARE_N_CATEGORIES);

const char *
regie_referral_state_get_label (RegieReferralState state)
{
  g_return_val_if_fail (state <= REGIE_REFERRAL_WITHDRAWN, NULL);
  return _(state_labels[state]);
}

const char *
regie_referral_mode_get_label (RegieReferralMode mode)
{
  g_return_val_if_fail (mode <= REGIE_REFERRAL_MODE_HANDOVER_NOTE, NULL);
  return _(mode_labels[mode]);
}

const char *
regie_consent_how_get_label (RegieConsentHow how)
{
  g_return_val_if_fail (how <= REGIE_CONSENT_WRITTEN, NULL);
  return _(consent_labels[how]);
}

const char *
regie_referral_failure_get_label (RegieReferralFailure failure)
{
  g_return_val_if_fail (failure <= REGIE_REFERRAL_FAILURE_OTHER, NULL);
  return _(failure_labels[failure]);
}

const char *
regie_share_category_get_label (guint index)
{
  g_return_val_if_fail (index < REGIE_SHARE_N_CATEGORIES, NULL);
  return _(category_labels[index]);
}

const char *
regie_share_category_get_id (guint index)
{
  g_return_val_if_fail (index < REGIE_SHARE_N_CATEGORIES, NULL);
  return category_ids[index];
}

gboolean
regie_referral_state_can_change (RegieReferralState from,
                                 RegieReferralState to)
{
  switch (from)
    {
    case REGIE_REFERRAL_DRAFT:
      return to == REGIE_REFERRAL_HANDED_OVER || to == REGIE_REFERRAL_WITHDRAWN;
    case REGIE_REFERRAL_HANDED_OVER:
      /* An organisation that never answers ends the referral too ("not reachable"). */
      return to == REGIE_REFERRAL_ACCEPTED || to == REGIE_REFERRAL_DECLINED ||
             to == REGIE_REFERRAL_COMPLETED || to == REGIE_REFERRAL_WITHDRAWN;
    case REGIE_REFERRAL_ACCEPTED:
    case REGIE_REFERRAL_DECLINED:
      return to == REGIE_REFERRAL_COMPLETED || to == REGIE_REFERRAL_WITHDRAWN;
    case REGIE_REFERRAL_COMPLETED:
    case REGIE_REFERRAL_WITHDRAWN:
    default:
      return FALSE;
    }
}

char *
regie_referral_add_working_days (const char *from_date,
                                 guint       working_days)
{
  g_autofree char *today = NULL;
  int year, month, day;
  GDate date;

  if (from_date == NULL)
    from_date = today = regie_today ();

  g_return_val_if_fail (regie_iso_date_is_valid (from_date), NULL);
  if (sscanf (from_date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  while (working_days > 0)
    {
      GDateWeekday weekday;

      g_date_add_days (&date, 1);
      weekday = g_date_get_weekday (&date);
      if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY ||
          regie_holidays_get_name (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date)) != NULL)
        continue;
      working_days--;
    }

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The object */

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

static void
set_text (char       **field,
          const char  *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  replace_string (field, trimmed);
}

static void
set_optional (char       **field,
              const char  *value)
{
  replace_string (field, value && *value ? value : NULL);
}

static void
regie_referral_finalize (GObject *object)
{
  RegieReferral *self = (RegieReferral *) object;

  g_free (self->organisation_name);
  g_free (self->organisation_kind);
  g_free (self->reason);
  g_free (self->question);
  g_free (self->appointment_at);
  g_free (self->consent_given_at);
  g_clear_pointer (&self->timeline_event_ids, g_array_unref);
  g_free (self->finances);
  g_free (self->handover_text);
  g_free (self->state_reason);
  g_free (self->result_note);
  g_free (self->follow_up_date);
  g_free (self->casemanager);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->handed_over_at);
  g_free (self->answered_at);
  g_free (self->closed_at);
  g_free (self->person_name);

  G_OBJECT_CLASS (regie_referral_parent_class)->finalize (object);
}

static void
regie_referral_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RegieReferral *self = REGIE_REFERRAL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_referral_class_init (RegieReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = regie_referral_finalize;
  object_class->get_property = regie_referral_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, REGIE_TYPE_REFERRAL_STATE, REGIE_REFERRAL_DRAFT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_referral_init (RegieReferral *self)
{
  self->organisation_name = g_strdup ("");
  self->organisation_kind = g_strdup ("");
  self->reason = g_strdup ("");
  self->question = g_strdup ("");
  self->timeline_event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->finances = g_strdup ("");
  self->handover_text = g_strdup ("");
  self->state_reason = g_strdup ("");
  self->result_note = g_strdup ("");
  self->casemanager = g_strdup ("");
  self->person_name = g_strdup ("");
  self->set_case_referred = TRUE;
}

RegieReferral *
regie_referral_new (gint64 case_id)
{
  RegieReferral *self = g_object_new (REGIE_TYPE_REFERRAL, NULL);

  self->case_id = case_id;
  return self;
}

#define GETTER(type, name, field) \
  type regie_referral_get_##name (RegieReferral *self) \
  { \
    g_return_val_if_fail (REGIE_IS_REFERRAL (self), (type) 0); \
    return self->field; \
  }

#define TEXT_SETTER(name, field) \
  void regie_referral_set_##name (RegieReferral *self, const char *value) \
  { \
    g_return_if_fail (REGIE_IS_REFERRAL (self)); \
    set_text (&self->field, value); \
  }

GETTER (gint64, id, id)
GETTER (gint64, case_id, case_id)
GETTER (RegieReferralState, state, state)
GETTER (const char *, state_reason, state_reason)
GETTER (gint64, organisation_id, organisation_id)
GETTER (const char *, organisation_name, organisation_name)
GETTER (const char *, organisation_kind, organisation_kind)
GETTER (gint64, contact_id, contact_id)
GETTER (gint64, line_id, line_id)
GETTER (const char *, reason, reason)
GETTER (const char *, question, question)
GETTER (RegieReferralMode, mode, mode)
GETTER (const char *, appointment_at, appointment_at)
GETTER (RegieConsentHow, consent_how, consent_how)
GETTER (const char *, consent_given_at, consent_given_at)
GETTER (RegieShareFlags, categories, categories)
GETTER (const char *, finances, finances)
GETTER (const char *, handover_text, handover_text)
GETTER (const char *, follow_up_date, follow_up_date)
GETTER (gint64, follow_up_task_id, follow_up_task_id)
GETTER (gboolean, set_case_referred, set_case_referred)
GETTER (guint, wizard_step, wizard_step)
GETTER (RegieReferralResult, result, result)
GETTER (RegieReferralFailure, failure, failure)
GETTER (const char *, result_note, result_note)
GETTER (const char *, casemanager, casemanager)
GETTER (const char *, created_at, created_at)
GETTER (const char *, handed_over_at, handed_over_at)
GETTER (const char *, answered_at, answered_at)
GETTER (const char *, closed_at, closed_at)
GETTER (const char *, person_name, person_name)

TEXT_SETTER (reason, reason)
TEXT_SETTER (question, question)
TEXT_SETTER (finances, finances)
TEXT_SETTER (casemanager, casemanager)

void
regie_referral_set_organisation (RegieReferral *self,
                                 gint64         id,
                                 const char    *name,
                                 const char    *kind_id)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));

  if (self->organisation_id != id)
    {
      self->contact_id = 0;
      self->line_id = 0;
    }
  self->organisation_id = id;
  set_text (&self->organisation_name, name);
  set_text (&self->organisation_kind, kind_id);
}

void
regie_referral_set_contact_id (RegieReferral *self,
                               gint64         id)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  self->contact_id = id;
}

void
regie_referral_set_line_id (RegieReferral *self,
                            gint64         id)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  self->line_id = id;
}

void
regie_referral_set_mode (RegieReferral     *self,
                         RegieReferralMode  mode)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  g_return_if_fail (mode <= REGIE_REFERRAL_MODE_HANDOVER_NOTE);
  self->mode = mode;
}

void
regie_referral_set_appointment_at (RegieReferral *self,
                                   const char    *utc_instant)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  set_optional (&self->appointment_at, utc_instant);
}

void
regie_referral_set_consent (RegieReferral   *self,
                            RegieConsentHow  how,
                            const char      *iso_date)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  g_return_if_fail (iso_date == NULL || *iso_date == '\0' || regie_iso_date_is_valid (iso_date));

  if (how == REGIE_CONSENT_NONE || iso_date == NULL || *iso_date == '\0')
    {
      self->consent_how = REGIE_CONSENT_NONE;
      g_clear_pointer (&self->consent_given_at, g_free);
      return;
    }

  self->consent_how = how;
  set_optional (&self->consent_given_at, iso_date);
}

gboolean
regie_referral_has_consent (RegieReferral *self)
{
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);
  return self->consent_how != REGIE_CONSENT_NONE && self->consent_given_at != NULL;
}

void
regie_referral_set_categories (RegieReferral   *self,
                               RegieShareFlags  categories)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  self->categories = categories & ((1 << REGIE_SHARE_N_CATEGORIES) - 1);
}

const GArray *
regie_referral_get_timeline_event_ids (RegieReferral *self)
{
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), NULL);
  return self->timeline_event_ids;
}

void
regie_referral_set_timeline_event_ids (RegieReferral *self,
                                       const gint64  *ids,
                                       guint          n_ids)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));

  g_array_set_size (self->timeline_event_ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->timeline_event_ids, ids, n_ids);
}

void
regie_referral_set_handover_text (RegieReferral *self,
                                  const char    *text)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  /* Kept as typed (inner blank lines are paragraphs), only the ends trimmed. */
  set_text (&self->handover_text, text);
}

void
regie_referral_set_follow_up_date (RegieReferral *self,
                                   const char    *iso_date)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  set_optional (&self->follow_up_date, iso_date);
}

void
regie_referral_set_set_case_referred (RegieReferral *self,
                                      gboolean       set_referred)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  self->set_case_referred = !!set_referred;
}

void
regie_referral_set_wizard_step (RegieReferral *self,
                                guint          step)
{
  g_return_if_fail (REGIE_IS_REFERRAL (self));
  self->wizard_step = step;
}

gboolean
regie_referral_is_overdue (RegieReferral *self,
                           const char    *today)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);

  if (self->follow_up_date == NULL ||
      (self->state != REGIE_REFERRAL_HANDED_OVER && self->state != REGIE_REFERRAL_ACCEPTED &&
       self->state != REGIE_REFERRAL_DECLINED))
    return FALSE;

  if (today == NULL)
    today = now = regie_today ();

  return strcmp (self->follow_up_date, today) < 0;
}

void
_regie_referral_set_person_name (RegieReferral *self,
                                 const char    *name)
{
  set_text (&self->person_name, name);
}

/* Consent and what is shared */

gboolean
regie_referral_check_consent (RegieReferral  *self,
                              GError        **error)
{
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);

  if ((self->categories & REGIE_SHARE_PERSONAL) != 0 && !regie_referral_has_consent (self))
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_CONSENT_REQUIRED,
                           _("Record how and when the resident consented, or share no personal "
                             "details (an anonymous consultation)"));
      return FALSE;
    }

  return TRUE;
}

static void
append_line (GString    *text,
             const char *format,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (text, format, value);
  g_string_append_c (text, '\n');
}

static void
begin_section (GString    *text,
               const char *title)
{
  g_string_append_c (text, '\n');
  g_string_append (text, title);
  g_string_append_c (text, '\n');
}

char *
regie_referral_compose_handover (RegieReferral  *self,
                                 RegieStore     *store,
                                 RegieCase      *kase,
                                 gboolean        for_email,
                                 GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  RegiePerson *person;
  RegieShareFlags share;

  g_return_val_if_fail (REGIE_IS_REFERRAL (self), NULL);
  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_CASE (kase), NULL);

  person = regie_case_get_person (kase);
  /* What was not consented is never composed, whatever the ticks say. */
  share = regie_referral_has_consent (self) ? self->categories
                                            : self->categories & ~REGIE_SHARE_PERSONAL;

  if (*self->organisation_name)
    /* TRANSLATORS: the first line of the handover text; %s the receiving organisation */
    g_string_append_printf (text, _("Warm referral to %s"), self->organisation_name);
  else
    g_string_append (text, _("Warm referral"));
  g_string_append_c (text, '\n');

  append_line (text, _("Reason: %s"), self->reason);
  if (share & REGIE_SHARE_QUESTION)
    append_line (text, _("Question: %s"), self->question);

  if ((share & REGIE_SHARE_PERSONALIA) && person != NULL)
    {
      begin_section (text, _("Personal details"));
      append_line (text, _("Name: %s"), regie_person_get_display_name (person));
      if (regie_person_get_birth_date (person) != NULL)
        {
          g_autofree char *date = regie_format_date (regie_person_get_birth_date (person));
          append_line (text, _("Date of birth: %s"), date);
        }
    }

  if ((share & REGIE_SHARE_CONTACT) && person != NULL)
    {
      g_autofree char *address = NULL;

      if (*regie_person_get_street (person) || *regie_person_get_postcode (person) ||
          *regie_person_get_city (person))
        address = g_strstrip (g_strdup_printf ("%s %s, %s %s", regie_person_get_street (person),
                                               regie_person_get_house_number (person),
                                               regie_person_get_postcode (person),
                                               regie_person_get_city (person)));
      begin_section (text, _("Contact details"));
      append_line (text, _("Phone: %s"), regie_person_get_phone (person));
      append_line (text, _("E-mail: %s"), regie_person_get_email (person));
      append_line (text, _("Address: %s"), address);
    }

  /* Never in an e-mail, even when the inwoner agreed to share it. */
  if ((share & REGIE_SHARE_BSN) && !for_email && person != NULL &&
      regie_person_get_bsn (person) != NULL)
    {
      g_string_append_c (text, '\n');
      append_line (text, _("BSN: %s"), regie_person_get_bsn (person));
    }

  if ((share & REGIE_SHARE_FINANCES) && *self->finances)
    {
      begin_section (text, _("Financial situation"));
      append_line (text, "%s", self->finances);
    }

  if ((share & REGIE_SHARE_TIMELINE) && self->timeline_event_ids->len > 0)
    {
      begin_section (text, _("From the timeline"));
      for (guint i = 0; i < self->timeline_event_ids->len; i++)
        {
          g_autoptr(RegieEvent) event = NULL;
          g_autoptr(GError) local_error = NULL;
          g_autofree char *when = NULL;
          g_autofree char *title = NULL;

          event = regie_event_load (store, g_array_index (self->timeline_event_ids, gint64, i),
                                    &local_error);
          if (event == NULL)
            {
              /* An item deleted since it was chosen is simply not shared. */
              if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
                continue;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (regie_event_get_case_id (event) != self->case_id)
            continue;

          when = regie_format_when (regie_event_get_when (event), regie_event_get_precision (event));
          title = regie_event_dup_display_title (event);
          if (*regie_event_get_text (event))
            g_string_append_printf (text, "- %s: %s — %s\n", when, title, regie_event_get_text (event));
          else
            g_string_append_printf (text, "- %s: %s\n", when, title);
        }
    }

  g_string_append_c (text, '\n');
  if ((share & REGIE_SHARE_PERSONAL) != 0)
    {
      g_autofree char *how = g_utf8_strdown (regie_consent_how_get_label (self->consent_how), -1);
      g_autofree char *date = regie_format_date (self->consent_given_at);

      /* TRANSLATORS: %s how (verbally, in writing), %s the date */
      g_string_append_printf (text, _("The resident consented %s on %s to sharing these details."),
                              how, date);
    }
  else
    g_string_append (text, _("Anonymous consultation: no personal details are shared."));
  g_string_append_c (text, '\n');

  if (*regie_case_get_casemanager (kase))
    append_line (text, _("Casemanager: %s"), regie_case_get_casemanager (kase));

  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

static char *
digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

char *
regie_referral_email_body (const char *handover_text,
                           const char *bsn)
{
  g_auto(GStrv) lines = g_strsplit (handover_text ? handover_text : "", "\n", -1);
  g_autofree char *bsn_digits = bsn ? digits_only (bsn) : NULL;
  GString *body = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *digits = digits_only (lines[i]);
      g_autofree char *folded = g_utf8_casefold (lines[i], -1);

      /* Dropping a line too many is safe; a BSN in an e-mail never is. */
      if (g_str_has_prefix (g_strchug (folded), "bsn") ||
          (bsn_digits != NULL && strlen (bsn_digits) >= 8 && strstr (digits, bsn_digits) != NULL))
        continue;
      g_string_append (body, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (body, '\n');
    }

  return g_string_free (body, FALSE);
}

static char *
mailto_escape (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);

  /* RFC 6068: line breaks are CRLF, everything reserved percent-encoded. */
  return g_uri_escape_string (crlf, NULL, FALSE);
}

char *
regie_referral_build_mailto (RegieReferral *self,
                             const char    *to,
                             const char    *bsn)
{
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to_escaped = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;

  g_return_val_if_fail (REGIE_IS_REFERRAL (self), NULL);

  body = regie_referral_email_body (self->handover_text, bsn);
  /* The subject names nobody: mail subjects end up in overviews and logs. */
  subject = g_strdup (_("Warm referral from the service desk"));
  to_escaped = g_uri_escape_string (to ? to : "", "@", FALSE);
  subject_escaped = mailto_escape (subject);
  body_escaped = mailto_escape (body);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to_escaped, subject_escaped, body_escaped);
}

RegieDocument *
regie_referral_new_letter (RegieReferral *self,
                           GDateTime     *date)
{
  g_autoptr(RegieDocument) document = NULL;
  g_auto(GStrv) paragraphs = NULL;
  guint section;

  g_return_val_if_fail (REGIE_IS_REFERRAL (self), NULL);

  document = regie_document_new (_("Handover letter"), self->organisation_name, date);
  section = regie_document_add_section (document, _("Handover"), FALSE);
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", self->handover_text, 0, 0);
  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]))
      regie_document_add_item (document, section, paragraphs[i]);

  return g_steal_pointer (&document);
}

/* The store side */

RegieReferral *
_regie_referral_new_from_stmt (sqlite3_stmt *stmt,
                               int           c)
{
  RegieReferral *self = g_object_new (REGIE_TYPE_REFERRAL, NULL);
  g_auto(GStrv) ids = NULL;
  const char *categories;

  self->id = sqlite3_column_int64 (stmt, c + 0);
  self->case_id = sqlite3_column_int64 (stmt, c + 1);
  self->organisation_id = sqlite3_column_int64 (stmt, c + 2);
  self->contact_id = sqlite3_column_int64 (stmt, c + 3);
  self->line_id = sqlite3_column_int64 (stmt, c + 4);
  set_text (&self->organisation_name, _regie_column_text (stmt, c + 5));
  set_text (&self->organisation_kind, _regie_column_text (stmt, c + 6));
  set_text (&self->reason, _regie_column_text (stmt, c + 7));
  set_text (&self->question, _regie_column_text (stmt, c + 8));
  self->mode = _regie_enum_from_id (REGIE_TYPE_REFERRAL_MODE, _regie_column_text (stmt, c + 9),
                                    REGIE_REFERRAL_MODE_NONE);
  set_optional (&self->appointment_at, _regie_column_text (stmt, c + 10));
  set_optional (&self->consent_given_at, _regie_column_text (stmt, c + 11));
  self->consent_how = _regie_enum_from_id (REGIE_TYPE_CONSENT_HOW, _regie_column_text (stmt, c + 12),
                                           REGIE_CONSENT_NONE);
  categories = _regie_column_text (stmt, c + 13);
  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    {
      g_autofree char *needle = g_strdup_printf (",%s,", category_ids[i]);
      g_autofree char *haystack = g_strdup_printf (",%s,", categories ? categories : "");

      if (strstr (haystack, needle) != NULL)
        self->categories |= 1 << i;
    }
  ids = g_strsplit (_regie_column_text (stmt, c + 14) ? _regie_column_text (stmt, c + 14) : "", ",", -1);
  for (guint i = 0; ids[i]; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      if (id > 0)
        g_array_append_val (self->timeline_event_ids, id);
    }
  set_text (&self->finances, _regie_column_text (stmt, c + 15));
  replace_string (&self->handover_text, _regie_column_text (stmt, c + 16) ? _regie_column_text (stmt, c + 16) : "");
  self->state = _regie_enum_from_id (REGIE_TYPE_REFERRAL_STATE, _regie_column_text (stmt, c + 17),
                                     REGIE_REFERRAL_DRAFT);
  set_text (&self->state_reason, _regie_column_text (stmt, c + 18));
  self->result = _regie_enum_from_id (REGIE_TYPE_REFERRAL_RESULT, _regie_column_text (stmt, c + 19),
                                      REGIE_REFERRAL_RESULT_NONE);
  self->failure = _regie_enum_from_id (REGIE_TYPE_REFERRAL_FAILURE, _regie_column_text (stmt, c + 20),
                                       REGIE_REFERRAL_FAILURE_NONE);
  set_text (&self->result_note, _regie_column_text (stmt, c + 21));
  set_optional (&self->follow_up_date, _regie_column_text (stmt, c + 22));
  self->follow_up_task_id = sqlite3_column_int64 (stmt, c + 23);
  self->set_case_referred = sqlite3_column_int (stmt, c + 24) != 0;
  self->wizard_step = sqlite3_column_int (stmt, c + 25);
  set_text (&self->casemanager, _regie_column_text (stmt, c + 26));
  set_optional (&self->created_at, _regie_column_text (stmt, c + 27));
  set_optional (&self->updated_at, _regie_column_text (stmt, c + 28));
  set_optional (&self->handed_over_at, _regie_column_text (stmt, c + 29));
  set_optional (&self->answered_at, _regie_column_text (stmt, c + 30));
  set_optional (&self->closed_at, _regie_column_text (stmt, c + 31));

  return self;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that the same choice is always the same text (the figures group on it). */
static char *
categories_to_text (RegieShareFlags categories)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    if (categories & (1 << i))
      g_ptr_array_add (ids, (gpointer) category_ids[i]);
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static char *
event_ids_to_text (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This referral no longer exists"));
  return FALSE;
}

/* Writes every field; inserts when the referral has no id yet. */
static gboolean
write_row (RegieStore     *store,
           RegieReferral  *self,
           const char     *now,
           GError        **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *categories = categories_to_text (self->categories);
  g_autofree char *event_ids = event_ids_to_text (self->timeline_event_ids);
  gboolean insert = self->id == 0;

  if (insert)
    stmt = _regie_stmt (store,
                        "INSERT INTO referral (case_id, organisation_id, contact_id, line_id, "
                        "  organisation_name, organisation_kind, reason, question, mode, "
                        "  appointment_at, consent_given_at, consent_how, consent_categories, "
                        "  timeline_event_ids, finances, handover_text, state, state_reason, "
                        "  outcome, outcome_reason, outcome_note, follow_up_date, follow_up_task_id, "
                        "  set_case_referred, wizard_step, casemanager, handed_over_at, answered_at, "
                        "  closed_at, created_at, updated_at) "
                        "VALUES (?32, (SELECT id FROM organisation WHERE id = ?1), "
                        "  (SELECT id FROM contact WHERE id = ?2), "
                        "  (SELECT id FROM professional_line WHERE id = ?3), ?4, ?5, ?6, ?7, ?8, "
                        "  ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
                        "  (SELECT id FROM task WHERE id = ?22), ?23, ?24, ?25, ?26, ?27, ?28, "
                        "  ?29, ?29);",
                        error);
  else
    stmt = _regie_stmt (store,
                        "UPDATE referral SET organisation_id = (SELECT id FROM organisation WHERE id = ?1), "
                        "  contact_id = (SELECT id FROM contact WHERE id = ?2), "
                        "  line_id = (SELECT id FROM professional_line WHERE id = ?3), "
                        "  organisation_name = ?4, organisation_kind = ?5, reason = ?6, question = ?7, "
                        "  mode = ?8, appointment_at = ?9, consent_given_at = ?10, consent_how = ?11, "
                        "  consent_categories = ?12, timeline_event_ids = ?13, finances = ?14, "
                        "  handover_text = ?15, state = ?16, state_reason = ?17, outcome = ?18, "
                        "  outcome_reason = ?19, outcome_note = ?20, follow_up_date = ?21, "
                        "  follow_up_task_id = (SELECT id FROM task WHERE id = ?22), "
                        "  set_case_referred = ?23, wizard_step = ?24, casemanager = ?25, "
                        "  handed_over_at = ?26, answered_at = ?27, closed_at = ?28, updated_at = ?29 "
                        "WHERE id = ?30;",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->organisation_id);
  sqlite3_bind_int64 (stmt, 2, self->contact_id);
  sqlite3_bind_int64 (stmt, 3, self->line_id);
  _regie_bind_text (stmt, 4, self->organisation_name);
  _regie_bind_text (stmt, 5, self->organisation_kind);
  _regie_bind_text (stmt, 6, self->reason);
  _regie_bind_text (stmt, 7, self->question);
  _regie_bind_text (stmt, 8, _regie_enum_to_id (REGIE_TYPE_REFERRAL_MODE, self->mode));
  _regie_bind_text_or_null (stmt, 9, self->appointment_at);
  _regie_bind_text_or_null (stmt, 10, self->consent_given_at);
  _regie_bind_text (stmt, 11, _regie_enum_to_id (REGIE_TYPE_CONSENT_HOW, self->consent_how));
  _regie_bind_text (stmt, 12, categories);
  _regie_bind_text (stmt, 13, event_ids);
  _regie_bind_text (stmt, 14, self->finances);
  _regie_bind_text (stmt, 15, self->handover_text);
  _regie_bind_text (stmt, 16, _regie_enum_to_id (REGIE_TYPE_REFERRAL_STATE, self->state));
  _regie_bind_text (stmt, 17, self->state_reason);
  if (self->result == REGIE_REFERRAL_RESULT_NONE)
    sqlite3_bind_null (stmt, 18);
  else
    _regie_bind_text (stmt, 18, _regie_enum_to_id (REGIE_TYPE_REFERRAL_RESULT, self->result));
  if (self->failure == REGIE_REFERRAL_FAILURE_NONE)
    sqlite3_bind_null (stmt, 19);
  else
    _regie_bind_text (stmt, 19, _regie_enum_to_id (REGIE_TYPE_REFERRAL_FAILURE, self->failure));
  _regie_bind_text (stmt, 20, self->result_note);
  _regie_bind_text_or_null (stmt, 21, self->follow_up_date);
  sqlite3_bind_int64 (stmt, 22, self->follow_up_task_id);
  sqlite3_bind_int (stmt, 23, self->set_case_referred);
  sqlite3_bind_int (stmt, 24, self->wizard_step);
  _regie_bind_text (stmt, 25, self->casemanager);
  _regie_bind_text_or_null (stmt, 26, self->handed_over_at);
  _regie_bind_text_or_null (stmt, 27, self->answered_at);
  _regie_bind_text_or_null (stmt, 28, self->closed_at);
  _regie_bind_text (stmt, 29, now);
  if (insert)
    sqlite3_bind_int64 (stmt, 32, self->case_id);
  else
    sqlite3_bind_int64 (stmt, 30, self->id);

  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (insert)
    {
      self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
      set_optional (&self->created_at, now);
    }
  else if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    return not_found (error);

  set_optional (&self->updated_at, now);
  return TRUE;
}

static gboolean
bump_activity (RegieStore  *store,
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
  return _regie_step_done (store, stmt, error);
}

static gboolean
link_to_referral (RegieStore  *store,
                  const char  *sql,
                  gint64       row_id,
                  gint64       referral_id,
                  GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  sqlite3_bind_int64 (stmt, 2, row_id);
  return _regie_step_done (store, stmt, error);
}

/* A referral item on the dossier's timeline, pointing back at the referral. */
static gboolean
record_event (RegieStore      *store,
              RegieReferral   *self,
              RegieEventKind   kind,
              RegieChannel     channel,
              const char      *title,
              const char      *text,
              const char      *agreed,
              const char      *line,
              const char      *now,
              GError         **error)
{
  g_autoptr(RegieEvent) event = regie_event_new (kind);

  regie_event_set_when (event, now, REGIE_PRECISION_TIME);
  regie_event_set_channel (event, channel);
  regie_event_set_with_whom (event, self->organisation_name);
  regie_event_set_organisation_id (event, self->organisation_id);
  regie_event_set_contact_id (event, self->contact_id);
  regie_event_set_title (event, title);
  regie_event_set_text (event, text);
  regie_event_set_agreed (event, agreed);
  regie_event_set_line (event, line);

  return _regie_event_insert (store, event, self->case_id, now, error) &&
         link_to_referral (store, "UPDATE event SET referral_id = ?1 WHERE id = ?2;",
                           regie_event_get_id (event), self->id, error);
}

static RegieChannel
mode_channel (RegieReferralMode mode)
{
  switch (mode)
    {
    case REGIE_REFERRAL_MODE_CALL_NOW:
      return REGIE_CHANNEL_THREE_WAY;
    case REGIE_REFERRAL_MODE_EMAIL:
      return REGIE_CHANNEL_EMAIL;
    case REGIE_REFERRAL_MODE_LETTER:
      return REGIE_CHANNEL_LETTER;
    case REGIE_REFERRAL_MODE_HANDOVER_NOTE:
      return REGIE_CHANNEL_DESK;
    case REGIE_REFERRAL_MODE_APPOINTMENT:
    case REGIE_REFERRAL_MODE_NONE:
    default:
      return REGIE_CHANNEL_NONE;
    }
}

RegieReferral *
regie_referral_load (RegieStore  *store,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store, "SELECT " REGIE_REFERRAL_COLUMNS " FROM referral r WHERE r.id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_referral_new_from_stmt (stmt, 0);

  if (rc == SQLITE_DONE)
    not_found (error);
  else
    _regie_sql_error (store, rc, error);
  return NULL;
}

RegieReferral *
regie_referral_find_draft (RegieStore  *store,
                           gint64       case_id,
                           GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store,
                      "SELECT " REGIE_REFERRAL_COLUMNS " FROM referral r "
                      "WHERE r.case_id = ? AND r.state = 'draft' ORDER BY r.updated_at DESC, r.id DESC LIMIT 1;",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_referral_new_from_stmt (stmt, 0);
  if (rc != SQLITE_DONE)
    _regie_sql_error (store, rc, error);
  return NULL;
}

gboolean
regie_referral_save_draft (RegieStore     *store,
                           RegieReferral  *self,
                           const char     *actor,
                           GError        **error)
{
  g_autofree char *now = NULL;
  gboolean insert;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);
  g_return_val_if_fail (self->case_id > 0, FALSE);

  if (self->state != REGIE_REFERRAL_DRAFT)
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION,
                           _("Only a draft referral can be changed"));
      return FALSE;
    }

  now = _regie_now ();
  insert = self->id == 0;
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!write_row (store, self, now, error) ||
      !regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                           REGIE_AUDIT_REFERRAL, self->id, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      if (insert)
        self->id = 0;
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_referral_discard_draft (RegieStore     *store,
                              RegieReferral  *self,
                              const char     *actor,
                              GError        **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);

  if (self->id == 0)
    return TRUE;
  if (self->state != REGIE_REFERRAL_DRAFT)
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION,
                           _("Only a draft referral can be discarded"));
      return FALSE;
    }

  if (!regie_store_begin (store, error))
    return FALSE;

  stmt = _regie_stmt (store, "DELETE FROM referral WHERE id = ? AND state = 'draft';", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, self->id);
  if (stmt == NULL ||
      !_regie_step_done (store, stmt, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_REFERRAL, self->id, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  self->id = 0;
  return TRUE;
}

static gboolean
check_hand_over (RegieReferral  *self,
                 GError        **error)
{
  if (!regie_referral_state_can_change (self->state, REGIE_REFERRAL_HANDED_OVER))
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION,
                           _("This referral has been handed over already"));
      return FALSE;
    }
  if (*self->organisation_name == '\0')
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_NO_RECEIVER,
                           _("Choose the organisation to refer to"));
      return FALSE;
    }
  if (self->mode == REGIE_REFERRAL_MODE_NONE)
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_NO_MODE,
                           _("Choose how the question is handed over"));
      return FALSE;
    }
  if (self->follow_up_date == NULL || !regie_iso_date_is_valid (self->follow_up_date))
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_FOLLOW_UP_DATE,
                           _("Choose a follow-up date"));
      return FALSE;
    }

  return regie_referral_check_consent (self, error);
}

static char *
line_label (RegieStore  *store,
            gint64       line_id)
{
  g_autoptr(RegieStmt) stmt = NULL;

  if (line_id <= 0)
    return g_strdup ("");
  stmt = _regie_stmt (store, "SELECT label, phone FROM professional_line WHERE id = ?;", NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, line_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");
  if (*_regie_column_text (stmt, 1))
    return g_strdup_printf ("%s (%s)", _regie_column_text (stmt, 0), _regie_column_text (stmt, 1));
  return g_strdup (_regie_column_text (stmt, 0));
}

static gboolean
hand_over_in_tx (RegieStore     *store,
                 RegieReferral  *self,
                 RegieCase      *kase,
                 const char     *actor,
                 const char     *now,
                 RegieTask     **task_out,
                 GError        **error)
{
  g_autoptr(RegieStmt) link = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *date = NULL;
  gboolean insert = self->id == 0;
  RegieTask *task;

  if (!write_row (store, self, now, error))
    return FALSE;

  /* TRANSLATORS: the follow-up task; %s the receiving organisation */
  what = g_strdup_printf (_("Follow up the referral to %s"), self->organisation_name);
  task = _regie_case_insert_task (store, kase, what, self->follow_up_date, actor, now, error);
  if (task == NULL)
    return FALSE;
  *task_out = task;
  self->follow_up_task_id = regie_task_get_id (task);
  if (!link_to_referral (store, "UPDATE task SET referral_id = ?1 WHERE id = ?2;",
                         regie_task_get_id (task), self->id, error) ||
      !write_row (store, self, now, error))
    return FALSE;

  if (self->mode == REGIE_REFERRAL_MODE_CALL_NOW)
    {
      g_autofree char *line = line_label (store, self->line_id);
      /* TRANSLATORS: timeline title; %s the organisation called */
      g_autofree char *call = g_strdup_printf (_("Three-way call with %s"), self->organisation_name);

      if (!record_event (store, self, REGIE_EVENT_PROFESSIONAL_CALL, REGIE_CHANNEL_THREE_WAY,
                         call, self->reason, "", line, now, error))
        return FALSE;
    }

  date = regie_format_date (self->follow_up_date);
  /* TRANSLATORS: timeline title; %s the receiving organisation */
  title = g_strdup_printf (_("Referred to %s"), self->organisation_name);
  if (self->mode == REGIE_REFERRAL_MODE_APPOINTMENT && self->appointment_at != NULL)
    {
      g_autofree char *when = regie_format_when (self->appointment_at, REGIE_PRECISION_TIME);

      /* TRANSLATORS: on the timeline: the appointment made, and the follow-up date */
      agreed = g_strdup_printf (_("Appointment on %s. Follow up on %s."), when, date);
    }
  else
    /* TRANSLATORS: on the timeline: how it was handed over, and the follow-up date */
    agreed = g_strdup_printf (_("%s. Follow up on %s."), regie_referral_mode_get_label (self->mode), date);
  if (!record_event (store, self, REGIE_EVENT_REFERRAL, mode_channel (self->mode), title,
                     self->reason, agreed, "", now, error))
    return FALSE;

  if (self->organisation_id > 0)
    {
      link = _regie_stmt (store,
                          "INSERT OR IGNORE INTO case_organisation (case_id, organisation_id, contact_id, added_at) "
                          "SELECT ?1, id, (SELECT id FROM contact WHERE id = ?3), ?4 FROM organisation WHERE id = ?2;",
                          error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, self->case_id);
      sqlite3_bind_int64 (link, 2, self->organisation_id);
      sqlite3_bind_int64 (link, 3, self->contact_id);
      _regie_bind_text (link, 4, now);
      if (!_regie_step_done (store, link, error))
        return FALSE;
    }

  if (self->set_case_referred && regie_case_get_status (kase) != REGIE_CASE_STATUS_REFERRED &&
      regie_case_get_status (kase) != REGIE_CASE_STATUS_CLOSED)
    {
      regie_case_set_status (kase, REGIE_CASE_STATUS_REFERRED);
      if (!_regie_case_update (store, kase, actor, now, error))
        return FALSE;
    }
  else if (!bump_activity (store, self->case_id, now, error))
    return FALSE;

  return regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                             REGIE_AUDIT_REFERRAL, self->id, error);
}

gboolean
regie_referral_hand_over (RegieStore     *store,
                          RegieReferral  *self,
                          RegieCase      *kase,
                          const char     *actor,
                          GError        **error)
{
  g_autofree char *now = NULL;
  RegieCaseStatus status_before;
  RegieTask *task = NULL;
  gint64 id_before;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);
  g_return_val_if_fail (REGIE_IS_CASE (kase), FALSE);
  g_return_val_if_fail (regie_case_get_id (kase) == self->case_id, FALSE);

  if (!check_hand_over (self, error))
    return FALSE;

  now = _regie_now ();
  status_before = regie_case_get_status (kase);
  id_before = self->id;
  if (!regie_store_begin (store, error))
    return FALSE;

  self->state = REGIE_REFERRAL_HANDED_OVER;
  set_optional (&self->handed_over_at, now);
  if (*self->casemanager == '\0')
    set_text (&self->casemanager, regie_case_get_casemanager (kase));

  if (!hand_over_in_tx (store, self, kase, actor, now, &task, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      self->state = REGIE_REFERRAL_DRAFT;
      g_clear_pointer (&self->handed_over_at, g_free);
      self->id = id_before;
      self->follow_up_task_id = 0;
      if (task != NULL)
        {
          GListStore *tasks = G_LIST_STORE (regie_case_get_tasks (kase));
          guint position;

          if (g_list_store_find (tasks, task, &position))
            g_list_store_remove (tasks, position);
        }
      if (regie_case_get_status (kase) != status_before)
        regie_case_set_status (kase, status_before);
      g_clear_object (&task);
      return FALSE;
    }

  g_clear_object (&task);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  return TRUE;
}

/* Ticks off the follow-up task when the referral ends, with its "task done" item. */
static gboolean
finish_task (RegieStore     *store,
             RegieReferral  *self,
             const char     *now,
             GError        **error)
{
  g_autoptr(RegieStmt) find = NULL;
  g_autoptr(RegieStmt) update = NULL;
  g_autofree char *what = NULL;
  int rc;

  if (self->follow_up_task_id <= 0)
    return TRUE;

  find = _regie_stmt (store, "SELECT what FROM task WHERE id = ? AND done_at IS NULL;", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, self->follow_up_task_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _regie_sql_error (store, rc, error);
  what = g_strdup (_regie_column_text (find, 0));
  g_clear_pointer (&find, _regie_stmt_release);

  update = _regie_stmt (store, "UPDATE task SET done_at = ? WHERE id = ?;", error);
  if (update == NULL)
    return FALSE;
  _regie_bind_text (update, 1, now);
  sqlite3_bind_int64 (update, 2, self->follow_up_task_id);
  return _regie_step_done (store, update, error) &&
         _regie_event_record_task_done (store, self->case_id, self->follow_up_task_id, what, TRUE,
                                        now, error);
}

typedef struct
{
  RegieReferralState   state;
  char                *state_reason;
  RegieReferralResult  result;
  RegieReferralFailure failure;
  char                *result_note;
  char                *answered_at;
  char                *closed_at;
} Saved;

static void
saved_take (RegieReferral *self,
            Saved         *saved)
{
  saved->state = self->state;
  saved->state_reason = g_strdup (self->state_reason);
  saved->result = self->result;
  saved->failure = self->failure;
  saved->result_note = g_strdup (self->result_note);
  saved->answered_at = g_strdup (self->answered_at);
  saved->closed_at = g_strdup (self->closed_at);
}

static void
saved_restore (RegieReferral *self,
               Saved         *saved)
{
  self->state = saved->state;
  g_free (self->state_reason);
  self->state_reason = g_steal_pointer (&saved->state_reason);
  self->result = saved->result;
  self->failure = saved->failure;
  g_free (self->result_note);
  self->result_note = g_steal_pointer (&saved->result_note);
  g_free (self->answered_at);
  self->answered_at = g_steal_pointer (&saved->answered_at);
  g_free (self->closed_at);
  self->closed_at = g_steal_pointer (&saved->closed_at);
}

static void
saved_clear (Saved *saved)
{
  g_free (saved->state_reason);
  g_free (saved->result_note);
  g_free (saved->answered_at);
  g_free (saved->closed_at);
}

/* One later state change: the row, a timeline item, the task when it ends, the audit. */
static gboolean
change_state (RegieStore           *store,
              RegieReferral        *self,
              RegieReferralState    to,
              const char           *reason,
              RegieReferralResult   result,
              RegieReferralFailure  failure,
              const char           *actor,
              GError              **error)
{
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  const char *text = reason;
  gboolean ends;
  Saved saved;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_REFERRAL (self), FALSE);

  if (self->id == 0 || !regie_referral_state_can_change (self->state, to) ||
      self->state == REGIE_REFERRAL_DRAFT)
    {
      /* TRANSLATORS: %s and %s are states of a referral: "Draft", "Accepted" … */
      g_set_error (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_INVALID_TRANSITION,
                   _("A referral that is “%s” cannot become “%s”"),
                   regie_referral_state_get_label (self->state), regie_referral_state_get_label (to));
      return FALSE;
    }

  now = _regie_now ();
  ends = to == REGIE_REFERRAL_COMPLETED || to == REGIE_REFERRAL_WITHDRAWN;
  saved_take (self, &saved);

  self->state = to;
  if (to == REGIE_REFERRAL_ACCEPTED || to == REGIE_REFERRAL_DECLINED)
    set_optional (&self->answered_at, now);
  if (ends)
    set_optional (&self->closed_at, now);
  if (to == REGIE_REFERRAL_COMPLETED)
    {
      self->result = result;
      self->failure = failure;
      set_text (&self->result_note, reason);
    }
  else
    set_text (&self->state_reason, reason);

  switch (to)
    {
    case REGIE_REFERRAL_ACCEPTED:
      /* TRANSLATORS: timeline title; %s the organisation */
      title = g_strdup_printf (_("%s accepted the referral"), self->organisation_name);
      break;
    case REGIE_REFERRAL_DECLINED:
      /* TRANSLATORS: timeline title; %s the organisation */
      title = g_strdup_printf (_("%s declined the referral"), self->organisation_name);
      break;
    case REGIE_REFERRAL_COMPLETED:
      if (result == REGIE_REFERRAL_RESULT_SUCCESS)
        /* TRANSLATORS: timeline title; %s the organisation */
        title = g_strdup_printf (_("Referral to %s succeeded"), self->organisation_name);
      else
        {
          /* TRANSLATORS: timeline title; %s the organisation */
          title = g_strdup_printf (_("Referral to %s did not succeed"), self->organisation_name);
          text = regie_referral_failure_get_label (failure);
        }
      break;
    case REGIE_REFERRAL_WITHDRAWN:
    default:
      /* TRANSLATORS: timeline title; %s the organisation */
      title = g_strdup_printf (_("Referral to %s withdrawn"), self->organisation_name);
      break;
    }

  if (!regie_store_begin (store, error))
    {
      saved_restore (self, &saved);
      saved_clear (&saved);
      return FALSE;
    }

  if (!write_row (store, self, now, error) ||
      !record_event (store, self, REGIE_EVENT_REFERRAL, REGIE_CHANNEL_NONE, title,
                     text ? text : "", to == REGIE_REFERRAL_COMPLETED && result == REGIE_REFERRAL_RESULT_FAILURE ? (reason ? reason : "") : "",
                     "", now, error) ||
      (ends && !finish_task (store, self, now, error)) ||
      !bump_activity (store, self->case_id, now, error) ||
      !regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_REFERRAL, self->id, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      saved_restore (self, &saved);
      saved_clear (&saved);
      return FALSE;
    }

  saved_clear (&saved);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  return TRUE;
}

static gboolean
require_reason (const char  *reason,
                const char  *message,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_REASON_REQUIRED, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
regie_referral_accept (RegieStore     *store,
                       RegieReferral  *self,
                       const char     *actor,
                       GError        **error)
{
  return change_state (store, self, REGIE_REFERRAL_ACCEPTED, NULL, REGIE_REFERRAL_RESULT_NONE,
                       REGIE_REFERRAL_FAILURE_NONE, actor, error);
}

gboolean
regie_referral_decline (RegieStore     *store,
                        RegieReferral  *self,
                        const char     *reason,
                        const char     *actor,
                        GError        **error)
{
  if (!require_reason (reason, _("Say why the organisation declined"), error))
    return FALSE;
  return change_state (store, self, REGIE_REFERRAL_DECLINED, reason, REGIE_REFERRAL_RESULT_NONE,
                       REGIE_REFERRAL_FAILURE_NONE, actor, error);
}

gboolean
regie_referral_complete (RegieStore            *store,
                         RegieReferral         *self,
                         gboolean               success,
                         RegieReferralFailure   failure,
                         const char            *note,
                         const char            *actor,
                         GError               **error)
{
  g_return_val_if_fail (failure <= REGIE_REFERRAL_FAILURE_OTHER, FALSE);

  if (success)
    failure = REGIE_REFERRAL_FAILURE_NONE;
  else if (failure == REGIE_REFERRAL_FAILURE_NONE)
    {
      g_set_error_literal (error, REGIE_REFERRAL_ERROR, REGIE_REFERRAL_ERROR_REASON_REQUIRED,
                           _("Choose why the referral did not succeed"));
      return FALSE;
    }
  else if (failure == REGIE_REFERRAL_FAILURE_OTHER &&
           !require_reason (note, _("Describe why the referral did not succeed"), error))
    return FALSE;

  return change_state (store, self, REGIE_REFERRAL_COMPLETED, note,
                       success ? REGIE_REFERRAL_RESULT_SUCCESS : REGIE_REFERRAL_RESULT_FAILURE,
                       failure, actor, error);
}

gboolean
regie_referral_withdraw (RegieStore     *store,
                         RegieReferral  *self,
                         const char     *reason,
                         const char     *actor,
                         GError        **error)
{
  if (!require_reason (reason, _("Say why the referral is withdrawn"), error))
    return FALSE;
  return change_state (store, self, REGIE_REFERRAL_WITHDRAWN, reason, REGIE_REFERRAL_RESULT_NONE,
                       REGIE_REFERRAL_FAILURE_NONE, actor, error);
}
