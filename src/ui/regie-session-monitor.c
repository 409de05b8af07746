/* regie-session-monitor.c — when to lock: idle input, a locked desktop session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "regie-session-monitor.h"

/* Often enough that a lock comes at most this late; rare enough to cost nothing. */
#define CHECK_INTERVAL_SECONDS 10

#define SCREENSAVER_NAME      "org.gnome.ScreenSaver"
#define SCREENSAVER_PATH      "/org/gnome/ScreenSaver"
#define LOGIND_NAME           "org.freedesktop.login1"
#define LOGIND_PATH           "/org/freedesktop/login1"
#define LOGIND_MANAGER_IFACE  "org.freedesktop.login1.Manager"
#define LOGIND_SESSION_IFACE  "org.freedesktop.login1.Session"

struct _RegieSessionMonitor
{
  GObject          parent_instance;

  /* Owned */
  GCancellable    *cancellable;
  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  GListModel      *toplevels;
  GQuark           watched_quark;

  RegieClockFunc   clock_func;
  gpointer         clock_data;
  gint64           last_activity;
  guint            idle_minutes;
  guint            screensaver_subscription;
  guint            logind_subscription;
  guint            check_source;
};

G_DEFINE_FINAL_TYPE (RegieSessionMonitor, regie_session_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDLE_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (RegieSessionMonitor *self)
{
  return self->clock_func (self->clock_data);
}

static void
request_lock (RegieSessionMonitor *self,
              const char          *reason)
{
  /* A lock is a fresh start: the idle time counts from here again. */
  self->last_activity = now (self);
  g_debug ("Lock requested: %s", reason);
  g_signal_emit (self, signals[LOCK_REQUESTED], 0, reason);
}

static gboolean
on_input_event_cb (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   RegieSessionMonitor      *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = now (self);
      break;

    default:
      break;
    }

  /* Only watching: the event goes on to the widgets as if nothing happened. */
  return GDK_EVENT_PROPAGATE;
}

/* Every toplevel of the process, dialogs included: typing in a long form in the new
 * dossier dialog is activity too, though the main window sees none of it. One legacy
 * controller in the capture phase sees keys, clicks, motion and scrolling before any
 * widget can stop them, and claims nothing. */
static void
watch_toplevels (RegieSessionMonitor *self)
{
  guint n = g_list_model_get_n_items (self->toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (self->toplevels, i);
      GtkEventController *controller;

      if (g_object_get_qdata (G_OBJECT (toplevel), self->watched_quark) != NULL)
        continue;

      controller = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect_object (controller, "event", G_CALLBACK (on_input_event_cb), self, 0);
      gtk_widget_add_controller (toplevel, controller);
      g_object_set_qdata (G_OBJECT (toplevel), self->watched_quark, GINT_TO_POINTER (TRUE));
    }
}

static void
on_toplevels_changed_cb (RegieSessionMonitor *self)
{
  watch_toplevels (self);
}

static gboolean
on_check_timeout_cb (gpointer user_data)
{
  _regie_session_monitor_check_idle (user_data);

  return G_SOURCE_CONTINUE;
}

static void
on_screensaver_active_changed_cb (GDBusConnection *connection,
                                  const char      *sender_name,
                                  const char      *object_path,
                                  const char      *interface_name,
                                  const char      *signal_name,
                                  GVariant        *parameters,
                                  gpointer         user_data)
{
  gboolean active = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  if (active)
    request_lock (user_data, "screensaver");
}

static void
on_logind_lock_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  request_lock (user_data, "logind");
}

static void
on_session_bus_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RegieSessionMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      /* No session bus: the lock still comes from idle time and Ctrl+L. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session bus for screen lock signals: %s", error->message);
      return;
    }

  /* Disposed meanwhile: subscribe to nothing. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (bus);
      return;
    }

  self->session_bus = bus;

  /* By name: the screen saver may start after Regie, and restart. */
  self->screensaver_subscription =
    g_dbus_connection_signal_subscribe (bus,
                                        SCREENSAVER_NAME,
                                        SCREENSAVER_NAME,
                                        "ActiveChanged",
                                        SCREENSAVER_PATH,
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_screensaver_active_changed_cb,
                                        self, NULL);
}

static void
on_logind_session_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RegieSessionMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *path = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      /* No logind, or Regie does not run in a login session (a container, a test). */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logind session to follow: %s", error->message);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable) || self->system_bus == NULL)
    return;

  g_variant_get (reply, "(&o)", &path);

  self->logind_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus,
                                        LOGIND_NAME,
                                        LOGIND_SESSION_IFACE,
                                        "Lock",
                                        path,
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_logind_lock_cb,
                                        self, NULL);
}

static void
on_system_bus_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RegieSessionMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus for logind: %s", error->message);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (bus);
      return;
    }

  self->system_bus = bus;

  g_dbus_connection_call (bus,
                          LOGIND_NAME, LOGIND_PATH, LOGIND_MANAGER_IFACE,
                          "GetSessionByPID",
                          g_variant_new ("(u)", (guint32) getpid ()),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START,
                          -1,
                          self->cancellable,
                          on_logind_session_cb,
                          g_object_ref (self));
}

static void
regie_session_monitor_dispose (GObject *object)
{
  RegieSessionMonitor *self = REGIE_SESSION_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->session_bus != NULL && self->screensaver_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->session_bus, self->screensaver_subscription);
  self->screensaver_subscription = 0;
  if (self->system_bus != NULL && self->logind_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->logind_subscription);
  self->logind_subscription = 0;
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_object (&self->toplevels);
  g_clear_handle_id (&self->check_source, g_source_remove);

  G_OBJECT_CLASS (regie_session_monitor_parent_class)->dispose (object);
}

static void
regie_session_monitor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RegieSessionMonitor *self = REGIE_SESSION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_MINUTES:
      g_value_set_uint (value, self->idle_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_session_monitor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RegieSessionMonitor *self = REGIE_SESSION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_MINUTES:
      regie_session_monitor_set_idle_minutes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_session_monitor_class_init (RegieSessionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = regie_session_monitor_dispose;
  object_class->get_property = regie_session_monitor_get_property;
  object_class->set_property = regie_session_monitor_set_property;

  /**
   * RegieSessionMonitor:idle-minutes:
   *
   * After this many minutes without input in any window, ask for a lock; 0 never.
   */
  properties[PROP_IDLE_MINUTES] =
    g_param_spec_uint ("idle-minutes", NULL, NULL,
                       0, 24 * 60, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegieSessionMonitor::lock-requested:
   * @reason: "idle", "screensaver" or "logind", for the debug log
   *
   * Regie should hide everything and close the store now.
   */
  signals[LOCK_REQUESTED] =
    g_signal_new ("lock-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
regie_session_monitor_init (RegieSessionMonitor *self)
{
  g_autofree char *key = g_strdup_printf ("regie-idle-watched-%p", (void *) self);

  self->cancellable = g_cancellable_new ();
  self->clock_func = default_clock;
  self->idle_minutes = 5;
  self->last_activity = now (self);
  self->watched_quark = g_quark_from_string (key);

  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_signal_connect_swapped (self->toplevels, "items-changed",
                            G_CALLBACK (on_toplevels_changed_cb), self);
  watch_toplevels (self);

  self->check_source = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_check_timeout_cb, self);

  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_session_bus_cb, g_object_ref (self));
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_cb, g_object_ref (self));
}

RegieSessionMonitor *
regie_session_monitor_new (void)
{
  return g_object_new (REGIE_TYPE_SESSION_MONITOR, NULL);
}

guint
regie_session_monitor_get_idle_minutes (RegieSessionMonitor *self)
{
  g_return_val_if_fail (REGIE_IS_SESSION_MONITOR (self), 0);

  return self->idle_minutes;
}

void
regie_session_monitor_set_idle_minutes (RegieSessionMonitor *self,
                                        guint                minutes)
{
  g_return_if_fail (REGIE_IS_SESSION_MONITOR (self));

  if (self->idle_minutes == minutes)
    return;

  self->idle_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_MINUTES]);
}

/* After unlocking: the minutes spent on the lock page are not work time. */
void
regie_session_monitor_reset_idle (RegieSessionMonitor *self)
{
  g_return_if_fail (REGIE_IS_SESSION_MONITOR (self));

  self->last_activity = now (self);
}

void
_regie_session_monitor_set_clock (RegieSessionMonitor *self,
                                  RegieClockFunc       func,
                                  gpointer             user_data)
{
  g_return_if_fail (REGIE_IS_SESSION_MONITOR (self));

  self->clock_func = func ? func : default_clock;
  self->clock_data = func ? user_data : NULL;
  self->last_activity = now (self);
}

void
_regie_session_monitor_check_idle (RegieSessionMonitor *self)
{
  g_return_if_fail (REGIE_IS_SESSION_MONITOR (self));

  if (self->idle_minutes == 0)
    return;

  if (now (self) - self->last_activity >= (gint64) self->idle_minutes * 60 * G_USEC_PER_SEC)
    request_lock (self, "idle");
}
