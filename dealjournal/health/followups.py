"""Open follow-ups: journal entries with a follow-up date that is not done yet."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from dealjournal.store.db import db


@dataclass(frozen=True)
class FollowUp:
    interaction_id: int
    contact_id: int
    name: str
    due_on: str
    days_overdue: int  # negative: due in that many days
    summary: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def open_followups(as_of: date, *, ahead_days: int = 7) -> list[FollowUp]:
    """Open follow-ups of non-archived contacts due on or before *as_of* + *ahead_days*, oldest first."""
    until = (as_of + timedelta(days=ahead_days)).isoformat()
    rows = db.connection().execute(
        """SELECT i.id, c.id, c.name, i.follow_up_on, i.summary
             FROM interaction i JOIN contact c ON c.id = i.contact_id
            WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up_on <= ?
              AND c.archived = 0
            ORDER BY i.follow_up_on, c.name, i.id""",
        (until,),
    ).fetchall()
    return [
        FollowUp(iid, cid, name, due, (as_of - date.fromisoformat(due)).days, summary)
        for iid, cid, name, due, summary in rows
    ]
