/* regie-person-editor.h — the form for an inwoner's details, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-person.h"

G_BEGIN_DECLS

#define REGIE_TYPE_PERSON_EDITOR (regie_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (RegiePersonEditor, regie_person_editor, REGIE, PERSON_EDITOR, AdwBin)

GtkWidget *regie_person_editor_new        (void);
void       regie_person_editor_set_person (RegiePersonEditor *self,
                                           RegiePerson       *person);
void       regie_person_editor_apply      (RegiePersonEditor *self,
                                           RegiePerson       *person);
gboolean   regie_person_editor_get_valid  (RegiePersonEditor *self);
void       regie_person_editor_focus      (RegiePersonEditor *self);

/* The input row of a field ("surname", "bsn", "birth-date", …), for the tests. */
GtkWidget *_regie_person_editor_get_row   (RegiePersonEditor *self,
                                           const char        *field);

G_END_DECLS
