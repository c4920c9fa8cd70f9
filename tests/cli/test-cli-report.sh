#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# placeringar-cli report, the yearly follow-up, end to end against a real
# SQLCipher file and keyring (run under tests/session-run), with the
# fixture whose figures tests/test-follow-up.c works out by hand. Prints TAP.
#
#   test-cli-report.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-cli-report.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-cli-report.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/follow-up/follow-up.json

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data
db=$work/placeringar.db
py=/usr/bin/python3

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# meson shows a failed TAP test's standard error, not its output: say why there too
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; echo "not ok $n - $1" >&2; [ -n "${2:-}" ] && sed 's/^/# /' "$2" && cat "$2" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then ok "$what"; else not_ok "$what" "$work/err"; fi; }
check_fails() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then not_ok "$what (it succeeded)"; else ok "$what"; fi; }
err_has() { if grep -qF -- "$2" "$work/err"; then ok "$1"; else not_ok "$1" "$work/err"; fi; }
# py_check WHAT FILE PYTHON-EXPRESSION: over the report JSON in FILE as `d`, with cell(table, row, column)
py_check() {
  if "$py" - "$2" "$3" >"$work/py" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def cell(table, row, column):
    t = [t for t in d['tables'] if t['id'] == table][0]
    return [r for r in t['rows'] if r['id'] == row][0]['cells'][column]
ok = eval(sys.argv[2])
if not ok:
    print('false:', sys.argv[2])
    sys.exit(1)
PY
  then ok "$1"; else not_ok "$1" "$work/py"; fi
}

# The fixture's names and personal identity numbers, in each form
mapfile -t secrets < <("$py" - "$fixture" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d.get('children', []):
    print(c['name'])
    for part in c['name'].split():
        print(part)
    if c.get('personnummer'):
        print(c['personnummer'])
        print(c['personnummer'].replace('-', ''))
        print(c['personnummer'][2:])
PY
)
[ "${#secrets[@]}" -gt 0 ] || { echo "Bail out! no names in $fixture"; exit 1; }
no_secret() {
  local s
  for s in "${secrets[@]}"; do
    if grep -aqF -- "$s" "$2"; then not_ok "$1 (it holds one of the fixture's names or numbers)"; return; fi
  done
  ok "$1"
}

check "report --help" "$cli" report --help
for o in --year --municipality --caseworker --format --separator --output --today; do
  if grep -qF -- "$o" "$work/out"; then ok "report --help names $o"; else not_ok "report --help names $o" "$work/out"; fi
done

check "import the fixture" "$cli" --database "$db" import "$fixture"

# Bad options: a clear message, exit status 2, nothing written
check_fails "--year is required" "$cli" --database "$db" report --format csv
err_has "and the message says so" "--year"
check_fails "--year must be four digits" "$cli" --database "$db" report --year 24 --format csv
err_has "and the message says what a year is" "four digits"
check_fails "--format is required" "$cli" --database "$db" report --year 2024
err_has "and the message names the formats" "csv, json or pdf"
check_fails "--format xml is refused" "$cli" --database "$db" report --year 2024 --format xml
check_fails "--separator tab is refused" "$cli" --database "$db" report --year 2024 --format csv --separator tab
err_has "and the message names the separators" "semicolon or comma"
check_fails "--separator is for csv only" "$cli" --database "$db" report --year 2024 --format json --separator comma
check_fails "an unknown municipality is refused" "$cli" --database "$db" report --year 2024 --format csv --municipality Atlantis
err_has "and the message names the option" "--municipality"
check_fails "a bad --today is refused" "$cli" --database "$db" report --year 2024 --format csv --today 2024-02-30
err_has "and the message names the option" "--today"
check_fails "an extra argument is refused" "$cli" --database "$db" report 2024 --year 2024 --format csv

# JSON
check "report json to a file" "$cli" --database "$db" report --year 2024 --format json --today 2024-12-20 -o "$work/report.json"
py_check "json: year, period, generated" "$work/report.json" \
  "d['year'] == 2024 and d['period'] == {'from': '2024-01-01', 'to': '2024-12-31'} and d['generated'] == '2024-12-20'"
py_check "json: everyone selected" "$work/report.json" "d['selection'] == {'municipality': None, 'caseworker': None}"
py_check "json: the agreements" "$work/report.json" \
  "d['agreements'] == ['National baseline (the law) (2025.2)', 'Region Dalarna and its 15 municipalities (2022.2)']"
py_check "json: the eleven tables, in order" "$work/report.json" \
  "[t['id'] for t in d['tables']] == ['placed-children', 'placed-children-by-legal-basis', 'placed-children-by-form', 'health-examination', 'sip', 'sip-outcome', 'sip-meeting-attendance', 'deviations-by-category', 'deviations-by-direction', 'deviations-by-escalation', 'obligations']"
py_check "json: each table has a title and a definition with the period" "$work/report.json" \
  "all(t['title'] and '2024-01-01 – 2024-12-31' in t['definition'] for t in d['tables'])"
py_check "json: placed children, 13-17, female: 6" "$work/report.json" "cell('placed-children', '13-17', 'female') == 6"
py_check "json: placed children, total: 13" "$work/report.json" "cell('placed-children', 'total', 'total') == 13"
py_check "json: a group of 2 is <5" "$work/report.json" "cell('placed-children', '13-17', 'male') == '<5'"
py_check "json: a share, 6 of 11" "$work/report.json" \
  "cell('health-examination', 'total', 'examined-share') == {'numerator': 6, 'denominator': 11, 'percent': '54.5'}"
py_check "json: a share of nobody is null" "$work/report.json" "cell('health-examination', 'unknown', 'examined-share') is None"
py_check "json: a share whose difference is small is <5" "$work/report.json" "cell('sip-outcome', 'total', 'on-time-share') == '<5'"
py_check "json: SIP meetings where all came, follow-ups: 5 of 5" "$work/report.json" \
  "cell('sip-meeting-attendance', 'sip-follow-up', 'all-attended-share') == {'numerator': 5, 'denominator': 5, 'percent': '100.0'}"
py_check "json: deviations reported, investigated" "$work/report.json" \
  "cell('deviations-by-direction', 'total', 'reported') == 8 and cell('deviations-by-direction', 'total', 'investigated') == 6"
py_check "json: no cell holds a number from 1 to 4" "$work/report.json" \
  "all(not (isinstance(v, int) and 1 <= v <= 4) and not (isinstance(v, dict) and (1 <= v['numerator'] <= 4 or 1 <= v['denominator'] <= 4 or 1 <= v['denominator'] - v['numerator'] <= 4)) for t in d['tables'] for r in t['rows'] for v in r['cells'].values())"
no_secret "json: no name or personal identity number" "$work/report.json"
check "report json to standard output" "$cli" --database "$db" report --year 2024 --format json --today 2024-12-20
if cmp -s "$work/out" "$work/report.json"; then ok "json: the same on standard output"; else not_ok "json: the same on standard output"; fi

# CSV, semicolons by default
check "report csv" "$cli" --database "$db" report --year 2024 --format csv --today 2024-12-20
cp "$work/out" "$work/report.csv"
no_secret "csv: no name or personal identity number" "$work/report.csv"
if head -n 1 "$work/report.csv" | grep -qx $'\xef\xbb\xbftable;table_title;row;row_title;column;column_title;value;definition\r'; then
  ok "csv: a byte order mark (for Excel), a header row, semicolons, CRLF"; else not_ok "csv: a byte order mark (for Excel), a header row, semicolons, CRLF" "$work/report.csv"; fi
check "report csv --no-bom" "$cli" --database "$db" report --year 2024 --format csv --no-bom --today 2024-12-20 -o "$work/report-no-bom.csv"
if tail -c +4 "$work/report.csv" | cmp -s - "$work/report-no-bom.csv"; then ok "csv --no-bom: the same without the byte order mark"; else not_ok "csv --no-bom: the same without the byte order mark" "$work/report-no-bom.csv"; fi
check_fails "report --no-bom is only for csv" "$cli" --database "$db" report --year 2024 --format json --no-bom --today 2024-12-20
check "report csv --separator comma" "$cli" --database "$db" report --year 2024 --format csv --separator comma --today 2024-12-20 -o "$work/report-comma.csv"
no_secret "csv with commas: no name or personal identity number" "$work/report-comma.csv"
if head -c 5 "$work/report-comma.csv" | grep -q '^table'; then ok "csv with commas: no byte order mark"; else not_ok "csv with commas: no byte order mark" "$work/report-comma.csv"; fi
check "report csv --separator semicolon" "$cli" --database "$db" report --year 2024 --format csv --separator semicolon --today 2024-12-20 -o "$work/report-semicolon.csv"
if cmp -s "$work/report.csv" "$work/report-semicolon.csv"; then ok "csv: semicolon is the default"; else not_ok "csv: semicolon is the default"; fi

# Both CSVs say what the JSON says, cell for cell
if "$py" - "$work/report.json" "$work/report.csv" "$work/report-comma.csv" >"$work/py" 2>&1 <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
expected = {}
for t in d['tables']:
    for r in t['rows']:
        for c, v in r['cells'].items():
            if v is None:
                v = ''
            elif isinstance(v, dict):
                v = v['percent']
            expected[(t['id'], r['id'], c)] = str(v)
for path, delimiter, decimal in ((sys.argv[2], ';', ','), (sys.argv[3], ',', '.')):
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    assert rows[0] == ['table', 'table_title', 'row', 'row_title', 'column', 'column_title', 'value', 'definition'], rows[0]
    assert all(len(r) == 8 for r in rows), path
    report = {r[2]: r[6] for r in rows[1:] if r[0] == 'report'}
    assert report['year'] == '2024' and report['generated'] == '2024-12-20' and report['municipality'] == 'All', report
    got = {(r[0], r[2], r[4]): r[6] for r in rows[1:] if r[0] != 'report'}
    assert len(got) == len(expected) == len(rows) - 1 - len(report), (len(got), len(expected))
    for key, value in expected.items():
        want = value.replace('.', decimal) if '.' in value else value
        assert got[key] == want, (path, key, got[key], want)
print('ok')
PY
then ok "csv (both separators) and json agree on every cell"; else not_ok "csv (both separators) and json agree on every cell" "$work/py"; fi

# A selection
check "report for a municipality by name" "$cli" --database "$db" report --year 2024 --format json --municipality Falun --today 2024-12-20 -o "$work/falun.json"
py_check "the municipality is named by code and name" "$work/falun.json" "d['selection']['municipality'] == {'code': '2080', 'name': 'Falun'}"
py_check "Falun: 11 children" "$work/falun.json" "cell('placed-children', 'total', 'total') == 11"
check "report for a caseworker" "$cli" --database "$db" report --year 2024 --format csv --caseworker "Alex Socialsekreterare" --today 2024-12-20 -o "$work/alex.csv"
if grep -q $'^placed-children;.*;total;Total;total;Total;6;' "$work/alex.csv"; then ok "the caseworker's 6 children"; else not_ok "the caseworker's 6 children" "$work/alex.csv"; fi
no_secret "a caseworker's report: no child's name or number" "$work/alex.csv"

# PDF: drawn by plc-follow-up-pdf.c when the build has it
if [ -f "$src/../src/core/plc-follow-up-pdf.c" ]; then
  check "report pdf" "$cli" --database "$db" report --year 2024 --format pdf --today 2024-12-20 -o "$work/report.pdf"
  if head -c 5 "$work/report.pdf" | grep -q '%PDF-'; then ok "pdf: a PDF file"; else not_ok "pdf: a PDF file"; fi
  no_secret "pdf: no name or personal identity number" "$work/report.pdf"
  if command -v pdftotext >/dev/null; then
    pdftotext "$work/report.pdf" "$work/report.txt"
    no_secret "pdf text: no name or personal identity number" "$work/report.txt"
  fi
  "$cli" --database "$db" report --year 2024 --format pdf --today 2024-12-20 > "$work/stdout.pdf" 2>"$work/err"
  if head -c 5 "$work/stdout.pdf" | grep -q '%PDF-'; then ok "pdf: to standard output when it is a file"; else not_ok "pdf: to standard output when it is a file" "$work/err"; fi
else
  check_fails "report pdf: this build cannot" "$cli" --database "$db" report --year 2024 --format pdf --today 2024-12-20 -o "$work/report.pdf"
  err_has "and says so" "cannot write PDF"
fi
no_secret "no error message holds personal data" "$work/err"

echo "1..$n"
exit $failed
