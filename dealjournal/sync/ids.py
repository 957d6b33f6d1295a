"""Identifiers of the sync core: record global ids, device ids and file digests.

* A record's **global id** (gid) is a UUIDv7 (48 bits of Unix milliseconds, then random bits)
  written in 22 characters of a base-64 alphabet in ASCII order, so that gids sort by creation
  time as strings do; :func:`gid_to_uuid` and :func:`gid_from_uuid` convert.
* A **device id** is 8 characters of lower-case base 32 (40 random bits): safe as a folder
  name on case-insensitive file systems.
* A file's **id** is the first 8 characters of its digest (48 bits); it only has to tell apart
  two files of one device with one sequence (a cloned device id).
"""

from __future__ import annotations

import base64
import secrets
import time
import uuid
from collections.abc import Callable

#: Base 64 in ASCII order: strings of equal length sort as the numbers they encode.
B64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
#: Base 32 in ASCII order (RFC 4648 "base32hex", lower case).
B32 = "0123456789abcdefghijklmnopqrstuv"
_B64_INDEX = {ch: i for i, ch in enumerate(B64)}

RandomBits = Callable[[int], int]   # k -> a random int of k bits (secrets.randbits, random.getrandbits)


def encode_int(n: int, width: int, alphabet: str) -> str:
    """*n* in *width* digits of *alphabet* (most significant first)."""
    base = len(alphabet)
    out = []
    for _ in range(width):
        n, d = divmod(n, base)
        out.append(alphabet[d])
    if n:
        raise ValueError("does not fit")
    return "".join(reversed(out))


_FROM_STANDARD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                                 B64.encode("ascii"))


def b64(data: bytes) -> str:
    """*data* in the sortable base-64 alphabet, without padding (the standard encoding,
    letters renamed)."""
    return base64.b64encode(data).rstrip(b"=").translate(_FROM_STANDARD).decode("ascii")


def new_gid(now_ms: int | None = None, randbits: RandomBits = secrets.randbits) -> str:
    """A new record global id: a UUIDv7, in 22 sortable characters."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76                      # version 7
    value |= randbits(12) << 64
    value |= 0b10 << 62                     # RFC 4122 variant
    value |= randbits(62)
    return encode_int(value << 4, 22, B64)  # 128 bits in 132: four zero bits at the end


def gid_to_uuid(gid: str) -> uuid.UUID:
    n = 0
    for ch in gid:
        n = n * 64 + _B64_INDEX[ch]
    return uuid.UUID(int=n >> 4)


def gid_from_uuid(value: uuid.UUID) -> str:
    return encode_int(value.int << 4, 22, B64)


def new_device_id(randbits: RandomBits = secrets.randbits) -> str:
    return encode_int(randbits(40), 8, B32)
