/* plc-follow-up-chart.h: a follow-up table's chart, sized for a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "plc-follow-up.h"

G_BEGIN_DECLS

double plc_follow_up_table_measure_chart      (PlcFollowUpTable *self,
                                               PangoContext     *context,
                                               double            width,
                                               gboolean          suppress);
void   plc_follow_up_table_draw_chart_full    (PlcFollowUpTable *self,
                                               cairo_t          *cr,
                                               PangoContext     *context,
                                               double            width,
                                               double            height,
                                               gboolean          suppress);
char  *plc_follow_up_table_describe_chart     (PlcFollowUpTable *self,
                                               gboolean          suppress);

G_END_DECLS
