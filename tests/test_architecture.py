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
# The modules at the top of the package: preferences and paths sit below the services (they use
# only the domain); the environment is read by the composition roots alone.
BASE = ("hitouch.store", "hitouch.services", "hitouch.interop", "hitouch.ui", "hitouch.cli", "hitouch.app")
TOP_LEVEL = {
    "settings.py": (*BASE, "hitouch.environment", "PySide6", "sqlalchemy", "alembic"),
    "paths.py": (*BASE, "hitouch.settings", "hitouch.environment", "PySide6", "sqlalchemy", "alembic"),
    "environment.py": (*BASE, "hitouch.settings", "PySide6", "sqlalchemy", "alembic"),
    "app.py": ("hitouch.cli",),
}
# Who may import the environment: the composition roots.
ROOTS = ("app.py", "cli/")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = PACKAGE.parent) -> list[tuple[int, str, bool]]:
    """(line, module, at module level) for every import in a file under `root`; relative imports
    are read as the module they name (`from ..store import x` in hitouch/services/a.py: hitouch.store)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    package = module_name(path, root).split(".") if path.is_relative_to(root) else []
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if node.module is None:  # from . import x, y: each one is a module of that package
                found += [(node.lineno, f"{module}.{alias.name}", id(node) in top_level) for alias in node.names]
            else:
                found.append((node.lineno, module, id(node) in top_level))
    return found


def offences_in(paths: list[Path], forbidden: tuple[str, ...], root: Path = PACKAGE.parent) -> list[str]:
    return [
        f"{path.relative_to(root / 'hitouch')}:{line} imports {module}"
        for path in paths
        for line, module, _ in imports_of(path, root)
        if module == forbidden or module.startswith(tuple(f"{f}." for f in forbidden) + forbidden)
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer):
    assert offences_in(sorted((PACKAGE / layer).rglob("*.py")), FORBIDDEN[layer]) == []


@pytest.mark.parametrize("module", sorted(TOP_LEVEL))
def test_the_top_level_modules_keep_their_place(module):
    assert offences_in([PACKAGE / module], TOP_LEVEL[module]) == []


def test_only_the_composition_roots_read_the_environment():
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "environment.py" or relative.startswith(ROOTS):
            continue
        source = path.read_text(encoding="utf-8")
        if "os.environ" in source or "getenv(" in source:
            readers.append(f"{relative} reads the environment")
        readers += [f"{relative}:{line} imports it" for line, m, _ in imports_of(path) if m == "hitouch.environment"]
    assert readers == []


def test_no_command_module_imports_the_dispatcher():
    """cli/main.py imports every command module; none may import it back (a cycle)."""
    offences = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "cli").glob("*.py"))
        if path.name not in ("main.py", "__init__.py")
        for line, module, _ in imports_of(path)
        if module == "hitouch.cli.main"
    ]
    assert offences == []


def test_no_folder_holds_more_than_15_modules():
    crowded = []
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        if len(modules) > 15 and "migrations" not in folder.parts:
            crowded.append(f"{folder.relative_to(PACKAGE.parent)}: {len(modules)}")
    assert crowded == []


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


def test_the_rule_checker_reads_relative_imports_as_the_modules_they_name(tmp_path):
    """A relative import is no way round the layers."""
    sneaky = tmp_path / "hitouch" / "services" / "contacts" / "sneaky.py"
    sneaky.parent.mkdir(parents=True)
    sneaky.write_text("from ...ui.shell import main_window\nfrom .. import workspace\nfrom . import search\n")
    assert [m for _, m, _ in imports_of(sneaky, tmp_path)] == [
        "hitouch.ui.shell",
        "hitouch.services.workspace",
        "hitouch.services.contacts.search",
    ]
    assert offences_in([sneaky], FORBIDDEN["services"], tmp_path) == [
        "services/contacts/sneaky.py:1 imports hitouch.ui.shell"
    ]


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
