/* test-privacy.c — "To Be Destroyed" destroys a case after confirmation; the dossier page
 * shows its own access trail; the access log lists everything (issue 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "regie-audit-view.h"
#include "regie-case.h"
#include "regie-dossier-page.h"
#include "regie-retention-window.h"
#include "regie-store-private.h"
#include "regie-ui-test.h"
#include "regie-window-private.h"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gint64
scalar (RegieStore *store,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
check_destroy (RegieWindow *window)
{
  RegieStore *store;
  GtkWindow *list;
  GtkWidget *label;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(RegieCase) gone = NULL;
  g_autofree char *sql = NULL;
  gint64 old_id;
  guint before;

  wait_for (regie_test_window_reached_main (window), "the demo store to open");
  store = regie_window_get_store (window);

  /* One closed case closed long ago: past any retention period. */
  old_id = scalar (store, "SELECT MIN (id) FROM dossier WHERE status = 'closed';");
  g_assert_cmpint (old_id, >, 0);
  sql = g_strdup_printf ("UPDATE dossier SET closed_at = '2000-01-15T10:00:00.000Z' WHERE id = %"
                         G_GINT64_FORMAT ";", old_id);
  g_assert_cmpint (sqlite3_exec (_regie_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.to-destroy", NULL));
  wait_for ((list = find_toplevel (REGIE_TYPE_RETENTION_WINDOW)) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (list)), "“Te vernietigen” to show");
  regie_test_settle ();
  before = regie_retention_window_get_n_due (REGIE_RETENTION_WINDOW (list));
  g_assert_cmpuint (before, >=, 1);
  g_assert_nonnull (regie_test_find_label (GTK_WIDGET (list), "Te vernietigen"));

  /* The oldest first: ours. Its button asks before anything happens. */
  label = regie_test_find_label (GTK_WIDGET (list), "Vernietigen…");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_activate (button));
  wait_for ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
            "the confirmation");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Dossier vernietigen?");

  /* Cancel keeps it. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  regie_test_settle ();
  g_assert_cmpuint (regie_retention_window_get_n_due (REGIE_RETENTION_WINDOW (list)), ==, before);

  g_assert_true (gtk_widget_activate (button));
  wait_for ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
            "the confirmation again");
  adw_message_dialog_response (dialog, "destroy");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (regie_retention_window_get_n_due (REGIE_RETENTION_WINDOW (list)) == before - 1,
            "the case to leave the list");

  gone = regie_case_load (store, old_id, &error);
  g_assert_null (gone);
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM audit_log WHERE action = 'destroy' AND entity_id = %"
                         G_GINT64_FORMAT ";", old_id);
  g_assert_cmpint (scalar (store, sql), ==, 1);
  gtk_window_destroy (list);

  /* The access log lists it, by number only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.access-log", NULL));
  {
    g_autofree char *row = g_strdup_printf ("Vernietigd · dossier %" G_GINT64_FORMAT, old_id);
    GtkWindow *log = NULL;

    wait_for ((log = find_toplevel (ADW_TYPE_WINDOW)) != NULL && log != GTK_WINDOW (window) &&
              regie_test_find_label (GTK_WIDGET (log), "Toegangslogboek") != NULL,
              "the access log to show");
    g_assert_nonnull (regie_test_find_label (GTK_WIDGET (log), row));
    gtk_window_destroy (log);
  }
}

static void
test_destroy (void)
{
  regie_test_run_app (TRUE, check_destroy, NULL);
}

static void
check_dossier_trail (RegieWindow *window)
{
  RegieStore *store;
  GtkWidget *page;
  GtkWidget *view;
  g_autofree char *row = NULL;
  gint64 id;

  wait_for (regie_test_window_reached_main (window), "the demo store to open");
  store = regie_window_get_store (window);
  id = scalar (store, "SELECT MIN (id) FROM dossier;");

  page = _regie_window_get_dossier_page (window);
  g_signal_emit_by_name (page, "open-case", id);
  wait_for (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (page)) != NULL, "the dossier to open");
  regie_test_settle ();

  view = regie_test_find_widget_of_type (page, REGIE_TYPE_AUDIT_VIEW);
  g_assert_nonnull (view);
  g_assert_nonnull (regie_test_find_label (view, "Toegang tot dit dossier"));
  /* Folded at first; opened, it shows that opening the case was recorded. */
  row = g_strdup_printf ("Bekeken · dossier %" G_GINT64_FORMAT, id);
  g_assert_null (regie_test_find_label (view, row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (regie_test_find_widget_of_type (view, ADW_TYPE_EXPANDER_ROW)), TRUE);
  regie_test_settle ();
  g_assert_nonnull (regie_test_find_label (view, row));
}

static void
test_dossier_trail (void)
{
  regie_test_run_app (TRUE, check_dossier_trail, NULL);
}

/* Art. 17 from the dossier page menu: asks first, then nothing of the inwoner is left. */
static void
check_erase (RegieWindow *window)
{
  RegieStore *store;
  GtkWidget *page;
  AdwMessageDialog *dialog;
  g_autofree char *sql = NULL;
  gint64 id, person_id;

  wait_for (regie_test_window_reached_main (window), "the demo store to open");
  store = regie_window_get_store (window);
  id = scalar (store, "SELECT MIN (id) FROM dossier;");
  sql = g_strdup_printf ("SELECT person_id FROM dossier WHERE id = %" G_GINT64_FORMAT ";", id);
  person_id = scalar (store, sql);

  page = _regie_window_get_dossier_page (window);
  g_signal_emit_by_name (page, "open-case", id);
  wait_for (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (page)) != NULL, "the dossier to open");
  regie_test_settle ();

  g_assert_true (gtk_widget_activate_action (page, "page.erase-person", NULL));
  wait_for ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
            "the confirmation");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Inwoner wissen?");
  adw_message_dialog_response (dialog, "erase");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (regie_dossier_page_get_case (REGIE_DOSSIER_PAGE (page)) == NULL, "the page to close");

  g_free (sql);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM person WHERE id = %" G_GINT64_FORMAT ";", person_id);
  g_assert_cmpint (scalar (store, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM dossier WHERE person_id = %" G_GINT64_FORMAT ";", person_id);
  g_assert_cmpint (scalar (store, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM audit_log WHERE action = 'erase' AND entity_type = 'person' "
                         "AND entity_id = %" G_GINT64_FORMAT ";", person_id);
  g_assert_cmpint (scalar (store, sql), ==, 1);
}

static void
test_erase (void)
{
  regie_test_run_app (TRUE, check_erase, NULL);
}

int
main (int   argc,
      char *argv[])
{
  regie_test_init (&argc, &argv);

  g_test_add_func ("/privacy/destroy-from-list", test_destroy);
  g_test_add_func ("/privacy/dossier-trail", test_dossier_trail);
  g_test_add_func ("/privacy/erase-from-dossier", test_erase);

  return g_test_run ();
}
