"""A device's side of the sync: local changes, publishing them, pulling everyone's.

:class:`Replica` = a device id, its hybrid logical clock, the :class:`SyncState` (what it
has applied, the registers, its own files) and a :class:`Merger`.

* Local changes (:meth:`Replica.create`, :meth:`~Replica.edit`, :meth:`~Replica.delete`,
  :meth:`~Replica.restore`, :meth:`~Replica.merge`, :meth:`~Replica.resolve`) are applied at
  once and collected in the file being filled; their context is everything applied so far.
  When a remote file is applied the file being filled is closed first, so that one header
  (one seen vector) is the true context of every line in it; a file left open by an earlier
  session is closed when the store is loaded.
* :meth:`Replica.publish` writes the closed files (and the one being filled) to the sync
  folder, once and for all.
* :meth:`Replica.pull` reads every file under the folder's ``changes/``, whatever its name,
  and applies those whose predecessors are applied (the device's previous file, and the heads
  its header names); the others wait. Incomplete files are skipped (read again next time),
  newer-format ones held and reported.
* A file under the replica's own device id that it did not write means the id is used twice
  (a cloned disk, a restored backup): the replica takes a new id (its files under the old one
  stay valid; so do the other copy's, which every device applies as a fork of that id). Own
  files missing from the folder are written again, byte for byte, from the store.
"""

from __future__ import annotations

import gc
import secrets
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dealjournal.sync import changefile
from dealjournal.sync.changefile import (
    ChangeFile,
    FileKey,
    Incomplete,
    Malformed,
    NewerFormat,
)
from dealjournal.sync.hlc import HLC, wall_ms
from dealjournal.sync.ids import RandomBits, new_device_id, new_gid
from dealjournal.sync.merge import (
    DEFAULT_REFS,
    DELETED,
    INTERNAL,
    INTO,
    KIND,
    Merger,
    canonical,
)
from dealjournal.sync.state import OwnFile, SyncState

Dot = tuple[int, int]   # (file_no, idx) in this replica's sync_file table


@dataclass
class PullReport:
    applied: list[FileKey] = field(default_factory=list)   # files applied, in order
    changes: int = 0
    touched: set[str] = field(default_factory=set)          # gids written by them
    pending: int = 0               # files waiting for a predecessor
    waiting_for: list[FileKey] = field(default_factory=list)   # the predecessors not there yet
    incomplete: list[str] = field(default_factory=list)     # paths, read again next time
    held: list[tuple[str, int]] = field(default_factory=list)  # (path, format) newer than ours
    malformed: list[str] = field(default_factory=list)
    new_device: tuple[str, str] | None = None               # (old id, new id)
    republished: list[Path] = field(default_factory=list)


class Replica:
    def __init__(self, state: SyncState | None = None, *, device: str | None = None,
                 clock: Callable[[], int] = wall_ms, merger: type[Merger] = Merger,
                 randbits: RandomBits = secrets.randbits, durable: bool = True) -> None:
        self.randbits = randbits
        self.state = state if state is not None else SyncState(device or new_device_id(randbits))
        self.clock = clock
        self.hlc = HLC(clock, self.state.hlc_l, self.state.hlc_c)
        self.merger = merger(self.state)
        self.durable = durable
        self._pending: dict[FileKey, ChangeFile] = {}
        self._waiting: dict[FileKey, list[FileKey]] = {}
        self._roots: dict[str, str] | None = None
        # A file left open by an earlier session is closed, not filled further: a copy of this
        # store (a cloned disk) then publishes the very same bytes instead of a second version.
        self._close_batch()

    @property
    def device(self) -> str:
        return self.state.device

    # -- local changes ---------------------------------------------------------------------

    def _batch(self) -> int:
        state = self.state
        if state.batch_no is not None:
            return state.batch_no
        seq = state.seq + 1
        prev = state.own[(state.device, seq - 1)].fid if seq > 1 else None
        info = state.add_file(state.device, seq, "", prev, state.heads_except(state.device))
        state.seq = seq
        state.batch_no = info.no
        state.batch_lines = []
        state.batch_last_gid = None
        return info.no

    def _write(self, gid: str, field: str, value: object) -> Dot:
        state = self.state
        stamp = self.hlc.tick()
        state.hlc_l, state.hlc_c = self.hlc.l, self.hlc.c
        line = changefile.encode_line(gid, field, value, stamp,   # first: a value JSON cannot hold
                                      None if state.batch_no is None else state.batch_last_gid)
        no = self._batch()
        idx = len(state.batch_lines)
        state.batch_lines.append(line)
        state.batch_last_gid = gid
        self.merger.write(state.files[no], idx, gid, field, value, stamp)
        if field == INTO:
            self._roots = None
        return (no, idx)

    def _close_batch(self) -> None:
        state = self.state
        if state.batch_no is None:
            return
        info = state.files[state.batch_no]
        data, digest = changefile.encode(info.device, info.seq, info.prev, info.seen, state.batch_lines)
        fid = digest[:changefile.FID_LEN]
        state.close_file(info.no, fid)
        state.own[(info.device, info.seq)] = OwnFile(fid, data)
        state.outbox.append((info.device, info.seq))
        state.batch_no = None
        state.batch_lines = []
        state.batch_last_gid = None

    def root(self, gid: str) -> str:
        """The record *gid* now belongs to (itself unless merged into another)."""
        if self._roots is None:
            self._roots = self.merger.roots()
        return self._roots.get(gid, gid)

    @staticmethod
    def _user_field(field: str) -> str:
        if not field or field.startswith("_"):
            raise ValueError(f"not a field name: {field!r}")
        return field

    def create(self, kind: str, fields: Mapping[str, object] | None = None, gid: str | None = None) -> str:
        gid = gid or new_gid(self.clock(), self.randbits)
        self._write(gid, KIND, kind)
        for name, value in (fields or {}).items():
            self._write(gid, self._user_field(name), value)
        return gid

    def edit(self, gid: str, field: str, value: object) -> Dot:
        return self._write(self.root(gid), self._user_field(field), value)

    def resolve(self, gid: str, field: str, value: object) -> Dot:
        """Settle a conflict: a write that has seen every candidate (this one sees them all)."""
        return self.edit(gid, field, value)

    def delete(self, gid: str) -> Dot:
        return self._write(self.root(gid), DELETED, True)

    def restore(self, gid: str) -> Dot:
        """Keep a record deleted elsewhere (or bring back a deleted one)."""
        return self._write(self.root(gid), DELETED, None)

    def merge(self, absorbed: str, survivor: str, fields: Mapping[str, object] | None = None) -> Dot | None:
        """Merge record *absorbed* into *survivor*. *fields* are written onto the survivor
        first; by default the absorbed record's fields the survivor lacks."""
        absorbed, survivor = self.root(absorbed), self.root(survivor)
        if absorbed == survivor:
            return None
        if fields is None:
            mine = self.record(survivor)
            theirs = self.record(absorbed)
            have = mine["fields"] if mine else {}
            fields = {f: v for f, v in (theirs["fields"] if theirs else {}).items() if f not in have}
        for name, value in sorted(fields.items()):
            self._write(survivor, self._user_field(name), value)
        return self._write(absorbed, INTO, survivor)

    # -- publishing ------------------------------------------------------------------------

    def publish(self, folder: Path) -> list[Path]:
        """Write every file not yet in the sync folder; their paths."""
        if not folder.is_dir():
            raise FileNotFoundError(f"no sync folder at {folder}")
        self._close_batch()
        state = self.state
        written = []
        while state.outbox:
            device, seq = state.outbox[0]
            own = state.own[(device, seq)]
            if not own.published:
                written.append(changefile.write(folder, device, seq, own.fid, own.data, self.durable))
                own.published = True
            state.outbox.pop(0)
        return written

    # -- pulling ---------------------------------------------------------------------------

    def pull(self, folder: Path) -> PullReport:
        """Read the sync folder, apply what is ready, publish own files gone missing.

        The cyclic garbage collector is paused meanwhile: applying allocates a tuple per
        change and nothing cyclic, and its passes over a growing heap would double the time."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._pull(folder)
        finally:
            if collecting:
                gc.enable()

    def _pull(self, folder: Path) -> PullReport:
        if not folder.is_dir():         # unmounted, or gone: never fill an empty mount point
            raise FileNotFoundError(f"no sync folder at {folder}")
        state = self.state
        report = PullReport()
        present: set[FileKey] = set()
        fresh: list[ChangeFile] = []
        for rel, path, st in changefile.scan(folder):
            cached = state.paths.get(rel)
            if cached is not None and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
                key = cached[2]
                if key is None:
                    continue
                present.add(key)
                if key in state.index or key in self._pending:
                    continue
            try:
                cf = changefile.read(path)
            except Incomplete:
                report.incomplete.append(rel)
                continue
            except NewerFormat as held:
                report.held.append((rel, held.version))
                continue
            except Malformed:
                report.malformed.append(rel)
                state.paths[rel] = (st.st_size, st.st_mtime_ns, None)
                continue
            except OSError:                 # gone meanwhile, or not readable: next time
                report.incomplete.append(rel)
                continue
            key = cf.key
            state.paths[rel] = (st.st_size, st.st_mtime_ns, key)
            present.add(key)
            if key in state.index:
                own = state.own.get((cf.device, cf.seq))
                if own is not None and own.fid == cf.fid:
                    own.published = True      # written by an earlier copy of this store
                continue
            if key in self._pending:
                continue
            if cf.device == state.device:   # under my id, not mine: a cloned disk, a backup
                report.new_device = (state.device, self._new_device())
            self._pending[key] = cf
            fresh.append(cf)
        self._apply_ready(fresh, report)
        report.pending = len(self._pending)
        report.waiting_for = sorted(k for k in self._waiting if k not in self._pending)
        for (device, seq), own in sorted(state.own.items(), key=lambda item: item[0][1]):
            if own.published and (device, seq, own.fid) not in present:
                report.republished.append(changefile.write(folder, device, seq, own.fid, own.data, self.durable))
        return report

    def _new_device(self) -> str:
        state = self.state
        self._close_batch()
        state.former_devices.append(state.device)
        state.device = new_device_id(self.randbits)
        state.seq = 0
        return state.device

    def _missing(self, cf: ChangeFile) -> FileKey | None:
        index = self.state.index
        if cf.seq > 1:
            assert cf.prev is not None
            key = (cf.device, cf.seq - 1, cf.prev)
            if key not in index:
                return key
        for device, heads in cf.seen.items():
            for seq, fid in heads:
                if (device, seq, fid) not in index:
                    return (device, seq, fid)
        return None

    def _apply_ready(self, fresh: list[ChangeFile], report: PullReport) -> None:
        ready: list[ChangeFile] = []
        for cf in fresh:
            missing = self._missing(cf)
            if missing is None:
                ready.append(cf)
            else:
                self._waiting.setdefault(missing, []).append(cf.key)
        ready.reverse()
        while ready:
            cf = ready.pop()
            if cf.key in self.state.index:
                continue
            self._apply(cf, report)
            for key in self._waiting.pop(cf.key, ()):
                waiter = self._pending.get(key)
                if waiter is None:
                    continue
                missing = self._missing(waiter)
                if missing is None:
                    ready.append(waiter)
                else:
                    self._waiting.setdefault(missing, []).append(key)

    def _apply(self, cf: ChangeFile, report: PullReport) -> None:
        state = self.state
        self._close_batch()
        info = state.add_file(cf.device, cf.seq, cf.fid, cf.prev, cf.seen)
        lines = cf.lines
        if lines:
            self.hlc.observe(lines[-1][3])
            state.hlc_l, state.hlc_c = self.hlc.l, self.hlc.c
        self.merger.apply_lines(info, lines)
        del self._pending[cf.key]
        report.applied.append(cf.key)
        report.changes += len(lines)
        report.touched.update(line[0] for line in lines)
        self._roots = None

    # -- reading ---------------------------------------------------------------------------

    def materialise(self, refs: Mapping[str, Collection[str]] = DEFAULT_REFS,
                    exported_at: str | None = None, only: Iterable[str] | None = None) -> dict[str, Any]:
        """The export: every visible record (or those the gids in *only* now belong to)."""
        return self.merger.materialise(refs, exported_at, only)

    def export_bytes(self, refs: Mapping[str, Collection[str]] = DEFAULT_REFS, exported_at: str | None = None) -> bytes:
        return canonical(self.materialise(refs, exported_at))

    def record(self, gid: str) -> dict[str, Any] | None:
        """The visible record *gid* belongs to, as :meth:`materialise` shows it."""
        target = self.root(gid)
        records: list[dict[str, Any]] = self.materialise(only=(target,))["records"]
        return records[0] if records else None

    def conflicts(self) -> list[tuple[str, str, list[Any]]]:
        """(gid, field, values newest first) of every conflict, by gid and field."""
        return [(rec["gid"], f, [c["value"] for c in cands])
                for rec in self.materialise()["records"] for f, cands in sorted(rec["conflicts"].items())]

    def applied_count(self) -> int:
        return len(self.state.files)


__all__ = ["INTERNAL", "Dot", "PullReport", "Replica"]
