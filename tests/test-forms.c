/* test-forms.c: the child and placement forms, presented for real under
 * Xvfb: a save refused as stale shows both versions, and either choice
 * keeps what the user chose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-forms"

#include "config.h"

#include <adwaita.h>

#include "plc-child-editor.h"
#include "plc-placement-editor.h"
#include "store-test-common.h"
#include "widget-test-common.h"

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}


static GtkWidget *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label of a combo row's item */
static const char *
combo_item (GtkWidget *row,
            guint      position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
save_snapshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("PLC_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static PlcChild *
stored_child (PlcStore *store)
{
  PlcChild *child = plc_child_new ();
  g_autoptr(GError) error = NULL;

  plc_child_set_name (child, "Alva Min");
  g_assert_true (plc_child_set_personnummer_text (child, "20120315-2424", PLC_DATE_NONE, &error));
  plc_child_set_home_municipality (child, "2080");
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  return child;
}

static void
saved_cb (GObject  *editor,
          GObject  *record,
          GObject **out)
{
  g_set_object (out, record);
}

/* Edits the child in a form while another copy is saved; saves the form
 * and answers the dialog with @response. */
static void
stale_child (Fixture    *fixture,
             const char *response)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = stored_child (store);
  g_autoptr(PlcChild) theirs = plc_child_copy (child);
  g_autoptr(PlcChild) saved = NULL;
  g_autoptr(PlcChild) after = NULL;
  g_autoptr(GError) error = NULL;
  PlcChildEditor *editor;
  AdwMessageDialog *dialog = NULL;
  GtkWidget *row;
  GtkWidget *save;

  editor = plc_child_editor_new (NULL, store, child);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  /* Someone else saves meanwhile */
  plc_child_set_name (theirs, "Alva Deras");
  g_assert_true (plc_store_save_child (store, theirs, &error));
  g_assert_no_error (error);

  row = find_entry_row (GTK_WIDGET (editor), "Interpreter language");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "arabiska");
  save = find_save_button (GTK_WIDGET (editor));
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");

  ITERATE_UNTIL ((dialog = find_message_dialog ()) != NULL, "the stale dialog");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  /* Two differences: the name (theirs), the interpreter language (mine) */
  g_assert_cmpuint (count_rows (adw_message_dialog_get_extra_child (dialog)), ==, 2);
  g_assert_true (adw_message_dialog_has_response (dialog, "mine"));
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));
  /* What was typed is still in the form */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "arabiska");
  save_snapshot (GTK_WIDGET (dialog), "stale-dialog.png");

  adw_message_dialog_response (dialog, response);
  ITERATE_UNTIL (editor == NULL, "the form to close");
  g_assert_nonnull (saved);

  after = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  if (g_str_equal (response, "mine"))
    {
      g_assert_cmpstr (plc_child_get_name (after), ==, "Alva Min");
      g_assert_cmpstr (plc_child_get_interpreter_language (after), ==, "arabiska");
    }
  else
    {
      g_assert_cmpstr (plc_child_get_name (after), ==, "Alva Deras");
      g_assert_null (plc_child_get_interpreter_language (after));
    }
  g_assert_cmpstr (plc_child_get_name (saved), ==, plc_child_get_name (after));
}

static void
test_stale_child_keep_mine (Fixture       *fixture,
                            gconstpointer  user_data)
{
  stale_child (fixture, "mine");
}

static void
test_stale_child_take_theirs (Fixture       *fixture,
                              gconstpointer  user_data)
{
  stale_child (fixture, "theirs");
}

/* A placement edited in its form while another copy is saved: keep mine */
static void
test_stale_placement_keep_mine (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = stored_child (store);
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(PlcPlacement) theirs = NULL;
  g_autoptr(PlcPlacement) saved = NULL;
  g_autoptr(PlcPlacement) after = NULL;
  g_autoptr(GError) error = NULL;
  PlcPlacementEditor *editor;
  AdwMessageDialog *dialog = NULL;
  GtkWidget *row;

  plc_placement_set_child_id (placement, plc_child_get_id (child));
  plc_placement_set_child_ref (placement, plc_child_get_ref (child));
  plc_placement_set_placing_municipality (placement, "2080");
  plc_placement_set_start_date (placement, plc_date_new (2025, 3, 1));
  g_assert_true (plc_store_save_placement (store, placement, &error));
  g_assert_no_error (error);
  theirs = plc_placement_copy (placement);

  editor = plc_placement_editor_new (NULL, store, child, placement, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  /* Let it list the child's other placements first: the store's
   * synchronous calls must not run while an asynchronous one is pending */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);

  plc_placement_set_caseworker (theirs, "Deras Handläggare");
  g_assert_true (plc_store_save_placement (store, theirs, &error));
  g_assert_no_error (error);

  row = find_entry_row (GTK_WIDGET (editor), "End date");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-09-01");
  g_signal_emit_by_name (find_save_button (GTK_WIDGET (editor)), "clicked");

  ITERATE_UNTIL ((dialog = find_message_dialog ()) != NULL, "the stale dialog");
  /* The caseworker (theirs) and the end date (mine) */
  g_assert_cmpuint (count_rows (adw_message_dialog_get_extra_child (dialog)), ==, 2);
  adw_message_dialog_response (dialog, "mine");
  ITERATE_UNTIL (editor == NULL, "the form to close");

  after = plc_store_get_placement (store, plc_placement_get_id (placement), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_placement_get_end_date (after), ==, plc_date_new (2025, 9, 1));
  g_assert_null (plc_placement_get_caseworker (after));
  g_assert_nonnull (saved);
}

/* Closing a form with unsaved changes asks first */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  PlcChildEditor *editor;
  AdwMessageDialog *dialog = NULL;
  GtkWidget *row;

  editor = plc_child_editor_new (NULL, store, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  row = find_entry_row (GTK_WIDGET (editor), "Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Alva Oskriven");

  gtk_window_close (GTK_WINDOW (editor));
  ITERATE_UNTIL ((dialog = find_message_dialog ()) != NULL, "the discard question");
  adw_message_dialog_response (dialog, "cancel");
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Alva Oskriven");

  gtk_window_close (GTK_WINDOW (editor));
  ITERATE_UNTIL ((dialog = find_message_dialog ()) != NULL, "the discard question");
  adw_message_dialog_response (dialog, "discard");
  ITERATE_UNTIL (editor == NULL, "the form to close");
}


/* The home of a placement (issue 13, §3): chosen from the contacts (a
 * foster home is a contact), or a reference typed in; the form shows it
 * again when the placement is opened */
static void
test_placement_home (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = stored_child (store);
  g_autoptr(PlcContact) home = plc_contact_new ();
  g_autoptr(PlcContact) school = plc_contact_new ();
  PlcContactLink *link = plc_contact_link_new ();
  PlcContactLink *school_link = plc_contact_link_new ();
  g_autoptr(PlcPlacement) saved = NULL;
  g_autoptr(PlcPlacement) after = NULL;
  g_autoptr(GError) error = NULL;
  PlcPlacementEditor *editor;
  GtkWidget *row;
  GtkWidget *reference;
  guint n_items;

  plc_contact_set_name (home, "Familjehemmet Berg");
  link->child_id = plc_child_get_id (child);
  link->role = PLC_CONTACT_ROLE_FOSTER_HOME;
  plc_contact_add_link (home, link);  /* takes it */
  g_assert_true (plc_store_save_contact (store, home, &error));
  g_assert_no_error (error);
  /* Not a home: not offered */
  plc_contact_set_name (school, "Skolan i Mora");
  school_link->child_id = plc_child_get_id (child);
  school_link->role = PLC_CONTACT_ROLE_SCHOOL;
  plc_contact_add_link (school, school_link);
  g_assert_true (plc_store_save_contact (store, school, &error));
  g_assert_no_error (error);

  editor = plc_placement_editor_new (NULL, store, child, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  row = find_combo_row (GTK_WIDGET (editor), "Home");
  g_assert_nonnull (row);
  /* Not set, the foster home, another reference */
  ITERATE_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))) == 3,
                 "the contacts to be listed");
  n_items = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
  g_assert_cmpstr (combo_item (row, 0), ==, "Not set");
  g_assert_cmpstr (combo_item (row, 1), ==, "Familjehemmet Berg");
  g_assert_cmpstr (combo_item (row, n_items - 1), ==, "Another reference");
  reference = find_entry_row (GTK_WIDGET (editor), "Home reference");
  g_assert_nonnull (reference);
  g_assert_false (gtk_widget_get_visible (reference));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  save_snapshot (GTK_WIDGET (editor), "placement-home.png");
  g_signal_emit_by_name (find_save_button (GTK_WIDGET (editor)), "clicked");
  ITERATE_UNTIL (editor == NULL, "the form to close");
  g_assert_nonnull (saved);
  after = plc_store_get_placement (store, plc_placement_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_placement_get_home_ref (after), ==, plc_contact_get_ref (home));

  /* Opened again: the contact is chosen; another reference typed in */
  editor = plc_placement_editor_new (NULL, store, child, after, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_clear_object (&saved);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  row = find_combo_row (GTK_WIDGET (editor), "Home");
  ITERATE_UNTIL (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == 1, "the foster home to be chosen");
  reference = find_entry_row (GTK_WIDGET (editor), "Home reference");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_true (gtk_widget_get_visible (reference));
  gtk_editable_set_text (GTK_EDITABLE (reference), " HVB Solgläntan ");
  g_signal_emit_by_name (find_save_button (GTK_WIDGET (editor)), "clicked");
  ITERATE_UNTIL (editor == NULL, "the form to close");
  g_clear_object (&after);
  after = plc_store_get_placement (store, plc_placement_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_placement_get_home_ref (after), ==, "HVB Solgläntan");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/forms/stale/child/keep-mine", Fixture, NULL,
              fixture_set_up, test_stale_child_keep_mine, fixture_tear_down);
  g_test_add ("/forms/stale/child/take-theirs", Fixture, NULL,
              fixture_set_up, test_stale_child_take_theirs, fixture_tear_down);
  g_test_add ("/forms/stale/placement/keep-mine", Fixture, NULL,
              fixture_set_up, test_stale_placement_keep_mine, fixture_tear_down);

  g_test_add ("/forms/placement/home", Fixture, NULL,
              fixture_set_up, test_placement_home, fixture_tear_down);
  g_test_add ("/forms/close-asks", Fixture, NULL,
              fixture_set_up, test_close_asks, fixture_tear_down);

  return g_test_run ();
}
