/* regie-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-audit-view.h"
#include "regie-backup-dialogs.h"
/* After regie-audit-view.h: its REGIE_AUDIT_VIEW() cast would clash with the action name. */
#include "regie-audit.h"
#include "regie-case-list-view.h"
#include "regie-dossier-page.h"
#include "regie-lock-page.h"
#include "regie-network-page.h"
#include "regie-new-case-dialog.h"
#include "regie-referrals-page.h"
#include "regie-retention-window.h"
#include "regie-session-monitor.h"
#include "regie-stats-page.h"
#include "regie-store-error-page.h"
#include "regie-window-private.h"

/* Below this the window is too small for a casemanager to read anything. */
#define MIN_DEFAULT_WIDTH  600
#define MIN_DEFAULT_HEIGHT 400

/* The privacy lock in the access trail: an event of this session, no object. */
#define AUDIT_LOCK    "lock"
#define AUDIT_UNLOCK  "unlock"
#define AUDIT_SESSION "session"

struct _RegieWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkSpinner           *spinner;
  RegieStoreErrorPage  *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkStack             *view_stack;
  GtkWidget            *back_button;
  GtkWidget            *new_case_button;
  GtkStack             *cases_stack;
  RegieCaseListView    *case_list_view;
  RegieDossierPage     *dossier_page;
  RegieLockPage        *lock_page;

  /* Owned */
  RegieStore           *store;
  GCancellable         *cancellable;
  GSettings            *settings;
  RegieSessionMonitor  *session_monitor;
  /* Where the user was when Regie locked, to return there after unlocking. */
  char                 *locked_view;
  gint64                locked_case_id;

  guint                 demo : 1;
  guint                 locked : 1;
  guint                 unlocking : 1;
};

G_DEFINE_FINAL_TYPE (RegieWindow, regie_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DEMO,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keeps the window and the cancellable of one open attempt together, so that a
 * late answer to an attempt that was cancelled or superseded is dropped. */
typedef struct
{
  RegieWindow  *self;
  GCancellable *cancellable;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
regie_window_update_actions (RegieWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean on_main = g_strcmp0 (page, "main") == 0;
  gboolean on_error = g_strcmp0 (page, "error") == 0;
  gboolean on_locked = g_strcmp0 (page, "locked") == 0;
  gboolean in_content;
  gboolean in_dossier;

  in_content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;
  in_dossier = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "cases") == 0 &&
               g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "dossier") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry",
                                 on_error && regie_store_error_page_can_retry (self->error_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", on_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 on_main && ((adw_leaflet_get_folded (self->leaflet) && in_content) ||
                                             in_dossier));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", on_main && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", on_main && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", on_main && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlock", on_locked);

  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet) || in_dossier);
  /* "+" is "new dossier": it belongs to the list of dossiers only. */
  gtk_widget_set_visible (self->new_case_button,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "cases") == 0 &&
                          !in_dossier);
}

static GtkListBoxRow *
find_sidebar_row (RegieWindow *self,
                  const char  *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), view) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
regie_window_set_page (RegieWindow *self,
                       const char  *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (page, "loading") == 0);
}

static void
on_stack_visible_child_name_cb (RegieWindow *self,
                                GParamSpec  *pspec,
                                GtkStack    *stack)
{
  /* Put the keyboard where the work is, so arrows and Tab work right away. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "main") == 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

      /* The inwoner is often already sitting there: the search is where work begins. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "cases") == 0)
        regie_case_list_view_focus_search (self->case_list_view);
      else if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  regie_window_update_actions (self);
}

/* The content title and the sidebar selection follow the visible view, however it was
 * chosen: a row, a shortcut or the API. A row already selected is left alone. */
static void
regie_window_sync_view (RegieWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->view_stack);
  GtkListBoxRow *row;

  RegieCase *kase = regie_dossier_page_get_case (self->dossier_page);

  if (g_strcmp0 (view, "cases") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "dossier") == 0 &&
      kase != NULL)
    adw_window_title_set_title (self->content_title,
                                regie_person_get_display_name (regie_case_get_person (kase)));
  else if (child != NULL)
    adw_window_title_set_title (self->content_title,
                                gtk_stack_page_get_title (gtk_stack_get_page (self->view_stack, child)));

  row = find_sidebar_row (self, view);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
}

static void
on_view_stack_visible_child_name_cb (RegieWindow *self,
                                     GParamSpec  *pspec,
                                     GtkStack    *view_stack)
{
  regie_window_sync_view (self);
  regie_window_update_actions (self);
}

static void
on_cases_stack_visible_child_name_cb (RegieWindow *self)
{
  regie_window_sync_view (self);
  regie_window_update_actions (self);
}

static void
show_case_list (RegieWindow *self)
{
  regie_dossier_page_clear (self->dossier_page);
  gtk_stack_set_visible_child_name (self->cases_stack, "list");
  regie_case_list_view_focus_search (self->case_list_view);
}

static void
open_case (RegieWindow *self,
           gint64       id)
{
  g_autoptr(GError) error = NULL;

  if (!regie_dossier_page_open (self->dossier_page, self->store, id, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Could Not Open the Case"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "ok", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_stack_set_visible_child_name (self->view_stack, "cases");
  gtk_stack_set_visible_child_name (self->cases_stack, "dossier");
  /* Another dossier of the same inwoner has the same title: sync anyway. */
  regie_window_sync_view (self);
}

static void
on_case_activated_cb (RegieWindow *self,
                      gint64       id)
{
  open_case (self, id);
}

static void
on_case_deleted_cb (RegieWindow *self,
                    gint64       id)
{
  show_case_list (self);
}

static void
on_case_saved_cb (RegieWindow *self,
                  gint64       id)
{
  open_case (self, id);
}

static void
on_sidebar_row_selected_cb (RegieWindow   *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (RegieWindow   *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));

  /* "Dossiers" in the sidebar means the list, also from inside a dossier. */
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "cases") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "dossier") == 0)
    show_case_list (self);

  /* Folded, choosing a row is a request to see it; arrow keys only move the selection. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_leaflet_folded_cb (RegieWindow *self,
                      GParamSpec  *pspec,
                      AdwLeaflet  *leaflet)
{
  regie_window_update_actions (self);
}

static void
on_leaflet_visible_child_cb (RegieWindow *self,
                             GParamSpec  *pspec,
                             AdwLeaflet  *leaflet)
{
  regie_window_update_actions (self);
}

/* Everything that can show personal data is this window or a window transient for it:
 * dialogs, wizards, editors, the summary, the preferences. They are destroyed, not
 * hidden: unsaved input in them is discarded, because keeping it would keep personal
 * data on screen-ready widgets while the store is closed and the key gone. */
static void
close_transient_windows (RegieWindow *self)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      for (GtkWindow *parent = gtk_window_get_transient_for (window);
           parent != NULL;
           parent = gtk_window_get_transient_for (parent))
        {
          if (parent == GTK_WINDOW (self))
            {
              g_ptr_array_add (doomed, g_object_ref (window));
              break;
            }
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (doomed, i);
      gboolean still_there = FALSE;

      /* A dialog may have taken its own transient windows with it already. */
      for (guint j = 0; j < g_list_model_get_n_items (toplevels) && !still_there; j++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, j);

          still_there = toplevel == window;
        }

      /* One that hides on close is kept for reuse (the keyboard shortcuts): hide it. */
      if (still_there && gtk_window_get_hide_on_close (window))
        gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      else if (still_there)
        gtk_window_destroy (window);
    }
}

static void
record_lock_event (RegieWindow *self,
                   const char  *action)
{
  g_autoptr(GError) error = NULL;

  /* Locking goes on regardless: hiding the data matters more than the trail row. */
  if (!regie_audit_record (self->store, NULL, action, AUDIT_SESSION, 0, &error))
    g_warning ("Could not record “%s” in the access trail: %s", action, error->message);
}

static void
regie_window_lock (RegieWindow *self)
{
  g_autoptr(RegieStore) store = NULL;
  RegieCase *kase;

  /* Nothing personal is on screen while loading or on an error page; locked is locked. */
  if (self->locked ||
      self->store == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return;

  close_transient_windows (self);

  g_free (self->locked_view);
  self->locked_view = g_strdup (gtk_stack_get_visible_child_name (self->view_stack));
  kase = regie_dossier_page_get_case (self->dossier_page);
  self->locked_case_id = 0;
  if (g_strcmp0 (self->locked_view, "cases") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "dossier") == 0 &&
      kase != NULL)
    self->locked_case_id = regie_case_get_id (kase);

  record_lock_event (self, AUDIT_LOCK);

  self->locked = TRUE;
  regie_window_set_page (self, "locked");
  regie_lock_page_focus_unlock (self->lock_page);

  /* The demo's key exists only in memory, so a closed demo store could never be opened
   * again: the demo hides everything the same way but keeps its (fictional) store open. */
  if (self->demo)
    return;

  /* The views let go of every row they show; closing wipes the key from its locked page. */
  store = g_object_ref (self->store);
  regie_window_set_store (self, NULL);
  regie_store_close (store);
}

/* Back where the user was: the same view, and the same dossier if one was open. */
static void
regie_window_unlocked (RegieWindow *self)
{
  self->locked = FALSE;
  self->unlocking = FALSE;

  record_lock_event (self, AUDIT_UNLOCK);

  if (self->locked_view != NULL)
    _regie_window_show_view (self, self->locked_view);
  if (self->locked_case_id > 0)
    open_case (self, self->locked_case_id);

  g_clear_pointer (&self->locked_view, g_free);
  self->locked_case_id = 0;

  regie_session_monitor_reset_idle (self->session_monitor);
  regie_window_update_actions (self);
}

static void
on_lock_requested_cb (RegieWindow *self,
                      const char  *reason)
{
  regie_window_lock (self);
}

/* The access log and "To Be Destroyed" work on the open store (issue 8). */
static void
regie_window_access_log_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  if (regie_window_get_store (self) != NULL)
    gtk_window_present (regie_audit_view_new_window (GTK_WINDOW (self), regie_window_get_store (self)));
}

static void
regie_window_to_destroy_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  if (regie_window_get_store (self) != NULL)
    gtk_window_present (GTK_WINDOW (regie_retention_window_new (GTK_WINDOW (self),
                                                                regie_window_get_store (self), NULL)));
}

static void
regie_window_lock_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  regie_window_lock (REGIE_WINDOW (widget));
}

static void
regie_window_unlock_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  if (!self->locked)
    return;

  if (self->demo)
    {
      regie_window_set_page (self, "main");
      regie_window_unlocked (self);
      return;
    }

  /* Reads the key from the keyring again; a failure shows its error page, and trying
   * again from there still ends up where the user was. */
  self->unlocking = TRUE;
  regie_window_open_store (self);
}

static void
on_store_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = regie_store_open_finish (result, &error);

  /* Closed window or a newer attempt: dropping our reference closes the store. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  if (store == NULL)
    {
      regie_window_show_store_error (data->self, error);
      return;
    }

  regie_window_set_store (data->self, store);
  regie_window_set_page (data->self, "main");

  if (data->self->unlocking)
    regie_window_unlocked (data->self);
}

static void
regie_window_retry_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  regie_window_open_store (REGIE_WINDOW (widget));
}

static void
regie_window_show_view_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  _regie_window_show_view (self, g_variant_get_string (parameter, NULL));
  if (g_strcmp0 (g_variant_get_string (parameter, NULL), "cases") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "list") == 0)
    regie_case_list_view_focus_search (self->case_list_view);

  /* A shortcut for a view means "show me", also when only the sidebar is on screen. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
regie_window_go_back_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "cases") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->cases_stack), "dossier") == 0)
    {
      show_case_list (self);
      return;
    }

  if (adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
regie_window_new_case_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);
  RegieNewCaseDialog *dialog;

  dialog = regie_new_case_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "case-saved", G_CALLBACK (on_case_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
regie_window_find_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RegieWindow *self = REGIE_WINDOW (widget);

  _regie_window_show_view (self, "cases");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  show_case_list (self);
}

static gboolean
regie_window_close_request (GtkWindow *window)
{
  RegieWindow *self = REGIE_WINDOW (window);
  int width, height;

  /* The default size follows the user's resizing, but not maximizing. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (regie_window_parent_class)->close_request (window);
}

static void
regie_window_constructed (GObject *object)
{
  RegieWindow *self = REGIE_WINDOW (object);

  G_OBJECT_CLASS (regie_window_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->sidebar_title, self->demo ? _("Demo") : NULL);
}

static void
regie_window_dispose (GObject *object)
{
  RegieWindow *self = REGIE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->session_monitor);
  g_clear_pointer (&self->locked_view, g_free);

  G_OBJECT_CLASS (regie_window_parent_class)->dispose (object);
}

static void
regie_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RegieWindow *self = REGIE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RegieWindow *self = REGIE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;

    case PROP_STORE:
      regie_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_window_class_init (RegieWindowClass *klass)
{
  static const struct {
    guint       keyval;
    const char *view;
  } view_keys[] = {
    { GDK_KEY_1, "cases" },
    { GDK_KEY_2, "network" },
    { GDK_KEY_3, "referrals" },
    { GDK_KEY_4, "figures" },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = regie_window_constructed;
  object_class->dispose = regie_window_dispose;
  object_class->get_property = regie_window_get_property;
  object_class->set_property = regie_window_set_property;

  window_class->close_request = regie_window_close_request;

  /**
   * RegieWindow:demo:
   *
   * Whether the window works on a throw-away demo store.
   */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RegieWindow:store:
   *
   * The open store the views show, or %NULL while it is being opened or
   * could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         REGIE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REGIE_TYPE_STORE_ERROR_PAGE);
  g_type_ensure (REGIE_TYPE_CASE_LIST_VIEW);
  g_type_ensure (REGIE_TYPE_DOSSIER_PAGE);
  g_type_ensure (REGIE_TYPE_NETWORK_PAGE);
  g_type_ensure (REGIE_TYPE_REFERRALS_PAGE);
  g_type_ensure (REGIE_TYPE_STATS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, cases_stack);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, case_list_view);
  gtk_widget_class_bind_template_child (widget_class, RegieWindow, dossier_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cases_stack_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, regie_window_retry_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", regie_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, regie_window_go_back_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, regie_window_new_case_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, regie_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, regie_window_lock_action);
  gtk_widget_class_install_action (widget_class, "win.access-log", NULL, regie_window_access_log_action);
  gtk_widget_class_install_action (widget_class, "win.to-destroy", NULL, regie_window_to_destroy_action);
  gtk_widget_class_install_action (widget_class, "win.unlock", NULL, regie_window_unlock_action);

  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, view_keys[i].keyval, GDK_ALT_MASK,
                                         "win.show-view", "s", view_keys[i].view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
regie_window_init (RegieWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (width, MIN_DEFAULT_WIDTH),
                               MAX (height, MIN_DEFAULT_HEIGHT));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The privacy lock: a page of its own, and the reasons to show it. */
  self->lock_page = REGIE_LOCK_PAGE (regie_lock_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->lock_page), "locked");
  self->session_monitor = regie_session_monitor_new ();
  g_settings_bind (self->settings, "lock-after-minutes",
                   self->session_monitor, "idle-minutes",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->session_monitor, "lock-requested",
                           G_CALLBACK (on_lock_requested_cb), self, G_CONNECT_SWAPPED);

  regie_window_sync_view (self);
  regie_window_set_page (self, "loading");
  regie_window_update_actions (self);
}

RegieWindow *
regie_window_new (RegieApplication *application)
{
  g_return_val_if_fail (REGIE_IS_APPLICATION (application), NULL);

  return g_object_new (REGIE_TYPE_WINDOW,
                       "application", application,
                       "demo", regie_application_get_demo (application),
                       NULL);
}

/**
 * regie_window_get_store:
 * @self: a #RegieWindow
 *
 * Returns: (transfer none) (nullable): the open store
 */
RegieStore *
regie_window_get_store (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return self->store;
}

void
regie_window_set_store (RegieWindow *self,
                        RegieStore  *store)
{
  g_return_if_fail (REGIE_IS_WINDOW (self));
  g_return_if_fail (!store || REGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_stack_set_visible_child_name (self->cases_stack, "list");
  regie_dossier_page_clear (self->dossier_page);
  regie_case_list_view_set_store (self->case_list_view, store);
  regie_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  regie_recovery_key_offer (self);
}

/**
 * regie_window_open_store:
 * @self: a #RegieWindow
 *
 * Opens the store (the real one, or a fresh throw-away one for the demo),
 * showing progress, and then the views or why it could not be opened.
 */
void
regie_window_open_store (RegieWindow *self)
{
  g_autofree char *dir = NULL;
  OpenData *data;

  g_return_if_fail (REGIE_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  regie_window_set_page (self, "loading");

  if (self->demo)
    {
      g_autoptr(RegieStore) store = NULL;
      g_autoptr(GError) error = NULL;

      store = regie_application_new_demo_store (&error);
      if (store == NULL)
        {
          regie_window_show_store_error (self, error);
          return;
        }

      regie_window_set_store (self, store);
      regie_window_set_page (self, "main");
      return;
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);

  dir = regie_store_default_dir ();
  regie_store_open_async (dir, self->cancellable, on_store_opened_cb, data);
}

/**
 * regie_window_show_store_error:
 * @self: a #RegieWindow
 * @error: why the store cannot be used
 *
 * Shows the screen for @error, with what to do about it.
 */
void
regie_window_show_store_error (RegieWindow  *self,
                               const GError *error)
{
  g_return_if_fail (REGIE_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* The message may name a path with the user's name in it; the code says enough. */
  g_debug ("Store not available: %s %d", g_quark_to_string (error->domain), error->code);

  regie_store_error_page_set_error (self->error_page, error);
  regie_window_set_page (self, "error");
  regie_window_update_actions (self);
}

const char *
_regie_window_get_visible_page (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
_regie_window_get_visible_view (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
_regie_window_show_view (RegieWindow *self,
                         const char  *view)
{
  g_return_if_fail (REGIE_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, view) == NULL)
    {
      g_warning ("No view named “%s”", view);
      return;
    }

  gtk_stack_set_visible_child_name (self->view_stack, view);
}

AdwLeaflet *
_regie_window_get_leaflet (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return self->leaflet;
}

GtkListBox *
_regie_window_get_sidebar (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return self->sidebar_list;
}

GtkWidget *
_regie_window_get_error_page (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->error_page);
}

const char *
_regie_window_get_cases_page (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->cases_stack);
}

GtkWidget *
_regie_window_get_case_list (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->case_list_view);
}

GtkWidget *
_regie_window_get_dossier_page (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->dossier_page);
}

gboolean
_regie_window_get_locked (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), FALSE);

  return self->locked;
}

RegieSessionMonitor *
_regie_window_get_session_monitor (RegieWindow *self)
{
  g_return_val_if_fail (REGIE_IS_WINDOW (self), NULL);

  return self->session_monitor;
}
