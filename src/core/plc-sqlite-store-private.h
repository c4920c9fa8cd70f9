/* plc-sqlite-store-private.h: what the files of the SQLCipher store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every SQL statement of the application lives in the files that include
 * this header.  The rest of the code speaks to the store in model objects,
 * so that a shared PostgreSQL store can later sit behind the same interface.
 */

#pragma once

#include <sqlcipher/sqlite3.h>

#include "plc-sqlite-store.h"
#include "plc-store-private.h"

G_BEGIN_DECLS

#define PLC_STORE_KEY_LENGTH 32
#define PLC_STORE_BUSY_TIMEOUT_MS 5000

/* The page cache, in KiB when negative (SQLite's rule): SQLCipher's
 * default of 2,000 pages of 1 KiB is 3% of a county's 70 MB file, and
 * every page read again is decrypted again. */
#define PLC_STORE_CACHE_SIZE -32768

/* The first schema with the change log */
#define PLC_SQLITE_CHANGE_LOG_VERSION 5

struct _PlcSqliteStore
{
  PlcStore    parent_instance;

  sqlite3    *db;
  int         schema_version;
  GHashTable *statements;  /* SQL (by address) → sqlite3_stmt, prepared once */
  GHashTable *kept;        /* the statements of that cache */
  GHashTable *queries;     /* a kind's select and a WHERE (by their addresses) → SQL */

  /* The change log (plc-sqlite-store-changes.c): this connection's random
   * id and its transactions' count, the changes of the transaction under
   * way, and how far it has read what others wrote */
  gint64      writer;
  gint64      txn;
  GPtrArray  *changes;
  gint64      last_seq;
  gint64      data_version;
};

/* plc-sqlite-store.c: opening, errors, statements, transactions */
gboolean
_plc_sqlite_set_error (sqlite3     *db,
                       int          rc,
                       const char  *what,
                       GError     **error);

gboolean
_plc_sqlite_exec (sqlite3     *db,
                  const char  *sql,
                  const char  *what,
                  GError     **error);

int
_plc_sqlite_query_int (sqlite3    *db,
                       const char *sql,
                       int         fallback);

gboolean
_plc_sqlite_prepare (PlcSqliteStore *self,
                     const char     *sql,
                     sqlite3_stmt  **stmt,
                     GError        **error);

void
_plc_sqlite_release (PlcSqliteStore *self,
                     sqlite3_stmt   *stmt);

GPtrArray *
_plc_sqlite_store_list_statements (PlcStore *store);

gboolean
_plc_sqlite_begin (PlcSqliteStore *self,
                   GError        **error);

gboolean
_plc_sqlite_commit (PlcSqliteStore *self,
                    GError        **error);

gboolean
_plc_sqlite_rollback (PlcSqliteStore *self);

gboolean
_plc_sqlite_check_quickly (PlcSqliteStore *self,
                           const char     *consequence,
                           GError        **error);

/* plc-sqlite-store-schema.c: the schema and its migrations */
gboolean
_plc_sqlite_migrate (PlcSqliteStore *self,
                     int             target,
                     GError        **error);

/* plc-sqlite-store-records.c: the records, the audit log, routine offsets */

typedef struct
{
  const char *id_prop;    /* e.g. "child-id" */
  const char *ref_prop;   /* e.g. "child-ref" */
  const char *table;      /* the table the id points into */
} RefLink;

typedef struct
{
  const char         *table;
  const char         *record_type;  /* in the audit log, and the ref's prefix */
  GType             (*get_type) (void);
  gboolean            has_deleted;
  const char * const *columns;
  const RefLink      *refs;
  guint               n_refs;
  const char         *stale_message;
  const char         *not_found_message;
} RecordKind;

/* Indexed by PlcRecordType */
enum {
  KIND_CHILD = PLC_RECORD_TYPE_CHILD,
  KIND_PLACEMENT = PLC_RECORD_TYPE_PLACEMENT,
  KIND_STEP = PLC_RECORD_TYPE_STEP_STATUS,
  KIND_CONTACT = PLC_RECORD_TYPE_CONTACT,
  KIND_CONTACT_LOG = PLC_RECORD_TYPE_CONTACT_LOG_ENTRY,
  KIND_DEVIATION = PLC_RECORD_TYPE_DEVIATION,
  N_KINDS
};

extern const RecordKind _plc_sqlite_kinds[N_KINDS];

void _plc_sqlite_records_init_sql (void);

static inline PlcRecordType
_plc_sqlite_kind_type (const RecordKind *kind)
{
  return (PlcRecordType) (kind - _plc_sqlite_kinds);
}

gboolean
_plc_sqlite_write_audit (PlcSqliteStore *self,
                         const char     *action,
                         const char     *record_type,
                         gint64          record_id,
                         const char     *record_ref,
                         GError        **error);

gint64
_plc_sqlite_lookup_id_by_ref (PlcSqliteStore *self,
                              const char     *table,
                              const char     *ref,
                              GError        **error);

gint64
_plc_sqlite_get_int64_prop (gpointer    object,
                            const char *prop);

char *
_plc_sqlite_dup_string_prop (gpointer    object,
                             const char *prop);

gboolean
_plc_sqlite_resolve_refs (PlcSqliteStore    *self,
                          const RecordKind  *kind,
                          GObject           *object,
                          GError           **error);

GPtrArray *
_plc_sqlite_query_records (PlcSqliteStore    *self,
                           const RecordKind  *kind,
                           const char        *where,
                           gint64             arg_int,
                           const char        *arg_text,
                           gint64             arg_int2,
                           GError           **error);

gboolean
_plc_sqlite_resolve_link_refs (PlcSqliteStore *self,
                               PlcContact     *contact,
                               GError        **error);

gboolean
_plc_sqlite_save_record (PlcSqliteStore    *self,
                         const RecordKind  *kind,
                         GObject           *object,
                         PlcDate            today,
                         GError           **error);

gboolean
_plc_sqlite_save_one (PlcSqliteStore    *self,
                      const RecordKind  *kind,
                      GObject           *object,
                      GError           **error);

GPtrArray *
_plc_sqlite_list_records (PlcSqliteStore    *self,
                          const RecordKind  *kind,
                          const char        *where,
                          gint64             arg_int,
                          GError           **error);

gboolean
_plc_sqlite_set_deleted (PlcSqliteStore    *self,
                         const RecordKind  *kind,
                         gint64             id,
                         gboolean           deleted,
                         GError           **error);

/* The virtual functions of PlcStore, in the files by concern */
gboolean       _plc_sqlite_store_save_record          (PlcStore                *store,
                                                       PlcRecord               *record,
                                                       GError                 **error);
PlcRecord     *_plc_sqlite_store_get_record           (PlcStore                *store,
                                                       PlcRecordType            record_type,
                                                       gint64                   id,
                                                       GError                 **error);
PlcRecord     *_plc_sqlite_store_get_record_by_ref    (PlcStore                *store,
                                                       PlcRecordType            record_type,
                                                       const char              *ref,
                                                       GError                 **error);
PlcStepStatus *_plc_sqlite_store_get_step_status      (PlcStore                *store,
                                                       gint64                   placement_id,
                                                       const char              *rule,
                                                       int                      occurrence,
                                                       GError                 **error);
GPtrArray     *_plc_sqlite_store_list_records         (PlcStore                *store,
                                                       PlcRecordType            record_type,
                                                       gint64                   owner_id,
                                                       gboolean                 include_deleted,
                                                       GError                 **error);
gboolean       _plc_sqlite_store_set_deleted          (PlcStore                *store,
                                                       PlcRecordType            record_type,
                                                       gint64                   id,
                                                       gboolean                 deleted,
                                                       GError                 **error);
gboolean       _plc_sqlite_store_record_opened        (PlcStore                *store,
                                                       PlcRecordType            record_type,
                                                       gint64                   id,
                                                       GError                 **error);
GPtrArray     *_plc_sqlite_store_list_audit           (PlcStore                *store,
                                                       PlcDate                  since,
                                                       PlcDate                  until,
                                                       GError                 **error);
gboolean       _plc_sqlite_store_set_routine_offset   (PlcStore                *store,
                                                       const PlcRoutineOffset  *offset,
                                                       GError                 **error);
gboolean       _plc_sqlite_store_clear_routine_offset (PlcStore                *store,
                                                       const char              *profile_id,
                                                       const char              *rule_id,
                                                       GError                 **error);
GPtrArray     *_plc_sqlite_store_list_routine_offsets (PlcStore                *store,
                                                       const char              *profile_id,
                                                       GError                 **error);

/* plc-sqlite-store-interchange.c */
gboolean       _plc_sqlite_store_import               (PlcStore                *store,
                                                       PlcDataset              *dataset,
                                                       GError                 **error);
PlcDataset    *_plc_sqlite_store_export               (PlcStore                *store,
                                                       GError                 **error);

/* plc-sqlite-store-changes.c */
gboolean       _plc_sqlite_changes_init               (PlcSqliteStore          *self,
                                                       GError                 **error);
void           _plc_sqlite_changes_begin              (PlcSqliteStore          *self);
gboolean       _plc_sqlite_log_change                 (PlcSqliteStore          *self,
                                                       PlcRecordType            record_type,
                                                       gint64                   id,
                                                       PlcChangeKind            kind,
                                                       GError                 **error);
gboolean       _plc_sqlite_changes_prune              (PlcSqliteStore          *self,
                                                       GError                 **error);
void           _plc_sqlite_changes_committed          (PlcSqliteStore          *self);
void           _plc_sqlite_changes_rolled_back        (PlcSqliteStore          *self);
gboolean       _plc_sqlite_store_poll_changes         (PlcStore                *store,
                                                       GError                 **error);

/* plc-sqlite-store-backup.c */
gboolean       _plc_sqlite_store_backup               (PlcStore                *store,
                                                       const char              *backup_path,
                                                       const char              *passphrase,
                                                       GError                 **error);

G_END_DECLS
