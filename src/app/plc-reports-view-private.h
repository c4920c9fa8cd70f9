/* plc-reports-view-private.h: what the tests of the Reports view reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-reports-view.h"

G_BEGIN_DECLS

GtkPrintOperation *_plc_reports_print_operation_new (PlcFollowUp    *follow_up);
const char        *_plc_reports_view_get_page       (PlcReportsView *self);

G_END_DECLS
