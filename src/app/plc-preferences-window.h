/* plc-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"
#include "plc-profile-set.h"

G_BEGIN_DECLS

#define PLC_TYPE_PREFERENCES_WINDOW (plc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PlcPreferencesWindow, plc_preferences_window, PLC, PREFERENCES_WINDOW, AdwPreferencesWindow)

PlcPreferencesWindow *plc_preferences_window_new          (GtkWindow            *transient_for,
                                                          PlcProfileSet        *profiles,
                                                          const GError         *profiles_error,
                                                          const GError         *store_error);
PlcCaseload          *plc_preferences_window_get_caseload (PlcPreferencesWindow *self);
void                  plc_preferences_window_set_caseload (PlcPreferencesWindow *self,
                                                          PlcCaseload          *caseload);

G_END_DECLS
