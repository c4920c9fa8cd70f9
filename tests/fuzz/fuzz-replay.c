/* fuzz-replay.c: runs a fuzz target over its corpus, as a normal test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-replay CORPUS-DIR
 *
 * Prints TAP: one test per corpus file.  A crash or failed assertion in
 * the target fails the test.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s CORPUS-DIR\n", argv[0]);
      return 2;
    }

  if ((dir = g_dir_open (argv[1], 0, &error)) == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (argv[1], name, NULL));
  g_ptr_array_sort (files, compare_paths);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          g_clear_error (&error);
          continue;
        }

      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }

  return 0;
}
