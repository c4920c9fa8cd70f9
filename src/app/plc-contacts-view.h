/* plc-contacts-view.h: the directory of contacts and the children's contact logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-caseload.h"

G_BEGIN_DECLS

#define PLC_TYPE_CONTACTS_VIEW (plc_contacts_view_get_type ())

G_DECLARE_FINAL_TYPE (PlcContactsView, plc_contacts_view, PLC, CONTACTS_VIEW, AdwBin)

GtkWidget   *plc_contacts_view_new              (void);
PlcCaseload *plc_contacts_view_get_caseload     (PlcContactsView *self);
void         plc_contacts_view_set_caseload     (PlcContactsView *self,
                                                 PlcCaseload     *caseload);
void         plc_contacts_view_show_contact_log (PlcContactsView *self,
                                                 gint64           child_id);
void         plc_contacts_view_focus_search     (PlcContactsView *self);

G_END_DECLS
