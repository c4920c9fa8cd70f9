/* plc-timeline-scale.h: the arithmetic of a horizontal time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-date.h"
#include "plc-enums.h"

G_BEGIN_DECLS

/*
 * The pure parts of the timeline widget (src/app/plc-timeline.c), kept out
 * of GTK so that tests can check them: zoom levels, mapping dates to
 * x coordinates and back, the ticks of the axis, and finding the marker
 * under a point.
 */

/**
 * PlcTimelineZoom:
 * @PLC_TIMELINE_ZOOM_DAYS: a few weeks fill a window; a tick each day
 * @PLC_TIMELINE_ZOOM_WEEKS: a couple of months; a tick each week
 * @PLC_TIMELINE_ZOOM_MONTHS: half a year; a tick each month
 * @PLC_TIMELINE_ZOOM_QUARTERS: a year or two; a tick each month
 * @PLC_TIMELINE_ZOOM_YEARS: several years; a tick each year
 *
 * The zoom levels, from the closest to the widest.
 */
typedef enum
{
  PLC_TIMELINE_ZOOM_DAYS,
  PLC_TIMELINE_ZOOM_WEEKS,
  PLC_TIMELINE_ZOOM_MONTHS,
  PLC_TIMELINE_ZOOM_QUARTERS,
  PLC_TIMELINE_ZOOM_YEARS,
} PlcTimelineZoom;

#define PLC_TIMELINE_ZOOM_CLOSEST PLC_TIMELINE_ZOOM_DAYS
#define PLC_TIMELINE_ZOOM_WIDEST  PLC_TIMELINE_ZOOM_YEARS

/**
 * PlcTimelineTickKind:
 * @PLC_TIMELINE_TICK_DAY: the start of a day
 * @PLC_TIMELINE_TICK_WEEK: a Monday
 * @PLC_TIMELINE_TICK_MONTH: the first of a month
 * @PLC_TIMELINE_TICK_YEAR: the first of January
 */
typedef enum
{
  PLC_TIMELINE_TICK_DAY,
  PLC_TIMELINE_TICK_WEEK,
  PLC_TIMELINE_TICK_MONTH,
  PLC_TIMELINE_TICK_YEAR,
} PlcTimelineTickKind;

typedef struct
{
  PlcDate              date;
  PlcTimelineTickKind  kind;
  gboolean             major;    /* drawn longer, across the rows */
  gboolean             labelled; /* carries a label */
} PlcTimelineTick;

double           plc_timeline_zoom_get_pixels_per_day (PlcTimelineZoom  zoom);
PlcTimelineZoom  plc_timeline_zoom_for_span           (int              days,
                                                       double           width);

double           plc_timeline_date_to_x               (PlcDate          origin,
                                                       double           pixels_per_day,
                                                       PlcDate          date);
PlcDate          plc_timeline_x_to_date               (PlcDate          origin,
                                                       double           pixels_per_day,
                                                       double           x);

GArray          *plc_timeline_ticks                   (PlcDate          first,
                                                       PlcDate          last,
                                                       PlcTimelineZoom  zoom);

/**
 * PlcTimelineStatus:
 * @PLC_TIMELINE_STATUS_OPEN: open, not due soon
 * @PLC_TIMELINE_STATUS_UPCOMING: open, and due within the upcoming window
 * @PLC_TIMELINE_STATUS_OVERDUE: open and past its due date
 * @PLC_TIMELINE_STATUS_DONE: done
 * @PLC_TIMELINE_STATUS_NOT_NEEDED: not needed (or no longer required)
 *
 * What a marker on the timeline shows: each has its own colour and shape.
 */
typedef enum
{
  PLC_TIMELINE_STATUS_OPEN,
  PLC_TIMELINE_STATUS_UPCOMING,
  PLC_TIMELINE_STATUS_OVERDUE,
  PLC_TIMELINE_STATUS_DONE,
  PLC_TIMELINE_STATUS_NOT_NEEDED,
} PlcTimelineStatus;

#define PLC_TIMELINE_N_STATUSES (PLC_TIMELINE_STATUS_NOT_NEEDED + 1)

PlcTimelineStatus plc_timeline_status_for             (PlcObligationState state,
                                                       gboolean           upcoming);

typedef struct
{
  double x;
  double y;
} PlcTimelinePoint;

int              plc_timeline_hit_test                (const PlcTimelinePoint *points,
                                                       guint                   n_points,
                                                       double                  x,
                                                       double                  y,
                                                       double                  radius);

G_END_DECLS
