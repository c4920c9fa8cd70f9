/* plc-window.c: the main window with its five views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-caseload.h"
#include "plc-child-editor.h"
#include "plc-contacts-view.h"
#include "plc-error.h"
#include "plc-deviations-view.h"
#include "plc-placement-editor.h"
#include "plc-placements-view.h"
#include "plc-reports-view.h"
#include "plc-timelines-view.h"
#include "plc-window.h"

/*
 * The window is handed the caseload (and whether it is the demonstration
 * data's) by the application, and hands the caseload on to each view
 * through its "caseload" property (bound in plc-window.ui).  It never
 * reaches up into the application; the views never reach up into it.
 */

struct _PlcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  PlcCaseload          *caseload;
  gint64                selected_child_id;
  gboolean              demo;

  /* Template widgets */
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  PlcDeviationsView    *deviations_view;
  PlcContactsView      *contacts_view;
  PlcPlacementsView    *placements_view;
  PlcReportsView       *reports_view;
  PlcTimelinesView     *timelines_view;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *demo_pill;
  GtkRevealer          *demo_banner;
  GtkRevealer          *reminders_banner;
};

G_DEFINE_FINAL_TYPE (PlcWindow, plc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASELOAD,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const view_names[] = {
  "placements", "timelines", "contacts", "deviations", "reports",
};

static gboolean
is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plc_window_set_visible_view (PLC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The forms: new and edit, children and placements */

static PlcStore *
get_store (PlcWindow *self)
{
  return self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
}

static char *
default_caseworker (PlcWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "caseworker-name");
  const char *real_name;

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);

  real_name = g_get_real_name ();
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return NULL;
}

static void
form_error (PlcWindow    *self,
            const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
placement_saved_cb (PlcPlacementEditor *editor,
                    PlcPlacement       *placement,
                    PlcWindow          *self)
{
  if (self->caseload != NULL)
    plc_caseload_reload_async (self->caseload, plc_date_today (), NULL, NULL, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Placement saved")));
}

static void
open_placement_editor (PlcWindow    *self,
                       PlcChild     *child,
                       PlcPlacement *placement)
{
  PlcStore *store = get_store (self);
  g_autofree char *caseworker = NULL;
  PlcPlacementEditor *editor;

  if (store == NULL)
    return;

  caseworker = default_caseworker (self);
  editor = plc_placement_editor_new (GTK_WINDOW (self), store, child, placement, caseworker);
  g_signal_connect_object (editor, "saved", G_CALLBACK (placement_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
child_saved_cb (PlcChildEditor *editor,
                PlcChild       *child,
                PlcWindow      *self)
{
  if (self->caseload != NULL)
    plc_caseload_reload_async (self->caseload, plc_date_today (), NULL, NULL, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Child saved")));

  /* A new placement for a new child: the placement's form comes next. */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "plc-then-placement")))
    {
      self->selected_child_id = plc_child_get_id (child);
      open_placement_editor (self, child, NULL);
    }
}

static PlcChildEditor *
open_child_editor (PlcWindow *self,
                   PlcChild  *child)
{
  PlcStore *store = get_store (self);
  PlcChildEditor *editor;

  if (store == NULL)
    return NULL;

  editor = plc_child_editor_new (GTK_WINDOW (self), store, child);
  g_signal_connect_object (editor, "saved", G_CALLBACK (child_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
new_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_child_editor (PLC_WINDOW (widget), NULL);
}

static void
edit_child_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlcWindow) self = user_data;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;

  child = plc_store_get_child_finish (PLC_STORE (object), result, &error);
  if (child == NULL)
    form_error (self, error);
  else
    open_child_editor (self, child);
}

static void
edit_child_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  PlcStore *store = get_store (self);

  if (store != NULL)
    plc_store_get_child_async (store, g_variant_get_int64 (parameter), NULL,
                               edit_child_cb, g_object_ref (self));
}

static void
new_placement_child_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PlcWindow) self = user_data;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;

  child = plc_store_get_child_finish (PLC_STORE (object), result, &error);
  if (child == NULL)
    form_error (self, error);
  else
    open_placement_editor (self, child, NULL);
}

static void
new_placement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  PlcStore *store = get_store (self);
  PlcChildEditor *editor;

  if (store == NULL)
    return;

  if (self->selected_child_id != 0)
    {
      plc_store_get_child_async (store, self->selected_child_id, NULL,
                                 new_placement_child_cb, g_object_ref (self));
      return;
    }

  /* No child chosen: a placement is for a child, so the child first. */
  editor = open_child_editor (self, NULL);
  if (editor != NULL)
    g_object_set_data (G_OBJECT (editor), "plc-then-placement", GINT_TO_POINTER (TRUE));
}

typedef struct
{
  PlcWindow    *window;
  PlcPlacement *placement;
} EditPlacement;

static void
edit_placement_free (EditPlacement *edit)
{
  g_clear_object (&edit->window);
  g_clear_object (&edit->placement);
  g_free (edit);
}

static void
edit_placement_child_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  EditPlacement *edit = user_data;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;

  child = plc_store_get_child_finish (PLC_STORE (object), result, &error);
  if (child == NULL)
    form_error (edit->window, error);
  else
    open_placement_editor (edit->window, child, edit->placement);

  edit_placement_free (edit);
}

static void
edit_placement_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  EditPlacement *edit;
  PlcPlacement *placement;

  placement = plc_store_get_placement_finish (PLC_STORE (object), result, &error);
  if (placement == NULL)
    {
      form_error (self, error);
      return;
    }

  edit = g_new0 (EditPlacement, 1);
  edit->window = g_object_ref (self);
  edit->placement = placement;
  plc_store_get_child_async (PLC_STORE (object), plc_placement_get_child_id (placement), NULL,
                             edit_placement_child_cb, edit);
}

static void
edit_placement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  PlcStore *store = get_store (self);

  if (store != NULL)
    plc_store_get_placement_async (store, g_variant_get_int64 (parameter), NULL,
                                   edit_placement_cb, g_object_ref (self));
}

/*
 * Ctrl+F: search in the visible view.  A view that can search installs
 * an action "view.search" on its widget class
 * (gtk_widget_class_install_action (widget_class, "view.search", NULL, …))
 * that shows and focuses its search entry; the view stack page's child is
 * the widget that gets it.  Escape is the view's own: a view closes its
 * open pane or search bar with a binding on its own class.
 */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  if (view == NULL || !gtk_widget_activate_action (view, "view.search", NULL))
    gtk_widget_error_bell (widget);
}

/* Ctrl+P: print from the visible view, if it prints (view.print, as
 * view.search above); only Reports does */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  if (view == NULL || !gtk_widget_activate_action (view, "view.print", NULL))
    gtk_widget_error_bell (widget);
}

/* Reminders when closed: asked once, in the window, once the user's own
 * database is open; the answer can be changed in Preferences. */
static void
update_reminders_banner (PlcWindow *self)
{
  gboolean ask;

  ask = self->caseload != NULL && !self->demo &&
        !g_settings_get_boolean (self->settings, "background-reminders-asked") &&
        !g_settings_get_boolean (self->settings, "background-reminders");

  gtk_revealer_set_reveal_child (self->reminders_banner, ask);
}

static void
answer_reminders_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  gboolean accept = g_str_equal (action_name, "win.accept-reminders");

  g_settings_set_boolean (self->settings, "background-reminders-asked", TRUE);
  if (accept)
    g_settings_set_boolean (self->settings, "background-reminders", TRUE);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (accept
                                              ? _("Reminders turned on. You can turn them off in Preferences.")
                                              : _("You can turn on reminders in Preferences.")));
}

/* The demonstration data: a pill in the header bar (or, when narrow, the
 * title's subtitle) and a banner under it */
static void
update_demo (PlcWindow *self)
{
  update_reminders_banner (self);

  /* When narrow, the title shows "Demonstration Data" as its subtitle. */
  gtk_widget_set_visible (self->demo_pill,
                          self->demo && !adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_revealer_set_reveal_child (self->demo_banner, self->demo);

  if (self->demo)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Placements — Demonstration Data"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Demonstration Data"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Placements"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }
}

/* "New Placement" is for the child chosen in the Placements view; without
 * one, it asks for the child first */
static void
selected_child_cb (PlcWindow *self)
{
  self->selected_child_id = plc_placements_view_get_selected_child_id (self->placements_view);
}

static void
show_contact_log_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);

  plc_window_set_visible_view (self, "contacts");
  plc_contacts_view_show_contact_log (self->contacts_view, g_variant_get_int64 (parameter));
}

/* Shows the child whose placement it is in the Placements view, with the
 * step's explanation open.  Returns whether the placement was found. */
static gboolean
show_obligation (PlcWindow  *self,
                 gint64      placement_id,
                 const char *rule_id,
                 int         occurrence)
{
  GListModel *cases;

  if (self->caseload == NULL)
    return FALSE;

  cases = plc_caseload_get_cases (self->caseload);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);
      GPtrArray *placements = plc_case_get_placements (c);

      for (guint j = 0; j < placements->len; j++)
        {
          if (plc_placement_get_id (g_ptr_array_index (placements, j)) == placement_id)
            {
              plc_window_set_visible_view (self, "placements");
              plc_placements_view_show_obligation (self->placements_view,
                                                   plc_child_get_id (plc_case_get_child (c)),
                                                   placement_id, rule_id, occurrence);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* A step activated in the Timelines view */
static gboolean
timelines_show_obligation_cb (PlcWindow     *self,
                              PlcObligation *obligation)
{
  return show_obligation (self,
                          plc_obligation_get_placement_id (obligation),
                          plc_obligation_get_rule_id (obligation),
                          plc_obligation_get_occurrence (obligation));
}

/* win.report-deviation ((xsi): placement id, rule id, occurrence): a new
 * deviation report about an overdue step, pre-filled from it */
static void
report_deviation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlcWindow *self = PLC_WINDOW (widget);
  gint64 placement_id;
  const char *rule_id;
  int occurrence;

  g_variant_get (parameter, "(x&si)", &placement_id, &rule_id, &occurrence);
  adw_view_stack_set_visible_child_name (self->stack, "deviations");
  if (!plc_deviations_view_report_obligation (self->deviations_view, placement_id, rule_id, occurrence))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("That step could not be found: it may have changed")));
}

static void
save_window_state (PlcWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  /* The unmaximized size, so that un-maximizing after a restart works. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view", plc_window_get_visible_view (self));
  g_settings_apply (self->settings);
}

static gboolean
plc_window_close_request (GtkWindow *window)
{
  save_window_state (PLC_WINDOW (window));

  return GTK_WINDOW_CLASS (plc_window_parent_class)->close_request (window);
}

static void
plc_window_dispose (GObject *object)
{
  PlcWindow *self = (PlcWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (plc_window_parent_class)->dispose (object);
}

static void
plc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlcWindow *self = PLC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PlcWindow *self = PLC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_window_set_caseload (self, g_value_get_object (value));
      break;

    case PROP_DEMO:
      plc_window_set_demo (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_window_class_init (PlcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plc_window_dispose;
  object_class->get_property = plc_window_get_property;
  object_class->set_property = plc_window_set_property;

  /**
   * PlcWindow:caseload:
   *
   * What the views show; each view's own "caseload" is bound to it.  The
   * application sets it once the database is open, and again when the
   * demonstration data is opened or closed.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcWindow:demo:
   *
   * Whether the caseload is the demonstration data's: the window says so
   * in its title and in a banner.
   */
  properties [PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLC_TYPE_CONTACTS_VIEW);
  window_class->close_request = plc_window_close_request;

  g_type_ensure (PLC_TYPE_TIMELINES_VIEW);
  g_type_ensure (PLC_TYPE_DEVIATIONS_VIEW);
  g_type_ensure (PLC_TYPE_REPORTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, contacts_view);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, deviations_view);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, placements_view);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, reports_view);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.report-deviation", "(xsi)", report_deviation_action);
  /* A child's contact log, by the child's id */
  gtk_widget_class_install_action (widget_class, "win.show-contact-log", "x", show_contact_log_action);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, demo_pill);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, demo_banner);
  gtk_widget_class_bind_template_callback (widget_class, selected_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, timelines_show_obligation_cb);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, reminders_banner);
  gtk_widget_class_bind_template_child (widget_class, PlcWindow, timelines_view);
  gtk_widget_class_install_action (widget_class, "win.accept-reminders", NULL, answer_reminders_action);
  gtk_widget_class_install_action (widget_class, "win.decline-reminders", NULL, answer_reminders_action);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-child", NULL, new_child_action);
  gtk_widget_class_install_action (widget_class, "win.new-placement", NULL, new_placement_action);
  gtk_widget_class_install_action (widget_class, "win.edit-child", "x", edit_child_action);
  gtk_widget_class_install_action (widget_class, "win.edit-placement", "x", edit_placement_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-placement", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
plc_window_init (PlcWindow *self)
{
  g_autofree char *last_view = NULL;

  g_type_ensure (PLC_TYPE_PLACEMENTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_demo), self, G_CONNECT_SWAPPED);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::background-reminders-asked",
                           G_CALLBACK (update_reminders_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::background-reminders",
                           G_CALLBACK (update_reminders_banner), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (last_view))
    adw_view_stack_set_visible_child_name (self->stack, last_view);
}

PlcWindow *
plc_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (PLC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

PlcCaseload *
plc_window_get_caseload (PlcWindow *self)
{
  g_return_val_if_fail (PLC_IS_WINDOW (self), NULL);

  return self->caseload;
}

/**
 * plc_window_set_caseload:
 * @self: a #PlcWindow
 * @caseload: (nullable): what the views show
 *
 * Hands @caseload to every view.
 */
void
plc_window_set_caseload (PlcWindow   *self,
                         PlcCaseload *caseload)
{
  g_return_if_fail (PLC_IS_WINDOW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (g_set_object (&self->caseload, caseload))
    {
      update_reminders_banner (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
    }
}

gboolean
plc_window_get_demo (PlcWindow *self)
{
  g_return_val_if_fail (PLC_IS_WINDOW (self), FALSE);

  return self->demo;
}

void
plc_window_set_demo (PlcWindow *self,
                     gboolean   demo)
{
  g_return_if_fail (PLC_IS_WINDOW (self));

  demo = !!demo;
  if (self->demo == demo)
    return;

  self->demo = demo;
  update_demo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEMO]);
}

const char *
plc_window_get_visible_view (PlcWindow *self)
{
  g_return_val_if_fail (PLC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
plc_window_set_visible_view (PlcWindow  *self,
                             const char *name)
{
  g_return_if_fail (PLC_IS_WINDOW (self));

  if (!is_view_name (name))
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * plc_window_show_agenda:
 * @caseworker: (nullable): whose placements; %NULL for everyone's
 *
 * Shows the Timelines view with the whole caseload and its agenda: what
 * the daily notification opens.
 */
void
plc_window_show_agenda (PlcWindow  *self,
                        const char *caseworker)
{
  g_return_if_fail (PLC_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, "timelines");
  plc_timelines_view_show_agenda (self->timelines_view, caseworker);
}

/**
 * plc_window_show_store_error:
 * @self: a #PlcWindow
 * @error: why the database could not be opened
 *
 * Tells the user that the database could not be opened and why.  The
 * message says what to do; nothing is written to the database.
 */
void
plc_window_show_store_error (PlcWindow    *self,
                             const GError *error)
{
  AdwMessageDialog *dialog;
  const char *title;

  g_return_if_fail (PLC_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* The Reports view says it where its figures would be */
  plc_reports_view_set_store_error (self->reports_view, error);

  /* In the Flatpak, on a desktop without the Secret portal: not a fault of
   * the database, and nothing the user can mend inside the application. */
  if (g_error_matches (error, PLC_ERROR, PLC_ERROR_SECRET_PORTAL_MISSING))
    title = _("This Desktop Cannot Keep the Key");
  else
    title = _("Could Not Open the Database");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), title, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

