"""Exports: CSV with health columns and no formula triggers, vCard 4.0 that re-imports as the
same contacts, iCalendar of open follow-ups, atomic owner-only files."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealjournal import ops
from dealjournal.contact_import import apply_plan, plan_import
from dealjournal.errors import JournalError
from dealjournal.exports import FORMULA_TRIGGERS, export_file, format_for_path, neutralise, render
from dealjournal.exports._vcard import fold
from dealjournal.importers import parse_bytes
from dealjournal.store import close_journal, open_journal
from dealjournal.store.db import db

T = date(2026, 11, 22)
NASTY = ["=HYPERLINK(\"http://evil\")", "+1 555 0100", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "plain", "'quoted"]


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _seed() -> int:
    cid = ops.add_contact("Ada Lovelace", given_name="Ada", family_name="Lovelace", company="Analytical Engines",
                          title="Countess", created_on="2026-01-01", emails=[("work", "ada@example.com")],
                          phones=[("mobile", "+44 20 7946 0000")], location="London", tags=["pioneers"],
                          notes="Met at the demo").id
    ops.add_channel(cid, "linkedin", url="https://www.linkedin.com/in/ada", following_since="2026-01-02",
                    follows_back="no")
    ops.log_interaction(cid, at="2026-09-01T10:00", kind="email", direction="out", summary="Sent the deck",
                        follow_up_on="2026-09-15")
    ops.add_contact("Archived Arthur", created_on="2026-01-01")
    ops.archive_contact(2)
    return cid


# --- CSV -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", NASTY)
def test_neutralise(text: str) -> None:
    out = neutralise(text)
    assert not out.startswith(FORMULA_TRIGGERS)
    assert out == (("'" + text) if text[0] in "=+-@\t\r" else text)


def test_csv_has_health_columns_and_leaves_archived_out(journal: Path) -> None:
    _seed()
    data, count = render("csv", as_of=T)
    rows = _csv_rows(data)
    assert count == 1 and len(rows) == 2
    row = dict(zip(rows[0], rows[1]))
    assert row["name"] == "Ada Lovelace" and row["emails"] == "ada@example.com (work)"
    assert row["phones"] == "'+44 20 7946 0000 (mobile)"  # neutralised, as OWASP advises
    assert (row["last_touch_on"], row["days_quiet"], row["stale"], row["overdue_days"]) == ("2026-09-01", "82",
                                                                                            "yes", "52")
    assert row["follow_imbalance"] == "linkedin: not followed back"
    assert "82 days since last contact" in row["reasons"]
    assert row["channels"] == "linkedin https://www.linkedin.com/in/ada"
    assert b"\r\n" in data and data.count(b'"') % 2 == 0


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(NASTY), st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                                                          min_size=1, max_size=12).filter(str.strip)),
                min_size=3, max_size=3))
def test_no_exported_cell_starts_with_a_formula_trigger(tmp_path: Path, texts: list[str]) -> None:
    open_journal(tmp_path / f"j{abs(hash(tuple(texts)))}.sqlite3")
    try:
        name, company, note = texts
        cid = ops.add_contact(name, company=company, notes=note, title=note, tags=[name], source=company,
                              emails=[(company, name)], phones=[(None, note)], location=note).id
        ops.add_channel(cid, "x", handle=name, url=company)
        for fmt_as_of in (T, date(2025, 1, 1)):  # created after the day: negative days quiet
            rows = _csv_rows(render("csv", as_of=fmt_as_of)[0])
            for row in rows:
                for cell in row:
                    assert not cell.startswith(FORMULA_TRIGGERS), cell
    finally:
        close_journal()


# --- vCard -----------------------------------------------------------------------------------

def test_fold_at_75_octets_without_splitting_characters() -> None:
    line = "NOTE:" + "ü" * 100 + "x" * 3
    folded = fold(line)
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    for p in physical:
        p.decode("utf-8")  # no character cut in two
    assert b"".join(p[1:] if i else p for i, p in enumerate(physical)).decode() == line
    assert fold("FN:Ada") == b"FN:Ada\r\n"


def test_vcard_escapes_and_labels(journal: Path) -> None:
    ops.add_contact("Doe, John; Jr", company="A;B,C", notes="two\nlines \\ back", tags=["a,b", "c"],
                    emails=[("work", "j@x.com"), ("private", "p@x.com")], phones=[("mobile", "1"), ("work fax", "2")])
    text = render("vcard")[0].decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and text.endswith("END:VCARD\r\n")
    assert "\r\nFN:Doe\\, John\\; Jr\r\n" in text
    assert "\r\nORG:A\\;B\\,C\r\n" in text
    assert "\r\nNOTE:two\\nlines \\\\ back\r\n" in text
    assert "\r\nCATEGORIES:a\\,b,c\r\n" in text
    assert "\r\nEMAIL;TYPE=work:j@x.com\r\nitem1.EMAIL:p@x.com\r\nitem1.X-ABLabel:private\r\n" in text
    assert "\r\nTEL;TYPE=cell:1\r\nTEL;TYPE=work,fax:2\r\n" in text
    assert "\n" not in text.replace("\r\n", "")


VCARD_FIELDS = ("name", "given_name", "family_name", "company", "title", "website", "location", "notes")


def _contacts_snapshot() -> list[tuple[object, ...]]:
    conn = db.connection()
    out = []
    for row in conn.execute(f"SELECT id, {', '.join(VCARD_FIELDS)} FROM contact WHERE archived = 0 ORDER BY id"):
        cid = row[0]
        emails = conn.execute("SELECT label, value FROM contact_email WHERE contact_id = ? ORDER BY id", (cid,)).fetchall()
        phones = conn.execute("SELECT label, value FROM contact_phone WHERE contact_id = ? ORDER BY id", (cid,)).fetchall()
        tags = [t for (t,) in conn.execute("SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY id", (cid,))]
        profiles = [u for (u,) in conn.execute("SELECT url FROM channel WHERE contact_id = ? AND network = 'linkedin' "
                                               "ORDER BY id", (cid,))]
        out.append((*row[1:], emails, phones, tags, profiles))
    return out


def test_vcard_reimports_as_the_same_contacts(tmp_path: Path) -> None:
    open_journal(tmp_path / "a.sqlite3")
    _seed()
    ops.add_contact("Zoë O'Brien, Jr.", given_name="Zoë", family_name="O'Brien; Jr", company="Acme, Inc; EU",
                    title="Head of \\ things", website="https://example.com/a,b;c", location="Zürich, Schweiz",
                    notes="Line one\nLine two; with, stuff\n\n" + "Ελληνικά " * 30, tags=["vip", "north;east"],
                    emails=[("work", "z@x.com"), ("private", "zz@y.org"), (None, "n@n.example")],
                    phones=[("mobile", "+44 1"), ("work fax", "2"), ("Skype", "3"), (None, "4")])
    ops.add_contact("אפרים קישון", notes="first\n\tindented second")
    ops.add_contact("Віталій Кличко", company="Київ")
    before = _contacts_snapshot()
    data, count = render("vcard")
    close_journal()
    assert count == 4
    parsed = parse_bytes(data, filename="export.vcf")
    assert parsed.format == "vcard" and not parsed.skipped and not parsed.warnings
    open_journal(tmp_path / "b.sqlite3")
    try:
        plan = plan_import(parsed, on_duplicate="add")
        assert plan.new == 4
        apply_plan(plan)
        assert _contacts_snapshot() == before
    finally:
        close_journal()


# --- iCalendar -------------------------------------------------------------------------------

def test_ics_of_open_followups(journal: Path) -> None:
    cid = _seed()
    ops.log_interaction(cid, at="2026-10-01", kind="call", direction="mutual", summary="Call; pricing, next\nsteps",
                        follow_up_on="2030-01-31")
    done = ops.log_interaction(cid, at="2026-10-02", kind="call", direction="out", follow_up_on="2026-10-09").id
    assert done is not None
    ops.set_follow_up_done(done, True)
    first, count = render("ics", as_of=T)
    again, _ = render("ics", as_of=T)
    assert count == 2
    text = first.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == 2 and "SUMMARY:Follow up: Ada Lovelace\r\n" in text
    assert "DTSTART;VALUE=DATE:20260915\r\nDTEND;VALUE=DATE:20260916\r\n" in text
    assert "DESCRIPTION:Call\\; pricing\\, next\\nsteps\r\n" in text
    uids = [line for line in text.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == 2 and uids == [line for line in again.decode().split("\r\n") if line.startswith("UID:")]
    stamped = render("ics", as_of=T)  # DTSTAMP is UTC
    assert all(line.endswith("Z") for line in stamped[0].decode().split("\r\n") if line.startswith("DTSTAMP:"))
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    from dealjournal.exports._ics import followups_ics

    fixed = followups_ics(T, datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc))[0].decode()
    assert "DTSTAMP:20261122T120000Z\r\n" in fixed


def test_ics_holds_open_reminders(journal: Path) -> None:
    cid = _seed()
    before = render("ics", as_of=T)[1]
    ops.add_reminder(cid, "2026-12-05", "Send the revised proposal")
    done = ops.add_reminder(cid, "2026-12-01", "Old one").id
    assert done is not None
    ops.set_reminder_done(done)
    text, count = render("ics", as_of=T)
    decoded = text.decode()
    assert count == before + 1 and "SUMMARY:Reminder: Ada Lovelace\r\n" in decoded
    assert "DTSTART;VALUE=DATE:20261205\r\n" in decoded and "DESCRIPTION:Send the revised proposal\r\n" in decoded
    assert "UID:reminder-1@dealjournal\r\n" in decoded


# --- files -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [("a.json", "json"), ("a.CSV", "csv"), ("a.vcf", "vcard"),
                                           ("a.ics", "ics"), ("a.txt", None)])
def test_format_for_path(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


@pytest.mark.parametrize("fmt", ["json", "csv", "vcard", "ics"])
def test_export_files_are_atomic_and_private(journal: Path, tmp_path: Path, fmt: str) -> None:
    _seed()
    target = tmp_path / f"out.{fmt}"
    target.write_text("old")
    assert export_file(target, fmt) >= 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() != b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_failure_leaves_the_old_file(journal: Path, tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="Cannot tell the export format"):
        export_file(tmp_path / "out.txt")
    with pytest.raises(JournalError, match="Cannot write"):
        export_file(tmp_path / "missing-folder" / "out.csv")
    if os.geteuid() != 0:  # root writes anywhere
        folder = tmp_path / "ro"
        folder.mkdir()
        (folder / "out.vcf").write_text("old")
        folder.chmod(0o500)
        try:
            with pytest.raises(JournalError):
                export_file(folder / "out.vcf")
            assert (folder / "out.vcf").read_text() == "old"
        finally:
            folder.chmod(0o700)
