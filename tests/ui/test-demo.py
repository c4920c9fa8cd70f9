#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of what runs across the application: starts the real application,
# opens the demonstration data from the main menu and checks that it is
# clearly labelled (the "Demonstration Data" label shows and the window's
# title changes) and that it never mixes with the user's own database
# (placeringar-cli reads both); closes it again; checks that Preferences
# shows the account's name as the caseworker's name by default; and that
# the shortcuts window lists Ctrl+F. With --screenshots DIR it saves one
# screenshot of each view of the demonstration data instead (for the
# metainfo). Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-demo.py \
#       build/src/app/placeringar [--lang en|sv] [--screenshot FILE.png]
#
# Shares its helpers with test-shell.py.

import argparse
import importlib.util
import os
import pwd
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

Atspi = shell.Atspi
GLib = shell.GLib
Failure = shell.Failure

TEXTS = {
    'en': {
        'open_demo': 'Open Demonstration Data…',
        'close_demo': 'Close Demonstration Data',
        'pill': 'Demonstration Data',
        'title': 'Placements',
        'demo_title': 'Placements — Demonstration Data',
        'shortcuts': 'Keyboard Shortcuts',
        'search': 'Search',
        'caseworker': 'My Name as Caseworker',
        'notification': 'Steps to Take',
        'overdue': r'^[0-9]+ steps? (is|are) overdue\.',
    },
    'sv': {
        'open_demo': 'Öppna demonstrationsdata…',
        'close_demo': 'Stäng demonstrationsdata',
        'pill': 'Demonstrationsdata',
        'title': 'Placeringar',
        'demo_title': 'Placeringar — demonstrationsdata',
        'shortcuts': 'Tangentbordsgenvägar',
        'search': 'Sök',
        'caseworker': 'Mitt namn som handläggare',
        'notification': 'Steg att göra',
        'overdue': r'^[0-9]+ steg är försenade?\.',
    },
}

# Names and numbers in tests/data/interchange/full.json, which must never
# show in a notification.
PERSONAL = ['Alva', 'Noah', 'Samir', 'Exempelsson', 'Provsson', 'Testsson', '2424', '3714']

NOTIFICATIONS_XML = '''
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
  </interface>
</node>
'''


class NotificationServer:
    """A stand-in for the desktop's notification service: records what
    it is asked to show."""

    def __init__(self):
        from gi.repository import Gio
        self.received = []
        self.ready = threading.Event()
        self.Gio = Gio
        threading.Thread(target=self._run, daemon=True).start()
        if not self.ready.wait(10):
            raise Failure('the stand-in notification service did not start')

    def _call(self, connection, sender, path, interface, method, parameters, invocation):
        GLib_ = GLib
        if method == 'Notify':
            self.received.append(parameters.unpack())
            invocation.return_value(GLib_.Variant('(u)', (len(self.received),)))
        elif method == 'GetCapabilities':
            invocation.return_value(GLib_.Variant('(as)', (['body', 'actions'],)))
        elif method == 'GetServerInformation':
            invocation.return_value(GLib_.Variant('(ssss)', ('stand-in', 'test', '1', '1.2')))
        else:
            invocation.return_value(None)

    def _run(self):
        Gio = self.Gio
        context = GLib.MainContext()
        context.push_thread_default()
        connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        node = Gio.DBusNodeInfo.new_for_xml(NOTIFICATIONS_XML)
        connection.register_object('/org/freedesktop/Notifications', node.interfaces[0],
                                   self._call, None, None)
        connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                             'org.freedesktop.DBus', 'RequestName',
                             GLib.Variant('(su)', ('org.freedesktop.Notifications', 4)),
                             None, Gio.DBusCallFlags.NONE, -1, None)
        self.ready.set()
        GLib.MainLoop(context).run()


def cli_import(cli, path):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    result = subprocess.run([cli, 'import', path], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli import failed: {result.stderr.strip()}')

VIEW_NAMES = ['placements', 'timelines', 'contacts', 'deviations', 'reports']


def account_name():
    """What g_get_real_name () answers: the first field of GECOS."""
    gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(',')[0].strip()
    return gecos or None


def menu_item(app, accessible, window, name, state):
    texts = shell.VIEWS
    state['step'] = f'opening the main menu to find "{name}"'
    button = shell.wait_until(state['step'], lambda: shell.find_first(
        window, lambda a: a.get_name() == texts[state['lang']]['main_menu']
        and 'click' in shell.action_names(a) and shell.on_screen(a), everything=True), app)
    shell.activate(button)
    state['step'] = f'waiting for the menu item "{name}"'
    item = shell.wait_until(state['step'], lambda: shell.find_first(
        accessible, lambda a: a.get_role() == Atspi.Role.MENU_ITEM
        and a.get_name() == name and shell.on_screen(a), everything=True), app)
    shell.activate(item)


def label_shown(root, text):
    return shell.find_first(root, lambda a: a.get_role() == Atspi.Role.LABEL
                            and a.get_name() == text and shell.on_screen(a))


def cli_children(cli, database=None):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    command = [cli] + (['-d', database] if database else []) + ['children']
    result = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'{" ".join(command)} failed ({result.returncode}): {result.stderr.strip()}')
    return [line for line in result.stdout.splitlines() if line.strip()]


def window_named(accessible, name):
    for child in shell.children(accessible):
        try:
            if child.get_role() in (Atspi.Role.FRAME, Atspi.Role.WINDOW) \
                    and child.get_name() == name and shell.on_screen(child):
                return child
        except GLib.Error:
            continue
    return None


def entry_text(accessible):
    try:
        if 'Text' in accessible.get_interfaces():
            # GTK 4.8 answers nothing for an end offset of -1
            return accessible.get_text(0, accessible.get_character_count())
    except GLib.Error:
        pass
    return None


def save_screenshot(path, window):
    """Saves the window: the screen without the empty (black) root around it."""
    xwd = subprocess.Popen(['xwd', '-root', '-silent'], stdout=subprocess.PIPE)
    convert = subprocess.run(['convert', 'xwd:-', '-bordercolor', 'black', '-border', '1',
                              '-trim', '+repage', path],
                             stdin=xwd.stdout, timeout=30, check=False)
    xwd.stdout.close()
    xwd.wait(30)
    if xwd.returncode != 0 or convert.returncode != 0:
        raise Failure(f'could not save {path}')


def open_demo(args, tap, state, app, accessible, window):
    texts = TEXTS[args.lang]
    menu_item(app, accessible, window, texts['open_demo'], state)
    state['step'] = f'waiting for the label "{texts["pill"]}" and the title "{texts["demo_title"]}"'
    shell.wait_until(state['step'], lambda: label_shown(window, texts['pill'])
                     and window.get_name() == texts['demo_title'], app, 60)


def run(args, tap, state):
    texts = TEXTS[args.lang]
    state['lang'] = args.lang
    if not shell.locale_available(shell.VIEWS[args.lang]['locale']):
        raise Failure(f'the locale {shell.VIEWS[args.lang]["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    Atspi.init()
    server = None
    if not args.screenshots:
        # Some steps overdue in the user's own database, and a service to
        # show the notification about them.
        state['step'] = 'importing tests/data/interchange/full.json'
        cli_import(args.cli, os.path.join(os.path.dirname(HERE), 'data', 'interchange', 'full.json'))
        state['step'] = 'starting a stand-in notification service'
        server = NotificationServer()

    state['step'] = 'starting the application'
    app = shell.App(args.binary, args.lang)
    state['app'] = app

    # 1. The window, with its own title
    state['step'] = 'waiting for the application and its main window'
    accessible = shell.wait_until(state['step'], lambda: shell.find_application(app), app,
                                  args.startup_timeout)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    window = shell.wait_until(state['step'], lambda: shell.find_window(accessible), app)
    state['step'] = 'waiting for the database to open'
    # The menu item is there once the user's database is open.
    if window.get_name() != texts['title']:
        raise Failure(f'the window is "{window.get_name()}", not "{texts["title"]}"')
    if label_shown(window, texts['pill']):
        raise Failure(f'"{texts["pill"]}" shows before the demonstration data is opened')
    tap.ok(f'the main window "{window.get_name()}" shows no "{texts["pill"]}" label')

    if args.screenshots:
        return take_screenshots(args, tap, state, app, accessible, window)

    # 2. One notification at start: counts only, and it opens the agenda
    state['step'] = 'waiting for the notification of what is due'
    try:
        shell.wait_until(state['step'], lambda: server.received, app, 30)
        (app_name, _, _, summary, body, actions, hints, _) = server.received[0]
        problems = []
        if summary != texts['notification']:
            problems.append(f'the summary is "{summary}", not "{texts["notification"]}"')
        if not re.match(texts['overdue'], body):
            problems.append(f'the body does not say how many steps are overdue: "{body}"')
        leaked = [word for word in PERSONAL if word in summary + body]
        if leaked:
            problems.append(f'personal data in the notification: {leaked}')
        if 'default' not in actions[0::2]:
            problems.append(f'no default action: {actions}')
        if problems:
            tap.not_ok('one notification of what is due, in counts only', '\n'.join(problems))
        else:
            tap.ok(f'one notification of what is due, in counts only: "{summary}" / "{body}"')
    except Failure as failure:
        tap.not_ok('one notification of what is due, in counts only', failure)

    # 2. Open the demonstration data from the main menu
    description = (f'"{texts["open_demo"]}" in the main menu shows "{texts["pill"]}" '
                   f'and the title "{texts["demo_title"]}"')
    open_demo(args, tap, state, app, accessible, window)
    tap.ok(description)

    # 3. Separate databases
    state['step'] = 'reading both databases with placeringar-cli'
    data_home = os.environ.get('XDG_DATA_HOME') or os.path.expanduser('~/.local/share')
    demo_db = os.path.join(data_home, 'placeringar', 'demo.db')
    demo_children = cli_children(args.cli, demo_db)
    own_children = cli_children(args.cli)
    time.sleep(1)
    if len(demo_children) < 10 or len(own_children) != 3 \
            or any('demo-' in line for line in own_children) or len(server.received) != 1:
        tap.not_ok('the demonstration data has a database of its own, and no notification',
                   f'demo.db: {len(demo_children)} children; own database: {own_children}; '
                   f'notifications: {len(server.received)}')
    else:
        tap.ok(f'the demonstration data has a database of its own ({len(demo_children)} '
               f'children in demo.db, the own 3 untouched), and sends no notification')

    # 4. Close it again from the banner's button
    state['step'] = f'looking for the button "{texts["close_demo"]}"'
    try:
        button = shell.wait_until(state['step'], lambda: shell.find_first(
            window, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON and shell.on_screen(a)
            and a.get_name() == texts['close_demo'], everything=True), app)
    except Failure as failure:
        buttons = [shell.describe(a) for a in shell.walk_all(window)
                   if a.get_role() == Atspi.Role.PUSH_BUTTON]
        raise Failure(f'{failure}\nbuttons: {buttons}') from None
    shell.activate(button)
    state['step'] = f'waiting for the title "{texts["title"]}" to come back'
    shell.wait_until(state['step'], lambda: window.get_name() == texts['title']
                     and not label_shown(window, texts['pill']), app)
    tap.ok(f'"{texts["close_demo"]}" puts the title "{texts["title"]}" back and hides the label')

    # 5. Preferences: the caseworker's name defaults to the account's
    prefs = shell.Preferences(app, accessible, window, args.lang, state)
    frame = prefs.open()
    expected = account_name()
    state['step'] = f'looking for the row "{texts["caseworker"]}"'

    def caseworker_text():
        row = shell.find_first(frame, lambda a: a.get_name() == texts['caseworker']
                               and a.get_role() in (Atspi.Role.LIST_ITEM, Atspi.Role.TEXT,
                                                    Atspi.Role.ENTRY), everything=True)
        if row is None:
            return None
        for candidate in shell.walk_all(row):
            text = entry_text(candidate)
            if text is not None and candidate.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY):
                return (text,)
        return None

    found = shell.wait_until(state['step'], caseworker_text, app)
    if expected is None or expected == 'Unknown':
        tap.ok(f'"{texts["caseworker"]}" (the account has no full name: shows "{found[0]}")')
    elif found[0] == expected:
        tap.ok(f'"{texts["caseworker"]}" shows the account\'s name "{expected}" by default')
    else:
        entries = [f'{a.get_role_name()} {a.get_name()!r} {entry_text(a)!r}'
                   for a in shell.walk_all(frame) if entry_text(a) is not None]
        tap.not_ok(f'"{texts["caseworker"]}" shows the account\'s name by default',
                   f'it shows "{found[0]}", not "{expected}"\ntext objects:\n' + '\n'.join(entries))
    prefs.close()

    # 6. The shortcuts window lists Ctrl+F for Search
    menu_item(app, accessible, window, texts['shortcuts'], state)
    state['step'] = 'waiting for the shortcuts window'

    def shortcuts_window():
        for child in shell.children(accessible):
            try:
                if child.get_role() in (Atspi.Role.FRAME, Atspi.Role.WINDOW, Atspi.Role.DIALOG) \
                        and child.get_name() != window.get_name() and shell.on_screen(child):
                    return child
            except GLib.Error:
                continue
        return None

    shortcuts = shell.wait_until(state['step'], shortcuts_window, app)
    state['step'] = f'looking for "{texts["search"]}" and Ctrl+F in the shortcuts window'

    def search_shortcut():
        labels = []
        for a in shell.walk_all(shortcuts):
            try:
                if a.get_role() == Atspi.Role.LABEL:
                    labels.append(a.get_name())
            except GLib.Error:
                continue
        if texts['search'] not in labels:
            return None
        at = labels.index(texts['search'])
        nearby = labels[max(0, at - 4):at + 4]
        return labels if 'Ctrl' in nearby and 'F' in nearby else None

    try:
        shell.wait_until(state['step'], search_shortcut, app, 10)
        tap.ok(f'the shortcuts window lists "{texts["search"]}" with Ctrl+F')
    except Failure as failure:
        labels = [a.get_name() for a in shell.walk_all(shortcuts)
                  if a.get_role() == Atspi.Role.LABEL]
        tap.not_ok('the shortcuts window lists Ctrl+F', f'{failure}\nlabels: {labels}')

    # 7. Still alive
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running', f'status {app.process.returncode}')


def take_screenshots(args, tap, state, app, accessible, window):
    """Opens the demonstration data and saves one screenshot per view."""
    open_demo(args, tap, state, app, accessible, window)
    tap.ok('the demonstration data is open')
    os.makedirs(args.screenshots, exist_ok=True)
    names = shell.VIEWS[args.lang]['tabs']
    state['step'] = 'waiting for the view tabs'
    tabs = shell.wait_until(state['step'], lambda: (lambda shown: shown if len(shown) == len(names) else None)(
        shell.visible_tabs(window)[0]), app)
    by_name = {tab.get_name(): tab for tab in tabs}
    for index, name in enumerate(names):
        state['step'] = f'showing {name}'
        shell.activate(by_name[name])
        shell.wait_until(state['step'], lambda: shell.has_state(by_name[name], Atspi.StateType.SELECTED), app)
        time.sleep(1.5)   # let the view load and draw
        path = os.path.join(args.screenshots, f'{args.prefix}{VIEW_NAMES[index]}.png')
        save_screenshot(path, window)
        tap.ok(f'{name}: {path}')
    return None


def main():
    parser = argparse.ArgumentParser(description='UI test across the application.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(TEXTS), default='en')
    parser.add_argument('--screenshot', metavar='FILE.png',
                        help='save a screenshot of the screen at the end')
    parser.add_argument('--screenshots', metavar='DIR',
                        help='only save one screenshot of each view of the demonstration data')
    parser.add_argument('--prefix', default='', help='file name prefix for --screenshots')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI')
    parser.add_argument('--timeout', type=float, default=150.0)
    parser.add_argument('--startup-timeout', type=float, default=30.0)
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(2 + len(VIEW_NAMES) if args.screenshots else 8)
    return shell.run_test(run, args, tap, screenshot_path=args.screenshot)


if __name__ == '__main__':
    sys.exit(main())
