"""What ships: the wheel carries the resources and migrations; the desktop files pass their validators."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hitouch.paths import APP_ID

REPO = Path(__file__).resolve().parents[1]
DESKTOP = REPO / "resources" / "desktop"


def run_validator(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: desktop-file-utils, appstream)")
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_the_desktop_file_passes_desktop_file_validate():
    desktop = DESKTOP / f"{APP_ID}.desktop"
    result = run_validator("desktop-file-validate", str(desktop))
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
    text = desktop.read_text(encoding="utf-8")
    assert "MimeType=text/vcard;text/x-vcard;" in text and "Exec=hitouch %F" in text
    assert f"Icon={APP_ID}" in text


def test_the_metainfo_passes_appstreamcli_validate_pedantic():
    # --no-net: the screenshot addresses are not fetched (this machine has no internet).
    result = run_validator(
        "appstreamcli", "validate", "--pedantic", "--no-net", str(DESKTOP / f"{APP_ID}.metainfo.xml")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    findings = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:", "P:")]
    assert findings == []


def test_the_metainfo_screenshots_are_in_the_repository():
    text = (DESKTOP / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    prefix = "https://raw.githubusercontent.com/hitouch/hitouch/main/"
    shots = [line.split("<image>")[1].split("</image>")[0] for line in text.splitlines() if "<image>" in line]
    assert shots and all(shot.startswith(prefix) for shot in shots)
    missing = [shot for shot in shots if not (REPO / shot.removeprefix(prefix)).is_file()]
    assert missing == []


def test_the_validators_catch_a_broken_desktop_file(tmp_path):
    broken = tmp_path / f"{APP_ID}.desktop"
    broken.write_text("[Desktop Entry]\nName=HiTouch\nExec=hitouch %F\nMimeType=text/vcard\n", encoding="utf-8")
    assert run_validator("desktop-file-validate", str(broken)).returncode != 0


@pytest.mark.slow
def test_the_wheel_carries_resources_and_migrations_as_files(tmp_path):
    source = tmp_path / "source"  # a copy: building leaves build/ and egg-info behind
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "docs"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("hitouch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        "hitouch/resources/__init__.py",
        f"hitouch/resources/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"hitouch/resources/desktop/{APP_ID}.desktop",
        f"hitouch/resources/desktop/{APP_ID}.metainfo.xml",
        "hitouch/resources/icons/actions/coffee.svg",
        "hitouch/resources/translations/hitouch_en.ts",
        "hitouch/store/migrations/env.py",
        "hitouch/store/migrations/script.py.mako",
    }
    wanted |= {
        f"hitouch/resources/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 22, 24, 32, 48, 64, 128, 256, 512)
    }
    wanted |= {
        f"hitouch/store/migrations/versions/{p.name}"
        for p in (REPO / "src/hitouch/store/migrations/versions").glob("*.py")
    }
    assert wanted - names == set()


def test_resources_are_found_through_the_package_not_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = (
        "from importlib.resources import files; "
        "print((files('hitouch.resources') / 'icons' / 'actions' / 'today.svg').read_text()[:4])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "<svg"


def test_the_flatpak_manifest_is_ready_to_build():
    """flatpak-builder does not run here; what it would need is checked instead."""
    yaml = pytest.importorskip("yaml")
    import json
    import re

    folder = REPO / "packaging" / "flatpak"
    [manifest_path] = folder.glob("*.yml")
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    app_id = manifest["id"]
    assert manifest_path.stem == app_id and manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["command"] == "hitouch"
    hitouch = next(m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "hitouch")
    commands = " ".join(hitouch["build-commands"])
    for installed in re.findall(r"resources/\S+", commands.replace("${FLATPAK_ID}", app_id)):
        for size in ("16", "22", "24", "32", "48", "64", "128", "256", "512"):
            assert (REPO / installed.replace("${size}", size)).is_file(), installed
    modules = json.loads((folder / "python3-modules.json").read_text(encoding="utf-8"))
    wanted = re.findall(
        r'^\s*"([A-Za-z0-9_.-]+)[<>=!~ ]',
        (REPO / "pyproject.toml").read_text(encoding="utf-8").split("dependencies = [", 1)[1].split("]", 1)[0],
        re.M,
    )
    listed = modules["build-commands"][0].lower().replace("_", "-")
    for package in wanted:
        if not package.startswith("PySide6"):  # PySide6 comes from the base application
            assert f" {package.lower().replace('_', '-')} " in listed + " ", package
