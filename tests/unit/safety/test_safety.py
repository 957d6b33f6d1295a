"""One writer per journal, owner-only files, synced-folder warnings, damaged files on open."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.errors import StoreError
from dealjournal.phrases import Phrase
from dealjournal.safety import backup
from dealjournal.safety.synced import synced_folder_warning, synced_service
from dealjournal.store import close_journal, db, open_journal
from dealjournal.store.db import CorruptJournal
from dealjournal.store.lock import JournalInUse, lock_path

POSIX = os.name == "posix"

_HOLDER = textwrap.dedent("""
    import sys
    from dealjournal.store import open_journal, close_journal
    open_journal(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    close_journal()
""")


def _holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open", proc.communicate()[1]
    return proc


def test_second_process_gets_a_clear_in_use_error(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    holder = _holder(path)
    try:
        with pytest.raises(JournalInUse, match=r"in use by another Deal Journal \(process \d+\)"):
            open_journal(path)
        assert db.is_closed()
    finally:
        holder.communicate("bye\n", timeout=30)
    open_journal(path)  # free again once the other process closed it
    close_journal()


def test_lock_goes_with_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    holder = _holder(path)
    holder.kill()
    holder.communicate(timeout=30)
    open_journal(path)
    close_journal()


def test_this_process_can_reopen_and_switch_journals_freely(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for _ in range(20):
        open_journal(a)
        open_journal(b)  # closes a first
        open_journal(b)
    close_journal()
    assert not lock_path(a).exists() and not lock_path(b).exists()
    holder = _holder(a)  # nothing of ours is left holding a
    holder.communicate("bye\n", timeout=30)


def test_lock_file_is_released_after_failed_open(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreError):
        open_journal(path)
    assert not lock_path(path).exists()


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_journal_files_and_folders_are_owner_only(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        path = tmp_path / "data" / "dealjournal" / "journal.sqlite3"
        open_journal(path)
        ops.add_contact("Ada Byron")
        for suffix in ("", "-wal", "-shm", ".lock"):
            side = path.with_name(path.name + suffix)
            assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
        made = backup.make_backup()
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
        from dealjournal import interchange

        export = tmp_path / "export.json"
        interchange.export_file(export)
        assert stat.S_IMODE(export.stat().st_mode) == 0o600
        close_journal()
    finally:
        os.umask(old)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_existing_journal_gets_owner_only_but_its_folder_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "Documents" / "j.sqlite3"
    path.parent.mkdir()
    os.chmod(path.parent, 0o755)
    open_journal(path)
    close_journal()
    os.chmod(path, 0o644)
    open_journal(path)
    close_journal()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o755  # the user's folder, not ours


# --- synced folders -------------------------------------------------------------------------

@pytest.mark.parametrize(("relative", "service"), [
    ("Dropbox/work/journal.sqlite3", "Dropbox"),
    ("Dropbox (Acme Ltd)/journal.sqlite3", "Dropbox"),
    ("OneDrive/Documents/journal.sqlite3", "OneDrive"),
    ("OneDrive - Acme Ltd/journal.sqlite3", "OneDrive"),
    ("Library/Mobile Documents/com~apple~CloudDocs/journal.sqlite3", "iCloud Drive"),
    ("Library/CloudStorage/GoogleDrive-ada@example.com/My Drive/journal.sqlite3", "Google Drive"),
    ("Library/CloudStorage/OneDrive-Personal/journal.sqlite3", "OneDrive"),
    ("Google Drive/journal.sqlite3", "Google Drive"),
])
def test_synced_folders_are_recognised_by_name(tmp_path: Path, relative: str, service: str) -> None:
    path = tmp_path / relative
    assert synced_service(path) == service
    warning = synced_folder_warning(path)
    assert warning is not None and service in warning
    assert "corrupt" in warning and "local folder" in warning and "backups" in warning
    assert isinstance(warning, Phrase) and warning.values == {"service": service}


def test_syncthing_marker_in_any_parent(tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    (shared / "deep" / "er").mkdir(parents=True)
    path = shared / "deep" / "er" / "journal.sqlite3"
    assert synced_folder_warning(path) is None
    (shared / ".stfolder").mkdir()
    assert synced_service(path) == "Syncthing"


@pytest.mark.parametrize("relative", ["data/dealjournal/journal.sqlite3", "Documents/dropbox-notes/j.sqlite3",
                                      "Dropbox.sqlite3", "projects/onedrive.sqlite3"])
def test_ordinary_folders_are_not_flagged(tmp_path: Path, relative: str) -> None:
    assert synced_folder_warning(tmp_path / relative) is None


# --- a damaged file on open -----------------------------------------------------------------

def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle: middle + 3 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))


def _journal_with_backup(path: Path, contacts: int) -> Path:
    open_journal(path)
    for n in range(contacts):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    made = backup.make_backup(now=datetime(2026, 11, 20, 9, 0))
    close_journal()
    return made.path


def test_damaged_journal_is_moved_aside_and_the_newest_good_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    good = _journal_with_backup(path, 400)
    _damage(path)
    with pytest.raises(CorruptJournal) as caught:
        open_journal(path)
    err = caught.value
    assert isinstance(err, StoreError) and db.is_closed()
    assert err.backup == good and err.moved_to is not None and err.moved_to.exists()
    assert err.moved_to.name.startswith("j.sqlite3.corrupt-")
    assert "damaged" in str(err) and good.name in str(err)
    # The message is a Phrase (the window translates it); the attributes stay as they were.
    (message,) = err.args
    assert isinstance(message, Phrase) and message == str(err)
    assert [p.template for p in message.parts] == [
        "The journal {path} is damaged and was moved to {moved}.",
        "The newest good backup is {name}, taken {taken}; restore it to continue."]
    assert message.parts[1].values == {"name": good.name, "taken": "2026-11-20 09:00"}
    assert not path.exists() and not lock_path(path).exists()
    backup.restore(err.backup, journal=path)
    assert db.connection().execute("SELECT count(*) FROM contact").fetchone()[0] == 400
    close_journal()


def test_damaged_backups_are_skipped_when_offering_one(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    good = _journal_with_backup(path, 300)
    open_journal(path)
    newer = backup.make_backup(now=datetime(2026, 11, 21, 9, 0))
    close_journal()
    _damage(newer.path)
    _damage(path)
    with pytest.raises(CorruptJournal) as caught:
        open_journal(path)
    assert caught.value.backup == good


def test_damaged_journal_without_backups(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    for n in range(300):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    close_journal()
    _damage(path)
    with pytest.raises(CorruptJournal, match="No good backup") as caught:
        open_journal(path)
    assert caught.value.backup is None
