/* plc-sqlite-store.h: the store in an encrypted SQLite (SQLCipher) file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_SQLITE_STORE (plc_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (PlcSqliteStore, plc_sqlite_store, PLC, SQLITE_STORE, PlcStore)

PlcStore *plc_sqlite_store_open                (const char      *path,
                                                GBytes          *key,
                                                GError         **error);
char     *plc_sqlite_store_dup_cipher_version  (PlcSqliteStore  *self);

G_END_DECLS
