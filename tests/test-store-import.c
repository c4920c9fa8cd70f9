/* test-store-import.c: importing and exporting datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-import"

#include "config.h"

#include "plc-interchange.h"
#include "store-test-common.h"

static PlcDataset *
read_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlcDataset *dataset;

  dataset = plc_interchange_read_file (file, plc_date_new (2026, 11, 23), &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (plc_dataset_get_children (dataset)->len, >, 0);

  return dataset;
}

static guint
count_audit (PlcStore   *store,
             const char *action)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entries->len; i++)
    {
      PlcAuditEntry *entry = g_ptr_array_index (entries, i);

      if (action == NULL || g_str_equal (entry->action, action))
        n++;
    }

  return n;
}

/* Every record's ref and version, in one string */
static char *
describe_versions (PlcStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) deviations = NULL;
  g_autoptr(GError) error = NULL;

  children = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < children->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT " ",
                            plc_child_get_ref (g_ptr_array_index (children, i)),
                            plc_child_get_version (g_ptr_array_index (children, i)));
  placements = plc_store_list_placements (store, 0, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < placements->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT " ",
                            plc_placement_get_ref (g_ptr_array_index (placements, i)),
                            plc_placement_get_version (g_ptr_array_index (placements, i)));
  steps = plc_store_list_step_statuses (store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT " ",
                            plc_step_status_get_ref (g_ptr_array_index (steps, i)),
                            plc_step_status_get_version (g_ptr_array_index (steps, i)));
  contacts = plc_store_list_contacts (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < contacts->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT " ",
                            plc_contact_get_ref (g_ptr_array_index (contacts, i)),
                            plc_contact_get_version (g_ptr_array_index (contacts, i)));
  log = plc_store_list_contact_log (store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT " ",
                            plc_contact_log_entry_get_ref (g_ptr_array_index (log, i)),
                            plc_contact_log_entry_get_version (g_ptr_array_index (log, i)));
  deviations = plc_store_list_deviations (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deviations->len; i++)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ":%u ",
                            plc_deviation_get_ref (g_ptr_array_index (deviations, i)),
                            plc_deviation_get_version (g_ptr_array_index (deviations, i)),
                            plc_deviation_get_history (g_ptr_array_index (deviations, i))->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_import_export_round_trip (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);

  exported = plc_store_export (store, &error);
  g_assert_no_error (error);

  expected = plc_interchange_write (dataset, NULL);
  actual = plc_interchange_write (exported, NULL);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_nonnull (strstr (expected, "\"previous\": \"pl-alva-1\""));
  g_assert_cmpuint (plc_dataset_get_children (exported)->len, ==, plc_dataset_get_children (dataset)->len);
  g_assert_cmpuint (plc_dataset_get_step_statuses (exported)->len, ==, plc_dataset_get_step_statuses (dataset)->len);
  g_assert_cmpuint (plc_dataset_get_contacts (exported)->len, >, 0);
  g_assert_cmpuint (plc_dataset_get_contact_log (exported)->len, >, 0);
  g_assert_cmpuint (plc_dataset_get_deviations (exported)->len, >, 0);

  g_assert_cmpuint (count_audit (store, "import"), ==, 1);
  g_assert_cmpuint (count_audit (store, "export"), ==, 1);
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) again = read_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint audit_before;

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  before = describe_versions (store);
  audit_before = count_audit (store, NULL);
  g_assert_cmpuint (audit_before, >, 1);

  g_assert_true (plc_store_import (store, again, &error));
  g_assert_no_error (error);
  after = describe_versions (store);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_audit (store, NULL), ==, audit_before + 1);
  g_assert_cmpuint (count_audit (store, "import"), ==, 2);
}

/* An export imported back into the same database changes nothing, even
 * where the database knows more than the file carries (a log entry's
 * contact). */
static void
test_export_import_back (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) exported = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) log_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlcContactLogEntry *entry;

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);

  contacts = plc_store_list_contacts (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, >, 0);
  log = plc_store_list_contact_log (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, >, 0);
  entry = g_ptr_array_index (log, 0);
  plc_contact_log_entry_set_contact_id (entry, plc_contact_get_id (g_ptr_array_index (contacts, 0)));
  g_assert_true (plc_store_save_contact_log_entry (store, entry, &error));
  g_assert_no_error (error);

  before = describe_versions (store);
  exported = plc_store_export (store, &error);
  g_assert_no_error (error);
  g_assert_true (plc_store_import (store, exported, &error));
  g_assert_no_error (error);
  after = describe_versions (store);
  g_assert_cmpstr (after, ==, before);

  log_after = plc_store_list_contact_log (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log_after->len, ==, log->len);
}

static void
test_import_changed_record (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) changed = read_full ();
  g_autoptr(PlcChild) read = NULL;
  g_autoptr(GError) error = NULL;
  PlcChild *first;
  guint updates;

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  updates = count_audit (store, "update");

  first = g_ptr_array_index (plc_dataset_get_children (changed), 0);
  plc_child_set_interpreter_language (first, "somaliska");
  g_assert_true (plc_store_import (store, changed, &error));
  g_assert_no_error (error);

  read = plc_store_get_child_by_ref (store, plc_child_get_ref (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_interpreter_language (read), ==, "somaliska");
  g_assert_cmpint (plc_child_get_version (read), ==, 2);
  g_assert_cmpuint (count_audit (store, "update"), ==, updates + 1);
}

static void
test_import_invalid_aborts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) bad = read_full ();
  g_autoptr(PlcDataset) bad_first = read_full ();
  g_autoptr(PlcChild) invalid = make_child ("Ogiltig Person");
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlcChild *first;
  guint audit_before;

  /* Into an empty database: nothing at all is written */
  plc_child_set_ref (invalid, "child-invalid");
  plc_child_set_home_municipality (invalid, "9999");
  g_ptr_array_add (plc_dataset_get_children (bad_first), g_object_ref (invalid));
  g_assert_false (plc_store_import (store, bad_first, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "child-invalid"));
  g_clear_error (&error);
  children = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 0);
  g_assert_cmpuint (count_audit (store, NULL), ==, 0);

  /* Into a filled one: a change before the bad record is undone too */
  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  before = describe_versions (store);
  audit_before = count_audit (store, NULL);

  first = g_ptr_array_index (plc_dataset_get_children (bad), 0);
  plc_child_set_interpreter_language (first, "somaliska");
  g_ptr_array_add (plc_dataset_get_children (bad), g_object_ref (invalid));
  g_assert_false (plc_store_import (store, bad, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  after = describe_versions (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_audit (store, NULL), ==, audit_before);
}

static void
test_import_unknown_previous (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  PlcPlacement *placement;

  placement = g_ptr_array_index (plc_dataset_get_placements (dataset), 0);
  plc_placement_set_previous_ref (placement, "pl-nowhere");
  g_assert_false (plc_store_import (store, dataset, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pl-nowhere"));
  g_clear_error (&error);

  children = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 0);
}

static void
test_no_plaintext (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(GPtrArray) secrets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GPtrArray *children = plc_dataset_get_children (dataset);
  GPtrArray *contacts = plc_dataset_get_contacts (dataset);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);

      if (plc_child_get_name (child) != NULL)
        g_ptr_array_add (secrets, (gpointer)plc_child_get_name (child));
      if (plc_child_get_personnummer (child) != NULL)
        g_ptr_array_add (secrets, (gpointer)plc_child_get_personnummer (child));
    }
  for (guint i = 0; i < contacts->len; i++)
    if (plc_contact_get_name (g_ptr_array_index (contacts, i)) != NULL)
      g_ptr_array_add (secrets, (gpointer)plc_contact_get_name (g_ptr_array_index (contacts, i)));
  g_assert_cmpuint (secrets->len, >=, 2);

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);

  /* While open (the WAL holds the new pages) and after closing */
  for (guint i = 0; i < secrets->len; i++)
    {
      g_assert_false (file_contains (fixture->path, g_ptr_array_index (secrets, i)));
      g_assert_false (file_contains (wal, g_ptr_array_index (secrets, i)));
    }

  plc_store_close (store);

  for (guint i = 0; i < secrets->len; i++)
    {
      g_assert_false (file_contains (fixture->path, g_ptr_array_index (secrets, i)));
      g_assert_false (file_contains (wal, g_ptr_array_index (secrets, i)));
    }

  /* The check itself can fail: a plaintext copy is found */
  {
    g_autofree char *plain = g_build_filename (fixture->dir, "plain.txt", NULL);

    g_assert_true (g_file_set_contents (plain, g_ptr_array_index (secrets, 0), -1, NULL));
    g_assert_true (file_contains (plain, g_ptr_array_index (secrets, 0)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/import/round-trip", test_import_export_round_trip);
  ADD ("/store/import/twice", test_import_twice);
  ADD ("/store/import/changed", test_import_changed_record);
  ADD ("/store/import/export-back", test_export_import_back);
  ADD ("/store/import/invalid-aborts", test_import_invalid_aborts);
  ADD ("/store/import/unknown-previous", test_import_unknown_previous);
  ADD ("/store/import/no-plaintext", test_no_plaintext);

  return g_test_run ();
}
