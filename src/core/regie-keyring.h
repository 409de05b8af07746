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

/* CURRENT opens the store; NEXT exists only while a rekey is under way (or was cut off). */
typedef enum
{
  REGIE_KEY_SLOT_CURRENT,
  REGIE_KEY_SLOT_NEXT,
} RegieKeySlot;

gboolean  regie_keyring_store_key_in_slot  (const char    *store_id,
                                            RegieKeySlot   slot,
                                            const guint8  *key,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean  regie_keyring_lookup_key_in_slot (const char    *store_id,
                                            RegieKeySlot   slot,
                                            guint8        *key_out,
                                            gboolean      *found,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean  regie_keyring_clear_key_in_slot  (const char    *store_id,
                                            RegieKeySlot   slot,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
