/* regie-person.h — an inwoner: name, birth date, BSN, contact details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_DIGID_STATUS_UNKNOWN,
  REGIE_DIGID_STATUS_HAS,
  REGIE_DIGID_STATUS_NONE,
  REGIE_DIGID_STATUS_REQUESTED_WITH_HELP,
  REGIE_DIGID_STATUS_MACHTIGING,           /* someone else acts with an authorisation */
} RegieDigidStatus;

#define REGIE_TYPE_DIGID_STATUS (regie_digid_status_get_type ())
GType         regie_digid_status_get_type      (void) G_GNUC_CONST;
const char   *regie_digid_status_get_label     (RegieDigidStatus  status);

#define REGIE_TYPE_PERSON (regie_person_get_type ())

G_DECLARE_FINAL_TYPE (RegiePerson, regie_person, REGIE, PERSON, GObject)

/* Every property has a getter and a setter below; text is never NULL (unset is ""), except
 * birth-date and bsn, which are NULL when not known. Setters store what they are given,
 * trimmed; regie_person_save () checks and normalises (BSN elfproef, postcode "1234 AB",
 * ISO birth date, e-mail and phone shape) and fails with a REGIE_VALIDATE_ERROR. */
RegiePerson  *regie_person_new                 (void);

gint64        regie_person_get_id              (RegiePerson      *self);
const char   *regie_person_get_given_names     (RegiePerson      *self);
void          regie_person_set_given_names     (RegiePerson      *self,
                                                const char       *given_names);
const char   *regie_person_get_initials        (RegiePerson      *self);
void          regie_person_set_initials        (RegiePerson      *self,
                                                const char       *initials);
const char   *regie_person_get_prefix          (RegiePerson      *self);
void          regie_person_set_prefix          (RegiePerson      *self,
                                                const char       *prefix);
const char   *regie_person_get_surname         (RegiePerson      *self);
void          regie_person_set_surname         (RegiePerson      *self,
                                                const char       *surname);
const char   *regie_person_get_preferred_name  (RegiePerson      *self);
void          regie_person_set_preferred_name  (RegiePerson      *self,
                                                const char       *preferred_name);
const char   *regie_person_get_birth_date      (RegiePerson      *self);
void          regie_person_set_birth_date      (RegiePerson      *self,
                                                const char       *iso_date);
const char   *regie_person_get_bsn             (RegiePerson      *self);
void          regie_person_set_bsn             (RegiePerson      *self,
                                                const char       *bsn);
const char   *regie_person_get_phone           (RegiePerson      *self);
void          regie_person_set_phone           (RegiePerson      *self,
                                                const char       *phone);
const char   *regie_person_get_email           (RegiePerson      *self);
void          regie_person_set_email           (RegiePerson      *self,
                                                const char       *email);
const char   *regie_person_get_street          (RegiePerson      *self);
void          regie_person_set_street          (RegiePerson      *self,
                                                const char       *street);
const char   *regie_person_get_house_number    (RegiePerson      *self);
void          regie_person_set_house_number    (RegiePerson      *self,
                                                const char       *house_number);
const char   *regie_person_get_postcode        (RegiePerson      *self);
void          regie_person_set_postcode        (RegiePerson      *self,
                                                const char       *postcode);
const char   *regie_person_get_city            (RegiePerson      *self);
void          regie_person_set_city            (RegiePerson      *self,
                                                const char       *city);
const char   *regie_person_get_language        (RegiePerson      *self);
void          regie_person_set_language        (RegiePerson      *self,
                                                const char       *language);
gboolean      regie_person_get_interpreter_needed (RegiePerson   *self);
void          regie_person_set_interpreter_needed (RegiePerson   *self,
                                                gboolean          interpreter_needed);
RegieDigidStatus regie_person_get_digid_status (RegiePerson      *self);
void          regie_person_set_digid_status    (RegiePerson      *self,
                                                RegieDigidStatus  status);
const char   *regie_person_get_notes           (RegiePerson      *self);
void          regie_person_set_notes           (RegiePerson      *self,
                                                const char       *notes);
const char   *regie_person_get_created_at      (RegiePerson      *self);
const char   *regie_person_get_updated_at      (RegiePerson      *self);

/* Read-only, follow the name fields: "Jan van der Berg" (preferred name, else given names,
 * else initials), "Berg, Jan van der", and the folded key lists are sorted by. */
const char   *regie_person_get_display_name    (RegiePerson      *self);
const char   *regie_person_get_list_name       (RegiePerson      *self);
const char   *regie_person_get_sort_key        (RegiePerson      *self);
int           regie_person_get_age             (RegiePerson      *self,
                                                const char       *today);

/* Lower case, accents and other marks removed: "Çelik" → "celik". */
char         *regie_name_fold                  (const char       *text);

/* A person is created together with their first dossier (regie_case_create ()) and deleted
 * with their last one (regie_case_delete ()). regie_person_save () updates an existing
 * person and the search index of all their dossiers; regie_person_delete () removes the
 * person with all their dossiers. actor: see regie_audit_record (). */
RegiePerson  *regie_person_load                (RegieStore       *store,
                                                gint64            id,
                                                GError          **error);
gboolean      regie_person_save                (RegieStore       *store,
                                                RegiePerson      *self,
                                                const char       *actor,
                                                GError          **error);
gboolean      regie_person_delete              (RegieStore       *store,
                                                gint64            id,
                                                const char       *actor,
                                                GError          **error);

/* "Find the inwoner first": persons whose names, birth date (12-3-1980), BSN or postcode
 * match what was typed, in list order. A GListModel of RegiePerson. */
GListModel   *regie_person_find                (RegieStore       *store,
                                                const char       *text,
                                                guint             limit,
                                                GError          **error);
/* Persons that may be the same as person (not saved yet, or saved): same BSN, same birth
 * date, or same surname and first given name; the likeliest first. */
GListModel   *regie_person_find_duplicates     (RegieStore       *store,
                                                RegiePerson      *person,
                                                guint             limit,
                                                GError          **error);

G_END_DECLS
