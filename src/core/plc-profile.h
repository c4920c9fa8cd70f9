/* plc-profile.h: agreement profiles, the rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"

G_BEGIN_DECLS

/**
 * PLC_PROFILE_MAX_SIZE:
 *
 * The largest agreement profile read, in bytes: 4 MiB (the national
 * baseline takes 30 kB).
 */
#define PLC_PROFILE_MAX_SIZE ((gsize) 4 * 1024 * 1024)

/*
 * A profile is one agreement (or the national baseline) as loaded from a
 * file whose format data/profiles/README.md describes.  Profiles are
 * immutable once loaded.  Texts come in Swedish and English; the getters
 * return the one that matches the user interface's language.
 */

#define PLC_TYPE_PROFILE (plc_profile_get_type ())

G_DECLARE_FINAL_TYPE (PlcProfile, plc_profile, PLC, PROFILE, GObject)

typedef struct _PlcRule PlcRule;
typedef struct _PlcEscalationLevel PlcEscalationLevel;

typedef enum
{
  PLC_PROFILE_KIND_BASELINE,
  PLC_PROFILE_KIND_REGIONAL,
} PlcProfileKind;

/**
 * PlcAnchor:
 *
 * What a rule's due date counts from.
 */
typedef enum
{
  PLC_ANCHOR_PLACEMENT_START,
  PLC_ANCHOR_CUSTODY_DECIDED,
  PLC_ANCHOR_CUSTODY_CARRIED_OUT,
  PLC_ANCHOR_PLANNED_END,
  PLC_ANCHOR_PLACEMENT_END,
  PLC_ANCHOR_INVESTIGATION_CLOSED,
  PLC_ANCHOR_RESTRICTION_DECIDED,
  PLC_ANCHOR_CARE_START,
  PLC_ANCHOR_HOME_START,
  PLC_ANCHOR_DISCHARGE_NOTICE,
  PLC_ANCHOR_TEMPORARY_MOVING_BAN,
  PLC_ANCHOR_RULE,
} PlcAnchor;

typedef struct
{
  int           amount;
  PlcOffsetUnit unit;
} PlcOffset;

/* Which text of a profile to show: follows the interface language. */
gboolean            plc_profile_texts_in_swedish      (void);

gboolean            plc_profile_read_file             (const char          *path,
                                                       char               **contents,
                                                       gsize               *length,
                                                       GError             **error);
PlcProfile         *plc_profile_load_from_file        (const char          *path,
                                                       PlcProfile          *baseline,
                                                       GError             **error);
PlcProfile         *plc_profile_load_from_data        (const char          *data,
                                                       gssize               length,
                                                       const char          *name,
                                                       PlcProfile          *baseline,
                                                       GError             **error);

const char         *plc_profile_get_id                (PlcProfile          *self);
const char         *plc_profile_get_version           (PlcProfile          *self);
PlcProfileKind      plc_profile_get_kind              (PlcProfile          *self);
const char         *plc_profile_get_name              (PlcProfile          *self);
const char         *plc_profile_get_description       (PlcProfile          *self);
const char         *plc_profile_get_document          (PlcProfile          *self);
const char         *plc_profile_get_region            (PlcProfile          *self);
const char         *plc_profile_get_path              (PlcProfile          *self);
void                plc_profile_set_path              (PlcProfile          *self,
                                                       const char          *path);
gboolean            plc_profile_get_shipped           (PlcProfile          *self);
void                plc_profile_set_shipped           (PlcProfile          *self,
                                                       gboolean             shipped);

const char * const *plc_profile_get_party_names       (PlcProfile          *self);
gboolean            plc_profile_has_party             (PlcProfile          *self,
                                                       const char          *municipality_code);

PlcDate             plc_profile_get_valid_from        (PlcProfile          *self);
PlcDate             plc_profile_get_valid_to          (PlcProfile          *self);
PlcDate             plc_profile_get_effective_end     (PlcProfile          *self);
gboolean            plc_profile_get_extension         (PlcProfile          *self,
                                                       PlcOffset           *offset,
                                                       const char         **condition,
                                                       gboolean            *in_effect);
const char         *plc_profile_get_notice            (PlcProfile          *self);
const char         *plc_profile_get_review            (PlcProfile          *self);
gboolean            plc_profile_is_valid_on           (PlcProfile          *self,
                                                       PlcDate              date);

gboolean            plc_profile_scope_covers          (PlcProfile          *self,
                                                       PlcLegalBasis        legal_basis,
                                                       PlcPlacementForm     form,
                                                       int                  age,
                                                       char               **why_not);

guint               plc_profile_get_n_rules           (PlcProfile          *self);
const PlcRule      *plc_profile_get_rule              (PlcProfile          *self,
                                                       guint                index);
gboolean            plc_profile_has_rule_id           (PlcProfile          *self,
                                                       const char          *rule_id);

guint               plc_profile_get_n_escalation_levels (PlcProfile        *self);
const PlcEscalationLevel *plc_profile_get_escalation_level (PlcProfile     *self,
                                                            guint           index);
const char         *plc_profile_get_deviation_system        (PlcProfile    *self);
const char         *plc_profile_get_deviation_event_category (PlcProfile   *self);
const char         *plc_profile_get_deviation_title         (PlcProfile    *self);

guint               plc_profile_get_n_indicators      (PlcProfile          *self);
const char         *plc_profile_get_indicator_id      (PlcProfile          *self,
                                                       guint                index);
const char         *plc_profile_get_indicator_title   (PlcProfile          *self,
                                                       guint                index);

int                 plc_profile_compare_versions      (const char          *a,
                                                       const char          *b);

/* Rules: owned by their profile */
PlcProfile         *plc_rule_get_profile              (const PlcRule       *rule);
const char         *plc_rule_get_id                   (const PlcRule       *rule);
const char         *plc_rule_get_title                (const PlcRule       *rule);
const char         *plc_rule_get_description          (const PlcRule       *rule);
const char         *plc_rule_get_section              (const PlcRule       *rule);
PlcParty            plc_rule_get_responsible          (const PlcRule       *rule);
char               *plc_rule_dup_references           (const PlcRule       *rule);
guint               plc_rule_get_n_anchors            (const PlcRule       *rule);
PlcAnchor           plc_rule_get_anchor               (const PlcRule       *rule,
                                                       guint                index,
                                                       const char         **anchor_rule_id);
PlcOffset           plc_rule_get_offset               (const PlcRule       *rule);
gboolean            plc_rule_get_recurrence           (const PlcRule       *rule,
                                                       PlcOffset           *every,
                                                       gboolean            *from_completion,
                                                       int                 *until_age);
gboolean            plc_rule_get_not_needed_allowed   (const PlcRule       *rule);
gboolean            plc_rule_get_local_routine        (const PlcRule       *rule);
gboolean            plc_rule_get_statutory            (const PlcRule       *rule);
int                 plc_rule_get_max_age_at_due       (const PlcRule       *rule);
gboolean            plc_rule_has_anchor               (const PlcRule       *rule,
                                                       PlcAnchor            anchor);
guint               plc_rule_get_n_parts              (const PlcRule       *rule);
const char         *plc_rule_get_part_id              (const PlcRule       *rule,
                                                       guint                index);
const char         *plc_rule_get_part_title           (const PlcRule       *rule,
                                                       guint                index);
char               *plc_rule_dup_conditions           (const PlcRule       *rule);

typedef struct
{
  PlcLegalBasis    legal_basis;
  PlcPlacementForm form;
  int              age;            /* at the start; -1 if unknown */
  gboolean         acute;
  gboolean         asylum_seeker;
  gboolean         other_region;
  gboolean         restriction;
  PlcDate          start;          /* the placement's start */
  int              age_at_end;     /* -1 if unknown or not ended */
  gboolean         undocumented;   /* the child is in Sweden without a permit */
  gboolean         other_municipality; /* placed in another municipality */
  gboolean         lvu_international;  /* Swedish courts cannot decide on care */
} PlcRuleFacts;

gboolean            plc_rule_applies                  (const PlcRule       *rule,
                                                       const PlcRuleFacts  *facts);

int                 plc_escalation_level_get_level       (const PlcEscalationLevel *level);
const char         *plc_escalation_level_get_body        (const PlcEscalationLevel *level);
const char         *plc_escalation_level_get_description (const PlcEscalationLevel *level);
gboolean            plc_escalation_level_get_notice      (const PlcEscalationLevel *level,
                                                          PlcOffset                *notice);
gboolean            plc_escalation_level_get_in_writing  (const PlcEscalationLevel *level);

guint               plc_profile_get_n_dispute_ladders    (PlcProfile               *self);
const char         *plc_profile_get_dispute_ladder_title (PlcProfile               *self,
                                                          guint                     ladder);
const char         *plc_profile_get_dispute_ladder_section (PlcProfile             *self,
                                                            guint                   ladder);
guint               plc_profile_get_dispute_ladder_n_levels (PlcProfile            *self,
                                                             guint                  ladder);
const PlcEscalationLevel *plc_profile_get_dispute_ladder_level (PlcProfile        *self,
                                                               guint              ladder,
                                                               guint              index);

const char         *plc_anchor_to_string              (PlcAnchor            anchor);

PlcDate             plc_offset_apply                  (PlcOffset            offset,
                                                       PlcDate              date);
char               *plc_offset_to_display             (PlcOffset            offset);

G_END_DECLS
