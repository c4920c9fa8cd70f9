/* plc-sqlite-store-changes.c: the SQLCipher store's change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every transaction that changes something writes what it changed to the
 * table change_log, in the same transaction, and announces it to its own
 * store's listeners once committed.  Every other connection to the file (in
 * this process or another: the application while placeringar-cli marks a
 * step) learns of it by polling: PRAGMA data_version tells, cheaply,
 * whether another connection committed since the last look, and then the
 * rows after the last one seen tell what.  Rows are grouped by the
 * connection and transaction that wrote them, so that each committed
 * transaction is announced as one PlcStore::changed.  Only the latest rows
 * are kept; a connection that missed pruned rows announces a reset.
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlcipher/sqlite3.h>

#include "plc-error.h"
#include "plc-sqlite-store-private.h"

/* How many rows of the change log are kept: far more than are written
 * between two looks of a connection that is awake. */
#define CHANGE_LOG_KEEP 10000

static gboolean
has_change_log (PlcSqliteStore *self)
{
  return self->schema_version >= PLC_SQLITE_CHANGE_LOG_VERSION;
}

static gint64
query_int64 (PlcSqliteStore  *self,
             const char      *sql,
             gint64           arg,
             gint64           fallback,
             GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret = fallback;
  int rc;

  if (!_plc_sqlite_prepare (self, sql, &stmt, error))
    return -1;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ret = sqlite3_column_int64 (stmt, 0);
  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the change log"), error);
      return -1;
    }

  return ret;
}

/* When the store is opened: the changes before now are not news. */
gboolean
_plc_sqlite_changes_init (PlcSqliteStore  *self,
                          GError         **error)
{
  self->writer = ((gint64) g_random_int () << 31) ^ g_random_int ();
  self->txn = 0;

  if (!has_change_log (self))
    return TRUE;

  self->data_version = query_int64 (self, "PRAGMA data_version", 0, 0, error);
  if (self->data_version < 0)
    return FALSE;

  self->last_seq = query_int64 (self, "SELECT max(seq) FROM change_log", 0, 0, error);

  return self->last_seq >= 0;
}

/* At BEGIN: a new transaction, nothing changed yet */
void
_plc_sqlite_changes_begin (PlcSqliteStore *self)
{
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->txn++;
}

/* Inside a write transaction: notes a change in the change log, to be
 * announced when the transaction commits. */
gboolean
_plc_sqlite_log_change (PlcSqliteStore  *self,
                        PlcRecordType    record_type,
                        gint64           id,
                        PlcChangeKind    kind,
                        GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->changes == NULL)
    self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_change_free);
  g_ptr_array_add (self->changes, plc_change_new (record_type, id, kind));

  /* A database left at an older schema, for the migration tests */
  if (!has_change_log (self))
    return TRUE;

  if (!_plc_sqlite_prepare (self,
                            "INSERT INTO change_log (writer, txn, record_type, record_id, kind)"
                            " VALUES (?, ?, ?, ?, ?)",
                            &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->writer);
  sqlite3_bind_int64 (stmt, 2, self->txn);
  sqlite3_bind_text (stmt, 3, plc_record_type_to_string (record_type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_text (stmt, 5, plc_change_kind_to_string (kind), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (self->db, rc, _("writing the change log"), error);

  return TRUE;
}

/* Just before COMMIT: the oldest rows go.  A connection that had not read
 * them yet announces a reset instead. */
gboolean
_plc_sqlite_changes_prune (PlcSqliteStore  *self,
                           GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->changes == NULL || !has_change_log (self))
    return TRUE;

  if (!_plc_sqlite_prepare (self,
                            "DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - ?",
                            &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, CHANGE_LOG_KEEP);
  rc = sqlite3_step (stmt);
  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (self->db, rc, _("writing the change log"), error);

  return TRUE;
}

/* After COMMIT: what this transaction changed */
void
_plc_sqlite_changes_committed (PlcSqliteStore *self)
{
  if (self->changes != NULL)
    _plc_store_announce (PLC_STORE (self), g_steal_pointer (&self->changes));
}

/* After ROLLBACK: nothing happened */
void
_plc_sqlite_changes_rolled_back (PlcSqliteStore *self)
{
  g_clear_pointer (&self->changes, g_ptr_array_unref);
}

static GPtrArray *
reset_changes (void)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_change_free);

  g_ptr_array_add (changes, plc_change_new (PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET));

  return changes;
}

/* Reads the rows after the last one seen; the caller holds a read
 * transaction.  Each other connection's transaction is announced. */
static gboolean
read_new_rows (PlcSqliteStore  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 min_seq, max_seq;
  gint64 writer = 0, txn = 0;
  int rc;

  min_seq = query_int64 (self, "SELECT min(seq) FROM change_log", 0, 0, error);
  max_seq = query_int64 (self, "SELECT max(seq) FROM change_log", 0, 0, error);
  if (min_seq < 0 || max_seq < 0)
    return FALSE;

  /* Rows were pruned before this connection read them, or the file is not
   * the one it was (a restore made it anew): anything may have changed. */
  if (max_seq < self->last_seq || (max_seq > self->last_seq && min_seq > self->last_seq + 1))
    {
      g_debug ("The change log has moved on by more than was kept: announcing a reset");
      self->last_seq = max_seq;
      _plc_store_announce (PLC_STORE (self), reset_changes ());
      return TRUE;
    }

  if (!_plc_sqlite_prepare (self,
                            "SELECT seq, writer, txn, record_type, record_id, kind FROM change_log"
                            " WHERE seq > ? ORDER BY seq",
                            &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->last_seq);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_writer = sqlite3_column_int64 (stmt, 1);
      gint64 row_txn = sqlite3_column_int64 (stmt, 2);
      PlcRecordType record_type;
      PlcChangeKind kind;

      self->last_seq = sqlite3_column_int64 (stmt, 0);

      /* This connection's own, announced when it committed them */
      if (row_writer == self->writer)
        continue;

      /* The rows of one transaction follow each other: there is one
       * writer at a time. */
      if (changes != NULL && (row_writer != writer || row_txn != txn))
        _plc_store_announce (PLC_STORE (self), g_steal_pointer (&changes));
      writer = row_writer;
      txn = row_txn;

      /* Written by a newer version of Placements: say that anything may
       * have changed rather than guess. */
      if (!plc_record_type_from_string ((const char *) sqlite3_column_text (stmt, 3), &record_type) ||
          !plc_change_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &kind))
        {
          record_type = PLC_RECORD_TYPE_DATABASE;
          kind = PLC_CHANGE_KIND_RESET;
        }

      if (changes == NULL)
        changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_change_free);
      g_ptr_array_add (changes, plc_change_new (record_type,
                                                kind == PLC_CHANGE_KIND_RESET ? 0 : sqlite3_column_int64 (stmt, 4),
                                                kind));
    }

  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (self->db, rc, _("reading the change log"), error);

  if (changes != NULL)
    _plc_store_announce (PLC_STORE (self), g_steal_pointer (&changes));

  return TRUE;
}

/* PlcStoreClass::poll_changes */
gboolean
_plc_sqlite_store_poll_changes (PlcStore  *store,
                                GError   **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  gint64 data_version;
  gboolean ok;

  if (!has_change_log (self))
    return TRUE;

  /* Changes only when another connection committed since the last look */
  data_version = query_int64 (self, "PRAGMA data_version", 0, 0, error);
  if (data_version < 0)
    return FALSE;
  if (data_version == self->data_version)
    return TRUE;

  /* One snapshot for the bounds and the rows */
  if (!_plc_sqlite_exec (self->db, "BEGIN", _("reading the change log"), error))
    return FALSE;

  ok = read_new_rows (self, error);
  sqlite3_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  /* What was committed after data_version was read shows next time */
  if (ok)
    self->data_version = data_version;

  return ok;
}
