"""The sync state of one device, in plain dicts, lists and tuples (the journal keeps it in the
tables of :mod:`dealjournal.sync.tables`, read lazily). The layout first planned for them, one row per entry (nothing here needs
more than keyed look-ups):

``sync_meta(key PRIMARY KEY, value)``
    ``device`` (the current device id), ``former_devices`` (ids this store wrote under
    before a clone was detected), ``seq`` (the last sequence of the current id),
    ``hlc_l`` / ``hlc_c`` (the clock).
``sync_file(no INTEGER PRIMARY KEY, device, seq, fid, prev, seen_json, digest)``
    Every applied change file, remote or own, in the order applied: :attr:`SyncState.files`.
    ``UNIQUE(device, seq, fid)`` is :attr:`SyncState.index`; ``(device, seq)`` with more than
    one row marks a forked (cloned) device id (:attr:`SyncState.forked`). The heads
    (:attr:`SyncState.heads`) are the rows no other row of the same device names as ``prev``.
``sync_value(gid, field, value_json, stamp, file_no, idx, PRIMARY KEY(file_no, idx))``
    with an index on ``(gid, field)``: the surviving candidates of every register,
    :attr:`SyncState.values` (``gid -> field -> [(value, stamp, file_no, idx)]``). A value
    is deleted when a later write has seen it; nothing else is ever kept.
``sync_own(device, seq, fid, data BLOB, published, PRIMARY KEY(device, seq))``
    The bytes of every change file this store wrote (:attr:`SyncState.own`), kept to publish
    them again when they vanish from the sync folder; ``published = 0`` is the outbox
    (:attr:`SyncState.outbox`, in order).
``sync_batch(lines_json)``
    The change lines of the file being filled (:attr:`SyncState.batch_lines`), whose
    ``sync_file`` row has an empty fid until it is closed.
``sync_path(relpath PRIMARY KEY, size, mtime_ns, device, seq, fid)``
    What a scan found under the sync folder (:attr:`SyncState.paths`): a file seen before,
    unchanged, is not read again.
``sync_redirect(gid PRIMARY KEY)``
    The records that carry a merge (``_into``) register (:attr:`SyncState.merged`): the
    redirects are worked out from them alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FileKey = tuple[str, int, str]
Cand = tuple[Any, str, int, int]   # (value, stamp, file_no, idx): one surviving write


class FileInfo:
    """A row of ``sync_file``. ``seen`` names the heads of every other device the writer had
    applied; ``seen_max`` is the highest seq among them (the fast path when no fork)."""

    __slots__ = ("device", "fid", "no", "prev", "seen", "seen_max", "seq")

    def __init__(self, no: int, device: str, seq: int, fid: str, prev: str | None,
                 seen: dict[str, tuple[tuple[int, str], ...]]) -> None:
        self.no = no
        self.device = device
        self.seq = seq
        self.fid = fid
        self.prev = prev
        self.seen = seen
        self.seen_max = {dev: max(s for s, _ in heads) for dev, heads in seen.items()}

    @property
    def key(self) -> FileKey:
        return (self.device, self.seq, self.fid)

    def __repr__(self) -> str:
        return f"FileInfo({self.no}, {self.device}/{self.seq}/{self.fid or '(open)'})"


@dataclass(slots=True)
class OwnFile:
    fid: str
    data: bytes
    published: bool = False


@dataclass
class SyncState:
    device: str
    former_devices: list[str] = field(default_factory=list)
    seq: int = 0
    hlc_l: int = 0
    hlc_c: int = 0
    files: list[FileInfo] = field(default_factory=list)
    index: dict[FileKey, int] = field(default_factory=dict)
    by_seq: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    forked: set[str] = field(default_factory=set)
    heads: dict[str, list[int]] = field(default_factory=dict)
    values: dict[str, dict[str, list[Cand]]] = field(default_factory=dict)
    merged: set[str] = field(default_factory=set)
    own: dict[tuple[str, int], OwnFile] = field(default_factory=dict)
    outbox: list[tuple[str, int]] = field(default_factory=list)   # own files not yet published
    batch_no: int | None = None              # the file being filled, if any
    batch_lines: list[bytes] = field(default_factory=list)
    batch_last_gid: str | None = None
    paths: dict[str, tuple[int, int, FileKey | None]] = field(default_factory=dict)

    # -- sync_file ---------------------------------------------------------------------

    def add_file(self, device: str, seq: int, fid: str, prev: str | None,
                 seen: dict[str, tuple[tuple[int, str], ...]]) -> FileInfo:
        """A new row of ``sync_file`` (fid empty for a file still being filled)."""
        info = FileInfo(self._next_no(), device, seq, fid, prev, seen)
        self._keep(info)
        heads = self.heads.setdefault(device, [])
        if prev is not None:
            parent = self.index.get((device, seq - 1, prev))
            if parent is not None and parent in heads:
                heads.remove(parent)
        heads.append(info.no)
        if fid:
            self._index(info)
        return info

    def _next_no(self) -> int:
        return len(self.files)

    def _keep(self, info: FileInfo) -> None:
        self.files.append(info)

    def close_file(self, no: int, fid: str) -> None:
        info = self.files[no]
        info.fid = fid
        self._index(info)

    def _index(self, info: FileInfo) -> None:
        self.index[info.key] = info.no
        same = self.by_seq.setdefault((info.device, info.seq), [])
        same.append(info.no)
        if len(same) > 1:
            self.forked.add(info.device)

    def heads_except(self, device: str) -> dict[str, tuple[tuple[int, str], ...]]:
        """The heads of every device but *device*, as a header names them."""
        files = self.files
        return {dev: tuple(sorted((files[n].seq, files[n].fid) for n in nos))
                for dev, nos in self.heads.items() if dev != device and nos}
