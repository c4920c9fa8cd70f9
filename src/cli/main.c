/* main.c: placeringar-cli, the headless front end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placeringar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "plc-paths.h"
#include "plc-store.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database, int argc, char **argv);
} Command;

static int
print_error (const GError *error)
{
  /* Messages name fields and refs, never personal data. */
  g_printerr ("placeringar-cli: %s\n", error->message);
  return 1;
}

static gboolean
parse_command_options (const char   *command,
                       const char   *parameter_string,
                       const char   *summary,
                       GOptionEntry *entries,
                       int          *argc,
                       char       ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("placeringar-cli %s", command);

  g_set_prgname (prgname);
  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("placeringar-cli %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static int
command_check (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cipher_version = NULL;

  if (!parse_command_options ("check", NULL,
                              _("Check the database’s integrity, encryption and foreign keys."),
                              NULL, &argc, &argv))
    return 2;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr ("placeringar-cli: %s\n", _("There is no database at this path"));
      return 1;
    }

  store = plc_store_open_with_keyring (database, NULL, &error);
  if (store == NULL || !plc_store_check (store, &error))
    return print_error (error);

  cipher_version = plc_store_dup_cipher_version (store);
  g_print (_("Integrity: ok\n"));
  g_print (_("Foreign keys: ok\n"));
  g_print (_("Encryption: SQLCipher %s\n"), cipher_version);
  g_print (_("Schema version: %d\n"), plc_store_get_schema_version (store));

  return 0;
}

static const Command commands[] = {
  { "check", N_("Check integrity, encryption and foreign keys"), command_check },
};

static char *
describe_commands (void)
{
  GString *str = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "\n  %-12s %s", commands[i].name, _(commands[i].summary));

  g_string_append_c (str, '\n');
  g_string_append (str, _("Run “placeringar-cli COMMAND --help” for a command’s options."));

  return g_string_free (str, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const char *localedir;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: the application’s database)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  localedir = g_getenv ("PLACERINGAR_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_summary (context, _("Work with a Placements database from the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("placeringar-cli: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("placeringar-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  if (database == NULL)
    database = plc_paths_dup_default_database ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        return commands[i].run (database, argc - 1, argv + 1);
    }

  g_printerr ("placeringar-cli: ");
  g_printerr (_("Unknown command “%s”"), argv[1]);
  g_printerr ("\n%s\n", description);

  return 2;
}
