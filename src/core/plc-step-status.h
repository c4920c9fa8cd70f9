/* plc-step-status.h: the recorded status of one step of a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"
#include "plc-record.h"

G_BEGIN_DECLS

#define PLC_TYPE_STEP_STATUS (plc_step_status_get_type ())

G_DECLARE_FINAL_TYPE (PlcStepStatus, plc_step_status, PLC, STEP_STATUS, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcStepStatus, plc_step_status)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version" and "ref" (nullable: step statuses are
 *   matched by placement + rule + occurrence), and "placement-id" (gint64),
 *   "placement-ref", "rule" (a rule id), "occurrence" (int >= 1, default 1),
 *   "state" (PlcStepState), "date" (guint: PlcDate, when done), "note",
 *   "reason" (why not needed), "recorded-by" (OS user), "recorded-at"
 *   (ISO 8601 UTC timestamp), "reopened" (boolean), and the optional
 *   meeting record (a SIP meeting's): "invited-units", "attended-units"
 *   (GStrv, NULL when empty; names of units or roles, such as "BUP"), and
 *   "planning-completed" (boolean).
 * Step statuses are never soft-deleted. Setting an empty string stores NULL.
 */

PlcStepStatus *plc_step_status_new               (void);
PlcStepStatus *plc_step_status_copy              (PlcStepStatus  *self);

gint64         plc_step_status_get_placement_id  (PlcStepStatus  *self);
void           plc_step_status_set_placement_id  (PlcStepStatus  *self,
                                                  gint64          placement_id);
const char    *plc_step_status_get_placement_ref (PlcStepStatus  *self);
void           plc_step_status_set_placement_ref (PlcStepStatus  *self,
                                                  const char     *placement_ref);
const char    *plc_step_status_get_rule          (PlcStepStatus  *self);
void           plc_step_status_set_rule          (PlcStepStatus  *self,
                                                  const char     *rule);
int            plc_step_status_get_occurrence    (PlcStepStatus  *self);
void           plc_step_status_set_occurrence    (PlcStepStatus  *self,
                                                  int             occurrence);
PlcStepState   plc_step_status_get_state         (PlcStepStatus  *self);
void           plc_step_status_set_state         (PlcStepStatus  *self,
                                                  PlcStepState    state);
PlcDate        plc_step_status_get_date          (PlcStepStatus  *self);
void           plc_step_status_set_date          (PlcStepStatus  *self,
                                                  PlcDate         date);
const char    *plc_step_status_get_note          (PlcStepStatus  *self);
void           plc_step_status_set_note          (PlcStepStatus  *self,
                                                  const char     *note);
const char    *plc_step_status_get_reason        (PlcStepStatus  *self);
void           plc_step_status_set_reason        (PlcStepStatus  *self,
                                                  const char     *reason);
const char    *plc_step_status_get_recorded_by   (PlcStepStatus  *self);
void           plc_step_status_set_recorded_by   (PlcStepStatus  *self,
                                                  const char     *recorded_by);
const char    *plc_step_status_get_recorded_at   (PlcStepStatus  *self);
void           plc_step_status_set_recorded_at   (PlcStepStatus  *self,
                                                  const char     *recorded_at);
gboolean       plc_step_status_get_reopened      (PlcStepStatus  *self);
void           plc_step_status_set_reopened      (PlcStepStatus  *self,
                                                  gboolean        reopened);

const char * const *plc_step_status_get_invited_units  (PlcStepStatus      *self);
void           plc_step_status_set_invited_units (PlcStepStatus      *self,
                                                  const char * const *units);
const char * const *plc_step_status_get_attended_units (PlcStepStatus     *self);
void           plc_step_status_set_attended_units (PlcStepStatus     *self,
                                                   const char * const *units);
gboolean       plc_step_status_get_planning_completed (PlcStepStatus *self);
void           plc_step_status_set_planning_completed (PlcStepStatus *self,
                                                       gboolean       planning_completed);
gboolean       plc_step_status_has_meeting_record (PlcStepStatus *self);
gboolean       plc_step_status_get_all_invited_attended (PlcStepStatus *self);

gboolean       plc_step_status_validate          (PlcStepStatus  *self,
                                                  GError        **error);

GHashTable    *plc_step_status_group_by_placement (GPtrArray     *statuses);

G_END_DECLS
