"""Refuses to build with a PySide6 release that pyproject.toml excludes, or with mismatched halves.

PySide6 6.12.0 on CPython 3.11 drops a reference to `True` on every Signal.emit(): the frozen app
would abort after a large import. pip keeps it out of a venv; this keeps it out of a frozen build
made in a venv that already had it, and checks PySide6-Essentials and -Addons are one release.
    python packaging/check_qt_release.py            # the PySide6 installed beside this Python
    python packaging/check_qt_release.py 6.12.0     # a version given (exit 1: excluded)
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

HALVES = ("PySide6-Essentials", "PySide6-Addons")


def allowed() -> dict[str, Requirement]:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    requirements = {Requirement(text).name: Requirement(text) for text in dependencies}
    return {half: requirements[half] for half in HALVES}


def problems(versions: dict[str, str]) -> list[str]:
    found = []
    for half, requirement in allowed().items():
        if not requirement.specifier.contains(versions[half], prereleases=True):
            found.append(f"{half} {versions[half]} is excluded by pyproject.toml ({requirement})")
    if len(set(versions.values())) > 1:
        found.append("PySide6-Essentials and PySide6-Addons are different releases: " + ", ".join(versions.values()))
    return found


def main(argv: list[str]) -> int:
    if argv:
        versions = dict.fromkeys(HALVES, argv[0])
    else:
        try:
            versions = {half: metadata.version(half) for half in HALVES}
        except metadata.PackageNotFoundError as exc:
            print(f"check_qt_release: {exc.name} is not installed", file=sys.stderr)
            return 1
    found = problems(versions)
    for problem in found:
        print(f"check_qt_release: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
