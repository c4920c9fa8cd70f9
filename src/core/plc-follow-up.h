/* plc-follow-up.h: the yearly follow-up's figures, without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plc-csv.h"
#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-engine.h"

G_BEGIN_DECLS

/**
 * PlcFollowUpQuery:
 * @year: the calendar year followed up
 * @municipality: (nullable): only placements made by this municipality
 * @caseworker: (nullable): only placements of this caseworker
 * @today: the day the figures are made; steps due after it are not counted
 *   as overdue, and it is printed as the generation date
 *
 * What a yearly follow-up covers. %NULL selects everyone.
 */
typedef struct
{
  int         year;
  const char *municipality;
  const char *caseworker;
  PlcDate     today;
} PlcFollowUpQuery;

/**
 * PlcFollowUpCellKind:
 * @PLC_FOLLOW_UP_CELL_EMPTY: nothing to show (a share of nobody)
 * @PLC_FOLLOW_UP_CELL_COUNT: a count: @value
 * @PLC_FOLLOW_UP_CELL_SHARE: a share: @value of @denominator, shown in per cent
 */
typedef enum
{
  PLC_FOLLOW_UP_CELL_EMPTY,
  PLC_FOLLOW_UP_CELL_COUNT,
  PLC_FOLLOW_UP_CELL_SHARE,
} PlcFollowUpCellKind;

typedef struct
{
  PlcFollowUpCellKind kind;
  guint               value;
  guint               denominator;
} PlcFollowUpCell;

/* Counts from 1 to this minus one identify a child: exports show "<5" */
#define PLC_FOLLOW_UP_SMALLEST_GROUP 5

gboolean plc_follow_up_cell_is_suppressed (const PlcFollowUpCell *cell);
char    *plc_follow_up_cell_to_string     (const PlcFollowUpCell *cell,
                                           gboolean               suppress);

#define PLC_TYPE_FOLLOW_UP_TABLE (plc_follow_up_table_get_type ())

/* One indicator: a table with a title, its definition, named columns and rows */
typedef struct _PlcFollowUpTable PlcFollowUpTable;

GType                  plc_follow_up_table_get_type         (void) G_GNUC_CONST;
PlcFollowUpTable      *plc_follow_up_table_ref              (PlcFollowUpTable *self);
void                   plc_follow_up_table_unref            (PlcFollowUpTable *self);

/* A stable identifier, used in JSON and CSV: "placed-children", … */
const char            *plc_follow_up_table_get_id           (PlcFollowUpTable *self);
const char            *plc_follow_up_table_get_title        (PlcFollowUpTable *self);
/* Numerator, denominator and period, in words, translated */
const char            *plc_follow_up_table_get_definition   (PlcFollowUpTable *self);
guint                  plc_follow_up_table_get_n_columns    (PlcFollowUpTable *self);
const char            *plc_follow_up_table_get_column_id    (PlcFollowUpTable *self,
                                                             guint             column);
const char            *plc_follow_up_table_get_column_title (PlcFollowUpTable *self,
                                                             guint             column);
guint                  plc_follow_up_table_get_n_rows       (PlcFollowUpTable *self);
const char            *plc_follow_up_table_get_row_id       (PlcFollowUpTable *self,
                                                             guint             row);
const char            *plc_follow_up_table_get_row_title    (PlcFollowUpTable *self,
                                                             guint             row);
const PlcFollowUpCell *plc_follow_up_table_get_cell         (PlcFollowUpTable *self,
                                                             guint             row,
                                                             guint             column);

/* A bar chart of the table, drawn with cairo and Pango into width × height
 * (user units); the colours are told apart by readers with colour-blindness
 * too, and each bar carries its value. @suppress as for cells. */
void                   plc_follow_up_table_draw_chart       (PlcFollowUpTable *self,
                                                             cairo_t          *cr,
                                                             double            width,
                                                             double            height,
                                                             gboolean          suppress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcFollowUpTable, plc_follow_up_table_unref)

#define PLC_TYPE_FOLLOW_UP (plc_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (PlcFollowUp, plc_follow_up, PLC, FOLLOW_UP, GObject)

PlcFollowUp      *plc_follow_up_compute         (PlcDataset             *dataset,
                                                 PlcEngine              *engine,
                                                 const PlcFollowUpQuery *query);

int               plc_follow_up_get_year         (PlcFollowUp *self);
const char       *plc_follow_up_get_municipality (PlcFollowUp *self);
const char       *plc_follow_up_get_caseworker   (PlcFollowUp *self);
PlcDate           plc_follow_up_get_today        (PlcFollowUp *self);
/* The agreements the selected placements fall under, "Name (version)", … */
GStrv             plc_follow_up_get_agreements   (PlcFollowUp *self);
guint             plc_follow_up_get_n_tables     (PlcFollowUp *self);
PlcFollowUpTable *plc_follow_up_get_table        (PlcFollowUp *self,
                                                  guint        index);

/* Exports: groups smaller than PLC_FOLLOW_UP_SMALLEST_GROUP are always shown
 * as "<5"; no name or personal identity number is ever written. */
gboolean          plc_follow_up_write_csv        (PlcFollowUp   *self,
                                                  GOutputStream *stream,
                                                  char           separator,
                                                  PlcCsvFlags    flags,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
JsonNode         *plc_follow_up_to_json          (PlcFollowUp   *self);

/* Printing and PDF: A4 pages with title, agreements, municipality, period,
 * generation date, page numbers, the tables and their charts. Lay out for a
 * page of width × height points on @cr, then draw each page. */
guint             plc_follow_up_paginate         (PlcFollowUp   *self,
                                                  cairo_t       *cr,
                                                  double         width,
                                                  double         height);
void              plc_follow_up_draw_page        (PlcFollowUp   *self,
                                                  cairo_t       *cr,
                                                  guint          page);
gboolean          plc_follow_up_write_pdf        (PlcFollowUp   *self,
                                                  const char    *path,
                                                  GError       **error);

G_END_DECLS
