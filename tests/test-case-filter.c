/* test-case-filter.c: searching, filtering and sorting the caseload's cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "plc-case-filter.h"
#include "plc-caseload-private.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GListStore    *store;
  PlcCaseFilter *filter;
  GArray        *changes;   /* of Change */
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

typedef struct
{
  const char       *name;
  const char       *personnummer;
  const char       *caseworker;
  const char       *municipality;
  PlcLegalBasis     basis;
  PlcPlacementForm  form;
  gboolean          active;
  guint             n_overdue;
  guint             n_upcoming;
  PlcDate           next_due;
  const char       *warning;
  const char       *profile_id;
} CaseSpec;

static gint64 next_id = 1;

static PlcCase *
make_case (const CaseSpec *spec)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GPtrArray) placements = g_ptr_array_new_with_free_func (g_object_unref);

  plc_child_set_id (child, next_id++);
  plc_child_set_name (child, spec->name);
  plc_child_set_personnummer (child, spec->personnummer);
  plc_child_set_home_municipality (child, spec->municipality);

  if (spec->caseworker != NULL)
    {
      placement = plc_placement_new ();
      plc_placement_set_id (placement, next_id++);
      plc_placement_set_child_id (placement, plc_child_get_id (child));
      plc_placement_set_caseworker (placement, spec->caseworker);
      plc_placement_set_placing_municipality (placement, spec->municipality);
      plc_placement_set_legal_basis (placement, spec->basis);
      plc_placement_set_form (placement, spec->form);
      plc_placement_set_start_date (placement, plc_date_new (2025, 3, 20));
      g_ptr_array_add (placements, g_object_ref (placement));
    }

  return _plc_case_new (child, placements, placement, spec->active,
                        spec->n_overdue, spec->n_upcoming, spec->next_due,
                        spec->warning, spec->profile_id);
}

/* In the store in this order; by name they are Anna, Bo, Åsa, Örjan. */
static const CaseSpec cases[] = {
  { "Örjan Öberg", "20100910-4579", "Robin", "0380", PLC_LEGAL_BASIS_LVU3, PLC_PLACEMENT_FORM_HVB,
    TRUE, 0, 2, 0, NULL, "national" },
  { "Anna Andersson", "20120315-2424", "Kim Handläggare", "2080", PLC_LEGAL_BASIS_SOL,
    PLC_PLACEMENT_FORM_FAMILJEHEM, TRUE, 3, 1, 0, NULL, "dalarna" },
  { "Åsa Ek", "20080101-2469", "kim handläggare", "0180", PLC_LEGAL_BASIS_SOL,
    PLC_PLACEMENT_FORM_JOURHEM, FALSE, 1, 0, 0, "No agreement in force", "national" },
  { "Bo Berg", NULL, "Robin", "0680", PLC_LEGAL_BASIS_LVU2, PLC_PLACEMENT_FORM_FAMILJEHEM,
    TRUE, 0, 0, 0, NULL, "stockholm" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = g_list_store_new (PLC_TYPE_CASE);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlcCase) item = make_case (&cases[i]);

      g_list_store_append (fixture->store, item);
    }

  fixture->filter = plc_case_filter_new (G_LIST_MODEL (fixture->store));
  g_signal_connect (fixture->filter, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->filter);
  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);
}

static char *
names (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlcCase) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, plc_child_get_name (plc_case_get_child (item)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_names(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_names = names (G_LIST_MODEL ((fixture)->filter)); \
    g_assert_cmpstr (_names, ==, (expected)); \
  } G_STMT_END

/* Asserts that exactly one items-changed came, with these numbers, and
 * forgets it; (0, 0, 0) asserts that none came. */
static void
assert_change (Fixture *fixture,
               guint    position,
               guint    removed,
               guint    added)
{
  if (removed == 0 && added == 0)
    {
      g_assert_cmpuint (fixture->changes->len, ==, 0);
      return;
    }

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->changes, Change, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (fixture->changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (fixture->changes, Change, 0).added, ==, added);
  g_array_set_size (fixture->changes, 0);
}

static void
test_initial (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->filter)) == PLC_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->filter)), ==, 4);
  assert_names (fixture, "Anna Andersson, Bo Berg, Åsa Ek, Örjan Öberg");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->filter), 4));
  g_assert_false (plc_case_filter_get_filtering (fixture->filter));

  /* A filter over nothing is empty, and says so when given a model */
  {
    g_autoptr(PlcCaseFilter) empty = plc_case_filter_new (NULL);
    Fixture other = { .changes = g_array_new (FALSE, FALSE, sizeof (Change)) };

    g_signal_connect (empty, "items-changed", G_CALLBACK (items_changed_cb), &other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
    plc_case_filter_set_model (empty, G_LIST_MODEL (fixture->store));
    assert_change (&other, 0, 0, 4);
    plc_case_filter_set_model (empty, NULL);
    assert_change (&other, 0, 4, 0);
    g_array_unref (other.changes);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* By name, ignoring case */
  plc_case_filter_set_search (fixture->filter, "anna");
  assert_change (fixture, 1, 3, 0);
  assert_names (fixture, "Anna Andersson");
  g_assert_true (plc_case_filter_get_filtering (fixture->filter));

  /* The same words: nothing changes */
  plc_case_filter_set_search (fixture->filter, "  Anna ");
  assert_change (fixture, 0, 0, 0);
  g_assert_cmpstr (plc_case_filter_get_search (fixture->filter), ==, "  Anna ");

  /* Swedish letters, in either case */
  plc_case_filter_set_search (fixture->filter, "ÅSA");
  assert_change (fixture, 0, 1, 1);
  assert_names (fixture, "Åsa Ek");
  plc_case_filter_set_search (fixture->filter, "öberg");
  assert_change (fixture, 0, 1, 1);
  assert_names (fixture, "Örjan Öberg");

  /* The personal identity number with and without the dash, with ten
   * or twelve digits */
  plc_case_filter_set_search (fixture->filter, "20120315-2424");
  assert_change (fixture, 0, 1, 1);
  assert_names (fixture, "Anna Andersson");
  plc_case_filter_set_search (fixture->filter, "201203152424");
  assert_change (fixture, 0, 0, 0);
  plc_case_filter_set_search (fixture->filter, "120315-2424");
  assert_change (fixture, 0, 0, 0);
  assert_names (fixture, "Anna Andersson");
  plc_case_filter_set_search (fixture->filter, "0315");
  assert_change (fixture, 0, 0, 0);

  /* The caseworker */
  plc_case_filter_set_search (fixture->filter, "HANDLÄGGARE");
  assert_change (fixture, 1, 0, 1);
  assert_names (fixture, "Anna Andersson, Åsa Ek");

  /* A municipality, by name or by code */
  plc_case_filter_set_search (fixture->filter, "falun");
  assert_change (fixture, 1, 1, 0);
  assert_names (fixture, "Anna Andersson");
  plc_case_filter_set_search (fixture->filter, "0680");
  assert_change (fixture, 0, 1, 1);
  assert_names (fixture, "Bo Berg");
  plc_case_filter_set_search (fixture->filter, "jönköping");
  assert_change (fixture, 0, 0, 0);

  /* Every word must be found, each anywhere */
  plc_case_filter_set_search (fixture->filter, "robin uppsala");
  assert_change (fixture, 0, 1, 1);
  assert_names (fixture, "Örjan Öberg");
  plc_case_filter_set_search (fixture->filter, "robin falun");
  assert_change (fixture, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->filter)), ==, 0);

  /* An empty search shows everything again */
  plc_case_filter_set_search (fixture->filter, "");
  assert_change (fixture, 0, 0, 4);
  g_assert_null (plc_case_filter_get_search (fixture->filter));
  g_assert_false (plc_case_filter_get_filtering (fixture->filter));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  /* My caseload: the caseworker, ignoring case */
  plc_case_filter_set_caseworker (fixture->filter, "Kim Handläggare");
  assert_change (fixture, 1, 3, 1);
  assert_names (fixture, "Anna Andersson, Åsa Ek");
  plc_case_filter_set_caseworker (fixture->filter, "Kim Handläggare");
  assert_change (fixture, 0, 0, 0);
  plc_case_filter_set_caseworker (fixture->filter, NULL);
  assert_change (fixture, 1, 1, 3);

  /* Active and ended */
  plc_case_filter_set_activity (fixture->filter, PLC_CASE_ACTIVITY_ENDED);
  assert_change (fixture, 0, 4, 1);
  assert_names (fixture, "Åsa Ek");
  plc_case_filter_set_activity (fixture->filter, PLC_CASE_ACTIVITY_ACTIVE);
  assert_change (fixture, 0, 1, 3);
  assert_names (fixture, "Anna Andersson, Bo Berg, Örjan Öberg");
  plc_case_filter_set_activity (fixture->filter, PLC_CASE_ACTIVITY_ALL);
  assert_change (fixture, 2, 0, 1);

  /* Legal basis and form */
  plc_case_filter_set_legal_basis (fixture->filter, PLC_LEGAL_BASIS_SOL);
  assert_change (fixture, 1, 3, 1);
  assert_names (fixture, "Anna Andersson, Åsa Ek");
  plc_case_filter_set_form (fixture->filter, PLC_PLACEMENT_FORM_JOURHEM);
  assert_change (fixture, 0, 1, 0);
  assert_names (fixture, "Åsa Ek");
  plc_case_filter_set_legal_basis (fixture->filter, PLC_CASE_FILTER_ANY);
  assert_change (fixture, 0, 0, 0);
  plc_case_filter_set_form (fixture->filter, PLC_PLACEMENT_FORM_FAMILJEHEM);
  assert_change (fixture, 0, 1, 2);
  assert_names (fixture, "Anna Andersson, Bo Berg");
  plc_case_filter_set_form (fixture->filter, PLC_CASE_FILTER_ANY);
  assert_change (fixture, 2, 0, 2);

  /* Overdue steps */
  plc_case_filter_set_overdue_only (fixture->filter, TRUE);
  assert_change (fixture, 1, 3, 1);
  assert_names (fixture, "Anna Andersson, Åsa Ek");
  plc_case_filter_set_overdue_only (fixture->filter, TRUE);
  assert_change (fixture, 0, 0, 0);

  /* And an agreement, on top of that */
  plc_case_filter_set_profile_id (fixture->filter, "national");
  assert_change (fixture, 0, 1, 0);
  assert_names (fixture, "Åsa Ek");
  g_assert_cmpstr (plc_case_filter_get_profile_id (fixture->filter), ==, "national");

  /* Clearing all of them at once: one change */
  plc_case_filter_set_search (fixture->filter, "ek");
  assert_change (fixture, 0, 0, 0);
  plc_case_filter_clear (fixture->filter);
  assert_change (fixture, 0, 1, 4);
  assert_names (fixture, "Anna Andersson, Bo Berg, Åsa Ek, Örjan Öberg");
  g_assert_false (plc_case_filter_get_filtering (fixture->filter));
  plc_case_filter_clear (fixture->filter);
  assert_change (fixture, 0, 0, 0);

  /* The same through properties */
  g_object_set (fixture->filter, "legal-basis", PLC_LEGAL_BASIS_LVU2, NULL);
  assert_change (fixture, 0, 4, 1);
  assert_names (fixture, "Bo Berg");
  g_object_set (fixture->filter, "legal-basis", PLC_CASE_FILTER_ANY, NULL);
  assert_change (fixture, 0, 1, 4);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->filter);
  PlcDate dates[] = { plc_date_new (2026, 3, 1), PLC_DATE_NONE,
                      plc_date_new (2026, 1, 31), plc_date_new (2026, 2, 15) };

  /* Next due dates for Örjan, Anna, Åsa, Bo: a reload makes new cases */
  g_list_store_remove_all (fixture->store);
  assert_change (fixture, 0, 4, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaseSpec spec = cases[i];
      g_autoptr(PlcCase) item = NULL;

      spec.next_due = dates[i];
      item = make_case (&spec);
      g_list_store_append (fixture->store, item);
    }
  g_assert_cmpuint (fixture->changes->len, ==, 4);
  g_array_set_size (fixture->changes, 0);

  /* Soonest first, none last */
  plc_case_filter_set_sort (fixture->filter, PLC_CASE_SORT_NEXT_DUE);
  assert_change (fixture, 0, 4, 4);
  assert_names (fixture, "Åsa Ek, Bo Berg, Örjan Öberg, Anna Andersson");

  /* Most overdue first (3, 1, 0, 0), then by due date */
  plc_case_filter_set_sort (fixture->filter, PLC_CASE_SORT_OVERDUE);
  assert_change (fixture, 0, 4, 4);
  assert_names (fixture, "Anna Andersson, Åsa Ek, Bo Berg, Örjan Öberg");
  plc_case_filter_set_sort (fixture->filter, PLC_CASE_SORT_OVERDUE);
  assert_change (fixture, 0, 0, 0);

  /* By name again: only the first two swap places */
  plc_case_filter_set_sort (fixture->filter, PLC_CASE_SORT_NAME);
  assert_change (fixture, 1, 2, 2);
  assert_names (fixture, "Anna Andersson, Bo Berg, Åsa Ek, Örjan Öberg");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
test_source_changes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CaseSpec spec = cases[1];
  g_autoptr(PlcCase) carl = NULL;
  g_autoptr(PlcCase) ulla = NULL;

  plc_case_filter_set_search (fixture->filter, "kim");
  assert_change (fixture, 1, 3, 1);
  assert_names (fixture, "Anna Andersson, Åsa Ek");

  /* A new case that matches goes in its place by name */
  spec.name = "Carl Cederlund";
  carl = make_case (&spec);
  g_list_store_append (fixture->store, carl);
  assert_change (fixture, 1, 0, 1);
  assert_names (fixture, "Anna Andersson, Carl Cederlund, Åsa Ek");

  /* One that does not match changes nothing shown */
  spec = cases[0];
  spec.name = "Ulla Urberg";
  ulla = make_case (&spec);
  g_list_store_insert (fixture->store, 0, ulla);
  assert_change (fixture, 0, 0, 0);

  /* Removing one that is shown */
  g_list_store_remove (fixture->store, 2);   /* Anna: Ulla went in first */
  assert_change (fixture, 0, 1, 0);
  assert_names (fixture, "Carl Cederlund, Åsa Ek");

  /* A model of its own: all of it changes at once */
  {
    g_autoptr(GListStore) other = g_list_store_new (PLC_TYPE_CASE);

    plc_case_filter_set_model (fixture->filter, G_LIST_MODEL (other));
    assert_change (fixture, 0, 2, 0);
    g_list_store_append (other, carl);
    assert_change (fixture, 0, 0, 1);
    plc_case_filter_set_model (fixture->filter, G_LIST_MODEL (fixture->store));
    assert_change (fixture, 1, 0, 1);
  }
}

static void
test_matches_search (void)
{
  g_autoptr(PlcCase) anna = make_case (&cases[1]);
  g_autoptr(PlcCase) bo = make_case (&cases[3]);

  g_assert_true (plc_case_filter_matches_search (anna, NULL));
  g_assert_true (plc_case_filter_matches_search (anna, "   "));
  g_assert_true (plc_case_filter_matches_search (anna, "ANDERSSON anna"));
  g_assert_true (plc_case_filter_matches_search (anna, "2012 03 15"));
  g_assert_true (plc_case_filter_matches_search (anna, "20120315+2424"));
  g_assert_false (plc_case_filter_matches_search (anna, "20120315-2425"));
  g_assert_false (plc_case_filter_matches_search (anna, "annab"));
  /* No personal identity number: a number is only searched in the text */
  g_assert_false (plc_case_filter_matches_search (bo, "2012"));
  g_assert_true (plc_case_filter_matches_search (bo, "0680"));
  g_assert_true (plc_case_filter_matches_search (bo, "jönköping"));
}

/* Ten thousand children: every change still comes as one items-changed,
 * and the search and filters go through them all. */
static void
test_large (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PLC_TYPE_CASE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlcCaseFilter) filter = NULL;
  Fixture fixture = { .changes = g_array_new (FALSE, FALSE, sizeof (Change)) };
  const guint n = 10000;

  for (guint i = 0; i < n; i++)
    {
      CaseSpec spec = cases[i % G_N_ELEMENTS (cases)];
      g_autofree char *name = g_strdup_printf ("%s %05u", spec.name, n - i);

      spec.name = name;
      spec.n_overdue = i % 7 == 0 ? i % 5 + 1 : 0;
      spec.next_due = plc_date_new (2026, 1, 1) + (i * 37) % 400;
      g_ptr_array_add (items, make_case (&spec));
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  filter = plc_case_filter_new (G_LIST_MODEL (store));
  g_signal_connect (filter, "items-changed", G_CALLBACK (items_changed_cb), &fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, n);

  plc_case_filter_set_search (filter, "åsa");
  assert_change (&fixture, 0, n, n / 4);
  {
    g_autoptr(PlcCase) first = g_list_model_get_item (G_LIST_MODEL (filter), 0);

    g_assert_cmpstr (plc_child_get_name (plc_case_get_child (first)), ==, "Åsa Ek 00002");
  }

  plc_case_filter_set_search (filter, "åsa 0999");
  /* 09990, 09994 and 09998: the last three already, so only the others go */
  assert_change (&fixture, 0, n / 4 - 3, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);

  plc_case_filter_set_search (filter, NULL);
  plc_case_filter_set_overdue_only (filter, TRUE);
  g_assert_cmpuint (fixture.changes->len, ==, 2);
  g_array_set_size (fixture.changes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, (n + 6) / 7);

  plc_case_filter_set_sort (filter, PLC_CASE_SORT_OVERDUE);
  g_assert_cmpuint (fixture.changes->len, ==, 1);
  {
    g_autoptr(PlcCase) first = g_list_model_get_item (G_LIST_MODEL (filter), 0);
    g_autoptr(PlcCase) last = g_list_model_get_item (G_LIST_MODEL (filter),
                                                     g_list_model_get_n_items (G_LIST_MODEL (filter)) - 1);

    g_assert_cmpuint (plc_case_get_n_overdue (first), ==, 5);
    g_assert_cmpuint (plc_case_get_n_overdue (last), ==, 1);
  }

  g_array_unref (fixture.changes);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-filter/initial", Fixture, NULL, fixture_set_up, test_initial, fixture_tear_down);
  g_test_add ("/case-filter/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/case-filter/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/case-filter/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/case-filter/source-changes", Fixture, NULL, fixture_set_up, test_source_changes, fixture_tear_down);
  g_test_add_func ("/case-filter/matches-search", test_matches_search);
  g_test_add_func ("/case-filter/large", test_large);

  return g_test_run ();
}
