"""Planning and applying contact-file imports: duplicates, merging, channels, all-or-nothing."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.contact_import import apply_plan, linkedin_key, plan_import
from dealjournal.domain import today
from dealjournal.health import state as health_state
from dealjournal.importers import ImportCancelled, ParsedContact, ParseResult, SkippedRecord, parse_file
from dealjournal.store.db import db

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def result(*contacts: ParsedContact, format: str = "vcard", skipped: tuple[SkippedRecord, ...] = ()) -> ParseResult:
    for n, c in enumerate(contacts, 1):
        if c.source_line == 1:
            c.source_line = n
    return ParseResult(format=format, contacts=list(contacts), skipped=list(skipped))


def count(sql: str = "SELECT count(*) FROM contact", *params: object) -> int:
    return int(db.connection().execute(sql, params).fetchone()[0])


def contact_row(cid: int) -> dict[str, object]:
    cur = db.connection().execute("SELECT * FROM contact WHERE id = ?", (cid,))
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


# --- keys ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://www.linkedin.com/in/ada/", "http://uk.linkedin.com/in/Ada",
                                 "linkedin.com/in/ada?trk=x#top", "HTTPS://LINKEDIN.COM/in/ada//"])
def test_linkedin_urls_are_normalised(url: str) -> None:
    assert linkedin_key(url) == "linkedin.com/in/ada"


def test_non_linkedin_urls_have_no_key() -> None:
    assert linkedin_key("https://example.com/in/ada") is None
    assert linkedin_key("not a url at all ::") is None
    assert linkedin_key(None) is None


# --- duplicates ------------------------------------------------------------------------------

def test_duplicates_of_journal_contacts(journal: Path) -> None:
    ada = ops.add_contact("Ada Lovelace", company="Analytical Engines", emails=[("work", "ada@example.com")]).id
    grace = ops.add_contact("Grace Hopper").id
    ops.add_channel(grace, "linkedin", url="https://www.linkedin.com/in/ghopper")
    jose = ops.add_contact("José Núñez", company="Señor Datos S.A.").id
    plan = plan_import(result(
        ParsedContact("A. Lovelace", emails=[(None, "ADA@Example.com")]),
        ParsedContact("G. Hopper", linkedin_url="http://uk.linkedin.com/in/GHopper/"),
        ParsedContact("Nunez Jose", company="SEÑOR DATOS"),
        ParsedContact("Jose Nunes", company="Señor Datos"),
        ParsedContact("José Núñez", company="Another firm"),
        ParsedContact("Somebody Else", company="Analytical Engines")))
    actions = [(r.action, r.contact_id) for r in plan.rows]
    assert actions == [("merge", ada), ("merge", grace), ("merge", jose), ("merge", jose), ("new", None),
                       ("new", None)]
    assert plan.rows[0].reason == "same e-mail as an existing contact"
    assert plan.rows[1].reason == "same LinkedIn profile as an existing contact"
    assert plan.rows[2].reason == "very similar name at the same company as an existing contact"
    assert (plan.new, plan.merged, plan.skipped) == (2, 4, 0)


def test_duplicates_within_the_file_and_the_three_policies(journal: Path) -> None:
    rows = lambda: result(ParsedContact("Ada Lovelace", emails=[(None, "ada@example.com")]),  # noqa: E731
                          ParsedContact("Ada L.", emails=[(None, "Ada@Example.com")], title="Countess"))
    merged = plan_import(rows())
    assert [(r.action, r.same_as_line) for r in merged.rows] == [("new", None), ("merge", 1)]
    assert merged.rows[1].reason == "same e-mail as line 1"
    skipped = plan_import(rows(), on_duplicate="skip")
    assert [r.action for r in skipped.rows] == ["new", "skip"]
    added = plan_import(rows(), on_duplicate="add")
    assert [r.action for r in added.rows] == ["new", "new"]
    assert added.rows[1].reason == "same e-mail as line 1 (added anyway)"
    apply_plan(merged)
    assert count() == 1
    assert contact_row(1)["title"] == "Countess"
    with pytest.raises(ValueError):
        plan_import(rows(), on_duplicate="overwrite")


def test_made_up_names_match_only_with_the_same_connection_date(journal: Path) -> None:
    """Anonymised LinkedIn rows are named after the job; two of them are one person only when
    everything the file says about them is the same (then importing the file again finds them)."""
    def row(day: int) -> ParsedContact:
        return ParsedContact("Recruiter at Korn Ferry", company="Korn Ferry", title="Recruiter",
                             connected_on=date(2021, 11, day))

    plan = plan_import(result(row(1), row(2), row(1), format="linkedin"))
    assert [(r.action, r.reason) for r in plan.rows] == [
        ("new", ""), ("new", ""), ("merge", "same name, company and connection date as line 1")]
    apply_plan(plan)
    assert plan_import(result(row(1), row(2), row(3), format="linkedin")).new == 1


def test_parser_skips_empty_and_nameless_rows_are_listed(journal: Path) -> None:
    plan = plan_import(result(ParsedContact("  "), ParsedContact("", emails=[]), ParsedContact("", company="X"),
                              ParsedContact("Ok"), skipped=(SkippedRecord(7, "the row is not valid CSV"),)))
    assert [(r.line, r.action, r.reason) for r in plan.rows] == [
        (1, "skip", "empty row"), (2, "skip", "empty row"), (3, "skip", "the row has no name"), (4, "new", ""),
        (7, "skip", "the row is not valid CSV")]
    assert plan.summary() == "1 new, 0 merged, 4 skipped"


# --- merging ---------------------------------------------------------------------------------

def test_merge_fills_empty_fields_and_keeps_conflicts_in_the_notes(journal: Path) -> None:
    cid = ops.add_contact("Ada Lovelace", company="Analytical Engines", title="Countess", notes="Likes maths",
                          emails=[("work", "ada@example.com")], phones=[("mobile", "+44 20 7946 0000")],
                          tags=["pioneers"]).id
    plan = plan_import(result(ParsedContact(
        "Ada King", given_name="Ada", company="analytical engines", title="Mathematician", location="London",
        emails=[(None, "ADA@example.com"), ("home", "ada@home.example")], notes="Met at the demo",
        phones=[(None, "+44 (20) 7946-0000"), ("work", "+44 1")], tags=["Pioneers", "vip"])))
    outcome = apply_plan(plan)
    assert outcome.updated_ids == (cid,) and outcome.created_ids == ()
    row = contact_row(cid)
    assert (row["name"], row["company"], row["title"], row["given_name"], row["location"]) == (
        "Ada Lovelace", "Analytical Engines", "Countess", "Ada", "London")
    assert row["notes"].splitlines() == ["Likes maths", "Imported: name Ada King", "Imported: title Mathematician",
                                         "", "Imported: Met at the demo"]
    assert row["source"] == "vCard import"
    conn = db.connection()
    assert [v for (v,) in conn.execute("SELECT value FROM contact_email ORDER BY id")] == [
        "ada@example.com", "ada@home.example"]
    assert [v for (v,) in conn.execute("SELECT value FROM contact_phone ORDER BY id")] == ["+44 20 7946 0000", "+44 1"]
    assert [v for (v,) in conn.execute("SELECT tag FROM contact_tag ORDER BY id")] == ["pioneers", "vip"]
    apply_plan(plan_import(result(ParsedContact("Ada King", company="Analytical Engines", title="Mathematician",
                                                emails=[(None, "ada@example.com")]))))
    assert contact_row(cid)["notes"].count("Imported: title Mathematician") == 1  # said once


def test_linkedin_connection_becomes_a_followed_back_channel(journal: Path) -> None:
    plan = plan_import(parse_file(FIXTURES / "linkedin_connections.csv"))
    assert (plan.new, plan.merged, plan.skipped) == (3, 1, 1)
    outcome = apply_plan(plan)
    assert len(outcome.created_ids) == 3
    channels = db.connection().execute(
        "SELECT c.name, ch.network, ch.handle, ch.url, ch.following_since, ch.follows_back, c.source, c.created_on "
        "FROM channel ch JOIN contact c ON c.id = ch.contact_id ORDER BY c.id").fetchall()
    assert channels[0] == ("Ada Lovelace", "linkedin", "adalovelace", "https://www.linkedin.com/in/adalovelace",
                           "2022-06-02", "yes", "LinkedIn import", today().isoformat())
    assert channels[1][4:6] == ("2018-01-08", "yes")
    assert channels[2][0] == "José Ñúñez" and channels[2][2] == "JoseNunez"
    assert len(channels) == 3  # the repeated profile merged into Ada, not a second channel


def test_linkedin_connection_fills_an_existing_channel(journal: Path) -> None:
    cid = ops.add_contact("Ada Lovelace").id
    ops.add_channel(cid, "linkedin", url="https://www.linkedin.com/in/adalovelace/")
    other = ops.add_contact("Grace Hopper", emails=[("work", "grace@navy.example")]).id
    ops.add_channel(other, "linkedin", url="https://www.linkedin.com/in/someone-else")
    apply_plan(plan_import(result(
        ParsedContact("Ada Lovelace", linkedin_url="https://linkedin.com/in/AdaLovelace", connected_on=date(2022, 6, 2)),
        ParsedContact("Grace Hopper", emails=[(None, "grace@navy.example")],
                      linkedin_url="https://www.linkedin.com/in/ghopper", connected_on=date(2018, 1, 8)),
        format="linkedin")))
    rows = db.connection().execute(
        "SELECT contact_id, url, following_since, follows_back FROM channel ORDER BY id").fetchall()
    assert rows == [(cid, "https://www.linkedin.com/in/adalovelace/", "2022-06-02", "yes"),
                    (other, "https://www.linkedin.com/in/someone-else", None, "unknown")]
    assert "Imported: LinkedIn profile https://www.linkedin.com/in/ghopper" in contact_row(other)["notes"]


# --- applying --------------------------------------------------------------------------------

def test_apply_invalidates_health_state_and_replan_finds_nothing_new(journal: Path) -> None:
    health_state.rebuild(today())
    assert health_state.is_current(today())
    parsed = parse_file(FIXTURES / "address_book.vcf")
    outcome = apply_plan(plan_import(parsed))
    assert not health_state.is_current(today())
    assert str(outcome) == "2 new, 1 merged, 1 skipped"
    assert outcome.changes.contacts and outcome.changes.contact_ids == frozenset(outcome.created_ids)
    again = plan_import(parsed)
    assert again.new == 0 and again.merged == 3
    before = count("SELECT total_changes()")
    apply_plan(again)
    assert count() == 2
    assert count("SELECT total_changes()") == before  # nothing left to merge: nothing written


def test_cancel_rolls_everything_back(journal: Path) -> None:
    ops.add_contact("Ada Lovelace", emails=[("work", "ada@example.com")])
    contacts = [ParsedContact(f"Person {n}", emails=[(None, f"p{n}@example.com")]) for n in range(5000)]
    contacts.append(ParsedContact("Ada", emails=[(None, "ada@example.com")], title="Countess"))
    plan = plan_import(result(*contacts))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 4

    with pytest.raises(ImportCancelled):
        apply_plan(plan, progress=progress)
    assert count() == 1 and contact_row(1)["title"] is None
    assert count("SELECT count(*) FROM contact_fts") == 1
    assert all(0 <= done <= total for done, total in calls)


def test_apply_from_a_worker_thread(journal: Path) -> None:
    plan = plan_import(parse_file(FIXTURES / "linkedin_connections.csv"))
    seen: list[object] = []

    def work() -> None:
        try:
            seen.append(apply_plan(plan, progress=lambda done, total: True))
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            seen.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not isinstance(seen[0], BaseException), seen[0]
    assert count() == 3  # the main thread's connection sees the worker's commit


def test_plan_without_a_journal_counts_it_as_empty(tmp_path: Path) -> None:
    from dealjournal.store import close_journal

    close_journal()
    saved = db.database
    db.database = None  # as in a fresh command-line process
    try:
        plan = plan_import(parse_file(FIXTURES / "address_book.vcf"))
    finally:
        db.database = saved
    assert (plan.new, plan.merged, plan.skipped) == (2, 1, 1)


def test_ten_thousand_rows_plan_and_apply_quickly(journal: Path) -> None:
    def family(n: int) -> str:
        return hashlib.sha1(str(n).encode()).hexdigest()[:10]

    contacts = [ParsedContact(f"Given{n % 97} {family(n)}", given_name=f"Given{n % 97}", family_name=family(n),
                              company=f"Company {n % 50}", emails=[("work", f"p{n}@example.com")],
                              phones=[("mobile", f"+1 555 {n:07d}")], tags=["imported", f"t{n % 7}"],
                              linkedin_url=f"https://www.linkedin.com/in/p{n}", connected_on=date(2020, 1, 1))
                for n in range(10_000)]
    started = time.perf_counter()
    plan = plan_import(result(*contacts, format="linkedin"))
    apply_plan(plan)
    elapsed = time.perf_counter() - started
    assert plan.new == 10_000 and count() == 10_000
    assert count("SELECT count(*) FROM channel WHERE follows_back = 'yes'") == 10_000
    assert count("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH 'imported'") == 10_000
    assert elapsed < 20, elapsed  # about 1.5 s on a laptop; generous for a loaded CI machine
    from dealjournal.safety import check

    assert check.problems() == []


def test_names_that_differ_only_in_their_numbers_are_not_merged(journal: Path) -> None:
    from dealjournal.importers import ParsedContact, ParseResult

    people = [ParsedContact(name=f"Field Agent {n}", given_name=None, family_name=None, company="Acme", title=None,
                            emails=[], phones=[], website=None, location=None, notes="", tags=[],
                            linkedin_url=None, connected_on=None, source_line=n + 1) for n in (1, 2, 10, 12)]
    plan = plan_import(ParseResult(format="csv", contacts=people, skipped=[], warnings=[]))
    assert (plan.new, plan.merged) == (4, 0)
