/* regie-organisation.h — an organisation in the network (the sociale kaart)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_ORGANISATION_KIND_NATIONAL,           /* national executive organisation: UWV, SVB … */
  REGIE_ORGANISATION_KIND_MUNICIPAL,          /* a department of the municipality */
  REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM,
  REGIE_ORGANISATION_KIND_DEBT_HELP,
  REGIE_ORGANISATION_KIND_WELFARE,
  REGIE_ORGANISATION_KIND_VOLUNTEERS,
  REGIE_ORGANISATION_KIND_LEGAL_AID,
  REGIE_ORGANISATION_KIND_HOUSING,
  REGIE_ORGANISATION_KIND_CARE,
  REGIE_ORGANISATION_KIND_OTHER,
} RegieOrganisationKind;

#define REGIE_TYPE_ORGANISATION_KIND (regie_organisation_kind_get_type ())
GType        regie_organisation_kind_get_type  (void);
const char  *regie_organisation_kind_get_label (RegieOrganisationKind kind);
/* The stored id ("national", "debt_help" …) and, for imports, Dutch and English words. */
const char  *regie_organisation_kind_to_id     (RegieOrganisationKind kind);
gboolean     regie_organisation_kind_from_text (const char *text,
                                                RegieOrganisationKind *kind);

/* Entries are checked twice a year: older than six months before today (ISO date; NULL:
 * the local date now), or never checked, needs checking. */
gboolean     regie_network_needs_check         (const char *checked_at,
                                                const char *today);

#define REGIE_TYPE_ORGANISATION (regie_organisation_get_type ())

G_DECLARE_FINAL_TYPE (RegieOrganisation, regie_organisation, REGIE, ORGANISATION, GObject)

RegieOrganisation *regie_organisation_new      (void);

gint64       regie_organisation_get_id         (RegieOrganisation *self);
const char  *regie_organisation_get_uid        (RegieOrganisation *self);
void         regie_organisation_set_uid        (RegieOrganisation *self,
                                                const char *uid);
const char  *regie_organisation_get_name       (RegieOrganisation *self);
void         regie_organisation_set_name       (RegieOrganisation *self,
                                                const char *name);
RegieOrganisationKind regie_organisation_get_kind (RegieOrganisation *self);
void         regie_organisation_set_kind       (RegieOrganisation *self,
                                                RegieOrganisationKind kind);
const char  *regie_organisation_get_phone      (RegieOrganisation *self);
void         regie_organisation_set_phone      (RegieOrganisation *self,
                                                const char *phone);
const char  *regie_organisation_get_email      (RegieOrganisation *self);
void         regie_organisation_set_email      (RegieOrganisation *self,
                                                const char *email);
const char  *regie_organisation_get_website    (RegieOrganisation *self);
void         regie_organisation_set_website    (RegieOrganisation *self,
                                                const char *website);
const char  *regie_organisation_get_street     (RegieOrganisation *self);
void         regie_organisation_set_street     (RegieOrganisation *self,
                                                const char *street);
const char  *regie_organisation_get_postcode   (RegieOrganisation *self);
void         regie_organisation_set_postcode   (RegieOrganisation *self,
                                                const char *postcode);
const char  *regie_organisation_get_city       (RegieOrganisation *self);
void         regie_organisation_set_city       (RegieOrganisation *self,
                                                const char *city);
const char  *regie_organisation_get_opening_hours (RegieOrganisation *self);
void         regie_organisation_set_opening_hours (RegieOrganisation *self,
                                                const char *opening_hours);
const char  *regie_organisation_get_notes      (RegieOrganisation *self);
void         regie_organisation_set_notes      (RegieOrganisation *self,
                                                const char *notes);
const char  *regie_organisation_get_checked_at (RegieOrganisation *self);
void         regie_organisation_set_checked_at (RegieOrganisation *self,
                                                const char *iso_date);
const char * const *regie_organisation_get_themes (RegieOrganisation *self);
void         regie_organisation_set_themes     (RegieOrganisation *self,
                                                const char * const *themes);
gboolean     regie_organisation_has_theme      (RegieOrganisation *self,
                                                const char *theme);
/* "Demostraat 1, 9999 XA Proefstad", or "" */
char        *regie_organisation_format_address (RegieOrganisation *self);
gboolean     regie_organisation_needs_check    (RegieOrganisation *self,
                                                const char *today);

/* Filled when the organisation comes from the store: its professional lines
 * (RegieProfessionalLine). */
GListModel  *regie_organisation_get_lines      (RegieOrganisation *self);
gboolean     regie_organisation_is_reachable   (RegieOrganisation *self,
                                                GDateTime *now);

/* Search and filters of the Netwerk view. query: words that must all occur (in any case,
 * with or without accents) in the name, a contact's name, a theme, a line or the city;
 * theme NULL and kind -1: any. */
gboolean     regie_organisation_matches        (RegieOrganisation *self,
                                                const char *query,
                                                const char *theme,
                                                int         kind);

RegieOrganisation *regie_organisation_load     (RegieStore *store,
                                                gint64      id,
                                                GError    **error);
gboolean     regie_organisation_save           (RegieStore *store,
                                                RegieOrganisation *self,
                                                const char *actor,
                                                GError    **error);
/* Marks it (and its contacts and lines) as checked today. */
gboolean     regie_organisation_mark_checked   (RegieStore *store,
                                                RegieOrganisation *self,
                                                const char *actor,
                                                GError    **error);
gboolean     regie_organisation_delete         (RegieStore *store,
                                                gint64      id,
                                                const char *actor,
                                                GError    **error);

G_END_DECLS
