/* regie-import-dialog.c — the preview of an import: what will be added, updated, skipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-import-dialog.h"

/* A preview of thousands of rows helps nobody; the counts say the rest. */
#define MAX_ROWS 200

struct _RegieImportDialog
{
  AdwMessageDialog  parent_instance;

  RegieStore       *store;
  RegieImportPlan  *plan;
  GCancellable     *cancellable;   /* while the file is read in its thread */
};

G_DEFINE_FINAL_TYPE (RegieImportDialog, regie_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
action_label (RegieImportAction action)
{
  switch (action)
    {
    case REGIE_IMPORT_ACTION_ADD:
      return C_("import", "New");
    case REGIE_IMPORT_ACTION_UPDATE:
      return C_("import", "Update");
    case REGIE_IMPORT_ACTION_UNCHANGED:
    default:
      return C_("import", "Unchanged");
    }
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle,
         const char *suffix,
         const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (suffix);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
build_preview (RegieImportPlan *plan)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GPtrArray *problems = regie_import_plan_get_problems (plan);
  guint n_rows = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  /* What goes wrong first: the casemanager may want to fix the file and try again. */
  for (guint i = 0; i < problems->len && n_rows < MAX_ROWS; i++, n_rows++)
    {
      RegieParseProblem *problem = problems->pdata[i];
      /* Translators: where in the file a problem is, "Regel 12" */
      g_autofree char *where = g_strdup_printf (_("Line %u"), problem->line);

      gtk_list_box_append (GTK_LIST_BOX (list), row_new (where, problem->message, C_("import", "Skipped"), "error"));
    }

  for (guint i = 0; i < regie_import_plan_get_n_items (plan) && n_rows < MAX_ROWS; i++)
    {
      const RegieImportItem *item = regie_import_plan_get_item (plan, i);
      g_autofree char *subtitle = NULL;

      if (item->action == REGIE_IMPORT_ACTION_UNCHANGED)
        continue;
      if (item->is_contact)
        /* Translators: a contact in the import preview; %s is the organisation, if any */
        subtitle = *item->organisation_name ? g_strdup_printf (_("Contact at %s"), item->organisation_name)
                                            : g_strdup (_("Contact"));
      else
        subtitle = g_strdup (_("Organisation"));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           row_new (item->name, subtitle, action_label (item->action),
                                    item->action == REGIE_IMPORT_ACTION_ADD ? "success" : "accent"));
      n_rows++;
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_visible (scrolled, n_rows > 0);
  return scrolled;
}

static void
on_response_cb (RegieImportDialog *self,
                const char        *response)
{
  g_autoptr(GError) error = NULL;

  /* Closed while the file is still being read: nobody wants the preview any more. */
  g_cancellable_cancel (self->cancellable);

  if (g_strcmp0 (response, "import") != 0 || self->plan == NULL)
    return;

  if (!regie_import_plan_apply (self->plan, NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                                  _("Nothing Was Imported"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0,
                 regie_import_plan_get_n_added (self->plan) + regie_import_plan_get_n_updated (self->plan));
}

static void
regie_import_dialog_dispose (GObject *object)
{
  RegieImportDialog *self = REGIE_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (regie_import_dialog_parent_class)->dispose (object);
}

static void
regie_import_dialog_class_init (RegieImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = regie_import_dialog_dispose;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
regie_import_dialog_init (RegieImportDialog *self)
{
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

static void
show_plan (RegieImportDialog *self,
           RegieImportPlan   *plan)
{
  guint added = regie_import_plan_get_n_added (plan);
  guint updated = regie_import_plan_get_n_updated (plan);
  guint unchanged = regie_import_plan_get_n_unchanged (plan);
  guint skipped = regie_import_plan_get_n_skipped (plan);
  g_autoptr(GString) body = g_string_new (NULL);

  g_set_object (&self->plan, plan);

  /* Translators: the counts in the import preview */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", added), added);
  g_string_append (body, ", ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", updated), updated);
  g_string_append (body, ", ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", unchanged), unchanged);
  g_string_append (body, ", ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", skipped), skipped);
  g_string_append_c (body, '.');
  if (skipped > 0)
    g_string_append_printf (body, " %s", _("Skipped entries could not be read; the rest can be imported."));
  if (added + updated == 0)
    g_string_append_printf (body, " %s", _("There is nothing to import."));

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build_preview (plan));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", added + updated > 0);

  /* A dialog on screen keeps its size (X11 without a window manager even its too small
   * one): shown again from scratch it takes the size the preview needs. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      gtk_widget_unrealize (GTK_WIDGET (self));
      gtk_window_present (GTK_WINDOW (self));
    }
}

static RegieImportDialog *
dialog_new (RegieStore *store)
{
  RegieImportDialog *self;

  self = g_object_new (REGIE_TYPE_IMPORT_DIALOG,
                       "heading", _("Import Network?"),
                       "modal", TRUE,
                       "default-width", 520,
                       NULL);
  self->store = g_object_ref (store);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}

RegieImportDialog *
regie_import_dialog_new (RegieStore      *store,
                         RegieImportPlan *plan)
{
  RegieImportDialog *self;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (plan), NULL);

  self = dialog_new (store);
  show_plan (self, plan);
  return self;
}

static void
on_plan_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RegieImportDialog) self = user_data;
  g_autoptr(RegieImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = regie_import_plan_new_for_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (plan == NULL)
    {
      /* The same dialog says what went wrong: no second window over the first. */
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Could Not Read the File"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), NULL);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", FALSE);
      return;
    }

  show_plan (self, plan);
}

RegieImportDialog *
regie_import_dialog_new_for_file (RegieStore *store,
                                  GFile      *file)
{
  RegieImportDialog *self;
  GtkWidget *box, *spinner;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = dialog_new (store);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), _("Reading the file and comparing it with your network…"));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_hexpand (spinner, TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), spinner);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  self->cancellable = g_cancellable_new ();
  regie_import_plan_new_for_file_async (store, file, self->cancellable, on_plan_ready_cb, g_object_ref (self));
  return self;
}

gboolean
_regie_import_dialog_is_loading (RegieImportDialog *self)
{
  return self->cancellable != NULL;
}
