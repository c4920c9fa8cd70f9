/* plc-sqlite-store-interchange.c: importing into and exporting from the SQLCipher store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlcipher/sqlite3.h>

#include "plc-error.h"
#include "plc-ref.h"
#include "plc-sqlite-store-private.h"

/* Import and export */

static gboolean
same_columns (const RecordKind   *kind,
              GObject            *a,
              GObject            *b,
              const char * const *ignore)
{
  for (guint i = 0; kind->columns[i] != NULL; i++)
    {
      const char *prop = kind->columns[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), prop);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (ignore != NULL && g_strv_contains (ignore, prop))
        continue;

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, prop, &va);
      g_object_get_property (b, prop, &vb);

      /* A boxed spec compares pointers: compare the lists themselves */
      if (pspec->value_type == G_TYPE_STRV)
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);
          static const char * const none[] = { NULL };

          if (!g_strv_equal (sa != NULL ? sa : none, sb != NULL ? sb : none))
            return FALSE;
          continue;
        }

      if (g_param_values_cmp (pspec, &va, &vb) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_links (PlcContact *a,
            PlcContact *b)
{
  GPtrArray *la = plc_contact_get_links (a);
  GPtrArray *lb = plc_contact_get_links (b);

  if (la->len != lb->len)
    return FALSE;

  for (guint i = 0; i < la->len; i++)
    {
      PlcContactLink *x = g_ptr_array_index (la, i);
      PlcContactLink *y = g_ptr_array_index (lb, i);

      if (x->child_id != y->child_id || x->placement_id != y->placement_id || x->role != y->role)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_event (PlcDeviationEvent *a,
            PlcDeviationEvent *b)
{
  return g_strcmp0 (a->at, b->at) == 0 &&
         g_strcmp0 (a->user, b->user) == 0 &&
         a->status == b->status &&
         a->escalation_step == b->escalation_step &&
         g_strcmp0 (a->note, b->note) == 0;
}

/* Sets the history of @incoming to the stored history of @existing followed
 * by the events of @incoming that are not stored yet; returns how many were
 * new. */
static guint
merge_history (PlcDeviation *existing,
               PlcDeviation *incoming)
{
  GPtrArray *stored = plc_deviation_get_history (existing);
  GPtrArray *file = plc_deviation_get_history (incoming);
  g_autoptr(GPtrArray) merged = g_ptr_array_new ();
  guint n_new = 0;

  for (guint i = 0; i < stored->len; i++)
    g_ptr_array_add (merged, plc_deviation_event_copy (g_ptr_array_index (stored, i)));

  for (guint i = 0; i < file->len; i++)
    {
      PlcDeviationEvent *event = g_ptr_array_index (file, i);
      gboolean found = FALSE;

      for (guint j = 0; j < stored->len && !found; j++)
        found = same_event (event, g_ptr_array_index (stored, j));

      if (!found)
        {
          g_ptr_array_add (merged, plc_deviation_event_copy (event));
          n_new++;
        }
    }

  g_ptr_array_set_size (file, 0);
  for (guint i = 0; i < merged->len; i++)
    plc_deviation_add_event (incoming, g_ptr_array_index (merged, i));

  return n_new;
}

static const char * const step_ignored[] = { "recorded-by", "recorded-at", "reopened", NULL };

/* The file does not carry a log entry's contact (ids belong to one
 * database), so it is not compared. */
static const char * const contact_log_ignored[] = { "contact-id", NULL };

/* Imports one record inside the caller's transaction: inserted when new,
 * updated when different, left alone when the same. */
static gboolean
import_record (PlcSqliteStore    *self,
               const RecordKind  *kind,
               GObject           *incoming,
               PlcDate            today,
               GError           **error)
{
  g_autoptr(GObject) copy = G_OBJECT (plc_record_copy (PLC_RECORD (incoming)));
  g_autoptr(GObject) existing = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *ref = _plc_sqlite_dup_string_prop (copy, "ref");

  /* Ids belong to one database: only the references count. */
  g_object_set (copy, "id", (gint64)0, "version", (gint64)0, NULL);
  for (guint i = 0; i < kind->n_refs; i++)
    g_object_set (copy, kind->refs[i].id_prop, (gint64)0, NULL);
  if (kind == &_plc_sqlite_kinds[KIND_CONTACT])
    {
      GPtrArray *links = plc_contact_get_links (PLC_CONTACT (copy));

      for (guint i = 0; i < links->len; i++)
        {
          PlcContactLink *lnk = g_ptr_array_index (links, i);

          lnk->child_id = 0;
          lnk->placement_id = 0;
        }
      if (!_plc_sqlite_resolve_link_refs (self, PLC_CONTACT (copy), error))
        goto failed;
    }
  else if (kind == &_plc_sqlite_kinds[KIND_CONTACT_LOG])
    plc_contact_log_entry_set_contact_id (PLC_CONTACT_LOG_ENTRY (copy), 0);

  if (!_plc_sqlite_resolve_refs (self, kind, copy, error))
    goto failed;

  if (kind == &_plc_sqlite_kinds[KIND_STEP])
    rows = _plc_sqlite_query_records (self, kind, "WHERE placement_id = ?1 AND rule = ?2 AND occurrence = ?3",
                                      plc_step_status_get_placement_id (PLC_STEP_STATUS (copy)),
                                      plc_step_status_get_rule (PLC_STEP_STATUS (copy)),
                                      plc_step_status_get_occurrence (PLC_STEP_STATUS (copy)), error);
  else if (kind == &_plc_sqlite_kinds[KIND_CONTACT_LOG])
    rows = _plc_sqlite_query_records (self, kind, "WHERE child_id = ?1 ORDER BY id",
                                      plc_contact_log_entry_get_child_id (PLC_CONTACT_LOG_ENTRY (copy)),
                                      NULL, 0, error);
  else if (ref != NULL && ref[0] != '\0')
    rows = _plc_sqlite_query_records (self, kind, "WHERE ref = ?2", 0, ref, 0, error);
  else
    rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (rows == NULL)
    goto failed;

  for (guint i = 0; i < rows->len && existing == NULL; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);

      if (kind != &_plc_sqlite_kinds[KIND_CONTACT_LOG] || same_columns (kind, row, copy, contact_log_ignored))
        existing = g_object_ref (row);
    }

  if (existing != NULL)
    {
      const char * const *ignored = NULL;
      gboolean changed;

      if (kind == &_plc_sqlite_kinds[KIND_STEP])
        ignored = step_ignored;
      else if (kind == &_plc_sqlite_kinds[KIND_CONTACT_LOG])
        ignored = contact_log_ignored;

      changed = !same_columns (kind, existing, copy, ignored);

      if (kind == &_plc_sqlite_kinds[KIND_CONTACT])
        changed |= !same_links (PLC_CONTACT (existing), PLC_CONTACT (copy));
      else if (kind == &_plc_sqlite_kinds[KIND_DEVIATION])
        changed |= merge_history (PLC_DEVIATION (existing), PLC_DEVIATION (copy)) > 0;

      if (!changed)
        return TRUE;

      g_object_set (copy,
                    "id", _plc_sqlite_get_int64_prop (existing, "id"),
                    "version", _plc_sqlite_get_int64_prop (existing, "version"),
                    NULL);
      if (ref == NULL || ref[0] == '\0')
        {
          g_autofree char *stored_ref = _plc_sqlite_dup_string_prop (existing, "ref");

          g_object_set (copy, "ref", stored_ref, NULL);
        }
    }

  if (!_plc_sqlite_save_record (self, kind, copy, today, error))
    goto failed;

  return TRUE;

failed:
  g_prefix_error (error,
                  /* Translators: %s is a record's reference, or its kind when it has none */
                  _("Record “%s”: "),
                  ref != NULL && ref[0] != '\0' ? plc_ref_for_message (ref) : kind->record_type);
  return FALSE;
}

static gboolean
import_placements (PlcSqliteStore *self,
                   GPtrArray      *placements,
                   PlcDate         today,
                   GError        **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  gboolean progress = TRUE;

  for (guint i = 0; i < placements->len; i++)
    g_ptr_array_add (pending, g_ptr_array_index (placements, i));

  /* A placement comes after the one it replaced, wherever that is in the
   * file: import those whose previous placement is known, and again with
   * those left, until none is left or no more can be. */
  while (pending->len > 0 && progress)
    {
      g_autoptr(GPtrArray) later = g_ptr_array_new ();

      progress = FALSE;

      for (guint i = 0; i < pending->len; i++)
        {
          PlcPlacement *placement = g_ptr_array_index (pending, i);
          const char *previous = plc_placement_get_previous_ref (placement);

          if (previous != NULL && previous[0] != '\0')
            {
              gint64 previous_id = _plc_sqlite_lookup_id_by_ref (self, "placements", previous, error);

              if (previous_id < 0)
                return FALSE;
              if (previous_id == 0)
                {
                  g_ptr_array_add (later, placement);
                  continue;
                }
            }

          if (!import_record (self, &_plc_sqlite_kinds[KIND_PLACEMENT], G_OBJECT (placement), today, error))
            return FALSE;
          progress = TRUE;
        }

      g_ptr_array_unref (pending);
      pending = g_steal_pointer (&later);
    }

  if (pending->len > 0)
    {
      PlcPlacement *placement = g_ptr_array_index (pending, 0);

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the first %s is a placement's reference, the second the reference it points to */
                   _("Record “%s”: the previous placement “%s” does not exist"),
                   plc_ref_for_message (plc_placement_get_ref (placement)),
                   plc_ref_for_message (plc_placement_get_previous_ref (placement)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_all (PlcSqliteStore    *self,
            const RecordKind  *kind,
            GPtrArray         *records,
            PlcDate            today,
            GError           **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!import_record (self, kind, g_ptr_array_index (records, i), today, error))
      return FALSE;

  return TRUE;
}

/* PlcStoreClass::import: all of it in one transaction, or nothing */
gboolean
_plc_sqlite_store_import (PlcStore    *store,
                          PlcDataset  *dataset,
                          GError     **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  /* Once: finding it loads the time zone */
  PlcDate today = plc_date_today ();

  if (!_plc_sqlite_begin (self, error) || !_plc_sqlite_check_quickly (self, _("nothing was imported"), error))
    return FALSE;

  if (!import_all (self, &_plc_sqlite_kinds[KIND_CHILD], plc_dataset_get_children (dataset), today, &local_error) ||
      !import_placements (self, plc_dataset_get_placements (dataset), today, &local_error) ||
      !import_all (self, &_plc_sqlite_kinds[KIND_STEP], plc_dataset_get_step_statuses (dataset), today, &local_error) ||
      !import_all (self, &_plc_sqlite_kinds[KIND_CONTACT], plc_dataset_get_contacts (dataset), today, &local_error) ||
      !import_all (self, &_plc_sqlite_kinds[KIND_CONTACT_LOG], plc_dataset_get_contact_log (dataset), today,
                   &local_error) ||
      !import_all (self, &_plc_sqlite_kinds[KIND_DEVIATION], plc_dataset_get_deviations (dataset), today,
                   &local_error) ||
      !_plc_sqlite_write_audit (self, "import", "database", 0, NULL, &local_error) ||
      !_plc_sqlite_log_change (self, PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET, &local_error) ||
      !_plc_sqlite_commit (self, &local_error))
    {
      _plc_sqlite_rollback (self);
      g_debug ("Import failed, nothing was changed (error %d)", local_error->code);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_kind (PlcSqliteStore    *self,
             const RecordKind  *kind,
             const char        *where,
             GPtrArray         *into,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = _plc_sqlite_list_records (self, kind, where, 0, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (rows, i)));

  return TRUE;
}

/* PlcStoreClass::export */
PlcDataset *
_plc_sqlite_store_export (PlcStore  *store,
                          GError   **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(PlcDataset) dataset = NULL;

  dataset = plc_dataset_new ();

  if (!export_kind (self, &_plc_sqlite_kinds[KIND_CHILD], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_children (dataset), error) ||
      !export_kind (self, &_plc_sqlite_kinds[KIND_PLACEMENT],
                    "WHERE deleted = 0 AND child_id IN (SELECT id FROM children WHERE deleted = 0) ORDER BY id",
                    plc_dataset_get_placements (dataset), error) ||
      !export_kind (self, &_plc_sqlite_kinds[KIND_STEP],
                    "WHERE placement_id IN (SELECT p.id FROM placements p JOIN children c ON c.id = p.child_id"
                    " WHERE p.deleted = 0 AND c.deleted = 0) ORDER BY id",
                    plc_dataset_get_step_statuses (dataset), error) ||
      !export_kind (self, &_plc_sqlite_kinds[KIND_CONTACT], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_contacts (dataset), error) ||
      !export_kind (self, &_plc_sqlite_kinds[KIND_CONTACT_LOG],
                    "WHERE deleted = 0 AND child_id IN (SELECT id FROM children WHERE deleted = 0) ORDER BY id",
                    plc_dataset_get_contact_log (dataset), error) ||
      !export_kind (self, &_plc_sqlite_kinds[KIND_DEVIATION], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_deviations (dataset), error))
    return NULL;

  /* The export is logged; a damaged file is not written to, not even for
   * that (what can still be read is not made worse). */
  if (!_plc_sqlite_begin (self, error) ||
      !_plc_sqlite_check_quickly (self, _("nothing was exported"), error))
    return NULL;

  if (!_plc_sqlite_write_audit (self, "export", "database", 0, NULL, error))
    {
      _plc_sqlite_rollback (self);
      return NULL;
    }

  if (!_plc_sqlite_commit (self, error))
    return NULL;

  return g_steal_pointer (&dataset);
}
