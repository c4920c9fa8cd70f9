/* plc-office.c: settings the office's IT sets for every user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-office"

#include "config.h"

#include "plc-office.h"
#include "plc-routine-offset.h"

/*
 * The local routine offsets of a whole office are the GSettings key
 * `routine-offsets` (a{s(is)}: "PROFILE/RULE" → (amount, unit)), which IT
 * sets as a dconf default or a vendor override of the schema, and may lock
 * with dconf.  Unlocked, they apply where a user has stored no local
 * routine of their own; locked, they are the local routines, and the
 * user's own are not used (plc_engine_set_office_routines()).
 */

/**
 * plc_office_settings_new:
 *
 * The application's settings, for a front end that may run where the
 * schema is not installed (the command-line tool from a build tree):
 * GSettings would abort there.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
plc_office_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: no office settings", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * plc_office_routines_from_variant:
 * @value: an `a{s(is)}` value of the key `routine-offsets`
 *
 * Entries that are not "PROFILE/RULE" with a valid amount and unit are
 * left out, with a message naming the entry (a setting, not personal data).
 *
 * Returns: (transfer full) (element-type PlcRoutineOffset): the routines
 */
GPtrArray *
plc_office_routines_from_variant (GVariant *value)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_routine_offset_free);
  GVariantIter iter;
  const char *key;
  const char *unit_name;
  gint32 amount;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{s(is)}")), NULL);

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{&s(i&s)}", &key, &amount, &unit_name))
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", -1);
      g_autoptr(PlcRoutineOffset) routine = NULL;
      g_autoptr(GError) error = NULL;
      PlcOffsetUnit unit;

      if (g_strv_length (parts) != 2 || !plc_offset_unit_from_string (unit_name, &unit) ||
          amount < -3650 || amount > 3650)
        {
          /* A message, not a warning: a mistake in a setting must not stop
           * anything (and the tests run with fatal warnings). */
          g_message ("The office’s routine-offsets setting “%s”: expected \"PROFILE/RULE\": "
                     "(AMOUNT from -3650 to 3650, days|weeks|months|years); left out", key);
          continue;
        }

      routine = plc_routine_offset_new (parts[0], parts[1], amount, unit);
      if (!plc_routine_offset_validate (routine, &error))
        {
          g_message ("The office’s routine-offsets setting “%s”: %s; left out", key, error->message);
          continue;
        }

      g_ptr_array_add (routines, g_steal_pointer (&routine));
    }

  return g_steal_pointer (&routines);
}

/**
 * plc_office_dup_routines:
 * @settings: (nullable): the application's settings; %NULL for none
 * @locked: (out) (optional): whether IT has locked them
 *
 * Returns: (transfer full) (element-type PlcRoutineOffset): the office's
 *   local routines; none without @settings
 */
GPtrArray *
plc_office_dup_routines (GSettings *settings,
                         gboolean  *locked)
{
  g_autoptr(GVariant) value = NULL;

  if (locked != NULL)
    *locked = FALSE;

  if (settings == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) plc_routine_offset_free);

  if (locked != NULL)
    *locked = !g_settings_is_writable (settings, "routine-offsets");

  value = g_settings_get_value (settings, "routine-offsets");
  return plc_office_routines_from_variant (value);
}
