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
 * @PLC_ERROR_NOT_SUPPORTED: the store's backend cannot do this (such as
 *   backing up a server's database to a file)
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
  PLC_ERROR_NOT_SUPPORTED,
} PlcError;

GQuark plc_error_quark (void);

G_END_DECLS
