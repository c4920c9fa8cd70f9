/* plc-finalize-check.h: an opt-in check that objects are finalized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean plc_finalize_check_enabled (void);
void     plc_finalize_check_track   (gpointer         object);
void     plc_finalize_check_watch   (GtkApplication  *application);
int      plc_finalize_check_report  (void);

G_END_DECLS
