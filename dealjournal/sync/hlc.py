"""Hybrid logical clock: stamps that follow the wall clock, never go back, and come after
every stamp the device has seen.

A stamp is the pair (l, c): l a time in Unix milliseconds, c a counter for events within one
millisecond (or while the wall clock lags behind l). It is written as 11 characters of
sortable base 32, l in the first 9 (45 bits: until the year 3084), c in the last 2
(0..1023), so that stamps compare as strings do. Ties between devices are broken by the
device id, which the stamp does not carry (a change file names its device once, in its
header).

Robustness: if the wall clock jumps back, l stays where it was and c counts on; if c would
overflow, l moves on by a millisecond. A remote stamp more than ``max_drift_ms`` ahead of
the local wall clock (a device whose clock is wildly off) is not adopted, so that it cannot
drag every later stamp into the future; nothing in the merge depends on stamps for
correctness (causality comes from the files' seen vectors), they only order conflicting
values newest first.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from dealjournal.sync.ids import B32, encode_int

COUNTER_BITS = 10
COUNTER_MAX = (1 << COUNTER_BITS) - 1
STAMP_LEN = 11
_B32_INDEX = {ch: i for i, ch in enumerate(B32)}


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def encode(l: int, c: int) -> str:  # l, c: the names of the HLC paper
    return encode_int((l << COUNTER_BITS) | c, STAMP_LEN, B32)


def decode(stamp: str) -> tuple[int, int]:
    if len(stamp) != STAMP_LEN:
        raise ValueError(f"not a stamp: {stamp!r}")
    n = 0
    for ch in stamp:
        n = n * 32 + _B32_INDEX[ch]
    return n >> COUNTER_BITS, n & COUNTER_MAX


def is_stamp(value: object) -> bool:
    return type(value) is str and len(value) == STAMP_LEN and all(ch in _B32_INDEX for ch in value)


class HLC:
    """The clock of one device; ``l`` and ``c`` are its whole state (persist them)."""

    __slots__ = ("c", "l", "max_drift_ms", "now_ms")

    def __init__(self, now_ms: Callable[[], int] = wall_ms, l: int = 0, c: int = 0,
                 max_drift_ms: int = 24 * 3600 * 1000) -> None:
        self.l = l
        self.c = c
        self.now_ms = now_ms
        self.max_drift_ms = max_drift_ms

    def _bump(self) -> None:
        if self.c >= COUNTER_MAX:
            self.l += 1
            self.c = 0
        else:
            self.c += 1

    def tick(self) -> str:
        """The stamp of a local event."""
        pt = self.now_ms()
        if pt > self.l:
            self.l, self.c = pt, 0
        else:
            self._bump()
        return encode(self.l, self.c)

    def observe(self, stamp: str) -> None:
        """Take in a remote stamp, so that later local stamps come after it."""
        try:
            rl, rc = decode(stamp)
        except (KeyError, ValueError):
            return
        pt = self.now_ms()
        if rl > pt + self.max_drift_ms:
            return
        if pt > self.l and pt > rl:
            self.l, self.c = pt, 0
        elif rl > self.l:
            self.l, self.c = rl, rc
            self._bump()
        elif rl == self.l:
            self.c = max(self.c, rc)
            self._bump()
        else:
            self._bump()
