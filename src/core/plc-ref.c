/* plc-ref.c: what a record's reference may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reference (a record's `ref`, and the refs by which records point to
 * each other) names a record to other systems: it is written to the audit
 * log, quoted in error messages and shown by the CLI, where personal data
 * never goes.  So a reference must not hold a personal identity number.
 * The model's validation (plc_child_validate() and the others) checks
 * every reference of a record with plc_ref_validate(), so that the
 * import, the CLI and the forms all refuse one.
 */

#define G_LOG_DOMAIN "plc-ref"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-personnummer.h"
#include "plc-ref.h"

/**
 * plc_ref_validate:
 * @label: the field's translated label, such as “Reference”
 * @ref: (nullable): the reference; %NULL or empty is left to the caller
 * @error: return location for a %PLC_ERROR_INVALID error that starts with
 *   @label and never quotes @ref
 *
 * Returns: %TRUE if @ref holds no personal identity number
 *   (plc_personnummer_find())
 */
gboolean
plc_ref_validate (const char  *label,
                  const char  *ref,
                  GError     **error)
{
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ref == NULL || !plc_personnummer_find (ref))
    return TRUE;

  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: %s is a field's label, such as “Reference” */
               _("%s: must not hold a personal identity number, because references are written to "
                 "the audit log"),
               label);
  return FALSE;
}

/**
 * plc_ref_for_message:
 * @ref: (nullable): a reference
 *
 * What a message or the audit log may say of @ref: @ref itself, or, for
 * one that holds a personal identity number (one stored before they were
 * refused, or one that is checked only later), a translated placeholder.
 *
 * Returns: (transfer none): @ref, or the placeholder
 */
const char *
plc_ref_for_message (const char *ref)
{
  if (ref == NULL || !plc_personnummer_find (ref))
    return ref;

  /* Translators: said instead of a reference that holds personal data */
  return _("[a personal identity number]");
}
