"""The window checks the journal in the background and handles damage found that way."""

from __future__ import annotations

import importlib
from pathlib import Path

from dealjournal import ops
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
