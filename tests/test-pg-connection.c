/* test-pg-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlcPgAddress's rules, and PlcPgConnection, the server's passwords in
 * the keyring and plc-pg-server.c against a real PostgreSQL server with
 * TLS and a real keyring:
 *
 *   tests/session-run -- tests/pg/pg-run -- test-pg-connection --tap
 *
 * Without pg-run's environment only the tests that need no server run.
 */

#define G_LOG_DOMAIN "test-pg-connection"

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "plc-error.h"
#include "plc-pg-connection.h"
#include "plc-pg-password.h"
#include "plc-pg-server.h"

/* Nothing here should take long; a notification that does not come is a
 * failure, not a wait. */
#define WAIT_SECONDS 20

static const char *cw1_password = "cw1-Lösenord 1";
static const char *cw2_password = "cw2-Lösenord 2";

static gboolean
have_server (void)
{
  if (g_getenv ("PLC_PG_PORT") != NULL)
    return TRUE;

  g_test_skip ("no server: run under tests/pg/pg-run");
  return FALSE;
}

static char *
uri_for (const char *user,
         const char *extra)
{
  return g_strdup_printf ("postgresql://%s@localhost:%s/%s?sslmode=verify-full&sslrootcert=%s%s",
                          user, g_getenv ("PLC_PG_PORT"), g_getenv ("PLC_PG_DATABASE"),
                          g_getenv ("PLC_PG_CA"), extra != NULL ? extra : "");
}

static PlcPgAddress *
address_for (const char *user,
             const char *extra)
{
  g_autofree char *uri = uri_for (user, extra);
  g_autoptr(GError) error = NULL;
  PlcPgAddress *address;

  address = plc_pg_address_new (uri, &error);
  g_assert_no_error (error);

  return address;
}

static char *
owner_password (void)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_getenv ("PLC_PG_OWNER_PASSWORD_FILE"), &contents, NULL, &error);
  g_assert_no_error (error);

  return g_strchomp (contents);
}

static PlcPgConnection *
connect_as (const char *user,
            const char *password)
{
  g_autoptr(PlcPgAddress) address = address_for (user, NULL);
  g_autoptr(GError) error = NULL;
  PlcPgConnection *connection;

  connection = plc_pg_connection_open (address, password, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (PLC_IS_PG_CONNECTION (connection));

  return connection;
}

/* The server set up once for every test: two units, a caseworker in each */
static void
ensure_server (void)
{
  static gboolean done;
  g_autoptr(PlcPgConnection) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  const char * const u1[] = { "U1", NULL };
  const char * const u2[] = { "U2", NULL };

  if (done)
    return;

  password = owner_password ();
  owner = connect_as (g_getenv ("PLC_PG_OWNER"), password);
  plc_pg_server_init (owner, NULL, &error);
  g_assert_no_error (error);
  plc_pg_server_add_unit (owner, "U1", "Enhet ett", &error);
  g_assert_no_error (error);
  plc_pg_server_add_unit (owner, "U2", "Enhet två", &error);
  g_assert_no_error (error);
  plc_pg_server_add_user (owner, "cw1", "caseworker", u1, cw1_password, &error);
  g_assert_no_error (error);
  plc_pg_server_add_user (owner, "cw2", "caseworker", u2, cw2_password, &error);
  g_assert_no_error (error);

  done = TRUE;
}

static PGresult *
query (PlcPgConnection    *connection,
       const char         *sql,
       int                 n_params,
       const char * const *values)
{
  g_autoptr(GError) error = NULL;
  PGresult *result;

  result = plc_pg_connection_query (connection, sql, n_params, values, "testing", &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static char *
query_value (PlcPgConnection *connection,
             const char      *sql)
{
  g_autoptr(PGresult) result = query (connection, sql, 0, NULL);

  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* PlcPgAddress: no server needed */

static PlcPgAddress *
address_ok (const char *uri)
{
  g_autoptr(GError) error = NULL;
  PlcPgAddress *address = plc_pg_address_new (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (address);
  return address;
}

static void
address_refused (const char *uri,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcPgAddress) address = plc_pg_address_new (uri, &error);

  g_test_message ("%s: %s", uri, error != NULL ? error->message : "(accepted)");
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_null (address);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_address_remote (void)
{
  g_autoptr(PlcPgAddress) plain = address_ok ("postgresql://kim@db.example.org/placeringar");
  g_autoptr(PlcPgAddress) require = address_ok ("postgresql://kim@db.example.org:5433/placeringar?sslmode=require");
  g_autoptr(PlcPgAddress) verify_ca = address_ok ("postgres://kim@192.0.2.7/placeringar?sslmode=verify-ca&channel_binding=prefer");
  g_autofree char *described = plc_pg_address_describe (require);

  /* Unless the URI says otherwise: verify-full, with channel binding */
  g_assert_false (plc_pg_address_is_local (plain));
  g_assert_cmpstr (plc_pg_address_get_parameter (plain, "sslmode"), ==, "verify-full");
  g_assert_cmpstr (plc_pg_address_get_parameter (plain, "channel_binding"), ==, "require");
  g_assert_cmpstr (plc_pg_address_get_parameter (plain, "fallback_application_name"), ==, "placeringar");
  g_assert_cmpstr (plc_pg_address_get_parameter (plain, "connect_timeout"), ==, "10");
  g_assert_cmpstr (plc_pg_address_get_host (plain), ==, "db.example.org");
  g_assert_cmpstr (plc_pg_address_get_user (plain), ==, "kim");
  g_assert_cmpstr (plc_pg_address_get_database (plain), ==, "placeringar");

  g_assert_cmpstr (plc_pg_address_get_parameter (require, "sslmode"), ==, "require");
  g_assert_cmpstr (plc_pg_address_get_parameter (require, "channel_binding"), ==, "require");
  g_assert_cmpstr (plc_pg_address_get_port (require), ==, "5433");
  g_assert_cmpstr (described, ==, "kim@db.example.org:5433/placeringar");

  g_assert_cmpstr (plc_pg_address_get_parameter (verify_ca, "sslmode"), ==, "verify-ca");
  g_assert_cmpstr (plc_pg_address_get_parameter (verify_ca, "channel_binding"), ==, "prefer");

  /* Never in clear to another computer */
  address_refused ("postgresql://kim@db.example.org/placeringar?sslmode=disable", "sslmode=disable");
  address_refused ("postgresql://kim@db.example.org/placeringar?sslmode=allow", "sslmode=allow");
  address_refused ("postgresql://kim@db.example.org/placeringar?sslmode=prefer", "sslmode=prefer");
  address_refused ("postgresql://kim@localhost,db.example.org/placeringar?sslmode=prefer", "TLS");
  address_refused ("postgresql://kim@localhost/placeringar?hostaddr=192.0.2.1&sslmode=disable", "TLS");
}

static void
test_address_local (void)
{
  g_autoptr(PlcPgAddress) localhost = address_ok ("postgresql://kim@localhost/placeringar");
  g_autoptr(PlcPgAddress) loopback = address_ok ("postgresql://kim@127.0.0.1:5432/placeringar?sslmode=disable");
  g_autoptr(PlcPgAddress) ipv6 = address_ok ("postgresql://kim@[::1]/placeringar?sslmode=disable");
  g_autoptr(PlcPgAddress) socket = address_ok ("postgresql://kim@%2Fvar%2Frun%2Fpostgresql/placeringar");
  g_autoptr(PlcPgAddress) hostaddr = address_ok ("postgresql://kim@db.example.org/placeringar?hostaddr=127.0.0.1&sslmode=disable");
  g_autoptr(PlcPgAddress) tls = address_ok ("postgresql://kim@localhost/placeringar?sslmode=verify-full");

  g_assert_true (plc_pg_address_is_local (localhost));
  g_assert_null (plc_pg_address_get_parameter (localhost, "sslmode"));
  g_assert_null (plc_pg_address_get_parameter (localhost, "channel_binding"));
  g_assert_true (plc_pg_address_is_local (loopback));
  g_assert_true (plc_pg_address_is_local (ipv6));
  g_assert_true (plc_pg_address_is_local (socket));
  g_assert_cmpstr (plc_pg_address_get_host (socket), ==, "/var/run/postgresql");
  g_assert_true (plc_pg_address_is_local (hostaddr));
  /* Over TLS, channel binding even to the loopback */
  g_assert_cmpstr (plc_pg_address_get_parameter (tls, "channel_binding"), ==, "require");
}

static void
test_address_refused (void)
{
  g_assert_false (plc_pg_is_server_uri ("/home/kim/placeringar.db"));
  g_assert_false (plc_pg_is_server_uri ("host=db.example.org dbname=placeringar"));
  g_assert_false (plc_pg_is_server_uri (NULL));
  g_assert_true (plc_pg_is_server_uri ("postgres://kim@localhost/placeringar"));

  address_refused ("/home/kim/placeringar.db", "postgresql://");
  address_refused ("postgresql://kim:hemligt@db.example.org/placeringar", "password");
  address_refused ("postgresql://kim@db.example.org/placeringar?password=hemligt", "password");
  address_refused ("postgresql://kim@db.example.org/placeringar?colour=blue", "colour");
}

static void
test_address_defaults (void)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autofree char *old_user = g_strdup (g_getenv ("PGUSER"));
  g_autofree char *old_port = g_strdup (g_getenv ("PGPORT"));

  g_setenv ("PGUSER", "envuser", TRUE);
  g_setenv ("PGPORT", "6543", TRUE);
  address = address_ok ("postgresql://db.example.org");

  /* What libpq will use: the environment, and the user as the database */
  g_assert_cmpstr (plc_pg_address_get_user (address), ==, "envuser");
  g_assert_cmpstr (plc_pg_address_get_port (address), ==, "6543");
  g_assert_cmpstr (plc_pg_address_get_database (address), ==, "envuser");

  if (old_user != NULL)
    g_setenv ("PGUSER", old_user, TRUE);
  else
    g_unsetenv ("PGUSER");
  if (old_port != NULL)
    g_setenv ("PGPORT", old_port, TRUE);
  else
    g_unsetenv ("PGPORT");
}

/* Changes */

static void
test_change_parse (void)
{
  PlcPgChange change;

  g_assert_true (plc_pg_change_parse ("{\"type\":\"child\",\"id\":12,\"kind\":\"updated\"}", &change));
  g_assert_cmpstr (change.record_type, ==, "child");
  g_assert_cmpint (change.id, ==, 12);
  g_assert_cmpint (change.kind, ==, PLC_PG_CHANGE_UPDATED);
  plc_pg_change_clear (&change);

  g_assert_true (plc_pg_change_parse ("{\"type\":\"database\",\"id\":0,\"kind\":\"reset\"}", &change));
  g_assert_cmpint (change.kind, ==, PLC_PG_CHANGE_RESET);
  plc_pg_change_clear (&change);

  g_assert_false (plc_pg_change_parse ("", &change));
  g_assert_null (change.record_type);
  g_assert_false (plc_pg_change_parse (NULL, &change));
  g_assert_false (plc_pg_change_parse ("[1]", &change));
  g_assert_false (plc_pg_change_parse ("{\"type\":\"child\",\"id\":\"12\",\"kind\":\"updated\"}", &change));
  g_assert_false (plc_pg_change_parse ("{\"type\":\"child\",\"id\":12,\"kind\":\"exploded\"}", &change));
  g_assert_false (plc_pg_change_parse ("{\"type\":\"child\",\"kind\":\"updated\"}", &change));
  g_assert_null (change.record_type);
}

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_pg_check_unit_code ("IFO-BoU-Norr", NULL));
  g_assert_true (plc_pg_check_unit_code ("U1", NULL));
  g_assert_false (plc_pg_check_unit_code ("", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_false (plc_pg_check_unit_code ("-U1", NULL));
  g_assert_false (plc_pg_check_unit_code ("U 1", NULL));
  g_assert_false (plc_pg_check_unit_code ("Enhet_ÅÄÖ", NULL));
  g_assert_false (plc_pg_check_unit_code ("A123456789012345678901234567890123", NULL));

  g_assert_true (plc_pg_check_login ("kim.andersson", NULL));
  g_assert_true (plc_pg_check_login ("_svc", NULL));
  g_assert_false (plc_pg_check_login ("Kim", NULL));
  g_assert_false (plc_pg_check_login ("1kim", NULL));
  g_assert_false (plc_pg_check_login ("pg_monitor", NULL));
  g_assert_false (plc_pg_check_login ("placeringar_owner", NULL));
  g_assert_false (plc_pg_check_login ("kim; DROP ROLE x", NULL));
  g_assert_false (plc_pg_check_login ("", NULL));

  g_assert_true (plc_pg_check_role ("supervisor", NULL));
  g_assert_false (plc_pg_check_role ("owner", NULL));
  g_assert_false (plc_pg_check_role (NULL, NULL));
}

/* Connecting */

static void
test_open_errors (void)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  ensure_server ();

  /* A wrong password: said so, and the message does not hold it */
  address = address_for ("cw1", NULL);
  connection = plc_pg_connection_open (address, "not the password", NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_AUTH_FAILED);
  g_assert_null (connection);
  g_assert_nonnull (strstr (error->message, "cw1@localhost"));
  g_assert_null (strstr (error->message, "not the password"));
  g_clear_error (&error);

  /* An unknown user looks the same */
  g_clear_pointer (&address, plc_pg_address_unref);
  address = address_for ("nobody_here", NULL);
  connection = plc_pg_connection_open (address, "x", NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_AUTH_FAILED);
  g_clear_error (&error);

  /* No password where the server asks for one */
  g_clear_pointer (&address, plc_pg_address_unref);
  address = address_for ("cw1", NULL);
  connection = plc_pg_connection_open (address, NULL, NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY);
  g_clear_error (&error);

  /* No such database */
  {
    g_autofree char *uri = g_strdup_printf ("postgresql://cw1@localhost:%s/nodb?sslmode=verify-full&sslrootcert=%s",
                                            g_getenv ("PLC_PG_PORT"), g_getenv ("PLC_PG_CA"));

    g_clear_pointer (&address, plc_pg_address_unref);
    address = plc_pg_address_new (uri, &error);
    g_assert_no_error (error);
    connection = plc_pg_connection_open (address, cw1_password, NULL, &error);
    g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The server's certificate checked against another authority */
  g_clear_pointer (&address, plc_pg_address_unref);
  {
    g_autofree char *uri = g_strdup_printf ("postgresql://cw1@localhost:%s/%s?sslmode=verify-full&sslrootcert=%s",
                                            g_getenv ("PLC_PG_PORT"), g_getenv ("PLC_PG_DATABASE"),
                                            "/etc/ssl/certs/ca-certificates.crt");

    address = plc_pg_address_new (uri, &error);
    g_assert_no_error (error);
    connection = plc_pg_connection_open (address, cw1_password, NULL, &error);
    g_test_message ("%s", error != NULL ? error->message : "(connected)");
    g_assert_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE);
    g_assert_nonnull (strstr (error->message, "certificate"));
    g_clear_error (&error);
  }

  /* Without TLS over TCP: pg_hba.conf says no */
  g_clear_pointer (&address, plc_pg_address_unref);
  {
    g_autofree char *uri = g_strdup_printf ("postgresql://cw1@localhost:%s/%s?sslmode=disable",
                                            g_getenv ("PLC_PG_PORT"), g_getenv ("PLC_PG_DATABASE"));

    address = plc_pg_address_new (uri, &error);
    g_assert_no_error (error);
    connection = plc_pg_connection_open (address, cw1_password, NULL, &error);
    g_test_message ("%s", error->message);
    g_assert_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED);
    /* The server's reason, without libpq's severity and SQLSTATE */
    g_assert_nonnull (strstr (error->message, ": pg_hba.conf rejects connection"));
    g_assert_null (strstr (error->message, "28000"));
    g_clear_error (&error);
  }
}

static void
test_open_unreachable (void)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint16 port;

  /* A port nobody listens on: taken, then let go */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  uri = g_strdup_printf ("postgresql://cw1@127.0.0.1:%u/placeringar?sslmode=require", port);
  address = plc_pg_address_new (uri, &error);
  g_assert_no_error (error);
  connection = plc_pg_connection_open (address, "x", NULL, &error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "Could not reach the server"));
  g_assert_null (connection);
}

static void
test_open_cancelled (void)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  ensure_server ();

  address = address_for ("cw1", NULL);
  g_cancellable_cancel (cancellable);
  connection = plc_pg_connection_open (address, cw1_password, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (connection);
}

static void
test_tls (void)
{
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autofree char *ssl = NULL;
  g_autofree char *method = NULL;

  if (!have_server ())
    return;
  ensure_server ();

  connection = connect_as ("cw1", cw1_password);
  g_assert_true (plc_pg_connection_get_tls (connection));
  g_assert_true (plc_pg_connection_get_connected (connection));
  g_assert_cmpstr (plc_pg_connection_get_user (connection), ==, "cw1");
  g_assert_cmpint (plc_pg_connection_get_server_version (connection), >=, 150000);

  ssl = query_value (connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid ()");
  g_assert_cmpstr (ssl, ==, "t");
  /* channel_binding=require: the server proved SCRAM-SHA-256-PLUS */
  g_assert_cmpstr (plc_pg_address_get_parameter (plc_pg_connection_get_address (connection),
                                                 "channel_binding"), ==, "require");
  method = query_value (connection, "SELECT session_user");
  g_assert_cmpstr (method, ==, "cw1");
}

/* Statements and errors */

static void
test_statements (void)
{
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *insert = "INSERT INTO children (ref, unit_code, name) VALUES ($1, $2, $3) RETURNING id, version";
  const char *values[] = { "child-stmt-1", "U1", NULL };
  g_autofree char *id = NULL;

  if (!have_server ())
    return;
  ensure_server ();

  connection = connect_as ("cw1", cw1_password);

  /* Prepared once, run twice; NULL is NULL */
  result = plc_pg_connection_query_prepared (connection, "insert-child", insert, 3, values, "saving", &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (result), ==, 1);
  g_assert_cmpstr (PQgetvalue (result, 0, 1), ==, "1");
  id = g_strdup (PQgetvalue (result, 0, 0));
  g_clear_pointer (&result, PQclear);

  values[0] = "child-stmt-2";
  result = plc_pg_connection_query_prepared (connection, "insert-child", insert, 3, values, "saving", &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, PQclear);

  result = query (connection, "SELECT count(*) FROM children WHERE ref LIKE 'child-stmt-%' AND name IS NULL", 0, NULL);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "2");
  g_clear_pointer (&result, PQclear);

  /* The ref twice: refused, as invalid */
  result = plc_pg_connection_query_prepared (connection, "insert-child", insert, 3, values, "saving", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "saving"));
  g_assert_null (result);
  g_clear_error (&error);

  /* Another unit: not allowed */
  values[0] = "child-stmt-3";
  values[1] = "U2";
  result = plc_pg_connection_query_prepared (connection, "insert-child", insert, 3, values, "saving", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* A stale version: the project's stale-save error */
  {
    const char *update = "UPDATE children SET name = $2, version = $3 WHERE id = $1 RETURNING version";
    const char *fresh[] = { id, "Namn", "1" };

    result = plc_pg_connection_query (connection, update, 3, fresh, "saving the child", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "2");
    g_clear_pointer (&result, PQclear);

    result = plc_pg_connection_query (connection, update, 3, fresh, "saving the child", &error);
    g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);
    g_assert_nonnull (strstr (error->message, "saving the child"));
    g_assert_null (result);
    g_clear_error (&error);
  }

  /* A record of another unit is not found */
  result = plc_pg_connection_query (connection, "SELECT placeringar.record_opened ('child', -1)", 0, NULL,
                                    "opening", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Anything else: the store failed */
  result = plc_pg_connection_query (connection, "SELEKT 1", 0, NULL, "reading", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STORE);
  g_clear_error (&error);

  /* Still usable after errors */
  g_assert_true (plc_pg_connection_exec (connection, "SELECT 1; SELECT 2", "reading", &error));
  g_assert_no_error (error);
}

static void
test_transactions (void)
{
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  const char *insert = "INSERT INTO children (ref, unit_code) VALUES ($1, 'U1')";
  const char *values[1];

  if (!have_server ())
    return;
  ensure_server ();

  connection = connect_as ("cw1", cw1_password);

  /* Rolled back: nothing */
  g_assert_true (plc_pg_connection_begin (connection, &error));
  g_assert_true (plc_pg_connection_in_transaction (connection));
  values[0] = "child-tx-1";
  result = plc_pg_connection_query (connection, insert, 1, values, "saving", &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, PQclear);
  plc_pg_connection_rollback (connection);
  g_assert_false (plc_pg_connection_in_transaction (connection));

  /* Committed: there */
  g_assert_true (plc_pg_connection_begin (connection, &error));
  values[0] = "child-tx-2";
  result = plc_pg_connection_query (connection, insert, 1, values, "saving", &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, PQclear);
  g_assert_true (plc_pg_connection_commit (connection, &error));
  g_assert_no_error (error);

  /* A failure in the middle: commit says so, and nothing of it is kept */
  g_assert_true (plc_pg_connection_begin (connection, &error));
  values[0] = "child-tx-3";
  result = plc_pg_connection_query (connection, insert, 1, values, "saving", &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, PQclear);
  values[0] = "child-tx-2";
  result = plc_pg_connection_query (connection, insert, 1, values, "saving", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plc_pg_connection_commit (connection, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STORE);
  g_clear_error (&error);
  g_assert_false (plc_pg_connection_in_transaction (connection));

  count = query_value (connection, "SELECT string_agg (ref, ',' ORDER BY ref) FROM children WHERE ref LIKE 'child-tx-%'");
  g_assert_cmpstr (count, ==, "child-tx-2");
}

/* Notifications */

typedef struct
{
  GPtrArray *payloads;
  guint      wanted;
  gboolean   lost;
} Listener;

static void
on_notification (PlcPgConnection *connection,
                 const char      *channel,
                 const char      *payload,
                 gpointer         user_data)
{
  Listener *listener = user_data;

  g_assert_cmpstr (channel, ==, PLC_PG_CHANGES_CHANNEL);
  g_ptr_array_add (listener->payloads, g_strdup (payload));
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds, failing after WAIT_SECONDS */
static void
wait_until (gboolean (*condition) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %d s in vain", WAIT_SECONDS);
  g_source_remove (timeout);
}

static gboolean
has_wanted (gpointer data)
{
  Listener *listener = data;

  return listener->payloads->len >= listener->wanted;
}

static gboolean
is_disconnected (gpointer data)
{
  return !plc_pg_connection_get_connected (data);
}

static void
assert_change (const char      *payload,
               const char      *type,
               const char      *id,
               PlcPgChangeKind  kind)
{
  PlcPgChange change;

  g_test_message ("%s", payload);
  g_assert_true (plc_pg_change_parse (payload, &change));
  g_assert_cmpstr (change.record_type, ==, type);
  if (id != NULL)
    g_assert_cmpint (change.id, ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpint (change.kind, ==, kind);
  plc_pg_change_clear (&change);
}

static void
test_notifications (void)
{
  g_autoptr(PlcPgConnection) listening = NULL;
  g_autoptr(PlcPgConnection) writing = NULL;
  g_autoptr(PlcPgConnection) other_unit = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  Listener listener = { payloads, 0, FALSE };

  if (!have_server ())
    return;
  ensure_server ();

  listening = connect_as ("cw1", cw1_password);
  writing = connect_as ("cw1", cw1_password);
  other_unit = connect_as ("cw2", cw2_password);
  g_signal_connect (listening, "notification", G_CALLBACK (on_notification), &listener);
  g_assert_true (plc_pg_connection_listen (listening, PLC_PG_CHANGES_CHANNEL, &error));
  g_assert_no_error (error);

  /* A transaction of two records: two notifications, at the commit */
  g_assert_true (plc_pg_connection_begin (writing, &error));
  result = query (writing, "INSERT INTO children (ref, unit_code, name) VALUES ('child-n', 'U1', 'Hemlig Person') RETURNING id", 0, NULL);
  id = g_strdup (PQgetvalue (result, 0, 0));
  g_clear_pointer (&result, PQclear);
  result = query (writing, "INSERT INTO placements (ref, child_id) SELECT 'pl-n', id FROM children WHERE ref = 'child-n'", 0, NULL);
  g_clear_pointer (&result, PQclear);
  g_assert_true (plc_pg_connection_commit (writing, &error));

  listener.wanted = 2;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 0), "child", id, PLC_PG_CHANGE_CREATED);
  assert_change (g_ptr_array_index (payloads, 1), "placement", NULL, PLC_PG_CHANGE_CREATED);

  /* Updated, deleted, undeleted */
  g_clear_pointer (&result, PQclear);
  result = query (writing, "UPDATE children SET name = 'Annan Person' WHERE ref = 'child-n'", 0, NULL);
  g_clear_pointer (&result, PQclear);
  result = query (writing, "UPDATE children SET deleted = true WHERE ref = 'child-n'", 0, NULL);
  g_clear_pointer (&result, PQclear);
  result = query (writing, "UPDATE children SET deleted = false WHERE ref = 'child-n'", 0, NULL);
  listener.wanted = 5;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 2), "child", id, PLC_PG_CHANGE_UPDATED);
  assert_change (g_ptr_array_index (payloads, 3), "child", id, PLC_PG_CHANGE_DELETED);
  assert_change (g_ptr_array_index (payloads, 4), "child", id, PLC_PG_CHANGE_UNDELETED);

  /* Another unit's change comes too (LISTEN is not filtered), with
   * nothing but its type, id and kind */
  g_clear_pointer (&result, PQclear);
  result = query (other_unit, "INSERT INTO children (ref, unit_code, name, personnummer) VALUES ('child-n2', 'U2', 'Hemlig Person', '20120315-2424')", 0, NULL);
  listener.wanted = 6;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 5), "child", NULL, PLC_PG_CHANGE_CREATED);
  for (guint i = 0; i < payloads->len; i++)
    {
      const char *payload = g_ptr_array_index (payloads, i);

      g_assert_null (strstr (payload, "Hemlig"));
      g_assert_null (strstr (payload, "Person"));
      g_assert_null (strstr (payload, "20120315"));
      g_assert_null (strstr (payload, "child-n"));
    }

  /* A rolled-back transaction: nothing */
  g_assert_true (plc_pg_connection_begin (writing, &error));
  g_clear_pointer (&result, PQclear);
  result = query (writing, "INSERT INTO contacts (ref, unit_code, name) VALUES ('co-rolled-back', 'U1', 'X')", 0, NULL);
  plc_pg_connection_rollback (writing);

  /* More than 1000 in one transaction: 1000, then one reset */
  g_clear_pointer (&result, PQclear);
  result = query (writing,
                  "INSERT INTO contacts (ref, unit_code) SELECT 'co-many-' || n, 'U1' FROM generate_series (1, 1500) n",
                  0, NULL);
  listener.wanted = 6 + 1001;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 6), "contact", NULL, PLC_PG_CHANGE_CREATED);
  assert_change (g_ptr_array_index (payloads, 6 + 999), "contact", NULL, PLC_PG_CHANGE_CREATED);
  assert_change (g_ptr_array_index (payloads, 6 + 1000), "database", "0", PLC_PG_CHANGE_RESET);

  /* And then single ones again, in the next transaction */
  g_clear_pointer (&result, PQclear);
  result = query (writing, "UPDATE contacts SET name = 'Y' WHERE ref = 'co-many-1'", 0, NULL);
  listener.wanted = 6 + 1002;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 6 + 1001), "contact", NULL, PLC_PG_CHANGE_UPDATED);
  g_assert_cmpuint (payloads->len, ==, 6 + 1002);
}

/* The server restarted under a connection */

static void
run_pg_ctl (const char *action)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("PLC_PG_CTL"), action, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
test_reconnect (void)
{
  g_autoptr(PlcPgConnection) listening = NULL;
  g_autoptr(PlcPgConnection) editing = NULL;
  g_autoptr(PlcPgConnection) writing = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *found = NULL;
  Listener listener = { payloads, 0, FALSE };

  if (!have_server ())
    return;
  ensure_server ();

  listening = connect_as ("cw1", cw1_password);
  editing = connect_as ("cw1", cw1_password);
  g_signal_connect (listening, "notification", G_CALLBACK (on_notification), &listener);
  g_assert_true (plc_pg_connection_listen (listening, PLC_PG_CHANGES_CHANNEL, &error));

  /* In the middle of an edit */
  g_assert_true (plc_pg_connection_begin (editing, &error));
  result = query (editing, "INSERT INTO children (ref, unit_code) VALUES ('child-restart', 'U1')", 0, NULL);
  g_clear_pointer (&result, PQclear);

  run_pg_ctl ("restart");

  /* The listener finds out by itself */
  wait_until (is_disconnected, listening);

  /* The edit's commit fails: lost, and nothing of it was written */
  g_assert_false (plc_pg_connection_commit (editing, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_false (plc_pg_connection_get_connected (editing));

  result = plc_pg_connection_query (editing, "SELECT 1", 0, NULL, "reading", &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE);
  g_assert_null (result);
  g_clear_error (&error);

  /* Both come back */
  g_assert_true (plc_pg_connection_reconnect (editing, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plc_pg_connection_get_connected (editing));
  g_assert_true (plc_pg_connection_reconnect (listening, NULL, &error));
  g_assert_no_error (error);

  found = query_value (editing, "SELECT count(*) FROM children WHERE ref = 'child-restart'");
  g_assert_cmpstr (found, ==, "0");

  /* Prepared statements are prepared again in the new session */
  result = plc_pg_connection_query_prepared (editing, "count", "SELECT count(*) FROM children", 0, NULL,
                                             "reading", &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, PQclear);

  /* And the listener listens again */
  writing = connect_as ("cw1", cw1_password);
  result = query (writing, "INSERT INTO children (ref, unit_code) VALUES ('child-after-restart', 'U1')", 0, NULL);
  listener.wanted = 1;
  wait_until (has_wanted, &listener);
  assert_change (g_ptr_array_index (payloads, 0), "child", NULL, PLC_PG_CHANGE_CREATED);

  /* A server that stays down */
  run_pg_ctl ("stop");
  g_assert_false (plc_pg_connection_reconnect (editing, NULL, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE);
  g_clear_error (&error);
  run_pg_ctl ("start");
  g_assert_true (plc_pg_connection_reconnect (editing, NULL, &error));
  g_assert_no_error (error);
}

/* The keyring */

static void
test_keyring (void)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcPgPassword) password = NULL;
  gboolean found = FALSE;
  static const SecretSchema schema = {
    .name = PLC_PG_PASSWORD_SCHEMA_NAME,
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  if (!have_server ())
    return;
  if (g_getenv ("PLC_SESSION_DIR") == NULL)
    {
      g_test_skip ("no keyring: run under tests/session-run");
      return;
    }
  ensure_server ();

  address = address_for ("cw1", NULL);

  /* Nothing kept: the server asks, and the message says to log in */
  password = plc_pg_password_lookup (address, NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY);
  g_assert_nonnull (strstr (error->message, "log in"));
  g_clear_error (&error);
  connection = plc_pg_connection_open_with_keyring (address, NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY);
  g_clear_error (&error);

  g_assert_true (plc_pg_password_store (address, cw1_password, NULL, &error));
  g_assert_no_error (error);

  /* Under the four attributes, read straight from libsecret */
  {
    g_autofree char *stored = NULL;

    stored = secret_password_lookup_sync (&schema, NULL, &error,
                                          "server", "localhost",
                                          "port", g_getenv ("PLC_PG_PORT"),
                                          "database", g_getenv ("PLC_PG_DATABASE"),
                                          "user", "cw1",
                                          NULL);
    g_assert_no_error (error);
    g_assert_cmpstr (stored, ==, cw1_password);
  }

  password = plc_pg_password_lookup (address, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, cw1_password);

  connection = plc_pg_connection_open_with_keyring (address, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_pg_connection_get_user (connection), ==, "cw1");
  g_clear_object (&connection);

  /* Another user on the same server has a password of their own */
  {
    g_autoptr(PlcPgAddress) other = address_for ("cw2", NULL);
    g_autoptr(PlcPgPassword) none = plc_pg_password_lookup (other, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY);
    g_clear_error (&error);
  }

  g_assert_true (plc_pg_password_delete (address, &found, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_true (plc_pg_password_delete (address, &found, NULL, &error));
  g_assert_false (found);
  g_clear_pointer (&password, plc_pg_password_free);
  password = plc_pg_password_lookup (address, NULL, &error);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY);
}

/* Administration */

static void
test_server_admin (void)
{
  g_autoptr(PlcPgConnection) owner = NULL;
  g_autoptr(PlcPgConnection) caseworker = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *verifier = NULL;
  const char * const none[] = { NULL };
  int old_version = -1;

  if (!have_server ())
    return;
  ensure_server ();

  password = owner_password ();
  owner = connect_as (g_getenv ("PLC_PG_OWNER"), password);
  caseworker = connect_as ("cw1", cw1_password);

  g_assert_cmpint (plc_pg_server_get_schema_version (owner, &error), ==,
                   plc_pg_server_get_latest_schema_version ());
  g_assert_true (plc_pg_server_init (owner, &old_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (old_version, ==, plc_pg_server_get_latest_schema_version ());

  /* Only the database's owner sets it up */
  g_assert_false (plc_pg_server_init (caseworker, NULL, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (plc_pg_connection_in_transaction (caseworker));

  units = plc_pg_server_list_units (caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (((PlcPgUnit *) g_ptr_array_index (units, 1))->name, ==, "Enhet två");

  g_assert_false (plc_pg_server_add_unit (owner, "U1", "Igen", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plc_pg_server_add_unit (owner, "U9", "  ", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plc_pg_server_add_unit (caseworker, "U9", "Nio", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_false (plc_pg_server_add_user (caseworker, "cw9", "caseworker", (const char * const[]) { "U1", NULL }, "x", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (plc_pg_server_add_user (owner, "adm9", "admin", (const char * const[]) { "U1", NULL }, "x", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  /* Without a password: the role cannot log in until given one */
  g_assert_true (plc_pg_server_add_user (owner, "adm9", "admin", none, NULL, &error));
  g_assert_no_error (error);
  users = plc_pg_server_list_users (owner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PlcPgUser *) g_ptr_array_index (users, 0))->login, ==, "adm9");
  g_assert_cmpuint (g_strv_length (((PlcPgUser *) g_ptr_array_index (users, 0))->units), ==, 0);

  g_assert_false (plc_pg_server_remove_user (owner, g_getenv ("PLC_PG_OWNER"), &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plc_pg_server_remove_user (owner, "adm9", &error));
  g_assert_no_error (error);
  g_assert_false (plc_pg_server_remove_user (owner, "adm9", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  verifier = plc_pg_connection_encrypt_password (owner, "kim", "hemligt", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (verifier, "SCRAM-SHA-256$"));
  g_assert_null (strstr (verifier, "hemligt"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg/address/remote", test_address_remote);
  g_test_add_func ("/pg/address/local", test_address_local);
  g_test_add_func ("/pg/address/refused", test_address_refused);
  g_test_add_func ("/pg/address/defaults", test_address_defaults);
  g_test_add_func ("/pg/change/parse", test_change_parse);
  g_test_add_func ("/pg/server/checks", test_checks);
  g_test_add_func ("/pg/connection/unreachable", test_open_unreachable);
  g_test_add_func ("/pg/connection/errors", test_open_errors);
  g_test_add_func ("/pg/connection/cancelled", test_open_cancelled);
  g_test_add_func ("/pg/connection/tls", test_tls);
  g_test_add_func ("/pg/connection/statements", test_statements);
  g_test_add_func ("/pg/connection/transactions", test_transactions);
  g_test_add_func ("/pg/connection/notifications", test_notifications);
  g_test_add_func ("/pg/connection/reconnect", test_reconnect);
  g_test_add_func ("/pg/password/keyring", test_keyring);
  g_test_add_func ("/pg/server/admin", test_server_admin);

  return g_test_run ();
}
