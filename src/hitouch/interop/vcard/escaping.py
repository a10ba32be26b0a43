"""Backslash escaping in vCard values: read leniently, write strictly.

Writers disagree: vCard 2.1 escapes almost nothing, Google leaves commas bare in FN,
Apple escapes the colon in 'http\\://'. Reading accepts all of these; writing always
produces RFC 2426/6350 text that a strict parser (vobject included) reads back unchanged.
"""

from __future__ import annotations

import re

_ESCAPED = re.compile(r"\\(.)", re.S)
# 3.0/4.0 escapes, plus the ones writers use anyway (\: from Apple, \" from Gmail).
_UNESCAPE = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":", '"': '"'}
# vCard 2.1 has only \; in structured values; Android also writes \\ and \:.
_UNESCAPE_21 = {"\\": "\\", ";": ";", ":": ":", ",": ","}


def unescape(value: str, version: str = "3.0") -> str:
    if "\\" not in value:
        return value
    table = _UNESCAPE_21 if version == "2.1" else _UNESCAPE
    return _ESCAPED.sub(lambda m: table.get(m[1], m[0]), value)


def split_escaped(value: str, separators: str) -> list[str]:
    """Split on any of `separators` not preceded by a backslash; pieces stay escaped."""
    if "\\" not in value:
        if len(separators) == 1:
            return value.split(separators)
        return re.split(f"[{re.escape(separators)}]", value)
    pieces: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            current.append(ch)
            current.append(next(chars, ""))
        elif ch in separators:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return pieces


def escape(value: str) -> str:
    """Strict RFC 6350 text escaping; CR LF, CR and LF all become \\n."""
    if not any(ch in value for ch in "\\,;\r\n"):
        return value
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
