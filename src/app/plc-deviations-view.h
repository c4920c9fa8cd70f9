/* plc-deviations-view.h: the Deviations view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_DEVIATIONS_VIEW (plc_deviations_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcDeviationsView, plc_deviations_view, PLC, DEVIATIONS_VIEW, AdwBin)

PlcCaseload *plc_deviations_view_get_caseload        (PlcDeviationsView *self);
void         plc_deviations_view_set_caseload        (PlcDeviationsView *self,
                                                      PlcCaseload       *caseload);
void         plc_deviations_view_reload              (PlcDeviationsView *self);
GListModel  *plc_deviations_view_get_model           (PlcDeviationsView *self);
gboolean     plc_deviations_view_report_obligation   (PlcDeviationsView *self,
                                                      gint64             placement_id,
                                                      const char        *rule_id,
                                                      int                occurrence);

G_END_DECLS
