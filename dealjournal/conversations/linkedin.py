"""The LinkedIn data export: ``messages.csv``, ``Invitations.csv`` and the whole ``.zip``.

LinkedIn changed the files over the years (checked against the structure of real exports
from 2020 to 2026, documented by public parsers): ``messages.csv`` had 9 columns until
2023 (no ``RECIPIENT PROFILE URLS``), then 10, then ``ATTACHMENTS``, ``IS MESSAGE DRAFT``
and ``IS CONVERSATION DRAFT`` in varying combinations; since 2026 every field is quoted and
``CONTENT`` holds real line breaks. ``Invitations.csv`` gained ``inviterProfileUrl`` and
``inviteeProfileUrl`` in late 2023. So columns are found by name (case-insensitively), a
missing optional column reads as empty, and the header may follow a ``Notes:`` preamble
(LinkedIn writes one before ``Connections.csv``; tools re-saving the other files do too).

Times: ``DATE`` is ``2023-05-04 13:22:11 UTC`` (made local); ``Sent At`` is
``1/29/26, 2:37 PM`` without a zone (kept as it is).

The CSV is cut by our own small tokenizer rather than :mod:`csv`: it keeps at most
:data:`FIELD_KEEP` characters of a field and :data:`MAX_FIELDS` fields of a row while still
reading past the rest, so a 50 MB ``CONTENT`` cell costs one chunk of memory instead of
the 200 MB the C reader's field buffer would grow to (and no process-wide
``csv.field_size_limit`` has to be raised). It reads what :mod:`csv`'s default dialect
reads: RFC 4180 quoting with ``""``, LF, CRLF or CR line ends.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, ClassVar, TextIO

from dealjournal.conversations import model
from dealjournal.conversations.identity import url_key
from dealjournal.conversations.model import CaptureFormatError, Message, Party, Record
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

CHUNK = 1 << 16          # characters read at a time
FIELD_KEEP = 1 << 16     # characters kept of one field (LinkedIn caps a message at 8,000)
MAX_FIELDS = 64          # fields kept of one row (LinkedIn writes at most 13)
HEADER_SEARCH = 10       # rows looked at for the header (after a preamble)
SUBJECT_LENGTH = 120

MESSAGES = "messages.csv"
INVITATIONS = "invitations.csv"
_MEMBERS = (MESSAGES, INVITATIONS)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)

_FIELD_END = re.compile(r"[,\r\n]")
_URL_SPLIT = re.compile(r"[,;\s]+")
_NAME_SPLIT = ", "
_BREAK_TAG = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SPACE = re.compile(r"[ \t\u00a0\u202f]+")
_COLUMN_SPACE = re.compile(r"[\s_\u00a0]+")
_ISO_TIME = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")
_US_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
                      r"\s*(?:([AaPp])\.?\s*[Mm]\.?)?\s*$")
# Sponsored messages are written by LinkedIn's campaign editor ("spinmail").
_SPONSORED_MARK = "spinmail-quill-editor"
_LOCAL_HEADER = re.compile(rb"PK\x03\x04")
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")   # a member's local header; an empty archive


# --- the CSV tokenizer ------------------------------------------------------------------


class _Field:
    """The kept start of one field (at most FIELD_KEEP characters)."""

    __slots__ = ("parts", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        room = FIELD_KEEP - self.size
        if room > 0 and text:
            piece = text[:room]
            self.parts.append(piece)
            self.size += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


class CsvRows:
    """The rows of a CSV text stream, read CHUNK characters at a time; *tick* is called
    after each read (progress). Blank lines yield nothing."""

    def __init__(self, stream: TextIO, tick: Callable[[], None] = lambda: None) -> None:
        self._stream = stream
        self._tick = tick
        self._buf = ""
        self._pos = 0
        self._eof = False

    def __iter__(self) -> Iterator[list[str]]:
        while True:
            row, end = self._row()
            if row != [""]:
                yield row
            if not end:
                return

    def _row(self) -> tuple[list[str], str]:
        """One record's fields and what ended it ("\\n", or "" at the end of the file)."""
        row: list[str] = []
        while True:
            field = _Field()
            if self._peek() == '"':
                self._pos += 1
                self._quoted(field)
            end = self._unquoted(field)
            if len(row) < MAX_FIELDS:
                row.append(field.text())
            if end != ",":
                return row, end

    def _fill(self) -> bool:
        """Read the next chunk after what is left unread; False at the end of the file."""
        if self._eof:
            return False
        chunk = self._stream.read(CHUNK)
        self._tick()
        if not chunk:
            self._eof = True
            return False
        self._buf = self._buf[self._pos:] + chunk
        self._pos = 0
        return True

    def _peek(self) -> str:
        """The next character ("" at the end of the file), not consumed."""
        while self._pos >= len(self._buf):
            if not self._fill():
                return ""
        return self._buf[self._pos]

    def _quoted(self, field: _Field) -> None:
        """Read a quoted field's text up to its closing quote (``""`` is a quote)."""
        while True:
            end = self._buf.find('"', self._pos)
            if end < 0:
                field.add(self._buf[self._pos:])
                self._pos = len(self._buf)
                if not self._fill():
                    return
                continue
            field.add(self._buf[self._pos:end])
            self._pos = end + 1
            if self._peek() != '"':
                return
            field.add('"')
            self._pos += 1

    def _unquoted(self, field: _Field) -> str:
        """Read up to the end of the field (text after a closing quote is kept, as
        :mod:`csv` does); returns ",", "\\n" (end of record) or "" (end of file)."""
        while True:
            found = _FIELD_END.search(self._buf, self._pos)
            if found is None:
                field.add(self._buf[self._pos:])
                self._pos = len(self._buf)
                if not self._fill():
                    return ""
                continue
            at = found.start()
            field.add(self._buf[self._pos:at])
            self._pos = at + 1
            if self._buf[at] == ",":
                return ","
            if self._buf[at] == "\r" and self._peek() == "\n":
                self._pos += 1
            return "\n"


# --- columns, times, parties ------------------------------------------------------------


def _column_name(text: str) -> str:
    """A header cell compared by name: quotes, BOM, case and ``_``/space runs do not count."""
    return _COLUMN_SPACE.sub(" ", text.replace("\ufeff", "").strip().strip('"')).strip().lower()


class _Columns:
    """A header row: which file it heads, and each column's index by name."""

    def __init__(self, row: list[str]) -> None:
        self.index: dict[str, int] = {}
        for i, name in enumerate(row):
            self.index.setdefault(_column_name(name), i)
        if {"conversation id", "from", "date"} <= self.index.keys():
            self.kind = MESSAGES
        elif {"direction", "sent at"} <= self.index.keys():
            self.kind = INVITATIONS
        else:
            self.kind = ""

    def has(self, name: str) -> bool:
        return name in self.index

    def get(self, row: list[str], name: str) -> str:
        """The cell of column *name* (empty when the row is short or the column absent)."""
        i = self.index.get(name, -1)
        return row[i].strip() if 0 <= i < len(row) else ""


def _find_header(rows: Iterator[list[str]]) -> tuple[_Columns | None, bool]:
    """The header among the first rows (a preamble may come before it), and whether
    there were any rows at all."""
    seen = False
    for _, row in zip(range(HEADER_SEARCH), rows):
        seen = True
        columns = _Columns(row)
        if columns.kind:
            return columns, True
    return None, seen


def _time(text: str) -> datetime | None:
    """A LinkedIn time as local wall-clock time: ``… UTC`` converted, a time without a zone
    (Invitations' ``Sent At``) kept as it is; None when it does not read."""
    text = _SPACE.sub(" ", text).strip()
    try:
        if found := _ISO_TIME.match(text):
            year, month, day, hour, minute = (int(g) for g in found.groups()[:5])
            second = int(found.group(6) or 0)
        elif found := _US_TIME.match(text):
            month, day, year, hour, minute = (int(g) for g in found.groups()[:5])
            second = int(found.group(6) or 0)
            year += 2000 if year < 100 else 0
            hour = _hour_of_day(hour, found.group(7))
        else:
            return None
        at = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if text.upper().endswith(("UTC", "Z", "GMT")):
        return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
    return at


def _hour_of_day(hour: int, am_pm: str | None) -> int:
    """A 12-hour clock's hour on the 24-hour clock (12 AM is 0); parsed by hand because
    ``%p`` follows the locale."""
    if am_pm is None:
        return hour
    if hour > 12:
        raise ValueError(hour)
    return hour % 12 + (12 if am_pm in "Pp" else 0)


def first_line(content: str) -> str:
    """The first non-blank line of a message (HTML tags dropped), at most 120 characters."""
    if "<" in content:
        content = html.unescape(_TAG.sub("", _BREAK_TAG.sub("\n", content)))
    for line in content.splitlines():
        line = _SPACE.sub(" ", line).strip()
        if line:
            return line[:SUBJECT_LENGTH]
    return ""


def _digest(content: str) -> str:
    """The text's digest for the source key, the same whatever line ends an export uses."""
    text = content.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _party(url: str, name: str) -> Party:
    return Party(model.URL, url, name) if url else Party(model.NAME, name, name)


def _party_key(party: Party) -> str:
    """How a party enters a source key: a URL as its comparison key (another export may
    write it with a query or a trailing slash)."""
    return url_key(party.value) if party.kind == model.URL else "name:" + party.value


def _names(text: str) -> list[str]:
    """``TO``'s names: LinkedIn joins them with ", ", and a name may hold ", " too
    ("Jane Doe, Ph.D."): a piece without a space is taken for such a suffix."""
    names: list[str] = []
    for piece in text.split(_NAME_SPLIT):
        piece = piece.strip()
        if names and piece and " " not in piece:
            names[-1] += _NAME_SPLIT + piece
        elif piece:
            names.append(piece)
    return names


def _recipients(names_text: str, urls_text: str) -> tuple[Party, ...]:
    """The recipients: by profile URL, named when ``TO`` holds as many names; by name when
    the export has no URLs (before 2023, or a recipient without a profile)."""
    urls = [u for u in _URL_SPLIT.split(urls_text) if u]
    names = _names(names_text)
    if not urls:
        return tuple(Party(model.NAME, n, n) for n in names)
    if len(names) != len(urls):
        names = [""] * len(urls)
    return tuple(Party(model.URL, u, n) for u, n in zip(urls, names))


def _yes(text: str) -> bool:
    return text.lower() in ("yes", "true")


# --- the reader -------------------------------------------------------------------------


def _wanted(name: str) -> bool:
    """Whether a zip member is one we read (exactly messages.csv or Invitations.csv: the
    coach and guide messages files share the header but are not conversations)."""
    return PurePosixPath(name.replace("\\", "/")).name.lower() in _MEMBERS


def _zip_members(path: Path, head: bytes) -> list[str]:
    """The member names of the zip at *path*; for a damaged zip, those its first local
    headers (in *head*) name."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except _ZIP_ERRORS:
        names = []
        for found in _LOCAL_HEADER.finditer(head):
            start = found.start()
            size = int.from_bytes(head[start + 26:start + 28], "little")
            names.append(head[start + 30:start + 30 + size].decode("utf-8", "replace"))
        return names


def _text(stream: IO[bytes]) -> TextIO:
    """Decoded leniently: a BOM dropped, invalid UTF-8 replaced, line ends left to the tokenizer."""
    return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")


class LinkedInReader(model.Reader):
    """A LinkedIn export: ``messages.csv``, ``Invitations.csv``, or the ``.zip`` holding them
    (read wherever they sit in it, each streamed from the archive)."""

    format: ClassVar[str] = "linkedin"
    label: ClassVar[str] = "LinkedIn data export"

    def __init__(self, path: str | os.PathLike[str], progress: model.Progress | None = None) -> None:
        super().__init__(path, progress)
        self._shared: set[str] | None = None    # the URL keys present in every message so far
        self._written: dict[str, Party] = {}    # URL key -> the party as the file writes it
        self._mine: dict[str, Party] = {}       # what Invitations' Direction says is the user

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        if not head:
            return False
        if head.startswith(_ZIP_STARTS):
            return any(_wanted(name) for name in _zip_members(path, head))
        columns, _ = _find_header(iter(CsvRows(io.StringIO(head.decode("utf-8-sig", "replace")))))
        return columns is not None

    def records(self) -> Iterator[Record]:
        try:
            with self.path.open("rb") as raw:
                if raw.read(4).startswith(_ZIP_STARTS):
                    yield from self._archive(raw)
                else:
                    raw.seek(0)
                    yield from self._file(self.path.name, raw, raw)
        except OSError as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                            file=self.path.name, error=exc.strerror or type(exc).__name__)) from None
        self._hint()

    def _archive(self, raw: BinaryIO) -> Iterator[Record]:
        """Every messages.csv and Invitations.csv in the zip."""
        try:
            archive = zipfile.ZipFile(raw)
        except _ZIP_ERRORS:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is not a readable zip archive (it may be cut off: download it again)."),
                file=self.path.name)) from None
        with archive:
            members = [m for m in archive.infolist() if not m.is_dir() and _wanted(m.filename)]
            if not members:
                raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "{file} holds neither messages.csv nor Invitations.csv: it is not a LinkedIn data export."),
                    file=self.path.name))
            for member in members:
                try:
                    with archive.open(member) as stream:
                        yield from self._file(member.filename, stream, raw)
                except _ZIP_ERRORS:
                    raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                        "core", "{member} in {file} cannot be read (the archive may be damaged: download it again)."),
                        member=member.filename, file=self.path.name)) from None

    def _file(self, name: str, stream: IO[bytes], raw: BinaryIO) -> Iterator[Record]:
        """The records of one CSV; *raw* is the file on disk (its position is the progress)."""
        with _text(stream) as text:
            rows = iter(CsvRows(text, lambda: self.tell(raw.tell())))
            columns, seen = _find_header(rows)
            if columns is None:
                if not seen:
                    return
                raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "{file} has no header LinkedIn writes (CONVERSATION ID, FROM, DATE, … or From, To, "
                            "Sent At, Direction, …)."), file=PurePosixPath(name).name))
            read = self._message if columns.kind == MESSAGES else self._invitation
            for row in rows:
                record = read(row, columns)
                if record is not None:
                    yield record

    def _message(self, row: list[str], columns: _Columns) -> Message | None:
        """One row of messages.csv (None, counted as unreadable, without a conversation or date)."""
        conversation = columns.get(row, "conversation id")
        at = _time(columns.get(row, "date"))
        if not conversation or at is None:
            self.skip(model.UNREADABLE)
            return None
        sender = _party(columns.get(row, "sender profile url"), columns.get(row, "from"))
        to = _recipients(columns.get(row, "to"), columns.get(row, "recipient profile urls"))
        content = columns.get(row, "content")
        self._share(sender, to)
        stamp = _SPACE.sub(" ", columns.get(row, "date"))
        return Message(
            conversation=conversation, at=at, sender=sender, channel="linkedin", to=to,
            key=f"linkedin:{conversation}:{_party_key(sender)}:{stamp}:{_digest(content)}",
            subject=columns.get(row, "subject")[:SUBJECT_LENGTH] or first_line(content),
            ignored=_message_ignored(row, columns, sender, content))

    def _invitation(self, row: list[str], columns: _Columns) -> Message | None:
        """One row of Invitations.csv: a message from the inviter, in a conversation of its own."""
        at = _time(columns.get(row, "sent at"))
        inviter = _party(columns.get(row, "inviterprofileurl"), columns.get(row, "from"))
        invitee = _party(columns.get(row, "inviteeprofileurl"), columns.get(row, "to"))
        if at is None or not inviter.value or not invitee.value:
            self.skip(model.UNREADABLE)
            return None
        direction = columns.get(row, "direction").upper()
        outgoing = direction == "OUTGOING"
        self._claim(inviter if outgoing else invitee, direction)
        other = invitee if outgoing else inviter
        no_profile = columns.has("inviterprofileurl") and inviter.kind != model.URL
        stamp = _SPACE.sub(" ", columns.get(row, "sent at"))
        return Message(
            conversation=f"invitation:{other.value}", at=at, sender=inviter, to=(invitee,), channel="linkedin",
            key=f"linkedin:invitation:{_party_key(inviter)}:{_party_key(invitee)}:{stamp}",
            subject=first_line(columns.get(row, "message")) or Phrase(QT_TRANSLATE_NOOP("core", "LinkedIn invitation")),
            ignored=model.NO_PROFILE if no_profile else None, sent=outgoing)

    def _share(self, sender: Party, to: tuple[Party, ...]) -> None:
        """Keep the profile URLs present in every message that names its recipients' URLs
        (the user's own is in all of them)."""
        if not any(p.kind == model.URL for p in to):
            return
        keys = {url_key(p.value): p for p in (sender, *to) if p.kind == model.URL}
        self._shared = set(keys) if self._shared is None else self._shared & keys.keys()
        for key in self._shared:
            if not self._written.get(key, Party("", "")).name:
                self._written[key] = keys[key]

    def _claim(self, party: Party, direction: str) -> None:
        """Invitations' Direction says which side is the user."""
        if direction in ("INCOMING", "OUTGOING"):
            self._mine.setdefault(_party_key(party), party)

    def _hint(self) -> None:
        """Fill me_hints: the invitations' own side, and the one URL in every message."""
        hints = dict(self._mine)
        if self._shared is not None and len(self._shared) == 1:
            (key,) = self._shared
            hints.setdefault(key, self._written[key])
        self.me_hints = list(hints.values())


def _message_ignored(row: list[str], columns: _Columns, sender: Party, content: str) -> str | None:
    """Why a message is not a touch: a draft or in Spam/Trash, sponsored, or from someone
    without a profile URL (``LinkedIn Member``, a deleted account)."""
    folder = columns.get(row, "folder").upper()
    if folder in ("SPAM", "TRASH", "DRAFT", "DRAFTS") or _yes(columns.get(row, "is message draft")) \
            or _yes(columns.get(row, "is conversation draft")):
        return model.FOLDER
    if folder == "SPONSORED" or (sender.kind != model.URL and _SPONSORED_MARK in content):
        return model.SYSTEM
    if sender.kind != model.URL:
        return model.NO_PROFILE
    return None
