"""Hostile photos: a 200-megapixel image, a JPEG cut short, a PNG bomb. Each gets one clear line,
memory stays bounded (nothing is decoded that should not be), and nothing is imported."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib

import pytest

from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.services.errors import UserError
from hitouch.services.importing.photo_import import PhotoNames
from photo_fixtures import badge, photo, save, vcard

READER = QtPhotoReader()


def huge_jpeg(path, width=16384, height=12288):
    """A real little JPEG whose header says 16384 × 12288 (201 megapixels)."""
    small = save(photo([], width=64, height=48), path.with_name("small.jpg"))
    data = bytearray(small.read_bytes())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    path.write_bytes(bytes(data))
    return path


def truncated_jpeg(path):
    whole = badge(path.with_name("whole.jpg"), vcard("Cut Short", "cut@example.org"))
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5])
    return path


def png_bomb(path, side=20000):
    """20000 × 20000 one-bit pixels (400 megapixels, 1.6 GB as a decoded image) in about 50 KB."""
    raw_row = b"\0" * (1 + side // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(raw_row * 500) for _ in range(side // 500)) + packer.flush()

    def chunk(kind: bytes, content: bytes) -> bytes:
        return struct.pack(">I", len(content)) + kind + content + struct.pack(">I", zlib.crc32(kind + content))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    return [huge_jpeg(folder / "huge.jpg"), truncated_jpeg(folder / "cut.jpg"), png_bomb(folder / "bomb.png")]


def test_each_hostile_photo_gets_a_clear_message_and_nothing_is_imported(workspace, hostile):
    with pytest.raises(UserError) as raised:
        workspace.photo_import.plan(hostile, READER)
    assert str(raised.value) == "none of the 3 photos could be read; nothing was imported"
    assert [p.file for p in raised.value.problems] == [str(p) for p in hostile]
    plan_of_one = {}
    for path in hostile:
        with pytest.raises(UserError) as one:
            workspace.photo_import.plan([path], READER)
        plan_of_one[path.name] = str(one.value)
    assert "16384 × 12288 pixels (201 megapixels); HiTouch reads photos of up to 60" in plan_of_one["huge.jpg"]
    assert "the JPEG file is cut short" in plan_of_one["cut.jpg"]
    assert "20000 × 20000 pixels (400 megapixels)" in plan_of_one["bomb.png"]
    assert all(
        message.count("\n") == 0 and message.startswith(str(hostile[0].parent)) for message in plan_of_one.values()
    )
    assert workspace.contacts.ids() == []


def test_a_hostile_photo_among_good_ones_costs_only_itself(workspace, hostile, tmp_path):
    good = badge(tmp_path / "good.jpg", vcard("Good Person", "good@example.org"))
    plan = workspace.photo_import.plan([*hostile, good], READER)
    assert [p.name for p in plan.photos] == ["good.jpg"] and plan.unreadable == 3
    assert sorted(p.file.rsplit("/", 1)[-1] for p in plan.problems) == ["bomb.png", "cut.jpg", "huge.jpg"]
    workspace.photo_import.apply(plan, PhotoNames())
    assert [s.name for s in workspace.contacts.summaries(workspace.contacts.ids())] == ["Good Person"]


def test_other_files_are_refused_by_their_content(workspace, tmp_path):
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo at all", encoding="utf-8")
    with pytest.raises(UserError, match=r"notes\.jpg: it is not a JPEG, PNG or HEIC photo"):
        workspace.photo_import.plan([fake], READER)


@pytest.mark.slow
def test_memory_stays_bounded_on_the_command_line(hostile, tmp_path):
    """In a fresh process, as `hitouch import` runs: the bomb and the huge image are never decoded.
    A watcher process runs it and reports its peak memory (ru_maxrss of its one child)."""
    command = [sys.executable, "-m", "hitouch", "--db", str(tmp_path / "j.sqlite3"), "import", *map(str, hostile)]
    watcher = (
        "import json, resource, subprocess, sys\n"
        "r = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'code': r.returncode, 'out': r.stdout, 'err': r.stderr, 'peak_kb': peak}))\n"
    )
    env = {**os.environ, "HITOUCH_NOW": "2026-11-22T10:30"}
    ran = subprocess.run(
        [sys.executable, "-c", watcher, json.dumps(command)], capture_output=True, text=True, timeout=300, env=env
    )
    result = json.loads(ran.stdout)
    assert result["code"] == 1 and result["out"] == ""
    lines = result["err"].splitlines()
    assert lines[-1] == "hitouch: none of the 3 photos could be read; nothing was imported"
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [str(p) for p in hostile]
    assert "Traceback" not in result["err"]
    assert result["peak_kb"] < 400 * 1024, f"{result['peak_kb'] / 1024:.0f} MB"  # the bomb decoded: 1,600 MB
