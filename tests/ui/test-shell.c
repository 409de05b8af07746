/* test-shell.c — the application shell: window, sidebar, views, errors, command line
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring,
 * in Dutch. Every test gets its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS), so its
 * own store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "regie-application.h"
#include "regie-preferences.h"
#include "regie-store-error-page.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

static void
resize_window (RegieWindow *window,
               int          width,
               int          height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  /* The default size is that of the surface, which includes the window's frame. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_for (gdk_surface_get_width (surface) == width &&
            gdk_surface_get_height (surface) == height,
            "the window to take its new size");
  regie_test_settle ();
}

static void
run_in_app (WindowTestFunc func)
{
  regie_test_run_app (FALSE, func, NULL);
}

static void
collect_labels (GtkWidget   *widget,
                const char  *text,
                GPtrArray   *found)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, found);
}

/* The sidebar row a person would see with LABEL; the view title may show the same word. */
static GtkListBoxRow *
sidebar_row_for (RegieWindow *window,
                 const char  *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *sidebar = GTK_WIDGET (_regie_window_get_sidebar (window));
  GtkListBoxRow *row = NULL;

  collect_labels (GTK_WIDGET (window), label, labels);
  if (labels->len == 0)
    g_error ("No label “%s” is shown in the window", label);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *ancestor = gtk_widget_get_ancestor (labels->pdata[i], GTK_TYPE_LIST_BOX_ROW);

      if (ancestor != NULL && gtk_widget_get_parent (ancestor) == sidebar)
        {
          if (row != NULL)
            g_error ("More than one sidebar row reads “%s”", label);
          row = GTK_LIST_BOX_ROW (ancestor);
        }
    }

  if (row == NULL)
    g_error ("The label “%s” is not in a sidebar row", label);

  return row;
}

static const struct {
  const char *label;
  const char *view;
} sidebar[] = {
  { "Dossiers", "cases" },
  { "Netwerk", "network" },
  { "Verwijzingen", "referrals" },
  { "Cijfers", "figures" },
};

static void
check_sidebar (RegieWindow *window)
{
  GtkListBox *list = _regie_window_get_sidebar (window);

  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "cases");

  /* Clicked (activated) rows, last to first so every step changes the view. */
  for (int i = G_N_ELEMENTS (sidebar) - 1; i >= 0; i--)
    {
      GtkListBoxRow *row = sidebar_row_for (window, sidebar[i].label);

      g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
      regie_test_settle ();
      g_assert_cmpstr (_regie_window_get_visible_view (window), ==, sidebar[i].view);
      g_assert_true (gtk_list_box_get_selected_row (list) == row);
    }

  /* Selected rows, as arrow keys do. */
  for (guint i = 0; i < G_N_ELEMENTS (sidebar); i++)
    {
      GtkListBoxRow *row = sidebar_row_for (window, sidebar[i].label);

      gtk_list_box_select_row (list, row);
      regie_test_settle ();
      g_assert_cmpstr (_regie_window_get_visible_view (window), ==, sidebar[i].view);
    }
}

static void
check_shortcuts (RegieWindow *window)
{
  GtkListBox *list = _regie_window_get_sidebar (window);

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_2, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "network");
  /* The sidebar follows, so it never points at another view than the one shown. */
  g_assert_true (gtk_list_box_get_selected_row (list) == sidebar_row_for (window, "Netwerk"));

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_4, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "figures");

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_3, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "referrals");

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "cases");
}

static void
check_folding (RegieWindow *window)
{
  AdwLeaflet *leaflet = _regie_window_get_leaflet (window);
  GtkWidget *back_button;

  resize_window (window, 1366, 768);
  g_assert_false (adw_leaflet_get_folded (leaflet));

  resize_window (window, 1024, 600);
  g_assert_false (adw_leaflet_get_folded (leaflet));

  resize_window (window, 600, 600);
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Folded, choosing a view shows it, and Back (Alt+Left) returns to the sidebar. */
  adw_leaflet_set_visible_child_name (leaflet, "sidebar");
  regie_test_settle ();
  g_assert_true (gtk_widget_activate (GTK_WIDGET (sidebar_row_for (window, "Verwijzingen"))));
  regie_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "referrals");

  back_button = regie_test_find_button_for_action (GTK_WIDGET (window), "win.go-back");
  g_assert_nonnull (back_button);
  g_assert_true (gtk_widget_get_mapped (back_button));

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  /* A view shortcut on the folded sidebar goes to that view. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_4, GDK_ALT_MASK));
  regie_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpstr (_regie_window_get_visible_view (window), ==, "figures");

  resize_window (window, 1366, 768);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_mapped (back_button));
}

static void
test_shell_navigation (void)
{
  run_in_app (check_sidebar);
}

static void
test_shell_shortcuts (void)
{
  run_in_app (check_shortcuts);
}

static void
test_shell_folding (void)
{
  run_in_app (check_folding);
}

/* The test runs in Dutch: a string still equal to its English msgid is missing from nl.po. */
#define assert_translated(s) assert_translated_impl (s, #s)

static void
assert_translated_impl (const char *translated,
                        const char *expression)
{
  /* gettext returns the msgid pointer itself when it has no translation. */
  if (strstr (expression, translated) != NULL)
    g_error ("%s is not translated to Dutch in po/nl.po", expression);
}

/* What the core returns without translations, to tell Dutch from English. */
static char *
untranslated_title (RegieStoreError code)
{
  char *english;

  bindtextdomain (GETTEXT_PACKAGE, "/nonexistent");
  english = g_strdup (regie_store_error_title (code));
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);

  return english;
}

static AdwStatusPage *
shown_error_status_page (RegieWindow *window)
{
  GtkWidget *error_page = _regie_window_get_error_page (window);

  g_assert_cmpstr (_regie_window_get_visible_page (window), ==, "error");
  g_assert_true (gtk_widget_get_mapped (error_page));

  return ADW_STATUS_PAGE (regie_test_find_widget_of_type (error_page, ADW_TYPE_STATUS_PAGE));
}

static void
check_error_pages (RegieWindow *window)
{
  g_autoptr(GError) key_missing = NULL;
  g_autoptr(GError) not_encrypted = NULL;
  g_autofree char *english = NULL;
  AdwStatusPage *status_page;
  GtkWidget *retry;
  const char *title;

  key_missing = g_error_new_literal (REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING,
                                     "No key for store 0000 in the keyring");
  regie_window_show_store_error (window, key_missing);
  regie_test_settle ();

  status_page = shown_error_status_page (window);
  title = adw_status_page_get_title (status_page);
  english = untranslated_title (REGIE_STORE_ERROR_KEY_MISSING);
  g_assert_nonnull (title);
  g_assert_cmpstr (title, ==, regie_store_error_title (REGIE_STORE_ERROR_KEY_MISSING));
  if (g_strcmp0 (title, english) == 0)
    g_error ("The KEY_MISSING title “%s” is not translated to Dutch (po/nl.po)", title);
  g_assert_cmpstr (adw_status_page_get_description (status_page), ==,
                   regie_store_error_advice (REGIE_STORE_ERROR_KEY_MISSING));
  assert_translated (_("Technical Details"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), _("Technical Details")));

  retry = regie_test_find_button_for_action (_regie_window_get_error_page (window), "win.retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_mapped (retry));
  g_assert_true (gtk_widget_is_sensitive (retry));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, _("_Try Again"));
  assert_translated (_("_Try Again"));

  /* The store itself is fine, so trying again really opens it. */
  g_assert_true (gtk_widget_activate (retry));
  /* An activated button clicks after its press animation, not at once. */
  wait_for (g_strcmp0 (_regie_window_get_visible_page (window), "error") != 0, "the retry to start");
  wait_for (regie_test_window_reached_main (window), "the retried store to open");
  g_assert_nonnull (regie_window_get_store (window));

  not_encrypted = g_error_new_literal (REGIE_STORE_ERROR, REGIE_STORE_ERROR_NOT_ENCRYPTED,
                                       "SQLite 3.40.1 without SQLCipher");
  regie_window_show_store_error (window, not_encrypted);
  regie_test_settle ();

  status_page = shown_error_status_page (window);
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==,
                   regie_store_error_title (REGIE_STORE_ERROR_NOT_ENCRYPTED));
  g_assert_false (gtk_widget_get_mapped (retry));
  g_assert_false (gtk_widget_is_sensitive (retry));
}

static void
test_shell_error_page (void)
{
  run_in_app (check_error_pages);
}

static void
check_preferences (RegieWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *name = NULL;
  GListModel *toplevels;
  GtkWindow *preferences = NULL;
  GtkWidget *row;

  /* Ctrl+comma is an application accelerator; the window carries it as a shortcut. */
  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_comma, GDK_CONTROL_MASK));
  regie_test_settle ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_PREFERENCES (toplevel))
        preferences = toplevel;
    }
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (preferences)), "the preferences to show");

  assert_translated (_("Your Name"));
  row = regie_test_find_label (GTK_WIDGET (preferences), _("Your Name"));
  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);

  gtk_editable_set_text (GTK_EDITABLE (row), "Sam Testcasemanager");
  regie_test_settle ();
  name = g_settings_get_string (settings, "casemanager-name");
  g_assert_cmpstr (name, ==, "Sam Testcasemanager");

  gtk_window_destroy (preferences);
}

static void
test_shell_preferences (void)
{
  run_in_app (check_preferences);
}

static void
check_window_size_saved (RegieWindow *window)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);

  resize_window (window, 1100, 700);

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK));
  regie_test_settle ();
  g_assert_null (gtk_window_get_application (GTK_WINDOW (window)));
}

static void
test_shell_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  run_in_app (check_window_size_saved);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static char *demo_dir;

static void
check_demo_quit (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);

  g_assert_true (regie_store_get_ephemeral (store));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), _("Demo")));

  demo_dir = g_strdup (regie_store_get_dir (store));
  g_assert_true (g_file_test (demo_dir, G_FILE_TEST_IS_DIR));

  g_assert_true (regie_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_q, GDK_CONTROL_MASK));
}

/* Quitting, not just closing the window, must remove the throw-away store. */
static void
check_demo_removed (void)
{
  g_autofree char *real_store = g_build_filename (g_get_user_data_dir (), "regie", NULL);

  g_assert_nonnull (demo_dir);
  g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (real_store, G_FILE_TEST_EXISTS));
}

static void
test_shell_demo (void)
{
  regie_test_run_app (TRUE, check_demo_quit, check_demo_removed);
  g_clear_pointer (&demo_dir, g_free);
}

/* Runs the built regie binary in English, with XDG_DATA_HOME set to DATA_HOME. */
static int
run_regie (const char  *data_home,
           const char  *const *args,
           char       **out,
           char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) REGIE_BIN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
test_cli_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_regie (g_get_user_data_dir (), args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "regie " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_check (void)
{
  const char *check[] = { "--check", NULL };
  const char *check_demo[] = { "--check", "--demo", NULL };
  g_autofree char *data_home = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *db = g_build_filename (data_home, "regie", "regie.db", NULL);
  g_autofree char *not_a_dir = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autoptr(GError) error = NULL;

  /* A fresh machine: --check creates the store and finds it healthy. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (data_home, check, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "Integrity check: ok\n");
    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  }

  /* Again: now it opens the existing store with the key from the keyring. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (data_home, check, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "Integrity check: ok\n");
  }

  /* The demo store is checked, and the real one stays untouched. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (data_home, check_demo, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "Integrity check: ok\n");
  }

  /* No store can be made: a message for IT on stderr, and exit status 2. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_file_set_contents (not_a_dir, "", 0, &error);
    g_assert_no_error (error);

    g_assert_cmpint (run_regie (not_a_dir, check, &out, &err), ==, 2);
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_str_has_prefix (err, "regie: "));
    g_assert_nonnull (strstr (err, "Technical details:"));
  }
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/shell/navigation", test_shell_navigation);
  g_test_add_func ("/shell/shortcuts", test_shell_shortcuts);
  g_test_add_func ("/shell/folding", test_shell_folding);
  g_test_add_func ("/shell/error-page", test_shell_error_page);
  g_test_add_func ("/shell/preferences", test_shell_preferences);
  g_test_add_func ("/shell/window-size", test_shell_window_size);
  g_test_add_func ("/shell/demo", test_shell_demo);
  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/check", test_cli_check);

  return g_test_run ();
}
