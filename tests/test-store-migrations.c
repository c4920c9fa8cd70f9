/* test-store-migrations.c: upgrading older databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-migrations"

#include "config.h"

#include "plc-store-private.h"
#include "store-test-common.h"

static void
test_upgrade_from_1 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(PlcStore) old = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (plc_store_get_latest_schema_version (), >=, 2);

  old = _plc_store_open_at_version (fixture->path, key, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (old), ==, 1);
  g_clear_object (&old);

  /* Version 1 holds only the store's bookkeeping */
  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_master WHERE name = 'children'"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO store_info (key, value) VALUES ('test-marker', 'kept')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM store_info WHERE key = 'created'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  created = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  /* The new tables work */
  child = make_child ("Alva Exempelsson");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, plc_store_get_latest_schema_version ());
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM store_info WHERE key = 'test-marker' AND value = 'kept'"), ==, 1);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM store_info WHERE key = 'created'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, created);
  sqlite3_finalize (stmt);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"), ==, 2);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM children"), ==, 1);
  sqlite3_close (db);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Opening an up-to-date database migrates nothing and loses nothing */
  store = open_store (fixture);
  read = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_ref (read), ==, plc_child_get_ref (child));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/migrations/from-1", Fixture, NULL, fixture_set_up, test_upgrade_from_1, fixture_tear_down);
  g_test_add ("/store/migrations/reopen", Fixture, NULL, fixture_set_up, test_reopen_keeps_data, fixture_tear_down);

  return g_test_run ();
}
