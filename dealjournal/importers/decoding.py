"""Byte-level input handling shared by all parsers.

* :class:`LineSource` reads a binary stream in chunks (bounded memory), reports
  progress, supports cancellation, strips a byte-order mark, transcodes
  UTF-16/UTF-32 (with or without BOM) to UTF-8 on the fly and yields numbered
  physical lines as bytes.  ``\\r\\n``, ``\\r\\r\\n``, ``\\n`` and a lone ``\\r``
  all end a line.  Over-long lines are cut (and reported).
* :class:`TextDecoder` turns the bytes of one value into text: valid UTF-8
  first, else a declared charset, else a Windows code page guessed once per
  file from the undecodable lines (see :mod:`.codepage`).
* :func:`check_not_binary` rejects files that are clearly not text.
* :func:`clean_value` strips control characters and enforces the field limit.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .codepage import guess_codepage
from .model import MAX_FIELD_CHARS, ImportCancelled, ImportFormatError

logger = logging.getLogger(__name__)

__all__ = [
    "LineSource",
    "ProgressCallback",
    "TextDecoder",
    "check_not_binary",
    "clean_value",
    "lookup_codec",
]

# Called with the number of bytes read so far; returning ``False`` cancels.
ProgressCallback = Callable[[int], object]

CHUNK_SIZE = 64 * 1024
HEAD_SIZE = 256 * 1024
MAX_LINE_BYTES = 4 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# File signatures and the message for each (whole sentences, marked for translation).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a ZIP archive (perhaps an Excel "
                                              "workbook): save it as CSV first")),
    (b"%PDF", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a PDF document")),
    (b"\xd0\xcf\x11\xe0", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is an old Office file "
                                                  "(.xls/.msg): save it as CSV first")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a GIF image")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is a gzip archive: unpack it first")),
    (b"SQLite format 3", QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it is an SQLite database")),
)


def lookup_codec(name: str | None) -> str | None:
    """Return Python's codec name for a charset label, or ``None`` if unknown."""
    if not name:
        return None
    label = name.strip().strip('"').lower()
    if label in ("utf8", "utf-8"):
        return "utf-8"
    if re.fullmatch(r"windows-?(125\d)", label):
        label = "cp" + label[-4:]
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if info.name in ("rot-13", "base64", "hex", "zlib", "bz2", "quopri", "uu"):
        return None
    return info.name


def clean_value(text: str, limit: int = MAX_FIELD_CHARS) -> tuple[str, bool]:
    """Normalise newlines, drop control characters (keeping tab and newline),
    strip surrounding white space and cut to ``limit`` characters.

    Returns the text and whether it was truncated.
    """
    truncated = len(text) > limit
    if truncated:
        text = text[:limit]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.strip(), truncated


def check_not_binary(head: bytes, signature: bytes = b"") -> None:
    """Raise :class:`ImportFormatError` if ``head`` (the start of the decoded
    file, without BOM) is not text; ``signature`` is the raw start of the file."""
    for magic, message in _MAGIC:
        if head.startswith(magic) or signature.startswith(magic):
            raise ImportFormatError(Phrase(message))
    sample = head[:8192]
    if not sample:
        return
    if b"\x00" in sample:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it contains binary data")))
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13))
    if controls * 20 > len(sample):
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "not a vCard or CSV file: it contains binary data")))


def _sniff_utf16(head: bytes) -> str | None:
    """Recognise UTF-16 text without BOM by its pattern of zero bytes."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    if zero_odd > 0.3 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.05:
        return "utf-16-be"
    return None


class LineSource:
    """Numbered physical lines of a binary stream, read in chunks.

    After construction, :attr:`head` holds the first bytes (transcoded to
    UTF-8 if the file was UTF-16/32, without BOM) for format detection, and
    :attr:`unicode_source` tells whether the file declared itself Unicode by
    BOM or UTF-16 layout.
    """

    def __init__(self, stream: BinaryIO, progress: ProgressCallback | None = None,
                 chunk_size: int = CHUNK_SIZE, max_line: int = MAX_LINE_BYTES) -> None:
        self._stream = stream
        self._progress = progress
        self._chunk_size = chunk_size
        self._max_line = max_line
        self._bytes_read = 0
        self._eof = False
        self.truncated_lines: list[int] = []
        raw = self._read_raw(HEAD_SIZE)
        # The first raw bytes, for file-type signatures.
        self.signature = raw[:16]
        self.encoding = "8bit"
        self.unicode_source = False
        self.had_bom = False
        for bom, enc in _BOMS:
            if raw.startswith(bom):
                raw = raw[len(bom):]
                self.encoding, self.unicode_source, self.had_bom = enc, True, True
                break
        else:
            sniffed = _sniff_utf16(raw)
            if sniffed:
                self.encoding, self.unicode_source = sniffed, True
        self._decoder: codecs.IncrementalDecoder | None = None
        if self.unicode_source and self.encoding != "utf-8":
            self._decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
            raw = self._transcode(raw, final=self._eof)
        self.head = raw

    def _read_raw(self, size: int) -> bytes:
        """Read up to ``size`` bytes, reporting progress and honouring cancel."""
        parts: list[bytes] = []
        remaining = size
        while remaining > 0 and not self._eof:
            try:
                data = self._stream.read(min(self._chunk_size, remaining))
            except OSError as exc:
                raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "the file could not be read: {reason}"),
                                               reason=str(exc))) from exc
            if not data:
                self._eof = True
                break
            if not isinstance(data, (bytes, bytearray)):
                raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "the file must be opened in binary mode ('rb')")))
            self._bytes_read += len(data)
            remaining -= len(data)
            parts.append(data)
            if self._progress is not None and self._progress(self._bytes_read) is False:
                raise ImportCancelled(Phrase(QT_TRANSLATE_NOOP("core", "import cancelled")))
        return b"".join(parts)

    def _transcode(self, data: bytes, final: bool) -> bytes:
        assert self._decoder is not None
        text = self._decoder.decode(data, final)
        return text.encode("utf-8", errors="replace")

    @property
    def bytes_read(self) -> int:
        """Bytes consumed from the underlying stream so far."""
        return self._bytes_read

    def _chunks(self) -> Iterator[bytes]:
        yield self.head
        while not self._eof:
            data = self._read_raw(self._chunk_size)
            if self._decoder is not None:
                data = self._transcode(data, final=self._eof)
            if data:
                yield data

    def _split(self, line: bytes, number: int) -> Iterator[tuple[int, bytes]]:
        line = line.rstrip(b"\r")
        if b"\r" in line:
            for part in line.split(b"\r"):
                yield number, part
                number += 1
        else:
            yield number, line

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        number = 1
        pending = b""
        skipping = False  # inside an over-long line whose rest is dropped
        for chunk in self._chunks():
            pieces = chunk.split(b"\n")
            last_index = len(pieces) - 1
            for index, piece in enumerate(pieces):
                if skipping:
                    if index != last_index:
                        skipping = False
                        number += 1
                    continue
                if index == last_index:
                    pending += piece
                    if len(pending) > self._max_line:
                        self.truncated_lines.append(number)
                        yield number, pending[: self._max_line]
                        pending = b""
                        skipping = True
                    continue
                line = pending + piece if pending else piece
                pending = b""
                if len(line) > self._max_line:
                    self.truncated_lines.append(number)
                    line = line[: self._max_line]
                for number_out, out in self._split(line, number):
                    yield number_out, out
                    number = number_out + 1
        if pending and not skipping:
            yield from self._split(pending, number)


class TextDecoder:
    """Decode byte values of one file, guessing the legacy code page once."""

    def __init__(self, head: bytes, unicode_source: bool) -> None:
        self.unicode_source = unicode_source
        self._codepage: str | None = None
        self.unknown_charsets: set[str] = set()
        if not unicode_source:
            evidence = _undecodable_lines(head)
            if evidence:
                self._codepage = guess_codepage(evidence)
                logger.debug("legacy code page for this file: %s", self._codepage)

    @property
    def codepage(self) -> str | None:
        """The guessed legacy code page, once one was needed."""
        return self._codepage

    def fallback(self, raw: bytes) -> str:
        """Decode non-UTF-8 bytes with the file's guessed code page."""
        if self._codepage is None:
            self._codepage = guess_codepage(raw)
        return raw.decode(self._codepage, errors="replace")

    def decode(self, raw: bytes, declared: str | None = None, prefer_declared: bool = False) -> str:
        """Decode one value.

        Raw 8-bit values use UTF-8 when valid (a declared legacy charset on a
        valid multi-byte UTF-8 value is almost always wrong); with
        ``prefer_declared`` (quoted-printable values) a known declared charset
        wins.  Unknown charsets are remembered in :attr:`unknown_charsets`.
        """
        if raw.isascii():
            return raw.decode("ascii")
        codec = lookup_codec(declared)
        if declared and codec is None:
            self.unknown_charsets.add(declared.strip()[:40])
        if self.unicode_source and not prefer_declared:
            return raw.decode("utf-8", errors="replace")
        if codec and prefer_declared and codec != "utf-8":
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                pass
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            mostly = _mostly_utf8(raw)
            if mostly is not None:
                return mostly
        if codec and codec != "utf-8":
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                pass
        return self.fallback(raw)


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut-off value, one stray byte): decode
    it and drop the broken bytes; ``None`` when it does not look like UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    if good >= 2 and bad * 4 <= good:
        return text.replace("\ufffd", "")
    return None


def _undecodable_lines(head: bytes) -> bytes:
    """Collect the lines of ``head`` that are not valid UTF-8."""
    try:
        head.decode("utf-8")
        return b""
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4 and exc.reason.startswith("unexpected end"):
            return b""
    bad: list[bytes] = []
    lines = head.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut in the middle of a character
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad.append(line)
    return b"\n".join(bad)
