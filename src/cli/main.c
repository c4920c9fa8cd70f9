/* main.c: placeringar-cli, the headless front end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placeringar-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "plc-date.h"
#include "plc-demo.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-interchange.h"
#include "plc-keyring.h"
#include "plc-output-file.h"
#include "plc-paths.h"
#include "plc-pg-connection.h"
#include "plc-csv.h"
#include "plc-store.h"

#include "plc-cli.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database, int argc, char **argv);
  /* Works with a unit server's address in --database */
  gboolean    on_server;
} Command;

int
print_error (const GError *error)
{
  /* Messages name fields and refs, never personal data. */
  g_printerr ("placeringar-cli: %s\n", error->message);
  return 1;
}

gboolean
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

/* Writes @data to standard output (@output NULL or "-"), or to the file
 * @output through a PlcOutputFile: never half written, never over a
 * database. */
gboolean
write_output (const char          *output,
              const char          *data,
              gsize                length,
              PlcOutputFileFlags   flags,
              GError             **error)
{
  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  return plc_output_file_set_contents (output, data, length, flags, error);
}

/* Opens an existing database with its key from the keyring. */
PlcStore *
open_existing (const char  *database,
               GError     **error)
{
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                           _("There is no database at this path"));
      return NULL;
    }

  return plc_store_open_with_keyring (database, NULL, error);
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

  store = open_existing (database, &error);
  if (store == NULL || !plc_store_check (store, &error))
    return print_error (error);

  cipher_version = plc_store_dup_cipher_version (store);
  g_print (_("Integrity: ok\n"));
  g_print (_("Foreign keys: ok\n"));
  g_print (_("Encryption: SQLCipher %s\n"), cipher_version);
  g_print (_("Schema version: %d\n"), plc_store_get_schema_version (store));

  return 0;
}

/* "3 children, 4 placements, 2 contacts and 1 deviation", every count
 * in its plural form */
static char *
dataset_counts (PlcDataset *dataset,
                gboolean    fictitious)
{
  guint n_children = plc_dataset_get_children (dataset)->len;
  guint n_placements = plc_dataset_get_placements (dataset)->len;
  guint n_contacts = plc_dataset_get_contacts (dataset)->len;
  guint n_deviations = plc_dataset_get_deviations (dataset)->len;
  g_autofree char *children = NULL;
  g_autofree char *placements = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *deviations = NULL;

  if (fictitious)
    children = g_strdup_printf (ngettext ("%u fictitious child", "%u fictitious children",
                                          n_children), n_children);
  else
    children = g_strdup_printf (ngettext ("%u child", "%u children", n_children), n_children);
  placements = g_strdup_printf (ngettext ("%u placement", "%u placements", n_placements),
                                n_placements);
  contacts = g_strdup_printf (ngettext ("%u contact", "%u contacts", n_contacts), n_contacts);
  deviations = g_strdup_printf (ngettext ("%u deviation", "%u deviations", n_deviations),
                                n_deviations);

  /* Translators: four counts, as "3 children, 4 placements, 2 contacts and
   * 1 deviation" */
  return g_strdup_printf (_("%s, %s, %s and %s"), children, placements, contacts, deviations);
}

static int
command_import (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command_options ("import", _("FILE"),
                              _("Import children, placements, contacts and deviations from a Placements JSON file. "
                                "The import is all or nothing; records are matched by their ref, so importing "
                                "the same file twice changes nothing."),
                              NULL, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      g_printerr ("placeringar-cli import: %s\n", _("Give exactly one file to import"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  dataset = plc_interchange_read_file (file, plc_date_today (), &error);
  if (dataset == NULL)
    return print_error (error);

  /* The application's default database is made on first use, like the
   * application does; any other path must exist or is made here too. */
  store = plc_store_open_with_keyring (database, NULL, &error);
  if (store == NULL || !plc_store_import (store, dataset, &error))
    return print_error (error);

  {
    g_autofree char *counts = dataset_counts (dataset, FALSE);

    /* Translators: %s is "3 children, 4 placements, 2 contacts and 1 deviation" */
    g_print (_("Imported %s\n"), counts);
  }

  return 0;
}

static int
command_export (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("export", NULL,
                              _("Export the database in the Placements JSON format."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 1)
    {
      g_printerr ("placeringar-cli export: %s\n", _("Unexpected argument"));
      return 2;
    }

  /* Refused before anything is read or logged */
  if (output != NULL && g_strcmp0 (output, "-") != 0 &&
      !plc_output_file_check_target (output, &error))
    return print_error (error);

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  dataset = plc_store_export (store, &error);
  if (dataset == NULL)
    return print_error (error);

  if (output != NULL && g_strcmp0 (output, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!plc_interchange_write_file (dataset, file, &error))
        return print_error (error);
    }
  else
    {
      g_autofree char *json = NULL;
      gsize length = 0;

      json = plc_interchange_write (dataset, &length);
      if (fwrite (json, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("placeringar-cli: %s\n", _("Could not write to standard output"));
          return 1;
        }
    }

  return 0;
}

static int
command_children (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deleted = FALSE;
  GOptionEntry entries[] = {
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &deleted,
      N_("Include deleted children"), NULL },
    { NULL }
  };

  if (!parse_command_options ("children", NULL,
                              _("List the children: ref, name, birth date, home municipality."),
                              entries, &argc, &argv))
    return 2;

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  children = plc_store_list_children (store, deleted, &error);
  if (children == NULL)
    return print_error (error);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      g_autofree char *birth = plc_date_to_iso (plc_child_get_birth_date (child));

      g_print ("%s\t%s\t%s\t%s%s\n",
               plc_child_get_ref (child),
               plc_child_get_name (child) != NULL ? plc_child_get_name (child) : "",
               birth != NULL ? birth : "",
               plc_child_get_home_municipality (child) != NULL ? plc_child_get_home_municipality (child) : "",
               plc_child_get_deleted (child) ? "\tdeleted" : "");
    }

  return 0;
}

static int
command_placements (const char  *database,
                    int          argc,
                    char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deleted = FALSE;
  GOptionEntry entries[] = {
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &deleted,
      N_("Include deleted placements"), NULL },
    { NULL }
  };

  if (!parse_command_options ("placements", NULL,
                              _("List the placements: ref, child, legal basis, form, start, end, placing municipality, caseworker."),
                              entries, &argc, &argv))
    return 2;

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  placements = plc_store_list_placements (store, 0, deleted, &error);
  if (placements == NULL)
    return print_error (error);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      g_autofree char *start = plc_date_to_iso (plc_placement_get_start_date (placement));
      g_autofree char *end = plc_date_to_iso (plc_placement_get_end_date (placement));
      const char *child_ref = plc_placement_get_child_ref (placement);
      const char *caseworker = plc_placement_get_caseworker (placement);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n",
               plc_placement_get_ref (placement),
               child_ref != NULL ? child_ref : "",
               plc_legal_basis_to_string (plc_placement_get_legal_basis (placement)),
               plc_placement_form_to_string (plc_placement_get_form (placement)),
               start != NULL ? start : "",
               end != NULL ? end : "",
               plc_placement_get_placing_municipality (placement),
               caseworker != NULL ? caseworker : "",
               plc_placement_get_deleted (placement) ? "\tdeleted" : "");
    }

  return 0;
}

void
secret_free (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

/* The longest secret read from a file or standard input: far more
 * than anyone types, far less than would matter to memory */
#define MAX_SECRET_BYTES 4096

/* Reads the first line of @in whole (the secret, without its line end),
 * however long, up to MAX_SECRET_BYTES; wiped when freed. */
static char *
read_first_line (FILE    *in,
                 GError **error)
{
  char *line = g_malloc (MAX_SECRET_BYTES + 1);
  gsize length = 0;
  int c;

  while ((c = getc (in)) != EOF && c != '\n')
    {
      if (length == MAX_SECRET_BYTES)
        {
          explicit_bzero (line, MAX_SECRET_BYTES + 1);
          g_free (line);
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %d is the limit, 4096 */
                       _("Passphrase: longer than %d bytes, the most Placements reads"),
                       MAX_SECRET_BYTES);
          return NULL;
        }
      line[length++] = (char) c;
    }

  if (ferror (in))
    {
      int saved_errno = errno;

      explicit_bzero (line, MAX_SECRET_BYTES + 1);
      g_free (line);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read the passphrase: %s"), g_strerror (saved_errno));
      return NULL;
    }

  if (length > 0 && line[length - 1] == '\r')
    length--;
  line[length] = '\0';

  return line;
}

/* A secret (a passphrase, a password): from a file ("-" for standard
 * input), from the terminal without echo (twice when @again_prompt is
 * given: else it is @mismatch), or from the first line of standard input,
 * whole (a longer one was once cut at 1,023 bytes, and a backup made so
 * could not be restored from a file).  Only its first line counts.  Free
 * it with secret_free(). */
char *
read_secret (const char  *file,
             const char  *prompt,
             const char  *again_prompt,
             const char  *mismatch,
             GError     **error)
{
  g_autoptr(SecretString) contents = NULL;

  if (file == NULL && isatty (STDIN_FILENO))
    {
      g_autoptr(SecretString) first = g_strdup (getpass (prompt));

      if (again_prompt != NULL)
        {
          g_autoptr(SecretString) second = g_strdup (getpass (again_prompt));

          if (g_strcmp0 (first, second) != 0)
            {
              g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID, mismatch);
              return NULL;
            }
        }

      contents = g_steal_pointer (&first);
    }
  else if (file == NULL || g_strcmp0 (file, "-") == 0)
    {
      contents = read_first_line (stdin, error);
      if (contents == NULL)
        return NULL;
    }
  else
    {
      FILE *in = g_fopen (file, "re");

      if (in == NULL)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (file);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: the first %s is a file name, the second why */
                       _("Could not read the passphrase from “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }

      contents = read_first_line (in, error);
      fclose (in);
      if (contents == NULL)
        return NULL;
    }

  return g_steal_pointer (&contents);
}

/* The passphrase of a backup, at least 8 characters. */
static char *
read_passphrase (const char  *passphrase_file,
                 gboolean     confirm,
                 GError     **error)
{
  g_autoptr(SecretString) passphrase = NULL;

  passphrase = read_secret (passphrase_file, _("Passphrase: "),
                            confirm ? _("The passphrase again: ") : NULL,
                            _("The passphrases differ"), error);
  if (passphrase == NULL)
    return NULL;

  if (g_utf8_strlen (passphrase, -1) < 8)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Passphrase: must be at least 8 characters long"));
      return NULL;
    }

  return g_steal_pointer (&passphrase);
}

static int
command_backup (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretString) passphrase = NULL;
  g_autofree char *passphrase_file = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from FILE (“-” for standard input)"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("backup", _("FILE"),
                              _("Write an encrypted backup of the database to FILE, protected by a passphrase "
                                "you choose. Without the system keyring, the backup and its passphrase are "
                                "enough to restore everything."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      g_printerr ("placeringar-cli backup: %s\n", _("Give exactly one backup file"));
      return 2;
    }

  /* Refused before the passphrase is asked for */
  if (!plc_output_file_check_target (argv[1], &error))
    return print_error (error);

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  passphrase = read_passphrase (passphrase_file, TRUE, &error);
  if (passphrase == NULL || !plc_store_backup (store, argv[1], passphrase, &error))
    return print_error (error);

  return 0;
}

static int
command_restore (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretString) passphrase = NULL;
  g_autofree char *passphrase_file = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from FILE (“-” for standard input)"), N_("FILE") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the database if it exists"), NULL },
    { NULL }
  };

  if (!parse_command_options ("restore", _("FILE"),
                              _("Restore the database from an encrypted backup. The restored database is "
                                "encrypted with the key in the system keyring (a new key is made when there is none)."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      g_printerr ("placeringar-cli restore: %s\n", _("Give exactly one backup file"));
      return 2;
    }

  if (g_file_test (database, G_FILE_TEST_EXISTS) && !replace)
    {
      g_printerr ("placeringar-cli: %s\n",
                  _("A database already exists at this path. Give --replace to replace it with the backup."));
      return 1;
    }

  passphrase = read_passphrase (passphrase_file, FALSE, &error);
  if (passphrase == NULL)
    return print_error (error);

  key = plc_keyring_ensure_key (database, TRUE, NULL, &error);
  if (key == NULL ||
      !plc_store_restore_backup (argv[1], passphrase, database, key, &error))
    return print_error (error);

  /* Prove that the application will be able to open it. */
  store = plc_store_open_with_keyring (database, NULL, &error);
  if (store == NULL || !plc_store_check (store, &error))
    return print_error (error);

  return 0;
}

static int
command_audit (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *separator_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  char separator = PLC_CSV_SEMICOLON;
  gboolean no_bom = FALSE;
  PlcDate since = PLC_DATE_NONE;
  PlcDate until = PLC_DATE_NONE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Only entries from DATE (YYYY-MM-DD) on"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("Only entries up to and including DATE (YYYY-MM-DD)"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("tsv (the default: tab-separated, no header) or csv (a header row)"), N_("FORMAT") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_name,
      N_("The CSV separator: semicolon (the default) or comma"), N_("SEPARATOR") },
    { "no-bom", 0, 0, G_OPTION_ARG_NONE, &no_bom,
      N_("For csv with semicolons: leave out the byte order mark that tells spreadsheet programs the file is UTF-8"),
      NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("audit", NULL,
                              _("Print the audit log: time, user, action, record type, record id and ref. "
                                "Days are local days; times are printed in UTC."),
                              entries, &argc, &argv))
    return 2;

  if (since_text != NULL && !plc_date_parse_iso (since_text, &since, &error))
    return print_error (error);
  if (until_text != NULL && !plc_date_parse_iso (until_text, &until, &error))
    return print_error (error);
  if (since != PLC_DATE_NONE && until != PLC_DATE_NONE && until < since)
    {
      g_printerr (_("audit: --until %s is before --since %s\n"), until_text, since_text);
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "csv"))
    {
      /* Translators: do not translate "tsv" and "csv" */
      g_printerr (_("audit: “%s” is not a format: give “tsv” or “csv”\n"), format);
      return 2;
    }
  if (separator_name != NULL && !plc_csv_parse_separator (separator_name, &separator, &error))
    {
      g_printerr ("audit: %s\n", error->message);
      return 2;
    }

  if (output != NULL && g_strcmp0 (output, "-") != 0 &&
      !plc_output_file_check_target (output, &error))
    return print_error (error);

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  entries_found = plc_store_list_audit (store, since, until, &error);
  if (entries_found == NULL)
    return print_error (error);

  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autofree char *csv = plc_csv_audit_log (entries_found, separator,
                                                no_bom ? PLC_CSV_NO_BOM : PLC_CSV_FLAGS_NONE);

      g_string_append (text, csv);
    }
  else
    {
      for (guint i = 0; i < entries_found->len; i++)
        {
          PlcAuditEntry *entry = g_ptr_array_index (entries_found, i);

          g_string_append_printf (text, "%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n",
                                  entry->at, entry->user, entry->action, entry->record_type,
                                  entry->record_id, entry->record_ref != NULL ? entry->record_ref : "");
        }
    }

  if (!write_output (output, text->str, text->len, PLC_OUTPUT_FILE_PRIVATE, &error))
    return print_error (error);

  return 0;
}

static int
command_demo (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_database = plc_paths_dup_default_database ();
  g_autofree char *canonical = g_canonicalize_filename (database, NULL);
  g_autofree char *canonical_default = g_canonicalize_filename (default_database, NULL);
  g_autofree char *today_text = NULL;
  PlcDate today = plc_date_today ();
  int n_children = PLC_DEMO_DEFAULT_CHILDREN;
  gint64 seed = PLC_DEMO_DEFAULT_SEED;
  GOptionEntry entries[] = {
    { "children", 'n', 0, G_OPTION_ARG_INT, &n_children,
      N_("How many children (default: 40)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("The seed: the same seed and day give the same data"), N_("SEED") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Make the data as if today were this day (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  if (!parse_command_options ("demo", NULL,
                              _("Write fictitious demonstration data (children with test personal identity "
                                "numbers, placements, steps, contacts and deviations) to a database of its own: "
                                "by default the application’s demonstration database. An existing database is "
                                "only written to if it holds demonstration data and nothing else."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 1)
    {
      g_printerr ("placeringar-cli demo: %s\n", _("This command takes no arguments"));
      return 2;
    }

  if (n_children < 1 || n_children > 100000)
    {
      g_printerr ("placeringar-cli demo: %s\n", _("--children: must be from 1 to 100000"));
      return 2;
    }

  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("placeringar-cli demo: %s\n", _("--seed: must be from 0 to 4294967295"));
      return 2;
    }

  if (today_text != NULL && !plc_date_parse_iso (today_text, &today, NULL))
    {
      g_printerr ("placeringar-cli demo: %s\n", _("--today: not a date (YYYY-MM-DD)"));
      return 2;
    }

  /* Never into the user's own database, whatever it holds. */
  if (g_strcmp0 (canonical, canonical_default) == 0)
    {
      g_printerr ("placeringar-cli demo: %s\n",
                  _("Refusing to write demonstration data to the application’s own database"));
      return 1;
    }

  if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      store = plc_store_open_with_keyring (database, NULL, &error);
      if (store == NULL)
        return print_error (error);

      if (!plc_demo_store_is_demo (store, &error))
        {
          if (error != NULL)
            return print_error (error);

          g_printerr ("placeringar-cli demo: %s\n",
                      _("Refusing to write demonstration data to a database that holds other data"));
          return 1;
        }
    }
  else
    {
      store = plc_store_open_with_keyring (database, NULL, &error);
      if (store == NULL)
        return print_error (error);
    }

  dataset = plc_demo_build_dataset ((guint32) seed, (guint) n_children, today);
  if (!plc_store_import (store, dataset, &error))
    return print_error (error);

  {
    g_autofree char *counts = dataset_counts (dataset, TRUE);

    /* Translators: %s is "3 fictitious children, 4 placements, 2 contacts
     * and 1 deviation" */
    g_print (_("Wrote %s\n"), counts);
  }

  return 0;
}

static const Command commands[] = {
  { "import", N_("Import a Placements JSON file"), command_import },
  { "export", N_("Export the database as Placements JSON"), command_export },
  { "children", N_("List the children"), command_children },
  { "placements", N_("List the placements"), command_placements },
  { "backup", N_("Write an encrypted backup protected by a passphrase"), command_backup },
  { "restore", N_("Restore the database from an encrypted backup"), command_restore },
  { "check", N_("Check integrity, encryption and foreign keys"), command_check },
  { "audit", N_("Print the audit log"), command_audit },
  { "profiles", N_("List, show, validate and import agreement profiles"), command_profiles },
  { "obligations", N_("List the steps the rules require, with due dates"), command_obligations },
  { "explain", N_("Explain how a step’s due date was worked out"), command_explain },
  { "mark", N_("Record a step as done, not needed or open again"), command_mark },
  { "routine", N_("Show or change the local routines of a profile"), command_routine },
  { "report", N_("The yearly follow-up’s figures, without personal data"), command_report },
  { "demo", N_("Write fictitious demonstration data"), command_demo },
  { "login", N_("Log in to a unit server, keeping the password in the keyring"), command_login, TRUE },
  { "logout", N_("Remove a unit server’s password from the keyring"), command_logout, TRUE },
  { "server", N_("Set up a unit server; manage its units and users"), command_server, TRUE },
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
      N_("The database file (default: the application’s database), or a unit server’s address "
         "(postgresql://user@host:port/database?sslmode=…)"), N_("PATH|URI") },
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

  /* The demonstration data has a database of its own. */
  if (database == NULL && g_strcmp0 (argv[1], "demo") == 0)
    database = plc_paths_dup_demo_database ();
  else if (database == NULL)
    database = plc_paths_dup_default_database ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) != 0)
        continue;

      /* The records on a unit server come with its store */
      if (plc_pg_is_server_uri (database) && !commands[i].on_server &&
          !g_strv_contains ((const char * const *) argv + 2, "--help") &&
          !g_strv_contains ((const char * const *) argv + 2, "-h"))
        {
          g_printerr ("placeringar-cli %s: ", argv[1]);
          g_printerr (_("This command does not work with a unit server yet: give the path of a database file"));
          g_printerr ("\n");
          return 1;
        }

      return commands[i].run (database, argc - 1, argv + 1);
    }

  g_printerr ("placeringar-cli: ");
  g_printerr (_("Unknown command “%s”"), argv[1]);
  g_printerr ("\n%s\n", description);

  return 2;
}
