/* regie-person-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-person.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

/* Selecting these from "person p" gives what _regie_person_new_from_stmt () reads. */
#define REGIE_PERSON_COLUMNS \
  "p.id, p.given_names, p.initials, p.prefix, p.surname, p.preferred_name, p.birth_date, " \
  "p.bsn, p.phone, p.email, p.street, p.house_number, p.postcode, p.city, p.language, " \
  "p.interpreter_needed, p.digid_status, p.notes, p.created_at, p.updated_at"
#define REGIE_PERSON_N_COLUMNS 20

RegiePerson *_regie_person_new_from_stmt (sqlite3_stmt  *stmt,
                                          int            first_column);
gboolean     _regie_person_normalize     (RegiePerson   *self,
                                          GError       **error);
gboolean     _regie_person_insert        (RegieStore    *store,
                                          RegiePerson   *self,
                                          const char    *now,
                                          GError       **error);
void         _regie_person_forget_id     (RegiePerson   *self);
GListModel  *_regie_person_load_many     (RegieStore    *store,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);
char        *_regie_person_compute_sort_key (const char *given_names,
                                          const char    *initials,
                                          const char    *prefix,
                                          const char    *surname,
                                          const char    *preferred_name);
void         _regie_person_compute_names (const char    *given_names,
                                          const char    *initials,
                                          const char    *prefix,
                                          const char    *surname,
                                          const char    *preferred_name,
                                          char         **display_name,
                                          char         **list_name);

G_END_DECLS
