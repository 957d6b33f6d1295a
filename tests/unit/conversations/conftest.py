"""Where the conversation readers' tests find their files (``local_tz`` is in tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("DEALJOURNAL_REALDATA", REPO.parent / "shared" / "realdata")) / "capture"


def corpus_files(kind: str = "") -> list[Path]:
    """The real files under ../shared/realdata/capture/[<kind>/], recursively (none when absent)."""
    folder = CORPUS / kind if kind else CORPUS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.name != "SOURCES.md" and not p.name.startswith("."))
