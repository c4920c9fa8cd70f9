/* test-timeline-scale.c: the time axis arithmetic of the timeline widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-timeline-scale"

#include "config.h"

#include "plc-timeline-scale.h"

static void
test_zoom_levels (void)
{
  /* From weeks to years: each level wider than the one before */
  for (PlcTimelineZoom zoom = PLC_TIMELINE_ZOOM_CLOSEST; zoom < PLC_TIMELINE_ZOOM_WIDEST; zoom++)
    g_assert_cmpfloat (plc_timeline_zoom_get_pixels_per_day (zoom), >,
                       plc_timeline_zoom_get_pixels_per_day (zoom + 1));

  /* A fortnight in 600 px is the day level; four weeks are not */
  g_assert_cmpint (plc_timeline_zoom_for_span (14, 600), ==, PLC_TIMELINE_ZOOM_DAYS);
  g_assert_cmpint (plc_timeline_zoom_for_span (28, 600), ==, PLC_TIMELINE_ZOOM_WEEKS);
  g_assert_cmpint (plc_timeline_zoom_for_span (365, 600), ==, PLC_TIMELINE_ZOOM_QUARTERS);
  g_assert_cmpint (plc_timeline_zoom_for_span (3 * 365, 600), ==, PLC_TIMELINE_ZOOM_YEARS);
  /* Nothing fits: the widest */
  g_assert_cmpint (plc_timeline_zoom_for_span (100 * 365, 600), ==, PLC_TIMELINE_ZOOM_YEARS);
}

static void
test_date_to_x (void)
{
  PlcDate origin = plc_date_new (2026, 1, 1);
  double ppd = plc_timeline_zoom_get_pixels_per_day (PLC_TIMELINE_ZOOM_WEEKS);

  g_assert_cmpfloat (plc_timeline_date_to_x (origin, ppd, origin), ==, 0.0);
  g_assert_cmpfloat (plc_timeline_date_to_x (origin, ppd, plc_date_new (2026, 2, 1)), ==, 31 * ppd);
  g_assert_cmpfloat (plc_timeline_date_to_x (origin, ppd, plc_date_new (2025, 12, 31)), ==, -ppd);

  /* Every x inside a day maps back to that day */
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, 0.0), ==, origin);
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, ppd - 0.01), ==, origin);
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, ppd), ==, origin + 1);
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, -0.01), ==, origin - 1);
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, -ppd), ==, origin - 1);
  g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, -ppd - 0.5), ==, origin - 2);

  /* Round trip over the DST change and a leap day */
  for (PlcDate d = plc_date_new (2024, 2, 20); d < plc_date_new (2024, 4, 10); d++)
    {
      double x = plc_timeline_date_to_x (origin, ppd, d);
      g_assert_cmpuint (plc_timeline_x_to_date (origin, ppd, x + ppd / 2), ==, d);
    }

  /* Before the first day there is */
  g_assert_cmpuint (plc_timeline_x_to_date (1, 1.0, -5.0), ==, PLC_DATE_NONE);
}

static guint
count_ticks (GArray              *ticks,
             PlcTimelineTickKind  kind,
             int                  major,
             int                  labelled)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      PlcTimelineTick *tick = &g_array_index (ticks, PlcTimelineTick, i);

      if (tick->kind == kind
          && (major < 0 || tick->major == major)
          && (labelled < 0 || tick->labelled == labelled))
        n++;
    }

  return n;
}

static void
test_ticks (void)
{
  PlcDate first = plc_date_new (2026, 1, 1);
  PlcDate last = plc_date_new (2026, 12, 31);
  g_autoptr(GArray) days = plc_timeline_ticks (first, last, PLC_TIMELINE_ZOOM_DAYS);
  g_autoptr(GArray) weeks = plc_timeline_ticks (first, last, PLC_TIMELINE_ZOOM_WEEKS);
  g_autoptr(GArray) months = plc_timeline_ticks (first, last, PLC_TIMELINE_ZOOM_MONTHS);
  g_autoptr(GArray) quarters = plc_timeline_ticks (first, last, PLC_TIMELINE_ZOOM_QUARTERS);
  g_autoptr(GArray) years = plc_timeline_ticks (first, last, PLC_TIMELINE_ZOOM_YEARS);
  g_autoptr(GArray) leap = plc_timeline_ticks (plc_date_new (2024, 1, 1),
                                               plc_date_new (2024, 12, 31),
                                               PLC_TIMELINE_ZOOM_DAYS);
  g_autoptr(GArray) none = plc_timeline_ticks (last, first, PLC_TIMELINE_ZOOM_DAYS);
  PlcTimelineTick *tick;

  /* One tick a day, 1 January (a Thursday in 2026) is the year's */
  g_assert_cmpuint (days->len, ==, 365);
  g_assert_cmpuint (leap->len, ==, 366);
  tick = &g_array_index (days, PlcTimelineTick, 0);
  g_assert_cmpuint (tick->date, ==, first);
  g_assert_cmpint (tick->kind, ==, PLC_TIMELINE_TICK_YEAR);
  g_assert_true (tick->major);
  g_assert_true (tick->labelled);
  g_assert_cmpuint (count_ticks (days, PLC_TIMELINE_TICK_MONTH, TRUE, TRUE), ==, 11);
  /* 2026 has 52 Mondays, and 1 June is one: it counts as a month */
  g_assert_cmpuint (count_ticks (days, PLC_TIMELINE_TICK_WEEK, FALSE, TRUE), ==, 51);
  g_assert_cmpuint (count_ticks (days, PLC_TIMELINE_TICK_DAY, FALSE, FALSE), ==, 365 - 12 - 51);
  /* 2024-01-01 is a Monday: still a year tick, once */
  tick = &g_array_index (leap, PlcTimelineTick, 0);
  g_assert_cmpint (tick->kind, ==, PLC_TIMELINE_TICK_YEAR);

  /* Weeks: Mondays and months, all labelled */
  g_assert_cmpuint (weeks->len, ==, 12 + 51);
  g_assert_cmpuint (count_ticks (weeks, PLC_TIMELINE_TICK_WEEK, FALSE, TRUE), ==, 51);
  g_assert_cmpuint (count_ticks (weeks, PLC_TIMELINE_TICK_DAY, -1, -1), ==, 0);

  /* Months: the Mondays stay, unlabelled */
  g_assert_cmpuint (months->len, ==, 12 + 51);
  g_assert_cmpuint (count_ticks (months, PLC_TIMELINE_TICK_WEEK, FALSE, FALSE), ==, 51);
  g_assert_cmpuint (count_ticks (months, PLC_TIMELINE_TICK_MONTH, TRUE, TRUE), ==, 11);

  /* Quarters: months only, every third labelled */
  g_assert_cmpuint (quarters->len, ==, 12);
  g_assert_cmpuint (count_ticks (quarters, PLC_TIMELINE_TICK_MONTH, FALSE, TRUE), ==, 3);
  g_assert_cmpuint (count_ticks (quarters, PLC_TIMELINE_TICK_MONTH, FALSE, FALSE), ==, 8);
  g_assert_cmpuint (count_ticks (quarters, PLC_TIMELINE_TICK_YEAR, TRUE, TRUE), ==, 1);

  /* Years: the year and its quarters */
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpuint (count_ticks (years, PLC_TIMELINE_TICK_YEAR, TRUE, TRUE), ==, 1);
  g_assert_cmpuint (g_array_index (years, PlcTimelineTick, 1).date, ==, plc_date_new (2026, 4, 1));

  g_assert_cmpuint (none->len, ==, 0);

  /* In date order */
  for (guint i = 1; i < weeks->len; i++)
    g_assert_cmpuint (g_array_index (weeks, PlcTimelineTick, i - 1).date, <,
                      g_array_index (weeks, PlcTimelineTick, i).date);
}

static void
test_hit_test (void)
{
  const PlcTimelinePoint points[] = {
    { 10, 10 }, { 20, 10 }, { 20, 40 }, { 20, 10 },
  };

  g_assert_cmpint (plc_timeline_hit_test (points, G_N_ELEMENTS (points), 11, 11, 6), ==, 0);
  g_assert_cmpint (plc_timeline_hit_test (points, G_N_ELEMENTS (points), 16, 10, 6), ==, 1);
  /* Equally near: the first */
  g_assert_cmpint (plc_timeline_hit_test (points, G_N_ELEMENTS (points), 15, 10, 6), ==, 0);
  g_assert_cmpint (plc_timeline_hit_test (points, G_N_ELEMENTS (points), 20, 36, 6), ==, 2);
  /* Too far from all */
  g_assert_cmpint (plc_timeline_hit_test (points, G_N_ELEMENTS (points), 20, 25, 6), ==, -1);
  g_assert_cmpint (plc_timeline_hit_test (NULL, 0, 0, 0, 6), ==, -1);
}

static void
test_status (void)
{
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_OPEN, FALSE), ==, PLC_TIMELINE_STATUS_OPEN);
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_OPEN, TRUE), ==, PLC_TIMELINE_STATUS_UPCOMING);
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_OVERDUE, FALSE), ==, PLC_TIMELINE_STATUS_OVERDUE);
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_DONE, TRUE), ==, PLC_TIMELINE_STATUS_DONE);
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_NOT_NEEDED, FALSE), ==, PLC_TIMELINE_STATUS_NOT_NEEDED);
  g_assert_cmpint (plc_timeline_status_for (PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED, FALSE), ==, PLC_TIMELINE_STATUS_NOT_NEEDED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-scale/zoom-levels", test_zoom_levels);
  g_test_add_func ("/timeline-scale/date-to-x", test_date_to_x);
  g_test_add_func ("/timeline-scale/ticks", test_ticks);
  g_test_add_func ("/timeline-scale/hit-test", test_hit_test);
  g_test_add_func ("/timeline-scale/status", test_status);

  return g_test_run ();
}
