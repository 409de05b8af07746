/* regie-validate.c — checks and normal forms for what a casemanager types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-validate.h"

G_DEFINE_QUARK (regie-validate-error-quark, regie_validate_error)

/* Returns a trimmed copy, or NULL when nothing but blanks was typed. */
static char *
trimmed_or_null (const char *input)
{
  char *copy;

  if (input == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (input));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static gboolean
give (char  *value,
      char **out)
{
  if (out != NULL)
    *out = value;
  else
    g_free (value);

  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

gboolean
regie_bsn_is_valid (const char *bsn)
{
  int sum = 0;
  gboolean zeros = TRUE;

  if (bsn == NULL || strlen (bsn) != 9 || !all_digits (bsn, 9))
    return FALSE;

  /* Elfproef: 9a + 8b + … + 2h − 1i must be divisible by 11. */
  for (int i = 0; i < 9; i++)
    {
      int digit = bsn[i] - '0';

      sum += (i < 8 ? 9 - i : -1) * digit;
      zeros = zeros && digit == 0;
    }

  return !zeros && sum % 11 == 0;
}

gboolean
regie_validate_bsn (const char  *input,
                    char       **out,
                    GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  g_autoptr(GString) digits = g_string_new (NULL);

  if (text == NULL)
    return give (NULL, out);

  /* People copy BSNs from letters as "1234.56.789" or "1234 56 789". */
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '.' && *p != '-')
        goto bad_format;
    }

  if (digits->len != 9)
    goto bad_format;

  if (!regie_bsn_is_valid (digits->str))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_CHECKSUM,
                           _("This BSN fails the eleven test"));
      return FALSE;
    }

  return give (g_string_free (g_steal_pointer (&digits), FALSE), out);

bad_format:
  g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_FORMAT,
                       _("A BSN has 9 digits"));
  return FALSE;
}

gboolean
regie_validate_postcode (const char  *input,
                         char       **out,
                         GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  char compact[7];
  gsize n = 0;

  if (text == NULL)
    return give (NULL, out);

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ')
        continue;
      if (n == sizeof compact - 1)
        goto bad_format;
      compact[n++] = g_ascii_toupper (*p);
    }
  compact[n] = '\0';

  if (n != 6 || !all_digits (compact, 4) ||
      !g_ascii_isalpha (compact[4]) || !g_ascii_isalpha (compact[5]))
    goto bad_format;

  /* No postcode starts with 0, and PostNL never uses SA, SD or SS. */
  if (compact[0] == '0' ||
      (compact[4] == 'S' && (compact[5] == 'A' || compact[5] == 'D' || compact[5] == 'S')))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT,
                           _("This postcode does not exist"));
      return FALSE;
    }

  return give (g_strdup_printf ("%.4s %.2s", compact, compact + 4), out);

bad_format:
  g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT,
                       _("Type the postcode as 1234 AB"));
  return FALSE;
}

static void
local_today (int *year,
             int *month,
             int *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_time_get_ymd (now, year, month, day);
}

char *
regie_today (void)
{
  int y, m, d;

  local_today (&y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static gboolean
is_separator (char c)
{
  return c == '-' || c == '/' || c == '.' || c == ' ';
}

/* Reads up to max_digits digits; returns how many it read. */
static int
read_number (const char **p,
             int          max_digits,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n;
}

/* Dutch d-m-yyyy (any of - / . or space between), ddmmyyyy, or ISO yyyy-mm-dd. A two-digit
 * year is the most recent past one when past_years (12-3-80 is 1980), else in this century. */
static gboolean
parse_date (const char  *text,
            gboolean     past_years,
            GDateYear   *year_out,
            GDateMonth  *month_out,
            GDateDay    *day_out,
            GError     **error)
{
  const char *p = text;
  int a, b, c;
  int na, nb, nc;
  int year, month, day;

  na = read_number (&p, 8, &a);

  if (na == 8 && *p == '\0')
    {
      day = a / 1000000;
      month = a / 10000 % 100;
      year = a % 10000;
    }
  else if (na == 4 && *p == '-')
    {
      p++;
      nb = read_number (&p, 2, &b);
      if (nb == 0 || *p++ != '-')
        goto bad_format;
      nc = read_number (&p, 2, &c);
      if (nc == 0 || *p != '\0')
        goto bad_format;
      year = a, month = b, day = c;
    }
  else if ((na == 1 || na == 2) && is_separator (*p))
    {
      p++;
      nb = read_number (&p, 2, &b);
      if (nb == 0 || !is_separator (*p))
        goto bad_format;
      p++;
      nc = read_number (&p, 4, &c);
      if ((nc != 2 && nc != 4) || *p != '\0')
        goto bad_format;

      day = a, month = b, year = c;
      if (nc == 2)
        {
          int this_year, m, d;

          local_today (&this_year, &m, &d);
          year += 2000;
          if (past_years && year > this_year)
            year -= 100;
        }
    }
  else
    goto bad_format;

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE,
                           _("This date does not exist"));
      return FALSE;
    }

  *year_out = year;
  *month_out = month;
  *day_out = day;
  return TRUE;

bad_format:
  g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                       _("Type the date as day-month-year, for example 12-3-1980"));
  return FALSE;
}

static char *
iso (GDateYear  year,
     GDateMonth month,
     GDateDay   day)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) month, (guint) day);
}

gboolean
regie_validate_date (const char  *input,
                     char       **out,
                     GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  GDateYear year;
  GDateMonth month;
  GDateDay day;

  if (text == NULL)
    return give (NULL, out);

  if (!parse_date (text, FALSE, &year, &month, &day, error))
    return FALSE;

  return give (iso (year, month, day), out);
}

gboolean
regie_validate_birth_date (const char  *input,
                           const char  *today,
                           char       **out,
                           GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  g_autofree char *now = NULL;
  g_autofree char *result = NULL;
  GDateYear year;
  GDateMonth month;
  GDateDay day;

  if (text == NULL)
    return give (NULL, out);

  if (!parse_date (text, TRUE, &year, &month, &day, error))
    return FALSE;

  result = iso (year, month, day);
  if (today == NULL)
    today = now = regie_today ();

  if (strcmp (result, today) > 0)
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FUTURE,
                           _("A birth date cannot be in the future"));
      return FALSE;
    }

  if (year < 1900)
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_TOO_OLD,
                           _("A birth date cannot be before 1900"));
      return FALSE;
    }

  return give (g_steal_pointer (&result), out);
}

gboolean
regie_iso_date_is_valid (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10 ||
      !all_digits (iso_date, 4) || iso_date[4] != '-' ||
      !all_digits (iso_date + 5, 2) || iso_date[7] != '-' ||
      !all_digits (iso_date + 8, 2))
    return FALSE;

  year = atoi (iso_date);
  month = atoi (iso_date + 5);
  day = atoi (iso_date + 8);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

char *
regie_date_format (const char *iso_date)
{
  if (!regie_iso_date_is_valid (iso_date))
    return NULL;

  /* The Dutch way: 12-03-1980. */
  return g_strdup_printf ("%.2s-%.2s-%.4s", iso_date + 8, iso_date + 5, iso_date);
}

int
regie_age_on (const char *iso_birth_date,
              const char *today)
{
  g_autofree char *now = NULL;
  int age;

  if (!regie_iso_date_is_valid (iso_birth_date))
    return -1;

  if (today == NULL)
    today = now = regie_today ();
  if (!regie_iso_date_is_valid (today) || strcmp (iso_birth_date, today) > 0)
    return -1;

  age = atoi (today) - atoi (iso_birth_date);
  /* Not yet had this year's birthday: compare "MM-DD". */
  if (strcmp (today + 5, iso_birth_date + 5) < 0)
    age--;

  return age;
}

static gboolean
is_domain_label_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

gboolean
regie_validate_email (const char  *input,
                      char       **out,
                      GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  const char *at;
  const char *domain;
  const char *last_dot;
  const char *p;

  if (text == NULL)
    return give (NULL, out);

  if (!g_utf8_validate (text, -1, NULL))
    goto bad;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    goto bad;

  for (p = text; p < at; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || *p == ',' || *p == ';')
      goto bad;

  /* domain: labels of letters, digits and hyphens, at least one dot, a top level of 2+ */
  domain = at + 1;
  last_dot = strrchr (domain, '.');
  if (last_dot == NULL || last_dot == domain || g_utf8_strlen (last_dot + 1, -1) < 2)
    goto bad;

  for (p = domain; *p; p = g_utf8_next_char (p))
    {
      if (*p == '.')
        {
          if (p == domain || p[1] == '.' || p[1] == '\0')
            goto bad;
          continue;
        }
      if (!is_domain_label_char (g_utf8_get_char (p)))
        goto bad;
    }

  return give (g_steal_pointer (&text), out);

bad:
  g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_EMAIL,
                       _("An e-mail address looks like name@example.nl"));
  return FALSE;
}

gboolean
regie_validate_phone (const char  *input,
                      char       **out,
                      GError     **error)
{
  g_autofree char *text = trimmed_or_null (input);
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean international = FALSE;
  const char *p;

  if (text == NULL)
    return give (NULL, out);

  p = text;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      /* "+31 (0)6 …" is how many people write it: the (0) is not dialled. */
      else if (international && g_str_has_prefix (p, "(0)"))
        p += 2;
      else if (*p != ' ' && *p != '-' && *p != '.' && *p != '/' && *p != '(' && *p != ')')
        goto bad;
    }

  if (!international && g_str_has_prefix (digits->str, "00"))
    {
      international = TRUE;
      g_string_erase (digits, 0, 2);
    }

  if (international)
    {
      /* A Dutch number abroad: 31 and the 9 digits after the 0. Others: E.164 lengths. */
      if (g_str_has_prefix (digits->str, "31") ? digits->len != 11
                                               : (digits->len < 8 || digits->len > 15))
        goto bad;
    }
  else if (digits->len != 10 || digits->str[0] != '0')
    goto bad;

  return give (g_steal_pointer (&text), out);

bad:
  g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_PHONE,
                       _("A phone number has 10 digits and starts with 0, or starts with + and a country code"));
  return FALSE;
}
