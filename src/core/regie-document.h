/* regie-document.h — the summary for the inwoner, as a printable page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "regie-case.h"
#include "regie-event.h"
#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_SUMMARY_ASKED,       /* what you asked */
  REGIE_SUMMARY_DONE,        /* what we did */
  REGIE_SUMMARY_AGREED,      /* what we agreed: who does what, by when */
  REGIE_SUMMARY_NEXT,        /* your next appointment */
  REGIE_SUMMARY_CALL,        /* whom to call */
} RegieSummarySection;

#define REGIE_SUMMARY_N_SECTIONS (REGIE_SUMMARY_CALL + 1)

const char *regie_summary_section_get_title (RegieSummarySection section);

#define REGIE_TYPE_DOCUMENT (regie_document_get_type ())

G_DECLARE_FINAL_TYPE (RegieDocument, regie_document, REGIE, DOCUMENT, GObject)

/* A "Samenvatting voor de inwoner" in plain Dutch (B1): a list of items in sections, each
 * of which can be left out (unticked) and whose text can be changed before it is printed.
 * What is left out never appears in the output. */
RegieDocument *regie_document_new             (const char          *title,
                                               const char          *person_name,
                                               GDateTime           *date);
/* From a dossier, or from one contact moment of it (contact NULL: the whole dossier).
 * now (NULL: the current time) decides what is "next". */
RegieDocument *regie_document_new_summary     (RegieStore          *store,
                                               RegieCase           *kase,
                                               RegieEvent          *contact,
                                               GDateTime           *now,
                                               GError             **error);

guint          regie_document_add_item        (RegieDocument       *self,
                                               RegieSummarySection  section,
                                               const char          *text);
/* Another kind of document (the handover letter) adds its own sections after the summary's:
 * the id to pass to add_item (); bullets FALSE sets items as paragraphs. */
guint          regie_document_add_section     (RegieDocument       *self,
                                               const char          *title,
                                               gboolean             bullets);
guint          regie_document_get_n_items     (RegieDocument       *self);
RegieSummarySection regie_document_get_item_section (RegieDocument *self,
                                               guint                index);
const char    *regie_document_get_item_text   (RegieDocument       *self,
                                               guint                index);
void           regie_document_set_item_text   (RegieDocument       *self,
                                               guint                index,
                                               const char          *text);
gboolean       regie_document_get_item_included (RegieDocument     *self,
                                               guint                index);
void           regie_document_set_item_included (RegieDocument     *self,
                                               guint                index,
                                               gboolean             included);

/* Lays the document out on pages of width × height (points, margins included), for
 * printing: returns the number of pages; draw_page () draws one (0-based) on cr. */
guint          regie_document_paginate        (RegieDocument       *self,
                                               double               width,
                                               double               height);
void           regie_document_draw_page       (RegieDocument       *self,
                                               cairo_t             *cr,
                                               guint                page);
/* A4 PDF. */
gboolean       regie_document_write_pdf       (RegieDocument       *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
