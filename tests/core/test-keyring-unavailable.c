/* test-keyring-unavailable.c — a D-Bus session without any Secret Service
 *
 * Runs on a private bus (GTestDBus) that offers no services at all, so nothing can be
 * activated: this is a desktop where gnome-keyring is missing or broken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "regie-store-private.h"
#include "regie-test-util.h"

static void
test_existing_store_untouched (void)
{
  g_autofree char *home = regie_test_make_data_home ();
  g_autofree char *dir = g_build_filename (home, "regie", NULL);
  g_autoptr(RegieStore) made = NULL;
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint8 key[REGIE_KEY_SIZE] = { 1, 2, 3, 4 };

  /* The store exists from an earlier day, when the keyring still worked. */
  made = _regie_store_create_with_key (dir, key, &error);
  g_assert_no_error (error);
  path = g_strdup (regie_store_get_path (made));
  regie_store_close (made);
  before = regie_test_checksum_file (path);

  store = regie_store_open (dir, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEYRING_UNAVAILABLE);

  after = regie_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  regie_test_remove_tree (home);
}

static void
test_no_store_created (void)
{
  g_autofree char *home = regie_test_make_data_home ();
  g_autofree char *dir = g_build_filename (home, "regie", NULL);
  g_autofree char *path = g_build_filename (dir, "regie.db", NULL);
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a place for the key, a new store would be unreadable tomorrow: make none. */
  store = regie_store_open (dir, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEYRING_UNAVAILABLE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  regie_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/keyring-unavailable/existing-store-untouched", test_existing_store_untouched);
  g_test_add_func ("/keyring-unavailable/no-store-created", test_no_store_created);

  ret = g_test_run ();
  g_test_dbus_down (bus);
  return ret;
}
