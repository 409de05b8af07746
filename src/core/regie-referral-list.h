/* regie-referral-list.h — all referrals, for the Verwijzingen view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-referral.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_REFERRAL_LIST (regie_referral_list_get_type ())

/* A GListModel of RegieReferral that follows the store (it reloads after every commit):
 * open referrals whose follow-up date has passed first, then the other open ones by
 * follow-up date, then drafts, then the ended ones, latest first. Each knows the name of
 * its inwoner (regie_referral_get_person_name ()). case_id 0: all dossiers. */
G_DECLARE_FINAL_TYPE (RegieReferralList, regie_referral_list, REGIE, REFERRAL_LIST, GObject)

RegieReferralList *regie_referral_list_new     (RegieStore        *store,
                                                gint64             case_id);
gboolean           regie_referral_list_reload  (RegieReferralList *self,
                                                GError           **error);
/* How many open referrals have a follow-up date before today. */
guint              regie_referral_list_count_overdue (RegieReferralList *self);

G_END_DECLS
