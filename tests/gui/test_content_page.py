"""The Content page driven as a user would: add an item, share it, sort, search, delete, open links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dealjournal import ops
from dealjournal.gui import messages
from dealjournal.gui.dialogs.content_edit import ContentDialog
from dealjournal.gui.dialogs.share import ShareDialog
from dealjournal.gui.pages.content import Col, ContentPage

# The offscreen platform says so whenever a dialog is shown; it is not a problem of ours.
HOSTILE = "<b>bold</b> <img src=x> " + "W" * 300 + " שלום 😀"


def drive(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], user: Callable[[Any], None]) -> None:
    """Replace the dialog's modal exec with *user* acting on it, then return its result."""
    def fake_exec(dialog: QDialog) -> int:
        dialog.show()
        user(dialog)
        return int(dialog.result())
    monkeypatch.setattr(cls, "exec", fake_exec)


@pytest.fixture
def page(window) -> ContentPage:  # type: ignore[no-untyped-def]
    """The Content page, shown in the real main window."""
    window.resize(1280, 800)
    window.show_page(ContentPage)
    widget = window.page(ContentPage)
    assert isinstance(widget, ContentPage) and widget.isVisible()
    return widget


def cell(page: ContentPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_add_share_with_two_then_undo(page, bus, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ada = bus.run(ops.add_contact, "Ada Byron", company="Analytical Ltd").id
    bus.run(ops.add_contact, "Bob Stone")
    bus.run(ops.add_contact, "Cy Young", tags=["fintech"])

    def fill(dialog: ContentDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "Closing the books faster")
        qtbot.keyClicks(dialog.url_edit, "https://example.com/v")
        qtbot.keyClicks(dialog.topics, "fintech, finance")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    drive(monkeypatch, ContentDialog, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert (cell(page, 0, Col.TITLE), cell(page, 0, Col.SHARED), cell(page, 0, Col.RATE)) == \
        ("Closing the books faster", "0", "—")

    seen: dict[str, list[str]] = {}

    def share(dialog: ShareDialog) -> None:
        assert dialog.content.currentText() == "Closing the books faster"
        seen["suggested"] = [dialog.suggestions.item(i).text() for i in range(dialog.suggestions.count())]
        for typed in ("ada", "sto"):
            qtbot.keyClicks(dialog.search, typed)
            qtbot.waitUntil(lambda: dialog.results.count() == 1 and dialog.results.item(0).data(
                Qt.ItemDataRole.UserRole + 1) is not None)
            qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
            assert dialog.isVisible() and dialog.search.text() == ""
        assert [dialog.chosen.item(i).text() for i in range(dialog.chosen.count())] == \
            ["Ada Byron — Analytical Ltd", "Bob Stone"]
        assert not dialog.goal.isEnabled()
        qtbot.keyClicks(dialog.note, "Thought of your close")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    drive(monkeypatch, ShareDialog, share)
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    assert seen["suggested"] == ["Cy Young   · tag: fintech"]
    assert cell(page, 0, Col.SHARED) == "2" and cell(page, 0, Col.RATE) == "0%"
    assert {page.shares.index(r, 0).data() for r in range(page.shares.rowCount())} == {"Ada Byron", "Bob Stone"}

    bus.undo_stack.undo()
    assert cell(page, 0, Col.SHARED) == "0" and cell(page, 0, Col.RATE) == "—"
    assert page.shares.rowCount() == 0
    bus.undo_stack.redo()
    assert cell(page, 0, Col.SHARED) == "2"

    with qtbot.waitSignal(bus.open_contact) as opened:
        row = next(r for r in range(page.shares.rowCount()) if page.shares.index(r, 0).data() == "Ada Byron")
        rect = page.share_view.visualRect(page.shares.index(row, 0))
        qtbot.mouseClick(page.share_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.share_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [ada]


def test_sorts_in_sql_by_clicking_headers_and_searches(page, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, "Ada").id
    for title, n in (("Bravo", 1), ("Alpha", 0), ("Charlie", 3)):
        item = bus.run(ops.add_content, title, author=f"{title} Inc", topics=[title.lower()]).id
        for _ in range(n):
            bus.run(ops.record_share, item, [cid])
    titles = lambda: [cell(page, r, Col.TITLE) for r in range(page.model.rowCount())]  # noqa: E731
    assert titles() == ["Alpha", "Bravo", "Charlie"]
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(header.sectionViewportPosition(Col.SHARED) + 5, 5))
    assert page.model.sort_key == "times_shared"
    assert titles() in (["Alpha", "Bravo", "Charlie"], ["Charlie", "Bravo", "Alpha"])
    page.view.sortByColumn(Col.SHARED, Qt.SortOrder.DescendingOrder)
    assert titles() == ["Charlie", "Bravo", "Alpha"]
    page.view.sortByColumn(Col.RATE, Qt.SortOrder.DescendingOrder)
    assert titles()[-1] == "Alpha"  # never shared: last either way
    qtbot.keyClicks(page.search, "charlie")
    assert titles() == ["Charlie"]
    page.search.clear()
    qtbot.keyClicks(page.search, "nothing like it")
    assert page.empty.isVisible() and "matches" in page.empty.text()


def test_delete_says_how_many_shares_go(page, bus, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, "Ada").id
    item = bus.run(ops.add_content, "Guide").id
    bus.run(ops.record_share, item, [cid])
    bus.run(ops.record_share, item, [cid])
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(detail) or False)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert asked == ["It was shared 2 times; those shares go with it."] and page.model.rowCount() == 1
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0 and page.empty.isVisible()


def test_only_web_links_are_opened(page, bus, qtbot, monkeypatch, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    bus.run(ops.add_content, "Evil", url="javascript:alert(1)")
    assert not page.link_button.isEnabled()
    page.open_current_link()
    assert opened == [] and "not a web address" in no_modal_messages[-1]
    bus.run(ops.edit_content, page.current_content_id(), url="file:///etc/passwd")
    page.open_current_link()
    assert opened == []
    bus.run(ops.edit_content, page.current_content_id(), url="https://example.com/x")
    assert page.link_button.isEnabled()
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://example.com/x"]


def test_hostile_text_shows_literally(page, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, HOSTILE).id
    item = bus.run(ops.add_content, HOSTILE, author="<i>me</i>", topics=["<b>x</b>"], summary="<b>not bold</b>").id
    bus.run(ops.record_share, item, [cid], note="<img src=x>")
    assert cell(page, 0, Col.TITLE) == HOSTILE and cell(page, 0, Col.AUTHOR) == "<i>me</i>"
    assert page.item_title.text() == HOSTILE and page.item_title.textFormat() == Qt.TextFormat.PlainText
    assert page.summary.toPlainText() == "<b>not bold</b>"
    assert page.shares.index(0, 0).data() == HOSTILE and page.shares.index(0, 4).data() == "<img src=x>"
    assert page.minimumSizeHint().width() < 900 and page.window().width() == 1280


def test_edit_keeps_and_changes_fields(page, bus, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_content, "Guide", kind="ebook", topics=["a", "b"])

    def change(dialog: ContentDialog) -> None:
        assert dialog.topics.text() == "a, b" and dialog.kind.currentData() == "ebook"
        dialog.title_edit.clear()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        qtbot.keyClicks(dialog.title_edit, "Better guide")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    drive(monkeypatch, ContentDialog, change)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert cell(page, 0, Col.TITLE) == "Better guide" and cell(page, 0, Col.TOPICS) == "a, b"


def test_models_pass_the_model_tester(page, bus, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, "Ada").id
    item = bus.run(ops.add_content, "Guide", topics=["x"]).id
    bus.run(ops.add_content, "Other")
    bus.run(ops.record_share, item, [cid])
    page.view.sortByColumn(Col.TITLE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.shares)
