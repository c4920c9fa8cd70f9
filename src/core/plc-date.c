/* plc-date.c: calendar dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-date"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-date.h"
#include "plc-error.h"

/* Dates are kept to the years 1 to 9999, which ISO 8601's YYYY can write
 * and GDate can hold; anything that would leave that range is
 * %PLC_DATE_NONE. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

/* The Julian day of 9999-12-31, as GDate counts. */
#define MAX_JULIAN ((PlcDate) 3652059)

static gboolean
is_valid (PlcDate date)
{
  return date != PLC_DATE_NONE && date <= MAX_JULIAN;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/**
 * plc_date_new:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12
 * @day: the day of the month
 *
 * Returns: the date, or %PLC_DATE_NONE if there is no such date
 */
PlcDate
plc_date_new (int year,
              int month,
              int day)
{
  GDate date;

  if (year < MIN_YEAR || year > MAX_YEAR ||
      month < 1 || month > 12 ||
      day < 1 || day > 31)
    return PLC_DATE_NONE;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return PLC_DATE_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

/**
 * plc_date_parse_iso:
 * @text: the text to parse
 * @out: (out) (optional): where to store the date; left alone on failure
 * @error: return location for a #GError
 *
 * Parses a date written strictly as `YYYY-MM-DD`: four, two and two ASCII
 * digits, no white space, and a date that exists.
 *
 * On failure, @error is set to %PLC_ERROR_INVALID in %PLC_ERROR.
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
plc_date_parse_iso (const char  *text,
                    PlcDate     *out,
                    GError     **error)
{
  static const char pattern[] = "dddd-dd-dd";
  PlcDate date = PLC_DATE_NONE;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        break;
    }

  if (pattern[i] == '\0' && text[i] == '\0')
    {
      int year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
                 g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
      int month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
      int day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

      date = plc_date_new (year, month, day);
    }

  if (date == PLC_DATE_NONE)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      /* Keep the message short, whatever was pasted. */
      if (g_utf8_strlen (shown, -1) > 40)
        {
          char *cut = g_utf8_offset_to_pointer (shown, 40);

          *cut = '\0';
        }

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is the text that was given; keep YYYY-MM-DD as it is */
                   _("“%s” is not a date in the form YYYY-MM-DD"),
                   shown);
      return FALSE;
    }

  if (out != NULL)
    *out = date;

  return TRUE;
}

/**
 * plc_date_to_iso:
 * @date: a date
 *
 * Returns: (transfer full) (nullable): @date as `YYYY-MM-DD`, or %NULL for
 *   %PLC_DATE_NONE (or a value that is not a date)
 */
char *
plc_date_to_iso (PlcDate date)
{
  GDate gdate;
  char *text;
  int year, month, day;

  if (!is_valid (date))
    return NULL;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);
  year = g_date_get_year (&gdate);
  month = g_date_get_month (&gdate);
  day = g_date_get_day (&gdate);

  /* The engine writes a date into most obligations' texts: by hand, this
   * is a tenth of what g_strdup_printf() costs.  GDate years are 1-65535. */
  if (year > 9999)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  text = g_malloc (11);
  text[0] = '0' + year / 1000;
  text[1] = '0' + year / 100 % 10;
  text[2] = '0' + year / 10 % 10;
  text[3] = '0' + year % 10;
  text[4] = '-';
  text[5] = '0' + month / 10;
  text[6] = '0' + month % 10;
  text[7] = '-';
  text[8] = '0' + day / 10;
  text[9] = '0' + day % 10;
  text[10] = '\0';

  return text;
}

/**
 * plc_date_to_gdate:
 * @date: a date
 * @out: (out caller-allocates): the #GDate to set
 *
 * Sets @out to @date, or clears it (an invalid #GDate) for
 * %PLC_DATE_NONE.
 */
void
plc_date_to_gdate (PlcDate  date,
                   GDate   *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);

  if (is_valid (date))
    g_date_set_julian (out, date);
}

/**
 * plc_date_from_gdate:
 * @date: a #GDate, valid or not
 *
 * Returns: @date as a #PlcDate, or %PLC_DATE_NONE if @date is %NULL,
 *   invalid or after 9999-12-31
 */
PlcDate
plc_date_from_gdate (const GDate *date)
{
  PlcDate julian;

  if (date == NULL || !g_date_valid (date))
    return PLC_DATE_NONE;

  julian = g_date_get_julian (date);

  return is_valid (julian) ? julian : PLC_DATE_NONE;
}

/**
 * plc_date_today:
 *
 * Returns: today's date in Sweden (Europe/Stockholm), or in the local time
 *   zone if the time zone database lacks Europe/Stockholm
 */
PlcDate
plc_date_today (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = NULL;

  if (tz == NULL)
    {
      g_debug ("Time zone Europe/Stockholm not found, using the local one");
      tz = g_time_zone_new_local ();
    }

  now = g_date_time_new_now (tz);

  return plc_date_new (g_date_time_get_year (now),
                       g_date_time_get_month (now),
                       g_date_time_get_day_of_month (now));
}

/**
 * plc_date_add_days:
 * @date: a date
 * @days: the number of days to add; may be negative
 *
 * Returns: the date @days after @date, or %PLC_DATE_NONE if @date is
 *   %PLC_DATE_NONE or the result would be outside the years 1 to 9999
 */
PlcDate
plc_date_add_days (PlcDate date,
                   int     days)
{
  gint64 result;

  if (!is_valid (date))
    return PLC_DATE_NONE;

  result = (gint64) date + days;

  if (result < 1 || result > MAX_JULIAN)
    return PLC_DATE_NONE;

  return (PlcDate) result;
}

/**
 * plc_date_add_months:
 * @date: a date
 * @months: the number of calendar months to add; may be negative
 *
 * Moves @date by whole calendar months. A day that does not exist in the
 * target month becomes that month's last day, as lag (1930:173) om
 * beräkning av lagstadgad tid counts: 2024-01-31 plus one month is
 * 2024-02-29, and 2023-01-31 plus one month is 2023-02-28.
 *
 * Returns: the date, or %PLC_DATE_NONE if @date is %PLC_DATE_NONE or the
 *   result would be outside the years 1 to 9999
 */
PlcDate
plc_date_add_months (PlcDate date,
                     int     months)
{
  GDate gdate;
  gint64 index;
  int year, month, day;

  if (!is_valid (date))
    return PLC_DATE_NONE;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);

  /* Count months from January of year 0, so that division rounds the
   * way we need for negative offsets too. */
  index = (gint64) g_date_get_year (&gdate) * 12 + (g_date_get_month (&gdate) - 1) + months;
  if (index < (gint64) MIN_YEAR * 12 || index > (gint64) MAX_YEAR * 12 + 11)
    return PLC_DATE_NONE;

  year = (int) (index / 12);
  month = (int) (index % 12) + 1;
  day = MIN (g_date_get_day (&gdate), days_in_month (year, month));

  return plc_date_new (year, month, day);
}

/**
 * plc_date_add_years:
 * @date: a date
 * @years: the number of years to add; may be negative
 *
 * Like plc_date_add_months() with 12 months a year: 2024-02-29 plus one
 * year is 2025-02-28.
 *
 * Returns: the date, or %PLC_DATE_NONE if @date is %PLC_DATE_NONE or the
 *   result would be outside the years 1 to 9999
 */
PlcDate
plc_date_add_years (PlcDate date,
                    int     years)
{
  if (years > MAX_YEAR || years < -MAX_YEAR)
    return PLC_DATE_NONE;

  return plc_date_add_months (date, years * 12);
}

/**
 * plc_date_age_on:
 * @birth: the birth date
 * @on: the date to tell the age on
 *
 * Counts the years completed on @on. A year is completed on the day
 * plc_date_add_years() gives, so someone born on 29 February turns a year
 * older on 28 February in a year that is not a leap year (as lag
 * (1930:173) om beräkning av lagstadgad tid counts), and
 * `plc_date_age_on (birth, plc_date_add_years (birth, n))` is always @n.
 *
 * Returns: the age in completed years, or -1 if either date is
 *   %PLC_DATE_NONE or @on is before @birth
 */
int
plc_date_age_on (PlcDate birth,
                 PlcDate on)
{
  int age;

  if (!is_valid (birth) || !is_valid (on) || on < birth)
    return -1;

  age = plc_date_get_year (on) - plc_date_get_year (birth);

  if (plc_date_add_years (birth, age) > on)
    age--;

  return age;
}

/**
 * plc_date_get_year:
 * @date: a date
 *
 * Returns: the year, or 0 for %PLC_DATE_NONE
 */
int
plc_date_get_year (PlcDate date)
{
  GDate gdate;

  if (!is_valid (date))
    return 0;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);

  return g_date_get_year (&gdate);
}

/**
 * plc_date_get_month:
 * @date: a date
 *
 * Returns: the month, 1 to 12, or 0 for %PLC_DATE_NONE
 */
int
plc_date_get_month (PlcDate date)
{
  GDate gdate;

  if (!is_valid (date))
    return 0;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);

  return g_date_get_month (&gdate);
}

/**
 * plc_date_get_day:
 * @date: a date
 *
 * Returns: the day of the month, 1 to 31, or 0 for %PLC_DATE_NONE
 */
int
plc_date_get_day (PlcDate date)
{
  GDate gdate;

  if (!is_valid (date))
    return 0;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);

  return g_date_get_day (&gdate);
}
