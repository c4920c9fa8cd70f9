/* plc-csv.h: comma- or semicolon-separated values (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Swedish spreadsheet programs split on semicolons: the default */
#define PLC_CSV_SEMICOLON ';'
#define PLC_CSV_COMMA     ','

/* The UTF-8 byte order mark, by which Excel knows that a file is UTF-8 */
#define PLC_CSV_BOM "\xef\xbb\xbf"

/**
 * PlcCsvFlags:
 * @PLC_CSV_FLAGS_NONE: semicolon CSV starts with a byte order mark
 * @PLC_CSV_NO_BOM: no byte order mark, for programs that do not expect one
 */
typedef enum
{
  PLC_CSV_FLAGS_NONE = 0,
  PLC_CSV_NO_BOM     = 1 << 0,
} PlcCsvFlags;

gboolean plc_csv_parse_separator (const char         *name,
                                  char               *separator,
                                  GError            **error);
void     plc_csv_begin           (GString            *out,
                                  char                separator,
                                  PlcCsvFlags         flags);
void     plc_csv_append_field    (GString            *out,
                                  char                separator,
                                  const char         *field);
void     plc_csv_append_row      (GString            *out,
                                  char                separator,
                                  const char * const *fields);
char    *plc_csv_audit_log       (GPtrArray          *entries,
                                  char                separator,
                                  PlcCsvFlags         flags);

G_END_DECLS
