/* store-test-common.h: what the store's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>
#include <string.h>

#include "plc-error.h"
#include "plc-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static inline GBytes *
make_key (guint8 seed)
{
  guint8 key[32];

  for (guint i = 0; i < sizeof key; i++)
    key[i] = (guint8)(seed + 7 * i);

  return g_bytes_new (key, sizeof key);
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("plc-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "placeringar.db", NULL);
}

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static inline PlcStore *
open_store (Fixture *fixture)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(GError) error = NULL;
  PlcStore *store = plc_store_open (fixture->path, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* A raw connection to the same file, for what the API does not offer. */
static inline sqlite3 *
open_raw (const char *path)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(GString) pragma = g_string_new ("PRAGMA key = \"x'");
  const guint8 *data;
  gsize len;
  sqlite3 *db = NULL;

  data = g_bytes_get_data (key, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (pragma, "%02x", data[i]);
  g_string_append (pragma, "'\"");

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL), ==, SQLITE_OK);

  return db;
}

static inline gint64
raw_count (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return ret;
}

static inline PlcChild *
make_child (const char *name)
{
  PlcChild *child = plc_child_new ();

  plc_child_set_name (child, name);
  plc_child_set_personnummer (child, "20120315-2424");
  plc_child_set_birth_date (child, plc_date_new (2012, 3, 15));
  plc_child_set_legal_gender (child, PLC_LEGAL_GENDER_FEMALE);
  plc_child_set_home_municipality (child, "2080");

  return child;
}

static inline PlcPlacement *
make_placement (gint64 child_id)
{
  PlcPlacement *placement = plc_placement_new ();

  plc_placement_set_child_id (placement, child_id);
  plc_placement_set_placing_municipality (placement, "2080");
  plc_placement_set_caseworker (placement, "Kim Handläggare");
  plc_placement_set_legal_basis (placement, PLC_LEGAL_BASIS_SOL);
  plc_placement_set_form (placement, PLC_PLACEMENT_FORM_FAMILJEHEM);
  plc_placement_set_start_date (placement, plc_date_new (2025, 3, 20));

  return placement;
}

static inline gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= len; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}
