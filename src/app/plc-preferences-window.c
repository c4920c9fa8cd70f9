/* plc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-preferences-window.h"

struct _PlcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwEntryRow          *caseworker_row;
  GtkSpinButton        *upcoming_spin;
};

G_DEFINE_FINAL_TYPE (PlcPreferencesWindow, plc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
plc_preferences_window_dispose (GObject *object)
{
  PlcPreferencesWindow *self = (PlcPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plc_preferences_window_parent_class)->dispose (object);
}

static void
plc_preferences_window_class_init (PlcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, upcoming_spin);
}

static void
plc_preferences_window_init (PlcPreferencesWindow *self)
{
  const char *real_name = g_get_real_name ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "caseworker-name",
                   self->caseworker_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "upcoming-days",
                   gtk_spin_button_get_adjustment (self->upcoming_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  /* An empty name means the account's full name: say which. */
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    {
      g_autofree char *hint = g_strdup_printf (_("Empty means “%s”, the name of your account"), real_name);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->caseworker_row), hint);
    }
}

PlcPreferencesWindow *
plc_preferences_window_new (GtkWindow *transient_for)
{
  return g_object_new (PLC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);
}
