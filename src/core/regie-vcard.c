/* regie-vcard.c — reading vCard 2.1, 3.0 and 4.0, and writing 4.0 (RFC 6350)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "regie-vcard.h"

#define FOLD_OCTETS 75

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

typedef struct
{
  char  *text;
  guint  line;   /* of its first physical line */
} LogicalLine;

static void
property_free (RegieVCardProperty *property)
{
  g_free (property->group);
  g_free (property->name);
  g_strfreev (property->types);
  g_free (property->text);
  g_strfreev (property->components);
  g_strfreev (property->list);
  g_free (property);
}

void
regie_vcard_free (RegieVCard *card)
{
  if (card == NULL)
    return;
  g_free (card->version);
  g_ptr_array_unref (card->properties);
  g_free (card);
}

static RegieVCard *
card_new (guint line)
{
  RegieVCard *card = g_new0 (RegieVCard, 1);

  card->line = line;
  card->version = g_strdup ("");
  card->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  return card;
}

const RegieVCardProperty *
regie_vcard_get (const RegieVCard *card,
                 const char       *name)
{
  g_return_val_if_fail (card != NULL, NULL);

  for (guint i = 0; i < card->properties->len; i++)
    {
      const RegieVCardProperty *property = card->properties->pdata[i];

      if (strcmp (property->name, name) == 0)
        return property;
    }

  return NULL;
}

gboolean
regie_vcard_property_has_type (const RegieVCardProperty *property,
                               const char               *type)
{
  g_return_val_if_fail (property != NULL, FALSE);

  return property->types != NULL && g_strv_contains ((const char * const *) property->types, type);
}

/* Does this (unfolded) line hold a quoted-printable value? Only its part before the value. */
static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = strchr (line, ':');
  g_autofree char *head = NULL;
  g_autofree char *upper = NULL;

  if (colon == NULL)
    return FALSE;
  head = g_strndup (line, colon - line);
  upper = g_ascii_strup (head, -1);
  return strstr (upper, "QUOTED-PRINTABLE") != NULL;
}

/* Physical lines end in CRLF, LF or CR; a line starting with a space or tab continues the
 * one before (folding), and in 2.1 a quoted-printable value ending in '=' goes on on the
 * next line (a soft line break). */
static GPtrArray *
unfold (const char  *data,
        gsize        length,
        GPtrArray   *problems)
{
  GPtrArray *lines = g_ptr_array_new ();
  GString *current = NULL;
  guint current_line = 0;
  gboolean too_long = FALSE;
  gsize pos = 0;
  guint line_no = 0;

  while (pos < length)
    {
      gsize start = pos, end;
      gboolean continues;

      while (pos < length && data[pos] != '\n' && data[pos] != '\r')
        pos++;
      end = pos;
      if (pos < length && data[pos] == '\r')
        pos++;
      if (pos < length && data[pos] == '\n' && (pos == end || data[pos - 1] == '\r' || pos == end))
        pos++;
      line_no++;

      continues = current != NULL && end > start && (data[start] == ' ' || data[start] == '\t');
      if (!continues && current != NULL && current->len > 0 &&
          current->str[current->len - 1] == '=' && is_quoted_printable (current->str))
        {
          /* Soft line break: drop the '=' and join the next line as it is. */
          g_string_truncate (current, current->len - 1);
          if (!too_long)
            g_string_append_len (current, data + start, end - start);
          if (current->len > REGIE_IMPORT_MAX_LINE)
            too_long = TRUE;
          continue;
        }

      if (continues)
        {
          if (!too_long)
            g_string_append_len (current, data + start + 1, end - start - 1);
          if (current->len > REGIE_IMPORT_MAX_LINE)
            too_long = TRUE;
          continue;
        }

      if (current != NULL)
        {
          LogicalLine *logical = g_new0 (LogicalLine, 1);

          if (too_long)
            {
              regie_parse_problem_add (problems, current_line, _("The line is too long"));
              g_string_truncate (current, 0);
              g_string_append (current, "X-REGIE-TOO-LONG;:");
            }
          logical->line = current_line;
          logical->text = g_string_free (current, FALSE);
          g_ptr_array_add (lines, logical);
        }

      current = g_string_new_len (data + start, MIN (end - start, (gsize) REGIE_IMPORT_MAX_LINE + 1));
      too_long = end - start > REGIE_IMPORT_MAX_LINE;
      current_line = line_no;
    }

  if (current != NULL)
    {
      LogicalLine *logical = g_new0 (LogicalLine, 1);

      if (too_long)
        {
          regie_parse_problem_add (problems, current_line, _("The line is too long"));
          g_string_truncate (current, 0);
          g_string_append (current, "X-REGIE-TOO-LONG;:");
        }
      logical->line = current_line;
      logical->text = g_string_free (current, FALSE);
      g_ptr_array_add (lines, logical);
    }

  return lines;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static char *
decode_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '=' && p[1] != '\0' && hex_value (p[1]) >= 0 && p[2] != '\0' && hex_value (p[2]) >= 0)
        {
          g_string_append_c (out, (char) (hex_value (p[1]) * 16 + hex_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* To UTF-8: from the declared charset, else as UTF-8, else (old exports) Windows-1252. */
static char *
to_utf8 (char       *bytes,
         const char *charset)
{
  char *converted = NULL;

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "UTF8") != 0)
    converted = g_convert (bytes, -1, "UTF-8", charset, NULL, NULL, NULL);

  if (converted == NULL && g_utf8_validate (bytes, -1, NULL))
    converted = g_strdup (bytes);
  if (converted == NULL)
    converted = g_convert (bytes, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_utf8_make_valid (bytes, -1);

  g_free (bytes);
  return converted;
}

static char *
unescape (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\\' && i + 1 < length)
        {
          char next = text[++i];

          if (next == 'n' || next == 'N')
            g_string_append_c (out, '\n');
          else
            g_string_append_c (out, next);
        }
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

static GStrv
split_unescaped (const char *text,
                 char        separator)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;
  const char *p;

  for (p = text; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == separator)
        {
          g_ptr_array_add (parts, unescape (start, p - start));
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, unescape (start, p - start));
  g_ptr_array_add (parts, NULL);

  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static char *
unquote (const char *text)
{
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    return g_strndup (text + 1, len - 2);
  return g_strdup (text);
}

/* "item1.TEL;TYPE=work,voice;CHARSET=UTF-8:value"; FALSE when it is not a property line. */
static gboolean
parse_property (const char          *line,
                RegieVCardProperty **out,
                gboolean            *skip)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name_part = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *raw = NULL;
  RegieVCardProperty *property;
  const char *value = NULL;
  const char *start = line;
  gboolean quoted = FALSE;
  gboolean qp = FALSE;
  const char *dot;

  *skip = FALSE;

  /* The head ends at the first ':' outside double quotes; ';' separates its parameters. */
  for (const char *p = line; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == ';' || *p == ':'))
        {
          g_ptr_array_add (params, g_strndup (start, p - start));
          start = p + 1;
          if (*p == ':')
            {
              value = p + 1;
              break;
            }
        }
    }
  if (value == NULL || params->len == 0)
    return FALSE;

  name_part = g_strdup (params->pdata[0]);
  g_strstrip (name_part);
  if (*name_part == '\0')
    return FALSE;
  for (const char *p = name_part; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;

  for (guint i = 1; i < params->len; i++)
    {
      const char *param = params->pdata[i];
      const char *eq = strchr (param, '=');
      g_autofree char *key = NULL;
      g_autofree char *val = NULL;

      if (eq == NULL)
        {
          /* 2.1: bare values, "TEL;WORK;VOICE:" and "NOTE;QUOTED-PRINTABLE:". */
          key = g_ascii_strup (param, -1);
          if (strcmp (key, "QUOTED-PRINTABLE") == 0)
            qp = TRUE;
          else if (strcmp (key, "BASE64") == 0 || strcmp (key, "B") == 0)
            *skip = TRUE;
          else if (*key != '\0')
            g_ptr_array_add (types, g_ascii_strdown (param, -1));
          continue;
        }

      key = g_ascii_strup (param, eq - param);
      g_strstrip (key);
      val = unquote (eq + 1);
      if (strcmp (key, "TYPE") == 0)
        {
          g_auto(GStrv) values = g_strsplit (val, ",", -1);

          for (guint v = 0; values[v]; v++)
            if (*g_strstrip (values[v]) != '\0' && types->len < REGIE_IMPORT_MAX_PROPERTIES)
              g_ptr_array_add (types, g_ascii_strdown (values[v], -1));
        }
      else if (strcmp (key, "ENCODING") == 0)
        {
          if (g_ascii_strcasecmp (val, "QUOTED-PRINTABLE") == 0)
            qp = TRUE;
          else if (g_ascii_strcasecmp (val, "BASE64") == 0 || g_ascii_strcasecmp (val, "B") == 0)
            *skip = TRUE;
        }
      else if (strcmp (key, "CHARSET") == 0)
        set_str (&charset, val);
    }
  g_ptr_array_add (types, NULL);

  property = g_new0 (RegieVCardProperty, 1);
  dot = strrchr (name_part, '.');
  if (dot != NULL)
    {
      property->group = g_strndup (name_part, dot - name_part);
      property->name = g_ascii_strup (dot + 1, -1);
    }
  else
    property->name = g_ascii_strup (name_part, -1);
  property->types = (GStrv) g_ptr_array_free (g_steal_pointer (&types), FALSE);

  raw = qp ? decode_quoted_printable (value) : g_strdup (value);
  raw = to_utf8 (g_steal_pointer (&raw), charset);
  property->text = unescape (raw, strlen (raw));
  property->components = split_unescaped (raw, ';');
  property->list = split_unescaped (raw, ',');

  if (*property->name == '\0')
    {
      property_free (property);
      return FALSE;
    }

  *out = property;
  return TRUE;
}

static gboolean
line_is (const char *line,
         const char *what)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));

  return g_ascii_strcasecmp (copy, what) == 0;
}

gboolean
regie_vcard_parse (const char  *data,
                   gsize        length,
                   GPtrArray  **cards_out,
                   GPtrArray  **problems_out,
                   GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_vcard_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_parse_problem_free);
  g_autoptr(RegieVCard) card = NULL;
  GPtrArray *lines;
  gboolean card_bad = FALSE;
  gboolean outside_reported = FALSE;
  guint n_begun = 0;
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

  lines = unfold (data, length, problems);

  for (guint i = 0; i < lines->len && ok; i++)
    {
      LogicalLine *line = lines->pdata[i];
      RegieVCardProperty *property = NULL;
      gboolean skip;

      if (card == NULL)
        {
          if (line_is (line->text, "BEGIN:VCARD"))
            {
              if (++n_begun > REGIE_IMPORT_MAX_ENTRIES)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               _("The file holds more than %d cards; split it up"), REGIE_IMPORT_MAX_ENTRIES);
                  ok = FALSE;
                  break;
                }
              card = card_new (line->line);
              card_bad = FALSE;
              outside_reported = FALSE;
            }
          else if (*g_strstrip (line->text) != '\0' && !outside_reported)
            {
              regie_parse_problem_add (problems, line->line, _("Text outside a card (BEGIN:VCARD missing)"));
              outside_reported = TRUE;
            }
          continue;
        }

      if (line_is (line->text, "END:VCARD"))
        {
          if (!card_bad)
            g_ptr_array_add (cards, g_steal_pointer (&card));
          g_clear_pointer (&card, regie_vcard_free);
          continue;
        }

      if (line_is (line->text, "BEGIN:VCARD"))
        {
          /* 2.1's AGENT could nest a card; nothing here uses it, so this is an unended card. */
          regie_parse_problem_add (problems, card->line, _("The card does not end (END:VCARD missing)"));
          g_clear_pointer (&card, regie_vcard_free);
          i--;
          continue;
        }

      if (card_bad || *line->text == '\0')
        continue;

      if (card->properties->len >= REGIE_IMPORT_MAX_PROPERTIES)
        {
          regie_parse_problem_add (problems, line->line, _("The card has too many lines"));
          card_bad = TRUE;
          continue;
        }

      if (strncmp (line->text, "X-REGIE-TOO-LONG;:", 18) == 0)
        {
          card_bad = TRUE;
          continue;
        }

      if (!parse_property (line->text, &property, &skip))
        {
          regie_parse_problem_add (problems, line->line, _("This line of the card cannot be read"));
          card_bad = TRUE;
          continue;
        }

      if (skip)
        {
          property_free (property);
          continue;
        }

      if (strcmp (property->name, "VERSION") == 0)
        set_str (&card->version, g_strstrip (property->text));
      g_ptr_array_add (card->properties, property);
    }

  if (ok && card != NULL)
    regie_parse_problem_add (problems, card->line, _("The card does not end (END:VCARD missing)"));

  for (guint i = 0; i < lines->len; i++)
    {
      LogicalLine *line = lines->pdata[i];

      g_free (line->text);
      g_free (line);
    }
  g_ptr_array_unref (lines);

  if (!ok)
    return FALSE;

  if (cards->len == 0 && problems->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file holds no cards"));
      return FALSE;
    }

  if (cards_out != NULL)
    *cards_out = g_steal_pointer (&cards);
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

/* Writing */

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    list)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Lines longer than 75 octets go on after CRLF and a space, never inside a character. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize size = next - p;

      if (width + size > FOLD_OCTETS)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, size);
      width += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

void
regie_vcard_append (GString            *out,
                    const char         *name,
                    const char         *params,
                    const char * const *components,
                    gboolean            list)
{
  g_autoptr(GString) line = NULL;
  gboolean any = FALSE;

  g_return_if_fail (out != NULL && name != NULL && components != NULL);

  for (guint i = 0; components[i]; i++)
    any |= *components[i] != '\0';
  if (!any)
    return;

  line = g_string_new (name);
  if (params != NULL && *params != '\0')
    g_string_append_printf (line, ";%s", params);
  g_string_append_c (line, ':');
  for (guint i = 0; components[i]; i++)
    {
      if (i > 0)
        g_string_append_c (line, list ? ',' : ';');
      append_escaped (line, components[i], list);
    }

  append_folded (out, line->str);
}

void
regie_vcard_append_text (GString    *out,
                         const char *name,
                         const char *params,
                         const char *text)
{
  const char *components[] = { text ? text : "", NULL };

  regie_vcard_append (out, name, params, components, FALSE);
}
