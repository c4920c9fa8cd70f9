/* test-follow-up-pdf.c: the yearly follow-up as PDF, read back with poppler
 *
 * The fixture's follow-up is written as PDF; pdfinfo counts its pages and
 * pdftotext gives its text, which must hold the headings and the page
 * numbers and no name or personal identity number of the fixture.
 *
 * PLC_TEST_KEEP_PDF=DIR keeps the files written, to look at them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plc-child.h"
#include "plc-follow-up-chart.h"
#include "plc-follow-up.h"
#include "plc-interchange.h"
#include "plc-pdf.h"
#include "plc-placement.h"
#include "plc-profile-set.h"

typedef struct
{
  PlcDataset  *dataset;
  PlcEngine   *engine;
  PlcFollowUp *follow_up;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) profiles = plc_profile_set_load_default (&error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlcFollowUpQuery query = { 2025, NULL, NULL, plc_date_new (2026, 1, 15) };

  g_assert_no_error (error);
  fixture->dataset = plc_interchange_read_file (file, plc_date_new (2026, 1, 15), &error);
  g_assert_no_error (error);
  fixture->engine = plc_engine_new (profiles);
  fixture->follow_up = plc_follow_up_compute (fixture->dataset, fixture->engine, &query);
  g_assert_nonnull (fixture->follow_up);
  g_assert_cmpuint (plc_follow_up_get_n_tables (fixture->follow_up), >, 0);

  fixture->dir = g_dir_make_tmp ("plc-follow-up-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *keep = g_getenv ("PLC_TEST_KEEP_PDF");
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (keep != NULL)
        {
          g_autofree char *kept = g_build_filename (keep, name, NULL);

          g_rename (path, kept);
        }
      else
        g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_object (&fixture->follow_up);
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->dataset);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
run (const char *program,
     const char *path)
{
  g_autofree char *found = g_find_program_in_path (program);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { found, path, "-", NULL };

  g_assert_nonnull (found);
  if (g_strcmp0 (program, "pdfinfo") == 0)
    argv[2] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", program, err);

  return out;
}

/* pdftotext's text with each run of white space as one space */
static char *
pdf_text (const char *path)
{
  g_autofree char *text = run ("pdftotext", path);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\f\r", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (joined, FALSE);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdfinfo != NULL)
    return TRUE;

  /* ./setup test installs poppler-utils; CI runs that */
  g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return FALSE;
}

/* The pages plc_follow_up_paginate() lays out on A4 */
static guint
paginate_a4 (PlcFollowUp *follow_up)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n_pages = plc_follow_up_paginate (follow_up, cr, PLC_PDF_PAGE_WIDTH, PLC_PDF_PAGE_HEIGHT);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

/* Nothing of the fixture's children: names, each part of them, and the
 * personal identity numbers in every way they are written */
static void
assert_no_personal_data (PlcDataset *dataset,
                         const char *text)
{
  GPtrArray *children = plc_dataset_get_children (dataset);

  g_assert_cmpuint (children->len, >, 0);
  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      const char *personnummer = plc_child_get_personnummer (child);
      g_auto(GStrv) parts = g_strsplit (plc_child_get_name (child), " ", -1);

      g_assert_null (strstr (text, plc_child_get_name (child)));
      for (guint j = 0; parts[j] != NULL; j++)
        if (strlen (parts[j]) >= 3)
          g_assert_null (strstr (text, parts[j]));

      if (personnummer != NULL)
        {
          g_autofree char *digits = g_strdup (personnummer);
          char *dash = strchr (digits, '-');

          g_assert_null (strstr (text, personnummer));
          g_assert_null (strstr (text, personnummer + 2));   /* YYMMDD-NNNN */
          if (dash != NULL)
            memmove (dash, dash + 1, strlen (dash));
          g_assert_null (strstr (text, digits));
          g_assert_null (strstr (text, digits + 2));
        }
    }
}

static void
assert_pdf (Fixture    *fixture,
            const char *name,
            const char *title)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  gsize length = 0;
  guint n_pages;

  g_assert_true (plc_follow_up_write_pdf (fixture->follow_up, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (!have_poppler ())
    return;

  n_pages = paginate_a4 (fixture->follow_up);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  text = pdf_text (path);
  assert_no_personal_data (fixture->dataset, text);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, title));
  for (guint i = 0; i < plc_follow_up_get_n_tables (fixture->follow_up); i++)
    {
      PlcFollowUpTable *table = plc_follow_up_get_table (fixture->follow_up, i);

      g_assert_nonnull (strstr (text, plc_follow_up_table_get_title (table)));
    }

  /* Page numbers: "Page 1 of N" … "Page N of N" */
  last = g_strdup_printf (_("Page %u of %u"), n_pages, n_pages);
  g_assert_nonnull (strstr (text, last));
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *title = g_strdup_printf ("Yearly follow-up %d", 2025);

  assert_pdf (fixture, "follow-up-en.pdf", title);
}

static void
test_swedish (Fixture       *fixture,
              gconstpointer  data)
{
  const char *localedir = g_getenv ("PLACERINGAR_LOCALEDIR");

  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("The sv_SE.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "sv", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_strcmp0 (_("Yearly follow-up %d"), "Yearly follow-up %d") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "C", TRUE);
      g_test_skip ("The Swedish translation of the follow-up is not compiled in");
      return;
    }

  /* The tables' titles are translated when they are made */
  g_clear_object (&fixture->follow_up);
  fixture->follow_up = plc_follow_up_compute (fixture->dataset, fixture->engine,
                                              &(PlcFollowUpQuery) { 2025, NULL, NULL, plc_date_new (2026, 1, 15) });

  assert_pdf (fixture, "follow-up-sv.pdf", "Årlig uppföljning 2025");
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
}

#define SHORT_PAGE 400.0

/* A page too short for the longer tables: they are split, its header repeated,
 * every page drawn, and each page number printed once */
static void
test_short_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "follow-up-short.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_a4 = paginate_a4 (fixture->follow_up);
  guint n_pages;

  surface = cairo_pdf_surface_create (path, PLC_PDF_PAGE_WIDTH, SHORT_PAGE);
  cr = cairo_create (surface);
  n_pages = plc_follow_up_paginate (fixture->follow_up, cr, PLC_PDF_PAGE_WIDTH, SHORT_PAGE);
  g_assert_cmpuint (n_pages, >, n_a4);
  for (guint page = 0; page < n_pages; page++)
    {
      plc_follow_up_draw_page (fixture->follow_up, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  g_assert_true (plc_pdf_surface_finish (surface, &error));
  g_assert_no_error (error);

  if (!have_poppler ())
    return;

  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  text = pdf_text (path);
  assert_no_personal_data (fixture->dataset, text);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      if (strstr (text, number) == NULL)
        g_test_message ("No “%s” in: %s", number, text);
      g_assert_nonnull (strstr (text, number));
    }
}

/* A file that cannot be written: an error that says so, and no crash */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "follow-up.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (plc_follow_up_write_pdf (fixture->follow_up, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "follow-up.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The chart: suppressed values are drawn as "<5", with no bar */
static void
test_chart (Fixture       *fixture,
            gconstpointer  data)
{
  for (guint i = 0; i < plc_follow_up_get_n_tables (fixture->follow_up); i++)
    {
      PlcFollowUpTable *table = plc_follow_up_get_table (fixture->follow_up, i);
      double height = plc_follow_up_table_measure_chart (table, NULL, 500, TRUE);
      double narrow = plc_follow_up_table_measure_chart (table, NULL, 300, TRUE);
      cairo_surface_t *surface;
      cairo_t *cr;
      g_autofree char *described = plc_follow_up_table_describe_chart (table, TRUE);

      if (plc_follow_up_table_get_n_rows (table) == 0)
        continue;

      g_assert_cmpfloat (height, >, 0);
      /* Narrow, the row titles go above their bars: taller */
      g_assert_cmpfloat (narrow, >, height);
      g_assert_nonnull (strstr (described, plc_follow_up_table_get_row_title (table, 0)));

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, (int) height + 1);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 0, 0, 0);
      plc_follow_up_table_draw_chart (table, cr, 500, height, TRUE);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/follow-up-pdf/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/follow-up-pdf/swedish", Fixture, NULL, fixture_set_up, test_swedish, fixture_tear_down);
  g_test_add ("/follow-up-pdf/short-pages", Fixture, NULL, fixture_set_up, test_short_pages, fixture_tear_down);
  g_test_add ("/follow-up-pdf/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/follow-up-pdf/chart", Fixture, NULL, fixture_set_up, test_chart, fixture_tear_down);

  return g_test_run ();
}
