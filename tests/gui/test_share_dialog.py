"""The Share dialog from the keyboard and the mouse: find, suggest, pick a goal, save, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget

from dealjournal import ops
from dealjournal.gui.dialogs.share import ID_ROLE, ShareDialog
from dealjournal.queries import library
from dealjournal.store.models import Share

HOSTILE = "<b>bold</b> <img src=x> " + "N" * 300 + " مرحبا 😀"


@pytest.fixture
def setup(bus):  # type: ignore[no-untyped-def]
    ids = {
        "ada": bus.run(ops.add_contact, "Ada Byron", company="Analytical Ltd").id,
        "bob": bus.run(ops.add_contact, "Bob Stone", tags=["Finance"]).id,
        "cy": bus.run(ops.add_contact, "Cy Young").id,
        "item": bus.run(ops.add_content, "Closing the books faster", topics=["finance", "close"]).id,
    }
    ids["goal"] = bus.run(ops.add_goal, ids["cy"], "Cut month-end close to 3 days", priority="high").id
    return ids


@pytest.fixture
def dialog(bus, qtbot, setup):  # type: ignore[no-untyped-def]
    widget = ShareDialog(bus, None, content_id=setup["item"])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def texts(view: QListWidget) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def click_check(qtbot, view: QListWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 11, rect.center().y()))


def test_suggestions_give_reasons_and_add_with_one_click(dialog, setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert texts(dialog.suggestions) == ["Bob Stone   · tag: Finance", "Cy Young   · goal: Cut month-end close to 3 days"]
    click_check(qtbot, dialog.suggestions, 1)
    assert list(dialog._chosen) == [setup["cy"]]
    assert dialog.goal.isEnabled() and dialog.goal.count() == 2  # "No goal" and Cy's open goal
    dialog.goal.setCurrentIndex(1)
    dialog.note.setPlainText("Saw this and thought of your close")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert len(dialog.share_ids) == 1
    share = Share.get_by_id(dialog.share_ids[0])
    assert (share.contact_id, share.goal_id, share.via, share.note) == \
        (setup["cy"], setup["goal"], "email", "Saw this and thought of your close")


def test_keyboard_only(dialog, setup, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dialog.search.hasFocus() or dialog.focusWidget() is dialog.search
    qtbot.keyClicks(dialog.search, "st")
    assert texts(dialog.results) == ["Bob Stone"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # picks, never closes
    assert dialog.isVisible() and list(dialog._chosen) == [setup["bob"]]
    qtbot.keyClicks(dialog.search, "zzz")
    assert texts(dialog.results) == ["No contact matches “zzz”."]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert list(dialog._chosen) == [setup["bob"]]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "analytical")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.results.hasFocus()
    qtbot.keyClick(dialog.results, Qt.Key.Key_Space)
    assert list(dialog._chosen) == [setup["bob"], setup["ada"]]
    assert not dialog.goal.isEnabled() and dialog.goal.currentText() == "A goal fits one contact only"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Share with 2"
    # uncheck Bob in the "sharing with" list, from the keyboard
    dialog.chosen.setFocus()
    dialog.chosen.setCurrentRow(0)
    qtbot.keyClick(dialog.chosen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: texts(dialog.chosen) == ["Ada Byron — Analytical Ltd"])
    assert list(dialog._chosen) == [setup["ada"]]
    dialog.via.setCurrentIndex(dialog.via.findData("linkedin"))  # shown "LinkedIn", stored as its code
    dialog.accept()
    assert dialog.result() == 1
    assert [(s.contact_id, s.via) for s in Share.select()] == [(setup["ada"], "linkedin")]
    bus.undo_stack.undo()
    assert Share.select().count() == 0


def test_escape_cancels_and_nothing_is_saved(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.search, "ada")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == 0 and Share.select().count() == 0


def test_preselected_contact_and_refusal_keeps_dialog_open(bus, setup, qtbot, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    dialog = ShareDialog(bus, None, content_id=setup["item"], contact_ids=[setup["ada"]])
    qtbot.addWidget(dialog)
    dialog.show()
    assert texts(dialog.chosen) == ["Ada Byron — Analytical Ltd"]
    assert all(not dialog.results.item(i).checkState() == Qt.CheckState.Unchecked
               for i in range(dialog.results.count()) if dialog.results.item(i).data(ID_ROLE) == setup["ada"])
    ops.delete_contact(setup["ada"])  # gone behind the dialog's back
    dialog.accept()
    assert dialog.isVisible() and dialog.share_ids == [] and no_modal_messages


def test_empty_library_offers_to_add_the_item_there(bus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui import messages
    from dealjournal.gui.dialogs.content_edit import ContentDialog

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(text) or False)
    assert ShareDialog.share(bus, None) == [] and "library is empty" in asked[0]  # declined: nothing happens
    ada = bus.run(ops.add_contact, "Ada Byron").id
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": True)
    added: list[int] = []

    def create(cls, bus, parent):  # type: ignore[no-untyped-def]
        added.append(bus.run(ops.add_content, "Closing the books faster").id)
        return added[-1]

    monkeypatch.setattr(ContentDialog, "create", classmethod(create))
    shown: list[int | None] = []
    monkeypatch.setattr(ShareDialog, "exec", lambda self: shown.append(self.content.currentData()) or 0)
    ShareDialog.share(bus, None, contact_ids=[ada])
    assert added and shown == added  # the new item is the one offered for sharing


def test_hostile_names_literally_and_within_bounds(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, HOSTILE, tags=["x"]).id
    item = bus.run(ops.add_content, HOSTILE, topics=["x"]).id
    dialog = ShareDialog(bus, None, content_id=item)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = texts(dialog.suggestions)[0]
    assert shown.startswith("<b>bold</b> <img src=x> NNN") and "…" in shown
    assert dialog.suggestions.item(0).toolTip().startswith(HOSTILE)
    assert dialog.content.itemData(0, Qt.ItemDataRole.ToolTipRole) == HOSTILE
    assert dialog.width() < 1000 and dialog.minimumSizeHint().width() < 900
    assert [c.id for c in library.find_contacts("bold")] == [cid]
