/* regie-import-plan.c — what importing a vCard or CSV file into the network would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-csv.h"
#include "regie-audit.h"
#include "regie-import-plan.h"
#include "regie-network-private.h"
#include "regie-theme.h"
#include "regie-validate.h"
#include "regie-vcard.h"

/* A card or row, read into the fields Regie keeps, before it is compared with the store. */
typedef struct
{
  guint       line;
  gboolean    is_contact;
  char       *uid;
  char       *name;
  int         kind;          /* -1: not given */
  GStrv       themes;        /* NULL: not given */
  char       *phone;
  char       *mobile;
  char       *email;
  char       *website;
  char       *street;
  char       *postcode;
  char       *city;
  char       *opening_hours;
  char       *notes;
  char       *checked_at;
  char       *org_uid;
  char       *org_name;
  char       *department;
  char       *title;
  char       *role;
  GPtrArray  *lines;         /* RegieProfessionalLine, organisation_id 0 */
} Record;

typedef struct _Entry Entry;
struct _Entry
{
  RegieImportAction      action;
  guint                  line;
  RegieOrganisation     *organisation;  /* exactly one of these two */
  RegieContact          *contact;
  Entry                 *organisation_entry;   /* a contact's new organisation */
  GPtrArray             *lines;                /* lines to write with an organisation */
  char                  *before;               /* signature as stored */
  char                  *organisation_name;
};

struct _RegieImportPlan
{
  GObject      parent_instance;

  RegieStore  *store;
  GPtrArray   *entries;     /* Entry */
  GArray      *items;       /* RegieImportItem, pointing into entries */
  GPtrArray   *problems;    /* RegieParseProblem */
  char        *today;

  /* Snapshot of the store and what the plan adds, for matching. */
  GHashTable  *organisations_by_uid;   /* uid → Entry */
  GHashTable  *organisations_by_name;  /* folded name → Entry */
  GHashTable  *contacts_by_uid;
  GHashTable  *contacts_by_key;        /* "org id or entry ptr|folded name" → Entry */
  guint        n_skipped;
  gboolean     applied;
};

G_DEFINE_FINAL_TYPE (RegieImportPlan, regie_import_plan, G_TYPE_OBJECT)

/* Dutch names of the themes as sociale kaarten write them, folded. */
static const struct {
  const char *word;
  const char *theme;
} theme_words[] = {
  { "toeslag", "toeslagen" }, { "belasting", "belastingen" }, { "belastingdienst", "belastingen" },
  { "uwv-uitkering", "uwv" }, { "uitkering", "uwv" }, { "participatiewet", "bijstand" },
  { "aow", "svb" }, { "kinderbijslag", "svb" }, { "studiefinanciering", "duo" },
  { "cak", "zorgverzekering" }, { "zorgverzekering/cak", "zorgverzekering" },
  { "boetes", "cjib" }, { "cjib-boetes", "cjib" }, { "schuld", "schulden" },
  { "schuldhulp", "schulden" }, { "wonen", "huisvesting" }, { "werk", "werk_en_inkomen" },
  { "werk en inkomen", "werk_en_inkomen" }, { "inkomen", "werk_en_inkomen" },
  { "recht", "juridisch" }, { "rechtshulp", "juridisch" }, { "immigratie", "ind" },
};

static void
record_free (Record *record)
{
  char **texts[] = { &record->uid, &record->name, &record->phone, &record->mobile,
                     &record->email, &record->website, &record->street, &record->postcode,
                     &record->city, &record->opening_hours, &record->notes, &record->checked_at,
                     &record->org_uid, &record->org_name, &record->department, &record->title,
                     &record->role };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (*texts[i]);
  g_strfreev (record->themes);
  g_clear_pointer (&record->lines, g_ptr_array_unref);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

static Record *
record_new (guint line)
{
  Record *record = g_new0 (Record, 1);

  record->line = line;
  record->kind = -1;
  record->lines = g_ptr_array_new_with_free_func (g_object_unref);
  return record;
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->organisation);
  g_clear_object (&entry->contact);
  g_clear_pointer (&entry->lines, g_ptr_array_unref);
  g_free (entry->before);
  g_free (entry->organisation_name);
  g_free (entry);
}

static const char *
theme_from_text (const char *text)
{
  g_autofree char *folded = _regie_network_fold (text);
  const char * const *ids = regie_theme_get_ids ();

  if (*folded == '\0')
    return NULL;

  for (guint i = 0; ids[i]; i++)
    {
      g_autofree char *label = _regie_network_fold (regie_theme_get_label (ids[i]));
      g_autofree char *spaced = g_strdelimit (g_strdup (ids[i]), "_", ' ');

      if (strcmp (folded, ids[i]) == 0 || strcmp (folded, label) == 0 || strcmp (folded, spaced) == 0)
        return ids[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (theme_words); i++)
    if (strcmp (folded, theme_words[i].word) == 0)
      return theme_words[i].theme;

  return NULL;
}

/* Unknown categories are left out: themes are a fixed list. */
static GStrv
themes_from_list (char **words)
{
  GPtrArray *themes = g_ptr_array_new ();

  for (guint i = 0; words != NULL && words[i]; i++)
    {
      const char *theme = theme_from_text (words[i]);

      if (theme != NULL)
        g_ptr_array_add (themes, g_strdup (theme));
    }
  g_ptr_array_add (themes, NULL);

  return (GStrv) g_ptr_array_free (themes, FALSE);
}

static char *
checked_from_text (const char *text)
{
  g_autofree char *date = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  if (regie_iso_date_is_valid (text))
    return g_strdup (text);
  if (regie_validate_date (text, &date, NULL))
    return g_steal_pointer (&date);
  return NULL;
}

/* vCard */

static const char *
text_of (const RegieVCard *card,
         const char       *name)
{
  const RegieVCardProperty *property = regie_vcard_get (card, name);

  return property != NULL ? property->text : NULL;
}

static char *
join_nonempty (char       **parts,
               guint        from,
               const char  *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; parts != NULL && i < g_strv_length (parts); i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

static char *
component (const RegieVCardProperty *property,
           guint                     index)
{
  if (property == NULL || g_strv_length (property->components) <= index)
    return g_strdup ("");
  return g_strstrip (g_strdup (property->components[index]));
}

static gboolean
is_organisation_card (const RegieVCard *card)
{
  const char *kind = text_of (card, "KIND");
  const char *show_as = text_of (card, "X-ABSHOWAS");
  const RegieVCardProperty *org = regie_vcard_get (card, "ORG");
  const RegieVCardProperty *n = regie_vcard_get (card, "N");
  g_autofree char *org_name = NULL;
  g_autofree char *n_text = NULL;

  if (kind != NULL)
    return g_ascii_strcasecmp (kind, "org") == 0 || g_ascii_strcasecmp (kind, "organization") == 0;
  if (show_as != NULL && g_ascii_strcasecmp (show_as, "company") == 0)
    return TRUE;
  if (regie_vcard_get (card, "X-REGIE-KIND") != NULL)
    return TRUE;

  /* Older address books: a card with an ORG and a name that is that ORG. */
  org_name = component (org, 0);
  n_text = n != NULL ? join_nonempty (n->components, 0, "") : g_strdup ("");
  return *org_name != '\0' && *n_text == '\0' &&
         (text_of (card, "FN") == NULL || g_strcmp0 (g_strstrip (g_strdup (text_of (card, "FN"))), org_name) == 0 ||
          strcmp (text_of (card, "FN"), org_name) == 0);
}

static gboolean
line_from_component_list (char               **parts,
                          RegieProfessionalLine **out)
{
  g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
  g_autofree char *checked = NULL;
  guint n = g_strv_length (parts);

  if (n == 0 || *g_strstrip (parts[0]) == '\0')
    return FALSE;

  regie_professional_line_set_label (line, parts[0]);
  if (n > 1)
    regie_professional_line_set_phone (line, parts[1]);
  if (n > 2 && !regie_professional_line_set_availability (line, parts[2], NULL))
    return FALSE;
  if (n > 3)
    regie_professional_line_set_audience (line, parts[3]);
  if (n > 4)
    regie_professional_line_set_notes (line, parts[4]);
  if (n > 5)
    regie_professional_line_set_open_on_holidays (line, g_strstrip (parts[5])[0] == '1');
  if (n > 6 && (checked = checked_from_text (g_strstrip (parts[6]))) != NULL)
    regie_professional_line_set_checked_at (line, checked);

  *out = g_steal_pointer (&line);
  return TRUE;
}

static Record *
record_from_card (const RegieVCard  *card,
                  GPtrArray         *problems)
{
  g_autoptr(Record) record = record_new (card->line);
  const RegieVCardProperty *org = regie_vcard_get (card, "ORG");
  const RegieVCardProperty *adr = regie_vcard_get (card, "ADR");
  const char *fn = text_of (card, "FN");

  record->is_contact = !is_organisation_card (card);
  record->uid = g_strdup (text_of (card, "UID"));
  record->name = g_strstrip (g_strdup (fn ? fn : ""));

  if (*record->name == '\0')
    {
      const RegieVCardProperty *n = regie_vcard_get (card, "N");

      g_free (record->name);
      if (record->is_contact && n != NULL)
        {
          /* N is family;given;additional;prefix;suffix; a name reads prefix given additional family. */
          char *order[] = { NULL, NULL, NULL, NULL, NULL };
          guint len = g_strv_length (n->components);

          order[0] = len > 3 ? n->components[3] : NULL;
          order[1] = len > 1 ? n->components[1] : NULL;
          order[2] = len > 2 ? n->components[2] : NULL;
          order[3] = len > 0 ? n->components[0] : NULL;
          {
            GPtrArray *parts = g_ptr_array_new ();

            for (guint i = 0; i < 4; i++)
              if (order[i] != NULL)
                g_ptr_array_add (parts, order[i]);
            g_ptr_array_add (parts, NULL);
            record->name = join_nonempty ((char **) parts->pdata, 0, " ");
            g_ptr_array_free (parts, TRUE);
          }
        }
      else
        record->name = org != NULL ? join_nonempty (org->components, 0, ", ") : g_strdup ("");
    }

  if (*record->name == '\0')
    {
      regie_parse_problem_add (problems, card->line, _("The card has no name (FN, N or ORG)"));
      return NULL;
    }

  for (guint i = 0; i < card->properties->len; i++)
    {
      const RegieVCardProperty *property = card->properties->pdata[i];
      const char *name = property->name;

      if (strcmp (name, "TEL") == 0)
        {
          g_autofree char *number = g_strstrip (g_strdup (property->text));

          if (g_str_has_prefix (number, "tel:"))
            memmove (number, number + 4, strlen (number + 4) + 1);
          if (regie_vcard_property_has_type (property, "fax"))
            continue;
          if (record->is_contact && regie_vcard_property_has_type (property, "cell") && record->mobile == NULL)
            record->mobile = g_steal_pointer (&number);
          else if (record->phone == NULL)
            record->phone = g_steal_pointer (&number);
          else if (record->is_contact && record->mobile == NULL)
            record->mobile = g_steal_pointer (&number);
        }
      else if (strcmp (name, "EMAIL") == 0 && record->email == NULL)
        record->email = g_strstrip (g_strdup (property->text));
      else if (strcmp (name, "URL") == 0 && record->website == NULL)
        record->website = g_strstrip (g_strdup (property->text));
      else if (strcmp (name, "CATEGORIES") == 0)
        {
          g_auto(GStrv) themes = themes_from_list (property->list);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          if (record->themes != NULL)
            g_strv_builder_addv (builder, (const char **) record->themes);
          g_strv_builder_addv (builder, (const char **) themes);
          g_strfreev (record->themes);
          record->themes = g_strv_builder_end (builder);
        }
      else if (strcmp (name, "X-REGIE-LINE") == 0)
        {
          RegieProfessionalLine *line = NULL;

          if (!line_from_component_list (property->components, &line))
            {
              regie_parse_problem_add (problems, card->line,
                                       _("A professional line of the card has no name or unreadable hours"));
              return NULL;
            }
          g_ptr_array_add (record->lines, line);
        }
    }

  if (text_of (card, "NOTE") != NULL)
    record->notes = g_strdup (text_of (card, "NOTE"));
  if (text_of (card, "X-REGIE-OPENING-HOURS") != NULL)
    record->opening_hours = g_strdup (text_of (card, "X-REGIE-OPENING-HOURS"));
  record->checked_at = checked_from_text (text_of (card, "X-REGIE-CHECKED"));
  if (text_of (card, "X-REGIE-KIND") != NULL)
    {
      RegieOrganisationKind kind;

      if (regie_organisation_kind_from_text (text_of (card, "X-REGIE-KIND"), &kind))
        record->kind = kind;
    }
  if (adr != NULL)
    {
      g_autofree char *extended = component (adr, 1);
      g_autofree char *street = component (adr, 2);

      record->street = *extended ? g_strdup_printf ("%s %s", street, extended) : g_strdup (street);
      record->city = component (adr, 3);
      record->postcode = component (adr, 5);
    }

  if (record->is_contact)
    {
      record->org_uid = g_strdup (text_of (card, "X-REGIE-ORG-UID"));
      record->org_name = component (org, 0);
      record->department = org != NULL ? join_nonempty (org->components, 1, ", ") : NULL;
      record->title = g_strdup (text_of (card, "TITLE"));
      record->role = g_strdup (text_of (card, "ROLE"));
    }

  return g_steal_pointer (&record);
}

/* CSV */

typedef enum
{
  COL_NONE, COL_ORGANISATION, COL_NAME, COL_CONTACT, COL_KIND, COL_THEMES, COL_PHONE,
  COL_EMAIL, COL_WEBSITE, COL_STREET, COL_POSTCODE, COL_CITY, COL_OPENING_HOURS, COL_NOTES,
  COL_UID, COL_ROLE, COL_CONTACT_PHONE, COL_CONTACT_EMAIL, COL_MOBILE, COL_LINE_PHONE,
  COL_LINE_LABEL, COL_AVAILABILITY, COL_AUDIENCE, COL_CHECKED,
} Column;

static const struct {
  const char *header;   /* folded */
  Column      column;
} headers[] = {
  { "organisatie", COL_ORGANISATION }, { "organisation", COL_ORGANISATION },
  { "organization", COL_ORGANISATION }, { "instantie", COL_ORGANISATION },
  { "naam organisatie", COL_ORGANISATION }, { "organisatienaam", COL_ORGANISATION },
  { "naam", COL_NAME }, { "name", COL_NAME },
  { "contactpersoon", COL_CONTACT }, { "contact", COL_CONTACT }, { "contact person", COL_CONTACT },
  { "soort", COL_KIND }, { "type", COL_KIND }, { "kind", COL_KIND }, { "categorie", COL_KIND },
  { "thema", COL_THEMES }, { "themas", COL_THEMES }, { "thema's", COL_THEMES },
  { "themes", COL_THEMES }, { "theme", COL_THEMES }, { "categories", COL_THEMES },
  { "telefoon", COL_PHONE }, { "telefoonnummer", COL_PHONE }, { "phone", COL_PHONE },
  { "tel", COL_PHONE }, { "telephone", COL_PHONE },
  { "e-mail", COL_EMAIL }, { "email", COL_EMAIL }, { "mail", COL_EMAIL }, { "e-mailadres", COL_EMAIL },
  { "website", COL_WEBSITE }, { "url", COL_WEBSITE }, { "internet", COL_WEBSITE }, { "web", COL_WEBSITE },
  { "adres", COL_STREET }, { "address", COL_STREET }, { "straat", COL_STREET }, { "street", COL_STREET },
  { "bezoekadres", COL_STREET },
  { "postcode", COL_POSTCODE }, { "postal code", COL_POSTCODE }, { "zip", COL_POSTCODE },
  { "plaats", COL_CITY }, { "woonplaats", COL_CITY }, { "city", COL_CITY }, { "town", COL_CITY },
  { "openingstijden", COL_OPENING_HOURS }, { "opening hours", COL_OPENING_HOURS },
  { "notities", COL_NOTES }, { "opmerkingen", COL_NOTES }, { "toelichting", COL_NOTES },
  { "notes", COL_NOTES }, { "note", COL_NOTES },
  { "uid", COL_UID }, { "id", COL_UID },
  { "functie", COL_ROLE }, { "rol", COL_ROLE }, { "role", COL_ROLE }, { "title", COL_ROLE },
  { "telefoon contactpersoon", COL_CONTACT_PHONE }, { "contact phone", COL_CONTACT_PHONE },
  { "e-mail contactpersoon", COL_CONTACT_EMAIL }, { "contact email", COL_CONTACT_EMAIL },
  { "mobiel", COL_MOBILE }, { "mobile", COL_MOBILE },
  { "professionallijn", COL_LINE_PHONE }, { "professional line", COL_LINE_PHONE },
  { "telefoon professionallijn", COL_LINE_PHONE },
  { "naam professionallijn", COL_LINE_LABEL }, { "line name", COL_LINE_LABEL },
  { "bereikbaarheid", COL_AVAILABILITY }, { "bereikbaar", COL_AVAILABILITY },
  { "availability", COL_AVAILABILITY },
  { "voor wie", COL_AUDIENCE }, { "wie mag bellen", COL_AUDIENCE }, { "audience", COL_AUDIENCE },
  { "laatst gecontroleerd", COL_CHECKED }, { "gecontroleerd", COL_CHECKED }, { "checked", COL_CHECKED },
};

static Column
column_from_header (const char *header)
{
  g_autofree char *folded = _regie_network_fold (header);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (strcmp (folded, headers[i].header) == 0)
      return headers[i].column;
  return COL_NONE;
}

static const char *
field (GStrv        fields,
       const int   *index,
       Column       column)
{
  if (index[column] < 0 || (guint) index[column] >= g_strv_length (fields))
    return NULL;
  return *fields[index[column]] ? fields[index[column]] : NULL;
}

static gboolean
records_from_row (const RegieCsvRow *row,
                  const int         *index,
                  GPtrArray         *records,
                  GPtrArray         *problems)
{
  g_autoptr(Record) org = record_new (row->line);
  const char *kind_text = field (row->fields, index, COL_KIND);
  const char *themes_text = field (row->fields, index, COL_THEMES);
  const char *contact = field (row->fields, index, COL_CONTACT);
  const char *line_phone = field (row->fields, index, COL_LINE_PHONE);
  const char *availability = field (row->fields, index, COL_AVAILABILITY);

  org->name = g_strdup (field (row->fields, index, COL_ORGANISATION));
  if (org->name == NULL)
    org->name = g_strdup (field (row->fields, index, COL_NAME));
  else if (contact == NULL)
    contact = field (row->fields, index, COL_NAME);
  if (org->name == NULL || *g_strstrip (org->name) == '\0')
    {
      regie_parse_problem_add (problems, row->line, _("The row has no organisation name"));
      return FALSE;
    }

  if (kind_text != NULL)
    {
      RegieOrganisationKind kind;

      if (!regie_organisation_kind_from_text (kind_text, &kind))
        {
          regie_parse_problem_add (problems, row->line, _("The kind of organisation is not one Regie knows"));
          return FALSE;
        }
      org->kind = kind;
    }
  if (themes_text != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (themes_text, ",;/|\n", -1);

      org->themes = themes_from_list (words);
    }
  org->uid = g_strdup (contact == NULL ? field (row->fields, index, COL_UID) : NULL);
  org->phone = g_strdup (field (row->fields, index, COL_PHONE));
  org->email = g_strdup (field (row->fields, index, COL_EMAIL));
  org->website = g_strdup (field (row->fields, index, COL_WEBSITE));
  org->street = g_strdup (field (row->fields, index, COL_STREET));
  org->postcode = g_strdup (field (row->fields, index, COL_POSTCODE));
  org->city = g_strdup (field (row->fields, index, COL_CITY));
  org->opening_hours = g_strdup (field (row->fields, index, COL_OPENING_HOURS));
  org->notes = g_strdup (contact == NULL ? field (row->fields, index, COL_NOTES) : NULL);
  org->checked_at = checked_from_text (field (row->fields, index, COL_CHECKED));

  if (line_phone != NULL || availability != NULL)
    {
      g_autoptr(RegieProfessionalLine) line = regie_professional_line_new ();
      const char *label = field (row->fields, index, COL_LINE_LABEL);

      regie_professional_line_set_label (line, label ? label : _("Professional line"));
      regie_professional_line_set_phone (line, line_phone);
      regie_professional_line_set_audience (line, field (row->fields, index, COL_AUDIENCE));
      if (availability != NULL && !regie_professional_line_set_availability (line, availability, NULL))
        {
          regie_parse_problem_add (problems, row->line, _("The availability of the professional line cannot be read"));
          return FALSE;
        }
      g_ptr_array_add (org->lines, g_steal_pointer (&line));
    }

  if (contact != NULL)
    {
      Record *person = record_new (row->line);

      person->is_contact = TRUE;
      person->name = g_strstrip (g_strdup (contact));
      person->org_name = g_strdup (org->name);
      person->uid = g_strdup (field (row->fields, index, COL_UID));
      person->role = g_strdup (field (row->fields, index, COL_ROLE));
      person->phone = g_strdup (field (row->fields, index, COL_CONTACT_PHONE));
      person->email = g_strdup (field (row->fields, index, COL_CONTACT_EMAIL));
      person->mobile = g_strdup (field (row->fields, index, COL_MOBILE));
      person->notes = g_strdup (field (row->fields, index, COL_NOTES));
      person->checked_at = g_strdup (org->checked_at);
      g_ptr_array_add (records, g_steal_pointer (&org));
      g_ptr_array_add (records, person);
      return TRUE;
    }

  g_ptr_array_add (records, g_steal_pointer (&org));
  return TRUE;
}

static GPtrArray *
records_from_csv (const char  *data,
                  gsize        length,
                  GPtrArray   *problems,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) row_problems = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  int index[COL_CHECKED + 1];
  RegieCsvRow *header;

  if (!regie_csv_parse (data, length, NULL, &rows, &row_problems, error))
    return NULL;
  for (guint i = 0; i < row_problems->len; i++)
    {
      RegieParseProblem *problem = row_problems->pdata[i];

      regie_parse_problem_add (problems, problem->line, problem->message);
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file holds no rows"));
      return NULL;
    }

  header = rows->pdata[0];
  for (guint c = 0; c < G_N_ELEMENTS (index); c++)
    index[c] = -1;
  for (guint i = 0; header->fields[i]; i++)
    {
      Column column = column_from_header (header->fields[i]);

      if (column != COL_NONE && index[column] < 0)
        index[column] = (int) i;
    }
  if (index[COL_ORGANISATION] < 0 && index[COL_NAME] < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The first row names no column “Organisatie” or “Naam”; "
                             "Regie needs one to know which organisation a row is about"));
      return NULL;
    }

  for (guint r = 1; r < rows->len; r++)
    records_from_row (rows->pdata[r], index, records, problems);

  return g_steal_pointer (&records);
}

/* Planning */

static char *
organisation_signature (RegieOrganisation *organisation,
                        GPtrArray         *lines)
{
  GString *out = g_string_new (NULL);
  g_autofree char *themes = g_strjoinv (",", (char **) regie_organisation_get_themes (organisation));

  g_string_append_printf (out, "%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          regie_organisation_get_uid (organisation),
                          regie_organisation_get_name (organisation),
                          regie_organisation_get_kind (organisation), themes,
                          regie_organisation_get_phone (organisation),
                          regie_organisation_get_email (organisation),
                          regie_organisation_get_website (organisation),
                          regie_organisation_get_street (organisation),
                          regie_organisation_get_postcode (organisation),
                          regie_organisation_get_city (organisation),
                          regie_organisation_get_opening_hours (organisation),
                          regie_organisation_get_notes (organisation),
                          regie_organisation_get_checked_at (organisation) ?: "");
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      RegieProfessionalLine *line = lines->pdata[i];
      g_autofree char *availability = regie_professional_line_format_availability (line, FALSE);

      g_string_append_printf (out, "\x1e%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s",
                              regie_professional_line_get_id (line),
                              regie_professional_line_get_label (line),
                              regie_professional_line_get_phone (line), availability,
                              regie_professional_line_get_audience (line),
                              regie_professional_line_get_notes (line),
                              regie_professional_line_get_open_on_holidays (line),
                              regie_professional_line_get_checked_at (line) ?: "");
    }

  return g_string_free (out, FALSE);
}

static char *
contact_signature (RegieContact *contact)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          regie_contact_get_uid (contact), regie_contact_get_organisation_id (contact),
                          regie_contact_get_name (contact), regie_contact_get_department (contact),
                          regie_contact_get_title (contact), regie_contact_get_role (contact),
                          regie_contact_get_phone (contact), regie_contact_get_mobile (contact),
                          regie_contact_get_email (contact), regie_contact_get_notes (contact),
                          regie_contact_get_checked_at (contact) ?: "");
}

static void
add_item (RegieImportPlan *self,
          Entry           *entry)
{
  g_ptr_array_add (self->entries, entry);
}

static char *
contact_key (gconstpointer  organisation,
             const char    *name)
{
  g_autofree char *folded = _regie_network_fold (name);

  return g_strdup_printf ("%p|%s", organisation, folded);
}

static void
index_organisation (RegieImportPlan *self,
                    Entry           *entry)
{
  const char *uid = regie_organisation_get_uid (entry->organisation);

  if (*uid != '\0')
    g_hash_table_insert (self->organisations_by_uid, g_strdup (uid), entry);
  g_hash_table_insert (self->organisations_by_name,
                       _regie_network_fold (regie_organisation_get_name (entry->organisation)), entry);
}

static void
index_contact (RegieImportPlan *self,
               Entry           *entry)
{
  const char *uid = regie_contact_get_uid (entry->contact);

  if (*uid != '\0')
    g_hash_table_insert (self->contacts_by_uid, g_strdup (uid), entry);
  g_hash_table_insert (self->contacts_by_key,
                       contact_key (entry->organisation_entry, regie_contact_get_name (entry->contact)),
                       entry);
}

#define APPLY(setter, object, value) G_STMT_START { if ((value) != NULL && *(value) != '\0') setter (object, value); } G_STMT_END

static void
merge_line (Entry                 *entry,
            RegieProfessionalLine *incoming)
{
  g_autofree char *label = _regie_network_fold (regie_professional_line_get_label (incoming));
  RegieProfessionalLine *target = NULL;
  const RegieSlot *slots;
  guint n_slots;

  for (guint i = 0; i < entry->lines->len; i++)
    {
      g_autofree char *other = _regie_network_fold (regie_professional_line_get_label (entry->lines->pdata[i]));

      if (strcmp (label, other) == 0)
        target = entry->lines->pdata[i];
    }
  if (target == NULL)
    {
      g_ptr_array_add (entry->lines, g_object_ref (incoming));
      return;
    }

  APPLY (regie_professional_line_set_phone, target, regie_professional_line_get_phone (incoming));
  APPLY (regie_professional_line_set_audience, target, regie_professional_line_get_audience (incoming));
  APPLY (regie_professional_line_set_notes, target, regie_professional_line_get_notes (incoming));
  slots = regie_professional_line_get_slots (incoming, &n_slots);
  if (n_slots > 0)
    regie_professional_line_set_slots (target, slots, n_slots);
  if (regie_professional_line_get_open_on_holidays (incoming))
    regie_professional_line_set_open_on_holidays (target, TRUE);
  if (regie_professional_line_get_checked_at (incoming) != NULL)
    regie_professional_line_set_checked_at (target, regie_professional_line_get_checked_at (incoming));
}

static Entry *
plan_organisation (RegieImportPlan *self,
                   Record          *record)
{
  g_autofree char *folded = _regie_network_fold (record->name);
  Entry *entry = NULL;

  if (record->uid != NULL && *record->uid != '\0')
    entry = g_hash_table_lookup (self->organisations_by_uid, record->uid);
  if (entry == NULL)
    entry = g_hash_table_lookup (self->organisations_by_name, folded);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->action = REGIE_IMPORT_ACTION_ADD;
      entry->line = record->line;
      entry->organisation = regie_organisation_new ();
      entry->lines = g_ptr_array_new_with_free_func (g_object_unref);
      regie_organisation_set_name (entry->organisation, record->name);
      if (record->uid != NULL)
        regie_organisation_set_uid (entry->organisation, record->uid);
      add_item (self, entry);
    }
  else if (entry->line == 0)
    entry->line = record->line;

  if (record->uid != NULL && *record->uid != '\0')
    regie_organisation_set_uid (entry->organisation, record->uid);
  APPLY (regie_organisation_set_name, entry->organisation, record->name);
  if (record->kind >= 0)
    regie_organisation_set_kind (entry->organisation, record->kind);
  if (record->themes != NULL && record->themes[0] != NULL)
    regie_organisation_set_themes (entry->organisation, (const char * const *) record->themes);
  APPLY (regie_organisation_set_phone, entry->organisation, record->phone);
  APPLY (regie_organisation_set_email, entry->organisation, record->email);
  APPLY (regie_organisation_set_website, entry->organisation, record->website);
  APPLY (regie_organisation_set_street, entry->organisation, record->street);
  APPLY (regie_organisation_set_postcode, entry->organisation, record->postcode);
  APPLY (regie_organisation_set_city, entry->organisation, record->city);
  APPLY (regie_organisation_set_opening_hours, entry->organisation, record->opening_hours);
  APPLY (regie_organisation_set_notes, entry->organisation, record->notes);
  for (guint i = 0; i < record->lines->len; i++)
    merge_line (entry, record->lines->pdata[i]);

  if (record->checked_at != NULL)
    regie_organisation_set_checked_at (entry->organisation, record->checked_at);

  index_organisation (self, entry);
  return entry;
}

static Entry *
find_or_plan_organisation_by_name (RegieImportPlan *self,
                                   const char      *org_uid,
                                   const char      *name,
                                   guint            line)
{
  g_autofree char *folded = _regie_network_fold (name);
  Entry *entry = NULL;

  if (org_uid != NULL && *org_uid != '\0')
    entry = g_hash_table_lookup (self->organisations_by_uid, org_uid);
  if (entry == NULL && *folded != '\0')
    entry = g_hash_table_lookup (self->organisations_by_name, folded);
  if (entry == NULL && *folded != '\0')
    {
      g_autoptr(Record) record = record_new (line);

      record->name = g_strdup (name);
      entry = plan_organisation (self, record);
    }

  return entry;
}

static void
plan_contact (RegieImportPlan *self,
              Record          *record)
{
  Entry *organisation = find_or_plan_organisation_by_name (self, record->org_uid, record->org_name, record->line);
  g_autofree char *key = contact_key (organisation, record->name);
  Entry *entry = NULL;

  if (record->uid != NULL && *record->uid != '\0')
    entry = g_hash_table_lookup (self->contacts_by_uid, record->uid);
  if (entry == NULL)
    entry = g_hash_table_lookup (self->contacts_by_key, key);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->action = REGIE_IMPORT_ACTION_ADD;
      entry->line = record->line;
      entry->contact = regie_contact_new ();
      add_item (self, entry);
    }
  else if (entry->line == 0)
    entry->line = record->line;

  entry->organisation_entry = organisation;
  if (organisation != NULL)
    {
      regie_contact_set_organisation_id (entry->contact, regie_organisation_get_id (organisation->organisation));
      g_free (entry->organisation_name);
      entry->organisation_name = g_strdup (regie_organisation_get_name (organisation->organisation));
    }
  if (record->uid != NULL && *record->uid != '\0')
    regie_contact_set_uid (entry->contact, record->uid);
  APPLY (regie_contact_set_name, entry->contact, record->name);
  APPLY (regie_contact_set_department, entry->contact, record->department);
  APPLY (regie_contact_set_title, entry->contact, record->title);
  APPLY (regie_contact_set_role, entry->contact, record->role);
  APPLY (regie_contact_set_phone, entry->contact, record->phone);
  APPLY (regie_contact_set_mobile, entry->contact, record->mobile);
  APPLY (regie_contact_set_email, entry->contact, record->email);
  APPLY (regie_contact_set_notes, entry->contact, record->notes);
  if (record->checked_at != NULL)
    regie_contact_set_checked_at (entry->contact, record->checked_at);

  index_contact (self, entry);
}

static gboolean
load_snapshot (RegieImportPlan  *self,
               GError          **error)
{
  g_autoptr(GListStore) organisations = _regie_organisation_load_all (self->store, error);
  g_autoptr(GListStore) contacts = NULL;

  if (organisations == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (organisations)); i++)
    {
      Entry *entry = g_new0 (Entry, 1);
      GListModel *lines;

      entry->action = REGIE_IMPORT_ACTION_UNCHANGED;
      entry->organisation = g_list_model_get_item (G_LIST_MODEL (organisations), i);
      entry->lines = g_ptr_array_new_with_free_func (g_object_unref);
      lines = regie_organisation_get_lines (entry->organisation);
      for (guint l = 0; l < g_list_model_get_n_items (lines); l++)
        g_ptr_array_add (entry->lines, g_list_model_get_item (lines, l));
      entry->before = organisation_signature (entry->organisation, entry->lines);
      add_item (self, entry);
      index_organisation (self, entry);
    }

  contacts = _regie_contact_load_all (self->store, error);
  if (contacts == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contacts)); i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->action = REGIE_IMPORT_ACTION_UNCHANGED;
      entry->contact = g_list_model_get_item (G_LIST_MODEL (contacts), i);
      for (guint e = 0; e < self->entries->len; e++)
        {
          Entry *other = self->entries->pdata[e];

          if (other->organisation != NULL &&
              regie_organisation_get_id (other->organisation) == regie_contact_get_organisation_id (entry->contact))
            entry->organisation_entry = other;
        }
      entry->organisation_name = g_strdup (regie_contact_get_organisation_name (entry->contact));
      entry->before = contact_signature (entry->contact);
      add_item (self, entry);
      index_contact (self, entry);
    }

  return TRUE;
}

static void
finish (RegieImportPlan *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];
      RegieImportItem item = { 0 };
      g_autofree char *after = NULL;

      if (entry->action == REGIE_IMPORT_ACTION_ADD)
        {
          if (entry->organisation != NULL && regie_organisation_get_checked_at (entry->organisation) == NULL)
            regie_organisation_set_checked_at (entry->organisation, self->today);
          if (entry->contact != NULL && regie_contact_get_checked_at (entry->contact) == NULL)
            regie_contact_set_checked_at (entry->contact, self->today);
        }
      else
        {
          after = entry->organisation != NULL ? organisation_signature (entry->organisation, entry->lines)
                                              : contact_signature (entry->contact);
          if (entry->line == 0)
            continue;   /* in the store, not in the file */
          entry->action = strcmp (after, entry->before) == 0 ? REGIE_IMPORT_ACTION_UNCHANGED
                                                             : REGIE_IMPORT_ACTION_UPDATE;
        }

      if (entry->contact != NULL && entry->organisation_entry != NULL)
        {
          g_free (entry->organisation_name);
          entry->organisation_name = g_strdup (regie_organisation_get_name (entry->organisation_entry->organisation));
        }

      item.action = entry->action;
      item.is_contact = entry->contact != NULL;
      item.name = entry->contact != NULL ? regie_contact_get_name (entry->contact)
                                         : regie_organisation_get_name (entry->organisation);
      item.organisation_name = entry->organisation_name ? entry->organisation_name : "";
      item.line = entry->line;
      g_array_append_val (self->items, item);
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const RegieParseProblem *x = *(RegieParseProblem **) a;
  const RegieParseProblem *y = *(RegieParseProblem **) b;

  return (x->line > y->line) - (x->line < y->line);
}

static gboolean
looks_like_vcard (const char *data,
                  gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return length - i >= 11 && g_ascii_strncasecmp (data + i, "BEGIN:VCARD", 11) == 0;
}

static void
regie_import_plan_finalize (GObject *object)
{
  RegieImportPlan *self = REGIE_IMPORT_PLAN (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->organisations_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->organisations_by_name, g_hash_table_unref);
  g_clear_pointer (&self->contacts_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->contacts_by_key, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (regie_import_plan_parent_class)->finalize (object);
}

static void
regie_import_plan_class_init (RegieImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = regie_import_plan_finalize;
}

static void
regie_import_plan_init (RegieImportPlan *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->items = g_array_new (FALSE, FALSE, sizeof (RegieImportItem));
  self->organisations_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->organisations_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contacts_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contacts_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->today = regie_today ();
}

RegieImportPlan *
regie_import_plan_new (RegieStore         *store,
                       const char         *data,
                       gsize               length,
                       RegieImportFormat   format,
                       GError            **error)
{
  g_autoptr(RegieImportPlan) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) regie_parse_problem_free);

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (format == REGIE_IMPORT_FORMAT_AUTO)
    format = looks_like_vcard (data, length) ? REGIE_IMPORT_FORMAT_VCARD : REGIE_IMPORT_FORMAT_CSV;

  if (format == REGIE_IMPORT_FORMAT_VCARD)
    {
      g_autoptr(GPtrArray) cards = NULL;
      g_autoptr(GPtrArray) card_problems = NULL;

      if (!regie_vcard_parse (data, length, &cards, &card_problems, error))
        return NULL;
      for (guint i = 0; i < card_problems->len; i++)
        {
          RegieParseProblem *problem = card_problems->pdata[i];

          regie_parse_problem_add (problems, problem->line, problem->message);
        }

      records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
      for (guint i = 0; i < cards->len; i++)
        {
          Record *record = record_from_card (cards->pdata[i], problems);

          if (record != NULL)
            g_ptr_array_add (records, record);
        }
    }
  else
    {
      records = records_from_csv (data, length, problems, error);
      if (records == NULL)
        return NULL;
    }

  self = g_object_new (REGIE_TYPE_IMPORT_PLAN, NULL);
  self->store = g_object_ref (store);
  if (!load_snapshot (self, error))
    return NULL;

  /* Organisations first, so that contacts find them whatever the order in the file. */
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = records->pdata[i];

      if (!record->is_contact)
        plan_organisation (self, record);
    }
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = records->pdata[i];

      if (record->is_contact)
        plan_contact (self, record);
    }

  g_ptr_array_sort (problems, compare_problems);
  self->problems = g_steal_pointer (&problems);
  self->n_skipped = self->problems->len;
  finish (self);

  return g_steal_pointer (&self);
}

RegieImportPlan *
regie_import_plan_new_for_file (RegieStore  *store,
                                GFile       *file,
                                GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  RegieImportFormat format = REGIE_IMPORT_FORMAT_AUTO;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > REGIE_IMPORT_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file is too big to import (more than %d MB)"), REGIE_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  basename = g_file_get_basename (file);
  if (basename != NULL && (g_str_has_suffix (basename, ".csv") || g_str_has_suffix (basename, ".CSV") ||
                           g_str_has_suffix (basename, ".txt")))
    format = REGIE_IMPORT_FORMAT_CSV;
  else if (basename != NULL && (g_str_has_suffix (basename, ".vcf") || g_str_has_suffix (basename, ".VCF") ||
                                g_str_has_suffix (basename, ".vcard")))
    format = REGIE_IMPORT_FORMAT_VCARD;

  return regie_import_plan_new (store, contents, length, format, error);
}

typedef struct
{
  RegieStore *worker;
  GFile      *file;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *bd = data;

  g_clear_object (&bd->worker);
  g_clear_object (&bd->file);
  g_free (bd);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *bd = task_data;
  g_autoptr(RegieImportPlan) plan = NULL;
  GError *error = NULL;

  plan = regie_import_plan_new_for_file (bd->worker, bd->file, &error);
  /* Done with the second connection: close it here, in the only thread that used it. */
  regie_store_close (bd->worker);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&plan), g_object_unref);
}

void
regie_import_plan_new_for_file_async (RegieStore          *store,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BuildData *bd;

  g_return_if_fail (REGIE_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  /* The source object is the first connection: finish hands the plan over to it. */
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, regie_import_plan_new_for_file_async);
  /* A closed dialog should not wait for a big file to be read to the end. */
  g_task_set_return_on_cancel (task, TRUE);

  bd = g_new0 (BuildData, 1);
  bd->file = g_object_ref (file);
  g_task_set_task_data (task, bd, build_data_free);

  /* Opened here, where the store is used: the thread only ever sees its own connection. */
  bd->worker = regie_store_open_worker_connection (store, &error);
  if (bd->worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, build_thread);
}

RegieImportPlan *
regie_import_plan_new_for_file_finish (GAsyncResult  *result,
                                       GError       **error)
{
  RegieImportPlan *plan;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == regie_import_plan_new_for_file_async, NULL);

  plan = g_task_propagate_pointer (G_TASK (result), error);
  /* Applying is one transaction on the first connection, which the window uses. */
  if (plan != NULL)
    g_set_object (&plan->store, g_task_get_source_object (G_TASK (result)));
  return plan;
}

static guint
count (RegieImportPlan   *self,
       RegieImportAction  action)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, RegieImportItem, i).action == action;
  return n;
}

guint
regie_import_plan_get_n_added (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), 0);
  return count (self, REGIE_IMPORT_ACTION_ADD);
}

guint
regie_import_plan_get_n_updated (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), 0);
  return count (self, REGIE_IMPORT_ACTION_UPDATE);
}

guint
regie_import_plan_get_n_unchanged (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), 0);
  return count (self, REGIE_IMPORT_ACTION_UNCHANGED);
}

guint
regie_import_plan_get_n_skipped (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), 0);
  return self->n_skipped;
}

GPtrArray *
regie_import_plan_get_problems (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), NULL);
  return self->problems;
}

guint
regie_import_plan_get_n_items (RegieImportPlan *self)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), 0);
  return self->items->len;
}

const RegieImportItem *
regie_import_plan_get_item (RegieImportPlan *self,
                            guint            index)
{
  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, RegieImportItem, index);
}

static gboolean
needs_write (Entry *entry)
{
  return entry->line != 0 &&
         (entry->action == REGIE_IMPORT_ACTION_ADD || entry->action == REGIE_IMPORT_ACTION_UPDATE);
}

gboolean
regie_import_plan_apply (RegieImportPlan  *self,
                         const char       *actor,
                         GError          **error)
{
  g_autofree char *now = NULL;
  const char *origin;

  g_return_val_if_fail (REGIE_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  self->applied = TRUE;
  now = _regie_now ();
  if (!regie_store_begin (self->store, error))
    return FALSE;

  /* The rows this writes say they came from an import (issue 8), whoever started it. */
  origin = regie_audit_get_origin ();
  regie_audit_set_origin (REGIE_AUDIT_ORIGIN_IMPORT);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->organisation == NULL || !needs_write (entry))
        continue;

      if (!_regie_organisation_write (self->store, entry->organisation, actor, now, error))
        goto failed;
      for (guint l = 0; l < entry->lines->len; l++)
        {
          RegieProfessionalLine *line = entry->lines->pdata[l];

          regie_professional_line_set_organisation_id (line, regie_organisation_get_id (entry->organisation));
          if (!_regie_professional_line_write (self->store, line, actor, now, error))
            goto failed;
        }
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->contact == NULL || !needs_write (entry))
        continue;
      if (entry->organisation_entry != NULL)
        regie_contact_set_organisation_id (entry->contact,
                                           regie_organisation_get_id (entry->organisation_entry->organisation));
      if (!_regie_contact_write (self->store, entry->contact, actor, now, error))
        goto failed;
    }

  regie_audit_set_origin (origin);
  return regie_store_commit (self->store, error);

failed:
  regie_audit_set_origin (origin);
  regie_store_rollback (self->store);
  return FALSE;
}

/* Export */

static void
append_checked (GString    *out,
                const char *checked_at)
{
  if (checked_at != NULL)
    regie_vcard_append_text (out, "X-REGIE-CHECKED", NULL, checked_at);
}

static void
export_organisation (GString           *out,
                     RegieOrganisation *organisation)
{
  const char * const *themes = regie_organisation_get_themes (organisation);
  const char *adr[] = { "", "", regie_organisation_get_street (organisation),
                        regie_organisation_get_city (organisation), "",
                        regie_organisation_get_postcode (organisation), "", NULL };
  const char *org[] = { regie_organisation_get_name (organisation), NULL };
  GListModel *lines = regie_organisation_get_lines (organisation);

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n");
  regie_vcard_append_text (out, "UID", NULL, regie_organisation_get_uid (organisation));
  regie_vcard_append_text (out, "FN", NULL, regie_organisation_get_name (organisation));
  regie_vcard_append (out, "ORG", NULL, org, FALSE);
  regie_vcard_append_text (out, "X-REGIE-KIND", NULL,
                           regie_organisation_kind_to_id (regie_organisation_get_kind (organisation)));
  if (themes[0] != NULL)
    regie_vcard_append (out, "CATEGORIES", NULL, themes, TRUE);
  regie_vcard_append_text (out, "TEL", "VALUE=text;TYPE=work,voice", regie_organisation_get_phone (organisation));
  regie_vcard_append_text (out, "EMAIL", "TYPE=work", regie_organisation_get_email (organisation));
  regie_vcard_append_text (out, "URL", NULL, regie_organisation_get_website (organisation));
  regie_vcard_append (out, "ADR", "TYPE=work", adr, FALSE);
  regie_vcard_append_text (out, "X-REGIE-OPENING-HOURS", NULL, regie_organisation_get_opening_hours (organisation));
  regie_vcard_append_text (out, "NOTE", NULL, regie_organisation_get_notes (organisation));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RegieProfessionalLine) line = g_list_model_get_item (lines, i);
      g_autofree char *availability = regie_professional_line_format_availability (line, FALSE);
      const char *parts[] = {
        regie_professional_line_get_label (line), regie_professional_line_get_phone (line),
        availability, regie_professional_line_get_audience (line),
        regie_professional_line_get_notes (line),
        regie_professional_line_get_open_on_holidays (line) ? "1" : "0",
        regie_professional_line_get_checked_at (line) ?: "", NULL
      };

      regie_vcard_append (out, "X-REGIE-LINE", NULL, parts, FALSE);
    }
  append_checked (out, regie_organisation_get_checked_at (organisation));
  g_string_append (out, "END:VCARD\r\n");
}

static void
export_contact (GString      *out,
                RegieContact *contact,
                const char   *organisation_uid)
{
  const char *name = regie_contact_get_name (contact);
  const char *space = strrchr (name, ' ');
  g_autofree char *given = space ? g_strndup (name, space - name) : g_strdup ("");
  const char *n[] = { space ? space + 1 : name, given, "", "", "", NULL };
  const char *org[] = { regie_contact_get_organisation_name (contact), regie_contact_get_department (contact), NULL };

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n");
  regie_vcard_append_text (out, "UID", NULL, regie_contact_get_uid (contact));
  regie_vcard_append_text (out, "FN", NULL, name);
  regie_vcard_append (out, "N", NULL, n, FALSE);
  if (*org[1] == '\0')
    org[1] = NULL;
  regie_vcard_append (out, "ORG", NULL, org, FALSE);
  if (organisation_uid != NULL)
    regie_vcard_append_text (out, "X-REGIE-ORG-UID", NULL, organisation_uid);
  regie_vcard_append_text (out, "TITLE", NULL, regie_contact_get_title (contact));
  regie_vcard_append_text (out, "ROLE", NULL, regie_contact_get_role (contact));
  regie_vcard_append_text (out, "TEL", "VALUE=text;TYPE=work,voice", regie_contact_get_phone (contact));
  regie_vcard_append_text (out, "TEL", "VALUE=text;TYPE=cell", regie_contact_get_mobile (contact));
  regie_vcard_append_text (out, "EMAIL", "TYPE=work", regie_contact_get_email (contact));
  regie_vcard_append_text (out, "NOTE", NULL, regie_contact_get_notes (contact));
  append_checked (out, regie_contact_get_checked_at (contact));
  g_string_append (out, "END:VCARD\r\n");
}

char *
regie_network_export_vcard (RegieStore  *store,
                            GArray      *organisation_ids,
                            GError     **error)
{
  g_autoptr(GListStore) organisations = NULL;
  g_autoptr(GListStore) contacts = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GString *out;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);

  organisations = _regie_organisation_load_all (store, error);
  if (organisations == NULL)
    return NULL;
  contacts = _regie_contact_load_all (store, error);
  if (contacts == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (organisations)); i++)
    {
      g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (organisations), i);
      gint64 id = regie_organisation_get_id (organisation);
      gboolean wanted = organisation_ids == NULL;

      for (guint k = 0; organisation_ids != NULL && k < organisation_ids->len; k++)
        wanted |= g_array_index (organisation_ids, gint64, k) == id;
      if (!wanted)
        continue;

      export_organisation (out, organisation);
      g_hash_table_insert (uids, g_memdup2 (&id, sizeof id), g_strdup (regie_organisation_get_uid (organisation)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contacts)); i++)
    {
      g_autoptr(RegieContact) contact = g_list_model_get_item (G_LIST_MODEL (contacts), i);
      gint64 organisation_id = regie_contact_get_organisation_id (contact);
      const char *uid = g_hash_table_lookup (uids, &organisation_id);

      if (organisation_ids != NULL && uid == NULL)
        continue;
      export_contact (out, contact, uid);
    }

  return g_string_free (out, FALSE);
}

GArray *
regie_network_find_organisations (RegieStore          *store,
                                  const char * const  *names,
                                  GError             **error)
{
  g_autoptr(GListStore) organisations = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (names != NULL, NULL);

  organisations = _regie_organisation_load_all (store, error);
  if (organisations == NULL)
    return NULL;

  for (guint n = 0; names[n]; n++)
    {
      g_autofree char *wanted = _regie_network_fold (names[n]);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (organisations)); i++)
        {
          g_autoptr(RegieOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (organisations), i);
          g_autofree char *name = _regie_network_fold (regie_organisation_get_name (organisation));
          gint64 id = regie_organisation_get_id (organisation);

          if (g_strcmp0 (name, wanted) != 0)
            continue;
          found = TRUE;
          g_array_append_val (ids, id);
        }

      if (!found)
        {
          /* Translators: %s is the name given on the command line */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no organisation called “%s”"), names[n]);
          return NULL;
        }
    }

  return g_steal_pointer (&ids);
}
