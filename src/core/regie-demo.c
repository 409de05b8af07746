/* regie-demo.c — obviously fictional inwoners and dossiers, for the demo and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-audit.h"
#include "regie-case-private.h"
#include "regie-demo.h"
#include "regie-person-private.h"
#include "regie-theme.h"

#define ACTOR          "demo"
#define CASES_PER_TX   2000
#define MIN_PERSONS    30
#define DAY_MS         (G_GINT64_CONSTANT (24) * 3600 * 1000)

/* The demo is data, not interface: it is in Dutch like what casemanagers write, and it is
 * not translated. Every name is made up and reads as made up. */
static const struct {
  const char *given_names;
  const char *prefix;
  const char *surname;
} named[] = {
  { "Fatima", NULL, "Testvrouw" },
  { "Jan", "de", "Proefpersoon" },
  { "Kees", "van der", "Voorbeeld" },
  { "Ayşe", NULL, "Çelik-Demo" },
  { "Jansje", NULL, "Jansen-Proef" },
  { "Émile", "’t", "Verzonnen" },
  { "Zoë", "van den", "Fictief" },
  { "Mohamed", "el", "Demo" },
};

static const char * const given_names[] = {
  "Jan", "Janneke", "Jannes", "Fatima", "Kees", "Ayşe", "Mohamed", "Anna", "Émile", "Zoë",
  "Noël", "Daan", "Sanne", "Priya", "Wei", "Olga", "Tomasz", "Joost", "Jansje", "Ingrid",
  "Youssef", "Şükrü", "Lotte", "Bram", "Chloë", "René", "Mieke", "Hüseyin", "Nadia", "Kofi",
  "Ana", "Jesús", "Björn", "Ümit", "Gerrit", "Hendrika", "Willemijn", "Sevda", "Dirk", "Ilse",
  "Tjitske", "Aziz", "Marleen", "Piet", "Grietje", "Samira", "Ruud", "Esther", "Habib", "Mila",
  "Sem", "Fenna", "Ahmet", "Joëlle", "Stijn", "Yara", "Koen", "Lieke", "Omar", "Femke",
};

static const char * const surname_stems[] = {
  "Voorbeeld", "Proef", "Test", "Demo", "Fictief", "Verzonnen", "Oefen", "Schets",
  "Namaak", "Nep", "Model", "Droom", "Bedacht", "Probeer", "Ontwerp", "Denkbeeld",
};

static const char * const surname_endings[] = {
  "", "s", "man", "stra", "ma", "inga", "sen", "huis", "berg", "veld", "dijk", "kamp", "hof", "water",
};

static const char * const double_surnames[] = {
  "Çelik-Demo", "Öztürk-Proef", "Müller-Test", "Nguyễn-Voorbeeld", "Đorđević-Fictief",
  "Sørensen-Demo", "Jansen-Proef", "Gonçalves-Test",
};

static const char * const prefixes[] = {
  "van", "de", "van der", "van den", "’t", "ter", "van de", "in ’t",
};

static const char * const streets[] = {
  "Demostraat", "Proeflaan", "Voorbeeldweg", "Testplein", "Fictiefhof", "Verzonnenkade",
};

static const char * const cities[] = {
  "Demodorp", "Proefstad", "Voorbeeldam", "Testwijk", "Fictiefveen", "Verzonnenburg",
};

static const char * const languages[] = {
  "Nederlands", "Nederlands", "Nederlands", "Nederlands", "Arabisch", "Turks", "Pools",
  "Tigrinya", "Engels",
};

static const char * const person_notes[] = {
  "", "", "", "Komt graag ’s ochtends.", "Leest liever geen lange brieven.",
  "Dochter helpt met de post.", "Bel eerst, liever geen e-mail.",
};

/* Two questions per theme, in the order of the theme list. */
static const char * const questions[][2] = {
  { "Ik moet toeslag terugbetalen en ik snap niet waarom.\nHet gaat om de huurtoeslag van vorig jaar.",
    "Mijn zorgtoeslag is gestopt sinds ik ben verhuisd." },
  { "Ik heb een aanslag gekregen die veel te hoog is.",
    "Ik weet niet hoe ik mijn aangifte moet doen nu mijn man is overleden." },
  { "Mijn WW-uitkering is lager dan ik dacht.",
    "UWV vraagt geld terug over een periode dat ik ziek was." },
  { "Ik heb geen inkomen meer en weet niet waar ik bijstand aanvraag.",
    "De gemeente wil mijn bijstand stopzetten vanwege een verhuizing." },
  { "Mijn AOW is gekort en ik begrijp de brief niet.",
    "De kinderbijslag komt niet meer binnen sinds de scheiding." },
  { "Ik moet mijn studieschuld terugbetalen maar ik heb geen werk.",
    "DUO stuurt brieven naar mijn oude adres." },
  { "Ik heb een betalingsachterstand bij mijn zorgverzekering en het CAK houdt geld in.",
    "Ik ben niet meer verzekerd en weet niet hoe dat komt." },
  { "Ik heb boetes van het CJIB die steeds hoger worden.",
    "Er is beslag gelegd op mijn loon voor een oude boete." },
  { "Ik heb schulden bij verschillende instanties en overzie het niet meer.",
    "De deurwaarder komt volgende week en ik weet niet wat ik moet doen." },
  { "Ik moet mijn huis uit en heb nog niets anders.",
    "Ik heb geen postadres meer sinds ik bij vrienden slaap." },
  { "Ik kan niet inloggen met DigiD en mijn brief is verlopen.",
    "Ik wil DigiD aanvragen maar ik weet niet hoe." },
  { "Ik ben mijn baan kwijt en weet niet wat ik nu moet regelen.",
    "Ik ga minder werken en wil weten wat dat doet met mijn uitkering." },
  { "Ik heb hulp thuis nodig maar weet niet waar ik die aanvraag.",
    "Mijn eigen bijdrage voor de zorg is ineens veel hoger." },
  { "Ik heb een brief van een advocaat gekregen die ik niet begrijp.",
    "Ik wil bezwaar maken tegen een besluit maar de termijn loopt bijna af." },
  { "Mijn verblijfsvergunning moet verlengd worden.",
    "De IND vraagt papieren die ik niet heb." },
  { "Ik heb een brief gekregen en weet niet van wie die is.",
    "Ik weet niet bij wie ik moet zijn met mijn vraag." },
};

static const char * const case_notes[] = {
  "", "", "Brief meegenomen.", "Volgende week terugbellen.",
  "Driegesprek met de professionallijn gevoerd.", "Inwoner neemt de beschikking mee.",
};

static const char * const referrers[] = {
  "Wijkteam Demodorp", "Schuldhulp Proefstad", "Huisarts (demo)", "Bibliotheek Voorbeeldam",
};

static const char * const casemanagers[] = {
  "Noor Demo", "Bram Proef", "Sanne Test", "Ahmed Voorbeeld",
};

static const char * const outcome_notes[] = {
  "Toeslag is aangepast.", "Betalingsregeling getroffen.", "Doorverwezen en afgerond.",
  "Uitgelegd waarom er geen recht is.", "Inwoner wilde niet verder.",
};

static const char * const tasks[] = {
  "Terugbellen over de brief", "Kopie beschikking opvragen", "Afspraak maken met wijkteam",
  "Nagaan of bezwaar is ingediend", "Betalingsregeling controleren",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

char *
regie_demo_bsn (guint index)
{
  g_return_val_if_fail (index < 999999, NULL);

  /* Eight digits from the counter, the ninth makes the elfproef come out. When it would
   * have to be 10, the second digit changes, which moves the sum by 8. */
  for (guint lead = 99000000; ; lead -= 1000000)
    {
      g_autofree char *prefix = g_strdup_printf ("%08u", lead + index);
      int sum = 0;

      for (int i = 0; i < 8; i++)
        sum += (9 - i) * (prefix[i] - '0');
      if (sum % 11 < 10)
        return g_strdup_printf ("%s%d", prefix, sum % 11);
    }
}

static char *
ascii_word (const char *text)
{
  g_autofree char *folded = regie_name_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static char *
iso_at (gint64 unix_ms)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_ms / 1000);
  g_autofree char *seconds = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, (int) (unix_ms % 1000));
}

static char *
iso_date_at (gint64 unix_ms)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_ms / 1000);

  return g_date_time_format (at, "%Y-%m-%d");
}

static RegiePerson *
make_person (GRand *rand,
             guint  index)
{
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autofree char *surname = NULL;
  g_autofree char *bsn = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *house = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *birth = NULL;
  const char *given;
  const char *prefix = NULL;
  const char *language;

  if (index < G_N_ELEMENTS (named))
    {
      given = named[index].given_names;
      prefix = named[index].prefix;
      surname = g_strdup (named[index].surname);
    }
  else
    {
      given = PICK (rand, given_names);
      if (g_rand_int_range (rand, 0, 40) == 0)
        surname = g_strdup (PICK (rand, double_surnames));
      else
        surname = g_strconcat (PICK (rand, surname_stems), PICK (rand, surname_endings), NULL);
      if (g_rand_int_range (rand, 0, 4) == 0)
        prefix = PICK (rand, prefixes);
    }

  initials = g_strdup_printf ("%.*s.", (int) (g_utf8_next_char (given) - given), given);
  regie_person_set_given_names (person, given);
  regie_person_set_initials (person, initials);
  regie_person_set_prefix (person, prefix);
  regie_person_set_surname (person, surname);
  if (g_rand_int_range (rand, 0, 15) == 0)
    regie_person_set_preferred_name (person, PICK (rand, given_names));

  if (g_rand_int_range (rand, 0, 20) != 0)
    {
      birth = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1935, 2006),
                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      regie_person_set_birth_date (person, birth);
    }
  if (g_rand_int_range (rand, 0, 5) != 0)
    {
      bsn = regie_demo_bsn (index);
      regie_person_set_bsn (person, bsn);
    }

  phone = g_strdup_printf ("06-%08u", index + 1);
  regie_person_set_phone (person, phone);
  if (g_rand_int_range (rand, 0, 3) != 0)
    {
      g_autofree char *local = ascii_word (given);
      g_autofree char *domain_part = ascii_word (surname);

      email = g_strdup_printf ("%s.%s@voorbeeld.invalid", local, domain_part);
      regie_person_set_email (person, email);
    }

  house = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 200));
  regie_person_set_street (person, PICK (rand, streets));
  regie_person_set_house_number (person, house);
  if (index < 26)
    postcode = g_strdup_printf ("9999 X%c", 'A' + index);
  else
    postcode = g_strdup_printf ("9%03d X%c", g_rand_int_range (rand, 0, 1000),
                                'A' + g_rand_int_range (rand, 0, 26));
  regie_person_set_postcode (person, postcode);
  regie_person_set_city (person, PICK (rand, cities));

  language = PICK (rand, languages);
  regie_person_set_language (person, language);
  regie_person_set_interpreter_needed (person, strcmp (language, "Nederlands") != 0 &&
                                               g_rand_boolean (rand));
  regie_person_set_digid_status (person, g_rand_int_range (rand, 0, REGIE_DIGID_STATUS_MACHTIGING + 1));
  regie_person_set_notes (person, PICK (rand, person_notes));

  return g_steal_pointer (&person);
}

static gboolean
insert_status_change (RegieStore  *store,
                      gint64       case_id,
                      const char  *at,
                      const char  *from,
                      const char  *to,
                      GError     **error)
{
  g_autoptr(RegieStmt) stmt = _regie_stmt (store,
                                           "INSERT INTO case_status_change (case_id, at, from_status, to_status, actor) "
                                           "VALUES (?, ?, ?, ?, '" ACTOR "');",
                                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, case_id);
  _regie_bind_text (stmt, 2, at);
  _regie_bind_text (stmt, 3, from);
  _regie_bind_text (stmt, 4, to);
  return _regie_step_done (store, stmt, error);
}

/* Walks the dossier from "new" to its final status at moments after it was opened, then
 * writes the final state in one go. The search index is not touched by any of this. */
static gboolean
finish_case (RegieStore       *store,
             GRand            *rand,
             RegieCase        *kase,
             guint             index,
             gint64            opened_ms,
             gint64            now_ms,
             GError          **error)
{
  static const RegieCaseStatus paths[][4] = {
    [REGIE_CASE_STATUS_NEW]                = { REGIE_CASE_STATUS_NEW },
    [REGIE_CASE_STATUS_IN_PROGRESS]        = { REGIE_CASE_STATUS_IN_PROGRESS },
    [REGIE_CASE_STATUS_REFERRED]           = { REGIE_CASE_STATUS_IN_PROGRESS, REGIE_CASE_STATUS_REFERRED },
    [REGIE_CASE_STATUS_WAITING_FOR_OTHERS] = { REGIE_CASE_STATUS_IN_PROGRESS, REGIE_CASE_STATUS_WAITING_FOR_OTHERS },
    [REGIE_CASE_STATUS_CLOSED]             = { REGIE_CASE_STATUS_IN_PROGRESS, REGIE_CASE_STATUS_REFERRED,
                                               REGIE_CASE_STATUS_CLOSED },
  };
  /* Every status and (for the closed ones) every outcome within the first 25 dossiers. */
  RegieCaseStatus final = index % 5;
  RegieOutcome outcome = REGIE_OUTCOME_NONE;
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *last = NULL;
  g_autofree char *closed_at = NULL;
  const char *from = "new";
  gint64 at_ms = opened_ms;
  int satisfaction = 0;

  for (guint step = 0; final != REGIE_CASE_STATUS_NEW && step < 4; step++)
    {
      RegieCaseStatus to = paths[final][step];
      g_autofree char *at = NULL;
      const char *to_id = _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, to);

      at_ms += g_rand_int_range (rand, 1, 1 + (int) MAX (1, (now_ms - at_ms) / 3 / 1000)) * G_GINT64_CONSTANT (1000);
      at = iso_at (at_ms);
      if (!insert_status_change (store, regie_case_get_id (kase), at, from, to_id, error))
        return FALSE;
      from = to_id;
      if (to == final)
        break;
    }

  if (final == REGIE_CASE_STATUS_CLOSED)
    {
      outcome = REGIE_OUTCOME_SOLVED + (index / 5) % 5;
      satisfaction = g_rand_int_range (rand, 0, 6);
      closed_at = iso_at (at_ms);
    }

  /* Tasks: some done, some due later, some overdue. */
  for (int n = g_rand_int_range (rand, 0, 4); n > 0; n--)
    {
      g_autofree char *created = NULL;
      g_autofree char *due = NULL;
      g_autoptr(RegieTask) task = NULL;
      gint64 created_ms = opened_ms + g_rand_int_range (rand, 0, 3600) * G_GINT64_CONSTANT (1000);

      created = iso_at (created_ms);
      due = iso_date_at (created_ms + g_rand_int_range (rand, 1, 60) * DAY_MS);
      task = _regie_case_insert_task (store, kase, PICK (rand, tasks), due, ACTOR, created, error);
      if (task == NULL)
        return FALSE;

      if (final == REGIE_CASE_STATUS_CLOSED || g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autofree char *done = iso_at (MIN (created_ms + DAY_MS, now_ms));

          if (!_regie_case_update_task_done (store, kase, task, TRUE, ACTOR, done, error))
            return FALSE;
        }
      at_ms = MAX (at_ms, created_ms);
    }

  last = iso_at (MIN (at_ms, now_ms));
  stmt = _regie_stmt (store,
                      "UPDATE dossier SET status = ?1, closed_at = ?2, outcome = ?3, outcome_note = ?4, "
                      "  satisfaction = ?5, last_activity = ?6, updated_at = ?6 WHERE id = ?7;",
                      error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, _regie_enum_to_id (REGIE_TYPE_CASE_STATUS, final));
  _regie_bind_text_or_null (stmt, 2, closed_at);
  if (outcome != REGIE_OUTCOME_NONE)
    _regie_bind_text (stmt, 3, _regie_enum_to_id (REGIE_TYPE_OUTCOME, outcome));
  _regie_bind_text (stmt, 4, outcome != REGIE_OUTCOME_NONE ? outcome_notes[(index / 5) % 5] : "");
  if (satisfaction > 0)
    sqlite3_bind_int (stmt, 5, satisfaction);
  _regie_bind_text (stmt, 6, last);
  sqlite3_bind_int64 (stmt, 7, regie_case_get_id (kase));

  return _regie_step_done (store, stmt, error);
}

static gboolean
add_case (RegieStore   *store,
          GRand        *rand,
          RegiePerson  *person,
          guint         index,
          gint64        now_ms,
          GError      **error)
{
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autofree char *opened = NULL;
  const char *themes[3] = { NULL };
  guint theme_index = index % regie_theme_get_count ();
  gint64 opened_ms;

  themes[0] = regie_theme_get_ids ()[theme_index];
  if (g_rand_int_range (rand, 0, 3) == 0)
    themes[1] = regie_theme_get_ids ()[g_rand_int_range (rand, 0, regie_theme_get_count ())];

  regie_case_set_question (kase, questions[theme_index][g_rand_int_range (rand, 0, 2)]);
  regie_case_set_themes (kase, themes);
  regie_case_set_arrival (kase, g_rand_int_range (rand, 0, REGIE_ARRIVAL_REFERRED_BY_ORGANISATION + 1));
  if (regie_case_get_arrival (kase) == REGIE_ARRIVAL_REFERRED_BY_ORGANISATION)
    regie_case_set_referred_by (kase, PICK (rand, referrers));
  regie_case_set_casemanager (kase, PICK (rand, casemanagers));
  regie_case_set_notes (kase, PICK (rand, case_notes));

  /* Opened some time in the last two years. */
  opened_ms = now_ms - g_rand_int_range (rand, 3600, 730 * 24 * 3600) * G_GINT64_CONSTANT (1000);
  opened = iso_at (opened_ms);

  return _regie_case_insert (store, kase, person, ACTOR, opened, error) &&
         finish_case (store, rand, kase, index, opened_ms, now_ms, error);
}

gboolean
regie_demo_fill_sized (RegieStore  *store,
                       guint        n_persons,
                       guint        n_cases,
                       guint32      seed,
                       GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) person_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_persons);
  gint64 now_ms = g_get_real_time () / 1000;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_persons >= 1 && n_persons <= n_cases, FALSE);

  for (guint i = 0; i < n_cases; i += CASES_PER_TX)
    {
      if (!regie_store_begin (store, error))
        return FALSE;

      for (guint c = i; c < MIN (i + CASES_PER_TX, n_cases); c++)
        {
          g_autoptr(RegiePerson) person = NULL;

          /* Everyone gets a first dossier; the rest go to people who came before. */
          if (c < n_persons)
            {
              g_autofree char *created = iso_at (now_ms - 731 * DAY_MS);
              gint64 id;

              person = make_person (rand, c);
              if (!_regie_person_normalize (person, error) ||
                  !_regie_person_insert (store, person, created, error) ||
                  !regie_audit_record (store, ACTOR, REGIE_AUDIT_CREATE, REGIE_AUDIT_PERSON,
                                       regie_person_get_id (person), error))
                goto failed;
              id = regie_person_get_id (person);
              g_array_append_val (person_ids, id);
            }
          else
            {
              gint64 id = g_array_index (person_ids, gint64, g_rand_int_range (rand, 0, person_ids->len));

              person = regie_person_load (store, id, error);
              if (person == NULL)
                goto failed;
            }

          if (!add_case (store, rand, person, c, now_ms, error))
            goto failed;
        }

      if (!regie_store_commit (store, error))
        return FALSE;
    }

  return TRUE;

failed:
  regie_store_rollback (store);
  return FALSE;
}

gboolean
regie_demo_fill (RegieStore  *store,
                 guint        n_cases,
                 guint32      seed,
                 GError     **error)
{
  guint n_persons = MAX (MIN (n_cases, MIN_PERSONS), n_cases / 3 * 2);

  return regie_demo_fill_sized (store, MAX (n_persons, 1), MAX (n_cases, 1), seed, error);
}
