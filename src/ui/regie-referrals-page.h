/* regie-referrals-page.h — the Verwijzingen view: every referral, late follow-ups first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_REFERRALS_PAGE (regie_referrals_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieReferralsPage, regie_referrals_page, REGIE, REFERRALS_PAGE, AdwBin)

RegieStore *regie_referrals_page_get_store (RegieReferralsPage *self);
void        regie_referrals_page_set_store (RegieReferralsPage *self,
                                            RegieStore         *store);

/* For the tests and the screenshot tool. */
GListModel *_regie_referrals_page_get_model (RegieReferralsPage *self);
GtkListBox *_regie_referrals_page_get_list  (RegieReferralsPage *self);

G_END_DECLS
