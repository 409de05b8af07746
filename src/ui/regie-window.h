/* regie-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-application.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_WINDOW (regie_window_get_type ())

G_DECLARE_FINAL_TYPE (RegieWindow, regie_window, REGIE, WINDOW, AdwApplicationWindow)

RegieWindow *regie_window_new              (RegieApplication *application);
RegieStore  *regie_window_get_store        (RegieWindow      *self);
void         regie_window_set_store        (RegieWindow      *self,
                                            RegieStore       *store);
void         regie_window_open_store       (RegieWindow      *self);
void         regie_window_show_store_error (RegieWindow      *self,
                                            const GError     *error);

G_END_DECLS
