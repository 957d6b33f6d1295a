"""Readers of exported e-mail: an mbox file, a Maildir folder, a single ``.eml`` message.

Only headers are read (see :mod:`.mail_headers` for the fields, the decoding, the threads
and the rules). The mbox is cut by our own streaming splitter over the binary file, not by
:mod:`mailbox` (which indexes the whole file first and reads bodies line by line): the
body is skipped by searching 1 MiB chunks for the next message's ``From`` line, so a
50 MB single-line body costs 1 MiB of memory, and a header block is capped at
:data:`MAX_HEADER` bytes.

A message starts at a ``From`` line (``From sender asctime``; Thunderbird writes
``From - …``, Gmail Takeout ``From 16…@xxx …``) at the start of the file or after a blank
line; a ``From`` line is told from body text by its time and year. Bodies are never
decoded, so ``>From`` escapes need no undoing. LF and CRLF line ends are both read.

Where a message was found says what it is: Gmail's labels (in the headers), a Maildir
folder (``.Sent``, ``.INBOX.Trash``, ``Archive/Sent``, IMAP UTF-7 names such as
``Entw&APw-rfe``) and its ``T``/``D`` flags, an mbox named after its folder (Thunderbird's
``Sent``, Apple Mail's ``Sent Messages.mbox/mbox``): Sent marks ``Message.sent``; Spam,
Junk, Trash, Drafts (and their German names) make it :data:`~.model.FOLDER`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, ClassVar

from dealjournal.conversations import model
from dealjournal.conversations.mail_headers import MailBuilder, Origin, folder_origin
from dealjournal.conversations.model import CaptureFormatError, Record
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

CHUNK = 1 << 20
MAX_HEADER = 256 * 1024      # a header block longer than this is cut (the rest read as body)
MAX_FROM_LINE = 1024
MAX_DEPTH = 8                # Maildir folders nested deeper are not read
_BOM = b"\xef\xbb\xbf"

_BLANK_LINE = re.compile(rb"\n\r?\n")
_SEPARATOR = re.compile(rb"\n\r?\n(?=From )")
_FROM_LINE = re.compile(rb"From \S*[ \t]+[^\r\n]*?\d:\d\d[^\r\n]*?\d{4}")
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}:")
_EML_FIELDS = (b"date", b"subject", b"message-id", b"to", b"received", b"mime-version", b"return-path")


def _unreadable(path: Path, error: OSError) -> CaptureFormatError:
    return CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                     file=path.name, error=error.strerror or type(error).__name__))


def _empty(path: Path) -> CaptureFormatError:
    return CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} is empty."), file=path.name))


class _Splitter:
    """Cuts a binary mbox stream into header blocks (each starting with its ``From`` line),
    skipping bodies chunk by chunk; *tell* is told the bytes read after every chunk
    (1 MiB: a few hundred messages, or a part of one huge body)."""

    def __init__(self, stream: BinaryIO, tell: Callable[[int], None]) -> None:
        self._stream = stream
        self._tell = tell
        self._buf = b""
        self._pos = 0
        self._base = stream.tell()
        self._eof = False

    def blocks(self) -> Iterator[bytes]:
        """Every message's header block, in file order (the first where the stream stands)."""
        self._fill()
        while self._pos < len(self._buf) or self._fill():
            yield self._header_block()
            if not self._next_start():
                return

    def _fill(self) -> bool:
        """Read one more chunk, dropping what lies before the current position."""
        if self._eof:
            return False
        chunk = self._stream.read(CHUNK)
        if not chunk:
            self._eof = True
            return False
        self._base += self._pos
        self._buf = self._buf[self._pos:] + chunk
        self._pos = 0
        self._tell(self._base + len(self._buf))
        return True

    def _header_block(self) -> bytes:
        """From the current position to the blank line that ends the headers (at most
        MAX_HEADER bytes); the position is left on that blank line."""
        while True:
            end = _BLANK_LINE.search(self._buf, self._pos, self._pos + MAX_HEADER + 2)
            if end is not None:
                block, self._pos = self._buf[self._pos:end.start()], end.start()
                return block
            if len(self._buf) - self._pos > MAX_HEADER or not self._fill():
                stop = min(len(self._buf), self._pos + MAX_HEADER)
                block, self._pos = self._buf[self._pos:stop], stop
                return block

    def _next_start(self) -> bool:
        """Move to the next message's ``From`` line; False at the end of the file."""
        while True:
            found = _SEPARATOR.search(self._buf, self._pos)
            if found is None:
                self._pos = max(self._pos, len(self._buf) - 8)  # a separator may straddle two chunks
                if not self._fill():
                    return False
                continue
            start = found.end()
            if self._buf.find(b"\n", start, start + MAX_FROM_LINE) < 0 \
                    and len(self._buf) - start < MAX_FROM_LINE:
                self._pos = found.start()
                if self._fill():
                    continue
            self._pos = start
            if _FROM_LINE.match(self._buf, start, start + MAX_FROM_LINE):
                return True


def first_from_line(head: bytes) -> int | None:
    """Where the mbox's first ``From`` line starts in *head* (after a UTF-8 byte-order mark
    and blank lines, which some converters write first), or None when it does not start one."""
    text = head.removeprefix(_BOM).lstrip(b"\r\n")
    start = len(head) - len(text)
    return start if _FROM_LINE.match(text[:MAX_FROM_LINE]) else None


def mbox_folder(path: Path) -> Origin:
    """What an mbox's name says: Thunderbird keeps each folder as a file named after it
    ("Sent", "Trash"); Apple Mail exports "Sent Messages.mbox/mbox"."""
    name = path.parent.name if path.name.casefold() == "mbox" else path.name
    stem = name[:-5] if name.casefold().endswith(".mbox") else name
    return folder_origin([stem])


class MboxReader(model.Reader):
    """An mbox file: classic, Thunderbird, Gmail Takeout (labels and thread ids)."""

    format: ClassVar[str] = "mbox"
    label: ClassVar[str] = "mbox mailbox"

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        return first_from_line(head) is not None

    def records(self) -> Iterator[Record]:
        builder = MailBuilder(self)
        origin = mbox_folder(self.path)
        try:
            with self.path.open("rb", buffering=0) as stream:
                stream.seek(self._start(stream.read(1 << 16)))
                for block in _Splitter(stream, self.tell).blocks():
                    message = builder.build(block.partition(b"\n")[2], origin)
                    if message is not None:
                        yield message
        except OSError as error:
            raise _unreadable(self.path, error) from None
        self.me_hints = builder.me_hints()

    def _start(self, head: bytes) -> int:
        """Where the first message starts; a CaptureFormatError when the file is empty or
        does not start with a ``From`` line."""
        if not head:
            raise _empty(self.path)
        start = first_from_line(head)
        if start is None:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is not an mbox mailbox: it does not begin with a \"From \" line."),
                file=self.path.name))
        return start


def read_header_block(stream: BinaryIO) -> bytes:
    """A message file's header block (up to its first blank line, at most MAX_HEADER bytes),
    without a leading byte-order mark."""
    data = b""
    while len(data) <= MAX_HEADER:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        data += chunk
        end = _BLANK_LINE.search(data, max(0, len(data) - len(chunk) - 2))
        if end is not None:
            data = data[:end.start()]
            break
    return data[:MAX_HEADER].removeprefix(_BOM)


def looks_like_message(head: bytes) -> bool:
    """A header block whose first line is a header, with From and one more mail field."""
    block = head.removeprefix(_BOM)
    end = _BLANK_LINE.search(block)
    block = block[:end.start()] if end is not None else block
    if not _HEADER_LINE.match(block):
        return False
    names = {line.split(b":", 1)[0].strip().lower() for line in block.split(b"\n")
             if line[:1] not in (b" ", b"\t") and b":" in line}
    return b"from" in names and any(name in names for name in _EML_FIELDS)


class EmlReader(model.Reader):
    """One RFC 5322 message saved as a file (``.eml``)."""

    format: ClassVar[str] = "eml"
    label: ClassVar[str] = "e-mail message"

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        return first_from_line(head) is None and looks_like_message(head)

    def records(self) -> Iterator[Record]:
        builder = MailBuilder(self)
        try:
            with self.path.open("rb") as stream:
                block = read_header_block(stream)
                self.tell(stream.tell())
        except OSError as error:
            raise _unreadable(self.path, error) from None
        if not block.strip():
            raise _empty(self.path)
        message = builder.build(block)
        if message is not None:
            yield message


def _is_maildir(folder: Path) -> bool:
    return (folder / "cur").is_dir() and (folder / "new").is_dir()


def _imap_utf7(name: str) -> str:
    """A folder name in IMAP's modified UTF-7 (``Entw&APw-rfe``) as text."""
    if "&" not in name:
        return name
    def word(found: re.Match[str]) -> str:
        encoded = found.group(1)
        if not encoded:
            return "&"
        try:
            return ("+" + encoded.replace(",", "/") + "-").encode("ascii").decode("utf-7")
        except (UnicodeError, ValueError):
            return found.group(0)
    return re.sub(r"&([A-Za-z0-9+,]*)-", word, name)


def _components(root: Path, folder: Path) -> list[str]:
    """A Maildir folder's name, by part: ``.INBOX.Sent`` (Maildir++) and ``Archive/Sent``
    (nested) are both ["INBOX", "Sent"]-like lists."""
    parts: list[str] = []
    for part in folder.relative_to(root).parts:
        parts.extend(p for p in part.split(".") if p)
    return [_imap_utf7(p) for p in parts] or ["INBOX"]


def _flagged_away(name: str) -> bool:
    """A Maildir file marked trashed (T) or draft (D) in its ``:2,`` info."""
    for mark in (":2,", ";2,", "!2,"):
        if mark in name:
            flags = name.rsplit(mark, 1)[1]
            return "T" in flags or "D" in flags
    return False


class MaildirReader(model.Reader):
    """A Maildir folder (``cur``/``new``) with its Maildir++ (``.Sent``) or nested subfolders."""

    format: ClassVar[str] = "maildir"
    label: ClassVar[str] = "Maildir folder"

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        if head or not path.is_dir():
            return False
        try:
            return _is_maildir(path) or any(_is_maildir(child) for child in path.iterdir() if child.is_dir())
        except OSError:
            return False

    def folders(self) -> list[Path]:
        """Every Maildir folder under the root (the root too), sorted."""
        found: list[Path] = []
        def walk(folder: Path, depth: int) -> None:
            if _is_maildir(folder):
                found.append(folder)
            if depth >= MAX_DEPTH:
                return
            for child in sorted(folder.iterdir()):
                if child.is_dir() and not child.is_symlink() and child.name not in ("cur", "new", "tmp"):
                    walk(child, depth + 1)
        walk(self.path, 0)
        return found

    def _files(self) -> Iterator[tuple[Path, Origin, int]]:
        """Every message file (new before cur, by name), its folder's origin and its size."""
        try:
            folders = self.folders()
        except OSError as error:
            raise _unreadable(self.path, error) from None
        for folder in folders:
            origin = folder_origin(_components(self.path, folder))
            for entry in self._entries(folder / "new") + self._entries(folder / "cur"):
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    size = entry.stat(follow_symlinks=False).st_size
                except OSError:
                    size = 0   # gone since the listing: opening it fails and counts it as unreadable
                yield Path(entry.path), origin.join(Origin(ignored=_flagged_away(entry.name))), size

    def _entries(self, folder: Path) -> list[os.DirEntry[str]]:
        """The files of a cur/new folder by name, dot files left out."""
        try:
            with os.scandir(folder) as listing:
                return sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as error:
            raise _unreadable(self.path, error) from None

    def size(self) -> int:
        try:
            return sum(size for _, _, size in self._files())
        except CaptureFormatError:
            return 0

    def records(self) -> Iterator[Record]:
        builder = MailBuilder(self)
        done = 0
        for path, origin, size in self._files():
            done += size
            try:
                with path.open("rb") as stream:
                    block = read_header_block(stream)
            except OSError:  # gone or unreadable since the folder was listed: the rest is read
                self.skip(model.UNREADABLE)
                continue
            self.tell(done)
            message = builder.build(block, origin)
            if message is not None:
                yield message
        self.me_hints = builder.me_hints()
