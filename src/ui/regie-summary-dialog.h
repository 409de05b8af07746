/* regie-summary-dialog.h — preview, choose and edit the summary for the inwoner, then print
 * or save it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-document.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_SUMMARY_DIALOG (regie_summary_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RegieSummaryDialog, regie_summary_dialog, REGIE, SUMMARY_DIALOG, AdwWindow)

/* Of the whole dossier, or of one contact moment (contact NULL: the dossier). NULL (after
 * telling the casemanager) when the dossier could not be read. */
GtkWidget     *regie_summary_dialog_new          (GtkWindow   *parent,
                                                  RegieStore  *store,
                                                  RegieCase   *kase,
                                                  RegieEvent  *contact);
RegieDocument *regie_summary_dialog_get_document (RegieSummaryDialog *self);
/* For the tests: writes what Save as PDF would write. */
gboolean       _regie_summary_dialog_save_to     (RegieSummaryDialog *self,
                                                  const char         *path,
                                                  GError            **error);

G_END_DECLS
