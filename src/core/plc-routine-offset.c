/* plc-routine-offset.c: a local routine offset of an agreement profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-routine-offset"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-routine-offset.h"

G_DEFINE_BOXED_TYPE (PlcRoutineOffset, plc_routine_offset,
                     plc_routine_offset_copy, plc_routine_offset_free)

/**
 * plc_routine_offset_new:
 * @profile_id: (nullable): the agreement profile's id
 * @rule_id: (nullable): the rule's id
 * @amount: the offset, negative for before the anchor
 * @unit: the offset's unit
 *
 * Makes an offset; nothing is checked (see plc_routine_offset_validate()).
 *
 * Returns: (transfer full): a new #PlcRoutineOffset; free it with
 *   plc_routine_offset_free()
 */
PlcRoutineOffset *
plc_routine_offset_new (const char    *profile_id,
                        const char    *rule_id,
                        int            amount,
                        PlcOffsetUnit  unit)
{
  PlcRoutineOffset *offset = g_new0 (PlcRoutineOffset, 1);

  offset->profile_id = g_strdup (profile_id);
  offset->rule_id = g_strdup (rule_id);
  offset->amount = amount;
  offset->unit = unit;

  return offset;
}

/**
 * plc_routine_offset_copy:
 * @offset: a #PlcRoutineOffset
 *
 * Returns: (transfer full): a deep copy of @offset
 */
PlcRoutineOffset *
plc_routine_offset_copy (const PlcRoutineOffset *offset)
{
  g_return_val_if_fail (offset != NULL, NULL);

  return plc_routine_offset_new (offset->profile_id, offset->rule_id,
                                 offset->amount, offset->unit);
}

/**
 * plc_routine_offset_free:
 * @offset: (nullable): a #PlcRoutineOffset
 *
 * Frees @offset and its strings.
 */
void
plc_routine_offset_free (PlcRoutineOffset *offset)
{
  if (offset == NULL)
    return;

  g_free (offset->profile_id);
  g_free (offset->rule_id);
  g_free (offset);
}

/* Ids of profiles and rules are [a-z0-9-]+, as in the profile files. */
static gboolean
is_id (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
        return FALSE;
    }

  return TRUE;
}

/**
 * plc_routine_offset_validate_profile_id:
 * @profile_id: (nullable): an agreement profile's id
 * @error: return location for a #GError
 *
 * Checks that @profile_id is a profile id: lower-case letters a to z,
 * digits and hyphens, at least one.
 *
 * Returns: %TRUE if it is; else %FALSE with @error set to
 *   %PLC_ERROR_INVALID
 */
gboolean
plc_routine_offset_validate_profile_id (const char  *profile_id,
                                        GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (profile_id == NULL || *profile_id == '\0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Agreement profile: must be set"));
      return FALSE;
    }

  if (!is_id (profile_id))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what was given as the id */
                   _("Agreement profile: “%s” is not an id; an id holds only the letters a to z, digits and hyphens"),
                   profile_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_routine_offset_validate_rule_id:
 * @rule_id: (nullable): a rule's id
 * @error: return location for a #GError
 *
 * Checks that @rule_id is a rule id, as
 * plc_routine_offset_validate_profile_id() does for a profile id.
 *
 * Returns: %TRUE if it is; else %FALSE with @error set to
 *   %PLC_ERROR_INVALID
 */
gboolean
plc_routine_offset_validate_rule_id (const char  *rule_id,
                                     GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rule_id == NULL || *rule_id == '\0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Rule: must be set"));
      return FALSE;
    }

  if (!is_id (rule_id))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what was given as the id */
                   _("Rule: “%s” is not an id; an id holds only the letters a to z, digits and hyphens"),
                   rule_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_routine_offset_validate:
 * @offset: a #PlcRoutineOffset
 * @error: return location for a #GError
 *
 * Checks that the offset can be stored: both ids are ids and the unit is
 * one of #PlcOffsetUnit.  Any amount is allowed, negative ones included.
 *
 * Returns: %TRUE if the offset is valid; else %FALSE with @error set to
 *   %PLC_ERROR_INVALID and a translated message that starts with the
 *   field's label
 */
gboolean
plc_routine_offset_validate (const PlcRoutineOffset  *offset,
                             GError                 **error)
{
  g_return_val_if_fail (offset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_routine_offset_validate_profile_id (offset->profile_id, error) ||
      !plc_routine_offset_validate_rule_id (offset->rule_id, error))
    return FALSE;

  if (plc_offset_unit_to_string (offset->unit) == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Unit: must be days, weeks, months or years"));
      return FALSE;
    }

  return TRUE;
}
