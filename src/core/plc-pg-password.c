/* plc-pg-password.c: the passwords of unit servers, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-pg-password"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "plc-error.h"
#include "plc-keyring-private.h"
#include "plc-pg-password.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    .name = PLC_PG_PASSWORD_SCHEMA_NAME,
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static GHashTable *
password_attributes (PlcPgAddress *address)
{
  return secret_attributes_build (password_schema (),
                                  "server", plc_pg_address_get_host (address),
                                  "port", plc_pg_address_get_port (address),
                                  "database", plc_pg_address_get_database (address),
                                  "user", plc_pg_address_get_user (address),
                                  NULL);
}

/**
 * plc_pg_password_lookup:
 * @address: the server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks up the password of @address's user on @address's server, never
 * asking to unlock the keyring.  %PLC_ERROR_KEYRING_NO_KEY when there is
 * none (the user has not logged in); the other errors as for
 * plc_keyring_lookup_key().  This blocks on D-Bus.
 *
 * Returns: (transfer full): the password; free it with
 *   plc_pg_password_free(), which wipes it
 */
char *
plc_pg_password_lookup (PlcPgAddress  *address,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  GError *local_error = NULL;
  const char *text;
  gsize length = 0;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  attributes = password_attributes (address);
  value = _plc_keyring_lookup (password_schema (), attributes, cancellable, &local_error);
  if (value == NULL)
    {
      if (g_error_matches (local_error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY))
        {
          g_autofree char *where = plc_pg_address_describe (address);

          g_clear_error (&local_error);
          g_set_error (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY,
                       /* Translators: %s is a user on a server, “kim@server.example:5432/placeringar” */
                       _("The keyring holds no password for %s: log in to the server first."),
                       where);
          return NULL;
        }

      g_propagate_error (error, local_error);
      return NULL;
    }

  text = secret_value_get (value, &length);
  if (text == NULL || length == 0 || memchr (text, '\0', length) != NULL ||
      !g_utf8_validate (text, (gssize) length, NULL))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_FAILED,
                           _("The server password in the keyring is damaged: log in to the server again."));
      return NULL;
    }

  return g_strndup (text, length);
}

/**
 * plc_pg_password_store:
 * @address: the server
 * @password: the password of @address's user
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Keeps @password in the keyring for @address's user and server,
 * replacing the one kept before.  Nothing is stored when the keyring is
 * locked (%PLC_ERROR_KEYRING_LOCKED).  This blocks on D-Bus.
 *
 * Returns: %TRUE if it was stored
 */
gboolean
plc_pg_password_store (PlcPgAddress  *address,
                       const char    *password,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *where = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (password != NULL && password[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  attributes = password_attributes (address);
  value = secret_value_new (password, -1, "text/plain");
  where = plc_pg_address_describe (address);
  /* Translators: name of a keyring item (seen in Passwords and Keys); %s is a user on a server */
  label = g_strdup_printf (_("Placements server password (%s)"), where);

  return _plc_keyring_store (password_schema (), attributes, label, value, cancellable, error);
}

/**
 * plc_pg_password_delete:
 * @address: the server
 * @out_found: (out) (optional): whether a password was kept
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes the password of @address's user and server from the keyring.
 * Having none is not an error.  This blocks on D-Bus.
 *
 * Returns: %TRUE if the keyring holds no such password afterwards
 */
gboolean
plc_pg_password_delete (PlcPgAddress  *address,
                        gboolean      *out_found,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  attributes = password_attributes (address);
  return _plc_keyring_clear (password_schema (), attributes, out_found, cancellable, error);
}

/**
 * plc_pg_password_free:
 * @password: (nullable): a password
 *
 * Overwrites @password with zeros and frees it.
 */
void
plc_pg_password_free (char *password)
{
  if (password == NULL)
    return;

  explicit_bzero (password, strlen (password));
  g_free (password);
}
