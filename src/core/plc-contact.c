/* plc-contact.c: a person or unit the caseworker deals with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contact"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-contact.h"
#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"

G_DEFINE_BOXED_TYPE (PlcContactLink, plc_contact_link,
                     plc_contact_link_copy, plc_contact_link_free)

/**
 * plc_contact_link_new:
 *
 * Returns: (transfer full): a new link with no child, no placement and the
 *   role %PLC_CONTACT_ROLE_OTHER; free it with plc_contact_link_free()
 */
PlcContactLink *
plc_contact_link_new (void)
{
  PlcContactLink *link = g_new0 (PlcContactLink, 1);

  link->role = PLC_CONTACT_ROLE_OTHER;

  return link;
}

/**
 * plc_contact_link_copy:
 * @link: a #PlcContactLink
 *
 * Returns: (transfer full): a deep copy of @link
 */
PlcContactLink *
plc_contact_link_copy (const PlcContactLink *link)
{
  PlcContactLink *copy;

  g_return_val_if_fail (link != NULL, NULL);

  copy = g_new0 (PlcContactLink, 1);
  copy->child_id = link->child_id;
  copy->child_ref = g_strdup (link->child_ref);
  copy->placement_id = link->placement_id;
  copy->placement_ref = g_strdup (link->placement_ref);
  copy->role = link->role;

  return copy;
}

/**
 * plc_contact_link_free:
 * @link: (nullable): a #PlcContactLink
 *
 * Frees @link and its strings.
 */
void
plc_contact_link_free (PlcContactLink *link)
{
  if (link == NULL)
    return;

  g_free (link->child_ref);
  g_free (link->placement_ref);
  g_free (link);
}

struct _PlcContact
{
  GObject parent_instance;

  gint64    id;
  gint64    version;
  char     *ref;
  gboolean  deleted;
  char     *name;
  char     *organisation;
  char     *phone;
  char     *email;
  char     *address;

  GPtrArray *links;
};

G_DEFINE_FINAL_TYPE (PlcContact, plc_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_REF,
  PROP_DELETED,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_contact_finalize (GObject *object)
{
  PlcContact *self = (PlcContact *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_contact_parent_class)->finalize (object);
}

static void
plc_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlcContact *self = PLC_CONTACT (object);

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

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlcContact *self = PLC_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      plc_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      plc_contact_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      plc_contact_set_ref (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      plc_contact_set_deleted (self, g_value_get_boolean (value));
      break;

    case PROP_NAME:
      plc_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      plc_contact_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      plc_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      plc_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      plc_contact_set_address (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_class_init (PlcContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_contact_finalize;
  object_class->get_property = plc_contact_get_property;
  object_class->set_property = plc_contact_set_property;

  /**
   * PlcContact:id:
   *
   * The database id; 0 until the record is first stored.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:version:
   *
   * The stored version, incremented by the store on each save; 0 until first stored.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:ref:
   *
   * The external reference, unique per record type; generated by the store when empty.
   */
  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:deleted:
   *
   * Whether the record is soft-deleted.
   */
  properties [PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:name:
   *
   * The name of the person or unit.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:organisation:
   *
   * The organisation, or %NULL.
   */
  properties [PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:phone:
   *
   * The phone number, or %NULL.
   */
  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:email:
   *
   * The email address, or %NULL.
   */
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcContact:address:
   *
   * The postal address, or %NULL.
   */
  properties [PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_contact_init (PlcContact *self)
{
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_contact_link_free);
}

/**
 * plc_contact_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcContact
 */
PlcContact *
plc_contact_new (void)
{
  return g_object_new (PLC_TYPE_CONTACT, NULL);
}

/**
 * plc_contact_copy:
 * @self: a #PlcContact
 *
 * Makes a deep copy: id, version, ref and every field, so that the stored
 * version can be kept beside an edited one.
 *
 * Returns: (transfer full): a new #PlcContact
 */
PlcContact *
plc_contact_copy (PlcContact *self)
{
  PlcContact *copy;

  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  copy = plc_contact_new ();

  copy->id = self->id;
  copy->version = self->version;
  copy->ref = g_strdup (self->ref);
  copy->deleted = self->deleted;
  copy->name = g_strdup (self->name);
  copy->organisation = g_strdup (self->organisation);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->address = g_strdup (self->address);

  for (guint i = 0; i < self->links->len; i++)
    g_ptr_array_add (copy->links, plc_contact_link_copy (g_ptr_array_index (self->links, i)));

  return copy;
}

gint64
plc_contact_get_id (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), 0);

  return self->id;
}

void
plc_contact_set_id (PlcContact *self,
                    gint64      id)
{
  g_return_if_fail (PLC_IS_CONTACT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
plc_contact_get_version (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), 0);

  return self->version;
}

void
plc_contact_set_version (PlcContact *self,
                         gint64      version)
{
  g_return_if_fail (PLC_IS_CONTACT (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
plc_contact_get_ref (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->ref;
}

void
plc_contact_set_ref (PlcContact *self,
                     const char *ref)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->ref, ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

gboolean
plc_contact_get_deleted (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), FALSE);

  return self->deleted;
}

void
plc_contact_set_deleted (PlcContact *self,
                         gboolean    deleted)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  deleted = !!deleted;

  if (self->deleted == deleted)
    return;

  self->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED]);
}

const char *
plc_contact_get_name (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->name;
}

void
plc_contact_set_name (PlcContact *self,
                      const char *name)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
plc_contact_get_organisation (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->organisation;
}

void
plc_contact_set_organisation (PlcContact *self,
                              const char *organisation)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANISATION]);
}

const char *
plc_contact_get_phone (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->phone;
}

void
plc_contact_set_phone (PlcContact *self,
                       const char *phone)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
plc_contact_get_email (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->email;
}

void
plc_contact_set_email (PlcContact *self,
                       const char *email)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
plc_contact_get_address (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->address;
}

void
plc_contact_set_address (PlcContact *self,
                         const char *address)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  if (_plc_set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ADDRESS]);
}

/**
 * plc_contact_get_links:
 * @self: a #PlcContact
 *
 * Returns: (transfer none) (element-type PlcContactLink): the links of the
 *   contact to children and placements, owned by @self
 */
GPtrArray *
plc_contact_get_links (PlcContact *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), NULL);

  return self->links;
}

/**
 * plc_contact_add_link:
 * @self: a #PlcContact
 * @link: (transfer full): the link to add
 *
 * Appends @link to the contact's links, taking ownership of it.
 */
void
plc_contact_add_link (PlcContact     *self,
                      PlcContactLink *link)
{
  g_return_if_fail (PLC_IS_CONTACT (self));
  g_return_if_fail (link != NULL);

  g_ptr_array_add (self->links, link);
}

/**
 * plc_contact_clear_links:
 * @self: a #PlcContact
 *
 * Removes all the contact's links.
 */
void
plc_contact_clear_links (PlcContact *self)
{
  g_return_if_fail (PLC_IS_CONTACT (self));

  g_ptr_array_set_size (self->links, 0);
}

/**
 * plc_contact_validate:
 * @self: a #PlcContact
 * @error: return location for a #GError
 *
 * Checks that the contact can be stored: the name is not empty, and the
 * email address, if set, has exactly one “@” with text on both sides.
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the contact is valid
 */
gboolean
plc_contact_validate (PlcContact  *self,
                      GError     **error)
{
  g_return_val_if_fail (PLC_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_ref_validate (_("Reference"), self->ref, error))
    return FALSE;

  for (guint i = 0; i < self->links->len; i++)
    {
      const PlcContactLink *link = g_ptr_array_index (self->links, i);

      if (!plc_ref_validate (_("Child"), link->child_ref, error) ||
          !plc_ref_validate (_("Placement"), link->placement_ref, error))
        return FALSE;
    }

  if (_plc_is_blank (self->name))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Name: must not be empty"));
      return FALSE;
    }

  if (self->email != NULL)
    {
      const char *at = strchr (self->email, '@');

      if (at == NULL || strchr (at + 1, '@') != NULL)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Email: must contain exactly one “@”"));
          return FALSE;
        }

      if (at == self->email || at[1] == '\0')
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Email: needs text both before and after the “@”"));
          return FALSE;
        }
    }

  return TRUE;
}
