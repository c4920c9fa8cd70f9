/* test-store-changes.c: PlcStore::changed, on real SQLCipher files: what
 * this store commits, what another store on the same file commits, and
 * (with --cli=PATH, in a session with a keyring) what placeringar-cli commits in
 * another process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-changes"

#include "config.h"

#include "plc-interchange.h"
#include "store-test-common.h"

static const char *cli_path;

/* Every ::changed, each a copy of its changes, in the order emitted */
typedef struct
{
  GPtrArray *emissions;
  GThread   *thread;
} Recorder;

static void
changed_cb (PlcStore  *store,
            GPtrArray *changes,
            Recorder  *recorder)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_change_free);

  /* Never on the worker */
  g_assert_true (g_thread_self () == recorder->thread);

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (copy, plc_change_copy (g_ptr_array_index (changes, i)));
  g_ptr_array_add (recorder->emissions, copy);
}

static void
recorder_init (Recorder *recorder,
               PlcStore *store)
{
  recorder->emissions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  recorder->thread = g_thread_self ();
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), recorder);
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->emissions, g_ptr_array_unref);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @n emissions have come (or @timeout_ms
 * passed), then a little longer, so that one too many shows too. */
static void
wait_for_emissions (Recorder *recorder,
                    guint     n,
                    guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (recorder->emissions->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
assert_change (GPtrArray     *changes,
               guint          index,
               PlcRecordType  record_type,
               gint64         id,
               PlcChangeKind  kind)
{
  PlcChange *change;

  g_assert_cmpuint (index, <, changes->len);
  change = g_ptr_array_index (changes, index);
  g_assert_cmpstr (plc_record_type_to_string (change->record_type), ==, plc_record_type_to_string (record_type));
  g_assert_cmpint (change->id, ==, id);
  g_assert_cmpstr (plc_change_kind_to_string (change->kind), ==, plc_change_kind_to_string (kind));
}

static GPtrArray *
emission (Recorder *recorder,
          guint     index)
{
  g_assert_cmpuint (index, <, recorder->emissions->len);

  return g_ptr_array_index (recorder->emissions, index);
}

static PlcDataset *
read_dataset (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlcDataset *dataset;

  dataset = plc_interchange_read_file (file, plc_date_new (2026, 11, 23), &error);
  g_assert_no_error (error);

  return dataset;
}

/* A save is one emission with one change; an update and a failed save too */
static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) stale = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  recorder_init (&recorder, store);

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  /* Not during the call: from the main context */
  g_assert_cmpuint (recorder.emissions->len, ==, 0);
  wait_for_emissions (&recorder, 1, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);
  g_assert_cmpuint (emission (&recorder, 0)->len, ==, 1);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_CHILD, plc_child_get_id (child), PLC_CHANGE_KIND_CREATED);

  stale = plc_child_copy (child);
  plc_child_set_name (child, "Alva Exempeldotter");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  /* Refused: nothing was committed, nothing is announced */
  plc_child_set_name (stale, "Someone Else");
  g_assert_false (plc_store_save_child (store, stale, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);

  wait_for_emissions (&recorder, 3, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 3);
  g_assert_cmpuint (emission (&recorder, 1)->len, ==, 1);
  assert_change (emission (&recorder, 1), 0, PLC_RECORD_TYPE_CHILD, plc_child_get_id (child), PLC_CHANGE_KIND_UPDATED);
  g_assert_cmpuint (emission (&recorder, 2)->len, ==, 1);
  assert_change (emission (&recorder, 2), 0, PLC_RECORD_TYPE_PLACEMENT, plc_placement_get_id (placement),
                 PLC_CHANGE_KIND_CREATED);

  recorder_clear (&recorder);
}

static void
deleted_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Recorder *recorder = user_data;
  g_autoptr(GError) error = NULL;

  /* The change came before the callback */
  g_assert_cmpuint (recorder->emissions->len, ==, 1);
  g_assert_true (plc_store_delete_child_finish (PLC_STORE (source_object), result, &error));
  g_assert_no_error (error);
  g_ptr_array_add (recorder->emissions, g_ptr_array_new ());
}

/* A delete and an undelete, synchronous and asynchronous */
static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GError) error = NULL;
  gint64 id;
  Recorder recorder;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  id = plc_child_get_id (child);

  recorder_init (&recorder, store);

  /* The emission, then the callback (which adds an empty marker) */
  plc_store_delete_child_async (store, id, NULL, deleted_cb, &recorder);
  wait_for_emissions (&recorder, 2, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 2);
  g_assert_cmpuint (emission (&recorder, 0)->len, ==, 1);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_CHILD, id, PLC_CHANGE_KIND_DELETED);
  g_assert_cmpuint (emission (&recorder, 1)->len, ==, 0);

  g_assert_true (plc_store_undelete_child (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (plc_store_delete_child (store, id + 100, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
  wait_for_emissions (&recorder, 3, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 3);
  g_assert_cmpuint (emission (&recorder, 2)->len, ==, 1);
  assert_change (emission (&recorder, 2), 0, PLC_RECORD_TYPE_CHILD, id, PLC_CHANGE_KIND_UNDELETED);

  recorder_clear (&recorder);
}

/* An import is one reset, however much it brought; one that changes
 * nothing still says so (it is a bulk change all the same) */
static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_dataset ("full.json");
  g_autoptr(PlcDataset) broken = read_dataset ("full.json");
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  recorder_init (&recorder, store);

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  wait_for_emissions (&recorder, 1, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);
  g_assert_cmpuint (emission (&recorder, 0)->len, ==, 1);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET);

  /* A refused import commits nothing and announces nothing */
  plc_placement_set_child_ref (g_ptr_array_index (plc_dataset_get_placements (broken), 0), "no-such-child");
  g_assert_false (plc_store_import (store, broken, &error));
  g_assert_nonnull (error);
  wait_for_emissions (&recorder, 2, 300);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);

  recorder_clear (&recorder);
}

/* Routine offsets are changes too (of obligations), without an id */
static void
test_routine_offsets (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  recorder_init (&recorder, store);

  g_assert_true (plc_store_set_routine_offset (store, "stockholm", "sip-meeting", 3, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_true (plc_store_set_routine_offset (store, "stockholm", "sip-meeting", 3, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_true (plc_store_set_routine_offset (store, "stockholm", "sip-meeting", 2, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_true (plc_store_clear_routine_offset (store, "stockholm", "sip-meeting", &error));
  g_assert_true (plc_store_clear_routine_offset (store, "stockholm", "sip-meeting", &error));
  g_assert_no_error (error);

  /* The calls that changed nothing announce nothing */
  wait_for_emissions (&recorder, 3, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 3);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_ROUTINE_OFFSET, 0, PLC_CHANGE_KIND_CREATED);
  assert_change (emission (&recorder, 1), 0, PLC_RECORD_TYPE_ROUTINE_OFFSET, 0, PLC_CHANGE_KIND_UPDATED);
  assert_change (emission (&recorder, 2), 0, PLC_RECORD_TYPE_ROUTINE_OFFSET, 0, PLC_CHANGE_KIND_DELETED);

  recorder_clear (&recorder);
}

/* Another store on the same file: its transactions arrive when this one
 * looks, one emission each, in order; this store's own are not repeated. */
static void
test_other_store (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcStore) other = open_store (fixture);
  g_autoptr(PlcChild) mine = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) theirs = make_child ("Bo Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  recorder_init (&recorder, store);

  g_assert_true (plc_store_save_child (store, mine, &error));
  wait_for_emissions (&recorder, 1, 2000);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);

  g_assert_true (plc_store_save_child (other, theirs, &error));
  placement = make_placement (plc_child_get_id (theirs));
  g_assert_true (plc_store_save_placement (other, placement, &error));
  g_assert_true (plc_store_delete_placement (other, plc_placement_get_id (placement), &error));
  g_assert_no_error (error);

  plc_store_poll_changes (store);
  plc_store_poll_changes (store);
  wait_for_emissions (&recorder, 4, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 4);
  g_assert_cmpuint (emission (&recorder, 1)->len, ==, 1);
  assert_change (emission (&recorder, 1), 0, PLC_RECORD_TYPE_CHILD, plc_child_get_id (theirs), PLC_CHANGE_KIND_CREATED);
  g_assert_cmpuint (emission (&recorder, 2)->len, ==, 1);
  assert_change (emission (&recorder, 2), 0, PLC_RECORD_TYPE_PLACEMENT, plc_placement_get_id (placement),
                 PLC_CHANGE_KIND_CREATED);
  g_assert_cmpuint (emission (&recorder, 3)->len, ==, 1);
  assert_change (emission (&recorder, 3), 0, PLC_RECORD_TYPE_PLACEMENT, plc_placement_get_id (placement),
                 PLC_CHANGE_KIND_DELETED);

  /* Nothing new: looking again announces nothing */
  plc_store_poll_changes (store);
  wait_for_emissions (&recorder, 5, 500);
  g_assert_cmpuint (recorder.emissions->len, ==, 4);

  /* Without asking: the store looks by itself about once a second */
  plc_child_set_name (theirs, "Bo Exempeldotter");
  g_assert_true (plc_store_save_child (other, theirs, &error));
  g_assert_no_error (error);
  wait_for_emissions (&recorder, 5, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 5);
  assert_change (emission (&recorder, 4), 0, PLC_RECORD_TYPE_CHILD, plc_child_get_id (theirs), PLC_CHANGE_KIND_UPDATED);

  recorder_clear (&recorder);
}

/* Rows pruned before this store read them: a reset, not a silent gap */
static void
test_gap_is_reset (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcStore) other = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  Recorder recorder;

  recorder_init (&recorder, store);

  for (guint i = 0; i < 3; i++)
    {
      plc_child_set_name (child, i % 2 ? "Alva Exempelsson" : "Alva Exempeldotter");
      g_assert_true (plc_store_save_child (other, child, &error));
      g_assert_no_error (error);
    }

  /* As pruning does to a store that fell behind */
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM change_log WHERE seq < (SELECT max(seq) FROM change_log)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plc_store_poll_changes (store);
  wait_for_emissions (&recorder, 1, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);
  g_assert_cmpuint (emission (&recorder, 0)->len, ==, 1);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET);

  recorder_clear (&recorder);
}

/* Nobody listening: nothing is kept, and nothing is emitted later to a
 * handler connected afterwards */
static void
test_nobody_listening (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  Recorder recorder;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  recorder_init (&recorder, store);
  wait_for_emissions (&recorder, 1, 300);
  g_assert_cmpuint (recorder.emissions->len, ==, 0);

  /* The change log has it, for the others */
  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM change_log WHERE record_type = 'child'"
                                  " AND kind = 'created'"), ==, 1);
  sqlite3_close (db);

  recorder_clear (&recorder);
}

/* placeringar-cli in another process, on a store opened with the keyring */

static void
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("placeringar-cli %s failed: %s", args[2], err);
}

static void
test_other_process (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *rules = g_test_build_filename (G_TEST_DIST, "data", "interchange", "rules.json", NULL);
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  store = plc_store_open_with_keyring (fixture->path, NULL, &error);
  g_assert_no_error (error);
  recorder_init (&recorder, store);

  /* An import by the command line: one reset, noticed by the timer */
  run_cli ((const char * const []) { "--database", fixture->path, "import", rules, NULL });
  wait_for_emissions (&recorder, 1, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 1);
  g_assert_cmpuint (emission (&recorder, 0)->len, ==, 1);
  assert_change (emission (&recorder, 0), 0, PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET);

  /* A step marked done: its status, created; at once when asked */
  run_cli ((const char * const []) { "--database", fixture->path, "mark", "p-uppsala",
                                     "lvu-court-submission", "done", "--date", "2026-11-06", NULL });
  plc_store_poll_changes (store);
  wait_for_emissions (&recorder, 2, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 2);

  placement = plc_store_get_placement_by_ref (store, "p-uppsala", &error);
  g_assert_no_error (error);
  status = plc_store_get_step_status (store, plc_placement_get_id (placement), "lvu-court-submission", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emission (&recorder, 1)->len, ==, 1);
  assert_change (emission (&recorder, 1), 0, PLC_RECORD_TYPE_STEP_STATUS, plc_step_status_get_id (status),
                 PLC_CHANGE_KIND_CREATED);

  /* Marked again: updated */
  run_cli ((const char * const []) { "--database", fixture->path, "mark", "p-uppsala",
                                     "lvu-court-submission", "open", NULL });
  plc_store_poll_changes (store);
  wait_for_emissions (&recorder, 3, 5000);
  g_assert_cmpuint (recorder.emissions->len, ==, 3);
  assert_change (emission (&recorder, 2), 0, PLC_RECORD_TYPE_STEP_STATUS, plc_step_status_get_id (status),
                 PLC_CHANGE_KIND_UPDATED);

  recorder_clear (&recorder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--cli="))
      cli_path = argv[i] + strlen ("--cli=");

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/changes/save", test_save);
  ADD ("/store/changes/delete", test_delete);
  ADD ("/store/changes/import", test_import);
  ADD ("/store/changes/routine-offsets", test_routine_offsets);
  ADD ("/store/changes/other-store", test_other_store);
  ADD ("/store/changes/gap-is-reset", test_gap_is_reset);
  ADD ("/store/changes/nobody-listening", test_nobody_listening);
  if (cli_path != NULL)
    ADD ("/store/changes/other-process", test_other_process);

#undef ADD

  return g_test_run ();
}
