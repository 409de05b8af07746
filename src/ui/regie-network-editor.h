/* regie-network-editor.h — editing an organisation, a contact or a professional line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-network.h"

G_BEGIN_DECLS

#define REGIE_TYPE_NETWORK_EDITOR (regie_network_editor_get_type ())

/* A dialog that saves through the core and emits "saved" (the id) or "deleted". The entry
 * given is only written to on Save: cancelling leaves it as it was. */
G_DECLARE_FINAL_TYPE (RegieNetworkEditor, regie_network_editor, REGIE, NETWORK_EDITOR, AdwWindow)

RegieNetworkEditor *regie_network_editor_new_organisation (RegieStore            *store,
                                                           RegieOrganisation     *organisation);
RegieNetworkEditor *regie_network_editor_new_contact      (RegieStore            *store,
                                                           gint64                 organisation_id,
                                                           RegieContact          *contact);
RegieNetworkEditor *regie_network_editor_new_line         (RegieStore            *store,
                                                           gint64                 organisation_id,
                                                           RegieProfessionalLine *line);

/* For the tests: the entry row of a field ("name", "phone", "availability" …). */
GtkWidget          *_regie_network_editor_get_row         (RegieNetworkEditor    *self,
                                                           const char            *field);

G_END_DECLS
