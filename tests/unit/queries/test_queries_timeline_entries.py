"""The contact's timeline with reminders, and one entry read in full for its edit form."""

from __future__ import annotations

from pathlib import Path

from dealjournal import ops
from dealjournal.queries import contact as q


def _contact() -> int:
    changes = ops.add_contact("Ada Byron", created_on="2026-01-01")
    assert changes.id is not None
    return changes.id


def test_reminders_sit_at_their_due_day_and_count(journal: Path) -> None:
    cid = _contact()
    ops.log_interaction(cid, kind="email", direction="out", at="2026-02-01T09:00", summary="Hello")
    later = ops.add_reminder(cid, "2026-02-10", "Send the proposal").id
    earlier = ops.add_reminder(cid, "2026-01-20", "Ask about budget").id
    assert later is not None and earlier is not None
    ops.set_reminder_done(earlier, on="2026-01-21")
    rows = q.timeline_page(cid)
    assert [(r.source, r.summary) for r in rows] == [
        ("reminder", "Send the proposal"), ("interaction", "Hello"), ("reminder", "Ask about budget")]
    due, _, done = rows
    assert (due.follow_up_on, due.follow_up_done, due.responded_on) == ("2026-02-10", False, None)
    assert (done.follow_up_on, done.follow_up_done, done.responded_on) == ("2026-01-20", True, "2026-01-21")
    assert q.timeline_count(cid) == 3


def test_one_interaction_and_one_share_in_full(journal: Path) -> None:
    cid = _contact()
    goal = ops.add_goal(cid, "Grow").id
    details = "x" * (q.DETAILS_PREVIEW + 10)  # the timeline keeps a preview; the form needs it all
    entry = ops.log_interaction(cid, kind="call", direction="mutual", at="2026-02-01T09:30", summary="Call",
                                details=details, goal_id=goal, follow_up_on="2026-02-08").id
    assert entry is not None
    found = q.interaction(entry)
    assert found == q.InteractionDetails(entry, cid, "2026-02-01T09:30", "call", "mutual", None, "Call", details,
                                         goal, "2026-02-08", False)
    assert q.interaction(entry + 1) is None
    item = ops.add_content("Guide").id
    assert item is not None
    share = ops.record_share(item, [cid], on="2026-02-02", via="email", note="You asked").id
    assert share is not None
    assert q.share(share) == q.ShareDetails(share, cid, "Ada Byron", "Guide", "2026-02-02", "email", "You asked",
                                            None, "none", None)
    assert q.share(share + 1) is None
