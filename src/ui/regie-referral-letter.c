/* regie-referral-letter.c — print or save the handover letter of a referral
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-audit.h"
#include "regie-referral-letter.h"
#include "regie-window.h"

typedef struct
{
  RegieDocument          *document;
  RegieStore             *store;
  gint64                  referral_id;
  RegieLetterMessageFunc  show_message;
  gpointer                user_data;
} Letter;

static void
letter_free (Letter *letter)
{
  g_clear_object (&letter->document);
  g_clear_object (&letter->store);
  g_free (letter);
}

/* The store of the main window this letter is made from, for the access trail. */
static RegieStore *
find_store (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (REGIE_IS_WINDOW (window))
      return regie_window_get_store (REGIE_WINDOW (window));

  return NULL;
}

static void
record (Letter     *letter,
        const char *action)
{
  g_autoptr(GError) error = NULL;

  if (letter->store != NULL &&
      !regie_audit_record (letter->store, NULL, action, "referral", letter->referral_id, &error))
    g_warning ("Could not record in the access log: %s", error->message);
}

static Letter *
letter_new (GtkWindow              *parent,
            RegieReferral          *referral,
            RegieLetterMessageFunc  show_message,
            gpointer                user_data)
{
  Letter *letter = g_new0 (Letter, 1);
  RegieStore *store = find_store (parent);

  letter->store = store ? g_object_ref (store) : NULL;
  letter->referral_id = regie_referral_get_id (referral);

  letter->document = regie_referral_new_letter (referral, NULL);
  letter->show_message = show_message;
  letter->user_data = user_data;
  return letter;
}

static void
say (Letter     *letter,
     const char *message)
{
  if (letter->show_message != NULL)
    letter->show_message (letter->user_data, message);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Letter            *letter)
{
  gtk_print_operation_set_n_pages (operation,
                                   regie_document_paginate (letter->document,
                                                            gtk_print_context_get_width (context),
                                                            gtk_print_context_get_height (context)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 Letter            *letter)
{
  regie_document_draw_page (letter->document, gtk_print_context_get_cairo_context (context), page);
}

void
regie_referral_letter_print (GtkWindow              *parent,
                             RegieReferral          *referral,
                             RegieLetterMessageFunc  show_message,
                             gpointer                user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  Letter *letter;

  g_return_if_fail (REGIE_IS_REFERRAL (referral));

  letter = letter_new (parent, referral, show_message, user_data);
  /* Points on the whole sheet: the document keeps its own margins, as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Handover letter"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), letter);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), letter);
  g_object_set_data_full (G_OBJECT (operation), "regie-letter", letter, (GDestroyNotify) letter_free);

  switch (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error))
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      say (letter, error->message);
      break;
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      record (letter, REGIE_AUDIT_PRINT);
      break;
    default:
      break;
    }
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Letter          *letter)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !regie_document_write_pdf (letter->document, path, &error))
        say (letter, error->message);
      else if (path != NULL)
        {
          record (letter, REGIE_AUDIT_EXPORT);
          say (letter, _("Handover letter saved"));
        }
    }

  letter_free (letter);
  g_object_unref (chooser);
}

void
regie_referral_letter_save (GtkWindow              *parent,
                            RegieReferral          *referral,
                            RegieLetterMessageFunc  show_message,
                            gpointer                user_data)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (REGIE_IS_REFERRAL (referral));

  chooser = gtk_file_chooser_native_new (_("Save Handover Letter"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file name offered for the saved handover letter */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("handover-letter.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                    letter_new (parent, referral, show_message, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
