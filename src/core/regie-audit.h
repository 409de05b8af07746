/* regie-audit.h — who opened, made, changed or deleted what, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* Actions and entity types are fixed ASCII identifiers: the audit trail never holds names
 * or free text, only who (the casemanager's account), what, and which object by id. */
#define REGIE_AUDIT_VIEW   "view"
#define REGIE_AUDIT_CREATE "create"
#define REGIE_AUDIT_UPDATE "update"
#define REGIE_AUDIT_DELETE "delete"

#define REGIE_AUDIT_PERSON "person"
#define REGIE_AUDIT_CASE   "case"
#define REGIE_AUDIT_TASK   "task"

/* actor NULL: the account name of this session (g_get_user_name ()). Works inside a
 * transaction (the row then shares its fate) and outside one. */
gboolean     regie_audit_record        (RegieStore  *store,
                                        const char  *actor,
                                        const char  *action,
                                        const char  *entity_type,
                                        gint64       entity_id,
                                        GError     **error);
const char  *regie_audit_default_actor (void);

G_END_DECLS
