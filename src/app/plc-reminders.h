/* plc-reminders.h: starting at login, for the daily reminder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char     *plc_reminders_dup_autostart_path (void);
gboolean  plc_reminders_in_flatpak         (void);

void      plc_reminders_set_autostart_async  (gboolean              enabled,
                                              GtkWindow            *parent,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  plc_reminders_set_autostart_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
