/* plc-follow-up-pdf.c: the yearly follow-up's charts, pages and PDF
 *
 * Drawn with cairo and Pango only (no GTK), so that the application's
 * screen, its printing and the PDF file all draw the same figures the
 * same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-follow-up-pdf"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-follow-up-chart.h"
#include "plc-follow-up.h"
#include "plc-municipality.h"
#include "plc-pdf.h"

/* The chart */

/* Okabe and Ito's palette, which readers with any common colour-vision
 * deficiency tell apart; black is left out, as it is the text's colour */
static const double palette[][3] = {
  { 0x00 / 255., 0x72 / 255., 0xB2 / 255. },   /* blue */
  { 0xE6 / 255., 0x9F / 255., 0x00 / 255. },   /* orange */
  { 0x00 / 255., 0x9E / 255., 0x73 / 255. },   /* bluish green */
  { 0xCC / 255., 0x79 / 255., 0xA7 / 255. },   /* reddish purple */
  { 0xD5 / 255., 0x5E / 255., 0x00 / 255. },   /* vermillion */
  { 0x56 / 255., 0xB4 / 255., 0xE9 / 255. },   /* sky blue */
  { 0xF0 / 255., 0xE4 / 255., 0x42 / 255. },   /* yellow */
};

/* Below this width the row titles go above their bars, not beside them */
#define CHART_NARROW_WIDTH  360.0
#define CHART_BAR_GAP       2.0
#define CHART_GROUP_GAP     10.0
#define CHART_SWATCH        12.0

typedef struct
{
  PlcFollowUpTable    *table;
  PangoContext        *context;
  gboolean             suppress;
  double               width;
  double               fg[4];

  GArray              *columns;      /* of guint: the columns drawn as bars, or parts */
  GArray              *rows;         /* of guint: the rows drawn */
  PlcFollowUpCellKind  kind;         /* the columns': counts or shares */
  gboolean             parts;        /* one bar a row, in parts of its total */
  guint                total_column; /* if so, the total's */
  guint                max_count;
  gboolean             narrow;       /* row titles above their bars */
  double               label_width;
  double               bar_x;
  double               bar_width;
  double               bar_height;
} Chart;

static PlcFollowUpCellKind
column_kind (PlcFollowUpTable *table,
             guint             column)
{
  for (guint row = 0; row < plc_follow_up_table_get_n_rows (table); row++)
    {
      const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row, column);

      if (cell != NULL && cell->kind != PLC_FOLLOW_UP_CELL_EMPTY)
        return cell->kind;
    }

  return PLC_FOLLOW_UP_CELL_EMPTY;
}

static gboolean
cell_hidden (const Chart           *chart,
             const PlcFollowUpCell *cell)
{
  return chart->suppress && plc_follow_up_cell_is_suppressed (cell);
}

/* The text of a cell; "–" for nothing */
static char *
cell_text (const PlcFollowUpCell *cell,
           gboolean               suppress)
{
  g_autofree char *text = NULL;

  if (cell == NULL)
    return g_strdup ("–");

  text = plc_follow_up_cell_to_string (cell, suppress);
  if (text == NULL || *text == '\0')
    return g_strdup ("–");

  return g_steal_pointer (&text);
}

static PangoLayout *
chart_layout (const Chart *chart,
              const char  *text,
              double       width,
              int          lines)
{
  PangoLayout *layout = pango_layout_new (chart->context);

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -lines);
    }

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = pango_units_to_double (logical.x + logical.width);
  if (height != NULL)
    *height = pango_units_to_double (logical.height);
}

static gboolean
is_total (const char *id)
{
  return g_strcmp0 (id, "total") == 0;
}

/* Whether the table's columns other than "total" are counts that add up
 * to it in every row: then each row is one bar, in parts */
static gboolean
parts_of_total (PlcFollowUpTable *table,
                guint            *total_column)
{
  guint n_columns = plc_follow_up_table_get_n_columns (table);
  guint n_parts = 0;
  guint total = G_MAXUINT;

  for (guint column = 0; column < n_columns; column++)
    {
      if (is_total (plc_follow_up_table_get_column_id (table, column)))
        total = column;
      else if (column_kind (table, column) == PLC_FOLLOW_UP_CELL_COUNT)
        n_parts++;
      else
        return FALSE;
    }

  if (total == G_MAXUINT || n_parts < 2 || column_kind (table, total) != PLC_FOLLOW_UP_CELL_COUNT)
    return FALSE;

  for (guint row = 0; row < plc_follow_up_table_get_n_rows (table); row++)
    {
      guint sum = 0;

      for (guint column = 0; column < n_columns; column++)
        if (column != total)
          sum += plc_follow_up_table_get_cell (table, row, column)->value;
      if (sum != plc_follow_up_table_get_cell (table, row, total)->value)
        return FALSE;
    }

  *total_column = total;
  return TRUE;
}

/* In a bar of parts: whether any of them is hidden ("<5"), and then the
 * row gets no parts, whose lengths would tell them */
static gboolean
parts_hidden (const Chart *chart,
              guint        row)
{
  for (guint i = 0; i < chart->columns->len; i++)
    if (cell_hidden (chart, plc_follow_up_table_get_cell (chart->table, row,
                                                          g_array_index (chart->columns, guint, i))))
      return TRUE;

  return FALSE;
}

/* "Female 3 · Male 12 · Unknown 0", under a bar of parts */
static char *
parts_text (const Chart *chart,
            guint        row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < chart->columns->len; i++)
    {
      guint column = g_array_index (chart->columns, guint, i);
      g_autofree char *value = cell_text (plc_follow_up_table_get_cell (chart->table, row, column),
                                          chart->suppress);

      if (i > 0)
        g_string_append (text, " · ");
      /* Translators: a part of a bar in a chart, its title and its value */
      g_string_append_printf (text, C_("chart", "%s %s"),
                              plc_follow_up_table_get_column_title (chart->table, column), value);
    }

  return g_string_free (text, FALSE);
}

static void
chart_init (Chart            *chart,
            PlcFollowUpTable *table,
            cairo_t          *cr,
            PangoContext     *context,
            double            width,
            gboolean          suppress)
{
  guint n_columns = plc_follow_up_table_get_n_columns (table);
  guint n_rows = plc_follow_up_table_get_n_rows (table);
  gboolean has_share = FALSE;
  double natural_label = 0;
  double value_width = 0;
  double height;

  memset (chart, 0, sizeof *chart);
  chart->table = table;
  chart->context = g_object_ref (context);
  chart->suppress = suppress;
  chart->width = width;
  chart->fg[3] = 1.0;
  chart->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  chart->rows = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Text in the colour the caller chose: black on paper, the theme's
   * foreground on screen */
  if (cr != NULL && cairo_pattern_get_type (cairo_get_source (cr)) == CAIRO_PATTERN_TYPE_SOLID)
    cairo_pattern_get_rgba (cairo_get_source (cr), &chart->fg[0], &chart->fg[1],
                            &chart->fg[2], &chart->fg[3]);

  /* A "total" row is left out: the bars compare the rows it adds up */
  for (guint row = 0; row < n_rows; row++)
    if (!is_total (plc_follow_up_table_get_row_id (table, row)) || n_rows == 1)
      g_array_append_val (chart->rows, row);

  if (parts_of_total (table, &chart->total_column))
    {
      /* One bar a row, in parts, as long as its total */
      chart->parts = TRUE;
      chart->kind = PLC_FOLLOW_UP_CELL_COUNT;
      for (guint column = 0; column < n_columns; column++)
        if (column != chart->total_column)
          g_array_append_val (chart->columns, column);
    }
  else
    {
      /* Counts and shares are not drawn on one scale: a table with both
       * draws its shares, which compare across rows of different sizes;
       * a "total" column is left out when there are others */
      guint n_kind = 0;

      for (guint column = 0; column < n_columns; column++)
        has_share |= column_kind (table, column) == PLC_FOLLOW_UP_CELL_SHARE;
      chart->kind = has_share ? PLC_FOLLOW_UP_CELL_SHARE : PLC_FOLLOW_UP_CELL_COUNT;
      for (guint column = 0; column < n_columns; column++)
        {
          PlcFollowUpCellKind kind = column_kind (table, column);

          if (kind == chart->kind || (kind == PLC_FOLLOW_UP_CELL_EMPTY && !has_share))
            n_kind++;
        }
      for (guint column = 0; column < n_columns; column++)
        {
          PlcFollowUpCellKind kind = column_kind (table, column);

          if ((kind == chart->kind || (kind == PLC_FOLLOW_UP_CELL_EMPTY && !has_share)) &&
              (n_kind == 1 || !is_total (plc_follow_up_table_get_column_id (table, column))))
            g_array_append_val (chart->columns, column);
        }
    }

  chart->max_count = 1;
  for (guint i = 0; i < chart->rows->len; i++)
    {
      guint row = g_array_index (chart->rows, guint, i);
      g_autoptr(PangoLayout) label = chart_layout (chart, plc_follow_up_table_get_row_title (table, row), -1, 0);
      double label_width;

      layout_size (label, &label_width, NULL);
      natural_label = MAX (natural_label, label_width);

      if (chart->parts)
        {
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row, chart->total_column);
          g_autofree char *text = cell_text (cell, suppress);
          g_autoptr(PangoLayout) value = chart_layout (chart, text, -1, 0);
          double w, h;

          layout_size (value, &w, &h);
          value_width = MAX (value_width, w);
          chart->bar_height = MAX (chart->bar_height, h + 4);
          if (!cell_hidden (chart, cell))
            chart->max_count = MAX (chart->max_count, cell->value);
          continue;
        }

      for (guint j = 0; j < chart->columns->len; j++)
        {
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row, g_array_index (chart->columns, guint, j));
          g_autofree char *text = cell_text (cell, suppress);
          g_autoptr(PangoLayout) value = chart_layout (chart, text, -1, 0);
          double w, h;

          layout_size (value, &w, &h);
          value_width = MAX (value_width, w);
          chart->bar_height = MAX (chart->bar_height, h + 4);
          if (cell != NULL && cell->kind == PLC_FOLLOW_UP_CELL_COUNT && !cell_hidden (chart, cell))
            chart->max_count = MAX (chart->max_count, cell->value);
        }
    }

  if (chart->bar_height == 0)
    {
      g_autoptr(PangoLayout) sample = chart_layout (chart, "0", -1, 0);

      layout_size (sample, NULL, &height);
      chart->bar_height = height + 4;
    }

  chart->narrow = width < CHART_NARROW_WIDTH;
  if (chart->narrow)
    {
      chart->label_width = width;
      chart->bar_x = 0;
    }
  else
    {
      chart->label_width = MIN (natural_label + 1, (double) (int) (width * 0.38));
      chart->bar_x = chart->label_width + 8;
    }
  chart->bar_width = MAX (20, width - chart->bar_x - value_width - 6);
}

static void
chart_clear (Chart *chart)
{
  g_clear_object (&chart->context);
  g_clear_pointer (&chart->columns, g_array_unref);
  g_clear_pointer (&chart->rows, g_array_unref);
}

/* A bar, or a legend's swatch: the colour of its series, with a pattern
 * of its own over it, so that colour is never the only cue */
static void
draw_bar (const Chart *chart,
          cairo_t     *cr,
          guint        series,
          double       x,
          double       y,
          double       width,
          double       height)
{
  const double *rgb = palette[series % G_N_ELEMENTS (palette)];
  guint pattern = series % 7;
  double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);

  /* Light lines on dark colours, dark ones on light colours */
  if (luminance < 0.45)
    cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_set_line_width (cr, 1.2);
  cairo_new_path (cr);

  switch (pattern)
    {
    case 1:   /* rising diagonals */
      for (double d = -height; d < width + height; d += 5)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
        }
      cairo_stroke (cr);
      break;
    case 2:   /* dots */
      for (double dy = 2.5; dy < height; dy += 4.5)
        for (double dx = 2.5 + (((int) (dy / 4.5)) % 2) * 2.25; dx < width; dx += 4.5)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + dx, y + dy, 1.1, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case 3:   /* horizontal lines */
      for (double dy = 2; dy < height; dy += 4)
        {
          cairo_move_to (cr, x, y + dy);
          cairo_line_to (cr, x + width, y + dy);
        }
      cairo_stroke (cr);
      break;
    case 4:   /* cross-hatch */
      for (double d = -height; d < width + height; d += 6)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + height, y + height);
        }
      cairo_stroke (cr);
      break;
    case 5:   /* falling diagonals */
      for (double d = -height; d < width + height; d += 5)
        {
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + height, y + height);
        }
      cairo_stroke (cr);
      break;
    case 6:   /* vertical lines */
      for (double dx = 2; dx < width; dx += 4)
        {
          cairo_move_to (cr, x + dx, y);
          cairo_line_to (cr, x + dx, y + height);
        }
      cairo_stroke (cr);
      break;
    default:  /* solid */
      break;
    }
  cairo_restore (cr);

  /* An outline, so that a light bar shows on white paper */
  cairo_save (cr);
  cairo_rectangle (cr, x + 0.35, y + 0.35, MAX (0, width - 0.7), MAX (0, height - 0.7));
  cairo_set_source_rgba (cr, chart->fg[0], chart->fg[1], chart->fg[2], chart->fg[3] * 0.7);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show_layout (const Chart *chart,
             cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, chart->fg[0], chart->fg[1], chart->fg[2], chart->fg[3]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Lays the chart out; draws it too if @cr is not %NULL.  Returns its height. */
static double
chart_run (const Chart *chart,
           cairo_t     *cr)
{
  PlcFollowUpTable *table = chart->table;
  guint n_series = chart->columns->len;
  double y = 0;
  double axis_top;

  if (n_series == 0 || chart->rows->len == 0)
    return 0;

  /* The legend: a swatch and the column's title for each series, and for
   * a single one when the table has more columns than it */
  if (n_series > 1 || plc_follow_up_table_get_n_columns (table) > 1)
    {
      double x = 0;
      double line_height = 0;

      for (guint i = 0; i < n_series; i++)
        {
          guint column = g_array_index (chart->columns, guint, i);
          g_autoptr(PangoLayout) layout = NULL;
          double text_width, text_height, item_width;

          layout = chart_layout (chart, plc_follow_up_table_get_column_title (table, column),
                                 chart->width - CHART_SWATCH - 6, 2);
          layout_size (layout, &text_width, &text_height);
          item_width = CHART_SWATCH + 6 + text_width + 16;

          if (x > 0 && x + item_width - 16 > chart->width)
            {
              x = 0;
              y += line_height + 4;
              line_height = 0;
            }

          if (cr != NULL)
            {
              draw_bar (chart, cr, i, x, y + MAX (0, (MIN (text_height, 16) - CHART_SWATCH) / 2),
                        CHART_SWATCH, CHART_SWATCH);
              show_layout (chart, cr, layout, x + CHART_SWATCH + 6, y);
            }

          x += item_width;
          line_height = MAX (line_height, MAX (text_height, CHART_SWATCH));
        }

      y += line_height + 10;
    }

  axis_top = y;

  for (guint r = 0; r < chart->rows->len; r++)
    {
      guint row = g_array_index (chart->rows, guint, r);
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) parts = NULL;
      double label_height;
      double parts_height = 0;
      double bars_height;
      double group_height;
      double bars_y;

      if (chart->parts)
        {
          g_autofree char *text = parts_text (chart, row);

          /* Under the bar, each part with its value: they are too narrow
           * to carry it inside */
          parts = chart_layout (chart, text, chart->width - chart->bar_x - 3, 3);
          layout_size (parts, NULL, &parts_height);
          bars_height = chart->bar_height + 2 + parts_height;
        }
      else
        bars_height = n_series * chart->bar_height + (n_series - 1) * CHART_BAR_GAP;

      label = chart_layout (chart, plc_follow_up_table_get_row_title (table, row), chart->label_width, 3);
      layout_size (label, NULL, &label_height);

      if (chart->narrow)
        {
          if (cr != NULL)
            show_layout (chart, cr, label, 0, y);
          bars_y = y + label_height + 3;
          group_height = label_height + 3 + bars_height;
        }
      else
        {
          group_height = MAX (label_height, bars_height);
          if (cr != NULL)
            {
              pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
              show_layout (chart, cr, label, 0, y + (group_height - label_height) / 2);
            }
          bars_y = y + (group_height - bars_height) / 2;
        }

      if (cr != NULL && chart->parts)
        {
          const PlcFollowUpCell *total = plc_follow_up_table_get_cell (table, row, chart->total_column);
          g_autofree char *text = cell_text (total, chart->suppress);
          g_autoptr(PangoLayout) value = chart_layout (chart, text, -1, 0);
          double x = chart->bar_x;
          double value_height;

          if (cell_hidden (chart, total))
            ;  /* no bar at all */
          else if (parts_hidden (chart, row))
            {
              /* Only the total, in grey: the parts' lengths would tell
               * the small ones */
              double length = chart->bar_width * total->value / chart->max_count;

              cairo_save (cr);
              cairo_rectangle (cr, x, bars_y, length, chart->bar_height);
              cairo_set_source_rgba (cr, 0.55, 0.55, 0.55, 1);
              cairo_fill (cr);
              cairo_restore (cr);
              x += length;
            }
          else
            for (guint i = 0; i < n_series; i++)
              {
                const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row,
                                                                            g_array_index (chart->columns, guint, i));
                double length = chart->bar_width * cell->value / chart->max_count;

                if (length > 0)
                  draw_bar (chart, cr, i, x, bars_y, MAX (length, 1.5), chart->bar_height);
                x += length;
              }

          layout_size (value, NULL, &value_height);
          show_layout (chart, cr, value, x + 4, bars_y + (chart->bar_height - value_height) / 2);
          show_layout (chart, cr, parts, chart->bar_x + 3, bars_y + chart->bar_height + 2);
        }

      for (guint i = 0; cr != NULL && !chart->parts && i < n_series; i++)
        {
          guint column = g_array_index (chart->columns, guint, i);
          const PlcFollowUpCell *cell = plc_follow_up_table_get_cell (table, row, column);
          g_autofree char *text = cell_text (cell, chart->suppress);
          g_autoptr(PangoLayout) value = chart_layout (chart, text, -1, 0);
          double bar_y = bars_y + i * (chart->bar_height + CHART_BAR_GAP);
          double fraction = 0;
          double length = 0;
          double value_height;

          /* A hidden value gets no bar: its length would tell it */
          if (cell != NULL && !cell_hidden (chart, cell))
            {
              if (cell->kind == PLC_FOLLOW_UP_CELL_SHARE && cell->denominator > 0)
                fraction = (double) cell->value / cell->denominator;
              else if (cell->kind == PLC_FOLLOW_UP_CELL_COUNT)
                fraction = (double) cell->value / chart->max_count;
            }
          fraction = CLAMP (fraction, 0, 1);
          length = fraction * chart->bar_width;
          if (fraction > 0)
            length = MAX (length, 1.5);

          if (length > 0)
            draw_bar (chart, cr, i, chart->bar_x, bar_y, length, chart->bar_height);

          layout_size (value, NULL, &value_height);
          show_layout (chart, cr, value, chart->bar_x + length + 4,
                       bar_y + (chart->bar_height - value_height) / 2);
        }

      y += group_height + CHART_GROUP_GAP;
    }
  y -= CHART_GROUP_GAP;

  /* The axis the bars start from */
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, chart->fg[0], chart->fg[1], chart->fg[2], chart->fg[3] * 0.6);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, chart->bar_x - 0.5, axis_top - 2);
      cairo_line_to (cr, chart->bar_x - 0.5, y + 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  return (double) (int) (y + 0.999);
}

static PangoContext *
default_chart_context (cairo_t *cr)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  PangoContext *context;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_font_description (context, font);

  return context;
}

/**
 * plc_follow_up_table_measure_chart:
 * @self: a #PlcFollowUpTable
 * @context: (nullable): the Pango context its text is drawn with, whose
 *   font description is used; %NULL for a default one
 * @width: the width it is drawn at
 * @suppress: as for plc_follow_up_table_draw_chart()
 *
 * Returns: the height the chart needs at @width; 0 for a table with
 *   nothing to draw
 */
double
plc_follow_up_table_measure_chart (PlcFollowUpTable *self,
                                   PangoContext     *context,
                                   double            width,
                                   gboolean          suppress)
{
  PangoContext *own = NULL;
  Chart chart;
  double height;

  g_return_val_if_fail (self != NULL, 0);

  if (context == NULL)
    context = own = default_chart_context (NULL);

  chart_init (&chart, self, NULL, context, width, suppress);
  height = chart_run (&chart, NULL);
  chart_clear (&chart);
  g_clear_object (&own);

  return height;
}

/**
 * plc_follow_up_table_draw_chart_full:
 * @self: a #PlcFollowUpTable
 * @cr: where to draw, at 0, 0; its source colour is the text's colour
 * @context: (nullable): the Pango context for the text (its font is
 *   used); %NULL for a default one
 * @width: the width
 * @height: the height given; the chart takes what it needs
 *   (plc_follow_up_table_measure_chart()) and is cut off below @height
 * @suppress: whether groups smaller than %PLC_FOLLOW_UP_SMALLEST_GROUP
 *   show as "<5", without a bar
 *
 * Draws the table as a horizontal bar chart: a group of bars for each
 * row, one bar for each column of the same kind (the shares, if the
 * table has any, or else the counts).  Each bar carries its value.
 */
void
plc_follow_up_table_draw_chart_full (PlcFollowUpTable *self,
                                     cairo_t          *cr,
                                     PangoContext     *context,
                                     double            width,
                                     double            height,
                                     gboolean          suppress)
{
  PangoContext *own = NULL;
  Chart chart;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (context == NULL)
    context = own = default_chart_context (cr);
  else
    pango_cairo_update_context (cr, context);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  chart_init (&chart, self, cr, context, width, suppress);
  chart_run (&chart, cr);
  chart_clear (&chart);
  cairo_restore (cr);
  g_clear_object (&own);
}

/**
 * plc_follow_up_table_draw_chart:
 * @self: a #PlcFollowUpTable
 * @cr: where to draw, at 0, 0; its source colour is the text's colour
 * @width: the width
 * @height: the height
 * @suppress: whether groups smaller than %PLC_FOLLOW_UP_SMALLEST_GROUP
 *   show as "<5", without a bar
 *
 * As plc_follow_up_table_draw_chart_full(), in a 9-point sans-serif font.
 */
void
plc_follow_up_table_draw_chart (PlcFollowUpTable *self,
                                cairo_t          *cr,
                                double            width,
                                double            height,
                                gboolean          suppress)
{
  plc_follow_up_table_draw_chart_full (self, cr, NULL, width, height, suppress);
}

/**
 * plc_follow_up_table_describe_chart:
 * @self: a #PlcFollowUpTable
 * @suppress: as for plc_follow_up_table_draw_chart()
 *
 * What the chart shows, in words, for a screen reader.
 *
 * Returns: (transfer full): the description
 */
char *
plc_follow_up_table_describe_chart (PlcFollowUpTable *self,
                                    gboolean          suppress)
{
  GString *text = g_string_new (NULL);
  guint n_columns;

  g_return_val_if_fail (self != NULL, NULL);

  n_columns = plc_follow_up_table_get_n_columns (self);
  for (guint row = 0; row < plc_follow_up_table_get_n_rows (self); row++)
    {
      if (text->len > 0)
        g_string_append (text, ". ");
      g_string_append (text, plc_follow_up_table_get_row_title (self, row));
      g_string_append (text, ": ");
      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *value = cell_text (plc_follow_up_table_get_cell (self, row, column), suppress);

          if (column > 0)
            g_string_append (text, "; ");
          /* Translators: a value in a chart's description for screen
           * readers: the column's title and the value, "Placed: 12" */
          g_string_append_printf (text, _("%s: %s"), plc_follow_up_table_get_column_title (self, column), value);
        }
    }

  return g_string_free (text, FALSE);
}

/* The pages */

#define GAP_AFTER_TABLE 22.0
#define GAP_AFTER_HEADING 4.0
#define GAP_AFTER_DEFINITION 8.0
#define GAP_BEFORE_CHART 10.0
#define CELL_PADDING 3.0
#define FOOTER_HEIGHT 24.0

typedef enum
{
  BLOCK_FRONT,
  BLOCK_GRID,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind kind;
  guint     table;
  guint     first_row;
  guint     end_row;
  gboolean  continued;
  guint     page;
  double    y;
  double    height;
} Block;

typedef struct
{
  double  width;
  double  height;
  guint   n_pages;
  GArray *blocks;
} Pages;

typedef struct
{
  guint   n_columns;
  double *widths;       /* the row titles' column first */
  double  header_height;
  double *row_heights;
} Grid;

static void
pages_free (Pages *pages)
{
  g_array_unref (pages->blocks);
  g_free (pages);
}

static GQuark
pages_quark (void)
{
  return g_quark_from_static_string ("plc-follow-up-pages");
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *font,
             const char   *text,
             double        width)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static double
text_height (PangoContext *context,
             const char   *font,
             const char   *text,
             double        width)
{
  g_autoptr(PangoLayout) layout = text_layout (context, font, text, width);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static double
text_width (PangoContext *context,
            const char   *font,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = text_layout (context, font, text, -1);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static void
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *font,
           const char   *text,
           double        x,
           double        y,
           double        width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = text_layout (context, font, text, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The front matter, as label and value pairs */
static GPtrArray *
front_fields (PlcFollowUp *self)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GStrv agreements = plc_follow_up_get_agreements (self);
  const char *municipality = plc_follow_up_get_municipality (self);
  const char *caseworker = plc_follow_up_get_caseworker (self);
  int year = plc_follow_up_get_year (self);
  g_autofree char *start = plc_date_to_iso (plc_date_new (year, 1, 1));
  g_autofree char *end = plc_date_to_iso (plc_date_new (year, 12, 31));
  g_autofree char *today = plc_date_to_iso (plc_follow_up_get_today (self));

  g_ptr_array_add (fields, g_strdup (_("Agreements")));
  if (agreements != NULL && agreements[0] != NULL)
    g_ptr_array_add (fields, g_strjoinv (", ", agreements));
  else
    g_ptr_array_add (fields, g_strdup (_("None")));

  g_ptr_array_add (fields, g_strdup (_("Municipality")));
  if (municipality != NULL)
    {
      const PlcMunicipality *known = plc_municipality_get (municipality);

      g_ptr_array_add (fields, g_strdup (known != NULL ? known->name : municipality));
    }
  else
    g_ptr_array_add (fields, g_strdup (_("All municipalities")));

  if (caseworker != NULL)
    {
      g_ptr_array_add (fields, g_strdup (_("Caseworker")));
      g_ptr_array_add (fields, g_strdup (caseworker));
    }

  g_ptr_array_add (fields, g_strdup (_("Period")));
  /* Translators: the period a follow-up covers, from its first to its last day */
  g_ptr_array_add (fields, g_strdup_printf (_("%s to %s"), start, end));

  g_ptr_array_add (fields, g_strdup (_("Generated")));
  g_ptr_array_add (fields, g_steal_pointer (&today));

  return fields;
}

static char *
document_title (PlcFollowUp *self)
{
  /* Translators: the title of the follow-up's PDF and printout; %d is the year */
  return g_strdup_printf (_("Yearly follow-up %d"), plc_follow_up_get_year (self));
}

static const char *
suppression_note (void)
{
  return _("Groups of fewer than 5 children are shown as “<5”, so that no child can be recognised.");
}

/* The front matter's height, or draws it */
static double
run_front (PlcFollowUp  *self,
           PangoContext *context,
           cairo_t      *cr,
           double        x,
           double        y,
           double        width)
{
  g_autofree char *title = document_title (self);
  g_autoptr(GPtrArray) fields = front_fields (self);
  double label_width = 0;
  double top = y;

  if (cr != NULL)
    show_text (cr, context, PLC_PDF_FONT_TITLE, title, x, y, width, PANGO_ALIGN_LEFT);
  y += text_height (context, PLC_PDF_FONT_TITLE, title, width) + 10;

  for (guint i = 0; i < fields->len; i += 2)
    label_width = MAX (label_width, text_width (context, "Sans Bold 10", g_ptr_array_index (fields, i)));
  label_width = MIN (label_width + 12, width / 3);

  for (guint i = 0; i < fields->len; i += 2)
    {
      const char *label = g_ptr_array_index (fields, i);
      const char *value = g_ptr_array_index (fields, i + 1);
      double height = MAX (text_height (context, "Sans Bold 10", label, label_width - 12),
                           text_height (context, PLC_PDF_FONT_BODY, value, width - label_width));

      if (cr != NULL)
        {
          show_text (cr, context, "Sans Bold 10", label, x, y, label_width - 12, PANGO_ALIGN_LEFT);
          show_text (cr, context, PLC_PDF_FONT_BODY, value, x + label_width, y,
                     width - label_width, PANGO_ALIGN_LEFT);
        }
      y += height + 2;
    }

  y += 6;
  if (cr != NULL)
    show_text (cr, context, "Sans Italic 9", suppression_note (), x, y, width, PANGO_ALIGN_LEFT);
  y += text_height (context, "Sans Italic 9", suppression_note (), width);

  return y - top + GAP_AFTER_TABLE;
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->widths, g_free);
  g_clear_pointer (&grid->row_heights, g_free);
}

static void
grid_init (Grid             *grid,
           PlcFollowUpTable *table,
           PangoContext     *context,
           double            width)
{
  guint n_columns = plc_follow_up_table_get_n_columns (table);
  guint n_rows = plc_follow_up_table_get_n_rows (table);
  double values_width = 0;
  double each_max;

  grid->n_columns = n_columns;
  grid->widths = g_new0 (double, n_columns + 1);
  grid->row_heights = g_new0 (double, MAX (n_rows, 1));

  /* A value column is as wide as its widest value or its title, up to
   * its share of 60 % of the width; titles wrap within it */
  each_max = n_columns > 0 ? (double) (int) (width * 0.6 / n_columns) : width;
  for (guint column = 0; column < n_columns; column++)
    {
      double narrowest = text_width (context, "Sans 9", "<5");
      double natural;

      for (guint row = 0; row < n_rows; row++)
        {
          g_autofree char *text = cell_text (plc_follow_up_table_get_cell (table, row, column), TRUE);

          narrowest = MAX (narrowest, text_width (context, "Sans 9", text));
        }
      natural = text_width (context, "Sans Bold 8", plc_follow_up_table_get_column_title (table, column));
      grid->widths[column + 1] = MAX (narrowest, MIN (natural, each_max)) + 2 * CELL_PADDING + 6;
      values_width += grid->widths[column + 1];
    }

  /* The row titles take the rest, but at least a third */
  if (width - values_width < width / 3 && values_width > 0)
    {
      double scale = (width * 2 / 3) / values_width;

      values_width = 0;
      for (guint column = 0; column < n_columns; column++)
        {
          grid->widths[column + 1] = (double) (int) (grid->widths[column + 1] * scale);
          values_width += grid->widths[column + 1];
        }
    }
  grid->widths[0] = width - values_width;

  grid->header_height = 0;
  for (guint column = 0; column < n_columns; column++)
    grid->header_height = MAX (grid->header_height,
                               text_height (context, "Sans Bold 8",
                                            plc_follow_up_table_get_column_title (table, column),
                                            grid->widths[column + 1] - 2 * CELL_PADDING));
  grid->header_height += 2 * CELL_PADDING;

  for (guint row = 0; row < n_rows; row++)
    grid->row_heights[row] = MAX (text_height (context, "Sans 9", plc_follow_up_table_get_row_title (table, row),
                                               grid->widths[0] - 2 * CELL_PADDING),
                                  text_height (context, "Sans 9", "0", -1)) + 2 * CELL_PADDING;
}

static char *
continued_title (PlcFollowUpTable *table)
{
  /* Translators: a table's title on the next page, where it goes on */
  return g_strdup_printf (_("%s (continued)"), plc_follow_up_table_get_title (table));
}

/* A table's title and definition (only the title, if @continued) */
static double
run_heading (PlcFollowUpTable *table,
             PangoContext     *context,
             cairo_t          *cr,
             double            x,
             double            y,
             double            width,
             gboolean          continued)
{
  double top = y;

  if (continued)
    {
      g_autofree char *title = continued_title (table);

      if (cr != NULL)
        show_text (cr, context, PLC_PDF_FONT_HEADING, title, x, y, width, PANGO_ALIGN_LEFT);
      y += text_height (context, PLC_PDF_FONT_HEADING, title, width) + GAP_AFTER_DEFINITION;
      return y - top;
    }

  if (cr != NULL)
    show_text (cr, context, PLC_PDF_FONT_HEADING, plc_follow_up_table_get_title (table),
               x, y, width, PANGO_ALIGN_LEFT);
  y += text_height (context, PLC_PDF_FONT_HEADING, plc_follow_up_table_get_title (table), width) + GAP_AFTER_HEADING;

  if (plc_follow_up_table_get_definition (table) != NULL)
    {
      if (cr != NULL)
        show_text (cr, context, "Sans Italic 9", plc_follow_up_table_get_definition (table),
                   x, y, width, PANGO_ALIGN_LEFT);
      y += text_height (context, "Sans Italic 9", plc_follow_up_table_get_definition (table), width);
    }
  y += GAP_AFTER_DEFINITION;

  return y - top;
}

static void
draw_grid (PlcFollowUpTable *table,
           const Grid       *grid,
           PangoContext     *context,
           cairo_t          *cr,
           double            x,
           double            y,
           double            width,
           guint             first_row,
           guint             end_row)
{
  double column_x = x + grid->widths[0];

  /* The header: the columns' titles, right-aligned over their figures */
  for (guint column = 0; column < grid->n_columns; column++)
    {
      show_text (cr, context, "Sans Bold 8", plc_follow_up_table_get_column_title (table, column),
                 column_x + CELL_PADDING, y + CELL_PADDING,
                 grid->widths[column + 1] - 2 * CELL_PADDING, PANGO_ALIGN_RIGHT);
      column_x += grid->widths[column + 1];
    }
  y += grid->header_height;
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint row = first_row; row < end_row; row++)
    {
      double height = grid->row_heights[row];

      /* Every other row shaded, to follow a row across */
      if ((row - first_row) % 2 == 1)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
          cairo_rectangle (cr, x, y, width, height);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      show_text (cr, context, "Sans 9", plc_follow_up_table_get_row_title (table, row),
                 x + CELL_PADDING, y + CELL_PADDING, grid->widths[0] - 2 * CELL_PADDING, PANGO_ALIGN_LEFT);

      column_x = x + grid->widths[0];
      for (guint column = 0; column < grid->n_columns; column++)
        {
          g_autofree char *text = cell_text (plc_follow_up_table_get_cell (table, row, column), TRUE);

          show_text (cr, context, "Sans 9", text, column_x + CELL_PADDING, y + CELL_PADDING,
                     grid->widths[column + 1] - 2 * CELL_PADDING, PANGO_ALIGN_RIGHT);
          column_x += grid->widths[column + 1];
        }
      y += height;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static PangoContext *
chart_context (cairo_t *cr)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  PangoContext *context = plc_pdf_context_new (cr);

  pango_context_set_font_description (context, font);
  return context;
}

static void
add_block (Pages     *pages,
           BlockKind  kind,
           guint      table,
           guint      first_row,
           guint      end_row,
           gboolean   continued,
           guint      page,
           double     y,
           double     height)
{
  Block block = { kind, table, first_row, end_row, continued, page, y, height };

  g_array_append_val (pages->blocks, block);
}

/**
 * plc_follow_up_paginate:
 * @self: a #PlcFollowUp
 * @cr: where the pages will be drawn, in points
 * @width: a page's width
 * @height: a page's height
 *
 * Lays the follow-up out on pages: the title and what the figures cover
 * first, then each table with its title, definition, figures and chart.
 * A table starts on a new page rather than being split, unless it is
 * longer than a page; then its rows go on with the header repeated.
 * Small groups show as "<5", always.
 *
 * Returns: the number of pages
 */
guint
plc_follow_up_paginate (PlcFollowUp *self,
                        cairo_t     *cr,
                        double       width,
                        double       height)
{
  PangoContext *context = NULL;
  PangoContext *small = NULL;
  Pages *pages;
  double content_width = width - 2 * PLC_PDF_MARGIN;
  double top = PLC_PDF_MARGIN;
  double bottom = height - PLC_PDF_MARGIN - FOOTER_HEIGHT;
  double y = top;
  guint page = 0;

  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  context = plc_pdf_context_new (cr);
  small = chart_context (cr);

  pages = g_new0 (Pages, 1);
  pages->width = width;
  pages->height = height;
  pages->blocks = g_array_new (FALSE, FALSE, sizeof (Block));

  {
    double front = run_front (self, context, NULL, 0, 0, content_width);

    add_block (pages, BLOCK_FRONT, 0, 0, 0, FALSE, page, y, front);
    y += front;
  }

  for (guint t = 0; t < plc_follow_up_get_n_tables (self); t++)
    {
      PlcFollowUpTable *table = plc_follow_up_get_table (self, t);
      guint n_rows = plc_follow_up_table_get_n_rows (table);
      double heading = run_heading (table, context, NULL, 0, 0, content_width, FALSE);
      double continued = run_heading (table, context, NULL, 0, 0, content_width, TRUE);
      double chart = plc_follow_up_table_measure_chart (table, small, content_width, TRUE);
      double rows = 0;
      double whole;
      guint first = 0;
      Grid grid = { 0, };

      grid_init (&grid, table, context, content_width);
      for (guint row = 0; row < n_rows; row++)
        rows += grid.row_heights[row];
      whole = heading + grid.header_height + rows + (chart > 0 ? GAP_BEFORE_CHART + chart : 0);

      /* The whole table on one page, the next one if need be */
      if (whole <= bottom - top)
        {
          if (y + whole > bottom && y > top)
            {
              page++;
              y = top;
            }
          add_block (pages, BLOCK_GRID, t, 0, n_rows, FALSE, page, y,
                     heading + grid.header_height + rows);
          y += heading + grid.header_height + rows;
          if (chart > 0)
            {
              add_block (pages, BLOCK_CHART, t, 0, 0, FALSE, page, y + GAP_BEFORE_CHART, chart);
              y += GAP_BEFORE_CHART + chart;
            }
          y += GAP_AFTER_TABLE;
          grid_clear (&grid);
          continue;
        }

      /* Longer than a page: its rows go on over pages, after its
       * heading and at least a few rows on the first */
      {
        double first_rows = 0;

        for (guint row = 0; row < MIN (n_rows, 3); row++)
          first_rows += grid.row_heights[row];
        if (y + heading + grid.header_height + first_rows > bottom && y > top)
          {
            page++;
            y = top;
          }
      }

      while (first < n_rows || n_rows == 0)
        {
          double part = (first == 0 ? heading : continued) + grid.header_height;
          guint end = first;

          while (end < n_rows && (end == first || y + part + grid.row_heights[end] <= bottom))
            part += grid.row_heights[end++];

          add_block (pages, BLOCK_GRID, t, first, end, first > 0, page, y, part);
          y += part;
          first = end;
          if (first < n_rows)
            {
              page++;
              y = top;
            }
          if (n_rows == 0)
            break;
        }

      if (chart > 0)
        {
          if (y + GAP_BEFORE_CHART + chart > bottom && y > top)
            {
              page++;
              y = top;
            }
          else
            y += GAP_BEFORE_CHART;
          add_block (pages, BLOCK_CHART, t, 0, 0, FALSE, page, y, MIN (chart, bottom - top));
          y += MIN (chart, bottom - top);
        }
      y += GAP_AFTER_TABLE;
      grid_clear (&grid);
    }

  pages->n_pages = page + 1;
  g_object_set_qdata_full (G_OBJECT (self), pages_quark (), pages, (GDestroyNotify) pages_free);
  g_object_unref (context);
  g_object_unref (small);

  return pages->n_pages;
}

/**
 * plc_follow_up_draw_page:
 * @self: a #PlcFollowUp
 * @cr: where to draw, in points, at the page's top left corner
 * @page: which page, from 0
 *
 * Draws one page as plc_follow_up_paginate() laid it out (call that
 * first), with its page number.
 */
void
plc_follow_up_draw_page (PlcFollowUp *self,
                         cairo_t     *cr,
                         guint        page)
{
  PangoContext *context = NULL;
  PangoContext *small = NULL;
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;
  Pages *pages;
  double content_width;
  double x = PLC_PDF_MARGIN;

  g_return_if_fail (PLC_IS_FOLLOW_UP (self));
  g_return_if_fail (cr != NULL);

  pages = g_object_get_qdata (G_OBJECT (self), pages_quark ());
  g_return_if_fail (pages != NULL);
  g_return_if_fail (page < pages->n_pages);

  content_width = pages->width - 2 * PLC_PDF_MARGIN;
  context = plc_pdf_context_new (cr);
  small = chart_context (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < pages->blocks->len; i++)
    {
      const Block *block = &g_array_index (pages->blocks, Block, i);
      PlcFollowUpTable *table;

      if (block->page != page)
        continue;

      switch (block->kind)
        {
        case BLOCK_FRONT:
          run_front (self, context, cr, x, block->y, content_width);
          break;

        case BLOCK_GRID:
          {
            Grid grid = { 0, };
            double heading;

            table = plc_follow_up_get_table (self, block->table);
            heading = run_heading (table, context, cr, x, block->y, content_width, block->continued);
            grid_init (&grid, table, context, content_width);
            draw_grid (table, &grid, context, cr, x, block->y + heading, content_width,
                       block->first_row, block->end_row);
            grid_clear (&grid);
          }
          break;

        case BLOCK_CHART:
          table = plc_follow_up_get_table (self, block->table);
          cairo_save (cr);
          cairo_translate (cr, x, block->y);
          plc_follow_up_table_draw_chart_full (table, cr, small, content_width, block->height, TRUE);
          cairo_restore (cr);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The footer: what this is, and the page number */
  title = document_title (self);
  if (plc_follow_up_get_municipality (self) != NULL)
    {
      const PlcMunicipality *known = plc_municipality_get (plc_follow_up_get_municipality (self));

      footer = g_strdup_printf ("%s · %s", title, known != NULL ? known->name : plc_follow_up_get_municipality (self));
    }
  else
    footer = g_strdup (title);
  /* Translators: the page number at the foot of each page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, pages->n_pages);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (cr, context, PLC_PDF_FONT_SMALL, footer, x, pages->height - PLC_PDF_MARGIN - 10,
             content_width * 0.7, PANGO_ALIGN_LEFT);
  show_text (cr, context, PLC_PDF_FONT_SMALL, number, x + content_width * 0.7,
             pages->height - PLC_PDF_MARGIN - 10, content_width * 0.3, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
  g_object_unref (context);
  g_object_unref (small);
}

/**
 * plc_follow_up_write_pdf:
 * @self: a #PlcFollowUp
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the follow-up to @path as an A4 PDF, with small groups as "<5".
 *
 * Returns: %TRUE if the file was written
 */
gboolean
plc_follow_up_write_pdf (PlcFollowUp  *self,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = document_title (self);
  /* Figures only, no personal data */
  surface = plc_pdf_surface_new (path, title, PLC_OUTPUT_FILE_NONE, error);
  if (surface == NULL)
    return FALSE;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return plc_pdf_surface_finish (surface, error);   /* says why */

  cr = cairo_create (surface);
  n_pages = plc_follow_up_paginate (self, cr, PLC_PDF_PAGE_WIDTH, PLC_PDF_PAGE_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      plc_follow_up_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);

  return plc_pdf_surface_finish (surface, error);
}
