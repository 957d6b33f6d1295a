"""Tolerant lexer for vCard 2.1/3.0/4.0: physical lines → cards of properties.

Works on the bytes of each line (values are decoded later, property by
property, because one file may mix charsets).  Handles folding with one to
several spaces or tabs, quoted-printable soft line breaks (continuation lines
at column 0, blank lines after a soft break), 2.1 base64 blocks ended by a
blank line, quoted parameter values with ``:`` or ``;`` inside, bare 2.1
parameters (``TEL;WORK;VOICE``), RFC 6868 caret escapes, text before the first
``BEGIN:VCARD`` and cards that never reach ``END:VCARD``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

__all__ = ["RawCard", "RawProperty", "StrayLines", "iter_cards", "split_property_line"]

#: Raw value bytes kept for one property (decoding then cuts to 1 MB of text).
MAX_VALUE_BYTES = 4 * 1024 * 1024
#: Properties kept per card; more are dropped with a warning.
MAX_PROPERTIES = 2000
#: Values never needed by Deal Journal: not kept in memory at all.
DISCARDED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "X-MS-OL-DESIGN", "AGENT",
                       "X-MS-CARDPICTURE", "X-EVOLUTION-BLOB"})

#: Standard property names (vCard 2.1 to 4.0).
KNOWN_PROPERTIES = frozenset("""ADR AGENT ANNIVERSARY BDAY BEGIN CALADRURI CALURI CATEGORIES CLASS
    CLIENTPIDMAP EMAIL END FBURL FN GENDER GEO IMPP KEY KIND LABEL LANG LOGO MAILER MEMBER N NAME
    NICKNAME NOTE ORG PHOTO PRODID PROFILE RELATED REV ROLE SORT-STRING SOUND SOURCE TEL TITLE TZ
    UID URL VERSION XML""".split())
_NAME_RE = re.compile(rb"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$")
_CHARSET_RE = re.compile(r"^(utf-?\d+|iso-?8859-\d+|windows-\d+|cp\d+|us-ascii|ascii|"
                         r"koi8-[ru]|big5|gb2312|gbk|shift_jis|euc-[a-z]+|latin-?1)$", re.I)
_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
#: vCard 2.1 types that may appear as bare parameters (``TEL;WORK;FAX``).
_BARE_TYPES = frozenset("""DOM INTL POSTAL PARCEL HOME WORK PREF VOICE FAX MSG CELL PAGER BBS
    MODEM CAR ISDN VIDEO INTERNET X400 OTHER MAIN MOBILE IPHONE TEXT AOL APPLELINK ATTMAIL
    CIS EWORLD IBMMAIL MCIMAIL POWERSHARE PRODIGY TLX GIF JPEG PNG X509 PGP""".split())
_CARET = {"n": "\n", "N": "\n", "^": "^", "'": '"'}


@dataclass
class RawProperty:
    """One unfolded property; ``value`` still holds raw (maybe QP) bytes."""

    line: int
    group: str | None
    name: str
    params: dict[str, list[str]]
    value: bytes
    truncated: bool = False

    @property
    def encoding(self) -> str:
        """Upper-case ENCODING parameter (empty if none)."""
        values = self.params.get("ENCODING")
        return values[0].upper() if values else ""

    @property
    def charset(self) -> str | None:
        """The CHARSET parameter, if any."""
        values = self.params.get("CHARSET")
        return values[0] if values else None

    @property
    def types(self) -> list[str]:
        """Lower-case TYPE values (2.1 bare parameters included)."""
        return [t.lower() for t in self.params.get("TYPE", []) if t]


@dataclass
class RawCard:
    """The properties between ``BEGIN:VCARD`` and ``END:VCARD``."""

    line: int
    properties: list[RawProperty] = field(default_factory=list)
    ended: bool = False
    dropped_properties: int = 0


@dataclass
class StrayLines:
    """Non-blank lines found outside any card: how many, and the first few."""

    count: int = 0
    first: list[int] = field(default_factory=list)

    def add(self, number: int) -> None:
        """Note one stray line."""
        self.count += 1
        if len(self.first) < 5:
            self.first.append(number)


def _caret_decode(value: str) -> str:
    if "^" not in value:
        return value
    return re.sub(r"\^(.)", lambda m: _CARET.get(m.group(1), m.group(0)), value)


def _split_unquoted(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside double quotes."""
    parts: list[str] = []
    buf: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _parse_params(chunks: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if "=" in chunk:
            key, _, value = chunk.partition("=")
            key = key.strip().upper()
            values = [_caret_decode(v.strip().strip('"')) for v in _split_unquoted(value, ",")]
        else:
            upper = chunk.upper()
            if upper in _ENCODINGS:
                key, values = "ENCODING", [upper]
            elif _CHARSET_RE.match(chunk):
                key, values = "CHARSET", [chunk]
            elif upper in _BARE_TYPES:
                key, values = "TYPE", [chunk]
            else:
                key, values = "X-BARE", [chunk]
        if key == "TYPE":
            values = [v for value in values for v in value.split(",")]
        params.setdefault(key, []).extend(values)
    return params


def split_property_line(line: bytes) -> tuple[str | None, str, dict[str, list[str]], bytes] | None:
    """Split ``group.NAME;params:value``; ``None`` if the line is not a property."""
    colon = line.find(b":")
    if colon < 0:
        return None
    if b'"' in line[:colon]:
        quoted = False
        for index, byte in enumerate(line):
            if byte == 0x22:
                quoted = not quoted
            elif byte == 0x3A and not quoted:
                colon = index
                break
        # with an unbalanced quote the first colon is used
    head, value = line[:colon], line[colon + 1:]
    name_part, _, param_part = head.partition(b";")
    match = _NAME_RE.match(name_part.strip())
    if not match:
        return None
    group = match.group(1).decode("ascii") if match.group(1) else None
    name = match.group(2).decode("ascii").upper()
    params = _parse_params(_split_unquoted(param_part.decode("utf-8", "replace"), ";")) if param_part else {}
    return group, name, params, value


def _looks_like_property(line: bytes) -> bool:
    """Whether a line after a QP soft break and a blank line starts a new property."""
    parsed = split_property_line(line)
    return parsed is not None and (parsed[1] in KNOWN_PROPERTIES or parsed[1].startswith("X-"))


def _is_marker(line: bytes, word: bytes) -> bool:
    if len(line) > 40 or not line[:1] or line[:1] not in b" \tBEbe":
        return False
    stripped = line.strip()
    return len(stripped) == len(word) + 6 and stripped.upper() == word + b":VCARD"


class _Builder:
    """Accumulates one property across folded / soft-broken lines."""

    def __init__(self, prop: RawProperty) -> None:
        self.prop = prop
        self.parts: list[bytes] = []
        self.size = 0
        self.discard = prop.name in DISCARDED or prop.encoding in ("BASE64", "B")
        self.qp = prop.encoding == "QUOTED-PRINTABLE"
        self.soft_break = False
        self.add(prop.value)

    def add(self, data: bytes) -> None:
        if self.qp:
            data = data.rstrip(b" \t")
            self.soft_break = data.endswith(b"=")
            if self.soft_break:
                data = data[:-1]
        if self.discard:
            return
        if self.size + len(data) > MAX_VALUE_BYTES:
            data = data[: max(0, MAX_VALUE_BYTES - self.size)]
            self.prop.truncated = True
        self.size += len(data)
        self.parts.append(data)

    def finish(self) -> RawProperty:
        self.prop.value = b"" if self.discard else b"".join(self.parts)
        return self.prop


def iter_cards(lines: Iterable[tuple[int, bytes]], stray: StrayLines) -> Iterator[RawCard]:
    """Group numbered lines into cards; text outside any card goes to ``stray``."""
    card: RawCard | None = None
    builder: _Builder | None = None
    blank_after_break = False

    def close_property() -> None:
        nonlocal builder
        if builder is not None and card is not None:
            if len(card.properties) < MAX_PROPERTIES:
                card.properties.append(builder.finish())
            else:
                card.dropped_properties += 1
        builder = None

    for number, line in lines:
        if card is None:
            if _is_marker(line, b"BEGIN"):
                card = RawCard(line=number)
            elif line.strip():
                stray.add(number)
            continue
        if builder is not None and builder.soft_break:
            if not line.strip():
                blank_after_break = True
                continue
            if not (_is_marker(line, b"END") or _is_marker(line, b"BEGIN")
                    or (blank_after_break and _looks_like_property(line))):
                blank_after_break = False
                if line[:1] in (b" ", b"\t") and line[1:2] == b"=":
                    line = line[1:]
                builder.add(line)
                continue
        blank_after_break = False
        if line[:1] in (b" ", b"\t"):
            if builder is not None:
                builder.add(line[1:])
            continue
        if not line.strip():
            continue
        if _is_marker(line, b"END"):
            close_property()
            card.ended = True
            yield card
            card = None
            continue
        if _is_marker(line, b"BEGIN"):
            close_property()
            yield card
            card = RawCard(line=number)
            continue
        parsed = split_property_line(line)
        if parsed is None:
            # A line that is no property: base64 without indent, or a raw
            # line break inside a value.  Keep it as part of the value.
            if builder is not None:
                builder.add(b"\n" + line)
            continue
        close_property()
        group, name, params, value = parsed
        builder = _Builder(RawProperty(number, group, name, params, value))
    if card is not None:
        close_property()
        yield card
