"""A device's side of the sync: what it publishes, what it reads again and what not, and how
it behaves when the folder is not there or a crash came between two steps."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from dealjournal.sync import changefile
from dealjournal.sync.replica import Replica


def test_nothing_to_publish_writes_nothing(tmp_path: Path) -> None:
    rep = Replica(durable=False)
    assert rep.publish(tmp_path) == []
    rep.create("contact", {"name": "Anna"})
    assert len(rep.publish(tmp_path)) == 1
    assert rep.publish(tmp_path) == []


def test_field_names_with_an_underscore_are_reserved() -> None:
    rep = Replica(durable=False)
    gid = rep.create("contact", {"name": "Anna"})
    for name in ("_del", "_into", "_k", "_later", ""):
        with pytest.raises(ValueError):
            rep.edit(gid, name, 1)


def test_a_file_collects_changes_until_something_remote_is_applied(tmp_path: Path) -> None:
    a, b = Replica(durable=False), Replica(durable=False)
    gid = a.create("contact", {"name": "Anna"})
    a.publish(tmp_path)
    b.pull(tmp_path)
    b.edit(gid, "stage", "lead")
    b.edit(gid, "phone", "1")
    a.edit(gid, "email", "x")
    a.publish(tmp_path)
    assert b.pull(tmp_path).applied                # closes b's file: its header would lie
    b.edit(gid, "note", "after")
    written = b.publish(tmp_path)
    assert [p.name for p in written] == ["1.jsonl", "2.jsonl"]
    first, second = (changefile.read(p) for p in written)
    assert [line[1] for line in first.lines] == ["stage", "phone"] and first.seen[a.device][0][0] == 1
    assert [line[1] for line in second.lines] == ["note"] and second.seen[a.device][0][0] == 2


def test_pull_reports_what_it_did(tmp_path: Path) -> None:
    a, b = Replica(durable=False), Replica(durable=False)
    gid = a.create("contact", {"name": "Anna"})
    other = a.create("contact", {"name": "Jonas"})
    a.publish(tmp_path)
    report = b.pull(tmp_path)
    assert report.changes == 4 and report.touched == {gid, other} and report.pending == 0
    assert report.applied == [(a.device, 1, changefile.read(next((tmp_path / "changes").rglob("*.jsonl"))).fid)]


def test_files_seen_before_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = Replica(durable=False), Replica(durable=False)
    for k in range(5):
        a.create("contact", {"name": f"c{k}"})
        a.publish(tmp_path)
    b.pull(tmp_path)
    reads: list[str] = []
    real = changefile.read
    monkeypatch.setattr(changefile, "read", lambda path: reads.append(str(path)) or real(path))
    b.pull(tmp_path)
    assert reads == []
    a.create("contact", {"name": "new"})
    a.publish(tmp_path)
    b.pull(tmp_path)
    assert len(reads) == 1


def test_no_folder_no_pull_and_nothing_written(tmp_path: Path) -> None:
    rep = Replica(durable=False)
    rep.create("contact", {"name": "Anna"})
    for step in (rep.pull, rep.publish):
        with pytest.raises(FileNotFoundError):
            step(tmp_path / "unmounted")
    assert not (tmp_path / "unmounted").exists()
    assert len(rep.publish(tmp_path)) == 1         # the change waited


def test_a_crash_between_writing_a_file_and_noting_it_is_no_clone(tmp_path: Path) -> None:
    rep = Replica(durable=False)
    gid = rep.create("contact", {"name": "Anna"})
    rep.publish(tmp_path)
    rep.edit(gid, "stage", "lead")
    before = copy.deepcopy(rep.state)              # the file being filled, as the store has it
    written = rep.publish(tmp_path)
    again = Replica(before, durable=False)        # the crash: the store never heard of the file
    report = again.pull(tmp_path)
    assert report.new_device is None and report.republished == []
    assert again.device == rep.device and again.publish(tmp_path) == []
    again.edit(gid, "stage", "customer")
    assert [p.name for p in again.publish(tmp_path)] == ["3.jsonl"] and written[0].name == "2.jsonl"


def test_edits_of_an_absorbed_record_go_to_its_survivor(tmp_path: Path) -> None:
    rep = Replica(durable=False)
    x = rep.create("contact", {"name": "X"})
    y = rep.create("contact", {"name": "Y"})
    rep.merge(x, y)
    assert rep.root(x) == y
    rep.edit(x, "phone", "1")
    rec = rep.record(x)
    assert rec is not None and rec["gid"] == y and rec["fields"] == {"name": "Y", "phone": "1"}
    assert rep.merge(x, y) is None                 # already one record


def test_a_store_copied_with_changes_unpublished_publishes_the_same_file(tmp_path: Path) -> None:
    rep = Replica(durable=False)
    rep.create("contact", {"name": "Anna"})       # not published when the app stopped
    copies = [Replica(copy.deepcopy(rep.state), durable=False) for _ in range(2)]   # two disks
    for k, copied in enumerate(copies):
        copied.create("contact", {"name": f"on copy {k}"})
        folder = tmp_path / f"f{k}"
        folder.mkdir()
        copied.publish(folder)
    first = [(tmp_path / f"f{k}" / "changes" / rep.device / "1.jsonl").read_bytes() for k in range(2)]
    assert first[0] == first[1]                   # one file 1, not two versions of it
