"""Fixtures of the sync tests: a real Syncthing cluster on 127.0.0.1, started by the test
(tests/sync/syncthing.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.syncthing import TIMINGS, Cluster, find_binary


@pytest.fixture
def syncthing_cluster(tmp_path: Path) -> Iterator[Cluster]:
    """Three running Syncthing instances sharing one folder (``cluster.folder(i)``), all
    connected; stopped afterwards whatever the test did. Skipped, with the reason printed,
    only when there is no syncthing binary."""
    if find_binary() is None:
        named = os.environ.get("DEALJOURNAL_SYNCTHING")
        where = f"DEALJOURNAL_SYNCTHING={named} is no executable" if named else "no `syncthing` on PATH"
        reason = (f"Syncthing is not installed ({where}): apt-get install syncthing "
                  "(its system service stays unused) to run the sync tests")
        print(f"\nSKIPPED: {reason}")
        pytest.skip(reason)
    cluster = Cluster.start(tmp_path / "syncthing", n=3)
    try:
        print(f"\nSyncthing {cluster.version}: " + ", ".join(
            f"#{st.index} api {st.api_port} sync {st.sync_port}" for st in cluster.instances)
            + f"; homes and logs in {cluster.root}")
        yield cluster
    finally:
        cluster.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The rounds' times (tests/sync/syncthing.py: report), so they show without -s."""
    if TIMINGS:
        terminalreporter.write_sep("-", "syncthing rounds")
        for what, seconds in TIMINGS:
            terminalreporter.write_line(f"{seconds:6.2f} s  {what}")
