#!/usr/bin/env bash
# Runs a built hitouch as a person would: --version, commands on a new journal, the window.
#   bash packaging/check_frozen.sh dist/hitouch/hitouch
set -euo pipefail
app=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
cd "$work"  # resources must not be found by accident in the current folder

echo "+ hitouch --version"
"$app" --version

echo "+ hitouch contact add / contact list --json (a new journal: every migration runs)"
"$app" --db "$work/journal.sqlite3" contact add "Zoë Müller" --email zoe@fjord.vc --company "Fjord Ventures" \
  --met-at "Web Summit" --met-on 2026-11-10
"$app" --db "$work/journal.sqlite3" contact list --json | "${PYTHON:-python3}" -c '
import json, sys
contacts = json.load(sys.stdin)
assert [c["name"] for c in contacts] == ["Zoë Müller"], contacts
print("listed:", contacts[0]["name"], "met at", contacts[0]["events"])'

echo "+ hitouch (the window, under Xvfb)"
command -v Xvfb >/dev/null || { echo "Xvfb is not installed: the window was not checked"; exit 1; }
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
DISPLAY=:97 QT_QPA_PLATFORM=xcb "$app" --db "$work/journal.sqlite3" >"$work/out.txt" 2>"$work/err.txt" &
window=$!
sleep 6
if ! kill -0 $window 2>/dev/null; then
  echo "the window did not stay up:"; cat "$work/err.txt"; exit 1
fi
DISPLAY=:97 import -window root "$work/window.png"
kill $window; wait $window 2>/dev/null || true
if [ -s "$work/err.txt" ]; then
  echo "the window wrote errors:"; cat "$work/err.txt"; exit 1
fi
colours=$(convert "$work/window.png" -format %k info:)
echo "window up for 6 s, no error output; its screenshot has $colours colours"
[ "$colours" -gt 50 ] || { echo "the screenshot looks empty"; exit 1; }
mkdir -p "${SHOT_DIR:-$OLDPWD/build}"
cp "$work/window.png" "${SHOT_DIR:-$OLDPWD/build}/frozen-window.png"
