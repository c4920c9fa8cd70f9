/* plc-case-row.c: a child in the Placements view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-case-row.h"
#include "plc-municipality.h"

/*
 * One child: the name, a warning sign when the rules warn about the
 * current placement, badges with the overdue and upcoming steps, the
 * current placement and its caseworker.  The list item's item is bound to
 * PlcCaseRow:case (see plc-placements-view.ui).
 */
struct _PlcCaseRow
{
  GtkBox     parent_instance;

  PlcCase   *item;

  /* Template widgets */
  GtkLabel  *name_label;
  GtkWidget *warning_image;
  GtkLabel  *overdue_label;
  GtkLabel  *upcoming_label;
  GtkLabel  *placement_label;
  GtkLabel  *caseworker_label;
};

G_DEFINE_FINAL_TYPE (PlcCaseRow, plc_case_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
municipality_name (const char *code)
{
  const PlcMunicipality *municipality;

  if (code == NULL)
    return NULL;

  municipality = plc_municipality_get (code);

  return municipality != NULL ? municipality->name : code;
}

/**
 * plc_case_row_describe_placement:
 * @placement: a placement
 *
 * Returns: (transfer full): the placement's form, legal basis and placing
 *   municipality, as the list and the child's details show it
 */
char *
plc_case_row_describe_placement (PlcPlacement *placement)
{
  const char *municipality = municipality_name (plc_placement_get_placing_municipality (placement));

  /* Translators: a placement's form, legal basis and placing municipality,
   * such as "Familjehem · SoL · Uppsala" */
  return g_strdup_printf (_("%s · %s · %s"),
                          plc_placement_form_get_display_name (plc_placement_get_form (placement)),
                          plc_legal_basis_get_display_name (plc_placement_get_legal_basis (placement)),
                          municipality != NULL ? municipality : "");
}

static char *
count_text (const char *kind,
            guint       n)
{
  if (g_strcmp0 (kind, "overdue") == 0)
    /* Translators: a badge on a child's row */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n), n);

  /* Translators: a badge on a child's row: steps due within the upcoming window */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u upcoming", "%u upcoming", n), n);
}

static void
show_case (PlcCaseRow *self)
{
  PlcCase *item = self->item;
  PlcChild *child = plc_case_get_child (item);
  PlcPlacement *current = plc_case_get_current_placement (item);
  const char *warning_text = plc_case_get_warning (item);
  guint n_overdue = plc_case_get_n_overdue (item);
  guint n_upcoming = plc_case_get_n_upcoming (item);
  g_autofree char *overdue_text = count_text ("overdue", n_overdue);
  g_autofree char *upcoming_text = count_text ("upcoming", n_upcoming);
  g_autofree char *placement_text = NULL;
  g_autofree char *caseworker_text = NULL;
  g_autoptr(GString) summary = g_string_new (plc_child_get_name (child));

  if (current != NULL)
    {
      placement_text = plc_case_row_describe_placement (current);
      if (!plc_case_get_active (item))
        {
          g_autofree char *ended = g_steal_pointer (&placement_text);

          /* Translators: a placement that has ended, such as "HVB · SoL · Falun (ended)" */
          placement_text = g_strdup_printf (_("%s (ended)"), ended);
        }
      if (plc_placement_get_caseworker (current) != NULL)
        /* Translators: the caseworker responsible for the current placement */
        caseworker_text = g_strdup_printf (_("Caseworker: %s"), plc_placement_get_caseworker (current));
    }
  else
    placement_text = g_strdup (_("No placement"));

  gtk_label_set_label (self->name_label, plc_child_get_name (child));
  gtk_label_set_label (self->placement_label, placement_text);
  gtk_label_set_label (self->caseworker_label, caseworker_text != NULL ? caseworker_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caseworker_label), caseworker_text != NULL);

  gtk_label_set_label (self->overdue_label, overdue_text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), n_overdue > 0);
  gtk_label_set_label (self->upcoming_label, upcoming_text);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_label), n_upcoming > 0);

  gtk_widget_set_visible (self->warning_image, warning_text != NULL);
  gtk_widget_set_tooltip_text (self->warning_image, warning_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warning_text ? warning_text : "",
                                  -1);

  /* What a screen reader says for the row */
  g_string_append_printf (summary, ", %s", placement_text);
  if (n_overdue > 0)
    g_string_append_printf (summary, ", %s", overdue_text);
  if (n_upcoming > 0)
    g_string_append_printf (summary, ", %s", upcoming_text);
  if (warning_text != NULL)
    g_string_append_printf (summary, ", %s", warning_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary->str,
                                  -1);
}

static void
plc_case_row_dispose (GObject *object)
{
  PlcCaseRow *self = (PlcCaseRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_CASE_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (plc_case_row_parent_class)->dispose (object);
}

static void
plc_case_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlcCaseRow *self = PLC_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_case_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlcCaseRow *self = PLC_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      plc_case_row_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_case_row_class_init (PlcCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_case_row_dispose;
  object_class->get_property = plc_case_row_get_property;
  object_class->set_property = plc_case_row_set_property;

  /**
   * PlcCaseRow:case:
   *
   * The child shown, with their placements, or %NULL.
   */
  properties [PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         PLC_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, warning_image);
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, upcoming_label);
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, placement_label);
  gtk_widget_class_bind_template_child (widget_class, PlcCaseRow, caseworker_label);
}

static void
plc_case_row_init (PlcCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plc_case_row_new (void)
{
  return g_object_new (PLC_TYPE_CASE_ROW, NULL);
}

PlcCase *
plc_case_row_get_case (PlcCaseRow *self)
{
  g_return_val_if_fail (PLC_IS_CASE_ROW (self), NULL);

  return self->item;
}

/**
 * plc_case_row_set_case:
 * @self: a #PlcCaseRow
 * @item: (nullable): the child to show
 */
void
plc_case_row_set_case (PlcCaseRow *self,
                       PlcCase    *item)
{
  g_return_if_fail (PLC_IS_CASE_ROW (self));
  g_return_if_fail (item == NULL || PLC_IS_CASE (item));

  if (!g_set_object (&self->item, item))
    return;

  if (item != NULL)
    show_case (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE]);
}
