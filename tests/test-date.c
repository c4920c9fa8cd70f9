/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <string.h>

#include "plc-date.h"
#include "plc-error.h"

/* Expected values are written out by hand (Julian day numbers from
 * Python's date.toordinal(), which counts as GDate does), not computed with
 * the functions under test. */

static void
assert_ymd (PlcDate date,
            int     year,
            int     month,
            int     day)
{
  g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  g_autofree char *actual = plc_date_to_iso (date);

  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpint (plc_date_get_year (date), ==, year);
  g_assert_cmpint (plc_date_get_month (date), ==, month);
  g_assert_cmpint (plc_date_get_day (date), ==, day);
}

static void
test_date_new (void)
{
  /* The day numbers are GDate's (and Python's toordinal()). */
  g_assert_cmpuint (plc_date_new (1, 1, 1), ==, 1);
  g_assert_cmpuint (plc_date_new (1970, 1, 1), ==, 719163);
  g_assert_cmpuint (plc_date_new (2024, 1, 1), ==, 738886);
  g_assert_cmpuint (plc_date_new (2024, 2, 29), ==, 738945);
  g_assert_cmpuint (plc_date_new (9999, 12, 31), ==, 3652059);

  assert_ymd (738945, 2024, 2, 29);
  assert_ymd (1, 1, 1, 1);
  assert_ymd (3652059, 9999, 12, 31);
  assert_ymd (36890, 102, 1, 1);

  /* plc_date_to_iso() writes the digits by hand: every day of a few years */
  for (PlcDate date = plc_date_new (2023, 12, 25); date <= plc_date_new (2026, 1, 5); date++)
    {
      GDate gdate;
      g_autofree char *expected = NULL;
      g_autofree char *actual = plc_date_to_iso (date);

      g_date_clear (&gdate, 1);
      g_date_set_julian (&gdate, date);
      expected = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&gdate),
                                  g_date_get_month (&gdate), g_date_get_day (&gdate));
      g_assert_cmpstr (actual, ==, expected);
    }

  /* Dates that do not exist */
  g_assert_cmpuint (plc_date_new (2023, 2, 29), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 2, 30), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (1900, 2, 29), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2000, 2, 29), !=, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 4, 31), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 0, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 13, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 1, 0), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (2024, 1, 32), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (0, 1, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (10000, 1, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_new (-1, 1, 1), ==, PLC_DATE_NONE);

  /* Unset */
  g_assert_null (plc_date_to_iso (PLC_DATE_NONE));
  g_assert_cmpint (plc_date_get_year (PLC_DATE_NONE), ==, 0);
  g_assert_cmpint (plc_date_get_month (PLC_DATE_NONE), ==, 0);
  g_assert_cmpint (plc_date_get_day (PLC_DATE_NONE), ==, 0);
}

static void
test_date_gdate (void)
{
  GDate gdate;

  plc_date_to_gdate (plc_date_new (2024, 3, 5), &gdate);
  g_assert_true (g_date_valid (&gdate));
  g_assert_cmpint (g_date_get_year (&gdate), ==, 2024);
  g_assert_cmpint (g_date_get_month (&gdate), ==, 3);
  g_assert_cmpint (g_date_get_day (&gdate), ==, 5);
  g_assert_cmpuint (plc_date_from_gdate (&gdate), ==, plc_date_new (2024, 3, 5));

  plc_date_to_gdate (PLC_DATE_NONE, &gdate);
  g_assert_false (g_date_valid (&gdate));
  g_assert_cmpuint (plc_date_from_gdate (&gdate), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_from_gdate (NULL), ==, PLC_DATE_NONE);
}

typedef struct
{
  int y, m, d;
  int offset;
  int ey, em, ed;
} OffsetCase;

static const OffsetCase month_cases[] = {
  /* Month ends: a day that does not exist becomes the month's last day */
  { 2023,  1, 31,    1,   2023,  2, 28 },
  { 2024,  1, 31,    1,   2024,  2, 29 },
  { 2024,  1, 30,    1,   2024,  2, 29 },
  { 2024,  1, 29,    1,   2024,  2, 29 },
  { 2024,  1, 28,    1,   2024,  2, 28 },
  { 2024,  3, 31,    1,   2024,  4, 30 },
  { 2024,  5, 31,    1,   2024,  6, 30 },
  { 2024,  8, 31,    1,   2024,  9, 30 },
  { 2024,  1, 31,    2,   2024,  3, 31 },
  { 2024,  1, 31,    3,   2024,  4, 30 },
  { 1900,  1, 31,    1,   1900,  2, 28 },
  { 2000,  1, 31,    1,   2000,  2, 29 },
  { 2024,  2, 29,    1,   2024,  3, 29 },
  /* Across years */
  { 2024, 12, 15,    1,   2025,  1, 15 },
  { 2024,  5, 10,   12,   2025,  5, 10 },
  { 2024,  2, 29,   12,   2025,  2, 28 },
  { 2023,  2, 28,   12,   2024,  2, 28 },
  { 2024, 11, 30,    3,   2025,  2, 28 },
  { 2023, 11, 30,    3,   2024,  2, 29 },
  { 2024,  7,  1,   30,   2027,  1,  1 },
  { 2024,  7,  1,  120,   2034,  7,  1 },
  /* Negative offsets */
  { 2024,  3, 31,   -1,   2024,  2, 29 },
  { 2023,  3, 31,   -1,   2023,  2, 28 },
  { 2024,  1, 15,   -1,   2023, 12, 15 },
  { 2024,  5, 31,   -3,   2024,  2, 29 },
  { 2025,  2, 28,  -12,   2024,  2, 28 },
  { 2024,  2, 29,  -12,   2023,  2, 28 },
  { 2024,  1,  1,  -13,   2022, 12,  1 },
  { 2024, 12, 31, -120,   2014, 12, 31 },
  /* Zero */
  { 2024,  1, 31,    0,   2024,  1, 31 },
};

static const OffsetCase year_cases[] = {
  { 2024,  2, 29,    1,   2025,  2, 28 },
  { 2024,  2, 29,    4,   2028,  2, 29 },
  { 2024,  2, 29,   -1,   2023,  2, 28 },
  { 2024,  2, 29,   -4,   2020,  2, 29 },
  { 2024,  2, 29,   76,   2100,  2, 28 },
  { 2023,  2, 28,    1,   2024,  2, 28 },
  { 2008,  6, 15,   18,   2026,  6, 15 },
  { 2024, 12, 31,    1,   2025, 12, 31 },
  { 2024,  1,  1,    0,   2024,  1,  1 },
};

static const OffsetCase day_cases[] = {
  { 2024,  2, 28,    1,   2024,  2, 29 },
  { 2023,  2, 28,    1,   2023,  3,  1 },
  { 2024, 12, 31,    1,   2025,  1,  1 },
  { 2025,  1,  1,   -1,   2024, 12, 31 },
  { 2024,  3,  1,   -1,   2024,  2, 29 },
  { 2024,  1,  1,  366,   2025,  1,  1 },
  { 2023,  1,  1,  365,   2024,  1,  1 },
  /* Across the change to summer time in Sweden (2024-03-31) and back
   * (2024-10-27): calendar days are not hours. */
  { 2024,  3, 30,    1,   2024,  3, 31 },
  { 2024,  3, 31,    1,   2024,  4,  1 },
  { 2024, 10, 26,    2,   2024, 10, 28 },
  { 2024,  5, 10,    0,   2024,  5, 10 },
};

static void
test_date_add_months (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_cases); i++)
    {
      const OffsetCase *c = &month_cases[i];
      PlcDate date = plc_date_new (c->y, c->m, c->d);

      g_test_message ("%04d-%02d-%02d %+d months", c->y, c->m, c->d, c->offset);
      assert_ymd (plc_date_add_months (date, c->offset), c->ey, c->em, c->ed);
    }
}

static void
test_date_add_years (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (year_cases); i++)
    {
      const OffsetCase *c = &year_cases[i];
      PlcDate date = plc_date_new (c->y, c->m, c->d);

      g_test_message ("%04d-%02d-%02d %+d years", c->y, c->m, c->d, c->offset);
      assert_ymd (plc_date_add_years (date, c->offset), c->ey, c->em, c->ed);
    }
}

static void
test_date_add_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      const OffsetCase *c = &day_cases[i];
      PlcDate date = plc_date_new (c->y, c->m, c->d);

      g_test_message ("%04d-%02d-%02d %+d days", c->y, c->m, c->d, c->offset);
      assert_ymd (plc_date_add_days (date, c->offset), c->ey, c->em, c->ed);
    }
}

static void
test_date_add_out_of_range (void)
{
  PlcDate last = plc_date_new (9999, 12, 31);
  PlcDate first = plc_date_new (1, 1, 1);

  g_assert_cmpuint (plc_date_add_days (PLC_DATE_NONE, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_months (PLC_DATE_NONE, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_years (PLC_DATE_NONE, 1), ==, PLC_DATE_NONE);

  g_assert_cmpuint (plc_date_add_days (last, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_days (first, -1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_days (first, G_MININT), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_days (last, G_MAXINT), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_months (last, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_months (first, -1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_months (first, G_MAXINT), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_months (last, G_MININT), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_years (last, 1), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_years (first, G_MAXINT), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_add_years (first, G_MININT), ==, PLC_DATE_NONE);
  g_assert_null (plc_date_to_iso (G_MAXUINT32));

  assert_ymd (plc_date_add_months (plc_date_new (9999, 11, 30), 1), 9999, 12, 30);
  assert_ymd (plc_date_add_days (first, 0), 1, 1, 1);
}

typedef struct
{
  int by, bm, bd;
  int oy, om, od;
  int age;
} AgeCase;

static const AgeCase age_cases[] = {
  /* On, before and after a birthday */
  { 2008,  6, 15,   2026,  6, 14,   17 },
  { 2008,  6, 15,   2026,  6, 15,   18 },
  { 2008,  6, 15,   2026,  6, 16,   18 },
  { 2003,  6, 15,   2024,  6, 14,   20 },
  { 2003,  6, 15,   2024,  6, 15,   21 },
  { 2008,  1,  1,   2025, 12, 31,   17 },
  { 2008, 12, 31,   2026, 12, 31,   18 },
  { 2008, 12, 31,   2026, 12, 30,   17 },
  /* The day of birth, and before it */
  { 2024,  5, 10,   2024,  5, 10,    0 },
  { 2024,  5, 10,   2025,  5,  9,    0 },
  { 2024,  5, 10,   2025,  5, 10,    1 },
  { 2024,  5, 10,   2024,  5,  9,   -1 },
  /* Born on 29 February: a year is completed on 28 February when there is
   * no 29th (lag (1930:173) om beräkning av lagstadgad tid), on the 29th
   * when there is one. */
  { 2008,  2, 29,   2026,  2, 27,   17 },
  { 2008,  2, 29,   2026,  2, 28,   18 },
  { 2008,  2, 29,   2026,  3,  1,   18 },
  { 2008,  2, 29,   2028,  2, 28,   19 },
  { 2008,  2, 29,   2028,  2, 29,   20 },
  { 2004,  2, 29,   2025,  2, 27,   20 },
  { 2004,  2, 29,   2025,  2, 28,   21 },
  { 2024,  2, 29,   2025,  2, 28,    1 },
  /* Born on 28 February or 1 March in a leap year */
  { 2008,  2, 28,   2026,  2, 27,   17 },
  { 2008,  2, 28,   2026,  2, 28,   18 },
  { 2008,  3,  1,   2026,  2, 28,   17 },
  { 2008,  3,  1,   2026,  3,  1,   18 },
};

static void
test_date_age_on (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (age_cases); i++)
    {
      const AgeCase *c = &age_cases[i];
      PlcDate birth = plc_date_new (c->by, c->bm, c->bd);
      PlcDate on = plc_date_new (c->oy, c->om, c->od);

      g_test_message ("born %04d-%02d-%02d, on %04d-%02d-%02d",
                      c->by, c->bm, c->bd, c->oy, c->om, c->od);
      g_assert_cmpuint (birth, !=, PLC_DATE_NONE);
      g_assert_cmpuint (on, !=, PLC_DATE_NONE);
      g_assert_cmpint (plc_date_age_on (birth, on), ==, c->age);
    }

  g_assert_cmpint (plc_date_age_on (PLC_DATE_NONE, plc_date_new (2024, 1, 1)), ==, -1);
  g_assert_cmpint (plc_date_age_on (plc_date_new (2024, 1, 1), PLC_DATE_NONE), ==, -1);

  /* The age on the day plc_date_add_years() gives is always that many years */
  for (int years = 0; years < 25; years++)
    {
      PlcDate birth = plc_date_new (2000, 2, 29);

      g_assert_cmpint (plc_date_age_on (birth, plc_date_add_years (birth, years)), ==, years);
      if (years > 0)
        g_assert_cmpint (plc_date_age_on (birth, plc_date_add_years (birth, years) - 1), ==, years - 1);
    }
}

typedef struct
{
  const char *text;
  int y, m, d;
} ParseCase;

static const ParseCase parse_valid[] = {
  { "2024-02-29", 2024,  2, 29 },
  { "2023-12-31", 2023, 12, 31 },
  { "0001-01-01",    1,  1,  1 },
  { "9999-12-31", 9999, 12, 31 },
  { "2000-02-29", 2000,  2, 29 },
};

static const char * const parse_invalid[] = {
  "2024-02-30",
  "2023-02-29",
  "1900-02-29",
  "2024-2-3",
  "2024-02-3",
  "2024-2-03",
  "24-02-03",
  "",
  "junk",
  "2024-13-01",
  "2024-00-10",
  "2024-01-00",
  "2024-04-31",
  "0000-01-01",
  "2024/02/03",
  "2024-02-03 ",
  " 2024-02-03",
  "2024-02-03T00:00:00",
  "20240203",
  "2024-02-0x",
  "+2024-02-03",
  "2024-02-03\n",
  "２０２４-02-03",
  "\xff\xfe-02-03",
};

static void
test_date_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      PlcDate date = PLC_DATE_NONE;

      g_assert_true (plc_date_parse_iso (parse_valid[i].text, &date, &error));
      g_assert_no_error (error);
      assert_ymd (date, parse_valid[i].y, parse_valid[i].m, parse_valid[i].d);

      back = plc_date_to_iso (date);
      g_assert_cmpstr (back, ==, parse_valid[i].text);
    }

  /* out is optional */
  g_assert_true (plc_date_parse_iso ("2024-05-10", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (parse_invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (parse_invalid[i], NULL);
      PlcDate date = 12345;

      g_test_message ("parsing \"%s\"", escaped);
      g_assert_false (plc_date_parse_iso (parse_invalid[i], &date, &error));
      g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      /* out is left alone on failure */
      g_assert_cmpuint (date, ==, 12345);
    }

  /* The message quotes the text (a date, not personal data) */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (plc_date_parse_iso ("2024-2-3", NULL, &error));
    g_assert_nonnull (strstr (error->message, "“2024-2-3”"));
  }
}

static void
test_date_today (void)
{
  PlcDate today = plc_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  PlcDate utc = plc_date_new (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));

  /* Swedish time is at most two hours ahead of UTC */
  g_assert_cmpuint (today, !=, PLC_DATE_NONE);
  g_assert_true (today == utc || today == utc + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/new", test_date_new);
  g_test_add_func ("/date/gdate", test_date_gdate);
  g_test_add_func ("/date/add-days", test_date_add_days);
  g_test_add_func ("/date/add-months", test_date_add_months);
  g_test_add_func ("/date/add-years", test_date_add_years);
  g_test_add_func ("/date/add-out-of-range", test_date_add_out_of_range);
  g_test_add_func ("/date/age-on", test_date_age_on);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/today", test_date_today);

  return g_test_run ();
}
