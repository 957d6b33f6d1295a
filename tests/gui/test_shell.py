"""The main window's frame: first run, navigation, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from dealjournal import ops
from dealjournal.store.db import db
from dealjournal.gui.pages.attention import AttentionPage
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.gui.pages.today import TodayPage


def test_empty_journal_shows_the_welcome_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.import_button.isVisible() and window.welcome.sample_button.isVisible()


def test_navigation_with_shortcuts(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), ContactsPage)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), TodayPage)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), AttentionPage)
    window.act.back.trigger()
    assert isinstance(window.stack.currentWidget(), TodayPage)
    window.act.back.trigger()
    assert isinstance(window.stack.currentWidget(), ContactsPage)


def test_every_shortcut_is_unique_and_listed(window) -> None:  # type: ignore[no-untyped-def]
    keys = [a.shortcut().toString() for a in window.act.all if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))
    for wanted in ("Ctrl+N", "Ctrl+F", "Ctrl+L", "Ctrl+Z", "Ctrl+Q", "Ctrl+Shift+S"):
        assert wanted in keys


def _idle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.keeper.busy and not window.integrity.busy, timeout=20_000)


def test_explore_sample_opens_a_copy(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    original = bus.path
    assert not window.sample_bar.isVisible()
    window.welcome.sample_button.click()
    _idle(window, qtbot)
    assert bus.path != original and bus.path.name == "sample-journal.sqlite3"
    assert isinstance(window.stack.currentWidget(), TodayPage)
    assert window.sample_bar.isVisible()
    assert window.sample_bar.label.text() == "This is a sample — changes are thrown away."


def test_back_from_the_sample_throws_its_changes_away(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    original = bus.path
    window.act.explore_sample()
    _idle(window, qtbot)
    sample = bus.path
    sample_contacts = db.connection().execute("SELECT count(*) FROM contact").fetchone()[0]
    bus.run(ops.add_contact, "Made In The Sample")
    qtbot.mouseClick(window.sample_bar.back, Qt.MouseButton.LeftButton)
    _idle(window, qtbot)
    assert bus.path == original and not window.sample_bar.isVisible()
    assert not sample.parent.exists()  # the copy and everything in its folder is gone
    assert db.connection().execute("SELECT count(*) FROM contact").fetchone()[0] == 0
    assert window.stack.currentWidget() is window.welcome
    window.act.explore_sample()  # a fresh copy again, without the contact added before
    _idle(window, qtbot)
    assert db.connection().execute("SELECT count(*) FROM contact").fetchone()[0] == sample_contacts
    window.act.explore_sample()  # from the sample: back still leads to my journal
    _idle(window, qtbot)
    window.act.back_from_sample()
    _idle(window, qtbot)
    assert bus.path == original


def test_open_recent_lists_the_other_journals_but_never_the_sample(window, bus, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.act.forget_recent()  # QSettings may hold other tests' journals
    first = bus.path
    window.act.remember_recent(first)
    second = tmp_path / "second.sqlite3"
    assert window.act.switch_to(second)
    _idle(window, qtbot)
    window.act.explore_sample()
    _idle(window, qtbot)
    texts = [a.text() for a in window.act.recent_menu.actions() if a.text()]
    assert texts[:2] == [f"&1 second.sqlite3 — {tmp_path}", f"&2 journal.sqlite3 — {first.parent}"]
    assert window.act.recent_journals() == [second.absolute(), first.absolute()]
    window.act.back_from_sample()
    _idle(window, qtbot)
    entries = [a for a in window.act.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries if a.isEnabled()] == [str(first)]  # the open one is not listed
    entries[0].trigger()
    _idle(window, qtbot)
    assert bus.path == first
    window.act.clear_recent.trigger()
    assert window.act.recent_journals() == []
    assert [a.text() for a in window.act.recent_menu.actions() if a.text()] == ["No other journals yet", "&Clear Menu"]


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
                     pos=window.nav.visualItemRect(window.nav.item(2)).center())
    assert isinstance(window.stack.currentWidget(), ContactsPage)
