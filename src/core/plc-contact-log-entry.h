/* plc-contact-log-entry.h: one entry in a child's contact log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"
#include "plc-record.h"

G_BEGIN_DECLS

#define PLC_TYPE_CONTACT_LOG_ENTRY (plc_contact_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (PlcContactLogEntry, plc_contact_log_entry, PLC, CONTACT_LOG_ENTRY, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcContactLogEntry, plc_contact_log_entry)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version", "ref" and "deleted", and
 *   "child-id" (gint64), "child-ref", "date" (guint: PlcDate),
 *   "kind" (PlcContactLogKind), "contact-id" (gint64, 0 = none),
 *   "with-whom", "note", "recorded-by", "recorded-at" (ISO 8601 UTC).
 * Setting an empty string stores NULL.
 */

PlcContactLogEntry *plc_contact_log_entry_new             (void);
PlcContactLogEntry *plc_contact_log_entry_copy            (PlcContactLogEntry  *self);

gint64              plc_contact_log_entry_get_child_id    (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_child_id    (PlcContactLogEntry  *self,
                                                           gint64               child_id);
const char         *plc_contact_log_entry_get_child_ref   (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_child_ref   (PlcContactLogEntry  *self,
                                                           const char          *child_ref);
PlcDate             plc_contact_log_entry_get_date        (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_date        (PlcContactLogEntry  *self,
                                                           PlcDate              date);
PlcContactLogKind   plc_contact_log_entry_get_kind        (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_kind        (PlcContactLogEntry  *self,
                                                           PlcContactLogKind    kind);
gint64              plc_contact_log_entry_get_contact_id  (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_contact_id  (PlcContactLogEntry  *self,
                                                           gint64               contact_id);
const char         *plc_contact_log_entry_get_with_whom   (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_with_whom   (PlcContactLogEntry  *self,
                                                           const char          *with_whom);
const char         *plc_contact_log_entry_get_note        (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_note        (PlcContactLogEntry  *self,
                                                           const char          *note);
const char         *plc_contact_log_entry_get_recorded_by (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_recorded_by (PlcContactLogEntry  *self,
                                                           const char          *recorded_by);
const char         *plc_contact_log_entry_get_recorded_at (PlcContactLogEntry  *self);
void                plc_contact_log_entry_set_recorded_at (PlcContactLogEntry  *self,
                                                           const char          *recorded_at);

gboolean            plc_contact_log_entry_validate        (PlcContactLogEntry  *self,
                                                           GError             **error);

G_END_DECLS
