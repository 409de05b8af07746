/* regie-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-preferences.h"

struct _RegiePreferences
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *casemanager_name_row;
  AdwEntryRow          *loket_name_row;
  GtkSpinButton        *lock_after_spin;
  GtkSpinButton        *retention_spin;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (RegiePreferences, regie_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
regie_preferences_dispose (GObject *object)
{
  RegiePreferences *self = REGIE_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (regie_preferences_parent_class)->dispose (object);
}

static void
regie_preferences_class_init (RegiePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RegiePreferences, casemanager_name_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePreferences, loket_name_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePreferences, lock_after_spin);
  gtk_widget_class_bind_template_child (widget_class, RegiePreferences, retention_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
regie_preferences_init (RegiePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind (self->settings, "casemanager-name",
                   self->casemanager_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "loket-name",
                   self->loket_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "lock-after-minutes",
                   self->lock_after_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "retention-months",
                   self->retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

RegiePreferences *
regie_preferences_new (void)
{
  return g_object_new (REGIE_TYPE_PREFERENCES, NULL);
}
