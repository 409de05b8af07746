/* regie-keyring.c — the store key in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "regie-keyring.h"
#include "regie-store.h"

/* The key lives as 64 hex characters; the attribute names the store, so that a demo or
 * restored store never shares a key with the real one. */
static const SecretSchema *
regie_key_schema (void)
{
  static const SecretSchema schema = {
    "io.github.loketregie.Regie.StoreKey",
    SECRET_SCHEMA_NONE,
    {
      { "store-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* A key saved just before PRAGMA rekey (regie_store_rekey ()). A schema of its own rather
 * than a second attribute: a lookup by store-id alone must never find this one. */
static const SecretSchema *
regie_next_key_schema (void)
{
  static const SecretSchema schema = {
    "io.github.loketregie.Regie.NextStoreKey",
    SECRET_SCHEMA_NONE,
    {
      { "store-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static const SecretSchema *
schema_for_slot (RegieKeySlot slot)
{
  return slot == REGIE_KEY_SLOT_NEXT ? regie_next_key_schema () : regie_key_schema ();
}

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    return TRUE;
  if (error->domain == G_IO_ERROR)
    return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (error->domain == G_SPAWN_ERROR)
    return TRUE;
  return FALSE;
}

/* libsecret reports a missing daemon, a locked collection and a dismissed prompt in
 * several domains; the user only needs to know which of two things to do about it. */
static void
propagate_keyring_error (GError **error,
                         GError  *source)
{
  RegieStoreError code;

  if (g_error_matches (source, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      !is_unavailable_error (source))
    code = REGIE_STORE_ERROR_KEYRING_LOCKED;
  else
    code = REGIE_STORE_ERROR_KEYRING_UNAVAILABLE;

  g_debug ("Keyring error: %s", source->message);
  g_set_error_literal (error, REGIE_STORE_ERROR, code, source->message);
  g_error_free (source);
}

static char *
key_to_hex (const guint8 *key)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (REGIE_KEY_SIZE * 2 + 1);

  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    {
      hex[2 * i] = digits[key[i] >> 4];
      hex[2 * i + 1] = digits[key[i] & 0xf];
    }
  hex[REGIE_KEY_SIZE * 2] = '\0';

  return hex;
}

static gboolean
hex_to_key (const char *hex,
            guint8     *key)
{
  if (hex == NULL || strlen (hex) != REGIE_KEY_SIZE * 2)
    return FALSE;

  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      key[i] = (guint8) (hi << 4 | lo);
    }

  return TRUE;
}

gboolean
regie_keyring_store_key (const char    *store_id,
                         const guint8  *key,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return regie_keyring_store_key_in_slot (store_id, REGIE_KEY_SLOT_CURRENT, key, cancellable, error);
}

gboolean
regie_keyring_store_key_in_slot (const char    *store_id,
                                 RegieKeySlot   slot,
                                 const guint8  *key,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GError *local_error = NULL;
  char *hex;
  gboolean ok;

  g_return_val_if_fail (store_id != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  hex = key_to_hex (key);
  ok = secret_password_store_sync (schema_for_slot (slot),
                                   SECRET_COLLECTION_DEFAULT,
                                   slot == REGIE_KEY_SLOT_NEXT ? _("Regie data key (new)")
                                                               : _("Regie data key"),
                                   hex, cancellable, &local_error,
                                   "store-id", store_id,
                                   NULL);
  explicit_bzero (hex, strlen (hex));
  g_free (hex);

  if (!ok)
    {
      propagate_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
regie_keyring_lookup_key (const char    *store_id,
                          guint8        *key_out,
                          gboolean      *found,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return regie_keyring_lookup_key_in_slot (store_id, REGIE_KEY_SLOT_CURRENT, key_out, found,
                                           cancellable, error);
}

gboolean
regie_keyring_lookup_key_in_slot (const char    *store_id,
                                  RegieKeySlot   slot,
                                  guint8        *key_out,
                                  gboolean      *found,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  GError *local_error = NULL;
  char *hex;
  gboolean ok;

  g_return_val_if_fail (store_id != NULL, FALSE);
  g_return_val_if_fail (key_out != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  hex = secret_password_lookup_nonpageable_sync (schema_for_slot (slot),
                                                 cancellable, &local_error,
                                                 "store-id", store_id,
                                                 NULL);
  if (local_error != NULL)
    {
      propagate_keyring_error (error, local_error);
      return FALSE;
    }

  if (hex == NULL)
    return TRUE;

  ok = hex_to_key (hex, key_out);
  secret_password_free (hex);

  /* An entry that is not a key is as good as no key: the store cannot be opened with it. */
  *found = ok;
  if (!ok)
    explicit_bzero (key_out, REGIE_KEY_SIZE);

  return TRUE;
}

gboolean
regie_keyring_clear_key (const char    *store_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return regie_keyring_clear_key_in_slot (store_id, REGIE_KEY_SLOT_CURRENT, cancellable, error);
}

gboolean
regie_keyring_clear_key_in_slot (const char    *store_id,
                                 RegieKeySlot   slot,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (store_id != NULL, FALSE);

  secret_password_clear_sync (schema_for_slot (slot), cancellable, &local_error,
                              "store-id", store_id,
                              NULL);
  if (local_error != NULL)
    {
      propagate_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
