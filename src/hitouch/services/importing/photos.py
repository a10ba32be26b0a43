"""Photos of badges and business cards, read for their QR codes, with bounded memory.

Decoding a JPEG, PNG or HEIC takes an image codec, and HiTouch's is Qt's. This layer holds
no Qt: it asks a `PhotoReader` (the port) for a photo's size and then its pixels, and the
front ends pass in the one they have (`hitouch.imaging.QtPhotoReader`, which needs no window).
Everything a person must be told (too big, cut short, not a photo) is decided here, before
the reader is asked to decode anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hitouch.domain.cards import Problem
from hitouch.interop.qr.codes import GreyPixels, qr_texts
from hitouch.interop.qr.photo_files import PHOTO_SUFFIXES, missing_end, photo_kind

MAX_BYTES = 64 * 1024 * 1024  # a phone's 50-megapixel JPEG is about 25 MB
MAX_PIXELS = 60_000_000  # read whole, a PNG of this size takes 240 MB: the ceiling
DECODE_SIDE = 3000  # pixels on the long side for finding codes (a 12 MP photo: 3000 × 2250)
CARD_SIDE = 1600  # the card image kept with the contact
THUMBNAIL_SIDE = 240


class UnreadablePhoto(Exception):
    """What the reader could not do, in words a person can act on."""


@dataclass(frozen=True, slots=True)
class Picture:
    """A photo decoded: grey pixels to look for codes in, and the resized JPEGs to keep."""

    grey: GreyPixels
    card_image: bytes  # JPEG, at most CARD_SIDE on its long side
    card_width: int
    card_height: int
    thumbnail: bytes  # JPEG, at most THUMBNAIL_SIDE


class PhotoReader(Protocol):
    def formats(self) -> set[str]:
        """The kinds it decodes: 'jpeg', 'png', and 'heic' where the system's codec has it."""
        ...

    def size(self, data: bytes) -> tuple[int, int] | None:
        """Width and height from the header alone, after the photo's EXIF turn; None when it
        cannot tell."""
        ...

    def read(self, data: bytes, decode_side: int, card_side: int, thumbnail_side: int) -> Picture:
        """The photo decoded at most `decode_side` pixels on its long side. UnreadablePhoto."""
        ...


@dataclass(frozen=True, slots=True)
class PhotoRead:
    """One photo as read: its file, the original's digest, what was decoded, the codes on it."""

    path: str
    digest: str
    picture: Picture
    codes: list[str]

    @property
    def name(self) -> str:
        return Path(self.path).name


def is_photo(path: Path | str) -> bool:
    """A JPEG, PNG or HEIC file (by its first bytes), or a folder of them (with no CSV beside
    them, which would make it a contacts export): what `hitouch import` and a drop on the window
    send to the photo import."""
    path = Path(path)
    if path.is_dir():
        try:
            suffixes = {p.suffix.lower() for p in path.iterdir() if p.is_file()}
        except OSError:
            return False
        return bool(suffixes & set(PHOTO_SUFFIXES)) and ".csv" not in suffixes
    try:
        with path.open("rb") as f:
            return photo_kind(f.read(16)) is not None
    except OSError:
        return path.suffix.lower() in PHOTO_SUFFIXES  # the import says what is wrong with it


def photo_paths(paths: list[Path]) -> list[Path]:
    """The photos given, a folder standing for the photos in it (by name, not its subfolders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES),
                key=lambda p: p.name.casefold(),
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_photo(path: Path, reader: PhotoReader) -> PhotoRead | Problem:
    """The photo and the QR codes on it, or the one problem that stops it."""
    name = str(path)

    def problem(message: str) -> Problem:
        return Problem(name, 0, message)

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return problem(f"it is {size / 1e6:.0f} MB; HiTouch reads photos up to {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        return problem("there is no such file")
    except IsADirectoryError:
        return problem("it is a folder, not a photo")
    except OSError as exc:
        return problem(f"it could not be read ({exc.strerror or exc})")
    kind = photo_kind(data[:16])
    if kind is None:
        return problem("it is not a JPEG, PNG or HEIC photo")
    if kind not in reader.formats():
        return problem("this system cannot decode HEIC photos; export it as JPEG first")
    if missing_end(data, kind):
        return problem(f"the {kind.upper()} file is cut short (it ends before the picture does)")
    dimensions = reader.size(data)
    if dimensions is None:
        return problem(f"it is damaged: its {kind.upper()} header cannot be read")
    width, height = dimensions
    if width * height > MAX_PIXELS:
        return problem(
            f"it is {width} × {height} pixels ({width * height / 1e6:.0f} megapixels); HiTouch reads photos "
            f"of up to {MAX_PIXELS // 1_000_000} megapixels"
        )
    try:
        picture = reader.read(data, DECODE_SIDE, CARD_SIDE, THUMBNAIL_SIDE)
    except UnreadablePhoto as exc:
        return problem(str(exc))
    return PhotoRead(name, hashlib.sha256(data).hexdigest(), picture, qr_texts(picture.grey))
