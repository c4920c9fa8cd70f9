/* test-deviation-pdf.c: a deviation report written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plc-deviation-pdf.h"
#include "plc-deviation-report.h"
#include "plc-error.h"
#include "plc-profile-set.h"
#include "plc-store.h"

static guint
count (const char *haystack,
       gsize       length,
       const char *needle)
{
  gsize n = strlen (needle);
  guint found = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0 &&
        (i + n == length || haystack[i + n] != 's'))  /* "/Page", not "/Pages" */
      found++;

  return found;
}

static PlcDeviation *
make_deviation (guint n_events)
{
  PlcDeviation *deviation = plc_deviation_new ();
  PlcDate date = PLC_DATE_NONE;

  g_assert_true (plc_date_parse_iso ("2025-04-10", &date, NULL));
  plc_deviation_set_title (deviation, "Hälsoundersökning inte erbjuden i tid");
  plc_deviation_set_description (deviation, "Regionen erbjöd ingen tid för hälsoundersökning.");
  plc_deviation_set_occurred_on (deviation, date);
  plc_deviation_set_profile (deviation, "dalarna");
  plc_deviation_set_placement_id (deviation, 3);
  plc_deviation_set_placement_ref (deviation, "pl-alva-2");
  for (guint i = 0; i < n_events; i++)
    plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_REPORTED, "kimh",
                                         "En anteckning i historiken som är lagom lång för en rad.");
  plc_deviation_escalate (deviation, "enhetschef", NULL);
  return deviation;
}

/* The PDF's text, as poppler's pdftotext reads it (./setup test installs
 * poppler-utils) */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *last_text;

static char *
write_report (guint  n_events,
              gsize *length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (&error);
  g_autoptr(PlcDeviation) deviation = make_deviation (n_events);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;

  g_assert_no_error (error);
  lines = plc_deviation_build_report (deviation, plc_profile_set_lookup (set, "dalarna"), NULL,
                                      plc_deviation_get_occurred_on (deviation));

  dir = g_dir_make_tmp ("plc-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);

  g_assert_true (plc_deviation_report_write_pdf (lines, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);

  g_clear_pointer (&last_text, g_free);
  last_text = pdf_text (path);

  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

static void
test_one_page (void)
{
  gsize length = 0;
  g_autofree char *pdf = write_report (2, &length);

  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count (pdf, length, "/Type /Page"), ==, 1);
  g_assert_nonnull (strstr (last_text, "Page 1 of 1"));
}

/* A long history goes on to more pages */
static void
test_pages (void)
{
  gsize length = 0;
  g_autofree char *pdf = write_report (120, &length);
  guint pages = count (pdf, length, "/Type /Page");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (pages, >=, 3);

  /* Each page numbered, out of the right total */
  first = g_strdup_printf ("Page 1 of %u", pages);
  last = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (last_text, first));
  g_assert_nonnull (strstr (last_text, last));
}

static void
test_unwritable (void)
{
  g_autoptr(PlcDeviation) deviation = make_deviation (1);
  g_autoptr(GPtrArray) lines = plc_deviation_build_report (deviation, NULL, NULL, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (plc_deviation_report_write_pdf (lines, "/nonexistent/directory/report.pdf", &error));
  g_assert_nonnull (error);
}

/* A deviation report is about a child: readable by its owner only, and
 * never written over a database */
static void
test_private_never_over_database (void)
{
  g_autoptr(PlcDeviation) deviation = make_deviation (1);
  g_autoptr(GPtrArray) lines = plc_deviation_build_report (deviation, NULL, NULL, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plc-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *database = g_build_filename (dir, "placeringar.db", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GBytes) key = NULL;
  guint8 raw[32] = { 1, 2, 3 };
  GStatBuf st;

  g_assert_true (plc_deviation_report_write_pdf (lines, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  key = g_bytes_new (raw, sizeof raw);
  store = plc_store_open (database, key, &error);
  g_assert_no_error (error);
  g_assert_false (plc_deviation_report_write_pdf (lines, database, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plc_deviation_report_write_pdf (lines, wal, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);
  plc_store_close (store);

  g_unlink (path);
  g_unlink (database);
  g_unlink (wal);
  {
    g_autofree char *shm = g_strconcat (database, "-shm", NULL);

    g_unlink (shm);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deviation-pdf/one-page", test_one_page);
  g_test_add_func ("/deviation-pdf/pages", test_pages);
  g_test_add_func ("/deviation-pdf/unwritable", test_unwritable);
  g_test_add_func ("/deviation-pdf/private-never-over-database", test_private_never_over_database);

  ret = g_test_run ();
  g_clear_pointer (&last_text, g_free);

  return ret;
}
