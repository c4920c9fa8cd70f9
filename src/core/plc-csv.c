/* plc-csv.c: comma- or semicolon-separated values (RFC 4180)
 *
 * UTF-8, one header row, CRLF line ends; a field with the separator, a
 * quote or a line break is quoted, its quotes doubled.
 *
 * Every CSV Placements writes goes through here, because these files are
 * opened in spreadsheet programs, which run a cell that starts with "=",
 * "+", "-" or "@" as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`),
 * and a tab or carriage return before one hides it.  Such a cell gets a
 * leading "'", as OWASP advises (CSV injection), so that it is shown as
 * the text it is.  A cell that is a number and nothing else ("-3",
 * "+12", "-4,5", "2.5") is left as it is: a spreadsheet reads it as a
 * number, never as a formula, and a negative count in a numeric column
 * is data.
 *
 * Semicolon-separated files, for Swedish spreadsheet programs, start with
 * a UTF-8 byte order mark: without it Excel reads them in the Windows
 * code page and shows "Ã¥" for "å".  Comma-separated files, for other
 * programs, have none; PLC_CSV_NO_BOM leaves it out of semicolon files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-csv.h"
#include "plc-error.h"
#include "plc-store.h"

/**
 * plc_csv_parse_separator:
 * @name: "semicolon" or "comma"
 * @separator: (out): the character
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @name is one of the two
 */
gboolean
plc_csv_parse_separator (const char  *name,
                         char        *separator,
                         GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (separator != NULL, FALSE);

  if (g_str_equal (name, "semicolon"))
    *separator = PLC_CSV_SEMICOLON;
  else if (g_str_equal (name, "comma"))
    *separator = PLC_CSV_COMMA;
  else
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: do not translate "semicolon" and "comma" */
                   _("“%s” is not a separator: give “semicolon” or “comma”"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_csv_begin:
 * @out: an empty string, where a CSV file is to be written
 * @separator: %PLC_CSV_SEMICOLON or %PLC_CSV_COMMA
 * @flags: %PLC_CSV_NO_BOM to leave out the byte order mark
 *
 * Appends what a file starts with: for semicolons, the UTF-8 byte order
 * mark, unless @flags say no; for commas, nothing.
 */
void
plc_csv_begin (GString     *out,
               char         separator,
               PlcCsvFlags  flags)
{
  g_return_if_fail (out != NULL);

  if (separator == PLC_CSV_SEMICOLON && (flags & PLC_CSV_NO_BOM) == 0)
    g_string_append (out, PLC_CSV_BOM);
}

/* A number and nothing else: a sign, digits, and a decimal comma or point
 * with digits after it */
static gboolean
is_number (const char *text)
{
  const char *p = text;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == ',' || *p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

/* Whether a spreadsheet could take @text for a formula */
static gboolean
is_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL && !is_number (text);
}

/**
 * plc_csv_append_field:
 * @out: where to append
 * @separator: %PLC_CSV_SEMICOLON or %PLC_CSV_COMMA
 * @field: (nullable): the text of one cell; %NULL for an empty one
 *
 * Appends one cell (no separator before it): with a leading "'" if a
 * spreadsheet would run it as a formula, and quoted when it holds the
 * separator, a quote or a line break.  The one way to write a cell.
 */
void
plc_csv_append_field (GString    *out,
                      char        separator,
                      const char *field)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  formula = is_formula (field);

  if (strchr (field, separator) == NULL && strpbrk (field, "\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * plc_csv_append_row:
 * @out: where to append
 * @separator: %PLC_CSV_SEMICOLON or %PLC_CSV_COMMA
 * @fields: (array zero-terminated=1): the row's fields; an empty string
 *   for an empty one
 *
 * Appends one row, ended by CRLF, each cell as plc_csv_append_field()
 * writes it.
 */
void
plc_csv_append_row (GString            *out,
                    char                separator,
                    const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      plc_csv_append_field (out, separator, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/**
 * plc_csv_audit_log:
 * @entries: (element-type PlcAuditEntry): audit log entries
 * @separator: %PLC_CSV_SEMICOLON or %PLC_CSV_COMMA
 * @flags: %PLC_CSV_NO_BOM to leave out the byte order mark
 *
 * The audit log as CSV: a header row `time`, `user`, `action`,
 * `record_type`, `record_id`, `record_ref`, then one row per entry, its
 * time in UTC as the log keeps it. The log holds no personal data.
 *
 * Returns: (transfer full): the text
 */
char *
plc_csv_audit_log (GPtrArray   *entries,
                   char         separator,
                   PlcCsvFlags  flags)
{
  static const char * const header[] = {
    "time", "user", "action", "record_type", "record_id", "record_ref", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (entries != NULL, NULL);

  plc_csv_begin (out, separator, flags);
  plc_csv_append_row (out, separator, header);
  for (guint i = 0; i < entries->len; i++)
    {
      const PlcAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->record_id);
      const char * const fields[] = {
        entry->at, entry->user, entry->action, entry->record_type, id,
        entry->record_ref != NULL ? entry->record_ref : "", NULL
      };

      plc_csv_append_row (out, separator, fields);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
