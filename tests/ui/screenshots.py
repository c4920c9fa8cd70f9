#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the metainfo's screenshots from the demonstration data: starts the
# application with a 1200×800 window, opens the demonstration data and saves
# one PNG of each view (placements.png, timelines.png, contacts.png,
# deviations.png, reports.png), the names data/*.metainfo.xml.in.in points at. Run it in
# a private session with a display:
#
#   tests/session-run --display -- /usr/bin/python3 tests/ui/screenshots.py \
#       build/src/app/placeringar [--output data/screenshots] [--lang en] [--prefix P]
#
# PLACERINGAR_PROFILES_DIR must name data/profiles and GSETTINGS_SCHEMA_DIR
# the build tree's compiled schema (meson devenv sets both).

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))

parser = argparse.ArgumentParser(description='Screenshots of each view of the demonstration data.')
parser.add_argument('binary', help='the application binary')
parser.add_argument('--output', default=os.path.join(SOURCE_ROOT, 'data', 'screenshots'))
parser.add_argument('--lang', choices=['en', 'sv'], default='en')
parser.add_argument('--prefix', default='', help='put this before each file name')
parser.add_argument('--width', type=int, default=1200)
parser.add_argument('--height', type=int, default=800)
args = parser.parse_args()

config = os.environ.get('XDG_CONFIG_HOME')
if not config or not os.environ.get('DISPLAY'):
    sys.exit('screenshots.py: run me under tests/session-run --display (a private home and display)')

# The window's size comes from GSettings: give it in a keyfile of the
# private session's own.
settings_dir = os.path.join(config, 'glib-2.0', 'settings')
os.makedirs(settings_dir, exist_ok=True)
with open(os.path.join(settings_dir, 'keyfile'), 'w', encoding='utf-8') as keyfile:
    keyfile.write('[se/placeringar/Placeringar]\n'
                  f'window-width={args.width}\nwindow-height={args.height}\n'
                  "last-view='placements'\n")
os.environ['GSETTINGS_BACKEND'] = 'keyfile'

sys.exit(subprocess.call([sys.executable, os.path.join(HERE, 'test-demo.py'), args.binary,
                          '--lang', args.lang, '--screenshots', args.output,
                          '--prefix', args.prefix]))
