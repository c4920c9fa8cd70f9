#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# placeringar-cli against hostile files and careless hands (issue 12),
# with real files, real processes and a real keyring (run it under
# tests/session-run).  Prints TAP.
#
#   test-hostile.sh PLACERINGAR_CLI TESTS_SOURCE_DIR
#
#  - an output file that is a database, or one of its files, by any name:
#    refused, the database as it was, nothing logged, nothing left behind
#  - JSON nested 100,000 levels deep: a message, not SIGSEGV
#  - NUL and unpaired surrogates in strings: refused, never cut or repaired
#  - spreadsheet formulas in CSV cells: shown as text
#  - a ref that is a personal identity number: refused, and quoted nowhere
#  - a long passphrase: read whole; a backup cut short: "damaged"

set -u

cli=${1:?usage: test-hostile.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-hostile.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/interchange/full.json
py=/usr/bin/python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then ok "$what"; else not_ok "$what" "$work/err"; fi; }
# Fails with a message and an exit status from 1 to 127: never a signal
check_refused() {
  local what=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" -ge 1 ] && [ "$rc" -lt 128 ] && [ -s "$work/err" ]; then ok "$what (exit $rc)"; else not_ok "$what (exit $rc)" "$work/err"; fi
}
err_has() { if grep -qF -- "$2" "$work/err"; then ok "$1"; else not_ok "$1: no “$2”" "$work/err"; fi; }
err_lacks() { if grep -qF -- "$2" "$work/err"; then not_ok "$1: “$2”" "$work/err"; else ok "$1"; fi; }
same_export() {
  "$cli" --database "$db" export > "$work/now.json" 2>"$work/export-err"
  if cmp -s "$work/before.json" "$work/now.json"; then ok "$1"; else not_ok "$1" "$work/export-err"; fi
}
no_temporary_files() {
  if find "$work" -maxdepth 2 -name '.*.??????' | grep -q .; then
    find "$work" -maxdepth 2 -name '.*.??????' > "$work/left"; not_ok "$1" "$work/left"
  else ok "$1"; fi
}
audit_lines() { "$cli" --database "$db" audit 2>/dev/null | wc -l; }

check "import the fixture" "$cli" --database "$db" import "$fixture"
"$cli" --database "$db" export > "$work/before.json" 2>/dev/null

# 1. No output over a database or its files, by any name
cd "$work" || exit 1
ln -s placeringar.db link.db
ln placeringar.db hard.db
mkdir -p sub
ln -s "$work" folder-link
"$cli" --database "$work/other.db" import "$fixture" >/dev/null 2>&1   # known to the keyring only
audit_before=$(audit_lines)
for target in "$db" ./placeringar.db placeringar.db link.db hard.db sub/../placeringar.db \
              folder-link/placeringar.db placeringar.db-wal placeringar.db-shm placeringar.db-journal other.db; do
  check_refused "export -o $target is refused" "$cli" --database "$db" export -o "$target"
  err_has "export -o $target: says it is a database" "is a Placements database or one of its files"
done
check_refused "report --format csv -o the database is refused" "$cli" --database "$db" report --year 2025 --format csv -o link.db
check_refused "report --format json -o the database is refused" "$cli" --database "$db" report --year 2025 --format json -o hard.db
check_refused "report --format pdf -o the database is refused" "$cli" --database "$db" report --year 2025 --format pdf -o placeringar.db
check_refused "backup over the database is refused" "$cli" --database "$db" backup --passphrase-file - placeringar.db <<<"a long passphrase"
check_refused "backup over its -wal is refused" "$cli" --database "$db" backup --passphrase-file - ./placeringar.db-wal <<<"a long passphrase"
check_refused "audit -o over its -shm is refused" "$cli" --database "$db" audit --format csv -o placeringar.db-shm
audit_after=$(audit_lines)
if [ "$(readlink link.db)" = placeringar.db ] && [ "$(stat -c %i hard.db)" = "$(stat -c %i "$db")" ]; then
  ok "the symlink and the hard link are as they were"
else
  not_ok "the symlink and the hard link are as they were"
fi
check "check after the refusals" "$cli" --database "$db" check
same_export "the database holds exactly what it held"
if [ "$audit_after" -eq "$audit_before" ]; then ok "a refused output leaves no audit entry"; else not_ok "a refused output leaves no audit entry ($audit_before lines, then $audit_after)"; fi
no_temporary_files "no temporary file is left behind"

# Beside it: written, by a rename, readable by its owner when personal
check "export -o a new file" "$cli" --database "$db" export -o "$work/export.json"
if [ "$(stat -c %a "$work/export.json")" = 600 ]; then ok "the export is mode 0600"; else not_ok "the export is mode 0600"; fi
echo old > "$work/old.json"; chmod 644 "$work/old.json"; old_inode=$(stat -c %i "$work/old.json")
check "export -o over an ordinary file" "$cli" --database "$db" export -o "$work/old.json"
if [ "$(stat -c %a "$work/old.json")" = 600 ] && [ "$(stat -c %i "$work/old.json")" != "$old_inode" ] && cmp -s "$work/old.json" "$work/before.json"; then
  ok "an ordinary file is replaced by a rename, mode 0600"
else
  not_ok "an ordinary file is replaced by a rename, mode 0600"
fi
cd / || exit 1

# 2. JSON nested 100,000 levels deep
"$py" - "$work" <<'PY'
import sys
work, n = sys.argv[1], 100000
open(f'{work}/deep.json', 'w').write('{"format":"placeringar","version":1,"children":' + '[' * n + ']' * n + '}')
open(f'{work}/deep-objects.json', 'w').write('{"format":"placeringar","version":1,"children":[' + '{"a":' * n + '1' + '}' * n + ']}')
open(f'{work}/deep-profile.json', 'w').write('{"id":"x","rules":' + '[' * n + ']' * n + '}')
PY
check_refused "import of arrays nested 100,000 deep ends with a message" "$cli" --database "$db" import "$work/deep.json"
err_has "and the message names the limit" "more than 64 levels deep"
check_refused "import of objects nested 100,000 deep ends with a message" "$cli" --database "$db" import "$work/deep-objects.json"
check_refused "profiles validate of a profile nested 100,000 deep ends with a message" "$cli" profiles validate "$work/deep-profile.json"
err_has "and the message names the file and the limit" "deep-profile.json: The file nests arrays and objects more than 64 levels deep"
same_export "a deep file changes nothing"

# 3. NUL and surrogates: refused with the field named, never cut or repaired
"$py" - "$work" "$fixture" <<'PY'
import json, sys
work, fixture = sys.argv[1], sys.argv[2]
text = open(fixture, encoding='utf-8').read()
def write(name, old, new):
    assert old in text
    open(f'{work}/{name}', 'w', encoding='utf-8').write(text.replace(old, new, 1))
# Were it cut at the NUL, it would match child-alva and rename her
write('nul.json', '"ref": "child-alva",\n      "name": "Alva Exempelsson"', '"ref": "child-alva\\u0000zzz",\n      "name": "Changed Name"')
write('surrogate.json', '"ref": "child-alva",\n      "name": "Alva Exempelsson"', '"ref": "child-alva\\ud800",\n      "name": "Changed Name"')
write('low-surrogate.json', '"name": "Alva Exempelsson"', '"name": "Alva \\udc00Exempelsson"')
PY
check_refused "a ref with \\u0000 is refused" "$cli" --database "$db" import "$work/nul.json"
err_has "naming the field" '$.children[0].ref: holds the character U+0000'
check_refused "a ref with a lone high surrogate is refused" "$cli" --database "$db" import "$work/surrogate.json"
err_has "naming the field" '$.children[0].ref: holds the first half of a UTF-16 surrogate pair'
check_refused "a name with a lone low surrogate is refused" "$cli" --database "$db" import "$work/low-surrogate.json"
err_has "naming the field" '$.children[0].name: holds the second half'
same_export "nothing was matched, cut or overwritten"

# 4. Spreadsheet formulas in CSV cells
cat > "$work/formulas.json" <<'JSON'
{"format": "placeringar", "version": 1, "children": [{
  "ref": "=cmd|' /C calc'!A0", "name": "Test Testsson", "temporary_ref": "T-1",
  "birth_date": "2015-01-01", "legal_gender": "female", "home_municipality": "2080",
  "placements": [{"ref": "@SUM(1+1)", "placing_municipality": "2080", "caseworker": "=HYPERLINK(\"http://x/\";\"y\")",
                  "legal_basis": "SoL", "form": "familjehem", "start_date": "2024-03-01"}]}]}
JSON
check "import refs and a caseworker that look like formulas" "$cli" --database "$db" import "$work/formulas.json"
check "audit --format csv" "$cli" --database "$db" audit --format csv -o "$work/audit.csv"
if grep -qF ";'=cmd|' /C calc'!A0" "$work/audit.csv" && grep -qF ";'@SUM(1+1)" "$work/audit.csv" \
   && ! grep -qE '(^|;)"?[=@+-]' "$work/audit.csv"; then
  ok "the audit CSV shows formulas as text"
else
  not_ok "the audit CSV shows formulas as text" "$work/audit.csv"
fi
if head -c 3 "$work/audit.csv" | od -An -tx1 | grep -q 'ef bb bf'; then ok "the audit CSV starts with a byte order mark"; else not_ok "the audit CSV starts with a byte order mark"; fi
if [ "$(stat -c %a "$work/audit.csv")" = 600 ]; then ok "the audit CSV is mode 0600"; else not_ok "the audit CSV is mode 0600"; fi
check "report for the formula caseworker" "$cli" --database "$db" report --year 2024 --format csv \
  --caseworker '=HYPERLINK("http://x/";"y")' --today 2024-12-20 -o "$work/report.csv"
if grep -qF $';"\'=HYPERLINK(""http://x/"";""y"")";' "$work/report.csv" && ! grep -qE '(^|;)"?[=@+]' "$work/report.csv"; then
  ok "the report CSV shows the caseworker's formula as text"
else
  not_ok "the report CSV shows the caseworker's formula as text" "$work/report.csv"
fi

# 5. A ref that is a personal identity number
"$py" - "$work" "$fixture" <<'PY'
import sys
work, fixture = sys.argv[1], sys.argv[2]
text = open(fixture, encoding='utf-8').read()
open(f'{work}/pnr-ref.json', 'w', encoding='utf-8').write(text.replace('"ref": "child-noah"', '"ref": "19121212-1212"', 1))
open(f'{work}/pnr-previous.json', 'w', encoding='utf-8').write(text.replace('"previous": "pl-alva-1"', '"previous": "barn-191212121212"', 1))
PY
check_refused "a ref that is a personal identity number is refused" "$cli" --database "$db" import "$work/pnr-ref.json"
err_has "saying why" "must not hold a personal identity number"
err_lacks "without quoting it" "1212"
check_refused "a ref to another record that holds one is refused" "$cli" --database "$db" import "$work/pnr-previous.json"
err_lacks "without quoting it" "1212"
if "$cli" --database "$db" audit 2>/dev/null | grep -q 1212; then not_ok "the audit log holds no such ref"; else ok "the audit log holds no such ref"; fi

# 6. A long passphrase, read whole; a backup cut short
"$py" -c 'print("lång lösenfras " * 140)' > "$work/long-pass"      # 2,100 characters
check "backup with a 2,100-character passphrase from standard input" \
  "$cli" --database "$db" backup --passphrase-file - "$work/long.plcbak" < "$work/long-pass"
check "restore it with the passphrase from a file" \
  "$cli" --database "$work/restored.db" restore --passphrase-file "$work/long-pass" "$work/long.plcbak"
head -c 2000 "$work/long-pass" > "$work/cut-pass"
check_refused "the first 2,000 bytes of it do not restore it" \
  "$cli" --database "$work/restored-2.db" restore --passphrase-file "$work/cut-pass" "$work/long.plcbak"
"$py" -c 'print("x" * 5000)' > "$work/too-long-pass"
check_refused "a passphrase longer than 4096 bytes is refused" \
  "$cli" --database "$db" backup --passphrase-file - "$work/too-long.plcbak" < "$work/too-long-pass"
err_has "naming the limit" "longer than 4096 bytes"
size=$(stat -c %s "$work/long.plcbak")
for cut in 500 $((size / 2)) $((size - 1024)) $((size - 1)); do
  head -c "$cut" "$work/long.plcbak" > "$work/cut.plcbak"
  check_refused "a backup cut to $cut of $size bytes is refused" \
    "$cli" --database "$work/restored-cut.db" restore --passphrase-file "$work/long-pass" "$work/cut.plcbak"
  err_has "as damaged" "The backup is damaged"
done

echo "1..$n"
exit $failed
