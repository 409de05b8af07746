/* regie-search-private.h — for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-search.h"
#include "regie-sql-private.h"

G_BEGIN_DECLS

/* Keeping the index in step: call inside the transaction that changes the data. */
gboolean   _regie_search_index_case    (RegieStore  *store,
                                        gint64       case_id,
                                        GError     **error);
gboolean   _regie_search_index_person  (RegieStore  *store,
                                        gint64       person_id,
                                        GError     **error);
gboolean   _regie_search_unindex_case  (RegieStore  *store,
                                        gint64       case_id,
                                        GError     **error);
/* Rewrites the index so that nothing of deleted rows is left in its older segments. */
gboolean   _regie_search_purge         (RegieStore  *store,
                                        GError     **error);

GArray    *_regie_search_person_ids    (RegieStore  *store,
                                        const char  *text,
                                        guint        limit,
                                        GError     **error);
/* An FTS MATCH expression for text over the names column only, or NULL. */
char      *_regie_search_names_match   (const char  *text);

G_END_DECLS
