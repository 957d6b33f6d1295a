"""Undo names exactly what it undoes, and never skips a later change.

Every change the window makes is an undoable command (or clears the stack), so Edit ▸ Undo
always takes back the latest change first, and its text says what and whom.
"""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path
from typing import Any

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.gui.dialogs.contact_edit import ContactDialog
from dealjournal.gui.dialogs.share import ShareDialog
from dealjournal.queries import contact as contact_queries
from dealjournal.store import settings
from dealjournal.store.models import Channel, Content, Goal, Share

GUI = Path(commands.__file__).parent


def undo_text(window: Any) -> str:
    return window.act.undo.text().removeprefix("&Undo ")


def test_undo_after_a_share_and_a_tag_edit_undoes_the_tag_edit_first(window: Any, bus: Any, qtbot: Any) -> None:
    cid = bus.run(ops.add_contact, "Ada Byron", tags=["fintech"]).id
    item = bus.run(ops.add_content, "Closing the books faster").id
    share = ShareDialog(bus, window, item, [cid])
    qtbot.addWidget(share)
    share.accept()
    assert Share.select().count() == 1
    edit = ContactDialog(bus, window, cid)
    qtbot.addWidget(edit)
    edit.tags.setText("fintech, cfo")
    edit.accept()
    assert contact_queries.contact_details(cid).tags == ["fintech", "cfo"]  # type: ignore[union-attr]

    assert undo_text(window) == "Change tags of Ada Byron"
    window.act.undo.trigger()
    assert contact_queries.contact_details(cid).tags == ["fintech"]  # type: ignore[union-attr]
    assert Share.select().count() == 1  # the later change went first; the share stays
    assert undo_text(window) == "Share “Closing the books faster” with Ada Byron"
    window.act.undo.trigger()
    assert Share.select().count() == 0
    assert contact_queries.contact_details(cid).tags == ["fintech"]  # type: ignore[union-attr]


def test_undo_texts_say_what_and_whom(window: Any, bus: Any) -> None:
    cid = bus.run(ops.add_contact, "Ada Byron").id
    texts: list[str] = []

    def did(ok: object) -> None:
        assert ok
        texts.append(bus.undo_stack.undoText())

    did(commands.log_interaction(bus, None, cid, kind="email", direction="out", at="2026-12-01T09:00"))
    did(commands.log_interaction(bus, None, cid, kind="email", direction="in", at="2026-12-02T09:00"))
    call = commands.log_interaction(bus, None, cid, kind="call", direction="mutual", at="2026-12-03T09:00")
    did(call)
    assert call is not None
    did(commands.edit_interaction(bus, None, call, kind="meeting"))
    did(commands.delete_interaction(bus, None, call))
    item = bus.run(ops.add_content, "A guide to closing the books in three days, not ten").id
    shares = commands.record_share(bus, None, item, [cid])
    did(shares)
    did(commands.set_share_response(bus, None, shares[0], "seen", bus.today()))
    did(commands.set_stage(bus, None, cid, "engaged"))
    did(commands.edit_contact(bus, None, cid, company="Analytical Ltd"))
    channel = commands.add_channel(bus, None, cid, "linkedin")
    did(channel)
    assert channel is not None
    did(commands.edit_channel(bus, None, channel, following_since=bus.today()))
    goal = commands.add_goal(bus, None, cid, "Cut month-end close")
    did(goal)
    assert goal is not None
    did(commands.close_goal(bus, None, goal, "achieved"))
    did(commands.delete_content(bus, None, item))
    did(commands.update_settings(bus, None, window_days=30))
    assert texts == [
        "Log e-mail to Ada Byron", "Log e-mail from Ada Byron", "Log call with Ada Byron",
        "Edit meeting with Ada Byron", "Delete meeting with Ada Byron (2026-12-03)",
        "Share “A guide to closing the books in three d…” with Ada Byron", "Change share response (Ada Byron)",
        "Move Ada Byron to Engaged", "Edit contact Ada Byron", "Add LinkedIn channel for Ada Byron",
        "Follow Ada Byron on LinkedIn", "Add goal “Cut month-end close” for Ada Byron",
        "Mark goal “Cut month-end close” of Ada Byron achieved",
        "Delete “A guide to closing the books in three d…” from the library", "Change the health window and cadences",
    ]
    assert undo_text(window) == texts[-1]  # Edit ▸ Undo shows the same words


def test_record_edits_undo_exactly(window: Any, bus: Any, qtbot: Any) -> None:
    """Channels, goals, content and settings edited in the window come back as they were."""
    cid = bus.run(ops.add_contact, "Ada Byron").id
    channel = bus.run(ops.add_channel, cid, "x", handle="ada", follows_back="no").id
    goal = bus.run(ops.add_goal, cid, "Grow", created_on="2026-01-01").id
    item = bus.run(ops.add_content, "Guide", topics=["close"]).id
    share = bus.run(ops.record_share, item, [cid], goal_id=goal).id
    old_share = ops.capture_row("share", share)
    old_window = settings.load().window_days

    assert commands.edit_channel(bus, None, channel, follows_back="yes")
    assert commands.close_goal(bus, None, goal, "dropped", on="2026-02-01")
    assert commands.edit_content(bus, None, item, title="Guide, second edition", topics=["close", "cfo"])
    assert commands.delete_content(bus, None, item)
    assert commands.update_settings(bus, None, window_days=old_window + 10)
    assert settings.load().window_days == old_window + 10 and Content.get_or_none(Content.id == item) is None
    idle = lambda: not window.keeper.busy  # noqa: E731  (new settings: health is worked out again meanwhile)
    qtbot.waitUntil(idle)
    bus.undo_stack.undo()
    assert settings.load().window_days == old_window
    qtbot.waitUntil(idle)
    for _ in range(4):
        bus.undo_stack.undo()
    assert ops.capture_row("share", share) == old_share  # the share came back with its item, same id
    restored = Content.get_by_id(item)
    assert restored.title == "Guide" and [t.topic for t in restored.topics] == ["close"]
    assert (Goal.get_by_id(goal).status, Goal.get_by_id(goal).closed_on) == ("open", None)
    assert Channel.get_by_id(channel).follows_back == "no"
    assert not bus.undo_stack.canUndo()


def test_an_edit_that_changes_nothing_leaves_nothing_to_undo(window: Any, bus: Any, qtbot: Any) -> None:
    cid = bus.run(ops.add_contact, "Ada Byron", company="Analytical").id
    dialog = ContactDialog(bus, window, cid)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert not bus.undo_stack.canUndo()


def _changes_the_journal(node: ast.Call) -> bool:
    """``bus.attempt(…)``, ``self.bus.run(…)``, …: a change run through the bus itself."""
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("attempt", "run"):
        return False
    owner = func.value
    return (isinstance(owner, ast.Name) and owner.id == "bus") or (
        isinstance(owner, ast.Attribute) and owner.attr == "bus")


def _clears_the_stack(function: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "clear"
               and isinstance(n.func.value, ast.Attribute) and n.func.value.attr == "undo_stack"
               for n in ast.walk(function))


def test_every_change_the_window_makes_is_a_command_or_clears_the_undo_stack() -> None:
    """Outside :mod:`dealjournal.gui.commands`, a change run through the bus must clear the stack
    (it cannot be undone), or an undo could take back an older change while this one stays."""
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name in ("commands.py", "bus.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            direct = [n for n in ast.walk(function) if isinstance(n, ast.Call) and _changes_the_journal(n)]
            if direct and not _clears_the_stack(function):
                offenders.append(f"{path.relative_to(GUI)}:{direct[0].lineno} ({function.name})")
    assert offenders == []


def test_the_guard_above_bites() -> None:
    source = "def save(self):\n    self.bus.attempt(self, ops.edit_goal, 1, title='x')\n"
    call = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call))
    assert _changes_the_journal(call) and not _clears_the_stack(ast.parse(source))
    cleared = source + "    self.bus.undo_stack.clear()\n"
    assert _clears_the_stack(ast.parse(cleared))


def test_a_share_edit_is_undone_in_one_step_before_the_share(window: Any, bus: Any) -> None:
    """Editing a share then undoing twice goes back through the edit first, then the share."""
    cid = bus.run(ops.add_contact, "Ada Byron").id
    item = bus.run(ops.add_content, "Guide").id
    (share,) = commands.record_share(bus, None, item, [cid], on=bus.today() - timedelta(days=3))
    assert commands.edit_share(bus, None, share, on=bus.today() - timedelta(days=1), response="acted",
                               responded_on=bus.today())
    bus.undo_stack.undo()
    back = Share.get_by_id(share)
    assert (back.on_day, back.response, back.responded_on) == (
        (bus.today() - timedelta(days=3)).isoformat(), "none", None)
    bus.undo_stack.undo()
    assert Share.get_or_none(Share.id == share) is None
