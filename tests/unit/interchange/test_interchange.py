"""The JSON exchange format: DOMAIN.md's example round-trips, imports add without
overwriting, settings apply only to an empty journal, files are written safely."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from dealjournal import interchange
from dealjournal.errors import FormatError, JournalError
from dealjournal.store import close_journal, db, open_journal, settings

FIXTURES = Path(__file__).parent / "fixtures" / "json"
STAMP = datetime(2026, 11, 22, 10, 0, 0)


def example() -> dict[str, Any]:
    """DOMAIN.md's example document (a fresh copy)."""
    doc: dict[str, Any] = json.loads((FIXTURES / "domain_example.json").read_text(encoding="utf-8"))
    return doc


def positional(doc: dict[str, Any]) -> dict[str, Any]:
    """*doc* with its records' ids (the journal's gids, issue "Sync") renamed by position as in
    DOMAIN.md's example: contacts c1…, goals g1…, content k1…, so that it compares with it."""
    doc = copy.deepcopy(doc)
    names: dict[str, str] = {}
    goals = 0
    for n, contact in enumerate(doc["contacts"], 1):
        names[contact["id"]], contact["id"] = f"c{n}", f"c{n}"
        for goal in contact["goals"]:
            goals += 1
            names[goal["id"]], goal["id"] = f"g{goals}", f"g{goals}"
    for n, item in enumerate(doc["content"], 1):
        names[item["id"]], item["id"] = f"k{n}", f"k{n}"
    for section in ("shares", "interactions", "reminders"):
        for rec in doc.get(section, []):
            for key in ("contact", "content", "goal"):
                if rec.get(key) is not None:
                    rec[key] = names.get(rec[key], rec[key])
    return doc


def count(table: str) -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_domain_example_imports_and_exports_back_equal(journal: Path) -> None:
    doc = example()
    interchange.validate(doc)
    summary = interchange.import_document(doc)
    assert (summary.contacts, summary.goals, summary.content, summary.shares, summary.interactions) == (1, 1, 1, 1, 1)
    assert summary.settings_applied
    assert list(summary.contact_ids) == [1]
    assert positional(interchange.export_document(STAMP)) == doc


def test_exported_key_order_matches_the_example(journal: Path) -> None:
    doc = example()
    interchange.import_document(doc)
    out = interchange.export_document(STAMP)

    def keys(value: object) -> object:
        if isinstance(value, dict):
            return [(k, keys(v)) for k, v in value.items()]
        if isinstance(value, list):
            return [keys(v) for v in value]
        return None

    assert keys(out) == keys(doc)


def test_defaults_are_filled_and_every_key_is_exported(journal: Path) -> None:
    doc = {"format": "dealjournal", "version": 1,
           "contacts": [{"id": "x", "name": "Grace", "created_on": "2026-01-01",
                         "goals": [{"id": "y", "title": "Ship it", "created_on": "2026-01-02"}],
                         "channels": [{"network": "github"}],
                         "stage_history": [{"from": None, "to": "lead", "on": "2026-01-01"}]}],
           "content": [{"id": "z", "title": "Post"}],
           "shares": [{"content": "z", "contact": "x", "on": "2026-01-03"}],
           "interactions": [{"contact": "x", "at": "2026-01-04", "kind": "note", "direction": "none"}]}
    interchange.import_document(doc)
    out = positional(interchange.export_document(STAMP))
    contact = out["contacts"][0]
    assert contact["id"] == "c1" and contact["stage"] == "lead" and contact["buying_style"] == "unknown"
    assert contact["notes"] == "" and contact["given_name"] is None and contact["archived"] is False
    assert contact["channels"] == [{"network": "github", "handle": None, "url": None, "following_since": None,
                                    "follows_back": "unknown"}]
    assert contact["goals"][0] == {"id": "g1", "title": "Ship it", "details": "", "priority": "medium",
                                   "status": "open", "target_on": None, "created_on": "2026-01-02",
                                   "closed_on": None}
    assert out["content"] == [{"id": "k1", "title": "Post", "url": None, "kind": "other", "origin": "third-party",
                               "author": None, "topics": [], "summary": ""}]
    assert out["shares"] == [{"content": "k1", "contact": "c1", "on": "2026-01-03", "via": None, "note": "",
                              "goal": None, "response": "none", "responded_on": None}]
    assert out["interactions"][0]["follow_up_done"] is False and out["interactions"][0]["summary"] == ""


def test_created_on_defaults_to_today(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from dealjournal import domain

    monkeypatch.setattr(domain, "today", lambda: date(2026, 5, 6))
    interchange.import_document({"format": "dealjournal", "version": 1, "contacts": [
        {"id": "a", "name": "A", "goals": [{"id": "g", "title": "T"}]}]})
    out = interchange.export_document()
    assert out["contacts"][0]["created_on"] == "2026-05-06"
    assert out["contacts"][0]["goals"][0]["created_on"] == "2026-05-06"


@pytest.mark.parametrize("at", ["2026-02-01", "2026-02-01T10:30", "2026-02-01T10:30:15"])
def test_interaction_time_round_trips_exactly(journal: Path, at: str) -> None:
    doc = example()
    doc["interactions"][0]["at"] = at
    interchange.import_document(doc)
    assert interchange.export_document()["interactions"][0]["at"] == at
    assert db.connection().execute("SELECT day FROM interaction").fetchone()[0] == "2026-02-01"


def test_import_fills_the_touch_tables(journal: Path) -> None:
    interchange.import_document(example())
    # mutual meeting on 02-01, share out on 02-03 and its reply in on 02-05
    days = db.connection().execute("SELECT day, n_in, n_out FROM touch_day ORDER BY day").fetchall()
    assert days == [("2026-02-01", 1, 1), ("2026-02-03", 0, 1), ("2026-02-05", 1, 0)]
    summary = db.connection().execute("SELECT last_in_on, last_out_on, unanswered FROM touch_summary").fetchone()
    assert summary == ("2026-02-05", "2026-02-03", 0)


def test_import_into_non_empty_journal_adds_and_does_not_overwrite(journal: Path) -> None:
    interchange.import_document(example())
    first = interchange.export_document(STAMP)
    second = example()
    second["contacts"][0]["name"] = "Second Person"
    second["settings"] = {"window_days": 30}
    summary = interchange.import_document(second)
    assert not summary.settings_applied
    assert list(summary.contact_ids) == [2]
    out = positional(interchange.export_document(STAMP))
    first = positional(first)
    assert [c["name"] for c in out["contacts"]] == ["Ada Byron", "Second Person"]
    assert out["contacts"][0] == first["contacts"][0]
    assert out["contacts"][1]["goals"][0]["id"] == "g2"
    # The second file's references point at its own records, not at the first import's.
    assert [(s["contact"], s["content"], s["goal"]) for s in out["shares"]] == [("c1", "k1", "g1"), ("c2", "k2", "g2")]
    assert [(i["contact"], i["goal"]) for i in out["interactions"]] == [("c1", "g1"), ("c2", "g2")]
    assert out["settings"] == first["settings"]
    assert count("touch_summary") == 2


def test_settings_apply_only_to_an_empty_journal(journal: Path) -> None:
    doc = example()
    doc["settings"] = {"window_days": 90, "stage_cadence_days": {"lead": 5}}
    assert interchange.import_document(doc).settings_applied
    loaded = settings.load()
    assert loaded.window_days == 90
    assert loaded.stage_cadence_days == {"lead": 5, "engaged": 14, "opportunity": 7, "customer": 30, "advocate": 60}
    doc["settings"] = {"window_days": 30, "stage_cadence_days": {"lead": 1}}
    assert not interchange.import_document(doc).settings_applied
    assert settings.load().window_days == 90 and settings.load().stage_cadence_days["lead"] == 5


def test_settings_not_applied_when_the_journal_holds_only_content(journal: Path) -> None:
    interchange.import_document({"format": "dealjournal", "version": 1, "content": [{"id": "k", "title": "T"}]})
    result = interchange.import_document({"format": "dealjournal", "version": 1, "settings": {"window_days": 7}})
    assert not result.settings_applied
    assert settings.load().window_days == 180


def test_export_file_is_atomic_utf8_and_private(journal: Path, tmp_path: Path) -> None:
    doc = example()
    doc["contacts"][0]["name"] = "Ada 🚀 بايرون"
    interchange.import_document(doc)
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    counts = interchange.export_file(target, exported_at=STAMP)
    assert counts == {"contacts": 1, "content": 1, "shares": 1, "interactions": 1}
    raw = target.read_bytes()
    assert "Ada 🚀 بايرون".encode() in raw  # not \u-escaped
    assert positional(json.loads(raw.decode("utf-8"))) == doc
    assert raw.startswith(b'{\n  "format": "dealjournal",\n  "version": 1,')
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["export.json"]  # no temp file left


def test_export_file_failure_leaves_no_file(journal: Path, tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="Cannot write"):
        interchange.export_file(tmp_path / "missing-folder" / "x.json")


def test_import_file_round_trip(journal: Path, tmp_path: Path) -> None:
    interchange.import_document(example())
    target = tmp_path / "e.json"
    interchange.export_file(target, exported_at=STAMP)
    open_journal(tmp_path / "b.sqlite3")
    summary = interchange.import_file(target)
    assert summary.contacts == 1
    assert interchange.export_document(STAMP) == json.loads(target.read_text(encoding="utf-8"))  # the same gids
    assert positional(interchange.export_document(STAMP)) == example()


def test_import_file_accepts_a_byte_order_mark(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "bom.json"
    target.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "domain_example.json").read_bytes())
    assert interchange.import_file(target).contacts == 1


def test_progress_is_reported_up_to_the_total(journal: Path) -> None:
    calls: list[tuple[int, int]] = []
    interchange.import_document(example(), progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_database_error_rolls_back_and_is_a_journal_error(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.interchange import _import

    def broken(ids: object = None) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    interchange.import_document(example())
    close_journal()  # folds the write-ahead log into the file, so its bytes are the whole journal
    before = journal.read_bytes()
    open_journal(journal)
    monkeypatch.setattr(_import.touches, "refresh", broken)
    with pytest.raises(JournalError, match="Nothing was imported: disk I/O error"):
        interchange.import_document(example())  # fails after every row was written
    assert count("contact") == count("interaction") == 1
    close_journal()
    assert journal.read_bytes() == before
    open_journal(journal)


def test_validate_collects_every_problem(journal: Path) -> None:
    doc = example()
    doc["contacts"][0]["stage"] = "friend"
    doc["content"][0]["kind"] = "movie"
    doc["interactions"][0]["direction"] = "sideways"
    with pytest.raises(FormatError) as info:
        interchange.validate(doc)
    assert info.value.problems == [
        "contacts[0].stage: 'friend' is not one of lead, engaged, opportunity, customer, advocate",
        "content[0].kind: 'movie' is not one of article, blog-post, video, ebook, whitepaper, infographic, "
        "case-study, podcast, webinar, template, other",
        "interactions[0].direction: 'sideways' is not one of out, in, mutual, none",
    ]


def test_problems_are_capped(journal: Path) -> None:
    doc = example()
    doc["interactions"] = [{"contact": "c1", "at": "x", "kind": "call", "direction": "out"}] * 500
    with pytest.raises(FormatError) as info:
        interchange.validate(doc)
    problems = info.value.problems
    assert len(problems) == interchange.MAX_PROBLEMS + 1
    assert problems[0].startswith("interactions[0].at: 'x' is not a date")
    assert "stopped after" in problems[-1]


def test_validate_does_not_touch_the_journal(journal: Path) -> None:
    interchange.validate(example())
    assert count("contact") == 0


def test_import_of_an_invalid_document_writes_nothing(journal: Path) -> None:
    doc = copy.deepcopy(example())
    doc["interactions"].append({"contact": "c1", "at": "2026-13-01", "kind": "call", "direction": "out"})
    with pytest.raises(FormatError, match=r"interactions\[1\]\.at"):
        interchange.import_document(doc)
    assert count("contact") == count("content") == count("setting") == 0


def test_read_file_validates_without_a_journal(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example()), encoding="utf-8")
    assert interchange.read_file(good) == example()
    bad = tmp_path / "bad.json"
    doc = example()
    doc["contacts"][0]["stage"] = "friend"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(FormatError, match=r"contacts\[0\]\.stage"):
        interchange.read_file(bad)
    broken = tmp_path / "surrogate.json"
    broken.write_text(json.dumps(example()).replace("Ada Byron", "Ada \\ud800"), encoding="utf-8")
    with pytest.raises(FormatError, match=r"contacts\[0\]\.name: contains a character"):
        interchange.read_file(broken)
    with pytest.raises(JournalError, match="Cannot read"):
        interchange.read_file(tmp_path / "missing.json")


def test_summary_reads_as_plain_words(journal: Path) -> None:
    summary = interchange.import_document(example())
    assert str(summary) == "1 contact, 1 content item, 1 share and 1 interaction (and the file's settings)"
    assert summary.total == 11


def test_import_invalidates_the_stored_health_state(journal: Path) -> None:
    conn = db.connection()
    conn.execute("INSERT INTO setting (key, value) VALUES ('health_state_as_of', '\"2026-01-01\"')")
    interchange.import_document(example())
    assert conn.execute("SELECT count(*) FROM setting WHERE key = 'health_state_as_of'").fetchone()[0] == 0
