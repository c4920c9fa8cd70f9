/* test-deviations-view.c: the Deviations view's list model and filters,
 * on a real store, with no application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plc-deviation-editor.h"
#include "plc-deviations-view-private.h"
#include "store-test-common.h"
#include "widget-test-common.h"

typedef struct
{
  guint changes;     /* items-changed emissions */
} Counter;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counter    *counter)
{
  counter->changes++;
}

static PlcDeviation *
deviation (gint64                 id,
           const char            *title,
           const char            *occurred,
           PlcDeviationStatus     status,
           PlcDeviationDirection  direction,
           const char            *profile)
{
  PlcDeviation *d = plc_deviation_new ();
  PlcDate date = PLC_DATE_NONE;

  g_assert_true (plc_date_parse_iso (occurred, &date, NULL));
  plc_deviation_set_id (d, id);
  plc_deviation_set_title (d, title);
  plc_deviation_set_occurred_on (d, date);
  plc_deviation_set_status (d, status);
  plc_deviation_set_direction (d, direction);
  plc_deviation_set_profile (d, profile);
  return d;
}

static const char *
title_at (GListModel *model,
          guint       position)
{
  g_autoptr(PlcDeviation) d = g_list_model_get_item (model, position);

  /* The model holds its own reference */
  return plc_deviation_get_title (d);
}

/* The view reads the reports from its caseload's store */
static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PlcCaseload *caseload;
  PlcDeviationsView *view;
  GListModel *model;
  Counter counter = { 0 };

  g_ptr_array_add (all, deviation (1, "A", "2024-03-01", PLC_DEVIATION_STATUS_DRAFT,
                                   PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION, "dalarna"));
  g_ptr_array_add (all, deviation (2, "B", "2025-04-10", PLC_DEVIATION_STATUS_ESCALATED,
                                   PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION, "dalarna"));
  g_ptr_array_add (all, deviation (3, "C", "2025-06-02", PLC_DEVIATION_STATUS_DRAFT,
                                   PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY, NULL));
  g_ptr_array_add (all, deviation (4, "D", "2025-01-15", PLC_DEVIATION_STATUS_RESOLVED,
                                   PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY, "stockholm"));
  for (guint i = 0; i < all->len; i++)
    {
      plc_deviation_set_id (g_ptr_array_index (all, i), 0);
      g_assert_true (plc_store_save_deviation (store, g_ptr_array_index (all, i), &error));
      g_assert_no_error (error);
    }

  profiles = plc_profile_set_load_default (&error);
  g_assert_no_error (error);
  engine = plc_engine_new (profiles);
  caseload = plc_caseload_new (store, engine);

  view = g_object_ref_sink (g_object_new (PLC_TYPE_DEVIATIONS_VIEW, NULL));
  model = plc_deviations_view_get_model (view);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &counter);

  /* The caseload, as the window hands it over: the reports come from its
   * store, in one change for the whole list; newest first */
  g_object_set (view, "caseload", caseload, NULL);
  g_assert_true (plc_deviation_editor_get_caseload (PLC_DEVIATION_EDITOR (
    gtk_widget_get_template_child (GTK_WIDGET (view), PLC_TYPE_DEVIATIONS_VIEW, "editor"))) == caseload);
  ITERATE_UNTIL (g_list_model_get_n_items (model) == 4, "the reports to be listed");
  g_assert_cmpuint (counter.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (title_at (model, 0), ==, "C");
  g_assert_cmpstr (title_at (model, 1), ==, "B");
  g_assert_cmpstr (title_at (model, 2), ==, "D");
  g_assert_cmpstr (title_at (model, 3), ==, "A");

  /* Status */
  counter.changes = 0;
  _plc_deviations_view_set_filters (view, PLC_DEVIATION_STATUS_DRAFT, -1, NULL, 0);
  g_assert_cmpuint (counter.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (title_at (model, 0), ==, "C");
  g_assert_cmpstr (title_at (model, 1), ==, "A");

  /* Direction, on top of status */
  counter.changes = 0;
  _plc_deviations_view_set_filters (view, PLC_DEVIATION_STATUS_DRAFT,
                                    PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION, NULL, 0);
  g_assert_cmpuint (counter.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (title_at (model, 0), ==, "A");

  /* Agreement */
  _plc_deviations_view_set_filters (view, -1, -1, "dalarna", 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (title_at (model, 0), ==, "B");
  _plc_deviations_view_set_filters (view, -1, -1, "", 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (title_at (model, 0), ==, "C");

  /* Year */
  _plc_deviations_view_set_filters (view, -1, -1, NULL, 2025);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  _plc_deviations_view_set_filters (view, -1, -1, "dalarna", 2024);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (title_at (model, 0), ==, "A");

  /* Nothing matches */
  _plc_deviations_view_set_filters (view, PLC_DEVIATION_STATUS_UNDER_INVESTIGATION, -1, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* All again: no change is one change, back to four */
  counter.changes = 0;
  _plc_deviations_view_set_filters (view, -1, -1, NULL, 0);
  g_assert_cmpuint (counter.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &counter);
  g_assert_finalize_object (view);

  /* Nothing kept the caseload */
  g_assert_finalize_object (caseload);
  plc_store_close (store);
}

static GtkWidget *
child (GtkWidget  *editor,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, PLC_TYPE_DEVIATION_EDITOR, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* A refused save says why next to the field and keeps what was typed */
static void
test_refused_save (void)
{
  GtkWidget *editor = g_object_ref_sink (g_object_new (PLC_TYPE_DEVIATION_EDITOR, NULL));
  g_autoptr(PlcDeviation) original = deviation (5, "Titel", "2025-04-10", PLC_DEVIATION_STATUS_REPORTED,
                                                PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION, "dalarna");
  PlcDeviation *shown;

  plc_deviation_editor_set_deviation (PLC_DEVIATION_EDITOR (editor), original);
  g_assert_false (plc_deviation_editor_get_modified (PLC_DEVIATION_EDITOR (editor)));
  g_assert_cmpstr (plc_deviation_editor_get_heading (PLC_DEVIATION_EDITOR (editor)), ==, "Titel");

  /* An empty title */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), "");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "unit_row")), "Barnhälsovården");
  g_assert_true (plc_deviation_editor_get_modified (PLC_DEVIATION_EDITOR (editor)));
  plc_deviation_editor_save (PLC_DEVIATION_EDITOR (editor));

  g_assert_true (gtk_widget_get_visible (child (editor, "title_error_row")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (editor, "title_error"))), ==,
                   "Title: must not be empty");
  g_assert_true (gtk_widget_has_css_class (child (editor, "title_row"), "error"));
  g_assert_false (gtk_widget_get_visible (child (editor, "occurred_error_row")));
  g_assert_false (plc_deviation_editor_get_busy (PLC_DEVIATION_EDITOR (editor)));
  /* Nothing lost, nothing changed */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "unit_row"))), ==, "Barnhälsovården");
  shown = plc_deviation_editor_get_deviation (PLC_DEVIATION_EDITOR (editor));
  g_assert_cmpstr (plc_deviation_get_title (shown), ==, "Titel");
  g_assert_null (plc_deviation_get_unit (shown));
  g_assert_cmpuint (plc_deviation_get_history (shown)->len, ==, 0);

  /* Typing a title takes the message away; a date that is no date is refused */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), "Ny titel");
  g_assert_false (gtk_widget_get_visible (child (editor, "title_error_row")));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "occurred_row")), "2025-13-40");
  plc_deviation_editor_save (PLC_DEVIATION_EDITOR (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, "occurred_error_row")));
  g_assert_true (gtk_widget_has_css_class (child (editor, "occurred_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "occurred_row"))), ==, "2025-13-40");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "title_row"))), ==, "Ny titel");

  /* Valid, but no database here: said so, and still nothing lost */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "occurred_row")), "2025-04-11");
  g_assert_false (gtk_widget_get_visible (child (editor, "occurred_error_row")));
  plc_deviation_editor_save (PLC_DEVIATION_EDITOR (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, "message_label")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "title_row"))), ==, "Ny titel");

  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/deviations-view/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add_func ("/deviations-view/refused-save", test_refused_save);

  ret = g_test_run ();
  return ret;
}
