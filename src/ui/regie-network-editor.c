/* regie-network-editor.c — editing an organisation, a contact or a professional line
 *
 * The three forms differ only in their fields, so they are built from tables rather than
 * three templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-network-editor.h"
#include "regie-theme.h"
#include "regie-ui-util.h"

typedef enum
{
  MODE_ORGANISATION,
  MODE_CONTACT,
  MODE_LINE,
} Mode;

typedef struct
{
  const char *field;      /* the GObject property */
  const char *title;
} Field;

static const Field organisation_fields[] = {
  { "name", N_("Name") }, { "phone", N_("Phone") }, { "email", N_("E-mail") },
  { "website", N_("Website") }, { "street", N_("Street and number") }, { "postcode", N_("Postcode") },
  { "city", N_("Town") }, { "opening-hours", N_("Opening hours") }, { "notes", N_("Notes") },
};

static const Field contact_fields[] = {
  { "name", N_("Name") }, { "role", N_("Role") }, { "title", N_("Job title") },
  { "department", N_("Department") }, { "phone", N_("Phone") }, { "mobile", N_("Mobile") },
  { "email", N_("E-mail") }, { "notes", N_("Notes") },
};

static const Field line_fields[] = {
  { "label", N_("Name") }, { "phone", N_("Phone") },
  { "availability", N_("Availability, like “mo-fr 9:00-12:00, 13:00-17:00”") },
  { "audience", N_("Who may call") }, { "notes", N_("Notes") },
};

struct _RegieNetworkEditor
{
  AdwWindow   parent_instance;

  GtkWidget  *save_button;
  GtkWidget  *page;
  AdwComboRow *kind_row;
  GtkWidget  *holidays_switch;
  GHashTable *rows;        /* field → AdwEntryRow */
  GHashTable *theme_checks; /* theme id → GtkCheckButton */

  Mode        mode;
  RegieStore *store;
  GObject    *entry;      /* a copy when editing */
  gint64      organisation_id;
};

G_DEFINE_FINAL_TYPE (RegieNetworkEditor, regie_network_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const Field *
fields_of (Mode   mode,
           guint *n)
{
  switch (mode)
    {
    case MODE_ORGANISATION:
      *n = G_N_ELEMENTS (organisation_fields);
      return organisation_fields;
    case MODE_CONTACT:
      *n = G_N_ELEMENTS (contact_fields);
      return contact_fields;
    case MODE_LINE:
    default:
      *n = G_N_ELEMENTS (line_fields);
      return line_fields;
    }
}

static const char *
text_of (RegieNetworkEditor *self,
         const char         *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);

  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

static gboolean
check_availability (RegieNetworkEditor *self)
{
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row = g_hash_table_lookup (self->rows, "availability");

  if (row == NULL)
    return TRUE;
  if (regie_availability_parse (text_of (self, "availability"), &slots, &error))
    {
      regie_ui_set_row_error (row, _(line_fields[2].title), NULL);
      return TRUE;
    }
  regie_ui_set_row_error (row, _(line_fields[2].title), error->message);
  return FALSE;
}

static void
update_save (RegieNetworkEditor *self)
{
  const char *name = text_of (self, self->mode == MODE_LINE ? "label" : "name");
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  gtk_widget_set_sensitive (self->save_button, *trimmed != '\0' && check_availability (self));
}

static void
on_row_changed_cb (RegieNetworkEditor *self)
{
  update_save (self);
}

static void
show_error (RegieNetworkEditor *self,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_clicked_cb (RegieNetworkEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n;
  const Field *fields = fields_of (self->mode, &n);
  gboolean ok = FALSE;
  gint64 id = 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fields[i].field, "availability") != 0)
      g_object_set (self->entry, fields[i].field, text_of (self, fields[i].field), NULL);

  switch (self->mode)
    {
    case MODE_ORGANISATION:
      {
        RegieOrganisation *organisation = REGIE_ORGANISATION (self->entry);
        g_autoptr(GPtrArray) themes = g_ptr_array_new ();
        const char * const *ids = regie_theme_get_ids ();

        for (guint i = 0; ids[i]; i++)
          if (gtk_check_button_get_active (g_hash_table_lookup (self->theme_checks, ids[i])))
            g_ptr_array_add (themes, (gpointer) ids[i]);
        g_ptr_array_add (themes, NULL);
        regie_organisation_set_themes (organisation, (const char * const *) themes->pdata);
        regie_organisation_set_kind (organisation, adw_combo_row_get_selected (self->kind_row));
        ok = regie_organisation_save (self->store, organisation, NULL, &error);
        id = regie_organisation_get_id (organisation);
      }
      break;
    case MODE_CONTACT:
      regie_contact_set_organisation_id (REGIE_CONTACT (self->entry), self->organisation_id);
      ok = regie_contact_save (self->store, REGIE_CONTACT (self->entry), NULL, &error);
      id = regie_contact_get_id (REGIE_CONTACT (self->entry));
      break;
    case MODE_LINE:
      {
        RegieProfessionalLine *line = REGIE_PROFESSIONAL_LINE (self->entry);

        regie_professional_line_set_organisation_id (line, self->organisation_id);
        regie_professional_line_set_open_on_holidays (line, gtk_switch_get_active (GTK_SWITCH (self->holidays_switch)));
        ok = regie_professional_line_set_availability (line, text_of (self, "availability"), &error) &&
             regie_professional_line_save (self->store, line, NULL, &error);
        id = regie_professional_line_get_id (line);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       RegieNetworkEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (self->mode == MODE_CONTACT)
    ok = regie_contact_delete (self->store, regie_contact_get_id (REGIE_CONTACT (self->entry)), NULL, &error);
  else
    ok = regie_professional_line_delete (self->store,
                                         regie_professional_line_get_id (REGIE_PROFESSIONAL_LINE (self->entry)),
                                         NULL, &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0);
  /* The dialog closes after this handler and then lets go of its parent: it must not be
   * this window any more, which is gone by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (RegieNetworkEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              self->mode == MODE_CONTACT ? _("Delete This Contact?")
                                                                         : _("Delete This Professional Line?"),
                                              _("Cases that named it keep their history."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
regie_network_editor_dispose (GObject *object)
{
  RegieNetworkEditor *self = REGIE_NETWORK_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->theme_checks, g_hash_table_unref);

  G_OBJECT_CLASS (regie_network_editor_parent_class)->dispose (object);
}

static void
regie_network_editor_class_init (RegieNetworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_network_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
regie_network_editor_init (RegieNetworkEditor *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->theme_checks = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
build (RegieNetworkEditor *self,
       const char         *title,
       gboolean            can_delete)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  AdwPreferencesGroup *group;
  guint n;
  const Field *fields = fields_of (self->mode, &n);

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *value = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      g_object_get (self->entry, fields[i].field, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      g_hash_table_insert (self->rows, (gpointer) fields[i].field, row);
      adw_preferences_group_add (group, row);

      if (self->mode == MODE_ORGANISATION && i == 0)
        {
          g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

          for (guint k = 0; k <= REGIE_ORGANISATION_KIND_OTHER; k++)
            gtk_string_list_append (kinds, regie_organisation_kind_get_label (k));
          self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
          adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
          adw_combo_row_set_selected (self->kind_row, regie_organisation_get_kind (REGIE_ORGANISATION (self->entry)));
          adw_preferences_group_add (group, GTK_WIDGET (self->kind_row));
        }
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), group);

  if (self->mode == MODE_LINE)
    {
      GtkWidget *row = adw_action_row_new ();

      self->holidays_switch = gtk_switch_new ();
      gtk_widget_set_valign (self->holidays_switch, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (self->holidays_switch),
                             regie_professional_line_get_open_on_holidays (REGIE_PROFESSIONAL_LINE (self->entry)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Open on public holidays"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->holidays_switch);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->holidays_switch);
      adw_preferences_group_add (group, row);
      {
        g_autofree char *availability = regie_professional_line_format_availability (REGIE_PROFESSIONAL_LINE (self->entry), TRUE);

        gtk_editable_set_text (GTK_EDITABLE (g_hash_table_lookup (self->rows, "availability")), availability);
      }
    }

  if (self->mode == MODE_ORGANISATION)
    {
      AdwPreferencesGroup *themes = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *flow = gtk_flow_box_new ();
      const char * const *ids = regie_theme_get_ids ();

      adw_preferences_group_set_title (themes, _("Themes"));
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
      for (guint i = 0; ids[i]; i++)
        {
          GtkWidget *check = gtk_check_button_new_with_label (regie_theme_get_label (ids[i]));

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       regie_organisation_has_theme (REGIE_ORGANISATION (self->entry), ids[i]));
          g_hash_table_insert (self->theme_checks, (gpointer) ids[i], check);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
        }
      adw_preferences_group_add (themes, flow);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), themes);
    }

  if (can_delete)
    {
      AdwPreferencesGroup *danger = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
      adw_preferences_group_add (danger, button);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), danger);
    }

  gtk_box_append (GTK_BOX (box), self->page);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_save (self);
}

RegieNetworkEditor *
regie_network_editor_new_organisation (RegieStore        *store,
                                       RegieOrganisation *organisation)
{
  RegieNetworkEditor *self = g_object_new (REGIE_TYPE_NETWORK_EDITOR, NULL);

  self->mode = MODE_ORGANISATION;
  self->store = g_object_ref (store);
  self->entry = organisation ? g_object_ref (G_OBJECT (organisation))
                             : G_OBJECT (regie_organisation_new ());
  build (self, organisation ? _("Edit Organisation") : _("New Organisation"), FALSE);
  return self;
}

RegieNetworkEditor *
regie_network_editor_new_contact (RegieStore   *store,
                                  gint64        organisation_id,
                                  RegieContact *contact)
{
  RegieNetworkEditor *self = g_object_new (REGIE_TYPE_NETWORK_EDITOR, NULL);

  self->mode = MODE_CONTACT;
  self->store = g_object_ref (store);
  self->organisation_id = organisation_id;
  self->entry = contact ? g_object_ref (G_OBJECT (contact)) : G_OBJECT (regie_contact_new ());
  build (self, contact ? _("Edit Contact") : _("New Contact"), contact != NULL);
  return self;
}

RegieNetworkEditor *
regie_network_editor_new_line (RegieStore            *store,
                               gint64                 organisation_id,
                               RegieProfessionalLine *line)
{
  RegieNetworkEditor *self = g_object_new (REGIE_TYPE_NETWORK_EDITOR, NULL);

  self->mode = MODE_LINE;
  self->store = g_object_ref (store);
  self->organisation_id = organisation_id;
  self->entry = line ? g_object_ref (G_OBJECT (line))
                     : G_OBJECT (regie_professional_line_new ());
  build (self, line ? _("Edit Professional Line") : _("New Professional Line"), line != NULL);
  return self;
}

GtkWidget *
_regie_network_editor_get_row (RegieNetworkEditor *self,
                               const char         *field)
{
  return g_hash_table_lookup (self->rows, field);
}
