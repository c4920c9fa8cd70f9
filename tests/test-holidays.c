/* test-holidays.c: Swedish public holidays and lag (1930:173) 2 §
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-holidays"

#include "config.h"

#include "plc-date.h"
#include "plc-holidays.h"

/*
 * Every expected date is written out by hand from the almanac (the
 * Swedish calendar's red days) and the texts: lag (1989:253) om allmänna
 * helgdagar 1 § (the holidays), and lag (1930:173) om beräkning av
 * lagstadgad tid 2 § ("Infaller den tid, då enligt lag … en åtgärd senast
 * ska vidtas, på en söndag, annan allmän helgdag, lördag, midsommarafton,
 * julafton eller nyårsafton, får åtgärden vidtas nästa vardag").
 */

static PlcDate
iso (const char *text)
{
  g_autoptr(GError) error = NULL;
  PlcDate date = PLC_DATE_NONE;

  plc_date_parse_iso (text, &date, &error);
  g_assert_no_error (error);
  return date;
}

static void
assert_date (PlcDate     date,
             const char *expected)
{
  g_autofree char *text = plc_date_to_iso (date);

  g_assert_cmpstr (text, ==, expected);
}

/* Easter Sunday by the Gregorian computus, against the almanac: the
 * earliest possible (22 March) and the latest (25 April) among them */
static void
test_easter (void)
{
  struct { int year; const char *easter; } cases[] = {
    { 1818, "1818-03-22" },
    { 1943, "1943-04-25" },
    { 2000, "2000-04-23" },
    { 2004, "2004-04-11" },
    { 2005, "2005-03-27" },
    { 2008, "2008-03-23" },
    { 2011, "2011-04-24" },
    { 2019, "2019-04-21" },
    { 2024, "2024-03-31" },
    { 2025, "2025-04-20" },
    { 2026, "2026-04-05" },
    { 2027, "2027-03-28" },
    { 2028, "2028-04-16" },
    { 2038, "2038-04-25" },
    { 2285, "2285-03-22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_date (plc_date_easter_sunday (cases[i].year), cases[i].easter);

  g_assert_cmpuint (plc_date_easter_sunday (0), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_date_easter_sunday (10000), ==, PLC_DATE_NONE);
}

static void
test_weekday (void)
{
  /* 0001-01-01 was a Monday; 2026-01-01 a Thursday; 2027-12-31 a Friday;
   * 2028-01-03 a Monday; 2026-06-20 a Saturday; 2026-10-25 a Sunday */
  g_assert_cmpint (plc_date_get_weekday (plc_date_new (1, 1, 1)), ==, 1);
  g_assert_cmpint (plc_date_get_weekday (iso ("2026-01-01")), ==, 4);
  g_assert_cmpint (plc_date_get_weekday (iso ("2027-12-31")), ==, 5);
  g_assert_cmpint (plc_date_get_weekday (iso ("2028-01-03")), ==, 1);
  g_assert_cmpint (plc_date_get_weekday (iso ("2026-06-20")), ==, 6);
  g_assert_cmpint (plc_date_get_weekday (iso ("2026-10-25")), ==, 7);
  g_assert_cmpint (plc_date_get_weekday (PLC_DATE_NONE), ==, 0);
}

/* Every day of 2026: exactly these are holidays or named eves (the
 * almanac's red days of 2026, and the three eves) */
static void
test_year_2026 (void)
{
  struct { const char *date; PlcHoliday holiday; } expected[] = {
    { "2026-01-01", PLC_HOLIDAY_NEW_YEARS_DAY },    /* Thursday */
    { "2026-01-06", PLC_HOLIDAY_EPIPHANY },         /* Tuesday */
    { "2026-04-03", PLC_HOLIDAY_GOOD_FRIDAY },      /* Easter 5 April - 2 */
    { "2026-04-05", PLC_HOLIDAY_EASTER_SUNDAY },
    { "2026-04-06", PLC_HOLIDAY_EASTER_MONDAY },
    { "2026-05-01", PLC_HOLIDAY_MAY_DAY },          /* Friday */
    { "2026-05-14", PLC_HOLIDAY_ASCENSION_DAY },    /* 5 April + 39 days */
    { "2026-05-24", PLC_HOLIDAY_WHIT_SUNDAY },      /* 5 April + 49 days */
    { "2026-06-06", PLC_HOLIDAY_NATIONAL_DAY },     /* a Saturday */
    { "2026-06-19", PLC_HOLIDAY_MIDSUMMER_EVE },    /* Friday */
    { "2026-06-20", PLC_HOLIDAY_MIDSUMMER_DAY },    /* the Saturday 20-26 June */
    { "2026-10-31", PLC_HOLIDAY_ALL_SAINTS_DAY },   /* the Saturday 31 Oct - 6 Nov */
    { "2026-12-24", PLC_HOLIDAY_CHRISTMAS_EVE },
    { "2026-12-25", PLC_HOLIDAY_CHRISTMAS_DAY },
    { "2026-12-26", PLC_HOLIDAY_BOXING_DAY },
    { "2026-12-31", PLC_HOLIDAY_NEW_YEARS_EVE },
  };
  guint found = 0;

  for (PlcDate date = iso ("2026-01-01"); date <= iso ("2026-12-31"); date++)
    {
      PlcHoliday holiday = plc_holiday_on (date);
      PlcHoliday want = PLC_HOLIDAY_NONE;
      g_autofree char *text = plc_date_to_iso (date);

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        if (g_str_equal (expected[i].date, text))
          want = expected[i].holiday;

      if (holiday != want)
        g_error ("%s: holiday %d, expected %d", text, holiday, want);
      if (holiday != PLC_HOLIDAY_NONE)
        {
          found++;
          g_assert_nonnull (plc_holiday_get_name (holiday));
        }
    }

  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
}

/* The days that move with the year */
static void
test_moving_days (void)
{
  struct { const char *date; PlcHoliday holiday; } cases[] = {
    /* Midsommardagen: the Saturday from 20 to 26 June; the eve before */
    { "2024-06-21", PLC_HOLIDAY_MIDSUMMER_EVE },
    { "2024-06-22", PLC_HOLIDAY_MIDSUMMER_DAY },
    { "2025-06-21", PLC_HOLIDAY_MIDSUMMER_DAY },
    { "2027-06-25", PLC_HOLIDAY_MIDSUMMER_EVE },
    { "2027-06-26", PLC_HOLIDAY_MIDSUMMER_DAY },
    { "2028-06-24", PLC_HOLIDAY_MIDSUMMER_DAY },
    /* Before 1953: 24 June, whatever the weekday (a Tuesday in 1952) */
    { "1952-06-24", PLC_HOLIDAY_MIDSUMMER_DAY },
    { "1952-06-23", PLC_HOLIDAY_MIDSUMMER_EVE },
    /* Alla helgons dag: the Saturday from 31 October to 6 November */
    { "2024-11-02", PLC_HOLIDAY_ALL_SAINTS_DAY },
    { "2025-11-01", PLC_HOLIDAY_ALL_SAINTS_DAY },
    { "2027-11-06", PLC_HOLIDAY_ALL_SAINTS_DAY },
    { "1952-11-01", PLC_HOLIDAY_ALL_SAINTS_DAY },
    /* Easter 2027 is 28 March: Good Friday 26 March, Easter Monday 29
     * March, Ascension 28 March + 39 = 6 May, Whit Sunday + 49 = 16 May */
    { "2027-03-26", PLC_HOLIDAY_GOOD_FRIDAY },
    { "2027-03-29", PLC_HOLIDAY_EASTER_MONDAY },
    { "2027-05-06", PLC_HOLIDAY_ASCENSION_DAY },
    { "2027-05-16", PLC_HOLIDAY_WHIT_SUNDAY },
    /* Annandag pingst until 2004: 2004-04-11 + 50 days = 2004-05-31, and
     * no national day yet */
    { "2004-05-31", PLC_HOLIDAY_WHIT_MONDAY },
    { "2003-06-06", PLC_HOLIDAY_NONE },
    /* From 2005 the national day instead: 2005-03-27 + 50 = 2005-05-16 */
    { "2005-05-16", PLC_HOLIDAY_NONE },
    { "2005-06-06", PLC_HOLIDAY_NATIONAL_DAY },
    /* Not holidays: skärtorsdagen, påskafton, pingstafton, trettondagsafton */
    { "2026-04-02", PLC_HOLIDAY_NONE },
    { "2026-04-04", PLC_HOLIDAY_NONE },
    { "2026-05-23", PLC_HOLIDAY_NONE },
    { "2026-01-05", PLC_HOLIDAY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].date);
      g_assert_cmpint (plc_holiday_on (iso (cases[i].date)), ==, cases[i].holiday);
    }
}

/* Lag (1930:173) 2 §: the next weekday */
static void
test_next_working_day (void)
{
  struct { const char *last_day; const char *moved; } cases[] = {
    /* Nyårsafton 2027 is a Friday; Saturday is nyårsdagen, then Sunday:
     * Monday 3 January 2028 (the example) */
    { "2027-12-31", "2028-01-03" },
    /* Julafton 2026, a Thursday: juldagen (Friday), annandag jul
     * (Saturday), Sunday 27: Monday 28 December */
    { "2026-12-24", "2026-12-28" },
    /* Midsommarafton 2026, a Friday: Saturday (midsommardagen), Sunday:
     * Monday 22 June */
    { "2026-06-19", "2026-06-22" },
    /* Långfredagen 2026 (3 April): Saturday, påskdagen, annandag påsk
     * (Monday 6 April): Tuesday 7 April */
    { "2026-04-03", "2026-04-07" },
    /* Kristi himmelsfärds dag 2026, a Thursday: Friday 15 May is a
     * weekday (a "klämdag" is not a holiday) */
    { "2026-05-14", "2026-05-15" },
    /* A Saturday: Monday */
    { "2026-03-07", "2026-03-09" },
    /* A Sunday: Monday */
    { "2026-03-08", "2026-03-09" },
    /* Första maj 2026, a Friday: Monday 4 May */
    { "2026-05-01", "2026-05-04" },
    /* Nationaldagen 2025, a Friday: Monday 9 June */
    { "2025-06-06", "2025-06-09" },
    /* Alla helgons dag is a Saturday; the Friday before is a weekday */
    { "2026-10-30", "2026-10-30" },
    { "2026-10-31", "2026-11-02" },
    /* Annandag pingst 2004, a Monday: Tuesday 1 June */
    { "2004-05-31", "2004-06-01" },
    /* Weekdays stay */
    { "2026-03-04", "2026-03-04" },
    { "2027-12-30", "2027-12-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].last_day);
      assert_date (plc_date_next_working_day (iso (cases[i].last_day)), cases[i].moved);
      g_assert_cmpint (plc_date_is_working_day (iso (cases[i].last_day)), ==,
                       g_str_equal (cases[i].last_day, cases[i].moved));
    }

  g_assert_cmpuint (plc_date_next_working_day (PLC_DATE_NONE), ==, PLC_DATE_NONE);
  g_assert_false (plc_date_is_working_day (PLC_DATE_NONE));
  /* The last day there is: nyårsafton 9999 has no next weekday */
  g_assert_cmpuint (plc_date_next_working_day (plc_date_new (9999, 12, 31)), ==, PLC_DATE_NONE);
}

static void
test_day_off_name (void)
{
  /* The tests run in the C locale: English names */
  g_assert_cmpstr (plc_date_get_day_off_name (iso ("2027-12-31")), ==, "New Year’s Eve");
  g_assert_cmpstr (plc_date_get_day_off_name (iso ("2026-06-19")), ==, "Midsummer Eve");
  /* The national day on a Saturday is named as the holiday */
  g_assert_cmpstr (plc_date_get_day_off_name (iso ("2026-06-06")), ==, "National Day of Sweden");
  g_assert_cmpstr (plc_date_get_day_off_name (iso ("2026-03-07")), ==, "Saturday");
  g_assert_cmpstr (plc_date_get_day_off_name (iso ("2026-03-08")), ==, "Sunday");
  g_assert_null (plc_date_get_day_off_name (iso ("2026-03-09")));
  g_assert_null (plc_date_get_day_off_name (PLC_DATE_NONE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter", test_easter);
  g_test_add_func ("/holidays/weekday", test_weekday);
  g_test_add_func ("/holidays/year-2026 (lag 1989:253)", test_year_2026);
  g_test_add_func ("/holidays/moving-days", test_moving_days);
  g_test_add_func ("/holidays/next-working-day (lag 1930:173 2 §)", test_next_working_day);
  g_test_add_func ("/holidays/day-off-name", test_day_off_name);

  return g_test_run ();
}
