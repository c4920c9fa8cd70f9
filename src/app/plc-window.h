/* plc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLC_TYPE_WINDOW (plc_window_get_type ())

G_DECLARE_FINAL_TYPE (PlcWindow, plc_window, PLC, WINDOW, AdwApplicationWindow)

PlcWindow  *plc_window_new                (AdwApplication *application);
const char *plc_window_get_visible_view   (PlcWindow      *self);
void        plc_window_set_visible_view   (PlcWindow      *self,
                                           const char     *name);
void        plc_window_show_agenda        (PlcWindow      *self,
                                           const char     *caseworker);
void        plc_window_show_store_error   (PlcWindow      *self,
                                           const GError   *error);
void        plc_window_set_selected_child_id (PlcWindow   *self,
                                              gint64       child_id);
gint64      plc_window_get_selected_child_id (PlcWindow   *self);

G_END_DECLS
