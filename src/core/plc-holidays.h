/* plc-holidays.h: Swedish public holidays, and the last day of a period
 * that the law sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-date.h"

G_BEGIN_DECLS

/**
 * PlcHoliday:
 * @PLC_HOLIDAY_NONE: not a holiday (a weekday, a Saturday or a Sunday)
 * @PLC_HOLIDAY_NEW_YEARS_DAY: *nyårsdagen*, 1 January
 * @PLC_HOLIDAY_EPIPHANY: *trettondedag jul*, 6 January
 * @PLC_HOLIDAY_GOOD_FRIDAY: *långfredagen*, the Friday before Easter
 * @PLC_HOLIDAY_EASTER_SUNDAY: *påskdagen*
 * @PLC_HOLIDAY_EASTER_MONDAY: *annandag påsk*
 * @PLC_HOLIDAY_MAY_DAY: *första maj*
 * @PLC_HOLIDAY_ASCENSION_DAY: *Kristi himmelsfärds dag*, the sixth
 *   Thursday after Easter
 * @PLC_HOLIDAY_WHIT_SUNDAY: *pingstdagen*, the seventh Sunday after Easter
 * @PLC_HOLIDAY_WHIT_MONDAY: *annandag pingst*, a public holiday until 2004
 * @PLC_HOLIDAY_NATIONAL_DAY: *Sveriges nationaldag*, 6 June, a public
 *   holiday from 2005
 * @PLC_HOLIDAY_MIDSUMMER_EVE: *midsommarafton*, the Friday before
 *   midsummer day (not a public holiday, but named in lag (1930:173) 2 §)
 * @PLC_HOLIDAY_MIDSUMMER_DAY: *midsommardagen*, the Saturday from 20 to
 *   26 June
 * @PLC_HOLIDAY_ALL_SAINTS_DAY: *alla helgons dag*, the Saturday from
 *   31 October to 6 November
 * @PLC_HOLIDAY_CHRISTMAS_EVE: *julafton*, 24 December (named in lag
 *   (1930:173) 2 §)
 * @PLC_HOLIDAY_CHRISTMAS_DAY: *juldagen*, 25 December
 * @PLC_HOLIDAY_BOXING_DAY: *annandag jul*, 26 December
 * @PLC_HOLIDAY_NEW_YEARS_EVE: *nyårsafton*, 31 December (named in lag
 *   (1930:173) 2 §)
 *
 * The public holidays of lag (1989:253) om allmänna helgdagar other than
 * Sundays, and the three eves that lag (1930:173) om beräkning av
 * lagstadgad tid 2 § treats as they are.
 */
typedef enum
{
  PLC_HOLIDAY_NONE,
  PLC_HOLIDAY_NEW_YEARS_DAY,
  PLC_HOLIDAY_EPIPHANY,
  PLC_HOLIDAY_GOOD_FRIDAY,
  PLC_HOLIDAY_EASTER_SUNDAY,
  PLC_HOLIDAY_EASTER_MONDAY,
  PLC_HOLIDAY_MAY_DAY,
  PLC_HOLIDAY_ASCENSION_DAY,
  PLC_HOLIDAY_WHIT_SUNDAY,
  PLC_HOLIDAY_WHIT_MONDAY,
  PLC_HOLIDAY_NATIONAL_DAY,
  PLC_HOLIDAY_MIDSUMMER_EVE,
  PLC_HOLIDAY_MIDSUMMER_DAY,
  PLC_HOLIDAY_ALL_SAINTS_DAY,
  PLC_HOLIDAY_CHRISTMAS_EVE,
  PLC_HOLIDAY_CHRISTMAS_DAY,
  PLC_HOLIDAY_BOXING_DAY,
  PLC_HOLIDAY_NEW_YEARS_EVE,
} PlcHoliday;

PlcDate     plc_date_easter_sunday       (int         year);
int         plc_date_get_weekday         (PlcDate     date);

PlcHoliday  plc_holiday_on               (PlcDate     date);
const char *plc_holiday_get_name         (PlcHoliday  holiday);

gboolean    plc_date_is_working_day      (PlcDate     date);
PlcDate     plc_date_next_working_day    (PlcDate     date);
const char *plc_date_get_day_off_name    (PlcDate     date);

G_END_DECLS
