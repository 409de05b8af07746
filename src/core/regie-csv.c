/* regie-csv.c — reading CSV as spreadsheets write it (RFC 4180, ';' or ',')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "regie-csv.h"

#define MAX_FIELDS 200

void
regie_csv_row_free (RegieCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

/* The separator that occurs most outside quotes on the first line; ';' wins a tie,
 * as Dutch Excel writes it. */
static char
sniff_delimiter (const char *data,
                 gsize       length)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (semicolons + commas + tabs > 0)
            break;
        }
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (tabs > semicolons && tabs > commas)
    return '\t';
  if (commas > semicolons)
    return ',';
  return ';';
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *problems;
  GPtrArray *fields;
  GString   *field;
  guint      row_line;
  gboolean   row_bad;
} Parser;

static void
end_field (Parser *parser)
{
  if (parser->fields->len >= MAX_FIELDS)
    {
      if (!parser->row_bad)
        regie_parse_problem_add (parser->problems, parser->row_line, _("The row has too many columns"));
      parser->row_bad = TRUE;
    }
  else
    g_ptr_array_add (parser->fields, g_strdup (parser->field->str));
  g_string_truncate (parser->field, 0);
}

static void
end_row (Parser *parser)
{
  gboolean empty = TRUE;

  end_field (parser);
  for (guint i = 0; i < parser->fields->len; i++)
    if (*g_strstrip ((char *) parser->fields->pdata[i]) != '\0')
      empty = FALSE;

  if (!empty && !parser->row_bad)
    {
      RegieCsvRow *row = g_new0 (RegieCsvRow, 1);

      g_ptr_array_add (parser->fields, NULL);
      row->line = parser->row_line;
      row->fields = (GStrv) g_ptr_array_free (parser->fields, FALSE);
      parser->fields = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (parser->rows, row);
    }
  else
    g_ptr_array_set_size (parser->fields, 0);

  parser->row_bad = FALSE;
}

gboolean
regie_csv_parse (const char  *data,
                 gsize        length,
                 char        *delimiter_out,
                 GPtrArray  **rows_out,
                 GPtrArray  **problems_out,
                 GError     **error)
{
  g_autofree char *converted = NULL;
  Parser parser = { 0 };
  gboolean quoted = FALSE;
  guint line = 1;
  char delimiter;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > REGIE_IMPORT_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file is too big to import (more than %d MB)"), REGIE_IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (length == 0)
    data = "";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;

  /* Spreadsheets on Windows save "CSV" in Windows-1252 unless told otherwise. */
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      gsize written = 0;

      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      if (converted == NULL)
        converted = g_utf8_make_valid (data, length);
      else
        length = written;
      length = strlen (converted);
      data = converted;
    }

  delimiter = sniff_delimiter (data, length);
  parser.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_csv_row_free);
  parser.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_parse_problem_free);
  parser.fields = g_ptr_array_new_with_free_func (g_free);
  parser.field = g_string_new (NULL);
  parser.row_line = 1;

  for (gsize i = 0; i < length && ok; i++)
    {
      char c = data[i];

      if (parser.field->len > REGIE_IMPORT_MAX_LINE)
        {
          if (!parser.row_bad)
            regie_parse_problem_add (parser.problems, parser.row_line, _("A field of the row is too long"));
          parser.row_bad = TRUE;
          g_string_truncate (parser.field, 0);
        }

      if (quoted)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            {
              g_string_append_c (parser.field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n' || (c == '\r' && !(i + 1 < length && data[i + 1] == '\n')))
                line++;
              if (c != '\r')
                g_string_append_c (parser.field, c);
              else if (!(i + 1 < length && data[i + 1] == '\n'))
                g_string_append_c (parser.field, '\n');
            }
          continue;
        }

      if (c == '"' && parser.field->len == 0)
        quoted = TRUE;
      else if (c == delimiter)
        end_field (&parser);
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          end_row (&parser);
          line++;
          parser.row_line = line;
          if (parser.rows->len > REGIE_IMPORT_MAX_ENTRIES)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("The file holds more than %d rows; split it up"), REGIE_IMPORT_MAX_ENTRIES);
              ok = FALSE;
            }
        }
      else
        /* A quote inside an unquoted field is taken as it is, as spreadsheets do. */
        g_string_append_c (parser.field, c);
    }

  if (ok && quoted)
    {
      regie_parse_problem_add (parser.problems, parser.row_line,
                               _("A quoted field does not end (a \" is missing)"));
      g_ptr_array_set_size (parser.fields, 0);
      g_string_truncate (parser.field, 0);
    }
  else if (ok && (parser.field->len > 0 || parser.fields->len > 0))
    end_row (&parser);

  g_string_free (parser.field, TRUE);
  g_ptr_array_unref (parser.fields);

  if (ok && parser.rows->len > REGIE_IMPORT_MAX_ENTRIES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file holds more than %d rows; split it up"), REGIE_IMPORT_MAX_ENTRIES);
      ok = FALSE;
    }

  if (!ok)
    {
      g_ptr_array_unref (parser.rows);
      g_ptr_array_unref (parser.problems);
      return FALSE;
    }

  if (delimiter_out != NULL)
    *delimiter_out = delimiter;
  if (rows_out != NULL)
    *rows_out = parser.rows;
  else
    g_ptr_array_unref (parser.rows);
  if (problems_out != NULL)
    *problems_out = parser.problems;
  else
    g_ptr_array_unref (parser.problems);
  return TRUE;
}
