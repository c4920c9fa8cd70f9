/* plc-pg-password.h: the passwords of unit servers, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-pg-connection.h"

G_BEGIN_DECLS

/**
 * PLC_PG_PASSWORD_SCHEMA_NAME:
 *
 * The Secret Service schema of a unit server's password.  Each item
 * carries four attributes, those of plc_pg_address_get_host(),
 * _get_port(), _get_database() and _get_user(): `server`, `port`,
 * `database` and `user`; the secret is the password (`text/plain`).
 * The password is kept nowhere else.
 */
#define PLC_PG_PASSWORD_SCHEMA_NAME "se.placeringar.Placeringar.ServerPassword"

char     *plc_pg_password_lookup (PlcPgAddress  *address,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  plc_pg_password_store  (PlcPgAddress  *address,
                                  const char    *password,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  plc_pg_password_delete (PlcPgAddress  *address,
                                  gboolean      *out_found,
                                  GCancellable  *cancellable,
                                  GError       **error);
void      plc_pg_password_free   (char          *password);

typedef char PlcPgPassword;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcPgPassword, plc_pg_password_free)

G_END_DECLS
