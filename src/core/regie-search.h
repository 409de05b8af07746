/* regie-search.h — find dossiers as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "regie-store.h"

G_BEGIN_DECLS

/* What a casemanager types is split into words, and all words must match:
 * - 9 digits: the BSN, exactly (never a part of one);
 * - a date 12-3-1980, 12-03-1980, 12/3/80 or 1980-03-12: the birth date; while it is being
 *   typed (12-3, 12-3-19) it matches the birth dates that begin that way;
 * - a postcode 1234 AB or 1234AB (also 1234 A while typing);
 * - anything else: the beginning of a word in the names, postcode, question or notes,
 *   with accents and case ignored ("celik" finds Çelik, "jans" finds Jansen). The commonest
 *   Dutch words ("de", "het", "van", "ik" …) are not indexed in questions and notes and
 *   are left out of the search once they are typed in full ("van der berg" is "berg").
 * Search syntax (quotes, *, -, OR, NEAR …) has no meaning: it can never fail or widen. */
gboolean   regie_search_text_is_empty (const char  *text);

/* Matching dossier ids in ascending order; empty when the text has nothing to search for. */
GArray    *regie_search_cases         (RegieStore  *store,
                                       const char  *text,
                                       GError     **error);

/* How the text is understood, for tests and debugging: "fts=jan* berg* bsn=… date=…". */
char      *regie_search_describe      (const char  *text);

G_END_DECLS
