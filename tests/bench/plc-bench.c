/* plc-bench.c: how the caseload scales, each figure against its floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: plc-bench [--children 1000,10000] [--runs 5] [--seed S] [--app PATH] [--keep]
 *
 * For each number of children: makes a synthetic caseload
 * (plc-bench-data.c), writes it in the interchange format, imports it into
 * a new encrypted store, and times, each the median of --runs runs after
 * one warm-up:
 *
 *  - opening the store and loading every child, placement and step status
 *    into the model, against the floor: the same rows read with plain
 *    SQLCipher statements from the same file, opened with the same key;
 *  - computing every obligation of every placement with the engine,
 *    against the same floor;
 *  - the whole caseload reload (load, obligations, cases sorted), as the
 *    application does it, against the same floor (for information);
 *  - one keystroke of search-as-you-type on the placements list model
 *    (PlcCaseFilter over the caseload's cases), against the 16.7 ms frame;
 *  - the yearly follow-up report, against reading every table it reads;
 *  - a step marked done through another connection to the file (as
 *    placeringar-cli mark does), from its commit until the caseload has
 *    applied it (wall time; the store asked to look at once, as the
 *    application does when its window becomes active; otherwise it looks
 *    within a second), against the whole reload that it spares;
 *  - resident memory after loading, per 1,000 placements (in a process of
 *    its own, so that earlier runs do not count);
 *  - with --app, the application's start to its first drawn frame, and to
 *    the first frame that shows the loaded caseload, against the same with
 *    an empty database.  Needs a Secret Service and a display: run it
 *    under tests/session-run --display (the meson benchmark does);
 *  - with --cli, placeringar-cli end to end, the CPU time of the process
 *    (user and system), the median of --cli-runs runs: `import` of the
 *    file into a new database, against its floor, a process that reads
 *    the same file and writes the same rows into a new encrypted file with
 *    plain SQLCipher INSERTs in one transaction (--insert-floor); and
 *    `obligations --json` against `export` of the same database.  Needs a
 *    Secret Service, as the command line keeps its keys there.
 *
 * Then the growth of each figure from the smallest to the largest count.
 * Not translated: a developer's tool; it prints no personal data (the
 * data is fictitious anyway).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "plc-bench-data.h"
#include "plc-case-filter.h"
#include "plc-caseload.h"
#include "plc-engine.h"
#include "plc-follow-up.h"
#include "plc-interchange.h"
#include "plc-keyring.h"
#include "plc-profile-set.h"
#include "plc-store.h"

#define FRAME_MS (1000.0 / 60.0)

/* Goals, at the largest count (the issue's words: within 3x the floor, a
 * keystroke well inside one frame, start within 1.5x the empty start). */
#define GOAL_LOAD_RATIO        3.0
#define GOAL_OBLIGATIONS_RATIO 3.0
#define GOAL_KEYSTROKE_MS      (FRAME_MS / 2)
#define GOAL_START_RATIO       1.5
#define GOAL_CLI_RATIO         3.0
#define GOAL_CHANGE_MS         1000.0

typedef enum
{
  FIG_LOAD,
  FIG_OBLIGATIONS,
  FIG_RELOAD,
  FIG_KEYSTROKE_MEDIAN,
  FIG_KEYSTROKE_WORST,
  FIG_FOLLOW_UP,
  FIG_CHANGE_APPLIED,
  FIG_CLI_OBLIGATIONS,
  FIG_CLI_IMPORT,
  FIG_RSS,
  FIG_START_FIRST,
  FIG_START_LOADED,
  N_FIGS
} Fig;

typedef struct
{
  double value;      /* ms, or MiB for FIG_RSS; < 0: not measured */
  double baseline;   /* ms; < 0: none */
} Figure;

typedef struct
{
  guint   n_children;
  guint   n_placements;
  guint   n_statuses;
  Figure  figs[N_FIGS];
} Result;

static const char * const fig_names[N_FIGS] = {
  "open + load all placements",
  "all obligations (engine)",
  "caseload reload (load+oblig.+sort)",
  "search keystroke, median",
  "search keystroke, worst",
  "yearly report",
  "another connection's change applied (wall)",
  "cli obligations --json (CPU)",
  "cli import (CPU)",
  "RSS after load per 1,000 placements",
  "app start to first frame",
  "app start to caseload shown",
};

static const char * const baseline_names[N_FIGS] = {
  "SQLite floor", "SQLite floor", "SQLite floor", "one frame", "one frame",
  "SQLite floor", "caseload reload", "cli export", "plain inserts", "", "empty database", "empty database",
};

static int opt_runs = 5;
static gint64 opt_seed = 2017;
static char *opt_children = NULL;
static char *opt_app = NULL;
static gboolean opt_keep = FALSE;
static char *opt_rss_child = NULL;
static char *opt_cli = NULL;
static int opt_cli_runs = 3;
static char *opt_insert_floor = NULL;

/* The figures of the core are the CPU time of this thread: what the wall
 * time is on an idle machine, and nearly the same while other programs
 * compete for the processors (the machine these figures come from is
 * shared).  The application's start is wall time: app_start(). */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static char *
dup_loadavg (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 4);
  return g_strv_length (fields) >= 3 ? g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2])
                                     : g_strdup ("?");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;

  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }

  g_remove (path);
}

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  g_printerr ("plc-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* The floor: the same rows, read with plain SQLCipher statements */

static guint64 floor_checksum;

static void
floor_read (const char  *path,
            GBytes      *key,
            const char **queries)
{
  sqlite3 *db = NULL;
  gsize key_len;
  const guint8 *key_data = g_bytes_get_data (key, &key_len);
  GString *pragma = g_string_new ("PRAGMA key = \"x'");

  for (gsize i = 0; i < key_len; i++)
    g_string_append_printf (pragma, "%02x", key_data[i]);
  g_string_append (pragma, "'\"");

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, pragma->str, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL) != SQLITE_OK)
    die ("floor: opening", NULL);
  g_string_free (pragma, TRUE);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        die (queries[q], NULL);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          for (int c = 0; c < n; c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
                {
                  const unsigned char *text = sqlite3_column_text (stmt, c);

                  floor_checksum += text[0] + (guint64) sqlite3_column_bytes (stmt, c);
                }
              else
                floor_checksum += (guint64) sqlite3_column_int64 (stmt, c);
            }
        }
      if (rc != SQLITE_DONE)
        die (queries[q], NULL);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
}

/* What the caseload reads */
static const char *load_queries[] = {
  "SELECT * FROM children WHERE deleted = 0",
  "SELECT * FROM placements WHERE deleted = 0",
  "SELECT * FROM step_statuses",
  "SELECT * FROM routine_offsets",
  NULL
};

/* What an export (the yearly report's input) reads */
static const char *all_queries[] = {
  "SELECT * FROM children WHERE deleted = 0",
  "SELECT * FROM placements WHERE deleted = 0",
  "SELECT * FROM step_statuses",
  "SELECT * FROM contacts WHERE deleted = 0",
  "SELECT * FROM contact_links",
  "SELECT * FROM contact_log WHERE deleted = 0",
  "SELECT * FROM deviations WHERE deleted = 0",
  "SELECT * FROM deviation_events",
  "SELECT * FROM routine_offsets",
  NULL
};

/* The model's load: open the store, read what the caseload reads */

typedef struct
{
  PlcStore  *store;
  GPtrArray *children;
  GPtrArray *placements;
  GPtrArray *statuses;
  GPtrArray *routines;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->children, g_ptr_array_unref);
  g_clear_pointer (&loaded->placements, g_ptr_array_unref);
  g_clear_pointer (&loaded->statuses, g_ptr_array_unref);
  g_clear_pointer (&loaded->routines, g_ptr_array_unref);
  if (loaded->store != NULL)
    plc_store_close (loaded->store);
  g_clear_object (&loaded->store);
}

G_GNUC_NO_INLINE
static void
model_load (const char *path,
            GBytes     *key,
            Loaded     *loaded)
{
  g_autoptr(GError) error = NULL;

  if ((loaded->store = plc_store_open (path, key, &error)) == NULL ||
      (loaded->children = plc_store_list_children (loaded->store, FALSE, &error)) == NULL ||
      (loaded->placements = plc_store_list_placements (loaded->store, 0, FALSE, &error)) == NULL ||
      (loaded->statuses = plc_store_list_step_statuses (loaded->store, 0, &error)) == NULL ||
      (loaded->routines = plc_store_list_routine_offsets (loaded->store, NULL, &error)) == NULL)
    die ("loading", error);
}

/* Every obligation of every placement, as the caseload computes them */
G_GNUC_NO_INLINE
static guint
compute_all (PlcEngine *engine,
             Loaded    *loaded,
             PlcDate    today)
{
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  guint n = 0;

  plc_engine_learn_routines (engine, loaded->routines);
  plc_engine_learn_moves (engine, loaded->placements);
  plc_engine_learn_step_statuses (engine, loaded->statuses);

  for (guint i = 0; i < loaded->children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (loaded->children, i);
      gint64 id = plc_child_get_id (child);

      g_hash_table_insert (children, g_memdup2 (&id, sizeof id), child);
    }

  for (guint i = 0; i < loaded->statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (loaded->statuses, i);
      gint64 id = plc_step_status_get_placement_id (status);
      GPtrArray *list = g_hash_table_lookup (statuses, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (statuses, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, status);
    }

  for (guint i = 0; i < loaded->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (loaded->placements, i);
      gint64 child_id = plc_placement_get_child_id (placement);
      gint64 id = plc_placement_get_id (placement);
      PlcChild *child = g_hash_table_lookup (children, &child_id);
      g_autofree char *warning = NULL;
      g_autoptr(GPtrArray) obligations = NULL;

      if (child == NULL)
        continue;

      obligations = plc_engine_compute (engine, child, placement, g_hash_table_lookup (statuses, &id),
                                        today, &warning);
      n += obligations->len;
    }

  return n;
}

/* Search as you type: each search text typed a character at a time, then
 * erased; each keystroke timed on its own. */
static const char * const searches[] = {
  "Astrid Exempelsson", "Testsson", "Leo", "2014", "Övningsson Alma",
};

G_GNUC_NO_INLINE
static void
time_keystrokes (GListModel *cases,
                 GArray     *times)
{
  g_autoptr(PlcCaseFilter) filter = plc_case_filter_new (cases);
  guint sink = 0;

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *text = searches[s];
      glong n = g_utf8_strlen (text, -1);

      for (glong len = 1; len <= n; len++)
        {
          g_autofree char *prefix = g_utf8_substring (text, 0, len);
          double t0 = now_ms ();

          plc_case_filter_set_search (filter, prefix);
          sink += g_list_model_get_n_items (G_LIST_MODEL (filter));
          g_array_append_val (times, (double) { now_ms () - t0 });
        }
      for (glong len = n - 1; len >= 0; len--)
        {
          g_autofree char *prefix = g_utf8_substring (text, 0, len);
          double t0 = now_ms ();

          plc_case_filter_set_search (filter, prefix);
          sink += g_list_model_get_n_items (G_LIST_MODEL (filter));
          g_array_append_val (times, (double) { now_ms () - t0 });
        }
    }

  floor_checksum += sink;
}

/* Resident memory, in a process of its own: the model loaded as the
 * application holds it (the caseload, with every obligation). */

static double
rss_mib (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;
  fields = g_strsplit (statm, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;

  return g_ascii_strtod (fields[1], NULL) * sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static PlcEngine *
new_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) profiles = plc_profile_set_load_default (&error);

  if (profiles == NULL)
    die ("loading the agreement profiles", error);

  return plc_engine_new (profiles);
}

/* Reads the key (hex) on stdin; prints "BEFORE AFTER" in MiB. */
static int
rss_child (const char *path)
{
  char hex[160] = "";
  guint8 key[64];
  gsize key_len = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcCaseload) caseload = NULL;
  g_autoptr(GError) error = NULL;
  double before, after;

  if (fgets (hex, sizeof hex, stdin) == NULL)
    return 1;
  g_strstrip (hex);
  for (gsize i = 0; hex[2 * i] != '\0' && hex[2 * i + 1] != '\0' && i < sizeof key; i++)
    key[key_len++] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]));
  bytes = g_bytes_new (key, key_len);

  engine = new_engine ();
  before = rss_mib ();

  store = plc_store_open (path, bytes, &error);
  if (store == NULL)
    die ("opening", error);
  caseload = plc_caseload_new (store, engine);
  if (!plc_caseload_reload (caseload, plc_date_today (), &error))
    die ("loading", error);
  after = rss_mib ();

  g_print ("%.3f %.3f\n", before, after);
  return 0;
}

static double
measure_rss (const char *path,
             GBytes     *key,
             double     *total)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *input = NULL;
  double before = 0, after = 0;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--rss-child", path, NULL);
  if (child == NULL)
    die ("starting the memory measurement", error);

  hex = plc_keyring_key_to_hex (key);
  input = g_strdup_printf ("%s\n", hex);
  if (!g_subprocess_communicate_utf8 (child, input, NULL, &out, NULL, &error) ||
      sscanf (out, "%lf %lf", &before, &after) != 2)
    die ("measuring memory", error);
  explicit_bzero (input, strlen (input));
  plc_keyring_hex_free (g_steal_pointer (&hex));

  *total = after;
  return after - before;
}

/* The application's start: exec to first frame, and to the first frame
 * that shows the loaded caseload (PLACERINGAR_BENCH_FIRST_FRAME=1, see
 * plc-application.c). */

typedef struct
{
  GMainLoop *loop;
  char      *out;
  GError    *error;
} Communicated;

static void
communicated (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Communicated *c = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, NULL, &c->out, &c->error);
  g_main_loop_quit (c->loop);
}

static gboolean
timed_out (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
app_start (const char *data_home,
           double     *first,
           double     *loaded)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Communicated c = { loop, NULL, NULL };
  gint64 t0;
  guint timeout;

  *first = *loaded = -1;
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "PLACERINGAR_BENCH_FIRST_FRAME", "1", TRUE);

  t0 = g_get_monotonic_time ();
  app = g_subprocess_launcher_spawn (launcher, &error, opt_app, NULL);
  if (app == NULL)
    die ("starting the application", error);

  timeout = g_timeout_add_seconds (120, timed_out, app);
  g_subprocess_communicate_utf8_async (app, NULL, NULL, communicated, &c);
  g_main_loop_run (loop);
  g_source_remove (timeout);
  g_subprocess_wait (app, NULL, NULL);

  if (c.error != NULL)
    die ("reading the application's output", c.error);

  lines = g_strsplit (c.out != NULL ? c.out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 at;

      if (sscanf (lines[i], "PLACERINGAR_BENCH first-frame %" G_GINT64_FORMAT, &at) == 1)
        *first = (at - t0) / 1000.0;
      else if (sscanf (lines[i], "PLACERINGAR_BENCH caseload-frame %" G_GINT64_FORMAT, &at) == 1)
        *loaded = (at - t0) / 1000.0;
    }
  g_free (c.out);

  if (*first < 0 || *loaded < 0)
    {
      g_printerr ("plc-bench: the application did not report its frames (exit status %d)\n",
                  g_subprocess_get_exit_status (app));
      return FALSE;
    }

  return TRUE;
}

/* A database where the application looks for it, with its key in the
 * keyring; or, without --app, anywhere, with a key of our own. */
static char *
make_database (const char *data_home,
               GBytes    **key)
{
  g_autofree char *dir = g_build_filename (data_home, DATA_DIR_NAME, NULL);
  char *path = g_build_filename (dir, "placeringar.db", NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    die ("making the data directory", NULL);

  if (opt_app != NULL)
    {
      *key = plc_keyring_ensure_key (path, TRUE, NULL, &error);
      if (*key == NULL)
        die ("the keyring (run under tests/session-run --display)", error);
    }
  else
    {
      guint8 raw[32];

      for (guint i = 0; i < sizeof raw; i++)
        raw[i] = (guint8) g_random_int_range (0, 256);
      *key = g_bytes_new (raw, sizeof raw);
    }

  return path;
}

/* A step marked done (or open again) through another connection to the
 * file, as placeringar-cli mark does: the wall time from its commit until
 * @caseload has applied it, the store asked to look at once */
static void
changed_cb (PlcCaseload *caseload,
            guint       *count)
{
  (*count)++;
}

G_GNUC_NO_INLINE
static double
time_change (const char  *path,
             GBytes      *key,
             PlcStore    *store,
             PlcCaseload *caseload)
{
  GListModel *cases = plc_caseload_get_cases (caseload);
  g_autoptr(PlcCase) c = g_list_model_get_item (cases, g_list_model_get_n_items (cases) / 2);
  PlcPlacement *placement = plc_case_get_current_placement (c);
  g_autoptr(PlcStore) other = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;
  guint changed = 0;
  gint64 t0, deadline;

  if (placement == NULL || (other = plc_store_open (path, key, &error)) == NULL)
    die ("opening a second connection", error);

  status = plc_store_get_step_status (other, plc_placement_get_id (placement), "health-exam-notification", 1, &error);
  if (status == NULL)
    {
      g_clear_error (&error);
      status = plc_step_status_new ();
      plc_step_status_set_placement_id (status, plc_placement_get_id (placement));
      plc_step_status_set_rule (status, "health-exam-notification");
    }
  plc_step_status_set_state (status, plc_step_status_get_state (status) == PLC_STEP_STATE_DONE
                                       ? PLC_STEP_STATE_OPEN : PLC_STEP_STATE_DONE);
  plc_step_status_set_date (status, plc_step_status_get_state (status) == PLC_STEP_STATE_DONE
                                      ? plc_date_today () : PLC_DATE_NONE);

  handler = g_signal_connect (caseload, "changed", G_CALLBACK (changed_cb), &changed);
  if (!plc_store_save_step_status (other, status, &error))
    die ("marking a step", error);
  t0 = g_get_monotonic_time ();
  deadline = t0 + 30 * G_TIME_SPAN_SECOND;

  plc_store_poll_changes (store);
  while (changed == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (caseload, handler);
  if (changed == 0)
    die ("the change did not reach the caseload", NULL);

  plc_store_close (other);

  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* The yearly follow-up of last year, for every municipality, as
 * `placeringar-cli report` makes it: the store exported, then computed. */
G_GNUC_NO_INLINE
static double
time_follow_up (PlcStore  *store,
                PlcEngine *engine,
                PlcDate    today)
{
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  PlcFollowUpQuery query = { 0, };
  double t0 = now_ms ();

  query.year = plc_date_get_year (today) - 1;
  query.today = today;

  dataset = plc_store_export (store, &error);
  if (dataset == NULL)
    die ("exporting", error);
  follow_up = plc_follow_up_compute (dataset, engine, &query);
  floor_checksum += plc_follow_up_get_n_tables (follow_up);

  return now_ms () - t0;
}

/* placeringar-cli, end to end: the CPU time of a process of its own */

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* Runs @argv (with @input on its standard input, if any) and returns the
 * CPU time it took, user and system, in ms; its output is thrown away, or
 * kept in @out */
static double
run_cpu_ms (const char * const  *argv,
            const char          *input,
            char               **out)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  double before = children_cpu_ms ();

  launcher = g_subprocess_launcher_new ((out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_STDOUT_SILENCE) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0));
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, input, NULL, out, &err, &error))
    die (argv[0], error);
  if (!g_subprocess_get_successful (process))
    {
      g_printerr ("plc-bench: %s %s failed: %s\n", argv[0], argv[1], err != NULL ? err : "");
      exit (1);
    }

  return children_cpu_ms () - before;
}

/* The import's floor, in a process of its own (--insert-floor FILE DB, the
 * key in hex on standard input): the file read as the command line reads
 * it, and its rows written with plain SQLCipher INSERTs, in one
 * transaction, into a new database made by the store (so that it has the
 * same tables).  Only the rows of the data: no audit log, no change log,
 * no checks, no matching with what is there. */

typedef struct
{
  sqlite3    *db;
  GHashTable *children;    /* ref → id */
  GHashTable *placements;  /* ref → id */
  guint       n_refs;
} Floor;

static gint64
floor_id (GHashTable *ids,
          const char *ref)
{
  gpointer id = ref != NULL ? g_hash_table_lookup (ids, ref) : NULL;

  return id != NULL ? *(gint64 *) id : 0;
}

/* An INSERT of every column of @table but the id, each bound from the
 * property of the same name ("foo_bar" is "foo-bar"), an id from the ref
 * it stands for */
static void
floor_insert (Floor      *floor,
              const char *table,
              GPtrArray  *records,
              GHashTable *ids)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info(%s)", table);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (floor->db, info, -1, &stmt, NULL) != SQLITE_OK)
    die (info, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "id"))
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", (char *) g_ptr_array_index (columns, c));
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < columns->len; c++)
    g_string_append (sql, c > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (floor->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    die (sql->str, NULL);

  for (guint r = 0; r < records->len; r++)
    {
      GObject *record = g_ptr_array_index (records, r);
      g_autofree char *ref = NULL;

      for (guint c = 0; c < columns->len; c++)
        {
          const char *column = g_ptr_array_index (columns, c);
          g_autofree char *prop = g_strdelimit (g_strdup (column), "_", '-');
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), prop);
          g_auto(GValue) value = G_VALUE_INIT;
          int i = (int) c + 1;

          if (g_str_equal (column, "version"))
            {
              sqlite3_bind_int (stmt, i, 1);
              continue;
            }
          if (g_str_equal (column, "ref"))
            {
              ref = g_strdup (plc_record_get_ref (PLC_RECORD (record)));
              if (ref == NULL)
                ref = g_strdup_printf ("floor-%u", ++floor->n_refs);
              sqlite3_bind_text (stmt, i, ref, -1, SQLITE_TRANSIENT);
              continue;
            }
          if (g_str_equal (column, "child_id") || g_str_equal (column, "placement_id"))
            {
              g_autofree char *ref_prop = g_strconcat (g_str_equal (column, "child_id") ? "child" : "placement",
                                                        "-ref", NULL);
              g_autofree char *linked = NULL;
              gint64 id;

              g_object_get (record, ref_prop, &linked, NULL);
              id = floor_id (g_str_equal (column, "child_id") ? floor->children : floor->placements, linked);
              if (id != 0)
                sqlite3_bind_int64 (stmt, i, id);
              else
                sqlite3_bind_null (stmt, i);
              continue;
            }
          /* Written once all placements are in (previous_id); not in the
           * file (a log entry's contact_id) */
          if (pspec == NULL || g_str_has_suffix (column, "_id"))
            {
              sqlite3_bind_null (stmt, i);
              continue;
            }

          g_value_init (&value, pspec->value_type);
          g_object_get_property (record, prop, &value);
          if (pspec->value_type == G_TYPE_STRV)
            {
              const char * const *strv = g_value_get_boxed (&value);

              if (strv == NULL || strv[0] == NULL)
                sqlite3_bind_null (stmt, i);
              else
                sqlite3_bind_text (stmt, i, g_strjoinv ("\n", (char **) strv), -1, g_free);
            }
          else if (G_VALUE_HOLDS_STRING (&value))
            sqlite3_bind_text (stmt, i, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
          else if (G_VALUE_HOLDS_BOOLEAN (&value))
            sqlite3_bind_int (stmt, i, g_value_get_boolean (&value));
          else if (G_VALUE_HOLDS_INT64 (&value))
            sqlite3_bind_int64 (stmt, i, g_value_get_int64 (&value));
          else if (G_VALUE_HOLDS_UINT (&value))
            sqlite3_bind_int64 (stmt, i, g_value_get_uint (&value));
          else if (G_VALUE_HOLDS_INT (&value))
            sqlite3_bind_int (stmt, i, g_value_get_int (&value));
          else if (G_VALUE_HOLDS_ENUM (&value))
            sqlite3_bind_int (stmt, i, g_value_get_enum (&value));
          else
            sqlite3_bind_null (stmt, i);
        }

      if (sqlite3_step (stmt) != SQLITE_DONE)
        die (sqlite3_errmsg (floor->db), NULL);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);

      if (ids != NULL && ref != NULL)
        {
          gint64 id = sqlite3_last_insert_rowid (floor->db);

          g_hash_table_insert (ids, g_steal_pointer (&ref), g_memdup2 (&id, sizeof id));
        }
    }

  sqlite3_finalize (stmt);
}

static void
floor_exec (Floor      *floor,
            const char *sql)
{
  if (sqlite3_exec (floor->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (floor->db), NULL);
}

static int
insert_floor (const char *json,
              const char *path)
{
  char hex[160] = "";
  guint8 raw[64];
  gsize key_len = 0;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pragma = g_string_new ("PRAGMA key = \"x'");
  GPtrArray *placements, *contacts, *deviations;
  sqlite3_stmt *stmt = NULL;
  Floor floor = { NULL, NULL, NULL, 0 };
  double t0 = now_ms (), t_read;

  if (fgets (hex, sizeof hex, stdin) == NULL)
    return 1;
  g_strstrip (hex);
  for (gsize i = 0; hex[2 * i] != '\0' && hex[2 * i + 1] != '\0' && i < sizeof raw; i++)
    raw[key_len++] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]));
  key = g_bytes_new (raw, key_len);

  dataset = plc_interchange_read_file (file, plc_date_today (), &error);
  if (dataset == NULL)
    die ("reading", error);
  t_read = now_ms () - t0;

  /* The tables, as the store makes them */
  store = plc_store_open (path, key, &error);
  if (store == NULL)
    die ("making the floor's database", error);
  plc_store_close (store);

  g_string_append (pragma, hex);
  g_string_append (pragma, "'\"");
  if (sqlite3_open_v2 (path, &floor.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    die ("opening the floor's database", NULL);
  floor_exec (&floor, pragma->str);
  floor_exec (&floor, "PRAGMA cipher_compatibility = 3");
  floor_exec (&floor, "PRAGMA journal_mode = WAL");
  floor_exec (&floor, "PRAGMA synchronous = FULL");
  floor_exec (&floor, "BEGIN IMMEDIATE");

  floor.children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  floor.placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  placements = plc_dataset_get_placements (dataset);
  floor_insert (&floor, "children", plc_dataset_get_children (dataset), floor.children);
  floor_insert (&floor, "placements", placements, floor.placements);

  if (sqlite3_prepare_v2 (floor.db, "UPDATE placements SET previous_id = ? WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    die ("previous_id", NULL);
  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      gint64 previous = floor_id (floor.placements, plc_placement_get_previous_ref (placement));

      if (previous == 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, previous);
      sqlite3_bind_int64 (stmt, 2, floor_id (floor.placements, plc_placement_get_ref (placement)));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        die (sqlite3_errmsg (floor.db), NULL);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  floor_insert (&floor, "step_statuses", plc_dataset_get_step_statuses (dataset), NULL);

  contacts = plc_dataset_get_contacts (dataset);
  floor_insert (&floor, "contacts", contacts, NULL);
  if (sqlite3_prepare_v2 (floor.db, "INSERT INTO contact_links (contact_id, position, child_id, placement_id, role)"
                          " VALUES ((SELECT id FROM contacts WHERE ref = ?), ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    die ("contact_links", NULL);
  for (guint i = 0; i < contacts->len; i++)
    {
      PlcContact *contact = g_ptr_array_index (contacts, i);
      GPtrArray *links = plc_contact_get_links (contact);

      for (guint j = 0; j < links->len; j++)
        {
          PlcContactLink *link = g_ptr_array_index (links, j);

          sqlite3_bind_text (stmt, 1, plc_contact_get_ref (contact), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 2, (int) j);
          sqlite3_bind_int64 (stmt, 3, floor_id (floor.children, link->child_ref));
          if (link->placement_ref != NULL)
            sqlite3_bind_int64 (stmt, 4, floor_id (floor.placements, link->placement_ref));
          sqlite3_bind_int (stmt, 5, link->role);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            die (sqlite3_errmsg (floor.db), NULL);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
    }
  sqlite3_finalize (stmt);

  floor_insert (&floor, "contact_log", plc_dataset_get_contact_log (dataset), NULL);

  deviations = plc_dataset_get_deviations (dataset);
  floor_insert (&floor, "deviations", deviations, NULL);
  if (sqlite3_prepare_v2 (floor.db, "INSERT INTO deviation_events (deviation_id, position, at, user, status,"
                          " escalation_step, note) VALUES ((SELECT id FROM deviations WHERE ref = ?), ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    die ("deviation_events", NULL);
  for (guint i = 0; i < deviations->len; i++)
    {
      PlcDeviation *deviation = g_ptr_array_index (deviations, i);
      GPtrArray *history = plc_deviation_get_history (deviation);

      for (guint j = 0; j < history->len; j++)
        {
          PlcDeviationEvent *event = g_ptr_array_index (history, j);

          sqlite3_bind_text (stmt, 1, plc_deviation_get_ref (deviation), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 2, (int) j);
          sqlite3_bind_text (stmt, 3, event->at, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, event->user, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, event->status);
          sqlite3_bind_int (stmt, 6, event->escalation_step);
          sqlite3_bind_text (stmt, 7, event->note, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            die (sqlite3_errmsg (floor.db), NULL);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
    }
  sqlite3_finalize (stmt);

  floor_exec (&floor, "COMMIT");
  sqlite3_close (floor.db);
  g_print ("read %.3f rest %.3f\n", t_read, now_ms () - t0 - t_read);
  g_hash_table_unref (floor.children);
  g_hash_table_unref (floor.placements);
  explicit_bzero (hex, sizeof hex);

  return 0;
}

/* Whether keys can be kept in a keyring, as the command line keeps them */
static gboolean
have_keyring (const char *root)
{
  g_autofree char *probe = g_build_filename (root, "keyring-probe.db", NULL);
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GError) error = NULL;

  key = plc_keyring_ensure_key (probe, TRUE, NULL, &error);
  if (key == NULL)
    g_print ("plc-bench: no keyring (%s): placeringar-cli is not measured; "
             "run under tests/session-run\n", error->message);

  return key != NULL;
}

/* import, obligations --json and export with placeringar-cli, and the
 * import's floor, --cli-runs times each */
static void
time_cli (const char *root,
          const char *json,
          guint       n_children,
          PlcDate     today,
          Result     *result)
{
  g_autoptr(GArray) t_import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_obligations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_export = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_read = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today_text = plc_date_to_iso (today);
  double read;

  for (int run = 0; run < opt_cli_runs; run++)
    {
      g_autofree char *db = g_strdup_printf ("%s/cli-%u-%d.db", root, n_children, run);
      g_autofree char *floor_db = g_strdup_printf ("%s/floor-%u-%d.db", root, n_children, run);
      const char *import_argv[] = { opt_cli, "--database", db, "import", json, NULL };
      const char *export_argv[] = { opt_cli, "--database", db, "export", NULL };
      const char *obligations_argv[] = { opt_cli, "--database", db, "obligations", "--json",
                                         "--today", today_text, NULL };
      const char *floor_argv[] = { "/proc/self/exe", "--insert-floor", json, floor_db, NULL };
      g_autoptr(GBytes) key = NULL;
      g_autofree char *hex = NULL;
      g_autofree char *input = NULL;
      g_autofree char *out = NULL;
      guint8 raw[32];
      double t, r = -1, rest = -1;

      for (guint i = 0; i < sizeof raw; i++)
        raw[i] = (guint8) g_random_int_range (0, 256);
      key = g_bytes_new (raw, sizeof raw);
      hex = plc_keyring_key_to_hex (key);
      input = g_strdup_printf ("%s\n", hex);

      t = run_cpu_ms (floor_argv, input, &out);
      g_array_append_val (t_floor, t);
      if (sscanf (out, "read %lf rest %lf", &r, &rest) == 2)
        g_array_append_val (t_read, r);
      explicit_bzero (input, strlen (input));
      plc_keyring_hex_free (g_steal_pointer (&hex));

      t = run_cpu_ms (import_argv, NULL, NULL);
      g_array_append_val (t_import, t);
      t = run_cpu_ms (export_argv, NULL, NULL);
      g_array_append_val (t_export, t);
      t = run_cpu_ms (obligations_argv, NULL, NULL);
      g_array_append_val (t_obligations, t);
    }

  result->figs[FIG_CLI_OBLIGATIONS] = (Figure) { median (t_obligations), median (t_export) };
  result->figs[FIG_CLI_IMPORT] = (Figure) { median (t_import), median (t_floor) };

  /* Both read the same file the same way: what is left when that is taken
   * away, for information */
  read = median (t_read);
  if (read >= 0)
    g_print ("N = %u: placeringar-cli: of the floor's %.0f ms, reading the file takes %.0f ms; "
             "without it, import %.0f ms against plain inserts %.0f ms (%.2fx)\n",
             n_children, median (t_floor), read, median (t_import) - read, median (t_floor) - read,
             (median (t_import) - read) / (median (t_floor) - read));
}

static void
run_size (const char *root,
          guint       n_children,
          GArray     *empty_first,
          GArray     *empty_loaded,
          Result     *result)
{
  g_autofree char *data_home = g_strdup_printf ("%s/n%u", root, n_children);
  g_autofree char *json = g_strdup_printf ("%s/caseload-%u.json", root, n_children);
  g_autoptr(GBytes) key = NULL;
  g_autofree char *path = make_database (data_home, &key);
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(PlcEngine) engine = new_engine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) t_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_floor_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_oblig = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_reload = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_keys_worst = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_follow = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_change = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  PlcDate today = plc_date_today ();
  double t0, rss_total = 0, rss;
  guint n_obligations = 0;

  result->n_children = n_children;
  for (guint f = 0; f < N_FIGS; f++)
    result->figs[f] = (Figure) { -1, -1 };

  /* The data, through the interchange format */
  if (n_children > 0)
    {
      g_autoptr(PlcDataset) read = NULL;
      g_autoptr(PlcStore) store = NULL;

      t0 = now_ms ();
      dataset = plc_bench_build_dataset ((guint32) opt_seed, n_children, today);
      if (!plc_interchange_write_file (dataset, file, &error))
        die ("writing the caseload", error);
      g_print ("N = %u: generated and written in %.0f ms; ", n_children, now_ms () - t0);

      t0 = now_ms ();
      if ((read = plc_interchange_read_file (file, today, &error)) == NULL ||
          (store = plc_store_open (path, key, &error)) == NULL ||
          !plc_store_import (store, read, &error))
        die ("importing the caseload", error);
      plc_store_close (store);
      result->n_placements = plc_dataset_get_placements (read)->len;
      result->n_statuses = plc_dataset_get_step_statuses (read)->len;
      g_print ("read and imported in %.0f ms: %u placements, %u step statuses, %u contacts, "
               "%u contact log entries, %u deviations\n",
               now_ms () - t0, result->n_placements, result->n_statuses,
               plc_dataset_get_contacts (read)->len, plc_dataset_get_contact_log (read)->len,
               plc_dataset_get_deviations (read)->len);
    }
  else
    {
      g_autoptr(PlcStore) store = plc_store_open (path, key, &error);

      if (store == NULL)
        die ("making the empty database", error);
      plc_store_close (store);
    }

  /* Each start with N children right after one with the empty database,
   * so that both meet the same load of the machine. */
  if (opt_app != NULL && n_children > 0)
    {
      g_autofree char *empty_home = g_strdup_printf ("%s/n0", root);

      g_array_set_size (empty_first, 0);
      g_array_set_size (empty_loaded, 0);
      for (int run = -1; run < opt_runs; run++)
        {
          double a, b, c, d;

          if (!app_start (empty_home, &c, &d) || !app_start (data_home, &a, &b))
            break;
          if (run >= 0)
            {
              g_array_append_val (t_first, a);
              g_array_append_val (t_loaded, b);
              g_array_append_val (empty_first, c);
              g_array_append_val (empty_loaded, d);
            }
        }
    }

  if (n_children == 0)
    return;

  /* A warm-up run of each, then the runs, interleaved */
  for (int run = -1; run < opt_runs; run++)
    {
      Loaded loaded = { 0 };
      g_autoptr(PlcStore) store = NULL;
      g_autoptr(PlcCaseload) caseload = NULL;
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
      double floor_ms, floor_all_ms, load_ms, oblig_ms, reload_ms, follow_ms, change_ms;

      t0 = now_ms ();
      floor_read (path, key, load_queries);
      floor_ms = now_ms () - t0;

      t0 = now_ms ();
      floor_read (path, key, all_queries);
      floor_all_ms = now_ms () - t0;

      t0 = now_ms ();
      model_load (path, key, &loaded);
      load_ms = now_ms () - t0;

      t0 = now_ms ();
      n_obligations = compute_all (engine, &loaded, today);
      oblig_ms = now_ms () - t0;

      follow_ms = time_follow_up (loaded.store, engine, today);

      loaded_clear (&loaded);

      t0 = now_ms ();
      if ((store = plc_store_open (path, key, &error)) == NULL)
        die ("opening", error);
      caseload = plc_caseload_new (store, engine);
      if (!plc_caseload_reload (caseload, today, &error))
        die ("reloading the caseload", error);
      reload_ms = now_ms () - t0;

      time_keystrokes (plc_caseload_get_cases (caseload), keys);
      change_ms = time_change (path, key, store, caseload);
      plc_store_close (store);

      if (run < 0)
        continue;

      g_array_append_val (t_floor, floor_ms);
      g_array_append_val (t_floor_all, floor_all_ms);
      g_array_append_val (t_load, load_ms);
      g_array_append_val (t_oblig, oblig_ms);
      g_array_append_val (t_reload, reload_ms);
      if (follow_ms >= 0)
        g_array_append_val (t_follow, follow_ms);
      g_array_append_val (t_change, change_ms);
      g_array_append_vals (t_keys, keys->data, keys->len);
      g_array_sort (keys, compare_doubles);
      g_array_append_val (t_keys_worst, g_array_index (keys, double, keys->len - 1));
    }

  rss = measure_rss (path, key, &rss_total);

  if (opt_cli != NULL)
    time_cli (root, json, n_children, today, result);

  result->figs[FIG_LOAD] = (Figure) { median (t_load), median (t_floor) };
  result->figs[FIG_OBLIGATIONS] = (Figure) { median (t_oblig), median (t_floor) };
  result->figs[FIG_RELOAD] = (Figure) { median (t_reload), median (t_floor) };
  result->figs[FIG_KEYSTROKE_MEDIAN] = (Figure) { median (t_keys), FRAME_MS };
  result->figs[FIG_KEYSTROKE_WORST] = (Figure) { median (t_keys_worst), FRAME_MS };
  result->figs[FIG_FOLLOW_UP] = (Figure) { median (t_follow), median (t_floor_all) };
  result->figs[FIG_CHANGE_APPLIED] = (Figure) { median (t_change), median (t_reload) };
  result->figs[FIG_RSS] = (Figure) { rss / result->n_placements * 1000.0, -1 };
  if (opt_app != NULL)
    {
      result->figs[FIG_START_FIRST] = (Figure) { median (t_first), median (empty_first) };
      result->figs[FIG_START_LOADED] = (Figure) { median (t_loaded), median (empty_loaded) };
    }

  g_print ("N = %u: %u obligations; %u keystrokes per run; RSS after loading %.1f MiB in all\n",
           n_children, n_obligations, t_keys->len / opt_runs, rss_total);
  if (opt_app != NULL)
    g_print ("N = %u: empty database, in turn with these: start to first frame %.1f ms, "
             "to the (empty) caseload shown %.1f ms\n",
             n_children, median (empty_first), median (empty_loaded));
}

/* The table */

static const char *
goal_text (Fig f)
{
  switch (f)
    {
    case FIG_LOAD: return "<= 3x floor";
    case FIG_OBLIGATIONS: return "<= 3x floor";
    case FIG_KEYSTROKE_WORST: return "<= 8.3 ms (1/2 frame)";
    case FIG_START_FIRST: return "<= 1.5x empty";
    case FIG_START_LOADED: return "<= 1.5x empty";
    case FIG_CHANGE_APPLIED: return "<= 1 s, no reload";
    case FIG_CLI_OBLIGATIONS: return "<= 3x export";
    case FIG_CLI_IMPORT: return "<= 3x floor";
    case FIG_KEYSTROKE_MEDIAN:
    case FIG_RELOAD:
    case FIG_FOLLOW_UP:
    case FIG_RSS:
    case N_FIGS:
    default:
      return "-";
    }
}

/* 1: met, 0: missed, -1: no goal */
static int
goal_met (Fig           f,
          const Figure *fig)
{
  if (fig->value < 0)
    return -1;

  switch (f)
    {
    case FIG_LOAD: return fig->value <= GOAL_LOAD_RATIO * fig->baseline;
    case FIG_OBLIGATIONS: return fig->value <= GOAL_OBLIGATIONS_RATIO * fig->baseline;
    case FIG_KEYSTROKE_WORST: return fig->value <= GOAL_KEYSTROKE_MS;
    case FIG_START_FIRST:
    case FIG_START_LOADED: return fig->value <= GOAL_START_RATIO * fig->baseline;
    case FIG_CHANGE_APPLIED: return fig->value <= GOAL_CHANGE_MS && fig->value < fig->baseline;
    case FIG_CLI_OBLIGATIONS:
    case FIG_CLI_IMPORT: return fig->value <= GOAL_CLI_RATIO * fig->baseline;
    case FIG_KEYSTROKE_MEDIAN:
    case FIG_RELOAD:
    case FIG_FOLLOW_UP:
    case FIG_RSS:
    case N_FIGS:
    default:
      return -1;
    }
}

static void
print_table (Result *results,
             guint   n_results)
{
  g_print ("\n| children | placements | figure | value | baseline | ratio | goal | |\n");
  g_print ("|---:|---:|---|---:|---|---:|---|---|\n");

  for (guint r = 0; r < n_results; r++)
    for (Fig f = 0; f < N_FIGS; f++)
      {
        const Figure *fig = &results[r].figs[f];
        const char *unit = f == FIG_RSS ? "MiB" : "ms";
        int met = goal_met (f, fig);
        g_autofree char *value = fig->value < 0 ? g_strdup ("not measured")
                                                : g_strdup_printf ("%.2f %s", fig->value, unit);
        g_autofree char *baseline = fig->baseline < 0 ? g_strdup ("-")
                                                      : g_strdup_printf ("%s %.2f ms", baseline_names[f],
                                                                         fig->baseline);
        g_autofree char *ratio = fig->value < 0 || fig->baseline <= 0 ? g_strdup ("-")
                                 : g_strdup_printf ("%.2fx", fig->value / fig->baseline);

        g_print ("| %u | %u | %s | %s | %s | %s | %s | %s |\n",
                 results[r].n_children, results[r].n_placements, fig_names[f], value, baseline, ratio,
                 goal_text (f), met < 0 ? "" : met ? "met" : "MISSED");
      }

  if (n_results < 2)
    return;

  g_print ("\nGrowth from %u to %u children (placements x%.2f):\n\n",
           results[0].n_children, results[n_results - 1].n_children,
           (double) results[n_results - 1].n_placements / results[0].n_placements);
  g_print ("| figure | %u | %u | growth | per placement |\n", results[0].n_children,
           results[n_results - 1].n_children);
  g_print ("|---|---:|---:|---:|---|\n");
  for (Fig f = 0; f < N_FIGS; f++)
    {
      const Figure *a = &results[0].figs[f];
      const Figure *b = &results[n_results - 1].figs[f];
      double data = (double) results[n_results - 1].n_placements / results[0].n_placements;
      double growth;

      if (a->value <= 0 || b->value < 0)
        continue;
      growth = b->value / a->value;
      g_print ("| %s | %.2f | %.2f | x%.2f | %s |\n", fig_names[f], a->value, b->value, growth,
               f == FIG_RSS ? (growth <= 1.15 ? "constant (linear in all)" : "growing (worse than linear)")
               : growth <= data * 1.15 ? "linear or better" : "WORSE THAN LINEAR");
    }
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_STRING, &opt_children, "Numbers of children (default 1000,10000)", "N,N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each figure, after a warm-up (default 5)", "R" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "The data's seed (default 2017)", "S" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "Also time the application's start (needs a display)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the databases and JSON files", NULL },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &opt_cli, "Also time placeringar-cli import and obligations (needs a keyring)", "PATH" },
    { "cli-runs", 0, 0, G_OPTION_ARG_INT, &opt_cli_runs, "Runs of each placeringar-cli figure (default 3)", "R" },
    { "rss-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_rss_child, NULL, NULL },
    { "insert-floor", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_insert_floor, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) counts = NULL;
  g_autofree char *root = NULL;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autoptr(GArray) empty_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_loaded = g_array_new (FALSE, FALSE, sizeof (double));

  g_option_context_set_summary (context, "Time the caseload at scale, each figure against its floor.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);

  if (opt_rss_child != NULL)
    return rss_child (opt_rss_child);

  if (opt_insert_floor != NULL)
    {
      if (argc != 2)
        die ("--insert-floor FILE DATABASE", NULL);
      return insert_floor (opt_insert_floor, argv[1]);
    }

  if (opt_runs < 1 || opt_cli_runs < 1)
    die ("--runs, --cli-runs: must be at least 1", NULL);

  counts = g_strsplit (opt_children != NULL ? opt_children : "1000,10000", ",", -1);
  root = g_dir_make_tmp ("plc-bench-XXXXXX", &error);
  if (root == NULL)
    die ("making a temporary directory", error);

  {
    g_autofree char *loadavg = dup_loadavg ();

    g_print ("plc-bench: %d runs of each figure (median), seed %" G_GINT64_FORMAT ", data in %s; "
             "%d processors, load average %s\n",
             opt_runs, opt_seed, root, (int) sysconf (_SC_NPROCESSORS_ONLN), loadavg);
    g_print ("Times of the core are CPU time of the benchmark's thread; placeringar-cli's the CPU time of "
             "its process; the application's start is wall time.\n");
  }

  if (opt_cli != NULL && !have_keyring (root))
    g_clear_pointer (&opt_cli, g_free);

  /* The empty database: the application's floor */
  if (opt_app != NULL)
    {
      Result empty;

      run_size (root, 0, empty_first, empty_loaded, &empty);
    }

  for (guint i = 0; counts[i] != NULL; i++)
    {
      guint64 n;
      Result result = { 0 };

      if (!g_ascii_string_to_unsigned (counts[i], 10, 1, 100000, &n, &error))
        die ("--children", error);

      run_size (root, (guint) n, empty_first, empty_loaded, &result);
      g_array_append_val (results, result);
    }

  print_table (&g_array_index (results, Result, 0), results->len);

  {
    g_autofree char *loadavg = dup_loadavg ();

    g_print ("\nLoad average at the end: %s\n", loadavg);
  }

  if (!opt_keep)
    remove_tree (root);

  return 0;
}
