"""Change files: writing them once and for all, finding and verifying them (FORMAT.md).

A change file is ``changes/<device>/<seq>.jsonl`` under the sync folder: a header line, one
line per field change, a trailer line with the digest of everything before it. It is written
under a temporary name in its final folder, fsynced, given its final name without ever
replacing a file, and the folder fsynced; it is never changed or deleted afterwards.

Reading does not trust names: :func:`scan` lists every file under ``changes/`` (conflict
copies of sync engines too) except temporary files, and :func:`read` tells a file by its
header. A file whose trailer is missing or does not match (half-written, still arriving) is
:class:`Incomplete` and is read again next time; one of a newer format is
:class:`NewerFormat` (held, the user told); one that is complete but not valid is
:class:`Malformed`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dealjournal.sync.hlc import STAMP_LEN
from dealjournal.sync.ids import B32, b64

FORMAT_VERSION = 1
CHANGES_DIR = "changes"
TEMP_PREFIX = ".tmp-"
FID_LEN = 8          # a file's id: the first characters of its digest
DIGEST_BYTES = 16    # sha256, truncated to 128 bits, in 22 sortable base-64 characters
_TRAILER_START = b'{"h":"'
_TRAILER_END = b'"}'

FileKey = tuple[str, int, str]                   # (device, seq, file id)
Heads = Mapping[str, Sequence[tuple[int, str]]]  # device -> the (seq, file id) of its heads


class ChangeFileError(Exception):
    pass


class Incomplete(ChangeFileError):
    """No trailer, or one that does not match: being written or copied; read it again later."""


class NewerFormat(ChangeFileError):
    """Written by a newer version of the app: held (never dropped) until this one is updated."""

    def __init__(self, version: int) -> None:
        super().__init__(f"change file of format {version} (this version reads {FORMAT_VERSION})")
        self.version = version


class Malformed(ChangeFileError):
    """Complete (its digest matches) but not a valid change file."""


@dataclass(slots=True)
class ChangeFile:
    device: str
    seq: int
    prev: str | None                           # the file id of the device's file seq - 1
    seen: dict[str, tuple[tuple[int, str], ...]]  # other devices' heads when it was written
    lines: list[list[Any]]                     # [gid, field, value, stamp], gids filled in
    digest: str

    @property
    def fid(self) -> str:
        return self.digest[:FID_LEN]

    @property
    def key(self) -> FileKey:
        return (self.device, self.seq, self.digest[:FID_LEN])


# -- writing -----------------------------------------------------------------------------

def encode_line(gid: str, field: str, value: object, stamp: str, previous_gid: str | None) -> bytes:
    """One change line; the gid is left empty when it repeats the previous line's."""
    return json.dumps(["" if gid == previous_gid else gid, field, value, stamp],
                      ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def encode_header(device: str, seq: int, prev: str | None, seen: Heads) -> bytes:
    header: dict[str, object] = {"v": FORMAT_VERSION, "d": device, "s": seq}
    if prev is not None:
        header["p"] = prev
    if seen:
        header["k"] = {dev: [x for head in sorted(heads) for x in head] for dev, heads in sorted(seen.items())}
    return json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode(device: str, seq: int, prev: str | None, seen: Heads, lines: Sequence[bytes]) -> tuple[bytes, str]:
    """The bytes of a change file and its digest."""
    body = b"\n".join([encode_header(device, seq, prev, seen), *lines]) + b"\n"
    digest = b64(hashlib.sha256(body).digest()[:DIGEST_BYTES])
    return body + _TRAILER_START + digest.encode("ascii") + _TRAILER_END + b"\n", digest


def file_name(seq: int) -> str:
    return f"{seq}.jsonl"


def write(folder: Path, device: str, seq: int, fid: str, data: bytes, durable: bool = True) -> Path:
    """Put *data* at ``changes/<device>/<seq>.jsonl`` under *folder* (or, when that name is
    taken by another file, ``<seq>.<fid>.jsonl``): temporary name, fsync, link, fsync of the
    folder. An existing file is never replaced; if it already holds *data*, it is the answer."""
    directory = folder / CHANGES_DIR / device
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)
    try:
        for name in (file_name(seq), f"{seq}.{fid}.jsonl", f"{seq}.{fid}.{secrets.token_hex(3)}.jsonl"):
            final = directory / name
            try:
                os.link(tmp, final)
            except FileExistsError:
                if _holds(final, data):
                    return final
                continue
            except OSError:          # no hard links here (FAT, some network file systems)
                if final.exists():
                    if _holds(final, data):
                        return final
                    continue
                os.replace(tmp, final)
            break
        else:  # pragma: no cover - three taken names
            raise FileExistsError(directory / file_name(seq))
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    if durable:
        fsync_dir(directory)
    return final


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- finding and reading -----------------------------------------------------------------

def is_temporary(name: str) -> bool:
    """Ours (``.tmp-*``), Syncthing's (``.syncthing.*.tmp``, ``~syncthing~*``), Dropbox's
    (``.dropbox*``), and every other hidden or partial file."""
    return name.startswith((".", "~")) or name.endswith((".tmp", ".part", ".partial", ".crdownload"))


def scan(folder: Path) -> Iterator[tuple[str, str, os.stat_result]]:
    """(path relative to *folder*, full path, stat) of every candidate change file under
    ``changes/``, whatever its name and depth."""
    root = os.path.join(os.fspath(folder), CHANGES_DIR)
    stack = [(root, CHANGES_DIR)]
    while stack:
        directory, rel = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if is_temporary(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, f"{rel}/{entry.name}"))
                elif entry.is_file(follow_symlinks=False):
                    yield f"{rel}/{entry.name}", entry.path, entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue


def read(path: str | os.PathLike[str]) -> ChangeFile:
    with open(path, "rb") as handle:
        return parse(handle.read())


def parse(data: bytes) -> ChangeFile:
    """The change file in *data*; :class:`Incomplete`, :class:`NewerFormat`, :class:`Malformed`."""
    last = data.rfind(b"\n", 0, len(data) - 1)
    trailer = data[last + 1:]
    body = data[:last + 1]
    if (last < 0 or not trailer.startswith(_TRAILER_START) or not trailer.endswith(_TRAILER_END + b"\n")
            or trailer[len(_TRAILER_START):-len(_TRAILER_END) - 1]
            != b64(hashlib.sha256(body).digest()[:DIGEST_BYTES]).encode("ascii")):
        _check_version(data)
        raise Incomplete("no trailer, or one that does not match")
    digest = trailer[len(_TRAILER_START):-len(_TRAILER_END) - 1].decode("ascii")
    try:
        items = json.loads(b"[" + body[:-1].replace(b"\n", b",") + b"]")
    except ValueError:
        _check_version(data)
        raise Malformed("not JSON lines") from None
    header = items[0]
    if not isinstance(header, dict) or header.get("v") != FORMAT_VERSION:
        _check_version(data)
        raise Malformed(f"bad header: {data[:200]!r}")
    device, seq, prev, seen = _header(header)
    lines = items[1:]
    _check_lines(lines)
    return ChangeFile(device, seq, prev, seen, lines, digest)


def _check_version(data: bytes) -> None:
    """Raise :class:`NewerFormat` if the first line is a header of a newer format."""
    first = data.find(b"\n")
    try:
        header = json.loads(data[:first] if first >= 0 else data)
    except ValueError:
        return
    version = header.get("v") if isinstance(header, dict) else None
    if type(version) is int and version > FORMAT_VERSION:
        raise NewerFormat(version)


def _header(header: dict[str, Any]) -> tuple[str, int, str | None, dict[str, tuple[tuple[int, str], ...]]]:
    device, seq, prev, known = header.get("d"), header.get("s"), header.get("p"), header.get("k", {})
    if not (type(device) is str and device and type(seq) is int and seq >= 1):
        raise Malformed("header: d and s")
    if (seq == 1) != (prev is None) or not (prev is None or type(prev) is str):
        raise Malformed("header: p")
    if type(known) is not dict:
        raise Malformed("header: k")
    seen: dict[str, tuple[tuple[int, str], ...]] = {}
    for dev, flat in known.items():
        if type(flat) is not list or not flat or len(flat) % 2:
            raise Malformed(f"header: k[{dev!r}]")
        heads = tuple(zip(flat[::2], flat[1::2]))
        for s, h in heads:
            if type(s) is not int or type(h) is not str:
                raise Malformed(f"header: k[{dev!r}]")
        seen[dev] = heads
    return device, seq, prev, seen


def _check_lines(lines: list[Any]) -> None:
    """Every line is [gid, field, value, stamp]; an empty gid (the previous line's) is filled in."""
    gid = ""
    for line in lines:
        if type(line) is not list or len(line) != 4:
            raise Malformed(f"change line: {line!r}")
        g, field, _value, stamp = line
        if g == "":
            if not gid:
                raise Malformed("change line: no gid")
            line[0] = gid
        elif type(g) is str:
            gid = g
        else:
            raise Malformed(f"change line: gid {g!r}")
        if (type(field) is not str or not field or type(stamp) is not str or len(stamp) != STAMP_LEN
                or stamp.strip(B32)):
            raise Malformed(f"change line: {line!r}")
