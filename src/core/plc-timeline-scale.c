/* plc-timeline-scale.c: the arithmetic of a horizontal time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-timeline-scale"

#include "config.h"

#include "plc-timeline-scale.h"

static const double zoom_scales[] = {
  [PLC_TIMELINE_ZOOM_DAYS] = 28.0,
  [PLC_TIMELINE_ZOOM_WEEKS] = 8.0,
  [PLC_TIMELINE_ZOOM_MONTHS] = 3.0,
  [PLC_TIMELINE_ZOOM_QUARTERS] = 1.0,
  [PLC_TIMELINE_ZOOM_YEARS] = 0.25,
};

/**
 * plc_timeline_zoom_get_pixels_per_day:
 * @zoom: a zoom level
 *
 * Returns: how wide one day is at @zoom, in pixels
 */
double
plc_timeline_zoom_get_pixels_per_day (PlcTimelineZoom zoom)
{
  g_return_val_if_fail (zoom <= PLC_TIMELINE_ZOOM_WIDEST, 1.0);

  return zoom_scales[zoom];
}

/**
 * plc_timeline_zoom_for_span:
 * @days: how many days should be seen at once
 * @width: in how many pixels
 *
 * Returns: the closest zoom level at which @days fit into @width, or the
 *   widest one if none does
 */
PlcTimelineZoom
plc_timeline_zoom_for_span (int    days,
                            double width)
{
  for (PlcTimelineZoom zoom = PLC_TIMELINE_ZOOM_CLOSEST; zoom <= PLC_TIMELINE_ZOOM_WIDEST; zoom++)
    if (days * zoom_scales[zoom] <= width)
      return zoom;

  return PLC_TIMELINE_ZOOM_WIDEST;
}

/**
 * plc_timeline_date_to_x:
 * @origin: the date at x = 0
 * @pixels_per_day: the scale
 * @date: a date
 *
 * Returns: where @date starts, in pixels from @origin (negative before it)
 */
double
plc_timeline_date_to_x (PlcDate origin,
                        double  pixels_per_day,
                        PlcDate date)
{
  return ((double) date - (double) origin) * pixels_per_day;
}

/**
 * plc_timeline_x_to_date:
 * @origin: the date at x = 0
 * @pixels_per_day: the scale, more than 0
 * @x: a position
 *
 * Returns: the date whose day contains @x, or %PLC_DATE_NONE before the
 *   first day there is
 */
PlcDate
plc_timeline_x_to_date (PlcDate origin,
                        double  pixels_per_day,
                        double  x)
{
  double days;
  gint64 whole;

  g_return_val_if_fail (pixels_per_day > 0, PLC_DATE_NONE);

  days = x / pixels_per_day;
  if (days < -(double) G_MAXUINT32 || days > (double) G_MAXUINT32)
    return PLC_DATE_NONE;
  /* floor () without libm */
  whole = (gint64) days;
  if ((double) whole > days)
    whole--;
  whole += origin;
  if (whole < 1 || whole > G_MAXUINT32)
    return PLC_DATE_NONE;

  return (PlcDate) whole;
}

static PlcTimelineTickKind
kind_of (const GDate *date)
{
  if (g_date_get_day (date) == 1)
    return g_date_get_month (date) == G_DATE_JANUARY
      ? PLC_TIMELINE_TICK_YEAR : PLC_TIMELINE_TICK_MONTH;
  if (g_date_get_weekday (date) == G_DATE_MONDAY)
    return PLC_TIMELINE_TICK_WEEK;

  return PLC_TIMELINE_TICK_DAY;
}

/* Whether a tick of @kind is drawn at @zoom, and how. */
static gboolean
place_tick (PlcTimelineZoom      zoom,
            PlcTimelineTickKind  kind,
            const GDate         *date,
            gboolean            *major,
            gboolean            *labelled)
{
  *major = FALSE;
  *labelled = FALSE;

  switch (zoom)
    {
    case PLC_TIMELINE_ZOOM_DAYS:
      *major = kind >= PLC_TIMELINE_TICK_MONTH;
      *labelled = kind >= PLC_TIMELINE_TICK_WEEK;
      return TRUE;

    case PLC_TIMELINE_ZOOM_WEEKS:
      if (kind < PLC_TIMELINE_TICK_WEEK)
        return FALSE;
      *major = kind >= PLC_TIMELINE_TICK_MONTH;
      *labelled = TRUE;
      return TRUE;

    case PLC_TIMELINE_ZOOM_MONTHS:
      if (kind < PLC_TIMELINE_TICK_WEEK)
        return FALSE;
      *major = kind >= PLC_TIMELINE_TICK_MONTH;
      *labelled = *major;
      return TRUE;

    case PLC_TIMELINE_ZOOM_QUARTERS:
      if (kind < PLC_TIMELINE_TICK_MONTH)
        return FALSE;
      *major = kind == PLC_TIMELINE_TICK_YEAR;
      /* Every third month carries its name: a month is only ~30 px. */
      *labelled = (g_date_get_month (date) - 1) % 3 == 0;
      return TRUE;

    case PLC_TIMELINE_ZOOM_YEARS:
      if (kind < PLC_TIMELINE_TICK_MONTH)
        return FALSE;
      if (kind == PLC_TIMELINE_TICK_MONTH && (g_date_get_month (date) - 1) % 3 != 0)
        return FALSE;
      *major = kind == PLC_TIMELINE_TICK_YEAR;
      *labelled = *major;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * plc_timeline_ticks:
 * @first: the first date of the axis
 * @last: the last date of the axis (inclusive)
 * @zoom: the zoom level
 *
 * The ticks of the axis between @first and @last: a date that is the start
 * of several units (1 January is a year, a month and perhaps a Monday) has
 * one tick, of the largest kind.  Which ticks there are, which are major
 * and which carry a label depends on @zoom, so that labels never crowd.
 *
 * Returns: (transfer full) (element-type PlcTimelineTick): the ticks, by date
 */
GArray *
plc_timeline_ticks (PlcDate         first,
                    PlcDate         last,
                    PlcTimelineZoom zoom)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (PlcTimelineTick));

  g_return_val_if_fail (zoom <= PLC_TIMELINE_ZOOM_WIDEST, ticks);

  if (first == PLC_DATE_NONE || last == PLC_DATE_NONE || last < first)
    return ticks;

  for (PlcDate date = first; date <= last; date++)
    {
      PlcTimelineTick tick = { date, 0, FALSE, FALSE };
      GDate gdate;

      plc_date_to_gdate (date, &gdate);
      if (!g_date_valid (&gdate))
        break;
      tick.kind = kind_of (&gdate);
      if (place_tick (zoom, tick.kind, &gdate, &tick.major, &tick.labelled))
        g_array_append_val (ticks, tick);
    }

  return ticks;
}

/**
 * plc_timeline_hit_test:
 * @points: (array length=n_points): where the markers are
 * @n_points: how many
 * @x: the point
 * @y: the point
 * @radius: how far from a marker the point may be and still hit it
 *
 * Returns: the index of the marker nearest to (@x, @y) within @radius (the
 *   first of equally near ones), or -1 if none is that near
 */
int
plc_timeline_hit_test (const PlcTimelinePoint *points,
                       guint                   n_points,
                       double                  x,
                       double                  y,
                       double                  radius)
{
  double best = radius * radius;
  int found = -1;

  g_return_val_if_fail (points != NULL || n_points == 0, -1);

  for (guint i = 0; i < n_points; i++)
    {
      double dx = points[i].x - x;
      double dy = points[i].y - y;
      double d = dx * dx + dy * dy;

      if (d <= best && (found < 0 || d < best))
        {
          best = d;
          found = (int) i;
        }
    }

  return found;
}

/**
 * plc_timeline_status_for:
 * @state: an obligation's state
 * @upcoming: whether it is due within the upcoming window
 *   (plc_engine_is_upcoming())
 *
 * Returns: how the timeline shows an obligation in @state
 */
PlcTimelineStatus
plc_timeline_status_for (PlcObligationState state,
                         gboolean           upcoming)
{
  switch (state)
    {
    case PLC_OBLIGATION_STATE_OPEN:
      return upcoming ? PLC_TIMELINE_STATUS_UPCOMING : PLC_TIMELINE_STATUS_OPEN;
    case PLC_OBLIGATION_STATE_OVERDUE:
      return PLC_TIMELINE_STATUS_OVERDUE;
    case PLC_OBLIGATION_STATE_DONE:
      return PLC_TIMELINE_STATUS_DONE;
    case PLC_OBLIGATION_STATE_NOT_NEEDED:
    case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
      return PLC_TIMELINE_STATUS_NOT_NEEDED;
    default:
      g_return_val_if_reached (PLC_TIMELINE_STATUS_OPEN);
    }
}
