/* plc-bench-data.c: synthetic caseloads for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plc-bench-data.h"
#include "plc-demo.h"

/*
 * The demonstration data (plc-demo.c) already has what a caseload has:
 * fictitious names, test personal identity numbers (serial numbers 980 to
 * 999), every legal basis and form (stödboende only at 16-20, SiS under
 * LVU 3 § or 6 §), municipalities under each shipped agreement and outside
 * them, moves, ended placements, step statuses done and not needed,
 * contacts linked to many children, contact log entries and deviations
 * with their history.  A child in the demonstration has at most two
 * placements; in a real caseload a child who has been in care for years
 * has a longer history.  So here about a third of the children get one to
 * three earlier placements, each replaced by the next (omplacering), with
 * the steps of each recorded.
 */

typedef struct
{
  const char     *rule;
  int             after_days;   /* after the start */
  PlcStepState    state;
  const char     *text;
} HistoryStep;

static const HistoryStep history_steps[] = {
  { "health-exam-notification", 2, PLC_STEP_STATE_DONE, "Begäran om hälsoundersökning skickad" },
  { "health-exam", 40, PLC_STEP_STATE_DONE, NULL },
  { "sip-start", 20, PLC_STEP_STATE_NOT_NEEDED, "Inget samordningsbehov enligt BUP" },
  { "care-plan-revision", 100, PLC_STEP_STATE_DONE, NULL },
};

static void
add_history_step (PlcDataset        *dataset,
                  PlcPlacement      *placement,
                  const HistoryStep *step)
{
  g_autoptr(PlcStepStatus) status = plc_step_status_new ();
  PlcDate date = plc_date_add_days (plc_placement_get_start_date (placement), step->after_days);

  if (date > plc_placement_get_end_date (placement))
    return;

  plc_step_status_set_placement_ref (status, plc_placement_get_ref (placement));
  plc_step_status_set_rule (status, step->rule);
  plc_step_status_set_occurrence (status, 1);
  plc_step_status_set_state (status, step->state);
  if (step->state == PLC_STEP_STATE_DONE)
    {
      plc_step_status_set_date (status, date);
      plc_step_status_set_note (status, step->text);
    }
  else
    plc_step_status_set_reason (status, step->text);
  plc_step_status_set_recorded_by (status, plc_placement_get_caseworker (placement));

  g_ptr_array_add (plc_dataset_get_step_statuses (dataset), g_steal_pointer (&status));
}

/* Adds up to three placements before @first, the child's earliest, each
 * replaced by the next; returns them oldest first. */
static GPtrArray *
add_history (GRand        *rand,
             PlcDataset   *dataset,
             PlcChild     *child,
             PlcPlacement *first)
{
  GPtrArray *earlier = g_ptr_array_new_with_free_func (g_object_unref);
  PlcPlacement *next = first;
  PlcDate birth = plc_child_get_birth_date (child);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcPlacement) placement = plc_placement_new ();
      g_autofree char *ref = g_strdup_printf ("%s-h%u", plc_placement_get_ref (first), i + 1);
      PlcDate end = plc_placement_get_start_date (next);
      double p = g_rand_double (rand);
      PlcPlacementForm form;
      PlcDate start;
      int age;

      if (p < 0.5)
        form = PLC_PLACEMENT_FORM_FAMILJEHEM;
      else if (p < 0.7)
        form = PLC_PLACEMENT_FORM_NATVERKSHEM;
      else if (p < 0.85)
        form = PLC_PLACEMENT_FORM_JOURHEM;
      else
        form = PLC_PLACEMENT_FORM_HVB;

      start = plc_date_add_days (end, form == PLC_PLACEMENT_FORM_JOURHEM
                                      ? -g_rand_int_range (rand, 30, 90)
                                      : -g_rand_int_range (rand, 120, 900));
      if (start < plc_date_add_days (birth, 30))
        break;

      age = plc_date_age_on (birth, start);
      if (form == PLC_PLACEMENT_FORM_HVB && age < 12)
        form = PLC_PLACEMENT_FORM_FAMILJEHEM;

      plc_placement_set_ref (placement, ref);
      plc_placement_set_child_ref (placement, plc_child_get_ref (child));
      plc_placement_set_placing_municipality (placement, plc_placement_get_placing_municipality (first));
      plc_placement_set_caseworker (placement, plc_placement_get_caseworker (first));
      plc_placement_set_legal_basis (placement, g_rand_double (rand) < 0.6 ? PLC_LEGAL_BASIS_SOL
                                                                         : PLC_LEGAL_BASIS_LVU2);
      plc_placement_set_form (placement, form);
      plc_placement_set_start_date (placement, start);
      plc_placement_set_end_date (placement, end);
      plc_placement_set_end_reason (placement, "Omplacering");
      plc_placement_set_placed_in_municipality (placement,
                                                plc_placement_get_placed_in_municipality (first));
      plc_placement_update_other_region (placement, child);
      plc_placement_set_previous_ref (next, ref);

      for (guint s = 0; s < G_N_ELEMENTS (history_steps); s++)
        if (g_rand_double (rand) < 0.85)
          add_history_step (dataset, placement, &history_steps[s]);

      g_ptr_array_insert (earlier, 0, g_object_ref (placement));
      next = placement;
    }

  return earlier;
}

/**
 * plc_bench_build_dataset:
 * @seed: the same seed, count and day give the same data
 * @n_children: how many children
 * @today: the day the data is made for
 *
 * Returns: (transfer full): a synthetic caseload, ready for
 *   plc_interchange_write_file() or plc_store_import()
 */
PlcDataset *
plc_bench_build_dataset (guint32 seed,
                         guint   n_children,
                         PlcDate today)
{
  PlcDataset *dataset = plc_demo_build_dataset (seed, n_children, today);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5bd1e995u);
  GPtrArray *placements = plc_dataset_get_placements (dataset);
  GPtrArray *children = plc_dataset_get_children (dataset);
  g_autoptr(GHashTable) child_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);

      g_hash_table_insert (child_by_ref, (gpointer) plc_child_get_ref (child), child);
    }

  /* The demonstration adds each child's placements in order, oldest first:
   * the first one met is the earliest.  Earlier ones go before it, so that
   * a placement always comes after the one it replaced. */
  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      const char *child_ref = plc_placement_get_child_ref (placement);
      PlcChild *child = g_hash_table_lookup (child_by_ref, child_ref);

      if (child != NULL && g_hash_table_add (seen, (gpointer) child_ref) &&
          g_rand_double (rand) < 0.35)
        {
          g_autoptr(GPtrArray) earlier = add_history (rand, dataset, child, placement);

          for (guint j = 0; j < earlier->len; j++)
            g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (earlier, j)));
        }

      g_ptr_array_add (ordered, g_object_ref (placement));
    }

  g_ptr_array_set_size (placements, 0);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (placements, g_object_ref (g_ptr_array_index (ordered, i)));

  return dataset;
}
