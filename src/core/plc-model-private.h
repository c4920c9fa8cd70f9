/* plc-model-private.h: helpers shared by the record types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *@field by a copy of @value, an empty string counting as NULL.
 * Returns TRUE if the stored value changed. */
static inline gboolean
_plc_set_string (char       **field,
                 const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* TRUE for NULL, "" and text of white space only (Unicode's included). */
static inline gboolean
_plc_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* The current time as an ISO 8601 UTC timestamp, "2026-01-31T09:15:00Z". */
static inline char *
_plc_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The nick of @value of the enum @type, or NULL if it is not one of its
 * values; and the value of the nick @text, exactly (plc-enums.c) */
const char *_plc_enum_to_string   (GType       type,
                                   int         value);
gboolean    _plc_enum_from_string (GType       type,
                                   const char *text,
                                   int        *out);

G_END_DECLS
