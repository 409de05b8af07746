/* regie-dossier-fixture.h — a real store (real keyring, real SQLCipher file) for the
 * dossier tests, and quick ways to put inwoners and dossiers in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "regie-audit.h"
#include "regie-case.h"
#include "regie-case-list.h"
#include "regie-demo.h"
#include "regie-person.h"
#include "regie-search.h"
#include "regie-store-private.h"
#include "regie-test-util.h"
#include "regie-theme.h"
#include "regie-validate.h"

#define ACTOR "cm-test"

typedef struct
{
  char       *home;
  char       *dir;
  RegieStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->home = regie_test_make_data_home ();
  /* Not regie_store_default_dir (): GLib caches XDG_DATA_HOME at its first use. */
  f->dir = g_build_filename (f->home, "regie", NULL);
  f->store = regie_store_open (f->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = g_strdup (regie_store_get_id (f->store));

  regie_store_close (f->store);
  g_clear_object (&f->store);
  regie_keyring_clear_key (id, NULL, NULL);
  regie_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->dir);
}

static inline RegiePerson *
make_person (const char *given_names,
             const char *prefix,
             const char *surname)
{
  RegiePerson *person = regie_person_new ();

  regie_person_set_given_names (person, given_names);
  regie_person_set_prefix (person, prefix);
  regie_person_set_surname (person, surname);
  return person;
}

/* Creates a dossier for person (new or existing) and returns it. */
static inline RegieCase *
add_case (Fixture     *f,
          RegiePerson *person,
          const char  *question)
{
  g_autoptr(GError) error = NULL;
  RegieCase *kase = regie_case_new ();

  regie_case_set_question (kase, question);
  regie_case_set_casemanager (kase, "Noor Demo");
  g_assert_true (regie_case_create (f->store, kase, person, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (regie_case_get_id (kase), >, 0);
  return kase;
}

static inline gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static inline char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_regie_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The timestamps have millisecond resolution: make sure the next write is later. */
static inline void
next_moment (void)
{
  g_usleep (3000);
}
