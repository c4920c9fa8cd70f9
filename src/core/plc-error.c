/* plc-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-error"

#include "config.h"

#include "plc-error.h"

G_DEFINE_QUARK (plc-error-quark, plc_error)
