/* test-network-import.c — vCard 2.1, 3.0 and 4.0 and CSV in, vCard 4.0 out: parsing quirks,
 * the import plan (added, updated, unchanged, skipped with lines), one transaction, and the
 * round trip export → import with no change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regie-dossier-fixture.h"
#include "regie-csv.h"
#include "regie-demo-network.h"
#include "regie-import-plan.h"
#include "regie-network.h"
#include "regie-network-private.h"
#include "regie-vcard.h"

static GPtrArray *
parse_cards (const char  *text,
             GPtrArray  **problems_out)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (regie_vcard_parse (text, strlen (text), &cards, &problems, &error));
  g_assert_no_error (error);
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  else
    g_assert_cmpuint (problems->len, ==, 0);
  return g_steal_pointer (&cards);
}

static void
test_vcard_21 (void)
{
  /* Quoted-printable with a soft line break, a Latin-1 charset, bare 2.1 types, CRLF. */
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N:Voorbeeld;Jos\xE9;;;\r\n"
    "FN;CHARSET=ISO-8859-1:Jos\xE9 Voorbeeld\r\n"
    "ORG:Gemeente Proefstad;Schuldhulp\r\n"
    "TEL;WORK;VOICE:0800-0000301\r\n"
    "TEL;CELL:06-00000301\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Bel na 10 uur=0D=0Avoor een afspraak, g=\r\n"
    "raag=3D snel\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:AAAA\r\n"
    "END:VCARD\r\n";
  g_autoptr(GPtrArray) cards = parse_cards (text, NULL);
  RegieVCard *card;
  const RegieVCardProperty *tel;

  g_assert_cmpuint (cards->len, ==, 1);
  card = cards->pdata[0];
  g_assert_cmpstr (card->version, ==, "2.1");
  g_assert_cmpuint (card->line, ==, 1);
  g_assert_cmpstr (regie_vcard_get (card, "FN")->text, ==, "José Voorbeeld");
  g_assert_cmpstr (regie_vcard_get (card, "NOTE")->text, ==, "Bel na 10 uur\r\nvoor een afspraak, graag= snel");
  g_assert_cmpstr (regie_vcard_get (card, "ORG")->components[1], ==, "Schuldhulp");
  tel = regie_vcard_get (card, "TEL");
  g_assert_true (regie_vcard_property_has_type (tel, "work"));
  g_assert_true (regie_vcard_property_has_type (tel, "voice"));
  /* The binary photo is left out. */
  g_assert_null (regie_vcard_get (card, "PHOTO"));
}

static void
test_vcard_30 (void)
{
  /* BOM, LF only, folding with a space and a tab, escapes, groups, two cards. */
  const char *text =
    "\xEF\xBB\xBF" "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Pieter Proef\n"
    "N:Proef;Pieter;;;\n"
    "item1.TEL;type=WORK,pref:0800-0000302\n"
    "item1.X-ABLabel:Kantoor\n"
    "NOTE:Eerste regel\\nTweede\\, met komma\\; en puntkomma \\\\ slash en een heel lan\n"
    " ge regel die is gev\n"
    "\touwen\n"
    "CATEGORIES:Schulden,Toeslagen,Iets anders\n"
    "END:VCARD\n"
    "\n"
    "begin:vcard\n"
    "version:3.0\n"
    "fn:Tweede Kaart\n"
    "end:vcard\n";
  g_autoptr(GPtrArray) cards = parse_cards (text, NULL);
  RegieVCard *card;
  const RegieVCardProperty *tel;
  const RegieVCardProperty *categories;

  g_assert_cmpuint (cards->len, ==, 2);
  card = cards->pdata[0];
  tel = regie_vcard_get (card, "TEL");
  g_assert_cmpstr (tel->group, ==, "item1");
  g_assert_cmpstr (tel->text, ==, "0800-0000302");
  g_assert_true (regie_vcard_property_has_type (tel, "work"));
  g_assert_cmpstr (regie_vcard_get (card, "NOTE")->text, ==,
                   "Eerste regel\nTweede, met komma; en puntkomma \\ slash en een heel lange regel die is gevouwen");
  categories = regie_vcard_get (card, "CATEGORIES");
  g_assert_cmpuint (g_strv_length (categories->list), ==, 3);
  g_assert_cmpstr (categories->list[1], ==, "Toeslagen");
  card = cards->pdata[1];
  g_assert_cmpuint (card->line, ==, 13);
  g_assert_cmpstr (regie_vcard_get (card, "FN")->text, ==, "Tweede Kaart");
}

static void
test_vcard_40 (void)
{
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:org\r\n"
    "UID:urn:uuid:00000000-0000-4000-8000-000000000001\r\n"
    "FN:Wijkteam Test\r\n"
    "TEL;VALUE=uri;TYPE=\"work,voice\":tel:0800-0000303\r\n"
    "ADR;TYPE=work:;;Demostraat 1;Proefstad;;9999 XA;Nederland\r\n"
    "URL:https://wijkteam.voorbeeld.invalid\r\n"
    "EMAIL:wijkteam@voorbeeld.invalid\r\n"
    "END:VCARD\r\n";
  g_autoptr(GPtrArray) cards = parse_cards (text, NULL);
  RegieVCard *card = cards->pdata[0];
  const RegieVCardProperty *adr = regie_vcard_get (card, "ADR");

  g_assert_cmpstr (card->version, ==, "4.0");
  g_assert_cmpstr (regie_vcard_get (card, "KIND")->text, ==, "org");
  g_assert_true (regie_vcard_property_has_type (regie_vcard_get (card, "TEL"), "voice"));
  g_assert_cmpstr (adr->components[2], ==, "Demostraat 1");
  g_assert_cmpstr (adr->components[5], ==, "9999 XA");
}

static void
test_vcard_malformed (void)
{
  /* A line without ':' spoils its card (line 4), a card without END (line 11) is
   * reported at its BEGIN; the cards around them are kept. */
  const char *text =
    "BEGIN:VCARD\n"          /* 1 */
    "VERSION:3.0\n"
    "FN:Goed Een\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"          /* 5 */
    "VERSION:3.0\n"
    "FN:Kapot\n"
    "DIT IS GEEN EIGENSCHAP\n" /* 8 */
    "END:VCARD\n"
    "rommel\n"               /* 10 */
    "BEGIN:VCARD\n"          /* 11 */
    "FN:Zonder einde\n"
    "BEGIN:VCARD\n"          /* 13 */
    "FN:Goed Twee\n"
    "END:VCARD\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = parse_cards (text, &problems);
  g_autoptr(GError) error = NULL;
  RegieParseProblem *problem;

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 8);
  problem = problems->pdata[1];
  g_assert_cmpuint (problem->line, ==, 10);
  problem = problems->pdata[2];
  g_assert_cmpuint (problem->line, ==, 11);

  /* Nothing at all, and too much. */
  g_assert_false (regie_vcard_parse ("", 0, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (regie_vcard_parse ("x", REGIE_IMPORT_MAX_BYTES + 1, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  /* Too many cards is refused as a whole. */
  {
    GString *many = g_string_new (NULL);

    for (guint i = 0; i <= REGIE_IMPORT_MAX_ENTRIES; i++)
      g_string_append (many, "BEGIN:VCARD\nFN:x\nEND:VCARD\n");
    g_assert_false (regie_vcard_parse (many->str, many->len, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
    g_clear_error (&error);
    g_string_free (many, TRUE);
  }

  /* A line longer than the cap spoils only its card. */
  {
    GString *text2 = g_string_new ("BEGIN:VCARD\nFN:");
    g_autoptr(GPtrArray) cards2 = NULL;
    g_autoptr(GPtrArray) problems2 = NULL;

    for (guint i = 0; i < REGIE_IMPORT_MAX_LINE / 10 + 10; i++)
      g_string_append (text2, "abcdefghij");
    g_string_append (text2, "\nEND:VCARD\nBEGIN:VCARD\nFN:Kort\nEND:VCARD\n");
    g_assert_true (regie_vcard_parse (text2->str, text2->len, &cards2, &problems2, &error));
    g_assert_cmpuint (cards2->len, ==, 1);
    g_assert_cmpuint (problems2->len, ==, 1);
    g_assert_cmpuint (((RegieParseProblem *) problems2->pdata[0])->line, ==, 2);
    g_string_free (text2, TRUE);
  }
}

static void
test_vcard_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *adr[] = { "", "", "Straat; met, tekens", "Proefstad", NULL };
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *utf8_text = g_strjoin ("", "ééééééééééééééééééééééééééééééééééééééé", "ééééééééééééééé", NULL);
  g_auto(GStrv) lines = NULL;

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  regie_vcard_append_text (out, "FN", NULL, "Naam");
  regie_vcard_append_text (out, "NOTE", NULL, long_text);
  regie_vcard_append_text (out, "TITLE", NULL, utf8_text);
  regie_vcard_append_text (out, "ROLE", NULL, "");
  regie_vcard_append (out, "ADR", NULL, adr, FALSE);
  g_string_append (out, "END:VCARD\r\n");

  /* Folded at 75 octets, never inside a character, CRLF, nothing for empty values. */
  lines = g_strsplit (out->str, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  g_assert_null (strstr (out->str, "ROLE"));

  cards = parse_cards (out->str, NULL);
  g_assert_cmpstr (regie_vcard_get (cards->pdata[0], "NOTE")->text, ==, long_text);
  g_assert_cmpstr (regie_vcard_get (cards->pdata[0], "TITLE")->text, ==, utf8_text);
  g_assert_cmpstr (regie_vcard_get (cards->pdata[0], "ADR")->components[2], ==, "Straat; met, tekens");
}

static GPtrArray *
parse_csv (const char  *text,
           char         expected_delimiter,
           GPtrArray  **problems_out)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  char delimiter = 0;

  g_assert_true (regie_csv_parse (text, strlen (text), &delimiter, &rows, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, expected_delimiter);
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  else
    g_assert_cmpuint (problems->len, ==, 0);
  return g_steal_pointer (&rows);
}

static void
test_csv_dialects (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  RegieCsvRow *row;

  /* Dutch Excel: ';', BOM, CRLF, a quoted field with a line break and a doubled quote. */
  rows = parse_csv ("\xEF\xBB\xBFOrganisatie;Telefoon;Notities\r\n"
                    "\"Wijkteam, Noord\";0800-0000401;\"Eerste regel\r\nzegt \"\"hallo\"\"\"\r\n"
                    "\r\n"
                    "Tweede;0800-0000402;\r\n", ';', NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[1];
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->fields[0], ==, "Wijkteam, Noord");
  g_assert_cmpstr (row->fields[2], ==, "Eerste regel\nzegt \"hallo\"");
  row = rows->pdata[2];
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->fields[2], ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* English: ',', LF, no BOM, no newline at the end. */
  rows = parse_csv ("name,phone\n\"Team; Zuid\",0800-0000403", ',', NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((RegieCsvRow *) rows->pdata[1])->fields[0], ==, "Team; Zuid");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Windows-1252 from an old spreadsheet. */
  rows = parse_csv ("naam;plaats\nCaf\xE9 Test;Proefstad\n", ';', NULL);
  g_assert_cmpstr (((RegieCsvRow *) rows->pdata[1])->fields[0], ==, "Café Test");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Tabs. */
  rows = parse_csv ("naam\ttelefoon\nA\t1\n", '\t', NULL);
  g_assert_cmpuint (g_strv_length (((RegieCsvRow *) rows->pdata[1])->fields), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A quote that never ends is reported at the row where it starts. */
  rows = parse_csv ("naam;telefoon\nGoed;1\n\"Kapot;2\nNog;3\n", ';', &problems);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((RegieParseProblem *) problems->pdata[0])->line, ==, 3);
}

/* Import */

static RegieImportPlan *
plan_for (Fixture    *f,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  RegieImportPlan *plan = regie_import_plan_new (f->store, text, strlen (text), REGIE_IMPORT_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_counts (RegieImportPlan *plan,
               guint            added,
               guint            updated,
               guint            unchanged,
               guint            skipped)
{
  g_assert_cmpuint (regie_import_plan_get_n_added (plan), ==, added);
  g_assert_cmpuint (regie_import_plan_get_n_updated (plan), ==, updated);
  g_assert_cmpuint (regie_import_plan_get_n_unchanged (plan), ==, unchanged);
  g_assert_cmpuint (regie_import_plan_get_n_skipped (plan), ==, skipped);
}

static const char *network_vcf =
  "BEGIN:VCARD\r\n"                                            /* 1 */
  "VERSION:4.0\r\n"
  "KIND:org\r\n"
  "UID:urn:uuid:00000000-0000-4000-8000-000000000010\r\n"
  "FN:Schuldhulp Proefstad (test)\r\n"
  "CATEGORIES:schulden,Toeslagen\r\n"
  "X-REGIE-KIND:schuldhulp\r\n"
  "TEL;TYPE=work:0800-0000501\r\n"
  "X-REGIE-LINE:Spoedlijn;0800-0000502;ma-vr 9:00-12:00;Professionals;;0;\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"                                            /* 11 */
  "VERSION:3.0\r\n"
  "FN:Noor Fictief\r\n"
  "N:Fictief;Noor;;;\r\n"
  "ORG:Schuldhulp Proefstad (test);Intake\r\n"
  "TITLE:Schuldhulpverlener\r\n"
  "TEL;TYPE=CELL:06-00000501\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"                                            /* 19 */
  "VERSION:2.1\r\n"
  "FN:Karel Test\r\n"
  "ORG:Nieuwe Stichting (test)\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"                                            /* 24 */
  "VERSION:3.0\r\n"
  "FN:Kapotte Kaart\r\n"
  "ZONDER DUBBELE PUNT\r\n"                                    /* 27 */
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"                                            /* 29 */
  "VERSION:4.0\r\n"
  "KIND:org\r\n"
  "FN:Lijn Kapot (test)\r\n"
  "X-REGIE-LINE:Lijn;0800-0000503;elke blauwe maan\r\n"
  "END:VCARD\r\n";

static void
test_import_vcard (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RegieImportPlan) plan = plan_for (f, network_vcf);
  g_autoptr(RegieImportPlan) again = NULL;
  g_autoptr(RegieNetwork) network = NULL;
  g_autoptr(RegieOrganisation) debt = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = regie_import_plan_get_problems (plan);
  const RegieImportItem *item;
  g_autofree char *department = NULL;

  /* Schuldhulp, Noor, Karel and his new Stichting: 4 added; 2 cards skipped. */
  assert_counts (plan, 4, 0, 0, 2);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((RegieParseProblem *) problems->pdata[0])->line, ==, 27);
  g_assert_cmpuint (((RegieParseProblem *) problems->pdata[1])->line, ==, 29);
  item = regie_import_plan_get_item (plan, 0);
  g_assert_false (item->is_contact);
  g_assert_cmpstr (item->name, ==, "Schuldhulp Proefstad (test)");
  g_assert_cmpuint (item->line, ==, 1);

  /* The preview wrote nothing. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 0);

  g_assert_true (regie_import_plan_apply (plan, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM professional_line"), ==, 1);
  /* Noor joined the organisation her ORG names, with the unit as department. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact c JOIN organisation o ON o.id = c.organisation_id "
                                 "WHERE c.name = 'Noor Fictief' AND o.uid = 'urn:uuid:00000000-0000-4000-8000-000000000010'"), ==, 1);
  department = query_text (f, "SELECT department || '/' || title || '/' || mobile FROM contact WHERE name = 'Noor Fictief'");
  g_assert_cmpstr (department, ==, "Intake/Schuldhulpverlener/06-00000501");

  network = regie_network_new (f->store);
  debt = g_list_model_get_item (G_LIST_MODEL (network), 1);
  g_assert_cmpstr (regie_organisation_get_name (debt), ==, "Schuldhulp Proefstad (test)");
  g_assert_cmpint (regie_organisation_get_kind (debt), ==, REGIE_ORGANISATION_KIND_DEBT_HELP);
  g_assert_true (regie_organisation_has_theme (debt, "toeslagen"));
  g_assert_true (regie_organisation_has_theme (debt, "schulden"));

  /* Again: everything is there already (the Stichting is only named by an ORG now). */
  again = plan_for (f, network_vcf);
  assert_counts (again, 0, 0, 3, 2);

  /* A plan applies once. */
  g_test_expect_message ("Regie", G_LOG_LEVEL_CRITICAL, "*!self->applied*");
  g_assert_false (regie_import_plan_apply (plan, ACTOR, NULL));
  g_test_assert_expected_messages ();
}

static void
test_import_duplicates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RegieImportPlan) first = plan_for (f, network_vcf);
  g_autoptr(RegieImportPlan) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;

  g_assert_true (regie_import_plan_apply (first, ACTOR, &error));

  /* Same UID, new name and phone: an update. Same name and organisation, no UID: the
   * same contact, updated with the new e-mail. */
  second = plan_for (f,
                     "BEGIN:VCARD\nVERSION:4.0\nKIND:org\n"
                     "UID:urn:uuid:00000000-0000-4000-8000-000000000010\n"
                     "FN:Schuldhulp Proefstad (hernoemd)\nTEL:0800-0000509\nEND:VCARD\n"
                     "BEGIN:VCARD\nVERSION:3.0\nFN:noor  FICTIEF\n"
                     "ORG:Schuldhulp Proefstad (hernoemd)\nEMAIL:noor@voorbeeld.invalid\nEND:VCARD\n");
  assert_counts (second, 0, 2, 0, 0);
  g_assert_true (regie_import_plan_apply (second, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact"), ==, 2);
  phone = query_text (f, "SELECT phone || ' ' || name FROM organisation WHERE uid LIKE '%0010'");
  g_assert_cmpstr (phone, ==, "0800-0000509 Schuldhulp Proefstad (hernoemd)");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE email = 'noor@voorbeeld.invalid' AND mobile = '06-00000501'"), ==, 1);
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  const char *csv =
    "\xEF\xBB\xBFOrganisatie;Soort;Thema's;Telefoon;Adres;Postcode;Plaats;Contactpersoon;Functie;Professionallijn;Bereikbaarheid;Opmerkingen\r\n"
    "Wijkteam Oost (test);Wijkteam;Zorg, Schulden;0800-0000601;Demostraat 1;9999 XA;Proefstad;Sanne Voorbeeld;Wijkcoach;0800-0000602;ma-vr 9-17;\"Inloop op\r\ndinsdag\"\r\n"
    "Wijkteam Oost (test);Wijkteam;Zorg, Schulden;0800-0000601;Demostraat 1;9999 XA;Proefstad;Ahmed Demo;Wijkcoach;;;\r\n"
    ";Wijkteam;;;;;;;;;;\r\n"
    "Raar (test);Ruimtevaart;;;;;;;;;;\r\n"
    "Voedselbank (test);overig;;0800-0000603;;;;;;;;\r\n";
  g_autoptr(RegieImportPlan) plan = plan_for (f, csv);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = regie_import_plan_get_problems (plan);

  /* Two organisations and two contacts; the row without a name and the unknown kind skipped. */
  assert_counts (plan, 4, 0, 0, 2);
  g_assert_cmpuint (((RegieParseProblem *) problems->pdata[0])->line, ==, 5);
  g_assert_cmpuint (((RegieParseProblem *) problems->pdata[1])->line, ==, 6);
  g_assert_true (regie_import_plan_apply (plan, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact c JOIN organisation o ON o.id = c.organisation_id "
                                 "WHERE o.name = 'Wijkteam Oost (test)' AND o.kind = 'neighbourhood_team'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation_theme"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM line_slot"), ==, 5);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE notes = 'Inloop op\ndinsdag'"), ==, 1);

  /* English headers, ',' and no organisation column: refused with a clear message. */
  {
    const char *bad = "Foo,Bar\n1,2\n";

    g_assert_null (regie_import_plan_new (f->store, bad, strlen (bad), REGIE_IMPORT_FORMAT_CSV, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }
  {
    g_autoptr(RegieImportPlan) english = plan_for (f, "name,kind,phone,categories\n\"Legal Aid (test)\",legal aid,0800-0000604,\"legal matters,debts\"\n");

    assert_counts (english, 1, 0, 0, 0);
  }
}

static void
test_import_one_transaction (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RegieImportPlan) plan = plan_for (f, network_vcf);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _regie_store_get_db (f->store);

  /* A write that fails halfway (here: contacts refused by a trigger) leaves nothing behind. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER no_contacts BEFORE INSERT ON contact "
                                     "BEGIN SELECT RAISE(ABORT, 'refused'); END;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (regie_import_plan_apply (plan, ACTOR, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM professional_line"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE entity_type = 'organisation'"), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(RegieStore) other = NULL;
  g_autoptr(RegieImportPlan) same = NULL;
  g_autoptr(RegieImportPlan) fresh = NULL;

  /* The demo network has every kind of field: lines with several slots, contacts with
   * and without organisation, units, notes with line breaks and commas. */
  g_assert_true (regie_demo_fill (f->store, 20, 5, &error));
  g_assert_true (regie_demo_network_fill (f->store, &error));
  {
    g_autoptr(RegieContact) loose = regie_contact_new ();

    regie_contact_set_name (loose, "Vrij Gevestigd");
    regie_contact_set_department (loose, "Eigen praktijk");
    regie_contact_set_notes (loose, "Regel één,\nregel twee; met tekens \\ en ”quotes”");
    g_assert_true (regie_contact_save (f->store, loose, ACTOR, &error));
  }
  g_assert_no_error (error);

  first = regie_network_export_vcard (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));

  /* Into the same store: nothing changes. */
  same = plan_for (f, first);
  assert_counts (same, 0, 0, regie_import_plan_get_n_items (same), 0);
  g_assert_cmpuint (regie_import_plan_get_n_unchanged (same), ==,
                    query_int (f, "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM contact)"));

  /* Into an empty store: everything comes back, and exports the same again. */
  other_dir = g_build_filename (f->home, "other", NULL);
  other = regie_store_open (other_dir, NULL, &error);
  g_assert_no_error (error);
  fresh = regie_import_plan_new (other, first, strlen (first), REGIE_IMPORT_FORMAT_VCARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regie_import_plan_get_n_skipped (fresh), ==, 0);
  g_assert_true (regie_import_plan_apply (fresh, ACTOR, &error));
  g_assert_no_error (error);
  second = regie_network_export_vcard (other, NULL, &error);
  g_assert_cmpstr (second, ==, first);

  {
    g_autofree char *id = g_strdup (regie_store_get_id (other));

    regie_store_close (other);
    regie_keyring_clear_key (id, NULL, NULL);
  }
}

static void
test_export_selected (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RegieImportPlan) plan = plan_for (f, network_vcf);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *vcard = NULL;
  gint64 id;

  g_assert_true (regie_import_plan_apply (plan, ACTOR, &error));
  id = query_int (f, "SELECT id FROM organisation WHERE name LIKE 'Schuldhulp%'");
  g_array_append_val (ids, id);
  vcard = regie_network_export_vcard (f->store, ids, &error);
  g_assert_nonnull (strstr (vcard, "FN:Schuldhulp Proefstad (test)"));
  g_assert_nonnull (strstr (vcard, "FN:Noor Fictief"));
  g_assert_null (strstr (vcard, "Nieuwe Stichting"));
  g_assert_null (strstr (vcard, "Karel Test"));
}

static guint
count_cards (GPtrArray  *cards,
             gboolean    organisations,
             const char *property)
{
  guint n = 0;

  for (guint i = 0; i < cards->len; i++)
    {
      RegieVCard *card = cards->pdata[i];
      gboolean is_org = FALSE;
      guint n_property = 0;

      for (guint k = 0; k < card->properties->len; k++)
        {
          RegieVCardProperty *p = card->properties->pdata[k];

          is_org |= g_str_equal (p->name, "KIND") && g_ascii_strcasecmp (p->text, "org") == 0;
          n_property += property != NULL && g_str_equal (p->name, property);
        }
      if (is_org == organisations)
        n += property != NULL ? n_property : 1;
    }

  return n;
}

/* Two organisations of the demo network, named with other capitals and accents: exactly
 * those two, with their contacts and lines, and nothing of the others; the file imports
 * back unchanged, and into an empty store it makes the same export again. */
static void
test_export_subset_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  const char *names[] = { "schuldhulp proefstad (DÉMO)", "  Zorgcoöperatie  Proefdorp (test) ", NULL };
  const char *unknown[] = { "UWV (demo)", "Bestaat Niet (test)", NULL };
  g_autoptr(RegieOrganisation) accented = regie_organisation_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RegieImportPlan) same = NULL;
  g_autoptr(RegieImportPlan) fresh = NULL;
  g_autoptr(RegieStore) other = NULL;
  g_autofree char *vcard = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *in = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (regie_demo_network_fill (f->store, &error));
  g_assert_no_error (error);
  regie_organisation_set_name (accented, "Zorgcoöperatie Proefdorp (test)");
  g_assert_true (regie_organisation_save (f->store, accented, ACTOR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RegieContact) contact = regie_contact_new ();

    regie_contact_set_name (contact, "Eva Proef");
    regie_contact_set_organisation_id (contact, regie_organisation_get_id (accented));
    g_assert_true (regie_contact_save (f->store, contact, ACTOR, &error));
    g_assert_no_error (error);
  }

  /* An unknown name is an error that names it, not an empty export. */
  g_assert_null (regie_network_find_organisations (f->store, unknown, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Bestaat Niet (test)"));
  g_clear_error (&error);

  ids = regie_network_find_organisations (f->store, names, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==,
                   query_int (f, "SELECT id FROM organisation WHERE name = 'Schuldhulp Proefstad (demo)'"));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, regie_organisation_get_id (accented));
  in = g_strdup_printf ("(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                        g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1));

  vcard = regie_network_export_vcard (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_true (regie_vcard_parse (vcard, strlen (vcard), &cards, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (count_cards (cards, TRUE, NULL), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contact WHERE organisation_id IN %s", in);
  g_assert_cmpuint (count_cards (cards, FALSE, NULL), ==, query_int (f, sql));
  g_assert_cmpuint (count_cards (cards, FALSE, NULL), >=, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM professional_line WHERE organisation_id IN %s", in);
  g_assert_cmpuint (count_cards (cards, TRUE, "X-REGIE-LINE"), ==, query_int (f, sql));
  g_assert_cmpuint (count_cards (cards, TRUE, "X-REGIE-LINE"), >=, 1);
  g_assert_nonnull (strstr (vcard, "FN:Noor Fictief"));
  g_assert_nonnull (strstr (vcard, "FN:Eva Proef"));
  g_assert_null (strstr (vcard, "UWV"));
  g_assert_null (strstr (vcard, "Sanne Voorbeeld"));

  /* Into the same store: nothing changes. */
  same = plan_for (f, vcard);
  assert_counts (same, 0, 0, regie_import_plan_get_n_items (same), 0);

  /* Into an empty store: the two come back as they were. */
  other_dir = g_build_filename (f->home, "other", NULL);
  other = regie_store_open (other_dir, NULL, &error);
  g_assert_no_error (error);
  fresh = regie_import_plan_new (other, vcard, strlen (vcard), REGIE_IMPORT_FORMAT_VCARD, &error);
  g_assert_no_error (error);
  g_assert_true (regie_import_plan_apply (fresh, ACTOR, &error));
  g_assert_no_error (error);
  again = regie_network_export_vcard (other, NULL, &error);
  g_assert_cmpstr (again, ==, vcard);

  {
    g_autofree char *id = g_strdup (regie_store_get_id (other));

    regie_store_close (other);
    regie_keyring_clear_key (id, NULL, NULL);
  }
}

static void
on_plan_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The plan built in a thread on a second connection reads the store like the plain one,
 * and applies on the first connection. */
static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->home, "netwerk.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RegieImportPlan) plan = NULL;
  g_autoptr(RegieImportPlan) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, network_vcf, -1, &error));
  regie_import_plan_new_for_file_async (f->store, file, NULL, on_plan_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  plan = regie_import_plan_new_for_file_finish (result, &error);
  g_assert_no_error (error);
  assert_counts (plan, 4, 0, 0, 2);
  g_assert_true (regie_import_plan_apply (plan, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 2);

  /* Cancelled: no plan, and the store is untouched. */
  g_cancellable_cancel (cancellable);
  regie_import_plan_new_for_file_async (f->store, file, cancellable, on_plan_ready_cb, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  none = regie_import_plan_new_for_file_finish (cancelled, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM organisation"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/network-import/vcard-2.1", test_vcard_21);
  g_test_add_func ("/network-import/vcard-3.0", test_vcard_30);
  g_test_add_func ("/network-import/vcard-4.0", test_vcard_40);
  g_test_add_func ("/network-import/vcard-malformed", test_vcard_malformed);
  g_test_add_func ("/network-import/vcard-write", test_vcard_write);
  g_test_add_func ("/network-import/csv-dialects", test_csv_dialects);
  g_test_add ("/network-import/vcard", Fixture, NULL, fixture_set_up, test_import_vcard, fixture_tear_down);
  g_test_add ("/network-import/duplicates", Fixture, NULL, fixture_set_up, test_import_duplicates, fixture_tear_down);
  g_test_add ("/network-import/csv", Fixture, NULL, fixture_set_up, test_import_csv, fixture_tear_down);
  g_test_add ("/network-import/one-transaction", Fixture, NULL, fixture_set_up, test_import_one_transaction, fixture_tear_down);
  g_test_add ("/network-import/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/network-import/export-selected", Fixture, NULL, fixture_set_up, test_export_selected, fixture_tear_down);
  g_test_add ("/network-import/export-subset-round-trip", Fixture, NULL, fixture_set_up, test_export_subset_round_trip, fixture_tear_down);
  g_test_add ("/network-import/import-async", Fixture, NULL, fixture_set_up, test_import_async, fixture_tear_down);

  return g_test_run ();
}
