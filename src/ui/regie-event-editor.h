/* regie-event-editor.h — add, change or delete one timeline item, with a form for its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-event.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_EVENT_EDITOR (regie_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (RegieEventEditor, regie_event_editor, REGIE, EVENT_EDITOR, AdwWindow)

/* event with id 0 is new and is added to the dossier case_id on save. Emits "changed" after
 * a save or delete. */
GtkWidget *regie_event_editor_new  (GtkWindow   *parent,
                                    RegieStore  *store,
                                    gint64       case_id,
                                    RegieEvent  *event);

/* "3-3-2026 10:30", "3-3-2026", "3-2026" or "2026" (Europe/Amsterdam) as stored; FALSE if
 * it is none of these. For the tests too. */
gboolean   regie_event_editor_parse_when (const char      *text,
                                          char           **when,
                                          RegiePrecision  *precision);

G_END_DECLS
