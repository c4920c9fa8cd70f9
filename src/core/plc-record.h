/* plc-record.h: what every stored record has: id, version, ref, deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PlcRecordType:
 * @PLC_RECORD_TYPE_CHILD: a #PlcChild ("child")
 * @PLC_RECORD_TYPE_PLACEMENT: a #PlcPlacement ("placement")
 * @PLC_RECORD_TYPE_STEP_STATUS: a #PlcStepStatus ("step")
 * @PLC_RECORD_TYPE_CONTACT: a #PlcContact ("contact")
 * @PLC_RECORD_TYPE_CONTACT_LOG_ENTRY: a #PlcContactLogEntry ("contact-log")
 * @PLC_RECORD_TYPE_DEVIATION: a #PlcDeviation ("deviation")
 * @PLC_RECORD_TYPE_ROUTINE_OFFSET: a unit's local routine offset of a
 *   profile's rule, a #PlcRoutineOffset; not a #PlcRecord and without an
 *   id ("routine-offset")
 * @PLC_RECORD_TYPE_DATABASE: the database as a whole ("database")
 *
 * The kinds of things a store keeps.  The nicks are the record types of the
 * audit log (plc_store_list_audit()) and of the change notifications
 * (#PlcStore::changed).
 */
typedef enum
{
  PLC_RECORD_TYPE_CHILD,
  PLC_RECORD_TYPE_PLACEMENT,
  PLC_RECORD_TYPE_STEP_STATUS,
  PLC_RECORD_TYPE_CONTACT,
  PLC_RECORD_TYPE_CONTACT_LOG_ENTRY,
  PLC_RECORD_TYPE_DEVIATION,
  PLC_RECORD_TYPE_ROUTINE_OFFSET,
  PLC_RECORD_TYPE_DATABASE,
} PlcRecordType;

#define PLC_TYPE_RECORD_TYPE (plc_record_type_get_type ())

GType          plc_record_type_get_type      (void) G_GNUC_CONST;
const char    *plc_record_type_to_string     (PlcRecordType  record_type);
gboolean       plc_record_type_from_string   (const char    *text,
                                              PlcRecordType *out);
GType          plc_record_type_get_gtype     (PlcRecordType  record_type);

#define PLC_TYPE_RECORD (plc_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (PlcRecord, plc_record, PLC, RECORD, GObject)

/**
 * PlcRecordClass:
 * @record_type: which kind of record the subclass is
 * @copy_fields: copies the subclass's own fields from @self into @copy, a
 *   new record of the same type whose #PlcRecord fields are copied already
 *
 * The class of the six record types.  A subclass adds only what is its own.
 */
struct _PlcRecordClass
{
  GObjectClass   parent_class;

  PlcRecordType  record_type;

  void         (*copy_fields) (PlcRecord *self,
                               PlcRecord *copy);

  /*< private >*/
  gpointer       padding[8];
};

PlcRecordType  plc_record_get_record_type    (PlcRecord     *self);
PlcRecord     *plc_record_copy               (PlcRecord     *self);

gint64         plc_record_get_id             (PlcRecord     *self);
void           plc_record_set_id             (PlcRecord     *self,
                                              gint64         id);
gint64         plc_record_get_version        (PlcRecord     *self);
void           plc_record_set_version        (PlcRecord     *self,
                                              gint64         version);
const char    *plc_record_get_ref            (PlcRecord     *self);
void           plc_record_set_ref            (PlcRecord     *self,
                                              const char    *ref);
gboolean       plc_record_get_deleted        (PlcRecord     *self);
void           plc_record_set_deleted        (PlcRecord     *self,
                                              gboolean       deleted);

/*
 * PLC_DEFINE_RECORD_ACCESSORS:
 *
 * The accessors of a record type's #PlcRecord fields under its own name
 * (plc_child_get_id(), plc_child_set_ref(), ...), type-checked, as inline
 * calls of the plc_record_*() functions.
 */
#define PLC_DEFINE_RECORD_ACCESSORS(TypeName, type_name)                                   \
  static inline gint64 type_name##_get_id (TypeName *self)                                 \
  { return plc_record_get_id (PLC_RECORD (self)); }                                        \
  static inline void type_name##_set_id (TypeName *self, gint64 id)                        \
  { plc_record_set_id (PLC_RECORD (self), id); }                                           \
  static inline gint64 type_name##_get_version (TypeName *self)                            \
  { return plc_record_get_version (PLC_RECORD (self)); }                                   \
  static inline void type_name##_set_version (TypeName *self, gint64 version)              \
  { plc_record_set_version (PLC_RECORD (self), version); }                                 \
  static inline const char *type_name##_get_ref (TypeName *self)                           \
  { return plc_record_get_ref (PLC_RECORD (self)); }                                       \
  static inline void type_name##_set_ref (TypeName *self, const char *ref)                 \
  { plc_record_set_ref (PLC_RECORD (self), ref); }                                         \
  static inline gboolean type_name##_get_deleted (TypeName *self)                          \
  { return plc_record_get_deleted (PLC_RECORD (self)); }                                   \
  static inline void type_name##_set_deleted (TypeName *self, gboolean deleted)            \
  { plc_record_set_deleted (PLC_RECORD (self), deleted); }

G_END_DECLS
