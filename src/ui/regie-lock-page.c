/* regie-lock-page.c — what the window shows while Regie is locked
 *
 * Deliberately shows nothing about the work that was on screen: no name, no dossier
 * title, not even which view was open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-lock-page.h"

struct _RegieLockPage
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkWidget *unlock_button;
};

G_DEFINE_FINAL_TYPE (RegieLockPage, regie_lock_page, ADW_TYPE_BIN)

static void
regie_lock_page_class_init (RegieLockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieLockPage, unlock_button);
}

static void
regie_lock_page_init (RegieLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
regie_lock_page_new (void)
{
  return g_object_new (REGIE_TYPE_LOCK_PAGE, NULL);
}

/* Coming back to the desk, Enter is all it takes. */
void
regie_lock_page_focus_unlock (RegieLockPage *self)
{
  g_return_if_fail (REGIE_IS_LOCK_PAGE (self));

  gtk_widget_grab_focus (self->unlock_button);
}
