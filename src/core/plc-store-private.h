/* plc-store-private.h: for the store's backends and its own tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-store.h"

G_BEGIN_DECLS

/* The SQLCipher backend, brought no further than a schema version: for the
 * migration tests */
PlcStore *_plc_store_open_at_version (const char  *path,
                                      GBytes      *key,
                                      int          version,
                                      GError     **error);

/* For backends: announces the changes of one committed transaction, from
 * any thread */
void      _plc_store_announce        (PlcStore    *self,
                                      GPtrArray   *changes);

G_END_DECLS
