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

#include "plc-store-private.h"

G_BEGIN_DECLS

#define PLC_STORE_KEY_LENGTH 32
#define PLC_STORE_BUSY_TIMEOUT_MS 5000

struct _PlcStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  int      schema_version;

  /* The _async calls: one job at a time, in the order they were made, on
   * a pool of at most one thread.  job_lock is held around each job and by
   * plc_store_close(), so that closing waits for the job that is running. */
  GThreadPool *jobs;
  GMutex       job_lock;
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
_plc_sqlite_prepare (PlcStore      *self,
                     const char    *sql,
                     sqlite3_stmt **stmt,
                     GError       **error);

gboolean
_plc_sqlite_begin (PlcStore  *self,
                   GError   **error);

gboolean
_plc_sqlite_commit (PlcStore  *self,
                    GError   **error);

gboolean
_plc_sqlite_rollback (PlcStore *self);

gboolean
_plc_sqlite_check_quickly (PlcStore    *self,
                           const char  *consequence,
                           GError     **error);

/* plc-sqlite-store-schema.c: the schema and its migrations */
gboolean
_plc_sqlite_migrate (PlcStore  *self,
                     int        target,
                     GError   **error);

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
  gpointer          (*copy)     (gpointer object);
  gboolean            has_deleted;
  const char * const *columns;
  const RefLink      *refs;
  guint               n_refs;
  const char         *stale_message;
  const char         *not_found_message;
} RecordKind;

enum {
  KIND_CHILD,
  KIND_PLACEMENT,
  KIND_STEP,
  KIND_CONTACT,
  KIND_CONTACT_LOG,
  KIND_DEVIATION,
  N_KINDS
};

extern const RecordKind _plc_sqlite_kinds[N_KINDS];

gboolean
_plc_sqlite_write_audit (PlcStore    *self,
                         const char  *action,
                         const char  *record_type,
                         gint64       record_id,
                         const char  *record_ref,
                         GError     **error);

gint64
_plc_sqlite_lookup_id_by_ref (PlcStore    *self,
                              const char  *table,
                              const char  *ref,
                              GError     **error);

gint64
_plc_sqlite_get_int64_prop (gpointer    object,
                            const char *prop);

char *
_plc_sqlite_dup_string_prop (gpointer    object,
                             const char *prop);

gboolean
_plc_sqlite_resolve_refs (PlcStore          *self,
                          const RecordKind  *kind,
                          GObject           *object,
                          GError           **error);

GPtrArray *
_plc_sqlite_query_records (PlcStore          *self,
                           const RecordKind  *kind,
                           const char        *where,
                           gint64             arg_int,
                           const char        *arg_text,
                           GError           **error);

gboolean
_plc_sqlite_resolve_link_refs (PlcStore    *self,
                               PlcContact  *contact,
                               GError     **error);

gboolean
_plc_sqlite_save_record (PlcStore          *self,
                         const RecordKind  *kind,
                         GObject           *object,
                         GError           **error);

gboolean
_plc_sqlite_save_one (PlcStore          *self,
                      const RecordKind  *kind,
                      GObject           *object,
                      GError           **error);

GPtrArray *
_plc_sqlite_list_records (PlcStore          *self,
                          const RecordKind  *kind,
                          const char        *where,
                          gint64             arg_int,
                          GError           **error);

gboolean
_plc_sqlite_set_deleted (PlcStore          *self,
                         const RecordKind  *kind,
                         gint64             id,
                         gboolean           deleted,
                         GError           **error);

gboolean
_plc_sqlite_set_routine_offset (PlcStore                *self,
                                const PlcRoutineOffset  *offset,
                                GError                 **error);

G_END_DECLS
