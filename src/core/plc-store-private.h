/* plc-store-private.h: for the store's own tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-store.h"

G_BEGIN_DECLS

PlcStore *_plc_store_open_at_version (const char  *path,
                                      GBytes      *key,
                                      int          version,
                                      GError     **error);

G_END_DECLS
