"""Export everything about a person, erase a person without a trace, and no personal data in logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from dealjournal import interchange, ops
from dealjournal.errors import ValidationError
from dealjournal.safety import backup, privacy
from dealjournal.store import close_journal, db, open_journal

# Distinctive strings that appear nowhere else; the FTS index lower-cases and splits words.
NAME = "Zorblax Quendrith"
MARKERS = ("zorblax", "quendrith", "plumtreeveil", "xylophant@example.org", "umbravista", "glimmerfax")


def _seed_person() -> int:
    cid = ops.add_contact(NAME, company="Umbravista Ltd", notes="Likes plumtreeveil tea",
                          emails=[("work", "xylophant@example.org")], phones=[("mobile", "+44 20 7946 0999")],
                          tags=["glimmerfax"]).id
    assert cid is not None
    ops.add_channel(cid, "linkedin", handle="zorblax-q", url="https://www.linkedin.com/in/zorblax-q")
    goal = ops.add_goal(cid, "Zorblax wants plumtreeveil growth", details="umbravista expansion").id
    ops.set_stage(cid, "engaged", on="2026-02-01")
    ops.log_interaction(cid, kind="meeting", direction="mutual", at="2026-02-01T10:30",
                        summary="Coffee with Zorblax", details="talked plumtreeveil", goal_id=goal)
    content = ops.add_content("Closing the books faster", url="https://example.com/v", kind="video").id
    assert content is not None
    ops.record_share(content, [cid], on="2026-02-03", via="email", note="for Quendrith", goal_id=goal)
    return cid


def _others() -> None:
    for n in range(200):
        c = ops.add_contact(f"Other Person {n}", notes="ordinary notes " * 20)
        ops.log_interaction(c.id, kind="email", direction="out", at="2026-01-05", summary="hello")


def test_export_person_holds_everything_about_them(journal: Path) -> None:
    cid = _seed_person()
    ops.add_contact("Someone Else", notes="not in the export")
    doc = privacy.export_person(cid)
    text = json.dumps(doc, ensure_ascii=False)
    assert "Someone Else" not in text
    person = doc["contact"]
    assert doc["format"] == "dealjournal-person" and person["name"] == NAME
    assert person["emails"] == [{"label": "work", "value": "xylophant@example.org"}]
    assert person["phones"] == [{"label": "mobile", "value": "+44 20 7946 0999"}]
    assert person["tags"] == ["glimmerfax"]
    assert person["channels"][0]["handle"] == "zorblax-q"
    assert person["goals"][0]["title"] == "Zorblax wants plumtreeveil growth"
    assert [(h["from"], h["to"]) for h in person["stage_history"]] == [("lead", "engaged")]
    assert doc["shares"][0]["content_title"] == "Closing the books faster"
    assert doc["shares"][0]["goal"] == "Zorblax wants plumtreeveil growth"
    assert doc["interactions"][0]["summary"] == "Coffee with Zorblax"
    assert doc["interactions"][0]["follow_up_done"] is False
    with pytest.raises(ValidationError):
        privacy.export_person(9999)


def _bytes_of(journal: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (journal, journal.with_name(journal.name + "-wal"),
                                            journal.with_name(journal.name + "-shm")) if p.exists())


def _found(data: bytes) -> list[str]:
    lowered = data.lower()
    return [m for m in MARKERS if m.encode("utf-8") in lowered or m.encode("utf-16-le") in lowered]


def test_erase_leaves_no_trace_in_the_file(journal: Path) -> None:
    _others()
    cid = _seed_person()
    _others()
    ops.edit_contact(cid, notes="Likes plumtreeveil tea, and umbravista")  # an old version in freed pages
    db.connection().execute("PRAGMA wal_checkpoint(PASSIVE)")  # some of it in the main file, some in the -wal
    ops.add_contact("After checkpoint", notes="more")
    assert _found(_bytes_of(journal))  # the test can see them before
    search_before = db.connection().execute(
        "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH 'zorblax'").fetchone()[0]
    assert search_before == 1
    changes = privacy.erase_person(cid)
    assert changes.contacts and changes.id == cid
    conn = db.connection()
    for table in ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "goal", "share",
                  "interaction", "stage_change", "touch_day", "touch_summary", "health_state"):
        column = "id" if table == "contact" else "contact_id"
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (cid,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH 'zorblax'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 401
    assert conn.execute("SELECT count(*) FROM content").fetchone()[0] == 1  # content is not theirs
    from dealjournal.safety import check

    assert check.problems() == []
    assert _found(_bytes_of(journal)) == []  # while still open
    close_journal()
    assert _found(_bytes_of(journal)) == []
    open_journal(journal)  # and the journal is still fine


def test_backups_after_an_erase_do_not_hold_the_person(journal: Path) -> None:
    cid = _seed_person()
    _others()
    before = backup.make_backup()
    privacy.erase_person(cid)
    after = backup.make_backup()
    assert _found(before.path.read_bytes())  # older backups keep them until thinned (README)
    assert _found(after.path.read_bytes()) == []


def test_erase_unknown_person(journal: Path) -> None:
    with pytest.raises(ValidationError):
        privacy.erase_person(42)


def test_no_personal_data_in_the_log(journal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _others()
    cid = _seed_person()
    ops.edit_contact(cid, location="Zorblax City")
    with pytest.raises(ValidationError):
        ops.add_contact(NAME, stage="quendrith-stage")
    export = tmp_path / "export.json"
    interchange.export_file(export)
    close_journal()
    open_journal(tmp_path / "second.sqlite3")
    interchange.import_file(export)
    backup.make_backup("manual")
    backup.backup_if_changed()
    from dealjournal.domain import today
    from dealjournal.health import rules as health

    health.report(today())
    cid2 = db.connection().execute("SELECT id FROM contact WHERE name = ?", (NAME,)).fetchone()[0]
    privacy.export_person(cid2)
    privacy.erase_person(cid2)
    close_journal()
    assert caplog.records  # the operations did log
    logged = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert _found(logged.encode("utf-8")) == []
