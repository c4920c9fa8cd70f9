/* plc-municipality.h: Sweden's municipalities and regions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PlcMunicipality:
 * @code: SCB's four-digit kommunkod, such as "2080"
 * @name: the short name without "kommun" or "stad", such as "Falun"
 * @county_code: the two-digit länskod, such as "20"; the first two digits of @code
 *
 * One of Sweden's 290 municipalities. Owned by the module and valid for the
 * lifetime of the process; compare them by pointer.
 */
typedef struct _PlcMunicipality
{
  const char *code;
  const char *name;
  const char *county_code;
} PlcMunicipality;

/**
 * PlcRegion:
 * @county_code: the two-digit länskod, such as "20"
 * @name: the region's official name, such as "Region Dalarna"
 * @county_name: the county's name, such as "Dalarnas län"
 * @short_name: the name in everyday use, such as "Dalarna"
 *
 * One of Sweden's 21 regions, each covering one county. Owned by the module and
 * valid for the lifetime of the process; compare them by pointer.
 */
typedef struct _PlcRegion
{
  const char *county_code;
  const char *name;
  const char *county_name;
  const char *short_name;
} PlcRegion;

const PlcMunicipality *plc_municipality_all        (guint                 *n_municipalities);
const PlcMunicipality *plc_municipality_get        (const char            *code);
const PlcMunicipality *plc_municipality_lookup     (const char            *text,
                                                    GError               **error);

const PlcRegion       *plc_region_all              (guint                 *n_regions);
const PlcRegion       *plc_region_get              (const char            *county_code);
const PlcRegion       *plc_region_lookup           (const char            *text,
                                                    GError               **error);
const PlcRegion       *plc_region_for_municipality (const PlcMunicipality *municipality);

G_END_DECLS
