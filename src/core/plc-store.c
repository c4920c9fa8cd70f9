/* plc-store.c: the encrypted SQLite (SQLCipher) store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every SQL statement of the application lives in this module.  The rest of
 * the code speaks to it in model objects, so that a shared PostgreSQL store
 * can later sit behind the same interface.
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "plc-output-file.h"
#include "plc-ref.h"
#include "plc-store-private.h"

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

G_DEFINE_FINAL_TYPE (PlcStore, plc_store, G_TYPE_OBJECT)

/* Numbered migrations: migrations[i] brings a database at user_version i to
 * user_version i + 1.  Never edit one that has shipped; append a new one. */
static const char * const migrations[] = {
  /* 1: the store's own bookkeeping */
  "CREATE TABLE store_info ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "INSERT INTO store_info (key, value)"
  "  VALUES ('created', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",

  /* 2: the records (issue 3) and the append-only audit log.  Ids that mean
   * "none" are stored as NULL so that foreign keys hold. */
  "CREATE TABLE children ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  name                      TEXT,"
  "  personnummer              TEXT,"
  "  temporary_ref             TEXT,"
  "  birth_date                INTEGER NOT NULL DEFAULT 0,"
  "  legal_gender              INTEGER NOT NULL DEFAULT 0,"
  "  home_municipality         TEXT,"
  "  registration_municipality TEXT,"
  "  asylum_seeker             INTEGER NOT NULL DEFAULT 0,"
  "  unaccompanied             INTEGER NOT NULL DEFAULT 0,"
  "  lss                       INTEGER NOT NULL DEFAULT 0,"
  "  interpreter_language      TEXT"
  ");"
  "CREATE TABLE placements ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  child_id                  INTEGER NOT NULL REFERENCES children (id),"
  "  placing_municipality      TEXT,"
  "  caseworker                TEXT,"
  "  legal_basis               INTEGER NOT NULL DEFAULT 0,"
  "  form                      INTEGER NOT NULL DEFAULT 0,"
  "  start_date                INTEGER NOT NULL DEFAULT 0,"
  "  acute                     INTEGER NOT NULL DEFAULT 0,"
  "  planned_end_date          INTEGER NOT NULL DEFAULT 0,"
  "  end_date                  INTEGER NOT NULL DEFAULT 0,"
  "  end_reason                TEXT,"
  "  placed_in_municipality    TEXT,"
  "  placed_in_region          TEXT,"
  "  other_region              INTEGER NOT NULL DEFAULT 0,"
  "  lvu_decision_date         INTEGER NOT NULL DEFAULT 0,"
  "  custody_carried_out_date  INTEGER NOT NULL DEFAULT 0,"
  "  previous_id               INTEGER REFERENCES placements (id)"
  ");"
  "CREATE INDEX placements_child ON placements (child_id);"
  "CREATE TABLE step_statuses ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  placement_id              INTEGER NOT NULL REFERENCES placements (id),"
  "  rule                      TEXT NOT NULL,"
  "  occurrence                INTEGER NOT NULL DEFAULT 1,"
  "  state                     INTEGER NOT NULL DEFAULT 0,"
  "  date                      INTEGER NOT NULL DEFAULT 0,"
  "  note                      TEXT,"
  "  reason                    TEXT,"
  "  recorded_by               TEXT,"
  "  recorded_at               TEXT,"
  "  reopened                  INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (placement_id, rule, occurrence)"
  ");"
  "CREATE TABLE contacts ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  name                      TEXT,"
  "  organisation              TEXT,"
  "  phone                     TEXT,"
  "  email                     TEXT,"
  "  address                   TEXT"
  ");"
  "CREATE TABLE contact_links ("
  "  id                        INTEGER PRIMARY KEY,"
  "  contact_id                INTEGER NOT NULL REFERENCES contacts (id),"
  "  position                  INTEGER NOT NULL,"
  "  child_id                  INTEGER REFERENCES children (id),"
  "  placement_id              INTEGER REFERENCES placements (id),"
  "  role                      INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX contact_links_contact ON contact_links (contact_id);"
  "CREATE TABLE contact_log ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  child_id                  INTEGER NOT NULL REFERENCES children (id),"
  "  date                      INTEGER NOT NULL DEFAULT 0,"
  "  kind                      INTEGER NOT NULL DEFAULT 0,"
  "  contact_id                INTEGER REFERENCES contacts (id),"
  "  with_whom                 TEXT,"
  "  note                      TEXT,"
  "  recorded_by               TEXT,"
  "  recorded_at               TEXT"
  ");"
  "CREATE INDEX contact_log_child ON contact_log (child_id);"
  "CREATE TABLE deviations ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  title                     TEXT,"
  "  description               TEXT,"
  "  occurred_on               INTEGER NOT NULL DEFAULT 0,"
  "  direction                 INTEGER NOT NULL DEFAULT 0,"
  "  unit                      TEXT,"
  "  category                  INTEGER NOT NULL DEFAULT 0,"
  "  placement_id              INTEGER REFERENCES placements (id),"
  "  rule                      TEXT,"
  "  profile                   TEXT,"
  "  status                    INTEGER NOT NULL DEFAULT 0,"
  "  conclusion                TEXT,"
  "  escalation_step           INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE deviation_events ("
  "  id                        INTEGER PRIMARY KEY,"
  "  deviation_id              INTEGER NOT NULL REFERENCES deviations (id),"
  "  position                  INTEGER NOT NULL,"
  "  at                        TEXT,"
  "  user                      TEXT,"
  "  status                    INTEGER NOT NULL DEFAULT 0,"
  "  escalation_step           INTEGER NOT NULL DEFAULT 0,"
  "  note                      TEXT,"
  "  UNIQUE (deviation_id, position)"
  ");"
  "CREATE TABLE audit_log ("
  "  id                        INTEGER PRIMARY KEY,"
  "  at                        TEXT NOT NULL,"
  "  user                      TEXT NOT NULL,"
  "  action                    TEXT NOT NULL,"
  "  record_type               TEXT NOT NULL,"
  "  record_id                 INTEGER NOT NULL DEFAULT 0,"
  "  record_ref                TEXT"
  ");"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit log is append-only'); END;"
  "CREATE TRIGGER placements_no_delete BEFORE DELETE ON placements"
  "  BEGIN SELECT RAISE (ABORT, 'placements are never erased'); END;",

  /* 3: the day the investigation was closed and the day a restriction (LVU
   * 14 §) or a moving ban (LVU 24 §) was decided, and the local routine
   * offsets of the agreement profiles: unit settings, no personal data.
   * An id is [a-z0-9-]+ and a unit a PlcOffsetUnit nick. */
  "ALTER TABLE placements ADD COLUMN investigation_closed_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN restriction_decided_date INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE routine_offsets ("
  "  profile_id                TEXT NOT NULL"
  "                            CHECK (profile_id <> '' AND profile_id NOT GLOB '*[^a-z0-9-]*'),"
  "  rule_id                   TEXT NOT NULL"
  "                            CHECK (rule_id <> '' AND rule_id NOT GLOB '*[^a-z0-9-]*'),"
  "  amount                    INTEGER NOT NULL,"
  "  unit                      TEXT NOT NULL"
  "                            CHECK (unit IN ('days', 'weeks', 'months', 'years')),"
  "  PRIMARY KEY (profile_id, rule_id)"
  ");",

  /* 4: a step's meeting record (issue 6: the SIP meeting record): the units
   * or roles invited and those that took part, one per line in the order
   * given (a unit is one line: the model refuses line breaks), NULL when
   * none; and whether the planning was completed. */
  "ALTER TABLE step_statuses ADD COLUMN invited_units TEXT;"
  "ALTER TABLE step_statuses ADD COLUMN attended_units TEXT;"
  "ALTER TABLE step_statuses ADD COLUMN planning_completed INTEGER NOT NULL DEFAULT 0;",

  /* 5: issue 13: the home a placement is in (a reference, the same for
   * placements in the same home), the day the notice from inpatient care
   * came in (Stockholm 7.6), the day a temporary moving ban was decided
   * (LVU 27 §), whether Swedish courts cannot decide on care (LVU 6 §
   * 2 st., for LVU 9 a §); and a child in Sweden without a permit. */
  "ALTER TABLE placements ADD COLUMN home_ref TEXT;"
  "ALTER TABLE placements ADD COLUMN discharge_notice_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN temporary_moving_ban_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN lvu_international INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE children ADD COLUMN undocumented INTEGER NOT NULL DEFAULT 0;",
};

int
plc_store_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
plc_store_finalize (GObject *object)
{
  PlcStore *self = (PlcStore *)object;

  plc_store_close (self);
  /* Every queued job holds a reference, so none is left; do not wait, as
   * the last reference may be dropped on the worker thread itself. */
  g_thread_pool_free (self->jobs, TRUE, FALSE);
  g_mutex_clear (&self->job_lock);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (plc_store_parent_class)->finalize (object);
}

static void
plc_store_class_init (PlcStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_store_finalize;
}

static void job_thread (gpointer data,
                        gpointer user_data);

static void
plc_store_init (PlcStore *self)
{
  g_mutex_init (&self->job_lock);
  /* Shared threads cannot fail to be made */
  self->jobs = g_thread_pool_new (job_thread, NULL, 1, FALSE, NULL);
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  int code = db != NULL ? sqlite3_errcode (db) : rc;
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  gboolean io_failed;

  /* sqlcipher_export() and other SQL functions report an I/O failure of
   * their own statements as a plain SQLITE_ERROR with SQLite's message. */
  io_failed = (code & 0xff) == SQLITE_IOERR ||
              strstr (message, "disk I/O error") != NULL ||
              strstr (message, "disk is full") != NULL;

  /* No room: a full disk, a quota, or the largest file size allowed
   * (RLIMIT_FSIZE).  SQLite calls most of these a "disk I/O error"; say
   * what it is.  The transaction that needed the room is rolled back. */
  if ((code & 0xff) == SQLITE_FULL ||
      (io_failed && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   /* Translators: %s says what was being done, such as “saving” */
                   _("The database ran out of room while %s: the disk is full, "
                     "or the file has reached the largest size allowed. Nothing of it was saved; "
                     "make room and try again."),
                   what);
      return FALSE;
    }

  /* A page that does not decrypt or does not make sense: the file is
   * damaged (truncated, overwritten), and saying so helps more than
   * SQLite's "database disk image is malformed" alone. */
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB ||
      strstr (message, "malformed") != NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   /* Translators: the first %s says what was being done, the
                    * second is the database engine's own (English) message */
                   _("The database file is damaged: it failed while %s (%s). "
                     "Restore the latest backup."),
                   what, message);
      return FALSE;
    }

  /* Any other failure of the file system: the system's own words too. */
  if (io_failed && system_errno != 0)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   /* Translators: the first %s says what was being done, the
                    * second is the database engine's own (English) message,
                    * the third the system's description of the error */
                   _("The database failed while %s: %s (%s)"),
                   what, message, g_strerror (system_errno));
      return FALSE;
    }

  /* SQLite's messages name tables and constraints, never row values, so
   * they are safe to pass on. */
  g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
               /* Translators: the first %s says what was being done, the
                * second is the database engine's own (English) message */
               _("The database failed while %s: %s"),
               what, message);
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, what, error);

  return TRUE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);

  return ret;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int ret = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);

  return ret;
}

static gboolean
migrate (PlcStore  *self,
         int        target,
         GError   **error)
{
  int version = query_int (self->db, "PRAGMA user_version", -1);

  if (version < 0)
    return set_sqlite_error (self->db, SQLITE_ERROR, _("reading the schema version"), error);

  if (version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database was written by a newer version of Placements (schema %d; this version knows up to %d). Update the application."),
                   version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      g_debug ("Migrating database schema from version %d to %d", version, version + 1);

      /* Each step, and the version it leads to, commits or fails as one. */
      if (!exec_sql (self->db, "BEGIN IMMEDIATE", _("starting a schema upgrade"), error))
        return FALSE;

      if (!exec_sql (self->db, migrations[version], _("upgrading the schema"), error) ||
          !exec_sql (self->db, set_version, _("upgrading the schema"), error) ||
          !exec_sql (self->db, "COMMIT", _("upgrading the schema"), error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  self->schema_version = version;

  return TRUE;
}

/* The database and its WAL and shared-memory files are readable by the
 * user alone.  SQLite gives the -wal and -shm files the main file's mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for the database: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the database file: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);

  return TRUE;
}

static PlcStore *
open_at_version (const char  *path,
                 GBytes      *key,
                 int          target_version,
                 GError     **error)
{
  g_autoptr(PlcStore) self = NULL;
  g_autofree char *pragma_key = NULL;
  g_autofree char *cipher_version = NULL;
  g_autoptr(GString) hex = NULL;
  const guint8 *key_data;
  gsize key_len = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key_data = g_bytes_get_data (key, &key_len);
  if (key_len != PLC_STORE_KEY_LENGTH)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("The database key has the wrong length"));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;

  self = g_object_new (PLC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, _("opening the database file"), error);
      return NULL;
    }

  /* A raw key: no key derivation, the keyring holds 256 random bits. */
  hex = g_string_sized_new (2 * key_len + 8);
  g_string_append (hex, "PRAGMA key = \"x'");
  for (gsize i = 0; i < key_len; i++)
    g_string_append_printf (hex, "%02x", key_data[i]);
  g_string_append (hex, "'\"");
  pragma_key = g_string_free (g_steal_pointer (&hex), FALSE);

  rc = sqlite3_exec (self->db, pragma_key, NULL, NULL, NULL);
  explicit_bzero (pragma_key, strlen (pragma_key));
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, _("setting the encryption key"), error);
      return NULL;
    }

  /* SQLCipher 4 (in the Flatpak runtime) then reads and writes the same
   * format as Debian's SQLCipher 3.4.1, which ignores this pragma, so one
   * database file works with both. */
  if (!exec_sql (self->db, "PRAGMA cipher_compatibility = 3", _("setting the encryption key"), error))
    return NULL;

  cipher_version = query_text (self->db, "PRAGMA cipher_version");
  if (cipher_version == NULL || cipher_version[0] == '\0')
    {
      /* Linked against plain SQLite: refuse rather than write plaintext. */
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("This build of Placements cannot encrypt its database (SQLCipher is missing). The database was not opened."));
      return NULL;
    }

  /* The first read tells whether the key fits. */
  rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  if (rc == SQLITE_NOTADB)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database “%s” cannot be read with this key: the key is wrong, or the file is not a Placements database or is damaged. Nothing was changed."),
                   path);
      return NULL;
    }
  else if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, PLC_STORE_BUSY_TIMEOUT_MS);

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", _("configuring the database"), error) ||
      !exec_sql (self->db, "PRAGMA journal_mode = WAL", _("configuring the database"), error) ||
      !exec_sql (self->db, "PRAGMA synchronous = FULL", _("configuring the database"), error))
    return NULL;

  if (!migrate (self, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * plc_store_open:
 * @path: the database file; created when missing
 * @key: the 256-bit raw key
 * @error: return location for a #GError
 *
 * Opens (and creates or upgrades) an encrypted database.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlcStore *
plc_store_open (const char  *path,
                GBytes      *key,
                GError     **error)
{
  /* No output file of this process is ever written over it */
  plc_output_file_protect (path);

  return open_at_version (path, key, G_N_ELEMENTS (migrations), error);
}

/* For the migration tests: brings a database no further than @version. */
PlcStore *
_plc_store_open_at_version (const char  *path,
                            GBytes      *key,
                            int          version,
                            GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= (int)G_N_ELEMENTS (migrations), NULL);

  return open_at_version (path, key, version, error);
}

/**
 * plc_store_open_with_keyring:
 * @path: the database file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens @path with its key from the system keyring.  A key is made and kept
 * in the keyring only when the database does not exist yet; an existing
 * database whose key is missing is never replaced.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlcStore *
plc_store_open_with_keyring (const char    *path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) key = NULL;
  gboolean create = !g_file_test (path, G_FILE_TEST_EXISTS);

  key = plc_keyring_ensure_key (path, create, cancellable, error);
  if (key == NULL)
    return NULL;

  return plc_store_open (path, key, error);
}

static void
open_with_keyring_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  PlcStore *store;

  store = plc_store_open_with_keyring (path, cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
plc_store_open_with_keyring_async (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plc_store_open_with_keyring_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_with_keyring_thread);
}

PlcStore *
plc_store_open_with_keyring_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plc_store_open_with_keyring_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
plc_store_get_path (PlcStore *self)
{
  g_return_val_if_fail (PLC_IS_STORE (self), NULL);

  return self->path;
}

int
plc_store_get_schema_version (PlcStore *self)
{
  g_return_val_if_fail (PLC_IS_STORE (self), -1);

  return self->schema_version;
}

/**
 * plc_store_dup_cipher_version:
 * @self: a #PlcStore
 *
 * Returns: (transfer full) (nullable): SQLCipher's version, or %NULL when the
 *   library is plain SQLite
 */
char *
plc_store_dup_cipher_version (PlcStore *self)
{
  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return query_text (self->db, "PRAGMA cipher_version");
}

/**
 * plc_store_check:
 * @self: a #PlcStore
 * @error: return location for a #GError
 *
 * Checks the database's integrity, its encryption and its foreign keys.
 *
 * Returns: %TRUE when all is well
 */
gboolean
plc_store_check (PlcStore  *self,
                 GError   **error)
{
  g_autofree char *integrity = NULL;
  g_autofree char *cipher_version = NULL;
  g_autofree char *dangling = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);

  cipher_version = plc_store_dup_cipher_version (self);
  if (cipher_version == NULL || cipher_version[0] == '\0')
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database is not encrypted"));
      return FALSE;
    }

  integrity = query_text (self->db, "PRAGMA integrity_check");
  if (g_strcmp0 (integrity, "ok") != 0)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database failed its integrity check: %s"),
                   integrity != NULL ? integrity : sqlite3_errmsg (self->db));
      return FALSE;
    }

  dangling = query_text (self->db, "PRAGMA foreign_key_check");
  if (dangling != NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database has records that point to missing records (in the table “%s”)"),
                   dangling);
      return FALSE;
    }

  return TRUE;
}

/**
 * plc_store_close:
 * @self: a #PlcStore
 *
 * Closes the database.  Safe to call more than once.  If an asynchronous
 * call is running it waits for it; the calls still queued then fail with
 * %G_IO_ERROR_CLOSED.
 */
void
plc_store_close (PlcStore *self)
{
  g_return_if_fail (PLC_IS_STORE (self));

  g_mutex_lock (&self->job_lock);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_mutex_unlock (&self->job_lock);
}

/* ------------------------------------------------------------------------
 * Records
 *
 * Each record type is described once: its table, the properties that are
 * stored as columns (a property "foo-bar" is the column foo_bar), and the
 * references that stand for an id of another table.  Reading and writing go
 * through GObject properties, so that the SQL for all six types is made by
 * the same few functions.
 * ------------------------------------------------------------------------ */

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

static const char * const child_columns[] = {
  "name", "personnummer", "temporary-ref", "birth-date", "legal-gender",
  "home-municipality", "registration-municipality", "asylum-seeker",
  "unaccompanied", "lss", "interpreter-language", "undocumented", NULL,
};

static const char * const placement_columns[] = {
  "child-id", "placing-municipality", "caseworker", "legal-basis", "form",
  "start-date", "acute", "planned-end-date", "end-date", "end-reason",
  "placed-in-municipality", "placed-in-region", "other-region",
  "lvu-decision-date", "custody-carried-out-date", "investigation-closed-date",
  "restriction-decided-date", "previous-id", "home-ref", "discharge-notice-date",
  "temporary-moving-ban-date", "lvu-international", NULL,
};

static const RefLink placement_refs[] = {
  { "child-id", "child-ref", "children" },
  { "previous-id", "previous-ref", "placements" },
};

static const char * const step_columns[] = {
  "placement-id", "rule", "occurrence", "state", "date", "note", "reason",
  "recorded-by", "recorded-at", "reopened", "invited-units", "attended-units",
  "planning-completed", NULL,
};

static const RefLink step_refs[] = {
  { "placement-id", "placement-ref", "placements" },
};

static const char * const contact_columns[] = {
  "name", "organisation", "phone", "email", "address", NULL,
};

static const char * const contact_log_columns[] = {
  "child-id", "date", "kind", "contact-id", "with-whom", "note",
  "recorded-by", "recorded-at", NULL,
};

static const RefLink contact_log_refs[] = {
  { "child-id", "child-ref", "children" },
};

static const char * const deviation_columns[] = {
  "title", "description", "occurred-on", "direction", "unit", "category",
  "placement-id", "rule", "profile", "status", "conclusion",
  "escalation-step", NULL,
};

static const RefLink deviation_refs[] = {
  { "placement-id", "placement-ref", "placements" },
};

enum {
  KIND_CHILD,
  KIND_PLACEMENT,
  KIND_STEP,
  KIND_CONTACT,
  KIND_CONTACT_LOG,
  KIND_DEVIATION,
  N_KINDS
};

static const RecordKind kinds[N_KINDS] = {
  [KIND_CHILD] = {
    "children", "child", plc_child_get_type, (gpointer (*) (gpointer)) plc_child_copy, TRUE, child_columns, NULL, 0,
    N_("This child was changed by someone else since you opened it. Your changes were not saved."),
    N_("The child was not found"),
  },
  [KIND_PLACEMENT] = {
    "placements", "placement", plc_placement_get_type, (gpointer (*) (gpointer)) plc_placement_copy, TRUE, placement_columns,
    placement_refs, G_N_ELEMENTS (placement_refs),
    N_("This placement was changed by someone else since you opened it. Your changes were not saved."),
    N_("The placement was not found"),
  },
  [KIND_STEP] = {
    "step_statuses", "step", plc_step_status_get_type, (gpointer (*) (gpointer)) plc_step_status_copy, FALSE, step_columns,
    step_refs, G_N_ELEMENTS (step_refs),
    N_("This step was changed by someone else since you opened it. Your changes were not saved."),
    N_("The step was not found"),
  },
  [KIND_CONTACT] = {
    "contacts", "contact", plc_contact_get_type, (gpointer (*) (gpointer)) plc_contact_copy, TRUE, contact_columns, NULL, 0,
    N_("This contact was changed by someone else since you opened it. Your changes were not saved."),
    N_("The contact was not found"),
  },
  [KIND_CONTACT_LOG] = {
    "contact_log", "contact-log", plc_contact_log_entry_get_type, (gpointer (*) (gpointer)) plc_contact_log_entry_copy, TRUE, contact_log_columns,
    contact_log_refs, G_N_ELEMENTS (contact_log_refs),
    N_("This contact log entry was changed by someone else since you opened it. Your changes were not saved."),
    N_("The contact log entry was not found"),
  },
  [KIND_DEVIATION] = {
    "deviations", "deviation", plc_deviation_get_type, (gpointer (*) (gpointer)) plc_deviation_copy, TRUE, deviation_columns,
    deviation_refs, G_N_ELEMENTS (deviation_refs),
    N_("This deviation report was changed by someone else since you opened it. Your changes were not saved."),
    N_("The deviation report was not found"),
  },
};

static char *
column_name (const char *prop)
{
  char *ret = g_strdup (prop);

  g_strdelimit (ret, "-", '_');

  return ret;
}

static gboolean
prop_is_id (const char *prop)
{
  return g_str_has_suffix (prop, "-id");
}

static gboolean
prepare (PlcStore      *self,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self->db, rc, _("preparing a query"), error);

  return TRUE;
}

/* Binds one property of @object at @index.  Ids of 0 (none) become NULL. */
static void
bind_property (sqlite3_stmt *stmt,
               int           index,
               GObject      *object,
               const char   *prop)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, prop, &value);

  /* A list of one-line strings: one per line, NULL when empty */
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      if (strv == NULL || strv[0] == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_strjoinv ("\n", (char **)strv), -1, g_free);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_INT64:
      if (prop_is_id (prop) && g_value_get_int64 (&value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case G_TYPE_STRING:
      if (g_value_get_string (&value) == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    case G_TYPE_UINT:
      sqlite3_bind_int64 (stmt, index, g_value_get_uint (&value));
      break;
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (&value));
      break;
    case G_TYPE_ENUM:
      sqlite3_bind_int (stmt, index, g_value_get_enum (&value));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Sets one property of @object from column @col of the current row. */
static void
read_property (sqlite3_stmt *stmt,
               int           col,
               GObject      *object,
               const char   *prop)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRV)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, col);

      if (text != NULL && *text != '\0')
        g_value_take_boxed (&value, g_strsplit (text, "\n", -1));
      g_object_set_property (object, prop, &value);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_INT64:
      g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_STRING:
      g_value_set_string (&value, (const char *)sqlite3_column_text (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (&value, (guint)sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_INT:
      g_value_set_int (&value, sqlite3_column_int (stmt, col));
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (&value, sqlite3_column_int (stmt, col));
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_property (object, prop, &value);
}

static gboolean
begin (PlcStore  *self,
       GError   **error)
{
  return exec_sql (self->db, "BEGIN IMMEDIATE", _("starting a transaction"), error);
}

static gboolean
commit (PlcStore  *self,
        GError   **error)
{
  if (!exec_sql (self->db, "COMMIT", _("saving"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
rollback (PlcStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

/* Inside a write transaction, before a large write: a damaged file is not
 * written to, so that what can still be read is not made worse.  Takes
 * time in proportion to the size of the database, like the import itself;
 * rolls back on failure. */
static gboolean
check_quickly (PlcStore    *self,
               const char  *consequence,
               GError     **error)
{
  g_autofree char *result = query_text (self->db, "PRAGMA quick_check(1)");

  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;

  rollback (self);
  if (result != NULL)
    g_strdelimit (result, "\n", ' ');
  g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
               /* Translators: the first %s is what follows, such as “nothing
                * was imported”; the second is the database engine's own
                * (English) description of the damage */
               _("The database file is damaged, so %s: %s. Restore the latest backup."),
               consequence,
               result != NULL ? result : sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
write_audit (PlcStore    *self,
             const char  *action,
             const char  *record_type,
             gint64       record_id,
             const char  *record_ref,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (self,
                "INSERT INTO audit_log (at, user, action, record_type, record_id, record_ref)"
                " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  /* Never a personal identity number (a ref stored before they were
   * refused): the record's id says which it was */
  if (record_ref != NULL && plc_ref_for_message (record_ref) == record_ref)
    sqlite3_bind_text (stmt, 5, record_ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, _("writing the audit log"), error);

  return TRUE;
}

/* Looks up the id of @ref in @table: 0 when there is none, -1 on error. */
static gint64
lookup_id_by_ref (PlcStore    *self,
                  const char  *table,
                  const char  *ref,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE ref = ?", table);
  sqlite3_stmt *stmt = NULL;
  gint64 ret = 0;
  int rc;

  if (!prepare (self, sql, &stmt, error))
    return -1;

  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("reading the database"), error);
      ret = -1;
    }
  sqlite3_finalize (stmt);

  return ret;
}

static char *
lookup_ref_by_id (PlcStore   *self,
                  const char *table,
                  gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ref FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return ret;
}

static gint64
get_int64_prop (gpointer    object,
                const char *prop)
{
  gint64 ret = 0;

  g_object_get (object, prop, &ret, NULL);

  return ret;
}

static char *
dup_string_prop (gpointer    object,
                 const char *prop)
{
  char *ret = NULL;

  g_object_get (object, prop, &ret, NULL);

  return ret;
}

/* Fills in an id from its reference where only the reference is known. */
static gboolean
resolve_refs (PlcStore          *self,
              const RecordKind  *kind,
              GObject           *object,
              GError           **error)
{
  for (guint i = 0; i < kind->n_refs; i++)
    {
      const RefLink *r = &kind->refs[i];
      g_autofree char *ref = NULL;
      gint64 id;

      if (get_int64_prop (object, r->id_prop) != 0)
        continue;

      ref = dup_string_prop (object, r->ref_prop);
      if (ref == NULL || ref[0] == '\0')
        continue;

      id = lookup_id_by_ref (self, r->table, ref, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a record's reference, such as child-1a2b3c4d */
                       _("The reference “%s” points to a record that does not exist"),
                       plc_ref_for_message (ref));
          return FALSE;
        }

      g_object_set (object, r->id_prop, id, NULL);
    }

  return TRUE;
}

/* The columns, then the ref of each id that stands for another record
 * (NULL when the id is 0), read by the same statement: looking each one
 * up with a statement of its own cost more than the rest of the load. */
static char *
select_sql (const RecordKind *kind)
{
  GString *sql = g_string_new ("SELECT id, version, ref");

  g_string_append (sql, kind->has_deleted ? ", deleted" : ", 0");
  for (guint i = 0; kind->columns[i] != NULL; i++)
    {
      g_autofree char *col = column_name (kind->columns[i]);

      g_string_append_printf (sql, ", %s", col);
    }
  for (guint i = 0; i < kind->n_refs; i++)
    {
      g_autofree char *col = column_name (kind->refs[i].id_prop);

      g_string_append_printf (sql, ", (SELECT linked.ref FROM %s AS linked WHERE linked.id = record.%s)",
                              kind->refs[i].table, col);
    }
  g_string_append_printf (sql, " FROM %s AS record", kind->table);

  return g_string_free (sql, FALSE);
}

static void load_links   (PlcStore *self, PlcContact *contact);
static void load_history (PlcStore *self, PlcDeviation *deviation);

static GObject *
object_from_row (PlcStore          *self,
                 const RecordKind  *kind,
                 sqlite3_stmt      *stmt)
{
  GObject *object = g_object_new (kind->get_type (), NULL);
  guint n_columns = 0;

  g_object_set (object,
                "id", sqlite3_column_int64 (stmt, 0),
                "version", sqlite3_column_int64 (stmt, 1),
                "ref", (const char *)sqlite3_column_text (stmt, 2),
                NULL);
  if (kind->has_deleted)
    g_object_set (object, "deleted", sqlite3_column_int (stmt, 3) != 0, NULL);

  for (; kind->columns[n_columns] != NULL; n_columns++)
    read_property (stmt, 4 + (int)n_columns, object, kind->columns[n_columns]);

  for (guint i = 0; i < kind->n_refs; i++)
    {
      const char *ref = (const char *)sqlite3_column_text (stmt, 4 + (int)(n_columns + i));

      if (ref != NULL)
        g_object_set (object, kind->refs[i].ref_prop, ref, NULL);
    }

  return object;
}

/* Completes objects read from rows: links, history.  Done after the rows
 * are read, so that no two statements are stepped at once. */
static void
complete_object (PlcStore          *self,
                 const RecordKind  *kind,
                 GObject           *object)
{
  if (kind == &kinds[KIND_CONTACT])
    load_links (self, PLC_CONTACT (object));
  else if (kind == &kinds[KIND_DEVIATION])
    load_history (self, PLC_DEVIATION (object));
}

/* Runs a SELECT of records; @where is appended to the query and may use
 * ?1 (an int64) and ?2 (a text). */
static GPtrArray *
query_records (PlcStore          *self,
               const RecordKind  *kind,
               const char        *where,
               gint64             arg_int,
               const char        *arg_text,
               GError           **error)
{
  g_autofree char *base = select_sql (kind);
  g_autofree char *sql = g_strdup_printf ("%s %s", base, where);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (self, sql, &stmt, error))
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, arg_int);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, arg_text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ret, object_from_row (self, kind, stmt));

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  for (guint i = 0; i < ret->len; i++)
    complete_object (self, kind, g_ptr_array_index (ret, i));

  return g_steal_pointer (&ret);
}

static gpointer
get_record (PlcStore          *self,
            const RecordKind  *kind,
            const char        *where,
            gint64             arg_int,
            const char        *arg_text,
            GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  rows = query_records (self, kind, where, arg_int, arg_text, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                           _(kind->not_found_message));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

static void
load_links (PlcStore   *self,
            PlcContact *contact)
{
  sqlite3_stmt *stmt = NULL;
  /* The links pass to the contact, which frees them. */
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  plc_contact_clear_links (contact);

  /* The refs in the same statement: one statement per link and ref cost
   * more than the rest of listing the contacts. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT link.child_id, link.placement_id, link.role,"
                          " (SELECT ref FROM children WHERE id = link.child_id),"
                          " (SELECT ref FROM placements WHERE id = link.placement_id)"
                          " FROM contact_links AS link"
                          " WHERE link.contact_id = ? ORDER BY link.position",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;

  sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlcContactLink *lnk = plc_contact_link_new ();

      lnk->child_id = sqlite3_column_int64 (stmt, 0);
      lnk->placement_id = sqlite3_column_int64 (stmt, 1);
      lnk->role = sqlite3_column_int (stmt, 2);
      if (lnk->child_id != 0)
        lnk->child_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      if (lnk->placement_id != 0)
        lnk->placement_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      g_ptr_array_add (links, lnk);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < links->len; i++)
    plc_contact_add_link (contact, g_ptr_array_index (links, i));
}

static void
load_history (PlcStore     *self,
              PlcDeviation *deviation)
{
  sqlite3_stmt *stmt = NULL;

  if (plc_deviation_get_history (deviation)->len > 0)
    g_ptr_array_set_size (plc_deviation_get_history (deviation), 0);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT at, user, status, escalation_step, note FROM deviation_events"
                          " WHERE deviation_id = ? ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;

  sqlite3_bind_int64 (stmt, 1, plc_deviation_get_id (deviation));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlcDeviationEvent *event = plc_deviation_event_new ();

      event->at = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      event->user = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      event->status = sqlite3_column_int (stmt, 2);
      event->escalation_step = sqlite3_column_int (stmt, 3);
      event->note = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      plc_deviation_add_event (deviation, event);
    }
  sqlite3_finalize (stmt);
}

static gboolean
validate_record (PlcStore          *self,
                 const RecordKind  *kind,
                 GObject           *object,
                 GError           **error)
{
  if (kind == &kinds[KIND_CHILD])
    return plc_child_validate (PLC_CHILD (object), plc_date_today (), error);

  if (kind == &kinds[KIND_PLACEMENT])
    {
      g_autoptr(PlcChild) child = NULL;
      gint64 child_id = plc_placement_get_child_id (PLC_PLACEMENT (object));

      if (child_id == 0)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Child: a placement must belong to a child"));
          return FALSE;
        }

      child = get_record (self, &kinds[KIND_CHILD], "WHERE id = ?1", child_id, NULL, error);
      if (child == NULL)
        return FALSE;

      return plc_placement_validate (PLC_PLACEMENT (object), child, error);
    }

  if (kind == &kinds[KIND_STEP])
    return plc_step_status_validate (PLC_STEP_STATUS (object), error);

  if (kind == &kinds[KIND_CONTACT])
    return plc_contact_validate (PLC_CONTACT (object), error);

  if (kind == &kinds[KIND_CONTACT_LOG])
    return plc_contact_log_entry_validate (PLC_CONTACT_LOG_ENTRY (object), error);

  if (kind == &kinds[KIND_DEVIATION])
    return plc_deviation_validate (PLC_DEVIATION (object), error);

  g_assert_not_reached ();
}

static gboolean
step_done (PlcStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, _("saving"), error);

  return TRUE;
}

static gboolean
resolve_link_refs (PlcStore    *self,
                   PlcContact  *contact,
                   GError     **error)
{
  GPtrArray *links = plc_contact_get_links (contact);

  for (guint i = 0; i < links->len; i++)
    {
      PlcContactLink *lnk = g_ptr_array_index (links, i);

      if (lnk->child_id == 0 && lnk->child_ref != NULL && lnk->child_ref[0] != '\0')
        {
          lnk->child_id = lookup_id_by_ref (self, "children", lnk->child_ref, error);
          if (lnk->child_id < 0)
            return FALSE;
          if (lnk->child_id == 0)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The reference “%s” points to a record that does not exist"),
                           plc_ref_for_message (lnk->child_ref));
              return FALSE;
            }
        }

      if (lnk->placement_id == 0 && lnk->placement_ref != NULL && lnk->placement_ref[0] != '\0')
        {
          lnk->placement_id = lookup_id_by_ref (self, "placements", lnk->placement_ref, error);
          if (lnk->placement_id < 0)
            return FALSE;
          if (lnk->placement_id == 0)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The reference “%s” points to a record that does not exist"),
                           plc_ref_for_message (lnk->placement_ref));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
save_links (PlcStore    *self,
            PlcContact  *contact,
            GError     **error)
{
  GPtrArray *links = plc_contact_get_links (contact);
  sqlite3_stmt *stmt = NULL;

  if (!resolve_link_refs (self, contact, error))
    return FALSE;

  if (!prepare (self, "DELETE FROM contact_links WHERE contact_id = ?", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      PlcContactLink *lnk = g_ptr_array_index (links, i);

      if (!prepare (self,
                    "INSERT INTO contact_links (contact_id, position, child_id, placement_id, role)"
                    " VALUES (?, ?, ?, ?, ?)",
                    &stmt, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
      sqlite3_bind_int (stmt, 2, (int)i);
      if (lnk->child_id != 0)
        sqlite3_bind_int64 (stmt, 3, lnk->child_id);
      else
        sqlite3_bind_null (stmt, 3);
      if (lnk->placement_id != 0)
        sqlite3_bind_int64 (stmt, 4, lnk->placement_id);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int (stmt, 5, lnk->role);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The history is append-only: events beyond those stored are added. */
static gboolean
save_history (PlcStore      *self,
              PlcDeviation  *deviation,
              GError       **error)
{
  GPtrArray *history = plc_deviation_get_history (deviation);
  g_autofree char *count_sql = NULL;
  int stored;

  count_sql = g_strdup_printf ("SELECT count(*) FROM deviation_events WHERE deviation_id = %" G_GINT64_FORMAT,
                               plc_deviation_get_id (deviation));
  stored = query_int (self->db, count_sql, -1);
  if (stored < 0)
    return set_sqlite_error (self->db, SQLITE_ERROR, _("reading the database"), error);

  for (guint i = (guint)stored; i < history->len; i++)
    {
      PlcDeviationEvent *event = g_ptr_array_index (history, i);
      sqlite3_stmt *stmt = NULL;

      if (!prepare (self,
                    "INSERT INTO deviation_events (deviation_id, position, at, user, status, escalation_step, note)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    &stmt, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, plc_deviation_get_id (deviation));
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, event->at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, event->user, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, event->status);
      sqlite3_bind_int (stmt, 6, event->escalation_step);
      sqlite3_bind_text (stmt, 7, event->note, -1, SQLITE_TRANSIENT);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts or updates one record, inside the caller's transaction.  On
 * success the object's id, version and ref are the stored ones. */
static gboolean
save_record (PlcStore          *self,
             const RecordKind  *kind,
             GObject           *object,
             GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = get_int64_prop (object, "id");
  gint64 version = get_int64_prop (object, "version");
  gint64 other;
  guint n_columns = g_strv_length ((char **)kind->columns);
  int rc;

  if (!resolve_refs (self, kind, object, error))
    return FALSE;

  if (!validate_record (self, kind, object, error))
    return FALSE;

  ref = dup_string_prop (object, "ref");
  if (ref == NULL || ref[0] == '\0')
    {
      /* A new ref of 32 random bits, drawn again while it is taken: among
       * a county's quarter of a million step statuses a clash is likely. */
      for (guint tries = 0; tries < 16; tries++)
        {
          g_free (ref);
          ref = g_strdup_printf ("%s-%08x", kind->record_type, g_random_int ());
          other = lookup_id_by_ref (self, kind->table, ref, error);
          if (other < 0)
            return FALSE;
          if (other == 0)
            break;
        }
    }
  else
    {
      other = lookup_id_by_ref (self, kind->table, ref, error);
      if (other < 0)
        return FALSE;
    }
  if (other != 0 && other != id)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a record's reference, such as child-1a2b3c4d */
                   _("The reference “%s” is already used by another record"),
                   plc_ref_for_message (ref));
      return FALSE;
    }

  if (id == 0)
    {
      g_string_append_printf (sql, "INSERT INTO %s (version, ref", kind->table);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *col = column_name (kind->columns[i]);

          g_string_append_printf (sql, ", %s", col);
        }
      g_string_append (sql, ") VALUES (1, ?");
      for (guint i = 0; i < n_columns; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET version = version + 1, ref = ?", kind->table);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *col = column_name (kind->columns[i]);

          g_string_append_printf (sql, ", %s = ?", col);
        }
      g_string_append (sql, " WHERE id = ? AND version = ?");
    }

  if (!prepare (self, sql->str, &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_columns; i++)
    bind_property (stmt, 2 + (int)i, object, kind->columns[i]);
  if (id != 0)
    {
      sqlite3_bind_int64 (stmt, 2 + (int)n_columns, id);
      sqlite3_bind_int64 (stmt, 3 + (int)n_columns, version);
    }

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, _("saving"), error);

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (self->db);
      version = 1;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *stored = lookup_ref_by_id (self, kind->table, id);

      if (stored == NULL)
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                             _(kind->not_found_message));
      else
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_STALE,
                             _(kind->stale_message));
      return FALSE;
    }
  else
    version++;

  if (!write_audit (self, version == 1 ? "create" : "update", kind->record_type, id, ref, error))
    return FALSE;

  g_object_set (object, "id", id, "version", version, "ref", ref, NULL);

  if (kind == &kinds[KIND_CONTACT] && !save_links (self, PLC_CONTACT (object), error))
    return FALSE;

  if (kind == &kinds[KIND_DEVIATION] && !save_history (self, PLC_DEVIATION (object), error))
    return FALSE;

  return TRUE;
}

/* One save in its own transaction; on failure the object is as it was. */
static gboolean
save_one (PlcStore          *self,
          const RecordKind  *kind,
          GObject           *object,
          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *old_ref = NULL;
  gint64 old_id;
  gint64 old_version;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, kind->get_type ()), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = get_int64_prop (object, "id");
  old_version = get_int64_prop (object, "version");
  old_ref = dup_string_prop (object, "ref");

  if (!begin (self, error))
    return FALSE;

  if (!save_record (self, kind, object, &local_error) || !commit (self, &local_error))
    {
      rollback (self);
      g_object_set (object, "id", old_id, "version", old_version, "ref", old_ref, NULL);
      /* Not the message: a validation message may quote what was typed. */
      g_debug ("Saving a %s failed (error %d)", kind->record_type, local_error->code);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
plc_store_save_child (PlcStore  *self,
                      PlcChild  *child,
                      GError   **error)
{
  return save_one (self, &kinds[KIND_CHILD], G_OBJECT (child), error);
}

gboolean
plc_store_save_placement (PlcStore      *self,
                          PlcPlacement  *placement,
                          GError       **error)
{
  return save_one (self, &kinds[KIND_PLACEMENT], G_OBJECT (placement), error);
}

gboolean
plc_store_save_step_status (PlcStore       *self,
                            PlcStepStatus  *status,
                            GError        **error)
{
  return save_one (self, &kinds[KIND_STEP], G_OBJECT (status), error);
}

gboolean
plc_store_save_contact (PlcStore    *self,
                        PlcContact  *contact,
                        GError     **error)
{
  return save_one (self, &kinds[KIND_CONTACT], G_OBJECT (contact), error);
}

gboolean
plc_store_save_contact_log_entry (PlcStore            *self,
                                  PlcContactLogEntry  *entry,
                                  GError             **error)
{
  return save_one (self, &kinds[KIND_CONTACT_LOG], G_OBJECT (entry), error);
}

gboolean
plc_store_save_deviation (PlcStore      *self,
                          PlcDeviation  *deviation,
                          GError       **error)
{
  return save_one (self, &kinds[KIND_DEVIATION], G_OBJECT (deviation), error);
}

/* Reading */

PlcChild *
plc_store_get_child (PlcStore  *self,
                     gint64     id,
                     GError   **error)
{
  return get_record (self, &kinds[KIND_CHILD], "WHERE id = ?1", id, NULL, error);
}

PlcChild *
plc_store_get_child_by_ref (PlcStore    *self,
                            const char  *ref,
                            GError     **error)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return get_record (self, &kinds[KIND_CHILD], "WHERE ?1 IS NOT NULL AND ref = ?2", 0, ref, error);
}

PlcPlacement *
plc_store_get_placement (PlcStore  *self,
                         gint64     id,
                         GError   **error)
{
  return get_record (self, &kinds[KIND_PLACEMENT], "WHERE id = ?1", id, NULL, error);
}

PlcPlacement *
plc_store_get_placement_by_ref (PlcStore    *self,
                                const char  *ref,
                                GError     **error)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return get_record (self, &kinds[KIND_PLACEMENT], "WHERE ?1 IS NOT NULL AND ref = ?2", 0, ref, error);
}

PlcStepStatus *
plc_store_get_step_status (PlcStore    *self,
                           gint64       placement_id,
                           const char  *rule,
                           int          occurrence,
                           GError     **error)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  where = g_strdup_printf ("WHERE placement_id = ?1 AND rule = ?2 AND occurrence = %d", occurrence);

  return get_record (self, &kinds[KIND_STEP], where, placement_id, rule, error);
}

PlcContact *
plc_store_get_contact (PlcStore  *self,
                       gint64     id,
                       GError   **error)
{
  return get_record (self, &kinds[KIND_CONTACT], "WHERE id = ?1", id, NULL, error);
}

PlcContact *
plc_store_get_contact_by_ref (PlcStore    *self,
                              const char  *ref,
                              GError     **error)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return get_record (self, &kinds[KIND_CONTACT], "WHERE ?1 IS NOT NULL AND ref = ?2", 0, ref, error);
}

PlcContactLogEntry *
plc_store_get_contact_log_entry (PlcStore  *self,
                                 gint64     id,
                                 GError   **error)
{
  return get_record (self, &kinds[KIND_CONTACT_LOG], "WHERE id = ?1", id, NULL, error);
}

PlcDeviation *
plc_store_get_deviation (PlcStore  *self,
                         gint64     id,
                         GError   **error)
{
  return get_record (self, &kinds[KIND_DEVIATION], "WHERE id = ?1", id, NULL, error);
}

PlcDeviation *
plc_store_get_deviation_by_ref (PlcStore    *self,
                                const char  *ref,
                                GError     **error)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return get_record (self, &kinds[KIND_DEVIATION], "WHERE ?1 IS NOT NULL AND ref = ?2", 0, ref, error);
}

static GPtrArray *
list_records (PlcStore          *self,
              const RecordKind  *kind,
              const char        *where,
              gint64             arg_int,
              GError           **error)
{
  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return query_records (self, kind, where, arg_int, NULL, error);
}

/**
 * plc_store_list_children:
 * @self: a #PlcStore
 * @include_deleted: whether to list soft-deleted children too
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcChild): the children
 */
GPtrArray *
plc_store_list_children (PlcStore  *self,
                         gboolean   include_deleted,
                         GError   **error)
{
  return list_records (self, &kinds[KIND_CHILD],
                       include_deleted ? "ORDER BY id" : "WHERE deleted = 0 ORDER BY id",
                       0, error);
}

/**
 * plc_store_list_placements:
 * @self: a #PlcStore
 * @child_id: the child's id, or 0 for all placements
 * @include_deleted: whether to list soft-deleted placements too
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcPlacement): the placements
 */
GPtrArray *
plc_store_list_placements (PlcStore  *self,
                           gint64     child_id,
                           gboolean   include_deleted,
                           GError   **error)
{
  return list_records (self, &kinds[KIND_PLACEMENT],
                       include_deleted
                         ? "WHERE (?1 = 0 OR child_id = ?1) ORDER BY id"
                         : "WHERE (?1 = 0 OR child_id = ?1) AND deleted = 0 ORDER BY id",
                       child_id, error);
}

/**
 * plc_store_list_step_statuses:
 * @self: a #PlcStore
 * @placement_id: the placement's id, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcStepStatus): the statuses
 */
GPtrArray *
plc_store_list_step_statuses (PlcStore  *self,
                              gint64     placement_id,
                              GError   **error)
{
  return list_records (self, &kinds[KIND_STEP],
                       "WHERE (?1 = 0 OR placement_id = ?1) ORDER BY id",
                       placement_id, error);
}

/**
 * plc_store_list_contacts:
 * @self: a #PlcStore
 * @include_deleted: whether to list soft-deleted contacts too
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcContact): the contacts
 */
GPtrArray *
plc_store_list_contacts (PlcStore  *self,
                         gboolean   include_deleted,
                         GError   **error)
{
  return list_records (self, &kinds[KIND_CONTACT],
                       include_deleted ? "ORDER BY id" : "WHERE deleted = 0 ORDER BY id",
                       0, error);
}

/**
 * plc_store_list_contact_log:
 * @self: a #PlcStore
 * @child_id: the child's id, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcContactLogEntry): the
 *   child's contact log, newest first
 */
GPtrArray *
plc_store_list_contact_log (PlcStore  *self,
                            gint64     child_id,
                            GError   **error)
{
  return list_records (self, &kinds[KIND_CONTACT_LOG],
                       "WHERE (?1 = 0 OR child_id = ?1) AND deleted = 0 ORDER BY date DESC, id DESC",
                       child_id, error);
}

/**
 * plc_store_list_deviations:
 * @self: a #PlcStore
 * @include_deleted: whether to list soft-deleted reports too
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcDeviation): the reports
 */
GPtrArray *
plc_store_list_deviations (PlcStore  *self,
                           gboolean   include_deleted,
                           GError   **error)
{
  return list_records (self, &kinds[KIND_DEVIATION],
                       include_deleted ? "ORDER BY id" : "WHERE deleted = 0 ORDER BY id",
                       0, error);
}

/* Soft delete */

static gboolean
set_deleted (PlcStore          *self,
             const RecordKind  *kind,
             gint64             id,
             gboolean           deleted,
             GError           **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ref = lookup_ref_by_id (self, kind->table, id);
  if (ref == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _(kind->not_found_message));
      return rollback (self);
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted = ? WHERE id = ?", kind->table);
  if (!prepare (self, sql, &stmt, error))
    return rollback (self);
  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!step_done (self, stmt, error) ||
      !write_audit (self, deleted ? "delete" : "undelete", kind->record_type, id, ref, error))
    return rollback (self);

  return commit (self, error);
}

gboolean
plc_store_delete_child (PlcStore  *self,
                        gint64     id,
                        GError   **error)
{
  return set_deleted (self, &kinds[KIND_CHILD], id, TRUE, error);
}

gboolean
plc_store_undelete_child (PlcStore  *self,
                          gint64     id,
                          GError   **error)
{
  return set_deleted (self, &kinds[KIND_CHILD], id, FALSE, error);
}

gboolean
plc_store_delete_placement (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, &kinds[KIND_PLACEMENT], id, TRUE, error);
}

gboolean
plc_store_undelete_placement (PlcStore  *self,
                              gint64     id,
                              GError   **error)
{
  return set_deleted (self, &kinds[KIND_PLACEMENT], id, FALSE, error);
}

gboolean
plc_store_delete_contact (PlcStore  *self,
                          gint64     id,
                          GError   **error)
{
  return set_deleted (self, &kinds[KIND_CONTACT], id, TRUE, error);
}

gboolean
plc_store_undelete_contact (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, &kinds[KIND_CONTACT], id, FALSE, error);
}

gboolean
plc_store_delete_deviation (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, &kinds[KIND_DEVIATION], id, TRUE, error);
}

gboolean
plc_store_undelete_deviation (PlcStore  *self,
                              gint64     id,
                              GError   **error)
{
  return set_deleted (self, &kinds[KIND_DEVIATION], id, FALSE, error);
}

/* The audit log */

G_DEFINE_BOXED_TYPE (PlcAuditEntry, plc_audit_entry, plc_audit_entry_copy, plc_audit_entry_free)

PlcAuditEntry *
plc_audit_entry_copy (const PlcAuditEntry *entry)
{
  PlcAuditEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (PlcAuditEntry, 1);
  copy->id = entry->id;
  copy->at = g_strdup (entry->at);
  copy->user = g_strdup (entry->user);
  copy->action = g_strdup (entry->action);
  copy->record_type = g_strdup (entry->record_type);
  copy->record_id = entry->record_id;
  copy->record_ref = g_strdup (entry->record_ref);

  return copy;
}

void
plc_audit_entry_free (PlcAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->record_type);
  g_free (entry->record_ref);
  g_free (entry);
}

/**
 * plc_store_record_opened:
 * @self: a #PlcStore
 * @record_type: `child`, `placement`, `step`, `contact`, `contact-log` or
 *   `deviation`
 * @id: the record's id
 * @error: return location for a #GError
 *
 * Writes to the audit log that a record was opened to be read.
 *
 * Returns: %TRUE on success
 */
gboolean
plc_store_record_opened (PlcStore    *self,
                         const char  *record_type,
                         gint64       id,
                         GError     **error)
{
  const RecordKind *kind = NULL;
  g_autofree char *ref = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (record_type != NULL, FALSE);

  for (guint i = 0; i < N_KINDS; i++)
    if (g_str_equal (kinds[i].record_type, record_type))
      kind = &kinds[i];

  if (kind == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("“%s” is not a kind of record"), record_type);
      return FALSE;
    }

  ref = lookup_ref_by_id (self, kind->table, id);
  if (ref == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _(kind->not_found_message));
      return FALSE;
    }

  return write_audit (self, "open", kind->record_type, id, ref, error);
}

/* The start of @date's day, local time, as the audit log writes times:
 * in UTC, "YYYY-MM-DDTHH:MM:SSZ" */
static char *
audit_day_start (PlcDate date)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (plc_date_get_year (date),
                                                      plc_date_get_month (date),
                                                      plc_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) utc = NULL;

  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * plc_store_list_audit:
 * @self: a #PlcStore
 * @since: the first day to list, or %PLC_DATE_NONE for all before @until
 * @until: the last day to list, or %PLC_DATE_NONE for all from @since on
 * @error: return location for a #GError
 *
 * Days are local days: an entry belongs to the day on which it was made,
 * in the local time zone (the log keeps the time in UTC).
 *
 * Returns: (transfer container) (element-type PlcAuditEntry): the audit log,
 *   oldest first
 */
GPtrArray *
plc_store_list_audit (PlcStore  *self,
                      PlcDate    since,
                      PlcDate    until,
                      GError   **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_audit_entry_free);
  g_autofree char *from = NULL;
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  from = since != PLC_DATE_NONE ? audit_day_start (since) : NULL;
  before = until != PLC_DATE_NONE ? audit_day_start (plc_date_add_days (until, 1)) : NULL;

  if (!prepare (self,
                "SELECT id, at, user, action, record_type, record_id, record_ref"
                " FROM audit_log WHERE at >= ? AND at < ? ORDER BY id",
                &stmt, error))
    return NULL;

  /* Every time is after "" and before "~" */
  sqlite3_bind_text (stmt, 1, from != NULL ? from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, before != NULL ? before : "~", -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlcAuditEntry *entry = g_new0 (PlcAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      entry->user = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      entry->record_type = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      entry->record_id = sqlite3_column_int64 (stmt, 5);
      entry->record_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (ret, entry);
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("reading the audit log"), error);
      return NULL;
    }

  return g_steal_pointer (&ret);
}

/* Local routine offsets of agreement profiles
 *
 * Settings of the unit, not personal data: they are in the database, and so
 * in its backups, but not in the JSON interchange.  A change is audited
 * with the record type "routine-offset", id 0 and the ref PROFILE/RULE; a
 * call that changes nothing writes nothing. */

#define ROUTINE_OFFSET_RECORD_TYPE "routine-offset"

static char *
routine_offset_ref (const char *profile_id,
                    const char *rule_id)
{
  return g_strdup_printf ("%s/%s", profile_id, rule_id);
}

static gboolean
set_routine_offset (PlcStore                *self,
                    const PlcRoutineOffset  *offset,
                    GError                 **error)
{
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *unit;
  const char *action = NULL;
  int rc;

  if (!plc_routine_offset_validate (offset, error))
    return FALSE;

  unit = plc_offset_unit_to_string (offset->unit);
  ref = routine_offset_ref (offset->profile_id, offset->rule_id);

  if (!begin (self, error))
    return FALSE;

  if (!prepare (self,
                "SELECT amount, unit FROM routine_offsets WHERE profile_id = ? AND rule_id = ?",
                &stmt, error))
    return rollback (self);

  sqlite3_bind_text (stmt, 1, offset->profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, offset->rule_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    action = "create";
  else if (rc == SQLITE_ROW &&
           (sqlite3_column_int64 (stmt, 0) != offset->amount ||
            g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), unit) != 0))
    action = "update";
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("reading the database"), error);
      return rollback (self);
    }

  /* Set as it was already */
  if (action == NULL)
    return commit (self, error);

  /* SQLite 3.15 (SQLCipher 3.4.1) has no UPSERT */
  if (!prepare (self,
                g_str_equal (action, "create")
                  ? "INSERT INTO routine_offsets (amount, unit, profile_id, rule_id) VALUES (?, ?, ?, ?)"
                  : "UPDATE routine_offsets SET amount = ?, unit = ? WHERE profile_id = ? AND rule_id = ?",
                &stmt, error))
    return rollback (self);

  sqlite3_bind_int (stmt, 1, offset->amount);
  sqlite3_bind_text (stmt, 2, unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, offset->profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, offset->rule_id, -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, error) ||
      !write_audit (self, action, ROUTINE_OFFSET_RECORD_TYPE, 0, ref, error))
    return rollback (self);

  return commit (self, error);
}

/**
 * plc_store_set_routine_offset:
 * @self: a #PlcStore
 * @profile_id: the agreement profile's id, `[a-z0-9-]+`
 * @rule_id: the rule's id, `[a-z0-9-]+`
 * @amount: the offset from the rule's anchor; negative means before it
 * @unit: the offset's unit
 * @error: return location for a #GError
 *
 * Sets the unit's local routine offset for a rule of an agreement profile,
 * replacing the one set before.  Whether the profile has that rule, and
 * whether the rule's offset is a local routine, is the caller's to check:
 * the store keeps what it is given.
 *
 * Returns: %TRUE on success; %PLC_ERROR_INVALID if an id is not one
 */
gboolean
plc_store_set_routine_offset (PlcStore       *self,
                              const char     *profile_id,
                              const char     *rule_id,
                              int             amount,
                              PlcOffsetUnit   unit,
                              GError        **error)
{
  g_autoptr(PlcRoutineOffset) offset = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  offset = plc_routine_offset_new (profile_id, rule_id, amount, unit);

  return set_routine_offset (self, offset, error);
}

/**
 * plc_store_clear_routine_offset:
 * @self: a #PlcStore
 * @profile_id: the agreement profile's id
 * @rule_id: the rule's id
 * @error: return location for a #GError
 *
 * Removes the unit's local routine offset for a rule, so that the
 * profile's default applies again.  Clearing an offset that is not set is
 * not an error.
 *
 * Returns: %TRUE on success; %PLC_ERROR_INVALID if an id is not one
 */
gboolean
plc_store_clear_routine_offset (PlcStore    *self,
                                const char  *profile_id,
                                const char  *rule_id,
                                GError     **error)
{
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_routine_offset_validate_profile_id (profile_id, error) ||
      !plc_routine_offset_validate_rule_id (rule_id, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  if (!prepare (self, "DELETE FROM routine_offsets WHERE profile_id = ? AND rule_id = ?", &stmt, error))
    return rollback (self);

  sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rule_id, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return rollback (self);

  if (sqlite3_changes (self->db) > 0)
    {
      ref = routine_offset_ref (profile_id, rule_id);
      if (!write_audit (self, "delete", ROUTINE_OFFSET_RECORD_TYPE, 0, ref, error))
        return rollback (self);
    }

  return commit (self, error);
}

/**
 * plc_store_list_routine_offsets:
 * @self: a #PlcStore
 * @profile_id: (nullable): an agreement profile's id, or %NULL for the
 *   offsets of every profile
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcRoutineOffset): the local
 *   routine offsets that are set, by profile id and then rule id; %NULL
 *   with @error set on failure (%PLC_ERROR_INVALID if @profile_id is not an
 *   id)
 */
GPtrArray *
plc_store_list_routine_offsets (PlcStore    *self,
                                const char  *profile_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_routine_offset_free);
  sqlite3_stmt *stmt = NULL;
  gboolean bad_unit = FALSE;
  int rc;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (profile_id != NULL && !plc_routine_offset_validate_profile_id (profile_id, error))
    return NULL;

  if (!prepare (self,
                "SELECT profile_id, rule_id, amount, unit FROM routine_offsets"
                " WHERE ?1 IS NULL OR profile_id = ?1 ORDER BY profile_id, rule_id",
                &stmt, error))
    return NULL;

  if (profile_id != NULL)
    sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *unit_text = (const char *)sqlite3_column_text (stmt, 3);
      PlcOffsetUnit unit;

      /* The table's CHECK allows the nicks only */
      if (unit_text == NULL || !plc_offset_unit_from_string (unit_text, &unit))
        {
          bad_unit = TRUE;
          break;
        }

      g_ptr_array_add (ret, plc_routine_offset_new ((const char *)sqlite3_column_text (stmt, 0),
                                                    (const char *)sqlite3_column_text (stmt, 1),
                                                    sqlite3_column_int (stmt, 2),
                                                    unit));
    }

  sqlite3_finalize (stmt);

  if (bad_unit)
    {
      set_sqlite_error (NULL, SQLITE_CORRUPT, _("reading the database"), error);
      return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  return g_steal_pointer (&ret);
}

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
import_record (PlcStore          *self,
               const RecordKind  *kind,
               GObject           *incoming,
               GError           **error)
{
  g_autoptr(GObject) copy = kind->copy (incoming);
  g_autoptr(GObject) existing = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *ref = dup_string_prop (copy, "ref");

  /* Ids belong to one database: only the references count. */
  g_object_set (copy, "id", (gint64)0, "version", (gint64)0, NULL);
  for (guint i = 0; i < kind->n_refs; i++)
    g_object_set (copy, kind->refs[i].id_prop, (gint64)0, NULL);
  if (kind == &kinds[KIND_CONTACT])
    {
      GPtrArray *links = plc_contact_get_links (PLC_CONTACT (copy));

      for (guint i = 0; i < links->len; i++)
        {
          PlcContactLink *lnk = g_ptr_array_index (links, i);

          lnk->child_id = 0;
          lnk->placement_id = 0;
        }
      if (!resolve_link_refs (self, PLC_CONTACT (copy), error))
        goto failed;
    }
  else if (kind == &kinds[KIND_CONTACT_LOG])
    plc_contact_log_entry_set_contact_id (PLC_CONTACT_LOG_ENTRY (copy), 0);

  if (!resolve_refs (self, kind, copy, error))
    goto failed;

  if (kind == &kinds[KIND_STEP])
    {
      g_autofree char *where = g_strdup_printf ("WHERE placement_id = ?1 AND rule = ?2 AND occurrence = %d",
                                                plc_step_status_get_occurrence (PLC_STEP_STATUS (copy)));

      rows = query_records (self, kind, where,
                            plc_step_status_get_placement_id (PLC_STEP_STATUS (copy)),
                            plc_step_status_get_rule (PLC_STEP_STATUS (copy)), error);
    }
  else if (kind == &kinds[KIND_CONTACT_LOG])
    rows = query_records (self, kind, "WHERE child_id = ?1 ORDER BY id",
                          plc_contact_log_entry_get_child_id (PLC_CONTACT_LOG_ENTRY (copy)),
                          NULL, error);
  else if (ref != NULL && ref[0] != '\0')
    rows = query_records (self, kind, "WHERE ?1 IS NOT NULL AND ref = ?2", 0, ref, error);
  else
    rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (rows == NULL)
    goto failed;

  for (guint i = 0; i < rows->len && existing == NULL; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);

      if (kind != &kinds[KIND_CONTACT_LOG] || same_columns (kind, row, copy, contact_log_ignored))
        existing = g_object_ref (row);
    }

  if (existing != NULL)
    {
      const char * const *ignored = NULL;
      gboolean changed;

      if (kind == &kinds[KIND_STEP])
        ignored = step_ignored;
      else if (kind == &kinds[KIND_CONTACT_LOG])
        ignored = contact_log_ignored;

      changed = !same_columns (kind, existing, copy, ignored);

      if (kind == &kinds[KIND_CONTACT])
        changed |= !same_links (PLC_CONTACT (existing), PLC_CONTACT (copy));
      else if (kind == &kinds[KIND_DEVIATION])
        changed |= merge_history (PLC_DEVIATION (existing), PLC_DEVIATION (copy)) > 0;

      if (!changed)
        return TRUE;

      g_object_set (copy,
                    "id", get_int64_prop (existing, "id"),
                    "version", get_int64_prop (existing, "version"),
                    NULL);
      if (ref == NULL || ref[0] == '\0')
        {
          g_autofree char *stored_ref = dup_string_prop (existing, "ref");

          g_object_set (copy, "ref", stored_ref, NULL);
        }
    }

  if (!save_record (self, kind, copy, error))
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
import_placements (PlcStore   *self,
                   GPtrArray  *placements,
                   GError    **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  gboolean progress = TRUE;

  for (guint i = 0; i < placements->len; i++)
    g_ptr_array_add (pending, g_ptr_array_index (placements, i));

  /* A placement comes after the one it replaced, wherever that is in the
   * file: import those whose previous placement is known, until none is
   * left or no more can be. */
  while (pending->len > 0 && progress)
    {
      progress = FALSE;

      for (guint i = 0; i < pending->len;)
        {
          PlcPlacement *placement = g_ptr_array_index (pending, i);
          const char *previous = plc_placement_get_previous_ref (placement);
          gint64 previous_id = 0;

          if (previous != NULL && previous[0] != '\0')
            {
              previous_id = lookup_id_by_ref (self, "placements", previous, error);
              if (previous_id < 0)
                return FALSE;
            }

          if (previous != NULL && previous[0] != '\0' && previous_id == 0)
            {
              i++;
              continue;
            }

          if (!import_record (self, &kinds[KIND_PLACEMENT], G_OBJECT (placement), error))
            return FALSE;

          g_ptr_array_remove_index (pending, i);
          progress = TRUE;
        }
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
import_all (PlcStore          *self,
            const RecordKind  *kind,
            GPtrArray         *records,
            GError           **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!import_record (self, kind, g_ptr_array_index (records, i), error))
      return FALSE;

  return TRUE;
}

/**
 * plc_store_import:
 * @self: a #PlcStore
 * @dataset: the records to import
 * @error: return location for a #GError
 *
 * Imports @dataset in one transaction: all of it or nothing.  Records are
 * matched by their references; a new one is inserted, a different one
 * updated, an identical one left alone, so that importing the same data
 * twice changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
plc_store_import (PlcStore    *self,
                  PlcDataset  *dataset,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (PLC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error) || !check_quickly (self, _("nothing was imported"), error))
    return FALSE;

  if (!import_all (self, &kinds[KIND_CHILD], plc_dataset_get_children (dataset), &local_error) ||
      !import_placements (self, plc_dataset_get_placements (dataset), &local_error) ||
      !import_all (self, &kinds[KIND_STEP], plc_dataset_get_step_statuses (dataset), &local_error) ||
      !import_all (self, &kinds[KIND_CONTACT], plc_dataset_get_contacts (dataset), &local_error) ||
      !import_all (self, &kinds[KIND_CONTACT_LOG], plc_dataset_get_contact_log (dataset), &local_error) ||
      !import_all (self, &kinds[KIND_DEVIATION], plc_dataset_get_deviations (dataset), &local_error) ||
      !write_audit (self, "import", "database", 0, NULL, &local_error) ||
      !commit (self, &local_error))
    {
      rollback (self);
      g_debug ("Import failed, nothing was changed (error %d)", local_error->code);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_kind (PlcStore          *self,
             const RecordKind  *kind,
             const char        *where,
             GPtrArray         *into,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = list_records (self, kind, where, 0, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (rows, i)));

  return TRUE;
}

/**
 * plc_store_export:
 * @self: a #PlcStore
 * @error: return location for a #GError
 *
 * Reads every record that is not deleted, with all references filled in.
 *
 * Returns: (transfer full): the records, or %NULL with @error set
 */
PlcDataset *
plc_store_export (PlcStore  *self,
                  GError   **error)
{
  g_autoptr(PlcDataset) dataset = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dataset = plc_dataset_new ();

  if (!export_kind (self, &kinds[KIND_CHILD], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_children (dataset), error) ||
      !export_kind (self, &kinds[KIND_PLACEMENT],
                    "WHERE deleted = 0 AND child_id IN (SELECT id FROM children WHERE deleted = 0) ORDER BY id",
                    plc_dataset_get_placements (dataset), error) ||
      !export_kind (self, &kinds[KIND_STEP],
                    "WHERE placement_id IN (SELECT p.id FROM placements p JOIN children c ON c.id = p.child_id"
                    " WHERE p.deleted = 0 AND c.deleted = 0) ORDER BY id",
                    plc_dataset_get_step_statuses (dataset), error) ||
      !export_kind (self, &kinds[KIND_CONTACT], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_contacts (dataset), error) ||
      !export_kind (self, &kinds[KIND_CONTACT_LOG],
                    "WHERE deleted = 0 AND child_id IN (SELECT id FROM children WHERE deleted = 0) ORDER BY id",
                    plc_dataset_get_contact_log (dataset), error) ||
      !export_kind (self, &kinds[KIND_DEVIATION], "WHERE deleted = 0 ORDER BY id",
                    plc_dataset_get_deviations (dataset), error))
    return NULL;

  /* The export is logged; a damaged file is not written to, not even for
   * that (what can still be read is not made worse). */
  if (!begin (self, error) ||
      !check_quickly (self, _("nothing was exported"), error))
    return NULL;

  if (!write_audit (self, "export", "database", 0, NULL, error))
    {
      rollback (self);
      return NULL;
    }

  if (!commit (self, error))
    return NULL;

  return g_steal_pointer (&dataset);
}

/* Backup and restore */

static char *
make_temp_next_to (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, template, NULL);
  int fd;

  /* An empty file, readable by the user alone, which SQLite takes for a new
   * database. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a file next to “%s”: %s"),
                   path, g_strerror (saved_errno));
      g_free (tmp);
      return NULL;
    }

  close (fd);

  return tmp;
}

static gboolean
rename_into_place (const char  *from,
                   const char  *to,
                   GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not put the file “%s” in place: %s"),
                   to, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Copies the main database of @db into the attached database "target". */
static gboolean
export_into_target (sqlite3     *db,
                    int          schema_version,
                    GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA target.user_version = %d", schema_version);

  /* sqlcipher_export copies table by table; the foreign keys hold in the
   * source and so hold in the copy. */
  if (!exec_sql (db, "PRAGMA foreign_keys = OFF", _("copying the database"), error))
    return FALSE;

  if (!exec_sql (db, "SELECT sqlcipher_export('target')", _("copying the database"), error) ||
      !exec_sql (db, set_version, _("copying the database"), error))
    {
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return FALSE;
    }

  return exec_sql (db, "PRAGMA foreign_keys = ON", _("copying the database"), error);
}

static gboolean
attach_target (sqlite3     *db,
               const char  *path,
               const char  *key,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "ATTACH DATABASE ? AS target KEY ?", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, _("opening the copy"), error);

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (db, rc, _("opening the copy"), error);

  return TRUE;
}

/**
 * plc_store_backup:
 * @self: a #PlcStore
 * @backup_path: the file to write
 * @passphrase: the passphrase that will open the backup
 * @error: return location for a #GError
 *
 * Writes a copy of the database encrypted with @passphrase.  The copy is
 * made next to @backup_path and renamed into place, so that a half-written
 * backup never exists; @backup_path is never a database or one of its
 * files (see plc_output_file_new()).
 *
 * Returns: %TRUE on success
 */
gboolean
plc_store_backup (PlcStore    *self,
                  const char  *backup_path,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(PlcOutputFile) output = NULL;
  const char *tmp;
  gboolean ok;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (passphrase[0] == '\0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Passphrase: must not be empty"));
      return FALSE;
    }

  /* Never over a database (this one included), never half written */
  output = plc_output_file_new (backup_path, PLC_OUTPUT_FILE_PRIVATE, error);
  if (output == NULL)
    return FALSE;
  tmp = plc_output_file_get_temp_path (output);

  ok = attach_target (self->db, tmp, passphrase, error);
  if (ok)
    {
      /* As in plc_store_open(): SQLCipher 4 writes SQLCipher 3's format;
       * 3.4.1 ignores the pragma. */
      ok = exec_sql (self->db, "PRAGMA target.cipher_compatibility = 3", _("copying the database"), error) &&
           export_into_target (self->db, self->schema_version, error);
      if (!exec_sql (self->db, "DETACH DATABASE target", _("closing the copy"), ok ? error : NULL))
        ok = FALSE;
    }

  if (ok)
    ok = write_audit (self, "backup", "database", 0, NULL, error);

  /* Freed without a commit, @output removes the copy */
  return ok && plc_output_file_commit (output, error);
}

/* Whether @path is whole pages of a backup, as plc_store_backup() writes
 * them (SQLCipher 3's 1024 bytes); a file that cannot be read is left to
 * SQLite to report */
static gboolean
whole_pages (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || (st.st_size >= 1024 && st.st_size % 1024 == 0);
}

/**
 * plc_store_restore_backup:
 * @backup_path: a backup written by plc_store_backup()
 * @passphrase: its passphrase
 * @database_path: the database to replace
 * @key: the raw key the restored database is to be encrypted with
 * @error: return location for a #GError
 *
 * Replaces the database at @database_path with the backup.  The restored
 * copy is written next to it, checked, and renamed over it; on any error the
 * database is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
plc_store_restore_backup (const char  *backup_path,
                          const char  *passphrase,
                          const char  *database_path,
                          GBytes      *key,
                          GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *database_dir = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GString) hex = NULL;
  g_autoptr(PlcStore) restored = NULL;
  const guint8 *key_data;
  gsize key_len = 0;
  sqlite3 *db = NULL;
  char *pragma_key;
  int version;
  int rc;
  gboolean ok = FALSE;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key_data = g_bytes_get_data (key, &key_len);
  if (key_len != PLC_STORE_KEY_LENGTH)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("The database key has the wrong length"));
      return FALSE;
    }

  /* Read-write only because the copy is attached to this connection; the
   * backup itself is only read. */
  rc = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, _("opening the backup"), error);
      sqlite3_close (db);
      return FALSE;
    }

  /* A passphrase: SQLCipher derives the key from it with PBKDF2. */
  pragma_key = sqlite3_mprintf ("PRAGMA key = %Q", passphrase);
  rc = sqlite3_exec (db, pragma_key, NULL, NULL, NULL);
  explicit_bzero (pragma_key, strlen (pragma_key));
  sqlite3_free (pragma_key);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  version = query_int (db, "PRAGMA user_version", -1);
  if (rc != SQLITE_OK || version <= 0 || !whole_pages (backup_path))
    {
      /* A backup is whole pages of 1024 bytes (SQLCipher 3's format), and
       * a cut one that the passphrase opens reads as malformed: either is
       * damage, not a wrong passphrase */
      if (rc == SQLITE_CORRUPT || !whole_pages (backup_path))
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                             _("The backup is damaged: it is incomplete (cut short while it was copied?) "
                               "or not a Placements backup. Nothing was restored."));
      else
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                             _("The passphrase is wrong, or the file is not a Placements backup"));
      sqlite3_close (db);
      return FALSE;
    }

  if (version > plc_store_get_latest_schema_version ())
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database was written by a newer version of Placements (schema %d; this version knows up to %d). Update the application."),
                   version, plc_store_get_latest_schema_version ());
      sqlite3_close (db);
      return FALSE;
    }

  database_dir = g_path_get_dirname (database_path);
  if (g_mkdir_with_parents (database_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for the database: %s"),
                   g_strerror (saved_errno));
      sqlite3_close (db);
      return FALSE;
    }

  tmp = make_temp_next_to (database_path, error);
  if (tmp == NULL)
    {
      sqlite3_close (db);
      return FALSE;
    }

  hex = g_string_sized_new (2 * key_len + 3);
  g_string_append (hex, "x'");
  for (gsize i = 0; i < key_len; i++)
    g_string_append_printf (hex, "%02x", key_data[i]);
  g_string_append (hex, "'");

  ok = attach_target (db, tmp, hex->str, error);
  explicit_bzero (hex->str, hex->len);
  if (ok)
    {
      /* As in plc_store_open(): SQLCipher 4 writes SQLCipher 3's format;
       * 3.4.1 ignores the pragma. */
      ok = exec_sql (db, "PRAGMA target.cipher_compatibility = 3", _("copying the database"), error) &&
           export_into_target (db, version, error);
      if (!exec_sql (db, "DETACH DATABASE target", _("closing the copy"), ok ? error : NULL))
        ok = FALSE;
    }
  sqlite3_close (db);

  /* Open the copy as the store would, check it, and note the restore. */
  if (ok)
    {
      restored = plc_store_open (tmp, key, error);
      ok = restored != NULL &&
           plc_store_check (restored, error) &&
           write_audit (restored, "restore", "database", 0, NULL, error);
      if (restored != NULL)
        plc_store_close (restored);
    }

  if (ok)
    {
      g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
      g_autofree char *tmp_shm = g_strconcat (tmp, "-shm", NULL);

      wal = g_strconcat (database_path, "-wal", NULL);
      shm = g_strconcat (database_path, "-shm", NULL);
      g_remove (tmp_wal);
      g_remove (tmp_shm);
      g_remove (wal);
      g_remove (shm);
      ok = rename_into_place (tmp, database_path, error);
    }

  if (!ok)
    {
      g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
      g_autofree char *tmp_shm = g_strconcat (tmp, "-shm", NULL);

      g_remove (tmp);
      g_remove (tmp_wal);
      g_remove (tmp_shm);
    }

  return ok;
}

/* ------------------------------------------------------------------------
 * Asynchronous calls
 *
 * Each _async call makes a Job, wraps it in a GTask and queues it on the
 * store's pool of at most one thread, so the jobs of one store run one at a
 * time, in the order they were made, off the caller's thread.  The GTask's
 * callback is job_done(), which runs in the caller's thread-default main
 * context, thaws the notifications of the record that was saved and calls
 * the caller's callback.  The reference that the pool holds is dropped
 * there too, so that the task and the store are never finalized on the
 * worker thread.
 * ------------------------------------------------------------------------ */

typedef struct _Job Job;

/* Runs on the worker thread with job_lock held and the store open.  On
 * success returns TRUE and, for a pointer result, sets *result. */
typedef gboolean (*JobFunc) (PlcStore  *self,
                             Job       *job,
                             gpointer  *result,
                             GError   **error);

struct _Job
{
  JobFunc              func;
  GDestroyNotify       result_free;  /* NULL for a boolean result */

  const RecordKind    *kind;
  GObject             *object;       /* the caller's record or dataset */
  gboolean             frozen;       /* object's notifications are frozen */
  gint64               id;
  gboolean             flag;
  char                *text;
  PlcDate              date;
  PlcDate              until;
  PlcRoutineOffset    *offset;

  GAsyncReadyCallback  callback;
  gpointer             user_data;
};

static Job *
job_new (JobFunc        func,
         GDestroyNotify result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->result_free = result_free;

  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->object);
  g_free (job->text);
  g_clear_pointer (&job->offset, plc_routine_offset_free);
  g_free (job);
}

static void
job_thread (gpointer data,
            gpointer user_data)
{
  GTask *task = data;  /* the pool's reference, dropped in job_done() */
  PlcStore *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  gpointer result = NULL;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->job_lock);
  if (self->db == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           sqlite3_errstr (SQLITE_MISUSE));
      ok = FALSE;
    }
  else
    {
      ok = job->func (self, job, &result, &error);
    }
  g_mutex_unlock (&self->job_lock);

  /* Nothing may touch self or job after this */
  if (!ok)
    g_task_return_error (task, error);
  else if (job->result_free == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
job_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = user_data;

  if (job->frozen)
    {
      g_object_thaw_notify (job->object);
      job->frozen = FALSE;
    }

  if (job->callback != NULL)
    job->callback (source_object, result, job->user_data);

  g_object_unref (result);
}

/* Takes @job */
static void
queue_job (PlcStore            *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task;

  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (self, cancellable, job_done, job);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Cancelling stops a job that has not started; one that has run reports
   * what it did, so that a save is never reported cancelled yet made. */
  g_task_set_check_cancellable (task, FALSE);
  g_thread_pool_push (self->jobs, task, NULL);
}

static gboolean
finish_boolean (PlcStore      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gpointer
finish_pointer (PlcStore      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

static gboolean
job_save (PlcStore  *self,
          Job       *job,
          gpointer  *result,
          GError   **error)
{
  return save_one (self, job->kind, job->object, error);
}

static void
save_async (PlcStore            *self,
            const RecordKind    *kind,
            GObject             *object,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, kind->get_type ()));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_save, NULL);
  job->kind = kind;
  job->object = g_object_ref (object);
  /* The worker sets the id, version and ref; the notifications come out
   * in the caller's thread, before the callback runs. */
  g_object_freeze_notify (object);
  job->frozen = TRUE;

  queue_job (self, job, source_tag, cancellable, callback, user_data);
}

/**
 * plc_store_save_child_async:
 * @self: a #PlcStore
 * @child: the child to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Saves @child on the store's worker thread, like plc_store_save_child().
 * All asynchronous calls on one store run one at a time, in the order they
 * were made.  Cancelling @cancellable stops the call only if it has not
 * started yet; it then fails with %G_IO_ERROR_CANCELLED and changes
 * nothing.
 *
 * The worker works on @child itself, setting its id, version and ref: the
 * caller must neither change nor read @child until @callback has run.  Its
 * property notifications are held back until then and emitted in the
 * caller's thread.  Do not call the synchronous API of the same store
 * while asynchronous calls are pending.
 */
void
plc_store_save_child_async (PlcStore            *self,
                            PlcChild            *child,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  save_async (self, &kinds[KIND_CHILD], G_OBJECT (child), plc_store_save_child_async,
              cancellable, callback, user_data);
}

/**
 * plc_store_save_child_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %PLC_ERROR_STALE if the stored child was
 *   changed since @child was read
 */
gboolean
plc_store_save_child_finish (PlcStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, plc_store_save_child_async, error);
}

void
plc_store_save_placement_async (PlcStore            *self,
                                PlcPlacement        *placement,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  save_async (self, &kinds[KIND_PLACEMENT], G_OBJECT (placement), plc_store_save_placement_async,
              cancellable, callback, user_data);
}

gboolean
plc_store_save_placement_finish (PlcStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_boolean (self, result, plc_store_save_placement_async, error);
}

void
plc_store_save_step_status_async (PlcStore            *self,
                                  PlcStepStatus       *status,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  save_async (self, &kinds[KIND_STEP], G_OBJECT (status), plc_store_save_step_status_async,
              cancellable, callback, user_data);
}

gboolean
plc_store_save_step_status_finish (PlcStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_boolean (self, result, plc_store_save_step_status_async, error);
}

void
plc_store_save_contact_async (PlcStore            *self,
                              PlcContact          *contact,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  save_async (self, &kinds[KIND_CONTACT], G_OBJECT (contact), plc_store_save_contact_async,
              cancellable, callback, user_data);
}

gboolean
plc_store_save_contact_finish (PlcStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_boolean (self, result, plc_store_save_contact_async, error);
}

void
plc_store_save_contact_log_entry_async (PlcStore            *self,
                                        PlcContactLogEntry  *entry,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  save_async (self, &kinds[KIND_CONTACT_LOG], G_OBJECT (entry), plc_store_save_contact_log_entry_async,
              cancellable, callback, user_data);
}

gboolean
plc_store_save_contact_log_entry_finish (PlcStore      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_boolean (self, result, plc_store_save_contact_log_entry_async, error);
}

void
plc_store_save_deviation_async (PlcStore            *self,
                                PlcDeviation        *deviation,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  save_async (self, &kinds[KIND_DEVIATION], G_OBJECT (deviation), plc_store_save_deviation_async,
              cancellable, callback, user_data);
}

gboolean
plc_store_save_deviation_finish (PlcStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_boolean (self, result, plc_store_save_deviation_async, error);
}

/* Reading */

static gboolean
job_list (PlcStore  *self,
          Job       *job,
          gpointer  *result,
          GError   **error)
{
  GPtrArray *ret = NULL;

  if (job->kind == &kinds[KIND_CHILD])
    ret = plc_store_list_children (self, job->flag, error);
  else if (job->kind == &kinds[KIND_PLACEMENT])
    ret = plc_store_list_placements (self, job->id, job->flag, error);
  else if (job->kind == &kinds[KIND_STEP])
    ret = plc_store_list_step_statuses (self, job->id, error);
  else if (job->kind == &kinds[KIND_CONTACT])
    ret = plc_store_list_contacts (self, job->flag, error);
  else if (job->kind == &kinds[KIND_CONTACT_LOG])
    ret = plc_store_list_contact_log (self, job->id, error);
  else if (job->kind == &kinds[KIND_DEVIATION])
    ret = plc_store_list_deviations (self, job->flag, error);
  else
    g_assert_not_reached ();

  *result = ret;
  return ret != NULL;
}

static void
list_async (PlcStore            *self,
            const RecordKind    *kind,
            gint64               id,
            gboolean             include_deleted,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_list, (GDestroyNotify) g_ptr_array_unref);
  job->kind = kind;
  job->id = id;
  job->flag = include_deleted;

  queue_job (self, job, source_tag, cancellable, callback, user_data);
}

/**
 * plc_store_list_children_async:
 * @self: a #PlcStore
 * @include_deleted: whether to list deleted children too
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Lists the children on the store's worker thread, like
 * plc_store_list_children().  The other list calls work the same way.
 */
void
plc_store_list_children_async (PlcStore            *self,
                               gboolean             include_deleted,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  list_async (self, &kinds[KIND_CHILD], 0, include_deleted, plc_store_list_children_async,
              cancellable, callback, user_data);
}

/**
 * plc_store_list_children_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcChild): the children, or
 *   %NULL with @error set
 */
GPtrArray *
plc_store_list_children_finish (PlcStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, plc_store_list_children_async, error);
}

void
plc_store_list_placements_async (PlcStore            *self,
                                 gint64               child_id,
                                 gboolean             include_deleted,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  list_async (self, &kinds[KIND_PLACEMENT], child_id, include_deleted, plc_store_list_placements_async,
              cancellable, callback, user_data);
}

GPtrArray *
plc_store_list_placements_finish (PlcStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, plc_store_list_placements_async, error);
}

void
plc_store_list_step_statuses_async (PlcStore            *self,
                                    gint64               placement_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  list_async (self, &kinds[KIND_STEP], placement_id, FALSE, plc_store_list_step_statuses_async,
              cancellable, callback, user_data);
}

GPtrArray *
plc_store_list_step_statuses_finish (PlcStore      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, plc_store_list_step_statuses_async, error);
}

void
plc_store_list_contacts_async (PlcStore            *self,
                               gboolean             include_deleted,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  list_async (self, &kinds[KIND_CONTACT], 0, include_deleted, plc_store_list_contacts_async,
              cancellable, callback, user_data);
}

GPtrArray *
plc_store_list_contacts_finish (PlcStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, plc_store_list_contacts_async, error);
}

void
plc_store_list_contact_log_async (PlcStore            *self,
                                  gint64               child_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  list_async (self, &kinds[KIND_CONTACT_LOG], child_id, FALSE, plc_store_list_contact_log_async,
              cancellable, callback, user_data);
}

GPtrArray *
plc_store_list_contact_log_finish (PlcStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, plc_store_list_contact_log_async, error);
}

void
plc_store_list_deviations_async (PlcStore            *self,
                                 gboolean             include_deleted,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  list_async (self, &kinds[KIND_DEVIATION], 0, include_deleted, plc_store_list_deviations_async,
              cancellable, callback, user_data);
}

GPtrArray *
plc_store_list_deviations_finish (PlcStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, plc_store_list_deviations_async, error);
}

static gboolean
job_get_child (PlcStore  *self,
               Job       *job,
               gpointer  *result,
               GError   **error)
{
  *result = plc_store_get_child (self, job->id, error);
  return *result != NULL;
}

void
plc_store_get_child_async (PlcStore            *self,
                           gint64               id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_get_child, g_object_unref);
  job->id = id;
  queue_job (self, job, plc_store_get_child_async, cancellable, callback, user_data);
}

/**
 * plc_store_get_child_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the child, or %NULL with @error set
 */
PlcChild *
plc_store_get_child_finish (PlcStore      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, plc_store_get_child_async, error);
}

static gboolean
job_get_placement (PlcStore  *self,
                   Job       *job,
                   gpointer  *result,
                   GError   **error)
{
  *result = plc_store_get_placement (self, job->id, error);
  return *result != NULL;
}

void
plc_store_get_placement_async (PlcStore            *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_get_placement, g_object_unref);
  job->id = id;
  queue_job (self, job, plc_store_get_placement_async, cancellable, callback, user_data);
}

/**
 * plc_store_get_placement_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the placement, or %NULL with @error set
 */
PlcPlacement *
plc_store_get_placement_finish (PlcStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, plc_store_get_placement_async, error);
}

/* Soft delete */

static gboolean
job_set_deleted (PlcStore  *self,
                 Job       *job,
                 gpointer  *result,
                 GError   **error)
{
  return set_deleted (self, job->kind, job->id, job->flag, error);
}

static void
set_deleted_async (PlcStore            *self,
                   const RecordKind    *kind,
                   gint64               id,
                   gboolean             deleted,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_set_deleted, NULL);
  job->kind = kind;
  job->id = id;
  job->flag = deleted;
  queue_job (self, job, source_tag, cancellable, callback, user_data);
}

#define DEFINE_SET_DELETED_ASYNC(fn, kind_index, deleted)                  \
  void                                                                     \
  fn##_async (PlcStore            *self,                                   \
              gint64               id,                                     \
              GCancellable        *cancellable,                            \
              GAsyncReadyCallback  callback,                               \
              gpointer             user_data)                              \
  {                                                                        \
    set_deleted_async (self, &kinds[kind_index], id, deleted, fn##_async,  \
                       cancellable, callback, user_data);                  \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  fn##_finish (PlcStore      *self,                                        \
               GAsyncResult  *result,                                      \
               GError       **error)                                       \
  {                                                                        \
    return finish_boolean (self, result, fn##_async, error);               \
  }

DEFINE_SET_DELETED_ASYNC (plc_store_delete_child, KIND_CHILD, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_child, KIND_CHILD, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_placement, KIND_PLACEMENT, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_placement, KIND_PLACEMENT, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_contact, KIND_CONTACT, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_contact, KIND_CONTACT, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_deviation, KIND_DEVIATION, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_deviation, KIND_DEVIATION, FALSE)

#undef DEFINE_SET_DELETED_ASYNC

/* The audit log */

static gboolean
job_record_opened (PlcStore  *self,
                   Job       *job,
                   gpointer  *result,
                   GError   **error)
{
  return plc_store_record_opened (self, job->text, job->id, error);
}

void
plc_store_record_opened_async (PlcStore            *self,
                               const char          *record_type,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (record_type != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_record_opened, NULL);
  job->text = g_strdup (record_type);
  job->id = id;
  queue_job (self, job, plc_store_record_opened_async, cancellable, callback, user_data);
}

gboolean
plc_store_record_opened_finish (PlcStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_boolean (self, result, plc_store_record_opened_async, error);
}

static gboolean
job_list_audit (PlcStore  *self,
                Job       *job,
                gpointer  *result,
                GError   **error)
{
  *result = plc_store_list_audit (self, job->date, job->until, error);
  return *result != NULL;
}

void
plc_store_list_audit_async (PlcStore            *self,
                            PlcDate              since,
                            PlcDate              until,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_list_audit, (GDestroyNotify) g_ptr_array_unref);
  job->date = since;
  job->until = until;
  queue_job (self, job, plc_store_list_audit_async, cancellable, callback, user_data);
}

/**
 * plc_store_list_audit_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcAuditEntry): the audit
 *   log, oldest first, or %NULL with @error set
 */
GPtrArray *
plc_store_list_audit_finish (PlcStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, plc_store_list_audit_async, error);
}

/* Local routine offsets */

static gboolean
job_set_routine_offset (PlcStore  *self,
                        Job       *job,
                        gpointer  *result,
                        GError   **error)
{
  return set_routine_offset (self, job->offset, error);
}

/**
 * plc_store_set_routine_offset_async:
 * @self: a #PlcStore
 * @profile_id: the agreement profile's id
 * @rule_id: the rule's id
 * @amount: the offset from the rule's anchor; negative means before it
 * @unit: the offset's unit
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Sets a local routine offset on the store's worker thread, like
 * plc_store_set_routine_offset().
 */
void
plc_store_set_routine_offset_async (PlcStore            *self,
                                    const char          *profile_id,
                                    const char          *rule_id,
                                    int                  amount,
                                    PlcOffsetUnit        unit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (rule_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_set_routine_offset, NULL);
  job->offset = plc_routine_offset_new (profile_id, rule_id, amount, unit);
  queue_job (self, job, plc_store_set_routine_offset_async, cancellable, callback, user_data);
}

gboolean
plc_store_set_routine_offset_finish (PlcStore      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_boolean (self, result, plc_store_set_routine_offset_async, error);
}

static gboolean
job_clear_routine_offset (PlcStore  *self,
                          Job       *job,
                          gpointer  *result,
                          GError   **error)
{
  return plc_store_clear_routine_offset (self, job->offset->profile_id, job->offset->rule_id, error);
}

/**
 * plc_store_clear_routine_offset_async:
 * @self: a #PlcStore
 * @profile_id: the agreement profile's id
 * @rule_id: the rule's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Clears a local routine offset on the store's worker thread, like
 * plc_store_clear_routine_offset().
 */
void
plc_store_clear_routine_offset_async (PlcStore            *self,
                                      const char          *profile_id,
                                      const char          *rule_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (rule_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_clear_routine_offset, NULL);
  job->offset = plc_routine_offset_new (profile_id, rule_id, 0, PLC_OFFSET_UNIT_DAYS);
  queue_job (self, job, plc_store_clear_routine_offset_async, cancellable, callback, user_data);
}

gboolean
plc_store_clear_routine_offset_finish (PlcStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_boolean (self, result, plc_store_clear_routine_offset_async, error);
}

static gboolean
job_list_routine_offsets (PlcStore  *self,
                          Job       *job,
                          gpointer  *result,
                          GError   **error)
{
  *result = plc_store_list_routine_offsets (self, job->text, error);
  return *result != NULL;
}

/**
 * plc_store_list_routine_offsets_async:
 * @self: a #PlcStore
 * @profile_id: (nullable): an agreement profile's id, or %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Lists local routine offsets on the store's worker thread, like
 * plc_store_list_routine_offsets().
 */
void
plc_store_list_routine_offsets_async (PlcStore            *self,
                                      const char          *profile_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_list_routine_offsets, (GDestroyNotify) g_ptr_array_unref);
  job->text = g_strdup (profile_id);
  queue_job (self, job, plc_store_list_routine_offsets_async, cancellable, callback, user_data);
}

/**
 * plc_store_list_routine_offsets_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcRoutineOffset): the local
 *   routine offsets, or %NULL with @error set
 */
GPtrArray *
plc_store_list_routine_offsets_finish (PlcStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, plc_store_list_routine_offsets_async, error);
}

/* Import and export */

static gboolean
job_import (PlcStore  *self,
            Job       *job,
            gpointer  *result,
            GError   **error)
{
  return plc_store_import (self, PLC_DATASET (job->object), error);
}

/**
 * plc_store_import_async:
 * @self: a #PlcStore
 * @dataset: the records to import
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Imports @dataset on the store's worker thread, like plc_store_import().
 * The caller must not touch @dataset or its records until @callback has
 * run.
 */
void
plc_store_import_async (PlcStore            *self,
                        PlcDataset          *dataset,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (PLC_IS_DATASET (dataset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_import, NULL);
  job->object = g_object_ref (G_OBJECT (dataset));
  queue_job (self, job, plc_store_import_async, cancellable, callback, user_data);
}

gboolean
plc_store_import_finish (PlcStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_boolean (self, result, plc_store_import_async, error);
}

static gboolean
job_export (PlcStore  *self,
            Job       *job,
            gpointer  *result,
            GError   **error)
{
  *result = plc_store_export (self, error);
  return *result != NULL;
}

void
plc_store_export_async (PlcStore            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_export, g_object_unref);
  queue_job (self, job, plc_store_export_async, cancellable, callback, user_data);
}

/**
 * plc_store_export_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the records, or %NULL with @error set
 */
PlcDataset *
plc_store_export_finish (PlcStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_pointer (self, result, plc_store_export_async, error);
}
