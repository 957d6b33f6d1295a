"""The contact, log-interaction, goal and channel dialogs, driven from the keyboard and mouse."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDateTime, QDate, QTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from dealjournal import ops
from dealjournal.errors import ValidationError
from dealjournal.gui.dialogs.channel_edit import ChannelDialog
from dealjournal.gui.dialogs.contact_edit import ContactDialog
from dealjournal.gui.dialogs.goal_edit import GoalDialog
from dealjournal.gui.dialogs.log_interaction import ContactMatchModel, LogInteractionDialog
from dealjournal.queries import contact as q
from dealjournal.store.models import Channel, Contact, Goal, Interaction

# The offscreen platform says these when a window or the completer's popup is shown; nothing is wrong.


def when_modal(qtbot, act: Callable[[QWidget], None]) -> None:  # type: ignore[no-untyped-def]
    """Answer the next modal dialog with *act* (the way a user would, once it is up)."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        act(dialog)
    QTimer.singleShot(0, answer)


def _contact(bus, name: str = "Ada Byron", **fields: object) -> int:  # type: ignore[no-untyped-def]
    changes = bus.run(ops.add_contact, name, **fields)
    return changes.id


def test_create_contact_by_typing(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactDialog)
        assert not dialog.ok.isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name, "Ada Byron")
        assert dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.company, "Analytical Ltd")
        qtbot.keyClicks(dialog.tags, "fintech, cfo,")
        assert dialog.stage.itemText(0) == "Lead" and dialog.stage.itemData(0) == "lead"  # labels shown, codes kept
        dialog.stage.setCurrentIndex(dialog.stage.findData("engaged"))
        dialog.cadence.setValue(21)
        dialog.add_row(dialog.emails, "work", "ada@example.com")
        qtbot.keyClicks(dialog.notes, "<b>met</b> at the fair")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    contact_id = ContactDialog.create(bus, None)
    assert contact_id is not None
    d = q.contact_details(contact_id)
    assert d is not None and (d.name, d.company, d.stage, d.cadence_days) == ("Ada Byron", "Analytical Ltd", "engaged", 21)
    assert d.tags == ["fintech", "cfo"] and d.emails == [("work", "ada@example.com")]
    assert d.notes == "<b>met</b> at the fair"


def test_cancel_creates_nothing(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    when_modal(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert ContactDialog.create(bus, None) is None
    assert Contact.select().count() == 0


def test_refused_save_keeps_the_dialog_open(bus, qtbot, monkeypatch, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise ValidationError("Name is not acceptable.")

    monkeypatch.setattr(ops, "add_contact", refuse)
    dialog = ContactDialog(bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Ada")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert no_modal_messages == ["Name is not acceptable."]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and dialog.name.text() == "Ada"


def test_edit_contact_loads_and_saves(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus, company="Old Co", phones=[("mobile", "+44 1")], cadence_days=0)
    dialog = ContactDialog(bus, None, cid)
    qtbot.addWidget(dialog)
    assert dialog.company.text() == "Old Co" and dialog.phones.rowCount() == 1 and dialog.cadence.value() == 0
    assert dialog.stage.isHidden()
    dialog.company.clear()
    qtbot.keyClicks(dialog.company, "New Co")
    dialog.cadence.setValue(dialog.cadence.minimum())  # "Stage default"
    assert dialog.cadence.text() == "Stage default"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    d = q.contact_details(cid)
    assert d is not None and d.company == "New Co" and d.cadence_days is None and d.phones == [("mobile", "+44 1")]


def test_completer_finds_a_contact_by_partial_name(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = _contact(bus, "Ada Byron", company="Analytical")
    second = _contact(bus, "Ada Byron", company="Difference Engines")
    _contact(bus, "Grace Hopper")
    dialog = LogInteractionDialog(bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.contact, "yRo")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [dialog.matches.index(r, 0).data() for r in range(dialog.matches.rowCount())]
    assert shown == ["Ada Byron — Analytical", "Ada Byron — Difference Engines", "Add “yRo” as a new contact"]
    assert dialog.chosen_id is None  # two people match: nothing is guessed
    popup.setCurrentIndex(popup.model().index(1, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.chosen_id == second != first
    assert dialog.contact.text() == "Ada Byron — Difference Engines"


def test_match_model_passes_the_model_tester(bus, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _contact(bus, "Ada Byron")
    model = ContactMatchModel()
    model.search("ada")
    assert model.rowCount() == 2  # Ada Byron, and "ada" offered as a new contact
    qtmodeltester.check(model)
    model.search("ada byron")
    assert model.rowCount() == 1  # somebody bears that very name: nothing is offered
    qtmodeltester.check(model)


def _log_email(bus, qtbot, contact_id: int, day: QDate, summary: str) -> None:  # type: ignore[no-untyped-def]
    dialog = LogInteractionDialog(bus, None, contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.summary or dialog.summary.hasFocus() or True
    dialog.at.setDateTime(QDateTime(day, QTime(9, 30)))
    qtbot.keyClicks(dialog.summary, summary)
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.logged_id is not None


def test_three_outbound_emails_from_the_keyboard(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus)
    today = QDate.currentDate()
    for back in (3, 2, 1):
        _log_email(bus, qtbot, cid, today.addDays(-back), f"Mail {back}")
    rows = list(Interaction.select().where(Interaction.contact == cid).order_by(Interaction.at))
    assert [(r.kind, r.direction, r.summary) for r in rows] == [("email", "out", f"Mail {b}") for b in (3, 2, 1)]
    assert rows[0].at == today.addDays(-3).toString("yyyy-MM-dd") + "T09:30"
    assert bus.undo_stack.count() == 3  # each one undoable


def test_direction_accelerators_goal_follow_up_and_ctrl_enter(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus)
    goal = bus.run(ops.add_goal, cid, "Close the books in 3 days").id
    dialog = LogInteractionDialog(bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.contact, "Ada")  # the only match is taken
    assert dialog.goal.count() == 2 and dialog.goal.isEnabled()
    dialog.goal.setCurrentIndex(1)
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Escape)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.contact, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.direction() == "in")  # a mnemonic "clicks" after a short animation
    dialog.follow_up.setChecked(True)
    assert dialog.follow_up_on.isEnabled()
    qtbot.keyClicks(dialog.details, "line one")
    qtbot.keyClick(dialog.details, Qt.Key.Key_Return)  # plain Enter is a new line
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.details, "line two")
    qtbot.keyClick(dialog.details, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = Interaction.get_by_id(dialog.logged_id)
    assert row.direction == "in" and row.goal_id == goal and row.details == "line one\nline two"
    assert row.follow_up_on is not None


def test_unknown_contact_declined_and_escape_cancels(bus, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui import messages

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(text) or False)
    _contact(bus)
    dialog = LogInteractionDialog(bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.contact, "Nobody")
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert dialog.isVisible() and "“Nobody”" in asked[-1]  # offered as a new contact, and declined
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and Interaction.select().count() == 0
    assert Contact.select().count() == 1


def test_note_kind_means_no_touch(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus)
    dialog = LogInteractionDialog(bus, None, cid)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    assert dialog.direction() == "none"


def test_goal_dialog_adds_and_edits(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus)
    dialog = GoalDialog(bus, None, contact_id=cid)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.goal_title, "Cut month-end close")
    assert dialog.priority.currentData() == "medium" and dialog.priority.currentText() == "Medium"
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    dialog.has_target.setChecked(True)
    dialog.target_on.setDate(QDate(2027, 3, 31))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    goal = Goal.get_by_id(dialog.saved_id)
    assert (goal.title, goal.priority, goal.target_on) == ("Cut month-end close", "high", "2027-03-31")
    edit = GoalDialog(bus, None, goal_id=goal.id)
    qtbot.addWidget(edit)
    assert edit.goal_title.text() == "Cut month-end close" and edit.has_target.isChecked()
    edit.has_target.setChecked(False)
    qtbot.mouseClick(edit.ok, Qt.MouseButton.LeftButton)
    assert Goal.get_by_id(goal.id).target_on is None


def test_channel_dialog_adds_a_followed_channel(bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = _contact(bus)
    dialog = ChannelDialog(bus, None, contact_id=cid)
    qtbot.addWidget(dialog)
    assert dialog.network.findText("LinkedIn") == dialog.network.findData("linkedin") >= 0
    assert dialog.follows_back.currentData() == "unknown"
    dialog.network.setCurrentIndex(dialog.network.findData("linkedin"))
    qtbot.keyClicks(dialog.handle, "adabyron")
    qtbot.keyClicks(dialog.url, "https://www.linkedin.com/in/adabyron")
    dialog.following.setChecked(True)
    dialog.follows_back.setCurrentIndex(dialog.follows_back.findData("no"))
    dialog.accept()
    channel = Channel.get_by_id(dialog.saved_id)
    assert (channel.network, channel.follows_back, channel.following_since) == (
        "linkedin", "no", bus.today().isoformat())


@pytest.mark.parametrize("cls", [ContactDialog, LogInteractionDialog])
def test_every_field_has_an_accessible_name(bus, qtbot, cls) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    dialog = cls(bus)
    qtbot.addWidget(dialog)
    for kind in (QLineEdit, QComboBox, QPlainTextEdit):
        for widget in dialog.form.findChildren(kind):
            if widget.parent() is not None and isinstance(widget.parent(), (QComboBox,)):
                continue
            if kind is QLineEdit and widget.objectName().startswith("qt_"):
                continue
            assert widget.accessibleName() or widget.objectName() == "", widget.objectName()
    assert all(isinstance(b, QAbstractButton) for b in dialog.form.findChildren(QAbstractButton))
