/* regie-network-page.h — the Netwerk view: organisations, searchable and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_NETWORK_PAGE (regie_network_page_get_type ())

G_DECLARE_FINAL_TYPE (RegieNetworkPage, regie_network_page, REGIE, NETWORK_PAGE, AdwBin)

RegieStore *regie_network_page_get_store        (RegieNetworkPage *self);
void        regie_network_page_set_store        (RegieNetworkPage *self,
                                                 RegieStore       *store);
void        regie_network_page_open_organisation (RegieNetworkPage *self,
                                                 gint64            id);
/* Back to the list. */
void        regie_network_page_show_list        (RegieNetworkPage *self);

/* For the tests and the screenshot tool. */
GtkWidget  *_regie_network_page_get_search_entry (RegieNetworkPage *self);
void        _regie_network_page_set_theme_filter (RegieNetworkPage *self,
                                                 const char       *theme);
GListModel *_regie_network_page_get_model       (RegieNetworkPage *self);
GtkWidget  *_regie_network_page_get_list_view   (RegieNetworkPage *self);
GtkWidget  *_regie_network_page_get_organisation_page (RegieNetworkPage *self);
const char *_regie_network_page_get_visible     (RegieNetworkPage *self);
/* The import preview for file, as if chosen in the file chooser. */
void        _regie_network_page_import_file     (RegieNetworkPage *self,
                                                 GFile            *file);

/* The "Select" toggle, the bar's "2 selected", and "Export Selection…" without the file
 * chooser. */
GtkWidget  *_regie_network_page_get_select_button (RegieNetworkPage *self);
const char *_regie_network_page_get_selection_text (RegieNetworkPage *self);
gboolean    _regie_network_page_export_selection_to (RegieNetworkPage *self,
                                                 GFile            *file);

G_END_DECLS
