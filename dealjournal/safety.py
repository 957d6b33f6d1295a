"""Keeping the journal file safe from its surroundings.

- :class:`JournalLock`: one writer per journal. An OS advisory lock on ``<journal>.lock``
  (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) is held while the journal is
  open; the OS drops it when the process dies, so a crash never leaves a stale lock.
- :func:`synced_folder_warning`: file-sync services (Dropbox, OneDrive, iCloud Drive,
  Google Drive, Syncthing) copy a live SQLite file and its ``-wal`` at different moments
  and so corrupt it; the user is told, with the alternative.
- :func:`private_file` / :func:`private_folder`: owner-only permissions on POSIX, set
  with ``chmod`` after creation so that the user's umask does not matter.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path
from typing import IO

from dealjournal.errors import StoreError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

log = logging.getLogger(__name__)

POSIX = os.name == "posix"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
SIDE_FILES = ("-wal", "-shm")


class JournalInUse(StoreError):
    """Another process has the journal open for writing."""


# --- one writer per journal ---------------------------------------------------------------

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
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()).encode("ascii"))
            fh.flush()
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


# --- permissions ---------------------------------------------------------------------------

def private_file(path: Path) -> None:
    """Make *path* readable and writable by its owner only (POSIX; best effort)."""
    if not POSIX:
        return
    try:
        if stat.S_IMODE(os.stat(path).st_mode) != FILE_MODE:
            os.chmod(path, FILE_MODE)
    except OSError as exc:  # not our file, or a file system without modes
        log.debug("Cannot restrict the permissions of a journal file: %s", exc.strerror)


def private_journal_files(journal: Path) -> None:
    """Owner-only permissions on the journal and its ``-wal`` and ``-shm`` files."""
    for path in (journal, *(journal.with_name(journal.name + s) for s in SIDE_FILES)):
        if path.exists():
            private_file(path)


def private_folder(folder: Path) -> None:
    """Make *folder* accessible by its owner only (POSIX; best effort).

    Only for folders the app creates (the data folder, the backups folder): a journal
    the user keeps in, say, Documents does not change that folder's permissions.
    """
    if not POSIX:
        return
    try:
        if stat.S_IMODE(os.stat(folder).st_mode) != FOLDER_MODE:
            os.chmod(folder, FOLDER_MODE)
    except OSError as exc:
        log.debug("Cannot restrict the permissions of a folder: %s", exc.strerror)


def make_private_folder(folder: Path) -> None:
    """Create *folder* (and missing parents) with owner-only permissions on each one created."""
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        private_folder(created)


def create_private_file(path: Path) -> None:
    """Create an empty *path* with mode 0600 unless it exists (SQLite accepts an empty file)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)
    private_file(path)


# --- synced folders ------------------------------------------------------------------------

_SYNC_NAMES = (
    ("Dropbox", lambda name: name == "dropbox" or name.startswith("dropbox (")),
    ("OneDrive", lambda name: name == "onedrive" or name.startswith("onedrive -") or name.startswith("onedrive-")),
    ("Google Drive", lambda name: name in ("google drive", "googledrive", "my drive", "gdrive")
     or name.startswith("googledrive-")),
    ("pCloud", lambda name: name in ("pcloud drive", "pclouddrive")),
    ("Box", lambda name: name == "box sync"),
)
_MARKERS = ((".stfolder", "Syncthing"), (".dropbox", "Dropbox"), (".dropbox.cache", "Dropbox"))


def synced_service(path: Path | str) -> str | None:
    """The name of the file-sync service whose folder holds *path*, or None."""
    path = Path(path).expanduser().absolute()
    parts = path.parts
    lowered = [p.lower() for p in parts]
    for i in range(len(parts) - 1):
        if lowered[i] == "library" and lowered[i + 1] == "mobile documents":
            return "iCloud Drive"
        if lowered[i] == "library" and lowered[i + 1] == "cloudstorage":
            return _cloudstorage_name(parts[i + 2] if i + 2 < len(parts) else "")
        if lowered[i] == "icloud drive" or lowered[i] == "iclouddrive":
            return "iCloud Drive"
    for part in lowered[:-1]:
        for service, matches in _SYNC_NAMES:
            if matches(part):
                return service
    for folder in path.parents:
        for marker, service in _MARKERS:
            try:
                if (folder / marker).exists():
                    return service
            except OSError:
                continue
    return None


def _cloudstorage_name(entry: str) -> str:
    """macOS keeps every File Provider service under ~/Library/CloudStorage/<Service>-<account>."""
    lowered = entry.lower()
    for prefix, name in (("dropbox", "Dropbox"), ("onedrive", "OneDrive"), ("googledrive", "Google Drive"),
                         ("box", "Box")):
        if lowered.startswith(prefix):
            return name
    return Phrase(QT_TRANSLATE_NOOP("core", "a cloud storage service"))


def synced_folder_warning(path: Path | str) -> str | None:
    """A warning (a Phrase) to show when the journal at *path* lives in a file-sync folder, else None."""
    service = synced_service(path)
    if service is None:
        return None
    return Phrase(QT_TRANSLATE_NOOP(
        "core", "This journal is inside a {service} folder. File-sync services copy a database file while "
                "it is being written, and copy it separately from its \"-wal\" companion file, which can corrupt "
                "the journal or lose recent changes, especially when two computers use it. Keep the journal "
                "in a local folder that is not synced (the default location is fine) and let the service "
                "sync the backups or exported JSON files instead."), service=service)
