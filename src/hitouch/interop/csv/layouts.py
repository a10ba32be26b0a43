"""The CSV layouts HiTouch knows by their header: LinkedIn, Google, Outlook and its own.

Each layout looks its columns up once, by name (exports move columns around between
versions), then turns one row into a ContactCard, or None when the row holds nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Protocol

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.vocabulary import Source
from hitouch.interop.date_text import connected_on, text_birthday
from hitouch.interop.labels import label_from_words

Report = Callable[[str], None]


class Layout(Protocol):
    def card(self, cells: list[str], report: Report) -> ContactCard | None: ...


# Google's system groups say nothing about the person.
_SYSTEM_GROUPS = {"mycontacts", "my contacts", "starred"}
MULTI_VALUE_SEPARATOR = " ::: "
HITOUCH_COLUMNS = (
    "Name",
    "Given Name",
    "Family Name",
    "Emails",
    "Phones",
    "Company",
    "Title",
    "URLs",
    "Tags",
    "Birthday",
    "Notes",
    "Source",
)
_SOURCES = {source.value for source in Source}
# Characters that make a spreadsheet run a cell as a formula; HiTouch's writer prefixes a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Columns:
    """Case-insensitive lookup of column positions by name."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self._index: dict[str, int] = {}
        for i, name in enumerate(names):
            self._index.setdefault(name.casefold(), i)

    def __contains__(self, name: str) -> bool:
        return name.casefold() in self._index

    def get(self, cells: list[str], *names: str) -> str:
        """The first non-empty cell among the named columns."""
        for name in names:
            i = self._index.get(name.casefold())
            if i is not None and i < len(cells) and cells[i].strip():
                return cells[i].strip()
        return ""


class LinkedInLayout:
    def __init__(self, columns: list[str], today: date) -> None:
        self.c = Columns(columns)
        self.today = today  # two-digit years are read against it

    def card(self, cells: list[str], report: Report) -> ContactCard | None:
        c = self.c
        given, family = c.get(cells, "First Name"), c.get(cells, "Last Name")
        email, url = c.get(cells, "Email Address", "E-mail Address"), c.get(cells, "URL", "Profile URL")
        if not (given or family or email or url):
            return None  # LinkedIn leaves rows with only a date for members who hide their details
        card = ContactCard(given=given, family=family, source=Source.LINKEDIN)
        card.company = c.get(cells, "Company")
        card.title = c.get(cells, "Position")
        if email:
            card.emails.append(Labelled(email))
        if url:
            card.urls.append(Labelled(url, "LinkedIn"))
        if text := c.get(cells, "Connected On"):
            card.connected_on = connected_on(text, self.today)
            if card.connected_on is None:
                report(f"the “Connected On” date “{text}” is not a date and was left out")
        return card


_GOOGLE_MULTI = re.compile(r"^(E-mail|Phone|Website) (\d+) - (Type|Label|Value)$", re.I)


class GoogleLayout:
    """Google Contacts CSV, current ('First Name', 'Labels', 'E-mail 1 - Label') and legacy
    ('Given Name', 'Group Membership', 'E-mail 1 - Type')."""

    def __init__(self, columns: list[str], today: date) -> None:
        self.c = Columns(columns)
        self.today = today
        # kind -> [(label column, value column)] in the numbered order
        pairs: dict[tuple[str, int], dict[str, int]] = {}
        for i, name in enumerate(columns):
            if m := _GOOGLE_MULTI.match(name):
                part = "value" if m[3].lower() == "value" else "label"
                pairs.setdefault((m[1].lower(), int(m[2])), {})[part] = i
        self.multi: dict[str, list[tuple[int | None, int]]] = {"e-mail": [], "phone": [], "website": []}
        for (kind, _), parts in sorted(pairs.items(), key=lambda item: item[0][1]):
            if "value" in parts:
                self.multi[kind].append((parts.get("label"), parts["value"]))

    def card(self, cells: list[str], report: Report) -> ContactCard | None:
        c = self.c
        card = ContactCard(
            name=c.get(cells, "Name"),
            given=c.get(cells, "First Name", "Given Name"),
            family=c.get(cells, "Last Name", "Family Name"),
            company=c.get(cells, "Organization Name", "Organization 1 - Name"),
            title=c.get(cells, "Organization Title", "Organization 1 - Title"),
            notes=c.get(cells, "Notes"),
        )
        card.emails = self._labelled(cells, "e-mail")
        card.phones = self._labelled(cells, "phone")
        card.urls = self._labelled(cells, "website")
        card.tags = [
            tag
            for tag in (t.strip().lstrip("* ").strip() for t in c.get(cells, "Labels", "Group Membership").split(":::"))
            if tag and tag.lower() not in _SYSTEM_GROUPS
        ]
        card.birthday = _birthday(c.get(cells, "Birthday"), self.today, report)
        return card

    def _labelled(self, cells: list[str], kind: str) -> list[Labelled]:
        found: list[tuple[bool, Labelled]] = []
        for label_at, value_at in self.multi[kind]:
            if value_at >= len(cells):
                continue
            label_text = cells[label_at] if label_at is not None and label_at < len(cells) else ""
            label = label_from_words(label_text)
            for value in cells[value_at].split(":::"):
                value = value.strip()
                primary = value.startswith("* ") or label_text.strip().startswith("*")
                value = value.removeprefix("* ").strip()
                if value:
                    found.append((primary, Labelled(value, label)))
        found.sort(key=lambda pair: not pair[0])  # the primary one first, otherwise as written
        return [labelled for _, labelled in found]


_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_OUTLOOK_PHONES = (
    ("Mobile Phone", "mobile"),
    ("Business Phone", "work"),
    ("Business Phone 2", "work"),
    ("Home Phone", "home"),
    ("Home Phone 2", "home"),
    ("Primary Phone", "main"),
    ("Company Main Phone", "work"),
    ("Other Phone", "other"),
    ("Assistant's Phone", "assistant"),
    ("Car Phone", "car"),
    ("Callback", "callback"),
    ("Radio Phone", "radio"),
    ("ISDN", "isdn"),
    ("TTY/TDD Phone", "tty"),
    ("Telex", "telex"),
    ("Pager", "pager"),
    ("Business Fax", "work fax"),
    ("Home Fax", "home fax"),
    ("Other Fax", "fax"),
)


class OutlookLayout:
    """Outlook's CSV export ('First Name', 'E-mail Address', 'Business Phone', 'Web Page')."""

    def __init__(self, columns: list[str], today: date) -> None:
        self.c = Columns(columns)
        self.today = today

    def card(self, cells: list[str], report: Report) -> ContactCard | None:
        c = self.c
        card = ContactCard(
            given=c.get(cells, "First Name"),
            family=c.get(cells, "Last Name"),
            company=c.get(cells, "Company"),
            title=c.get(cells, "Job Title"),
            notes=c.get(cells, "Notes"),
        )
        card.emails = [Labelled(v) for v in (c.get(cells, name) for name in _OUTLOOK_EMAILS) if v]
        card.phones = [Labelled(v, label) for name, label in _OUTLOOK_PHONES if (v := c.get(cells, name))]
        if url := c.get(cells, "Web Page"):
            card.urls.append(Labelled(url))
        card.tags = re.split(r"[;,]", c.get(cells, "Categories"))
        card.birthday = _birthday(c.get(cells, "Birthday"), self.today, report)
        return card


class HiTouchLayout:
    """What write_csv writes; cells it protected from spreadsheets get their quote removed."""

    def __init__(self, columns: list[str], today: date) -> None:
        self.c = Columns(columns)
        self.today = today

    def card(self, cells: list[str], report: Report) -> ContactCard | None:
        cells = [unprotect(cell) for cell in cells]
        c = self.c
        card = ContactCard(
            name=c.get(cells, "Name"),
            given=c.get(cells, "Given Name"),
            family=c.get(cells, "Family Name"),
            company=c.get(cells, "Company"),
            title=c.get(cells, "Title"),
            notes=c.get(cells, "Notes"),
        )
        card.emails = [Labelled(v) for v in _split(c.get(cells, "Emails"))]
        card.phones = [Labelled(v) for v in _split(c.get(cells, "Phones"))]
        card.urls = [Labelled(v) for v in _split(c.get(cells, "URLs"))]
        card.tags = _split(c.get(cells, "Tags"))
        card.birthday = _birthday(c.get(cells, "Birthday"), self.today, report)
        source = c.get(cells, "Source")
        card.source = Source(source) if source in _SOURCES else None
        return card


def unprotect(cell: str) -> str:
    """Undo the writer's formula guard: "'+44 20…" -> "+44 20…", "''=x" -> "'=x"."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(MULTI_VALUE_SEPARATOR.strip()) if part.strip()]


def _birthday(text: str, today: date, report: Report) -> Birthday | None:
    if not text or text.strip() in ("0/0/00", "0/0/0000", "00/00/0000"):
        return None
    found = text_birthday(text, today)
    if found is None:
        report(f"the birthday “{text}” is not a date and was left out")
    return found
