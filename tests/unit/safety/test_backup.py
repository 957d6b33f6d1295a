"""Backups: taken when the journal changed, checked, thinned with a fake clock, restored."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.errors import StoreError
from dealjournal.safety import backup
from dealjournal.safety.backup import Policy
from dealjournal.store import close_journal, db, open_journal
from dealjournal.store.db import changed_since_backup

NOW = datetime(2026, 11, 22, 15, 30)


def _dump(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every table's rows, in order: two journals with equal dumps hold the same data."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'contact_fts_%' ORDER BY name")]
        return [(t, conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]
    finally:
        conn.close()


def test_backup_is_named_checked_private_and_listed(journal: Path) -> None:
    ops.add_contact("Ada Byron")
    ops.add_contact("Grace Hopper")
    made = backup.make_backup("manual", now=NOW)
    assert made.path.parent == journal.with_name("journal.sqlite3.backups")
    assert made.path.name == "journal.2026-11-22_153000.manual.sqlite3"
    assert made.taken_at == NOW and made.contacts == 2 and made.size == made.path.stat().st_size
    assert backup.check_file(made.path) == []
    if os.name == "posix":
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    again = backup.make_backup("manual", now=NOW)  # same second: a second file, not an overwrite
    assert again.path.name == "journal.2026-11-22_153000_2.manual.sqlite3"
    assert [b.path for b in backup.list_backups()] == [again.path, made.path]
    assert not list(made.path.parent.glob(".*.tmp"))


def test_reason_is_reduced_to_safe_characters(journal: Path) -> None:
    made = backup.make_backup("../Before Import!/x", now=NOW)
    assert made.path.name == "journal.2026-11-22_153000.before-import-x.sqlite3"
    assert made.path.parent == journal.with_name("journal.sqlite3.backups")


def test_backup_if_changed_only_after_a_change(journal: Path) -> None:
    assert backup.backup_if_changed(now=NOW) is None  # an empty, unchanged journal
    ops.add_contact("Ada Byron")
    assert changed_since_backup()
    first = backup.backup_if_changed(now=NOW)
    assert first is not None and not changed_since_backup()
    assert backup.backup_if_changed(now=NOW + timedelta(minutes=30)) is None
    ops.add_contact("Grace Hopper")
    second = backup.backup_if_changed(now=NOW + timedelta(minutes=60))
    assert second is not None and second.contacts == 2


def test_a_rolled_back_change_is_not_a_change(journal: Path) -> None:
    ops.add_contact("Ada Byron")
    backup.make_backup(now=NOW)
    with pytest.raises(ZeroDivisionError), db.atomic():
        ops.add_contact("Grace Hopper")
        raise ZeroDivisionError
    assert not changed_since_backup()
    assert backup.backup_if_changed(now=NOW) is None


def test_derived_data_and_backup_settings_are_not_changes(journal: Path) -> None:
    from dealjournal.domain import today
    from dealjournal.health import state as health_state

    ops.add_contact("Ada Byron")
    backup.make_backup(now=NOW)
    health_state.rebuild(today())
    backup.set_policy(Policy(daily=3, weekly=2, monthly=6))
    assert not changed_since_backup()
    assert backup.policy() == Policy(daily=3, weekly=2, monthly=6)


def test_change_flag_survives_closing_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    backup.make_backup(now=NOW)
    ops.add_contact("Grace Hopper")  # then the app dies before its closing backup
    close_journal()
    open_journal(path)
    assert changed_since_backup()
    assert backup.backup_if_changed(now=NOW + timedelta(hours=1)) is not None
    close_journal()
    open_journal(path)
    assert not changed_since_backup()
    assert backup.backup_if_changed(now=NOW + timedelta(hours=2)) is None
    close_journal()


def test_a_journal_never_backed_up_is_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    db.connection().execute("DELETE FROM setting WHERE key = 'backup.changed'")  # e.g. an old version's file
    close_journal()
    open_journal(path)
    assert backup.backup_if_changed(now=NOW) is not None
    close_journal()


def test_backup_to_another_folder_is_not_thinned(journal: Path, tmp_path: Path) -> None:
    ops.add_contact("Ada Byron")
    outside = tmp_path / "usb"
    for days in range(40):
        backup.make_backup(folder=outside, now=NOW - timedelta(days=days))
    assert len(backup.list_backups(folder=outside)) == 40
    assert changed_since_backup()  # a copy elsewhere does not count as the journal's backup


def test_backup_before_skips_an_empty_journal(journal: Path) -> None:
    assert backup.backup_before("import", now=NOW) is None
    ops.add_contact("Ada Byron")
    made = backup.backup_before("import", now=NOW)
    assert made is not None and made.reason == "before-import"


def test_a_backup_failing_its_check_is_deleted_and_reported(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dealjournal.safety.backup as module

    ops.add_contact("Ada Byron")
    monkeypatch.setattr(module, "check_file", lambda path: ["*** in database main *** Page 3: btreeInitPage() error"])
    with pytest.raises(backup.BackupError, match="failed its integrity check and was deleted"):
        backup.make_backup(now=NOW)
    assert list(journal.with_name("journal.sqlite3.backups").iterdir()) == []
    assert changed_since_backup()  # still to be backed up


# --- thinning, with a fake clock -----------------------------------------------------------

def _stamps(start: datetime, end: datetime, every: timedelta) -> list[datetime]:
    out, t = [], start
    while t <= end:
        out.append(t)
        t += every
    return out


def test_thinning_keeps_today_7_days_4_weeks_12_months() -> None:
    now = datetime(2026, 11, 22, 18, 0)  # a Sunday
    stamps = _stamps(datetime(2024, 1, 1, 9, 0), now, timedelta(hours=6))
    kept = sorted(backup.to_keep(stamps, now, Policy()))
    today = [s for s in kept if s.date() == now.date()]
    assert today == [s for s in stamps if s.date() == now.date()]  # all of today
    before = [s for s in kept if s.date() < now.date()]
    days = {s.date() for s in before}
    for n in range(1, 8):  # the newest of each of the 7 days before today
        assert max(s for s in stamps if s.date() == now.date() - timedelta(days=n)) in before
    assert all(len([s for s in before if s.date() == d]) == 1 for d in days)
    weeks = {s.isocalendar()[:2] for s in kept}
    assert len(weeks) >= 4
    months = sorted({(s.year, s.month) for s in kept})
    assert len(months) == 12 and months[-1] == (2026, 11) and months[0] == (2025, 12)
    assert len(kept) <= len(today) + 7 + 4 + 12


def test_thinning_after_a_long_break_keeps_the_last_backups() -> None:
    old = [datetime(2025, 3, d, 12, 0) for d in range(1, 29)]
    kept = backup.to_keep(old, datetime(2026, 11, 22, 9, 0), Policy())
    assert max(old) in kept and len(kept) >= 7


def test_thin_deletes_files_with_a_fake_clock(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dealjournal.safety.backup as module

    ops.add_contact("Ada Byron")
    monkeypatch.setattr(module, "_write_checked", lambda tmp: tmp.write_bytes(b"x"))  # only thinning matters here
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(120):  # three backups a day for 120 days, thinned as they are taken
        for hour in (9, 13, 17):
            backup.make_backup("auto", now=start + timedelta(days=day, hours=hour - 9))
    now = start + timedelta(days=119, hours=8)
    stamps = [b.taken_at for b in backup.list_backups()]
    assert stamps == sorted(backup.to_keep(stamps, now, Policy()), reverse=True)
    assert sum(s.date() == now.date() for s in stamps) == 3
    assert len(stamps) <= 3 + 7 + 4 + 12


def test_policy_from_journal_settings(journal: Path) -> None:
    ops.add_contact("Ada Byron")
    backup.set_policy(Policy(daily=2, weekly=0, monthly=0))
    start = datetime(2026, 3, 1, 12, 0)
    for day in range(10):
        backup.make_backup(now=start + timedelta(days=day))
    assert [b.taken_at.day for b in backup.list_backups()] == [10, 9, 8]


# --- restore -------------------------------------------------------------------------------

def test_restore_round_trip_gives_an_identical_journal(journal: Path) -> None:
    from dealjournal.ops import sample as demo

    demo_path = journal.with_name("demo.sqlite3")
    close_journal()
    demo.write_demo(demo_path)
    open_journal(demo_path)
    made = backup.make_backup(now=NOW)
    before = _dump(demo_path)
    first = db.connection().execute("SELECT min(id) FROM contact").fetchone()[0]
    ops.delete_contact(first)
    ops.add_contact("Someone New")
    safety = backup.restore(made.path, now=NOW + timedelta(minutes=5))
    assert not db.is_closed()
    close_journal()
    assert _dump(demo_path) == before
    assert safety is not None and safety.reason == "before-restore" and safety.contacts == made.contacts
    open_journal(demo_path)
    from dealjournal.safety import check

    assert check.problems() == []
    close_journal()


def test_restore_refuses_a_damaged_backup_and_leaves_the_journal(journal: Path, tmp_path: Path) -> None:
    ops.add_contact("Ada Byron")
    made = backup.make_backup(now=NOW)
    close_journal()
    data = bytearray(made.path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 8192] = os.urandom(8192)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(bytes(data))
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello")
    open_journal(journal)
    before = _dump(journal)
    for candidate in (bad, not_sqlite, tmp_path / "missing.sqlite3", journal):
        with pytest.raises(StoreError):
            backup.restore(candidate)
        assert not db.is_closed()
    close_journal()
    assert _dump(journal) == before
    assert not list(journal.parent.glob(".*restoring*"))


def test_restore_when_no_journal_is_open(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    made = backup.make_backup(now=NOW)
    ops.add_contact("Grace Hopper")
    close_journal()
    backup.restore(made.path, journal=path, now=NOW)
    assert db.connection().execute("SELECT name FROM contact").fetchall() == [("Ada Byron",)]
    close_journal()
    # and onto a journal that is missing altogether
    path.unlink()
    backup.restore(made.path, journal=path, now=NOW)
    assert db.connection().execute("SELECT count(*) FROM contact").fetchone()[0] == 1
    close_journal()


def test_changes_made_by_another_thread_count_for_the_next_backup(tmp_path: Path) -> None:
    import threading

    from dealjournal import ops
    from dealjournal.safety import backup
    from dealjournal.store import close_journal, open_journal
    from dealjournal.store.db import changed_since_backup, db

    open_journal(tmp_path / "j.sqlite3")
    try:
        ops.add_contact("Ann")
        backup.make_backup("manual")
        assert not changed_since_backup()

        def worker() -> None:  # as the import wizard's worker thread writes
            from dealjournal import interchange

            db.connect(reuse_if_open=True)
            try:
                interchange.import_document({"format": "dealjournal", "version": 1,
                                             "contacts": [{"id": "c1", "name": "Bea"}]})
            finally:
                db.close()

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert changed_since_backup()
        assert backup.backup_if_changed("auto") is not None
    finally:
        close_journal()
