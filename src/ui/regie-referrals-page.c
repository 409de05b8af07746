/* regie-referrals-page.c — the Verwijzingen view: every referral, late follow-ups first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-event.h"
#include "regie-referral-letter.h"
#include "regie-referral-list.h"
#include "regie-referrals-page.h"

struct _RegieReferralsPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toasts;
  GtkStack          *stack;
  GtkLabel          *summary_label;
  GtkListBox        *list;

  /* Owned */
  RegieStore        *store;
  RegieReferralList *referrals;
};

G_DEFINE_FINAL_TYPE (RegieReferralsPage, regie_referrals_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_CASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (RegieReferralsPage *self,
       const char         *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
on_letter_message_cb (gpointer    user_data,
                      const char *message)
{
  toast (REGIE_REFERRALS_PAGE (user_data), message);
}

static GtkWindow *
get_window (RegieReferralsPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static RegieReferral *
find_referral (RegieReferralsPage *self,
               gint64              id)
{
  GListModel *model = G_LIST_MODEL (self->referrals);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RegieReferral) referral = g_list_model_get_item (model, i);

      if (regie_referral_get_id (referral) == id)
        return g_steal_pointer (&referral);
    }

  return NULL;
}

/* Rows */

static GtkWidget *
add_button (GtkWidget  *row,
            const char *label,
            const char *action,
            gint64      id,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RegieReferral *referral = item;
  RegieReferralState state = regie_referral_get_state (referral);
  gint64 id = regie_referral_get_id (referral);
  gboolean open = state == REGIE_REFERRAL_HANDED_OVER || state == REGIE_REFERRAL_ACCEPTED ||
                  state == REGIE_REFERRAL_DECLINED;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (regie_referral_state_get_label (state));
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *more = gtk_menu_button_new ();
  const char *name = *regie_referral_get_organisation_name (referral)
                     ? regie_referral_get_organisation_name (referral) : _("No organisation chosen");

  /* TRANSLATORS: a row in the Verwijzingen view: organisation — inwoner */
  title = g_strdup_printf (_("%s — %s"), name, regie_referral_get_person_name (referral));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (state == REGIE_REFERRAL_COMPLETED)
    {
      if (regie_referral_get_result (referral) == REGIE_REFERRAL_RESULT_SUCCESS)
        g_string_append_printf (subtitle, " · %s", _("succeeded"));
      else
        g_string_append_printf (subtitle, " · %s: %s", _("did not succeed"),
                                regie_referral_failure_get_label (regie_referral_get_failure (referral)));
    }
  else if (*regie_referral_get_state_reason (referral))
    g_string_append_printf (subtitle, " · %s", regie_referral_get_state_reason (referral));
  if (open && regie_referral_get_follow_up_date (referral) != NULL)
    {
      g_autofree char *date = regie_format_date (regie_referral_get_follow_up_date (referral));
      g_string_append_printf (subtitle, " · ");
      g_string_append_printf (subtitle, _("follow up on %s"), date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (regie_referral_is_overdue (referral, NULL))
    {
      GtkWidget *badge = gtk_label_new (_("Follow-up overdue"));

      gtk_widget_add_css_class (badge, "overdue-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_add_css_class (icon, "overdue-icon");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "overdue");
    }

  switch (state)
    {
    case REGIE_REFERRAL_HANDED_OVER:
      gtk_widget_set_tooltip_text (add_button (row, _("_Accepted"), "referrals.accept", id, TRUE),
                                   _("The organisation took the question on"));
      gtk_widget_set_tooltip_text (add_button (row, _("_Declined…"), "referrals.decline", id, FALSE),
                                   _("The organisation did not take the question on"));
      break;
    case REGIE_REFERRAL_ACCEPTED:
    case REGIE_REFERRAL_DECLINED:
      gtk_widget_set_tooltip_text (add_button (row, _("_Complete…"), "referrals.complete", id, TRUE),
                                   _("Record whether the referral succeeded"));
      break;
    case REGIE_REFERRAL_DRAFT:
    case REGIE_REFERRAL_COMPLETED:
    case REGIE_REFERRAL_WITHDRAWN:
    default:
      break;
    }

  {
    g_autoptr(GMenuItem) open_item = g_menu_item_new (state == REGIE_REFERRAL_DRAFT ? _("Open Case to _Resume")
                                                                                    : _("_Open Case"), NULL);
    g_menu_item_set_action_and_target_value (open_item, "referrals.open-case", g_variant_new_int64 (id));
    g_menu_append_item (menu, open_item);
  }
  if (state != REGIE_REFERRAL_DRAFT && *regie_referral_get_handover_text (referral))
    {
      g_autoptr(GMenuItem) print = g_menu_item_new (_("_Print Handover Letter…"), NULL);
      g_autoptr(GMenuItem) save = g_menu_item_new (_("_Save Handover Letter as PDF…"), NULL);

      g_menu_item_set_action_and_target_value (print, "referrals.print", g_variant_new_int64 (id));
      g_menu_item_set_action_and_target_value (save, "referrals.save-pdf", g_variant_new_int64 (id));
      g_menu_append_item (menu, print);
      g_menu_append_item (menu, save);
    }
  if (open)
    {
      g_autoptr(GMenuItem) withdraw = g_menu_item_new (_("_Withdraw…"), NULL);

      g_menu_item_set_action_and_target_value (withdraw, "referrals.withdraw", g_variant_new_int64 (id));
      g_menu_append_item (menu, withdraw);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  g_object_set_data_full (G_OBJECT (row), "referral", g_object_ref (referral), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
sync_page (RegieReferralsPage *self)
{
  guint n = self->referrals ? g_list_model_get_n_items (G_LIST_MODEL (self->referrals)) : 0;
  guint overdue = self->referrals ? regie_referral_list_count_overdue (self->referrals) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u follow-up is overdue: it is at the top.",
                                                            "%u follow-ups are overdue: they are at the top.",
                                                            overdue), overdue);
      gtk_label_set_text (self->summary_label, text);
    }
  else
    gtk_label_set_text (self->summary_label, _("You keep the case: follow up each referral until it is solved."));
}

static void
on_items_changed_cb (RegieReferralsPage *self)
{
  sync_page (self);
}

/* Activating a row opens its dossier. */
static void
on_row_activated_cb (RegieReferralsPage *self,
                     GtkListBoxRow      *row)
{
  RegieReferral *referral = g_object_get_data (G_OBJECT (row), "referral");

  if (referral != NULL)
    g_signal_emit (self, signals[OPEN_CASE], 0, regie_referral_get_case_id (referral));
}

/* State changes */

static void
report (RegieReferralsPage *self,
        gboolean            ok,
        GError             *error,
        const char         *done)
{
  if (!ok)
    toast (self, error->message);
  else
    toast (self, done);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (widget);
  g_autoptr(RegieReferral) referral = find_referral (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;

  if (referral == NULL)
    return;
  report (self, regie_referral_accept (self->store, referral, NULL, &error), error, _("Marked as accepted"));
}

typedef enum { ASK_DECLINE, ASK_WITHDRAW, ASK_COMPLETE } Ask;

typedef struct
{
  RegieReferralsPage *self;
  gint64              id;
  Ask                 ask;
  GtkWidget          *entry;
  GtkWidget          *reasons;
} Question;

static void
question_free (Question *question)
{
  g_object_unref (question->self);
  g_free (question);
}

static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Question         *question)
{
  RegieReferralsPage *self = question->self;
  g_autoptr(RegieReferral) referral = find_referral (self, question->id);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (question->entry));

  if (referral == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  switch (question->ask)
    {
    case ASK_DECLINE:
      report (self, regie_referral_decline (self->store, referral, text, NULL, &error), error,
              _("Marked as declined"));
      break;
    case ASK_WITHDRAW:
      report (self, regie_referral_withdraw (self->store, referral, text, NULL, &error), error,
              _("Referral withdrawn"));
      break;
    case ASK_COMPLETE:
    default:
      {
        gboolean success = g_strcmp0 (response, "success") == 0;
        RegieReferralFailure failure = REGIE_REFERRAL_FAILURE_NONE;

        if (!success)
          failure = gtk_drop_down_get_selected (GTK_DROP_DOWN (question->reasons)) + 1;
        report (self, regie_referral_complete (self->store, referral, success, failure, text, NULL, &error),
                error, _("Referral completed"));
      }
      break;
    }
}

static void
ask (RegieReferralsPage *self,
     gint64              id,
     Ask                 kind)
{
  g_autoptr(RegieReferral) referral = find_referral (self, id);
  Question *question;
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = NULL;

  if (referral == NULL)
    return;

  question = g_new0 (Question, 1);
  question->self = g_object_ref (self);
  question->id = id;
  question->ask = kind;
  question->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (question->entry), TRUE);

  switch (kind)
    {
    case ASK_DECLINE:
      /* TRANSLATORS: %s the organisation */
      heading = g_strdup_printf (_("Did %s Decline?"), regie_referral_get_organisation_name (referral));
      dialog = adw_message_dialog_new (get_window (self), heading, _("Say why, so you can find another way."));
      gtk_entry_set_placeholder_text (GTK_ENTRY (question->entry), _("Reason"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "ok", _("_Declined"), NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
      break;
    case ASK_WITHDRAW:
      heading = g_strdup (_("Withdraw the Referral?"));
      dialog = adw_message_dialog_new (get_window (self), heading, _("Say why it is withdrawn."));
      gtk_entry_set_placeholder_text (GTK_ENTRY (question->entry), _("Reason"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "ok", _("_Withdraw"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
      break;
    case ASK_COMPLETE:
    default:
      {
        g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

        for (int f = REGIE_REFERRAL_FAILURE_CITIZEN_DECLINED; f <= REGIE_REFERRAL_FAILURE_OTHER; f++)
          gtk_string_list_append (reasons, regie_referral_failure_get_label (f));
        question->reasons = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&reasons)), NULL);
        gtk_widget_set_tooltip_text (question->reasons, _("Why it did not succeed"));
        heading = g_strdup (_("Did the Referral Succeed?"));
        dialog = adw_message_dialog_new (get_window (self), heading,
                                         _("If not, choose why. A note is optional, except for “Other”."));
        gtk_entry_set_placeholder_text (GTK_ENTRY (question->entry), _("Note"));
        gtk_box_append (GTK_BOX (box), question->reasons);
        adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                          "failure", _("_Did Not Succeed"),
                                          "success", _("_Succeeded"), NULL);
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "success", ADW_RESPONSE_SUGGESTED);
        adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "success");
      }
      break;
    }

  gtk_box_append (GTK_BOX (box), question->entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response_cb), question,
                         (GClosureNotify) (void (*) (void)) question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask (REGIE_REFERRALS_PAGE (widget), g_variant_get_int64 (parameter), ASK_DECLINE);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ask (REGIE_REFERRALS_PAGE (widget), g_variant_get_int64 (parameter), ASK_WITHDRAW);
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ask (REGIE_REFERRALS_PAGE (widget), g_variant_get_int64 (parameter), ASK_COMPLETE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (widget);
  g_autoptr(RegieReferral) referral = find_referral (self, g_variant_get_int64 (parameter));

  if (referral != NULL)
    regie_referral_letter_print (get_window (self), referral, on_letter_message_cb, self);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (widget);
  g_autoptr(RegieReferral) referral = find_referral (self, g_variant_get_int64 (parameter));

  if (referral != NULL)
    regie_referral_letter_save (get_window (self), referral, on_letter_message_cb, self);
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (widget);
  g_autoptr(RegieReferral) referral = find_referral (self, g_variant_get_int64 (parameter));

  if (referral != NULL)
    g_signal_emit (self, signals[OPEN_CASE], 0, regie_referral_get_case_id (referral));
}

static void
regie_referrals_page_dispose (GObject *object)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->referrals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_referrals_page_parent_class)->dispose (object);
}

static void
regie_referrals_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_referrals_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RegieReferralsPage *self = REGIE_REFERRALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      regie_referrals_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_referrals_page_class_init (RegieReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_referrals_page_dispose;
  object_class->get_property = regie_referrals_page_get_property;
  object_class->set_property = regie_referrals_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegieReferralsPage::open-case:
   * @id: the dossier of the referral
   */
  signals[OPEN_CASE] = g_signal_new ("open-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-referrals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieReferralsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RegieReferralsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "referrals.accept", "x", accept_action);
  gtk_widget_class_install_action (widget_class, "referrals.decline", "x", decline_action);
  gtk_widget_class_install_action (widget_class, "referrals.complete", "x", complete_action);
  gtk_widget_class_install_action (widget_class, "referrals.withdraw", "x", withdraw_action);
  gtk_widget_class_install_action (widget_class, "referrals.print", "x", print_action);
  gtk_widget_class_install_action (widget_class, "referrals.save-pdf", "x", save_pdf_action);
  gtk_widget_class_install_action (widget_class, "referrals.open-case", "x", open_case_action);
}

static void
regie_referrals_page_init (RegieReferralsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sync_page (self);
}

RegieStore *
regie_referrals_page_get_store (RegieReferralsPage *self)
{
  g_return_val_if_fail (REGIE_IS_REFERRALS_PAGE (self), NULL);
  return self->store;
}

void
regie_referrals_page_set_store (RegieReferralsPage *self,
                                RegieStore         *store)
{
  g_return_if_fail (REGIE_IS_REFERRALS_PAGE (self));
  g_return_if_fail (store == NULL || REGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->referrals);
  if (store != NULL)
    {
      self->referrals = regie_referral_list_new (store, 0);
      g_signal_connect_object (self->referrals, "items-changed", G_CALLBACK (on_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->referrals), create_row, self, NULL);
    }

  sync_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GListModel *
_regie_referrals_page_get_model (RegieReferralsPage *self)
{
  return G_LIST_MODEL (self->referrals);
}

GtkListBox *
_regie_referrals_page_get_list (RegieReferralsPage *self)
{
  return self->list;
}
