/* regie-audit-view.c — the access trail: "Access to this case" on the dossier page, and the
 * whole trail in its own window
 *
 * The trail holds no names or free text, and neither does this view: what was done, to
 * which kind of object by number, by which account, when, from where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-audit-view.h"
#include "regie-privacy.h"

/* The dossier page shows the latest; the window shows more, newest first. */
#define CASE_LIMIT   200
#define WINDOW_LIMIT 2000

struct _RegieAuditView
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *expander;    /* on the dossier page */
  GtkListBox          *list;        /* in the window */
  GPtrArray           *rows;        /* the rows added to the expander */

  RegieStore          *store;
  gint64               case_id;
};

G_DEFINE_FINAL_TYPE (RegieAuditView, regie_audit_view, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  const char *id;
  const char *label;
} Label;

static const char *
find_label (const Label *labels,
            guint        n,
            const char  *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (labels[i].id, id) == 0)
      return g_dpgettext2 (NULL, "access log", labels[i].label);

  return id;
}

static const char *
action_label (const char *action)
{
  static const Label labels[] = {
    { "view", NC_("access log", "Viewed") },
    { "create", NC_("access log", "Created") },
    { "update", NC_("access log", "Changed") },
    { "delete", NC_("access log", "Deleted") },
    { "export", NC_("access log", "Exported") },
    { "print", NC_("access log", "Printed") },
    { "destroy", NC_("access log", "Destroyed") },
    { "erase", NC_("access log", "Erased") },
    { "lock", NC_("access log", "Locked") },
    { "unlock", NC_("access log", "Unlocked") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), action);
}

static const char *
entity_label (const char *type)
{
  static const Label labels[] = {
    { "person", NC_("access log", "resident") },
    { "case", NC_("access log", "case") },
    { "task", NC_("access log", "task") },
    { "event", NC_("access log", "timeline item") },
    { "referral", NC_("access log", "referral") },
    { "organisation", NC_("access log", "organisation") },
    { "contact", NC_("access log", "contact") },
    { "professional_line", NC_("access log", "professional line") },
    { "session", NC_("access log", "session") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), type);
}

static const char *
origin_label (const char *origin)
{
  static const Label labels[] = {
    { "ui", NC_("access log", "in the app") },
    { "cli", NC_("access log", "on the command line") },
    { "import", NC_("access log", "by an import") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), origin);
}

static GtkWidget *
create_row (RegieAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%d-%m-%Y %H:%M") : g_strdup (entry->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->entity_id);

  /* Translators: a row of the access log: "Viewed", "case", its number, e.g. "Viewed · case 12" */
  title = g_strdup_printf (_("%s · %s %s"), action_label (entry->action),
                           entity_label (entry->entity_type), number);
  /* Translators: under a row of the access log: date and time, account, "in the app" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), when, entry->actor, origin_label (entry->origin));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (g_strcmp0 (entry->result, "ok") != 0)
    {
      GtkWidget *failed = gtk_label_new (_("Failed"));

      gtk_widget_add_css_class (failed, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), failed);
    }

  return row;
}

static void
clear (RegieAuditView *self)
{
  if (self->expander != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_expander_row_remove (ADW_EXPANDER_ROW (self->expander), g_ptr_array_index (self->rows, i));
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->list != NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
    }
}

void
regie_audit_view_reload (RegieAuditView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_return_if_fail (REGIE_IS_AUDIT_VIEW (self));

  clear (self);
  if (self->store == NULL)
    return;

  entries = regie_audit_list (self->store, self->case_id,
                              self->list != NULL ? WINDOW_LIMIT : CASE_LIMIT, &error);
  if (entries == NULL)
    {
      /* No data in the message: it is an SQLite error text. */
      g_warning ("Could not read the access log: %s", error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = create_row (g_ptr_array_index (entries, i));

      if (self->list != NULL)
        gtk_list_box_append (self->list, row);
      else
        {
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self->expander), row);
          g_ptr_array_add (self->rows, row);
        }
    }

  if (self->expander != NULL)
    {
      /* Translators: the access log of one case, folded: how many rows it has */
      count = g_strdup_printf (ngettext ("%u entry", "%u entries", entries->len), entries->len);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expander), count);
    }
}

void
regie_audit_view_set_case (RegieAuditView *self,
                           RegieStore     *store,
                           gint64          case_id)
{
  g_return_if_fail (REGIE_IS_AUDIT_VIEW (self));

  g_set_object (&self->store, store);
  self->case_id = case_id;
  regie_audit_view_reload (self);
}

static void
regie_audit_view_dispose (GObject *object)
{
  RegieAuditView *self = REGIE_AUDIT_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (regie_audit_view_parent_class)->dispose (object);
}

static void
regie_audit_view_class_init (RegieAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = regie_audit_view_dispose;
}

static void
regie_audit_view_init (RegieAuditView *self)
{
  self->rows = g_ptr_array_new ();
}

/* On the dossier page: folded by default, it is looked at rarely. */
RegieAuditView *
regie_audit_view_new (void)
{
  RegieAuditView *self = g_object_new (REGIE_TYPE_AUDIT_VIEW, NULL);

  self->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), _("Access to This Case"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->expander);
  return self;
}

GtkWindow *
regie_audit_view_new_window (GtkWindow  *parent,
                             RegieStore *store)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  RegieAuditView *view = g_object_new (REGIE_TYPE_AUDIT_VIEW, NULL);

  gtk_window_set_title (GTK_WINDOW (window), _("Access Log"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (view),
                                         _("Every view, change, export, print and deletion of personal data, newest first. "
                                           "The log holds no names: objects are shown by number."));
  view->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (view->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (view->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (view), GTK_WIDGET (view->list));

  gtk_widget_set_margin_top (GTK_WIDGET (view), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (view), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (view), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  regie_audit_view_set_case (view, store, 0);
  return GTK_WINDOW (window);
}
