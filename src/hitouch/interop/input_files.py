"""The bytes of a file to import, whatever the path names: a file, a pipe, a device.

Every reader takes its bytes from here. A regular file larger than `MAX_BYTES` is refused
before it is read; anything else (standard input, a FIFO, `<(cat x.vcf)`, /dev/zero) is read as a
stream: at most `MAX_BYTES`, given up when it sends nothing for `SILENCE` seconds or is still
sending after `DEADLINE`, and read once (`ReadOnce` keeps its bytes for every reader after).
"""

from __future__ import annotations

import os
import select
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from hitouch.interop.results import UnreadableFile

MAX_BYTES = 256 * 1024 * 1024
SILENCE = 10.0  # seconds without a byte from a stream
DEADLINE = 600.0  # seconds for a whole stream
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ReadOnce:
    """A stream already read (standard input, a pipe): its name for messages, and its bytes."""

    name: str
    data: bytes = field(repr=False)

    def __str__(self) -> str:
        return self.name


InputFile = Path | str | ReadOnce  # what the readers take: a path, or a stream read once


def is_stream(path: Path | str) -> bool:
    """Whether `path` is something other than a regular file or a folder (a FIFO, a device,
    /dev/stdin): it can be read only once, and only as a stream."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def input_bytes(source: InputFile, *, silence: float = SILENCE, deadline: float = DEADLINE) -> bytes:
    """The whole of `source`; UnreadableFile, naming it, when it cannot be read."""
    if isinstance(source, ReadOnce):
        return source.data
    name, path = str(source), Path(source)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if stat.S_ISSOCK(mode):
            raise UnreadableFile(name, "it is a socket, not a file")
        if stat.S_ISREG(mode):
            return _file_bytes(path, name)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO with no writer would block the open
    except FileNotFoundError:
        raise UnreadableFile(name, "there is no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "it is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile(name, "HiTouch is not allowed to read it") from None
    except OSError as exc:
        raise UnreadableFile(name, f"it could not be read ({exc.strerror or exc})") from None
    try:
        return stream_bytes(descriptor, name, silence=silence, deadline=deadline)
    finally:
        os.close(descriptor)


def stream_bytes(descriptor: int, name: str, *, silence: float = SILENCE, deadline: float = DEADLINE) -> bytes:
    """Everything a stream sends until it ends, within the limits; the descriptor stays open."""
    status = os.fstat(descriptor)
    if stat.S_ISREG(status.st_mode):  # `hitouch import - < people.vcf`
        _within_limit(status.st_size, name)
        with os.fdopen(os.dup(descriptor), "rb") as file:
            data = file.read()
        _within_limit(len(data), name)
        return data
    poller = select.poll()
    poller.register(descriptor, select.POLLIN | select.POLLPRI)
    received = bytearray()
    give_up = time.monotonic() + deadline
    while True:
        wait = min(silence, give_up - time.monotonic())
        if wait <= 0:
            raise UnreadableFile(name, f"it was still sending after {deadline:.0f} seconds; nothing was imported")
        if not poller.poll(wait * 1000):
            if time.monotonic() >= give_up:
                continue
            raise UnreadableFile(name, f"nothing arrived from it for {silence:.0f} seconds")
        try:
            chunk = os.read(descriptor, _CHUNK)
        except BlockingIOError:
            continue
        except OSError as exc:
            raise UnreadableFile(name, f"it could not be read ({exc.strerror or exc})") from None
        if not chunk:
            return bytes(received)
        received += chunk
        if len(received) > MAX_BYTES:  # an endless device says no size: none is named
            raise UnreadableFile(name, _too_large())


def _file_bytes(path: Path, name: str) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableFile(name, _too_large(size))
    with path.open("rb") as file:
        data = file.read()  # read(MAX_BYTES + 1) would reserve that much memory for any file
    _within_limit(len(data), name)  # it may have grown since
    return data


def _within_limit(length: int, name: str) -> None:
    if length > MAX_BYTES:
        raise UnreadableFile(name, _too_large(length))


def _too_large(size: int | None = None) -> str:
    limit = MAX_BYTES // (1024 * 1024)
    found = f" ({size / (1024 * 1024):,.0f} MB)" if size is not None else ""
    return f"it is too large{found}: HiTouch imports files of up to {limit} MB"
