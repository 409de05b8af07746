/* regie-store.h — the encrypted SQLCipher store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REGIE_STORE_ERROR (regie_store_error_quark ())

/* Each code has its own screen in the UI and its own message on the command line. */
typedef enum
{
  REGIE_STORE_ERROR_KEYRING_UNAVAILABLE, /* no Secret Service answers */
  REGIE_STORE_ERROR_KEYRING_LOCKED,      /* keyring locked, unlock refused or dismissed */
  REGIE_STORE_ERROR_KEY_MISSING,         /* a store exists, its key is not in the keyring */
  REGIE_STORE_ERROR_WRONG_KEY,           /* the key does not open the file, or it is not a store */
  REGIE_STORE_ERROR_NEWER_SCHEMA,        /* written by a newer Regie */
  REGIE_STORE_ERROR_CORRUPT,             /* integrity problems */
  REGIE_STORE_ERROR_DISK_FULL,           /* no space left on the device */
  REGIE_STORE_ERROR_IO,                  /* any other read/write/permission problem */
  REGIE_STORE_ERROR_NOT_ENCRYPTED,       /* linked SQLite is not SQLCipher: refuse to run */
} RegieStoreError;

#define REGIE_TYPE_STORE (regie_store_get_type ())

G_DECLARE_FINAL_TYPE (RegieStore, regie_store, REGIE, STORE, GObject)

GQuark        regie_store_error_quark        (void);
const char   *regie_store_error_title        (RegieStoreError   code);
const char   *regie_store_error_advice       (RegieStoreError   code);
gboolean      regie_store_error_can_retry    (RegieStoreError   code);

gboolean      regie_store_check_encryption   (GError          **error);
char         *regie_store_default_dir        (void);

RegieStore   *regie_store_open               (const char       *dir,
                                              GCancellable     *cancellable,
                                              GError          **error);
void          regie_store_open_async         (const char       *dir,
                                              GCancellable     *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer          user_data);
RegieStore   *regie_store_open_finish        (GAsyncResult     *result,
                                              GError          **error);
RegieStore   *regie_store_new_ephemeral      (const char       *dir,
                                              GError          **error);
RegieStore   *regie_store_open_worker_connection (RegieStore   *self,
                                              GError          **error);

const char   *regie_store_get_dir            (RegieStore       *self);
const char   *regie_store_get_path           (RegieStore       *self);
const char   *regie_store_get_id             (RegieStore       *self);
gboolean      regie_store_get_ephemeral      (RegieStore       *self);
int           regie_store_get_schema_version (RegieStore       *self);
char         *regie_store_get_cipher_version (RegieStore       *self);

gboolean      regie_store_begin              (RegieStore       *self,
                                              GError          **error);
gboolean      regie_store_commit             (RegieStore       *self,
                                              GError          **error);
void          regie_store_rollback           (RegieStore       *self);

gboolean      regie_store_check_integrity    (RegieStore       *self,
                                              char            **report,
                                              GError          **error);
void          regie_store_close              (RegieStore       *self);

gboolean      regie_store_rekey              (RegieStore       *self,
                                              GCancellable     *cancellable,
                                              GError          **error);
char         *regie_store_dup_recovery_key   (RegieStore       *self);
RegieStore   *regie_store_open_with_recovery_key (const char   *dir,
                                              const char       *recovery_key,
                                              GCancellable     *cancellable,
                                              GError          **error);


G_END_DECLS
