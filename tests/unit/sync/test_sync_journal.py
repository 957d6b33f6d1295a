"""The store side of sync (dealjournal.sync.journal, .tables, .mapping): what the triggers note,
what a pass publishes and applies, and that a pass that fails leaves the journal as it was."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from dealjournal import interchange, ops
from dealjournal.store import close_journal, db, open_journal
from dealjournal.store.db import connection_for_thread
from dealjournal.sync import changefile
from dealjournal.sync import journal as sj
from dealjournal.sync import mapping


@pytest.fixture
def world(tmp_path: Path) -> Any:
    folder = tmp_path / "Sync"
    folder.mkdir()

    class World:
        def __init__(self) -> None:
            self.folder = folder

        def use(self, name: str) -> None:
            close_journal()
            open_journal(tmp_path / f"{name}.sqlite3", create=True)

        def sync(self, name: str) -> sj.SyncReport:
            self.use(name)
            return sj.sync(folder, name)

        def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
            return list(db.connection().execute(sql, params).fetchall())

        def export(self) -> str:
            doc = interchange.export_document()
            doc.pop("exported_at")
            return json.dumps(doc, sort_keys=True)

    yield World()
    close_journal()


def test_nothing_is_noted_before_sync_is_used_then_every_connection_is(world: Any) -> None:
    world.use("a")
    cid = ops.add_contact("Anna", emails=[("work", "anna@example.com")]).id
    assert world.rows("SELECT count(*) FROM sync_dirty") == [(0,)]
    world.sync("a")
    assert world.rows("SELECT count(*) FROM sync_dirty") == [(0,)]

    def worker() -> None:            # capture and imports write from worker threads
        with connection_for_thread():
            ops.log_interaction(cid, kind="call", direction="out", summary="from a thread")
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    dirty = world.rows("SELECT tbl FROM sync_dirty")
    assert ("interaction",) in dirty
    ops.snooze_contact(cid, "2030-01-01")
    assert ("contact",) in world.rows("SELECT tbl FROM sync_dirty")
    report = sj.sync(world.folder)
    assert report.published_files == 1 and world.rows("SELECT count(*) FROM sync_dirty") == [(0,)]
    world.sync("b")
    assert world.rows("SELECT summary FROM interaction") == [("from a thread",)]
    assert world.rows("SELECT until_day FROM snooze") == [("2030-01-01",)]
    assert world.rows("SELECT count(*) FROM sync_dirty") == [(0,)]     # applying is not a local change


def test_every_kind_of_record_travels_and_the_exports_are_the_same(world: Any) -> None:
    world.use("a")
    cid = ops.add_contact("Ada Byron", company="Analytical", emails=[("work", "ada@example.com")],
                          phones=[("mobile", "+44 1")], tags=["fintech", "vip"], cadence_days=20).id
    ops.set_stage(cid, "engaged", on="2026-02-01")
    ops.add_channel(cid, "linkedin", handle="ada", following_since="2026-01-11", follows_back="yes")
    goal = ops.add_goal(cid, "Faster close", priority="high").id
    item = ops.add_content("Closing the books", kind="video", topics=["finance"]).id
    ops.record_share(item, [cid], on="2026-02-03", goal_id=goal)
    ops.log_interaction(cid, kind="meeting", direction="mutual", at="2026-02-01T10:30", goal_id=goal,
                        follow_up_on="2026-02-15")
    ops.add_reminder(cid, "2026-12-05", "Send the proposal")
    ops.update_settings(window_days=90)
    world.sync("a")
    world.sync("b")
    expected = None
    for name in ("a", "b"):
        world.use(name)
        export = world.export()
        expected = expected or export
        assert export == expected
    doc = json.loads(expected)
    assert doc["settings"]["window_days"] == 90 and len(doc["shares"]) == 1 and doc["reminders"]


def test_a_failed_pass_leaves_the_journal_as_it_was(world: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    world.use("a")
    ops.add_contact("Anna")
    world.sync("a")
    world.use("b")
    ops.add_contact("Jonas")
    before = (world.export(), world.rows("SELECT key, value FROM sync_meta WHERE key <> 'folder'"))

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(changefile, "write", full)
    with pytest.raises(sj.SyncError, match="No space left"):
        sj.sync(world.folder, "b")
    assert (world.export(), world.rows("SELECT key, value FROM sync_meta WHERE key <> 'folder'")) == before
    monkeypatch.undo()
    sj.sync(world.folder, "b")
    assert {r[0] for r in world.rows("SELECT name FROM contact")} == {"Anna", "Jonas"}


def test_a_damaged_file_is_skipped_and_reported(world: Any) -> None:
    world.use("a")
    ops.add_contact("Anna")
    world.sync("a")
    bad = world.folder / "changes" / "zzzzzzzz" / "1.jsonl"
    bad.parent.mkdir()
    body = b'{"v":1,"d":"zzzzzzzz","s":1}\n["x"]\n'
    import hashlib

    from dealjournal.sync.ids import b64
    bad.write_bytes(body + b'{"h":"' + b64(hashlib.sha256(body).digest()[:16]).encode() + b'"}\n')
    report = world.sync("b")
    assert report.malformed == ["changes/zzzzzzzz/1.jsonl"]
    assert world.rows("SELECT name FROM contact") == [("Anna",)]


def test_own_files_deleted_from_the_folder_are_written_again(world: Any) -> None:
    world.use("a")
    ops.add_contact("Paul")
    report = world.sync("a")
    files = list((world.folder / "changes" / report.device).iterdir())
    data = {p: p.read_bytes() for p in files}
    for p in files:
        p.unlink()
    again = world.sync("a")
    assert again.republished == len(files)
    assert {p: p.read_bytes() for p in files} == data


def test_derived_gids_are_the_same_everywhere() -> None:
    assert mapping.seen_gid("g1", "<m@x>") == mapping.seen_gid("g1", "<m@x>") != mapping.seen_gid("g2", "<m@x>")
    assert len(mapping.alias_gid("name:Ada")) == 22


def test_captured_keys_and_aliases_travel_and_follow_a_merge(world: Any) -> None:
    world.use("a")
    cid = ops.add_contact("Ada").id
    with db.atomic():
        db.connection().execute("INSERT INTO capture_seen (contact_id, key) VALUES (?, '<m1@x>')", (cid,))
        db.connection().execute("INSERT INTO capture_alias (identity, contact_id) VALUES ('name:ada', ?)", (cid,))
    world.sync("a")
    world.sync("b")
    assert world.rows("SELECT key FROM capture_seen") == [("<m1@x>",)]
    assert world.rows("SELECT identity FROM capture_alias") == [("name:ada",)]
    other = ops.add_contact("Ada B").id
    sj.merge_contacts(world.rows("SELECT id FROM contact WHERE name = 'Ada'")[0][0], other)
    world.sync("b")
    world.sync("a")
    assert world.rows("SELECT c.name, s.key FROM capture_seen s JOIN contact c ON c.id = s.contact_id") == [
        ("Ada B", "<m1@x>")]
    a = world.export()
    world.use("b")
    assert world.export() == a


def test_status_names_the_settings_the_last_pass_and_the_computers_seen(world: Any, tmp_path: Path) -> None:
    world.use("a")
    before = sj.status()
    assert (before.folder, before.device, before.last_sync, before.devices, before.auto) == (None, None, None, [], True)
    with pytest.raises(sj.SyncError, match="does not exist"):
        sj.save_settings(tmp_path / "nowhere", "Laptop")
    assert sj.status().folder is None  # refused: nothing saved
    sj.save_settings(world.folder, "  Laptop ", auto=False)
    saved = sj.status()
    assert (saved.folder, saved.device_name, saved.auto) == (str(world.folder.resolve()), "Laptop", False)
    ops.add_contact("Anna")
    sj.sync()  # the saved folder and name
    world.sync("b")
    world.use("a")
    sj.sync()
    now = sj.status()
    assert now.last_sync is not None and len(now.last_sync) == len("2026-12-03 14:02:11")
    assert [(d.name, d.this) for d in now.devices] == [("Laptop", True), ("b", False)]
    assert now.devices[1].files >= 1
    sj.save_settings(None, None)  # sync off: the folder is forgotten, the device stays
    assert sj.status().folder is None and sj.status().device == now.device


def test_contact_issues_counts_the_conflicts_of_a_contact_and_its_rows(world: Any) -> None:
    world.use("a")
    anna = ops.add_contact("Anna", company="A", emails=[("work", "anna@example.com")]).id
    other = ops.add_contact("Bo").id
    world.sync("a")
    world.sync("b")
    cid_b = world.rows("SELECT id FROM contact WHERE name = 'Anna'")[0][0]
    ops.edit_contact(cid_b, company="B")
    world.sync("b")
    world.use("a")
    ops.edit_contact(anna, company="A2")
    sj.sync()
    assert sj.contact_issues(anna) == 1
    assert sj.contact_issues(other) == 0
    assert sj.contact_issues(999_999) == 0
