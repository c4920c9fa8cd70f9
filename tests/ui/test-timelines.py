#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of the Timelines view: imports tests/data/interchange/rules.json
# into the application's database with placeringar-cli, starts the real
# application, opens Timelines and, through the accessibility tree (AT-SPI):
# finds the SIP meeting of the Stockholm placement (due 2026-02-28) in the
# accessible list of the timeline's markers, selects it there and checks
# that the drawn timeline follows (its accessible name is the step); opens
# the step with a double click on its row, which shows it in the Placements
# view with its explanation; checks that the agenda lists the
# overdue steps sorted by date; switches to the caseload and checks the
# agenda there too. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-timelines.py \
#       build/src/app/placeringar [--lang en|sv] [--screenshot-prefix /tmp/shots/x] \
#       [--cli build/src/cli/placeringar-cli]
#
# The helpers (starting the application, walking the tree) are those of
# test-shell.py.

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

from gi.repository import Atspi, GLib  # noqa: E402

Failure = shell.Failure
wait_until = shell.wait_until

TEXTS = {
    'en': {
        'marker_list': 'Steps on the Timeline',
        'agenda': 'Agenda',
        'timeline_prefix': 'Timeline: ',
        'overdue': 'Overdue',
        'caseload': 'Caseload',
        'due_prefix': 'Due ',
        'saturday': 'Saturday',
        'sip_title': 'SIP meeting within 4 weeks of placement',
    },
    'sv': {
        'marker_list': 'Steg på tidslinjen',
        'agenda': 'Att göra',
        'timeline_prefix': 'Tidslinje: ',
        'overdue': 'Försenad',
        'caseload': 'Ärenden',
        'due_prefix': 'Senast ',
        'saturday': 'lördag',
        'sip_title': 'SIP-möte senast fyra veckor efter placering',
    },
}

CHILD = 'Ebba Testsson'
# Stockholm 7.5.3: 2026-01-31 + 28 days = 2026-02-28, a Saturday: an
# agreement's deadline keeps its day, and the day off is shown beside it
SIP_DUE = '2026-02-28'
FIXTURE = 'rules.json'
DATE = re.compile(r'^(\d{4}-\d{2}-\d{2})(?: \([^)]*\))? — ')


def import_fixture(cli, source_dir):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    path = os.path.join(source_dir, 'tests', 'data', 'interchange', FIXTURE)
    result = subprocess.run([cli, 'import', path], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli import {path} failed ({result.returncode}): '
                      f'{result.stderr.strip()}')


def named_list(root, name):
    return shell.find_first(root, lambda a: a.get_role() == Atspi.Role.LIST
                            and a.get_name() == name and shell.on_screen(a))


def items_of(lst):
    """[(accessible, [label texts])] of the list's rows that exist."""
    rows = []
    for child in shell.children(lst):
        try:
            if child.get_role() == Atspi.Role.LIST_ITEM:
                rows.append((child, shell.texts_of(child)))
        except GLib.Error:
            continue
    return rows


def timeline(window, prefix):
    return shell.find_first(window, lambda a: a.get_role() == Atspi.Role.PANEL
                            and (a.get_name() or '').startswith(prefix))


def agenda_dates(lst):
    """The due dates of the agenda's rows, with their status, in order."""
    dates = []
    for _, texts in items_of(lst):
        for text in texts:
            m = DATE.match(text)
            if m:
                dates.append((m.group(1), text))
    return dates


def check_sorted_overdue(dates, overdue, what):
    if not dates:
        raise Failure(f'the agenda of {what} lists nothing')
    only = [d for d, _ in dates]
    if only != sorted(only):
        raise Failure(f'the agenda of {what} is not sorted by date: {only}')
    late = [t for _, t in dates if f' — {overdue} — ' in t]
    if not late:
        raise Failure(f'the agenda of {what} lists nothing overdue: {[t for _, t in dates]}')
    return late


def explain(cli, lang, placement, rule):
    """The sentence `placeringar-cli explain` gives, in @lang."""
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = shell.VIEWS[lang]['locale']
    env['LANG'] = shell.VIEWS[lang]['locale']
    env.pop('LANGUAGE', None)
    result = subprocess.run([cli, 'explain', placement, rule], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli explain {placement} {rule} failed ({result.returncode}): '
                      f'{result.stderr.strip()}')
    return result.stdout.strip()


def screenshot(prefix, name, tap):
    if prefix:
        shell.screenshot(f'{prefix}-{name}.png', tap)


def run(args, tap, state):
    texts = TEXTS[args.lang]
    lang = shell.VIEWS[args.lang]

    if not shell.locale_available(lang['locale']):
        raise Failure(f'the locale {lang["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    # 1. The fixture in the application's database
    state['step'] = f'importing {FIXTURE} with placeringar-cli'
    import_fixture(args.cli, args.source_dir)
    tap.ok(f'{FIXTURE} imported into the application\'s database')

    Atspi.init()
    state['step'] = 'starting the application'
    app = shell.App(args.binary, args.lang)
    state['app'] = app
    state['step'] = 'waiting for the application on the AT-SPI desktop'
    accessible = wait_until(state['step'], lambda: shell.find_application(app), app,
                            args.startup_timeout)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    state['step'] = 'waiting for the main window'
    window = wait_until(state['step'], lambda: shell.find_window(accessible), app)

    # 2. Timelines, with the marker list
    tab_name = lang['tabs'][1]
    state['step'] = f'waiting for the tab "{tab_name}"'
    tab = wait_until(state['step'], lambda: next(
        (t for t in shell.page_tabs(window) if t.get_name() == tab_name and shell.on_screen(t)),
        None), app)
    shell.activate(tab)
    state['step'] = f'waiting for the list "{texts["marker_list"]}"'
    markers = wait_until(state['step'], lambda: named_list(window, texts['marker_list']), app)
    tap.ok(f'"{tab_name}" shows the accessible list of markers "{texts["marker_list"]}"')

    # 3. The SIP meeting of the Stockholm placement, in that list
    wanted = f'{SIP_DUE} ({texts["saturday"]}) — {texts["sip_title"]} — {texts["overdue"]} — {CHILD}'
    state['step'] = f'waiting for the row "{wanted}"'

    def sip_row():
        for index, (item, labels) in enumerate(items_of(markers)):
            if wanted in labels:
                return index, item
        return None

    try:
        index, item = wait_until(state['step'], sip_row, app)
        tap.ok(f'the marker list has "{wanted}"')
    except Failure as failure:
        tap.not_ok(f'the marker list has "{wanted}"',
                   f'{failure}\nrows: {[labels for _, labels in items_of(markers)]}')
        raise

    # 4. Selecting it there selects it on the drawn timeline
    description = 'selecting the row selects the marker on the timeline (its accessible name)'
    state['step'] = 'selecting the row through AT-SPI'
    try:
        if 'Selection' not in markers.get_interfaces():
            raise Failure(f'the list has no Selection interface ({markers.get_interfaces()})')
        if not markers.select_child(index):
            raise Failure(f'AT-SPI could not select row {index}')
        state['step'] = 'waiting for the timeline to name the selected step'
        drawn = wait_until(state['step'], lambda: timeline(
            window, texts['timeline_prefix'] + wanted), app)
        tap.ok(f'{description}: "{drawn.get_name()}"')
    except Failure as failure:
        found = timeline(window, texts['timeline_prefix'])
        tap.not_ok(description, f'{failure}\ntimeline: '
                   + (shell.describe(found) if found else 'not found'))
        drawn = None
    screenshot(args.screenshot_prefix, 'child', tap)

    # 5. Activating the row (a double click: AT-SPI cannot move the focus
    #    in GTK 4.8) opens the step: the Placements view shows the child,
    #    with the step's explanation open, the same sentence as
    #    `placeringar-cli explain` gives
    description = 'activating the row opens the step in the Placements view, with its explanation'
    state['step'] = 'asking placeringar-cli for the explanation'
    try:
        explanation = explain(args.cli, args.lang, 'p-sthlm', 'sip-meeting')
        state['step'] = 'double-clicking the row'
        shell.double_click(item)
        placements_tab = lang['tabs'][0]
        state['step'] = f'waiting for the tab "{placements_tab}" to be selected'
        wait_until(state['step'], lambda: next(
            (t for t in shell.page_tabs(window) if t.get_name() == placements_tab
             and shell.has_state(t, Atspi.StateType.SELECTED)), None), app)
        state['step'] = f'waiting for the explanation "{explanation}"'
        label = wait_until(state['step'], lambda: shell.find_first(
            accessible, lambda a: a.get_role() == Atspi.Role.LABEL
            and a.get_name() == explanation and shell.on_screen(a), everything=True), app)
        tap.ok(f'{description}: "{label.get_name()}"')
        screenshot(args.screenshot_prefix, 'step', tap)
        Atspi.generate_keyboard_event(0xff1b, None, Atspi.KeySynthType.SYM)  # Escape
        state['step'] = f'going back to the tab "{tab_name}"'
        shell.activate(tab)
        wait_until(state['step'], lambda: named_list(window, texts['marker_list']), app)
    except (Failure, GLib.Error) as failure:
        tap.not_ok(description, failure)
        screenshot(args.screenshot_prefix, 'step-failed', tap)

    # 6. The agenda: the child's overdue steps, by date, the SIP meeting among them
    description = f'the agenda lists {CHILD}\'s overdue steps sorted by date'
    state['step'] = f'waiting for the list "{texts["agenda"]}"'
    try:
        agenda = wait_until(state['step'], lambda: named_list(window, texts['agenda']), app)
        state['step'] = 'waiting for the agenda\'s rows'
        dates = wait_until(state['step'], lambda: agenda_dates(agenda), app)
        late = check_sorted_overdue(dates, texts['overdue'], CHILD)
        sip = f'{SIP_DUE} ({texts["saturday"]}) — {texts["overdue"]} — {CHILD}'
        if sip not in late:
            raise Failure(f'"{sip}" is not in the agenda: {late}')
        tap.ok(f'{description}: {len(late)} overdue, from {dates[0][0]} to {dates[-1][0]}')
    except Failure as failure:
        tap.not_ok(description, failure)

    # 7. The caseload: the agenda of every child, still by date
    description = 'the caseload\'s agenda lists several children\'s overdue steps by date'
    state['step'] = f'switching to "{texts["caseload"]}"'
    try:
        toggle = wait_until(state['step'], lambda: shell.labelled_button(
            window, texts['caseload'].replace('_', '')), app)
        shell.activate(toggle)
        wait_until('waiting for the toggle to be pressed',
                   lambda: shell.has_state(toggle, Atspi.StateType.CHECKED)
                   or shell.has_state(toggle, Atspi.StateType.PRESSED), app)
        agenda = named_list(window, texts['agenda'])

        def several():
            dates = agenda_dates(agenda)
            children = {t.rsplit(' — ', 1)[-1] for _, t in dates}
            return dates if len(children) > 1 else None

        dates = wait_until('waiting for the agenda of several children', several, app)
        late = check_sorted_overdue(dates, texts['overdue'], 'the caseload')
        tap.ok(f'{description}: {len(late)} overdue among the first rows')
    except Failure as failure:
        tap.not_ok(description, failure)
    screenshot(args.screenshot_prefix, 'caseload', tap)

    # 8. Still alive
    state['step'] = 'finishing'
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running',
                   f'it exited with status {app.process.returncode}')


def main():
    parser = argparse.ArgumentParser(description='UI test of the Timelines view.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(TEXTS), default='en')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI')
    parser.add_argument('--source-dir', default=os.path.join(HERE, os.pardir, os.pardir))
    parser.add_argument('--screenshot-prefix', metavar='PATH',
                        help='save screenshots as PATH-child.png, PATH-caseload.png…')
    parser.add_argument('--timeout', type=float, default=100.0)
    parser.add_argument('--startup-timeout', type=float, default=30.0)
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(8)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
