"""The hybrid logical clock and the identifiers of the sync core."""

from __future__ import annotations

import random
import uuid

from dealjournal.sync import hlc
from dealjournal.sync.hlc import HLC
from dealjournal.sync.ids import (
    B64,
    b64,
    gid_from_uuid,
    gid_to_uuid,
    new_device_id,
    new_gid,
)


class Wall:
    def __init__(self, t: int) -> None:
        self.t = t

    def __call__(self) -> int:
        return self.t


def test_stamps_sort_as_their_pairs() -> None:
    rng = random.Random(1)
    pairs = [(rng.randrange(1 << 45), rng.randrange(1 << 10)) for _ in range(2000)]
    stamps = [hlc.encode(l, c) for l, c in pairs]
    assert all(len(s) == hlc.STAMP_LEN and hlc.is_stamp(s) for s in stamps)
    assert [hlc.decode(s) for s in stamps] == pairs
    assert sorted(stamps) == [hlc.encode(l, c) for l, c in sorted(pairs)]


def test_tick_follows_the_wall_clock_and_never_goes_back() -> None:
    wall = Wall(1_000_000)
    clock = HLC(wall)
    first = clock.tick()
    assert hlc.decode(first) == (1_000_000, 0)
    assert hlc.decode(clock.tick()) == (1_000_000, 1)   # same millisecond: the counter
    wall.t -= 2 * 3600 * 1000                            # the wall clock jumps back two hours
    stamps = [clock.tick() for _ in range(5000)]         # the counter overflows on the way
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps) and stamps[0] > first
    wall.t = 2_000_000
    assert hlc.decode(clock.tick()) == (2_000_000, 0)


def test_observe_puts_later_stamps_after_the_remote_one() -> None:
    wall = Wall(1_000_000)
    clock = HLC(wall)
    remote = hlc.encode(1_000_000 + 3600 * 1000, 7)      # a device an hour ahead
    clock.observe(remote)
    assert clock.tick() > remote
    far = hlc.encode(1_000_000 + 30 * 24 * 3600 * 1000, 0)   # a month ahead: not adopted
    clock.observe(far)
    assert clock.tick() < far


def test_observe_of_an_older_stamp_still_moves_on() -> None:
    wall = Wall(5_000)
    clock = HLC(wall)
    before = clock.tick()
    clock.observe(hlc.encode(10, 3))
    assert clock.tick() > before


def test_gids_are_uuid7_and_sort_by_time() -> None:
    rng = random.Random(2)
    gids = [new_gid(1_700_000_000_000 + k, rng.getrandbits) for k in range(300)]
    assert gids == sorted(gids) and len(set(gids)) == 300
    assert all(len(g) == 22 and set(g) <= set(B64) for g in gids)
    u = gid_to_uuid(gids[0])
    assert u.version == 7 and u.variant == uuid.RFC_4122
    assert int.from_bytes(u.bytes[:6], "big") == 1_700_000_000_000
    assert gid_from_uuid(u) == gids[0]


def test_b64_sorts_as_the_bytes() -> None:
    rng = random.Random(3)
    blobs = [rng.randbytes(16) for _ in range(500)]
    assert sorted(b64(b) for b in blobs) == [b64(b) for b in sorted(blobs)]


def test_device_ids_are_folder_names_on_any_file_system() -> None:
    ids = {new_device_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(d) == 8 and d == d.lower() and d.isalnum() for d in ids)
