/* plc-contact-filter.h: which contacts the directory shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plc-contact.h"

G_BEGIN_DECLS

#define PLC_TYPE_CONTACT_FILTER (plc_contact_filter_get_type ())

G_DECLARE_FINAL_TYPE (PlcContactFilter, plc_contact_filter, PLC, CONTACT_FILTER, GtkFilter)

/* No role: every contact, whatever its roles. */
#define PLC_CONTACT_FILTER_ANY_ROLE (-1)

PlcContactFilter *plc_contact_filter_new             (void);
const char       *plc_contact_filter_get_search      (PlcContactFilter *self);
void              plc_contact_filter_set_search      (PlcContactFilter *self,
                                                      const char       *search);
int               plc_contact_filter_get_role        (PlcContactFilter *self);
void              plc_contact_filter_set_role        (PlcContactFilter *self,
                                                      int               role);
void              plc_contact_filter_set_child_names (PlcContactFilter *self,
                                                      GHashTable       *child_names);
gboolean          plc_contact_filter_match_contact   (PlcContactFilter *self,
                                                      PlcContact       *contact);

G_END_DECLS
