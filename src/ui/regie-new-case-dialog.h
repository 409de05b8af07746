/* regie-new-case-dialog.h — find or register the inwoner, then write down their question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_NEW_CASE_DIALOG (regie_new_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RegieNewCaseDialog, regie_new_case_dialog, REGIE, NEW_CASE_DIALOG, AdwWindow)

/* A new dossier, starting with finding the inwoner. */
RegieNewCaseDialog *regie_new_case_dialog_new      (RegieStore         *store);
/* Changing the inwoner and question of an existing dossier. */
RegieNewCaseDialog *regie_new_case_dialog_new_edit (RegieStore         *store,
                                                    RegieCase          *kase);

/* For the tests and the screenshot tool: "find", "person" or "case", and the widgets. */
const char *_regie_new_case_dialog_get_step       (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_search_row (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_matches    (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_duplicates (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_editor     (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_question   (RegieNewCaseDialog *self);
GtkWidget  *_regie_new_case_dialog_get_theme_check (RegieNewCaseDialog *self,
                                                    const char         *theme_id);

G_END_DECLS
