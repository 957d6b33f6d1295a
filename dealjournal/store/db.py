"""Where the journal lives and how it is opened.

There is one :data:`db` object for the whole process (peewee's ``SqliteDatabase(None)``),
initialised by :func:`open_journal` with WAL, foreign keys and a busy timeout, then brought
to the current schema by the ordered steps in :mod:`dealjournal.store.schema`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee

from dealjournal.errors import StoreError
from dealjournal.store import schema

log = logging.getLogger(__name__)

db = peewee.SqliteDatabase(None)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32000,
}
SQLITE_MAGIC = b"SQLite format 3\x00"
ENV_DB = "DEALJOURNAL_DB"


def default_journal_path() -> Path:
    """The journal named by ``DEALJOURNAL_DB``, else ``journal.sqlite3`` in the user data folder."""
    named = os.environ.get(ENV_DB)
    if named:
        return Path(named).expanduser()
    import platformdirs

    return platformdirs.user_data_path("dealjournal", appauthor=False) / "journal.sqlite3"


def open_journal(path: Path | str, *, create: bool = True) -> peewee.SqliteDatabase:
    """Open (and if needed create or upgrade) the journal at *path*; return :data:`db`.

    Raises :class:`StoreError` with a message a person can act on when the file is not a
    journal, was written by a newer version, or cannot be opened.
    """
    path = Path(path)
    close_journal()
    _check_file(path, create)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for the journal {path.parent}: {exc.strerror}") from exc
    db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        _upgrade(path)
    except (peewee.DatabaseError, sqlite3.Error) as exc:
        db.close()
        raise StoreError(_explain(path, exc)) from exc
    except BaseException:
        db.close()
        raise
    return db


def close_journal() -> None:
    """Close the connection if one is open (safe to call at any time)."""
    if db.database is not None and not db.is_closed():
        try:
            db.execute_sql("PRAGMA optimize")  # keeps the query planner's statistics current
        except peewee.DatabaseError:
            log.debug("PRAGMA optimize failed", exc_info=True)
        db.close()


def journal_path() -> Path | None:
    """The path of the open journal, or None."""
    return Path(db.database) if db.database and db.database != ":memory:" else None


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a journal file.")
    if not path.exists():
        if not create:
            raise StoreError(f"There is no journal at {path}.")
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}.") from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a Deal Journal file (it is not an SQLite database).")


def _upgrade(path: Path) -> None:
    conn = db.connection()
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables and app_id != schema.APPLICATION_ID:
        raise StoreError(f"{path} is an SQLite database but not a Deal Journal file.")
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer version of Deal Journal (journal format {version}); "
            f"this version reads formats up to {schema.SCHEMA_VERSION}. "
            "Install the newer Deal Journal to open it; the file has not been changed."
        )
    if version == schema.SCHEMA_VERSION:
        return
    if has_tables:
        copy = _copy_before_upgrade(path, version)
        log.info("Upgrading journal format %d -> %d (copy kept at %s)", version, schema.SCHEMA_VERSION, copy)
    for reached, step in schema.STEPS:
        if version < reached:
            with db.atomic():
                step(conn)
                conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {reached}")
            version = reached


def _copy_before_upgrade(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-v{version}-{stamp}")
    dest = sqlite3.connect(target)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def _explain(path: Path, exc: Exception) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"The journal {path} is in use by another program; close it and try again."
    if "readonly" in text or "read-only" in text:
        return f"The journal {path} cannot be written: the file or its folder is read-only."
    if "unable to open" in text:
        return f"The journal {path} cannot be opened: check that its folder exists and is writable."
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"The journal {path} is damaged ({exc}). Restore it from a backup."
    if "full" in text:
        return f"The disk holding {path} is full; free some space and try again."
    return f"The journal {path} cannot be opened: {exc}"
