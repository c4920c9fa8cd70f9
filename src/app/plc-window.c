/* plc-window.c: the main window with its four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviations-view.h"
#include "plc-window.h"

struct _PlcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  PlcDeviationsView    *deviations_view;
};

G_DEFINE_FINAL_TYPE (PlcWindow, plc_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const view_names[] = {
  "placements", "timelines", "contacts", "deviations",
};

static gboolean
is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plc_window_set_visible_view (PLC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.report-deviation ((xsi): placement id, rule id, occurrence): a new
 * deviation report about an overdue step, pre-filled from it */
static void
report_deviation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  gint64 placement_id;
  const char *rule_id;
  int occurrence;

  g_variant_get (parameter, "(x&si)", &placement_id, &rule_id, &occurrence);
  adw_view_stack_set_visible_child_name (self->stack, "deviations");
  if (!plc_deviations_view_report_obligation (self->deviations_view, placement_id, rule_id, occurrence))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("That step could not be found: it may have changed")));
}

static void
save_window_state (PlcWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  /* The unmaximized size, so that un-maximizing after a restart works. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view", plc_window_get_visible_view (self));
  g_settings_apply (self->settings);
}

static gboolean
plc_window_close_request (GtkWindow *window)
{
  save_window_state (PLC_WINDOW (window));

  return GTK_WINDOW_CLASS (plc_window_parent_class)->close_request (window);
}

static void
plc_window_dispose (GObject *object)
{
  PlcWindow *self = (PlcWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plc_window_parent_class)->dispose (object);
}

static void
plc_window_class_init (PlcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plc_window_dispose;
  window_class->close_request = plc_window_close_request;

  g_type_ensure (PLC_TYPE_DEVIATIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, deviations_view);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.report-deviation", "(xsi)", report_deviation_action);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
plc_window_init (PlcWindow *self)
{
  g_autofree char *last_view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (last_view))
    adw_view_stack_set_visible_child_name (self->stack, last_view);
}

PlcWindow *
plc_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (PLC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
plc_window_get_visible_view (PlcWindow *self)
{
  g_return_val_if_fail (PLC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
plc_window_set_visible_view (PlcWindow  *self,
                             const char *name)
{
  g_return_if_fail (PLC_IS_WINDOW (self));

  if (!is_view_name (name))
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * plc_window_show_store_error:
 * @self: a #PlcWindow
 * @error: why the database could not be opened
 *
 * Tells the user that the database could not be opened and why.  The
 * message says what to do; nothing is written to the database.
 */
void
plc_window_show_store_error (PlcWindow    *self,
                             const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (PLC_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Open the Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
