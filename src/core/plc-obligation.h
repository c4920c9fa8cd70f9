/* plc-obligation.h: one dated step that the rules require of a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"
#include "plc-profile.h"
#include "plc-step-status.h"

G_BEGIN_DECLS

#define PLC_TYPE_OBLIGATION (plc_obligation_get_type ())

G_DECLARE_FINAL_TYPE (PlcObligation, plc_obligation, PLC, OBLIGATION, GObject)

/*
 * Obligations are computed by the rules engine (plc-engine.h) and never
 * stored: what is stored is the status a user recorded (PlcStepStatus),
 * matched by placement, rule id and occurrence.  The due date is the last
 * day: for a period the law sets, a day off moves it to the next weekday
 * (lag (1930:173) 2 §), and the nominal due date is the day counted to
 * before that (the same day when nothing moved).  A step of the care that
 * goes on across moves may take its status from a record on the placement
 * before the move (plc_obligation_get_recorded_on()).  All read-only; the
 * properties "rule-id", "title", "due" (guint: PlcDate), "state"
 * (PlcObligationState) and "occurrence" are there for list views.
 */

gint64              plc_obligation_get_placement_id  (PlcObligation *self);
const char         *plc_obligation_get_placement_ref (PlcObligation *self);
const char         *plc_obligation_get_child_ref     (PlcObligation *self);
const char         *plc_obligation_get_caseworker    (PlcObligation *self);
const char         *plc_obligation_get_rule_id       (PlcObligation *self);
const PlcRule      *plc_obligation_get_rule          (PlcObligation *self);
PlcProfile         *plc_obligation_get_profile       (PlcObligation *self);
int                 plc_obligation_get_occurrence    (PlcObligation *self);
const char         *plc_obligation_get_title         (PlcObligation *self);
PlcDate             plc_obligation_get_due           (PlcObligation *self);
PlcDate             plc_obligation_get_nominal_due   (PlcObligation *self);
const char         *plc_obligation_get_recorded_on   (PlcObligation *self);
PlcObligationState  plc_obligation_get_state         (PlcObligation *self);
PlcStepStatus      *plc_obligation_get_status        (PlcObligation *self);
PlcDate             plc_obligation_get_done_date     (PlcObligation *self);
PlcDate             plc_obligation_get_anchor_date   (PlcObligation *self);
PlcOffset           plc_obligation_get_offset        (PlcObligation *self);
gboolean            plc_obligation_get_offset_changed (PlcObligation *self);
const char         *plc_obligation_get_reference     (PlcObligation *self);
const char         *plc_obligation_get_source        (PlcObligation *self);
const char         *plc_obligation_get_explanation   (PlcObligation *self);
char               *plc_obligation_dup_due_text      (PlcObligation *self);
guint               plc_obligation_get_n_parts       (PlcObligation *self);
const char         *plc_obligation_get_part_id       (PlcObligation *self,
                                                      guint          index);
const char         *plc_obligation_get_part_title    (PlcObligation *self,
                                                      guint          index);
PlcObligationState  plc_obligation_get_part_state    (PlcObligation *self,
                                                      guint          index);

gboolean            plc_obligation_is_open           (PlcObligation *self);
int                 plc_obligation_compare           (PlcObligation *a,
                                                      PlcObligation *b);

G_END_DECLS
