"""What editing and deleting timeline entries needs from the core: a share edited in one
step (date and response together) and a library item's deletion undone exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.errors import ValidationError
from dealjournal.queries import library
from dealjournal.store.models import Content, Share


def _share(on: str = "2026-02-01") -> int:
    cid = ops.add_contact("Ada Byron", created_on="2026-01-01").id
    item = ops.add_content("Guide").id
    assert cid is not None and item is not None
    changes = ops.record_share(item, [cid], on=on)
    assert changes.id is not None
    return changes.id


def test_edit_share_moves_the_share_and_its_response_together(journal: Path) -> None:
    share = _share()
    ops.set_share_response(share, "replied", "2026-02-03")
    # Alone, either change would be refused (a response before its share); together they hold.
    ops.edit_share(share, on="2026-03-01", response="acted", responded_on="2026-03-02")
    row = Share.get_by_id(share)
    assert (row.on_day, row.response, row.responded_on) == ("2026-03-01", "acted", "2026-03-02")
    with pytest.raises(ValidationError):
        ops.edit_share(share, responded_on="2026-02-27")
    assert Share.get_by_id(share).responded_on == "2026-03-02"  # a refused edit changes nothing
    ops.edit_share(share, response="none")
    assert Share.get_by_id(share).responded_on is None  # no response, no response date
    with pytest.raises(ValidationError):
        ops.edit_share(share, response="loved it")


def test_deleting_content_is_undone_with_its_topics_and_shares(journal: Path) -> None:
    share = _share()
    item = Share.get_by_id(share).content_id
    ops.edit_content(item, topics=["close", "cfo"])
    snap = ops.capture_content(item)
    before = ops.capture_row("share", share)
    changes = ops.delete_content(item)
    assert Content.get_or_none(Content.id == item) is None and changes.touches
    restored = ops.restore(snap)
    assert restored.content and restored.shares and restored.contact_ids == before.contact_ids
    assert ops.capture_row("share", share) == before
    assert library.content_item(item).topics == ("close", "cfo")  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        ops.capture_content(item + 1)
