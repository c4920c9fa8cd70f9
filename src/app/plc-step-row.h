/* plc-step-row.h: one step of a placement, with what can be done about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-obligation.h"

G_BEGIN_DECLS

#define PLC_TYPE_STEP_ROW (plc_step_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcStepRow, plc_step_row, PLC, STEP_ROW, AdwPreferencesRow)

GtkWidget     *plc_step_row_new              (PlcObligation *obligation,
                                              gboolean       upcoming);
PlcObligation *plc_step_row_get_obligation   (PlcStepRow    *self);
gboolean       plc_step_row_get_upcoming     (PlcStepRow    *self);
gboolean       plc_step_row_finish_save      (PlcStepRow    *self,
                                              const GError  *error);
void           plc_step_row_show_explanation (PlcStepRow    *self);

G_END_DECLS
