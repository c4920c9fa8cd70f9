/* plc-types.h: small enumerations shared across the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLC_LEGAL_GENDER_UNKNOWN,
  PLC_LEGAL_GENDER_FEMALE,
  PLC_LEGAL_GENDER_MALE,
} PlcLegalGender;

G_END_DECLS
