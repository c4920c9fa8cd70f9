/* plc-store.h: the store, one interface over the database backends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-deviation.h"
#include "plc-placement.h"
#include "plc-record.h"
#include "plc-routine-offset.h"
#include "plc-step-status.h"

G_BEGIN_DECLS

/**
 * PlcAuditEntry:
 * @id: the entry's number; entries are only ever appended
 * @at: when, as an ISO 8601 UTC timestamp (`2026-11-23T09:41:00Z`)
 * @user: the operating-system user who did it
 * @action: `create`, `update`, `delete`, `undelete`, `open`, `import`,
 *   `export`, `backup` or `restore`
 * @record_type: `child`, `placement`, `step`, `contact`, `contact-log`,
 *   `deviation`, `routine-offset` or `database` (the nicks of
 *   #PlcRecordType)
 * @record_id: the record's id, or 0 for the whole database and for a
 *   routine offset (which has no id)
 * @record_ref: (nullable): the record's external reference; for a routine
 *   offset its profile's and rule's ids, `PROFILE/RULE`
 *
 * One line of the audit log.  It never holds personal data: no names, no
 * personal identity numbers, only references and ids.
 */
typedef struct
{
  gint64  id;
  char   *at;
  char   *user;
  char   *action;
  char   *record_type;
  gint64  record_id;
  char   *record_ref;
} PlcAuditEntry;

#define PLC_TYPE_AUDIT_ENTRY (plc_audit_entry_get_type ())

GType          plc_audit_entry_get_type (void) G_GNUC_CONST;
PlcAuditEntry *plc_audit_entry_copy     (const PlcAuditEntry *entry);
void           plc_audit_entry_free     (PlcAuditEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcAuditEntry, plc_audit_entry_free)

/**
 * PlcChangeKind:
 * @PLC_CHANGE_KIND_CREATED: a record was made ("created")
 * @PLC_CHANGE_KIND_UPDATED: a record was changed ("updated")
 * @PLC_CHANGE_KIND_DELETED: a record was soft-deleted ("deleted")
 * @PLC_CHANGE_KIND_UNDELETED: a soft-deleted record was brought back
 *   ("undeleted")
 * @PLC_CHANGE_KIND_RESET: anything may have changed (an import, a restore,
 *   or more changes than the store kept track of): read again whatever
 *   you hold ("reset")
 */
typedef enum
{
  PLC_CHANGE_KIND_CREATED,
  PLC_CHANGE_KIND_UPDATED,
  PLC_CHANGE_KIND_DELETED,
  PLC_CHANGE_KIND_UNDELETED,
  PLC_CHANGE_KIND_RESET,
} PlcChangeKind;

#define PLC_TYPE_CHANGE_KIND (plc_change_kind_get_type ())

GType          plc_change_kind_get_type  (void) G_GNUC_CONST;
const char    *plc_change_kind_to_string (PlcChangeKind  kind);
gboolean       plc_change_kind_from_string (const char  *text,
                                            PlcChangeKind *out);

/**
 * PlcChange:
 * @record_type: what changed: a kind of record, %PLC_RECORD_TYPE_ROUTINE_OFFSET
 *   or, for %PLC_CHANGE_KIND_RESET, %PLC_RECORD_TYPE_DATABASE
 * @id: the record's id; 0 for a routine offset and a reset
 * @kind: how it changed
 *
 * One change of a committed transaction, as #PlcStore::changed announces it.
 */
typedef struct
{
  PlcRecordType  record_type;
  gint64         id;
  PlcChangeKind  kind;
} PlcChange;

#define PLC_TYPE_CHANGE (plc_change_get_type ())

GType          plc_change_get_type       (void) G_GNUC_CONST;
PlcChange     *plc_change_new            (PlcRecordType    record_type,
                                          gint64           id,
                                          PlcChangeKind    kind);
PlcChange     *plc_change_copy           (const PlcChange *change);
void           plc_change_free           (PlcChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcChange, plc_change_free)

#define PLC_TYPE_STORE (plc_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (PlcStore, plc_store, PLC, STORE, GObject)

/**
 * PlcStoreClass:
 * @get_schema_version: the version of the database's schema
 * @check: checks the database; a backend that cannot refuses with
 *   %PLC_ERROR_NOT_SUPPORTED
 * @close: closes the connection; called once, with no job running
 * @save_record: inserts a record whose id is 0, else updates the stored
 *   version only (%PLC_ERROR_STALE when it changed since the record was
 *   read); validates it first; on success sets its id, version and ref,
 *   and on failure leaves it as it was
 * @get_record: one record by its id, deleted or not (%PLC_ERROR_NOT_FOUND
 *   when there is none)
 * @get_record_by_ref: one record by its ref
 * @get_step_status: the step status of a placement's rule and occurrence
 * @list_records: the records of a type, by id (a contact log newest
 *   first); @owner_id, when not 0, keeps those of one child (placements,
 *   contact log entries) or one placement (step statuses) and is 0 for the
 *   other types; @include_deleted is ignored for step statuses
 * @set_deleted: soft-deletes or undeletes a child, placement, contact,
 *   contact log entry or deviation report
 * @record_opened: writes to the audit log that a record was opened
 * @list_audit: the audit log's entries of local days @since to @until
 * @set_routine_offset: sets a local routine offset (validated already)
 * @clear_routine_offset: removes one (ids validated already)
 * @list_routine_offsets: those of one profile, or of all when %NULL
 * @import: imports a dataset, all of it or nothing, matching by refs
 * @export: reads every record that is not deleted, refs filled in
 * @backup: writes a copy encrypted with a passphrase; a backend whose
 *   backups are made otherwise refuses with %PLC_ERROR_NOT_SUPPORTED
 * @poll_changes: looks for changes others committed (another connection,
 *   process or user) since it last looked, and announces each of their
 *   transactions with _plc_store_announce(); called on the store's worker
 *   about once a second while someone listens to #PlcStore::changed, and
 *   by plc_store_poll_changes()
 *
 * After each transaction it commits, a backend announces its changes with
 * _plc_store_announce() (`plc-store-private.h`); the class emits them as
 * #PlcStore::changed in the main context that owns the store.
 *
 * The operations of a database backend, in model objects.  The base class
 * keeps the asynchronous job queue and the lock: every virtual function is
 * called with the store's lock held, one at a time, on the caller's thread
 * or the store's worker, and only while the store is open.  A backend
 * holds all its SQL.
 */
struct _PlcStoreClass
{
  GObjectClass   parent_class;

  int            (*get_schema_version)   (PlcStore            *self);
  gboolean       (*check)                (PlcStore            *self,
                                          GError             **error);
  void           (*close)                (PlcStore            *self);

  gboolean       (*save_record)          (PlcStore            *self,
                                          PlcRecord           *record,
                                          GError             **error);
  PlcRecord     *(*get_record)           (PlcStore            *self,
                                          PlcRecordType        record_type,
                                          gint64               id,
                                          GError             **error);
  PlcRecord     *(*get_record_by_ref)    (PlcStore            *self,
                                          PlcRecordType        record_type,
                                          const char          *ref,
                                          GError             **error);
  PlcStepStatus *(*get_step_status)      (PlcStore            *self,
                                          gint64               placement_id,
                                          const char          *rule,
                                          int                  occurrence,
                                          GError             **error);
  GPtrArray     *(*list_records)         (PlcStore            *self,
                                          PlcRecordType        record_type,
                                          gint64               owner_id,
                                          gboolean             include_deleted,
                                          GError             **error);
  gboolean       (*set_deleted)          (PlcStore            *self,
                                          PlcRecordType        record_type,
                                          gint64               id,
                                          gboolean             deleted,
                                          GError             **error);

  gboolean       (*record_opened)        (PlcStore            *self,
                                          PlcRecordType        record_type,
                                          gint64               id,
                                          GError             **error);
  GPtrArray     *(*list_audit)           (PlcStore            *self,
                                          PlcDate              since,
                                          PlcDate              until,
                                          GError             **error);

  gboolean       (*set_routine_offset)   (PlcStore            *self,
                                          const PlcRoutineOffset *offset,
                                          GError             **error);
  gboolean       (*clear_routine_offset) (PlcStore            *self,
                                          const char          *profile_id,
                                          const char          *rule_id,
                                          GError             **error);
  GPtrArray     *(*list_routine_offsets) (PlcStore            *self,
                                          const char          *profile_id,
                                          GError             **error);

  gboolean       (*import)               (PlcStore            *self,
                                          PlcDataset          *dataset,
                                          GError             **error);
  PlcDataset    *(*export)               (PlcStore            *self,
                                          GError             **error);

  gboolean       (*backup)               (PlcStore            *self,
                                          const char          *backup_path,
                                          const char          *passphrase,
                                          GError             **error);

  gboolean       (*poll_changes)         (PlcStore            *self,
                                          GError             **error);

  /*< private >*/
  gpointer       padding[15];
};

/* Opening */
PlcStore   *plc_store_open                (const char           *path,
                                           GBytes               *key,
                                           GError              **error);
PlcStore   *plc_store_open_with_keyring   (const char           *path,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        plc_store_open_with_keyring_async  (const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
PlcStore   *plc_store_open_with_keyring_finish (GAsyncResult         *result,
                                                GError              **error);
const char *plc_store_get_path            (PlcStore             *self);
gboolean    plc_store_location_is_server  (const char           *location);
int         plc_store_get_schema_version  (PlcStore             *self);
char       *plc_store_dup_cipher_version  (PlcStore             *self);
gboolean    plc_store_check               (PlcStore             *self,
                                           GError              **error);
void        plc_store_close               (PlcStore             *self);

/* Changes, announced by ::changed */
void        plc_store_poll_changes        (PlcStore             *self);

/* The SQLCipher file's */
int         plc_store_get_latest_schema_version (void);

/* Saving: insert when the id is 0, else update the stored version only */
gboolean    plc_store_save_child          (PlcStore             *self,
                                           PlcChild             *child,
                                           GError              **error);
gboolean    plc_store_save_placement      (PlcStore             *self,
                                           PlcPlacement         *placement,
                                           GError              **error);
gboolean    plc_store_save_step_status    (PlcStore             *self,
                                           PlcStepStatus        *status,
                                           GError              **error);
gboolean    plc_store_save_contact        (PlcStore             *self,
                                           PlcContact           *contact,
                                           GError              **error);
gboolean    plc_store_save_contact_log_entry (PlcStore          *self,
                                              PlcContactLogEntry *entry,
                                              GError            **error);
gboolean    plc_store_save_deviation      (PlcStore             *self,
                                           PlcDeviation         *deviation,
                                           GError              **error);

/* Reading */
PlcRecord    *plc_store_get_record        (PlcStore             *self,
                                           PlcRecordType         record_type,
                                           gint64                id,
                                           GError              **error);
PlcChild     *plc_store_get_child         (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
PlcChild     *plc_store_get_child_by_ref  (PlcStore             *self,
                                           const char           *ref,
                                           GError              **error);
PlcPlacement *plc_store_get_placement     (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
PlcPlacement *plc_store_get_placement_by_ref (PlcStore          *self,
                                              const char        *ref,
                                              GError           **error);
PlcStepStatus *plc_store_get_step_status  (PlcStore             *self,
                                           gint64                placement_id,
                                           const char           *rule,
                                           int                   occurrence,
                                           GError              **error);
PlcContact   *plc_store_get_contact       (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
PlcContact   *plc_store_get_contact_by_ref (PlcStore            *self,
                                            const char          *ref,
                                            GError             **error);
PlcContactLogEntry *plc_store_get_contact_log_entry (PlcStore    *self,
                                                     gint64       id,
                                                     GError     **error);
PlcDeviation *plc_store_get_deviation     (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
PlcDeviation *plc_store_get_deviation_by_ref (PlcStore          *self,
                                              const char        *ref,
                                              GError           **error);

GPtrArray  *plc_store_list_children       (PlcStore             *self,
                                           gboolean              include_deleted,
                                           GError              **error);
GPtrArray  *plc_store_list_placements     (PlcStore             *self,
                                           gint64                child_id,
                                           gboolean              include_deleted,
                                           GError              **error);
GPtrArray  *plc_store_list_step_statuses  (PlcStore             *self,
                                           gint64                placement_id,
                                           GError              **error);
GPtrArray  *plc_store_list_contacts       (PlcStore             *self,
                                           gboolean              include_deleted,
                                           GError              **error);
GPtrArray  *plc_store_list_contact_log    (PlcStore             *self,
                                           gint64                child_id,
                                           GError              **error);
GPtrArray  *plc_store_list_deviations     (PlcStore             *self,
                                           gboolean              include_deleted,
                                           GError              **error);

/* Soft delete, with undo; nothing is ever erased */
gboolean    plc_store_delete_child        (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_undelete_child      (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_delete_placement    (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_undelete_placement  (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_delete_contact      (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_undelete_contact    (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_delete_deviation    (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);
gboolean    plc_store_undelete_deviation  (PlcStore             *self,
                                           gint64                id,
                                           GError              **error);

/* The audit log */
gboolean    plc_store_record_opened       (PlcStore             *self,
                                           const char           *record_type,
                                           gint64                id,
                                           GError              **error);
GPtrArray  *plc_store_list_audit          (PlcStore             *self,
                                           PlcDate               since,
                                           PlcDate               until,
                                           GError              **error);

/* Local routine offsets of agreement profiles */
gboolean    plc_store_set_routine_offset  (PlcStore             *self,
                                           const char           *profile_id,
                                           const char           *rule_id,
                                           int                   amount,
                                           PlcOffsetUnit         unit,
                                           GError              **error);
gboolean    plc_store_clear_routine_offset (PlcStore            *self,
                                            const char          *profile_id,
                                            const char          *rule_id,
                                            GError             **error);
GPtrArray  *plc_store_list_routine_offsets (PlcStore            *self,
                                            const char          *profile_id,
                                            GError             **error);

/* Import and export */
gboolean    plc_store_import              (PlcStore             *self,
                                           PlcDataset           *dataset,
                                           GError              **error);
PlcDataset *plc_store_export              (PlcStore             *self,
                                           GError              **error);

/* Backup and restore */
gboolean    plc_store_backup              (PlcStore             *self,
                                           const char           *backup_path,
                                           const char           *passphrase,
                                           GError              **error);
/* Into a SQLCipher file: plc-sqlite-store-backup.c */
gboolean    plc_store_restore_backup      (const char           *backup_path,
                                           const char           *passphrase,
                                           const char           *database_path,
                                           GBytes               *key,
                                           GError              **error);

/* Asynchronous calls.  The jobs of one store run one at a time, in the
 * order they were made, on a worker thread; each callback runs in the
 * thread-default main context of its caller.  An object passed in (a record
 * to save, a dataset to import) is worked on in place: do not touch it until
 * the callback has run.  A synchronous call made meanwhile, from any thread,
 * waits for the job that is running. */
void        plc_store_save_child_async (PlcStore             *self,
                                           PlcChild             *child,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_child_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_save_placement_async (PlcStore             *self,
                                           PlcPlacement         *placement,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_placement_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_save_step_status_async (PlcStore             *self,
                                           PlcStepStatus        *status,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_step_status_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_save_contact_async (PlcStore             *self,
                                           PlcContact           *contact,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_contact_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_save_contact_log_entry_async (PlcStore             *self,
                                           PlcContactLogEntry   *entry,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_contact_log_entry_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_save_deviation_async (PlcStore             *self,
                                           PlcDeviation         *deviation,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_save_deviation_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_children_async (PlcStore             *self,
                                           gboolean             include_deleted,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_children_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_placements_async (PlcStore             *self,
                                           gint64               child_id,
                                           gboolean             include_deleted,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_placements_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_step_statuses_async (PlcStore             *self,
                                           gint64               placement_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_step_statuses_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_contacts_async (PlcStore             *self,
                                           gboolean             include_deleted,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_contacts_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_contact_log_async (PlcStore             *self,
                                           gint64               child_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_contact_log_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_deviations_async (PlcStore             *self,
                                           gboolean             include_deleted,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_deviations_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_get_child_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
PlcChild  * plc_store_get_child_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_get_placement_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
PlcPlacement *plc_store_get_placement_finish (PlcStore           *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_get_record_async (PlcStore             *self,
                                           PlcRecordType        record_type,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
PlcRecord  *plc_store_get_record_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_delete_child_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_delete_child_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_undelete_child_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_undelete_child_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_delete_placement_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_delete_placement_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_undelete_placement_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_undelete_placement_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_delete_contact_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_delete_contact_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_undelete_contact_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_undelete_contact_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_delete_deviation_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_delete_deviation_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_undelete_deviation_async (PlcStore             *self,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_undelete_deviation_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_record_opened_async (PlcStore             *self,
                                           const char           *record_type,
                                           gint64               id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_record_opened_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_audit_async (PlcStore             *self,
                                           PlcDate              since,
                                           PlcDate              until,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_audit_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_set_routine_offset_async (PlcStore             *self,
                                           const char           *profile_id,
                                           const char           *rule_id,
                                           int                   amount,
                                           PlcOffsetUnit         unit,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_set_routine_offset_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_clear_routine_offset_async (PlcStore             *self,
                                           const char           *profile_id,
                                           const char           *rule_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_clear_routine_offset_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_list_routine_offsets_async (PlcStore             *self,
                                           const char           *profile_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray * plc_store_list_routine_offsets_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_import_async (PlcStore             *self,
                                           PlcDataset           *dataset,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    plc_store_import_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void        plc_store_export_async (PlcStore             *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
PlcDataset * plc_store_export_finish (PlcStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
