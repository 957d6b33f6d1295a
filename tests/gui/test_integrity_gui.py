"""The window checks the journal in the background and handles damage found that way."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import threading
import time
from pathlib import Path

from dealjournal import ops
from dealjournal.health import state as health_state
from dealjournal.safety import backup

store_db = importlib.import_module("dealjournal.store.db")


def test_background_check_passes_on_a_sound_journal(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.integrity.busy, timeout=10_000)
    with qtbot.waitSignal(window.integrity.finished, timeout=10_000) as done:
        window.integrity.check(window.bus.path)
    assert done.args == [True]


def test_damage_found_in_the_background_offers_the_backup(window, bus, qtbot, monkeypatch,
                                                          no_modal_messages) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron")
    good = backup.make_backup("manual")
    bus.run(ops.add_contact, "Bob Marley")
    answers = iter([False])  # damaged once; the restored journal is sound
    monkeypatch.setattr(store_db, "quick_check_ok", lambda: next(answers, True))
    qtbot.waitUntil(lambda: not window.integrity.busy, timeout=10_000)
    with qtbot.waitSignal(window.integrity.damaged, timeout=10_000):
        window.integrity.check(bus.path)
    qtbot.waitUntil(lambda: not window.integrity.busy, timeout=10_000)  # the restored journal's own check
    moved = list(Path(bus.path).parent.glob("journal.sqlite3.corrupt-*"))
    assert len(moved) == 1 and good.path.exists()
    names = [n for (n,) in store_db.db.connection().execute("SELECT name FROM contact ORDER BY name")]
    assert names == ["Ada Byron"]  # the newest good backup, restored (confirm answers yes in tests)


# --- background work of a journal that is closed under it -----------------------------------------

# A statement that runs for a long time (tens of seconds) unless it is interrupted: background
# work still in flight inside SQLite when the journal is closed, replaced or set aside.
ENDLESS = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500000000) "
           "SELECT count(*) FROM n")


def _open_files_on(prefix: str) -> list[str]:
    """The files named *prefix*… this process has open or mapped (Linux; [] elsewhere)."""
    names: set[str] = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                names.add(os.readlink(f"/proc/self/fd/{fd}"))
    with contextlib.suppress(OSError), open("/proc/self/maps", encoding="utf-8") as maps:
        names.update(fields[5].strip() for fields in (line.split(maxsplit=5) for line in maps) if len(fields) == 6)
    return sorted(n for n in names if n.startswith(prefix))


def test_setting_a_damaged_journal_aside_stops_the_rebuild_running_on_it(  # type: ignore[no-untyped-def]
        window, bus, qtbot, monkeypatch, no_modal_messages) -> None:
    """The background check finds damage while the health rebuild is inside a long statement
    on the same journal: setting the journal aside stops the rebuild and closes its connection
    first (it used to run on, then die on the re-initialised database, leaving the keeper busy
    for ever and its connection open on the file moved aside)."""
    bus.run(ops.add_contact, "Ada Byron")
    backup.make_backup("manual")
    real_rebuild = health_state.rebuild
    inside = threading.Event()

    def rebuild_in_flight(today):  # type: ignore[no-untyped-def]
        if not inside.is_set():
            inside.set()
            store_db.db.connection().execute(ENDLESS).fetchall()
        real_rebuild(today)

    monkeypatch.setattr(health_state, "rebuild", rebuild_in_flight)
    died: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: died.append(repr(args.exc_value)))
    health_state.invalidate()
    assert window.keeper.ensure_current()
    assert inside.wait(10)
    rebuilding = [t for t in threading.enumerate() if t.name == "health-state"]
    answers = iter([False])  # damaged once; the restored journal is sound
    monkeypatch.setattr(store_db, "quick_check_ok", lambda: next(answers, True))
    started = time.monotonic()
    with qtbot.waitSignal(window.integrity.damaged, timeout=10_000):
        window.integrity.check(bus.path)
    assert time.monotonic() - started < 5  # not the statement's tens of seconds
    assert rebuilding and not any(t.is_alive() for t in rebuilding)  # stopped before the file was set aside
    assert _open_files_on(str(bus.path) + ".corrupt-") == []
    qtbot.waitUntil(lambda: not window.keeper.busy and not window.integrity.busy, timeout=10_000)
    assert health_state.is_current(bus.today())  # the restored journal's own rebuild ran
    assert died == [] and no_modal_messages == []
    names = [n for (n,) in store_db.db.connection().execute("SELECT name FROM contact ORDER BY name")]
    assert names == ["Ada Byron"]


def test_a_check_of_a_journal_left_is_stopped_and_reports_nothing(  # type: ignore[no-untyped-def]
        window, bus, qtbot, tmp_path: Path, monkeypatch, caplog) -> None:
    """Switching journals while the quick_check of the one left is inside SQLite: the switch
    stops it at once, and what it would have said is not said about the journal opened."""
    other = tmp_path / "other.sqlite3"
    store_db.open_journal(other)
    store_db.open_journal(bus.path)
    inside = threading.Event()

    def check_in_flight() -> bool:
        inside.set()
        store_db.db.connection().execute(ENDLESS).fetchall()
        return False  # (never reached: interrupted) would say "damaged"

    monkeypatch.setattr(store_db, "quick_check_ok", check_in_flight)
    damaged: list[str] = []
    window.integrity.damaged.connect(damaged.append)
    window.integrity.check(bus.path)
    assert inside.wait(10)
    checking = [t for t in threading.enumerate() if t.name == "quick-check"]
    monkeypatch.setattr(store_db, "quick_check_ok", lambda: True)
    started = time.monotonic()
    assert window.act.switch_to(other)
    assert time.monotonic() - started < 5
    assert checking and not any(t.is_alive() for t in checking)
    qtbot.waitUntil(lambda: not window.integrity.busy and not window.keeper.busy, timeout=10_000)
    assert damaged == [] and store_db.journal_path() == other and other.exists()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("dealjournal")]
