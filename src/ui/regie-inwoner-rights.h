/* regie-inwoner-rights.h — the inwoner's rights from the dossier page: everything about
 * them as JSON (AVG art. 20) or as a readable PDF (art. 15), and erasure (art. 17)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

typedef void (*RegieErasedFunc) (gpointer user_data);

/* Asks for a file, then writes it; messages as toasts on the parent's AdwToastOverlay when
 * there is one, else in a dialog. */
void  regie_inwoner_rights_export (GtkWindow       *parent,
                                   RegieStore      *store,
                                   gint64           person_id,
                                   gboolean         pdf);
/* Asks for confirmation, naming the resident; erased is called after the erasure. */
void  regie_inwoner_rights_erase  (GtkWindow       *parent,
                                   RegieStore      *store,
                                   gint64           person_id,
                                   const char      *display_name,
                                   RegieErasedFunc  erased,
                                   gpointer         user_data);

G_END_DECLS
