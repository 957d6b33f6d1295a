"""Writing a :class:`~dealjournal.capture.plan.CapturePlan` into the open journal, all or nothing.

One ``BEGIN IMMEDIATE`` transaction per capture: the contacts the user ticked in
*People you talk to who aren't in your journal* (with their address, number or profile),
the names they confirmed (``capture_alias``), the interactions (each with its source kind
and the key of its first message) and every message key seen (``capture_seen``), then the
derived touch data. Any error rolls everything back and leaves the journal as it was.
The backup before it is the caller's (like imports: :func:`~dealjournal.safety.backup.backup_before`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import peewee

from dealjournal import domain
from dealjournal.capture.plan import CapturePlan, Entry, Person
from dealjournal.conversations import model
from dealjournal.errors import JournalError, nothing_captured
from dealjournal.health import state as health_state
from dealjournal.health import touches
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store.db import connection_for_thread, db, mark_changed
from dealjournal.store.gids import new_gid

log = logging.getLogger(__name__)
BULK = 200  # contacts touched above which the cached health state is rebuilt whole


@dataclass(frozen=True)
class CaptureOutcome:
    added: int
    already_there: int
    contacts_created: int
    contact_ids: frozenset[int]
    changes: OpChanges
    created: dict[str, int] = field(default_factory=dict)  # person key → the contact made for them

    def __str__(self) -> str:
        return summary(self.added, self.already_there, self.contacts_created)


def summary(added: int, already: int, created: int) -> Phrase:
    """"12 added, 3 already there, 2 new contacts"."""
    return Phrase.joined([
        Phrase(QT_TRANSLATE_NOOP("core", "{n:,} added"), n=added),
        Phrase(QT_TRANSLATE_NOOP("core", "{n:,} already there"), n=already),
        plural(created, QT_TRANSLATE_NOOP("core", "{n:,} new contact"), QT_TRANSLATE_NOOP("core", "{n:,} new contacts")),
    ], ", ")


def apply_capture(plan: CapturePlan, *, add: Iterable[str] = (), same_as: Mapping[str, int] | None = None,
                  today: str | None = None, also: Callable[[sqlite3.Connection], None] | None = None) -> CaptureOutcome:
    """Write *plan*: the entries of every matched person; for each unmatched person whose
    key is in *add*, a new contact and their entries; for each key in *same_as*, the
    confirmation that this person is that contact (remembered) and their entries; then
    *also* (how far an account was read) in the same transaction.
    Raises JournalError (nothing written) when the journal cannot be written."""
    chosen = set(add)
    linked = dict(same_as or {})
    with connection_for_thread() as has_journal:
        if not has_journal:
            raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "No journal is open to capture into.")))
        try:
            with db.atomic("IMMEDIATE"):
                outcome = _write(plan, chosen, linked, today or domain.today().isoformat())
                if also is not None:
                    also(db.connection())
        except (sqlite3.Error, peewee.PeeweeException) as exc:
            log.warning("Capture rolled back: %s", type(exc).__name__)
            raise JournalError(nothing_captured(exc)) from exc
    log.info("Captured %d files: %s", len(plan.files), outcome)
    return outcome


class _Writer:
    def __init__(self, today: str) -> None:
        self.conn = db.connection()
        self.today = today
        self.created: dict[str, int] = {}    # person key → the contact made for them
        self.seen = {(c, k) for c, k in self.conn.execute("SELECT contact_id, key FROM capture_seen")}
        self.interactions: list[tuple[object, ...]] = []
        self.keys: set[tuple[int, str]] = set()
        self.touched: set[int] = set()       # contacts that get an entry
        self.already = 0

    def contact_for(self, person: Person, source: str) -> int:
        cid = self.created.get(person.key)
        if cid is None:
            cid = self.created[person.key] = _create_contact(self.conn, person, source, self.today)
        return cid

    def alias(self, person: Person, cid: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO capture_alias (identity, contact_id) VALUES (?, ?)",
                          (person.key, cid))

    def entries(self, cid: int, entries: list[Entry], source_kind: str) -> None:
        for e in entries:
            if any((cid, k) in self.seen or (cid, k) in self.keys for k in e.keys):
                self.already += 1  # seen since the plan was made, or for a contact the plan did not know
                continue
            self.keys.update((cid, k) for k in e.keys)
            self.touched.add(cid)
            self.interactions.append((cid, e.at, domain.day_of(e.at), e.kind, e.direction, e.channel,
                                      e.summary, source_kind, e.source_key, new_gid()))

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO interaction (contact_id, at, day, kind, direction, channel, summary, source_kind, source_key,"
            " gid) VALUES (?,?,?,?,?,?,?,?,?,?)", self.interactions)
        self.conn.executemany("INSERT OR IGNORE INTO capture_seen (contact_id, key) VALUES (?, ?)", sorted(self.keys))


def _write(plan: CapturePlan, chosen: set[str], linked: dict[str, int], today: str) -> CaptureOutcome:
    w = _Writer(today)
    already = 0
    for f in plan.files:
        for person in f.people.values():
            cid = person.contact_id
            if cid is None and person.key in linked:
                cid = linked[person.key]
                w.alias(person, cid)
            elif cid is None and person.key in chosen:
                cid = w.contact_for(person, f.format)
            if cid is None:
                continue
            already += person.already_there
            w.entries(cid, person.entries, f.format)
    w.flush()
    ids = frozenset(w.touched | set(w.created.values()))
    if ids:
        touches.refresh(ids)
        if len(ids) > BULK:
            health_state.invalidate()
        else:
            health_state.update_for(ids)
        mark_changed()
    changes = OpChanges(contacts=bool(w.created), interactions=bool(w.interactions), touches=bool(ids),
                        contact_ids=ids)
    return CaptureOutcome(len(w.interactions), already + w.already, len(w.created), ids, changes, dict(w.created))


def _create_contact(conn: sqlite3.Connection, person: Person, source: str, today: str) -> int:
    """A contact for someone the user met in a conversation, with how to reach them."""
    party = person.party
    name = " ".join((party.name or party.value).split())[:200] or party.value
    cid = conn.execute("INSERT INTO contact (name, source, created_on, gid) VALUES (?, ?, ?, ?)",
                       (name, f"captured from {source}", today, new_gid())).lastrowid
    assert cid is not None
    if party.kind == model.EMAIL:
        conn.execute("INSERT INTO contact_email (contact_id, label, value, gid) VALUES (?, NULL, ?, ?)",
                     (cid, party.value, new_gid()))
    elif party.kind == model.PHONE:
        conn.execute("INSERT INTO contact_phone (contact_id, label, value, gid) VALUES (?, NULL, ?, ?)",
                     (cid, party.value, new_gid()))
    elif party.kind == model.URL and person.key.startswith("url:linkedin.com/in/"):
        conn.execute("INSERT INTO channel (contact_id, network, handle, url, gid) VALUES (?, 'linkedin', ?, ?, ?)",
                     (cid, person.key.rsplit("/", 1)[1], party.value, new_gid()))
    elif party.kind != model.NAME or name != party.value:  # a handle, or a name the contact does not carry
        conn.execute("INSERT OR REPLACE INTO capture_alias (identity, contact_id) VALUES (?, ?)", (person.key, cid))
    return int(cid)
