/* regie-case-organisations.h — "Involved organisations" on the dossier page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_CASE_ORGANISATIONS (regie_case_organisations_get_type ())

G_DECLARE_FINAL_TYPE (RegieCaseOrganisations, regie_case_organisations, REGIE, CASE_ORGANISATIONS, AdwPreferencesGroup)

/* case_id 0 (or store NULL): shows nothing. */
void  regie_case_organisations_set_case (RegieCaseOrganisations *self,
                                         RegieStore             *store,
                                         gint64                  case_id);

G_END_DECLS
