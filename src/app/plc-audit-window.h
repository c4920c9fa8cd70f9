/* plc-audit-window.h: the audit log of a period, to read and to export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-store.h"

G_BEGIN_DECLS

#define PLC_TYPE_AUDIT_WINDOW (plc_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (PlcAuditWindow, plc_audit_window, PLC, AUDIT_WINDOW, AdwWindow)

PlcAuditWindow *plc_audit_window_new (GtkWindow *parent,
                                      PlcStore  *store);

const char     *plc_audit_action_get_display_name      (const char *action);
const char     *plc_audit_record_type_get_display_name (const char *record_type);

G_END_DECLS
