#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Concurrent writers (issue 12, item 7): three placeringar-cli processes at
# a time mark steps in one database while a fourth reads it, many times
# over; each process opens the database, waits for the others' locks (the
# busy timeout is set before the first statement) and succeeds.  Each
# writer marks a step of its own, so that no save is refused as stale.
# Run it under tests/session-run (it needs the keyring).  Prints TAP.
#
#   test-concurrent.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-concurrent.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-concurrent.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
rounds=${PLC_CONCURRENT_ROUNDS:-40}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }

if "$cli" --database "$db" import "$src/data/interchange/rules.json" >/dev/null 2>"$work/err"; then
  ok "import rules.json"
else
  not_ok "import rules.json" "$work/err"
  echo "1..$n"
  exit 1
fi

# One step of p-sthlm per writer, marked done and open in turn
writer() {
  local rule=$1 log=$2 state
  for i in $(seq 1 "$rounds"); do
    state=done
    [ $((i % 2)) = 0 ] && state=open
    if ! "$cli" --database "$db" mark p-sthlm "$rule" "$state" --date 2026-11-06 >/dev/null 2>>"$log.err"; then
      echo "mark $rule $state (round $i) failed" >>"$log"
    fi
  done
}

reader() {
  local log=$1
  for i in $(seq 1 "$rounds"); do
    if ! "$cli" --database "$db" children >/dev/null 2>>"$log.err"; then
      echo "children (round $i) failed" >>"$log"
    fi
  done
}

: >"$work/w1"; : >"$work/w2"; : >"$work/w3"; : >"$work/r"
writer health-exam-notification "$work/w1" &
writer sip-start "$work/w2" &
writer health-exam-feedback "$work/w3" &
reader "$work/r" &
wait

cat "$work/w1" "$work/w2" "$work/w3" "$work/r" >"$work/failures"
cat "$work/w1.err" "$work/w2.err" "$work/w3.err" "$work/r.err" >>"$work/failures" 2>/dev/null
if [ -s "$work/failures" ]; then
  not_ok "$((3 * rounds)) marks by three writers and $rounds reads at once all succeed" "$work/failures"
else
  ok "$((3 * rounds)) marks by three writers and $rounds reads at once all succeed"
fi

# Each writer's last word stands: an even number of rounds ends "open"
"$cli" --database "$db" obligations --placement p-sthlm --today 2026-11-20 >"$work/out" 2>"$work/err"
expected=done
[ $((rounds % 2)) = 0 ] && expected=open
if awk -F'\t' -v want="$expected" '
     $5 == "health-exam-notification" || $5 == "sip-start" || $5 == "health-exam-feedback" {
       seen++; if (want == "done" ? $2 != "done" : $2 == "done") bad++ }
     END { exit !(seen == 3 && bad == 0) }' "$work/out"; then
  ok "each writer's last mark is what is stored"
else
  not_ok "each writer's last mark is what is stored" "$work/out"
fi

if "$cli" --database "$db" check >"$work/out" 2>"$work/err"; then
  ok "check passes"
else
  not_ok "check passes" "$work/err"
fi

echo "1..$n"
exit $failed
