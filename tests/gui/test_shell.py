"""The main window's frame: first run, navigation, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from dealjournal import ops
from dealjournal.gui.pages.attention import AttentionPage
from dealjournal.gui.pages.contacts import ContactsPage


def test_empty_journal_shows_the_welcome_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.import_button.isVisible() and window.welcome.sample_button.isVisible()


def test_navigation_with_shortcuts(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), ContactsPage)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), AttentionPage)
    window.act.back.trigger()
    assert isinstance(window.stack.currentWidget(), ContactsPage)


def test_every_shortcut_is_unique_and_listed(window) -> None:  # type: ignore[no-untyped-def]
    keys = [a.shortcut().toString() for a in window.act.all if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))
    for wanted in ("Ctrl+N", "Ctrl+F", "Ctrl+L", "Ctrl+Z", "Ctrl+Q", "Ctrl+Shift+S"):
        assert wanted in keys


def test_explore_sample_opens_a_copy(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    original = bus.path
    window.welcome.sample_button.click()
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=20_000)
    assert bus.path != original and bus.path.name == "sample-journal.sqlite3"
    assert isinstance(window.stack.currentWidget(), AttentionPage)


def test_shortcuts_help_lists_window_and_page_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    rows = dict(window.act.shortcut_rows())
    assert rows["New Contact"] == "Ctrl+N" and rows["Log Interaction"] == "Ctrl+L"
    assert rows["Contact: edit the contact"] == "F2"
    from dealjournal.gui.dialogs.about import ShortcutsDialog

    dialog = ShortcutsDialog(list(rows.items()), window)
    assert dialog.child(QTableWidget, "table").rowCount() == len(rows)


def test_viewing_a_contact_then_focusing_the_navigation_stays_put(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    contact = bus.run(ops.add_contact, "Ada Byron").id
    window.show_contact(contact)
    window.nav.setFocus()
    qtbot.wait(10)
    assert window.stack.currentWidget() is window.contact_page
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(window.nav.item(1)).center())
    assert isinstance(window.stack.currentWidget(), ContactsPage)
