/* plc-holidays.c: Swedish public holidays, and the last day of a period
 * that the law sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-holidays"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-holidays.h"

/*
 * Lag (1989:253) om allmänna helgdagar: every Sunday, and nyårsdagen,
 * trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj,
 * Kristi himmelsfärds dag, pingstdagen, Sveriges nationaldag, midsommar-
 * dagen, alla helgons dag, juldagen and annandag jul.  Annandag pingst was
 * one until 2004; the national day became one in 2005.
 * Midsommardagen is the Saturday from 20 to 26 June, and alla helgons dag
 * the Saturday from 31 October to 6 November, since 1953; before that
 * they were 24 June and 1 November.
 *
 * Lag (1930:173) om beräkning av lagstadgad tid 2 §: "Infaller den tid, då
 * enligt lag eller särskild föreskrift, som meddelats med stöd av lag, en
 * åtgärd senast ska vidtas, på en söndag, annan allmän helgdag, lördag,
 * midsommarafton, julafton eller nyårsafton, får åtgärden vidtas nästa
 * vardag."
 *
 * Everything is computed: Easter by the Gregorian computus (Sweden has
 * counted by the Gregorian calendar since 1753), no tables of years.
 */

/**
 * plc_date_easter_sunday:
 * @year: a year, 1 to 9999
 *
 * Easter Sunday by the Gregorian calendar (the anonymous algorithm of
 * 1876, also known as Meeus/Jones/Butcher).
 *
 * Returns: the date, or %PLC_DATE_NONE for a year outside 1 to 9999
 */
PlcDate
plc_date_easter_sunday (int year)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  if (year < 1 || year > 9999)
    return PLC_DATE_NONE;

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  return plc_date_new (year, month, day);
}

/**
 * plc_date_get_weekday:
 * @date: a date
 *
 * Returns: the day of the week, 1 (Monday) to 7 (Sunday), or 0 for
 *   %PLC_DATE_NONE
 */
int
plc_date_get_weekday (PlcDate date)
{
  if (date == PLC_DATE_NONE)
    return 0;

  /* Day 1, 0001-01-01, was a Monday (proleptic Gregorian) */
  return (int) ((date - 1) % 7) + 1;
}

/* The Saturday from @month/@day to six days after it */
static PlcDate
saturday_from (int year,
               int month,
               int day)
{
  PlcDate first = plc_date_new (year, month, day);

  if (first == PLC_DATE_NONE)
    return PLC_DATE_NONE;

  return first + (6 - plc_date_get_weekday (first) + 7) % 7;
}

static PlcDate
midsummer_day (int year)
{
  return year >= 1953 ? saturday_from (year, 6, 20) : plc_date_new (year, 6, 24);
}

static PlcDate
all_saints_day (int year)
{
  return year >= 1953 ? saturday_from (year, 10, 31) : plc_date_new (year, 11, 1);
}

/**
 * plc_holiday_on:
 * @date: a date
 *
 * Returns: the public holiday (or the eve that lag (1930:173) 2 § names)
 *   on @date, or %PLC_HOLIDAY_NONE
 */
PlcHoliday
plc_holiday_on (PlcDate date)
{
  int year = plc_date_get_year (date);
  int month = plc_date_get_month (date);
  int day = plc_date_get_day (date);
  PlcDate easter;

  if (date == PLC_DATE_NONE)
    return PLC_HOLIDAY_NONE;

  switch (month * 100 + day)
    {
    case 101:
      return PLC_HOLIDAY_NEW_YEARS_DAY;
    case 106:
      return PLC_HOLIDAY_EPIPHANY;
    case 501:
      return PLC_HOLIDAY_MAY_DAY;
    case 606:
      if (year >= 2005)
        return PLC_HOLIDAY_NATIONAL_DAY;
      break;
    case 1224:
      return PLC_HOLIDAY_CHRISTMAS_EVE;
    case 1225:
      return PLC_HOLIDAY_CHRISTMAS_DAY;
    case 1226:
      return PLC_HOLIDAY_BOXING_DAY;
    case 1231:
      return PLC_HOLIDAY_NEW_YEARS_EVE;
    default:
      break;
    }

  if (date == midsummer_day (year))
    return PLC_HOLIDAY_MIDSUMMER_DAY;
  if (date + 1 == midsummer_day (year))
    return PLC_HOLIDAY_MIDSUMMER_EVE;
  if (date == all_saints_day (year))
    return PLC_HOLIDAY_ALL_SAINTS_DAY;

  easter = plc_date_easter_sunday (year);
  if (date == easter - 2)
    return PLC_HOLIDAY_GOOD_FRIDAY;
  if (date == easter)
    return PLC_HOLIDAY_EASTER_SUNDAY;
  if (date == easter + 1)
    return PLC_HOLIDAY_EASTER_MONDAY;
  if (date == easter + 39)
    return PLC_HOLIDAY_ASCENSION_DAY;
  if (date == easter + 49)
    return PLC_HOLIDAY_WHIT_SUNDAY;
  if (date == easter + 50 && year < 2005)
    return PLC_HOLIDAY_WHIT_MONDAY;

  return PLC_HOLIDAY_NONE;
}

/**
 * plc_holiday_get_name:
 *
 * Returns: the holiday's name in the user interface's language, or %NULL
 *   for %PLC_HOLIDAY_NONE
 */
const char *
plc_holiday_get_name (PlcHoliday holiday)
{
  switch (holiday)
    {
    case PLC_HOLIDAY_NEW_YEARS_DAY:
      return C_("holiday", "New Year’s Day");
    case PLC_HOLIDAY_EPIPHANY:
      return C_("holiday", "Epiphany");
    case PLC_HOLIDAY_GOOD_FRIDAY:
      return C_("holiday", "Good Friday");
    case PLC_HOLIDAY_EASTER_SUNDAY:
      return C_("holiday", "Easter Sunday");
    case PLC_HOLIDAY_EASTER_MONDAY:
      return C_("holiday", "Easter Monday");
    case PLC_HOLIDAY_MAY_DAY:
      return C_("holiday", "May Day");
    case PLC_HOLIDAY_ASCENSION_DAY:
      return C_("holiday", "Ascension Day");
    case PLC_HOLIDAY_WHIT_SUNDAY:
      return C_("holiday", "Whit Sunday");
    case PLC_HOLIDAY_WHIT_MONDAY:
      return C_("holiday", "Whit Monday");
    case PLC_HOLIDAY_NATIONAL_DAY:
      return C_("holiday", "National Day of Sweden");
    case PLC_HOLIDAY_MIDSUMMER_EVE:
      return C_("holiday", "Midsummer Eve");
    case PLC_HOLIDAY_MIDSUMMER_DAY:
      return C_("holiday", "Midsummer Day");
    case PLC_HOLIDAY_ALL_SAINTS_DAY:
      return C_("holiday", "All Saints’ Day");
    case PLC_HOLIDAY_CHRISTMAS_EVE:
      return C_("holiday", "Christmas Eve");
    case PLC_HOLIDAY_CHRISTMAS_DAY:
      return C_("holiday", "Christmas Day");
    case PLC_HOLIDAY_BOXING_DAY:
      return C_("holiday", "Boxing Day");
    case PLC_HOLIDAY_NEW_YEARS_EVE:
      return C_("holiday", "New Year’s Eve");
    case PLC_HOLIDAY_NONE:
    default:
      return NULL;
    }
}

/**
 * plc_date_is_working_day:
 * @date: a date
 *
 * Returns: whether @date is a weekday (*vardag*) in the sense of lag
 *   (1930:173) 2 §: not a Saturday, a Sunday, a public holiday,
 *   midsommarafton, julafton or nyårsafton
 */
gboolean
plc_date_is_working_day (PlcDate date)
{
  return date != PLC_DATE_NONE &&
         plc_date_get_weekday (date) <= 5 &&
         plc_holiday_on (date) == PLC_HOLIDAY_NONE;
}

/**
 * plc_date_next_working_day:
 * @date: the last day of a period that the law sets
 *
 * Lag (1930:173) 2 §: when the last day of a period that the law sets for
 * an action falls on a Saturday, a Sunday, a public holiday, midsommar-
 * afton, julafton or nyårsafton, the action may be taken on the next
 * weekday.  Nyårsafton 2027 (Friday 31 December) gives Monday 3 January
 * 2028.
 *
 * Returns: @date if it is a weekday, else the next weekday; or
 *   %PLC_DATE_NONE for %PLC_DATE_NONE
 */
PlcDate
plc_date_next_working_day (PlcDate date)
{
  if (date == PLC_DATE_NONE)
    return PLC_DATE_NONE;

  /* At most five days off in a row (Friday midsommarafton to the
   * weekend, or julafton to the weekend after annandag jul) */
  while (date != PLC_DATE_NONE && !plc_date_is_working_day (date))
    date = plc_date_add_days (date, 1);

  return date;
}

/**
 * plc_date_get_day_off_name:
 * @date: a date
 *
 * Returns: (nullable): the holiday or eve on @date, else "Saturday" or
 *   "Sunday", in the user interface's language; %NULL for a weekday
 */
const char *
plc_date_get_day_off_name (PlcDate date)
{
  PlcHoliday holiday = plc_holiday_on (date);

  if (holiday != PLC_HOLIDAY_NONE)
    return plc_holiday_get_name (holiday);

  switch (plc_date_get_weekday (date))
    {
    case 6:
      return _("Saturday");
    case 7:
      return _("Sunday");
    default:
      return NULL;
    }
}
