/* regie-lock-page.h — what the window shows while Regie is locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REGIE_TYPE_LOCK_PAGE (regie_lock_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieLockPage, regie_lock_page, REGIE, LOCK_PAGE, AdwBin)

GtkWidget *regie_lock_page_new         (void);
void       regie_lock_page_focus_unlock (RegieLockPage *self);

G_END_DECLS
