/* plc-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLC_ERROR (plc_error_quark ())

/**
 * PlcError:
 * @PLC_ERROR_INVALID: input failed validation; the message names the field
 * @PLC_ERROR_NOT_FOUND: no such record, profile or municipality
 * @PLC_ERROR_KEYRING_UNAVAILABLE: no Secret Service could be reached
 * @PLC_ERROR_KEYRING_LOCKED: the keyring is locked
 * @PLC_ERROR_KEYRING_NO_KEY: the keyring holds no key for this database
 * @PLC_ERROR_STORE: the database failed
 * @PLC_ERROR_STALE: a save was made from a stale copy
 * @PLC_ERROR_FAILED: anything else
 * @PLC_ERROR_AUTH_FAILED: a unit server refused the user name or password
 * @PLC_ERROR_UNREACHABLE: a unit server could not be reached, or the
 *   connection to it was lost
 * @PLC_ERROR_PERMISSION_DENIED: a unit server does not let the user do
 *   this (their role, or a unit that is not theirs)
 * @PLC_ERROR_SECRET_PORTAL_MISSING: inside the Flatpak sandbox, the desktop
 *   does not provide the Secret portal that keeps the database key
 */
typedef enum
{
  PLC_ERROR_INVALID,
  PLC_ERROR_NOT_FOUND,
  PLC_ERROR_KEYRING_UNAVAILABLE,
  PLC_ERROR_KEYRING_LOCKED,
  PLC_ERROR_KEYRING_NO_KEY,
  PLC_ERROR_STORE,
  PLC_ERROR_STALE,
  PLC_ERROR_FAILED,
  PLC_ERROR_AUTH_FAILED,
  PLC_ERROR_UNREACHABLE,
  PLC_ERROR_PERMISSION_DENIED,
  PLC_ERROR_SECRET_PORTAL_MISSING,
} PlcError;

GQuark plc_error_quark (void);

G_END_DECLS
