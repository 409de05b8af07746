/* standalone.c — replays a fuzzing corpus without libFuzzer
 *
 * Usage: fuzz-TARGET-replay DIR|FILE…  Feeds every file (directories: every file in them)
 * to LLVMFuzzerTestOneInput, so the saved corpus runs in the normal test suite, under
 * AddressSanitizer and UndefinedBehaviorSanitizer. Prints TAP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static guint n_run;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_print ("not ok %u - %s: %s\n", ++n_run, path, error->message);
      return;
    }

  /* An exact-size copy, so that reading one byte too far is caught. */
  copy = g_memdup2 (contents, length);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  g_print ("ok %u - %s\n", ++n_run, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_ptr_array_add (files, g_strdup (argv[i]));
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
    }

  g_ptr_array_sort (files, compare_paths);
  g_print ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    run_file (files->pdata[i]);

  return files->len > 0 ? 0 : 1;
}
