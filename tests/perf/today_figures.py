"""Figures of the Today agenda (issue 12), run by bench.py: the agenda as the window reads it.

``today_ms`` is :func:`dealjournal.health.today.agenda` with the cached health state current
(what the home page does on every reload); ``today_exact_vs_cached_ratio`` compares it with
the agenda computed from scratch for every contact (the command line's ``report today``),
measured in the same run.
"""

from __future__ import annotations

from typing import Any

from bench import TODAY, Bench, median_ms, progress


def measure_today(bench: Bench) -> list[tuple[str, Any, str]]:
    from dealjournal.health import state, today
    from dealjournal.store import open_journal

    open_journal(bench.journal)
    if not state.is_current(TODAY):
        progress("rebuilding the cached health state for the agenda")
        state.rebuild(TODAY)
    runs = 11
    progress(f"Today agenda from the cached health state, median of {runs}")
    cached_ms = median_ms(lambda: today.agenda(TODAY, cached=True), runs)
    progress("Today agenda computed for every contact, median of 3")
    exact_ms = median_ms(lambda: today.agenda(TODAY), 3)
    cached = [(e.contact_id, e.kind) for e in today.agenda(TODAY, cached=True)]
    if cached != [(e.contact_id, e.kind) for e in today.agenda(TODAY)]:
        bench.failures.append("today: the agenda from the cached state differs from the exact one")
    return [("today_ms", round(cached_ms, 1), "ms"), ("today_entries", len(cached), "entries"),
            ("today_exact_vs_cached_ratio", round(exact_ms / cached_ms, 2), "x")]
