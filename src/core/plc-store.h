/* plc-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLC_TYPE_STORE (plc_store_get_type ())

G_DECLARE_FINAL_TYPE (PlcStore, plc_store, PLC, STORE, GObject)

PlcStore   *plc_store_open                (const char           *path,
                                           GBytes               *key,
                                           GError              **error);
PlcStore   *plc_store_open_with_keyring   (const char           *path,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        plc_store_open_with_keyring_async  (const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
PlcStore   *plc_store_open_with_keyring_finish (GAsyncResult         *result,
                                                GError              **error);
const char *plc_store_get_path            (PlcStore             *self);
int         plc_store_get_schema_version  (PlcStore             *self);
char       *plc_store_dup_cipher_version  (PlcStore             *self);
gboolean    plc_store_check               (PlcStore             *self,
                                           GError              **error);
void        plc_store_close               (PlcStore             *self);

int         plc_store_get_latest_schema_version (void);

G_END_DECLS
