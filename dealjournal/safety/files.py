"""Writing files the journal's way: atomically, owner-only, durably.

Exports, the exchange format and "export everything about this person" all write through
:func:`write_atomic`: a temporary file in the same folder, flushed and synced, made 0600,
then renamed over the target — so the target is either the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dealjournal.errors import JournalError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase


def write_atomic(target: Path, content: bytes | Callable[[BinaryIO], None]) -> None:
    """Write *content* (bytes, or a function that writes into a binary file) to *target*.

    Raises :class:`JournalError` when it cannot be written; *target* is then unchanged.
    """
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot write to the folder {folder}: {reason}."),
                                  folder=str(folder), reason=str(exc.strerror or exc))) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, bytes):
                fh.write(content)
            else:
                content(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot write {path}: {reason}."),
                                  path=str(target), reason=str(exc.strerror or exc))) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (best effort: not every file system allows it)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
