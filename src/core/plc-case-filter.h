/* plc-case-filter.h: the caseload's children, searched, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

/**
 * PlcCaseActivity:
 * @PLC_CASE_ACTIVITY_ALL: every child
 * @PLC_CASE_ACTIVITY_ACTIVE: children with a placement in force
 * @PLC_CASE_ACTIVITY_ENDED: children whose placements have all ended
 */
typedef enum
{
  PLC_CASE_ACTIVITY_ALL,
  PLC_CASE_ACTIVITY_ACTIVE,
  PLC_CASE_ACTIVITY_ENDED,
} PlcCaseActivity;

/**
 * PlcCaseSort:
 * @PLC_CASE_SORT_NAME: by the child's name, in the collation of the locale
 * @PLC_CASE_SORT_NEXT_DUE: by the next due date of an open step, soonest
 *   first; children with none last
 * @PLC_CASE_SORT_OVERDUE: by the number of overdue steps, most first
 */
typedef enum
{
  PLC_CASE_SORT_NAME,
  PLC_CASE_SORT_NEXT_DUE,
  PLC_CASE_SORT_OVERDUE,
} PlcCaseSort;

#define PLC_TYPE_CASE_ACTIVITY (plc_case_activity_get_type ())
#define PLC_TYPE_CASE_SORT     (plc_case_sort_get_type ())

GType plc_case_activity_get_type (void) G_GNUC_CONST;
GType plc_case_sort_get_type     (void) G_GNUC_CONST;

/* A legal basis or form of -1 lets every one through. */
#define PLC_CASE_FILTER_ANY (-1)

#define PLC_TYPE_CASE_FILTER (plc_case_filter_get_type ())

G_DECLARE_FINAL_TYPE (PlcCaseFilter, plc_case_filter, PLC, CASE_FILTER, GObject)

/*
 * A GListModel of PlcCase: the items of another model (the caseload's
 * cases) that match the search text and every filter, in the chosen order.
 * Each change of the source or of a criterion is followed by at most one
 * items-changed, covering only the span that differs; none when the result
 * is the same.  Properties (read-write, notified on change): "model",
 * "search", "caseworker", "activity", "legal-basis", "form",
 * "overdue-only", "profile-id", "sort"; read-only "n-items".
 */

PlcCaseFilter   *plc_case_filter_new              (GListModel      *model);

GListModel      *plc_case_filter_get_model        (PlcCaseFilter   *self);
void             plc_case_filter_set_model        (PlcCaseFilter   *self,
                                                   GListModel      *model);

const char      *plc_case_filter_get_search       (PlcCaseFilter   *self);
void             plc_case_filter_set_search       (PlcCaseFilter   *self,
                                                   const char      *search);
const char      *plc_case_filter_get_caseworker   (PlcCaseFilter   *self);
void             plc_case_filter_set_caseworker   (PlcCaseFilter   *self,
                                                   const char      *caseworker);
PlcCaseActivity  plc_case_filter_get_activity     (PlcCaseFilter   *self);
void             plc_case_filter_set_activity     (PlcCaseFilter   *self,
                                                   PlcCaseActivity  activity);
int              plc_case_filter_get_legal_basis  (PlcCaseFilter   *self);
void             plc_case_filter_set_legal_basis  (PlcCaseFilter   *self,
                                                   int              legal_basis);
int              plc_case_filter_get_form         (PlcCaseFilter   *self);
void             plc_case_filter_set_form         (PlcCaseFilter   *self,
                                                   int              form);
gboolean         plc_case_filter_get_overdue_only (PlcCaseFilter   *self);
void             plc_case_filter_set_overdue_only (PlcCaseFilter   *self,
                                                   gboolean         overdue_only);
const char      *plc_case_filter_get_profile_id   (PlcCaseFilter   *self);
void             plc_case_filter_set_profile_id   (PlcCaseFilter   *self,
                                                   const char      *profile_id);
PlcCaseSort      plc_case_filter_get_sort         (PlcCaseFilter   *self);
void             plc_case_filter_set_sort         (PlcCaseFilter   *self,
                                                   PlcCaseSort      sort);

gboolean         plc_case_filter_get_filtering    (PlcCaseFilter   *self);
void             plc_case_filter_clear            (PlcCaseFilter   *self);

gboolean         plc_case_filter_matches_search   (PlcCase         *item,
                                                   const char      *search);
void             plc_case_filter_prepare_case     (PlcCase         *item);

G_END_DECLS
