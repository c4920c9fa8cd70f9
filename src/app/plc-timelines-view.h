/* plc-timelines-view.h: one child's timeline, or the whole caseload's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_TIMELINES_VIEW (plc_timelines_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcTimelinesView, plc_timelines_view, PLC, TIMELINES_VIEW, GtkWidget)

GtkWidget   *plc_timelines_view_new          (void);
PlcCaseload *plc_timelines_view_get_caseload (PlcTimelinesView *self);
void         plc_timelines_view_set_caseload (PlcTimelinesView *self,
                                              PlcCaseload      *caseload);
void         plc_timelines_view_show_agenda  (PlcTimelinesView *self,
                                              const char       *caseworker);

G_END_DECLS
