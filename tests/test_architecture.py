"""House rules that keep the layers apart (see STYLE.md): dependencies point down."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hitouch"

# What each layer must never import.
FORBIDDEN = {
    "domain": (
        "hitouch.store",
        "hitouch.services",
        "hitouch.interop",
        "hitouch.ui",
        "hitouch.cli",
        "hitouch.app",
        "PySide6",
        "sqlalchemy",
        "alembic",
    ),
    "store": ("hitouch.services", "hitouch.interop", "hitouch.ui", "hitouch.cli", "hitouch.app", "PySide6"),
    "interop": (
        "hitouch.store",
        "hitouch.services",
        "hitouch.ui",
        "hitouch.cli",
        "hitouch.app",
        "PySide6",
        "sqlalchemy",
    ),
    "services": ("hitouch.ui", "hitouch.cli", "hitouch.app", "PySide6"),
    "ui": ("hitouch.store", "hitouch.cli", "hitouch.app", "sqlalchemy", "alembic"),
    "cli": ("hitouch.ui", "PySide6"),
    # Qt's image codecs for the photo import, for the window and the command line alike:
    # QtGui and QtCore only (no widgets, no window), nothing above the services.
    "imaging": (
        "hitouch.store",
        "hitouch.ui",
        "hitouch.cli",
        "hitouch.app",
        "PySide6.QtWidgets",
        "sqlalchemy",
        "alembic",
    ),
}


def imports_of(path: Path) -> list[tuple[int, str, bool]]:
    """(line, module, at module level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module, id(node) in top_level))
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer):
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, module, _ in imports_of(path):
            if module.startswith(FORBIDDEN[layer]):
                offences.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert offences == []


def test_the_command_line_reaches_the_window_only_through_the_composition_root():
    offences = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for line, module, top in imports_of(path):
            if module == "hitouch.app" and top:
                offences.append(f"{path.relative_to(PACKAGE)}:{line} imports the window at start-up")
    assert offences == []


def test_the_command_line_loads_qt_image_codecs_only_for_the_command_that_reads_photos():
    """`hitouch import PHOTO` decodes with QtGui (hitouch.imaging); every other command starts without Qt."""
    offences = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for line, module, top in imports_of(path):
            if module.startswith("hitouch.imaging") and top:
                offences.append(f"{path.relative_to(PACKAGE)}:{line} imports Qt's codecs at start-up")
    assert offences == []


def test_the_rule_checker_catches_an_upward_import(tmp_path):
    """The checker itself must be able to fail."""
    bad = tmp_path / "bad.py"
    bad.write_text("from hitouch.ui.shell.main_window import MainWindow\n")
    assert [m for _, m, _ in imports_of(bad) if m.startswith(FORBIDDEN["services"])] == ["hitouch.ui.shell.main_window"]


def test_no_module_grows_past_600_lines():
    big = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600 and "migrations" not in p.parts
    ]
    assert big == []


def test_every_package_is_listed_in_pyproject():
    pyproject = (PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(hitouch(?:\.\w+)*)",', pyproject))
    found = {".".join(p.relative_to(PACKAGE.parent).parts[:-1]) for p in PACKAGE.rglob("__init__.py")}
    found.add("hitouch.resources")
    assert found <= listed
