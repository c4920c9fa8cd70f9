/* plc-deviation.h: a deviation report (avvikelse) between municipality and region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"
#include "plc-record.h"

G_BEGIN_DECLS

/**
 * PlcDeviationEvent:
 * @at: when, as an ISO 8601 UTC timestamp
 * @user: who (OS user)
 * @status: the status the deviation went to
 * @escalation_step: the escalation step after the event (0 = not escalated)
 * @note: a note, or %NULL
 *
 * One entry in a deviation's history.
 */
typedef struct
{
  char               *at;
  char               *user;
  PlcDeviationStatus  status;
  int                 escalation_step;
  char               *note;
} PlcDeviationEvent;

#define PLC_TYPE_DEVIATION_EVENT (plc_deviation_event_get_type ())

GType              plc_deviation_event_get_type (void) G_GNUC_CONST;
PlcDeviationEvent *plc_deviation_event_new      (void);
PlcDeviationEvent *plc_deviation_event_copy     (const PlcDeviationEvent *event);
void               plc_deviation_event_free     (PlcDeviationEvent       *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcDeviationEvent, plc_deviation_event_free)

#define PLC_TYPE_DEVIATION (plc_deviation_get_type ())

G_DECLARE_FINAL_TYPE (PlcDeviation, plc_deviation, PLC, DEVIATION, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcDeviation, plc_deviation)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version", "ref" and "deleted", and
 *   "title", "description", "occurred-on" (guint: PlcDate),
 *   "direction" (PlcDeviationDirection), "unit",
 *   "category" (PlcDeviationCategory), "placement-id" (gint64, 0 = none),
 *   "placement-ref", "rule" (nullable), "profile" (nullable),
 *   "status" (PlcDeviationStatus), "conclusion", "escalation-step" (int >= 0).
 * Setting an empty string stores NULL.
 */

PlcDeviation          *plc_deviation_new                     (void);
PlcDeviation          *plc_deviation_copy                    (PlcDeviation          *self);

const char            *plc_deviation_get_title               (PlcDeviation          *self);
void                   plc_deviation_set_title               (PlcDeviation          *self,
                                                              const char            *title);
const char            *plc_deviation_get_description         (PlcDeviation          *self);
void                   plc_deviation_set_description         (PlcDeviation          *self,
                                                              const char            *description);
PlcDate                plc_deviation_get_occurred_on         (PlcDeviation          *self);
void                   plc_deviation_set_occurred_on         (PlcDeviation          *self,
                                                              PlcDate                occurred_on);
PlcDeviationDirection  plc_deviation_get_direction           (PlcDeviation          *self);
void                   plc_deviation_set_direction           (PlcDeviation          *self,
                                                              PlcDeviationDirection  direction);
const char            *plc_deviation_get_unit                (PlcDeviation          *self);
void                   plc_deviation_set_unit                (PlcDeviation          *self,
                                                              const char            *unit);
PlcDeviationCategory   plc_deviation_get_category            (PlcDeviation          *self);
void                   plc_deviation_set_category            (PlcDeviation          *self,
                                                              PlcDeviationCategory   category);
gint64                 plc_deviation_get_placement_id        (PlcDeviation          *self);
void                   plc_deviation_set_placement_id        (PlcDeviation          *self,
                                                              gint64                 placement_id);
const char            *plc_deviation_get_placement_ref       (PlcDeviation          *self);
void                   plc_deviation_set_placement_ref       (PlcDeviation          *self,
                                                              const char            *placement_ref);
const char            *plc_deviation_get_rule                (PlcDeviation          *self);
void                   plc_deviation_set_rule                (PlcDeviation          *self,
                                                              const char            *rule);
const char            *plc_deviation_get_profile             (PlcDeviation          *self);
void                   plc_deviation_set_profile             (PlcDeviation          *self,
                                                              const char            *profile);
PlcDeviationStatus     plc_deviation_get_status              (PlcDeviation          *self);
void                   plc_deviation_set_status              (PlcDeviation          *self,
                                                              PlcDeviationStatus     status);
const char            *plc_deviation_get_conclusion          (PlcDeviation          *self);
void                   plc_deviation_set_conclusion          (PlcDeviation          *self,
                                                              const char            *conclusion);
int                    plc_deviation_get_escalation_step     (PlcDeviation          *self);
void                   plc_deviation_set_escalation_step     (PlcDeviation          *self,
                                                              int                    escalation_step);

GPtrArray             *plc_deviation_get_history             (PlcDeviation          *self);
void                   plc_deviation_add_event               (PlcDeviation          *self,
                                                              PlcDeviationEvent     *event);
void                   plc_deviation_set_status_with_event   (PlcDeviation          *self,
                                                              PlcDeviationStatus     status,
                                                              const char            *user,
                                                              const char            *note);
void                   plc_deviation_escalate                (PlcDeviation          *self,
                                                              const char            *user,
                                                              const char            *note);

gboolean               plc_deviation_validate                (PlcDeviation          *self,
                                                              GError               **error);

G_END_DECLS
