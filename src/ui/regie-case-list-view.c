/* regie-case-list-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-case-list-view.h"
#include "regie-deadline-list.h"
#include "regie-theme.h"
#include "regie-ui-util.h"

struct _RegieCaseListView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *theme_dropdown;
  GtkToggleButton *mine_toggle;
  GtkDropDown    *sort_dropdown;
  GtkStack       *stack;
  GtkListView    *list_view;
  RegieDeadlineList *deadline_list;

  /* Owned */
  RegieStore     *store;
  RegieCaseList  *model;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RegieCaseListView, regie_case_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The order of the sort dropdown. */
static const RegieCaseSort sorts[] = {
  REGIE_CASE_SORT_LAST_ACTIVITY,
  REGIE_CASE_SORT_NAME,
  REGIE_CASE_SORT_OPENED,
};

/* A new search or filter is a new list: start reading it from the top. */
static void
scroll_to_top (RegieCaseListView *self)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->list_view));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

static void
update_state (RegieCaseListView *self)
{
  const char *state = "empty";

  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    state = "list";
  else if (self->model != NULL && regie_case_list_get_total (self->model) > 0)
    state = "no-results";

  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
apply_filters (RegieCaseListView *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint theme = gtk_drop_down_get_selected (self->theme_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  g_autofree char *me = g_settings_get_string (self->settings, "casemanager-name");
  gboolean mine = gtk_toggle_button_get_active (self->mine_toggle) && me[0] != '\0';

  if (self->model == NULL)
    return;

  /* Item 0 of the status and theme dropdowns is "any". */
  regie_case_list_set_status_filter (self->model,
                                     status == 0 || status == GTK_INVALID_LIST_POSITION
                                     ? REGIE_CASE_LIST_ANY_STATUS : (int) status - 1);
  regie_case_list_set_theme_filter (self->model,
                                    theme == 0 || theme == GTK_INVALID_LIST_POSITION
                                    ? NULL : regie_theme_get_ids ()[theme - 1]);
  regie_case_list_set_casemanager_filter (self->model, mine ? me : NULL);
  if (sort < G_N_ELEMENTS (sorts))
    regie_case_list_set_sort (self->model, sorts[sort]);

  scroll_to_top (self);
  update_state (self);
}

static void
update_mine_toggle (RegieCaseListView *self)
{
  g_autofree char *me = g_settings_get_string (self->settings, "casemanager-name");

  /* Without a name in Preferences there is nothing to compare the cases with. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_toggle), me[0] != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle),
                               me[0] != '\0'
                               ? _("Only the cases you are the casemanager of")
                               : _("Set your name in Preferences to see only your cases"));
}

static void
bind_row (GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  RegieCaseRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *themes = g_object_get_data (G_OBJECT (box), "themes");
  const char * const *ids;
  GtkWidget *child;
  g_autofree char *when = NULL;

  if (row == NULL)
    return;

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), regie_case_row_get_list_name (row));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "question"), regie_case_row_get_question (row));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "status"),
                      regie_case_status_get_label (regie_case_row_get_status (row)));

  when = regie_ui_format_day (regie_case_row_get_last_activity (row));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "when"), when ? when : "");

  while ((child = gtk_widget_get_first_child (themes)) != NULL)
    gtk_box_remove (GTK_BOX (themes), child);

  ids = regie_case_row_get_themes (row);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    gtk_box_append (GTK_BOX (themes), regie_ui_theme_tag_new (ids[i]));

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "overdue"),
                          regie_case_row_get_overdue (row));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box, *text, *name, *question, *themes, *status, *when, *overdue;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "case-row");

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  name = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "ellipsize", PANGO_ELLIPSIZE_END, NULL);
  gtk_widget_add_css_class (name, "heading");
  question = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "ellipsize", PANGO_ELLIPSIZE_END,
                           "single-line-mode", TRUE, NULL);
  gtk_widget_add_css_class (question, "dim-label");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), question);

  themes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (themes, GTK_ALIGN_CENTER);

  overdue = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_widget_add_css_class (overdue, "error");
  gtk_widget_set_tooltip_text (overdue, _("A task is overdue"));

  status = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "width-chars", 16, "max-width-chars", 16,
                         "ellipsize", PANGO_ELLIPSIZE_END, NULL);
  when = g_object_new (GTK_TYPE_LABEL, "xalign", 1.0f, "width-chars", 11, NULL);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "numeric");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), themes);
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), when);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "question", question);
  g_object_set_data (G_OBJECT (box), "themes", themes);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "when", when);
  g_object_set_data (G_OBJECT (box), "overdue", overdue);

  gtk_list_item_set_child (list_item, box);
}

static void
on_row_notify_cb (GtkListItem *list_item)
{
  bind_row (list_item);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  /* Rows are updated in place when the store changes. */
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify",
                           G_CALLBACK (on_row_notify_cb), list_item, G_CONNECT_SWAPPED);
  bind_row (list_item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_row_notify_cb, list_item);
}

static void
on_search_changed_cb (RegieCaseListView *self,
                      GtkSearchEntry    *entry)
{
  if (self->model == NULL)
    return;

  regie_case_list_set_search_text (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  scroll_to_top (self);
  update_state (self);
}

static void
on_search_activate_cb (RegieCaseListView *self,
                       GtkSearchEntry    *entry)
{
  /* Enter with exactly one match opens it: the common case while the inwoner waits. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 1)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, regie_case_list_get_id (self->model, 0));
}

static void
on_filter_changed_cb (RegieCaseListView *self)
{
  apply_filters (self);
}

static void
on_deadline_activated_cb (RegieCaseListView *self,
                          gint64             case_id)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, case_id);
}

static void
on_list_view_activate_cb (RegieCaseListView *self,
                          guint              position,
                          GtkListView       *list_view)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, regie_case_list_get_id (self->model, position));
}

static void
on_model_items_changed_cb (RegieCaseListView *self)
{
  update_state (self);
}

static void
on_casemanager_name_changed_cb (RegieCaseListView *self)
{
  update_mine_toggle (self);
  apply_filters (self);
}

static void
regie_case_list_view_dispose (GObject *object)
{
  RegieCaseListView *self = REGIE_CASE_LIST_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_CASE_LIST_VIEW);

  G_OBJECT_CLASS (regie_case_list_view_parent_class)->dispose (object);
}

static void
regie_case_list_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RegieCaseListView *self = REGIE_CASE_LIST_VIEW (object);

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
regie_case_list_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RegieCaseListView *self = REGIE_CASE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      regie_case_list_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_case_list_view_class_init (RegieCaseListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_case_list_view_dispose;
  object_class->get_property = regie_case_list_view_get_property;

  g_type_ensure (REGIE_TYPE_DEADLINE_LIST);
  object_class->set_property = regie_case_list_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         REGIE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegieCaseListView::case-activated:
   * @id: the dossier's id
   *
   * The casemanager asked to open a dossier.
   */
  signals[CASE_ACTIVATED] =
    g_signal_new ("case-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-case-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, stack);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, RegieCaseListView, deadline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_activated_cb);
}

static void
regie_case_list_view_init (RegieCaseListView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) themes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sort_names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char * const *ids = regie_theme_get_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::casemanager-name",
                           G_CALLBACK (on_casemanager_name_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (statuses, _("All Statuses"));
  for (int s = REGIE_CASE_STATUS_NEW; s <= REGIE_CASE_STATUS_CLOSED; s++)
    gtk_string_list_append (statuses, regie_case_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_string_list_append (themes, _("All Themes"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (themes, regie_theme_get_label (ids[i]));
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (themes));

  gtk_string_list_append (sort_names, _("Last Activity"));
  gtk_string_list_append (sort_names, _("Name"));
  gtk_string_list_append (sort_names, _("Opened"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_names));

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  update_mine_toggle (self);
  update_state (self);
}

RegieStore *
regie_case_list_view_get_store (RegieCaseListView *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST_VIEW (self), NULL);

  return self->store;
}

void
regie_case_list_view_set_store (RegieCaseListView *self,
                                RegieStore        *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (REGIE_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (!store || REGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);

  if (store != NULL)
    {
      self->model = regie_case_list_new (store);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);
      regie_case_list_set_search_text (self->model,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      apply_filters (self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }

  regie_deadline_list_set_store (self->deadline_list, store);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * regie_case_list_view_get_model:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
RegieCaseList *
regie_case_list_view_get_model (RegieCaseListView *self)
{
  g_return_val_if_fail (REGIE_IS_CASE_LIST_VIEW (self), NULL);

  return self->model;
}

void
regie_case_list_view_focus_search (RegieCaseListView *self)
{
  g_return_if_fail (REGIE_IS_CASE_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSearchEntry *
_regie_case_list_view_get_search_entry (RegieCaseListView *self)
{
  return self->search_entry;
}

GtkListView *
_regie_case_list_view_get_list_view (RegieCaseListView *self)
{
  return self->list_view;
}

const char *
_regie_case_list_view_get_state (RegieCaseListView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_regie_case_list_view_get_deadline_list (RegieCaseListView *self)
{
  return GTK_WIDGET (self->deadline_list);
}
