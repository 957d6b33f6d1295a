"""Fixtures of the sync core's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_net import Net


@pytest.fixture
def net(tmp_path: Path) -> Net:
    """Devices with their own sync folders (or a shared one), and a sync service between them."""
    return Net(tmp_path)
