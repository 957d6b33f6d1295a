"""Test setup shared by every test: no display needed, one fresh journal per test."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display Qt aborts the whole process; tests that need a real X server opt in.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DEALJOURNAL_DB", None)

REPO = Path(__file__).resolve().parents[1]
REALDATA = Path(os.environ.get("DEALJOURNAL_REALDATA", REPO.parent / "shared" / "realdata"))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Path]:
    """An empty journal open in this process; its path."""
    from dealjournal.store import close_journal, open_journal

    path = tmp_path / "journal.sqlite3"
    open_journal(path)
    yield path
    close_journal()


@pytest.fixture
def local_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test in Europe/Berlin (UTC+1 in winter, +2 in summer), so that conversions
    to local time are visible; restored afterwards."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield "Europe/Berlin"
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep platformdirs (data, config, QSettings) away from the real user's folders."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(var, str(home / sub))
