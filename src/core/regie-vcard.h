/* regie-vcard.h — reading vCard 2.1, 3.0 and 4.0, and writing 4.0 (RFC 6350)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "regie-parse-problem.h"

G_BEGIN_DECLS

/* Only GLib: the fuzzers compile this file on its own. */

typedef struct
{
  char  *group;       /* "item1" of "item1.TEL", or NULL */
  char  *name;        /* upper case: "TEL", "X-REGIE-LINE" */
  GStrv  types;       /* lower case TYPE values and 2.1's bare parameters ("work", "cell") */
  char  *text;        /* decoded and unescaped, as one text */
  GStrv  components;  /* split at unescaped ';' (N, ADR, ORG), each unescaped */
  GStrv  list;        /* split at unescaped ',' (CATEGORIES), each unescaped */
} RegieVCardProperty;

typedef struct
{
  guint      line;        /* of its BEGIN:VCARD */
  char      *version;     /* "2.1", "3.0", "4.0" or "" */
  GPtrArray *properties;  /* RegieVCardProperty, in file order */
} RegieVCard;

void        regie_vcard_free              (RegieVCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegieVCard, regie_vcard_free)

/* Every well-formed card of data, in order; a malformed card is left out and described in
 * problems with its line. FALSE (and error) only when the whole input is refused: too big,
 * too many cards, or no card at all. */
gboolean    regie_vcard_parse             (const char  *data,
                                           gsize        length,
                                           GPtrArray  **cards,
                                           GPtrArray  **problems,
                                           GError     **error);

/* The first property by name (upper case), or NULL. */
const RegieVCardProperty *regie_vcard_get (const RegieVCard *card,
                                           const char       *name);
gboolean    regie_vcard_property_has_type (const RegieVCardProperty *property,
                                           const char               *type);

/* Writing: appends one property, escaped and folded at 75 octets with CRLF. components
 * are joined with ';' (or ',' when list); nothing is written when they are all empty. */
void        regie_vcard_append            (GString            *out,
                                           const char         *name,
                                           const char         *params,
                                           const char * const *components,
                                           gboolean            list);
void        regie_vcard_append_text       (GString            *out,
                                           const char         *name,
                                           const char         *params,
                                           const char         *text);

G_END_DECLS
