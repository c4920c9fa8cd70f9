/* plc-store.c: the store, one interface over the database backends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlcStore is what the application and the command line speak to, in model
 * objects: an abstract class whose backends (PlcSqliteStore, the encrypted
 * file; a PostgreSQL server next) implement its virtual functions and keep
 * all their SQL to themselves.  The class keeps what every backend shares:
 * the lock that makes one call at a time, the asynchronous job queue, and
 * the checks of what callers pass in.
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "plc-model-private.h"
#include "plc-sqlite-store.h"
#include "plc-store-private.h"

typedef struct
{
  char         *location;

  /* Every call, and every job, holds the lock: one at a time.  It is
   * recursive so that a backend may call the public API of its own store. */
  GRecMutex     lock;
  gboolean      closed;

  /* The _async calls: one job at a time, in the order they were made, on
   * a pool of at most one thread. */
  GThreadPool  *jobs;

  /* Changes are announced in the main context that owns the store: the
   * thread-default one where it was made, or where it was asked for with
   * plc_store_open_with_keyring_async().  Committed transactions wait in
   * pending (each a GPtrArray of PlcChange) until flush_source runs there;
   * changes_lock guards them and the sources. */
  GMainContext *context;
  GMutex        changes_lock;
  GPtrArray    *pending;
  GSource      *flush_source;
  GSource      *poll_source;
  gboolean      poll_queued;
} PlcStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlcStore, plc_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* About once a second, while someone listens, the store asks its backend
 * for what others committed. */
#define POLL_INTERVAL_MS 1000

/* The nicks are written in the SQLCipher store's change log: never change one. */
G_DEFINE_ENUM_TYPE (PlcChangeKind, plc_change_kind,
  G_DEFINE_ENUM_VALUE (PLC_CHANGE_KIND_CREATED, "created"),
  G_DEFINE_ENUM_VALUE (PLC_CHANGE_KIND_UPDATED, "updated"),
  G_DEFINE_ENUM_VALUE (PLC_CHANGE_KIND_DELETED, "deleted"),
  G_DEFINE_ENUM_VALUE (PLC_CHANGE_KIND_UNDELETED, "undeleted"),
  G_DEFINE_ENUM_VALUE (PLC_CHANGE_KIND_RESET, "reset"))

/**
 * plc_change_kind_to_string:
 *
 * Returns: (nullable): the kind's nick, such as `created`
 */
const char *
plc_change_kind_to_string (PlcChangeKind kind)
{
  return _plc_enum_to_string (PLC_TYPE_CHANGE_KIND, (int) kind);
}

/**
 * plc_change_kind_from_string:
 * @text: a kind's nick
 * @out: (out): where to store the kind
 *
 * Returns: %TRUE if @text is exactly a nick; *@out is left alone otherwise
 */
gboolean
plc_change_kind_from_string (const char    *text,
                             PlcChangeKind *out)
{
  return _plc_enum_from_string (PLC_TYPE_CHANGE_KIND, text, (int *) out);
}

G_DEFINE_BOXED_TYPE (PlcChange, plc_change, plc_change_copy, plc_change_free)

PlcChange *
plc_change_new (PlcRecordType record_type,
                gint64        id,
                PlcChangeKind kind)
{
  PlcChange *change = g_new0 (PlcChange, 1);

  change->record_type = record_type;
  change->id = id;
  change->kind = kind;

  return change;
}

PlcChange *
plc_change_copy (const PlcChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return g_memdup2 (change, sizeof *change);
}

void
plc_change_free (PlcChange *change)
{
  g_free (change);
}

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

static void job_thread (gpointer data,
                        gpointer user_data);

static void
plc_store_dispose (GObject *object)
{
  PlcStore *self = (PlcStore *)object;

  /* While the backend's fields are still there; stops the sources too */
  plc_store_close (self);

  G_OBJECT_CLASS (plc_store_parent_class)->dispose (object);
}

static void
plc_store_finalize (GObject *object)
{
  PlcStore *self = (PlcStore *)object;
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  /* Every queued job holds a reference, so none is left; do not wait, as
   * the last reference may be dropped on the worker thread itself. */
  g_thread_pool_free (priv->jobs, TRUE, FALSE);
  g_rec_mutex_clear (&priv->lock);
  g_clear_pointer (&priv->location, g_free);
  g_clear_pointer (&priv->pending, g_ptr_array_unref);
  g_clear_pointer (&priv->context, g_main_context_unref);
  g_mutex_clear (&priv->changes_lock);

  G_OBJECT_CLASS (plc_store_parent_class)->finalize (object);
}

static void
plc_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlcStore *self = PLC_STORE (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_string (value, plc_store_get_path (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlcStore *self = PLC_STORE (object);
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LOCATION:
      priv->location = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What a backend does not do */

static gboolean
plc_store_real_check (PlcStore  *self,
                      GError   **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_SUPPORTED,
                       _("This database cannot be checked from here; its administrators check it"));
  return FALSE;
}

static gboolean
plc_store_real_backup (PlcStore    *self,
                       const char  *backup_path,
                       const char  *passphrase,
                       GError     **error)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_SUPPORTED,
                       _("This database cannot be backed up to a file from here; its administrators back it up"));
  return FALSE;
}

static void attach (PlcStore     *self,
                    GMainContext *context);

static void
plc_store_constructed (GObject *object)
{
  PlcStore *self = (PlcStore *)object;
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  G_OBJECT_CLASS (plc_store_parent_class)->constructed (object);

  attach (self, priv->context);
}

static void
plc_store_class_init (PlcStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plc_store_constructed;
  object_class->dispose = plc_store_dispose;
  object_class->finalize = plc_store_finalize;
  object_class->get_property = plc_store_get_property;
  object_class->set_property = plc_store_set_property;

  klass->check = plc_store_real_check;
  klass->backup = plc_store_real_backup;

  /**
   * PlcStore:location:
   *
   * Where the database is: a file's path, or a server's connection URI
   * (`postgresql://…`, never with a password).
   */
  properties [PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcStore::changed:
   * @self: the store
   * @changes: (element-type PlcChange): the changes of one committed
   *   transaction
   *
   * Emitted after each transaction that changed something was committed,
   * whoever committed it: this store (its synchronous or asynchronous
   * calls), another store on the same database in this process or another
   * (noticed within about a second while someone listens, and at once
   * after plc_store_poll_changes()), or another user of a server.
   * Emitted in the main context that owns the store, never on a worker
   * thread, one transaction at a time in the order they were committed; a
   * change this store made is announced before the callback of the
   * asynchronous call that made it runs.
   *
   * An import or a restore is one change of the kind
   * %PLC_CHANGE_KIND_RESET; so is a gap, when more was changed than the
   * store kept track of.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
plc_store_init (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_rec_mutex_init (&priv->lock);
  /* Shared threads cannot fail to be made */
  priv->jobs = g_thread_pool_new (job_thread, NULL, 1, FALSE, NULL);

  g_mutex_init (&priv->changes_lock);
  priv->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  priv->context = g_main_context_ref_thread_default ();
}

/* One call at a time: takes the lock, or fails when the store is closed. */
static gboolean
enter (PlcStore  *self,
       GError   **error)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_rec_mutex_lock (&priv->lock);
  if (priv->closed)
    {
      g_rec_mutex_unlock (&priv->lock);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           _("The database is closed"));
      return FALSE;
    }

  return TRUE;
}

static void
leave (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_rec_mutex_unlock (&priv->lock);
}

/* ------------------------------------------------------------------------
 * Changes
 *
 * A backend announces each committed transaction with
 * _plc_store_announce(), on whatever thread committed it.  The changes
 * wait in priv->pending until an idle source in the store's own main
 * context emits them as ::changed.  The sources hold only a weak
 * reference, so that they never keep a store alive.
 * ------------------------------------------------------------------------ */

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);

  return ref;
}

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
is_owner_context (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);
  g_autoptr(GMainContext) current = g_main_context_ref_thread_default ();

  return current == priv->context;
}

/* In the store's own main context: one ::changed per transaction. */
static void
emit_pending (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);
  g_autoptr(GPtrArray) transactions = NULL;

  g_mutex_lock (&priv->changes_lock);
  if (priv->pending->len > 0)
    {
      transactions = g_steal_pointer (&priv->pending);
      priv->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
    }
  g_mutex_unlock (&priv->changes_lock);

  for (guint i = 0; transactions != NULL && i < transactions->len; i++)
    g_signal_emit (self, signals [CHANGED], 0, g_ptr_array_index (transactions, i));
}

static gboolean
flush_cb (gpointer user_data)
{
  g_autoptr(PlcStore) self = g_weak_ref_get (user_data);
  PlcStorePrivate *priv;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  priv = plc_store_get_instance_private (self);
  g_mutex_lock (&priv->changes_lock);
  g_clear_pointer (&priv->flush_source, g_source_unref);
  g_mutex_unlock (&priv->changes_lock);

  emit_pending (self);

  return G_SOURCE_REMOVE;
}

/**
 * _plc_store_announce:
 * @self: a #PlcStore
 * @changes: (transfer full) (element-type PlcChange): the changes of one
 *   committed transaction
 *
 * For backends: announces a committed transaction.  Safe to call from any
 * thread; #PlcStore::changed is emitted later in the store's own main
 * context.  Nothing is kept while nobody listens.
 */
void
_plc_store_announce (PlcStore  *self,
                     GPtrArray *changes)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_return_if_fail (PLC_IS_STORE (self));

  if (changes == NULL)
    return;

  if (changes->len == 0 || !g_signal_has_handler_pending (self, signals [CHANGED], 0, FALSE))
    {
      g_ptr_array_unref (changes);
      return;
    }

  g_mutex_lock (&priv->changes_lock);
  g_ptr_array_add (priv->pending, changes);
  if (priv->flush_source == NULL)
    {
      priv->flush_source = g_idle_source_new ();
      g_source_set_priority (priv->flush_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (priv->flush_source, flush_cb, weak_ref_new (self), weak_ref_free);
      g_source_set_static_name (priv->flush_source, "[placeringar] store changes");
      g_source_attach (priv->flush_source, priv->context);
    }
  g_mutex_unlock (&priv->changes_lock);
}

static gboolean
poll_cb (gpointer user_data)
{
  g_autoptr(PlcStore) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (g_signal_has_handler_pending (self, signals [CHANGED], 0, FALSE))
    plc_store_poll_changes (self);

  return G_SOURCE_CONTINUE;
}

/* Announces changes in @context from now on, and looks for others'
 * changes on a timer there.  Call with changes_lock held. */
static void
attach_locked (PlcStore     *self,
               GMainContext *context)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  if (priv->context != context)
    {
      g_main_context_unref (priv->context);
      priv->context = g_main_context_ref (context);
    }

  if (priv->poll_source != NULL)
    {
      g_source_destroy (priv->poll_source);
      g_clear_pointer (&priv->poll_source, g_source_unref);
    }

  if (PLC_STORE_GET_CLASS (self)->poll_changes != NULL)
    {
      priv->poll_source = g_timeout_source_new (POLL_INTERVAL_MS);
      g_source_set_priority (priv->poll_source, G_PRIORITY_LOW);
      g_source_set_callback (priv->poll_source, poll_cb, weak_ref_new (self), weak_ref_free);
      g_source_set_static_name (priv->poll_source, "[placeringar] store polling");
      g_source_attach (priv->poll_source, priv->context);
    }
}

static void
attach (PlcStore     *self,
        GMainContext *context)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_mutex_lock (&priv->changes_lock);
  attach_locked (self, context);
  g_mutex_unlock (&priv->changes_lock);
}

static void
detach (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_mutex_lock (&priv->changes_lock);
  if (priv->poll_source != NULL)
    {
      g_source_destroy (priv->poll_source);
      g_clear_pointer (&priv->poll_source, g_source_unref);
    }
  if (priv->flush_source != NULL)
    {
      g_source_destroy (priv->flush_source);
      g_clear_pointer (&priv->flush_source, g_source_unref);
    }
  g_ptr_array_set_size (priv->pending, 0);
  g_mutex_unlock (&priv->changes_lock);
}

/* ------------------------------------------------------------------------
 * Opening
 * ------------------------------------------------------------------------ */

/**
 * plc_store_location_is_server:
 * @location: where a database is
 *
 * Returns: %TRUE if @location is a PostgreSQL connection URI
 *   (`postgresql://…` or `postgres://…`), %FALSE for a file's path
 */
gboolean
plc_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return g_ascii_strncasecmp (location, "postgresql://", strlen ("postgresql://")) == 0 ||
         g_ascii_strncasecmp (location, "postgres://", strlen ("postgres://")) == 0;
}

static gboolean
refuse_server (const char  *location,
               GError     **error)
{
  if (!plc_store_location_is_server (location))
    return FALSE;

  /* Not the location itself: a URI may hold a password. */
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_SUPPORTED,
                       _("The database is on a PostgreSQL server, which this version of Placements "
                         "cannot open. Give the path of a database file instead."));
  return TRUE;
}

/**
 * plc_store_open:
 * @path: the database file; created when missing
 * @key: the 256-bit raw key
 * @error: return location for a #GError
 *
 * Opens (and creates or upgrades) an encrypted database file: a
 * #PlcSqliteStore.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlcStore *
plc_store_open (const char  *path,
                GBytes      *key,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (refuse_server (path, error))
    return NULL;

  return plc_sqlite_store_open (path, key, error);
}

/**
 * plc_store_open_with_keyring:
 * @location: the database file, or a PostgreSQL connection URI
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the database at @location with the backend its form asks for.  A
 * file is opened with its key from the system keyring; a key is made and
 * kept in the keyring only when the file does not exist yet, and an
 * existing database whose key is missing is never replaced.  A server's
 * URI is refused with %PLC_ERROR_NOT_SUPPORTED until the PostgreSQL
 * backend is there.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlcStore *
plc_store_open_with_keyring (const char    *location,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) key = NULL;
  gboolean create;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (refuse_server (location, error))
    return NULL;

  create = !g_file_test (location, G_FILE_TEST_EXISTS);
  key = plc_keyring_ensure_key (location, create, cancellable, error);
  if (key == NULL)
    return NULL;

  return plc_sqlite_store_open (location, key, error);
}

static void
open_with_keyring_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  const char *location = task_data;
  GError *error = NULL;
  PlcStore *store;

  store = plc_store_open_with_keyring (location, cancellable, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Announce its changes where it was asked for, not in this thread */
  attach (store, g_task_get_context (task));
  g_task_return_pointer (task, store, g_object_unref);
}

void
plc_store_open_with_keyring_async (const char          *location,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (location != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plc_store_open_with_keyring_async);
  g_task_set_task_data (task, g_strdup (location), g_free);
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

/**
 * plc_store_get_path:
 * @self: a #PlcStore
 *
 * Returns: where the database is: a file's path, or a server's URI
 */
const char *
plc_store_get_path (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);

  return priv->location;
}

int
plc_store_get_schema_version (PlcStore *self)
{
  int ret = -1;

  g_return_val_if_fail (PLC_IS_STORE (self), -1);

  if (enter (self, NULL))
    {
      ret = PLC_STORE_GET_CLASS (self)->get_schema_version (self);
      leave (self);
    }

  return ret;
}

/**
 * plc_store_dup_cipher_version:
 * @self: a #PlcStore
 *
 * Returns: (transfer full) (nullable): SQLCipher's version for an encrypted
 *   file, or %NULL for another backend (or when the library is plain
 *   SQLite)
 */
char *
plc_store_dup_cipher_version (PlcStore *self)
{
  char *ret = NULL;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);

  if (PLC_IS_SQLITE_STORE (self) && enter (self, NULL))
    {
      ret = plc_sqlite_store_dup_cipher_version (PLC_SQLITE_STORE (self));
      leave (self);
    }

  return ret;
}

/**
 * plc_store_check:
 * @self: a #PlcStore
 * @error: return location for a #GError
 *
 * Checks the database: for a file its integrity, its encryption and its
 * foreign keys.  A backend that cannot check fails with
 * %PLC_ERROR_NOT_SUPPORTED.
 *
 * Returns: %TRUE when all is well
 */
gboolean
plc_store_check (PlcStore  *self,
                 GError   **error)
{
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->check (self, error);
  leave (self);

  return ret;
}

/**
 * plc_store_close:
 * @self: a #PlcStore
 *
 * Closes the database.  Safe to call more than once.  If a call or an
 * asynchronous job is running it waits for it; the jobs still queued then
 * fail with %G_IO_ERROR_CLOSED, as do later calls.
 */
void
plc_store_close (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);

  g_return_if_fail (PLC_IS_STORE (self));

  g_rec_mutex_lock (&priv->lock);
  if (!priv->closed)
    {
      priv->closed = TRUE;
      PLC_STORE_GET_CLASS (self)->close (self);
    }
  g_rec_mutex_unlock (&priv->lock);

  detach (self);
}

/* ------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------ */

static gboolean
save_record (PlcStore   *self,
             PlcRecord  *record,
             GError    **error)
{
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (PLC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->save_record (self, record, error);
  leave (self);

  return ret;
}

/**
 * plc_store_save_child:
 * @self: a #PlcStore
 * @child: the child to save
 * @error: return location for a #GError
 *
 * Inserts @child when its id is 0, else updates the stored version only,
 * in a transaction of its own.  On success the child's id, version and ref
 * are the stored ones; on failure it is as it was.  The other save calls
 * work the same way.
 *
 * Returns: %TRUE on success; %PLC_ERROR_STALE if the stored child was
 *   changed since @child was read, %PLC_ERROR_INVALID (naming the field) if
 *   it is not valid
 */
gboolean
plc_store_save_child (PlcStore  *self,
                      PlcChild  *child,
                      GError   **error)
{
  return save_record (self, PLC_RECORD (child), error);
}

gboolean
plc_store_save_placement (PlcStore      *self,
                          PlcPlacement  *placement,
                          GError       **error)
{
  return save_record (self, PLC_RECORD (placement), error);
}

gboolean
plc_store_save_step_status (PlcStore       *self,
                            PlcStepStatus  *status,
                            GError        **error)
{
  return save_record (self, PLC_RECORD (status), error);
}

gboolean
plc_store_save_contact (PlcStore    *self,
                        PlcContact  *contact,
                        GError     **error)
{
  return save_record (self, PLC_RECORD (contact), error);
}

gboolean
plc_store_save_contact_log_entry (PlcStore            *self,
                                  PlcContactLogEntry  *entry,
                                  GError             **error)
{
  return save_record (self, PLC_RECORD (entry), error);
}

gboolean
plc_store_save_deviation (PlcStore      *self,
                          PlcDeviation  *deviation,
                          GError       **error)
{
  return save_record (self, PLC_RECORD (deviation), error);
}

static gboolean
is_record_type (PlcRecordType record_type)
{
  return plc_record_type_get_gtype (record_type) != G_TYPE_INVALID;
}

/**
 * plc_store_get_record:
 * @self: a #PlcStore
 * @record_type: the kind of record: a child, a placement, a step status, a
 *   contact, a contact log entry or a deviation report
 * @id: its id
 * @error: return location for a #GError
 *
 * Reads one record, deleted or not.  plc_store_get_child() and the others
 * are the same for one type.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 *   (%PLC_ERROR_NOT_FOUND when there is none)
 */
PlcRecord *
plc_store_get_record (PlcStore       *self,
                      PlcRecordType   record_type,
                      gint64          id,
                      GError        **error)
{
  PlcRecord *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (is_record_type (record_type), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->get_record (self, record_type, id, error);
  leave (self);

  return ret;
}

static PlcRecord *
get_record_by_ref (PlcStore       *self,
                   PlcRecordType   record_type,
                   const char     *ref,
                   GError        **error)
{
  PlcRecord *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->get_record_by_ref (self, record_type, ref, error);
  leave (self);

  return ret;
}

PlcChild *
plc_store_get_child (PlcStore  *self,
                     gint64     id,
                     GError   **error)
{
  return (PlcChild *) plc_store_get_record (self, PLC_RECORD_TYPE_CHILD, id, error);
}

PlcChild *
plc_store_get_child_by_ref (PlcStore    *self,
                            const char  *ref,
                            GError     **error)
{
  return (PlcChild *) get_record_by_ref (self, PLC_RECORD_TYPE_CHILD, ref, error);
}

PlcPlacement *
plc_store_get_placement (PlcStore  *self,
                         gint64     id,
                         GError   **error)
{
  return (PlcPlacement *) plc_store_get_record (self, PLC_RECORD_TYPE_PLACEMENT, id, error);
}

PlcPlacement *
plc_store_get_placement_by_ref (PlcStore    *self,
                                const char  *ref,
                                GError     **error)
{
  return (PlcPlacement *) get_record_by_ref (self, PLC_RECORD_TYPE_PLACEMENT, ref, error);
}

PlcStepStatus *
plc_store_get_step_status (PlcStore    *self,
                           gint64       placement_id,
                           const char  *rule,
                           int          occurrence,
                           GError     **error)
{
  PlcStepStatus *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->get_step_status (self, placement_id, rule, occurrence, error);
  leave (self);

  return ret;
}

PlcContact *
plc_store_get_contact (PlcStore  *self,
                       gint64     id,
                       GError   **error)
{
  return (PlcContact *) plc_store_get_record (self, PLC_RECORD_TYPE_CONTACT, id, error);
}

PlcContact *
plc_store_get_contact_by_ref (PlcStore    *self,
                              const char  *ref,
                              GError     **error)
{
  return (PlcContact *) get_record_by_ref (self, PLC_RECORD_TYPE_CONTACT, ref, error);
}

PlcContactLogEntry *
plc_store_get_contact_log_entry (PlcStore  *self,
                                 gint64     id,
                                 GError   **error)
{
  return (PlcContactLogEntry *) plc_store_get_record (self, PLC_RECORD_TYPE_CONTACT_LOG_ENTRY, id, error);
}

PlcDeviation *
plc_store_get_deviation (PlcStore  *self,
                         gint64     id,
                         GError   **error)
{
  return (PlcDeviation *) plc_store_get_record (self, PLC_RECORD_TYPE_DEVIATION, id, error);
}

PlcDeviation *
plc_store_get_deviation_by_ref (PlcStore    *self,
                                const char  *ref,
                                GError     **error)
{
  return (PlcDeviation *) get_record_by_ref (self, PLC_RECORD_TYPE_DEVIATION, ref, error);
}

static GPtrArray *
list_records (PlcStore       *self,
              PlcRecordType   record_type,
              gint64          owner_id,
              gboolean        include_deleted,
              GError        **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->list_records (self, record_type, owner_id, include_deleted, error);
  leave (self);

  return ret;
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
  return list_records (self, PLC_RECORD_TYPE_CHILD, 0, include_deleted, error);
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
  return list_records (self, PLC_RECORD_TYPE_PLACEMENT, child_id, include_deleted, error);
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
  return list_records (self, PLC_RECORD_TYPE_STEP_STATUS, placement_id, FALSE, error);
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
  return list_records (self, PLC_RECORD_TYPE_CONTACT, 0, include_deleted, error);
}

/**
 * plc_store_list_contact_log:
 * @self: a #PlcStore
 * @child_id: the child's id, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type PlcContactLogEntry): the
 *   child's contact log that is not deleted, newest first
 */
GPtrArray *
plc_store_list_contact_log (PlcStore  *self,
                            gint64     child_id,
                            GError   **error)
{
  return list_records (self, PLC_RECORD_TYPE_CONTACT_LOG_ENTRY, child_id, FALSE, error);
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
  return list_records (self, PLC_RECORD_TYPE_DEVIATION, 0, include_deleted, error);
}

/* Soft delete, with undo; nothing is ever erased */

static gboolean
set_deleted (PlcStore       *self,
             PlcRecordType   record_type,
             gint64          id,
             gboolean        deleted,
             GError        **error)
{
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->set_deleted (self, record_type, id, deleted, error);
  leave (self);

  return ret;
}

gboolean
plc_store_delete_child (PlcStore  *self,
                        gint64     id,
                        GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_CHILD, id, TRUE, error);
}

gboolean
plc_store_undelete_child (PlcStore  *self,
                          gint64     id,
                          GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_CHILD, id, FALSE, error);
}

gboolean
plc_store_delete_placement (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_PLACEMENT, id, TRUE, error);
}

gboolean
plc_store_undelete_placement (PlcStore  *self,
                              gint64     id,
                              GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_PLACEMENT, id, FALSE, error);
}

gboolean
plc_store_delete_contact (PlcStore  *self,
                          gint64     id,
                          GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_CONTACT, id, TRUE, error);
}

gboolean
plc_store_undelete_contact (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_CONTACT, id, FALSE, error);
}

gboolean
plc_store_delete_deviation (PlcStore  *self,
                            gint64     id,
                            GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_DEVIATION, id, TRUE, error);
}

gboolean
plc_store_undelete_deviation (PlcStore  *self,
                              gint64     id,
                              GError   **error)
{
  return set_deleted (self, PLC_RECORD_TYPE_DEVIATION, id, FALSE, error);
}

/* ------------------------------------------------------------------------
 * The audit log
 * ------------------------------------------------------------------------ */

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
  PlcRecordType type;
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (record_type != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_record_type_from_string (record_type, &type) || !is_record_type (type))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("“%s” is not a kind of record"), record_type);
      return FALSE;
    }

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->record_opened (self, type, id, error);
  leave (self);

  return ret;
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
  GPtrArray *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->list_audit (self, since, until, error);
  leave (self);

  return ret;
}

/* ------------------------------------------------------------------------
 * Local routine offsets of agreement profiles
 *
 * Settings of the unit, not personal data: they are in the database, and
 * so in its backups, but not in the JSON interchange.
 * ------------------------------------------------------------------------ */

static gboolean
set_routine_offset (PlcStore                *self,
                    const PlcRoutineOffset  *offset,
                    GError                 **error)
{
  gboolean ret;

  if (!plc_routine_offset_validate (offset, error))
    return FALSE;

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->set_routine_offset (self, offset, error);
  leave (self);

  return ret;
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
 * the store keeps what it is given.  A change is audited with the record
 * type "routine-offset", id 0 and the ref PROFILE/RULE; a call that
 * changes nothing writes nothing.
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
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_routine_offset_validate_profile_id (profile_id, error) ||
      !plc_routine_offset_validate_rule_id (rule_id, error))
    return FALSE;

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->clear_routine_offset (self, profile_id, rule_id, error);
  leave (self);

  return ret;
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
  GPtrArray *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (profile_id != NULL && !plc_routine_offset_validate_profile_id (profile_id, error))
    return NULL;

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->list_routine_offsets (self, profile_id, error);
  leave (self);

  return ret;
}

/* ------------------------------------------------------------------------
 * Import, export, backup and restore
 * ------------------------------------------------------------------------ */

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
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (PLC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->import (self, dataset, error);
  leave (self);

  return ret;
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
  PlcDataset *ret;

  g_return_val_if_fail (PLC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!enter (self, error))
    return NULL;
  ret = PLC_STORE_GET_CLASS (self)->export (self, error);
  leave (self);

  return ret;
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
 * backup never exists.  A backend whose backups are made otherwise (a
 * server's) fails with %PLC_ERROR_NOT_SUPPORTED.
 *
 * Returns: %TRUE on success
 */
gboolean
plc_store_backup (PlcStore    *self,
                  const char  *backup_path,
                  const char  *passphrase,
                  GError     **error)
{
  gboolean ret;

  g_return_val_if_fail (PLC_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enter (self, error))
    return FALSE;
  ret = PLC_STORE_GET_CLASS (self)->backup (self, backup_path, passphrase, error);
  leave (self);

  return ret;
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

/* Runs on the worker thread with the lock held and the store open.  On
 * success returns TRUE and, for a pointer result, sets *result. */
typedef gboolean (*JobFunc) (PlcStore  *self,
                             Job       *job,
                             gpointer  *result,
                             GError   **error);

struct _Job
{
  JobFunc              func;
  GDestroyNotify       result_free;  /* NULL for a boolean result */

  PlcRecordType        record_type;
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

  if (enter (self, &error))
    {
      ok = job->func (self, job, &result, &error);
      leave (self);
    }
  else
    ok = FALSE;

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

  /* What the job changed is announced before its callback runs */
  if (is_owner_context (PLC_STORE (source_object)))
    emit_pending (PLC_STORE (source_object));

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
  PlcStorePrivate *priv = plc_store_get_instance_private (self);
  GTask *task;

  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (self, cancellable, job_done, job);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Cancelling stops a job that has not started; one that has run reports
   * what it did, so that a save is never reported cancelled yet made. */
  g_task_set_check_cancellable (task, FALSE);
  g_thread_pool_push (priv->jobs, task, NULL);
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
  return save_record (self, PLC_RECORD (job->object), error);
}

static void
save_async (PlcStore            *self,
            PlcRecordType        record_type,
            GObject             *object,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, plc_record_type_get_gtype (record_type)));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_save, NULL);
  job->record_type = record_type;
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
 * caller's thread.  A synchronous call on the same store, from any
 * thread, waits for the job that is running.
 */
void
plc_store_save_child_async (PlcStore            *self,
                            PlcChild            *child,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  save_async (self, PLC_RECORD_TYPE_CHILD, G_OBJECT (child), plc_store_save_child_async,
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
  save_async (self, PLC_RECORD_TYPE_PLACEMENT, G_OBJECT (placement), plc_store_save_placement_async,
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
  save_async (self, PLC_RECORD_TYPE_STEP_STATUS, G_OBJECT (status), plc_store_save_step_status_async,
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
  save_async (self, PLC_RECORD_TYPE_CONTACT, G_OBJECT (contact), plc_store_save_contact_async,
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
  save_async (self, PLC_RECORD_TYPE_CONTACT_LOG_ENTRY, G_OBJECT (entry), plc_store_save_contact_log_entry_async,
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
  save_async (self, PLC_RECORD_TYPE_DEVIATION, G_OBJECT (deviation), plc_store_save_deviation_async,
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
  GPtrArray *ret = list_records (self, job->record_type, job->id, job->flag, error);

  *result = ret;
  return ret != NULL;
}

static void
list_async (PlcStore            *self,
            PlcRecordType        record_type,
            gint64               id,
            gboolean             include_deleted,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_list, (GDestroyNotify) g_ptr_array_unref);
  job->record_type = record_type;
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
  list_async (self, PLC_RECORD_TYPE_CHILD, 0, include_deleted, plc_store_list_children_async,
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
  list_async (self, PLC_RECORD_TYPE_PLACEMENT, child_id, include_deleted, plc_store_list_placements_async,
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
  list_async (self, PLC_RECORD_TYPE_STEP_STATUS, placement_id, FALSE, plc_store_list_step_statuses_async,
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
  list_async (self, PLC_RECORD_TYPE_CONTACT, 0, include_deleted, plc_store_list_contacts_async,
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
  list_async (self, PLC_RECORD_TYPE_CONTACT_LOG_ENTRY, child_id, FALSE, plc_store_list_contact_log_async,
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
  list_async (self, PLC_RECORD_TYPE_DEVIATION, 0, include_deleted, plc_store_list_deviations_async,
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
job_get_record (PlcStore  *self,
                Job       *job,
                gpointer  *result,
                GError   **error)
{
  *result = plc_store_get_record (self, job->record_type, job->id, error);
  return *result != NULL;
}

static void
get_record_async (PlcStore            *self,
                  PlcRecordType        record_type,
                  gint64               id,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (is_record_type (record_type));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_get_record, g_object_unref);
  job->record_type = record_type;
  job->id = id;
  queue_job (self, job, source_tag, cancellable, callback, user_data);
}

/**
 * plc_store_get_record_async:
 * @self: a #PlcStore
 * @record_type: the kind of record
 * @id: its id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the thread-default main context of
 *   the caller when done
 * @user_data: data for @callback
 *
 * Reads one record on the store's worker thread, like
 * plc_store_get_record().
 */
void
plc_store_get_record_async (PlcStore            *self,
                            PlcRecordType        record_type,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  get_record_async (self, record_type, id, plc_store_get_record_async, cancellable, callback, user_data);
}

/**
 * plc_store_get_record_finish:
 * @self: a #PlcStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
PlcRecord *
plc_store_get_record_finish (PlcStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, plc_store_get_record_async, error);
}

void
plc_store_get_child_async (PlcStore            *self,
                           gint64               id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  get_record_async (self, PLC_RECORD_TYPE_CHILD, id, plc_store_get_child_async, cancellable, callback, user_data);
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

void
plc_store_get_placement_async (PlcStore            *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  get_record_async (self, PLC_RECORD_TYPE_PLACEMENT, id, plc_store_get_placement_async, cancellable, callback,
                    user_data);
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
  return set_deleted (self, job->record_type, job->id, job->flag, error);
}

static void
set_deleted_async (PlcStore            *self,
                   PlcRecordType        record_type,
                   gint64               id,
                   gboolean             deleted,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PLC_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (job_set_deleted, NULL);
  job->record_type = record_type;
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
    set_deleted_async (self, kind_index, id, deleted, fn##_async,             \
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

DEFINE_SET_DELETED_ASYNC (plc_store_delete_child, PLC_RECORD_TYPE_CHILD, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_child, PLC_RECORD_TYPE_CHILD, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_placement, PLC_RECORD_TYPE_PLACEMENT, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_placement, PLC_RECORD_TYPE_PLACEMENT, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_contact, PLC_RECORD_TYPE_CONTACT, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_contact, PLC_RECORD_TYPE_CONTACT, FALSE)
DEFINE_SET_DELETED_ASYNC (plc_store_delete_deviation, PLC_RECORD_TYPE_DEVIATION, TRUE)
DEFINE_SET_DELETED_ASYNC (plc_store_undelete_deviation, PLC_RECORD_TYPE_DEVIATION, FALSE)

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

/* Changes made by others */

static gboolean
job_poll_changes (PlcStore  *self,
                  Job       *job,
                  gpointer  *result,
                  GError   **error)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);
  g_autoptr(GError) local_error = NULL;

  g_mutex_lock (&priv->changes_lock);
  priv->poll_queued = FALSE;
  g_mutex_unlock (&priv->changes_lock);

  /* Not worth a message to anyone: the next look may well succeed (a
   * writer held the database for longer than the busy timeout). */
  if (!PLC_STORE_GET_CLASS (self)->poll_changes (self, &local_error))
    g_debug ("Could not look for changes: %s", local_error->message);

  return TRUE;
}

/**
 * plc_store_poll_changes:
 * @self: a #PlcStore
 *
 * Looks now, on the store's worker, for changes that others committed:
 * another store on the same database file, in this process or another
 * (such as `placeringar-cli mark`), or another user of a server.  What it
 * finds is announced by #PlcStore::changed in the store's main context.
 * The store looks by itself about once a second while someone listens to
 * ::changed; call this when the user comes back to the window, so that
 * what changed meanwhile shows at once.  Returns at once; a look already
 * queued is not queued again.
 */
void
plc_store_poll_changes (PlcStore *self)
{
  PlcStorePrivate *priv = plc_store_get_instance_private (self);
  gboolean queued;

  g_return_if_fail (PLC_IS_STORE (self));

  if (PLC_STORE_GET_CLASS (self)->poll_changes == NULL)
    return;

  g_mutex_lock (&priv->changes_lock);
  queued = priv->poll_queued;
  priv->poll_queued = TRUE;
  g_mutex_unlock (&priv->changes_lock);

  if (!queued)
    queue_job (self, job_new (job_poll_changes, NULL), plc_store_poll_changes, NULL, NULL, NULL);
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
