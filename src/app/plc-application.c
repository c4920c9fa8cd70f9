/* plc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "plc-application.h"
#include "plc-audit-window.h"
#include "plc-demo.h"
#include "plc-finalize-check.h"
#include "plc-notifications.h"
#include "plc-office.h"
#include "plc-paths.h"
#include "plc-preferences-window.h"
#include "plc-reminders.h"
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

  /* While the demonstration data is open, the user's own store and
   * caseload wait here, open, and are put back when it closes. */
  PlcStore       *real_store;
  PlcCaseload    *real_caseload;
  GCancellable   *demo_cancellable;

  guint           midnight_source;
  PlcDate         notified_on;
  guint           signal_sources[3];

  guint           store_pending : 1;
  guint           demo : 1;
  guint           demo_pending : 1;

  /* --background: the first activation opens no window */
  guint           background_start : 1;
  /* Kept running without a window, for the daily reminder */
  guint           held : 1;

  /* PLACERINGAR_BENCH_FIRST_FRAME: see bench_watch_frames() */
  guint           bench : 1;
  guint           bench_first_drawn : 1;
  guint           bench_loaded : 1;
};

G_DEFINE_FINAL_TYPE (PlcApplication, plc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASELOAD,
  PROP_DEMO,
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
 * What the views show: every child, placement and obligation.  It follows
 * the store's changes by itself, whoever made them.  Connect to
 * #PlcApplication:caseload to learn when it exists, and to its "changed"
 * signal for each change.
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
caseload_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  G_GNUC_UNUSED g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!plc_caseload_reload_finish (PLC_CASELOAD (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The store's messages never hold personal data */
    g_warning ("Could not load the caseload: %s", error->message);
}

/* Loads a caseload as of today, with the settings' upcoming window: when it
 * is made, at midnight, and when the window changes.  Saves come back to
 * it through the store by themselves. */
static void
load_caseload (PlcApplication *self,
               PlcCaseload    *caseload)
{
  if (caseload == NULL)
    return;

  plc_engine_set_upcoming_days (plc_caseload_get_engine (caseload),
                                g_settings_get_int (self->settings, "upcoming-days"));
  plc_caseload_reload_async (caseload, plc_date_today (), self->cancellable,
                             caseload_loaded_cb, g_object_ref (self));
}

static void
upcoming_days_changed_cb (PlcApplication *self)
{
  load_caseload (self, self->caseload);
  load_caseload (self, self->real_caseload);
}

static const char * const notification_services[] = {
  "org.freedesktop.Notifications", "org.gtk.Notifications", NULL,
};

static gboolean
strv_has_any (GVariant           *names,
              const char * const *wanted)
{
  g_autofree const char **strv = g_variant_get_strv (names, NULL);

  for (guint i = 0; wanted[i] != NULL; i++)
    if (g_strv_contains (strv, wanted[i]))
      return TRUE;

  return FALSE;
}

static void
notification_services_listed_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GError) error = NULL;
  PlcApplication *self = g_task_get_source_object (task);
  GNotification *notification = g_task_get_task_data (task);
  const char *method = g_object_get_data (G_OBJECT (task), "method");

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("Could not list the bus names: %s", error->message);
      return;
    }

  names = g_variant_get_child_value (reply, 0);
  if (strv_has_any (names, notification_services))
    {
      g_application_send_notification (G_APPLICATION (self), "agenda", notification);
      return;
    }

  if (g_strcmp0 (method, "ListNames") == 0)
    {
      /* Not running: one that starts on demand will do too. */
      g_object_set_data (G_OBJECT (task), "method", (gpointer) "ListActivatableNames");
      g_dbus_connection_call (G_DBUS_CONNECTION (object), "org.freedesktop.DBus",
                              "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                              G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                              notification_services_listed_cb, g_object_ref (task));
      return;
    }

  g_debug ("No notification service: the summary of what is due is not shown");
}

static void
find_notification_service (PlcApplication *self,
                           GNotification  *notification)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GTask) task = NULL;

  if (connection == NULL)
    return;

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, find_notification_service);
  g_task_set_task_data (task, g_object_ref (notification), g_object_unref);
  g_object_set_data (G_OBJECT (task), "method", (gpointer) "ListNames");
  g_dbus_connection_call (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          notification_services_listed_cb, g_steal_pointer (&task));
}

/*
 * The daily notification: what is overdue and what falls due today in the
 * caseworker's own caseload (or in all placements, when the caseworker's
 * name is not known or on no placement), in counts only: a notification
 * may show on a locked screen.  Sent once a day, when the caseload has
 * loaded for a new day, whether by the window or by the background
 * instance (the day is kept in GSettings, so that logging in again the same
 * day sends nothing); never for the demonstration data.
 */
static void
send_agenda_notification (PlcApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autofree char *caseworker = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *notified_on = NULL;
  guint n_overdue;
  guint n_due_today;
  PlcDate today;

  if (self->demo || self->caseload == NULL || !plc_caseload_get_loaded (self->caseload))
    return;

  today = plc_caseload_get_today (self->caseload);
  if (self->notified_on == today)
    return;
  self->notified_on = today;

  today_iso = plc_date_to_iso (today);
  notified_on = g_settings_get_string (self->settings, "agenda-notified-on");
  if (g_strcmp0 (notified_on, today_iso) == 0)
    return;
  g_settings_set_string (self->settings, "agenda-notified-on", today_iso);

  /* The caseworker's own list when they have one (a supervisor, or a name
   * that is on no placement, gets everyone's) */
  caseworker = plc_application_dup_caseworker_name (self);
  if (caseworker != NULL && !plc_notifications_has_caseworker (self->caseload, caseworker))
    g_clear_pointer (&caseworker, g_free);
  plc_notifications_count (self->caseload, caseworker, &n_overdue, &n_due_today);
  body = plc_notifications_body (n_overdue, n_due_today, caseworker);
  if (body == NULL)
    {
      g_application_withdraw_notification (G_APPLICATION (self), "agenda");
      return;
    }

  notification = g_notification_new (_("Steps to Take"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-agenda",
                                                "s", caseworker != NULL ? caseworker : "");

  /* In a sandbox the portal takes it; elsewhere only send it where some
   * service shows notifications (GLib warns when none does). */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    g_application_send_notification (G_APPLICATION (self), "agenda", notification);
  else
    find_notification_service (self, notification);
}

/*
 * For the benchmarks (tests/bench/plc-bench): with the environment
 * variable PLACERINGAR_BENCH_FIRST_FRAME=1, the application prints to
 * stderr the monotonic time (g_get_monotonic_time(), in microseconds) at
 * which its first frame was drawn, "PLACERINGAR_BENCH first-frame T", and
 * at which the first frame after the caseload had loaded was drawn,
 * "PLACERINGAR_BENCH caseload-frame T", and then quits.  Nothing else
 * changes; no personal data is printed.
 */
static void
bench_after_paint_cb (GdkFrameClock  *clock,
                      PlcApplication *self)
{
  if (!self->bench_first_drawn)
    {
      self->bench_first_drawn = TRUE;
      g_printerr ("PLACERINGAR_BENCH first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
    }

  if (self->bench_loaded)
    {
      self->bench = FALSE;
      self->bench_loaded = FALSE;
      g_printerr ("PLACERINGAR_BENCH caseload-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
      g_application_quit (G_APPLICATION (self));
    }
}

static void
bench_window_realized_cb (GtkWidget      *window,
                          PlcApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), self, 0);
}

static void
bench_watch_frames (PlcApplication *self,
                    GtkWindow      *window)
{
  if (g_strcmp0 (g_getenv ("PLACERINGAR_BENCH_FIRST_FRAME"), "1") != 0)
    return;

  self->bench = TRUE;
  g_signal_connect_object (window, "realize", G_CALLBACK (bench_window_realized_cb), self, G_CONNECT_AFTER);
}

static void
caseload_changed_cb (PlcApplication *self)
{
  send_agenda_notification (self);

  if (self->bench)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      /* The list has changed: the next frame shows it. */
      self->bench_loaded = TRUE;
      if (window != NULL)
        gtk_widget_queue_draw (GTK_WIDGET (window));
    }
}

/* The office's local routines (GSettings, set and perhaps locked by IT) */
static void
apply_office_routines (PlcApplication *self,
                       PlcEngine      *engine)
{
  g_autoptr(GPtrArray) routines = NULL;
  gboolean locked;

  if (engine == NULL)
    return;

  routines = plc_office_dup_routines (self->settings, &locked);
  plc_engine_set_office_routines (engine, routines, locked);
}

/* Each caseload has an engine of its own: the engine keeps what it learned
 * of its store's routines and moves. */
static PlcCaseload *
new_caseload (PlcApplication *self,
              PlcStore       *store)
{
  g_autoptr(PlcEngine) engine = plc_engine_new (self->profiles);
  PlcCaseload *caseload;

  apply_office_routines (self, engine);
  caseload = plc_caseload_new (store, engine);

  plc_finalize_check_track (caseload);
  g_signal_connect_object (caseload, "changed",
                           G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);

  return caseload;
}

static guint
seconds_to_midnight (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  /* Due dates are calendar days in Sweden. */
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  now = g_date_time_new_now (zone);
  today = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  midnight = g_date_time_add_days (today, 1);

  /* A minute after midnight, so that "today" has surely changed. */
  return (guint) MAX (60, g_date_time_difference (midnight, now) / G_TIME_SPAN_SECOND + 60);
}

static gboolean midnight_cb (gpointer user_data);
static void open_store (PlcApplication *self);

static void
schedule_midnight (PlcApplication *self)
{
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  self->midnight_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, seconds_to_midnight (),
                                                      midnight_cb, self, NULL);
}

/* A new day: what is overdue has changed even if nothing was saved. */
static gboolean
midnight_cb (gpointer user_data)
{
  PlcApplication *self = user_data;

  self->midnight_source = 0;

  /* In the background, a database that could not be opened (a keyring
   * still locked at login, say) is tried again each day. */
  if (self->store == NULL && self->store_error != NULL &&
      gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
    {
      g_clear_error (&self->store_error);
      open_store (self);
    }

  load_caseload (self, self->caseload);
  load_caseload (self, self->real_caseload);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

static void
update_demo_actions (PlcApplication *self)
{
  GAction *open_demo = g_action_map_lookup_action (G_ACTION_MAP (self), "open-demo");
  GAction *close_demo = g_action_map_lookup_action (G_ACTION_MAP (self), "close-demo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (open_demo),
                               !self->demo && !self->demo_pending && !self->store_pending &&
                               self->engine != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (close_demo), self->demo && !self->demo_pending);
}

/**
 * plc_application_get_demo:
 * @self: a #PlcApplication
 *
 * Whether the demonstration data is open instead of the user's own: then
 * plc_application_get_store() and plc_application_get_caseload() return
 * its store and caseload.  #PlcApplication:demo is notified when it
 * changes, after #PlcApplication:store and #PlcApplication:caseload.
 *
 * Returns: %TRUE while the demonstration data is open
 */
gboolean
plc_application_get_demo (PlcApplication *self)
{
  g_return_val_if_fail (PLC_IS_APPLICATION (self), FALSE);

  return self->demo;
}

static void
demo_failed (PlcApplication *self,
             const GError   *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  self->demo_pending = FALSE;
  update_demo_actions (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The store's and keyring's messages hold no personal data. */
  g_warning ("Could not open the demonstration data: %s", error->message);

  if (window != NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                           _("Could Not Open the Demonstration Data"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
switch_to_demo (PlcApplication *self,
                PlcStore       *demo_store)
{
  g_debug ("Showing the demonstration data");
  self->demo_pending = FALSE;
  self->real_store = g_steal_pointer (&self->store);
  self->real_caseload = g_steal_pointer (&self->caseload);
  plc_finalize_check_track (demo_store);
  self->store = g_object_ref (demo_store);
  self->caseload = new_caseload (self, self->store);
  self->demo = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEMO]);
  update_demo_actions (self);

  load_caseload (self, self->caseload);
}

static void
demo_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  PlcStore *demo_store = PLC_STORE (object);

  if (!plc_store_import_finish (demo_store, result, &error))
    {
      plc_store_close (demo_store);
      demo_failed (self, error);
      return;
    }

  switch_to_demo (self, demo_store);
}

static void
demo_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  PlcStore *demo_store = PLC_STORE (object);

  children = plc_store_list_children_finish (demo_store, result, &error);
  if (children == NULL)
    {
      plc_store_close (demo_store);
      demo_failed (self, error);
      return;
    }

  if (children->len > 0)
    {
      switch_to_demo (self, demo_store);
      return;
    }

  /* First use: make the data up, as of today. */
  g_debug ("Making up the demonstration data");
  dataset = plc_demo_build_dataset (PLC_DEMO_DEFAULT_SEED, PLC_DEMO_DEFAULT_CHILDREN, plc_date_today ());
  plc_store_import_async (demo_store, dataset, self->demo_cancellable,
                          demo_imported_cb, g_object_ref (self));
}

static void
demo_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(PlcStore) demo_store = NULL;
  g_autoptr(GError) error = NULL;

  demo_store = plc_store_open_with_keyring_finish (result, &error);
  if (demo_store == NULL)
    {
      demo_failed (self, error);
      return;
    }

  g_debug ("Opened the demonstration database");
  plc_store_list_children_async (demo_store, TRUE, self->demo_cancellable,
                                 demo_listed_cb, g_object_ref (self));
}

/**
 * plc_application_open_demo:
 * @self: a #PlcApplication
 *
 * Opens the demonstration database (made up on first use, with a key of
 * its own in the keyring) in place of the user's own, which stays open
 * behind it.  Nothing is mixed: the demonstration data has its own
 * #PlcStore and #PlcCaseload.
 */
void
plc_application_open_demo (PlcApplication *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PLC_IS_APPLICATION (self));

  if (self->demo || self->demo_pending || self->store_pending || self->engine == NULL)
    return;

  path = plc_paths_dup_demo_database ();
  g_debug ("Opening the demonstration data");
  self->demo_pending = TRUE;
  update_demo_actions (self);

  g_clear_object (&self->demo_cancellable);
  self->demo_cancellable = g_cancellable_new ();
  plc_store_open_with_keyring_async (path, self->demo_cancellable,
                                     demo_opened_cb, g_object_ref (self));
}

/**
 * plc_application_close_demo:
 * @self: a #PlcApplication
 *
 * Closes the demonstration data and puts the user's own data back.
 */
void
plc_application_close_demo (PlcApplication *self)
{
  g_return_if_fail (PLC_IS_APPLICATION (self));

  if (self->demo_pending)
    {
      g_cancellable_cancel (self->demo_cancellable);
      return;
    }

  if (!self->demo)
    return;

  plc_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->caseload);
  self->store = g_steal_pointer (&self->real_store);
  self->caseload = g_steal_pointer (&self->real_caseload);
  self->demo = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEMO]);
  update_demo_actions (self);

  /* The user's caseload followed its store meanwhile: nothing to load */
}

/**
 * plc_application_dup_caseworker_name:
 * @self: a #PlcApplication
 *
 * The user's name as caseworker: the preference, or when that is empty
 * the account's full name.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL if neither is known
 */
char *
plc_application_dup_caseworker_name (PlcApplication *self)
{
  g_autofree char *name = NULL;
  const char *real_name = g_get_real_name ();

  g_return_val_if_fail (PLC_IS_APPLICATION (self), NULL);

  name = g_settings_get_string (self->settings, "caseworker-name");
  g_strstrip (name);
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return NULL;
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

      update_demo_actions (self);

      /* The message says what is wrong; it never holds personal data. */
      g_warning ("Could not open the database: %s", error->message);
      self->store_error = g_steal_pointer (&error);
      report_store_error (self);
      return;
    }

  plc_finalize_check_track (self->store);
  g_debug ("Opened the database (schema %d)", plc_store_get_schema_version (self->store));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);

  if (self->engine != NULL)
    {
      self->caseload = new_caseload (self, self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
      load_caseload (self, self->caseload);
    }

  update_demo_actions (self);
}

/* Back in a window: what others changed meanwhile (placeringar-cli,
 * another window on the same file) shows at once, rather than within the
 * second it takes the store to look by itself. */
static void
window_active_cb (GtkWindow      *window,
                  GParamSpec     *pspec,
                  PlcApplication *self)
{
  if (gtk_window_is_active (window) && self->store != NULL)
    plc_store_poll_changes (self->store);
}

static void
window_added_cb (PlcApplication *self,
                 GtkWindow      *window)
{
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_cb), self, 0);
}

static void
office_routines_changed_cb (PlcApplication *self)
{
  apply_office_routines (self, self->engine);
  if (self->caseload != NULL)
    apply_office_routines (self, plc_caseload_get_engine (self->caseload));
  if (self->real_caseload != NULL)
    apply_office_routines (self, plc_caseload_get_engine (self->real_caseload));

  /* Not in the store: its changes do not tell the caseloads */
  load_caseload (self, self->caseload);
  load_caseload (self, self->real_caseload);
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

/* With the reminders on, the application keeps running when its last
 * window closes: it is then the background instance.  Quit ends it. */
static void
update_hold (PlcApplication *self)
{
  gboolean hold = g_settings_get_boolean (self->settings, "background-reminders");

  if (hold && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!hold && self->held)
    g_application_release (G_APPLICATION (self));

  self->held = hold;
}

static void
autostart_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlcApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (plc_reminders_set_autostart_finish (result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The message names a file or the portal, never personal data. */
  g_warning ("Could not change the start at login: %s", error->message);

  /* Refused (the Background portal's dialog, or a file that cannot be
   * written): the switch shows what is in force. */
  if (g_settings_get_boolean (self->settings, "background-reminders"))
    g_settings_set_boolean (self->settings, "background-reminders", FALSE);
}

static void
background_reminders_changed_cb (PlcApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "background-reminders");

  update_hold (self);
  plc_reminders_set_autostart_async (enabled,
                                     gtk_application_get_active_window (GTK_APPLICATION (self)),
                                     self->cancellable, autostart_set_cb, g_object_ref (self));
}

/* On the host the switch is what counts: an entry missing while the
 * reminders are on (turned on by IT as a dconf default, or the entry
 * removed by hand) is written again, and one left while they are off is
 * removed.  In the Flatpak only a change asks the Background portal, which
 * may ask the user. */
static void
sync_autostart (PlcApplication *self)
{
  g_autofree char *path = NULL;
  gboolean enabled;

  if (plc_reminders_in_flatpak ())
    return;

  path = plc_reminders_dup_autostart_path ();
  enabled = g_settings_get_boolean (self->settings, "background-reminders");
  if (enabled != g_file_test (path, G_FILE_TEST_EXISTS))
    plc_reminders_set_autostart_async (enabled, NULL, self->cancellable,
                                       autostart_set_cb, g_object_ref (self));
}

static void
plc_application_startup (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (plc_application_parent_class)->startup (app);
  plc_finalize_check_watch (GTK_APPLICATION (app));

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
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_object (self->settings, "changed::background-reminders",
                           G_CALLBACK (background_reminders_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::routine-offsets",
                           G_CALLBACK (office_routines_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::routine-offsets",
                           G_CALLBACK (office_routines_changed_cb), self, G_CONNECT_SWAPPED);
  apply_office_routines (self, self->engine);
  sync_autostart (self);
  update_hold (self);

  /* Logging out ends a background instance with SIGTERM, or by closing
   * the session bus (GDBus then raises SIGTERM): quit as Quit does. */
  self->signal_sources[0] = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  self->signal_sources[2] = g_unix_signal_add (SIGHUP, quit_on_signal_cb, self);

  update_demo_actions (self);
  schedule_midnight (self);
}

/* Opens the user's database, unless it is open, being opened, or could
 * not be opened (then says why, if there is a window to say it in). */
static void
open_store (PlcApplication *self)
{
  if (self->store == NULL && !self->store_pending && self->store_error == NULL)
    {
      g_autofree char *path = plc_paths_dup_default_database ();

      self->store_pending = TRUE;
      update_demo_actions (self);
      plc_store_open_with_keyring_async (path, self->cancellable,
                                         store_opened_cb, g_object_ref (self));
    }
  else
    report_store_error (self);
}

static void
plc_application_activate (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);
  GtkWindow *window;

  /* placeringar --background: no window; the caseload loads, and the
   * daily notification goes out when it has (caseload_changed_cb()). */
  if (self->background_start)
    {
      self->background_start = FALSE;
      g_debug ("Started in the background, for the daily reminder");
      open_store (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (plc_window_new (ADW_APPLICATION (app)));
      /* The window hands the caseload on to its views */
      g_object_bind_property (self, "caseload", window, "caseload", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "demo", window, "demo", G_BINDING_SYNC_CREATE);
      bench_watch_frames (self, window);
    }

  gtk_window_present (window);
  open_store (self);
}

static int
plc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  PlcApplication *self = PLC_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("placeringar %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      /* An autostart entry left from before the reminders were turned off */
      if (!g_settings_get_boolean (settings, "background-reminders"))
        {
          g_message ("The reminders are turned off in Preferences: nothing to do in the background");
          return 0;
        }

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Already running, with or without a window: that instance reminds. */
      if (g_application_get_is_remote (app))
        return 0;

      self->background_start = TRUE;
    }

  return -1;
}

static void
plc_application_shutdown (GApplication *app)
{
  PlcApplication *self = PLC_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  if (self->store != NULL)
    plc_store_close (self->store);
  if (self->real_store != NULL)
    plc_store_close (self->real_store);

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
  g_clear_object (&self->real_store);
  g_clear_object (&self->real_caseload);
  g_clear_object (&self->demo_cancellable);
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

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
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

  app_class->handle_local_options = plc_application_handle_local_options;
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

  /**
   * PlcApplication:demo:
   *
   * Whether the demonstration data is open: see plc_application_get_demo().
   */
  properties [PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The same name as the metainfo's <developer> (a test compares them): a
 * name, not translated. */
#define PLC_DEVELOPER_NAME "The Placeringar developers"

static void
plc_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { PLC_DEVELOPER_NAME, NULL };
  PlcApplication *self = user_data;
  GtkWindow *window;
  GtkWidget *about;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Placements"),
                        "application-icon", APP_ID,
                        "developer-name", PLC_DEVELOPER_NAME,
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 " PLC_DEVELOPER_NAME,
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
  PlcPreferencesWindow *preferences;

  preferences = plc_preferences_window_new (window, self->profiles, self->profiles_error,
                                            self->store_error);
  g_object_bind_property (self, "caseload", preferences, "caseload", G_BINDING_SYNC_CREATE);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
plc_application_audit_log_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  PlcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PlcAuditWindow *audit = plc_audit_window_new (window, plc_application_get_store (self));

  gtk_window_present (GTK_WINDOW (audit));
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

static void
plc_application_open_demo_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  plc_application_open_demo (PLC_APPLICATION (user_data));
}

static void
plc_application_close_demo_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  plc_application_close_demo (PLC_APPLICATION (user_data));
}

/* The notification's action: the agenda beside the caseload timeline, of
 * the caseworker the notification counted for ("" for everyone's). */
static void
plc_application_show_agenda_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  PlcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *caseworker = g_variant_get_string (parameter, NULL);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  if (!PLC_IS_WINDOW (window))
    return;

  plc_window_show_agenda (PLC_WINDOW (window), caseworker[0] != '\0' ? caseworker : NULL);
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "open-demo", plc_application_open_demo_action },
  { "close-demo", plc_application_close_demo_action },
  { "show-agenda", plc_application_show_agenda_action, "s" },
  { "quit", plc_application_quit_action },
  { "about", plc_application_about_action },
  { "preferences", plc_application_preferences_action },
  { "audit-log", plc_application_audit_log_action },
};

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and send the daily reminder of the steps that are due "
       "(when the reminders are turned on in Preferences)"), NULL },
  { NULL }
};

static void
plc_application_init (PlcApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);

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
