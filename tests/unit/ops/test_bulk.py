"""Bulk operations on a selection of contacts, their exact undo, and triage."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.contact_import import ForNew, apply_plan, plan_import
from dealjournal.domain import today
from dealjournal.errors import ValidationError
from dealjournal.health import state as health_state
from dealjournal.importers import ParsedContact, ParseResult
from dealjournal.ops import bulk
from dealjournal.queries import attention
from dealjournal.queries import contacts as q
from dealjournal.queries.contacts import ContactFilter
from dealjournal.store.db import db

T = date(2026, 11, 22)


def rows(table: str, where: str = "1") -> list[tuple[object, ...]]:
    return db.connection().execute(f"SELECT * FROM {table} WHERE {where} ORDER BY 1, 2").fetchall()


def everything() -> dict[str, list[tuple[object, ...]]]:
    tables = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "goal", "stage_change", "share",
              "interaction", "touch_day", "touch_summary")
    return {t: rows(t) for t in tables}


def fts(word: str) -> set[int]:
    return {i for (i,) in db.connection().execute("SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?",
                                                  (f'"{word}"',))}


@pytest.fixture
def people(journal: Path) -> list[int]:
    ids = [ops.add_contact(f"Person {n}", created_on="2026-01-01", tags=["a"] if n % 2 else [],
                           cadence_days=(None, 0, 30)[n % 3]).id for n in range(6)]
    item = ops.add_content("Guide").id
    goal = ops.add_goal(ids[1], "Close faster").id
    ops.record_share(item, [ids[1]], on="2026-11-01", goal_id=goal)
    ops.record_share(item, [ids[2]], on="2026-11-03")
    ops.log_interaction(ids[1], kind="call", direction="mutual", at="2026-11-02T10:00", goal_id=goal,
                        summary="Pricing questions")
    ops.add_channel(ids[2], "linkedin", url="https://www.linkedin.com/in/p2", follows_back="yes")
    ops.set_stage(ids[3], "customer", on="2026-02-01")
    return ids


def test_tag_and_untag_a_selection_undo_exactly(people: list[int]) -> None:
    before = everything()
    undo = bulk.capture(people, tag="fintech")
    changes = bulk.add_tag(people, " fintech ")
    assert changes.contacts and changes.contact_ids == set(people)
    assert fts("fintech") == set(people)
    bulk.put_back(undo)
    assert everything() == before and fts("fintech") == set()

    had = {people[1], people[3], people[5]}
    undo = bulk.capture(people, tag="a")
    changes = bulk.remove_tag(people, "a")
    assert changes.contact_ids == had and fts("a") == set()
    assert bulk.remove_tag(people, "a").contact_ids == frozenset()
    bulk.put_back(undo)
    assert everything() == before and fts("a") == had  # the same rows, with their ids


def test_set_stage_writes_history_and_reverts(people: list[int]) -> None:
    before = everything()
    changes = bulk.set_stage(people, "customer", on="2026-11-20")
    assert changes.contact_ids == set(people) - {people[3]} and len(changes.ids) == 5
    assert {r[0] for r in db.connection().execute("SELECT DISTINCT stage FROM contact")} == {"customer"}
    history = db.connection().execute("SELECT contact_id, from_stage, to_stage, on_day FROM stage_change "
                                      "WHERE on_day = '2026-11-20'").fetchall()
    assert sorted(history) == [(i, "lead", "customer", "2026-11-20") for i in people if i != people[3]]
    bulk.revert_stage_changes(changes.ids)
    assert everything() == before
    with pytest.raises(ValidationError, match="no longer exists"):
        bulk.revert_stage_changes(changes.ids)


def test_cadence_and_archive_undo_exactly(people: list[int]) -> None:
    health_state.rebuild(T)
    before, state = everything(), rows("health_state")
    undo = bulk.capture(people, columns=("cadence_days",))
    changes = bulk.set_cadence(people, 14)
    assert changes.touches and changes.contact_ids == set(people)
    health_state.update_for(changes.contact_ids)
    assert {r[0] for r in db.connection().execute("SELECT cadence_days FROM health_state")} == {14}
    health_state.update_for(bulk.put_back(undo).contact_ids)
    assert everything() == before and rows("health_state") == state

    undo = bulk.capture(people[:4], columns=("archived",))
    changes = bulk.archive(people[:4])
    health_state.update_for(changes.contact_ids)
    assert q.count(ContactFilter()) == 2 and q.count(ContactFilter(archived=True)) == 4
    assert {r[0] for r in rows("health_state")} == set(people[4:])
    health_state.update_for(bulk.put_back(undo).contact_ids)
    assert everything() == before and rows("health_state") == state


def test_delete_many_and_restore_every_row(people: list[int]) -> None:
    ops.snooze_contact(people[1], "2026-12-31")
    ops.add_reminder(people[2], "2026-12-01", "Call back")
    before = everything() | {"snooze": rows("snooze"), "reminder": rows("reminder")}
    chosen = people[1:5]
    snap = ops.capture_contacts(chosen)
    changes = bulk.delete(chosen)
    assert changes.contact_ids == set(chosen) and changes.agenda
    assert q.count(ContactFilter()) == 2 and rows("touch_day") == [] and rows("share") == []
    ops.restore(snap)
    assert everything() | {"snooze": rows("snooze"), "reminder": rows("reminder")} == before
    assert fts("a") == {people[1], people[3], people[5]} and fts("person") == set(people)
    conn = db.connection()
    for index in ("contact_fts", "interaction_fts", "share_fts"):  # the full-text indexes follow their rows
        conn.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
    assert conn.execute("SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH 'pricing'").fetchall() == [
        (rows("interaction")[0][0],)]
    with pytest.raises(ValidationError, match="There is no contact #999"):
        ops.capture_contacts([people[0], 999])


@pytest.mark.parametrize(("call", "message"), [
    (lambda ids: bulk.add_tag(ids, "  "), "Tag cannot be empty"),
    (lambda ids: bulk.add_tag([], "x"), "No contact is selected"),
    (lambda ids: bulk.add_tag([*ids, 999, 998], "x"), "2 of the selected contacts no longer exist"),
    (lambda ids: bulk.set_stage(ids, "friend"), "Stage 'friend' is not one of"),
    (lambda ids: bulk.set_cadence(ids, -3), "whole number of days"),
    (lambda ids: bulk.archive([ids[0], "7"]), "named by its number"),  # type: ignore[list-item]
    (lambda ids: bulk.delete([999]), "1 of the selected contacts no longer exists"),
])
def test_bulk_validation_changes_nothing(people: list[int], call, message: str) -> None:  # type: ignore[no-untyped-def]
    before = everything()
    with pytest.raises(ValidationError, match=message):
        call(people)
    assert everything() == before


def test_list_ids_follow_the_list_order(people: list[int]) -> None:
    f = ContactFilter()
    for sort in q.SORT_KEYS:
        for descending in (False, True):
            assert q.ordered_ids(f, sort, descending, 1, 4) == [r.id for r in q.page(f, sort, descending, 1, 4)]
    assert q.tags_of(people[:2]) == ["a"] and q.tags_of([people[0]]) == []


def linkedin(n: int) -> ParseResult:
    people = [ParsedContact(name=f"Connection {i}", company="Acme", linkedin_url=f"https://www.linkedin.com/in/c{i}",
                            connected_on=date(2024, 1, 1) + timedelta(days=i), source_line=i + 2) for i in range(n)]
    return ParseResult(format="linkedin", contacts=people, skipped=[])


def test_import_applies_the_choice_for_new_contacts_only(journal: Path) -> None:
    known = ops.add_contact("Connection 0", company="Acme", tags=["old"]).id
    plan = plan_import(linkedin(3))
    assert plan.suggested_for_new() == ForNew()  # a small file: the stage's cadence
    outcome = apply_plan(plan, for_new=ForNew(tags=("conference", "conference", " met "), stage="engaged",
                                              cadence_days=21))
    assert outcome.new == 2 and outcome.merged == 1
    got = db.connection().execute("SELECT id, stage, cadence_days FROM contact ORDER BY id").fetchall()
    assert got == [(known, "lead", None)] + [(i, "engaged", 21) for i in outcome.created_ids]
    assert q.tags_of([known]) == ["old"] and q.tags_of(outcome.created_ids) == ["conference", "met"]
    with pytest.raises(ValidationError, match="Stage 'friend'"):
        apply_plan(plan_import(linkedin(5)), for_new=ForNew(stage="friend"))
    assert q.count(ContactFilter()) == 3


def test_a_big_linkedin_import_waits_for_triage(journal: Path) -> None:
    plan = plan_import(linkedin(51))
    suggested = plan.suggested_for_new()
    assert suggested.triage and suggested.cadence_days == 0
    outcome = apply_plan(plan, for_new=suggested)
    health_state.rebuild(today() + timedelta(days=400))
    assert attention.stale().total == 0 and q.untriaged_count() == 51
    first, second, third = outcome.created_ids[:3]
    item = q.next_untriaged()
    assert item is not None and (item.id, item.name, item.connected_on) == (first, "Connection 0", "2024-01-01")

    undo = bulk.capture([first], columns=("cadence_days", "archived"), tag=bulk.TRIAGE_TAG)
    bulk.triage([first], keep_in_touch=30)
    bulk.triage([second])  # not now
    bulk.triage([third], archive=True)
    assert q.untriaged_count() == 48 and q.next_untriaged().id == outcome.created_ids[3]  # type: ignore[union-attr]
    cadences = dict(db.connection().execute(
        f"SELECT id, cadence_days FROM contact WHERE id IN ({first}, {second}, {third})").fetchall())
    assert cadences == {first: 30, second: 0, third: 0}
    assert q.count(ContactFilter(archived=True)) == 1
    bulk.put_back(undo)
    assert q.untriaged_count() == 49 and q.next_untriaged().id == first  # type: ignore[union-attr]
    assert db.connection().execute("SELECT cadence_days FROM contact WHERE id = ?", (first,)).fetchone() == (0,)

    rest = outcome.created_ids[3:]  # a cadence for a whole selection is a decision for each of them
    undo = bulk.capture(rest, columns=("cadence_days",), tag=bulk.TRIAGE_TAG)
    assert bulk.set_cadence(rest, 0).contact_ids == set(rest) and q.untriaged_count() == 1
    bulk.put_back(undo)
    assert q.untriaged_count() == 49
