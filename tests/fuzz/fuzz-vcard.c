/* fuzz-vcard.c — libFuzzer target for the vCard reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "regie-vcard.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GPtrArray *cards = NULL;
  GPtrArray *problems = NULL;

  if (!regie_vcard_parse ((const char *) data, size, &cards, &problems, NULL))
    return 0;

  /* Whatever was read must write and read back without trouble. */
  for (guint i = 0; i < cards->len; i++)
    {
      RegieVCard *card = cards->pdata[i];
      GString *out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");
      GPtrArray *again = NULL;

      for (guint p = 0; p < card->properties->len; p++)
        {
          RegieVCardProperty *property = card->properties->pdata[p];

          g_assert (g_utf8_validate (property->text, -1, NULL));
          regie_vcard_append (out, property->name, NULL, (const char * const *) property->components, FALSE);
        }
      g_string_append (out, "END:VCARD\r\n");
      if (regie_vcard_parse (out->str, out->len, &again, NULL, NULL))
        g_ptr_array_unref (again);
      g_string_free (out, TRUE);
    }

  g_ptr_array_unref (cards);
  g_ptr_array_unref (problems);
  return 0;
}
