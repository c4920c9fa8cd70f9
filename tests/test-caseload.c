/* test-caseload.c: the views' read model over a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plc-caseload.h"
#include "plc-interchange.h"
#include "store-test-common.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static PlcStore *
store_with_fixture (Fixture *fixture)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "rules.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcDataset) dataset = plc_interchange_read_file (file, plc_date_new (2026, 11, 20), &error);

  g_assert_no_error (error);
  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static PlcEngine *
new_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) profiles = plc_profile_set_load_default (&error);

  g_assert_no_error (error);
  return plc_engine_new (profiles);
}

static PlcCase *
find_case (PlcCaseload *caseload,
           const char  *child_ref)
{
  GListModel *cases = plc_caseload_get_cases (caseload);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);

      if (g_str_equal (plc_child_get_ref (plc_case_get_child (c)), child_ref))
        return c;  /* the model keeps it alive */
    }

  g_error ("no case %s", child_ref);
  return NULL;
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = store_with_fixture (fixture);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcCaseload) caseload = plc_caseload_new (store, engine);
  g_autoptr(GError) error = NULL;
  GListModel *cases = plc_caseload_get_cases (caseload);
  GListModel *agenda = plc_caseload_get_agenda (caseload);
  ItemsChanged seen = { 0, };
  PlcCase *sthlm, *moved, *jkpg;
  PlcDate previous = PLC_DATE_NONE;

  g_signal_connect (cases, "items-changed", G_CALLBACK (on_items_changed), &seen);

  g_assert_false (plc_caseload_get_loaded (caseload));
  g_assert_true (plc_caseload_reload (caseload, plc_date_new (2026, 11, 20), &error));
  g_assert_no_error (error);
  g_assert_true (plc_caseload_get_loaded (caseload));

  /* One items-changed for the whole reload: 0 removed, 5 children added */
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 5);

  /* By name: Ebba, Liam, Maja, Oskar, Vera */
  {
    g_autoptr(PlcCase) first = g_list_model_get_item (cases, 0);
    g_autoptr(PlcCase) last = g_list_model_get_item (cases, 4);

    g_assert_cmpstr (plc_child_get_ref (plc_case_get_child (first)), ==, "c-sthlm");
    g_assert_cmpstr (plc_child_get_ref (plc_case_get_child (last)), ==, "c-moved");
  }

  sthlm = find_case (caseload, "c-sthlm");
  g_assert_true (plc_case_get_active (sthlm));
  g_assert_cmpstr (plc_placement_get_ref (plc_case_get_current_placement (sthlm)), ==, "p-sthlm");
  g_assert_cmpstr (plc_case_get_profile_id (sthlm), ==, "stockholm");
  g_assert_null (plc_case_get_warning (sthlm));
  /* Overdue on 2026-11-20 (from the CLI test's list): the care plan, the
   * implementation plan and the agreement with the foster home (SoL
   * 2025:400 9 kap. 12 §, 22 kap. 3 §: at the start, 2026-01-31),
   * notification, SIP start, SIP meeting, health exam, feedback, three
   * visits, SIP follow-up 1 and 2, and the first SoL consideration */
  g_assert_cmpuint (plc_case_get_n_overdue (sthlm), ==, 14);
  /* Upcoming within 14 days: SIP follow-up 3 (2026-11-28) */
  g_assert_cmpuint (plc_case_get_n_upcoming (sthlm), ==, 1);
  g_assert_cmpuint (plc_case_get_next_due (sthlm), ==, plc_date_new (2026, 1, 31));

  /* A move: the current placement is the later one */
  moved = find_case (caseload, "c-moved");
  g_assert_cmpuint (plc_case_get_placements (moved)->len, ==, 2);
  g_assert_cmpstr (plc_placement_get_ref (plc_case_get_current_placement (moved)), ==, "p-moved-2");

  /* No agreement in force: the warning is there, and the profile is the baseline */
  jkpg = find_case (caseload, "c-jkpg");
  g_assert_nonnull (plc_case_get_warning (jkpg));
  g_assert_nonnull (strstr (plc_case_get_warning (jkpg), "SiS"));
  g_assert_cmpstr (plc_case_get_profile_id (jkpg), ==, "national");
  g_assert_nonnull (plc_caseload_get_warning (caseload,
                                              plc_placement_get_id (plc_case_get_current_placement (jkpg))));

  /* Obligations per placement */
  {
    GPtrArray *obligations = plc_caseload_get_obligations (caseload,
                                                           plc_placement_get_id (plc_case_get_current_placement (sthlm)));

    g_assert_nonnull (obligations);
    g_assert_cmpuint (obligations->len, >, 10);
  }

  /* The agenda: open steps only, overdue or due within 14 days, by date */
  g_assert_cmpuint (g_list_model_get_n_items (agenda), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(PlcObligation) ob = g_list_model_get_item (agenda, i);

      g_assert_true (plc_obligation_is_open (ob));
      g_assert_cmpuint (plc_obligation_get_due (ob), <=, plc_date_new (2026, 12, 4));
      g_assert_cmpuint (plc_obligation_get_due (ob), >=, previous);
      previous = plc_obligation_get_due (ob);
    }

  /* A second reload replaces the rows in one go */
  g_assert_true (plc_caseload_reload (caseload, plc_date_new (2026, 11, 20), &error));
  g_assert_cmpuint (seen.count, ==, 2);
  g_assert_cmpuint (seen.removed, ==, 5);
  g_assert_cmpuint (seen.added, ==, 5);
}

static void
reloaded (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_caseload_reload_finish (PLC_CASELOAD (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

/* Every items-changed of a model, in order */
typedef struct
{
  GArray *calls;  /* of guint[3]: position, removed, added */
} Recorded;

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Recorded   *recorded)
{
  guint call[3] = { position, removed, added };

  g_array_append_val (recorded->calls, call);
}

static void
recorded_init (Recorded   *recorded,
               GListModel *model)
{
  recorded->calls = g_array_new (FALSE, FALSE, sizeof (guint[3]));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), recorded);
}

static void
recorded_reset (Recorded *recorded)
{
  g_array_set_size (recorded->calls, 0);
}

static void
recorded_clear (Recorded   *recorded,
                GListModel *model)
{
  g_signal_handlers_disconnect_by_data (model, recorded);
  g_array_unref (recorded->calls);
}

static void
assert_call (Recorded *recorded,
             guint     index,
             guint     position,
             guint     removed,
             guint     added)
{
  guint *call;

  g_assert_cmpuint (index, <, recorded->calls->len);
  call = &g_array_index (recorded->calls, guint, 3 * index);
  g_assert_cmpuint (call[0], ==, position);
  g_assert_cmpuint (call[1], ==, removed);
  g_assert_cmpuint (call[2], ==, added);
}

static void
on_changed (PlcCaseload *caseload,
            guint       *count)
{
  (*count)++;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until "changed" was emitted @n times in all, then
 * a little longer, so that one too many shows too */
static void
wait_changed (guint *changed,
              guint  n)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (10000, timed_out_cb, &timed_out);

  while (*changed < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static guint
position_of (GListModel *cases,
             const char *child_ref)
{
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);

      if (g_str_equal (plc_child_get_ref (plc_case_get_child (c)), child_ref))
        return i;
    }

  return G_MAXUINT;
}

static guint
n_agenda_of (PlcCaseload *caseload,
             gint64       placement_id)
{
  GListModel *agenda = plc_caseload_get_agenda (caseload);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(PlcObligation) ob = g_list_model_get_item (agenda, i);

      n += plc_obligation_get_placement_id (ob) == placement_id;
    }

  return n;
}

static PlcStepStatus *
done_status (gint64      placement_id,
             const char *rule)
{
  PlcStepStatus *status = plc_step_status_new ();

  plc_step_status_set_placement_id (status, placement_id);
  plc_step_status_set_rule (status, rule);
  plc_step_status_set_state (status, PLC_STEP_STATE_DONE);
  plc_step_status_set_date (status, plc_date_new (2026, 2, 25));
  plc_step_status_set_recorded_by (status, "test");
  plc_step_status_set_recorded_at (status, "2026-02-25T10:00:00Z");

  return status;
}

/* Loaded once; then each save comes back through the store by itself, and
 * only the case it touched is replaced */
static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = store_with_fixture (fixture);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcCaseload) caseload = plc_caseload_new (store, engine);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cases = plc_caseload_get_cases (caseload);
  GListModel *agenda = plc_caseload_get_agenda (caseload);
  PlcCase *sthlm, *uppsala;
  PlcCase *before_dalarna;
  Recorded cases_seen, agenda_seen;
  guint changed = 0;
  guint overdue_before, agenda_before, agenda_of_sthlm;
  guint n_cases;
  gint64 sthlm_id, uppsala_id;

  g_signal_connect (caseload, "changed", G_CALLBACK (on_changed), &changed);

  plc_caseload_reload_async (caseload, plc_date_new (2026, 11, 20), NULL, reloaded, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (changed, ==, 1);
  n_cases = g_list_model_get_n_items (cases);

  recorded_init (&cases_seen, cases);
  recorded_init (&agenda_seen, agenda);

  sthlm = find_case (caseload, "c-sthlm");
  before_dalarna = find_case (caseload, "c-dalarna");
  overdue_before = plc_case_get_n_overdue (sthlm);
  agenda_before = g_list_model_get_n_items (agenda);
  placement = plc_store_get_placement_by_ref (store, "p-sthlm", &error);
  g_assert_no_error (error);
  sthlm_id = plc_placement_get_id (placement);
  agenda_of_sthlm = n_agenda_of (caseload, sthlm_id);

  /* A step marked done: one change, one case replaced in place, one
   * agenda item fewer */
  status = done_status (sthlm_id, "sip-meeting");
  g_assert_true (plc_store_save_step_status (store, status, &error));
  g_assert_no_error (error);
  wait_changed (&changed, 2);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_cmpuint (cases_seen.calls->len, ==, 1);
  assert_call (&cases_seen, 0, position_of (cases, "c-sthlm"), 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_cases);
  g_assert_cmpuint (plc_case_get_n_overdue (find_case (caseload, "c-sthlm")), ==, overdue_before - 1);
  g_assert_true (find_case (caseload, "c-sthlm") != sthlm);
  /* The other cases are the same objects */
  g_assert_true (find_case (caseload, "c-dalarna") == before_dalarna);

  g_assert_cmpuint (agenda_seen.calls->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, agenda_before - 1);
  g_assert_cmpuint (n_agenda_of (caseload, sthlm_id), ==, agenda_of_sthlm - 1);
  g_assert_nonnull (plc_caseload_get_obligations (caseload, sthlm_id));

  /* A new name that sorts elsewhere: out of one place and into another
   * (Ebba, Liam, Maja, Oskar, Vera → Liam, Maja, Oskar, Vera, Ylva) */
  recorded_reset (&cases_seen);
  recorded_reset (&agenda_seen);
  child = plc_store_get_child_by_ref (store, "c-sthlm", &error);
  g_assert_no_error (error);
  plc_child_set_name (child, "Ylva Testsson");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  wait_changed (&changed, 3);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (cases_seen.calls->len, ==, 2);
  assert_call (&cases_seen, 0, 0, 1, 0);
  assert_call (&cases_seen, 1, 4, 0, 1);
  g_assert_cmpuint (position_of (cases, "c-sthlm"), ==, 4);
  g_assert_cmpstr (plc_child_get_name (plc_case_get_child (find_case (caseload, "c-sthlm"))), ==, "Ylva Testsson");
  /* Its steps are computed anew (new objects), as many as before, and in
   * one items-changed that holds no more than they span */
  g_assert_cmpuint (agenda_seen.calls->len, ==, 1);
  g_assert_cmpuint (g_array_index (agenda_seen.calls, guint, 1), ==, g_array_index (agenda_seen.calls, guint, 2));
  g_assert_cmpuint (g_array_index (agenda_seen.calls, guint, 1), <=, g_list_model_get_n_items (agenda));
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, agenda_before - 1);

  /* Deleted: its case and its steps go, nothing else */
  recorded_reset (&cases_seen);
  recorded_reset (&agenda_seen);
  uppsala = find_case (caseload, "c-uppsala");
  uppsala_id = plc_child_get_id (plc_case_get_child (uppsala));
  g_assert_true (plc_store_delete_child (store, uppsala_id, &error));
  g_assert_no_error (error);
  wait_changed (&changed, 4);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (cases_seen.calls->len, ==, 1);
  assert_call (&cases_seen, 0, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_cases - 1);
  g_assert_cmpuint (position_of (cases, "c-uppsala"), ==, G_MAXUINT);
  g_assert_null (plc_caseload_lookup_case (caseload, uppsala_id));
  g_assert_cmpuint (agenda_seen.calls->len, ==, 1);

  recorded_clear (&cases_seen, cases);
  recorded_clear (&agenda_seen, agenda);
}

/* Another store on the same file (another window, placeringar-cli): its
 * change arrives, and the case is replaced */
static void
test_follows_other_store (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = store_with_fixture (fixture);
  g_autoptr(PlcStore) other = open_store (fixture);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcCaseload) caseload = plc_caseload_new (store, engine);
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cases = plc_caseload_get_cases (caseload);
  Recorded cases_seen;
  guint changed = 0;
  guint overdue_before;

  g_signal_connect (caseload, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (plc_caseload_reload (caseload, plc_date_new (2026, 11, 20), &error));
  g_assert_no_error (error);
  overdue_before = plc_case_get_n_overdue (find_case (caseload, "c-sthlm"));
  recorded_init (&cases_seen, cases);

  placement = plc_store_get_placement_by_ref (other, "p-sthlm", &error);
  g_assert_no_error (error);
  status = done_status (plc_placement_get_id (placement), "sip-meeting");
  g_assert_true (plc_store_save_step_status (other, status, &error));
  g_assert_no_error (error);

  plc_store_poll_changes (store);
  wait_changed (&changed, 2);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (cases_seen.calls->len, ==, 1);
  assert_call (&cases_seen, 0, position_of (cases, "c-sthlm"), 1, 1);
  g_assert_cmpuint (plc_case_get_n_overdue (find_case (caseload, "c-sthlm")), ==, overdue_before - 1);

  /* An import is a reset: everything read again, in one items-changed */
  recorded_reset (&cases_seen);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "rules.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(PlcDataset) dataset = plc_interchange_read_file (file, plc_date_new (2026, 11, 20), &error);

    g_assert_no_error (error);
    plc_child_set_name (g_ptr_array_index (plc_dataset_get_children (dataset), 0), "Ebba Testdotter");
    g_assert_true (plc_store_import (other, dataset, &error));
    g_assert_no_error (error);
  }
  plc_store_poll_changes (store);
  wait_changed (&changed, 3);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (cases_seen.calls->len, ==, 1);
  assert_call (&cases_seen, 0, 0, 5, 5);
  g_assert_cmpstr (plc_child_get_name (plc_case_get_child (find_case (caseload, "c-sthlm"))), ==, "Ebba Testdotter");

  recorded_clear (&cases_seen, cases);
}

/* A new child and its placement: a case appears where its name sorts */
static void
test_new_case (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = store_with_fixture (fixture);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcCaseload) caseload = plc_caseload_new (store, engine);
  g_autoptr(PlcChild) child = make_child ("Gustav Nysson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cases = plc_caseload_get_cases (caseload);
  Recorded cases_seen;
  guint changed = 0;
  PlcCase *c;

  g_signal_connect (caseload, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (plc_caseload_reload (caseload, plc_date_new (2026, 11, 20), &error));
  recorded_init (&cases_seen, cases);

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  wait_changed (&changed, 2);
  g_assert_cmpuint (cases_seen.calls->len, ==, 1);
  /* Ebba, Gustav, Liam, ... */
  assert_call (&cases_seen, 0, 1, 0, 1);
  c = plc_caseload_lookup_case (caseload, plc_child_get_id (child));
  g_assert_nonnull (c);
  g_assert_cmpuint (plc_case_get_placements (c)->len, ==, 0);

  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);
  wait_changed (&changed, 3);
  g_assert_cmpuint (cases_seen.calls->len, ==, 2);
  assert_call (&cases_seen, 1, 1, 1, 1);
  c = plc_caseload_lookup_case (caseload, plc_child_get_id (child));
  g_assert_cmpuint (plc_case_get_placements (c)->len, ==, 1);
  g_assert_true (plc_case_get_current_placement (c) != NULL);
  g_assert_nonnull (plc_caseload_get_obligations (caseload, plc_placement_get_id (placement)));

  recorded_clear (&cases_seen, cases);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/caseload/sync", Fixture, NULL, fixture_set_up, test_sync, fixture_tear_down);
  g_test_add ("/caseload/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/caseload/follows-other-store", Fixture, NULL, fixture_set_up, test_follows_other_store, fixture_tear_down);
  g_test_add ("/caseload/new-case", Fixture, NULL, fixture_set_up, test_new_case, fixture_tear_down);

  return g_test_run ();
}
