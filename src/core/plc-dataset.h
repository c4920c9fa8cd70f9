/* plc-dataset.h: an in-memory graph of records, passed between import/export and the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-deviation.h"
#include "plc-placement.h"
#include "plc-step-status.h"

G_BEGIN_DECLS

#define PLC_TYPE_DATASET (plc_dataset_get_type ())

G_DECLARE_FINAL_TYPE (PlcDataset, plc_dataset, PLC, DATASET, GObject)

/*
 * Each getter returns the dataset's own array (transfer none), which owns
 * its elements: append with g_ptr_array_add (arr, g_object_ref (obj)).
 * In a dataset, records point to each other by ref (child_ref,
 * placement_ref, previous_ref, the links' child_ref / placement_ref),
 * never by id: ids belong to one database.
 */

PlcDataset *plc_dataset_new                (void);

GPtrArray  *plc_dataset_get_children       (PlcDataset *self);
GPtrArray  *plc_dataset_get_placements     (PlcDataset *self);
GPtrArray  *plc_dataset_get_step_statuses  (PlcDataset *self);
GPtrArray  *plc_dataset_get_contacts       (PlcDataset *self);
GPtrArray  *plc_dataset_get_contact_log    (PlcDataset *self);
GPtrArray  *plc_dataset_get_deviations     (PlcDataset *self);

G_END_DECLS
