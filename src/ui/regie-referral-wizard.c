/* regie-referral-wizard.c — the warm referral, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-event-editor.h"
#include "regie-network.h"
#include "regie-referral-letter.h"
#include "regie-referral-wizard.h"
#include "regie-theme.h"
#include "regie-timeline.h"
#include "regie-validate.h"

/* Timeline items offered for sharing: the latest, which are the ones that matter now. */
#define MAX_SHARED_ITEMS 12

struct _RegieReferralWizard
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkWidget           *finish_button;
  GtkBox              *steps_box;
  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  GtkSearchEntry      *org_search;
  GtkListBox          *org_list;
  GtkLabel            *chosen_label;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *question_row;
  AdwPreferencesGroup *share_group;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *consent_group;
  GtkWidget           *anonymous_label;
  AdwPreferencesGroup *mode_group;
  AdwActionRow        *line_row;
  AdwEntryRow         *appointment_row;
  GtkWidget           *email_row;
  GtkWidget           *letter_row;
  GtkTextView         *handover_view;
  AdwEntryRow         *follow_up_row;
  GtkSwitch           *referred_switch;
  GtkLabel            *overview_label;

  /* Made in code */
  GtkWidget           *step_labels[REGIE_REFERRAL_WIZARD_N_STEPS];
  GtkWidget           *share_checks[REGIE_SHARE_N_CATEGORIES];
  GtkWidget           *finances_row;
  GtkWidget           *consent_checks[3];   /* RegieConsentHow */
  GtkWidget           *consent_date_row;
  GtkWidget           *mode_checks[REGIE_REFERRAL_MODE_HANDOVER_NOTE + 1];
  GPtrArray           *item_checks;         /* GtkCheckButton, with "event-id" data */

  /* Owned */
  RegieStore          *store;
  RegieCase           *kase;
  RegieReferral       *referral;
  RegieNetwork        *network;
  GtkCustomFilter     *org_filter;
  GtkCustomSorter     *org_sorter;
  GListModel          *org_model;
  guint                step;
  guint                finished : 1;
  guint                handover_edited : 1;
  guint                setting_text : 1;
};

G_DEFINE_FINAL_TYPE (RegieReferralWizard, regie_referral_wizard, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const step_names[] = { "where", "question", "consent", "handover", "follow-up" };
/* Short words: they sit side by side in the step indicator. */
static const char * const step_titles[] = {
  NC_("referral step", "Where to"),
  NC_("referral step", "Question"),
  NC_("referral step", "Consent"),
  NC_("referral step", "Handover"),
  NC_("referral step", "Follow-up"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (step_names) == REGIE_REFERRAL_WIZARD_N_STEPS);

static void update_step (RegieReferralWizard *self);

static void
toast (RegieReferralWizard *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
on_letter_message_cb (gpointer    user_data,
                      const char *message)
{
  toast (REGIE_REFERRAL_WIZARD (user_data), message);
}

/* The organisation picked in step 1, looked up in the network. */
static RegieOrganisation *
find_organisation (RegieReferralWizard *self,
                   gint64               id)
{
  for (guint i = 0; self->network && i < g_list_model_get_n_items (G_LIST_MODEL (self->network)); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (self->network), i);

      if (regie_organisation_get_id (organisation) == id)
        return g_steal_pointer (&organisation);
    }

  return NULL;
}

/* The line to call: one that is open now, else the first. */
static RegieProfessionalLine *
pick_line (RegieOrganisation *organisation)
{
  GListModel *lines = regie_organisation_get_lines (organisation);
  RegieProfessionalLine *first = NULL;

  for (guint i = 0; lines && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (lines, i);

      if (regie_professional_line_is_reachable (line, NULL))
        {
          g_clear_object (&first);
          return g_steal_pointer (&line);
        }
      if (first == NULL)
        first = g_steal_pointer (&line);
    }

  return first;
}

static guint
matching_themes (RegieReferralWizard *self,
                 RegieOrganisation   *organisation)
{
  const char * const *themes = regie_case_get_themes (self->kase);
  guint n = 0;

  for (guint i = 0; themes && themes[i]; i++)
    if (regie_organisation_has_theme (organisation, themes[i]))
      n++;
  return n;
}

/* Step 1: where to */

static int
compare_organisations (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  RegieReferralWizard *self = user_data;
  guint ma = matching_themes (self, (RegieOrganisation *) a);
  guint mb = matching_themes (self, (RegieOrganisation *) b);

  /* Most matching themes first; the network's own (name) order after that. */
  return ma == mb ? 0 : (ma > mb ? -1 : 1);
}

static gboolean
filter_organisation (gpointer item,
                     gpointer user_data)
{
  RegieReferralWizard *self = user_data;

  return regie_organisation_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->org_search)), NULL, -1);
}

static GtkWidget *
create_org_row (gpointer item,
                gpointer user_data)
{
  RegieReferralWizard *self = user_data;
  RegieOrganisation *organisation = item;
  g_autoptr(RegieProfessionalLine) line = pick_line (organisation);
  g_autoptr(GString) subtitle = g_string_new (regie_organisation_kind_get_label (regie_organisation_get_kind (organisation)));
  const char * const *themes = regie_case_get_themes (self->kase);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *badge;

  /* "Overig · Overig" says nothing twice. */
  for (guint i = 0, shown = 0; themes && themes[i]; i++)
    if (regie_organisation_has_theme (organisation, themes[i]) &&
        g_strcmp0 (regie_theme_get_label (themes[i]),
                   regie_organisation_kind_get_label (regie_organisation_get_kind (organisation))) != 0)
      g_string_append_printf (subtitle, shown++ == 0 ? " · %s" : ", %s", regie_theme_get_label (themes[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_organisation_get_name (organisation));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (line != NULL && regie_professional_line_is_reachable (line, NULL))
    {
      badge = gtk_label_new (_("Reachable now"));
      gtk_widget_add_css_class (badge, "reachable-badge");
    }
  else
    {
      g_autofree char *text = line ? regie_professional_line_describe (line, NULL)
                                   : g_strdup (_("No professional line"));
      badge = gtk_label_new (text);
      gtk_widget_add_css_class (badge, "dim-label");
    }
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  gtk_widget_set_visible (check, regie_organisation_get_id (organisation) ==
                                 regie_referral_get_organisation_id (self->referral));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "organisation", g_object_ref (organisation), g_object_unref);

  return row;
}

static void
sync_org_checks (RegieReferralWizard *self)
{
  const char *name = regie_referral_get_organisation_name (self->referral);

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_label), *name != '\0');
  if (*name != '\0')
    {
      /* TRANSLATORS: step 1 of the referral wizard; %s the organisation chosen */
      g_autofree char *text = g_strdup_printf (_("Chosen: %s"), name);
      gtk_label_set_text (self->chosen_label, text);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->org_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      RegieOrganisation *organisation = g_object_get_data (G_OBJECT (row), "organisation");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (organisation != NULL && check != NULL)
        gtk_widget_set_visible (check, regie_organisation_get_id (organisation) ==
                                       regie_referral_get_organisation_id (self->referral));
    }
}

static void
choose_organisation (RegieReferralWizard *self,
                     RegieOrganisation   *organisation)
{
  g_autoptr(RegieProfessionalLine) line = pick_line (organisation);

  regie_referral_set_organisation (self->referral, regie_organisation_get_id (organisation),
                                   regie_organisation_get_name (organisation),
                                   regie_organisation_kind_to_id (regie_organisation_get_kind (organisation)));
  if (line != NULL)
    regie_referral_set_line_id (self->referral, regie_professional_line_get_id (line));
  sync_org_checks (self);
  update_step (self);
}

static void
on_org_row_activated_cb (RegieReferralWizard *self,
                         GtkListBoxRow       *row)
{
  RegieOrganisation *organisation = g_object_get_data (G_OBJECT (row), "organisation");

  if (organisation != NULL)
    choose_organisation (self, organisation);
}

static void
on_org_search_changed_cb (RegieReferralWizard *self)
{
  gtk_filter_changed (GTK_FILTER (self->org_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search chooses the first organisation and goes on. */
static void
on_org_search_activate_cb (RegieReferralWizard *self)
{
  g_autoptr(RegieOrganisation) first = NULL;

  if (g_list_model_get_n_items (self->org_model) == 0)
    return;

  first = g_list_model_get_item (self->org_model, 0);
  choose_organisation (self, first);
}

/* Step 3: consent */

static RegieShareFlags
read_categories (RegieReferralWizard *self)
{
  RegieShareFlags flags = 0;

  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->share_checks[i])))
      flags |= 1 << i;
  return flags;
}

static RegieConsentHow
read_consent_how (RegieReferralWizard *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->consent_checks); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->consent_checks[i])))
      return i;
  return REGIE_CONSENT_NONE;
}

static RegieReferralMode
read_mode (RegieReferralWizard *self)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->mode_checks); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->mode_checks[i])))
      return i;
  return REGIE_REFERRAL_MODE_NONE;
}

static char *
get_handover_text (RegieReferralWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->handover_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Copies what the steps show into the referral. */
static void
collect (RegieReferralWizard *self)
{
  g_autofree char *consent_date = NULL;
  g_autofree char *follow_up = NULL;
  g_autofree char *appointment = NULL;
  g_autofree char *text = get_handover_text (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RegiePrecision precision;

  regie_referral_set_reason (self->referral, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  regie_referral_set_question (self->referral, gtk_editable_get_text (GTK_EDITABLE (self->question_row)));
  regie_referral_set_categories (self->referral, read_categories (self));
  regie_referral_set_finances (self->referral, gtk_editable_get_text (GTK_EDITABLE (self->finances_row)));
  for (guint i = 0; i < self->item_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->item_checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "event-id");
          g_array_append_val (ids, id);
        }
    }
  regie_referral_set_timeline_event_ids (self->referral, (gint64 *) (gpointer) ids->data, ids->len);

  if (regie_validate_date (gtk_editable_get_text (GTK_EDITABLE (self->consent_date_row)), &consent_date, NULL))
    regie_referral_set_consent (self->referral, read_consent_how (self), consent_date);
  else
    regie_referral_set_consent (self->referral, REGIE_CONSENT_NONE, NULL);

  regie_referral_set_mode (self->referral, read_mode (self));
  if (regie_event_editor_parse_when (gtk_editable_get_text (GTK_EDITABLE (self->appointment_row)),
                                     &appointment, &precision) && precision == REGIE_PRECISION_TIME)
    regie_referral_set_appointment_at (self->referral, appointment);
  else
    regie_referral_set_appointment_at (self->referral, NULL);

  if (self->handover_edited || *text)
    regie_referral_set_handover_text (self->referral, text);

  if (regie_validate_date (gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row)), &follow_up, NULL))
    regie_referral_set_follow_up_date (self->referral, follow_up);
  else
    regie_referral_set_follow_up_date (self->referral, NULL);
  regie_referral_set_set_case_referred (self->referral, gtk_switch_get_active (self->referred_switch));
  regie_referral_set_wizard_step (self->referral, self->step);
}

static void
compose (RegieReferralWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  collect (self);
  text = regie_referral_compose_handover (self->referral, self->store, self->kase, FALSE, &error);
  if (text == NULL)
    {
      toast (self, error->message);
      return;
    }

  self->setting_text = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->handover_view), text, -1);
  self->setting_text = FALSE;
  self->handover_edited = FALSE;
  regie_referral_set_handover_text (self->referral, text);
}

static void
on_handover_changed_cb (RegieReferralWizard *self)
{
  if (!self->setting_text)
    self->handover_edited = TRUE;
}

static void
sync_consent (RegieReferralWizard *self)
{
  gboolean consented;
  RegieShareFlags flags;

  /* Still being built: init () ticks the first radio before the rows exist. */
  if (self->consent_date_row == NULL)
    return;

  consented = read_consent_how (self) != REGIE_CONSENT_NONE;

  /* Personal categories only with consent: an anonymous consultation otherwise. */
  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    if ((1 << i) & REGIE_SHARE_PERSONAL)
      {
        GtkWidget *row = gtk_widget_get_ancestor (self->share_checks[i], ADW_TYPE_ACTION_ROW);

        if (!consented)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (self->share_checks[i]), FALSE);
        gtk_widget_set_sensitive (row ? row : self->share_checks[i], consented);
      }
  flags = read_categories (self);
  gtk_widget_set_visible (self->anonymous_label, !consented);
  gtk_widget_set_visible (self->consent_date_row, consented);
  gtk_widget_set_visible (self->finances_row, (flags & REGIE_SHARE_FINANCES) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->items_group),
                          (flags & REGIE_SHARE_TIMELINE) != 0 && self->item_checks->len > 0);
}

static void
on_consent_toggled_cb (RegieReferralWizard *self)
{
  sync_consent (self);
}

static void
sync_mode (RegieReferralWizard *self)
{
  RegieReferralMode mode = read_mode (self);

  gtk_widget_set_visible (GTK_WIDGET (self->line_row), mode == REGIE_REFERRAL_MODE_CALL_NOW);
  gtk_widget_set_visible (GTK_WIDGET (self->appointment_row), mode == REGIE_REFERRAL_MODE_APPOINTMENT);
  gtk_widget_set_visible (self->email_row, mode == REGIE_REFERRAL_MODE_EMAIL);
  gtk_widget_set_visible (self->letter_row, mode == REGIE_REFERRAL_MODE_LETTER ||
                                            mode == REGIE_REFERRAL_MODE_HANDOVER_NOTE);
}

static void
on_mode_toggled_cb (RegieReferralWizard *self)
{
  if (self->referral != NULL)
    regie_referral_set_mode (self->referral, read_mode (self));
  sync_mode (self);
}

static GtkWidget *
add_check_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *subtitle,
               GtkWidget           *radio_group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (radio_group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (radio_group));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return check;
}

/* Step 4: handover */

static void
sync_line_row (RegieReferralWizard *self)
{
  g_autoptr(RegieOrganisation) organisation = find_organisation (self, regie_referral_get_organisation_id (self->referral));
  g_autoptr(RegieProfessionalLine) line = organisation ? pick_line (organisation) : NULL;

  if (line == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_row), _("No professional line known"));
      adw_action_row_set_subtitle (self->line_row, organisation ? regie_organisation_get_phone (organisation) : "");
      return;
    }

  {
    g_autofree char *title = g_strdup_printf ("%s: %s", regie_professional_line_get_label (line),
                                              regie_professional_line_get_phone (line));
    g_autofree char *status = regie_professional_line_describe (line, NULL);
    g_autofree char *subtitle = g_strdup_printf (_("%s. The call is recorded on the timeline when you finish."), status);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_row), title);
    adw_action_row_set_subtitle (self->line_row, subtitle);
  }
}

/* Step 5: follow-up and overview */

static void
sync_overview (RegieReferralWizard *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;
  RegieShareFlags flags = regie_referral_has_consent (self->referral)
                          ? regie_referral_get_categories (self->referral)
                          : regie_referral_get_categories (self->referral) & ~REGIE_SHARE_PERSONAL;
  g_autoptr(GString) shared = g_string_new (NULL);

  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    if (flags & (1 << i))
      {
        g_autofree char *label = g_utf8_strdown (regie_share_category_get_label (i), -1);
        g_string_append_printf (shared, "%s%s", shared->len ? ", " : "", i == 0 || i == 2 ? regie_share_category_get_label (i) : label);
      }

  g_string_append_printf (text, _("To: %s"), regie_referral_get_organisation_name (self->referral));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Reason: %s"), regie_referral_get_reason (self->referral));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("How: %s"), regie_referral_mode_get_label (regie_referral_get_mode (self->referral)));
  g_string_append_c (text, '\n');
  if ((flags & REGIE_SHARE_PERSONAL) == 0)
    g_string_append (text, _("Anonymous consultation: no personal details are shared."));
  else
    g_string_append_printf (text, _("Shared with consent (%s): %s"),
                            regie_consent_how_get_label (regie_referral_get_consent_how (self->referral)),
                            shared->str);
  g_string_append_c (text, '\n');
  if (regie_referral_get_follow_up_date (self->referral) != NULL)
    {
      date = regie_format_date (regie_referral_get_follow_up_date (self->referral));
      g_string_append_printf (text, _("Follow-up on %s"), date);
    }

  gtk_label_set_text (self->overview_label, text->str);
}

/* Steps */

static gboolean
check_step (RegieReferralWizard  *self,
            guint                 step)
{
  g_autoptr(GError) error = NULL;

  collect (self);
  switch (step)
    {
    case 0:
      if (regie_referral_get_organisation_id (self->referral) == 0 &&
          *regie_referral_get_organisation_name (self->referral) == '\0')
        {
          toast (self, _("Choose the organisation to refer to"));
          gtk_widget_grab_focus (GTK_WIDGET (self->org_search));
          return FALSE;
        }
      return TRUE;
    case 1:
      if (*regie_referral_get_reason (self->referral) == '\0')
        {
          toast (self, _("Describe the reason for the referral"));
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return FALSE;
        }
      return TRUE;
    case 2:
      if (read_consent_how (self) != REGIE_CONSENT_NONE && !regie_referral_has_consent (self->referral))
        {
          toast (self, _("Type the date on which the resident consented"));
          gtk_widget_grab_focus (self->consent_date_row);
          return FALSE;
        }
      if (!regie_referral_check_consent (self->referral, &error))
        {
          toast (self, error->message);
          return FALSE;
        }
      return TRUE;
    case 3:
      if (regie_referral_get_mode (self->referral) == REGIE_REFERRAL_MODE_NONE)
        {
          toast (self, _("Choose how the question is handed over"));
          gtk_widget_grab_focus (self->mode_checks[REGIE_REFERRAL_MODE_CALL_NOW]);
          return FALSE;
        }
      if (regie_referral_get_mode (self->referral) == REGIE_REFERRAL_MODE_APPOINTMENT &&
          regie_referral_get_appointment_at (self->referral) == NULL)
        {
          toast (self, _("Type the appointment as day-month-year hour:minute, for example 12-3-2026 10:30"));
          gtk_widget_grab_focus (GTK_WIDGET (self->appointment_row));
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

static void
focus_step (RegieReferralWizard *self)
{
  switch (self->step)
    {
    case 0:
      gtk_widget_grab_focus (GTK_WIDGET (self->org_search));
      break;
    case 1:
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      break;
    case 2:
      gtk_widget_grab_focus (self->consent_checks[read_consent_how (self)]);
      break;
    case 3:
      {
        RegieReferralMode mode = read_mode (self);
        gtk_widget_grab_focus (self->mode_checks[mode == REGIE_REFERRAL_MODE_NONE ? REGIE_REFERRAL_MODE_CALL_NOW : mode]);
      }
      break;
    default:
      gtk_widget_grab_focus (GTK_WIDGET (self->follow_up_row));
      break;
    }
}

static void
update_step (RegieReferralWizard *self)
{
  gboolean last = self->step == REGIE_REFERRAL_WIZARD_N_STEPS - 1;

  gtk_stack_set_visible_child_name (self->stack, step_names[self->step]);
  for (guint i = 0; i < REGIE_REFERRAL_WIZARD_N_STEPS; i++)
    {
      GtkWidget *label = self->step_labels[i];

      if (i == self->step)
        {
          gtk_widget_add_css_class (label, "current");
          gtk_widget_remove_css_class (label, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (label, "current");
          gtk_widget_add_css_class (label, "dim-label");
        }
    }
  {
    /* TRANSLATORS: the wizard's subtitle: step 2 of 5 */
    g_autofree char *subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1,
                                                 REGIE_REFERRAL_WIZARD_N_STEPS, g_dpgettext2 (NULL, "referral step", step_titles[self->step]));
    adw_window_title_set_subtitle (self->window_title, subtitle);
  }

  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->finish_button, last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.finish", last);
}

static void
go_to (RegieReferralWizard *self,
       guint                step)
{
  g_assert (step < REGIE_REFERRAL_WIZARD_N_STEPS);

  self->step = step;
  if (step == 3)
    {
      sync_line_row (self);
      if (!self->handover_edited)
        compose (self);
    }
  if (step == 4)
    {
      collect (self);
      sync_overview (self);
    }
  update_step (self);
  focus_step (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);

  if (self->step > 0)
    go_to (self, self->step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);

  if (self->step + 1 < REGIE_REFERRAL_WIZARD_N_STEPS && check_step (self, self->step))
    go_to (self, self->step + 1);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < REGIE_REFERRAL_WIZARD_N_STEPS - 1; i++)
    if (!check_step (self, i))
      {
        go_to (self, i);
        check_step (self, i);
        return;
      }

  collect (self);
  if (regie_referral_get_follow_up_date (self->referral) == NULL)
    {
      toast (self, _("Type the follow-up date as day-month-year, for example 12-3-2026"));
      gtk_widget_grab_focus (GTK_WIDGET (self->follow_up_row));
      return;
    }

  if (!regie_referral_hand_over (self->store, self->referral, self->kase, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, regie_referral_get_id (self->referral));
  gtk_window_close (GTK_WINDOW (self));
}

static void
recompose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  compose (REGIE_REFERRAL_WIZARD (widget));
}

static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);
  g_autoptr(RegieOrganisation) organisation = NULL;
  g_autofree char *uri = NULL;

  collect (self);
  organisation = find_organisation (self, regie_referral_get_organisation_id (self->referral));
  uri = regie_referral_build_mailto (self->referral,
                                     organisation ? regie_organisation_get_email (organisation) : "",
                                     regie_person_get_bsn (regie_case_get_person (self->kase)));
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  toast (self, _("The BSN was left out of the e-mail"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);

  collect (self);
  regie_referral_letter_print (GTK_WINDOW (self), self->referral, on_letter_message_cb, self);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (widget);

  collect (self);
  regie_referral_letter_save (GTK_WINDOW (self), self->referral, on_letter_message_cb, self);
}

/* Closing midway keeps what was chosen as a draft, to resume from the dossier. */
static gboolean
regie_referral_wizard_close_request (GtkWindow *window)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (window);

  if (!self->finished && self->store != NULL && self->referral != NULL &&
      regie_referral_get_state (self->referral) == REGIE_REFERRAL_DRAFT)
    {
      g_autoptr(GError) error = NULL;

      collect (self);
      if ((regie_referral_get_organisation_id (self->referral) > 0 ||
           regie_referral_get_id (self->referral) > 0) &&
          !regie_referral_save_draft (self->store, self->referral, NULL, &error))
        g_warning ("Could not keep the referral draft: %s", error->message);
    }

  return GTK_WINDOW_CLASS (regie_referral_wizard_parent_class)->close_request (window);
}

static void
regie_referral_wizard_dispose (GObject *object)
{
  RegieReferralWizard *self = REGIE_REFERRAL_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_REFERRAL_WIZARD);
  g_clear_pointer (&self->item_checks, g_ptr_array_unref);
  g_clear_object (&self->org_model);
  g_clear_object (&self->org_filter);
  g_clear_object (&self->org_sorter);
  g_clear_object (&self->network);
  g_clear_object (&self->referral);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_referral_wizard_parent_class)->dispose (object);
}

static void
regie_referral_wizard_class_init (RegieReferralWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = regie_referral_wizard_dispose;
  window_class->close_request = regie_referral_wizard_close_request;

  /**
   * RegieReferralWizard::finished:
   * @id: the referral, handed over
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-referral-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, previous_button);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, finish_button);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, steps_box);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, toasts);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, org_search);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, org_list);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, question_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, share_group);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, items_group);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, consent_group);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, anonymous_label);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, mode_group);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, line_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, appointment_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, email_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, letter_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, handover_view);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, referred_switch);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralWizard, overview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_org_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_org_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_org_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "wizard.recompose", NULL, recompose_action);
  gtk_widget_class_install_action (widget_class, "wizard.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "wizard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wizard.save-pdf", NULL, save_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "wizard.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
regie_referral_wizard_init (RegieReferralWizard *self)
{
  static const char * const share_help[] = {
    N_("Name and date of birth"),
    N_("Phone, e-mail and address"),
    N_("Never in an e-mail"),
    NULL,
    N_("In the words of the resident"),
    NULL,
  };
  static const char * const mode_help[] = {
    NULL,
    N_("Call the professional line together with the resident"),
    N_("Make an appointment for the resident"),
    N_("Send the handover text; the BSN is left out"),
    N_("Print or save the handover letter"),
    N_("The resident takes the handover letter along"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->item_checks = g_ptr_array_new ();

  for (guint i = 0; i < REGIE_REFERRAL_WIZARD_N_STEPS; i++)
    {
      /* TRANSLATORS: a step in the wizard's step indicator: "1 Waarheen" */
      g_autofree char *text = g_strdup_printf (_("%u %s"), i + 1, g_dpgettext2 (NULL, "referral step", step_titles[i]));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "wizard-step");
      if (i > 0)
        gtk_box_append (self->steps_box, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_box_append (self->steps_box, label);
      self->step_labels[i] = label;
    }

  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    {
      self->share_checks[i] = add_check_row (self->share_group, regie_share_category_get_label (i),
                                             share_help[i] ? _(share_help[i]) : NULL, NULL);
      g_signal_connect_object (self->share_checks[i], "toggled", G_CALLBACK (on_consent_toggled_cb),
                               self, G_CONNECT_SWAPPED);
    }
  self->finances_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->finances_row), _("What to share about the financial situation"));
  adw_preferences_group_add (self->share_group, self->finances_row);

  for (guint i = 0; i < G_N_ELEMENTS (self->consent_checks); i++)
    {
      self->consent_checks[i] = add_check_row (self->consent_group,
                                               i == REGIE_CONSENT_NONE ? _("No consent recorded")
                                                                       : regie_consent_how_get_label (i),
                                               NULL, i > 0 ? self->consent_checks[0] : NULL);
      g_signal_connect_object (self->consent_checks[i], "toggled", G_CALLBACK (on_consent_toggled_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->consent_checks[REGIE_CONSENT_NONE]), TRUE);
  self->consent_date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_date_row), _("Date of consent (day-month-year)"));
  adw_preferences_group_add (self->consent_group, self->consent_date_row);

  for (guint i = 1; i < G_N_ELEMENTS (self->mode_checks); i++)
    {
      self->mode_checks[i] = add_check_row (self->mode_group, regie_referral_mode_get_label (i),
                                            _(mode_help[i]), i > 1 ? self->mode_checks[1] : NULL);
      g_signal_connect_object (self->mode_checks[i], "toggled", G_CALLBACK (on_mode_toggled_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (gtk_text_view_get_buffer (self->handover_view), "changed",
                           G_CALLBACK (on_handover_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_items (RegieReferralWizard *self)
{
  g_autoptr(RegieTimeline) timeline = regie_timeline_new (self->store, regie_case_get_id (self->kase));
  g_autoptr(GError) error = NULL;
  const GArray *chosen = regie_referral_get_timeline_event_ids (self->referral);

  if (!regie_timeline_reload (timeline, &error))
    {
      g_warning ("Could not load the timeline: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (timeline)) &&
                    self->item_checks->len < MAX_SHARED_ITEMS; i++)
    {
      g_autoptr(RegieEvent) event = g_list_model_get_item (G_LIST_MODEL (timeline), i);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      GtkWidget *check;
      gint64 *id;

      if (!regie_event_kind_is_manual (regie_event_get_kind (event)))
        continue;

      title = regie_event_dup_display_title (event);
      when = regie_format_when (regie_event_get_when (event), regie_event_get_precision (event));
      check = add_check_row (self->items_group, title, when, NULL);
      id = g_new (gint64, 1);
      *id = regie_event_get_id (event);
      g_object_set_data_full (G_OBJECT (check), "event-id", id, g_free);
      for (guint j = 0; j < chosen->len; j++)
        if (g_array_index (chosen, gint64, j) == *id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_ptr_array_add (self->item_checks, check);
    }
}

/* Shows what the referral holds (new, or a draft being resumed). */
static void
load (RegieReferralWizard *self)
{
  RegieReferral *referral = self->referral;
  g_autofree char *date = NULL;
  RegieShareFlags flags = regie_referral_get_categories (referral);

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), regie_referral_get_reason (referral));
  gtk_editable_set_text (GTK_EDITABLE (self->question_row), regie_referral_get_question (referral));
  /* Consent first: without it the personal categories cannot be ticked. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->consent_checks[regie_referral_get_consent_how (referral)]), TRUE);
  for (guint i = 0; i < REGIE_SHARE_N_CATEGORIES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->share_checks[i]), (flags & (1 << i)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->finances_row), regie_referral_get_finances (referral));
  date = regie_date_format (regie_referral_get_consent_given_at (referral));
  if (date == NULL)
    {
      g_autofree char *today = regie_today ();
      date = regie_date_format (today);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->consent_date_row), date);
  g_clear_pointer (&date, g_free);

  if (regie_referral_get_mode (referral) != REGIE_REFERRAL_MODE_NONE)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->mode_checks[regie_referral_get_mode (referral)]), TRUE);
  if (regie_referral_get_appointment_at (referral) != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (regie_referral_get_appointment_at (referral), NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, regie_event_time_zone ()) : NULL;

      if (local != NULL)
        {
          g_autofree char *text = g_date_time_format (local, "%d-%m-%Y %H:%M");
          gtk_editable_set_text (GTK_EDITABLE (self->appointment_row), text);
        }
    }
  if (*regie_referral_get_handover_text (referral))
    {
      self->setting_text = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->handover_view),
                                regie_referral_get_handover_text (referral), -1);
      self->setting_text = FALSE;
      self->handover_edited = TRUE;
    }

  if (regie_referral_get_follow_up_date (referral) == NULL)
    {
      g_autofree char *five = regie_referral_add_working_days (NULL, 5);
      regie_referral_set_follow_up_date (referral, five);
    }
  date = regie_date_format (regie_referral_get_follow_up_date (referral));
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), date ? date : "");
  gtk_switch_set_active (self->referred_switch, regie_referral_get_set_case_referred (referral));

  fill_items (self);
  sync_org_checks (self);
  sync_consent (self);
  sync_mode (self);
}

RegieReferralWizard *
regie_referral_wizard_new (RegieStore    *store,
                           RegieCase     *kase,
                           RegieReferral *draft)
{
  RegieReferralWizard *self;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_CASE (kase), NULL);
  g_return_val_if_fail (draft == NULL || REGIE_IS_REFERRAL (draft), NULL);

  self = g_object_new (REGIE_TYPE_REFERRAL_WIZARD, NULL);
  self->store = g_object_ref (store);
  self->kase = g_object_ref (kase);

  if (draft != NULL)
    self->referral = g_object_ref (draft);
  else
    {
      const char * const *themes = regie_case_get_themes (kase);
      g_autoptr(GString) reason = g_string_new (NULL);

      /* Prefilled from the case: its themes as the reason, its question as the question. */
      for (guint i = 0; themes && themes[i]; i++)
        g_string_append_printf (reason, "%s%s", i ? ", " : "", regie_theme_get_label (themes[i]));
      self->referral = regie_referral_new (regie_case_get_id (kase));
      regie_referral_set_reason (self->referral, reason->str);
      regie_referral_set_question (self->referral, regie_case_get_question (kase));
      regie_referral_set_categories (self->referral, REGIE_SHARE_QUESTION);
      regie_referral_set_casemanager (self->referral, regie_case_get_casemanager (kase));
    }

  self->network = regie_network_new (store);
  self->org_filter = gtk_custom_filter_new (filter_organisation, self, NULL);
  self->org_sorter = gtk_custom_sorter_new (compare_organisations, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->network)),
                                        GTK_FILTER (g_object_ref (self->org_filter)));
  self->org_model = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)),
                                                           GTK_SORTER (g_object_ref (self->org_sorter))));
  gtk_list_box_bind_model (self->org_list, self->org_model, create_org_row, self, NULL);

  load (self);
  go_to (self, MIN (regie_referral_get_wizard_step (self->referral), REGIE_REFERRAL_WIZARD_N_STEPS - 1));
  if (draft != NULL)
    toast (self, _("Draft referral resumed"));

  return self;
}

RegieReferral *
regie_referral_wizard_get_referral (RegieReferralWizard *self)
{
  g_return_val_if_fail (REGIE_IS_REFERRAL_WIZARD (self), NULL);
  return self->referral;
}

guint
regie_referral_wizard_get_step (RegieReferralWizard *self)
{
  g_return_val_if_fail (REGIE_IS_REFERRAL_WIZARD (self), 0);
  return self->step;
}

void
_regie_referral_wizard_go_to (RegieReferralWizard *self,
                              guint                step)
{
  g_return_if_fail (REGIE_IS_REFERRAL_WIZARD (self));
  g_return_if_fail (step < REGIE_REFERRAL_WIZARD_N_STEPS);
  go_to (self, step);
}
