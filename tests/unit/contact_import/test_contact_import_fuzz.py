"""Property-based checks of planning and applying imports: generated contacts full of
duplicates and odd Unicode never break the invariants."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealjournal import ops
from dealjournal.contact_import import apply_plan, plan_import
from dealjournal.importers import ParsedContact, ParseResult, SkippedRecord
from dealjournal.safety import check
from dealjournal.store import close_journal, open_journal
from dealjournal.store.db import db

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WEIRD = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
NAMES = st.one_of(st.sampled_from(["Ada Lovelace", "ada lovelace", "Lovelace Ada", "Ádá Lóvelace", "Zoë",
                                   "ZOË", "José Núñez", "Jose Nunez", "אפרים קישון", "Віталій", "  ", ""]), WEIRD)
EMAILS = st.one_of(st.sampled_from(["ada@example.com", "ADA@example.com", " ada@example.com ", "z@x.y",
                                    "José@例え.jp"]), WEIRD)
URLS = st.sampled_from([None, "https://www.linkedin.com/in/ada", "http://uk.linkedin.com/in/ADA/",
                        "linkedin.com/in/zoe", "https://example.com/in/ada", "https://www.linkedin.com/in/j%C3%B3"])
COMPANIES = st.one_of(st.sampled_from([None, "", "Analytical Engines", "analytical engines ltd.", "Señor Datos"]),
                      WEIRD)
OPTIONAL = st.one_of(st.none(), WEIRD)
LABELLED = st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["work", "home", "mobile", "x"])), EMAILS),
                    max_size=3)


@st.composite
def contacts(draw: st.DrawFn) -> ParsedContact:
    name = draw(NAMES)
    words = name.split()
    return ParsedContact(
        name=name, given_name=words[0] if words and draw(st.booleans()) else None,
        family_name=draw(OPTIONAL), company=draw(COMPANIES), title=draw(OPTIONAL), emails=draw(LABELLED),
        phones=draw(st.lists(st.tuples(st.none(), st.sampled_from(["+44 1", "+44-1", "555", "x"])), max_size=2)),
        website=draw(st.one_of(st.none(), URLS)), location=draw(OPTIONAL), notes=draw(WEIRD),
        tags=draw(st.lists(st.one_of(st.sampled_from(["vip", "VIP", " "]), WEIRD), max_size=3)),
        linkedin_url=draw(URLS),
        connected_on=draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1)))))


@st.composite
def files(draw: st.DrawFn) -> ParseResult:
    found = draw(st.lists(contacts(), max_size=25))
    for line, contact in enumerate(found, 2):
        contact.source_line = line
    skipped = [SkippedRecord(line, "the row is not valid CSV")
               for line in draw(st.lists(st.integers(1, 40), max_size=3))]
    return ParseResult(format=draw(st.sampled_from(["vcard", "linkedin", "google", "csv"])), contacts=found,
                       skipped=skipped)


def _count() -> int:
    return int(db.connection().execute("SELECT count(*) FROM contact").fetchone()[0])


@FUZZ
@given(existing=st.lists(contacts(), max_size=6), parsed=files(),
       policy=st.sampled_from(["merge", "skip", "add"]))
def test_plan_apply_replan(existing: list[ParsedContact], parsed: ParseResult, policy: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        open_journal(Path(folder) / "j.sqlite3")
        try:
            for contact in existing:
                # What a person could have typed: the operations refuse empty names and NUL characters.
                if contact.name.strip() and "\x00" not in contact.name + (contact.company or ""):
                    ops.add_contact(contact.name, company=contact.company or None,
                                    emails=[e for e in contact.emails if e[1].strip() and "\x00" not in e[1]])
            before = _count()
            plan = plan_import(parsed, on_duplicate=policy)
            rows = len(parsed.contacts) + len(parsed.skipped)
            assert plan.new + plan.merged + plan.skipped == len(plan.rows) == rows
            assert [r.line for r in plan.rows] == sorted(r.line for r in plan.rows)
            if policy == "add":
                assert plan.merged == 0
            if policy == "skip":
                assert plan.merged == 0 and not plan.merge_groups
            for row in plan.rows:
                if row.action == "merge":
                    assert (row.contact_id is not None) != (row.same_as_line is not None)
                    assert row.same_as_line is None or row.same_as_line <= row.line
            outcome = apply_plan(plan)
            assert _count() == before + plan.new == before + len(outcome.created_ids)
            assert check.problems() == []
            # Importing the same file again adds nobody. (After a "skip" import the rows left out were
            # never merged, so it is re-planned with "skip": merging them could fill in a company.)
            again = plan_import(parsed, on_duplicate="skip" if policy == "skip" else "merge")
            assert again.new == 0, [(r.line, r.name, r.reason) for r in again.rows if r.action == "new"]
        finally:
            close_journal()


def test_text_sqlite_cannot_store_is_replaced(journal: Path) -> None:
    plan = plan_import(ParseResult("csv", contacts=[ParsedContact("Ada \ud800 Lovelace", notes="\udfff",
                                                                  emails=[(None, "a\ud800@x")])]))
    apply_plan(plan)
    name, notes = db.connection().execute("SELECT name, notes FROM contact").fetchone()
    assert name == "Ada ? Lovelace" and notes == "?"
