/* plc-bench-data.h: synthetic caseloads for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-dataset.h"
#include "plc-date.h"

G_BEGIN_DECLS

PlcDataset *plc_bench_build_dataset (guint32 seed,
                                     guint   n_children,
                                     PlcDate today);

G_END_DECLS
