/* regie-stats-csv.h — the figures as a spreadsheet file, for the programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-stats.h"

G_BEGIN_DECLS

/* Only aggregated figures: the period, the figures and every breakdown of the Cijfers view,
 * one per row as part;item;value, with a header row, in the interface language. Never a
 * name, BSN, address, free text or any id of a person, dossier or organisation.
 * RFC 4180 (CRLF, quotes where needed). separator ';' is for Dutch Excel: decimal comma
 * and a UTF-8 byte order mark, so that Excel reads the accents right; ',' gives decimal
 * points and no mark, for scripts and other spreadsheets. */
char      *regie_stats_to_csv      (RegieStats    *stats,
                                    char           separator,
                                    gsize         *length);
/* Written whole or not at all (a temporary file renamed into place). */
gboolean   regie_stats_export_csv  (RegieStats    *stats,
                                    GFile         *file,
                                    char           separator,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
