/* plc-deviations-view-private.h: for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-deviations-view.h"

G_BEGIN_DECLS

void _plc_deviations_view_set_filters (PlcDeviationsView *self,
                                       int                status,
                                       int                direction,
                                       const char        *profile_id,
                                       int                year);

G_END_DECLS
