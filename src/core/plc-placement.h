/* plc-placement.h: one placement of a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-child.h"
#include "plc-date.h"
#include "plc-enums.h"
#include "plc-record.h"

G_BEGIN_DECLS

#define PLC_TYPE_PLACEMENT (plc_placement_get_type ())

G_DECLARE_FINAL_TYPE (PlcPlacement, plc_placement, PLC, PLACEMENT, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcPlacement, plc_placement)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version", "ref" and "deleted", and
 *   "child-id" (gint64), "child-ref" (string), "placing-municipality" (code),
 *   "caseworker", "legal-basis" (PlcLegalBasis), "form" (PlcPlacementForm),
 *   "start-date" (guint: PlcDate), "acute" (boolean),
 *   "planned-end-date", "end-date" (guint: PlcDate), "end-reason",
 *   "placed-in-municipality" (code, nullable), "placed-in-region" (county
 *   code, nullable), "other-region" (boolean), "lvu-decision-date",
 *   "custody-carried-out-date", "investigation-closed-date",
 *   "restriction-decided-date" (guint: PlcDate), "previous-id" (gint64, 0 =
 *   none), "previous-ref" (string, nullable), "home-ref" (string,
 *   nullable), "discharge-notice-date", "temporary-moving-ban-date" (guint:
 *   PlcDate), "lvu-international" (boolean).
 * Setting an empty string stores NULL.
 */

PlcPlacement     *plc_placement_new                          (void);
PlcPlacement     *plc_placement_copy                         (PlcPlacement     *self);

gint64            plc_placement_get_child_id                 (PlcPlacement     *self);
void              plc_placement_set_child_id                 (PlcPlacement     *self,
                                                              gint64            child_id);
const char       *plc_placement_get_child_ref                (PlcPlacement     *self);
void              plc_placement_set_child_ref                (PlcPlacement     *self,
                                                              const char       *child_ref);
const char       *plc_placement_get_placing_municipality     (PlcPlacement     *self);
void              plc_placement_set_placing_municipality     (PlcPlacement     *self,
                                                              const char       *code);
const char       *plc_placement_get_caseworker               (PlcPlacement     *self);
void              plc_placement_set_caseworker               (PlcPlacement     *self,
                                                              const char       *caseworker);
PlcLegalBasis     plc_placement_get_legal_basis              (PlcPlacement     *self);
void              plc_placement_set_legal_basis              (PlcPlacement     *self,
                                                              PlcLegalBasis     legal_basis);
PlcPlacementForm  plc_placement_get_form                     (PlcPlacement     *self);
void              plc_placement_set_form                     (PlcPlacement     *self,
                                                              PlcPlacementForm  form);
PlcDate           plc_placement_get_start_date               (PlcPlacement     *self);
void              plc_placement_set_start_date               (PlcPlacement     *self,
                                                              PlcDate           start_date);
gboolean          plc_placement_get_acute                    (PlcPlacement     *self);
void              plc_placement_set_acute                    (PlcPlacement     *self,
                                                              gboolean          acute);
PlcDate           plc_placement_get_planned_end_date         (PlcPlacement     *self);
void              plc_placement_set_planned_end_date         (PlcPlacement     *self,
                                                              PlcDate           planned_end_date);
PlcDate           plc_placement_get_end_date                 (PlcPlacement     *self);
void              plc_placement_set_end_date                 (PlcPlacement     *self,
                                                              PlcDate           end_date);
const char       *plc_placement_get_end_reason               (PlcPlacement     *self);
void              plc_placement_set_end_reason               (PlcPlacement     *self,
                                                              const char       *end_reason);
const char       *plc_placement_get_placed_in_municipality   (PlcPlacement     *self);
void              plc_placement_set_placed_in_municipality   (PlcPlacement     *self,
                                                              const char       *code);
const char       *plc_placement_get_placed_in_region         (PlcPlacement     *self);
void              plc_placement_set_placed_in_region         (PlcPlacement     *self,
                                                              const char       *county_code);
gboolean          plc_placement_get_other_region             (PlcPlacement     *self);
void              plc_placement_set_other_region             (PlcPlacement     *self,
                                                              gboolean          other_region);
PlcDate           plc_placement_get_lvu_decision_date        (PlcPlacement     *self);
void              plc_placement_set_lvu_decision_date        (PlcPlacement     *self,
                                                              PlcDate           lvu_decision_date);
PlcDate           plc_placement_get_custody_carried_out_date (PlcPlacement     *self);
void              plc_placement_set_custody_carried_out_date (PlcPlacement     *self,
                                                              PlcDate           custody_carried_out_date);
PlcDate           plc_placement_get_investigation_closed_date (PlcPlacement    *self);
void              plc_placement_set_investigation_closed_date (PlcPlacement    *self,
                                                               PlcDate          investigation_closed_date);
PlcDate           plc_placement_get_restriction_decided_date (PlcPlacement     *self);
void              plc_placement_set_restriction_decided_date (PlcPlacement     *self,
                                                              PlcDate           restriction_decided_date);
gint64            plc_placement_get_previous_id              (PlcPlacement     *self);
void              plc_placement_set_previous_id              (PlcPlacement     *self,
                                                              gint64            previous_id);
const char       *plc_placement_get_previous_ref             (PlcPlacement     *self);
void              plc_placement_set_previous_ref             (PlcPlacement     *self,
                                                              const char       *previous_ref);

const char       *plc_placement_get_home_ref                 (PlcPlacement     *self);
void              plc_placement_set_home_ref                 (PlcPlacement     *self,
                                                              const char       *home_ref);
PlcDate           plc_placement_get_discharge_notice_date    (PlcPlacement     *self);
void              plc_placement_set_discharge_notice_date    (PlcPlacement     *self,
                                                              PlcDate           discharge_notice_date);
PlcDate           plc_placement_get_temporary_moving_ban_date (PlcPlacement    *self);
void              plc_placement_set_temporary_moving_ban_date (PlcPlacement    *self,
                                                               PlcDate          temporary_moving_ban_date);
gboolean          plc_placement_get_lvu_international        (PlcPlacement     *self);
void              plc_placement_set_lvu_international        (PlcPlacement     *self,
                                                              gboolean          lvu_international);

void              plc_placement_update_other_region          (PlcPlacement     *self,
                                                              PlcChild         *child);
gboolean          plc_placement_validate                     (PlcPlacement     *self,
                                                              PlcChild         *child,
                                                              GError          **error);
gboolean          plc_placement_is_active                    (PlcPlacement     *self,
                                                              PlcDate           on);

G_END_DECLS
