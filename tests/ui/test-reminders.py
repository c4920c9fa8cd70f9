#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The daily reminder with the window closed, on a real session bus: this
# test owns org.freedesktop.Notifications on the private bus of
# tests/session-run (a small notification server that records what it is
# sent), imports tests/data/interchange/rules.json, turns the reminders on
# (GSettings' keyfile backend in the temporary home) and starts
# `placeringar --background`.  Then:
#
#   0. on first start the window asks once (not a dialog), and "Remind Me"
#      turns the reminders on and writes the autostart entry;
#   1. the notification arrives, with no window open: the counts of what is
#      overdue and due today in the caseworker's list (as placeringar-cli
#      counts them), whose list it is, and no child's name or number;
#   2. the notification's action (ActionInvoked "default") opens a window
#      on the Timelines view with the caseload's agenda, the caseworker's
#      overdue steps in it;
#   3. turning the reminders off and on removes and writes the XDG
#      autostart entry (Exec=… --background, X-GNOME-Autostart-enabled);
#   4. closing the window leaves the background instance running; SIGTERM
#      (logging out) ends it cleanly, with every window and model finalized;
#   5. another background instance, on a session bus of its own, exits
#      cleanly when that bus goes away.
#
# Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-reminders.py \
#       build/src/app/placeringar --cli build/src/cli/placeringar-cli \
#       --source-dir . [--lang en|sv] [--screenshot-dir DIR]

import argparse
import datetime
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

from gi.repository import Atspi, Gio, GLib  # noqa: E402

Failure = shell.Failure

APP_ID = 'se.placeringar.Placeringar'
CASEWORKER = 'Kim'
FIXTURE = 'rules.json'

TEXTS = {
    'en': {'title': 'Steps to Take', 'caseworker': f'Caseworker: {CASEWORKER}',
           'overdue_one': '1 step is overdue.', 'overdue_many': '{} steps are overdue.',
           'today_one': '1 step is due today.', 'today_many': '{} steps are due today.',
           'agenda': 'Agenda', 'overdue': 'Overdue', 'remind_me': 'Remind Me'},
    'sv': {'title': 'Steg att göra', 'caseworker': f'Handläggare: {CASEWORKER}',
           'overdue_one': '1 steg är försenat.', 'overdue_many': '{} steg är försenade.',
           'today_one': '1 steg ska göras i dag.', 'today_many': '{} steg ska göras i dag.',
           'agenda': 'Att göra', 'overdue': 'Försenad', 'remind_me': 'Påminn mig'},
}

INTROSPECTION = '''
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
'''
PATH = '/org/freedesktop/Notifications'
IFACE = 'org.freedesktop.Notifications'


class NotificationServer:
    """org.freedesktop.Notifications on the session bus, recording each
    notification it is sent."""

    def __init__(self):
        self.received = []
        self.closed = []
        self.owned = False
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        info = Gio.DBusNodeInfo.new_for_xml(INTROSPECTION).interfaces[0]
        self.bus.register_object(PATH, info, self._call, None, None)
        Gio.bus_own_name_on_connection(self.bus, IFACE, Gio.BusNameOwnerFlags.NONE,
                                       self._acquired, None)

    def _acquired(self, connection, name):
        self.owned = True

    def _call(self, connection, sender, path, iface, method, params, invocation):
        if method == 'GetCapabilities':
            invocation.return_value(GLib.Variant('(as)', (['actions', 'body'],)))
        elif method == 'GetServerInformation':
            invocation.return_value(GLib.Variant('(ssss)', ('test', 'placeringar', '1', '1.2')))
        elif method == 'CloseNotification':
            self.closed.append(params.unpack()[0])
            invocation.return_value(None)
        elif method == 'Notify':
            app_name, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
            nid = replaces or len(self.received) + 1
            self.received.append({'id': nid, 'app_name': app_name, 'summary': summary,
                                  'body': body, 'actions': actions, 'hints': hints})
            invocation.return_value(GLib.Variant('(u)', (nid,)))

    def invoke(self, nid, action):
        self.bus.emit_signal(None, PATH, IFACE, 'ActionInvoked', GLib.Variant('(us)', (nid, action)))
        self.bus.flush_sync(None)


def pump_until(what, condition, app, timeout=shell.STEP_TIMEOUT):
    """wait_until, dispatching this process's D-Bus calls meanwhile."""
    context = GLib.MainContext.default()

    def pumped():
        while context.iteration(False):
            pass
        return condition()

    return shell.wait_until(what, pumped, app, timeout)


class BackgroundApp(shell.App):
    """placeringar --background (or with other @arguments), in its own
    process group."""

    def __init__(self, binary, lang, env_changes, arguments=('--background',)):
        self.process = None
        env = dict(shell.APP_ENV)
        env.update({'LANG': shell.VIEWS[lang]['locale'], 'LC_ALL': shell.VIEWS[lang]['locale'],
                    'LANGUAGE': shell.VIEWS[lang]['language'], 'GTK_A11Y': 'atspi'})
        env.pop('NO_AT_BRIDGE', None)
        env.update(env_changes)
        for name, value in env_changes.items():
            if value is None:
                env.pop(name)
        self.process = subprocess.Popen([binary, *arguments], env=env,
                                        stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno(),
                                        start_new_session=True)

    def wait_exit(self, seconds):
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None


def keyfile_path():
    return os.path.join(os.environ['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile')


def write_settings(reminders, asked=True):
    """The user's settings, as the keyfile backend keeps them: the running
    application sees a change through its file monitor."""
    os.makedirs(os.path.dirname(keyfile_path()), exist_ok=True)
    text = ('[se/placeringar/Placeringar]\n'
            f'background-reminders={"true" if reminders else "false"}\n'
            f'background-reminders-asked={"true" if asked else "false"}\n'
            f"caseworker-name='{CASEWORKER}'\n")
    tmp = keyfile_path() + '.new'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, keyfile_path())


def read_settings():
    settings = GLib.KeyFile()
    try:
        settings.load_from_file(keyfile_path(), GLib.KeyFileFlags.NONE)
        return {k: settings.get_value('se/placeringar/Placeringar', k)
                for k in settings.get_keys('se/placeringar/Placeringar')[0]}
    except GLib.Error:
        return {}


def cli_json(cli, *args):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    result = subprocess.run([cli, *args], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli {" ".join(args)} failed: {result.stderr.strip()}')
    return json.loads(result.stdout) if args[0] == 'obligations' else None


def expected_counts(cli):
    """What is overdue and due today in the caseworker's list, as the CLI
    counts it, today in Sweden (as the application's "today")."""
    today = datetime.datetime.now(zoneinfo.ZoneInfo('Europe/Stockholm')).date().isoformat()
    obligations = cli_json(cli, 'obligations', '--json', '--caseworker', CASEWORKER)
    overdue = sum(1 for o in obligations if o['status'] == 'overdue')
    due_today = sum(1 for o in obligations if o['status'] in ('open', 'upcoming') and o['due'] == today)
    return overdue, due_today


def count_line(texts, key, n):
    return texts[f'{key}_one'] if n == 1 else texts[f'{key}_many'].format(n)


def personal_data(source_dir):
    with open(os.path.join(source_dir, 'tests', 'data', 'interchange', FIXTURE), encoding='utf-8') as f:
        data = json.load(f)
    found = []
    for child in data['children']:
        found.append(child['name'])
        found.extend(child['name'].split())
        found.append(child['personnummer'])
        found.append(child['personnummer'].replace('-', '')[2:])
    return found


def windows_of(app):
    accessible = shell.find_application(app)
    if accessible is None:
        return []
    return [c for c in shell.children(accessible) if c.get_role() == Atspi.Role.FRAME]


def run(args, tap, state):
    texts = TEXTS[args.lang]
    lang = shell.VIEWS[args.lang]
    if not shell.locale_available(lang['locale']):
        raise Failure(f'the locale {lang["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    keyfile = {'GSETTINGS_BACKEND': 'keyfile'}
    autostart = os.path.join(os.environ['XDG_CONFIG_HOME'], 'autostart', APP_ID + '.desktop')

    state['step'] = f'importing {FIXTURE} and counting with placeringar-cli'
    cli_json(args.cli, 'import', os.path.join(args.source_dir, 'tests', 'data', 'interchange', FIXTURE))
    n_overdue, n_due_today = expected_counts(args.cli)
    if n_overdue == 0:
        raise Failure(f'the fixture has nothing overdue for {CASEWORKER}: the test would prove nothing')
    tap.ok(f'{FIXTURE} imported; {CASEWORKER} has {n_overdue} overdue and {n_due_today} due today')

    # 0. With the reminders off, --background does nothing and ends at once
    write_settings(reminders=False)
    state['step'] = 'starting placeringar --background with the reminders off'
    off = BackgroundApp(args.binary, args.lang, keyfile)
    status = off.wait_exit(20)
    if status == 0 and not os.path.exists(autostart):
        tap.ok('with the reminders off, placeringar --background exits at once with status 0')
    else:
        tap.not_ok('with the reminders off, placeringar --background exits at once with status 0',
                   f'status {status}')
        off.stop()

    # 0b. On first start the window asks once; "Remind Me" turns them on
    Atspi.init()
    write_settings(reminders=False, asked=False)
    state['step'] = 'starting placeringar for the first time'
    first = BackgroundApp(args.binary, args.lang, keyfile, arguments=())
    state['app'] = first
    description = 'on first start the window asks once; "Remind Me" turns the reminders on'
    try:
        accessible = shell.wait_until('waiting for the application', lambda: shell.find_application(first), first, 30)
        accessible.set_cache_mask(Atspi.Cache.NONE)
        window = shell.wait_until('waiting for its window', lambda: shell.find_window(accessible), first)
        state['step'] = f'waiting for the question\'s button "{texts["remind_me"]}"'
        button = shell.wait_until(state['step'], lambda: shell.labelled_button(window, texts['remind_me']), first)
        if args.screenshot_dir:
            shell.screenshot(os.path.join(args.screenshot_dir, f'reminders-question-{args.lang}.png'), tap)
        shell.activate(button)
        state['step'] = 'waiting for the answer to be kept and the autostart entry written'
        shell.wait_until(state['step'], lambda: read_settings().get('background-reminders') == 'true'
                         and read_settings().get('background-reminders-asked') == 'true'
                         and os.path.exists(autostart), first)
        state['step'] = 'waiting for the question to go'

        def question_gone():
            try:
                return not shell.has_state(button, Atspi.StateType.SHOWING)
            except GLib.Error:
                return True  # the button is gone from the tree

        shell.wait_until(state['step'], question_gone, first)
        tap.ok(description)
    except (Failure, GLib.Error) as failure:
        tap.not_ok(description, failure)
    first.stop()
    state['app'] = None
    if os.path.exists(autostart):
        os.remove(autostart)

    # 1. The notification, with no window
    server = NotificationServer()
    write_settings(reminders=True)
    state['step'] = 'starting placeringar --background'
    app = BackgroundApp(args.binary, args.lang, keyfile)
    state['app'] = app
    state['step'] = 'waiting for the notification'
    pump_until(state['step'], lambda: server.owned and server.received, app, 45)
    note = server.received[0]
    tap.diag(f'received: {note["summary"]!r} / {note["body"]!r}; actions {note["actions"]}')

    lines = [count_line(texts, 'overdue', n_overdue)]
    if n_due_today:
        lines.append(count_line(texts, 'today', n_due_today))
    lines.append(texts['caseworker'])
    expected = '\n'.join(lines)
    if note['summary'] == texts['title'] and note['body'] == expected:
        tap.ok(f'the notification: "{texts["title"]}", the counts and whose list: {expected!r}')
    else:
        tap.not_ok('the notification gives the counts and whose list',
                   f'expected {texts["title"]!r} / {expected!r}, got {note["summary"]!r} / {note["body"]!r}')

    leaked = [p for p in personal_data(args.source_dir)
              if p in note['summary'] or p in note['body'] or p in str(note['hints'])]
    if leaked:
        tap.not_ok('no child is named in the notification', f'it holds {leaked}')
    else:
        tap.ok('no child\'s name or personal identity number is in the notification')

    if 'default' in note['actions'][0::2] and windows_of(app) == []:
        tap.ok('it has a default action, and the application has no window')
    else:
        tap.not_ok('it has a default action, and the application has no window',
                   f'actions {note["actions"]}, windows {[w.get_name() for w in windows_of(app)]}')

    # 2. The action opens the agenda
    state['step'] = 'activating the notification'
    server.invoke(note['id'], 'default')
    state['step'] = 'waiting for a window'
    window = pump_until(state['step'], lambda: next(iter(windows_of(app)), None), app)
    accessible = shell.find_application(app)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    tab_name = lang['tabs'][1]
    try:
        state['step'] = f'waiting for the tab "{tab_name}" to be selected'
        pump_until(state['step'], lambda: next(
            (t for t in shell.page_tabs(window) if t.get_name() == tab_name
             and shell.has_state(t, Atspi.StateType.SELECTED)), None), app)
        state['step'] = f'waiting for the agenda "{texts["agenda"]}" with its rows'

        def agenda_overdue():
            agenda = shell.find_first(window, lambda a: a.get_role() == Atspi.Role.LIST
                                      and a.get_name() == texts['agenda'] and shell.on_screen(a))
            if agenda is None:
                return None
            rows = [' '.join(shell.texts_of(r)) for r in shell.children(agenda)
                    if r.get_role() == Atspi.Role.LIST_ITEM]
            late = [r for r in rows if f' — {texts["overdue"]} — ' in r]
            return late if len(late) == n_overdue else None

        late = pump_until(state['step'], agenda_overdue, app)
        tap.ok(f'the action opens "{tab_name}" with the agenda: {CASEWORKER}\'s {len(late)} overdue steps')
    except (Failure, GLib.Error) as failure:
        tap.not_ok(f'the action opens "{tab_name}" with the agenda of {CASEWORKER}\'s list', failure)
    if args.screenshot_dir:
        shell.screenshot(os.path.join(args.screenshot_dir, f'reminders-agenda-{args.lang}.png'), tap)

    # 3. The switch (with the window open: turned off, the reminders no
    #    longer keep the application running) writes and removes the autostart entry
    state['step'] = 'turning the reminders off: the autostart entry is removed'
    os.makedirs(os.path.dirname(autostart), exist_ok=True)
    with open(autostart, 'w', encoding='utf-8') as f:
        f.write('[Desktop Entry]\nType=Application\nName=stale\nExec=false\n')
    write_settings(reminders=False)
    try:
        pump_until(state['step'], lambda: not os.path.exists(autostart), app)
        write_settings(reminders=True)
        state['step'] = 'turning the reminders on: the autostart entry is written'
        pump_until(state['step'], lambda: os.path.exists(autostart), app)
        entry = GLib.KeyFile()
        entry.load_from_file(autostart, GLib.KeyFileFlags.NONE)
        exec_line = entry.get_string('Desktop Entry', 'Exec')
        enabled = entry.get_boolean('Desktop Entry', 'X-GNOME-Autostart-enabled')
        valid = subprocess.run(['desktop-file-validate', autostart], capture_output=True, text=True)
        if exec_line.endswith('placeringar --background') and enabled and valid.returncode == 0:
            tap.ok(f'the switch writes and removes the autostart entry: Exec={exec_line}')
        else:
            tap.not_ok('the switch writes and removes a valid autostart entry',
                       f'Exec={exec_line} enabled={enabled}\n{valid.stdout}{valid.stderr}')
    except (Failure, GLib.Error) as failure:
        tap.not_ok('the switch writes and removes the autostart entry', failure)

    # 4. Closing the window leaves it running; SIGTERM ends it cleanly
    try:
        shell.close_window(app, accessible, window, window.get_name(), state)
        time.sleep(2)
        if app.running():
            tap.ok('with the window closed, the background instance goes on running')
        else:
            tap.not_ok('with the window closed, the background instance goes on running',
                       f'it exited with status {app.process.returncode}')
    except (Failure, GLib.Error) as failure:
        tap.not_ok('with the window closed, the background instance goes on running', failure)

    state['step'] = 'stopping it with SIGTERM, as logging out does'
    os.kill(app.process.pid, signal.SIGTERM)
    status = app.wait_exit(15)
    state['app'] = None
    if status == 0:
        tap.ok('SIGTERM ends it with status 0, every window and model finalized')
    else:
        tap.not_ok('SIGTERM ends it with status 0, every window and model finalized', f'status {status}')
        app.stop()

    # 5. A session bus that goes away ends a background instance
    state['step'] = 'starting a session bus of its own'
    bus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = bus.stdout.readline().strip()
    other = None
    try:
        other = BackgroundApp(args.binary, args.lang, {
            **keyfile, 'DBUS_SESSION_BUS_ADDRESS': address, 'GTK_A11Y': 'none', 'NO_AT_BRIDGE': '1',
            # No keyring on that bus: the database cannot be opened, which it says
            'G_DEBUG': 'gc-friendly'})
        state['app'] = other
        connection = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)

        def registered():
            reply = connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                         'org.freedesktop.DBus', 'NameHasOwner',
                                         GLib.Variant('(s)', (APP_ID,)), GLib.VariantType('(b)'),
                                         Gio.DBusCallFlags.NONE, -1, None)
            return reply.unpack()[0]

        state['step'] = 'waiting for it on that bus'
        shell.wait_until(state['step'], registered, other, 30)
        connection.close_sync(None)
        bus.terminate()
        bus.wait(10)
        state['step'] = 'waiting for it to end with the bus'
        status = other.wait_exit(15)
        if status == 0:
            tap.ok('when the session bus goes away, the background instance ends with status 0')
        else:
            tap.not_ok('when the session bus goes away, the background instance ends with status 0',
                       f'status {status}')
    finally:
        if other is not None:
            other.stop()
        state['app'] = None
        if bus.poll() is None:
            bus.kill()


def main():
    parser = argparse.ArgumentParser(description='The daily reminder with the window closed.')
    parser.add_argument('binary')
    parser.add_argument('--cli', required=True)
    parser.add_argument('--source-dir', required=True)
    parser.add_argument('--lang', choices=sorted(TEXTS), default='en')
    parser.add_argument('--screenshot-dir')
    parser.add_argument('--timeout', type=float, default=150.0)
    args = parser.parse_args()
    tap = shell.Tap(11)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
