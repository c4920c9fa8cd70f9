/* plc-record.c: what every stored record has: id, version, ref, deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-record"

#include "config.h"

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-deviation.h"
#include "plc-model-private.h"
#include "plc-placement.h"
#include "plc-record.h"
#include "plc-step-status.h"

/* The nicks are the record types of the audit log: never change one. */
G_DEFINE_ENUM_TYPE (PlcRecordType, plc_record_type,
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_CHILD, "child"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_PLACEMENT, "placement"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_STEP_STATUS, "step"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_CONTACT_LOG_ENTRY, "contact-log"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_DEVIATION, "deviation"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_ROUTINE_OFFSET, "routine-offset"),
  G_DEFINE_ENUM_VALUE (PLC_RECORD_TYPE_DATABASE, "database"))

/**
 * plc_record_type_to_string:
 *
 * Returns: (nullable): the record type's nick, such as `child`; %NULL for a
 *   value out of range
 */
const char *
plc_record_type_to_string (PlcRecordType record_type)
{
  return _plc_enum_to_string (PLC_TYPE_RECORD_TYPE, (int) record_type);
}

/**
 * plc_record_type_from_string:
 * @text: a record type's nick
 * @out: (out): where to store the record type
 *
 * Returns: %TRUE if @text is exactly a nick; *@out is left alone otherwise
 */
gboolean
plc_record_type_from_string (const char    *text,
                             PlcRecordType *out)
{
  return _plc_enum_from_string (PLC_TYPE_RECORD_TYPE, text, (int *) out);
}

/**
 * plc_record_type_get_gtype:
 *
 * Returns: the #PlcRecord subclass of a record type, or %G_TYPE_INVALID for
 *   %PLC_RECORD_TYPE_ROUTINE_OFFSET and %PLC_RECORD_TYPE_DATABASE
 */
GType
plc_record_type_get_gtype (PlcRecordType record_type)
{
  switch (record_type)
    {
    case PLC_RECORD_TYPE_CHILD:
      return PLC_TYPE_CHILD;
    case PLC_RECORD_TYPE_PLACEMENT:
      return PLC_TYPE_PLACEMENT;
    case PLC_RECORD_TYPE_STEP_STATUS:
      return PLC_TYPE_STEP_STATUS;
    case PLC_RECORD_TYPE_CONTACT:
      return PLC_TYPE_CONTACT;
    case PLC_RECORD_TYPE_CONTACT_LOG_ENTRY:
      return PLC_TYPE_CONTACT_LOG_ENTRY;
    case PLC_RECORD_TYPE_DEVIATION:
      return PLC_TYPE_DEVIATION;
    case PLC_RECORD_TYPE_ROUTINE_OFFSET:
    case PLC_RECORD_TYPE_DATABASE:
    default:
      return G_TYPE_INVALID;
    }
}

typedef struct
{
  gint64    id;
  gint64    version;
  char     *ref;
  gboolean  deleted;
} PlcRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlcRecord, plc_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_REF,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_record_finalize (GObject *object)
{
  PlcRecord *self = (PlcRecord *)object;
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_clear_pointer (&priv->ref, g_free);

  G_OBJECT_CLASS (plc_record_parent_class)->finalize (object);
}

static void
plc_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlcRecord *self = PLC_RECORD (object);
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;

    case PROP_REF:
      g_value_set_string (value, priv->ref);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PlcRecord *self = PLC_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      plc_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      plc_record_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      plc_record_set_ref (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      plc_record_set_deleted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_record_class_init (PlcRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_record_finalize;
  object_class->get_property = plc_record_get_property;
  object_class->set_property = plc_record_set_property;

  /**
   * PlcRecord:id:
   *
   * The database id; 0 until the record is first stored.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcRecord:version:
   *
   * The stored version, incremented by the store on each save; 0 until
   * first stored.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcRecord:ref:
   *
   * The external reference, unique per record type; made by the store when
   * empty.  A step status may have none: it is matched by its placement,
   * rule and occurrence.
   */
  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcRecord:deleted:
   *
   * Whether the record is soft-deleted.  Step statuses are never deleted.
   */
  properties [PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_record_init (PlcRecord *self)
{
}

/**
 * plc_record_get_record_type:
 *
 * Returns: which kind of record @self is
 */
PlcRecordType
plc_record_get_record_type (PlcRecord *self)
{
  g_return_val_if_fail (PLC_IS_RECORD (self), PLC_RECORD_TYPE_DATABASE);

  return PLC_RECORD_GET_CLASS (self)->record_type;
}

/**
 * plc_record_copy:
 * @self: a #PlcRecord
 *
 * Makes a deep copy: id, version, ref, deleted and every field of the
 * subclass, so that the stored version can be kept beside an edited one.
 *
 * Returns: (transfer full): a new record of the same type
 */
PlcRecord *
plc_record_copy (PlcRecord *self)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);
  PlcRecordPrivate *copy_priv;
  PlcRecord *copy;

  g_return_val_if_fail (PLC_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = plc_record_get_instance_private (copy);
  copy_priv->id = priv->id;
  copy_priv->version = priv->version;
  copy_priv->ref = g_strdup (priv->ref);
  copy_priv->deleted = priv->deleted;

  if (PLC_RECORD_GET_CLASS (self)->copy_fields != NULL)
    PLC_RECORD_GET_CLASS (self)->copy_fields (self, copy);

  return copy;
}

gint64
plc_record_get_id (PlcRecord *self)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_val_if_fail (PLC_IS_RECORD (self), 0);

  return priv->id;
}

void
plc_record_set_id (PlcRecord *self,
                   gint64     id)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_if_fail (PLC_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
plc_record_get_version (PlcRecord *self)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_val_if_fail (PLC_IS_RECORD (self), 0);

  return priv->version;
}

void
plc_record_set_version (PlcRecord *self,
                        gint64     version)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_if_fail (PLC_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  if (priv->version == version)
    return;

  priv->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
plc_record_get_ref (PlcRecord *self)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_val_if_fail (PLC_IS_RECORD (self), NULL);

  return priv->ref;
}

/**
 * plc_record_set_ref:
 * @ref: (nullable): the reference; an empty string stores %NULL
 */
void
plc_record_set_ref (PlcRecord  *self,
                    const char *ref)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_if_fail (PLC_IS_RECORD (self));

  if (_plc_set_string (&priv->ref, ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

gboolean
plc_record_get_deleted (PlcRecord *self)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_val_if_fail (PLC_IS_RECORD (self), FALSE);

  return priv->deleted;
}

void
plc_record_set_deleted (PlcRecord *self,
                        gboolean   deleted)
{
  PlcRecordPrivate *priv = plc_record_get_instance_private (self);

  g_return_if_fail (PLC_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;

  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED]);
}
