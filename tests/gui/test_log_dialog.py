"""The log dialog's small dead ends, gone: a call or meeting suggests mutual, and a name that
is nobody's yet becomes a new contact instead of an error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dealjournal import ops
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.store.models import Contact, Interaction


def _dialog(bus: Any, qtbot: Any, contact_id: int | None = None) -> LogInteractionDialog:
    dialog = LogInteractionDialog(bus, None, contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _kind(dialog: LogInteractionDialog, kind: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))


def test_call_or_meeting_suggests_mutual_until_a_direction_is_picked(bus: Any, qtbot: Any) -> None:
    cid = bus.run(ops.add_contact, "Ada Byron").id
    dialog = _dialog(bus, qtbot, cid)
    assert dialog.direction() == "out"
    _kind(dialog, "call")
    assert dialog.direction() == "mutual"
    _kind(dialog, "email")
    assert dialog.direction() == "out"  # only a suggestion: it follows the kind
    _kind(dialog, "meeting")
    assert dialog.direction() == "mutual"
    qtbot.mouseClick(dialog.directions["in"], Qt.MouseButton.LeftButton)  # the user's own choice
    _kind(dialog, "call")
    assert dialog.direction() == "in"
    _kind(dialog, "note")
    assert dialog.direction() == "none"  # a note is never a touch, whatever was picked


def test_a_name_nobody_has_is_offered_and_added_as_a_new_contact(bus: Any, qtbot: Any) -> None:
    bus.run(ops.add_contact, "Ada Byron")
    dialog = _dialog(bus, qtbot)
    qtbot.keyClicks(dialog.contact, "Grace Hopper")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    rows = [dialog.completer.completionModel().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert rows == ["Add “Grace Hopper” as a new contact"]
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.contact.text() == "Grace Hopper" and dialog.new_name == "Grace Hopper"
    qtbot.keyClicks(dialog.summary, "Met at the fair")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    grace = Contact.get(Contact.name == "Grace Hopper")
    entry = Interaction.get_by_id(dialog.logged_id)
    assert entry.contact_id == grace.id and entry.summary == "Met at the fair"

    assert bus.undo_stack.undoText() == "Log e-mail to Grace Hopper"
    bus.undo_stack.undo()
    assert bus.undo_stack.undoText() == "Add contact Grace Hopper"
    bus.undo_stack.undo()
    assert Contact.get_or_none(Contact.name == "Grace Hopper") is None
    bus.undo_stack.redo()
    bus.undo_stack.redo()
    assert Interaction.get_by_id(entry.id).contact_id == grace.id  # both back, same ids


def test_saving_a_name_nobody_has_asks_then_adds_the_contact(bus: Any, qtbot: Any, monkeypatch: Any) -> None:
    from dealjournal.gui import messages

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(action) or True)
    dialog = _dialog(bus, qtbot)
    qtbot.keyClicks(dialog.contact, "Grace Hopper")
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Escape)
    _kind(dialog, "call")
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert asked == ["Add Contact and Log"] and dialog.result() == QDialog.DialogCode.Accepted
    entry = Interaction.get_by_id(dialog.logged_id)
    assert entry.contact.name == "Grace Hopper" and (entry.kind, entry.direction) == ("call", "mutual")


def test_a_partial_match_is_not_taken_for_a_new_name(bus: Any, qtbot: Any, no_modal_messages: list[str]) -> None:
    bus.run(ops.add_contact, "Ada Byron")
    bus.run(ops.add_contact, "Ada Lovelace")
    dialog = _dialog(bus, qtbot)
    qtbot.keyClicks(dialog.contact, "Ada")
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert dialog.isVisible() and "pick one from the list" in no_modal_messages[-1]
    assert Contact.select().count() == 2  # two people fit what was typed: nobody is added unasked
