/* regie-demo-network.c — an obviously fictional network for the demo store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-demo-network.h"
#include "regie-network-private.h"

#define ACTOR "demo"

typedef struct
{
  const char            *name;
  RegieOrganisationKind  kind;
  const char            *themes;        /* space separated theme ids */
  const char            *phone;
  const char            *website;
  const char            *opening_hours;
  const char            *notes;
  int                    checked_months_ago;
  const char            *line_label;    /* NULL: no professional line */
  const char            *line_phone;
  const char            *line_hours;
  const char            *line_audience;
  const char            *contact;       /* NULL: nobody known there */
  const char            *contact_role;
  const char            *contact_mobile;
} DemoOrganisation;

/* Names end in "(demo)"; numbers, addresses and people are made up. */
static const DemoOrganisation organisations[] = {
  { "UWV (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "uwv werk_en_inkomen", "0800-0000101",
    "https://uwv.voorbeeld.invalid", "ma-vr 8:00-17:00", "Vraag naar het team Bijzondere zaken.", 2,
    "Professionallijn UWV", "0800-0000102", "ma-vr 8:00-17:00", "Loketmedewerkers, met de inwoner erbij",
    "Sanne Voorbeeld", "Contactpersoon ketenpartners", "06-00000101" },
  { "SVB (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "svb", "0800-0000111",
    "https://svb.voorbeeld.invalid", "ma-vr 8:30-17:00", "", 1,
    "Ketenlijn SVB", "0800-0000112", "ma-do 9:00-12:00, 13:00-16:00; vr 9:00-12:00", "Professionals",
    NULL, NULL, NULL },
  { "Belastingdienst/Toeslagen (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "toeslagen belastingen", "0800-0000121",
    "https://toeslagen.voorbeeld.invalid", "ma-do 8:00-20:00; vr 8:00-17:00", "Driegesprek met DigiD van de inwoner.", 3,
    "Professionallijn Toeslagen", "0800-0000122", "ma-vr 9:00-12:00, 13:00-17:00", "Alleen loketmedewerkers, met de inwoner erbij",
    "Pieter Proef", "Accountmanager", "06-00000121" },
  { "DUO (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "duo", "0800-0000131",
    "https://duo.voorbeeld.invalid", "ma-vr 9:00-17:00", "", 8,
    "Professionallijn DUO", "0800-0000132", "di, do 9:00-12:00", "Professionals",
    NULL, NULL, NULL },
  { "CAK (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "zorgverzekering", "0800-0000141",
    "https://cak.voorbeeld.invalid", "ma-vr 9:00-17:00", "", 2,
    "Ketenlijn CAK", "0800-0000142", "ma-vr 9:00-16:00", "Schuldhulpverleners en loketten",
    NULL, NULL, NULL },
  { "CJIB (demo)", REGIE_ORGANISATION_KIND_NATIONAL, "cjib", "0800-0000151",
    "https://cjib.voorbeeld.invalid", "ma-vr 8:00-18:00", "Betalingsregeling kan vaak telefonisch.", 4,
    "Professionallijn CJIB", "0800-0000152", "ma-vr 8:00-12:00", "Professionals, met de inwoner erbij",
    NULL, NULL, NULL },
  { "Gemeente Proefstad, Werk en Inkomen (demo)", REGIE_ORGANISATION_KIND_MUNICIPAL, "bijstand werk_en_inkomen", "0800-0000161",
    "https://proefstad.voorbeeld.invalid", "ma-vr 9:00-17:00", "", 1,
    "Klantmanagerslijn", "0800-0000162", "ma-vr 9:00-12:30", "Loketmedewerkers",
    "Fatima Demo", "Klantmanager", "06-00000161" },
  { "Gemeente Proefstad, Burgerzaken (demo)", REGIE_ORGANISATION_KIND_MUNICIPAL, "digid overig", "0800-0000171",
    "https://proefstad.voorbeeld.invalid", "ma-vr 9:00-16:00; do 18:00-20:00", "Briefadres aanvragen kan hier.", 9,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  { "Wijkteam Proefstad-Noord (demo)", REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM, "zorg schulden huisvesting", "0800-0000181",
    "", "ma-vr 9:00-17:00", "Inloop dinsdagochtend in het buurthuis.", 2,
    "Wijkteam direct", "06-00000181", "ma-vr 8:30-17:00", "Professionals",
    "Kees Test", "Wijkcoach", "06-00000182" },
  { "Schuldhulp Proefstad (demo)", REGIE_ORGANISATION_KIND_DEBT_HELP, "schulden", "0800-0000191",
    "https://schuldhulp.voorbeeld.invalid", "ma-do 9:00-17:00", "Aanmelden kan met een warme overdracht.", 1,
    "Spoedlijn schulden (afsluiting, huisuitzetting)", "0800-0000192", "ma-vr 9:00-12:00, 13:00-17:00", "Professionals bij dreigende afsluiting of ontruiming",
    "Noor Fictief", "Schuldhulpverlener", "06-00000191" },
  { "Welzijn Proefstad (demo)", REGIE_ORGANISATION_KIND_WELFARE, "zorg overig", "0800-0000201",
    "https://welzijn.voorbeeld.invalid", "ma-vr 9:00-17:00", "", 7,
    NULL, NULL, NULL, NULL, "Ahmed Voorbeeld", "Ouderenadviseur", "06-00000201" },
  { "Formulierenhulp Proefstad (demo)", REGIE_ORGANISATION_KIND_VOLUNTEERS, "toeslagen belastingen digid", "0800-0000211",
    "", "di en do 13:00-16:00", "Vrijwilligers helpen met formulieren en DigiD.", 2,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  { "Juridisch Loket (demo)", REGIE_ORGANISATION_KIND_LEGAL_AID, "juridisch ind", "0800-0000221",
    "https://juridischloket.voorbeeld.invalid", "ma-vr 9:00-17:00", "", 3,
    "Doorverwijslijn", "0800-0000222", "ma-vr 9:00-12:00", "Loketten en sociaal raadslieden",
    NULL, NULL, NULL },
  { "Woonstichting Proefstad (demo)", REGIE_ORGANISATION_KIND_HOUSING, "huisvesting schulden", "0800-0000231",
    "https://woonstichting.voorbeeld.invalid", "ma-vr 8:30-16:30", "Vroegsignalering huurachterstand.", 5,
    "Lijn huurachterstand", "0800-0000232", "ma, wo, vr 9:00-12:00", "Wijkteams en schuldhulp",
    "Lotte Proef", "Woonconsulent", "06-00000231" },
  { "Zorgloket Proefstad (demo)", REGIE_ORGANISATION_KIND_CARE, "zorg zorgverzekering", "0800-0000241",
    "", "ma-vr 9:00-17:00", "", 2,
    "Zorglijn professionals", "0800-0000242", "dagelijks 8:00-22:00", "Huisartsen, wijkteams en loketten",
    NULL, NULL, NULL },
  { "Stichting Thuisadministratie (demo)", REGIE_ORGANISATION_KIND_VOLUNTEERS, "schulden", "0800-0000251",
    "", "op afspraak", "", 10,
    NULL, NULL, NULL, NULL, "Mila Demo", "Coördinator", "06-00000251" },
  { "Sociaal Raadslieden Proefstad (demo)", REGIE_ORGANISATION_KIND_LEGAL_AID, "juridisch toeslagen", "0800-0000261",
    "", "ma-do 9:00-12:00", "", 2,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  { "Voedselbank Proefstad (demo)", REGIE_ORGANISATION_KIND_OTHER, "overig", "0800-0000271",
    "", "vr 13:00-17:00", "Verwijsbrief nodig.", 4,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

static char *
months_ago (int months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, -months);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
link_cases (RegieStore  *store,
            gint64       organisation_id,
            guint        index,
            const char  *now,
            GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  /* Every third dossier involves this organisation: the same demo every time. */
  stmt = _regie_stmt (store,
                      "INSERT OR IGNORE INTO case_organisation (case_id, organisation_id, added_at) "
                      "SELECT id, ?1, ?2 FROM dossier WHERE id % 18 = ?3 OR id % 7 = ?3 % 7;",
                      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  _regie_bind_text (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, (int) index);
  return _regie_step_done (store, stmt, error);
}

gboolean
regie_demo_network_fill (RegieStore  *store,
                         GError     **error)
{
  g_autofree char *now = _regie_now ();

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const DemoOrganisation *demo = &organisations[i];
      g_autoptr(RegieOrganisation) organisation = regie_organisation_new ();
      g_auto(GStrv) themes = g_strsplit (demo->themes, " ", -1);
      g_autofree char *checked = months_ago (demo->checked_months_ago);
      g_autofree char *email = NULL;

      regie_organisation_set_name (organisation, demo->name);
      regie_organisation_set_kind (organisation, demo->kind);
      regie_organisation_set_themes (organisation, (const char * const *) themes);
      regie_organisation_set_phone (organisation, demo->phone);
      email = g_strdup_printf ("info%u@voorbeeld.invalid", i + 1);
      regie_organisation_set_email (organisation, email);
      regie_organisation_set_website (organisation, demo->website);
      regie_organisation_set_street (organisation, "Demostraat 1");
      regie_organisation_set_postcode (organisation, "9999 XA");
      regie_organisation_set_city (organisation, "Proefstad");
      regie_organisation_set_opening_hours (organisation, demo->opening_hours);
      regie_organisation_set_notes (organisation, demo->notes);
      regie_organisation_set_checked_at (organisation, checked);
      if (!_regie_organisation_write (store, organisation, ACTOR, now, error))
        goto failed;

      if (demo->line_label != NULL)
        {
          g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();

          regie_professional_line_set_organisation_id (line, regie_organisation_get_id (organisation));
          regie_professional_line_set_label (line, demo->line_label);
          regie_professional_line_set_phone (line, demo->line_phone);
          regie_professional_line_set_audience (line, demo->line_audience);
          regie_professional_line_set_checked_at (line, checked);
          /* A care line is there on holidays too. */
          regie_professional_line_set_open_on_holidays (line, demo->kind == REGIE_ORGANISATION_KIND_CARE);
          if (!regie_professional_line_set_availability (line, demo->line_hours, error) ||
              !_regie_professional_line_write (store, line, ACTOR, now, error))
            goto failed;
        }

      if (demo->contact != NULL)
        {
          g_autoptr(RegieContact) contact = regie_contact_new ();
          g_autofree char *contact_email = g_strdup_printf ("contact%u@voorbeeld.invalid", i + 1);

          regie_contact_set_organisation_id (contact, regie_organisation_get_id (organisation));
          regie_contact_set_name (contact, demo->contact);
          regie_contact_set_role (contact, demo->contact_role);
          regie_contact_set_mobile (contact, demo->contact_mobile);
          regie_contact_set_email (contact, contact_email);
          regie_contact_set_checked_at (contact, checked);
          if (!_regie_contact_write (store, contact, ACTOR, now, error))
            goto failed;
        }

      if (!link_cases (store, regie_organisation_get_id (organisation), i, now, error))
        goto failed;
    }

  return regie_store_commit (store, error);

failed:
  regie_store_rollback (store);
  return FALSE;
}
