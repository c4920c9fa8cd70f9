/* plc-deviation-pdf.c: a deviation report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviation-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "plc-deviation-pdf.h"
#include "plc-pdf.h"

#define PAGE_HEIGHT PLC_PDF_PAGE_HEIGHT
#define MARGIN      PLC_PDF_MARGIN

/* Sets @line's text and font on @layout; returns the space above it */
static double
set_line (PangoLayout   *layout,
          PlcReportLine *line)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *markup = NULL;
  double before = 0;

  switch (line->kind)
    {
    case PLC_REPORT_LINE_TITLE:
      font = pango_font_description_from_string (PLC_PDF_FONT_TITLE);
      markup = g_markup_escape_text (line->text, -1);
      break;
    case PLC_REPORT_LINE_HEADING:
      font = pango_font_description_from_string (PLC_PDF_FONT_HEADING);
      markup = g_markup_escape_text (line->text, -1);
      before = 14;
      break;
    case PLC_REPORT_LINE_FIELD:
      font = pango_font_description_from_string (PLC_PDF_FONT_BODY);
      markup = g_markup_printf_escaped ("<b>%s:</b> %s", line->label, line->text);
      before = 2;
      break;
    case PLC_REPORT_LINE_TEXT:
    default:
      font = pango_font_description_from_string (PLC_PDF_FONT_BODY);
      markup = g_markup_escape_text (line->text, -1);
      before = 2;
      break;
    }

  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);

  return before;
}

/* "Page 2 of 3", at the foot of the page */
static void
draw_page_number (cairo_t *cr,
                  guint    page,
                  guint    n_pages)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (PLC_PDF_FONT_SMALL);
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  int width;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, PLC_PDF_PAGE_WIDTH - MARGIN - pango_units_to_double (width),
                 PAGE_HEIGHT - MARGIN + 16);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Lays out @lines page by page; draws them if @n_pages is known (not 0).
 * Returns the number of pages. */
static guint
lay_out (cairo_t     *cr,
         PangoLayout *layout,
         GPtrArray   *lines,
         guint        n_pages)
{
  gboolean draw = n_pages > 0;
  double y = MARGIN;
  guint page = 1;

  for (guint i = 0; i < lines->len; i++)
    {
      PlcReportLine *line = g_ptr_array_index (lines, i);
      double before = set_line (layout, line);
      int height;

      pango_layout_get_size (layout, NULL, &height);

      if (y + before + pango_units_to_double (height) > PAGE_HEIGHT - MARGIN && y > MARGIN)
        {
          if (draw)
            {
              draw_page_number (cr, page, n_pages);
              cairo_show_page (cr);
            }
          page++;
          y = MARGIN;
          before = 0;
        }
      y += before;
      if (draw)
        {
          cairo_move_to (cr, MARGIN, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += pango_units_to_double (height) + (line->kind == PLC_REPORT_LINE_TITLE ? 10 : 2);
    }

  if (draw)
    {
      draw_page_number (cr, page, n_pages);
      cairo_show_page (cr);
    }

  return page;
}

/**
 * plc_deviation_report_write_pdf:
 * @lines: (element-type PlcReportLine): from plc_deviation_build_report()
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Lays out @lines on A4 pages with Pango, each numbered "Page N of M", and
 * writes them to @path as PDF.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
plc_deviation_report_write_pdf (GPtrArray   *lines,
                                const char  *path,
                                GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  double width = PLC_PDF_PAGE_WIDTH - 2 * MARGIN;
  const char *title = NULL;
  guint n_pages;

  for (guint i = 0; i < lines->len && title == NULL; i++)
    if (((PlcReportLine *) g_ptr_array_index (lines, i))->kind == PLC_REPORT_LINE_TITLE)
      title = ((PlcReportLine *) g_ptr_array_index (lines, i))->text;

  /* About a child's placement: readable by its owner only */
  surface = plc_pdf_surface_new (path, title, PLC_OUTPUT_FILE_PRIVATE, error);
  if (surface == NULL)
    return FALSE;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return plc_pdf_surface_finish (surface, error);   /* says why */

  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* Once to count the pages, once to draw them with their numbers */
  n_pages = lay_out (cr, layout, lines, 0);
  lay_out (cr, layout, lines, n_pages);

  g_object_unref (layout);
  cairo_destroy (cr);

  return plc_pdf_surface_finish (surface, error);
}
