/* plc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-application.h"
#include "plc-paths.h"
#include "plc-preferences-window.h"
#include "plc-window.h"

struct _PlcApplication
{
  AdwApplication  parent_instance;

  PlcStore       *store;
  GError         *store_error;
  PlcProfileSet  *profiles;
  GError         *profiles_error;
  PlcEngine      *engine;
  PlcCaseload    *caseload;
  GSettings      *settings;
  GCancellable   *cancellable;
  guint           store_pending : 1;
};

G_DEFINE_FINAL_TYPE (PlcApplication, plc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASELOAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

PlcApplication *
plc_application_new (void)
{
  return g_object_new (PLC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * plc_application_get_store:
 * @self: a #PlcApplication
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL while it is
 *   being opened or when it could not be opened
 */
PlcStore *
plc_application_get_store (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * plc_application_get_store_error:
 * @self: a #PlcApplication
 *
 * Returns: (transfer none) (nullable): why the store could not be opened,
 *   or %NULL while it is open or being opened
 */
const GError *
plc_application_get_store_error (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * plc_application_get_profiles:
 * @self: a #PlcApplication
 *
 * The agreement profiles in force, loaded once at start-up.
 *
 * Returns: (transfer none) (nullable): the profiles, or %NULL if the
 *   shipped ones could not be loaded (see
 *   plc_application_get_profiles_error())
 */
PlcProfileSet *
plc_application_get_profiles (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->profiles;
}

/**
 * plc_application_get_profiles_error:
 * @self: a #PlcApplication
 *
 * Returns: (transfer none) (nullable): why the agreement profiles could not
 *   be loaded, or %NULL
 */
const GError *
plc_application_get_profiles_error (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->profiles_error;
}

static void
report_store_error (PlcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store_error != NULL && PLC_IS_WINDOW (window))
    plc_window_show_store_error (PLC_WINDOW (window), self->store_error);
}

/**
 * plc_application_get_engine:
 *
 * Returns: (transfer none) (nullable): the rules engine, or %NULL if the
 *   agreement profiles could not be loaded
 */
PlcEngine *
plc_application_get_engine (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->engine;
}

/**
 * plc_application_get_caseload:
 *
 * What the views show: every child, placement and obligation, reloaded
 * with plc_application_reload_caseload() after each change.  Connect to
 * #PlcApplication:caseload to learn when it exists, and to its "changed"
 * signal for each reload.
 *
 * Returns: (transfer none) (nullable): the caseload, or %NULL until the
 *   database is open (or if it cannot be)
 */
PlcCaseload *
plc_application_get_caseload (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  return self->caseload;
}

static void
caseload_reloaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!plc_caseload_reload_finish (PLC_CASELOAD (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The store's messages never hold personal data */
    g_warning ("Could not load the caseload: %s", error->message);
}

/**
 * plc_application_reload_caseload:
 *
 * Reloads the caseload (off the main thread): call it after every save.
 */
void
plc_application_reload_caseload (PlcApplication *self)
{
  g_return_if_fail (PLC_IS_APPLICATION (self));

  if (self->caseload == NULL)
    return;

  plc_engine_set_upcoming_days (self->engine,
                                g_settings_get_int (self->settings, "upcoming-days"));
  plc_caseload_reload_async (self->caseload, plc_date_today (), self->cancellable,
                             caseload_reloaded_cb, g_object_ref (self));
}

static void
upcoming_days_changed_cb (PlcApplication *self)
{
  plc_application_reload_caseload (self);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->store_pending = FALSE;
  self->store = plc_store_open_with_keyring_finish (result, &error);

  if (self->store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The message says what is wrong; it never holds personal data. */
      g_warning ("Could not open the database: %s", error->message);
      self->store_error = g_steal_pointer (&error);
      report_store_error (self);
      return;
    }

  g_debug ("Opened the database (schema %d)", plc_store_get_schema_version (self->store));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);

  if (self->engine != NULL)
    {
      self->caseload = plc_caseload_new (self->store, self->engine);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
      plc_application_reload_caseload (self);
    }
}

static void
plc_application_startup (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (plc_application_parent_class)->startup (app);

  /* A handful of small files: read them once, before any window needs them. */
  self->profiles = plc_profile_set_load_default (&error);
  if (self->profiles == NULL)
    {
      g_warning ("Could not load the agreement profiles: %s", error->message);
      self->profiles_error = g_steal_pointer (&error);
    }
  else
    {
      const char * const *problems = plc_profile_set_get_problems (self->profiles);

      for (guint i = 0; problems[i] != NULL; i++)
        g_message ("An agreement profile was left out: %s", problems[i]);
    }

  if (self->profiles != NULL)
    self->engine = plc_engine_new (self->profiles);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::upcoming-days",
                           G_CALLBACK (upcoming_days_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
plc_application_activate (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (plc_window_new (ADW_APPLICATION (app)));

  gtk_window_present (window);

  if (self->store == NULL && !self->store_pending && self->store_error == NULL)
    {
      g_autofree char *path = plc_paths_dup_default_database ();

      self->store_pending = TRUE;
      plc_store_open_with_keyring_async (path, self->cancellable,
                                         store_opened_cb, g_object_ref (self));
    }
  else
    report_store_error (self);
}

static void
plc_application_shutdown (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    plc_store_close (self->store);

  G_APPLICATION_CLASS (plc_application_parent_class)->shutdown (app);
}

static void
plc_application_finalize (GObject *object)
{
  PlcApplication *self = (PlcApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->store_error);
  g_clear_object (&self->profiles);
  g_clear_error (&self->profiles_error);
  g_clear_object (&self->caseload);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plc_application_parent_class)->finalize (object);
}

static void
plc_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlcApplication *self = PLC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_application_class_init (PlcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = plc_application_finalize;
  object_class->get_property = plc_application_get_property;

  app_class->startup = plc_application_startup;
  app_class->activate = plc_application_activate;
  app_class->shutdown = plc_application_shutdown;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PLC_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The Placements developers", NULL };
  PlcApplication *self = user_data;
  GtkWindow *window;
  GtkWidget *about;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Placements"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Placements developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Placements developers",
                        "comments", _("Health and collaboration steps for children placed outside their own home"),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
plc_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  PlcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PlcPreferencesWindow *preferences = plc_preferences_window_new (window);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
plc_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  PlcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows so that each saves its state, then quit. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (PLC_IS_WINDOW (l->data))
      gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", plc_application_quit_action },
  { "about", plc_application_about_action },
  { "preferences", plc_application_preferences_action },
};

static void
plc_application_init (PlcApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
}
