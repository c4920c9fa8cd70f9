/* plc-deviation-editor.c: the form of one deviation report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviation-editor.h"
#include "plc-deviation-pdf.h"
#include "plc-deviation-report.h"
#include "plc-drop-down.h"
#include "plc-error.h"

typedef enum
{
  CHANGE_NONE,
  CHANGE_STATUS,
  CHANGE_ESCALATE,
} Change;

struct _PlcDeviationEditor
{
  AdwBin               parent_instance;

  /* The deviation as stored (or, for a new one, as made); never changed
   * by the form: a save works on a copy and replaces it on success. */
  PlcDeviation        *deviation;
  PlcDeviation        *saving;
  PlcCaseload         *caseload;
  GSignalGroup        *caseload_signals;
  PlcProfileSet       *profiles;         /* the caseload's rules' */
  GCancellable        *cancellable;
  GPtrArray           *profile_ids;      /* of char*, parallel to agreement_row */
  GPtrArray           *ladder_rows;
  GPtrArray           *history_rows;
  char                *heading;
  guint                loading : 1;

  /* Template widgets */
  GtkLabel            *message_label;
  AdwEntryRow         *title_row;
  GtkWidget           *title_error_row;
  GtkLabel            *title_error;
  AdwEntryRow         *occurred_row;
  GtkWidget           *occurred_error_row;
  GtkLabel            *occurred_error;
  AdwEntryRow         *unit_row;
  AdwComboRow         *direction_row;
  AdwComboRow         *category_row;
  AdwComboRow         *agreement_row;
  AdwActionRow        *rule_row;
  AdwActionRow        *placement_row;
  GtkButton           *unlink_button;
  GtkTextView         *description_view;
  AdwActionRow        *status_row;
  GtkButton           *next_status_button;
  GtkTextView         *conclusion_view;
  AdwPreferencesGroup *ladder_group;
  GtkButton           *escalate_button;
  AdwPreferencesGroup *labels_group;
  AdwActionRow        *label_category_row;
  AdwActionRow        *label_title_row;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (PlcDeviationEditor, plc_deviation_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  PROP_HEADING,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static PlcProfile *
lookup_profile (PlcDeviationEditor *self,
                const char         *id)
{
  if (id == NULL || self->profiles == NULL)
    return NULL;

  return plc_profile_set_lookup (self->profiles, id);
}

/* The case and placement of @placement_id, from the caseload */
static PlcCase *
find_case (PlcDeviationEditor  *self,
           gint64               placement_id,
           PlcPlacement       **placement_out)
{
  GListModel *cases;

  if (placement_out != NULL)
    *placement_out = NULL;
  if (self->caseload == NULL || placement_id == 0)
    return NULL;

  cases = plc_caseload_get_cases (self->caseload);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) item = g_list_model_get_item (cases, i);
      GPtrArray *placements = plc_case_get_placements (item);

      for (guint j = 0; placements != NULL && j < placements->len; j++)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, j);

          if (plc_placement_get_id (placement) == placement_id)
            {
              if (placement_out != NULL)
                *placement_out = placement;
              return item;
            }
        }
    }

  return NULL;
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
rule_title (PlcProfile *profile,
            const char *rule_id)
{
  if (profile != NULL && rule_id != NULL)
    for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
      {
        const PlcRule *rule = plc_profile_get_rule (profile, i);

        if (g_strcmp0 (plc_rule_get_id (rule), rule_id) == 0)
          return plc_rule_get_title (rule);
      }

  return rule_id;
}

static void
set_heading (PlcDeviationEditor *self,
             const char         *heading)
{
  if (g_strcmp0 (self->heading, heading) == 0)
    return;

  g_free (self->heading);
  self->heading = g_strdup (heading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEADING]);
}

static void
show_field_error (GtkWidget  *row,
                  GtkLabel   *label,
                  GtkWidget  *field,
                  const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (row, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_message (PlcDeviationEditor *self,
              const char         *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
clear_errors (PlcDeviationEditor *self)
{
  show_field_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), NULL);
  show_field_error (self->occurred_error_row, self->occurred_error,
                    GTK_WIDGET (self->occurred_row), NULL);
  show_message (self, NULL);
}

/* Reads the form into @deviation.  Returns FALSE, with the message next to
 * the field, if a field cannot be read.  @changed collects the labels of
 * the fields that differ from @deviation's. */
static gboolean
read_form (PlcDeviationEditor *self,
           PlcDeviation       *deviation,
           GString            *changed,
           gboolean            show_errors)
{
  g_autofree char *description = dup_text_view (self->description_view);
  g_autofree char *conclusion = dup_text_view (self->conclusion_view);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
  g_autofree char *occurred_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->occurred_row))));
  PlcDate occurred = PLC_DATE_NONE;
  guint agreement = adw_combo_row_get_selected (self->agreement_row);
  const char *profile = NULL;
  gboolean ok = TRUE;

#define NOTE_CHANGE(cond, label) \
  G_STMT_START { \
    if (cond) { \
      if (changed->len > 0) g_string_append (changed, ", "); \
      g_string_append (changed, label); \
    } \
  } G_STMT_END

  if (*occurred_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!plc_date_parse_iso (occurred_text, &occurred, &error))
        {
          if (show_errors)
            show_field_error (self->occurred_error_row, self->occurred_error,
                              GTK_WIDGET (self->occurred_row), error->message);
          ok = FALSE;
          occurred = plc_deviation_get_occurred_on (deviation);
        }
    }

  if (agreement != GTK_INVALID_LIST_POSITION && agreement > 0 && agreement <= self->profile_ids->len)
    profile = g_ptr_array_index (self->profile_ids, agreement - 1);

  NOTE_CHANGE (g_strcmp0 (*title ? title : NULL, plc_deviation_get_title (deviation)) != 0, _("title"));
  NOTE_CHANGE (g_strcmp0 (*description ? description : NULL, plc_deviation_get_description (deviation)) != 0,
               _("description"));
  NOTE_CHANGE (occurred != plc_deviation_get_occurred_on (deviation), _("date"));
  NOTE_CHANGE (g_strcmp0 (*unit ? unit : NULL, plc_deviation_get_unit (deviation)) != 0, _("unit"));
  NOTE_CHANGE ((int) adw_combo_row_get_selected (self->direction_row) != (int) plc_deviation_get_direction (deviation),
               _("direction"));
  NOTE_CHANGE ((int) adw_combo_row_get_selected (self->category_row) != (int) plc_deviation_get_category (deviation),
               _("category"));
  NOTE_CHANGE (g_strcmp0 (profile, plc_deviation_get_profile (deviation)) != 0, _("agreement"));
  NOTE_CHANGE (!gtk_widget_get_visible (GTK_WIDGET (self->placement_row)) &&
               (plc_deviation_get_placement_id (deviation) != 0 ||
                plc_deviation_get_placement_ref (deviation) != NULL),
               _("placement"));
  NOTE_CHANGE (g_strcmp0 (*conclusion ? conclusion : NULL, plc_deviation_get_conclusion (deviation)) != 0,
               _("conclusion"));
#undef NOTE_CHANGE

  plc_deviation_set_title (deviation, title);
  plc_deviation_set_description (deviation, description);
  plc_deviation_set_occurred_on (deviation, occurred);
  plc_deviation_set_unit (deviation, unit);
  plc_deviation_set_direction (deviation, adw_combo_row_get_selected (self->direction_row));
  plc_deviation_set_category (deviation, adw_combo_row_get_selected (self->category_row));
  plc_deviation_set_profile (deviation, profile);
  plc_deviation_set_conclusion (deviation, conclusion);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->placement_row)))
    {
      plc_deviation_set_placement_id (deviation, 0);
      plc_deviation_set_placement_ref (deviation, NULL);
    }

  return ok;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
status_icon (PlcDeviationStatus status)
{
  switch (status)
    {
    case PLC_DEVIATION_STATUS_DRAFT:
      return "document-edit-symbolic";
    case PLC_DEVIATION_STATUS_REPORTED:
      return "mail-send-symbolic";
    case PLC_DEVIATION_STATUS_UNDER_INVESTIGATION:
      return "edit-find-symbolic";
    case PLC_DEVIATION_STATUS_RESOLVED:
      return "emblem-ok-symbolic";
    case PLC_DEVIATION_STATUS_ESCALATED:
    default:
      return "go-up-symbolic";
    }
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

static void
update_history (PlcDeviationEditor *self)
{
  GPtrArray *history = plc_deviation_get_history (self->deviation);

  remove_rows (self->history_group, self->history_rows);

  if (history->len == 0)
    adw_preferences_group_set_description (self->history_group,
                                           _("Each change of status, escalation and edit will be listed here."));
  else
    adw_preferences_group_set_description (self->history_group, NULL);

  /* Newest first */
  for (guint i = history->len; i > 0; i--)
    {
      PlcDeviationEvent *event = g_ptr_array_index (history, i - 1);
      g_autofree char *when = format_timestamp (event->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (event->escalation_step > 0)
        /* Translators: a history entry: a status, and an escalation level */
        title = g_strdup_printf (_("%s, level %d"),
                                 plc_deviation_status_get_display_name (event->status),
                                 event->escalation_step);
      else
        title = g_strdup (plc_deviation_status_get_display_name (event->status));

      if (event->note != NULL)
        subtitle = g_strdup_printf ("%s · %s — %s", when, event->user ? event->user : "", event->note);
      else
        subtitle = g_strdup_printf ("%s · %s", when, event->user ? event->user : "");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (status_icon (event->status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      plc_deviation_status_get_display_name (event->status), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
update_ladder (PlcDeviationEditor *self)
{
  PlcProfile *profile = lookup_profile (self, plc_deviation_get_profile (self->deviation));
  int step = plc_deviation_get_escalation_step (self->deviation);
  PlcDeviationStatus status = plc_deviation_get_status (self->deviation);
  guint n_levels = profile != NULL ? plc_profile_get_n_escalation_levels (profile) : 0;
  g_autofree char *description = NULL;
  const char *why_not = NULL;

  remove_rows (self->ladder_group, self->ladder_rows);

  if (profile == NULL || n_levels == 0)
    {
      adw_preferences_group_set_description (self->ladder_group,
                                             profile == NULL
                                             ? _("Choose the agreement to see its escalation ladder.")
                                             : _("This agreement has no escalation ladder."));
      why_not = _("The agreement has no escalation ladder");
    }
  else
    {
      if (step == 0)
        /* Translators: %s is an agreement's name */
        description = g_strdup_printf (_("%s. Not escalated."), plc_profile_get_name (profile));
      else
        /* Translators: the first %s is an agreement's name; then where a
         * report stands on its escalation ladder */
        description = g_strdup_printf (_("%s. At level %d of %u."), plc_profile_get_name (profile),
                                       step, n_levels);
      adw_preferences_group_set_description (self->ladder_group, description);

      for (guint i = 0; i < n_levels; i++)
        {
          const PlcEscalationLevel *level = plc_profile_get_escalation_level (profile, i);
          g_autofree char *conditions = plc_escalation_level_dup_conditions (level);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *prefix;

          title = g_strdup_printf ("%u. %s", i + 1, plc_escalation_level_get_body (level));
          if (conditions != NULL)
            subtitle = g_strdup_printf ("%s\n%s", conditions, plc_escalation_level_get_description (level));
          else
            subtitle = g_strdup (plc_escalation_level_get_description (level));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

          if ((int) i + 1 < step)
            {
              prefix = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
              gtk_accessible_update_property (GTK_ACCESSIBLE (prefix),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passed"), -1);
            }
          else if ((int) i + 1 == step)
            {
              prefix = gtk_image_new_from_icon_name ("go-next-symbolic");
              gtk_widget_add_css_class (prefix, "accent");
              gtk_accessible_update_property (GTK_ACCESSIBLE (prefix),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current level"), -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_LABEL,
                                                                            "label", _("Current"),
                                                                            "valign", GTK_ALIGN_CENTER,
                                                                            "css-classes", (const char *[]) { "accent", "heading", NULL },
                                                                            NULL));
            }
          else
            {
              prefix = gtk_image_new_from_icon_name ("radio-symbolic");
              gtk_widget_add_css_class (prefix, "dim-label");
              gtk_accessible_update_property (GTK_ACCESSIBLE (prefix),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not reached"), -1);
            }
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

          adw_preferences_group_add (self->ladder_group, row);
          g_ptr_array_add (self->ladder_rows, row);
        }

      if (step >= (int) n_levels)
        why_not = _("The report is at the top of the ladder");
      else if (status == PLC_DEVIATION_STATUS_DRAFT)
        why_not = _("Report it before escalating it");
      else if (status == PLC_DEVIATION_STATUS_RESOLVED)
        why_not = _("The report is resolved");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->escalate_button), why_not == NULL && plc_deviation_get_id (self->deviation) != 0);
  if (why_not == NULL && plc_deviation_get_id (self->deviation) == 0)
    why_not = _("Save the report before escalating it");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->escalate_button), why_not);
}

static void
update_labels (PlcDeviationEditor *self)
{
  PlcProfile *profile = NULL;
  guint agreement = adw_combo_row_get_selected (self->agreement_row);
  g_autofree char *heading = NULL;

  if (agreement != GTK_INVALID_LIST_POSITION && agreement > 0 && agreement <= self->profile_ids->len)
    profile = lookup_profile (self, g_ptr_array_index (self->profile_ids, agreement - 1));

  if (profile == NULL || plc_profile_get_deviation_system (profile) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->labels_group), FALSE);
      return;
    }

  /* Translators: %s is a deviation system, such as Synergi */
  heading = g_strdup_printf (_("Labels for %s"), plc_profile_get_deviation_system (profile));
  adw_preferences_group_set_title (self->labels_group, heading);
  adw_preferences_group_set_description (self->labels_group,
                                         _("The agreement says how reports are labelled in the region’s deviation system."));
  adw_action_row_set_subtitle (self->label_category_row,
                               plc_profile_get_deviation_event_category (profile) ?: "—");
  adw_action_row_set_subtitle (self->label_title_row,
                               plc_profile_get_deviation_title (profile) ?: "—");
  gtk_widget_set_visible (GTK_WIDGET (self->labels_group), TRUE);
}

static void
update_status (PlcDeviationEditor *self)
{
  PlcDeviationStatus status = plc_deviation_get_status (self->deviation);
  const char *next = NULL;

  adw_action_row_set_subtitle (self->status_row, plc_deviation_status_get_display_name (status));

  switch (status)
    {
    case PLC_DEVIATION_STATUS_DRAFT:
      next = C_("deviation action", "Report");
      break;
    case PLC_DEVIATION_STATUS_REPORTED:
      next = C_("deviation action", "Start Investigation");
      break;
    case PLC_DEVIATION_STATUS_UNDER_INVESTIGATION:
    case PLC_DEVIATION_STATUS_ESCALATED:
      next = C_("deviation action", "Mark Resolved");
      break;
    case PLC_DEVIATION_STATUS_RESOLVED:
    default:
      next = C_("deviation action", "Reopen");
      break;
    }

  /* No mnemonics: GTK 4.8 would name the button after both its label and
   * its text ("_Report Report") for screen readers */
  gtk_button_set_label (self->next_status_button, next);
}

static PlcDeviationStatus
next_status (PlcDeviationStatus status)
{
  switch (status)
    {
    case PLC_DEVIATION_STATUS_DRAFT:
      return PLC_DEVIATION_STATUS_REPORTED;
    case PLC_DEVIATION_STATUS_REPORTED:
      return PLC_DEVIATION_STATUS_UNDER_INVESTIGATION;
    case PLC_DEVIATION_STATUS_UNDER_INVESTIGATION:
    case PLC_DEVIATION_STATUS_ESCALATED:
      return PLC_DEVIATION_STATUS_RESOLVED;
    case PLC_DEVIATION_STATUS_RESOLVED:
    default:
      return PLC_DEVIATION_STATUS_UNDER_INVESTIGATION;
    }
}

static void
update_placement (PlcDeviationEditor *self)
{
  gint64 placement_id = plc_deviation_get_placement_id (self->deviation);
  PlcPlacement *placement = NULL;
  PlcCase *item;

  if (placement_id == 0 && plc_deviation_get_placement_ref (self->deviation) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->placement_row), FALSE);
      return;
    }

  item = find_case (self, placement_id, &placement);
  if (item != NULL && placement != NULL)
    {
      g_autofree char *start = plc_date_to_iso (plc_placement_get_start_date (placement));
      /* Translators: a placement: the child's name, the form of
       * placement and its start date */
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s from %s"),
                                                   plc_child_get_name (plc_case_get_child (item)),
                                                   plc_placement_form_get_display_name (plc_placement_get_form (placement)),
                                                   start);

      adw_action_row_set_subtitle (self->placement_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->placement_row,
                                 plc_deviation_get_placement_ref (self->deviation) ?: _("A placement"));

  gtk_widget_set_visible (GTK_WIDGET (self->placement_row), TRUE);
}

static void
select_agreement (PlcDeviationEditor *self,
                  const char         *profile_id)
{
  GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (self->agreement_row));
  guint position = 0;

  if (profile_id != NULL)
    {
      guint i;

      for (i = 0; i < self->profile_ids->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->profile_ids, i), profile_id) == 0)
          break;

      if (i == self->profile_ids->len)
        {
          /* An agreement not loaded here: keep it as it is */
          g_ptr_array_add (self->profile_ids, g_strdup (profile_id));
          gtk_string_list_append (model, profile_id);
        }
      position = i + 1;
    }

  adw_combo_row_set_selected (self->agreement_row, position);
}

static void
load_form (PlcDeviationEditor *self)
{
  PlcDeviation *d = self->deviation;
  PlcProfile *profile = lookup_profile (self, plc_deviation_get_profile (d));
  g_autofree char *occurred = NULL;

  self->loading = TRUE;

  clear_errors (self);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), plc_deviation_get_title (d) ?: "");
  if (plc_deviation_get_occurred_on (d) != PLC_DATE_NONE)
    occurred = plc_date_to_iso (plc_deviation_get_occurred_on (d));
  gtk_editable_set_text (GTK_EDITABLE (self->occurred_row), occurred ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), plc_deviation_get_unit (d) ?: "");
  adw_combo_row_set_selected (self->direction_row, plc_deviation_get_direction (d));
  adw_combo_row_set_selected (self->category_row, plc_deviation_get_category (d));
  select_agreement (self, plc_deviation_get_profile (d));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            plc_deviation_get_description (d) ?: "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->conclusion_view),
                            plc_deviation_get_conclusion (d) ?: "", -1);

  if (plc_deviation_get_rule (d) != NULL)
    adw_action_row_set_subtitle (self->rule_row, rule_title (profile, plc_deviation_get_rule (d)));
  gtk_widget_set_visible (GTK_WIDGET (self->rule_row), plc_deviation_get_rule (d) != NULL);

  update_placement (self);
  update_status (self);
  update_ladder (self);
  update_labels (self);
  update_history (self);

  set_heading (self, plc_deviation_get_id (d) == 0 ? _("New Deviation Report")
                                                   : plc_deviation_get_title (d));

  self->loading = FALSE;
}

static void
field_changed_cb (PlcDeviationEditor *self)
{
  if (self->loading)
    return;

  if (gtk_widget_get_visible (self->title_error_row) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->title_row)) != '\0')
    show_field_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), NULL);

  if (gtk_widget_get_visible (self->occurred_error_row))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->occurred_row));
      PlcDate date;

      if (plc_date_parse_iso (text, &date, NULL))
        show_field_error (self->occurred_error_row, self->occurred_error,
                          GTK_WIDGET (self->occurred_row), NULL);
    }
}

static void
agreement_changed_cb (PlcDeviationEditor *self)
{
  if (self->loading)
    return;

  update_labels (self);
}

static void
unlink_clicked_cb (PlcDeviationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placement_row), FALSE);
}

static void
set_busy (PlcDeviationEditor *self,
          PlcDeviation       *saving)
{
  if (self->saving == saving)
    return;

  g_set_object (&self->saving, saving);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PlcDeviationEditor) self = user_data;
  g_autoptr(PlcDeviation) saved = g_object_ref (self->saving);
  g_autoptr(GError) error = NULL;

  set_busy (self, NULL);

  if (!plc_store_save_deviation_finish (PLC_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The form is left as it is: nothing the user typed is lost. */
      if (g_error_matches (error, PLC_ERROR, PLC_ERROR_STALE))
        show_message (self, _("Someone else has changed this report since it was opened. "
                              "Your changes are still in the form: copy what you need, "
                              "then open the report again from the list."));
      else
        show_message (self, error->message);
      return;
    }

  g_set_object (&self->deviation, saved);
  load_form (self);
  g_signal_emit (self, signals [SAVED], 0, saved);
}

static void
commit (PlcDeviationEditor *self,
        Change              change,
        PlcDeviationStatus  status,
        const char         *note)
{
  PlcStore *store = self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
  g_autoptr(PlcDeviation) copy = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (self->deviation == NULL || self->saving != NULL)
    return;

  clear_errors (self);

  copy = plc_deviation_copy (self->deviation);
  if (!read_form (self, copy, changed, TRUE))
    return;

  if (plc_deviation_get_history (copy)->len == 0)
    plc_deviation_set_status_with_event (copy, plc_deviation_get_status (copy), NULL, _("Created"));
  else if (changed->len > 0)
    {
      /* Translators: a note in a deviation's history; %s lists fields,
       * such as "title, unit" */
      g_autofree char *what = g_strdup_printf (_("Changed: %s"), changed->str);

      plc_deviation_set_status_with_event (copy, plc_deviation_get_status (copy), NULL, what);
    }

  if (change == CHANGE_STATUS)
    plc_deviation_set_status_with_event (copy, status, NULL, note);
  else if (change == CHANGE_ESCALATE)
    plc_deviation_escalate (copy, NULL, note);

  if (!plc_deviation_validate (copy, &error))
    {
      if (g_str_has_prefix (error->message, _("Title")))
        {
          show_field_error (self->title_error_row, self->title_error,
                            GTK_WIDGET (self->title_row), error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
        }
      else if (g_str_has_prefix (error->message, _("Occurred on")))
        {
          show_field_error (self->occurred_error_row, self->occurred_error,
                            GTK_WIDGET (self->occurred_row), error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->occurred_row));
        }
      else
        show_message (self, error->message);
      return;
    }

  if (store == NULL)
    {
      show_message (self, _("The database is not open."));
      return;
    }

  set_busy (self, copy);
  plc_store_save_deviation_async (store, copy, self->cancellable, saved_cb, g_object_ref (self));
}

static void
next_status_clicked_cb (PlcDeviationEditor *self)
{
  if (self->deviation == NULL)
    return;

  commit (self, CHANGE_STATUS, next_status (plc_deviation_get_status (self->deviation)), NULL);
}

static void
escalate_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      PlcDeviationEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "note");

  if (g_strcmp0 (response, "escalate") == 0)
    {
      g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      commit (self, CHANGE_ESCALATE, 0, note);
    }
}

static void
escalate_clicked_cb (PlcDeviationEditor *self)
{
  PlcProfile *profile;
  const PlcEscalationLevel *level;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *conditions = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  int step;

  if (self->deviation == NULL)
    return;

  profile = lookup_profile (self, plc_deviation_get_profile (self->deviation));
  step = plc_deviation_get_escalation_step (self->deviation);
  if (profile == NULL || step >= (int) plc_profile_get_n_escalation_levels (profile))
    return;

  level = plc_profile_get_escalation_level (profile, step);
  conditions = plc_escalation_level_dup_conditions (level);

  /* Translators: %d is the number of a step of an escalation ladder */
  heading = g_strdup_printf (_("Escalate to Level %d?"), step + 1);
  if (conditions != NULL)
    body = g_strdup_printf ("%s\n\n%s\n\n%s", plc_escalation_level_get_body (level),
                            plc_escalation_level_get_description (level), conditions);
  else
    body = g_strdup_printf ("%s\n\n%s", plc_escalation_level_get_body (level),
                            plc_escalation_level_get_description (level));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note for the history (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note for the history"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "note", entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "escalate", _("_Escalate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "escalate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "escalate");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (escalate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PlcDeviationEditor *self;
  PlcDeviation       *deviation;
  gboolean            with_name;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->deviation);
  g_free (export);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  Export *export = user_data;
  PlcDeviationEditor *self = export->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      PlcProfile *profile = lookup_profile (self, plc_deviation_get_profile (export->deviation));
      const char *name = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(GError) error = NULL;

      if (export->with_name)
        {
          PlcCase *item = find_case (self, plc_deviation_get_placement_id (export->deviation), NULL);

          if (item != NULL)
            name = plc_child_get_name (plc_case_get_child (item));
        }

      lines = plc_deviation_build_report (export->deviation, profile, name, plc_date_today ());
      if (path == NULL || !plc_deviation_report_write_pdf (lines, path, &error))
        show_message (self, error != NULL ? error->message : _("Could not write the PDF there."));
      else
        show_message (self, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_free (export);
}

static void
export_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    PlcDeviationEditor *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (dialog), "with-name");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  Export *export;

  if (g_strcmp0 (response, "export") != 0)
    return;

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->deviation = plc_deviation_copy (self->deviation);
  export->with_name = gtk_check_button_get_active (check);

  /* What the form shows, even if not yet saved */
  {
    g_autoptr(GString) changed = g_string_new (NULL);

    read_form (self, export->deviation, changed, FALSE);
  }

  chooser = gtk_file_chooser_native_new (_("Export Deviation Report"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (plc_deviation_get_ref (export->deviation) != NULL)
    name = g_strdup_printf ("%s.pdf", plc_deviation_get_ref (export->deviation));
  else
    /* Translators: the file name of an exported deviation report */
    name = g_strdup_printf ("%s.pdf", _("deviation-report"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
plc_deviation_editor_export (PlcDeviationEditor *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *check;
  gboolean has_child;

  g_return_if_fail (PLC_IS_DEVIATION_EDITOR (self));

  if (self->deviation == NULL)
    return;

  has_child = find_case (self, plc_deviation_get_placement_id (self->deviation), NULL) != NULL &&
              gtk_widget_get_visible (GTK_WIDGET (self->placement_row));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Export as PDF"),
                                                       _("The report leaves out the child’s name unless you include it. "
                                                         "Check that the description and the conclusion name no one "
                                                         "the recipient should not know of.")));
  check = gtk_check_button_new_with_label (_("Include the child’s name"));
  gtk_widget_set_sensitive (check, has_child);
  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (dialog, check);
  g_object_set_data (G_OBJECT (dialog), "with-name", check);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

PlcDeviation *
plc_deviation_editor_get_deviation (PlcDeviationEditor *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION_EDITOR (self), NULL);

  return self->deviation;
}

/**
 * plc_deviation_editor_set_deviation:
 * @self: a #PlcDeviationEditor
 * @deviation: (nullable): the deviation to edit; the editor keeps a copy
 *
 * Shows @deviation in the form, dropping what the form held.
 */
void
plc_deviation_editor_set_deviation (PlcDeviationEditor *self,
                                    PlcDeviation       *deviation)
{
  g_return_if_fail (PLC_IS_DEVIATION_EDITOR (self));
  g_return_if_fail (deviation == NULL || PLC_IS_DEVIATION (deviation));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, NULL);

  g_clear_object (&self->deviation);
  if (deviation == NULL)
    {
      set_heading (self, NULL);
      return;
    }

  self->deviation = plc_deviation_copy (deviation);
  load_form (self);
}

const char *
plc_deviation_editor_get_heading (PlcDeviationEditor *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION_EDITOR (self), NULL);

  return self->heading;
}

gboolean
plc_deviation_editor_get_busy (PlcDeviationEditor *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION_EDITOR (self), FALSE);

  return self->saving != NULL;
}

/**
 * plc_deviation_editor_get_modified:
 * @self: a #PlcDeviationEditor
 *
 * Returns: whether the form holds something not yet saved: a change, or a
 *   new report
 */
gboolean
plc_deviation_editor_get_modified (PlcDeviationEditor *self)
{
  g_autoptr(PlcDeviation) copy = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);

  g_return_val_if_fail (PLC_IS_DEVIATION_EDITOR (self), FALSE);

  if (self->deviation == NULL)
    return FALSE;
  if (plc_deviation_get_id (self->deviation) == 0)
    return TRUE;

  copy = plc_deviation_copy (self->deviation);
  if (!read_form (self, copy, changed, FALSE))
    return TRUE;
  return changed->len > 0;
}

/* After each reload of the caseload: the linked placement again, as the
 * caseload now has it.  Leaves the rest of the form alone. */
static void
caseload_changed_cb (PlcDeviationEditor *self)
{
  /* Not if the user has removed the link */
  if (self->deviation == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->placement_row)))
    return;

  update_placement (self);
}

void
plc_deviation_editor_save (PlcDeviationEditor *self)
{
  g_return_if_fail (PLC_IS_DEVIATION_EDITOR (self));

  commit (self, CHANGE_NONE, 0, NULL);
}

/* GObject */

/* The agreements to choose from: "None", then the profiles' */
static void
fill_agreements (PlcDeviationEditor *self)
{
  g_autoptr(GtkStringList) agreements = plc_drop_down_new_agreements (self->profiles, _("None"), NULL,
                                                                      self->profile_ids);

  self->loading = TRUE;
  adw_combo_row_set_model (self->agreement_row, G_LIST_MODEL (agreements));
  if (self->deviation != NULL)
    select_agreement (self, plc_deviation_get_profile (self->deviation));
  self->loading = FALSE;
}

PlcCaseload *
plc_deviation_editor_get_caseload (PlcDeviationEditor *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION_EDITOR (self), NULL);

  return self->caseload;
}

/**
 * plc_deviation_editor_set_caseload:
 * @self: a #PlcDeviationEditor
 * @caseload: (nullable): where the report is saved (its store), and the
 *   placements and agreements it can name
 */
void
plc_deviation_editor_set_caseload (PlcDeviationEditor *self,
                                   PlcCaseload        *caseload)
{
  PlcProfileSet *profiles;

  g_return_if_fail (PLC_IS_DEVIATION_EDITOR (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  g_signal_group_set_target (self->caseload_signals, caseload);

  /* The same for every caseload: what the form shows stays */
  profiles = caseload != NULL ? plc_caseload_get_profiles (caseload) : NULL;
  if (profiles != NULL && g_set_object (&self->profiles, profiles))
    fill_agreements (self);

  caseload_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

static void
plc_deviation_editor_dispose (GObject *object)
{
  PlcDeviationEditor *self = (PlcDeviationEditor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->caseload_signals);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (plc_deviation_editor_parent_class)->dispose (object);
}

static void
plc_deviation_editor_finalize (GObject *object)
{
  PlcDeviationEditor *self = (PlcDeviationEditor *)object;

  g_clear_object (&self->deviation);
  g_clear_object (&self->saving);
  g_clear_object (&self->profiles);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profile_ids, g_ptr_array_unref);
  g_clear_pointer (&self->ladder_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->heading, g_free);

  G_OBJECT_CLASS (plc_deviation_editor_parent_class)->finalize (object);
}

static void
plc_deviation_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlcDeviationEditor *self = PLC_DEVIATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->saving != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlcDeviationEditor *self = PLC_DEVIATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_deviation_editor_set_caseload (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_editor_class_init (PlcDeviationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_deviation_editor_dispose;
  object_class->finalize = plc_deviation_editor_finalize;
  object_class->get_property = plc_deviation_editor_get_property;
  object_class->set_property = plc_deviation_editor_set_property;

  /**
   * PlcDeviationEditor:caseload:
   *
   * Where a save goes (its store), and where the linked placement and the
   * agreements come from.  Its "changed" signal updates the placement shown.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcDeviationEditor::saved:
   * @deviation: the deviation as stored
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLC_TYPE_DEVIATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-deviation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, occurred_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, occurred_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, occurred_error);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, rule_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, placement_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, unlink_button);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, next_status_button);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, conclusion_view);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, ladder_group);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, labels_group);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, label_category_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, label_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationEditor, history_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, agreement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlink_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_status_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, escalate_clicked_cb);
}

static void
plc_deviation_editor_init (PlcDeviationEditor *self)
{
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->caseload_signals = g_signal_group_new (PLC_TYPE_CASELOAD);
  g_signal_group_connect_object (self->caseload_signals, "changed",
                                 G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);
  self->profile_ids = g_ptr_array_new_with_free_func (g_free);
  self->ladder_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();

  for (int i = PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION;
       i <= PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY; i++)
    gtk_string_list_append (directions, plc_deviation_direction_get_display_name (i));
  for (int i = PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION; i <= PLC_DEVIATION_CATEGORY_OTHER; i++)
    gtk_string_list_append (categories, plc_deviation_category_get_display_name (i));

  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  fill_agreements (self);
}
