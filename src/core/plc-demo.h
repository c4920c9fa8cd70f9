/* plc-demo.h: fictitious demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-store.h"

G_BEGIN_DECLS

/**
 * PLC_DEMO_REF_PREFIX:
 *
 * Every record of the demonstration data has a ref that starts with this.
 */
#define PLC_DEMO_REF_PREFIX "demo-"

/**
 * PLC_DEMO_DEFAULT_CHILDREN:
 *
 * How many children the demonstration data holds unless told otherwise.
 */
#define PLC_DEMO_DEFAULT_CHILDREN 40

/**
 * PLC_DEMO_DEFAULT_SEED:
 *
 * The seed of the demonstration data unless told otherwise.
 */
#define PLC_DEMO_DEFAULT_SEED 2017

PlcDataset *plc_demo_build_dataset          (guint32      seed,
                                             guint        n_children,
                                             PlcDate      today);
gboolean    plc_demo_is_test_personnummer   (const char  *personnummer);
gboolean    plc_demo_store_is_demo          (PlcStore    *store,
                                             GError     **error);

G_END_DECLS
