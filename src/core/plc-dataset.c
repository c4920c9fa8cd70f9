/* plc-dataset.c: an in-memory graph of records, passed between import/export and the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-dataset"

#include "config.h"

#include "plc-dataset.h"

struct _PlcDataset
{
  GObject parent_instance;

  GPtrArray *children;
  GPtrArray *placements;
  GPtrArray *step_statuses;
  GPtrArray *contacts;
  GPtrArray *contact_log;
  GPtrArray *deviations;
};

G_DEFINE_FINAL_TYPE (PlcDataset, plc_dataset, G_TYPE_OBJECT)

static void
plc_dataset_finalize (GObject *object)
{
  PlcDataset *self = (PlcDataset *)object;

  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_ptr_array_unref);
  g_clear_pointer (&self->step_statuses, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->contact_log, g_ptr_array_unref);
  g_clear_pointer (&self->deviations, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_dataset_parent_class)->finalize (object);
}

static void
plc_dataset_class_init (PlcDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_dataset_finalize;
}

static void
plc_dataset_init (PlcDataset *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  self->placements = g_ptr_array_new_with_free_func (g_object_unref);
  self->step_statuses = g_ptr_array_new_with_free_func (g_object_unref);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->contact_log = g_ptr_array_new_with_free_func (g_object_unref);
  self->deviations = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * plc_dataset_new:
 *
 * Returns: (transfer full): a new, empty dataset
 */
PlcDataset *
plc_dataset_new (void)
{
  return g_object_new (PLC_TYPE_DATASET, NULL);
}

/**
 * plc_dataset_get_children:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcChild): the children
 */
GPtrArray *
plc_dataset_get_children (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->children;
}

/**
 * plc_dataset_get_placements:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcPlacement): the placements,
 *   which point to their children by #PlcPlacement:child-ref
 */
GPtrArray *
plc_dataset_get_placements (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->placements;
}

/**
 * plc_dataset_get_step_statuses:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcStepStatus): the recorded step
 *   statuses, which point to their placements by #PlcStepStatus:placement-ref
 */
GPtrArray *
plc_dataset_get_step_statuses (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->step_statuses;
}

/**
 * plc_dataset_get_contacts:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcContact): the contacts
 */
GPtrArray *
plc_dataset_get_contacts (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->contacts;
}

/**
 * plc_dataset_get_contact_log:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcContactLogEntry): the contact
 *   log entries, which point to their children by
 *   #PlcContactLogEntry:child-ref
 */
GPtrArray *
plc_dataset_get_contact_log (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->contact_log;
}

/**
 * plc_dataset_get_deviations:
 * @self: a #PlcDataset
 *
 * Returns: (transfer none) (element-type PlcDeviation): the deviations
 */
GPtrArray *
plc_dataset_get_deviations (PlcDataset *self)
{
  g_return_val_if_fail (PLC_IS_DATASET (self), NULL);

  return self->deviations;
}
