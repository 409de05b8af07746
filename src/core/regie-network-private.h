/* regie-network-private.h — shared by the network's core objects and their tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-contact.h"
#include "regie-organisation.h"
#include "regie-professional-line.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

/* Audit entity types of the network; like the others, never names or free text. */
#define REGIE_AUDIT_ORGANISATION "organisation"
#define REGIE_AUDIT_CONTACT      "contact"
#define REGIE_AUDIT_LINE         "professional_line"

/* Lower case, no diacritics, single spaces: names compared for duplicates and searched. */
char       *_regie_network_fold           (const char   *text);
char       *_regie_network_new_uid        (void);
gboolean    _regie_network_set_string     (char        **field,
                                           const char   *value);

/* The clock that "reachable now" reads. Tests (and only tests) set it; NULL restores the
 * real time. */
void        _regie_network_set_now        (GDateTime    *now);

/* Writing inside a transaction the caller holds (import, demo). now: _regie_now (). */
gboolean    _regie_organisation_write     (RegieStore   *store,
                                           RegieOrganisation *self,
                                           const char   *actor,
                                           const char   *now,
                                           GError      **error);
gboolean    _regie_contact_write          (RegieStore   *store,
                                           RegieContact *self,
                                           const char   *actor,
                                           const char   *now,
                                           GError      **error);
gboolean    _regie_professional_line_write (RegieStore  *store,
                                           RegieProfessionalLine *self,
                                           const char   *actor,
                                           const char   *now,
                                           GError      **error);

/* Plain loads, without an audit row. */
GListStore *_regie_professional_line_load_for (RegieStore *store,
                                           gint64        organisation_id,
                                           GError      **error);
GListStore *_regie_contact_load_for       (RegieStore   *store,
                                           gint64        organisation_id,
                                           GError      **error);
GListStore *_regie_organisation_load_all  (RegieStore   *store,
                                           GError      **error);
GListStore *_regie_contact_load_all       (RegieStore   *store,
                                           GError      **error);

void        _regie_organisation_set_lines (RegieOrganisation *self,
                                           GListModel   *lines);
void        _regie_organisation_set_contact_names (RegieOrganisation *self,
                                           const char   *names);

G_END_DECLS
