/* regie-organisation-page.h — one organisation: its details, lines, contacts and dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-organisation.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_ORGANISATION_PAGE (regie_organisation_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieOrganisationPage, regie_organisation_page, REGIE, ORGANISATION_PAGE, AdwBin)

gboolean           regie_organisation_page_open  (RegieOrganisationPage *self,
                                                  RegieStore            *store,
                                                  gint64                 id,
                                                  GError               **error);
void               regie_organisation_page_clear (RegieOrganisationPage *self);
RegieOrganisation *regie_organisation_page_get_organisation (RegieOrganisationPage *self);

/* For the tests and the screenshot tool. */
GtkListBox        *_regie_organisation_page_get_line_list (RegieOrganisationPage *self);
GtkListBox        *_regie_organisation_page_get_contact_list (RegieOrganisationPage *self);

G_END_DECLS
