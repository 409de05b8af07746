/* regie-organisation.c — an organisation in the network (the sociale kaart)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-audit.h"
#include "regie-network-private.h"
#include "regie-theme.h"
#include "regie-validate.h"

struct _RegieOrganisation
{
  GObject                parent_instance;

  gint64                 id;
  char                  *uid;
  char                  *name;
  RegieOrganisationKind  kind;
  char                  *phone;
  char                  *email;
  char                  *website;
  char                  *street;
  char                  *postcode;
  char                  *city;
  char                  *opening_hours;
  char                  *notes;
  char                  *checked_at;
  GStrv                  themes;

  /* Loaded with it, for the list: lines and the folded names of its contacts. */
  GListStore            *lines;
  char                  *contact_names;
};

G_DEFINE_FINAL_TYPE (RegieOrganisation, regie_organisation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RegieOrganisationKind, regie_organisation_kind,
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_NATIONAL, "national"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_MUNICIPAL, "municipal"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM, "neighbourhood_team"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_DEBT_HELP, "debt_help"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_WELFARE, "welfare"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_VOLUNTEERS, "volunteers"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_LEGAL_AID, "legal_aid"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_HOUSING, "housing"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_CARE, "care"),
  G_DEFINE_ENUM_VALUE (REGIE_ORGANISATION_KIND_OTHER, "other"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WEBSITE,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_OPENING_HOURS,
  PROP_NOTES,
  PROP_CHECKED_AT,
  PROP_THEMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_labels[] = {
  [REGIE_ORGANISATION_KIND_NATIONAL]           = NC_("organisation kind", "National executive organisation"),
  [REGIE_ORGANISATION_KIND_MUNICIPAL]          = NC_("organisation kind", "Municipality"),
  [REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM] = NC_("organisation kind", "Neighbourhood team"),
  [REGIE_ORGANISATION_KIND_DEBT_HELP]          = NC_("organisation kind", "Debt help"),
  [REGIE_ORGANISATION_KIND_WELFARE]            = NC_("organisation kind", "Welfare"),
  [REGIE_ORGANISATION_KIND_VOLUNTEERS]         = NC_("organisation kind", "Volunteers"),
  [REGIE_ORGANISATION_KIND_LEGAL_AID]          = NC_("organisation kind", "Legal aid"),
  [REGIE_ORGANISATION_KIND_HOUSING]            = NC_("organisation kind", "Housing"),
  [REGIE_ORGANISATION_KIND_CARE]               = NC_("organisation kind", "Care"),
  [REGIE_ORGANISATION_KIND_OTHER]              = NC_("organisation kind", "Other"),
};

/* Words found in the "soort" column of Dutch sociale-kaart spreadsheets, folded. */
static const struct {
  const char            *word;
  RegieOrganisationKind  kind;
} kind_words[] = {
  { "uitvoeringsorganisatie", REGIE_ORGANISATION_KIND_NATIONAL },
  { "landelijk", REGIE_ORGANISATION_KIND_NATIONAL },
  { "rijk", REGIE_ORGANISATION_KIND_NATIONAL },
  { "gemeente", REGIE_ORGANISATION_KIND_MUNICIPAL },
  { "gemeentelijk", REGIE_ORGANISATION_KIND_MUNICIPAL },
  { "wijkteam", REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM },
  { "buurtteam", REGIE_ORGANISATION_KIND_NEIGHBOURHOOD_TEAM },
  { "schuldhulp", REGIE_ORGANISATION_KIND_DEBT_HELP },
  { "schuldhulpverlening", REGIE_ORGANISATION_KIND_DEBT_HELP },
  { "welzijn", REGIE_ORGANISATION_KIND_WELFARE },
  { "vrijwilligers", REGIE_ORGANISATION_KIND_VOLUNTEERS },
  { "vrijwilligerswerk", REGIE_ORGANISATION_KIND_VOLUNTEERS },
  { "juridisch", REGIE_ORGANISATION_KIND_LEGAL_AID },
  { "rechtshulp", REGIE_ORGANISATION_KIND_LEGAL_AID },
  { "woningcorporatie", REGIE_ORGANISATION_KIND_HOUSING },
  { "wonen", REGIE_ORGANISATION_KIND_HOUSING },
  { "huisvesting", REGIE_ORGANISATION_KIND_HOUSING },
  { "zorg", REGIE_ORGANISATION_KIND_CARE },
  { "overig", REGIE_ORGANISATION_KIND_OTHER },
  { "anders", REGIE_ORGANISATION_KIND_OTHER },
};

const char *
regie_organisation_kind_get_label (RegieOrganisationKind kind)
{
  g_return_val_if_fail (kind <= REGIE_ORGANISATION_KIND_OTHER, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "organisation kind", kind_labels[kind]);
}

const char *
regie_organisation_kind_to_id (RegieOrganisationKind kind)
{
  return _regie_enum_to_id (REGIE_TYPE_ORGANISATION_KIND, kind);
}

gboolean
regie_organisation_kind_from_text (const char            *text,
                                   RegieOrganisationKind *kind)
{
  g_autofree char *folded = _regie_network_fold (text);
  int value;

  if (*folded == '\0')
    return FALSE;

  value = _regie_enum_from_id (REGIE_TYPE_ORGANISATION_KIND, folded, -1);
  if (value >= 0)
    {
      *kind = value;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (strcmp (folded, kind_words[i].word) == 0)
      {
        *kind = kind_words[i].kind;
        return TRUE;
      }

  for (guint k = 0; k < G_N_ELEMENTS (kind_labels); k++)
    {
      g_autofree char *english = _regie_network_fold (kind_labels[k]);
      g_autofree char *local = _regie_network_fold (regie_organisation_kind_get_label (k));

      if (strcmp (folded, english) == 0 || strcmp (folded, local) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
regie_network_needs_check (const char *checked_at,
                           const char *today)
{
  g_autofree char *now = NULL;
  g_autofree char *limit = NULL;
  GDate date;
  int y, m, d;

  if (checked_at == NULL || !regie_iso_date_is_valid (checked_at))
    return TRUE;

  if (today == NULL)
    today = now = regie_today ();
  if (sscanf (today, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_months (&date, 6);
  limit = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));

  return strcmp (checked_at, limit) < 0;
}

static char **
normalize_themes (const char * const *themes)
{
  GPtrArray *out = g_ptr_array_new ();
  const char * const *ids = regie_theme_get_ids ();

  /* Known themes only, once each, in the order of the theme list. */
  for (guint i = 0; ids[i]; i++)
    if (themes != NULL && g_strv_contains (themes, ids[i]))
      g_ptr_array_add (out, g_strdup (ids[i]));
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (out, FALSE);
}

static void
regie_organisation_finalize (GObject *object)
{
  RegieOrganisation *self = (RegieOrganisation *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->street, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->opening_hours, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->checked_at, g_free);
  g_clear_pointer (&self->themes, g_strfreev);
  g_clear_pointer (&self->contact_names, g_free);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (regie_organisation_parent_class)->finalize (object);
}

static char **
string_field (RegieOrganisation *self,
              guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_PHONE: return &self->phone;
    case PROP_EMAIL: return &self->email;
    case PROP_WEBSITE: return &self->website;
    case PROP_STREET: return &self->street;
    case PROP_POSTCODE: return &self->postcode;
    case PROP_CITY: return &self->city;
    case PROP_OPENING_HOURS: return &self->opening_hours;
    case PROP_NOTES: return &self->notes;
    case PROP_CHECKED_AT: return &self->checked_at;
    default: return NULL;
    }
}

static void
set_text (RegieOrganisation *self,
          guint              prop_id,
          const char        *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (_regie_network_set_string (string_field (self, prop_id), trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
regie_organisation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RegieOrganisation *self = REGIE_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;
    default:
      if (string_field (self, prop_id) != NULL)
        g_value_set_string (value, *string_field (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_organisation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RegieOrganisation *self = REGIE_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      regie_organisation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_THEMES:
      regie_organisation_set_themes (self, g_value_get_boxed (value));
      break;
    case PROP_CHECKED_AT:
      regie_organisation_set_checked_at (self, g_value_get_string (value));
      break;
    default:
      if (string_field (self, prop_id) != NULL)
        set_text (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_organisation_class_init (RegieOrganisationClass *klass)
{
  static const struct { guint id; const char *name; } texts[] = {
    { PROP_NAME, "name" }, { PROP_PHONE, "phone" }, { PROP_EMAIL, "email" },
    { PROP_WEBSITE, "website" }, { PROP_STREET, "street" }, { PROP_POSTCODE, "postcode" },
    { PROP_CITY, "city" }, { PROP_OPENING_HOURS, "opening-hours" }, { PROP_NOTES, "notes" },
    { PROP_CHECKED_AT, "checked-at" },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = regie_organisation_finalize;
  object_class->get_property = regie_organisation_get_property;
  object_class->set_property = regie_organisation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, REGIE_TYPE_ORGANISATION_KIND,
                                             REGIE_ORGANISATION_KIND_OTHER, rw);
  properties[PROP_THEMES] = g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, rw);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[texts[i].id] = g_param_spec_string (texts[i].name, NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
regie_organisation_init (RegieOrganisation *self)
{
  char **fields[] = { &self->uid, &self->name, &self->phone, &self->email, &self->website,
                      &self->street, &self->postcode, &self->city, &self->opening_hours,
                      &self->notes, &self->contact_names };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = g_strdup ("");
  self->kind = REGIE_ORGANISATION_KIND_OTHER;
  self->themes = g_new0 (char *, 1);
  self->lines = g_list_store_new (REGIE_TYPE_PROFESSIONAL_LINE);
}

RegieOrganisation *
regie_organisation_new (void)
{
  return g_object_new (REGIE_TYPE_ORGANISATION, NULL);
}

gint64
regie_organisation_get_id (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), 0);
  return self->id;
}

const char *
regie_organisation_get_uid (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);
  return self->uid;
}

void
regie_organisation_set_uid (RegieOrganisation *self,
                            const char        *uid)
{
  g_return_if_fail (REGIE_IS_ORGANISATION (self));
  _regie_network_set_string (&self->uid, uid ? uid : "");
}

#define TEXT_ACCESSORS(field, PROP)                                               \
const char *                                                                      \
regie_organisation_get_##field (RegieOrganisation *self)                          \
{                                                                                 \
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);                      \
  return self->field;                                                             \
}                                                                                 \
void                                                                              \
regie_organisation_set_##field (RegieOrganisation *self,                          \
                                const char        *value)                         \
{                                                                                 \
  g_return_if_fail (REGIE_IS_ORGANISATION (self));                                \
  set_text (self, PROP, value);                                                   \
}

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (email, PROP_EMAIL)
TEXT_ACCESSORS (website, PROP_WEBSITE)
TEXT_ACCESSORS (street, PROP_STREET)
TEXT_ACCESSORS (postcode, PROP_POSTCODE)
TEXT_ACCESSORS (city, PROP_CITY)
TEXT_ACCESSORS (opening_hours, PROP_OPENING_HOURS)
TEXT_ACCESSORS (notes, PROP_NOTES)

RegieOrganisationKind
regie_organisation_get_kind (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), REGIE_ORGANISATION_KIND_OTHER);
  return self->kind;
}

void
regie_organisation_set_kind (RegieOrganisation     *self,
                             RegieOrganisationKind  kind)
{
  g_return_if_fail (REGIE_IS_ORGANISATION (self));
  g_return_if_fail (kind <= REGIE_ORGANISATION_KIND_OTHER);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
regie_organisation_get_checked_at (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);
  return self->checked_at;
}

void
regie_organisation_set_checked_at (RegieOrganisation *self,
                                   const char        *iso_date)
{
  g_return_if_fail (REGIE_IS_ORGANISATION (self));
  g_return_if_fail (iso_date == NULL || regie_iso_date_is_valid (iso_date));

  if (_regie_network_set_string (&self->checked_at, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
}

const char * const *
regie_organisation_get_themes (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);
  return (const char * const *) self->themes;
}

void
regie_organisation_set_themes (RegieOrganisation  *self,
                               const char * const *themes)
{
  g_auto(GStrv) normal = NULL;

  g_return_if_fail (REGIE_IS_ORGANISATION (self));

  normal = normalize_themes (themes);
  if (g_strv_equal ((const char * const *) normal, (const char * const *) self->themes))
    return;
  g_strfreev (self->themes);
  self->themes = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

gboolean
regie_organisation_has_theme (RegieOrganisation *self,
                              const char        *theme)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);
  return theme != NULL && g_strv_contains ((const char * const *) self->themes, theme);
}

char *
regie_organisation_format_address (RegieOrganisation *self)
{
  GString *out = g_string_new (self->street);
  g_autofree char *place = g_strstrip (g_strdup_printf ("%s %s", self->postcode, self->city));

  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);

  if (*place != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", place);
  return g_string_free (out, FALSE);
}

gboolean
regie_organisation_needs_check (RegieOrganisation *self,
                                const char        *today)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);
  return regie_network_needs_check (self->checked_at, today);
}

GListModel *
regie_organisation_get_lines (RegieOrganisation *self)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), NULL);
  return G_LIST_MODEL (self->lines);
}

gboolean
regie_organisation_is_reachable (RegieOrganisation *self,
                                 GDateTime         *now)
{
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (regie_professional_line_is_reachable (line, now))
        return TRUE;
    }

  return FALSE;
}

void
_regie_organisation_set_lines (RegieOrganisation *self,
                               GListModel        *lines)
{
  g_list_store_remove_all (self->lines);
  for (guint i = 0; lines != NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GObject) line = g_list_model_get_item (lines, i);

      g_list_store_append (self->lines, line);
    }
}

void
_regie_organisation_set_contact_names (RegieOrganisation *self,
                                       const char        *names)
{
  _regie_network_set_string (&self->contact_names, names ? names : "");
}

gboolean
regie_organisation_matches (RegieOrganisation *self,
                            const char        *query,
                            const char        *theme,
                            int                kind)
{
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;
  GString *haystack;
  g_autofree char *text = NULL;
  gboolean found = TRUE;

  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);

  if (kind >= 0 && (int) self->kind != kind)
    return FALSE;
  if (theme != NULL && *theme != '\0' && !regie_organisation_has_theme (self, theme))
    return FALSE;

  folded_query = _regie_network_fold (query);
  if (*folded_query == '\0')
    return TRUE;

  haystack = g_string_new (self->name);
  g_string_append_printf (haystack, " %s %s %s", self->city, self->contact_names,
                          regie_organisation_kind_get_label (self->kind));
  for (guint i = 0; self->themes[i]; i++)
    g_string_append_printf (haystack, " %s %s", self->themes[i], regie_theme_get_label (self->themes[i]));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      g_string_append_printf (haystack, " %s", regie_professional_line_get_label (line));
    }
  text = _regie_network_fold (haystack->str);
  g_string_free (haystack, TRUE);

  words = g_strsplit (folded_query, " ", -1);
  for (guint i = 0; words[i] && found; i++)
    found = strstr (text, words[i]) != NULL;

  return found;
}

/* Store side */

static gboolean
write_themes (RegieStore        *store,
              RegieOrganisation *self,
              GError           **error)
{
  g_autoptr(RegieStmt) clear = _regie_stmt (store, "DELETE FROM organisation_theme WHERE organisation_id = ?;", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, self->id);
  if (!_regie_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; self->themes[i]; i++)
    {
      g_autoptr(RegieStmt) add = _regie_stmt (store,
                                              "INSERT INTO organisation_theme (organisation_id, theme) VALUES (?, ?);",
                                              error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, self->id);
      _regie_bind_text (add, 2, self->themes[i]);
      if (!_regie_step_done (store, add, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_regie_organisation_write (RegieStore         *store,
                           RegieOrganisation  *self,
                           const char         *actor,
                           const char         *now,
                           GError            **error)
{
  g_autoptr(RegieStmt) stmt = NULL;
  g_autofree char *sort_key = NULL;
  gboolean insert = self->id == 0;

  if (*self->name == '\0')
    {
      g_set_error_literal (error, REGIE_VALIDATE_ERROR, REGIE_VALIDATE_ERROR_NAME_MISSING,
                           _("An organisation needs a name"));
      return FALSE;
    }

  if (*self->uid == '\0')
    {
      g_free (self->uid);
      self->uid = _regie_network_new_uid ();
    }
  if (self->checked_at == NULL)
    {
      g_autofree char *today = g_strndup (now, 10);

      regie_organisation_set_checked_at (self, today);
    }

  sort_key = _regie_network_fold (self->name);
  if (insert)
    stmt = _regie_stmt (store,
                        "INSERT INTO organisation (uid, name, kind, phone, email, website, street, "
                        "  postcode, city, opening_hours, notes, sort_key, checked_at, created_at, "
                        "  updated_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14);",
                        error);
  else
    stmt = _regie_stmt (store,
                        "UPDATE organisation SET uid = ?1, name = ?2, kind = ?3, phone = ?4, "
                        "  email = ?5, website = ?6, street = ?7, postcode = ?8, city = ?9, "
                        "  opening_hours = ?10, notes = ?11, sort_key = ?12, checked_at = ?13, "
                        "  updated_at = ?14 WHERE id = ?15;",
                        error);
  if (stmt == NULL)
    return FALSE;

  _regie_bind_text (stmt, 1, self->uid);
  _regie_bind_text (stmt, 2, self->name);
  _regie_bind_text (stmt, 3, regie_organisation_kind_to_id (self->kind));
  _regie_bind_text (stmt, 4, self->phone);
  _regie_bind_text (stmt, 5, self->email);
  _regie_bind_text (stmt, 6, self->website);
  _regie_bind_text (stmt, 7, self->street);
  _regie_bind_text (stmt, 8, self->postcode);
  _regie_bind_text (stmt, 9, self->city);
  _regie_bind_text (stmt, 10, self->opening_hours);
  _regie_bind_text (stmt, 11, self->notes);
  _regie_bind_text (stmt, 12, sort_key);
  _regie_bind_text (stmt, 13, self->checked_at);
  _regie_bind_text (stmt, 14, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 15, self->id);
  if (!_regie_step_done (store, stmt, error))
    return FALSE;

  if (insert)
    self->id = sqlite3_last_insert_rowid (_regie_store_get_db (store));
  else if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This organisation no longer exists"));
      return FALSE;
    }

  return write_themes (store, self, error) &&
         regie_audit_record (store, actor, insert ? REGIE_AUDIT_CREATE : REGIE_AUDIT_UPDATE,
                             REGIE_AUDIT_ORGANISATION, self->id, error);
}

gboolean
regie_organisation_save (RegieStore         *store,
                         RegieOrganisation  *self,
                         const char         *actor,
                         GError            **error)
{
  g_autofree char *now = NULL;
  gint64 old_id;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);

  now = _regie_now ();
  old_id = self->id;
  if (!regie_store_begin (store, error))
    return FALSE;

  if (!_regie_organisation_write (store, self, actor, now, error) ||
      !regie_store_commit (store, error))
    {
      regie_store_rollback (store);
      self->id = old_id;
      return FALSE;
    }

  if (old_id != self->id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

gboolean
regie_organisation_mark_checked (RegieStore         *store,
                                 RegieOrganisation  *self,
                                 const char         *actor,
                                 GError            **error)
{
  static const char * const sql[] = {
    "UPDATE organisation SET checked_at = ?1, updated_at = ?2 WHERE id = ?3;",
    "UPDATE contact SET checked_at = ?1, updated_at = ?2 WHERE organisation_id = ?3;",
    "UPDATE professional_line SET checked_at = ?1, updated_at = ?2 WHERE organisation_id = ?3;",
  };
  g_autofree char *now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (REGIE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (self->id > 0, FALSE);

  now = _regie_now ();
  today = regie_today ();
  if (!regie_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(RegieStmt) stmt = _regie_stmt (store, sql[i], error);

      if (stmt == NULL)
        goto failed;
      _regie_bind_text (stmt, 1, today);
      _regie_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, self->id);
      if (!_regie_step_done (store, stmt, error))
        goto failed;
    }

  if (!regie_audit_record (store, actor, REGIE_AUDIT_UPDATE, REGIE_AUDIT_ORGANISATION, self->id, error) ||
      !regie_store_commit (store, error))
    goto failed;

  regie_organisation_set_checked_at (self, today);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      regie_professional_line_set_checked_at (line, today);
    }
  return TRUE;

failed:
  regie_store_rollback (store);
  return FALSE;
}

gboolean
regie_organisation_delete (RegieStore  *store,
                           gint64       id,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(RegieStmt) stmt = NULL;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);

  if (!regie_store_begin (store, error))
    return FALSE;

  /* Lines, themes and dossier links go with it; its contacts stay, without organisation. */
  stmt = _regie_stmt (store, "DELETE FROM organisation WHERE id = ?;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  if (sqlite3_changes (_regie_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This organisation no longer exists"));
      goto failed;
    }
  g_clear_pointer (&stmt, _regie_stmt_release);

  /* Timeline items have no foreign key to the network (0003-timeline.sql): they stop naming
   * it here, in the same transaction, and keep their own "with whom" text. */
  stmt = _regie_stmt (store, "UPDATE event SET organisation_id = NULL WHERE organisation_id = ?;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_regie_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _regie_stmt_release);

  if (!regie_audit_record (store, actor, REGIE_AUDIT_DELETE, REGIE_AUDIT_ORGANISATION, id, error))
    goto failed;

  return regie_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, _regie_stmt_release);
  regie_store_rollback (store);
  return FALSE;
}

#define ORGANISATION_COLUMNS \
  "o.id, o.uid, o.name, o.kind, o.phone, o.email, o.website, o.street, o.postcode, o.city, " \
  "o.opening_hours, o.notes, o.checked_at, " \
  "(SELECT group_concat(theme, ' ') FROM organisation_theme t WHERE t.organisation_id = o.id), " \
  "(SELECT group_concat(name, ' ') FROM contact c WHERE c.organisation_id = o.id)"

static RegieOrganisation *
organisation_from_stmt (sqlite3_stmt *stmt)
{
  RegieOrganisation *self = regie_organisation_new ();
  g_auto(GStrv) themes = NULL;
  g_autofree char *contact_names = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  _regie_network_set_string (&self->uid, _regie_column_text (stmt, 1));
  _regie_network_set_string (&self->name, _regie_column_text (stmt, 2));
  self->kind = _regie_enum_from_id (REGIE_TYPE_ORGANISATION_KIND, _regie_column_text (stmt, 3),
                                    REGIE_ORGANISATION_KIND_OTHER);
  _regie_network_set_string (&self->phone, _regie_column_text (stmt, 4));
  _regie_network_set_string (&self->email, _regie_column_text (stmt, 5));
  _regie_network_set_string (&self->website, _regie_column_text (stmt, 6));
  _regie_network_set_string (&self->street, _regie_column_text (stmt, 7));
  _regie_network_set_string (&self->postcode, _regie_column_text (stmt, 8));
  _regie_network_set_string (&self->city, _regie_column_text (stmt, 9));
  _regie_network_set_string (&self->opening_hours, _regie_column_text (stmt, 10));
  _regie_network_set_string (&self->notes, _regie_column_text (stmt, 11));
  _regie_network_set_string (&self->checked_at, _regie_column_text (stmt, 12));
  themes = g_strsplit (sqlite3_column_type (stmt, 13) == SQLITE_NULL ? "" : _regie_column_text (stmt, 13), " ", -1);
  g_strfreev (self->themes);
  self->themes = normalize_themes ((const char * const *) themes);
  contact_names = _regie_network_fold (sqlite3_column_type (stmt, 14) == SQLITE_NULL ? "" : _regie_column_text (stmt, 14));
  _regie_network_set_string (&self->contact_names, contact_names);

  return self;
}

RegieOrganisation *
regie_organisation_load (RegieStore  *store,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(RegieOrganisation) self = NULL;
  g_autoptr(GListStore) lines = NULL;
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  stmt = _regie_stmt (store, "SELECT " ORGANISATION_COLUMNS " FROM organisation o WHERE o.id = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This organisation no longer exists"));
      else
        _regie_sql_error (store, rc, error);
      return NULL;
    }
  self = organisation_from_stmt (stmt);
  g_clear_pointer (&stmt, _regie_stmt_release);

  lines = _regie_professional_line_load_for (store, id, error);
  if (lines == NULL)
    return NULL;
  _regie_organisation_set_lines (self, G_LIST_MODEL (lines));

  return g_steal_pointer (&self);
}

GListStore *
_regie_organisation_load_all (RegieStore  *store,
                              GError     **error)
{
  g_autoptr(GListStore) organisations = g_list_store_new (REGIE_TYPE_ORGANISATION);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GListStore) lines = NULL;
  g_autoptr(RegieStmt) stmt = NULL;
  int rc;

  stmt = _regie_stmt (store, "SELECT " ORGANISATION_COLUMNS " FROM organisation o ORDER BY o.sort_key, o.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RegieOrganisation) organisation = organisation_from_stmt (stmt);

      g_list_store_append (organisations, organisation);
      g_hash_table_insert (by_id, &organisation->id, organisation);
    }
  if (rc != SQLITE_DONE)
    {
      _regie_sql_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, _regie_stmt_release);

  lines = _regie_professional_line_load_for (store, 0, error);
  if (lines == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lines)); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (G_LIST_MODEL (lines), i);
      gint64 organisation_id = regie_professional_line_get_organisation_id (line);
      RegieOrganisation *organisation = g_hash_table_lookup (by_id, &organisation_id);

      if (organisation != NULL)
        g_list_store_append (organisation->lines, line);
    }

  return g_steal_pointer (&organisations);
}
