#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UI test of the forms: starts the real application, activates
# win.new-placement with no child chosen (so the child's form comes first),
# types an invalid personal identity number and checks that its message
# shows right under the field and that Save stays insensitive; corrects
# it, saves the child; fills in the placement's form that follows and
# saves it; then checks with placeringar-cli that both are in the
# database. Prints TAP.
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/test-forms.py \
#       build/src/app/placeringar [--lang en|sv] [--shots PREFIX] \
#       [--cli build/src/cli/placeringar-cli]
#
# With --shots, screenshots are saved as PREFIX-child.png (the message
# showing) and PREFIX-placement.png.

import argparse
import importlib.util
import os
import subprocess
import sys
import time

# The helpers of test-shell.py (it also keeps G_DEBUG away from this
# process before GLib is loaded).
_spec = importlib.util.spec_from_file_location(
    'test_shell', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-shell.py'))
shell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shell)

from gi.repository import Atspi, GLib  # noqa: E402

Failure = shell.Failure
wait_until = shell.wait_until

TEXTS = {
    'en': {
        'new_child': 'New Child',
        'new_placement': 'New Placement for {}',
        'name': 'Name',
        'personnummer': 'Personal identity number',
        'home': 'Home municipality',
        'caseworker': 'Caseworker',
        'placing': 'Placing municipality',
        'save': 'Save',
        'home_row': 'Home',
        'home_ref': 'Home reference',
    },
    'sv': {
        'new_child': 'Nytt barn',
        'new_placement': 'Ny placering för {}',
        'name': 'Namn',
        'personnummer': 'Personnummer',
        'home': 'Hemkommun',
        'caseworker': 'Handläggare',
        'placing': 'Placerande kommun',
        'save': 'Spara',
        'home_row': 'Hem',
        'home_ref': 'Hemmets referens',
    },
}

CHILD_NAME = 'Testa Formulärsson'
# 2012-03-15, serial 242: the Luhn check digit is 4 (test-form-diff checks
# it with plc_personnummer_parse()); 5 is wrong.
INVALID_PERSONNUMMER = '20120315-2425'
VALID_PERSONNUMMER = '20120315-2424'
HOME = 'Falun'
HOME_CODE = '2080'
CASEWORKER = 'Formtest Handläggare'


def top_level(app_accessible, name):
    # GTK 4.8 tells AT-SPI the role of an AdwWindow as "filler": find the
    # forms by their title, whatever their role.
    for child in shell.children(app_accessible):
        try:
            if child.get_name() == name and shell.on_screen(child):
                return child
        except GLib.Error:
            continue
    return None


def closed(form):
    """Whether @form has gone. Asked of the form itself: while a window
    closes, asking the application for its windows one by one races with
    GTK 4.8, which then answers for an index past the end with a window
    that has no accessible path, and crashes (gtkatspiroot.c,
    GetChildAtIndex)."""
    return not shell.on_screen(form)


def entry(root, name):
    return shell.find_first(root, lambda a: a.get_role() == Atspi.Role.TEXT
                            and a.get_name() == name
                            and 'EditableText' in a.get_interfaces())


def button(root, name):
    return shell.find_first(root, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON
                            and a.get_name() == name and 'click' in shell.action_names(a),
                            everything=True)


def set_text(accessible, text):
    if not accessible.set_text_contents(text):
        raise Failure(f'AT-SPI could not set the text of {shell.describe(accessible)}')


def text_of(accessible):
    return accessible.get_text(0, accessible.get_character_count())


def sensitive(accessible):
    return shell.has_state(accessible, Atspi.StateType.SENSITIVE)


def labels_with_prefix(root, prefix):
    found = []
    for accessible in shell.walk(root):
        try:
            if accessible.get_role() == Atspi.Role.LABEL and accessible.get_name().startswith(prefix) \
                    and shell.on_screen(accessible):
                found.append(accessible)
        except GLib.Error:
            continue
    return found


def cli_lines(cli, command):
    env = dict(shell.APP_ENV)
    env['LC_ALL'] = 'C.UTF-8'
    env['LANG'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    result = subprocess.run([cli, command], env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise Failure(f'placeringar-cli {command} failed ({result.returncode}): '
                      f'{result.stderr.strip()}')
    return result.stdout.splitlines()


def shot(args, name, tap, title):
    """Saves the form's window (without a window manager, the main window
    may be stacked above it, so not the whole screen)."""
    if args.shots:
        shell.screenshot(f'{args.shots}-{name}.png', tap, title)


def run(args, tap, state):
    lang = shell.VIEWS[args.lang]
    texts = TEXTS[args.lang]

    if not shell.locale_available(lang['locale']):
        raise Failure(f'the locale {lang["locale"]} is not installed')
    if not os.environ.get('DISPLAY'):
        raise Failure('no DISPLAY: run this under tests/session-run --display')

    Atspi.init()

    state['step'] = 'starting the application'
    app = shell.App(args.binary, args.lang)
    state['app'] = app

    # 1. The window, with the form actions
    state['step'] = 'waiting for the application and its window'
    accessible = wait_until(state['step'], lambda: shell.find_application(app), app,
                            args.startup_timeout)
    accessible.set_cache_mask(Atspi.Cache.NONE)
    window = wait_until(state['step'], lambda: shell.find_window(accessible), app)
    names = wait_until('waiting for win.new-placement to be offered',
                       lambda: 'win.new-placement' in shell.action_names(window)
                       and shell.action_names(window), app)
    missing = [n for n in ('win.new-child', 'win.new-placement') if n not in names]
    if missing:
        raise Failure(f'the window does not offer {missing}: {names}')
    tap.ok(f'the window offers win.new-child and win.new-placement')

    # 2. New placement without a child: the child's form comes first
    state['step'] = f'activating win.new-placement and waiting for "{texts["new_child"]}"'
    if not window.do_action(names.index('win.new-placement')):
        raise Failure('activating win.new-placement failed')
    form = wait_until(state['step'], lambda: top_level(accessible, texts['new_child']), app)
    name_entry = wait_until('looking for the name field', lambda: entry(form, texts['name']), app)
    pnr_entry = entry(form, texts['personnummer'])
    home_entry = entry(form, texts['home'])
    save = button(form, texts['save'])
    if None in (pnr_entry, home_entry, save):
        raise Failure(f'the child form lacks a field or Save: personnummer {pnr_entry}, '
                      f'home municipality {home_entry}, save {save}')
    if sensitive(save):
        tap.not_ok('Save is insensitive on an empty child form', shell.describe(save))
    else:
        tap.ok(f'"{texts["new_child"]}" opens with its fields named for screen readers; '
               f'Save is insensitive')

    # 3. An invalid personal identity number: its message under the field
    description = 'an invalid personal identity number shows its message right under the field'
    state['step'] = 'typing a name, a home municipality and an invalid personal identity number'
    set_text(name_entry, CHILD_NAME)
    set_text(home_entry, HOME)
    set_text(pnr_entry, INVALID_PERSONNUMMER)
    prefix = texts['personnummer'] + ': '
    try:
        state['step'] = f'waiting for a message "{prefix}…"'
        message = wait_until(state['step'], lambda: labels_with_prefix(form, prefix), app)[0]
        field = shell.extents(pnr_entry)
        label = shell.extents(message)
        # The entry row's text is inside the row; the message row follows
        # it: just below, within a row's height or so.
        below = field[1] + field[3]
        if not (below <= label[1] <= below + 80):
            raise Failure(f'the message is at {label}, not right under the field at {field}')
        if sensitive(save):
            raise Failure('Save is sensitive while the number is invalid')
        shot(args, 'child', tap, texts['new_child'])
        tap.ok(f'{description}: "{message.get_name()}"; Save stays insensitive')
    except Failure as failure:
        tap.not_ok(description, failure)

    # 4. Corrected: the message goes, Save becomes sensitive, and saves
    description = 'a valid number takes the message away and the child can be saved'
    state['step'] = 'typing a valid personal identity number'
    set_text(pnr_entry, VALID_PERSONNUMMER)
    try:
        wait_until('waiting for the message to go', lambda: not labels_with_prefix(form, prefix), app)
        wait_until('waiting for Save to become sensitive', lambda: sensitive(save), app)
        tap.ok(description.replace(' and the child can be saved', ', and Save becomes sensitive'))
    except Failure as failure:
        tap.not_ok(description, failure)
        raise

    state['step'] = 'saving the child'
    shell.activate(save)
    title = texts['new_placement'].format(CHILD_NAME)
    state['step'] = f'waiting for the child form to close and "{title}" to open'
    wait_until(state['step'], lambda: closed(form), app)
    placement_form = wait_until(state['step'], lambda: top_level(accessible, title), app)
    tap.ok(f'the child is saved and "{title}" follows')

    # 5. The placement: defaults, then saved
    description = 'the placement form starts from the child: the placing municipality is its home'
    placing = wait_until('looking for the placing municipality',
                         lambda: entry(placement_form, texts['placing']), app)
    caseworker = entry(placement_form, texts['caseworker'])
    save = button(placement_form, texts['save'])
    if None in (caseworker, save):
        raise Failure('the placement form lacks the caseworker field or Save')
    try:
        wait_until(f'waiting for "{HOME}" in the placing municipality',
                   lambda: text_of(placing) == HOME, app)
        tap.ok(f'{description} ("{HOME}")')
    except Failure as failure:
        tap.not_ok(description, f'{failure}: it holds "{text_of(placing)}"')
    set_text(caseworker, CASEWORKER)
    state['step'] = 'waiting for Save of the placement to become sensitive'
    wait_until(state['step'], lambda: sensitive(save), app)
    shot(args, 'placement', tap, title)

    # The home (issue 13): chosen from the contacts or typed in; the
    # reference field shows only for "Another reference"
    description = f'the placement form has "{texts["home_row"]}", and no "{texts["home_ref"]}" field yet'
    home_row = shell.find_first(placement_form, lambda a: a.get_name() == texts['home_row'],
                                everything=True)
    home_ref = entry(placement_form, texts['home_ref'])
    if home_row is None:
        tap.not_ok(description, 'no such row')
    elif home_ref is not None and shell.on_screen(home_ref):
        tap.not_ok(description, f'"{texts["home_ref"]}" shows before it is chosen')
    else:
        tap.ok(description)
    if args.shots:
        # The form scrolled down to where the child is placed, the home and
        # the decisions, with the mouse wheel (XTest)
        e = placement_form.get_extents(Atspi.CoordType.WINDOW)  # at 0,0: no window manager
        shell.xtest_buttons(e.x + e.width // 2, e.y + e.height // 2, 5, 8)
        time.sleep(0.5)
        shot(args, 'placement-home', tap, title)
    shell.activate(save)
    state['step'] = 'waiting for the placement form to close'
    wait_until(state['step'], lambda: closed(placement_form), app)
    tap.ok('the placement is saved and its form closes')

    # 6. Both are in the database
    description = 'placeringar-cli finds the child and its placement in the database'
    try:
        children = [line for line in cli_lines(args.cli, 'children') if CHILD_NAME in line]
        if len(children) != 1:
            raise Failure(f'placeringar-cli children lists {len(children)} rows with the name')
        # The birth date follows from the number (the list leaves the
        # number itself out).
        if '\t2012-03-15\t' not in children[0] or HOME_CODE not in children[0]:
            raise Failure(f'the child is stored without the birth date its number gives, '
                          f'or without its home municipality: {children[0]}')
        placements = [line for line in cli_lines(args.cli, 'placements') if CASEWORKER in line]
        if len(placements) != 1:
            raise Failure(f'placeringar-cli placements lists {len(placements)} rows with '
                          f'the caseworker:\n' + '\n'.join(cli_lines(args.cli, 'placements')))
        if HOME_CODE not in placements[0] and HOME not in placements[0]:
            raise Failure(f'the placement is not for {HOME}: {placements[0]}')
        tap.ok(description)
    except Failure as failure:
        tap.not_ok(description, failure)

    state['step'] = 'finishing'
    if app.running():
        tap.ok('the application is still running')
    else:
        tap.not_ok('the application is still running', f'status {app.process.returncode}')


def main():
    parser = argparse.ArgumentParser(description='UI test of the child and placement forms.')
    parser.add_argument('binary')
    parser.add_argument('--lang', choices=sorted(TEXTS), default='en')
    parser.add_argument('--shots', metavar='PREFIX')
    parser.add_argument('--cli', metavar='PLACERINGAR-CLI')
    parser.add_argument('--timeout', type=float, default=100.0)
    parser.add_argument('--startup-timeout', type=float, default=30.0)
    args = parser.parse_args()
    if args.cli is None:
        args.cli = os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                os.pardir, 'cli', 'placeringar-cli')

    tap = shell.Tap(10)
    return shell.run_test(run, args, tap)


if __name__ == '__main__':
    sys.exit(main())
