/* plc-store.c: the store's object and its asynchronous calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-sqlite-store-private.h"

G_DEFINE_FINAL_TYPE (PlcStore, plc_store, G_TYPE_OBJECT)

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
  return _plc_sqlite_save_one (self, job->kind, job->object, error);
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
  save_async (self, &_plc_sqlite_kinds[KIND_CHILD], G_OBJECT (child), plc_store_save_child_async,
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
  save_async (self, &_plc_sqlite_kinds[KIND_PLACEMENT], G_OBJECT (placement), plc_store_save_placement_async,
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
  save_async (self, &_plc_sqlite_kinds[KIND_STEP], G_OBJECT (status), plc_store_save_step_status_async,
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
  save_async (self, &_plc_sqlite_kinds[KIND_CONTACT], G_OBJECT (contact), plc_store_save_contact_async,
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
  save_async (self, &_plc_sqlite_kinds[KIND_CONTACT_LOG], G_OBJECT (entry), plc_store_save_contact_log_entry_async,
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
  save_async (self, &_plc_sqlite_kinds[KIND_DEVIATION], G_OBJECT (deviation), plc_store_save_deviation_async,
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

  if (job->kind == &_plc_sqlite_kinds[KIND_CHILD])
    ret = plc_store_list_children (self, job->flag, error);
  else if (job->kind == &_plc_sqlite_kinds[KIND_PLACEMENT])
    ret = plc_store_list_placements (self, job->id, job->flag, error);
  else if (job->kind == &_plc_sqlite_kinds[KIND_STEP])
    ret = plc_store_list_step_statuses (self, job->id, error);
  else if (job->kind == &_plc_sqlite_kinds[KIND_CONTACT])
    ret = plc_store_list_contacts (self, job->flag, error);
  else if (job->kind == &_plc_sqlite_kinds[KIND_CONTACT_LOG])
    ret = plc_store_list_contact_log (self, job->id, error);
  else if (job->kind == &_plc_sqlite_kinds[KIND_DEVIATION])
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
  list_async (self, &_plc_sqlite_kinds[KIND_CHILD], 0, include_deleted, plc_store_list_children_async,
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
  list_async (self, &_plc_sqlite_kinds[KIND_PLACEMENT], child_id, include_deleted, plc_store_list_placements_async,
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
  list_async (self, &_plc_sqlite_kinds[KIND_STEP], placement_id, FALSE, plc_store_list_step_statuses_async,
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
  list_async (self, &_plc_sqlite_kinds[KIND_CONTACT], 0, include_deleted, plc_store_list_contacts_async,
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
  list_async (self, &_plc_sqlite_kinds[KIND_CONTACT_LOG], child_id, FALSE, plc_store_list_contact_log_async,
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
  list_async (self, &_plc_sqlite_kinds[KIND_DEVIATION], 0, include_deleted, plc_store_list_deviations_async,
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
  return _plc_sqlite_set_deleted (self, job->kind, job->id, job->flag, error);
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
    set_deleted_async (self, &_plc_sqlite_kinds[kind_index], id, deleted, fn##_async,  \
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
  return _plc_sqlite_set_routine_offset (self, job->offset, error);
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
