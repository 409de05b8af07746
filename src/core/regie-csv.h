/* regie-csv.h — reading CSV as spreadsheets write it (RFC 4180, ';' or ',')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "regie-parse-problem.h"

G_BEGIN_DECLS

/* Only GLib: the fuzzers compile this file on its own. */

typedef struct
{
  guint  line;    /* where the row starts: a quoted field may hold line breaks */
  GStrv  fields;
} RegieCsvRow;

void      regie_csv_row_free (RegieCsvRow *row);

/* Rows of data (the header row included), without empty lines. The delimiter is sniffed
 * from the first row: ';' (Dutch spreadsheets), ',' or a tab. UTF-8 with or without BOM;
 * text that is not UTF-8 is read as Windows-1252. A row that cannot be read is left out
 * and described in problems. FALSE only when the whole input is refused. */
gboolean  regie_csv_parse    (const char  *data,
                              gsize        length,
                              char        *delimiter,
                              GPtrArray  **rows,
                              GPtrArray  **problems,
                              GError     **error);

G_END_DECLS
