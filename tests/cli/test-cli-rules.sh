#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# placeringar-cli's agreement profile and obligation commands, end to end
# against a real SQLCipher file and keyring (run under tests/session-run).
# Due dates here are worked out by hand from DOMAIN.md.  Prints TAP.
#
#   test-cli-rules.sh PLACERINGAR_CLI TESTS_SOURCE_DIR

set -u

cli=${1:?usage: test-cli-rules.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
src=${2:?usage: test-cli-rules.sh PLACERINGAR_CLI TESTS_SOURCE_DIR}
fixture=$src/data/interchange/rules.json
profiles=${PLACERINGAR_PROFILES_DIR:?PLACERINGAR_PROFILES_DIR must name data/profiles}

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
# out_has WHAT TEXT [FILE]: the last output holds TEXT
out_has() { if grep -qF -- "$2" "${3:-$work/out}"; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "${3:-$work/out}" | head -20; fi; }
# json_check WHAT PYTHON-EXPRESSION: over the obligations in $work/out as `o`
json_check() {
  if "$py" - "$work/out" "$2" >"$work/py" 2>&1 <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
def get(placement, rule, occurrence=1):
    for x in o:
        if x['placement'] == placement and x['rule'] == rule and x['occurrence'] == occurrence:
            return x
    return None
ok = eval(sys.argv[2])
if not ok:
    print('false:', sys.argv[2])
    sys.exit(1)
PY
  then ok "$1"; else not_ok "$1" "$work/py"; fi
}

for c in profiles obligations explain mark routine; do
  check "$c --help" "$cli" "$c" --help
done

# Profiles
check "profiles list" "$cli" profiles list
for id in national stockholm jonkoping dalarna ostergotland; do
  out_has "profiles list has $id" "$id	"
done
check "profiles show stockholm" "$cli" profiles show stockholm
out_has "Stockholm's SIP meeting is 4 weeks after the start (7.5.3)" "sip-meeting"
out_has "Stockholm's escalation ladder has four steps" "  4. "
out_has "Stockholm's SIP before discharge counts from the notice (7.6)" "3 days after discharge-notice (local routine)"
check "profiles show national" "$cli" profiles show national
out_has "a period set by law says so" "4 weeks after custody-carried-out (set by law: a last day off moves to the next weekday)"
check "profiles show dalarna" "$cli" profiles show dalarna
out_has "Dalarna's regional disputes have a ladder of their own (10.2)" "Disputes at regional level (section 10.2):"
check_fails "profiles show of an unknown id fails" "$cli" profiles show atlantis
for f in "$profiles"/*.json; do
  check "profiles validate $(basename "$f")" "$cli" profiles validate "$f"
done

"$py" - "$profiles/dalarna.json" "$work/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['rules'][2]['offset']['unit'] = 'fortnights'
json.dump(d, open(sys.argv[2], 'w'))
PY
check_fails "profiles validate refuses a bad unit" "$cli" profiles validate "$work/bad.json"
out_has "the message names the JSON path" '$.rules[2].offset.unit' "$work/err"
out_has "the message says what was expected" 'days, weeks, months or years' "$work/err"
check_fails "profiles import refuses it too" "$cli" profiles import "$work/bad.json"

check_fails "importing the shipped version again is refused" "$cli" profiles import "$profiles/dalarna.json"
out_has "saying it is not newer" "not newer" "$work/err"
"$py" - "$profiles/dalarna.json" "$work/newer.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['version'] = '2025.1'
d['validity']['valid_to'] = '2027-12-31'
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
check "a newer Dalarna profile is imported" "$cli" profiles import "$work/newer.json"
check "profiles list after the import" "$cli" profiles list
out_has "the imported version is in force" "dalarna	2025.1	regional	2022-01-01	2027-12-31	imported"
if [ -f "$XDG_DATA_HOME/placeringar/profiles/dalarna.json" ] || [ -f "$XDG_DATA_HOME/placeringar-devel/profiles/dalarna.json" ]; then
  ok "the import went to the user's data directory"
else
  not_ok "the import went to the user's data directory"
fi
rm -rf "$XDG_DATA_HOME"/placeringar*/profiles

# Obligations
check "import the fixture" "$cli" --database "$db" import "$fixture"
check_fails "obligations with a bad --today" "$cli" --database "$db" obligations --today 2026-02-30
check "obligations --json" "$cli" --database "$db" obligations --today 2026-11-20 --json
json_check "the JSON has the contract's members" \
  "all(set(['child','placement','rule','occurrence','title','due','nominal_due','status','profile','reference','source','recorded_on']) <= set(x) for x in o)"
json_check "nominal_due is due when nothing moved" \
  "all(x['nominal_due'] == x['due'] for x in o if x['rule'] in ('sip-meeting','health-exam-notification','sip-start'))"
json_check "profile is an id and a version" "get('p-sthlm','sip-meeting')['profile'] == {'id': 'stockholm', 'version': '2022.2'}"
# Stockholm 7.5.3: SIP meeting no later than 4 weeks after 2026-01-31: 31 Jan + 28 days = 28 Feb
json_check "Stockholm: SIP meeting 4 weeks after the start" "get('p-sthlm','sip-meeting')['due'] == '2026-02-28'"
json_check "the source names the section" "'7.5.3' in get('p-sthlm','sip-meeting')['source']"
json_check "a step past its due date and not done is overdue" "get('p-sthlm','sip-meeting')['status'] == 'overdue'"
# SoL 2025:400 22 kap. 13 §: consider every 6 months; 2026-01-31 + 6 months = 2026-07-31 (a Friday),
# + 12 = 2027-01-31, a Sunday: lag (1930:173) 2 § moves the last day to Monday 2027-02-01
json_check "SoL: consider at 6 months" "get('p-sthlm','sol-consider')['due'] == '2026-07-31' and get('p-sthlm','sol-consider')['nominal_due'] == '2026-07-31'"
json_check "SoL: and again 6 months later, moved from a Sunday" "get('p-sthlm','sol-consider', 2)['due'] == '2027-02-01'"
json_check "nominal_due is the day counted to, before the move" "get('p-sthlm','sol-consider', 2)['nominal_due'] == '2027-01-31'"
json_check "the explanation cites the law that moved it" "'Lag (1930:173) 2 §' in get('p-sthlm','sol-consider', 2)['explanation']"
json_check "and only where it moved" "'1930:173' not in get('p-sthlm','sol-consider', 1)['explanation']"
json_check "the reference carries the old numbering" "'6 kap. 8' in get('p-sthlm','sol-consider')['reference']"
# Dalarna 6.6: acute placement, cost split no later than one month after 2023-01-31: 28 Feb
json_check "Dalarna: acute cost split one month after the start" "get('p-dalarna','cost-split')['due'] == '2023-02-28'"
json_check "Dalarna's placement uses Dalarna's profile" "get('p-dalarna','cost-split')['profile']['id'] == 'dalarna'"
# Jönköping excludes SiS: the baseline alone, with a warning
json_check "Jönköping SiS: only the baseline" "all(x['profile']['id'] == 'national' for x in o if x['placement'] == 'p-jkpg-sis')"
json_check "Jönköping SiS: no care planning of Jönköping's" "get('p-jkpg-sis','care-planning') is None"
json_check "Jönköping SiS: a warning says why" "'SiS' in get('p-jkpg-sis','health-exam')['warning']"
# LVU 7 §: submit to the court within a week of the decision 2026-11-02
json_check "LVU 6 §: court submission a week after the decision" "get('p-uppsala','lvu-court-submission')['due'] == '2026-11-09'"
# LVU 8 §: apply within 4 weeks of the custody carried out 2026-11-03
json_check "LVU 6 §: application 4 weeks after custody was carried out" "get('p-uppsala','lvu-care-application')['due'] == '2026-12-01'"
json_check "Uppsala has no agreement: warned" "'Uppsala' in get('p-uppsala','health-exam')['warning']"
# Omplacering (Dalarna 6.4: the placement's steps apply again as for a new placement,
# SoL 2025:400 9 kap. 12 §: the implementation plan at its start, 2025-06-01); the
# notification belongs to the start of care (2025-01-10 + 3 days, p-moved-1's), and
# a move does not end the care, so no follow-up after care ends
json_check "a moved placement gets the placement's steps again from its own start" "get('p-moved-2','implementation-plan')['due'] == '2025-06-01'"
json_check "but not the notification, which belongs to the start of care" "get('p-moved-2','health-exam-notification') is None and get('p-moved-1','health-exam-notification')['due'] == '2025-01-13'"
# LVU 13 § (N5) counts across the move: 2025-01-10 + 6 months = 2025-07-10 (a Thursday)
json_check "the six-monthly consideration counts from the start of the care" "get('p-moved-2','lvu-consider')['due'] == '2025-07-10'"
json_check "the placement a move replaced gets no follow-up after care" "get('p-moved-1','aftercare-follow-up') is None"
json_check "no child's name is printed" "'Ebba' not in json.dumps(o) and 'Testsson' not in json.dumps(o)"

check "obligations --overdue" "$cli" --database "$db" obligations --today 2026-11-20 --overdue --json
json_check "--overdue lists only overdue steps" "len(o) > 0 and all(x['status'] == 'overdue' for x in o)"
check "obligations --due-within 14" "$cli" --database "$db" obligations --today 2026-11-20 --due-within 14 --json
json_check "--due-within lists open steps due by then" "len(o) > 0 and all(x['status'] in ('open','overdue') and x['due'] <= '2026-12-04' for x in o)"
json_check "--due-within includes the court submission" "get('p-uppsala','lvu-court-submission') is not None"
check "obligations --caseworker Robin" "$cli" --database "$db" obligations --today 2026-11-20 --caseworker Robin --json
json_check "--caseworker keeps only that caseworker's placements" "set(x['placement'] for x in o) == {'p-dalarna','p-uppsala'}"
check "obligations --placement p-sthlm" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-sthlm
out_has "the text output has due, status, placement, child, rule" "2026-02-28	overdue	p-sthlm	c-sthlm	sip-meeting	1	"
check_fails "obligations --placement of an unknown ref fails" "$cli" --database "$db" obligations --placement p-nowhere

# Explain
check "explain" "$cli" --database "$db" explain p-sthlm sip-meeting --today 2026-11-20
out_has "explain gives the due date" "2026-02-28"
out_has "explain gives the anchor date" "2026-01-31"
out_has "explain gives the offset" "4 weeks"
out_has "explain gives the section" "7.5.3"
check "explain an occurrence" "$cli" --database "$db" explain p-sthlm sol-consider --occurrence 2 --today 2026-11-20
out_has "the second consideration counts from the first" "6 months after the due date of occurrence 1 (2026-07-31)"
out_has "and names the day it moved from, and why" "is due on 2027-02-01, the next weekday after 2027-01-31 (Sunday; Lag (1930:173) 2 §)"
check_fails "explain of a rule the placement does not have" "$cli" --database "$db" explain p-sthlm lvu-court-submission
check "explain across a move" "$cli" --database "$db" explain p-moved-2 lvu-consider --today 2026-11-20
out_has "explain names the anchor it used: the care's start, on the placement before the move" "6 months after the start of the care, in placement p-moved-1 (2025-01-10)"

# Mark, and a recomputation keeps the status
check "mark done" "$cli" --database "$db" mark p-uppsala lvu-court-submission done --date 2026-11-06
check "obligations after marking" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "the step is done" "get('p-uppsala','lvu-court-submission')['status'] == 'done' and get('p-uppsala','lvu-court-submission')['done'] == '2026-11-06'"
# LVU 7 §: the court decides within a week of receiving it: 2026-11-06 + 7 = 2026-11-13
json_check "the court's week counts from the day it was submitted" "get('p-uppsala','lvu-court-decision')['due'] == '2026-11-13'"
check_fails "not-needed without a reason is refused" "$cli" --database "$db" mark p-uppsala health-exam not-needed
check_fails "not-needed is refused where the rule requires the step" "$cli" --database "$db" mark p-uppsala lvu-court-decision not-needed --reason "x"
check "mark parts of the health examination" "$cli" --database "$db" mark p-uppsala health-exam/physical done --date 2026-11-10
check "mark parts of the health examination (mental)" "$cli" --database "$db" mark p-uppsala health-exam/mental done --date 2026-11-11
check "obligations with two parts done" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "two of three parts done: still open" "get('p-uppsala','health-exam')['status'] == 'open'"
check "mark the dental part" "$cli" --database "$db" mark p-uppsala health-exam/dental done --date 2026-11-12
check "obligations with all parts done" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "all parts done: the examination is done" "get('p-uppsala','health-exam')['status'] == 'done' and get('p-uppsala','health-exam')['done'] == '2026-11-12'"
check_fails "mark an unknown part" "$cli" --database "$db" mark p-uppsala health-exam/hearing done
check "not-needed with a reason" "$cli" --database "$db" mark p-uppsala sip-meeting not-needed --reason "No consent to a SIP"
check "obligations with the SIP meeting not needed" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "the SIP meeting is not needed" "get('p-uppsala','sip-meeting')['status'] == 'not-needed'"
json_check "so no SIP follow-ups count from it" "get('p-uppsala','sip-follow-up') is None"
check "the notification not needed too" "$cli" --database "$db" mark p-uppsala health-exam-notification not-needed --reason "Examined last month"
check "obligations with the notification not needed" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "the examination done is kept as done, without a date to count from" "get('p-uppsala','health-exam')['status'] == 'done' and get('p-uppsala','health-exam')['due'] is None"

# The meeting record of a SIP meeting
# meeting_check WHAT PYTHON-EXPRESSION: over p-sthlm's sip-meeting step in a fresh export, as `m`
meeting_check() {
  "$cli" --database "$db" export -o "$work/meeting.json" 2>"$work/err"
  if "$py" - "$work/meeting.json" "$2" >"$work/py" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = [s for c in d['children'] for p in c.get('placements', []) if p['ref'] == 'p-sthlm'
     for s in p.get('steps', []) if s['rule'] == 'sip-meeting'][0]
m = s.get('meeting')
ok = eval(sys.argv[2])
if not ok:
    print('false:', sys.argv[2], s)
    sys.exit(1)
PY
  then ok "$1"; else not_ok "$1" "$work/py"; fi
}
check "mark a SIP meeting with its record" "$cli" --database "$db" mark p-sthlm sip-meeting done --date 2026-02-20 \
  --invited "BUP Falun" --invited "Elevhälsan" --invited "Vårdcentralen" --attended "BUP Falun" --attended "Vårdcentralen" --planning-completed
meeting_check "the record is kept: invited, attended, planning completed" \
  "m == {'invited': ['BUP Falun', 'Elevhälsan', 'Vårdcentralen'], 'attended': ['BUP Falun', 'Vårdcentralen'], 'planning_completed': True} and s['status'] == 'done' and s['date'] == '2026-02-20'"
check_fails "a unit that took part must have been invited" "$cli" --database "$db" mark p-sthlm sip-meeting done --date 2026-02-20 \
  --invited "BUP Falun" --attended "Skolan"
out_has "and the message says which field" "Units that took part" "$work/err"
check_fails "a unit is named once" "$cli" --database "$db" mark p-sthlm sip-meeting done --invited "BUP" --invited "BUP"
check_fails "--clear-meeting with a record is refused" "$cli" --database "$db" mark p-sthlm sip-meeting done --clear-meeting --invited "BUP"
meeting_check "a refused mark changes nothing" "m['attended'] == ['BUP Falun', 'Vårdcentralen']"
check "mark again without meeting options" "$cli" --database "$db" mark p-sthlm sip-meeting done --date 2026-02-21 --note "Protokoll i akten"
meeting_check "the record is kept when no meeting option is given" "m['invited'] == ['BUP Falun', 'Elevhälsan', 'Vårdcentralen'] and s['date'] == '2026-02-21'"
check "replace the record" "$cli" --database "$db" mark p-sthlm sip-meeting done --date 2026-02-21 --invited "BUP Falun" --attended "BUP Falun"
meeting_check "the record is replaced as a whole" "m == {'invited': ['BUP Falun'], 'attended': ['BUP Falun']}"
check "--clear-meeting" "$cli" --database "$db" mark p-sthlm sip-meeting done --date 2026-02-21 --clear-meeting
meeting_check "the record is gone" "m is None and s['note'] == 'Protokoll i akten'"
check "mark help names the meeting options" "$cli" mark --help
out_has "--invited is documented" "--invited"

# A change that makes a rule stop applying: the recorded status stays
"$cli" --database "$db" export -o "$work/export.json" 2>"$work/err"
"$py" - "$work/export.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d['children']:
    for p in c['placements']:
        if p['ref'] == 'p-uppsala':
            p['legal_basis'] = 'SoL'
            p.pop('lvu_decision_date', None)
            p.pop('custody_carried_out_date', None)
json.dump(d, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
check "re-import with the placement changed to SoL" "$cli" --database "$db" import "$work/export.json"
check "obligations after the change" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "the LVU step is no longer required, and kept" "get('p-uppsala','lvu-court-submission')['status'] == 'no-longer-required' and get('p-uppsala','lvu-court-submission')['done'] == '2026-11-06'"
json_check "the health examination is still done" "get('p-uppsala','health-exam')['status'] == 'done'"

# Local routines
check "routine national" "$cli" --database "$db" routine national
out_has "health-exam-notification is a local routine" "health-exam-notification	"
check "routine: set 10 days" "$cli" --database "$db" routine national sip-start 10 days
check "obligations with the routine changed" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
# 2026-11-02 + 10 days = 2026-11-12
json_check "the routine moves the due date" "get('p-uppsala','sip-start')['due'] == '2026-11-12'"
json_check "the explanation says so" "'changed' in get('p-uppsala','sip-start')['explanation']"
check_fails "routine refuses a rule that is law, not routine" "$cli" --database "$db" routine national lvu-court-submission 2 weeks
check_fails "routine refuses a bad unit" "$cli" --database "$db" routine national sip-start 10 fortnights
check "routine --clear" "$cli" --database "$db" routine national sip-start --clear
check "obligations after clearing" "$cli" --database "$db" obligations --today 2026-11-20 --placement p-uppsala --json
json_check "back to the profile's 3 days" "get('p-uppsala','sip-start')['due'] == '2026-11-05'"

echo "1..$n"
exit $failed
