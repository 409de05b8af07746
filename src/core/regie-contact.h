/* regie-contact.h — a person the casemanager knows at an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_CONTACT (regie_contact_get_type ())

G_DECLARE_FINAL_TYPE (RegieContact, regie_contact, REGIE, CONTACT, GObject)

RegieContact *regie_contact_new                (void);

gint64       regie_contact_get_id              (RegieContact *self);
const char  *regie_contact_get_uid             (RegieContact *self);
void         regie_contact_set_uid             (RegieContact *self,
                                                const char   *uid);
/* 0: not at any organisation in the network. */
gint64       regie_contact_get_organisation_id (RegieContact *self);
void         regie_contact_set_organisation_id (RegieContact *self,
                                                gint64        organisation_id);
/* The organisation's name, as loaded from the store ("" when none). */
const char  *regie_contact_get_organisation_name (RegieContact *self);
const char  *regie_contact_get_name            (RegieContact *self);
void         regie_contact_set_name            (RegieContact *self,
                                                const char   *name);
/* The unit within the organisation (vCard ORG's second part). */
const char  *regie_contact_get_department      (RegieContact *self);
void         regie_contact_set_department      (RegieContact *self,
                                                const char   *department);
const char  *regie_contact_get_title           (RegieContact *self);
void         regie_contact_set_title           (RegieContact *self,
                                                const char   *title);
const char  *regie_contact_get_role            (RegieContact *self);
void         regie_contact_set_role            (RegieContact *self,
                                                const char   *role);
const char  *regie_contact_get_phone           (RegieContact *self);
void         regie_contact_set_phone           (RegieContact *self,
                                                const char   *phone);
const char  *regie_contact_get_mobile          (RegieContact *self);
void         regie_contact_set_mobile          (RegieContact *self,
                                                const char   *mobile);
const char  *regie_contact_get_email           (RegieContact *self);
void         regie_contact_set_email           (RegieContact *self,
                                                const char   *email);
const char  *regie_contact_get_notes           (RegieContact *self);
void         regie_contact_set_notes           (RegieContact *self,
                                                const char   *notes);
const char  *regie_contact_get_checked_at      (RegieContact *self);
void         regie_contact_set_checked_at      (RegieContact *self,
                                                const char   *iso_date);

/* The contacts of an organisation, by name. */
GListModel  *regie_contact_list_for_organisation (RegieStore *store,
                                                gint64        organisation_id,
                                                GError      **error);
RegieContact *regie_contact_load               (RegieStore   *store,
                                                gint64        id,
                                                GError      **error);
gboolean     regie_contact_save                (RegieStore   *store,
                                                RegieContact *self,
                                                const char   *actor,
                                                GError      **error);
gboolean     regie_contact_delete              (RegieStore   *store,
                                                gint64        id,
                                                const char   *actor,
                                                GError      **error);

G_END_DECLS
