"""Where the journal lives and how it is opened.

There is one :data:`db` object for the whole process (peewee's ``SqliteDatabase(None)``),
initialised by :func:`open_journal` with WAL, foreign keys and a busy timeout, then brought
to the current schema by the ordered steps in :mod:`dealjournal.store.schema`.

Opening also keeps the file safe (see :mod:`dealjournal.store.lock` and :mod:`dealjournal.store.private`): an advisory lock makes
this process the journal's only writer until :func:`close_journal`; the journal and its
``-wal``/``-shm`` are owner-only; ``PRAGMA quick_check`` finds a damaged file, which is
moved aside and reported as :class:`CorruptJournal` naming the newest good backup. Every
statement runs on a connection whose environment failures (disk full, read-only, locked,
damaged) surface as :class:`JournalUnavailable`, a :class:`StoreError` with a message a
person can act on; the transaction it interrupted is rolled back.

When the check runs (``check`` of :func:`open_journal`): always by default; never for the
window, which runs :func:`quick_check_ok` in the background; and, for the command line,
``check="due"``: only where it protects something. A clean close records, in the sidecar
``<journal>.checked`` (see :func:`check_record_path`), the day the journal last passed the
check and the journal file's identity, size and times just after the close; the check is
due unless that record is today's and still describes the file: a crash or ``kill -9``
leaves a ``-wal`` behind or the file different from the record, and so does any other
program that writes, copies or restores over it. The record is beside the journal, not
inside it, so that a read-only command never changes the journal's bytes.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import sqlite3
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import peewee

from dealjournal import domain
from dealjournal.errors import StoreError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store import backup_files, private, schema
from dealjournal.store.lock import JournalLock

log = logging.getLogger(__name__)


class _NoQueryLog(logging.Filter):
    """peewee logs every query *with its parameters* at DEBUG: personal data never goes to a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


logging.getLogger("peewee").addFilter(_NoQueryLog())

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32000,
}
SQLITE_MAGIC = b"SQLite format 3\x00"
ENV_DB = "DEALJOURNAL_DB"
CHANGED_KEY = "backup.changed"  # in `setting` while the journal holds changes no backup has
_UNTRACKED_SETTINGS = ("health_state_as_of",)  # derived data, rebuilt from the rest
# Tables whose changes are the user's data (the derived ones follow from these).
TRACKED_TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content",
                  "content_topic", "goal", "share", "interaction", "stage_change", "setting")


class JournalUnavailable(StoreError, sqlite3.OperationalError):
    """The environment refused a read or write: disk full, read-only, locked, damaged.

    Also a ``sqlite3.OperationalError`` so that code rolling back on SQLite errors still does.
    """


class CorruptJournal(StoreError):
    """The journal file is damaged; it was moved to :attr:`moved_to`.

    :attr:`backup` is the newest backup that passed ``integrity_check`` (None when there is
    none); restore it with :func:`dealjournal.safety.backup.restore`.
    """

    def __init__(self, message: str, *, journal: Path, moved_to: Path | None, backup: Path | None) -> None:
        super().__init__(message)  # args == (message,): the window translates a Phrase message
        self.journal = journal
        self.moved_to = moved_to
        self.backup = backup


# SQLite's primary result codes (sqlite3 has them as constants only from Python 3.11 on).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PROTOCOL, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 15, 26
_ENV_CODES = {_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PROTOCOL, _NOTADB}
_CORRUPT_CODES = {_CORRUPT, _NOTADB}


class _Damaged(sqlite3.DatabaseError):
    """``quick_check`` found problems."""


def _code(exc: BaseException) -> int:
    """The primary SQLite result code behind *exc* (looking through peewee's and our wrapping)."""
    seen: BaseException | None = exc
    for _depth in range(4):
        if seen is None:
            break
        if isinstance(seen, _Damaged):
            return _CORRUPT
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int):
            return int(code) & 0xFF
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = seen.__cause__ or nested
    text = str(exc).lower()  # Python 3.10 has no sqlite_errorcode: SQLite's standard messages
    return next((code for message, code in _MESSAGES if message in text), -1)


_MESSAGES = (("database is locked", _BUSY), ("table is locked", _LOCKED), ("readonly database", _READONLY),
             ("disk i/o error", _IOERR), ("disk image is malformed", _CORRUPT), ("disk is full", _FULL),
             ("unable to open database", _CANTOPEN), ("file is not a database", _NOTADB))


def _translated(exc: sqlite3.Error) -> BaseException:
    if isinstance(exc, JournalUnavailable) or _code(exc) not in _ENV_CODES:
        return exc
    path = journal_path()
    return JournalUnavailable(_explain(path or Phrase(QT_TRANSLATE_NOOP("core", "the journal")), exc))


class _Cursor(sqlite3.Cursor):
    def execute(self, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        conn: _Connection = self.connection  # type: ignore[assignment]
        rollback = str(args[0]).lstrip()[:8].upper() == "ROLLBACK"
        if rollback and not conn.in_transaction:
            # SQLite already rolled back (it does on SQLITE_FULL and some I/O errors); peewee's
            # own rollback would fail and hide the error that says why.
            conn.settle(committed=False)
            return self
        try:
            cursor = super().execute(*args)
        except sqlite3.Error as exc:
            conn.settle_failed()
            raise _translated(exc) from exc
        if rollback and not conn.in_transaction:
            conn.settle(committed=False)
        else:
            conn.settle_done()
        return cursor

    def executemany(self, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        try:
            cursor = super().executemany(*args)
        except sqlite3.Error as exc:
            self.connection.settle_failed()  # type: ignore[attr-defined]
            raise _translated(exc) from exc
        self.connection.settle_done()  # type: ignore[attr-defined]
        return cursor

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise _translated(exc) from exc



class _Connection(sqlite3.Connection):
    """A connection whose environment failures become :class:`JournalUnavailable`.

    It also knows whether it has *committed* a change (:attr:`wrote`): ``total_changes``
    alone counts the rows of transactions that were rolled back too.
    """

    wrote = False  # a change was committed on this connection (since the last reset)
    _settled = 0  # total_changes when the last transaction ended

    def settle(self, *, committed: bool) -> None:
        """A transaction (or an autocommit statement) ended: committed, or rolled back."""
        changes = self.total_changes
        if committed and changes != self._settled:
            self.wrote = True
        self._settled = changes

    def settle_done(self) -> None:
        if not self.in_transaction:  # an autocommit statement, or COMMIT / ROLLBACK as SQL
            self.settle(committed=True)

    def settle_failed(self) -> None:
        if not self.in_transaction:  # SQLite rolled the transaction back
            self.settle(committed=False)

    def reset_wrote(self) -> None:
        self.wrote = False
        self._settled = self.total_changes

    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)

    def execute(self, *args: Any) -> sqlite3.Cursor:
        try:
            cursor = super().execute(*args)
        except sqlite3.Error as exc:
            self.settle_failed()
            raise _translated(exc) from exc
        self.settle_done()
        return cursor

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        try:
            cursor = super().executemany(*args)
        except sqlite3.Error as exc:
            self.settle_failed()
            raise _translated(exc) from exc
        self.settle_done()
        return cursor

    def executescript(self, *args: Any) -> sqlite3.Cursor:
        try:
            cursor = super().executescript(*args)
        except sqlite3.Error as exc:
            self.settle_failed()
            raise _translated(exc) from exc
        self.settle_done()
        return cursor

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as exc:
            self.settle_failed()
            raise _translated(exc) from exc
        self.settle(committed=True)

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            if not self.in_transaction:
                self.settle(committed=False)


db = peewee.SqliteDatabase(None)
_lock: JournalLock | None = None
# The open journal and the day it last passed quick_check, as far as this session knows (None: not
# known to be sound); what a clean close records (see _record_clean_close).
_checked: tuple[str, date | None] | None = None

Check = bool | Literal["due"]
"""``open_journal``'s *check*: True always, False never (the caller checks), "due" when it protects something."""


# Background work (the window's integrity check and health rebuild) runs in worker threads,
# each on a connection of its own (peewee keeps one per thread, and closing or re-initialising
# `db` on the main thread leaves the others open). So that no such connection is left on a
# journal that is being closed, replaced or set aside, a worker names the opening of the
# journal it works on (journal_generation(), taken on the main thread when the work starts)
# and close_journal() stops every worker registered here and waits until its connection is
# closed; a worker whose opening is over by the time it connects does nothing.
_openings = itertools.count(1)
_current: int | None = None  # the number of the current opening of the journal; None: none open
_background = threading.Condition()  # guards _current and _workers
_workers: dict[int, _Worker] = {}
BACKGROUND_STOP_S = 10.0  # close_journal() waits this long at most for background work to stop


class _Worker:
    """One worker thread's connection, registered for close_journal() to stop it."""

    def __init__(self, finish: bool = False) -> None:
        self.thread = threading.current_thread()
        self.finish = finish  # waited for, never interrupted (a sync pass writing files and its state)
        self.stop = threading.Event()
        self.conn: sqlite3.Connection | None = None


def journal_generation() -> int | None:
    """Which opening of the journal is current (None: no journal is open), for background work:
    see :func:`connection_for_thread`."""
    return _current


def background_connections() -> int:
    """How many background workers have a connection on the journal now (see
    :func:`connection_for_thread`)."""
    with _background:
        return len(_workers)


@contextlib.contextmanager
def connection_for_thread(*, generation: int | None = None, finish: bool = False) -> Iterator[bool]:
    """Make sure this thread has its own connection (peewee keeps one per thread); close
    it afterwards when it was opened here. Yields whether a journal is open at all.

    With *generation* (:func:`journal_generation` when the work was started) the thread is
    background work on that opening of the journal: it yields False when that journal has
    been closed since, and :func:`close_journal` interrupts its statements (they fail with
    ``interrupted``) and waits until its connection is closed; with *finish* it is not
    interrupted, only waited for (at most :data:`BACKGROUND_STOP_S`).
    """
    if generation is None:
        if db.database is None:
            yield False
            return
        opened = db.connect(reuse_if_open=True)
        try:
            yield True
        finally:
            if opened:
                db.close()
        return
    worker = _Worker(finish)
    key = id(worker)
    with _background:
        current = generation == _current and db.database is not None
        if current:
            _workers[key] = worker  # from now on close_journal() waits for this thread
    if not current:
        yield False
        return
    conn: sqlite3.Connection | None = None
    try:
        db.connect(reuse_if_open=True)  # the journal cannot be closed meanwhile: close_journal() waits
        conn = db.connection()
        if not finish:
            conn.set_progress_handler(worker.stop.is_set, 1000)  # a stopped worker's next statement fails
        with _background:
            worker.conn = conn
            if worker.stop.is_set() and not finish:
                conn.interrupt()
        yield True
    except BaseException as exc:
        # The frames of the failed (e.g. interrupted) work hold its cursors, and so unfinished
        # statements, which would keep the connection, and the file, open after close().
        _release_frames(exc)
        raise
    finally:
        with _background:
            worker.conn = None  # no interrupt() from now on: the connection is being closed
        try:
            db.close()
        except (peewee.PeeweeException, sqlite3.Error):
            log.debug("Closing a background connection failed", exc_info=True)
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
        with _background:
            del _workers[key]
            _background.notify_all()


def _release_frames(exc: BaseException) -> None:
    """Drop the local variables of the finished frames in *exc*'s tracebacks (and its causes')."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        err = pending.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        traceback.clear_frames(err.__traceback__)  # (frames still running are left as they are)
        pending += [err.__cause__, err.__context__]


def _stop_background() -> None:
    """The journal closes: end its opening, stop its background work and wait for it (bounded)."""
    global _current
    me = threading.current_thread()
    with _background:
        _current = None
        waiting = [w for w in _workers.values() if w.thread is not me]
        for worker in waiting:
            worker.stop.set()
            if worker.conn is not None and not worker.finish:
                worker.conn.interrupt()  # a statement running now (quick_check) stops at once
        deadline = time.monotonic() + BACKGROUND_STOP_S
        while any(w in _workers.values() for w in waiting):
            left = deadline - time.monotonic()
            if left <= 0:
                log.warning("Background work on the journal did not stop in %.0f s", BACKGROUND_STOP_S)
                break
            _background.wait(left)


def default_journal_path() -> Path:
    """The journal named by ``DEALJOURNAL_DB``, else ``journal.sqlite3`` in the user data folder."""
    named = os.environ.get(ENV_DB)
    if named:
        return Path(named).expanduser()
    import platformdirs

    return platformdirs.user_data_path("dealjournal", appauthor=False) / "journal.sqlite3"


def open_journal(path: Path | str, *, create: bool = True, check: Check = True) -> peewee.SqliteDatabase:
    """Open (and if needed create or upgrade) the journal at *path*; return :data:`db`.

    *check* runs ``PRAGMA quick_check`` first (seconds on a big journal): the window passes
    False and runs :func:`quick_check_ok` in the background after it appears instead; the
    command line passes ``"due"``: the check runs unless the journal passed one today and
    was closed cleanly by Deal Journal since (see :func:`check_is_due`).

    Raises :class:`StoreError` with a message a person can act on when the file is not a
    journal, was written by a newer version, cannot be opened, or is in use by another
    process (:class:`~dealjournal.store.lock.JournalInUse`); :class:`CorruptJournal` when it
    is damaged (the file has then been moved aside).
    """
    global _lock, _current
    path = Path(path)
    held = _lock if _lock is not None and _lock.journal.resolve() == path.resolve() else None
    close_journal(keep_lock=held is not None)
    _check_file(path, create)
    if not path.exists():
        try:
            private.make_private_folder(path.parent)
        except OSError as exc:
            raise StoreError(Phrase(QT_TRANSLATE_NOOP(
                "core", "Cannot create the folder for the journal {folder}: {reason}"),
                folder=str(path.parent), reason=str(exc.strerror))) from exc
    lock = held or JournalLock(path)
    try:
        lock.acquire()
        _open_locked(path, check)
    except BaseException:
        lock.release()
        _lock = None
        raise
    _lock = lock
    with _background:
        _current = next(_openings)
    return db


def _open_locked(path: Path, check: Check) -> None:
    global _checked
    checked_on = _checked_since_clean_close(path)  # before connecting: that creates a -wal
    try:
        private.create_private_file(path)
    except OSError as exc:
        raise StoreError(_explain(path, exc)) from exc
    private.private_journal_files(path)
    db.init(str(path), pragmas=PRAGMAS, check_same_thread=False, factory=_Connection)
    try:
        db.connect()
        _check_identity(path)
        if check is True or (check == "due" and checked_on != domain.today()):
            _quick_check(path)
            checked_on = domain.today()
        _upgrade(path)
        _track_changes()
        db.connection().reset_wrote()  # its own upgrade and bookkeeping do not count
        _checked = (str(path), checked_on)
    except (StoreError, peewee.DatabaseError, sqlite3.Error) as exc:
        _close_quietly()
        if _code(exc) in _CORRUPT_CODES:
            raise _move_aside(path, exc) from exc
        if isinstance(exc, StoreError):
            raise
        raise StoreError(_explain(path, exc)) from exc
    except BaseException:
        _close_quietly()
        raise
    private.private_journal_files(path)


def close_journal(*, keep_lock: bool = False) -> None:
    """Close the connection if one is open and give up the journal's lock (safe at any time).

    *keep_lock* keeps this process the journal's writer while the file is replaced
    (restore); the next :func:`open_journal` of the same path takes the lock over.
    """
    global _lock, _checked
    _stop_background()  # no other connection may stay on the journal being closed (or replaced)
    if db.database is not None and not db.is_closed():
        try:
            # Keeps the query planner's statistics current — after writes only, so that a
            # command that changed nothing (or failed) leaves the file byte for byte as it was.
            if getattr(db.connection(), "wrote", True):
                db.execute_sql("PRAGMA optimize")
        except (peewee.DatabaseError, sqlite3.Error):
            log.debug("PRAGMA optimize failed", exc_info=True)
        closed = _close_quietly()
        session, _checked = _checked, None
        if session is not None and session[0] == db.database:
            _record_clean_close(Path(session[0]), session[1] if closed else None)
    if not keep_lock and _lock is not None:
        _lock.release()
        _lock = None


def hold_lock(path: Path) -> None:
    """Close any open journal and become the writer of *path* without opening it.

    For replacing a file that cannot be opened (a restore over a damaged journal); the
    next :func:`open_journal` of *path* takes the lock over, :func:`close_journal` gives it up.
    """
    global _lock
    close_journal()
    lock = JournalLock(Path(path))
    lock.acquire()
    _lock = lock


def _close_quietly() -> bool:
    try:
        db.close()
    except (peewee.DatabaseError, sqlite3.Error):
        log.warning("Closing the journal failed", exc_info=True)
        return False
    return True


def journal_path() -> Path | None:
    """The path of the open journal, or None."""
    return Path(db.database) if db.database and db.database != ":memory:" else None


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "{path} is a folder, not a journal file."), path=str(path)))
    if not path.exists():
        if not create:
            raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "There is no journal at {path}."), path=str(path)))
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(100)  # SQLite's file header
    except OSError as exc:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."),
                                path=str(path), reason=str(exc.strerror))) from exc
    if head and head[:len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP(
            "core", "{path} is not a Deal Journal file (it is not an SQLite database)."),
            path=str(path)))
    # A journal of a newer format is refused before SQLite opens it (which could change it,
    # e.g. by switching its journal mode); _upgrade asks SQLite again (the header is not
    # current while a -wal holds changes to it).
    if len(head) == 100 and int.from_bytes(head[68:72], "big") == schema.APPLICATION_ID:
        version = int.from_bytes(head[60:64], "big")
        if version > schema.SCHEMA_VERSION:
            raise _newer_version(path, version)


def _check_identity(path: Path) -> None:
    conn = db.connection()
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables and app_id != schema.APPLICATION_ID:
        raise StoreError(Phrase(QT_TRANSLATE_NOOP("core", "{path} is an SQLite database but not a Deal Journal file."),
                                path=str(path)))


def _quick_check(path: Path) -> None:
    rows = [r[0] for r in db.connection().execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        log.warning("quick_check found %d problems in the journal", len(rows))
        raise _Damaged("database disk image is malformed (quick_check)")


# --- when the check is due --------------------------------------------------------------------

_RECORD_FORMAT = 1
_RECORD_SETTLE_S = 0.08  # at most this long for the record's time to pass the journal's (coarse clocks)


def check_record_path(journal: Path) -> Path:
    """The sidecar recording the journal's last clean close (``journal.sqlite3.checked``)."""
    return journal.with_name(journal.name + ".checked")


def check_is_due(path: Path | str) -> bool:
    """Whether ``open_journal(path, check="due")`` would run ``quick_check`` (for a closed journal).

    Not due only when the journal passed a check today and the last clean close of Deal
    Journal recorded it exactly as it is now, with no ``-wal`` or ``-shm`` beside it.
    """
    return _checked_since_clean_close(Path(path)) != domain.today()


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _side_files_left(path: Path) -> bool:
    return any(path.with_name(path.name + suffix).exists() for suffix in private.SIDE_FILES)


def _checked_since_clean_close(path: Path) -> date | None:
    """The day the journal last passed a check, if nothing touched it since Deal Journal closed it cleanly."""
    record = check_record_path(path)
    try:
        text = record.read_text(encoding="utf-8")
        recorded_at = os.stat(record).st_mtime_ns
        st = os.stat(path)
    except (OSError, UnicodeDecodeError):
        return None
    if _side_files_left(path):  # a hot -wal: a crash (or another program has the file open)
        return None
    try:
        data = json.loads(text)
        if not (isinstance(data, dict) and data.get("format") == _RECORD_FORMAT
                and data.get("journal") == _identity(st)
                # Written in a clock tick after the journal's last change: any change since shows in its times.
                and recorded_at > max(st.st_mtime_ns, st.st_ctime_ns)):
            return None
        return date.fromisoformat(data["checked_on"])
    except (ValueError, TypeError, KeyError):
        return None


def _record_clean_close(path: Path, checked_on: date | None) -> None:
    """After a clean close: record that *path* passed a check on *checked_on* and is as it is now.

    Nothing is recorded (and an old record goes) when the day is not known, a ``-wal`` or
    ``-shm`` is still there (another connection is open), or the file system's clock is too
    coarse to tell this state from a change made just after it. Best effort: a failure only
    means that the next open checks.
    """
    record = check_record_path(path)
    try:
        if checked_on is not None and not _side_files_left(path) and _write_record(path, record, checked_on):
            return
    except OSError as exc:
        log.debug("Cannot record the journal's check: %s", exc.strerror)
    with contextlib.suppress(OSError):
        record.unlink()


def _write_record(path: Path, record: Path, checked_on: date) -> bool:
    st = os.stat(path)
    text = json.dumps({"format": _RECORD_FORMAT, "checked_on": checked_on.isoformat(), "journal": _identity(st)})
    newest = max(st.st_mtime_ns, st.st_ctime_ns)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if record.read_text(encoding="utf-8") == text and os.stat(record).st_mtime_ns > newest:
            return True  # a session that changed nothing: the record stands
    tmp = record.with_name(record.name + ".tmp")
    deadline = time.monotonic() + _RECORD_SETTLE_S
    try:
        while True:
            private.create_private_file(tmp)
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, record)
            if os.stat(record).st_mtime_ns > newest:
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()  # e.g. a full disk: no temporary file left behind
        raise


def quick_check_ok() -> bool:
    """Whether the open journal passes ``PRAGMA quick_check`` (on this thread's connection).

    A pass counts as the journal's check of the day (see :func:`check_is_due`).
    """
    global _checked
    checking = db.database
    try:
        _quick_check(Path(checking))
    except _Damaged:
        return False
    except (peewee.DatabaseError, sqlite3.Error) as exc:
        if _code(exc) in _CORRUPT_CODES:
            return False
        raise
    if _checked is not None and _checked[0] == checking == db.database:
        _checked = (checking, domain.today())
    return True


def set_aside_damaged(path: Path) -> CorruptJournal:
    """After a failed background check: close the journal, move it aside; the error to show."""
    global _checked
    _checked = None  # nothing to record of a damaged journal
    close_journal()
    db.init(None)  # nothing may reconnect (and so recreate an empty file) at the old path
    return _move_aside(path, _Damaged("database disk image is malformed (quick_check)"))


def _move_aside(path: Path, exc: BaseException) -> CorruptJournal:
    """Move the damaged journal (with its -wal) out of the way; the error that says so."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    moved: Path | None = target
    try:
        os.replace(path, target)
        for suffix in private.SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
    except OSError as err:
        log.warning("Cannot move the damaged journal aside: %s", err.strerror)
        moved = None
    with contextlib.suppress(OSError):
        check_record_path(path).unlink()
    good = backup_files.newest_good_backup(path)
    log.warning("The journal is damaged (%s); moved aside: %s", type(exc).__name__, moved is not None)
    if moved:
        damaged = Phrase(QT_TRANSLATE_NOOP("core", "The journal {path} is damaged and was moved to {moved}."),
                         path=str(path), moved=str(moved))
    else:
        damaged = Phrase(QT_TRANSLATE_NOOP("core", "The journal {path} is damaged."), path=str(path))
    taken = backup_files.taken_at(good) if good else None
    if good and taken:
        rescue = Phrase(QT_TRANSLATE_NOOP(
            "core", "The newest good backup is {name}, taken {taken}; restore it to continue."),
            name=good.name, taken=f"{taken:%Y-%m-%d %H:%M}")
    elif good:
        rescue = Phrase(QT_TRANSLATE_NOOP("core", "The newest good backup is {name}; restore it to continue."),
                        name=good.name)
    else:
        rescue = Phrase(QT_TRANSLATE_NOOP("core", "No good backup was found."))
    return CorruptJournal(Phrase.joined([damaged, rescue], " "), journal=path, moved_to=moved, backup=good)


def _upgrade(path: Path) -> None:
    conn = db.connection()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if version > schema.SCHEMA_VERSION:
        raise _newer_version(path, version)
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


def _newer_version(path: Path, version: int) -> StoreError:
    return StoreError(Phrase(QT_TRANSLATE_NOOP(
        "core", "{path} was written by a newer version of Deal Journal (journal format {version}); "
                "this version reads formats up to {supported}. "
                "Install the newer Deal Journal to open it; the file has not been changed."),
        path=str(path), version=version, supported=schema.SCHEMA_VERSION))


def _copy_before_upgrade(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-v{version}-{stamp}")
    private.create_private_file(target)
    dest = sqlite3.connect(target)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    private.private_file(target)
    return target


# --- what changed since the last backup -----------------------------------------------------
# TEMP triggers (never stored in the file) mark the journal changed at the first row a
# transaction inserts, updates or deletes in a tracked table: a flag in temp.dj_backup_state
# for this session, and the CHANGED_KEY setting inside the same transaction, so that it
# survives a crash and is rolled back with the change that set it.

def _track_changes() -> None:
    _install_change_tracking(db.connection())


def _install_change_tracking(conn: sqlite3.Connection) -> None:
    """Temporary triggers (per connection) that mark the journal changed since its last backup.

    The mark that counts is the ``setting`` row (shared by every connection, written in the
    changing transaction); the temporary flag only saves re-writing it on every row.
    """
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "setting" not in present:
        return  # a new file: the main connection installs them once the schema exists
    changed = conn.execute("SELECT 1 FROM setting WHERE key = ?", (CHANGED_KEY,)).fetchone() is not None
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS dj_backup_state (dirty INTEGER NOT NULL)")
    conn.execute("DELETE FROM temp.dj_backup_state")
    conn.execute("INSERT INTO temp.dj_backup_state VALUES (?)", (int(changed),))
    skipped = ", ".join(f"'{key}'" for key in _UNTRACKED_SETTINGS)
    for table in TRACKED_TABLES:
        if table not in present:
            continue
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            when = "(SELECT dirty FROM dj_backup_state) = 0"
            if table == "setting":
                when += f" AND {row}.key NOT LIKE 'backup.%' AND {row}.key NOT IN ({skipped})"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS dj_changed_{table}_{event.lower()} AFTER {event} "
                f"ON main.{table} WHEN {when} BEGIN "
                "UPDATE dj_backup_state SET dirty = 1; "
                f"INSERT OR REPLACE INTO setting (key, value) VALUES ('{CHANGED_KEY}', '1'); END")


def mark_changed() -> None:
    """Record that the journal changed, from any thread (the change-tracking triggers live on
    the main connection only; bulk writers in worker threads call this in their transaction)."""
    db.connection().execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", (CHANGED_KEY,))


def changed_since_backup() -> bool:
    """Whether the open journal holds changes that no backup has yet (made by any connection)."""
    conn = db.connection()
    if conn.execute("SELECT 1 FROM setting WHERE key = ?", (CHANGED_KEY,)).fetchone() is not None:
        return True
    row = conn.execute("SELECT dirty FROM temp.dj_backup_state").fetchone()
    return bool(row and row[0])


def set_backed_up(done: bool) -> None:
    """Record that a backup now holds everything (*done*) or not; best effort when read-only."""
    conn = db.connection()
    with db.atomic():
        # Only when it differs: a write, even to the temporary table, counts as one (see _Connection.wrote).
        conn.execute("UPDATE temp.dj_backup_state SET dirty = ? WHERE dirty != ?", (int(not done),) * 2)
        with contextlib.suppress(JournalUnavailable):
            if done:
                conn.execute("DELETE FROM setting WHERE key = ?", (CHANGED_KEY,))
            else:
                conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", (CHANGED_KEY,))


def _explain(path: Path | str, exc: BaseException) -> Phrase:
    """What an environment failure means for the journal at *path* (a path, or a Phrase naming it)."""
    text = str(exc).lower()
    code = _code(exc)
    where = path if isinstance(path, Phrase) else str(path)
    if code in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} is in use by another program; close it and try again."),
            path=where)
    if code == _READONLY or "readonly" in text or "read-only" in text \
            or getattr(exc, "errno", None) in (13, 30):
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} cannot be written: the file or its folder is read-only."),
            path=where)
    if code == _FULL or "full" in text or getattr(exc, "errno", None) == 28:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The disk holding {path} is full; free some space and try again. Nothing was saved."), path=where)
    if code in _CORRUPT_CODES or "malformed" in text or "not a database" in text or "corrupt" in text:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} is damaged ({problem}). Close it and restore a backup."),
            path=where, problem=str(exc))
    if code == _CANTOPEN or "unable to open" in text:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} cannot be opened: check that its folder exists and is writable."), path=where)
    if code == _IOERR:
        return Phrase(QT_TRANSLATE_NOOP(
            "core", "The journal {path} could not be read or written (disk error: {problem}). Nothing was saved."),
            path=where, problem=str(exc))
    return Phrase(QT_TRANSLATE_NOOP(
        "core", "The journal {path} cannot be opened: {problem}"), path=where, problem=str(exc))
