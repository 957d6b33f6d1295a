"""A journal and the real main window on it, for tests that drive the window as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dealjournal.gui import messages


@pytest.fixture
def bus(journal: Path, qapp):  # type: ignore[no-untyped-def]
    from dealjournal.gui import i18n
    from dealjournal.gui.app import make_application
    from dealjournal.gui.bus import JournalBus

    i18n.install("en", make_application())  # English, with its plural forms, whatever the machine's locale
    return JournalBus(journal)


@pytest.fixture
def window(bus, qtbot):  # type: ignore[no-untyped-def]
    """The main window on the test's journal, shown (offscreen)."""
    import importlib

    import shiboken6

    from dealjournal.gui.mainwindow import MainWindow

    store_db = importlib.import_module("dealjournal.store.db")
    win = MainWindow(bus)
    win.show()
    idle = lambda: win.started and not win.keeper.busy and not win.integrity.busy  # noqa: E731
    qtbot.waitUntil(idle, timeout=10_000)
    yield win
    # Background work of this window must not run on into the next test's journal (closing or
    # replacing a journal stops the work on it: a check or rebuild still going is a bug). The
    # window is closed here, not by qtbot.addWidget: pytest-qt closes and deletes its widgets
    # before fixtures end, and a deleted window never hears that its work has finished.
    try:
        if shiboken6.isValid(win):
            qtbot.waitUntil(lambda: not win.keeper.busy and not win.integrity.busy, timeout=20_000)
        qtbot.waitUntil(lambda: store_db.background_connections() == 0, timeout=20_000)
    except qtbot.TimeoutError:
        state = (f"health rebuild running: {win.keeper.busy}, integrity check running: {win.integrity.busy}, "
                 if shiboken6.isValid(win) else "")
        pytest.fail(f"background journal work still running 20 s after the test ({state}"
                    f"background connections: {store_db.background_connections()}):\n" + thread_stacks())
    finally:
        if shiboken6.isValid(win):
            win.close()
            win.deleteLater()
        qtbot.wait(0)


def thread_stacks() -> str:
    """Every thread's Python stack, for a failure that something did not end."""
    import sys
    import threading
    import traceback

    frames = sys._current_frames()
    return "\n".join(f"--- {t.name}:\n" + "".join(traceback.format_stack(frames[t.ident]))
                     for t in threading.enumerate() if t.ident in frames)


@pytest.fixture(autouse=True)
def no_modal_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Modal messages would block a test: record them instead (a test may assert on them)."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": True)
    yield shown


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread() -> Iterator[None]:
    """Free the Qt objects a test left behind now, on this thread.

    Otherwise Python's garbage collector may run later inside a worker thread (the import
    wizard's, the health rebuild's) and destroy them there; Qt then warns that their timers
    cannot be stopped from another thread.
    """
    yield
    import gc

    gc.collect()


@pytest.fixture(autouse=True)
def _background_work_ends_with_its_test() -> Iterator[None]:
    """A test's worker threads (health rebuild, quick check, an import's, capture's or fetch's
    job) end before the next test opens its journal: the store's connection is global, so a
    worker still running would read or write the next test's file."""
    yield
    import threading

    names = ("health-state", "quick-check", "dealjournal-")
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.name.startswith(names):
            thread.join(timeout=20)
    left = [t.name for t in threading.enumerate() if t.name.startswith(("health-state", "quick-check"))]
    assert not left, f"background journal work still running 20 s after the test: {left}\n{thread_stacks()}"
