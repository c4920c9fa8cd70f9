#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of the Contacts view: fills the application's database from
# tests/data/interchange/full.json with placeringar-cli, starts the real
# application, opens Contacts, searches for a contact of full.json and
# checks that its linked child and role are shown; opens that child's
# contact log from the contact, checks the entries of full.json are there,
# newest first; tries to add an entry with a wrong date and checks that the
# message shows next to the field and nothing typed is lost; then adds the
# entry. Adds a contact, refused first for a missing name and a wrong email
# address, then linked to a child and saved; deletes it and undoes that. Checks that placeringar-cli exports the entry and the
# contact. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-contacts.py \
#       build/src/app/placeringar [--lang en|sv] [--screenshot-dir DIR] \
#       [--narrow] [--cli build/src/cli/placeringar-cli]
#
# Needs what test-shell.py needs (a display, a session bus, a keyring, and
# PLACERINGAR_PROFILES_DIR); PLACERINGAR_LOCALEDIR names the compiled
# translations, to know what the application shows in Swedish.

import argparse
import datetime
import gettext
import importlib.util
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The helpers of the shell test: the application in its own process group,
# waiting, walking the accessibility tree. Loading it deals with PyGObject
# and G_DEBUG as that file explains.
_spec = importlib.util.spec_from_file_location('test_shell', os.path.join(HERE, 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

Atspi = shell.Atspi
GLib = shell.GLib
Failure = shell.Failure
wait_until = shell.wait_until
children = shell.children
on_screen = shell.on_screen
action_names = shell.action_names
describe = shell.describe

FIXTURE = os.path.join(HERE, os.pardir, 'data', 'interchange', 'full.json')

# What the test looks for: a contact of full.json, found by a word of its
# name, with its one linked child and the role it has for the child.
SEARCH = 'Mora'
CONTACT = 'Familjehemmet i Mora'
CONTACT_PHONE = '0250-100 00'  # its phone in full.json
CHILD = 'Alva Exempelsson'
CHILD_REF = 'child-alva'
# Notes already in Alva's contact log in full.json, newest first
OLD_NOTES = ['Inskrivningsmöte i familjehemmet', 'Bokade tid för bedömning']

# Strings that come from po/sv.po as it is (the role and the log kinds are
# the core library's): checked as they are, in both languages.
FIXED = {
    'en': {'role': 'Foster home', 'guardian': 'Guardian', 'kind': 'Call', 'tab': 'Contacts'},
    'sv': {'role': 'Familjehem', 'guardian': 'Vårdnadshavare', 'kind': 'Samtal',
           'tab': 'Kontakter'},
}


class Texts:
    """The view's own strings as the application shows them in a language:
    from the compiled catalogue, so the test holds before and after the
    Swedish translations of a new string arrive."""

    def __init__(self, lang):
        localedir = os.environ.get('PLACERINGAR_LOCALEDIR')
        if lang == 'en' or not localedir:
            self.catalogue = gettext.NullTranslations()
        else:
            self.catalogue = gettext.translation('placeringar', localedir, languages=[lang],
                                                 fallback=True)

    def __call__(self, text):
        return self.catalogue.gettext(text)


def clipboard_text():
    """The text on the X display's clipboard, read with xclip if there is one,
    else through GDK."""
    try:
        return subprocess.run(['xclip', '-selection', 'clipboard', '-o'], capture_output=True,
                              text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        import gi
        gi.require_version('Gdk', '4.0')
        from gi.repository import Gdk, GLib
        display = Gdk.Display.open(os.environ.get('DISPLAY', ':0'))
        result = {}
        loop = GLib.MainLoop()

        def done(clipboard, res):
            try:
                result['text'] = clipboard.read_text_finish(res)
            except GLib.Error:
                result['text'] = None
            loop.quit()
        display.get_clipboard().read_text_async(None, done)
        GLib.timeout_add_seconds(5, loop.quit)
        loop.run()
        return result.get('text')
    except Exception as error:  # noqa: BLE001 - a test helper: say what went wrong
        return f'(could not read the clipboard: {error})'


def find_all(root, predicate, everything=True):
    found = []
    for accessible in (shell.walk_all(root) if everything else shell.walk(root)):
        try:
            if predicate(accessible):
                found.append(accessible)
        except GLib.Error:
            continue
    return found


def find_first(root, predicate):
    return shell.find_first(root, predicate, everything=True)


def labels_under(accessible):
    names = []
    for child in shell.walk_all(accessible):
        try:
            if child.get_role() == Atspi.Role.LABEL and on_screen(child):
                names.append(child.get_name())
        except GLib.Error:
            continue
    return names


def do_named_action(accessible, name):
    names = action_names(accessible)
    if name not in names:
        raise Failure(f'{describe(accessible)} has no action "{name}" (it has {names})')
    if not accessible.do_action(names.index(name)):
        raise Failure(f'the action "{name}" of {describe(accessible)} failed')


def set_text(entry, text):
    if 'EditableText' not in entry.get_interfaces():
        raise Failure(f'{describe(entry)} is not editable')
    if not entry.set_text_contents(text):
        raise Failure(f'could not set the text of {describe(entry)}')


def text_of(entry):
    return entry.get_text(0, entry.get_character_count())


def cli_json(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60,
                            check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli {" ".join(args)} failed ({result.returncode}): '
                      f'{result.stderr.strip()}')
    return result.stdout


def run(args, tap, state):
    lang = args.lang
    t = Texts(lang)
    fixed = FIXED[lang]
    today = datetime.date.today().isoformat()
    note = f'UI-test {lang}: ringde familjehemmet'
    with_whom = 'Familjehemmet i Mora'

    if not shell.locale_available(shell.VIEWS[lang]['locale']):
        raise Failure(f'the locale {shell.VIEWS[lang]["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    def step(text):
        state['step'] = text
        return text

    def shot(name):
        if args.screenshot_dir:
            time.sleep(0.5)
            shell.screenshot(os.path.join(args.screenshot_dir, name), tap)

    # 1. The database, from full.json
    step('importing full.json with placeringar-cli')
    cli_json(args.cli, 'import', FIXTURE)
    tap.ok('placeringar-cli imports full.json into the application\'s database')

    # 2. The application and its window
    Atspi.init()
    if args.narrow:
        # The window's size comes from GSettings: a keyfile with a narrow one
        settings = os.path.join(os.environ['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, 'keyfile'), 'w', encoding='utf-8') as f:
            f.write('[se/placeringar/Placeringar]\nwindow-width=360\nwindow-height=720\n')
        shell.APP_ENV['GSETTINGS_BACKEND'] = 'keyfile'
    step('starting the application')
    app = shell.App(args.binary, lang)
    state['app'] = app
    accessible = wait_until(step('waiting for the application on the AT-SPI desktop'),
                            lambda: shell.find_application(app), app, args.startup_timeout)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    window = wait_until(step('waiting for the main window'),
                        lambda: shell.find_window(accessible), app)

    tab = wait_until(step(f'waiting for the tab "{fixed["tab"]}"'),
                     lambda: next((x for x in shell.page_tabs(window)
                                   if x.get_name() == fixed['tab'] and on_screen(x)), None), app)
    shell.activate(tab)
    view = wait_until(step('waiting for the Contacts view'),
                      lambda: find_first(window, lambda a: a.get_role() == Atspi.Role.PANEL
                                         and a.get_name() == t('Contacts')
                                         and 'contacts.new' in action_names(a)
                                         and on_screen(a)), app)
    tap.ok(f'the tab "{fixed["tab"]}" shows the Contacts view')

    # 3. The directory lists the three contacts of full.json
    directory = wait_until(step('waiting for the directory'),
                           lambda: find_first(view, lambda a: a.get_role() == Atspi.Role.LIST
                                              and a.get_name() == t('Contacts')), app)

    def contact_names():
        return [name for name in labels_under(directory)
                if name in ('BUP-mottagningen Falun', CONTACT, 'Ulla Godmansdotter')]

    try:
        wait_until(step('waiting for the three contacts of full.json'),
                   lambda: sorted(contact_names()) == sorted(
                       ['BUP-mottagningen Falun', CONTACT, 'Ulla Godmansdotter']), app)
        tap.ok('the directory lists the three contacts of full.json')
    except Failure as failure:
        tap.not_ok('the directory lists the three contacts of full.json',
                   f'{failure}\nshown: {labels_under(directory)}')
    shot(f'contacts-{lang}-directory.png')

    # 4. Search as you type
    search = wait_until(step(f'waiting for the entry "{t("Search Contacts")}"'),
                        lambda: find_first(view, lambda a: a.get_name() == t('Search Contacts')
                                           and 'EditableText' in a.get_interfaces()), app)
    set_text(search, SEARCH)
    try:
        wait_until(step(f'waiting for the search "{SEARCH}" to leave only {CONTACT}'),
                   lambda: contact_names() == [CONTACT], app)
        tap.ok(f'searching for "{SEARCH}" leaves only "{CONTACT}"')
    except Failure as failure:
        tap.not_ok(f'searching for "{SEARCH}" leaves only "{CONTACT}"',
                   f'{failure}\nshown: {labels_under(directory)}')

    # 5. Its details: the linked child and the role
    step(f'selecting "{CONTACT}"')
    if 'Selection' not in directory.get_interfaces() or not directory.select_child(0):
        raise Failure(f'could not select the first item of {describe(directory)}')
    links = wait_until(step(f'waiting for the list "{t("Linked Children")}"'),
                       lambda: find_first(view, lambda a: a.get_role() == Atspi.Role.LIST
                                          and a.get_name() == t('Linked Children')
                                          and on_screen(a)), app)
    try:
        row = wait_until(step(f'waiting for the row of {CHILD} with the role "{fixed["role"]}"'),
                         lambda: find_first(links, lambda a: a.get_role() == Atspi.Role.LIST_ITEM
                                            and a.get_name() == CHILD
                                            and any(fixed['role'] in n for n in labels_under(a))),
                         app)
        tap.ok(f'"{CONTACT}" shows its child {CHILD} in the role "{fixed["role"]}"')
    except Failure as failure:
        raise Failure(f'{failure}\nthe list holds: {labels_under(links)}') from None
    shot(f'contacts-{lang}-contact.png')

    # 6. Copy the phone number: it is on the clipboard, and a toast says so.
    # The toast lives a few seconds, which a slow walk of the accessibility
    # tree under load can miss: then the clipboard itself is the proof.
    do_named_action(view, 'contacts.copy-phone')
    description = f'copying the phone number puts it on the clipboard and says "{t("Copied")}"'
    try:
        wait_until(step(f'waiting for the toast "{t("Copied")}"'),
                   # A toast's label exists only while it is shown
                   lambda: find_first(window, lambda a: a.get_role() == Atspi.Role.LABEL
                                      and a.get_name() == t('Copied')), app)
        tap.ok(description)
    except Failure as failure:
        copied = clipboard_text()
        if copied == CONTACT_PHONE:
            tap.ok(f'{description} (the toast came and went; the clipboard holds {copied})')
        else:
            tap.not_ok(description, f'{failure}; the clipboard holds {copied!r}')

    # Ctrl+F (win.search) puts the keyboard focus in the search entry
    do_named_action(window, 'win.search')
    try:
        wait_until(step('waiting for win.search to focus the search entry'),
                   lambda: shell.has_state(search, Atspi.StateType.FOCUSED), app)
        tap.ok('win.search (Ctrl+F) focuses the search entry')
    except Failure as failure:
        tap.not_ok('win.search (Ctrl+F) focuses the search entry', failure)

    # 7. The child's contact log, opened from the contact
    log_name = t('Contact Log of %s') % CHILD
    button = wait_until(step(f'waiting for the button "{log_name}"'),
                        lambda: find_first(row, lambda a: a.get_name() == log_name
                                           and 'click' in action_names(a)), app)
    do_named_action(button, 'click')
    entries = wait_until(step(f'waiting for the list "{t("Contact Log Entries")}"'),
                         lambda: find_first(view, lambda a: a.get_role() == Atspi.Role.LIST
                                            and a.get_name() == t('Contact Log Entries')
                                            and on_screen(a)), app)

    def log_notes():
        return [n for name in labels_under(entries) for n in name.split('\n')]

    try:
        wait_until(step('waiting for the entries of full.json, newest first'),
                   lambda: [n for n in log_notes() if n in OLD_NOTES] == OLD_NOTES, app)
        tap.ok(f'the contact log of {CHILD} shows the entries of full.json, newest first')
    except Failure as failure:
        tap.not_ok(f'the contact log of {CHILD} shows the entries of full.json, newest first',
                   f'{failure}\nshown: {labels_under(entries)}')

    # 8. A refused entry: the message next to the date, nothing lost
    def entry_named(title):
        return wait_until(step(f'waiting for the field "{title}"'),
                          lambda: find_first(view, lambda a: a.get_name() == title
                                             and 'EditableText' in a.get_interfaces()
                                             and on_screen(a)), app)

    date_entry = entry_named(t('Date (YYYY-MM-DD)'))
    with_entry = entry_named(t('With Whom'))
    note_entry = entry_named(t('Note'))
    if text_of(date_entry) != today:
        tap.not_ok('the date of a new entry is today',
                   f'it is "{text_of(date_entry)}", not "{today}"')
    else:
        tap.ok(f'the date of a new entry is today ({today})')

    set_text(date_entry, '2025-13-45')
    set_text(with_entry, with_whom)
    set_text(note_entry, note)
    do_named_action(view, 'contacts.add-log-entry')
    date_message = t('Date: write it as YYYY-MM-DD, for example 2025-03-21')
    try:
        wait_until(step(f'waiting for the message "{date_message}"'),
                   lambda: find_first(view, lambda a: a.get_role() == Atspi.Role.LABEL
                                      and a.get_name() == date_message and on_screen(a)), app)
        if text_of(note_entry) != note or text_of(with_entry) != with_whom:
            raise Failure('what was typed is gone: '
                          f'"{text_of(with_entry)}", "{text_of(note_entry)}"')
        tap.ok('a wrong date is refused with its message, and what was typed stays')
    except Failure as failure:
        tap.not_ok('a wrong date is refused with its message, and what was typed stays', failure)
    shot(f'contacts-{lang}-refused.png')

    # 9. The entry is added, and shown first
    set_text(date_entry, today)
    do_named_action(view, 'contacts.add-log-entry')
    try:
        wait_until(step('waiting for the new entry at the top of the log'),
                   lambda: log_notes()[:3] == [t('%s · %s') % (today, fixed['kind']),
                                               t('With %s') % with_whom, note], app)
        tap.ok('the new entry is shown first in the log')
    except Failure as failure:
        tap.not_ok('the new entry is shown first in the log',
                   f'{failure}\nshown: {log_notes()}')
    shot(f'contacts-{lang}-log.png')

    # 10. A new contact: refused without a name and with a wrong email
    # address, the messages next to the fields, nothing typed lost
    new_name = f'Ny Kontakt {lang}'
    bad_email = 'ny.kontakt.example.se'
    good_email = 'ny.kontakt@example.se'
    set_text(search, '')
    do_named_action(view, 'contacts.new')
    name_entry = entry_named(t('Name'))
    email_entry = entry_named(t('Email'))
    set_text(email_entry, bad_email)
    do_named_action(view, 'contacts.save')
    messages = [t('Name: must not be empty'), t('Email: must contain exactly one “@”')]
    try:
        for message in messages:
            wait_until(step(f'waiting for the message "{message}"'),
                       lambda: find_first(view, lambda a: a.get_role() == Atspi.Role.LABEL
                                          and a.get_name() == message and on_screen(a)), app)
        if text_of(email_entry) != bad_email:
            raise Failure(f'the email address typed is gone: "{text_of(email_entry)}"')
        tap.ok('a contact without a name and with a wrong email address is refused, '
               'with the messages next to the fields')
    except Failure as failure:
        tap.not_ok('a contact without a name and with a wrong email address is refused, '
                   'with the messages next to the fields', failure)
    shot(f'contacts-{lang}-editor.png')

    # 11. Corrected, and linked to the first child (by name) as its
    # guardian (the first role), it is saved and shown
    set_text(name_entry, new_name)
    set_text(email_entry, good_email)
    do_named_action(view, 'contacts.add-link')

    def guardian_link():
        # The editor's list of links (the details have one of the same name)
        for links_list in find_all(view, lambda a: a.get_role() == Atspi.Role.LIST
                                   and a.get_name() == t('Linked Children') and on_screen(a)):
            found = find_first(links_list, lambda a: a.get_role() == Atspi.Role.LIST_ITEM
                               and a.get_name() == CHILD
                               and fixed['guardian'] in labels_under(a))
            if found:
                return found
        return None

    wait_until(step(f'waiting for the link to {CHILD} as {fixed["guardian"]}'),
               guardian_link, app)
    do_named_action(view, 'contacts.save')
    try:
        # Its details are shown (and on a wide window, the directory lists it)
        wait_until(step(f'waiting for "{new_name}" to be shown'),
                   lambda: labels_under(view).count(new_name) == (1 if args.narrow else 2),
                   app)
        tap.ok(f'the corrected contact "{new_name}" is saved and listed')
    except Failure as failure:
        tap.not_ok(f'the corrected contact "{new_name}" is saved and listed',
                   f'{failure}\nshown: {labels_under(directory)}')
    shot(f'contacts-{lang}-saved.png')

    # 12. Deleted, it goes; Undo in the toast brings it back
    do_named_action(view, 'contacts.delete')
    shot(f'contacts-{lang}-deleted.png')
    undo = None
    try:
        undo_label = t('_Undo').replace('_', '')
        undo = wait_until(step(f'waiting for the toast\'s button "{undo_label}"'),
                          lambda: shell.toast_button(window, undo_label), app)
        # On a narrow window the directory is not shown: the export checks
        if not args.narrow:
            wait_until(step(f'waiting for "{new_name}" to leave the directory'),
                       lambda: new_name not in labels_under(directory), app)
        do_named_action(undo, 'click')
        # Restored, it is chosen again: it can be deleted again
        wait_until(step(f'waiting for "{new_name}" to be chosen again'),
                   lambda: 'contacts.delete' in action_names(view), app)
        if not args.narrow:
            wait_until(step(f'waiting for "{new_name}" to come back'),
                       lambda: new_name in labels_under(directory), app)
        tap.ok(f'"{new_name}" is deleted, and Undo brings it back')
    except Failure as failure:
        tap.not_ok(f'"{new_name}" is deleted, and Undo brings it back',
                   f'{failure}\nshown: {labels_under(view)}')

    # 13. ... and stored: placeringar-cli exports the entry and the contact
    step('stopping the application')
    app.stop()
    state['app'] = None
    step('exporting the database with placeringar-cli')
    exported = json.loads(cli_json(args.cli, 'export'))
    child = next((c for c in exported.get('children', []) if c.get('ref') == CHILD_REF), None)
    log = child.get('contact_log', []) if child else []
    stored = [e for e in log if e.get('note') == note]
    if len(stored) == 1 and stored[0].get('date') == today and stored[0].get('kind') == 'call' \
            and stored[0].get('with') == with_whom and len(log) == len(OLD_NOTES) + 1:
        tap.ok('placeringar-cli exports the new entry in the child\'s contact log')
    else:
        tap.not_ok('placeringar-cli exports the new entry in the child\'s contact log',
                   f'the contact log of {CHILD_REF}: {json.dumps(log, ensure_ascii=False)}')
    saved = [c for c in exported.get('contacts', []) if c.get('name') == new_name]
    if len(saved) == 1 and saved[0].get('email') == good_email \
            and saved[0].get('links') == [{'child': CHILD_REF, 'role': 'guardian'}] \
            and len(exported.get('contacts', [])) == 4:
        tap.ok(f'placeringar-cli exports the new contact "{new_name}"')
    else:
        tap.not_ok(f'placeringar-cli exports the new contact "{new_name}"',
                   json.dumps(exported.get('contacts'), ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser(description='UI test of the Contacts view.')
    parser.add_argument('binary', help='the application binary')
    parser.add_argument('--lang', choices=sorted(FIXED), default='en')
    parser.add_argument('--screenshot-dir', metavar='DIR',
                        help='save screenshots of the steps there')
    parser.add_argument('--narrow', action='store_true',
                        help='a 360 pixels wide window')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI',
                        help='placeringar-cli (default: src/cli/placeringar-cli of the '
                             'build tree of BINARY)')
    parser.add_argument('--timeout', type=float, default=200.0,
                        help='give up after this many seconds in all (default 200)')
    parser.add_argument('--startup-timeout', type=float, default=30.0,
                        help='seconds to wait for the application to appear (default 30)')
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(16)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
