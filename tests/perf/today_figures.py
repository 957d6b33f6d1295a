"""Figures of the Today agenda (issue 12), run by bench.py: the agenda as the window reads it.

``today_ms`` is :func:`dealjournal.health.today.page` as the home page calls it on every
reload (the cached health state current, the first ``LISTED`` entries and the counts of
all); ``today_exact_vs_cached_ratio`` compares it with the whole agenda worked out from
scratch for every contact (the command line's ``report today``), measured in the same run,
and the two must agree on the entries listed.
"""

from __future__ import annotations

from typing import Any

from bench import TODAY, Bench, median_ms, progress


def measure_today(bench: Bench) -> list[tuple[str, Any, str]]:
    from dealjournal.health import state, today
    from dealjournal.health.today import LISTED as SHOWN
    from dealjournal.store import open_journal

    open_journal(bench.journal)
    if not state.is_current(TODAY):
        progress("rebuilding the cached health state for the agenda")
        state.rebuild(TODAY)
    runs = 11
    progress(f"Today's first {SHOWN} entries from the cached health state, median of {runs}")
    cached_ms = median_ms(lambda: today.page(TODAY, SHOWN), runs)
    progress("the whole Today agenda worked out for every contact, median of 3")
    exact_ms = median_ms(lambda: today.agenda(TODAY), 3)
    shown = today.page(TODAY, SHOWN)
    exact = today.agenda(TODAY)
    if [(e.contact_id, e.kind) for e in shown.entries] != [(e.contact_id, e.kind) for e in exact[:SHOWN]]:
        bench.failures.append("today: the agenda from the cached state differs from the exact one")
    if shown.total != len(exact):
        bench.failures.append(f"today: {shown.total} entries counted from the cached state, {len(exact)} exact")
    return [("today_ms", round(cached_ms, 1), "ms"), ("today_entries", shown.total, "entries"),
            ("today_exact_vs_cached_ratio", round(exact_ms / cached_ms, 2), "x")]
