/* plc-pg-server.c: setting up and administering a unit server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `placeringar-cli server …`: the schema and its upgrades, the roles, the
 * units and the users.  The schema itself is SQL in pg/migration-N.sql (in
 * the core's GResource); what it sets up is described there.
 */

#define G_LOG_DOMAIN "plc-pg-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plc-child.h"
#include "plc-error.h"
#include "plc-pg-server.h"

/* Made by glib-compile-resources --c-name plc_core (see plc-municipality.c) */
GResource *plc_core_get_resource (void);

#define MIGRATION_PATH "/se/placeringar/Placeringar/core/pg/migration-%d.sql"
#define LATEST_SCHEMA_VERSION 1

#define OWNER_ROLE "placeringar_owner"

static const char * const group_roles[] = {
  "placeringar_caseworker",
  "placeringar_supervisor",
  "placeringar_admin",
};

static const char * const role_names[] = { "caseworker", "supervisor", "admin" };

/* Changes */

/**
 * plc_pg_change_parse:
 * @payload: a notification's payload on %PLC_PG_CHANGES_CHANNEL
 * @change: (out caller-allocates): the change; clear it with
 *   plc_pg_change_clear()
 *
 * Returns: whether @payload is a change this version understands
 */
gboolean
plc_pg_change_parse (const char  *payload,
                     PlcPgChange *change)
{
  static const char * const kinds[] = { "created", "updated", "deleted", "undeleted", "reset" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;
  const char *type;
  const char *kind;

  g_return_val_if_fail (change != NULL, FALSE);

  memset (change, 0, sizeof *change);

  if (payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "type") || !json_object_has_member (object, "id") ||
      !json_object_has_member (object, "kind") ||
      json_node_get_value_type (json_object_get_member (object, "type")) != G_TYPE_STRING ||
      json_node_get_value_type (json_object_get_member (object, "kind")) != G_TYPE_STRING ||
      json_node_get_value_type (json_object_get_member (object, "id")) != G_TYPE_INT64)
    return FALSE;

  type = json_object_get_string_member (object, "type");
  kind = json_object_get_string_member (object, "kind");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kind, kinds[i]))
        {
          change->record_type = g_strdup (type);
          change->id = json_object_get_int_member (object, "id");
          change->kind = (PlcPgChangeKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
plc_pg_change_clear (PlcPgChange *change)
{
  g_return_if_fail (change != NULL);

  g_clear_pointer (&change->record_type, g_free);
}

void
plc_pg_unit_free (PlcPgUnit *unit)
{
  if (unit == NULL)
    return;

  g_free (unit->code);
  g_free (unit->name);
  g_free (unit);
}

void
plc_pg_user_free (PlcPgUser *user)
{
  if (user == NULL)
    return;

  g_free (user->login);
  g_free (user->role);
  g_strfreev (user->units);
  g_free (user);
}

/* Checks, with the words a user understands (the server checks again) */

/**
 * plc_pg_check_unit_code:
 * @code: a unit's code
 * @error: return location for a #GError
 *
 * Returns: whether @code is a unit code (see plc_unit_code_is_valid())
 */
gboolean
plc_pg_check_unit_code (const char  *code,
                        GError     **error)
{
  if (plc_unit_code_is_valid (code))
    return TRUE;

  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("Unit code: 1 to 32 letters A-Z, digits, “.”, “_” or “-”, starting with a letter or digit"));
  return FALSE;
}

/**
 * plc_pg_check_login:
 * @login: a login name
 * @error: return location for a #GError
 *
 * Returns: whether @login can be a person's login role: 1 to 63 small
 *   letters a-z, digits, “_”, “.” or “-”, starting with a letter or “_”,
 *   and not starting with “pg_” or “placeringar_”
 */
gboolean
plc_pg_check_login (const char  *login,
                    GError     **error)
{
  gsize length = login != NULL ? strlen (login) : 0;
  gboolean ok = length >= 1 && length <= 63 && (g_ascii_islower (login[0]) || login[0] == '_');

  for (gsize i = 1; ok && i < length; i++)
    ok = g_ascii_islower (login[i]) || g_ascii_isdigit (login[i]) || strchr ("_.-", login[i]) != NULL;

  if (ok && (g_str_has_prefix (login, "pg_") || g_str_has_prefix (login, "placeringar_")))
    ok = FALSE;

  if (!ok)
    g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                         _("Login: 1 to 63 small letters a-z, digits, “_”, “.” or “-”, starting with a "
                           "letter, and not starting with “pg_” or “placeringar_”"));
  return ok;
}

/**
 * plc_pg_check_role:
 * @role: a role's name
 * @error: return location for a #GError
 *
 * Returns: whether @role is `caseworker`, `supervisor` or `admin`
 */
gboolean
plc_pg_check_role (const char  *role,
                   GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (role, role_names[i]) == 0)
        return TRUE;
    }

  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: do not translate caseworker, supervisor, admin */
               _("“%s” is not a role: give caseworker, supervisor or admin"), role != NULL ? role : "");
  return FALSE;
}

/* The schema */

int
plc_pg_server_get_latest_schema_version (void)
{
  return LATEST_SCHEMA_VERSION;
}

static gboolean
query_bool (PlcPgConnection     *connection,
            const char          *sql,
            int                  n_params,
            const char * const  *values,
            const char          *what,
            gboolean            *out_value,
            GError             **error)
{
  g_autoptr(PGresult) result = NULL;

  result = plc_pg_connection_query (connection, sql, n_params, values, what, error);
  if (result == NULL)
    return FALSE;

  *out_value = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) &&
               g_str_equal (PQgetvalue (result, 0, 0), "t");
  return TRUE;
}

/**
 * plc_pg_server_get_schema_version:
 * @connection: a connection to the server
 * @error: return location for a #GError
 *
 * Returns: the schema version of the server's database, 0 when it has
 *   none yet (`server init` has not been run), -1 on error
 */
int
plc_pg_server_get_schema_version (PlcPgConnection  *connection,
                                  GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *what = _("reading the schema version");
  gint64 version = 0;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), -1);

  result = plc_pg_connection_query (connection,
                                    "SELECT to_regclass ('placeringar.schema_info') IS NOT NULL",
                                    0, NULL, what, error);
  if (result == NULL)
    return -1;
  if (!g_str_equal (PQgetvalue (result, 0, 0), "t"))
    return 0;

  g_clear_pointer (&result, PQclear);
  result = plc_pg_connection_query (connection,
                                    "SELECT value FROM placeringar.schema_info WHERE key = 'version'",
                                    0, NULL, what, error);
  if (result == NULL)
    return -1;

  if (PQntuples (result) != 1 ||
      !g_ascii_string_to_signed (PQgetvalue (result, 0, 0), 10, 1, G_MAXINT, &version, NULL))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_STORE,
                           _("The server’s database has no valid schema version: it was not set up by Placements."));
      return -1;
    }

  return (int) version;
}

static char *
quote_identifier (PlcPgConnection *connection,
                  const char      *name)
{
  PGconn *conn = plc_pg_connection_get_pgconn (connection);
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  char *ret = g_strdup (quoted);

  PQfreemem (quoted);
  return ret;
}

/* The group roles and the owner: made when missing; refused when one of
 * them can log in, or when the owner has members (no login role may
 * become the owner of the audit log). */
static gboolean
ensure_roles (PlcPgConnection  *connection,
              const char       *what,
              GError          **error)
{
  const char *roles[G_N_ELEMENTS (group_roles) + 1];

  roles[0] = OWNER_ROLE;
  for (guint i = 0; i < G_N_ELEMENTS (group_roles); i++)
    roles[i + 1] = group_roles[i];

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(PGresult) result = NULL;
      const char *values[] = { roles[i] };

      result = plc_pg_connection_query (connection,
                                        "SELECT rolcanlogin, rolcreaterole FROM pg_roles WHERE rolname = $1",
                                        1, values, what, error);
      if (result == NULL)
        return FALSE;

      if (PQntuples (result) == 0)
        {
          g_autofree char *sql = NULL;

          /* The owner creates and drops the people's login roles, in
           * add_user () and remove_user () only. */
          sql = g_strdup_printf ("CREATE ROLE %s NOLOGIN%s", roles[i],
                                 i == 0 ? " CREATEROLE" : "");
          if (!plc_pg_connection_exec (connection, sql, what, error))
            return FALSE;
          continue;
        }

      if (g_str_equal (PQgetvalue (result, 0, 0), "t"))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED,
                       /* Translators: %s is a role's name; do not translate ALTER ROLE … NOLOGIN */
                       _("The role %s can log in, and must not: find out why, then run "
                         "“ALTER ROLE %s NOLOGIN” and set up the server again."),
                       roles[i], roles[i]);
          return FALSE;
        }

      if (i == 0 && !g_str_equal (PQgetvalue (result, 0, 1), "t") &&
          !plc_pg_connection_exec (connection, "ALTER ROLE " OWNER_ROLE " CREATEROLE", what, error))
        return FALSE;
    }

  {
    g_autoptr(PGresult) result = NULL;

    result = plc_pg_connection_query (connection,
                                      "SELECT string_agg (m.rolname, ', ' ORDER BY m.rolname)"
                                      "  FROM pg_auth_members a"
                                      "  JOIN pg_roles r ON r.oid = a.roleid"
                                      "  JOIN pg_roles m ON m.oid = a.member"
                                      " WHERE r.rolname = '" OWNER_ROLE "'",
                                      0, NULL, what, error);
    if (result == NULL)
      return FALSE;

    if (!PQgetisnull (result, 0, 0))
      {
        g_set_error (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED,
                     /* Translators: the first %s is a role's name, the second a list of roles */
                     _("The role %s has members (%s), and must have none: they could change the "
                       "audit log. Find out why, revoke the membership and set up the server again."),
                     OWNER_ROLE, PQgetvalue (result, 0, 0));
        return FALSE;
      }
  }

  /* The owner adds people to the groups (PostgreSQL 16 asks for the
   * ADMIN option for that; 15 needs only CREATEROLE). */
  for (guint i = 0; i < G_N_ELEMENTS (group_roles); i++)
    {
      g_autofree char *sql = NULL;
      const char *values[] = { group_roles[i] };
      gboolean granted = FALSE;

      if (!query_bool (connection,
                       "SELECT EXISTS (SELECT 1 FROM pg_auth_members a"
                       "                 JOIN pg_roles r ON r.oid = a.roleid"
                       "                 JOIN pg_roles m ON m.oid = a.member"
                       "                WHERE r.rolname = $1 AND m.rolname = '" OWNER_ROLE "'"
                       "                  AND a.admin_option)",
                       1, values, what, &granted, error))
        return FALSE;

      if (granted)
        continue;

      sql = g_strdup_printf ("GRANT %s TO " OWNER_ROLE " WITH ADMIN OPTION", group_roles[i]);
      if (!plc_pg_connection_exec (connection, sql, what, error))
        return FALSE;
    }

  return TRUE;
}

/* Only the groups may connect; the owner may make the schema. */
static gboolean
set_database_privileges (PlcPgConnection  *connection,
                         const char       *database,
                         const char       *what,
                         GError          **error)
{
  g_autofree char *quoted = quote_identifier (connection, database);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("REVOKE ALL ON DATABASE %s FROM PUBLIC;"
                         "GRANT CONNECT ON DATABASE %s TO placeringar_caseworker, placeringar_supervisor, placeringar_admin;"
                         "GRANT CREATE ON DATABASE %s TO " OWNER_ROLE ";",
                         quoted, quoted, quoted);
  if (!plc_pg_connection_exec (connection, sql, what, error))
    return FALSE;

  /* psql finds the tables without the schema's name */
  {
    g_autoptr(PGresult) result = NULL;
    const char *values[] = { database };
    gboolean set = FALSE;

    result = plc_pg_connection_query (connection,
                                      "SELECT 'search_path=placeringar, public' = ANY (s.setconfig)"
                                      "  FROM pg_db_role_setting s"
                                      "  JOIN pg_database d ON d.oid = s.setdatabase"
                                      " WHERE d.datname = $1 AND s.setrole = 0",
                                      1, values, what, error);
    if (result == NULL)
      return FALSE;

    set = PQntuples (result) > 0 && g_str_equal (PQgetvalue (result, 0, 0), "t");
    if (!set)
      {
        g_autofree char *alter = g_strdup_printf ("ALTER DATABASE %s SET search_path = placeringar, public", quoted);

        if (!plc_pg_connection_exec (connection, alter, what, error))
          return FALSE;
      }
  }

  return TRUE;
}

static gboolean
apply_migration (PlcPgConnection  *connection,
                 int               version,
                 const char       *what,
                 GError          **error)
{
  g_autofree char *path = g_strdup_printf (MIGRATION_PATH, version);
  g_autofree char *script = NULL;
  g_autofree char *version_text = g_strdup_printf ("%d", version);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *values[] = { version_text };

  bytes = g_resource_lookup_data (plc_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_error ("Cannot read %s: %s", path, local_error->message);

  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_debug ("Upgrading the server's schema to version %d", version);

  if (!plc_pg_connection_exec (connection, script, what, error))
    return FALSE;

  result = plc_pg_connection_query (connection,
                                    "INSERT INTO placeringar.schema_info (key, value) VALUES ('version', $1)"
                                    " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                                    1, values, what, error);
  return result != NULL;
}

/* Inside the transaction, as the owner: the schema, and the one who sets
 * up the server as its first admin. */
static gboolean
init_as_owner (PlcPgConnection  *connection,
               int              *out_old_version,
               const char       *what,
               GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  int version;

  version = plc_pg_server_get_schema_version (connection, error);
  if (version < 0)
    return FALSE;
  *out_old_version = version;

  if (version > LATEST_SCHEMA_VERSION)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The server’s database was set up by a newer version of Placements (schema %d; "
                     "this version knows up to %d). Update Placements."),
                   version, LATEST_SCHEMA_VERSION);
      return FALSE;
    }

  for (int v = version + 1; v <= LATEST_SCHEMA_VERSION; v++)
    {
      if (!apply_migration (connection, v, what, error))
        return FALSE;
    }

  if (version < LATEST_SCHEMA_VERSION)
    {
      g_autofree char *ref = g_strdup_printf ("schema %d", LATEST_SCHEMA_VERSION);
      g_autofree char *id = g_strdup_printf ("%d", LATEST_SCHEMA_VERSION);
      const char *values[] = { version == 0 ? "create" : "upgrade", id, ref };

      result = plc_pg_connection_query (connection,
                                        "SELECT placeringar.audit_write ($1, 'server', $2::bigint, $3, NULL)",
                                        3, values, what, error);
      if (result == NULL)
        return FALSE;
      g_clear_pointer (&result, PQclear);
    }

  result = plc_pg_connection_query (connection,
                                    "WITH added AS ("
                                    "  INSERT INTO placeringar.staff (login, role) VALUES (session_user, 'admin')"
                                    "  ON CONFLICT (login) DO NOTHING RETURNING id, login)"
                                    " SELECT placeringar.audit_write ('create', 'user', id, login, NULL) FROM added",
                                    0, NULL, what, error);
  return result != NULL;
}

/**
 * plc_pg_server_init:
 * @connection: a connection as the role that owns the database and may
 *   create roles (CREATEROLE)
 * @out_old_version: (out) (optional): the schema version before, 0 for
 *   none
 * @error: return location for a #GError
 *
 * Sets up the server, or brings it up to date, in one transaction: the
 * group roles and the NOLOGIN owner, who may connect to the database, the
 * schema (pg/migration-N.sql) with its tables, triggers, functions,
 * privileges and row-level security policies, and the caller as the first
 * admin.  For the length of the transaction the caller is a member of
 * `placeringar_owner`, and no longer afterwards.  Running it again changes
 * nothing.  Refused (%PLC_ERROR_PERMISSION_DENIED) when the caller does
 * not own the database or may not create roles, and when the owner role
 * can log in or has members.
 *
 * Returns: %TRUE if the server is set up at the latest schema version
 */
gboolean
plc_pg_server_init (PlcPgConnection  *connection,
                    int              *out_old_version,
                    GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *database = NULL;
  const char *what = _("setting up the server");
  int old_version = 0;
  gboolean ok;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_pg_connection_begin (connection, error))
    return FALSE;

  /* One at a time */
  result = plc_pg_connection_query (connection,
                                    "SELECT pg_advisory_xact_lock (hashtext ('placeringar server init')),"
                                    "       current_database (),"
                                    "       r.rolsuper OR (r.rolcreaterole AND d.datdba = r.oid)"
                                    "  FROM pg_roles r, pg_database d"
                                    " WHERE r.rolname = current_user AND d.datname = current_database ()",
                                    0, NULL, what, error);
  if (result == NULL)
    goto failed;

  if (PQntuples (result) != 1 || !g_str_equal (PQgetvalue (result, 0, 2), "t"))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_PERMISSION_DENIED,
                           _("Only the role that owns the database and may create roles (CREATEROLE) "
                             "can set up the server."));
      goto failed;
    }
  database = g_strdup (PQgetvalue (result, 0, 1));
  g_clear_pointer (&result, PQclear);

  if (!ensure_roles (connection, what, error) ||
      !set_database_privileges (connection, database, what, error))
    goto failed;

  if (!plc_pg_connection_exec (connection,
                               "GRANT " OWNER_ROLE " TO CURRENT_USER;"
                               "SET LOCAL ROLE " OWNER_ROLE,
                               what, error))
    goto failed;

  ok = init_as_owner (connection, &old_version, what, error);
  if (!ok)
    goto failed;

  /* The one who set the server up administers it, and owns nothing in it */
  {
    gboolean admin = FALSE;

    if (!plc_pg_connection_exec (connection, "RESET ROLE", what, error) ||
        !query_bool (connection,
                     "SELECT EXISTS (SELECT 1 FROM pg_auth_members a"
                     "                 JOIN pg_roles r ON r.oid = a.roleid"
                     "                 JOIN pg_roles m ON m.oid = a.member"
                     "                WHERE r.rolname = 'placeringar_admin' AND m.rolname = session_user)",
                     0, NULL, what, &admin, error))
      goto failed;

    if (!admin && !plc_pg_connection_exec (connection, "GRANT placeringar_admin TO SESSION_USER", what, error))
      goto failed;
  }

  if (!plc_pg_connection_exec (connection, "REVOKE " OWNER_ROLE " FROM CURRENT_USER", what, error) ||
      !plc_pg_connection_commit (connection, error))
    goto failed;

  if (out_old_version != NULL)
    *out_old_version = old_version;

  return TRUE;

failed:
  plc_pg_connection_rollback (connection);
  return FALSE;
}

/* Units */

/**
 * plc_pg_server_add_unit:
 * @connection: a connection as an admin
 * @code: the unit's code (plc_pg_check_unit_code())
 * @name: its name
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the unit was added; %PLC_ERROR_INVALID if there is
 *   one with that code
 */
gboolean
plc_pg_server_add_unit (PlcPgConnection  *connection,
                        const char       *code,
                        const char       *name,
                        GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *values[] = { code, name };

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_pg_check_unit_code (code, error))
    return FALSE;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

    if (stripped[0] == '\0')
      {
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID, _("Unit name: must not be empty"));
        return FALSE;
      }
  }

  result = plc_pg_connection_query (connection,
                                    "INSERT INTO placeringar.units (code, name) VALUES ($1, $2)"
                                    " ON CONFLICT (code) DO NOTHING RETURNING id",
                                    2, values, _("adding the unit"), error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) == 0)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("There is a unit with the code %s already"), code);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_pg_server_list_units:
 * @connection: a connection to the server
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcPgUnit): the units, by code
 */
GPtrArray *
plc_pg_server_list_units (PlcPgConnection  *connection,
                          GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_pg_unit_free);

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), NULL);

  result = plc_pg_connection_query (connection,
                                    "SELECT code, name FROM placeringar.units ORDER BY code",
                                    0, NULL, _("reading the units"), error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      PlcPgUnit *unit = g_new0 (PlcPgUnit, 1);

      unit->code = g_strdup (PQgetvalue (result, i, 0));
      unit->name = g_strdup (PQgetvalue (result, i, 1));
      g_ptr_array_add (units, unit);
    }

  return g_steal_pointer (&units);
}

/* Users */

/* A text[] in PostgreSQL's text format */
static char *
array_literal (const char * const *items)
{
  GString *str = g_string_new ("{");

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, '"');
      for (const char *p = items[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (str, '\\');
          g_string_append_c (str, *p);
        }
      g_string_append_c (str, '"');
    }

  g_string_append_c (str, '}');
  return g_string_free (str, FALSE);
}

/**
 * plc_pg_server_add_user:
 * @connection: a connection as an admin
 * @login: the person's login (plc_pg_check_login()): a new role
 * @role: `caseworker`, `supervisor` or `admin`
 * @units: (array zero-terminated=1) (nullable): the codes of the units a
 *   caseworker works in or a supervisor leads (at least one); none for an
 *   admin
 * @password: (nullable): their first password; %NULL for none (they
 *   cannot log in until an admin sets one)
 * @error: return location for a #GError
 *
 * Makes @login a login role, member of the group role of @role, in
 * @units.  The password never reaches the server: only its SCRAM-SHA-256
 * verifier, made here.
 *
 * Returns: %TRUE if the user was added
 */
gboolean
plc_pg_server_add_user (PlcPgConnection    *connection,
                        const char         *login,
                        const char         *role,
                        const char * const *units,
                        const char         *password,
                        GError            **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *units_literal = NULL;
  g_autofree char *verifier = NULL;
  const char *what = _("adding the user");
  guint n_units = units != NULL ? g_strv_length ((GStrv) units) : 0;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_pg_check_login (login, error) || !plc_pg_check_role (role, error))
    return FALSE;

  for (guint i = 0; i < n_units; i++)
    {
      if (!plc_pg_check_unit_code (units[i], error))
        return FALSE;
    }

  if (g_str_equal (role, "admin") && n_units > 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("An admin belongs to no unit: leave out --unit"));
      return FALSE;
    }
  if (!g_str_equal (role, "admin") && n_units == 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("A caseworker or supervisor needs a unit: give --unit CODE"));
      return FALSE;
    }

  /* Say which, in words: the server only refuses */
  {
    const char *values[] = { login };
    gboolean exists = FALSE;

    if (!query_bool (connection, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                     1, values, what, &exists, error))
      return FALSE;
    if (exists)
      {
        g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                     _("There is a role named “%s” on the server already"), login);
        return FALSE;
      }
  }

  for (guint i = 0; i < n_units; i++)
    {
      const char *values[] = { units[i] };
      gboolean exists = FALSE;

      if (!query_bool (connection, "SELECT EXISTS (SELECT 1 FROM placeringar.units WHERE code = $1)",
                       1, values, what, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                       _("There is no unit with the code %s"), units[i]);
          return FALSE;
        }
    }

  if (password != NULL)
    {
      verifier = plc_pg_connection_encrypt_password (connection, login, password, error);
      if (verifier == NULL)
        return FALSE;
    }

  units_literal = array_literal (units);
  {
    const char *values[] = { login, role, units_literal, verifier };

    result = plc_pg_connection_query (connection,
                                      "SELECT placeringar.add_user ($1, $2, $3::text[], $4)",
                                      4, values, what, error);
  }

  return result != NULL;
}

/**
 * plc_pg_server_list_users:
 * @connection: a connection to the server
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcPgUser): the users the
 *   caller may see (an admin: all), by login
 */
GPtrArray *
plc_pg_server_list_users (PlcPgConnection  *connection,
                          GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_pg_user_free);

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), NULL);

  result = plc_pg_connection_query (connection,
                                    "SELECT s.login, s.role,"
                                    "       coalesce (string_agg (m.unit_code, ',' ORDER BY m.unit_code), '')"
                                    "  FROM placeringar.staff s"
                                    "  LEFT JOIN placeringar.unit_members m ON m.login = s.login"
                                    " GROUP BY s.login, s.role ORDER BY s.login",
                                    0, NULL, _("reading the users"), error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      PlcPgUser *user = g_new0 (PlcPgUser, 1);
      const char *units = PQgetvalue (result, i, 2);

      user->login = g_strdup (PQgetvalue (result, i, 0));
      user->role = g_strdup (PQgetvalue (result, i, 1));
      user->units = units[0] != '\0' ? g_strsplit (units, ",", -1) : g_new0 (char *, 1);
      g_ptr_array_add (users, user);
    }

  return g_steal_pointer (&users);
}

/**
 * plc_pg_server_remove_user:
 * @connection: a connection as an admin
 * @login: the person's login
 * @error: return location for a #GError
 *
 * Removes @login from the units and drops the login role.  Their lines in
 * the audit log stay.  An admin cannot remove themselves.
 *
 * Returns: %TRUE if the user was removed
 */
gboolean
plc_pg_server_remove_user (PlcPgConnection  *connection,
                           const char       *login,
                           GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *values[] = { login };
  const char *what = _("removing the user");
  gboolean exists = FALSE;

  g_return_val_if_fail (PLC_IS_PG_CONNECTION (connection), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!query_bool (connection, "SELECT EXISTS (SELECT 1 FROM placeringar.staff WHERE login = $1)",
                   1, values, what, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _("There is no user “%s”"), login);
      return FALSE;
    }

  if (g_strcmp0 (login, plc_pg_connection_get_user (connection)) == 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("You cannot remove yourself: ask another admin"));
      return FALSE;
    }

  result = plc_pg_connection_query (connection, "SELECT placeringar.remove_user ($1)",
                                    1, values, what, error);
  return result != NULL;
}
