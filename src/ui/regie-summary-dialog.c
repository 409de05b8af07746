/* regie-summary-dialog.c — preview, choose and edit the summary for the inwoner, then print
 * or save it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-audit.h"
#include "regie-summary-dialog.h"

#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define PREVIEW_WIDTH 440
#define PAGE_GAP     12

struct _RegieSummaryDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toasts;
  GtkBox           *items_box;
  GtkDrawingArea   *preview;

  /* Owned */
  RegieDocument    *document;
  GtkFileChooserNative *chooser;
  RegieStore       *store;      /* for the access trail: printed and saved are recorded */
  gint64            case_id;
};

/* The trail holds the case by id only; a failure to record is reported, the paper exists. */
static void
record (RegieSummaryDialog *self,
        const char         *action)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !regie_audit_record (self->store, NULL, action, REGIE_AUDIT_CASE, self->case_id, &error))
    g_warning ("Could not record in the access log: %s", error->message);
}

G_DEFINE_FINAL_TYPE (RegieSummaryDialog, regie_summary_dialog, ADW_TYPE_WINDOW)

static void
update_preview (RegieSummaryDialog *self)
{
  double scale = PREVIEW_WIDTH / PAGE_WIDTH;
  guint n_pages = regie_document_paginate (self->document, PAGE_WIDTH, PAGE_HEIGHT);

  gtk_drawing_area_set_content_width (self->preview, PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (self->preview,
                                       (int) (n_pages * (PAGE_HEIGHT * scale + PAGE_GAP)));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The same layout as on paper, scaled down: what you see is what the inwoner gets. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RegieSummaryDialog *self = user_data;
  double scale = PREVIEW_WIDTH / PAGE_WIDTH;
  guint n_pages = regie_document_paginate (self->document, PAGE_WIDTH, PAGE_HEIGHT);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page * (PAGE_HEIGHT * scale + PAGE_GAP));
      cairo_scale (cr, scale, scale);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
      cairo_set_line_width (cr, 1 / scale);
      cairo_stroke (cr);
      regie_document_draw_page (self->document, cr, page);
      cairo_restore (cr);
    }
}

static void
on_item_toggled_cb (GtkCheckButton     *check,
                    RegieSummaryDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item"));
  GtkWidget *entry = g_object_get_data (G_OBJECT (check), "entry");
  gboolean active = gtk_check_button_get_active (check);

  regie_document_set_item_included (self->document, index, active);
  gtk_widget_set_sensitive (entry, active);
  update_preview (self);
}

static void
on_item_changed_cb (GtkEditable        *entry,
                    RegieSummaryDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "item"));

  regie_document_set_item_text (self->document, index, gtk_editable_get_text (entry));
  update_preview (self);
}

static void
build_items (RegieSummaryDialog *self)
{
  for (guint s = 0; s < REGIE_SUMMARY_N_SECTIONS; s++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < regie_document_get_n_items (self->document); i++)
        {
          GtkWidget *row, *check, *entry;

          if (regie_document_get_item_section (self->document, i) != s)
            continue;
          if (group == NULL)
            {
              GtkWidget *list = gtk_list_box_new ();

              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               regie_summary_section_get_title (s));
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
              g_object_set_data (G_OBJECT (group), "list", list);
              gtk_box_append (self->items_box, group);
            }

          row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_widget_set_margin_top (row, 6);
          gtk_widget_set_margin_bottom (row, 6);
          gtk_widget_set_margin_start (row, 6);
          gtk_widget_set_margin_end (row, 6);
          check = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_tooltip_text (check, _("Include in the summary"));
          entry = gtk_entry_new ();
          gtk_widget_set_hexpand (entry, TRUE);
          gtk_editable_set_text (GTK_EDITABLE (entry), regie_document_get_item_text (self->document, i));
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          regie_document_get_item_text (self->document, i), -1);
          g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (check), "entry", entry);
          g_object_set_data (G_OBJECT (entry), "item", GUINT_TO_POINTER (i));
          g_signal_connect (check, "toggled", G_CALLBACK (on_item_toggled_cb), self);
          g_signal_connect (entry, "changed", G_CALLBACK (on_item_changed_cb), self);
          gtk_box_append (GTK_BOX (row), check);
          gtk_box_append (GTK_BOX (row), entry);
          gtk_list_box_append (GTK_LIST_BOX (g_object_get_data (G_OBJECT (group), "list")), row);
        }
    }
}

static void
on_begin_print_cb (GtkPrintOperation  *operation,
                   GtkPrintContext    *context,
                   RegieSummaryDialog *self)
{
  guint n_pages = regie_document_paginate (self->document,
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation  *operation,
                 GtkPrintContext    *context,
                 int                 page,
                 RegieSummaryDialog *self)
{
  regie_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RegieSummaryDialog *self = REGIE_SUMMARY_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  /* Points on the whole sheet: the document keeps its own margins, as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Summary for the Resident"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);

  switch (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (self), &error))
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      break;
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      record (self, REGIE_AUDIT_PRINT);
      break;
    default:
      break;
    }
}

gboolean
_regie_summary_dialog_save_to (RegieSummaryDialog  *self,
                               const char          *path,
                               GError             **error)
{
  if (!regie_document_write_pdf (self->document, path, error))
    return FALSE;

  record (self, REGIE_AUDIT_EXPORT);
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        RegieSummaryDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL && !_regie_summary_dialog_save_to (self, path, &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      else if (path != NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Summary saved")));
    }

  g_clear_object (&self->chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RegieSummaryDialog *self = REGIE_SUMMARY_DIALOG (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Summary"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* TRANSLATORS: the file name offered for the saved summary */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("summary.pdf"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
regie_summary_dialog_dispose (GObject *object)
{
  RegieSummaryDialog *self = (RegieSummaryDialog *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_SUMMARY_DIALOG);

  G_OBJECT_CLASS (regie_summary_dialog_parent_class)->dispose (object);
}

static void
regie_summary_dialog_class_init (RegieSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_summary_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loketregie/Regie/ui/regie-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieSummaryDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, RegieSummaryDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, RegieSummaryDialog, preview);

  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
}

static void
regie_summary_dialog_init (RegieSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

GtkWidget *
regie_summary_dialog_new (GtkWindow  *parent,
                          RegieStore *store,
                          RegieCase  *kase,
                          RegieEvent *contact)
{
  RegieSummaryDialog *self;
  g_autoptr(RegieDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = regie_document_new_summary (store, kase, contact, NULL, &error);
  if (document == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Make the Summary"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  self = g_object_new (REGIE_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);
  self->document = g_steal_pointer (&document);
  self->store = g_object_ref (store);
  self->case_id = regie_case_get_id (kase);
  build_items (self);
  update_preview (self);
  return GTK_WIDGET (self);
}

RegieDocument *
regie_summary_dialog_get_document (RegieSummaryDialog *self)
{
  g_return_val_if_fail (REGIE_IS_SUMMARY_DIALOG (self), NULL);
  return self->document;
}
