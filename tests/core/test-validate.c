/* test-validate.c — elfproef, postcodes, dates, e-mail and phone shape, themes, folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "regie-demo.h"
#include "regie-person.h"
#include "regie-theme.h"
#include "regie-validate.h"

/* Written from the definition, independently of the code under test. */
static gboolean
elfproef (const char *bsn)
{
  static const int weights[9] = { 9, 8, 7, 6, 5, 4, 3, 2, -1 };
  int sum = 0;

  if (strlen (bsn) != 9)
    return FALSE;
  for (int i = 0; i < 9; i++)
    {
      if (bsn[i] < '0' || bsn[i] > '9')
        return FALSE;
      sum += weights[i] * (bsn[i] - '0');
    }
  return sum % 11 == 0 && strcmp (bsn, "000000000") != 0;
}

/* A test-only BSN: eight digits from a counter, the check digit found by trying. */
static char *
test_bsn (guint counter)
{
  for (int check = 0; check < 10; check++)
    {
      char *bsn = g_strdup_printf ("1%07u%d", counter, check);

      if (elfproef (bsn))
        return bsn;
      g_free (bsn);
    }
  return NULL;
}

static void
test_bsn_valid (void)
{
  guint found = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *demo = regie_demo_bsn (i);
      g_autofree char *mine = test_bsn (i * 7 + 3);

      g_assert_true (elfproef (demo));
      g_assert_true (regie_bsn_is_valid (demo));
      if (mine != NULL)
        {
          g_assert_true (regie_bsn_is_valid (mine));
          found++;
        }
    }

  /* About ten in eleven counters have a check digit. */
  g_assert_cmpuint (found, >, 1700);
}

static void
test_bsn_invalid (void)
{
  static const char * const bad[] = {
    "000000000", "12345678", "1234567890", "12345678a", "", "123 456 78",
  };
  g_autofree char *valid = test_bsn (4242);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (regie_bsn_is_valid (bad[i]));
  g_assert_false (regie_bsn_is_valid (NULL));

  /* The elfproef catches every single wrong digit and every swap of two different
   * neighbouring digits. */
  for (int pos = 0; pos < 9; pos++)
    for (char digit = '0'; digit <= '9'; digit++)
      {
        g_autofree char *changed = g_strdup (valid);

        if (changed[pos] == digit)
          continue;
        changed[pos] = digit;
        g_assert_false (regie_bsn_is_valid (changed));
      }

  for (int pos = 0; pos < 8; pos++)
    {
      g_autofree char *swapped = g_strdup (valid);
      char c = swapped[pos];

      if (swapped[pos] == swapped[pos + 1])
        continue;
      swapped[pos] = swapped[pos + 1];
      swapped[pos + 1] = c;
      g_assert_false (regie_bsn_is_valid (swapped));
    }
}

static void
test_bsn_input (void)
{
  g_autofree char *valid = regie_demo_bsn (17);
  g_autofree char *dotted = g_strdup_printf ("%.4s.%.2s.%.3s", valid, valid + 4, valid + 6);
  g_autofree char *spaced = g_strdup_printf (" %.4s %.2s %.3s ", valid, valid + 4, valid + 6);
  g_autofree char *wrong = g_strdup (valid);
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (regie_validate_bsn (dotted, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, valid);
  g_clear_pointer (&out, g_free);

  g_assert_true (regie_validate_bsn (spaced, &out, &error));
  g_assert_cmpstr (out, ==, valid);
  g_clear_pointer (&out, g_free);

  g_assert_true (regie_validate_bsn ("   ", &out, &error));
  g_assert_null (out);

  wrong[8] = wrong[8] == '9' ? '0' : wrong[8] + 1;
  g_assert_false (regie_validate_bsn (wrong, &out, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_CHECKSUM);
  g_assert_null (out);
  g_clear_error (&error);

  g_assert_false (regie_validate_bsn ("1234567", NULL, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_FORMAT);
  g_clear_error (&error);
  g_assert_false (regie_validate_bsn ("12345678X", NULL, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_BSN_FORMAT);
}

static void
test_postcode (void)
{
  static const struct { const char *in; const char *out; int code; } cases[] = {
    { "1234ab", "1234 AB", -1 },
    { "1234 AB", "1234 AB", -1 },
    { " 1234  aB ", "1234 AB", -1 },
    { "9999 xz", "9999 XZ", -1 },
    { "1234 SE", "1234 SE", -1 },
    { "0123 AB", NULL, REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT },
    { "1234 SA", NULL, REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT },
    { "1234 sd", NULL, REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT },
    { "1234SS", NULL, REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT },
    { "123 AB", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
    { "12345 AB", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
    { "1234 A1", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
    { "1234 ABC", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
    { "ABCD EF", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
    { "1234-AB", NULL, REGIE_VALIDATE_ERROR_POSTCODE_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      gboolean ok = regie_validate_postcode (cases[i].in, &out, &error);

      g_test_message ("postcode %s", cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].code < 0)
        {
          g_assert_true (ok);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, REGIE_VALIDATE_ERROR, cases[i].code);
          g_assert_cmpuint (strlen (error->message), >, 5);
        }
    }
}

static void
test_dates (void)
{
  static const struct { const char *in; const char *out; int code; } cases[] = {
    { "12-3-1980", "1980-03-12", -1 },
    { "12-03-1980", "1980-03-12", -1 },
    { "1980-03-12", "1980-03-12", -1 },
    { "12/3/1980", "1980-03-12", -1 },
    { "12.3.1980", "1980-03-12", -1 },
    { "12 3 1980", "1980-03-12", -1 },
    { "12031980", "1980-03-12", -1 },
    { "29-2-1980", "1980-02-29", -1 },
    { "31-2-1980", NULL, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE },
    { "29-2-1981", NULL, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE },
    { "12-13-1980", NULL, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE },
    { "0-3-1980", NULL, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE },
    { "12-3", NULL, REGIE_VALIDATE_ERROR_DATE_FORMAT },
    { "12-3-198", NULL, REGIE_VALIDATE_ERROR_DATE_FORMAT },
    { "twaalf maart", NULL, REGIE_VALIDATE_ERROR_DATE_FORMAT },
    { "12-3-1980x", NULL, REGIE_VALIDATE_ERROR_DATE_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      gboolean ok = regie_validate_date (cases[i].in, &out, &error);

      g_test_message ("date %s", cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (ok == (cases[i].code < 0));
      if (cases[i].code >= 0)
        g_assert_error (error, REGIE_VALIDATE_ERROR, cases[i].code);
    }

  g_assert_true (regie_iso_date_is_valid ("2024-02-29"));
  g_assert_false (regie_iso_date_is_valid ("2023-02-29"));
  g_assert_false (regie_iso_date_is_valid ("12-03-1980"));
  g_assert_false (regie_iso_date_is_valid (NULL));
}

static void
test_birth_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = regie_today ();
  char *out = NULL;

  g_assert_true (regie_validate_birth_date ("1-6-2024", "2024-06-01", &out, &error));
  g_assert_cmpstr (out, ==, "2024-06-01");
  g_clear_pointer (&out, g_free);

  g_assert_false (regie_validate_birth_date ("2-6-2024", "2024-06-01", &out, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FUTURE);
  g_assert_null (out);
  g_clear_error (&error);

  g_assert_false (regie_validate_birth_date ("31-12-1899", NULL, &out, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_TOO_OLD);
  g_clear_error (&error);

  g_assert_false (regie_validate_birth_date ("31-2-1980", NULL, &out, &error));
  g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE);
  g_clear_error (&error);

  /* Two-digit years of birth are the most recent such year that has passed. */
  g_assert_true (regie_validate_birth_date ("12-3-80", NULL, &out, &error));
  g_assert_cmpstr (out, ==, "1980-03-12");
  g_clear_pointer (&out, g_free);
  g_assert_true (regie_validate_birth_date ("1-1-05", NULL, &out, &error));
  g_assert_cmpstr (out, ==, "2005-01-01");
  g_clear_pointer (&out, g_free);

  /* Today is not the future. */
  g_assert_true (regie_validate_birth_date (today, NULL, &out, &error));
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (regie_age_on ("1980-03-12", "2024-03-11"), ==, 43);
  g_assert_cmpint (regie_age_on ("1980-03-12", "2024-03-12"), ==, 44);
  g_assert_cmpint (regie_age_on ("2030-01-01", "2024-03-12"), ==, -1);
  g_assert_cmpint (regie_age_on (NULL, NULL), ==, -1);

  out = regie_date_format ("1980-03-12");
  g_assert_cmpstr (out, ==, "12-03-1980");
  g_free (out);
}

static void
test_email (void)
{
  static const char * const good[] = {
    "naam@voorbeeld.nl", "a.b-c+d@sub.voorbeeld.invalid", " jan@demo.invalid ", "ayşe@örnek.tr",
  };
  static const char * const bad[] = {
    "naam", "@voorbeeld.nl", "naam@", "naam@voorbeeld", "naam@voorbeeld.n", "na am@voorbeeld.nl",
    "naam@@voorbeeld.nl", "naam@voorbeeld..nl", "naam@.voorbeeld.nl", "naam@voorbeeld.nl.",
    "naam@voor beeld.nl", "a,b@voorbeeld.nl",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_test_message ("e-mail %s", good[i]);
      g_assert_true (regie_validate_email (good[i], &out, &error));
      g_assert_no_error (error);
      g_assert_nonnull (out);
      g_assert_cmpint (out[0], !=, ' ');
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("e-mail %s", bad[i]);
      g_assert_false (regie_validate_email (bad[i], NULL, &error));
      g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_EMAIL);
    }
}

static void
test_phone (void)
{
  static const char * const good[] = {
    "0612345678", "06-12345678", "020 123 4567", "010-1234567", "+31 6 12345678",
    "+31 (0)6 1234 5678", "0031612345678", "+32 2 123 45 67", "06-00000001",
  };
  static const char * const bad[] = {
    "12345", "061234567", "06123456789", "+31 6 1234567", "+31 6 123456789", "06-1234abcd",
    "1612345678", "+1234", "06 12 34 56 78 9",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("phone %s", good[i]);
      g_assert_true (regie_validate_phone (good[i], NULL, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("phone %s", bad[i]);
      g_assert_false (regie_validate_phone (bad[i], NULL, &error));
      g_assert_error (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_PHONE);
    }
}

static void
test_themes (void)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *ids = regie_theme_get_ids ();

  g_assert_cmpuint (regie_theme_get_count (), ==, 16);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 16);

  for (guint i = 0; ids[i]; i++)
    {
      const char *label = regie_theme_get_label (ids[i]);

      /* Stored ids: plain ASCII, nothing to translate. */
      for (const char *p = ids[i]; *p; p++)
        g_assert_true (g_ascii_islower (*p) || *p == '_');
      g_assert_cmpint (regie_theme_get_index (ids[i]), ==, (int) i);
      g_assert_nonnull (label);
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
    }

  g_assert_cmpstr (regie_theme_get_label ("toeslagen"), ==, "Allowances");
  g_assert_false (regie_theme_is_valid ("Toeslagen"));
  g_assert_false (regie_theme_is_valid (NULL));
  g_assert_cmpint (regie_theme_get_index ("nope"), ==, -1);
}

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Çelik", "celik" },
    { "ÉMILE", "emile" },
    { "Zoë", "zoe" },
    { "Øster", "oster" },
    { "Łukasz", "lukasz" },
    { "Nguyễn", "nguyen" },
    { "Şükrü", "sukru" },
    { "’t Hart", "’t hart" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = regie_name_fold (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/bsn/valid", test_bsn_valid);
  g_test_add_func ("/validate/bsn/invalid", test_bsn_invalid);
  g_test_add_func ("/validate/bsn/input", test_bsn_input);
  g_test_add_func ("/validate/postcode", test_postcode);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/birth-date", test_birth_date);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/themes", test_themes);
  g_test_add_func ("/validate/fold", test_fold);

  return g_test_run ();
}
