/* test-deviation-report.c: deviations pre-filled from overdue steps, and
 * the printable report's "no name unless chosen" rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plc-child.h"
#include "plc-date.h"
#include "plc-deviation-report.h"
#include "plc-engine.h"
#include "plc-placement.h"
#include "plc-profile-set.h"

#define CHILD_NAME "Alva Testsson"
#define PLACEMENT_REF "pl-alva-2"

static PlcDate
iso (const char *text)
{
  PlcDate date = PLC_DATE_NONE;

  g_assert_true (plc_date_parse_iso (text, &date, NULL));
  return date;
}

static PlcEngine *
new_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return plc_engine_new (set);
}

/* The obligations of a placement in @municipality that started on
 * 2024-03-01, computed on @today. */
static GPtrArray *
obligations_in (PlcEngine  *engine,
                const char *municipality,
                const char *today)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *warning = NULL;
  GPtrArray *obligations;

  plc_child_set_id (child, 1);
  plc_child_set_ref (child, "C-1");
  plc_child_set_name (child, CHILD_NAME);
  plc_child_set_birth_date (child, iso ("2015-05-05"));

  plc_placement_set_id (placement, 7);
  plc_placement_set_ref (placement, PLACEMENT_REF);
  plc_placement_set_child_id (placement, 1);
  plc_placement_set_child_ref (placement, "C-1");
  plc_placement_set_placing_municipality (placement, municipality);
  plc_placement_set_caseworker (placement, "handläggare");
  plc_placement_set_legal_basis (placement, PLC_LEGAL_BASIS_SOL);
  plc_placement_set_form (placement, PLC_PLACEMENT_FORM_FAMILJEHEM);
  plc_placement_set_start_date (placement, iso ("2024-03-01"));

  obligations = plc_engine_compute (engine, child, placement, statuses, iso (today), &warning);
  g_assert_nonnull (obligations);
  return obligations;
}

static PlcObligation *
find_obligation (GPtrArray  *obligations,
                 const char *rule_id)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      PlcObligation *ob = g_ptr_array_index (obligations, i);

      if (g_strcmp0 (plc_obligation_get_rule_id (ob), rule_id) == 0)
        return ob;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_direction_for_party (void)
{
  g_assert_cmpint (plc_deviation_direction_for_party (PLC_PARTY_REGION), ==,
                   PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);
  g_assert_cmpint (plc_deviation_direction_for_party (PLC_PARTY_MUNICIPALITY), ==,
                   PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY);
  g_assert_cmpint (plc_deviation_direction_for_party (PLC_PARTY_BOARD), ==,
                   PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY);
  g_assert_cmpint (plc_deviation_direction_for_party (PLC_PARTY_BOTH), ==,
                   PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);

  g_assert_cmpint (plc_deviation_category_for_rule ("health-exam"), ==,
                   PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION);
  g_assert_cmpint (plc_deviation_category_for_rule ("sip-meeting"), ==,
                   PLC_DEVIATION_CATEGORY_SIP);
  g_assert_cmpint (plc_deviation_category_for_rule ("care-planning"), ==,
                   PLC_DEVIATION_CATEGORY_CARE_PLANNING);
  g_assert_cmpint (plc_deviation_category_for_rule ("zzz"), ==, PLC_DEVIATION_CATEGORY_OTHER);
  g_assert_cmpint (plc_deviation_category_for_rule (NULL), ==, PLC_DEVIATION_CATEGORY_OTHER);
}

/* Falun is in Dalarna: the region's health examination, overdue, with
 * Dalarna's Synergi title. */
static void
test_prefill_dalarna (void)
{
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(GPtrArray) obligations = obligations_in (engine, "2080", "2024-06-01");
  PlcObligation *ob = find_obligation (obligations, "health-exam");
  g_autoptr(PlcDeviation) deviation = NULL;
  g_autoptr(GError) error = NULL;
  PlcProfile *profile;
  PlcDeviationEvent *event;
  g_autofree char *due = NULL;

  g_assert_cmpint (plc_obligation_get_state (ob), ==, PLC_OBLIGATION_STATE_OVERDUE);
  profile = plc_obligation_get_profile (ob);
  g_assert_cmpstr (plc_profile_get_id (profile), ==, "dalarna");

  deviation = plc_deviation_new_for_obligation (ob, iso ("2024-06-01"));

  g_assert_cmpstr (plc_deviation_get_rule (deviation), ==, "health-exam");
  g_assert_cmpint (plc_deviation_get_placement_id (deviation), ==, 7);
  g_assert_cmpstr (plc_deviation_get_placement_ref (deviation), ==, PLACEMENT_REF);
  g_assert_cmpstr (plc_deviation_get_profile (deviation), ==, "dalarna");
  g_assert_cmpint (plc_deviation_get_direction (deviation), ==,
                   PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);
  g_assert_cmpstr (plc_deviation_get_unit (deviation), ==, "Region Dalarna");
  g_assert_cmpint (plc_deviation_get_category (deviation), ==,
                   PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION);
  g_assert_cmpint (plc_deviation_get_occurred_on (deviation), ==, plc_obligation_get_due (ob));
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_DRAFT);
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 0);
  g_assert_cmpint (plc_deviation_get_id (deviation), ==, 0);

  /* Dalarna's label for Synergi */
  g_assert_cmpstr (plc_deviation_get_title (deviation), ==,
                   plc_profile_get_deviation_title (profile));
  g_assert_true (g_str_has_prefix (plc_deviation_get_title (deviation), "Brister i samverkan"));

  /* The due date and today, in the description; no name */
  due = plc_date_to_iso (plc_obligation_get_due (ob));
  g_assert_nonnull (strstr (plc_deviation_get_description (deviation), due));
  g_assert_nonnull (strstr (plc_deviation_get_description (deviation), "2024-06-01"));
  g_assert_null (strstr (plc_deviation_get_description (deviation), "Alva"));

  /* Where it came from, in its history */
  g_assert_cmpuint (plc_deviation_get_history (deviation)->len, ==, 1);
  event = g_ptr_array_index (plc_deviation_get_history (deviation), 0);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_DRAFT);
  g_assert_nonnull (event->note);

  g_assert_true (plc_deviation_validate (deviation, &error));
  g_assert_no_error (error);
}

/* A municipality's own step: the region reports it; no labels outside
 * Dalarna, so the title is made from the step's. */
static void
test_prefill_municipality_step (void)
{
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(GPtrArray) obligations = obligations_in (engine, "2080", "2024-06-01");
  PlcObligation *ob = find_obligation (obligations, "health-exam-notification");
  g_autoptr(PlcDeviation) deviation = plc_deviation_new_for_obligation (ob, iso ("2024-06-01"));

  g_assert_cmpint (plc_deviation_get_direction (deviation), ==,
                   PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY);
  g_assert_null (plc_deviation_get_unit (deviation));

  /* Stockholm (0180): an agreement without Synergi labels */
  {
    g_autoptr(GPtrArray) sthlm = obligations_in (engine, "0180", "2025-06-01");
    PlcObligation *first = NULL;
    g_autoptr(PlcDeviation) other = NULL;

    for (guint i = 0; i < sthlm->len && first == NULL; i++)
      if (plc_obligation_get_state (g_ptr_array_index (sthlm, i)) == PLC_OBLIGATION_STATE_OVERDUE)
        first = g_ptr_array_index (sthlm, i);
    g_assert_nonnull (first);
    g_assert_null (plc_profile_get_deviation_title (plc_obligation_get_profile (first)));

    other = plc_deviation_new_for_obligation (first, iso ("2025-06-01"));
    g_assert_nonnull (strstr (plc_deviation_get_title (other), plc_obligation_get_title (first)));
    g_assert_cmpstr (plc_deviation_get_profile (other), ==,
                     plc_profile_get_id (plc_obligation_get_profile (first)));
  }
}

static void
test_escalation_conditions (void)
{
  g_autoptr(PlcEngine) engine = new_engine ();
  PlcProfile *dalarna = plc_profile_set_lookup (plc_engine_get_profiles (engine), "dalarna");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Dalarna 10.3, the local ladder deviations climb: no notice */
  g_assert_cmpuint (plc_profile_get_n_escalation_levels (dalarna), ==, 4);
  first = plc_escalation_level_dup_conditions (plc_profile_get_escalation_level (dalarna, 0));
  second = plc_escalation_level_dup_conditions (plc_profile_get_escalation_level (dalarna, 1));
  g_assert_null (first);
  g_assert_null (second);
  g_clear_pointer (&first, g_free);
  /* Dalarna 10.2, regional disputes: a month's notice, then in writing */
  first = plc_escalation_level_dup_conditions (plc_profile_get_dispute_ladder_level (dalarna, 0, 0));
  g_assert_cmpstr (first, ==, "Notice at least 1 month ahead, then in writing");
}

static PlcDeviation *
escalated_deviation (PlcEngine *engine)
{
  g_autoptr(GPtrArray) obligations = obligations_in (engine, "2080", "2024-06-01");
  PlcDeviation *deviation;

  deviation = plc_deviation_new_for_obligation (find_obligation (obligations, "health-exam"),
                                                iso ("2024-06-01"));
  plc_deviation_set_conclusion (deviation, "Rutinen följdes inte.");
  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_REPORTED, "kimh", NULL);
  plc_deviation_escalate (deviation, "enhetschef", "Till lokal ledningsnivå");
  plc_deviation_escalate (deviation, "enhetschef", NULL);
  return deviation;
}

/* The report names the child only when asked to: not by name, and not by
 * the placement's reference either. */
static void
test_report_without_name (void)
{
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcDeviation) deviation = escalated_deviation (engine);
  PlcProfile *dalarna = plc_profile_set_lookup (plc_engine_get_profiles (engine), "dalarna");
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;

  lines = plc_deviation_build_report (deviation, dalarna, NULL, iso ("2024-06-02"));
  text = plc_report_lines_to_text (lines);

  g_assert_null (strstr (text, CHILD_NAME));
  g_assert_null (strstr (text, "Alva"));
  g_assert_null (strstr (text, PLACEMENT_REF));
  g_assert_nonnull (strstr (text, "the child is not named"));

  /* What it does hold */
  g_assert_nonnull (strstr (text, "Brister i samverkan"));
  g_assert_nonnull (strstr (text, "Samordnad vårdplanering"));
  g_assert_nonnull (strstr (text, "Labels for Synergi"));
  g_assert_nonnull (strstr (text, "Level 2 of 4: The county heads' network"));
  g_assert_nonnull (strstr (text, "2 (current): The county heads' network (Länschefsnätverket)\n"));
  g_assert_null (strstr (text, "Notice at least"));
  g_assert_nonnull (strstr (text, "Region Dalarna"));
  g_assert_nonnull (strstr (text, "Rutinen följdes inte."));
  g_assert_nonnull (strstr (text, "Till lokal ledningsnivå"));
  g_assert_nonnull (strstr (text, "Occurred on: "));
  g_assert_nonnull (strstr (text, "Printed on: 2024-06-02"));
}

static void
test_report_with_name (void)
{
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(PlcDeviation) deviation = escalated_deviation (engine);
  PlcProfile *dalarna = plc_profile_set_lookup (plc_engine_get_profiles (engine), "dalarna");
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;

  lines = plc_deviation_build_report (deviation, dalarna, CHILD_NAME, iso ("2024-06-02"));
  text = plc_report_lines_to_text (lines);

  g_assert_nonnull (strstr (text, "Child: " CHILD_NAME));
  g_assert_null (strstr (text, "the child is not named"));
  g_assert_null (strstr (text, PLACEMENT_REF));

  /* The first line is the title */
  g_assert_cmpint (((PlcReportLine *) g_ptr_array_index (lines, 0))->kind, ==, PLC_REPORT_LINE_TITLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deviation-report/direction-and-category", test_direction_for_party);
  g_test_add_func ("/deviation-report/prefill/dalarna", test_prefill_dalarna);
  g_test_add_func ("/deviation-report/prefill/municipality-step", test_prefill_municipality_step);
  g_test_add_func ("/deviation-report/escalation-conditions", test_escalation_conditions);
  g_test_add_func ("/deviation-report/report/without-name", test_report_without_name);
  g_test_add_func ("/deviation-report/report/with-name", test_report_with_name);

  return g_test_run ();
}
