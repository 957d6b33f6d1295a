"""One writer per journal.

:class:`JournalLock`: an OS advisory lock on ``<journal>.lock`` (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows) is held while the journal is open; the OS drops it when the
process dies, so a crash never leaves a stale lock. A second process is told
:class:`JournalInUse`.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import IO

from dealjournal.errors import StoreError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.private import FILE_MODE, private_file

log = logging.getLogger(__name__)

POSIX = os.name == "posix"


class JournalInUse(StoreError):
    """Another process has the journal open for writing."""


def lock_path(journal: Path) -> Path:
    """The lock file beside *journal* (``journal.sqlite3`` → ``journal.sqlite3.lock``)."""
    return journal.with_name(journal.name + ".lock")


class JournalLock:
    """An exclusive, non-blocking advisory lock on ``<journal>.lock``.

    The lock file holds the owner's process id (for the message only). On POSIX it is
    removed on release; :meth:`acquire` checks that the file it locked is still the one at
    the path, so a process that raced with a release never believes it holds a lock on a
    file that was unlinked meanwhile.
    """

    def __init__(self, journal: Path) -> None:
        self.journal = Path(journal)
        self.path = lock_path(self.journal.absolute())
        self._fh: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`JournalInUse` (or :class:`StoreError` if impossible)."""
        if self._fh is not None:
            return
        for _attempt in range(5):
            fh = self._open()
            if not _try_lock(fh):
                owner = _read_owner(fh)
                fh.close()
                if owner:
                    raise JournalInUse(Phrase(QT_TRANSLATE_NOOP(
                        "core", "The journal {path} is in use by another Deal Journal (process {process}). "
                                "Close it there first, or open a different journal."),
                        path=str(self.journal), process=owner))
                raise JournalInUse(Phrase(QT_TRANSLATE_NOOP(
                    "core", "The journal {path} is in use by another Deal Journal. "
                            "Close it there first, or open a different journal."), path=str(self.journal)))
            if POSIX and not _same_file(fh, self.path):
                fh.close()  # unlinked by a releasing owner between our open and lock: retry
                continue
            try:
                fh.seek(0)
                fh.truncate()
                fh.write(str(os.getpid()).encode("ascii"))
                fh.flush()
            except OSError as exc:  # a full disk: the lock holds all the same (the id is for the message)
                log.debug("Cannot write the process id into the lock file: %s", exc.strerror)
            self._fh = fh
            return
        raise JournalInUse(Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} is being opened by another program; try again."), path=str(self.journal)))

    def release(self) -> None:
        """Give the lock up (safe to call when not held)."""
        fh, self._fh = self._fh, None
        if fh is None:
            return
        if POSIX:
            with contextlib.suppress(OSError):
                self.path.unlink()  # while still locked: nobody can be half-way in between
        with contextlib.suppress(OSError):
            _unlock(fh)
        fh.close()

    def _open(self) -> IO[bytes]:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as exc:
            raise StoreError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The journal {path} cannot be opened for writing: its folder is read-only "
                        "or not accessible ({reason})."), path=str(self.journal), reason=str(exc.strerror))) from exc
        private_file(self.path)
        return os.fdopen(fd, "r+b", buffering=0)


if POSIX:
    import fcntl

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:  # e.g. a network file system without locks: don't refuse to work
            log.warning("Cannot lock the journal (%s); a second writer would not be detected", exc.strerror)
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

else:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fh: IO[bytes]) -> bool:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


def _same_file(fh: IO[bytes], path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fh.fileno())
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _read_owner(fh: IO[bytes]) -> str:
    try:
        fh.seek(0)
        text = fh.read(20).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
