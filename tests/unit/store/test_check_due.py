"""When ``open_journal(check="due")`` runs ``quick_check``: only where it protects something.

Due unless the journal passed a check today and Deal Journal's last clean close recorded it
exactly as it is now (``<journal>.checked``): a crash or kill leaves a ``-wal`` or a changed
file behind, and so does any other program writing to it or putting another file in its place.
Every check is counted with SQLite's trace callback on every connection the store opens.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal import domain, ops
from dealjournal.store import close_journal, db, open_journal
from dealjournal.store.db import CorruptJournal, check_is_due, check_record_path, quick_check_ok, set_aside_damaged

store_db = importlib.import_module("dealjournal.store.db")  # the module (the package re-exports its `db` object)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every ``quick_check`` statement run on a connection of the store, as SQLite traced it."""
    seen: list[str] = []

    class Traced(store_db._Connection):  # type: ignore[misc, name-defined]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql.lower() else None)

    monkeypatch.setattr(store_db, "_Connection", Traced)
    yield seen
    close_journal()


def _journal(path: Path, contacts: int = 1) -> None:
    """A journal written and closed cleanly today (so checked today)."""
    open_journal(path, check="due")
    for n in range(contacts):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    close_journal()


def _state(path: Path) -> tuple[bytes, bytes, int]:
    record = check_record_path(path)
    return path.read_bytes(), record.read_bytes(), record.stat().st_mtime_ns


def _tomorrow(monkeypatch: pytest.MonkeyPatch) -> None:
    later = domain.today() + timedelta(days=1)
    monkeypatch.setattr(domain, "today", lambda: later)


def test_a_journal_checked_today_and_closed_cleanly_is_not_checked_again(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    assert len(checks) == 1  # a new journal: checked (at once) when created
    record = json.loads(check_record_path(path).read_text())
    assert record["checked_on"] == domain.today().isoformat()
    assert not check_is_due(path)
    before = _state(path)
    for _ in range(3):
        open_journal(path, check="due")
        assert db.connection().execute("SELECT count(*) FROM contact").fetchone()[0] == 1
        close_journal()
    assert len(checks) == 1
    assert _state(path) == before  # a read-only session changes neither the journal nor its record


def test_the_check_runs_once_a_day(tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    journal_bytes = path.read_bytes()
    _tomorrow(monkeypatch)
    assert check_is_due(path)
    open_journal(path, check="due")
    close_journal()
    assert len(checks) == 2
    assert path.read_bytes() == journal_bytes  # recorded beside the journal, not in it
    assert json.loads(check_record_path(path).read_text())["checked_on"] == domain.today().isoformat()
    open_journal(path, check="due")
    close_journal()
    assert len(checks) == 2


def test_check_true_always_checks_and_false_never(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    open_journal(path)
    close_journal()
    open_journal(path, check=True)
    close_journal()
    assert len(checks) == 3
    open_journal(path, check=False)
    close_journal()
    assert len(checks) == 3
    assert not check_is_due(path)  # a session without a check keeps the day the last one passed


_WRITER = textwrap.dedent("""
    import sys
    from dealjournal import ops
    from dealjournal.store import open_journal
    open_journal(sys.argv[1], check="due")
    if sys.argv[2] == "write":
        ops.add_contact("Written before the kill")
    else:
        from dealjournal.store import db
        db.connection().execute("SELECT count(*) FROM contact").fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("doing", ["write", "read"])
def test_after_a_process_was_killed_with_the_journal_open_the_check_is_due(
        tmp_path: Path, checks: list[str], doing: str) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), doing], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.communicate()[1]
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert path.with_name("j.sqlite3-wal").exists()  # what the killed process left behind
    assert check_is_due(path)
    open_journal(path, check="due")
    assert len(checks) == 2
    ops.add_contact("After the kill")
    close_journal()
    assert not check_is_due(path)  # checked, then closed cleanly: not due again today


def test_a_hot_wal_beside_the_journal_makes_the_check_due(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    other = sqlite3.connect(path)  # another program has the journal open
    other.execute("SELECT count(*) FROM contact").fetchone()
    try:
        assert check_is_due(path)
        open_journal(path, check="due")
        assert len(checks) == 2
        close_journal()
    finally:
        other.close()


def test_a_change_by_another_program_makes_the_check_due(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    other = sqlite3.connect(path)
    other.execute("UPDATE contact SET notes = 'changed elsewhere'")
    other.commit()
    other.close()
    assert not path.with_name("j.sqlite3-wal").exists()
    assert check_is_due(path)
    open_journal(path, check="due")
    close_journal()
    assert len(checks) == 2


def test_another_file_in_the_journals_place_is_checked(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(path, copy)  # the same bytes and times: another file all the same
    os.replace(copy, path)
    assert check_is_due(path)
    _journal(tmp_path / "k.sqlite3")
    shutil.copy2(check_record_path(tmp_path / "k.sqlite3"), check_record_path(path))  # another journal's record
    assert check_is_due(path)


def _damage(path: Path) -> None:
    """Overwrite three of the contact table's leaf pages (data, not the schema: opening still works)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'contact' AND pagetype = 'leaf' ORDER BY pageno")]
    finally:
        conn.close()
    assert len(pages) >= 3, pages
    data = bytearray(path.read_bytes())
    for page in pages[len(pages) // 2:][:3]:
        data[(page - 1) * size: page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_a_journal_damaged_just_after_its_checked_close_is_caught(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path, contacts=300)
    _damage(path)  # at once: within the same tick of a coarse file system clock
    with pytest.raises(CorruptJournal):
        open_journal(path, check="due")
    assert not check_record_path(path).exists()  # moved aside with its journal, nothing recorded


def test_nothing_is_recorded_when_the_clock_cannot_tell_a_later_change(
        tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    monkeypatch.setattr(store_db, "_RECORD_SETTLE_S", 0.01)
    open_journal(path, check="due")
    later = time.time_ns() + 3600 * 10**9  # the journal's time is ahead of any the record can get
    os.utime(path, ns=(later, later))
    close_journal()
    assert not check_record_path(path).exists()
    assert check_is_due(path)


def test_a_background_check_that_passes_counts_for_the_day(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    check_record_path(path).unlink()
    open_journal(path, check=False)  # the window: the check runs in the background
    close_journal()
    assert not check_record_path(path).exists()  # no check passed: nothing to record
    open_journal(path, check=False)
    assert quick_check_ok()
    close_journal()
    assert not check_is_due(path)


def test_a_damaged_journal_found_in_the_background_leaves_no_record(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    open_journal(path, check=False)
    error = set_aside_damaged(path)
    assert error.moved_to is not None and error.moved_to.exists()
    assert not check_record_path(path).exists()


def test_a_failed_open_records_nothing(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(Exception):
        open_journal(path, check="due")
    assert not check_record_path(path).exists()


def test_a_garbled_record_only_means_a_check(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    for garbled in (b"", b"{", b"\xff\xfe", b'{"format": 1}', b'{"format": 1, "checked_on": "soon", "journal": []}',
                    json.dumps({"format": 99, "checked_on": date.today().isoformat()}).encode()):
        check_record_path(path).write_bytes(garbled)
        assert check_is_due(path)
    open_journal(path, check="due")
    close_journal()
    assert len(checks) == 2 and not check_is_due(path)


def test_a_record_that_cannot_be_written_leaves_no_file(
        tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    _journal(path)
    written = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.endswith(".checked.tmp"):
            raise OSError(28, "No space left on device")
        return written(self, *args, **kwargs)  # type: ignore[arg-type]

    open_journal(path, check=True)
    ops.add_contact("Changed")
    monkeypatch.setattr(Path, "write_text", full_disk)
    close_journal()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.sqlite3"]  # neither a record nor its temporary file
    monkeypatch.setattr(Path, "write_text", written)
    assert check_is_due(path)
