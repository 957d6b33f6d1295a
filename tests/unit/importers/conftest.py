"""Shared fixtures for the importer tests: hand-made fixture files and the
optional folder of real exported files (``../shared/realdata`` beside the
repository, or ``$DEALJOURNAL_REALDATA``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def realdata_root() -> Path:
    """Where the real exported files live (may not exist)."""
    override = os.environ.get("DEALJOURNAL_REALDATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3].parent / "shared" / "realdata"


@pytest.fixture
def fixture_bytes():
    """Return the bytes of a hand-made fixture file by name."""

    def read(name: str) -> bytes:
        return (FIXTURES / name).read_bytes()

    return read


@pytest.fixture
def realdata_dir() -> Path:
    """The real-data folder, skipping the test when it is absent."""
    root = realdata_root()
    if not root.is_dir():
        pytest.skip("real data folder not available")
    return root


@pytest.fixture
def realdata():
    """Return the bytes of a real exported file, skipping when absent."""

    def read(relative: str) -> bytes:
        path = realdata_root() / relative
        if not path.is_file():
            pytest.skip(f"real data file not available: {relative}")
        return path.read_bytes()

    return read
