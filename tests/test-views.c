/* test-views.c: each view of the window, built with a caseload on a real
 * store file and no application, shown for real under Xvfb
 *
 * The window hands each view its caseload (PlcWindow:caseload → the
 * view's "caseload"); here a test does.  Each view must show what the
 * store holds, say what the user chose through its properties and
 * signals, and let go of the caseload: the view and then the caseload are
 * finalized at the end of each test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-views"

#include "config.h"

#include <adwaita.h>

#include "plc-contacts-view.h"
#include "plc-deviations-view.h"
#include "plc-interchange.h"
#include "plc-placements-view.h"
#include "plc-reports-view-private.h"
#include "plc-timelines-view.h"
#include "store-test-common.h"
#include "widget-test-common.h"

typedef struct
{
  Fixture      fixture;
  PlcStore    *store;
  PlcCaseload *caseload;
  GtkWindow   *window;
} ViewFixture;

/* tests/data/interchange/full.json: three children, three contacts, two
 * deviation reports */
#define N_CHILDREN   3
#define N_CONTACTS   3
#define N_DEVIATIONS 2

static void
view_fixture_set_up (ViewFixture   *self,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&self->fixture, user_data);
  self->store = open_store (&self->fixture);

  dataset = plc_interchange_read_file (file, plc_date_today (), &error);
  g_assert_no_error (error);
  g_assert_true (plc_store_import (self->store, dataset, &error));
  g_assert_no_error (error);

  profiles = plc_profile_set_load_default (&error);
  g_assert_no_error (error);
  engine = plc_engine_new (profiles);
  self->caseload = plc_caseload_new (self->store, engine);
  g_assert_true (plc_caseload_reload (self->caseload, plc_date_today (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plc_caseload_get_cases (self->caseload)), ==, N_CHILDREN);

  self->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (self->window, 900, 700);
}

/* The store runs its jobs in order, and their results arrive in order:
 * once a job started now has answered, those the view started before it
 * have too. */
static void
barrier_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  G_GNUC_UNUSED g_autoptr(GPtrArray) children = plc_store_list_children_finish (PLC_STORE (object), result, NULL);
  gboolean *done = user_data;

  *done = TRUE;
}

static void
wait_for_store (PlcStore *store)
{
  gboolean done = FALSE;

  plc_store_list_children_async (store, FALSE, NULL, barrier_cb, &done);
  ITERATE_UNTIL (done, "the store's jobs to finish");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Shows @view in the fixture's window, hands it the caseload as the
 * window would, and waits until it is drawn and has read the store */
static void
show_view (ViewFixture *self,
           GtkWidget   *view)
{
  gtk_window_set_child (self->window, view);
  gtk_window_present (self->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (self->window));

  g_object_set (view, "caseload", self->caseload, NULL);
  wait_for_store (self->store);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (self->window));
}

/* Closes the window; the view, then the caseload, must be finalized */
static void
view_fixture_tear_down (ViewFixture   *self,
                        gconstpointer  user_data)
{
  GtkWidget *view = gtk_window_get_child (self->window);

  if (view != NULL)
    {
      g_object_ref (view);
      wait_for_store (self->store);
    }
  gtk_window_destroy (self->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (view != NULL)
    g_assert_finalize_object (view);

  g_assert_finalize_object (self->caseload);
  plc_store_close (self->store);
  g_clear_object (&self->store);
  fixture_tear_down (&self->fixture, user_data);
}

static GObject *
template_child (GtkWidget  *view,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (view, type, name);

  g_assert_nonnull (object);
  return object;
}

static guint
n_listed (GtkWidget  *view,
          GType       type,
          const char *list_view)
{
  GtkListView *list = GTK_LIST_VIEW (template_child (view, type, list_view));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static gint64
child_id_at (PlcCaseload *caseload,
             guint        position)
{
  g_autoptr(PlcCase) item = g_list_model_get_item (plc_caseload_get_cases (caseload), position);

  return plc_child_get_id (plc_case_get_child (item));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_placements (ViewFixture   *self,
                 gconstpointer  user_data)
{
  GtkWidget *view = g_object_new (PLC_TYPE_PLACEMENTS_VIEW, NULL);
  gint64 child_id = child_id_at (self->caseload, 1);
  guint notified = 0;

  show_view (self, view);
  g_assert_true (plc_placements_view_get_caseload (PLC_PLACEMENTS_VIEW (view)) == self->caseload);
  g_assert_cmpuint (n_listed (view, PLC_TYPE_PLACEMENTS_VIEW, "list_view"), ==, N_CHILDREN);

  /* The child shown is the view's selection, a property the window watches */
  g_assert_cmpint (plc_placements_view_get_selected_child_id (PLC_PLACEMENTS_VIEW (view)), ==, 0);
  g_signal_connect (view, "notify::selected-child-id", G_CALLBACK (notify_count_cb), &notified);
  plc_placements_view_show_child (PLC_PLACEMENTS_VIEW (view), child_id);
  g_assert_cmpint (plc_placements_view_get_selected_child_id (PLC_PLACEMENTS_VIEW (view)), ==, child_id);
  g_assert_cmpuint (notified, ==, 1);

  /* A reload keeps the child shown, and says nothing new */
  plc_caseload_reload_async (self->caseload, plc_date_today (), NULL, NULL, NULL);
  wait_for_store (self->store);
  ITERATE_UNTIL (n_listed (view, PLC_TYPE_PLACEMENTS_VIEW, "list_view") == N_CHILDREN, "the reload");
  g_assert_cmpint (plc_placements_view_get_selected_child_id (PLC_PLACEMENTS_VIEW (view)), ==, child_id);
  g_assert_cmpuint (notified, ==, 1);

  /* Without a caseload, nothing is listed */
  plc_placements_view_set_caseload (PLC_PLACEMENTS_VIEW (view), NULL);
  g_assert_cmpuint (n_listed (view, PLC_TYPE_PLACEMENTS_VIEW, "list_view"), ==, 0);
}

static void
test_contacts (ViewFixture   *self,
               gconstpointer  user_data)
{
  GtkWidget *view = plc_contacts_view_new ();

  show_view (self, view);
  g_assert_true (plc_contacts_view_get_caseload (PLC_CONTACTS_VIEW (view)) == self->caseload);
  ITERATE_UNTIL (n_listed (view, PLC_TYPE_CONTACTS_VIEW, "list_view") == N_CONTACTS, "the contacts");

  /* The children to link a contact to are the caseload's */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                      ADW_COMBO_ROW (template_child (view, PLC_TYPE_CONTACTS_VIEW, "link_child_row")))),
                    ==, N_CHILDREN);
}

static gboolean
show_obligation_cb (PlcTimelinesView  *view,
                    PlcObligation     *obligation,
                    PlcObligation    **shown)
{
  g_set_object (shown, obligation);
  return TRUE;
}

static GtkWidget *
visible_popover (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return child;

  return NULL;
}

static void
test_timelines (ViewFixture   *self,
                gconstpointer  user_data)
{
  GtkWidget *view = plc_timelines_view_new ();
  GtkWidget *markers;
  g_autoptr(PlcObligation) shown = NULL;
  gulong handler;

  show_view (self, view);
  g_assert_true (plc_timelines_view_get_caseload (PLC_TIMELINES_VIEW (view)) == self->caseload);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (
                      GTK_DROP_DOWN (template_child (view, PLC_TYPE_TIMELINES_VIEW, "child_dropdown")))),
                    ==, N_CHILDREN);
  g_assert_cmpuint (n_listed (view, PLC_TYPE_TIMELINES_VIEW, "marker_list"), >, 0);
  markers = GTK_WIDGET (template_child (view, PLC_TYPE_TIMELINES_VIEW, "marker_list"));

  /* A step activated is a request the window handles: the view does not
   * explain it itself then */
  handler = g_signal_connect (view, "show-obligation", G_CALLBACK (show_obligation_cb), &shown);
  g_assert_true (gtk_widget_activate_action (markers, "list.activate-item", "u", 0));
  g_assert_nonnull (shown);
  g_assert_nonnull (plc_caseload_get_obligations (self->caseload, plc_obligation_get_placement_id (shown)));
  g_assert_null (visible_popover (view));

  /* Unhandled, the view explains the step's date in a popover */
  g_signal_handler_disconnect (view, handler);
  g_assert_true (gtk_widget_activate_action (markers, "list.activate-item", "u", 0));
  g_assert_nonnull (visible_popover (view));
  gtk_popover_popdown (GTK_POPOVER (visible_popover (view)));
}

static void
test_deviations (ViewFixture   *self,
                 gconstpointer  user_data)
{
  GtkWidget *view = g_object_new (PLC_TYPE_DEVIATIONS_VIEW, NULL);
  GListModel *model = plc_deviations_view_get_model (PLC_DEVIATIONS_VIEW (view));

  show_view (self, view);
  g_assert_true (plc_deviations_view_get_caseload (PLC_DEVIATIONS_VIEW (view)) == self->caseload);
  ITERATE_UNTIL (g_list_model_get_n_items (model) == N_DEVIATIONS, "the deviation reports");
}

static void
test_reports (ViewFixture   *self,
              gconstpointer  user_data)
{
  GtkWidget *view = plc_reports_view_new ();

  show_view (self, view);
  g_assert_true (plc_reports_view_get_caseload (PLC_REPORTS_VIEW (view)) == self->caseload);
  ITERATE_UNTIL (plc_reports_view_get_follow_up (PLC_REPORTS_VIEW (view)) != NULL, "the figures");
  g_assert_cmpstr (_plc_reports_view_get_page (PLC_REPORTS_VIEW (view)), ==, "tables");

  /* Its caseload gone, the view says it waits for the database */
  plc_reports_view_set_caseload (PLC_REPORTS_VIEW (view), NULL);
  g_assert_cmpstr (_plc_reports_view_get_page (PLC_REPORTS_VIEW (view)), ==, "closed");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD_VIEW_TEST(path, func) \
  g_test_add (path, ViewFixture, NULL, view_fixture_set_up, func, view_fixture_tear_down)

  ADD_VIEW_TEST ("/views/placements", test_placements);
  ADD_VIEW_TEST ("/views/contacts", test_contacts);
  ADD_VIEW_TEST ("/views/timelines", test_timelines);
  ADD_VIEW_TEST ("/views/deviations", test_deviations);
  ADD_VIEW_TEST ("/views/reports", test_reports);

  return g_test_run ();
}
