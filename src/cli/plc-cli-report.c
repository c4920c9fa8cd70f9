/* plc-cli-report.c: placeringar-cli report, the yearly follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placeringar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plc-error.h"
#include "plc-follow-up.h"
#include "plc-municipality.h"
#include "plc-output-file.h"

#include "plc-cli.h"

typedef enum
{
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_PDF,
} Format;

static gboolean
parse_year (const char *text,
            int        *year)
{
  if (text == NULL || strlen (text) != 4)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  *year = atoi (text);

  return *year >= 1900;
}

static gboolean
write_pdf (PlcFollowUp  *follow_up,
           const char   *output,
           GError      **error)
{
#ifdef PLC_HAVE_FOLLOW_UP_PDF
  g_autofree char *tmp = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  if (output != NULL && g_strcmp0 (output, "-") != 0)
    return plc_follow_up_write_pdf (follow_up, output, error);

  /* To standard output, which is not a terminal: by way of a file of
   * figures (no personal data), removed at once */
  fd = g_file_open_tmp ("placeringar-report-XXXXXX.pdf", &tmp, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  ok = plc_follow_up_write_pdf (follow_up, tmp, error) &&
       g_file_get_contents (tmp, &data, &length, error) &&
       write_output (NULL, data, length, PLC_OUTPUT_FILE_NONE, error);
  g_unlink (tmp);

  return ok;
#else
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_FAILED,
                       _("This build of Placements cannot write PDF; use --format csv or json"));
  return FALSE;
#endif
}

int
command_report (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *municipality_text = NULL;
  g_autofree char *caseworker = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *separator_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *output = NULL;
  const PlcMunicipality *municipality = NULL;
  PlcFollowUpQuery query = { 0, };
  Format format;
  char separator = ';';
  gboolean no_bom = FALSE;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The calendar year to follow up (required)"), N_("YYYY") },
    { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality_text,
      N_("Only placements made by this municipality (a name or a code)"), N_("NAME") },
    { "caseworker", 0, 0, G_OPTION_ARG_STRING, &caseworker,
      N_("Only placements of this caseworker"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("csv, json or pdf (required)"), N_("FORMAT") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_text,
      N_("For csv: semicolon (the default, for Swedish spreadsheets, with a decimal comma) or comma (with a decimal point)"),
      N_("SEPARATOR") },
    { "no-bom", 0, 0, G_OPTION_ARG_NONE, &no_bom,
      N_("For csv with semicolons: leave out the byte order mark that tells spreadsheet programs the file is UTF-8"),
      NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the figures are made (default: today in Sweden)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_options ("report", NULL,
                              _("Write the yearly follow-up’s figures (the agreements’ indicators) for a "
                                "year, for everyone or for one municipality or caseworker. No name or "
                                "personal identity number is written, and groups smaller than 5 are "
                                "shown as “<5”. A PDF is written to FILE, or to standard output when "
                                "that is not a terminal."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 1)
    return print_usage_error ("report", _("Unexpected argument"));

  if (year_text == NULL)
    return print_usage_error ("report", _("--year: required, such as --year 2024"));
  if (!parse_year (year_text, &query.year))
    return print_usage_error ("report", _("--year: expected a year of four digits, such as 2024"));

  if (format_text == NULL)
    return print_usage_error ("report", _("--format: required: csv, json or pdf"));
  if (g_str_equal (format_text, "csv"))
    format = FORMAT_CSV;
  else if (g_str_equal (format_text, "json"))
    format = FORMAT_JSON;
  else if (g_str_equal (format_text, "pdf"))
    format = FORMAT_PDF;
  else
    return print_usage_error ("report", _("--format: expected csv, json or pdf"));

  if (separator_text != NULL)
    {
      if (format != FORMAT_CSV)
        return print_usage_error ("report", _("--separator: only for --format csv"));
      if (g_str_equal (separator_text, "semicolon"))
        separator = ';';
      else if (g_str_equal (separator_text, "comma"))
        separator = ',';
      else
        return print_usage_error ("report", _("--separator: expected semicolon or comma"));
    }

  if (no_bom && format != FORMAT_CSV)
    return print_usage_error ("report", _("--no-bom: only for --format csv"));

  if (municipality_text != NULL)
    {
      municipality = plc_municipality_lookup (municipality_text, &error);
      if (municipality == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("--municipality: %s"), error->message);

          return print_usage_error ("report", message);
        }
    }

  if (caseworker != NULL && g_strstrip (caseworker)[0] == '\0')
    return print_usage_error ("report", _("--caseworker: must not be empty"));

  if (!parse_today ("report", today_text, &query.today))
    return 2;

  if (format == FORMAT_PDF && (output == NULL || g_strcmp0 (output, "-") == 0) && isatty (STDOUT_FILENO))
    return print_usage_error ("report", _("--format pdf: give -o FILE, or send standard output to a file or a program"));

  if (output != NULL && g_strcmp0 (output, "-") != 0 &&
      !plc_output_file_check_target (output, &error))
    return print_error (error);

  store = open_existing (database, &error);
  if (store == NULL ||
      (engine = engine_for_store (store, &error)) == NULL ||
      (dataset = plc_store_export (store, &error)) == NULL)
    return print_error (error);

  query.municipality = municipality != NULL ? municipality->code : NULL;
  query.caseworker = caseworker;
  follow_up = plc_follow_up_compute (dataset, engine, &query);

  switch (format)
    {
    case FORMAT_CSV:
      {
        g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

        if (!plc_follow_up_write_csv (follow_up, stream, separator,
                                      no_bom ? PLC_CSV_NO_BOM : PLC_CSV_FLAGS_NONE, NULL, &error) ||
            !g_output_stream_close (stream, NULL, &error) ||
            !write_output (output, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                           g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                           PLC_OUTPUT_FILE_NONE, &error))
          return print_error (error);
      }
      break;

    case FORMAT_JSON:
      {
        g_autoptr(JsonNode) root = plc_follow_up_to_json (follow_up);
        g_autofree char *json = json_to_string (root, TRUE);
        g_autofree char *text = g_strconcat (json, "\n", NULL);

        if (!write_output (output, text, strlen (text), PLC_OUTPUT_FILE_NONE, &error))
          return print_error (error);
      }
      break;

    case FORMAT_PDF:
      if (!write_pdf (follow_up, output, &error))
        return print_error (error);
      break;

    default:
      g_assert_not_reached ();
    }

  return 0;
}
