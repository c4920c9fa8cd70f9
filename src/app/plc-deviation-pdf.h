/* plc-deviation-pdf.h: a deviation report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-deviation-report.h"

G_BEGIN_DECLS

gboolean plc_deviation_report_write_pdf (GPtrArray   *lines,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
