"""Switching journals and restoring a damaged one while the background work runs, 100 times.

Each cycle switches to journal A, then to D — damaged on disk, so opening it moves it aside and
restores its newest good backup; the restored journal's own background check then reports it
damaged too (simulated), so the window sets it aside and restores the backup once more while the
health rebuild runs on it — then to B. Every switch closes a journal whose background
``quick_check`` and health rebuild were started a moment before (the day moves on each cycle,
so the health state is never current and each opening rebuilds it). Closing the journal must
stop that work and close its connections before the file is replaced or another journal is
opened: the loop must never hang (a watchdog fails the test with every thread's stack instead
of blocking CI), nothing may report "database is locked", no worker may die or be left behind,
no connection may stay open on a damaged file that was moved aside, and the journal left open
must get its own health rebuild.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import logging
import os
import random
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal.health import state as health_state
from dealjournal.safety import backup
from dealjournal.store.backup_files import check_file

store_db = importlib.import_module("dealjournal.store.db")

CYCLES = 100
CONTACTS = 300  # big enough that the check and the rebuild are still running at the next switch
STALL_S = 20.0  # no cycle may take this long: the watchdog dumps every thread and fails the test
HARD_S = 150.0  # last resort: still stuck (in C, out of reach of the soft watchdog) -> dump and exit
WORKERS = ("quick-check", "health-state")
LOCKED = ("database is locked", "database table is locked", "in use by another program")
# What a damaged journal opened on purpose logs, every cycle.
EXPECTED_WARNINGS = ("quick_check found", "The journal is damaged", "Cannot open the journal: CorruptJournal",
                     "The background integrity check found the journal damaged")


class Hung(Exception):
    """Raised in the main thread by the watchdog."""


def thread_dumps() -> str:
    frames = sys._current_frames()
    out = []
    for thread in threading.enumerate():
        frame = frames.get(thread.ident or -1)
        stack = "".join(traceback.format_stack(frame)) if frame is not None else "  (no frame)\n"
        out.append(f"--- thread {thread.name!r} (daemon={thread.daemon}):\n{stack}")
    return "\n".join(out)


class Watchdog:
    """Fails the test (with every thread's stack) when the main thread makes no progress.

    Soft: a signal to the main thread raises :class:`Hung` there as soon as it runs Python
    again (a blocking call returns with EINTR). Hard: should the main thread stay stuck inside
    C code, faulthandler dumps every thread and ends the process, so CI never waits forever.
    """

    def __init__(self, stall_s: float, hard_s: float) -> None:
        self.stall_s = stall_s
        self.seen = time.monotonic()
        self.dumps = ""
        self._stop = threading.Event()
        self._main = threading.main_thread().ident
        self._previous = signal.signal(signal.SIGUSR1, self._raise)
        faulthandler.dump_traceback_later(hard_s, exit=True)
        self._thread = threading.Thread(target=self._watch, name="watchdog", daemon=True)
        self._thread.start()

    def progress(self) -> None:
        self.seen = time.monotonic()

    def _raise(self, signum: int, frame: object) -> None:
        raise Hung(f"no progress for {self.stall_s:.0f} s; every thread:\n{self.dumps}")

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            if time.monotonic() - self.seen > self.stall_s:
                self.dumps = thread_dumps()
                assert self._main is not None
                signal.pthread_kill(self._main, signal.SIGUSR1)
                return

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGUSR1, self._previous)


@pytest.fixture
def watchdog() -> Iterator[Watchdog]:
    if not hasattr(signal, "pthread_kill"):
        pytest.skip("the watchdog needs POSIX signals")
    dog = Watchdog(STALL_S, HARD_S)
    yield dog
    dog.close()


def _build(path: Path, contacts: int) -> None:
    from dealjournal.health import touches

    rng = random.Random(11)
    today = date.today()
    db = store_db.open_journal(path)
    conn = db.connection()
    with db.atomic():
        conn.executemany("INSERT INTO contact (id, name, company, notes, stage, created_on) VALUES (?,?,?,?,?,?)",
                         [(i, f"Person {i}", f"Company {i % 97}", "n" * 200, "lead", "2025-06-01")
                          for i in range(1, contacts + 1)])
        rows = []
        for i in range(1, contacts + 1):
            for _ in range(rng.randint(0, 4)):
                day = (today - timedelta(days=rng.randint(0, 400))).isoformat()
                rows.append((i, day, day, "email", rng.choice(["in", "out", "mutual"])))
        conn.executemany("INSERT INTO interaction (contact_id, at, day, kind, direction) VALUES (?,?,?,?,?)", rows)
        touches.refresh(None)
    store_db.close_journal()


def _damage_in_place(path: Path) -> None:
    """Overwrite three pages in the middle of the file, as a failing disk would (same file)."""
    middle = path.stat().st_size // 2 // 4096 * 4096
    with path.open("r+b") as fh:
        fh.seek(middle)
        fh.write(b"\xa5" * (3 * 4096))


def _open_files(folder: Path) -> list[str]:
    """The files under *folder* that this process has open or mapped (Linux; [] elsewhere)."""
    names: set[str] = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                names.add(os.readlink(f"/proc/self/fd/{fd}"))
    with contextlib.suppress(OSError), open("/proc/self/maps", encoding="utf-8") as maps:
        names.update(fields[5].strip() for fields in (line.split(maxsplit=5) for line in maps) if len(fields) == 6)
    return sorted(n for n in names if n.startswith(str(folder)))


def test_restore_and_switch_100_times_with_background_work(window, tmp_path: Path, qtbot, caplog,  # type: ignore[no-untyped-def]
                                                          monkeypatch, no_modal_messages, watchdog) -> None:
    caplog.set_level(logging.DEBUG, logger="dealjournal")
    window.open_backup_timer.stop()
    folder = tmp_path / "journals"
    folder.mkdir()
    a, b, d = folder / "a.sqlite3", folder / "b.sqlite3", folder / "d.sqlite3"
    _build(a, CONTACTS)
    shutil.copyfile(a, b)
    shutil.copyfile(a, d)
    store_db.open_journal(d)
    good = backup.make_backup("manual").path
    store_db.close_journal()
    _damage_in_place(d)
    store_db.open_journal(window.bus.path)

    day = [date.today()]
    monkeypatch.setattr(window.bus, "today", lambda: day[0])  # a new day each cycle: the state is never current
    monkeypatch.setattr(window.act, "remember_recent", lambda path: None)  # File ▸ Open Recent: not tested here
    failures: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(
        f"{args.thread.name if args.thread else '?'}: {args.exc_type.__name__}: {args.exc_value}"))
    stopped = {name: 0 for name in WORKERS}  # closings that found that worker still running
    real_stop = store_db._stop_background

    def stop_background() -> None:
        with store_db._background:
            running = {w.thread.name for w in store_db._workers.values()}
        for name in running:
            if name in stopped:
                stopped[name] += 1
        real_stop()

    monkeypatch.setattr(store_db, "_stop_background", stop_background)

    # The restored journal's own background check then finds it damaged too (simulated, once a
    # cycle): the window sets it aside and restores the backup again, with the rebuild in flight.
    damage_found = threading.Event()
    real_check = store_db.quick_check_ok

    def quick_check_ok() -> bool:
        if threading.current_thread().name == "quick-check" and store_db.journal_path() == d \
                and damage_found.is_set():
            damage_found.clear()
            return False
        return real_check()

    monkeypatch.setattr(store_db, "quick_check_ok", quick_check_ok)
    handled = [0]
    window.integrity.damaged.connect(lambda _path: handled.__setitem__(0, handled[0] + 1))  # after the window's slot

    started = time.monotonic()
    for cycle in range(CYCLES):
        day[0] += timedelta(days=1)
        assert window.act.switch_to(a), f"cycle {cycle}: switching to A"
        watchdog.progress()
        damage_found.set()
        assert window.act.switch_to(d), f"cycle {cycle}: switching to the damaged journal"
        assert window.bus.path == d and store_db.journal_path() == d
        qtbot.waitUntil(lambda: handled[0] > cycle, timeout=int(STALL_S * 1000) // 2)
        assert store_db.journal_path() == d and not store_db.db.is_closed()
        watchdog.progress()
        assert window.act.switch_to(b), f"cycle {cycle}: switching to B"
        watchdog.progress()
        moved = sorted(folder.glob("d.sqlite3.corrupt-*"))
        assert moved, f"cycle {cycle}: the damaged journal was not moved aside (so not restored)"
        held = [name for name in _open_files(folder) if ".corrupt-" in name]
        assert not held, f"cycle {cycle}: still open on the damaged file set aside: {held}"
        for path in moved:
            path.unlink()
        _damage_in_place(d)  # for the next cycle (nothing has it open: only B is open)
    loop_s = time.monotonic() - started

    qtbot.waitUntil(lambda: not window.keeper.busy and not window.integrity.busy, timeout=15_000)
    for thread in threading.enumerate():
        if thread.name in WORKERS:
            thread.join(timeout=15)
    alive = [t.name for t in threading.enumerate() if t.name in WORKERS]
    assert not alive, f"background work still running after the loop: {alive}\n{thread_dumps()}"

    # The journal left open got a rebuild of its own (not skipped for one still running elsewhere).
    assert health_state.is_current(day[0]), "the open journal's health state was not rebuilt"

    logs = [r for r in caplog.records if r.name.startswith("dealjournal")]
    locked = [r.getMessage() for r in logs if any(text in r.getMessage() for text in LOCKED)
              or (r.exc_info and any(text in str(r.exc_info[1]) for text in LOCKED))]
    assert not locked, locked[:5]
    unexpected = [r.getMessage() for r in logs if r.levelno >= logging.WARNING
                  and not r.getMessage().startswith(EXPECTED_WARNINGS)]
    assert not unexpected, unexpected[:5]
    assert not failures, failures[:5]
    assert not no_modal_messages, no_modal_messages[:5]
    restored = [r for r in logs if r.getMessage().startswith("Restored the newest good backup")]
    assert len(restored) == 2 * CYCLES  # on opening the damaged file, and after the background check
    # The background work really was in flight when the journals closed under it.
    assert stopped["quick-check"] >= CYCLES // 4 and stopped["health-state"] >= CYCLES // 4, stopped
    # Nothing was damaged by the stopped work: every journal and the backup pass integrity_check.
    store_db.close_journal()
    for path in (a, b, good):
        assert check_file(path) == [], path
    print(f"{CYCLES} cycles in {loop_s:.1f} s; closings that stopped running work: {stopped}")
