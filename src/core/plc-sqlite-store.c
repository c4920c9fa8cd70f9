/* plc-sqlite-store.c: the encrypted SQLite (SQLCipher) store: opening, checking, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "plc-output-file.h"
#include "plc-sqlite-store-private.h"

gboolean
_plc_sqlite_set_error (sqlite3     *db,
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

gboolean
_plc_sqlite_exec (sqlite3     *db,
                  const char  *sql,
                  const char  *what,
                  GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _plc_sqlite_set_error (db, rc, what, error);

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

int
_plc_sqlite_query_int (sqlite3    *db,
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

G_DEFINE_FINAL_TYPE (PlcSqliteStore, plc_sqlite_store, PLC_TYPE_STORE)

static int
plc_sqlite_store_get_schema_version (PlcStore *store)
{
  return PLC_SQLITE_STORE (store)->schema_version;
}

/**
 * plc_sqlite_store_dup_cipher_version:
 * @self: a #PlcSqliteStore
 *
 * Returns: (transfer full) (nullable): SQLCipher's version, or %NULL when the
 *   library is plain SQLite
 */
char *
plc_sqlite_store_dup_cipher_version (PlcSqliteStore *self)
{
  g_return_val_if_fail (PLC_IS_SQLITE_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return query_text (self->db, "PRAGMA cipher_version");
}

/* PlcStoreClass::check: the database's integrity, its encryption and its
 * foreign keys */
static gboolean
plc_sqlite_store_check (PlcStore  *store,
                        GError   **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autofree char *integrity = NULL;
  g_autofree char *cipher_version = NULL;
  g_autofree char *dangling = NULL;

  cipher_version = plc_sqlite_store_dup_cipher_version (self);
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

static void
plc_sqlite_store_close (PlcStore *store)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);

  /* The statements first: a connection with statements left does not close */
  g_hash_table_remove_all (self->kept);
  g_hash_table_remove_all (self->statements);

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->changes, g_ptr_array_unref);
}

static void
plc_sqlite_store_finalize (GObject *object)
{
  PlcSqliteStore *self = (PlcSqliteStore *)object;

  g_hash_table_unref (self->kept);
  g_hash_table_unref (self->statements);
  g_hash_table_unref (self->queries);

  G_OBJECT_CLASS (plc_sqlite_store_parent_class)->finalize (object);
}

static void
plc_sqlite_store_class_init (PlcSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PlcStoreClass *store_class = PLC_STORE_CLASS (klass);

  object_class->finalize = plc_sqlite_store_finalize;

  _plc_sqlite_records_init_sql ();

  store_class->get_schema_version = plc_sqlite_store_get_schema_version;
  store_class->check = plc_sqlite_store_check;
  store_class->close = plc_sqlite_store_close;
  store_class->save_record = _plc_sqlite_store_save_record;
  store_class->get_record = _plc_sqlite_store_get_record;
  store_class->get_record_by_ref = _plc_sqlite_store_get_record_by_ref;
  store_class->get_step_status = _plc_sqlite_store_get_step_status;
  store_class->list_records = _plc_sqlite_store_list_records;
  store_class->set_deleted = _plc_sqlite_store_set_deleted;
  store_class->record_opened = _plc_sqlite_store_record_opened;
  store_class->list_audit = _plc_sqlite_store_list_audit;
  store_class->set_routine_offset = _plc_sqlite_store_set_routine_offset;
  store_class->clear_routine_offset = _plc_sqlite_store_clear_routine_offset;
  store_class->list_routine_offsets = _plc_sqlite_store_list_routine_offsets;
  store_class->import = _plc_sqlite_store_import;
  store_class->export = _plc_sqlite_store_export;
  store_class->backup = _plc_sqlite_store_backup;
  store_class->poll_changes = _plc_sqlite_store_poll_changes;
}

static void
plc_sqlite_store_init (PlcSqliteStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  self->kept = g_hash_table_new (NULL, NULL);
  self->queries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

static PlcStore *
open_at_version (const char  *path,
                 GBytes      *key,
                 int          target_version,
                 GError     **error)
{
  g_autoptr(PlcSqliteStore) self = NULL;
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

  self = g_object_new (PLC_TYPE_SQLITE_STORE, "location", path, NULL);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _plc_sqlite_set_error (self->db, rc, _("opening the database file"), error);
      return NULL;
    }

  /* Before the first statement: another process (the application, another
   * command) may hold a lock for a moment, even on the first read (the last
   * connection of another process checkpoints and removes the WAL as it
   * closes).  Wait for it rather than fail with "database is locked". */
  sqlite3_busy_timeout (self->db, PLC_STORE_BUSY_TIMEOUT_MS);

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
      _plc_sqlite_set_error (self->db, rc, _("setting the encryption key"), error);
      return NULL;
    }

  /* SQLCipher 4 (in the Flatpak runtime) then reads and writes the same
   * format as Debian's SQLCipher 3.4.1, which ignores this pragma, so one
   * database file works with both. */
  if (!_plc_sqlite_exec (self->db, "PRAGMA cipher_compatibility = 3", _("setting the encryption key"), error))
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
      _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  if (!_plc_sqlite_exec (self->db, "PRAGMA foreign_keys = ON", _("configuring the database"), error) ||
      !_plc_sqlite_exec (self->db, "PRAGMA journal_mode = WAL", _("configuring the database"), error) ||
      !_plc_sqlite_exec (self->db, "PRAGMA synchronous = FULL", _("configuring the database"), error) ||
      !_plc_sqlite_exec (self->db, "PRAGMA cache_size = " G_STRINGIFY (PLC_STORE_CACHE_SIZE), _("configuring the database"), error))
    return NULL;

  if (!_plc_sqlite_migrate (self, target_version, error) ||
      !_plc_sqlite_changes_init (self, error))
    return NULL;

  return PLC_STORE (g_steal_pointer (&self));
}

/**
 * plc_sqlite_store_open:
 * @path: the database file; created when missing
 * @key: the 256-bit raw key
 * @error: return location for a #GError
 *
 * Opens (and creates or upgrades) an encrypted database.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlcStore *
plc_sqlite_store_open (const char  *path,
                       GBytes      *key,
                       GError     **error)
{
  /* No output file of this process is ever written over it */
  plc_output_file_protect (path);

  return open_at_version (path, key, plc_store_get_latest_schema_version (), error);
}

/* For the migration tests: brings a database no further than @version. */
PlcStore *
_plc_store_open_at_version (const char  *path,
                            GBytes      *key,
                            int          version,
                            GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= plc_store_get_latest_schema_version (), NULL);

  return open_at_version (path, key, version, error);
}

/* A statement for @sql, prepared once per connection and kept: hand it back
 * with _plc_sqlite_release() when done.  Preparing took half the time of
 * an import when each statement was prepared anew.  @sql must stay where it
 * is for the connection's life (a literal, or one of the kinds' SQL made
 * once): the cache finds it by its address, not by hashing its text.  A
 * statement in use (a call within a call) is not shared: a new one is
 * prepared, and released by finalizing it. */
gboolean
_plc_sqlite_prepare (PlcSqliteStore *self,
                     const char     *sql,
                     sqlite3_stmt  **stmt,
                     GError        **error)
{
  sqlite3_stmt *cached = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (cached != NULL && !sqlite3_stmt_busy (cached))
    {
      *stmt = cached;
      return TRUE;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL);
  if (rc != SQLITE_OK)
    return _plc_sqlite_set_error (self->db, rc, _("preparing a query"), error);

  if (cached == NULL)
    {
      g_hash_table_insert (self->statements, (gpointer) sql, *stmt);
      g_hash_table_add (self->kept, *stmt);
    }

  return TRUE;
}

/* Hands back a statement from _plc_sqlite_prepare(): reset and without its
 * bindings, for the next use */
void
_plc_sqlite_release (PlcSqliteStore *self,
                     sqlite3_stmt   *stmt)
{
  if (stmt == NULL)
    return;

  if (g_hash_table_contains (self->kept, stmt))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    sqlite3_finalize (stmt);
}

/* For the tests: the SQL of every statement kept so far */
GPtrArray *
_plc_sqlite_store_list_statements (PlcStore *store)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (ret, g_strdup (sqlite3_sql (value)));

  return ret;
}

gboolean
_plc_sqlite_begin (PlcSqliteStore *self,
                   GError        **error)
{
  _plc_sqlite_changes_begin (self);

  return _plc_sqlite_exec (self->db, "BEGIN IMMEDIATE", _("starting a transaction"), error);
}

/* Commits, and announces what the transaction changed; rolls back on
 * failure. */
gboolean
_plc_sqlite_commit (PlcSqliteStore *self,
                    GError        **error)
{
  if (!_plc_sqlite_changes_prune (self, error) ||
      !_plc_sqlite_exec (self->db, "COMMIT", _("saving"), error))
    {
      _plc_sqlite_rollback (self);
      return FALSE;
    }

  _plc_sqlite_changes_committed (self);

  return TRUE;
}

gboolean
_plc_sqlite_rollback (PlcSqliteStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _plc_sqlite_changes_rolled_back (self);

  return FALSE;
}

/* Inside a write transaction, before a large write: a damaged file is not
 * written to, so that what can still be read is not made worse.  Takes
 * time in proportion to the size of the database, like the import itself;
 * rolls back on failure. */
gboolean
_plc_sqlite_check_quickly (PlcSqliteStore *self,
                           const char     *consequence,
                           GError        **error)
{
  g_autofree char *result = query_text (self->db, "PRAGMA quick_check(1)");

  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;

  _plc_sqlite_rollback (self);
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
