#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of the Reports view: fills the application's database from
# tests/data/interchange/full.json with placeringar-cli, starts the real
# application, opens Reports with Ctrl+5, sets the year to the fixture's,
# checks that each table of the yearly follow-up is there with a figure of
# the fixture (exact on screen, where `placeringar-cli report` says "<5"), that each chart is
# described for screen readers, and exports the figures as CSV through the
# Export menu and the file chooser: the file has the semicolons and none
# of the fixture's names or personal identity numbers; and Ctrl+P opens
# the print dialog. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-reports.py \
#       build/src/app/placeringar [--lang en|sv] [--cli build/src/cli/placeringar-cli] \
#       [--fixture tests/data/interchange/full.json] [--screenshots PREFIX] [--narrow]

import argparse
import importlib.util
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The helpers of the shell test (it sorts out G_DEBUG and PyGObject first),
# and of the Deviations view's test
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)
_spec = importlib.util.spec_from_file_location('test_deviations', os.path.join(HERE, 'test-deviations.py'))
deviations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(deviations)

Atspi = shell.Atspi
GLib = shell.GLib
Failure = shell.Failure
wait_until = shell.wait_until
find_first = shell.find_first
activate = shell.activate
on_screen = shell.on_screen
has_state = shell.has_state
describe = shell.describe
translator = deviations.translator
plain = deviations.plain
labels_on_screen = deviations.labels_on_screen

YEAR = 2025             # the fixture's placements start and end in 2025
# A figure of the fixture: Alva (born 2012, legally female) is the one girl
# aged 6-12 placed in 2025
KNOWN_TABLE = 'placed-children'
KNOWN_ROW = '6-12'
KNOWN_COLUMN = 'female'
KNOWN_VALUE = 1
CONTROL_L = 0xffe3      # keysyms
KEY_5 = 0x35
KEY_P = 0x70


def fixture_personal_data(path):
    """The names (and each part of them) and personal identity numbers of
    the fixture's children, as they could be written."""
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    found = set()
    for child in data.get('children', []):
        name = child.get('name')
        if name:
            found.add(name)
            found.update(part for part in name.split() if len(part) >= 3)
        number = child.get('personnummer')
        if number:
            found.update({number, number[2:], number.replace('-', ''), number.replace('-', '')[2:]})
    return found


def press_control(keysym):
    """Ctrl and the key @keysym, through XTest."""
    import ctypes
    x11 = ctypes.CDLL('libX11.so.6')
    xtst = ctypes.CDLL('libXtst.so.6')
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XKeysymToKeycode.restype = ctypes.c_ubyte
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    display = x11.XOpenDisplay(None)
    control = x11.XKeysymToKeycode(display, CONTROL_L)
    key = x11.XKeysymToKeycode(display, keysym)
    for code, down in ((control, 1), (key, 1), (key, 0), (control, 0)):
        xtst.XTestFakeKeyEvent(display, code, down, 0)
        x11.XSync(display, 0)
        time.sleep(0.05)
    x11.XCloseDisplay(display)


def focus_window(title):
    """Gives the X window named @title the keyboard focus: under Xvfb there
    is no window manager to do it, and Ctrl+5 would go nowhere."""
    import ctypes
    import subprocess
    out = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                         check=False).stdout
    ids = [line.split()[0] for line in out.splitlines() if f'"{title}"' in line]
    if not ids:
        return False
    x11 = ctypes.CDLL('libX11.so.6')
    handler_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    ignore = handler_type(lambda display, event: 0)   # an unmapped window: BadMatch
    x11.XSetErrorHandler.argtypes = [handler_type]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XSetErrorHandler(ignore)
    display = x11.XOpenDisplay(None)
    for wid in ids:
        x11.XSetInputFocus(display, int(wid, 16), 2, 0)   # RevertToParent, CurrentTime
        x11.XSync(display, 0)
    x11.XCloseDisplay(display)
    return True


def label_names(root):
    """The names of every label under @root, in one walk of the tree."""
    names = []
    for accessible in shell.walk_all(root):
        try:
            if accessible.get_role() == Atspi.Role.LABEL:
                names.append(accessible.get_name())
        except GLib.Error:
            continue
    return names


def named(root, role, name):
    return find_first(root, lambda a: a.get_role() == role and a.get_name() == name and on_screen(a),
                      everything=True)


def run(args, tap, state):
    _ = translator(args.lang)
    texts = shell.VIEWS[args.lang]
    cli = args.cli
    if not os.access(cli, os.X_OK):
        raise Failure(f'placeringar-cli not found at {cli}')
    if not shell.locale_available(texts['locale']):
        raise Failure(f'the locale {texts["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    def shot(name, title=None):
        if args.screenshots:
            time.sleep(0.7)
            shell.screenshot(f'{args.screenshots}-{name}.png', tap, title)

    # 1. The fixture, in the application's database
    state['step'] = 'importing the fixture with placeringar-cli'
    deviations.cli_import(cli, args.fixture)
    tap.ok(f'placeringar-cli imported {os.path.basename(args.fixture)}')

    Atspi.init()
    state['step'] = 'starting the application'
    app = shell.App(args.binary, args.lang)
    state['app'] = app
    accessible = wait_until('waiting for the application on the AT-SPI bus',
                            lambda: shell.find_application(app), app, args.startup_timeout)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    window = wait_until('waiting for the main window', lambda: shell.find_window(accessible), app)
    if args.narrow:
        state['step'] = 'making the window 360 pixels wide'
        wait_until(state['step'], lambda: deviations.resize_window(window.get_name(), 360, 720), app)
        time.sleep(1)

    # 2. Ctrl+5 opens Reports
    tab_name = plain(_('Reports'))   # the catalogue's, as the other names here
    view_name = plain(_('Reports'))
    state['step'] = f'waiting for the tab "{tab_name}"'
    tab = wait_until(state['step'], lambda: next((t for t in shell.visible_tabs(window)[0]
                                                   if t.get_name() == tab_name), None), app)
    description = f'Ctrl+5 selects "{tab_name}" and shows the view'
    try:
        state['step'] = 'giving the window the keyboard focus'
        wait_until(state['step'], lambda: focus_window(window.get_name()), app)
        time.sleep(0.5)
        state['step'] = 'pressing Ctrl+5'
        press_control(KEY_5)
        wait_until(f'waiting for "{tab_name}" to be selected',
                   lambda: has_state(tab, Atspi.StateType.SELECTED), app)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)
        activate(tab)
    state['step'] = f'waiting for the view "{view_name}"'
    view = wait_until(state['step'], lambda: named(window, Atspi.Role.PANEL, view_name), app)

    # 3. The year of the fixture
    year_name = plain(_('Year'))
    state['step'] = f'waiting for the spin button "{year_name}"'
    spin = wait_until(state['step'], lambda: named(view, Atspi.Role.SPIN_BUTTON, year_name), app)
    if not spin.set_current_value(float(YEAR)):
        raise Failure(f'AT-SPI could not set {describe(spin)} to {YEAR}')
    selection_name = plain(_('Selection'))
    if named(view, Atspi.Role.COMBO_BOX, selection_name) is None:
        tap.not_ok(f'the year and the selection are at the top', f'no combo box "{selection_name}"')
    else:
        tap.ok(f'the year is set to {YEAR}; the selection "{selection_name}" is there')

    # 4. Each table, with the fixture's figures: exact on screen, where
    # the exports say "<5". Which tables, rows and columns there are, and
    # their titles in the language of the test, placeringar-cli tells.
    follow_up = cli_report(cli, args.lang)
    tables = follow_up.get('tables', [])
    description = (f'the {len(tables)} tables of the follow-up are shown; {KNOWN_TABLE}, {KNOWN_ROW}, '
                   f'{KNOWN_COLUMN} is {KNOWN_VALUE} on screen and "<5" in the export')
    try:
        if not tables:
            raise Failure(f'placeringar-cli report gave no tables: {follow_up}')
        state['step'] = 'waiting for the tables\' titles'
        wait_until(state['step'], lambda: (lambda names: all(t['title'] in names for t in tables))
                   (label_names(view)), app, 60)
        table = next(t for t in tables if t['id'] == KNOWN_TABLE)
        row = next(r for r in table['rows'] if r['id'] == KNOWN_ROW)
        column = next(c for c in table['columns'] if c['id'] == KNOWN_COLUMN)
        if row['cells'][KNOWN_COLUMN] != '<5':
            raise Failure(f'placeringar-cli says {row["cells"][KNOWN_COLUMN]!r}, not "<5"')
        where = _('%s, %s') % (row['title'], column['title'])
        state['step'] = f'looking for {KNOWN_VALUE} described as "{where}"'
        # The first such figure after the table's title: other tables have
        # rows and columns of the same names
        labels = [a for a in shell.walk_all(view) if a.get_role() == Atspi.Role.LABEL]
        names = [a.get_name() for a in labels]
        if table['title'] not in names:
            raise Failure(f'no title "{table["title"]}"')
        after = labels[names.index(table['title']):]
        cell = next((a for a in after if a.get_description() == where), None)
        if cell is None or cell.get_name() != str(KNOWN_VALUE):
            raise Failure(f'the figure described as "{where}" is {cell.get_name() if cell else None}')
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, f'{failure}\nlabels: {label_names(view)}')
    shot('tables')

    # 5. The notice that exports hide small groups
    notice = _('The figures here are exact. Exports and printouts show groups of fewer than 5 children as “<5”.')
    if notice in labels_on_screen(view):
        tap.ok('the view says that exports show small groups as "<5"')
    else:
        tap.not_ok('the view says that exports show small groups as "<5"', f'labels: {labels_on_screen(view)}')

    # 6. Each chart is an image that a screen reader can read
    description = 'each chart is described for screen readers, with its rows'
    charts = [a for a in shell.walk_all(view) if a.get_role() == Atspi.Role.IMAGE]
    problems = []
    for t in tables:
        if not t['rows']:
            continue
        name = _('Chart: %s') % t['title']
        chart = next((c for c in charts if c.get_name() == name), None)
        if chart is None:
            problems.append(f'no image "{name}"')
        elif t['rows'][0]['title'] not in (chart.get_description() or ''):
            problems.append(f'"{name}" is described as "{chart.get_description()}"')
    if problems:
        tap.not_ok(description, '\n'.join(problems) + '\n' + '\n'.join(describe(c) for c in charts))
    else:
        tap.ok(f'{description} ({len(charts)} charts)')

    # 7. Export as CSV through the menu and the file chooser
    path = os.path.join(os.environ.get('XDG_DATA_HOME', '/tmp'), f'follow-up-test-{args.lang}.csv')
    if os.path.exists(path):
        os.unlink(path)
    export_name = plain(_('Export'))
    item_name = plain(_('Export as CSV with _Semicolons…'))
    description = f'"{item_name}" saves a CSV file with a byte order mark, without any name or personal identity number'
    try:
        state['step'] = f'opening the menu "{export_name}"'
        menu = wait_until(state['step'], lambda: find_first(
            view, lambda a: a.get_name() == export_name and 'click' in shell.action_names(a)
            and on_screen(a), everything=True), app)
        activate(menu)
        state['step'] = f'waiting for the menu item "{item_name}"'
        item = wait_until(state['step'], lambda: find_first(
            accessible, lambda a: a.get_role() == Atspi.Role.MENU_ITEM and a.get_name() == item_name
            and on_screen(a), everything=True), app)
        activate(item)
        state['step'] = 'waiting for the file chooser\'s name field'
        dialog = wait_until(state['step'], lambda: deviations_window(accessible, plain(_('Export as CSV'))), app)
        entry = wait_until(state['step'], lambda: find_first(
            dialog, lambda a: a.get_role() == Atspi.Role.TEXT and 'EditableText' in a.get_interfaces()
            and on_screen(a), everything=True), app)
        # The dialog alone: without a window manager it may be under the window
        shot('export-dialog', plain(_('Export as CSV')))
        if not entry.set_text_contents(path):
            raise Failure(f'could not type the path into {describe(entry)}')
        save_name = plain(_('_Save'))
        state['step'] = f'waiting for the button "{save_name}"'
        save = wait_until(state['step'], lambda: deviations.button(dialog, save_name), app)
        activate(save)
        state['step'] = f'waiting for {path}'
        wait_until(state['step'], lambda: os.path.exists(path) and os.path.getsize(path) > 0, app)
        time.sleep(0.5)
        with open(path, encoding='utf-8') as f:
            csv = f.read()
        problems = []
        if ';' not in csv:
            problems.append('no semicolons')
        # The chooser's "Mark the file as UTF-8, for Excel" is on by default
        if not csv.startswith('\ufeff'):
            problems.append('no byte order mark first, for Excel')
        for t in tables:
            if t['id'] not in csv:
                problems.append(f'no table {t["id"]}')
        leaked = sorted(p for p in fixture_personal_data(args.fixture) if p in csv)
        if leaked:
            problems.append(f'{len(leaked)} names or numbers of the fixture are in it')
        if problems:
            raise Failure('\n'.join(problems))
        tap.ok(f'{description} ({len(csv.splitlines())} lines)')
    except Failure as failure:
        tap.not_ok(description, failure)
    shot('exported')

    # 8. Ctrl+P opens the print dialog (GTK's own, named in GTK's words);
    # Escape closes it again
    description = 'Ctrl+P opens a print dialog'
    try:
        def shown_windows():
            return [w for w in shell.children(accessible) if on_screen(w)]
        before = len(shown_windows())
        state['step'] = 'pressing Ctrl+P'
        focus_window(window.get_name())
        time.sleep(0.3)
        press_control(KEY_P)
        dialog = wait_until('waiting for the print dialog',
                            lambda: next((w for w in shown_windows() if w.get_name() != window.get_name()),
                                         None) if len(shown_windows()) > before else None, app)
        tap.ok(f'{description} ("{dialog.get_name()}")')
        shot('print-dialog')
        Atspi.generate_keyboard_event(0xff1b, None, Atspi.KeySynthType.SYM)  # Escape
        time.sleep(1)
    except Failure as failure:
        tap.not_ok(description, failure)

    # 9. Still alive
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running', f'exit status {app.process.returncode}')


def deviations_window(accessible, name):
    """The dialog named @name (the file chooser), shown."""
    for child in shell.children(accessible):
        try:
            if child.get_name() == name and on_screen(child):
                return child
        except GLib.Error:
            continue
    return None


def cli_report(cli, lang):
    """The follow-up of YEAR as `placeringar-cli report --format json`
    gives it, in the language of the test: small groups as "<5"."""
    import subprocess
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = shell.VIEWS[lang]['locale']
    env['LANG'] = shell.VIEWS[lang]['locale']
    env['LANGUAGE'] = shell.VIEWS[lang]['language']
    command = [cli, 'report', '--year', str(YEAR), '--format', 'json']
    result = subprocess.run(command, env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'{" ".join(command)} failed ({result.returncode}): {result.stderr.strip()}')
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser(description='UI test of the Reports view.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(shell.VIEWS), default='en')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI')
    parser.add_argument('--fixture', metavar='FILE.json',
                        default=os.path.join(HERE, os.pardir, 'data', 'interchange', 'full.json'))
    parser.add_argument('--screenshots', metavar='PREFIX',
                        help='save screenshots as PREFIX-tables.png, PREFIX-exported.png, ...')
    parser.add_argument('--narrow', action='store_true', help='make the window 360 pixels wide')
    parser.add_argument('--timeout', type=float, default=120.0)
    parser.add_argument('--startup-timeout', type=float, default=30.0)
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(9)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
