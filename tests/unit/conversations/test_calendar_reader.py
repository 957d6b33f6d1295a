"""The iCalendar reader: every quirk fixture with its meetings per counterpart counted by hand,
the record-level facts (keys, local start times, why ignored) and hostile input.

The fixtures in fixtures/ics/ are our own; each reproduces quirks of the public samples of
collective/icalendar (src/icalendar/tests/calendars/) and jazzband/icalevents (test/test_data/):

- google_export.ics — Google: X-WR-CALNAME is the account address (a hint for Me),
  X-WR-TIMEZONE (UTC and floating times mean that zone, so a weekly series in UTC keeps its
  New York wall time across the DST change), an override before its master, EXDATE in UTC,
  a Google room, an alarm with its own ATTENDEE and UID, folds inside a parameter, MAILTO in
  capitals, all-day, cancelled, future.
- outlook_reply.ics — Exchange METHOD:REPLY (declined, accepted, no PARTSTAT), Windows zone
  names, folded UIDs, CRLF.
- exchange_recurring.ics — Exchange series: several EXDATEs on one folded line, an override
  (moved, declined) before its master, an all-day series with an UNTIL in UTC and an override
  whose RECURRENCE-ID is a midnight datetime in another zone.
- apple_quirks.ics — a BOM, Apple's EMAIL parameter on urn:uuid attendees, a VTIMEZONE after
  the events that use it, a quoted TZID, a zone without VTIMEZONE, iCloud's broken VTIMEZONE
  (TZOFFSETFROM:+5328) for a known and for a custom name, a custom zone, a vendor-prefixed
  TZID, an unknown TZID, a tel: and a name-only
  attendee, no UID, a duplicated UID, no or a broken DTSTART, VTODO/VJOURNAL/VFREEBUSY.
- recurring.ics — RRULE with RDATE and EXDATE and a cancelled occurrence, a Google series of
  overrides only, Lotus Notes' RANGE=THISANDFUTURE override carrying the whole series as
  RDATE periods, a yearly all-day birthday, a series that has not started.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import calendar as ics
from dealjournal.conversations.calendar import IcsReader
from dealjournal.conversations.model import (
    CANCELLED,
    EMAIL,
    FUTURE,
    TOO_MANY_RECIPIENTS,
    UNREADABLE,
    CaptureCancelled,
    CaptureFormatError,
    Meeting,
    Party,
)
from tests.unit.conversations.conftest import CORPUS, FIXTURES

ICS = FIXTURES / "ics"
ME = Me.parse(["me@example.com", "+49 170 1234567", "https://www.linkedin.com/in/me-slug", "Sam Seller"],
              region="DE")
NOW = datetime(2026, 12, 3, 12, 0)


def met(n: int) -> dict[str, int]:
    return {"in": 0, "out": 0, "meeting": n}


def read(path: Path) -> tuple[IcsReader, list[Meeting]]:
    reader = IcsReader(path)
    records = list(reader.records())
    assert all(isinstance(r, Meeting) for r in records)
    return reader, [r for r in records if isinstance(r, Meeting)]


def by_key(meetings: list[Meeting]) -> dict[str, Meeting]:
    found = {m.key: m for m in meetings}
    assert len(found) == len(meetings), "source keys are unique within a file"
    return found


def calendar_file(tmp_path: Path, *events: str, head: str = "", name: str = "cal.ics") -> Path:
    path = tmp_path / name
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    path.write_bytes(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{head}{body}END:VCALENDAR\r\n".encode())
    return path


# --- sniffing ------------------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
    b"\xef\xbb\xbfBEGIN:VCALENDAR\nVERSION:2.0\n",
    b"\r\n\r\n  begin:vcalendar\n",
    b"BEGIN:VEVENT\nDTSTART:20250101T100000Z\nEND:VEVENT\n",
])
def test_sniff_knows_a_calendar_by_its_first_line(tmp_path: Path, head: bytes) -> None:
    assert IcsReader.sniff(tmp_path / "export.txt", head)


@pytest.mark.parametrize("head", [
    b"",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n",
    b"From MAILER-DAEMON Thu Jan  1 00:00:00 2025\nSubject: BEGIN:VCALENDAR\n",
    b'{"name": "BEGIN:VCALENDAR"}',
    b"12/01/2025, 10:00 - Ada: BEGIN:VCALENDAR\n",
    b"BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nEND:VTIMEZONE\n",
])
def test_sniff_refuses_what_is_not_a_calendar_whatever_its_name(tmp_path: Path, head: bytes) -> None:
    assert not IcsReader.sniff(tmp_path / "calendar.ics", head)


# --- the quirk fixtures --------------------------------------------------------------------


def test_google_export_meetings_per_counterpart(local_tz: str) -> None:
    reader, meetings = read(ICS / "google_export.ics")
    assert tally(meetings, ME, now=NOW) == {
        "email:ada@example.com": met(1),        # the kickoff; the cancelled and the future call are not
        "email:bea@example.com": met(4),        # 6 weekly, one EXDATE, one override she declined
        "email:carl@example.com": met(1),
        "email:dora@example.com": met(1),       # no PARTSTAT: NEEDS-ACTION
        "email:eve.stone@example.com": met(1),  # tentative
    }
    assert reader.me_hints == [Party(EMAIL, "me@example.com")]
    assert reader.skipped == {}


def test_google_export_times_keys_and_reasons(local_tz: str) -> None:
    _, meetings = read(ICS / "google_export.ics")
    found = by_key(meetings)
    kickoff = found["kickoff-7f3a@google.com"]
    assert kickoff.start == datetime(2025, 1, 15, 16, 0)      # 15:00Z in Berlin
    assert kickoff.summary == "Kickoff with Ada"
    assert [a.party.value for a in kickoff.attendees] == ["ada@example.com", "me@example.com"]  # no room
    # X-WR-TIMEZONE America/New_York: the series stays at 09:00 New York across the US DST
    # change of 9 March (so 14:00Z, then 13:00Z); the keys are the occurrences in UTC.
    weekly = {k: m for k, m in found.items() if k.startswith("weekly-bea-91c2@google.com/")}
    assert {k: m.start for k, m in weekly.items()} == {
        "weekly-bea-91c2@google.com/2025-02-27T14:00:00Z": datetime(2025, 2, 27, 15, 0),
        "weekly-bea-91c2@google.com/2025-03-06T14:00:00Z": datetime(2025, 3, 6, 15, 0),
        "weekly-bea-91c2@google.com/2025-03-20T13:00:00Z": datetime(2025, 3, 20, 16, 0),  # moved to 15:00Z
        "weekly-bea-91c2@google.com/2025-03-27T13:00:00Z": datetime(2025, 3, 27, 14, 0),
        "weekly-bea-91c2@google.com/2025-04-03T13:00:00Z": datetime(2025, 4, 3, 15, 0),   # Berlin in summer time
    }
    moved = weekly["weekly-bea-91c2@google.com/2025-03-20T13:00:00Z"]
    assert moved.summary == "Weekly with Bea (moved)"
    assert (moved.attendees[0].party.value, moved.attendees[0].partstat) == ("bea@example.com", "DECLINED")
    assert found["floating-carl-55aa@google.com"].start == datetime(2025, 2, 10, 15, 0)  # 09:00 in New York
    assert found["allday-dora-0c0c@google.com"].start == date(2025, 3, 1)
    assert found["cancelled-ada-1d1d@google.com"].ignored == CANCELLED
    assert found["future-ada-2e2e@google.com"].ignored == FUTURE
    eve = found["tentative-eve-3f3f@google.com"]
    assert eve.attendees[0].party == Party(EMAIL, "eve.stone@example.com", "Stone, Eve (ACME: Sales)")
    assert eve.attendees[0].partstat == "TENTATIVE"
    assert eve.summary == "Intro call, Eve"
    assert sum(1 for m in meetings if m.ignored is None) == 9


def test_outlook_reply_tells_who_comes(local_tz: str) -> None:
    _, meetings = read(ICS / "outlook_reply.ics")
    assert tally(meetings, ME, now=NOW) == {
        # Fiona declined in her reply: no meeting; Sam (Me) organizes every one.
        "email:george.gray@example.org": met(1),
        "email:hana@example.com": met(1),
    }
    starts = sorted((m.start, m.attendees[0].partstat) for m in meetings)
    assert starts == [
        (datetime(2025, 1, 15, 17, 0), "ACCEPTED"),       # 11:00 "Eastern Standard Time"
        (datetime(2025, 6, 4, 13, 30), "DECLINED"),       # "W. Europe Standard Time" in summer
        (datetime(2025, 11, 3, 9, 0), "NEEDS-ACTION"),
    ]
    assert all(m.ignored is None and "\n" not in m.key and " " not in m.key for m in meetings)


def test_exchange_series_with_exdates_and_overrides(local_tz: str) -> None:
    _, meetings = read(ICS / "exchange_recurring.ics")
    assert tally(meetings, ME, now=NOW) == {
        "email:ivan@example.com": met(5),   # 8 Fridays up to the UNTIL, 3 of them in one EXDATE line
        "email:judy@example.com": met(3),   # 4 second Wednesdays, she declined the moved one
        "email:kim@example.com": met(3),    # organizer of 3 all-day Wednesdays, one moved to Thursday
    }
    found = by_key(meetings)
    ivan = sorted(m.start for m in meetings if m.summary == "Friday pipeline review")
    assert ivan == [datetime(2022, 3, 11, 17, 0), datetime(2022, 3, 25, 16, 0), datetime(2022, 4, 15, 17, 0),
                    datetime(2022, 4, 22, 17, 0), datetime(2022, 4, 29, 17, 0)]
    site = sorted((m.start, m.key.rsplit("/", 1)[1]) for m in meetings if m.summary == "Site visits")
    assert site == [(date(2021, 2, 10), "2021-02-10"), (date(2021, 2, 18), "2021-02-16T23:00:00Z"),
                    (date(2021, 2, 24), "2021-02-24")]
    moved = [m for k, m in found.items() if k.endswith("/2022-04-13T17:00:00Z")]
    assert [(m.start, m.summary) for m in moved] == [(datetime(2022, 4, 13, 16, 30), "Monthly account sync - moved")]


def test_apple_quirks_meetings_per_counterpart(local_tz: str) -> None:
    reader, meetings = read(ICS / "apple_quirks.ics")
    assert tally(meetings, ME, now=NOW) == {
        "email:liam@example.com": met(1),       # Apple's EMAIL parameter on a urn:uuid attendee
        "name:Mia from the fair": met(1),       # no address: her name
        "phone:+4915112345678": met(1),         # tel:
        "email:theo@example.com": met(1),
        "email:olga@example.com": met(1),
        "email:uma@example.com": met(1),
        "email:vera@example.com": met(1),
        "email:pia@example.com": met(1),
        "email:quinn@example.com": met(1),      # the UID twice: the higher SEQUENCE only
        "email:rosa@example.com": met(1),
        "email:xavier@example.com": met(1),
        "email:yann@example.com": met(1),
    }
    assert reader.skipped == {UNREADABLE: 2}    # no DTSTART, a broken DTSTART; VTODO & co. are not events
    assert reader.me_hints == []                # "Work" is not an address


def test_apple_quirks_times(local_tz: str) -> None:
    _, meetings = read(ICS / "apple_quirks.ics")
    found = by_key(meetings)
    assert {k: found[k].start for k in found if not k.startswith("no-uid-")} == {
        "5A1C6F0E-0D4B-4C7E-9E39-FLOATING": datetime(2025, 5, 5, 9, 30),  # floating: as written
        "NEWYORK-FORWARD-REFERENCE": datetime(2025, 5, 5, 15, 0),         # VTIMEZONE after the event
        "ZURICH-WITHOUT-VTIMEZONE": datetime(2025, 1, 10, 10, 0),         # the zone by its name
        "BERLIN-BROKEN-VTIMEZONE": datetime(2025, 1, 20, 18, 0),          # iCloud's +5328: by the name
        "CUSTOM-VTIMEZONE": datetime(2025, 1, 22, 10, 0),                 # the file's own zone, +09:00
        "CUSTOM-BROKEN-VTIMEZONE": datetime(2025, 1, 23, 18, 0),          # unusable and unknown: floating
        "GLOBALLY-UNIQUE-TZID": datetime(2025, 2, 1, 13, 0),              # /vendor/Europe/London
        "UNKNOWN-TZID": datetime(2025, 2, 3, 8, 0),                       # unknown: floating
        "DUPLICATED-UID": datetime(2025, 4, 2, 12, 0),
    }
    workshop = found["5A1C6F0E-0D4B-4C7E-9E39-FLOATING"]
    assert workshop.organizer == Party(EMAIL, "me@example.com", "Sam Seller")
    assert len(workshop.summary) == 120
    assert workshop.summary.startswith("Workshop with Liam, part 1 We go through the offer, the timeline, the open")
    assert all(m.ignored is None for m in meetings)


def test_an_event_without_uid_keeps_its_key_on_the_next_export(tmp_path: Path) -> None:
    event = "DTSTART:20250303T100000Z\r\nSUMMARY:Coffee with Pia\r\nATTENDEE:mailto:pia@example.com"
    first = read(calendar_file(tmp_path, event + "\r\nDESCRIPTION:one", name="a.ics"))[1]
    again = read(calendar_file(tmp_path, "DESCRIPTION:two\r\n" + event + "\r\nSEQUENCE:3", name="b.ics"))[1]
    other = read(calendar_file(tmp_path, event.replace("Pia", "Pia!"), name="c.ics"))[1]
    assert first[0].key.startswith("no-uid-")
    assert first[0].key == again[0].key != other[0].key


def test_recurring_meetings_per_counterpart(local_tz: str) -> None:
    reader, meetings = read(ICS / "recurring.ics")
    assert tally(meetings, ME, now=NOW) == {
        "email:wes@example.com": met(3),   # 4 weekly + 1 RDATE - 1 EXDATE, one occurrence cancelled
        "email:xena@example.com": met(2),  # two overrides without their master
        "email:yuri@example.com": met(3),  # the Lotus Notes series: three RDATE periods
    }
    assert reader.skipped == {}


def test_recurring_keys_starts_and_reasons(local_tz: str) -> None:
    _, meetings = read(ICS / "recurring.ics")
    wes = {m.key: (m.start, m.ignored) for m in meetings if m.key.startswith("wes-weekly-0001/")}
    assert wes == {
        "wes-weekly-0001/2025-01-06T09:00:00Z": (datetime(2025, 1, 6, 10, 0), None),
        "wes-weekly-0001/2025-01-20T09:00:00Z": (datetime(2025, 1, 20, 10, 0), CANCELLED),
        "wes-weekly-0001/2025-01-27T09:00:00Z": (datetime(2025, 1, 27, 10, 0), None),
        "wes-weekly-0001/2025-01-30T14:00:00Z": (datetime(2025, 1, 30, 15, 0), None),
    }
    lotus = sorted(m.start for m in meetings if m.summary == "Steering committee")
    assert lotus == [datetime(2024, 11, 4, 16, 0), datetime(2024, 12, 2, 16, 0), datetime(2025, 1, 6, 16, 0)]
    birthdays = [m for m in meetings if m.key.startswith("birthday-1990/")]
    assert len(birthdays) == 31 and {m.start for m in birthdays} == {date(y, 2, 14) for y in range(1990, 2021)}
    assert not [m for m in meetings if m.key.startswith("future-series")]  # a series starts later: nothing yet


def test_a_series_is_expanded_from_its_start_up_to_now(tmp_path: Path) -> None:
    start = datetime.combine(date.today() - timedelta(days=3), datetime.min.time())
    path = calendar_file(tmp_path, f"UID:daily\r\nDTSTART:{start:%Y%m%dT%H%M%S}\r\nRRULE:FREQ=DAILY\r\n"
                                   "ATTENDEE:mailto:ada@example.com")
    _, meetings = read(path)
    assert sorted(m.start for m in meetings) == [start + timedelta(days=n) for n in range(4)]
    assert {m.key for m in meetings} == {f"daily/{start + timedelta(days=n):%Y-%m-%dT%H:%M:%S}" for n in range(4)}


def test_a_long_series_is_expanded_year_by_year_without_gaps_or_doubles(tmp_path: Path) -> None:
    path = calendar_file(tmp_path, "UID:daily\r\nDTSTART;TZID=Europe/Berlin:20150101T000000\r\n"
                                   "RRULE:FREQ=DAILY;UNTIL=20201231T220000Z")
    _, meetings = read(path)
    assert len(meetings) == 2192 > ics._WINDOW     # 2015-2020, two leap years
    assert len({m.key for m in meetings}) == 2192


def test_a_cancel_message_cancels_its_events(tmp_path: Path) -> None:
    path = calendar_file(tmp_path, "UID:c1\r\nDTSTART:20250101T100000Z\r\nATTENDEE:mailto:ada@example.com",
                         head="METHOD:CANCEL\r\n")
    _, meetings = read(path)
    assert [m.ignored for m in meetings] == [CANCELLED]
    assert tally(meetings, ME, now=NOW) == {}


def test_more_than_20_attendees_is_not_a_meeting(tmp_path: Path) -> None:
    def event(uid: str, n: int) -> str:
        people = "\r\n".join(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:p{i}@example.com" for i in range(n))
        return f"UID:{uid}\r\nDTSTART:20250101T100000Z\r\nSUMMARY:{uid}\r\n{people}"

    _, meetings = read(calendar_file(tmp_path, event("twenty", 20), event("twenty-one", 21)))
    found = by_key(meetings)
    assert len(found["twenty"].attendees) == 20 and found["twenty"].ignored is None
    assert found["twenty-one"].attendees == () and found["twenty-one"].ignored == TOO_MANY_RECIPIENTS
    assert sum(c["meeting"] for c in tally(meetings, ME, now=NOW).values()) == 20


def test_reading_twice_gives_the_same_records(local_tz: str) -> None:
    for path in sorted(ICS.glob("*.ics")):
        assert read(path)[1] == read(path)[1], path.name


def test_an_alarm_attendee_is_not_an_attendee(local_tz: str) -> None:
    _, meetings = read(ICS / "google_export.ics")
    kickoff = by_key(meetings)["kickoff-7f3a@google.com"]
    assert "alarm-inside-the-event" not in {m.key for m in meetings}
    assert len(kickoff.attendees) == 2


# --- hostile input -------------------------------------------------------------------------


def _crowd(path: Path, attendees: int) -> None:
    with path.open("w", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:all-hands\r\n"
                  "DTSTART:20250101T100000Z\r\nSUMMARY:All hands\r\n")
        for i in range(attendees):
            out.write(f"ATTENDEE;CN=Person {i};PARTSTAT=ACCEPTED:mailto:person{i}@example.com\r\n")
        out.write("END:VEVENT\r\nBEGIN:VEVENT\r\nUID:after\r\nDTSTART:20250102T100000Z\r\n"
                  "ATTENDEE:mailto:ada@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def _peak_mb(path: Path) -> tuple[float, list[Meeting], IcsReader]:
    reader = IcsReader(path)
    tracemalloc.start()
    try:
        records = [r for r in reader.records() if isinstance(r, Meeting)]
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    return peak, records, reader


def test_100k_attendees_on_one_event_cost_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "crowd.ics"
    _crowd(path, 100_000)
    peak, meetings, _ = _peak_mb(path)
    assert peak < 60, f"{peak:.1f} MB for a {path.stat().st_size / 1e6:.0f} MB file"
    crowd, after = meetings
    assert (crowd.key, crowd.ignored, crowd.attendees, crowd.summary) == ("all-hands", TOO_MANY_RECIPIENTS, (), "All hands")
    assert after.key == "after" and after.ignored is None


def test_a_rule_repeating_every_second_is_refused_not_expanded(tmp_path: Path) -> None:
    path = calendar_file(tmp_path, "UID:bomb\r\nDTSTART:20000101T000000Z\r\nRRULE:FREQ=SECONDLY\r\n"
                                   "ATTENDEE:mailto:ada@example.com",
                         "UID:fine\r\nDTSTART:20250101T100000Z\r\nATTENDEE:mailto:ada@example.com")
    peak, meetings, reader = _peak_mb(path)
    assert peak < 60
    assert [m.key for m in meetings] == ["fine"]
    assert reader.skipped == {UNREADABLE: 1}


def test_a_series_at_the_limit_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ics, "MAX_OCCURRENCES", 10)
    ten = calendar_file(tmp_path, "UID:ten\r\nDTSTART:20250101T100000Z\r\nRRULE:FREQ=DAILY;COUNT=10", name="a.ics")
    eleven = calendar_file(tmp_path, "UID:eleven\r\nDTSTART:20250101T100000Z\r\nRRULE:FREQ=DAILY;COUNT=10\r\n"
                                     "RDATE:20250301T100000Z", name="b.ics")
    assert len(read(ten)[1]) == 10
    reader, meetings = read(eleven)
    assert meetings == [] and reader.skipped == {UNREADABLE: 1}


def test_invalid_utf8_everywhere_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:\xff\xfe\r\nBEGIN:VEVENT\r\nUID:u\xe9\xff1\r\n"
                     b"DTSTART:20250101T100000Z\r\nSUMMARY:Caf\xe9 \xc3\x28 with \xf0\x9f\r\n"
                     b"ATTENDEE;CN=Ren\xe9:mailto:rene@example.com\r\nX-\xff\xff:\xfe\r\n"
                     b"\xc0\xc1:\xf5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    reader, meetings = read(path)
    (meeting,) = meetings
    assert "\ufffd" in meeting.summary and meeting.summary.startswith("Caf")
    assert meeting.attendees[0].party == Party(EMAIL, "rene@example.com", "Ren\ufffd")
    assert reader.me_hints == []


def test_a_file_cut_short_gives_its_complete_events(tmp_path: Path) -> None:
    whole = calendar_file(tmp_path, "UID:one\r\nDTSTART:20250101T100000Z\r\nATTENDEE:mailto:ada@example.com",
                          "UID:two\r\nDTSTART:20250102T100000Z\r\nATTENDEE:mailto:bea@example.com").read_bytes()
    cut = tmp_path / "cut.ics"
    cut.write_bytes(whole[:whole.index(b"UID:two") + 12])       # in the middle of the second event
    reader, meetings = read(cut)
    assert [m.key for m in meetings] == ["one"] and reader.skipped == {UNREADABLE: 1}
    unended = tmp_path / "unended.ics"
    unended.write_bytes(whole[:whole.index(b"END:VCALENDAR")])  # only END:VCALENDAR missing
    reader, meetings = read(unended)
    assert [m.key for m in meetings] == ["one", "two"] and reader.skipped == {}


def test_a_file_that_is_not_a_calendar_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.ics"
    path.write_text("Dear Ada,\nthe offer is attached.\n")
    with pytest.raises(CaptureFormatError, match="notes.ics") as raised:
        list(IcsReader(path).records())
    assert "Ada" not in str(raised.value)
    with pytest.raises(CaptureFormatError, match="missing.ics"):
        list(IcsReader(tmp_path / "missing.ics").records())
    (tmp_path / "folder.ics").mkdir()
    with pytest.raises(CaptureFormatError, match="folder.ics"):
        list(IcsReader(tmp_path / "folder.ics").records())


def test_an_unknown_x_wr_timezone_is_ignored(tmp_path: Path, local_tz: str) -> None:
    path = calendar_file(tmp_path, "UID:u\r\nDTSTART:20250210T090000\r\nATTENDEE:mailto:ada@example.com",
                         "UID:v\r\nDTSTART:20250210T090000Z\r\nRRULE:FREQ=DAILY;COUNT=2",
                         head="X-WR-TIMEZONE:Nowhere/Atlantis\r\n")
    assert [m.start for m in read(path)[1]] == [datetime(2025, 2, 10, 9, 0), datetime(2025, 2, 10, 10, 0),
                                                datetime(2025, 2, 11, 10, 0)]


def test_overlong_lines_are_dropped_not_held(tmp_path: Path) -> None:
    single = "DESCRIPTION:" + "x" * 3_000_000
    folded = "X-ALT-DESC:" + "\r\n ".join(["y" * 74] * 40_000)
    path = calendar_file(tmp_path, f"UID:long\r\n{single}\r\nDTSTART:20250101T100000Z\r\n{folded}\r\n"
                                   "SUMMARY:Still here\r\nATTENDEE:mailto:ada@example.com")
    peak, meetings, _ = _peak_mb(path)
    assert peak < 20
    assert [(m.key, m.summary, len(m.attendees)) for m in meetings] == [("long", "Still here", 1)]


def test_deep_nesting_and_stray_ends_do_not_break_reading(tmp_path: Path) -> None:
    nest = "BEGIN:X-NEST\r\n" * 10_000 + "END:X-NEST\r\n" * 10_000
    path = calendar_file(tmp_path, "UID:one\r\nDTSTART:20250101T100000Z\r\nEND:VALARM\r\nEND:X-NOTHING",
                         head=nest + "END:VTODO\r\n")
    assert [m.key for m in read(path)[1]] == ["one"]


def test_progress_is_told_and_cancel_stops_reading(tmp_path: Path) -> None:
    path = tmp_path / "crowd.ics"
    _crowd(path, 20_000)
    told: list[int] = []
    reader = IcsReader(path, told.append)
    assert len(list(reader.records())) == 2
    assert told == sorted(told) and len(told) > 5 and told[-1] <= reader.size()
    with pytest.raises(CaptureCancelled):
        list(IcsReader(path, lambda done: done < 100_000).records())


# --- real files ----------------------------------------------------------------------------

# Meetings per counterpart in the upstream samples (Me as above, now = NOW), counted by hand.
EXPECTED_CORPUS: dict[str, dict[str, dict[str, int]]] = {
    # jazzband/icalevents test/test_data/
    "multi_attendee_response.ics": {"email:calendar@microsoft.com": met(1)},   # Martin declined
    "response.ics": {},                                                        # Martin declined
    "google_tz.ics": {"email:hst9ma4s2h5hf2iafmrqffki9o@group.calendar.google.com": met(1)},
    "recurrenceid_google.ics": {"email:hst9ma4s2h5hf2iafmrqffki9o@group.calendar.google.com": met(4)},
    "rrule_until_all_day_google.ics": {"email:hst9ma4s2h5hf2iafmrqffki9o@group.calendar.google.com": met(3)},
    # weekly Mondays 27 Nov 2023 - 15 Jan 2024 without 18 and 25 Dec; the organizer only
    "recurrence_tzinfo.ics": {"email:my_email@email.com": met(6)},
    # collective/icalendar src/icalendar/tests/calendars/
    "property_params.ics": {"email:rembrand@xs4all.nl": met(1), "email:rembrand@daxlab.com": met(1),
                            "email:rembspam@xs4all.nl": met(1)},
    "issue_156_RDATE_with_PERIOD_TZID_khal.ics": {"email:xyz@xyz.com": met(19)},  # 19 RDATE periods
    "issue_156_RDATE_with_PERIOD_TZID_khal_2.ics": {"email:omitted@example.com": met(4)},
    "alarm_google_future.ics": {},           # the only ATTENDEE is the e-mail alarm's
    "alarm_google_acknowledged.ics": {},
    "rfc_6868.ics": {},                      # no DTSTART
    "rfc_7256_multi_value_parameters.ics": {},
    "issue_348_exception_parsing_value.ics": {},  # the ORGANIZER is a VFREEBUSY's
}


def _corpus() -> Iterator[Path]:
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*")):
            if path.is_file() and path.name != "SOURCES.md" and not path.name.startswith("."):
                with path.open("rb") as handle:
                    if IcsReader.sniff(path, handle.read(1 << 16)):
                        yield path


def _expected(path: Path) -> dict[str, dict[str, int]] | None:
    for base, counts in EXPECTED_CORPUS.items():
        if path.name == base or path.name.endswith("__" + base):
            return counts
    return None


@pytest.mark.realdata
def test_every_corpus_calendar_reads_and_counts_as_worked_out(local_tz: str) -> None:
    files = list(_corpus())
    if not files:
        pytest.skip(f"no calendars under {CORPUS}")
    for path in files:
        _, meetings = read(path)
        assert len({m.key for m in meetings}) == len(meetings), path.name
        expected = _expected(path)
        if expected is not None:
            assert tally(meetings, ME, now=NOW) == expected, path.name
