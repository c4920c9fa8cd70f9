/* plc-reports-view.h: the Reports view, the yearly follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"
#include "plc-follow-up.h"

G_BEGIN_DECLS

#define PLC_TYPE_REPORTS_VIEW (plc_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcReportsView, plc_reports_view, PLC, REPORTS_VIEW, AdwBin)

GtkWidget    *plc_reports_view_new             (void);
PlcCaseload  *plc_reports_view_get_caseload    (PlcReportsView *self);
void          plc_reports_view_set_caseload    (PlcReportsView *self,
                                                PlcCaseload    *caseload);
const GError *plc_reports_view_get_store_error (PlcReportsView *self);
void          plc_reports_view_set_store_error (PlcReportsView *self,
                                                const GError   *error);
PlcFollowUp  *plc_reports_view_get_follow_up   (PlcReportsView *self);

G_END_DECLS
