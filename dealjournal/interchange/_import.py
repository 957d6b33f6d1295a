"""Importing an exchange document, all or nothing, in one transaction.

A file is read a record at a time (:mod:`._stream`) and each record is checked as it is
read, by the same checks as a parsed document (:mod:`._records`), so that memory holds a
chunk of the text and of rows and the ids of contacts, goals and content, never the
document. The problems are those a check of the whole parsed document gives, in the same
order, wherever they are in the file (a newer version named after the records, a lone
surrogate, a syntax error at its end).

A file is read twice: :func:`prepare_file` checks all of it without touching any journal;
:func:`import_prepared` reads it again, checking each record again as it builds the rows,
and writes them in chunks with ``executemany`` inside one ``BEGIN IMMEDIATE`` transaction.
Nothing is written for a file with a problem (not even a statement prepared: closing the
journal analyses the tables a connection used, which would change the file). Any failure
while writing rolls the transaction back, leaving the journal as it was.

New contacts, goals and content get the row ids following the journal's current highest
ones (the offset is added in SQL, so the checked tuples are written as they are).

The sections are checked in the order contacts, content, shares, interactions, reminders
(a record refers to records of the sections before its own). A file that holds them in
another order, or a section twice, is read once more for each section out of place (when
writing, the rows written so far are rolled back to a savepoint first): hand-written
files, rarely.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any

import peewee

from dealjournal.errors import FormatError, JournalError, nothing_imported
from dealjournal.health import state as health_state
from dealjournal.health import touches
from dealjournal.interchange._records import SECTIONS, check, check_head, check_section, checked, raise_problems
from dealjournal.interchange._stream import KEEP, SKIP, Items, Reader
from dealjournal.interchange._validate import (
    MAX_PROBLEMS, Checker, Rows, document, find_unencodable, json_object, problem,
)
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store import settings as journal_settings
from dealjournal.store.db import db, mark_changed
from dealjournal.store.gids import is_gid, new_gid

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
CHUNK = 50_000  # rows per executemany between progress reports
# A file's rows are written after every FLUSH records or FLUSH_BYTES of its text read.
FLUSH = 5_000
FLUSH_BYTES = 4 << 20


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind an import added, and the ids of the new contacts."""

    contacts: int = 0
    emails: int = 0
    phones: int = 0
    tags: int = 0
    channels: int = 0
    goals: int = 0
    stage_changes: int = 0
    content: int = 0
    topics: int = 0
    shares: int = 0
    interactions: int = 0
    settings_applied: bool = False
    contact_ids: range = range(0)

    def __str__(self) -> str:
        """"3 contacts, 1 content item, 0 shares and 7 interactions" (a Phrase)."""
        text = Phrase(
            QT_TRANSLATE_NOOP("core", "{contacts}, {content}, {shares} and {interactions}"),
            contacts=plural(self.contacts, QT_TRANSLATE_NOOP("core", "{n:,} contact"),
                            QT_TRANSLATE_NOOP("core", "{n:,} contacts")),
            content=plural(self.content, QT_TRANSLATE_NOOP("core", "{n:,} content item"),
                           QT_TRANSLATE_NOOP("core", "{n:,} content items")),
            shares=plural(self.shares, QT_TRANSLATE_NOOP("core", "{n:,} share"),
                          QT_TRANSLATE_NOOP("core", "{n:,} shares")),
            interactions=plural(self.interactions, QT_TRANSLATE_NOOP("core", "{n:,} interaction"),
                                QT_TRANSLATE_NOOP("core", "{n:,} interactions")))
        if self.settings_applied:
            return Phrase(QT_TRANSLATE_NOOP("core", "{summary} (and the file's settings)"), summary=text)
        return text

    @property
    def total(self) -> int:
        """Records added, of every kind."""
        return (self.contacts + self.emails + self.phones + self.tags + self.channels + self.goals
                + self.stage_changes + self.content + self.topics + self.shares + self.interactions)


def validate(doc: object) -> None:
    """Check *doc* against the exchange format; raise :class:`FormatError` listing every problem."""
    check(doc)
    bad_text = find_unencodable(doc)
    if bad_text:
        raise FormatError(bad_text)


def read_document(path: Path | str) -> dict[str, Any]:
    """The parsed JSON object in the file at *path* (not yet validated; held whole in memory).

    Raises :class:`FormatError` when it is not UTF-8, not JSON or not an object (or holds a
    text longer than the limit, see :mod:`._stream`), and :class:`JournalError` when it cannot be read.
    """
    return _read_whole(Path(path))[0]


def read_file(path: Path | str) -> dict[str, Any]:
    """The document in the file at *path*, fully validated (nothing is written anywhere)."""
    doc, may_hold_surrogates = _read_whole(Path(path))
    check(doc)
    if may_hold_surrogates:
        bad_text = find_unencodable(doc)
        if bad_text:
            raise FormatError(bad_text)
    return doc


@dataclass(frozen=True)
class RowCounts:
    """How many records of each kind a checked file holds, each as a sized range (``len``)."""

    contacts: range
    emails: range
    phones: range
    tags: range
    channels: range
    goals: range
    stage_changes: range
    content: range
    topics: range
    shares: range
    interactions: range


@dataclass(frozen=True)
class PreparedImport:
    """A file read and fully validated, ready to be imported into any journal.

    Holds what the file adds (*summary*; whether its settings apply depends on the journal),
    not its rows: :func:`import_prepared` reads the file again, checking it again as it writes.
    (What is not a regular file, a pipe say, cannot be read twice: its bytes are kept.)
    """

    path: Path
    summary: ImportSummary
    data: bytes | None = field(default=None, repr=False)

    @property
    def rows(self) -> RowCounts:
        """The number of records of each kind (``len(prepared.rows.contacts)``)."""
        return RowCounts(**{f.name: range(getattr(self.summary, f.name)) for f in fields(RowCounts)})


def prepare_file(path: Path | str) -> PreparedImport:
    """Read and validate the file at *path* without touching any journal (FormatError if invalid)."""
    path = Path(path)
    data = None
    with _opened(path) as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            try:
                data = handle.read()
            except OSError as exc:
                raise _unreadable(path, exc) from exc
        with io.BytesIO(data) if data is not None else nullcontext(handle) as source:
            sink = _check_file(source, path, lambda checker: _Sink(checker))
    return PreparedImport(path, sink.summary(), data)


def import_prepared(prepared: PreparedImport, *, progress: Progress | None = None) -> ImportSummary:
    """Import the file *prepared* from into the open journal, all or nothing (see :func:`import_file`)."""
    s = prepared.summary
    total = (s.contacts + s.content + s.goals + s.shares + s.interactions) or 1
    return _import_path(prepared.path, prepared.data, progress, total)


def import_file(path: Path | str, *, progress: Progress | None = None) -> ImportSummary:
    """Import the exchange file at *path* into the open journal, all or nothing.

    Raises :class:`FormatError` (nothing written) when the file is not valid and
    :class:`JournalError` when it cannot be read or the journal cannot be written. The
    file's settings are applied only when the journal has no contacts and no content.
    *progress* is called with (records written, records in the file) and must return quickly.
    """
    return import_prepared(prepare_file(path), progress=progress)


def import_document(doc: object, *, progress: Progress | None = None) -> ImportSummary:
    """Add every record of the parsed document *doc* to the open journal, all or nothing.

    Nothing is written before the whole document has been checked. Raises
    :class:`FormatError` (nothing written) when the document is not valid and
    :class:`JournalError` when the journal cannot be written. The document's settings are
    applied only when the journal has no contacts and no content. *progress* is called
    with (records done, records in all) and must return quickly.
    """
    checker = checked(doc)  # the checker, not only its rows: it knows the records' file ids, kept as their gids
    r = checker.rows
    total = (len(r.contacts) + len(r.content) + len(r.goals) + len(r.shares) + len(r.interactions)) or 1

    def write(conn: sqlite3.Connection, offsets: tuple[int, int, int]) -> _Sink:
        sink = _Sink(checker, conn, offsets, progress, total)
        sink.flush()
        return sink

    try:
        return _transaction(write, progress, total)
    except UnicodeEncodeError:
        raise FormatError(find_unencodable(doc) or [problem(document(), Phrase(QT_TRANSLATE_NOOP(
            "core", "contains text that is not valid Unicode")))]) from None


def _import_path(path: Path, data: bytes | None, progress: Progress | None, total: int) -> ImportSummary:
    """Import the file at *path* (or its bytes *data*), checking it again as it is read
    (*total*: records to write)."""
    with io.BytesIO(data) if data is not None else _opened(path) as handle:

        def write(conn: sqlite3.Connection, offsets: tuple[int, int, int]) -> _Sink:
            sinks: list[_Sink] = []

            def attempt(checker: Checker) -> _Sink:
                if sinks:  # the file is read again: what was written so far goes
                    conn.execute("ROLLBACK TO interchange_read")
                sinks.append(_Sink(checker, conn, offsets, progress, total))
                return sinks[-1]

            conn.execute("SAVEPOINT interchange_read")
            sink = _check_file(handle, path, attempt)
            conn.execute("RELEASE interchange_read")
            return sink

        return _transaction(write, progress, total)


def _transaction(write: Callable[[sqlite3.Connection, tuple[int, int, int]], _Sink], progress: Progress | None,
                 total: int) -> ImportSummary:
    """Run *write* (given the connection and the journal's highest contact, goal and content
    ids) and what follows an import in one transaction; the summary of what it added."""
    if progress is not None:
        progress(0, total)
    try:
        conn = db.connection()
        with db.atomic("IMMEDIATE"):
            cb, gb, kb = _max_id(conn, "contact"), _max_id(conn, "goal"), _max_id(conn, "content")
            sink = write(conn, (cb, gb, kb))
            rows = sink.checker.rows
            apply_settings = rows.has_settings and cb == 0 and kb == 0
            contact_ids = range(cb + 1, cb + sink.counts["contacts"] + 1)
            if contact_ids:
                touches.refresh(contact_ids)
            if apply_settings:
                _apply_settings(rows)
            health_state.invalidate()  # a bulk change: the stored health figures are rebuilt on next use
            mark_changed()  # for the next automatic backup, whichever thread this runs in
    except (sqlite3.Error, peewee.PeeweeException) as exc:
        log.warning("Import rolled back: %s", type(exc).__name__)
        raise JournalError(nothing_imported(exc)) from exc
    if progress is not None:
        progress(total, total)
    summary = sink.summary(settings_applied=apply_settings, contact_ids=contact_ids)
    log.info("Imported %d contacts, %d content items, %d shares, %d interactions",
             summary.contacts, summary.content, summary.shares, summary.interactions)
    return summary


def _max_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


# --- reading a file ------------------------------------------------------------------------

def _opened(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> JournalError:
    return JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."),
                               path=str(path), reason=str(exc.strerror or exc)))


def _how(key: str) -> int:
    """How the reader takes a top-level object value: only settings are looked into."""
    return KEEP if key == "settings" else SKIP


def _read_whole(path: Path) -> tuple[dict[str, Any], bool]:
    """The document and whether its text holds an escape that may decode to a lone surrogate."""
    with _opened(path) as handle:
        try:
            reader = Reader(handle, path.name)
            pairs: list[tuple[str, Any]] = []
            maybe = False
            for key, value in reader.members(lambda key: KEEP):
                if isinstance(value, Items):
                    elements = []
                    for element in value:
                        elements.append(element)
                        maybe = maybe or reader.may_hold_surrogates()
                    value = elements
                else:
                    maybe = maybe or reader.may_hold_surrogates()
                pairs.append((key, value))
        except OSError as exc:
            raise _unreadable(path, exc) from exc
    return json_object(pairs), maybe


def _check_file(handle: IO[bytes], path: Path, attempt: Callable[[Checker], _Sink]) -> _Sink:
    """Read the file and check every record as it is read, *attempt*'s sink taking the rows.

    *attempt* makes the sink of a new checker: again (after rolling back what the first one
    wrote) when the file holds its sections out of order. Raises :class:`FormatError` with
    every problem, and :class:`JournalError` when the file cannot be read.
    """
    try:
        run = _Run(handle, path.name, attempt(Checker()))
        pairs = run.read(None)
        sections = [(i, key) for i, (key, _) in enumerate(pairs) if key in SECTIONS]
        if run.irregular:
            last = {key: i for i, key in sections}
            run = _Run(handle, path.name, attempt(Checker()), run.head_surrogates)
            for wanted in _passes([last[name] for name in SECTIONS if name in last]):
                run.read(wanted)
        checker, sink = run.checker, run.sink
        whole = check_head(checker, json_object(pairs))
        sink.flush()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    raise_problems(checker, whole)
    if run.surrogates or run.head_surrogates:
        found = sorted(run.head_surrogates + run.surrogates, key=lambda place_problem: place_problem[0])
        raise FormatError([p for _, p in found[:MAX_PROBLEMS]])
    return sink


def _passes(places: list[int]) -> list[set[int]]:
    """The sections at *places* (member numbers, in checking order) grouped into reads of
    the file, each taking them in file order."""
    passes: list[set[int]] = []
    before = -1
    for place in places:
        if place < before or not passes:
            passes.append(set())
        passes[-1].add(place)
        before = place
    return passes


class _Run:
    """One checker's reading of the file (once, or once per group of sections in order)."""

    def __init__(self, handle: IO[bytes], name: str, sink: _Sink,
                 head_surrogates: list[tuple[int, str]] | None = None) -> None:
        self.handle = handle
        self.name = name
        self.sink = sink
        self.checker = sink.checker
        self.irregular = False  # a section came after one checked later, or twice
        # (member number, problem) of text that cannot be stored, in the sections and in the
        # other members (those are found on the first reading only)
        self.surrogates: list[tuple[int, str]] = []
        self.head_surrogates = head_surrogates or []

    def read(self, wanted: set[int] | None) -> list[tuple[str, Any]]:
        """Read the file from its start, checking the sections at *wanted* (None: each section
        in file order while they are in checking order); the top level's members as
        (key, value), a section's value left out."""
        self.handle.seek(0)
        reader = Reader(self.handle, self.name)
        pairs: list[tuple[str, Any]] = []
        rank = -1
        for i, (key, value) in enumerate(reader.members(_how)):
            if key in SECTIONS:
                if wanted is None:
                    now = SECTIONS.index(key)
                    if now <= rank:
                        self.irregular = True
                    rank = max(rank, now)
                take = (i in wanted) if wanted is not None else not self.irregular
                if take:
                    self._section(reader, i, key, value)
                pairs.append((key, None))
                continue
            if isinstance(value, Items):
                value.drain()
                value = []  # only its type matters: it is not a list of records
            elif wanted is None and reader.may_hold_surrogates():
                self.head_surrogates.extend((i, found) for found in find_unencodable(value, key))
            pairs.append((key, value))
        return pairs

    def _section(self, reader: Reader, place: int, key: str, value: Any) -> None:
        if isinstance(value, Items):
            check_section(self.checker, key, self._records(reader, value, place, key))
        else:
            check_section(self.checker, key, value)
        self.sink.flush()

    def _records(self, reader: Reader, items: Items, place: int, key: str) -> Iterator[Any]:
        """The section's records, noting text that cannot be stored, the rows flushed as they build up."""
        sink = self.sink
        unstorable = 0
        n = 0
        read = reader.fed
        for record in items:
            if reader.may_hold_surrogates() and unstorable < MAX_PROBLEMS:
                found = find_unencodable(record, f"{key}[{items.index}]")
                if found:
                    sink.storable = False
                    unstorable += len(found)
                    self.surrogates.extend((place, p) for p in found)
            yield record
            n += 1
            if n == FLUSH or reader.fed - read > FLUSH_BYTES:
                sink.flush()
                n = 0
                read = reader.fed


# --- writing -------------------------------------------------------------------------------

# (Rows attribute, statement, counted in the progress) in the order they are written: a
# row's parent before it. cb, gb, kb: the journal's highest contact, goal and content ids.
_TABLES = (
    ("contacts", "INSERT INTO contact (id, name, given_name, family_name, company, title, website, location, "
                 "notes, stage, cadence_days, buying_style, source, created_on, archived) "
                 "VALUES (?+{cb},?,?,?,?,?,?,?,?,?,?,?,?,?,?)", True),
    ("emails", "INSERT INTO contact_email (contact_id, label, value) VALUES (?+{cb},?,?)", False),
    ("phones", "INSERT INTO contact_phone (contact_id, label, value) VALUES (?+{cb},?,?)", False),
    ("tags", "INSERT INTO contact_tag (contact_id, tag) VALUES (?+{cb},?)", False),
    ("channels", "INSERT INTO channel (contact_id, network, handle, url, following_since, follows_back) "
                 "VALUES (?+{cb},?,?,?,?,?)", False),
    ("goals", "INSERT INTO goal (id, contact_id, title, details, priority, status, target_on, created_on, "
              "closed_on) VALUES (?+{gb},?+{cb},?,?,?,?,?,?,?)", True),
    ("stage_changes", "INSERT INTO stage_change (contact_id, from_stage, to_stage, on_day) "
                      "VALUES (?+{cb},?,?,?)", False),
    ("content", "INSERT INTO content (id, title, url, kind, origin, author, summary) "
                "VALUES (?+{kb},?,?,?,?,?,?)", True),
    ("topics", "INSERT INTO content_topic (content_id, topic) VALUES (?+{kb},?)", False),
    # A null goal position stays null: NULL + n is NULL in SQL.
    ("shares", "INSERT INTO share (content_id, contact_id, on_day, via, note, goal_id, response, responded_on) "
               "VALUES (?+{kb},?+{cb},?,?,?,?+{gb},?,?)", True),
    ("interactions", "INSERT INTO interaction (contact_id, at, day, kind, direction, channel, summary, details, "
                     "goal_id, follow_up_on, follow_up_done, source_kind, source_key) "
                     "VALUES (?+{cb},?,?,?,?,?,?,?,?+{gb},?,?,?,?)", True),
    ("captured", "INSERT OR IGNORE INTO capture_seen (contact_id, key) VALUES (?+{cb},?)", False),
    # A name the journal already gives to one of its contacts keeps it (the user's earlier word).
    ("aliases", "INSERT OR IGNORE INTO capture_alias (identity, contact_id) VALUES (?,?+{cb})", False),
    ("snoozes", "INSERT INTO snooze (contact_id, until_day, since) VALUES (?+{cb},?,?)", False),
    ("reminders", "INSERT INTO reminder (contact_id, due_on, text, done_on) VALUES (?+{cb},?,?,?)", False),
)


# Every record gets its global id (dealjournal.store.gids) here, in the file's order, so that
# the journal's order (by gid) is the file's: contacts, goals and content keep the file's
# "id" as their gid when it is one (an export writes gids) and no record of the journal has it
# yet; the rest get new ones (increasing, so their order is the order of the file).
_KEPT_IDS = {"contacts": "contact", "goals": "goal", "content": "content"}
_NEW_GIDS = ("emails", "phones", "tags", "channels", "stage_changes", "topics", "shares", "interactions",
             "snoozes", "reminders")


def _with_gid(name: str, sql: str) -> str:
    """*sql* inserting a row's gid too (its last value)."""
    if name not in _KEPT_IDS and name not in _NEW_GIDS:
        return sql
    head, _, values = sql.partition(") VALUES (")
    return f"{head}, gid) VALUES ({values[:-1]},?)"


class _Gids:
    """The gids of the rows an import writes (see above)."""

    def __init__(self, checker: Checker, conn: sqlite3.Connection | None) -> None:
        self.checker = checker
        self.conn = conn
        self.used: set[str] = set()
        self.ids: dict[str, dict[int, str]] = {name: {} for name in _KEPT_IDS}
        self.read: dict[str, int] = dict.fromkeys(_KEPT_IDS, 0)

    def _position_ids(self, name: str) -> dict[int, str]:
        """position -> the file's id, for the records checked so far."""
        registered: dict[str, Any] = {"contacts": self.checker.contact_pos, "goals": self.checker.goal_at,
                                      "content": self.checker.content_pos}[name]  # type: ignore[assignment]
        known = self.ids[name]
        if self.read[name] < len(registered):
            for ident, at in itertools.islice(registered.items(), self.read[name], None):
                known[at[0] if isinstance(at, tuple) else at] = ident
            self.read[name] = len(registered)
        return known

    def _free(self, table: str, gid: str) -> bool:
        if gid in self.used or not is_gid(gid):
            return False
        assert self.conn is not None
        return self.conn.execute(f"SELECT 1 FROM {table} WHERE gid = ?", (gid,)).fetchone() is None

    def given(self, name: str, rows: list[Any]) -> list[Any]:
        if name in _KEPT_IDS:
            table, ids, out = _KEPT_IDS[name], self._position_ids(name), []
            for row in rows:
                wanted = ids.get(row[0])
                gid = wanted if wanted is not None and self._free(table, wanted) else new_gid()
                self.used.add(gid)
                out.append((*row, gid))
            return out
        return [(*row, new_gid()) for row in rows]


class _Sink:
    """Takes the rows a checker has built so far: counts them and, while nothing is wrong,
    writes them (when it has a connection), reporting progress."""

    def __init__(self, checker: Checker, conn: sqlite3.Connection | None = None,
                 offsets: tuple[int, int, int] = (0, 0, 0), progress: Progress | None = None,
                 total: int = 1) -> None:
        self.checker = checker
        self.conn = conn
        cb, gb, kb = offsets
        self.tables = [(getattr(checker.rows, name), name, _with_gid(name, sql.format(cb=cb, gb=gb, kb=kb)), counted)
                       for name, sql, counted in _TABLES]
        self.gids = _Gids(checker, conn)
        self.counts = dict.fromkeys((name for name, _, _ in _TABLES), 0)
        self.progress = progress
        self.total = total  # records to write, for the progress
        self.done = 0
        self.storable = True  # no text that SQLite cannot store was seen

    def flush(self) -> None:
        writing = self.conn is not None and self.storable and not self.checker.failed
        for rows, name, sql, counted in self.tables:
            if not rows:  # not even prepared: a table never written is not one PRAGMA optimize analyses
                continue
            self.counts[name] += len(rows)
            if writing:
                assert self.conn is not None
                if name in _KEPT_IDS or name in _NEW_GIDS:
                    rows[:] = self.gids.given(name, rows)
                if self.progress is None or not counted:
                    self.conn.executemany(sql, rows)
                else:
                    for start in range(0, len(rows), CHUNK):
                        part = rows[start:start + CHUNK]
                        self.conn.executemany(sql, part)
                        self.done += len(part)
                        self.progress(min(self.done, self.total), self.total)
            rows.clear()

    def summary(self, *, settings_applied: bool = False, contact_ids: range = range(0)) -> ImportSummary:
        """What the rows taken add up to."""
        n = self.counts
        return ImportSummary(
            contacts=n["contacts"], emails=n["emails"], phones=n["phones"], tags=n["tags"],
            channels=n["channels"], goals=n["goals"], stage_changes=n["stage_changes"], content=n["content"],
            topics=n["topics"], shares=n["shares"], interactions=n["interactions"],
            settings_applied=settings_applied, contact_ids=contact_ids,
        )


def _apply_settings(rows: Rows) -> None:
    """The file's settings over the journal's (a stage the file leaves out keeps its value)."""
    current = journal_settings.load()
    cadences = dict(current.stage_cadence_days)
    cadences.update(rows.stage_cadence_days)
    window = rows.window_days if rows.window_days is not None else current.window_days
    journal_settings.save(journal_settings.Settings(window_days=window, stage_cadence_days=cadences))
    if rows.me is not None or rows.phone_region is not None:
        stored = journal_settings.load_capture()
        journal_settings.save_capture(journal_settings.CaptureSettings(
            me=tuple(rows.me) if rows.me is not None else stored.me,
            phone_region=rows.phone_region or stored.phone_region))
