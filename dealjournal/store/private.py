"""Owner-only files: the journal, its ``-wal`` and ``-shm``, and the folders the app creates.

Permissions are set with ``chmod`` after creation (POSIX; best effort elsewhere), so that
the user's umask does not matter.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

POSIX = os.name == "posix"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
SIDE_FILES = ("-wal", "-shm")


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
