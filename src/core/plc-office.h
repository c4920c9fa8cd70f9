/* plc-office.h: settings the office's IT sets for every user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GPtrArray *plc_office_routines_from_variant (GVariant  *value);
GPtrArray *plc_office_dup_routines          (GSettings *settings,
                                             gboolean  *locked);
GSettings *plc_office_settings_new          (void);

G_END_DECLS
