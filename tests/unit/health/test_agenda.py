"""The Today agenda read from the cached health state is the agenda worked out from scratch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dealjournal import interchange
from dealjournal.health import state, today

FIXTURE = Path(__file__).resolve().parents[2] / "e2e" / "fixtures" / "today.json"


def _described(entries: list[today.Entry]) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.contact_id, e.kind, e.kinds, tuple(str(r) for r in e.reasons)) for e in entries]


@pytest.mark.parametrize("day", ["2026-11-22", "2026-11-08", "2026-11-12", "2026-11-30", "2027-02-01"])
def test_cached_and_exact_agendas_agree(journal: Path, day: str) -> None:
    interchange.import_file(FIXTURE)
    as_of = date.fromisoformat(day)
    exact = today.agenda(as_of)
    state.rebuild(as_of)
    assert state.is_current(as_of)
    assert _described(today.agenda(as_of, cached=True)) == _described(exact)
    assert exact  # the fixture always holds someone to list
    if day == "2026-11-08":  # Wes waits since 11-05; his reply of 11-20 is after T
        assert ("Wes Waiting", "owes_reply") in [(e.name, e.kind) for e in exact]


def test_a_page_is_the_head_of_the_agenda_with_the_counts_of_all(journal: Path) -> None:
    interchange.import_file(FIXTURE)
    as_of = date(2026, 11, 22)
    whole = today.agenda(as_of)
    state.rebuild(as_of)
    for cached in (True, False):
        first = today.page(as_of, 4, cached=cached)
        assert _described(first.entries) == _described(whole[:4])
        assert first.counts == {"owes_reply": 3, "follow_up": 2, "stale": 3, "giving": 2} and first.total == 10


def test_without_a_current_cache_the_cached_agenda_is_worked_out(journal: Path) -> None:
    interchange.import_file(FIXTURE)
    as_of = date(2026, 11, 22)
    state.rebuild(date(2026, 11, 1))  # a state of another day is not used
    assert _described(today.agenda(as_of, cached=True)) == _described(today.agenda(as_of))


def test_ties_are_ordered_by_name_the_same_way_both_ways(journal: Path) -> None:
    from dealjournal import ops

    for name in ("zoë", "Émile", "ada", "Ada", "Zed", "ålesund", "Ada"):
        ops.add_contact(name, created_on="2026-01-01")  # all equally overdue: only the name decides
    as_of = date(2026, 11, 22)
    exact = [(e.name, e.contact_id) for e in today.agenda(as_of)]
    state.rebuild(as_of)
    assert [(e.name, e.contact_id) for e in today.agenda(as_of, cached=True)] == exact
    assert [name for name, _ in exact] == ["Ada", "Ada", "ada", "Zed", "zoë", "Émile", "ålesund"]
