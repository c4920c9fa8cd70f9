/* plc-contact.h: a person or unit the caseworker deals with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-enums.h"
#include "plc-record.h"

G_BEGIN_DECLS

/**
 * PlcContactLink:
 * @child_id: the child's id, 0 when not stored (or in a dataset)
 * @child_ref: the child's ref
 * @placement_id: the placement's id, 0 for none
 * @placement_ref: the placement's ref, %NULL for none
 * @role: the contact's role for the child
 *
 * Links a contact to a child (and optionally one of its placements) in a role.
 */
typedef struct
{
  gint64          child_id;
  char           *child_ref;
  gint64          placement_id;
  char           *placement_ref;
  PlcContactRole  role;
} PlcContactLink;

#define PLC_TYPE_CONTACT_LINK (plc_contact_link_get_type ())

GType           plc_contact_link_get_type (void) G_GNUC_CONST;
PlcContactLink *plc_contact_link_new      (void);
PlcContactLink *plc_contact_link_copy     (const PlcContactLink *link);
void            plc_contact_link_free     (PlcContactLink       *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcContactLink, plc_contact_link_free)

#define PLC_TYPE_CONTACT (plc_contact_get_type ())

G_DECLARE_FINAL_TYPE (PlcContact, plc_contact, PLC, CONTACT, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcContact, plc_contact)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version", "ref" and "deleted", and
 *   "name", "organisation", "phone", "email", "address" (strings).
 * Setting an empty string stores NULL.
 */

PlcContact *plc_contact_new              (void);
PlcContact *plc_contact_copy             (PlcContact      *self);

const char *plc_contact_get_name         (PlcContact      *self);
void        plc_contact_set_name         (PlcContact      *self,
                                          const char      *name);
const char *plc_contact_get_organisation (PlcContact      *self);
void        plc_contact_set_organisation (PlcContact      *self,
                                          const char      *organisation);
const char *plc_contact_get_phone        (PlcContact      *self);
void        plc_contact_set_phone        (PlcContact      *self,
                                          const char      *phone);
const char *plc_contact_get_email        (PlcContact      *self);
void        plc_contact_set_email        (PlcContact      *self,
                                          const char      *email);
const char *plc_contact_get_address      (PlcContact      *self);
void        plc_contact_set_address      (PlcContact      *self,
                                          const char      *address);

GPtrArray  *plc_contact_get_links        (PlcContact      *self);
void        plc_contact_add_link         (PlcContact      *self,
                                          PlcContactLink  *link);
void        plc_contact_clear_links      (PlcContact      *self);

gboolean    plc_contact_validate         (PlcContact      *self,
                                          GError         **error);

G_END_DECLS
