/* plc-interchange.h: the JSON interchange format (see INTERCHANGE.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-dataset.h"
#include "plc-date.h"

G_BEGIN_DECLS

/**
 * PLC_INTERCHANGE_FORMAT:
 *
 * The value of the `format` field of every interchange file.
 */
#define PLC_INTERCHANGE_FORMAT "placeringar"

/**
 * PLC_INTERCHANGE_VERSION:
 *
 * The version of the interchange format this code reads and writes.
 */
#define PLC_INTERCHANGE_VERSION 1

/**
 * PLC_INTERCHANGE_MAX_SIZE:
 *
 * The largest interchange file read, in bytes: 512 MiB.  10,000 children
 * with long histories (the benchmark's county) take 88 MB; json-glib needs
 * about ten times a file's size in memory to read it.
 */
#define PLC_INTERCHANGE_MAX_SIZE ((gsize) 512 * 1024 * 1024)

PlcDataset *plc_interchange_read_data  (const char  *data,
                                        gssize       length,
                                        PlcDate      today,
                                        GError     **error);
PlcDataset *plc_interchange_read_file  (GFile       *file,
                                        PlcDate      today,
                                        GError     **error);
char       *plc_interchange_write      (PlcDataset  *dataset,
                                        gsize       *length);
gboolean    plc_interchange_write_file (PlcDataset  *dataset,
                                        GFile       *file,
                                        GError     **error);

G_END_DECLS
