"""Backup files (used by :mod:`dealjournal.safety.backup`): where they live, their names, checking them and thinning them.

Backups of ``/some/folder/journal.sqlite3`` live in ``/some/folder/journal.sqlite3.backups/``
(owner-only, 0700) as ``journal.2026-11-22_103000.before-import.sqlite3``: the local time
taken and the reason are in the name, so listing needs no index file and a copy moved by
hand still says what it is. A folder beside the journal (rather than one in the user data
folder) follows the journal when it is moved, and one glance shows where a journal's
backups are.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
_NAME = re.compile(r"\.(\d{4}-\d{2}-\d{2}_\d{6})(?:_(\d+))?\.([a-z0-9-]+)\.sqlite3$")
_STAMP = "%Y-%m-%d_%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken, its size in bytes, and how many contacts it holds.

    ``contacts`` is None when the file cannot be read as a journal.
    """

    path: Path
    taken_at: datetime
    size: int
    contacts: int | None
    reason: str


@dataclass(frozen=True)
class Policy:
    """How many backups thinning keeps besides all of today's (journal settings ``backup.keep_*``)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backup_folder(journal: Path) -> Path:
    """The folder holding *journal*'s automatic backups."""
    journal = Path(journal)
    return journal.with_name(journal.name + ".backups")


def backup_name(journal: Path, taken: datetime, reason: str) -> str:
    """``<journal stem>.<YYYY-MM-DD_HHMMSS>.<reason>.sqlite3`` (reason reduced to a-z, 0-9, -)."""
    clean = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40] or "manual"
    stem = Path(journal).name
    if stem.endswith(SUFFIX):
        stem = stem[: -len(SUFFIX)]
    return f"{stem}.{taken.strftime(_STAMP)}.{clean}{SUFFIX}"


def unique_path(folder: Path, name: str) -> Path:
    """*name* in *folder*, with ``_2``, ``_3``… after the time when taken in the same second."""
    target = folder / name
    n = 1
    while target.exists():
        n += 1
        match = _NAME.search(name)
        assert match is not None
        stamp, _, reason = match.groups()
        target = folder / (name[: match.start()] + f".{stamp}_{n}.{reason}{SUFFIX}")
    return target


def taken_at(path: Path) -> datetime | None:
    """When the backup at *path* was taken (from its name), or None if it is not one of ours."""
    match = _NAME.search(Path(path).name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None


def reason_of(path: Path) -> str:
    match = _NAME.search(Path(path).name)
    return match.group(3) if match else ""


def backup_files(folder: Path) -> list[Path]:
    """Backup files in *folder*, newest first (by the time in their names)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [(stamp, p) for p in entries if p.is_file() and (stamp := taken_at(p)) is not None]
    found.sort(key=lambda pair: (pair[0], _sequence(pair[1]), _mtime(pair[1])), reverse=True)
    return [p for _, p in found]


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _sequence(path: Path) -> int:
    match = _NAME.search(path.name)
    return int(match.group(2)) if match and match.group(2) else 1


def read_only_uri(path: Path) -> str:
    """A URI that opens *path* read-only and never creates or changes anything beside it."""
    return Path(path).absolute().as_uri() + "?mode=ro"


def contact_count(path: Path) -> int | None:
    """How many contacts the journal file at *path* holds, or None if it cannot be read."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def check_file(path: Path) -> list[str]:
    """``integrity_check`` of the file at *path*: [] when it is a sound journal, else the problems
    (SQLite's own words, or Phrases)."""
    from dealjournal.store import schema

    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [Phrase(QT_TRANSLATE_NOOP("core", "cannot open: {problem}"), problem=str(exc))]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        if rows != ["ok"]:
            return rows
        if conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            return [Phrase(QT_TRANSLATE_NOOP("core", "not a Deal Journal file"))]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            return [Phrase(QT_TRANSLATE_NOOP(
                "core", "written by a newer version of Deal Journal (journal format {version})"),
                version=version)]
        return []
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def describe(path: Path) -> BackupInfo:
    """A :class:`BackupInfo` for the backup file at *path*."""
    stamp = taken_at(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path=path, taken_at=stamp or datetime.fromtimestamp(0), size=size,
                      contacts=contact_count(path), reason=reason_of(path))


def newest_good_backup(journal: Path) -> Path | None:
    """The newest automatic backup of *journal* that passes ``integrity_check``, or None."""
    for path in backup_files(backup_folder(Path(journal))):
        if not check_file(path):
            return path
        log.warning("Skipping a damaged backup (%s)", path.name)
    return None


def to_keep(stamps: Iterable[datetime], now: datetime, policy: Policy) -> set[datetime]:
    """Which backup times thinning keeps.

    Every backup taken today; the newest of each of the *daily* most recent days before
    today that have a backup; the newest of each of the *weekly* most recent ISO weeks and
    of the *monthly* most recent months that have one (these overlap the daily ones). A
    long break therefore never thins away everything: the periods counted are ones that
    have backups, not calendar periods.
    """
    ordered = sorted(set(stamps), reverse=True)
    today = now.date()
    keep = {s for s in ordered if s.date() >= today}

    def newest_per_period(items: list[datetime], key: object, count: int) -> set[datetime]:
        chosen: dict[object, datetime] = {}
        for s in items:  # newest first: the first of each period is its newest
            period = key(s)  # type: ignore[operator]
            if period not in chosen:
                if len(chosen) >= count:
                    break
                chosen[period] = s
        return set(chosen.values())

    earlier = [s for s in ordered if s.date() < today]
    keep |= newest_per_period(earlier, lambda s: s.date(), policy.daily)
    keep |= newest_per_period(ordered, lambda s: s.isocalendar()[:2], policy.weekly)
    keep |= newest_per_period(ordered, lambda s: (s.year, s.month), policy.monthly)
    if ordered:
        keep.add(ordered[0])  # the newest backup, whatever the clock says
    return keep


def thin(folder: Path, now: datetime, policy: Policy) -> list[Path]:
    """Delete the backups in *folder* that :func:`to_keep` does not keep; return those deleted."""
    files = backup_files(folder)
    by_stamp: dict[datetime, list[Path]] = {}
    for path in files:
        stamp = taken_at(path)
        assert stamp is not None
        by_stamp.setdefault(stamp, []).append(path)
    kept = to_keep(by_stamp, now, policy)
    deleted = []
    for stamp, paths in by_stamp.items():
        # Several backups in one second: the newest (first listed) stands for that second.
        doomed = paths if stamp not in kept else paths[1:] if stamp.date() < now.date() else []
        for path in doomed:
            try:
                path.unlink()
                deleted.append(path)
            except OSError as exc:
                log.warning("Cannot delete an old backup: %s", exc.strerror)
    if deleted:
        log.info("Thinned %d old backups", len(deleted))
    return deleted
