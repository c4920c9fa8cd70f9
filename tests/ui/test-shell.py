#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI smoke test: starts the real application, finds its window through the
# accessibility tree (AT-SPI), activates each of the five view tabs and
# checks that it, and only it, becomes the selected one and that its view's
# status page shows. Then opens Preferences from the main menu, changes a
# local routine of the national profile on the Local Routines page, and
# checks that the database holds it: Preferences opened again shows it, and
# so does placeringar-cli; and that Reset takes it away again. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-shell.py \
#       build/src/app/placeringar [--lang en|sv] [--screenshot FILE.png] \
#       [--cli build/src/cli/placeringar-cli]
#
# PLACERINGAR_PROFILES_DIR must name the shipped profiles (data/profiles),
# as the test environment and `meson devenv` set it.
#
# Needs a display, a session bus and a keyring (the application makes a
# database key on first start): tests/session-run --display gives all three
# in a private session.

import argparse
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
import warnings

# PyGObject comes with the system's Python; another python3 first in PATH
# (pyenv, a virtualenv) usually lacks it. Look without importing: importing
# would load GLib, which must not happen before G_DEBUG is dealt with below.
if importlib.util.find_spec('gi') is None:
    SYSTEM_PYTHON = '/usr/bin/python3'
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) \
            and os.access(SYSTEM_PYTHON, os.X_OK):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print('Bail out! PyGObject (python3-gi) is not installed for ' + sys.executable, flush=True)
    sys.exit(1)

# The test environment may set G_DEBUG=fatal-warnings for the application.
# libatspi warns about things that are no fault of the application (for
# example a cache request racing with start-up), so this process must not
# inherit it: GLib reads G_DEBUG when it is loaded, i.e. on "import gi".
APP_ENV = dict(os.environ)
# The application tracks its windows and models, quits cleanly on SIGTERM
# and exits with FINALIZE_FAILED if any of them outlived it.
APP_ENV['PLACERINGAR_CHECK_FINALIZED'] = '1'
FINALIZE_FAILED = 3
for _name in ('G_DEBUG', 'MALLOC_CHECK_', 'MALLOC_PERTURB_'):
    os.environ.pop(_name, None)

import gi  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

# atspi_action_get_action_name() is deprecated for atspi_action_get_name(),
# which PyGObject cannot offer on an Accessible (it has get_name already).
warnings.filterwarnings('ignore', message=r'Atspi\.Action\.get_action_name is deprecated',
                        category=DeprecationWarning)

# The local routine that the test changes: a rule of the national profile
# whose offset is a local routine (data/profiles/national.json), its
# default amount there, and the amount the test sets.
ROUTINE_PROFILE = 'national'
ROUTINE_RULE = 'health-exam-notification'
ROUTINE_DEFAULT = 3

# Tab names and the title of each view's status page (for a view that is
# built, the view's own accessible name), in view order.
VIEWS = {
    'en': {
        'locale': 'en_US.UTF-8',
        'language': 'en_US:en',
        'tabs': ['Placements', 'Timelines', 'Contacts', 'Deviations', 'Reports'],
        # A view that is no longer a placeholder is named after itself.
        'status': ['Placements', 'No Timelines Yet', 'Contacts',
                   'Deviation Reports', 'Reports'],
        'preferences': 'Preferences',
        'audit_log': 'Audit Log',
        'audit_routine': f'Local routine {ROUTINE_PROFILE}/{ROUTINE_RULE}',
        'main_menu': 'Main Menu',
        'routines_tab': 'Local Routines',
        'reset': 'Reset',
        'default_prefix': 'Default: ',
        'default_text': 'Default: 3 days after the start of the care',
    },
    'sv': {
        'locale': 'sv_SE.UTF-8',
        'language': 'sv_SE:sv',
        'tabs': ['Placeringar', 'Tidslinjer', 'Kontakter', 'Avvikelser', 'Rapporter'],
        # Not pinned down: only required to differ from the English ones.
        'status': None,
        'preferences': 'Inställningar',
        'audit_log': 'Granskningslogg',
        'audit_routine': f'Lokal rutin {ROUTINE_PROFILE}/{ROUTINE_RULE}',
        'main_menu': 'Huvudmeny',
        'routines_tab': 'Lokala rutiner',
        'reset': 'Återställ',
        'default_prefix': 'Standard: ',
        'default_text': None,
    },
}

ROUTINE_NEW = 5

POLL = 0.05              # seconds between polls
STEP_TIMEOUT = 15.0      # seconds for one step (start-up, a tab switch...)


class Failure(Exception):
    pass


class Tap:
    def __init__(self, plan):
        self.plan = plan
        self.count = 0
        self.failed = 0
        print(f'1..{plan}', flush=True)

    @staticmethod
    def _line(description):
        # A TAP line is one line: a newline in a description (a
        # notification's body, say) would end it and leave the rest as
        # output TAP does not know
        return str(description).replace('\n', '\\n')

    def ok(self, description):
        self.count += 1
        print(f'ok {self.count} - {self._line(description)}', flush=True)

    def not_ok(self, description, why):
        self.count += 1
        self.failed += 1
        description = self._line(description)
        print(f'not ok {self.count} - {description}', flush=True)
        for line in str(why).splitlines():
            print(f'# {line}', flush=True)
        # meson shows a failed TAP test's standard error, not its output:
        # say why there too, so that a CI log tells what went wrong
        print(f'not ok {self.count} - {description}', file=sys.stderr, flush=True)
        print(str(why), file=sys.stderr, flush=True)

    def diag(self, text):
        for line in str(text).splitlines():
            print(f'# {line}', flush=True)


class App:
    """The application under test, in its own process group."""

    def __init__(self, binary, lang):
        self.process = None
        env = dict(APP_ENV)
        env['LANG'] = VIEWS[lang]['locale']
        env['LC_ALL'] = VIEWS[lang]['locale']
        env['LANGUAGE'] = VIEWS[lang]['language']
        env['GTK_A11Y'] = 'atspi'
        env.pop('NO_AT_BRIDGE', None)
        # Its output goes to stderr: stdout is the TAP stream.
        try:
            self.process = subprocess.Popen([binary], env=env, stdin=subprocess.DEVNULL,
                                            stdout=sys.stderr.fileno(),
                                            start_new_session=True)
        except OSError as error:
            raise Failure(f'cannot start {binary}: {error.strerror}') from None

    @property
    def pid(self):
        return self.process.pid

    def running(self):
        return self.process.poll() is None

    def stop(self):
        """Quits the application (SIGTERM, on which it quits cleanly), or
        kills it.  If it says a window or model was not finalized, prints a
        failed TAP line, which also makes the count differ from the plan."""
        if self.process is None or self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                pass
        if self.process.returncode != 0:
            print(f'the application ended with status {self.process.returncode} when stopped',
                  file=sys.stderr, flush=True)
        if self.process.returncode == FINALIZE_FAILED:
            message = ('not ok - every window and model is finalized when the application quits '
                       '(its standard error names the ones that were not)')
            print(message, flush=True)
            print(message, file=sys.stderr, flush=True)


def wait_until(what, condition, app, timeout=STEP_TIMEOUT):
    """Polls condition() until it returns something true; returns that.

    AT-SPI errors while polling (objects going away, a busy application)
    count as "not yet". Fails after timeout, or at once if the app exits.
    """
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        if not app.running():
            raise Failure(f'the application exited with status {app.process.returncode} '
                          f'while {what}')
        try:
            result = condition()
            if result:
                return result
        except GLib.Error as error:
            last_error = error
        if time.monotonic() > deadline:
            message = f'timed out after {timeout:.0f} s {what}'
            if last_error is not None:
                message += f' (last AT-SPI error: {last_error.message})'
            raise Failure(message)
        time.sleep(POLL)


def children(accessible):
    try:
        count = accessible.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = accessible.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


# Nothing under these matters here, and each object is a D-Bus round trip.
PRUNE = (Atspi.Role.PAGE_TAB, Atspi.Role.LABEL, Atspi.Role.PUSH_BUTTON,
         Atspi.Role.SCROLL_BAR, Atspi.Role.IMAGE)


def walk(accessible):
    yield accessible
    try:
        if accessible.get_role() in PRUNE:
            return
    except GLib.Error:
        return
    for child in children(accessible):
        yield from walk(child)


def extents(accessible):
    """(x, y, width, height) in window coordinates, or None."""
    try:
        if 'Component' not in accessible.get_interfaces():
            return None
        e = accessible.get_extents(Atspi.CoordType.WINDOW)
        return (e.x, e.y, e.width, e.height)
    except GLib.Error:
        return None


def on_screen(accessible):
    # GTK 4.8 sets neither "showing" nor "visible" reliably on what is
    # hidden: the switcher that is not in use, the stack's other pages.
    # Those have no size.
    e = extents(accessible)
    return e is not None and e[2] > 0 and e[3] > 0


def has_state(accessible, state):
    return accessible.get_state_set().contains(state)


def find_application(app):
    desktop = Atspi.get_desktop(0)
    for candidate in children(desktop):
        try:
            if candidate.get_process_id() == app.pid:
                return candidate
        except GLib.Error:
            continue
    return None


def find_window(accessible):
    for child in children(accessible):
        if child.get_role() in (Atspi.Role.FRAME, Atspi.Role.WINDOW) and on_screen(child):
            return child
    return None


def is_widget_type_name(name):
    # GTK 4.8 names unnamed widgets after their type.
    return name[:3] in ('Gtk', 'Adw') and name.isidentifier()


def page_tabs(window):
    tabs = []
    for accessible in walk(window):
        try:
            if accessible.get_role() == Atspi.Role.PAGE_TAB:
                tabs.append(accessible)
        except GLib.Error:
            continue
    return tabs


def visible_tabs(window):
    every = page_tabs(window)
    return [tab for tab in every if on_screen(tab)], every


def is_status_page(accessible):
    try:
        name = accessible.get_name()
        return (accessible.get_role() == Atspi.Role.PANEL and bool(name)
                and not is_widget_type_name(name))
    except GLib.Error:
        return False


def status_pages(window, count):
    """The view stack's pages, in view order: the first container whose
    children are exactly @count named panels (the AdwStatusPages)."""
    for accessible in walk(window):
        kids = list(children(accessible))
        if len(kids) == count and all(is_status_page(kid) for kid in kids):
            return kids
    return None


def describe(accessible):
    try:
        states = [s.value_nick for s in accessible.get_state_set().get_states()]
        return f'{accessible.get_role_name()} {accessible.get_name()!r} {extents(accessible)} {states}'
    except GLib.Error as error:
        return f'(gone: {error.message})'


def activate(tab):
    """Activates @tab with its activate, click or press action.

    Callers wait for the action's effect. An action that opens a window
    may keep the application from answering AT-SPI within its timeout on
    a busy machine; that is no failure of the action, so a missing reply
    is not one either: the wait for the effect decides.
    """
    names = [tab.get_action_name(i) for i in range(tab.get_n_actions())]
    for wanted in ('activate', 'click', 'press'):
        if wanted in names:
            try:
                done = tab.do_action(names.index(wanted))
            except GLib.Error as error:
                if 'Did not receive a reply' not in error.message:
                    raise
                return wanted
            if not done:
                raise Failure(f'AT-SPI action "{wanted}" on {describe(tab)} failed')
            return wanted
    raise Failure(f'{describe(tab)} has no activate or click action (it has {names})')


def walk_all(accessible):
    """Like walk(), but into buttons too (a menu button holds a button)."""
    yield accessible
    try:
        if accessible.get_role() in (Atspi.Role.LABEL, Atspi.Role.SCROLL_BAR, Atspi.Role.IMAGE):
            return
    except GLib.Error:
        return
    for child in children(accessible):
        yield from walk_all(child)


def action_names(accessible):
    try:
        if 'Action' not in accessible.get_interfaces():
            return []
        return [accessible.get_action_name(i) for i in range(accessible.get_n_actions())]
    except GLib.Error:
        return []


def find_first(root, predicate, everything=False):
    for accessible in (walk_all(root) if everything else walk(root)):
        try:
            if predicate(accessible):
                return accessible
        except GLib.Error:
            continue
    return None


def _xtest():
    """libX11 and libXtst through ctypes, or None where they are missing."""
    import ctypes
    try:
        x11 = ctypes.CDLL('libX11.so.6')
        xtst = ctypes.CDLL('libXtst.so.6')
    except OSError:
        return None
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                          ctypes.c_int, ctypes.c_ulong]
    xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                          ctypes.c_ulong]
    return x11, xtst


def xtest_buttons(x, y, button, times, pause=0.05):
    """Moves the pointer to (@x, @y) on the screen and presses @button
    @times times, through XTest.

    Atspi.generate_mouse_event() does not reach GTK 4.8 under Xvfb here;
    XTest does. Without a window manager a window is at the screen's
    origin, so window coordinates (GTK 4.8 has no screen ones) will do.
    Returns False where XTest is missing.
    """
    libs = _xtest()
    if libs is None:
        return False
    x11, xtst = libs
    display = x11.XOpenDisplay(None)
    if not display:
        return False
    xtst.XTestFakeMotionEvent(display, -1, x, y, 0)
    x11.XFlush(display)
    time.sleep(0.2)
    for _i in range(times):
        xtst.XTestFakeButtonEvent(display, button, 1, 0)
        xtst.XTestFakeButtonEvent(display, button, 0, 0)
        x11.XFlush(display)
        time.sleep(pause)
    x11.XCloseDisplay(display)
    return True


def double_click(accessible):
    """Double-clicks the middle of @accessible with the first button."""
    e = accessible.get_extents(Atspi.CoordType.WINDOW)
    if e.width <= 0 or e.height <= 0:
        raise Failure(f'{describe(accessible)} is not on screen')
    if not xtest_buttons(e.x + e.width // 2, e.y + e.height // 2, 1, 2):
        raise Failure('XTest is not available to double-click')


def labelled_button(root, label, roles=(Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON)):
    """The button under @root that shows @label (without its mnemonic).

    GTK 4.8 names a button with a mnemonic after its label twice over
    ("_Caseload Caseload"): the button is recognised by the label it holds.
    """
    return find_first(root, lambda a: a.get_role() in roles
                      and any(c.get_name() == label for c in children(a))
                      and on_screen(a), everything=True)


def walk_newest_first(accessible):
    """Like walk_all(), but each object's children last first.

    A toast is the last child of its overlay, after the whole view it
    covers: walked this way it is found in a few D-Bus round trips instead
    of several seconds' worth, well inside the toast's five seconds.
    """
    yield accessible
    try:
        if accessible.get_role() in (Atspi.Role.LABEL, Atspi.Role.SCROLL_BAR, Atspi.Role.IMAGE):
            return
        count = accessible.get_child_count()
    except GLib.Error:
        return
    for i in reversed(range(count)):
        try:
            child = accessible.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield from walk_newest_first(child)


def toast_button(root, label):
    """The button of the toast shown under @root whose label is @label.

    @label is the button's label without its mnemonic underscore. GTK 4.8
    names a button with a mnemonic after its label twice ("_Undo Undo"), so
    the button is recognised by the label it holds.
    """
    for accessible in walk_newest_first(root):
        try:
            if accessible.get_role() == Atspi.Role.PUSH_BUTTON \
                    and 'click' in action_names(accessible) \
                    and any(c.get_name() == label for c in children(accessible)) \
                    and on_screen(accessible):
                return accessible
        except GLib.Error:
            continue
    return None


def top_level(app_accessible, name):
    for child in children(app_accessible):
        if child.get_role() in (Atspi.Role.FRAME, Atspi.Role.WINDOW, Atspi.Role.DIALOG) \
                and child.get_name() == name and on_screen(child):
            return child
    return None


def texts_of(accessible):
    """The names of the labels under @accessible (walk() stops at labels)."""
    names = []
    for child in walk(accessible):
        try:
            if child.get_role() == Atspi.Role.LABEL:
                names.append(child.get_name())
        except GLib.Error:
            continue
    return names


def routine_texts(lang):
    """The national profile's name and the rule's title, as the
    application shows them in @lang."""
    directory = os.environ.get('PLACERINGAR_PROFILES_DIR')
    if not directory:
        raise Failure('PLACERINGAR_PROFILES_DIR is not set: it must name data/profiles')
    path = os.path.join(directory, ROUTINE_PROFILE + '.json')
    try:
        with open(path, encoding='utf-8') as f:
            profile = json.load(f)
    except (OSError, ValueError) as error:
        raise Failure(f'cannot read {path}: {error}') from None
    key = 'sv' if lang == 'sv' else 'en'
    for rule in profile['rules']:
        if rule['id'] == ROUTINE_RULE:
            if not rule.get('local_routine'):
                raise Failure(f'{path}: {ROUTINE_RULE} is no longer a local routine')
            if rule['offset'] != {'amount': ROUTINE_DEFAULT, 'unit': 'days'}:
                raise Failure(f'{path}: the offset of {ROUTINE_RULE} is not '
                              f'{ROUTINE_DEFAULT} days any more: {rule["offset"]}')
            return profile['name'][key], rule['title'][key]
    raise Failure(f'{path} has no rule {ROUTINE_RULE}')


def cli_routine(cli):
    """The local routine's offset as placeringar-cli reads it from the
    application's database: (in use, the profile's own), such as
    ('5 days after', '3 days after')."""
    env = dict(APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    env['LANG'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    result = subprocess.run([cli, 'routine', ROUTINE_PROFILE],
                            env=env, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli routine {ROUTINE_PROFILE} failed '
                      f'({result.returncode}): {result.stderr.strip()}')
    for line in result.stdout.splitlines():
        fields = line.split('\t')
        if fields[0] == ROUTINE_RULE and len(fields) == 3:
            return fields[1], fields[2]
    raise Failure(f'placeringar-cli does not list {ROUTINE_RULE}:\n{result.stdout}')


def screenshot(path, tap, title=None):
    """Saves the screen, or the top-level window called @title, as a PNG.

    Without a window manager a dialog may be stacked under the main window:
    give its @title to save only it. The directory is made if need be.
    """
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        source = ['-root']
        if title is not None:
            tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True,
                                  timeout=30, check=False).stdout.decode('utf-8', 'replace')
            ids = [line.split()[0] for line in tree.splitlines() if f'"{title}":' in line]
            if not ids:
                tap.diag(f'screenshot failed: no window "{title}"')
                return
            source = ['-id', ids[0]]
        xwd = subprocess.Popen(['xwd', '-silent', *source], stdout=subprocess.PIPE)
        convert = subprocess.run(['convert', 'xwd:-', path], stdin=xwd.stdout,
                                 timeout=30, check=False)
        xwd.stdout.close()
        xwd.wait(30)
        if xwd.returncode == 0 and convert.returncode == 0:
            tap.diag(f'screenshot: {path}')
        else:
            tap.diag(f'screenshot failed (xwd {xwd.returncode}, convert {convert.returncode})')
    except (OSError, subprocess.SubprocessError) as error:
        tap.diag(f'screenshot failed: {error}')


def open_from_main_menu(app, accessible, window, lang, state, name):
    """Activates the main menu's item @name, which opens the window @name;
    returns that window."""
    texts = VIEWS[lang]
    # The main menu's button is named for screen readers (the tooltip
    # alone is not exposed in GTK 4.8)
    state['step'] = f'looking for the button "{texts["main_menu"]}"'
    button = wait_until(state['step'], lambda: find_first(
        window, lambda a: a.get_name() == texts['main_menu']
        and 'click' in action_names(a) and on_screen(a), everything=True), app)
    activate(button)
    state['step'] = f'waiting for the menu item "{name}"'
    item = wait_until(state['step'], lambda: find_first(
        accessible, lambda a: a.get_role() == Atspi.Role.MENU_ITEM
        and a.get_name() == name and on_screen(a), everything=True), app)
    activate(item)
    state['step'] = f'waiting for the window "{name}"'
    return wait_until(state['step'], lambda: top_level(accessible, name), app)


def close_window(app, accessible, frame, name, state):
    """Closes the top-level @frame called @name with its window.close action."""
    state['step'] = f'closing the window "{name}"'
    names = action_names(frame)
    if 'window.close' not in names:
        raise Failure(f'the window "{name}" has no window.close action ({names})')
    if not frame.do_action(names.index('window.close')):
        raise Failure(f'the window.close action of "{name}" failed')
    wait_until(state['step'], lambda: top_level(accessible, name) is None, app)


class Preferences:
    """The Preferences window and the row of the local routine under test."""

    def __init__(self, app, accessible, window, lang, state):
        self.app = app
        self.accessible = accessible
        self.window = window
        self.lang = lang
        self.state = state
        self.profile_name, self.rule_title = routine_texts(lang)
        self.frame = None

    def step(self, text):
        self.state['step'] = text
        return text

    def open(self):
        """Opens Preferences from the main menu; returns its window."""
        self.frame = open_from_main_menu(self.app, self.accessible, self.window, self.lang,
                                         self.state, VIEWS[self.lang]['preferences'])
        return self.frame

    def close(self):
        close_window(self.app, self.accessible, self.frame, VIEWS[self.lang]['preferences'],
                     self.state)
        self.frame = None

    def show_routines(self):
        """Activates the Local Routines tab; returns its name."""
        name = VIEWS[self.lang]['routines_tab']
        self.step(f'waiting for the tab "{name}" of Preferences')

        def tab():
            shown = [t for t in page_tabs(self.frame) if on_screen(t)]
            for t in shown:
                if t.get_name() == name:
                    return t
            return None

        try:
            found = wait_until(self.state['step'], tab, self.app)
        except Failure as failure:
            shown = [t.get_name() for t in page_tabs(self.frame) if on_screen(t)]
            raise Failure(f'{failure}; the tabs shown are {shown}') from None
        activate(found)
        wait_until(self.step(f'waiting for the tab "{name}" to be selected'),
                   lambda: has_state(found, Atspi.StateType.SELECTED), self.app)
        return name

    def row(self):
        """The row of the rule in the national profile's group, with its
        spin button and unit chooser, once the stored values are read (the
        controls are insensitive until then)."""
        self.step(f'waiting for the group "{self.profile_name}" and its row '
                  f'"{self.rule_title}"')

        def find():
            group = find_first(self.frame, lambda a: a.get_role() == Atspi.Role.LIST
                               and a.get_name() == self.profile_name)
            if group is None:
                return None
            item = find_first(group, lambda a: a.get_role() == Atspi.Role.LIST_ITEM
                              and a.get_name() == self.rule_title)
            if item is None:
                return None
            spin = find_first(item, lambda a: a.get_role() == Atspi.Role.SPIN_BUTTON)
            combo = find_first(item, lambda a: a.get_role() == Atspi.Role.COMBO_BOX)
            if spin is None or not has_state(spin, Atspi.StateType.SENSITIVE):
                return None
            return item, spin, combo

        return wait_until(self.state['step'], find, self.app)

    def reset_button(self, item):
        name = VIEWS[self.lang]['reset']
        return find_first(item, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                          and a.get_name() == name and on_screen(a))


def amount_of(spin):
    return int(round(spin.get_current_value()))


def check_preferences(args, tap, state, app, accessible, window):
    """Tests 10-14: the Local Routines page of Preferences."""
    texts = VIEWS[args.lang]
    prefs = Preferences(app, accessible, window, args.lang, state)
    cli = args.cli if args.cli and os.access(args.cli, os.X_OK) else None

    # 9. Preferences, from the main menu
    frame = prefs.open()
    tap.ok(f'Preferences opens from the main menu ("{texts["preferences"]}"): '
           f'window "{frame.get_name()}"')

    # 10. The page, the profile's group and the rule's row
    tab = prefs.show_routines()
    item, spin, combo = prefs.row()
    labels = texts_of(item)
    problems = []
    if amount_of(spin) != ROUTINE_DEFAULT:
        problems.append(f'the amount is {amount_of(spin)}, not the default {ROUTINE_DEFAULT}')
    if spin.get_name() != prefs.rule_title:
        problems.append(f'the spin button is named "{spin.get_name()}", not after the row')
    if combo is None or combo.get_name() != prefs.rule_title:
        problems.append('the unit chooser is missing or not named after the row: '
                        + (describe(combo) if combo is not None else 'none'))
    subtitle = [t for t in labels if t.startswith(texts['default_prefix'])]
    if not subtitle:
        problems.append(f'no subtitle "{texts["default_prefix"]}…" among {labels}')
    elif texts['default_text'] is not None and subtitle[0] != texts['default_text']:
        problems.append(f'the subtitle is "{subtitle[0]}", not "{texts["default_text"]}"')
    if prefs.reset_button(item) is not None:
        problems.append('a Reset button shows while nothing is stored')
    description = (f'"{tab}" shows "{prefs.rule_title}" in the group "{prefs.profile_name}" '
                   f'with its default of {ROUTINE_DEFAULT}')
    if problems:
        tap.not_ok(description, '\n'.join(problems))
    else:
        tap.ok(f'{description} ("{subtitle[0]}"), a spin button and a unit chooser named '
               f'after the row, and no Reset button')

    # 11. A new amount is stored
    description = f'changing the amount to {ROUTINE_NEW} stores it'
    state['step'] = f'setting the amount to {ROUTINE_NEW}'
    if not spin.set_current_value(float(ROUTINE_NEW)):
        raise Failure(f'AT-SPI could not set the value of {describe(spin)}')
    wait_until(state['step'], lambda: amount_of(spin) == ROUTINE_NEW, app)
    state['step'] = 'waiting for the Reset button to show'
    wait_until(state['step'], lambda: prefs.reset_button(item), app)
    if cli is None:
        tap.ok(f'{description}: the Reset button shows '
               f'(placeringar-cli not found: database not read)')
    else:
        state['step'] = f'waiting for placeringar-cli to read {ROUTINE_NEW} days'
        wanted = (f'{ROUTINE_NEW} days after', f'{ROUTINE_DEFAULT} days after')
        try:
            wait_until(state['step'], lambda: cli_routine(cli) == wanted, app)
            tap.ok(f'{description}: the Reset button shows, and placeringar-cli reads '
                   f'"{wanted[0]}" from the database')
        except Failure as failure:
            tap.not_ok(description, f'{failure}\nplaceringar-cli: {cli_routine(cli)}')
    prefs.close()

    # 12. Preferences opened again read it from the database
    prefs.open()
    prefs.show_routines()
    item, spin, combo = prefs.row()
    description = f'Preferences opened again show {ROUTINE_NEW} and a Reset button'
    state['step'] = f'waiting for the amount {ROUTINE_NEW} to be shown'
    try:
        wait_until(state['step'], lambda: amount_of(spin) == ROUTINE_NEW, app)
        state['step'] = 'waiting for the Reset button'
        reset = wait_until(state['step'], lambda: prefs.reset_button(item), app)
        tap.ok(f'{description} "{reset.get_name()}"')
    except Failure as failure:
        tap.not_ok(description, f'{failure}\nthe amount shown: {amount_of(spin)}')
        reset = None

    # 13. Reset goes back to the profile's own offset
    description = f'Reset shows the default {ROUTINE_DEFAULT} again and clears the stored value'
    try:
        if reset is None:
            raise Failure('no Reset button to activate')
        state['step'] = 'activating Reset'
        activate(reset)
        wait_until(state['step'], lambda: amount_of(spin) == ROUTINE_DEFAULT, app)
        state['step'] = 'waiting for the Reset button to go'
        wait_until(state['step'], lambda: prefs.reset_button(item) is None, app)
        if cli is not None:
            state['step'] = 'waiting for placeringar-cli to read the default'
            wanted = (f'{ROUTINE_DEFAULT} days after', f'{ROUTINE_DEFAULT} days after')
            wait_until(state['step'], lambda: cli_routine(cli) == wanted, app)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)
    prefs.close()



def locale_available(name):
    import locale
    try:
        saved = locale.setlocale(locale.LC_ALL)
        locale.setlocale(locale.LC_ALL, name)
        locale.setlocale(locale.LC_ALL, saved)
        return True
    except locale.Error:
        return False


def run(args, tap, state):
    lang = VIEWS[args.lang]

    if not locale_available(lang['locale']):
        raise Failure(f'the locale {lang["locale"]} is not installed '
                      f'(enable it in /etc/locale.gen and run locale-gen)')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    Atspi.init()

    state['step'] = 'starting the application'
    app = App(args.binary, args.lang)
    state['app'] = app

    # 1. On the accessibility bus
    state['step'] = 'waiting for the application to appear on the AT-SPI desktop'
    started = time.monotonic()
    accessible = wait_until(state['step'], lambda: find_application(app), app, args.startup_timeout)
    # Read everything live: cached states would lag behind the application.
    accessible.set_cache_mask(Atspi.Cache.NONE)
    tap.ok(f'the application appears on the accessibility bus '
           f'({time.monotonic() - started:.1f} s, pid {app.pid})')

    # 2. Its window
    state['step'] = 'waiting for the main window'
    window = wait_until(state['step'], lambda: find_window(accessible), app)
    tap.ok(f'main window "{window.get_name()}" is shown')

    # 3. Four visible tabs, one of each
    state['step'] = 'waiting for the five view tabs'
    expected = lang['tabs']

    def all_tabs():
        shown, _ = visible_tabs(window)
        return shown if len(shown) == len(expected) else None

    def tab_listing():
        shown, every = visible_tabs(window)
        return (f'expected exactly one visible tab each of {expected}; '
                f'visible: {[t.get_name() for t in shown]}\nall page tabs:\n'
                + '\n'.join('  ' + describe(t) for t in every))

    try:
        tabs = wait_until(state['step'], all_tabs, app)
    except Failure as failure:
        raise Failure(f'{failure}\n{tab_listing()}') from None
    if sorted(tab.get_name() for tab in tabs) != sorted(expected):
        raise Failure(f'the view tabs are {[tab.get_name() for tab in tabs]}, '
                      f'not {expected}\n{tab_listing()}')
    by_name = {tab.get_name(): tab for tab in tabs}
    _, every = visible_tabs(window)
    tap.ok(f'five view tabs are visible: {", ".join(expected)} '
           f'({len(every)} page tabs in all, the others hidden)')

    # 4. The first view is selected at start, and only its page is shown
    def selected_names():
        return sorted(name for name, tab in by_name.items()
                      if has_state(tab, Atspi.StateType.SELECTED))

    state['step'] = 'waiting for the status pages of the five views'
    pages = wait_until(state['step'], lambda: status_pages(window, len(expected)), app)
    titles = [page.get_name() for page in pages]
    tap.diag(f'status pages: {titles}')

    # GTK 4.8 tells AT-SPI neither which page of a stack is "showing" nor
    # what is at a point. What it does tell: a page that was never shown
    # has never been given a size. So a page that had none before its tab
    # was activated and has one after, was shown.
    description = f'{expected[0]} is selected at start, and only its status page was shown'
    state['step'] = f'waiting for {expected[0]} to be selected at start'
    try:
        wait_until(state['step'], lambda: selected_names() == [expected[0]], app)
        state['step'] = f'waiting for only the status page of {expected[0]} to be shown'
        wait_until(state['step'],
                   lambda: [on_screen(page) for page in pages] == [i == 0 for i in range(len(pages))],
                   app)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description,
                   f'{failure}\nselected: {selected_names()}\npages:\n'
                   + '\n'.join('  ' + describe(page) for page in pages))

    # 5-9. Activate each view in turn, ending on the first one again
    english = VIEWS['en']['status']
    wanted_titles = lang['status']
    for index in [1, 2, 3, 4, 0]:
        name = expected[index]
        page = pages[index]
        description = f'activating {name} selects it, and only it'
        try:
            shown_before = on_screen(page)
            state['step'] = f'waiting for {name} to become the selected tab'
            action = activate(by_name[name])
            wait_until(state['step'], lambda: selected_names() == [name], app)

            title = page.get_name()
            if wanted_titles is not None and title != wanted_titles[index]:
                raise Failure(f'the status page of {name} is "{title}", '
                              f'not "{wanted_titles[index]}"')
            if wanted_titles is None and title in english:
                raise Failure(f'the status page of {name}, "{title}", is not translated')

            if shown_before:
                note = f'its status page "{title}" was shown before'
            else:
                state['step'] = f'waiting for the status page of {name} to be shown'
                wait_until(state['step'], lambda: on_screen(page), app)
                note = f'its status page "{title}" is shown'
            tap.ok(f'{description} (action "{action}"); {note}')
        except Failure as failure:
            tap.not_ok(description, f'{failure}\nselected: {selected_names()}')

    # 10-14. Preferences: the Local Routines page
    check_preferences(args, tap, state, app, accessible, window)

    # 15. The audit log, from the main menu, lists today's change of the
    #     local routine (the database writes who changed it, and when)
    texts = VIEWS[args.lang]
    description = f'"{texts["audit_log"]}" lists today\'s change of the local routine'
    try:
        frame = open_from_main_menu(app, accessible, window, args.lang, state,
                                    texts['audit_log'])
        state['step'] = f'waiting for a row "{texts["audit_routine"]}"'
        wait_until(state['step'], lambda: find_first(
            frame, lambda a: a.get_role() == Atspi.Role.LABEL
            and a.get_name() == texts['audit_routine'] and on_screen(a)), app)
        if args.screenshot:
            screenshot(args.screenshot.replace('.png', '-audit-log.png'), tap, texts['audit_log'])
        close_window(app, accessible, frame, texts['audit_log'], state)
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)

    # 16. Still alive
    state['step'] = 'finishing'
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running',
                   f'it exited with status {app.process.returncode}')


def run_test(run, args, tap, screenshot_path=None):
    """Runs run(args, tap, state) as a TAP test that never hangs; returns the
    exit status.

    A watchdog ends the test after args.timeout seconds, and SIGTERM or
    SIGINT end it too, each stopping the application first (state['app']).
    A failure or an exception is reported as "not ok" and "Bail out!".
    With @screenshot_path, the screen is saved there at the end, or on timeout.
    """
    state = {'step': 'checking the environment', 'app': None}

    def stop_app():
        if state['app'] is not None:
            state['app'].stop()

    # Never hang: whatever blocks (AT-SPI, D-Bus, the application), this ends it.
    def watchdog():
        print(f'Bail out! timed out after {args.timeout:.0f} s {state["step"]}',
              flush=True)
        if screenshot_path:
            screenshot(screenshot_path, tap)
        stop_app()
        os._exit(1)

    timer = threading.Timer(args.timeout, watchdog)
    timer.daemon = True
    timer.start()

    def on_signal(signum, frame):
        stop_app()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    status = 0
    try:
        run(args, tap, state)
        if tap.failed or tap.count != tap.plan:
            status = 1
    except Failure as failure:
        tap.not_ok(state['step'], failure)
        print(f'Bail out! {str(failure).splitlines()[0]}', flush=True)
        status = 1
    except Exception as error:  # noqa: BLE001 - report anything, then clean up
        import traceback
        tap.diag(traceback.format_exc())
        print(f'Bail out! {type(error).__name__}: {error}', flush=True)
        status = 1
    finally:
        if screenshot_path:
            screenshot(screenshot_path, tap)
        stop_app()
        timer.cancel()
    return status


def main():
    parser = argparse.ArgumentParser(description='UI smoke test of the main window.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(VIEWS), default='en')
    parser.add_argument('--screenshot', metavar='FILE.png',
                        help='save a screenshot of the screen at the end')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI',
                        help='placeringar-cli, to read the database with (default: '
                             'src/cli/placeringar-cli of the build tree of BINARY)')
    parser.add_argument('--timeout', type=float, default=90.0,
                        help='give up after this many seconds in all (default 90)')
    parser.add_argument('--startup-timeout', type=float, default=30.0,
                        help='seconds to wait for the application to appear (default 30)')
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = Tap(16)
    return run_test(run, args, tap, screenshot_path=args.screenshot)


if __name__ == '__main__':
    sys.exit(main())
