/* regie-store-error-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REGIE_TYPE_STORE_ERROR_PAGE (regie_store_error_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieStoreErrorPage, regie_store_error_page, REGIE, STORE_ERROR_PAGE, AdwBin)

GtkWidget    *regie_store_error_page_new       (void);
const GError *regie_store_error_page_get_error (RegieStoreErrorPage *self);
void          regie_store_error_page_set_error (RegieStoreErrorPage *self,
                                                const GError        *error);
gboolean      regie_store_error_page_can_retry (RegieStoreErrorPage *self);

G_END_DECLS
