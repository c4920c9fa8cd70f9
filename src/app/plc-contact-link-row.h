/* plc-contact-link-row.h: a child a contact is linked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLC_TYPE_CONTACT_LINK_ROW (plc_contact_link_row_get_type ())

G_DECLARE_FINAL_TYPE (PlcContactLinkRow, plc_contact_link_row, PLC, CONTACT_LINK_ROW, AdwActionRow)

GtkWidget *plc_contact_link_row_new           (gint64             child_id,
                                               const char        *child_name,
                                               const char        *description,
                                               gboolean           removable);
gint64     plc_contact_link_row_get_child_id  (PlcContactLinkRow *self);
gboolean   plc_contact_link_row_get_removable (PlcContactLinkRow *self);

G_END_DECLS
