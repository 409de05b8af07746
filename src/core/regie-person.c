/* regie-person.c — an inwoner: name, birth date, BSN, contact details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-case-private.h"
#include "regie-person-private.h"
#include "regie-search-private.h"
#include "regie-validate.h"

/* The text fields, in the order of their properties. */
typedef enum
{
  F_GIVEN_NAMES,
  F_INITIALS,
  F_PREFIX,
  F_SURNAME,
  F_PREFERRED_NAME,
  F_BIRTH_DATE,
  F_BSN,
  F_PHONE,
  F_EMAIL,
  F_STREET,
  F_HOUSE_NUMBER,
  F_POSTCODE,
  F_CITY,
  F_LANGUAGE,
  F_NOTES,
  F_CREATED_AT,
  F_UPDATED_AT,
  N_FIELDS
} Field;

struct _RegiePerson
{
  GObject           parent_instance;

  gint64            id;
  char             *fields[N_FIELDS];
  RegieDigidStatus  digid_status;
  guint             interpreter_needed : 1;

  /* Derived from the name fields, made on demand */
  char             *display_name;
  char             *list_name;
  char             *sort_key;
};

G_DEFINE_FINAL_TYPE (RegiePerson, regie_person, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RegieDigidStatus, regie_digid_status,
  G_DEFINE_ENUM_VALUE (REGIE_DIGID_STATUS_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (REGIE_DIGID_STATUS_HAS, "has"),
  G_DEFINE_ENUM_VALUE (REGIE_DIGID_STATUS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REGIE_DIGID_STATUS_REQUESTED_WITH_HELP, "requested_with_help"),
  G_DEFINE_ENUM_VALUE (REGIE_DIGID_STATUS_MACHTIGING, "machtiging"))

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_FIELD,
  PROP_LAST_FIELD = PROP_FIRST_FIELD + N_FIELDS - 1,
  PROP_INTERPRETER_NEEDED,
  PROP_DIGID_STATUS,
  PROP_DISPLAY_NAME,
  PROP_LIST_NAME,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  gboolean    nullable;   /* NULL means "not known" and is searched on */
  gboolean    read_only;
  gboolean    keep_spaces;
} field_info[N_FIELDS] = {
  [F_GIVEN_NAMES]    = { "given-names" },
  [F_INITIALS]       = { "initials" },
  [F_PREFIX]         = { "prefix" },
  [F_SURNAME]        = { "surname" },
  [F_PREFERRED_NAME] = { "preferred-name" },
  [F_BIRTH_DATE]     = { "birth-date", TRUE },
  [F_BSN]            = { "bsn", TRUE },
  [F_PHONE]          = { "phone" },
  [F_EMAIL]          = { "email" },
  [F_STREET]         = { "street" },
  [F_HOUSE_NUMBER]   = { "house-number" },
  [F_POSTCODE]       = { "postcode" },
  [F_CITY]           = { "city" },
  [F_LANGUAGE]       = { "language" },
  [F_NOTES]          = { "notes", FALSE, FALSE, TRUE },
  [F_CREATED_AT]     = { "created-at", FALSE, TRUE },
  [F_UPDATED_AT]     = { "updated-at", FALSE, TRUE },
};

static const char * const digid_labels[] = {
  [REGIE_DIGID_STATUS_UNKNOWN]             = NC_("digid", "Unknown"),
  [REGIE_DIGID_STATUS_HAS]                 = NC_("digid", "Has DigiD"),
  [REGIE_DIGID_STATUS_NONE]                = NC_("digid", "No DigiD"),
  [REGIE_DIGID_STATUS_REQUESTED_WITH_HELP] = NC_("digid", "Requested with help"),
  [REGIE_DIGID_STATUS_MACHTIGING]          = NC_("digid", "Authorisation (machtiging)"),
};

/* Written in the surname field by habit; skipped when the prefix field is empty. */
static const char * const known_prefixes[] = {
  "van", "de", "der", "den", "het", "t", "te", "ter", "ten", "in", "op", "uit", "onder",
  "aan", "bij", "tot", "voor", "la", "le", "les", "du", "da", "di", "dos", "el", "al", "d",
  NULL
};

const char *
regie_digid_status_get_label (RegieDigidStatus status)
{
  g_return_val_if_fail (status <= REGIE_DIGID_STATUS_MACHTIGING, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "digid", digid_labels[status]);
}

/* Letters that have no decomposition but that people type without their mark. */
static gunichar
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x00D8: case 0x00F8: return 'o';   /* Ø ø */
    case 0x0141: case 0x0142: return 'l';   /* Ł ł */
    case 0x0110: case 0x0111: return 'd';   /* Đ đ */
    case 0x0131: return 'i';                /* dotless ı */
    default: return c;
    }
}

char *
regie_name_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (stripped, fold_special (c));
    }

  return g_utf8_casefold (stripped->str, -1);
}

/* Folded, with only letters and digits kept and every other run turned into one space:
 * "Çelik-Demo" → "celik demo", which sorts before "celikman". */
static char *
sort_part (const char *text)
{
  g_autofree char *folded = regie_name_fold (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean pending_space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_space = TRUE;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_known_prefix (const char *word)
{
  return g_strv_contains (known_prefixes, word);
}

/* "van der berg" → "berg" when the whole surname is not made of prefixes. */
static const char *
skip_prefix_words (const char *folded)
{
  const char *p = folded;

  for (;;)
    {
      const char *space = strchr (p, ' ');
      g_autofree char *word = NULL;

      if (space == NULL)
        return p;

      word = g_strndup (p, space - p);
      if (!is_known_prefix (word))
        return p;
      p = space + 1;
    }
}

static const char *
nonempty (const char *text)
{
  return text && *text ? text : NULL;
}

char *
_regie_person_compute_sort_key (const char *given_names,
                                const char *initials,
                                const char *prefix,
                                const char *surname,
                                const char *preferred_name)
{
  g_autofree char *surname_part = sort_part (surname);
  g_autofree char *given_part = NULL;
  g_autofree char *prefix_part = sort_part (prefix);
  const char *first = nonempty (given_names) ?: nonempty (preferred_name) ?: initials;
  const char *primary = surname_part;

  given_part = sort_part (first);

  if (*prefix_part == '\0')
    primary = skip_prefix_words (surname_part);

  /* Someone known by one name only is listed under it. */
  if (*primary == '\0')
    return g_strconcat (given_part, "\x1f", "\x1f", prefix_part, NULL);

  /* \x1f sorts before any letter: "berg" before "bergman". */
  return g_strconcat (primary, "\x1f", given_part, "\x1f", prefix_part, NULL);
}

static char *
capitalise_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  char buf[7] = { 0 };

  if (!g_unichar_isalpha (c))
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (c), buf);
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

void
_regie_person_compute_names (const char  *given_names,
                             const char  *initials,
                             const char  *prefix,
                             const char  *surname,
                             const char  *preferred_name,
                             char       **display_name,
                             char       **list_name)
{
  const char *first = nonempty (preferred_name) ?: nonempty (given_names) ?: nonempty (initials);
  g_autoptr(GString) display = g_string_new (NULL);

  prefix = nonempty (prefix);
  surname = nonempty (surname);

  if (first)
    g_string_append (display, first);
  if (prefix)
    {
      if (display->len)
        g_string_append_c (display, ' ');
      /* Dutch: the prefix takes a capital when nothing comes before it ("Van der Berg"). */
      if (first == NULL)
        {
          g_autofree char *capital = capitalise_first (prefix);
          g_string_append (display, capital);
        }
      else
        g_string_append (display, prefix);
    }
  if (surname)
    {
      if (display->len)
        g_string_append_c (display, ' ');
      g_string_append (display, surname);
    }

  if (list_name)
    {
      if (surname == NULL)
        *list_name = g_strdup (display->str);
      else if (first && prefix)
        *list_name = g_strdup_printf ("%s, %s %s", surname, first, prefix);
      else if (first || prefix)
        *list_name = g_strdup_printf ("%s, %s", surname, first ? first : prefix);
      else
        *list_name = g_strdup (surname);
    }

  if (display_name)
    *display_name = g_string_free (g_steal_pointer (&display), FALSE);
}

static gboolean
is_name_field (Field field)
{
  return field <= F_PREFERRED_NAME;
}

static void
clear_names (RegiePerson *self)
{
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->list_name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
}

static void
ensure_names (RegiePerson *self)
{
  if (self->display_name != NULL)
    return;

  _regie_person_compute_names (self->fields[F_GIVEN_NAMES], self->fields[F_INITIALS],
                               self->fields[F_PREFIX], self->fields[F_SURNAME],
                               self->fields[F_PREFERRED_NAME],
                               &self->display_name, &self->list_name);
  self->sort_key = _regie_person_compute_sort_key (self->fields[F_GIVEN_NAMES],
                                                   self->fields[F_INITIALS],
                                                   self->fields[F_PREFIX],
                                                   self->fields[F_SURNAME],
                                                   self->fields[F_PREFERRED_NAME]);
}

static void
set_field (RegiePerson *self,
           Field        field,
           const char  *value)
{
  g_autofree char *normal = NULL;

  if (value != NULL)
    normal = field_info[field].keep_spaces ? g_strdup (value) : g_strstrip (g_strdup (value));

  if (normal != NULL && *normal == '\0' && field_info[field].nullable)
    g_clear_pointer (&normal, g_free);
  if (normal == NULL && !field_info[field].nullable)
    normal = g_strdup ("");

  if (g_strcmp0 (self->fields[field], normal) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);

  if (is_name_field (field))
    {
      clear_names (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
    }
}

static void
regie_person_finalize (GObject *object)
{
  RegiePerson *self = (RegiePerson *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  clear_names (self);

  G_OBJECT_CLASS (regie_person_parent_class)->finalize (object);
}

static void
regie_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RegiePerson *self = REGIE_PERSON (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_INTERPRETER_NEEDED:
      g_value_set_boolean (value, self->interpreter_needed);
      break;
    case PROP_DIGID_STATUS:
      g_value_set_enum (value, self->digid_status);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, regie_person_get_display_name (self));
      break;
    case PROP_LIST_NAME:
      g_value_set_string (value, regie_person_get_list_name (self));
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, regie_person_get_sort_key (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_person_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RegiePerson *self = REGIE_PERSON (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    {
      set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_INTERPRETER_NEEDED:
      regie_person_set_interpreter_needed (self, g_value_get_boolean (value));
      break;
    case PROP_DIGID_STATUS:
      regie_person_set_digid_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_person_class_init (RegiePersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = regie_person_finalize;
  object_class->get_property = regie_person_get_property;
  object_class->set_property = regie_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_string (field_info[i].name, NULL, NULL, field_info[i].nullable ? NULL : "",
                           (field_info[i].read_only ? G_PARAM_READABLE : G_PARAM_READWRITE) |
                           G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_INTERPRETER_NEEDED] =
    g_param_spec_boolean ("interpreter-needed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIGID_STATUS] =
    g_param_spec_enum ("digid-status", NULL, NULL,
                       REGIE_TYPE_DIGID_STATUS, REGIE_DIGID_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIST_NAME] =
    g_param_spec_string ("list-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_person_init (RegiePerson *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (!field_info[i].nullable)
      self->fields[i] = g_strdup ("");
}

RegiePerson *
regie_person_new (void)
{
  return g_object_new (REGIE_TYPE_PERSON, NULL);
}

gint64
regie_person_get_id (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), 0);
  return self->id;
}

#define FIELD_ACCESSORS(name, FIELD)                                  \
const char *                                                          \
regie_person_get_##name (RegiePerson *self)                           \
{                                                                     \
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);                \
  return self->fields[FIELD];                                         \
}                                                                     \
void                                                                  \
regie_person_set_##name (RegiePerson *self,                           \
                         const char  *value)                          \
{                                                                     \
  g_return_if_fail (REGIE_IS_PERSON (self));                          \
  set_field (self, FIELD, value);                                     \
}

FIELD_ACCESSORS (given_names, F_GIVEN_NAMES)
FIELD_ACCESSORS (initials, F_INITIALS)
FIELD_ACCESSORS (prefix, F_PREFIX)
FIELD_ACCESSORS (surname, F_SURNAME)
FIELD_ACCESSORS (preferred_name, F_PREFERRED_NAME)
FIELD_ACCESSORS (birth_date, F_BIRTH_DATE)
FIELD_ACCESSORS (bsn, F_BSN)
FIELD_ACCESSORS (phone, F_PHONE)
FIELD_ACCESSORS (email, F_EMAIL)
FIELD_ACCESSORS (street, F_STREET)
FIELD_ACCESSORS (house_number, F_HOUSE_NUMBER)
FIELD_ACCESSORS (postcode, F_POSTCODE)
FIELD_ACCESSORS (city, F_CITY)
FIELD_ACCESSORS (language, F_LANGUAGE)
FIELD_ACCESSORS (notes, F_NOTES)

#undef FIELD_ACCESSORS

const char *
regie_person_get_created_at (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);
  return self->fields[F_CREATED_AT];
}

const char *
regie_person_get_updated_at (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);
  return self->fields[F_UPDATED_AT];
}

gboolean
regie_person_get_interpreter_needed (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), FALSE);
  return self->interpreter_needed;
}

void
regie_person_set_interpreter_needed (RegiePerson *self,
                                     gboolean     interpreter_needed)
{
  g_return_if_fail (REGIE_IS_PERSON (self));

  interpreter_needed = !!interpreter_needed;
  if (self->interpreter_needed == interpreter_needed)
    return;

  self->interpreter_needed = interpreter_needed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETER_NEEDED]);
}

RegieDigidStatus
regie_person_get_digid_status (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), REGIE_DIGID_STATUS_UNKNOWN);
  return self->digid_status;
}

void
regie_person_set_digid_status (RegiePerson      *self,
                               RegieDigidStatus  status)
{
  g_return_if_fail (REGIE_IS_PERSON (self));
  g_return_if_fail (status <= REGIE_DIGID_STATUS_MACHTIGING);

  if (self->digid_status == status)
    return;

  self->digid_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGID_STATUS]);
}

const char *
regie_person_get_display_name (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);
  ensure_names (self);
  return self->display_name;
}

const char *
regie_person_get_list_name (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);
  ensure_names (self);
  return self->list_name;
}

const char *
regie_person_get_sort_key (RegiePerson *self)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), NULL);
  ensure_names (self);
  return self->sort_key;
}

int
regie_person_get_age (RegiePerson *self,
                      const char  *today)
{
  g_return_val_if_fail (REGIE_IS_PERSON (self), -1);
  return regie_age_on (self->fields[F_BIRTH_DATE], today);
}

RegiePerson *
_regie_person_new_from_stmt (sqlite3_stmt *stmt,
                             int           first)
{
  RegiePerson *self = regie_person_new ();

  self->id = sqlite3_column_int64 (stmt, first);
  /* The columns after the id follow the Field order up to notes. */
  for (guint i = F_GIVEN_NAMES; i <= F_LANGUAGE; i++)
    {
      g_free (self->fields[i]);
      self->fields[i] = g_strdup (_regie_column_text (stmt, first + 1 + i));
      if (self->fields[i] == NULL && !field_info[i].nullable)
        self->fields[i] = g_strdup ("");
    }
  self->interpreter_needed = sqlite3_column_int (stmt, first + 15) != 0;
  self->digid_status = _regie_enum_from_id (REGIE_TYPE_DIGID_STATUS,
                                            _regie_column_text (stmt, first + 16),
                                            REGIE_DIGID_STATUS_UNKNOWN);
  g_free (self->fields[F_NOTES]);
  self->fields[F_NOTES] = g_strdup (_regie_column_text (stmt, first + 17) ?: "");
  g_free (self->fields[F_CREATED_AT]);
  self->fields[F_CREATED_AT] = g_strdup (_regie_column_text (stmt, first + 18) ?: "");
  g_free (self->fields[F_UPDATED_AT]);
  self->fields[F_UPDATED_AT] = g_strdup (_regie_column_text (stmt, first + 19) ?: "");

  return self;
}

typedef gboolean (*Validator) (const char *input, char **out, GError **error);

static gboolean
normalize_field (RegiePerson  *self,
                 Field         field,
                 Validator     validate,
                 GError      **error)
{
  g_autofree char *normal = NULL;

  if (!validate (self->fields[field], &normal, error))
    return FALSE;

  set_field (self, field, normal);
  return TRUE;
}

static gboolean
validate_birth_date (const char  *input,
                     char       **out,
                     GError     **error)
{
  /* The store holds ISO dates only; Dutch input is parsed by the form first. */
  if (input != NULL && !regie_iso_date_is_valid (input))
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_DATE_FORMAT,
                           _("Type the date as day-month-year, for example 12-3-1980"));
      return FALSE;
    }

  return regie_validate_birth_date (input, NULL, out, error);
}

gboolean
_regie_person_normalize (RegiePerson  *self,
                         GError      **error)
{
  if (!*self->fields[F_SURNAME] && !*self->fields[F_GIVEN_NAMES] &&
      !*self->fields[F_PREFERRED_NAME] && !*self->fields[F_INITIALS])
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_NAME_MISSING,
                           _("Type a name"));
      return FALSE;
    }

  return normalize_field (self, F_BSN, regie_validate_bsn, error) &&
         normalize_field (self, F_BIRTH_DATE, validate_birth_date, error) &&
         normalize_field (self, F_POSTCODE, regie_validate_postcode, error) &&
         normalize_field (self, F_EMAIL, regie_validate_email, error) &&
         normalize_field (self, F_PHONE, regie_validate_phone, error);
}

/* Binds the columns given_names … sort_key as ?1 … ?19 in the order of the table. */
static void
bind_person (sqlite3_stmt *stmt,
             RegiePerson  *self)
{
  int col = 1;

  for (guint i = F_GIVEN_NAMES; i <= F_LANGUAGE; i++)
    {
      if (field_info[i].nullable)
        _regie_bind_text_or_null (stmt, col++, self->fields[i]);
      else
        _regie_bind_text (stmt, col++, self->fields[i]);
    }
  sqlite3_bind_int (stmt, col++, self->interpreter_needed);
  _regie_bind_text (stmt, col++, _regie_enum_to_id (REGIE_TYPE_DIGID_STATUS, self->digid_status));
  _regie_bind_text (stmt, col++, self->fields[F_NOTES]);
  _regie_bind_text (stmt, col++, regie_person_get_sort_key (self));
  g_assert (col == 19);
}

gboolean
_regie_person_insert (RegieStore   *store,
                      RegiePerson  *self,
                      const char   *now,
                      GError      **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  stmt = _regie_stmt (store,
                      "INSERT INTO person (given_names, initials, prefix, surname, preferred_name, "
                      "  birth_date, bsn, phone, email, street, house_number, postcode, city, "
                      "  language, interpreter_needed, digid_status, notes, sort_key, "
                      "  created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                      "  ?16, ?17, ?18, ?20, ?20);",
                      error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, self);
  _regie_bind_text (stmt, 20, now);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  set_field (self, F_CREATED_AT, now);
  set_field (self, F_UPDATED_AT, now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

void
_regie_person_forget_id (RegiePerson *self)
{
  if (self->id == 0)
    return;

  self->id = 0;
  set_field (self, F_CREATED_AT, "");
  set_field (self, F_UPDATED_AT, "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static gboolean
update_person (RegieStore   *store,
               RegiePerson  *self,
               const char   *actor,
               const char   *now,
               GError      **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autoptr(RegieStmt) bump = NULL;

  stmt = _regie_stmt (store,
                      "UPDATE person SET given_names = ?1, initials = ?2, prefix = ?3, surname = ?4, "
                      "  preferred_name = ?5, birth_date = ?6, bsn = ?7, phone = ?8, email = ?9, "
                      "  street = ?10, house_number = ?11, postcode = ?12, city = ?13, "
                      "  language = ?14, interpreter_needed = ?15, digid_status = ?16, notes = ?17, "
                      "  sort_key = ?18, updated_at = ?20 "
                      "WHERE id = ?21;",
                      error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, self);
  _regie_bind_text (stmt, 20, now);
  sqlite3_bind_int64 (stmt, 21, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This citizen no longer exists"));
      return FALSE;
    }

  /* Working on someone's details is activity on their open dossiers, not on closed ones. */
  bump = _regie_stmt (store,
                      "UPDATE dossier SET last_activity = ?1 "
                      "WHERE person_id = ?2 AND status != 'closed';",
                      error);
  if (bump == NULL)
    return FALSE;
  _regie_bind_text (bump, 1, now);
  sqlite3_bind_int64 (bump, 2, self->id);

  return _regie_step_done (store, bump, error) &&
         _regie_search_index_person (store, self->id, error) &&
         regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_PERSON, self->id, error);
}

RegiePerson *
regie_person_load (RegieStore  *store,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store, "SELECT " REGIE_PERSON_COLUMNS " FROM person p WHERE p.id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _regie_person_new_from_stmt (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This citizen no longer exists"));
  else
    _regie_sql_error (store, rc, error);

  return NULL;
}

gboolean
regie_person_save (RegieStore   *store,
                   RegiePerson  *self,
                   const char   *actor,
                   GError      **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_PERSON (self), FALSE);
  g_return_val_if_fail (self->id > 0, FALSE);

  if (!_regie_person_normalize (self, error))
    return FALSE;

  now = _regie_now ();
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!update_person (store, self, actor, now, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  if (!regie_store_commit (store, error))
    return FALSE;

  set_field (self, F_UPDATED_AT, now);
  return TRUE;
}

static gboolean
delete_person (RegieStore  *store,
               gint64       id,
               const char  *actor,
               GError     **error)
{
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  stmt = _regie_stmt (store, "SELECT id FROM dossier WHERE person_id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (cases, case_id);
    }
  if (rc != SQLITE_DONE)
    return _regie_sql_error (store, rc, error);
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (cases->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This citizen no longer exists"));
      return FALSE;
    }

  /* Deleting the last dossier deletes the person with it. */
  for (guint i = 0; i < cases->len; i++)
    if (!_regie_case_delete_in_tx (store, g_array_index (cases, gint64, i), actor, error))
      return FALSE;

  return _regie_search_purge (store, error);
}

gboolean
regie_person_delete (RegieStore  *store,
                     gint64       id,
                     const char  *actor,
                     GError     **error)
{
  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  if (!delete_person (store, id, actor, error))
    {
      regie_store_rollback (store);
      return FALSE;
    }

  return regie_store_commit (store, error);
}

GListModel *
_regie_person_load_many (RegieStore    *store,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GListStore) result = g_list_store_new (REGIE_TYPE_PERSON);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT " REGIE_PERSON_COLUMNS " FROM person p WHERE p.id IN (");
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  int rc;

  if (n_ids == 0)
    return G_LIST_MODEL (g_steal_pointer (&result));

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append (sql, ");");

  stmt = _regie_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegiePerson *person = _regie_person_new_from_stmt (stmt, 0);
      g_hash_table_insert (by_id, &person->id, person);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      RegiePerson *person = g_hash_table_lookup (by_id, &ids[i]);

      if (person != NULL)
        g_list_store_append (result, person);
    }

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
regie_person_find (RegieStore  *store,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  ids = _regie_search_person_ids (store, text, limit, error);
  if (ids == NULL)
    return NULL;

  return _regie_person_load_many (store, (gint64 *) (gpointer) ids->data, ids->len, error);
}

GListModel *
regie_person_find_duplicates (RegieStore   *store,
                              RegiePerson  *person,
                              guint         limit,
                              GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RegieOwnedStmt) stmt = NULL;
  g_autofree char *names_text = NULL;
  g_autofree char *match = NULL;
  const char *first_name;
  const char *union_all = "";
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_PERSON (person), NULL);

  /* Same surname and the same first given name (or preferred name) is a likely match;
   * a surname alone is not, for "Jansen" would bring half the town. */
  first_name = nonempty (person->fields[F_GIVEN_NAMES]) ?: person->fields[F_PREFERRED_NAME];
  if (*person->fields[F_SURNAME])
    {
      g_auto(GStrv) words = g_strsplit (first_name, " ", 2);

      names_text = g_strconcat (person->fields[F_SURNAME], " ", words[0] ? words[0] : "", NULL);
      match = _regie_search_names_match (names_text);
    }

  /* Scores: the same BSN is the same person; a birth date counts more than a name. */
  g_string_append (sql, "SELECT id FROM (");
  if (person->fields[F_BSN])
    {
      g_string_append (sql, "SELECT id, 4 AS score FROM person WHERE bsn = :bsn");
      union_all = " UNION ALL ";
    }
  if (person->fields[F_BIRTH_DATE])
    {
      g_string_append_printf (sql, "%sSELECT id, 2 AS score FROM person "
                                   "WHERE birth_date = :birth_date AND birth_date IS NOT NULL",
                              union_all);
      union_all = " UNION ALL ";
    }
  if (match)
    {
      g_string_append_printf (sql, "%sSELECT DISTINCT d.person_id AS id, 1 AS score FROM dossier d "
                                   "WHERE d.id IN (SELECT docid FROM dossier_fts "
                                   "WHERE dossier_fts MATCH :match)",
                              union_all);
      union_all = " UNION ALL ";
    }
  if (*union_all == '\0')
    return G_LIST_MODEL (g_list_store_new (REGIE_TYPE_PERSON));

  g_string_append (sql, ") AS candidate JOIN person p USING (id) WHERE id != :self "
                        "GROUP BY id ORDER BY sum(score) DESC, p.sort_key LIMIT :limit;");

  stmt = _regie_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

#define BIND_NAMED(name, text) \
  G_STMT_START { int i_ = sqlite3_bind_parameter_index (stmt, name); \
                 if (i_ > 0) _regie_bind_text (stmt, i_, text); } G_STMT_END
  BIND_NAMED (":bsn", person->fields[F_BSN]);
  BIND_NAMED (":birth_date", person->fields[F_BIRTH_DATE]);
  BIND_NAMED (":match", match);
#undef BIND_NAMED
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":self"), person->id);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit ? (int) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }

  return _regie_person_load_many (store, (gint64 *) (gpointer) ids->data, ids->len, error);
}
