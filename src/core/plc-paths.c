/* plc-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-paths"

#include "config.h"

#include "plc-paths.h"

/**
 * plc_paths_dup_data_dir:
 *
 * Returns: (transfer full): the directory that holds the user's database,
 *   `$XDG_DATA_HOME/placeringar` (`placeringar-devel` for development builds)
 */
char *
plc_paths_dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_DIR_NAME, NULL);
}

/**
 * plc_paths_dup_default_database:
 *
 * Returns: (transfer full): the path of the embedded default database
 */
char *
plc_paths_dup_default_database (void)
{
  g_autofree char *dir = plc_paths_dup_data_dir ();

  return g_build_filename (dir, "placeringar.db", NULL);
}

/**
 * plc_paths_dup_demo_database:
 *
 * The demonstration database is a database of its own, beside the user's:
 * it has its own key in the keyring (keys are per database path), and the
 * application never writes real data to it.
 *
 * Returns: (transfer full): the path of the demonstration database
 */
char *
plc_paths_dup_demo_database (void)
{
  g_autofree char *dir = plc_paths_dup_data_dir ();

  return g_build_filename (dir, "demo.db", NULL);
}
