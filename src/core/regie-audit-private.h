/* regie-audit-private.h — the access trail's hash chain, for the core and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "regie-audit.h"

G_BEGIN_DECLS

/* Lower-case hex SHA-256 over prev_hash and the row's canonical fields. */
char      *_regie_audit_row_hash      (const char *prev_hash,
                                       gint64      id,
                                       const char *at,
                                       const char *actor,
                                       const char *action,
                                       const char *entity_type,
                                       gboolean    has_entity_id,
                                       gint64      entity_id,
                                       const char *result,
                                       const char *origin);
/* Chains the rows at the end of the trail that have no hash yet (written before schema
 * step 7); called when the store opens, after the migrations. */
gboolean   _regie_audit_chain_pending (sqlite3    *db,
                                       GError    **error);

G_END_DECLS
