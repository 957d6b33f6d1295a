"""Data safety in the window: damaged or busy journals on open, the file-sync warning, a person's rights."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from dealjournal import ops
from dealjournal.gui import commands, messages
from dealjournal.gui.opening import open_journal_safely
from dealjournal.safety import backup
from dealjournal.store import close_journal, open_journal
from dealjournal.store.db import db, journal_path
from dealjournal.store.lock import JournalLock


def _count() -> int:
    return int(db.connection().execute("SELECT count(*) FROM contact").fetchone()[0])


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle: middle + 3 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))


def _damaged_journal(path: Path, contacts: int = 300, with_backup: bool = True) -> None:
    open_journal(path)
    for n in range(contacts):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    if with_backup:
        backup.make_backup(now=datetime(2026, 11, 20, 9, 0))
    close_journal()
    _damage(path)


# --- opening a bad journal ----------------------------------------------------------------------

def test_damaged_journal_offers_its_backup_and_restores_it(tmp_path: Path, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "j.sqlite3"
    _damaged_journal(path)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(text) or True)
    try:
        assert open_journal_safely(path)
        assert journal_path() == path and _count() == 300
    finally:
        close_journal()
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("j.sqlite3.corrupt-")]
    assert len(moved) == 1
    assert "damaged" in asked[0] and str(moved[0]) in asked[0] and "j.2026-11-20_090000" in asked[0]


def test_damaged_journal_may_start_empty_instead(tmp_path: Path, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "j.sqlite3"
    _damaged_journal(path)
    answers = iter([False, True])  # no to the backup, yes to an empty journal
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": next(answers))
    try:
        assert open_journal_safely(path)
        assert _count() == 0
    finally:
        close_journal()


def test_damaged_journal_without_backup_and_declined_leaves_nothing_open(tmp_path: Path, qapp,  # type: ignore[no-untyped-def]
                                                                          monkeypatch) -> None:
    path = tmp_path / "j.sqlite3"
    _damaged_journal(path, with_backup=False)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append(action) or False)
    assert not open_journal_safely(path)
    assert asked == ["Start Empty Journal"]  # no backup to offer
    assert not path.exists()


def test_not_a_journal_is_a_message(tmp_path: Path, qapp, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.sqlite3"
    path.write_text("just some text, not a database\n")
    assert not open_journal_safely(path)
    assert "not a Deal Journal file" in no_modal_messages[0]
    assert path.read_text() == "just some text, not a database\n"


def test_switching_to_a_journal_in_use_keeps_the_current_one(window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             no_modal_messages) -> None:
    other = tmp_path / "other.sqlite3"
    open_journal(other)
    close_journal()
    open_journal(window.bus.path)
    holder = JournalLock(other)  # another process would hold this lock
    holder.acquire()
    try:
        assert not window.act.switch_to(other)
    finally:
        holder.release()
    assert "in use" in no_modal_messages[-1]
    assert journal_path() == window.bus.path and not db.is_closed()


def test_switching_to_a_damaged_journal_offers_its_backup(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    current = window.bus.path
    other = tmp_path / "damaged.sqlite3"
    _damaged_journal(other, contacts=250)
    open_journal(current)
    assert window.act.switch_to(other)  # confirm is answered yes: the backup is restored
    assert window.bus.path == other and _count() == 250


# --- the file-sync warning ----------------------------------------------------------------------

def _window_on(path: Path, qtbot):  # type: ignore[no-untyped-def]
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import MainWindow

    open_journal(path)
    win = MainWindow(JournalBus(path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.started and not win.keeper.busy and not win.integrity.busy, timeout=10_000)
    win.open_backup_timer.stop()
    return win


def test_synced_folder_warning_shows_once_per_journal(tmp_path: Path, qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Dropbox" / "work" / "journal.sqlite3"
    try:
        win = _window_on(path, qtbot)
        bar = win.warning_bar
        assert bar.isVisible() and "Dropbox" in bar.label.text()
        assert bar.label.textFormat() == Qt.TextFormat.PlainText
        assert bar.geometry().top() < win.splitter.mapTo(win, win.splitter.rect().topLeft()).y()  # above the pages
        if os.environ.get("DEALJOURNAL_SHOTS"):
            win.resize(1280, 800)
            qtbot.waitUntil(lambda: win.width() == 1280)
            win.grab().save(os.path.join(os.environ["DEALJOURNAL_SHOTS"], "backups-warning-bar.png"))
        qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
        assert not bar.isVisible()
        win.close()
        again = _window_on(path, qtbot)
        assert not again.warning_bar.isVisible()  # seen once: not shown again for this journal
    finally:
        close_journal()


def test_no_warning_outside_synced_folders(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.warning_bar.isVisible()


# --- a person's rights --------------------------------------------------------------------------

@pytest.fixture
def person(window):  # type: ignore[no-untyped-def]
    contact_id = window.bus.run(ops.add_contact, "Eve Erasable", notes="met at the harbour fair").id
    assert commands.log_interaction(window.bus, window, contact_id, kind="call", direction="out",
                                    summary="talked about the harbour")
    window.show_page(type(window.pages[1]))
    window.bus.open_contact.emit(contact_id)
    assert window.stack.currentWidget() is window.contact_page
    return contact_id


def test_erase_removes_the_person_and_empties_the_undo_history(window, person, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.contact_page
    assert window.bus.undo_stack.count() >= 1
    assert page.erase_person_action in page.more_button.menu().actions()
    page.erase_person_action.trigger()
    conn = db.connection()
    assert conn.execute("SELECT count(*) FROM contact WHERE id = ?", (person,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM interaction WHERE contact_id = ?", (person,)).fetchone()[0] == 0
    assert window.bus.undo_stack.count() == 0
    assert window.stack.currentWidget() is not window.contact_page  # went back
    assert b"harbour" not in window.bus.path.read_bytes()


def test_erase_asks_first_and_names_the_person(window, person, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": asked.append((text, detail)) or False)
    window.contact_page.erase_person()
    text, detail = asked[0]
    assert "Eve Erasable" in text and "cannot be undone" in text and "Backups" in detail
    assert db.connection().execute("SELECT count(*) FROM contact WHERE id = ?", (person,)).fetchone()[0] == 1


def test_export_person_writes_their_data_as_json(window, person, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "exported.json"
    offered: list[str] = []

    def save_name(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.contact_page.export_person_action.trigger()
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "dealjournal-person"
    assert doc["contact"]["name"] == "Eve Erasable" and doc["contact"]["notes"] == "met at the harbour fair"
    assert doc["interactions"][0]["summary"] == "talked about the harbour"
    assert Path(offered[0]).name == "Eve Erasable (personal data).json"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
