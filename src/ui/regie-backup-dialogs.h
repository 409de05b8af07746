/* regie-backup-dialogs.h — back-up, restore and the recovery key, from the menu and the
 * error screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-window.h"

G_BEGIN_DECLS

void  regie_backup_dialog_run          (RegieWindow *window);
void  regie_restore_dialog_run         (RegieWindow *window);
void  regie_restore_dialog_run_for_file (RegieWindow *window,
                                        const char  *path);
void  regie_recovery_key_dialog_run    (RegieWindow *window);
void  regie_recovery_key_entry_run     (RegieWindow *window);
void  regie_recovery_key_offer         (RegieWindow *window);

/* The dialogs themselves, for tests and screenshots. */
GtkWidget *regie_backup_passphrase_dialog_new (GtkWindow  *parent,
                                               const char *path);
GtkWidget *regie_recovery_key_dialog_new      (GtkWindow  *parent,
                                               const char *recovery_key);
GtkWidget *regie_recovery_key_entry_dialog_new (GtkWindow *parent,
                                                const char *problem);

G_END_DECLS
