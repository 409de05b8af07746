/* regie-store.c — the encrypted SQLCipher store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "regie-core-resources.h"
#include "regie-audit-private.h"
#include "regie-store-private.h"
#include "regie-recovery.h"

#define STORE_FILE      "regie.db"
#define ID_SUFFIX       ".id"
#define MIGRATIONS_PATH "/io/github/loketregie/Regie/core/migrations"

struct _RegieStore
{
  GObject   parent_instance;

  char     *dir;
  char     *path;
  char     *id;
  sqlite3  *db;
  int       schema_version;
  /* The key, kept for regie_store_open_worker_connection (): a page of its own, locked
   * out of swap and core dumps, wiped on close. NULL for the benchmark's plain store. */
  guint8   *key;
  guint     ephemeral : 1;
  guint     worker : 1;    /* a second connection: the files belong to the first */
};

G_DEFINE_FINAL_TYPE (RegieStore, regie_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIR,
  PROP_PATH,
  PROP_ID,
  PROP_EPHEMERAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (regie-store-error-quark, regie_store_error)

static const struct {
  RegieStoreError code;
  const char *title;
  const char *advice;
  gboolean can_retry;
} error_texts[] = {
  { REGIE_STORE_ERROR_KEYRING_UNAVAILABLE,
    N_("The keyring is not available"),
    N_("Regie keeps the key to your encrypted data in your keyring, but the keyring service does not answer. "
       "Log out and log in again. If that does not help, ask IT support to check GNOME Keyring."),
    TRUE },
  { REGIE_STORE_ERROR_KEYRING_LOCKED,
    N_("The keyring is locked"),
    N_("Regie needs your keyring to open your data, but it is locked or unlocking was refused. "
       "Unlock it with your login password and try again."),
    TRUE },
  { REGIE_STORE_ERROR_KEY_MISSING,
    N_("The key to your data is missing"),
    N_("Your data is on this computer, but its key is not in your keyring. Regie has changed nothing. "
       "Ask IT support for help: your data can be opened again with the recovery key or restored from a backup."),
    TRUE },
  { REGIE_STORE_ERROR_WRONG_KEY,
    N_("Your data cannot be opened with this key"),
    N_("The key in your keyring does not fit the data file, or the file is not Regie data. "
       "Regie has changed nothing. Ask IT support for help."),
    TRUE },
  { REGIE_STORE_ERROR_NEWER_SCHEMA,
    N_("Your data comes from a newer Regie"),
    N_("A newer version of Regie has saved this data. Install the newest version to open it. "
       "Regie has changed nothing."),
    FALSE },
  { REGIE_STORE_ERROR_CORRUPT,
    N_("Your data is damaged"),
    N_("Regie found errors in the data file and stopped, to prevent more damage. Regie has changed nothing. "
       "Ask IT support to restore a backup."),
    FALSE },
  { REGIE_STORE_ERROR_DISK_FULL,
    N_("The disk is full"),
    N_("There is no room left to save your data. Nothing was left half saved. "
       "Free up disk space or ask IT support, then try again."),
    TRUE },
  { REGIE_STORE_ERROR_IO,
    N_("Your data cannot be read or written"),
    N_("The data file or its folder cannot be reached. Check that the disk works and that you have access, "
       "or ask IT support. Then try again."),
    TRUE },
  { REGIE_STORE_ERROR_NOT_ENCRYPTED,
    N_("Regie cannot protect your data"),
    N_("This installation of Regie has no encryption. Regie does not start, so that no data is ever saved "
       "unprotected. Ask IT support to install Regie correctly."),
    FALSE },
};

static const char *
get_text (RegieStoreError code,
          gboolean        advice)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_texts); i++)
    if (error_texts[i].code == code)
      return _(advice ? error_texts[i].advice : error_texts[i].title);

  g_return_val_if_reached (NULL);
}

const char *
regie_store_error_title (RegieStoreError code)
{
  return get_text (code, FALSE);
}

const char *
regie_store_error_advice (RegieStoreError code)
{
  return get_text (code, TRUE);
}

gboolean
regie_store_error_can_retry (RegieStoreError code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_texts); i++)
    if (error_texts[i].code == code)
      return error_texts[i].can_retry;

  return FALSE;
}

gboolean
_regie_store_set_error_from_sqlite (GError  **error,
                                    sqlite3  *db,
                                    int       rc)
{
  RegieStoreError code;
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = REGIE_STORE_ERROR_WRONG_KEY;
      break;
    case SQLITE_CORRUPT:
      code = REGIE_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_FULL:
      code = REGIE_STORE_ERROR_DISK_FULL;
      break;
    default:
      code = (db && sqlite3_system_errno (db) == ENOSPC)
               ? REGIE_STORE_ERROR_DISK_FULL
               : REGIE_STORE_ERROR_IO;
      break;
    }

  g_set_error (error, REGIE_STORE_ERROR, code, "SQLite %d: %s", rc, message);
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

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc_out)
    *rc_out = rc;

  return result;
}

static int
cipher_major_version (sqlite3 *db)
{
  g_autofree char *version = query_text (db, "PRAGMA cipher_version;", NULL);

  if (version == NULL)
    return 0;

  return (int) g_ascii_strtoll (version, NULL, 10);
}

gboolean
regie_store_check_encryption (GError **error)
{
  sqlite3 *db = NULL;
  int major;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO,
                           "SQLite could not open an in-memory database");
      return FALSE;
    }

  major = cipher_major_version (db);
  sqlite3_close (db);

  /* A plain SQLite answers nothing to cipher_version: refuse rather than store in clear. */
  if (major < 3)
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_NOT_ENCRYPTED,
                           "The linked SQLite library is not SQLCipher");
      return FALSE;
    }

  return TRUE;
}

char *
regie_store_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "regie", NULL);
}

static void
random_bytes (guint8 *buf,
              gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n < 0)
        {
          /* getrandom() only fails before the pool is seeded or on EINTR: wait, never fall back. */
          if (errno != EINTR)
            g_usleep (1000);
          continue;
        }
      done += (gsize) n;
    }
}

void
_regie_store_random_key (guint8 *key)
{
  random_bytes (key, REGIE_KEY_SIZE);
}

/* pragma is "key" (open) or "rekey" (re-encrypt every page with a new key). */
static gboolean
apply_key_pragma (sqlite3       *db,
                  const char    *pragma,
                  const guint8  *key,
                  GError       **error)
{
  static const char digits[] = "0123456789abcdef";
  char sql[sizeof "PRAGMA rekey = \"x'';" + REGIE_KEY_SIZE * 2 + 4];
  gsize pos = 0;
  int rc;

  pos += g_strlcpy (sql, "PRAGMA ", sizeof sql);
  pos += g_strlcpy (sql + pos, pragma, sizeof sql - pos);
  pos += g_strlcpy (sql + pos, " = \"x'", sizeof sql - pos);
  for (guint i = 0; i < REGIE_KEY_SIZE; i++)
    {
      sql[pos++] = digits[key[i] >> 4];
      sql[pos++] = digits[key[i] & 0xf];
    }
  g_strlcpy (sql + pos, "'\";", sizeof sql - pos);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  explicit_bzero (sql, sizeof sql);

  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  return TRUE;
}

static gboolean
apply_key (sqlite3       *db,
           const guint8  *key,
           GError       **error)
{
  return apply_key_pragma (db, "key", key, error);
}

/* Reading sqlite_master is the first access that decrypts a page: it proves the key. */
static gboolean
prove_key (sqlite3  *db,
           GError  **error)
{
  int rc;

  g_free (query_text (db, "SELECT count(*) FROM sqlite_master;", &rc));
  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  return TRUE;
}

sqlite3 *
_regie_store_open_raw (const char    *path,
                       const guint8  *key,
                       GError       **error)
{
  sqlite3 *db = NULL;
  int rc;

  /* Never SQLITE_OPEN_CREATE: a missing file must not quietly become an empty store. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);

  if (!apply_key (db, key, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* Not cipher_memory_security: in SQLCipher 4 it mlocks and wipes every allocation of the
   * process and cannot be switched off again; measured at 150,000 dossiers it made search
   * miss its 16 ms target (p95 23 ms) and a fill 8x slower, which is why SQLCipher turned it
   * off by default in 4.5. The key itself lives on our own mlocked page, wiped on close, and
   * the process cannot dump core. 3.x ignores the pragma. */
  sqlite3_exec (db, "PRAGMA cipher_memory_security = OFF;", NULL, NULL, NULL);

  if (!prove_key (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* SQLCipher 4 reads 3.x files only after cipher_migrate. Keep a copy of the file until the
 * migrated store has opened, so a failed migration can never lose data. */
static sqlite3 *
open_with_migration (const char    *path,
                     const guint8  *key,
                     GError       **error)
{
  g_autofree char *backup = g_strconcat (path, ".sqlcipher3", NULL);
  g_autofree char *scratch = g_strconcat (path, "-migrated", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (backup);
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *answer = NULL;
  sqlite3 *db = NULL;
  gboolean opens_as_3;
  int fd;
  int rc;

  /* Only a file that this key opens as a SQLCipher 3 store gets a copy and a migration, so a
   * wrong key leaves nothing behind. Closing this connection also checkpoints a WAL that 3.x
   * left after a crash, so that the copy below holds every commit. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  opens_as_3 = apply_key (db, key, error) &&
               exec_sql (db, "PRAGMA cipher_compatibility = 3;", error) &&
               prove_key (db, error);
  sqlite3_close (db);
  db = NULL;
  if (!opens_as_3)
    {
      g_prefix_error (error, "Not a SQLCipher 4 or 3 store with this key: ");
      return NULL;
    }

  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &copy_error) &&
      !g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      /* Not EXISTS: whatever is at the backup path now is our own partial copy. */
      g_unlink (backup);
      g_set_error (error, REGIE_STORE_ERROR,
                   g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                   "Could not copy the store before migrating it: %s", copy_error->message);
      return NULL;
    }

  /* cipher_migrate writes the new file through an ATTACH that opens it with this connection's
   * flags, and those never include SQLITE_OPEN_CREATE: make it here, empty and 0600 like the
   * store it will replace. A leftover from a crashed migration is only a half export. */
  fd = g_open (scratch, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, REGIE_STORE_ERROR,
                   saved_errno == ENOSPC ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                   "Could not prepare the migration of the store: %s", g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK || !apply_key (db, key, error))
    {
      if (rc != SQLITE_OK)
        _regie_store_set_error_from_sqlite (error, db, rc);
      sqlite3_close (db);
      g_unlink (scratch);
      return NULL;
    }

  answer = query_text (db, "PRAGMA cipher_migrate;", &rc);
  if (rc != SQLITE_OK)
    _regie_store_set_error_from_sqlite (error, db, rc);
  else if (g_strcmp0 (answer, "0") != 0)
    {
      /* The answer is SQLCipher's result code for the step that failed, e.g. SQLITE_FULL. */
      rc = answer ? MAX ((int) g_ascii_strtoll (answer, NULL, 10), SQLITE_ERROR) : SQLITE_ERROR;
      _regie_store_set_error_from_sqlite (error, NULL, rc);
      g_prefix_error (error, "Could not migrate the store to SQLCipher 4: ");
    }
  sqlite3_close (db);
  g_unlink (scratch);
  if (rc != SQLITE_OK)
    return NULL;

  /* Only the ordinary way in proves the migrated file, and it gives the connection its usual
   * settings; until then the copy stays. */
  db = _regie_store_open_raw (path, key, error);
  if (db == NULL)
    return NULL;

  g_unlink (backup);
  return db;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  g_autofree char *mode = NULL;
  int rc;

  sqlite3_busy_timeout (db, 5000);

  if (!exec_sql (db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA synchronous = FULL;"
                 /* Decrypted pages stay in memory: without this every list refresh and
                  * search decrypts the same index pages again (tests/bench). */
                 "PRAGMA cache_size = -65536;",
                 error))
    return FALSE;

  mode = query_text (db, "PRAGMA journal_mode = WAL;", &rc);
  if (rc != SQLITE_OK)
    return _regie_store_set_error_from_sqlite (error, db, rc);

  return TRUE;
}

static int
get_user_version (sqlite3  *db,
                  GError  **error)
{
  g_autofree char *text = NULL;
  int rc;

  text = query_text (db, "PRAGMA user_version;", &rc);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, db, rc);
      return -1;
    }

  return text ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the files NNNN-*.sql in the core's resources, numbered from 1 without gaps. */
static GArray *
builtin_migrations (void)
{
  static GArray *steps;

  if (g_once_init_enter (&steps))
    {
      GArray *array = g_array_new (FALSE, FALSE, sizeof (RegieMigration));
      g_auto(GStrv) names = NULL;

      /* Through the global g_resources_*() lookups, not regie_core_get_resource (): this
       * runs in the store's worker thread, and g_static_resource_get_resource () (GLib 2.74)
       * returns NULL while another thread (GTK looking up an icon) is halfway through
       * registering the lazily registered resources, which crashed the UI tests now and
       * then. The global lookups wait for that registration under GLib's resources lock. */
      regie_core_register_resource ();
      names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (names != NULL);
      g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);

      for (guint i = 0; names[i]; i++)
        {
          g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
          GBytes *bytes;
          RegieMigration step;

          bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_assert (bytes != NULL);

          /* The bytes live as long as the resource, i.e. the process. */
          step.version = (int) g_ascii_strtoll (names[i], NULL, 10);
          step.sql = g_bytes_get_data (bytes, NULL);
          g_assert (step.version == (int) i + 1);
          g_array_append_val (array, step);
        }

      g_once_init_leave (&steps, array);
    }

  return steps;
}

int
_regie_store_latest_version (void)
{
  GArray *steps = builtin_migrations ();

  return steps->len ? g_array_index (steps, RegieMigration, steps->len - 1).version : 0;
}

gboolean
_regie_store_migrate (sqlite3               *db,
                      const RegieMigration  *steps,
                      guint                  n_steps,
                      GError               **error)
{
  int current = get_user_version (db, error);

  if (current < 0)
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;

      g_return_val_if_fail (i == 0 || steps[i].version > steps[i - 1].version, FALSE);

      if (steps[i].version <= current)
        continue;

      /* One transaction per step, together with its version number: a crash in the middle
       * leaves the store at the previous step, never half-way. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d;", steps[i].version);
      if (!exec_sql (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if (!exec_sql (db, steps[i].sql, error) ||
          !exec_sql (db, set_version, error) ||
          !exec_sql (db, "COMMIT;", error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Store migrated to schema %d", steps[i].version);
      current = steps[i].version;
    }

  return TRUE;
}

static gboolean
finish_open (RegieStore  *self,
             GError     **error)
{
  GArray *steps = builtin_migrations ();
  int version;

  version = get_user_version (self->db, error);
  if (version < 0)
    return FALSE;

  if (version > _regie_store_latest_version ())
    {
      g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_NEWER_SCHEMA,
                   "The store has schema %d; this Regie knows up to %d",
                   version, _regie_store_latest_version ());
      return FALSE;
    }

  if (!configure_connection (self->db, error) ||
      !_regie_store_migrate (self->db, (RegieMigration *) (gpointer) steps->data, steps->len, error) ||
      !_regie_audit_chain_pending (self->db, error))
    return FALSE;

  self->schema_version = _regie_store_latest_version ();
  return TRUE;
}

static RegieStore *
store_new (const char *dir,
           const char *id,
           gboolean    ephemeral)
{
  g_autofree char *path = g_build_filename (dir, STORE_FILE, NULL);

  return g_object_new (REGIE_TYPE_STORE,
                       "dir", dir,
                       "path", path,
                       "id", id,
                       "ephemeral", ephemeral,
                       NULL);
}

static void
keep_key (RegieStore   *self,
          const guint8 *key)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  void *mem;

  g_assert (self->key == NULL);

  mem = mmap (NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED)
    return;

  /* Best effort: without the lock the key may reach swap, as any decrypted page can. */
  mlock (mem, page);
  madvise (mem, page, MADV_DONTDUMP);
  memcpy (mem, key, REGIE_KEY_SIZE);
  self->key = mem;
}

static void
forget_key (RegieStore *self)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);

  if (self->key == NULL)
    return;

  explicit_bzero (self->key, REGIE_KEY_SIZE);
  munlock (self->key, page);
  munmap (self->key, page);
  self->key = NULL;
}

static gboolean
read_store_id (const char  *id_path,
               char       **id_out,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (id_path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING,
                             "The store exists but its identity file is missing");
      else
        g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO,
                     "Could not read the store identity: %s", local_error->message);
      return FALSE;
    }

  g_strstrip (contents);
  if (!g_uuid_string_is_valid (contents))
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING,
                           "The store identity file does not hold a store id");
      return FALSE;
    }

  *id_out = g_steal_pointer (&contents);
  return TRUE;
}

/* Called with the CURRENT key (or none). Returns a store opened with the NEXT key, promoted
 * to CURRENT; or NULL without an error when the NEXT key is absent or does not fit (then a
 * stale NEXT key, left by a rekey that never reached its PRAGMA, is removed if CURRENT fits). */
static RegieStore *
open_with_next_key (const char    *dir,
                    const char    *id,
                    const guint8  *current,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(RegieStore) self = store_new (dir, id, FALSE);
  g_autoptr(GError) local_error = NULL;
  guint8 next[REGIE_KEY_SIZE];
  gboolean found = FALSE;

  if (!regie_keyring_lookup_key_in_slot (id, REGIE_KEY_SLOT_NEXT, next, &found, cancellable, error))
    return NULL;
  if (!found)
    return NULL;

  if (current != NULL)
    {
      sqlite3 *probe = _regie_store_open_raw (self->path, current, NULL);

      if (probe != NULL)
        {
          sqlite3_close (probe);
          explicit_bzero (next, sizeof next);
          regie_keyring_clear_key_in_slot (id, REGIE_KEY_SLOT_NEXT, cancellable, NULL);
          return NULL;
        }
    }

  self->db = _regie_store_open_raw (self->path, next, &local_error);
  if (self->db == NULL)
    {
      explicit_bzero (next, sizeof next);
      return NULL;
    }

  /* CURRENT first: until it is saved, NEXT is the only copy of the key that opens the store. */
  if (!regie_keyring_store_key (id, next, cancellable, error))
    {
      explicit_bzero (next, sizeof next);
      return NULL;
    }
  regie_keyring_clear_key_in_slot (id, REGIE_KEY_SLOT_NEXT, cancellable, NULL);
  g_debug ("Store opened with the key of an unfinished rekey; that key is now the current one");

  keep_key (self, next);
  explicit_bzero (next, sizeof next);
  return g_steal_pointer (&self);
}

static RegieStore *
open_existing (const char    *dir,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(RegieStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id_path = NULL;
  g_autofree char *id = NULL;
  guint8 key[REGIE_KEY_SIZE];
  gboolean found = FALSE;

  id_path = g_build_filename (dir, STORE_FILE ID_SUFFIX, NULL);
  if (!read_store_id (id_path, &id, error))
    return NULL;

  if (!regie_keyring_lookup_key (id, key, &found, cancellable, error))
    return NULL;

  /* A rekey cut off after its PRAGMA rekey leaves the store on the key in the NEXT slot. */
  self = open_with_next_key (dir, id, found ? key : NULL, cancellable, &local_error);
  if (self == NULL)
    {
      if (local_error != NULL)
        {
          explicit_bzero (key, sizeof key);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!found)
        {
          g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_KEY_MISSING,
                               "The keyring holds no key for this store");
          return NULL;
        }
      self = store_new (dir, id, FALSE);
      self->db = _regie_store_open_raw (self->path, key, &local_error);
    }

  if (self->db == NULL &&
      g_error_matches (local_error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_WRONG_KEY) &&
      regie_store_check_encryption (NULL))
    {
      sqlite3 *probe = NULL;
      int major = 0;

      if (sqlite3_open_v2 (":memory:", &probe, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
        major = cipher_major_version (probe);
      sqlite3_close (probe);

      if (major >= 4)
        {
          g_clear_error (&local_error);
          self->db = open_with_migration (self->path, key, &local_error);
        }
    }

  if (self->db != NULL && self->key == NULL)
    keep_key (self, key);
  explicit_bzero (key, sizeof key);

  if (self->db == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!finish_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REGIE_STORE_ERROR,
                   saved_errno == ENOSPC ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                   "Could not create the folder for the store: %s", g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The caller has already put the key where it will be found again (keyring), so that
 * a crash after this point leaves a store that can be opened. */
static RegieStore *
create_store (const char    *dir,
              const char    *id,
              const guint8  *key,
              gboolean       ephemeral,
              GError       **error)
{
  g_autoptr(RegieStore) self = NULL;
  int fd;

  if (!ensure_private_dir (dir, error))
    return NULL;

  self = store_new (dir, id, ephemeral);

  if (!ephemeral)
    {
      g_autofree char *id_path = g_build_filename (dir, STORE_FILE ID_SUFFIX, NULL);
      g_autofree char *contents = g_strconcat (id, "\n", NULL);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_set_contents_full (id_path, contents, -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          g_set_error (error, REGIE_STORE_ERROR,
                       g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                         ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                       "Could not write the store identity: %s", local_error->message);
          return NULL;
        }
    }

  /* O_EXCL: if another process made the file in the meantime, it is theirs; never clobber it.
   * SQLite gives the -wal and -shm files the same 0600 mode. */
  fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, REGIE_STORE_ERROR,
                   saved_errno == ENOSPC ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                   "Could not create the store file: %s", g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  self->db = _regie_store_open_raw (self->path, key, error);
  if (self->db == NULL)
    return NULL;

  if (!finish_open (self, error))
    return NULL;

  keep_key (self, key);
  return g_steal_pointer (&self);
}

static RegieStore *
create_new (const char    *dir,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *id = g_uuid_string_random ();
  guint8 key[REGIE_KEY_SIZE];
  RegieStore *self = NULL;

  random_bytes (key, sizeof key);

  if (regie_keyring_store_key (id, key, cancellable, error))
    self = create_store (dir, id, key, FALSE, error);

  explicit_bzero (key, sizeof key);
  return self;
}

RegieStore *
regie_store_open (const char    *dir,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!regie_store_check_encryption (error))
    return NULL;

  path = g_build_filename (dir, STORE_FILE, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return open_existing (dir, cancellable, error);

  return create_new (dir, cancellable, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  RegieStore *store;

  store = regie_store_open (task_data, cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
regie_store_open_async (const char          *dir,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, regie_store_open_async);
  g_task_set_task_data (task, g_strdup (dir), g_free);
  g_task_run_in_thread (task, open_thread);
}

RegieStore *
regie_store_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RegieStore *
regie_store_new_ephemeral (const char  *dir,
                           GError     **error)
{
  g_autofree char *id = g_uuid_string_random ();
  guint8 key[REGIE_KEY_SIZE];
  RegieStore *self;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!regie_store_check_encryption (error))
    return NULL;

  /* A throw-away store is still encrypted; its key lives only in this process. */
  random_bytes (key, sizeof key);
  self = create_store (dir, id, key, TRUE, error);
  explicit_bzero (key, sizeof key);

  return self;
}

RegieStore *
_regie_store_create_with_key (const char    *dir,
                              const guint8  *key,
                              GError       **error)
{
  g_autofree char *id = g_uuid_string_random ();

  return create_store (dir, id, key, FALSE, error);
}

/* BENCHMARK ONLY (tests/bench): the same store without encryption, to measure what the
 * encryption costs. Opens dir/regie.db, creating it when missing, without any key. Never
 * called by the application. */
RegieStore *
_regie_store_new_unencrypted_for_bench (const char  *dir,
                                        GError     **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(RegieStore) self = NULL;
  int rc;

  if (!ensure_private_dir (dir, error))
    return NULL;

  self = store_new (dir, id, FALSE);
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _regie_store_set_error_from_sqlite (error, self->db, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);

  if (!prove_key (self->db, error) || !finish_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
remove_ephemeral_files (RegieStore *self)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (self->dir);
}

void
regie_store_close (RegieStore *self)
{
  g_return_if_fail (REGIE_IS_STORE (self));

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;

      if (self->ephemeral && !self->worker)
        remove_ephemeral_files (self);
    }

  /* A closed store opens no second connection: the key can go now. */
  forget_key (self);
}

gboolean
regie_store_begin (RegieStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return exec_sql (self->db, "BEGIN IMMEDIATE;", error);
}

gboolean
regie_store_commit (RegieStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (!exec_sql (self->db, "COMMIT;", error))
    {
      regie_store_rollback (self);
      return FALSE;
    }

  /* Models (RegieCaseList …) follow the store through this, so the UI only observes. */
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
regie_store_rollback (RegieStore *self)
{
  g_return_if_fail (REGIE_IS_STORE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
}

gboolean
regie_store_check_integrity (RegieStore  *self,
                             char       **report,
                             GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (REGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check;", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (problems->len)
        g_string_append_c (problems, '\n');
      g_string_append (problems, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _regie_store_set_error_from_sqlite (error, self->db, rc);

  *report = g_string_free (g_steal_pointer (&problems), FALSE);
  return TRUE;
}

const char *
regie_store_get_dir (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  return self->dir;
}

const char *
regie_store_get_path (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  return self->path;
}

const char *
regie_store_get_id (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  return self->id;
}

gboolean
regie_store_get_ephemeral (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), FALSE);
  return self->ephemeral;
}

int
regie_store_get_schema_version (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), 0);
  return self->schema_version;
}

char *
regie_store_get_cipher_version (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return query_text (self->db, "PRAGMA cipher_version;", NULL);
}

/**
 * regie_store_open_worker_connection:
 * @self: an open store
 * @error: return location for a #GError
 *
 * Opens a second connection to the same store file, for long work in a thread of its own
 * (statistics, exports) while the first one goes on serving the window. It uses the key
 * the store was opened with, so it needs no keyring and works for the demo store too.
 * Use the result from one thread at a time and close it when done; closing it never
 * removes the demo store's files.
 *
 * Returns: (transfer full): the second connection as a store, or %NULL with @error set
 */
RegieStore *
regie_store_open_worker_connection (RegieStore  *self,
                                    GError     **error)
{
  g_autoptr(RegieStore) worker = NULL;
  int version;

  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL || self->key == NULL)
    {
      g_set_error_literal (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_IO,
                           "The store is closed or has no key to open a second connection with");
      return NULL;
    }

  worker = store_new (self->dir, self->id, self->ephemeral);
  worker->worker = TRUE;
  worker->db = _regie_store_open_raw (worker->path, self->key, error);
  if (worker->db == NULL || !configure_connection (worker->db, error))
    return NULL;

  /* The first connection has migrated the store; a second one never writes the schema. */
  version = get_user_version (worker->db, error);
  if (version < 0)
    return NULL;
  if (version != self->schema_version)
    {
      g_set_error (error, REGIE_STORE_ERROR, REGIE_STORE_ERROR_NEWER_SCHEMA,
                   "The store has schema %d, the first connection %d", version, self->schema_version);
      return NULL;
    }
  worker->schema_version = version;
  keep_key (worker, self->key);

  return g_steal_pointer (&worker);
}

/**
 * regie_store_rekey:
 * @self: the open store, with no worker connections open
 * @cancellable: (nullable): for the keyring calls
 * @error: return location for a #GError
 *
 * Re-encrypts the store with a new random key. Crash-safe: the new key is in the keyring
 * (NEXT slot) before PRAGMA rekey starts, and regie_store_open () tries it when the current
 * key no longer fits. A kill at any point leaves a store that opens with one of the two.
 *
 * Returns: %TRUE when the store is on the new key and the keyring holds it as current
 */
gboolean
regie_store_rekey (RegieStore    *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  guint8 key[REGIE_KEY_SIZE];
  gboolean ok = FALSE;

  g_return_val_if_fail (REGIE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL && self->key != NULL, FALSE);
  g_return_val_if_fail (!self->ephemeral && !self->worker, FALSE);

  random_bytes (key, sizeof key);

  if (!regie_keyring_store_key_in_slot (self->id, REGIE_KEY_SLOT_NEXT, key, cancellable, error))
    goto out;

  if (!apply_key_pragma (self->db, "rekey", key, error))
    {
      /* The store is still on the old key: the NEXT one would only be tried and dropped. */
      regie_keyring_clear_key_in_slot (self->id, REGIE_KEY_SLOT_NEXT, NULL, NULL);
      goto out;
    }

  forget_key (self);
  keep_key (self, key);

  /* If this fails, the NEXT slot still opens the store and the next open promotes it. */
  if (!regie_keyring_store_key (self->id, key, cancellable, error))
    goto out;

  ok = regie_keyring_clear_key_in_slot (self->id, REGIE_KEY_SLOT_NEXT, cancellable, error);

out:
  explicit_bzero (key, sizeof key);
  return ok;
}

/**
 * regie_store_dup_recovery_key:
 * @self: an open store
 *
 * Returns: (transfer full) (nullable): the store's key as a recovery key (see
 *   regie-recovery.h), or %NULL for a closed store; wipe and free it with
 *   regie_recovery_key_free ()
 */
char *
regie_store_dup_recovery_key (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);

  if (self->key == NULL)
    return NULL;

  return regie_recovery_key_format (self->key);
}

/**
 * regie_store_open_with_recovery_key:
 * @dir: the store folder, whose key is missing from the keyring
 * @recovery_key: what the user typed
 * @cancellable: (nullable): for the keyring calls
 * @error: return location for a #GError
 *
 * Proves the recovery key against the store file, puts it back in the keyring and opens
 * the store the ordinary way. A typo is REGIE_RECOVERY_ERROR_INVALID; a valid key of
 * another store is REGIE_STORE_ERROR_WRONG_KEY, and then the keyring is left untouched.
 *
 * Returns: (transfer full): the open store, or %NULL with @error set
 */
RegieStore *
regie_store_open_with_recovery_key (const char    *dir,
                                    const char    *recovery_key,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *id_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  guint8 key[REGIE_KEY_SIZE];
  sqlite3 *probe;
  gboolean ok;

  g_return_val_if_fail (dir != NULL && recovery_key != NULL, NULL);

  if (!regie_store_check_encryption (error))
    return NULL;

  if (!regie_recovery_key_parse (recovery_key, key, error))
    return NULL;

  path = g_build_filename (dir, STORE_FILE, NULL);
  probe = _regie_store_open_raw (path, key, error);
  if (probe == NULL)
    {
      explicit_bzero (key, sizeof key);
      return NULL;
    }
  sqlite3_close (probe);

  /* A lost identity file gets a new id: the key is what matters, and the keyring item follows. */
  id_path = g_build_filename (dir, STORE_FILE ID_SUFFIX, NULL);
  if (!read_store_id (id_path, &id, NULL))
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;

      id = g_uuid_string_random ();
      contents = g_strconcat (id, "\n", NULL);
      if (!g_file_set_contents_full (id_path, contents, -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          explicit_bzero (key, sizeof key);
          g_set_error (error, REGIE_STORE_ERROR,
                       g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                         ? REGIE_STORE_ERROR_DISK_FULL : REGIE_STORE_ERROR_IO,
                       "Could not write the store identity: %s", local_error->message);
          return NULL;
        }
    }

  ok = regie_keyring_store_key (id, key, cancellable, error);
  explicit_bzero (key, sizeof key);
  if (!ok)
    return NULL;

  return regie_store_open (dir, cancellable, error);
}

sqlite3 *
_regie_store_get_db (RegieStore *self)
{
  g_return_val_if_fail (REGIE_IS_STORE (self), NULL);
  return self->db;
}

static void
regie_store_finalize (GObject *object)
{
  RegieStore *self = (RegieStore *) object;

  regie_store_close (self);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (regie_store_parent_class)->finalize (object);
}

static void
regie_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RegieStore *self = REGIE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIR:
      g_value_set_string (value, self->dir);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_EPHEMERAL:
      g_value_set_boolean (value, self->ephemeral);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RegieStore *self = REGIE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIR:
      self->dir = g_value_dup_string (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_EPHEMERAL:
      self->ephemeral = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
regie_store_class_init (RegieStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = regie_store_finalize;
  object_class->get_property = regie_store_get_property;
  object_class->set_property = regie_store_set_property;

  properties[PROP_DIR] =
    g_param_spec_string ("dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPHEMERAL] =
    g_param_spec_boolean ("ephemeral", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RegieStore::changed:
   *
   * Emitted after each committed write transaction, in the thread that committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
regie_store_init (RegieStore *self)
{
}
