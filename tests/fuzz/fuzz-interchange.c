/* fuzz-interchange.c: the JSON interchange reader against arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * part of fuzz-interchange-replay, which runs the corpus through it in the
 * test suite.
 *
 * What is read must be refused with a PLC_ERROR_INVALID that says where, or
 * be a dataset that writes out, reads back and writes out to the same
 * bytes, and that a real encrypted store imports or refuses with an error.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "plc-error.h"
#include "plc-interchange.h"
#include "plc-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *store_dir = NULL;

static void
remove_store (void)
{
  g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

/* One real encrypted store for the whole run, so that imports also meet
 * what earlier inputs left in it. */
static PlcStore *
get_store (void)
{
  static PlcStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GBytes) key = NULL;
      guint8 raw[32];

      store_dir = g_dir_make_tmp ("plc-fuzz-interchange-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_store);

      for (guint i = 0; i < sizeof raw; i++)
        raw[i] = (guint8)(3 * i + 1);
      key = g_bytes_new (raw, sizeof raw);
      path = g_build_filename (store_dir, "fuzz.db", NULL);
      store = plc_store_open (path, key, &error);
      g_assert_no_error (error);
    }

  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcDataset) read_back = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  gsize written_length = 0;
  gsize written_again_length = 0;
  PlcDate today = plc_date_new (2025, 6, 15);

  /* Not NUL-terminated: the reader must keep to @size. */
  dataset = plc_interchange_read_data ((const char *)data, (gssize)size, today, &error);

  g_assert_true ((dataset == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert_true (g_error_matches (error, PLC_ERROR, PLC_ERROR_INVALID));
      g_assert_true (error->message[0] != '\0');
      return 0;
    }

  /* What was read is written out, and reads back the same. */
  written = plc_interchange_write (dataset, &written_length);
  g_assert_nonnull (written);
  read_back = plc_interchange_read_data (written, (gssize)written_length, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_back);
  written_again = plc_interchange_write (read_back, &written_again_length);
  g_assert_cmpmem (written, written_length, written_again, written_again_length);

  /* A real store takes all of it or refuses with a message. */
  if (!plc_store_import (get_store (), dataset, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PLC_ERROR);
      g_assert_true (error->message[0] != '\0');
    }

  return 0;
}
