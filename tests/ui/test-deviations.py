#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of the Deviations view: fills the application's database from
# tests/data/interchange/full.json with placeringar-cli, starts the real
# application, opens Deviations, checks that the list holds the fixture's
# reports and that the filters narrow it, opens the escalated report,
# checks that the agreement's escalation ladder shows where it stands,
# escalates it one step through the confirmation dialog, and checks with
# `placeringar-cli export` that the database holds the new level, the
# status and one more event in its history; and that Export as PDF asks
# whether to include the child's name, not ticked. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-deviations.py \
#       build/src/app/placeringar [--lang en|sv] [--cli build/src/cli/placeringar-cli] \
#       [--fixture tests/data/interchange/full.json] [--screenshots PREFIX] [--narrow]
#
# Like test-shell.py, needs a display, a session bus and a keyring:
# tests/session-run --display gives all three, and a private XDG_DATA_HOME
# so the database is the test's own.

import argparse
import gettext
import importlib.util
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The helpers of the shell test (it sorts out G_DEBUG and PyGObject first)
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

Atspi = shell.Atspi
GLib = shell.GLib
Failure = shell.Failure
wait_until = shell.wait_until
find_first = shell.find_first
activate = shell.activate
on_screen = shell.on_screen
has_state = shell.has_state
describe = shell.describe
children = shell.children

REPORT_TITLE = 'Hälsoundersökning inte erbjuden i tid'   # dev-2025-001: Dalarna, level 1
REPORT_REF = 'dev-2025-001'
OTHER_TITLE = 'SIP-kallelse utan svar'                    # dev-2025-002: draft, no agreement


def translator(lang):
    """gettext for the application's catalogue in @lang, read where the
    application reads it (PLACERINGAR_LOCALEDIR in the test environment).
    The expected names follow the catalogue, so the test holds whether or
    not a string is translated yet; test-shell checks that views are."""
    localedir = os.environ.get('PLACERINGAR_LOCALEDIR')
    catalogue = gettext.translation('placeringar', localedir=localedir, languages=[lang],
                                    fallback=True)

    def translate(text, context=None):
        if lang == 'en':
            return text
        if context is not None:
            return catalogue.pgettext(context, text)
        return catalogue.gettext(text)
    return translate


def plain(label):
    """A label as AT-SPI names it: mnemonics removed."""
    return label.replace('_', '')


def cli_deviation(cli, ref):
    """The deviation @ref as `placeringar-cli export` reads it."""
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    env['LANG'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    result = subprocess.run([cli, 'export'], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli export failed ({result.returncode}): {result.stderr.strip()}')
    data = json.loads(result.stdout)
    for deviation in data.get('deviations', []):
        if deviation.get('ref') == ref:
            return deviation
    raise Failure(f'placeringar-cli export has no deviation {ref}')


def cli_import(cli, fixture):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    result = subprocess.run([cli, 'import', fixture], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli import failed ({result.returncode}): {result.stderr.strip()}')


def list_items(window, names):
    """The list items named in @names that are on screen, by name."""
    found = {}
    for accessible in shell.walk(window):
        try:
            if accessible.get_role() == Atspi.Role.LIST_ITEM and accessible.get_name() in names \
                    and on_screen(accessible):
                found[accessible.get_name()] = accessible
        except GLib.Error:
            continue
    return found


def select_item(window, list_name, item_name):
    """Selects the row @item_name of the list @list_name through the AT-SPI
    Selection interface (GTK 4.8 gives list box rows no action)."""
    lists = [a for a in shell.walk(window)
             if a.get_role() == Atspi.Role.LIST and a.get_name() == list_name and on_screen(a)]
    for lst in lists:
        for index, child in enumerate(children(lst)):
            if child.get_name() == item_name:
                if 'Selection' not in lst.get_interfaces():
                    raise Failure(f'{describe(lst)} has no Selection interface')
                if not lst.select_child(index):
                    raise Failure(f'AT-SPI could not select {describe(child)}')
                return child
    raise Failure(f'no list "{list_name}" with a row "{item_name}" ({len(lists)} lists of that name)')


def labels_on_screen(root):
    names = []
    for accessible in shell.walk_all(root):
        try:
            if accessible.get_role() == Atspi.Role.LABEL and on_screen(accessible):
                names.append(accessible.get_name())
        except GLib.Error:
            continue
    return names


def button(root, name, sensitive=True):
    # GTK 4.8 names a button with a mnemonic label after both the label
    # and its text ("_Escalate Escalate"): the application's own buttons
    # have no mnemonics for that reason; AdwMessageDialog's responses do
    def predicate(a):
        return (a.get_role() == Atspi.Role.PUSH_BUTTON
                and (a.get_name() == name or a.get_name().endswith(' ' + name)) and on_screen(a)
                and (not sensitive or has_state(a, Atspi.StateType.SENSITIVE)))
    return find_first(root, predicate, everything=True)


def combo(root, name):
    return find_first(root, lambda a: a.get_role() == Atspi.Role.COMBO_BOX
                      and a.get_name() == name and on_screen(a), everything=True)


def scroll_wheel(x, y, clicks):
    """Turns the mouse wheel down @clicks times at (@x, @y) through XTest."""
    return shell.xtest_buttons(x, y, 5, clicks)


def resize_window(title, width, height):
    """Resizes the X window named @title (no window manager under Xvfb)."""
    import ctypes
    out = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                         check=False).stdout
    ids = [line.split()[0] for line in out.splitlines() if f'"{title}"' in line]
    if not ids:
        return False
    x11 = ctypes.CDLL('libX11.so.6')
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XResizeWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint, ctypes.c_uint]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    for wid in ids:
        x11.XResizeWindow(display, int(wid, 16), width, height)
    x11.XFlush(display)
    x11.XCloseDisplay(display)
    return True


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

    def shot(name):
        if args.screenshots:
            time.sleep(0.5)
            shell.screenshot(f'{args.screenshots}-{name}.png', tap)

    # 1. The fixture, in the application's database
    state['step'] = 'importing the fixture with placeringar-cli'
    cli_import(cli, args.fixture)
    before = cli_deviation(cli, REPORT_REF)
    if before.get('escalation_step') != 1 or before.get('status') != 'escalated':
        raise Failure(f'the fixture changed: {REPORT_REF} is {before}')
    tap.ok(f'placeringar-cli imported {os.path.basename(args.fixture)}: {REPORT_REF} is escalated, level 1, '
           f'with {len(before.get("history", []))} events')

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
        wait_until(state['step'], lambda: resize_window(window.get_name(), 360, 720), app)
        time.sleep(1)

    # 2. Deviations, and its list
    tab_name = texts['tabs'][3]
    state['step'] = f'waiting for the tab "{tab_name}"'
    tab = wait_until(state['step'], lambda: next((t for t in shell.visible_tabs(window)[0]
                                                   if t.get_name() == tab_name), None), app)
    activate(tab)
    state['step'] = f'waiting for the reports "{REPORT_TITLE}" and "{OTHER_TITLE}" in the list'
    wait_until(state['step'], lambda: len(list_items(window, {REPORT_TITLE, OTHER_TITLE})) == 2, app)
    tap.ok(f'"{tab_name}" lists both reports of the fixture')
    shot('list')

    # 3. The status filter narrows the list (AT-SPI cannot pick from a
    # GtkDropDown's popover in GTK 4.8: the filter is checked for its name
    # and the list for both items; the model tests check filtering itself)
    description = 'the four filters are there, named for screen readers'
    names = [plain(_('Filter by status')), plain(_('Filter by direction')),
             plain(_('Filter by agreement')), plain(_('Filter by year'))]
    missing = [n for n in names
               if find_first(window, lambda a, n=n: a.get_name() == n and on_screen(a),
                             everything=True) is None]
    if missing:
        tap.not_ok(description, f'not found: {missing}')
    else:
        tap.ok(f'{description}: {", ".join(names)}')

    # 4. Open the escalated report: its ladder shows level 1 of 4
    state['step'] = f'opening "{REPORT_TITLE}"'
    select_item(window, plain(_('Deviation Reports')), REPORT_TITLE)
    escalate_name = _('Escalate…')
    state['step'] = f'waiting for the button "{escalate_name}" to be sensitive'
    escalate = wait_until(state['step'], lambda: button(window, escalate_name), app)
    # Dalarna 10.3, the ladder local disputes (deviations) climb: level 2 is
    # the county heads' network, level 4 a general court (the profile's own
    # texts, in the interface's language)
    second = {'en': 'The county heads\' network (Länschefsnätverket)',
              'sv': 'Länschefsnätverket (Länsnätverket för förvaltningschefer)'}[args.lang]
    current = plain(_('Current'))

    def ladder_shown():
        labels = labels_on_screen(window)
        return any(second in label for label in labels) and current in labels and labels

    description = f'the report opens with the ladder: level 1 is "{current}", level 2 is "{second}"'
    # Scrolls the ladder into view (for the screenshot)
    try:
        wait_until('waiting for the escalation ladder', ladder_shown, app)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, f'{failure}\nlabels: {labels_on_screen(window)}')
    shot('editor')
    if args.screenshots:
        # The ladder and the history are further down: scroll the editor
        # with the mouse wheel (XTest) for the screenshots
        e = window.get_extents(Atspi.CoordType.WINDOW)  # at 0,0: no window manager
        scroll_wheel(e.x + e.width - 150, e.y + e.height // 2, 10)
        shot('ladder')
        scroll_wheel(e.x + e.width - 150, e.y + e.height // 2, 20)
        shot('history')

    # 5. Escalate, through the confirmation dialog
    state['step'] = f'activating "{escalate_name}"'
    activate(escalate)
    confirm_name = plain(_('_Escalate'))
    state['step'] = f'waiting for the dialog\'s "{confirm_name}" button'
    confirm = wait_until(state['step'], lambda: button(accessible, confirm_name), app)
    shot('escalate-dialog')
    activate(confirm)
    tap.ok(f'"{escalate_name}" asks first; "{confirm_name}" confirms')

    # 6. The database holds it
    description = f'placeringar-cli export: {REPORT_REF} is at level 2, escalated, with one more event'
    state['step'] = 'waiting for placeringar-cli to read level 2'
    try:
        after = wait_until(state['step'], lambda: (lambda d: d if d.get('escalation_step') == 2 else None)
                           (cli_deviation(cli, REPORT_REF)), app)
        problems = []
        if after.get('status') != 'escalated':
            problems.append(f'status {after.get("status")}')
        history = after.get('history', [])
        if len(history) != len(before.get('history', [])) + 1:
            problems.append(f'{len(history)} events, not {len(before.get("history", [])) + 1}')
        elif history[-1].get('escalation_step') != 2 or history[-1].get('status') != 'escalated':
            problems.append(f'the last event is {history[-1]}')
        if after.get('title') != before.get('title') or after.get('description') != before.get('description'):
            problems.append('the title or description changed')
        if problems:
            tap.not_ok(description, '\n'.join(problems))
        else:
            tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)

    # 7. The view shows it: level 2 is current, the history has the event
    status_name = _('Escalated', 'deviation status')
    wanted = _('%s, level %d') % (status_name, 2)
    description = f'the editor shows the new level: history "{wanted}"'
    try:
        wait_until('waiting for the history entry', lambda: wanted in labels_on_screen(window), app)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, f'{failure}\nlabels: {labels_on_screen(window)}')
    shot('escalated')

    # 8. Export as PDF asks first, without the child's name unless ticked
    export_name = plain(_('Export as PDF…'))
    check_name = _('Include the child’s name')
    cancel_name = plain(_('_Cancel'))
    description = f'"{export_name}" asks first; "{check_name}" is there and not ticked'
    try:
        state['step'] = f'activating "{export_name}"'
        activate(wait_until(state['step'], lambda: button(window, export_name), app))
        state['step'] = f'waiting for the check box "{check_name}"'
        check = wait_until(state['step'], lambda: find_first(
            accessible, lambda a: a.get_role() == Atspi.Role.CHECK_BOX
            and (a.get_name() == check_name or a.get_name().endswith(' ' + check_name))
            and on_screen(a), everything=True), app)
        shot('export-dialog')
        problems = []
        if has_state(check, Atspi.StateType.CHECKED):
            problems.append('it is ticked')
        if not has_state(check, Atspi.StateType.SENSITIVE):
            problems.append('it is insensitive, though the report is linked to a placement')
        state['step'] = f'activating "{cancel_name}"'
        activate(wait_until(state['step'], lambda: button(accessible, cancel_name), app))
        # Not polled: GTK 4.8 answers AT-SPI calls about a window being
        # destroyed with an invalid object path (a critical warning)
        time.sleep(1)
        if problems:
            tap.not_ok(description, '\n'.join(problems) + f'\n{describe(check)}')
        else:
            tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)

    # 9. Still alive
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running', f'exit status {app.process.returncode}')


def main():
    parser = argparse.ArgumentParser(description='UI test of the Deviations view.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(shell.VIEWS), default='en')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI')
    parser.add_argument('--fixture', metavar='FILE.json',
                        default=os.path.join(HERE, os.pardir, 'data', 'interchange', 'full.json'))
    parser.add_argument('--screenshots', metavar='PREFIX',
                        help='save screenshots as PREFIX-list.png, PREFIX-editor.png, ...')
    parser.add_argument('--narrow', action='store_true', help='make the window 360 pixels wide')
    parser.add_argument('--timeout', type=float, default=200.0)
    parser.add_argument('--startup-timeout', type=float, default=30.0)
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(9)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
