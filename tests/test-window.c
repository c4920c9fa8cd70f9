/* test-window.c: the main window, presented for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "plc-window.h"

static AdwApplication *app;

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
}

static PlcWindow *
present_window (void)
{
  PlcWindow *window = plc_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
close_and_finalize (PlcWindow *window)
{
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let GTK drop what it holds until the next frame or idle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

static void
test_window_restores_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlcWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_string (settings, "last-view", "contacts");

  window = present_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_cmpstr (plc_window_get_visible_view (window), ==, "contacts");

  close_and_finalize (window);
}

static void
test_window_saves_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_view = NULL;
  PlcWindow *window;

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  g_settings_set_string (settings, "last-view", "placements");

  window = present_window ();
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  plc_window_set_visible_view (window, "deviations");
  wait_for_draw (GTK_WIDGET (window));

  close_and_finalize (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  last_view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (last_view, ==, "deviations");
}

static void
test_window_unknown_last_view (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlcWindow *window;

  /* A view name from another version must not break the window. */
  g_settings_set_string (settings, "last-view", "no-such-view");

  window = present_window ();
  g_assert_cmpstr (plc_window_get_visible_view (window), ==, "placements");
  close_and_finalize (window);
}

static void
test_window_show_view_action (void)
{
  PlcWindow *window = present_window ();
  const char * const names[] = { "timelines", "deviations", "reports", "contacts", "placements" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", names[i]);
      g_assert_cmpstr (plc_window_get_visible_view (window), ==, names[i]);
    }

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Not the real ID: the window needs an application, not the store. */
  app = adw_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/window/restores-state", test_window_restores_state);
  g_test_add_func ("/window/saves-state", test_window_saves_state);
  g_test_add_func ("/window/unknown-last-view", test_window_unknown_last_view);
  g_test_add_func ("/window/show-view-action", test_window_show_view_action);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
