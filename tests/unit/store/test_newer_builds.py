"""Journals and caches written by a newer build: refused or rebuilt, never misread.

The fixtures (``fixtures/journals/newer-*.sqlite3``, written by ``make_newer.py``) stand
for files a newer Deal Journal left: a journal of the next journal format, and a journal of
today's format whose cached health state is of the next cache format.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from dealjournal.errors import StoreError
from dealjournal.health import rules, state, today
from dealjournal.store import close_journal, db, open_journal, schema
from dealjournal.store.db import check_record_path
from dealjournal.store.lock import lock_path

FIXTURES = Path(__file__).parent / "fixtures" / "journals"
NEWER_JOURNAL = FIXTURES / "newer-journal.sqlite3"
NEWER_CACHE = FIXTURES / "newer-health-cache.sqlite3"
DAY = date(2026, 11, 22)  # the day the newer build's cache describes

# Each health cache format (dealjournal.health.state.FORMAT) and the journal format that brought it
# in. A new cache format needs a new journal format too: a build that reads the older one then
# refuses the journal (see test_a_newer_journal_format_is_refused…) instead of misreading its cache.
CACHE_FORMATS = {4: 6}


_STATE_COLUMNS = ("contact_id, last_touch_on, last_inbound_on, days_quiet, cadence_days, overdue_days, one_sided, "
                  "owes_reply, unanswered, in_window_in, in_window_out, unanswered_shares, not_followed_back, "
                  "not_following_back, severity, reasons")  # the order of dealjournal.health.state._row


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _copy(fixture: Path, tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    shutil.copyfile(fixture, path)
    return path


def _nothing_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def _header_version(fixture: Path) -> int:
    """The journal format in a fixture's header (read as bytes: SQLite would leave a -shm beside it)."""
    return int.from_bytes(fixture.read_bytes()[60:64], "big")


def test_the_newer_fixtures_are_still_newer() -> None:
    assert _header_version(NEWER_JOURNAL) > schema.SCHEMA_VERSION, \
        "a journal format was added: regenerate the fixtures with fixtures/journals/make_newer.py"
    conn = sqlite3.connect(f"file:{NEWER_CACHE}?mode=ro&immutable=1", uri=True)
    stamp = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'health_state_as_of'").fetchone()[0])
    conn.close()
    assert stamp["format"] > state.FORMAT, \
        "a health cache format was added: regenerate the fixtures with fixtures/journals/make_newer.py"
    assert _header_version(NEWER_CACHE) <= schema.SCHEMA_VERSION
    assert not [p.name for p in FIXTURES.glob("newer-*") if p.suffix != ".sqlite3"]  # closed cleanly, nothing beside


@pytest.mark.parametrize("check", [True, "due", False])
def test_a_newer_journal_format_is_refused_and_the_file_left_as_it_was(tmp_path: Path, check: bool | str) -> None:
    path = _copy(NEWER_JOURNAL, tmp_path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_journal(path, check=check)  # type: ignore[arg-type]
    message = str(caught.value)
    assert f"written by a newer version of Deal Journal (journal format {schema.SCHEMA_VERSION + 1})" in message
    assert f"reads formats up to {schema.SCHEMA_VERSION}" in message
    assert "the file has not been changed" in message
    assert path.read_bytes() == before
    assert _nothing_beside(path) == []  # no -wal, -shm, lock or check record either
    assert db.is_closed() and not lock_path(path).exists()


def test_a_newer_journal_is_refused_before_sqlite_could_change_it(tmp_path: Path) -> None:
    """Opening switches a journal to WAL mode, which rewrites its header: not a newer one."""
    path = _copy(NEWER_JOURNAL, tmp_path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = delete").fetchone()[0] == "delete"
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Deal Journal"):
        open_journal(path)
    assert path.read_bytes() == before
    assert _nothing_beside(path) == []


_UPGRADED_IN_WAL = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("BEGIN")
    conn.execute("ALTER TABLE contact ADD COLUMN pronouns TEXT")
    conn.execute(f"PRAGMA user_version = {int(sys.argv[2])}")
    conn.execute("COMMIT")
    print("ready", flush=True)
    sys.stdin.readline()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_newer_format_still_in_the_wal_is_refused(tmp_path: Path) -> None:
    """A newer build upgraded the journal and was killed: the file's header still says the old format."""
    path = _copy(NEWER_CACHE, tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", _UPGRADED_IN_WAL, str(path), str(schema.SCHEMA_VERSION + 1)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.communicate()[1]
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert int.from_bytes(path.read_bytes()[60:64], "big") == schema.SCHEMA_VERSION  # the header lags
    with pytest.raises(StoreError, match="newer version of Deal Journal"):
        open_journal(path, check="due")
    assert _version(path) == schema.SCHEMA_VERSION + 1
    assert not any(tmp_path.glob("j.sqlite3.before-upgrade-*"))


def test_a_health_cache_of_a_newer_format_is_never_read_as_current(tmp_path: Path) -> None:
    path = _copy(NEWER_CACHE, tmp_path)
    open_journal(path)
    conn = db.connection()
    foreign = conn.execute("SELECT contact_id, severity, reasons FROM health_state ORDER BY contact_id").fetchall()
    assert foreign and all(severity > 7000 for _, severity, _ in foreign)
    assert state.as_of() is None and not state.is_current(DAY)
    # The Today list works the agenda out instead of ranking the cached rows.
    cached, exact = today.page(DAY), today.page(DAY, cached=False)
    assert [(e.contact_id, e.kind) for e in cached.entries] == [(e.contact_id, e.kind) for e in exact.entries]
    assert cached.counts == exact.counts
    # An operation's refresh does not mix rows of this format into the other one's.
    state.update_for([1, 2])
    assert conn.execute("SELECT contact_id, severity, reasons FROM health_state ORDER BY contact_id").fetchall() \
        == foreign
    close_journal()


def test_a_health_cache_of_a_newer_format_is_rebuilt(tmp_path: Path) -> None:
    path = _copy(NEWER_CACHE, tmp_path)
    open_journal(path)
    state.rebuild(DAY)
    assert state.is_current(DAY)
    conn = db.connection()
    stamp = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'health_state_as_of'").fetchone()[0])
    assert stamp == {"day": DAY.isoformat(), "format": state.FORMAT}
    rows = conn.execute(f"SELECT {_STATE_COLUMNS} FROM health_state ORDER BY contact_id").fetchall()
    assert rows == sorted(state._row(h) for h in rules.compute(DAY))
    assert all(severity < 7000 for severity in (r[14] for r in rows))
    from dealjournal.safety import check

    assert check.problems() == []
    close_journal()


def test_the_health_report_never_reads_the_cache(tmp_path: Path) -> None:
    path = _copy(NEWER_CACHE, tmp_path)
    open_journal(path)
    with_foreign_cache = rules.report_json(DAY)
    db.connection().execute("DELETE FROM health_state")
    assert rules.report_json(DAY) == with_foreign_cache
    close_journal()
    assert check_record_path(path).exists()


def test_a_new_health_cache_format_comes_with_a_new_journal_format() -> None:
    assert state.FORMAT in CACHE_FORMATS, (
        f"health cache format {state.FORMAT} is new: add a journal format (a schema step that deletes the "
        "setting health_state_as_of) so that older builds refuse journals holding it, and list it in CACHE_FORMATS")
    brought_in = CACHE_FORMATS[state.FORMAT]
    assert brought_in <= schema.SCHEMA_VERSION
    assert all(brought_in > version for fmt, version in CACHE_FORMATS.items() if fmt != state.FORMAT), \
        "each health cache format needs a journal format of its own"
