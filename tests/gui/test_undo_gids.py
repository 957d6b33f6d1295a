"""The window's undo (gui.commands) puts a deleted record back with the same global id."""

from __future__ import annotations

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.store import db, gids


def gid_rows() -> dict[str, list[tuple[int, str]]]:
    conn = db.connection()
    return {t: conn.execute(f"SELECT rowid, gid FROM {t} ORDER BY rowid").fetchall() for t in gids.TABLES}


def test_undoing_deletions_and_a_snooze_keeps_every_gid(bus) -> None:  # type: ignore[no-untyped-def]
    ada = ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")], tags=["fintech", "vip"]).id
    entry = ops.log_interaction(ada, kind="call", direction="out", at="2026-02-04T10:00").id
    reminder = ops.add_reminder(ada, "2026-03-01", "Call").id
    ops.snooze_contact(ada, "2099-01-01")
    everything = gid_rows()
    assert commands.delete_interaction(bus, None, entry)
    assert commands.delete_reminder(bus, None, reminder)
    assert commands.delete_contact(bus, None, ada)
    assert not gid_rows()["contact"]
    for _ in range(3):
        bus.undo_stack.undo()
    assert gid_rows() == everything
    bus.undo_stack.redo()
    bus.undo_stack.undo()
    assert gid_rows() == everything
    assert commands.bulk_remove_tag(bus, None, [ada], "vip")
    assert commands.snooze(bus, None, ada, "2099-06-01")
    bus.undo_stack.undo()
    bus.undo_stack.undo()
    assert gid_rows() == everything


def test_redo_writes_what_it_made_again_under_the_same_gids(bus) -> None:  # type: ignore[no-untyped-def]
    ada = ops.add_contact("Ada Byron").id
    grace = ops.add_contact("Grace Hopper").id
    for make in (lambda: commands.set_stage(bus, None, ada, "engaged"),
                 lambda: commands.bulk_set_stage(bus, None, [ada, grace], "customer"),
                 lambda: commands.bulk_add_tag(bus, None, [ada, grace], "fintech"),
                 lambda: commands.log_interaction(bus, None, ada, kind="call", direction="out")):
        assert make()
        done = gid_rows()
        bus.undo_stack.undo()
        assert gid_rows() != done
        bus.undo_stack.redo()
        assert gid_rows() == done
