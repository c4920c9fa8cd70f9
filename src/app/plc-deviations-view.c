/* plc-deviations-view.c: the Deviations view
 *
 * A list of deviation reports, filtered by status, direction, agreement
 * and year, beside the editor of one of them; folds to one pane on a
 * narrow window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviation-editor.h"
#include "plc-deviation-report.h"
#include "plc-deviation-row.h"
#include "plc-drop-down.h"
#include "plc-deviations-view-private.h"

struct _PlcDeviationsView
{
  AdwBin              parent_instance;

  PlcCaseload        *caseload;
  PlcProfileSet      *profiles;         /* the agreement filter's */
  GListStore         *deviations;       /* of PlcDeviation, as stored */
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GPtrArray          *profile_ids;      /* parallel to the agreement filter, after "All" */
  GArray             *years;            /* parallel to the year filter, after "All" */
  GCancellable       *cancellable;
  PlcDeviation       *pending;          /* to open once the user agrees to discard */
  guint               loaded : 1;
  guint               selecting : 1;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *content_pane;
  GtkDropDown        *status_filter;
  GtkDropDown        *direction_filter;
  GtkDropDown        *agreement_filter;
  GtkDropDown        *year_filter;
  GtkStack           *list_stack;
  GtkListBox         *list_box;
  GtkLabel           *content_title;
  GtkStack           *content_stack;
  PlcDeviationEditor *editor;
};

G_DEFINE_FINAL_TYPE (PlcDeviationsView, plc_deviations_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static PlcStore *
get_store (PlcDeviationsView *self)
{
  return self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
}

/* Filtering and sorting */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlcDeviationsView *self = user_data;
  PlcDeviation *deviation = item;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint direction = gtk_drop_down_get_selected (self->direction_filter);
  guint agreement = gtk_drop_down_get_selected (self->agreement_filter);
  guint year = gtk_drop_down_get_selected (self->year_filter);

  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      (guint) plc_deviation_get_status (deviation) != status - 1)
    return FALSE;

  if (direction != GTK_INVALID_LIST_POSITION && direction > 0 &&
      (guint) plc_deviation_get_direction (deviation) != direction - 1)
    return FALSE;

  if (agreement != GTK_INVALID_LIST_POSITION && agreement > 0)
    {
      /* The last entry is "No agreement" */
      if (agreement > self->profile_ids->len)
        {
          if (plc_deviation_get_profile (deviation) != NULL)
            return FALSE;
        }
      else if (g_strcmp0 (plc_deviation_get_profile (deviation),
                          g_ptr_array_index (self->profile_ids, agreement - 1)) != 0)
        return FALSE;
    }

  if (year != GTK_INVALID_LIST_POSITION && year > 0 && year <= self->years->len)
    {
      PlcDate occurred = plc_deviation_get_occurred_on (deviation);

      if (occurred == PLC_DATE_NONE ||
          plc_date_get_year (occurred) != g_array_index (self->years, int, year - 1))
        return FALSE;
    }

  return TRUE;
}

static int
compare_func (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PlcDate da = plc_deviation_get_occurred_on ((PlcDeviation *) a);
  PlcDate db = plc_deviation_get_occurred_on ((PlcDeviation *) b);

  /* Newest first; then by title */
  if (da != db)
    return da > db ? -1 : 1;

  return g_utf8_collate (plc_deviation_get_title ((PlcDeviation *) a) ?: "",
                         plc_deviation_get_title ((PlcDeviation *) b) ?: "");
}

static void
update_list_page (PlcDeviationsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->deviations)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
filter_changed_cb (PlcDeviationsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/* The years the reports occurred in, newest first; keeps the chosen one */
static void
update_years (PlcDeviationsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_filter);
  int chosen = 0;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->years->len)
    chosen = g_array_index (self->years, int, selected - 1);

  g_array_set_size (self->years, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->deviations)); i++)
    {
      g_autoptr(PlcDeviation) deviation = g_list_model_get_item (G_LIST_MODEL (self->deviations), i);
      PlcDate occurred = plc_deviation_get_occurred_on (deviation);
      int year;
      gboolean seen = FALSE;

      if (occurred == PLC_DATE_NONE)
        continue;
      year = plc_date_get_year (occurred);
      for (guint j = 0; j < self->years->len && !seen; j++)
        seen = g_array_index (self->years, int, j) == year;
      if (!seen)
        g_array_append_val (self->years, year);
    }
  g_array_sort (self->years, compare_years);

  gtk_string_list_append (model, _("All Years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, i));

      gtk_string_list_append (model, text);
      if (g_array_index (self->years, int, i) == chosen)
        position = i + 1;
    }

  g_signal_handlers_block_by_func (self->year_filter, filter_changed_cb, self);
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->year_filter, position);
  g_signal_handlers_unblock_by_func (self->year_filter, filter_changed_cb, self);
}

/* Rows */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return plc_deviation_row_new (PLC_DEVIATION (item));
}

static void
select_row_for (PlcDeviationsView *self,
                gint64             id)
{
  self->selecting = TRUE;
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      PlcDeviation *deviation;

      if (row == NULL)
        break;
      deviation = plc_deviation_row_get_deviation (PLC_DEVIATION_ROW (row));
      if (id != 0 && plc_deviation_get_id (deviation) == id)
        {
          gtk_list_box_select_row (self->list_box, row);
          self->selecting = FALSE;
          return;
        }
    }

  gtk_list_box_unselect_all (self->list_box);
  self->selecting = FALSE;
}

/* Opening a report */

static void
show_deviation (PlcDeviationsView *self,
                PlcDeviation      *deviation)
{
  plc_deviation_editor_set_deviation (self->editor, deviation);
  gtk_stack_set_visible_child_name (self->content_stack, deviation != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.save", deviation != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.export", deviation != NULL);
  select_row_for (self, deviation != NULL ? plc_deviation_get_id (deviation) : 0);

  if (deviation != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
discard_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     PlcDeviationsView *self)
{
  g_autoptr(PlcDeviation) pending = g_steal_pointer (&self->pending);

  if (g_strcmp0 (response, "discard") == 0)
    show_deviation (self, pending);
  else
    {
      PlcDeviation *current = plc_deviation_editor_get_deviation (self->editor);

      select_row_for (self, current != NULL ? plc_deviation_get_id (current) : 0);
      adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
    }
}

/* Opens @deviation, first asking whether to discard what the form holds */
static void
open_deviation (PlcDeviationsView *self,
                PlcDeviation      *deviation)
{
  PlcDeviation *current = plc_deviation_editor_get_deviation (self->editor);
  AdwMessageDialog *dialog;

  if (current != NULL && deviation != NULL && plc_deviation_get_id (current) != 0 &&
      plc_deviation_get_id (current) == plc_deviation_get_id (deviation))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
      return;
    }

  if (!plc_deviation_editor_get_modified (self->editor))
    {
      show_deviation (self, deviation);
      return;
    }

  g_set_object (&self->pending, deviation);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Discard Changes?"),
                                                       _("The report you are editing has changes that are not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A row chosen with the pointer or the keyboard (and through the
 * accessibility Selection interface), or activated again */
static void
row_activated_cb (PlcDeviationsView *self,
                  GtkListBoxRow     *row)
{
  if (row == NULL || self->selecting)
    return;

  open_deviation (self, plc_deviation_row_get_deviation (PLC_DEVIATION_ROW (row)));
}

static void
back_clicked_cb (PlcDeviationsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
editor_heading_cb (PlcDeviationsView *self)
{
  gtk_label_set_label (self->content_title, plc_deviation_editor_get_heading (self->editor) ?: "");
}

static void
editor_saved_cb (PlcDeviationsView *self,
                 PlcDeviation      *saved)
{
  g_autoptr(PlcDeviation) copy = plc_deviation_copy (saved);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deviations));
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(PlcDeviation) item = g_list_model_get_item (G_LIST_MODEL (self->deviations), i);

      if (plc_deviation_get_id (item) == plc_deviation_get_id (saved))
        break;
    }

  if (i < n)
    g_list_store_splice (self->deviations, i, 1, (gpointer *) &copy, 1);
  else
    g_list_store_append (self->deviations, copy);

  update_years (self);
  update_list_page (self);
  select_row_for (self, plc_deviation_get_id (saved));
}

/* Loading */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PlcDeviationsView) self = user_data;
  g_autoptr(GPtrArray) deviations = NULL;
  g_autoptr(GError) error = NULL;
  PlcDeviation *current;

  deviations = plc_store_list_deviations_finish (PLC_STORE (object), result, &error);
  if (deviations == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the deviation reports: %s", error->message);
      return;
    }

  self->loaded = TRUE;
  g_list_store_splice (self->deviations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->deviations)),
                       deviations->pdata, deviations->len);
  update_years (self);
  update_list_page (self);

  current = plc_deviation_editor_get_deviation (self->editor);
  if (current != NULL)
    select_row_for (self, plc_deviation_get_id (current));
}

void
plc_deviations_view_reload (PlcDeviationsView *self)
{
  PlcStore *store;

  g_return_if_fail (PLC_IS_DEVIATIONS_VIEW (self));

  store = get_store (self);
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  plc_store_list_deviations_async (store, FALSE, self->cancellable, listed_cb, g_object_ref (self));
}

/* The agreement filter: "All Agreements", the profiles', "No Agreement" */
static void
fill_agreements (PlcDeviationsView *self)
{
  g_autoptr(GtkStringList) agreements = plc_drop_down_new_agreements (self->profiles, _("All Agreements"),
                                                                      _("No Agreement"), self->profile_ids);

  gtk_drop_down_set_model (self->agreement_filter, G_LIST_MODEL (agreements));
}

PlcCaseload *
plc_deviations_view_get_caseload (PlcDeviationsView *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATIONS_VIEW (self), NULL);

  return self->caseload;
}

/**
 * plc_deviations_view_set_caseload:
 * @self: a #PlcDeviationsView
 * @caseload: (nullable): the caseload whose store holds the reports
 *
 * Lists the reports in @caseload's store; the editor gets @caseload too.
 */
void
plc_deviations_view_set_caseload (PlcDeviationsView *self,
                                  PlcCaseload       *caseload)
{
  PlcProfileSet *profiles;
  PlcStore *store;

  g_return_if_fail (PLC_IS_DEVIATIONS_VIEW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  store = get_store (self);
  if (!g_set_object (&self->caseload, caseload))
    return;

  /* The same for every caseload: the filter's choice stays */
  profiles = caseload != NULL ? plc_caseload_get_profiles (caseload) : NULL;
  if (profiles != NULL && g_set_object (&self->profiles, profiles))
    fill_agreements (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.new", get_store (self) != NULL);
  if (get_store (self) != store)
    plc_deviations_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

/**
 * plc_deviations_view_get_model:
 *
 * Returns: (transfer none): the reports the list shows, filtered and sorted
 */
GListModel *
plc_deviations_view_get_model (PlcDeviationsView *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATIONS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * plc_deviations_view_report_obligation:
 * @self: a #PlcDeviationsView
 * @placement_id: the placement's id
 * @rule_id: the rule of the step
 * @occurrence: which occurrence of the step
 *
 * Opens a new deviation report about a step, pre-filled from it (see
 * plc_deviation_new_for_obligation()).  Not saved until the user saves it.
 *
 * Returns: %TRUE if the step was found
 */
gboolean
plc_deviations_view_report_obligation (PlcDeviationsView *self,
                                       gint64             placement_id,
                                       const char        *rule_id,
                                       int                occurrence)
{
  PlcCaseload *caseload = self->caseload;
  GPtrArray *obligations;

  g_return_val_if_fail (PLC_IS_DEVIATIONS_VIEW (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  if (caseload == NULL)
    return FALSE;

  obligations = plc_caseload_get_obligations (caseload, placement_id);
  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      PlcObligation *obligation = g_ptr_array_index (obligations, i);

      if (g_strcmp0 (plc_obligation_get_rule_id (obligation), rule_id) == 0 &&
          plc_obligation_get_occurrence (obligation) == occurrence)
        {
          PlcDate today = plc_caseload_get_today (caseload);
          g_autoptr(PlcDeviation) deviation = NULL;

          deviation = plc_deviation_new_for_obligation (obligation,
                                                        today != PLC_DATE_NONE ? today : plc_date_today ());
          open_deviation (self, deviation);
          return TRUE;
        }
    }

  g_debug ("No step %s (%d) for placement %" G_GINT64_FORMAT, rule_id, occurrence, placement_id);
  return FALSE;
}

/* For tests: sets the four filters as a user would; -1, NULL and 0 mean
 * "all", "" for the agreement means "no agreement" */
void
_plc_deviations_view_set_filters (PlcDeviationsView *self,
                                  int                status,
                                  int                direction,
                                  const char        *profile_id,
                                  int                year)
{
  guint agreement = 0;
  guint year_position = 0;

  g_return_if_fail (PLC_IS_DEVIATIONS_VIEW (self));

  if (profile_id != NULL && *profile_id == '\0')
    agreement = self->profile_ids->len + 1;
  else if (profile_id != NULL)
    for (guint i = 0; i < self->profile_ids->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->profile_ids, i), profile_id) == 0)
        agreement = i + 1;

  for (guint i = 0; year != 0 && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      year_position = i + 1;

  gtk_drop_down_set_selected (self->status_filter, status + 1);
  gtk_drop_down_set_selected (self->direction_filter, direction + 1);
  gtk_drop_down_set_selected (self->agreement_filter, agreement);
  gtk_drop_down_set_selected (self->year_filter, year_position);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlcDeviationsView *self = PLC_DEVIATIONS_VIEW (widget);
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();

  plc_deviation_set_occurred_on (deviation, plc_date_today ());
  open_deviation (self, deviation);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  plc_deviation_editor_save (PLC_DEVIATIONS_VIEW (widget)->editor);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  plc_deviation_editor_export (PLC_DEVIATIONS_VIEW (widget)->editor);
}

/* GObject */

static void
plc_deviations_view_dispose (GObject *object)
{
  PlcDeviationsView *self = (PlcDeviationsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (plc_deviations_view_parent_class)->dispose (object);
}

static void
plc_deviations_view_finalize (GObject *object)
{
  PlcDeviationsView *self = (PlcDeviationsView *)object;

  g_clear_object (&self->deviations);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending);
  g_clear_object (&self->profiles);
  g_clear_pointer (&self->profile_ids, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (plc_deviations_view_parent_class)->finalize (object);
}

static void
plc_deviations_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlcDeviationsView *self = PLC_DEVIATIONS_VIEW (object);

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
plc_deviations_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlcDeviationsView *self = PLC_DEVIATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_deviations_view_set_caseload (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviations_view_class_init (PlcDeviationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_deviations_view_dispose;
  object_class->finalize = plc_deviations_view_finalize;
  object_class->get_property = plc_deviations_view_get_property;
  object_class->set_property = plc_deviations_view_set_property;

  /**
   * PlcDeviationsView:caseload:
   *
   * The caseload whose store holds the reports; the editor's "caseload"
   * is bound to it.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLC_TYPE_DEVIATION_EDITOR);

  /* A named group, as the other views' pages are */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-deviations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, content_pane);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, direction_filter);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, agreement_filter);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_heading_cb);

  gtk_widget_class_install_action (widget_class, "deviations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "deviations.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "deviations.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "deviations.save", NULL);
}

static void
plc_deviations_view_init (PlcDeviationsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->profile_ids = g_ptr_array_new_with_free_func (g_free);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->cancellable = g_cancellable_new ();

  gtk_string_list_append (statuses, _("All Statuses"));
  for (int i = PLC_DEVIATION_STATUS_DRAFT; i <= PLC_DEVIATION_STATUS_ESCALATED; i++)
    gtk_string_list_append (statuses, plc_deviation_status_get_display_name (i));
  gtk_string_list_append (directions, _("Both Directions"));
  for (int i = PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION;
       i <= PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY; i++)
    gtk_string_list_append (directions, plc_deviation_direction_get_display_name (i));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->direction_filter, G_LIST_MODEL (directions));
  fill_agreements (self);

  self->deviations = g_list_store_new (PLC_TYPE_DEVIATION);
  update_years (self);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->deviations)),
                                          GTK_SORTER (gtk_custom_sorter_new (compare_func, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);

  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->direction_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->agreement_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->year_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->list_box, "row-selected", G_CALLBACK (row_activated_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deviations.new", FALSE);
  update_list_page (self);
}
