/* regie-window-private.h — for the UI tests and the screenshot tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-session-monitor.h"
#include "regie-window.h"

G_BEGIN_DECLS

/* The top-level pages: "loading", "error" or "main". */
const char *_regie_window_get_visible_page (RegieWindow *self);

/* The views of the main page: "cases", "network", "referrals" or "figures". */
const char *_regie_window_get_visible_view (RegieWindow *self);
void        _regie_window_show_view        (RegieWindow *self,
                                            const char  *view);

AdwLeaflet *_regie_window_get_leaflet      (RegieWindow *self);
GtkListBox *_regie_window_get_sidebar      (RegieWindow *self);
GtkWidget  *_regie_window_get_error_page   (RegieWindow *self);

/* The Dossiers view: "list" or "dossier" shown, and its two pages. */
const char *_regie_window_get_cases_page   (RegieWindow *self);
GtkWidget  *_regie_window_get_case_list    (RegieWindow *self);
GtkWidget  *_regie_window_get_dossier_page (RegieWindow *self);

/* The privacy lock: the "locked" page is shown, and what decides when. */
gboolean             _regie_window_get_locked          (RegieWindow *self);
RegieSessionMonitor *_regie_window_get_session_monitor (RegieWindow *self);

G_END_DECLS
