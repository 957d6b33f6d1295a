"""The issue's scenarios, end to end through sync folders: the same field on two laptops; an
edit against a delete; a merge against an edit; a laptop offline for 100 files; a cloned device
id and a restored backup; a file of a newer format; own files deleted from the folder; and what
sync services leave about (half-written files, conflict copies, temporary files)."""

from __future__ import annotations

import copy
import json
import random
import shutil

import pytest
from sync_net import Device, Net, copy_files

from dealjournal.sync import changefile
from dealjournal.sync.replica import Replica


def shown(dev: Device, gid: str, field: str) -> list[object]:
    rec = dev.record(gid)
    assert rec is not None, f"{gid} not shown on {dev.name}"
    if field in rec["conflicts"]:
        return [c["value"] for c in rec["conflicts"][field]]
    return [rec["fields"][field]] if field in rec["fields"] else []


def test_same_field_on_two_laptops_both_visible_then_resolved_once_everywhere(net: Net) -> None:
    office, home, phone = net.device("office"), net.device("home", skew=-7_200_000), net.device("phone")
    gid = office.rep.create("contact", {"name": "Anna Lindqvist", "stage": "lead"})
    net.sync()
    office.rep.edit(gid, "stage", "opportunity")
    home.rep.edit(gid, "stage", "customer")       # home's clock is two hours behind
    net.sync()
    for dev in net.devices:
        assert shown(dev, gid, "stage") == ["opportunity", "customer"]   # newest by clock first
        assert dev.rep.conflicts() == [(gid, "stage", ["opportunity", "customer"])]
    home.rep.resolve(gid, "stage", "customer")
    net.sync()
    for dev in net.devices:
        assert shown(dev, gid, "stage") == ["customer"] and dev.rep.conflicts() == []
    net.converged()
    assert phone.pull().applied == []             # nothing left to do anywhere


def test_edit_against_delete(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Jonas", "email": "jonas@example.com"})
    net.sync()
    a.rep.delete(gid)
    b.rep.edit(gid, "phone", "+49 151 1234567")
    net.sync()
    for dev in (a, b):
        rec = dev.record(gid)
        assert rec is not None and rec["deleted_elsewhere"] is True
        assert rec["fields"]["phone"] == "+49 151 1234567" and rec["fields"]["name"] == "Jonas"
    net.converged()
    a.rep.delete(gid)                             # deleted again, now having seen the edit
    net.sync()
    assert a.record(gid) is None and b.record(gid) is None
    net.converged()


def test_merge_against_edit(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    dup = a.rep.create("contact", {"name": "Mia Rossi", "email": "mia@old.example"})
    keep = a.rep.create("contact", {"name": "Mia Rossi", "phone": "+39 1"})
    meeting = a.rep.create("interaction", {"contact": dup, "note": "first meeting"})
    net.sync()
    a.rep.merge(dup, keep)
    b.rep.edit(dup, "email", "mia@new.example")   # b has not seen the merge
    b.rep.edit(dup, "company", "Rossi SpA")
    net.sync()
    for dev in (a, b):
        rec = dev.record(keep)
        assert rec is not None and rec["gid"] == keep and dev.record(dup) == rec
        assert sorted(shown(dev, keep, "email")) == ["mia@new.example", "mia@old.example"]
        assert rec["fields"]["company"] == "Rossi SpA" and rec["fields"]["phone"] == "+39 1"
        assert shown(dev, meeting, "contact") == [keep]
        assert [r["gid"] for r in dev.doc()["records"]].count(keep) == 1
        assert dup not in {r["gid"] for r in dev.doc()["records"]}
    net.converged()


def test_a_laptop_offline_for_100_files(net: Net) -> None:
    a, b, offline = net.device("a"), net.device("b"), net.device("offline")
    gids = [a.rep.create("contact", {"name": f"c{k}"}) for k in range(5)]
    net.sync()
    rng = random.Random(7)
    for k in range(100):                          # a and b go on, each file seeing the other's
        dev = (a, b)[k % 2]
        dev.rep.edit(rng.choice(gids), rng.choice(["stage", "note"]), f"{dev.name}{k}")
        dev.publish()
        copy_files(dev.folder, (b, a)[k % 2].folder)
        (b, a)[k % 2].pull()
    offline.rep.edit(gids[0], "stage", "offline edit")
    offline.rep.edit(gids[1], "email", "only offline")
    offline.publish()
    files = sorted(a.folder.rglob("*.jsonl"), key=lambda p: -int(p.name.split(".")[0]))
    assert len(files) >= 100                      # the worst order: newest first
    for k, path in enumerate(files):
        target = offline.folder / path.relative_to(a.folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        target.write_bytes(data[: len(data) // 2] if k % 3 == 0 else data)   # a third half-written
        if k % 10 == 9 and k < len(files) - 4:
            report = offline.pull()
            assert report.applied == [] and report.pending > 0   # nothing can go before the oldest
            assert report.waiting_for and all(key[0] in (a.rep.device, b.rep.device) for key in report.waiting_for)
    for k, path in enumerate(files):
        if k % 3 == 0:
            (offline.folder / path.relative_to(a.folder)).write_bytes(path.read_bytes())
    report = offline.pull()
    assert report.pending == 0 and len(report.applied) == len(files) - 1   # all but the first, seen before
    net.sync()
    net.converged()
    assert "offline edit" in shown(a, gids[0], "stage")
    assert shown(b, gids[1], "email") == ["only offline"]


def test_a_cloned_device_id_is_detected_and_both_copies_keep_their_writes(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Lea"})
    net.sync()
    clone = net.device("clone")                  # the disk of a, copied onto a new laptop
    clone.rep = Replica(copy.deepcopy(a.rep.state), clock=clone.now, randbits=clone.rng.getrandbits, durable=False)
    shutil.rmtree(clone.folder)
    shutil.copytree(a.folder, clone.folder)
    assert clone.rep.device == a.rep.device
    a.rep.edit(gid, "phone", "from a")
    clone.rep.edit(gid, "email", "from the clone")
    clone.rep.edit(gid, "stage", "clone")
    a.rep.edit(gid, "stage", "a")
    old = a.rep.device
    a.publish()
    clone.publish()                              # the same <seq>.jsonl, other bytes
    net.sync()
    assert a.rep.device != old and clone.rep.device != old and a.rep.device != clone.rep.device
    assert a.rep.state.former_devices == [old] == clone.rep.state.former_devices
    assert old in b.rep.state.forked
    names = {p.name for p in (b.folder / "changes" / old).iterdir()}
    assert any("sync-conflict" in n for n in names)
    for dev in net.devices:
        assert shown(dev, gid, "phone") == ["from a"] and shown(dev, gid, "email") == ["from the clone"]
        assert sorted(shown(dev, gid, "stage")) == ["a", "clone"]
    b.rep.resolve(gid, "stage", "a")
    a.rep.edit(gid, "note", "a again")           # under their new ids now
    clone.rep.edit(gid, "company", "clone again")
    net.sync()
    net.converged()
    assert shown(clone, gid, "stage") == ["a"] and shown(clone, gid, "note") == ["a again"]
    assert shown(a, gid, "company") == ["clone again"]


def test_a_restored_backup_takes_a_new_id_and_loses_nothing(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Noah"})
    net.sync()
    backup = copy.deepcopy(a.rep.state)
    a.rep.edit(gid, "phone", "after the backup")
    net.sync()
    old = a.rep.device
    a.rep = Replica(backup, clock=a.now, randbits=a.rng.getrandbits, durable=False)   # the disk died
    a.rep.edit(gid, "email", "after the restore")
    report = a.pull()
    assert report.new_device is not None and report.new_device[0] == old
    assert shown(a, gid, "phone") == ["after the backup"]
    net.sync()
    net.converged()
    assert shown(b, gid, "email") == ["after the restore"] and shown(b, gid, "phone") == ["after the backup"]


def test_a_file_of_a_newer_format_is_held_and_read_after_the_update(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = net.device("a", shared=True), net.device("b", shared=True)
    gid = a.rep.create("contact", {"name": "Emma"})
    a.publish()
    b.pull()
    future = Replica(device="futurexx", durable=False)
    future.pull(a.folder)
    with monkeypatch.context() as m:              # a newer version of the app writes file 1
        m.setattr(changefile, "FORMAT_VERSION", 2)
        future.edit(gid, "stage", "from the future")
        path = future.publish(a.folder)[0]
    assert path.read_bytes().startswith(b'{"v":2,')
    future.edit(gid, "note", "seen the future")  # a format-1 file that has seen it
    assert len(future.publish(a.folder)) == 1
    for _ in range(3):
        report = b.pull()
        assert report.held == [(path.relative_to(a.folder).as_posix(), 2)] and report.pending == 1
    assert "stage" not in (b.record(gid) or {})["fields"]
    monkeypatch.setattr(changefile, "FORMAT_VERSION", 2)   # the update
    report = b.pull()
    assert report.held == [] and report.pending == 0 and len(report.applied) == 2
    assert shown(b, gid, "stage") == ["from the future"] and shown(b, gid, "note") == ["seen the future"]


def test_own_files_deleted_from_the_folder_are_published_again(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Paul"})
    written = a.publish()
    data = written[0].read_bytes()
    written[0].unlink()                           # gone before b got it
    report = a.pull()
    assert report.republished == written and written[0].read_bytes() == data
    copy_files(a.folder, b.folder)
    b.pull()
    assert shown(b, gid, "name") == ["Paul"]


def test_what_sync_services_leave_about(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Sofia"})
    path = a.publish()[0]
    rel = path.relative_to(a.folder)
    data = path.read_bytes()
    target = b.folder / rel
    target.parent.mkdir(parents=True)
    target.write_bytes(data[:40])                 # still arriving
    (target.parent / ".syncthing.1.jsonl.tmp").write_bytes(data[:20])
    (target.parent / "~syncthing~1.jsonl.tmp").write_bytes(data)
    (target.parent / ".tmp-0a1b2c3d4e5f").write_bytes(data)
    (b.folder / "changes" / ".dropbox.cache").mkdir()
    (b.folder / "changes" / ".dropbox.cache" / "1.jsonl").write_bytes(data)
    report = b.pull()
    assert report.applied == [] and report.incomplete == [rel.as_posix()]
    target.write_bytes(data)
    (target.parent / "1 (conflicted copy).jsonl").write_bytes(data)
    (target.parent / "1.sync-conflict-20261203-101010-ABCDEFG.jsonl").write_bytes(data)
    report = b.pull()
    assert len(report.applied) == 1 and report.incomplete == [] and report.malformed == []
    assert shown(b, gid, "name") == ["Sofia"]
    assert b.pull().applied == []
    assert json.loads(b.export()) == json.loads(a.export())
