/* test-recovery.c — the recovery key, and rotating the key (rekey)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "regie-recovery.h"
#include "regie-store-private.h"
#include "regie-test-util.h"

typedef struct
{
  char *home;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->home = regie_test_make_data_home ();
  f->dir = g_build_filename (f->home, "regie", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  regie_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->dir);
}

static RegieStore *
open_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RegieStore *store = regie_store_open (f->dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
exec_ok (RegieStore *store,
         const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static char *
marker (RegieStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (store),
                                       "SELECT value FROM store_info WHERE key = 'test-marker';",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
test_format_parse (void)
{
  guint8 key[REGIE_KEY_SIZE];
  guint8 back[REGIE_KEY_SIZE];
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 200; round++)
    {
      g_auto(GStrv) groups = NULL;
      char *text;
      char *sloppy;
      guint pos;
      char good;

      for (guint i = 0; i < REGIE_KEY_SIZE; i++)
        key[i] = (guint8) g_test_rand_int_range (0, 256);

      text = regie_recovery_key_format (key);
      groups = g_strsplit (text, "-", -1);
      g_assert_cmpuint (g_strv_length (groups), ==, REGIE_RECOVERY_KEY_GROUPS);
      for (guint g = 0; groups[g]; g++)
        g_assert_cmpuint (strlen (groups[g]), ==, REGIE_RECOVERY_KEY_GROUP_CHARS);

      g_assert_true (regie_recovery_key_parse (text, back, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (back, sizeof back, key, sizeof key);

      /* Typed in lower case, with spaces instead of dashes. */
      sloppy = g_ascii_strdown (text, -1);
      g_strdelimit (sloppy, "-", ' ');
      g_assert_true (regie_recovery_key_parse (sloppy, back, &error));
      g_assert_cmpmem (back, sizeof back, key, sizeof key);
      g_free (sloppy);

      /* One wrong character is caught (2^-20 chance to slip through: allow none here). */
      pos = (guint) g_test_rand_int_range (0, (gint) strlen (text));
      if (text[pos] == '-')
        pos++;
      good = text[pos];
      text[pos] = good == 'Z' ? 'Y' : (good == '9' ? 'A' : (char) (good + 1));
      if (text[pos] == 'I' || text[pos] == 'L' || text[pos] == 'O' || text[pos] == 'U')
        text[pos]++;
      g_assert_false (regie_recovery_key_parse (text, back, &error));
      g_assert_error (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID);
      g_clear_error (&error);

      regie_recovery_key_free (text);
    }

  g_assert_false (regie_recovery_key_parse ("ABC", back, &error));
  g_assert_error (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID);
}

static void
test_recovery_opens_store (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RegieStore) store = open_ok (f);
  g_autoptr(RegieStore) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (regie_store_get_id (store));
  g_autofree char *value = NULL;
  char *recovery = regie_store_dup_recovery_key (store);
  guint8 other[REGIE_KEY_SIZE];
  char *wrong;

  exec_ok (store, "INSERT INTO store_info VALUES ('test-marker', 'Fictief 1');");
  regie_store_close (store);
  g_clear_object (&store);

  /* The keyring item is lost: the store reports KEY_MISSING … */
  g_assert_true (regie_keyring_clear_key (id, NULL, &error));
  store = regie_store_open (f->dir, NULL, &error);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING);
  g_assert_null (store);
  g_clear_error (&error);

  /* … a valid recovery key of another store is refused and changes nothing … */
  _regie_store_random_key (other);
  wrong = regie_recovery_key_format (other);
  store = regie_store_open_with_recovery_key (f->dir, wrong, NULL, &error);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);
  g_assert_null (store);
  g_clear_error (&error);
  regie_recovery_key_free (wrong);
  store = regie_store_open (f->dir, NULL, &error);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING);
  g_clear_error (&error);

  /* … and its own recovery key opens it and puts the key back. */
  recovered = regie_store_open_with_recovery_key (f->dir, recovery, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  value = marker (recovered);
  g_assert_cmpstr (value, ==, "Fictief 1");
  regie_store_close (recovered);
  g_clear_object (&recovered);

  recovered = open_ok (f);
  g_assert_cmpstr (regie_store_get_id (recovered), ==, id);
  regie_store_close (recovered);

  regie_recovery_key_free (recovery);
  regie_keyring_clear_key (id, NULL, NULL);
}

static void
test_rekey (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RegieStore) store = open_ok (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (regie_store_get_id (store));
  g_autofree char *value = NULL;
  g_autofree char *report = NULL;
  char *before = regie_store_dup_recovery_key (store);
  char *after;
  guint8 key[REGIE_KEY_SIZE];
  guint8 old_key[REGIE_KEY_SIZE];
  gboolean found = TRUE;

  exec_ok (store, "INSERT INTO store_info VALUES ('test-marker', 'Proef 2');");
  g_assert_true (regie_recovery_key_parse (before, old_key, NULL));
  g_assert_true (regie_store_rekey (store, NULL, &error));
  g_assert_no_error (error);

  after = regie_store_dup_recovery_key (store);
  g_assert_cmpstr (after, !=, before);
  /* The window's connection keeps working, and a worker connection uses the new key. */
  exec_ok (store, "UPDATE store_info SET value = 'Proef 3' WHERE key = 'test-marker';");
  {
    g_autoptr(RegieStore) worker = regie_store_open_worker_connection (store, &error);

    g_assert_no_error (error);
    value = marker (worker);
    g_assert_cmpstr (value, ==, "Proef 3");
    g_clear_pointer (&value, g_free);
  }
  regie_store_close (store);
  g_clear_object (&store);

  g_assert_true (regie_keyring_lookup_key_in_slot (id, REGIE_KEY_SLOT_NEXT, key, &found, NULL, &error));
  g_assert_false (found);

  /* The old key no longer opens the file; the keyring's does. */
  {
    g_autofree char *path = g_build_filename (f->dir, "regie.db", NULL);
    sqlite3 *db = _regie_store_open_raw (path, old_key, &error);

    g_assert_null (db);
    g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);
    g_clear_error (&error);
  }
  store = open_ok (f);
  value = marker (store);
  g_assert_cmpstr (value, ==, "Proef 3");
  g_assert_true (regie_store_check_integrity (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");

  regie_recovery_key_free (before);
  regie_recovery_key_free (after);
  regie_store_close (store);
  regie_keyring_clear_key (id, NULL, NULL);
}

/* The state a kill right after PRAGMA rekey leaves: CURRENT is the old key, NEXT opens. */
static void
test_open_promotes_next_key (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RegieStore) store = open_ok (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (regie_store_get_id (store));
  g_autofree char *recovery = regie_store_dup_recovery_key (store);
  guint8 real[REGIE_KEY_SIZE];
  guint8 stale[REGIE_KEY_SIZE];
  guint8 key[REGIE_KEY_SIZE];
  gboolean found = FALSE;

  regie_store_close (store);
  g_clear_object (&store);
  g_assert_true (regie_recovery_key_parse (recovery, real, NULL));
  _regie_store_random_key (stale);

  g_assert_true (regie_keyring_store_key (id, stale, NULL, &error));
  g_assert_true (regie_keyring_store_key_in_slot (id, REGIE_KEY_SLOT_NEXT, real, NULL, &error));
  store = open_ok (f);
  regie_store_close (store);
  g_clear_object (&store);

  g_assert_true (regie_keyring_lookup_key (id, key, &found, NULL, &error));
  g_assert_true (found);
  g_assert_cmpmem (key, sizeof key, real, sizeof real);
  g_assert_true (regie_keyring_lookup_key_in_slot (id, REGIE_KEY_SLOT_NEXT, key, &found, NULL, &error));
  g_assert_false (found);

  /* A kill before PRAGMA rekey: CURRENT opens, the stale NEXT key is dropped. */
  g_assert_true (regie_keyring_store_key_in_slot (id, REGIE_KEY_SLOT_NEXT, stale, NULL, &error));
  store = open_ok (f);
  regie_store_close (store);
  g_assert_true (regie_keyring_lookup_key_in_slot (id, REGIE_KEY_SLOT_NEXT, key, &found, NULL, &error));
  g_assert_false (found);

  /* Neither fits: still the ordinary error, nothing promoted. */
  g_assert_true (regie_keyring_store_key (id, stale, NULL, &error));
  g_assert_true (regie_keyring_store_key_in_slot (id, REGIE_KEY_SLOT_NEXT, stale, NULL, &error));
  g_clear_object (&store);
  store = regie_store_open (f->dir, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY);

  regie_keyring_clear_key (id, NULL, NULL);
  regie_keyring_clear_key_in_slot (id, REGIE_KEY_SLOT_NEXT, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recovery/format-parse", test_format_parse);
  g_test_add ("/recovery/opens-store-without-keyring-item", Fixture, NULL,
              fixture_set_up, test_recovery_opens_store, fixture_tear_down);
  g_test_add ("/recovery/rekey", Fixture, NULL, fixture_set_up, test_rekey, fixture_tear_down);
  g_test_add ("/recovery/open-promotes-next-key", Fixture, NULL,
              fixture_set_up, test_open_promotes_next_key, fixture_tear_down);
  return g_test_run ();
}
