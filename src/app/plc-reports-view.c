/* plc-reports-view.c: the Reports view, the yearly follow-up
 *
 * For supervisors: the year and whose placements (everyone, a
 * municipality's, a caseworker's) at the top, then each of the
 * follow-up's tables with its definition and its bar chart.  The screen
 * shows exact figures; exports and printouts show small groups as "<5".
 * The data is read from the store and the figures counted off the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-follow-up-chart.h"
#include "plc-municipality.h"
#include "plc-output-file.h"
#include "plc-placement.h"
#include "plc-reports-view-private.h"

/* A table's chart, drawn by the core's plc_follow_up_table_draw_chart_full() */

#define PLC_TYPE_FOLLOW_UP_CHART_VIEW (plc_follow_up_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcFollowUpChartView, plc_follow_up_chart_view, PLC, FOLLOW_UP_CHART_VIEW, GtkWidget)

struct _PlcFollowUpChartView
{
  GtkWidget         parent_instance;

  PlcFollowUpTable *table;
};

G_DEFINE_FINAL_TYPE (PlcFollowUpChartView, plc_follow_up_chart_view, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
plc_follow_up_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
plc_follow_up_chart_view_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  PlcFollowUpChartView *self = PLC_FOLLOW_UP_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      double height = plc_follow_up_table_measure_chart (self->table, context,
                                                         for_size > 0 ? for_size : 600, FALSE);

      *minimum = *natural = (int) (height + 1);
    }
}

static void
plc_follow_up_chart_view_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  PlcFollowUpChartView *self = PLC_FOLLOW_UP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  GdkRGBA color;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &color);
  /* The screen shows exact figures */
  plc_follow_up_table_draw_chart_full (self->table, cr, context, width, height, FALSE);
  cairo_destroy (cr);
}

static void
plc_follow_up_chart_view_finalize (GObject *object)
{
  PlcFollowUpChartView *self = PLC_FOLLOW_UP_CHART_VIEW (object);

  g_clear_pointer (&self->table, plc_follow_up_table_unref);

  G_OBJECT_CLASS (plc_follow_up_chart_view_parent_class)->finalize (object);
}

static void
plc_follow_up_chart_view_class_init (PlcFollowUpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = plc_follow_up_chart_view_finalize;
  widget_class->get_request_mode = plc_follow_up_chart_view_get_request_mode;
  widget_class->measure = plc_follow_up_chart_view_measure;
  widget_class->snapshot = plc_follow_up_chart_view_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
plc_follow_up_chart_view_init (PlcFollowUpChartView *self)
{
}

static GtkWidget *
chart_view_new (PlcFollowUpTable *table)
{
  PlcFollowUpChartView *self = g_object_new (PLC_TYPE_FOLLOW_UP_CHART_VIEW, NULL);
  g_autofree char *label = NULL;
  g_autofree char *description = plc_follow_up_table_describe_chart (table, FALSE);

  self->table = plc_follow_up_table_ref (table);
  /* Translators: what a screen reader calls a table's chart */
  label = g_strdup_printf (_("Chart: %s"), plc_follow_up_table_get_title (table));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return GTK_WIDGET (self);
}

/* The view */

typedef enum
{
  SELECT_EVERYONE,
  SELECT_MUNICIPALITY,
  SELECT_CASEWORKER,
} SelectionKind;

typedef struct
{
  SelectionKind  kind;
  char          *value;
  char          *title;
} Selection;

struct _PlcReportsView
{
  AdwBin              parent_instance;

  PlcCaseload        *caseload;
  GSignalGroup       *caseload_signals;
  GError             *store_error;
  PlcDataset         *dataset;
  GPtrArray          *routines;
  PlcFollowUp        *follow_up;
  GPtrArray          *selections;       /* of Selection, parallel to the drop-down */
  GCancellable       *cancellable;
  GtkNativeDialog    *chooser;
  guint               dirty : 1;
  guint               updating : 1;

  /* Template widgets */
  GtkStack           *stack;
  AdwStatusPage      *closed_page;
  GtkSpinButton      *year_spin;
  GtkDropDown        *selection_dropdown;
  GtkStack           *content_stack;
  GtkSpinner         *spinner;
  GtkBox             *tables_box;
};

G_DEFINE_FINAL_TYPE (PlcReportsView, plc_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load (PlcReportsView *self);

static void
selection_free (Selection *selection)
{
  g_free (selection->value);
  g_free (selection->title);
  g_free (selection);
}

static PlcStore *
get_store (PlcReportsView *self)
{
  return self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
}

static void
toast (PlcReportsView *self,
       const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
update_actions (PlcReportsView *self)
{
  gboolean ready = self->follow_up != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.print", ready);
}

/* The tables */

/* A label that wraps between @width_chars and @max_width_chars; the
 * grid's scroller asks for the height at the narrowest, so that is kept
 * wide enough not to make a tall table of a short one */
static GtkWidget *
grid_label (const char *text,
            float       xalign,
            int         width_chars,
            int         max_width_chars)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", xalign,
                       "wrap", max_width_chars != 0,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "width-chars", width_chars,
                       "max-width-chars", max_width_chars,
                       NULL);
}

static GtkWidget *
build_table (PlcFollowUpTable *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = grid_label (plc_follow_up_table_get_title (table), 0, -1, -1);
  GtkWidget *definition = NULL;
  GtkWidget *scroller;
  GtkWidget *frame;
  GtkWidget *grid;
  guint n_columns = plc_follow_up_table_get_n_columns (table);
  guint n_rows = plc_follow_up_table_get_n_rows (table);

  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), title);

  if (plc_follow_up_table_get_definition (table) != NULL)
    {
      definition = grid_label (plc_follow_up_table_get_definition (table), 0, -1, -1);
      gtk_widget_add_css_class (definition, "dim-label");
      gtk_box_append (GTK_BOX (box), definition);
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  for (guint column = 0; column < n_columns; column++)
    {
      GtkWidget *label = grid_label (plc_follow_up_table_get_column_title (table, column), 1, 9, 14);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), label, column + 1, 0, 1, 1);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      GtkWidget *label = grid_label (plc_follow_up_table_get_row_title (table, row), 0, 18, 36);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row + 1, 1, 1);

      for (guint column = 0; column < n_columns; column++)
        {
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row, column);
          g_autofree char *text = cell != NULL ? plc_follow_up_cell_to_string (cell, FALSE) : NULL;
          g_autofree char *where = NULL;
          GtkWidget *value;

          value = grid_label (text != NULL && *text != '\0' ? text : "–", 1, -1, 0);
          gtk_widget_add_css_class (value, "numeric");
          /* Translators: where a figure is, for a screen reader: the
           * row's title, then the column's */
          where = g_strdup_printf (_("%s, %s"), plc_follow_up_table_get_row_title (table, row),
                                   plc_follow_up_table_get_column_title (table, column));
          gtk_accessible_update_property (GTK_ACCESSIBLE (value),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
          gtk_grid_attach (GTK_GRID (grid), value, column + 1, row + 1, 1, 1);
        }
    }

  /* A wide table scrolls sideways on a narrow window */
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                           "vscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "child", grid,
                           NULL);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);

  if (n_rows > 0)
    {
      GtkWidget *chart = chart_view_new (table);

      gtk_widget_set_margin_top (chart, 12);
      gtk_box_append (GTK_BOX (box), chart);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  if (definition != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, definition, NULL,
                                    -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plc_follow_up_table_get_title (table),
                                  -1);
  return box;
}

static void
show_follow_up (PlcReportsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))) != NULL)
    gtk_box_remove (self->tables_box, child);

  for (guint i = 0; self->follow_up != NULL && i < plc_follow_up_get_n_tables (self->follow_up); i++)
    gtk_box_append (self->tables_box, build_table (plc_follow_up_get_table (self->follow_up, i)));

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "tables");
  update_actions (self);
}

/* Counting, off the main thread */

typedef struct
{
  PlcDataset *dataset;
  PlcEngine  *engine;
  GPtrArray  *routines;
  int         year;
  char       *municipality;
  char       *caseworker;
  PlcDate     today;
} Compute;

static void
compute_free (Compute *compute)
{
  g_clear_object (&compute->dataset);
  g_clear_object (&compute->engine);
  g_clear_pointer (&compute->routines, g_ptr_array_unref);
  g_free (compute->municipality);
  g_free (compute->caseworker);
  g_free (compute);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Compute *compute = task_data;
  PlcFollowUpQuery query = {
    compute->year, compute->municipality, compute->caseworker, compute->today,
  };

  /* An engine of its own: the caseload's may be learning on the main thread */
  if (compute->routines != NULL)
    plc_engine_learn_routines (compute->engine, compute->routines);
  plc_engine_learn_moves (compute->engine, plc_dataset_get_placements (compute->dataset));
  plc_engine_learn_step_statuses (compute->engine, plc_dataset_get_step_statuses (compute->dataset));

  g_task_return_pointer (task, plc_follow_up_compute (compute->dataset, compute->engine, &query),
                         g_object_unref);
}

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlcReportsView *self = PLC_REPORTS_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcFollowUp) follow_up = g_task_propagate_pointer (G_TASK (result), &error);

  if (follow_up == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          toast (self, error != NULL ? error->message : _("The figures could not be counted"));
          gtk_spinner_stop (self->spinner);
          gtk_stack_set_visible_child_name (self->content_stack, "tables");
        }
      return;
    }

  g_set_object (&self->follow_up, follow_up);
  show_follow_up (self);
}

static void
compute (PlcReportsView *self)
{
  PlcProfileSet *profiles = NULL;
  guint position = gtk_drop_down_get_selected (self->selection_dropdown);
  g_autoptr(GTask) task = NULL;
  Compute *data;

  if (self->caseload != NULL)
    profiles = plc_caseload_get_profiles (self->caseload);
  if (self->dataset == NULL || profiles == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (Compute, 1);
  data->dataset = g_object_ref (self->dataset);
  data->engine = plc_engine_new (profiles);
  data->routines = self->routines != NULL ? g_ptr_array_ref (self->routines) : NULL;
  data->year = gtk_spin_button_get_value_as_int (self->year_spin);
  data->today = plc_date_today ();
  if (position != GTK_INVALID_LIST_POSITION && position < self->selections->len)
    {
      Selection *selection = g_ptr_array_index (self->selections, position);

      if (selection->kind == SELECT_MUNICIPALITY)
        data->municipality = g_strdup (selection->value);
      else if (selection->kind == SELECT_CASEWORKER)
        data->caseworker = g_strdup (selection->value);
    }

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  task = g_task_new (self, self->cancellable, computed_cb, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

static void
selection_changed_cb (PlcReportsView *self)
{
  if (!self->updating)
    compute (self);
}

/* The selection: everyone, each municipality, each caseworker */

static int
compare_selections (gconstpointer a,
                    gconstpointer b)
{
  const Selection *sa = *(const Selection **) a;
  const Selection *sb = *(const Selection **) b;

  if (sa->kind != sb->kind)
    return (int) sa->kind - (int) sb->kind;

  return g_utf8_collate (sa->title, sb->title);
}

static gboolean
has_selection (GPtrArray     *selections,
               SelectionKind  kind,
               const char    *value)
{
  for (guint i = 0; i < selections->len; i++)
    {
      Selection *selection = g_ptr_array_index (selections, i);

      if (selection->kind == kind && g_strcmp0 (selection->value, value) == 0)
        return TRUE;
    }

  return FALSE;
}

static Selection *
selection_new (SelectionKind  kind,
               const char    *value,
               char          *title)
{
  Selection *selection = g_new0 (Selection, 1);

  selection->kind = kind;
  selection->value = g_strdup (value);
  selection->title = title;
  return selection;
}

static void
update_selections (PlcReportsView *self)
{
  GPtrArray *placements = plc_dataset_get_placements (self->dataset);
  g_autoptr(GPtrArray) selections = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint old = gtk_drop_down_get_selected (self->selection_dropdown);
  Selection *chosen = NULL;
  guint position = 0;

  if (old != GTK_INVALID_LIST_POSITION && old < self->selections->len)
    chosen = g_ptr_array_index (self->selections, old);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      const char *code = plc_placement_get_placing_municipality (placement);
      const char *caseworker = plc_placement_get_caseworker (placement);

      if (code != NULL && *code != '\0' && !has_selection (selections, SELECT_MUNICIPALITY, code))
        {
          const PlcMunicipality *municipality = plc_municipality_get (code);

          /* Translators: a choice of whose placements a report counts */
          g_ptr_array_add (selections, selection_new (SELECT_MUNICIPALITY, code,
                                                      g_strdup_printf (_("Municipality: %s"),
                                                                       municipality != NULL ? municipality->name : code)));
        }

      if (caseworker != NULL && *caseworker != '\0' && !has_selection (selections, SELECT_CASEWORKER, caseworker))
        /* Translators: a choice of whose placements a report counts */
        g_ptr_array_add (selections, selection_new (SELECT_CASEWORKER, caseworker,
                                                    g_strdup_printf (_("Caseworker: %s"), caseworker)));
    }

  g_ptr_array_add (selections, selection_new (SELECT_EVERYONE, NULL, g_strdup (_("Everyone"))));
  g_ptr_array_sort (selections, compare_selections);

  for (guint i = 0; i < selections->len; i++)
    {
      Selection *selection = g_ptr_array_index (selections, i);

      gtk_string_list_append (model, selection->title);
      if (chosen != NULL && chosen->kind == selection->kind && g_strcmp0 (chosen->value, selection->value) == 0)
        position = i;
    }

  self->updating = TRUE;
  g_ptr_array_unref (self->selections);
  self->selections = g_steal_pointer (&selections);
  gtk_drop_down_set_model (self->selection_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->selection_dropdown, position);
  self->updating = FALSE;
}

/* Loading the data */

static void
routines_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlcReportsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) routines = NULL;

  routines = plc_store_list_routine_offsets_finish (PLC_STORE (object), result, &error);
  if (routines == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (routines == NULL)
    /* The store's messages hold no personal data */
    g_warning ("Could not list the local routines: %s", error->message);

  g_clear_pointer (&self->routines, g_ptr_array_unref);
  self->routines = g_steal_pointer (&routines);
  update_selections (self);
  compute (self);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlcReportsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcDataset) dataset = NULL;

  dataset = plc_store_export_finish (PLC_STORE (object), result, &error);
  if (dataset == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The figures could not be read: %s"), error->message);

          toast (self, message);
          gtk_spinner_stop (self->spinner);
          gtk_stack_set_visible_child_name (self->content_stack, "tables");
        }
      return;
    }

  g_set_object (&self->dataset, dataset);
  plc_store_list_routine_offsets_async (PLC_STORE (object), NULL, self->cancellable,
                                        routines_listed_cb, g_object_ref (self));
}

static void
load (PlcReportsView *self)
{
  PlcStore *store = get_store (self);

  if (store == NULL)
    return;

  self->dirty = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->follow_up == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }
  plc_store_export_async (store, self->cancellable, exported_cb, g_object_ref (self));
}

/* Reads the data again when it is shown, after each change */
static void
update (PlcReportsView *self)
{
  const GError *error = self->store_error;

  if (get_store (self) == NULL)
    {
      if (error != NULL)
        {
          adw_status_page_set_title (self->closed_page, _("The Database Could Not Be Opened"));
          adw_status_page_set_description (self->closed_page, error->message);
        }
      else
        {
          adw_status_page_set_title (self->closed_page, _("Waiting for the Database"));
          adw_status_page_set_description (self->closed_page,
                                           _("The figures show once the database is open. If the keyring is locked, unlock it when asked."));
        }
      gtk_stack_set_visible_child_name (self->stack, "closed");
      g_clear_object (&self->follow_up);
      g_clear_object (&self->dataset);
      update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "report");
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

static void
changed_cb (PlcReportsView *self)
{
  self->dirty = TRUE;
  update (self);
}


/* Exports */

static char *
suggested_name (PlcReportsView *self,
                const char     *extension)
{
  /* Translators: the file name an export suggests; %d is the year and
   * %s the extension: keep it free of spaces */
  return g_strdup_printf (_("follow-up-%d.%s"), plc_follow_up_get_year (self->follow_up), extension);
}

/* Figures only, no personal data; never half written, never over a
 * database */
static gboolean
write_csv (PlcFollowUp  *follow_up,
           const char   *path,
           char          separator,
           PlcCsvFlags   flags,
           GError      **error)
{
  g_autoptr(PlcOutputFile) file = plc_output_file_new (path, PLC_OUTPUT_FILE_NONE, error);

  return file != NULL &&
         plc_follow_up_write_csv (follow_up, plc_output_file_get_stream (file), separator, flags, NULL, error) &&
         plc_output_file_commit (file, error);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PlcReportsView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;
  const char *kind = g_object_get_data (G_OBJECT (chooser), "plc-export");
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || self->follow_up == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    goto out;
  basename = g_file_get_basename (file);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer"));
      ok = FALSE;
    }
  else if (g_strcmp0 (kind, "pdf") == 0)
    ok = plc_follow_up_write_pdf (self->follow_up, path, &error);
  else
    {
      /* A byte order mark for Excel unless the user said no */
      const char *bom = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "bom");

      ok = write_csv (self->follow_up, path, kind != NULL ? kind[0] : ';',
                      g_strcmp0 (bom, "false") == 0 ? PLC_CSV_NO_BOM : PLC_CSV_FLAGS_NONE, &error);
    }

  if (ok)
    /* Translators: a toast; %s is the file's name */
    message = g_strdup_printf (_("The follow-up was saved as “%s”"), basename);
  else
    /* Translators: a toast; the first %s is the file's name, the second why */
    message = g_strdup_printf (_("Could not save “%s”: %s"), basename, error->message);
  toast (self, message);

out:
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export (PlcReportsView *self,
        const char     *kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean pdf = g_strcmp0 (kind, "pdf") == 0;

  if (self->follow_up == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  chooser = gtk_file_chooser_native_new (pdf ? _("Export as PDF") : _("Export as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = suggested_name (self, pdf ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV files"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (g_strcmp0 (kind, ";") == 0)
    {
      /* Without it Excel reads å, ä and ö as two characters each */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "bom",
                                   _("Mark the file as UTF-8, for Excel"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "bom", "true");
    }

  g_object_set_data_full (G_OBJECT (chooser), "plc-export", g_strdup (kind), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (PLC_REPORTS_VIEW (widget), "pdf");
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *separator = g_variant_get_string (parameter, NULL);

  /* ";" or ","; a semicolon, as Swedish spreadsheets expect, otherwise */
  export (PLC_REPORTS_VIEW (widget), g_strcmp0 (separator, ",") == 0 ? "," : ";");
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PlcFollowUp       *follow_up)
{
  guint n_pages = plc_follow_up_paginate (follow_up, gtk_print_context_get_cairo_context (context),
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PlcFollowUp       *follow_up)
{
  plc_follow_up_draw_page (follow_up, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PlcReportsView          *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : "");
      toast (self, message);
    }
}

/* A print operation for @follow_up: A4, the pages' own margins, in
 * points; it keeps the figures it prints, whatever the view does */
GtkPrintOperation *
_plc_reports_print_operation_new (PlcFollowUp *follow_up)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = NULL;

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = g_strdup_printf (_("Yearly follow-up %d"), plc_follow_up_get_year (follow_up));
  gtk_print_operation_set_job_name (operation, title);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (follow_up), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (follow_up), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlcReportsView *self = PLC_REPORTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->follow_up == NULL)
    return;

  operation = _plc_reports_print_operation_new (self->follow_up);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      toast (self, message);
    }
}

/* For tests: "closed" (no database), or "loading" or "tables" */
const char *
_plc_reports_view_get_page (PlcReportsView *self)
{
  g_return_val_if_fail (PLC_IS_REPORTS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "closed") == 0)
    return "closed";

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * plc_reports_view_get_follow_up:
 * @self: a #PlcReportsView
 *
 * Returns: (transfer none) (nullable): the figures shown, or %NULL while
 *   they are counted
 */
PlcFollowUp *
plc_reports_view_get_follow_up (PlcReportsView *self)
{
  g_return_val_if_fail (PLC_IS_REPORTS_VIEW (self), NULL);

  return self->follow_up;
}

PlcCaseload *
plc_reports_view_get_caseload (PlcReportsView *self)
{
  g_return_val_if_fail (PLC_IS_REPORTS_VIEW (self), NULL);

  return self->caseload;
}

/**
 * plc_reports_view_set_caseload:
 * @self: a #PlcReportsView
 * @caseload: (nullable): the caseload whose store the figures are read
 *   from, or %NULL while there is no database
 *
 * The figures are read again, when the view is shown, after each of
 * @caseload's reloads.
 */
void
plc_reports_view_set_caseload (PlcReportsView *self,
                               PlcCaseload    *caseload)
{
  g_return_if_fail (PLC_IS_REPORTS_VIEW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  g_signal_group_set_target (self->caseload_signals, caseload);
  changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

const GError *
plc_reports_view_get_store_error (PlcReportsView *self)
{
  g_return_val_if_fail (PLC_IS_REPORTS_VIEW (self), NULL);

  return self->store_error;
}

/**
 * plc_reports_view_set_store_error:
 * @self: a #PlcReportsView
 * @error: (nullable): why the database could not be opened
 *
 * Without a caseload, the view says why there are no figures.
 */
void
plc_reports_view_set_store_error (PlcReportsView *self,
                                  const GError   *error)
{
  g_return_if_fail (PLC_IS_REPORTS_VIEW (self));

  if (self->store_error == error)
    return;

  g_clear_error (&self->store_error);
  self->store_error = error != NULL ? g_error_copy (error) : NULL;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE_ERROR]);
}

/* GObject */

static void
plc_reports_view_map (GtkWidget *widget)
{
  PlcReportsView *self = PLC_REPORTS_VIEW (widget);

  GTK_WIDGET_CLASS (plc_reports_view_parent_class)->map (widget);

  if (self->dirty)
    update (self);
}

static void
plc_reports_view_dispose (GObject *object)
{
  PlcReportsView *self = (PlcReportsView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->caseload_signals);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (plc_reports_view_parent_class)->dispose (object);
}

static void
plc_reports_view_finalize (GObject *object)
{
  PlcReportsView *self = (PlcReportsView *)object;

  g_clear_object (&self->dataset);
  g_clear_object (&self->follow_up);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_pointer (&self->selections, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_reports_view_parent_class)->finalize (object);
}

static void
plc_reports_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlcReportsView *self = PLC_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_reports_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlcReportsView *self = PLC_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_reports_view_set_caseload (self, g_value_get_object (value));
      break;

    case PROP_STORE_ERROR:
      plc_reports_view_set_store_error (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_reports_view_class_init (PlcReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_reports_view_dispose;
  object_class->finalize = plc_reports_view_finalize;
  object_class->get_property = plc_reports_view_get_property;
  object_class->set_property = plc_reports_view_set_property;
  widget_class->map = plc_reports_view_map;

  /**
   * PlcReportsView:caseload:
   *
   * The caseload whose store the figures are read from; they are read
   * again after each of its reloads.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcReportsView:store-error:
   *
   * Why the database could not be opened, shown while there is no caseload.
   */
  properties [PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A named group, as the other views' pages are */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, closed_page);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, selection_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlcReportsView, tables_box);

  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  /* Ctrl+P, through the window's win.print */
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_action);
}

static void
plc_reports_view_init (PlcReportsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selections = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);
  self->cancellable = g_cancellable_new ();
  self->dirty = TRUE;
  self->caseload_signals = g_signal_group_new (PLC_TYPE_CASELOAD);
  g_signal_group_connect_object (self->caseload_signals, "changed",
                                 G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  /* A follow-up is of a year that has ended: the last one */
  gtk_spin_button_set_range (self->year_spin, 1990, g_date_time_get_year (now) + 1);
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now) - 1);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  update_actions (self);
  update (self);
}

GtkWidget *
plc_reports_view_new (void)
{
  return g_object_new (PLC_TYPE_REPORTS_VIEW, NULL);
}
