"""Any other CSV: columns mapped to card fields, by the person or by a guess from their names."""

from __future__ import annotations

import re
from datetime import date

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.text import fold
from hitouch.interop.csv.layouts import Report
from hitouch.interop.date_text import text_birthday

MAPPABLE_FIELDS = ("given", "family", "name", "email", "phone", "company", "title", "url", "tags", "birthday", "notes")
_IDENTIFYING = {"given", "family", "name", "email", "phone"}

_EXACT = {
    "given": {
        "first name",
        "firstname",
        "given name",
        "givenname",
        "first",
        "forename",
        "given",
        "vorname",
        "prenom",
        "nombre",
    },
    "family": {
        "last name",
        "lastname",
        "family name",
        "familyname",
        "surname",
        "last",
        "nachname",
        "nom",
        "apellido",
        "apellidos",
    },
    "name": {
        "name",
        "full name",
        "fullname",
        "display name",
        "displayname",
        "contact",
        "contact name",
        "formatted name",
        "fn",
        "nom complet",
        "nombre completo",
    },
    "tags": {"tags", "tag", "categories", "category", "groups", "group", "group membership", "labels", "lists"},
    "notes": {"notes", "note", "comments", "comment", "memo"},
}
# Columns about a value rather than the value: 'E-mail 1 - Type', 'E-mail Display Name'.
_ABOUT_A_VALUE = re.compile(r"\b(type|label|display|kind)\b")
_PATTERNS = (
    ("email", re.compile(r"\b(e ?mail|courriel|correo)\b")),
    ("phone", re.compile(r"\b(phone|telephone|telefon|telefono|tel|mobile|mobil|handy|cell|fax|pager)\b")),
    ("url", re.compile(r"\b(url|web ?page|web ?site|home ?page|blog|linkedin|profile)\b")),
    ("birthday", re.compile(r"\b(birthday|birth ?date|date of birth|dob|bday)\b")),
    ("title", re.compile(r"\b(job title|position|role|occupation)\b|. title$")),
    ("company", re.compile(r"\b(company|organi[sz]ation|org|employer|firma|societe|empresa)\b")),
)


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Column name -> field for the columns that look like one; several columns may share a field."""
    mapping: dict[str, str] = {}
    for column in columns:
        if field := _guess(_key(column)):
            mapping.setdefault(column, field)
    # A bare 'Title' is a job title only when nothing else is; Outlook uses it for 'Mr'/'Dr'.
    if "title" not in mapping.values():
        for column in columns:
            if _key(column) == "title":
                mapping[column] = "title"
                break
    return mapping


def has_identifying_field(mapping: dict[str, str]) -> bool:
    return any(field in _IDENTIFYING for field in mapping.values())


class MappedLayout:
    def __init__(self, columns: list[str], mapping: dict[str, str], today: date) -> None:
        self.today = today  # two-digit years are read against it
        unknown = sorted(set(mapping.values()) - set(MAPPABLE_FIELDS))
        if unknown:
            raise ValueError(f"not fields a column can map to: {', '.join(unknown)}")
        self.fields: list[tuple[int, str, str]] = [
            (i, column, mapping[column]) for i, column in enumerate(columns) if column in mapping
        ]

    def card(self, cells: list[str], report: Report) -> ContactCard | None:
        card = ContactCard()
        notes: list[str] = []
        for i, column, field in self.fields:
            value = cells[i].strip() if i < len(cells) else ""
            if not value:
                continue
            if field in ("given", "family", "name", "company", "title"):
                if not getattr(card, field):
                    setattr(card, field, value)
            elif field == "email":
                card.emails.append(Labelled(value, _column_label(column)))
            elif field == "phone":
                card.phones.append(Labelled(value, _column_label(column)))
            elif field == "url":
                card.urls.append(Labelled(value, _column_label(column)))
            elif field == "tags":
                card.tags += [tag.strip().lstrip("* ") for tag in re.split(r"[;,]|:::", value)]
            elif field == "birthday" and card.birthday is None:
                card.birthday = text_birthday(value, self.today)
                if card.birthday is None:
                    report(f"the birthday “{value}” is not a date and was left out")
            elif field == "notes":
                notes.append(value)
        card.notes = "\n".join(notes)
        return card


def _key(column: str) -> str:
    """'E-Mail_Address' -> 'e mail address'; 'Téléphone' -> 'telephone'."""
    return fold(re.sub(r"[_\-./:()#]", " ", column))


def _guess(key: str) -> str | None:
    for field, names in _EXACT.items():
        if key in names:
            return field
    if _ABOUT_A_VALUE.search(key):
        return None
    for field, pattern in _PATTERNS:
        if pattern.search(key):
            return field
    return None


_COLUMN_LABELS = (
    ("mobile", {"mobile", "cell"}),
    ("fax", {"fax"}),
    ("pager", {"pager"}),
    ("work", {"work", "business", "office"}),
    ("home", {"home", "private", "personal"}),
    ("other", {"other"}),
)


def _column_label(column: str) -> str:
    """'Work Phone' -> 'work', 'Home Mobile' -> 'mobile', 'Business Fax' -> 'work fax', 'Primary Email' -> ''."""
    words = set(_key(column).split())
    labels = [label for label, hints in _COLUMN_LABELS if words & hints]
    if not labels:
        return ""
    if labels[0] == "fax" and len(labels) > 1 and labels[1] in ("work", "home"):
        return f"{labels[1]} fax"
    return labels[0]
