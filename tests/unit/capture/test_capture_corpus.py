"""Every real export under ../shared/realdata/capture/ captures cleanly (or, for a damaged file,
is refused with a message naming it), and a second capture adds nothing (the readers' tests
name the expected turns per counterpart)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from dealjournal.capture import CaptureFormatError, CapturePlan, DateOrderUnknown, Me, apply_capture, plan_capture
from dealjournal.store.db import db

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("DEALJOURNAL_REALDATA", REPO.parent / "shared" / "realdata")) / "capture"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md" and not p.name.startswith(".")) \
    if CORPUS.is_dir() else []
NOW = datetime(2026, 12, 3, 12, 0)


@pytest.mark.realdata
@pytest.mark.skipif(not FILES, reason="../shared/realdata/capture is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_real_export_captures_once(journal: Path, path: Path) -> None:
    captures_once(path)


def captures_once(path: Path) -> None:
    """Capture *path* with Me as the file says and everyone in it added, then again: nothing new."""
    def plan(me: Me) -> CapturePlan:
        try:
            return plan_capture([path], me, now=NOW)
        except DateOrderUnknown:
            return plan_capture([path], me, now=NOW, day_first=True)

    try:
        first = plan(Me.parse([]))
    except CaptureFormatError as exc:  # a damaged or foreign file (fuzz cases): a clear word, nothing written
        assert path.name in str(exc)
        assert db.connection().execute("SELECT count(*) FROM interaction").fetchone() == (0,)
        return
    hints = [h for f in first.files for h in f.me_hints]
    me = Me.parse(hints)
    found = plan(me)
    everyone = [p.key for f in found.files for p in f.unmatched]
    outcome = apply_capture(found, add=everyone)
    again = plan(me)
    assert sum(f.added for f in again.files) == 0
    assert sum(f.already_there for f in again.files) == outcome.added


FIXTURES = Path(__file__).resolve().parents[1] / "conversations" / "fixtures"
QUIRKS = sorted(p for p in FIXTURES.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", QUIRKS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_each_quirk_fixture_captures_once(journal: Path, path: Path, local_tz: str) -> None:
    """The readers' own fixtures (their counts are named in the readers' tests): everyone in
    them added as contacts, then a second capture adds nothing."""
    captures_once(path)
