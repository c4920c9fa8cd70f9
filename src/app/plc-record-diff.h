/* plc-record-diff.h: two versions of a child or a placement, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * PlcRecordDiffRow:
 * @property: the property's name
 * @label: the field's label, translated
 * @mine: the value in the copy being edited, as shown
 * @theirs: the value in the stored copy, as shown
 */
typedef struct
{
  char *property;
  char *label;
  char *mine;
  char *theirs;
} PlcRecordDiffRow;

GPtrArray *plc_record_diff           (GObject *mine,
                                      GObject *theirs);
void       plc_record_keep_mine      (GObject *mine,
                                      GObject *theirs);

G_END_DECLS
