/* plc-sqlite-store-backup.c: backing up and restoring the SQLCipher store
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
#include "plc-output-file.h"
#include "plc-sqlite-store-private.h"

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
  if (!_plc_sqlite_exec (db, "PRAGMA foreign_keys = OFF", _("copying the database"), error))
    return FALSE;

  if (!_plc_sqlite_exec (db, "SELECT sqlcipher_export('target')", _("copying the database"), error) ||
      !_plc_sqlite_exec (db, set_version, _("copying the database"), error))
    {
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return FALSE;
    }

  return _plc_sqlite_exec (db, "PRAGMA foreign_keys = ON", _("copying the database"), error);
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
    return _plc_sqlite_set_error (db, rc, _("opening the copy"), error);

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (db, rc, _("opening the copy"), error);

  return TRUE;
}

/* PlcStoreClass::backup: a copy encrypted with a passphrase, made next to
 * @backup_path and renamed into place, so that a half-written backup never
 * exists; @backup_path is never a database or one of its files (see
 * plc_output_file_new()) */
gboolean
_plc_sqlite_store_backup (PlcStore    *store,
                          const char  *backup_path,
                          const char  *passphrase,
                          GError     **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(PlcOutputFile) output = NULL;
  const char *tmp;
  gboolean ok;

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
      ok = _plc_sqlite_exec (self->db, "PRAGMA target.cipher_compatibility = 3", _("copying the database"), error) &&
           export_into_target (self->db, self->schema_version, error);
      if (!_plc_sqlite_exec (self->db, "DETACH DATABASE target", _("closing the copy"), ok ? error : NULL))
        ok = FALSE;
    }

  if (ok)
    ok = _plc_sqlite_write_audit (self, "backup", "database", 0, NULL, error);

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

/* In the restored copy: the audit log and the change log say what happened */
static gboolean
note_restore (PlcSqliteStore  *restored,
              GError         **error)
{
  if (!_plc_sqlite_begin (restored, error))
    return FALSE;

  if (!_plc_sqlite_write_audit (restored, "restore", "database", 0, NULL, error) ||
      !_plc_sqlite_log_change (restored, PLC_RECORD_TYPE_DATABASE, 0, PLC_CHANGE_KIND_RESET, error))
    return _plc_sqlite_rollback (restored);

  return _plc_sqlite_commit (restored, error);
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
      _plc_sqlite_set_error (db, rc, _("opening the backup"), error);
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
  version = _plc_sqlite_query_int (db, "PRAGMA user_version", -1);
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
      ok = _plc_sqlite_exec (db, "PRAGMA target.cipher_compatibility = 3", _("copying the database"), error) &&
           export_into_target (db, version, error);
      if (!_plc_sqlite_exec (db, "DETACH DATABASE target", _("closing the copy"), ok ? error : NULL))
        ok = FALSE;
    }
  sqlite3_close (db);

  /* Open the copy as the store would, check it, and note the restore. */
  if (ok)
    {
      restored = plc_store_open (tmp, key, error);
      ok = restored != NULL &&
           plc_store_check (restored, error) &&
           note_restore (PLC_SQLITE_STORE (restored), error);
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
