/* plc-deviation-row.c: a deviation report in the Deviations view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviation-row.h"

/* The report's title, and when it happened, its status (and escalation
 * level) and direction.  The list makes a row for each report of its
 * model (gtk_list_box_bind_model()). */
struct _PlcDeviationRow
{
  GtkListBoxRow  parent_instance;

  PlcDeviation  *deviation;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
};

G_DEFINE_FINAL_TYPE (PlcDeviationRow, plc_deviation_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_DEVIATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
describe (PlcDeviation *deviation)
{
  g_autofree char *date = NULL;
  int step = plc_deviation_get_escalation_step (deviation);

  if (plc_deviation_get_occurred_on (deviation) != PLC_DATE_NONE)
    date = plc_date_to_iso (plc_deviation_get_occurred_on (deviation));
  else
    date = g_strdup ("—");

  if (step > 0)
    /* Translators: a report in the list: its date, status, escalation
     * level and direction, such as "2025-04-10 · Escalated (level 1) ·
     * Municipality to region" */
    return g_strdup_printf (_("%s · %s (level %d) · %s"), date,
                            plc_deviation_status_get_display_name (plc_deviation_get_status (deviation)),
                            step,
                            plc_deviation_direction_get_display_name (plc_deviation_get_direction (deviation)));

  /* Translators: a report in the list: its date, status and direction */
  return g_strdup_printf (_("%s · %s · %s"), date,
                          plc_deviation_status_get_display_name (plc_deviation_get_status (deviation)),
                          plc_deviation_direction_get_display_name (plc_deviation_get_direction (deviation)));
}

static void
plc_deviation_row_constructed (GObject *object)
{
  PlcDeviationRow *self = (PlcDeviationRow *)object;
  g_autofree char *subtitle = NULL;
  const char *title;

  G_OBJECT_CLASS (plc_deviation_row_parent_class)->constructed (object);

  g_return_if_fail (self->deviation != NULL);

  title = plc_deviation_get_title (self->deviation) ?: "";
  subtitle = describe (self->deviation);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
plc_deviation_row_dispose (GObject *object)
{
  PlcDeviationRow *self = (PlcDeviationRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_DEVIATION_ROW);
  g_clear_object (&self->deviation);

  G_OBJECT_CLASS (plc_deviation_row_parent_class)->dispose (object);
}

static void
plc_deviation_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlcDeviationRow *self = PLC_DEVIATION_ROW (object);

  switch (prop_id)
    {
    case PROP_DEVIATION:
      g_value_set_object (value, self->deviation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlcDeviationRow *self = PLC_DEVIATION_ROW (object);

  switch (prop_id)
    {
    case PROP_DEVIATION:
      self->deviation = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_row_class_init (PlcDeviationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plc_deviation_row_constructed;
  object_class->dispose = plc_deviation_row_dispose;
  object_class->get_property = plc_deviation_row_get_property;
  object_class->set_property = plc_deviation_row_set_property;

  /**
   * PlcDeviationRow:deviation:
   *
   * The report shown, as stored.
   */
  properties [PROP_DEVIATION] =
    g_param_spec_object ("deviation", NULL, NULL,
                         PLC_TYPE_DEVIATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-deviation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlcDeviationRow, subtitle_label);
}

static void
plc_deviation_row_init (PlcDeviationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plc_deviation_row_new (PlcDeviation *deviation)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (deviation), NULL);

  return g_object_new (PLC_TYPE_DEVIATION_ROW,
                       "deviation", deviation,
                       NULL);
}

PlcDeviation *
plc_deviation_row_get_deviation (PlcDeviationRow *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION_ROW (self), NULL);

  return self->deviation;
}
