"""The timeline and the Journal say where a captured interaction came from (its source kind)."""

from __future__ import annotations

from pathlib import Path

from dealjournal import ops
from dealjournal.queries import contact as q
from dealjournal.queries import library
from dealjournal.store.db import db


def test_captured_interactions_carry_their_source_kind(journal: Path) -> None:
    cid = ops.add_contact("Ada Byron", created_on="2026-01-01").id
    assert cid is not None
    ops.log_interaction(cid, kind="call", direction="out", at="2026-02-01T09:00", summary="Typed")
    captured = ops.log_interaction(cid, kind="email", direction="in", at="2026-02-02T10:00", summary="Re: offer").id
    db.connection().execute("UPDATE interaction SET source_kind = 'mbox', source_key = 'm1' WHERE id = ?",
                            (captured,))
    content = ops.add_content("Closing the books faster", kind="video").id
    assert content is not None
    ops.record_share(content, [cid], on="2026-02-03")
    ops.set_stage(cid, "engaged", on="2026-02-04")

    timeline = {(r.source, r.summary): r.source_kind for r in q.timeline_page(cid)}
    assert timeline == {("stage", "engaged"): None, ("share", "Closing the books faster"): None,
                        ("interaction", "Re: offer"): "mbox", ("interaction", "Typed"): None}
    activity = {(r.source, r.summary): r.source_kind for r in library.activity()}
    assert activity[("interaction", "Re: offer")] == "mbox"
    assert activity[("interaction", "Typed")] is None
    assert all(kind is None for (source, _), kind in activity.items() if source != "interaction")
    # Filters and paging still read it.
    assert [r.source_kind for r in library.activity(kind="email")] == ["mbox"]
    assert [r.source_kind for r in q.timeline_page(cid, offset=2, limit=1)] == ["mbox"]
