/* plc-sqlite-store-schema.c: the SQLCipher store's schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlcipher/sqlite3.h>

#include "plc-error.h"
#include "plc-sqlite-store-private.h"

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

  /* 2: the records (issue 3) and the append-only audit log.  Ids that mean
   * "none" are stored as NULL so that foreign keys hold. */
  "CREATE TABLE children ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  name                      TEXT,"
  "  personnummer              TEXT,"
  "  temporary_ref             TEXT,"
  "  birth_date                INTEGER NOT NULL DEFAULT 0,"
  "  legal_gender              INTEGER NOT NULL DEFAULT 0,"
  "  home_municipality         TEXT,"
  "  registration_municipality TEXT,"
  "  asylum_seeker             INTEGER NOT NULL DEFAULT 0,"
  "  unaccompanied             INTEGER NOT NULL DEFAULT 0,"
  "  lss                       INTEGER NOT NULL DEFAULT 0,"
  "  interpreter_language      TEXT"
  ");"
  "CREATE TABLE placements ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  child_id                  INTEGER NOT NULL REFERENCES children (id),"
  "  placing_municipality      TEXT,"
  "  caseworker                TEXT,"
  "  legal_basis               INTEGER NOT NULL DEFAULT 0,"
  "  form                      INTEGER NOT NULL DEFAULT 0,"
  "  start_date                INTEGER NOT NULL DEFAULT 0,"
  "  acute                     INTEGER NOT NULL DEFAULT 0,"
  "  planned_end_date          INTEGER NOT NULL DEFAULT 0,"
  "  end_date                  INTEGER NOT NULL DEFAULT 0,"
  "  end_reason                TEXT,"
  "  placed_in_municipality    TEXT,"
  "  placed_in_region          TEXT,"
  "  other_region              INTEGER NOT NULL DEFAULT 0,"
  "  lvu_decision_date         INTEGER NOT NULL DEFAULT 0,"
  "  custody_carried_out_date  INTEGER NOT NULL DEFAULT 0,"
  "  previous_id               INTEGER REFERENCES placements (id)"
  ");"
  "CREATE INDEX placements_child ON placements (child_id);"
  "CREATE TABLE step_statuses ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  placement_id              INTEGER NOT NULL REFERENCES placements (id),"
  "  rule                      TEXT NOT NULL,"
  "  occurrence                INTEGER NOT NULL DEFAULT 1,"
  "  state                     INTEGER NOT NULL DEFAULT 0,"
  "  date                      INTEGER NOT NULL DEFAULT 0,"
  "  note                      TEXT,"
  "  reason                    TEXT,"
  "  recorded_by               TEXT,"
  "  recorded_at               TEXT,"
  "  reopened                  INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (placement_id, rule, occurrence)"
  ");"
  "CREATE TABLE contacts ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  name                      TEXT,"
  "  organisation              TEXT,"
  "  phone                     TEXT,"
  "  email                     TEXT,"
  "  address                   TEXT"
  ");"
  "CREATE TABLE contact_links ("
  "  id                        INTEGER PRIMARY KEY,"
  "  contact_id                INTEGER NOT NULL REFERENCES contacts (id),"
  "  position                  INTEGER NOT NULL,"
  "  child_id                  INTEGER REFERENCES children (id),"
  "  placement_id              INTEGER REFERENCES placements (id),"
  "  role                      INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX contact_links_contact ON contact_links (contact_id);"
  "CREATE TABLE contact_log ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  child_id                  INTEGER NOT NULL REFERENCES children (id),"
  "  date                      INTEGER NOT NULL DEFAULT 0,"
  "  kind                      INTEGER NOT NULL DEFAULT 0,"
  "  contact_id                INTEGER REFERENCES contacts (id),"
  "  with_whom                 TEXT,"
  "  note                      TEXT,"
  "  recorded_by               TEXT,"
  "  recorded_at               TEXT"
  ");"
  "CREATE INDEX contact_log_child ON contact_log (child_id);"
  "CREATE TABLE deviations ("
  "  id                        INTEGER PRIMARY KEY,"
  "  version                   INTEGER NOT NULL DEFAULT 1,"
  "  ref                       TEXT NOT NULL UNIQUE,"
  "  deleted                   INTEGER NOT NULL DEFAULT 0,"
  "  title                     TEXT,"
  "  description               TEXT,"
  "  occurred_on               INTEGER NOT NULL DEFAULT 0,"
  "  direction                 INTEGER NOT NULL DEFAULT 0,"
  "  unit                      TEXT,"
  "  category                  INTEGER NOT NULL DEFAULT 0,"
  "  placement_id              INTEGER REFERENCES placements (id),"
  "  rule                      TEXT,"
  "  profile                   TEXT,"
  "  status                    INTEGER NOT NULL DEFAULT 0,"
  "  conclusion                TEXT,"
  "  escalation_step           INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE deviation_events ("
  "  id                        INTEGER PRIMARY KEY,"
  "  deviation_id              INTEGER NOT NULL REFERENCES deviations (id),"
  "  position                  INTEGER NOT NULL,"
  "  at                        TEXT,"
  "  user                      TEXT,"
  "  status                    INTEGER NOT NULL DEFAULT 0,"
  "  escalation_step           INTEGER NOT NULL DEFAULT 0,"
  "  note                      TEXT,"
  "  UNIQUE (deviation_id, position)"
  ");"
  "CREATE TABLE audit_log ("
  "  id                        INTEGER PRIMARY KEY,"
  "  at                        TEXT NOT NULL,"
  "  user                      TEXT NOT NULL,"
  "  action                    TEXT NOT NULL,"
  "  record_type               TEXT NOT NULL,"
  "  record_id                 INTEGER NOT NULL DEFAULT 0,"
  "  record_ref                TEXT"
  ");"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit log is append-only'); END;"
  "CREATE TRIGGER placements_no_delete BEFORE DELETE ON placements"
  "  BEGIN SELECT RAISE (ABORT, 'placements are never erased'); END;",

  /* 3: the day the investigation was closed and the day a restriction (LVU
   * 14 §) or a moving ban (LVU 24 §) was decided, and the local routine
   * offsets of the agreement profiles: unit settings, no personal data.
   * An id is [a-z0-9-]+ and a unit a PlcOffsetUnit nick. */
  "ALTER TABLE placements ADD COLUMN investigation_closed_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN restriction_decided_date INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE routine_offsets ("
  "  profile_id                TEXT NOT NULL"
  "                            CHECK (profile_id <> '' AND profile_id NOT GLOB '*[^a-z0-9-]*'),"
  "  rule_id                   TEXT NOT NULL"
  "                            CHECK (rule_id <> '' AND rule_id NOT GLOB '*[^a-z0-9-]*'),"
  "  amount                    INTEGER NOT NULL,"
  "  unit                      TEXT NOT NULL"
  "                            CHECK (unit IN ('days', 'weeks', 'months', 'years')),"
  "  PRIMARY KEY (profile_id, rule_id)"
  ");",

  /* 4: a step's meeting record (issue 6: the SIP meeting record): the units
   * or roles invited and those that took part, one per line in the order
   * given (a unit is one line: the model refuses line breaks), NULL when
   * none; and whether the planning was completed. */
  "ALTER TABLE step_statuses ADD COLUMN invited_units TEXT;"
  "ALTER TABLE step_statuses ADD COLUMN attended_units TEXT;"
  "ALTER TABLE step_statuses ADD COLUMN planning_completed INTEGER NOT NULL DEFAULT 0;",

  /* 5: the change log (issue 14), written in the same transaction as each
   * change, so that every connection to the file learns what the others
   * committed (PlcStore::changed): a record type and a change kind (the
   * nicks of PlcRecordType and PlcChangeKind), the record's id (0 for a
   * routine offset and for a reset), and which connection (writer, a
   * random number per connection) made it in which of its transactions
   * (txn, counted per connection).  Ids and kinds only, no personal data;
   * only the latest rows are kept. */
  "CREATE TABLE change_log ("
  "  seq                       INTEGER PRIMARY KEY,"
  "  writer                    INTEGER NOT NULL,"
  "  txn                       INTEGER NOT NULL,"
  "  record_type               TEXT NOT NULL,"
  "  record_id                 INTEGER NOT NULL DEFAULT 0,"
  "  kind                      TEXT NOT NULL"
  ");",

  /* 6: issue 13: the home a placement is in (a reference, the same for
   * placements in the same home), the day the notice from inpatient care
   * came in (Stockholm 7.6), the day a temporary moving ban was decided
   * (LVU 27 §), whether Swedish courts cannot decide on care (LVU 6 §
   * 2 st., for LVU 9 a §); and a child in Sweden without a permit. */
  "ALTER TABLE placements ADD COLUMN home_ref TEXT;"
  "ALTER TABLE placements ADD COLUMN discharge_notice_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN temporary_moving_ban_date INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE placements ADD COLUMN lvu_international INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE children ADD COLUMN undocumented INTEGER NOT NULL DEFAULT 0;",
};

/**
 * plc_store_get_latest_schema_version:
 *
 * Returns: the latest schema version of the SQLCipher store's file, which
 *   plc_store_open() brings every file up to
 */
int
plc_store_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}
gboolean
_plc_sqlite_migrate (PlcSqliteStore *self,
                     int             target,
                     GError        **error)
{
  int version = _plc_sqlite_query_int (self->db, "PRAGMA user_version", -1);

  if (version < 0)
    return _plc_sqlite_set_error (self->db, SQLITE_ERROR, _("reading the schema version"), error);

  if (version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_STORE,
                   _("The database was written by a newer version of Placements (schema %d; this version knows up to %d). Update the application."),
                   version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      g_debug ("Migrating database schema from version %d to %d", version, version + 1);

      /* Each step, and the version it leads to, commits or fails as one. */
      if (!_plc_sqlite_exec (self->db, "BEGIN IMMEDIATE", _("starting a schema upgrade"), error))
        return FALSE;

      if (!_plc_sqlite_exec (self->db, migrations[version], _("upgrading the schema"), error) ||
          !_plc_sqlite_exec (self->db, set_version, _("upgrading the schema"), error) ||
          !_plc_sqlite_exec (self->db, "COMMIT", _("upgrading the schema"), error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  self->schema_version = version;

  return TRUE;
}
