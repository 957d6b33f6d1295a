"""The cached health state follows the engine exactly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dealjournal import health, health_state, ops
from dealjournal.store import db

T = date(2026, 11, 22)


def stored() -> dict[int, tuple[object, ...]]:
    rows = db.connection().execute(
        "SELECT contact_id, days_quiet, overdue_days, one_sided, unanswered, reasons FROM health_state").fetchall()
    return {r[0]: r[1:] for r in rows}


def expected() -> dict[int, tuple[object, ...]]:
    return {h.id: (h.days_quiet, h.overdue_days, h.one_sided, h.unanswered, json.dumps(h.reasons, ensure_ascii=False))
            for h in health.compute(T)}


def test_rebuild_update_and_invalidate(journal: Path) -> None:
    a = ops.add_contact("Ada", created_on="2026-01-01").id
    b = ops.add_contact("Bob", created_on="2026-11-01").id
    assert health_state.as_of() is None
    health_state.update_for([a])  # nothing to update before a first rebuild
    assert stored() == {}
    health_state.rebuild(T)
    assert health_state.is_current(T) and not health_state.is_current(date(2026, 11, 23))
    assert stored() == expected()
    for d in ("2026-11-01", "2026-11-05", "2026-11-10"):
        ops.log_interaction(b, kind="email", direction="out", at=d)
    ops.archive_contact(a)
    health_state.update_for([a, b])
    assert stored() == expected() and a not in stored() and stored()[b][2] == "giving"
    health_state.invalidate()
    assert health_state.as_of() is None


def test_severity_orders_by_need() -> None:
    base = dict(id=1, name="x", stage="lead", cadence_days=30, last_touch_on=None, last_inbound_on=None,
                last_outbound_on=None, days_quiet=0, stale=False, overdue_days=None, in_window_in=0, in_window_out=0,
                unanswered=0, owes_reply=False, one_sided=None, unanswered_shares=0)
    ok = health.ContactHealth(**base)
    share = health.ContactHealth(**{**base, "unanswered_shares": 1})
    sided = health.ContactHealth(**{**base, "one_sided": "giving", "unanswered": 3})
    stale = health.ContactHealth(**{**base, "stale": True, "overdue_days": 2})
    assert health_state.severity(ok) < health_state.severity(share) < health_state.severity(sided) < health_state.severity(stale)
