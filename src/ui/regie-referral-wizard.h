/* regie-referral-wizard.h — the warm referral, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-referral.h"
#include "regie-store.h"

G_BEGIN_DECLS

/* Waarheen, Vraag, Toestemming, Overdracht, Opvolging. */
#define REGIE_REFERRAL_WIZARD_N_STEPS 5

#define REGIE_TYPE_REFERRAL_WIZARD (regie_referral_wizard_get_type ())

G_DECLARE_FINAL_TYPE (RegieReferralWizard, regie_referral_wizard, REGIE, REFERRAL_WIZARD, AdwWindow)

/* A new referral from kase, or the draft to resume (see regie_referral_find_draft ()).
 * Closing before Afronden keeps a draft; "finished" is emitted once it is handed over. */
RegieReferralWizard *regie_referral_wizard_new          (RegieStore          *store,
                                                         RegieCase           *kase,
                                                         RegieReferral       *draft);
RegieReferral       *regie_referral_wizard_get_referral (RegieReferralWizard *self);
guint                regie_referral_wizard_get_step     (RegieReferralWizard *self);

/* For the screenshot tool: show a step without checking the ones before. */
void                 _regie_referral_wizard_go_to       (RegieReferralWizard *self,
                                                         guint                step);

G_END_DECLS
