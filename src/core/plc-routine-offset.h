/* plc-routine-offset.h: a local routine offset of an agreement profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-enums.h"

G_BEGIN_DECLS

/**
 * PlcRoutineOffset:
 * @profile_id: the agreement profile's id, such as `dalarna`
 * @rule_id: the id of a rule of the profile, such as `sip-first`
 * @amount: how many @units from the rule's anchor; negative means before it
 * @unit: days, weeks, months or years
 *
 * The unit's own offset for a rule whose offset the agreement leaves to a
 * local routine (`"local_routine": true` in the profile).  It replaces the
 * profile's default offset for that rule.  A setting of the unit, not
 * personal data.
 */
typedef struct
{
  char          *profile_id;
  char          *rule_id;
  int            amount;
  PlcOffsetUnit  unit;
} PlcRoutineOffset;

#define PLC_TYPE_ROUTINE_OFFSET (plc_routine_offset_get_type ())

GType             plc_routine_offset_get_type            (void) G_GNUC_CONST;
PlcRoutineOffset *plc_routine_offset_new                 (const char              *profile_id,
                                                          const char              *rule_id,
                                                          int                      amount,
                                                          PlcOffsetUnit            unit);
PlcRoutineOffset *plc_routine_offset_copy                (const PlcRoutineOffset  *offset);
void              plc_routine_offset_free                (PlcRoutineOffset        *offset);

gboolean          plc_routine_offset_validate_profile_id (const char              *profile_id,
                                                          GError                 **error);
gboolean          plc_routine_offset_validate_rule_id    (const char              *rule_id,
                                                          GError                 **error);
gboolean          plc_routine_offset_validate            (const PlcRoutineOffset  *offset,
                                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcRoutineOffset, plc_routine_offset_free)

G_END_DECLS
