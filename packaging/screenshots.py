"""Screenshots of every main screen, light and dark, on an invented demo journal.

    .venv/bin/python packaging/screenshots.py [OUT_DIR] [--offscreen]   (default: docs/screenshots)

The demo journal is built through the services, as the window would build it. The app runs on a
real X server: a private Xvfb started here (Debian's xvfb), with Qt's xcb platform; each screen
is grabbed from its widgets. Without Xvfb on the machine, or with --offscreen, Qt's offscreen
platform draws the same pictures with no display at all. A new screen is one more line in SHOTS.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time as clock_time
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hitouch-shots-")  # not the user's preferences


def start_display() -> subprocess.Popen | None:
    """A private Xvfb on a free display number, for Qt's xcb platform; None to draw offscreen."""
    if "--offscreen" in sys.argv or shutil.which("Xvfb") is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    for number in range(90, 130):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                os.environ["DISPLAY"] = f":{number}"
                os.environ["QT_QPA_PLATFORM"] = "xcb"
                return server
            clock_time.sleep(0.1)
        server.kill()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return None


DISPLAY_SERVER = start_display()

from dataclasses import replace

import segno
from PySide6.QtCore import QLocale, QMimeData, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from hitouch.app import create_main_window
from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.vocabulary import Channel, Source
from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.services.clock import Clock
from hitouch.services.importing.photo_import import PhotoNames
from hitouch.services.workspace import Workspace
from hitouch.settings import SettingsFile
from hitouch.ui.common.background import InlineRunner
from hitouch.ui.common.theme import apply_theme
from hitouch.ui.contacts.contact_dialog import ContactDialog
from hitouch.ui.contacts.log_dialog import LogDialog
from hitouch.ui.settings.my_card_dialog import MyCardDialog
from hitouch.ui.settings.settings_dialog import SettingsDialog
from hitouch.ui.shell.main_window import MainWindow

NOW = datetime(2026, 11, 22, 10, 30)
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

# Invented people; any likeness is a coincidence.
PEOPLE = [
    (
        "Zoë Müller",
        "Fjord Ventures",
        "Partner",
        "zoe@fjord.vc",
        "+49 30 901820",
        ["investor", "fintech"],
        "Web Summit",
        date(2026, 11, 10),
        "Backs seed-stage payments companies. Loves Lisbon's custard tarts.",
    ),
    (
        "Kwame Mensah",
        "Accra Fintech Hub",
        "Founder",
        "kwame@accrahub.gh",
        "+233 30 277 8899",
        ["fintech", "africa"],
        "Web Summit",
        date(2026, 11, 11),
        "Building a mobile-money API; looking for a European partner bank.",
    ),
    (
        "Aiko Tanaka",
        "Sakura Robotics",
        "Head of Product",
        "aiko.tanaka@sakura-robotics.jp",
        "",
        ["robotics"],
        "Slush",
        date(2025, 11, 20),
        "Warehouse robots. Wants to meet logistics people in Rotterdam.",
    ),
    (
        "Priya Raghunathan",
        "Chai & Code",
        "CTO",
        "priya@chaiandcode.in",
        "+91 80 4567 1234",
        ["developer tools"],
        "",
        None,
        "Met in a Discord for Postgres people; never in person yet.",
    ),
    (
        "Mateo García López",
        "Andes Logistics",
        "COO",
        "mateo@andeslog.pe",
        "+51 1 555 0199",
        ["logistics"],
        "Fintech Meetup Berlin",
        date(2026, 10, 8),
        "Introduced me to his bank's innovation team.",
    ),
    (
        "Fatima Haddad",
        "Nour Health",
        "CEO",
        "fatima@nourhealth.ae",
        "",
        ["health", "investor"],
        "Web Summit",
        date(2026, 11, 12),
        "Raising a Series A in spring. Prefers calls before 10:00.",
    ),
    (
        "Olusegun Adeyemi",
        "Lagos Grid",
        "Principal Engineer",
        "segun@lagosgrid.ng",
        "",
        ["energy"],
        "",
        None,
        "Wrote the best post on solar micro-grids I have read.",
    ),
    (
        "Ingrid Solberg",
        "Nordlys Energy",
        "Investment Director",
        "ingrid@nordlys.no",
        "+47 22 12 34 56",
        ["investor", "energy"],
        "Slush",
        date(2025, 11, 21),
        "Sails every summer; ask about the Lofoten trip.",
    ),
    (
        "Nguyễn Thị Mai",
        "Saigon Pixel",
        "Design Lead",
        "mai@saigonpixel.vn",
        "",
        ["design"],
        "",
        None,
        "Redesigned a banking app for 8 million people.",
    ),
    (
        "Tomasz Kowalczyk",
        "Wisła Data",
        "Data Engineer",
        "tomasz@wisladata.pl",
        "",
        ["data"],
        "Fintech Meetup Berlin",
        date(2026, 10, 8),
        "Knows everyone in the Kraków data scene.",
    ),
    (
        "Amara Okafor",
        "Kente Capital",
        "Analyst",
        "amara@kente.capital",
        "",
        ["investor"],
        "",
        None,
        "Asked for a warm intro to Zoë.",
    ),
    (
        "Li Wei",
        "Jade Bridge Partners",
        "Partner",
        "li.wei@jadebridge.cn",
        "",
        ["investor", "asia"],
        "Web Summit",
        date(2026, 11, 10),
        "Shared a taxi from the airport; talked about cross-border payments.",
    ),
    (
        "Sofía Hernández",
        "Barcelona Tech City",
        "Community Lead",
        "sofia@bcntechcity.es",
        "+34 93 123 45 67",
        ["community"],
        "",
        None,
        "Runs the Thursday founder breakfasts.",
    ),
    (
        "Yusuf Demir",
        "Bosphorus Labs",
        "CTO",
        "yusuf@bosphoruslabs.com.tr",
        "",
        ["developer tools"],
        "",
        None,
        "Open-source maintainer; replies fast on Mastodon.",
    ),
    (
        "Leilani Kahale",
        "Aloha Grid",
        "Founder",
        "leilani@alohagrid.com",
        "",
        ["energy"],
        "",
        None,
        "Island-scale batteries. Visiting Europe in February.",
    ),
]

LOG = [  # (who, channel, day, event, note)
    (
        "Zoë Müller",
        "coffee",
        date(2026, 11, 10),
        "Web Summit",
        "Coffee at the Fjord booth. She wants an intro to a payments lawyer in Lisbon; promised one by Friday.",
    ),
    ("Zoë Müller", "email", date(2026, 11, 13), None, "Sent the intro to Inês at Sousa & Partners."),
    (
        "Zoë Müller",
        "video",
        date(2026, 11, 18),
        None,
        "Quick call: the intro worked. She'll be in Berlin for the fintech meetup in January.",
    ),
    ("Kwame Mensah", "meal", date(2026, 11, 11), "Web Summit", "Dinner with his team at Time Out Market."),
    ("Kwame Mensah", "message", date(2026, 11, 19), None, "Sent the partner bank shortlist."),
    ("Aiko Tanaka", "in-person", date(2025, 11, 20), "Slush", "Demo of the picking robot; impressive."),
    ("Aiko Tanaka", "email", date(2026, 6, 2), None, "Asked how the Rotterdam pilot went."),
    ("Priya Raghunathan", "video", date(2026, 11, 4), None, "Pair-debugged a migration; she knows Alembic inside out."),
    ("Mateo García López", "coffee", date(2026, 10, 8), "Fintech Meetup Berlin", "Coffee before the talks."),
    ("Fatima Haddad", "call", date(2026, 11, 17), None, "Walked through her Series A deck."),
    ("Ingrid Solberg", "meal", date(2025, 11, 21), "Slush", "Sauna and dinner after the main stage."),
    ("Li Wei", "in-person", date(2026, 11, 10), "Web Summit", "Taxi from the airport, swapped cards."),
    ("Sofía Hernández", "coffee", date(2026, 9, 24), None, "Founder breakfast at Espai Joliu."),
    ("Tomasz Kowalczyk", "social", date(2026, 10, 12), None, "Liked my post about the meetup."),
]


FOLLOWUPS = [  # (who, kind, due in days from NOW, time, title)
    ("Zoë Müller", "coffee", 1, time(9, 30), ""),
    ("Kwame Mensah", "call", -2, time(15, 0), "Partner bank shortlist: his answer"),
    ("Fatima Haddad", "meeting", 0, time(16, 0), "Series A deck, second pass"),
    ("Li Wei", "email", 3, None, "Send the cross-border payments paper"),
    ("Mateo García López", "coffee", 9, time(8, 30), ""),
]

REFERRALS = [  # (from, to, lead, days ago, status, value in euros)
    ("me", "Zoë Müller", "Inês at Sousa & Partners", 9, "won", 2500),
    ("Mateo García López", "me", "Andes bank innovation team", 40, "met", None),
    ("me", "Kwame Mensah", "Fjord Ventures", 5, "open", None),
    ("Fatima Haddad", "me", "A health-tech founder in Dubai", 70, "won", 4000),
]

# A work calendar as Google exports it, for the calendar import's preview.
CALENDAR = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        *(
            line
            for uid, start, minutes, summary, email, extra in [
                ("c1", "20261119T083000Z", 45, "Coffee with Fatima", "fatima@nourhealth.ae", "LOCATION:Ozone Coffee"),
                (
                    "c2",
                    "20261120T150000Z",
                    30,
                    "Bank shortlist",
                    "kwame@accrahub.gh",
                    "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij",
                ),
                (
                    "c3",
                    "20261121T123000Z",
                    90,
                    "Lunch with Sofía and Mateo",
                    "sofia@bcntechcity.es",
                    "ATTENDEE;CN=Mateo García López:mailto:mateo@andeslog.pe",
                ),
                ("c4", "20261126T090000Z", 30, "Call with Priya", "priya@chaiandcode.in", "STATUS:CONFIRMED"),
                (
                    "c5",
                    "20261203T100000Z",
                    60,
                    "Warehouse visit",
                    "aiko.tanaka@sakura-robotics.jp",
                    "LOCATION:Rotterdam",
                ),
                ("c6", "20261124T080000Z", 30, "Stand-up", "team@example.com", "RRULE:FREQ=DAILY"),
                ("c7", "20261118T170000Z", 60, "Dentist", "", "STATUS:CONFIRMED"),
                ("c8", "20261125T190000Z", 120, "Dinner with Li Wei", "li.wei@jadebridge.cn", "STATUS:CANCELLED"),
            ]
            for line in (
                "BEGIN:VEVENT",
                f"UID:{uid}@google.com",
                f"DTSTART:{start}",
                f"DURATION:PT{minutes}M",
                f"SUMMARY:{summary}",
                *([f"ATTENDEE;CN=Guest:mailto:{email}"] if email else []),
                extra,
                "END:VEVENT",
            )
        ),
        "END:VCALENDAR",
        "",
    ]
)


def build_demo_journal(ws: Workspace) -> dict[str, int]:
    ids = {}
    for name, company, title, email, phone, tags, event, met_on, notes in PEOPLE:
        card = ContactCard(
            name=name,
            company=company,
            title=title,
            emails=[Labelled(email, "work")],
            phones=[Labelled(phone, "work")] if phone else [],
            tags=tags,
            notes=notes,
            source=Source.IN_PERSON if event else Source.ONLINE,
            urls=[Labelled(f"linkedin.com/in/{name.split()[0].lower()}-{company.split()[0].lower()}")],
        )
        if name == "Zoë Müller":
            card.birthday = Birthday(month=3, day=15)
        ids[name], _ = ws.contacts.add(card, met_at=event or None, met_on=met_on)
    for who, channel, day, event, note in LOG:
        ws.interactions.log([ids[who]], channel, on=day, event=event, note=note)
    for days_ago, channel, note in (
        (3, "video", "Schema review"),
        (10, "video", "Talked about her talk at PGConf"),
        (17, "email", "Sent the benchmark numbers"),
    ):
        ws.interactions.log([ids["Priya Raghunathan"]], channel, on=NOW.date() - timedelta(days=days_ago), note=note)
    for who, kind, days, at, title in FOLLOWUPS:
        ws.followups.add(ids[who], NOW.date() + timedelta(days=days), kind=kind, at=at, title=title)
    for who, period in (("Ingrid Solberg", "4w"), ("Sofía Hernández", "2w"), ("Zoë Müller", "1m")):
        ws.cadences.set(ids[who], period)
    for giver, taker, lead, days_ago, status, value in REFERRALS:
        ws.referrals.add(
            None if giver == "me" else ids[giver],
            None if taker == "me" else ids[taker],
            lead_text=lead,
            on=NOW.date() - timedelta(days=days_ago),
            value_cents=value * 100 if value else None,
            status=status,
        )
    # A newer LinkedIn export: Amara moved, which Today turns into a small act.
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "Connections.csv"
        export.write_text(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Amara,Okafor,https://www.linkedin.com/in/amara-kente,amara@kente.capital,"
            "Baobab Ventures,Principal,03 Mar 2024\n",
            encoding="utf-8",
        )
        ws.importing.apply(ws.importing.plan([export]))
        # Badges photographed at Web Summit that named nobody: they wait in event mode.
        photos = badge_photos(Path(folder) / "earlier", EARLIER, table=(70, 80, 96))
        plan = ws.photo_import.plan(photos, QtPhotoReader())
        ws.photo_import.apply(plan, PhotoNames(event=ws.events.resolve("Web Summit")))
    return ids


# Badges photographed at Web Summit: what their QR codes hold, the name printed on them, a colour.
BADGES = [
    (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hana Kobayashi\r\nN:Kobayashi;Hana;;;\r\nORG:Kyoto Quantum\r\n"
        "TITLE:Founder\r\nEMAIL:hana@kyoto-quantum.jp\r\nEND:VCARD\r\n",
        "Hana Kobayashi",
        "#2e7d32",
    ),
    (
        "MECARD:N:Costa,Rafael;ORG:Lisboa Labs;EMAIL:rafael@lisboalabs.pt;TEL:+351 21 000 1234;;",
        "Rafael Costa",
        "#1565c0",
    ),
    (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kwame Mensah\r\nN:Mensah;Kwame;;;\r\nORG:Accra Fintech Hub\r\n"
        "EMAIL:kwame@accrahub.gh\r\nTEL:+233 30 277 8899\r\nEND:VCARD\r\n",
        "Kwame Mensah",
        "#6a1b9a",
    ),
    ("https://www.linkedin.com/in/lina-haddad-4f2a91b7", "Lina Haddad", "#c62828"),
    ("https://www.linkedin.com/in/jd1980", "J. Dubois", "#ef6c00"),
    ("WS26-ATT-000451", "Sam Okoro", "#00838f"),
    ("", "", "#555555"),
]


# Photos imported at Web Summit the evening before, whose codes named nobody: event mode lists them.
EARLIER = [
    ("WS26-ATT-000187", "Noor Rahman", "#00838f"),
    ("https://nordlys.energy/team", "Erik Lund", "#2e7d32"),
    ("", "", "#555555"),
]


def badge_photos(folder: Path, badges=BADGES, table=(92, 84, 76)) -> list[Path]:
    """Photos of conference badges: a lanyard card with a printed name and its QR code, on a table."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (code, name, colour) in enumerate(badges):
        image = QImage(1200, 900, QImage.Format.Format_RGB32)
        image.fill(QColor(*table).darker(100 + 25 * (n % 2)))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(600, 450)
        painter.rotate((-1) ** n * (3 + n * 2))
        painter.fillRect(QRectF(-300, -400, 600, 800), QColor("#fafafa"))
        painter.fillRect(QRectF(-300, -400, 600, 120), QColor(colour))
        font = QFont()
        font.setPixelSize(44)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(-300, -400, 600, 120), Qt.AlignmentFlag.AlignCenter, "WEB SUMMIT")
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(-300, -260, 600, 80), Qt.AlignmentFlag.AlignCenter, name or "Speaker")
        if code:
            qr = segno.make(code, error="m", encoding="utf-8", micro=False)
            qr_path = folder / f"code-{n}.png"
            qr.save(str(qr_path), kind="png", scale=7, border=2)
            painter.drawImage(QRectF(-190, -140, 380, 380), QImage(str(qr_path)))
            qr_path.unlink()
        painter.end()
        path = folder / f"IMG_2026112{2 if table == (92, 84, 76) else 1}_{1930 + n:04}.jpg"
        image.save(str(path), "JPEG", 88)
        paths.append(path)
    return paths


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def contacts(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.sidebar.show_page(window.contacts)
    window.contacts.select_contact(ids["Kwame Mensah"])
    window.contacts.list.scrollToTop()
    return window


def contact(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.contacts.select_contact(ids["Zoë Müller"])
    return window


def new_contact(window: MainWindow, ids: dict[str, int]) -> QWidget:
    dialog = ContactDialog(window.ws, window)
    dialog.name.setText("Hana Kobayashi")
    dialog.company.setText("Kyoto Quantum")
    dialog.met_at.setCurrentText("Web Summit")
    return dialog


def log(window: MainWindow, ids: dict[str, int]) -> QWidget:
    dialog = LogDialog(window.ws, [ids["Zoë Müller"]], window)
    dialog.set_channel(Channel.COFFEE)
    dialog.note.setPlainText("Coffee in Kreuzberg. She is looking for a CTO for a portfolio company.")
    return dialog


def today(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.sidebar.show_page(window.today)
    window.today.reload()
    return window


def contact_page(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.sidebar.show_page(window.contacts)
    return contact(window, ids)


def events(window: MainWindow, ids: dict[str, int]) -> QWidget:
    page = window.events
    window.sidebar.show_page(page)
    page.reload()
    page.select_event(window.ws.events.resolve("Web Summit"))
    return window


def event_mode(window: MainWindow, ids: dict[str, int]) -> QWidget:
    page = window.events
    window.sidebar.show_page(page)
    page.start_event_mode(window.ws.events.resolve("Web Summit"))
    return window


def referrals(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.sidebar.show_page(window.referrals)
    window.referrals.reload()
    return window


def insights(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.sidebar.show_page(window.insights)
    settle()
    window.insights.wait()
    return window


def import_preview(window: MainWindow, ids: dict[str, int]) -> QWidget:
    folder = Path(tempfile.mkdtemp(prefix="hitouch-shots-"))
    export = folder / "Connections.csv"
    export.write_text(
        'Notes:\n"When exporting your connection data, you may notice that some of the fields are empty."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Kwame,Mensah,https://www.linkedin.com/in/kwame-accra,kwame@accrahub.gh,Accra Fintech Hub,CEO,02 Feb 2025\n"
        "Ingrid,Solberg,https://www.linkedin.com/in/ingrid-nordlys,,Nordlys Energy,Investment Director,14 May 2024\n"
        "Hana,Kobayashi,https://www.linkedin.com/in/hana-kyoto,,Kyoto Quantum,Founder,20 Nov 2026\n"
        "Rafael,Costa,https://www.linkedin.com/in/rafael-lisboa,,Lisboa Labs,CTO,11 Nov 2026\n"
        "Lina,Haddad,https://www.linkedin.com/in/lina-nour,,Nour Health,COO,12 Nov 2026\n"
        "Fatima,Hadad,https://www.linkedin.com/in/fatima-h,,Nour Health,CEO,12 Nov 2026\n"
        ",,,,,,08 Feb 2023\n",
        encoding="utf-8",
    )
    return window.open_import_preview([export])  # the window's InlineRunner: ready when the dialog is


def photo_drop(window: MainWindow, ids: dict[str, int]) -> QWidget:
    """Photos of badges dragged over the window: what the drop will do."""
    window.sidebar.show_page(window.today)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in badge_photos(Path(tempfile.mkdtemp(prefix="hitouch-shots-")))])
    enter = QDragEnterEvent(
        QPointF(600, 400), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    window._shot_mime = mime  # the event points to it: keep it alive while the picture is taken
    return window


def photo_preview(window: MainWindow, ids: dict[str, int]) -> QWidget:
    window.drop_hint.hide()
    # The window's InlineRunner: the preview at once, not a progress bar.
    dialog = window.open_photo_import(badge_photos(Path(tempfile.mkdtemp(prefix="hitouch-shots-"))))
    dialog.resize(900, 640)
    lists = dialog.findChild(QWidget, "importLists")
    lists.setCurrentIndex(lists.count() - 1)  # the photos to type in, with their thumbnails
    return dialog


def photo_names(window: MainWindow, ids: dict[str, int]) -> QWidget:
    dialog = photo_preview(window, ids)
    lists = dialog.findChild(QWidget, "importLists")
    lists.setCurrentIndex(lists.count() - 2)  # the LinkedIn profile to name
    return dialog


def my_card(window: MainWindow, ids: dict[str, int]) -> QWidget:
    return MyCardDialog(window.settings, window)


def settings(window: MainWindow, ids: dict[str, int]) -> QWidget:
    return SettingsDialog(window.settings, SettingsFile(Path(tempfile.mkdtemp()) / "settings.json"), window)


def calendar_import(window: MainWindow, ids: dict[str, int]) -> QWidget:
    path = Path(tempfile.mkdtemp()) / "work-calendar.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    return window.open_calendar_import([path])  # the preview at once, not a progress bar


# name -> what to show. One line per screen; "contacts" is the README's picture.
SHOTS: dict[str, Callable[[MainWindow, dict[str, int]], QWidget]] = {
    "today": today,
    "contacts": contacts,
    "contact": contact_page,
    "new-contact": new_contact,
    "log": log,
    "import-preview": import_preview,
    "events": events,
    "event-mode": event_mode,
    "referrals": referrals,
    "insights": insights,
    "calendar-import": calendar_import,
    "photo-drop": photo_drop,
    "photo-preview": photo_preview,
    "photo-names": photo_names,
    "my-card": my_card,
    "settings": settings,  # last: closing Preferences puts the theme back to the saved one
}


def main(out: Path = OUT) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive while windows exist)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = SettingsFile(Path(folder) / "settings.json")
        journal = Path(folder) / "HiTouch" / "journal.sqlite3"
        # Long work runs at once: every screen is drawn complete, never half-way.
        window = create_main_window(journal, clock=Clock(fixed=NOW), settings_file=store, runner=InlineRunner())
        ids = build_demo_journal(window.ws)
        window.ws.events.add("Lisbon Tech Night", on=NOW.date(), place="LX Factory")  # today's event
        window.use_settings(
            replace(
                window.settings,
                my_name="Alex Moreau",
                my_email="alex@moreau.studio",
                my_phone="+33 1 84 88 12 34",
                my_company="Moreau Studio",
                my_title="Founder",
                my_url="https://moreau.studio",
            )
        )
        window.contacts.reload()
        window.show()
        for theme, suffix in (("light", ""), ("dark", "-dark")):
            apply_theme(theme)
            for name, show in SHOTS.items():
                widget = show(window, ids)
                widget.show()
                settle()
                path = out / f"{name}{suffix}.png"
                if not widget.grab().save(str(path)):
                    raise SystemExit(f"{path}: could not be written")
                print(path.relative_to(out.parent.parent) if out == OUT else path)
                if widget is not window:
                    widget.close()
                    widget.deleteLater()
        window.close()
    apply_theme("system")
    return 0


if __name__ == "__main__":
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    try:
        raise SystemExit(main(Path(folders[0]) if folders else OUT))
    finally:
        if DISPLAY_SERVER is not None:
            DISPLAY_SERVER.terminate()
