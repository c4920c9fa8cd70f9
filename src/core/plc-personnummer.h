/* plc-personnummer.h: Swedish personal identity and coordination numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-types.h"

G_BEGIN_DECLS

/**
 * PlcPersonnummer:
 * @normalized: the number as `YYYYMMDD-NNNC`: always 12 digits and a '-',
 *   whatever form was typed, and even for a person aged 100 or more. For a
 *   samordningsnummer, DD is the day plus 60, as in the number itself.
 * @birth_date: the birth date the number encodes (for a samordningsnummer,
 *   the day minus 60). Rarely, the Tax Agency gave a nearby day when a day's
 *   birth numbers ran out, so treat it as the registered birth date.
 * @legal_gender: from the ninth of the ten digits: odd for male, even for
 *   female (folkbokföringslagen 18 §, 18 a §)
 * @coordination: %TRUE for a samordningsnummer (day 61 to 91)
 *
 * A valid personnummer or samordningsnummer, as filled in by
 * plc_personnummer_parse(). A plain struct: copy it by value.
 */
typedef struct
{
  char            normalized[14];
  GDate           birth_date;
  PlcLegalGender  legal_gender;
  gboolean        coordination;
} PlcPersonnummer;

gboolean plc_personnummer_parse (const char      *text,
                                 const GDate     *today,
                                 PlcPersonnummer *out,
                                 GError         **error);
int      plc_personnummer_luhn  (const char      *nine_digits);
gboolean plc_personnummer_find  (const char      *text);

G_END_DECLS
