/* plc-pdf.h: what the PDF documents share: A4, margins, fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "plc-output-file.h"

G_BEGIN_DECLS

/* A4, in points */
#define PLC_PDF_PAGE_WIDTH   595.276
#define PLC_PDF_PAGE_HEIGHT  841.89
#define PLC_PDF_MARGIN       56.0

#define PLC_PDF_FONT_TITLE   "Sans Bold 16"
#define PLC_PDF_FONT_HEADING "Sans Bold 12"
#define PLC_PDF_FONT_BODY    "Sans 10"
#define PLC_PDF_FONT_SMALL   "Sans 8"

cairo_surface_t *plc_pdf_surface_new     (const char          *path,
                                          const char          *title,
                                          PlcOutputFileFlags   flags,
                                          GError             **error);
gboolean         plc_pdf_surface_finish  (cairo_surface_t     *surface,
                                          GError             **error);
PangoContext    *plc_pdf_context_new     (cairo_t             *cr);

G_END_DECLS
