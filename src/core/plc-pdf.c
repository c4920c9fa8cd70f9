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

typedef struct
{
  PlcOutputFile *file;
  GError        *error;     /* the first write that failed */
} PdfOutput;

static const cairo_user_data_key_t output_key;

static void
pdf_output_free (gpointer data)
{
  PdfOutput *output = data;

  g_clear_pointer (&output->file, plc_output_file_free);
  g_clear_error (&output->error);
  g_free (output);
}

static cairo_status_t
write_output (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfOutput *output = closure;

  if (output->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!plc_output_file_write (output->file, data, length, &output->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * plc_pdf_surface_new:
 * @path: the file to write
 * @title: (nullable): the document's title, for its metadata
 * @flags: whether the document holds personal data
 * @error: return location for a #GError
 *
 * An A4 PDF surface that writes to @path through a #PlcOutputFile: the
 * file is replaced when plc_pdf_surface_finish() succeeds, and not before;
 * it is never a database.  Errors in writing show when it is finished.
 *
 * Returns: (transfer full): the surface, or %NULL with @error set when
 *   @path cannot be written
 */
cairo_surface_t *
plc_pdf_surface_new (const char          *path,
                     const char          *title,
                     PlcOutputFileFlags   flags,
                     GError             **error)
{
  cairo_surface_t *surface;
  PdfOutput *output;
  PlcOutputFile *file;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = plc_output_file_new (path, flags, error);
  if (file == NULL)
    return NULL;

  output = g_new0 (PdfOutput, 1);
  output->file = file;

  surface = cairo_pdf_surface_create_for_stream (write_output, output,
                                                 PLC_PDF_PAGE_WIDTH, PLC_PDF_PAGE_HEIGHT);
  if (cairo_surface_set_user_data (surface, &output_key, output, pdf_output_free) != CAIRO_STATUS_SUCCESS)
    {
      /* Only when cairo is out of memory; @surface is then an error surface */
      pdf_output_free (output);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

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
 * @surface: (transfer full): from plc_pdf_surface_new(), or any PDF surface
 * @error: return location for a #GError
 *
 * Finishes the document, puts the file in place and frees @surface.
 *
 * Returns: %TRUE if the whole file was written
 */
gboolean
plc_pdf_surface_finish (cairo_surface_t  *surface,
                        GError          **error)
{
  PdfOutput *output;
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  output = cairo_surface_get_user_data (surface, &output_key);

  if (output != NULL && output->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&output->error));
      ok = FALSE;
    }
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }
  else if (output != NULL)
    ok = plc_output_file_commit (output->file, error);

  /* Frees @output, which removes the file unless it was put in place */
  cairo_surface_destroy (surface);

  return ok;
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
