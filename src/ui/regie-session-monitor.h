/* regie-session-monitor.h — when to lock: idle input, a locked desktop session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REGIE_TYPE_SESSION_MONITOR (regie_session_monitor_get_type ())

G_DECLARE_FINAL_TYPE (RegieSessionMonitor, regie_session_monitor, REGIE, SESSION_MONITOR, GObject)

RegieSessionMonitor *regie_session_monitor_new              (void);
guint                regie_session_monitor_get_idle_minutes (RegieSessionMonitor *self);
void                 regie_session_monitor_set_idle_minutes (RegieSessionMonitor *self,
                                                             guint                minutes);
void                 regie_session_monitor_reset_idle       (RegieSessionMonitor *self);

/* For the tests: a clock in microseconds (monotonic), and checking without waiting for
 * the timer. A NULL func restores g_get_monotonic_time(). */
typedef gint64 (*RegieClockFunc) (gpointer user_data);

void                 _regie_session_monitor_set_clock       (RegieSessionMonitor *self,
                                                             RegieClockFunc       func,
                                                             gpointer             user_data);
void                 _regie_session_monitor_check_idle      (RegieSessionMonitor *self);

G_END_DECLS
