/* regie-referral-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-referral.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

#define REGIE_AUDIT_REFERRAL "referral"

/* The columns _regie_referral_new_from_stmt () reads, from a table aliased r. */
#define REGIE_REFERRAL_COLUMNS \
  "r.id, r.case_id, r.organisation_id, r.contact_id, r.line_id, r.organisation_name, " \
  "r.organisation_kind, r.reason, r.question, r.mode, r.appointment_at, r.consent_given_at, " \
  "r.consent_how, r.consent_categories, r.timeline_event_ids, r.finances, r.handover_text, " \
  "r.state, r.state_reason, r.outcome, r.outcome_reason, r.outcome_note, r.follow_up_date, " \
  "r.follow_up_task_id, r.set_case_referred, r.wizard_step, r.casemanager, r.created_at, " \
  "r.updated_at, r.handed_over_at, r.answered_at, r.closed_at"
#define REGIE_REFERRAL_N_COLUMNS 32

RegieReferral *_regie_referral_new_from_stmt (sqlite3_stmt  *stmt,
                                              int            first_column);
void           _regie_referral_set_person_name (RegieReferral *self,
                                              const char    *name);

G_END_DECLS
