/* plc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_APPLICATION (plc_application_get_type ())

G_DECLARE_FINAL_TYPE (PlcApplication, plc_application, PLC, APPLICATION, AdwApplication)

PlcApplication *plc_application_new       (void);
PlcStore       *plc_application_get_store (PlcApplication *self);

G_END_DECLS
