"""One card's logical lines (bytes) -> strict vCard 3.0 text for vobject.

vobject is a strict reader: it treats an unescaped comma in FN as a list separator and keeps
only the first part, fails a whole card on badly padded base64, and cannot decode a value in
a charset other than the text it is given. So each property HiTouch keeps is decoded here
(quoted-printable, then its declared CHARSET), unescaped by the rules of its own vCard version,
and written back escaped exactly once. Properties HiTouch does not keep are dropped, so junk in
them (addresses, keys, vendor extensions) can never cost the card.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from hitouch.interop.text_decoding import value_text
from hitouch.interop.vcard.escaping import escape, split_escaped, unescape

MAX_PHOTO_BYTES = 2 * 1024 * 1024

KEPT = frozenset(
    {
        "VERSION",
        "KIND",
        "FN",
        "N",
        "NICKNAME",
        "EMAIL",
        "TEL",
        "URL",
        "ORG",
        "TITLE",
        "CATEGORIES",
        "BDAY",
        "NOTE",
        "UID",
        "PHOTO",
        "X-ABLABEL",
        "X-SOCIALPROFILE",
    }
)
_STRUCTURED = frozenset({"N", "ORG"})
_LISTS = frozenset({"CATEGORIES", "NICKNAME"})

_HEADER = re.compile(rb'^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_/-]+)[ \t]*((?:;(?:[^";:]|"[^"]*")*)*):', re.S)
_PARAM = re.compile(rb'(?:[^";]|"[^"]*")+')
_NOT_NAME = re.compile(r"[^A-Za-z0-9-]")
_NOT_PARAM_VALUE = re.compile(r'["\x00-\x1f\x7f]')
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_IMAGE_TYPES = {
    "JPEG": "image/jpeg",
    "JPG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "WEBP": "image/webp",
    "HEIC": "image/heic",
    "TIFF": "image/tiff",
}


@dataclass(slots=True)
class Property:
    group: str
    name: str
    params: dict[str, list[str]]
    raw_value: bytes


@dataclass(slots=True)
class NormalisedCard:
    text: str
    # Set when a photo was embedded but left out, so the reader can say so.
    photo_too_large: bool = False


def parse_property(raw: bytes) -> Property | None:
    """The group, name and parameters of a line HiTouch keeps; None for any other line."""
    m = _HEADER.match(raw)
    if m is None:
        return None
    name = m[2].decode("ascii").upper().replace("_", "-")
    if name not in KEPT:
        return None
    group = _NOT_NAME.sub("", (m[1] or b"").decode("ascii"))
    return Property(group, name, _parse_params(m[3]), raw[m.end() :])


def normalise_card(lines: list[bytes]) -> NormalisedCard:
    properties = [p for p in map(parse_property, lines) if p is not None]
    version = next((value_text(p.raw_value).strip() for p in properties if p.name == "VERSION"), "3.0")
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    too_large = False
    for prop in properties:
        if prop.name == "VERSION":
            continue
        if prop.name == "PHOTO":
            line, dropped = _photo_line(prop, version)
            too_large = too_large or dropped
            if line:
                out.append(line)
            continue
        params = {k: v for k, v in prop.params.items() if k not in ("CHARSET", "ENCODING")}
        out.append(_content_line(prop, _value(prop, version), params))
    out.append("END:VCARD")
    return NormalisedCard("\r\n".join(out) + "\r\n", too_large)


def _parse_params(raw: bytes) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for piece in _PARAM.findall(raw):
        text = piece.decode("latin-1").strip()
        if not text:
            continue
        if "=" in text:
            name, _, values = text.partition("=")
            name = name.strip().upper()
            found = [v.strip().strip('"') for v in re.findall(r'"[^"]*"|[^,]+', values)]
        else:
            # vCard 2.1 bare parameters: TEL;WORK;VOICE, N;QUOTED-PRINTABLE
            name = "ENCODING" if text.upper() in _BARE_ENCODINGS else "TYPE"
            found = [text]
        params.setdefault(name, []).extend(v for v in found if v)
    return params


def _decoded(prop: Property) -> str:
    """The value as text: quoted-printable undone, then its declared charset."""
    raw = prop.raw_value
    encodings = {e.upper() for e in prop.params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" in encodings:
        raw = binascii.a2b_qp(raw)
    charsets = prop.params.get("CHARSET") or []
    charset: str | None = charsets[0] if charsets else None
    return value_text(raw, charset)


def _value(prop: Property, version: str) -> str:
    """Strictly escaped value text for one property."""
    text = _decoded(prop)
    if prop.name == "VERSION":
        return text.strip()
    if prop.name in _STRUCTURED:
        parts = split_escaped(text, ";")
        return ";".join(escape(unescape(part, version)) for part in parts)
    if prop.name in _LISTS:
        items = split_escaped(text, ",;") if version == "2.1" else split_escaped(text, ",")
        return ",".join(escape(unescape(item, version).strip()) for item in items)
    return escape(unescape(text, version))


def _content_line(prop: Property, value: str, params: dict[str, list[str]]) -> str:
    head = f"{prop.group}.{prop.name}" if prop.group else prop.name
    rendered = "".join(
        f";{key}={','.join(_param_value(v) for v in values)}"
        for name, values in params.items()
        if (key := _NOT_NAME.sub("", name)) and values
    )
    return f"{head}{rendered}:{value}"


def _param_value(value: str) -> str:
    value = _NOT_PARAM_VALUE.sub("", value)
    return f'"{value}"' if any(ch in value for ch in ",;:") else value


def _photo_line(prop: Property, version: str) -> tuple[str | None, bool]:
    """Embedded photos only (base64 or a data: URI), as ENCODING=b; URLs are never fetched.
    The flag says a photo was there but is over the size limit."""
    text = unescape(_decoded(prop).strip(), version)
    encodings = {e.lower() for e in prop.params.get("ENCODING", [])}
    if text[:5].lower() == "data:":
        header, _, payload = text[5:].partition(",")
        media_type = header.split(";", 1)[0].strip()
        if ";base64" in header.lower():
            data = payload.encode("ascii", errors="ignore")
        else:
            data = base64.b64encode(unquote_to_bytes(payload))
    elif encodings & {"b", "base64"}:
        data = text.encode("ascii", errors="ignore")
        media_type = _media_type(prop.params.get("TYPE", []) + prop.params.get("MEDIATYPE", []))
    else:
        return None, False
    data = _NOT_BASE64.sub(b"", data)
    if len(data) % 4 == 1:
        data = data[:-1]  # one stray character can never be base64; the rest still can
    if not data:
        return None, False
    if len(data) * 3 // 4 > MAX_PHOTO_BYTES:
        return None, True
    data += b"=" * (-len(data) % 4)
    params = {"ENCODING": ["b"], "TYPE": [media_type or "image/jpeg"]}
    return _content_line(prop, data.decode("ascii"), params), False


def _media_type(types: list[str]) -> str:
    for value in types:
        value = value.strip()
        if "/" in value:
            return value.lower()
        if value.upper() in _IMAGE_TYPES:
            return _IMAGE_TYPES[value.upper()]
    return ""
