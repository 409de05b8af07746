/* regie-audit-view.h — the access trail: "Access to this case" on the dossier page, and the
 * whole trail in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_AUDIT_VIEW (regie_audit_view_get_type ())

G_DECLARE_FINAL_TYPE (RegieAuditView, regie_audit_view, REGIE, AUDIT_VIEW, AdwPreferencesGroup)

RegieAuditView *regie_audit_view_new        (void);
/* case_id 0: the whole trail (newest first); store NULL: shows nothing. */
void            regie_audit_view_set_case   (RegieAuditView *self,
                                             RegieStore     *store,
                                             gint64          case_id);
void            regie_audit_view_reload     (RegieAuditView *self);

/* "Access Log" from the primary menu: the whole trail, newest first. */
GtkWindow      *regie_audit_view_new_window (GtkWindow      *parent,
                                             RegieStore     *store);

G_END_DECLS
