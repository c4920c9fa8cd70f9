/* plc-timeline.h: a horizontal timeline of placements and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plc-obligation.h"
#include "plc-timeline-scale.h"

G_BEGIN_DECLS

/*
 * PlcTimelineMarker: one step on the timeline, as the marker list and
 * screen readers see it.  Immutable.
 */
#define PLC_TYPE_TIMELINE_MARKER (plc_timeline_marker_get_type ())

G_DECLARE_FINAL_TYPE (PlcTimelineMarker, plc_timeline_marker, PLC, TIMELINE_MARKER, GObject)

PlcObligation     *plc_timeline_marker_get_obligation (PlcTimelineMarker *self);
PlcTimelineStatus  plc_timeline_marker_get_status     (PlcTimelineMarker *self);
PlcDate            plc_timeline_marker_get_date       (PlcTimelineMarker *self);
guint              plc_timeline_marker_get_row        (PlcTimelineMarker *self);
const char        *plc_timeline_marker_get_text       (PlcTimelineMarker *self);

#define PLC_TYPE_TIMELINE (plc_timeline_get_type ())

G_DECLARE_FINAL_TYPE (PlcTimeline, plc_timeline, PLC, TIMELINE, GtkWidget)

GtkWidget       *plc_timeline_new              (void);

void             plc_timeline_clear            (PlcTimeline       *self);
void             plc_timeline_set_range        (PlcTimeline       *self,
                                                PlcDate            first,
                                                PlcDate            last);
PlcDate          plc_timeline_get_first        (PlcTimeline       *self);
PlcDate          plc_timeline_get_last         (PlcTimeline       *self);
void             plc_timeline_set_today        (PlcTimeline       *self,
                                                PlcDate            today);
guint            plc_timeline_add_row          (PlcTimeline       *self,
                                                const char        *title,
                                                gboolean           heading);
void             plc_timeline_add_bar          (PlcTimeline       *self,
                                                guint              row,
                                                PlcDate            start,
                                                PlcDate            end,
                                                const char        *label);
void             plc_timeline_add_marker       (PlcTimeline       *self,
                                                guint              row,
                                                PlcObligation     *obligation,
                                                PlcTimelineStatus  status,
                                                const char        *child_name);
void             plc_timeline_commit           (PlcTimeline       *self);

GListModel      *plc_timeline_get_markers      (PlcTimeline       *self);
guint            plc_timeline_get_selected     (PlcTimeline       *self);
void             plc_timeline_set_selected     (PlcTimeline       *self,
                                                guint              position);
PlcTimelineMarker *plc_timeline_get_selected_marker (PlcTimeline  *self);
gboolean         plc_timeline_get_marker_bounds (PlcTimeline      *self,
                                                guint              position,
                                                graphene_rect_t   *bounds);

PlcTimelineZoom  plc_timeline_get_zoom         (PlcTimeline       *self);
void             plc_timeline_set_zoom         (PlcTimeline       *self,
                                                PlcTimelineZoom    zoom);
void             plc_timeline_zoom_in          (PlcTimeline       *self);
void             plc_timeline_zoom_out         (PlcTimeline       *self);
void             plc_timeline_scroll_to_date   (PlcTimeline       *self,
                                                PlcDate            date);

const char      *plc_timeline_status_get_name  (PlcTimelineStatus  status);
void             plc_timeline_draw_symbol      (GtkWidget         *widget,
                                                cairo_t           *cr,
                                                PlcTimelineStatus  status,
                                                double             cx,
                                                double             cy,
                                                double             radius);

G_END_DECLS
