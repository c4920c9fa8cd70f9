/* plc-keyring-private.h: the keyring for the application's other secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same rules as for database keys (plc-keyring.h): no prompting, the
 * same errors, and libsecret's password API inside a Flatpak sandbox.
 * Used by plc-pg-password.c for the passwords of unit servers.
 */

#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

SecretValue *_plc_keyring_lookup (const SecretSchema  *schema,
                                  GHashTable          *attributes,
                                  GCancellable        *cancellable,
                                  GError             **error);
gboolean     _plc_keyring_store  (const SecretSchema  *schema,
                                  GHashTable          *attributes,
                                  const char          *label,
                                  SecretValue         *value,
                                  GCancellable        *cancellable,
                                  GError             **error);
gboolean     _plc_keyring_clear  (const SecretSchema  *schema,
                                  GHashTable          *attributes,
                                  gboolean            *out_found,
                                  GCancellable        *cancellable,
                                  GError             **error);

G_END_DECLS
