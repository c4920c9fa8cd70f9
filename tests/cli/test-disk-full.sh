#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Disk full: placeringar-cli runs with a file size limit (RLIMIT_FSIZE, with
# SIGXFSZ ignored so that write() fails with EFBIG, as on a full disk) while
# it imports a large file, and while it exports and backs up.  Each time it
# must fail with a clear message and a non-zero exit, and afterwards, without
# the limit, the database must pass `check` and hold exactly what it held
# before.  Run it under tests/session-run (it needs the keyring).  Prints TAP.
#
#   test-disk-full.sh PLACERINGAR_CLI

set -u

cli=${1:?usage: test-disk-full.sh PLACERINGAR_CLI}
children=${PLC_DISK_FULL_CHILDREN:-3000}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }

# Runs the CLI with files limited to $1 KiB; its standard error goes to a
# file outside the limit's reach (a pipe), so that the message is kept.
limited() {
  local kib=$1
  shift
  ( trap '' XFSZ; ulimit -f "$kib"; exec "$cli" --database "$db" "$@" ) 2>&1 >/dev/null | cat >"$work/err"
  return "${PIPESTATUS[0]}"
}

/usr/bin/python3 - "$work" "$children" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
def child(i):
    return {
        "ref": f"full-{i}",
        "name": f"Testbarn {i}",
        "temporary_ref": f"T-{i}",
        "birth_date": f"{2006 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "legal_gender": "female" if i % 2 else "male",
        "home_municipality": "2080",
        "placements": [{
            "ref": f"full-{i}-p1",
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

if "$cli" --database "$db" import "$work/small.json" >/dev/null 2>"$work/err"; then ok "import the small file"; else not_ok "import the small file" "$work/err"; fi
"$cli" --database "$db" export -o "$work/before.json" 2>"$work/err" || { echo "Bail out! export failed: $(cat "$work/err")"; exit 1; }
db_kib=$(( ($(stat -c %s "$db") + 1023) / 1024 ))
base_kib=$(( db_kib > 32 ? db_kib : 32 ))

# How much the import adds, measured on a database of its own (not a copy:
# the keyring holds a key per database path).  Every page it adds passes
# through the write-ahead log, so a limit below that cannot hold it.
"$cli" --database "$work/timing.db" import "$work/small.json" >/dev/null 2>&1
"$cli" --database "$work/timing.db" import "$work/large.json" >/dev/null 2>&1
grown_kib=$(( $(stat -c %s "$work/timing.db") / 1024 - db_kib ))
echo "# the database takes $db_kib KiB; the import adds $grown_kib KiB"
[ "$grown_kib" -gt 400 ] || { echo "Bail out! the import adds too little ($grown_kib KiB) to test"; exit 1; }

# Limits from just above what the database already takes (its file and the
# 32 KiB shared-memory index) to near the end of what the import writes:
# the write fails early, in the middle and late in the transaction.
for extra in 8 $((grown_kib / 4)) $((grown_kib / 2)) $((grown_kib * 3 / 4)) $((grown_kib - base_kib - 64)); do
  limit=$(( base_kib + extra ))
  limited "$limit" import "$work/large.json"
  rc=$?
  what="import with files limited to $limit KiB"
  if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ]; then ok "$what: fails (exit $rc)"; else not_ok "$what: fails with an error, not a signal (exit $rc)" "$work/err"; fi
  if grep -q "ran out of room while saving: the disk is full" "$work/err"; then
    ok "$what: says that there is no room"
  else
    not_ok "$what: says that there is no room" "$work/err"
  fi
  if grep -q "Testbarn\|full-[0-9]" "$work/err"; then not_ok "$what: the message names no child" "$work/err"; else ok "$what: the message names no child"; fi

  if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "$what: then check passes"; else not_ok "$what: then check passes" "$work/out"; fi
  "$cli" --database "$db" export -o "$work/after.json" 2>"$work/err"
  if cmp -s "$work/before.json" "$work/after.json"; then
    ok "$what: then the database holds exactly what it held"
  else
    diff "$work/before.json" "$work/after.json" | head -20 >"$work/diff"
    not_ok "$what: then the database holds exactly what it held" "$work/diff"
  fi
done

# Writing files other than the database: a clear message, no half file
# taken for a whole one, and the database untouched.

"$cli" --database "$db" import "$work/large.json" >/dev/null 2>"$work/err" || not_ok "import without a limit" "$work/err"
"$cli" --database "$db" export -o "$work/full-before.json" 2>"$work/err"
limit=$(( $(stat -c %s "$work/full-before.json") / 2048 ))
limited "$limit" export -o "$work/export.json"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && grep -q "File too large" "$work/err"; then ok "export to a file limited to $limit KiB fails with a message"; else not_ok "export to a file limited to $limit KiB fails with a message (exit $rc)" "$work/err"; fi
if [ -e "$work/export.json" ] && "$cli" --database "$work/other.db" import "$work/export.json" >/dev/null 2>&1; then
  not_ok "the cut-off export is not left behind as a file that imports"
else
  ok "the cut-off export is not left behind as a file that imports"
fi
limited "$limit" backup --passphrase-file - "$work/backup.db" <<<"a passphrase for the test"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && grep -q "ran out of room while copying the database" "$work/err"; then ok "backup limited to $limit KiB fails with a message"; else not_ok "backup limited to $limit KiB fails with a message (exit $rc)" "$work/err"; fi
if [ -e "$work/backup.db" ]; then not_ok "the cut-off backup is not left behind"; else ok "the cut-off backup is not left behind"; fi
if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "then check passes"; else not_ok "then check passes" "$work/out"; fi
"$cli" --database "$db" export -o "$work/full-after.json" 2>"$work/err"
if cmp -s "$work/full-before.json" "$work/full-after.json"; then ok "and the database holds what it held"; else not_ok "and the database holds what it held"; fi


# Without a limit the same import completes.
"$cli" --database "$db" export -o "$work/final.json" 2>"$work/err"
if grep -q "full-$((children + 4))-p1" "$work/final.json"; then ok "an import without a limit completes"; else not_ok "an import without a limit completes"; fi

echo "1..$n"
exit $failed
