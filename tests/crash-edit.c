/* crash-edit.c: what the crash tests (test-crash-edit.sh) need done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-edit edit DATABASE ROUND COUNT
 *   crash-edit old-schema DATABASE VERSION COUNT
 *   crash-edit schema DATABASE
 *   crash-edit upgrade-and-kill PLACERINGAR_CLI DATABASE DELAY_US
 *
 * All take the database's key from the keyring.
 *
 * edit: opens DATABASE with its key from the keyring and, for i = 1 … COUNT,
 * saves through the store API what a caseworker does for a new child, one
 * save after the other: the child ("ROUND-cI", name "Testbarn ROUND-I v1"),
 * a placement ("ROUND-cI-p"), a step marked done, and then the child again
 * with two fields changed together (name "… v2" and an interpreter
 * language).  After each save it prints a line "OP REF" and flushes, so
 * that test-crash-edit.sh, which kills it with SIGKILL, knows which saves
 * were reported done.  Exits 0 after COUNT children, 1 on an error.
 *
 * old-schema: makes DATABASE (which must not exist) at schema VERSION (2 or
 * later) with COUNT children and a placement each, written with SQL as
 * that schema has them.
 *
 * schema: reads DATABASE's schema version without upgrading it and checks
 * that its tables, indexes and triggers are exactly those of a database
 * made at that version: an upgrade is never found half done.  Prints
 * "schema V children C placements P"; exits 1 if the schema is a mix.
 *
 * upgrade-and-kill: runs "PLACERINGAR_CLI --database DATABASE children",
 * which upgrades the database, and kills it with SIGKILL DELAY_US
 * microseconds after the upgrade began writing (its write-ahead log grew).
 * Exits 0 when it was killed, 3 when it ended first.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlcipher/sqlite3.h>

#include "plc-child.h"
#include "plc-keyring.h"
#include "plc-placement.h"
#include "plc-step-status.h"
#include "plc-store.h"
#include "plc-store-private.h"

static void
done (const char *op,
      const char *ref)
{
  printf ("%s %s\n", op, ref);
  fflush (stdout);
}

static int
edit (const char *path,
      const char *round,
      long        count)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = plc_store_open_with_keyring (path, NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-edit: %s\n", error->message);
      return 1;
    }

  for (long i = 1; i <= count; i++)
    {
      g_autoptr(PlcChild) child = plc_child_new ();
      g_autoptr(PlcPlacement) placement = plc_placement_new ();
      g_autoptr(PlcStepStatus) step = plc_step_status_new ();
      g_autofree char *ref = g_strdup_printf ("%s-c%ld", round, i);
      g_autofree char *placement_ref = g_strdup_printf ("%s-p", ref);
      g_autofree char *name = g_strdup_printf ("Testbarn %s-%ld v1", round, i);
      g_autofree char *name2 = g_strdup_printf ("Testbarn %s-%ld v2", round, i);

      plc_child_set_ref (child, ref);
      plc_child_set_name (child, name);
      plc_child_set_temporary_ref (child, ref);
      plc_child_set_birth_date (child, plc_date_new (2008 + (int)(i % 12), 1 + (int)(i % 12), 1 + (int)(i % 28)));
      plc_child_set_legal_gender (child, i % 2 ? PLC_LEGAL_GENDER_FEMALE : PLC_LEGAL_GENDER_MALE);
      plc_child_set_home_municipality (child, "2080");
      if (!plc_store_save_child (store, child, &error))
        goto failed;
      done ("child", ref);

      plc_placement_set_ref (placement, placement_ref);
      plc_placement_set_child_id (placement, plc_child_get_id (child));
      plc_placement_set_placing_municipality (placement, "2080");
      plc_placement_set_caseworker (placement, "Handläggare Test");
      plc_placement_set_legal_basis (placement, PLC_LEGAL_BASIS_SOL);
      plc_placement_set_form (placement, PLC_PLACEMENT_FORM_FAMILJEHEM);
      plc_placement_set_start_date (placement, plc_date_new (2025, 3, 20));
      if (!plc_store_save_placement (store, placement, &error))
        goto failed;
      done ("placement", placement_ref);

      plc_step_status_set_placement_id (step, plc_placement_get_id (placement));
      plc_step_status_set_rule (step, "health-exam-notification");
      plc_step_status_set_state (step, PLC_STEP_STATE_DONE);
      plc_step_status_set_date (step, plc_date_new (2025, 3, 21));
      if (!plc_store_save_step_status (store, step, &error))
        goto failed;
      done ("step", placement_ref);

      plc_child_set_name (child, name2);
      plc_child_set_interpreter_language (child, "arabiska");
      if (!plc_store_save_child (store, child, &error))
        goto failed;
      done ("update", ref);
    }

  return 0;

failed:
  fprintf (stderr, "crash-edit: %s\n", error->message);
  return 1;
}

/* The database opened with SQLCipher directly, not through the store,
 * which would upgrade it. */
static sqlite3 *
open_raw (const char  *path,
          GBytes      *key)
{
  g_autofree char *hex = plc_keyring_key_to_hex (key);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA key = \"x'%s'\"", hex);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "crash-edit: cannot open %s: %s\n", path, sqlite3_errmsg (db));
      exit (1);
    }

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Every table, index and trigger, with its SQL. */
static char *
dump_schema (sqlite3 *db)
{
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "crash-edit: cannot read the schema: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s%s", text != NULL ? text : "(null)", i < 3 ? " | " : "\n");
        }
    }
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

static GBytes *
key_of (const char *path,
        gboolean    create)
{
  g_autoptr(GError) error = NULL;
  GBytes *key = plc_keyring_ensure_key (path, create, NULL, &error);

  if (key == NULL)
    {
      fprintf (stderr, "crash-edit: %s\n", error->message);
      exit (1);
    }

  return key;
}

static int
old_schema (const char *path,
            int         version,
            long        count)
{
  g_autoptr(GBytes) key = NULL;
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *child = NULL;
  sqlite3_stmt *placement = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) || version < 2)
    {
      fprintf (stderr, "crash-edit: %s exists, or version %d has no records\n", path, version);
      return 2;
    }

  key = key_of (path, TRUE);
  store = _plc_store_open_at_version (path, key, version, &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-edit: %s\n", error->message);
      return 1;
    }
  plc_store_close (store);

  /* Only columns of schema 2, which every later schema has too */
  db = open_raw (path, key);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO children (id, ref, name, temporary_ref, birth_date, legal_gender,"
                              " home_municipality) VALUES (?, ?, ?, ?, ?, ?, '2080')", -1, &child, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO placements (id, ref, child_id, placing_municipality, caseworker,"
                              " legal_basis, form, start_date) VALUES (?, ?, ?, '2080', 'Handläggare Test', ?, ?, ?)",
                          -1, &placement, NULL) != SQLITE_OK)
    goto failed;

  for (long i = 1; i <= count; i++)
    {
      g_autofree char *ref = g_strdup_printf ("old-c%ld", i);
      g_autofree char *placement_ref = g_strdup_printf ("old-c%ld-p", i);
      g_autofree char *name = g_strdup_printf ("Testbarn old-%ld", i);

      sqlite3_bind_int64 (child, 1, i);
      sqlite3_bind_text (child, 2, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (child, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (child, 4, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (child, 5, plc_date_new (2008 + (int)(i % 12), 1 + (int)(i % 12), 1 + (int)(i % 28)));
      sqlite3_bind_int (child, 6, i % 2 ? PLC_LEGAL_GENDER_FEMALE : PLC_LEGAL_GENDER_MALE);
      sqlite3_bind_int64 (placement, 1, i);
      sqlite3_bind_text (placement, 2, placement_ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (placement, 3, i);
      sqlite3_bind_int (placement, 4, PLC_LEGAL_BASIS_SOL);
      sqlite3_bind_int (placement, 5, PLC_PLACEMENT_FORM_FAMILJEHEM);
      sqlite3_bind_int64 (placement, 6, plc_date_new (2025, 3, 20));
      if (sqlite3_step (child) != SQLITE_DONE || sqlite3_step (placement) != SQLITE_DONE)
        goto failed;
      sqlite3_reset (child);
      sqlite3_reset (placement);
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  sqlite3_finalize (child);
  sqlite3_finalize (placement);
  sqlite3_close (db);
  return 0;

failed:
  fprintf (stderr, "crash-edit: writing schema %d: %s\n", version, sqlite3_errmsg (db));
  return 1;
}

static int
schema (const char *path)
{
  g_autoptr(GBytes) key = key_of (path, FALSE);
  g_autoptr(GBytes) reference_key = NULL;
  g_autoptr(PlcStore) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *reference_path = NULL;
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;
  guint8 raw[32] = { 1, 2, 3 };
  sqlite3 *db;
  gint64 version, children, placements;

  db = open_raw (path, key);
  version = query_int (db, "PRAGMA user_version");
  children = query_int (db, "SELECT count(*) FROM children");
  placements = query_int (db, "SELECT count(*) FROM placements");
  found = dump_schema (db);
  sqlite3_close (db);

  /* The same version made from nothing, in a place of its own */
  dir = g_dir_make_tmp ("crash-edit-XXXXXX", &error);
  g_assert_no_error (error);
  reference_path = g_build_filename (dir, "reference.db", NULL);
  reference_key = g_bytes_new (raw, sizeof raw);
  reference = _plc_store_open_at_version (reference_path, reference_key, (int)version, &error);
  if (reference == NULL)
    {
      fprintf (stderr, "crash-edit: schema version %" G_GINT64_FORMAT ": %s\n", version, error->message);
      return 1;
    }
  plc_store_close (reference);
  db = open_raw (reference_path, reference_key);
  expected = dump_schema (db);
  sqlite3_close (db);
  g_remove (reference_path);
  g_rmdir (dir);

  printf ("schema %" G_GINT64_FORMAT " children %" G_GINT64_FORMAT " placements %" G_GINT64_FORMAT "\n",
          version, children, placements);

  if (g_strcmp0 (found, expected) != 0)
    {
      fprintf (stderr, "crash-edit: the schema is not that of version %" G_GINT64_FORMAT ":\n%s\nexpected:\n%s",
               version, found, expected);
      return 1;
    }

  return 0;
}

static goffset
file_size (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static int
upgrade_and_kill (const char *cli,
                  const char *path,
                  long        delay_us)
{
  g_autofree char *wal = g_strdup_printf ("%s-wal", path);
  goffset wal_at_start = file_size (wal);
  int status;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      if (freopen ("/dev/null", "w", stdout) == NULL)
        _exit (127);
      execl (cli, cli, "--database", path, "children", (char *)NULL);
      _exit (127);
    }

  /* Until the upgrade writes, for at most 30 s */
  for (guint i = 0; i < 30 * 20000 && file_size (wal) <= wal_at_start; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          printf ("# it ended before it wrote anything\n");
          return 3;
        }
      g_usleep (50);
    }

  g_usleep ((gulong)delay_us);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);

  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    {
      printf ("# killed %ld us after the upgrade began writing\n", delay_us);
      return 0;
    }

  printf ("# it ended (status %d) before the kill, %ld us after it began writing\n", status, delay_us);
  return 3;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "edit") && strtol (argv[4], NULL, 10) > 0)
    return edit (argv[2], argv[3], strtol (argv[4], NULL, 10));
  if (argc == 5 && g_str_equal (argv[1], "old-schema"))
    return old_schema (argv[2], (int)strtol (argv[3], NULL, 10), strtol (argv[4], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "schema"))
    return schema (argv[2]);
  if (argc == 5 && g_str_equal (argv[1], "upgrade-and-kill"))
    return upgrade_and_kill (argv[2], argv[3], strtol (argv[4], NULL, 10));

  fprintf (stderr,
           "usage: %s edit DATABASE ROUND COUNT\n"
           "       %s old-schema DATABASE VERSION COUNT\n"
           "       %s schema DATABASE\n"
           "       %s upgrade-and-kill PLACERINGAR_CLI DATABASE DELAY_US\n",
           argv[0], argv[0], argv[0], argv[0]);
  return 2;
}
