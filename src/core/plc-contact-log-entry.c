/* plc-contact-log-entry.c: one entry in a child's contact log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contact-log-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-contact-log-entry.h"
#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"

struct _PlcContactLogEntry
{
  GObject parent_instance;

  gint64             id;
  gint64             version;
  char              *ref;
  gboolean           deleted;
  gint64             child_id;
  char              *child_ref;
  PlcDate            date;
  PlcContactLogKind  kind;
  gint64             contact_id;
  char              *with_whom;
  char              *note;
  char              *recorded_by;
  char              *recorded_at;
};

G_DEFINE_FINAL_TYPE (PlcContactLogEntry, plc_contact_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_REF,
  PROP_DELETED,
  PROP_CHILD_ID,
  PROP_CHILD_REF,
  PROP_DATE,
  PROP_KIND,
  PROP_CONTACT_ID,
  PROP_WITH_WHOM,
  PROP_NOTE,
  PROP_RECORDED_BY,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_contact_log_entry_finalize (GObject *object)
{
  PlcContactLogEntry *self = (PlcContactLogEntry *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->child_ref, g_free);
  g_clear_pointer (&self->with_whom, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_pointer (&self->recorded_at, g_free);

  G_OBJECT_CLASS (plc_contact_log_entry_parent_class)->finalize (object);
}

static void
plc_contact_log_entry_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlcContactLogEntry *self = PLC_CONTACT_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;

    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;

    case PROP_CHILD_REF:
      g_value_set_string (value, self->child_ref);
      break;

    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_WITH_WHOM:
      g_value_set_string (value, self->with_whom);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;

    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_log_entry_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlcContactLogEntry *self = PLC_CONTACT_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      plc_contact_log_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      plc_contact_log_entry_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      plc_contact_log_entry_set_ref (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      plc_contact_log_entry_set_deleted (self, g_value_get_boolean (value));
      break;

    case PROP_CHILD_ID:
      plc_contact_log_entry_set_child_id (self, g_value_get_int64 (value));
      break;

    case PROP_CHILD_REF:
      plc_contact_log_entry_set_child_ref (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      plc_contact_log_entry_set_date (self, g_value_get_uint (value));
      break;

    case PROP_KIND:
      plc_contact_log_entry_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CONTACT_ID:
      plc_contact_log_entry_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_WITH_WHOM:
      plc_contact_log_entry_set_with_whom (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      plc_contact_log_entry_set_note (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_BY:
      plc_contact_log_entry_set_recorded_by (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_AT:
      plc_contact_log_entry_set_recorded_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_log_entry_class_init (PlcContactLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_contact_log_entry_finalize;
  object_class->get_property = plc_contact_log_entry_get_property;
  object_class->set_property = plc_contact_log_entry_set_property;

  /**
   * PlcContactLogEntry:id:
   *
   * The database id; 0 until the record is first stored.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:version:
   *
   * The stored version, incremented by the store on each save; 0 until first stored.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:ref:
   *
   * The external reference, unique per record type; generated by the store when empty.
   */
  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:deleted:
   *
   * Whether the record is soft-deleted.
   */
  properties [PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:child-id:
   *
   * The id of the child.
   */
  properties [PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:child-ref:
   *
   * The ref of the child (used in datasets).
   */
  properties [PROP_CHILD_REF] =
    g_param_spec_string ("child-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:date:
   *
   * The date of the contact, a #PlcDate.
   */
  properties [PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:kind:
   *
   * The kind of contact.
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PLC_TYPE_CONTACT_LOG_KIND, PLC_CONTACT_LOG_KIND_CALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:contact-id:
   *
   * The id of the contact, or 0 for none.
   */
  properties [PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:with-whom:
   *
   * Whom the contact was with, or %NULL.
   */
  properties [PROP_WITH_WHOM] =
    g_param_spec_string ("with-whom", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:note:
   *
   * The note, or %NULL.
   */
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:recorded-by:
   *
   * The user (OS account) who wrote the entry.
   */
  properties [PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContactLogEntry:recorded-at:
   *
   * When the entry was written, as an ISO 8601 UTC timestamp.
   */
  properties [PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_contact_log_entry_init (PlcContactLogEntry *self)
{
  self->kind = PLC_CONTACT_LOG_KIND_CALL;
}

/**
 * plc_contact_log_entry_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcContactLogEntry
 */
PlcContactLogEntry *
plc_contact_log_entry_new (void)
{
  return g_object_new (PLC_TYPE_CONTACT_LOG_ENTRY, NULL);
}

/**
 * plc_contact_log_entry_copy:
 * @self: a #PlcContactLogEntry
 *
 * Makes a deep copy: id, version, ref and every field, so that the stored
 * version can be kept beside an edited one.
 *
 * Returns: (transfer full): a new #PlcContactLogEntry
 */
PlcContactLogEntry *
plc_contact_log_entry_copy (PlcContactLogEntry *self)
{
  PlcContactLogEntry *copy;

  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  copy = plc_contact_log_entry_new ();

  copy->id = self->id;
  copy->version = self->version;
  copy->ref = g_strdup (self->ref);
  copy->deleted = self->deleted;
  copy->child_id = self->child_id;
  copy->child_ref = g_strdup (self->child_ref);
  copy->date = self->date;
  copy->kind = self->kind;
  copy->contact_id = self->contact_id;
  copy->with_whom = g_strdup (self->with_whom);
  copy->note = g_strdup (self->note);
  copy->recorded_by = g_strdup (self->recorded_by);
  copy->recorded_at = g_strdup (self->recorded_at);

  return copy;
}

gint64
plc_contact_log_entry_get_id (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), 0);

  return self->id;
}

void
plc_contact_log_entry_set_id (PlcContactLogEntry *self,
                              gint64              id)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
plc_contact_log_entry_get_version (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), 0);

  return self->version;
}

void
plc_contact_log_entry_set_version (PlcContactLogEntry *self,
                                   gint64              version)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
plc_contact_log_entry_get_ref (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->ref;
}

void
plc_contact_log_entry_set_ref (PlcContactLogEntry *self,
                               const char         *ref)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->ref, ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

gboolean
plc_contact_log_entry_get_deleted (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), FALSE);

  return self->deleted;
}

void
plc_contact_log_entry_set_deleted (PlcContactLogEntry *self,
                                   gboolean            deleted)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  deleted = !!deleted;

  if (self->deleted == deleted)
    return;

  self->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED]);
}

gint64
plc_contact_log_entry_get_child_id (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), 0);

  return self->child_id;
}

void
plc_contact_log_entry_set_child_id (PlcContactLogEntry *self,
                                    gint64              child_id)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));
  g_return_if_fail (child_id >= 0);

  if (self->child_id == child_id)
    return;

  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD_ID]);
}

const char *
plc_contact_log_entry_get_child_ref (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->child_ref;
}

void
plc_contact_log_entry_set_child_ref (PlcContactLogEntry *self,
                                     const char         *child_ref)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->child_ref, child_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD_REF]);
}

PlcDate
plc_contact_log_entry_get_date (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), PLC_DATE_NONE);

  return self->date;
}

void
plc_contact_log_entry_set_date (PlcContactLogEntry *self,
                                PlcDate             date)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (self->date == date)
    return;

  self->date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

PlcContactLogKind
plc_contact_log_entry_get_kind (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), PLC_CONTACT_LOG_KIND_CALL);

  return self->kind;
}

void
plc_contact_log_entry_set_kind (PlcContactLogEntry *self,
                                PlcContactLogKind   kind)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));
  g_return_if_fail (plc_contact_log_kind_to_string (kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
plc_contact_log_entry_get_contact_id (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), 0);

  return self->contact_id;
}

void
plc_contact_log_entry_set_contact_id (PlcContactLogEntry *self,
                                      gint64              contact_id)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));
  g_return_if_fail (contact_id >= 0);

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_ID]);
}

const char *
plc_contact_log_entry_get_with_whom (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->with_whom;
}

void
plc_contact_log_entry_set_with_whom (PlcContactLogEntry *self,
                                     const char         *with_whom)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->with_whom, with_whom))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WITH_WHOM]);
}

const char *
plc_contact_log_entry_get_note (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->note;
}

void
plc_contact_log_entry_set_note (PlcContactLogEntry *self,
                                const char         *note)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
plc_contact_log_entry_get_recorded_by (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->recorded_by;
}

void
plc_contact_log_entry_set_recorded_by (PlcContactLogEntry *self,
                                       const char         *recorded_by)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->recorded_by, recorded_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORDED_BY]);
}

const char *
plc_contact_log_entry_get_recorded_at (PlcContactLogEntry *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), NULL);

  return self->recorded_at;
}

void
plc_contact_log_entry_set_recorded_at (PlcContactLogEntry *self,
                                       const char         *recorded_at)
{
  g_return_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self));

  if (_plc_set_string (&self->recorded_at, recorded_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORDED_AT]);
}

/**
 * plc_contact_log_entry_validate:
 * @self: a #PlcContactLogEntry
 * @error: return location for a #GError
 *
 * Checks that the entry can be stored: it has a date, and says whom the
 * contact was with or has a note (or both).
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the entry is valid
 */
gboolean
plc_contact_log_entry_validate (PlcContactLogEntry  *self,
                                GError             **error)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LOG_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_ref_validate (_("Reference"), self->ref, error) ||
      !plc_ref_validate (_("Child"), self->child_ref, error))
    return FALSE;

  if (self->date == PLC_DATE_NONE)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Date: must be set"));
      return FALSE;
    }

  if (_plc_is_blank (self->note) && _plc_is_blank (self->with_whom))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Note: must not be empty when “With whom” is empty"));
      return FALSE;
    }

  return TRUE;
}
