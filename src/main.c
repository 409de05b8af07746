/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "regie-application.h"

/* A core dump or a debugger attached by another process of the same user would carry
 * decrypted dossiers and the store key out of the process. Both are refused before
 * anything is read; failure is not fatal, the store stays encrypted on disk either way. */
static void
harden_process (void)
{
  const struct rlimit no_core = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    g_printerr ("regie: could not disable core dumps\n");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_printerr ("regie: could not make the process non-dumpable\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RegieApplication) app = NULL;

  harden_process ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = regie_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
