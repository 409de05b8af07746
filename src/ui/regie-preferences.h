/* regie-preferences.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REGIE_TYPE_PREFERENCES (regie_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RegiePreferences, regie_preferences, REGIE, PREFERENCES, AdwPreferencesWindow)

RegiePreferences *regie_preferences_new (void);

G_END_DECLS
