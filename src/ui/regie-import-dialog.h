/* regie-import-dialog.h — the preview of an import: what will be added, updated, skipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-import-plan.h"

G_BEGIN_DECLS

#define REGIE_TYPE_IMPORT_DIALOG (regie_import_dialog_get_type ())

/* Nothing is written until "Import" is chosen; then the plan is applied in one transaction
 * and "imported" is emitted with the number of entries written. */
G_DECLARE_FINAL_TYPE (RegieImportDialog, regie_import_dialog, REGIE, IMPORT_DIALOG, AdwMessageDialog)

RegieImportDialog *regie_import_dialog_new (RegieStore      *store,
                                            RegieImportPlan *plan);

/* Shows at once with a spinner while the file is read in a thread; then the preview.
 * Closing it stops the reading. */
RegieImportDialog *regie_import_dialog_new_for_file (RegieStore *store,
                                                     GFile      *file);

/* For the tests. */
gboolean _regie_import_dialog_is_loading (RegieImportDialog *self);

G_END_DECLS
