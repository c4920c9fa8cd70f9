/* plc-deviation-report.h: deviations made from overdue steps, and their
 * printable reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-deviation.h"
#include "plc-obligation.h"
#include "plc-profile.h"

G_BEGIN_DECLS

PlcDeviationDirection plc_deviation_direction_for_party (PlcParty             responsible);
PlcDeviationCategory  plc_deviation_category_for_rule   (const char          *rule_id);
PlcDeviation         *plc_deviation_new_for_obligation  (PlcObligation       *obligation,
                                                         PlcDate              today);

char                 *plc_escalation_level_dup_conditions (const PlcEscalationLevel *level);

/**
 * PlcReportLineKind:
 * @PLC_REPORT_LINE_TITLE: the report's title
 * @PLC_REPORT_LINE_HEADING: a section heading
 * @PLC_REPORT_LINE_FIELD: a labelled value
 * @PLC_REPORT_LINE_TEXT: a paragraph
 */
typedef enum
{
  PLC_REPORT_LINE_TITLE,
  PLC_REPORT_LINE_HEADING,
  PLC_REPORT_LINE_FIELD,
  PLC_REPORT_LINE_TEXT,
} PlcReportLineKind;

typedef struct
{
  PlcReportLineKind  kind;
  char              *label;   /* for fields; %NULL otherwise */
  char              *text;
} PlcReportLine;

GPtrArray            *plc_deviation_build_report        (PlcDeviation        *deviation,
                                                         PlcProfile          *profile,
                                                         const char          *child_name,
                                                         PlcDate              printed_on);
char                 *plc_report_lines_to_text          (GPtrArray           *lines);

G_END_DECLS
