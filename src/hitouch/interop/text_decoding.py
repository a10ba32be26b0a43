"""Bytes to text for contacts files written by any program, in any encoding they chose."""

from __future__ import annotations

import codecs

# Feature phones say SHIFT_JIS but use Microsoft's superset (NEC and IBM extensions).
_CODEC_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}


def utf16_codec(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes are UTF-16, with or without a BOM."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    # Mostly-ASCII UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    if nul_odd > pairs * 0.4 and nul_even < pairs * 0.05:
        return "utf-16-le"
    if nul_even > pairs * 0.4 and nul_odd < pairs * 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes that are not UTF-16's, in a file that does not begin like a card or a calendar:
    an image, an archive, a database. Stray NULs inside cards are dropped by the readers."""
    head = data[:8192]
    if b"\x00" not in head or utf16_codec(data) is not None:
        return False
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").upper().startswith(b"BEGIN:V")


def without_stray_nuls(data: bytes) -> bytes:
    """NUL bytes in a text file (not UTF-16) carry nothing: they go."""
    return data if utf16_codec(data) is not None else data.replace(b"\x00", b"")


def file_text(data: bytes) -> str:
    """A whole file as text: BOM, UTF-16, UTF-8, then Shift_JIS or Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if codec := utf16_codec(data):
        return data.decode(codec, errors="replace").removeprefix("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _japanese_text(data) or windows_1252(data)


def vcard_bytes(data: bytes) -> bytes:
    """vCards are parsed line by line as bytes; UTF-16 files are re-encoded to UTF-8 first."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if codec := utf16_codec(data):
        return data.decode(codec, errors="replace").removeprefix("\ufeff").encode("utf-8")
    return data


def value_text(raw: bytes, charset: str | None = None) -> str:
    """One value: its declared charset if that works, else UTF-8, else Windows-1252."""
    if raw.isascii():
        return raw.decode("ascii")
    if charset:
        codec = _CODEC_ALIASES.get(charset.strip().lower(), charset.strip())
        try:
            return raw.decode(codec)
        except (LookupError, UnicodeError, ValueError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return windows_1252(raw)


def windows_1252(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: Latin-1 maps every byte.
        return raw.decode("latin-1")


def _japanese_text(data: bytes) -> str | None:
    """Shift_JIS only when it decodes cleanly into kana and kanji (Latin-1 text never does)."""
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    japanese = sum(1 for ch in wide if _is_japanese(ch))
    return text if wide and japanese >= 0.9 * len(wide) else None


def _is_japanese(ch: str) -> bool:
    return "\u3000" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff5e"
