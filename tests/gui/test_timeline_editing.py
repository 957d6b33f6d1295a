"""Every timeline entry is editable and deletable, on the contact's page and on the Journal page.

Driven as a user would: double-click or Enter opens an entry in its form (filled in), Del or
the context menu deletes it, D ticks a reminder done; health changes at once, and Undo
brings back the very row (same id, same values) and says what it undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QTableView, QWidget

from dealjournal import ops
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.gui.dialogs.reminder import ReminderDialog
from dealjournal.gui.dialogs.share import ShareEditDialog
from dealjournal.gui.pages.contact_timeline import Column
from dealjournal.gui.pages.journal import Col as JournalCol
from dealjournal.gui.pages.journal import JournalPage
from dealjournal.store.db import db
from dealjournal.store.models import Interaction, Reminder, Share

UNANSWERED = "3 messages in a row without reply"


def when_modal(act: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog with *act*; the dialogs seen are returned (for asserting)."""
    seen: list[QWidget] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog)
        act(dialog)
    QTimer.singleShot(0, answer)
    return seen


def choose_in_menu(qtbot: Any, starts: str) -> None:
    """Pick the item of the next context menu whose text starts with *starts*."""
    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, pick)
            return
        action = next(a for a in menu.actions() if a.text().startswith(starts))
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    QTimer.singleShot(0, pick)


def row_values(table: str, row_id: int) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(ops.capture_row(table, row_id).rows[0][1][0].items()))


def double_click(qtbot: Any, view: QTableView, index: QModelIndex) -> None:
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.fixture
def opened(window: Any, bus: Any, qtbot: Any) -> tuple[Any, int]:
    """Ada Byron's page, open in the window, after three e-mails she did not answer."""
    cid = bus.run(ops.add_contact, "Ada Byron", company="Analytical Ltd").id
    for back in (3, 2, 1):
        day = bus.today() - timedelta(days=back)
        bus.run(ops.log_interaction, cid, kind="email", direction="out", at=f"{day.isoformat()}T10:00",
                summary=f"Mail {back}", details=f"Details of mail {back}")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.keeper.busy)
    window.show_contact(cid)
    page = window.contact_page
    assert UNANSWERED in page.health_label.text()
    return page, cid


def timeline_row(page: Any, summary: str) -> int:
    model = page.timeline_model
    return next(r for r in range(model.rowCount()) if model.index(r, Column.SUMMARY).data() == summary)


def focus(qtbot: Any, view: QTableView) -> None:
    """Give *view* the keyboard (its keys are shortcuts of the view: they need the focus)."""
    view.window().activateWindow()
    qtbot.waitUntil(view.window().isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def select(qtbot: Any, page: Any, summary: str) -> QModelIndex:
    index = page.timeline_model.index(timeline_row(page, summary), Column.SUMMARY)
    focus(qtbot, page.timeline_view)
    page.timeline_view.setCurrentIndex(index)
    return index


def undo_text(window: Any) -> str:
    return window.act.undo.text().removeprefix("&Undo ")


def test_double_click_opens_the_interaction_filled_in_and_edits_it(opened: Any, window: Any, bus: Any,
                                                                    qtbot: Any) -> None:
    page, cid = opened
    latest = Interaction.get(Interaction.summary == "Mail 1")
    before = row_values("interaction", latest.id)
    shown: dict[str, Any] = {}

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, LogInteractionDialog)
        shown.update(title=dialog.windowTitle(), contact=dialog.contact.text(), kind=dialog.kind.currentData(),
                     direction=dialog.direction(), summary=dialog.summary.text(),
                     details=dialog.details.toPlainText(), at=dialog.at.dateTime().toString("yyyy-MM-dd'T'HH:mm"),
                     read_only=dialog.contact.isReadOnly())
        dialog.directions["in"].click()  # she answered, in fact
        dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
        dialog.accept()

    when_modal(edit)
    double_click(qtbot, page.timeline_view, page.timeline_model.index(timeline_row(page, "Mail 1"), Column.WHEN))
    assert shown == {"title": "Edit Interaction", "contact": "Ada Byron — Analytical Ltd", "kind": "email",
                     "direction": "out", "summary": "Mail 1", "details": "Details of mail 1", "at": latest.at,
                     "read_only": True}
    edited = Interaction.get_by_id(latest.id)
    assert (edited.kind, edited.direction, edited.summary) == ("meeting", "in", "Mail 1")
    assert UNANSWERED not in page.health_label.text()  # health changed at once
    assert page.timeline_model.index(timeline_row(page, "Mail 1"), Column.DIRECTION).data() == "← in · Meeting"
    assert undo_text(window) == "Edit meeting with Ada Byron"
    window.act.undo.trigger()
    assert row_values("interaction", latest.id) == before  # the same row, every value as it was
    assert UNANSWERED in page.health_label.text()
    assert bus.undo_stack.count() == 1  # an edit is one command


def test_enter_opens_the_entry_and_cancel_changes_nothing(opened: Any, bus: Any, qtbot: Any) -> None:
    page, cid = opened
    select(qtbot, page, "Mail 2")
    seen = when_modal(lambda dialog: dialog.reject())
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_Return)
    assert len(seen) == 1 and isinstance(seen[0], LogInteractionDialog)
    assert seen[0].summary.text() == "Mail 2" and seen[0].windowTitle() == "Edit Interaction"
    assert bus.undo_stack.count() == 0 and Interaction.get(Interaction.summary == "Mail 2").direction == "out"


def test_delete_key_deletes_the_interaction_and_undo_restores_the_same_row(opened: Any, window: Any, bus: Any,
                                                                            qtbot: Any) -> None:
    page, cid = opened
    latest = Interaction.get(Interaction.summary == "Mail 1")
    before = row_values("interaction", latest.id)
    select(qtbot, page, "Mail 1")
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_Delete)
    assert Interaction.get_or_none(Interaction.id == latest.id) is None
    assert page.timeline_model.rowCount() == 2
    assert UNANSWERED not in page.health_label.text()  # two unanswered now: health changed at once
    assert undo_text(window) == f"Delete e-mail to Ada Byron ({latest.day})"
    assert window.statusBar().currentMessage().startswith(f"Delete e-mail to Ada Byron ({latest.day}). Undo:")
    window.act.undo.trigger()
    assert row_values("interaction", latest.id) == before
    assert page.timeline_model.rowCount() == 3 and UNANSWERED in page.health_label.text()
    window.act.redo.trigger()
    assert Interaction.get_or_none(Interaction.id == latest.id) is None


def test_context_menu_deletes_a_share_and_undo_brings_it_back(opened: Any, window: Any, bus: Any,
                                                              qtbot: Any) -> None:
    page, cid = opened
    item = bus.run(ops.add_content, "Closing the books faster").id
    share_id = bus.run(ops.record_share, item, [cid], via="email", note="You asked").id
    bus.run(ops.set_share_response, share_id, "seen", bus.today())
    before = row_values("share", share_id)
    index = select(qtbot, page, "Closing the books faster")
    choose_in_menu(qtbot, "De&lete")
    page._timeline_menu(page.timeline_view.visualRect(index).center())
    assert Share.get_or_none(Share.id == share_id) is None
    assert undo_text(window) == f"Delete share of “Closing the books faster” with Ada Byron ({bus.today()})"
    window.act.undo.trigger()
    assert row_values("share", share_id) == before
    assert page.timeline_model.rowCount() == 4


def test_a_share_opens_in_its_edit_form(opened: Any, window: Any, bus: Any, qtbot: Any) -> None:
    page, cid = opened
    item = bus.run(ops.add_content, "Closing the books faster").id
    shared_on = bus.today() - timedelta(days=2)
    share_id = bus.run(ops.record_share, item, [cid], on=shared_on, via="email", note="You asked").id
    before = row_values("share", share_id)
    shown: dict[str, Any] = {}

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, ShareEditDialog)
        shown.update(date=dialog.shared_on.date().toPython(), via=dialog.via.currentText(),
                     note=dialog.note.toPlainText(), response=dialog.response.currentData(),
                     date_enabled=dialog.responded_on.isEnabled())
        dialog.response.setCurrentIndex(dialog.response.findData("replied"))
        dialog.responded_on.setDate(QDate(shared_on.year, shared_on.month, shared_on.day).addDays(1))
        dialog.note.setPlainText("You asked about closing")
        dialog.accept()

    when_modal(edit)
    double_click(qtbot, page.timeline_view,
                 page.timeline_model.index(timeline_row(page, "Closing the books faster"), Column.SUMMARY))
    assert shown == {"date": shared_on, "via": "E-mail", "note": "You asked", "response": "none",
                     "date_enabled": False}
    share = Share.get_by_id(share_id)
    assert (share.response, share.responded_on, share.note) == (
        "replied", (shared_on + timedelta(days=1)).isoformat(), "You asked about closing")
    assert undo_text(window) == "Edit share of “Closing the books faster” with Ada Byron"
    window.act.undo.trigger()
    assert row_values("share", share_id) == before


def test_reminders_show_on_the_timeline_and_are_edited_done_and_deleted(opened: Any, window: Any, bus: Any,
                                                                        qtbot: Any, qtmodeltester: Any) -> None:
    page, cid = opened
    due = bus.today() + timedelta(days=3)
    reminder_id = bus.run(ops.add_reminder, cid, due, "Send the revised proposal").id
    bus.run(ops.add_reminder, cid, due - timedelta(days=30), "<b>Ask</b> about budget")
    row = timeline_row(page, "Send the revised proposal")
    model = page.timeline_model
    assert row == 0  # due later than every touch: on top
    assert model.index(row, Column.DIRECTION).data() == "◷ reminder"
    assert model.index(row, Column.RESPONSE).data() == f"due {due}"
    hostile = model.index(timeline_row(page, "<b>Ask</b> about budget"), Column.SUMMARY)
    assert "&lt;b&gt;Ask&lt;/b&gt;" in hostile.data(Qt.ItemDataRole.ToolTipRole)  # shown as typed
    assert "overdue" in model.index(hostile.row(), Column.RESPONSE).data()
    qtmodeltester.check(model)

    select(qtbot, page, "Send the revised proposal")
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_D)
    assert Reminder.get_by_id(reminder_id).done_on == bus.today().isoformat()
    assert model.index(row, Column.RESPONSE).data() == f"done {bus.today()}"
    assert undo_text(window) == "Mark reminder for Ada Byron done"
    window.act.undo.trigger()
    assert Reminder.get_by_id(reminder_id).done_on is None

    shown: dict[str, Any] = {}

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, ReminderDialog)
        shown.update(title=dialog.windowTitle(), text=dialog.text.text(), due=dialog.due.date().toPython())
        dialog.text.setText("Send the signed proposal")
        dialog.accept()

    when_modal(edit)
    select(qtbot, page, "Send the revised proposal")
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_Return)
    assert shown == {"title": "Edit Reminder", "text": "Send the revised proposal", "due": due}
    assert Reminder.get_by_id(reminder_id).text == "Send the signed proposal"

    before = row_values("reminder", reminder_id)
    select(qtbot, page, "Send the signed proposal")
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_Delete)
    assert Reminder.get_or_none(Reminder.id == reminder_id) is None and model.rowCount() == 4
    window.act.undo.trigger()
    assert row_values("reminder", reminder_id) == before


def test_ticking_a_follow_up_is_undoable(opened: Any, window: Any, bus: Any, qtbot: Any) -> None:
    page, cid = opened
    entry = Interaction.get(Interaction.summary == "Mail 2")
    bus.run(ops.edit_interaction, entry.id, follow_up_on=bus.today().isoformat())
    cell = page.timeline_model.index(timeline_row(page, "Mail 2"), Column.RESPONSE)
    page.timeline_model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: Interaction.get_by_id(entry.id).follow_up_done)
    assert undo_text(window) == "Mark follow-up with Ada Byron done"
    select(qtbot, page, "Mail 2")
    qtbot.keyClick(page.timeline_view, Qt.Key.Key_D)  # D again: open once more
    assert not Interaction.get_by_id(entry.id).follow_up_done
    assert undo_text(window) == "Reopen follow-up with Ada Byron"
    window.act.undo.trigger()
    window.act.undo.trigger()
    assert not Interaction.get_by_id(entry.id).follow_up_done and not bus.undo_stack.canUndo()


def _unanswered(cid: int) -> int:
    (n,) = db.connection().execute("SELECT unanswered FROM health_state WHERE contact_id = ?", (cid,)).fetchone()
    return int(n)


def test_journal_page_edits_and_deletes_entries(opened: Any, window: Any, bus: Any, qtbot: Any) -> None:
    page, cid = opened
    journal = window.page(JournalPage)
    window.show_page(JournalPage)
    assert journal.isVisible() and _unanswered(cid) == 3
    latest = Interaction.get(Interaction.summary == "Mail 1")
    before = row_values("interaction", latest.id)
    summaries = lambda: [journal.model.index(r, JournalCol.SUMMARY).data()  # noqa: E731
                         for r in range(journal.model.rowCount())]
    first = journal.model.index(summaries().index("Mail 1"), JournalCol.SUMMARY)

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, LogInteractionDialog) and dialog.windowTitle() == "Edit Interaction"
        assert dialog.summary.text() == "Mail 1"
        dialog.directions["in"].click()
        dialog.accept()

    when_modal(edit)
    double_click(qtbot, journal.view, first)
    assert Interaction.get_by_id(latest.id).direction == "in"
    assert _unanswered(cid) == 0  # the health state followed at once
    assert undo_text(window) == "Edit e-mail from Ada Byron"
    window.act.undo.trigger()
    assert row_values("interaction", latest.id) == before and _unanswered(cid) == 3

    focus(qtbot, journal.view)
    journal.view.setCurrentIndex(journal.model.index(summaries().index("Mail 1"), JournalCol.SUMMARY))
    qtbot.keyClick(journal.view, Qt.Key.Key_Delete)
    assert "Mail 1" not in summaries() and _unanswered(cid) == 2
    assert undo_text(window) == f"Delete e-mail to Ada Byron ({latest.day})"
    window.act.undo.trigger()
    assert row_values("interaction", latest.id) == before and "Mail 1" in summaries()

    with qtbot.waitSignal(bus.open_contact) as asked:  # the Contact column still opens the person
        double_click(qtbot, journal.view, journal.model.index(0, JournalCol.CONTACT))
    assert asked.args == [cid]
