/* regie-privacy.h — retention, and the inwoner's rights of access, portability and erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* A closed dossier past its destruction date (closed_at plus the retention period). */
typedef struct
{
  gint64  case_id;
  gint64  person_id;
  char   *closed_on;     /* YYYY-MM-DD */
  char   *destroy_on;    /* YYYY-MM-DD */
} RegieRetentionDue;

void        regie_retention_due_free       (RegieRetentionDue *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieRetentionDue, regie_retention_due_free)

/* The destruction date of a dossier closed at closed_at (ISO text), or NULL when open. */
char       *regie_retention_destroy_on     (const char   *closed_at,
                                            guint         months);

/* Closed dossiers whose destruction date is on or before today (YYYY-MM-DD; NULL: the
 * local date now — tests pass their own day). Oldest first; RegieRetentionDue elements. */
GPtrArray  *regie_retention_list_due       (RegieStore   *store,
                                            guint         months,
                                            const char   *today,
                                            GError      **error);

/* Destroys one dossier: its timeline, tasks, referrals and search rows, and the inwoner
 * when no other dossier needs them, with secure delete and a WAL checkpoint (TRUNCATE) so
 * that nothing is left in the file or its -wal. The trail records "destroy", no data. */
gboolean    regie_retention_destroy_case   (RegieStore   *store,
                                            gint64        case_id,
                                            const char   *actor,
                                            GError      **error);

/* AVG art. 17: everything about one inwoner, all their dossiers included, is removed in the
 * same way; the trail records "erase" with the inwoner's id only. */
gboolean    regie_inwoner_erase            (RegieStore   *store,
                                            gint64        person_id,
                                            const char   *actor,
                                            GError      **error);

/* AVG art. 20: everything about one inwoner as JSON (tests/data/inwoner-export.schema.json),
 * the access trail of their data included. Records "export". */
char       *regie_inwoner_export_json      (RegieStore   *store,
                                            gint64        person_id,
                                            const char   *actor,
                                            GError      **error);

/* AVG art. 15: the same as a readable A4 PDF. Records "export". */
gboolean    regie_inwoner_export_pdf       (RegieStore   *store,
                                            gint64        person_id,
                                            const char   *path,
                                            const char   *actor,
                                            GError      **error);

/* One row of the access trail, as the views show it. */
typedef struct
{
  gint64  id;
  char   *at;            /* UTC, ISO 8601 */
  char   *actor;
  char   *action;
  char   *entity_type;
  gint64  entity_id;
  char   *result;
  char   *origin;
} RegieAuditEntry;

void        regie_audit_entry_free         (RegieAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieAuditEntry, regie_audit_entry_free)

/* Newest first, at most limit rows (0: all). case_id 0: the whole trail; else the rows about
 * that dossier, its tasks, timeline items and referrals. Reading the trail is not recorded. */
GPtrArray  *regie_audit_list               (RegieStore   *store,
                                            gint64        case_id,
                                            guint         limit,
                                            GError      **error);

G_END_DECLS
