/* test-store-audit.c: the append-only audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-audit"

#include "config.h"

#include "store-test-common.h"

static gboolean
has_entry (GPtrArray  *entries,
           const char *action,
           const char *record_type,
           gint64      record_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PlcAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action) &&
          g_str_equal (entry->record_type, record_type) &&
          entry->record_id == record_id)
        {
          g_assert_cmpstr (entry->user, ==, g_get_user_name ());
          g_assert_true (g_str_has_suffix (entry->at, "Z"));
          g_assert_cmpuint (strlen (entry->at), ==, strlen ("2026-11-23T09:41:00Z"));
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_audit_rows (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcDataset) exported = NULL;
  g_autoptr(PlcDataset) empty = plc_dataset_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  id = plc_child_get_id (child);

  plc_child_set_name (child, "Alva Annannamn");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_record_opened (store, "child", id, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_delete_child (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_undelete_child (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_import (store, empty, &error));
  g_assert_no_error (error);
  exported = plc_store_export (store, &error);
  g_assert_no_error (error);

  g_assert_false (plc_store_record_opened (store, "child", 4711, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (plc_store_record_opened (store, "nonsense", id, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  entries = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  g_assert_true (has_entry (entries, "create", "child", id));
  g_assert_true (has_entry (entries, "update", "child", id));
  g_assert_true (has_entry (entries, "open", "child", id));
  g_assert_true (has_entry (entries, "delete", "child", id));
  g_assert_true (has_entry (entries, "undelete", "child", id));
  g_assert_true (has_entry (entries, "import", "database", 0));
  g_assert_true (has_entry (entries, "export", "database", 0));
  g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (entries, 0))->record_ref, ==,
                   plc_child_get_ref (child));

  /* Entries are in order and can be copied */
  for (guint i = 1; i < entries->len; i++)
    {
      g_autoptr(PlcAuditEntry) copy = plc_audit_entry_copy (g_ptr_array_index (entries, i));

      g_assert_cmpint (copy->id, >, ((PlcAuditEntry *)g_ptr_array_index (entries, i - 1))->id);
    }

  /* Nothing from the future */
  later = plc_store_list_audit (store, plc_date_add_days (plc_date_today (), 2), PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);
}

static void
test_audit_no_personal_data (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rows = 0;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_record_opened (store, "placement", plc_placement_get_id (placement), &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM audit_log", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      rows++;
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, col);

          if (text == NULL)
            continue;
          g_assert_null (strstr (text, "Alva"));
          g_assert_null (strstr (text, "Exempelsson"));
          g_assert_null (strstr (text, "20120315"));
          g_assert_null (strstr (text, "2424"));
          g_assert_null (strstr (text, "Kim"));
        }
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (rows, ==, 3);
  sqlite3_close (db);
}

/* A ref that holds a personal identity number (stored before they were
 * refused) is neither written to the audit log nor quoted in a message */
static void
test_audit_personnummer_ref (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcChild) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 id;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  id = plc_child_get_id (child);

  /* As an earlier version could have stored it */
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE children SET ref = 'barn-20120315-2424'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (plc_store_record_opened (store, "child", id, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_delete_child (store, id, &error));
  g_assert_no_error (error);

  /* A placement that points to it by its ref: refused, not quoted */
  placement = make_placement (0);
  plc_placement_set_child_ref (placement, "barn-20120315-2424");
  g_assert_false (plc_store_save_placement (store, placement, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);
  g_assert_null (strstr (error->message, "2424"));
  g_clear_error (&error);

  /* Saved again, it is refused, without a word of the number */
  stored = plc_store_get_child (store, id, &error);
  g_assert_no_error (error);
  g_assert_false (plc_store_save_child (store, stored, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);
  g_assert_null (strstr (error->message, "2424"));
  g_clear_error (&error);

  entries = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (has_entry (entries, "open", "child", id));
  g_assert_true (has_entry (entries, "delete", "child", id));
  for (guint i = 0; i < entries->len; i++)
    {
      PlcAuditEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (entry->record_ref == NULL || strstr (entry->record_ref, "2424") == NULL);
    }
}

static void
test_audit_append_only (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM audit_log"), ==, 2);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET user = 'someone'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  message = NULL;

  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);

  /* Nor is a placement ever erased */
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM placements"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM placements", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM placements"), ==, 1);

  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM audit_log WHERE user = 'someone'"), ==, 0);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM audit_log"), ==, 2);
  sqlite3_close (db);
}

/* A period is of local days (the tests run in Europe/Stockholm); the log
 * keeps UTC times */
static void
test_audit_period (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  const char * const times[] = {
    "2024-02-28T22:59:59Z",  /* 2024-02-28 23:59:59 in Stockholm */
    "2024-02-28T23:00:00Z",  /* 2024-02-29 00:00:00 */
    "2024-02-29T22:59:59Z",  /* 2024-02-29 23:59:59 */
    "2024-02-29T23:00:00Z",  /* 2024-03-01 00:00:00 */
    "2024-07-01T21:59:59Z",  /* 2024-07-01 23:59:59 (summer time) */
    "2024-07-01T22:00:00Z",  /* 2024-07-02 00:00:00 */
  };
  struct {
    const char *since;
    const char *until;
    guint       expected;
    const char *first;
  } periods[] = {
    { "2024-02-29", "2024-02-29", 2, "2024-02-28T23:00:00Z" },
    { NULL, "2024-02-28", 1, "2024-02-28T22:59:59Z" },
    { "2024-03-01", NULL, 3, "2024-02-29T23:00:00Z" },
    { "2024-03-01", "2024-07-01", 2, "2024-02-29T23:00:00Z" },
    { "2024-07-02", "2024-07-02", 1, "2024-07-01T22:00:00Z" },
    { "2024-07-03", NULL, 0, NULL },
    { NULL, NULL, 6, "2024-02-28T22:59:59Z" },
  };
  sqlite3 *db = open_raw (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO audit_log (at, user, action, record_type, record_id)"
                                              " VALUES ('%s', 'kim', 'open', 'child', %u)", times[i], i + 1);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(GPtrArray) entries = NULL;
      PlcDate since = PLC_DATE_NONE, until = PLC_DATE_NONE;

      if (periods[i].since != NULL)
        g_assert_true (plc_date_parse_iso (periods[i].since, &since, NULL));
      if (periods[i].until != NULL)
        g_assert_true (plc_date_parse_iso (periods[i].until, &until, NULL));

      entries = plc_store_list_audit (store, since, until, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, periods[i].expected);
      if (periods[i].first != NULL)
        g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (entries, 0))->at, ==, periods[i].first);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/audit/rows", test_audit_rows);
  ADD ("/store/audit/no-personal-data", test_audit_no_personal_data);
  ADD ("/store/audit/personnummer-ref", test_audit_personnummer_ref);
  ADD ("/store/audit/append-only", test_audit_append_only);
  ADD ("/store/audit/period", test_audit_period);

  return g_test_run ();
}
