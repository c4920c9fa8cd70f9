/* plc-placement-editor.h: the form to create or edit a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-child.h"
#include "plc-placement.h"
#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_PLACEMENT_EDITOR (plc_placement_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlcPlacementEditor, plc_placement_editor, PLC, PLACEMENT_EDITOR, AdwWindow)

PlcPlacementEditor *plc_placement_editor_new           (GtkWindow          *parent,
                                                        PlcStore           *store,
                                                        PlcChild           *child,
                                                        PlcPlacement       *placement,
                                                        const char         *default_caseworker);
PlcPlacement       *plc_placement_editor_get_placement (PlcPlacementEditor *self);

G_END_DECLS
