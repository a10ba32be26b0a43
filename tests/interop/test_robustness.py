"""Whatever bytes arrive, reading gives cards and problems or UnreadableFile, nothing else."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hitouch.interop.contacts_io import FORMATS, ReadResult, UnreadableFile, read_contacts_bytes
from interop_paths import DATA, TODAY

SEEDS = {path.name: path.read_bytes() for path in sorted(DATA.iterdir())}
# Pieces that matter to the parsers: line ends, escapes, encodings, card and quote boundaries.
TOKENS = [
    b"\r\n",
    b"\r",
    b"\n",
    b"=",
    b"=\r\n",
    b";",
    b":",
    b",",
    b"\\",
    b'"',
    b" ",
    b"\t",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b";ENCODING=QUOTED-PRINTABLE",
    b";CHARSET=SHIFT_JIS",
    b";CHARSET=bogus",
    b";ENCODING=b",
    b"data:",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"Notes:\n",
    b" ::: ",
    b"* ",
    b"--0229",
    b"1604",
    b"PHOTO;ENCODING=b:",
    b"BDAY:",
    b"TEL;VALUE=uri:tel:",
    b"N:",
    b"ALTID=1",
    b"KIND:group\r\n",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]))
        if operation == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif operation == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif operation == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif operation == "truncate":
            del data[at:]
    return name, bytes(data)


class VobjectErrors(logging.Handler):
    """vobject logs lines it cannot read; HiTouch never hands it one."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def read_or_unreadable(data: bytes, filename: str, format: str = "auto") -> None:
    handler = VobjectErrors()
    logger = logging.getLogger("vobject")
    logger.addHandler(handler)
    try:
        result = read_contacts_bytes(data, filename, format, today=TODAY)
    except UnreadableFile as exc:
        assert exc.path == filename and "\n" not in str(exc)
        return
    finally:
        logger.removeHandler(handler)
    assert isinstance(result, ReadResult) and result.format in FORMATS
    assert not handler.records, [record.getMessage() for record in handler.records]
    for card in result.cards:
        assert card.line >= 1 and not card.is_empty()
    for problem in result.problems:
        assert problem.file == filename and problem.message


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from(FORMATS))
def test_arbitrary_bytes(data, format):
    read_or_unreadable(data, "anything.bin", format)


@SETTINGS
@given(mutated())
def test_mutated_vcards_and_csvs(seed):
    name, data = seed
    read_or_unreadable(data, name)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=12).map(str.encode), max_size=60).map(b"".join))
def test_token_soup(data):
    read_or_unreadable(data, "soup.vcf")
    read_or_unreadable(data, "soup.csv")
