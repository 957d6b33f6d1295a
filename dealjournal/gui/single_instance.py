"""One window per journal: a second launch on the same journal brings the first window forward.

The window that holds a journal listens on a local socket (``QLocalServer``: a Unix domain
socket on POSIX, a named pipe on Windows) whose name is a hash of the journal's resolved
path and the user's name, so two users, or two journals, never meet. A second launch
connects first: if someone answers, it sends ``raise`` and exits; otherwise it opens the
journal and starts listening itself.

The journal's file lock (:class:`dealjournal.store.lock.JournalLock`) stays the real guard
against two writers; the socket only makes a second launch pleasant. That is also why the
server starts only once the lock is held: a socket left behind by a crashed window can
then be removed safely, since nobody else can be holding that journal.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
ACK = b"ok\n"
TIMEOUT_MS = 1000


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def server_name(journal: Path) -> str:
    """The local socket name for *journal*: short (Unix socket paths are limited) and per user."""
    try:
        resolved = str(Path(journal).expanduser().resolve())
    except OSError:
        resolved = str(Path(journal).absolute())
    if os.name == "nt":
        resolved = resolved.lower()  # the same file under any case
    digest = hashlib.sha256(f"{_user()}\0{resolved}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"dealjournal-{digest[:24]}"


def notify_running(journal: Path, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask the window holding *journal* to come forward; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(journal))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.flush()
    answered = False
    if socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0:
        # Wait for the acknowledgement, so that "it answered" means a live window received it.
        while not answered and socket.waitForReadyRead(timeout_ms):
            answered = ACK.strip() in bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(200)
    log.info("Another window holds this journal; %s", "asked it to come forward" if answered else "it did not answer")
    return answered


class InstanceServer(QObject):
    """Listens for later launches on the open journal; :attr:`raise_requested` when one arrives."""

    raise_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None
        self.name = ""

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def listen(self, journal: Path) -> bool:
        """Listen for *journal* (stops listening for any previous one); False if impossible."""
        self.close()
        name = server_name(journal)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        ok = server.listen(name)
        if not ok and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # We hold the journal's lock, so no live window can own this name: a crash left it.
            QLocalServer.removeServer(name)
            ok = server.listen(name)
        if not ok:
            log.warning("Cannot listen for a second launch: %s", server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        self.name = name
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
            self.name = ""

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            if line == RAISE:
                socket.write(ACK)
                socket.flush()
                log.info("A second launch asked this window to come forward")
                self.raise_requested.emit()
