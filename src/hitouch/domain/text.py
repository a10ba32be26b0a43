"""Text folding for matching: case- and accent-insensitive keys."""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into base + accent but that people type without it.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th"})


def fold(text: str) -> str:
    """A matching key: 'Zoë Müller ' -> 'zoe muller'. fold(fold(x)) == fold(x)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters like æ can come out of a decomposition ('ǽ'), so they are replaced after it.
    return " ".join(stripped.translate(_SPECIAL).casefold().split())


def display_name(given: str, family: str, company: str = "", email: str = "") -> str:
    """The name to show when a card gives only parts of one."""
    name = " ".join(part for part in (given.strip(), family.strip()) if part)
    return name or company.strip() or email.strip()


def split_name(name: str) -> tuple[str, str]:
    """'Ada King Lovelace' -> ('Ada King', 'Lovelace'); a single word is a given name."""
    parts = name.split()
    if len(parts) < 2:
        return (name.strip(), "")
    return (" ".join(parts[:-1]), parts[-1])
