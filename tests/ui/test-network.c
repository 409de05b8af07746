/* test-network.c — the Netwerk view: import a vCard file through the preview, find an
 * organisation by theme, see "Nu bereikbaar" on its line, link it to a dossier
 *
 * Runs the real RegieApplication under Xvfb against a real store in the real keyring, in
 * Dutch, with the clock of the professional lines set to a Tuesday morning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "regie-application.h"
#include "regie-case.h"
#include "regie-case-organisations.h"
#include "regie-dossier-page.h"
#include "regie-event-editor.h"
#include "regie-import-dialog.h"
#include "regie-network.h"
#include "regie-network-editor.h"
#include "regie-network-page.h"
#include "regie-network-private.h"
#include "regie-organisation-page.h"
#include "regie-ui-test.h"
#include "regie-vcard.h"
#include "regie-window-private.h"

/* Line 1 to 11 an organisation with a line (schulden), 12 to 18 a contact there, 19 to 24
 * one without, 25 to 29 a broken card. */
static const char vcard[] =
  "BEGIN:VCARD\r\n"
  "VERSION:4.0\r\n"
  "KIND:org\r\n"
  "UID:urn:uuid:00000000-0000-4000-8000-0000000000a1\r\n"
  "FN:Schuldhulp Testdorp\r\n"
  "CATEGORIES:schulden\r\n"
  "TEL:0800-0000701\r\n"
  "ADR:;;Demostraat 1;Proefstad;;9999 XA;\r\n"
  "X-REGIE-LINE:Spoedlijn schulden;0800-0000702;ma-vr 9:00-12:00\\, 13:00-17:00;\r\n"
  " Professionals;;0;\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Noor Fictief\r\n"
  "N:Fictief;Noor;;;\r\n"
  "ORG:Schuldhulp Testdorp\r\n"
  "TEL;TYPE=CELL:06-00000701\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:4.0\r\n"
  "KIND:org\r\n"
  "FN:Zorgloket Test\r\n"
  "CATEGORIES:zorg\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Kapot\r\n"
  "DIT IS GEEN EIGENSCHAP\r\n"
  "END:VCARD\r\n";

static RegieImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return REGIE_IMPORT_DIALOG (window);
    }

  return NULL;
}

static RegieNetworkEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REGIE_IS_NETWORK_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return REGIE_NETWORK_EDITOR (window);
    }

  return NULL;
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Opslaan") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_organisations (RegieStore *store)
{
  g_autoptr(RegieNetwork) network = regie_network_new (store);

  return g_list_model_get_n_items (G_LIST_MODEL (network));
}

static void
check_network (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  RegieNetworkPage *page = REGIE_NETWORK_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window),
                                                                               REGIE_TYPE_NETWORK_PAGE));
  GListModel *model = _regie_network_page_get_model (page);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "regie-test-network.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RegieOrganisation) found = NULL;
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  RegieImportDialog *dialog;
  RegieOrganisationPage *organisation_page;
  GtkWidget *group;

  g_assert_nonnull (page);
  _regie_window_show_view (window, "network");
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Nog geen organisaties"));

  /* Import: the preview first, with what is new and what was skipped, and nothing written. */
  g_assert_true (g_file_set_contents (path, vcard, -1, &error));
  _regie_network_page_import_file (page, file);
  wait_for ((dialog = find_import_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)),
            "the import preview to show");
  /* The file is read in a thread; the dialog is there at once and fills in when it is done. */
  wait_for (!_regie_import_dialog_is_loading (dialog), "the file to be read");
  regie_test_settle ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "3 nieuw"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1 overgeslagen"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (dialog), "Regel 28"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (dialog), "Contactpersoon bij Schuldhulp Testdorp"));
  g_assert_cmpuint (count_organisations (store), ==, 0);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (g_list_model_get_n_items (model) == 2, "the imported organisations to be listed");
  g_assert_cmpuint (count_organisations (store), ==, 2);

  /* Find it by theme; its line is reachable on a Tuesday at ten. */
  _regie_network_page_set_theme_filter (page, "schulden");
  regie_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (regie_organisation_get_name (found), ==, "Schuldhulp Testdorp");
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (_regie_network_page_get_list_view (page), "Nu bereikbaar"));

  /* By a word and a theme that do not go together: nothing found, and it says so. */
  gtk_editable_set_text (GTK_EDITABLE (_regie_network_page_get_search_entry (page)), "zorgloket");
  wait_for (g_list_model_get_n_items (model) == 0, "the search to find nothing");
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "Geen organisaties gevonden"));
  _regie_network_page_set_theme_filter (page, NULL);
  wait_for (g_list_model_get_n_items (model) == 1, "the search to find the Zorgloket");
  gtk_editable_set_text (GTK_EDITABLE (_regie_network_page_get_search_entry (page)), "");
  wait_for (g_list_model_get_n_items (model) == 2, "the search to be cleared");

  /* Its page: the line with "Nu bereikbaar", the contact, its details. */
  g_assert_true (gtk_widget_activate_action (_regie_network_page_get_list_view (page), "list.activate-item", "u", 0));
  regie_test_settle ();
  g_assert_cmpstr (_regie_network_page_get_visible (page), ==, "organisation");
  organisation_page = REGIE_ORGANISATION_PAGE (_regie_network_page_get_organisation_page (page));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (_regie_organisation_page_get_line_list (organisation_page)),
                                           "Nu bereikbaar"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (organisation_page), "Noor Fictief"));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (organisation_page), "Demostraat 1, 9999 XA Proefstad"));

  /* Outside its hours the same line says when it opens. */
  {
    g_autoptr(GDateTime) evening = g_date_time_new (regie_network_time_zone (), 2025, 3, 4, 18, 0, 0);

    _regie_network_set_now (evening);
    regie_network_page_open_organisation (page, regie_organisation_get_id (found));
    regie_test_settle ();
    g_assert_nonnull (regie_test_find_label (GTK_WIDGET (organisation_page), "Bereikbaar vanaf morgen 9:00"));
    g_assert_null (regie_test_find_label (GTK_WIDGET (_regie_organisation_page_get_line_list (organisation_page)),
                                          "Nu bereikbaar"));
  }

  /* A new line through the editor: unreadable hours cannot be saved. */
  {
    RegieNetworkEditor *editor;
    GtkWidget *label_row;
    GtkWidget *hours_row;
    GtkWidget *save;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation_page), "organisation.new-line", NULL));
    wait_for ((editor = find_editor ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor)), "the line editor to show");
    label_row = _regie_network_editor_get_row (editor, "label");
    hours_row = _regie_network_editor_get_row (editor, "availability");
    gtk_editable_set_text (GTK_EDITABLE (label_row), "Avondlijn");
    gtk_editable_set_text (GTK_EDITABLE (hours_row), "soms wel");
    regie_test_settle ();
    g_assert_true (gtk_widget_has_css_class (hours_row, "error"));
    save = find_save_button (GTK_WIDGET (editor));
    g_assert_false (gtk_widget_is_sensitive (save));
    gtk_editable_set_text (GTK_EDITABLE (hours_row), "ma t/m do 17:00-21:00");
    regie_test_settle ();
    g_assert_true (gtk_widget_is_sensitive (save));
    g_assert_true (gtk_widget_activate (save));
    wait_for (find_editor () == NULL, "the editor to close");
    regie_test_settle ();
    g_assert_nonnull (regie_test_find_label (GTK_WIDGET (organisation_page), "Avondlijn"));
    g_assert_nonnull (regie_test_find_label (GTK_WIDGET (_regie_organisation_page_get_line_list (organisation_page)),
                                             "Nu bereikbaar"));
  }

  /* Escape goes back to the list. */
  gtk_widget_activate_action (GTK_WIDGET (organisation_page), "organisation.back", NULL);
  regie_test_settle ();
  g_assert_cmpstr (_regie_network_page_get_visible (page), ==, "list");

  /* A dossier lists the organisations linked to it. */
  regie_person_set_given_names (person, "Karel");
  regie_person_set_surname (person, "Proefmans");
  regie_case_set_question (kase, "Ik heb een brief over een schuld.");
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_true (regie_network_link_case (store, regie_case_get_id (kase), regie_organisation_get_id (found), 0, NULL, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (page, "open-case", regie_case_get_id (kase));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  group = regie_test_find_widget_of_type (_regie_window_get_dossier_page (window), REGIE_TYPE_CASE_ORGANISATIONS);
  g_assert_nonnull (group);
  g_assert_nonnull (regie_test_find_label (group, "Schuldhulp Testdorp"));

  g_unlink (path);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static GtkWidget *
find_button_with_class (GtkWidget  *widget,
                        const char *css_class)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A mapped label whose text contains needle. */
static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Chooses the item called name in the editor's combo row titled title, as a click would. */
static void
choose (GtkWindow  *editor,
        const char *title,
        const char *name)
{
  GtkWidget *label = regie_test_find_label (GTK_WIDGET (editor), title);
  AdwComboRow *row;
  GListModel *model;

  if (label == NULL)
    g_error ("No row “%s” in the editor", title);
  row = ADW_COMBO_ROW (gtk_widget_get_ancestor (label, ADW_TYPE_COMBO_ROW));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        regie_test_settle ();
        return;
      }
  g_error ("No “%s” to choose under “%s”", name, title);
}

/* Answers the confirmation that is showing; it must be a destructive one. */
static void
confirm_delete (const char *heading)
{
  AdwMessageDialog *dialog;

  wait_for ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
            "the confirmation to show");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  /* As its button would: answer, then close. */
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  regie_test_settle ();
}

/* A contact moment names an organisation and its contact from the network; the timeline
 * shows them, the organisation counts the dossier; deleting the contact and then the
 * organisation, each after a confirmation, leaves the item with its own text only. */
static void
check_event_organisation_delete (RegieWindow *window)
{
  RegieStore *store = regie_window_get_store (window);
  RegieNetworkPage *page = REGIE_NETWORK_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window),
                                                                               REGIE_TYPE_NETWORK_PAGE));
  GtkWidget *dossier = _regie_window_get_dossier_page (window);
  GtkWidget *timeline = _regie_dossier_page_get_timeline_view (REGIE_DOSSIER_PAGE (dossier));
  RegieOrganisationPage *organisation_page = REGIE_ORGANISATION_PAGE (_regie_network_page_get_organisation_page (page));
  g_autoptr(RegieOrganisation) organisation = regie_organisation_new ();
  g_autoptr(RegieOrganisation) other = regie_organisation_new ();
  g_autoptr(RegieContact) contact = regie_contact_new ();
  g_autoptr(RegiePerson) person = regie_person_new ();
  g_autoptr(RegieCase) kase = regie_case_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  GtkWidget *edit;

  regie_organisation_set_name (organisation, "Woonstichting Proef");
  regie_organisation_set_kind (organisation, REGIE_ORGANISATION_KIND_HOUSING);
  g_assert_true (regie_organisation_save (store, organisation, NULL, &error));
  regie_organisation_set_name (other, "Buurtteam Demo");
  g_assert_true (regie_organisation_save (store, other, NULL, &error));
  regie_contact_set_organisation_id (contact, regie_organisation_get_id (organisation));
  regie_contact_set_name (contact, "Lotte Voorbeeld");
  g_assert_true (regie_contact_save (store, contact, NULL, &error));
  regie_person_set_given_names (person, "Karel");
  regie_person_set_surname (person, "Proefmans");
  regie_case_set_question (kase, "Ik heb een huurachterstand.");
  g_assert_true (regie_case_create (store, kase, person, NULL, &error));
  g_assert_no_error (error);

  /* A contact moment: choose the organisation, then the contact there. */
  g_signal_emit_by_name (page, "open-case", regie_case_get_id (kase));
  regie_test_settle ();
  g_assert_cmpstr (_regie_window_get_cases_page (window), ==, "dossier");
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", "i", REGIE_EVENT_CONTACT));
  wait_for ((editor = find_toplevel (REGIE_TYPE_EVENT_EDITOR)) != NULL, "the contact moment's editor");
  regie_test_settle ();
  /* Nobody to choose before an organisation is chosen. */
  g_assert_null (regie_test_find_label (GTK_WIDGET (editor), "Contactpersoon"));
  choose (editor, "Organisatie", "Woonstichting Proef");
  choose (editor, "Contactpersoon", "Lotte Voorbeeld");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (regie_test_find_label (GTK_WIDGET (editor), "Met wie"),
                                                                ADW_TYPE_ENTRY_ROW)),
                         "en haar collega");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  wait_for (find_toplevel (REGIE_TYPE_EVENT_EDITOR) == NULL, "the editor to close");
  wait_for (find_label_containing (timeline, "Lotte Voorbeeld (Woonstichting Proef)") != NULL,
            "the contact and organisation on the timeline");
  g_assert_nonnull (find_label_containing (timeline, "en haar collega"));

  /* The organisation's page lists the dossier, though it was never linked. */
  _regie_window_show_view (window, "network");
  regie_network_page_open_organisation (page, regie_organisation_get_id (organisation));
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (organisation_page), "Karel Proefmans"));

  /* Delete the contact, after a destructive confirmation: the list no longer has her. */
  edit = find_button_with_tooltip (GTK_WIDGET (_regie_organisation_page_get_contact_list (organisation_page)),
                                   "Contactpersoon bewerken");
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_activate (edit));
  wait_for ((editor = find_toplevel (REGIE_TYPE_NETWORK_EDITOR)) != NULL, "the contact's editor");
  regie_test_settle ();
  g_assert_true (gtk_widget_activate (find_button_with_class (GTK_WIDGET (editor), "destructive-action")));
  confirm_delete ("Deze contactpersoon verwijderen?");
  wait_for (find_toplevel (REGIE_TYPE_NETWORK_EDITOR) == NULL, "the editor to close");
  regie_test_settle ();
  g_assert_null (regie_test_find_label (GTK_WIDGET (organisation_page), "Lotte Voorbeeld"));
  g_assert_null (gtk_list_box_get_row_at_index (_regie_organisation_page_get_contact_list (organisation_page), 0));

  /* Delete the organisation from its page: back to the list, which no longer has it. */
  g_assert_true (gtk_widget_activate (regie_test_find_button_for_action (GTK_WIDGET (organisation_page),
                                                                         "organisation.delete")));
  confirm_delete ("Deze organisatie verwijderen?");
  wait_for (g_strcmp0 (_regie_network_page_get_visible (page), "list") == 0, "the network list to show");
  wait_for (g_list_model_get_n_items (_regie_network_page_get_model (page)) == 1, "the list to lose the organisation");
  g_assert_cmpuint (count_organisations (store), ==, 1);

  /* The contact moment names neither any more, and keeps its own words. */
  g_signal_emit_by_name (page, "open-case", regie_case_get_id (kase));
  regie_test_settle ();
  wait_for (find_label_containing (timeline, "en haar collega") != NULL, "the contact moment on the timeline");
  g_assert_null (find_label_containing (timeline, "Woonstichting Proef"));
  g_assert_null (find_label_containing (timeline, "Lotte Voorbeeld"));
}

static void
test_event_organisation_delete (void)
{
  regie_test_run_app (FALSE, check_event_organisation_delete, NULL);
}

static guint
count_active_checks (GtkWidget *widget)
{
  guint n = GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_visible (widget) &&
            gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_active_checks (child);
  return n;
}

/* The organisation names of the KIND:org cards in file, in order. */
static GPtrArray *
exported_organisations (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (regie_vcard_parse (contents, length, &cards, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      RegieVCard *card = cards->pdata[i];
      const char *fn = NULL;
      gboolean is_org = FALSE;

      for (guint k = 0; k < card->properties->len; k++)
        {
          RegieVCardProperty *p = card->properties->pdata[k];

          if (g_str_equal (p->name, "FN"))
            fn = p->text;
          is_org |= g_str_equal (p->name, "KIND") && g_ascii_strcasecmp (p->text, "org") == 0;
        }
      if (is_org)
        g_ptr_array_add (names, g_strdup (fn));
    }

  return names;
}

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (model, position);

  return g_strdup (regie_organisation_get_name (organisation));
}

/* Select two organisations of the demo network with the keyboard-usable "Select" toggle
 * and row activation, and export exactly those two. */
static void
check_export_selection (RegieWindow *window)
{
  RegieNetworkPage *page = REGIE_NETWORK_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window),
                                                                               REGIE_TYPE_NETWORK_PAGE));
  GListModel *model = _regie_network_page_get_model (page);
  GtkWidget *list_view = _regie_network_page_get_list_view (page);
  GtkWidget *select_button = _regie_network_page_get_select_button (page);
  GtkWidget *export_button = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "regie-test-selection.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;

  _regie_window_show_view (window, "network");
  regie_test_settle ();
  wait_for (g_list_model_get_n_items (model) >= 3, "the demo network to be listed");
  first = name_at (model, 0);
  third = name_at (model, 2);

  export_button = regie_test_find_button_for_action (GTK_WIDGET (page), "network.export-selection");
  g_assert_nonnull (export_button);
  g_assert_false (gtk_widget_get_mapped (export_button));

  /* Selection mode: the bar shows, nothing selected yet, nothing to export. */
  /* As with the keyboard: activating the button (its click comes after a short animation). */
  g_assert_true (gtk_widget_activate (select_button));
  wait_for (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select_button)), "selection mode");
  regie_test_settle ();
  g_assert_cmpstr (_regie_network_page_get_selection_text (page), ==, "0 geselecteerd");
  wait_for (gtk_widget_get_mapped (export_button), "the selection bar to show");
  g_assert_false (gtk_widget_get_sensitive (export_button));

  /* Activating a row (Enter, or a click) toggles it instead of opening it. */
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 1));
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 2));
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 1));
  regie_test_settle ();
  g_assert_cmpstr (_regie_network_page_get_visible (page), ==, "list");
  g_assert_cmpstr (_regie_network_page_get_selection_text (page), ==, "2 geselecteerd");
  g_assert_cmpuint (count_active_checks (list_view), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (export_button));

  /* What "Export Selection…" writes to the chosen file: exactly those two. */
  g_assert_true (_regie_network_page_export_selection_to (page, file));
  names = exported_organisations (path);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (names, first, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, third, g_str_equal, NULL));
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (window), "2 organisaties geëxporteerd"));

  /* Leaving selection mode forgets the selection; a row opens again, with its own export. */
  g_assert_true (gtk_widget_activate (select_button));
  wait_for (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select_button)), "selection mode to end");
  regie_test_settle ();
  g_assert_cmpuint (count_active_checks (list_view), ==, 0);
  g_assert_cmpstr (_regie_network_page_get_selection_text (page), ==, "0 geselecteerd");
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  regie_test_settle ();
  g_assert_cmpstr (_regie_network_page_get_visible (page), ==, "organisation");
  {
    GtkWidget *button = regie_test_find_button_for_action (_regie_network_page_get_organisation_page (page),
                                                           "network.export-organisation");

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "E_xporteren…");
    g_assert_true (gtk_widget_get_sensitive (button));
  }

  g_unlink (path);
}

static void
test_export_selection (void)
{
  regie_test_run_app (TRUE, check_export_selection, NULL);
}

/* Runs the built regie binary in English, with XDG_DATA_HOME set to data_home. */
static int
run_regie (const char         *data_home,
           const char * const *args,
           char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) REGIE_BIN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* regie --export-network FILE --organisation NAME…: names matched without regard to
 * capitals and accents; an unknown name writes nothing and exits 1. */
static void
test_cli_export_organisation (void)
{
  g_autofree char *home = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "selectie.vcf", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "niet.vcf", NULL);
  const char *ok[] = { "--demo", "--export-network", path, "--organisation", "uwv (DÉMO)",
                       "--organisation", "schuldhulp proefstad (demo)", NULL };
  const char *unknown[] = { "--demo", "--export-network", missing, "--organisation", "UWV (demo)",
                            "--organisation", "Bestaat Niet (test)", NULL };
  const char *alone[] = { "--demo", "--organisation", "UWV (demo)", NULL };
  g_autoptr(GPtrArray) names = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autofree char *err = NULL;
    int status = run_regie (home, ok, &err);

    g_test_message ("%s", err);
    g_assert_cmpint (status, ==, 0);
  }
  names = exported_organisations (path);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "UWV (demo)", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "Schuldhulp Proefstad (demo)", g_str_equal, NULL));

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, unknown, &err), ==, 1);
    g_assert_nonnull (strstr (err, "There is no organisation called “Bestaat Niet (test)”"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_regie (home, alone, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--organisation goes with --export-network"));
  }
}

static void
test_network (void)
{
  g_autoptr(GDateTime) tuesday = g_date_time_new (regie_network_time_zone (), 2025, 3, 4, 10, 0, 0);

  _regie_network_set_now (tuesday);
  regie_test_run_app (FALSE, check_network, NULL);
  _regie_network_set_now (NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/network/import-find-reach", test_network);
  g_test_add_func ("/network/event-organisation-delete", test_event_organisation_delete);
  g_test_add_func ("/network/export-selection", test_export_selection);
  g_test_add_func ("/network/cli-export-organisation", test_cli_export_organisation);

  return g_test_run ();
}
