/* plc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"
#include "plc-engine.h"
#include "plc-profile-set.h"
#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_APPLICATION (plc_application_get_type ())

G_DECLARE_FINAL_TYPE (PlcApplication, plc_application, PLC, APPLICATION, AdwApplication)

PlcApplication *plc_application_new                (void);
PlcStore       *plc_application_get_store          (PlcApplication *self);
const GError   *plc_application_get_store_error    (PlcApplication *self);
PlcProfileSet  *plc_application_get_profiles       (PlcApplication *self);
const GError   *plc_application_get_profiles_error (PlcApplication *self);
PlcEngine      *plc_application_get_engine         (PlcApplication *self);
PlcCaseload    *plc_application_get_caseload       (PlcApplication *self);
gboolean        plc_application_get_demo           (PlcApplication *self);
void            plc_application_open_demo          (PlcApplication *self);
void            plc_application_close_demo         (PlcApplication *self);
char           *plc_application_dup_caseworker_name (PlcApplication *self);

G_END_DECLS
