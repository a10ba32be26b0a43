"""A vobject vCard component -> ContactCard: which property, label and alternative wins."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from vobject.base import Component, ContentLine

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled, Photo
from hitouch.interop.date_text import vcard_birthday
from hitouch.interop.labels import clean_label, label_from_types

# Google's system groups say nothing about the person.
_SYSTEM_GROUPS = {"mycontacts", "my contacts", "starred"}
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG", "image/png"),
    (b"GIF8", "image/gif"),
    (b"BM", "image/bmp"),
    (b"RIFF", "image/webp"),
)


def is_group(component: Component) -> bool:
    return any(_text(line).strip().lower() == "group" for line in component.contents.get("kind", []))


def card_from_component(component: Component) -> ContactCard:
    contents = {name: _pick_alternatives(lines) for name, lines in component.contents.items()}
    labels = {line.group.lower(): clean_label(_text(line)) for line in contents.get("x-ablabel", []) if line.group}
    card = ContactCard()

    if fn := _preferred(contents.get("fn", [])):
        card.name = _text(fn).strip()
    if n := _preferred(contents.get("n", [])):
        card.family = _joined(getattr(n.value, "family", ""))
        card.given = _joined(getattr(n.value, "given", ""))
    if not (card.name or card.given or card.family):
        nicknames = [nick for line in contents.get("nickname", []) for nick in _listed(line)]
        card.name = nicknames[0] if nicknames else ""
    if org := _preferred(contents.get("org", [])):
        parts = [part for part in (_joined(p) for p in org.value) if part.strip()]
        card.company = parts[0] if parts else ""
    if title := _preferred(contents.get("title", [])):
        card.title = _text(title)

    card.emails = _labelled(contents.get("email", []), labels, _email)
    card.phones = _labelled(contents.get("tel", []), labels, _phone)
    card.urls = _labelled(contents.get("url", []), labels, str.strip)
    card.urls += _labelled(
        [line for line in contents.get("x-socialprofile", []) if _text(line).strip().lower().startswith("http")],
        labels,
        str.strip,
    )
    card.tags = [
        tag
        for line in contents.get("categories", [])
        for tag in _listed(line)
        if tag.strip().lower() not in _SYSTEM_GROUPS
    ]
    notes = [_text(line).strip() for line in contents.get("note", [])]
    card.birthday, free_text = _birthday(contents.get("bday", []))
    if free_text:
        notes.append(f"Birthday: {free_text}")
    card.notes = "\n".join(note for note in notes if note)
    if uid := _preferred(contents.get("uid", [])):
        card.uid = _text(uid).strip()
    card.photo = next(filter(None, map(_photo, contents.get("photo", []))), None)
    return card


def _pick_alternatives(lines: list[ContentLine]) -> list[ContentLine]:
    """RFC 6350 ALTID: several lines that are one value in different forms; keep one,
    preferring the one with no LANGUAGE."""
    kept: list[ContentLine] = []
    by_altid: dict[str, int] = {}
    for line in lines:
        altid = _param(line, "ALTID")
        if not altid:
            kept.append(line)
        elif altid not in by_altid:
            by_altid[altid] = len(kept)
            kept.append(line)
        elif _param(kept[by_altid[altid]], "LANGUAGE") and not _param(line, "LANGUAGE"):
            kept[by_altid[altid]] = line
    return kept


def _preferred(lines: list[ContentLine]) -> ContentLine | None:
    for line in lines:
        if not _param(line, "LANGUAGE"):
            return line
    return lines[0] if lines else None


def _param(line: ContentLine, name: str) -> str:
    values = line.params.get(name)
    return values[0] if values else ""


def _text(line: ContentLine) -> str:
    value = line.value
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


def _joined(value: str | list[str]) -> str:
    return " ".join(value) if isinstance(value, list) else value


def _listed(line: ContentLine) -> list[str]:
    values = line.value if isinstance(line.value, list) else [_text(line)]
    # Tags never hold commas: a writer that escaped them (Thunderbird add-ons) meant a list.
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _labelled(lines: Iterable[ContentLine], labels: dict[str, str], clean: Callable[[str], str]) -> list[Labelled]:
    found: list[tuple[bool, Labelled]] = []
    for line in lines:
        value = clean(_text(line))
        if not value:
            continue
        types = line.params.get("TYPE", [])
        label = labels.get((line.group or "").lower()) or label_from_types(types)
        preferred = "PREF" in line.params or any("pref" in t.lower().split(",") for t in types)
        found.append((preferred, Labelled(value, label)))
    # Stable: the preferred ones first, otherwise the file's order.
    found.sort(key=lambda pair: not pair[0])
    return [labelled for _, labelled in found]


def _email(value: str) -> str:
    value = value.strip()
    return value[7:].strip() if value.lower().startswith("mailto:") else value


def _phone(value: str) -> str:
    """Text as given, minus a tel: URI's wrapping; a value with no digit is not a phone."""
    value = value.strip()
    if value.lower().startswith("tel:"):
        number, _, rest = value[4:].partition(";")
        extension = next((p[4:] for p in rest.split(";") if p.lower().startswith("ext=")), "")
        value = f"{number} ext. {extension}" if extension else number
    return value if any(ch.isdigit() for ch in value) else ""


def _birthday(lines: list[ContentLine]) -> tuple[Birthday | None, str]:
    """The first BDAY that is a date; else free text (VALUE=text, 'circa 1800') to keep in notes."""
    free_text = ""
    for line in lines:
        text = _text(line).strip()
        if found := vcard_birthday(text, _param(line, "X-APPLE-OMIT-YEAR")):
            return found, ""
        if _param(line, "VALUE").lower() == "text" and text and not free_text:
            free_text = text
    return None, free_text


def _photo(line: ContentLine) -> Photo | None:
    data = line.value
    if not isinstance(data, bytes) or not data:
        return None
    mime = next((m for magic, m in _MAGIC if data.startswith(magic)), _param(line, "TYPE") or "image/jpeg")
    return Photo(data, mime)
