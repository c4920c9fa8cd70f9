/* plc-date.h: calendar dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PlcDate:
 *
 * A calendar date, as the Julian day number GDate counts
 * (g_date_get_julian(): 0001-01-01 is day 1). %PLC_DATE_NONE means unset.
 * Dates compare with the ordinary integer operators.
 */
typedef guint32 PlcDate;

/**
 * PLC_DATE_NONE:
 *
 * The unset date.
 */
#define PLC_DATE_NONE ((PlcDate) 0)

PlcDate   plc_date_new          (int            year,
                                 int            month,
                                 int            day);
gboolean  plc_date_parse_iso    (const char    *text,
                                 PlcDate       *out,
                                 GError       **error);
char     *plc_date_to_iso       (PlcDate        date);
void      plc_date_to_gdate     (PlcDate        date,
                                 GDate         *out);
PlcDate   plc_date_from_gdate   (const GDate   *date);
PlcDate   plc_date_today        (void);
PlcDate   plc_date_add_days     (PlcDate        date,
                                 int            days);
PlcDate   plc_date_add_months   (PlcDate        date,
                                 int            months);
PlcDate   plc_date_add_years    (PlcDate        date,
                                 int            years);
int       plc_date_age_on       (PlcDate        birth,
                                 PlcDate        on);
int       plc_date_get_year     (PlcDate        date);
int       plc_date_get_month    (PlcDate        date);
int       plc_date_get_day      (PlcDate        date);

G_END_DECLS
