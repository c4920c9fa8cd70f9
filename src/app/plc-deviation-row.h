/* plc-deviation-row.h: a deviation report in the Deviations view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-deviation.h"

G_BEGIN_DECLS

#define PLC_TYPE_DEVIATION_ROW (plc_deviation_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcDeviationRow, plc_deviation_row, PLC, DEVIATION_ROW, GtkListBoxRow)

GtkWidget    *plc_deviation_row_new           (PlcDeviation    *deviation);
PlcDeviation *plc_deviation_row_get_deviation (PlcDeviationRow *self);

G_END_DECLS
