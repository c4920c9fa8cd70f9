/* plc-routine-row.h: a row to change one local routine's offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-profile.h"

G_BEGIN_DECLS

#define PLC_TYPE_ROUTINE_ROW (plc_routine_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcRoutineRow, plc_routine_row, PLC, ROUTINE_ROW, AdwActionRow)

PlcRoutineRow *plc_routine_row_new            (const char      *profile_id,
                                               const char      *rule_id,
                                               const char      *title,
                                               const char      *subtitle,
                                               PlcOffset        default_offset);
const char    *plc_routine_row_get_profile_id (PlcRoutineRow   *self);
const char    *plc_routine_row_get_rule_id    (PlcRoutineRow   *self);
PlcOffset      plc_routine_row_get_offset     (PlcRoutineRow   *self);
gboolean       plc_routine_row_get_is_local   (PlcRoutineRow   *self);
void           plc_routine_row_set_office     (PlcRoutineRow   *self,
                                               const PlcOffset *office);
void           plc_routine_row_set_local      (PlcRoutineRow   *self,
                                               const PlcOffset *local);

G_END_DECLS
