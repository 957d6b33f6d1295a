"""A simulator of devices syncing through a hostile file-sync service, and its oracle.

Replicas do random creates, edits, clears, deletes, restores, contact merges and conflict
resolutions, each with its own clock (skewed by up to two hours, jumping back now and then).
Each has its own copy of the sync folder; the transport copies published files between the
copies late, in any order, twice, half-written first, under conflict-copy names
(Syncthing's and Dropbox's), drops stray temporary files about, deletes a published file
everywhere now and then, and once in a while clones a device's disk or restores one from an
older backup, or drops a file of a newer format in.

The oracle knows who saw what without asking the merge: every write is logged with the
number of files its replica had applied when it was made, so "X had seen Y" is "Y's file was
among those" (or an earlier line of X's own file). At the end, after a full exchange:

* every replica's export is byte for byte the same;
* every write is still visible (in the record it was written to, or the one that absorbed it),
  unless a later write to the same field, a delete or a merge of that record (or of one it was
  merged into) had seen it;
* records no merge touched show exactly the values no later write had seen, and are hidden
  exactly when every such value was seen by a tombstone no restore had seen.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dealjournal.sync.changefile import CHANGES_DIR
from dealjournal.sync.merge import DELETED, INTO, KIND, Merger
from dealjournal.sync.replica import Dot, PullReport, Replica
from dealjournal.sync.state import FileKey, SyncState

H = 3600 * 1000
FIELDS = ("name", "email", "phone", "stage", "note")
REFS = {"interaction": frozenset({"contact"})}


@dataclass
class Write:
    rep: SimReplica
    gid: str
    field: str
    value: Any
    no: int
    idx: int
    n: int                  # how many files its replica had applied (its own included)

    @property
    def fkey(self) -> FileKey:
        return self.rep.state.files[self.no].key

    def saw(self, other: Write) -> bool:
        no = self.rep.state.index.get(other.fkey)
        return no is not None and no < self.n and (no != self.no or other.idx < self.idx)


class SimReplica(Replica):
    def __init__(self, state: SyncState | None, log: list[Write], name: str, **kw: Any) -> None:
        super().__init__(state, **kw)
        self.log = log
        self.name = name
        self.counter = 0

    def _write(self, gid: str, field: str, value: object) -> Dot:
        dot = super()._write(gid, field, value)
        self.log.append(Write(self, gid, field, value, dot[0], dot[1], len(self.state.files)))
        return dot

    def value(self) -> str:
        self.counter += 1
        return f"{self.name}.{self.counter}"

    def known(self, kind: str) -> list[str]:
        return sorted(g for g, rec in self.state.values.items()
                      if any(c[0] == kind for c in rec.get(KIND, ())))


class Clock:
    def __init__(self, sim: Simulation, skew: int) -> None:
        self.sim, self.skew, self.offset = sim, skew, 0

    def __call__(self) -> int:
        return self.sim.now + self.skew + self.offset


class Transport:
    """Every replica has its own folder; files cross between them late, shuffled, twice,
    half-written, as conflict copies."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.rng = sim.rng
        self.folders: list[Path] = []
        self.queue: list[tuple[int, int, str, bytes, str]] = []   # (due, folder, rel, data, how)
        self.known: dict[str, bytes] = {}      # every complete file the service knows, by path
        self.deleted: set[str] = set()
        self.conflict_copies = 0

    def send(self, source: int, paths: list[Path]) -> None:
        rng = self.rng
        for path in paths:
            rel = path.relative_to(self.folders[source]).as_posix()
            data = path.read_bytes()
            self.known[rel] = data
            self.deleted.discard(rel)
            for dest in range(len(self.folders)):
                if dest == source:
                    continue
                due = self.sim.step + rng.choice((0, 1, 2, 5, 12, 30))
                if rng.random() < 0.25:    # half-written first, completed later
                    self.queue.append((due, dest, rel, data, "partial"))
                    due += rng.randint(1, 8)
                self.queue.append((due, dest, rel, data, "whole"))
                if rng.random() < 0.15:    # delivered twice, or also as a conflict copy
                    how = rng.choice(("whole", "copy", "partial copy"))
                    self.queue.append((due + rng.randint(0, 20), dest, rel, data, how))

    def tick(self) -> None:
        due = [item for item in self.queue if item[0] <= self.sim.step]
        if not due:
            return
        self.queue = [item for item in self.queue if item[0] > self.sim.step]
        self.rng.shuffle(due)
        for _, dest, rel, data, how in due:
            self.deliver(dest, rel, data, how)

    def deliver(self, dest: int, rel: str, data: bytes, how: str = "whole") -> None:
        if rel in self.deleted:
            return
        target = self.folders[dest] / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if how.endswith("copy"):
            target = self.conflict_name(target)
            self.conflict_copies += 1
            how = how[:-5] or "whole"
            if how == "partial":      # a copy that stays half-written
                target.write_bytes(data[:self.rng.randint(0, len(data) - 1)])
                return
        if how == "partial":
            if not target.exists():
                target.write_bytes(data[:self.rng.randint(0, len(data) - 1)])
            return
        if target.exists():
            current = target.read_bytes()
            if current == data or data.startswith(current):   # the same, or its half-written start
                target.write_bytes(data)
                return
            target = self.conflict_name(target)
            self.conflict_copies += 1
        target.write_bytes(data)

    def conflict_name(self, target: Path) -> Path:
        stem = target.name.split(".")[0]
        for n in range(100):
            if self.rng.random() < 0.5:
                name = f"{stem}.sync-conflict-20261203-10{n:02d}10-ABCDEFG.jsonl"
            else:
                name = f"{stem} (conflicted copy{f' {n}' if n else ''}).jsonl"
            if not (target.parent / name).exists():
                return target.parent / name
        raise AssertionError("no free conflict name")

    def stray(self, dest: int) -> None:
        """Another program's temporary file, or a file of ours being written."""
        folder = self.folders[dest] / CHANGES_DIR / f"stray{self.rng.randint(0, 2)}"
        folder.mkdir(parents=True, exist_ok=True)
        some = self.rng.choice(list(self.known.values())) if self.known else b'{"v":1'
        name = self.rng.choice([".syncthing.7.jsonl.tmp", "~syncthing~7.jsonl.tmp", ".tmp-1a2b3c4d5e6f",
                                ".dropbox.cache", "7.jsonl.part", "7 (conflicted copy).jsonl"])
        (folder / name).write_bytes(some[:self.rng.randint(0, len(some))])

    def delete_everywhere(self, rel: str) -> None:
        self.deleted.add(rel)
        self.known.pop(rel, None)
        for folder in self.folders:
            (folder / rel).unlink(missing_ok=True)

    def exchange(self) -> None:
        """Everything queued arrives whole; every folder gets every known file."""
        for _, dest, rel, data, how in self.queue:
            if how == "whole":
                self.deliver(dest, rel, data)
        self.queue = []
        for dest, folder in enumerate(self.folders):
            for rel, data in sorted(self.known.items()):
                target = folder / rel
                if not target.exists() or target.read_bytes() != data:
                    self.deliver(dest, rel, data)


@dataclass
class Simulation:
    seed: int
    root: Path
    merger: type[Merger] = Merger
    steps: int = 220
    replicas: int = 3
    rng: random.Random = field(init=False)
    now: int = 1_764_750_000_000
    step: int = 0
    log: list[Write] = field(default_factory=list)
    reps: list[SimReplica] = field(default_factory=list)
    clocks: list[Clock] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    held_expected: bool = False
    stats: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.transport = Transport(self)
        for i in range(self.replicas):
            self.add_replica(None, f"r{i}")

    def add_replica(self, state: SyncState | None, name: str, folder: Path | None = None) -> int:
        i = len(self.reps)
        clock = Clock(self, self.rng.randint(-2 * H, 2 * H))
        own = random.Random(self.rng.getrandbits(64))
        rep = SimReplica(state, self.log, name, clock=clock, merger=self.merger,
                         randbits=own.getrandbits, durable=False)
        path = self.root / f"f{i}"
        if folder is not None and folder != path:
            shutil.copytree(folder, path)
        path.mkdir(parents=True, exist_ok=True)
        self.reps.append(rep)
        self.clocks.append(clock)
        if len(self.transport.folders) <= i:
            self.transport.folders.append(path)
        return i

    # -- one step ------------------------------------------------------------------------

    def run(self) -> None:
        rng = self.rng
        snapshots: dict[int, SyncState] = {}
        for step in range(self.steps):
            self.step = step
            self.now += rng.randint(200, 120_000)
            self.transport.tick()
            i = rng.randrange(len(self.reps))
            rep = self.reps[i]
            r = rng.random()
            if r < 0.55:
                self.local_op(rep)
            elif r < 0.70:
                self.transport.send(i, rep.publish(self.transport.folders[i]))
            elif r < 0.88:
                self.pulled(i, rep.pull(self.transport.folders[i]))
            elif r < 0.90:
                self.clocks[i].offset -= rng.randint(60_000, 3 * H)       # the wall clock jumps back
                self.events.append(f"{self.step}: clock of {rep.name} back")
            elif r < 0.92:
                self.transport.stray(i)
            elif r < 0.93:
                owned = {own.data for rep in self.reps for own in rep.state.own.values() if own.published}
                mine = sorted(rel for rel, data in self.transport.known.items() if data in owned)
                if mine:                    # the owner must notice and publish it again
                    rel = rng.choice(mine)
                    self.transport.delete_everywhere(rel)
                    self.events.append(f"{self.step}: {rel} deleted everywhere")
            elif r < 0.935 and len(self.reps) == self.replicas and self.seed % 4 == 1:
                self.transport.send(i, rep.publish(self.transport.folders[i]))
                clone = copy.deepcopy(rep.state)                            # a cloned disk
                j = self.add_replica(clone, f"{rep.name}c", self.transport.folders[i])
                self.events.append(f"{self.step}: {rep.name} cloned as {self.reps[j].name}")
            elif r < 0.94 and self.seed % 4 == 2 and i not in snapshots:
                self.transport.send(i, rep.publish(self.transport.folders[i]))
                snapshots[i] = copy.deepcopy(rep.state)                     # a backup
                self.events.append(f"{self.step}: backup of {rep.name}")
            elif r < 0.945 and i in snapshots:
                self.restore(i, snapshots.pop(i))
            elif r < 0.95 and self.seed % 5 == 3 and not self.held_expected:
                self.newer_format(i)

    def pulled(self, i: int, report: PullReport) -> PullReport:
        self.stats.update(pulls=1, applied=len(report.applied), incomplete=len(report.incomplete),
                          republished=len(report.republished), new_device=bool(report.new_device),
                          waiting=report.pending)
        if report.republished:
            self.transport.send(i, report.republished)
        if report.new_device:
            self.events.append(f"{self.step}: {self.reps[i].name} {report.new_device[0]} -> {report.new_device[1]}")
        return report

    def restore(self, i: int, snapshot: SyncState) -> None:
        """The disk dies after its last sync; the backup comes back."""
        rep = self.reps[i]
        self.transport.send(i, rep.publish(self.transport.folders[i]))
        devices = {rep.device, *rep.state.former_devices}
        if any(rel.split("/")[1] in devices for rel in self.transport.deleted):
            return                      # its files are gone from the folder and from the backup
        new = SimReplica(snapshot, self.log, rep.name + "b", clock=self.clocks[i], merger=self.merger,
                         randbits=random.Random(self.rng.getrandbits(64)).getrandbits, durable=False)
        self.reps[i] = new
        self.events.append(f"{self.step}: {rep.name} restored from backup")

    def newer_format(self, i: int) -> None:
        folder = self.transport.folders[i] / CHANGES_DIR / "zzfuture"
        folder.mkdir(parents=True, exist_ok=True)
        data = b'{"v":2,"d":"zzfuture","s":1,"x":"something new"}\n["?"]\n{"h":"whatever"}\n'
        (folder / "1.jsonl").write_bytes(data)
        self.transport.known[f"{CHANGES_DIR}/zzfuture/1.jsonl"] = data
        self.held_expected = True
        self.events.append(f"{self.step}: a newer-format file")

    def local_op(self, rep: SimReplica) -> None:
        rng = self.rng
        contacts = rep.known("contact")
        r = rng.random()
        if r < 0.18 or not contacts:
            rep.create("contact", {f: rep.value() for f in rng.sample(FIELDS, rng.randint(1, 3))})
        elif r < 0.26:
            rep.create("interaction", {"contact": rng.choice(contacts), "note": rep.value()})
        elif r < 0.62:
            gid = rng.choice(contacts[-6:] if rng.random() < 0.7 else contacts)   # recent ones: conflicts
            rep.edit(gid, rng.choice(FIELDS[:3]) if rng.random() < 0.6 else rng.choice(FIELDS), rep.value())
        elif r < 0.66:
            interactions = rep.known("interaction")
            if interactions:
                gid = rng.choice(interactions)
                if rng.random() < 0.5:
                    rep.edit(gid, "contact", rng.choice(contacts))
                else:
                    rep.edit(gid, "note", rep.value())
        elif r < 0.69:
            rep.edit(rng.choice(contacts), rng.choice(FIELDS), None)
        elif r < 0.76:
            rep.delete(rng.choice(contacts[-6:]) if rng.random() < 0.7 else rng.choice(contacts + rep.known("interaction")))
        elif r < 0.82 and len(contacts) > 1:
            a, b = rng.sample(contacts[-8:] if len(contacts) > 8 else contacts, 2)
            rep.merge(a, b)
        else:
            doc = rep.materialise(REFS)
            flagged = [rec["gid"] for rec in doc["records"] if rec["deleted_elsewhere"]]
            conflicts = [(rec["gid"], f, [c["value"] for c in cs])
                         for rec in doc["records"] for f, cs in sorted(rec["conflicts"].items())]
            if flagged and rng.random() < 0.4:
                gid = rng.choice(flagged)
                rep.restore(gid) if rng.random() < 0.6 else rep.delete(gid)
            elif conflicts:
                gid, f, values = rng.choice(conflicts)
                rep.resolve(gid, f, rng.choice(values) if rng.random() < 0.7 else rep.value())

    # -- the end ---------------------------------------------------------------------------

    def finish(self) -> list[bytes]:
        """Full exchange until nothing moves; every replica's export (exported_at apart)."""
        for _ in range(12):
            moved = False
            for i, rep in enumerate(self.reps):
                paths = rep.publish(self.transport.folders[i])
                moved |= bool(paths)
                self.transport.send(i, paths)
            self.transport.exchange()
            reports = [self.pulled(i, rep.pull(self.transport.folders[i])) for i, rep in enumerate(self.reps)]
            moved |= any(r.applied or r.republished or r.new_device for r in reports)
            if not moved:
                break
        else:
            raise AssertionError(f"seed {self.seed}: no quiet round after 12 exchanges")
        for i, (rep, report) in enumerate(zip(self.reps, reports)):
            assert report.pending == 0, f"seed {self.seed}: {rep.name} still waits for files"
            assert not report.malformed, f"seed {self.seed}: {report.malformed}"
            assert bool(report.held) == self.held_expected, f"seed {self.seed}: held {report.held}"
        exports = []
        for i, rep in enumerate(self.reps):
            doc = rep.materialise(REFS, exported_at=f"2026-12-03T10:00:0{i}Z")
            del doc["exported_at"]
            exports.append(json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
        return exports

    def check(self) -> None:
        exports = self.finish()
        for rep, export in zip(self.reps[1:], exports[1:]):
            assert export == exports[0], f"seed {self.seed}: {rep.name} differs from {self.reps[0].name}\n" + \
                "\n".join(self.events[-20:])
        Oracle(self, json.loads(exports[0])).check()


class Oracle:
    def __init__(self, sim: Simulation, doc: dict[str, Any]) -> None:
        self.sim = sim
        self.records = {rec["gid"]: rec for rec in doc["records"]}
        self.root: dict[str, str] = doc["merged"]
        self.by_field: dict[tuple[str, str], list[Write]] = {}
        self.merges: dict[str, list[Write]] = {}
        self.dels: dict[str, list[Write]] = {}
        for w in sim.log:
            if w.field == INTO:
                self.merges.setdefault(w.gid, []).append(w)
            elif w.field == DELETED:
                self.dels.setdefault(w.gid, []).append(w)
            elif w.field != KIND:
                self.by_field.setdefault((w.gid, w.field), []).append(w)
        self.merged = set(self.merges) | {w.value for ws in self.merges.values() for w in ws}

    def reach(self, gid: str) -> set[str]:
        """The record and every record a merge (any, even one the merge lost) moved it to."""
        out, todo = set(), [gid]
        while todo:
            g = todo.pop()
            if g not in out:
                out.add(g)
                todo.extend(w.value for w in self.merges.get(g, ()))
        return out

    def shown(self, gid: str, f: str) -> list[Any] | None:
        """The values record *gid* shows in field *f*; None when the record is not shown."""
        rec = self.records.get(self.root.get(gid, gid))
        if rec is None:
            return None
        if f in rec["conflicts"]:
            return [c["value"] for c in rec["conflicts"][f]]
        return [rec["fields"][f]] if f in rec["fields"] else [None]

    def mapped(self, f: str, value: Any) -> Any:
        return self.root.get(value, value) if f == "contact" else value

    def check(self) -> None:
        seed = self.sim.seed
        for (gid, f), writes in self.by_field.items():
            reach = self.reach(gid)
            for w in writes:
                excused = any(x is not w and x.saw(w)
                              for g in reach
                              for x in (*self.by_field.get((g, f), ()), *self.merges.get(g, ()),
                                        *(d for d in self.dels.get(g, ()) if d.value is True)))
                if excused:
                    continue
                shown = self.shown(gid, f)
                assert shown is not None, f"seed {seed}: {w.rep.name} wrote {f}={w.value!r} on {gid}; record gone"
                assert self.mapped(f, w.value) in shown, \
                    f"seed {seed}: {w.rep.name} wrote {f}={w.value!r} on {gid}: lost (shows {shown})"
        self.check_unmerged()

    def check_unmerged(self) -> None:
        """Records no merge touched: exactly the unseen values; hidden exactly when due."""
        seed = self.sim.seed
        gids = {g for g, _ in self.by_field} | set(self.dels)
        fields_of: dict[str, list[str]] = {}
        for g, f in self.by_field:
            fields_of.setdefault(g, []).append(f)
        for gid in sorted(gids - self.merged):
            surviving = {f: [w for w in self.by_field[(gid, f)] if not any(x is not w and x.saw(w)
                                                                          for x in self.by_field[(gid, f)])]
                         for f in fields_of.get(gid, ())}
            dels = self.dels.get(gid, [])
            tombs = [d for d in dels if d.value is True and not any(x is not d and x.saw(d) for x in dels)]
            hide = bool(tombs) and all(any(t.saw(w) for t in tombs) for ws in surviving.values() for w in ws)
            rec = self.records.get(gid)
            if hide:
                assert rec is None, f"seed {seed}: {gid} should be hidden (every value seen by a delete)"
                continue
            assert rec is not None, f"seed {seed}: {gid} hidden, though a value was not seen by its delete"
            assert rec["deleted_elsewhere"] == bool(tombs), f"seed {seed}: {gid} flag"
            for f, ws in surviving.items():
                expected = sorted({json.dumps(self.mapped(f, w.value)) for w in ws})
                got = sorted({json.dumps(v) for v in (self.shown(gid, f) or [])})
                assert got == expected, f"seed {seed}: {gid}.{f} shows {got}, expected {expected}"


def run(seed: int, root: Path, merger: type[Merger] = Merger, steps: int = 220) -> Simulation:
    sim = Simulation(seed, root, merger=merger, steps=steps)
    sim.run()
    sim.check()
    return sim


Runner = Callable[[int, Path], Simulation]
