"""Change files: written once and for all, read back whatever their name, and never taken
for complete when they are not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dealjournal.sync import changefile
from dealjournal.sync.changefile import Incomplete, Malformed, NewerFormat

STAMP = "1k8u36fia05"
SEEN = {"bbbbbbbb": ((7, "AAAAAAAA"),), "cccccccc": ((3, "BBBBBBBB"), (3, "CCCCCCCC"))}


def lines() -> list[bytes]:
    out, prev = [], None
    for gid, field, value in [("g1", "_k", "contact"), ("g1", "name", "Zoë \"Z\" Müller"),
                              ("g1", "note", "two\nlines\u2028and a separator"), ("g2", "phone", None),
                              ("g2", "tags", ["a", {"b": 1.5}]), ("g1", "stage", "lead")]:
        out.append(changefile.encode_line(gid, field, value, STAMP, prev))
        prev = gid
    return out


def sample(seq: int = 2, prev: str | None = "PPPPPPPP") -> tuple[bytes, str]:
    return changefile.encode("aaaaaaaa", seq, prev, SEEN, lines())


def test_round_trip() -> None:
    data, digest = sample()
    cf = changefile.parse(data)
    assert (cf.device, cf.seq, cf.prev, cf.seen, cf.digest) == ("aaaaaaaa", 2, "PPPPPPPP", SEEN, digest)
    assert cf.key == ("aaaaaaaa", 2, digest[:8])
    assert [line[:3] for line in cf.lines] == [
        ["g1", "_k", "contact"], ["g1", "name", "Zoë \"Z\" Müller"], ["g1", "note", "two\nlines\u2028and a separator"],
        ["g2", "phone", None], ["g2", "tags", ["a", {"b": 1.5}]], ["g1", "stage", "lead"]]
    text = data.decode()
    assert text.count("\n") == 8 and '["","name"' in text          # a repeated gid is left out
    assert json.loads(text.splitlines()[-1]) == {"h": digest}


def test_first_file_has_no_prev_and_an_empty_seen_vector_is_left_out() -> None:
    data, _ = changefile.encode("aaaaaaaa", 1, None, {}, lines())
    assert data.split(b"\n")[0] == b'{"v":1,"d":"aaaaaaaa","s":1}'
    cf = changefile.parse(data)
    assert cf.prev is None and cf.seen == {}


def test_every_truncation_is_incomplete() -> None:
    data, _ = sample()
    for cut in range(len(data)):
        with pytest.raises(Incomplete):
            changefile.parse(data[:cut])


def test_any_changed_byte_is_incomplete_or_malformed_never_read() -> None:
    data, _ = sample()
    for at in range(len(data) - 1):
        broken = bytearray(data)
        broken[at] ^= 0x01
        with pytest.raises((Incomplete, Malformed)):
            changefile.parse(bytes(broken))


def test_a_newer_format_is_held_complete_or_not() -> None:
    data = b'{"v":2,"d":"aaaaaaaa","s":1,"z":"new"}\n[1,2]\n{"h":"whatever"}\n'
    for cut in (len(data), len(data) - 3, data.index(b"\n") + 1):
        with pytest.raises(NewerFormat) as held:
            changefile.parse(data[:cut])
        assert held.value.version == 2


def with_trailer(body: bytes) -> bytes:
    import hashlib

    from dealjournal.sync.ids import b64
    return body + b'{"h":"' + b64(hashlib.sha256(body).digest()[:16]).encode() + b'"}\n'


@pytest.mark.parametrize("body", [
    b'["not a header"]\n',
    b'{"v":0,"d":"a","s":1}\n',
    b'{"v":1,"d":"a","s":0}\n',
    b'{"v":1,"d":"a","s":2}\n',                       # no prev
    b'{"v":1,"d":"a","s":1,"p":"x"}\n',                # prev on the first
    b'{"v":1,"d":"a","s":1,"k":{"b":[1]}}\n',
    b'{"v":1,"d":"a","s":1}\n["g","f",1]\n',
    b'{"v":1,"d":"a","s":1}\n["","f",1,"1k8u36fia05"]\n',
    b'{"v":1,"d":"a","s":1}\n["g","",1,"1k8u36fia05"]\n',
    b'{"v":1,"d":"a","s":1}\n["g","f",1,"short"]\n',
    b'{"v":1,"d":"a","s":1}\n["g","f",1,"1k8u36fia0z"]\n',   # not base 32
    b'{"v":1,"d":"a","s":1}\n\n',
])
def test_complete_but_invalid_is_malformed(body: bytes) -> None:
    with pytest.raises(Malformed):
        changefile.parse(with_trailer(body))


def test_write_is_atomic_and_never_replaces(tmp_path: Path) -> None:
    data, digest = sample()
    path = changefile.write(tmp_path, "aaaaaaaa", 2, digest[:8], data)
    assert path == tmp_path / "changes" / "aaaaaaaa" / "2.jsonl" and path.read_bytes() == data
    assert changefile.write(tmp_path, "aaaaaaaa", 2, digest[:8], data) == path        # already there
    other, other_digest = changefile.encode("aaaaaaaa", 2, "QQQQQQQQ", {}, lines())  # a clone's file 2
    second = changefile.write(tmp_path, "aaaaaaaa", 2, other_digest[:8], other, durable=False)
    assert second.name == f"2.{other_digest[:8]}.jsonl" and path.read_bytes() == data
    assert sorted(os.listdir(path.parent)) == sorted(["2.jsonl", second.name])      # no temporary left


def test_scan_takes_every_name_but_temporary_ones(tmp_path: Path) -> None:
    folder = tmp_path / "changes"
    keep = ["aaaaaaaa/1.jsonl", "aaaaaaaa/5.sync-conflict-20261203-101010-ABCDEFG.jsonl",
            "aaaaaaaa/5 (conflicted copy).jsonl", "bbbbbbbb/deeper/still/7.jsonl", "stray.txt"]
    skip = ["aaaaaaaa/.tmp-0123456789ab", "aaaaaaaa/.syncthing.5.jsonl.tmp", "aaaaaaaa/~syncthing~5.jsonl.tmp",
            ".dropbox.cache/x.jsonl", "aaaaaaaa/.dropbox", "aaaaaaaa/5.jsonl.part", ".stversions/1.jsonl"]
    for rel in keep + skip:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text("x")
    (tmp_path / "outside.jsonl").write_text("x")
    found = sorted(rel for rel, _path, _stat in changefile.scan(tmp_path))
    assert found == sorted(f"changes/{rel}" for rel in keep)
    assert list(changefile.scan(tmp_path / "nowhere")) == []
