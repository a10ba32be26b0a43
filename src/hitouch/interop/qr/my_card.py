"""My own card as a QR code: a vCard 3.0 written by HiTouch, drawn by segno as PNG or SVG,
or as its modules for a window to paint at any size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import segno

from hitouch.domain.cards import ContactCard
from hitouch.domain.text import split_name
from hitouch.interop.vcard.write import write_vcards

KINDS = (".png", ".svg")
BORDER = 4  # modules of quiet zone around the code, as the standard asks


def card_text(card: ContactCard) -> str:
    """The vCard a phone's camera reads: 3.0, which every phone's contacts app takes."""
    if not (card.given or card.family):
        given, family = split_name(card.name)
        card = replace(card, given=given, family=family)
    return write_vcards([card], "3.0")


def qr_code(text: str) -> segno.QRCode:
    # Medium error correction: a code shown on a screen or printed on a badge survives a glare
    # or a crease. UTF-8, so a phone reads 'Zoë' as written (segno would pick Latin-1).
    return segno.make(text, error="m", encoding="utf-8", micro=False)


def modules(text: str) -> list[list[bool]]:
    """The code's modules, dark True, row by row, with its quiet zone."""
    return [[bool(m) for m in row] for row in qr_code(text).matrix_iter(border=BORDER)]


def write_qr(text: str, out: Path, scale: int = 10) -> None:
    """PNG or SVG by the name's ending; ValueError for any other. OSError when it cannot be written."""
    kind = out.suffix.lower()
    if kind not in KINDS:
        raise ValueError(f"{out.name}: the file's name must end in .png or .svg")
    code = qr_code(text)
    if kind == ".svg":
        code.save(str(out), kind="svg", scale=scale, border=BORDER, xmldecl=True, title="My card")
    else:
        code.save(str(out), kind="png", scale=scale, border=BORDER)
