/* plc-bench-follow-up.h: the yearly report's timing, once it exists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Returns the time of the yearly report in ms, or -1: not yet measured. */
static inline double
time_follow_up (PlcStore  *store,
                PlcEngine *engine,
                PlcDate    today)
{
  return -1;
}
