/* regie-network-page.c — the Netwerk view: organisations, searchable and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "regie-import-dialog.h"
#include "regie-import-plan.h"
#include "regie-network.h"
#include "regie-network-editor.h"
#include "regie-network-page.h"
#include "regie-organisation-page.h"
#include "regie-theme.h"

/* "Nu bereikbaar" changes with the clock: look again every minute. */
#define REFRESH_SECONDS 60

struct _RegieNetworkPage
{
  AdwBin                 parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  GtkSearchEntry        *search_entry;
  GtkDropDown           *theme_dropdown;
  GtkDropDown           *kind_dropdown;
  GtkStack              *list_stack;
  GtkListView           *list_view;
  RegieOrganisationPage *organisation_page;
  GtkToggleButton       *select_button;
  GtkActionBar          *selection_bar;
  GtkLabel              *selection_label;

  /* Owned */
  RegieStore            *store;
  RegieNetwork          *network;
  GtkCustomFilter       *filter;
  GtkFilterListModel    *filtered;
  GtkFileChooserNative  *chooser;
  GArray                *export_ids;   /* for the chooser: NULL exports everything */
  GHashTable            *selected;     /* organisation ids, in selection mode */
  guint                  refresh_id;
};

G_DEFINE_FINAL_TYPE (RegieNetworkPage, regie_network_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_CASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
selected_theme (RegieNetworkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->theme_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return regie_theme_get_ids ()[selected - 1];
}

static int
selected_kind (RegieNetworkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return -1;
  return (int) selected - 1;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RegieNetworkPage *self = user_data;

  return regie_organisation_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                     selected_theme (self), selected_kind (self));
}

static void
update_state (RegieNetworkPage *self)
{
  const char *state = "list";

  if (self->network == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->network)) == 0)
    state = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    state = "nothing-found";

  gtk_stack_set_visible_child_name (self->list_stack, state);
}

static void
update_actions (RegieNetworkPage *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export",
                                 has_store && self->network != NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->network)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.new-organisation", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-selection",
                                 has_store && g_hash_table_size (self->selected) > 0);
}

static gboolean
selection_mode (RegieNetworkPage *self)
{
  return gtk_toggle_button_get_active (self->select_button);
}

static void
update_check (RegieNetworkPage *self,
              GtkWidget        *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "organisation-id");

  gtk_widget_set_visible (check, selection_mode (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), id != NULL && g_hash_table_contains (self->selected, id));
}

/* The rows on screen are the list view's children; each row's box starts with its check.
 * Found this way rather than kept in a list, as the list view makes and drops rows itself. */
static void
update_checks (RegieNetworkPage *self,
               GtkWidget        *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child) && g_object_get_data (G_OBJECT (child), "row-check") != NULL)
        update_check (self, child);
      else
        update_checks (self, child);
    }
}

/* The rows show what is selected; the bar says how many. */
static void
update_selection (RegieNetworkPage *self)
{
  guint n = g_hash_table_size (self->selected);
  g_autofree char *text = NULL;

  update_checks (self, GTK_WIDGET (self->list_view));

  /* Translators: in selection mode, how many organisations are selected */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);
  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, selection_mode (self));
  update_actions (self);
}

static void
toggle_selected (RegieNetworkPage *self,
                 gint64            id)
{
  if (!g_hash_table_remove (self->selected, &id))
    g_hash_table_add (self->selected, g_memdup2 (&id, sizeof id));
  update_selection (self);
}

static void
on_select_toggled_cb (RegieNetworkPage *self)
{
  /* Leaving selection mode forgets the selection, as in Files. */
  if (!selection_mode (self))
    g_hash_table_remove_all (self->selected);
  update_selection (self);
}

static void
on_filter_changed_cb (RegieNetworkPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_items_changed_cb (RegieNetworkPage *self)
{
  update_state (self);
  update_actions (self);
}

static void
on_list_activate_cb (RegieNetworkPage *self,
                     guint             position)
{
  g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (organisation != NULL && selection_mode (self))
    toggle_selected (self, regie_organisation_get_id (organisation));
  else if (organisation != NULL)
    regie_network_page_open_organisation (self, regie_organisation_get_id (organisation));
}

static void
on_organisation_back_cb (RegieNetworkPage *self)
{
  regie_network_page_show_list (self);
}

static void
on_organisation_open_case_cb (RegieNetworkPage *self,
                              gint64            id)
{
  g_signal_emit (self, signals[OPEN_CASE], 0, id);
}

static gboolean
on_refresh_cb (gpointer user_data)
{
  RegieNetworkPage *self = user_data;

  if (self->network != NULL)
    regie_network_reload (self->network, NULL);
  return G_SOURCE_CONTINUE;
}

static void
show_toast (RegieNetworkPage *self,
            const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (RegieNetworkPage *self,
            const char       *heading,
            const GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *select = gtk_check_button_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *check = gtk_label_new (_("Check"));
  GtkWidget *badge = gtk_label_new (_("Reachable now"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), details);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "check-badge");
  gtk_widget_set_tooltip_text (check, _("Last checked more than six months ago"));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "reachable-badge");
  /* Activating the row (click, Enter) toggles it: the check only shows the state, so it
   * takes neither clicks nor focus of its own. */
  gtk_widget_set_can_target (select, FALSE);
  gtk_widget_set_can_focus (select, FALSE);
  gtk_widget_set_valign (select, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (select, FALSE);
  g_object_set_data (G_OBJECT (select), "row-check", GINT_TO_POINTER (TRUE));
  gtk_box_append (GTK_BOX (box), select);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RegieOrganisation *organisation = gtk_list_item_get_item (item);
  RegieNetworkPage *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *select = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (select);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  GtkWidget *check = gtk_widget_get_next_sibling (texts);
  GtkWidget *badge = gtk_widget_get_next_sibling (check);
  const char * const *themes = regie_organisation_get_themes (organisation);
  g_autoptr(GString) text = g_string_new (regie_organisation_kind_get_label (regie_organisation_get_kind (organisation)));

  /* "Overig · Overig" says nothing twice. */
  for (guint i = 0, shown = 0; themes[i]; i++)
    if (g_strcmp0 (regie_theme_get_label (themes[i]),
                   regie_organisation_kind_get_label (regie_organisation_get_kind (organisation))) != 0)
      g_string_append_printf (text, shown++ == 0 ? " · %s" : ", %s", regie_theme_get_label (themes[i]));

  gtk_label_set_text (GTK_LABEL (name), regie_organisation_get_name (organisation));
  gtk_label_set_text (GTK_LABEL (details), text->str);
  gtk_widget_set_visible (check, regie_organisation_needs_check (organisation, NULL));
  gtk_widget_set_visible (badge, regie_organisation_is_reachable (organisation, NULL));

  {
    gint64 id = regie_organisation_get_id (organisation);

    /* The id, not the object: nothing to dangle when the row outlives its item. */
    g_object_set_data_full (G_OBJECT (select), "organisation-id", g_memdup2 (&id, sizeof id), g_free);
  }
  update_check (self, select);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "organisation-id", NULL);
}

/* Import and export */

static void
on_imported_cb (RegieNetworkPage *self,
                guint             n_written)
{
  g_autofree char *title = NULL;

  /* Translators: a toast after an import */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry imported", "%u entries imported", n_written),
                           n_written);
  show_toast (self, title);
}

void
_regie_network_page_import_file (RegieNetworkPage *self,
                                 GFile            *file)
{
  RegieImportDialog *dialog;

  g_return_if_fail (REGIE_IS_NETWORK_PAGE (self));
  g_return_if_fail (self->store != NULL);

  /* The file is read in a thread while the dialog shows a spinner. */
  dialog = regie_import_dialog_new_for_file (self->store, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (RegieNetworkPage     *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _regie_network_page_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
regie_network_page_import_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Address cards and spreadsheets (vCard, CSV)"));
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_filter_add_pattern (filter, "*.VCF");
  gtk_file_filter_add_pattern (filter, "*.vcard");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Network"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Preview"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ids: the organisations to export, or NULL for the whole network. */
static gboolean
export_to_file (RegieNetworkPage *self,
                GArray           *ids,
                GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vcard = regie_network_export_vcard (self->store, ids, &error);

  if (vcard == NULL ||
      !g_file_replace_contents (file, vcard, strlen (vcard), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      show_error (self, _("Could Not Export the Network"), error);
      return FALSE;
    }

  if (ids == NULL)
    show_toast (self, _("Network exported"));
  else
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after exporting a selection */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organisation exported",
                                            "%u organisations exported", ids->len), ids->len);
      show_toast (self, title);
    }
  return TRUE;
}

static void
on_export_response_cb (RegieNetworkPage     *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      export_to_file (self, self->export_ids, file);
    }
  g_clear_pointer (&self->export_ids, g_array_unref);
  g_clear_object (&self->chooser);
}

/* ids: taken; NULL for the whole network. */
static void
choose_export_file (RegieNetworkPage *self,
                    GArray           *ids,
                    const char       *title,
                    const char       *suggested_name)
{
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->export_ids, g_array_unref);
  self->export_ids = ids;
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GArray *
selected_ids (RegieNetworkPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

static void
regie_network_page_export_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  /* Translators: the suggested file name of an export */
  choose_export_file (REGIE_NETWORK_PAGE (widget), NULL, _("Export Network"), _("network.vcf"));
}

static void
regie_network_page_export_selection_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (widget);

  /* Translators: the suggested file name of an export of selected organisations */
  choose_export_file (self, selected_ids (self), _("Export Selection"), _("network-selection.vcf"));
}

/* On the organisation page, which is inside this page: the one organisation it shows. */
static void
regie_network_page_export_organisation_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (widget);
  RegieOrganisation *organisation = regie_organisation_page_get_organisation (self->organisation_page);
  GArray *ids;
  gint64 id;
  g_autofree char *name = NULL;

  if (organisation == NULL)
    return;

  id = regie_organisation_get_id (organisation);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, id);
  /* A file name from the organisation's name, without what file systems refuse. */
  name = g_strdup_printf ("%s.vcf", regie_organisation_get_name (organisation));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  choose_export_file (self, ids, _("Export Organisation"), name);
}

static void
on_organisation_saved_cb (RegieNetworkPage *self,
                          gint64            id)
{
  regie_network_page_open_organisation (self, id);
}

static void
regie_network_page_new_organisation_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (widget);
  RegieNetworkEditor *editor = regie_network_editor_new_organisation (self->store, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_organisation_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
regie_network_page_dispose (GObject *object)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->export_ids, g_array_unref);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->network);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_network_page_parent_class)->dispose (object);
}

static void
regie_network_page_finalize (GObject *object)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (object);

  g_clear_pointer (&self->selected, g_hash_table_unref);

  G_OBJECT_CLASS (regie_network_page_parent_class)->finalize (object);
}

static void
regie_network_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (object);

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
regie_network_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RegieNetworkPage *self = REGIE_NETWORK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      regie_network_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_network_page_class_init (RegieNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_network_page_dispose;
  object_class->finalize = regie_network_page_finalize;
  object_class->get_property = regie_network_page_get_property;
  object_class->set_property = regie_network_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegieNetworkPage::open-case:
   * @id: the dossier
   *
   * The casemanager chose a dossier the organisation is involved in.
   */
  signals[OPEN_CASE] = g_signal_new ("open-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (REGIE_TYPE_ORGANISATION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, organisation_page);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, select_button);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, RegieNetworkPage, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, on_select_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_open_case_cb);

  gtk_widget_class_install_action (widget_class, "network.import", NULL, regie_network_page_import_action);
  gtk_widget_class_install_action (widget_class, "network.export", NULL, regie_network_page_export_action);
  gtk_widget_class_install_action (widget_class, "network.export-selection", NULL,
                                   regie_network_page_export_selection_action);
  gtk_widget_class_install_action (widget_class, "network.export-organisation", NULL,
                                   regie_network_page_export_organisation_action);
  gtk_widget_class_install_action (widget_class, "network.new-organisation", NULL,
                                   regie_network_page_new_organisation_action);
}

static void
regie_network_page_init (RegieNetworkPage *self)
{
  g_autoptr(GtkStringList) themes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char * const *ids = regie_theme_get_ids ();

  /* Before the template: its rows are set up against these. */
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (themes, _("All themes"));
  for (guint i = 0; ids[i]; i++)
    gtk_string_list_append (themes, regie_theme_get_label (ids[i]));
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (themes));

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint k = 0; k <= REGIE_ORGANISATION_KIND_OTHER; k++)
    gtk_string_list_append (kinds, regie_organisation_kind_get_label (k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  g_object_unref (self->filter);

  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, on_refresh_cb, self);
  update_state (self);
  update_selection (self);
}

RegieStore *
regie_network_page_get_store (RegieNetworkPage *self)
{
  g_return_val_if_fail (REGIE_IS_NETWORK_PAGE (self), NULL);
  return self->store;
}

void
regie_network_page_set_store (RegieNetworkPage *self,
                              RegieStore       *store)
{
  g_return_if_fail (REGIE_IS_NETWORK_PAGE (self));
  g_return_if_fail (store == NULL || REGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Ids of another store mean nothing here. */
  gtk_toggle_button_set_active (self->select_button, FALSE);
  g_hash_table_remove_all (self->selected);

  g_clear_object (&self->network);
  if (store != NULL)
    self->network = regie_network_new (store);
  gtk_filter_list_model_set_model (self->filtered, self->network ? G_LIST_MODEL (self->network) : NULL);
  regie_network_page_show_list (self);
  update_state (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
regie_network_page_open_organisation (RegieNetworkPage *self,
                                      gint64            id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REGIE_IS_NETWORK_PAGE (self));

  if (!regie_organisation_page_open (self->organisation_page, self->store, id, &error))
    {
      show_error (self, _("Could Not Open the Organisation"), error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "organisation");
}

void
regie_network_page_show_list (RegieNetworkPage *self)
{
  g_return_if_fail (REGIE_IS_NETWORK_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  regie_organisation_page_clear (self->organisation_page);
}

GtkWidget *
_regie_network_page_get_search_entry (RegieNetworkPage *self)
{
  return GTK_WIDGET (self->search_entry);
}

void
_regie_network_page_set_theme_filter (RegieNetworkPage *self,
                                      const char       *theme)
{
  gtk_drop_down_set_selected (self->theme_dropdown, theme ? (guint) regie_theme_get_index (theme) + 1 : 0);
}

GListModel *
_regie_network_page_get_model (RegieNetworkPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

GtkWidget *
_regie_network_page_get_list_view (RegieNetworkPage *self)
{
  return GTK_WIDGET (self->list_view);
}

GtkWidget *
_regie_network_page_get_organisation_page (RegieNetworkPage *self)
{
  return GTK_WIDGET (self->organisation_page);
}

const char *
_regie_network_page_get_visible (RegieNetworkPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_regie_network_page_get_select_button (RegieNetworkPage *self)
{
  return GTK_WIDGET (self->select_button);
}

const char *
_regie_network_page_get_selection_text (RegieNetworkPage *self)
{
  return gtk_label_get_text (self->selection_label);
}

gboolean
_regie_network_page_export_selection_to (RegieNetworkPage *self,
                                         GFile            *file)
{
  g_autoptr(GArray) ids = selected_ids (self);

  return export_to_file (self, ids, file);
}
