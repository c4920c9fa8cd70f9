/* plc-child.h: a child placed in care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-date.h"
#include "plc-enums.h"
#include "plc-record.h"
#include "plc-types.h"

G_BEGIN_DECLS

#define PLC_TYPE_CHILD (plc_child_get_type ())

G_DECLARE_FINAL_TYPE (PlcChild, plc_child, PLC, CHILD, PlcRecord)

PLC_DEFINE_RECORD_ACCESSORS (PlcChild, plc_child)

/*
 * Properties (all read-write, notified only on change):
 *   PlcRecord's "id", "version", "ref" and "deleted", and
 *   "name", "personnummer" (nullable), "temporary-ref" (nullable),
 *   "birth-date" (guint: a PlcDate), "legal-gender" (PlcLegalGender),
 *   "home-municipality", "registration-municipality" (nullable),
 *   "asylum-seeker", "unaccompanied", "lss", "undocumented" (booleans),
 *   "interpreter-language" (nullable), "unit" (nullable: a unit server's
 *   unit code).
 * Setting an empty string stores NULL.
 */

PlcChild       *plc_child_new                           (void);
PlcChild       *plc_child_copy                          (PlcChild    *self);

const char     *plc_child_get_name                      (PlcChild    *self);
void            plc_child_set_name                      (PlcChild    *self,
                                                         const char  *name);
const char     *plc_child_get_personnummer              (PlcChild    *self);
void            plc_child_set_personnummer              (PlcChild    *self,
                                                         const char  *personnummer);
gboolean        plc_child_set_personnummer_text         (PlcChild    *self,
                                                         const char  *text,
                                                         PlcDate      today,
                                                         GError     **error);
const char     *plc_child_get_temporary_ref             (PlcChild    *self);
void            plc_child_set_temporary_ref             (PlcChild    *self,
                                                         const char  *temporary_ref);
PlcDate         plc_child_get_birth_date                (PlcChild    *self);
void            plc_child_set_birth_date                (PlcChild    *self,
                                                         PlcDate      birth_date);
PlcLegalGender  plc_child_get_legal_gender              (PlcChild    *self);
void            plc_child_set_legal_gender              (PlcChild    *self,
                                                         PlcLegalGender legal_gender);
const char     *plc_child_get_home_municipality         (PlcChild    *self);
void            plc_child_set_home_municipality         (PlcChild    *self,
                                                         const char  *code);
const char     *plc_child_get_registration_municipality (PlcChild    *self);
void            plc_child_set_registration_municipality (PlcChild    *self,
                                                         const char  *code);
gboolean        plc_child_get_asylum_seeker             (PlcChild    *self);
void            plc_child_set_asylum_seeker             (PlcChild    *self,
                                                         gboolean     asylum_seeker);
gboolean        plc_child_get_undocumented              (PlcChild    *self);
void            plc_child_set_undocumented              (PlcChild    *self,
                                                         gboolean     undocumented);
gboolean        plc_child_get_unaccompanied             (PlcChild    *self);
void            plc_child_set_unaccompanied             (PlcChild    *self,
                                                         gboolean     unaccompanied);
gboolean        plc_child_get_lss                       (PlcChild    *self);
void            plc_child_set_lss                       (PlcChild    *self,
                                                         gboolean     lss);
const char     *plc_child_get_interpreter_language      (PlcChild    *self);
void            plc_child_set_interpreter_language      (PlcChild    *self,
                                                         const char  *language);
const char     *plc_child_get_unit                      (PlcChild    *self);
void            plc_child_set_unit                      (PlcChild    *self,
                                                         const char  *unit);

gboolean        plc_child_validate                      (PlcChild    *self,
                                                         PlcDate      today,
                                                         GError     **error);

gboolean        plc_unit_code_is_valid                  (const char  *code);

G_END_DECLS
