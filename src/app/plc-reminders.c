/* plc-reminders.c: starting at login, for the daily reminder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-reminders"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "plc-reminders.h"

/*
 * With reminders turned on, `placeringar --background` starts at login
 * and sends the daily notification with no window open (see
 * plc-application.c).  On the host an XDG autostart entry starts it;
 * inside the Flatpak sandbox the Background portal writes that entry on
 * the application's behalf (and may ask the user first).
 */

/**
 * plc_reminders_in_flatpak:
 *
 * Returns: whether the application runs inside a Flatpak sandbox
 */
gboolean
plc_reminders_in_flatpak (void)
{
  return xdp_portal_running_under_flatpak ();
}

/**
 * plc_reminders_dup_autostart_path:
 *
 * Returns: (transfer full): the host's autostart entry,
 *   `$XDG_CONFIG_HOME/autostart/APP_ID.desktop`
 */
char *
plc_reminders_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/* An Exec key's program, quoted as the Desktop Entry Specification says
 * when it holds anything but the plainest characters. */
static char *
quote_exec_arg (const char *arg)
{
  g_autoptr(GString) quoted = NULL;

  if (arg[strspn (arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._+-")] == '\0')
    return g_strdup (arg);

  quoted = g_string_new ("\"");
  for (const char *p = arg; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
write_autostart_entry (GError **error)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *path = plc_reminders_dup_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *program = quote_exec_arg (BINDIR "/placeringar");
  g_autofree char *exec = g_strconcat (program, " --background", NULL);
  g_autofree char *contents = NULL;
  const char *group = G_KEY_FILE_DESKTOP_GROUP;
  gsize length;

  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_NAME, _("Placements"));
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you once a day of the steps that are overdue or due today"));
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, group, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (entry, group, "X-GNOME-UsesNotifications", TRUE);

  contents = g_key_file_to_data (entry, &length, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The autostart folder cannot be made: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

static gboolean
remove_autostart_entry (GError **error)
{
  g_autofree char *path = plc_reminders_dup_autostart_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The autostart entry cannot be removed: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
background_requested_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (xdp_portal_request_background_finish (XDP_PORTAL (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * plc_reminders_set_autostart_async:
 * @enabled: whether `placeringar --background` is to start at login
 * @parent: (nullable): the window the change was made in, for a portal
 *   dialog
 *
 * On the host, writes or removes the XDG autostart entry; in the Flatpak,
 * asks the Background portal for it (the user may refuse).
 */
void
plc_reminders_set_autostart_async (gboolean             enabled,
                                   GtkWindow           *parent,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, plc_reminders_set_autostart_async);

  if (plc_reminders_in_flatpak ())
    {
      g_autoptr(XdpPortal) portal = xdp_portal_new ();
      g_autoptr(XdpParent) xdp_parent = parent != NULL ? xdp_parent_new_gtk (parent) : NULL;
      g_autoptr(GPtrArray) commandline = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (commandline, g_strdup ("placeringar"));
      g_ptr_array_add (commandline, g_strdup ("--background"));

      /* The portal keeps its own reference to what it needs. */
      xdp_portal_request_background (portal, xdp_parent,
                                     _("Reminds you once a day of the steps that are overdue or due today"),
                                     commandline,
                                     enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                     cancellable, background_requested_cb, g_steal_pointer (&task));
      return;
    }

  if (enabled ? write_autostart_entry (&error) : remove_autostart_entry (&error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

gboolean
plc_reminders_set_autostart_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
