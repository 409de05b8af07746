/* test-recovery.c — the recovery key on the "key missing" screen opens the store
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch. The keyring item of the store is removed while the app runs, as when a keyring
 * is reset; the screen then offers the recovery key, which opens the store again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "regie-application.h"
#include "regie-backup.h"
#include "regie-backup-dialogs.h"
#include "regie-keyring.h"
#include "regie-recovery.h"
#include "regie-store-error-page.h"
#include "regie-store-private.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_autoptr(AdwMessageDialog) hold = g_object_ref (dialog);

  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
check_recovery_key_screen (RegieWindow *window)
{
  g_autoptr(RegieStore) store = g_object_ref (regie_window_get_store (window));
  g_autofree char *id = g_strdup (regie_store_get_id (store));
  char *recovery_key = regie_store_dup_recovery_key (store);
  g_autofree char *typo = g_strdup (recovery_key);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GtkEditable *entry;
  guint8 key[REGIE_KEY_SIZE];
  gboolean found = FALSE;

  /* A store whose key was never shown (the test harness marks it shown): the window offers
   * it by itself, in Dutch, with the key in groups. */
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store),
                                 "DELETE FROM store_info WHERE key = 'recovery-key-shown';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (regie_recovery_key_was_shown (store));
  regie_window_set_store (window, NULL);
  g_object_set_data (G_OBJECT (window), "regie-recovery-key-offered", NULL);
  regie_window_set_store (window, store);
  wait_for ((dialog = find_dialog ("Uw herstelsleutel")) != NULL, "the recovery key to be offered");
  wait_for (regie_test_find_label (GTK_WIDGET (dialog), "Ik heb hem bewaard") != NULL,
            "the dialog to show “Ik heb hem bewaard”");
  respond (dialog, "saved");
  g_assert_true (regie_recovery_key_was_shown (store));

  /* Once kept, it is not offered again; the menu still shows it. */
  regie_window_set_store (window, NULL);
  g_object_set_data (G_OBJECT (window), "regie-recovery-key-offered", NULL);
  regie_window_set_store (window, store);
  regie_test_settle ();
  g_usleep (700000);
  regie_test_settle ();
  g_assert_null (find_dialog ("Uw herstelsleutel"));
  regie_recovery_key_dialog_run (window);
  wait_for ((dialog = find_dialog ("Uw herstelsleutel")) != NULL, "the recovery key from the menu");
  respond (dialog, "saved");

  /* The keyring item is lost. */
  g_assert_true (regie_keyring_clear_key (id, NULL, &error));
  g_assert_no_error (error);
  regie_window_open_store (window);
  wait_for (g_strcmp0 (_regie_window_get_visible_page (window), "error") == 0, "the key-missing screen");

  button = regie_test_find_button_for_action (_regie_window_get_error_page (window), "app.enter-recovery-key");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Herstelsleutel invoeren…");
  gtk_widget_activate (button);
  wait_for ((dialog = find_dialog ("Herstelsleutel invoeren")) != NULL, "the recovery key entry");

  /* A typo is caught by the check group, and the dialog comes back saying so. */
  typo[3] = typo[3] == 'A' ? 'B' : 'A';
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gtk_editable_set_text (entry, typo);
  respond (dialog, "open");
  wait_for ((dialog = find_dialog ("Herstelsleutel invoeren")) != NULL, "the entry to come back");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "verkeerd"));
  g_assert_cmpstr (_regie_window_get_visible_page (window), ==, "error");

  /* Typed as a person would: lower case, spaces for dashes. */
  {
    g_autofree char *typed = g_ascii_strdown (recovery_key, -1);

    g_strdelimit (typed, "-", ' ');
    entry = g_object_get_data (G_OBJECT (dialog), "entry");
    gtk_editable_set_text (entry, typed);
    respond (dialog, "open");
  }
  wait_for (regie_test_window_reached_main (window), "the store to open with the recovery key");
  g_assert_cmpstr (regie_store_get_id (regie_window_get_store (window)), ==, id);

  /* The key is back in the keyring. */
  g_assert_true (regie_keyring_lookup_key (id, key, &found, NULL, &error));
  g_assert_true (found);

  regie_recovery_key_free (recovery_key);
}

/* The backup dialog: "Back-up maken" only with two equal passphrases of 10 or more characters. */
static void
check_backup_dialog (RegieWindow *window)
{
  AdwMessageDialog *dialog;
  GtkEditable *first, *second;

  dialog = ADW_MESSAGE_DIALOG (regie_backup_passphrase_dialog_new (GTK_WINDOW (window),
                                                                   "/tmp/regie-back-up-proef.regiebackup"));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)), "the backup dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Back-up maken");
  first = g_object_get_data (G_OBJECT (dialog), "first");
  second = g_object_get_data (G_OBJECT (dialog), "second");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "backup"));

  gtk_editable_set_text (first, "kort");
  gtk_editable_set_text (second, "kort");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "backup"));
  wait_for (regie_test_find_label (GTK_WIDGET (dialog), "Te kort: gebruik minstens 10 tekens") != NULL,
            "the too-short hint");

  gtk_editable_set_text (first, "Proef zin voor de back-up");
  gtk_editable_set_text (second, "Proef zin voor de back-u");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "backup"));
  wait_for (regie_test_find_label (GTK_WIDGET (dialog), "De twee wachtwoordzinnen zijn niet gelijk") != NULL,
            "the differ hint");

  gtk_editable_set_text (second, "Proef zin voor de back-up");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "backup"));
  wait_for (regie_test_find_label (GTK_WIDGET (dialog), "Sterk") != NULL, "the strength hint");

  respond (dialog, "cancel");
}

static void
test_backup_dialog (void)
{
  regie_test_run_app (FALSE, check_backup_dialog, NULL);
}

static char *
marker (RegieStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (store),
                                       "SELECT group_concat (value) FROM store_info WHERE key LIKE 'test-marker%';",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Restore from the menu (after the file chooser): wrong passphrase refused, then the
 * destructive confirmation, then the window runs on the restored store. */
static void
check_restore (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  g_autofree char *old_id = g_strdup (regie_store_get_id (store));
  g_autofree char *backup = g_build_filename (g_get_user_data_dir (), "proef.regiebackup", NULL);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store),
                                 "INSERT INTO store_info VALUES ('test-marker-1', 'voor');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (regie_backup_write (store, backup, "Proef zin voor de back-up", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store),
                                 "INSERT INTO store_info VALUES ('test-marker-2', 'na');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  regie_restore_dialog_run_for_file (window, backup);
  wait_for ((dialog = find_dialog ("Back-up terugzetten")) != NULL, "the passphrase question");
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gtk_editable_set_text (entry, "Proef zin voor de back-up?");
  respond (dialog, "restore");
  wait_for ((dialog = find_dialog ("Back-up terugzetten")) != NULL, "the question to come back");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "gaat de back-up niet open"));
  g_assert_cmpstr (regie_store_get_id (regie_window_get_store (window)), ==, old_id);

  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gtk_editable_set_text (entry, "Proef zin voor de back-up");
  respond (dialog, "restore");
  wait_for ((dialog = find_dialog ("Uw huidige gegevens vervangen?")) != NULL, "the confirmation");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (dialog, "replace");

  wait_for (regie_window_get_store (window) != NULL &&
            g_strcmp0 (regie_store_get_id (regie_window_get_store (window)), old_id) != 0 &&
            regie_test_window_reached_main (window),
            "the window to open the restored store");
  value = marker (regie_window_get_store (window));
  g_assert_cmpstr (value, ==, "voor");

  /* A new key, so its recovery key is offered. */
  wait_for ((dialog = find_dialog ("Uw herstelsleutel")) != NULL, "the new recovery key");
  respond (dialog, "later");
}

static void
test_restore (void)
{
  regie_test_run_app (FALSE, check_restore, NULL);
}

static void
test_recovery_key_screen (void)
{
  regie_test_run_app (FALSE, check_recovery_key_screen, NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/recovery/key-missing-screen", test_recovery_key_screen);
  g_test_add_func ("/backup/passphrase-dialog", test_backup_dialog);
  g_test_add_func ("/backup/restore", test_restore);

  return g_test_run ();
}
