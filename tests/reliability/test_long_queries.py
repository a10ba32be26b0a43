"""A pasted page as a search: the window and the command line use the same first words of it.

A 10,000-character query took 10 s on the command line (each word one more full-text match to
rank). A search now uses its first MOST_QUERY_WORDS different words, in one place both share.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from hitouch.cli import main
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.limits import MOST_QUERY_WORDS

WORDS = [f"word{n:02d}" for n in range(MOST_QUERY_WORDS)]
# The first words all match Ada; the ones past the limit match nobody, and are not used.
QUERY = " ".join(WORDS + ["nobodyhasthis"] + [f"filler{n}" for n in range(2_000)])


def add_ada(ws) -> int:
    ada, _ = ws.contacts.add(
        ContactCard(name="Ada Lovelace", emails=[Labelled("ada@example.com")], notes=" ".join(WORDS))
    )
    ws.contacts.add(ContactCard(name="Charles Babbage", notes="word00 only"))
    return ada


def test_a_query_uses_its_first_different_words_only():
    from hitouch.store.queries.search_index import fts_query, query_words

    assert len(QUERY) > 10_000
    assert query_words(QUERY) == WORDS
    assert fts_query(QUERY).count("*") == MOST_QUERY_WORDS
    assert query_words("ada ada ADA lovelace ada") == ["ada", "ADA", "lovelace"]  # repeats cost nothing


def test_the_command_line_search_finds_what_the_first_words_find(workspace, journal_path, monkeypatch):
    add_ada(workspace)
    monkeypatch.setenv("HITOUCH_NOW", "2026-11-22T10:30")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(journal_path), "search", QUERY, "--json"]) == 0
    assert [c["name"] for c in json.loads(out.getvalue())["contacts"]] == ["Ada Lovelace"]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(journal_path), "search", "nobodyhasthis " + QUERY]) == 0
    assert out.getvalue().startswith("Nothing matches") and len(out.getvalue()) < 120  # the echo is cut short


def test_the_window_search_box_finds_the_same(qtbot, workspace, journal_path, tmp_path, clock):
    from hitouch.app import create_main_window
    from hitouch.settings import SettingsFile

    ada = add_ada(workspace)
    window = create_main_window(journal_path, clock=clock, settings_file=SettingsFile(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    page = window.contacts
    page.search_box.setText(QUERY)
    assert page.model.ids() == [ada]
    assert workspace.search.everything(QUERY).contacts[0].id == ada
