"""Characters a person cannot see, and how text holding them is shown.

A name read from a card can carry terminal escapes (ESC ] 0 ; title BEL, ESC [ 2 J), line breaks
that forge rows of a table, or bidi overrides that turn what follows around. Shown text has each
such character written out (`\\x1b`, `\\n`, `\\u202e`), in the terminal and in the window alike.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls, DEL, C1 controls; the bidi embeddings, overrides, isolates and marks; the
# line and paragraph separators; lone surrogates; the interlinear annotation marks.
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ufff9-\ufffb"
_UNSAFE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_BEYOND_C0 = re.compile(f"[{_OTHERS}]")
_UNSAFE_BUT_TAB_AND_LF = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# Letters that draw nothing though they are not spaces: Hangul fillers, the Braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"))


def escape(character: str) -> str:
    """One character written out: '\\x1b', '\\n', '\\u202e'."""
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """`text` with every control, bidi and separator character written out, line breaks too:
    for a value on one line (a name in a list, a cell of a table)."""
    return _UNSAFE.sub(lambda match: escape(match.group()), text) if _UNSAFE.search(text) else text


def shown_lines(text: str) -> str:
    """The same, but line feeds and tabs stay: for text meant to span lines (a note, a report)."""
    if not _UNSAFE_BUT_TAB_AND_LF.search(text):
        return text
    return _UNSAFE_BUT_TAB_AND_LF.sub(lambda match: escape(match.group()), text)


def json_escaped(document: str) -> str:
    """A JSON document (as `json.dumps(..., ensure_ascii=False)` writes it) with the characters
    JSON leaves as they are (DEL, C1, bidi, separators, lone surrogates) written as \\u escapes:
    the same JSON, safe on a terminal. JSON escapes the C0 controls itself."""
    return _BEYOND_C0.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


def is_invisible(text: str) -> bool:
    """Whether nothing of `text` would show: spaces, controls, zero-width and bidi characters,
    combining marks with nothing to combine with, blank letters. '' is invisible too."""
    return all(ch in _BLANK_LETTERS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in text)


def code_points(text: str, limit: int = 6) -> str:
    """'U+200B U+200E' for a message that must name characters that cannot be seen."""
    points = [f"U+{ord(ch):04X}" for ch in text[:limit]]
    return " ".join(points) + (" …" if len(text) > limit else "")
