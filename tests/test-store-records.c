/* test-store-records.c: saving, reading and soft-deleting records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-records"

#include "config.h"

#include "plc-sqlite-store-private.h"
#include "store-test-common.h"

static void
test_child_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) read = NULL;
  g_autoptr(PlcChild) by_ref = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  plc_child_set_lss (child, TRUE);
  plc_child_set_interpreter_language (child, "arabiska");

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_child_get_id (child), >, 0);
  g_assert_cmpint (plc_child_get_version (child), ==, 1);
  g_assert_true (g_str_has_prefix (plc_child_get_ref (child), "child-"));

  read = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (read), ==, "Alva Exempelsson");
  g_assert_cmpstr (plc_child_get_personnummer (read), ==, "20120315-2424");
  g_assert_cmpuint (plc_child_get_birth_date (read), ==, plc_date_new (2012, 3, 15));
  g_assert_cmpint (plc_child_get_legal_gender (read), ==, PLC_LEGAL_GENDER_FEMALE);
  g_assert_cmpstr (plc_child_get_home_municipality (read), ==, "2080");
  g_assert_true (plc_child_get_lss (read));
  g_assert_false (plc_child_get_asylum_seeker (read));
  g_assert_cmpstr (plc_child_get_interpreter_language (read), ==, "arabiska");
  g_assert_cmpstr (plc_child_get_ref (read), ==, plc_child_get_ref (child));

  /* An update bumps the version */
  plc_child_set_name (read, "Alva Annannamn");
  g_assert_true (plc_store_save_child (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_child_get_version (read), ==, 2);

  by_ref = plc_store_get_child_by_ref (store, plc_child_get_ref (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (by_ref), ==, "Alva Annannamn");
  g_assert_cmpint (plc_child_get_version (by_ref), ==, 2);

  all = plc_store_list_children (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_null (plc_store_get_child (store, 4711, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
}

static void
test_invalid_not_saved (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  plc_child_set_home_municipality (child, "9999");
  g_assert_false (plc_store_save_child (store, child, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpint (plc_child_get_id (child), ==, 0);
  g_assert_cmpint (plc_child_get_version (child), ==, 0);
  g_clear_error (&error);

  all = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_placement_and_steps (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) first = NULL;
  g_autoptr(PlcPlacement) second = NULL;
  g_autoptr(PlcPlacement) read = NULL;
  g_autoptr(PlcStepStatus) status = plc_step_status_new ();
  g_autoptr(PlcStepStatus) read_status = NULL;
  g_autoptr(PlcStepStatus) duplicate = plc_step_status_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  first = make_placement (plc_child_get_id (child));
  plc_placement_set_ref (first, "pl-1");
  g_assert_true (plc_store_save_placement (store, first, &error));
  g_assert_no_error (error);

  /* The next placement points to the first by its reference only */
  second = make_placement (0);
  plc_placement_set_child_ref (second, plc_child_get_ref (child));
  plc_placement_set_previous_ref (second, "pl-1");
  plc_placement_set_start_date (second, plc_date_new (2025, 6, 1));
  g_assert_true (plc_store_save_placement (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_child_id (second), ==, plc_child_get_id (child));
  g_assert_cmpint (plc_placement_get_previous_id (second), ==, plc_placement_get_id (first));

  read = plc_store_get_placement (store, plc_placement_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_placement_get_previous_ref (read), ==, "pl-1");
  g_assert_cmpstr (plc_placement_get_child_ref (read), ==, plc_child_get_ref (child));
  g_assert_cmpstr (plc_placement_get_caseworker (read), ==, "Kim Handläggare");
  g_assert_cmpuint (plc_placement_get_start_date (read), ==, plc_date_new (2025, 6, 1));
  g_assert_cmpint (plc_placement_get_form (read), ==, PLC_PLACEMENT_FORM_FAMILJEHEM);

  list = plc_store_list_placements (store, plc_child_get_id (child), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  plc_step_status_set_placement_id (status, plc_placement_get_id (first));
  plc_step_status_set_rule (status, "health-examination");
  plc_step_status_set_occurrence (status, 1);
  plc_step_status_set_state (status, PLC_STEP_STATE_DONE);
  plc_step_status_set_date (status, plc_date_new (2025, 4, 1));
  plc_step_status_set_note (status, "Gjord");
  g_assert_true (plc_store_save_step_status (store, status, &error));
  g_assert_no_error (error);

  read_status = plc_store_get_step_status (store, plc_placement_get_id (first),
                                           "health-examination", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_step_status_get_state (read_status), ==, PLC_STEP_STATE_DONE);
  g_assert_cmpstr (plc_step_status_get_note (read_status), ==, "Gjord");
  g_assert_cmpstr (plc_step_status_get_placement_ref (read_status), ==, "pl-1");

  /* One status per placement, rule and occurrence */
  plc_step_status_set_placement_id (duplicate, plc_placement_get_id (first));
  plc_step_status_set_rule (duplicate, "health-examination");
  plc_step_status_set_occurrence (duplicate, 1);
  g_assert_false (plc_store_save_step_status (store, duplicate, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  list = plc_store_list_step_statuses (store, plc_placement_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = plc_store_list_step_statuses (store, plc_placement_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* The day the investigation was closed and the day a restriction was
 * decided: stored, changed and cleared like the other dates. */
static void
test_placement_dates (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcPlacement) read = NULL;
  g_autoptr(PlcPlacement) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  placement = make_placement (plc_child_get_id (child));
  plc_placement_set_form (placement, PLC_PLACEMENT_FORM_JOURHEM);
  plc_placement_set_investigation_closed_date (placement, plc_date_new (2025, 4, 30));
  plc_placement_set_restriction_decided_date (placement, plc_date_new (2025, 3, 24));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  read = plc_store_get_placement (store, plc_placement_get_id (placement), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (read), ==, plc_date_new (2025, 4, 30));
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (read), ==, plc_date_new (2025, 3, 24));
  g_assert_cmpuint (plc_placement_get_start_date (read), ==, plc_date_new (2025, 3, 20));
  g_assert_cmpuint (plc_placement_get_custody_carried_out_date (read), ==, PLC_DATE_NONE);

  /* The restriction is lifted, the investigation date corrected */
  plc_placement_set_restriction_decided_date (read, PLC_DATE_NONE);
  plc_placement_set_investigation_closed_date (read, plc_date_new (2025, 5, 2));
  g_assert_true (plc_store_save_placement (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (read), ==, 2);

  list = plc_store_list_placements (store, plc_child_get_id (child), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (g_ptr_array_index (list, 0)), ==,
                    plc_date_new (2025, 5, 2));
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (g_ptr_array_index (list, 0)), ==,
                    PLC_DATE_NONE);

  /* The model's rules hold: not after the end, and nothing is saved */
  plc_placement_set_end_date (read, plc_date_new (2025, 6, 1));
  plc_placement_set_restriction_decided_date (read, plc_date_new (2025, 6, 2));
  g_assert_false (plc_store_save_placement (store, read, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Restriction decided:"));
  g_clear_error (&error);
  g_assert_cmpint (plc_placement_get_version (read), ==, 2);

  again = plc_store_get_placement_by_ref (store, plc_placement_get_ref (placement), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (again), ==, 2);
  g_assert_cmpuint (plc_placement_get_end_date (again), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (again), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (again), ==, plc_date_new (2025, 5, 2));
}

static void
test_contact_and_log (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcContact) contact = plc_contact_new ();
  g_autoptr(PlcContact) read = NULL;
  g_autoptr(PlcContactLogEntry) older = plc_contact_log_entry_new ();
  g_autoptr(PlcContactLogEntry) newer = plc_contact_log_entry_new ();
  g_autoptr(PlcContactLogEntry) read_entry = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PlcContactLink *lnk;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  plc_contact_set_name (contact, "BUP Falun");
  plc_contact_set_phone (contact, "023-49 20 00");
  lnk = plc_contact_link_new ();
  lnk->child_id = plc_child_get_id (child);
  lnk->role = PLC_CONTACT_ROLE_GUARDIAN;
  plc_contact_add_link (contact, lnk);
  g_assert_true (plc_store_save_contact (store, contact, &error));
  g_assert_no_error (error);

  read = plc_store_get_contact (store, plc_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_contact_get_name (read), ==, "BUP Falun");
  g_assert_cmpstr (plc_contact_get_phone (read), ==, "023-49 20 00");
  g_assert_cmpuint (plc_contact_get_links (read)->len, ==, 1);
  lnk = g_ptr_array_index (plc_contact_get_links (read), 0);
  g_assert_cmpint (lnk->child_id, ==, plc_child_get_id (child));
  g_assert_cmpstr (lnk->child_ref, ==, plc_child_get_ref (child));
  g_assert_cmpint (lnk->role, ==, PLC_CONTACT_ROLE_GUARDIAN);

  /* Saving again with no links replaces the links */
  plc_contact_clear_links (read);
  g_assert_true (plc_store_save_contact (store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = plc_store_get_contact_by_ref (store, plc_contact_get_ref (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_contact_get_links (read)->len, ==, 0);
  g_assert_cmpint (plc_contact_get_version (read), ==, 2);

  plc_contact_log_entry_set_child_id (older, plc_child_get_id (child));
  plc_contact_log_entry_set_date (older, plc_date_new (2025, 2, 5));
  plc_contact_log_entry_set_kind (older, PLC_CONTACT_LOG_KIND_CALL);
  plc_contact_log_entry_set_note (older, "Bokade tid");
  g_assert_true (plc_store_save_contact_log_entry (store, older, &error));
  g_assert_no_error (error);

  plc_contact_log_entry_set_child_id (newer, plc_child_get_id (child));
  plc_contact_log_entry_set_date (newer, plc_date_new (2025, 3, 21));
  plc_contact_log_entry_set_kind (newer, PLC_CONTACT_LOG_KIND_MEETING);
  plc_contact_log_entry_set_contact_id (newer, plc_contact_get_id (contact));
  plc_contact_log_entry_set_with_whom (newer, "BUP Falun");
  g_assert_true (plc_store_save_contact_log_entry (store, newer, &error));
  g_assert_no_error (error);

  list = plc_store_list_contact_log (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first */
  g_assert_cmpint (plc_contact_log_entry_get_id (g_ptr_array_index (list, 0)), ==,
                   plc_contact_log_entry_get_id (newer));

  read_entry = plc_store_get_contact_log_entry (store, plc_contact_log_entry_get_id (older), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_contact_log_entry_get_note (read_entry), ==, "Bokade tid");
  g_assert_cmpstr (plc_contact_log_entry_get_child_ref (read_entry), ==, plc_child_get_ref (child));
  g_assert_cmpint (plc_contact_log_entry_get_kind (read_entry), ==, PLC_CONTACT_LOG_KIND_CALL);
}

static void
test_deviation_history (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  g_autoptr(PlcDeviation) read = NULL;
  g_autoptr(PlcDeviation) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PlcDeviationEvent *event;

  plc_deviation_set_title (deviation, "Ingen hälsoundersökning");
  plc_deviation_set_occurred_on (deviation, plc_date_new (2025, 5, 2));
  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_REPORTED, "anna", "Skickad");
  g_assert_true (plc_store_save_deviation (store, deviation, &error));
  g_assert_no_error (error);

  read = plc_store_get_deviation (store, plc_deviation_get_id (deviation), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_deviation_get_title (read), ==, "Ingen hälsoundersökning");
  g_assert_cmpint (plc_deviation_get_status (read), ==, PLC_DEVIATION_STATUS_REPORTED);
  g_assert_cmpuint (plc_deviation_get_history (read)->len, ==, 1);
  event = g_ptr_array_index (plc_deviation_get_history (read), 0);
  g_assert_cmpstr (event->user, ==, "anna");
  g_assert_cmpstr (event->note, ==, "Skickad");

  /* A new event is appended to the stored history */
  plc_deviation_escalate (read, "anna", "Eskalerad");
  g_assert_true (plc_store_save_deviation (store, read, &error));
  g_assert_no_error (error);

  again = plc_store_get_deviation_by_ref (store, plc_deviation_get_ref (deviation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_deviation_get_history (again)->len, ==, 2);
  g_assert_cmpint (plc_deviation_get_version (again), ==, 2);

  list = plc_store_list_deviations (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* Two windows (two connections) edit the same child: the second save is
 * refused and the first one's data stays. */
static void
test_stale_save (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(PlcStore) store_a = open_store (fixture);
  g_autoptr(PlcStore) store_b = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) in_a = NULL;
  g_autoptr(PlcChild) in_b = NULL;
  g_autoptr(PlcChild) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (plc_store_save_child (store_a, child, &error));
  g_assert_no_error (error);
  id = plc_child_get_id (child);

  in_a = plc_store_get_child (store_a, id, &error);
  g_assert_no_error (error);
  in_b = plc_store_get_child (store_b, id, &error);
  g_assert_no_error (error);

  plc_child_set_name (in_a, "Namn A");
  g_assert_true (plc_store_save_child (store_a, in_a, &error));
  g_assert_no_error (error);

  plc_child_set_name (in_b, "Namn B");
  g_assert_false (plc_store_save_child (store_b, in_b, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "changed by someone else"));
  g_assert_cmpint (plc_child_get_version (in_b), ==, 1);
  g_clear_error (&error);

  stored = plc_store_get_child (store_b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (stored), ==, "Namn A");
  g_assert_cmpint (plc_child_get_version (stored), ==, 2);
}

static void
test_soft_delete (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) deleted = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  g_assert_true (plc_store_delete_child (store, plc_child_get_id (child), &error));
  g_assert_no_error (error);

  list = plc_store_list_children (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  deleted = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_true (plc_child_get_deleted (deleted));

  /* The child's placement is kept as it was */
  list = plc_store_list_placements (store, plc_child_get_id (child), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (plc_store_delete_placement (store, plc_placement_get_id (placement), &error));
  g_assert_no_error (error);
  list = plc_store_list_placements (store, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (plc_store_undelete_placement (store, plc_placement_get_id (placement), &error));
  g_assert_no_error (error);

  g_assert_true (plc_store_undelete_child (store, plc_child_get_id (child), &error));
  g_assert_no_error (error);
  list = plc_store_list_children (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = plc_store_list_placements (store, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_false (plc_store_delete_contact (store, 4711, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
}

static void
test_duplicate_ref (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) first = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) second = make_child ("Noah Provsson");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  plc_child_set_ref (first, "child-alva");
  g_assert_true (plc_store_save_child (store, first, &error));
  g_assert_no_error (error);

  plc_child_set_ref (second, "child-alva");
  g_assert_false (plc_store_save_child (store, second, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "child-alva"));
  g_assert_null (strstr (error->message, "Noah"));
  g_assert_cmpint (plc_child_get_id (second), ==, 0);
  g_clear_error (&error);

  list = plc_store_list_children (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* The audit rows of routine offsets, in order, as "action ref" */
static char *
routine_offset_audit (PlcStore *store)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  entries = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entries->len; i++)
    {
      PlcAuditEntry *entry = g_ptr_array_index (entries, i);

      if (!g_str_equal (entry->record_type, "routine-offset"))
        continue;

      g_assert_cmpint (entry->record_id, ==, 0);
      g_assert_cmpstr (entry->user, ==, g_get_user_name ());
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "; " : "", entry->action, entry->record_ref);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_offset (GPtrArray     *list,
               guint          index,
               const char    *profile_id,
               const char    *rule_id,
               int            amount,
               PlcOffsetUnit  unit)
{
  PlcRoutineOffset *offset;

  g_assert_cmpuint (index, <, list->len);
  offset = g_ptr_array_index (list, index);
  g_assert_cmpstr (offset->profile_id, ==, profile_id);
  g_assert_cmpstr (offset->rule_id, ==, rule_id);
  g_assert_cmpint (offset->amount, ==, amount);
  g_assert_cmpint (offset->unit, ==, unit);
}

static void
test_routine_offsets (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  list = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Set, in any order; listed by profile and rule */
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "sip-first", 4, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_set_routine_offset (store, "stockholm", "care-plan", 1, PLC_OFFSET_UNIT_MONTHS, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "notify-region", -3, PLC_OFFSET_UNIT_DAYS, &error));
  g_assert_no_error (error);

  list = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  assert_offset (list, 0, "dalarna", "notify-region", -3, PLC_OFFSET_UNIT_DAYS);
  assert_offset (list, 1, "dalarna", "sip-first", 4, PLC_OFFSET_UNIT_WEEKS);
  assert_offset (list, 2, "stockholm", "care-plan", 1, PLC_OFFSET_UNIT_MONTHS);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Setting again replaces; the same value again changes nothing */
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "sip-first", 1, PLC_OFFSET_UNIT_MONTHS, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "sip-first", 1, PLC_OFFSET_UNIT_MONTHS, &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "notify-region", -3, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_no_error (error);

  list = plc_store_list_routine_offsets (store, "dalarna", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  assert_offset (list, 0, "dalarna", "notify-region", -3, PLC_OFFSET_UNIT_WEEKS);
  assert_offset (list, 1, "dalarna", "sip-first", 1, PLC_OFFSET_UNIT_MONTHS);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = plc_store_list_routine_offsets (store, "jonkoping", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Cleared: back to the profile's default; clearing again is no error */
  g_assert_true (plc_store_clear_routine_offset (store, "dalarna", "sip-first", &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_clear_routine_offset (store, "dalarna", "sip-first", &error));
  g_assert_no_error (error);
  g_assert_true (plc_store_clear_routine_offset (store, "ostergotland", "sip-first", &error));
  g_assert_no_error (error);

  list = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  assert_offset (list, 0, "dalarna", "notify-region", -3, PLC_OFFSET_UNIT_WEEKS);
  assert_offset (list, 1, "stockholm", "care-plan", 1, PLC_OFFSET_UNIT_MONTHS);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Every change is audited, and only a change */
  audit = routine_offset_audit (store);
  g_assert_cmpstr (audit, ==,
                   "create dalarna/sip-first; "
                   "create stockholm/care-plan; "
                   "create dalarna/notify-region; "
                   "update dalarna/sip-first; "
                   "update dalarna/notify-region; "
                   "delete dalarna/sip-first");

  /* A boxed type, copied deeply */
  {
    g_autoptr(PlcRoutineOffset) offset = plc_routine_offset_new ("dalarna", "sip-first", -2, PLC_OFFSET_UNIT_YEARS);
    g_autoptr(PlcRoutineOffset) copy = g_boxed_copy (PLC_TYPE_ROUTINE_OFFSET, offset);

    g_assert_true (copy->profile_id != offset->profile_id);
    g_assert_true (copy->rule_id != offset->rule_id);
    g_assert_cmpstr (copy->profile_id, ==, "dalarna");
    g_assert_cmpstr (copy->rule_id, ==, "sip-first");
    g_assert_cmpint (copy->amount, ==, -2);
    g_assert_cmpint (copy->unit, ==, PLC_OFFSET_UNIT_YEARS);
  }
}

static void
test_routine_offsets_invalid (Fixture       *fixture,
                              gconstpointer  user_data)
{
  static const struct {
    const char *profile_id;
    const char *rule_id;
    const char *label;
  } cases[] = {
    { "", "sip-first", "Agreement profile: must be set" },
    { "Dalarna", "sip-first", "Agreement profile: “Dalarna”" },
    { "dal arna", "sip-first", "Agreement profile: “dal arna”" },
    { "dalarna/x", "sip-first", "Agreement profile: “dalarna/x”" },
    { "östergötland", "sip-first", "Agreement profile: “östergötland”" },
    { "dalarna", "", "Rule: must be set" },
    { "dalarna", "sip_first", "Rule: “sip_first”" },
    { "dalarna", "SIP", "Rule: “SIP”" },
    { "dalarna", "sip-first ", "Rule: “sip-first ”" },
  };
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "sip-first", 4, PLC_OFFSET_UNIT_WEEKS, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s” “%s”", cases[i].profile_id, cases[i].rule_id);

      g_assert_false (plc_store_set_routine_offset (store, cases[i].profile_id, cases[i].rule_id,
                                                    2, PLC_OFFSET_UNIT_DAYS, &error));
      g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].label));
      g_clear_error (&error);

      g_assert_false (plc_store_clear_routine_offset (store, cases[i].profile_id, cases[i].rule_id, &error));
      g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].label));
      g_clear_error (&error);
    }

  /* A unit that is not one */
  g_assert_false (plc_store_set_routine_offset (store, "dalarna", "sip-first", 2, (PlcOffsetUnit) 17, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Unit:"));
  g_clear_error (&error);

  /* Listing by a profile id that is not one */
  g_assert_null (plc_store_list_routine_offsets (store, "Dalarna", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was stored, changed or audited */
  list = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  assert_offset (list, 0, "dalarna", "sip-first", 4, PLC_OFFSET_UNIT_WEEKS);

  audit = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
}

/* The plans of the statements that read one child's or one placement's
 * records, as the store prepared them: each searches an index, none scans
 * its table (a "?1 = 0 OR" made SQLite scan every row) */
static void
test_statements_use_indexes (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  sqlite3 *db;
  guint checked = 0;

  g_assert_true (plc_store_save_child (store, child, &error));
  placement = make_placement (plc_child_get_id (child));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = plc_store_list_placements (store, plc_child_get_id (child), FALSE, &error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = plc_store_list_placements (store, plc_child_get_id (child), TRUE, &error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = plc_store_list_step_statuses (store, plc_placement_get_id (placement), &error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = plc_store_list_contact_log (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  status = plc_store_get_step_status (store, plc_placement_get_id (placement), "sip-meeting", 1, &error);
  g_assert_null (status);
  g_clear_error (&error);

  statements = _plc_sqlite_store_list_statements (store);
  db = open_raw (fixture->path);
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);
      g_autofree char *explain = NULL;
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      if (strstr (sql, "record.child_id = ?1") == NULL && strstr (sql, "WHERE child_id = ?1") == NULL &&
          strstr (sql, "WHERE placement_id = ?1") == NULL)
        continue;

      explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);

      g_test_message ("%s\n-> %s", sql, plan->str);
      g_assert_null (strstr (plan->str, "SCAN TABLE placements AS record"));
      g_assert_null (strstr (plan->str, "SCAN TABLE step_statuses AS record"));
      g_assert_null (strstr (plan->str, "SCAN TABLE contact_log AS record"));
      g_assert_nonnull (strstr (plan->str, "SEARCH TABLE"));
      checked++;
    }
  sqlite3_close (db);

  /* placements of a child (two), step statuses of a placement, the step
   * status of a rule, the contact log of a child */
  g_assert_cmpuint (checked, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/records/child", test_child_round_trip);
  ADD ("/store/records/invalid", test_invalid_not_saved);
  ADD ("/store/records/placement-and-steps", test_placement_and_steps);
  ADD ("/store/records/placement-dates", test_placement_dates);
  ADD ("/store/records/contact-and-log", test_contact_and_log);
  ADD ("/store/records/deviation-history", test_deviation_history);
  ADD ("/store/records/stale", test_stale_save);
  ADD ("/store/records/soft-delete", test_soft_delete);
  ADD ("/store/records/duplicate-ref", test_duplicate_ref);
  ADD ("/store/records/routine-offsets", test_routine_offsets);
  ADD ("/store/records/routine-offsets-invalid", test_routine_offsets_invalid);
  ADD ("/store/records/statements-use-indexes", test_statements_use_indexes);

  return g_test_run ();
}
