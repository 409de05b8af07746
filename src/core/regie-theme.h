/* regie-theme.h — the fixed list of themes a dossier can touch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Themes are stable ASCII ids in the store ("toeslagen", "werk_en_inkomen", …) and a
 * translated label on screen. Their order is the order of the list in DESIGN §5. */
const char * const *regie_theme_get_ids     (void);
guint               regie_theme_get_count   (void);
gboolean            regie_theme_is_valid    (const char *id);
int                 regie_theme_get_index   (const char *id);
const char         *regie_theme_get_label   (const char *id);

G_END_DECLS
