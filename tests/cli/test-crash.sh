#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash safety: placeringar-cli is killed with SIGKILL at several points of a
# large import.  Each time the database must pass `check` and hold either
# everything it held before or everything the file adds, never a part.
# Run it under tests/session-run (it needs the keyring).  Prints TAP.
#
#   test-crash.sh PLACERINGAR_CLI

set -u

cli=${1:?usage: test-crash.sh PLACERINGAR_CLI}
children=${PLC_CRASH_CHILDREN:-6000}
rounds=${PLC_CRASH_ROUNDS:-8}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }

# A small file first, then a large one with fictitious children.
/usr/bin/python3 - "$work" "$children" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
def child(i):
    return {
        "ref": f"crash-{i}",
        "name": f"Testbarn {i}",
        "temporary_ref": f"T-{i}",
        "birth_date": f"{2006 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "legal_gender": "female" if i % 2 else "male",
        "home_municipality": "2080",
        "placements": [{
            "ref": f"crash-{i}-p1",
            "placing_municipality": "2080",
            "caseworker": "Handläggare Test",
            "legal_basis": "SoL",
            "form": "familjehem",
            "start_date": "2024-03-01",
        }],
    }
def write(name, kids):
    with open(f"{work}/{name}", "w") as f:
        json.dump({"format": "placeringar", "version": 1, "children": kids,
                   "contacts": [], "deviations": []}, f)
write("small.json", [child(i) for i in range(5)])
write("large.json", [child(i) for i in range(5, 5 + count)])
PY

count_children() { "$cli" --database "$db" children 2>/dev/null | wc -l; }

if "$cli" --database "$db" import "$work/small.json" >/dev/null 2>"$work/err"; then ok "import the small file"; else not_ok "import the small file" "$work/err"; fi
before=$(count_children)
after=$((before + children))

# When a whole import starts writing and when it ends, measured here on a
# database of its own by watching its write-ahead log: the kills below fall
# in that window, where a crash could leave half an import behind.  (Not a
# copy of the database: the keyring holds a key per database path.)
"$cli" --database "$work/timing.db" import "$work/small.json" >/dev/null 2>&1
start=$(date +%s%N)
"$cli" --database "$work/timing.db" import "$work/large.json" >/dev/null 2>&1 &
pid=$!
first_write_ms=""
while kill -0 "$pid" 2>/dev/null; do
  if [ -z "$first_write_ms" ] && [ "$(stat -c %s "$work/timing.db-wal" 2>/dev/null || echo 0)" -gt 0 ]; then
    first_write_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  fi
  sleep 0.002
done
wait "$pid" || { echo "Bail out! the timing import failed"; exit 1; }
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ -n "$first_write_ms" ] || first_write_ms=$((duration_ms / 2))
echo "# a whole import of $children children takes $duration_ms ms and writes from $first_write_ms ms on"

# A kill while the import writes leaves more in the write-ahead log than a
# database at rest holds: at least one round must hit that window, or the
# test proves nothing.
wal_at_rest=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
killed_while_writing=0

for round in $(seq 1 "$rounds"); do
  # Wait until the import writes, then kill it at a point spread over the
  # time writing took in the timing run.
  "$cli" --database "$db" import "$work/large.json" >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(stat -c %s "$db-wal" 2>/dev/null || echo 0)" -le "$wal_at_rest" ]; do
    sleep 0.001
  done
  delay_ms=$(( (duration_ms - first_write_ms) * (round - 1) / rounds ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  wal_before_kill=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  echo "# round $round: killed $delay_ms ms into the writing, with $wal_before_kill bytes in the write-ahead log"
  [ "$wal_before_kill" -gt "$wal_at_rest" ] && killed_while_writing=$((killed_while_writing + 1))
  if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "round $round (killed $delay_ms ms into the writing): check passes"; else not_ok "round $round: check passes" "$work/out"; fi
  now=$(count_children)
  if [ "$now" -eq "$before" ] || [ "$now" -eq "$after" ]; then
    ok "round $round: all or nothing ($now children)"
  else
    not_ok "round $round: all or nothing (found $now children, expected $before or $after)"
  fi
done

if [ "$killed_while_writing" -gt 0 ]; then ok "$killed_while_writing of $rounds kills came while the import was writing"; else not_ok "no kill came while the import was writing"; fi

if "$cli" --database "$db" import "$work/large.json" >/dev/null 2>"$work/err"; then ok "an import that is left alone completes"; else not_ok "an import that is left alone completes" "$work/err"; fi
now=$(count_children)
if [ "$now" -eq "$after" ]; then ok "then the database holds everything ($now children)"; else not_ok "then the database holds everything (found $now, expected $after)"; fi

echo "1..$n"
exit $failed
