/* plc-cli-server.c: placeringar-cli login, logout and server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit server is a PostgreSQL database set up by `server init`; each
 * person logs in as their own role, with the password the keyring keeps
 * (`login`).  The SQL is in the core (plc-pg-server.c).
 */

#define G_LOG_DOMAIN "placeringar-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-pg-connection.h"
#include "plc-pg-password.h"
#include "plc-pg-server.h"

#include "plc-cli.h"

static PlcPgAddress *
server_address (const char  *command,
                const char  *database,
                GError     **error)
{
  if (!plc_pg_is_server_uri (database))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a command, such as “login” */
                   _("%s needs a unit server: give its address with --database postgresql://user@host:port/database"),
                   command);
      return NULL;
    }

  return plc_pg_address_new (database, error);
}

static PlcPgConnection *
connect_with_keyring (const char  *command,
                      const char  *database,
                      GError     **error)
{
  g_autoptr(PlcPgAddress) address = server_address (command, database, error);

  if (address == NULL)
    return NULL;

  return plc_pg_connection_open_with_keyring (address, NULL, error);
}

int
command_login (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(SecretString) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *where = NULL;
  g_autofree char *prompt = NULL;
  GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from FILE (“-” for standard input)"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("login", NULL,
                              _("Log in to the unit server given with --database: the server checks the "
                                "password, and the system keyring keeps it. It is written nowhere else."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 1)
    return print_usage_error ("login", _("This command takes no arguments"));

  address = server_address ("login", database, &error);
  if (address == NULL)
    return print_error (error);

  where = plc_pg_address_describe (address);
  /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
  prompt = g_strdup_printf (_("Password for %s: "), where);
  password = read_secret (password_file, prompt, NULL, NULL, &error);
  if (password == NULL)
    return print_error (error);
  if (password[0] == '\0')
    {
      g_printerr ("placeringar-cli login: %s\n", _("The password is empty"));
      return 1;
    }

  connection = plc_pg_connection_open (address, password, NULL, &error);
  if (connection == NULL)
    return print_error (error);
  g_clear_object (&connection);

  if (!plc_pg_password_store (address, password, NULL, &error))
    return print_error (error);

  /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
  g_print (_("Logged in as %s; the keyring keeps the password.\n"), where);
  return 0;
}

int
command_logout (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(PlcPgAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  gboolean found = FALSE;

  if (!parse_command_options ("logout", NULL,
                              _("Remove the password of the unit server given with --database from the "
                                "system keyring."),
                              NULL, &argc, &argv))
    return 2;

  if (argc != 1)
    return print_usage_error ("logout", _("This command takes no arguments"));

  address = server_address ("logout", database, &error);
  if (address == NULL || !plc_pg_password_delete (address, &found, NULL, &error))
    return print_error (error);

  where = plc_pg_address_describe (address);
  if (found)
    /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
    g_print (_("Logged out: the keyring no longer keeps the password of %s.\n"), where);
  else
    /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
    g_print (_("The keyring kept no password of %s.\n"), where);

  return 0;
}

/* The server's commands: "init", "unit add", … */
typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int         n_arguments;
  const char *wrong_count;
  /* Runs with a connection; @arguments are the command's */
  int       (*run) (PlcPgConnection  *connection,
                    char            **arguments,
                    GError          **error);
} ServerCommand;

static int
server_init (PlcPgConnection  *connection,
             char            **arguments,
             GError          **error)
{
  int latest = plc_pg_server_get_latest_schema_version ();
  int old_version = 0;

  if (!plc_pg_server_init (connection, &old_version, error))
    return print_error (*error);

  if (old_version == latest)
    g_print (_("The server was set up already (schema version %d): nothing changed.\n"), latest);
  else if (old_version == 0)
    g_print (_("The server is set up (schema version %d).\n"), latest);
  else
    g_print (_("The server is brought up to date: schema version %d, from %d.\n"), latest, old_version);

  return 0;
}

static int
server_unit_add (PlcPgConnection  *connection,
                 char            **arguments,
                 GError          **error)
{
  if (!plc_pg_server_add_unit (connection, arguments[0], arguments[1], error))
    return print_error (*error);

  return 0;
}

static int
server_unit_list (PlcPgConnection  *connection,
                  char            **arguments,
                  GError          **error)
{
  g_autoptr(GPtrArray) units = plc_pg_server_list_units (connection, error);

  if (units == NULL)
    return print_error (*error);

  for (guint i = 0; i < units->len; i++)
    {
      PlcPgUnit *unit = g_ptr_array_index (units, i);

      g_print ("%s\t%s\n", unit->code, unit->name);
    }

  return 0;
}

static int
server_user_list (PlcPgConnection  *connection,
                  char            **arguments,
                  GError          **error)
{
  g_autoptr(GPtrArray) users = plc_pg_server_list_users (connection, error);

  if (users == NULL)
    return print_error (*error);

  for (guint i = 0; i < users->len; i++)
    {
      PlcPgUser *user = g_ptr_array_index (users, i);
      g_autofree char *units = g_strjoinv (",", user->units);

      g_print ("%s\t%s\t%s\n", user->login, user->role, units);
    }

  return 0;
}

static int
server_user_remove (PlcPgConnection  *connection,
                    char            **arguments,
                    GError          **error)
{
  if (!plc_pg_server_remove_user (connection, arguments[0], error))
    return print_error (*error);

  return 0;
}

static const ServerCommand server_commands[] = {
  { "init", NULL,
    N_("Set up the unit server, or bring it up to date: the group roles "
       "placeringar_caseworker, placeringar_supervisor and placeringar_admin, the "
       "tables owned by the role placeringar_owner (which cannot log in), the "
       "row-level security policies, and you as its first admin. Run it as the role "
       "that owns the database and may create roles. Running it again changes nothing."),
    0, N_("This command takes no arguments"), server_init },
  { "unit add", N_("CODE NAME"),
    N_("Add a unit: its code (letters A-Z, digits, “.”, “_”, “-”; it never "
       "changes) and its name. Only an admin may."),
    2, N_("Give the unit’s code and its name"), server_unit_add },
  { "unit list", NULL,
    N_("List the units: code and name, tab-separated."),
    0, N_("This command takes no arguments"), server_unit_list },
  { "user list", NULL,
    N_("List the people: login, role and units (comma-separated), tab-separated."),
    0, N_("This command takes no arguments"), server_user_list },
  { "user remove", N_("LOGIN"),
    N_("Remove a person: their login role and their units. Their lines in the "
       "audit log stay. Only an admin may."),
    1, N_("Give exactly one login"), server_user_remove },
};

/* Parses "server NAME"'s options and counts its arguments; FALSE with the
 * status to exit with in @status. */
static gboolean
parse_server_command (const char    *name,
                      const char    *parameters,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int            n_arguments,
                      const char    *wrong_count,
                      int           *argc,
                      char        ***argv,
                      int           *status)
{
  g_autofree char *command = g_strconcat ("server ", name, NULL);

  if (!parse_command_options (command, parameters != NULL ? _(parameters) : NULL, _(summary),
                              entries, argc, argv))
    {
      *status = 2;
      return FALSE;
    }

  if (*argc != n_arguments + 1)
    {
      *status = print_usage_error (command, _(wrong_count));
      return FALSE;
    }

  return TRUE;
}

static int
server_user_add (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(PlcPgConnection) connection = NULL;
  g_autoptr(SecretString) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *prompt = NULL;
  g_auto(GStrv) units = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("caseworker, supervisor or admin"), N_("ROLE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &units,
      N_("A unit the person works in or leads (once per unit; none for an admin)"), N_("CODE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read their first password from FILE (“-” for standard input)"), N_("FILE") },
    { NULL }
  };

  if (!parse_server_command ("user add", N_("LOGIN"),
                             N_("Add a person: a login role of their own on the server, member of the group "
                                "role of their role, in their units. Only the password’s SCRAM-SHA-256 verifier "
                                "is sent to the server. Only an admin may."),
                             entries, 1, N_("Give exactly one login"), &argc, &argv, &status))
    return status;
  if (role == NULL)
    return print_usage_error ("server user add", _("Give the person’s role with --role"));

  /* Refuse what is wrong before asking for a password */
  if (!plc_pg_check_login (argv[1], &error) || !plc_pg_check_role (role, &error))
    return print_error (error);

  /* Translators: %s is the login of the person being added */
  prompt = g_strdup_printf (_("First password for %s: "), argv[1]);
  password = read_secret (password_file, prompt, _("The password again: "),
                          _("The passwords differ"), &error);
  if (password == NULL)
    return print_error (error);
  if (password[0] == '\0')
    {
      g_printerr ("placeringar-cli server user add: %s\n", _("The password is empty"));
      return 1;
    }

  connection = connect_with_keyring ("server user add", database, &error);
  if (connection == NULL ||
      !plc_pg_server_add_user (connection, argv[1], role, (const char * const *) units, password, &error))
    return print_error (error);

  return 0;
}

int
command_server (const char  *database,
                int          argc,
                char       **argv)
{
  g_autofree char *name = NULL;

  if (argc >= 2 && (g_str_equal (argv[1], "unit") || g_str_equal (argv[1], "user")) && argc >= 3)
    name = g_strconcat (argv[1], " ", argv[2], NULL);
  else if (argc >= 2)
    name = g_strdup (argv[1]);

  if (g_strcmp0 (name, "--help") == 0 || g_strcmp0 (name, "-h") == 0)
    {
      g_print ("%s\n", _("Usage: placeringar-cli --database URI server init | unit add CODE NAME | unit list |\n"
                         "         user add LOGIN --role ROLE [--unit CODE]… [--password-file FILE] |\n"
                         "         user list | user remove LOGIN"));
      return 0;
    }

  /* From here on argv[0] is the command's last word */
  if (name != NULL && strchr (name, ' ') != NULL)
    {
      argc--;
      argv++;
    }

  if (g_strcmp0 (name, "user add") == 0)
    return server_user_add (database, argc - 1, argv + 1);

  for (guint i = 0; i < G_N_ELEMENTS (server_commands); i++)
    {
      const ServerCommand *command = &server_commands[i];
      g_autoptr(PlcPgConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *full_name = NULL;
      int status = 0;

      if (g_strcmp0 (name, command->name) != 0)
        continue;

      argc--;
      argv++;
      if (!parse_server_command (command->name, command->parameters, command->summary, NULL,
                                 command->n_arguments, command->wrong_count, &argc, &argv, &status))
        return status;

      full_name = g_strconcat ("server ", command->name, NULL);
      connection = connect_with_keyring (full_name, database, &error);
      if (connection == NULL)
        return print_error (error);

      return command->run (connection, argv + 1, &error);
    }

  return print_usage_error ("server", _("Give init, unit or user (“server --help” says more)"));
}
