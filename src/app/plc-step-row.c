/* plc-step-row.c: one step of a placement, with what can be done about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-step-row.h"

/*
 * A step (an obligation) in the Placements view: its title and state, when
 * it is due or was done, who is responsible and the rule's reference, why
 * its date is what it is, and buttons to mark it done (a SIP meeting with
 * who was invited and who came) or not needed, to report a deviation when
 * it is overdue, or to reopen it.
 *
 * The row saves nothing itself: it emits "save" with the step's new status
 * and the view saves it, then calls plc_step_row_finish_save(), which
 * closes the form or shows why the save was refused next to what was
 * typed.  The row is made anew on each reload of the caseload.
 */
struct _PlcStepRow
{
  AdwPreferencesRow  parent_instance;

  PlcObligation     *obligation;
  gboolean           upcoming;

  /* Where a save under way shows its outcome */
  GtkPopover        *saving_popover;
  GtkLabel          *saving_error;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *state_label;
  GtkLabel          *details_label;
  GtkMenuButton     *why_button;
  GtkLabel          *explanation_label;
  GtkWidget         *actions_box;
  GtkMenuButton     *mark_done_button;
  GtkPopover        *mark_done_popover;
  GtkEditable       *date_entry;
  GtkEditable       *note_entry;
  GtkWidget         *meeting_box;
  GtkEditable       *invited_entry;
  GtkEditable       *attended_entry;
  GtkCheckButton    *completed_check;
  GtkLabel          *mark_done_error;
  GtkWidget         *mark_done_save;
  GtkMenuButton     *not_needed_button;
  GtkPopover        *not_needed_popover;
  GtkEditable       *reason_entry;
  GtkLabel          *not_needed_error;
  GtkWidget         *not_needed_save;
  GtkWidget         *report_button;
  GtkWidget         *reopen_button;
};

G_DEFINE_FINAL_TYPE (PlcStepRow, plc_step_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_OBLIGATION,
  PROP_UPCOMING,
  N_PROPS
};

enum {
  SAVE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Dates are shown as ISO 8601, as case files write them. */
static char *
format_date (PlcDate date)
{
  if (date == PLC_DATE_NONE)
    return g_strdup ("");

  return plc_date_to_iso (date);
}

/* "BUP, Elevhälsan ,  " → { "BUP", "Elevhälsan" } */
static GStrv
units_from_text (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) units = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (units, parts[i]);
    }

  return g_strv_builder_end (units);
}

static char *
units_to_text (const char * const *units)
{
  return units != NULL ? g_strjoinv (", ", (GStrv)units) : g_strdup ("");
}

/* The steps whose record says who was invited and who came */
static gboolean
is_sip_meeting (PlcObligation *obligation)
{
  const char *rule = plc_obligation_get_rule_id (obligation);

  return g_strcmp0 (rule, "sip-meeting") == 0 || g_strcmp0 (rule, "sip-follow-up") == 0;
}

/* Names a widget for screen readers after a mnemonic, without the underscore */
static void
name_after_mnemonic (GtkWidget  *widget,
                     const char *mnemonic)
{
  g_autoptr(GString) name = g_string_new (mnemonic);

  g_string_replace (name, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
}

/* GTK 4.8 names a button made with a mnemonic label after the label twice
 * over, the underscore included; one with a label child is named once, and
 * named here after that label. */
static void
name_after_child (GtkWidget *button)
{
  GtkWidget *label = GTK_IS_MENU_BUTTON (button)
                     ? gtk_menu_button_get_child (GTK_MENU_BUTTON (button))
                     : gtk_button_get_child (GTK_BUTTON (button));

  name_after_mnemonic (button, gtk_label_get_label (GTK_LABEL (label)));
}

/* The state to show: "open" splits into open and upcoming */
static void
obligation_state_text (PlcObligation  *obligation,
                       gboolean        upcoming,
                       const char    **text,
                       const char    **css)
{
  PlcObligationState state = plc_obligation_get_state (obligation);

  *text = plc_obligation_state_get_display_name (state);

  switch (state)
    {
    case PLC_OBLIGATION_STATE_OPEN:
      if (upcoming)
        {
          *text = C_("obligation state", "Upcoming");
          *css = "upcoming";
        }
      else
        *css = "open";
      break;

    case PLC_OBLIGATION_STATE_OVERDUE:
      *css = "overdue";
      break;

    case PLC_OBLIGATION_STATE_DONE:
      *css = "done";
      break;

    case PLC_OBLIGATION_STATE_NOT_NEEDED:
      *css = "not-needed";
      break;

    case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
    default:
      *css = "no-longer-required";
      break;
    }
}

/* Due, done, who is responsible, the reference, and what was recorded */
static char *
describe_step (PlcObligation *obligation)
{
  const PlcRule *rule = plc_obligation_get_rule (obligation);
  PlcObligationState obligation_state = plc_obligation_get_state (obligation);
  PlcStepStatus *status = plc_obligation_get_status (obligation);
  g_autofree char *due = plc_obligation_dup_due_text (obligation);
  g_autofree char *done = format_date (plc_obligation_get_done_date (obligation));
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: when a step is due */
  g_string_append_printf (text, _("Due %s"), due);
  if (obligation_state == PLC_OBLIGATION_STATE_DONE && *done != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: when a step was done, such as "done 2026-01-31" */
      g_string_append_printf (text, _("done %s"), done);
    }
  if (rule != NULL)
    g_string_append_printf (text, "\n%s", plc_party_get_display_name (plc_rule_get_responsible (rule)));
  if (plc_obligation_get_reference (obligation) != NULL)
    g_string_append_printf (text, " · %s", plc_obligation_get_reference (obligation));
  if (status != NULL && plc_step_status_get_reason (status) != NULL
      && obligation_state == PLC_OBLIGATION_STATE_NOT_NEEDED)
    g_string_append_printf (text, "\n%s", plc_step_status_get_reason (status));
  if (status != NULL && plc_step_status_get_note (status) != NULL
      && obligation_state == PLC_OBLIGATION_STATE_DONE)
    g_string_append_printf (text, "\n%s", plc_step_status_get_note (status));
  if (status != NULL && plc_step_status_has_meeting_record (status)
      && obligation_state == PLC_OBLIGATION_STATE_DONE)
    {
      g_autofree char *invited = units_to_text (plc_step_status_get_invited_units (status));
      g_autofree char *attended = units_to_text (plc_step_status_get_attended_units (status));

      g_string_append_c (text, '\n');
      /* Translators: the units invited to a SIP meeting */
      g_string_append_printf (text, _("Invited: %s"), invited[0] != '\0' ? invited : _("none"));
      g_string_append (text, " · ");
      /* Translators: the units that took part in a SIP meeting */
      g_string_append_printf (text, _("took part: %s"), attended[0] != '\0' ? attended : _("none"));
      if (plc_step_status_get_planning_completed (status))
        {
          g_string_append (text, " · ");
          g_string_append (text, _("planning completed"));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_obligation (PlcStepRow *self)
{
  PlcObligation *obligation = self->obligation;
  const PlcRule *rule = plc_obligation_get_rule (obligation);
  PlcObligationState obligation_state = plc_obligation_get_state (obligation);
  PlcStepStatus *status = plc_obligation_get_status (obligation);
  const char *state_text = NULL;
  const char *state_css = NULL;
  g_autofree char *text = describe_step (obligation);
  g_autofree char *summary = NULL;
  g_autofree char *today = plc_date_to_iso (plc_date_today ());
  gboolean actionable;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), plc_obligation_get_title (obligation));
  gtk_label_set_label (self->title_label, plc_obligation_get_title (obligation));

  obligation_state_text (obligation, self->upcoming, &state_text, &state_css);
  gtk_label_set_label (self->state_label, state_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_css);

  gtk_label_set_label (self->details_label, text);
  gtk_label_set_label (self->explanation_label, plc_obligation_get_explanation (obligation));

  /* What can be done about it */
  actionable = obligation_state == PLC_OBLIGATION_STATE_OPEN
               || obligation_state == PLC_OBLIGATION_STATE_OVERDUE;
  gtk_widget_set_visible (GTK_WIDGET (self->mark_done_button), actionable);
  gtk_widget_set_visible (GTK_WIDGET (self->not_needed_button),
                          actionable && rule != NULL && plc_rule_get_not_needed_allowed (rule));
  gtk_widget_set_visible (self->report_button, obligation_state == PLC_OBLIGATION_STATE_OVERDUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->report_button), "(xsi)",
                                    plc_obligation_get_placement_id (obligation),
                                    plc_obligation_get_rule_id (obligation),
                                    plc_obligation_get_occurrence (obligation));
  gtk_widget_set_visible (self->reopen_button,
                          obligation_state == PLC_OBLIGATION_STATE_DONE
                          || obligation_state == PLC_OBLIGATION_STATE_NOT_NEEDED);
  gtk_widget_set_visible (self->actions_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->mark_done_button))
                          || gtk_widget_get_visible (self->report_button)
                          || gtk_widget_get_visible (self->reopen_button));

  /* The mark-done form: today, and a SIP meeting's record as it stands */
  gtk_editable_set_text (self->date_entry, today);
  gtk_widget_set_visible (self->meeting_box, is_sip_meeting (obligation));
  if (is_sip_meeting (obligation) && status != NULL)
    {
      g_autofree char *invited = units_to_text (plc_step_status_get_invited_units (status));
      g_autofree char *attended = units_to_text (plc_step_status_get_attended_units (status));

      gtk_editable_set_text (self->invited_entry, invited);
      gtk_editable_set_text (self->attended_entry, attended);
      gtk_check_button_set_active (self->completed_check,
                                   plc_step_status_get_planning_completed (status));
    }

  summary = g_strdup_printf ("%s, %s", plc_obligation_get_title (obligation), state_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Saving */

/* A SIP meeting's record, as the mark-done popover reads it */
typedef struct
{
  GStrv    invited;
  GStrv    attended;
  gboolean planning_completed;
} MeetingRecord;

static void
save (PlcStepRow          *self,
      PlcStepState         state,
      PlcDate              date,
      const char          *note,
      const char          *reason,
      const MeetingRecord *meeting,
      GtkPopover          *popover,
      GtkLabel            *error_label)
{
  PlcObligation *obligation = self->obligation;
  PlcStepStatus *existing = plc_obligation_get_status (obligation);
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *recorded_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  status = existing != NULL ? plc_step_status_copy (existing) : plc_step_status_new ();
  plc_step_status_set_placement_id (status, plc_obligation_get_placement_id (obligation));
  plc_step_status_set_placement_ref (status, plc_obligation_get_placement_ref (obligation));
  plc_step_status_set_rule (status, plc_obligation_get_rule_id (obligation));
  plc_step_status_set_occurrence (status, plc_obligation_get_occurrence (obligation));
  plc_step_status_set_reopened (status, existing != NULL && state == PLC_STEP_STATE_OPEN);
  plc_step_status_set_state (status, state);
  plc_step_status_set_date (status, date);
  if (state != PLC_STEP_STATE_OPEN)
    {
      plc_step_status_set_note (status, note);
      plc_step_status_set_reason (status, reason);
    }
  if (meeting != NULL)
    {
      plc_step_status_set_invited_units (status, (const char * const *)meeting->invited);
      plc_step_status_set_attended_units (status, (const char * const *)meeting->attended);
      plc_step_status_set_planning_completed (status, meeting->planning_completed);
    }
  plc_step_status_set_recorded_by (status, g_get_user_name ());
  plc_step_status_set_recorded_at (status, recorded_at);

  self->saving_popover = popover;
  self->saving_error = error_label;
  g_signal_emit (self, signals [SAVE], 0, status);
}

static void
show_form_error (GtkLabel    *error_label,
                 GtkEditable *field,
                 const char  *message)
{
  gtk_label_set_label (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (field));
}

static void
mark_done_cb (PlcStepRow *self)
{
  g_autoptr(GError) error = NULL;
  PlcDate date = PLC_DATE_NONE;

  if (!plc_date_parse_iso (gtk_editable_get_text (self->date_entry), &date, &error))
    {
      show_form_error (self->mark_done_error, self->date_entry,
                       _("Enter the date as YYYY-MM-DD, such as 2026-01-31."));
      return;
    }

  if (date > plc_date_today ())
    {
      show_form_error (self->mark_done_error, self->date_entry, _("The date cannot be in the future."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mark_done_error), FALSE);
  if (gtk_widget_get_visible (self->meeting_box))
    {
      MeetingRecord meeting = {
        units_from_text (gtk_editable_get_text (self->invited_entry)),
        units_from_text (gtk_editable_get_text (self->attended_entry)),
        gtk_check_button_get_active (self->completed_check),
      };

      save (self, PLC_STEP_STATE_DONE, date, gtk_editable_get_text (self->note_entry), NULL,
            &meeting, self->mark_done_popover, self->mark_done_error);
      g_strfreev (meeting.invited);
      g_strfreev (meeting.attended);
      return;
    }

  save (self, PLC_STEP_STATE_DONE, date, gtk_editable_get_text (self->note_entry), NULL,
        NULL, self->mark_done_popover, self->mark_done_error);
}

static void
not_needed_cb (PlcStepRow *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));

  if (*reason == '\0')
    {
      show_form_error (self->not_needed_error, self->reason_entry, _("Write why the step is not needed."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->not_needed_error), FALSE);
  save (self, PLC_STEP_STATE_NOT_NEEDED, plc_date_today (), NULL, reason, NULL,
        self->not_needed_popover, self->not_needed_error);
}

static void
reopen_cb (PlcStepRow *self)
{
  save (self, PLC_STEP_STATE_OPEN, PLC_DATE_NONE, NULL, NULL, NULL, NULL, NULL);
}

/* GObject */

static void
plc_step_row_constructed (GObject *object)
{
  PlcStepRow *self = (PlcStepRow *)object;

  G_OBJECT_CLASS (plc_step_row_parent_class)->constructed (object);

  g_return_if_fail (self->obligation != NULL);
  show_obligation (self);
}

/* Scrolls the scrolled window around @widget so that @widget shows */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (scrolled == NULL)
    return;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - 12;
  bottom = bounds.origin.y + bounds.size.height + 12;

  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

/* Whether @widget lies inside its window (a popover anchored outside every
 * monitor is refused by GDK) */
static gboolean
inside_window (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window);
}

/* A popover pops up once its button has been scrolled into view */
static gboolean
popup_in_view_cb (GtkWidget     *button,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  int *frames = user_data;

  if (++*frames < 2)
    return G_SOURCE_CONTINUE;

  if (inside_window (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));

  return G_SOURCE_REMOVE;
}

/* Before a popover of the row pops up: GDK refuses a popover anchored
 * outside every monitor, as when a screen reader activates a button
 * scrolled out of view, or the view reveals a step it has just built.
 * Such a button keeps its popover aside, is scrolled into view, and pops
 * up two frames later. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GtkPopover *popover = g_object_get_data (G_OBJECT (button), "row-popover");

  if (inside_window (GTK_WIDGET (button)))
    {
      if (gtk_menu_button_get_popover (button) != popover)
        gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
      return;
    }

  gtk_menu_button_set_popover (button, NULL);
  gtk_menu_button_popdown (button);
  scroll_into_view (GTK_WIDGET (button));
  gtk_widget_add_tick_callback (GTK_WIDGET (button), popup_in_view_cb, g_new0 (int, 1), g_free);
}

static void
pop_up_in_view (GtkMenuButton *button)
{
  g_object_set_data_full (G_OBJECT (button), "row-popover",
                          g_object_ref (gtk_menu_button_get_popover (button)), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, NULL, NULL);
}

static void
plc_step_row_dispose (GObject *object)
{
  PlcStepRow *self = (PlcStepRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_STEP_ROW);
  self->saving_popover = NULL;
  self->saving_error = NULL;
  g_clear_object (&self->obligation);

  G_OBJECT_CLASS (plc_step_row_parent_class)->dispose (object);
}

static void
plc_step_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlcStepRow *self = PLC_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_OBLIGATION:
      g_value_set_object (value, self->obligation);
      break;

    case PROP_UPCOMING:
      g_value_set_boolean (value, self->upcoming);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_step_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlcStepRow *self = PLC_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_OBLIGATION:
      self->obligation = g_value_dup_object (value);
      break;

    case PROP_UPCOMING:
      self->upcoming = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_step_row_class_init (PlcStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plc_step_row_constructed;
  object_class->dispose = plc_step_row_dispose;
  object_class->get_property = plc_step_row_get_property;
  object_class->set_property = plc_step_row_set_property;

  /**
   * PlcStepRow:obligation:
   *
   * The step shown.
   */
  properties [PROP_OBLIGATION] =
    g_param_spec_object ("obligation", NULL, NULL,
                         PLC_TYPE_OBLIGATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcStepRow:upcoming:
   *
   * Whether an open step falls due within the upcoming window: it is then
   * shown as "Upcoming".
   */
  properties [PROP_UPCOMING] =
    g_param_spec_boolean ("upcoming", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcStepRow::save:
   * @self: the row
   * @status: the step's new status: done, not needed, or open again
   *
   * The user asked for the step's status to be saved.  The handler saves
   * it and calls plc_step_row_finish_save().
   */
  signals [SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLC_TYPE_STEP_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, why_button);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, mark_done_button);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, mark_done_popover);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, meeting_box);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, invited_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, attended_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, completed_check);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, mark_done_error);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, mark_done_save);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, not_needed_button);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, not_needed_popover);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, not_needed_error);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, not_needed_save);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, report_button);
  gtk_widget_class_bind_template_child (widget_class, PlcStepRow, reopen_button);
  gtk_widget_class_bind_template_callback (widget_class, mark_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, not_needed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reopen_cb);
}

static void
plc_step_row_init (PlcStepRow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) toggle = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  name_after_child (GTK_WIDGET (self->mark_done_button));
  name_after_child (self->mark_done_save);
  name_after_child (GTK_WIDGET (self->not_needed_button));
  name_after_child (self->not_needed_save);
  name_after_child (self->report_button);
  name_after_child (self->reopen_button);
  pop_up_in_view (self->why_button);
  pop_up_in_view (self->mark_done_button);
  pop_up_in_view (self->not_needed_button);

  /* GTK 4.8 offers screen readers no action on a check button: an action
   * of its own toggles it */
  toggle = g_property_action_new ("planning-completed", self->completed_check, "active");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (GTK_WIDGET (self->completed_check), "meeting", G_ACTION_GROUP (group));
}

/**
 * plc_step_row_new:
 * @obligation: the step
 * @upcoming: whether it falls due within the upcoming window
 *
 * Returns: (transfer floating): a row for @obligation
 */
GtkWidget *
plc_step_row_new (PlcObligation *obligation,
                  gboolean       upcoming)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (obligation), NULL);

  return g_object_new (PLC_TYPE_STEP_ROW,
                       "obligation", obligation,
                       "upcoming", upcoming,
                       NULL);
}

PlcObligation *
plc_step_row_get_obligation (PlcStepRow *self)
{
  g_return_val_if_fail (PLC_IS_STEP_ROW (self), NULL);

  return self->obligation;
}

gboolean
plc_step_row_get_upcoming (PlcStepRow *self)
{
  g_return_val_if_fail (PLC_IS_STEP_ROW (self), FALSE);

  return self->upcoming;
}

/**
 * plc_step_row_finish_save:
 * @self: a #PlcStepRow
 * @error: (nullable): why the status emitted with "save" was not saved
 *
 * Closes the form the status was saved from, or, when @error is set,
 * leaves it open with what was typed and @error's message next to it.
 *
 * Returns: %FALSE if @error is set and the row has no form to show it in
 *   (a reopened step): the caller shows it
 */
gboolean
plc_step_row_finish_save (PlcStepRow   *self,
                          const GError *error)
{
  gboolean shown = TRUE;

  g_return_val_if_fail (PLC_IS_STEP_ROW (self), FALSE);

  if (error == NULL && self->saving_popover != NULL)
    gtk_popover_popdown (self->saving_popover);
  else if (error != NULL && self->saving_error != NULL)
    {
      gtk_label_set_label (self->saving_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->saving_error), TRUE);
    }
  else if (error != NULL)
    shown = FALSE;

  self->saving_popover = NULL;
  self->saving_error = NULL;

  return shown;
}

/**
 * plc_step_row_show_explanation:
 * @self: a #PlcStepRow
 *
 * Moves the focus to the step and opens the explanation of its date, once
 * the step is scrolled into view.
 */
void
plc_step_row_show_explanation (PlcStepRow *self)
{
  g_return_if_fail (PLC_IS_STEP_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->why_button));
  gtk_menu_button_popup (self->why_button);
}
