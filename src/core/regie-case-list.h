/* regie-case-list.h — the dossiers as a GListModel, searched, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-case.h"
#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_CASE_SORT_LAST_ACTIVITY,   /* most recent first */
  REGIE_CASE_SORT_NAME,            /* Dutch name order: "Berg, Jan van der" under B */
  REGIE_CASE_SORT_OPENED,          /* most recently opened first */
} RegieCaseSort;

#define REGIE_TYPE_CASE_SORT (regie_case_sort_get_type ())
GType            regie_case_sort_get_type         (void) G_GNUC_CONST;

/* status-filter value for "any status". */
#define REGIE_CASE_LIST_ANY_STATUS (-1)

/* One line of the list: a light, read-only snapshot of a dossier and its inwoner. When the
 * list refreshes, rows that are still alive are updated in place (with notify). */
#define REGIE_TYPE_CASE_ROW (regie_case_row_get_type ())

G_DECLARE_FINAL_TYPE (RegieCaseRow, regie_case_row, REGIE, CASE_ROW, GObject)

gint64           regie_case_row_get_id            (RegieCaseRow  *self);
gint64           regie_case_row_get_person_id     (RegieCaseRow  *self);
const char      *regie_case_row_get_display_name  (RegieCaseRow  *self);
const char      *regie_case_row_get_list_name     (RegieCaseRow  *self);
const char      *regie_case_row_get_question      (RegieCaseRow  *self);
const char * const *regie_case_row_get_themes     (RegieCaseRow  *self);
RegieCaseStatus  regie_case_row_get_status        (RegieCaseRow  *self);
const char      *regie_case_row_get_last_activity (RegieCaseRow  *self);
const char      *regie_case_row_get_opened_at     (RegieCaseRow  *self);
const char      *regie_case_row_get_casemanager   (RegieCaseRow  *self);
gboolean         regie_case_row_get_overdue       (RegieCaseRow  *self);

/* The list holds only the ordered ids (filtering and sorting happen in SQL, a search is the
 * index's answer intersected with them) and makes rows when they are asked for. It follows
 * the store's "changed" signal by itself; regie_case_list_refresh () is for other cases.
 * "total" is the number of dossiers in the store regardless of search and filters: 0 means
 * "no dossiers yet", n-items 0 with a total means "nothing found". */
#define REGIE_TYPE_CASE_LIST (regie_case_list_get_type ())

G_DECLARE_FINAL_TYPE (RegieCaseList, regie_case_list, REGIE, CASE_LIST, GObject)

RegieCaseList   *regie_case_list_new              (RegieStore    *store);

RegieStore      *regie_case_list_get_store        (RegieCaseList *self);
const char      *regie_case_list_get_search_text  (RegieCaseList *self);
void             regie_case_list_set_search_text  (RegieCaseList *self,
                                                   const char    *text);
int              regie_case_list_get_status_filter (RegieCaseList *self);
void             regie_case_list_set_status_filter (RegieCaseList *self,
                                                   int            status);
const char      *regie_case_list_get_theme_filter (RegieCaseList *self);
void             regie_case_list_set_theme_filter (RegieCaseList *self,
                                                   const char    *theme_id);
const char      *regie_case_list_get_casemanager_filter (RegieCaseList *self);
void             regie_case_list_set_casemanager_filter (RegieCaseList *self,
                                                   const char    *casemanager);
gint64           regie_case_list_get_person_filter (RegieCaseList *self);
void             regie_case_list_set_person_filter (RegieCaseList *self,
                                                   gint64         person_id);
RegieCaseSort    regie_case_list_get_sort         (RegieCaseList *self);
void             regie_case_list_set_sort         (RegieCaseList *self,
                                                   RegieCaseSort  sort);
guint            regie_case_list_get_total        (RegieCaseList *self);
gint64           regie_case_list_get_id           (RegieCaseList *self,
                                                   guint          position);
gboolean         regie_case_list_refresh          (RegieCaseList *self,
                                                   GError       **error);

G_END_DECLS
