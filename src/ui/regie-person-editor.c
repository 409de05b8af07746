/* regie-person-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "regie-person-editor.h"
#include "regie-ui-util.h"
#include "regie-validate.h"

struct _RegiePersonEditor
{
  AdwBin       parent_instance;

  /* Template widgets */
  AdwEntryRow *given_names_row;
  AdwEntryRow *initials_row;
  AdwEntryRow *prefix_row;
  AdwEntryRow *surname_row;
  AdwEntryRow *preferred_name_row;
  AdwEntryRow *birth_date_row;
  AdwEntryRow *bsn_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *street_row;
  AdwEntryRow *house_number_row;
  AdwEntryRow *postcode_row;
  AdwEntryRow *city_row;
  AdwEntryRow *language_row;
  GtkSwitch   *interpreter_switch;
  AdwComboRow *digid_row;

  guint        valid : 1;
};

G_DEFINE_FINAL_TYPE (RegiePersonEditor, regie_person_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef gboolean (*ValidateFunc) (const char *input, char **out, GError **error);

static gboolean
validate_birth_date (const char  *input,
                     char       **out,
                     GError     **error)
{
  return regie_validate_birth_date (input, NULL, out, error);
}

/* The checked fields: their row, their title (the message is added to it) and check. */
typedef struct
{
  gsize         offset;
  const char   *title;
  ValidateFunc  validate;
} CheckedField;

static const CheckedField checked_fields[] = {
  { G_STRUCT_OFFSET (RegiePersonEditor, birth_date_row), N_("Birth date (day-month-year)"), validate_birth_date },
  { G_STRUCT_OFFSET (RegiePersonEditor, bsn_row), N_("BSN (optional)"), regie_validate_bsn },
  { G_STRUCT_OFFSET (RegiePersonEditor, phone_row), N_("Phone"), regie_validate_phone },
  { G_STRUCT_OFFSET (RegiePersonEditor, email_row), N_("E-mail"), regie_validate_email },
  { G_STRUCT_OFFSET (RegiePersonEditor, postcode_row), N_("Postcode"), regie_validate_postcode },
};

#define FIELD_ROW(self, field) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), (field)->offset))

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
has_text (AdwEntryRow *row)
{
  const char *text = row_text (row);

  while (g_ascii_isspace (*text))
    text++;

  return *text != '\0';
}

static void
revalidate (RegiePersonEditor *self)
{
  gboolean valid;

  /* A person needs some name; the core says so too, but Save should not even try. */
  valid = has_text (self->surname_row) || has_text (self->given_names_row) ||
          has_text (self->initials_row) || has_text (self->preferred_name_row);

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      const CheckedField *field = &checked_fields[i];
      AdwEntryRow *row = FIELD_ROW (self, field);
      g_autoptr(GError) error = NULL;

      if (!field->validate (row_text (row), NULL, &error))
        {
          /* Half a date or postcode is not an error yet while the casemanager types it. */
          valid = FALSE;
          regie_ui_set_row_error (GTK_WIDGET (row), _(field->title), error->message);
        }
      else
        {
          regie_ui_set_row_error (GTK_WIDGET (row), _(field->title), NULL);
        }
    }

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
on_row_changed_cb (RegiePersonEditor *self)
{
  revalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
regie_person_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RegiePersonEditor *self = REGIE_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_person_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REGIE_TYPE_PERSON_EDITOR);

  G_OBJECT_CLASS (regie_person_editor_parent_class)->dispose (object);
}

static void
regie_person_editor_class_init (RegiePersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = regie_person_editor_dispose;
  object_class->get_property = regie_person_editor_get_property;

  /**
   * RegiePersonEditor:valid:
   *
   * Whether what was typed can be saved: some name, and every checked field right or empty.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegiePersonEditor::changed:
   *
   * A name, date, number or address field was edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/regie-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, given_names_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, initials_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, surname_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, bsn_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, street_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, house_number_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, RegiePersonEditor, digid_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
}

static void
regie_person_editor_init (RegiePersonEditor *self)
{
  g_autoptr(GtkStringList) digid = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int s = REGIE_DIGID_STATUS_UNKNOWN; s <= REGIE_DIGID_STATUS_MACHTIGING; s++)
    gtk_string_list_append (digid, regie_digid_status_get_label (s));
  adw_combo_row_set_model (self->digid_row, G_LIST_MODEL (digid));

  revalidate (self);
}

GtkWidget *
regie_person_editor_new (void)
{
  return g_object_new (REGIE_TYPE_PERSON_EDITOR, NULL);
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
regie_person_editor_set_person (RegiePersonEditor *self,
                                RegiePerson       *person)
{
  g_autofree char *birth_date = NULL;

  g_return_if_fail (REGIE_IS_PERSON_EDITOR (self));
  g_return_if_fail (REGIE_IS_PERSON (person));

  birth_date = regie_date_format (regie_person_get_birth_date (person));

  set_row (self->given_names_row, regie_person_get_given_names (person));
  set_row (self->initials_row, regie_person_get_initials (person));
  set_row (self->prefix_row, regie_person_get_prefix (person));
  set_row (self->surname_row, regie_person_get_surname (person));
  set_row (self->preferred_name_row, regie_person_get_preferred_name (person));
  set_row (self->birth_date_row, birth_date);
  set_row (self->bsn_row, regie_person_get_bsn (person));
  set_row (self->phone_row, regie_person_get_phone (person));
  set_row (self->email_row, regie_person_get_email (person));
  set_row (self->street_row, regie_person_get_street (person));
  set_row (self->house_number_row, regie_person_get_house_number (person));
  set_row (self->postcode_row, regie_person_get_postcode (person));
  set_row (self->city_row, regie_person_get_city (person));
  set_row (self->language_row, regie_person_get_language (person));
  gtk_switch_set_active (self->interpreter_switch, regie_person_get_interpreter_needed (person));
  adw_combo_row_set_selected (self->digid_row, regie_person_get_digid_status (person));

  revalidate (self);
}

/* Writes the fields into person in their normal form (only call while valid). */
void
regie_person_editor_apply (RegiePersonEditor *self,
                           RegiePerson       *person)
{
  g_autofree char *birth_date = NULL;
  g_autofree char *bsn = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *postcode = NULL;

  g_return_if_fail (REGIE_IS_PERSON_EDITOR (self));
  g_return_if_fail (REGIE_IS_PERSON (person));

  regie_validate_birth_date (row_text (self->birth_date_row), NULL, &birth_date, NULL);
  regie_validate_bsn (row_text (self->bsn_row), &bsn, NULL);
  regie_validate_phone (row_text (self->phone_row), &phone, NULL);
  regie_validate_email (row_text (self->email_row), &email, NULL);
  regie_validate_postcode (row_text (self->postcode_row), &postcode, NULL);

  regie_person_set_given_names (person, row_text (self->given_names_row));
  regie_person_set_initials (person, row_text (self->initials_row));
  regie_person_set_prefix (person, row_text (self->prefix_row));
  regie_person_set_surname (person, row_text (self->surname_row));
  regie_person_set_preferred_name (person, row_text (self->preferred_name_row));
  regie_person_set_birth_date (person, birth_date);
  regie_person_set_bsn (person, bsn);
  regie_person_set_phone (person, phone ? phone : "");
  regie_person_set_email (person, email ? email : "");
  regie_person_set_street (person, row_text (self->street_row));
  regie_person_set_house_number (person, row_text (self->house_number_row));
  regie_person_set_postcode (person, postcode ? postcode : "");
  regie_person_set_city (person, row_text (self->city_row));
  regie_person_set_language (person, row_text (self->language_row));
  regie_person_set_interpreter_needed (person, gtk_switch_get_active (self->interpreter_switch));
  regie_person_set_digid_status (person, adw_combo_row_get_selected (self->digid_row));
}

gboolean
regie_person_editor_get_valid (RegiePersonEditor *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON_EDITOR (self), FALSE);

  return self->valid;
}

void
regie_person_editor_focus (RegiePersonEditor *self)
{
  g_return_if_fail (REGIE_IS_PERSON_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->given_names_row));
}

GtkWidget *
_regie_person_editor_get_row (RegiePersonEditor *self,
                              const char        *field)
{
  static const struct { const char *name; gsize offset; } rows[] = {
    { "given-names", G_STRUCT_OFFSET (RegiePersonEditor, given_names_row) },
    { "initials", G_STRUCT_OFFSET (RegiePersonEditor, initials_row) },
    { "prefix", G_STRUCT_OFFSET (RegiePersonEditor, prefix_row) },
    { "surname", G_STRUCT_OFFSET (RegiePersonEditor, surname_row) },
    { "preferred-name", G_STRUCT_OFFSET (RegiePersonEditor, preferred_name_row) },
    { "birth-date", G_STRUCT_OFFSET (RegiePersonEditor, birth_date_row) },
    { "bsn", G_STRUCT_OFFSET (RegiePersonEditor, bsn_row) },
    { "phone", G_STRUCT_OFFSET (RegiePersonEditor, phone_row) },
    { "email", G_STRUCT_OFFSET (RegiePersonEditor, email_row) },
    { "postcode", G_STRUCT_OFFSET (RegiePersonEditor, postcode_row) },
    { "city", G_STRUCT_OFFSET (RegiePersonEditor, city_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, field) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);

  g_return_val_if_reached (NULL);
}
