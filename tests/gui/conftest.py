"""A journal and the real main window on it, for tests that drive the window as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dealjournal.gui import messages


@pytest.fixture
def bus(journal: Path, qapp):  # type: ignore[no-untyped-def]
    from dealjournal.gui.app import make_application
    from dealjournal.gui.bus import JournalBus

    make_application()
    return JournalBus(journal)


@pytest.fixture
def window(bus, qtbot):  # type: ignore[no-untyped-def]
    """The main window on the test's journal, shown (offscreen)."""
    from dealjournal.gui.mainwindow import MainWindow

    win = MainWindow(bus)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.started and not win.keeper.busy, timeout=10_000)
    return win


@pytest.fixture(autouse=True)
def no_modal_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Modal messages would block a test: record them instead (a test may assert on them)."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda parent, text, action, detail="": True)
    yield shown
