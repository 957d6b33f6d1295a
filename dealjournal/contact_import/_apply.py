"""Writing an :class:`~._plan.ImportPlan` into the open journal, all or nothing.

New contacts are written with ``executemany`` under ids following the journal's highest
one; merged contacts are read once, changed in memory and updated. Everything happens in
one ``BEGIN IMMEDIATE`` transaction; cancelling (the progress callback returns False) or
any error rolls it back, leaving the journal exactly as it was.

A LinkedIn connection becomes a ``linkedin`` channel followed since the connection date
and followed back (``follows_back = "yes"``): a LinkedIn connection is mutual by
construction — both people accepted it and both see each other's posts — so "do they
follow you back?" is answered by the file itself.

The contacts the import creates get what :class:`~._plan.ForNew` says (tags, stage,
keep-in-touch cadence, the triage tag), in the same transaction; merged contacts keep theirs.

The values a merge cannot take go into the contact's notes ("Imported: title X"): that is
the journal's own text, written in English like the rest of what the import stores.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import peewee

from dealjournal import domain
from dealjournal.contact_import._keys import email_key, fold, linkedin_handle, linkedin_key
from dealjournal.contact_import._plan import ForNew, ImportPlan, summary
from dealjournal.errors import JournalError, nothing_imported
from dealjournal.health import state as health_state
from dealjournal.importers import ImportCancelled, ParsedContact
from dealjournal.ops import OpChanges
from dealjournal.ops import _common as v
from dealjournal.ops.bulk import TRIAGE_TAG
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import connection_for_thread, db, mark_changed
from dealjournal.store.gids import new_gid

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], "bool | None"]
CHUNK = 2_000  # rows per executemany between progress reports
_FIELDS = ("given_name", "family_name", "company", "title", "website", "location")
_LABELS = {"given_name": "given name", "family_name": "family name", "company": "company",
           "title": "title", "website": "website", "location": "location"}


@dataclass(frozen=True)
class ImportOutcome:
    """What :func:`apply_plan` wrote; ``changes`` tells the views what to refresh."""

    new: int
    merged: int
    skipped: int
    created_ids: tuple[int, ...]
    updated_ids: tuple[int, ...]
    changes: OpChanges

    def __str__(self) -> str:
        """"120 new, 3 merged, 2 skipped" (a Phrase)."""
        return summary(self.new, self.merged, self.skipped)


@dataclass
class _Channel:
    id: int | None
    network: str
    handle: str | None
    url: str | None
    following_since: str | None
    follows_back: str
    changed: bool = False


@dataclass
class _State:
    """A contact being built or merged, with what changed since it was read."""

    id: int | None
    name: str
    fields: dict[str, str | None]
    notes: str = ""
    source: str | None = None
    emails: list[tuple[str | None, str]] = field(default_factory=list)
    phones: list[tuple[str | None, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    channels: list[_Channel] = field(default_factory=list)
    new_emails: list[tuple[str | None, str]] = field(default_factory=list)
    new_phones: list[tuple[str | None, str]] = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)
    changed: bool = False

    def conflict(self, text: str) -> None:
        line = f"Imported: {' '.join(text.split())}"
        if line not in self.notes.splitlines():
            self.notes = f"{self.notes}\n{line}" if self.notes else line
            self.changed = True


def _phone_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit() or ch == "+")
    return digits or value.casefold()


def merge_into(state: _State, contact: ParsedContact, *, source: str, connection: bool) -> None:
    """Fill *state*'s empty fields from *contact* and add what it lacks; a value that
    differs from a non-empty field goes into the notes ("Imported: title X")."""
    if fold(contact.name) != fold(state.name):
        state.conflict(f"name {contact.name}")
    for key in _FIELDS:
        value = getattr(contact, key)
        if not value:
            continue
        current = state.fields.get(key)
        if not current:
            state.fields[key] = value
            state.changed = True
        elif current.casefold() != value.casefold():
            state.conflict(f"{_LABELS[key]} {value}")
    if contact.notes and contact.notes not in state.notes:
        state.notes = f"{state.notes}\n\nImported: {contact.notes}" if state.notes else contact.notes
        state.changed = True
    if not state.source:
        state.source, state.changed = source, True
    have = {email_key(v) for _, v in state.emails}
    for label, value in contact.emails:
        if email_key(value) not in have:
            have.add(email_key(value))
            state.emails.append((label, value))
            state.new_emails.append((label, value))
    have = {_phone_key(v) for _, v in state.phones}
    for label, value in contact.phones:
        if _phone_key(value) not in have:
            have.add(_phone_key(value))
            state.phones.append((label, value))
            state.new_phones.append((label, value))
    have = {t.casefold() for t in state.tags}
    for tag in contact.tags:
        if tag.casefold() not in have:
            have.add(tag.casefold())
            state.tags.append(tag)
            state.new_tags.append(tag)
    if contact.linkedin_url or connection:
        _merge_linkedin(state, contact, connection)


def _merge_linkedin(state: _State, contact: ParsedContact, connection: bool) -> None:
    url = contact.linkedin_url or None
    since = contact.connected_on.isoformat() if connection and contact.connected_on else None
    mine = [c for c in state.channels if c.network == "linkedin"]
    key = linkedin_key(url)

    def same(c: _Channel) -> bool:
        return bool(url and c.url and ((key and linkedin_key(c.url) == key) or c.url.casefold() == url.casefold()))

    channel = next((c for c in mine if same(c)), None)
    if channel is None:
        channel = next((c for c in mine if not c.url), None) if url else (mine[0] if mine else None)
    if channel is None and mine and url:
        state.conflict(f"LinkedIn profile {url}")
        return
    if channel is None:
        state.channels.append(_Channel(None, "linkedin", linkedin_handle(url), url, since,
                                       "yes" if connection else "unknown", changed=True))
        return
    if url and not channel.url:
        channel.url, channel.changed = url, True
        if not channel.handle:
            channel.handle = linkedin_handle(url)
    if since and not channel.following_since:
        channel.following_since, channel.changed = since, True
    if connection and channel.follows_back == "unknown":
        channel.follows_back, channel.changed = "yes", True


def _new_state(contact: ParsedContact) -> _State:
    return _State(None, contact.name, {k: None for k in _FIELDS})


def apply_plan(plan: ImportPlan, *, progress: ProgressCallback | None = None,
               for_new: ForNew | None = None) -> ImportOutcome:
    """Write *plan* into the open journal in one transaction and return what was written;
    every contact it creates gets what *for_new* says (default: no tags, lead, the stage's cadence).

    *progress* is called with (rows done, rows in all); returning ``False`` cancels:
    :class:`ImportCancelled` is raised after the transaction was rolled back (nothing
    written). Callable from a worker thread, which gets its own connection. Raises
    :class:`JournalError` when the journal cannot be written (nothing written either), and
    :class:`~dealjournal.errors.ValidationError` when *for_new* holds a value the journal refuses.
    """
    chosen = _checked(for_new or ForNew())
    with connection_for_thread() as has_journal:
        if not has_journal:
            raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "No journal is open to import into.")))
        try:
            with db.atomic("IMMEDIATE"):
                outcome = _write(plan, progress, chosen)
        except (sqlite3.Error, peewee.PeeweeException) as exc:
            log.warning("Contact import rolled back: %s", type(exc).__name__)
            raise JournalError(nothing_imported(exc)) from exc
    log.info("Imported %s contacts: %s", plan.format, outcome)
    return outcome


def _checked(for_new: ForNew) -> ForNew:
    """*for_new* validated as the operations validate a contact (triage means cadence 0)."""
    tags = v.tags(QT_TRANSLATE_NOOP("core", "Tag"), for_new.tags)
    return ForNew(tags=tuple(tags), stage=v.choice(QT_TRANSLATE_NOOP("core", "Stage"), for_new.stage, domain.STAGES),
                  cadence_days=0 if for_new.triage else v.cadence(for_new.cadence_days), triage=for_new.triage)


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback, self.total, self.done = callback, max(total, 1), 0

    def step(self, n: int = 0) -> None:
        self.done = min(self.done + n, self.total)
        if self.callback is not None and self.callback(self.done, self.total) is False:
            raise ImportCancelled(Phrase(QT_TRANSLATE_NOOP("core", "the import was cancelled; nothing was written")))


def _write(plan: ImportPlan, callback: ProgressCallback | None, for_new: ForNew) -> ImportOutcome:
    conn = db.connection()
    connection = plan.format == "linkedin"
    new_rows = sum(len(g) for g in plan.new_groups)
    merge_rows = sum(len(g) for g in plan.merge_groups.values())
    progress = _Progress(callback, 2 * new_rows + merge_rows + len(plan.merge_groups))
    progress.step()
    existing = _load(conn, plan.merge_groups)
    groups = list(plan.new_groups)
    for cid, members in plan.merge_groups.items():
        if cid not in existing:  # deleted since the plan was made: it becomes a new contact
            groups.append(members)
    for cid, state in existing.items():
        for position in plan.merge_groups[cid]:
            merge_into(state, plan.contacts[position], source=plan.source, connection=connection)
        progress.step(len(plan.merge_groups[cid]) + 1)
    states: list[_State] = []
    for members in groups:
        state = _new_state(plan.contacts[members[0]])
        for position in members:
            merge_into(state, plan.contacts[position], source=plan.source, connection=connection)
        have = {t.casefold() for t in state.tags}
        state.tags += [t for t in for_new.tags if t.casefold() not in have]
        if for_new.triage and TRIAGE_TAG not in state.tags:
            state.tags.append(TRIAGE_TAG)
        states.append(state)
        progress.step(len(members))
    created = _insert_new(conn, states, progress, for_new)
    _update_existing(conn, existing.values())
    updated = tuple(sorted(cid for cid, s in existing.items() if _touched(s)))
    if created or existing:
        health_state.invalidate()  # a bulk change: the stored health figures are rebuilt on next use
    if created or updated:
        mark_changed()  # for the next automatic backup, whichever thread this runs in
    progress.step(progress.total)
    ids = frozenset(created) | frozenset(updated)
    return ImportOutcome(new=plan.new, merged=plan.merged, skipped=plan.skipped, created_ids=tuple(created),
                         updated_ids=updated,
                         changes=OpChanges(contacts=bool(ids), channels=bool(ids), touches=bool(ids),
                                           contact_ids=ids))


def _touched(state: _State) -> bool:
    return bool(state.changed or state.new_emails or state.new_phones or state.new_tags
                or any(c.changed for c in state.channels))


def _load(conn: sqlite3.Connection, groups: dict[int, list[int]]) -> dict[int, _State]:
    """The journal contacts that rows merge into, with their e-mails, phones, tags, channels."""
    states: dict[int, _State] = {}
    ids = sorted(groups)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT id, name, given_name, family_name, company, title, website, location, "
                                f"notes, source FROM contact WHERE id IN ({marks})", part):
            states[row[0]] = _State(row[0], row[1], dict(zip(_FIELDS, row[2:8])), notes=row[8] or "",
                                    source=row[9])
        for table, attr in (("contact_email", "emails"), ("contact_phone", "phones")):
            for cid, label, value in conn.execute(
                    f"SELECT contact_id, label, value FROM {table} WHERE contact_id IN ({marks}) ORDER BY id", part):
                getattr(states[cid], attr).append((label, value))
        for cid, tag in conn.execute(f"SELECT contact_id, tag FROM contact_tag WHERE contact_id IN ({marks}) "
                                     "ORDER BY id", part):
            states[cid].tags.append(tag)
        for chid, cid, network, handle, url, since, back in conn.execute(
                "SELECT id, contact_id, network, handle, url, following_since, follows_back FROM channel "
                f"WHERE contact_id IN ({marks}) ORDER BY id", part):
            states[cid].channels.append(_Channel(chid, network, handle, url, since, back))
    return states


def _many(conn: sqlite3.Connection, sql: str, rows: Sequence[tuple[object, ...]], progress: _Progress | None,
          weight: int = 0) -> None:
    for start in range(0, len(rows), CHUNK):
        part = rows[start:start + CHUNK]
        conn.executemany(sql, part)
        if progress is not None:
            progress.step(weight * len(part))


def _insert_new(conn: sqlite3.Connection, states: list[_State], progress: _Progress, for_new: ForNew) -> list[int]:
    if not states:
        return []
    base = int(conn.execute("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0])
    created = domain.today().isoformat()
    contacts, emails, phones, tags, channels = [], [], [], [], []
    for n, state in enumerate(states, base + 1):
        state.id = n
        f = state.fields
        # Global ids from new_gid() (increasing), so that the journal's order (by gid) is the file's.
        contacts.append((n, state.name, f["given_name"], f["family_name"], f["company"], f["title"],
                         f["website"], f["location"], state.notes, for_new.stage, for_new.cadence_days, state.source,
                         created, new_gid()))
        emails += [(n, label, value, new_gid()) for label, value in state.emails]
        phones += [(n, label, value, new_gid()) for label, value in state.phones]
        tags += [(n, tag, new_gid()) for tag in state.tags]
        channels += [(n, c.network, c.handle, c.url, c.following_since, c.follows_back, new_gid())
                     for c in state.channels]
    # Tags first, with foreign keys checked at commit: each tag row's trigger would otherwise
    # rebuild the contact's full-text row once more (the contact's own trigger reads its tags).
    conn.execute("PRAGMA defer_foreign_keys = ON")
    _many(conn, "INSERT INTO contact_tag (contact_id, tag, gid) VALUES (?,?,?)", tags, None)
    _many(conn, "INSERT INTO contact (id, name, given_name, family_name, company, title, website, location, "
                "notes, stage, cadence_days, buying_style, source, created_on, archived, gid) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,'unknown',?,?,0,?)", contacts, progress, 1)
    _many(conn, "INSERT INTO contact_email (contact_id, label, value, gid) VALUES (?,?,?,?)", emails, None)
    _many(conn, "INSERT INTO contact_phone (contact_id, label, value, gid) VALUES (?,?,?,?)", phones, None)
    _many(conn, "INSERT INTO channel (contact_id, network, handle, url, following_since, follows_back, gid) "
                "VALUES (?,?,?,?,?,?,?)", channels, None)
    return [s.id for s in states if s.id is not None]


def _update_existing(conn: sqlite3.Connection, states: Iterable[_State]) -> None:
    for s in states:
        if s.changed:
            f = s.fields
            conn.execute("UPDATE contact SET given_name=?, family_name=?, company=?, title=?, website=?, "
                         "location=?, notes=?, source=? WHERE id=?",
                         (f["given_name"], f["family_name"], f["company"], f["title"], f["website"],
                          f["location"], s.notes, s.source, s.id))
        conn.executemany("INSERT INTO contact_email (contact_id, label, value, gid) VALUES (?,?,?,?)",
                         [(s.id, label, value, new_gid()) for label, value in s.new_emails])
        conn.executemany("INSERT INTO contact_phone (contact_id, label, value, gid) VALUES (?,?,?,?)",
                         [(s.id, label, value, new_gid()) for label, value in s.new_phones])
        conn.executemany("INSERT INTO contact_tag (contact_id, tag, gid) VALUES (?,?,?)",
                         [(s.id, t, new_gid()) for t in s.new_tags])
        for c in s.channels:
            if c.id is None:
                conn.execute("INSERT INTO channel (contact_id, network, handle, url, following_since, "
                             "follows_back, gid) VALUES (?,?,?,?,?,?,?)",
                             (s.id, c.network, c.handle, c.url, c.following_since, c.follows_back, new_gid()))
            elif c.changed:
                conn.execute("UPDATE channel SET handle=?, url=?, following_since=?, follows_back=? WHERE id=?",
                             (c.handle, c.url, c.following_since, c.follows_back, c.id))

