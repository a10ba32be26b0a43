"""Import memory stays within a small multiple of the file's size.

A 5 MB NOTE once peaked at 810 MB (a 20 MB one at 3 GB): the vCard library unescapes values one
character at a time. Each import here runs in a fresh process that reports its own peak
resident memory; a tiny import in another fresh process is the baseline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest

TODAY = date(2026, 11, 22)  # the tests' clock (tests/conftest.py)

MEASURE = textwrap.dedent(
    """
    import sys
    def peak():  # this process's own high-water mark: ru_maxrss would count the parent's memory at the fork
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    from hitouch.cli import main
    code = main(["--db", sys.argv[1], "import", sys.argv[2]])
    print(code, peak())
    """
)
NOTE = "networking " * 500_000  # 5.5 MB
MULTIPLE = 20  # peak memory over the baseline, at most this many times the file's size


def peak_bytes(tmp_path, name: str, content: str) -> int:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    db = tmp_path / f"{name}.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(db), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HITOUCH_NOW": "2026-11-22T10:30"},
    )
    code, peak = result.stdout.split()[-2:]
    assert code == "0", result.stderr
    return int(peak)


def vcard(note: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nEMAIL:long@example.com\r\nNOTE:{note}\r\nEND:VCARD\r\n"


def vcard_21(note: str) -> str:
    encoded = note.replace("=", "=3D")
    return f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Long Note\r\nNOTE;ENCODING=QUOTED-PRINTABLE:{encoded}\r\nEND:VCARD\r\n"


def csv(note: str) -> str:
    return f'Name,Email,Notes\r\nLong Note,long@example.com,"{note}"\r\n'


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "make"), [("note.vcf", vcard), ("note21.vcf", vcard_21), ("note.csv", csv)], ids=["vcard", "2.1", "csv"]
)
def test_a_five_megabyte_note_costs_a_small_multiple_of_its_size(tmp_path, name, make):
    baseline = peak_bytes(tmp_path, "small" + name[name.index(".") :], make("a short note"))
    content = make(NOTE)
    peak = peak_bytes(tmp_path, name, content)
    size = len(content.encode("utf-8"))
    assert peak - baseline < MULTIPLE * size, (
        f"{(peak - baseline) / 2**20:.0f} MB over the baseline for {size / 2**20:.1f} MB"
    )


def test_a_long_note_set_aside_from_the_vcard_library_reads_the_same(tmp_path):
    from hitouch.interop.contacts_io import read_contacts_bytes
    from hitouch.interop.vcard.normalise import LONG_NOTE_BYTES

    long_note = "Line one, with a comma; and a semicolon\\nline two \\\\ backslash " * (LONG_NOTE_BYTES // 40)
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Two Notes\r\nNOTE:short\\, first\r\n"
        f"NOTE:{long_note}\r\nBDAY;VALUE=text:circa 1800\r\nEND:VCARD\r\n"
    )
    (card,) = read_contacts_bytes(data.encode(), "notes.vcf", today=TODAY).cards
    expected_long = long_note.replace("\\n", "\n").replace("\\\\", "\\").strip()
    assert card.notes == f"short, first\n{expected_long}\nBirthday: circa 1800"  # in the card's order
