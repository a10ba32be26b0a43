"""Writes python3-modules.json: HiTouch's Python dependencies as flatpak-builder sources.

    .venv/bin/python packaging/flatpak/generate_python_modules.py

The same idea as flatpak-pip-generator, for the runtime's Python (3.12 in org.kde.Platform 6.8):
pip resolves the dependencies in pyproject.toml for each architecture without installing them
(`pip install --dry-run --report`), and every wheel becomes a `file` source with its URL and
sha256. Pure-Python wheels are shared; compiled ones carry `only-arches`. PySide6 is left out:
the io.qt.PySide.BaseApp base provides it. Builds then run without network, as Flathub requires.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PYTHON = "3.12"
# Wheels the runtime's glibc (2.39 in freedesktop 24.08) can load, newest tag first.
ARCHES = {
    arch: [f"manylinux_2_{n}_{arch}" for n in (39, 34, 28, 17)] + [f"manylinux2014_{arch}"]
    for arch in ("x86_64", "aarch64")
}
PROVIDED_BY_BASE = ("pyside6", "shiboken6")
CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"  # the system's, where there is one
BUILD_TOOLS = ["setuptools>=69", "wheel"]  # to build hitouch itself without network


def requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [r for r in project["dependencies"] if not r.lower().startswith(PROVIDED_BY_BASE)] + BUILD_TOOLS


def resolve(platforms: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            # --isolated: PyPI itself, whatever mirrors this machine's pip is set up with
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--isolated",
                "--index-url=https://pypi.org/simple",
                *(["--cert", CA_BUNDLE] if Path(CA_BUNDLE).is_file() else []),
                "--disable-pip-version-check",
                "--quiet",
                "--dry-run",
                "--ignore-installed",
                "--only-binary=:all:",
                f"--python-version={PYTHON}",
                *(f"--platform={p}" for p in platforms),
                "--target",
                str(Path(folder) / "target"),
                "--report",
                str(report),
                *requirements(),
            ],
            check=True,
        )
        return json.loads(report.read_text(encoding="utf-8"))["install"]


def source(item: dict) -> dict:
    info = item["download_info"]
    return {"type": "file", "url": info["url"], "sha256": info["archive_info"]["hashes"]["sha256"]}


def main() -> int:
    by_arch = {
        arch: {i["metadata"]["name"].lower(): i for i in resolve(platforms)} for arch, platforms in ARCHES.items()
    }
    names = sorted(set().union(*by_arch.values()) - set(PROVIDED_BY_BASE))
    sources = []
    for name in names:
        found = {arch: by_arch[arch][name] for arch in ARCHES if name in by_arch[arch]}
        urls = {item["download_info"]["url"] for item in found.values()}
        if len(urls) == 1 and len(found) == len(ARCHES):
            sources.append(source(next(iter(found.values()))))
        else:
            for arch, item in found.items():
                sources.append(source(item) | {"only-arches": [arch]})
    module = {
        "name": "python3-modules",
        "buildsystem": "simple",
        "build-commands": [
            'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
            "--prefix=${FLATPAK_DEST} --no-build-isolation " + " ".join(names)
        ],
        "sources": sources,
    }
    out = HERE / "python3-modules.json"
    out.write_text(json.dumps(module, indent=2) + "\n", encoding="utf-8")
    print(f"{out.relative_to(REPO)}: {len(names)} packages, {len(sources)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
