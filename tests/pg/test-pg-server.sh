#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A unit server set up with placeringar-cli, and its access rules proven
# with psql under each person's own credentials: two units, a caseworker
# in each, a supervisor of one, an admin, the database owner.  Run it
# under tests/session-run (the keyring) and tests/pg/pg-run (the server).
# Prints TAP.
#
#   test-pg-server.sh PLACERINGAR_CLI

set -u

cli=${1:?usage: test-pg-server.sh PLACERINGAR_CLI}
: "${PLC_PG_PORT:?run under tests/pg/pg-run}"
: "${PLC_SESSION_DIR:?run under tests/session-run}"

work=$(mktemp -d "${TMPDIR:-/tmp}/plc-pg-test.XXXXXXXX")
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then ok "$what"; else cat "$work/out" >> "$work/err"; not_ok "$what" "$work/err"; fi; }
check_fails() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then not_ok "$what (it succeeded)" "$work/out"; else ok "$what"; fi; }
# check_fails_with WHAT PATTERN COMMAND…: fails, and says PATTERN on standard error
check_fails_with() {
  local what=$1 pattern=$2; shift 2
  if "$@" >"$work/out" 2>"$work/err"; then
    not_ok "$what (it succeeded)" "$work/out"
  elif grep -qE -- "$pattern" "$work/err"; then
    ok "$what"
  else
    not_ok "$what (no “$pattern” in the message)" "$work/err"
  fi
}

uri_of() {
  echo "postgresql://$1@localhost:$PLC_PG_PORT/$PLC_PG_DATABASE?sslmode=verify-full&sslrootcert=$PLC_PG_CA"
}
owner=$PLC_PG_OWNER
owner_uri=$(uri_of "$owner")
owner_password=$(< "$PLC_PG_OWNER_PASSWORD_FILE")

declare -A password
password[$owner]=$owner_password
for person in cw1 cw2 sup1 adm1; do
  password[$person]=$(/usr/bin/python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
done

# as PERSON SQL…: runs each SQL with psql under PERSON's own credentials,
# over TLS with the server's certificate checked; unaligned, tuples only.
as() {
  local person=$1; shift
  local args=()
  for sql in "$@"; do args+=(-c "$sql"); done
  PGPASSWORD=${password[$person]} psql -X -q -At -v ON_ERROR_STOP=1 "$(uri_of "$person")" "${args[@]}"
}
# as_super SQL: the superuser, over the socket, to look at the catalogs
as_super() {
  PGPASSWORD=$(< "$PLC_PG_SUPERUSER_PASSWORD_FILE") \
    psql -X -q -At -v ON_ERROR_STOP=1 -h "$PLC_PG_SOCKET_DIR" -p "$PLC_PG_PORT" \
    -U "$PLC_PG_SUPERUSER" -d "$PLC_PG_DATABASE" -c "$1"
}
# is WHAT EXPECTED PERSON SQL: PERSON's one-line answer to SQL is EXPECTED
is() {
  local what=$1 expected=$2 person=$3 sql=$4 got
  got=$(as "$person" "$sql" 2>"$work/err")
  if [ "$got" = "$expected" ]; then
    ok "$what"
  else
    echo "expected “$expected”, got “$got”" >> "$work/err"
    not_ok "$what" "$work/err"
  fi
}

###########################################################################
# Logging in, and the password only in the keyring
###########################################################################

echo wrong-password > "$work/wrong"
check_fails_with "login with a wrong password is refused" "did not accept the password" \
  "$cli" --database "$owner_uri" login --password-file "$work/wrong"
check_fails_with "…and keeps nothing: the next command asks to log in" "holds no password.*log in" \
  "$cli" --database "$owner_uri" server init

"$PLC_PG_CTL" stop > /dev/null 2>&1
check_fails_with "login to a server that is down says it could not be reached" "Could not reach the server" \
  "$cli" --database "$owner_uri" login --password-file "$PLC_PG_OWNER_PASSWORD_FILE"
"$PLC_PG_CTL" start > /dev/null 2>&1 || echo "Bail out! the server did not start again"

check "login as the database owner" \
  "$cli" --database "$owner_uri" login --password-file "$PLC_PG_OWNER_PASSWORD_FILE"
check "login reading the password from standard input" \
  "$cli" --database "$owner_uri" login --password-file - < "$PLC_PG_OWNER_PASSWORD_FILE"

if grep -rlF -- "$owner_password" "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" \
     "$XDG_STATE_HOME" > "$work/found" 2>/dev/null; then
  not_ok "the password is in no file under HOME or the XDG directories" "$work/found"
else
  ok "the password is in no file under HOME or the XDG directories"
fi
check_fails_with "a password in the address is refused" "must not hold a password" \
  "$cli" --database "postgresql://$owner:secret@localhost:$PLC_PG_PORT/$PLC_PG_DATABASE" server unit list
check_fails_with "a server on another computer without TLS is refused before connecting" "only reached over TLS" \
  "$cli" --database "postgresql://$owner@192.0.2.1:5432/$PLC_PG_DATABASE?sslmode=disable" login --password-file "$work/wrong"
check_fails_with "the server refuses a connection without TLS over TCP (pg_hba.conf)" "does not let .* connect" \
  "$cli" --database "postgresql://$owner@localhost:$PLC_PG_PORT/$PLC_PG_DATABASE?sslmode=disable" login --password-file "$PLC_PG_OWNER_PASSWORD_FILE"
check_fails_with "a file command with a server address says it does not work yet" "does not work with a unit server yet" \
  "$cli" --database "$owner_uri" children
check_fails_with "server commands need a server address" "needs a unit server" \
  "$cli" --database "$work/local.db" server unit list

###########################################################################
# server init, twice
###########################################################################

# Everything that init could change: the schema, the roles, memberships,
# the database's privileges and settings, and the audit log.
snapshot() {
  {
    "$PLC_PG_BINDIR/pg_dump" --schema-only --no-comments -h "$PLC_PG_SOCKET_DIR" -p "$PLC_PG_PORT" \
      -U "$PLC_PG_SUPERUSER" "$PLC_PG_DATABASE" 2>&1
    as_super "SELECT rolname, rolcanlogin, rolcreaterole, rolsuper, rolinherit FROM pg_roles ORDER BY 1"
    as_super "SELECT r.rolname, m.rolname, a.admin_option FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member ORDER BY 1, 2"
    as_super "SELECT datname, datacl FROM pg_database ORDER BY 1"
    as_super "SELECT setconfig FROM pg_db_role_setting ORDER BY 1"
    as_super "SELECT count(*) FROM placeringar.audit_log"
    as_super "SELECT login, role FROM placeringar.staff ORDER BY 1"
  } | sed '/^--/d; /^\\restrict /d; /^\\unrestrict /d'
}
export PGPASSWORD
PGPASSWORD=$(< "$PLC_PG_SUPERUSER_PASSWORD_FILE")

check "server init" "$cli" --database "$owner_uri" server init
grep -q "is set up (schema version 1)" "$work/out" && ok "server init says it set up schema 1" ||
  not_ok "server init says it set up schema 1" "$work/out"
snapshot > "$work/before"
check "server init again" "$cli" --database "$owner_uri" server init
grep -q "nothing changed" "$work/out" && ok "server init again says nothing changed" ||
  not_ok "server init again says nothing changed" "$work/out"
snapshot > "$work/after"
if cmp -s "$work/before" "$work/after"; then
  ok "server init twice changes nothing (schema, roles, memberships, privileges, audit log)"
else
  diff "$work/before" "$work/after" > "$work/diff"
  not_ok "server init twice changes nothing (schema, roles, memberships, privileges, audit log)" "$work/diff"
fi
unset PGPASSWORD

[ "$(as_super "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'placeringar_owner'")" = f ] &&
  ok "placeringar_owner cannot log in" || not_ok "placeringar_owner cannot log in"
[ "$(as_super "SELECT count(*) FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid WHERE r.rolname = 'placeringar_owner'")" = 0 ] &&
  ok "placeringar_owner has no members after init" || not_ok "placeringar_owner has no members after init"
[ "$(as_super "SELECT count(*) FROM pg_tables WHERE schemaname = 'placeringar' AND tableowner <> 'placeringar_owner'")" = 0 ] &&
  ok "placeringar_owner owns every table" || not_ok "placeringar_owner owns every table"
[ "$(as_super "SELECT count(*) FROM pg_tables WHERE schemaname = 'placeringar' AND NOT rowsecurity AND tablename <> 'schema_info'")" = 0 ] &&
  ok "every table but schema_info has row-level security" || not_ok "every table but schema_info has row-level security"

###########################################################################
# Units and users
###########################################################################

check "server unit add U1" "$cli" --database "$owner_uri" server unit add U1 "Enhet ett"
check "server unit add U2" "$cli" --database "$owner_uri" server unit add U2 "Enhet två"
check_fails_with "a unit code twice is refused" "already" "$cli" --database "$owner_uri" server unit add U1 "Again"
check_fails_with "a unit code with a space is refused" "Unit code" "$cli" --database "$owner_uri" server unit add "U 3" "Three"
"$cli" --database "$owner_uri" server unit list > "$work/units" 2>&1
if [ "$(cat "$work/units")" = "$(printf 'U1\tEnhet ett\nU2\tEnhet två')" ]; then ok "server unit list"; else not_ok "server unit list" "$work/units"; fi

add_user() {
  local person=$1; shift
  printf '%s\n' "${password[$person]-pw-$person}" | "$cli" --database "$owner_uri" server user add "$person" "$@" --password-file -
}
check "server user add cw1 --role caseworker --unit U1" add_user cw1 --role caseworker --unit U1
check "server user add cw2 --role caseworker --unit U2" add_user cw2 --role caseworker --unit U2
check "server user add sup1 --role supervisor --unit U1" add_user sup1 --role supervisor --unit U1
check "server user add adm1 --role admin" add_user adm1 --role admin
check_fails_with "a user whose role exists is refused" "already" add_user cw1 --role caseworker --unit U1
check_fails_with "a caseworker without a unit is refused" "needs a unit" add_user cw9 --role caseworker
check_fails_with "an unknown unit is refused" "no unit with the code U9" add_user cw9 --role caseworker --unit U9
check_fails_with "an unknown role is refused" "not a role" add_user cw9 --role boss --unit U1
check_fails_with "a login that could be a system role is refused" "Login" add_user placeringar_x --role caseworker --unit U1
"$cli" --database "$owner_uri" server user list > "$work/users" 2>&1
printf 'adm1\tadmin\t\ncw1\tcaseworker\tU1\ncw2\tcaseworker\tU2\n%s\tadmin\t\nsup1\tsupervisor\tU1\n' "$owner" > "$work/users-expected"
if cmp -s "$work/users" "$work/users-expected"; then ok "server user list"; else diff "$work/users-expected" "$work/users" > "$work/diff"; not_ok "server user list" "$work/diff"; fi
[ "$(as_super "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = 'cw1'")" = t ] &&
  ok "the server keeps a SCRAM-SHA-256 verifier of the password" || not_ok "the server keeps a SCRAM-SHA-256 verifier of the password"
if grep -qF -- "${password[cw1]}" "$PLC_PG_LOG"; then not_ok "the new user's password is not in the server's log"; else ok "the new user's password is not in the server's log"; fi

# Each logs in with the CLI too; a caseworker may not administer
for person in cw1 cw2 sup1 adm1; do
  printf '%s\n' "${password[$person]}" > "$work/pw-$person"
  check "login as $person" "$cli" --database "$(uri_of "$person")" login --password-file "$work/pw-$person"
done
check_fails_with "a caseworker may not add units" "does not allow" \
  "$cli" --database "$(uri_of cw1)" server unit add U3 "Three"
check_fails_with "a caseworker may not add users" "does not allow" \
  sh -c "echo pw | '$cli' --database '$(uri_of cw1)' server user add cw9 --role caseworker --unit U1 --password-file -"
check_fails_with "a supervisor may not remove users" "does not allow" \
  "$cli" --database "$(uri_of sup1)" server user remove cw1
check "an admin adds a unit" "$cli" --database "$(uri_of adm1)" server unit add U3 "Enhet tre"
"$cli" --database "$(uri_of cw1)" server user list > "$work/colleagues" 2>&1
printf 'cw1\tcaseworker\tU1\nsup1\tsupervisor\tU1\n' > "$work/colleagues-expected"
if cmp -s "$work/colleagues" "$work/colleagues-expected"; then ok "a caseworker sees only the people of their units"; else diff "$work/colleagues-expected" "$work/colleagues" > "$work/diff"; not_ok "a caseworker sees only the people of their units" "$work/diff"; fi

###########################################################################
# Records of each unit, written by its caseworker
###########################################################################

fill_unit() {
  local person=$1 unit=$2
  as "$person" \
    "INSERT INTO children (ref, unit_code, name, personnummer, home_municipality) VALUES ('child-$unit', '$unit', 'Namn $unit', '20120315-2424', '2080')" \
    "INSERT INTO placements (ref, child_id, placing_municipality, legal_basis, form, start_date) SELECT 'pl-$unit', id, '2080', 'LVU2', 'familjehem', '2025-02-03' FROM children WHERE ref = 'child-$unit'" \
    "INSERT INTO step_statuses (ref, placement_id, rule, state, date) SELECT 'st-$unit', id, 'health-exam', 'done', '2025-02-05' FROM placements WHERE ref = 'pl-$unit'" \
    "INSERT INTO contacts (ref, unit_code, name) VALUES ('co-$unit', '$unit', 'Kontakt $unit')" \
    "INSERT INTO contact_links (contact_id, position, child_id, role) SELECT co.id, 0, ch.id, 'guardian' FROM contacts co, children ch WHERE co.ref = 'co-$unit' AND ch.ref = 'child-$unit'" \
    "INSERT INTO contact_log (ref, child_id, date, kind, note) SELECT 'log-$unit', id, '2025-02-05', 'call', 'Anteckning $unit' FROM children WHERE ref = 'child-$unit'" \
    "INSERT INTO deviations (ref, unit_code, title, occurred_on, category, placement_id) SELECT 'dev-$unit', 'U9', 'Avvikelse $unit', '2025-03-01', 'sip', id FROM placements WHERE ref = 'pl-$unit'" \
    "INSERT INTO deviation_events (deviation_id, position, at, status) SELECT id, 0, now (), 'reported' FROM deviations WHERE ref = 'dev-$unit'"
}
check "cw1 writes a child with everything in U1" fill_unit cw1 U1
check "cw2 writes a child with everything in U2" fill_unit cw2 U2

tables="children placements step_statuses contacts contact_links contact_log deviations deviation_events"
counts_sql="SELECT string_agg (t || '=' || n, ' ' ORDER BY t) FROM ("
sep=""
for t in $tables; do
  counts_sql="$counts_sql$sep SELECT '$t' AS t, count(*) AS n FROM $t"
  sep=" UNION ALL"
done
counts_sql="$counts_sql) c"
one_each="children=1 contact_links=1 contact_log=1 contacts=1 deviation_events=1 deviations=1 placements=1 step_statuses=1"

is "cw1 sees one of each record: U1's" "$one_each" cw1 "$counts_sql"
is "cw2 sees one of each record: U2's" "$one_each" cw2 "$counts_sql"
is "sup1 sees one of each record: U1's" "$one_each" sup1 "$counts_sql"
is "every record cw1 sees is U1's" "U1" cw1 "SELECT string_agg (DISTINCT unit_code, ',') FROM (SELECT unit_code FROM children UNION ALL SELECT unit_code FROM placements UNION ALL SELECT unit_code FROM step_statuses UNION ALL SELECT unit_code FROM contacts UNION ALL SELECT unit_code FROM contact_log UNION ALL SELECT unit_code FROM deviations UNION ALL SELECT unit_code FROM deviation_events UNION ALL SELECT unit_code FROM contact_links) u"
is "every record cw2 sees is U2's" "U2" cw2 "SELECT string_agg (DISTINCT unit_code, ',') FROM (SELECT unit_code FROM children UNION ALL SELECT unit_code FROM placements UNION ALL SELECT unit_code FROM step_statuses UNION ALL SELECT unit_code FROM contacts UNION ALL SELECT unit_code FROM contact_log UNION ALL SELECT unit_code FROM deviations UNION ALL SELECT unit_code FROM deviation_events UNION ALL SELECT unit_code FROM contact_links) u"
is "a record's unit is its child's, whatever the client sent" "U2" cw2 "SELECT unit_code FROM deviations"
[ "$(as_super "SELECT count(*) FROM placeringar.children")" = 2 ] && ok "the server holds both units' children" || not_ok "the server holds both units' children"

for t in $tables; do
  check_fails_with "adm1 may not read $t" "permission denied" as adm1 "SELECT count(*) FROM $t"
  check_fails_with "the owner's login may not read $t" "permission denied" as "$owner" "SELECT count(*) FROM $t"
done
check_fails_with "adm1 may not write a child" "permission denied" as adm1 "INSERT INTO children (ref, unit_code) VALUES ('x', 'U1')"

u2_child=$(as cw2 "SELECT id FROM children")
u2_placement=$(as cw2 "SELECT id FROM placements")
check_fails_with "cw1 may not write a child into U2" "row-level security" \
  as cw1 "INSERT INTO children (ref, unit_code, name) VALUES ('child-x', 'U2', 'X')"
check_fails_with "cw1 may not move U1's child to U2" "row-level security|linked to contacts" \
  as cw1 "UPDATE children SET unit_code = 'U2'"
check_fails_with "cw1 may not add a placement to U2's child, by its id" "row-level security" \
  as cw1 "INSERT INTO placements (ref, child_id) VALUES ('pl-x', $u2_child)"
check_fails_with "cw1 may not add a step to U2's placement, by its id" "row-level security" \
  as cw1 "INSERT INTO step_statuses (ref, placement_id, rule) VALUES ('st-x', $u2_placement, 'sip-meeting')"
check_fails_with "cw1 may not link U1's contact to U2's child" "another unit" \
  as cw1 "INSERT INTO contact_links (contact_id, position, child_id) SELECT id, 1, $u2_child FROM contacts"
is "cw1 changes nothing of U2 with an UPDATE" "0" cw1 "WITH u AS (UPDATE children SET name = 'Z' WHERE id = $u2_child RETURNING 1) SELECT count(*) FROM u"
is "U2's child kept its name" "Namn U2" cw2 "SELECT name FROM children"
check_fails_with "cw1 may not open U2's child (audit of a read)" "no child" \
  as cw1 "SELECT placeringar.record_opened ('child', $u2_child)"
check "cw1 opens U1's child (audit of a read)" as cw1 "SELECT placeringar.record_opened ('child', (SELECT id FROM children))"
check_fails_with "nobody erases a child" "permission denied" as cw1 "DELETE FROM children"
check_fails_with "nobody empties a table" "permission denied" as sup1 "TRUNCATE placements"

# Optimistic concurrency
check "an update with the version read is taken" as cw1 "UPDATE children SET name = 'Namn U1 b', version = 1"
is "…and the version goes up" "2" cw1 "SELECT version FROM children"
check_fails_with "an update of a stale version is refused" "stale child" \
  as cw1 "UPDATE children SET name = 'Namn U1 c', version = 1"
is "…and changes nothing" "Namn U1 b|2" cw1 "SELECT name, version FROM children"

# Every kind of record can be updated (each has its own triggers)
check "cw1 marks U1's step done" as cw1 "UPDATE step_statuses SET state = 'done', date = '2025-02-06'"
check "cw1 updates U1's contact, its log entry and its deviation" as cw1 \
  "UPDATE contacts SET phone = '010-123'" "UPDATE contact_log SET kind = 'meeting'" "UPDATE deviations SET status = 'reported'"
check "cw1 deletes and restores U1's contact log entry" as cw1 \
  "UPDATE contact_log SET deleted = true" "UPDATE contact_log SET deleted = false"
is "…each an audit line: create, update, delete, undelete" "create,delete,undelete,update" cw1 "SELECT string_agg (action, ',' ORDER BY action) FROM audit_log WHERE record_type = 'contact-log'" 
check "an admin renames a unit" as adm1 "UPDATE units SET name = 'Enhet tre, norr' WHERE code = 'U3'"
check "an admin sets, changes and clears a local routine" as adm1 \
  "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit) VALUES ('national', 'sip-start', 5, 'days')" \
  "UPDATE routine_offsets SET amount = 6" "DELETE FROM routine_offsets"
check "an admin imports and replaces a profile" as adm1 \
  "INSERT INTO profiles (profile_id, body) VALUES ('lokal', '{}')" "UPDATE profiles SET body = '{ }'"
check_fails_with "a caseworker may not set a local routine" "permission denied" as cw1 \
  "INSERT INTO routine_offsets (profile_id, rule_id, amount, unit) VALUES ('national', 'sip-start', 5, 'days')"

# A supervisor writes in the unit they lead
check "sup1 writes in U1" as sup1 "UPDATE placements SET caseworker = 'Kim', version = 1"
check_fails_with "sup1 may not write into U2" "row-level security" \
  as sup1 "INSERT INTO contacts (ref, unit_code, name) VALUES ('co-x', 'U2', 'X')"

###########################################################################
# The audit log
###########################################################################

is "cw1's audit lines name cw1 (session_user)" "cw1" cw1 "SELECT string_agg (DISTINCT login, ',') FROM audit_log"
is "cw2 reads only their own audit lines" "cw2" cw2 "SELECT string_agg (DISTINCT login, ',') FROM audit_log"
is "sup1 reads U1's audit lines, and none of U2's" "U1" sup1 "SELECT string_agg (DISTINCT unit_code, ',') FROM audit_log WHERE unit_code IS NOT NULL"
is "sup1 reads the audit lines of everyone in U1 (the owner's: adding its people)" "cw1,placeringar_dbo,sup1" sup1 "SELECT string_agg (DISTINCT login, ',' ORDER BY login) FROM audit_log WHERE unit_code = 'U1'"
is "sup1 reads that cw1 opened U1's child" "1" sup1 "SELECT count(*) FROM audit_log WHERE login = 'cw1' AND action = 'open' AND record_type = 'child'"
is "sup1 reads that cw1 was given access to U1" "1" sup1 "SELECT count(*) FROM audit_log WHERE action = 'create' AND record_type = 'user' AND record_ref = 'cw1'"
is "adm1 reads only the administration's lines" "profile,routine-offset,server,unit,user" adm1 "SELECT string_agg (DISTINCT record_type, ',' ORDER BY record_type) FROM audit_log"
is "every change of a record has its line: U1's six records, created" "6" sup1 "SELECT count(DISTINCT record_type || record_id) FROM audit_log WHERE action = 'create' AND record_type IN ('child', 'placement', 'step', 'contact', 'contact-log', 'deviation') AND unit_code = 'U1'"
is "a contact's link and a deviation's event are lines of their record (besides their updates)" "contact,contact,deviation,deviation" sup1 "SELECT string_agg (record_type, ',' ORDER BY record_type) FROM audit_log WHERE action = 'update' AND login = 'cw1' AND record_type IN ('contact', 'deviation')"
is "the stale update left no line; the two updates did" "2" sup1 "SELECT count(*) FROM audit_log WHERE action = 'update' AND record_type IN ('child', 'placement')"

audit_count=$(as_super "SELECT count(*) FROM placeringar.audit_log")
for person in cw1 cw2 sup1 adm1 "$owner"; do
  check_fails_with "$person may not UPDATE the audit log" "permission denied" as "$person" "UPDATE audit_log SET login = 'x'"
  check_fails_with "$person may not DELETE from the audit log" "permission denied" as "$person" "DELETE FROM audit_log"
  check_fails_with "$person may not TRUNCATE the audit log" "permission denied" as "$person" "TRUNCATE audit_log"
  check_fails_with "$person may not INSERT into the audit log" "permission denied" as "$person" "INSERT INTO audit_log (action, record_type) VALUES ('x', 'y')"
  check_fails_with "$person may not write audit lines of their own" "permission denied" as "$person" "SELECT placeringar.audit_write ('delete', 'child', 1, 'x', 'U1')"
  check_fails_with "$person may not become placeringar_owner" "permission denied" as "$person" "SET ROLE placeringar_owner"
  check_fails_with "$person may not alter the audit log" "must be owner" as "$person" "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"
  check_fails_with "$person may not drop the audit log" "must be owner" as "$person" "DROP TABLE audit_log"
done
# Even the owner (as during an upgrade) cannot change it without dropping triggers
PGPASSWORD=$(< "$PLC_PG_SUPERUSER_PASSWORD_FILE") psql -X -q -At -h "$PLC_PG_SOCKET_DIR" -p "$PLC_PG_PORT" \
  -U "$PLC_PG_SUPERUSER" -d "$PLC_PG_DATABASE" -c "SET ROLE placeringar_owner" -c "DELETE FROM placeringar.audit_log" \
  > "$work/out" 2> "$work/err"
grep -q "append-only" "$work/err" && ok "placeringar_owner's own DELETE is refused by the trigger" ||
  not_ok "placeringar_owner's own DELETE is refused by the trigger" "$work/err"
PGPASSWORD=$(< "$PLC_PG_SUPERUSER_PASSWORD_FILE") psql -X -q -At -h "$PLC_PG_SOCKET_DIR" -p "$PLC_PG_PORT" \
  -U "$PLC_PG_SUPERUSER" -d "$PLC_PG_DATABASE" -c "SET ROLE placeringar_owner" -c "TRUNCATE placeringar.audit_log" \
  > "$work/out" 2> "$work/err"
grep -q "append-only" "$work/err" && ok "placeringar_owner's own TRUNCATE is refused by the trigger" ||
  not_ok "placeringar_owner's own TRUNCATE is refused by the trigger" "$work/err"
[ "$(as_super "SELECT count(*) FROM placeringar.audit_log")" = "$audit_count" ] &&
  ok "the audit log lost no line" || not_ok "the audit log lost no line"
if as_super "SELECT * FROM placeringar.audit_log" | grep -qE "Namn|20120315|Anteckning|Kontakt"; then
  not_ok "the audit log holds no names, personal identity numbers or notes"
else
  ok "the audit log holds no names, personal identity numbers or notes"
fi

###########################################################################
# A child moves to another unit
###########################################################################

password[cw12]=$(/usr/bin/python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
check "server user add cw12 --role caseworker --unit U1 --unit U2" add_user cw12 --role caseworker --unit U1 --unit U2
check "cw12 writes a child with a placement, a step and a deviation in U1" as cw12 \
  "INSERT INTO children (ref, unit_code, name) VALUES ('child-mover', 'U1', 'Flyttar')" \
  "INSERT INTO placements (ref, child_id) SELECT 'pl-mover', id FROM children WHERE ref = 'child-mover'" \
  "INSERT INTO step_statuses (ref, placement_id, rule) SELECT 'st-mover', id, 'sip-meeting' FROM placements WHERE ref = 'pl-mover'" \
  "INSERT INTO deviations (ref, unit_code, title, placement_id) SELECT 'dev-mover', 'U1', 'X', id FROM placements WHERE ref = 'pl-mover'" \
  "INSERT INTO deviation_events (deviation_id, position, status) SELECT id, 0, 'draft' FROM deviations WHERE ref = 'dev-mover'"
check "cw12 moves it to U2" as cw12 "UPDATE children SET unit_code = 'U2' WHERE ref = 'child-mover'"
is "its records moved with it" "U2,U2,U2,U2,U2" cw12 "SELECT concat_ws (',', (SELECT unit_code FROM children WHERE ref = 'child-mover'), (SELECT unit_code FROM placements WHERE ref = 'pl-mover'), (SELECT unit_code FROM step_statuses WHERE ref = 'st-mover'), (SELECT unit_code FROM deviations WHERE ref = 'dev-mover'), (SELECT string_agg (e.unit_code, ',') FROM deviation_events e JOIN deviations d ON d.id = e.deviation_id WHERE d.ref = 'dev-mover'))"
is "U1's caseworker no longer sees it" "0" cw1 "SELECT count(*) FROM placements WHERE ref = 'pl-mover'"
is "U2's caseworker sees it, with its step" "1" cw2 "SELECT count(*) FROM step_statuses WHERE ref = 'st-mover'"
check_fails_with "cw2, only in U2, may not move it back to U1" "row-level security" \
  as cw2 "UPDATE children SET unit_code = 'U1' WHERE ref = 'child-mover'"
check "a contact in U1 is linked to U1's child" as cw12 \
  "INSERT INTO contacts (ref, unit_code, name) VALUES ('co-mover', 'U1', 'Y')" \
  "INSERT INTO contact_links (contact_id, position, child_id, role) SELECT c.id, 0, ch.id, 'school' FROM contacts c, children ch WHERE c.ref = 'co-mover' AND ch.ref = 'child-U1'"
check_fails_with "a child linked to contacts of its unit does not move" "linked to contacts" \
  as cw12 "UPDATE children SET unit_code = 'U2' WHERE ref = 'child-U1'"
check_fails_with "a contact linked to children of its unit does not move" "another unit" \
  as cw12 "UPDATE contacts SET unit_code = 'U2' WHERE ref = 'co-mover'"
check "a contact linked to no child moves" as cw12 \
  "DELETE FROM contact_links WHERE contact_id = (SELECT id FROM contacts WHERE ref = 'co-mover')" \
  "UPDATE contacts SET unit_code = 'U2' WHERE ref = 'co-mover'"
is "…and U2 has it" "U2" cw2 "SELECT unit_code FROM contacts WHERE ref = 'co-mover'"

###########################################################################
# Removing a user
###########################################################################

check_fails_with "an admin cannot remove themselves" "cannot remove yourself" \
  "$cli" --database "$(uri_of adm1)" server user remove adm1
check "an admin removes cw2" "$cli" --database "$(uri_of adm1)" server user remove cw2
check_fails_with "cw2 can no longer log in" "did not accept the password|does not let" \
  "$cli" --database "$(uri_of cw2)" login --password-file "$work/pw-cw2"
check_fails_with "removing an unknown user says so" "no user" \
  "$cli" --database "$(uri_of adm1)" server user remove cw2
[ "$(as_super "SELECT count(*) FROM placeringar.audit_log WHERE login = 'cw2'")" -gt 0 ] &&
  ok "cw2's audit lines stay" || not_ok "cw2's audit lines stay"

check "logout" "$cli" --database "$owner_uri" logout
grep -q "no longer keeps" "$work/out" && ok "logout says the password is gone" || not_ok "logout says the password is gone" "$work/out"
check_fails_with "after logout a command asks to log in" "holds no password.*log in" \
  "$cli" --database "$owner_uri" server unit list

echo "1..$n"
exit "$failed"
