#!/usr/bin/env bash
# Extracts every tr("...") string into resources/translations/hitouch_en.ts, the file translators
# start from, and compiles any translated hitouch_<lang>.ts beside it into the .qm the window loads.
#   bash packaging/update_translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mapfile -t sources < <(git ls-files 'src/hitouch/ui/*.py' 'src/hitouch/app.py')
"$bin/pyside6-lupdate" -no-obsolete -locations relative "${sources[@]}" -ts resources/translations/hitouch_en.ts
for ts in resources/translations/hitouch_*.ts; do
  [ "$ts" = resources/translations/hitouch_en.ts ] && continue
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
