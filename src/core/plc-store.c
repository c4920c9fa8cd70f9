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
#include "plc-store.h"

#define PLC_STORE_KEY_LENGTH 32
#define PLC_STORE_BUSY_TIMEOUT_MS 5000

struct _PlcStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  int      schema_version;
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
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (plc_store_parent_class)->finalize (object);
}

static void
plc_store_class_init (PlcStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_store_finalize;
}

static void
plc_store_init (PlcStore *self)
{
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  /* SQLite's messages name tables and constraints, never row values, so
   * they are safe to pass on. */
  g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
               /* Translators: the first %s says what was being done, the
                * second is the database engine's own (English) message */
               _("The database failed while %s: %s"),
               what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
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

  for (; version < (int)G_N_ELEMENTS (migrations); version++)
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

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
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
 * Closes the database.  Safe to call more than once.
 */
void
plc_store_close (PlcStore *self)
{
  g_return_if_fail (PLC_IS_STORE (self));

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}
