/* regie-backup.c — encrypted backups of the store, and restoring them into a new store
 *
 * A backup is a SQLCipher file of its own, keyed with a passphrase the user chooses and
 * SQLCipher's own key derivation (PRAGMA key = 'passphrase'), so that it opens on another
 * computer without this keyring. It is written with sqlcipher_export () into a temporary
 * file next to the target and renamed into place: a backup is complete or absent.
 *
 * A restore never writes into the store that is there: it exports the backup into a new
 * file with a new id and a new random key, moves the old store aside, puts the new one in
 * its place and opens it. Only when it opens are the old files and their key removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "regie-audit.h"
#include "regie-backup.h"
#include "regie-keyring.h"
#include "regie-store-private.h"

/* As in regie-store.c: the store is dir/regie.db, its id dir/regie.db.id. */
#define STORE_FILE "regie.db"
#define ID_SUFFIX  ".id"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, REGIE_STORE_ERROR,
               saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT
                 ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  return TRUE;
}

/* ATTACH with bound values: the passphrase never passes through SQL text. */
static gboolean
attach (sqlite3     *db,
        const char  *path,
        const char  *schema,
        const char  *key,
        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH DATABASE ?1 AS %s KEY ?2;", schema);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    _regie_store_set_error_from_sqlite (error, db, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

static int
user_version (sqlite3    *db,
              const char *schema,
              int        *rc_out)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s.user_version;", schema);
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;

  return version;
}

/* sqlcipher_export () copies the tables, then the version numbers are set to the source's. */
static gboolean
export_to (sqlite3     *db,
           const char  *schema,
           int          version,
           GError     **error)
{
  g_autofree char *export = g_strdup_printf ("SELECT sqlcipher_export('%s');", schema);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA %s.user_version = %d;", schema, version);

  return exec_sql (db, export, error) && exec_sql (db, set_version, error);
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return set_errno_error (error, saved_errno, "Could not save the file to disk");
    }
  close (fd);

  return TRUE;
}

/* An empty 0600 file: ATTACH opens with the connection's flags, which never include CREATE. */
static char *
make_scratch (const char  *dir,
              const char  *prefix,
              GError     **error)
{
  g_autofree char *template = g_strconcat (prefix, "XXXXXX", NULL);
  char *path = g_build_filename (dir, template, NULL);
  int fd;

  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, "Could not create a file in the chosen folder");
      g_free (path);
      return NULL;
    }
  close (fd);

  return path;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/**
 * regie_backup_write:
 * @store: the open store (the real one or the demo)
 * @path: the backup file to write; an existing file there is replaced only when the
 *   backup is complete
 * @passphrase: the passphrase the user chose, not empty
 * @cancellable: (nullable): checked before the export starts
 * @error: return location for a #GError
 *
 * Works on a connection of its own, so it may run in a thread while the window goes on.
 *
 * Returns: %TRUE when @path holds the complete backup
 */
gboolean
regie_backup_write (RegieStore    *store,
                    const char    *path,
                    const char    *passphrase,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(RegieStore) worker = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *scratch = NULL;
  sqlite3 *db;
  gboolean attached = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (REGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  worker = regie_store_open_worker_connection (store, error);
  if (worker == NULL)
    return FALSE;
  db = _regie_store_get_db (worker);

  folder = g_path_get_dirname (path);
  scratch = make_scratch (folder, ".regie-backup-", error);
  if (scratch == NULL)
    return FALSE;

  attached = attach (db, scratch, "regie_backup", passphrase, error);
  ok = attached && export_to (db, "regie_backup", regie_store_get_schema_version (worker), error);
  if (attached)
    ok = exec_sql (db, "DETACH DATABASE regie_backup;", ok ? error : NULL) && ok;
  /* A backup is an export of everything: the trail says when and by whom, not where to. */
  regie_audit_record_result (worker, NULL, REGIE_AUDIT_EXPORT, "store", 0,
                             ok ? REGIE_AUDIT_RESULT_OK : REGIE_AUDIT_RESULT_FAILED, NULL);
  regie_store_close (worker);

  ok = ok && fsync_path (scratch, FALSE, error);
  if (ok && g_rename (scratch, path) != 0)
    ok = set_errno_error (error, errno, "Could not put the backup in place");
  if (!ok)
    {
      remove_with_journal (scratch);
      return FALSE;
    }

  /* The rename itself must reach the disk too, or a power cut may undo it. */
  return fsync_path (folder, TRUE, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  char **args = task_data;
  GError *error = NULL;

  if (regie_backup_write (source_object, args[0], args[1], cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
free_args (gpointer data)
{
  char **args = data;

  if (args[1] != NULL)
    explicit_bzero (args[1], strlen (args[1]));
  g_strfreev (args);
}

void
regie_backup_write_async (RegieStore          *store,
                          const char          *path,
                          const char          *passphrase,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **args = g_new0 (char *, 3);

  args[0] = g_strdup (path);
  args[1] = g_strdup (passphrase);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, regie_backup_write_async);
  g_task_set_task_data (task, args, free_args);
  g_task_run_in_thread (task, write_thread);
}

gboolean
regie_backup_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opens the backup as the main database of a new connection, keyed with the passphrase
 * through SQLCipher's key derivation. READWRITE without CREATE: the restore ATTACHes its
 * target to this connection, and ATTACH takes the connection's flags. */
static sqlite3 *
open_backup (const char  *path,
             const char  *passphrase,
             int         *version_out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  char *sql;
  int version;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO, "The backup file does not exist");
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);

  sql = sqlite3_mprintf ("PRAGMA key = %Q;", passphrase);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  explicit_bzero (sql, strlen (sql));
  sqlite3_free (sql);

  /* The first read decrypts page 1: a wrong passphrase shows here as "not a database". */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (&local_error, db, rc);
      if (g_error_matches (local_error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY))
        g_prefix_error (&local_error, "Wrong passphrase, or not a Regie backup: ");
      g_propagate_error (error, g_steal_pointer (&local_error));
      sqlite3_close (db);
      return NULL;
    }

  version = user_version (db, "main", &rc);
  if (rc != SQLITE_OK || version < 1)
    {
      if (rc != SQLITE_OK)
        _regie_store_set_error_from_sqlite (error, db, rc);
      else
        g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY,
                     "The file opens with this passphrase but is not a Regie backup");
      sqlite3_close (db);
      return NULL;
    }
  if (version > _regie_store_latest_version ())
    {
      g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_NEWER_SCHEMA,
                   "The backup has schema %d; this Regie knows up to %d",
                   version, _regie_store_latest_version ());
      sqlite3_close (db);
      return NULL;
    }

  *version_out = version;
  return db;
}

/**
 * regie_backup_check_passphrase:
 *
 * Returns: %TRUE when @passphrase opens the backup at @path and this Regie can read it,
 *   so that the UI can ask for confirmation only for a restore that will work
 */
gboolean
regie_backup_check_passphrase (const char  *path,
                               const char  *passphrase,
                               GError     **error)
{
  int version;
  sqlite3 *db = open_backup (path, passphrase, &version, error);

  sqlite3_close (db);
  return db != NULL;
}

static char *
raw_key_literal (const guint8 *key)
{
  static const char digits[] = "0123456789abcdef";
  char *text = g_malloc (REGIE_KEY_SIZE * 2 + 4);
  gsize pos = 0;

  /* SQLCipher takes x'…' with 64 hex digits as the raw key, without key derivation. */
  text[pos++] = 'x';
  text[pos++] = '\'';
  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    {
      text[pos++] = digits[key[i] >> 4];
      text[pos++] = digits[key[i] & 0xf];
    }
  text[pos++] = '\'';
  text[pos] = '\0';

  return text;
}

static void
free_secret (char *text)
{
  explicit_bzero (text, strlen (text));
  g_free (text);
}

static const char *store_suffixes[] = { "", ID_SUFFIX, "-wal", "-shm" };

/* Moves regie.db, its id, -wal and -shm to regie.db.before-restore-STAMP…: a -wal left
 * next to the new file would be replayed into it. Returns FALSE after undoing its moves. */
static gboolean
move_aside (const char  *dir,
            const char  *stamp,
            gboolean     back,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_suffixes); i++)
    {
      g_autofree char *live = g_strconcat (dir, G_DIR_SEPARATOR_S STORE_FILE, store_suffixes[i], NULL);
      g_autofree char *aside = g_strconcat (dir, G_DIR_SEPARATOR_S STORE_FILE ".before-restore-",
                                            stamp, store_suffixes[i], NULL);

      if (g_rename (back ? aside : live, back ? live : aside) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          if (!back)
            {
              while (i-- > 0)
                {
                  g_autofree char *l = g_strconcat (dir, G_DIR_SEPARATOR_S STORE_FILE, store_suffixes[i], NULL);
                  g_autofree char *a = g_strconcat (dir, G_DIR_SEPARATOR_S STORE_FILE ".before-restore-",
                                                    stamp, store_suffixes[i], NULL);
                  g_rename (a, l);
                }
            }
          return set_errno_error (error, saved_errno, "Could not move the current store aside");
        }
    }

  return TRUE;
}

static void
remove_aside (const char *dir,
              const char *stamp)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_suffixes); i++)
    {
      g_autofree char *aside = g_strconcat (dir, G_DIR_SEPARATOR_S STORE_FILE ".before-restore-",
                                            stamp, store_suffixes[i], NULL);
      g_unlink (aside);
    }
}

/**
 * regie_backup_restore:
 * @path: the backup file
 * @passphrase: its passphrase
 * @dir: the store folder; a store there must be closed (all its connections)
 * @cancellable: (nullable): for the keyring calls
 * @error: return location for a #GError
 *
 * Restores the backup into a new store in @dir with a new id and a new key in the keyring.
 * A store already in @dir is moved aside first and put back if anything fails; once the
 * new store has opened, the old files and the old key are removed. The caller asks for
 * confirmation before replacing a store.
 *
 * Returns: (transfer full): the new store, open, or %NULL with @error set
 */
RegieStore *
regie_backup_restore (const char    *path,
                      const char    *passphrase,
                      const char    *dir,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *old_id = NULL;
  g_autofree char *store_path = g_build_filename (dir, STORE_FILE, NULL);
  g_autofree char *id_path = g_build_filename (dir, STORE_FILE ID_SUFFIX, NULL);
  g_autofree char *id_contents = g_strconcat (new_id, "\n", NULL);
  g_autofree char *scratch = NULL;
  g_autoptr(GError) local_error = NULL;
  RegieStore *store = NULL;
  guint8 key[REGIE_KEY_SIZE];
  char *literal;
  sqlite3 *db;
  gboolean had_store = FALSE;
  gboolean ok;
  int version = 0;

  g_return_val_if_fail (path != NULL && passphrase != NULL && dir != NULL, NULL);

  if (!regie_store_check_encryption (error))
    return NULL;

  db = open_backup (path, passphrase, &version, error);
  if (db == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      sqlite3_close (db);
      set_errno_error (error, errno, "Could not create the folder for the store");
      return NULL;
    }

  /* The key is in the keyring before the file it opens exists, as for a new store. */
  _regie_store_random_key (key);
  if (!regie_keyring_store_key (new_id, key, cancellable, error))
    {
      explicit_bzero (key, sizeof key);
      sqlite3_close (db);
      return NULL;
    }

  scratch = make_scratch (dir, STORE_FILE ".restoring-", error);
  literal = raw_key_literal (key);
  explicit_bzero (key, sizeof key);
  ok = scratch != NULL && attach (db, scratch, "restored", literal, error);
  free_secret (literal);
  ok = ok && export_to (db, "restored", version, error);
  /* The restored store has a new key, so a new recovery key: offer it again. */
  ok = ok && exec_sql (db, "DELETE FROM restored.store_info WHERE key = 'recovery-key-shown';", error);
  if (ok)
    ok = exec_sql (db, "DETACH DATABASE restored;", error);
  sqlite3_close (db);
  ok = ok && fsync_path (scratch, FALSE, error);
  if (!ok)
    goto fail;

  had_store = g_file_test (store_path, G_FILE_TEST_EXISTS);
  if (had_store)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (id_path, &contents, NULL, NULL))
        old_id = g_strdup (g_strstrip (contents));
      if (!move_aside (dir, stamp, FALSE, error))
        goto fail;
    }

  if (!g_file_set_contents_full (id_path, id_contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_set_error (error, REGIE_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                     ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                   "Could not write the store identity: %s", local_error->message);
      goto put_back;
    }
  if (g_rename (scratch, store_path) != 0)
    {
      set_errno_error (error, errno, "Could not put the restored store in place");
      goto put_back;
    }
  g_clear_pointer (&scratch, g_free);
  fsync_path (dir, TRUE, NULL);

  store = regie_store_open (dir, cancellable, error);
  if (store == NULL)
    {
      g_autofree char *wal = g_strconcat (store_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (store_path, "-shm", NULL);

      g_unlink (store_path);
      g_unlink (wal);
      g_unlink (shm);
      goto put_back;
    }

  /* The new store opens: the old one goes, with its key. */
  if (had_store)
    {
      remove_aside (dir, stamp);
      if (old_id != NULL && g_uuid_string_is_valid (old_id))
        regie_keyring_clear_key (old_id, cancellable, NULL);
    }
  fsync_path (dir, TRUE, NULL);

  return store;

put_back:
  if (had_store)
    move_aside (dir, stamp, TRUE, NULL);
  else
    g_unlink (id_path);
fail:
  if (scratch != NULL)
    remove_with_journal (scratch);
  regie_keyring_clear_key (new_id, NULL, NULL);
  return NULL;
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **args = task_data;
  GError *error = NULL;
  RegieStore *store;

  store = regie_backup_restore (args[0], args[1], args[2], cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
regie_backup_restore_async (const char          *path,
                            const char          *passphrase,
                            const char          *dir,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **args = g_new0 (char *, 4);

  args[0] = g_strdup (path);
  args[1] = g_strdup (passphrase);
  args[2] = g_strdup (dir);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, regie_backup_restore_async);
  g_task_set_task_data (task, args, free_args);
  g_task_run_in_thread (task, restore_thread);
}

RegieStore *
regie_backup_restore_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * regie_backup_passphrase_strength:
 *
 * A rough hint from length and kinds of characters: 0 too short (under 10), 1 weak, 2 fair,
 * 3 strong. A long sentence of plain words counts as strong, as it should.
 */
guint
regie_backup_passphrase_strength (const char *passphrase)
{
  glong length;
  guint kinds = 0;
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  if (passphrase == NULL)
    return 0;

  length = g_utf8_strlen (passphrase, -1);
  if (length < 10)
    return 0;

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  kinds = lower + upper + digit + other;

  if (length >= 20 || (length >= 14 && kinds >= 3))
    return 3;
  if (length >= 14 || kinds >= 3)
    return 2;
  return 1;
}
