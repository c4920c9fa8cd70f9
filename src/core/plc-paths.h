/* plc-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *plc_paths_dup_data_dir         (void);
char *plc_paths_dup_default_database (void);
char *plc_paths_dup_demo_database    (void);

G_END_DECLS
