"""Planning a capture: read the files, match who is in them, decide what would be written.

:func:`plan_capture` reads every file (a reader each, streaming), applies the rules of
:mod:`dealjournal.capture.rules` and matches each counterpart against the open journal's
contacts (DOMAIN.md, *Matching*): e-mail addresses, phone numbers in E.164, LinkedIn
profiles by ``/in/<slug>``, and for chats that carry only a display name, the contact's
name exactly or a name the user confirmed once (``capture_alias``). It writes nothing;
:func:`dealjournal.capture.apply.apply_capture` writes the plan.

An entry is *already there* when one of its messages' keys was captured for that contact
before (``capture_seen``) or earlier in the same capture, so capturing the same or an
overlapping export again adds nothing, and a deleted entry does not come back.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dealjournal.capture.rules import Me, sort_records
from dealjournal.conversations import model
from dealjournal.conversations.detect import open_reader
from dealjournal.conversations.identity import email_key, key_of, name_key, phone_key, url_key
from dealjournal.conversations.model import Party, Reader
from dealjournal.store.db import connection_for_thread, db

# (file index, bytes read in it, its size); returning False cancels.
PlanProgress = Callable[[int, int, int], "bool | None"]


@dataclass
class Entry:
    """One interaction capture would write for a counterpart."""

    at: str
    kind: str
    direction: str
    channel: str | None
    summary: str
    source_key: str
    keys: tuple[str, ...]


@dataclass
class Person:
    """A counterpart found in a file: who they are, whom they match, what they would get."""

    key: str
    party: Party
    contact_id: int | None = None
    contact_name: str = ""
    messages: int = 0
    entries: list[Entry] = field(default_factory=list)
    already_there: int = 0

    @property
    def name(self) -> str:
        return self.party.name or self.party.value

    @property
    def address(self) -> str:
        return self.party.value if self.party.kind != model.NAME else ""


@dataclass
class FilePlan:
    path: Path | str                  # the file, or the account the messages came from
    format: str
    label: str
    people: dict[str, Person]
    ignored: Counter[str]
    me_hints: list[Party]

    @property
    def matched(self) -> list[Person]:
        return sorted((p for p in self.people.values() if p.contact_id is not None),
                      key=lambda p: (p.contact_name.casefold(), p.key))

    @property
    def unmatched(self) -> list[Person]:
        """Who is not in the journal, most messages first."""
        return sorted((p for p in self.people.values() if p.contact_id is None and p.messages),
                      key=lambda p: (-p.messages, p.name.casefold(), p.key))

    @property
    def added(self) -> int:
        return sum(len(p.entries) for p in self.matched)

    @property
    def already_there(self) -> int:
        return sum(p.already_there for p in self.matched)

    def to_json(self, adding: Container[str] = ()) -> dict[str, object]:
        """The ``--json`` shape (the issue's): counts, ignored by reason, unmatched people;
        the people in *adding* (made contacts by this capture) count as matched."""
        new = [p for p in self.unmatched if p.key in adding]
        return {"file": str(self.path), "format": self.format,
                "added": self.added + sum(len(p.entries) for p in new),
                "already_there": self.already_there, "ignored": dict(sorted(self.ignored.items())),
                "unmatched": [{"name": p.name, "address": p.address, "messages": p.messages}
                              for p in self.unmatched if p.key not in adding]}


@dataclass
class CapturePlan:
    files: list[FilePlan]
    me: Me

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    def to_json(self, adding: Container[str] = ()) -> dict[str, object]:
        return {"files": [f.to_json(adding) for f in self.files]}


class ContactIndex:
    """The open journal's contacts by comparison key (empty when no journal is open)."""

    def __init__(self, region: str | None) -> None:
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.seen: set[tuple[int, str]] = set()
        if db.database is None:
            return
        conn = db.connection()
        for cid, name in conn.execute("SELECT id, name FROM contact ORDER BY archived, id"):
            self.names[cid] = name
            self.by_key.setdefault(name_key(name), cid)
        for cid, value in conn.execute("SELECT contact_id, value FROM contact_email ORDER BY contact_id"):
            self.by_key.setdefault(email_key(value), cid)
        for cid, value in conn.execute("SELECT contact_id, value FROM contact_phone ORDER BY contact_id"):
            self.by_key.setdefault(phone_key(value, region), cid)
        for cid, network, handle, url in conn.execute(
                "SELECT contact_id, network, handle, url FROM channel ORDER BY contact_id"):
            if url:
                self.by_key.setdefault(url_key(url), cid)
            elif network == "linkedin" and handle:
                self.by_key.setdefault(url_key(f"https://www.linkedin.com/in/{handle}"), cid)
        for identity, cid in conn.execute("SELECT identity, contact_id FROM capture_alias"):
            self.by_key[identity] = cid  # the user's own word wins
        self.seen = set(conn.execute("SELECT contact_id, key FROM capture_seen"))

    def match(self, key: str) -> int | None:
        return self.by_key.get(key)


def _at(when: datetime | object) -> str:
    if isinstance(when, datetime):
        return when.strftime("%Y-%m-%dT%H:%M")
    return str(when)  # a date: an all-day event


def plan_file(path: str | os.PathLike[str], me: Me, index: ContactIndex, *, now: datetime,
              progress: Callable[[int], bool | None] | None = None, planned: set[tuple[int | str, str]] | None = None,
              day_first: bool | None = None) -> FilePlan:
    """Read one file and plan it (see :func:`plan_capture`)."""
    options: dict[str, object] = {} if day_first is None else {"day_first": day_first}
    return plan_reader(open_reader(path, progress, **options), me, index, now=now, planned=planned)


def plan_reader(reader: Reader, me: Me, index: ContactIndex, *, now: datetime,
                planned: set[tuple[int | str, str]] | None = None, source: str | None = None) -> FilePlan:
    """Plan what *reader* reads (a file, or an account's new mail); *source* names it in the
    plan (default: the reader's path). *planned* collects the (contact, key) pairs planned so
    far, so that a message in two sources of one capture is planned once."""
    found = sort_records(reader.records(), me, now)
    found.ignored.update(reader.skipped)
    people: dict[str, Person] = {}
    planned = planned if planned is not None else set()

    def person(party: Party) -> Person:
        key = key_of(party, me.region)
        p = people.get(key)
        if p is None:
            cid = index.match(key)
            p = people[key] = Person(key, party, cid, index.names.get(cid, "") if cid is not None else "")
        elif not p.party.name and party.name:
            p.party = party
        return p

    def add(p: Person, entry: Entry, messages: int) -> None:
        p.messages += messages
        cid = p.contact_id
        owner: int | str = cid if cid is not None else p.key  # someone not in the journal: by their key
        if any((owner, k) in planned or (cid, k) in index.seen for k in entry.keys):
            p.already_there += 1
            return
        planned.update((owner, k) for k in entry.keys)
        p.entries.append(entry)

    for turn in found.turns:
        kind = "email" if turn.channel == "email" else "message"
        for party in turn.parties:
            add(person(party), Entry(_at(turn.at), kind, turn.direction, turn.channel, turn.summary,
                                     turn.keys[0], turn.keys), turn.messages)
    for meeting in found.meetings:
        m = meeting.meeting
        for party in meeting.parties:
            add(person(party), Entry(_at(m.start), "meeting", "mutual", None, m.summary, m.key, (m.key,)), 1)
    return FilePlan(source or reader.path, reader.format, reader.label, people, found.ignored,
                    list(reader.me_hints))


def plan_capture(paths: Sequence[str | os.PathLike[str]], me: Me, *, now: datetime | None = None,
                 progress: PlanProgress | None = None, day_first: bool | None = None) -> CapturePlan:
    """Read *paths* and plan what capturing them would write into the open journal (or into
    an empty one when none is open). Raises :class:`~dealjournal.conversations.model.CaptureFormatError`
    when a file cannot be read, :class:`~dealjournal.conversations.model.CaptureCancelled`
    when *progress* returns False. Callable from a worker thread with its own connection."""
    when = now or datetime.now()
    with connection_for_thread():
        index = ContactIndex(me.region)
    planned: set[tuple[int | str, str]] = set()
    files = []
    for i, path in enumerate(paths):
        size = _size(path)

        def told(done: int, i: int = i, size: int = size) -> bool | None:
            return progress(i, done, max(size, done)) if progress is not None else None

        files.append(plan_file(path, me, index, now=when, progress=told, planned=planned, day_first=day_first))
    return CapturePlan(files, me)


def _size(path: str | os.PathLike[str]) -> int:
    where = Path(path)
    try:
        if where.is_dir():
            return sum(p.stat().st_size for p in where.rglob("*") if p.is_file())
        return where.stat().st_size
    except OSError:
        return 0


def default_region() -> str | None:
    """The region of the user's locale ("de_DE.UTF-8" → "DE"), for phone numbers without +country."""
    import locale

    name = locale.getlocale()[0] or os.environ.get("LANG", "")
    _, _, territory = name.partition("_")
    code = territory[:2].upper()
    return code if len(code) == 2 and code.isalpha() else None


def journal_me(extra: Iterable[str] = ()) -> Me:
    """*Me* as the open journal's settings say (Preferences ▸ Me), plus *extra* identities
    (``--me``); the phone region is the preference, else the locale's."""
    from dealjournal.store import settings

    stored = settings.CaptureSettings()
    if db.database is not None:
        with connection_for_thread():
            stored = settings.load_capture()
    return Me.parse([*stored.me, *extra], stored.phone_region or default_region())
