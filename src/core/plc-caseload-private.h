/* plc-caseload-private.h: making PlcCase rows without a store, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-caseload.h"

G_BEGIN_DECLS

PlcCase *_plc_case_new (PlcChild     *child,
                        GPtrArray    *placements,
                        PlcPlacement *current,
                        gboolean      active,
                        guint         n_overdue,
                        guint         n_upcoming,
                        PlcDate       next_due,
                        const char   *warning,
                        const char   *profile_id);

G_END_DECLS
