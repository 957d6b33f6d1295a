"""The project's additions to the exchange format: a contact's ``snooze`` and the top-level
``reminders`` (README, "Exchange format: what Deal Journal adds")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealjournal import interchange, ops
from dealjournal.errors import FormatError
from dealjournal.store import close_journal, open_journal

BASE = {"format": "dealjournal", "version": 1,
        "contacts": [{"id": "c1", "name": "Ada Byron", "created_on": "2026-01-10"}]}


def test_a_journal_without_additions_exports_exactly_the_domain_keys(journal: Path) -> None:
    ops.add_contact("Ada Byron")
    doc = interchange.export_document()
    assert list(doc) == ["format", "version", "exported_at", "settings", "contacts", "content", "shares",
                         "interactions"]
    assert "snooze" not in doc["contacts"][0]


def test_snoozes_and_reminders_travel(journal: Path, tmp_path: Path) -> None:
    cid = ops.add_contact("Ada Byron", created_on="2026-01-10").id
    ops.snooze_contact(cid, "2026-12-10", since="2026-12-03T09:30:00")
    ops.add_reminder(cid, "2026-12-05", "Send the proposal")
    done = ops.add_reminder(cid, "2026-11-01", "Call back").id
    ops.set_reminder_done(done, on="2026-11-02")
    doc = interchange.export_document()
    assert doc["contacts"][0]["snooze"] == {"until": "2026-12-10", "since": "2026-12-03T09:30:00"}
    c1 = doc["contacts"][0]["id"]  # the contact's gid (issue "Sync")
    assert doc["reminders"] == [
        {"contact": c1, "on": "2026-12-05", "text": "Send the proposal", "done_on": None},
        {"contact": c1, "on": "2026-11-01", "text": "Call back", "done_on": "2026-11-02"}]
    close_journal()
    open_journal(tmp_path / "other.sqlite3")
    interchange.import_document(doc)
    again = interchange.export_document()
    assert {**again, "exported_at": None} == {**doc, "exported_at": None}


@pytest.mark.parametrize(("change", "problem"), [
    ({"contacts": [{**BASE["contacts"][0], "snooze": {"until": "2026-12-10", "since": "2026-12-03T09:30",
                                                       "why": "busy"}}]}, "contacts[0].snooze.why: unknown key"),
    ({"contacts": [{**BASE["contacts"][0], "snooze": {"since": "2026-12-03T09:30"}}]},
     "contacts[0].snooze.until: required key is missing"),
    ({"contacts": [{**BASE["contacts"][0], "snooze": {"until": "2026-12-10", "since": "2026-12-03"}}]},
     "contacts[0].snooze.since: expected a date and time"),
    ({"reminders": [{"contact": "c9", "on": "2026-12-05", "text": "x"}]}, "reminders[0].contact"),
    ({"reminders": [{"contact": "c1", "on": "2026-02-30", "text": "x"}]}, "reminders[0].on"),
    ({"reminders": [{"contact": "c1", "on": "2026-12-05", "text": ""}]}, "reminders[0].text"),
    ({"reminders": [{"contact": "c1", "on": "2026-12-05", "text": "x", "priority": 1}]},
     "reminders[0].priority: unknown key"),
])
def test_bad_additions_are_refused_with_their_path(journal: Path, change: dict, problem: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(FormatError) as caught:
        interchange.import_document({**BASE, **change})
    assert problem in str(caught.value)
    assert interchange.export_document()["contacts"] == []
