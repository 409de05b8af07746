/* regie-backup.h — encrypted backups of the store, and restoring them into a new store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

/* Errors are REGIE_STORE_ERROR: WRONG_KEY for a wrong passphrase (or not a backup),
 * NEWER_SCHEMA, DISK_FULL, IO, and the keyring codes for restore. */

gboolean    regie_backup_write             (RegieStore          *store,
                                            const char          *path,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GError             **error);
void        regie_backup_write_async       (RegieStore          *store,
                                            const char          *path,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    regie_backup_write_finish      (GAsyncResult        *result,
                                            GError             **error);

gboolean    regie_backup_check_passphrase  (const char          *path,
                                            const char          *passphrase,
                                            GError             **error);
RegieStore *regie_backup_restore           (const char          *path,
                                            const char          *passphrase,
                                            const char          *dir,
                                            GCancellable        *cancellable,
                                            GError             **error);
void        regie_backup_restore_async     (const char          *path,
                                            const char          *passphrase,
                                            const char          *dir,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
RegieStore *regie_backup_restore_finish    (GAsyncResult        *result,
                                            GError             **error);

/* 0 (weak) … 3 (strong): a hint for the passphrase field, not a rule */
guint       regie_backup_passphrase_strength (const char        *passphrase);

G_END_DECLS
