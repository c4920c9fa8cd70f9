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

static void
on_changed (PlcCaseload *caseload,
            guint       *count)
{
  (*count)++;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = store_with_fixture (fixture);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcCaseload) caseload = plc_caseload_new (store, engine);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PlcStepStatus) status = plc_step_status_new ();
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  PlcCase *sthlm;
  guint overdue_before;

  g_signal_connect (caseload, "changed", G_CALLBACK (on_changed), &changed);

  plc_caseload_reload_async (caseload, plc_date_new (2026, 11, 20), NULL, reloaded, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (changed, ==, 1);

  sthlm = find_case (caseload, "c-sthlm");
  overdue_before = plc_case_get_n_overdue (sthlm);

  /* A step marked done: one overdue fewer after the reload */
  placement = plc_store_get_placement_by_ref (store, "p-sthlm", &error);
  g_assert_no_error (error);
  plc_step_status_set_placement_id (status, plc_placement_get_id (placement));
  plc_step_status_set_rule (status, "sip-meeting");
  plc_step_status_set_state (status, PLC_STEP_STATE_DONE);
  plc_step_status_set_date (status, plc_date_new (2026, 2, 25));
  plc_step_status_set_recorded_by (status, "test");
  plc_step_status_set_recorded_at (status, "2026-02-25T10:00:00Z");
  g_assert_true (plc_store_save_step_status (store, status, &error));
  g_assert_no_error (error);

  plc_caseload_reload_async (caseload, plc_date_new (2026, 11, 20), NULL, reloaded, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (changed, ==, 2);

  sthlm = find_case (caseload, "c-sthlm");
  g_assert_cmpuint (plc_case_get_n_overdue (sthlm), ==, overdue_before - 1);

  plc_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/caseload/sync", Fixture, NULL, fixture_set_up, test_sync, fixture_tear_down);
  g_test_add ("/caseload/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
