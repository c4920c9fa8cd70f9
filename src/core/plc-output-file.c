/* plc-output-file.c: every file Placements writes for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export, a backup, a report, the audit log as CSV, a PDF: each is
 * written to a temporary file beside the one asked for, flushed to disk and
 * renamed over it, so that the file is either the old one whole or the new
 * one whole, never half written; a file that holds personal data is made
 * with mode 0600.
 *
 * And no file is ever written over a database: `export -o DB`, `backup DB`
 * and `report … -o DB` once replaced the encrypted database with plaintext
 * JSON, a CSV or a copy only a passphrase opens.  A target is refused when
 * it is, by device and inode (so whatever the name: a symlink, "./x", a
 * hard link), or by folder and name when it does not exist yet, a database
 * or its "-wal", "-shm" or "-journal" file, for each database
 *  - opened by this process (plc_store_open() calls
 *    plc_output_file_protect());
 *  - at the application's two default paths;
 *  - whose key the system keyring holds (plc_keyring_list_databases()).
 * The check is made when the file is made and again just before it is
 * renamed into place.  A symlink is followed: the file it points to is
 * replaced, not the link.
 */

#define G_LOG_DOMAIN "plc-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "plc-output-file.h"
#include "plc-paths.h"

struct _PlcOutputFile
{
  char          *display;      /* as given, for messages */
  char          *target;       /* its real path: folder symlinks resolved */
  char          *temp;
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

static GMutex protect_lock;
static GPtrArray *protected_databases;

/**
 * plc_output_file_protect:
 * @database_path: a database this process opens
 *
 * From now on, no output file is written over @database_path or its
 * "-wal", "-shm" and "-journal" files.  plc_store_open() calls it.
 */
void
plc_output_file_protect (const char *database_path)
{
  g_autofree char *path = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (database_path != NULL);

  path = g_canonicalize_filename (database_path, NULL);
  locker = g_mutex_locker_new (&protect_lock);

  if (protected_databases == NULL)
    protected_databases = g_ptr_array_new_with_free_func (g_free);
  if (!g_ptr_array_find_with_equal_func (protected_databases, path, g_str_equal, NULL))
    g_ptr_array_add (protected_databases, g_steal_pointer (&path));
}

static void
add_database (GPtrArray  *paths,
              const char *database)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    g_ptr_array_add (paths, g_strconcat (database, suffixes[i], NULL));
}

/* Every file an output must not replace */
static GPtrArray *
collect_protected (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *default_database = plc_paths_dup_default_database ();
  g_autofree char *demo_database = plc_paths_dup_demo_database ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) known = NULL;

  add_database (paths, default_database);
  add_database (paths, demo_database);

  {
    G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&protect_lock);

    for (guint i = 0; protected_databases != NULL && i < protected_databases->len; i++)
      add_database (paths, g_ptr_array_index (protected_databases, i));
  }

  /* The keyring may be locked or absent: what it cannot tell, the rest
   * still covers */
  known = plc_keyring_list_databases (NULL, &error);
  if (known == NULL)
    g_debug ("Could not list the databases the keyring knows: %s", error->message);
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    add_database (paths, known[i]);

  return paths;
}

static gboolean
same_inode (const struct stat *a,
            const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @target (a real path) is, or would be made as, @protected */
static gboolean
is_protected (const char        *target,
              const struct stat *target_stat,
              const struct stat *target_dir_stat,
              const char        *protected)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target_name = NULL;
  struct stat st;

  if (target_stat != NULL && g_stat (protected, &st) == 0 && same_inode (&st, target_stat))
    return TRUE;

  dir = g_path_get_dirname (protected);
  name = g_path_get_basename (protected);
  target_name = g_path_get_basename (target);

  return g_str_equal (name, target_name) &&
         g_stat (dir, &st) == 0 && same_inode (&st, target_dir_stat);
}

static gboolean
check_against (const char  *display,
               const char  *target,
               GPtrArray   *protected,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  struct stat target_stat;
  struct stat dir_stat;
  gboolean exists;

  if (g_stat (dir, &dir_stat) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file name, the second why */
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  exists = g_stat (target, &target_stat) == 0;
  if (exists && !S_ISREG (target_stat.st_mode))
    {
      g_set_error (error, G_IO_ERROR,
                   S_ISDIR (target_stat.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is a file name */
                   _("Could not write “%s”: it is not a regular file"), display);
      return FALSE;
    }

  for (guint i = 0; i < protected->len; i++)
    {
      if (is_protected (target, exists ? &target_stat : NULL, &dir_stat,
                        g_ptr_array_index (protected, i)))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a file name */
                       _("“%s” is a Placements database or one of its files: nothing was written. "
                         "Choose another file."),
                       display);
          return FALSE;
        }
    }

  return TRUE;
}

/* @path with the symlinks of the file and its folder resolved; a file that
 * does not exist yet is named in its folder's real path */
static char *
resolve (const char  *path,
         GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  char *real;

  real = realpath (absolute, NULL);
  if (real != NULL)
    {
      char *ret = g_strdup (real);

      free (real);
      return ret;
    }

  dir = g_path_get_dirname (absolute);
  name = g_path_get_basename (absolute);
  real = realpath (dir, NULL);
  if (real == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  {
    char *ret = g_build_filename (real, name, NULL);

    free (real);
    return ret;
  }
}

/**
 * plc_output_file_check_target:
 * @path: a file to be written
 * @error: return location for a #GError
 *
 * Checks that @path may be written: its folder exists, it is not a
 * folder or a device, and it is not a database or one of its files (see
 * the top of plc-output-file.c).  plc_output_file_new() does this itself;
 * this is for a caller that wants to refuse before any work is done.
 *
 * Returns: %TRUE if @path may be written
 */
gboolean
plc_output_file_check_target (const char  *path,
                              GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GPtrArray) protected = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve (path, error);
  if (target == NULL)
    return FALSE;

  display = g_filename_display_name (path);
  protected = collect_protected ();

  return check_against (display, target, protected, error);
}

static void
set_write_error (PlcOutputFile  *self,
                 int             saved_errno,
                 GError        **error)
{
  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: the first %s is a file name, the second why, such as "File too large" */
                 _("Could not write “%s”: there is no room on the disk (%s); nothing was written"),
                 self->display, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write “%s”: %s"), self->display, g_strerror (saved_errno));
}

/**
 * plc_output_file_new:
 * @path: the file to write
 * @flags: whether it holds personal data
 * @error: return location for a #GError
 *
 * Checks @path as plc_output_file_check_target() does and makes an empty
 * temporary file beside it, where what is written goes until
 * plc_output_file_commit() renames it over @path.  Freed without a commit,
 * the temporary file is removed and @path is left as it was.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
PlcOutputFile *
plc_output_file_new (const char          *path,
                     PlcOutputFileFlags   flags,
                     GError             **error)
{
  g_autoptr(PlcOutputFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *template = NULL;
  int mode = (flags & PLC_OUTPUT_FILE_PRIVATE) != 0 ? 0600 : 0666;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (PlcOutputFile, 1);
  self->fd = -1;
  self->display = g_filename_display_name (path);
  self->target = resolve (path, error);
  if (self->target == NULL)
    return NULL;

  {
    g_autoptr(GPtrArray) protected = collect_protected ();

    if (!check_against (self->display, self->target, protected, error))
      return NULL;
  }

  dir = g_path_get_dirname (self->target);
  {
    g_autofree char *name = g_path_get_basename (self->target);

    template = g_strdup_printf (".%s.XXXXXX", name);
  }
  self->temp = g_build_filename (dir, template, NULL);

  /* O_EXCL, with @mode less the umask */
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp, g_free);
      set_write_error (self, saved_errno, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * plc_output_file_get_temp_path:
 * @self: a #PlcOutputFile
 *
 * The temporary file, for a writer that needs a path (SQLite attaching a
 * copy), which then writes to it alone: @self closes its own descriptor
 * (closing a descriptor of a file drops every POSIX lock the process holds
 * on it, SQLite's too), so plc_output_file_get_stream() and
 * plc_output_file_write() are not to be used after this.  It exists and is
 * empty when @self is made.
 *
 * Returns: (transfer none): its path
 */
const char *
plc_output_file_get_temp_path (PlcOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stream == NULL, NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }

  return self->temp;
}

/**
 * plc_output_file_get_stream:
 * @self: a #PlcOutputFile
 *
 * A stream that writes to the temporary file.  Closing it is not needed:
 * plc_output_file_commit() flushes it.
 *
 * Returns: (transfer none): the stream
 */
GOutputStream *
plc_output_file_get_stream (PlcOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->fd >= 0, NULL);

  if (self->stream == NULL)
    self->stream = g_unix_output_stream_new (self->fd, FALSE);

  return self->stream;
}

/**
 * plc_output_file_write:
 * @self: a #PlcOutputFile
 * @data: (array length=length): bytes
 * @length: how many
 * @error: return location for a #GError
 *
 * Appends @data to the temporary file.
 *
 * Returns: %TRUE if all of it was written
 */
gboolean
plc_output_file_write (PlcOutputFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      ssize_t n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_write_error (self, errno, error);
          return FALSE;
        }

      p += n;
      length -= (gsize) n;
    }

  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Best effort: the rename is done either way */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * plc_output_file_commit:
 * @self: a #PlcOutputFile
 * @error: return location for a #GError
 *
 * Flushes the temporary file to disk, checks the target once more, and
 * renames the temporary file over it.  On failure the target is left as
 * it was (and the temporary file is removed when @self is freed).
 *
 * Returns: %TRUE if the target now holds what was written
 */
gboolean
plc_output_file_commit (PlcOutputFile  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) protected = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->stream != NULL && !g_output_stream_flush (self->stream, NULL, error))
    return FALSE;

  /* By its path: a writer that had the path (SQLite) wrote through a
   * descriptor of its own */
  fd = g_open (self->temp, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      set_write_error (self, errno, error);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);

  /* Again: a database may have been opened, or a link made, meanwhile */
  protected = collect_protected ();
  if (!check_against (self->display, self->target, protected, error))
    return FALSE;

  if (g_rename (self->temp, self->target) != 0)
    {
      set_write_error (self, errno, error);
      return FALSE;
    }

  self->committed = TRUE;
  sync_folder (self->target);

  return TRUE;
}

/**
 * plc_output_file_free:
 * @self: (nullable): a #PlcOutputFile
 *
 * Frees @self; without a commit, removes the temporary file.
 */
void
plc_output_file_free (PlcOutputFile *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp != NULL && !self->committed)
    g_unlink (self->temp);

  g_free (self->display);
  g_free (self->target);
  g_free (self->temp);
  g_free (self);
}

/**
 * plc_output_file_set_contents:
 * @path: the file to write
 * @data: (array length=length): its new contents
 * @length: how many bytes
 * @flags: whether it holds personal data
 * @error: return location for a #GError
 *
 * Writes @data to @path through a #PlcOutputFile: never over a database,
 * never half written.
 *
 * Returns: %TRUE if @path now holds @data
 */
gboolean
plc_output_file_set_contents (const char          *path,
                              const void          *data,
                              gsize                length,
                              PlcOutputFileFlags   flags,
                              GError             **error)
{
  g_autoptr(PlcOutputFile) file = NULL;

  file = plc_output_file_new (path, flags, error);

  return file != NULL &&
         plc_output_file_write (file, data, length, error) &&
         plc_output_file_commit (file, error);
}
