/* regie-case-organisations.c — "Involved organisations" on the dossier page
 *
 * The organisations come from the network; a popover with a search finds the one to add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-case-organisations.h"
#include "regie-network.h"

#define MAX_MATCHES 8

struct _RegieCaseOrganisations
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *list;
  GtkWidget           *add_button;
  GtkWidget           *popover;
  GtkWidget           *search;
  GtkListBox          *matches;

  RegieStore          *store;
  RegieNetwork        *network;
  gint64               case_id;
};

G_DEFINE_FINAL_TYPE (RegieCaseOrganisations, regie_case_organisations, ADW_TYPE_PREFERENCES_GROUP)

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void fill (RegieCaseOrganisations *self);

static void
on_remove_clicked_cb (GtkButton              *button,
                      RegieCaseOrganisations *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;

  if (!regie_network_unlink_case (self->store, self->case_id, *id, NULL, &error))
    g_warning ("Could not unlink an organisation: %s", error->message);
  fill (self);
}

static void
fill (RegieCaseOrganisations *self)
{
  g_autoptr(GPtrArray) links = NULL;

  remove_all (self->list);
  if (self->store == NULL || self->case_id == 0)
    return;

  links = regie_network_list_case_organisations (self->store, self->case_id, NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      RegieCaseOrganisation *link = links->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->organisation_name);
      if (*link->contact_name != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->contact_name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("No Longer Involved"));
      g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&link->organisation_id, sizeof (gint64)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->list, row);
    }
}

static void
fill_matches (RegieCaseOrganisations *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint shown = 0;

  remove_all (self->matches);
  if (self->network == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->network)) && shown < MAX_MATCHES; i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (self->network), i);
      GtkWidget *row;
      gint64 id;

      if (!regie_organisation_matches (organisation, query, NULL, -1))
        continue;
      id = regie_organisation_get_id (organisation);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), regie_organisation_get_name (organisation));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->matches, row);
      shown++;
    }
}

static void
on_match_activated_cb (RegieCaseOrganisations *self,
                       GtkListBoxRow          *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");
  g_autoptr(GError) error = NULL;

  if (!regie_network_link_case (self->store, self->case_id, *id, 0, NULL, &error))
    g_warning ("Could not link an organisation: %s", error->message);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  fill (self);
}

static void
on_popover_show_cb (RegieCaseOrganisations *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  fill_matches (self);
  gtk_widget_grab_focus (self->search);
}

static void
regie_case_organisations_dispose (GObject *object)
{
  RegieCaseOrganisations *self = REGIE_CASE_ORGANISATIONS (object);

  g_clear_object (&self->network);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_case_organisations_parent_class)->dispose (object);
}

static void
regie_case_organisations_class_init (RegieCaseOrganisationsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = regie_case_organisations_dispose;
}

static void
regie_case_organisations_init (RegieCaseOrganisations *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *placeholder = gtk_label_new (_("No organisations linked yet"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Involved Organisations"));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->search = gtk_search_entry_new ();
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (fill_matches), self);
  self->matches = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->matches, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->matches), "boxed-list");
  g_signal_connect_swapped (self->matches, "row-activated", G_CALLBACK (on_match_activated_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->matches));
  gtk_widget_set_size_request (box, 320, -1);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);

  self->add_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->add_button), "list-add-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add_button), self->popover);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_tooltip_text (self->add_button, _("Link an Organisation From the Network"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
}

void
regie_case_organisations_set_case (RegieCaseOrganisations *self,
                                   RegieStore             *store,
                                   gint64                  case_id)
{
  g_return_if_fail (REGIE_IS_CASE_ORGANISATIONS (self));

  if (g_set_object (&self->store, store))
    {
      g_clear_object (&self->network);
      if (store != NULL)
        self->network = regie_network_new (store);
    }
  self->case_id = store != NULL ? case_id : 0;
  gtk_widget_set_sensitive (self->add_button, self->case_id != 0);
  fill (self);
}
