/* regie-document.c — the summary for the inwoner, as a printable page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "regie-document.h"
#include "regie-timeline.h"

#define A4_WIDTH   595.276
#define A4_HEIGHT  841.890
#define MARGIN     62.0
#define FONT       "Cantarell, DejaVu Sans, sans"

typedef struct
{
  RegieSummarySection  section;
  char                *text;
  gboolean             included;
} Item;

/* A section of another kind of document (the handover letter), after the summary's own. */
typedef struct
{
  char     *title;
  gboolean  bullets;
} ExtraSection;

/* One laid-out paragraph and where it goes. */
typedef struct
{
  PangoLayout *layout;
  guint        page;
  double       x;
  double       y;
} Block;

struct _RegieDocument
{
  GObject    parent_instance;

  char      *title;
  char      *person_name;
  GDateTime *date;
  GArray    *items;       /* Item */
  GArray    *extra;       /* ExtraSection: sections REGIE_SUMMARY_N_SECTIONS … */

  GArray    *blocks;      /* Block, from the last paginate () */
  guint      n_pages;
};

G_DEFINE_FINAL_TYPE (RegieDocument, regie_document, G_TYPE_OBJECT)

/* Headings in plain language (B1), as the inwoner reads them. */
static const char * const section_titles[] = {
  N_("What you asked"),
  N_("What we did"),
  N_("What we agreed"),
  N_("Your next appointment"),
  N_("Whom you can call"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_titles) == REGIE_SUMMARY_N_SECTIONS);

const char *
regie_summary_section_get_title (RegieSummarySection section)
{
  g_return_val_if_fail (section < REGIE_SUMMARY_N_SECTIONS, NULL);
  return _(section_titles[section]);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
}

static void
extra_section_clear (gpointer data)
{
  ExtraSection *section = data;

  g_free (section->title);
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static void
regie_document_finalize (GObject *object)
{
  RegieDocument *self = (RegieDocument *) object;

  g_free (self->title);
  g_free (self->person_name);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->extra, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (regie_document_parent_class)->finalize (object);
}

static void
regie_document_class_init (RegieDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = regie_document_finalize;
}

static void
regie_document_init (RegieDocument *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->extra = g_array_new (FALSE, TRUE, sizeof (ExtraSection));
  g_array_set_clear_func (self->extra, extra_section_clear);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
}

RegieDocument *
regie_document_new (const char *title,
                    const char *person_name,
                    GDateTime  *date)
{
  RegieDocument *self = g_object_new (REGIE_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title ? title : "");
  self->person_name = g_strdup (person_name ? person_name : "");
  self->date = date ? g_date_time_ref (date) : g_date_time_new_now (regie_event_time_zone ());
  return self;
}

guint
regie_document_add_item (RegieDocument       *self,
                         RegieSummarySection  section,
                         const char          *text)
{
  Item item = { section, g_strstrip (g_strdup (text ? text : "")), TRUE };

  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) section < REGIE_SUMMARY_N_SECTIONS + self->extra->len, 0);

  g_array_append_val (self->items, item);
  return self->items->len - 1;
}

guint
regie_document_add_section (RegieDocument *self,
                            const char    *title,
                            gboolean       bullets)
{
  ExtraSection section = { g_strdup (title ? title : ""), !!bullets };

  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), 0);

  g_array_append_val (self->extra, section);
  return REGIE_SUMMARY_N_SECTIONS + self->extra->len - 1;
}

guint
regie_document_get_n_items (RegieDocument *self)
{
  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), 0);
  return self->items->len;
}

static Item *
get_item (RegieDocument *self,
          guint          index)
{
  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, Item, index);
}

RegieSummarySection
regie_document_get_item_section (RegieDocument *self,
                                 guint          index)
{
  Item *item = get_item (self, index);

  return item ? item->section : REGIE_SUMMARY_ASKED;
}

const char *
regie_document_get_item_text (RegieDocument *self,
                              guint          index)
{
  Item *item = get_item (self, index);

  return item ? item->text : NULL;
}

void
regie_document_set_item_text (RegieDocument *self,
                              guint          index,
                              const char    *text)
{
  Item *item = get_item (self, index);

  if (item == NULL)
    return;
  g_free (item->text);
  item->text = g_strstrip (g_strdup (text ? text : ""));
}

gboolean
regie_document_get_item_included (RegieDocument *self,
                                  guint          index)
{
  Item *item = get_item (self, index);

  return item ? item->included : FALSE;
}

void
regie_document_set_item_included (RegieDocument *self,
                                  guint          index,
                                  gboolean       included)
{
  Item *item = get_item (self, index);

  if (item != NULL)
    item->included = !!included;
}

static char *
format_moment (RegieEvent *event)
{
  return regie_format_when (regie_event_get_when (event), regie_event_get_precision (event));
}

/* "3 maart 2026: Gesprek aan de balie — Toeslag besproken." */
static char *
describe_done (RegieEvent *event)
{
  g_autofree char *when = format_moment (event);
  g_autofree char *title = regie_event_dup_display_title (event);
  const char *text = regie_event_get_text (event);

  if (*text)
    return g_strdup_printf ("%s: %s — %s", when, title, text);
  return g_strdup_printf ("%s: %s", when, title);
}

static void
add_lines (RegieDocument       *self,
           RegieSummarySection  section,
           const char          *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i])
        regie_document_add_item (self, section, lines[i]);
    }
}

RegieDocument *
regie_document_new_summary (RegieStore  *store,
                            RegieCase   *kase,
                            RegieEvent  *contact,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(RegieDocument) self = NULL;
  g_autoptr(RegieTimeline) timeline = NULL;
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GHashTable) callees = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *now_key = NULL;
  g_autofree char *instant = NULL;
  g_autofree char *today = NULL;
  GListModel *tasks;
  guint n;

  g_return_val_if_fail (REGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (REGIE_IS_CASE (kase), NULL);
  g_return_val_if_fail (contact == NULL || REGIE_IS_EVENT (contact), NULL);

  here = now ? g_date_time_to_timezone (now, regie_event_time_zone ())
             : g_date_time_new_now (regie_event_time_zone ());
  today = g_date_time_format (here, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (here);
    g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

    instant = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
    now_key = regie_event_sort_key (instant, REGIE_PRECISION_TIME);
  }

  timeline = regie_timeline_new (store, regie_case_get_id (kase));
  if (!regie_timeline_reload (timeline, error))
    return NULL;

  self = regie_document_new (_("Summary of your visit"),
                             regie_person_get_display_name (regie_case_get_person (kase)), here);

  if (*regie_case_get_question (kase))
    regie_document_add_item (self, REGIE_SUMMARY_ASKED, regie_case_get_question (kase));

  n = g_list_model_get_n_items (G_LIST_MODEL (timeline));

  /* What happened, oldest first, as the inwoner lived it. */
  if (contact != NULL)
    {
      g_autofree char *line = describe_done (contact);
      regie_document_add_item (self, REGIE_SUMMARY_DONE, line);
      add_lines (self, REGIE_SUMMARY_AGREED, regie_event_get_agreed (contact));
    }
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RegieEvent) event = g_list_model_get_item (G_LIST_MODEL (timeline), i - 1);
      RegieEventKind kind = regie_event_get_kind (event);
      gboolean past = g_strcmp0 (regie_event_get_sort_key (event), now_key) <= 0;

      if (*regie_event_get_with_whom (event) &&
          (kind == REGIE_EVENT_PROFESSIONAL_CALL || kind == REGIE_EVENT_REFERRAL))
        g_hash_table_add (callees, (gpointer) regie_event_get_with_whom (event));

      if (kind == REGIE_EVENT_CONTACT && !past)
        {
          g_autofree char *when = format_moment (event);
          const char *with = regie_event_get_with_whom (event);

          if (regie_event_get_channel (event) != REGIE_CHANNEL_NONE)
            {
              g_autofree char *channel = g_utf8_strdown (regie_channel_get_label (regie_event_get_channel (event)), -1);
              g_autofree char *both = g_strdup_printf ("%s (%s)", when, channel);
              g_free (when);
              when = g_steal_pointer (&both);
            }
          if (*with)
            {
              /* TRANSLATORS: the next appointment: when, and with whom */
              g_autofree char *line = g_strdup_printf (_("%s with %s"), when, with);
              regie_document_add_item (self, REGIE_SUMMARY_NEXT, line);
            }
          else
            regie_document_add_item (self, REGIE_SUMMARY_NEXT, when);
          continue;
        }

      if (contact != NULL)
        continue;

      if (kind == REGIE_EVENT_CONTACT || kind == REGIE_EVENT_PROFESSIONAL_CALL ||
          kind == REGIE_EVENT_REFERRAL)
        {
          g_autofree char *line = describe_done (event);
          regie_document_add_item (self, REGIE_SUMMARY_DONE, line);
          add_lines (self, REGIE_SUMMARY_AGREED, regie_event_get_agreed (event));
          if (*regie_event_get_callback (event))
            regie_document_add_item (self, REGIE_SUMMARY_AGREED, regie_event_get_callback (event));
        }
      else if (kind == REGIE_EVENT_LETTER && regie_event_get_deadline (event) != NULL &&
               g_strcmp0 (regie_event_get_deadline (event), today) >= 0)
        {
          g_autofree char *date = regie_format_date (regie_event_get_deadline (event));
          g_autofree char *title = regie_event_dup_display_title (event);
          /* TRANSLATORS: plain language for the inwoner: %s the letter, %s the date */
          g_autofree char *line = g_strdup_printf (_("You: answer the letter “%s” before %s."), title, date);
          regie_document_add_item (self, REGIE_SUMMARY_AGREED, line);
        }
    }

  /* The casemanager's own follow-ups are what "we" do. */
  tasks = regie_case_get_tasks (kase);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RegieTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *line = NULL;

      if (regie_task_get_done (task))
        continue;
      if (regie_task_get_due_date (task) != NULL)
        {
          g_autofree char *date = regie_format_date (regie_task_get_due_date (task));
          /* TRANSLATORS: plain language for the inwoner: what we do, and by when */
          line = g_strdup_printf (_("We: %s (by %s)."), regie_task_get_what (task), date);
        }
      else
        /* TRANSLATORS: plain language for the inwoner: what we do */
        line = g_strdup_printf (_("We: %s."), regie_task_get_what (task));
      regie_document_add_item (self, REGIE_SUMMARY_AGREED, line);
    }

  if (*regie_case_get_casemanager (kase))
    {
      /* TRANSLATORS: plain language for the inwoner; %s is the casemanager's name */
      g_autofree char *line = g_strdup_printf (_("Your contact person at the desk: %s"),
                                               regie_case_get_casemanager (kase));
      regie_document_add_item (self, REGIE_SUMMARY_CALL, line);
    }
  {
    g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (callees, NULL);

    for (guint i = 0; names[i]; i++)
      regie_document_add_item (self, REGIE_SUMMARY_CALL, names[i]);
  }

  return g_steal_pointer (&self);
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             const char   *font,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

guint
regie_document_paginate (RegieDocument *self,
                         double         width,
                         double         height)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  g_autoptr(GObject) context = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  double text_width = width - 2 * MARGIN;
  double bottom = height - MARGIN;
  double y = MARGIN;
  guint page = 0;

  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), 0);

  g_array_set_size (self->blocks, 0);
  font_map = pango_cairo_font_map_new ();
  context = G_OBJECT (pango_font_map_create_context (font_map));
  /* Points: 1 unit is 1/72 inch on paper, the same in PDF and in print. */
  pango_cairo_context_set_resolution (PANGO_CONTEXT (context), 72.0);
  {
    /* Unhinted metrics: the same line breaks on paper, in the PDF and in the scaled preview. */
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (PANGO_CONTEXT (context), options);
    cairo_font_options_destroy (options);
  }

#define PLACE(text, font, indent, space_before, keep_with_next) \
  G_STMT_START { \
    Block block = { make_layout (PANGO_CONTEXT (context), (text), (font), text_width - (indent)), 0, MARGIN + (indent), 0 }; \
    int lh; \
    pango_layout_get_size (block.layout, NULL, &lh); \
    y += (space_before); \
    if (y + lh / (double) PANGO_SCALE + (keep_with_next) > bottom && y > MARGIN + (space_before)) \
      { page++; y = MARGIN; } \
    block.page = page; block.y = y; \
    y += lh / (double) PANGO_SCALE; \
    g_array_append_val (self->blocks, block); \
  } G_STMT_END

  PLACE (self->title, FONT " Bold 20", 0, 0, 0);
  date = g_date_time_format (self->date, "%Y-%m-%d");
  {
    g_autofree char *pretty = regie_format_date (date);
    /* TRANSLATORS: under the summary's title: for whom, and the date */
    subtitle = *self->person_name ? g_strdup_printf (_("For %s, %s"), self->person_name, pretty)
                                  : g_strdup (pretty);
  }
  PLACE (subtitle, FONT " 11", 0, 6, 0);

  for (guint s = 0; s < REGIE_SUMMARY_N_SECTIONS + self->extra->len; s++)
    {
      ExtraSection *extra = s < REGIE_SUMMARY_N_SECTIONS ? NULL
                            : &g_array_index (self->extra, ExtraSection, s - REGIE_SUMMARY_N_SECTIONS);
      gboolean heading = FALSE;

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          g_autofree char *bullet = NULL;

          if (item->section != s || !item->included || *item->text == '\0')
            continue;

          if (!heading)
            {
              PLACE (extra ? extra->title : regie_summary_section_get_title (s), FONT " Bold 14", 0, 22, 40);
              heading = TRUE;
            }
          if (extra != NULL && !extra->bullets)
            {
              PLACE (item->text, FONT " 12", 0, 8, 0);
              continue;
            }
          bullet = g_strdup_printf ("•  %s", item->text);
          PLACE (bullet, FONT " 12", 8, 6, 0);
        }
    }

#undef PLACE

  self->n_pages = page + 1;
  return self->n_pages;
}

void
regie_document_draw_page (RegieDocument *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_return_if_fail (REGIE_IS_DOCUMENT (self));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->page != page)
        continue;
      cairo_move_to (cr, block->x, block->y);
      pango_cairo_update_layout (cr, block->layout);
      pango_cairo_show_layout (cr, block->layout);
    }
  cairo_restore (cr);
}

gboolean
regie_document_write_pdf (RegieDocument  *self,
                          const char     *path,
                          GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (REGIE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);

  n_pages = regie_document_paginate (self, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      regie_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
