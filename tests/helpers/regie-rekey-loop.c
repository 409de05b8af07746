/* regie-rekey-loop.c — rotates the key of a store until it is killed
 *
 * Prints the number of each finished rekey, so that the test sees it got that far.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "regie-store-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s STORE-DIR\n", argv[0]);
      return 2;
    }

  store = regie_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "open failed: %s\n", error->message);
      return 1;
    }

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (guint n = 1;; n++)
    {
      if (!regie_store_rekey (store, NULL, &error))
        break;
      printf ("%u\n", n);
    }

  fprintf (stderr, "rekey loop stopped: %s\n", error->message);
  return 1;
}
