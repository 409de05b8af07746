/* regie-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "regie-application.h"
#include "regie-backup-cli.h"
#include "regie-backup-dialogs.h"
#include "regie-audit.h"
#include "regie-demo.h"
#include "regie-demo-network.h"
#include "regie-demo-referrals.h"
#include "regie-network-cli.h"
#include "regie-demo-timeline.h"
#include "regie-preferences.h"
#include "regie-resources.h"
#include "regie-stats-cli.h"
#include "regie-window.h"

/* The same demo every time, so screenshots and bug reports can be compared. */
#define DEMO_CASES 48
#define DEMO_SEED  20240601

/* Exit statuses of the command line, documented in --help. */
enum {
  REGIE_EXIT_OK       = 0,
  REGIE_EXIT_PROBLEMS = 1,
  REGIE_EXIT_NO_STORE = 2,
};

struct _RegieApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GError         *encryption_error;
  guint           sigint_source;
  guint           sigterm_source;

  guint           demo : 1;
};

G_DEFINE_FINAL_TYPE (RegieApplication, regie_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the integrity of the store and exit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use a throw-away store with fictional data"), NULL },
  { "import-network", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import organisations and contacts from a vCard or CSV file and exit"), N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-network: show what would change, write nothing"), NULL },
  { "export-network", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the network as vCard 4.0 and exit"), N_("FILE.vcf") },
  { "organisation", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --export-network: export only this organisation; repeat for more"), N_("NAME") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an encrypted backup of the store and exit; the passphrase is read from "
       "standard input"), N_("FILE") },
  { "export-statistics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the figures (only aggregated numbers) as CSV and exit"), N_("FILE.csv") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-statistics: the first day, YYYY-MM-DD"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-statistics: the last day (included), YYYY-MM-DD"), N_("DATE") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-statistics: “;” (default: Dutch Excel, decimal comma, UTF-8 byte order mark) "
       "or “,” (decimal point, no mark)"), N_("SEP") },
  { NULL }
};

static int
print_store_error (const GError *error)
{
  RegieStoreError code = REGIE_STORE_ERROR_IO;

  g_assert (error != NULL);

  /* Anything from outside the store (say, no temporary folder for the demo) is an I/O problem. */
  if (error->domain == REGIE_STORE_ERROR)
    code = error->code;

  g_printerr ("regie: %s\n%s\n\n%s %s\n",
              regie_store_error_title (code),
              regie_store_error_advice (code),
              _("Technical details:"),
              error->message);

  return REGIE_EXIT_NO_STORE;
}

static int
run_check (RegieApplication *self)
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gint64 broken_id = 0;
  gboolean ok;

  regie_audit_set_origin (REGIE_AUDIT_ORIGIN_CLI);
  if (!regie_store_check_encryption (&error))
    return print_store_error (error);

  if (self->demo)
    {
      store = regie_application_new_demo_store (&error);
    }
  else
    {
      g_autofree char *dir = regie_store_default_dir ();

      store = regie_store_open (dir, NULL, &error);
    }

  if (store == NULL)
    return print_store_error (error);

  ok = regie_store_check_integrity (store, &report, &error) &&
       regie_audit_verify_chain (store, &broken_id, &error);
  regie_store_close (store);

  if (!ok)
    return print_store_error (error);

  if (broken_id != 0)
    {
      /* Translators: printed by "regie --check" when a row of the access trail was changed
       * or removed; %s is the number of the first row that does not match */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, broken_id);

      g_print (_("Access trail: broken at row %s\n"), id);
      if (g_strcmp0 (report, "ok") != 0)
        g_print ("%s\n%s\n", _("Integrity check: problems found"), report);
      return REGIE_EXIT_PROBLEMS;
    }

  if (g_strcmp0 (report, "ok") == 0)
    {
      /* Translators: printed by "regie --check" when the store is healthy */
      g_print ("%s\n", _("Integrity check: ok"));
      return REGIE_EXIT_OK;
    }

  /* Translators: printed by "regie --check", followed by the problems found, one per line */
  g_print ("%s\n%s\n", _("Integrity check: problems found"), report);

  return REGIE_EXIT_PROBLEMS;
}

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  /* Quit cleanly so that shutdown closes the store; for the demo that removes its files. */
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_CONTINUE;
}

static void
regie_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
regie_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  RegiePreferences *preferences;

  preferences = regie_preferences_new ();
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
regie_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", "Regie",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Loket Regie",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/loketregie/regie",
                        "comments", _("Keep oversight of the questions residents bring to a "
                                      "government-wide service desk, of your network and of "
                                      "your warm referrals."),
                        /* Translators: your name and e-mail, one translator a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Back-up, restore and the recovery key (regie-backup-dialogs.c), for the active window. */
static void
regie_application_backup_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *name = g_action_get_name (G_ACTION (action));

  if (!REGIE_IS_WINDOW (window))
    return;

  if (g_str_equal (name, "backup"))
    regie_backup_dialog_run (REGIE_WINDOW (window));
  else if (g_str_equal (name, "restore"))
    regie_restore_dialog_run (REGIE_WINDOW (window));
  else if (g_str_equal (name, "recovery-key"))
    regie_recovery_key_dialog_run (REGIE_WINDOW (window));
  else
    regie_recovery_key_entry_run (REGIE_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", regie_application_quit_action },
  { "preferences", regie_application_preferences_action },
  { "about", regie_application_about_action },
  { "backup", regie_application_backup_action },
  { "restore", regie_application_backup_action },
  { "recovery-key", regie_application_backup_action },
  { "enter-recovery-key", regie_application_backup_action },
};

static int
regie_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  RegieApplication *self = REGIE_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("regie %s\n", PACKAGE_VERSION);
      return REGIE_EXIT_OK;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A demo never hands its work to (or takes over) a running instance on the real store. */
      regie_application_set_demo (self, TRUE);
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "check"))
    return run_check (self);

  /* What the command-line actions record in the access trail comes "from the command line". */
  regie_audit_set_origin (REGIE_AUDIT_ORIGIN_CLI);
  {
    int status = regie_backup_cli_run (options, self->demo);

    if (status >= 0)
      return status;
  }

  {
    int status = regie_network_cli_run (options, self->demo);

    if (status >= 0)
      return status;
  }

  {
    int status = regie_stats_cli_run (options, self->demo);

    if (status >= 0)
      return status;
  }
  regie_audit_set_origin (REGIE_AUDIT_ORIGIN_UI);

  return G_APPLICATION_CLASS (regie_application_parent_class)->handle_local_options (application, options);
}

static void
regie_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  RegieApplication *self = REGIE_APPLICATION (application);

  G_APPLICATION_CLASS (regie_application_parent_class)->startup (application);

  /* Refuse to write anyone's data into a plain SQLite file; the window explains why. */
  g_clear_error (&self->encryption_error);
  regie_store_check_encryption (&self->encryption_error);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->sigint_source = g_unix_signal_add (SIGINT, on_quit_signal_cb, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
}

static void
regie_application_activate (GApplication *application)
{
  RegieApplication *self = REGIE_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      RegieWindow *regie_window = regie_window_new (self);

      if (self->encryption_error != NULL)
        regie_window_show_store_error (regie_window, self->encryption_error);
      else
        regie_window_open_store (regie_window);

      window = GTK_WINDOW (regie_window);
    }

  gtk_window_present (window);
}

static void
regie_application_shutdown (GApplication *application)
{
  RegieApplication *self = REGIE_APPLICATION (application);

  /* Windows may outlive the application object, so close their stores explicitly. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (REGIE_IS_WINDOW (l->data))
        {
          RegieStore *store = regie_window_get_store (l->data);

          if (store != NULL)
            regie_store_close (store);
        }
    }

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);

  G_APPLICATION_CLASS (regie_application_parent_class)->shutdown (application);
}

static void
regie_application_finalize (GObject *object)
{
  RegieApplication *self = REGIE_APPLICATION (object);

  g_clear_error (&self->encryption_error);

  G_OBJECT_CLASS (regie_application_parent_class)->finalize (object);
}

static void
regie_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RegieApplication *self = REGIE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RegieApplication *self = REGIE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      regie_application_set_demo (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_application_class_init (RegieApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = regie_application_finalize;
  object_class->get_property = regie_application_get_property;
  object_class->set_property = regie_application_set_property;

  app_class->handle_local_options = regie_application_handle_local_options;
  app_class->startup = regie_application_startup;
  app_class->activate = regie_application_activate;
  app_class->shutdown = regie_application_shutdown;

  /**
   * RegieApplication:demo:
   *
   * Whether the application runs on a throw-away store with fictional data.
   */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Before any template is loaded: the window classes read theirs from here. */
  regie_register_resource ();
}

static void
regie_application_init (RegieApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_description (G_APPLICATION (self),
                                                 _("Exit status: 0 when all went well, "
                                                   "1 when the integrity check found problems or an "
                                                   "import or export failed, "
                                                   "2 when the store could not be opened."));
}

RegieApplication *
regie_application_new (const char        *application_id,
                       GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (REGIE_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

gboolean
regie_application_get_demo (RegieApplication *self)
{
  g_return_val_if_fail (REGIE_IS_APPLICATION (self), FALSE);

  return self->demo;
}

void
regie_application_set_demo (RegieApplication *self,
                            gboolean          demo)
{
  g_return_if_fail (REGIE_IS_APPLICATION (self));

  demo = !!demo;

  if (self->demo != demo)
    {
      self->demo = demo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
    }
}

/**
 * regie_application_new_demo_store:
 * @error: return location for a #GError
 *
 * Makes a throw-away store in a fresh temporary folder, filled with fictional
 * inwoners and dossiers. The store removes
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RegieStore *
regie_application_new_demo_store (GError **error)
{
  g_autofree char *dir = NULL;
  RegieStore *store;

  dir = g_dir_make_tmp ("regie-demo-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  store = regie_store_new_ephemeral (dir, error);

  /* Only removes the folder when the core left nothing in it. */
  if (store == NULL)
    {
      g_rmdir (dir);
      return NULL;
    }

  /* Enough fictional dossiers to show every theme, status and outcome. */
  if (!regie_demo_fill (store, DEMO_CASES, DEMO_SEED, error) ||
      !regie_demo_fill_timelines (store, NULL, error) ||
      !regie_demo_network_fill (store, error) ||
      !regie_demo_referrals_fill (store, error))
    {
      regie_store_close (store);
      g_object_unref (store);
      return NULL;
    }

  return store;
}
