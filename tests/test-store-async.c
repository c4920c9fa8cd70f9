/* test-store-async.c: the store's asynchronous calls, on real SQLCipher
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-async"

#include "config.h"

#include "plc-interchange.h"
#include "store-test-common.h"

#define N_CHILDREN 8

/* The thread that runs the main loop; every callback must run there */
static GThread *main_thread;

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
got_result (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (PLC_IS_STORE (source_object));
  g_assert_null (waiter->result);
  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

/* Runs the main loop until the call that was given the waiter is done */
static GAsyncResult *
wait_for (Waiter *waiter)
{
  if (waiter->result == NULL)
    g_main_loop_run (waiter->loop);
  g_assert_nonnull (waiter->result);

  return g_steal_pointer (&waiter->result);
}

static void
waiter_init (Waiter *waiter)
{
  waiter->loop = g_main_loop_new (NULL, FALSE);
  waiter->result = NULL;
}

static void
waiter_clear (Waiter *waiter)
{
  g_assert_null (waiter->result);
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
}

typedef struct
{
  GMainLoop *loop;
  PlcStore  *store;
  guint      pending;
  guint      notified;
  GPtrArray *listed;
} Concurrent;

static void
child_notified (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  Concurrent *c = user_data;

  /* Held back while the worker saves; emitted in the caller's thread */
  g_assert_true (g_thread_self () == main_thread);
  c->notified++;
}

static void
listed_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Concurrent *c = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (source_object == G_OBJECT (c->store));
  c->listed = plc_store_list_children_finish (c->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->listed);
  g_main_loop_quit (c->loop);
}

static void
saved_cb (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Concurrent *c = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (plc_store_save_child_finish (c->store, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (c->pending, >, 0);
  if (--c->pending == 0)
    plc_store_list_children_async (c->store, FALSE, NULL, listed_cb, c);
}

/* Several saves at once, then a list of what they saved */
static void
test_save_concurrent (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  Concurrent c = { NULL, };

  c.loop = g_main_loop_new (NULL, FALSE);
  c.store = store;

  for (guint i = 0; i < N_CHILDREN; i++)
    {
      g_autofree char *name = g_strdup_printf ("Barn %u Exempelsson", i);
      PlcChild *child = make_child (name);

      g_signal_connect (child, "notify::id", G_CALLBACK (child_notified), &c);
      g_ptr_array_add (children, child);
    }

  for (guint i = 0; i < children->len; i++)
    {
      c.pending++;
      plc_store_save_child_async (store, g_ptr_array_index (children, i), NULL, saved_cb, &c);
    }

  g_main_loop_run (c.loop);

  g_assert_cmpuint (c.pending, ==, 0);
  g_assert_cmpuint (c.notified, ==, N_CHILDREN);
  g_assert_nonnull (c.listed);
  g_assert_cmpuint (c.listed->len, ==, N_CHILDREN);

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      PlcChild *listed = g_ptr_array_index (c.listed, i);

      g_assert_cmpint (plc_child_get_id (child), >, 0);
      g_assert_cmpint (plc_child_get_version (child), ==, 1);
      g_assert_nonnull (plc_child_get_ref (listed));
    }

  /* Every child has its own id, and the list holds each of them */
  for (guint i = 0; i < children->len; i++)
    {
      gint64 id = plc_child_get_id (g_ptr_array_index (children, i));
      gboolean found = FALSE;

      for (guint j = 0; j < children->len; j++)
        if (j != i)
          g_assert_cmpint (plc_child_get_id (g_ptr_array_index (children, j)), !=, id);

      for (guint j = 0; j < c.listed->len; j++)
        if (plc_child_get_id (g_ptr_array_index (c.listed, j)) == id)
          {
            g_assert_cmpstr (plc_child_get_name (g_ptr_array_index (c.listed, j)), ==,
                             plc_child_get_name (g_ptr_array_index (children, i)));
            found = TRUE;
          }
      g_assert_true (found);
    }

  g_clear_pointer (&c.listed, g_ptr_array_unref);
  g_main_loop_unref (c.loop);
}

/* A save then a list, queued without waiting: the list sees the save */
static void
test_in_order (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  Waiter save_waiter, list_waiter;

  waiter_init (&save_waiter);
  waiter_init (&list_waiter);

  plc_store_save_child_async (store, child, NULL, got_result, &save_waiter);
  plc_store_list_children_async (store, FALSE, NULL, got_result, &list_waiter);

  saved = wait_for (&save_waiter);
  g_assert_true (plc_store_save_child_finish (store, saved, &error));
  g_assert_no_error (error);
  listed = wait_for (&list_waiter);
  children = plc_store_list_children_finish (store, listed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  g_assert_cmpint (plc_child_get_id (g_ptr_array_index (children, 0)), ==, plc_child_get_id (child));

  waiter_clear (&save_waiter);
  waiter_clear (&list_waiter);
}

/* Two windows (two connections) edit the same child: the second save is
 * refused */
static void
test_stale_save (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(PlcStore) store_a = open_store (fixture);
  g_autoptr(PlcStore) store_b = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcChild) in_a = NULL;
  g_autoptr(PlcChild) in_b = NULL;
  g_autoptr(PlcChild) stored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter;
  gint64 id;

  waiter_init (&waiter);

  plc_store_save_child_async (store_a, child, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_save_child_finish (store_a, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  id = plc_child_get_id (child);
  g_assert_cmpint (id, >, 0);

  plc_store_get_child_async (store_a, id, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  in_a = plc_store_get_child_finish (store_a, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_get_child_async (store_b, id, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  in_b = plc_store_get_child_finish (store_b, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_child_set_name (in_a, "Namn A");
  plc_store_save_child_async (store_a, in_a, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_save_child_finish (store_a, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_child_set_name (in_b, "Namn B");
  plc_store_save_child_async (store_b, in_b, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_false (plc_store_save_child_finish (store_b, result, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_STALE);
  g_assert_cmpint (plc_child_get_version (in_b), ==, 1);
  g_clear_error (&error);
  g_clear_object (&result);

  plc_store_get_child_async (store_b, id, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  stored = plc_store_get_child_finish (store_b, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (stored), ==, "Namn A");
  g_assert_cmpint (plc_child_get_version (stored), ==, 2);

  waiter_clear (&waiter);
}

/* Soft delete and undo, and the audit log they leave */
static void
test_delete_undelete (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint n_deletes = 0, n_undeletes = 0, n_opens = 0;
  Waiter waiter;

  waiter_init (&waiter);

  plc_store_save_child_async (store, child, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_save_child_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  placement = make_placement (plc_child_get_id (child));
  plc_store_save_placement_async (store, placement, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_save_placement_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plc_placement_get_id (placement), >, 0);
  g_clear_object (&result);

  plc_store_delete_child_async (store, plc_child_get_id (child), NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_delete_child_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_list_children_async (store, FALSE, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  list = plc_store_list_children_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&result);

  plc_store_undelete_child_async (store, plc_child_get_id (child), NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_undelete_child_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_list_children_async (store, FALSE, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  list = plc_store_list_children_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&result);

  plc_store_delete_placement_async (store, plc_placement_get_id (placement), NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_delete_placement_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_list_placements_async (store, plc_child_get_id (child), FALSE, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  list = plc_store_list_placements_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&result);

  /* A record that is not there */
  plc_store_delete_contact_async (store, 4711, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_false (plc_store_delete_contact_finish (store, result, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  plc_store_record_opened_async (store, "child", plc_child_get_id (child), NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_record_opened_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_list_audit_async (store, PLC_DATE_NONE, PLC_DATE_NONE, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  audit = plc_store_list_audit_finish (store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      PlcAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "delete"))
        n_deletes++;
      else if (g_str_equal (entry->action, "undelete"))
        n_undeletes++;
      else if (g_str_equal (entry->action, "open"))
        n_opens++;
    }
  g_assert_cmpuint (n_deletes, ==, 2);
  g_assert_cmpuint (n_undeletes, ==, 1);
  g_assert_cmpuint (n_opens, ==, 1);

  waiter_clear (&waiter);
}

static PlcDataset *
read_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlcDataset *dataset;

  dataset = plc_interchange_read_file (file, plc_date_new (2026, 11, 23), &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (plc_dataset_get_children (dataset)->len, >, 0);

  return dataset;
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(PlcDataset) exported = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  Waiter waiter;

  waiter_init (&waiter);

  plc_store_import_async (store, dataset, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_import_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_export_async (store, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  exported = plc_store_export_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_true (PLC_IS_DATASET (exported));
  g_clear_object (&result);

  expected = plc_interchange_write (dataset, NULL);
  actual = plc_interchange_write (exported, NULL);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpuint (plc_dataset_get_children (exported)->len, ==, plc_dataset_get_children (dataset)->len);
  g_assert_cmpuint (plc_dataset_get_contacts (exported)->len, >, 0);
  g_assert_cmpuint (plc_dataset_get_deviations (exported)->len, >, 0);

#define CHECK_LIST(call, finish, getter)                                  \
  G_STMT_START {                                                          \
    call;                                                                 \
    result = wait_for (&waiter);                                          \
    list = finish (store, result, &error);                                \
    g_assert_no_error (error);                                            \
    g_assert_cmpuint (list->len, ==, getter (exported)->len);             \
    g_clear_pointer (&list, g_ptr_array_unref);                           \
    g_clear_object (&result);                                             \
  } G_STMT_END

  CHECK_LIST (plc_store_list_placements_async (store, 0, FALSE, NULL, got_result, &waiter),
              plc_store_list_placements_finish, plc_dataset_get_placements);
  CHECK_LIST (plc_store_list_step_statuses_async (store, 0, NULL, got_result, &waiter),
              plc_store_list_step_statuses_finish, plc_dataset_get_step_statuses);
  CHECK_LIST (plc_store_list_contacts_async (store, FALSE, NULL, got_result, &waiter),
              plc_store_list_contacts_finish, plc_dataset_get_contacts);
  CHECK_LIST (plc_store_list_contact_log_async (store, 0, NULL, got_result, &waiter),
              plc_store_list_contact_log_finish, plc_dataset_get_contact_log);
  CHECK_LIST (plc_store_list_deviations_async (store, FALSE, NULL, got_result, &waiter),
              plc_store_list_deviations_finish, plc_dataset_get_deviations);

#undef CHECK_LIST

  waiter_clear (&waiter);
}

/* A call cancelled before it runs fails as cancelled and changes nothing */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter;

  waiter_init (&waiter);

  g_cancellable_cancel (cancellable);
  plc_store_save_child_async (store, child, cancellable, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_false (plc_store_save_child_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (plc_child_get_id (child), ==, 0);
  g_clear_error (&error);
  g_clear_object (&result);

  plc_store_list_children_async (store, TRUE, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  list = plc_store_list_children_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  waiter_clear (&waiter);
}

/* Calls made from another thread, with its own main context, call back in
 * that thread */
typedef struct
{
  PlcStore     *store;
  GMainContext *context;
  GThread      *thread;
  GAsyncResult *result;
} OtherThread;

static void
other_thread_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OtherThread *other = user_data;

  g_assert_true (g_thread_self () == other->thread);
  g_assert_true (g_thread_self () != main_thread);
  g_assert_true (g_main_context_is_owner (other->context));
  other->result = g_object_ref (result);
}

static gpointer
other_thread_func (gpointer data)
{
  OtherThread *other = data;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  other->context = g_main_context_new ();
  g_main_context_push_thread_default (other->context);
  other->thread = g_thread_self ();

  plc_store_list_children_async (other->store, TRUE, NULL, other_thread_cb, other);
  while (other->result == NULL)
    g_main_context_iteration (other->context, TRUE);

  list = plc_store_list_children_finish (other->store, other->result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&other->result);

  g_main_context_pop_thread_default (other->context);
  g_main_context_unref (other->context);

  return NULL;
}

static void
test_other_thread (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcChild) child = make_child ("Alva Exempelsson");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OtherThread other = { NULL, };
  GThread *thread;
  Waiter waiter;

  waiter_init (&waiter);

  plc_store_save_child_async (store, child, NULL, got_result, &waiter);
  result = wait_for (&waiter);
  g_assert_true (plc_store_save_child_finish (store, result, &error));
  g_assert_no_error (error);

  other.store = store;
  thread = g_thread_new ("test-store-async", other_thread_func, &other);
  g_thread_join (thread);

  waiter_clear (&waiter);
}

/* Closing waits for the running job; what is still queued fails */
static void
test_close_pending (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(PlcDataset) dataset = read_full ();
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  Waiter import_waiter, list_waiter;
  gboolean ok;

  waiter_init (&import_waiter);
  waiter_init (&list_waiter);

  plc_store_import_async (store, dataset, NULL, got_result, &import_waiter);
  plc_store_list_children_async (store, FALSE, NULL, got_result, &list_waiter);
  plc_store_close (store);

  /* Either ran before the close or fails as closed; never half done */
  imported = wait_for (&import_waiter);
  ok = plc_store_import_finish (store, imported, &error);
  if (!ok)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
      g_clear_error (&error);
    }

  listed = wait_for (&list_waiter);
  list = plc_store_list_children_finish (store, listed, &error);
  if (list == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  else
    g_assert_true (ok);

  waiter_clear (&import_waiter);
  waiter_clear (&list_waiter);
}

/* Local routine offsets: set, listed and cleared in the order asked */
static void
test_routine_offsets (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PlcRoutineOffset *offset;
  Waiter set_waiter;
  Waiter list_waiter;

  waiter_init (&set_waiter);
  waiter_init (&list_waiter);

  /* The list is queued before the set has run, and sees it */
  plc_store_set_routine_offset_async (store, "dalarna", "sip-first", -2, PLC_OFFSET_UNIT_WEEKS,
                                      NULL, got_result, &set_waiter);
  plc_store_list_routine_offsets_async (store, "dalarna", NULL, got_result, &list_waiter);

  result = wait_for (&set_waiter);
  g_assert_true (plc_store_set_routine_offset_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  result = wait_for (&list_waiter);
  list = plc_store_list_routine_offsets_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  offset = g_ptr_array_index (list, 0);
  g_assert_cmpstr (offset->profile_id, ==, "dalarna");
  g_assert_cmpstr (offset->rule_id, ==, "sip-first");
  g_assert_cmpint (offset->amount, ==, -2);
  g_assert_cmpint (offset->unit, ==, PLC_OFFSET_UNIT_WEEKS);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&result);

  /* Refused ids come back as errors */
  plc_store_set_routine_offset_async (store, "Dalarna", "sip-first", 1, PLC_OFFSET_UNIT_DAYS,
                                      NULL, got_result, &set_waiter);
  result = wait_for (&set_waiter);
  g_assert_false (plc_store_set_routine_offset_finish (store, result, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  plc_store_clear_routine_offset_async (store, "dalarna", "sip-first", NULL, got_result, &set_waiter);
  result = wait_for (&set_waiter);
  g_assert_true (plc_store_clear_routine_offset_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  plc_store_list_routine_offsets_async (store, NULL, NULL, got_result, &list_waiter);
  result = wait_for (&list_waiter);
  list = plc_store_list_routine_offsets_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  waiter_clear (&set_waiter);
  waiter_clear (&list_waiter);
}

/* A _finish that does not match its _async is refused */
static void
test_wrong_finish (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PlcStore) store = open_store (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter;

  waiter_init (&waiter);

  plc_store_list_contacts_async (store, FALSE, NULL, got_result, &waiter);
  result = wait_for (&waiter);

  g_test_expect_message ("plc-store", G_LOG_LEVEL_CRITICAL, "*source_tag*");
  g_assert_null (plc_store_list_children_finish (store, result, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  list = plc_store_list_contacts_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  waiter_clear (&waiter);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  main_thread = g_thread_self ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/async/save-concurrent", test_save_concurrent);
  ADD ("/store/async/in-order", test_in_order);
  ADD ("/store/async/stale", test_stale_save);
  ADD ("/store/async/delete-undelete", test_delete_undelete);
  ADD ("/store/async/import-export", test_import_export);
  ADD ("/store/async/cancelled", test_cancelled);
  ADD ("/store/async/other-thread", test_other_thread);
  ADD ("/store/async/close-pending", test_close_pending);
  ADD ("/store/async/routine-offsets", test_routine_offsets);
  ADD ("/store/async/wrong-finish", test_wrong_finish);

#undef ADD

  return g_test_run ();
}
