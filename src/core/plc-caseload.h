/* plc-caseload.h: the children, placements and obligations the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-child.h"
#include "plc-engine.h"
#include "plc-obligation.h"
#include "plc-placement.h"
#include "plc-store.h"

G_BEGIN_DECLS

/*
 * PlcCase: one child with their placements, and what the rules say of the
 * current one.  Immutable snapshot; a reload makes new ones.
 */
#define PLC_TYPE_CASE (plc_case_get_type ())

G_DECLARE_FINAL_TYPE (PlcCase, plc_case, PLC, CASE, GObject)

PlcChild      *plc_case_get_child             (PlcCase      *self);
const char    *plc_case_get_sort_key          (PlcCase      *self);
GPtrArray     *plc_case_get_placements        (PlcCase      *self);  /* oldest first */
PlcPlacement  *plc_case_get_current_placement (PlcCase      *self);  /* nullable: the
                                                                        active one, else the latest */
gboolean       plc_case_get_active            (PlcCase      *self);
guint          plc_case_get_n_overdue         (PlcCase      *self);
guint          plc_case_get_n_upcoming        (PlcCase      *self);
PlcDate        plc_case_get_next_due          (PlcCase      *self);  /* of an open step; 0 if none */
const char    *plc_case_get_warning           (PlcCase      *self);  /* the current placement's */
const char    *plc_case_get_profile_id        (PlcCase      *self);  /* the current placement's regional
                                                                        profile, or "national" */

/*
 * PlcCaseload: loads everything from the store off the main thread (the
 * store's own worker) and computes every placement's obligations with the
 * engine.  "changed" is emitted after each reload.  The list models are
 * replaced in place (one items-changed per reload).
 */
#define PLC_TYPE_CASELOAD (plc_caseload_get_type ())

G_DECLARE_FINAL_TYPE (PlcCaseload, plc_caseload, PLC, CASELOAD, GObject)

PlcCaseload   *plc_caseload_new               (PlcStore            *store,
                                               PlcEngine           *engine);
PlcStore      *plc_caseload_get_store         (PlcCaseload         *self);
PlcEngine     *plc_caseload_get_engine        (PlcCaseload         *self);
PlcProfileSet *plc_caseload_get_profiles      (PlcCaseload         *self);

void           plc_caseload_reload_async      (PlcCaseload         *self,
                                               PlcDate              today,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       plc_caseload_reload_finish     (PlcCaseload         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* For tests and the command line: the same, synchronously */
gboolean       plc_caseload_reload            (PlcCaseload         *self,
                                               PlcDate              today,
                                               GError             **error);

gboolean       plc_caseload_get_loaded        (PlcCaseload         *self);
PlcDate        plc_caseload_get_today         (PlcCaseload         *self);

GListModel    *plc_caseload_get_cases         (PlcCaseload         *self);  /* of PlcCase, by name */
PlcCase       *plc_caseload_lookup_case       (PlcCaseload         *self,
                                               gint64               child_id);
GPtrArray     *plc_caseload_get_obligations   (PlcCaseload         *self,
                                               gint64               placement_id); /* of PlcObligation */
const char    *plc_caseload_get_warning       (PlcCaseload         *self,
                                               gint64               placement_id);
GListModel    *plc_caseload_get_agenda        (PlcCaseload         *self);  /* of PlcObligation: overdue
                                                                               and due within the upcoming
                                                                               window, by due date */

G_END_DECLS
