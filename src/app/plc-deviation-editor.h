/* plc-deviation-editor.h: the form of one deviation report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"
#include "plc-deviation.h"

G_BEGIN_DECLS

#define PLC_TYPE_DEVIATION_EDITOR (plc_deviation_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlcDeviationEditor, plc_deviation_editor, PLC, DEVIATION_EDITOR, AdwBin)

PlcCaseload  *plc_deviation_editor_get_caseload  (PlcDeviationEditor *self);
void          plc_deviation_editor_set_caseload  (PlcDeviationEditor *self,
                                                  PlcCaseload        *caseload);
PlcDeviation *plc_deviation_editor_get_deviation (PlcDeviationEditor *self);
void          plc_deviation_editor_set_deviation (PlcDeviationEditor *self,
                                                  PlcDeviation       *deviation);
const char   *plc_deviation_editor_get_heading   (PlcDeviationEditor *self);
gboolean      plc_deviation_editor_get_modified  (PlcDeviationEditor *self);
gboolean      plc_deviation_editor_get_busy      (PlcDeviationEditor *self);
void          plc_deviation_editor_save          (PlcDeviationEditor *self);
void          plc_deviation_editor_export        (PlcDeviationEditor *self);

G_END_DECLS
