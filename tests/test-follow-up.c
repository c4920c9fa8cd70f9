/* test-follow-up.c: the yearly follow-up's figures, worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture, data/follow-up/follow-up.json, is imported into a real
 * SQLCipher store and exported again, as the application and the CLI do.
 * The year is 2024 (a leap year), and the figures are made on 2024-12-20.
 * What each child contributes (F = female, M = male; age at the start):
 *
 *   c01 F 14  p01 2024-01-15 SoL  familjehem Falun Kim   exam done;  SIP 02-01 (due 02-12) record: all came, completed;
 *                                                        follow-up 05-02 record: all came
 *   c02 F 13  p02 2024-03-01 LVU2 familjehem Falun Kim   exam done;  SIP 04-15 (due 03-29, late) record: 1 of 2 came;
 *                                                        follow-up 07-10 record: all came, completed
 *   c03 F 15  p03 2024-04-10 LVU3 hvb        Falun Kim   exam done;  SIP 05-01 (due 05-08) all came; follow-up 08-01 all
 *   c04 F 16  p04 2024-06-01 SoL  hvb        Falun Alex  exam done;  SIP 06-20 (due 06-29) all came, completed;
 *                                                        follow-up 09-20 all
 *   c05 F 17  p05 2024-02-29 SoL  stodboende Falun Alex  (born 2006-03-01: 18 only the next day)
 *                                                        exam not needed; SIP 03-28 (due 03-28) all; follow-up 06-28 all
 *   c06 F 14  p06 2024-09-02 LVU6 jourhem    Falun Kim   exam open;  SIP 09-20 (due 09-30), no record; ended 10-15,
 *             p06b 2024-10-15 LVU2 familjehem (a move): counted with p06, the first
 *   c07 F 6   p07 2018-02-28 SoL  familjehem Falun Kim   (born 2012-02-29: six on 28 February 2018)
 *   c08 F 8   p08 2024-05-05 SoL  familjehem Uppsala Alex exam open; SIP open, overdue (due 06-02)
 *   c09 M 13  p09 2024-01-08 LVU3 sis        Falun Kim   exam done;  SIP 03-01 (due 02-05, late), no record
 *   c10 M 15  p10 2024-02-28 SoL  hvb        Falun Alex  (born 2008-02-29) exam not needed; SIP not needed
 *   c11 M 18  p11 2024-02-29 SoL  stodboende Falun Alex  exam done; no SIP (18)
 *   c12 M 2   p12 2023-11-01 LVU2 familjehem Falun Kim   ended 2024-01-01: placed in 2024; SIP held 2023 (not counted)
 *   c13 F     p13 2023-05-01 ... ended 2023-12-31: not placed in 2024
 *   c14 M 11  p14 2024-12-31 SoL  jourhem    Uppsala Alex exam open (not yet due); SIP open (due 2025-01-28)
 *
 * Deviations (d08 a draft, d09 from 2023: neither counted):
 *   d01 health-exam  m→r reported            step 0  p01
 *   d02 health-exam  m→r under investigation step 0  p02
 *   d03 sip          r→m resolved (was under investigation) p09
 *   d04 sip          m→r escalated to step 2 p03
 *   d05 health-exam  m→r resolved at step 1  p04
 *   d06 referral     m→r reported, no placement
 *   d07 health-exam  m→r escalated, step 4   p05
 *   d10 information  m→r under investigation 2024-12-31 p08
 */

#define G_LOG_DOMAIN "test-follow-up"

#include "config.h"

#include "plc-follow-up.h"
#include "plc-interchange.h"
#include "plc-profile-set.h"

#include "store-test-common.h"

static PlcFollowUp *
compute (Fixture    *fixture,
         int         year,
         const char *municipality,
         const char *caseworker)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "follow-up", "follow-up.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) input = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(GError) error = NULL;
  PlcFollowUpQuery query = { 0, };

  input = plc_interchange_read_file (file, plc_date_new (2024, 12, 20), &error);
  g_assert_no_error (error);
  g_assert_true (plc_store_import (store, input, &error));
  g_assert_no_error (error);

  dataset = plc_store_export (store, &error);
  g_assert_no_error (error);

  /* As the CLI and the application make it */
  profiles = plc_profile_set_load_default (&error);
  g_assert_no_error (error);
  engine = plc_engine_new (profiles);
  placements = plc_store_list_placements (store, 0, FALSE, &error);
  g_assert_no_error (error);
  plc_engine_learn_moves (engine, placements);
  plc_engine_learn_step_statuses (engine, plc_dataset_get_step_statuses (dataset));
  routines = plc_store_list_routine_offsets (store, NULL, &error);
  g_assert_no_error (error);
  plc_engine_learn_routines (engine, routines);

  query.year = year;
  query.municipality = municipality;
  query.caseworker = caseworker;
  query.today = plc_date_new (2024, 12, 20);

  return plc_follow_up_compute (dataset, engine, &query);
}

static PlcFollowUpTable *
find_table (PlcFollowUp *follow_up,
            const char  *id)
{
  for (guint i = 0; i < plc_follow_up_get_n_tables (follow_up); i++)
    {
      PlcFollowUpTable *table = plc_follow_up_get_table (follow_up, i);

      if (g_str_equal (plc_follow_up_table_get_id (table), id))
        return table;
    }

  g_error ("No table %s", id);
}

/* The table as text: a line of column ids, then "row: cell cell …", a
 * count as its number, a share as numerator/denominator, an empty cell as
 * "-"; with @exported, a small group as "<5" */
static char *
describe_table (PlcFollowUpTable *table,
                gboolean          exported)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < plc_follow_up_table_get_n_columns (table); c++)
    g_string_append_printf (out, "%s%s", c > 0 ? " " : "", plc_follow_up_table_get_column_id (table, c));
  g_string_append_c (out, '\n');

  for (guint r = 0; r < plc_follow_up_table_get_n_rows (table); r++)
    {
      g_string_append_printf (out, "%s:", plc_follow_up_table_get_row_id (table, r));

      for (guint c = 0; c < plc_follow_up_table_get_n_columns (table); c++)
        {
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, r, c);

          if (cell->kind == PLC_FOLLOW_UP_CELL_EMPTY)
            g_string_append (out, " -");
          else if (exported && plc_follow_up_cell_is_suppressed (cell))
            g_string_append (out, " <5");
          else if (cell->kind == PLC_FOLLOW_UP_CELL_COUNT)
            g_string_append_printf (out, " %u", cell->value);
          else
            g_string_append_printf (out, " %u/%u", cell->value, cell->denominator);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
assert_table (PlcFollowUp *follow_up,
              const char  *id,
              const char  *exact,
              const char  *exported)
{
  PlcFollowUpTable *table = find_table (follow_up, id);
  g_autofree char *got_exact = describe_table (table, FALSE);
  g_autofree char *got_exported = describe_table (table, TRUE);
  int year = plc_follow_up_get_year (follow_up);
  g_autofree char *period = g_strdup_printf ("%d-01-01 – %d-12-31", year, year);

  g_test_message ("table %s", id);
  g_assert_cmpstr (got_exact, ==, exact);
  if (exported != NULL)
    g_assert_cmpstr (got_exported, ==, exported);

  g_assert_nonnull (plc_follow_up_table_get_title (table));
  /* Every definition says what it counts and over which period */
  g_assert_nonnull (strstr (plc_follow_up_table_get_definition (table), period));
}

static void
test_suppression (void)
{
  static const struct {
    PlcFollowUpCellKind kind;
    guint value;
    guint denominator;
    gboolean suppressed;
    const char *text;
  } cases[] = {
    { PLC_FOLLOW_UP_CELL_COUNT, 0, 0, FALSE, "0" },
    { PLC_FOLLOW_UP_CELL_COUNT, 1, 0, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_COUNT, 4, 0, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_COUNT, 5, 0, FALSE, "5" },
    { PLC_FOLLOW_UP_CELL_COUNT, 1234, 0, FALSE, "1234" },
    /* A share: its numerator, its denominator or their difference small */
    { PLC_FOLLOW_UP_CELL_SHARE, 4, 20, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_SHARE, 5, 9, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_SHARE, 0, 3, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_SHARE, 16, 20, TRUE, "<5" },
    { PLC_FOLLOW_UP_CELL_SHARE, 0, 5, FALSE, "0.0 %" },
    { PLC_FOLLOW_UP_CELL_SHARE, 5, 5, FALSE, "100.0 %" },
    { PLC_FOLLOW_UP_CELL_SHARE, 5, 10, FALSE, "50.0 %" },
    { PLC_FOLLOW_UP_CELL_SHARE, 6, 11, FALSE, "54.5 %" },
    /* Rounded half up: 2/3 is 66.67, 1/8 of 100 is 12.5, 5/16 is 31.25 */
    { PLC_FOLLOW_UP_CELL_SHARE, 10, 15, FALSE, "66.7 %" },
    { PLC_FOLLOW_UP_CELL_SHARE, 5, 40, FALSE, "12.5 %" },
    { PLC_FOLLOW_UP_CELL_SHARE, 25, 80, FALSE, "31.3 %" },
    { PLC_FOLLOW_UP_CELL_EMPTY, 0, 0, FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PlcFollowUpCell cell = { cases[i].kind, cases[i].value, cases[i].denominator };
      g_autofree char *suppressed = plc_follow_up_cell_to_string (&cell, TRUE);
      g_autofree char *exact = plc_follow_up_cell_to_string (&cell, FALSE);

      g_test_message ("case %u", i);
      g_assert_cmpint (plc_follow_up_cell_is_suppressed (&cell), ==, cases[i].suppressed);
      g_assert_cmpstr (suppressed, ==, cases[i].text);
      /* The screen may show the exact figure */
      if (cases[i].suppressed)
        g_assert_cmpstr (exact, !=, "<5");
      else
        g_assert_cmpstr (exact, ==, cases[i].text);
    }
}

static void
test_everyone (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) follow_up = compute (fixture, 2024, NULL, NULL);
  const char * const agreements[] = {
    "National baseline (the law) (2025.2)",
    "Region Dalarna and its 15 municipalities (2022.2)",
    NULL
  };
  const char * const ids[] = {
    "placed-children", "placed-children-by-legal-basis", "placed-children-by-form",
    "health-examination", "sip", "sip-outcome", "sip-meeting-attendance",
    "deviations-by-category", "deviations-by-direction", "deviations-by-escalation",
    "obligations", NULL
  };
  PlcFollowUpTable *obligations;
  guint n_rows, n_columns;

  g_assert_cmpint (plc_follow_up_get_year (follow_up), ==, 2024);
  g_assert_null (plc_follow_up_get_municipality (follow_up));
  g_assert_null (plc_follow_up_get_caseworker (follow_up));
  g_assert_cmpuint (plc_follow_up_get_today (follow_up), ==, plc_date_new (2024, 12, 20));
  /* p07 started in 2018, before Dalarna's agreement: the baseline alone */
  g_assert_true (g_strv_equal ((const char * const *) plc_follow_up_get_agreements (follow_up), agreements));

  g_assert_cmpuint (plc_follow_up_get_n_tables (follow_up), ==, g_strv_length ((char **) ids));
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_cmpstr (plc_follow_up_table_get_id (plc_follow_up_get_table (follow_up, i)), ==, ids[i]);

  /* Each child once (c06 by p06, not p06b), by age at the start of the
   * first placement in the year: c07 born 29 Feb 2012 is six on 28 Feb
   * 2018, c05 is 17 on 29 Feb 2024, c11 18; c12 ended on 1 January, c13
   * on 31 December 2023 (not placed), c14 started on 31 December */
  assert_table (follow_up, "placed-children",
                "female male unknown total\n"
                "0-5: 0 1 0 1\n"
                "6-12: 2 1 0 3\n"
                "13-17: 6 2 0 8\n"
                "18-20: 0 1 0 1\n"
                "total: 8 5 0 13\n",
                "female male unknown total\n"
                "0-5: 0 <5 0 <5\n"
                "6-12: <5 <5 0 <5\n"
                "13-17: 6 <5 0 8\n"
                "18-20: 0 <5 0 <5\n"
                "total: 8 5 0 13\n");

  assert_table (follow_up, "placed-children-by-legal-basis",
                "female male unknown total\n"
                "SoL: 5 3 0 8\n"
                "LVU2: 1 1 0 2\n"
                "LVU3: 1 1 0 2\n"
                "LVU6: 1 0 0 1\n"
                "total: 8 5 0 13\n",
                "female male unknown total\n"
                "SoL: 5 <5 0 8\n"
                "LVU2: <5 <5 0 <5\n"
                "LVU3: <5 <5 0 <5\n"
                "LVU6: <5 0 0 <5\n"
                "total: 8 5 0 13\n");

  assert_table (follow_up, "placed-children-by-form",
                "female male unknown total\n"
                "familjehem: 4 1 0 5\n"
                "natverkshem: 0 0 0 0\n"
                "jourhem: 1 1 0 2\n"
                "hvb: 2 1 0 3\n"
                "stodboende: 1 1 0 2\n"
                "sis: 0 1 0 1\n"
                "total: 8 5 0 13\n",
                NULL);

  /* Children whose first placement started in 2024: not c07, c12 */
  assert_table (follow_up, "health-examination",
                "children examined examined-share not-needed open\n"
                "female: 7 4 4/7 1 2\n"
                "male: 4 2 2/4 1 1\n"
                "unknown: 0 0 - 0 0\n"
                "total: 11 6 6/11 2 3\n",
                "children examined examined-share not-needed open\n"
                "female: 7 <5 <5 <5 <5\n"
                "male: <5 <5 <5 <5 <5\n"
                "unknown: 0 0 - 0 0\n"
                "total: 11 6 6/11 <5 <5\n");

  /* 0-17 at the start: not c11 (18); c10's SIP not needed */
  assert_table (follow_up, "sip",
                "female male unknown total\n"
                "0-5: 0 0 0 0\n"
                "6-12: 0 0 0 0\n"
                "13-17: 6 1 0 7\n"
                "total: 6 1 0 7\n",
                "female male unknown total\n"
                "0-5: 0 0 0 0\n"
                "6-12: 0 0 0 0\n"
                "13-17: 6 <5 0 7\n"
                "total: 6 <5 0 7\n");

  /* Completed: c01 and c04 at the first meeting, c02 at the follow-up.
   * Due or held: the held ones and c08's overdue one, not c14's (due in
   * 2025). On time: c01, c03, c04, c05 (on the very day), c06 */
  assert_table (follow_up, "sip-outcome",
                "children held planning-completed due-or-held on-time on-time-share\n"
                "female: 7 6 3 7 5 5/7\n"
                "male: 2 1 0 1 0 0/1\n"
                "unknown: 0 0 0 0 0 -\n"
                "total: 9 7 3 8 5 5/8\n",
                "children held planning-completed due-or-held on-time on-time-share\n"
                "female: 7 6 <5 7 5 <5\n"
                "male: <5 <5 0 <5 0 <5\n"
                "unknown: 0 0 0 0 0 -\n"
                "total: 9 7 <5 8 5 <5\n");

  /* Meetings held in 2024 (not c12's of 2023); c06's and c09's have no
   * record; at c02's first meeting one of two units came */
  assert_table (follow_up, "sip-meeting-attendance",
                "held recorded all-attended all-attended-share\n"
                "sip-meeting: 7 5 4 4/5\n"
                "sip-follow-up: 5 5 5 5/5\n"
                "total: 12 10 9 9/10\n",
                "held recorded all-attended all-attended-share\n"
                "sip-meeting: 7 5 <5 <5\n"
                "sip-follow-up: 5 5 5 5/5\n"
                "total: 12 10 9 <5\n");

  assert_table (follow_up, "deviations-by-category",
                "reported investigated\n"
                "health-examination: 4 3\n"
                "sip: 2 2\n"
                "referral: 1 0\n"
                "information: 1 1\n"
                "cost-responsibility: 0 0\n"
                "care-planning: 0 0\n"
                "discharge: 0 0\n"
                "access-to-care: 0 0\n"
                "other: 0 0\n"
                "total: 8 6\n",
                NULL);

  assert_table (follow_up, "deviations-by-direction",
                "reported investigated\n"
                "municipality-to-region: 7 5\n"
                "region-to-municipality: 1 1\n"
                "total: 8 6\n",
                "reported investigated\n"
                "municipality-to-region: 7 5\n"
                "region-to-municipality: <5 <5\n"
                "total: 8 6\n");

  /* d05 reached step 1 and was resolved there */
  assert_table (follow_up, "deviations-by-escalation",
                "reported investigated\n"
                "step-0: 5 3\n"
                "step-1: 1 1\n"
                "step-2: 1 1\n"
                "step-3: 0 0\n"
                "step-4: 1 1\n"
                "total: 8 6\n",
                NULL);

  /* Obligations: the rows worked out by hand, and the sums of all */
  obligations = find_table (follow_up, "obligations");
  n_rows = plc_follow_up_table_get_n_rows (obligations);
  n_columns = plc_follow_up_table_get_n_columns (obligations);
  g_assert_cmpuint (n_columns, ==, 6);
  g_assert_cmpstr (plc_follow_up_table_get_row_id (obligations, n_rows - 1), ==, "total");
  for (guint r = 0; r < n_rows; r++)
    {
      const char *row = plc_follow_up_table_get_row_id (obligations, r);
      g_autofree char *line = NULL;
      GString *cells = g_string_new (NULL);
      guint sum = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (obligations, r, c);

          g_assert_cmpint (cell->kind, ==, PLC_FOLLOW_UP_CELL_COUNT);
          g_string_append_printf (cells, "%s%u", c > 0 ? " " : "", cell->value);
          if (c + 1 < n_columns)
            sum += cell->value;
          else
            g_assert_cmpuint (cell->value, ==, sum);

          if (r + 1 == n_rows)
            {
              guint column_sum = 0;

              for (guint i = 0; i + 1 < n_rows; i++)
                column_sum += plc_follow_up_table_get_cell (obligations, i, c)->value;
              g_assert_cmpuint (cell->value, ==, column_sum);
            }
        }
      line = g_string_free (cells, FALSE);

      /* on-time late not-needed overdue not-yet-due total.  The first SIP
       * meeting: on time p01 p03 p04 p05 p06; late p02 p09; not needed
       * p10; overdue p08, p11 and p06b (a move starts the steps again);
       * p12's and p14's are not due in 2024 */
      if (g_str_equal (row, "sip-meeting"))
        g_assert_cmpstr (line, ==, "5 2 1 3 0 11");
      /* Never recorded: overdue for the eleven placements started in
       * 2024 before 17 December (not p14) */
      else if (g_str_equal (row, "sip-start"))
        g_assert_cmpstr (line, ==, "0 0 0 11 0 11");
      /* The notification belongs to the start of care (DOMAIN 3): p06b
       * continues p06's care (2024-09-02 + 3 days = 2024-09-05, p06's),
       * so ten */
      else if (g_str_equal (row, "health-exam-notification"))
        g_assert_cmpstr (line, ==, "0 0 0 10 0 10");
    }
}

/* One caseworker (written in other case), and one municipality by name */
static void
test_selection (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) alex = compute (fixture, 2024, NULL, "alex SOCIALSEKRETERARE ");
  g_autoptr(PlcFollowUp) falun = NULL;
  g_autoptr(PlcFollowUp) uppsala = NULL;

  g_assert_cmpstr (plc_follow_up_get_caseworker (alex), ==, "alex SOCIALSEKRETERARE");

  /* c04 16, c05 17, c08 8; c10 15, c11 18, c14 11 */
  assert_table (alex, "placed-children",
                "female male unknown total\n"
                "0-5: 0 0 0 0\n"
                "6-12: 1 1 0 2\n"
                "13-17: 2 1 0 3\n"
                "18-20: 0 1 0 1\n"
                "total: 3 3 0 6\n",
                NULL);
  /* Only deviations linked to Alex's placements: d05, d07, d10 */
  assert_table (alex, "deviations-by-category",
                "reported investigated\n"
                "health-examination: 2 2\n"
                "sip: 0 0\n"
                "referral: 0 0\n"
                "information: 1 1\n"
                "cost-responsibility: 0 0\n"
                "care-planning: 0 0\n"
                "discharge: 0 0\n"
                "access-to-care: 0 0\n"
                "other: 0 0\n"
                "total: 3 3\n",
                NULL);

  /* Importing the fixture again changes nothing */
  falun = compute (fixture, 2024, "Falun", NULL);
  g_assert_cmpstr (plc_follow_up_get_municipality (falun), ==, "2080");
  assert_table (falun, "placed-children",
                "female male unknown total\n"
                "0-5: 0 1 0 1\n"
                "6-12: 1 0 0 1\n"
                "13-17: 6 2 0 8\n"
                "18-20: 0 1 0 1\n"
                "total: 7 4 0 11\n",
                NULL);
  /* d06 has no placement, d10 is Uppsala's */
  assert_table (falun, "deviations-by-direction",
                "reported investigated\n"
                "municipality-to-region: 5 4\n"
                "region-to-municipality: 1 1\n"
                "total: 6 5\n",
                NULL);

  uppsala = compute (fixture, 2024, "0380", NULL);
  g_assert_true (g_strv_equal ((const char * const *) plc_follow_up_get_agreements (uppsala),
                               (const char * const[]) { "National baseline (the law) (2025.2)", NULL }));
  assert_table (uppsala, "health-examination",
                "children examined examined-share not-needed open\n"
                "female: 1 0 0/1 0 1\n"
                "male: 1 0 0/1 0 1\n"
                "unknown: 0 0 - 0 0\n"
                "total: 2 0 0/2 0 2\n",
                NULL);
}

/* A year before anything: all zero, shares empty */
static void
test_empty_year (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) follow_up = compute (fixture, 2016, NULL, NULL);

  g_assert_null (plc_follow_up_get_agreements (follow_up)[0]);
  assert_table (follow_up, "health-examination",
                "children examined examined-share not-needed open\n"
                "female: 0 0 - 0 0\n"
                "male: 0 0 - 0 0\n"
                "unknown: 0 0 - 0 0\n"
                "total: 0 0 - 0 0\n",
                NULL);
  assert_table (follow_up, "obligations",
                "on-time late not-needed overdue not-yet-due total\n"
                "total: 0 0 0 0 0 0\n",
                NULL);
}

static char *
csv_of (PlcFollowUp *follow_up,
        char         separator,
        PlcCsvFlags  flags)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_follow_up_write_csv (follow_up, stream, separator, flags, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write (stream, "", 1, NULL, &error) == 1);
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) follow_up = compute (fixture, 2024, NULL, NULL);
  g_autofree char *with_bom = csv_of (follow_up, ';', PLC_CSV_FLAGS_NONE);
  g_autofree char *semicolon = csv_of (follow_up, ';', PLC_CSV_NO_BOM);
  g_autofree char *comma = csv_of (follow_up, ',', PLC_CSV_FLAGS_NONE);
  g_autofree char *comma_no_bom = csv_of (follow_up, ',', PLC_CSV_NO_BOM);
  g_auto(GStrv) lines = g_strsplit (semicolon, "\r\n", -1);
  guint n_cells = 0;

  /* Semicolons, for Swedish Excel, start with a byte order mark unless
   * told not to; commas never do */
  g_assert_true (g_str_has_prefix (with_bom, "\xef\xbb\xbftable;"));
  g_assert_cmpstr (with_bom + 3, ==, semicolon);
  g_assert_true (g_str_has_prefix (comma, "table,"));
  g_assert_cmpstr (comma, ==, comma_no_bom);

  for (guint i = 0; i < plc_follow_up_get_n_tables (follow_up); i++)
    {
      PlcFollowUpTable *table = plc_follow_up_get_table (follow_up, i);

      n_cells += plc_follow_up_table_get_n_rows (table) * plc_follow_up_table_get_n_columns (table);
    }

  /* A header, seven rows about the report, a row per cell, and the last
   * line ended too */
  g_assert_cmpstr (lines[0], ==, "table;table_title;row;row_title;column;column_title;value;definition");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 7 + n_cells + 1);
  g_assert_cmpstr (lines[1 + 7 + n_cells], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "report;Yearly follow-up;year;Year;value;Value;2024;"));
  g_assert_nonnull (strstr (semicolon, "\r\nreport;Yearly follow-up;generated;Generated;value;Value;2024-12-20;\r\n"));
  g_assert_nonnull (strstr (semicolon, "\r\nreport;Yearly follow-up;caseworker;Caseworker;value;Value;All;\r\n"));

  /* A count, a small group, and a share with a decimal comma */
  g_assert_nonnull (strstr (semicolon, "\r\nplaced-children;Placed children and young people, by age and legal gender;"
                                       "13-17;13–17 years;female;Female;6;"));
  g_assert_nonnull (strstr (semicolon, "\r\nplaced-children;Placed children and young people, by age and legal gender;"
                                       "13-17;13–17 years;male;Male;<5;"));
  g_assert_nonnull (strstr (semicolon, ";total;Total;examined-share;Share examined;54,5;"));
  g_assert_nonnull (strstr (semicolon, ";unknown;Unknown;examined-share;Share examined;;"));

  /* With commas: quoted where a field holds one, and a decimal point */
  g_assert_true (g_str_has_prefix (comma, "table,table_title,row,row_title,column,column_title,value,definition\r\n"));
  g_assert_nonnull (strstr (comma, "\r\nplaced-children,\"Placed children and young people, by age and legal gender\","
                                   "13-17,13–17 years,female,Female,6,\"Counted: "));
  g_assert_nonnull (strstr (comma, ",total,Total,examined-share,Share examined,54.5,\""));
  g_assert_null (strstr (comma, "54,5"));
}

/* A caseworker's name is written as it was given: one that a spreadsheet
 * would run is shown as text */
static void
test_csv_formula (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) follow_up = compute (fixture, 2024, NULL, "=HYPERLINK(\"http://x/\";\"y\")");
  g_autofree char *semicolon = csv_of (follow_up, ';', PLC_CSV_NO_BOM);

  g_assert_nonnull (strstr (semicolon, "\r\nreport;Yearly follow-up;caseworker;Caseworker;value;Value;"
                                       "\"'=HYPERLINK(\"\"http://x/\"\";\"\"y\"\")\";\r\n"));
  g_assert_null (strstr (semicolon, ";=HYPERLINK"));
  g_assert_null (strstr (semicolon, ";\"=HYPERLINK"));
}

static void
test_json (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(PlcFollowUp) follow_up = compute (fixture, 2024, "Falun", NULL);
  g_autoptr(PlcFollowUp) everyone = NULL;
  g_autoptr(JsonNode) root = plc_follow_up_to_json (follow_up);
  JsonObject *object = json_node_get_object (root);
  JsonObject *selection = json_object_get_object_member (object, "selection");
  JsonArray *tables = json_object_get_array_member (object, "tables");
  JsonObject *table;
  JsonObject *row;
  JsonObject *cells;
  JsonObject *share;

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "placeringar-follow-up");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2024);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "period"), "from"), ==, "2024-01-01");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "period"), "to"), ==, "2024-12-31");
  g_assert_cmpstr (json_object_get_string_member (object, "generated"), ==, "2024-12-20");
  g_assert_cmpint (json_object_get_int_member (object, "smallest_group"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (selection, "municipality"), "code"), ==, "2080");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (selection, "municipality"), "name"), ==, "Falun");
  g_assert_true (json_object_get_null_member (selection, "caseworker"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "agreements")), ==, 2);
  g_assert_cmpuint (json_array_get_length (tables), ==, 11);

  /* placed-children: female 13-17 is 6, male 13-17 is 2 and shown as "<5" */
  table = json_array_get_object_element (tables, 0);
  g_assert_cmpstr (json_object_get_string_member (table, "id"), ==, "placed-children");
  g_assert_nonnull (json_object_get_string_member (table, "definition"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (table, "columns"), 0), "id"), ==, "female");
  row = json_array_get_object_element (json_object_get_array_member (table, "rows"), 2);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "13-17");
  cells = json_object_get_object_member (row, "cells");
  g_assert_cmpint (json_object_get_int_member (cells, "female"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (cells, "male"), ==, "<5");
  g_assert_cmpint (json_object_get_int_member (cells, "unknown"), ==, 0);

  /* health-examination, Falun: the total share is 6 of 9 (c08, c14 are
   * Uppsala's), and 9 - 6 is too small a group to show */
  table = json_array_get_object_element (tables, 3);
  g_assert_cmpstr (json_object_get_string_member (table, "id"), ==, "health-examination");
  row = json_array_get_object_element (json_object_get_array_member (table, "rows"), 3);
  cells = json_object_get_object_member (row, "cells");
  g_assert_cmpstr (json_object_get_string_member (cells, "examined-share"), ==, "<5");
  g_assert_cmpint (json_object_get_int_member (cells, "children"), ==, 9);
  row = json_array_get_object_element (json_object_get_array_member (table, "rows"), 2);
  cells = json_object_get_object_member (row, "cells");
  g_assert_true (json_object_get_null_member (cells, "examined-share"));

  /* For everyone it is 6 of 11: 54.5 % */
  everyone = compute (fixture, 2024, NULL, NULL);
  g_clear_pointer (&root, json_node_unref);
  root = plc_follow_up_to_json (everyone);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "selection"), "municipality"));
  tables = json_object_get_array_member (object, "tables");
  table = json_array_get_object_element (tables, 3);
  row = json_array_get_object_element (json_object_get_array_member (table, "rows"), 3);
  cells = json_object_get_object_member (row, "cells");
  share = json_object_get_object_member (cells, "examined-share");
  g_assert_cmpint (json_object_get_int_member (share, "numerator"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (share, "denominator"), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (share, "percent"), ==, "54.5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/suppression", test_suppression);
  g_test_add ("/follow-up/everyone", Fixture, NULL, fixture_set_up, test_everyone, fixture_tear_down);
  g_test_add ("/follow-up/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/follow-up/empty-year", Fixture, NULL, fixture_set_up, test_empty_year, fixture_tear_down);
  g_test_add ("/follow-up/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/follow-up/csv-formula", Fixture, NULL, fixture_set_up, test_csv_formula, fixture_tear_down);
  g_test_add ("/follow-up/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);

  return g_test_run ();
}
