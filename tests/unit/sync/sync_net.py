"""Devices of the sync tests: replicas with clocks the test sets, one sync folder each (the
test copies files between them, as a sync service would) or one shared folder."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

from dealjournal.sync.replica import PullReport, Replica

T0 = 1_764_750_000_000

class Device:
    def __init__(self, name: str, folder: Path, seed: int, skew: int = 0) -> None:
        self.name = name
        self.folder = folder
        self.t = T0 + skew
        self.rng = random.Random(seed)
        self.rep = Replica(clock=self.now, randbits=self.rng.getrandbits, durable=False)

    def now(self) -> int:
        self.t += 1
        return self.t

    def publish(self) -> list[Path]:
        return self.rep.publish(self.folder)

    def pull(self) -> PullReport:
        return self.rep.pull(self.folder)

    def doc(self) -> dict[str, Any]:
        return self.rep.materialise()

    def export(self) -> bytes:
        return self.rep.export_bytes()

    def record(self, gid: str) -> dict[str, Any] | None:
        return self.rep.record(gid)


def copy_files(source: Path, dest: Path) -> None:
    """What a sync service does, in one go: every file of *source* into *dest*; a file whose
    name is taken there by other bytes arrives as a Syncthing conflict copy."""
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.name.startswith(".tmp-"):
            continue
        target = dest / path.relative_to(source)
        data = path.read_bytes()
        if target.exists():
            if target.read_bytes() == data:
                continue
            stem = target.name.split(".")[0]
            for n in range(100):
                target = target.with_name(f"{stem}.sync-conflict-20261203-1010{n:02d}-ABCDEFG.jsonl")
                if not target.exists() or target.read_bytes() == data:
                    break
            if target.exists():
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


class Net:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.devices: list[Device] = []

    def device(self, name: str, skew: int = 0, shared: bool = False) -> Device:
        folder = self.root / ("shared" if shared else name)
        folder.mkdir(parents=True, exist_ok=True)
        dev = Device(name, folder, seed=len(self.devices) + 1, skew=skew)
        self.devices.append(dev)
        return dev

    def sync(self, *devices: Device, rounds: int = 3) -> None:
        """Publish, carry every file everywhere, pull; until nothing moves."""
        devices = devices or tuple(self.devices)
        for _ in range(rounds):
            for dev in devices:
                dev.publish()
            for a in devices:
                for b in devices:
                    if a.folder != b.folder:
                        copy_files(a.folder, b.folder)
            reports = [dev.pull() for dev in devices]
            if not any(r.applied or r.republished or r.new_device for r in reports):
                break

    def converged(self, *devices: Device) -> bytes:
        devices = devices or tuple(self.devices)
        exports = [dev.export() for dev in devices]
        for dev, export in zip(devices, exports):
            assert export == exports[0], f"{dev.name} differs:\n{json.loads(export)}\n{json.loads(exports[0])}"
        return exports[0]
