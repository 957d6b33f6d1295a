"""Global ids: what names a record on every replica of a journal (issue "Sync between laptops").

A gid is 22 characters of lowercase Crockford base32 (``0-9a-z`` without ``i l o u``):
9 characters (45 bits) of milliseconds since 1970 (until the year 3084), then 13 characters
(65 bits) of randomness, e.g. ``1m8y20g535w9rc5nzkxy2j``. Properties:

- **sortable**: the alphabet is in ASCII order, so sorting gids as text sorts them by creation
  moment (records backfilled by the version 9 upgrade keep their table's row order, see
  :mod:`dealjournal.store.schema`);
- **compact**: 22 bytes, where a canonical UUID takes 36; the sync folder writes one on every
  change line;
- **safe as it is** in JSON, file names, URLs and case-insensitive contexts (one case, no
  look-alike letters), no escaping anywhere;
- **unique without coordination**: 65 random bits per millisecond; the UNIQUE index of each
  table refuses the astronomically unlikely collision. (The rows a journal already had when
  it was upgraded to format 9 got 13 hex digits, 52 bits, after a time part that differs from
  row to row of a table.)

Every journal row of a synced table gets one when it is inserted: :func:`new_gid` here for
peewee's inserts (the models' default) and for writers that pass their own (an import keeps
a file's ids), and otherwise an ``AFTER INSERT`` trigger that takes one from the view
``new_gid`` (SQLite built-ins only, so any tool that inserts rows still gives them one; the
gids made in one millisecond there are not in insertion order). A gid never changes (a
trigger refuses the update); an undone deletion puts the same gid back.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import threading
import time
from collections.abc import Iterator

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
TIME_CHARS = 9
RANDOM_CHARS = 13
LENGTH = TIME_CHARS + RANDOM_CHARS
_RANDOM_BITS = 5 * RANDOM_CHARS
_PATTERN = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")

#: The tables whose rows carry a gid (and the triggers that give and keep it), in the order
#: of the version 9 upgrade.
TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content", "content_topic",
          "goal", "share", "interaction", "stage_change", "snooze", "reminder")


_PAIRS = [a + b for a in ALPHABET for b in ALPHABET]  # 10 bits -> 2 characters
_SHIFTS = tuple(range(10 * (LENGTH // 2 - 1), -1, -10))
_TIME_MASK = 2 ** (5 * TIME_CHARS) - 1


_lock = threading.Lock()
_last = 0  # the number of the last gid new_gid() made for now
_fixed: tuple[random.Random, list[int]] | None = None  # within deterministic(): the source and the next ms


def new_gid(at_ms: int | None = None) -> str:
    """A fresh gid for a record created now (or at *at_ms*, milliseconds since 1970).

    The gids made for now are increasing within the process, like ULIDs in their monotonic
    mode: one made in the same millisecond as the one before (or after the clock went back)
    is that one plus one. So records inserted one after the other sort in that order, which
    an import needs (DOMAIN.md's round trip: the document's order of records is their gids'
    order).
    """
    global _last
    fixed = _fixed
    if fixed is not None and at_ms is None:
        with _lock:
            source, clock = fixed
            number = (clock[0] & _TIME_MASK) << _RANDOM_BITS | source.getrandbits(_RANDOM_BITS)
            clock[0] += 1
        return _text(number)
    ms = time.time_ns() // 1_000_000 if at_ms is None else at_ms
    number = (ms & _TIME_MASK) << _RANDOM_BITS | int.from_bytes(os.urandom(9), "big") >> (72 - _RANDOM_BITS)
    if at_ms is None:
        with _lock:
            if number <= _last:
                number = _last + 1
            _last = number
    return _text(number)


def _text(number: int) -> str:
    return "".join([_PAIRS[(number >> shift) & 1023] for shift in _SHIFTS])


@contextlib.contextmanager
def deterministic(seed: str, start_ms: int) -> Iterator[None]:
    """Within: :func:`new_gid` makes the same gids every time for the same *seed* and *start_ms*
    (one millisecond apart, in order). For the sample journal only, which is the same file
    each time it is written: its records are the same records wherever it was made.
    """
    global _fixed
    with _lock:
        _fixed = (random.Random(seed), [start_ms])
    try:
        yield
    finally:
        with _lock:
            _fixed = None


def is_gid(value: object) -> bool:
    """Whether *value* is a well-formed gid (what an importer may keep as a record's gid)."""
    return isinstance(value, str) and _PATTERN.fullmatch(value) is not None


def created_ms(gid: str) -> int:
    """The milliseconds since 1970 at the start of *gid* (its creation moment, or its backfill order)."""
    number = 0
    for char in gid[:TIME_CHARS]:
        number = number * 32 + ALPHABET.index(char)
    return number
