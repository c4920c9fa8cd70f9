/* plc-timelines-view.c: one child's timeline, or the whole caseload's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-timelines-view"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-drop-down.h"
#include "plc-municipality.h"
#include "plc-timeline.h"
#include "plc-timeline-row.h"
#include "plc-timelines-view.h"

/*
 * Two modes.  "Child": one child's placements as bars and their steps as
 * markers.  "Caseload": a row per child, grouped by caseworker, over a
 * period, filtered by caseworker, municipality and status.  Beside either,
 * the agenda: what is overdue and what falls due within the upcoming
 * window, by date.  The markers are listed as ordinary list rows too, kept
 * in step with the drawing's selection: that list is what a screen reader
 * reads.  Activating a step emits "show-obligation", which the window
 * handles by showing the step in the Placements view; if nothing handles
 * it, the view explains the step's date in a popover.
 */

typedef enum
{
  PERIOD_THIS_MONTH,
  PERIOD_NEXT_3_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_NEXT_12_MONTHS,
} Period;

struct _PlcTimelinesView
{
  GtkWidget            parent_instance;

  PlcCaseload         *caseload;
  GSignalGroup        *caseload_signals;
  GHashTable          *cases;       /* placement id → PlcCase */
  GHashTable          *placements;  /* placement id → PlcPlacement */
  GtkStringList       *caseworkers;
  GtkStringList       *municipalities;  /* names shown */
  GPtrArray           *municipality_codes;
  GtkSingleSelection  *marker_selection;
  GtkSingleSelection  *agenda_selection;
  GtkFilterListModel  *agenda_model;
  GtkCustomFilter     *agenda_filter;
  gint64               child_id;
  guint                updating : 1;
  guint                fit_zoom : 1;

  GtkPopover          *popover;
  GtkLabel            *popover_title;
  GtkLabel            *popover_meta;
  GtkLabel            *popover_explanation;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwFlap             *flap;
  GtkToggleButton     *child_mode_button;
  GtkToggleButton     *caseload_mode_button;
  GtkStack            *options_stack;
  GtkDropDown         *child_dropdown;
  GtkDropDown         *period_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *caseworker_dropdown;
  GtkDropDown         *municipality_dropdown;
  GtkScrolledWindow   *timeline_scroller;
  PlcTimeline         *timeline;
  GtkFlowBox          *legend;
  GtkListView         *marker_list;
  GtkLabel            *agenda_subtitle;
  GtkStack            *agenda_stack;
  GtkListView         *agenda_list;
};

G_DEFINE_FINAL_TYPE (PlcTimelinesView, plc_timelines_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASELOAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SHOW_OBLIGATION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void rebuild_timeline (PlcTimelinesView *self);

static gboolean
caseload_mode (PlcTimelinesView *self)
{
  return gtk_toggle_button_get_active (self->caseload_mode_button);
}

static PlcDate
today (PlcTimelinesView *self)
{
  PlcDate date = self->caseload ? plc_caseload_get_today (self->caseload) : PLC_DATE_NONE;

  return date != PLC_DATE_NONE ? date : plc_date_today ();
}

static PlcTimelineStatus
status_of (PlcTimelinesView *self,
           PlcObligation    *obligation)
{
  PlcEngine *engine = plc_caseload_get_engine (self->caseload);
  gboolean upcoming = plc_engine_is_upcoming (engine, obligation, today (self));

  return plc_timeline_status_for (plc_obligation_get_state (obligation), upcoming);
}

static PlcCase *
case_of (PlcTimelinesView *self,
         PlcObligation    *obligation)
{
  gint64 id = plc_obligation_get_placement_id (obligation);

  return self->cases ? g_hash_table_lookup (self->cases, &id) : NULL;
}

static const char *
child_name_of (PlcTimelinesView *self,
               PlcObligation    *obligation)
{
  PlcCase *c = case_of (self, obligation);

  return c ? plc_child_get_name (plc_case_get_child (c)) : NULL;
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* The caseworker chosen in the filter, or NULL for all */
static const char *
caseworker_filter (PlcTimelinesView *self)
{
  if (gtk_drop_down_get_selected (self->caseworker_dropdown) == 0)
    return NULL;

  return selected_string (self->caseworker_dropdown);
}

static const char *
municipality_filter (PlcTimelinesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->municipality_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected >= self->municipality_codes->len + 1)
    return NULL;

  return g_ptr_array_index (self->municipality_codes, selected - 1);
}

static gboolean
placement_passes (PlcTimelinesView *self,
                  PlcPlacement     *placement)
{
  const char *caseworker = caseworker_filter (self);
  const char *municipality = municipality_filter (self);

  if (placement == NULL)
    return caseworker == NULL && municipality == NULL;
  if (caseworker != NULL && g_strcmp0 (plc_placement_get_caseworker (placement), caseworker) != 0)
    return FALSE;
  if (municipality != NULL
      && g_strcmp0 (plc_placement_get_placing_municipality (placement), municipality) != 0)
    return FALSE;

  return TRUE;
}

/* -1 for all, else the PlcTimelineStatus to show */
static int
status_filter (PlcTimelinesView *self)
{
  static const int statuses[] = {
    -1,
    PLC_TIMELINE_STATUS_OVERDUE,
    PLC_TIMELINE_STATUS_UPCOMING,
    PLC_TIMELINE_STATUS_OPEN,
    PLC_TIMELINE_STATUS_DONE,
    PLC_TIMELINE_STATUS_NOT_NEEDED,
  };
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected < G_N_ELEMENTS (statuses) ? statuses[selected] : -1;
}

/* The agenda */

static gboolean
agenda_filter_func (gpointer item,
                    gpointer user_data)
{
  PlcTimelinesView *self = user_data;
  PlcObligation *obligation = item;
  PlcCase *c = case_of (self, obligation);
  gint64 id = plc_obligation_get_placement_id (obligation);

  if (c == NULL)
    return FALSE;

  if (!caseload_mode (self))
    return plc_child_get_id (plc_case_get_child (c)) == self->child_id;

  return placement_passes (self, g_hash_table_lookup (self->placements, &id));
}

static void
update_agenda (PlcTimelinesView *self)
{
  g_autofree char *subtitle = NULL;
  int days = PLC_ENGINE_DEFAULT_UPCOMING_DAYS;

  if (self->caseload != NULL)
    days = plc_engine_get_upcoming_days (plc_caseload_get_engine (self->caseload));

  if (caseload_mode (self))
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Overdue, and due within %d day, for the children shown",
                                             "Overdue, and due within %d days, for the children shown",
                                             days), days);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Overdue, and due within %d day, for this child",
                                             "Overdue, and due within %d days, for this child",
                                             days), days);
  gtk_label_set_label (self->agenda_subtitle, subtitle);

  gtk_filter_changed (GTK_FILTER (self->agenda_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->agenda_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->agenda_model)) > 0
                                    ? "list" : "empty");
}

/* Opening a step */

static void
show_explanation (PlcTimelinesView      *self,
                  PlcObligation         *obligation,
                  GtkWidget             *source,
                  const graphene_rect_t *area)
{
  g_autofree char *due = plc_obligation_dup_due_text (obligation);
  g_autofree char *meta = NULL;
  const char *child = child_name_of (self, obligation);
  const char *explanation = plc_obligation_get_explanation (obligation);
  graphene_rect_t bounds;

  /* Translators: under a step's title: its due date, status and child */
  meta = g_strdup_printf (_("Due %s · %s · %s"), due,
                          plc_timeline_status_get_name (status_of (self, obligation)),
                          child ? child : "");
  gtk_label_set_label (self->popover_title, plc_obligation_get_title (obligation));
  gtk_label_set_label (self->popover_meta, meta);
  gtk_label_set_label (self->popover_explanation, explanation ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->popover_explanation), explanation != NULL);

  if (area != NULL)
    bounds = *area;
  else if (!gtk_widget_compute_bounds (source, source, &bounds))
    graphene_rect_init (&bounds, 0, 0, 1, 1);

  /* From @source's coordinates to ours */
  if (source != GTK_WIDGET (self))
    {
      graphene_point_t point;

      if (gtk_widget_compute_point (source, GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (bounds.origin.x, bounds.origin.y), &point))
        bounds.origin = point;
    }

  gtk_popover_set_pointing_to (self->popover,
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 MAX (1, (int) bounds.size.width),
                                                 MAX (1, (int) bounds.size.height) });
  gtk_popover_popup (self->popover);
}

static void
open_step (PlcTimelinesView      *self,
           PlcObligation         *obligation,
           GtkWidget             *source,
           const graphene_rect_t *area)
{
  gboolean handled = FALSE;

  /* The window shows the step where it can be marked done; without one,
   * say at least why its date is what it is. */
  g_signal_emit (self, signals [SHOW_OBLIGATION], 0, obligation, &handled);
  if (!handled)
    show_explanation (self, obligation, source, area);
}

static void
marker_activated_cb (PlcTimelinesView  *self,
                     PlcTimelineMarker *marker)
{
  graphene_rect_t bounds;
  guint selected = plc_timeline_get_selected (self->timeline);

  if (!plc_timeline_get_marker_bounds (self->timeline, selected, &bounds))
    graphene_rect_init (&bounds, 0, 0, 1, 1);
  open_step (self, plc_timeline_marker_get_obligation (marker), GTK_WIDGET (self->timeline), &bounds);
}

static void
marker_list_activated_cb (PlcTimelinesView *self,
                          guint             position)
{
  g_autoptr(PlcTimelineMarker) marker = g_list_model_get_item (plc_timeline_get_markers (self->timeline),
                                                               position);

  if (marker != NULL)
    open_step (self, plc_timeline_marker_get_obligation (marker), GTK_WIDGET (self->marker_list), NULL);
}

static void
agenda_activated_cb (PlcTimelinesView *self,
                     guint             position)
{
  g_autoptr(PlcObligation) obligation = g_list_model_get_item (G_LIST_MODEL (self->agenda_model), position);

  if (obligation != NULL)
    open_step (self, obligation, GTK_WIDGET (self->agenda_list), NULL);
}

/* List rows: a PlcTimelineRow for each marker, and for each step of the agenda */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, plc_timeline_row_new ());
}

static void
marker_row_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  PlcTimelineMarker *marker = gtk_list_item_get_item (item);

  plc_timeline_row_set (PLC_TIMELINE_ROW (gtk_list_item_get_child (item)),
                        plc_timeline_marker_get_status (marker),
                        plc_timeline_marker_get_text (marker), NULL);
}

static void
agenda_row_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *row = plc_timeline_row_new ();

  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_list_item_set_child (item, row);
}

static void
agenda_row_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PlcTimelinesView         *self)
{
  PlcObligation *obligation = gtk_list_item_get_item (item);
  PlcTimelineStatus status = status_of (self, obligation);
  g_autofree char *due = plc_obligation_dup_due_text (obligation);
  g_autofree char *text = NULL;
  const char *child = child_name_of (self, obligation);

  text = g_strdup_printf ("%s — %s — %s", due, plc_timeline_status_get_name (status),
                          child ? child : "");
  plc_timeline_row_set (PLC_TIMELINE_ROW (gtk_list_item_get_child (item)), status,
                        plc_obligation_get_title (obligation), text);
}

static void
build_legend (PlcTimelinesView *self)
{
  for (PlcTimelineStatus status = 0; status < PLC_TIMELINE_N_STATUSES; status++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (plc_timeline_status_get_name (status));
      GtkWidget *child;

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), plc_timeline_symbol_new (status));
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_append (self->legend, box);
      child = gtk_widget_get_parent (box);
      gtk_widget_set_focusable (child, FALSE);
    }
}

/* Building the timeline */

static char *
placement_label (PlcPlacement *placement)
{
  g_autofree char *start = plc_date_to_iso (plc_placement_get_start_date (placement));
  PlcDate end_date = plc_placement_get_end_date (placement);
  g_autofree char *end = end_date ? plc_date_to_iso (end_date) : NULL;

  if (end != NULL)
    /* Translators: a placement's bar: legal basis, start and end dates */
    return g_strdup_printf (_("%s · %s to %s"),
                            plc_legal_basis_get_display_name (plc_placement_get_legal_basis (placement)),
                            start, end);

  /* Translators: a placement's bar: legal basis and start date */
  return g_strdup_printf (_("%s · since %s"),
                          plc_legal_basis_get_display_name (plc_placement_get_legal_basis (placement)),
                          start);
}

static PlcDate
placement_end (PlcPlacement *placement)
{
  if (plc_placement_get_end_date (placement) != PLC_DATE_NONE)
    return plc_placement_get_end_date (placement);

  return plc_placement_get_planned_end_date (placement);
}

static void
build_child (PlcTimelinesView *self)
{
  PlcCase *c = plc_caseload_lookup_case (self->caseload, self->child_id);
  PlcDate now = today (self);
  PlcDate first = now, last = now;
  GPtrArray *placements;

  if (c == NULL)
    {
      plc_timeline_set_range (self->timeline, plc_date_add_days (now, -30), plc_date_add_days (now, 60));
      return;
    }

  placements = plc_case_get_placements (c);

  /* The range: every placement and every step, and today */
  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      GPtrArray *obligations = plc_caseload_get_obligations (self->caseload,
                                                             plc_placement_get_id (placement));

      first = MIN (first, plc_placement_get_start_date (placement));
      if (placement_end (placement) != PLC_DATE_NONE)
        last = MAX (last, placement_end (placement));
      for (guint j = 0; obligations != NULL && j < obligations->len; j++)
        {
          PlcDate due = plc_obligation_get_due (g_ptr_array_index (obligations, j));

          if (due != PLC_DATE_NONE)
            {
              first = MIN (first, due);
              last = MAX (last, due);
            }
        }
    }

  plc_timeline_set_range (self->timeline, plc_date_add_days (first, -14), plc_date_add_days (last, 45));

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      GPtrArray *obligations = plc_caseload_get_obligations (self->caseload,
                                                             plc_placement_get_id (placement));
      g_autofree char *label = placement_label (placement);
      guint row;

      row = plc_timeline_add_row (self->timeline,
                                  plc_placement_form_get_display_name (plc_placement_get_form (placement)),
                                  FALSE);
      plc_timeline_add_bar (self->timeline, row, plc_placement_get_start_date (placement),
                            placement_end (placement), label);

      for (guint j = 0; obligations != NULL && j < obligations->len; j++)
        {
          PlcObligation *obligation = g_ptr_array_index (obligations, j);

          if (plc_obligation_get_due (obligation) == PLC_DATE_NONE)
            continue;
          plc_timeline_add_marker (self->timeline, row, obligation, status_of (self, obligation),
                                   plc_child_get_name (plc_case_get_child (c)));
        }
    }
}

static void
period_range (PlcTimelinesView *self,
              PlcDate          *first,
              PlcDate          *last)
{
  PlcDate now = today (self);
  int year = plc_date_get_year (now);
  int month = plc_date_get_month (now);

  switch ((Period) gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_THIS_MONTH:
      *first = plc_date_new (year, month, 1);
      *last = plc_date_add_days (plc_date_add_months (*first, 1), -1);
      break;

    case PERIOD_THIS_YEAR:
      *first = plc_date_new (year, 1, 1);
      *last = plc_date_new (year, 12, 31);
      break;

    case PERIOD_NEXT_12_MONTHS:
      *first = now;
      *last = plc_date_add_months (now, 12);
      break;

    case PERIOD_NEXT_3_MONTHS:
    default:
      *first = now;
      *last = plc_date_add_months (now, 3);
      break;
    }
}

static int
compare_by_caseworker (gconstpointer a,
                       gconstpointer b)
{
  PlcPlacement *pa = plc_case_get_current_placement (*(PlcCase **) a);
  PlcPlacement *pb = plc_case_get_current_placement (*(PlcCase **) b);
  const char *ca = pa ? plc_placement_get_caseworker (pa) : NULL;
  const char *cb = pb ? plc_placement_get_caseworker (pb) : NULL;

  /* Children without a caseworker last; else by name (the model's order) */
  if ((ca == NULL) != (cb == NULL))
    return ca == NULL ? 1 : -1;

  return g_utf8_collate (ca ? ca : "", cb ? cb : "");
}

static void
build_caseload (PlcTimelinesView *self)
{
  GListModel *cases = plc_caseload_get_cases (self->caseload);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  int wanted_status = status_filter (self);
  const char *group = NULL;
  gboolean first_group = TRUE;
  PlcDate first, last;

  period_range (self, &first, &last);
  plc_timeline_set_range (self->timeline, first, last);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);

      if (placement_passes (self, plc_case_get_current_placement (c)))
        g_ptr_array_add (shown, g_steal_pointer (&c));
    }
  g_ptr_array_sort (shown, compare_by_caseworker);

  for (guint i = 0; i < shown->len; i++)
    {
      PlcCase *c = g_ptr_array_index (shown, i);
      PlcPlacement *current = plc_case_get_current_placement (c);
      const char *caseworker = current ? plc_placement_get_caseworker (current) : NULL;
      GPtrArray *placements = plc_case_get_placements (c);
      gboolean in_period = FALSE;
      guint row;

      g_ptr_array_set_size (matching, 0);
      for (guint j = 0; j < placements->len; j++)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, j);
          GPtrArray *obligations = plc_caseload_get_obligations (self->caseload,
                                                                 plc_placement_get_id (placement));
          PlcDate end = plc_placement_get_end_date (placement);

          if (plc_placement_get_start_date (placement) <= last && (end == PLC_DATE_NONE || end >= first))
            in_period = TRUE;

          for (guint k = 0; obligations != NULL && k < obligations->len; k++)
            {
              PlcObligation *obligation = g_ptr_array_index (obligations, k);
              PlcDate due = plc_obligation_get_due (obligation);

              if (due == PLC_DATE_NONE || due < first || due > last)
                continue;
              if (wanted_status >= 0 && (int) status_of (self, obligation) != wanted_status)
                continue;
              g_ptr_array_add (matching, obligation);
            }
        }

      /* A child with nothing in the period, or nothing of the status asked for, is left out */
      if (matching->len == 0 && (wanted_status >= 0 || !in_period))
        continue;

      if (first_group || g_strcmp0 (group, caseworker) != 0)
        {
          plc_timeline_add_row (self->timeline, caseworker ? caseworker : _("No caseworker"), TRUE);
          group = caseworker;
          first_group = FALSE;
        }

      row = plc_timeline_add_row (self->timeline, plc_child_get_name (plc_case_get_child (c)), FALSE);
      for (guint j = 0; j < placements->len; j++)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, j);
          g_autofree char *label = placement_label (placement);
          PlcDate end = plc_placement_get_end_date (placement);

          if (plc_placement_get_start_date (placement) <= last && (end == PLC_DATE_NONE || end >= first))
            plc_timeline_add_bar (self->timeline, row, plc_placement_get_start_date (placement),
                                  end, label);
        }
      for (guint j = 0; j < matching->len; j++)
        {
          PlcObligation *obligation = g_ptr_array_index (matching, j);

          plc_timeline_add_marker (self->timeline, row, obligation, status_of (self, obligation),
                                   plc_child_get_name (plc_case_get_child (c)));
        }
    }
}

static void
rebuild_timeline (PlcTimelinesView *self)
{
  PlcDate first, last;
  int width;

  if (self->caseload == NULL || self->updating)
    return;

  plc_timeline_clear (self->timeline);
  plc_timeline_set_today (self->timeline, today (self));
  if (caseload_mode (self))
    build_caseload (self);
  else
    build_child (self);
  plc_timeline_commit (self->timeline);

  /* The caseload's period fills the width; a child's timeline opens where today is */
  first = plc_timeline_get_first (self->timeline);
  last = plc_timeline_get_last (self->timeline);
  if (self->fit_zoom && caseload_mode (self))
    {
      width = gtk_widget_get_width (GTK_WIDGET (self->timeline_scroller));
      if (width <= 0)
        width = 800;
      plc_timeline_set_zoom (self->timeline,
                             plc_timeline_zoom_for_span ((int) (last - first + 1), width - width / 3.0 - 40));
      plc_timeline_scroll_to_date (self->timeline, first + (last - first) / 2);
    }
  else if (self->fit_zoom)
    {
      plc_timeline_set_zoom (self->timeline, PLC_TIMELINE_ZOOM_MONTHS);
      plc_timeline_scroll_to_date (self->timeline, today (self));
    }
  self->fit_zoom = FALSE;

  update_agenda (self);
}

/* The filters' choices, from the caseload */

static void
fill_string_list (GtkStringList *list,
                  const char    *all,
                  GPtrArray     *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_ptr_array_add (items, (gpointer) all);
  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (items, g_ptr_array_index (strings, i));
  g_ptr_array_add (items, NULL);

  gtk_string_list_splice (list, 0, n, (const char * const *) items->pdata);
}

static void
select_string (GtkDropDown *dropdown,
               const char  *wanted)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; wanted != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), wanted) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (dropdown, 0);
}

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static int
compare_municipality_names (gconstpointer a,
                            gconstpointer b)
{
  const PlcMunicipality *ma = plc_municipality_get (*(const char **) a);
  const PlcMunicipality *mb = plc_municipality_get (*(const char **) b);

  return g_utf8_collate (ma ? ma->name : *(const char **) a, mb ? mb->name : *(const char **) b);
}

static void
refresh_filters (PlcTimelinesView *self)
{
  GListModel *cases = plc_caseload_get_cases (self->caseload);
  g_autofree char *caseworker = g_strdup (caseworker_filter (self));
  g_autofree char *municipality = g_strdup (municipality_filter (self));
  g_autoptr(GHashTable) seen_caseworkers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_municipalities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) caseworkers = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *municipality_name = NULL;

  g_hash_table_remove_all (self->cases);
  g_hash_table_remove_all (self->placements);
  g_ptr_array_set_size (self->municipality_codes, 0);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);
      GPtrArray *placements = plc_case_get_placements (c);

      for (guint j = 0; j < placements->len; j++)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, j);
          gint64 *id = g_new (gint64, 1);
          const char *name = plc_placement_get_caseworker (placement);
          const char *code = plc_placement_get_placing_municipality (placement);

          *id = plc_placement_get_id (placement);
          g_hash_table_insert (self->cases, id, g_object_ref (c));
          g_hash_table_insert (self->placements, g_memdup2 (id, sizeof *id), g_object_ref (placement));

          if (name != NULL && g_hash_table_add (seen_caseworkers, (gpointer) name))
            g_ptr_array_add (caseworkers, (gpointer) name);
          if (code != NULL && g_hash_table_add (seen_municipalities, (gpointer) code))
            g_ptr_array_add (self->municipality_codes, g_strdup (code));
        }
    }

  g_ptr_array_sort (caseworkers, compare_collate);
  g_ptr_array_sort (self->municipality_codes, compare_municipality_names);
  for (guint i = 0; i < self->municipality_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->municipality_codes, i);
      const PlcMunicipality *m = plc_municipality_get (code);

      g_ptr_array_add (names, g_strdup (m ? m->name : code));
      if (g_strcmp0 (code, municipality) == 0)
        municipality_name = g_strdup (m ? m->name : code);
    }

  fill_string_list (self->caseworkers, _("All caseworkers"), caseworkers);
  fill_string_list (self->municipalities, _("All municipalities"), names);
  select_string (self->caseworker_dropdown, caseworker);
  select_string (self->municipality_dropdown, municipality_name);
}

static void
select_child (PlcTimelinesView *self)
{
  GListModel *cases = plc_caseload_get_cases (self->caseload);
  guint n = g_list_model_get_n_items (cases);
  guint found = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);

      if (plc_child_get_id (plc_case_get_child (c)) == self->child_id)
        {
          found = i;
          break;
        }
    }

  if (found == GTK_INVALID_LIST_POSITION && n > 0)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, 0);

      found = 0;
      self->child_id = plc_child_get_id (plc_case_get_child (c));
    }

  gtk_drop_down_set_selected (self->child_dropdown, found);
}

static void
update_accessible_label (PlcTimelinesView *self,
                         gboolean          empty)
{
  /* The view's name: the empty page's title while there is nothing */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  empty ? adw_status_page_get_title (self->empty_page) : _("Timelines"),
                                  -1);
}

static void
caseload_changed_cb (PlcTimelinesView *self)
{
  gboolean empty;

  if (self->caseload == NULL)
    return;

  empty = !plc_caseload_get_loaded (self->caseload)
          || g_list_model_get_n_items (plc_caseload_get_cases (self->caseload)) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "content");
  update_accessible_label (self, empty);
  if (empty)
    return;

  self->updating = TRUE;
  refresh_filters (self);
  select_child (self);
  self->updating = FALSE;

  rebuild_timeline (self);
}

/* Controls */

static void
mode_toggled_cb (PlcTimelinesView *self)
{
  gtk_stack_set_visible_child_name (self->options_stack, caseload_mode (self) ? "caseload" : "child");
  self->fit_zoom = TRUE;
  rebuild_timeline (self);
}

static void
child_selected_cb (PlcTimelinesView *self)
{
  PlcCase *c = gtk_drop_down_get_selected_item (self->child_dropdown);

  if (self->updating || c == NULL)
    return;

  self->child_id = plc_child_get_id (plc_case_get_child (c));
  self->fit_zoom = TRUE;
  rebuild_timeline (self);
}

static void
period_selected_cb (PlcTimelinesView *self)
{
  self->fit_zoom = TRUE;
  rebuild_timeline (self);
}

static void
filter_selected_cb (PlcTimelinesView *self)
{
  rebuild_timeline (self);
}

static void
zoom_changed_cb (PlcTimelinesView *self)
{
  PlcTimelineZoom zoom = plc_timeline_get_zoom (self->timeline);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timelines.zoom-in", zoom > PLC_TIMELINE_ZOOM_CLOSEST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timelines.zoom-out", zoom < PLC_TIMELINE_ZOOM_WIDEST);
}

static void
timeline_selected_cb (PlcTimelinesView *self)
{
  guint selected = plc_timeline_get_selected (self->timeline);

  /* Keep the list's row in sight as the drawing's selection moves */
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->marker_list), "list.scroll-to-item", "u", selected);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcTimelinesView *self = PLC_TIMELINES_VIEW (widget);

  if (g_str_equal (action_name, "timelines.zoom-in"))
    plc_timeline_zoom_in (self->timeline);
  else if (g_str_equal (action_name, "timelines.zoom-out"))
    plc_timeline_zoom_out (self->timeline);
  else if (g_str_equal (action_name, "timelines.today"))
    plc_timeline_scroll_to_date (self->timeline, today (self));
}

/**
 * plc_timelines_view_show_agenda:
 * @caseworker: (nullable): show this caseworker's placements; %NULL for
 *   every caseworker's
 *
 * Shows the whole caseload with its agenda beside it (what the daily
 * notification opens), filtered by @caseworker only, and focuses the agenda.
 */
void
plc_timelines_view_show_agenda (PlcTimelinesView *self,
                                const char       *caseworker)
{
  g_return_if_fail (PLC_IS_TIMELINES_VIEW (self));

  gtk_toggle_button_set_active (self->caseload_mode_button, TRUE);
  select_string (self->caseworker_dropdown, caseworker);
  gtk_drop_down_set_selected (self->municipality_dropdown, 0);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->agenda_list));
}

static char *
case_name (PlcCase *c)
{
  return g_strdup (c ? plc_child_get_name (plc_case_get_child (c)) : "");
}

/* Caseload */

PlcCaseload *
plc_timelines_view_get_caseload (PlcTimelinesView *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINES_VIEW (self), NULL);

  return self->caseload;
}

/**
 * plc_timelines_view_set_caseload:
 * @self: a #PlcTimelinesView
 * @caseload: (nullable): what to show
 *
 * The view follows the caseload's "changed" signal.
 */
void
plc_timelines_view_set_caseload (PlcTimelinesView *self,
                                 PlcCaseload      *caseload)
{
  g_return_if_fail (PLC_IS_TIMELINES_VIEW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  g_signal_group_set_target (self->caseload_signals, caseload);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->child_dropdown, caseload ? plc_caseload_get_cases (caseload) : NULL);
  gtk_filter_list_model_set_model (self->agenda_model, caseload ? plc_caseload_get_agenda (caseload) : NULL);
  self->updating = FALSE;

  self->fit_zoom = TRUE;
  if (caseload != NULL)
    caseload_changed_cb (self);
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_accessible_label (self, TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

/* GObject */

static void
plc_timelines_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlcTimelinesView *self = PLC_TIMELINES_VIEW (widget);

  GTK_WIDGET_CLASS (plc_timelines_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
plc_timelines_view_dispose (GObject *object)
{
  PlcTimelinesView *self = (PlcTimelinesView *)object;

  g_clear_object (&self->caseload_signals);
  g_clear_object (&self->caseload);

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_TIMELINES_VIEW);

  g_clear_object (&self->marker_selection);
  g_clear_object (&self->agenda_selection);
  g_clear_object (&self->caseworkers);
  g_clear_object (&self->municipalities);
  g_clear_pointer (&self->municipality_codes, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_hash_table_unref);
  g_clear_pointer (&self->placements, g_hash_table_unref);

  G_OBJECT_CLASS (plc_timelines_view_parent_class)->dispose (object);
}

static void
plc_timelines_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlcTimelinesView *self = PLC_TIMELINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timelines_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlcTimelinesView *self = PLC_TIMELINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_timelines_view_set_caseload (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timelines_view_class_init (PlcTimelinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_timelines_view_dispose;
  object_class->get_property = plc_timelines_view_get_property;
  object_class->set_property = plc_timelines_view_set_property;

  widget_class->size_allocate = plc_timelines_view_size_allocate;

  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcTimelinesView::show-obligation:
   * @self: the view
   * @obligation: the step the user activated
   *
   * Asks for @obligation to be shown where it can be acted on (the window
   * shows it in the Placements view).
   *
   * Returns: %TRUE if it was shown; otherwise the view explains the
   *   step's date itself
   */
  signals [SHOW_OBLIGATION] =
    g_signal_new ("show-obligation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, PLC_TYPE_OBLIGATION);

  g_type_ensure (PLC_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-timelines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, flap);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, child_mode_button);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, caseload_mode_button);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, options_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, child_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, caseworker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, municipality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, timeline);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, legend);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, marker_list);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, agenda_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelinesView, agenda_list);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, marker_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, marker_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, agenda_activated_cb);

  gtk_widget_class_install_action (widget_class, "timelines.zoom-in", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "timelines.zoom-out", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "timelines.today", NULL, view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timelines.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timelines.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timelines.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timelines.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timelines.zoom-out", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plc-timelines-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkListItemFactory *
factory_new (GCallback setup,
             GCallback bind,
             gpointer  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);

  return factory;
}

static void
build_popover (PlcTimelinesView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->popover_title = GTK_LABEL (gtk_label_new (NULL));
  self->popover_meta = GTK_LABEL (gtk_label_new (NULL));
  self->popover_explanation = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_add_css_class (GTK_WIDGET (self->popover_title), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_meta), "dim-label");
  for (GtkLabel *label = self->popover_title; label != NULL;
       label = label == self->popover_title ? self->popover_meta
             : label == self->popover_meta ? self->popover_explanation : NULL)
    {
      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_max_width_chars (label, 50);
      gtk_label_set_selectable (label, label == self->popover_explanation);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
    }

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
}

static void
plc_timelines_view_init (PlcTimelinesView *self)
{
  g_autoptr(GtkListItemFactory) marker_factory = NULL;
  g_autoptr(GtkListItemFactory) agenda_factory = NULL;
  g_autoptr(GtkExpression) name_expression = NULL;
  const char *periods[] = {
    _("This month"), _("Next 3 months"), _("This year"), _("Next 12 months"), NULL,
  };
  const char *statuses[] = {
    _("All statuses"),
    plc_timeline_status_get_name (PLC_TIMELINE_STATUS_OVERDUE),
    plc_timeline_status_get_name (PLC_TIMELINE_STATUS_UPCOMING),
    plc_timeline_status_get_name (PLC_TIMELINE_STATUS_OPEN),
    plc_timeline_status_get_name (PLC_TIMELINE_STATUS_DONE),
    plc_timeline_status_get_name (PLC_TIMELINE_STATUS_NOT_NEEDED),
    NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->placements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->municipality_codes = g_ptr_array_new_with_free_func (g_free);
  self->fit_zoom = TRUE;
  self->caseload_signals = g_signal_group_new (PLC_TYPE_CASELOAD);
  g_signal_group_connect_object (self->caseload_signals, "changed",
                                 G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);

  build_popover (self);
  build_legend (self);

  /* The filters */
  self->updating = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (gtk_string_list_new (periods)));
  g_object_unref (gtk_drop_down_get_model (self->period_dropdown));
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_NEXT_3_MONTHS);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (gtk_string_list_new (statuses)));
  g_object_unref (gtk_drop_down_get_model (self->status_dropdown));
  self->caseworkers = gtk_string_list_new ((const char *[]) { _("All caseworkers"), NULL });
  self->municipalities = gtk_string_list_new ((const char *[]) { _("All municipalities"), NULL });
  gtk_drop_down_set_model (self->caseworker_dropdown, G_LIST_MODEL (self->caseworkers));
  gtk_drop_down_set_model (self->municipality_dropdown, G_LIST_MODEL (self->municipalities));
  gtk_drop_down_set_expression (self->caseworker_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_expression (self->municipality_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  name_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                 G_CALLBACK (case_name), NULL, NULL);
  gtk_drop_down_set_expression (self->child_dropdown, name_expression);
  plc_drop_down_ellipsize (self->period_dropdown);
  plc_drop_down_ellipsize (self->status_dropdown);
  plc_drop_down_ellipsize (self->caseworker_dropdown);
  plc_drop_down_ellipsize (self->municipality_dropdown);
  self->updating = FALSE;

  g_signal_connect_swapped (self->child_dropdown, "notify::selected", G_CALLBACK (child_selected_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filter_selected_cb), self);
  g_signal_connect_swapped (self->caseworker_dropdown, "notify::selected", G_CALLBACK (filter_selected_cb), self);
  g_signal_connect_swapped (self->municipality_dropdown, "notify::selected", G_CALLBACK (filter_selected_cb), self);

  /* The marker list: the same markers, the same selection */
  self->marker_selection = gtk_single_selection_new (g_object_ref (plc_timeline_get_markers (self->timeline)));
  gtk_single_selection_set_autoselect (self->marker_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->marker_selection, TRUE);
  gtk_single_selection_set_selected (self->marker_selection, GTK_INVALID_LIST_POSITION);
  g_object_bind_property (self->timeline, "selected", self->marker_selection, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  marker_factory = factory_new (G_CALLBACK (row_setup), G_CALLBACK (marker_row_bind), self);
  gtk_list_view_set_factory (self->marker_list, marker_factory);
  gtk_list_view_set_model (self->marker_list, GTK_SELECTION_MODEL (self->marker_selection));
  g_signal_connect_swapped (self->timeline, "notify::selected", G_CALLBACK (timeline_selected_cb), self);
  g_signal_connect_swapped (self->timeline, "notify::zoom", G_CALLBACK (zoom_changed_cb), self);
  zoom_changed_cb (self);

  /* The agenda */
  self->agenda_filter = gtk_custom_filter_new (agenda_filter_func, self, NULL);
  self->agenda_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->agenda_filter));
  self->agenda_selection = gtk_single_selection_new (G_LIST_MODEL (self->agenda_model));
  gtk_single_selection_set_autoselect (self->agenda_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->agenda_selection, TRUE);
  gtk_single_selection_set_selected (self->agenda_selection, GTK_INVALID_LIST_POSITION);
  agenda_factory = factory_new (G_CALLBACK (agenda_row_setup), G_CALLBACK (agenda_row_bind), self);
  gtk_list_view_set_factory (self->agenda_list, agenda_factory);
  gtk_list_view_set_model (self->agenda_list, GTK_SELECTION_MODEL (self->agenda_selection));

  update_accessible_label (self, TRUE);
}

GtkWidget *
plc_timelines_view_new (void)
{
  return g_object_new (PLC_TYPE_TIMELINES_VIEW, NULL);
}
