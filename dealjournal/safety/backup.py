"""Backups of the journal: taken when it changed, thinned, checked, listed and restored.

When to call what (the window and the command line):

- :func:`backup_if_changed` on open, on close and every 30 minutes while running;
- :func:`backup_before` (``"import"``, ``"restore"``…) before an import (restore and
  schema upgrades take their own copies);
- :func:`make_backup` for "Back up now" and ``dealjournal backup [--to DIR]``;
- :func:`list_backups` for File ▸ Backups… and :func:`restore` to bring one back.

Backups keep an erased person's data until thinning removes them: all of today's, then
the newest of each of the last 7 days, 4 weeks and 12 months with backups (journal
settings ``backup.keep_daily``, ``backup.keep_weekly``, ``backup.keep_monthly``), so at
most about 13 months.

A backup is written with ``VACUUM INTO`` (a consistent, compact copy that leaves no freed
pages behind, so an erased person's text is not carried over), to a hidden temporary name
in the backup folder; it becomes visible under its final name only after it passed
``PRAGMA integrity_check``. A restore writes the chosen backup into a temporary file beside
the journal, checks it, and swaps it in with ``os.replace``, so the journal is at every
moment either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from dealjournal.errors import StoreError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.safety.files import sync_folder
from dealjournal.store import private
from dealjournal.store.backup_files import (
    BackupInfo,
    Policy,
    backup_files,
    backup_folder,
    backup_name,
    check_file,
    contact_count,
    describe,
    newest_good_backup,
    read_only_uri,
    taken_at,
    thin,
    to_keep,
    unique_path,
)
from dealjournal.store.db import (
    SQLITE_MAGIC,
    CorruptJournal,
    changed_since_backup,
    close_journal,
    db,
    hold_lock,
    journal_path,
    open_journal,
    set_backed_up,
)

log = logging.getLogger(__name__)

KEEP_KEYS = {"daily": "backup.keep_daily", "weekly": "backup.keep_weekly", "monthly": "backup.keep_monthly"}


class BackupError(StoreError):
    """A backup could not be written, or was written but failed its check (and was deleted)."""


def _open_path() -> Path:
    path = journal_path()
    if path is None or db.is_closed():
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "No journal is open.")))
    return path


def policy() -> Policy:
    """The open journal's thinning policy (settings ``backup.keep_daily``/``_weekly``/``_monthly``)."""
    default = Policy()
    rows = dict(db.connection().execute(
        "SELECT key, value FROM setting WHERE key IN (?, ?, ?)", tuple(KEEP_KEYS.values())).fetchall())
    values = {}
    for field, key in KEEP_KEYS.items():
        try:
            values[field] = max(0, int(json.loads(rows[key])))
        except (KeyError, ValueError, TypeError):
            values[field] = getattr(default, field)
    return Policy(**values)


def set_policy(new: Policy) -> None:
    """Store *new* as the open journal's thinning policy."""
    with db.atomic():
        db.connection().executemany(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
            [(key, json.dumps(getattr(new, field))) for field, key in KEEP_KEYS.items()])


def make_backup(reason: str = "manual", *, folder: Path | None = None, now: datetime | None = None) -> BackupInfo:
    """Back the open journal up now; return the new backup.

    Into the journal's backup folder (then thinned), or into *folder* (never thinned: the
    user manages it). Raises :class:`BackupError` when it cannot be written or fails its
    integrity check; the journal is unchanged either way.
    """
    journal = _open_path()
    now = now or datetime.now()
    automatic = folder is None
    target_folder = backup_folder(journal) if folder is None else Path(folder)
    try:
        if automatic:
            private.make_private_folder(target_folder)
        else:
            target_folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot create the backup folder {folder}: {reason}."),
                                 folder=str(target_folder), reason=str(exc.strerror))) from exc
    if db.in_transaction():
        raise BackupError(Phrase(QT_TRANSLATE_NOOP(
            "core", "A backup cannot be taken in the middle of a change; try again.")))
    target = unique_path(target_folder, backup_name(journal, now, reason))
    tmp = target.with_name(f".{target.name}.tmp")
    was_changed = changed_since_backup()
    if automatic:
        set_backed_up(True)  # before the copy, so that the copy does not say "changed"
    try:
        _write_checked(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if automatic and was_changed:
            set_backed_up(False)
        raise
    sync_folder(target_folder)
    log.info("Backup taken (%s, %d bytes)", reason, target.stat().st_size)
    if automatic:
        thin(target_folder, now, policy())
    return describe(target)


def _write_checked(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
    try:
        db.connection().execute("VACUUM INTO ?", (str(tmp),))
    except sqlite3.Error as exc:
        raise BackupError(_explain_write(tmp.parent, exc)) from exc
    private.private_file(tmp)
    problems = check_file(tmp)
    if problems:
        log.error("A new backup failed its integrity check (%d problems); deleted", len(problems))
        raise BackupError(Phrase(QT_TRANSLATE_NOOP(
            "core", "The backup just written failed its integrity check and was deleted "
                    "({problem}). The journal itself is unchanged; check the disk and try again."),
            problem=problems[0]))
    try:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise BackupError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot write the backup in {folder}: {reason}."),
                                 folder=str(tmp.parent), reason=str(exc.strerror))) from exc


def _explain_write(folder: Path, exc: BaseException) -> Phrase:
    text = str(exc).lower()
    if "full" in text:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The disk holding {folder} is full: no backup was taken. Free some space and try again."),
            folder=str(folder))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "Cannot write a backup into {folder}: the folder is read-only or not accessible."),
            folder=str(folder))
    return Phrase(QT_TRANSLATE_NOOP("core", "The backup into {folder} failed: {problem}."),
                  folder=str(folder), problem=str(exc))


def _has_records() -> bool:
    conn = db.connection()
    return any(conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
               for table in ("contact", "content"))


def backup_if_changed(reason: str = "auto", *, now: datetime | None = None) -> BackupInfo | None:
    """Back up the open journal if it changed since its last backup (or was never backed up).

    Cheap when nothing changed: the change flag is kept by triggers (see
    :func:`dealjournal.db.changed_since_backup`). Returns the new backup or None.
    """
    journal = _open_path()
    if not changed_since_backup():
        if backup_files(backup_folder(journal)) or not _has_records():
            return None
    return make_backup(reason, now=now)


def backup_before(action: str, *, now: datetime | None = None) -> BackupInfo | None:
    """The backup taken before an import, upgrade or restore (None for a journal with no records)."""
    _open_path()
    if not _has_records():
        return None
    return make_backup(f"before-{action}", now=now)


def list_backups(journal: Path | None = None, *, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of *journal* (default: the open one), or those in *folder*, newest first."""
    if folder is None:
        journal = journal or journal_path()
        if journal is None:
            raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "No journal is open.")))
        folder = backup_folder(journal)
    return [describe(path) for path in backup_files(folder)]


def restore(backup: Path | str, *, journal: Path | None = None, now: datetime | None = None) -> BackupInfo | None:
    """Replace the journal with the backup file *backup* and open it; return the safety backup.

    *journal* defaults to the open one. The current journal is backed up first (when it
    can be opened and holds anything); a damaged one is moved aside by opening it. The
    replacement is checked before it is swapped in; on any failure the journal is left as
    it was (and reopened). Raises :class:`StoreError` (and subclasses) with the reason.
    """
    backup = Path(backup)
    target = Path(journal) if journal is not None else journal_path()
    if target is None:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "No journal is open to restore into.")))
    _refuse_same_file(backup, target)
    tmp = target.with_name(f".{target.name}.restoring.tmp")
    _copy_checked(backup, tmp)
    try:
        safety_copy = _take_over(target, now)
        try:
            for suffix in private.SIDE_FILES:  # the old file's companions must not meet the new one
                side = target.with_name(target.name + suffix)
                if side.exists():
                    side.unlink()
            os.replace(tmp, target)
        except OSError as exc:
            if target.exists():
                with contextlib.suppress(StoreError):
                    open_journal(target, create=False)
            else:
                close_journal()
            raise StoreError(Phrase(QT_TRANSLATE_NOOP(
                "core", "Cannot replace the journal {path}: {reason}. It was not changed."),
                path=str(target), reason=str(exc.strerror))) from exc
        sync_folder(target.parent)
        try:
            open_journal(target, create=False)
        except StoreError:
            close_journal()
            raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    log.info("Journal restored from a backup (%s)", backup.name)
    return safety_copy


def _refuse_same_file(backup: Path, target: Path) -> None:
    if not backup.is_file():
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "There is no backup file at {path}."), path=str(backup)))
    if target.exists() and backup.resolve() == target.resolve():
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "{path} is the journal itself, not a backup of it."),
                                path=str(backup)))


def _copy_checked(backup: Path, tmp: Path) -> None:
    """A checked copy of *backup* at *tmp* (owner-only), or StoreError and no *tmp*."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    try:
        with open(backup, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot read the backup {path}: {reason}."),
                                path=str(backup), reason=str(exc.strerror))) from exc
    if head != SQLITE_MAGIC:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP(
            "core", "{path} is not a Deal Journal backup (it is not an SQLite database)."),
            path=str(backup)))
    try:
        private.create_private_file(tmp)
        src = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        private.private_file(tmp)
        problems = check_file(tmp)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "The backup {path} cannot be restored: {problem}."),
                                path=str(backup), problem=str(exc))) from exc
    if problems:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(Phrase(QT_TRANSLATE_NOOP(
            "core", "The backup {path} cannot be restored: it is damaged or not a journal "
                    "({problem}). The journal was not changed."), path=str(backup), problem=problems[0]))


def _take_over(target: Path, now: datetime | None) -> BackupInfo | None:
    """Back the current journal up, then close it while keeping the lock; return the backup."""
    open_now = journal_path()
    if open_now is None or db.is_closed() or open_now.resolve() != target.resolve():
        if target.exists():
            try:
                open_journal(target, create=False)
            except CorruptJournal:
                log.warning("Restoring over a damaged journal (moved aside)")
    if journal_path() is not None and not db.is_closed():
        copy = backup_before("restore", now=now)
        close_journal(keep_lock=True)
        return copy
    hold_lock(target)
    return None



__all__ = [
    "BackupError", "BackupInfo", "Policy", "backup_before", "backup_files", "backup_folder", "backup_if_changed",
    "check_file", "contact_count", "list_backups", "make_backup", "newest_good_backup", "policy", "restore",
    "set_policy", "taken_at", "thin", "to_keep",
]
