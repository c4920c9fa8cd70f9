/* plc-timeline-row.h: a step's status symbol, and a step listed beside a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-timeline-scale.h"

G_BEGIN_DECLS

/*
 * PlcTimelineSymbol: the symbol the timeline draws for a step of a status,
 * as a small widget (for the lists and the legend).  Screen readers skip
 * it: the status is said in words next to it.
 */
#define PLC_TYPE_TIMELINE_SYMBOL (plc_timeline_symbol_get_type ())

G_DECLARE_FINAL_TYPE (PlcTimelineSymbol, plc_timeline_symbol, PLC, TIMELINE_SYMBOL, GtkDrawingArea)

GtkWidget         *plc_timeline_symbol_new        (PlcTimelineStatus  status);
PlcTimelineStatus  plc_timeline_symbol_get_status (PlcTimelineSymbol *self);
void               plc_timeline_symbol_set_status (PlcTimelineSymbol *self,
                                                   PlcTimelineStatus  status);

/*
 * PlcTimelineRow: a step in the list of the timeline's markers, or in the
 * agenda: its symbol, a title, and under it a subtitle if there is one.
 */
#define PLC_TYPE_TIMELINE_ROW (plc_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcTimelineRow, plc_timeline_row, PLC, TIMELINE_ROW, GtkBox)

GtkWidget *plc_timeline_row_new (void);
void       plc_timeline_row_set (PlcTimelineRow    *self,
                                 PlcTimelineStatus  status,
                                 const char        *title,
                                 const char        *subtitle);

G_END_DECLS
