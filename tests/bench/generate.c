/* generate.c: write a synthetic caseload in the interchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: plc-bench-generate [--seed S] [--children N] [--today YYYY-MM-DD] FILE
 *
 * Deterministic: the same seed, count and day give the same bytes.  The
 * data is fictitious (test personal identity numbers, serial 980 to 999);
 * see plc-bench-data.c for what it holds.  Import it with
 * `placeringar-cli import FILE`.  Not translated: a developer's tool.
 */

#include "config.h"

#include <stdlib.h>

#include "plc-bench-data.h"
#include "plc-interchange.h"

int
main (int   argc,
      char *argv[])
{
  gint64 seed = 1;
  int n_children = 1000;
  g_autofree char *today_text = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The seed (default 1)", "S" },
    { "children", 0, 0, G_OPTION_ARG_INT, &n_children, "How many children (default 1000)", "N" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, "The day the data is made for (default today)", "YYYY-MM-DD" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PlcDate today = plc_date_today ();

  g_option_context_set_summary (context, "Write a synthetic caseload as Placements JSON, for the benchmarks.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("plc-bench-generate: %s\n", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      g_printerr ("plc-bench-generate: give exactly one file to write\n");
      return 2;
    }
  if (n_children < 1 || n_children > 100000)
    {
      g_printerr ("plc-bench-generate: --children: must be from 1 to 100000\n");
      return 2;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("plc-bench-generate: --seed: must be from 0 to 4294967295\n");
      return 2;
    }
  if (today_text != NULL && !plc_date_parse_iso (today_text, &today, NULL))
    {
      g_printerr ("plc-bench-generate: --today: not a date (YYYY-MM-DD)\n");
      return 2;
    }

  dataset = plc_bench_build_dataset ((guint32) seed, (guint) n_children, today);
  file = g_file_new_for_commandline_arg (files[0]);
  if (!plc_interchange_write_file (dataset, file, &error))
    {
      g_printerr ("plc-bench-generate: %s\n", error->message);
      return 1;
    }

  return 0;
}
