"""Photo files as bytes: which kind (by the first bytes, whatever the name says), and whether
the file is whole. A photo cut short (a copy that stopped, a card that filled) is refused
before decoding: a decoder would fill the missing part with grey and say nothing."""

from __future__ import annotations

import struct

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".heic", ".heif")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def photo_kind(head: bytes) -> str | None:
    """'jpeg', 'png' or 'heic' from a file's first 16 bytes or more; None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(_PNG_SIGNATURE):
        return "png"
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    return None


def missing_end(data: bytes, kind: str) -> bool:
    """True when a JPEG or PNG stops before its end (HEIC is left to the decoder)."""
    if kind == "jpeg":
        return not _jpeg_whole(data)
    if kind == "png":
        return not _png_whole(data)
    return False


def _jpeg_whole(data: bytes) -> bool:
    """Walk the segments to the end-of-image marker. Inside a scan's data 0xFF is always
    followed by 0x00 or a restart marker, so the next other marker ends the scan. What follows
    the end (a phone's motion-photo video) does not matter."""
    pos, size = 2, len(data)
    while pos + 4 <= size:
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            return True
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
        if marker == 0xDA:  # start of scan: skip its entropy-coded data
            while True:
                pos = data.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= size:
                    return False
                following = data[pos + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos += 1 if following == 0xFF else 2
                    continue
                break
    return pos + 2 <= size and data[pos : pos + 2] == b"\xff\xd9"


def _png_whole(data: bytes) -> bool:
    pos, size = len(_PNG_SIGNATURE), len(data)
    while pos + 8 <= size:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        pos += 12 + length
        if pos > size:
            return False
        if kind == b"IEND":
            return True
    return False
