/* plc-contact-row.h: a contact in the Contacts view's directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-contact.h"

G_BEGIN_DECLS

#define PLC_TYPE_CONTACT_ROW (plc_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcContactRow, plc_contact_row, PLC, CONTACT_ROW, GtkBox)

GtkWidget  *plc_contact_row_new         (void);
PlcContact *plc_contact_row_get_contact (PlcContactRow *self);
void        plc_contact_row_set_contact (PlcContactRow *self,
                                         PlcContact    *contact);

G_END_DECLS
