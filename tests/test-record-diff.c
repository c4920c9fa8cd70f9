/* test-record-diff.c: the two versions a stale save shows, and keeping mine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plc-personnummer.h"
#include "plc-record-diff.h"
#include "store-test-common.h"

#define VALID_PERSONNUMMER "20120315-2424"
#define INVALID_PERSONNUMMER "20120315-2425"

/* The numbers the UI test types: one valid, one with a wrong check digit. */
static void
test_personnummer_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  PlcPersonnummer parsed;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2026);

  g_assert_true (plc_personnummer_parse (VALID_PERSONNUMMER, &today, &parsed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parsed.normalized, ==, VALID_PERSONNUMMER);
  g_assert_cmpint (parsed.legal_gender, ==, PLC_LEGAL_GENDER_FEMALE);
  g_assert_false (parsed.coordination);
  g_assert_cmpint (g_date_get_year (&parsed.birth_date), ==, 2012);

  g_assert_false (plc_personnummer_parse (INVALID_PERSONNUMMER, &today, &parsed, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
}

static PlcChild *
make_form_child (void)
{
  PlcChild *child = plc_child_new ();
  g_autoptr(GError) error = NULL;

  plc_child_set_name (child, "Alva Test");
  g_assert_true (plc_child_set_personnummer_text (child, VALID_PERSONNUMMER, PLC_DATE_NONE, &error));
  g_assert_no_error (error);
  plc_child_set_home_municipality (child, "2080");

  return child;
}

static PlcRecordDiffRow *
row_at (GPtrArray *rows,
        guint      i)
{
  return g_ptr_array_index (rows, i);
}

static void
test_diff_child (void)
{
  g_autoptr(PlcChild) mine = make_form_child ();
  g_autoptr(PlcChild) theirs = plc_child_copy (mine);
  g_autoptr(GPtrArray) rows = NULL;

  /* Bookkeeping is no difference to show */
  plc_child_set_version (theirs, 7);
  plc_child_set_ref (theirs, "another-ref");
  rows = plc_record_diff (G_OBJECT (mine), G_OBJECT (theirs));
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  plc_child_set_name (theirs, "Alva Ändrad");
  plc_child_set_asylum_seeker (theirs, TRUE);
  plc_child_set_registration_municipality (mine, "2085");

  rows = plc_record_diff (G_OBJECT (mine), G_OBJECT (theirs));
  g_assert_cmpuint (rows->len, ==, 3);

  /* In the form's order, as the form shows the values */
  g_assert_cmpstr (row_at (rows, 0)->property, ==, "name");
  g_assert_cmpstr (row_at (rows, 0)->mine, ==, "Alva Test");
  g_assert_cmpstr (row_at (rows, 0)->theirs, ==, "Alva Ändrad");
  g_assert_cmpstr (row_at (rows, 1)->property, ==, "registration-municipality");
  g_assert_cmpstr (row_at (rows, 1)->mine, ==, "Ludvika");
  g_assert_cmpstr (row_at (rows, 1)->theirs, ==, "—");
  g_assert_cmpstr (row_at (rows, 2)->property, ==, "asylum-seeker");
  g_assert_cmpstr (row_at (rows, 2)->mine, ==, "No");
  g_assert_cmpstr (row_at (rows, 2)->theirs, ==, "Yes");
}

static void
test_diff_placement (void)
{
  g_autoptr(PlcPlacement) mine = plc_placement_new ();
  g_autoptr(PlcPlacement) theirs = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  plc_placement_set_placing_municipality (mine, "2080");
  plc_placement_set_start_date (mine, plc_date_new (2025, 3, 1));
  theirs = plc_placement_copy (mine);
  plc_placement_set_version (theirs, 3);
  plc_placement_set_start_date (theirs, plc_date_new (2025, 3, 30));
  plc_placement_set_form (theirs, PLC_PLACEMENT_FORM_HVB);
  plc_placement_set_legal_basis (mine, PLC_LEGAL_BASIS_LVU6);

  rows = plc_record_diff (G_OBJECT (mine), G_OBJECT (theirs));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_at (rows, 0)->property, ==, "legal-basis");
  g_assert_cmpstr (row_at (rows, 0)->theirs, ==, plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_SOL));
  g_assert_cmpstr (row_at (rows, 1)->property, ==, "form");
  g_assert_cmpstr (row_at (rows, 1)->theirs, ==, plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_HVB));
  g_assert_cmpstr (row_at (rows, 2)->property, ==, "start-date");
  g_assert_cmpstr (row_at (rows, 2)->mine, ==, "2025-03-01");
  g_assert_cmpstr (row_at (rows, 2)->theirs, ==, "2025-03-30");
}

/* Two copies of one child edited at once: the second save is refused as
 * stale; keeping mine saves it over the other, and nothing of mine is lost. */
static void
test_keep_mine_child (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_form_child ();
  g_autoptr(PlcChild) mine = NULL;
  g_autoptr(PlcChild) theirs = NULL;
  g_autoptr(PlcChild) stored = NULL;
  g_autoptr(PlcChild) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  mine = plc_child_copy (child);
  theirs = plc_child_copy (child);

  plc_child_set_name (theirs, "Alva Deras");
  plc_child_set_lss (theirs, TRUE);
  g_assert_true (plc_store_save_child (store, theirs, &error));
  g_assert_no_error (error);

  plc_child_set_interpreter_language (mine, "arabiska");
  g_assert_false (plc_store_save_child (store, mine, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);
  g_clear_error (&error);

  stored = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  plc_record_keep_mine (G_OBJECT (mine), G_OBJECT (stored));
  g_assert_cmpint (plc_child_get_version (mine), ==, plc_child_get_version (stored));
  g_assert_cmpstr (plc_child_get_interpreter_language (mine), ==, "arabiska");

  g_assert_true (plc_store_save_child (store, mine, &error));
  g_assert_no_error (error);

  after = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (after), ==, "Alva Test");
  g_assert_cmpstr (plc_child_get_interpreter_language (after), ==, "arabiska");
  g_assert_false (plc_child_get_lss (after));
}

static void
test_keep_mine_placement (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_form_child ();
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(PlcPlacement) mine = NULL;
  g_autoptr(PlcPlacement) theirs = NULL;
  g_autoptr(PlcPlacement) stored = NULL;
  g_autoptr(PlcPlacement) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  plc_placement_set_child_id (placement, plc_child_get_id (child));
  plc_placement_set_child_ref (placement, plc_child_get_ref (child));
  plc_placement_set_placing_municipality (placement, "2080");
  plc_placement_set_start_date (placement, plc_date_new (2025, 3, 1));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);

  mine = plc_placement_copy (placement);
  theirs = plc_placement_copy (placement);
  plc_placement_set_caseworker (theirs, "Deras Handläggare");
  g_assert_true (plc_store_save_placement (store, theirs, &error));
  g_assert_no_error (error);

  plc_placement_set_end_date (mine, plc_date_new (2025, 9, 1));
  g_assert_false (plc_store_save_placement (store, mine, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);
  g_clear_error (&error);

  stored = plc_store_get_placement (store, plc_placement_get_id (placement), &error);
  g_assert_no_error (error);
  plc_record_keep_mine (G_OBJECT (mine), G_OBJECT (stored));
  g_assert_true (plc_store_save_placement (store, mine, &error));
  g_assert_no_error (error);

  after = plc_store_get_placement (store, plc_placement_get_id (placement), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_placement_get_end_date (after), ==, plc_date_new (2025, 9, 1));
  g_assert_null (plc_placement_get_caseworker (after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-diff/personnummer-fixtures", test_personnummer_fixtures);
  g_test_add_func ("/record-diff/child", test_diff_child);
  g_test_add_func ("/record-diff/placement", test_diff_placement);
  g_test_add ("/record-diff/keep-mine/child", Fixture, NULL,
              fixture_set_up, test_keep_mine_child, fixture_tear_down);
  g_test_add ("/record-diff/keep-mine/placement", Fixture, NULL,
              fixture_set_up, test_keep_mine_placement, fixture_tear_down);

  return g_test_run ();
}
