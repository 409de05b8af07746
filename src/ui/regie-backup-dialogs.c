/* regie-backup-dialogs.c — back-up, restore and the recovery key, from the menu and the
 * error screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "regie-backup.h"
#include "regie-backup-dialogs.h"
#include "regie-recovery.h"

static void
free_secret (char *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_store_error (GtkWindow    *parent,
                  const char   *heading,
                  const GError *error)
{
  RegieStoreError code = error->domain == REGIE_STORE_ERROR ? error->code : REGIE_STORE_ERROR_IO;

  /* The technical message may hold a path with the user's name: not in the log. */
  g_debug ("Backup or restore failed: %s %d", g_quark_to_string (error->domain), error->code);
  show_message (parent, heading, regie_store_error_advice (code));
}

static gboolean
pulse_cb (gpointer bar)
{
  gtk_progress_bar_pulse (bar);
  return G_SOURCE_CONTINUE;
}

/* A pulsing bar while a thread works; the caller destroys the dialog when it is done. */
static GtkWidget *
progress_dialog_new (GtkWindow  *parent,
                     const char *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_set_margin_top (bar, 12);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  g_object_set_data (G_OBJECT (dialog), "pulse-source",
                     GUINT_TO_POINTER (g_timeout_add_full (G_PRIORITY_DEFAULT, 100, pulse_cb,
                                                           g_object_ref (bar), g_object_unref)));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
progress_dialog_done (GtkWidget *dialog)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "pulse-source"));

  g_source_remove (source);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Back-up maken … */

static GtkWidget *
password_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  return entry;
}

static const char *
strength_text (guint strength)
{
  switch (strength)
    {
    case 0:
      return _("Too short: use at least 10 characters");
    case 1:
      return _("Weak: a sentence of four or more words is better");
    case 2:
      return _("Fair");
    default:
      return _("Strong");
    }
}

static void
on_passphrase_changed_cb (GtkWidget *dialog)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *second = g_object_get_data (G_OBJECT (dialog), "second");
  GtkLevelBar *level = g_object_get_data (G_OBJECT (dialog), "level");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  const char *text;
  guint strength;
  gboolean same;

  /* Entries emptied while the dialog is destroyed: the level bar may be gone already. */
  if (gtk_widget_in_destruction (dialog))
    return;

  text = gtk_editable_get_text (first);
  strength = regie_backup_passphrase_strength (text);
  same = g_strcmp0 (text, gtk_editable_get_text (second)) == 0;

  gtk_level_bar_set_value (level, strength);
  if (*text != '\0' && strength > 0 && !same && *gtk_editable_get_text (second) != '\0')
    gtk_label_set_text (hint, _("The two passphrases differ"));
  else
    gtk_label_set_text (hint, *text ? strength_text (strength) : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "backup",
                                           strength > 0 && same);
}

/**
 * regie_backup_passphrase_dialog_new:
 *
 * The passphrase, twice, with a strength hint. Responds "backup" or "cancel"; the
 * passphrase is in the "first" entry (g_object_get_data).
 */
GtkWidget *
regie_backup_passphrase_dialog_new (GtkWindow  *parent,
                                    const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box, *first, *second, *level, *hint;

  /* Translators: %s is the name of the backup file */
  body = g_strdup_printf (_("Choose a passphrase for “%s”. You need it to restore the backup, "
                            "also on another computer. Without it nobody can open the backup, "
                            "IT support neither: write it down and keep it apart from the file."),
                          name);
  dialog = adw_message_dialog_new (parent, _("Make Backup"), body);

  /* Plain GtkEntry: with GTK 4.8 a GtkPasswordEntry (and AdwPasswordEntryRow) in a dialog
   * leaves a handler on the keyboard device behind and crashes when the window closes. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = password_entry_new ();
  g_object_set (first, "placeholder-text", _("Passphrase"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  second = password_entry_new ();
  g_object_set (second, "placeholder-text", _("Passphrase Again"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase Again"), -1);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);

  level = gtk_level_bar_new_for_interval (0, 3);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_widget_set_margin_top (level, 6);
  gtk_box_append (GTK_BOX (box), level);
  hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "second", second);
  g_object_set_data (G_OBJECT (dialog), "level", level);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);
  g_signal_connect_swapped (second, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "backup", _("_Make Backup"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "backup",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "backup", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "backup");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

typedef struct
{
  RegieWindow *window;
  GtkWidget   *progress;
  char        *path;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_clear_object (&data->window);
  g_free (data->path);
  g_free (data);
}

static void
on_backup_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BackupData *data = user_data;
  g_autoptr(GError) error = NULL;

  progress_dialog_done (data->progress);
  if (!regie_backup_write_finish (result, &error))
    show_store_error (GTK_WINDOW (data->window), _("The Backup Could Not Be Made"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (data->path);
      /* Translators: %s is the name of the backup file */
      g_autofree char *body = g_strdup_printf (_("“%s” holds all your data, encrypted with your "
                                                 "passphrase. Keep it somewhere safe, away from "
                                                 "this computer."), name);

      show_message (GTK_WINDOW (data->window), _("Backup Made"), body);
    }
  backup_data_free (data);
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           BackupData       *data)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  RegieStore *store = regie_window_get_store (data->window);
  char *passphrase;

  if (g_strcmp0 (response, "backup") != 0 || store == NULL)
    {
      backup_data_free (data);
      return;
    }

  passphrase = g_strdup (gtk_editable_get_text (first));
  gtk_editable_set_text (first, "");
  data->progress = progress_dialog_new (GTK_WINDOW (data->window), _("Making Backup…"));
  regie_backup_write_async (store, data->path, passphrase, NULL, on_backup_written_cb, data);
  free_secret (passphrase);
}

static void
on_backup_file_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            RegieWindow     *window)
{
  g_autoptr(GFile) file = NULL;
  BackupData *data;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_get_path (file) == NULL)
    return;

  data = g_new0 (BackupData, 1);
  data->window = g_object_ref (window);
  data->path = g_file_get_path (file);
  dialog = regie_backup_passphrase_dialog_new (GTK_WINDOW (window), data->path);
  g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
regie_backup_dialog_run (RegieWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: file name of a backup; %s is today as YYYY-MM-DD */
  g_autofree char *name = g_strdup_printf (_("regie-backup-%s.regiebackup"), day);
  GtkFileChooserNative *chooser;

  if (regie_window_get_store (window) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Backup"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_file_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Back-up terugzetten … */

typedef struct
{
  RegieWindow *window;
  GtkWidget   *progress;
  char        *path;
  char        *passphrase;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->window);
  g_free (data->path);
  free_secret (data->passphrase);
  g_free (data);
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RestoreData *data = user_data;
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;

  progress_dialog_done (data->progress);
  store = regie_backup_restore_finish (result, &error);
  if (store == NULL)
    show_store_error (GTK_WINDOW (data->window), _("The Backup Could Not Be Restored"), error);
  else
    regie_store_close (store);

  /* The window opens whatever is there now: the restored store, or the old one put back. */
  regie_window_open_store (data->window);
  restore_data_free (data);
}

static void
start_restore (RestoreData *data)
{
  g_autofree char *dir = regie_store_default_dir ();
  RegieStore *current = regie_window_get_store (data->window);

  /* Every connection to the old store closes before its file is moved aside. */
  if (current != NULL)
    {
      g_autoptr(RegieStore) old = g_object_ref (current);

      regie_window_set_store (data->window, NULL);
      regie_store_close (old);
    }

  data->progress = progress_dialog_new (GTK_WINDOW (data->window), _("Restoring Backup…"));
  regie_backup_restore_async (data->path, data->passphrase, dir, NULL, on_restored_cb, data);
}

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RestoreData      *data)
{
  if (g_strcmp0 (response, "replace") == 0)
    start_restore (data);
  else
    restore_data_free (data);
}

static void ask_restore_passphrase (RestoreData *data,
                                    const char  *problem);

static void
on_restore_passphrase_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   RestoreData      *data)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *dir = regie_store_default_dir ();
  g_autofree char *db = g_build_filename (dir, "regie.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *confirm;

  if (g_strcmp0 (response, "restore") != 0)
    {
      restore_data_free (data);
      return;
    }

  data->passphrase = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  if (!regie_backup_check_passphrase (data->path, data->passphrase, &error))
    {
      g_clear_pointer (&data->passphrase, free_secret);
      if (g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY))
        ask_restore_passphrase (data, _("This passphrase does not open the backup. "
                                        "Check it and try again."));
      else
        {
          show_store_error (GTK_WINDOW (data->window), _("The Backup Could Not Be Restored"), error);
          restore_data_free (data);
        }
      return;
    }

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      start_restore (data);
      return;
    }

  confirm = adw_message_dialog_new (GTK_WINDOW (data->window), _("Replace Your Current Data?"),
                                    _("All cases, people and contacts now in Regie are replaced by "
                                      "those in the backup. What you added after the backup was "
                                      "made is lost. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_signal_connect (confirm, "response", G_CALLBACK (on_replace_response_cb), data);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
ask_restore_passphrase (RestoreData *data,
                        const char  *problem)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (data->window), _("Restore Backup"),
                                   problem ? problem
                                           : _("Type the passphrase that was chosen when the backup was made."));
  entry = password_entry_new ();
  g_object_set (entry, "placeholder-text", _("Passphrase"), "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_passphrase_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * regie_restore_dialog_run_for_file:
 *
 * Restore from @path: asks its passphrase, confirms replacing the current data, restores
 * and reopens the window's store. What follows the file chooser, also for tests.
 */
void
regie_restore_dialog_run_for_file (RegieWindow *window,
                                   const char  *path)
{
  RestoreData *data = g_new0 (RestoreData, 1);

  data->window = g_object_ref (window);
  data->path = g_strdup (path);
  ask_restore_passphrase (data, NULL);
}

static void
on_restore_file_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             RegieWindow     *window)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    regie_restore_dialog_run_for_file (window, path);
}

void
regie_restore_dialog_run (RegieWindow *window)
{
  GtkFileChooserNative *chooser;
  RegieStore *store = regie_window_get_store (window);

  /* The demo store is thrown away anyway; a restore there would replace the real one. */
  if (store != NULL && regie_store_get_ephemeral (store))
    return;

  chooser = gtk_file_chooser_native_new (_("Restore Backup"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_file_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Herstelsleutel */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 const char        *recovery_key)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%x");
  g_autofree char *markup = NULL;
  g_autofree char *key_markup = g_markup_escape_text (recovery_key, -1);

  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  markup = g_strdup_printf ("<span size='x-large' weight='bold'>%s</span>\n\n%s\n\n"
                            "<span font_family='monospace' size='large'>%s</span>\n\n%s\n\n%s %s",
                            _("Regie recovery key"),
                            _("With this key your Regie data can be opened when the key in the "
                              "keyring is lost. Keep this sheet in a safe place, away from the "
                              "computer. Anyone with this key and the data file can read the data."),
                            key_markup,
                            _("On the screen “The key to your data is missing”, choose "
                              "“Enter Recovery Key…” and type the characters above."),
                            _("Printed on"), day);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  explicit_bzero (markup, strlen (markup));
  explicit_bzero (key_markup, strlen (key_markup));
}

static void
print_recovery_key (GtkWindow  *parent,
                    const char *recovery_key)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Regie recovery key"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), (gpointer) recovery_key);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (parent, _("The Recovery Key Could Not Be Printed"), error->message);
}

/**
 * regie_recovery_key_dialog_new:
 *
 * Shows @recovery_key in two lines of four groups. Responds "print" or "saved".
 */
GtkWidget *
regie_recovery_key_dialog_new (GtkWindow  *parent,
                               const char *recovery_key)
{
  GtkWidget *dialog;
  GtkWidget *label;
  char *lines = g_strdup (recovery_key);
  gsize half = strlen (lines) / 2;

  /* "AAAAAAA-BBBBBBB-CCCCCCC-DDDDDDD-EEEEEEE-…": the dash in the middle becomes a line break. */
  if (half < strlen (lines) && lines[half] == '-')
    lines[half] = '\n';

  dialog = adw_message_dialog_new (parent, _("Your Recovery Key"),
                                   _("If the key to your data is ever lost from your keyring, this "
                                     "recovery key opens your data again. Print it or write it down "
                                     "and keep it in a safe place, away from this computer. Anyone "
                                     "with this key and your data file can read your data."));
  label = gtk_label_new (lines);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_margin_top (label, 6);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  free_secret (lines);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "print", _("_Print"),
                                    "saved", _("I Have _Kept It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "saved",
                                              ADW_RESPONSE_SUGGESTED);
  /* Escape is not "I have kept it": the key is offered again at the next start. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  return dialog;
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         RegieWindow      *window)
{
  RegieStore *store = regie_window_get_store (window);
  g_autoptr(RegieWindow) hold = window;

  if (store == NULL)
    return;

  if (g_strcmp0 (response, "print") == 0)
    {
      char *recovery_key = regie_store_dup_recovery_key (store);

      if (recovery_key != NULL)
        print_recovery_key (GTK_WINDOW (window), recovery_key);
      regie_recovery_key_free (recovery_key);
      /* Back to the key, so that "I have kept it" is a choice made after printing. */
      regie_recovery_key_dialog_run (window);
      return;
    }

  if (g_strcmp0 (response, "saved") == 0)
    regie_recovery_key_mark_shown (store, NULL);
}

void
regie_recovery_key_dialog_run (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  char *recovery_key;
  GtkWidget *dialog;

  if (store == NULL || regie_store_get_ephemeral (store))
    return;

  recovery_key = regie_store_dup_recovery_key (store);
  if (recovery_key == NULL)
    return;
  dialog = regie_recovery_key_dialog_new (GTK_WINDOW (window), recovery_key);
  regie_recovery_key_free (recovery_key);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), g_object_ref (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
offer_cb (gpointer data)
{
  RegieWindow *window = data;
  RegieStore *store = regie_window_get_store (window);

  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
      !regie_recovery_key_was_shown (store))
    regie_recovery_key_dialog_run (window);

  return G_SOURCE_REMOVE;
}

/**
 * regie_recovery_key_offer:
 * @window: a window that just got its store
 *
 * The first time a store opens (until the user says they kept the key), shows its recovery
 * key, once per window. Never for the demo store.
 */
void
regie_recovery_key_offer (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);

  /* Once per store and window: a restore gives the window a new store with a new key. */
  if (store == NULL || regie_store_get_ephemeral (store) ||
      g_strcmp0 (g_object_get_data (G_OBJECT (window), "regie-recovery-key-offered"),
                 regie_store_get_id (store)) == 0 ||
      regie_recovery_key_was_shown (store))
    return;

  g_object_set_data_full (G_OBJECT (window), "regie-recovery-key-offered",
                          g_strdup (regie_store_get_id (store)), g_free);
  /* After the window has shown its data, so that the dialog has something to sit on. */
  g_timeout_add_full (G_PRIORITY_DEFAULT, 500, offer_cb, g_object_ref (window), g_object_unref);
}

/* Herstelsleutel invoeren … */

/**
 * regie_recovery_key_entry_dialog_new:
 *
 * Asks for the recovery key; responds "open" or "cancel", the text is in the "entry".
 */
GtkWidget *
regie_recovery_key_entry_dialog_new (GtkWindow  *parent,
                                     const char *problem)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (parent, _("Enter Recovery Key"),
                                   problem ? problem
                                           : _("Type the recovery key that Regie showed when your "
                                               "data was made. Capitals, spaces and dashes do not matter."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "XXXXXXX-XXXXXXX-…");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery Key"), -1);
  gtk_widget_add_css_class (entry, "monospace");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
on_recovery_entry_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               RegieWindow      *window)
{
  g_autoptr(RegieWindow) hold = window;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *dir = regie_store_default_dir ();
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  if (g_strcmp0 (response, "open") != 0)
    return;

  text = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  store = regie_store_open_with_recovery_key (dir, text, NULL, &error);
  free_secret (text);

  if (store != NULL)
    {
      /* The key is back in the keyring: the window opens the store the ordinary way. */
      regie_store_close (store);
      regie_window_open_store (window);
      return;
    }

  g_debug ("Recovery key refused: %s %d", g_quark_to_string (error->domain), error->code);
  if (g_error_matches (error, REGIE_RECOVERY_ERROR, REGIE_RECOVERY_ERROR_INVALID))
    dialog = ADW_MESSAGE_DIALOG (regie_recovery_key_entry_dialog_new (
      GTK_WINDOW (window), _("This is not a complete recovery key, or a character was typed wrong. "
                             "Check every group and try again.")));
  else if (g_error_matches (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY))
    dialog = ADW_MESSAGE_DIALOG (regie_recovery_key_entry_dialog_new (
      GTK_WINDOW (window), _("This recovery key belongs to other data. Look for the recovery key "
                             "of the data on this computer.")));
  else
    {
      show_store_error (GTK_WINDOW (window), _("Your Data Could Not Be Opened"), error);
      return;
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_entry_response_cb),
                    g_object_ref (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
regie_recovery_key_entry_run (RegieWindow *window)
{
  GtkWidget *dialog = regie_recovery_key_entry_dialog_new (GTK_WINDOW (window), NULL);

  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_entry_response_cb),
                    g_object_ref (window));
  gtk_window_present (GTK_WINDOW (dialog));
}
