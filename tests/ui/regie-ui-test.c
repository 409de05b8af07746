/* regie-ui-test.c — what every UI test needs: Dutch, the real application, waiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "regie-application.h"
#include "regie-store-error-page.h"
#include "regie-ui-test.h"
#include "regie-recovery.h"

gboolean
regie_test_dispatch_some (void)
{
  gboolean dispatched = FALSE;

  while (g_main_context_iteration (NULL, FALSE))
    dispatched = TRUE;

  return dispatched;
}

/* Lets layout and drawing catch up with a change. */
void
regie_test_settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    if (!regie_test_dispatch_some ())
      g_usleep (5000);
}

GtkWidget *
regie_test_find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = regie_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
regie_test_find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = regie_test_find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
regie_test_find_button_for_action (GtkWidget  *widget,
                        const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = regie_test_find_button_for_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Does what pressing KEYVAL+MODS does: finds the shortcut the window has for that key
 * and activates it. GTK 4 has no public way to synthesize a key press. */
gboolean
regie_test_press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

gboolean
regie_test_window_reached_main (RegieWindow *window)
{
  const char *page = _regie_window_get_visible_page (window);

  /* An error page here means the store did not open: say why instead of timing out. */
  if (g_strcmp0 (page, "error") == 0)
    {
      RegieStoreErrorPage *error_page = REGIE_STORE_ERROR_PAGE (_regie_window_get_error_page (window));
      const GError *error = regie_store_error_page_get_error (error_page);

      g_error ("The store did not open: %s", error ? error->message : "(no error)");
    }

  return g_strcmp0 (page, "main") == 0 && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
regie_test_on_activate_cb (GApplication   *app,
                WindowTestFunc  func)
{
  g_autoptr(GtkWindow) window = NULL;

  window = g_object_ref (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (REGIE_IS_WINDOW (window));

  /* Animations would make every wait depend on the frame clock of Xvfb. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  wait_for (regie_test_window_reached_main (REGIE_WINDOW (window)), "the window to open the store and show the main page");
  g_assert_nonnull (regie_window_get_store (REGIE_WINDOW (window)));
  /* As if the recovery key had been kept already: its first-run offer would cover the window
   * (tests/ui/test-recovery.c tests the offer itself). */
  regie_recovery_key_mark_shown (regie_window_get_store (REGIE_WINDOW (window)), NULL);

  func (REGIE_WINDOW (window));

  /* Like Ctrl+W, unless the test closed or quit already: the last window closing ends
   * the application, and shutdown closes the store. */
  if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL)
    gtk_window_close (window);
}

/* AFTER_RUN checks what quitting did, before the windows left behind are destroyed. */
void
regie_test_run_app (gboolean         demo,
         WindowTestFunc   func,
         void           (*after_run) (void))
{
  g_autoptr(RegieApplication) app = NULL;
  int status;

  app = regie_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  regie_application_set_demo (app, demo);
  g_signal_connect_after (app, "activate", G_CALLBACK (regie_test_on_activate_cb), func);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  if (after_run != NULL)
    after_run ();

  /* Any window left behind must not show up in the next test. */
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

void
regie_test_use_dutch (void)
{
  g_autofree char *mo = g_build_filename (TEST_LOCALEDIR, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("Bail out! No Dutch translation at %s; build it with: meson compile -C <builddir> %s-gmo\n",
               mo, GETTEXT_PACKAGE);
      exit (1);
    }

  g_setenv ("LANGUAGE", "nl", TRUE);
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      /* LANGUAGE still picks Dutch in C.UTF-8; only dates and numbers stay neutral. */
      g_printerr ("# nl_NL.UTF-8 is not installed; using C.UTF-8 with LANGUAGE=nl\n");
      setlocale (LC_ALL, "C.UTF-8");
    }

  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_strcmp0 (_("Cases"), "Dossiers") != 0)
    {
      g_print ("Bail out! %s does not translate “Cases” to “Dossiers” (got “%s”)\n", mo, _("Cases"));
      exit (1);
    }
}

/* Dutch first, then GTK, then the per-test XDG folders. */
void
regie_test_init (int    *argc,
                 char ***argv)
{
  regie_test_use_dutch ();

  /* The isolated XDG folders of each test hide /usr/share; GTK still needs its MIME
   * database and icon theme from there, so both are set up before the isolation. */
  g_content_type_set_mime_dirs (NULL);
  gtk_init ();
  gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}
