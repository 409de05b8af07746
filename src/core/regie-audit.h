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

/* Access trail (issue 8): every row has a result and an origin, and is hash-chained. */
#define REGIE_AUDIT_RESULT_OK     "ok"
#define REGIE_AUDIT_RESULT_FAILED "failed"

#define REGIE_AUDIT_ORIGIN_UI     "ui"
#define REGIE_AUDIT_ORIGIN_CLI    "cli"
#define REGIE_AUDIT_ORIGIN_IMPORT "import"

#define REGIE_AUDIT_EXPORT  "export"
#define REGIE_AUDIT_PRINT   "print"
#define REGIE_AUDIT_DESTROY "destroy"
#define REGIE_AUDIT_ERASE   "erase"

gboolean     regie_audit_record_result (RegieStore  *store,
                                        const char  *actor,
                                        const char  *action,
                                        const char  *entity_type,
                                        gint64       entity_id,
                                        const char  *result,
                                        GError     **error);
/* The origin of every row this process writes from now on ("ui", "cli", "import"). */
void         regie_audit_set_origin    (const char  *origin);
const char  *regie_audit_get_origin    (void);

/* TRUE when the trail could be read; *broken_id is then 0 for an intact chain, else the id
 * of the first row that does not match its hash or its predecessor. */
gboolean     regie_audit_verify_chain  (RegieStore  *store,
                                        gint64      *broken_id,
                                        GError     **error);

G_END_DECLS
