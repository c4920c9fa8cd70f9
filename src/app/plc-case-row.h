/* plc-case-row.h: a child in the Placements view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_CASE_ROW (plc_case_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcCaseRow, plc_case_row, PLC, CASE_ROW, GtkBox)

GtkWidget *plc_case_row_new                (void);
PlcCase   *plc_case_row_get_case           (PlcCaseRow   *self);
void       plc_case_row_set_case           (PlcCaseRow   *self,
                                            PlcCase      *item);

char      *plc_case_row_describe_placement (PlcPlacement *placement);

G_END_DECLS
