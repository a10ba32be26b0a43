"""Phone numbers normalised to E.164 where they can be."""

from __future__ import annotations

import locale
import re
from functools import lru_cache

import phonenumbers

_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 16)  # an import asks for each number more than once; parsing one costs ~25 µs
def to_e164(raw: str, region: str | None = None) -> str | None:
    """'+44 20 7946 0958' -> '+442079460958'; None when the number cannot be read as one."""
    text = raw.strip()
    if text.lower().startswith("tel:"):
        text = text[4:].split(";", 1)[0]
    if not _DIGIT.search(text):
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def pretty_phone(number: str) -> str:
    """'+442079460958' -> '+44 20 7946 0958'; anything else as it is."""
    if not number.startswith("+"):
        return number
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def default_region() -> str | None:
    """The region the user's locale names ('en_GB' -> 'GB'), for numbers without +."""
    name = locale.getlocale()[0] or ""
    region = name.split(".")[0].split("_")[-1] if "_" in name else ""
    return region.upper() if len(region) == 2 and region.isalpha() else None


def known_region(code: str) -> bool:
    """Whether `code` is a region phone numbers are known for ('GB', 'DE', not 'XX')."""
    return code.upper() in phonenumbers.SUPPORTED_REGIONS
