"""One window per journal: a second start hands its files to the running one and quits."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

HANDOVER_TIMEOUT_MS = 1000


def server_name(journal: Path) -> str:
    """Per user and per journal: two journals may be open side by side."""
    digest = hashlib.sha1(str(journal.expanduser().resolve()).encode()).hexdigest()[:16]
    return f"hitouch-{os.getuid()}-{digest}"


class SingleInstance(QObject):
    """Listens for later starts on the same journal. `activated` carries the files they were given."""

    activated = Signal(list)

    def __init__(self, journal: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(journal)
        self._server: QLocalServer | None = None

    def hand_over(self, files: list[Path]) -> bool:
        """True when a running HiTouch took the files (this start should then quit)."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(HANDOVER_TIMEOUT_MS):
            return False
        message = json.dumps({"files": [str(Path(f).resolve()) for f in files]}).encode()
        socket.write(QByteArray(message))
        socket.waitForBytesWritten(HANDOVER_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            QLocalServer.removeServer(self._name)  # left behind by a crash
            if not server.listen(self._name):
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept(self) -> None:
        # Sockets stay children of the server and go with it: a message is a few bytes.
        while self._server is not None and (socket := self._server.nextPendingConnection()):
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        try:
            files = json.loads(bytes(socket.readAll().data()).decode())["files"]
        except (ValueError, KeyError, TypeError):
            files = []
        self.activated.emit([Path(f) for f in files if isinstance(f, str)])
