/* test-store-backup.c: backups with a passphrase, and restoring them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-backup"

#include "config.h"

#include "store-test-common.h"

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcStore) restored = NULL;
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) read = NULL;
  g_autoptr(GBytes) other_key = make_key (99);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) offsets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.plcbak", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "restored", "placeringar.db", NULL);
  PlcRoutineOffset *offset;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean ok;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  /* The unit's settings go with the records */
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "sip-first", 3, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_no_error (error);

  g_assert_true (plc_store_backup (store, backup, "correct horse battery staple", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (file_contains (backup, "Alva"));
  g_assert_false (file_contains (backup, "20120315"));

  /* No temporary file is left next to the backup */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".backup"));

  ok = plc_store_restore_backup (backup, "correct horse battery staple", target, other_key, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  restored = plc_store_open (target, other_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (restored), ==, plc_store_get_latest_schema_version ());
  read = plc_store_get_child (restored, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (read), ==, "Alva Exempelsson");
  g_assert_cmpstr (plc_child_get_ref (read), ==, plc_child_get_ref (child));

  offsets = plc_store_list_routine_offsets (restored, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 1);
  offset = g_ptr_array_index (offsets, 0);
  g_assert_cmpstr (offset->profile_id, ==, "dalarna");
  g_assert_cmpstr (offset->rule_id, ==, "sip-first");
  g_assert_cmpint (offset->amount, ==, 3);
  g_assert_cmpint (offset->unit, ==, PLC_OFFSET_UNIT_WEEKS);

  audit = plc_store_list_audit (restored, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (audit, 0))->action, ==, "create");
  g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (audit, 1))->record_type, ==, "routine-offset");
  g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (audit, 2))->action, ==, "restore");
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcStore) target_store = NULL;
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) other = make_child ("Noah Provsson");
  g_autoptr(GBytes) other_key = make_key (99);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.plcbak", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "target.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_backup (store, backup, "right", &error));
  g_assert_no_error (error);

  /* An existing database that must survive a failed restore */
  target_store = plc_store_open (target, other_key, &error);
  g_assert_no_error (error);
  g_assert_true (plc_store_save_child (target_store, other, &error));
  g_assert_no_error (error);
  g_clear_object (&target_store);
  g_assert_true (g_file_get_contents (target, &before, &before_len, NULL));

  g_assert_false (plc_store_restore_backup (backup, "wrong", target, other_key, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "passphrase"));
  g_clear_error (&error);

  /* Not a backup at all */
  g_assert_false (plc_store_restore_backup (target, "right", target, other_key, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (target, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);

  target_store = plc_store_open (target, other_key, &error);
  g_assert_no_error (error);
  g_clear_object (&child);
  child = plc_store_get_child (target_store, plc_child_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (child), ==, "Noah Provsson");

  g_assert_false (plc_store_backup (store, backup, "", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
}

/* A backup cut short (a copy that stopped, a full disk) says it is
 * damaged, with the right passphrase, and restores nothing; the wrong
 * passphrase on a whole backup still says so */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GBytes) other_key = make_key (99);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.plcbak", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "cut.plcbak", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "target.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_backup (store, backup, "right passphrase", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
  g_assert_cmpuint (length % 1024, ==, 0);

  {
    /* Within the first page, at a page's end, within one, one byte short */
    gsize lengths[] = {
      0, 100, 1000, 1024, 1500, 2048, length / 2, length / 2 - (length / 2) % 1024, length - 1024, length - 1
    };

    for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
      {
        g_test_message ("cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", lengths[i], length);
        g_assert_true (g_file_set_contents (cut, contents, lengths[i], &error));
        g_assert_false (plc_store_restore_backup (cut, "right passphrase", target, other_key, &error));
        g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "damaged"));
        g_assert_null (strstr (error->message, "passphrase is wrong"));
        g_clear_error (&error);
        g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      }
  }

  g_assert_false (plc_store_restore_backup (backup, "wrong passphrase", target, other_key, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "passphrase is wrong"));
  g_clear_error (&error);

  g_assert_true (plc_store_restore_backup (backup, "right passphrase", target, other_key, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/backup/round-trip", Fixture, NULL, fixture_set_up, test_backup_and_restore, fixture_tear_down);
  g_test_add ("/store/backup/wrong-passphrase", Fixture, NULL, fixture_set_up, test_wrong_passphrase, fixture_tear_down);
  g_test_add ("/store/backup/truncated", Fixture, NULL, fixture_set_up, test_truncated, fixture_tear_down);

  return g_test_run ();
}
