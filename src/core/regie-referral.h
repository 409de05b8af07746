/* regie-referral.h — a warm referral: a dossier's question handed over to the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-case.h"
#include "regie-document.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_REFERRAL_ERROR (regie_referral_error_quark ())

typedef enum
{
  REGIE_REFERRAL_ERROR_INVALID_TRANSITION, /* the state machine does not allow it */
  REGIE_REFERRAL_ERROR_CONSENT_REQUIRED,   /* personal data chosen, no consent recorded */
  REGIE_REFERRAL_ERROR_NO_RECEIVER,
  REGIE_REFERRAL_ERROR_NO_MODE,
  REGIE_REFERRAL_ERROR_REASON_REQUIRED,    /* declining, failing or withdrawing needs a reason */
  REGIE_REFERRAL_ERROR_FOLLOW_UP_DATE,
} RegieReferralError;

/* draft → handed_over → accepted | declined → completed, or withdrawn. */
typedef enum
{
  REGIE_REFERRAL_DRAFT,
  REGIE_REFERRAL_HANDED_OVER,
  REGIE_REFERRAL_ACCEPTED,
  REGIE_REFERRAL_DECLINED,
  REGIE_REFERRAL_COMPLETED,
  REGIE_REFERRAL_WITHDRAWN,
} RegieReferralState;

typedef enum
{
  REGIE_REFERRAL_MODE_NONE,
  REGIE_REFERRAL_MODE_CALL_NOW,        /* driegesprek, now */
  REGIE_REFERRAL_MODE_APPOINTMENT,     /* an appointment with the receiver */
  REGIE_REFERRAL_MODE_EMAIL,
  REGIE_REFERRAL_MODE_LETTER,
  REGIE_REFERRAL_MODE_HANDOVER_NOTE,   /* the inwoner goes with a handover note */
} RegieReferralMode;

typedef enum
{
  REGIE_CONSENT_NONE,
  REGIE_CONSENT_VERBAL,
  REGIE_CONSENT_WRITTEN,
} RegieConsentHow;

/* What may be shared. Everything but the question is personal data and needs consent. */
typedef enum
{
  REGIE_SHARE_NOTHING    = 0,
  REGIE_SHARE_PERSONALIA = 1 << 0,   /* name, birth date */
  REGIE_SHARE_CONTACT    = 1 << 1,   /* phone, e-mail, address */
  REGIE_SHARE_BSN        = 1 << 2,   /* never in an e-mail */
  REGIE_SHARE_FINANCES   = 1 << 3,
  REGIE_SHARE_QUESTION   = 1 << 4,
  REGIE_SHARE_TIMELINE   = 1 << 5,   /* chosen timeline items */
} RegieShareFlags;

#define REGIE_SHARE_PERSONAL (REGIE_SHARE_PERSONALIA | REGIE_SHARE_CONTACT | REGIE_SHARE_BSN | \
                              REGIE_SHARE_FINANCES | REGIE_SHARE_TIMELINE)
#define REGIE_SHARE_N_CATEGORIES 6

typedef enum
{
  REGIE_REFERRAL_RESULT_NONE,
  REGIE_REFERRAL_RESULT_SUCCESS,
  REGIE_REFERRAL_RESULT_FAILURE,
} RegieReferralResult;

/* Why a referral did not succeed: a fixed list, so the figures can count it. */
typedef enum
{
  REGIE_REFERRAL_FAILURE_NONE,
  REGIE_REFERRAL_FAILURE_CITIZEN_DECLINED,
  REGIE_REFERRAL_FAILURE_NO_CAPACITY,
  REGIE_REFERRAL_FAILURE_NO_LONGER_NEEDED,
  REGIE_REFERRAL_FAILURE_CITIZEN_UNREACHABLE,
  REGIE_REFERRAL_FAILURE_ORGANISATION_UNREACHABLE,
  REGIE_REFERRAL_FAILURE_OTHER,
} RegieReferralFailure;

#define REGIE_TYPE_REFERRAL_STATE   (regie_referral_state_get_type ())
#define REGIE_TYPE_REFERRAL_MODE    (regie_referral_mode_get_type ())
#define REGIE_TYPE_CONSENT_HOW      (regie_consent_how_get_type ())
#define REGIE_TYPE_REFERRAL_RESULT  (regie_referral_result_get_type ())
#define REGIE_TYPE_REFERRAL_FAILURE (regie_referral_failure_get_type ())

GQuark       regie_referral_error_quark         (void);
GType        regie_referral_state_get_type      (void) G_GNUC_CONST;
GType        regie_referral_mode_get_type       (void) G_GNUC_CONST;
GType        regie_consent_how_get_type         (void) G_GNUC_CONST;
GType        regie_referral_result_get_type     (void) G_GNUC_CONST;
GType        regie_referral_failure_get_type    (void) G_GNUC_CONST;
const char  *regie_referral_state_get_label     (RegieReferralState   state);
const char  *regie_referral_mode_get_label      (RegieReferralMode    mode);
const char  *regie_consent_how_get_label        (RegieConsentHow      how);
const char  *regie_referral_failure_get_label   (RegieReferralFailure failure);
/* The category's label, and its stable id ("personalia", "contact", "bsn", "finances",
 * "question", "timeline"); index 0 … REGIE_SHARE_N_CATEGORIES - 1 in flag order. */
const char  *regie_share_category_get_label     (guint                index);
const char  *regie_share_category_get_id        (guint                index);

/* Whether the state machine allows going from one state to the other. */
gboolean     regie_referral_state_can_change    (RegieReferralState   from,
                                                 RegieReferralState   to);
/* The ISO date working_days working days after from_date (ISO; NULL is today in
 * Europe/Amsterdam), skipping Saturdays, Sundays and Dutch public holidays. */
char        *regie_referral_add_working_days    (const char          *from_date,
                                                 guint                working_days);

#define REGIE_TYPE_REFERRAL (regie_referral_get_type ())

G_DECLARE_FINAL_TYPE (RegieReferral, regie_referral, REGIE, REFERRAL, GObject)

/* Text is never NULL (unset is ""), except the dates and moments (NULL: none). */
RegieReferral *regie_referral_new                 (gint64               case_id);

gint64        regie_referral_get_id                (RegieReferral *self);
gint64        regie_referral_get_case_id           (RegieReferral *self);
RegieReferralState regie_referral_get_state        (RegieReferral *self);
const char   *regie_referral_get_state_reason      (RegieReferral *self);
gint64        regie_referral_get_organisation_id   (RegieReferral *self);
const char   *regie_referral_get_organisation_name (RegieReferral *self);
const char   *regie_referral_get_organisation_kind (RegieReferral *self);
/* Also sets the name and kind it keeps, and clears the contact and line. */
void          regie_referral_set_organisation      (RegieReferral *self,
                                                    gint64         id,
                                                    const char    *name,
                                                    const char    *kind_id);
gint64        regie_referral_get_contact_id        (RegieReferral *self);
void          regie_referral_set_contact_id        (RegieReferral *self,
                                                    gint64         id);
gint64        regie_referral_get_line_id           (RegieReferral *self);
void          regie_referral_set_line_id           (RegieReferral *self,
                                                    gint64         id);
const char   *regie_referral_get_reason            (RegieReferral *self);
void          regie_referral_set_reason            (RegieReferral *self,
                                                    const char    *reason);
const char   *regie_referral_get_question          (RegieReferral *self);
void          regie_referral_set_question          (RegieReferral *self,
                                                    const char    *question);
RegieReferralMode regie_referral_get_mode          (RegieReferral *self);
void          regie_referral_set_mode              (RegieReferral *self,
                                                    RegieReferralMode mode);
const char   *regie_referral_get_appointment_at    (RegieReferral *self);
void          regie_referral_set_appointment_at    (RegieReferral *self,
                                                    const char    *utc_instant);
RegieConsentHow regie_referral_get_consent_how     (RegieReferral *self);
const char   *regie_referral_get_consent_given_at  (RegieReferral *self);
/* how NONE (or date NULL) records that there is no consent. */
void          regie_referral_set_consent           (RegieReferral *self,
                                                    RegieConsentHow how,
                                                    const char    *iso_date);
gboolean      regie_referral_has_consent           (RegieReferral *self);
RegieShareFlags regie_referral_get_categories      (RegieReferral *self);
void          regie_referral_set_categories        (RegieReferral *self,
                                                    RegieShareFlags categories);
/* The chosen timeline items, shared when REGIE_SHARE_TIMELINE is set. */
const GArray *regie_referral_get_timeline_event_ids (RegieReferral *self);
void          regie_referral_set_timeline_event_ids (RegieReferral *self,
                                                    const gint64  *ids,
                                                    guint          n_ids);
const char   *regie_referral_get_finances          (RegieReferral *self);
void          regie_referral_set_finances          (RegieReferral *self,
                                                    const char    *finances);
const char   *regie_referral_get_handover_text     (RegieReferral *self);
void          regie_referral_set_handover_text     (RegieReferral *self,
                                                    const char    *text);
const char   *regie_referral_get_follow_up_date    (RegieReferral *self);
void          regie_referral_set_follow_up_date    (RegieReferral *self,
                                                    const char    *iso_date);
gint64        regie_referral_get_follow_up_task_id (RegieReferral *self);
gboolean      regie_referral_get_set_case_referred (RegieReferral *self);
void          regie_referral_set_set_case_referred (RegieReferral *self,
                                                    gboolean       set_referred);
guint         regie_referral_get_wizard_step       (RegieReferral *self);
void          regie_referral_set_wizard_step       (RegieReferral *self,
                                                    guint          step);
RegieReferralResult regie_referral_get_result      (RegieReferral *self);
RegieReferralFailure regie_referral_get_failure    (RegieReferral *self);
const char   *regie_referral_get_result_note       (RegieReferral *self);
const char   *regie_referral_get_casemanager       (RegieReferral *self);
void          regie_referral_set_casemanager       (RegieReferral *self,
                                                    const char    *casemanager);
const char   *regie_referral_get_created_at        (RegieReferral *self);
const char   *regie_referral_get_handed_over_at    (RegieReferral *self);
const char   *regie_referral_get_answered_at       (RegieReferral *self);
const char   *regie_referral_get_closed_at         (RegieReferral *self);
/* Filled by regie_referral_list: the inwoner's name as the dossier list shows it. */
const char   *regie_referral_get_person_name       (RegieReferral *self);
/* Open (handed over, accepted or declined: not ended) with a follow-up date before today
 * (ISO; NULL: today). */
gboolean      regie_referral_is_overdue            (RegieReferral *self,
                                                    const char    *today);

/* The consent gate: personal data may only be shared with recorded consent. Without it,
 * only an anonymous consultation (at most the question) can be handed over. */
gboolean      regie_referral_check_consent         (RegieReferral *self,
                                                    GError       **error);

/* The handover text from the consented categories only (for_email: without the BSN,
 * which never goes into an e-mail). The dossier gives the person and the question. */
char         *regie_referral_compose_handover      (RegieReferral *self,
                                                    RegieStore    *store,
                                                    RegieCase     *kase,
                                                    gboolean       for_email,
                                                    GError       **error);
/* The handover text as it may go into an e-mail: every line that names the BSN is left
 * out, even when it was consented or typed in by hand. bsn: the inwoner's, or NULL. */
char         *regie_referral_email_body            (const char    *handover_text,
                                                    const char    *bsn);
/* "mailto:to?subject=…&body=…" with a subject that names nobody. */
char         *regie_referral_build_mailto          (RegieReferral *self,
                                                    const char    *to,
                                                    const char    *bsn);
/* The handover letter: the (edited) handover text, for the receiver; see regie-document.h. */
RegieDocument *regie_referral_new_letter           (RegieReferral *self,
                                                    GDateTime     *date);

/* The store side. Every write is one transaction with an audit row (entity "referral").
 * save_draft: inserts or updates a draft (state draft only); the wizard resumes it.
 * find_draft: the newest draft of a dossier, or NULL (no error) when there is none.
 * hand_over: finishes the wizard: checks receiver, mode, consent and follow-up date, then
 *   in one transaction stores the referral as handed over, writes a referral item on the
 *   timeline (and a three-way call item for a driegesprek), adds the follow-up task, links
 *   the organisation to the dossier and, if chosen, sets the dossier's status to referred.
 *   kase is updated (status, tasks).
 * accept, decline, complete, withdraw: the later states; a reason is needed to decline, to
 *   withdraw, and for a failure. Completing or withdrawing ticks off the follow-up task. */
RegieReferral *regie_referral_load                (RegieStore    *store,
                                                   gint64         id,
                                                   GError       **error);
RegieReferral *regie_referral_find_draft          (RegieStore    *store,
                                                   gint64         case_id,
                                                   GError       **error);
gboolean      regie_referral_save_draft           (RegieStore    *store,
                                                   RegieReferral *self,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_discard_draft        (RegieStore    *store,
                                                   RegieReferral *self,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_hand_over            (RegieStore    *store,
                                                   RegieReferral *self,
                                                   RegieCase     *kase,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_accept               (RegieStore    *store,
                                                   RegieReferral *self,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_decline              (RegieStore    *store,
                                                   RegieReferral *self,
                                                   const char    *reason,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_complete             (RegieStore    *store,
                                                   RegieReferral *self,
                                                   gboolean       success,
                                                   RegieReferralFailure failure,
                                                   const char    *note,
                                                   const char    *actor,
                                                   GError       **error);
gboolean      regie_referral_withdraw             (RegieStore    *store,
                                                   RegieReferral *self,
                                                   const char    *reason,
                                                   const char    *actor,
                                                   GError       **error);

G_END_DECLS
