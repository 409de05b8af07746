/* regie-demo-referrals.c — a few fictional referrals for the demo store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-demo-referrals.h"
#include "regie-network.h"
#include "regie-referral.h"
#include "regie-sql-private.h"

#define ACTOR "demo"

typedef enum
{
  END_DRAFT,
  END_HANDED_OVER,
  END_ACCEPTED,
  END_DECLINED,
  END_SUCCEEDED,
  END_FAILED,
  END_WITHDRAWN,
} End;

typedef struct
{
  const char        *theme;        /* the organisation to pick: the first with this theme */
  const char        *reason;
  RegieReferralMode  mode;
  RegieShareFlags    share;
  int                follow_up;    /* days from today; negative is overdue */
  End                end;
} DemoReferral;

static const DemoReferral referrals[] = {
  { "schulden", "Betalingsachterstanden bij meerdere schuldeisers", REGIE_REFERRAL_MODE_CALL_NOW,
    REGIE_SHARE_PERSONALIA | REGIE_SHARE_CONTACT | REGIE_SHARE_FINANCES | REGIE_SHARE_QUESTION, -3, END_HANDED_OVER },
  { "toeslagen", "Terugvordering huurtoeslag, hulp bij bezwaar", REGIE_REFERRAL_MODE_APPOINTMENT,
    REGIE_SHARE_PERSONALIA | REGIE_SHARE_BSN | REGIE_SHARE_QUESTION, 4, END_ACCEPTED },
  { "huisvesting", "Dreigende huisuitzetting", REGIE_REFERRAL_MODE_EMAIL,
    REGIE_SHARE_PERSONALIA | REGIE_SHARE_CONTACT | REGIE_SHARE_QUESTION, 2, END_DECLINED },
  { "uwv", "Vragen over de WW-uitkering", REGIE_REFERRAL_MODE_HANDOVER_NOTE,
    REGIE_SHARE_QUESTION, 6, END_SUCCEEDED },
  { "zorg", "Ondersteuning thuis na ziekenhuisopname", REGIE_REFERRAL_MODE_LETTER,
    REGIE_SHARE_PERSONALIA | REGIE_SHARE_CONTACT, -1, END_FAILED },
  { "juridisch", "Advies over een boete", REGIE_REFERRAL_MODE_CALL_NOW,
    REGIE_SHARE_QUESTION, 5, END_WITHDRAWN },
  { "bijstand", "Aanvraag bijstand na einde WW", REGIE_REFERRAL_MODE_NONE,
    REGIE_SHARE_QUESTION, 5, END_DRAFT },
};

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static RegieOrganisation *
pick_organisation (RegieNetwork *network,
                   const char   *theme)
{
  GListModel *model = G_LIST_MODEL (network);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (model, i);

      if (regie_organisation_has_theme (organisation, theme))
        return g_steal_pointer (&organisation);
    }

  return g_list_model_get_n_items (model) > 0 ? g_list_model_get_item (model, 0) : NULL;
}

static GArray *
open_cases (RegieStore  *store,
            GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* Dossiers that are still running and have no referral yet, the most recent first. */
  stmt = _regie_stmt (store,
                      "SELECT id FROM dossier WHERE status IN ('new', 'in_progress', 'waiting_for_others') "
                      "AND NOT EXISTS (SELECT 1 FROM referral WHERE case_id = dossier.id) "
                      "ORDER BY last_activity DESC, id LIMIT 12;",
                      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
regie_demo_referrals_fill (RegieStore  *store,
                           GError     **error)
{
  g_autoptr(RegieNetwork) network = NULL;
  g_autoptr(GArray) cases = NULL;
  g_autofree char *today = date_from_today (0);

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  network = regie_network_new (store);
  cases = open_cases (store, error);
  if (cases == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (referrals) && i < cases->len; i++)
    {
      const DemoReferral *demo = &referrals[i];
      g_autoptr(RegieCase) kase = regie_case_load (store, g_array_index (cases, gint64, i), error);
      g_autoptr(RegieOrganisation) organisation = NULL;
      g_autoptr(RegieReferral) referral = NULL;
      g_autoptr(RegieProfessionalLine) line = NULL;
      g_autofree char *follow_up = date_from_today (demo->follow_up);
      g_autofree char *text = NULL;
      GListModel *lines;
      gboolean ok = TRUE;

      if (kase == NULL)
        return FALSE;
      organisation = pick_organisation (network, demo->theme);
      if (organisation == NULL)
        return TRUE;

      referral = regie_referral_new (regie_case_get_id (kase));
      regie_referral_set_organisation (referral, regie_organisation_get_id (organisation),
                                       regie_organisation_get_name (organisation),
                                       regie_organisation_kind_to_id (regie_organisation_get_kind (organisation)));
      lines = regie_organisation_get_lines (organisation);
      if (lines != NULL && g_list_model_get_n_items (lines) > 0)
        {
          line = g_list_model_get_item (lines, 0);
          regie_referral_set_line_id (referral, regie_professional_line_get_id (line));
        }
      regie_referral_set_reason (referral, demo->reason);
      regie_referral_set_question (referral, regie_case_get_question (kase));
      regie_referral_set_casemanager (referral, regie_case_get_casemanager (kase));
      regie_referral_set_mode (referral, demo->mode);
      regie_referral_set_categories (referral, demo->share);
      if (demo->share & REGIE_SHARE_PERSONAL)
        regie_referral_set_consent (referral, i % 2 ? REGIE_CONSENT_WRITTEN : REGIE_CONSENT_VERBAL, today);
      if (demo->share & REGIE_SHARE_FINANCES)
        regie_referral_set_finances (referral, "Huurachterstand van twee maanden; inkomen uit WW.");
      regie_referral_set_follow_up_date (referral, follow_up);
      text = regie_referral_compose_handover (referral, store, kase, FALSE, error);
      if (text == NULL)
        return FALSE;
      regie_referral_set_handover_text (referral, text);

      if (demo->end == END_DRAFT)
        {
          regie_referral_set_wizard_step (referral, 1);
          if (!regie_referral_save_draft (store, referral, ACTOR, error))
            return FALSE;
          continue;
        }

      if (!regie_referral_hand_over (store, referral, kase, ACTOR, error))
        return FALSE;

      switch (demo->end)
        {
        case END_ACCEPTED:
          ok = regie_referral_accept (store, referral, ACTOR, error);
          break;
        case END_DECLINED:
          ok = regie_referral_decline (store, referral, "Valt buiten ons werkgebied", ACTOR, error);
          break;
        case END_SUCCEEDED:
          ok = regie_referral_accept (store, referral, ACTOR, error) &&
               regie_referral_complete (store, referral, TRUE, REGIE_REFERRAL_FAILURE_NONE, "", ACTOR, error);
          break;
        case END_FAILED:
          ok = regie_referral_accept (store, referral, ACTOR, error) &&
               regie_referral_complete (store, referral, FALSE, REGIE_REFERRAL_FAILURE_NO_CAPACITY,
                                        "Wachtlijst van drie maanden", ACTOR, error);
          break;
        case END_WITHDRAWN:
          ok = regie_referral_withdraw (store, referral, "Inwoner heeft het zelf geregeld", ACTOR, error);
          break;
        case END_DRAFT:
        case END_HANDED_OVER:
        default:
          break;
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}
