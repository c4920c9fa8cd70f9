#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A damaged database file: truncated to half, to a page boundary, to a few
# bytes, and with bytes overwritten in its first page, in the middle and
# near the end.  `check`, `children`, `export` and `import` must each end
# with an exit status (no signal, no sanitizer report), `check` and
# `import` must refuse with a clear message, and the file must keep exactly
# its damaged bytes: nothing writes over what might still be rescued.
# Run it under tests/session-run (it needs the keyring).  Prints TAP.
#
#   test-damaged.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-damaged.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-damaged.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/interchange/full.json

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }

# Enough records for a file of some hundred pages.
/usr/bin/python3 - "$work" <<'PY'
import json, sys
kids = [{
    "ref": f"damaged-{i}",
    "name": f"Testbarn {i}",
    "temporary_ref": f"T-{i}",
    "birth_date": f"{2006 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
    "legal_gender": "female" if i % 2 else "male",
    "home_municipality": "2080",
    "placements": [{"ref": f"damaged-{i}-p1", "placing_municipality": "2080",
                    "legal_basis": "SoL", "form": "familjehem", "start_date": "2024-03-01"}],
} for i in range(600)]
with open(f"{sys.argv[1]}/many.json", "w") as f:
    json.dump({"format": "placeringar", "version": 1, "children": kids}, f)
PY

"$cli" --database "$db" import "$work/many.json" >/dev/null 2>"$work/err" || { echo "Bail out! import failed: $(cat "$work/err")"; exit 1; }
"$cli" --database "$db" import "$fixture" >/dev/null 2>"$work/err" || { echo "Bail out! import failed: $(cat "$work/err")"; exit 1; }
[ ! -e "$db-wal" ] || [ ! -s "$db-wal" ] || { echo "Bail out! the write-ahead log was not checkpointed"; exit 1; }
cp "$db" "$work/intact.db"
size=$(stat -c %s "$db")
page=1024
echo "# the database has $size bytes"

# Bytes that no longer decrypt: SQLCipher's per-page HMAC catches them.
overwrite() { printf '\xde\xad\xbe\xef\xde\xad\xbe\xef' | dd of="$db" bs=1 seek="$1" conv=notrunc status=none; }

damage() {
  cp "$work/intact.db" "$db"
  rm -f "$db-wal" "$db-shm"
  case $1 in
    half) truncate -s $((size / 2 + 123)) "$db" ;;
    page-boundary) truncate -s $((size / 2 / page * page)) "$db" ;;
    few-bytes) truncate -s 10 "$db" ;;
    first-page) overwrite 200 ;;
    middle) overwrite $((size / 2 + 100)) ;;
    near-end) overwrite $((size - 300)) ;;
  esac
  cp "$db" "$work/damaged.db"
}

# What `check` and `import` may say: the file is damaged, or (when the
# first page is hit, which holds what tells a key from a wrong one) cannot
# be read with this key.
clear_message='damaged\|cannot be read with this key\|failed its integrity check'

for kind in half page-boundary few-bytes first-page middle near-end; do
  for command in check children export import; do
    damage "$kind"
    args=("$command")
    [ "$command" = import ] && args+=("$fixture")
    "$cli" --database "$db" "${args[@]}" >"$work/out" 2>"$work/err"
    rc=$?
    what="$kind: $command"

    if [ "$rc" -lt 128 ]; then ok "$what ends with an exit status ($rc)"; else not_ok "$what ends with an exit status, not a signal ($rc)" "$work/err"; fi
    if grep -q "ERROR: AddressSanitizer\|runtime error:\|LeakSanitizer" "$work/err"; then not_ok "$what: sanitizer-clean" "$work/err"; else ok "$what: sanitizer-clean"; fi

    case $command in
      check|import)
        if [ "$rc" -ne 0 ] && grep -q "$clear_message" "$work/err"; then
          ok "$what refuses with a clear message"
        else
          not_ok "$what refuses with a clear message (exit $rc)" "$work/err"
        fi
        ;;
      *)
        # A list or an export may get by on pages that are intact; when it
        # does not, it says why.
        if [ "$rc" -eq 0 ] || grep -q "$clear_message" "$work/err"; then
          ok "$what works or refuses with a clear message"
        else
          not_ok "$what works or refuses with a clear message (exit $rc)" "$work/err"
        fi
        ;;
    esac
    if grep -q "Testbarn\|Test Testsson" "$work/err"; then not_ok "$what: the message names no child" "$work/err"; else ok "$what: the message names no child"; fi

    if cmp -s "$db" "$work/damaged.db"; then
      ok "$what leaves the file as it was"
    else
      not_ok "$what leaves the file as it was ($(stat -c %s "$db") bytes, was $(stat -c %s "$work/damaged.db"))"
    fi
  done
done

# The intact file back in place: everything is still there.
cp "$work/intact.db" "$db"
rm -f "$db-wal" "$db-shm"
if "$cli" --database "$db" check >"$work/out" 2>&1; then ok "the intact file passes check"; else not_ok "the intact file passes check" "$work/out"; fi
if [ "$("$cli" --database "$db" children 2>/dev/null | wc -l)" -ge 600 ]; then ok "and lists every child"; else not_ok "and lists every child"; fi

echo "1..$n"
exit $failed
