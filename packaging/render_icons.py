"""Render the application icon's PNG sizes from its SVG, with Qt's own SVG renderer.

    .venv/bin/python packaging/render_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/<app id>.png for every size desktops ask for.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from hitouch.paths import APP_ID

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(out)):
            raise SystemExit(f"{out}: could not be written")
        print(out.relative_to(HICOLOR.parents[2]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
