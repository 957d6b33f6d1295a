"""Disk full, read-only and locked journals: a clear JournalError, nothing half-written, still usable."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dealjournal import interchange, ops
from dealjournal.errors import JournalError, StoreError
from dealjournal.safety import backup, privacy
from dealjournal.store import close_journal, db, open_journal

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _dump(conn: sqlite3.Connection) -> list[object]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [(t, conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]


def _document(n: int) -> dict[str, object]:
    return {"format": "dealjournal", "version": 1,
            "contacts": [{"id": f"c{i}", "name": f"Imported {i}", "notes": "n" * 2000} for i in range(n)]}


@pytest.fixture
def seeded(journal: Path) -> Iterator[Path]:
    c = ops.add_contact("Ada Byron", notes="first notes")
    ops.log_interaction(c.id, kind="call", direction="out", summary="hello")
    yield journal


WRITES: dict[str, Callable[[], object]] = {
    "add contact": lambda: ops.add_contact("Grace Hopper", notes="g" * 200_000),
    "edit contact": lambda: ops.edit_contact(1, notes="e" * 200_000),
    "log interaction": lambda: ops.log_interaction(1, kind="note", direction="none", summary="s",
                                                   details="d" * 200_000),
    "add content": lambda: ops.add_content("A long read", summary="c" * 200_000),
    "import": lambda: interchange.import_document(_document(200)),
}


def _fails_cleanly(action: Callable[[], object], match: str) -> None:
    before = _dump(db.connection())
    with pytest.raises(JournalError, match=match):
        action()
    assert not db.in_transaction()
    assert _dump(db.connection()) == before  # nothing written half-way
    assert ops.get_contact(1).name == "Ada Byron"  # and the journal still reads


@pytest.mark.parametrize("name", WRITES)
def test_disk_full(seeded: Path, name: str) -> None:
    conn = db.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    _fails_cleanly(WRITES[name], "full")
    conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same operation now works
    WRITES[name]()


def test_disk_full_during_backup_and_erase_leaves_the_journal(seeded: Path, tmp_path: Path) -> None:
    conn = db.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    made = backup.make_backup()  # a backup only reads the journal
    assert made.contacts == 1
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(backup.BackupError):
        backup.make_backup(folder=blocker / "sub")


@pytest.mark.parametrize("name", WRITES)
def test_locked_by_another_connection(seeded: Path, name: str) -> None:
    db.connection().execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(seeded, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        _fails_cleanly(WRITES[name], "in use by another program")
    finally:
        other.execute("ROLLBACK")
        other.close()
    WRITES[name]()


def test_locked_erase_and_export_person(seeded: Path) -> None:
    db.connection().execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(seeded, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert privacy.export_person(1)["contact"]["name"] == "Ada Byron"  # reading still works
        _fails_cleanly(lambda: privacy.erase_person(1), "in use")
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize("name", WRITES)
def test_read_only_journal(seeded: Path, name: str) -> None:
    db.connection().execute("PRAGMA query_only = 1")  # what SQLite reports for a read-only file
    _fails_cleanly(WRITES[name], "read-only")
    db.connection().execute("PRAGMA query_only = 0")


@pytest.mark.skipif(ROOT or os.name != "posix", reason="root ignores file permissions")
def test_read_only_file_and_folder_on_disk(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    close_journal()
    os.chmod(path, 0o400)
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_journal(path)
        assert db.is_closed()
    finally:
        os.chmod(folder, 0o700)
        os.chmod(path, 0o600)
    open_journal(path)
    assert ops.get_contact(1).name == "Ada Byron"
    close_journal()


@pytest.mark.skipif(ROOT or os.name != "posix", reason="root ignores file permissions")
def test_new_journal_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_journal(folder / "j.sqlite3")
    finally:
        os.chmod(folder, 0o700)


def test_errors_are_still_sqlite_errors_for_code_that_rolls_back_on_them(seeded: Path) -> None:
    conn = db.connection()
    conn.execute("PRAGMA query_only = 1")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("DELETE FROM contact")
    assert isinstance(caught.value, StoreError)
    conn.execute("PRAGMA query_only = 0")


def test_a_bug_is_not_disguised_as_an_environment_problem(seeded: Path) -> None:
    with pytest.raises(sqlite3.OperationalError) as caught:
        db.connection().execute("SELECT no_such_column FROM contact")
    assert not isinstance(caught.value, JournalError)
