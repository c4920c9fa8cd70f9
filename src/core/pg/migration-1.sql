-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Placements on a unit server (PostgreSQL 15): schema version 1.
--
-- `placeringar-cli server init` runs this once, as the role
-- placeringar_owner (NOLOGIN), in the same transaction as the roles it
-- makes first (plc-pg-server.c).  Never edit a migration that has shipped:
-- add migration-2.sql.  Read by people too: IT can read here what the
-- server enforces.
--
-- Who may do what (row-level security on top of table privileges):
--  - placeringar_caseworker: reads and writes the records of the units
--    they belong to (unit_members); reads the audit log's lines of their
--    own doing.
--  - placeringar_supervisor: the same for the units they lead, and reads
--    the audit log of those units.
--  - placeringar_admin: manages units, users (through functions), agreement
--    profiles and local routines; reads the audit log of that
--    administration; has no privilege at all on the children's records.
--  - placeringar_owner (NOLOGIN) owns everything.  No login role is its
--    member except for the length of a `server init`.
--
-- Who a person is: session_user, the role they logged in as.  The group
-- role gives the table privileges; the person's row in `staff` (with the
-- same role) and their rows in `unit_members` choose the rows.

ALTER DEFAULT PRIVILEGES FOR ROLE placeringar_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE SCHEMA placeringar;
REVOKE ALL ON SCHEMA placeringar FROM PUBLIC;
GRANT USAGE ON SCHEMA placeringar TO placeringar_caseworker, placeringar_supervisor, placeringar_admin;

SET LOCAL search_path = placeringar, pg_catalog;

CREATE TABLE schema_info (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO schema_info (key, value) VALUES ('created', to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

---------------------------------------------------------------------------
-- Units and the people in them
---------------------------------------------------------------------------

CREATE TABLE units (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version   bigint NOT NULL DEFAULT 1,
  code      text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  name      text NOT NULL CHECK (name <> '' AND length (name) <= 200 AND name !~ '[\x01-\x1f]')
);

-- One row per person who logs in: login is their PostgreSQL role.
CREATE TABLE staff (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login     text NOT NULL UNIQUE,
  role      text NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin')),
  added_at  timestamptz NOT NULL DEFAULT now (),
  added_by  text NOT NULL DEFAULT session_user
);

-- The units a caseworker works in, or a supervisor leads.
CREATE TABLE unit_members (
  login     text NOT NULL REFERENCES staff (login) ON DELETE CASCADE,
  unit_code text NOT NULL REFERENCES units (code),
  PRIMARY KEY (login, unit_code)
);
CREATE INDEX unit_members_unit ON unit_members (unit_code);

---------------------------------------------------------------------------
-- The records: those of plc-store.c, with the unit each belongs to.
-- Dates are dates (NULL: not set), enumerations their interchange ids.
-- unit_code is the child's unit on everything that hangs off a child; the
-- triggers below set it, whatever the client sends.
---------------------------------------------------------------------------

CREATE TABLE children (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  deleted                   boolean NOT NULL DEFAULT false,
  unit_code                 text NOT NULL REFERENCES units (code),
  name                      text,
  personnummer              text,
  temporary_ref             text,
  birth_date                date,
  legal_gender              text NOT NULL DEFAULT 'unknown'
                            CHECK (legal_gender IN ('unknown', 'female', 'male')),
  home_municipality         text,
  registration_municipality text,
  asylum_seeker             boolean NOT NULL DEFAULT false,
  unaccompanied             boolean NOT NULL DEFAULT false,
  lss                       boolean NOT NULL DEFAULT false,
  interpreter_language      text
);
CREATE INDEX children_unit ON children (unit_code);

CREATE TABLE placements (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  deleted                   boolean NOT NULL DEFAULT false,
  unit_code                 text NOT NULL REFERENCES units (code),
  child_id                  bigint NOT NULL REFERENCES children (id),
  placing_municipality      text,
  caseworker                text,
  legal_basis               text NOT NULL DEFAULT 'SoL'
                            CHECK (legal_basis IN ('SoL', 'LVU2', 'LVU3', 'LVU6')),
  form                      text NOT NULL DEFAULT 'familjehem'
                            CHECK (form IN ('familjehem', 'natverkshem', 'jourhem', 'hvb', 'stodboende', 'sis')),
  start_date                date,
  acute                     boolean NOT NULL DEFAULT false,
  planned_end_date          date,
  end_date                  date,
  end_reason                text,
  placed_in_municipality    text,
  placed_in_region          text,
  other_region              boolean NOT NULL DEFAULT false,
  lvu_decision_date         date,
  custody_carried_out_date  date,
  investigation_closed_date date,
  restriction_decided_date  date,
  previous_id               bigint REFERENCES placements (id)
);
CREATE INDEX placements_child ON placements (child_id);
CREATE INDEX placements_unit ON placements (unit_code);

CREATE TABLE step_statuses (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  unit_code                 text NOT NULL REFERENCES units (code),
  placement_id              bigint NOT NULL REFERENCES placements (id),
  rule                      text NOT NULL,
  occurrence                integer NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
  state                     text NOT NULL DEFAULT 'open'
                            CHECK (state IN ('open', 'done', 'not-needed')),
  date                      date,
  note                      text,
  reason                    text,
  recorded_by               text,
  recorded_at               timestamptz,
  reopened                  boolean NOT NULL DEFAULT false,
  -- the meeting record (a SIP meeting's): units or roles, in the order given
  invited_units             text[] NOT NULL DEFAULT '{}',
  attended_units            text[] NOT NULL DEFAULT '{}',
  planning_completed        boolean NOT NULL DEFAULT false,
  UNIQUE (placement_id, rule, occurrence)
);
CREATE INDEX step_statuses_unit ON step_statuses (unit_code);

-- Contacts belong to a unit, and everyone in the unit shares them; a
-- contact that two units work with is kept once in each.  A contact is
-- linked only to children of its own unit.
CREATE TABLE contacts (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  deleted                   boolean NOT NULL DEFAULT false,
  unit_code                 text NOT NULL REFERENCES units (code),
  name                      text,
  organisation              text,
  phone                     text,
  email                     text,
  address                   text
);
CREATE INDEX contacts_unit ON contacts (unit_code);

-- Part of a contact: saved with it (deleted and inserted again).
CREATE TABLE contact_links (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code                 text NOT NULL REFERENCES units (code),
  contact_id                bigint NOT NULL REFERENCES contacts (id),
  position                  integer NOT NULL,
  child_id                  bigint REFERENCES children (id),
  placement_id              bigint REFERENCES placements (id),
  role                      text NOT NULL DEFAULT 'other'
                            CHECK (role IN ('guardian', 'foster-home', 'emergency-home', 'hvb', 'school',
                                            'bvc', 'primary-care', 'bup', 'bum', 'habilitation', 'dental',
                                            'youth-clinic', 'care-contact', 'resource-coordinator',
                                            'god-man', 'public-counsel', 'deviation-officer', 'other')),
  UNIQUE (contact_id, position)
);
CREATE INDEX contact_links_unit ON contact_links (unit_code);
CREATE INDEX contact_links_child ON contact_links (child_id);

CREATE TABLE contact_log (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  deleted                   boolean NOT NULL DEFAULT false,
  unit_code                 text NOT NULL REFERENCES units (code),
  child_id                  bigint NOT NULL REFERENCES children (id),
  date                      date,
  kind                      text NOT NULL DEFAULT 'other'
                            CHECK (kind IN ('call', 'meeting', 'letter', 'email', 'other')),
  contact_id                bigint REFERENCES contacts (id),
  with_whom                 text,
  note                      text,
  recorded_by               text,
  recorded_at               timestamptz
);
CREATE INDEX contact_log_child ON contact_log (child_id);
CREATE INDEX contact_log_unit ON contact_log (unit_code);

-- A deviation about a placement belongs to the placement's unit; one
-- about none to the unit the client gives.  "unit" is the unit concerned
-- (free text, as in the interchange format), not an access unit.
CREATE TABLE deviations (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  ref                       text NOT NULL UNIQUE,
  deleted                   boolean NOT NULL DEFAULT false,
  unit_code                 text NOT NULL REFERENCES units (code),
  title                     text,
  description               text,
  occurred_on               date,
  direction                 text NOT NULL DEFAULT 'municipality-to-region'
                            CHECK (direction IN ('municipality-to-region', 'region-to-municipality')),
  unit                      text,
  category                  text NOT NULL DEFAULT 'other'
                            CHECK (category IN ('health-examination', 'sip', 'referral', 'information',
                                                'cost-responsibility', 'care-planning', 'discharge',
                                                'access-to-care', 'other')),
  placement_id              bigint REFERENCES placements (id),
  rule                      text,
  profile                   text,
  status                    text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'reported', 'under-investigation', 'resolved', 'escalated')),
  conclusion                text,
  escalation_step           integer NOT NULL DEFAULT 0 CHECK (escalation_step >= 0)
);
CREATE INDEX deviations_unit ON deviations (unit_code);

-- Part of a deviation: its history, only ever appended.
CREATE TABLE deviation_events (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code                 text NOT NULL REFERENCES units (code),
  deviation_id              bigint NOT NULL REFERENCES deviations (id),
  position                  integer NOT NULL,
  at                        timestamptz,
  user_name                 text,
  status                    text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'reported', 'under-investigation', 'resolved', 'escalated')),
  escalation_step           integer NOT NULL DEFAULT 0 CHECK (escalation_step >= 0),
  note                      text,
  UNIQUE (deviation_id, position)
);
CREATE INDEX deviation_events_unit ON deviation_events (unit_code);

-- Settings of the whole server, no personal data: the agreement profiles
-- imported by an admin, and the local routine offsets.
CREATE TABLE profiles (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  profile_id                text NOT NULL UNIQUE CHECK (profile_id ~ '^[a-z0-9-]+$'),
  body                      text NOT NULL
);

CREATE TABLE routine_offsets (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 1,
  profile_id                text NOT NULL CHECK (profile_id ~ '^[a-z0-9-]+$'),
  rule_id                   text NOT NULL CHECK (rule_id ~ '^[a-z0-9-]+$'),
  amount                    integer NOT NULL,
  unit                      text NOT NULL CHECK (unit IN ('days', 'weeks', 'months', 'years')),
  UNIQUE (profile_id, rule_id)
);

---------------------------------------------------------------------------
-- The audit log: append-only.  No role that logs in has any privilege on
-- it but SELECT (filtered below); lines are written only by the functions
-- and triggers here, which run as placeringar_owner; and even that role
-- cannot change or empty it without dropping the triggers first.
-- login is session_user: the role the person logged in as.
---------------------------------------------------------------------------

CREATE TABLE audit_log (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                        timestamptz NOT NULL DEFAULT clock_timestamp (),
  login                     text NOT NULL DEFAULT session_user,
  action                    text NOT NULL,
  record_type               text NOT NULL,
  record_id                 bigint NOT NULL DEFAULT 0,
  record_ref                text,
  unit_code                 text,
  xact                      bigint NOT NULL DEFAULT txid_current ()
);
CREATE INDEX audit_log_xact ON audit_log (xact, record_type, record_id);
CREATE INDEX audit_log_unit_at ON audit_log (unit_code, at);
CREATE INDEX audit_log_login_at ON audit_log (login, at);

CREATE FUNCTION audit_log_refuse () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'PLC03';
END
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse ();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse ();

CREATE FUNCTION audit_write (p_action text, p_record_type text, p_record_id bigint,
                             p_record_ref text, p_unit_code text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  INSERT INTO placeringar.audit_log (action, record_type, record_id, record_ref, unit_code)
    VALUES (p_action, p_record_type, coalesce (p_record_id, 0), p_record_ref, p_unit_code);
$$;

---------------------------------------------------------------------------
-- Who am I
---------------------------------------------------------------------------

-- The units whose records the session's user may read and write.
CREATE FUNCTION my_units () RETURNS text[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce (array_agg (m.unit_code ORDER BY m.unit_code), '{}')
    FROM placeringar.unit_members m
    JOIN placeringar.staff s ON s.login = m.login
   WHERE s.login = session_user
     AND ((s.role = 'caseworker' AND pg_has_role (session_user, 'placeringar_caseworker', 'USAGE'))
       OR (s.role = 'supervisor' AND pg_has_role (session_user, 'placeringar_supervisor', 'USAGE')));
$$;

-- The units the session's user leads (as a supervisor).
CREATE FUNCTION my_supervised_units () RETURNS text[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce (array_agg (m.unit_code ORDER BY m.unit_code), '{}')
    FROM placeringar.unit_members m
    JOIN placeringar.staff s ON s.login = m.login
   WHERE s.login = session_user
     AND s.role = 'supervisor'
     AND pg_has_role (session_user, 'placeringar_supervisor', 'USAGE');
$$;

CREATE FUNCTION i_am_admin () RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM placeringar.staff s
                  WHERE s.login = session_user AND s.role = 'admin')
     AND pg_has_role (session_user, 'placeringar_admin', 'USAGE');
$$;

---------------------------------------------------------------------------
-- Change notifications: NOTIFY placeringar_changes, delivered at commit,
-- one per changed record: {"type":"child","id":12,"kind":"updated"}, kind
-- created, updated, deleted or undeleted.  No personal data, and nothing a
-- listener could not see anyway but ids: LISTEN cannot be restricted, so a
-- listener fetches the record (row-level security decides).  After 1000
-- in one transaction the rest are one {"type":"database","id":0,"kind":"reset"}.
---------------------------------------------------------------------------

CREATE FUNCTION notify_change (p_record_type text, p_id bigint, p_kind text) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  xact text := txid_current ()::text;
  state text := current_setting ('placeringar.notify_state', true);
  n integer := 0;
BEGIN
  IF state IS NOT NULL AND split_part (state, ':', 1) = xact THEN
    n := split_part (state, ':', 2)::integer;
  END IF;
  n := n + 1;
  PERFORM set_config ('placeringar.notify_state', xact || ':' || n, true);
  IF n <= 1000 THEN
    PERFORM pg_notify ('placeringar_changes',
                       format ('{"type":"%s","id":%s,"kind":"%s"}', p_record_type, p_id, p_kind));
  ELSIF n = 1001 THEN
    PERFORM pg_notify ('placeringar_changes', '{"type":"database","id":0,"kind":"reset"}');
  END IF;
END
$$;

---------------------------------------------------------------------------
-- Triggers of the records
---------------------------------------------------------------------------

-- Optimistic concurrency: an UPDATE must carry the version it was read at
-- (or leave version alone); any other is refused with SQLSTATE PLC01, and
-- the stored version goes up by one.  The client reads the new one back
-- with RETURNING version.
CREATE FUNCTION check_version () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version THEN
    RAISE EXCEPTION 'stale % %: saved from version %, the stored version is %',
                    TG_ARGV[0], OLD.id, NEW.version, OLD.version
          USING ERRCODE = 'PLC01';
  END IF;
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

-- The unit of a record that hangs off another: its parent's, always.
-- TG_ARGV[0] names the parent column.  Runs as the owner, so it sees the
-- parent whatever the user may see; the policies then refuse a row whose
-- unit is not the user's.
CREATE FUNCTION set_unit () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  parent_unit text;
  other_unit text;
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'placements' THEN
      SELECT unit_code INTO parent_unit FROM placeringar.children WHERE id = NEW.child_id;
      IF NEW.previous_id IS NOT NULL THEN
        SELECT unit_code INTO other_unit FROM placeringar.placements WHERE id = NEW.previous_id;
        IF other_unit IS DISTINCT FROM parent_unit THEN
          RAISE EXCEPTION 'the previous placement belongs to another unit' USING ERRCODE = 'PLC02';
        END IF;
      END IF;
    WHEN 'step_statuses' THEN
      SELECT unit_code INTO parent_unit FROM placeringar.placements WHERE id = NEW.placement_id;
    WHEN 'contact_log' THEN
      SELECT unit_code INTO parent_unit FROM placeringar.children WHERE id = NEW.child_id;
      IF NEW.contact_id IS NOT NULL THEN
        SELECT unit_code INTO other_unit FROM placeringar.contacts WHERE id = NEW.contact_id;
        IF other_unit IS DISTINCT FROM parent_unit THEN
          RAISE EXCEPTION 'the contact belongs to another unit' USING ERRCODE = 'PLC02';
        END IF;
      END IF;
    WHEN 'contact_links' THEN
      SELECT unit_code INTO parent_unit FROM placeringar.contacts WHERE id = NEW.contact_id;
      IF NEW.child_id IS NOT NULL THEN
        SELECT unit_code INTO other_unit FROM placeringar.children WHERE id = NEW.child_id;
        IF other_unit IS DISTINCT FROM parent_unit THEN
          RAISE EXCEPTION 'the child belongs to another unit than the contact' USING ERRCODE = 'PLC02';
        END IF;
      END IF;
      IF NEW.placement_id IS NOT NULL THEN
        SELECT unit_code INTO other_unit FROM placeringar.placements WHERE id = NEW.placement_id;
        IF other_unit IS DISTINCT FROM parent_unit THEN
          RAISE EXCEPTION 'the placement belongs to another unit than the contact' USING ERRCODE = 'PLC02';
        END IF;
      END IF;
    WHEN 'deviations' THEN
      IF NEW.placement_id IS NULL THEN
        RETURN NEW;
      END IF;
      SELECT unit_code INTO parent_unit FROM placeringar.placements WHERE id = NEW.placement_id;
    WHEN 'deviation_events' THEN
      SELECT unit_code INTO parent_unit FROM placeringar.deviations WHERE id = NEW.deviation_id;
    ELSE
      RAISE EXCEPTION 'set_unit () on %', TG_TABLE_NAME;
  END CASE;
  -- A parent that does not exist: leave it to the foreign key to say so.
  IF parent_unit IS NOT NULL THEN
    NEW.unit_code := parent_unit;
  END IF;
  RETURN NEW;
END
$$;

-- A record that moves to another unit (a child, by someone who belongs to
-- both) takes the records that hang off it along: TG_ARGV holds pairs of
-- a table and its column that points to the record.  Their own triggers
-- then move what hangs off them.
CREATE FUNCTION unit_moved () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  FOR i IN 0 .. TG_NARGS - 1 BY 2 LOOP
    EXECUTE format ('UPDATE placeringar.%I SET unit_code = $1 WHERE %I = $2', TG_ARGV[i], TG_ARGV[i + 1])
      USING NEW.unit_code, NEW.id;
  END LOOP;
  RETURN NULL;
END
$$;

-- What may not move to another unit: a child that contacts of its unit
-- are linked to, or whose contact log names them (unlink them first; the
-- new unit keeps contacts of its own), and a contact that a contact log
-- of its unit names.  A contact's links move with it, and may then only
-- name children of its new unit (set_unit ()).
CREATE FUNCTION may_move () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_TABLE_NAME = 'children' THEN
    IF EXISTS (SELECT 1 FROM placeringar.contact_links l
                WHERE l.child_id = NEW.id
                   OR l.placement_id IN (SELECT p.id FROM placeringar.placements p WHERE p.child_id = NEW.id)) THEN
      RAISE EXCEPTION 'the child is linked to contacts of its unit: unlink them before it moves'
            USING ERRCODE = 'PLC02';
    END IF;
    IF EXISTS (SELECT 1 FROM placeringar.contact_log g WHERE g.child_id = NEW.id AND g.contact_id IS NOT NULL) THEN
      RAISE EXCEPTION 'the child''s contact log names contacts of its unit: remove them before it moves'
            USING ERRCODE = 'PLC02';
    END IF;
  ELSIF TG_TABLE_NAME = 'contacts' THEN
    IF EXISTS (SELECT 1 FROM placeringar.contact_log g WHERE g.contact_id = NEW.id) THEN
      RAISE EXCEPTION 'a contact log of its unit names the contact: it cannot move'
            USING ERRCODE = 'PLC02';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

-- Every change of a record: a line in the audit log and a notification.
-- TG_ARGV[0] is the record type; the table has "deleted" when
-- TG_ARGV[1] is 'soft-delete'.
CREATE FUNCTION record_changed () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  action text := 'update';
  kind text := 'updated';
  ref text;
  unit text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    action := 'create';
    kind := 'created';
  ELSIF TG_ARGV[1] = 'soft-delete' THEN
    -- (not in the condition above: only a table with "deleted" may
    -- mention it)
    IF NEW.deleted AND NOT OLD.deleted THEN
      action := 'delete';
      kind := 'deleted';
    ELSIF OLD.deleted AND NOT NEW.deleted THEN
      action := 'undelete';
      kind := 'undeleted';
    END IF;
  END IF;
  CASE TG_TABLE_NAME
    WHEN 'units' THEN
      ref := NEW.code;
      unit := NEW.code;
    WHEN 'profiles' THEN
      ref := NEW.profile_id;
    WHEN 'routine_offsets' THEN
      ref := NEW.profile_id || '/' || NEW.rule_id;
    ELSE
      ref := NEW.ref;
      unit := NEW.unit_code;
  END CASE;
  PERFORM placeringar.audit_write (action, TG_ARGV[0], NEW.id, ref, unit);
  PERFORM placeringar.notify_change (TG_ARGV[0], NEW.id, kind);
  RETURN NULL;
END
$$;

-- A routine offset cleared (deleted: it falls back to the profile's).
CREATE FUNCTION record_removed () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM placeringar.audit_write ('delete', TG_ARGV[0], OLD.id, OLD.profile_id || '/' || OLD.rule_id, NULL);
  PERFORM placeringar.notify_change (TG_ARGV[0], OLD.id, 'deleted');
  RETURN NULL;
END
$$;

-- A change of a part (a contact's link, a deviation's event) is a change
-- of the whole: audited once per transaction as the parent's update,
-- unless the parent's own line is there already, and notified as such.
CREATE FUNCTION part_changed () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  row_data record;
  parent_id bigint;
  parent_ref text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_data := OLD;
  ELSE
    row_data := NEW;
  END IF;
  IF TG_TABLE_NAME = 'contact_links' THEN
    parent_id := row_data.contact_id;
    SELECT ref INTO parent_ref FROM placeringar.contacts WHERE id = parent_id;
  ELSE
    parent_id := row_data.deviation_id;
    SELECT ref INTO parent_ref FROM placeringar.deviations WHERE id = parent_id;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM placeringar.audit_log
                  WHERE xact = txid_current () AND record_type = TG_ARGV[0] AND record_id = parent_id) THEN
    PERFORM placeringar.audit_write ('update', TG_ARGV[0], parent_id, parent_ref, row_data.unit_code);
  END IF;
  PERFORM placeringar.notify_change (TG_ARGV[0], parent_id, 'updated');
  RETURN NULL;
END
$$;

-- Each record table: its record type, whether it has "deleted", whether
-- its unit is its parent's, and what moves to another unit with it.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('units',           'unit',           '',            false, NULL),
      ('children',        'child',          'soft-delete', false, '''placements'', ''child_id'', ''contact_log'', ''child_id'''),
      ('placements',      'placement',      'soft-delete', true,  '''step_statuses'', ''placement_id'', ''deviations'', ''placement_id'''),
      ('step_statuses',   'step',           '',            true,  NULL),
      ('contacts',        'contact',        'soft-delete', false, '''contact_links'', ''contact_id'''),
      ('contact_log',     'contact-log',    'soft-delete', true,  NULL),
      ('deviations',      'deviation',      'soft-delete', true,  '''deviation_events'', ''deviation_id'''),
      ('profiles',        'profile',        '',            false, NULL),
      ('routine_offsets', 'routine-offset', '',            false, NULL))
    AS r (name, record_type, deletion, parent_unit, moves)
  LOOP
    EXECUTE format ('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION check_version (%L)',
                    t.name || '_version', t.name, t.record_type);
    IF t.parent_unit THEN
      EXECUTE format ('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_unit ()',
                      t.name || '_unit', t.name);
    END IF;
    IF t.name IN ('children', 'contacts') THEN
      EXECUTE format ('CREATE TRIGGER %I BEFORE UPDATE OF unit_code ON %I FOR EACH ROW'
                      ' WHEN (NEW.unit_code IS DISTINCT FROM OLD.unit_code) EXECUTE FUNCTION may_move ()',
                      t.name || '_may_move', t.name);
    END IF;
    IF t.moves IS NOT NULL THEN
      EXECUTE format ('CREATE TRIGGER %I AFTER UPDATE OF unit_code ON %I FOR EACH ROW'
                      ' WHEN (NEW.unit_code IS DISTINCT FROM OLD.unit_code) EXECUTE FUNCTION unit_moved (%s)',
                      t.name || '_moved', t.name, t.moves);
    END IF;
    EXECUTE format ('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION record_changed (%L, %L)',
                    t.name || '_changed', t.name, t.record_type, t.deletion);
  END LOOP;
END
$$;

-- The parts of a record: their unit is their record's, and a change of one
-- is a change of the record.
CREATE TRIGGER contact_links_unit BEFORE INSERT OR UPDATE ON contact_links
  FOR EACH ROW EXECUTE FUNCTION set_unit ();
CREATE TRIGGER contact_links_changed AFTER INSERT OR UPDATE OR DELETE ON contact_links
  FOR EACH ROW EXECUTE FUNCTION part_changed ('contact');
CREATE TRIGGER deviation_events_unit BEFORE INSERT OR UPDATE ON deviation_events
  FOR EACH ROW EXECUTE FUNCTION set_unit ();
CREATE TRIGGER deviation_events_changed AFTER INSERT OR UPDATE OR DELETE ON deviation_events
  FOR EACH ROW EXECUTE FUNCTION part_changed ('deviation');
CREATE TRIGGER routine_offsets_removed AFTER DELETE ON routine_offsets
  FOR EACH ROW EXECUTE FUNCTION record_removed ('routine-offset');

---------------------------------------------------------------------------
-- What the clients call
---------------------------------------------------------------------------

-- That a record was opened to be read (plc_store_record_opened ()).  The
-- ref and unit are looked up here, not taken from the caller; a record
-- the caller may not see is reported as not found (SQLSTATE P0002).
CREATE FUNCTION record_opened (p_record_type text, p_id bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  ref text;
  unit text;
BEGIN
  CASE p_record_type
    WHEN 'child' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.children r WHERE r.id = p_id;
    WHEN 'placement' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.placements r WHERE r.id = p_id;
    WHEN 'step' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.step_statuses r WHERE r.id = p_id;
    WHEN 'contact' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.contacts r WHERE r.id = p_id;
    WHEN 'contact-log' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.contact_log r WHERE r.id = p_id;
    WHEN 'deviation' THEN SELECT r.ref, r.unit_code INTO ref, unit FROM placeringar.deviations r WHERE r.id = p_id;
    ELSE
      RAISE EXCEPTION 'no record type %', p_record_type USING ERRCODE = '22023';
  END CASE;
  IF unit IS NULL OR NOT unit = ANY (placeringar.my_units ()) THEN
    RAISE EXCEPTION 'no % %', p_record_type, p_id USING ERRCODE = 'P0002';
  END IF;
  PERFORM placeringar.audit_write ('open', p_record_type, p_id, ref, unit);
END
$$;

-- That the caller exported or imported (their units' records): one line
-- for each of their units.
CREATE FUNCTION record_database_event (p_action text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  unit text;
BEGIN
  IF p_action NOT IN ('import', 'export') THEN
    RAISE EXCEPTION 'no database action %', p_action USING ERRCODE = '22023';
  END IF;
  FOREACH unit IN ARRAY placeringar.my_units () LOOP
    PERFORM placeringar.audit_write (p_action, 'database', 0, NULL, unit);
  END LOOP;
END
$$;

-- Administration: users.  A person is a PostgreSQL login role of their
-- own, member of one group role, with their units in unit_members.  The
-- client sends a SCRAM-SHA-256 verifier (PQencryptPasswordConn ()), never
-- the password.  Each change is audited once per unit concerned, so that
-- a unit's supervisor sees who was given access to it.
CREATE FUNCTION add_user (p_login text, p_role text, p_units text[], p_verifier text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  new_id bigint;
  unit text;
BEGIN
  IF NOT placeringar.i_am_admin () THEN
    RAISE EXCEPTION 'only an admin may add users' USING ERRCODE = '42501';
  END IF;
  IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_.-]{0,62}$' OR p_login ~ '^(pg_|placeringar_)' THEN
    RAISE EXCEPTION 'not a login name: %', p_login USING ERRCODE = 'PLC04';
  END IF;
  IF p_role IS NULL OR p_role NOT IN ('caseworker', 'supervisor', 'admin') THEN
    RAISE EXCEPTION 'not a role: %', p_role USING ERRCODE = 'PLC04';
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier !~ '^SCRAM-SHA-256\$' THEN
    RAISE EXCEPTION 'only a SCRAM-SHA-256 verifier is taken' USING ERRCODE = 'PLC04';
  END IF;
  p_units := coalesce (p_units, '{}');
  IF p_role = 'admin' AND cardinality (p_units) > 0 THEN
    RAISE EXCEPTION 'an admin has no units' USING ERRCODE = 'PLC04';
  END IF;
  IF p_role <> 'admin' AND cardinality (p_units) = 0 THEN
    RAISE EXCEPTION 'a % needs a unit', p_role USING ERRCODE = 'PLC04';
  END IF;
  FOREACH unit IN ARRAY p_units LOOP
    IF NOT EXISTS (SELECT 1 FROM placeringar.units u WHERE u.code = unit) THEN
      RAISE EXCEPTION 'no unit %', unit USING ERRCODE = 'PLC05';
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'the role % exists already', p_login USING ERRCODE = '42710';
  END IF;

  EXECUTE format ('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS IN ROLE %I PASSWORD %L',
                  p_login, 'placeringar_' || p_role, p_verifier);

  INSERT INTO placeringar.staff (login, role) VALUES (p_login, p_role) RETURNING id INTO new_id;
  INSERT INTO placeringar.unit_members (login, unit_code)
    SELECT DISTINCT p_login, u FROM unnest (p_units) AS u;

  IF cardinality (p_units) = 0 THEN
    PERFORM placeringar.audit_write ('create', 'user', new_id, p_login, NULL);
  END IF;
  FOREACH unit IN ARRAY (SELECT coalesce (array_agg (DISTINCT u), '{}') FROM unnest (p_units) AS u) LOOP
    PERFORM placeringar.audit_write ('create', 'user', new_id, p_login, unit);
  END LOOP;
  PERFORM placeringar.notify_change ('user', new_id, 'created');
  RETURN new_id;
END
$$;

CREATE FUNCTION remove_user (p_login text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  person placeringar.staff%ROWTYPE;
  units text[];
  unit text;
BEGIN
  IF NOT placeringar.i_am_admin () THEN
    RAISE EXCEPTION 'only an admin may remove users' USING ERRCODE = '42501';
  END IF;
  SELECT * INTO person FROM placeringar.staff WHERE login = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user %', p_login USING ERRCODE = 'P0002';
  END IF;
  IF p_login = session_user THEN
    RAISE EXCEPTION 'you cannot remove yourself' USING ERRCODE = 'PLC04';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles r
              WHERE r.rolname = p_login
                AND (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls)) THEN
    RAISE EXCEPTION 'the role % is not only a user of Placements', p_login USING ERRCODE = 'PLC04';
  END IF;
  SELECT coalesce (array_agg (unit_code), '{}') INTO units
    FROM placeringar.unit_members WHERE login = p_login;
  DELETE FROM placeringar.staff WHERE login = p_login;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    EXECUTE format ('DROP ROLE %I', p_login);
  END IF;
  IF cardinality (units) = 0 THEN
    PERFORM placeringar.audit_write ('delete', 'user', person.id, p_login, NULL);
  END IF;
  FOREACH unit IN ARRAY units LOOP
    PERFORM placeringar.audit_write ('delete', 'user', person.id, p_login, unit);
  END LOOP;
  PERFORM placeringar.notify_change ('user', person.id, 'deleted');
END
$$;

---------------------------------------------------------------------------
-- Privileges
---------------------------------------------------------------------------

REVOKE ALL ON ALL TABLES IN SCHEMA placeringar FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA placeringar FROM PUBLIC;

GRANT SELECT ON schema_info, units, staff, unit_members, profiles, routine_offsets, audit_log
  TO placeringar_caseworker, placeringar_supervisor, placeringar_admin;

GRANT SELECT, INSERT, UPDATE ON children, placements, step_statuses, contacts, contact_log, deviations
  TO placeringar_caseworker, placeringar_supervisor;
GRANT SELECT, INSERT, DELETE ON contact_links TO placeringar_caseworker, placeringar_supervisor;
GRANT SELECT, INSERT ON deviation_events TO placeringar_caseworker, placeringar_supervisor;

-- A unit's code never changes: other tables hold it.
GRANT INSERT (code, name), UPDATE (name, version) ON units TO placeringar_admin;
GRANT INSERT, UPDATE ON profiles TO placeringar_admin;
GRANT INSERT, UPDATE, DELETE ON routine_offsets TO placeringar_admin;

GRANT EXECUTE ON FUNCTION my_units (), my_supervised_units (), i_am_admin ()
  TO placeringar_caseworker, placeringar_supervisor, placeringar_admin;
GRANT EXECUTE ON FUNCTION record_opened (text, bigint), record_database_event (text)
  TO placeringar_caseworker, placeringar_supervisor;
GRANT EXECUTE ON FUNCTION add_user (text, text, text[], text), remove_user (text)
  TO placeringar_admin;

---------------------------------------------------------------------------
-- Row-level security
---------------------------------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['children', 'placements', 'step_statuses', 'contacts', 'contact_links',
                           'contact_log', 'deviations', 'deviation_events', 'staff', 'unit_members',
                           'audit_log', 'units', 'profiles', 'routine_offsets'] LOOP
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  END LOOP;

  -- The records: the rows of the user's units, for reading and writing.
  -- (SELECT …)::text[] makes the planner work the units out once per
  -- statement, not once per row.
  FOREACH t IN ARRAY ARRAY['children', 'placements', 'step_statuses', 'contacts', 'contact_links',
                           'contact_log', 'deviations', 'deviation_events'] LOOP
    EXECUTE format ('CREATE POLICY unit_records ON %I TO placeringar_caseworker, placeringar_supervisor'
                    '  USING (unit_code = ANY ((SELECT my_units ())::text[]))'
                    '  WITH CHECK (unit_code = ANY ((SELECT my_units ())::text[]))', t);
  END LOOP;

  -- Settings: everyone reads them; an admin writes them.
  FOREACH t IN ARRAY ARRAY['units', 'profiles', 'routine_offsets'] LOOP
    EXECUTE format ('CREATE POLICY everyone_reads ON %I FOR SELECT USING (true)', t);
    EXECUTE format ('CREATE POLICY admin_writes ON %I FOR INSERT TO placeringar_admin'
                    '  WITH CHECK ((SELECT i_am_admin ()))', t);
    EXECUTE format ('CREATE POLICY admin_updates ON %I FOR UPDATE TO placeringar_admin'
                    '  USING ((SELECT i_am_admin ())) WITH CHECK ((SELECT i_am_admin ()))', t);
  END LOOP;
END
$$;

CREATE POLICY admin_deletes ON routine_offsets FOR DELETE TO placeringar_admin USING ((SELECT i_am_admin ()));

-- People: an admin sees everyone; anyone else themselves and the people
-- of their units.
CREATE POLICY admin_reads ON staff FOR SELECT TO placeringar_admin USING ((SELECT i_am_admin ()));
CREATE POLICY colleagues ON staff FOR SELECT TO placeringar_caseworker, placeringar_supervisor
  USING (login = session_user
         OR login IN (SELECT m.login FROM unit_members m WHERE m.unit_code = ANY ((SELECT my_units ())::text[])));
CREATE POLICY admin_reads ON unit_members FOR SELECT TO placeringar_admin USING ((SELECT i_am_admin ()));
CREATE POLICY colleagues ON unit_members FOR SELECT TO placeringar_caseworker, placeringar_supervisor
  USING (login = session_user OR unit_code = ANY ((SELECT my_units ())::text[]));

-- The audit log: a supervisor reads their units' lines; everyone their
-- own; an admin the lines of the administration.
CREATE POLICY supervised_units ON audit_log FOR SELECT TO placeringar_supervisor
  USING (unit_code = ANY ((SELECT my_supervised_units ())::text[]));
CREATE POLICY own_lines ON audit_log FOR SELECT TO placeringar_caseworker, placeringar_supervisor
  USING (login = session_user);
CREATE POLICY administration ON audit_log FOR SELECT TO placeringar_admin
  USING (record_type IN ('server', 'unit', 'user', 'profile', 'routine-offset') AND (SELECT i_am_admin ()));
