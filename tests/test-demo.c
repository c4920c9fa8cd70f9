/* test-demo.c: the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include "plc-demo.h"
#include "plc-engine.h"
#include "plc-interchange.h"
#include "plc-personnummer.h"
#include "plc-profile-set.h"
#include "store-test-common.h"

#define TODAY plc_date_new (2026, 11, 23)

static void
test_demo_personnummer (void)
{
  g_autoptr(PlcDataset) dataset = plc_demo_build_dataset (1, 200, TODAY);
  GPtrArray *children = plc_dataset_get_children (dataset);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GDate today;

  plc_date_to_gdate (TODAY, &today);
  g_assert_cmpuint (children->len, ==, 200);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      const char *pnr = plc_child_get_personnummer (child);
      PlcPersonnummer parsed;
      g_autoptr(GError) error = NULL;
      int serial;

      g_assert_nonnull (pnr);
      g_assert_true (plc_personnummer_parse (pnr, &today, &parsed, &error));
      g_assert_no_error (error);
      g_assert_false (parsed.coordination);
      g_assert_cmpstr (parsed.normalized, ==, pnr);

      /* Skatteverket's test series: serial numbers 980 to 999 */
      serial = atoi (pnr + 9) / 10;
      g_assert_cmpint (serial, >=, 980);
      g_assert_cmpint (serial, <=, 999);
      g_assert_true (plc_demo_is_test_personnummer (pnr));

      g_assert_true (g_str_has_prefix (plc_child_get_ref (child), PLC_DEMO_REF_PREFIX));
      g_assert_true (plc_child_validate (child, TODAY, &error));
      g_assert_no_error (error);

      /* Never the same number twice */
      g_assert_false (g_hash_table_contains (seen, pnr));
      g_hash_table_add (seen, (gpointer) pnr);
    }

  /* A real-looking serial is not a test number. */
  g_assert_false (plc_demo_is_test_personnummer ("20120315-2424"));
  g_assert_false (plc_demo_is_test_personnummer (NULL));
}

static void
test_demo_deterministic (void)
{
  g_autoptr(PlcDataset) a = plc_demo_build_dataset (42, 30, TODAY);
  g_autoptr(PlcDataset) b = plc_demo_build_dataset (42, 30, TODAY);
  g_autoptr(PlcDataset) c = plc_demo_build_dataset (43, 30, TODAY);
  g_autofree char *json_a = plc_interchange_write (a, NULL);
  g_autofree char *json_b = plc_interchange_write (b, NULL);
  g_autofree char *json_c = plc_interchange_write (c, NULL);

  g_assert_cmpstr (json_a, ==, json_b);
  g_assert_cmpstr (json_a, !=, json_c);
}

static void
test_demo_variety (void)
{
  g_autoptr(PlcDataset) dataset = plc_demo_build_dataset (PLC_DEMO_DEFAULT_SEED, PLC_DEMO_DEFAULT_CHILDREN, TODAY);
  GPtrArray *placements = plc_dataset_get_placements (dataset);
  GPtrArray *steps = plc_dataset_get_step_statuses (dataset);
  GPtrArray *deviations = plc_dataset_get_deviations (dataset);
  guint bases = 0, forms = 0, states = 0, statuses = 0;
  guint n_acute = 0, n_moved = 0, n_ended = 0, n_escalated = 0, n_links = 0;
  g_autoptr(GHashTable) counties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);

      bases |= 1u << plc_placement_get_legal_basis (placement);
      forms |= 1u << plc_placement_get_form (placement);
      n_acute += plc_placement_get_acute (placement);
      n_moved += plc_placement_get_previous_ref (placement) != NULL;
      n_ended += plc_placement_get_end_date (placement) != PLC_DATE_NONE;
      g_hash_table_add (counties, g_strndup (plc_placement_get_placing_municipality (placement), 2));
      g_assert_cmpuint (plc_placement_get_start_date (placement), <=, TODAY);
    }

  g_assert_cmpuint (bases, ==, 0xf);       /* SoL, LVU 2, 3 and 6 § */
  g_assert_cmpuint (forms, ==, 0x3f);      /* all six forms */
  g_assert_cmpuint (n_acute, >, 0);
  g_assert_cmpuint (n_moved, >, 0);
  g_assert_cmpuint (n_ended, >, n_moved);  /* moved ones end, and some others */

  /* Stockholm, Jönköping, Dalarna, Östergötland, and others */
  g_assert_true (g_hash_table_contains (counties, "01"));
  g_assert_true (g_hash_table_contains (counties, "06"));
  g_assert_true (g_hash_table_contains (counties, "20"));
  g_assert_true (g_hash_table_contains (counties, "05"));
  g_assert_cmpuint (g_hash_table_size (counties), >, 4);

  for (guint i = 0; i < steps->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (steps, i);
      g_autoptr(GError) error = NULL;

      states |= 1u << plc_step_status_get_state (status);
      g_assert_true (plc_step_status_validate (status, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (states, ==, (1u << PLC_STEP_STATE_DONE) | (1u << PLC_STEP_STATE_NOT_NEEDED));

  for (guint i = 0; i < deviations->len; i++)
    {
      PlcDeviation *deviation = g_ptr_array_index (deviations, i);

      statuses |= 1u << plc_deviation_get_status (deviation);
      if (plc_deviation_get_escalation_step (deviation) > 0)
        {
          n_escalated++;
          g_assert_cmpuint (plc_deviation_get_history (deviation)->len, >=, 3);
        }
    }
  g_assert_cmpuint (statuses, ==, 0x1f);
  g_assert_cmpuint (n_escalated, >, 0);

  for (guint i = 0; i < plc_dataset_get_contacts (dataset)->len; i++)
    n_links += plc_contact_get_links (g_ptr_array_index (plc_dataset_get_contacts (dataset), i))->len;
  g_assert_cmpuint (n_links, >, PLC_DEMO_DEFAULT_CHILDREN);
  g_assert_cmpuint (plc_dataset_get_contact_log (dataset)->len, >=, PLC_DEMO_DEFAULT_CHILDREN);
}

/* A unit or a professional who serves several children is one contact,
 * linked to each, and the directory never lists one name twice for the
 * same organisation */
static void
test_demo_shared_contacts (void)
{
  g_autoptr(PlcDataset) dataset = plc_demo_build_dataset (PLC_DEMO_DEFAULT_SEED, PLC_DEMO_DEFAULT_CHILDREN, TODAY);
  GPtrArray *contacts = plc_dataset_get_contacts (dataset);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_shared = 0, n_counsel = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      PlcContact *contact = g_ptr_array_index (contacts, i);
      GPtrArray *links = plc_contact_get_links (contact);
      g_autoptr(GHashTable) children = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *key = g_strdup_printf ("%s|%s", plc_contact_get_name (contact),
                                              plc_contact_get_organisation (contact)
                                                ? plc_contact_get_organisation (contact) : "");

      if (g_hash_table_contains (seen, key))
        g_test_message ("Twice: %s", key);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_steal_pointer (&key));

      for (guint j = 0; j < links->len; j++)
        {
          const PlcContactLink *link = g_ptr_array_index (links, j);

          g_hash_table_add (children, link->child_ref);
          n_counsel += link->role == PLC_CONTACT_ROLE_PUBLIC_COUNSEL;
        }
      n_shared += g_hash_table_size (children) > 1;
    }

  g_assert_cmpuint (n_shared, >=, 5);
  g_assert_cmpuint (n_counsel, >, 1);
}

/* Into a real store; what the engine makes of it: some steps overdue, some done */
static void
test_demo_import (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PlcDataset) dataset = plc_demo_build_dataset (PLC_DEMO_DEFAULT_SEED, PLC_DEMO_DEFAULT_CHILDREN, TODAY);
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  guint n_overdue = 0, n_done = 0, n_not_needed = 0, n_open = 0, n_warnings = 0;

  /* An empty database is not a demonstration database. */
  g_assert_false (plc_demo_store_is_demo (store, &error));
  g_assert_no_error (error);

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  g_assert_true (plc_demo_store_is_demo (store, &error));
  g_assert_no_error (error);

  profiles = plc_profile_set_load_default (&error);
  g_assert_no_error (error);
  engine = plc_engine_new (profiles);

  children = plc_store_list_children (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, PLC_DEMO_DEFAULT_CHILDREN);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      g_autoptr(GPtrArray) placements = plc_store_list_placements (store, plc_child_get_id (child), FALSE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (placements->len, >=, 1);

      for (guint j = 0; j < placements->len; j++)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, j);
          g_autoptr(GPtrArray) steps = plc_store_list_step_statuses (store, plc_placement_get_id (placement), &error);
          g_autoptr(GPtrArray) obligations = NULL;
          g_autofree char *warning = NULL;

          g_assert_no_error (error);
          g_assert_true (plc_placement_validate (placement, child, &error));
          g_assert_no_error (error);

          obligations = plc_engine_compute (engine, child, placement, steps, TODAY, &warning);
          n_warnings += warning != NULL;
          for (guint k = 0; k < obligations->len; k++)
            switch (plc_obligation_get_state (g_ptr_array_index (obligations, k)))
              {
              case PLC_OBLIGATION_STATE_OVERDUE: n_overdue++; break;
              case PLC_OBLIGATION_STATE_DONE: n_done++; break;
              case PLC_OBLIGATION_STATE_NOT_NEEDED: n_not_needed++; break;
              case PLC_OBLIGATION_STATE_OPEN: n_open++; break;
              case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
              default: break;
              }
        }
    }

  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_done, >, 0);
  g_assert_cmpuint (n_not_needed, >, 0);
  g_assert_cmpuint (n_open, >, 0);
  g_test_message ("%u overdue, %u open, %u done, %u not needed, %u warnings",
                  n_overdue, n_open, n_done, n_not_needed, n_warnings);

  /* Importing it again changes nothing, and it stays a demo database. */
  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  g_assert_true (plc_demo_store_is_demo (store, &error));

  plc_store_close (store);
}

/* A database with one real-looking child in it is not a demo database. */
static void
test_demo_not_demo (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PlcDataset) dataset = plc_demo_build_dataset (7, 3, TODAY);
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_store_import (store, dataset, &error));
  g_assert_no_error (error);
  g_assert_true (plc_demo_store_is_demo (store, &error));

  plc_child_set_name (child, "Alva Exempelsson");
  g_assert_true (plc_child_set_personnummer_text (child, "20120315-2424", TODAY, &error));
  plc_child_set_home_municipality (child, "2080");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  g_assert_false (plc_demo_store_is_demo (store, &error));
  g_assert_no_error (error);

  plc_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/personnummer", test_demo_personnummer);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/variety", test_demo_variety);
  g_test_add_func ("/demo/shared-contacts", test_demo_shared_contacts);
  g_test_add ("/demo/import", Fixture, NULL, fixture_set_up, test_demo_import, fixture_tear_down);
  g_test_add ("/demo/not-demo", Fixture, NULL, fixture_set_up, test_demo_not_demo, fixture_tear_down);

  return g_test_run ();
}
