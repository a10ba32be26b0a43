"""Labels for emails, phones and URLs as plain lowercase words: 'work', 'home', 'mobile'."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Apple wraps its built-in labels as _$!<HomePage>!$_; a label the user typed is bare.
_APPLE_BUILT_IN = re.compile(r"^_\$!<(.*)>!\$_$")
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")

_TYPE_WORDS = {
    "work": "work",
    "business": "work",
    "home": "home",
    "cell": "mobile",
    "mobile": "mobile",
    "iphone": "mobile",
    "fax": "fax",
    "pager": "pager",
    "main": "main",
    "other": "other",
}
# Type parameters that say nothing a person would call a label.
_NOT_LABELS = {"pref", "internet", "voice", "x400", "msg", "uri", "dom", "intl", "postal", "parcel", "text"}


def clean_label(text: str) -> str:
    """'_$!<HomePage>!$_' -> 'home page'; 'GRAND_CENTRAL' -> 'grand central'."""
    text = text.strip()
    if m := _APPLE_BUILT_IN.match(text):
        text = _CAMEL_HUMP.sub(" ", m[1])
    return " ".join(text.replace("_", " ").lower().split())


def label_from_types(types: Iterable[str]) -> str:
    """vCard TYPE values ('WORK', 'FAX', 'X-NEC-HOTEL') -> 'work fax', 'nec hotel'."""
    known: list[str] = []
    unknown: list[str] = []
    for raw in types:
        for part in raw.split(","):
            word = part.strip().lower()
            if not word or word in _NOT_LABELS:
                continue
            if word in _TYPE_WORDS:
                known.append(_TYPE_WORDS[word])
            else:
                unknown.append(clean_label(word.removeprefix("x-").replace("-", " ")))
    for special in ("fax", "mobile", "pager"):
        if special in known:
            if special == "fax" and ("work" in known or "home" in known):
                return ("work" if "work" in known else "home") + " fax"
            return special
    for plain in ("work", "home", "main", "other"):
        if plain in known:
            return plain
    return unknown[0] if unknown else ""


def label_from_words(text: str) -> str:
    """A free-text label from a CSV cell or column name: 'Home Fax' -> 'home fax', '* Work' -> 'work'."""
    words = clean_label(text.lstrip("* ")).split()
    mapped = [_TYPE_WORDS.get(word, word) for word in words]
    return " ".join(mapped)
