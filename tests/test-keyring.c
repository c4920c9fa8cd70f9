/* test-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests plc-keyring against a real gnome-keyring-daemon. Run it only under
 * tests/session-run, which gives it a private session bus and keyring:
 *
 *   tests/session-run -- test-keyring --tap
 *   tests/session-run --locked-keyring -- test-keyring --tap --keyring=locked
 *   tests/session-run --no-keyring -- test-keyring --tap --keyring=none
 *
 * --keyring says which of the three the session has, and so which tests run.
 */

#define G_LOG_DOMAIN "test-keyring"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include <signal.h>

#include "plc-error.h"
#include "plc-keyring.h"
#include "store-test-common.h"

/* Nothing here may wait for D-Bus's 25 s default timeout or a prompt. */
#define QUICK_SECONDS 5.0

static const SecretSchema test_schema = {
  .name = PLC_KEYRING_SCHEMA_NAME,
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static char *
database_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "placeringar", name, NULL);
}

/* Items stored for @path, locked ones too, read straight from libsecret. */
static GList *
find_items (const char *path)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);

  attributes = secret_attributes_build (&test_schema, "database", path, NULL);
  items = secret_service_search_sync (service, &test_schema, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);

  return items;
}

static void
assert_quick (GTimer *timer)
{
  double elapsed = g_timer_elapsed (timer, NULL);

  g_test_message ("took %.3f s", elapsed);
  g_assert_cmpfloat (elapsed, <, QUICK_SECONDS);
  g_timer_start (timer);
}

static void
assert_keys_differ (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpuint (g_bytes_get_size (a), ==, PLC_KEYRING_KEY_SIZE);
  g_assert_cmpuint (g_bytes_get_size (b), ==, PLC_KEYRING_KEY_SIZE);
  g_assert_false (g_bytes_equal (a, b));
}

static void
assert_not_all_zero (GBytes *key)
{
  const guint8 *data = g_bytes_get_data (key, NULL);
  guint8 any = 0;

  for (guint i = 0; i < PLC_KEYRING_KEY_SIZE; i++)
    any |= data[i];
  g_assert_cmpuint (any, !=, 0);
}

/* The three user-facing messages must tell the cases apart. */
static void
assert_message (const GError *error)
{
  g_assert_nonnull (error->message);
  g_test_message ("message: %s", error->message);

  switch (error->code)
    {
    case PLC_ERROR_KEYRING_UNAVAILABLE:
      g_assert_nonnull (strstr (error->message, "not available"));
      g_assert_null (strstr (error->message, "locked"));
      g_assert_null (strstr (error->message, "no key"));
      break;
    case PLC_ERROR_KEYRING_LOCKED:
      g_assert_nonnull (strstr (error->message, "locked"));
      g_assert_nonnull (strstr (error->message, "Unlock"));
      g_assert_null (strstr (error->message, "not available"));
      g_assert_null (strstr (error->message, "no key"));
      break;
    case PLC_ERROR_KEYRING_NO_KEY:
      g_assert_nonnull (strstr (error->message, "no key"));
      g_assert_null (strstr (error->message, "locked"));
      g_assert_null (strstr (error->message, "not available"));
      break;
    default:
      break;
    }
}

#define assert_plc_error(error, code) \
  G_STMT_START { \
    g_assert_error ((error), PLC_ERROR, (code)); \
    assert_message (error); \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* An unlocked keyring                                                 */
/* ------------------------------------------------------------------ */

static void
test_create_and_lookup (void)
{
  g_autofree char *path = database_path ("create.db");
  g_autofree char *messy = NULL;
  g_autoptr(GBytes) created = NULL;
  g_autoptr(GBytes) found = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) via_messy = NULL;
  g_autoptr(GBytes) via_relative = NULL;
  g_autoptr(GError) error = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *label = NULL;
  const char *text;
  gsize length;

  created = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpuint (g_bytes_get_size (created), ==, PLC_KEYRING_KEY_SIZE);
  assert_not_all_zero (created);

  found = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (created, found));

  /* An existing key is returned, never replaced. */
  again = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (created, again));

  /* The same file, spelt differently. */
  messy = g_strdup_printf ("%s/./placeringar//create.db", g_get_user_data_dir ());
  via_messy = plc_keyring_lookup_key (messy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (created, via_messy));

  /* And relative to the current directory. */
  g_assert_cmpint (g_chdir (g_get_user_data_dir ()), ==, 0);
  via_relative = plc_keyring_lookup_key ("placeringar/../placeringar/create.db", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (created, via_relative));

  /* What is in the keyring: one item, the key in lowercase hex. */
  items = find_items (path);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_false (secret_item_get_locked (items->data));

  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Placements database key (create.db)");

  attributes = secret_item_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "database"), ==, path);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, PLC_KEYRING_SCHEMA_NAME);

  value = secret_item_get_secret (items->data);
  g_assert_nonnull (value);
  g_assert_cmpstr (secret_value_get_content_type (value), ==, "text/plain");
  text = secret_value_get (value, &length);
  hex = plc_keyring_key_to_hex (created);
  g_assert_cmpuint (length, ==, 64);
  g_assert_cmpmem (text, length, hex, strlen (hex));
}

static void
test_distinct_keys (void)
{
  g_autofree char *path_a = database_path ("distinct-a.db");
  g_autofree char *path_b = database_path ("distinct-b.db");
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) a2 = NULL;
  g_autoptr(GError) error = NULL;

  a = plc_keyring_ensure_key (path_a, TRUE, NULL, &error);
  g_assert_no_error (error);
  b = plc_keyring_ensure_key (path_b, TRUE, NULL, &error);
  g_assert_no_error (error);
  assert_keys_differ (a, b);

  a2 = plc_keyring_lookup_key (path_a, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, a2));
}

static void
test_no_key (void)
{
  g_autofree char *path = database_path ("unknown.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autolist(SecretItem) items = NULL;
  GBytes *key;

  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_KEYRING_NO_KEY);

  key = plc_keyring_ensure_key (path, FALSE, NULL, &error2);
  g_assert_null (key);
  assert_plc_error (error2, PLC_ERROR_KEYRING_NO_KEY);

  /* Looking did not create anything. */
  items = find_items (path);
  g_assert_null (items);
}

static void
test_delete (void)
{
  g_autofree char *path = database_path ("delete.db");
  g_autofree char *other_path = database_path ("delete-other.db");
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) other2 = NULL;
  g_autoptr(GBytes) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *none;

  key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_no_error (error);
  other = plc_keyring_ensure_key (other_path, TRUE, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (plc_keyring_delete_key (path, NULL, &error));
  g_assert_no_error (error);

  none = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (none);
  assert_plc_error (error, PLC_ERROR_KEYRING_NO_KEY);
  g_clear_error (&error);

  /* Only that key went. */
  other2 = plc_keyring_lookup_key (other_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (other, other2));

  /* Deleting what is not there is fine. */
  g_assert_true (plc_keyring_delete_key (path, NULL, &error));
  g_assert_no_error (error);

  /* A new key for the same path is a new key. */
  fresh = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_no_error (error);
  assert_keys_differ (key, fresh);
}

static void
test_hex (void)
{
  guint8 data[PLC_KEYRING_KEY_SIZE];
  g_autoptr(GBytes) key = NULL;
  char *hex;

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i * 8 + 0x0f);
  key = g_bytes_new (data, sizeof data);

  hex = plc_keyring_key_to_hex (key);
  g_assert_cmpstr (hex, ==,
                   "0f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff07");
  plc_keyring_hex_free (hex);
  plc_keyring_hex_free (NULL);
}

static void
test_damaged_key (void)
{
  g_autofree char *path = database_path ("damaged.db");
  g_autofree char *lenient_path = database_path ("lenient.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GBytes) lenient = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *hex = NULL;
  GBytes *key;

  secret_password_store_sync (&test_schema, SECRET_COLLECTION_DEFAULT, "damaged",
                              "not a key", NULL, &error,
                              "database", path, NULL);
  g_assert_no_error (error);

  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_FAILED);
  g_test_message ("message: %s", error->message);

  /* A damaged key is never replaced by a new one. */
  key = plc_keyring_ensure_key (path, TRUE, NULL, &error2);
  g_assert_null (key);
  g_assert_error (error2, PLC_ERROR, PLC_ERROR_FAILED);

  items = find_items (path);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  value = secret_item_get_secret (items->data);
  g_assert_cmpstr (secret_value_get_text (value), ==, "not a key");

  /* 63 and 65 digits are damaged too. */
  g_clear_error (&error);
  secret_password_store_sync (&test_schema, SECRET_COLLECTION_DEFAULT, "damaged",
                              "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
                              NULL, &error, "database", path, NULL);
  g_assert_no_error (error);
  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_FAILED);
  g_clear_error (&error);

  /* What "echo KEY | secret-tool store" leaves, in capitals, is accepted. */
  secret_password_store_sync (&test_schema, SECRET_COLLECTION_DEFAULT, "restored by hand",
                              "0F171F272F373F474F575F676F777F878F979FA7AFB7BFC7CFD7DFE7EFF7FF07\n",
                              NULL, &error, "database", lenient_path, NULL);
  g_assert_no_error (error);
  lenient = plc_keyring_lookup_key (lenient_path, NULL, &error);
  g_assert_no_error (error);
  hex = plc_keyring_key_to_hex (lenient);
  g_assert_cmpstr (hex, ==,
                   "0f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff07");
}

typedef struct
{
  GMainLoop *loop;
  GBytes    *keys[4];
  GError    *errors[4];
  guint      pending;
} AsyncData;

typedef struct
{
  AsyncData *data;
  guint      index;
} AsyncCall;

static void
on_ensure_key (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncCall *call = user_data;
  AsyncData *data = call->data;

  g_assert_null (source);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));

  data->keys[call->index] = plc_keyring_ensure_key_finish (result, &data->errors[call->index]);
  g_free (call);

  if (--data->pending == 0)
    g_main_loop_quit (data->loop);
}

static void
ensure_async (AsyncData    *data,
              guint         index,
              const char   *path,
              gboolean      create,
              GCancellable *cancellable)
{
  AsyncCall *call = g_new0 (AsyncCall, 1);

  call->data = data;
  call->index = index;
  data->pending++;
  plc_keyring_ensure_key_async (path, create, cancellable, on_ensure_key, call);
}

static void
async_data_clear (AsyncData *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (data->keys); i++)
    {
      g_clear_pointer (&data->keys[i], g_bytes_unref);
      g_clear_error (&data->errors[i]);
    }
  g_clear_pointer (&data->loop, g_main_loop_unref);
}

static void
test_async (void)
{
  g_autofree char *path = database_path ("async.db");
  g_autofree char *missing = database_path ("async-missing.db");
  g_autoptr(GBytes) sync_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncData data = { NULL, };

  data.loop = g_main_loop_new (NULL, FALSE);

  /* Four at once for one new database: one key, one item. */
  for (guint i = 0; i < 4; i++)
    ensure_async (&data, i, path, TRUE, NULL);
  g_main_loop_run (data.loop);

  for (guint i = 0; i < 4; i++)
    {
      g_assert_no_error (data.errors[i]);
      g_assert_nonnull (data.keys[i]);
      g_assert_true (g_bytes_equal (data.keys[0], data.keys[i]));
    }

  sync_key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (data.keys[0], sync_key));

  items = find_items (path);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  async_data_clear (&data);

  /* Errors and cancellation come back through _finish. */
  data.loop = g_main_loop_new (NULL, FALSE);
  g_cancellable_cancel (cancelled);
  ensure_async (&data, 0, missing, FALSE, NULL);
  ensure_async (&data, 1, missing, TRUE, cancelled);
  g_main_loop_run (data.loop);

  g_assert_null (data.keys[0]);
  assert_plc_error (data.errors[0], PLC_ERROR_KEYRING_NO_KEY);
  g_assert_null (data.keys[1]);
  g_assert_error (data.errors[1], G_IO_ERROR, G_IO_ERROR_CANCELLED);

  async_data_clear (&data);
}

/* Locking needs no prompt, so a test can lock the keyring itself: keep this
 * one last in the unlocked session, since nothing can unlock it again
 * without a prompt. */
static void
test_lock_in_session (void)
{
  g_autofree char *path = database_path ("lock.db");
  g_autofree char *new_path = database_path ("lock-new.db");
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autolist(SecretItem) new_items = NULL;
  GList *objects;
  GBytes *none;
  int n_locked;

  key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  objects = g_list_append (NULL, collection);
  n_locked = secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_cmpint (n_locked, ==, 1);

  timer = g_timer_new ();

  /* The key is there, but locked. */
  none = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (none);
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  none = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_null (none);
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  /* A new key cannot be stored. */
  none = plc_keyring_ensure_key (new_path, TRUE, NULL, &error);
  g_assert_null (none);
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  g_assert_false (plc_keyring_delete_key (path, NULL, &error));
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  /* Nothing was stored, nothing was deleted. */
  new_items = find_items (new_path);
  g_assert_null (new_items);
  items = find_items (path);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_true (secret_item_get_locked (items->data));
}

/* ------------------------------------------------------------------ */
/* A keyring locked before the program started (--locked-keyring)     */
/* ------------------------------------------------------------------ */

static void
test_locked (void)
{
  g_autofree char *path = database_path ("locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autolist(SecretItem) items = NULL;
  AsyncData data = { NULL, };
  GBytes *key;

  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  g_assert_false (plc_keyring_delete_key (path, NULL, &error));
  assert_plc_error (error, PLC_ERROR_KEYRING_LOCKED);
  g_clear_error (&error);
  assert_quick (timer);

  data.loop = g_main_loop_new (NULL, FALSE);
  ensure_async (&data, 0, path, TRUE, NULL);
  g_main_loop_run (data.loop);
  g_assert_null (data.keys[0]);
  assert_plc_error (data.errors[0], PLC_ERROR_KEYRING_LOCKED);
  async_data_clear (&data);
  assert_quick (timer);

  items = find_items (path);
  g_assert_null (items);
}

/* ------------------------------------------------------------------ */
/* No Secret Service (--no-keyring)                                    */
/* ------------------------------------------------------------------ */

static void
test_unavailable (void)
{
  g_autofree char *path = database_path ("unavailable.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  AsyncData data = { NULL, };
  GBytes *key;

  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  assert_quick (timer);

  key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  assert_quick (timer);

  g_assert_false (plc_keyring_delete_key (path, NULL, &error));
  assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  assert_quick (timer);

  data.loop = g_main_loop_new (NULL, FALSE);
  ensure_async (&data, 0, path, TRUE, NULL);
  g_main_loop_run (data.loop);
  g_assert_null (data.keys[0]);
  assert_plc_error (data.errors[0], PLC_ERROR_KEYRING_UNAVAILABLE);
  async_data_clear (&data);
  assert_quick (timer);
}

/* As inside the Flatpak sandbox on a desktop whose portal has no Secret
 * backend (or where no portal runs): libsecret's file backend would need
 * org.freedesktop.portal.Secret, which nothing on this private bus offers.
 * The error says so and what to do, and no database is made. */
static void
test_no_portal (void)
{
  g_autofree char *path = database_path ("no-portal.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(PlcStore) store = NULL;
  AsyncData data = { NULL, };
  GBytes *key;

  key = plc_keyring_lookup_key (path, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_SECRET_PORTAL_MISSING);
  g_assert_nonnull (strstr (error->message, "Secret portal"));
  g_assert_nonnull (strstr (error->message, "GNOME"));
  g_assert_nonnull (strstr (error->message, "Plasma 6"));
  g_clear_error (&error);
  assert_quick (timer);

  key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
  g_assert_null (key);
  assert_plc_error (error, PLC_ERROR_SECRET_PORTAL_MISSING);
  g_clear_error (&error);

  data.loop = g_main_loop_new (NULL, FALSE);
  ensure_async (&data, 0, path, TRUE, NULL);
  g_main_loop_run (data.loop);
  g_assert_null (data.keys[0]);
  assert_plc_error (data.errors[0], PLC_ERROR_SECRET_PORTAL_MISSING);
  async_data_clear (&data);

  store = plc_store_open_with_keyring (path, NULL, &error);
  g_assert_null (store);
  assert_plc_error (error, PLC_ERROR_SECRET_PORTAL_MISSING);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_quick (timer);
}

/* No session bus at all. In a subprocess, which can drop the bus address
 * before any thread exists (setenv is not thread-safe). */
static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = database_path ("no-bus.db");
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      GBytes *key;

      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_unsetenv ("DISPLAY");
      timer = g_timer_new ();

      key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
      g_assert_null (key);
      assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
      assert_quick (timer);
      return;
    }

  g_test_trap_subprocess (NULL, (guint64) (2 * QUICK_SECONDS * G_USEC_PER_SEC),
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* A keyring that goes away while the application runs                 */
/* ------------------------------------------------------------------ */

static guint32
secret_service_pid (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid = 0;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, &error);
  if (reply != NULL)
    g_variant_get (reply, "(u)", &pid);

  return pid;
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_null (plc_store_open_with_keyring_finish (result, &data->errors[0]));
  g_main_loop_quit (data->loop);
}

/* The key of an open database is in memory: saving goes on when the
 * keyring daemon dies.  Opening (again, or another database, the way the
 * application opens the demonstration data) fails at once with a clear
 * message, and no database file is made without a key to open it by. */
static void
test_vanishing (void)
{
  g_autofree char *path = database_path ("vanishing.db");
  g_autofree char *other = database_path ("vanishing-other.db");
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcStore) again = NULL;
  g_autoptr(PlcChild) child = make_child ("Ada Testsson");
  g_autoptr(PlcChild) later = make_child ("Bo Testsson");
  g_autoptr(PlcChild) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0;
  gsize after_length = 0;
  AsyncData data = { NULL, };
  guint32 pid;

  store = plc_store_open_with_keyring (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plc_store_save_child (store, child, &error));
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  pid = secret_service_pid (bus);
  g_assert_cmpuint (pid, >, 1);
  g_test_message ("killing the keyring daemon, pid %u", pid);
  g_assert_cmpint (kill ((pid_t) pid, SIGKILL), ==, 0);
  for (guint i = 0; i < 100 && secret_service_pid (bus) != 0; i++)
    g_usleep (50 * 1000);
  g_assert_cmpuint (secret_service_pid (bus), ==, 0);

  /* The open store goes on. */
  g_assert_true (plc_store_save_child (store, later, &error));
  g_assert_no_error (error);
  read = plc_store_get_child (store, plc_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_name (read), ==, "Ada Testsson");
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  /* Opening it a second time needs the keyring. */
  timer = g_timer_new ();
  again = plc_store_open_with_keyring (path, NULL, &error);
  g_assert_null (again);
  assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  assert_quick (timer);

  /* So does a new one, which is not made without its key. */
  again = plc_store_open_with_keyring (other, NULL, &error);
  g_assert_null (again);
  assert_plc_error (error, PLC_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  assert_quick (timer);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* The same, the way the application opens a database. */
  data.loop = g_main_loop_new (NULL, FALSE);
  plc_store_open_with_keyring_async (other, NULL, opened_cb, &data);
  g_main_loop_run (data.loop);
  assert_plc_error (data.errors[0], PLC_ERROR_KEYRING_UNAVAILABLE);
  async_data_clear (&data);
  assert_quick (timer);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* The open store still works, and none of this touched its file. */
  g_assert_true (plc_store_check (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  plc_store_close (store);
}

static void
test_not_in_session (void)
{
  g_test_skip ("run this under tests/session-run: it would change your own keyring");
}

int
main (int   argc,
      char *argv[])
{
  const char *keyring = "unlocked";

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--keyring="))
        keyring = argv[i] + strlen ("--keyring=");
      else
        {
          g_printerr ("%s: unknown argument %s\n", argv[0], argv[i]);
          return 2;
        }
    }

  /* This stores and deletes keys: never in someone's real keyring. */
  if (g_getenv ("PLC_SESSION_DIR") == NULL)
    {
      g_test_add_func ("/keyring/not-in-session", test_not_in_session);
    }
  else if (g_str_equal (keyring, "unlocked"))
    {
      g_test_add_func ("/keyring/unlocked/hex", test_hex);
      g_test_add_func ("/keyring/unlocked/create-and-lookup", test_create_and_lookup);
      g_test_add_func ("/keyring/unlocked/distinct-keys", test_distinct_keys);
      g_test_add_func ("/keyring/unlocked/no-key", test_no_key);
      g_test_add_func ("/keyring/unlocked/delete", test_delete);
      g_test_add_func ("/keyring/unlocked/damaged-key", test_damaged_key);
      g_test_add_func ("/keyring/unlocked/async", test_async);
      g_test_add_func ("/keyring/unlocked/lock-in-session", test_lock_in_session);
    }
  else if (g_str_equal (keyring, "password"))
    {
      /* The route libsecret takes inside a Flatpak sandbox (the Secret
       * portal's file backend there, the keyring's D-Bus API here). */
      g_setenv ("PLACERINGAR_KEYRING_API", "password", TRUE);
      g_test_add_func ("/keyring/password-api/create-and-lookup", test_create_and_lookup);
      g_test_add_func ("/keyring/password-api/distinct-keys", test_distinct_keys);
      g_test_add_func ("/keyring/password-api/no-key", test_no_key);
      g_test_add_func ("/keyring/password-api/delete", test_delete);
      g_test_add_func ("/keyring/password-api/damaged-key", test_damaged_key);
      g_test_add_func ("/keyring/password-api/async", test_async);
    }
  else if (g_str_equal (keyring, "locked"))
    {
      g_test_add_func ("/keyring/locked/errors", test_locked);
    }
  else if (g_str_equal (keyring, "vanishing"))
    {
      g_test_add_func ("/keyring/vanishing/open-store-goes-on", test_vanishing);
    }
  else if (g_str_equal (keyring, "no-portal"))
    {
      /* libsecret's file backend, as in the sandbox, with no portal on the bus */
      g_setenv ("PLACERINGAR_KEYRING_API", "password", TRUE);
      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_unsetenv ("SECRET_FILE_TEST_PASSWORD");
      g_test_add_func ("/keyring/no-portal/says-why", test_no_portal);
    }
  else if (g_str_equal (keyring, "none"))
    {
      g_test_add_func ("/keyring/none/no-bus", test_no_bus);
      g_test_add_func ("/keyring/none/no-service", test_unavailable);
    }
  else
    {
      g_printerr ("%s: --keyring must be unlocked, password, locked, vanishing, no-portal or none\n", argv[0]);
      return 2;
    }

  return g_test_run ();
}
