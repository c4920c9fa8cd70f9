/* plc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_WINDOW (plc_window_get_type ())

G_DECLARE_FINAL_TYPE (PlcWindow, plc_window, PLC, WINDOW, AdwApplicationWindow)

PlcWindow   *plc_window_new                (AdwApplication *application);
PlcCaseload *plc_window_get_caseload       (PlcWindow      *self);
void         plc_window_set_caseload       (PlcWindow      *self,
                                            PlcCaseload    *caseload);
gboolean     plc_window_get_demo           (PlcWindow      *self);
void         plc_window_set_demo           (PlcWindow      *self,
                                            gboolean        demo);
const char  *plc_window_get_visible_view   (PlcWindow      *self);
void         plc_window_set_visible_view   (PlcWindow      *self,
                                            const char     *name);
void         plc_window_show_store_error   (PlcWindow      *self,
                                            const GError   *error);
void         plc_window_show_agenda        (PlcWindow      *self,
                                            const char     *caseworker);

G_END_DECLS
