/* plc-notifications.h: the daily summary of what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

void  plc_notifications_count   (PlcCaseload *caseload,
                                 const char  *caseworker,
                                 guint       *n_overdue,
                                 guint       *n_due_today);
gboolean plc_notifications_has_caseworker (PlcCaseload *caseload,
                                           const char  *caseworker);
char *plc_notifications_summary (guint        n_overdue,
                                 guint        n_due_today);
char *plc_notifications_body    (guint        n_overdue,
                                 guint        n_due_today,
                                 const char  *caseworker);

G_END_DECLS
