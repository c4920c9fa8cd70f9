/* plc-timeline-row.c: a step's status symbol, and a step listed beside a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-timeline-row"

#include "config.h"

#include "plc-timeline.h"
#include "plc-timeline-row.h"

/* PlcTimelineSymbol */

struct _PlcTimelineSymbol
{
  GtkDrawingArea     parent_instance;

  PlcTimelineStatus  status;
};

G_DEFINE_FINAL_TYPE (PlcTimelineSymbol, plc_timeline_symbol, GTK_TYPE_DRAWING_AREA)

enum {
  SYMBOL_PROP_0,
  SYMBOL_PROP_STATUS,
  SYMBOL_N_PROPS
};

static GParamSpec *symbol_properties [SYMBOL_N_PROPS];

static void
draw_symbol (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  PlcTimelineSymbol *self = PLC_TIMELINE_SYMBOL (area);

  plc_timeline_draw_symbol (GTK_WIDGET (area), cr, self->status, width / 2.0, height / 2.0, 6);
}

static void
plc_timeline_symbol_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlcTimelineSymbol *self = PLC_TIMELINE_SYMBOL (object);

  switch (prop_id)
    {
    case SYMBOL_PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timeline_symbol_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlcTimelineSymbol *self = PLC_TIMELINE_SYMBOL (object);

  switch (prop_id)
    {
    case SYMBOL_PROP_STATUS:
      plc_timeline_symbol_set_status (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timeline_symbol_class_init (PlcTimelineSymbolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = plc_timeline_symbol_get_property;
  object_class->set_property = plc_timeline_symbol_set_property;

  /**
   * PlcTimelineSymbol:status:
   *
   * The #PlcTimelineStatus whose symbol is drawn.
   */
  symbol_properties [SYMBOL_PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL,
                       0, PLC_TIMELINE_N_STATUSES - 1, PLC_TIMELINE_STATUS_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, SYMBOL_N_PROPS, symbol_properties);
}

static void
plc_timeline_symbol_init (PlcTimelineSymbol *self)
{
  self->status = PLC_TIMELINE_STATUS_OPEN;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 18);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 18);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_symbol, NULL, NULL);
  /* The status is in the row's words */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
plc_timeline_symbol_new (PlcTimelineStatus status)
{
  return g_object_new (PLC_TYPE_TIMELINE_SYMBOL, "status", status, NULL);
}

PlcTimelineStatus
plc_timeline_symbol_get_status (PlcTimelineSymbol *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_SYMBOL (self), PLC_TIMELINE_STATUS_OPEN);

  return self->status;
}

void
plc_timeline_symbol_set_status (PlcTimelineSymbol *self,
                                PlcTimelineStatus  status)
{
  g_return_if_fail (PLC_IS_TIMELINE_SYMBOL (self));
  g_return_if_fail (status < PLC_TIMELINE_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), symbol_properties [SYMBOL_PROP_STATUS]);
}

/* PlcTimelineRow */

struct _PlcTimelineRow
{
  GtkBox             parent_instance;

  /* Template widgets */
  PlcTimelineSymbol *symbol;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
};

G_DEFINE_FINAL_TYPE (PlcTimelineRow, plc_timeline_row, GTK_TYPE_BOX)

static void
plc_timeline_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLC_TYPE_TIMELINE_ROW);

  G_OBJECT_CLASS (plc_timeline_row_parent_class)->dispose (object);
}

static void
plc_timeline_row_class_init (PlcTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_timeline_row_dispose;

  g_type_ensure (PLC_TYPE_TIMELINE_SYMBOL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcTimelineRow, symbol);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlcTimelineRow, subtitle_label);
}

static void
plc_timeline_row_init (PlcTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plc_timeline_row_new (void)
{
  return g_object_new (PLC_TYPE_TIMELINE_ROW, NULL);
}

/**
 * plc_timeline_row_set:
 * @self: a #PlcTimelineRow
 * @status: the step's status, shown as its symbol
 * @title: the step
 * @subtitle: (nullable): shown under @title, if not %NULL
 */
void
plc_timeline_row_set (PlcTimelineRow    *self,
                      PlcTimelineStatus  status,
                      const char        *title,
                      const char        *subtitle)
{
  g_return_if_fail (PLC_IS_TIMELINE_ROW (self));

  plc_timeline_symbol_set_status (self->symbol, status);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}
