/* regie-store-error-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regie-store.h"
#include "regie-store-error-page.h"

struct _RegieStoreErrorPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
  GtkButton      *retry_button;
  GtkWidget      *recovery_box;
  GtkWidget      *recovery_button;
  AdwExpanderRow *details_row;
  GtkLabel       *details_label;

  /* Owned */
  GError         *error;
};

G_DEFINE_FINAL_TYPE (RegieStoreErrorPage, regie_store_error_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Indexed by RegieStoreError. The nick names the code for IT in the technical details. */
static const struct {
  const char *icon_name;
  const char *nick;
} store_errors[] = {
  [REGIE_STORE_ERROR_KEYRING_UNAVAILABLE] = { "dialog-password-symbolic", "keyring-unavailable" },
  [REGIE_STORE_ERROR_KEYRING_LOCKED]      = { "system-lock-screen-symbolic", "keyring-locked" },
  [REGIE_STORE_ERROR_KEY_MISSING]         = { "dialog-password-symbolic", "key-missing" },
  [REGIE_STORE_ERROR_WRONG_KEY]           = { "dialog-warning-symbolic", "wrong-key" },
  [REGIE_STORE_ERROR_NEWER_SCHEMA]        = { "software-update-available-symbolic", "newer-schema" },
  [REGIE_STORE_ERROR_CORRUPT]             = { "computer-fail-symbolic", "corrupt" },
  [REGIE_STORE_ERROR_DISK_FULL]           = { "drive-harddisk-symbolic", "disk-full" },
  [REGIE_STORE_ERROR_IO]                  = { "dialog-error-symbolic", "io" },
  [REGIE_STORE_ERROR_NOT_ENCRYPTED]       = { "channel-insecure-symbolic", "not-encrypted" },
};

/* Errors from outside the store (a missing temporary folder, say) read as I/O problems. */
static RegieStoreError
get_code (const GError *error)
{
  if (error != NULL &&
      error->domain == REGIE_STORE_ERROR &&
      error->code >= 0 &&
      error->code < (int) G_N_ELEMENTS (store_errors))
    return error->code;

  return REGIE_STORE_ERROR_IO;
}

static char *
dup_details (const GError *error)
{
  if (error == NULL)
    return g_strdup ("");

  return g_strdup_printf ("Regie %s\n%s (%s %d)\n%s",
                          PACKAGE_VERSION,
                          error->domain == REGIE_STORE_ERROR ? store_errors[get_code (error)].nick : "other",
                          g_quark_to_string (error->domain),
                          error->code,
                          error->message);
}

static void
on_copy_button_clicked_cb (RegieStoreErrorPage *self,
                           GtkButton           *button)
{
  g_autofree char *details = dup_details (self->error);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), details);
}

static void
regie_store_error_page_update (RegieStoreErrorPage *self)
{
  RegieStoreError code = get_code (self->error);
  g_autofree char *details = dup_details (self->error);

  adw_expander_row_set_expanded (self->details_row, FALSE);
  gtk_label_set_text (self->details_label, details);

  if (self->error == NULL)
    {
      adw_status_page_set_title (self->status_page, NULL);
      adw_status_page_set_description (self->status_page, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
      gtk_widget_set_visible (self->recovery_box, FALSE);
      return;
    }

  adw_status_page_set_icon_name (self->status_page, store_errors[code].icon_name);
  adw_status_page_set_title (self->status_page, regie_store_error_title (code));
  adw_status_page_set_description (self->status_page, regie_store_error_advice (code));
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), regie_store_error_can_retry (code));

  /* Without its key the data opens only with the recovery key; a damaged or unopenable
   * store can still be replaced from a backup. */
  gtk_widget_set_visible (self->recovery_box,
                          self->error->domain == REGIE_STORE_ERROR &&
                          (code == REGIE_STORE_ERROR_KEY_MISSING ||
                           code == REGIE_STORE_ERROR_WRONG_KEY ||
                           code == REGIE_STORE_ERROR_CORRUPT));
  gtk_widget_set_visible (self->recovery_button,
                          code == REGIE_STORE_ERROR_KEY_MISSING || code == REGIE_STORE_ERROR_WRONG_KEY);
}

static void
regie_store_error_page_finalize (GObject *object)
{
  RegieStoreErrorPage *self = REGIE_STORE_ERROR_PAGE (object);

  g_clear_error (&self->error);

  G_OBJECT_CLASS (regie_store_error_page_parent_class)->finalize (object);
}

static void
regie_store_error_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RegieStoreErrorPage *self = REGIE_STORE_ERROR_PAGE (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_store_error_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RegieStoreErrorPage *self = REGIE_STORE_ERROR_PAGE (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      regie_store_error_page_set_error (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_store_error_page_class_init (RegieStoreErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = regie_store_error_page_finalize;
  object_class->get_property = regie_store_error_page_get_property;
  object_class->set_property = regie_store_error_page_set_property;

  /**
   * RegieStoreErrorPage:error:
   *
   * Why the store could not be opened, preferably in %REGIE_STORE_ERROR.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-store-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, recovery_box);
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, recovery_button);
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, details_row);
  gtk_widget_class_bind_template_child (widget_class, RegieStoreErrorPage, details_label);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_button_clicked_cb);
}

static void
regie_store_error_page_init (RegieStoreErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  regie_store_error_page_update (self);
}

GtkWidget *
regie_store_error_page_new (void)
{
  return g_object_new (REGIE_TYPE_STORE_ERROR_PAGE, NULL);
}

const GError *
regie_store_error_page_get_error (RegieStoreErrorPage *self)
{
  g_return_val_if_fail (REGIE_IS_STORE_ERROR_PAGE (self), NULL);

  return self->error;
}

void
regie_store_error_page_set_error (RegieStoreErrorPage *self,
                                  const GError        *error)
{
  g_return_if_fail (REGIE_IS_STORE_ERROR_PAGE (self));

  if (self->error == error)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  regie_store_error_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/**
 * regie_store_error_page_can_retry:
 * @self: a #RegieStoreErrorPage
 *
 * Returns: whether opening the store again could help with the shown error
 */
gboolean
regie_store_error_page_can_retry (RegieStoreErrorPage *self)
{
  g_return_val_if_fail (REGIE_IS_STORE_ERROR_PAGE (self), FALSE);

  return self->error != NULL && regie_store_error_can_retry (get_code (self->error));
}
