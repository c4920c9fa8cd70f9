/* plc-pg-connection.c: a connection to a unit server (PostgreSQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small wrapper around libpq, the size of Epiphany's SQLite connection:
 * opening (with the keyring's password and the TLS rules of PlcPgAddress),
 * statements (prepared once per connection), transactions, LISTEN, and
 * errors mapped into the PLC_ERROR domain.  The SQL itself stays with the
 * PostgreSQL store and plc-pg-server.c.
 *
 * A connection is used from one thread at a time.  One that LISTENs
 * delivers its notifications in the thread-default main context of the
 * thread that called plc_pg_connection_listen(), and should be used for
 * nothing else.
 *
 * Messages never hold row values: only the server's primary message
 * (names of tables, constraints and roles), never its DETAIL, which may
 * quote a row.
 */

#define G_LOG_DOMAIN "plc-pg-connection"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "plc-error.h"
#include "plc-pg-connection.h"
#include "plc-pg-password.h"

#define DEFAULT_CONNECT_TIMEOUT_SECONDS 10

/* The SQLSTATEs of the unit server's own errors (pg/migration-*.sql) */
#define SQLSTATE_STALE          "PLC01"
#define SQLSTATE_OTHER_UNIT     "PLC02"
#define SQLSTATE_APPEND_ONLY    "PLC03"
#define SQLSTATE_INVALID        "PLC04"
#define SQLSTATE_NO_UNIT        "PLC05"

/* PlcPgAddress */

struct _PlcPgAddress
{
  gatomicrefcount  ref_count;
  char            *uri;
  char            *host;
  char            *port;
  char            *database;
  char            *user;
  gboolean         local;
  /* What libpq is given: what the URI says, and the rules' additions */
  GPtrArray       *keywords;
  GPtrArray       *values;
};

G_DEFINE_BOXED_TYPE (PlcPgAddress, plc_pg_address, plc_pg_address_ref, plc_pg_address_unref)

/**
 * plc_pg_is_server_uri:
 * @database: what `--database` or the settings name
 *
 * Returns: whether @database is a PostgreSQL connection URI
 *   (`postgresql://` or `postgres://`) rather than the path of a file
 */
gboolean
plc_pg_is_server_uri (const char *database)
{
  return database != NULL &&
         (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"));
}

PlcPgAddress *
plc_pg_address_ref (PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
plc_pg_address_unref (PlcPgAddress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->uri);
  g_free (self->host);
  g_free (self->port);
  g_free (self->database);
  g_free (self->user);
  g_ptr_array_unref (self->keywords);
  g_ptr_array_unref (self->values);
  g_free (self);
}

static const char *
find_option (PQconninfoOption *options,
             const char       *keyword)
{
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (g_str_equal (o->keyword, keyword))
        return o->val != NULL && o->val[0] != '\0' ? o->val : NULL;
    }

  return NULL;
}

/* Whether one entry of a host (or hostaddr) list stays on this computer:
 * the default socket, a socket directory, localhost or a loopback address. */
static gboolean
host_is_local (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host[0] == '\0' || host[0] == '/' || host[0] == '@')
    return TRUE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
hosts_are_local (const char *host,
                 const char *hostaddr)
{
  g_auto(GStrv) hosts = g_strsplit (host != NULL ? host : "", ",", -1);
  g_auto(GStrv) addresses = g_strsplit (hostaddr != NULL ? hostaddr : "", ",", -1);
  guint n = MAX (g_strv_length (hosts), g_strv_length (addresses));

  for (guint i = 0; i < MAX (n, 1); i++)
    {
      const char *h = i < g_strv_length (hosts) ? hosts[i] : "";
      const char *a = i < g_strv_length (addresses) ? addresses[i] : "";

      /* libpq connects to hostaddr when it is given, and uses host only
       * to check the certificate. */
      if (!host_is_local (a[0] != '\0' ? a : h))
        return FALSE;
    }

  return TRUE;
}

static void
add_parameter (PlcPgAddress *self,
               const char   *keyword,
               const char   *value)
{
  for (guint i = 0; i < self->keywords->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->keywords, i), keyword))
        {
          g_free (self->values->pdata[i]);
          self->values->pdata[i] = g_strdup (value);
          return;
        }
    }

  g_ptr_array_add (self->keywords, g_strdup (keyword));
  g_ptr_array_add (self->values, g_strdup (value));
}

/**
 * plc_pg_address_new:
 * @uri: a PostgreSQL connection URI
 * @error: return location for a #GError
 *
 * Checks @uri against the rules described at #PlcPgAddress; refuses it
 * with %PLC_ERROR_INVALID saying why.  Nothing is connected to.
 *
 * Returns: (transfer full): the address
 */
PlcPgAddress *
plc_pg_address_new (const char  *uri,
                    GError     **error)
{
  g_autoptr(PlcPgAddress) self = NULL;
  PQconninfoOption *options = NULL;
  PQconninfoOption *defaults = NULL;
  char *parse_error = NULL;
  const char *sslmode;
  const char *value;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plc_pg_is_server_uri (uri))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Not a server address: it must start with “postgresql://”"));
      return NULL;
    }

  options = PQconninfoParse (uri, &parse_error);
  if (options == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (parse_error != NULL ? parse_error : ""));

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is libpq's (English) description of the problem */
                   _("Not a valid server address: %s"), message);
      PQfreemem (parse_error);
      return NULL;
    }

  if (find_option (options, "password") != NULL)
    {
      PQconninfoFree (options);
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The server address must not hold a password: it is kept in the keyring "
                             "when you log in (placeringar-cli login)."));
      return NULL;
    }

  self = g_new0 (PlcPgAddress, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->uri = g_strdup (uri);
  self->keywords = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val != NULL)
        add_parameter (self, o->keyword, o->val);
    }

  self->local = hosts_are_local (find_option (options, "host"), find_option (options, "hostaddr"));
  sslmode = find_option (options, "sslmode");

  if (!self->local)
    {
      if (sslmode == NULL)
        {
          sslmode = "verify-full";
          add_parameter (self, "sslmode", sslmode);
        }
      else if (!g_str_equal (sslmode, "require") && !g_str_equal (sslmode, "verify-ca") &&
               !g_str_equal (sslmode, "verify-full"))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: do not translate sslmode, require, verify-ca, verify-full */
                       _("A server on another computer is only reached over TLS: “sslmode=%s” is not "
                         "allowed. Leave sslmode out (it is then verify-full), or give require, "
                         "verify-ca or verify-full."),
                       sslmode);
          PQconninfoFree (options);
          return NULL;
        }
    }

  if (sslmode != NULL &&
      (g_str_equal (sslmode, "require") || g_str_equal (sslmode, "verify-ca") ||
       g_str_equal (sslmode, "verify-full")) &&
      find_option (options, "channel_binding") == NULL)
    add_parameter (self, "channel_binding", "require");

  if (find_option (options, "connect_timeout") == NULL)
    add_parameter (self, "connect_timeout", G_STRINGIFY (DEFAULT_CONNECT_TIMEOUT_SECONDS));
  add_parameter (self, "fallback_application_name", "placeringar");

  /* Who and where, as libpq will work it out: the URI, else the PG*
   * environment and libpq's defaults. */
  defaults = PQconndefaults ();

  value = find_option (options, "host");
  if (value == NULL)
    value = find_option (defaults, "host");
  self->host = g_strdup (value != NULL ? value : "");

  value = find_option (options, "port");
  if (value == NULL)
    value = find_option (defaults, "port");
  self->port = g_strdup (value != NULL ? value : "5432");

  value = find_option (options, "user");
  if (value == NULL)
    value = find_option (defaults, "user");
  self->user = g_strdup (value != NULL ? value : g_get_user_name ());

  value = find_option (options, "dbname");
  if (value == NULL)
    value = find_option (defaults, "dbname");
  self->database = g_strdup (value != NULL ? value : self->user);

  PQconninfoFree (defaults);
  PQconninfoFree (options);

  g_ptr_array_add (self->keywords, NULL);
  g_ptr_array_add (self->values, NULL);

  return g_steal_pointer (&self);
}

const char *
plc_pg_address_get_uri (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

/**
 * plc_pg_address_get_host:
 * @self: a #PlcPgAddress
 *
 * Returns: the host as libpq will use it (a name, an address, a socket
 *   directory, or a comma-separated list of them); "" for libpq's default
 *   socket
 */
const char *
plc_pg_address_get_host (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->host;
}

const char *
plc_pg_address_get_port (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->port;
}

const char *
plc_pg_address_get_database (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->database;
}

const char *
plc_pg_address_get_user (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->user;
}

/**
 * plc_pg_address_is_local:
 * @self: a #PlcPgAddress
 *
 * Returns: whether every host of @self is a Unix socket or the loopback
 */
gboolean
plc_pg_address_is_local (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->local;
}

/**
 * plc_pg_address_get_parameter:
 * @self: a #PlcPgAddress
 * @keyword: a libpq connection parameter, such as `sslmode`
 *
 * Returns: (nullable): the value libpq is given for @keyword, after the
 *   rules; %NULL when it is left to libpq
 */
const char *
plc_pg_address_get_parameter (const PlcPgAddress *self,
                              const char         *keyword)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keyword != NULL, NULL);

  for (guint i = 0; g_ptr_array_index (self->keywords, i) != NULL; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->keywords, i), keyword))
        return g_ptr_array_index (self->values, i);
    }

  return NULL;
}

/**
 * plc_pg_address_describe:
 * @self: a #PlcPgAddress
 *
 * Returns: (transfer full): `user@host:port/database`, for messages
 */
char *
plc_pg_address_describe (const PlcPgAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s@%s:%s/%s", self->user,
                          self->host[0] != '\0' ? self->host : "localhost",
                          self->port, self->database);
}

/* PlcPgConnection */

struct _PlcPgConnection
{
  GObject       parent_instance;

  PlcPgAddress *address;
  PGconn       *conn;
  gboolean      connected;

  /* Prepared statements of this session: name → SQL */
  GHashTable   *prepared;
  /* LISTENed channels, again after a reconnection */
  GPtrArray    *channels;
  GSource      *watch;
  GMainContext *watch_context;
};

G_DEFINE_FINAL_TYPE (PlcPgConnection, plc_pg_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  NOTIFICATION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
stop_watching (PlcPgConnection *self)
{
  if (self->watch != NULL)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
}

static void
plc_pg_connection_finalize (GObject *object)
{
  PlcPgConnection *self = (PlcPgConnection *)object;

  stop_watching (self);
  g_clear_pointer (&self->watch_context, g_main_context_unref);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->address, plc_pg_address_unref);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_pg_connection_parent_class)->finalize (object);
}

static void
plc_pg_connection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlcPgConnection *self = PLC_PG_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_pg_connection_class_init (PlcPgConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_pg_connection_finalize;
  object_class->get_property = plc_pg_connection_get_property;

  /**
   * PlcPgConnection:connected:
   *
   * Whether the connection is up.  It turns %FALSE when a statement or
   * the watch for notifications finds the connection lost, and %TRUE
   * again after plc_pg_connection_reconnect().
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcPgConnection::notification:
   * @self: the connection
   * @channel: the channel
   * @payload: the payload ("" when none)
   *
   * A NOTIFY on a channel the connection LISTENs to, committed by any
   * session (this one's too).
   */
  signals[NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
plc_pg_connection_init (PlcPgConnection *self)
{
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->channels = g_ptr_array_new_with_free_func (g_free);
}

static void
set_connected (PlcPgConnection *self,
               gboolean         connected)
{
  if (self->connected == connected)
    return;

  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

/* Where the SQLSTATE is in a message written with PQERRORS_VERBOSE
 * while connecting ("…failed: FATAL:  28P01: password authentication
 * failed…"), or NULL.  The severity before it may be translated. */
static const char *
find_sqlstate (const char *message)
{
  for (const char *p = strstr (message, ":  "); p != NULL; p = strstr (p + 1, ":  "))
    {
      const char *code = p + 3;
      gboolean ok = TRUE;

      for (int i = 0; i < 5 && ok; i++)
        ok = g_ascii_isdigit (code[i]) || g_ascii_isupper (code[i]);

      if (ok && code[5] == ':')
        return code;
    }

  return NULL;
}

/* libpq's first line, without "connection to server at … failed: " and
 * the severity and SQLSTATE: the reason itself. */
static char *
connection_failure_reason (PGconn *conn)
{
  g_autofree char *message = g_strdup (PQerrorMessage (conn));
  char *newline = strchr (message, '\n');
  const char *reason = message;
  const char *sqlstate;
  const char *failed;

  if (newline != NULL)
    *newline = '\0';

  sqlstate = find_sqlstate (message);
  failed = strstr (message, "failed: ");
  if (sqlstate != NULL)
    reason = sqlstate + 6;
  else if (failed != NULL)
    reason = failed + strlen ("failed: ");

  return g_strstrip (g_strdup (reason));
}

static void
set_connection_error (PlcPgAddress  *address,
                      PGconn        *conn,
                      GError       **error)
{
  g_autofree char *where = plc_pg_address_describe (address);
  const char *code = find_sqlstate (PQerrorMessage (conn));
  g_autofree char *sqlstate = code != NULL ? g_strndup (code, 5) : NULL;
  g_autofree char *reason = connection_failure_reason (conn);

  g_debug ("Could not connect to %s (%s): %s", where,
           sqlstate != NULL ? sqlstate : "no SQLSTATE", PQerrorMessage (conn));

  if (g_strcmp0 (sqlstate, "28P01") == 0)
    g_set_error (error, PLC_ERROR, PLC_ERROR_AUTH_FAILED,
                 /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
                 _("The server did not accept the password of %s."), where);
  else if (g_strcmp0 (sqlstate, "28000") == 0)
    g_set_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED,
                 /* Translators: the first %s is a user on a server; the second the server's (English) reason */
                 _("The server does not let %s connect: %s"), where, reason);
  else if (g_strcmp0 (sqlstate, "3D000") == 0)
    g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                 /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
                 _("The server has no such database (%s)."), where);
  else if (sqlstate == NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY,
                 /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
                 _("The keyring holds no password for %s: log in to the server first."), where);
  else if (sqlstate == NULL || g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57") ||
           g_str_equal (sqlstate, "53300"))
    g_set_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE,
                 /* Translators: the first %s is a user on a server; the second why (in English, from libpq) */
                 _("Could not reach the server (%s): %s"), where, reason);
  else
    g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                 /* Translators: the first %s is a user on a server; the second the server's (English) reason */
                 _("Could not connect to the server (%s): %s"), where, reason);
}

/* Waits until the socket is ready or the deadline passes. */
static gboolean
wait_for_socket (PGconn        *conn,
                 gboolean       for_writing,
                 gint64         deadline,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GPollFD fds[2] = { { 0 } };
  int n_fds = 1;
  int timeout;
  int ready;

  fds[0].fd = PQsocket (conn);
  fds[0].events = (for_writing ? G_IO_OUT : G_IO_IN) | G_IO_ERR | G_IO_HUP;
  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fds[1]))
    n_fds = 2;

  timeout = (int) MAX ((deadline - g_get_monotonic_time ()) / 1000, 0);
  do
    ready = g_poll (fds, n_fds, timeout);
  while (ready < 0 && errno == EINTR);

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return ready != 0;
}

/* Drives PQconnectPoll() or PQresetPoll() to the end. */
static gboolean
complete_connection (PlcPgAddress                 *address,
                     PGconn                       *conn,
                     PostgresPollingStatusType   (*poll_func) (PGconn *),
                     GCancellable                 *cancellable,
                     GError                      **error)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  const char *timeout_text = plc_pg_address_get_parameter (address, "connect_timeout");
  int timeout_seconds = timeout_text != NULL ? atoi (timeout_text) : 0;
  gint64 deadline;

  if (timeout_seconds <= 0)
    timeout_seconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
  deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;

  if (PQstatus (conn) == CONNECTION_BAD)
    {
      set_connection_error (address, conn, error);
      return FALSE;
    }

  while (status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      GError *local_error = NULL;

      if (!wait_for_socket (conn, status == PGRES_POLLING_WRITING, deadline, cancellable, &local_error))
        {
          g_autofree char *where = plc_pg_address_describe (address);

          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }

          g_set_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Could not reach the server (%s): no answer within %d second",
                                    "Could not reach the server (%s): no answer within %d seconds",
                                    timeout_seconds),
                       where, timeout_seconds);
          return FALSE;
        }

      status = poll_func (conn);
    }

  if (status == PGRES_POLLING_FAILED)
    {
      set_connection_error (address, conn, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_pg_connection_open:
 * @address: the server
 * @password: (nullable): the password of @address's user; %NULL for a
 *   server that asks none (peer authentication on a socket)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Connects to @address, honouring its rules (TLS, channel binding).
 * Errors: %PLC_ERROR_AUTH_FAILED for a wrong password,
 * %PLC_ERROR_UNREACHABLE when the server is down or cannot be reached,
 * %PLC_ERROR_KEYRING_NO_KEY when the server asks for a password and none
 * was given, %PLC_ERROR_PERMISSION_DENIED when pg_hba.conf refuses the
 * connection, %PLC_ERROR_NOT_FOUND when there is no such database.  This
 * blocks until connected, failed, cancelled, or after `connect_timeout`
 * seconds (10 unless the address says otherwise).
 *
 * Returns: (transfer full): the connection
 */
PlcPgConnection *
plc_pg_connection_open (PlcPgAddress  *address,
                        const char    *password,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(PlcPgConnection) self = NULL;
  g_autoptr(GPtrArray) keywords = NULL;
  g_autoptr(GPtrArray) values = NULL;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  keywords = g_ptr_array_new ();
  values = g_ptr_array_new ();
  for (guint i = 0; g_ptr_array_index (address->keywords, i) != NULL; i++)
    {
      g_ptr_array_add (keywords, g_ptr_array_index (address->keywords, i));
      g_ptr_array_add (values, g_ptr_array_index (address->values, i));
    }
  if (password != NULL)
    {
      g_ptr_array_add (keywords, (gpointer) "password");
      g_ptr_array_add (values, (gpointer) password);
      /* libpq 16 can refuse to send a password in any other way */
      if (PQlibVersion () >= 160000 && plc_pg_address_get_parameter (address, "require_auth") == NULL)
        {
          g_ptr_array_add (keywords, (gpointer) "require_auth");
          g_ptr_array_add (values, (gpointer) "scram-sha-256");
        }
    }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  self = g_object_new (PLC_TYPE_PG_CONNECTION, NULL);
  self->address = plc_pg_address_ref (address);
  self->conn = PQconnectStartParams ((const char * const *) keywords->pdata,
                                     (const char * const *) values->pdata, 0);
  if (self->conn == NULL)
    g_error ("libpq could not allocate a connection");

  /* The SQLSTATE in the message, to tell a wrong password from the rest */
  PQsetErrorVerbosity (self->conn, PQERRORS_VERBOSE);

  if (!complete_connection (address, self->conn, PQconnectPoll, cancellable, error))
    return NULL;

  PQsetErrorVerbosity (self->conn, PQERRORS_DEFAULT);
  self->connected = TRUE;

  g_debug ("Connected to %s:%s (server %d, TLS %s)", plc_pg_address_get_host (address),
           plc_pg_address_get_port (address), PQserverVersion (self->conn),
           PQsslInUse (self->conn) ? "yes" : "no");

  return g_steal_pointer (&self);
}

/**
 * plc_pg_connection_open_with_keyring:
 * @address: the server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Connects to @address with the password the keyring keeps for its user
 * (plc_pg_password_lookup()).  Without one, connects without a password
 * (a server may not need one); if the server asks for one, that is
 * %PLC_ERROR_KEYRING_NO_KEY.  Errors otherwise as for
 * plc_pg_connection_open() and the keyring.  This blocks on D-Bus and on
 * the network: call it from a worker thread in the application.
 *
 * Returns: (transfer full): the connection
 */
PlcPgConnection *
plc_pg_connection_open_with_keyring (PlcPgAddress  *address,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(PlcPgPassword) password = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  password = plc_pg_password_lookup (address, cancellable, &local_error);
  if (password == NULL)
    {
      if (!g_error_matches (local_error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY))
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  return plc_pg_connection_open (address, password, cancellable, error);
}

/**
 * plc_pg_connection_reconnect:
 * @self: a #PlcPgConnection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Connects again with the same parameters (after a server restart or a
 * network failure), LISTENs again to the channels it listened to, and
 * forgets the statements prepared in the lost session.  A transaction
 * that was open is lost: nothing of it was committed.
 *
 * Returns: %TRUE if connected again
 */
gboolean
plc_pg_connection_reconnect (PlcPgConnection  *self,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GMainContext) context = NULL;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stop_watching (self);
  g_hash_table_remove_all (self->prepared);
  set_connected (self, FALSE);

  PQsetErrorVerbosity (self->conn, PQERRORS_VERBOSE);
  if (!PQresetStart (self->conn) ||
      !complete_connection (self->address, self->conn, PQresetPoll, cancellable, error))
    {
      if (error != NULL && *error == NULL)
        set_connection_error (self->address, self->conn, error);
      return FALSE;
    }
  PQsetErrorVerbosity (self->conn, PQERRORS_DEFAULT);
  set_connected (self, TRUE);

  /* LISTEN again, and watch from the same main context as before */
  channels = g_steal_pointer (&self->channels);
  self->channels = g_ptr_array_new_with_free_func (g_free);
  context = g_steal_pointer (&self->watch_context);
  if (context != NULL)
    g_main_context_push_thread_default (context);

  for (guint i = 0; i < channels->len; i++)
    {
      if (!plc_pg_connection_listen (self, g_ptr_array_index (channels, i), error))
        {
          if (context != NULL)
            g_main_context_pop_thread_default (context);
          return FALSE;
        }
    }

  if (context != NULL)
    g_main_context_pop_thread_default (context);

  return TRUE;
}

PlcPgAddress *
plc_pg_connection_get_address (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  return self->address;
}

/**
 * plc_pg_connection_get_user:
 * @self: a #PlcPgConnection
 *
 * Returns: the role the connection logged in as (the server's
 *   session_user)
 */
const char *
plc_pg_connection_get_user (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  return PQuser (self->conn);
}

int
plc_pg_connection_get_server_version (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), 0);
  return PQserverVersion (self->conn);
}

/**
 * plc_pg_connection_get_tls:
 * @self: a #PlcPgConnection
 *
 * Returns: whether the connection is encrypted with TLS
 */
gboolean
plc_pg_connection_get_tls (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  return PQsslInUse (self->conn);
}

gboolean
plc_pg_connection_get_connected (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  return self->connected;
}

/**
 * plc_pg_connection_get_pgconn:
 * @self: a #PlcPgConnection
 *
 * For what this wrapper does not do (COPY, pipelines): the libpq
 * connection.  Never close it.
 *
 * Returns: (transfer none): the libpq connection
 */
PGconn *
plc_pg_connection_get_pgconn (PlcPgConnection *self)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  return self->conn;
}

/* Errors */

static gboolean
sqlstate_is (const char *sqlstate,
             const char *code)
{
  return sqlstate != NULL && g_str_equal (sqlstate, code);
}

/**
 * plc_pg_set_error_from_result:
 * @result: (nullable): a failed result
 * @what: what was being done, translated (“saving the child”)
 * @error: return location for a #GError
 *
 * Sets @error from @result's SQLSTATE and primary message (never its
 * detail, which may quote a row):
 *  - the server's own PLC01 (a stale version): %PLC_ERROR_STALE;
 *  - insufficient privilege, a row-level security policy, PLC02 (a record
 *    of another unit) and PLC03 (the audit log): %PLC_ERROR_PERMISSION_DENIED;
 *  - no such row (P0002), PLC05: %PLC_ERROR_NOT_FOUND;
 *  - integrity violations (class 23), PLC04, 22023, 42710: %PLC_ERROR_INVALID;
 *  - a lost connection (class 08, 57P01-57P03): %PLC_ERROR_UNREACHABLE;
 *  - anything else: %PLC_ERROR_STORE.
 *
 * Returns: %FALSE, always
 */
gboolean
plc_pg_set_error_from_result (const PGresult  *result,
                              const char      *what,
                              GError         **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (message == NULL)
    message = result != NULL ? PQresStatus (PQresultStatus (result)) : "";

  g_debug ("Server error %s while %s: %s", sqlstate != NULL ? sqlstate : "(none)", what, message);

  if (sqlstate_is (sqlstate, SQLSTATE_STALE))
    g_set_error (error, PLC_ERROR, PLC_ERROR_STALE,
                 /* Translators: %s says what was being done, such as “saving the child” */
                 _("Someone else changed the record while you were %s. Nothing was saved."), what);
  else if (sqlstate_is (sqlstate, "42501") || sqlstate_is (sqlstate, SQLSTATE_OTHER_UNIT) ||
           sqlstate_is (sqlstate, SQLSTATE_APPEND_ONLY))
    g_set_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED,
                 /* Translators: the first %s says what was being done, the second is the server's (English) message */
                 _("The server does not allow %s: %s"), what, message);
  else if (sqlstate_is (sqlstate, "P0002") || sqlstate_is (sqlstate, SQLSTATE_NO_UNIT))
    g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                 /* Translators: the first %s says what was being done, the second is the server's (English) message */
                 _("Not found while %s: %s"), what, message);
  else if ((sqlstate != NULL && g_str_has_prefix (sqlstate, "23")) ||
           sqlstate_is (sqlstate, SQLSTATE_INVALID) || sqlstate_is (sqlstate, "22023") ||
           sqlstate_is (sqlstate, "42710"))
    g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                 /* Translators: the first %s says what was being done, the second is the server's (English) message */
                 _("The server refused %s: %s"), what, message);
  else if (sqlstate == NULL ||
           g_str_has_prefix (sqlstate, "08") || sqlstate_is (sqlstate, "57P01") ||
           sqlstate_is (sqlstate, "57P02") || sqlstate_is (sqlstate, "57P03"))
    g_set_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE,
                 /* Translators: %s says what was being done, such as “saving the child” */
                 _("The connection to the server was lost while %s. Nothing of it was saved."), what);
  else
    g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                 /* Translators: the first %s says what was being done, the second is the server's (English) message */
                 _("The server failed while %s: %s"), what, message);

  return FALSE;
}

/* Takes @result: returns it if it succeeded, else sets @error. */
static PGresult *
check_result (PlcPgConnection  *self,
              PGresult         *result,
              const char       *what,
              GError          **error)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  if (PQstatus (self->conn) == CONNECTION_BAD)
    {
      set_connected (self, FALSE);
      g_set_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE,
                   /* Translators: %s says what was being done, such as “saving the child” */
                   _("The connection to the server was lost while %s. Nothing of it was saved."), what);
    }
  else
    {
      plc_pg_set_error_from_result (result, what, error);
    }

  g_clear_pointer (&result, PQclear);
  return NULL;
}

static gboolean
check_usable (PlcPgConnection  *self,
              const char       *what,
              GError          **error)
{
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  set_connected (self, FALSE);
  g_set_error (error, PLC_ERROR, PLC_ERROR_UNREACHABLE,
               /* Translators: %s says what was being done, such as “saving the child” */
               _("Not connected to the server while %s: reconnect and try again."), what);
  return FALSE;
}

/**
 * plc_pg_connection_query:
 * @self: a #PlcPgConnection
 * @sql: one statement, with parameters `$1`, `$2`…
 * @n_params: the number of @values
 * @values: (array length=n_params) (nullable): the parameters in text
 *   format; %NULL for SQL NULL
 * @what: what is being done, translated (“reading the units”), for errors
 * @error: return location for a #GError
 *
 * Runs @sql once.  Errors as plc_pg_set_error_from_result() maps them.
 *
 * Returns: (transfer full): the result, with its rows in text format
 */
PGresult *
plc_pg_connection_query (PlcPgConnection     *self,
                         const char          *sql,
                         int                  n_params,
                         const char * const  *values,
                         const char          *what,
                         GError             **error)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (n_params == 0 || values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_usable (self, what, error))
    return NULL;

  return check_result (self, PQexecParams (self->conn, sql, n_params, NULL, values, NULL, NULL, 0),
                       what, error);
}

/**
 * plc_pg_connection_query_prepared:
 * @self: a #PlcPgConnection
 * @name: the statement's name, the same for the same @sql
 * @sql: one statement, with parameters `$1`, `$2`…
 * @n_params: the number of @values
 * @values: (array length=n_params) (nullable): the parameters in text
 *   format; %NULL for SQL NULL
 * @what: what is being done, translated, for errors
 * @error: return location for a #GError
 *
 * Like plc_pg_connection_query(), with @sql prepared on the server the
 * first time @name is used in this session, and only executed afterwards.
 *
 * Returns: (transfer full): the result
 */
PGresult *
plc_pg_connection_query_prepared (PlcPgConnection     *self,
                                  const char          *name,
                                  const char          *sql,
                                  int                  n_params,
                                  const char * const  *values,
                                  const char          *what,
                                  GError             **error)
{
  const char *prepared_sql;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (n_params == 0 || values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_usable (self, what, error))
    return NULL;

  prepared_sql = g_hash_table_lookup (self->prepared, name);
  if (prepared_sql == NULL)
    {
      g_autoptr(PGresult) prepared = NULL;

      prepared = check_result (self, PQprepare (self->conn, name, sql, n_params, NULL), what, error);
      if (prepared == NULL)
        return NULL;

      g_hash_table_insert (self->prepared, g_strdup (name), g_strdup (sql));
    }
  else
    {
      g_return_val_if_fail (g_str_equal (prepared_sql, sql), NULL);
    }

  return check_result (self, PQexecPrepared (self->conn, name, n_params, values, NULL, NULL, 0),
                       what, error);
}

/**
 * plc_pg_connection_exec:
 * @self: a #PlcPgConnection
 * @script: one or more statements, without parameters
 * @what: what is being done, translated, for errors
 * @error: return location for a #GError
 *
 * Runs @script (the simple query protocol: several statements, in one
 * transaction unless it has its own BEGIN and COMMIT).
 *
 * Returns: %TRUE if every statement succeeded
 */
gboolean
plc_pg_connection_exec (PlcPgConnection  *self,
                        const char       *script,
                        const char       *what,
                        GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  g_return_val_if_fail (script != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (self, what, error))
    return FALSE;

  result = check_result (self, PQexec (self->conn, script), what, error);
  return result != NULL;
}

gboolean
plc_pg_connection_begin (PlcPgConnection  *self,
                         GError          **error)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  return plc_pg_connection_exec (self, "BEGIN", _("starting a transaction"), error);
}

/**
 * plc_pg_connection_commit:
 * @self: a #PlcPgConnection
 * @error: return location for a #GError
 *
 * Commits the transaction.  If that fails (a deferred constraint, the
 * connection lost), nothing of it was saved; a transaction that failed
 * earlier is rolled back and reported as a failure here too.
 *
 * Returns: %TRUE if committed
 */
gboolean
plc_pg_connection_commit (PlcPgConnection  *self,
                          GError          **error)
{
  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);

  if (PQtransactionStatus (self->conn) == PQTRANS_INERROR)
    {
      plc_pg_connection_rollback (self);
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_STORE,
                           _("The transaction had failed and was rolled back: nothing of it was saved."));
      return FALSE;
    }

  return plc_pg_connection_exec (self, "COMMIT", _("committing a transaction"), error);
}

/**
 * plc_pg_connection_rollback:
 * @self: a #PlcPgConnection
 *
 * Rolls back the transaction, if any; failing to (the connection lost)
 * leaves nothing of it either.
 */
void
plc_pg_connection_rollback (PlcPgConnection *self)
{
  g_autoptr(PGresult) result = NULL;

  g_return_if_fail (PLC_IS_PG_CONNECTION (self));

  if (PQstatus (self->conn) != CONNECTION_OK || PQtransactionStatus (self->conn) == PQTRANS_IDLE)
    return;

  result = PQexec (self->conn, "ROLLBACK");
}

gboolean
plc_pg_connection_in_transaction (PlcPgConnection *self)
{
  PGTransactionStatusType status;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);

  status = PQtransactionStatus (self->conn);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

/* Notifications */

static void
dispatch_notifications (PlcPgConnection *self)
{
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      g_signal_emit (self, signals[NOTIFICATION], 0, notify->relname,
                     notify->extra != NULL ? notify->extra : "");
      PQfreemem (notify);
    }
}

static gboolean
on_socket_ready (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  PlcPgConnection *self = user_data;
  G_GNUC_UNUSED g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) == CONNECTION_BAD)
    {
      g_debug ("Lost the connection while waiting for notifications");
      g_clear_pointer (&self->watch, g_source_unref);
      set_connected (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  dispatch_notifications (self);
  return G_SOURCE_CONTINUE;
}

/**
 * plc_pg_connection_listen:
 * @self: a #PlcPgConnection
 * @channel: the channel
 * @error: return location for a #GError
 *
 * LISTENs to @channel.  Its notifications are emitted as
 * #PlcPgConnection::notification in the thread-default main context of
 * the caller, as they arrive; when the connection is lost,
 * #PlcPgConnection:connected turns %FALSE.
 *
 * Returns: %TRUE if listening
 */
gboolean
plc_pg_connection_listen (PlcPgConnection  *self,
                          const char       *channel,
                          GError          **error)
{
  g_autofree char *sql = NULL;
  char *identifier;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), FALSE);
  g_return_val_if_fail (channel != NULL && channel[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  identifier = PQescapeIdentifier (self->conn, channel, strlen (channel));
  sql = g_strconcat ("LISTEN ", identifier, NULL);
  PQfreemem (identifier);

  if (!plc_pg_connection_exec (self, sql, _("listening for changes"), error))
    return FALSE;

  g_ptr_array_add (self->channels, g_strdup (channel));

  if (self->watch == NULL)
    {
      GMainContext *context = g_main_context_ref_thread_default ();

      g_clear_pointer (&self->watch_context, g_main_context_unref);
      self->watch_context = context;
      self->watch = g_unix_fd_source_new (PQsocket (self->conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
      g_source_set_callback (self->watch, G_SOURCE_FUNC (on_socket_ready), self, NULL);
      g_source_set_static_name (self->watch, "[plc] PlcPgConnection notifications");
      g_source_attach (self->watch, context);
    }

  return TRUE;
}

/**
 * plc_pg_connection_encrypt_password:
 * @self: a #PlcPgConnection
 * @user: the role the password is for
 * @password: the password
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the SCRAM-SHA-256 verifier of @password for
 *   @user, made here: what CREATE ROLE … PASSWORD takes, so that the
 *   password itself never reaches the server
 */
char *
plc_pg_connection_encrypt_password (PlcPgConnection  *self,
                                    const char       *user,
                                    const char       *password,
                                    GError          **error)
{
  char *verifier;
  char *ret;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (self), NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  verifier = PQencryptPasswordConn (self->conn, password, user, "scram-sha-256");
  if (verifier == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                   /* Translators: %s is libpq's (English) message */
                   _("Could not encrypt the password: %s"), PQerrorMessage (self->conn));
      return NULL;
    }

  ret = g_strdup (verifier);
  PQfreemem (verifier);
  return ret;
}
