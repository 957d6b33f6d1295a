"""The sync state in the journal's SQLite file (schema version 10), loaded as far as a pass needs it.

:class:`DbState` is a :class:`~dealjournal.sync.state.SyncState` whose big parts are read on
demand and whose changes are written back at the end of a pass (:meth:`DbState.save`), so that
a pass costs what it touches, not what the journal holds:

``sync_meta(key, value)``
    ``device``, ``former_devices`` (JSON), ``seq``, ``hlc_l``, ``hlc_c``, ``heads`` (JSON:
    device -> the numbers of its head files), ``forked`` (JSON), ``next_no``; also the folder,
    the device name and ``track`` (see :mod:`dealjournal.sync.journal`).
``sync_file(no, device, seq, fid, prev, seen)``
    every applied change file (read one by one, by number: :class:`LazyFiles`), with
    ``UNIQUE(device, seq, fid)`` (:class:`LazyIndex`).
``sync_record(rec, data)``
    a record's registers, ``{field: [[value, stamp, file_no, idx], …]}`` in JSON, one row per
    record, read when the pass meets the gid (:class:`LazyValues`) and written back when it was read.
``sync_redirect(rec)``
    the records carrying a merge register (:attr:`SyncState.merged`), read whole (few).
``sync_own(device, seq, fid, data, published)``
    the bytes of every file this store wrote (read only when written again).
``sync_path(relpath, size, mtime_ns, device, seq, fid)``
    what the last scan found under the sync folder (read whole by a pull).

No file is ever left open between passes: :meth:`DbState.save` is called after the file
being filled is closed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from dealjournal.sync.state import Cand, FileInfo, FileKey, OwnFile, SyncState

_CHUNK = 500


def _decode_record(text: str) -> dict[str, list[Cand]]:
    return {f: [tuple(c) for c in cands] for f, cands in json.loads(text).items()}  # type: ignore[misc]


def _encode_record(record: dict[str, list[Cand]]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _file(row: tuple[Any, ...]) -> FileInfo:
    no, device, seq, fid, prev, seen = row
    heads = {dev: tuple((s, h) for s, h in zip(flat[::2], flat[1::2]))
             for dev, flat in json.loads(seen).items()} if seen else {}
    return FileInfo(no, device, seq, fid, prev, heads)


class LazyFiles(dict):  # type: ignore[type-arg]
    """file number -> :class:`FileInfo`, read from ``sync_file`` when first asked for."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn

    def __missing__(self, no: int) -> FileInfo:
        row = self.conn.execute("SELECT no, device, seq, fid, prev, seen FROM sync_file WHERE no = ?",
                                (no,)).fetchone()
        if row is None:
            raise KeyError(no)
        info = _file(row)
        self[no] = info
        return info

    def load(self, numbers: Iterable[int]) -> None:
        wanted = sorted({n for n in numbers if not dict.__contains__(self, n)})
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start:start + _CHUNK]
            for row in self.conn.execute(
                    f"SELECT no, device, seq, fid, prev, seen FROM sync_file WHERE no IN ({','.join('?' * len(part))})",
                    part):
                self[row[0]] = _file(row)


class LazyIndex(dict):  # type: ignore[type-arg]
    """(device, seq, fid) -> file number, from ``sync_file`` (all of it once :meth:`load_all` ran)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.complete = False
        self.absent: set[FileKey] = set()
        self.seqs: dict[tuple[str, int], set[int]] = {}   # (device, seq) -> file numbers known here

    def load_all(self) -> None:
        if not self.complete:
            for no, device, seq, fid in self.conn.execute("SELECT no, device, seq, fid FROM sync_file"):
                dict.__setitem__(self, (device, seq, fid), no)
                self.seqs.setdefault((device, seq), set()).add(no)
            self.complete = True

    def _load(self, key: FileKey) -> int | None:
        if self.complete or key in self.absent:
            return None
        row = self.conn.execute("SELECT no FROM sync_file WHERE device = ? AND seq = ? AND fid = ?", key).fetchone()
        if row is None:
            self.absent.add(key)
            return None
        dict.__setitem__(self, key, row[0])
        self.seqs.setdefault((key[0], key[1]), set()).add(row[0])
        return int(row[0])

    def __setitem__(self, key: FileKey, no: int) -> None:
        self.absent.discard(key)
        dict.__setitem__(self, key, no)
        self.seqs.setdefault((key[0], key[1]), set()).add(no)

    def get(self, key: FileKey, default: Any = None) -> Any:
        found = dict.get(self, key)
        if found is None:
            found = self._load(key)
        return default if found is None else found

    def __missing__(self, key: FileKey) -> int:
        found = self._load(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, tuple) and self._load(key) is not None)  # type: ignore[arg-type]

    def others(self, device: str, seq: int, no: int) -> bool:
        """Is there another file (device, seq, *) than *no*?"""
        if self.seqs.get((device, seq), set()) - {no}:
            return True
        if self.complete:
            return False
        row = self.conn.execute("SELECT 1 FROM sync_file WHERE device = ? AND seq = ? AND no <> ?",
                                (device, seq, no)).fetchone()
        return row is not None


class LazyValues(dict):  # type: ignore[type-arg]
    """gid -> its registers, read from ``sync_record`` when the pass first meets the gid."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.absent: set[str] = set()
        self.complete = conn.execute("SELECT 1 FROM sync_record LIMIT 1").fetchone() is None

    def _load(self, gid: str) -> dict[str, list[Cand]] | None:
        if self.complete or gid in self.absent:
            return None
        row = self.conn.execute("SELECT data FROM sync_record WHERE rec = ?", (gid,)).fetchone()
        if row is None:
            self.absent.add(gid)
            return None
        record = _decode_record(row[0])
        dict.__setitem__(self, gid, record)
        return record

    def prefetch(self, gids: Iterable[str]) -> None:
        """Read the records of many gids at once (those not read yet)."""
        if self.complete:
            return
        wanted = [g for g in set(gids) if not dict.__contains__(self, g) and g not in self.absent]
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start:start + _CHUNK]
            found = set()
            for gid, data in self.conn.execute(
                    f"SELECT rec, data FROM sync_record WHERE rec IN ({','.join('?' * len(part))})", part):
                dict.__setitem__(self, gid, _decode_record(data))
                found.add(gid)
            self.absent.update(g for g in part if g not in found)

    def get(self, gid: str, default: Any = None) -> Any:
        found = dict.get(self, gid)
        if found is None:
            found = self._load(gid)
        return default if found is None else found

    def __missing__(self, gid: str) -> dict[str, list[Cand]]:
        found = self._load(gid)
        if found is None:
            raise KeyError(gid)
        return found

    def __contains__(self, gid: object) -> bool:
        return dict.__contains__(self, gid) or (isinstance(gid, str) and self._load(gid) is not None)

    def __setitem__(self, gid: str, record: dict[str, list[Cand]]) -> None:
        self.absent.discard(gid)
        dict.__setitem__(self, gid, record)


class StoredOwn(OwnFile):
    """An own file whose bytes stay in ``sync_own`` until they are needed."""

    def __init__(self, conn: sqlite3.Connection, device: str, seq: int, fid: str, published: bool) -> None:
        self._conn = conn
        self._key = (device, seq)
        self._data: bytes | None = None
        self.fid = fid
        self.published = published
        self.stored_published = published

    @property  # type: ignore[override]
    def data(self) -> bytes:
        if self._data is None:
            row = self._conn.execute("SELECT data FROM sync_own WHERE device = ? AND seq = ?", self._key).fetchone()
            self._data = bytes(row[0])
        return self._data

    @data.setter
    def data(self, value: bytes) -> None:
        self._data = value


META_KEYS = ("device", "former_devices", "seq", "hlc_l", "hlc_c", "heads", "forked", "next_no")


class DbState(SyncState):
    """The sync state of the open journal, read as needed (see the module's docstring)."""

    conn: sqlite3.Connection
    next_no: int
    start_no: int
    stored_paths: dict[str, tuple[int, int, FileKey | None]] | None
    own_keys: set[tuple[str, int]]

    @classmethod
    def load(cls, conn: sqlite3.Connection, *, pull: bool = False) -> DbState:
        meta = dict(conn.execute(f"SELECT key, value FROM sync_meta WHERE key IN ({','.join('?' * len(META_KEYS))})",
                                 META_KEYS).fetchall())
        state = cls(device=meta["device"])
        state.conn = conn
        state.former_devices = json.loads(meta.get("former_devices") or "[]")
        state.seq = int(meta.get("seq") or 0)
        state.hlc_l = int(meta.get("hlc_l") or 0)
        state.hlc_c = int(meta.get("hlc_c") or 0)
        state.heads = {dev: list(nos) for dev, nos in json.loads(meta.get("heads") or "{}").items()}
        state.forked = set(json.loads(meta.get("forked") or "[]"))
        state.next_no = state.start_no = int(meta.get("next_no") or 0)
        state.files = LazyFiles(conn)  # type: ignore[assignment]
        state.index = LazyIndex(conn)
        state.values = LazyValues(conn)
        state.merged = {row[0] for row in conn.execute("SELECT rec FROM sync_redirect")}
        state.own = {}
        state.own_keys = set()
        for device, seq, fid, published in conn.execute("SELECT device, seq, fid, published FROM sync_own"):
            state.own[(device, seq)] = StoredOwn(conn, device, seq, fid, bool(published))
            state.own_keys.add((device, seq))
        state.outbox = sorted((k for k, own in state.own.items() if not own.published), key=lambda k: k[1])
        state.stored_paths = None
        if pull:
            state.index.load_all()  # type: ignore[attr-defined]
            state.paths = {}
            for rel, size, mtime, device, seq, fid in conn.execute(
                    "SELECT relpath, size, mtime_ns, device, seq, fid FROM sync_path"):
                state.paths[rel] = (size, mtime, (device, seq, fid) if device is not None else None)
            state.stored_paths = dict(state.paths)
        return state

    # -- sync_file, numbered by next_no (not by the length of a list) ---------------------

    def _next_no(self) -> int:
        self.next_no += 1
        return self.next_no - 1

    def _keep(self, info: FileInfo) -> None:
        self.files[info.no] = info  # type: ignore[call-overload]

    def _index(self, info: FileInfo) -> None:
        self.index[info.key] = info.no
        if self.index.others(info.device, info.seq, info.no):  # type: ignore[attr-defined]
            self.forked.add(info.device)

    # -- writing back ---------------------------------------------------------------------

    def save(self) -> None:
        """Write back what this pass changed (call with the file being filled closed)."""
        assert self.batch_no is None, "a file is still being filled"
        conn = self.conn
        files: dict[int, FileInfo] = self.files  # type: ignore[assignment]
        new_files = [files[no] for no in range(self.start_no, self.next_no)]
        conn.executemany(
            "INSERT INTO sync_file (no, device, seq, fid, prev, seen) VALUES (?, ?, ?, ?, ?, ?)",
            [(f.no, f.device, f.seq, f.fid, f.prev,
              json.dumps({d: [x for head in sorted(h) for x in head] for d, h in sorted(f.seen.items())},
                         separators=(",", ":")) if f.seen else None) for f in new_files])
        self.start_no = self.next_no
        conn.executemany("INSERT OR REPLACE INTO sync_record (rec, data) VALUES (?, ?)",
                         [(gid, _encode_record(record)) for gid, record in dict.items(self.values)])
        if isinstance(self.values, LazyValues):
            self.values.complete = False
        conn.executemany("INSERT OR IGNORE INTO sync_redirect (rec) VALUES (?)", [(g,) for g in self.merged])
        for key, own in self.own.items():
            if key not in self.own_keys:
                conn.execute("INSERT INTO sync_own (device, seq, fid, data, published) VALUES (?, ?, ?, ?, ?)",
                             (key[0], key[1], own.fid, own.data, int(own.published)))
                self.own_keys.add(key)
                self.own[key] = stored = StoredOwn(conn, key[0], key[1], own.fid, own.published)
                stored.data = own.data
            elif isinstance(own, StoredOwn) and own.published != own.stored_published:
                conn.execute("UPDATE sync_own SET published = ? WHERE device = ? AND seq = ?",
                             (int(own.published), *key))
                own.stored_published = own.published
        if self.stored_paths is not None:
            old = self.stored_paths
            changed = [(rel, size, mtime, *(key or (None, None, None)))
                       for rel, (size, mtime, key) in self.paths.items() if old.get(rel) != (size, mtime, key)]
            conn.executemany("INSERT OR REPLACE INTO sync_path (relpath, size, mtime_ns, device, seq, fid) "
                             "VALUES (?, ?, ?, ?, ?, ?)", changed)
            self.stored_paths = dict(self.paths)
        meta = {"device": self.device, "former_devices": json.dumps(self.former_devices), "seq": str(self.seq),
                "hlc_l": str(self.hlc_l), "hlc_c": str(self.hlc_c),
                "heads": json.dumps({d: nos for d, nos in self.heads.items() if nos}, separators=(",", ":")),
                "forked": json.dumps(sorted(self.forked)), "next_no": str(self.next_no)}
        conn.executemany("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", meta.items())


def new_state(conn: sqlite3.Connection, device: str) -> DbState:
    """Start the sync state of a journal that never synced (its device id: *device*)."""
    conn.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('device', ?)", (device,))
    return DbState.load(conn)
