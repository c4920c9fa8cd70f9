/* plc-deviation-report.c: deviations made from overdue steps, and their
 * printable reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviation-report"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviation-report.h"
#include "plc-municipality.h"

/**
 * plc_deviation_direction_for_party:
 * @responsible: who a rule makes responsible for a step
 *
 * The direction of a deviation about a step that @responsible did not take:
 * the other party reports it.  When the region is responsible, the
 * municipality reports the region; when the municipality (or its board) is
 * responsible, the region reports the municipality.  A step both share, or
 * one for the court, is taken to be reported by the municipality, whose
 * caseworkers use this application.
 *
 * Returns: the direction
 */
PlcDeviationDirection
plc_deviation_direction_for_party (PlcParty responsible)
{
  switch (responsible)
    {
    case PLC_PARTY_MUNICIPALITY:
    case PLC_PARTY_BOARD:
      return PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY;
    case PLC_PARTY_REGION:
    case PLC_PARTY_BOTH:
    case PLC_PARTY_COURT:
    default:
      return PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION;
    }
}

/**
 * plc_deviation_category_for_rule:
 * @rule_id: (nullable): a rule id, such as "health-exam"
 *
 * Guesses the category of a deviation about a step of the rule @rule_id
 * from the words in the id.  The user may change it.
 *
 * Returns: the category; %PLC_DEVIATION_CATEGORY_OTHER if nothing fits
 */
PlcDeviationCategory
plc_deviation_category_for_rule (const char *rule_id)
{
  static const struct {
    const char           *word;
    PlcDeviationCategory  category;
  } words[] = {
    { "health-exam", PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION },
    { "medical-exam", PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION },
    { "dental", PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION },
    { "sip", PLC_DEVIATION_CATEGORY_SIP },
    { "referral", PLC_DEVIATION_CATEGORY_REFERRAL },
    { "remiss", PLC_DEVIATION_CATEGORY_REFERRAL },
    { "information", PLC_DEVIATION_CATEGORY_INFORMATION },
    { "notification", PLC_DEVIATION_CATEGORY_INFORMATION },
    { "handover", PLC_DEVIATION_CATEGORY_INFORMATION },
    { "cost", PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY },
    { "care-planning", PLC_DEVIATION_CATEGORY_CARE_PLANNING },
    { "planning", PLC_DEVIATION_CATEGORY_CARE_PLANNING },
    { "discharge", PLC_DEVIATION_CATEGORY_DISCHARGE },
    { "end", PLC_DEVIATION_CATEGORY_DISCHARGE },
    { "access", PLC_DEVIATION_CATEGORY_ACCESS_TO_CARE },
  };

  if (rule_id == NULL)
    return PLC_DEVIATION_CATEGORY_OTHER;

  /* The first word that matches wins: "health-exam-notification" is about
   * the health examination. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (rule_id, words[i].word) != NULL)
      return words[i].category;

  return PLC_DEVIATION_CATEGORY_OTHER;
}

/**
 * plc_deviation_new_for_obligation:
 * @obligation: an overdue step
 * @today: the date the deviation is reported on
 *
 * A new draft deviation about @obligation: its rule, placement and
 * agreement; the other party (the direction, and the region's name as the
 * unit when the region was responsible); the due date as the date it
 * occurred on and @today in the description; a category guessed from the
 * rule; and, where the agreement sets labels for the deviation system (such
 * as Dalarna's title for Synergi), those.  The history holds one event
 * saying where it came from.  Neither the child's name nor any other
 * personal data is copied into the deviation.
 *
 * Returns: (transfer full): a new, unsaved deviation
 */
PlcDeviation *
plc_deviation_new_for_obligation (PlcObligation *obligation,
                                  PlcDate        today)
{
  PlcDeviation *deviation;
  const PlcRule *rule;
  PlcProfile *profile;
  PlcParty responsible = PLC_PARTY_REGION;
  g_autofree char *due = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  const char *title;
  const char *label_title = NULL;

  g_return_val_if_fail (PLC_IS_OBLIGATION (obligation), NULL);

  rule = plc_obligation_get_rule (obligation);
  profile = plc_obligation_get_profile (obligation);
  if (rule != NULL)
    responsible = plc_rule_get_responsible (rule);
  title = plc_obligation_get_title (obligation);
  due = plc_date_to_iso (plc_obligation_get_due (obligation));
  reported = plc_date_to_iso (today);

  deviation = plc_deviation_new ();
  plc_deviation_set_rule (deviation, plc_obligation_get_rule_id (obligation));
  plc_deviation_set_placement_id (deviation, plc_obligation_get_placement_id (obligation));
  plc_deviation_set_placement_ref (deviation, plc_obligation_get_placement_ref (obligation));
  plc_deviation_set_occurred_on (deviation, plc_obligation_get_due (obligation));
  plc_deviation_set_direction (deviation, plc_deviation_direction_for_party (responsible));
  plc_deviation_set_category (deviation,
                              plc_deviation_category_for_rule (plc_obligation_get_rule_id (obligation)));
  plc_deviation_set_status (deviation, PLC_DEVIATION_STATUS_DRAFT);

  if (profile != NULL)
    {
      plc_deviation_set_profile (deviation, plc_profile_get_id (profile));
      label_title = plc_profile_get_deviation_title (profile);

      if (responsible == PLC_PARTY_REGION && plc_profile_get_region (profile) != NULL)
        {
          const PlcRegion *region = plc_region_get (plc_profile_get_region (profile));

          if (region != NULL)
            plc_deviation_set_unit (deviation, region->name);
        }
    }

  if (label_title != NULL && *label_title != '\0')
    plc_deviation_set_title (deviation, label_title);
  else
    {
      /* Translators: the title of a deviation report about an overdue
       * step; %s is the step's title */
      g_autofree char *fallback = g_strdup_printf (_("Not done in time: %s"), title);

      plc_deviation_set_title (deviation, fallback);
    }

  /* Translators: the pre-filled description of a deviation report; the
   * first %s is a step's title, the second its due date, the third the
   * date of the report */
  description = g_strdup_printf (_("The step “%s” was due on %s and had not been taken on %s."),
                                 title, due, reported);
  plc_deviation_set_description (deviation, description);

  /* Translators: a note in a deviation's history; %s is a step's title */
  note = g_strdup_printf (_("Made from the overdue step “%s”"), title);
  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_DRAFT, NULL, note);

  return deviation;
}

/**
 * plc_escalation_level_dup_conditions:
 * @level: a step of an agreement's escalation ladder
 *
 * Returns: (transfer full) (nullable): what the step requires before a
 *   matter is taken to it, such as "Notice at least 1 month ahead, in
 *   writing", or %NULL if nothing
 */
char *
plc_escalation_level_dup_conditions (const PlcEscalationLevel *level)
{
  PlcOffset notice;
  gboolean has_notice;
  gboolean in_writing;

  g_return_val_if_fail (level != NULL, NULL);

  has_notice = plc_escalation_level_get_notice (level, &notice);
  in_writing = plc_escalation_level_get_in_writing (level);

  if (has_notice)
    {
      g_autofree char *length = plc_offset_to_display (notice);

      if (in_writing)
        /* Translators: a condition of a step of an escalation ladder; %s
         * is a length of time, such as "1 month" */
        return g_strdup_printf (_("Notice at least %s ahead, then in writing"), length);
      /* Translators: a condition of a step of an escalation ladder; %s is a
       * length of time, such as "1 month" */
      return g_strdup_printf (_("Notice at least %s ahead"), length);
    }

  if (in_writing)
    return g_strdup (_("In writing"));

  return NULL;
}

static void
report_line_free (PlcReportLine *line)
{
  g_free (line->label);
  g_free (line->text);
  g_free (line);
}

static void
add_line (GPtrArray         *lines,
          PlcReportLineKind  kind,
          const char        *label,
          const char        *text)
{
  PlcReportLine *line = g_new0 (PlcReportLine, 1);

  line->kind = kind;
  line->label = g_strdup (label);
  line->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (lines, line);
}

static const char *
rule_title (PlcProfile *profile,
            const char *rule_id)
{
  if (profile == NULL || rule_id == NULL)
    return rule_id;

  for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
    {
      const PlcRule *rule = plc_profile_get_rule (profile, i);

      if (g_strcmp0 (plc_rule_get_id (rule), rule_id) == 0)
        return plc_rule_get_title (rule);
    }

  return rule_id;
}

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * plc_deviation_build_report:
 * @deviation: a deviation
 * @profile: (nullable): its agreement, for the ladder and the labels
 * @child_name: (nullable): the child's name, only if the user chose to
 *   name the child; %NULL leaves it out
 * @printed_on: the date the report is made
 *
 * The text of a printable report of @deviation, as lines to lay out: the
 * title, dates, unit, direction, category, description, status, where it
 * stands on the agreement's escalation ladder, the agreement's labels and
 * the history.  Unless @child_name is given the report names no one but
 * the staff in its history: the placement is only said to be linked, and
 * its reference (which may be made from a name) is left out.
 *
 * Returns: (transfer full) (element-type PlcReportLine): the lines
 */
GPtrArray *
plc_deviation_build_report (PlcDeviation *deviation,
                            PlcProfile   *profile,
                            const char   *child_name,
                            PlcDate       printed_on)
{
  GPtrArray *lines;
  GPtrArray *history;
  g_autofree char *occurred = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *standing = NULL;
  guint n_levels = 0;
  int step;
  const char *text;

  g_return_val_if_fail (PLC_IS_DEVIATION (deviation), NULL);
  g_return_val_if_fail (profile == NULL || PLC_IS_PROFILE (profile), NULL);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) report_line_free);
  step = plc_deviation_get_escalation_step (deviation);
  if (profile != NULL)
    n_levels = plc_profile_get_n_escalation_levels (profile);

  add_line (lines, PLC_REPORT_LINE_TITLE, NULL, plc_deviation_get_title (deviation));

  occurred = plc_date_to_iso (plc_deviation_get_occurred_on (deviation));
  printed = plc_date_to_iso (printed_on);
  add_line (lines, PLC_REPORT_LINE_FIELD, _("Occurred on"), occurred);
  add_line (lines, PLC_REPORT_LINE_FIELD, _("Printed on"), printed);
  if (plc_deviation_get_ref (deviation) != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Reference"), plc_deviation_get_ref (deviation));

  add_line (lines, PLC_REPORT_LINE_HEADING, NULL, _("Details"));
  add_line (lines, PLC_REPORT_LINE_FIELD, _("Direction"),
            plc_deviation_direction_get_display_name (plc_deviation_get_direction (deviation)));
  if (plc_deviation_get_unit (deviation) != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Unit"), plc_deviation_get_unit (deviation));
  add_line (lines, PLC_REPORT_LINE_FIELD, _("Category"),
            plc_deviation_category_get_display_name (plc_deviation_get_category (deviation)));
  if (profile != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Agreement"), plc_profile_get_name (profile));
  else if (plc_deviation_get_profile (deviation) != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Agreement"), plc_deviation_get_profile (deviation));
  if (plc_deviation_get_rule (deviation) != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Step"),
              rule_title (profile, plc_deviation_get_rule (deviation)));
  if (child_name != NULL && *child_name != '\0')
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Child"), child_name);
  else if (plc_deviation_get_placement_id (deviation) != 0 ||
           plc_deviation_get_placement_ref (deviation) != NULL)
    add_line (lines, PLC_REPORT_LINE_FIELD, _("Placement"),
              _("Linked to a placement; the child is not named in this report"));

  add_line (lines, PLC_REPORT_LINE_FIELD, _("Status"),
            plc_deviation_status_get_display_name (plc_deviation_get_status (deviation)));
  if (step == 0)
    standing = g_strdup (_("Not escalated"));
  else if (step <= (int) n_levels)
    {
      const PlcEscalationLevel *level = plc_profile_get_escalation_level (profile, step - 1);

      /* Translators: where a deviation stands on an escalation ladder:
       * "Level 2 of 4: The county heads' network" */
      standing = g_strdup_printf (_("Level %d of %u: %s"), step, n_levels,
                                  plc_escalation_level_get_body (level));
    }
  else
    /* Translators: %d is an escalation level */
    standing = g_strdup_printf (_("Level %d"), step);
  add_line (lines, PLC_REPORT_LINE_FIELD, _("Escalation"), standing);

  text = plc_deviation_get_description (deviation);
  add_line (lines, PLC_REPORT_LINE_HEADING, NULL, _("What Happened"));
  add_line (lines, PLC_REPORT_LINE_TEXT, NULL, text != NULL ? text : _("No description."));

  text = plc_deviation_get_conclusion (deviation);
  if (text != NULL)
    {
      add_line (lines, PLC_REPORT_LINE_HEADING, NULL, _("Conclusion of the Investigation"));
      add_line (lines, PLC_REPORT_LINE_TEXT, NULL, text);
    }

  if (n_levels > 0)
    {
      add_line (lines, PLC_REPORT_LINE_HEADING, NULL, _("Escalation Ladder"));
      for (guint i = 0; i < n_levels; i++)
        {
          const PlcEscalationLevel *level = plc_profile_get_escalation_level (profile, i);
          g_autofree char *conditions = plc_escalation_level_dup_conditions (level);
          g_autofree char *label = NULL;
          g_autofree char *body = NULL;

          if ((int) i + 1 == step)
            /* Translators: a step of an escalation ladder, the one a
             * deviation is at; %d is its number */
            label = g_strdup_printf (_("%d (current)"), (int) i + 1);
          else
            label = g_strdup_printf ("%d", (int) i + 1);

          if (conditions != NULL)
            body = g_strdup_printf ("%s — %s", plc_escalation_level_get_body (level), conditions);
          else
            body = g_strdup (plc_escalation_level_get_body (level));
          add_line (lines, PLC_REPORT_LINE_FIELD, label, body);
        }
    }

  if (profile != NULL && plc_profile_get_deviation_system (profile) != NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a deviation system, such as Synergi */
      heading = g_strdup_printf (_("Labels for %s"), plc_profile_get_deviation_system (profile));
      add_line (lines, PLC_REPORT_LINE_HEADING, NULL, heading);
      if (plc_profile_get_deviation_event_category (profile) != NULL)
        add_line (lines, PLC_REPORT_LINE_FIELD, _("Event category"),
                  plc_profile_get_deviation_event_category (profile));
      if (plc_profile_get_deviation_title (profile) != NULL)
        add_line (lines, PLC_REPORT_LINE_FIELD, _("Title"),
                  plc_profile_get_deviation_title (profile));
    }

  history = plc_deviation_get_history (deviation);
  if (history->len > 0)
    {
      add_line (lines, PLC_REPORT_LINE_HEADING, NULL, _("History"));
      for (guint i = 0; i < history->len; i++)
        {
          PlcDeviationEvent *event = g_ptr_array_index (history, i);
          g_autofree char *when = format_timestamp (event->at);
          g_autoptr(GString) what = g_string_new (plc_deviation_status_get_display_name (event->status));

          if (event->escalation_step > 0)
            {
              g_string_append (what, ", ");
              g_string_append_printf (what, _("level %d"), event->escalation_step);
            }
          if (event->user != NULL)
            g_string_append_printf (what, " (%s)", event->user);
          if (event->note != NULL)
            g_string_append_printf (what, ": %s", event->note);
          add_line (lines, PLC_REPORT_LINE_FIELD, when, what->str);
        }
    }

  return lines;
}

/**
 * plc_report_lines_to_text:
 * @lines: (element-type PlcReportLine): lines from
 *   plc_deviation_build_report()
 *
 * Returns: (transfer full): the lines as plain text, one a line
 */
char *
plc_report_lines_to_text (GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (lines != NULL, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      PlcReportLine *line = g_ptr_array_index (lines, i);

      if (line->kind == PLC_REPORT_LINE_HEADING && text->len > 0)
        g_string_append_c (text, '\n');
      if (line->label != NULL)
        g_string_append_printf (text, "%s: ", line->label);
      g_string_append (text, line->text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}
