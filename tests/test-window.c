/* test-window.c: the main window, presented for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

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

/* The narrowest a phone or a half-screen window gets */
#define NARROWEST 360

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Follows the widgets wider than @limit down to the deepest one, to say
 * which part of the window is too wide */
static void
describe_too_wide (GtkWidget *widget,
                   int        limit,
                   GString   *path)
{
  g_string_append_printf (path, "\n  %s (%s) %d px", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_css_name (widget), minimum_width (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (minimum_width (child) > limit)
      {
        describe_too_wide (child, limit, path);
        return;
      }

  /* None alone is too wide: then all of them, side by side, are */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_string_append_printf (path, "\n    %s (%s) %d px", G_OBJECT_TYPE_NAME (child),
                            gtk_widget_get_css_name (child), minimum_width (child));
}

static void
check_fits_narrowest (void)
{
  PlcWindow *window = present_window ();
  const char * const names[] = { "placements", "timelines", "contacts", "deviations", "reports" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *content;
      int width;

      plc_window_set_visible_view (window, names[i]);
      wait_for_draw (GTK_WIDGET (window));

      /* The content, not the window: its CSD shadow is no part of it */
      content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      width = minimum_width (content);
      if (width > NARROWEST)
        {
          g_autoptr(GString) path = g_string_new (NULL);

          describe_too_wide (content, NARROWEST, path);
          g_test_message ("The %s view needs %d px:%s", names[i], width, path->str);
        }
      g_assert_cmpint (width, <=, NARROWEST);
    }

  close_and_finalize (window);
}

static void
test_window_fits_narrowest (void)
{
  check_fits_narrowest ();
}

/* Swedish words are longer */
static void
test_window_fits_narrowest_swedish (void)
{
  const char *localedir = g_getenv ("PLACERINGAR_LOCALEDIR");

  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_fail_printf ("The sv_SE.UTF-8 locale is not installed (./setup test installs it)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Placements"), ==, "Placeringar");

  check_fits_narrowest ();

  setlocale (LC_ALL, "C.UTF-8");
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
  g_test_add_func ("/window/fits-narrowest", test_window_fits_narrowest);
  g_test_add_func ("/window/fits-narrowest-swedish", test_window_fits_narrowest_swedish);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
