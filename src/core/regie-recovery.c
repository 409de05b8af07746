/* regie-recovery.c — the store key as a recovery key a person can write down and type
 *
 * The 32-byte key becomes 52 characters of Crockford's base32 (no I, L, O or U, so nothing
 * reads as another character), followed by 4 check characters from the key's SHA-256: 56 in
 * all, shown as 8 groups of 7. Typing is forgiving: case, spaces and dashes do not matter,
 * and I/L read as 1, O as 0. A typo almost always fails the check group (1 in a million
 * passes), so a wrong character is caught before the store is even tried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-recovery.h"
#include "regie-store-private.h"

#define KEY_CHARS   52  /* ceil (256 / 5) */
#define CHECK_CHARS 4   /* 20 bits of SHA-256 */
#define TOTAL_CHARS (KEY_CHARS + CHECK_CHARS)

G_STATIC_ASSERT (TOTAL_CHARS == REGIE_RECOVERY_KEY_GROUPS * REGIE_RECOVERY_KEY_GROUP_CHARS);

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

G_DEFINE_QUARK (regie-recovery-error-quark, regie_recovery_error)

static int
char_value (char c)
{
  c = g_ascii_toupper (c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';

  for (int i = 0; i < 32; i++)
    if (alphabet[i] == c)
      return i;

  return -1;
}

/* The first 20 bits of SHA-256 (key), as 4 characters. */
static void
check_chars (const guint8 *key,
             char         *out)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  guint32 bits;

  g_checksum_update (checksum, key, REGIE_KEY_SIZE);
  g_checksum_get_digest (checksum, digest, &len);
  bits = ((guint32) digest[0] << 12) | ((guint32) digest[1] << 4) | (digest[2] >> 4);

  for (int i = 0; i < CHECK_CHARS; i++)
    out[i] = alphabet[(bits >> (5 * (CHECK_CHARS - 1 - i))) & 0x1f];
}

/**
 * regie_recovery_key_format:
 * @key: the REGIE_KEY_SIZE bytes of a store key
 *
 * Returns: (transfer full): "XXXXXXX-XXXXXXX-…", 8 groups; free with regie_recovery_key_free ()
 */
char *
regie_recovery_key_format (const guint8 *key)
{
  char plain[TOTAL_CHARS];
  char *text;
  guint32 buffer = 0;
  int bits = 0;
  int n = 0;
  gsize pos = 0;

  g_return_val_if_fail (key != NULL, NULL);

  for (int i = 0; i < REGIE_KEY_SIZE; i++)
    {
      buffer = (buffer << 8) | key[i];
      bits += 8;
      while (bits >= 5)
        {
          plain[n++] = alphabet[(buffer >> (bits - 5)) & 0x1f];
          bits -= 5;
        }
    }
  if (bits > 0)
    plain[n++] = alphabet[(buffer << (5 - bits)) & 0x1f];
  g_assert (n == KEY_CHARS);
  check_chars (key, plain + KEY_CHARS);

  text = g_malloc (TOTAL_CHARS + REGIE_RECOVERY_KEY_GROUPS);
  for (int i = 0; i < TOTAL_CHARS; i++)
    {
      if (i > 0 && i % REGIE_RECOVERY_KEY_GROUP_CHARS == 0)
        text[pos++] = '-';
      text[pos++] = plain[i];
    }
  text[pos] = '\0';

  explicit_bzero (plain, sizeof plain);
  explicit_bzero (&buffer, sizeof buffer);
  return text;
}

/**
 * regie_recovery_key_parse:
 * @text: what the user typed
 * @key_out: (out caller-allocates): REGIE_KEY_SIZE bytes
 * @error: return location for a #GError (REGIE_RECOVERY_ERROR_INVALID)
 *
 * Returns: %TRUE when @text is a well-formed recovery key; says nothing about which store
 */
gboolean
regie_recovery_key_parse (const char  *text,
                          guint8      *key_out,
                          GError     **error)
{
  int values[TOTAL_CHARS];
  char check[CHECK_CHARS];
  guint32 buffer = 0;
  int bits = 0;
  int n = 0;
  int out = 0;
  gboolean ok;

  g_return_val_if_fail (text != NULL && key_out != NULL, FALSE);

  for (const char *p = text; *p; p++)
    {
      int v;

      if (*p == '-' || g_ascii_isspace (*p))
        continue;
      v = char_value (*p);
      if (v < 0 || n == TOTAL_CHARS)
        {
          explicit_bzero (values, sizeof values);
          g_set_error_literal (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID,
                               v < 0 ? "The recovery key holds a character that is not in it"
                                     : "The recovery key is too long");
          return FALSE;
        }
      values[n++] = v;
    }

  if (n != TOTAL_CHARS)
    {
      explicit_bzero (values, sizeof values);
      g_set_error_literal (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID,
                           "The recovery key is too short");
      return FALSE;
    }

  for (int i = 0; i < KEY_CHARS; i++)
    {
      buffer = (buffer << 5) | (guint32) values[i];
      bits += 5;
      if (bits >= 8)
        {
          key_out[out++] = (guint8) (buffer >> (bits - 8));
          bits -= 8;
        }
    }
  g_assert (out == REGIE_KEY_SIZE);

  /* The 4 bits left over are always zero; then the check group must match. */
  check_chars (key_out, check);
  ok = (buffer & ((1u << bits) - 1)) == 0;
  for (int i = 0; i < CHECK_CHARS; i++)
    ok = ok && alphabet[values[KEY_CHARS + i]] == check[i];

  explicit_bzero (values, sizeof values);
  explicit_bzero (&buffer, sizeof buffer);

  if (!ok)
    {
      explicit_bzero (key_out, REGIE_KEY_SIZE);
      g_set_error_literal (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID,
                           "The check group of the recovery key does not match: a typing error");
      return FALSE;
    }

  return TRUE;
}

void
regie_recovery_key_free (char *recovery_key)
{
  if (recovery_key == NULL)
    return;

  explicit_bzero (recovery_key, strlen (recovery_key));
  g_free (recovery_key);
}

#define SHOWN_KEY "recovery-key-shown"

gboolean
regie_recovery_key_was_shown (RegieStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gboolean shown = FALSE;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (sqlite3_prepare_v2 (_regie_store_get_db (store),
                          "SELECT 1 FROM store_info WHERE key = '" SHOWN_KEY "';",
                          -1, &stmt, NULL) == SQLITE_OK)
    shown = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return shown;
}

gboolean
regie_recovery_key_mark_shown (RegieStore  *store,
                               GError     **error)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  db = _regie_store_get_db (store);
  rc = sqlite3_exec (db, "INSERT OR REPLACE INTO store_info (key, value) "
                         "VALUES ('" SHOWN_KEY "', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  return TRUE;
}
