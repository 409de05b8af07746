/* regie-backup-cli.c — regie --backup FILE
 *
 * For a nightly script as well as by hand: the passphrase comes from standard input when
 * that is not a terminal (one line), and is asked twice without echo when it is. It is
 * never an argument, so that it does not show in the process list or the shell history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "regie-application.h"
#include "regie-backup.h"
#include "regie-backup-cli.h"

/* The statuses regie --help documents. */
#define EXIT_OK       0
#define EXIT_FAILED   1
#define EXIT_NO_STORE 2

static void
print_error (const GError *error)
{
  RegieStoreError code = error->domain == REGIE_STORE_ERROR ? error->code : REGIE_STORE_ERROR_IO;

  g_printerr ("regie: %s\n%s\n\n%s %s\n", regie_store_error_title (code),
              regie_store_error_advice (code), _("Technical details:"), error->message);
}

/* One line from stdin, without its newline; NULL at end of input. */
static char *
read_line (void)
{
  GString *line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (c == EOF && line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  return g_string_free (line, FALSE);
}

static char *
prompt_hidden (const char *prompt)
{
  struct termios old, quiet;
  gboolean hidden;
  char *answer;

  g_printerr ("%s", prompt);
  hidden = tcgetattr (STDIN_FILENO, &old) == 0;
  if (hidden)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  answer = read_line ();
  if (hidden)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");

  return answer;
}

static void
free_secret (char *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text, strlen (text));
  g_free (text);
}

static char *
get_passphrase (void)
{
  char *first;
  char *second;

  if (!isatty (STDIN_FILENO))
    return read_line ();

  first = prompt_hidden (_("Passphrase for the backup: "));
  if (first == NULL || *first == '\0')
    return first;
  if (regie_backup_passphrase_strength (first) < 2)
    g_printerr ("%s\n", _("This passphrase is weak. A sentence of four or more words is better."));
  second = prompt_hidden (_("Type the passphrase again: "));
  if (g_strcmp0 (first, second) != 0)
    {
      free_secret (first);
      free_secret (second);
      g_printerr ("%s\n", _("regie: the two passphrases differ; no backup was made"));
      return NULL;
    }
  free_secret (second);

  return first;
}

int
regie_backup_cli_run (GVariantDict *options,
                      gboolean      demo)
{
  g_autoptr(RegieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *passphrase;
  gboolean ok;

  if (!g_variant_dict_lookup (options, "backup", "^ay", &path))
    return -1;

  passphrase = get_passphrase ();
  if (passphrase == NULL || *passphrase == '\0')
    {
      free_secret (passphrase);
      g_printerr ("%s\n", _("regie: --backup needs a passphrase on standard input; no backup was made"));
      return EXIT_FAILED;
    }

  if (!regie_store_check_encryption (&error))
    store = NULL;
  else if (demo)
    store = regie_application_new_demo_store (&error);
  else
    {
      g_autofree char *dir = regie_store_default_dir ();

      store = regie_store_open (dir, NULL, &error);
    }
  if (store == NULL)
    {
      free_secret (passphrase);
      print_error (error);
      return EXIT_NO_STORE;
    }

  ok = regie_backup_write (store, path, passphrase, NULL, &error);
  free_secret (passphrase);
  regie_store_close (store);

  if (!ok)
    {
      print_error (error);
      return EXIT_FAILED;
    }

  /* Translators: printed by "regie --backup FILE"; %s is the file */
  g_print (_("Backup written to %s\n"), path);
  return EXIT_OK;
}
