/* plc-drop-down.h: drop-downs that fit a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plc-profile-set.h"

G_BEGIN_DECLS

void           plc_drop_down_ellipsize       (GtkDropDown   *drop_down);
GtkStringList *plc_drop_down_new_agreements  (PlcProfileSet *profiles,
                                              const char    *first,
                                              const char    *last,
                                              GPtrArray     *ids);

G_END_DECLS
