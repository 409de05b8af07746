/* regie-screenshot.c — writes a PNG of every screen of Regie
 *
 * Usage: regie-screenshot DIR
 *
 * Runs the real application on the demo store, in Dutch, at 1366×768, and renders the
 * window itself (no X screenshot, so no window manager is needed) for every view, a
 * dossier, the steps of a new dossier and closing one, every store error, the folded layout, the preferences, the shortcuts and the about window.
 * build-aux/screenshot runs it under Xvfb with a keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "regie-application.h"
#include "regie-case-list-view.h"
#include "regie-deadline-list.h"
#include "regie-dossier-page.h"
#include "regie-event-editor.h"
#include "regie-summary-dialog.h"
#include "regie-timeline-view.h"
#include "regie-new-case-dialog.h"
#include "regie-person-editor.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"
#include <glib/gstdio.h>

#include "regie-import-dialog.h"
#include "regie-network-page.h"
#include "regie-network-private.h"
#include "regie-organisation-page.h"
#include "regie-stats-page.h"
#include "regie-referral-list.h"
#include "regie-referral-wizard.h"
#include "regie-referrals-page.h"
#include "regie-backup-dialogs.h"
#include "regie-keyring.h"
#include "regie-recovery.h"
#include "regie-audit-view.h"
#include "regie-retention-window.h"
#include "regie-store-private.h"

#define DEADLINE_SECONDS 30

static const char *out_dir;
static int exit_status;

static const struct {
  RegieStoreError  code;
  const char      *nick;
  const char      *message;
} store_errors[] = {
  { REGIE_STORE_ERROR_KEYRING_UNAVAILABLE, "keyring-unavailable",
    "The name org.freedesktop.secrets was not provided by any .service files" },
  { REGIE_STORE_ERROR_KEYRING_LOCKED, "keyring-locked", "Cannot unlock the login keyring: dismissed" },
  { REGIE_STORE_ERROR_KEY_MISSING, "key-missing", "No key for store 3f6c1d2e in the keyring" },
  { REGIE_STORE_ERROR_WRONG_KEY, "wrong-key", "file is not a database (SQLITE_NOTADB)" },
  { REGIE_STORE_ERROR_NEWER_SCHEMA, "newer-schema", "Store schema version 7, this Regie knows up to 1" },
  { REGIE_STORE_ERROR_CORRUPT, "corrupt", "database disk image is malformed (SQLITE_CORRUPT)" },
  { REGIE_STORE_ERROR_DISK_FULL, "disk-full", "database or disk is full (SQLITE_FULL)" },
  { REGIE_STORE_ERROR_IO, "io", "Error opening file …/regie/regie.db: Permission denied" },
  { REGIE_STORE_ERROR_NOT_ENCRYPTED, "not-encrypted", "SQLite 3.40.1 is not SQLCipher; refusing to store data" },
};

static gboolean
dispatch_some (void)
{
  gboolean dispatched = FALSE;

  while (g_main_context_iteration (NULL, FALSE))
    dispatched = TRUE;

  return dispatched;
}

static gboolean
wait_for_impl (gboolean  (*cond) (gpointer),
               gpointer    data,
               const char *what)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("regie-screenshot: waited %d s for %s\n", DEADLINE_SECONDS, what);
          exit_status = 1;
          return FALSE;
        }
      if (!dispatch_some ())
        g_usleep (5000);
    }

  return TRUE;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
drawn_enough (gpointer data)
{
  return *(guint *) data >= 3;
}

/* Lets GTK finish layout and paint a few frames, so the PNG shows what a person sees. */
static void
settle (GtkWidget *widget)
{
  guint frames = 0;
  guint tick_id;

  gtk_widget_queue_draw (widget);
  tick_id = gtk_widget_add_tick_callback (widget, on_tick_cb, &frames, NULL);
  wait_for_impl (drawn_enough, &frames, "three frames to be drawn");
  gtk_widget_remove_tick_callback (widget, tick_id);
  dispatch_some ();
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  settle (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (node == NULL)
    {
      g_printerr ("regie-screenshot: %s: nothing was drawn\n", name);
      exit_status = 1;
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("regie-screenshot: could not write %s\n", path);
      exit_status = 1;
      return;
    }

  g_print ("%s (%d×%d)\n", path, width, height);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

/* The default size is that of the surface, which includes the window's frame. */
static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->widget));

  return gdk_surface_get_width (surface) == wait->width &&
         gdk_surface_get_height (surface) == wait->height;
}

static void
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  SizeWait wait = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (window, width, height);
  wait_for_impl (has_size, &wait, "the window to take its new size");
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
shows_main (gpointer data)
{
  const char *page = _regie_window_get_visible_page (data);

  return g_strcmp0 (page, "error") == 0 ||
         (g_strcmp0 (page, "main") == 0 && gtk_widget_get_mapped (data));
}

/* The newest toplevel of TYPE other than the main window, such as a dialog just opened. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static void
shoot_dialog (RegieWindow *window,
              const char  *action,
              GType        type,
              const char  *name)
{
  GtkWindow *dialog;

  if (!gtk_widget_activate_action (GTK_WIDGET (window), action, NULL))
    {
      g_printerr ("regie-screenshot: no action %s\n", action);
      exit_status = 1;
      return;
    }
  dispatch_some ();

  dialog = find_toplevel (type);
  if (dialog == NULL)
    {
      g_printerr ("regie-screenshot: %s opened no %s\n", action, g_type_name (type));
      exit_status = 1;
      return;
    }

  if (wait_for_impl (is_mapped, dialog, g_type_name (type)))
    save_png (GTK_WIDGET (dialog), name);

  gtk_window_destroy (dialog);
  dispatch_some ();
}

/* Issue 8: the backup passphrase dialog (with a strength hint) and the recovery key. The
 * key shown is made from fixed bytes, never the key of a store. */
static void
shoot_backup (RegieWindow *window,
              guint       *n)
{
  guint8 bytes[REGIE_KEY_SIZE];
  char *recovery_key;
  GtkWidget *dialog;

  dialog = regie_backup_passphrase_dialog_new (GTK_WINDOW (window),
                                               "/home/casemanager/regie-back-up-2026-11-29.regiebackup");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "first"), "Proef zin voor de back-up");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "second"), "Proef zin voor de back-up");
  gtk_window_present (GTK_WINDOW (dialog));
  if (wait_for_impl (is_mapped, dialog, "the backup dialog"))
    {
      g_autofree char *name = g_strdup_printf ("%02u-backup-dialog.png", (*n)++);

      save_png (dialog, name);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    bytes[i] = (guint8) (i * 37 + 11);
  recovery_key = regie_recovery_key_format (bytes);
  dialog = regie_recovery_key_dialog_new (GTK_WINDOW (window), recovery_key);
  regie_recovery_key_free (recovery_key);
  gtk_window_present (GTK_WINDOW (dialog));
  if (wait_for_impl (is_mapped, dialog, "the recovery key dialog"))
    {
      g_autofree char *name = g_strdup_printf ("%02u-recovery-key-dialog.png", (*n)++);

      save_png (dialog, name);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
shoot_dossiers (RegieWindow *window,
                guint       *n)
{
  RegieCaseListView *list_view = REGIE_CASE_LIST_VIEW (_regie_window_get_case_list (window));
  GtkWidget *page = _regie_window_get_dossier_page (window);
  RegieNewCaseDialog *dialog;
  RegiePersonEditor *editor;
  GtkWindow *close_dialog;
  g_autofree char *name = NULL;

  _regie_window_show_view (window, "cases");

  /* A search as a casemanager types it, with the inwoner beside them. */
  gtk_editable_set_text (GTK_EDITABLE (_regie_case_list_view_get_search_entry (list_view)), "proef");
  settle (GTK_WIDGET (window));
  g_usleep (300 * 1000);
  name = g_strdup_printf ("%02u-cases-search.png", (*n)++);
  save_png (GTK_WIDGET (window), name);
  gtk_editable_set_text (GTK_EDITABLE (_regie_case_list_view_get_search_entry (list_view)), "Jansenius");
  settle (GTK_WIDGET (window));
  g_usleep (300 * 1000);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-cases-nothing-found.png", (*n)++);
  save_png (GTK_WIDGET (window), name);
  gtk_editable_set_text (GTK_EDITABLE (_regie_case_list_view_get_search_entry (list_view)), "");
  settle (GTK_WIDGET (window));
  g_usleep (300 * 1000);
  settle (GTK_WIDGET (window));

  /* The dossier at the top of the list: recent, so with tasks and a status. */
  gtk_widget_activate_action (GTK_WIDGET (_regie_case_list_view_get_list_view (list_view)),
                              "list.activate-item", "u", 0);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-dossier.png", (*n)++);
  save_png (GTK_WIDGET (window), name);

  gtk_widget_activate_action (page, "page.close-case", NULL);
  dispatch_some ();
  close_dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (close_dialog != NULL && wait_for_impl (is_mapped, close_dialog, "the close dialog"))
    {
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("%02u-dossier-close.png", (*n)++);
      save_png (GTK_WIDGET (close_dialog), name);
      gtk_window_destroy (close_dialog);
    }
  else
    {
      g_printerr ("regie-screenshot: closing opened no dialog\n");
      exit_status = 1;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  dispatch_some ();
  dialog = REGIE_NEW_CASE_DIALOG (find_toplevel (REGIE_TYPE_NEW_CASE_DIALOG));
  if (dialog == NULL || !wait_for_impl (is_mapped, dialog, "the new-case dialog"))
    {
      g_printerr ("regie-screenshot: win.new-case opened no dialog\n");
      exit_status = 1;
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (_regie_new_case_dialog_get_search_row (dialog)), "Demo");
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-new-case-find.png", (*n)++);
  save_png (GTK_WIDGET (dialog), name);

  gtk_editable_set_text (GTK_EDITABLE (_regie_new_case_dialog_get_search_row (dialog)), "Voorbeeldstra");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.new-person", NULL);
  editor = REGIE_PERSON_EDITOR (_regie_new_case_dialog_get_editor (dialog));
  gtk_editable_set_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "given-names")), "Jan");
  gtk_editable_set_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "prefix")), "van der");
  gtk_editable_set_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "birth-date")), "12-3-1980");
  gtk_editable_set_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "bsn")), "123456789");
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-new-case-person.png", (*n)++);
  save_png (GTK_WIDGET (dialog), name);

  gtk_editable_set_text (GTK_EDITABLE (_regie_person_editor_get_row (editor, "bsn")), "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.next", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (_regie_new_case_dialog_get_question (dialog))),
                            "Ik krijg aanmaningen van drie instanties en weet niet waar ik moet beginnen.", -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_regie_new_case_dialog_get_theme_check (dialog, "schulden")), TRUE);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-new-case-question.png", (*n)++);
  save_png (GTK_WIDGET (dialog), name);

  gtk_window_destroy (GTK_WINDOW (dialog));
  dispatch_some ();
}

/* The Dossiers view with its deadlines, a dossier's timeline, an item's form, the summary. */
/* Issue 8: the dossier's own access trail, the access log, and "To Be Destroyed" (three
 * closed demo cases moved back in time, so that the list has something in it). */
static void
shoot_privacy (RegieWindow *window,
               guint       *n)
{
  RegieStore *store = regie_window_get_store (window);
  GtkWidget *page = _regie_window_get_dossier_page (window);
  GtkWidget *view;
  GtkWidget *scrolled;
  graphene_point_t at;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (_regie_store_get_db (store), "SELECT MIN (id) FROM dossier WHERE status = 'closed';",
                          -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  _regie_window_show_view (window, "cases");
  g_signal_emit_by_name (page, "open-case", id);
  settle (GTK_WIDGET (window));
  view = regie_test_find_widget_of_type (page, REGIE_TYPE_AUDIT_VIEW);
  if (view == NULL)
    {
      g_printerr ("regie-screenshot: the dossier page has no access trail\n");
      exit_status = 1;
      return;
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (regie_test_find_widget_of_type (view, ADW_TYPE_EXPANDER_ROW)), TRUE);
  settle (GTK_WIDGET (window));
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  if (gtk_widget_compute_point (view, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 12);
  {
    g_autofree char *name = g_strdup_printf ("%02u-dossier-access-trail.png", (*n)++);

    save_png (GTK_WIDGET (window), name);
  }
  {
    g_autofree char *name = g_strdup_printf ("%02u-access-log.png", (*n)++);

    shoot_dialog (window, "win.access-log", ADW_TYPE_WINDOW, name);
  }

  sqlite3_exec (_regie_store_get_db (store),
                "UPDATE dossier SET closed_at = strftime ('%Y-%m-%dT10:00:00.000Z', closed_at, '-3 years') "
                "WHERE id IN (SELECT id FROM dossier WHERE status = 'closed' ORDER BY id LIMIT 3);",
                NULL, NULL, NULL);
  {
    g_autofree char *name = g_strdup_printf ("%02u-to-be-destroyed.png", (*n)++);

    shoot_dialog (window, "win.to-destroy", REGIE_TYPE_RETENTION_WINDOW, name);
  }
}

static void
shoot_timeline (RegieWindow *window,
                guint       *n)
{
  RegieCaseListView *list_view = REGIE_CASE_LIST_VIEW (_regie_window_get_case_list (window));
  GtkWidget *deadlines = _regie_case_list_view_get_deadline_list (list_view);
  GtkListBox *list = _regie_deadline_list_get_list (REGIE_DEADLINE_LIST (deadlines));
  GtkWidget *page = _regie_window_get_dossier_page (window);
  GtkWidget *timeline = _regie_dossier_page_get_timeline_view (REGIE_DOSSIER_PAGE (page));
  GtkWidget *scrolled;
  GtkListBoxRow *row;
  GtkWindow *dialog;
  graphene_point_t at;
  g_autofree char *name = NULL;

  _regie_window_show_view (window, "cases");
  name = g_strdup_printf ("%02u-cases-deadlines.png", (*n)++);
  save_png (GTK_WIDGET (window), name);

  row = gtk_list_box_get_row_at_index (list, 0);
  if (row == NULL)
    {
      g_printerr ("regie-screenshot: the demo has no deadlines this week\n");
      exit_status = 1;
      return;
    }
  g_signal_emit_by_name (list, "row-activated", row);
  settle (GTK_WIDGET (window));

  /* Scrolled down to the timeline, as a casemanager reads it. */
  scrolled = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
  if (gtk_widget_compute_point (timeline, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 12);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-dossier-timeline.png", (*n)++);
  save_png (GTK_WIDGET (window), name);

  /* A visit running, as it shows at the top of the page. */
  gtk_widget_activate_action (_regie_dossier_page_get_visit_bar (REGIE_DOSSIER_PAGE (page)), "visit.start", NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-dossier-visit.png", (*n)++);
  save_png (GTK_WIDGET (window), name);

  gtk_widget_activate_action (timeline, "timeline.add", "i", REGIE_EVENT_LETTER);
  dispatch_some ();
  dialog = find_toplevel (REGIE_TYPE_EVENT_EDITOR);
  if (dialog != NULL && wait_for_impl (is_mapped, dialog, "the item editor"))
    {
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("%02u-event-editor-letter.png", (*n)++);
      save_png (GTK_WIDGET (dialog), name);
      gtk_window_destroy (dialog);
    }
  else
    {
      g_printerr ("regie-screenshot: timeline.add opened no editor\n");
      exit_status = 1;
    }

  gtk_widget_activate_action (timeline, "timeline.summary", NULL);
  dispatch_some ();
  dialog = find_toplevel (REGIE_TYPE_SUMMARY_DIALOG);
  if (dialog != NULL && wait_for_impl (is_mapped, dialog, "the summary"))
    {
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("%02u-summary.png", (*n)++);
      save_png (GTK_WIDGET (dialog), name);
      gtk_window_destroy (dialog);
    }
  else
    {
      g_printerr ("regie-screenshot: timeline.summary opened no dialog\n");
      exit_status = 1;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  dispatch_some ();
}

static gboolean
import_is_read (gpointer data)
{
  return !_regie_import_dialog_is_loading (data);
}

/* The Netwerk view filtered by a theme, an organisation's page and an import's preview,
 * on a Tuesday morning so that lines are reachable. */
static void
shoot_network (RegieWindow *window,
               guint       *n)
{
  static const char vcard[] =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Buurtwerk Proefstad (demo)\r\n"
    "CATEGORIES:zorg\r\nTEL:0800-0000901\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos Voorbeeld\r\nORG:Buurtwerk Proefstad (demo)\r\n"
    "TITLE:Opbouwwerker\r\nTEL;TYPE=CELL:06-00000901\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:UWV (demo)\r\nTEL:0800-0000109\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kapotte kaart\r\nDIT IS GEEN REGEL\r\nEND:VCARD\r\n";
  RegieNetworkPage *page = REGIE_NETWORK_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_NETWORK_PAGE));
  GListModel *model = _regie_network_page_get_model (page);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;

  _regie_window_show_view (window, "network");
  _regie_network_page_set_theme_filter (page, "schulden");
  name = g_strdup_printf ("%02u-network-theme.png", (*n)++);
  save_png (GTK_WIDGET (window), name);
  _regie_network_page_set_theme_filter (page, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (model, i);

      if (g_str_has_prefix (regie_organisation_get_name (organisation), "Belastingdienst"))
        regie_network_page_open_organisation (page, regie_organisation_get_id (organisation));
    }
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-organisation.png", (*n)++);
  save_png (GTK_WIDGET (window), name);
  regie_network_page_show_list (page);

  /* Selection mode with two organisations selected, ready to export. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_regie_network_page_get_select_button (page)), TRUE);
  gtk_widget_activate_action (_regie_network_page_get_list_view (page), "list.activate-item", "u", 0);
  gtk_widget_activate_action (_regie_network_page_get_list_view (page), "list.activate-item", "u", 2);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("%02u-network-selection.png", (*n)++);
  save_png (GTK_WIDGET (window), name);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_regie_network_page_get_select_button (page)), FALSE);

  path = g_build_filename (g_get_tmp_dir (), "regie-screenshot-import.vcf", NULL);
  g_file_set_contents (path, vcard, -1, NULL);
  file = g_file_new_for_path (path);
  _regie_network_page_import_file (page, file);
  dispatch_some ();
  dialog = find_toplevel (REGIE_TYPE_IMPORT_DIALOG);
  if (dialog != NULL && wait_for_impl (is_mapped, dialog, "the import preview") &&
      wait_for_impl (import_is_read, dialog, "the import file to be read"))
    {
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("%02u-network-import-preview.png", (*n)++);
      save_png (GTK_WIDGET (dialog), name);
      gtk_window_destroy (dialog);
    }
  else
    {
      g_printerr ("regie-screenshot: importing opened no preview\n");
      exit_status = 1;
    }
  g_unlink (path);
  dispatch_some ();
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_mapped_widget_of_type (GtkWidget *widget,
                            GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_widget_of_type (child, type);

      if (found)
        return found;
    }

  return NULL;
}

static gboolean
figures_counted (gpointer data)
{
  return !regie_stats_page_get_busy (data) && regie_stats_page_get_stats (data) != NULL;
}

/* The Cijfers view counts in a worker thread: shoot it once it is done. */
static void
wait_for_figures (RegieWindow *window)
{
  GtkWidget *page = find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_STATS_PAGE);

  if (page)
    wait_for_impl (figures_counted, page, "the figures to be counted");
}

/* The Cijfers view over this year, scrolled to its charts, the first one's table unfolded. */
static void
shoot_figures (RegieWindow *window,
               guint       *n)
{
  GtkWidget *page = find_widget_of_type (GTK_WIDGET (window), REGIE_TYPE_STATS_PAGE);
  g_autofree char *name = g_strdup_printf ("%02u-figures-year.png", (*n)++);
  GtkWidget *expander;

  _regie_window_show_view (window, "figures");
  regie_stats_page_set_period (REGIE_STATS_PAGE (page), REGIE_STATS_PERIOD_THIS_YEAR);
  wait_for_figures (window);
  expander = find_widget_of_type (page, GTK_TYPE_EXPANDER);
  if (expander)
    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  dispatch_some ();
  /* Past the key figures (04-figures.png has them): the charts and a table. */
  {
    GtkWidget *scrolled = find_mapped_widget_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, 400);
    dispatch_some ();
  }
  save_png (GTK_WIDGET (window), name);
}

/* Referrals (issue 6): a check row of the wizard by its title. */
static GtkWidget *
find_check_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return regie_test_find_widget_of_type (widget, GTK_TYPE_CHECK_BUTTON);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_row (child, title);

      if (found)
        return found;
    }

  return NULL;
}

static void
tick (GtkWidget  *wizard,
      const char *title)
{
  GtkWidget *check = find_check_row (wizard, title);

  if (check)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

/* Every step of the referral wizard, resuming the demo's draft, then the Verwijzingen view. */
static void
shoot_referrals (RegieWindow *window,
                 guint       *n)
{
  static const char *steps[] = { "where", "question", "consent", "handover", "follow-up" };
  RegieReferralsPage *page = REGIE_REFERRALS_PAGE (regie_test_find_widget_of_type (GTK_WIDGET (window),
                                                                                   REGIE_TYPE_REFERRALS_PAGE));
  g_autoptr(RegieReferralList) list = regie_referral_list_new (regie_window_get_store (window), 0);
  GtkWindow *wizard = NULL;
  gint64 case_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && case_id == 0; i++)
    {
      g_autoptr(RegieReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (regie_referral_get_state (referral) == REGIE_REFERRAL_DRAFT)
        case_id = regie_referral_get_case_id (referral);
    }
  if (page == NULL || case_id == 0)
    {
      g_printerr ("regie-screenshot: no draft referral in the demo\n");
      exit_status = 1;
      return;
    }

  g_signal_emit_by_name (page, "open-case", case_id);
  dispatch_some ();
  gtk_widget_activate_action (_regie_window_get_dossier_page (window), "page.refer", NULL);
  wizard = find_toplevel (REGIE_TYPE_REFERRAL_WIZARD);
  if (wizard == NULL || !wait_for_impl (is_mapped, wizard, "the referral wizard to show"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-referral-%u-%s.png", (*n)++, i + 1, steps[i]);

      _regie_referral_wizard_go_to (REGIE_REFERRAL_WIZARD (wizard), i);
      if (i == 2)
        {
          tick (GTK_WIDGET (wizard), _("Verbally"));
          tick (GTK_WIDGET (wizard), _("Personal details"));
          tick (GTK_WIDGET (wizard), _("Contact details"));
        }
      if (i == 3)
        {
          tick (GTK_WIDGET (wizard), regie_referral_mode_get_label (REGIE_REFERRAL_MODE_CALL_NOW));
          gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.recompose", NULL);
        }
      settle (GTK_WIDGET (wizard));
      save_png (GTK_WIDGET (wizard), name);
    }

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.finish", NULL);
  dispatch_some ();
  {
    g_autofree char *name = g_strdup_printf ("%02u-referrals.png", (*n)++);

    _regie_window_show_view (window, "referrals");
    save_png (GTK_WIDGET (window), name);
  }
}

static void
shoot_everything (RegieWindow *window)
{
  static const char *views[] = { "cases", "network", "referrals", "figures" };
  AdwLeaflet *leaflet = _regie_window_get_leaflet (window);
  guint n = 1;

  if (!wait_for_impl (shows_main, window, "the demo store to open"))
    return;

  if (g_strcmp0 (_regie_window_get_visible_page (window), "main") != 0)
    {
      g_printerr ("regie-screenshot: the demo store did not open; continuing with the error screens\n");
      exit_status = 1;
    }
  else
    {
      resize_window (GTK_WINDOW (window), 1366, 768);

      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("%02u-%s.png", n++, views[i]);

          _regie_window_show_view (window, views[i]);
          if (g_str_equal (views[i], "figures"))
            wait_for_figures (window);
          save_png (GTK_WIDGET (window), name);
        }

      shoot_dossiers (window, &n);
      shoot_timeline (window, &n);
      shoot_network (window, &n);
      shoot_figures (window, &n);
      shoot_referrals (window, &n);

      /* The smallest supported screen, and the folded layout just below the fold. */
      resize_window (GTK_WINDOW (window), 1024, 600);
      {
        g_autofree char *name = g_strdup_printf ("%02u-cases-1024x600.png", n++);

        _regie_window_show_view (window, "cases");
        save_png (GTK_WIDGET (window), name);
      }

      resize_window (GTK_WINDOW (window), 800, 600);
      adw_leaflet_set_visible_child_name (leaflet, "sidebar");
      {
        g_autofree char *name = g_strdup_printf ("%02u-folded-sidebar.png", n++);

        save_png (GTK_WIDGET (window), name);
      }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "network");
      {
        g_autofree char *name = g_strdup_printf ("%02u-folded-network.png", n++);

        save_png (GTK_WIDGET (window), name);
      }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);

      resize_window (GTK_WINDOW (window), 1366, 768);
      _regie_window_show_view (window, "cases");
    }

  {
    g_autofree char *name = g_strdup_printf ("%02u-preferences.png", n++);

    shoot_dialog (window, "app.preferences", ADW_TYPE_PREFERENCES_WINDOW, name);
  }
  {
    g_autofree char *name = g_strdup_printf ("%02u-shortcuts.png", n++);

    shoot_dialog (window, "win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW, name);
  }
  {
    g_autofree char *name = g_strdup_printf ("%02u-about.png", n++);

    shoot_dialog (window, "app.about", ADW_TYPE_ABOUT_WINDOW, name);
  }
  shoot_privacy (window, &n);
  shoot_backup (window, &n);

  resize_window (GTK_WINDOW (window), 1366, 768);

  /* The privacy lock (Ctrl+L); the demo keeps its store, so unlocking is immediate. */
  if (g_strcmp0 (_regie_window_get_visible_page (window), "main") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
      save_png (GTK_WIDGET (window), "lock.png");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL);
    }

  /* Opening the demo store is too quick to catch, so show its page by hand. */
  {
    GtkWidget *stack = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

    gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
    gtk_spinner_start (GTK_SPINNER (regie_test_find_widget_of_type (stack, GTK_TYPE_SPINNER)));
    save_png (GTK_WIDGET (window), "loading.png");
  }

  for (guint i = 0; i < G_N_ELEMENTS (store_errors); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (REGIE_STORE_ERROR,
                                                     store_errors[i].code,
                                                     store_errors[i].message);
      g_autofree char *name = g_strdup_printf ("error-%s.png", store_errors[i].nick);

      regie_window_show_store_error (window, error);
      save_png (GTK_WIDGET (window), name);

      /* What IT sees when the casemanager opens the details for them. */
      if (store_errors[i].code == REGIE_STORE_ERROR_KEY_MISSING)
        {
          GtkWidget *details = regie_test_find_widget_of_type (_regie_window_get_error_page (window),
                                                    ADW_TYPE_EXPANDER_ROW);

          g_clear_pointer (&name, g_free);
          name = g_strdup_printf ("error-%s-details.png", store_errors[i].nick);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (details), TRUE);
          save_png (GTK_WIDGET (window), name);
        }
    }
}

static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Screens at rest, not halfway through a crossfade, in the font of a GNOME desktop,
   * with the application icon from the source tree as an installed Regie would have. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  TEST_ICONDIR);

  if (!REGIE_IS_WINDOW (window))
    {
      g_printerr ("regie-screenshot: the application opened no window\n");
      exit_status = 1;
    }
  else
    {
      shoot_everything (REGIE_WINDOW (window));
    }

  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { (char *) "regie", (char *) "--demo", NULL };
  g_autoptr(RegieApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  int status;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DIR\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("regie-screenshot: cannot make %s\n", out_dir);
      return 1;
    }

  /* Dutch from the .mo in the build tree; a missing nl_NL locale still gives Dutch text. */
  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "nl", TRUE);
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 768);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* A Tuesday morning in term time: the professional lines show "Nu bereikbaar". */
  {
    g_autoptr(GDateTime) tuesday = g_date_time_new (regie_network_time_zone (), 2026, 3, 3, 10, 0, 0);

    _regie_network_set_now (tuesday);
  }

  app = regie_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (app_argv) - 1, app_argv);

  return status != 0 ? status : exit_status;
}
