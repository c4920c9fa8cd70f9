/* plc-keyring.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PLC_KEYRING_KEY_SIZE:
 *
 * The size in bytes of a database key (256 bits).
 */
#define PLC_KEYRING_KEY_SIZE 32

/**
 * PLC_KEYRING_SCHEMA_NAME:
 *
 * The name of the Secret Service schema under which database keys are
 * stored. Each item carries one attribute, `database`, the canonical
 * absolute path of the database file, and holds the key as 64 lowercase
 * hexadecimal characters (content type `text/plain`).
 *
 * To back a key up by hand:
 * `secret-tool lookup xdg:schema se.placeringar.Placeringar.DatabaseKey database /path/to/db`
 */
#define PLC_KEYRING_SCHEMA_NAME "se.placeringar.Placeringar.DatabaseKey"

/*
 * All functions take the path of the database file. It is made absolute
 * (against the current directory) and canonical with
 * g_canonicalize_filename(), which resolves no symlinks: "/a/./b.db" and
 * "/a//b.db" name the same key as "/a/b.db", and that absolute path is
 * the item's `database` attribute.
 *
 * Keys are returned as #GBytes of exactly %PLC_KEYRING_KEY_SIZE bytes whose
 * memory is wiped when the last reference is dropped.
 *
 * Errors are in the %PLC_ERROR domain:
 *  - %PLC_ERROR_KEYRING_UNAVAILABLE: no Secret Service on the session bus
 *    (or no session bus at all);
 *  - %PLC_ERROR_KEYRING_LOCKED: the key (or, when there is none yet, the
 *    default collection that would hold it) is locked. These functions
 *    never ask the user to unlock the keyring;
 *  - %PLC_ERROR_KEYRING_NO_KEY: the keyring holds no key for the database;
 *  - %PLC_ERROR_FAILED: anything else, including a stored key that is not
 *    a valid key (it is then left alone, never replaced).
 * Cancellation is reported as %G_IO_ERROR_CANCELLED.
 *
 * The synchronous functions block on D-Bus: call them from a worker
 * thread, or use plc_keyring_ensure_key_async().
 */

GBytes   *plc_keyring_lookup_key        (const char           *database_path,
                                         GCancellable         *cancellable,
                                         GError              **error);
GBytes   *plc_keyring_ensure_key        (const char           *database_path,
                                         gboolean              create,
                                         GCancellable         *cancellable,
                                         GError              **error);
void      plc_keyring_ensure_key_async  (const char           *database_path,
                                         gboolean              create,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes   *plc_keyring_ensure_key_finish (GAsyncResult         *result,
                                         GError              **error);
char    **plc_keyring_list_databases    (GCancellable         *cancellable,
                                         GError              **error);
gboolean  plc_keyring_delete_key        (const char           *database_path,
                                         GCancellable         *cancellable,
                                         GError              **error);
char     *plc_keyring_key_to_hex        (GBytes               *key);
void      plc_keyring_hex_free          (char                 *hex);

G_END_DECLS
