"""Importing contact files (vCard, LinkedIn, Google, Outlook, any CSV) into the journal.

Two steps, so that the user sees a preview before anything is written::

    from dealjournal.importers import parse_file
    from dealjournal.contact_import import apply_plan, plan_import

    plan = plan_import(parse_file("Connections.csv"), on_duplicate="merge")
    print(plan.summary())             # "120 new, 3 merged, 2 skipped"
    for row in plan.rows: ...         # line, action, name, reason
    outcome = apply_plan(plan, progress=lambda done, total: not cancelled,
                         for_new=ForNew(tags=("conference",), cadence_days=30))

:func:`plan_import` only reads the journal (or nothing, when none is open);
:func:`apply_plan` writes the plan in one transaction. Both may run in a worker thread.
No Qt here.

May use: :mod:`dealjournal.importers`, :mod:`dealjournal.ops`, :mod:`dealjournal.health`,
:mod:`dealjournal.store` and the vocabulary.
"""

from __future__ import annotations

import os

from dealjournal.contact_import._apply import ImportOutcome, ProgressCallback, apply_plan, merge_into
from dealjournal.contact_import._keys import company_key, email_key, linkedin_key, name_key
from dealjournal.contact_import._plan import (
    ON_DUPLICATE, SOURCES, TRIAGE_ABOVE, ForNew, ImportPlan, OnDuplicate, PlanRow, clean_contact, plan_import,
)
from dealjournal.importers import parse_file


def plan_file(path: str | os.PathLike[str], *, format: str | None = None,
              column_map: dict[str, str] | None = None, on_duplicate: OnDuplicate | str = "merge",
              progress: ProgressCallback | None = None) -> ImportPlan:
    """Parse the file at *path* (``format=None`` detects it) and plan its import;
    *progress* gets (bytes read, file size) and may return False to cancel.

    Raises :class:`~dealjournal.importers.ImportFormatError` when the file cannot be used.
    """
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0  # parse_file reports the problem

    def parse_progress(done: int) -> bool | None:
        return progress(done, max(size, done)) if progress is not None else None

    result = parse_file(path, format, column_map, parse_progress if progress is not None else None)
    return plan_import(result, on_duplicate=on_duplicate)


__all__ = [
    "ON_DUPLICATE", "SOURCES", "TRIAGE_ABOVE", "ForNew", "ImportOutcome", "ImportPlan", "OnDuplicate", "PlanRow", "ProgressCallback",
    "apply_plan", "clean_contact", "company_key", "email_key", "linkedin_key", "merge_into", "name_key",
    "plan_file", "plan_import",
]
