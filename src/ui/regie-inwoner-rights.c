/* regie-inwoner-rights.c — the inwoner's rights from the dossier page: everything about
 * them as JSON (AVG art. 20) or as a readable PDF (art. 15), and erasure (art. 17)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-inwoner-rights.h"
#include "regie-privacy.h"

typedef struct
{
  GtkWindow       *parent;
  RegieStore      *store;
  gint64           person_id;
  gboolean         pdf;
  RegieErasedFunc  erased;
  gpointer         user_data;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request);
}

static Request *
request_new (GtkWindow  *parent,
             RegieStore *store,
             gint64      person_id)
{
  Request *request = g_new0 (Request, 1);

  request->parent = parent ? g_object_ref (parent) : NULL;
  request->store = g_object_ref (store);
  request->person_id = person_id;
  return request;
}

static void
tell (GtkWindow  *parent,
      const char *heading,
      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
write_export (Request     *request,
              const char  *path,
              GError     **error)
{
  g_autofree char *json = NULL;

  if (request->pdf)
    return regie_inwoner_export_pdf (request->store, request->person_id, path, NULL, error);

  json = regie_inwoner_export_json (request->store, request->person_id, NULL, error);
  return json != NULL && g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                                   0600, error);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Request         *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !write_export (request, path, &error))
        tell (request->parent, _("Could Not Export the Data"), error->message);
    }

  request_free (request);
  g_object_unref (chooser);
}

void
regie_inwoner_rights_export (GtkWindow  *parent,
                             RegieStore *store,
                             gint64      person_id,
                             gboolean    pdf)
{
  GtkFileChooserNative *chooser;
  Request *request;

  g_return_if_fail (REGIE_IS_STORE (store));

  request = request_new (parent, store, person_id);
  request->pdf = pdf;
  chooser = gtk_file_chooser_native_new (pdf ? _("Save Overview for the Resident")
                                             : _("Export Data of the Resident"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     /* TRANSLATORS: file names offered for the resident's data */
                                     pdf ? _("resident-data.pdf") : _("resident-data.json"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_erase_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Request          *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "erase") == 0)
    {
      if (!regie_inwoner_erase (request->store, request->person_id, NULL, &error))
        tell (request->parent, _("Could Not Erase the Resident"), error->message);
      else if (request->erased != NULL)
        request->erased (request->user_data);
    }

  request_free (request);
}

void
regie_inwoner_rights_erase (GtkWindow       *parent,
                            RegieStore      *store,
                            gint64           person_id,
                            const char      *display_name,
                            RegieErasedFunc  erased,
                            gpointer         user_data)
{
  AdwMessageDialog *dialog;
  Request *request;

  g_return_if_fail (REGIE_IS_STORE (store));

  request = request_new (parent, store, person_id);
  request->erased = erased;
  request->user_data = user_data;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Erase Resident?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Everything about %s is removed for good: their details and all "
                                    "their cases, with timelines, tasks and referrals. Use this when "
                                    "the resident asks for it. This cannot be undone."),
                                  display_name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
