/* test-reports-view.c: the Reports view's printing and its closed state
 *
 * The print operation the view runs is exported to a PDF file
 * (GTK_PRINT_OPERATION_ACTION_EXPORT, no dialog): it must have the pages
 * plc_follow_up_paginate() lays out on A4.  Without a database, the view
 * says why it shows nothing.  No application is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plc-interchange.h"
#include "plc-pdf.h"
#include "plc-reports-view-private.h"

static guint
count_pages (const char *pdf,
             gsize       length)
{
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint found = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (pdf + i, needle, n) == 0 && (i + n == length || pdf[i + n] != 's'))
      found++;

  return found;
}

static PlcFollowUp *
fixture_follow_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  PlcFollowUpQuery query = { 2025, NULL, NULL, plc_date_new (2026, 1, 15) };

  dataset = plc_interchange_read_file (file, plc_date_new (2026, 1, 15), &error);
  g_assert_no_error (error);
  profiles = plc_profile_set_load_default (&error);
  g_assert_no_error (error);
  engine = plc_engine_new (profiles);
  return plc_follow_up_compute (dataset, engine, &query);
}

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

static void
test_print (void)
{
  g_autoptr(PlcFollowUp) follow_up = fixture_follow_up ();
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;
  guint expected = paginate_a4 (follow_up);

  dir = g_dir_make_tmp ("plc-reports-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "printed.pdf", NULL);

  operation = _plc_reports_print_operation_new (follow_up);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (expected, >, 1);
  g_assert_cmpuint (count_pages (pdf, length), ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_closed (void)
{
  PlcReportsView *view = g_object_ref_sink (PLC_REPORTS_VIEW (plc_reports_view_new ()));
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                        PLC_TYPE_REPORTS_VIEW,
                                                                        "closed_page"));
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                 "The keyring is locked");

  /* No caseload: no database open yet, and the view says so */
  g_assert_null (plc_reports_view_get_caseload (view));
  g_assert_cmpstr (_plc_reports_view_get_page (view), ==, "closed");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Waiting for the Database");
  g_assert_null (plc_reports_view_get_follow_up (view));

  /* The window hands on why the database could not be opened */
  plc_reports_view_set_store_error (view, error);
  g_assert_cmpstr (_plc_reports_view_get_page (view), ==, "closed");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The Database Could Not Be Opened");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "The keyring is locked");

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/reports-view/print", test_print);
  g_test_add_func ("/reports-view/closed", test_closed);

  ret = g_test_run ();
  return ret;
}
