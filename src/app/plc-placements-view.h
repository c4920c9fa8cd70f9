/* plc-placements-view.h: the children, their placements and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_PLACEMENTS_VIEW (plc_placements_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcPlacementsView, plc_placements_view, PLC, PLACEMENTS_VIEW, AdwBin)

PlcCaseload *plc_placements_view_get_caseload          (PlcPlacementsView *self);
void         plc_placements_view_set_caseload          (PlcPlacementsView *self,
                                                        PlcCaseload       *caseload);
gint64       plc_placements_view_get_selected_child_id (PlcPlacementsView *self);
void         plc_placements_view_focus_search          (PlcPlacementsView *self);
void         plc_placements_view_show_child            (PlcPlacementsView *self,
                                                        gint64             child_id);
void         plc_placements_view_show_obligation       (PlcPlacementsView *self,
                                                        gint64             child_id,
                                                        gint64             placement_id,
                                                        const char        *rule_id,
                                                        int                occurrence);

G_END_DECLS
