#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up once for the whole office: a profile in the system profiles
# directory and a local routine set (and then locked) with dconf, as IT
# does it, are in force for a new user (the fresh home of
# tests/session-run), and a locked one cannot be overridden.  Run under
# tests/session-run; prints TAP.
#
#   test-office.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-office.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-office.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/interchange/rules.json
profiles=${PLACERINGAR_PROFILES_DIR:?PLACERINGAR_PROFILES_DIR must name data/profiles}
py=/usr/bin/python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then ok "$what"; else not_ok "$what" "$work/err"; fi; }
check_fails() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then not_ok "$what (it succeeded)" "$work/out"; else ok "$what"; fi; }
out_has() { if grep -qF -- "$2" "${3:-$work/out}"; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "${3:-$work/out}" | head -20; fi; }
# due WHAT DATE: p-uppsala's sip-start in the last `obligations --json` is due on DATE
due() {
  if "$py" - "$work/out" "$2" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
x = [x for x in o if x['placement'] == 'p-uppsala' and x['rule'] == 'sip-start' and x['occurrence'] == 1]
sys.exit(0 if x and x[0]['due'] == sys.argv[2] else 1)
PY
  then ok "$1"; else not_ok "$1"; grep -o '"rule" *: *"sip-start"[^}]*' "$work/out" | head -3 | sed 's/^/# /'; fi
}
obligations() { check "obligations" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json; }

# The new user: nothing of their own yet
[ -n "${PLC_SESSION_DIR:-}" ] || { echo "Bail out! run under tests/session-run"; exit 1; }
if [ -e "$XDG_DATA_HOME/placeringar" ] || [ -e "$XDG_CONFIG_HOME/dconf" ]; then
  not_ok "a new user: no data and no settings of their own"
else
  ok "a new user: no data and no settings of their own"
fi

###########################################################################
# Profiles: $sysconfdir/placeringar/profiles
###########################################################################

export PLACERINGAR_SYSTEM_PROFILES_DIR=$work/etc/placeringar/profiles
mkdir -p "$PLACERINGAR_SYSTEM_PROFILES_DIR"
"$py" - "$profiles/dalarna.json" "$PLACERINGAR_SYSTEM_PROFILES_DIR/dalarna.json" 2026.1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['version'] = sys.argv[3]
d['validity']['valid_to'] = '2028-12-31'
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
check "profiles list" "$cli" profiles list
out_has "the office's newer Dalarna profile is in force for a new user" "dalarna	2026.1	regional	2022-01-01	2028-12-31	system"

# An older one of the user's own, put there by hand or by an earlier import
user_dir=$XDG_DATA_HOME/placeringar/profiles
mkdir -p "$user_dir"
"$py" - "$profiles/dalarna.json" "$user_dir/dalarna.json" 2025.1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['version'] = sys.argv[3]
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
check "profiles list with an older profile of the user's" "$cli" profiles list
out_has "the user's older profile does not shadow the office's" "dalarna	2026.1	regional	2022-01-01	2028-12-31	system"
check_fails "importing an older one is refused" "$cli" profiles import "$user_dir/dalarna.json"
out_has "saying it is not newer" "not newer" "$work/err"

# One the office has at the version shipped: the shipped one stays
cp "$profiles/stockholm.json" "$PLACERINGAR_SYSTEM_PROFILES_DIR/stockholm.json"
check "profiles list" "$cli" profiles list
out_has "a system profile no newer than the shipped one leaves it in force" "stockholm	"
if grep -P '^stockholm\t.*\tshipped\t' "$work/out" >/dev/null; then ok "and it is the shipped one"; else not_ok "and it is the shipped one" "$work/out"; fi

# A broken one: left out, named, and nothing else fails
echo '{ "id": "broken" ' > "$PLACERINGAR_SYSTEM_PROFILES_DIR/broken.json"
check "profiles list with a broken system profile" "$cli" profiles list
out_has "the broken profile is reported" "broken.json" "$work/err"
rm "$PLACERINGAR_SYSTEM_PROFILES_DIR/broken.json"

###########################################################################
# Local routines: the GSettings key routine-offsets, in a dconf database
###########################################################################

export GSETTINGS_BACKEND=dconf
export DCONF_PROFILE=$work/dconf-profile
mkdir -p "$work/site.d/locks"
cat > "$work/site.d/00-office" <<'EOF'
# The office's routine: the first SIP meeting is called within 12 days
[se/placeringar/Placeringar]
routine-offsets={'national/sip-start': (12, 'days'), 'national/no-such-rule': (1, 'fortnights')}
EOF
compile_site() {
  if dconf compile "$work/site" "$work/site.d" 2>"$work/err"; then ok "dconf compile: $1"; else not_ok "dconf compile: $1" "$work/err"; fi
}
compile_site "the office's routine"
printf 'user-db:user\nfile-db:%s\n' "$work/site" > "$DCONF_PROFILE"

check "import the fixture" "$cli" --database "$db" import "$fixture"
check "routine national --source" "$cli" --database "$db" routine national --source
out_has "the office's routine is in force for a new user" "sip-start	12 days after	3 days after	office"
out_has "a bad entry is named and left out" "no-such-rule" "$work/err"
check "routine national, without --source" "$cli" --database "$db" routine national
if grep -qxP 'sip-start\t12 days after\t3 days after' "$work/out"; then
  ok "without --source, the three columns it always had, the office's time in force"
else
  not_ok "without --source, the three columns it always had, the office's time in force" "$work/out"
fi
obligations
# 2026-11-02 + 12 days
due "and moves the due date" 2026-11-14

check "the user sets a routine of their own" "$cli" --database "$db" routine national sip-start 20 days --source
out_has "unlocked, the user's own wins" "sip-start	20 days after	3 days after	local"
obligations
due "and moves the due date" 2026-11-22

# IT locks it
echo "/se/placeringar/Placeringar/routine-offsets" > "$work/site.d/locks/00-office"
compile_site "the lock"
check "routine national, locked" "$cli" --database "$db" routine national --source
out_has "locked, the office's routine is in force" "sip-start	12 days after	3 days after	office-locked"
obligations
due "and the user's own is not used" 2026-11-14
check_fails "locked: a user cannot set a routine" "$cli" --database "$db" routine national sip-start 5 days
out_has "saying it is locked" "locked" "$work/err"
check_fails "locked: nor clear one" "$cli" --database "$db" routine national sip-start --clear
check "routine national --source" "$cli" --database "$db" routine national --source
out_has "nothing changed" "sip-start	12 days after	3 days after	office-locked"

# Locked without a value for a rule: the profile's own offset
cat > "$work/site.d/00-office" <<'EOF'
[se/placeringar/Placeringar]
routine-offsets=@a{s(is)} {}
EOF
compile_site "locked, with no routine"
check "routine national --source" "$cli" --database "$db" routine national --source
out_has "the profile's own time, not the user's" "sip-start	3 days after	3 days after	profile"

echo "1..$n"
exit $failed
