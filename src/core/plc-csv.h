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

gboolean plc_csv_parse_separator (const char         *name,
                                  char               *separator,
                                  GError            **error);
void     plc_csv_append_row      (GString            *out,
                                  char                separator,
                                  const char * const *fields);
char    *plc_csv_audit_log       (GPtrArray          *entries,
                                  char                separator);

G_END_DECLS
