"""The merge rules, one by one: multi-value registers by what each write had seen, tombstones
that do not hide what they had not seen, contact merges, and the order of conflicts."""

from __future__ import annotations

import itertools
import json
import random
import shutil
from pathlib import Path

from sync_net import Net, copy_files

from dealjournal.sync.merge import Merger
from dealjournal.sync.replica import Replica
from dealjournal.sync.state import SyncState


def values(dev_record: dict | None, field: str) -> list:   # type: ignore[type-arg]
    assert dev_record is not None
    if field in dev_record["conflicts"]:
        return [c["value"] for c in dev_record["conflicts"][field]]
    return [dev_record["fields"][field]] if field in dev_record["fields"] else []


def test_a_write_replaces_only_what_it_had_seen(net: Net) -> None:
    a, b, c = net.device("a"), net.device("b"), net.device("c")
    gid = a.rep.create("contact", {"name": "Anna"})
    net.sync()
    a.rep.edit(gid, "name", "Anna A")
    b.rep.edit(gid, "name", "Anna B")            # neither has seen the other's
    net.sync()
    assert sorted(values(c.record(gid), "name")) == ["Anna A", "Anna B"]
    c.rep.resolve(gid, "name", "Anna C")          # has seen both
    net.sync()
    assert values(a.record(gid), "name") == ["Anna C"] and not a.rep.conflicts()
    net.converged()


def test_conflicts_are_newest_first_and_one_value_twice_is_settled(net: Net) -> None:
    a, b = net.device("a"), net.device("b", skew=5000)   # b's clock is ahead
    gid = a.rep.create("contact", {"name": "Anna"})
    net.sync()
    a.rep.edit(gid, "stage", "lead")
    b.rep.edit(gid, "stage", "customer")
    a.rep.edit(gid, "phone", "+49 1")
    b.rep.edit(gid, "phone", "+49 1")
    net.sync()
    rec = a.record(gid)
    assert rec is not None
    assert [c["value"] for c in rec["conflicts"]["stage"]] == ["customer", "lead"]
    assert rec["fields"]["stage"] == "customer"
    assert "phone" not in rec["conflicts"] and rec["fields"]["phone"] == "+49 1"
    net.converged()


def test_ties_of_the_clock_go_by_device_id(tmp_path: Path) -> None:
    reps = [Replica(device=d, clock=lambda: 1_764_750_000_000, durable=False) for d in ("dddddddd", "eeeeeeee")]
    for rep, value in zip(reps, ("from d", "from e")):   # the same clock, nothing seen: equal stamps
        rep.create("contact", {"name": value}, gid="g")
        rep.publish(tmp_path)
    for rep in reps:
        rep.pull(tmp_path)
        conflict = rep.materialise()["records"][0]["conflicts"]["name"]
        assert conflict[0]["stamp"] == conflict[1]["stamp"]
        assert [c["device"] for c in conflict] == ["eeeeeeee", "dddddddd"]


def test_the_state_is_a_function_of_the_set_of_files(tmp_path: Path) -> None:
    """Files applied in any causal order (and across several pulls) give the same export."""
    rng = random.Random(5)
    folder = tmp_path / "all"
    folder.mkdir()
    reps = [Replica(randbits=random.Random(i).getrandbits, durable=False) for i in range(3)]
    gids: list[str] = []
    for step in range(60):
        rep = rng.choice(reps)
        if not gids or rng.random() < 0.2:
            gids.append(rep.create("contact", {"name": f"n{step}"}))
        elif rng.random() < 0.1:
            rep.delete(rng.choice(gids))
        elif rng.random() < 0.1 and len(gids) > 2:
            rep.merge(*rng.sample(gids, 2))
        else:
            rep.edit(rng.choice(gids), rng.choice(["name", "email"]), f"v{step}")
        if rng.random() < 0.4:
            rep.publish(folder)
        if rng.random() < 0.3:
            rep.pull(folder)
    for rep in reps:
        rep.publish(folder)
    files = sorted(folder.rglob("*.jsonl"))
    exports = set()
    for order in range(6):
        shuffled = files[:]
        random.Random(order).shuffle(shuffled)
        mine = tmp_path / f"order{order}"
        fresh = Replica(durable=False)
        for k, path in enumerate(shuffled):       # files arrive one by one, in any order
            target = mine / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            if k % 7 == 0:
                fresh.pull(mine)
        report = fresh.pull(mine)
        assert report.pending == 0
        exports.add(fresh.export_bytes())
    assert len(exports) == 1
    for rep in reps:
        rep.pull(folder)
        assert rep.export_bytes() in exports


def test_a_delete_that_saw_everything_hides_the_record(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Anna"})
    net.sync()
    b.rep.edit(gid, "phone", "+49 1")
    net.sync()
    a.rep.delete(gid)
    net.sync()
    assert a.record(gid) is None and b.record(gid) is None
    net.converged()


def test_a_delete_does_not_hide_an_edit_it_had_not_seen(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    gid = a.rep.create("contact", {"name": "Anna", "email": "anna@x"})
    net.sync()
    a.rep.delete(gid)
    b.rep.edit(gid, "phone", "+49 1")
    net.sync()
    rec = a.record(gid)
    assert rec is not None and rec["deleted_elsewhere"]
    assert rec["fields"] == {"name": "Anna", "email": "anna@x", "phone": "+49 1"}
    net.converged()
    b.rep.restore(gid)                           # keep it
    net.sync()
    rec = a.record(gid)
    assert rec is not None and not rec["deleted_elsewhere"]
    a.rep.delete(gid)                            # or delete it again, having seen everything
    net.sync()
    assert b.record(gid) is None
    net.converged()


def test_merge_moves_unseen_edits_to_the_survivor_and_children_follow(net: Net) -> None:
    a, b = net.device("a"), net.device("b")
    x = a.rep.create("contact", {"name": "Anna", "email": "anna@old"})
    y = a.rep.create("contact", {"name": "Anna L.", "phone": "+49 1"})
    talk = a.rep.create("interaction", {"contact": x, "note": "lunch"})
    net.sync()
    a.rep.merge(x, y)                            # copies x's email onto y
    b.rep.edit(x, "email", "anna@new")           # not seen by the merge
    b.rep.edit(x, "company", "ACME")
    later = b.rep.create("interaction", {"contact": x, "note": "call"})
    net.sync()
    doc = a.doc()
    assert doc["merged"] == {x: y}
    rec = a.record(y)
    assert rec is not None and rec["gid"] == y and a.record(x) == rec
    assert sorted(values(rec, "email")) == ["anna@new", "anna@old"]
    assert rec["fields"]["company"] == "ACME" and rec["fields"]["name"] == "Anna L."
    for child in (talk, later):
        child_rec = a.record(child)
        assert child_rec is not None and child_rec["fields"]["contact"] == y
    a.rep.resolve(y, "email", "anna@new")        # settles the folded conflict
    net.sync()
    assert values(b.record(y), "email") == ["anna@new"]
    net.converged()


def test_concurrent_merges_cycle_and_targets_are_cut_the_same_way_everywhere(net: Net) -> None:
    a, b, c = net.device("a"), net.device("b"), net.device("c")
    x = a.rep.create("contact", {"name": "X", "ex": 1})
    y = a.rep.create("contact", {"name": "Y", "ey": 1})
    z = a.rep.create("contact", {"name": "Z", "ez": 1})
    net.sync()
    a.rep.merge(x, y)                            # each merge copies what the survivor lacks
    b.rep.merge(y, x)                            # a cycle with a's merge
    c.rep.merge(x, z)                            # x into two survivors
    net.sync()
    doc = json.loads(net.converged())
    merged = doc["merged"]
    visible = {rec["gid"] for rec in doc["records"]}
    assert len(visible) + len(merged) == 3 and set(merged.values()) <= visible
    shown = {f for rec in doc["records"] for f in rec["fields"]}
    assert {"ex", "ey", "ez"} <= shown           # nothing only one record had is lost


def test_fork_of_a_device_id_is_told_apart_by_file_ids() -> None:
    """covers() follows prev links and named heads when one device id has two branches."""
    state = SyncState("eeeeeeee")
    m = Merger(state)
    d1 = state.add_file("dddddddd", 1, "AAAAAAAA", None, {})
    d2x = state.add_file("dddddddd", 2, "XXXXXXXX", "AAAAAAAA", {})
    d2y = state.add_file("dddddddd", 2, "YYYYYYYY", "AAAAAAAA", {})
    d3x = state.add_file("dddddddd", 3, "XXXXXXX3", "XXXXXXXX", {})
    e1 = state.add_file("eeeeeeee", 1, "EEEEEEEE", None, {"dddddddd": ((3, "XXXXXXX3"),)})
    assert state.forked == {"dddddddd"} and sorted(state.heads["dddddddd"]) == [d2y.no, d3x.no]
    cand = {f.no: ("v", "1k8u36fia05", f.no, 0) for f in (d1, d2x, d2y, d3x)}
    assert m.covers(e1, 0, "1k8u36fia06", cand[d1.no]) and m.covers(e1, 0, "1k8u36fia06", cand[d2x.no])
    assert not m.covers(e1, 0, "1k8u36fia06", cand[d2y.no])
    assert m.covers(d3x, 0, "1k8u36fia06", cand[d2x.no]) and not m.covers(d3x, 0, "1k8u36fia06", cand[d2y.no])
    e2 = state.add_file("eeeeeeee", 2, "EEEEEEE2", "EEEEEEEE",
                        {"dddddddd": ((2, "YYYYYYYY"), (3, "XXXXXXX3"))})
    assert all(m.covers(e2, 0, "1k8u36fia07", c) for c in cand.values())


def test_permutations_of_three_concurrent_files(tmp_path: Path) -> None:
    reps = [Replica(randbits=random.Random(i).getrandbits, durable=False) for i in range(3)]
    (tmp_path / "src").mkdir()
    reps[0].create("contact", {"name": "base"}, gid="g")
    reps[0].publish(tmp_path / "src")
    for rep in reps[1:]:
        rep.pull(tmp_path / "src")
    for k, rep in enumerate(reps):
        rep.edit("g", "name", f"n{k}")
        rep.delete("g") if k == 1 else rep.edit("g", "email", f"e{k}")
        rep.publish(tmp_path / "src")
    files = sorted((tmp_path / "src").rglob("*.jsonl"))
    exports = set()
    for n, perm in enumerate(itertools.permutations(files)):
        dest = tmp_path / f"p{n}"
        fresh = Replica(durable=False)
        for path in perm:
            copy_into = dest / path.relative_to(tmp_path / "src")
            copy_into.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, copy_into)
            fresh.pull(dest)
        exports.add(fresh.export_bytes())
    assert len(exports) == 1
    rec = json.loads(exports.pop())["records"][0]
    assert rec["deleted_elsewhere"] and sorted(c["value"] for c in rec["conflicts"]["name"]) == ["n0", "n1", "n2"]
    _ = copy_files
