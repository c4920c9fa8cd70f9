#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash safety of an edit session and of a schema upgrade.
#
# 1. crash-edit saves children, placements, step statuses and updates one
#    by one, as a caseworker does; it is killed with SIGKILL at a random
#    point, several times.  Each time the database must pass `check`, and
#    the export must hold every save reported done and, beyond them, at
#    most the one under way, whole (verify-edits.py).
# 2. A large database at schema 2 (crash-edit old-schema) is opened by the
#    current placeringar-cli, which upgrades it to the latest schema, and
#    killed at points from the moment the upgrade begins writing on.  Each
#    time the schema read straight after the kill (crash-edit schema, which
#    does not upgrade) must be exactly that of one version, the old one or
#    a later one (each step of an upgrade commits whole, with its version),
#    never a mix; then `check` (which finishes the upgrade) passes, the
#    schema is the latest and every child and placement is there.
#
# Run it under tests/session-run (it needs the keyring).  Prints TAP.
#
#   test-crash-edit.sh PLACERINGAR_CLI CRASH_EDIT

set -u

cli=${1:?usage: test-crash-edit.sh PLACERINGAR_CLI CRASH_EDIT}
crash_edit=${2:?usage: test-crash-edit.sh PLACERINGAR_CLI CRASH_EDIT}
rounds=${PLC_CRASH_ROUNDS:-8}
here=$(dirname "$0")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }

sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

progress=()
for round in $(seq 1 "$rounds"); do
  p=$work/progress-r$round
  progress+=("$p")
  "$crash_edit" edit "$db" "r$round" 1000000 >"$p" 2>"$work/err" &
  pid=$!
  # Until it has saved something, then a random time more.
  while kill -0 "$pid" 2>/dev/null && [ ! -s "$p" ]; do sleep 0.01; done
  delay_ms=$(( (RANDOM % 1500) + 20 ))
  sleep_ms "$delay_ms"
  if ! kill -KILL "$pid" 2>/dev/null; then
    wait "$pid"
    not_ok "round $round: crash-edit was still saving when killed" "$work/err"
    continue
  fi
  wait "$pid" 2>/dev/null
  saves=$(wc -l <"$p")
  if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "edit round $round (killed after $delay_ms ms, $saves saves done): check passes"; else not_ok "edit round $round: check passes" "$work/out"; fi
  if "$cli" --database "$db" export -o "$work/export.json" 2>"$work/err" &&
     /usr/bin/python3 "$here/verify-edits.py" "$work/export.json" "${progress[@]}" >"$work/out" 2>"$work/err"; then
    ok "edit round $round: every save done is there, and nothing in part"
    sed -n '$p' "$work/out"
  else
    not_ok "edit round $round: every save done is there, and nothing in part" "$work/err"
  fi
done

old_schema=2
old_children=${PLC_CRASH_OLD_CHILDREN:-5000}
db=$work/old.db
if "$crash_edit" old-schema "$db" "$old_schema" "$old_children" 2>"$work/err" &&
   "$crash_edit" schema "$db" >"$work/out" 2>>"$work/err" &&
   grep -q "^schema $old_schema children $old_children placements $old_children$" "$work/out"; then
  ok "a database at schema $old_schema with $old_children children"
else
  echo "Bail out! could not make a database at schema $old_schema: $(cat "$work/err")"
  exit 1
fi
# The same bytes at the same path (the keyring holds its key by path) for
# every round.
cp "$db" "$work/pristine.db"
"$cli" --database "$db" children >/dev/null 2>"$work/err"
latest=$("$crash_edit" schema "$db" 2>/dev/null | sed -n 's/^schema \([0-9]*\) .*/\1/p')
[ -n "$latest" ] && [ "$latest" -gt "$old_schema" ] || { echo "Bail out! the upgrade did not happen: $(cat "$work/err")"; exit 1; }
echo "# the latest schema is $latest"

killed_mid_upgrade=0
for delay_us in 0 100 300 700 1500 3000 6000 $((RANDOM % 4000)) $((RANDOM % 20000)) 50000; do
  cp "$work/pristine.db" "$db"
  rm -f "$db-wal" "$db-shm"
  "$crash_edit" upgrade-and-kill "$cli" "$db" "$delay_us" >"$work/kill" 2>&1
  killed=$?
  cat "$work/kill"
  what="upgrade killed $delay_us us after it began writing"
  [ "$killed" -eq 0 ] || what="upgrade that ended before the kill ($delay_us us)"
  if "$crash_edit" schema "$db" >"$work/out" 2>"$work/err"; then
    version=$(sed -n 's/^schema \([0-9]*\) .*/\1/p' "$work/out")
    ok "$what: the schema is that of version $version, whole"
    [ "$killed" -eq 0 ] && [ "$version" -lt "$latest" ] && killed_mid_upgrade=$((killed_mid_upgrade + 1))
  else
    not_ok "$what: the schema is that of one version, whole" "$work/err"
  fi
  if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "$what: then check passes"; else not_ok "$what: then check passes" "$work/out"; fi
  if "$crash_edit" schema "$db" >"$work/out" 2>"$work/err" &&
     grep -q "^schema $latest children $old_children placements $old_children$" "$work/out"; then
    ok "$what: then the schema is the latest and every record is there"
  else
    cat "$work/out" >>"$work/err"
    not_ok "$what: then the schema is the latest and every record is there" "$work/err"
  fi
done
# A kill after the upgrade began writing that left the old schema came in
# the middle of it: at least one must, or this proves nothing.
if [ "$killed_mid_upgrade" -gt 0 ]; then ok "$killed_mid_upgrade kills came in the middle of the upgrade"; else not_ok "no kill came in the middle of the upgrade"; fi

echo "1..$n"
exit $failed
