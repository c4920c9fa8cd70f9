/* plc-pg-connection.h: a connection to a unit server (PostgreSQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/**
 * PlcPgAddress:
 *
 * Where a unit server is and how to reach it: a PostgreSQL connection URI
 * (`postgresql://user@host:port/database?sslmode=…&sslrootcert=…`, libpq's
 * syntax), checked and completed with the project's rules:
 *
 *  - it holds no password (the password lives in the keyring);
 *  - a server on another computer (a host that is neither a Unix socket
 *    directory nor the loopback) is only reached over TLS: `sslmode` is
 *    `verify-full` unless the URI says `require` or `verify-ca`; `disable`,
 *    `allow` and `prefer` are refused;
 *  - over TLS, `channel_binding=require` unless the URI says otherwise,
 *    so that the password is only ever proven with SCRAM-SHA-256, never
 *    sent; with libpq 16 or later `require_auth=scram-sha-256` too,
 *    whenever a password is given.
 *
 * Its user, host, port and database are those libpq will use (from the
 * URI, else the PG* environment, else libpq's defaults), and name the
 * server's password in the keyring.
 */
typedef struct _PlcPgAddress PlcPgAddress;

#define PLC_TYPE_PG_ADDRESS (plc_pg_address_get_type ())

GType         plc_pg_address_get_type      (void) G_GNUC_CONST;
gboolean      plc_pg_is_server_uri         (const char          *database);
PlcPgAddress *plc_pg_address_new           (const char          *uri,
                                            GError             **error);
PlcPgAddress *plc_pg_address_ref           (PlcPgAddress        *self);
void          plc_pg_address_unref         (PlcPgAddress        *self);
const char   *plc_pg_address_get_uri       (const PlcPgAddress  *self);
const char   *plc_pg_address_get_host      (const PlcPgAddress  *self);
const char   *plc_pg_address_get_port      (const PlcPgAddress  *self);
const char   *plc_pg_address_get_database  (const PlcPgAddress  *self);
const char   *plc_pg_address_get_user      (const PlcPgAddress  *self);
gboolean      plc_pg_address_is_local      (const PlcPgAddress  *self);
const char   *plc_pg_address_get_parameter (const PlcPgAddress  *self,
                                            const char          *keyword);
char         *plc_pg_address_describe      (const PlcPgAddress  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcPgAddress, plc_pg_address_unref)

#define PLC_TYPE_PG_CONNECTION (plc_pg_connection_get_type ())

G_DECLARE_FINAL_TYPE (PlcPgConnection, plc_pg_connection, PLC, PG_CONNECTION, GObject)

/* Opening */
PlcPgConnection *plc_pg_connection_open               (PlcPgAddress        *address,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
PlcPgConnection *plc_pg_connection_open_with_keyring  (PlcPgAddress        *address,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean         plc_pg_connection_reconnect          (PlcPgConnection     *self,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
PlcPgAddress    *plc_pg_connection_get_address        (PlcPgConnection     *self);
const char      *plc_pg_connection_get_user           (PlcPgConnection     *self);
int              plc_pg_connection_get_server_version (PlcPgConnection     *self);
gboolean         plc_pg_connection_get_tls            (PlcPgConnection     *self);
gboolean         plc_pg_connection_get_connected      (PlcPgConnection     *self);
PGconn          *plc_pg_connection_get_pgconn         (PlcPgConnection     *self);

/* Statements: parameters and results in libpq's text format */
PGresult        *plc_pg_connection_query              (PlcPgConnection     *self,
                                                       const char          *sql,
                                                       int                  n_params,
                                                       const char * const  *values,
                                                       const char          *what,
                                                       GError             **error);
PGresult        *plc_pg_connection_query_prepared     (PlcPgConnection     *self,
                                                       const char          *name,
                                                       const char          *sql,
                                                       int                  n_params,
                                                       const char * const  *values,
                                                       const char          *what,
                                                       GError             **error);
gboolean         plc_pg_connection_exec               (PlcPgConnection     *self,
                                                       const char          *script,
                                                       const char          *what,
                                                       GError             **error);

/* Transactions */
gboolean         plc_pg_connection_begin              (PlcPgConnection     *self,
                                                       GError             **error);
gboolean         plc_pg_connection_commit             (PlcPgConnection     *self,
                                                       GError             **error);
void             plc_pg_connection_rollback           (PlcPgConnection     *self);
gboolean         plc_pg_connection_in_transaction     (PlcPgConnection     *self);

/* Notifications */
gboolean         plc_pg_connection_listen             (PlcPgConnection     *self,
                                                       const char          *channel,
                                                       GError             **error);

/* Passwords */
char            *plc_pg_connection_encrypt_password   (PlcPgConnection     *self,
                                                       const char          *user,
                                                       const char          *password,
                                                       GError             **error);

/* Errors */
gboolean         plc_pg_set_error_from_result         (const PGresult      *result,
                                                       const char          *what,
                                                       GError             **error);

G_END_DECLS
