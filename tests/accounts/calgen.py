"""Generated calendars for the CalDAV tests: the same events as CalDAV objects to PUT and as
one ``.ics`` file, relative to a day (normally today) so that the past stays past.

Every start lies at least two days away from the moment the calendar is made: neither a
slow test run nor the CalDAV reader's one-day margin around "now" can move an event across
it. *Me* is :data:`ME`.

:func:`standard` holds (with ``today`` = the day given):

=====================  ==================================================================
weekly sync            Europe/Berlin 10:00, weekly from today−59 days, no end; EXDATE at
                       today−17; the occurrence of today−10 moved to 15:00; me + Ada + Ben
vendor pitch           UTC, today−5, declined by me (organizer Carl)
planning               America/New_York 09:00, today−6; Ada accepted, Dora declined
cancelled review       STATUS:CANCELLED, today−7; Ben
offsite                all-day, today−8; Ada, Eve
lunch                  floating 12:30, today−4; Frank
call with Eve          UTC 16:00, today−9; Eve
all hands              today−12, 25 attendees (not a touch)
future meeting         Europe/Berlin, today+5; Ada (not started: not a touch)
=====================  ==================================================================
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ME = "dana@example.com"
ADA = "ada@example.org"
BEN = "ben@example.org"
CARL = "carl@example.org"
DORA = "dora@example.org"
EVE = "eve@example.org"
FRANK = "frank@example.org"
PRODID = "-//Deal Journal tests//calgen//EN"

ZONES = {
    "Europe/Berlin": """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""",
    "America/New_York": """BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""",
}


def fold(line: str) -> str:
    """An iCalendar content line folded at 75 octets (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, chunk = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(chunk) + len(b) > (75 if not parts else 74):
            parts.append(chunk.decode("utf-8"))
            chunk = b""
        chunk += b
    parts.append(chunk.decode("utf-8"))
    return "\r\n ".join(parts)


def _stamp(moment: datetime, tzid: str | None) -> str:
    """A DTSTART-like property's parameters and value: ``;TZID=…:YYYYMMDDTHHMMSS``, ``:…Z`` for
    UTC (tzid "UTC"), floating without a zone (tzid None)."""
    text = moment.strftime("%Y%m%dT%H%M%S")
    if tzid == "UTC":
        return ":" + text + "Z"
    if tzid:
        return f";TZID={tzid}:{text}"
    return ":" + text


@dataclass
class Event:
    """One VEVENT (and, for a series, its overrides): one CalDAV object."""

    uid: str
    summary: str
    start: datetime | date
    tzid: str | None = "UTC"               # "UTC", an Olson name, or None (floating); unused for dates
    attendees: list[tuple[str, str]] = field(default_factory=list)   # (address, PARTSTAT)
    organizer: str | None = ME
    status: str | None = None
    rrule: str | None = None
    exdates: list[datetime] = field(default_factory=list)
    moved: dict[datetime, datetime] = field(default_factory=dict)    # RECURRENCE-ID → new start
    minutes: int = 60
    sequence: int = 0

    @property
    def zones(self) -> set[str]:
        return {self.tzid} if self.tzid in ZONES and isinstance(self.start, datetime) else set()

    def _when(self, name: str, moment: datetime | date) -> str:
        if isinstance(moment, datetime):
            return name + _stamp(moment, self.tzid)
        return f"{name};VALUE=DATE:{moment.strftime('%Y%m%d')}"

    def _block(self, start: datetime | date, recurrence_id: datetime | None = None) -> list[str]:
        end = start + (timedelta(minutes=self.minutes) if isinstance(start, datetime) else timedelta(days=1))
        lines = ["BEGIN:VEVENT", f"UID:{self.uid}", "DTSTAMP:20260101T000000Z",
                 self._when("DTSTART", start), self._when("DTEND", end), f"SUMMARY:{self.summary}",
                 f"SEQUENCE:{self.sequence}"]
        if recurrence_id is not None:
            lines.append(self._when("RECURRENCE-ID", recurrence_id))
        elif self.rrule:
            lines.append("RRULE:" + self.rrule)
            lines.extend(self._when("EXDATE", x) for x in self.exdates)
        if self.status:
            lines.append("STATUS:" + self.status)
        if self.organizer:
            lines.append(f"ORGANIZER;CN={_cn(self.organizer)}:mailto:{self.organizer}")
        for address, partstat in self.attendees:
            lines.append(f"ATTENDEE;CN={_cn(address)};PARTSTAT={partstat}:mailto:{address}")
        lines.append("END:VEVENT")
        return lines

    def blocks(self) -> list[str]:
        lines = self._block(self.start)
        for original, new in sorted(self.moved.items()):
            lines += self._block(new, original)
        return lines

    def ics(self) -> str:
        """This event alone as a VCALENDAR (one CalDAV object), with the zones it names."""
        return calendar_text([self])


def _cn(address: str) -> str:
    return address.split("@", 1)[0].capitalize()


def calendar_text(events: list[Event]) -> str:
    """A VCALENDAR holding *events* and the VTIMEZONEs they name."""
    zones = sorted(set().union(*(e.zones for e in events)) if events else set())
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for zone in zones:
        lines += ZONES[zone].splitlines()
    for event in events:
        lines += event.blocks()
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def write_ics(events: list[Event], path: Path) -> Path:
    path.write_bytes(calendar_text(events).encode("utf-8"))
    return path


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def uid(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:12]}@calgen.test"


def standard(today: date | None = None) -> list[Event]:
    """The calendar the module's docstring describes."""
    d = today or date.today()
    first = _at(d - timedelta(days=59), 10)
    return [
        Event(uid("weekly"), "Weekly sync", first, "Europe/Berlin",
              [(ME, "ACCEPTED"), (ADA, "ACCEPTED"), (BEN, "ACCEPTED")], rrule="FREQ=WEEKLY",
              exdates=[_at(d - timedelta(days=17), 10)],
              moved={_at(d - timedelta(days=10), 10): _at(d - timedelta(days=10), 15)}),
        Event(uid("pitch"), "Vendor pitch", _at(d - timedelta(days=5), 14), "UTC",
              [(ME, "DECLINED"), (CARL, "ACCEPTED")], organizer=CARL),
        Event(uid("planning"), "Planning", _at(d - timedelta(days=6), 9), "America/New_York",
              [(ME, "ACCEPTED"), (ADA, "ACCEPTED"), (DORA, "DECLINED")]),
        Event(uid("cancelled"), "Cancelled review", _at(d - timedelta(days=7), 11), "UTC",
              [(ME, "ACCEPTED"), (BEN, "ACCEPTED")], status="CANCELLED"),
        Event(uid("offsite"), "Offsite", d - timedelta(days=8), None,
              [(ME, "ACCEPTED"), (ADA, "ACCEPTED"), (EVE, "TENTATIVE")]),
        Event(uid("lunch"), "Lunch", _at(d - timedelta(days=4), 12, 30), None, [(FRANK, "ACCEPTED")]),
        Event(uid("call"), "Call with Eve", _at(d - timedelta(days=9), 16), "UTC", [(EVE, "ACCEPTED")]),
        Event(uid("allhands"), "All hands", _at(d - timedelta(days=12), 9), "UTC",
              [(f"guest{i:02d}@example.net", "ACCEPTED") for i in range(1, 26)]),
        Event(uid("future"), "Future meeting", _at(d + timedelta(days=5), 11), "Europe/Berlin",
              [(ME, "ACCEPTED"), (ADA, "ACCEPTED")]),
    ]


# What the standard calendar gives per counterpart (rules.tally's shape), when Me is ME.
STANDARD_TALLY = {
    f"email:{address}": {"in": 0, "out": 0, "meeting": n} for address, n in (
        (ADA, 8 + 1 + 1),   # the weekly series (9 starts, one EXDATE), planning, offsite
        (BEN, 8),           # the weekly series (the cancelled review is not a touch)
        (EVE, 2),           # offsite, the call
        (FRANK, 1),         # lunch
    )
}


def old_weekly(today: date | None = None, weeks: int = 30) -> Event:
    """A weekly series that began *weeks* weeks ago (before a short first-fetch window),
    its last occurrence three days ago; with Ada."""
    d = today or date.today()
    first = _at(d - timedelta(days=3 + 7 * (weeks - 1)), 10)
    return Event(uid("old-weekly"), "Old weekly", first, "UTC", [(ME, "ACCEPTED"), (ADA, "ACCEPTED")],
                 rrule="FREQ=WEEKLY")


def single(name: str, day: date, attendee: str, hour: int = 10, tzid: str | None = "UTC") -> Event:
    """One plain meeting with *attendee*."""
    return Event(uid(name), name.capitalize(), _at(day, hour), tzid, [(ME, "ACCEPTED"), (attendee, "ACCEPTED")])
