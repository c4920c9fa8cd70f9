/* plc-child-editor.h: the form to create or edit a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-child.h"
#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_CHILD_EDITOR (plc_child_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlcChildEditor, plc_child_editor, PLC, CHILD_EDITOR, AdwWindow)

PlcChildEditor *plc_child_editor_new       (GtkWindow      *parent,
                                            PlcStore       *store,
                                            PlcChild       *child);
PlcChild       *plc_child_editor_get_child (PlcChildEditor *self);

G_END_DECLS
