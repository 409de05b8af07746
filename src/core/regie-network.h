/* regie-network.h — the organisations of the network as a list, and their dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-contact.h"
#include "regie-organisation.h"
#include "regie-professional-line.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_NETWORK (regie_network_get_type ())

/* A GListModel of RegieOrganisation by name, each with its lines, that follows the store:
 * it reloads after every commit. Filter it with regie_organisation_matches (). */
G_DECLARE_FINAL_TYPE (RegieNetwork, regie_network, REGIE, NETWORK, GObject)

RegieNetwork *regie_network_new          (RegieStore  *store);
RegieStore   *regie_network_get_store    (RegieNetwork *self);
gboolean      regie_network_reload       (RegieNetwork *self,
                                          GError     **error);

/* An organisation involved in a dossier, and the contact there if one was named. */
typedef struct
{
  gint64  organisation_id;
  char   *organisation_name;
  gint64  contact_id;
  char   *contact_name;
} RegieCaseOrganisation;

void          regie_case_organisation_free (RegieCaseOrganisation *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieCaseOrganisation, regie_case_organisation_free)

gboolean      regie_network_link_case    (RegieStore  *store,
                                          gint64       case_id,
                                          gint64       organisation_id,
                                          gint64       contact_id,
                                          const char  *actor,
                                          GError     **error);
gboolean      regie_network_unlink_case  (RegieStore  *store,
                                          gint64       case_id,
                                          gint64       organisation_id,
                                          const char  *actor,
                                          GError     **error);
/* RegieCaseOrganisation, by organisation name. */
GPtrArray    *regie_network_list_case_organisations (RegieStore *store,
                                          gint64       case_id,
                                          GError     **error);
/* The ids of the dossiers this organisation is involved in (linked, or named by a timeline
 * item), the most recent first. */
GArray       *regie_network_list_cases_for_organisation (RegieStore *store,
                                          gint64       organisation_id,
                                          GError     **error);

G_END_DECLS
