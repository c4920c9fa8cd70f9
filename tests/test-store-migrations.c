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

/* A database of schema 2 with a child and placements in it, written as
 * version 2 wrote them: every field is kept, and the new ones are empty. */
static void
test_upgrade_from_2 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(PlcStore) old = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(PlcPlacement) first = NULL;
  g_autoptr(PlcPlacement) second = NULL;
  g_autoptr(PlcPlacement) saved = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) offsets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (plc_store_get_latest_schema_version (), >=, 3);

  old = _plc_store_open_at_version (fixture->path, key, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (old), ==, 2);
  g_clear_object (&old);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_master WHERE name = 'routine_offsets'"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT investigation_closed_date FROM placements", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* Every column of schema 2, none at its default */
  insert = g_strdup_printf (
    "INSERT INTO children (id, version, ref, deleted, name, personnummer, temporary_ref, birth_date,"
    " legal_gender, home_municipality, registration_municipality, asylum_seeker, unaccompanied, lss,"
    " interpreter_language)"
    " VALUES (7, 3, 'child-alva', 0, 'Alva Exempelsson', '20120315-2424', NULL, %u,"
    " %d, '2080', '2081', 1, 1, 1, 'arabiska');"
    "INSERT INTO placements (id, version, ref, deleted, child_id, placing_municipality, caseworker,"
    " legal_basis, form, start_date, acute, planned_end_date, end_date, end_reason,"
    " placed_in_municipality, placed_in_region, other_region, lvu_decision_date,"
    " custody_carried_out_date, previous_id)"
    " VALUES (11, 2, 'pl-alva-1', 0, 7, '2080', 'Kim Handläggare', %d, %d, %u, 1, %u, %u,"
    " 'Omplacering', '2081', '20', 0, %u, %u, NULL);"
    "INSERT INTO placements (id, version, ref, deleted, child_id, placing_municipality, caseworker,"
    " legal_basis, form, start_date, acute, planned_end_date, end_date, end_reason,"
    " placed_in_municipality, placed_in_region, other_region, lvu_decision_date,"
    " custody_carried_out_date, previous_id)"
    " VALUES (12, 1, 'pl-alva-2', 1, 7, '2062', NULL, %d, %d, %u, 0, 0, 0, NULL,"
    " '0180', '01', 1, 0, 0, 11);"
    "INSERT INTO audit_log (at, user, action, record_type, record_id, record_ref)"
    " VALUES ('2025-03-20T10:00:00Z', 'kimh', 'create', 'placement', 12, 'pl-alva-2');",
    plc_date_new (2012, 3, 15), PLC_LEGAL_GENDER_FEMALE,
    PLC_LEGAL_BASIS_LVU6, PLC_PLACEMENT_FORM_JOURHEM, plc_date_new (2025, 2, 3),
    plc_date_new (2025, 4, 1), plc_date_new (2025, 3, 20),
    plc_date_new (2025, 2, 3), plc_date_new (2025, 2, 4),
    PLC_LEGAL_BASIS_LVU2, PLC_PLACEMENT_FORM_FAMILJEHEM, plc_date_new (2025, 3, 20));
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  child = plc_store_get_child (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_child_get_version (child), ==, 3);
  g_assert_cmpstr (plc_child_get_ref (child), ==, "child-alva");
  g_assert_cmpstr (plc_child_get_name (child), ==, "Alva Exempelsson");
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "20120315-2424");
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, plc_date_new (2012, 3, 15));
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, PLC_LEGAL_GENDER_FEMALE);
  g_assert_cmpstr (plc_child_get_registration_municipality (child), ==, "2081");
  g_assert_true (plc_child_get_unaccompanied (child));
  g_assert_cmpstr (plc_child_get_interpreter_language (child), ==, "arabiska");

  first = plc_store_get_placement (store, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (first), ==, 2);
  g_assert_cmpstr (plc_placement_get_ref (first), ==, "pl-alva-1");
  g_assert_false (plc_placement_get_deleted (first));
  g_assert_cmpint (plc_placement_get_child_id (first), ==, 7);
  g_assert_cmpstr (plc_placement_get_child_ref (first), ==, "child-alva");
  g_assert_cmpstr (plc_placement_get_placing_municipality (first), ==, "2080");
  g_assert_cmpstr (plc_placement_get_caseworker (first), ==, "Kim Handläggare");
  g_assert_cmpint (plc_placement_get_legal_basis (first), ==, PLC_LEGAL_BASIS_LVU6);
  g_assert_cmpint (plc_placement_get_form (first), ==, PLC_PLACEMENT_FORM_JOURHEM);
  g_assert_cmpuint (plc_placement_get_start_date (first), ==, plc_date_new (2025, 2, 3));
  g_assert_true (plc_placement_get_acute (first));
  g_assert_cmpuint (plc_placement_get_planned_end_date (first), ==, plc_date_new (2025, 4, 1));
  g_assert_cmpuint (plc_placement_get_end_date (first), ==, plc_date_new (2025, 3, 20));
  g_assert_cmpstr (plc_placement_get_end_reason (first), ==, "Omplacering");
  g_assert_cmpstr (plc_placement_get_placed_in_municipality (first), ==, "2081");
  g_assert_cmpstr (plc_placement_get_placed_in_region (first), ==, "20");
  g_assert_false (plc_placement_get_other_region (first));
  g_assert_cmpuint (plc_placement_get_lvu_decision_date (first), ==, plc_date_new (2025, 2, 3));
  g_assert_cmpuint (plc_placement_get_custody_carried_out_date (first), ==, plc_date_new (2025, 2, 4));
  g_assert_cmpint (plc_placement_get_previous_id (first), ==, 0);
  g_assert_null (plc_placement_get_previous_ref (first));
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (first), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (first), ==, PLC_DATE_NONE);

  second = plc_store_get_placement (store, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (second), ==, 1);
  g_assert_cmpstr (plc_placement_get_ref (second), ==, "pl-alva-2");
  g_assert_true (plc_placement_get_deleted (second));
  g_assert_cmpstr (plc_placement_get_placing_municipality (second), ==, "2062");
  g_assert_null (plc_placement_get_caseworker (second));
  g_assert_cmpint (plc_placement_get_legal_basis (second), ==, PLC_LEGAL_BASIS_LVU2);
  g_assert_cmpint (plc_placement_get_form (second), ==, PLC_PLACEMENT_FORM_FAMILJEHEM);
  g_assert_cmpuint (plc_placement_get_start_date (second), ==, plc_date_new (2025, 3, 20));
  g_assert_false (plc_placement_get_acute (second));
  g_assert_cmpuint (plc_placement_get_planned_end_date (second), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_end_date (second), ==, PLC_DATE_NONE);
  g_assert_null (plc_placement_get_end_reason (second));
  g_assert_cmpstr (plc_placement_get_placed_in_municipality (second), ==, "0180");
  g_assert_cmpstr (plc_placement_get_placed_in_region (second), ==, "01");
  g_assert_true (plc_placement_get_other_region (second));
  g_assert_cmpint (plc_placement_get_previous_id (second), ==, 11);
  g_assert_cmpstr (plc_placement_get_previous_ref (second), ==, "pl-alva-1");
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (second), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (second), ==, PLC_DATE_NONE);

  /* The upgrade itself is not audited, and the old audit log is kept */
  audit = plc_store_list_audit (store, PLC_DATE_NONE, PLC_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((PlcAuditEntry *)g_ptr_array_index (audit, 0))->record_ref, ==, "pl-alva-2");

  /* The new columns take dates, on the stored version */
  plc_placement_set_investigation_closed_date (first, plc_date_new (2025, 3, 14));
  g_assert_true (plc_store_save_placement (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (first), ==, 3);
  saved = plc_store_get_placement_by_ref (store, "pl-alva-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (saved), ==, plc_date_new (2025, 3, 14));
  g_assert_cmpuint (plc_placement_get_custody_carried_out_date (saved), ==, plc_date_new (2025, 2, 4));

  /* No routine offsets yet, and they can be set */
  offsets = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 0);
  g_clear_pointer (&offsets, g_ptr_array_unref);
  g_assert_true (plc_store_set_routine_offset (store, "dalarna", "notify-region", 2, PLC_OFFSET_UNIT_DAYS, &error));
  g_assert_no_error (error);
  offsets = plc_store_list_routine_offsets (store, "dalarna", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 1);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, plc_store_get_latest_schema_version ());
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM placements"), ==, 2);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM placements WHERE restriction_decided_date = 0"), ==, 2);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM routine_offsets"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM routine_offsets", NULL, NULL, NULL), ==, SQLITE_OK);
  /* The new table holds ids and units only in their one form */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit)"
                                     " VALUES ('dalarna', 'sip-first', -2, 'weeks')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit)"
                                     " VALUES ('dalarna', 'sip-first', 3, 'weeks')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit)"
                                     " VALUES ('dalarna', 'other', 3, 'fortnights')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit)"
                                     " VALUES ('Dalarna', 'other', 3, 'days')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit)"
                                     " VALUES ('dalarna', '', 3, 'days')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM routine_offsets"), ==, 1);
  sqlite3_close (db);
}

/* A database of schema 3 with step statuses in it: every field is kept, a
 * status has no meeting record, and one can be recorded and read back. */
static void
test_upgrade_from_3 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(PlcStore) old = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcStepStatus) done = NULL;
  g_autoptr(PlcStepStatus) not_needed = NULL;
  g_autoptr(PlcStepStatus) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  const char * const invited[] = { "BUP Falun", "Vårdcentral Norr", "Elevhälsan", NULL };
  const char * const attended[] = { "Elevhälsan", "BUP Falun", NULL };
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (plc_store_get_latest_schema_version (), >=, 4);

  old = _plc_store_open_at_version (fixture->path, key, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (old), ==, 3);
  g_clear_object (&old);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT invited_units FROM step_statuses", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* Every column of schema 3's step statuses, none at its default */
  insert = g_strdup_printf (
    "INSERT INTO children (id, version, ref, deleted, name, personnummer, birth_date, legal_gender,"
    " home_municipality) VALUES (7, 1, 'child-alva', 0, 'Alva Exempelsson', '20120315-2424', %u, %d, '2080');"
    "INSERT INTO placements (id, version, ref, deleted, child_id, placing_municipality, caseworker,"
    " legal_basis, form, start_date, investigation_closed_date, restriction_decided_date)"
    " VALUES (11, 1, 'pl-alva-1', 0, 7, '2080', 'Kim Handläggare', %d, %d, %u, %u, 0);"
    "INSERT INTO step_statuses (id, version, ref, placement_id, rule, occurrence, state, date, note,"
    " reason, recorded_by, recorded_at, reopened)"
    " VALUES (21, 2, 'step-1', 11, 'sip-meeting', 1, %d, %u, 'Möte hos BUP', NULL, 'kimh',"
    " '2025-03-01T09:00:00Z', 1);"
    "INSERT INTO step_statuses (id, version, ref, placement_id, rule, occurrence, state, date, note,"
    " reason, recorded_by, recorded_at, reopened)"
    " VALUES (22, 1, 'step-2', 11, 'health-exam/dental', 2, %d, 0, NULL, 'Undersökt 2024',"
    " 'kimh', '2025-03-02T09:00:00Z', 0);",
    plc_date_new (2012, 3, 15), PLC_LEGAL_GENDER_FEMALE,
    PLC_LEGAL_BASIS_SOL, PLC_PLACEMENT_FORM_FAMILJEHEM, plc_date_new (2025, 2, 3), plc_date_new (2025, 2, 20),
    PLC_STEP_STATE_DONE, plc_date_new (2025, 2, 27),
    PLC_STEP_STATE_NOT_NEEDED);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  done = plc_store_get_step_status (store, 11, "sip-meeting", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_step_status_get_id (done), ==, 21);
  g_assert_cmpint (plc_step_status_get_version (done), ==, 2);
  g_assert_cmpstr (plc_step_status_get_ref (done), ==, "step-1");
  g_assert_cmpstr (plc_step_status_get_placement_ref (done), ==, "pl-alva-1");
  g_assert_cmpint (plc_step_status_get_state (done), ==, PLC_STEP_STATE_DONE);
  g_assert_cmpuint (plc_step_status_get_date (done), ==, plc_date_new (2025, 2, 27));
  g_assert_cmpstr (plc_step_status_get_note (done), ==, "Möte hos BUP");
  g_assert_cmpstr (plc_step_status_get_recorded_by (done), ==, "kimh");
  g_assert_cmpstr (plc_step_status_get_recorded_at (done), ==, "2025-03-01T09:00:00Z");
  g_assert_true (plc_step_status_get_reopened (done));
  g_assert_false (plc_step_status_has_meeting_record (done));
  g_assert_null (plc_step_status_get_invited_units (done)[0]);
  g_assert_null (plc_step_status_get_attended_units (done)[0]);
  g_assert_false (plc_step_status_get_planning_completed (done));

  not_needed = plc_store_get_step_status (store, 11, "health-exam/dental", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_step_status_get_state (not_needed), ==, PLC_STEP_STATE_NOT_NEEDED);
  g_assert_cmpstr (plc_step_status_get_reason (not_needed), ==, "Undersökt 2024");
  g_assert_false (plc_step_status_has_meeting_record (not_needed));

  /* The new columns take a meeting record, on the stored version */
  plc_step_status_set_invited_units (done, invited);
  plc_step_status_set_attended_units (done, attended);
  plc_step_status_set_planning_completed (done, TRUE);
  g_assert_true (plc_store_save_step_status (store, done, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_step_status_get_version (done), ==, 3);
  saved = plc_store_get_step_status (store, 11, "sip-meeting", 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (plc_step_status_get_invited_units (saved), invited));
  g_assert_true (g_strv_equal (plc_step_status_get_attended_units (saved), attended));
  g_assert_true (plc_step_status_get_planning_completed (saved));
  g_assert_false (plc_step_status_get_all_invited_attended (saved));
  g_assert_cmpstr (plc_step_status_get_note (saved), ==, "Möte hos BUP");

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, plc_store_get_latest_schema_version ());
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM step_statuses"), ==, 2);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM step_statuses WHERE invited_units IS NULL"
                                  " AND attended_units IS NULL AND planning_completed = 0"), ==, 1);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM step_statuses WHERE invited_units ="
                                  " 'BUP Falun' || char(10) || 'Vårdcentral Norr' || char(10) || 'Elevhälsan'"
                                  " AND planning_completed = 1"), ==, 1);
  sqlite3_close (db);
}

/* Schema 5 adds the change log: a database from before has none to start
 * with, and logs from then on */
static void
test_upgrade_from_4 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcStore) old = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcChild) child = NULL;
  g_autofree char *insert = NULL;
  sqlite3 *db;

  g_assert_cmpint (plc_store_get_latest_schema_version (), >=, 5);

  old = _plc_store_open_at_version (fixture->path, key, 4, &error);
  g_assert_no_error (error);
  g_clear_object (&old);

  /* A child written by version 4 (the columns of its time: the store's
   * own code writes the latest ones) */
  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_master WHERE name = 'change_log'"), ==, 0);
  insert = g_strdup_printf ("INSERT INTO children (id, version, ref, deleted, name, personnummer, birth_date,"
                            " legal_gender, home_municipality) VALUES (7, 1, 'child-alva', 0,"
                            " 'Alva Exempelsson', '20120315-2424', %u, %d, '2080');",
                            plc_date_new (2012, 3, 15), PLC_LEGAL_GENDER_FEMALE);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store (fixture);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  child = plc_store_get_child (store, 7, &error);
  g_assert_no_error (error);
  plc_child_set_name (child, "Alva Exempeldotter");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM change_log"), ==, 1);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM change_log WHERE record_type = 'child'"
                                  " AND kind = 'updated' AND txn > 0 AND writer <> 0"), ==, 1);
  sqlite3_close (db);
}

/* Schema 6 (issue 13): a placement's home, discharge notice, temporary
 * moving ban and LVU 9 a § situation, and a child without a permit.  Rows
 * written by version 5 keep every field, and the new ones are empty. */
static void
test_upgrade_from_5 (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(PlcStore) old = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcPlacement) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (plc_store_get_latest_schema_version (), >=, 6);

  old = _plc_store_open_at_version (fixture->path, key, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (old), ==, 5);
  g_clear_object (&old);

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT home_ref FROM placements", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT undocumented FROM children", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  stmt = NULL;

  insert = g_strdup_printf (
    "INSERT INTO children (id, version, ref, deleted, name, personnummer, birth_date, legal_gender,"
    " home_municipality, asylum_seeker) VALUES (7, 2, 'child-alva', 0, 'Alva Exempelsson', '20120315-2424',"
    " %u, %d, '2080', 1);"
    "INSERT INTO placements (id, version, ref, deleted, child_id, placing_municipality, caseworker,"
    " legal_basis, form, start_date, lvu_decision_date, custody_carried_out_date,"
    " investigation_closed_date, restriction_decided_date)"
    " VALUES (11, 3, 'pl-alva-1', 0, 7, '2080', 'Kim Handläggare', %d, %d, %u, %u, %u, %u, %u);",
    plc_date_new (2012, 3, 15), PLC_LEGAL_GENDER_FEMALE,
    PLC_LEGAL_BASIS_LVU6, PLC_PLACEMENT_FORM_JOURHEM, plc_date_new (2025, 2, 3),
    plc_date_new (2025, 2, 2), plc_date_new (2025, 2, 3), plc_date_new (2025, 2, 20),
    plc_date_new (2025, 2, 21));
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_store_get_schema_version (store), ==, plc_store_get_latest_schema_version ());
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  child = plc_store_get_child (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_child_get_version (child), ==, 2);
  g_assert_true (plc_child_get_asylum_seeker (child));
  g_assert_false (plc_child_get_undocumented (child));

  placement = plc_store_get_placement (store, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (placement), ==, 3);
  g_assert_cmpuint (plc_placement_get_custody_carried_out_date (placement), ==, plc_date_new (2025, 2, 3));
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (placement), ==, plc_date_new (2025, 2, 21));
  g_assert_null (plc_placement_get_home_ref (placement));
  g_assert_cmpuint (plc_placement_get_discharge_notice_date (placement), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_placement_get_temporary_moving_ban_date (placement), ==, PLC_DATE_NONE);
  g_assert_false (plc_placement_get_lvu_international (placement));

  /* The new columns take values, on the stored version */
  plc_placement_set_home_ref (placement, "fh-berg");
  plc_placement_set_discharge_notice_date (placement, plc_date_new (2025, 3, 4));
  plc_placement_set_temporary_moving_ban_date (placement, plc_date_new (2025, 3, 5));
  plc_placement_set_lvu_international (placement, TRUE);
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_version (placement), ==, 4);
  saved = plc_store_get_placement (store, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_placement_get_home_ref (saved), ==, "fh-berg");
  g_assert_cmpuint (plc_placement_get_discharge_notice_date (saved), ==, plc_date_new (2025, 3, 4));
  g_assert_cmpuint (plc_placement_get_temporary_moving_ban_date (saved), ==, plc_date_new (2025, 3, 5));
  g_assert_true (plc_placement_get_lvu_international (saved));
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (saved), ==, plc_date_new (2025, 2, 21));

  plc_child_set_undocumented (child, TRUE);
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);
  g_clear_object (&child);
  child = plc_store_get_child (store, 7, &error);
  g_assert_true (plc_child_get_undocumented (child));

  db = open_raw (fixture->path);
  g_assert_cmpint (raw_count (db, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM placements WHERE home_ref = 'fh-berg'"
                                  " AND lvu_international = 1"), ==, 1);
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
  g_test_add ("/store/migrations/from-2", Fixture, NULL, fixture_set_up, test_upgrade_from_2, fixture_tear_down);
  g_test_add ("/store/migrations/from-3", Fixture, NULL, fixture_set_up, test_upgrade_from_3, fixture_tear_down);
  g_test_add ("/store/migrations/from-4", Fixture, NULL, fixture_set_up, test_upgrade_from_4, fixture_tear_down);
  g_test_add ("/store/migrations/from-5", Fixture, NULL, fixture_set_up, test_upgrade_from_5, fixture_tear_down);
  g_test_add ("/store/migrations/reopen", Fixture, NULL, fixture_set_up, test_reopen_keeps_data, fixture_tear_down);

  return g_test_run ();
}
