"""ContactCards -> vCard 3.0 or 4.0 text: CRLF, folded at 75 octets, escaped once."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.interop.date_text import NO_YEAR_SENTINEL
from hitouch.interop.vcard.escaping import escape

VERSIONS = ("3.0", "4.0")
_LINE_OCTETS = 75
_PRODID = "-//HiTouch//HiTouch//EN"
# Labels with a standard TYPE; any other label travels as Apple's itemN.X-ABLabel,
# which Apple, Google and HiTouch itself read back.
_EMAIL_TYPES = {"work": ("WORK",), "home": ("HOME",)}
_PHONE_TYPES = {
    "work": ("WORK",),
    "home": ("HOME",),
    "mobile": ("CELL",),
    "fax": ("FAX",),
    "work fax": ("WORK", "FAX"),
    "home fax": ("HOME", "FAX"),
    "pager": ("PAGER",),
}
_URL_TYPES = {"work": ("WORK",), "home": ("HOME",)}


def write_vcards(cards: Iterable[ContactCard], version: str = "3.0") -> str:
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}, not {version!r}")
    return "".join(_card(card, version) for card in cards)


def _card(card: ContactCard, version: str) -> str:
    v4 = version == "4.0"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{_PRODID}"]
    if card.uid:
        lines.append(f"UID:{escape(card.uid)}")
    fn = card.name.strip() or card.display_name or (card.phones[0].value if card.phones else "")
    lines.append(f"FN:{escape(fn)}")
    lines.append(f"N:{escape(card.family)};{escape(card.given)};;;")
    groups = _Groups()
    emails_type = ("INTERNET",) if not v4 else ()
    lines += _labelled("EMAIL", card.emails, _EMAIL_TYPES, groups, v4, extra=emails_type)
    lines += _labelled("TEL", card.phones, _PHONE_TYPES, groups, v4)
    if card.company:
        lines.append(f"ORG:{escape(card.company)}")
    if card.title:
        lines.append(f"TITLE:{escape(card.title)}")
    lines += _labelled("URL", card.urls, _URL_TYPES, groups, v4)
    if card.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in card.tags))
    if card.birthday:
        lines.append(_birthday(card.birthday, v4))
    if card.notes:
        lines.append(f"NOTE:{escape(card.notes)}")
    if card.photo:
        encoded = base64.b64encode(card.photo.data).decode("ascii")
        if v4:
            lines.append(f"PHOTO:data:{card.photo.mime};base64,{encoded}")
        else:
            subtype = card.photo.mime.rpartition("/")[2].upper() or "JPEG"
            lines.append(f"PHOTO;ENCODING=b;TYPE={subtype}:{encoded}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


class _Groups:
    """itemN prefixes for values whose label has no TYPE of its own."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"item{self.count}"


def _labelled(
    name: str,
    values: list[Labelled],
    types: Mapping[str, tuple[str, ...]],
    groups: _Groups,
    v4: bool,
    extra: tuple[str, ...] = (),
) -> list[str]:
    lines: list[str] = []
    for item in values:
        label = item.label.strip().lower()
        known = types.get(label, ())
        type_values = [t.lower() if v4 else t for t in (*extra, *known)]
        params = f";TYPE={','.join(type_values)}" if type_values else ""
        if label and not known:
            group = groups.next()
            lines.append(f"{group}.{name}{params}:{escape(item.value)}")
            lines.append(f"{group}.X-ABLabel:{escape(item.label.strip())}")
        else:
            lines.append(f"{name}{params}:{escape(item.value)}")
    return lines


def _birthday(birthday: Birthday, v4: bool) -> str:
    if v4:
        year = f"{birthday.year:04d}" if birthday.year is not None else "--"
        return f"BDAY:{year}{birthday.month:02d}{birthday.day:02d}"
    if birthday.year is None:
        # vCard 3.0 has no year-less date; this is how Apple writes one, and others read it.
        sentinel = f"{NO_YEAR_SENTINEL}-{birthday.month:02d}-{birthday.day:02d}"
        return f"BDAY;X-APPLE-OMIT-YEAR={NO_YEAR_SENTINEL}:{sentinel}"
    return f"BDAY:{birthday.iso()}"


def fold(line: str) -> str:
    """Fold at 75 octets (RFC 6350 3.2) without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= _LINE_OCTETS:
        return line
    pieces: list[str] = []
    start, room = 0, _LINE_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1  # back off to the first byte of a multi-byte character
        pieces.append(data[start:end].decode("utf-8"))
        start, room = end, _LINE_OCTETS - 1  # continuation lines start with a space
    return "\r\n ".join(pieces)
