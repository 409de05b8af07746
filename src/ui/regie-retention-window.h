/* regie-retention-window.h — "To Be Destroyed": closed cases past their retention period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_RETENTION_WINDOW (regie_retention_window_get_type ())

G_DECLARE_FINAL_TYPE (RegieRetentionWindow, regie_retention_window, REGIE, RETENTION_WINDOW, AdwWindow)

/* today: YYYY-MM-DD, or NULL for the local date (tests pass their own day). */
RegieRetentionWindow *regie_retention_window_new    (GtkWindow            *parent,
                                                     RegieStore           *store,
                                                     const char           *today);
guint                 regie_retention_window_get_n_due (RegieRetentionWindow *self);

G_END_DECLS
