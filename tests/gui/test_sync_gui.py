"""Sync from the window (issue 14): File ▸ Sync Now, the window syncing by itself (after an
edit, when another computer's files arrive), the status bar's sync part and the contact
page's mark. The other computer is the real ``dealjournal`` command in a subprocess, on its
own journal, sharing the sync folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.gui import syncing
from dealjournal.store import db
from dealjournal.sync import journal as sync_journal


class Other:
    """Another computer: its own journal, synced through the same folder by the command line."""

    def __init__(self, root: Path, folder: Path) -> None:
        self.path = root / "other.sqlite3"
        self.folder = folder

    def run(self, *args: str) -> str:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "dealjournal", *args, "--db", str(self.path)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def sync(self) -> str:
        return self.run("sync", "--folder", str(self.folder), "--device-name", "Office")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "Sync"
    where.mkdir()
    return where


def _contact_names() -> list[str]:
    return [row[0] for row in db.connection().execute("SELECT name FROM contact ORDER BY name")]


def _settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.syncer.busy, timeout=30_000)


def test_sync_now_without_a_folder_says_what_to_do(window, no_modal_messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[object] = []
    monkeypatch.setattr(window.act, "edit_preferences", lambda tab=None: opened.append(tab))
    window.act.sync_now.trigger()
    assert not window.syncer.busy
    assert any("sync folder" in text for text in no_modal_messages)
    assert opened == ["sync"]  # Preferences opens on its Sync tab
    assert not window.sync_status.isVisible()


def test_sync_now_publishes_and_takes_the_other_computers_changes(window, qtbot, folder: Path,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    window.bus.run(ops.add_contact, "Anna Lindqvist")
    sync_journal.save_settings(folder, "Laptop", auto=False)
    window.syncer.settings_saved()
    _settle(qtbot, window)
    assert list((folder / "changes").iterdir()), "the first pass publishes the journal"
    assert window.sync_status.isVisible() and window.sync_status.text().startswith("Synced ")

    other = Other(tmp_path, folder)
    other.sync()  # takes Anna
    assert "Anna Lindqvist" in other.run("export", "-")
    other.run("contact", "add", "Bruno Costa")
    other.sync()

    window.act.sync_now.trigger()
    _settle(qtbot, window)
    assert _contact_names() == ["Anna Lindqvist", "Bruno Costa"]
    # The views read the journal again: the contact list shows Bruno.
    from dealjournal.gui.pages.contacts import ContactsPage

    window.show_page(ContactsPage)
    model = window.page(ContactsPage).model
    qtbot.waitUntil(lambda: any("Bruno Costa" == model.index(r, 0).data() for r in range(model.rowCount())))
    message = window.statusBar().currentMessage()
    assert message.startswith("Synced: 0 changes sent, ") and " received" in message and ", 0 received" not in message


def test_the_window_syncs_by_itself_after_an_edit_and_when_files_arrive(window, qtbot, folder: Path,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(syncing, "SETTLE_MS", 100)
    window.syncer._settle.setInterval(100)
    sync_journal.save_settings(folder, "Laptop", auto=True)
    window.syncer.settings_saved()
    _settle(qtbot, window)
    first = {p.name for p in folder.glob("changes/*/*")}

    window.bus.run(ops.add_contact, "Carla Diaz")  # an edit: published a moment later, unasked
    qtbot.waitUntil(lambda: {p.name for p in folder.glob("changes/*/*")} != first, timeout=20_000)
    _settle(qtbot, window)

    other = Other(tmp_path, folder)
    other.sync()
    other.run("contact", "add", "Dario Fo")
    other.sync()  # its files arrive in the folder: the watcher starts a pass
    qtbot.waitUntil(lambda: "Dario Fo" in _contact_names(), timeout=20_000)


def test_a_conflict_shows_in_the_status_bar_and_on_the_contact(window, qtbot, folder: Path,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    contact = window.bus.run(ops.add_contact, "Eva Ek", company="Ek AB")
    sync_journal.save_settings(folder, "Laptop", auto=False)
    window.syncer.settings_saved()
    _settle(qtbot, window)
    other = Other(tmp_path, folder)
    other.sync()
    other.run("contact", "edit", "Eva Ek", "--company", "Office AB")
    other.sync()
    window.bus.run(ops.edit_contact, contact.id, company="Laptop AB")
    window.act.sync_now.trigger()
    _settle(qtbot, window)

    assert window.syncer.issues == 1
    assert "1 conflict" in window.sync_status.text()
    window.bus.open_contact.emit(contact.id)
    page = window.contact_page
    assert page.sync_mark.isVisible() and "1 sync conflict" in page.sync_mark.text()
    opened: list[object] = []
    from dealjournal.gui.dialogs import conflicts

    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    def settle_first(bus, parent, contact_id=None) -> None:  # type: ignore[no-untyped-def]
        opened.append(contact_id)
        sync_journal.resolve(sync_journal.conflicts()[0].id, pick=2)  # as the dialog would
        bus.reloaded.emit()

    original = conflicts.ConflictsDialog.open_for
    try:
        conflicts.ConflictsDialog.open_for = staticmethod(settle_first)  # type: ignore[method-assign]
        page.sync_mark.click()
    finally:
        conflicts.ConflictsDialog.open_for = original  # type: ignore[method-assign]
    assert opened == [contact.id]  # the conflicts of this contact
    assert window.syncer.issues == 0 and "conflict" not in window.sync_status.text()
    qtbot.waitUntil(lambda: not page.sync_mark.isVisible())


def test_a_failing_pass_leaves_the_journal_as_it_was(window, qtbot, folder: Path, no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    window.bus.run(ops.add_contact, "Gil Gomes")
    sync_journal.save_settings(folder, "Laptop", auto=False)
    window.syncer.settings_saved()
    _settle(qtbot, window)
    folder.rename(folder.with_name("gone"))  # the sync folder is not mounted any more
    window.act.sync_now.trigger()
    _settle(qtbot, window)
    assert any("does not exist" in text for text in no_modal_messages)
    assert window.sync_status.text() == "Sync failed"
    assert _contact_names() == ["Gil Gomes"]


def test_merging_a_duplicate_from_its_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui.dialogs.merge_contact import MergeContactDialog

    dup = window.bus.run(ops.add_contact, "Mia Rossi", emails=[("work", "mia@old.example")]).id
    keep = window.bus.run(ops.add_contact, "Mia R.", company="Rossi SpA").id
    window.bus.open_contact.emit(dup)
    page = window.contact_page
    qtbot.waitUntil(lambda: page.current_contact_id() == dup)

    def pick(dialog: MergeContactDialog) -> None:
        assert not dialog.merge_button.isEnabled()  # nobody chosen yet
        qtbot.keyClicks(dialog.into, "Mia")
        assert dialog.matches.matches() and all(m.id != dup for m in dialog.matches.matches())  # never itself
        assert dialog.chosen_id == keep and dialog.merge_button.isEnabled()
        dialog.merge_button.click()

    original = MergeContactDialog.exec
    MergeContactDialog.exec = lambda self: (pick(self), self.result())[1]  # type: ignore[method-assign]
    try:
        page.merge_action.trigger()
    finally:
        MergeContactDialog.exec = original  # type: ignore[method-assign]
    assert _contact_names() == ["Mia R."]
    assert db.connection().execute("SELECT value FROM contact_email").fetchall() == [("mia@old.example",)]
    qtbot.waitUntil(lambda: page.current_contact_id() == keep)
    assert "Merged Mia Rossi" in window.statusBar().currentMessage()


def test_a_file_from_a_newer_version_is_held_and_the_status_bar_says_so(window, qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    import hashlib
    import json

    from dealjournal.sync.ids import b64

    window.bus.run(ops.add_contact, "Hana Ito")
    sync_journal.save_settings(folder, "Laptop", auto=False)
    window.syncer.settings_saved()
    _settle(qtbot, window)
    (gid,) = db.connection().execute("SELECT gid FROM contact").fetchone()
    body = b"\n".join([b'{"v":2,"d":"futurexx","s":1}',
                       json.dumps([gid, "company", "from the future", "1k8u36fia05"]).encode()]) + b"\n"
    target = folder / "changes" / "futurexx" / "1.jsonl"
    target.parent.mkdir(parents=True)
    target.write_bytes(body + b'{"h":"' + b64(hashlib.sha256(body).digest()[:16]).encode() + b'"}\n')
    window.syncer.sync_now(asked=False)  # unasked, as the window syncs by itself: still told
    _settle(qtbot, window)
    assert window.syncer.held == 1
    assert "update Deal Journal" in window.sync_status.text()
    assert target.exists()  # held, never dropped
    assert db.connection().execute("SELECT company FROM contact").fetchone() == (None,)
