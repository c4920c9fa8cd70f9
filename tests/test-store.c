/* test-store.c: the encrypted store, on real SQLCipher files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>
#include <string.h>

#include "plc-error.h"
#include "plc-sqlite-store.h"
#include "plc-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static GBytes *
make_key (guint8 seed)
{
  guint8 key[32];

  for (guint i = 0; i < sizeof key; i++)
    key[i] = (guint8)(seed + 7 * i);

  return g_bytes_new (key, sizeof key);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("plc-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "placeringar.db", NULL);
}

static void
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_store_cipher_version (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autofree char *version = NULL;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Linked with SQLCipher, not plain SQLite. */
  version = plc_store_dup_cipher_version (store);
  g_assert_nonnull (version);
  g_assert_cmpstr (version, !=, "");
  g_assert_cmpstr (sqlite3_libversion (), !=, "");

  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);
}

static void
test_store_file_is_private_and_encrypted (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  GStatBuf st;
  gsize len = 0;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  plc_store_close (store);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 0);
  /* A plain SQLite file starts with this header and holds the schema as text. */
  g_assert_false (len >= 16 && memcmp (contents, "SQLite format 3", 15) == 0);
  g_assert_null (g_strstr_len (contents, len, "store_info"));
  g_assert_null (g_strstr_len (contents, len, "CREATE TABLE"));
}

static void
test_store_wrong_key (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (3);
  g_autoptr(GBytes) other = make_key (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcStore) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  store = plc_store_open (fixture->path, other, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STORE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "key"));
  g_clear_error (&error);

  /* The file was left as it was, and the right key still opens it. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  again = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_store_not_a_database (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (5);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *after = NULL;
  const char *garbage = "This is not a database, and it must stay as it is.\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, NULL));

  store = plc_store_open (fixture->path, key, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STORE);
  g_assert_null (store);

  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

static void
test_store_bad_key_length (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) key = g_bytes_new_static ("short", 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_null (store);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_store_newer_schema_refused (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (6);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autofree char *pragma = NULL;
  const guint8 *k;
  sqlite3 *db = NULL;
  GString *hex = g_string_new ("PRAGMA key = \"x'");
  gsize len;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Pretend a newer Placements wrote the file. */
  k = g_bytes_get_data (key, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", k[i]);
  g_string_append (hex, "'\"");
  pragma = g_string_free (hex, FALSE);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = plc_store_open (fixture->path, key, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_null (store);
}

/* The backend follows from the location: a path is an encrypted file, a
 * PostgreSQL URI a server, which this build refuses with a clear message
 * that does not repeat the URI (it may hold a password). */
static void
test_store_backend_from_location (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  const char *uri = "postgresql://kim:secret@db.example.se:5432/unit?sslmode=verify-full";

  g_assert_true (plc_store_location_is_server ("postgresql://db.example.se/unit"));
  g_assert_true (plc_store_location_is_server ("postgres://localhost/unit"));
  g_assert_true (plc_store_location_is_server ("PostgreSQL://localhost/unit"));
  g_assert_false (plc_store_location_is_server ("/home/kim/.local/share/placeringar/placeringar.db"));
  g_assert_false (plc_store_location_is_server ("postgresql.db"));
  g_assert_false (plc_store_location_is_server ("./postgresql://x"));

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_true (PLC_IS_SQLITE_STORE (store));
  g_assert_cmpstr (plc_store_get_path (store), ==, fixture->path);
  g_clear_object (&store);

  store = plc_store_open (uri, key, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_SUPPORTED);
  g_assert_null (store);
  g_assert_null (strstr (error->message, "secret"));
  g_assert_null (strstr (error->message, "example"));
  g_clear_error (&error);

  /* Before any keyring is asked */
  store = plc_store_open_with_keyring (uri, NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_SUPPORTED);
  g_assert_null (store);
  g_assert_null (strstr (error->message, "secret"));
}

/* A closed store refuses every call with G_IO_ERROR_CLOSED. */
static void
test_store_closed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (8);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(PlcChild) child = plc_child_new ();

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  plc_store_close (store);
  plc_store_close (store);

  children = plc_store_list_children (store, FALSE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_null (children);
  g_clear_error (&error);

  plc_child_set_name (child, "Alva");
  g_assert_false (plc_store_save_child (store, child, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_cmpint (plc_child_get_id (child), ==, 0);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/cipher-version", test_store_cipher_version);
  ADD ("/store/file-is-private-and-encrypted", test_store_file_is_private_and_encrypted);
  ADD ("/store/wrong-key", test_store_wrong_key);
  ADD ("/store/not-a-database", test_store_not_a_database);
  ADD ("/store/bad-key-length", test_store_bad_key_length);
  ADD ("/store/newer-schema-refused", test_store_newer_schema_refused);
  ADD ("/store/backend-from-location", test_store_backend_from_location);
  ADD ("/store/closed", test_store_closed);

#undef ADD

  return g_test_run ();
}
