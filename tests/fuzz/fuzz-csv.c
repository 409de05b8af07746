/* fuzz-csv.c — libFuzzer target for the CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GPtrArray *rows = NULL;
  GPtrArray *problems = NULL;
  char delimiter = 0;

  if (!regie_csv_parse ((const char *) data, size, &delimiter, &rows, &problems, NULL))
    return 0;

  g_assert (delimiter == ';' || delimiter == ',' || delimiter == '\t');
  for (guint i = 0; i < rows->len; i++)
    {
      RegieCsvRow *row = rows->pdata[i];

      g_assert (row->line >= 1);
      for (guint f = 0; row->fields[f]; f++)
        g_assert (g_utf8_validate (row->fields[f], -1, NULL));
    }

  g_ptr_array_unref (rows);
  g_ptr_array_unref (problems);
  return 0;
}
