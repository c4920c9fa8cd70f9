/* plc-engine.h: the rules engine, from placements to dated obligations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-child.h"
#include "plc-obligation.h"
#include "plc-placement.h"
#include "plc-profile-set.h"

G_BEGIN_DECLS

#define PLC_TYPE_ENGINE (plc_engine_get_type ())

G_DECLARE_FINAL_TYPE (PlcEngine, plc_engine, PLC, ENGINE, GObject)

#define PLC_ENGINE_DEFAULT_UPCOMING_DAYS 14

PlcEngine     *plc_engine_new                  (PlcProfileSet  *profiles);
PlcProfileSet *plc_engine_get_profiles         (PlcEngine      *self);

int            plc_engine_get_upcoming_days    (PlcEngine      *self);
void           plc_engine_set_upcoming_days    (PlcEngine      *self,
                                                int             days);

void           plc_engine_set_routine_offset   (PlcEngine      *self,
                                                const char     *profile_id,
                                                const char     *rule_id,
                                                PlcOffset       offset);
void           plc_engine_clear_routine_offsets (PlcEngine     *self);
void           plc_engine_learn_routines       (PlcEngine      *self,
                                                GPtrArray      *routines);

/**
 * PlcRoutineSource:
 * @PLC_ROUTINE_SOURCE_PROFILE: the profile's own offset
 * @PLC_ROUTINE_SOURCE_USER: the user's own local routine, in the database
 * @PLC_ROUTINE_SOURCE_OFFICE: the office's, where the user has none
 * @PLC_ROUTINE_SOURCE_OFFICE_LOCKED: the office's, locked by IT
 */
typedef enum
{
  PLC_ROUTINE_SOURCE_PROFILE,
  PLC_ROUTINE_SOURCE_USER,
  PLC_ROUTINE_SOURCE_OFFICE,
  PLC_ROUTINE_SOURCE_OFFICE_LOCKED,
} PlcRoutineSource;

void           plc_engine_set_office_routines  (PlcEngine      *self,
                                                GPtrArray      *routines,
                                                gboolean        locked);
const PlcOffset *plc_engine_lookup_routine     (PlcEngine      *self,
                                                const char     *profile_id,
                                                const char     *rule_id,
                                                PlcRoutineSource *source);
gboolean       plc_engine_get_office_locked    (PlcEngine      *self);

void           plc_engine_clear_continued      (PlcEngine      *self);
void           plc_engine_learn_moves          (PlcEngine      *self,
                                                GPtrArray      *placements);
void           plc_engine_learn_moves_of       (PlcEngine      *self,
                                                GPtrArray      *placements);
void           plc_engine_learn_step_statuses  (PlcEngine      *self,
                                                GPtrArray      *statuses);
void           plc_engine_learn_step_statuses_of (PlcEngine    *self,
                                                  GPtrArray    *placements,
                                                  GPtrArray    *statuses);
void           plc_engine_set_care_start       (PlcEngine      *self,
                                                gint64          placement_id,
                                                PlcDate         care_start);
void           plc_engine_set_continued        (PlcEngine      *self,
                                                gint64          placement_id,
                                                gboolean        continued);

PlcProfile    *plc_engine_select_profile       (PlcEngine      *self,
                                                PlcChild       *child,
                                                PlcPlacement   *placement,
                                                char          **warning);
GPtrArray     *plc_engine_compute              (PlcEngine      *self,
                                                PlcChild       *child,
                                                PlcPlacement   *placement,
                                                GPtrArray      *step_statuses,
                                                PlcDate         today,
                                                char          **warning);

gboolean       plc_engine_is_upcoming          (PlcEngine      *self,
                                                PlcObligation  *obligation,
                                                PlcDate         today);

G_END_DECLS
