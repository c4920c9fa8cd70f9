#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# placeringar-cli end to end, against a real SQLCipher file and a real
# keyring (run it under tests/session-run).  Prints TAP.
#
#   test-cli.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-cli.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-cli.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/interchange/full.json

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/placeringar.db

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then ok "$what"; else not_ok "$what" "$work/err"; fi; }
check_fails() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then not_ok "$what (it succeeded)"; else ok "$what"; fi; }

# Names and personal identity numbers of the fixture: none may leak.
mapfile -t secrets < <(/usr/bin/python3 - "$fixture" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d.get('children', []):
    print(c['name'])
    if c.get('personnummer'):
        print(c['personnummer'])
        print(c['personnummer'].replace('-', ''))
PY
)
[ "${#secrets[@]}" -gt 0 ] || { echo "Bail out! no names in $fixture"; exit 1; }

contains_secret() {
  local s
  for s in "${secrets[@]}"; do
    grep -aqF -- "$s" "$1" && return 0
  done
  return 1
}

for c in import export children placements backup restore check audit; do
  check "$c --help" "$cli" "$c" --help
done

check "import the fixture" "$cli" --database "$db" import "$fixture"
check "check after import" "$cli" --database "$db" check
check "export" "$cli" --database "$db" export -o "$work/export1.json"
if cmp -s "$fixture" "$work/export1.json"; then ok "export equals the imported file"; else diff "$fixture" "$work/export1.json" > "$work/diff"; not_ok "export equals the imported file" "$work/diff"; fi

"$cli" --database "$db" audit > "$work/audit-before" 2>&1
check "import the same file again" "$cli" --database "$db" import "$fixture"
"$cli" --database "$db" export > "$work/export2.json"
if cmp -s "$work/export1.json" "$work/export2.json"; then ok "importing twice changes nothing"; else not_ok "importing twice changes nothing"; fi
"$cli" --database "$db" audit > "$work/audit-after" 2>&1
added=$(( $(wc -l < "$work/audit-after") - $(wc -l < "$work/audit-before") ))
# the second import and the export after it
if [ "$added" -eq 2 ] && tail -n 2 "$work/audit-after" | grep -q $'\timport\t'; then ok "the second import wrote only its own audit line"; else not_ok "the second import wrote only its own audit line (added $added lines)" "$work/audit-after"; fi

children=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["children"]))' "$fixture")
"$cli" --database "$db" children > "$work/children"
if [ "$(wc -l < "$work/children")" -eq "$children" ]; then ok "children lists every child"; else not_ok "children lists every child" "$work/children"; fi
check "placements" "$cli" --database "$db" placements

if contains_secret "$work/audit-after"; then not_ok "the audit log holds no names or personal identity numbers"; else ok "the audit log holds no names or personal identity numbers"; fi
if grep -q $'\timport\t' "$work/audit-after" && grep -q $'\texport\t' "$work/audit-after"; then ok "audit records import and export"; else not_ok "audit records import and export" "$work/audit-after"; fi
check "audit --since" "$cli" --database "$db" audit --since 2000-01-01
check_fails "audit --since with a bad date" "$cli" --database "$db" audit --since 2000-13-01
check_fails "audit --until before --since" "$cli" --database "$db" audit --since 2001-01-02 --until 2001-01-01
check_fails "audit --format with an unknown format" "$cli" --database "$db" audit --format xml
check_fails "audit --separator with an unknown separator" "$cli" --database "$db" audit --format csv --separator tab
# The whole log up to today, as CSV with a header; nothing before 2001
today=$(date +%F)
"$cli" --database "$db" audit --until "$today" --format csv > "$work/audit.csv" 2>&1
"$cli" --database "$db" audit --until 2000-12-31 > "$work/audit-old" 2>&1
if head -n 1 "$work/audit.csv" | grep -q $'^\xef\xbb\xbftime;user;action;record_type;record_id;record_ref\r$' \
   && [ $(( $(wc -l < "$work/audit.csv") - 1 )) -eq "$(wc -l < "$work/audit-after")" ] \
   && grep -q ';import;database;0;' "$work/audit.csv" && [ ! -s "$work/audit-old" ]; then
  ok "audit --until --format csv: a header, then the log of the period"
else
  not_ok "audit --until --format csv: a header, then the log of the period" "$work/audit.csv"
fi
"$cli" --database "$db" audit --until "$today" --format csv --no-bom -o "$work/audit-no-bom.csv" 2>"$work/err"
if tail -c +4 "$work/audit.csv" | cmp -s - "$work/audit-no-bom.csv" && [ "$(stat -c %a "$work/audit-no-bom.csv")" = 600 ]; then
  ok "audit --no-bom -o FILE: the same without the byte order mark, readable by its owner only"
else
  not_ok "audit --no-bom -o FILE: the same without the byte order mark, readable by its owner only" "$work/err"
fi
"$cli" --database "$db" audit --format csv --separator comma > "$work/audit-comma.csv" 2>&1
if head -n 1 "$work/audit-comma.csv" | grep -q '^time,user,action,record_type,record_id,record_ref' \
   && grep -q ',import,database,0,' "$work/audit-comma.csv"; then
  ok "audit --separator comma"
else
  not_ok "audit --separator comma" "$work/audit-comma.csv"
fi
if contains_secret "$work/audit.csv"; then not_ok "the audit CSV holds no names or personal identity numbers"; else ok "the audit CSV holds no names or personal identity numbers"; fi

cat "$db"* > "$work/raw" 2>/dev/null
if contains_secret "$work/raw"; then not_ok "the database files hold no names or personal identity numbers in clear"; else ok "the database files hold no names or personal identity numbers in clear"; fi

# A bad file: refused with its JSON path, nothing changed.
sed 's/"start_date"/"colour"/' "$fixture" > "$work/bad.json"
check_fails "a file with an unknown field is refused" "$cli" --database "$db" import "$work/bad.json"
if grep -q '\$\.children\[' "$work/err"; then ok "the error names the JSON path"; else not_ok "the error names the JSON path" "$work/err"; fi
if contains_secret "$work/err"; then not_ok "the error holds no personal data"; else ok "the error holds no personal data"; fi
"$cli" --database "$db" export > "$work/export3.json"
if cmp -s "$work/export1.json" "$work/export3.json"; then ok "a refused import changes nothing"; else not_ok "a refused import changes nothing"; fi

# Backup and restore.
printf 'correct horse battery staple\n' > "$work/pass"
printf 'wrong passphrase here\n' > "$work/wrong"
check "backup" "$cli" --database "$db" backup --passphrase-file "$work/pass" "$work/backup.plcbak"
if contains_secret "$work/backup.plcbak"; then not_ok "the backup is encrypted"; else ok "the backup is encrypted"; fi
check_fails "restore with a wrong passphrase is refused" "$cli" --database "$work/restored.db" restore --passphrase-file "$work/wrong" "$work/backup.plcbak"
if [ -e "$work/restored.db" ] && [ -s "$work/restored.db" ]; then not_ok "a refused restore writes no database"; else ok "a refused restore writes no database"; fi
rm -f "$work/restored.db"
check "restore into a new database" "$cli" --database "$work/restored.db" restore --passphrase-file "$work/pass" "$work/backup.plcbak"
"$cli" --database "$work/restored.db" export > "$work/export4.json" 2>"$work/err"
if cmp -s "$work/export1.json" "$work/export4.json"; then ok "the restored database holds the same data"; else not_ok "the restored database holds the same data" "$work/err"; fi
check_fails "restore refuses to replace an existing database without --replace" "$cli" --database "$db" restore --passphrase-file "$work/pass" "$work/backup.plcbak"

check_fails "an unknown command is refused" "$cli" --database "$db" frobnicate
check_fails "check of a missing database fails" "$cli" --database "$work/nothing.db" check

echo "1..$n"
exit $failed
