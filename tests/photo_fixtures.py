"""Photos made for the tests: badges and business cards with QR codes drawn by segno, turned,
scaled down, under noise, several on one photo or none at all. Made with QtGui alone (QImage
needs no QApplication), saved as JPEG or PNG."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter


@dataclass(frozen=True)
class Code:
    text: str
    x: float = 0.5  # centre, as a share of the photo's width and height
    y: float = 0.5
    module: float = 6.0  # pixels a module
    angle: float = 0.0  # degrees


def qr_image(text: str) -> QImage:
    buffer = io.BytesIO()
    segno.make(text, error="m", encoding="utf-8", micro=False).save(buffer, kind="png", scale=1, border=4)
    return QImage.fromData(buffer.getvalue())


def photo(codes: list[Code], width: int = 1600, height: int = 1200, noise: float = 0.0, seed: int = 1) -> QImage:
    """A greyish photo of a badge or a desk, the codes drawn on it; `noise` is the share of pixels
    turned black or white at random."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(205, 200, 190))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.fillRect(QRectF(width * 0.1, height * 0.1, width * 0.8, height * 0.8), QColor(245, 244, 240))
    for code in codes:
        qr = qr_image(code.text)
        side = qr.width() * code.module
        painter.save()
        painter.translate(QPointF(width * code.x, height * code.y))
        painter.rotate(code.angle)
        painter.drawImage(QRectF(-side / 2, -side / 2, side, side), qr)
        painter.restore()
    if noise:
        painter.drawImage(0, 0, salt_and_pepper(width, height, noise, seed))
    painter.end()
    return image


def salt_and_pepper(width: int, height: int, share: float, seed: int) -> QImage:
    """Black and white specks on a transparent layer, built with byte operations (fast)."""
    n = width * height
    rng = random.Random(seed)
    chosen = rng.randbytes(n)
    cut = round(share * 128)
    alpha = chosen.translate(bytes(255 if (v < cut or v >= 256 - cut) else 0 for v in range(256)))
    colour = chosen.translate(bytes(0 if v < 128 else 255 for v in range(256)))
    pixels = bytearray(4 * n)
    for channel in range(3):
        pixels[channel::4] = colour
    pixels[3::4] = alpha
    layer = QImage(bytes(pixels), width, height, 4 * width, QImage.Format.Format_ARGB32)
    return layer.copy()


def save(image: QImage, path: Path, quality: int = 90) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = "PNG" if path.suffix.lower() == ".png" else "JPEG"
    assert image.save(str(path), kind, quality if kind == "JPEG" else -1), path
    return path


def vcard(name: str, email: str = "", phone: str = "", company: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    given, _, family = name.partition(" ")
    lines.append(f"N:{family};{given};;;")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if phone:
        lines.append(f"TEL;TYPE=CELL:{phone}")
    if company:
        lines.append(f"ORG:{company}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def badge(path: Path, text: str, **kwargs) -> Path:
    """One code in the middle of a photo."""
    return save(photo([Code(text, **kwargs)]), path)


def blank(path: Path) -> Path:
    """A photo with no code on it (the stage, a blurred shot)."""
    return save(photo([]), path)
