"""Capture against a journal: matching, idempotency, new contacts, confirmed names, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from dealjournal import interchange, ops
from dealjournal.capture import CaptureFormatError, Me, apply_capture, plan_capture
from dealjournal.errors import JournalError
from dealjournal.store import close_journal, open_journal
from dealjournal.store.db import db

NOW = datetime(2026, 12, 3, 12, 0)
ME = Me.parse(["me@example.com", "+49 170 1111111", "https://www.linkedin.com/in/sam-seller", "Sam Seller"], "DE")


def mbox(*messages: tuple[str, str, str, str, str]) -> str:
    """An mbox of (Message-ID, From, To, Date, Subject), one line of body each."""
    out = []
    for mid, sender, to, date, subject in messages:
        out.append(f"From x@example.com Mon Nov 30 15:00:00 2026\nFrom: {sender}\nTo: {to}\nDate: {date}\n"
                   f"Subject: {subject}\nMessage-ID: <{mid}>\n\nHello.\n\n")
    return "".join(out)


THREAD = mbox(
    ("m1@x", "Sam Seller <me@example.com>", "Ada Byron <ADA@example.com>", "Mon, 30 Nov 2026 10:00:00 +0100",
     "Proposal"),
    ("m2@x", "Ada Byron <ada@example.com>", "me@example.com", "Mon, 30 Nov 2026 15:00:00 +0100", "Re: Proposal"),
    ("m3@x", "Nobody Known <nk@example.org>", "me@example.com", "Tue, 01 Dec 2026 09:00:00 +0100", "Hi"),
    ("m4@x", "Nobody Known <nk@example.org>", "me@example.com", "Tue, 01 Dec 2026 09:05:00 +0100", "Re: Hi"),
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(sql: str) -> list[tuple[object, ...]]:
    return list(db.connection().execute(sql))


@pytest.fixture
def ada(journal: Path, local_tz: str) -> int:
    return ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")]).id  # type: ignore[return-value]


def test_matched_touches_are_planned_and_the_unknown_listed_with_counts(ada: int, tmp_path: Path) -> None:
    plan = plan_capture([write(tmp_path, "mail.mbox", THREAD)], ME, now=NOW)
    f = plan.files[0]
    assert (f.format, f.added, f.already_there) == ("mbox", 2, 0)
    [person] = f.matched
    assert person.contact_id == ada
    assert [(e.direction, e.at, e.kind, e.summary) for e in person.entries] == [
        ("out", "2026-11-30T10:00", "email", "Proposal"), ("in", "2026-11-30T15:00", "email", "Re: Proposal")]
    assert [(p.name, p.address, p.messages) for p in f.unmatched] == [("Nobody Known", "nk@example.org", 2)]
    assert rows("SELECT count(*) FROM interaction") == [(0,)]  # planning writes nothing


def test_capturing_again_or_an_overlapping_export_adds_nothing(ada: int, tmp_path: Path) -> None:
    first = write(tmp_path, "a.mbox", THREAD)
    apply_capture(plan_capture([first], ME, now=NOW))
    assert rows("SELECT direction, at, source_kind, source_key FROM interaction ORDER BY at") == [
        ("out", "2026-11-30T10:00", "mbox", "m1@x"), ("in", "2026-11-30T15:00", "mbox", "m2@x")]
    later = write(tmp_path, "b.mbox", THREAD + mbox(
        ("m5@x", "Sam Seller <me@example.com>", "ada@example.com", "Wed, 02 Dec 2026 08:00:00 +0100", "Re: Proposal")))
    again = plan_capture([first, later], ME, now=NOW)
    assert [(f.added, f.already_there) for f in again.files] == [(0, 2), (1, 2)]
    assert apply_capture(again).added == 1
    assert rows("SELECT count(*) FROM interaction") == [(3,)]


def test_a_deleted_captured_entry_does_not_come_back(ada: int, tmp_path: Path) -> None:
    path = write(tmp_path, "a.mbox", THREAD)
    apply_capture(plan_capture([path], ME, now=NOW))
    [(first,)] = rows("SELECT id FROM interaction WHERE source_key = 'm1@x'")
    ops.delete_interaction(first)
    assert plan_capture([path], ME, now=NOW).files[0].added == 0
    assert apply_capture(plan_capture([path], ME, now=NOW)).added == 0
    assert rows("SELECT count(*) FROM interaction") == [(1,)]


def test_ticked_unknown_people_become_contacts_with_their_address(ada: int, tmp_path: Path) -> None:
    plan = plan_capture([write(tmp_path, "a.mbox", THREAD)], ME, now=NOW)
    outcome = apply_capture(plan, add=[p.key for p in plan.files[0].unmatched])
    assert (outcome.added, outcome.contacts_created) == (3, 1)
    [(cid, name, source)] = rows("SELECT id, name, source FROM contact WHERE name = 'Nobody Known'")
    assert source == "captured from mbox"
    assert rows(f"SELECT value FROM contact_email WHERE contact_id = {cid}") == [("nk@example.org",)]
    assert rows(f"SELECT direction, at FROM interaction WHERE contact_id = {cid}") == [("in", "2026-12-01T09:05")]


def test_nobody_is_created_silently(ada: int, tmp_path: Path) -> None:
    apply_capture(plan_capture([write(tmp_path, "a.mbox", THREAD)], ME, now=NOW))
    assert rows("SELECT name FROM contact") == [("Ada Byron",)]


def test_matching_by_phone_in_e164_and_by_exact_chat_name(journal: Path, tmp_path: Path) -> None:
    bea = ops.add_contact("Bea Lovelace", phones=[("mobile", "0170 2222222")]).id
    cy = ops.add_contact("Cy Twombly").id
    chat = write(tmp_path, "WhatsApp Chat.txt", (
        "30/11/2026, 09:00 - +49 170 2222222: Guten Morgen\n"
        "30/11/2026, 09:05 - Sam Seller: Hallo!\n"
        "30/11/2026, 10:00 - Cy Twombly: hi\n"
        "30/11/2026, 10:01 - cy twombly: not the same name\n"))
    plan = plan_capture([chat], ME, now=NOW)
    found = {p.contact_id: (p.name, len(p.entries)) for p in plan.files[0].people.values()}
    assert found[bea] == ("+49 170 2222222", 2)  # her message, and the reply to the chat
    assert found[cy] == ("Cy Twombly", 2)
    assert [p.name for p in plan.files[0].unmatched] == ["cy twombly"]


def test_matching_by_linkedin_profile_slug(journal: Path, tmp_path: Path) -> None:
    dan = ops.add_contact("Dan Brown").id
    assert dan is not None
    ops.add_channel(dan, "linkedin", url="https://www.linkedin.com/in/Dan-Brown-42/")
    csv = write(tmp_path, "messages.csv", (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Dan Brown,https://de.linkedin.com/in/dan-brown-42?trk=x,Sam Seller,"
        "https://www.linkedin.com/in/sam-seller,2026-11-30 14:00:00 UTC,,Hello Sam,INBOX\n"))
    plan = plan_capture([csv], ME, now=NOW)
    assert [(p.contact_id, len(p.entries)) for p in plan.files[0].matched] == [(dan, 1)]


def test_a_name_confirmed_once_is_matched_from_then_on(ada: int, tmp_path: Path) -> None:
    chat = write(tmp_path, "chat.txt", "30/11/2026, 09:00 - Ada 🌸: hi\n30/11/2026, 09:01 - Sam Seller: hi!\n")
    plan = plan_capture([chat], ME, now=NOW)
    [flower] = plan.files[0].unmatched
    assert apply_capture(plan, same_as={flower.key: ada}).added == 2
    again = plan_capture([chat], ME, now=NOW)
    assert [(p.contact_id, p.already_there) for p in again.files[0].matched] == [(ada, 2)]


def test_a_failed_write_leaves_the_journal_exactly_as_it_was(ada: int, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.capture import apply as capture_apply

    plan = plan_capture([write(tmp_path, "a.mbox", THREAD)], ME, now=NOW)
    path = Path(str(db.database))
    close_journal()
    before = path.read_bytes()
    open_journal(path)

    def broken(ids: object = None) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(capture_apply.touches, "refresh", broken)
    with pytest.raises(JournalError, match="Nothing was captured: the disk is full"):
        apply_capture(plan, add=[p.key for p in plan.files[0].unmatched])
    close_journal()
    assert path.read_bytes() == before
    open_journal(path)


def test_an_unreadable_file_is_a_clear_error(journal: Path, tmp_path: Path) -> None:
    with pytest.raises(CaptureFormatError, match="notes.txt is not a mailbox"):
        plan_capture([write(tmp_path, "notes.txt", "just some notes\nnothing dated\n")], ME, now=NOW)
    with pytest.raises(CaptureFormatError, match="missing.mbox cannot be read"):
        plan_capture([tmp_path / "missing.mbox"], ME, now=NOW)


def test_the_exchange_format_round_trips_captured_entries(ada: int, tmp_path: Path) -> None:
    ops.update_capture_settings(me=["me@example.com", "Sam Seller"], phone_region="DE")
    chat = write(tmp_path, "chat.txt", "30/11/2026, 09:00 - Ada 🌸: hi\n")
    plan = plan_capture([write(tmp_path, "a.mbox", THREAD), chat], ME, now=NOW)
    apply_capture(plan, same_as={plan.files[1].unmatched[0].key: ada})
    ops.delete_interaction(rows("SELECT id FROM interaction WHERE source_key = 'm1@x'")[0][0])  # type: ignore[arg-type]
    doc = interchange.export_document(NOW)
    [contact] = doc["contacts"]
    assert contact["captured"] == sorted(contact["captured"]) and "m1@x" in contact["captured"]
    assert contact["capture_aliases"] == ["name:Ada 🌸"]
    assert doc["settings"]["me"] == ["me@example.com", "Sam Seller"] and doc["settings"]["phone_region"] == "DE"
    assert {i["source"]["kind"] for i in doc["interactions"]} == {"mbox", "whatsapp"}
    close_journal()
    open_journal(tmp_path / "other.sqlite3")
    interchange.import_document(json.loads(json.dumps(doc)))
    assert interchange.export_document(NOW) == doc
    assert plan_capture([tmp_path / "a.mbox", chat], ME, now=NOW).added == 0  # the deleted one stays deleted


def test_a_version_1_document_without_the_additions_still_imports(journal: Path) -> None:
    doc = {"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A"}],
           "interactions": [{"contact": "c1", "at": "2026-11-30", "kind": "email", "direction": "in"}]}
    interchange.import_document(doc)
    assert rows("SELECT source_kind, source_key FROM interaction") == [(None, None)]


def test_a_source_key_twice_for_one_contact_is_refused(journal: Path) -> None:
    twice = {"contact": "c1", "at": "2026-11-30", "kind": "email", "direction": "in",
             "source": {"kind": "mbox", "key": "<k>"}}
    doc = {"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A"}],
           "interactions": [twice, dict(twice)]}
    with pytest.raises(JournalError, match=r"interactions\[1\]\.source\.key"):
        interchange.import_document(doc)
