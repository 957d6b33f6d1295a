"""Preferences ▸ Sync: choosing the sync folder, this computer's name and automatic sync;
the refusals (a missing folder, the journal's own folder); how sync stands after a pass."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from dealjournal.gui.dialogs import sync_tab
from dealjournal.gui.dialogs.preferences import PreferencesDialog
from dealjournal.gui.dialogs.sync_tab import SyncTab
from dealjournal.sync import journal as sync_journal  # the fixture `journal` is the journal's path


@pytest.fixture
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the journal's own (the journal is in the test's tmp_path), to sync through."""
    return tmp_path_factory.mktemp("sync")


@pytest.fixture
def saved() -> Iterator[list[None]]:
    """One entry each time the Sync tab tells the window that it saved."""
    heard: list[None] = []

    def hear() -> None:
        heard.append(None)

    sync_tab.sync_notices.saved.connect(hear)
    yield heard
    sync_tab.sync_notices.saved.disconnect(hear)


def open_sync_tab(bus: Any, window: Any, qtbot: Any) -> tuple[PreferencesDialog, SyncTab]:
    dialog = PreferencesDialog(bus, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.show_tab("sync")
    assert dialog.tabs.currentWidget() is dialog.sync_tab
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "S&ync"
    return dialog, dialog.sync_tab


def choosing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Choose… answers *folder*; the folders it started in."""
    started: list[str] = []

    def answer(_parent: Any, _title: str, start: str = "", *_: Any, **__: Any) -> str:
        started.append(start)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(answer))
    return started


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_ok(dialog: PreferencesDialog, qtbot: Any) -> None:
    assert dialog.buttons is not None
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_ok_saves_the_folder_the_name_and_automatic_sync(bus: Any, window: Any, qtbot: Any, elsewhere: Path,
                                                         monkeypatch: pytest.MonkeyPatch, saved: list[None],
                                                         no_modal_messages: list[str]) -> None:
    folder = elsewhere / "Sync" / "journal"
    folder.mkdir(parents=True)
    choosing(monkeypatch, folder)
    dialog, tab = open_sync_tab(bus, window, qtbot)
    assert tab.isEnabled() and tab.folder.text() == "" and tab.folder.isReadOnly()
    assert tab.auto.isChecked()  # automatic by default
    assert tab.name.text() == "" and tab.name.placeholderText() == socket.gethostname()
    assert not tab.off_button.isEnabled()  # nothing to turn off yet

    click(qtbot, tab.choose_button)
    assert tab.folder.text() == str(folder) and tab.off_button.isEnabled()
    qtbot.keyClicks(tab.name, "  Laptop ")
    click(qtbot, tab.auto)
    assert not tab.auto.isChecked()
    assert sync_journal.status().folder is None and saved == []  # nothing stored before OK

    click_ok(dialog, qtbot)
    assert not dialog.isVisible() and no_modal_messages == []
    status = sync_journal.status()
    assert (status.folder, status.device_name, status.auto) == (str(folder.resolve()), "Laptop", False)
    assert saved == [None]  # the window's syncer hears of it once

    again, tab = open_sync_tab(bus, window, qtbot)
    assert (tab.folder.text(), tab.name.text(), tab.auto.isChecked()) == (str(folder.resolve()), "Laptop", False)
    click_ok(again, qtbot)  # nothing changed: nothing saved, nobody told
    assert not again.isVisible() and saved == [None]


def test_choose_starts_in_the_folder_chosen(bus: Any, window: Any, qtbot: Any, elsewhere: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    started = choosing(monkeypatch, elsewhere)
    _dialog, tab = open_sync_tab(bus, window, qtbot)
    click(qtbot, tab.choose_button)
    click(qtbot, tab.choose_button)
    assert started == [str(Path.home()), str(elsewhere)]


def test_a_missing_folder_keeps_the_dialog_open_and_saves_nothing(
        bus: Any, window: Any, qtbot: Any, elsewhere: Path, monkeypatch: pytest.MonkeyPatch, saved: list[None],
        no_modal_messages: list[str]) -> None:
    gone = elsewhere / "unmounted"
    choosing(monkeypatch, gone)
    dialog, tab = open_sync_tab(bus, window, qtbot)
    click(qtbot, tab.choose_button)
    tab.name.setText("Laptop")
    dialog.tabs.setCurrentIndex(0)
    click_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is tab  # where the problem is
    assert no_modal_messages == [f"The sync folder {gone} does not exist (or is not mounted)."]
    status = sync_journal.status()
    assert (status.folder, sync_journal.settings()["device_name"], status.auto) == (None, None, True)
    assert saved == []


@pytest.mark.parametrize("where", ["inside", "same"])
def test_the_journals_own_folder_is_refused(where: str, bus: Any, window: Any, qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch, saved: list[None],
                                            no_modal_messages: list[str]) -> None:
    """Syncing the live journal file corrupts it: its folder, or one inside, is never taken."""
    own = bus.path.parent
    folder = own / "Sync" if where == "inside" else own
    folder.mkdir(exist_ok=True)
    choosing(monkeypatch, folder)
    dialog, tab = open_sync_tab(bus, window, qtbot)
    click(qtbot, tab.choose_button)
    assert tab.folder.text() == ""  # not taken
    assert len(no_modal_messages) == 1 and "journal's own folder" in no_modal_messages[0]
    assert str(own.resolve()) in no_modal_messages[0]

    tab.show_folder(str(folder))  # and were it in the form all the same, OK refuses it
    dialog.tabs.setCurrentIndex(0)
    click_ok(dialog, qtbot)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is tab
    assert len(no_modal_messages) == 2 and "journal's own folder" in no_modal_messages[1]
    assert sync_journal.status().folder is None and saved == []


def test_a_folder_holding_the_journals_folder_is_refused(bus: Any, window: Any, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         no_modal_messages: list[str]) -> None:
    choosing(monkeypatch, bus.path.parent.parent)
    _dialog, tab = open_sync_tab(bus, window, qtbot)
    click(qtbot, tab.choose_button)
    assert tab.folder.text() == ""
    assert len(no_modal_messages) == 1 and "holds the journal's own folder" in no_modal_messages[0]


def test_turn_off_forgets_the_folder(bus: Any, window: Any, qtbot: Any, elsewhere: Path, saved: list[None]) -> None:
    sync_journal.save_settings(elsewhere, "Laptop", auto=True)
    dialog, tab = open_sync_tab(bus, window, qtbot)
    assert tab.folder.text() == str(elsewhere.resolve()) and tab.off_button.isEnabled()
    click(qtbot, tab.off_button)
    assert tab.folder.text() == "" and not tab.off_button.isEnabled()
    click_ok(dialog, qtbot)
    assert not dialog.isVisible()
    assert sync_journal.status().folder is None and sync_journal.status().device_name == "Laptop"
    assert saved == [None]


def test_after_a_pass_it_shows_when_and_the_computers_seen(bus: Any, window: Any, qtbot: Any, elsewhere: Path,
                                                          qtmodeltester: Any) -> None:
    dialog, tab = open_sync_tab(bus, window, qtbot)
    assert tab.last_sync.text() == "never"
    assert tab.devices.isHidden() and not tab.no_devices.isHidden()
    assert tab.no_devices.text() == "None yet: the first sync publishes this journal."
    assert tab.conflicts.text() == "None"
    dialog.reject()

    sync_journal.save_settings(elsewhere, "<b>Laptop</b>")
    sync_journal.sync()
    dialog, tab = open_sync_tab(bus, window, qtbot)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", tab.last_sync.text())
    assert tab.last_sync.text() == sync_journal.status().last_sync  # the local time as stored
    assert not tab.devices.isHidden() and tab.no_devices.isHidden()
    model = tab.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "<b>Laptop</b> (this computer)"  # plain text, as typed
    assert model.index(0, 1).data() == str(sync_journal.status().devices[0].files)
    assert tab.conflicts.text() == "None"
    dialog.grab().save("/tmp/prefs_sync.png")


def test_conflicts_say_where_to_settle_them(bus: Any, window: Any, qtbot: Any, elsewhere: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    sync_journal.save_settings(elsewhere, None)
    sync_journal.sync()
    real = sync_journal.status
    monkeypatch.setattr(sync_journal, "status", lambda: replace(real(), conflicts=2, deleted_elsewhere=1))
    _dialog, tab = open_sync_tab(bus, window, qtbot)
    assert tab.conflicts.text() == "3 to settle (Edit ▸ Sync Conflicts…)"


def test_without_a_journal_window_the_tab_is_off(journal: Path, qtbot: Any, saved: list[None]) -> None:
    """Opened with no bus (the installed-wheel smoke test does): the tab says why it is off."""
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.show_tab("sync")
    tab = dialog.sync_tab
    assert not tab.form.isEnabled() and tab.closed_note.isVisible()
    assert "Open a journal first" in tab.closed_note.text()
    click_ok(dialog, qtbot)
    assert not dialog.isVisible() and saved == []


def test_show_tab_names_the_tabs(bus: Any, window: Any, qtbot: Any) -> None:
    dialog, _tab = open_sync_tab(bus, window, qtbot)
    assert dialog.show_tab("accounts") and dialog.tabs.currentWidget() is dialog.accounts_tab
    assert not dialog.show_tab("nowhere") and dialog.tabs.currentWidget() is dialog.accounts_tab
