/* regie-case-list-view.h — the Dossiers view: search, filters and the list of dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-case-list.h"
#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_CASE_LIST_VIEW (regie_case_list_view_get_type ())

G_DECLARE_FINAL_TYPE (RegieCaseListView, regie_case_list_view, REGIE, CASE_LIST_VIEW, AdwBin)

RegieStore     *regie_case_list_view_get_store     (RegieCaseListView *self);
void            regie_case_list_view_set_store     (RegieCaseListView *self,
                                                    RegieStore        *store);
RegieCaseList  *regie_case_list_view_get_model     (RegieCaseListView *self);
void            regie_case_list_view_focus_search  (RegieCaseListView *self);

/* For the tests and the screenshot tool. */
GtkSearchEntry *_regie_case_list_view_get_search_entry (RegieCaseListView *self);
GtkListView    *_regie_case_list_view_get_list_view    (RegieCaseListView *self);
const char     *_regie_case_list_view_get_state        (RegieCaseListView *self);
GtkWidget      *_regie_case_list_view_get_deadline_list (RegieCaseListView *self);

G_END_DECLS
