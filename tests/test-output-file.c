/* test-output-file.c: every file Placements writes, never over a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against real files and a real keyring: run it under tests/session-run.
 *
 *   tests/session-run -- test-output-file --tap [--keyring=password]
 *
 * --keyring=password stores keys through libsecret's password API, as
 * inside the Flatpak sandbox; the databases are listed through the Secret
 * Service either way (see plc_keyring_list_databases()).
 */

#define G_LOG_DOMAIN "test-output-file"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "plc-dataset.h"
#include "plc-error.h"
#include "plc-interchange.h"
#include "plc-keyring.h"
#include "plc-output-file.h"
#include "plc-pdf.h"
#include "store-test-common.h"

static const char contents[] = "{\"format\": \"placeringar\", \"version\": 1}\n";

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined: no temporary file left behind */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_refused (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("refused: %s", path);
  g_assert_false (plc_output_file_check_target (path, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is a Placements database or one of its files"));
  g_clear_error (&error);

  g_assert_false (plc_output_file_set_contents (path, contents, strlen (contents),
                                                PLC_OUTPUT_FILE_PRIVATE, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
}

/* Written whole, by a rename; modes; nothing left behind */
static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *report = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcOutputFile) file = NULL;
  struct stat before, after;
  mode_t old_umask;

  /* Personal data: 0600, even over a file everyone could read */
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (plc_output_file_set_contents (path, contents, strlen (contents), PLC_OUTPUT_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, contents);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  /* A new inode, put in place by a rename */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_true (before.st_ino != after.st_ino);

  /* No personal data: what the umask leaves */
  old_umask = umask (027);
  g_assert_true (plc_output_file_set_contents (report, "a;b\r\n", 5, PLC_OUTPUT_FILE_NONE, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (report), ==, 0640);

  /* Not committed: the old file stays as it was, and the temporary one goes */
  file = plc_output_file_new (path, PLC_OUTPUT_FILE_PRIVATE, &error);
  g_assert_no_error (error);
  g_assert_true (plc_output_file_write (file, "half", 4, &error));
  g_assert_true (g_str_has_prefix (plc_output_file_get_temp_path (file), fixture->dir));
  g_assert_true (g_file_test (plc_output_file_get_temp_path (file), G_FILE_TEST_EXISTS));
  g_clear_pointer (&file, plc_output_file_free);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, contents);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.json report.csv");

  /* Through a stream */
  file = plc_output_file_new (path, PLC_OUTPUT_FILE_PRIVATE, &error);
  g_assert_true (g_output_stream_write_all (plc_output_file_get_stream (file), "stream", 6, NULL, NULL, &error));
  g_assert_true (plc_output_file_commit (file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "stream");

  g_unlink (path);
  g_unlink (report);
}

/* A symlink is followed: the file it points to is replaced, the link stays */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real = g_build_filename (fixture->dir, "real.json", NULL);
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, &error));
  g_assert_cmpint (symlink ("real.json", link_path), ==, 0);
  g_assert_true (plc_output_file_set_contents (link_path, contents, strlen (contents), PLC_OUTPUT_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  text = read_text (real);
  g_assert_cmpstr (text, ==, contents);

  g_unlink (link_path);
  g_unlink (real);
}

/* What cannot be written is refused with a message that names the file */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "out.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (plc_output_file_set_contents (missing, "x", 1, PLC_OUTPUT_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_clear_error (&error);

  g_assert_false (plc_output_file_set_contents (fixture->dir, "x", 1, PLC_OUTPUT_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (plc_output_file_set_contents ("/dev/null", "x", 1, PLC_OUTPUT_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* A database this process opened, and its files, by any name */
static void
test_open_database (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) key = make_key (1);
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *dotted = g_build_filename (fixture->dir, "sub", "..", "placeringar.db", NULL);
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.db", NULL);
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.db", NULL);
  g_autofree char *dir_link = g_build_filename (fixture->dir, "folder-link", NULL);
  g_autofree char *through_dir_link = g_build_filename (dir_link, "placeringar.db-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *export_path = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  cairo_surface_t *surface;
  GStatBuf before, after;

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("placeringar.db", link_path), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, dir_link), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  assert_refused (fixture->path);
  assert_refused (dotted);
  assert_refused (link_path);
  assert_refused (hard);
  assert_refused (wal);
  assert_refused (shm);
  assert_refused (journal);         /* not there: refused by its name */
  assert_refused (through_dir_link);

  /* Relative: ./placeringar.db */
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  assert_refused ("./placeringar.db");
  assert_refused ("placeringar.db-shm");
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  /* Each writer: the export, a PDF */
  dataset = plc_interchange_read_data (contents, -1, plc_date_new (2025, 1, 1), &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (hard);
  g_assert_false (plc_interchange_write_file (dataset, file, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  surface = plc_pdf_surface_new (link_path, "x", PLC_OUTPUT_FILE_NONE, &error);
  g_assert_null (surface);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  /* The database is the same file, and is still a database */
  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  /* Beside it, an export is fine */
  export_path = g_build_filename (sub, "export.json", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (export_path);
  g_assert_true (plc_interchange_write_file (dataset, file, &error));
  g_assert_no_error (error);

  plc_store_close (store);
}

/* The target is checked again just before the rename: one that became a
 * database's name in between is not replaced */
static void
test_checked_at_commit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) key = make_key (2);
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *listing = NULL;

  file = plc_output_file_new (path, PLC_OUTPUT_FILE_PRIVATE, &error);
  g_assert_no_error (error);
  g_assert_true (plc_output_file_write (file, contents, strlen (contents), &error));

  store = plc_store_open (fixture->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link (fixture->path, path), ==, 0);

  g_assert_false (plc_output_file_commit (file, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&file, plc_output_file_free);
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);

  /* No temporary file is left beside it */
  listing = list_dir (fixture->dir);
  g_assert_null (strstr (listing, ".out.json."));

  plc_store_close (store);
}

/* A database this process never opened, whose key is in the keyring */
static void
test_keyring_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *unrelated = g_build_filename (fixture->dir, "unrelated.db", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) known = NULL;

  key = plc_keyring_ensure_key (other, TRUE, NULL, &error);
  g_assert_no_error (error);
  known = plc_keyring_list_databases (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) known, other));

  /* By name while it does not exist, by inode when it does */
  assert_refused (other);
  assert_refused (other_wal);
  g_assert_true (g_file_set_contents (unrelated, "a database", -1, &error));
  g_assert_cmpint (g_rename (unrelated, other), ==, 0);
  assert_refused (other);
  g_assert_cmpint (link (other, unrelated), ==, 0);
  assert_refused (unrelated);
  text = read_text (other);
  g_assert_cmpstr (text, ==, "a database");

  g_assert_true (plc_keyring_delete_key (other, NULL, &error));
  g_assert_no_error (error);
  g_unlink (other);
  g_unlink (unrelated);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--keyring=password"))
        g_setenv ("PLACERINGAR_KEYRING_API", "password", TRUE);
    }

  g_test_add ("/output-file/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/output-file/symlink", Fixture, NULL, fixture_set_up, test_symlink, fixture_tear_down);
  g_test_add ("/output-file/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/output-file/open-database", Fixture, NULL, fixture_set_up, test_open_database, fixture_tear_down);
  g_test_add ("/output-file/checked-at-commit", Fixture, NULL, fixture_set_up, test_checked_at_commit, fixture_tear_down);
  g_test_add ("/output-file/keyring-database", Fixture, NULL, fixture_set_up, test_keyring_database, fixture_tear_down);

  return g_test_run ();
}
