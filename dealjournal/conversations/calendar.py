"""Calendars (``.ics``): one :class:`~dealjournal.conversations.model.Meeting` per occurrence.

Google exports (``X-WR-TIMEZONE``, ``X-WR-CALNAME``), Outlook/Exchange (``METHOD:REPLY``,
Windows zone names), Apple and any RFC 5545 file, also a bare ``BEGIN:VEVENT`` file.

The file is read as a stream, twice. The first pass keeps the calendar's own properties,
its VTIMEZONEs and, per UID, the byte offsets where that UID's VEVENT blocks start. The
second pass reads one UID at a time (an event alone, or a series with its overrides) and
hands only those blocks, with the time zones they name, to icalendar — so memory is bounded
by the largest UID group (plus a small int per UID), never the file. A block keeps only
what a meeting needs (no DESCRIPTION, no alarms, no attendees at all once there are more than
20: an event with 100,000 attendees costs a counter, not 100,000 objects). Series are expanded by recurring-ical-events from their
start up to now, after counting (without keeping) that the rule gives at most
:data:`MAX_OCCURRENCES` starts: a rule repeating every second would otherwise fill memory.

Decisions: a file cut short (no ``END:VCALENDAR``) is read up to its last complete event;
the event it cuts off counts as unreadable. Rooms and resources (``CUTYPE=ROOM``/``RESOURCE``)
are not attendees. Duplicated non-recurring blocks of one UID give one meeting (the highest
SEQUENCE, else the last). An event without UID gets a key digested from its DTSTART and
SUMMARY lines, stable across re-exports.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import warnings
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]
import x_wr_timezone  # type: ignore[import-untyped]
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from icalendar import Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from dealjournal.conversations.model import (
    CANCELLED,
    EMAIL,
    FUTURE,
    MAX_RECIPIENTS,
    NAME,
    PHONE,
    TOO_MANY_RECIPIENTS,
    UNREADABLE,
    Attendee,
    CaptureFormatError,
    Meeting,
    Party,
    Reader,
    Record,
)
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

MAX_OCCURRENCES = 10_000     # a daily meeting for 27 years; a series with more is unreadable
SUMMARY_LENGTH = 120
_CHUNK = 1 << 16             # the most of one physical line read at once
_MAX_LINE = 1 << 18          # a longer logical line is dropped, never held
_MAX_BLOCK = 1 << 22         # the kept text of one VEVENT block
_MAX_GROUP = 1 << 24         # the kept text of one UID's blocks together
_MAX_ZONES = 1 << 22         # the text of all VTIMEZONEs together
_MAX_DEPTH = 64              # nesting kept track of (hostile files nest deeper)
_WINDOW = 2_000              # a series with more starts is expanded year by year
# What a meeting needs of an event; DTEND/DURATION are left out on purpose: without them a
# series is only ever expanded up to the window asked for (a 1000-year event cannot stretch it).
_KEPT = frozenset({"UID", "DTSTART", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "SUMMARY",
                   "STATUS", "ORGANIZER", "SEQUENCE"})
_CROWD = "X-DEALJOURNAL-ATTENDEES"  # set on a block with more than 20 attendees (they are dropped)
_ROOMS = frozenset({"ROOM", "RESOURCE"})
# What icalendar and recurring-ical-events raise on input they cannot make sense of.
_BROKEN = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, AssertionError,
           RecursionError)

_NAME = re.compile(r"[^;:]*")
_VALUE = re.compile(r'(?:[^":]|"[^"]*")*:')
_TZID = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)
_UNTIL = re.compile(r";?UNTIL=([^;]*)", re.IGNORECASE)
_NEGATIVE_COUNT = re.compile(r";?COUNT=-\d+", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+\Z")
_MAILTO = re.compile(r"mailto:", re.IGNORECASE)


def _name(line: str) -> str:
    """A content line's property name, upper-case (``ATTENDEE`` of ``ATTENDEE;CN=…:…``)."""
    found = _NAME.match(line)
    return found.group().strip().upper() if found else ""


def _value(line: str) -> str:
    """A content line's value: after the first colon that is not inside a quoted parameter."""
    found = _VALUE.match(line)
    return line[found.end():] if found else ""


def _lines(handle: BinaryIO, start: int) -> Iterator[tuple[int, str | None]]:
    """The unfolded content lines from byte *start* on, each with the offset it starts at.

    Unfolded as bytes, then decoded (a fold may split a UTF-8 sequence); invalid UTF-8
    becomes U+FFFD. A line longer than _MAX_LINE comes as None: its text is never held."""
    handle.seek(start)
    offset = start
    line = bytearray()
    line_at = start
    overlong = False
    mid_line = False                 # the last read stopped inside a long physical line
    while chunk := handle.readline(_CHUNK):
        at, offset = offset, offset + len(chunk)
        ended = chunk.endswith(b"\n")
        body = chunk[:-1] if ended else chunk
        if mid_line or (body[:1] in (b" ", b"\t") and at > start):
            part = body if mid_line else body[1:]
        else:
            if at > start:
                yield from _emitted(line_at, line, overlong)
            line, line_at, overlong, part = bytearray(), at, False, body
        if not overlong and len(line) + len(part) > _MAX_LINE:
            line, overlong = bytearray(), True
        if not overlong:
            line += part
            if ended and line.endswith(b"\r"):
                del line[-1]
        mid_line = not ended
    if offset > start:
        yield from _emitted(line_at, line, overlong)


def _emitted(at: int, line: bytearray, overlong: bool) -> Iterator[tuple[int, str | None]]:
    """One logical line as _lines yields it (nothing for an empty line)."""
    if overlong:
        yield at, None
        return
    text = line.decode("utf-8", "replace")
    if at == 0:
        text = text.lstrip("\ufeff")
    if text.strip():
        yield at, text


def _uid_of(uid: str, dtstart: str, summary: str) -> str:
    """The event's UID, or for an event without one a digest of its DTSTART and SUMMARY
    lines (the same on the next export, unlike a position in the file)."""
    if uid:
        return uid
    digest = hashlib.sha256(f"{dtstart}\n{summary}".encode("utf-8", "replace")).hexdigest()
    return "no-uid-" + digest[:24]


def _group_key(uid: str) -> int:
    """A UID as 8 bytes: the index holds one small int per UID, not the UID's text."""
    return int.from_bytes(hashlib.blake2b(uid.encode("utf-8", "replace"), digest_size=8).digest(), "big")


@dataclass
class _Index:
    """What the first pass keeps: the calendar's properties, its zones, where each UID is."""

    groups: dict[int, int | list[int]] = field(default_factory=dict)
    zones: dict[str, str] = field(default_factory=dict)
    zone_chars: int = 0
    x_wr_timezone: str = ""
    calname: str = ""
    method: str = ""
    calendar: bool = False           # a VCALENDAR or a VEVENT was seen
    cut: int = 0                     # VEVENT blocks without their END

    def add(self, uid: str, offset: int) -> None:
        key = _group_key(uid)
        known = self.groups.get(key)
        if known is None:
            self.groups[key] = offset
        elif isinstance(known, int):
            self.groups[key] = [known, offset]
        else:
            known.append(offset)

    def add_zone(self, lines: list[str]) -> None:
        """Keep a VTIMEZONE by its TZID (the first of a name wins)."""
        tzid = next((_value(line).strip() for line in lines if _name(line) == "TZID"), "")
        text = "\r\n".join(lines)
        if tzid and tzid not in self.zones:
            self.zones[tzid] = text
            self.zone_chars += len(text)


@dataclass
class _Pending:
    """The VEVENT the first pass is inside of."""

    offset: int
    depth: int
    uid: str = ""
    dtstart: str = ""
    summary: str = ""


class _Scan:
    """The first pass, fed one content line at a time."""

    def __init__(self) -> None:
        self.index = _Index()
        self.stack: list[str] = []
        self.lost = 0                # BEGINs past _MAX_DEPTH, matched by the next ENDs
        self.event: _Pending | None = None
        self.zone: list[str] | None = None
        self.zone_depth = 0
        self.zone_size = 0

    def feed(self, offset: int, line: str) -> None:
        name = _name(line)
        if self.zone is not None:
            self._zone_line(line)
        if name == "BEGIN":
            self._begin(offset, line)
        elif name == "END":
            self._end(_value(line).strip().upper())
        elif self.event is not None and len(self.stack) == self.event.depth:
            self._event_property(name, line)
        elif self.stack == ["VCALENDAR"]:
            self._calendar_property(name, _value(line).strip())

    def _zone_line(self, line: str) -> None:
        """Keep a VTIMEZONE's line, unless the zones grew past _MAX_ZONES (then it is dropped)."""
        assert self.zone is not None
        self.zone_size += len(line)
        if self.zone_size + self.index.zone_chars <= _MAX_ZONES:
            self.zone.append(line)
        else:
            self.zone.clear()

    def _begin(self, offset: int, line: str) -> None:
        component = _value(line).strip().upper()
        if len(self.stack) >= _MAX_DEPTH:
            self.lost += 1
            return
        self.stack.append(component)
        top_level = all(c == "VCALENDAR" for c in self.stack[:-1])
        if component == "VCALENDAR":
            self.index.calendar = True
        elif component == "VEVENT" and top_level and self.event is None and self.zone is None:
            self.event = _Pending(offset, len(self.stack))
            self.index.calendar = True
        elif component == "VTIMEZONE" and top_level and self.zone is None and self.event is None:
            self.zone, self.zone_depth, self.zone_size = [line], len(self.stack), len(line)

    def _end(self, component: str) -> None:
        if self.lost:
            self.lost -= 1
            return
        if component not in self.stack:
            return                   # a stray END
        while self.stack and self.stack.pop() != component:
            pass
        depth = len(self.stack)
        if self.event is not None and depth < self.event.depth:
            self._close_event(complete=component == "VEVENT" and depth == self.event.depth - 1)
        if self.zone is not None and depth < self.zone_depth:
            if component == "VTIMEZONE" and self.zone:
                self.index.add_zone(self.zone)
            self.zone = None

    def _close_event(self, complete: bool) -> None:
        event, self.event = self.event, None
        assert event is not None
        if complete:
            self.index.add(_uid_of(event.uid, event.dtstart, event.summary), event.offset)
        else:
            self.index.cut += 1

    def _event_property(self, name: str, line: str) -> None:
        event = self.event
        assert event is not None
        if name == "UID" and not event.uid:
            event.uid = _value(line).strip()
        elif name == "DTSTART" and not event.dtstart:
            event.dtstart = line
        elif name == "SUMMARY" and not event.summary:
            event.summary = line

    def _calendar_property(self, name: str, value: str) -> None:
        index = self.index
        if name == "X-WR-TIMEZONE" and not index.x_wr_timezone and _known_zone(value):
            index.x_wr_timezone = value
        elif name == "X-WR-CALNAME" and not index.calname:
            index.calname = value
        elif name == "METHOD" and not index.method:
            index.method = value.upper()

    def finish(self) -> _Index:
        """The index, once the file has ended (an open VEVENT was cut off)."""
        if self.event is not None:
            self.index.cut += 1
        return self.index


def _known_zone(name: str) -> bool:
    """Whether X-WR-TIMEZONE names a zone this system knows (else it is ignored, as if absent)."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@dataclass
class _Block:
    """One VEVENT block as the second pass keeps it."""

    lines: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    attendees: int = 0
    uid: str = ""
    dtstart: str = ""
    summary: str = ""
    sequence: int = 0
    override: bool = False           # has a RECURRENCE-ID
    rule: bool = False               # has an RRULE or RDATE
    size: int = 0
    complete: bool = False

    def add(self, name: str, line: str) -> None:
        if name == "ATTENDEE":
            self._attendee(line)
            return
        if name not in _KEPT or self.size > _MAX_BLOCK:
            return
        self.size += len(line)
        self.lines.append(line)
        value = _value(line).strip()
        if name == "UID" and not self.uid:
            self.uid = value
        elif name == "DTSTART" and not self.dtstart:
            self.dtstart = line
        elif name == "SUMMARY" and not self.summary:
            self.summary = line
        elif name == "SEQUENCE":
            self.sequence = int(value) if value.isdigit() else 0
        self.override = self.override or name == "RECURRENCE-ID"
        self.rule = self.rule or name in ("RRULE", "RDATE")

    @property
    def recurring(self) -> bool:
        return self.override or self.rule

    def adopt(self) -> None:
        """Make an override that carries its own RRULE/RDATE the series it belongs to (Lotus
        Notes exports a series as a RANGE=THISANDFUTURE override without its first event)."""
        self.lines = [line for line in self.lines if _name(line) != "RECURRENCE-ID"]
        self.override = False

    def _attendee(self, line: str) -> None:
        """Count every attendee; keep their lines only while there are at most 20."""
        self.attendees += 1
        if self.attendees <= MAX_RECIPIENTS:
            self.people.append(line)
            self.size += len(line)
        else:
            self.people.clear()

    def content(self) -> list[str]:
        """The lines to hand to icalendar: with a UID (made up when missing) and the
        attendee count marker when the attendees were dropped."""
        lines = list(self.lines)
        if not self.uid:
            lines.append("UID:" + _uid_of("", self.dtstart, self.summary))
        if self.attendees > MAX_RECIPIENTS:
            lines.append(f"{_CROWD}:{self.attendees}")
        else:
            lines.extend(self.people)
        return lines


def _read_block(handle: BinaryIO, offset: int) -> _Block:
    """The VEVENT block starting at *offset*: its own properties (subcomponents skipped)."""
    block = _Block()
    depth = 0
    for _, line in _lines(handle, offset):
        if line is None:
            continue
        name = _name(line)
        if name == "BEGIN":
            depth += 1
            if depth > 1 and _value(line).strip().upper() == "VEVENT":
                break                # the next event began before this one ended
        elif name == "END" and _value(line).strip().upper() == "VEVENT":
            block.complete = True
            break
        elif name == "END":
            depth -= 1
        elif depth == 1:
            block.add(name, line)
    return block


def _calendar_text(blocks: list[_Block], index: _Index, zones: bool) -> str:
    """A calendar of *blocks* alone, with X-WR-TIMEZONE and (when *zones*) the VTIMEZONEs they name."""
    contents = [block.content() for block in blocks]
    tzids = {match.strip('"') for lines in contents for line in lines for match in _TZID.findall(line)}
    parts = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    if index.x_wr_timezone:
        parts.append("X-WR-TIMEZONE:" + index.x_wr_timezone)
    if zones:
        parts.extend(index.zones[tzid] for tzid in sorted(tzids) if tzid in index.zones and not _named(tzid))
    for lines in contents:
        parts.extend(["BEGIN:VEVENT", *lines, "END:VEVENT"])
    parts.append("END:VCALENDAR")
    return "\r\n".join(parts) + "\r\n"


@functools.lru_cache(maxsize=256)
def _named(tzid: str) -> bool:
    """Whether icalendar resolves *tzid* by its name (Olson or Windows): it then ignores the
    file's VTIMEZONE for it, so handing that over would only cost time (most of it, per event)."""
    name = tzid.strip("/")
    return name in WINDOWS_TO_OLSON or _known_zone(name)


def _parse(blocks: list[_Block], index: _Index) -> icalendar.Calendar | None:
    """The blocks as an icalendar Calendar, or None when icalendar cannot read them.

    A VTIMEZONE icalendar rejects (iCloud writes ``TZOFFSETFROM:+5328`` for 0:53:28) is
    left out on a second try: its TZID is then floating unless icalendar knows the name.
    What icalendar warns about (a guessed vendor TZID) concerns the file, not the program."""
    for zones in (True, False):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return icalendar.Calendar.from_ical(_calendar_text(blocks, index, zones))
        except _BROKEN:  # hostile input may break the parser anywhere: one event is lost, not the file
            continue
    return None


def _first(value: Any) -> Any:
    """A property icalendar gives as a list when the event repeats it: its first value."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _when(prop: Any) -> date | datetime | None:
    """The date or datetime of a DTSTART/RECURRENCE-ID property, None when unusable."""
    try:
        value = getattr(_first(prop), "dt", None)
    except ValueError:           # icalendar's BrokenCalendarProperty: a value it could not parse
        return None
    return value if isinstance(value, date) else None


def _local(value: date | datetime) -> date | datetime:
    """Local wall-clock time: aware → the user's zone without tzinfo; floating and all-day as they are."""
    if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone().replace(tzinfo=None)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value


def _instant(value: date | datetime) -> str:
    """An occurrence's start as it goes into the source key: ISO, in UTC when aware."""
    if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat() + "Z"
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    return value.isoformat()


def _later(start: date | datetime, now: datetime) -> bool:
    """Whether *start* (local) has not begun by *now*."""
    if isinstance(start, datetime):
        return start > now
    return start > now.date()


def _naive(value: date | datetime) -> datetime:
    """A datetime to compare roughly with now (wall clock of whatever zone it is in)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, datetime.min.time())


def _party(address: Any) -> Party | None:
    """Who an ATTENDEE/ORGANIZER value names: the mailto: address (or Apple's EMAIL
    parameter), a tel: number, else the CN; None for a room or resource or for nobody."""
    if address is None:
        return None
    params = getattr(address, "params", {})
    if str(params.get("CUTYPE", "")).upper() in _ROOMS:
        return None
    name = " ".join(str(params.get("CN", "")).split())
    scheme, _, rest = str(address).strip().partition(":")
    email = rest.strip() if scheme.lower() == "mailto" else _MAILTO.sub("", str(params.get("EMAIL", ""))).strip()
    if "@" in email:
        if email.lower().endswith("resource.calendar.google.com"):
            return None              # a Google room
        return Party(EMAIL, email.lower(), name)
    if scheme.lower() == "tel" and rest.strip():
        return Party(PHONE, rest.strip(), name)
    return Party(NAME, name, name) if name else None


def _attendees(event: Component) -> tuple[Attendee, ...]:
    found = []
    for address in _as_list(event.get("ATTENDEE")):
        party = _party(address)
        if party is not None:
            partstat = str(getattr(address, "params", {}).get("PARTSTAT", "")).strip().upper()
            found.append(Attendee(party, partstat or "NEEDS-ACTION"))
    return tuple(found)


def _summary(event: Component) -> str:
    """SUMMARY on one line, at most 120 characters."""
    return " ".join(str(_first(event.get("SUMMARY")) or "").split())[:SUMMARY_LENGTH]


def _starts(event: Component, horizon: datetime) -> int:
    """How many starts the event's RRULEs and RDATEs give up to *horizon*, counted (never
    kept) up to MAX_OCCURRENCES + 1; more than that when a rule cannot be read."""
    first = _when(event.get("DTSTART"))
    if first is None:
        return 0
    total = sum(len(getattr(rdate, "dts", ())) for rdate in _as_list(event.get("RDATE")))
    try:
        for rule in _as_list(event.get("RRULE")):
            total += _rule_starts(rule.to_ical().decode("utf-8", "replace"), _naive(first), horizon,
                                  MAX_OCCURRENCES + 1 - total)
    except (AttributeError, ValueError, TypeError, OverflowError):
        return MAX_OCCURRENCES + 1
    return total


def _rule_starts(rule: str, first: datetime, horizon: datetime, most: int) -> int:
    """How many starts one RRULE gives from *first* up to its UNTIL or *horizon*, at most *most*."""
    text = _NEGATIVE_COUNT.sub("", rule)
    until = _until(text)
    stop = min(horizon, until) if until is not None else horizon
    count = 0
    for start in rrulestr(_UNTIL.sub("", text), dtstart=first):
        if start > stop or count >= most:
            break
        count += 1
    return count


def _until(rule: str) -> datetime | None:
    """A rule's UNTIL as a naive datetime (its zone does not matter for counting)."""
    found = _UNTIL.search(rule)
    digits = re.sub(r"\D", "", found.group(1)) if found else ""
    try:
        if len(digits) >= 14:
            return datetime.strptime(digits[:14], "%Y%m%d%H%M%S")
        if len(digits) >= 8:
            return datetime.strptime(digits[:8], "%Y%m%d") + timedelta(days=1)
    except ValueError:
        return None
    return None


def _windows(earliest: datetime, now: datetime, starts: int) -> list[tuple[datetime, datetime]]:
    """The spans a series is asked for: one, or year by year for a long series (so no
    single answer holds thousands of occurrences)."""
    first = datetime(max(earliest.year - 1, 1), 1, 1)
    last = now + timedelta(days=2)
    if starts <= _WINDOW:
        return [(first, last)]
    years = range(first.year, now.year + 1)
    return [(datetime(y, 1, 1), min(datetime(y + 1, 1, 1), last)) for y in years]


class IcsReader(Reader):
    """An iCalendar file (``.ics``): Google, Outlook/Exchange, Apple, any RFC 5545 export."""

    format = "ics"
    label = "iCalendar file"

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        """A calendar begins with BEGIN:VCALENDAR (or, exported bare, BEGIN:VEVENT)."""
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:16].upper()
        return start.startswith((b"BEGIN:VCALENDAR", b"BEGIN:VEVENT"))

    def records(self) -> Iterator[Record]:
        now = datetime.now()
        try:
            with self.path.open("rb") as handle:
                index = self._scan(handle)
                self._hint(index)
                yield from self._groups(handle, index, now)
        except OSError as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                            file=self.path.name,
                                            error=exc.strerror or type(exc).__name__)) from None

    def _scan(self, handle: BinaryIO) -> _Index:
        """The first pass (half of the progress): the index, or CaptureFormatError when the
        file holds no calendar at all."""
        scan = _Scan()
        for offset, line in _lines(handle, 0):
            self.tell(offset // 2)
            if line is not None:
                scan.feed(offset, line)
        index = scan.finish()
        if not index.calendar:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is not a calendar: it has no BEGIN:VCALENDAR line."), file=self.path.name))
        if index.cut:
            self.skip(UNREADABLE, index.cut)
        return index

    def _hint(self, index: _Index) -> None:
        """Google names the primary calendar after its account's address: that is the user."""
        if _EMAIL.match(index.calname):
            self.me_hints.append(Party(EMAIL, index.calname.lower()))

    def _groups(self, handle: BinaryIO, index: _Index, now: datetime) -> Iterator[Meeting]:
        """The second pass, UID by UID in the order they first appear."""
        size = self.size()
        for offsets in index.groups.values():
            spots = [offsets] if isinstance(offsets, int) else offsets
            self.tell((size + spots[0]) // 2)
            blocks = self._blocks(handle, spots)
            if not blocks:
                continue
            if any(block.recurring for block in blocks):
                yield from self._series(blocks, index, now)
            else:
                yield from self._single(blocks, index, now)

    def _blocks(self, handle: BinaryIO, spots: list[int]) -> list[_Block]:
        """One UID's blocks; an unreadable or oversized one is counted and left out, and a
        group larger than _MAX_GROUP is left out whole."""
        blocks: list[_Block] = []
        kept = 0
        for spot in spots:
            block = _read_block(handle, spot)
            if not block.complete or block.size > _MAX_BLOCK:
                self.skip(UNREADABLE)
                continue
            kept += block.size
            if kept > _MAX_GROUP:
                self.skip(UNREADABLE, len(spots))
                return []
            blocks.append(block)
        return blocks

    def _single(self, blocks: list[_Block], index: _Index, now: datetime) -> Iterator[Meeting]:
        """An event that does not repeat (of duplicates, the highest SEQUENCE, else the last)."""
        _, block = max(enumerate(blocks), key=lambda pair: (pair[1].sequence, pair[0]))
        calendar = _parse([block], index)
        try:
            events = x_wr_timezone.to_standard(calendar).walk("VEVENT") if calendar is not None else []
        except _BROKEN:  # a value X-WR-TIMEZONE cannot be applied to
            events = []
        meeting = _meeting(events[0], False, index, now) if events else None
        if meeting is None:
            self.skip(UNREADABLE)
        else:
            yield meeting

    def _series(self, blocks: list[_Block], index: _Index, now: datetime) -> Iterator[Meeting]:
        """A repeating event with its overrides: each occurrence from its start up to now."""
        if all(block.override for block in blocks):
            for block in blocks:
                if block.rule:
                    block.adopt()
        calendar = _parse(blocks, index)
        horizon = now + timedelta(days=2)
        starts = sum(_starts(event, horizon) for event in calendar.walk("VEVENT")) if calendar else 0
        if calendar is None or starts > MAX_OCCURRENCES:
            self.skip(UNREADABLE)
            return
        try:
            yield from self._occurrences(calendar, index, now, starts)
        except _BROKEN:  # recurring-ical-events fails in many ways on hostile rules: this series is lost
            self.skip(UNREADABLE)

    def _occurrences(self, calendar: icalendar.Calendar, index: _Index, now: datetime,
                     starts: int) -> Iterator[Meeting]:
        earliest = min((_naive(when) for when in map(_when, (e.get("DTSTART") for e in calendar.walk("VEVENT")))
                        if when is not None), default=now)
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        seen: set[str] = set()
        for low, high in _windows(earliest, now, starts):
            found = (_meeting(occurrence, True, index, now) for occurrence in query.between(low, high))
            for meeting in sorted((m for m in found if m is not None), key=lambda m: (_naive(m.start), m.key)):
                if meeting.key not in seen and not _later(meeting.start, now):
                    seen.add(meeting.key)
                    yield meeting


def _meeting(event: Component, recurring: bool, index: _Index, now: datetime) -> Meeting | None:
    """The meeting *event* (or one occurrence) is; None without a usable start."""
    first = _when(event.get("DTSTART"))
    if first is None:
        return None
    try:
        start = _local(first)
        key = str(_first(event.get("UID")) or "").strip()
        if recurring:
            key += "/" + _instant(_when(event.get("RECURRENCE-ID")) or first)
    except (OverflowError, ValueError):
        return None
    return Meeting(key=key, start=start, summary=_summary(event), organizer=_party(_first(event.get("ORGANIZER"))),
                   attendees=_attendees(event), ignored=_ignored(event, index, start, now))


def _ignored(event: Component, index: _Index, start: date | datetime, now: datetime) -> str | None:
    """Why the file itself says the meeting is not a touch (or None)."""
    if index.method == "CANCEL" or str(_first(event.get("STATUS")) or "").strip().upper() == "CANCELLED":
        return CANCELLED
    if _CROWD in event:
        return TOO_MANY_RECIPIENTS
    if _later(start, now):
        return FUTURE
    return None


class _Text(IcsReader):
    """One calendar held in memory (a CalDAV calendar object), read by IcsReader's own passes."""

    def __init__(self, data: bytes) -> None:
        super().__init__("calendar object")
        self._data = data

    def size(self) -> int:
        return len(self._data)

    def meetings(self, now: datetime) -> Iterator[Meeting]:
        handle = io.BytesIO(self._data)
        index = self._scan(handle)
        yield from self._groups(handle, index, now)


def meetings_of(text: str | bytes, *, now: datetime | None = None,
                skipped: dict[str, int] | None = None) -> Iterator[Meeting]:
    """The meetings of one VCALENDAR text (a CalDAV calendar object resource: one event, or a
    series with its overrides) by the rules of :class:`IcsReader`: one per occurrence that has
    started by *now* (local, naive; default the current time), keyed ``UID/occurrence`` for a
    series; a single event not started yet comes with ``ignored=FUTURE``. What cannot be read is
    counted into *skipped* by reason; :class:`CaptureFormatError` when the text holds no calendar."""
    reader = _Text(text.encode("utf-8") if isinstance(text, str) else text)
    try:
        yield from reader.meetings(now if now is not None else datetime.now())
    finally:
        if skipped is not None:
            for reason, n in reader.skipped.items():
                skipped[reason] = skipped.get(reason, 0) + n
