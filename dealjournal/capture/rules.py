"""DOMAIN.md's *Captured touches*, applied to what the readers hand over.

Messages fold into **turns**: within one conversation and one calendar day, consecutive
messages from the same side are one turn (``at`` = its last message, summary = its first
message's subject or first line). The user's side is *Me*; every other sender is a side of
their own, so in a group chat Ada then Bea are two inbound turns. An outbound turn touches
each ``To`` recipient (``Cc`` only are not touched); a chat's message has no recipients, so
an outbound chat turn touches every other participant of that chat. An inbound turn touches
its sender alone.

A **meeting** (one occurrence of a calendar event) that has started by ``now``, is not
cancelled, has at most 20 attendees and that *Me* did not decline touches the organizer and
each attendee who has not declined (one ``mutual`` meeting each).

No journal here: :mod:`dealjournal.capture.plan` matches the counterparts to contacts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from dealjournal.conversations import model
from dealjournal.conversations.identity import key_of, parse_identity
from dealjournal.conversations.model import Meeting, Message, Party, Record

SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class Me:
    """The user's own identities, as comparison keys (with the phone region they need)."""

    keys: frozenset[str]
    region: str | None = None

    @classmethod
    def parse(cls, identities: Iterable[str | Party], region: str | None = None) -> Me:
        parties = [i if isinstance(i, Party) else parse_identity(i) for i in identities]
        return cls(frozenset(key_of(p, region) for p in parties if p.value.strip()), region)

    def key(self, party: Party) -> str:
        return key_of(party, self.region)

    def __contains__(self, party: object) -> bool:
        return isinstance(party, Party) and key_of(party, self.region) in self.keys


@dataclass(frozen=True)
class Turn:
    """Consecutive messages of one side, one day, one conversation: one interaction each
    for the parties it touches."""

    conversation: str
    channel: str
    direction: str                    # "in" or "out"
    at: datetime
    summary: str
    keys: tuple[str, ...]             # the messages' source keys, first message first
    parties: tuple[Party, ...]        # who it touches
    messages: int


@dataclass(frozen=True)
class MeetingTouch:
    meeting: Meeting
    parties: tuple[Party, ...]        # who attended, Me left out


_CONTROL = dict.fromkeys(i for i in range(32) if i not in (9, 10)) | {0x7F: None}


def summary_of(text: str) -> str:
    """The first line, at most 120 characters, without control characters."""
    line = text.strip().split("\n", 1)[0].translate(_CONTROL).strip()
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1].rstrip() + "…"


class _Conversation:
    """The messages of one conversation kept compact until the file is read."""

    __slots__ = ("messages", "participants")

    def __init__(self) -> None:
        self.messages: list[tuple[datetime, bool, str, Message]] = []
        self.participants: dict[str, Party] = {}


def turns(messages: Iterable[Message], me: Me) -> Iterator[Turn]:
    """Fold *messages* (not ignored) into turns, conversation by conversation, in time order."""
    conversations: dict[str, _Conversation] = {}
    seen: set[str] = set()
    for msg in messages:
        if msg.key in seen:  # the same message twice in one export (Inbox and Sent of a Maildir)
            continue
        seen.add(msg.key)
        conv = conversations.setdefault(msg.conversation, _Conversation())
        sender_key = me.key(msg.sender)
        mine = sender_key in me.keys
        if not mine:
            conv.participants.setdefault(sender_key, msg.sender)
        conv.messages.append((msg.at, mine, sender_key, msg))
    for conv in conversations.values():
        yield from _fold(conv, me)


def _fold(conv: _Conversation, me: Me) -> Iterator[Turn]:
    conv.messages.sort(key=lambda m: m[0])  # stable: messages of one minute keep the file's order
    run: list[Message] = []
    side: tuple[date, bool, str] | None = None
    for at, mine, sender_key, msg in conv.messages:
        this = (at.date(), mine, "" if mine else sender_key)
        if run and this != side:
            yield _turn(run, side, conv, me)
            run = []
        run.append(msg)
        side = this
    if run:
        yield _turn(run, side, conv, me)


def _turn(run: list[Message], side: tuple[date, bool, str] | None, conv: _Conversation, me: Me) -> Turn:
    assert side is not None
    first, last = run[0], run[-1]
    if side[1]:
        parties = _recipients(run, conv, me)
    else:
        parties = (first.sender,)
    return Turn(conversation=first.conversation, channel=first.channel, direction="out" if side[1] else "in",
                at=last.at, summary=summary_of(first.subject), keys=tuple(m.key for m in run),
                parties=parties, messages=len(run))


def _recipients(run: list[Message], conv: _Conversation, me: Me) -> tuple[Party, ...]:
    """An outbound turn's ``To`` recipients, or a chat's other participants, Me left out."""
    found: dict[str, Party] = {}
    for msg in run:
        for party in msg.to:
            key = me.key(party)
            if key not in me.keys:
                found.setdefault(key, party)
    if not found and all(not m.to and not m.cc for m in run):
        found = dict(conv.participants)
    return tuple(found.values())


def meeting_touch(meeting: Meeting, me: Me, now: datetime) -> MeetingTouch | str:
    """Who *meeting* touches, or the reason (a model.* key) it touches nobody."""
    if meeting.ignored:
        return meeting.ignored
    start = meeting.start if isinstance(meeting.start, datetime) else datetime.combine(meeting.start, datetime.min.time())
    if start > now:
        return model.FUTURE
    if len(meeting.attendees) > model.MAX_RECIPIENTS:
        return model.TOO_MANY_RECIPIENTS
    parties: dict[str, Party] = {}
    for attendee in meeting.attendees:
        key = me.key(attendee.party)
        if key in me.keys:
            if attendee.partstat == "DECLINED":
                return model.DECLINED
            continue
        if attendee.partstat != "DECLINED":
            parties.setdefault(key, attendee.party)
    if meeting.organizer is not None:
        key = me.key(meeting.organizer)
        if key not in me.keys and not any(me.key(a.party) == key for a in meeting.attendees):
            parties.setdefault(key, meeting.organizer)
    return MeetingTouch(meeting, tuple(parties.values()))


@dataclass
class Sorted:
    """A file's records, sorted into turns, meetings and what is not a touch."""

    turns: list[Turn]
    meetings: list[MeetingTouch]
    ignored: Counter[str]


def sort_records(records: Iterable[Record], me: Me, now: datetime) -> Sorted:
    """Apply the rules to one file's *records*."""
    ignored: Counter[str] = Counter()
    meetings: list[MeetingTouch] = []

    def touching() -> Iterator[Message]:
        for record in records:
            if isinstance(record, Message):
                if record.ignored:
                    ignored[record.ignored] += 1
                elif len(record.to) + len(record.cc) > model.MAX_RECIPIENTS:
                    ignored[model.TOO_MANY_RECIPIENTS] += 1
                else:
                    yield record
            else:
                touch = meeting_touch(record, me, now)
                if isinstance(touch, str):
                    ignored[touch] += 1
                else:
                    meetings.append(touch)

    kept = []
    for turn in turns(touching(), me):
        if len(turn.parties) > model.MAX_RECIPIENTS:  # a big group chat: like mail to more than 20 people
            ignored[model.TOO_MANY_RECIPIENTS] += turn.messages
        else:
            kept.append(turn)
    return Sorted(kept, meetings, ignored)


def tally(records: Iterable[Record], me: Me, *, now: datetime) -> dict[str, dict[str, int]]:
    """Per counterpart key: the inbound and outbound turns and the meetings that touch it
    (for tests and the review: what capture would write if every counterpart were a contact)."""
    found = sort_records(records, me, now)
    counts: dict[str, dict[str, int]] = {}

    def add(party: Party, what: str) -> None:
        counts.setdefault(me.key(party), {"in": 0, "out": 0, "meeting": 0})[what] += 1

    for turn in found.turns:
        for party in turn.parties:
            add(party, turn.direction)
    for meeting in found.meetings:
        for party in meeting.parties:
            add(party, "meeting")
    return counts
