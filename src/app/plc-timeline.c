/* plc-timeline.c: a horizontal timeline of placements and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-timeline.h"

/*
 * The widget draws rows (a child, a placement, or a caseworker's heading)
 * with the placements as bars and the steps as markers over a time axis.
 * It scrolls itself (GtkScrollable): the axis stays at the top and the row
 * titles stay at the left.  The markers are also a GListModel of
 * PlcTimelineMarker (by row, then date) with a selection: the view shows
 * the same list as ordinary rows, which is what a screen reader reads,
 * since GTK 4.8 cannot give a drawn widget accessible children.
 */

#define AXIS_HEIGHT    44.0
#define ROW_HEIGHT     36.0
#define HEADING_HEIGHT 30.0
#define MARGIN         16.0
#define MARKER_RADIUS  7.0
#define BAR_HEIGHT     16.0

/* PlcTimelineMarker */

struct _PlcTimelineMarker
{
  GObject            parent_instance;

  PlcObligation     *obligation;
  PlcTimelineStatus  status;
  guint              row;
  char              *text;
};

G_DEFINE_FINAL_TYPE (PlcTimelineMarker, plc_timeline_marker, G_TYPE_OBJECT)

enum {
  MARKER_PROP_0,
  MARKER_PROP_TEXT,
  MARKER_N_PROPS
};

static GParamSpec *marker_properties [MARKER_N_PROPS];

static void
plc_timeline_marker_finalize (GObject *object)
{
  PlcTimelineMarker *self = (PlcTimelineMarker *)object;

  g_clear_object (&self->obligation);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (plc_timeline_marker_parent_class)->finalize (object);
}

static void
plc_timeline_marker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlcTimelineMarker *self = PLC_TIMELINE_MARKER (object);

  switch (prop_id)
    {
    case MARKER_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timeline_marker_class_init (PlcTimelineMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_timeline_marker_finalize;
  object_class->get_property = plc_timeline_marker_get_property;

  marker_properties [MARKER_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, MARKER_N_PROPS, marker_properties);
}

static void
plc_timeline_marker_init (PlcTimelineMarker *self)
{
}

PlcObligation *
plc_timeline_marker_get_obligation (PlcTimelineMarker *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_MARKER (self), NULL);

  return self->obligation;
}

PlcTimelineStatus
plc_timeline_marker_get_status (PlcTimelineMarker *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_MARKER (self), PLC_TIMELINE_STATUS_OPEN);

  return self->status;
}

PlcDate
plc_timeline_marker_get_date (PlcTimelineMarker *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_MARKER (self), PLC_DATE_NONE);

  return plc_obligation_get_due (self->obligation);
}

guint
plc_timeline_marker_get_row (PlcTimelineMarker *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_MARKER (self), 0);

  return self->row;
}

/**
 * plc_timeline_marker_get_text:
 * @self: a #PlcTimelineMarker
 *
 * Returns: the marker in words: "date — step — status — child"
 */
const char *
plc_timeline_marker_get_text (PlcTimelineMarker *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE_MARKER (self), NULL);

  return self->text;
}

/* PlcTimeline */

typedef struct
{
  char     *title;
  gboolean  heading;
  double    y;
  double    height;
} Row;

typedef struct
{
  guint    row;
  PlcDate  start;
  PlcDate  end;
  char    *label;
} Bar;

struct _PlcTimeline
{
  GtkWidget        parent_instance;

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  GSignalGroup    *adjustment_signals[2];  /* horizontal, vertical */
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  PlcDate          first;
  PlcDate          last;
  PlcDate          today;
  PlcDate          pending_center;
  PlcTimelineZoom  zoom;

  GPtrArray       *rows;       /* of Row */
  GArray          *bars;       /* of Bar */
  GPtrArray       *pending;    /* of PlcTimelineMarker, until commit */
  GListStore      *markers;    /* of PlcTimelineMarker, by row and date */
  guint            selected;
  double           content_height;
};

static void plc_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlcTimeline, plc_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      plc_timeline_scrollable_init))

/* adjustment_signals is indexed by orientation */
G_STATIC_ASSERT (GTK_ORIENTATION_HORIZONTAL == 0 && GTK_ORIENTATION_VERTICAL == 1);

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

enum {
  ACTIVATE_MARKER,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->title);
  g_free (row);
}

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

static void
plc_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

static double
pixels_per_day (PlcTimeline *self)
{
  return plc_timeline_zoom_get_pixels_per_day (self->zoom);
}

static double
label_width (PlcTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return CLAMP (width / 3.0, 80.0, 200.0);
}

static double
content_width (PlcTimeline *self)
{
  if (self->first == PLC_DATE_NONE || self->last < self->first)
    return 0;

  return (self->last - self->first + 1) * pixels_per_day (self) + 2 * MARGIN;
}

static double
hvalue (PlcTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (PlcTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* Where @date's day starts, in widget coordinates */
static double
date_x (PlcTimeline *self,
        PlcDate      date)
{
  return label_width (self) + MARGIN
         + plc_timeline_date_to_x (self->first, pixels_per_day (self), date)
         - hvalue (self);
}

static double
row_center_y (PlcTimeline *self,
              guint        index)
{
  Row *row = g_ptr_array_index (self->rows, index);

  return AXIS_HEIGHT + row->y + row->height / 2 - vvalue (self);
}

static void
marker_point (PlcTimeline       *self,
              PlcTimelineMarker *marker,
              PlcTimelinePoint  *point)
{
  point->x = date_x (self, plc_timeline_marker_get_date (marker)) + pixels_per_day (self) / 2;
  point->y = row_center_y (self, marker->row);
}

static PlcTimelineMarker *
get_marker (PlcTimeline *self,
            guint        position)
{
  /* The store holds it: a borrowed pointer is fine here */
  g_autoptr(PlcTimelineMarker) marker = g_list_model_get_item (G_LIST_MODEL (self->markers), position);

  return marker;
}

/* Colours */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
foreground (GtkWidget *widget,
            double     alpha,
            GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha *= alpha;
}

static void
status_color (GtkWidget         *widget,
              PlcTimelineStatus  status,
              GdkRGBA           *color)
{
  switch (status)
    {
    case PLC_TIMELINE_STATUS_UPCOMING:
      lookup_color (widget, "warning_color", "#9c6e03", color);
      break;
    case PLC_TIMELINE_STATUS_OVERDUE:
      lookup_color (widget, "error_color", "#c01c28", color);
      break;
    case PLC_TIMELINE_STATUS_DONE:
      lookup_color (widget, "success_color", "#1b8553", color);
      break;
    case PLC_TIMELINE_STATUS_NOT_NEEDED:
      foreground (widget, 0.55, color);
      break;
    case PLC_TIMELINE_STATUS_OPEN:
    default:
      foreground (widget, 0.85, color);
      break;
    }
}

/**
 * plc_timeline_status_get_name:
 * @status: a marker's status
 *
 * Returns: its translated name
 */
const char *
plc_timeline_status_get_name (PlcTimelineStatus status)
{
  switch (status)
    {
    case PLC_TIMELINE_STATUS_OPEN:
      return plc_obligation_state_get_display_name (PLC_OBLIGATION_STATE_OPEN);
    case PLC_TIMELINE_STATUS_UPCOMING:
      return C_("step status", "Due soon");
    case PLC_TIMELINE_STATUS_OVERDUE:
      return plc_obligation_state_get_display_name (PLC_OBLIGATION_STATE_OVERDUE);
    case PLC_TIMELINE_STATUS_DONE:
      return plc_obligation_state_get_display_name (PLC_OBLIGATION_STATE_DONE);
    case PLC_TIMELINE_STATUS_NOT_NEEDED:
      return plc_obligation_state_get_display_name (PLC_OBLIGATION_STATE_NOT_NEEDED);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * plc_timeline_draw_symbol:
 * @widget: the widget whose style gives the colours
 * @cr: where to draw
 * @status: which symbol
 * @cx: the centre
 * @cy: the centre
 * @radius: its size
 *
 * Draws the symbol of @status: each status has its own shape as well as
 * its own colour (an open circle for open, a triangle for due soon, a
 * diamond for overdue, a square for done, a cross for not needed), so that
 * colour is never the only difference.  The legend uses it too.
 */
void
plc_timeline_draw_symbol (GtkWidget         *widget,
                          cairo_t           *cr,
                          PlcTimelineStatus  status,
                          double             cx,
                          double             cy,
                          double             radius)
{
  GdkRGBA color;
  double r = radius;

  status_color (widget, status, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_new_path (cr);

  switch (status)
    {
    case PLC_TIMELINE_STATUS_OPEN:
      cairo_set_line_width (cr, 2.0);
      cairo_arc (cr, cx, cy, r - 1.0, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    case PLC_TIMELINE_STATUS_UPCOMING:
      cairo_move_to (cr, cx, cy - r - 1);
      cairo_line_to (cr, cx + r + 1, cy + r * 0.8);
      cairo_line_to (cr, cx - r - 1, cy + r * 0.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case PLC_TIMELINE_STATUS_OVERDUE:
      cairo_move_to (cr, cx, cy - r - 1.5);
      cairo_line_to (cr, cx + r + 1.5, cy);
      cairo_line_to (cr, cx, cy + r + 1.5);
      cairo_line_to (cr, cx - r - 1.5, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case PLC_TIMELINE_STATUS_DONE:
      cairo_rectangle (cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      cairo_fill (cr);
      break;

    case PLC_TIMELINE_STATUS_NOT_NEEDED:
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, cx - r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx + r * 0.7, cy + r * 0.7);
      cairo_move_to (cr, cx + r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx - r * 0.7, cy + r * 0.7);
      cairo_stroke (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Scrolling */

static void
configure_adjustments (PlcTimeline *self)
{
  double width = MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - label_width (self));
  double height = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT);

  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_width (self), width);
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (self->pending_center != PLC_DATE_NONE && width > 0)
        {
          value = plc_timeline_date_to_x (self->first, pixels_per_day (self), self->pending_center)
                  + MARGIN - width / 2;
          self->pending_center = PLC_DATE_NONE;
        }
      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (value, 0, upper - width),
                                0, upper,
                                width * 0.1, width * 0.9, width);
    }

  if (self->vadjustment != NULL)
    {
      double upper = MAX (self->content_height, height);
      double value = gtk_adjustment_get_value (self->vadjustment);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (value, 0, upper - height),
                                0, upper,
                                ROW_HEIGHT, height * 0.9, height);
    }
}

static void
adjustment_value_changed (PlcTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PlcTimeline    *self,
                GtkOrientation  orientation,
                GtkAdjustment  *adjustment)
{
  GtkAdjustment **slot = orientation == GTK_ORIENTATION_HORIZONTAL ? &self->hadjustment
                                                                   : &self->vadjustment;

  if (*slot == adjustment && adjustment != NULL)
    return;

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  /* Not once disposed: the scrolled window lets go of its adjustments last */
  if (self->adjustment_signals[orientation] != NULL)
    g_signal_group_set_target (self->adjustment_signals[orientation], adjustment);
  configure_adjustments (self);
}

static void
ensure_visible (PlcTimeline *self,
                guint        position)
{
  PlcTimelineMarker *marker = get_marker (self, position);
  PlcTimelinePoint point;
  double left, right, top, bottom;

  if (marker == NULL)
    return;

  marker_point (self, marker, &point);
  left = label_width (self) + 2 * MARKER_RADIUS;
  right = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARKER_RADIUS;
  top = AXIS_HEIGHT + MARKER_RADIUS;
  bottom = gtk_widget_get_height (GTK_WIDGET (self)) - MARKER_RADIUS;

  if (self->hadjustment != NULL && right > left)
    {
      if (point.x < left)
        gtk_adjustment_set_value (self->hadjustment, hvalue (self) - (left - point.x) - MARGIN);
      else if (point.x > right)
        gtk_adjustment_set_value (self->hadjustment, hvalue (self) + (point.x - right) + MARGIN);
    }
  if (self->vadjustment != NULL && bottom > top)
    {
      if (point.y - ROW_HEIGHT / 2 < top)
        gtk_adjustment_set_value (self->vadjustment, vvalue (self) - (top - point.y) - ROW_HEIGHT / 2);
      else if (point.y + ROW_HEIGHT / 2 > bottom)
        gtk_adjustment_set_value (self->vadjustment, vvalue (self) + (point.y - bottom) + ROW_HEIGHT / 2);
    }
}

/* Accessibility: the widget's name says which step is selected */

static void
update_accessible (PlcTimeline *self)
{
  PlcTimelineMarker *marker = get_marker (self, self->selected);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  g_autofree char *label = NULL;

  if (marker != NULL)
    /* Translators: the timeline's name for screen readers, with the selected step */
    label = g_strdup_printf (_("Timeline: %s"), marker->text);
  else if (n > 0)
    label = g_strdup (_("Timeline: no step selected"));
  else
    label = g_strdup (_("Timeline: no steps"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right move between the steps, Up and Down between the rows, Enter opens the selected step"),
                                  -1);
}

/* Drawing */

static PangoLayout *
make_layout (PlcTimeline *self,
             const char  *text,
             gboolean     bold,
             gboolean     small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static char *
tick_label (PlcTimeline           *self,
            const PlcTimelineTick *tick)
{
  const char *format;
  char buffer[64];
  GDate date;

  switch (tick->kind)
    {
    case PLC_TIMELINE_TICK_YEAR:
      /* Translators: strftime format of the first tick of a year when
       * zoomed in: month and year
       * xgettext:no-c-format */
      format = self->zoom <= PLC_TIMELINE_ZOOM_MONTHS ? C_("timeline", "%B %Y") : "%Y";
      break;
    case PLC_TIMELINE_TICK_MONTH:
      format = self->zoom <= PLC_TIMELINE_ZOOM_WEEKS ? "%B" : "%b";
      break;
    case PLC_TIMELINE_TICK_WEEK:
    case PLC_TIMELINE_TICK_DAY:
    default:
      /* Translators: strftime format of a Monday's tick: the day of the
       * month without padding
       * xgettext:no-c-format */
      format = C_("timeline", "%-d");
      break;
    }

  plc_date_to_gdate (tick->date, &date);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

static void
draw_axis (PlcTimeline *self,
           GtkSnapshot *snapshot,
           double       left,
           double       width,
           double       height)
{
  g_autoptr(GArray) ticks = NULL;
  double ppd = pixels_per_day (self);
  PlcDate first, last;
  double last_label_end = -G_MAXDOUBLE;
  GdkRGBA fg, line_major, line_minor;

  foreground (GTK_WIDGET (self), 0.75, &fg);
  foreground (GTK_WIDGET (self), 0.20, &line_major);
  foreground (GTK_WIDGET (self), 0.08, &line_minor);

  /* Only the ticks in sight */
  first = plc_timeline_x_to_date (self->first, ppd, hvalue (self) - MARGIN - 200);
  last = plc_timeline_x_to_date (self->first, ppd, hvalue (self) - MARGIN + width + 1);
  first = MAX (MAX (first, self->first), 1);
  last = MIN (last, self->last);
  ticks = plc_timeline_ticks (first, last, self->zoom);

  for (guint i = 0; i < ticks->len; i++)
    {
      PlcTimelineTick *tick = &g_array_index (ticks, PlcTimelineTick, i);
      double x = date_x (self, tick->date);
      double tick_top = tick->major ? AXIS_HEIGHT - 14 : AXIS_HEIGHT - 6;

      gtk_snapshot_append_color (snapshot, tick->major ? &line_major : &line_minor,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT, 1, height - AXIS_HEIGHT));
      gtk_snapshot_append_color (snapshot, &line_major,
                                 &GRAPHENE_RECT_INIT (x, tick_top, 1, AXIS_HEIGHT - tick_top));

      if (tick->labelled && x + 3 > last_label_end + 6)
        {
          g_autofree char *text = tick_label (self, tick);
          g_autoptr(PangoLayout) layout = make_layout (self, text, tick->major, !tick->major);
          int lw, lh;

          pango_layout_get_pixel_size (layout, &lw, &lh);
          draw_layout (snapshot, layout, x + 3, tick->major ? 4 : AXIS_HEIGHT - 6 - lh, &fg);
          last_label_end = x + 3 + lw;
        }
    }

  /* The axis line */
  gtk_snapshot_append_color (snapshot, &line_major,
                             &GRAPHENE_RECT_INIT (left, AXIS_HEIGHT - 1, width, 1));
}

static void
draw_rows (PlcTimeline *self,
           GtkSnapshot *snapshot,
           double       label_w,
           double       width,
           double       height)
{
  GdkRGBA fg, shade;

  foreground (GTK_WIDGET (self), 0.9, &fg);
  foreground (GTK_WIDGET (self), 0.04, &shade);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      double y = AXIS_HEIGHT + row->y - vvalue (self);
      g_autoptr(PangoLayout) layout = NULL;
      int lh;

      if (y + row->height < AXIS_HEIGHT || y > height)
        continue;

      if (row->heading)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (0, y, width, row->height));

      layout = make_layout (self, row->title, row->heading, FALSE);
      pango_layout_set_width (layout, (int) (label_w - 18) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &lh);
      draw_layout (snapshot, layout, 12, y + (row->height - lh) / 2, &fg);
    }
}

static void
draw_bars (PlcTimeline *self,
           GtkSnapshot *snapshot,
           double       left,
           double       width)
{
  GdkRGBA accent, fill, fg;

  lookup_color (GTK_WIDGET (self), "accent_color", "#1c71d8", &accent);
  fill = accent;
  fill.alpha *= 0.22;
  foreground (GTK_WIDGET (self), 0.85, &fg);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      PlcDate end = bar->end != PLC_DATE_NONE ? bar->end : self->last;
      double x0 = date_x (self, MAX (bar->start, self->first));
      double x1 = date_x (self, MIN (end, self->last) + 1);
      double cy = row_center_y (self, bar->row);
      GskRoundedRect rect;
      graphene_rect_t bounds;

      if (x1 < left || x0 > left + width || x1 <= x0)
        continue;

      bounds = GRAPHENE_RECT_INIT (x0, cy - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT);
      gsk_rounded_rect_init_from_rect (&rect, &bounds, MIN (BAR_HEIGHT / 2, (x1 - x0) / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &rect,
                                  (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });

      if (bar->label != NULL && x1 - MAX (x0, left) > 60)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, bar->label, FALSE, TRUE);
          double lx = MAX (x0, left) + 8;
          int lh;

          pango_layout_set_width (layout, (int) (x1 - lx - 8) * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (layout, NULL, &lh);
          /* Under the bar: the markers sit on it */
          draw_layout (snapshot, layout, lx, cy + BAR_HEIGHT / 2 + 1, &fg);
        }
    }
}

static void
draw_today (PlcTimeline *self,
            GtkSnapshot *snapshot,
            double       left,
            double       width,
            double       height)
{
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA accent;
  double x;
  int lw, lh;

  if (self->today == PLC_DATE_NONE || self->today < self->first || self->today > self->last)
    return;

  x = date_x (self, self->today) + pixels_per_day (self) / 2;
  if (x < left || x > left + width)
    return;

  lookup_color (GTK_WIDGET (self), "accent_color", "#1c71d8", &accent);
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (x - 1, AXIS_HEIGHT - 16, 2, height - AXIS_HEIGHT + 16));

  layout = make_layout (self, _("Today"), TRUE, TRUE);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  draw_layout (snapshot, layout, x + 4, AXIS_HEIGHT - 4 - lh, &accent);
}

static void
draw_markers (PlcTimeline *self,
              GtkSnapshot *snapshot,
              double       left,
              double       width,
              double       height)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  graphene_rect_t area = GRAPHENE_RECT_INIT (left, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  PlcTimelinePoint selected = { 0, 0 };
  gboolean have_selected = FALSE;
  cairo_t *cr;

  if (n == 0 || area.size.width <= 0 || area.size.height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &area);

  for (guint i = 0; i < n; i++)
    {
      PlcTimelineMarker *marker = get_marker (self, i);
      PlcTimelinePoint point;

      marker_point (self, marker, &point);
      if (point.x < left - MARKER_RADIUS * 2 || point.x > left + width + MARKER_RADIUS * 2
          || point.y < AXIS_HEIGHT - ROW_HEIGHT || point.y > height + ROW_HEIGHT)
        continue;

      plc_timeline_draw_symbol (GTK_WIDGET (self), cr, marker->status,
                                point.x, point.y, MARKER_RADIUS);
      if (i == self->selected)
        {
          selected = point;
          have_selected = TRUE;
        }
    }

  /* The selected marker: a ring, heavier while the widget has the focus */
  if (have_selected)
    {
      GdkRGBA accent;

      lookup_color (GTK_WIDGET (self), "accent_color", "#1c71d8", &accent);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_new_path (cr);
      cairo_set_line_width (cr, focused ? 3.0 : 2.0);
      if (!focused)
        cairo_set_dash (cr, (double[]) { 3.0, 2.0 }, 2, 0);
      cairo_arc (cr, selected.x, selected.y, MARKER_RADIUS + 5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
plc_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlcTimeline *self = PLC_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double label_w = label_width (self);
  double area_w = width - label_w;
  GdkRGBA separator;

  if (self->first == PLC_DATE_NONE || area_w <= 0)
    return;

  draw_rows (self, snapshot, label_w, width, height);

  foreground (widget, 0.15, &separator);
  gtk_snapshot_append_color (snapshot, &separator,
                             &GRAPHENE_RECT_INIT (label_w - 1, 0, 1, height));

  /* Everything dated stays right of the row titles */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (label_w, 0, area_w, height));
  draw_axis (self, snapshot, label_w, area_w, height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (label_w, AXIS_HEIGHT, area_w, height - AXIS_HEIGHT));
  draw_bars (self, snapshot, label_w, area_w);
  gtk_snapshot_pop (snapshot);
  draw_today (self, snapshot, label_w, area_w, height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (label_w, AXIS_HEIGHT, area_w, height - AXIS_HEIGHT));
  draw_markers (self, snapshot, label_w, area_w, height);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* Size */

static void
plc_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PlcTimeline *self = PLC_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = MAX (*minimum, (int) (200 + content_width (self)));
    }
  else
    {
      *minimum = (int) (AXIS_HEIGHT + MIN (self->content_height, 2 * ROW_HEIGHT));
      *natural = (int) (AXIS_HEIGHT + self->content_height);
    }
}

static void
plc_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  configure_adjustments (PLC_TIMELINE (widget));
}

/* Input */

static void
select_and_show (PlcTimeline *self,
                 guint        position)
{
  plc_timeline_set_selected (self, position);
  ensure_visible (self, position);
}

static guint
nearest_in_row (PlcTimeline *self,
                guint        row,
                PlcDate      date)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  guint best = GTK_INVALID_LIST_POSITION;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      PlcTimelineMarker *marker = get_marker (self, i);
      PlcDate d = plc_timeline_marker_get_date (marker);
      guint distance = d > date ? d - date : date - d;

      if (marker->row == row && distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  return best;
}

/* The nearest marker in the next row (@step = 1) or the one before (-1)
 * that has markers */
static guint
marker_in_next_row (PlcTimeline *self,
                    int          step)
{
  PlcTimelineMarker *current = get_marker (self, self->selected);

  if (current == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (int row = (int) current->row + step; row >= 0 && row < (int) self->rows->len; row += step)
    {
      guint found = nearest_in_row (self, (guint) row, plc_timeline_marker_get_date (current));

      if (found != GTK_INVALID_LIST_POSITION)
        return found;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PlcTimeline           *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  guint target = GTK_INVALID_LIST_POSITION;
  gboolean none = self->selected == GTK_INVALID_LIST_POSITION;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = none ? 0 : (self->selected > 0 ? self->selected - 1 : 0);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = none ? 0 : MIN (self->selected + 1, n - 1);
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (none)
        target = 0;
      else if ((target = marker_in_next_row (self, -1)) == GTK_INVALID_LIST_POSITION)
        return TRUE;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (none)
        target = 0;
      else if ((target = marker_in_next_row (self, 1)) == GTK_INVALID_LIST_POSITION)
        return TRUE;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n - 1;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (!none)
        g_signal_emit (self, signals [ACTIVATE_MARKER], 0, get_marker (self, self->selected));
      return TRUE;

    default:
      return FALSE;
    }

  select_and_show (self, target);
  return TRUE;
}

static int
marker_at (PlcTimeline *self,
           double       x,
           double       y)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  g_autofree PlcTimelinePoint *points = NULL;

  if (n == 0 || x < label_width (self) || y < AXIS_HEIGHT)
    return -1;

  points = g_new (PlcTimelinePoint, n);
  for (guint i = 0; i < n; i++)
    marker_point (self, get_marker (self, i), &points[i]);

  return plc_timeline_hit_test (points, n, x, y, MARKER_RADIUS + 4);
}

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               PlcTimeline     *self)
{
  int found = marker_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (found < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  plc_timeline_set_selected (self, (guint) found);
  if (n_press == 1)
    g_signal_emit (self, signals [ACTIVATE_MARKER], 0, get_marker (self, (guint) found));
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          PlcTimeline              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  if (dy < 0)
    plc_timeline_zoom_in (self);
  else
    plc_timeline_zoom_out (self);

  return TRUE;
}

static gboolean
plc_timeline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  PlcTimeline *self = PLC_TIMELINE (widget);
  PlcTimelineMarker *marker;
  int found;

  if (keyboard)
    marker = get_marker (self, self->selected);
  else if ((found = marker_at (self, x, y)) >= 0)
    marker = get_marker (self, (guint) found);
  else
    marker = NULL;

  if (marker == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, marker->text);
  return TRUE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcTimeline *self = PLC_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    plc_timeline_zoom_in (self);
  else
    plc_timeline_zoom_out (self);
}

/* GObject */

static void
plc_timeline_dispose (GObject *object)
{
  PlcTimeline *self = (PlcTimeline *)object;

  g_clear_object (&self->adjustment_signals[GTK_ORIENTATION_HORIZONTAL]);
  g_clear_object (&self->adjustment_signals[GTK_ORIENTATION_VERTICAL]);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->markers);

  G_OBJECT_CLASS (plc_timeline_parent_class)->dispose (object);
}

static void
plc_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlcTimeline *self = PLC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlcTimeline *self = PLC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      plc_timeline_set_selected (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      plc_timeline_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_timeline_class_init (PlcTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_timeline_dispose;
  object_class->get_property = plc_timeline_get_property;
  object_class->set_property = plc_timeline_set_property;

  widget_class->snapshot = plc_timeline_snapshot;
  widget_class->measure = plc_timeline_measure;
  widget_class->size_allocate = plc_timeline_size_allocate;
  widget_class->query_tooltip = plc_timeline_query_tooltip;

  properties [PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL,
                      PLC_TIMELINE_ZOOM_CLOSEST, PLC_TIMELINE_ZOOM_WIDEST, PLC_TIMELINE_ZOOM_MONTHS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * PlcTimeline::activate-marker:
   * @self: the timeline
   * @marker: the marker
   *
   * A marker was clicked, or Enter pressed on the selected one.
   */
  signals [ACTIVATE_MARKER] =
    g_signal_new ("activate-marker",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLC_TYPE_TIMELINE_MARKER);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);

  gtk_widget_class_set_css_name (widget_class, "plc-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plc_timeline_init (PlcTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->markers = g_list_store_new (PLC_TYPE_TIMELINE_MARKER);
  self->selected = GTK_INVALID_LIST_POSITION;
  self->zoom = PLC_TIMELINE_ZOOM_MONTHS;

  /* Redrawn as either adjustment, whichever it is, scrolls */
  for (guint i = 0; i < G_N_ELEMENTS (self->adjustment_signals); i++)
    {
      self->adjustment_signals[i] = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
      g_signal_group_connect_object (self->adjustment_signals[i], "value-changed",
                                     G_CALLBACK (adjustment_value_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Redraw the selection ring when the focus comes and goes */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

GtkWidget *
plc_timeline_new (void)
{
  return g_object_new (PLC_TYPE_TIMELINE, NULL);
}

/* Content */

/**
 * plc_timeline_clear:
 * @self: a #PlcTimeline
 *
 * Starts over: rows, bars and markers added after this are shown at the
 * next plc_timeline_commit(); until then the old ones stay.
 */
void
plc_timeline_clear (PlcTimeline *self)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->pending, 0);
  self->content_height = 0;
}

void
plc_timeline_set_range (PlcTimeline *self,
                        PlcDate      first,
                        PlcDate      last)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));
  g_return_if_fail (first <= last);

  self->first = first;
  self->last = last;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

PlcDate
plc_timeline_get_first (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), PLC_DATE_NONE);

  return self->first;
}

PlcDate
plc_timeline_get_last (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), PLC_DATE_NONE);

  return self->last;
}

void
plc_timeline_set_today (PlcTimeline *self,
                        PlcDate      today)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  self->today = today;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * plc_timeline_add_row:
 * @self: a #PlcTimeline
 * @title: what the row is
 * @heading: whether it is a heading (a caseworker's name) above rows
 *
 * Returns: the row's index
 */
guint
plc_timeline_add_row (PlcTimeline *self,
                      const char  *title,
                      gboolean     heading)
{
  Row *row;

  g_return_val_if_fail (PLC_IS_TIMELINE (self), 0);

  row = g_new0 (Row, 1);
  row->title = g_strdup (title ? title : "");
  row->heading = heading;
  row->y = self->content_height;
  row->height = heading ? HEADING_HEIGHT : ROW_HEIGHT;
  self->content_height += row->height;
  g_ptr_array_add (self->rows, row);

  return self->rows->len - 1;
}

/**
 * plc_timeline_add_bar:
 * @self: a #PlcTimeline
 * @row: the row's index
 * @start: the first day
 * @end: the last day, or %PLC_DATE_NONE for one that goes on
 * @label: (nullable): what to write under it
 */
void
plc_timeline_add_bar (PlcTimeline *self,
                      guint        row,
                      PlcDate      start,
                      PlcDate      end,
                      const char  *label)
{
  Bar bar = { row, start, end, g_strdup (label) };

  g_return_if_fail (PLC_IS_TIMELINE (self));
  g_return_if_fail (row < self->rows->len);

  g_array_append_val (self->bars, bar);
}

/**
 * plc_timeline_add_marker:
 * @self: a #PlcTimeline
 * @row: the row's index
 * @obligation: the step
 * @status: how it is shown
 * @child_name: (nullable): whose step it is, for the marker's words
 */
void
plc_timeline_add_marker (PlcTimeline       *self,
                         guint              row,
                         PlcObligation     *obligation,
                         PlcTimelineStatus  status,
                         const char        *child_name)
{
  PlcTimelineMarker *marker;
  g_autofree char *date = NULL;

  g_return_if_fail (PLC_IS_TIMELINE (self));
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (PLC_IS_OBLIGATION (obligation));

  date = plc_obligation_dup_due_text (obligation);
  marker = g_object_new (PLC_TYPE_TIMELINE_MARKER, NULL);
  marker->obligation = g_object_ref (obligation);
  marker->status = status;
  marker->row = row;
  if (child_name != NULL)
    marker->text = g_strdup_printf ("%s — %s — %s — %s", date ? date : "",
                                    plc_obligation_get_title (obligation),
                                    plc_timeline_status_get_name (status),
                                    child_name);
  else
    marker->text = g_strdup_printf ("%s — %s — %s", date ? date : "",
                                    plc_obligation_get_title (obligation),
                                    plc_timeline_status_get_name (status));
  g_ptr_array_add (self->pending, marker);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  PlcTimelineMarker *ma = *(PlcTimelineMarker **) a;
  PlcTimelineMarker *mb = *(PlcTimelineMarker **) b;
  PlcDate da, db;

  if (ma->row != mb->row)
    return ma->row < mb->row ? -1 : 1;
  da = plc_timeline_marker_get_date (ma);
  db = plc_timeline_marker_get_date (mb);
  if (da != db)
    return da < db ? -1 : 1;

  return g_strcmp0 (plc_obligation_get_title (ma->obligation),
                    plc_obligation_get_title (mb->obligation));
}

static gboolean
same_step (PlcObligation *a,
           PlcObligation *b)
{
  return plc_obligation_get_placement_id (a) == plc_obligation_get_placement_id (b)
         && g_strcmp0 (plc_obligation_get_rule_id (a), plc_obligation_get_rule_id (b)) == 0
         && plc_obligation_get_occurrence (a) == plc_obligation_get_occurrence (b);
}

/**
 * plc_timeline_commit:
 * @self: a #PlcTimeline
 *
 * Shows what was added since plc_timeline_clear(): the marker model
 * changes once.  The same step stays selected if it is still there.
 */
void
plc_timeline_commit (PlcTimeline *self)
{
  g_autoptr(PlcObligation) was_selected = NULL;
  PlcTimelineMarker *old;
  guint n_old;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (PLC_IS_TIMELINE (self));

  if ((old = get_marker (self, self->selected)) != NULL)
    was_selected = g_object_ref (old->obligation);

  g_ptr_array_sort (self->pending, compare_markers);

  if (was_selected != NULL)
    for (guint i = 0; i < self->pending->len; i++)
      {
        PlcTimelineMarker *marker = g_ptr_array_index (self->pending, i);

        if (same_step (marker->obligation, was_selected))
          {
            selected = i;
            break;
          }
      }

  /* The model's selection follows items-changed: clear ours first */
  self->selected = GTK_INVALID_LIST_POSITION;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->markers));
  g_list_store_splice (self->markers, 0, n_old, self->pending->pdata, self->pending->len);
  g_ptr_array_set_size (self->pending, 0);

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * plc_timeline_get_markers:
 * @self: a #PlcTimeline
 *
 * Returns: (transfer none): the markers shown, by row and then date
 */
GListModel *
plc_timeline_get_markers (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->markers);
}

guint
plc_timeline_get_selected (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

/**
 * plc_timeline_set_selected:
 * @self: a #PlcTimeline
 * @position: the marker's position in the model, or
 *   %GTK_INVALID_LIST_POSITION for none
 */
void
plc_timeline_set_selected (PlcTimeline *self,
                           guint        position)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->markers)))
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;

  self->selected = position;
  if (position != GTK_INVALID_LIST_POSITION)
    ensure_visible (self, position);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

/**
 * plc_timeline_get_selected_marker:
 * @self: a #PlcTimeline
 *
 * Returns: (transfer none) (nullable): the selected marker
 */
PlcTimelineMarker *
plc_timeline_get_selected_marker (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), NULL);

  return get_marker (self, self->selected);
}

/**
 * plc_timeline_get_marker_bounds:
 * @self: a #PlcTimeline
 * @position: a marker's position
 * @bounds: (out): where it is drawn, in the widget's coordinates
 *
 * Returns: whether there is such a marker
 */
gboolean
plc_timeline_get_marker_bounds (PlcTimeline     *self,
                                guint            position,
                                graphene_rect_t *bounds)
{
  PlcTimelineMarker *marker;
  PlcTimelinePoint point;

  g_return_val_if_fail (PLC_IS_TIMELINE (self), FALSE);

  if ((marker = get_marker (self, position)) == NULL)
    return FALSE;

  marker_point (self, marker, &point);
  graphene_rect_init (bounds, point.x - MARKER_RADIUS, point.y - MARKER_RADIUS,
                      2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
  return TRUE;
}

/* Zoom */

PlcTimelineZoom
plc_timeline_get_zoom (PlcTimeline *self)
{
  g_return_val_if_fail (PLC_IS_TIMELINE (self), PLC_TIMELINE_ZOOM_MONTHS);

  return self->zoom;
}

static PlcDate
center_date (PlcTimeline *self)
{
  PlcTimelineMarker *marker = get_marker (self, self->selected);
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - label_width (self);
  PlcTimelinePoint point;

  /* Zoom around the selected step if it is in sight, else the middle */
  if (marker != NULL)
    {
      marker_point (self, marker, &point);
      if (point.x >= label_width (self) && point.x <= gtk_widget_get_width (GTK_WIDGET (self)))
        return plc_timeline_marker_get_date (marker);
    }

  if (self->first == PLC_DATE_NONE || width <= 0)
    return PLC_DATE_NONE;

  return plc_timeline_x_to_date (self->first, pixels_per_day (self),
                                 hvalue (self) - MARGIN + width / 2);
}

/**
 * plc_timeline_set_zoom:
 * @self: a #PlcTimeline
 * @zoom: the zoom level
 *
 * Zooms, keeping the date in the middle (or the selected step) in place.
 */
void
plc_timeline_set_zoom (PlcTimeline     *self,
                       PlcTimelineZoom  zoom)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));
  g_return_if_fail (zoom <= PLC_TIMELINE_ZOOM_WIDEST);

  if (zoom == self->zoom)
    return;

  self->pending_center = center_date (self);
  self->zoom = zoom;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 zoom > PLC_TIMELINE_ZOOM_CLOSEST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out",
                                 zoom < PLC_TIMELINE_ZOOM_WIDEST);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

void
plc_timeline_zoom_in (PlcTimeline *self)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  if (self->zoom > PLC_TIMELINE_ZOOM_CLOSEST)
    plc_timeline_set_zoom (self, self->zoom - 1);
}

void
plc_timeline_zoom_out (PlcTimeline *self)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  if (self->zoom < PLC_TIMELINE_ZOOM_WIDEST)
    plc_timeline_set_zoom (self, self->zoom + 1);
}

/**
 * plc_timeline_scroll_to_date:
 * @self: a #PlcTimeline
 * @date: a date
 *
 * Scrolls so that @date is in the middle.
 */
void
plc_timeline_scroll_to_date (PlcTimeline *self,
                             PlcDate      date)
{
  g_return_if_fail (PLC_IS_TIMELINE (self));

  self->pending_center = date;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
