#!/usr/bin/env bash
# Builds HiTouch as a one-folder application in dist/hitouch/ with PyInstaller, then proves it:
# --version, the command line on a new journal (the migrations run), and the window under Xvfb.
#   bash packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# A venv of its own with HiTouch installed as a user gets it (not editable), so PyInstaller sees
# the package exactly as shipped, resources folder and all.
venv=build/pyinstaller-venv
[ -x $venv/bin/python ] || python3 -m venv $venv
$venv/bin/pip install -q --upgrade . pyinstaller
# pip keeps excluded PySide6 releases out; this refuses one a reused venv still has.
$venv/bin/python packaging/check_qt_release.py
$venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/hitouch.spec

bash packaging/check_frozen.sh dist/hitouch/hitouch
echo "size of dist/hitouch: $(du -sh dist/hitouch | cut -f1)"
