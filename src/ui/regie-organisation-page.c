/* regie-organisation-page.c — one organisation: its details, lines, contacts and dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-case.h"
#include "regie-network.h"
#include "regie-network-editor.h"
#include "regie-organisation-page.h"
#include "regie-theme.h"
#include "regie-ui-util.h"

struct _RegieOrganisationPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *name_label;
  GtkLabel          *kind_label;
  GtkFlowBox        *themes_box;
  AdwActionRow      *checked_row;
  GtkWidget         *check_button;
  GtkListBox        *details_list;
  GtkListBox        *line_list;
  GtkListBox        *contact_list;
  GtkListBox        *case_list;

  /* Owned */
  RegieStore        *store;
  RegieOrganisation *organisation;
};

G_DEFINE_FINAL_TYPE (RegieOrganisationPage, regie_organisation_page, ADW_TYPE_BIN)

enum {
  BACK,
  OPEN_CASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_actions (RegieOrganisationPage *self)
{
  gboolean open = self->organisation != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.edit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.delete", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.mark-checked", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.new-line", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.new-contact", open);
}

static void
reload (RegieOrganisationPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->organisation == NULL)
    return;
  if (!regie_organisation_page_open (self, self->store, regie_organisation_get_id (self->organisation), &error))
    g_signal_emit (self, signals[BACK], 0);
}

static void
on_copy_clicked_cb (GtkButton             *button,
                    RegieOrganisationPage *self)
{
  const char *number = g_object_get_data (G_OBJECT (button), "number");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), number);
  /* Translators: a toast; %s is the phone number that was copied */
  {
    g_autofree char *title = g_strdup_printf (_("%s copied"), number);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  }
}

/* One click copies the number, to paste it in the softphone or read it out. */
static GtkWidget *
copy_button_new (RegieOrganisationPage *self,
                 const char            *number)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the button that copies a phone number */
  gtk_widget_set_tooltip_text (button, _("Copy Phone Number"));
  g_object_set_data_full (G_OBJECT (button), "number", g_strdup (number), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked_cb), self);
  return button;
}

static void
add_detail (RegieOrganisationPage *self,
            const char            *title,
            const char            *value,
            gboolean               is_phone)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  if (is_phone)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy_button_new (self, value));
  gtk_list_box_append (self->details_list, row);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
on_edit_saved_cb (RegieOrganisationPage *self)
{
  reload (self);
}

static void
present_editor (RegieOrganisationPage *self,
                RegieNetworkEditor    *editor)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_edit_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_edit_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_edit_line_clicked_cb (GtkButton             *button,
                         RegieOrganisationPage *self)
{
  RegieProfessionalLine *line = g_object_get_data (G_OBJECT (button), "line");

  present_editor (self, regie_network_editor_new_line (self->store, regie_organisation_get_id (self->organisation), line));
}

static void
on_edit_contact_clicked_cb (GtkButton             *button,
                            RegieOrganisationPage *self)
{
  RegieContact *contact = g_object_get_data (G_OBJECT (button), "contact");

  present_editor (self, regie_network_editor_new_contact (self->store, regie_organisation_get_id (self->organisation), contact));
}

static GtkWidget *
edit_button_new (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
fill_lines (RegieOrganisationPage *self)
{
  GListModel *lines = regie_organisation_get_lines (self->organisation);

  remove_all (self->line_list);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (lines, i);
      g_autofree char *availability = regie_professional_line_format_availability (line, TRUE);
      g_autofree char *state = regie_professional_line_describe (line, NULL);
      g_autoptr(GString) subtitle = g_string_new (regie_professional_line_get_phone (line));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (state);
      GtkWidget *edit = edit_button_new (_("Edit Professional Line"));

      if (*availability != '\0')
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", availability);
      if (regie_professional_line_get_open_on_holidays (line))
        g_string_append_printf (subtitle, ", %s", _("also on public holidays"));
      if (*regie_professional_line_get_audience (line) != '\0')
        /* Translators: who may call a professional line, "Voor: professionals" */
        g_string_append_printf (subtitle, "\n%s %s", _("For:"), regie_professional_line_get_audience (line));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_professional_line_get_label (line));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      if (regie_professional_line_is_reachable (line, NULL))
        gtk_widget_add_css_class (badge, "reachable-badge");
      else
        gtk_widget_add_css_class (badge, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      if (*regie_professional_line_get_phone (line) != '\0')
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy_button_new (self, regie_professional_line_get_phone (line)));
      g_object_set_data_full (G_OBJECT (edit), "line", g_object_ref (line), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_line_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (self->line_list, row);
    }
}

static void
fill_contacts (RegieOrganisationPage *self)
{
  g_autoptr(GListModel) contacts = NULL;

  remove_all (self->contact_list);
  contacts = regie_contact_list_for_organisation (self->store, regie_organisation_get_id (self->organisation), NULL);
  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RegieContact) contact = g_list_model_get_item (contacts, i);
      const char *parts[] = { regie_contact_get_role (contact), regie_contact_get_title (contact),
                              regie_contact_get_department (contact), regie_contact_get_phone (contact),
                              regie_contact_get_mobile (contact), regie_contact_get_email (contact) };
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *phone = *regie_contact_get_phone (contact) ? regie_contact_get_phone (contact)
                                                             : regie_contact_get_mobile (contact);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = edit_button_new (_("Edit Contact"));

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (*parts[p] != '\0')
          g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", parts[p]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_contact_get_name (contact));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, regie_contact_get_name (contact), TRUE));
      if (regie_network_needs_check (regie_contact_get_checked_at (contact), NULL))
        {
          GtkWidget *check = gtk_label_new (_("Check"));

          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (check, "check-badge");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
        }
      if (*phone != '\0')
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy_button_new (self, phone));
      g_object_set_data_full (G_OBJECT (edit), "contact", g_object_ref (contact), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_contact_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (self->contact_list, row);
    }
}

static void
fill_cases (RegieOrganisationPage *self)
{
  g_autoptr(GArray) ids = NULL;

  remove_all (self->case_list);
  ids = regie_network_list_cases_for_organisation (self->store, regie_organisation_get_id (self->organisation), NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(RegieCase) kase = regie_case_load (self->store, id, NULL);
      GtkWidget *row;

      if (kase == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     regie_person_get_display_name (regie_case_get_person (kase)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), regie_case_get_question (kase));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->case_list, row);
    }
}

static void
on_case_activated_cb (RegieOrganisationPage *self,
                      GtkListBoxRow         *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_CASE], 0, *id);
}

static void
fill (RegieOrganisationPage *self)
{
  RegieOrganisation *organisation = self->organisation;
  const char * const *themes = regie_organisation_get_themes (organisation);
  g_autofree char *address = regie_organisation_format_address (organisation);
  g_autofree char *checked_day = regie_ui_format_day (regie_organisation_get_checked_at (organisation));
  g_autofree char *checked = NULL;
  gboolean needs_check = regie_organisation_needs_check (organisation, NULL);
  GtkWidget *child;

  gtk_label_set_text (self->name_label, regie_organisation_get_name (organisation));
  gtk_label_set_text (self->kind_label, regie_organisation_kind_get_label (regie_organisation_get_kind (organisation)));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->themes_box))) != NULL)
    gtk_flow_box_remove (self->themes_box, child);
  for (guint i = 0; themes[i]; i++)
    gtk_flow_box_append (self->themes_box, regie_ui_theme_tag_new (themes[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->themes_box), themes[0] != NULL);

  /* Translators: %s is a day, "12 mrt 2026" or "vandaag" */
  checked = g_strdup_printf (_("Last checked %s"), checked_day ? checked_day : _("never"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checked_row), checked);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->checked_row),
                               needs_check ? _("More than six months ago: check the details with the organisation")
                                           : _("Networks are checked twice a year"));
  adw_action_row_set_icon_name (self->checked_row, needs_check ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  if (needs_check)
    gtk_widget_add_css_class (GTK_WIDGET (self->checked_row), "needs-check");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->checked_row), "needs-check");
  gtk_widget_set_visible (self->check_button, TRUE);
  if (needs_check)
    gtk_widget_add_css_class (self->check_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->check_button, "suggested-action");

  remove_all (self->details_list);
  add_detail (self, _("Phone"), regie_organisation_get_phone (organisation), TRUE);
  add_detail (self, _("E-mail"), regie_organisation_get_email (organisation), FALSE);
  add_detail (self, _("Website"), regie_organisation_get_website (organisation), FALSE);
  add_detail (self, _("Address"), address, FALSE);
  add_detail (self, _("Opening hours"), regie_organisation_get_opening_hours (organisation), FALSE);
  add_detail (self, _("Notes"), regie_organisation_get_notes (organisation), FALSE);

  fill_lines (self);
  fill_contacts (self);
  fill_cases (self);
  update_actions (self);
}

static void
regie_organisation_page_back_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
regie_organisation_page_edit_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (widget);

  present_editor (self, regie_network_editor_new_organisation (self->store, self->organisation));
}

static void
regie_organisation_page_new_line_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (widget);

  present_editor (self, regie_network_editor_new_line (self->store, regie_organisation_get_id (self->organisation), NULL));
}

static void
regie_organisation_page_new_contact_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (widget);

  present_editor (self, regie_network_editor_new_contact (self->store, regie_organisation_get_id (self->organisation), NULL));
}

static void
regie_organisation_page_mark_checked_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!regie_organisation_mark_checked (self->store, self->organisation, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Marked as checked today")));
}

static void
on_delete_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       RegieOrganisationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *toast_target;

  if (g_strcmp0 (response, "delete") != 0 || self->organisation == NULL)
    return;

  name = g_strdup (regie_organisation_get_name (self->organisation));
  if (!regie_organisation_delete (self->store, regie_organisation_get_id (self->organisation), NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* The network list follows the store by itself; this page has nothing left to show. */
  regie_organisation_page_clear (self);
  g_signal_emit (self, signals[BACK], 0);
  /* Translators: a toast after deleting; %s is the organisation's name */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast_target = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (self)), ADW_TYPE_TOAST_OVERLAY);
  adw_toast_overlay_add_toast (toast_target ? ADW_TOAST_OVERLAY (toast_target) : self->toast_overlay,
                               adw_toast_new (title));
}

static void
regie_organisation_page_delete_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Organisation?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its professional lines are deleted for good, and cases no longer "
                                    "name it. Its contacts stay in the network, and timeline items keep their text."),
                                  regie_organisation_get_name (self->organisation));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
regie_organisation_page_dispose (GObject *object)
{
  RegieOrganisationPage *self = REGIE_ORGANISATION_PAGE (object);

  g_clear_object (&self->organisation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_organisation_page_parent_class)->dispose (object);
}

static void
regie_organisation_page_class_init (RegieOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_organisation_page_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_CASE] = g_signal_new ("open-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, themes_box);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, checked_row);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, line_list);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, contact_list);
  gtk_widget_class_bind_template_child (widget_class, RegieOrganisationPage, case_list);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated_cb);

  gtk_widget_class_install_action (widget_class, "organisation.back", NULL, regie_organisation_page_back_action);
  gtk_widget_class_install_action (widget_class, "organisation.edit", NULL, regie_organisation_page_edit_action);
  gtk_widget_class_install_action (widget_class, "organisation.delete", NULL, regie_organisation_page_delete_action);
  gtk_widget_class_install_action (widget_class, "organisation.new-line", NULL, regie_organisation_page_new_line_action);
  gtk_widget_class_install_action (widget_class, "organisation.new-contact", NULL, regie_organisation_page_new_contact_action);
  gtk_widget_class_install_action (widget_class, "organisation.mark-checked", NULL,
                                   regie_organisation_page_mark_checked_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "organisation.back", NULL);
}

static void
regie_organisation_page_init (RegieOrganisationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_placeholder (self->line_list, _("No professional lines"));
  add_placeholder (self->contact_list, _("Nobody known here yet"));
  add_placeholder (self->case_list, _("Not involved in any case"));
  update_actions (self);
}

gboolean
regie_organisation_page_open (RegieOrganisationPage  *self,
                              RegieStore             *store,
                              gint64                  id,
                              GError                **error)
{
  g_autoptr(RegieOrganisation) organisation = NULL;

  g_return_val_if_fail (REGIE_IS_ORGANISATION_PAGE (self), FALSE);
  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  organisation = regie_organisation_load (store, id, error);
  if (organisation == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_set_object (&self->organisation, organisation);
  fill (self);
  return TRUE;
}

void
regie_organisation_page_clear (RegieOrganisationPage *self)
{
  g_return_if_fail (REGIE_IS_ORGANISATION_PAGE (self));

  g_clear_object (&self->organisation);
  update_actions (self);
}

RegieOrganisation *
regie_organisation_page_get_organisation (RegieOrganisationPage *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION_PAGE (self), NULL);
  return self->organisation;
}

GtkListBox *
_regie_organisation_page_get_line_list (RegieOrganisationPage *self)
{
  return self->line_list;
}

GtkListBox *
_regie_organisation_page_get_contact_list (RegieOrganisationPage *self)
{
  return self->contact_list;
}
