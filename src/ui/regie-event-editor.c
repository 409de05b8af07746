/* regie-event-editor.c — add, change or delete one timeline item, with a form for its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "regie-event-editor.h"
#include "regie-network.h"
#include "regie-summary-dialog.h"
#include "regie-ui-util.h"
#include "regie-validate.h"

struct _RegieEventEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwEntryRow     *title_row;
  AdwEntryRow     *when_row;
  AdwComboRow     *life_event_row;
  GtkWidget       *contact_group;
  AdwComboRow     *channel_row;
  AdwEntryRow     *duration_row;
  GtkWidget       *letter_group;
  AdwEntryRow     *sender_row;
  AdwEntryRow     *letter_date_row;
  AdwEntryRow     *reference_row;
  AdwEntryRow     *subject_row;
  AdwEntryRow     *asked_row;
  AdwEntryRow     *deadline_row;
  GtkWidget       *network_group;
  AdwComboRow     *organisation_row;
  AdwComboRow     *contact_row;
  GtkWidget       *people_group;
  AdwEntryRow     *line_row;
  AdwEntryRow     *with_whom_row;
  AdwEntryRow     *callback_row;
  GtkWidget       *text_group;
  GtkTextView     *text_view;
  GtkWidget       *agreed_group;
  GtkTextView     *agreed_view;
  GtkWidget       *delete_group;
  GtkWidget       *summary_button;

  /* Owned */
  RegieStore      *store;
  RegieEvent      *event;
  gint64           case_id;
  /* gint64, parallel to the rows' models; item 0 is "none" (id 0). */
  GArray          *organisation_ids;
  GArray          *contact_ids;
};

G_DEFINE_FINAL_TYPE (RegieEventEditor, regie_event_editor, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; id > 0 && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* The contacts known at the chosen organisation; the row only shows when there are any. */
static void
fill_contacts (RegieEventEditor *self,
               gint64            contact_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) contacts = NULL;
  gint64 organisation_id = selected_id (self->organisation_row, self->organisation_ids);
  gint64 none = 0;

  g_array_set_size (self->contact_ids, 0);
  /* Translators: the contact person chosen for a timeline item: nobody in particular */
  gtk_string_list_append (names, _("Not named"));
  g_array_append_val (self->contact_ids, none);
  if (organisation_id > 0)
    contacts = regie_contact_list_for_organisation (self->store, organisation_id, NULL);
  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RegieContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = regie_contact_get_id (contact);

      gtk_string_list_append (names, regie_contact_get_name (contact));
      g_array_append_val (self->contact_ids, id);
    }
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->contact_row, index_of_id (self->contact_ids, contact_id));
  gtk_widget_set_visible (GTK_WIDGET (self->contact_row), self->contact_ids->len > 1);
}

static void
on_organisation_selected_cb (RegieEventEditor *self)
{
  fill_contacts (self, 0);
}

static void
fill_organisations (RegieEventEditor *self)
{
  g_autoptr(RegieNetwork) network = regie_network_new (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *organisations = G_LIST_MODEL (network);
  gint64 none = 0;

  g_array_set_size (self->organisation_ids, 0);
  /* Translators: the organisation chosen for a timeline item: none from the network */
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->organisation_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (organisations, i);
      gint64 id = regie_organisation_get_id (organisation);

      gtk_string_list_append (names, regie_organisation_get_name (organisation));
      g_array_append_val (self->organisation_ids, id);
    }

  g_signal_handlers_block_by_func (self->organisation_row, on_organisation_selected_cb, self);
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->organisation_row,
                              index_of_id (self->organisation_ids, regie_event_get_organisation_id (self->event)));
  g_signal_handlers_unblock_by_func (self->organisation_row, on_organisation_selected_cb, self);
  fill_contacts (self, regie_event_get_contact_id (self->event));
}

gboolean
regie_event_editor_parse_when (const char      *text,
                               char           **when,
                               RegiePrecision  *precision)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  int d, m, y, hh, mm;
  char rest;

  *when = NULL;
  if (sscanf (clean, "%d-%d-%d %d:%d%c", &d, &m, &y, &hh, &mm, &rest) == 5 &&
      g_date_valid_dmy (d, m, y) && hh >= 0 && hh < 24 && mm >= 0 && mm < 60)
    {
      g_autoptr(GDateTime) local = g_date_time_new (regie_event_time_zone (), y, m, d, hh, mm, 0);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

      *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
      *precision = REGIE_PRECISION_TIME;
    }
  else if (sscanf (clean, "%d-%d-%d%c", &d, &m, &y, &rest) == 3 && g_date_valid_dmy (d, m, y))
    {
      *when = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      *precision = REGIE_PRECISION_DAY;
    }
  else if (sscanf (clean, "%d-%d%c", &m, &y, &rest) == 2 && m >= 1 && m <= 12 && y >= 1000 && y <= 9999)
    {
      *when = g_strdup_printf ("%04d-%02d", y, m);
      *precision = REGIE_PRECISION_MONTH;
    }
  else if (sscanf (clean, "%d%c", &y, &rest) == 1 && y >= 1000 && y <= 9999)
    {
      *when = g_strdup_printf ("%04d", y);
      *precision = REGIE_PRECISION_YEAR;
    }

  return *when != NULL;
}

static char *
when_to_text (RegieEvent *event)
{
  g_autoptr(GDateTime) start = regie_event_get_start (event);
  g_autoptr(GDateTime) local = NULL;

  if (start == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (start, regie_event_time_zone ());
  switch (regie_event_get_precision (event))
    {
    case REGIE_PRECISION_YEAR:
      return g_date_time_format (local, "%Y");
    case REGIE_PRECISION_MONTH:
      return g_date_time_format (local, "%-m-%Y");
    case REGIE_PRECISION_DAY:
      return g_date_time_format (local, "%-d-%-m-%Y");
    case REGIE_PRECISION_TIME:
    default:
      return g_date_time_format (local, "%-d-%-m-%Y %H:%M");
    }
}

static char *
iso_to_text (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%d-%d-%d", d, m, y);
}

static void
load_form (RegieEventEditor *self)
{
  RegieEvent *e = self->event;
  RegieEventKind kind = regie_event_get_kind (e);
  g_autofree char *when = when_to_text (e);
  g_autofree char *letter_date = iso_to_text (regie_event_get_letter_date (e));
  g_autofree char *deadline = iso_to_text (regie_event_get_deadline (e));
  gboolean is_new = regie_event_get_id (e) == 0;
  const char *title;

  switch (kind)
    {
    case REGIE_EVENT_CONTACT:
      title = is_new ? _("New Contact Moment") : _("Contact Moment");
      break;
    case REGIE_EVENT_LIFE_EVENT:
      title = is_new ? _("New Life Event") : _("Life Event");
      break;
    case REGIE_EVENT_LETTER:
      title = is_new ? _("New Letter Received") : _("Letter Received");
      break;
    case REGIE_EVENT_PROFESSIONAL_CALL:
      title = is_new ? _("New Professional Line Call") : _("Professional Line Call");
      break;
    default:
      title = is_new ? _("New Note") : regie_event_kind_get_label (kind);
      break;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);

  set_row_text (self->title_row, regie_event_get_title (e));
  set_row_text (self->when_row, when);
  adw_combo_row_set_selected (self->life_event_row, regie_event_get_life_event (e));
  adw_combo_row_set_selected (self->channel_row, regie_event_get_channel (e));
  if (regie_event_get_duration (e) >= 0)
    {
      g_autofree char *minutes = g_strdup_printf ("%d", regie_event_get_duration (e));
      set_row_text (self->duration_row, minutes);
    }
  set_row_text (self->sender_row, regie_event_get_letter_sender (e));
  set_row_text (self->letter_date_row, letter_date);
  set_row_text (self->reference_row, regie_event_get_letter_reference (e));
  set_row_text (self->subject_row, regie_event_get_letter_subject (e));
  set_row_text (self->asked_row, regie_event_get_letter_asked (e));
  set_row_text (self->deadline_row, deadline);
  set_row_text (self->line_row, regie_event_get_line (e));
  set_row_text (self->with_whom_row, regie_event_get_with_whom (e));
  set_row_text (self->callback_row, regie_event_get_callback (e));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), regie_event_get_text (e), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agreed_view), regie_event_get_agreed (e), -1);

  /* Each kind shows only what fits it. */
  gtk_widget_set_visible (GTK_WIDGET (self->life_event_row), kind == REGIE_EVENT_LIFE_EVENT);
  gtk_widget_set_visible (self->contact_group, kind == REGIE_EVENT_CONTACT);
  gtk_widget_set_visible (self->letter_group, kind == REGIE_EVENT_LETTER);
  gtk_widget_set_visible (self->network_group, kind == REGIE_EVENT_CONTACT ||
                                               kind == REGIE_EVENT_LETTER ||
                                               kind == REGIE_EVENT_PROFESSIONAL_CALL ||
                                               kind == REGIE_EVENT_REFERRAL);
  fill_organisations (self);
  gtk_widget_set_visible (self->people_group, kind == REGIE_EVENT_CONTACT ||
                                              kind == REGIE_EVENT_PROFESSIONAL_CALL ||
                                              kind == REGIE_EVENT_REFERRAL);
  gtk_widget_set_visible (GTK_WIDGET (self->line_row), kind == REGIE_EVENT_PROFESSIONAL_CALL);
  gtk_widget_set_visible (GTK_WIDGET (self->callback_row), kind == REGIE_EVENT_PROFESSIONAL_CALL);
  gtk_widget_set_visible (self->agreed_group, kind == REGIE_EVENT_CONTACT ||
                                              kind == REGIE_EVENT_PROFESSIONAL_CALL);
  gtk_widget_set_visible (self->delete_group, !is_new);
  gtk_widget_set_visible (self->summary_button, !is_new && kind == REGIE_EVENT_CONTACT);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->text_group),
                                   kind == REGIE_EVENT_PROFESSIONAL_CALL ? _("Outcome")
                                   : kind == REGIE_EVENT_CONTACT ? _("What was discussed")
                                   : _("Text"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->with_whom_row), kind == REGIE_EVENT_PROFESSIONAL_CALL
                                                ? _("Participants") : _("With whom"));
}

static gboolean
read_date (AdwEntryRow  *row,
           const char   *title,
           char        **iso,
           GError      **error)
{
  if (!regie_validate_date (row_text (row), iso, error))
    {
      regie_ui_set_row_error (GTK_WIDGET (row), title, (*error)->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  regie_ui_set_row_error (GTK_WIDGET (row), title, NULL);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RegieEventEditor *self = REGIE_EVENT_EDITOR (widget);
  RegieEvent *e = self->event;
  g_autofree char *when = NULL;
  g_autofree char *letter_date = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *text = view_text (self->text_view);
  g_autofree char *agreed = view_text (self->agreed_view);
  g_autoptr(GError) error = NULL;
  RegiePrecision precision;
  const char *duration = row_text (self->duration_row);

  if (!regie_event_editor_parse_when (row_text (self->when_row), &when, &precision))
    {
      regie_ui_set_row_error (GTK_WIDGET (self->when_row),
                              _("When (day-month-year and time, month-year or year)"),
                              _("Enter a date such as 3-3-2026 10:30, 3-2026 or 2019"));
      gtk_widget_grab_focus (GTK_WIDGET (self->when_row));
      return;
    }
  if (!read_date (self->letter_date_row, _("Date of the letter (day-month-year)"), &letter_date, &error) ||
      !read_date (self->deadline_row, _("Reply or pay before (day-month-year)"), &deadline, &error))
    return;

  regie_event_set_when (e, when, precision);
  regie_event_set_title (e, row_text (self->title_row));
  regie_event_set_life_event (e, adw_combo_row_get_selected (self->life_event_row));
  regie_event_set_channel (e, adw_combo_row_get_selected (self->channel_row));
  /* A running visit keeps running: its duration comes when it ends. */
  if (!regie_event_get_running (e))
    regie_event_set_duration (e, *duration ? (int) g_ascii_strtoll (duration, NULL, 10) : -1);
  regie_event_set_letter_sender (e, row_text (self->sender_row));
  regie_event_set_letter_date (e, letter_date);
  regie_event_set_letter_reference (e, row_text (self->reference_row));
  regie_event_set_letter_subject (e, row_text (self->subject_row));
  regie_event_set_letter_asked (e, row_text (self->asked_row));
  regie_event_set_deadline (e, deadline);
  regie_event_set_line (e, row_text (self->line_row));
  regie_event_set_with_whom (e, row_text (self->with_whom_row));
  if (gtk_widget_get_visible (self->network_group))
    {
      regie_event_set_organisation_id (e, selected_id (self->organisation_row, self->organisation_ids));
      regie_event_set_contact_id (e, selected_id (self->contact_row, self->contact_ids));
    }
  regie_event_set_callback (e, row_text (self->callback_row));
  regie_event_set_text (e, text);
  regie_event_set_agreed (e, agreed);

  if (!regie_event_save (self->store, e, regie_event_get_id (e) ? 0 : self->case_id, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RegieEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!regie_event_delete (self->store, self->event, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  /* The dialog closes after this handler and then lets go of its parent: it must not be
   * this window any more, which is gone by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RegieEventEditor *self = REGIE_EVENT_EDITOR (widget);
  g_autofree char *title = regie_event_dup_display_title (self->event);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Item?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is removed from the timeline for good."), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The summary of this one visit, as it was saved: for the inwoner to take home. */
static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RegieEventEditor *self = REGIE_EVENT_EDITOR (widget);
  g_autoptr(RegieCase) kase = NULL;
  g_autoptr(RegieEvent) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  kase = regie_case_load (self->store, regie_event_get_case_id (self->event), &error);
  if (kase != NULL)
    saved = regie_event_load (self->store, regie_event_get_id (self->event), &error);
  if (saved == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  dialog = regie_summary_dialog_new (GTK_WINDOW (self), self->store, kase, saved);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
regie_event_editor_dispose (GObject *object)
{
  RegieEventEditor *self = (RegieEventEditor *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), REGIE_TYPE_EVENT_EDITOR);

  G_OBJECT_CLASS (regie_event_editor_parent_class)->dispose (object);
}

static void
regie_event_editor_class_init (RegieEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_event_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loketregie/Regie/ui/regie-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, life_event_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, letter_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, sender_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, letter_date_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, asked_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, network_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, line_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, with_whom_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, callback_row);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, text_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, agreed_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, agreed_view);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, RegieEventEditor, summary_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.summary", NULL, summary_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
regie_event_editor_init (RegieEventEditor *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) life_events = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = REGIE_CHANNEL_NONE; i <= REGIE_CHANNEL_THREE_WAY; i++)
    gtk_string_list_append (channels, regie_channel_get_label (i));
  for (int i = REGIE_LIFE_EVENT_NONE; i <= REGIE_LIFE_EVENT_OTHER; i++)
    gtk_string_list_append (life_events, regie_life_event_get_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->life_event_row, G_LIST_MODEL (life_events));

  self->organisation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->organisation_row, "notify::selected",
                            G_CALLBACK (on_organisation_selected_cb), self);
}

GtkWidget *
regie_event_editor_new (GtkWindow  *parent,
                        RegieStore *store,
                        gint64      case_id,
                        RegieEvent *event)
{
  RegieEventEditor *self;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_EVENT (event), NULL);

  self = g_object_new (REGIE_TYPE_EVENT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->event = g_object_ref (event);
  self->case_id = case_id;
  load_form (self);
  return GTK_WIDGET (self);
}
