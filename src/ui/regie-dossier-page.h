/* regie-dossier-page.h — one dossier: the inwoner, their question, status, tasks and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_DOSSIER_PAGE (regie_dossier_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieDossierPage, regie_dossier_page, REGIE, DOSSIER_PAGE, AdwBin)

/* Opens the dossier (which records that it was viewed) and shows it. */
gboolean    regie_dossier_page_open       (RegieDossierPage *self,
                                           RegieStore       *store,
                                           gint64            id,
                                           GError          **error);
/* Saves what is pending (notes) and lets go of the dossier. */
void        regie_dossier_page_clear      (RegieDossierPage *self);
RegieCase  *regie_dossier_page_get_case   (RegieDossierPage *self);

/* For the tests and the screenshot tool. */
GtkWidget  *_regie_dossier_page_get_task_row  (RegieDossierPage *self);
GtkWidget  *_regie_dossier_page_get_due_row   (RegieDossierPage *self);
GtkListBox *_regie_dossier_page_get_task_list (RegieDossierPage *self);
GtkWidget  *_regie_dossier_page_get_timeline_view (RegieDossierPage *self);
GtkWidget  *_regie_dossier_page_get_visit_bar     (RegieDossierPage *self);

G_END_DECLS
