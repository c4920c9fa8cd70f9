/* plc-ref.h: what a record's reference may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    plc_ref_validate    (const char  *label,
                                const char  *ref,
                                GError     **error);
const char *plc_ref_for_message (const char  *ref);

G_END_DECLS
