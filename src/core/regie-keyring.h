/* regie-keyring.h — the store key in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REGIE_KEY_SIZE 32

/* Errors are reported in REGIE_STORE_ERROR: KEYRING_UNAVAILABLE or KEYRING_LOCKED. */
gboolean  regie_keyring_store_key  (const char    *store_id,
                                    const guint8  *key,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean  regie_keyring_lookup_key (const char    *store_id,
                                    guint8        *key_out,
                                    gboolean      *found,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean  regie_keyring_clear_key  (const char    *store_id,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
