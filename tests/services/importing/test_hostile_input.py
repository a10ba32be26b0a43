"""Hostile and broken input: nothing crashes, what can be read is kept, the rest is reported."""

from __future__ import annotations

import base64
import os
import stat
import subprocess
import sys

import pytest

from hitouch.domain.cards import ContactCard
from hitouch.services.errors import UserError

GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good Person\r\nEMAIL:good@example.com\r\nEND:VCARD\r\n"


def contact_names(ws) -> set[str]:
    return {s.name for s in ws.contacts.summaries(ws.contacts.ids())}


def import_file(ws, path):
    return ws.importing.apply(ws.importing.plan([path]))


@pytest.mark.parametrize(
    "content",
    [b"", os.urandom(4096), b"\x00" * 1000, b"\xff\xfe\x00\x00junk"],
    ids=["empty", "binary", "nul-bytes", "bad-bom"],
)
def test_a_file_with_nothing_to_read_is_refused_and_the_journal_untouched(workspace, tmp_path, content):
    workspace.contacts.add(ContactCard(name="Already Here"))
    bad = tmp_path / "contacts.vcf"
    bad.write_bytes(content)
    with pytest.raises(UserError, match=r"contacts\.vcf"):
        workspace.importing.plan([bad])
    assert contact_names(workspace) == {"Already Here"}


def test_nul_bytes_inside_a_card_cost_only_that_card(workspace, tmp_path):
    path = tmp_path / "mixed.vcf"
    path.write_bytes(
        GOOD.encode()
        + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul\x00\x00Person\r\nEND:VCARD\r\n"
        + GOOD.replace("Good", "Other").replace("good@", "other@").encode()
    )
    report = import_file(workspace, path)
    assert {"Good Person", "Other Person", "NulPerson"} <= contact_names(workspace)  # the NULs go, the card stays
    assert report.counts.created >= 2


def test_a_five_megabyte_line_is_read_and_kept(workspace, tmp_path):
    note = "networking " * 500_000  # 5.5 MB on one line
    path = tmp_path / "long.vcf"
    path.write_text(
        GOOD + f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:{note}\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    import_file(workspace, path)
    long = workspace.contacts.resolve("Long Note")
    assert len(workspace.contacts.detail(long).notes) > 5_000_000
    assert "Good Person" in contact_names(workspace)


def test_a_twenty_megabyte_photo_is_left_out_with_a_note_and_the_person_kept(workspace, tmp_path):
    photo = base64.b64encode(b"\xff\xd8\xff" + os.urandom(20 * 1024 * 1024)).decode()
    path = tmp_path / "photo.vcf"
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nEMAIL:big@example.com\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\nEND:VCARD\r\n" + GOOD,
        encoding="utf-8",
    )
    plan = workspace.importing.plan([path])
    assert any("photo larger than 2 MB" in p.message and p.line == 1 for p in plan.problems)
    workspace.importing.apply(plan)
    big = workspace.contacts.resolve("big@example.com")
    assert workspace.contacts.photo(big) is None
    assert contact_names(workspace) == {"Big Photo", "Good Person"}


@pytest.mark.parametrize("where", ["folder", "missing"])
def test_a_folder_or_a_missing_path_is_one_clear_line_and_exit_1(tmp_path, where):
    target = tmp_path if where == "folder" else tmp_path / "nowhere.vcf"
    result = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(tmp_path / "j.sqlite3"), "import", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and str(target.name) in result.stderr
    assert "Traceback" not in result.stderr


def test_the_journals_wal_and_shm_files_are_private(workspace):
    workspace.contacts.add(ContactCard(name="Private Person", notes="secret"))
    with workspace.journal.read() as session:  # keep a connection open: the WAL files exist
        session.connection()
        for suffix in ("", "-wal", "-shm"):
            path = workspace.path.with_name(workspace.path.name + suffix)
            assert path.exists(), suffix
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, suffix
