"""Importing an exchange document: read, validate everything, then write in one transaction.

Nothing is written before the whole document has been checked. The rows are written with
``executemany`` inside one ``BEGIN IMMEDIATE`` transaction; new contacts, goals and content
get the row ids following the journal's current highest ones (the offset is added in SQL,
so the validated tuples are written as they are). Any failure rolls the transaction back,
leaving the journal as it was.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from dealjournal.errors import FormatError, JournalError, nothing_imported
from dealjournal.health import state as health_state
from dealjournal.health import touches
from dealjournal.interchange._records import check
from dealjournal.interchange._validate import Rows, document, find_unencodable, json_object, problem
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store import settings as journal_settings
from dealjournal.store.db import db, mark_changed

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
CHUNK = 50_000  # rows per executemany between progress reports
# A JSON escape that can decode to a lone surrogate (which SQLite cannot store as UTF-8).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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
    """The parsed JSON object in the file at *path* (not yet validated).

    Raises :class:`FormatError` when it is not UTF-8, not JSON or not an object, and
    :class:`JournalError` when it cannot be read.
    """
    return _parse(Path(path))[0]


@dataclass(frozen=True)
class PreparedImport:
    """A document read and fully validated, ready to be written into any journal."""

    rows: Rows


def prepare_file(path: Path | str) -> PreparedImport:
    """Read and validate the file at *path* without touching any journal (FormatError if invalid)."""
    doc, may_hold_surrogates = _parse(Path(path))
    rows = check(doc)
    if may_hold_surrogates:
        bad_text = find_unencodable(doc)
        if bad_text:
            raise FormatError(bad_text)
    return PreparedImport(rows)


def read_file(path: Path | str) -> dict[str, Any]:
    """The document in the file at *path*, fully validated (nothing is written anywhere)."""
    doc, may_hold_surrogates = _parse(Path(path))
    check(doc)
    if may_hold_surrogates:
        bad_text = find_unencodable(doc)
        if bad_text:
            raise FormatError(bad_text)
    return doc


def _parse(path: Path) -> tuple[dict[str, Any], bool]:
    """The document and whether its text holds an escape that may decode to a lone surrogate."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."),
                                  path=str(path), reason=str(exc.strerror or exc))) from exc
    name = path.name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError([problem(name, Phrase(QT_TRANSLATE_NOOP(
            "core", "not UTF-8 text (invalid byte at offset {offset}); a Deal Journal file is JSON saved as UTF-8"),
            offset=exc.start))]) from None
    del data
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors add
    if not text.strip():
        raise FormatError([problem(name, Phrase(QT_TRANSLATE_NOOP("core", "the file is empty")))])
    try:
        doc = json.loads(text, parse_constant=_no_constant, object_pairs_hook=json_object)
    except json.JSONDecodeError as exc:
        raise FormatError([problem(name, Phrase(
            QT_TRANSLATE_NOOP("core", "not valid JSON: {error} at line {line}, column {column}"),
            error=exc.msg, line=exc.lineno, column=exc.colno))]) from None
    except ValueError as exc:
        error = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Phrase) else str(exc)
        raise FormatError([problem(name, Phrase(QT_TRANSLATE_NOOP("core", "not valid JSON: {error}"),
                                                error=error))]) from None
    if not isinstance(doc, dict):
        if isinstance(doc, list):
            message = Phrase(QT_TRANSLATE_NOOP("core", "expected a JSON object at the top level, got a list"))
        else:
            message = Phrase(QT_TRANSLATE_NOOP("core", "expected a JSON object at the top level, got a {type}"),
                             type=type(doc).__name__)
        raise FormatError([problem(name, message)])
    return doc, _SURROGATE_ESCAPE.search(text) is not None


def _no_constant(name: str) -> Any:
    raise ValueError(Phrase(QT_TRANSLATE_NOOP("core", "{name} is not a number JSON allows"), name=name))


def import_file(path: Path | str, *, progress: Progress | None = None) -> ImportSummary:
    """Import the exchange file at *path* into the open journal (see :func:`import_document`)."""
    return import_document(_parse(Path(path))[0], progress=progress)


def import_document(doc: object, *, progress: Progress | None = None) -> ImportSummary:
    """Add every record of *doc* to the open journal, all or nothing.

    Raises :class:`FormatError` (nothing written) when the document is not valid and
    :class:`JournalError` when the journal cannot be written. The document's settings are
    applied only when the journal has no contacts and no content. *progress* is called
    with (records done, records in all) and must return quickly.
    """
    try:
        return import_prepared(PreparedImport(check(doc)), progress=progress)
    except UnicodeEncodeError:
        raise FormatError(find_unencodable(doc) or [problem(document(), Phrase(QT_TRANSLATE_NOOP(
            "core", "contains text that is not valid Unicode")))]) from None


def import_prepared(prepared: PreparedImport, *, progress: Progress | None = None) -> ImportSummary:
    """Write a validated document into the open journal, all or nothing (see :func:`import_document`)."""
    rows = prepared.rows
    total = (len(rows.contacts) + len(rows.content) + len(rows.goals) + len(rows.shares)
             + len(rows.interactions)) or 1
    if progress is not None:
        progress(0, total)
    try:
        summary = _write(rows, progress, total)
    except (sqlite3.Error, peewee.PeeweeException) as exc:
        log.warning("Import rolled back: %s", type(exc).__name__)
        raise JournalError(nothing_imported(exc)) from exc
    log.info("Imported %d contacts, %d content items, %d shares, %d interactions",
             summary.contacts, summary.content, summary.shares, summary.interactions)
    return summary



class _Writer:
    """Writes one table's rows in chunks and reports progress."""

    def __init__(self, conn: sqlite3.Connection, progress: Progress | None, total: int) -> None:
        self.conn = conn
        self.progress = progress
        self.total = total
        self.done = 0

    def many(self, sql: str, rows: Sequence[tuple[Any, ...]], *, counted: bool = True) -> None:
        if not rows:  # not even prepared: a table never written is not one PRAGMA optimize analyses
            return
        if self.progress is None or not counted:
            self.conn.executemany(sql, rows)
        else:
            for start in range(0, len(rows), CHUNK):
                part = rows[start:start + CHUNK]
                self.conn.executemany(sql, part)
                self.done += len(part)
                self.progress(min(self.done, self.total), self.total)


def _max_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _write(rows: Rows, progress: Progress | None, total: int) -> ImportSummary:
    conn = db.connection()
    w = _Writer(conn, progress, total)
    with db.atomic("IMMEDIATE"):
        cb, gb, kb = _max_id(conn, "contact"), _max_id(conn, "goal"), _max_id(conn, "content")
        apply_settings = rows.has_settings and cb == 0 and kb == 0
        w.many("INSERT INTO contact (id, name, given_name, family_name, company, title, website, location, "
               "notes, stage, cadence_days, buying_style, source, created_on, archived) "
               f"VALUES (?+{cb},?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.contacts)
        w.many(f"INSERT INTO contact_email (contact_id, label, value) VALUES (?+{cb},?,?)",
               rows.emails, counted=False)
        w.many(f"INSERT INTO contact_phone (contact_id, label, value) VALUES (?+{cb},?,?)",
               rows.phones, counted=False)
        w.many(f"INSERT INTO contact_tag (contact_id, tag) VALUES (?+{cb},?)", rows.tags, counted=False)
        w.many("INSERT INTO channel (contact_id, network, handle, url, following_since, follows_back) "
               f"VALUES (?+{cb},?,?,?,?,?)", rows.channels, counted=False)
        w.many("INSERT INTO goal (id, contact_id, title, details, priority, status, target_on, created_on, "
               f"closed_on) VALUES (?+{gb},?+{cb},?,?,?,?,?,?,?)", rows.goals)
        w.many(f"INSERT INTO stage_change (contact_id, from_stage, to_stage, on_day) VALUES (?+{cb},?,?,?)",
               rows.stage_changes, counted=False)
        w.many("INSERT INTO content (id, title, url, kind, origin, author, summary) "
               f"VALUES (?+{kb},?,?,?,?,?,?)", rows.content)
        w.many(f"INSERT INTO content_topic (content_id, topic) VALUES (?+{kb},?)", rows.topics, counted=False)
        # A null goal position stays null: NULL + n is NULL in SQL.
        w.many("INSERT INTO share (content_id, contact_id, on_day, via, note, goal_id, response, responded_on) "
               f"VALUES (?+{kb},?+{cb},?,?,?,?+{gb},?,?)", rows.shares)
        w.many("INSERT INTO interaction (contact_id, at, day, kind, direction, channel, summary, details, "
               f"goal_id, follow_up_on, follow_up_done, source_kind, source_key) "
               f"VALUES (?+{cb},?,?,?,?,?,?,?,?+{gb},?,?,?,?)", rows.interactions)
        w.many(f"INSERT OR IGNORE INTO capture_seen (contact_id, key) VALUES (?+{cb},?)", rows.captured, counted=False)
        # A name the journal already gives to one of its contacts keeps it (the user's earlier word).
        w.many(f"INSERT OR IGNORE INTO capture_alias (identity, contact_id) VALUES (?,?+{cb})", rows.aliases,
               counted=False)
        w.many(f"INSERT INTO snooze (contact_id, until_day, since) VALUES (?+{cb},?,?)", rows.snoozes, counted=False)
        w.many(f"INSERT INTO reminder (contact_id, due_on, text, done_on) VALUES (?+{cb},?,?,?)",
               rows.reminders, counted=False)
        contact_ids = range(cb + 1, cb + len(rows.contacts) + 1)
        if contact_ids:
            touches.refresh(contact_ids)
        if apply_settings:
            _apply_settings(rows)
        health_state.invalidate()  # a bulk change: the stored health figures are rebuilt on next use
        mark_changed()  # for the next automatic backup, whichever thread this runs in
    if progress is not None:
        progress(total, total)
    return ImportSummary(
        contacts=len(rows.contacts), emails=len(rows.emails), phones=len(rows.phones), tags=len(rows.tags),
        channels=len(rows.channels), goals=len(rows.goals), stage_changes=len(rows.stage_changes),
        content=len(rows.content), topics=len(rows.topics), shares=len(rows.shares),
        interactions=len(rows.interactions), settings_applied=apply_settings, contact_ids=contact_ids,
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
