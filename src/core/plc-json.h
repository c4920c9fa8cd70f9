/* plc-json.h: what every JSON reader checks before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PLC_JSON_MAX_DEPTH:
 *
 * How deeply arrays and objects may nest in a file Placements reads.
 * json-glib parses by recursion, one stack frame per level, so a file
 * nested 100,000 levels deep would end the process with a signal; the
 * interchange format and the profiles need fewer than 10.
 */
#define PLC_JSON_MAX_DEPTH 64

gboolean plc_json_check_text (const char  *data,
                              gsize        length,
                              gsize        max_size,
                              GError     **error);
gboolean plc_json_read_file  (GFile       *file,
                              gsize        max_size,
                              char       **contents,
                              gsize       *length,
                              GError     **error);
char    *plc_json_format_size (gsize       size);

G_END_DECLS
