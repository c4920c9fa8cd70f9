/* plc-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-keyring"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "plc-keyring-private.h"

#define KEY_HEX_LENGTH (PLC_KEYRING_KEY_SIZE * 2)

/* Serializes "look up, and create if missing" within this process, so that
 * two callers (say the window and a background task) cannot both create a
 * key for the same database. Across processes there is no lock: storing
 * replaces an item with the same attributes, and the read-back after
 * storing returns whatever the keyring holds then. Two processes creating
 * the same new database at the same moment could still disagree; creating
 * the database file exclusively (O_EXCL) before asking for a key closes that.
 */
static GMutex create_lock;

static const SecretSchema *
plc_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    .name = PLC_KEYRING_SCHEMA_NAME,
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
set_unavailable_error (GError **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_KEYRING_UNAVAILABLE,
                       _("The system keyring is not available. Start a Secret "
                         "Service such as GNOME Keyring and try again."));
}

static void
set_locked_error (GError **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_KEYRING_LOCKED,
                       _("The keyring is locked. Unlock it (for example by "
                         "logging in again) and try again."));
}

static void
set_no_key_error (GError **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY,
                       _("The keyring holds no key for this database. Restore "
                         "the key from a backup, or restore the database from "
                         "an encrypted backup."));
}

static void
set_damaged_key_error (GError **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_FAILED,
                       _("The key for this database in the keyring is damaged. "
                         "Restore the key from a backup."));
}

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_UNKNOWN_METHOD:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
        case G_DBUS_ERROR_UNKNOWN_INTERFACE:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

/* Turns an error from libsecret or GDBus into a PLC_ERROR (takes @local_error). */
static void
propagate_secret_error (GError **error,
                        GError  *local_error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return;
    }

  g_debug ("Secret Service error: %s", local_error->message);

  if (g_error_matches (local_error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    set_locked_error (error);
  else if (is_unavailable_error (local_error))
    set_unavailable_error (error);
  else
    g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                 _("The system keyring reported an error: %s"), local_error->message);

  g_error_free (local_error);
}

/* A private (not shared) connection to the Secret Service each time: the
 * shared one from secret_service_get() would remember a service that was
 * missing or has gone away, while a new proxy asks the bus to start the
 * service if it can be activated, and tells us at once if not.
 */
static SecretService *
open_service (GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autofree char *owner = NULL;
  GError *local_error = NULL;

  /* No SECRET_SERVICE_LOAD_COLLECTIONS here: with nothing on the bus,
   * libsecret 0.20 then fails an assertion instead of returning an error.
   * Nothing below needs the list of collections anyway. */
  service = secret_service_open_sync (SECRET_TYPE_SERVICE, NULL,
                                      SECRET_SERVICE_NONE,
                                      cancellable, &local_error);
  if (service == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
        }
      else
        {
          g_debug ("Could not reach the Secret Service: %s", local_error->message);
          g_error_free (local_error);
          set_unavailable_error (error);
        }

      return NULL;
    }

  owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (service));
  if (owner == NULL)
    {
      g_debug ("Nothing owns %s on the session bus",
               g_dbus_proxy_get_name (G_DBUS_PROXY (service)));
      set_unavailable_error (error);
      return NULL;
    }

  return g_steal_pointer (&service);
}

static gboolean
default_collection_is_locked (SecretService  *service,
                              gboolean       *out_locked,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(SecretCollection) collection = NULL;
  GError *local_error = NULL;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE,
                                                 cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_secret_error (error, local_error);
      return FALSE;
    }

  /* No default collection at all is not "locked": storing will create one. */
  *out_locked = collection != NULL && secret_collection_get_locked (collection);
  return TRUE;
}

static void
wipe_key (gpointer data)
{
  explicit_bzero (data, PLC_KEYRING_KEY_SIZE);
  g_free (data);
}

/* Takes @data, PLC_KEYRING_KEY_SIZE bytes from g_malloc(). */
static GBytes *
key_bytes_new_take (guint8 *data)
{
  return g_bytes_new_with_free_func (data, PLC_KEYRING_KEY_SIZE, wipe_key, data);
}

static GBytes *
key_from_secret (SecretValue  *value,
                 GError      **error)
{
  g_autofree guint8 *key = NULL;
  const char *text;
  gsize length = 0;

  text = secret_value_get (value, &length);
  if (text == NULL)
    length = 0;

  /* Be lenient about what a person may have restored by hand with
   * "echo KEY | secret-tool store": surrounding white space, capitals. */
  while (length > 0 && g_ascii_isspace (text[0]))
    text++, length--;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  if (length != KEY_HEX_LENGTH)
    {
      set_damaged_key_error (error);
      return NULL;
    }

  key = g_malloc (PLC_KEYRING_KEY_SIZE);

  for (guint i = 0; i < PLC_KEYRING_KEY_SIZE; i++)
    {
      int high = g_ascii_xdigit_value (text[2 * i]);
      int low = g_ascii_xdigit_value (text[2 * i + 1]);

      if (high < 0 || low < 0)
        {
          explicit_bzero (key, PLC_KEYRING_KEY_SIZE);
          set_damaged_key_error (error);
          return NULL;
        }

      key[i] = (guint8) (high << 4 | low);
    }

  return key_bytes_new_take (g_steal_pointer (&key));
}

/* The secrets of the unlocked items matching @attributes, without ever
 * prompting: at least one, or an error.  NO_KEY means nothing matched and
 * the default collection is not locked either (so nothing can be hidden in
 * it); LOCKED means a match, or the collection that would hold one, is
 * locked.
 */
static GPtrArray *
search_values (SecretService       *service,
               const SecretSchema  *schema,
               GHashTable          *attributes,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autolist(SecretItem) items = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) secret_value_unref);
  GError *local_error = NULL;
  gboolean any_locked = FALSE;
  gboolean default_locked = FALSE;

  items = secret_service_search_sync (service, schema, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_secret_error (error, local_error);
      return NULL;
    }

  for (const GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      SecretValue *value;

      if (secret_item_get_locked (item))
        {
          any_locked = TRUE;
          continue;
        }

      value = secret_item_get_secret (item);
      if (value == NULL)
        {
          if (!secret_item_load_secret_sync (item, cancellable, &local_error))
            {
              propagate_secret_error (error, local_error);
              return NULL;
            }
          value = secret_item_get_secret (item);
        }

      if (value != NULL)
        g_ptr_array_add (values, value);
    }

  if (values->len > 0)
    return g_steal_pointer (&values);

  if (any_locked)
    {
      set_locked_error (error);
      return NULL;
    }

  if (!default_collection_is_locked (service, &default_locked, cancellable, error))
    return NULL;

  if (default_locked)
    set_locked_error (error);
  else
    set_no_key_error (error);

  return NULL;
}

/* Looks the key up without ever prompting (see search_values()); the
 * first valid one of the items found. */
static GBytes *
find_key (SecretService  *service,
          GHashTable     *attributes,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) damaged = NULL;

  values = search_values (service, plc_keyring_get_schema (), attributes, cancellable, error);
  if (values == NULL)
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      GBytes *key;

      g_clear_error (&damaged);
      key = key_from_secret (g_ptr_array_index (values, i), &damaged);
      if (key != NULL)
        return key;
    }

  g_propagate_error (error, g_steal_pointer (&damaged));
  return NULL;
}

static gboolean
read_urandom (guint8  *buffer,
              gsize    length,
              GError **error)
{
  gsize done = 0;
  int fd;

  fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    goto failed;

  while (done < length)
    {
      ssize_t n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : EIO;

          close (fd);
          errno = saved_errno;
          goto failed;
        }

      done += (gsize) n;
    }

  close (fd);
  return TRUE;

failed:
  {
    int saved_errno = errno;

    g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                 _("Could not make a new database key: %s"),
                 g_strerror (saved_errno));
  }
  return FALSE;
}

/* The kernel's CSPRNG: getrandom(), or /dev/urandom where that is missing. */
static gboolean
read_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          if (saved_errno == ENOSYS)
            return read_urandom (buffer, length, error);

          g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                       _("Could not make a new database key: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }

      done += (gsize) n;
    }

  return TRUE;
}

static void
key_to_hex_buffer (const guint8 *key,
                   char         *hex)
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < PLC_KEYRING_KEY_SIZE; i++)
    {
      hex[2 * i] = digits[key[i] >> 4];
      hex[2 * i + 1] = digits[key[i] & 0xf];
    }
  hex[KEY_HEX_LENGTH] = '\0';
}

/* A new random key as the secret the keyring keeps: 64 hex characters. */
static SecretValue *
new_key_value (GError **error)
{
  guint8 key[PLC_KEYRING_KEY_SIZE];
  char hex[KEY_HEX_LENGTH + 1];
  SecretValue *value;

  if (!read_random (key, sizeof key, error))
    return NULL;

  key_to_hex_buffer (key, hex);
  explicit_bzero (key, sizeof key);
  value = secret_value_new (hex, KEY_HEX_LENGTH, "text/plain");
  explicit_bzero (hex, sizeof hex);

  return value;
}

static char *
new_key_label (const char *database_path)
{
  g_autofree char *basename = g_path_get_basename (database_path);

  /* Translators: name of a keyring item (seen in Passwords and Keys); %s is a file name */
  return g_strdup_printf (_("Placements database key (%s)"), basename);
}

static gboolean
store_new_key (SecretService  *service,
               GHashTable     *attributes,
               const char     *database_path,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *label = NULL;
  GError *local_error = NULL;
  gboolean ret;

  value = new_key_value (error);
  if (value == NULL)
    return FALSE;

  label = new_key_label (database_path);
  ret = secret_service_store_sync (service, plc_keyring_get_schema (), attributes,
                                   SECRET_COLLECTION_DEFAULT, label, value,
                                   cancellable, &local_error);
  if (!ret)
    propagate_secret_error (error, local_error);

  return ret;
}

/* Inside a Flatpak sandbox libsecret keeps secrets in a file of the
 * application's own, encrypted with a secret that the Secret portal hands
 * out; only its simple password API takes that route (the SecretService
 * calls above would need the keyring's D-Bus name, which the sandbox does
 * not grant).  That store has no locked state.  PLACERINGAR_KEYRING_API=password
 * selects this path outside a sandbox, for the tests.
 */
static gboolean
use_password_api (void)
{
  static gsize initialized;
  static gboolean use_it;

  if (g_once_init_enter (&initialized))
    {
      use_it = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
               g_strcmp0 (g_getenv ("PLACERINGAR_KEYRING_API"), "password") == 0;
      g_once_init_leave (&initialized, 1);
    }

  return use_it;
}

/* Whether libsecret's password API goes through its file backend, whose
 * file is encrypted with a secret from the Secret portal: inside a Flatpak
 * sandbox, or with SECRET_BACKEND=file (as the tests set it), unless a
 * test gives the file's password itself (SECRET_FILE_TEST_PASSWORD). */
static gboolean
needs_secret_portal (void)
{
  const char *backend = g_getenv ("SECRET_BACKEND");

  if (g_getenv ("SECRET_FILE_TEST_PASSWORD") != NULL)
    return FALSE;

  if (backend != NULL && backend[0] != '\0')
    return g_str_equal (backend, "file");

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* The Secret portal has a backend only on some desktops (GNOME's keyring,
 * KDE Plasma 6's KWallet): where it has none, the portal does not offer
 * org.freedesktop.portal.Secret, or no portal runs at all.  Asked before
 * libsecret is, which would only say that something failed. */
static gboolean
check_secret_portal (GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) local_error = NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, &local_error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                         "/org/freedesktop/portal/desktop",
                                         "org.freedesktop.DBus.Properties", "Get",
                                         g_variant_new ("(ss)", "org.freedesktop.portal.Secret", "version"),
                                         G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                                         25000, cancellable, &local_error);
  if (reply != NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("The Secret portal is not there: %s", local_error->message);
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_SECRET_PORTAL_MISSING,
                       _("This desktop does not provide the Secret portal, which Placements "
                         "needs to keep the key of its encrypted database when it is installed "
                         "as a Flatpak. Log in to a GNOME or KDE Plasma 6 session, or install "
                         "Placements from your distribution’s packages instead. Your data is "
                         "safe: nothing was opened or changed."));
  return FALSE;
}

static GBytes *
password_api_lookup (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;

  attributes = secret_attributes_build (plc_keyring_get_schema (), "database", path, NULL);
  value = _plc_keyring_lookup (plc_keyring_get_schema (), attributes, cancellable, error);

  return value != NULL ? key_from_secret (value, error) : NULL;
}

static GBytes *
password_api_ensure_key (const char    *path,
                         gboolean       create,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *label = NULL;
  GError *local_error = NULL;
  GBytes *key;

  if (needs_secret_portal () && !check_secret_portal (cancellable, error))
    return NULL;

  key = password_api_lookup (path, cancellable, &local_error);
  if (key != NULL)
    return key;

  if (!create || !g_error_matches (local_error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_clear_error (&local_error);

  value = new_key_value (error);
  if (value == NULL)
    return NULL;

  label = new_key_label (path);
  attributes = secret_attributes_build (plc_keyring_get_schema (), "database", path, NULL);
  if (!_plc_keyring_store (plc_keyring_get_schema (), attributes, label, value, cancellable, error))
    return NULL;

  return password_api_lookup (path, cancellable, error);
}

/**
 * plc_keyring_ensure_key:
 * @database_path: the path of the database file
 * @create: whether to make and store a new key if the keyring holds none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks up the key of the database at @database_path. If there is none and
 * @create is %TRUE, makes a new random key from the kernel's random number
 * generator, stores it in the default collection and returns it. Pass
 * @create only when the database does not exist yet: a new key cannot open
 * an existing database.
 *
 * Nothing is stored when the default collection is locked
 * (%PLC_ERROR_KEYRING_LOCKED), and a stored key that is damaged is never
 * replaced (%PLC_ERROR_FAILED). If there is no default collection at all,
 * the Secret Service asks the user to create one; where it cannot (no
 * display for its prompt) that is reported as
 * %PLC_ERROR_KEYRING_UNAVAILABLE.
 *
 * This blocks on D-Bus; see plc_keyring_ensure_key_async().
 *
 * Returns: (transfer full): the key, %PLC_KEYRING_KEY_SIZE bytes
 */
GBytes *
plc_keyring_ensure_key (const char    *database_path,
                        gboolean       create,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) key = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (database_path != NULL && database_path[0] != '\0', NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_canonicalize_filename (database_path, NULL);

  if (create)
    locker = g_mutex_locker_new (&create_lock);

  if (use_password_api ())
    return password_api_ensure_key (path, create, cancellable, error);

  service = open_service (cancellable, error);
  if (service == NULL)
    return NULL;

  attributes = secret_attributes_build (plc_keyring_get_schema (),
                                        "database", path,
                                        NULL);

  key = find_key (service, attributes, cancellable, &local_error);
  if (key != NULL)
    return g_steal_pointer (&key);

  if (!create || !g_error_matches (local_error, PLC_ERROR, PLC_ERROR_KEYRING_NO_KEY))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_clear_error (&local_error);

  if (!store_new_key (service, attributes, path, cancellable, error))
    return NULL;

  /* Return what the keyring holds now, not what we meant to store. */
  g_debug ("Stored a new database key for %s", path);
  return find_key (service, attributes, cancellable, error);
}

/**
 * plc_keyring_lookup_key:
 * @database_path: the path of the database file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks up the key of the database at @database_path without changing the
 * keyring and without ever asking to unlock it.
 *
 * Returns: (transfer full): the key, %PLC_KEYRING_KEY_SIZE bytes, or %NULL
 *   with %PLC_ERROR_KEYRING_NO_KEY if the keyring holds none
 */
GBytes *
plc_keyring_lookup_key (const char    *database_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return plc_keyring_ensure_key (database_path, FALSE, cancellable, error);
}

typedef struct
{
  char     *database_path;
  gboolean  create;
} EnsureData;

static void
ensure_data_free (gpointer data)
{
  EnsureData *ensure = data;

  g_free (ensure->database_path);
  g_free (ensure);
}

static void
ensure_key_thread (GTask        *task,
                   gpointer      source_object G_GNUC_UNUSED,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EnsureData *data = task_data;
  GError *error = NULL;
  GBytes *key;

  key = plc_keyring_ensure_key (data->database_path, data->create, cancellable, &error);
  if (key != NULL)
    g_task_return_pointer (task, key, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

/**
 * plc_keyring_ensure_key_async:
 * @database_path: the path of the database file
 * @create: whether to make and store a new key if the keyring holds none
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs plc_keyring_ensure_key() in a worker thread. Finish with
 * plc_keyring_ensure_key_finish().
 */
void
plc_keyring_ensure_key_async (const char          *database_path,
                              gboolean             create,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EnsureData *data;

  g_return_if_fail (database_path != NULL && database_path[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (EnsureData, 1);
  /* Now, in case the current directory changes before the thread runs. */
  data->database_path = g_canonicalize_filename (database_path, NULL);
  data->create = !!create;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plc_keyring_ensure_key_async);
  g_task_set_name (task, "[plc] plc_keyring_ensure_key_async");
  g_task_set_task_data (task, data, ensure_data_free);
  g_task_run_in_thread (task, ensure_key_thread);
}

/**
 * plc_keyring_ensure_key_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the key, %PLC_KEYRING_KEY_SIZE bytes
 */
GBytes *
plc_keyring_ensure_key_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plc_keyring_ensure_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * plc_keyring_delete_key:
 * @database_path: the path of the database file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Deletes every key stored for @database_path. Having no key to delete is
 * not an error. Nothing is deleted if any of them is locked.
 *
 * Returns: %TRUE if the keyring holds no key for @database_path afterwards
 */
gboolean
plc_keyring_delete_key (const char    *database_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (database_path != NULL && database_path[0] != '\0', FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_canonicalize_filename (database_path, NULL);
  attributes = secret_attributes_build (plc_keyring_get_schema (),
                                        "database", path,
                                        NULL);

  if (!_plc_keyring_clear (plc_keyring_get_schema (), attributes, NULL, cancellable, error))
    return FALSE;

  g_debug ("Deleted the database key for %s", path);
  return TRUE;
}

/* For the other secrets of the application (plc-keyring-private.h) */

/**
 * _plc_keyring_lookup:
 * @schema: the items' schema
 * @attributes: the attributes to match
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks up the secret of the item of @schema with @attributes, without
 * ever asking to unlock the keyring; through the password API inside a
 * Flatpak sandbox.  Errors as for plc_keyring_lookup_key(), with
 * %PLC_ERROR_KEYRING_NO_KEY when there is no such item.
 *
 * Returns: (transfer full): the secret
 */
SecretValue *
_plc_keyring_lookup (const SecretSchema  *schema,
                     GHashTable          *attributes,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GPtrArray) values = NULL;
  GError *local_error = NULL;

  if (use_password_api ())
    {
      SecretValue *value;

      value = secret_password_lookupv_binary_sync (schema, attributes, cancellable, &local_error);
      if (local_error != NULL)
        {
          propagate_secret_error (error, local_error);
          return NULL;
        }
      if (value == NULL)
        set_no_key_error (error);
      return value;
    }

  service = open_service (cancellable, error);
  if (service == NULL)
    return NULL;

  values = search_values (service, schema, attributes, cancellable, error);
  if (values == NULL)
    return NULL;

  return secret_value_ref (g_ptr_array_index (values, 0));
}

/**
 * _plc_keyring_store:
 * @schema: the item's schema
 * @attributes: its attributes
 * @label: its label, as people see it in Passwords and Keys
 * @value: the secret
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores @value in the default collection, replacing an item with the
 * same attributes.  Nothing is stored when the default collection is
 * locked (%PLC_ERROR_KEYRING_LOCKED): this never asks to unlock it.
 *
 * Returns: %TRUE if the secret was stored
 */
gboolean
_plc_keyring_store (const SecretSchema  *schema,
                    GHashTable          *attributes,
                    const char          *label,
                    SecretValue         *value,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(SecretService) service = NULL;
  GError *local_error = NULL;
  gboolean locked = FALSE;

  if (use_password_api ())
    {
      if (!secret_password_storev_binary_sync (schema, attributes, SECRET_COLLECTION_DEFAULT,
                                               label, value, cancellable, &local_error))
        {
          propagate_secret_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }

  service = open_service (cancellable, error);
  if (service == NULL)
    return FALSE;

  if (!default_collection_is_locked (service, &locked, cancellable, error))
    return FALSE;
  if (locked)
    {
      set_locked_error (error);
      return FALSE;
    }

  if (!secret_service_store_sync (service, schema, attributes, SECRET_COLLECTION_DEFAULT,
                                  label, value, cancellable, &local_error))
    {
      propagate_secret_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * _plc_keyring_clear:
 * @schema: the items' schema
 * @attributes: the attributes to match
 * @out_found: (out) (optional): whether there was anything to delete
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Deletes every item of @schema with @attributes.  Having none to delete
 * is not an error.  Nothing is deleted if any of them is locked.
 *
 * Returns: %TRUE if the keyring holds no such item afterwards
 */
gboolean
_plc_keyring_clear (const SecretSchema  *schema,
                    GHashTable          *attributes,
                    gboolean            *out_found,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autolist(SecretItem) items = NULL;
  GError *local_error = NULL;
  gboolean default_locked = FALSE;
  gboolean found;

  if (out_found != NULL)
    *out_found = FALSE;

  if (use_password_api ())
    {
      found = secret_password_clearv_sync (schema, attributes, cancellable, &local_error);
      if (local_error != NULL)
        {
          propagate_secret_error (error, local_error);
          return FALSE;
        }
      if (out_found != NULL)
        *out_found = found;
      return TRUE;
    }

  service = open_service (cancellable, error);
  if (service == NULL)
    return FALSE;

  items = secret_service_search_sync (service, schema, attributes,
                                      SECRET_SEARCH_ALL, cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_secret_error (error, local_error);
      return FALSE;
    }

  if (items == NULL)
    {
      /* A Secret Service may hide what a locked collection holds. */
      if (!default_collection_is_locked (service, &default_locked, cancellable, error))
        return FALSE;
      if (default_locked)
        {
          set_locked_error (error);
          return FALSE;
        }
      return TRUE;
    }

  for (const GList *l = items; l != NULL; l = l->next)
    {
      if (secret_item_get_locked (l->data))
        {
          set_locked_error (error);
          return FALSE;
        }
    }

  for (const GList *l = items; l != NULL; l = l->next)
    {
      if (!secret_item_delete_sync (l->data, cancellable, &local_error))
        {
          propagate_secret_error (error, local_error);
          return FALSE;
        }
    }

  if (out_found != NULL)
    *out_found = TRUE;
  return TRUE;
}

static void
add_database_attribute (GPtrArray  *paths,
                        GHashTable *attributes)
{
  const char *path = attributes != NULL ? g_hash_table_lookup (attributes, "database") : NULL;

  if (path != NULL && !g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
    g_ptr_array_add (paths, g_strdup (path));
}

/**
 * plc_keyring_list_databases:
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The databases whose keys the keyring holds (their `database`
 * attributes), locked ones included; no secret is read and nothing is
 * unlocked.  For refusing to write a file over one of them.
 *
 * Always through the Secret Service, whichever API keeps the keys: inside
 * the Flatpak sandbox, which has none, this fails (and the sandbox's
 * databases are the application's own, at paths known without it);
 * outside, the password API's keys are in the same Secret Service.  (The
 * password API's search, secret_password_search_sync(), leaks in libsecret
 * 0.20.)
 *
 * Returns: (transfer full): the paths, or %NULL with @error set
 */
char **
plc_keyring_list_databases (GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autolist(SecretItem) items = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  service = open_service (cancellable, error);
  if (service == NULL)
    return NULL;

  attributes = secret_attributes_build (plc_keyring_get_schema (), NULL);
  items = secret_service_search_sync (service, plc_keyring_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_secret_error (error, local_error);
      return NULL;
    }

  for (const GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) item_attributes = secret_item_get_attributes (l->data);

      add_database_attribute (paths, item_attributes);
    }

  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/**
 * plc_keyring_key_to_hex:
 * @key: a key from plc_keyring_ensure_key()
 *
 * Formats @key as 64 lowercase hexadecimal characters, as SQLCipher takes a
 * raw key: `PRAGMA key = "x'<hex>'"`. Free the result with
 * plc_keyring_hex_free(), which wipes it.
 *
 * Returns: (transfer full): the key in hexadecimal
 */
char *
plc_keyring_key_to_hex (GBytes *key)
{
  const guint8 *data;
  gsize size = 0;
  char *hex;

  g_return_val_if_fail (key != NULL, NULL);

  data = g_bytes_get_data (key, &size);
  g_return_val_if_fail (size == PLC_KEYRING_KEY_SIZE, NULL);

  hex = g_malloc (KEY_HEX_LENGTH + 1);
  key_to_hex_buffer (data, hex);

  return hex;
}

/**
 * plc_keyring_hex_free:
 * @hex: (nullable): a string from plc_keyring_key_to_hex()
 *
 * Overwrites @hex with zeros and frees it.
 */
void
plc_keyring_hex_free (char *hex)
{
  if (hex == NULL)
    return;

  explicit_bzero (hex, strlen (hex));
  g_free (hex);
}
