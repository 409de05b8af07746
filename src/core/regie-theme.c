/* regie-theme.c — the fixed list of themes a dossier can touch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "regie-theme.h"

/* The ids are stored: never change one. The labels are English sources with the Dutch
 * names of DESIGN §5 as their translations. */
static const char * const ids[] = {
  "toeslagen",
  "belastingen",
  "uwv",
  "bijstand",
  "svb",
  "duo",
  "zorgverzekering",
  "cjib",
  "schulden",
  "huisvesting",
  "digid",
  "werk_en_inkomen",
  "zorg",
  "juridisch",
  "ind",
  "overig",
  NULL
};

static const char * const labels[] = {
  NC_("theme", "Allowances"),
  NC_("theme", "Taxes"),
  NC_("theme", "UWV benefit"),
  NC_("theme", "Social assistance (Participation Act)"),
  NC_("theme", "SVB (state pension, child benefit)"),
  NC_("theme", "DUO (student finance)"),
  NC_("theme", "Health insurance / CAK"),
  NC_("theme", "CJIB fines"),
  NC_("theme", "Debts"),
  NC_("theme", "Housing"),
  NC_("theme", "DigiD"),
  NC_("theme", "Work and income"),
  NC_("theme", "Care"),
  NC_("theme", "Legal matters"),
  NC_("theme", "IND (immigration)"),
  NC_("theme", "Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (labels) + 1);

const char * const *
regie_theme_get_ids (void)
{
  return ids;
}

guint
regie_theme_get_count (void)
{
  return G_N_ELEMENTS (labels);
}

int
regie_theme_get_index (const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; ids[i]; i++)
    if (strcmp (ids[i], id) == 0)
      return (int) i;

  return -1;
}

gboolean
regie_theme_is_valid (const char *id)
{
  return regie_theme_get_index (id) >= 0;
}

const char *
regie_theme_get_label (const char *id)
{
  int index = regie_theme_get_index (id);

  g_return_val_if_fail (index >= 0, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "theme", labels[index]);
}
