/* plc-placements-view.c: the children, their placements and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-placements-view"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-case-filter.h"
#include "plc-case-row.h"
#include "plc-drop-down.h"
#include "plc-municipality.h"
#include "plc-placements-view.h"
#include "plc-step-row.h"

struct _PlcPlacementsView
{
  AdwBin              parent_instance;

  PlcCaseload        *caseload;
  GSignalGroup       *caseload_signals;
  PlcProfileSet      *profiles;       /* the agreement filter's */
  PlcCaseFilter      *filter;
  GtkSingleSelection *selection;
  GSettings          *settings;
  GCancellable       *cancellable;
  GPtrArray          *profile_ids;    /* of char *, as in profile_dropdown after "Any" */

  gint64              shown_child_id;
  guint               generation;     /* of the detail pane's contents */
  gboolean            keyboard_nav;

  /* Deleted, for Undo */
  gint64              deleted_id;
  gboolean            deleted_is_child;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *detail_stack;
  GtkWidget          *detail_scroller;
  GtkBox             *detail_box;
  GtkLabel           *detail_title;
  GtkMenuButton      *detail_menu_button;
  GtkCheckButton     *mine_check;
  GtkCheckButton     *overdue_check;
  GtkDropDown        *activity_dropdown;
  GtkDropDown        *basis_dropdown;
  GtkDropDown        *form_dropdown;
  GtkDropDown        *profile_dropdown;
  GtkDropDown        *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (PlcPlacementsView, plc_placements_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  PROP_SELECTED_CHILD_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void show_case (PlcPlacementsView *self,
                       PlcCase           *item,
                       gboolean           opened);

/* The child shown in the detail pane: the view's selection */
static void
set_shown_child_id (PlcPlacementsView *self,
                    gint64             child_id)
{
  if (self->shown_child_id == child_id)
    return;

  self->shown_child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_CHILD_ID]);
}

/* Dates are shown as ISO 8601, as case files write them. */
static char *
format_date (PlcDate date)
{
  if (date == PLC_DATE_NONE)
    return g_strdup ("");

  return plc_date_to_iso (date);
}

static const char *
municipality_name (const char *code)
{
  const PlcMunicipality *municipality;

  if (code == NULL)
    return NULL;

  municipality = plc_municipality_get (code);

  return municipality != NULL ? municipality->name : code;
}

static char *
dup_caseworker_name (PlcPlacementsView *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "caseworker-name");

  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  if (g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    return g_strdup (g_get_real_name ());

  return g_strdup (g_get_user_name ());
}

static AdwToastOverlay *
get_toast_overlay (PlcPlacementsView *self)
{
  return ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY));
}

static void
show_toast (PlcPlacementsView *self,
            AdwToast          *toast)
{
  AdwToastOverlay *overlay = get_toast_overlay (self);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* The list: a PlcCaseRow for each child (see plc-placements-view.ui) */

static void
update_list_state (PlcPlacementsView *self)
{
  guint n_all = 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter));
  const char *page;

  if (self->caseload == NULL || !plc_caseload_get_loaded (self->caseload))
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      gtk_widget_set_visible (GTK_WIDGET (self->filter_label), FALSE);
      return;
    }

  n_all = g_list_model_get_n_items (plc_caseload_get_cases (self->caseload));

  if (n_all == 0)
    page = "empty";
  else if (n_shown == 0)
    page = "no-results";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->list_stack, page);

  if (plc_case_filter_get_filtering (self->filter) && n_all > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: under the search field while a search or filter is in use */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Showing %u of %u child",
                                           "Showing %u of %u children", n_all),
                              n_shown, n_all);
      gtk_label_set_label (self->filter_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->filter_label), FALSE);
}

static void
filter_items_changed_cb (PlcPlacementsView *self)
{
  update_list_state (self);
}

static void
search_changed_cb (PlcPlacementsView *self)
{
  plc_case_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (PlcPlacementsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
open_position (PlcPlacementsView *self,
               guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->filter)))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static PlcStepRow *
find_step_row (GtkWidget  *widget,
               gint64      placement_id,
               const char *rule_id,
               int         occurrence)
{
  if (PLC_IS_STEP_ROW (widget))
    {
      PlcObligation *obligation = plc_step_row_get_obligation (PLC_STEP_ROW (widget));

      if (plc_obligation_get_placement_id (obligation) == placement_id
          && plc_obligation_get_occurrence (obligation) == occurrence
          && g_strcmp0 (plc_obligation_get_rule_id (obligation), rule_id) == 0)
        return PLC_STEP_ROW (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PlcStepRow *found = find_step_row (child, placement_id, rule_id, occurrence);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  PlcPlacementsView *self;
  gint64             placement_id;
  char              *rule_id;
  int                occurrence;
} Reveal;

static void
reveal_free (Reveal *reveal)
{
  g_clear_object (&reveal->self);
  g_free (reveal->rule_id);
  g_free (reveal);
}

static gboolean
reveal_step_cb (gpointer user_data)
{
  Reveal *reveal = user_data;
  PlcStepRow *row = find_step_row (GTK_WIDGET (reveal->self->detail_box), reveal->placement_id,
                                   reveal->rule_id, reveal->occurrence);

  /* Focus scrolls the step into view; its explanation says why this date */
  if (row != NULL)
    plc_step_row_show_explanation (row);

  return G_SOURCE_REMOVE;
}

/**
 * plc_placements_view_show_obligation:
 * @self: the view
 * @child_id: the child
 * @placement_id: the placement the step belongs to
 * @rule_id: the step's rule
 * @occurrence: the step's occurrence
 *
 * Shows the child and, if the step is one of the current placement's,
 * scrolls to it and opens its explanation.
 */
void
plc_placements_view_show_obligation (PlcPlacementsView *self,
                                     gint64             child_id,
                                     gint64             placement_id,
                                     const char        *rule_id,
                                     int                occurrence)
{
  Reveal *reveal;

  g_return_if_fail (PLC_IS_PLACEMENTS_VIEW (self));
  g_return_if_fail (rule_id != NULL);

  plc_placements_view_show_child (self, child_id);
  if (self->shown_child_id != child_id)
    return;

  /* After the detail is laid out */
  reveal = g_new0 (Reveal, 1);
  reveal->self = g_object_ref (self);
  reveal->placement_id = placement_id;
  reveal->rule_id = g_strdup (rule_id);
  reveal->occurrence = occurrence;
  g_idle_add_full (G_PRIORITY_LOW, reveal_step_cb, reveal, (GDestroyNotify)reveal_free);
}

/* Enter in the search field opens the first child found */
static void
search_activate_cb (PlcPlacementsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter)) > 0)
    open_position (self, 0);
}

static void
list_activate_cb (PlcPlacementsView *self,
                  guint              position)
{
  open_position (self, position);
}

static void
clear_filters_cb (PlcPlacementsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_check_button_set_active (self->mine_check, FALSE);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_drop_down_set_selected (self->activity_dropdown, 0);
  gtk_drop_down_set_selected (self->basis_dropdown, 0);
  gtk_drop_down_set_selected (self->form_dropdown, 0);
  gtk_drop_down_set_selected (self->profile_dropdown, 0);
  plc_case_filter_clear (self->filter);
}

static void
filter_changed_cb (PlcPlacementsView *self)
{
  guint basis = gtk_drop_down_get_selected (self->basis_dropdown);
  guint form = gtk_drop_down_get_selected (self->form_dropdown);
  guint profile = gtk_drop_down_get_selected (self->profile_dropdown);
  guint activity = gtk_drop_down_get_selected (self->activity_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->filter == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self->filter));

  if (gtk_check_button_get_active (self->mine_check))
    {
      g_autofree char *me = dup_caseworker_name (self);

      plc_case_filter_set_caseworker (self->filter, me);
    }
  else
    plc_case_filter_set_caseworker (self->filter, NULL);

  plc_case_filter_set_overdue_only (self->filter, gtk_check_button_get_active (self->overdue_check));
  plc_case_filter_set_activity (self->filter,
                                activity == GTK_INVALID_LIST_POSITION ? PLC_CASE_ACTIVITY_ALL : activity);
  plc_case_filter_set_legal_basis (self->filter,
                                   basis == 0 || basis == GTK_INVALID_LIST_POSITION
                                   ? PLC_CASE_FILTER_ANY : (int) basis - 1);
  plc_case_filter_set_form (self->filter,
                            form == 0 || form == GTK_INVALID_LIST_POSITION
                            ? PLC_CASE_FILTER_ANY : (int) form - 1);
  plc_case_filter_set_profile_id (self->filter,
                                  profile == 0 || profile == GTK_INVALID_LIST_POSITION
                                  || profile - 1 >= self->profile_ids->len
                                  ? NULL : g_ptr_array_index (self->profile_ids, profile - 1));
  plc_case_filter_set_sort (self->filter,
                            sort == GTK_INVALID_LIST_POSITION ? PLC_CASE_SORT_NAME : sort);

  g_object_thaw_notify (G_OBJECT (self->filter));

  update_list_state (self);
}

static void
selection_changed_cb (PlcPlacementsView *self)
{
  PlcCase *item = gtk_single_selection_get_selected_item (self->selection);
  gint64 id;

  /* Nothing selected: during a reload, or the child was filtered out.
   * The detail pane keeps what it shows. */
  if (item == NULL)
    return;

  id = plc_child_get_id (plc_case_get_child (item));
  show_case (self, item, id != self->shown_child_id);

  /* A click on a row of the folded list goes on to the child; moving
   * through the list with the keyboard does not, Enter does. */
  if (adw_leaflet_get_folded (self->leaflet) && !self->keyboard_nav
      && gtk_widget_has_focus (GTK_WIDGET (self->list_view)) == FALSE)
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static gboolean
list_key_pressed_cb (PlcPlacementsView *self)
{
  self->keyboard_nav = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static void
list_key_released_cb (PlcPlacementsView *self)
{
  self->keyboard_nav = FALSE;
}

/* The detail pane */

typedef enum
{
  PHASE_BEFORE,
  PHASE_START,
  PHASE_DURING,
  PHASE_END,
  N_PHASES
} Phase;

static const char *
phase_title (Phase phase)
{
  switch (phase)
    {
    case PHASE_BEFORE:
      return _("Before the Placement");
    case PHASE_START:
      return _("At the Start (First 4 Weeks)");
    case PHASE_DURING:
      return _("During the Placement");
    case PHASE_END:
    case N_PHASES:
    default:
      return _("Before the End and After");
    }
}

static Phase
obligation_phase (PlcObligation *obligation,
                  PlcPlacement  *placement)
{
  const PlcRule *rule = plc_obligation_get_rule (obligation);
  PlcDate due = plc_obligation_get_due (obligation);
  PlcDate start = plc_placement_get_start_date (placement);

  if (rule != NULL && plc_rule_get_n_anchors (rule) > 0)
    {
      PlcAnchor anchor = plc_rule_get_anchor (rule, 0, NULL);

      if (anchor == PLC_ANCHOR_PLANNED_END || anchor == PLC_ANCHOR_PLACEMENT_END)
        return PHASE_END;
    }

  if (due == PLC_DATE_NONE || start == PLC_DATE_NONE)
    return PHASE_DURING;
  if (due < start)
    return PHASE_BEFORE;
  if (due <= plc_date_add_days (start, 28))
    return PHASE_START;

  return PHASE_DURING;
}

/* A step's row asks for its new status to be saved */

typedef struct
{
  PlcPlacementsView *self;
  PlcStepRow        *row;
  PlcStepStatus     *status;
} SaveStep;

static void
save_step_free (SaveStep *save)
{
  g_clear_object (&save->self);
  g_clear_object (&save->row);
  g_clear_object (&save->status);
  g_free (save);
}

/* Next to what was typed, if the row has a form open; else a toast */
static void
show_save_error (PlcPlacementsView *self,
                 PlcStepRow        *row,
                 const GError      *error)
{
  if (!plc_step_row_finish_save (row, error))
    show_toast (self, adw_toast_new (error->message));
}

static void
step_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveStep *save = user_data;
  g_autoptr(GError) error = NULL;

  if (!plc_store_save_step_status_finish (PLC_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not save a step's status: %s", error->message);
          /* The popover stays open with what was typed */
          show_save_error (save->self, save->row, error);
        }
      save_step_free (save);
      return;
    }

  plc_step_row_finish_save (save->row, NULL);

  if (save->self->caseload != NULL)
    plc_caseload_reload_async (save->self->caseload, plc_date_today (), NULL, NULL, NULL);
  save_step_free (save);
}

static void
step_save_cb (PlcPlacementsView *self,
              PlcStepStatus     *status,
              PlcStepRow        *row)
{
  g_autoptr(GError) error = NULL;
  SaveStep *save;

  if (self->caseload == NULL)
    return;

  if (!plc_step_status_validate (status, &error))
    {
      show_save_error (self, row, error);
      return;
    }

  save = g_new0 (SaveStep, 1);
  save->self = g_object_ref (self);
  save->row = g_object_ref (row);
  save->status = g_object_ref (status);
  plc_store_save_step_status_async (plc_caseload_get_store (self->caseload), save->status,
                                    self->cancellable, step_saved_cb, save);
}

static GtkWidget *
make_step_row (PlcPlacementsView *self,
               PlcObligation     *obligation)
{
  gboolean upcoming = plc_obligation_get_state (obligation) == PLC_OBLIGATION_STATE_OPEN
                      && plc_engine_is_upcoming (plc_caseload_get_engine (self->caseload), obligation,
                                                 plc_caseload_get_today (self->caseload));
  GtkWidget *row = plc_step_row_new (obligation, upcoming);

  g_signal_connect_object (row, "save", G_CALLBACK (step_save_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
make_info_row (const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "plc-info-row");

  return row;
}

static char *
describe_municipality (const char *code)
{
  const PlcMunicipality *municipality;

  if (code == NULL)
    return NULL;

  municipality = plc_municipality_get (code);
  if (municipality == NULL)
    return g_strdup (code);

  return g_strdup_printf ("%s (%s)", municipality->name, code);
}

static GtkWidget *
make_child_group (PlcChild *child)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *birth = format_date (plc_child_get_birth_date (child));
  g_autofree char *home = describe_municipality (plc_child_get_home_municipality (child));
  g_autofree char *registration = describe_municipality (plc_child_get_registration_municipality (child));
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *flags_text = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Child"));

  if (plc_child_get_personnummer (child) != NULL || plc_child_get_temporary_ref (child) == NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_info_row (_("Personal identity number"),
                                              plc_child_get_personnummer (child)));
  if (plc_child_get_temporary_ref (child) != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_info_row (_("Temporary reference"),
                                              plc_child_get_temporary_ref (child)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_info_row (_("Birth date"), birth));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             make_info_row (_("Legal gender"),
                                            plc_legal_gender_get_display_name (plc_child_get_legal_gender (child))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_info_row (_("Home municipality"), home));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             make_info_row (_("Municipality of registration"), registration));

  if (plc_child_get_asylum_seeker (child))
    g_ptr_array_add (flags, g_strdup (_("Asylum seeker")));
  if (plc_child_get_unaccompanied (child))
    g_ptr_array_add (flags, g_strdup (_("Unaccompanied")));
  if (plc_child_get_lss (child))
    g_ptr_array_add (flags, g_strdup (_("Has LSS support")));
  if (plc_child_get_interpreter_language (child) != NULL)
    /* Translators: the language a child needs an interpreter for */
    g_ptr_array_add (flags, g_strdup_printf (_("Interpreter: %s"), plc_child_get_interpreter_language (child)));
  g_ptr_array_add (flags, NULL);
  flags_text = g_strjoinv (", ", (char **) flags->pdata);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             make_info_row (_("Circumstances"),
                                            *flags_text != '\0' ? flags_text : _("None recorded")));

  return group;
}

static GtkWidget *
make_warning (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "plc-warning");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static PlcPlacement *
find_placement (GPtrArray *placements,
                gint64     id)
{
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    if (plc_placement_get_id (g_ptr_array_index (placements, i)) == id)
      return g_ptr_array_index (placements, i);

  return NULL;
}

static char *
placement_period (PlcPlacement *placement)
{
  g_autofree char *start = format_date (plc_placement_get_start_date (placement));
  g_autofree char *end = format_date (plc_placement_get_end_date (placement));

  if (*end == '\0')
    /* Translators: a placement still going on, such as "from 2025-06-01" */
    return g_strdup_printf (_("from %s"), start);

  /* Translators: a placement's start and end dates */
  return g_strdup_printf (_("%s to %s"), start, end);
}

static GtkWidget *
make_placements_group (PlcPlacementsView *self,
                       PlcCase           *item)
{
  GtkWidget *group = adw_preferences_group_new ();
  GPtrArray *placements = plc_case_get_placements (item);
  PlcPlacement *current = plc_case_get_current_placement (item);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Placements"));

  /* Newest first */
  for (guint i = placements != NULL ? placements->len : 0; i > 0; i--)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i - 1);
      PlcPlacement *previous = find_placement (placements, plc_placement_get_previous_id (placement));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = plc_case_row_describe_placement (placement);
      g_autofree char *period = placement_period (placement);
      g_autoptr(GString) subtitle = g_string_new (period);
      const char *warning = plc_caseload_get_warning (self->caseload, plc_placement_get_id (placement));

      if (plc_placement_get_caseworker (placement) != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("Caseworker: %s"), plc_placement_get_caseworker (placement));
        }
      if (plc_placement_get_end_reason (placement) != NULL)
        g_string_append_printf (subtitle, " · %s", plc_placement_get_end_reason (placement));
      if (previous != NULL)
        {
          g_autofree char *from = plc_case_row_describe_placement (previous);
          g_autofree char *from_period = placement_period (previous);

          g_string_append_c (subtitle, '\n');
          /* Translators: a move (omplacering): the placement this one follows */
          g_string_append_printf (subtitle, _("Moved from %s (%s)"), from, from_period);
        }
      else if (plc_placement_get_previous_ref (placement) != NULL)
        {
          g_string_append_c (subtitle, '\n');
          g_string_append_printf (subtitle, _("Moved from %s"), plc_placement_get_previous_ref (placement));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      if (warning != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, warning);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warning,
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }

      if (placement == current)
        {
          GtkWidget *label = gtk_label_new (plc_case_get_active (item)
                                            ? C_("placement", "Current") : C_("placement", "Latest"));

          gtk_widget_add_css_class (label, "plc-status");
          gtk_widget_add_css_class (label, "open");
          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (placements == NULL || placements->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_info_row (_("No placements"),
                                              _("Add one with New Placement.")));

  return group;
}

static void
add_obligation_groups (PlcPlacementsView *self,
                       PlcCase           *item)
{
  PlcPlacement *current = plc_case_get_current_placement (item);
  GPtrArray *obligations;
  GtkWidget *groups[N_PHASES] = { NULL, };
  GtkWidget *heading;

  if (current == NULL)
    return;

  heading = gtk_label_new (_("Steps of the Current Placement"));
  gtk_widget_add_css_class (heading, "title-3");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_box_append (self->detail_box, heading);

  obligations = plc_caseload_get_obligations (self->caseload, plc_placement_get_id (current));
  if (obligations == NULL || obligations->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("The rules require no steps of this placement."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->detail_box, label);
      return;
    }

  for (guint i = 0; i < obligations->len; i++)
    {
      PlcObligation *obligation = g_ptr_array_index (obligations, i);
      Phase phase = obligation_phase (obligation, current);

      if (groups[phase] == NULL)
        {
          groups[phase] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[phase]), phase_title (phase));
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[phase]),
                                 make_step_row (self, obligation));
    }

  for (guint phase = 0; phase < N_PHASES; phase++)
    if (groups[phase] != NULL)
      gtk_box_append (self->detail_box, groups[phase]);
}

typedef struct
{
  PlcPlacementsView *self;
  GtkWidget         *group;
  gint64             child_id;
  guint              generation;
} LoadContacts;

static void
contacts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoadContacts *load = user_data;
  PlcPlacementsView *self = load->self;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  contacts = plc_store_list_contacts_finish (PLC_STORE (object), result, &error);

  if (contacts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;

  /* Something else is shown by now */
  if (self->generation != load->generation)
    goto out;

  if (contacts == NULL)
    {
      g_warning ("Could not list the contacts: %s", error->message);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (load->group),
                                             _("The contacts could not be read."));
      goto out;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      PlcContact *contact = g_ptr_array_index (contacts, i);
      GPtrArray *links = plc_contact_get_links (contact);
      g_autoptr(GString) roles = g_string_new (NULL);

      for (guint j = 0; links != NULL && j < links->len; j++)
        {
          PlcContactLink *link = g_ptr_array_index (links, j);

          if (link->child_id != load->child_id)
            continue;
          if (roles->len > 0)
            g_string_append (roles, ", ");
          g_string_append (roles, plc_contact_role_get_display_name (link->role));
        }

      if (roles->len > 0)
        {
          GtkWidget *row = adw_action_row_new ();

          if (plc_contact_get_organisation (contact) != NULL)
            g_string_append_printf (roles, " · %s", plc_contact_get_organisation (contact));
          if (plc_contact_get_phone (contact) != NULL)
            g_string_append_printf (roles, " · %s", plc_contact_get_phone (contact));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plc_contact_get_name (contact));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), roles->str);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (load->group), row);
          n++;
        }
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (load->group),
                                         n == 0 ? _("No guardians or other contacts are linked to this child.") : NULL);

out:
  g_object_unref (load->group);
  g_object_unref (load->self);
  g_free (load);
}

static void
clear_detail (PlcPlacementsView *self)
{
  GtkWidget *child;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->generation++;

  /* Not in what goes away: GTK 4.8's viewport would follow a destroyed
   * focus widget.  The actions' button stays where it is. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_box)))
    {
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->detail_menu_button)))
        gtk_root_set_focus (root, NULL);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);
}

static void
update_detail_menu (PlcPlacementsView *self,
                    PlcCase           *item)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) delete = g_menu_new ();
  g_autoptr(GMenuItem) menu_item = NULL;
  PlcPlacement *current = item != NULL ? plc_case_get_current_placement (item) : NULL;
  gint64 child_id = item != NULL ? plc_child_get_id (plc_case_get_child (item)) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->detail_menu_button), item != NULL);
  if (item == NULL)
    {
      gtk_menu_button_set_menu_model (self->detail_menu_button, NULL);
      return;
    }

  menu_item = g_menu_item_new (_("_Edit Child…"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "win.edit-child", g_variant_new_int64 (child_id));
  g_menu_append_item (edit, menu_item);
  g_clear_object (&menu_item);

  if (current != NULL)
    {
      menu_item = g_menu_item_new (_("Edit _Placement…"), NULL);
      g_menu_item_set_action_and_target_value (menu_item, "win.edit-placement",
                                               g_variant_new_int64 (plc_placement_get_id (current)));
      g_menu_append_item (edit, menu_item);
      g_clear_object (&menu_item);
    }

  g_menu_append (edit, _("_New Placement…"), "win.new-placement");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  if (current != NULL)
    g_menu_append (delete, _("Delete Current P_lacement"), "placements.delete-placement");
  g_menu_append (delete, _("_Delete Child"), "placements.delete-child");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete));

  gtk_menu_button_set_menu_model (self->detail_menu_button, G_MENU_MODEL (menu));
}

static void
record_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!plc_store_record_opened_finish (PLC_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not record the opening of a record: %s", error->message);
}

static void
show_case (PlcPlacementsView *self,
           PlcCase           *item,
           gboolean           opened)
{
  PlcChild *child;
  PlcStore *store;
  GtkWidget *header;
  GtkWidget *name;
  GtkWidget *contacts;
  const char *warning;
  double scroll = 0;
  GtkAdjustment *adjustment;
  LoadContacts *load;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->detail_scroller));
  if (!opened)
    scroll = gtk_adjustment_get_value (adjustment);

  clear_detail (self);
  update_detail_menu (self, item);

  if (item == NULL)
    {
      set_shown_child_id (self, 0);
      gtk_label_set_label (self->detail_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  child = plc_case_get_child (item);
  set_shown_child_id (self, plc_child_get_id (child));
  store = plc_caseload_get_store (self->caseload);

  if (opened && store != NULL)
    plc_store_record_opened_async (store, "child", self->shown_child_id,
                                   self->cancellable, record_opened_cb, NULL);

  gtk_label_set_label (self->detail_title, plc_child_get_name (child));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  name = gtk_label_new (plc_child_get_name (child));
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plc_child_get_name (child),
                                  -1);
  gtk_box_append (GTK_BOX (header), name);

  /* Who it is at a glance; the rest is under "Child" further down */
  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *identity = NULL;
    const char *home = municipality_name (plc_child_get_home_municipality (child));
    GtkWidget *label;

    if (plc_child_get_personnummer (child) != NULL)
      g_ptr_array_add (parts, g_strdup (plc_child_get_personnummer (child)));
    else if (plc_child_get_temporary_ref (child) != NULL)
      g_ptr_array_add (parts, g_strdup (plc_child_get_temporary_ref (child)));
    if (plc_child_get_birth_date (child) != PLC_DATE_NONE)
      {
        g_autofree char *birth = format_date (plc_child_get_birth_date (child));

        /* Translators: a child's birth date */
        g_ptr_array_add (parts, g_strdup_printf (_("born %s"), birth));
      }
    if (home != NULL)
      g_ptr_array_add (parts, g_strdup (home));
    g_ptr_array_add (parts, NULL);

    identity = g_strjoinv (" · ", (char **) parts->pdata);
    label = gtk_label_new (identity);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (header), label);
  }

  gtk_box_append (self->detail_box, header);

  warning = plc_case_get_warning (item);
  if (warning != NULL)
    gtk_box_append (self->detail_box, make_warning (warning));

  gtk_box_append (self->detail_box, make_placements_group (self, item));
  add_obligation_groups (self, item);
  gtk_box_append (self->detail_box, make_child_group (child));

  contacts = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (contacts), _("Guardians and Other Contacts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (contacts), _("Loading…"));
  gtk_box_append (self->detail_box, contacts);

  if (store != NULL)
    {
      load = g_new0 (LoadContacts, 1);
      load->self = g_object_ref (self);
      load->group = g_object_ref (contacts);
      load->child_id = self->shown_child_id;
      load->generation = self->generation;
      plc_store_list_contacts_async (store, FALSE, self->cancellable, contacts_loaded_cb, load);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "child");

  if (opened)
    gtk_adjustment_set_value (adjustment, 0);
  else
    gtk_adjustment_set_value (adjustment, scroll);
}

static gboolean
select_child (PlcPlacementsView *self,
              gint64             child_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcCase) item = g_list_model_get_item (G_LIST_MODEL (self->filter), i);

      if (plc_child_get_id (plc_case_get_child (item)) == child_id)
        {
          if (gtk_single_selection_get_selected (self->selection) == i)
            show_case (self, item, FALSE);
          else
            gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* After each reload: the same child again, from the new snapshot */
static void
caseload_changed_cb (PlcPlacementsView *self)
{
  update_list_state (self);

  if (self->shown_child_id == 0)
    return;

  if (!select_child (self, self->shown_child_id))
    {
      PlcCase *item = plc_caseload_lookup_case (self->caseload, self->shown_child_id);

      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_case (self, item, FALSE);
    }
}

static void
fill_profiles (PlcPlacementsView *self)
{
  g_autoptr(GtkStringList) names = plc_drop_down_new_agreements (self->profiles, C_("agreement", "Any"),
                                                                 NULL, self->profile_ids);

  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (names));
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcPlacementsView *self = PLC_PLACEMENTS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  plc_placements_view_focus_search (PLC_PLACEMENTS_VIEW (widget));
}

static gboolean
escape_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  PlcPlacementsView *self = PLC_PLACEMENTS_VIEW (widget);

  if (!adw_leaflet_get_folded (self->leaflet)
      || g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  back_action (widget, NULL, NULL);

  return TRUE;
}

typedef struct
{
  PlcPlacementsView *self;
  gint64             id;
  gboolean           is_child;
} Deletion;

static void
undeleted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlcPlacementsView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->deleted_is_child)
    ok = plc_store_undelete_child_finish (PLC_STORE (object), result, &error);
  else
    ok = plc_store_undelete_placement_finish (PLC_STORE (object), result, &error);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not undo a deletion: %s", error->message);
          show_toast (self, adw_toast_new (error->message));
        }
      return;
    }

  if (self->caseload != NULL)
    plc_caseload_reload_async (self->caseload, plc_date_today (), NULL, NULL, NULL);
}

static void
undo_clicked_cb (AdwToast          *toast,
                 PlcPlacementsView *self)
{
  PlcStore *store = self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;

  if (store == NULL || self->deleted_id == 0)
    return;

  if (self->deleted_is_child)
    {
      set_shown_child_id (self, self->deleted_id);
      plc_store_undelete_child_async (store, self->deleted_id, self->cancellable,
                                      undeleted_cb, g_object_ref (self));
    }
  else
    plc_store_undelete_placement_async (store, self->deleted_id, self->cancellable,
                                        undeleted_cb, g_object_ref (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Deletion *deletion = user_data;
  g_autoptr(PlcPlacementsView) self = deletion->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gboolean ok;

  if (deletion->is_child)
    ok = plc_store_delete_child_finish (PLC_STORE (object), result, &error);
  else
    ok = plc_store_delete_placement_finish (PLC_STORE (object), result, &error);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not delete a record: %s", error->message);
          show_toast (self, adw_toast_new (error->message));
        }
      g_free (deletion);
      return;
    }

  self->deleted_id = deletion->id;
  self->deleted_is_child = deletion->is_child;

  toast = adw_toast_new (deletion->is_child ? _("Child deleted") : _("Placement deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  show_toast (self, toast);

  if (deletion->is_child)
    {
      show_case (self, NULL, FALSE);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }

  if (self->caseload != NULL)
    plc_caseload_reload_async (self->caseload, plc_date_today (), NULL, NULL, NULL);
  g_free (deletion);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlcPlacementsView *self = PLC_PLACEMENTS_VIEW (widget);
  PlcStore *store = self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
  PlcCase *item;
  Deletion *deletion;

  if (store == NULL || self->caseload == NULL || self->shown_child_id == 0)
    return;

  item = plc_caseload_lookup_case (self->caseload, self->shown_child_id);
  if (item == NULL)
    return;

  deletion = g_new0 (Deletion, 1);
  deletion->self = g_object_ref (self);
  deletion->is_child = g_str_equal (action_name, "placements.delete-child");

  if (deletion->is_child)
    {
      deletion->id = self->shown_child_id;
      plc_store_delete_child_async (store, deletion->id, self->cancellable, deleted_cb, deletion);
    }
  else if (plc_case_get_current_placement (item) != NULL)
    {
      deletion->id = plc_placement_get_id (plc_case_get_current_placement (item));
      plc_store_delete_placement_async (store, deletion->id, self->cancellable, deleted_cb, deletion);
    }
  else
    {
      g_object_unref (deletion->self);
      g_free (deletion);
    }
}

/* GObject */

static GListModel *
string_list (const char *first,
             ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);

  return G_LIST_MODEL (list);
}

static void
label_dropdown (GtkDropDown *dropdown,
                const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
plc_placements_view_dispose (GObject *object)
{
  PlcPlacementsView *self = (PlcPlacementsView *)object;

  g_cancellable_cancel (self->cancellable);

  /* AdwBin lets its child go; gtk_widget_dispose_template() would unparent
   * it first, behind AdwBin's back */

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->caseload);
  g_clear_object (&self->caseload_signals);
  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profile_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_placements_view_parent_class)->dispose (object);
}

static void
plc_placements_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlcPlacementsView *self = PLC_PLACEMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    case PROP_SELECTED_CHILD_ID:
      g_value_set_int64 (value, self->shown_child_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_placements_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlcPlacementsView *self = PLC_PLACEMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_placements_view_set_caseload (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_placements_view_class_init (PlcPlacementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_placements_view_dispose;
  object_class->get_property = plc_placements_view_get_property;
  object_class->set_property = plc_placements_view_set_property;

  /**
   * PlcPlacementsView:caseload:
   *
   * The children, placements and steps shown; the store and the rules come
   * from it too.  The view follows its "changed" signal.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcPlacementsView:selected-child-id:
   *
   * The id of the child shown in the detail pane, or 0 for none: the
   * window's New Placement (Ctrl+N) is for this child.
   */
  properties [PROP_SELECTED_CHILD_ID] =
    g_param_spec_int64 ("selected-child-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-placements-view.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, detail_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, mine_check);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, activity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, basis_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, form_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementsView, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "placements.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "placements.delete-child", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "placements.delete-placement", NULL, delete_action);

  g_type_ensure (PLC_TYPE_CASE);
  g_type_ensure (PLC_TYPE_CASE_ROW);
  g_type_ensure (PLC_TYPE_STEP_ROW);
}

static void
plc_placements_view_init (PlcPlacementsView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->profile_ids = g_ptr_array_new_with_free_func (g_free);

  /* After each reload of the caseload, whichever it is */
  self->caseload_signals = g_signal_group_new (PLC_TYPE_CASELOAD);
  g_signal_group_connect_object (self->caseload_signals, "changed",
                                 G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);

  self->filter = plc_case_filter_new (NULL);
  g_signal_connect_object (self->filter, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (list_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  /* Escape goes back from the detail pane to the list when folded */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                               gtk_callback_action_new (escape_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_drop_down_set_model (self->activity_dropdown,
                           string_list (C_("placements", "All"), C_("placements", "Active"),
                                        C_("placements", "Ended"), NULL));
  gtk_drop_down_set_model (self->basis_dropdown,
                           string_list (C_("legal basis", "Any"),
                                        plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_SOL),
                                        plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU2),
                                        plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU3),
                                        plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU6),
                                        NULL));
  gtk_drop_down_set_model (self->form_dropdown,
                           string_list (C_("placement form", "Any"),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_FAMILJEHEM),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_NATVERKSHEM),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_JOURHEM),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_HVB),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_STODBOENDE),
                                        plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_SIS),
                                        NULL));
  gtk_drop_down_set_model (self->sort_dropdown,
                           string_list (_("Name"), _("Next due date"), _("Most overdue steps"), NULL));
  fill_profiles (self);

  label_dropdown (self->activity_dropdown, _("Placements"));
  label_dropdown (self->basis_dropdown, _("Legal basis"));
  label_dropdown (self->form_dropdown, _("Form"));
  label_dropdown (self->profile_dropdown, _("Agreement"));
  label_dropdown (self->sort_dropdown, _("Sort by"));

  update_list_state (self);
}

PlcCaseload *
plc_placements_view_get_caseload (PlcPlacementsView *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENTS_VIEW (self), NULL);

  return self->caseload;
}

/**
 * plc_placements_view_set_caseload:
 * @self: a #PlcPlacementsView
 * @caseload: (nullable): what to show
 *
 * Shows @caseload's children, and again after each of its reloads.
 */
void
plc_placements_view_set_caseload (PlcPlacementsView *self,
                                  PlcCaseload       *caseload)
{
  PlcProfileSet *profiles;

  g_return_if_fail (PLC_IS_PLACEMENTS_VIEW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  g_signal_group_set_target (self->caseload_signals, caseload);

  /* The agreements to filter by: the same for every caseload, so the
   * choice stays when the demonstration data opens or closes */
  profiles = caseload != NULL ? plc_caseload_get_profiles (caseload) : NULL;
  if (profiles != NULL && g_set_object (&self->profiles, profiles))
    fill_profiles (self);

  plc_case_filter_set_model (self->filter, caseload != NULL ? plc_caseload_get_cases (caseload) : NULL);
  update_list_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

/**
 * plc_placements_view_get_selected_child_id:
 * @self: a #PlcPlacementsView
 *
 * Returns: the id of the child shown, or 0 for none
 */
gint64
plc_placements_view_get_selected_child_id (PlcPlacementsView *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENTS_VIEW (self), 0);

  return self->shown_child_id;
}

/**
 * plc_placements_view_focus_search:
 * @self: a #PlcPlacementsView
 *
 * Shows the list, if folded, and puts the focus in the search field.
 */
void
plc_placements_view_focus_search (PlcPlacementsView *self)
{
  g_return_if_fail (PLC_IS_PLACEMENTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * plc_placements_view_show_child:
 * @self: a #PlcPlacementsView
 * @child_id: a child's id
 *
 * Opens the child with @child_id in the detail pane, clearing the search
 * and filters if they hide it.
 */
void
plc_placements_view_show_child (PlcPlacementsView *self,
                                gint64             child_id)
{
  g_return_if_fail (PLC_IS_PLACEMENTS_VIEW (self));

  if (self->caseload == NULL)
    return;

  if (!select_child (self, child_id))
    {
      clear_filters_cb (self);
      if (!select_child (self, child_id))
        return;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}
