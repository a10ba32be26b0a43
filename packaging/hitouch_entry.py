"""The frozen app's entry point. It lives outside src/ so that PyInstaller takes the hitouch
package from the build venv, where it is installed whole (resources included), not from src/."""

from hitouch.cli import main

raise SystemExit(main())
