/* test-lock.c — the privacy lock, and that no personal data reaches a log
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch. The idle time comes from an injected clock; the desktop's screen lock from a
 * fake org.gnome.ScreenSaver on the private session bus the UI tests run in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "regie-application.h"
#include "regie-case-list-view.h"
#include "regie-dossier-page.h"
#include "regie-lock-page.h"
#include "regie-new-case-dialog.h"
#include "regie-preferences.h"
#include "regie-sql-private.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

/* The inwoner of the log scenario: every part of them is looked for in the logs. */
#define LOG_GIVEN_NAMES "Pietje"
#define LOG_SURNAME     "Fictiefpersoon"
#define LOG_QUESTION    "Proefvraag-markering over de huurtoeslag"
#define LOG_SCENARIO_ENV "REGIE_TEST_LOG_SCENARIO"

static gint64 fake_now;

/* The environment before the per-test XDG folders: the child of the log test makes its
 * own, and needs /usr/share for icons just like this process did. */
static char **original_environ;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gint64
add_case (RegieStore *store,
          const char *given_names,
          const char *surname,
          const char *bsn,
          const char *question)
{
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "toeslagen", NULL };

  regie_person_set_given_names (person, given_names);
  regie_person_set_surname (person, surname);
  if (bsn != NULL)
    regie_person_set_bsn (person, bsn);
  regie_case_set_question (kase, question);
  regie_case_set_themes (kase, themes);
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);

  return regie_case_get_id (kase);
}

static gint64
count_audit (RegieStore *store,
             const char *action)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _regie_stmt (store,
                      "SELECT count(*) FROM audit_log WHERE action = ? AND entity_type = 'session';",
                      &error);
  g_assert_no_error (error);
  _regie_bind_text (stmt, 1, action);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static void
open_dossier (RegieWindow *window,
              gint64       id)
{
  GtkWidget *list_view = _regie_window_get_case_list (window);

  g_signal_emit_by_name (list_view, "case-activated", id);
  wait_for (g_strcmp0 (_regie_window_get_cases_page (window), "dossier") == 0,
            "the dossier to open");
  regie_test_settle ();
}

/* Locked means: the lock page, no store, and nothing of the work mapped. */
static void
assert_locked (RegieWindow *window,
               const char  *hidden_label)
{
  GtkWidget *lock_page;

  wait_for (_regie_window_get_locked (window), "Regie to lock");
  regie_test_settle ();

  g_assert_cmpstr (_regie_window_get_visible_page (window), ==, "locked");
  lock_page = regie_test_find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_LOCK_PAGE);
  g_assert_nonnull (lock_page);
  g_assert_true (gtk_widget_get_mapped (lock_page));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Regie is vergrendeld"));

  g_assert_false (gtk_widget_get_mapped (_regie_window_get_case_list (window)));
  g_assert_false (gtk_widget_get_mapped (_regie_window_get_dossier_page (window)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_regie_window_get_sidebar (window))));
  if (hidden_label != NULL)
    g_assert_null (regie_test_find_label (GTK_WIDGET (window), hidden_label));

  /* Nothing that works on the data can be reached from the keyboard. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL) &&
                  find_toplevel_of_type (REGIE_TYPE_NEW_CASE_DIALOG) != NULL);
}

static void
unlock (RegieWindow *window)
{
  GtkWidget *button = regie_test_find_button_for_action (GTK_WIDGET (window), "win.unlock");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));

  wait_for (!_regie_window_get_locked (window) && regie_test_window_reached_main (window),
            "Regie to unlock and open the store again");
  regie_test_settle ();
}

static void
check_idle_lock (RegieWindow *window)
{
  RegieSessionMonitor *monitor = _regie_window_get_session_monitor (window);
  g_autoptr(RegieStore) old_store = NULL;
  g_autoptr(RegieStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  RegieStore *store;
  GtkWindow *dialog;
  gint64 id;

  id = add_case (regie_window_get_store (window), "Fiona", "Voorbeeld", NULL, "Vraag over toeslag.");
  wait_for (regie_test_find_label (GTK_WIDGET (window), "Voorbeeld, Fiona") != NULL,
            "the dossier to be listed");
  open_dossier (window, id);

  /* A dialog with unsaved input goes too: it is destroyed, its input discarded. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK));
  wait_for ((dialog = find_toplevel_of_type (REGIE_TYPE_NEW_CASE_DIALOG)) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)),
            "the new-dossier dialog to show");

  fake_now = 1000 * G_USEC_PER_SEC;
  _regie_session_monitor_set_clock (monitor, fake_clock, NULL);
  g_assert_cmpuint (regie_session_monitor_get_idle_minutes (monitor), ==, 5);

  /* Not yet: 4 minutes and 59 seconds. */
  fake_now += (5 * 60 - 1) * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  regie_test_settle ();
  g_assert_false (_regie_window_get_locked (window));
  g_assert_cmpstr (_regie_window_get_visible_page (window), ==, "main");

  old_store = g_object_ref (regie_window_get_store (window));
  fake_now += 1 * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  assert_locked (window, "Voorbeeld, Fiona");

  g_assert_null (find_toplevel_of_type (REGIE_TYPE_NEW_CASE_DIALOG));

  /* Closed, and the key is gone: not even a second connection can be opened. */
  g_assert_null (regie_window_get_store (window));
  worker = regie_store_open_worker_connection (old_store, &error);
  g_assert_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO);
  g_assert_null (worker);
  g_clear_error (&error);

  /* Locked stays locked however long it stays idle. */
  fake_now += (gint64) 60 * 60 * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  regie_test_settle ();
  g_assert_true (_regie_window_get_locked (window));

  unlock (window);
  store = regie_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_true (store != old_store);

  /* Back where the user was: the same dossier. */
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "cases");
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  g_assert_nonnull (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (_regie_window_get_dossier_page (window))));
  g_assert_cmpint (regie_case_get_id (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (_regie_window_get_dossier_page (window)))), ==, id);

  g_assert_cmpint (count_audit (store, "lock"), ==, 1);
  g_assert_cmpint (count_audit (store, "unlock"), ==, 1);

  /* After unlocking the idle time starts again. */
  fake_now += (5 * 60 - 1) * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  regie_test_settle ();
  g_assert_false (_regie_window_get_locked (window));
}

static void
check_shortcut_lock (RegieWindow *window)
{
  RegieSessionMonitor *monitor = _regie_window_get_session_monitor (window);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *preferences;
  GtkWidget *row, *spin;
  RegieStore *store;

  add_case (regie_window_get_store (window), "Fenna", "Proef", NULL, "Vraag over huur.");
  wait_for (regie_test_find_label (GTK_WIDGET (window), "Proef, Fenna") != NULL,
            "the dossier to be listed");
  _regie_window_show_view (window, "network");
  regie_test_settle ();

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK));
  assert_locked (window, "Proef, Fenna");
  g_assert_null (regie_window_get_store (window));

  /* Ctrl+L again does not lock twice. */
  regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK);
  regie_test_settle ();

  unlock (window);
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "network");
  store = regie_window_get_store (window);
  g_assert_cmpint (count_audit (store, "lock"), ==, 1);
  g_assert_cmpint (count_audit (store, "unlock"), ==, 1);

  /* 0 minutes in Voorkeuren: never on idle time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  wait_for ((preferences = find_toplevel_of_type (REGIE_TYPE_PREFERENCES)) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (preferences)),
            "the preferences to show");
  regie_test_settle ();
  row = regie_test_find_label (GTK_WIDGET (preferences), "Vergrendelen na minuten zonder gebruik");
  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  spin = regie_test_find_widget_of_type (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  regie_test_settle ();
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-after-minutes"), ==, 0);
  gtk_window_destroy (preferences);
  regie_test_settle ();
  g_assert_cmpuint (regie_session_monitor_get_idle_minutes (monitor), ==, 0);
  fake_now = 0;
  _regie_session_monitor_set_clock (monitor, fake_clock, NULL);
  fake_now += (gint64) 24 * 60 * 60 * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  regie_test_settle ();
  g_assert_false (_regie_window_get_locked (window));
  g_settings_reset (settings, "lock-after-minutes");
}

/* The screen saver of the desktop, as far as Regie can tell: a connection of its own on
 * the session bus that owns the name and sends ActiveChanged. */
static GDBusConnection *
fake_screensaver_new (void)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  guint32 result = 0;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (connection,
                                       "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gnome.ScreenSaver",
                                                      (guint32) 4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* PRIMARY_OWNER */);

  return g_steal_pointer (&connection);
}

/* Addressed to this process only: the other UI tests share the session bus, and a
 * broadcast would lock their windows in the middle of their work. */
static void
emit_active_changed (GDBusConnection *connection,
                     gboolean         active)
{
  g_autoptr(GDBusConnection) ours = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (ours);
  g_dbus_connection_emit_signal (connection, g_dbus_connection_get_unique_name (ours),
                                 "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                                 "ActiveChanged", g_variant_new ("(b)", active),
                                 &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (connection, NULL, &error);
  g_assert_no_error (error);
}

static void
check_session_lock (RegieWindow *window)
{
  g_autoptr(GDBusConnection) screensaver = fake_screensaver_new ();
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  add_case (regie_window_get_store (window), "Femke", "Demo", NULL, "Vraag over werk.");
  wait_for (regie_test_find_label (GTK_WIDGET (window), "Demo, Femke") != NULL,
            "the dossier to be listed");

  /* Regie subscribes asynchronously after start-up: send until it has heard. */
  while (!_regie_window_get_locked (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Regie did not lock on ActiveChanged(true) of org.gnome.ScreenSaver");
      emit_active_changed (screensaver, TRUE);
      regie_test_settle ();
    }
  assert_locked (window, "Demo, Femke");
  g_assert_null (regie_window_get_store (window));

  unlock (window);

  /* The screen saver going away again is no reason to lock. */
  emit_active_changed (screensaver, FALSE);
  for (guint i = 0; i < 5; i++)
    regie_test_settle ();
  g_assert_false (_regie_window_get_locked (window));

  g_dbus_connection_close_sync (screensaver, NULL, NULL);
}

static void
check_demo_lock (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);

  g_assert_true (regie_store_get_ephemeral (store));

  /* The keyboard shortcuts window is kept for reuse: the lock hides it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_for (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW))),
            "the keyboard shortcuts to show");

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK));
  assert_locked (window, NULL);
  g_assert_true (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW) == NULL ||
                 !gtk_widget_get_visible (GTK_WIDGET (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW))));

  /* The demo's key lives only in memory: its store stays open, out of sight. */
  g_assert_true (regie_window_get_store (window) == store);

  unlock (window);
  g_assert_true (regie_window_get_store (window) == store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_for (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW))),
            "the keyboard shortcuts to show again");
  gtk_widget_set_visible (GTK_WIDGET (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW)), FALSE);
  g_assert_cmpint (count_audit (store, "lock"), ==, 1);
  g_assert_cmpint (count_audit (store, "unlock"), ==, 1);
}

static void
test_lock_idle (void)
{
  regie_test_run_app (FALSE, check_idle_lock, NULL);
}

static void
test_lock_shortcut (void)
{
  regie_test_run_app (FALSE, check_shortcut_lock, NULL);
}

static void
test_lock_session (void)
{
  regie_test_run_app (FALSE, check_session_lock, NULL);
}

static void
test_lock_demo (void)
{
  regie_test_run_app (TRUE, check_demo_lock, NULL);
}

/* A valid BSN (elfproef), different in every run of the suite. */
static char *
generate_bsn (void)
{
  for (;;)
    {
      char digits[10] = { 0 };
      int sum = 0;

      for (int i = 0; i < 8; i++)
        {
          int d = g_random_int_range (0, 10);

          digits[i] = '0' + d;
          sum += (9 - i) * d;
        }
      if (sum % 11 == 10)
        continue;
      digits[8] = '0' + sum % 11;

      return g_strdup (digits);
    }
}

/* What the log scenario does in a child process: a real day's work in short, with every
 * debug message on. */
static void
run_log_scenario (RegieWindow *window)
{
  RegieSessionMonitor *monitor = _regie_window_get_session_monitor (window);
  const char *bsn = g_getenv ("REGIE_TEST_LOG_BSN");
  GtkWindow *dialog;
  gint64 id;

  g_assert_nonnull (bsn);
  id = add_case (regie_window_get_store (window), LOG_GIVEN_NAMES, LOG_SURNAME, bsn, LOG_QUESTION);
  wait_for (regie_test_find_label (GTK_WIDGET (window), LOG_SURNAME ", " LOG_GIVEN_NAMES) != NULL,
            "the dossier to be listed");
  open_dossier (window, id);

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK));
  wait_for ((dialog = find_toplevel_of_type (REGIE_TYPE_NEW_CASE_DIALOG)) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)),
            "the new-dossier dialog to show");
  regie_test_settle ();

  fake_now = 0;
  _regie_session_monitor_set_clock (monitor, fake_clock, NULL);
  fake_now += 6 * 60 * G_USEC_PER_SEC;
  _regie_session_monitor_check_idle (monitor);
  assert_locked (window, LOG_SURNAME ", " LOG_GIVEN_NAMES);
  unlock (window);

  _regie_window_show_view (window, "referrals");
  regie_test_settle ();
  _regie_window_show_view (window, "figures");
  regie_test_settle ();
}

static void
test_log_scenario (void)
{
  regie_test_run_app (FALSE, run_log_scenario, NULL);
}

static void
assert_not_in (const char *output,
               const char *stream,
               const char *secret)
{
  if (strstr (output, secret) != NULL)
    g_error ("The %s of the log scenario contains personal data of the fixture (“%s”)", stream, secret);
}

static void
test_logs_hold_no_personal_data (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bsn = generate_bsn ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_strdupv (original_environ);
  const char *argv[] = { self_exe, "-p", "/lock/log-scenario", NULL };
  const char *secrets[] = { LOG_GIVEN_NAMES, LOG_SURNAME, LOG_QUESTION, bsn, NULL };
  int wait_status = 0;

  g_assert_nonnull (self_exe);
  envp = g_environ_setenv (envp, LOG_SCENARIO_ENV, "1", TRUE);
  envp = g_environ_setenv (envp, "REGIE_TEST_LOG_BSN", bsn, TRUE);
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "all", TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("The log scenario failed:\n%s\n%s", out, err);

  /* The scenario really ran, with debug messages on. */
  g_assert_nonnull (strstr (out, "ok 1 /lock/log-scenario"));
  g_assert_true (strstr (out, "Lock requested: idle") != NULL ||
                 strstr (err, "Lock requested: idle") != NULL);

  for (guint i = 0; secrets[i] != NULL; i++)
    {
      assert_not_in (out, "stdout", secrets[i]);
      assert_not_in (err, "stderr", secrets[i]);
    }
}

static void
raise_core_limit (gpointer user_data)
{
  struct rlimit limit;

  /* As high as allowed, so that only Regie itself can bring it to 0. */
  if (getrlimit (RLIMIT_CORE, &limit) == 0)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_CORE, &limit);
    }
}

static gboolean
core_limit_is_zero (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/limits", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (!g_str_has_prefix (lines[i], "Max core file size"))
        continue;

      fields = g_strsplit_set (lines[i] + strlen ("Max core file size"), " ", -1);
      {
        g_autoptr(GPtrArray) values = g_ptr_array_new ();

        for (guint j = 0; fields[j] != NULL; j++)
          if (*fields[j] != '\0')
            g_ptr_array_add (values, fields[j]);

        return values->len >= 2 &&
               g_strcmp0 (values->pdata[0], "0") == 0 &&
               g_strcmp0 (values->pdata[1], "0") == 0;
      }
    }

  return FALSE;
}

static void
test_no_core_dumps (void)
{
  const char *argv[] = { REGIE_BIN, "--demo", NULL };
  g_autoptr(GError) error = NULL;
  struct rlimit limit;
  gint64 deadline;
  GPid pid;

  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  if (limit.rlim_max == 0)
    {
      g_test_skip ("Core dumps are already off for this user: nothing Regie could change");
      return;
    }

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 raise_core_limit, NULL, &pid, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;
  while (!core_limit_is_zero (pid))
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          g_error ("regie did not set its core file size to 0");
        }
      g_usleep (10 * 1000);
    }

  /* Non-dumpable: /proc hands the process's files to root. Only visible to others. */
  if (getuid () != 0)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/environ", (int) pid);
      struct stat st;

      g_assert_cmpint (stat (path, &st), ==, 0);
      g_assert_cmpuint (st.st_uid, ==, 0);
    }
  else
    {
      g_test_message ("Running as root: not-dumpable is not visible from outside");
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

int
main (int   argc,
      char *argv[])
{
  original_environ = g_get_environ ();
  regie_test_init (&argc, &argv);

  /* The child of /logs/no-personal-data runs only the scenario. */
  if (g_getenv (LOG_SCENARIO_ENV) != NULL)
    {
      g_test_add_func ("/lock/log-scenario", test_log_scenario);
      return g_test_run ();
    }

  g_test_add_func ("/lock/idle", test_lock_idle);
  g_test_add_func ("/lock/shortcut", test_lock_shortcut);
  g_test_add_func ("/lock/session", test_lock_session);
  g_test_add_func ("/lock/demo", test_lock_demo);
  g_test_add_func ("/logs/no-personal-data", test_logs_hold_no_personal_data);
  g_test_add_func ("/hardening/no-core-dumps", test_no_core_dumps);

  return g_test_run ();
}
