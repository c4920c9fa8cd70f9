/* plc-pdf.c: what the PDF documents share: A4, margins, fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <cairo-pdf.h>

#include "plc-pdf.h"

/**
 * plc_pdf_surface_new:
 * @path: the file to write
 * @title: (nullable): the document's title, for its metadata
 *
 * An A4 PDF surface.  Errors (a path that cannot be written) show when
 * it is finished with plc_pdf_surface_finish().
 *
 * Returns: (transfer full): the surface
 */
cairo_surface_t *
plc_pdf_surface_new (const char *path,
                     const char *title)
{
  cairo_surface_t *surface;

  g_return_val_if_fail (path != NULL, NULL);

  surface = cairo_pdf_surface_create (path, PLC_PDF_PAGE_WIDTH, PLC_PDF_PAGE_HEIGHT);

#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Placeringar");
    }
#endif

  return surface;
}

/**
 * plc_pdf_surface_finish:
 * @surface: (transfer full): from plc_pdf_surface_new()
 * @error: return location for a #GError
 *
 * Finishes the file and frees @surface.
 *
 * Returns: %TRUE if the whole file was written
 */
gboolean
plc_pdf_surface_finish (cairo_surface_t  *surface,
                        GError          **error)
{
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, FALSE);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_pdf_context_new:
 * @cr: where the text goes, in points
 *
 * A Pango context for text measured in points: at 72 dots per inch a
 * 10-point font is 10 units high on the page (Pango's default, 96, would
 * make it a third larger), with metrics that do not depend on the
 * surface.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
plc_pdf_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  /* The same metrics on every surface, so that pages laid out for a
   * printer or a PDF break in the same places */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}
