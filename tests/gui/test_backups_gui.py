"""File ▸ Backups… and the window's automatic backups, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from dealjournal import ops
from dealjournal.errors import JournalError
from dealjournal.gui import commands
from dealjournal.gui.dialogs.backups import BackupsDialog, reason_text, size_text
from dealjournal.safety import backup
from dealjournal.store.db import db


def _names() -> list[str]:
    return [r[0] for r in db.connection().execute("SELECT name FROM contact ORDER BY name").fetchall()]


@pytest.fixture
def dialog(window, qtbot):  # type: ignore[no-untyped-def]
    window.open_backup_timer.stop()  # this test decides when backups are taken
    dlg = BackupsDialog(window.bus, window, on_restored=window.journal_reopened)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_sizes_and_reasons_in_words() -> None:
    assert size_text(10) == "1 KB" and size_text(200 * 1024) == "200 KB" and size_text(3 * 1024 * 1024) == "3.0 MB"
    assert reason_text("before-import") == "Before an import" and reason_text("odd-one") == "Odd one"


def test_lists_makes_and_restores_a_backup(window, dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dialog.table.isHidden() and dialog.empty.isVisibleTo(dialog)
    assert not dialog.restore_button.isEnabled()
    window.bus.run(ops.add_contact, "Ann Old")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.table.isVisibleTo(dialog)
    assert dialog.table.item(0, 1).text() == "Backed up by hand"
    assert dialog.table.item(0, 3).text() == "1"
    assert dialog.table.item(0, 2).text().endswith("KB")
    old = dialog.selected()
    assert old is not None and old.parent == backup.backup_folder(window.bus.path)

    bob = window.bus.run(ops.add_contact, "Bob New").id
    assert commands.archive_contact(window.bus, window, bob)  # undo history, which a restore must clear
    assert window.bus.undo_stack.count() == 1
    with qtbot.waitSignal(window.bus.reloaded):
        assert dialog.restore_selected()
    assert _names() == ["Ann Old"]
    assert window.bus.undo_stack.count() == 0
    rows = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 3).text()) for r in range(dialog.table.rowCount())}
    assert ("Before a restore", "2") in rows and ("Backed up by hand", "1") in rows  # the safety copy is listed
    # newest first
    taken = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert taken == sorted(taken, reverse=True)


def test_restore_stops_the_background_work_on_the_journal_it_replaces(window, dialog, qtbot,  # type: ignore[no-untyped-def]
                                                                      monkeypatch, no_modal_messages) -> None:
    """A restore replaces the journal file while its quick_check is inside SQLite: the check is
    stopped and its connection closed before the swap, and nothing of it is reported after."""
    import importlib
    import os
    import threading
    import time

    store_db = importlib.import_module("dealjournal.store.db")
    window.bus.run(ops.add_contact, "Ann Old")
    dialog.back_up_now()
    window.bus.run(ops.add_contact, "Bob New")
    inside = threading.Event()

    def check_in_flight() -> bool:
        inside.set()
        endless = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500000000) "
                   "SELECT count(*) FROM n")
        db.connection().execute(endless).fetchall()
        return False  # never reached (interrupted); would say "damaged"

    monkeypatch.setattr(store_db, "quick_check_ok", check_in_flight)
    damaged: list[str] = []
    window.integrity.damaged.connect(damaged.append)
    window.integrity.check(window.bus.path)
    assert inside.wait(10)
    checking = [t for t in threading.enumerate() if t.name == "quick-check"]
    monkeypatch.setattr(store_db, "quick_check_ok", lambda: True)
    replaced = os.stat(window.bus.path).st_ino
    started = time.monotonic()
    assert dialog.restore_selected()
    assert time.monotonic() - started < 5  # not the statement's tens of seconds
    assert checking and not any(t.is_alive() for t in checking)
    assert os.stat(window.bus.path).st_ino != replaced and _names() == ["Ann Old"]
    if os.path.isdir("/proc/self/fd"):  # no descriptor (or mapping) left on the files replaced
        held = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                held.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                pass
        with open("/proc/self/maps", encoding="utf-8") as maps:
            held += [line.rstrip("\n") for line in maps]
        folder = str(window.bus.path.parent)
        assert not [h for h in held if folder in h and h.endswith("(deleted)")]
    qtbot.waitUntil(lambda: not window.integrity.busy and not window.keeper.busy, timeout=10_000)
    assert damaged == [] and no_modal_messages == []


def test_restore_is_not_done_without_confirmation(window, dialog, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui import messages

    window.bus.run(ops.add_contact, "Ann")
    dialog.back_up_now()
    window.bus.run(ops.add_contact, "Bob")
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(text) or False)
    assert not dialog.restore_selected()
    assert "backed up first" in asked[0]
    assert _names() == ["Ann", "Bob"]


def test_a_failed_backup_is_shown_not_raised(window, dialog, monkeypatch, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    def fail(reason: str = "manual") -> None:
        raise backup.BackupError("The disk is full: no backup was taken.")

    monkeypatch.setattr(backup, "make_backup", fail)
    assert dialog.back_up_now() is None
    assert "disk is full" in no_modal_messages[-1]


def test_policy_is_saved_when_the_dialog_closes(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dialog.keep["daily"].value() == backup.Policy().daily
    for field, value in (("daily", 3), ("weekly", 2), ("monthly", 24)):
        spin = dialog.keep[field]
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert backup.policy() == backup.Policy(daily=3, weekly=2, monthly=24)


def test_show_folder_opens_the_backup_folder_as_a_local_file(window, dialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert not dialog.folder_button.isEnabled()  # no backups yet: no folder
    window.bus.run(ops.add_contact, "Ann")
    dialog.back_up_now()
    assert dialog.folder_button.isEnabled()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.folder_button.click()
    assert opened[0].isLocalFile() and Path(opened[0].toLocalFile()) == backup.backup_folder(window.bus.path)


def test_file_menu_has_backups(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[object] = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: shown.append(self) or 0)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act.backups in file_menu.actions()
    window.act.backups.trigger()
    assert isinstance(shown[0], BackupsDialog)


# --- automatic backups ------------------------------------------------------------------------

def test_backup_on_close_when_changed(window) -> None:  # type: ignore[no-untyped-def]
    window.open_backup_timer.stop()
    window.bus.run(ops.add_contact, "Ann")
    window.close()
    found = backup.list_backups(window.bus.path)
    assert [b.reason for b in found] == ["close"] and found[0].contacts == 1


def test_no_backup_on_close_when_unchanged(journal, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui.mainwindow import MainWindow

    ops.add_contact("Ann")
    backup.make_backup("manual")
    win = MainWindow(bus)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.started and not win.keeper.busy and not win.integrity.busy, timeout=10_000)
    win.backup_when_idle("open")  # what the timer after opening does: nothing changed
    win.close()
    assert [b.reason for b in backup.list_backups(journal)] == ["manual"]


def test_backup_after_opening_and_every_half_hour(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_backup_timer.stop()
    assert window.backup_timer.isActive() and window.backup_timer.interval() == 30 * 60 * 1000
    window.bus.run(ops.add_contact, "Ann")
    window.open_backup_timer.timeout.emit()
    window.bus.run(ops.add_contact, "Bob")
    window.backup_timer.timeout.emit()
    window.backup_timer.timeout.emit()  # nothing changed since: no third backup
    assert [b.reason for b in backup.list_backups(window.bus.path)] in (["auto", "open"], ["open", "auto"])


def test_a_failing_automatic_backup_is_a_status_message(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(reason: str = "auto") -> None:
        raise JournalError("Cannot write a backup: the folder is read-only.")

    monkeypatch.setattr(backup, "backup_if_changed", fail)
    assert window.backup_quietly("auto") is None
    assert "read-only" in window.statusBar().currentMessage()
