/* plc-obligation-private.h: what the rules engine fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plc-obligation.h"

G_BEGIN_DECLS

typedef struct
{
  char               *id;
  char               *title;
  PlcObligationState  state;
} PlcObligationPart;

struct _PlcObligation
{
  GObject             parent_instance;

  gint64              placement_id;
  char               *placement_ref;
  char               *child_ref;
  char               *caseworker;
  char               *rule_id;
  const PlcRule      *rule;      /* owned by profile; NULL if no profile has it */
  PlcProfile         *profile;   /* the rule's profile, holds the rule alive */
  int                 occurrence;
  char               *title;
  PlcDate             due;          /* after any move to a weekday */
  PlcDate             nominal_due;  /* the day counted to */
  PlcObligationState  state;
  PlcStepStatus      *status;
  PlcDate             done_date;
  PlcDate             anchor_date;
  PlcOffset           offset;
  gboolean            offset_changed;
  char               *reference;
  char               *source;
  char               *explanation;  /* made when first asked for */
  char               *explain_anchor;
  char               *explain_missing;
  char               *explain_note;  /* why the baseline governs it */
  char               *recorded_on;   /* the placement its status is from, if another */
  GArray             *parts;     /* of PlcObligationPart */
};

PlcObligation *_plc_obligation_new     (void);
/* In plc-engine.c: the sentence of plc_obligation_get_explanation () */
char          *_plc_engine_explain     (PlcObligation *ob,
                                        const char    *anchor_text,
                                        const char    *missing);

G_END_DECLS
