/* plc-output-file.h: every file Placements writes for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PlcOutputFileFlags:
 * @PLC_OUTPUT_FILE_NONE: the file holds no personal data: made with the
 *   mode the umask leaves of 0666
 * @PLC_OUTPUT_FILE_PRIVATE: the file holds personal data (an export, a
 *   backup, the audit log, a deviation report): mode 0600, whatever the
 *   file it replaces had
 */
typedef enum
{
  PLC_OUTPUT_FILE_NONE    = 0,
  PLC_OUTPUT_FILE_PRIVATE = 1 << 0,
} PlcOutputFileFlags;

typedef struct _PlcOutputFile PlcOutputFile;

PlcOutputFile *plc_output_file_new           (const char          *path,
                                              PlcOutputFileFlags   flags,
                                              GError             **error);
const char    *plc_output_file_get_temp_path (PlcOutputFile       *self);
GOutputStream *plc_output_file_get_stream    (PlcOutputFile       *self);
gboolean       plc_output_file_write         (PlcOutputFile       *self,
                                              const void          *data,
                                              gsize                length,
                                              GError             **error);
gboolean       plc_output_file_commit        (PlcOutputFile       *self,
                                              GError             **error);
void           plc_output_file_free          (PlcOutputFile       *self);

gboolean       plc_output_file_set_contents  (const char          *path,
                                              const void          *data,
                                              gsize                length,
                                              PlcOutputFileFlags   flags,
                                              GError             **error);
gboolean       plc_output_file_check_target  (const char          *path,
                                              GError             **error);
void           plc_output_file_protect       (const char          *database_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcOutputFile, plc_output_file_free)

G_END_DECLS
