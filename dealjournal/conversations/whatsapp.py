"""WhatsApp's "Export chat": who wrote in a chat and when, read as a stream.

An export is a text file with one line per message, or a zip holding it (iOS:
``_chat.txt`` beside the media; Android: ``WhatsApp Chat with Ada.txt``). Every line of a
message after the first belongs to it; a line opens a message when it starts with the
chat's date and time, written in one of four layouts (the first lines decide which, and one
regular expression reads the rest)::

    12/31/23, 9:41 PM - Ada: text            Android (any locale)
    [31.12.23, 21:41:05] Ada: text           iOS
    [21:41:05, 31/12/23] Ada: text           iOS, time first (Vietnamese)
    12/31/23, 21:41:05: Ada: text            iOS before 2017

What the locales put in there: the date as d/m/y, m/d/y, y/m/d with ``/``, ``.`` or ``-``
(``2022. 03. 18.`` too), two- or four-digit years, a Buddhist year (2565) or a Japanese era
(R4); a comma, an Arabic comma, Finnish ``klo`` or nothing before the time; ``:`` or ``.``
in the time, seconds or not; 12-hour marks ``PM``, ``p.m.``, ``p. m.``, ``in the
afternoon`` or Arabic ``م`` after a space, a no-break space or U+202F; a stray dot after
the time; left-to-right and right-to-left marks around any of it; Arabic-Indic digits.
Hours above 12 ignore a 12-hour mark (``13:37:00 p.m.`` is 13:37).

**Day or month first.** Numbers in d/m/y and m/d/y read both ways until one above 12
decides; the reader looks through the file for one (a first pass that stops at the first
deciding date; a second pass reads the messages). The file's evidence wins; ``day_first``
decides only a file whose every date reads both ways, and without it such a file raises
:class:`~dealjournal.conversations.model.DateOrderUnknown` with a few of its dates.

**System lines** are skipped (``model.SYSTEM``): a line without ``Name:`` (Android and iOS
group events, the encryption notice on Android), one whose text before the colon is not a
name (an unbalanced quote: a subject ``"Deal: Q4"``), and on iOS a text WhatsApp wrote
itself (it starts with U+200E or U+200F) that is not an attachment (the line itself starts
with the mark), not a location (a URL) and not a deleted message or a call: two marks
(``Your security code changed``), the chat's first line (the encryption notice, whose
sender is the other person or the group) or words of the encryption or security notices.
Media placeholders (``<Media omitted>``, ``image omitted``, ``<attached: …>``, in any
language), deleted messages and calls are messages: someone did write or call.

**What a message says.** The sender is a display name, or a phone number when it is shown
as one (an unsaved contact: ``+49 170 1234567``, invisible marks removed). ``to`` stays
empty: capture sends a chat's outbound turn to every other participant. ``subject`` is the
first non-blank line (at most 120 characters); the text is never kept. ``key`` is the SHA-1
of ``chat \\n sender \\n time (ISO) \\n text`` (the whole text, lines joined by ``\\n``),
hashed as the lines stream by, so it does not change when the chat is exported again.

**The chat** (``conversation``) is the export's own name, which stays the same from one
export to the next: the text file's name without extension (``WhatsApp Chat with Ada``),
for an iOS ``_chat.txt`` the zip's or folder's name (``WhatsApp Chat - Ada``), without a
browser's `` (1)`` copy suffix.

**Me.** ``me_hints`` gets the sender of a "You deleted this message", and in a chat of two
people named after one of them (``WhatsApp Chat with Ada``), the other.

Memory stays bounded whatever the file: lines are read in pieces of at most 64 KiB (a
longer line is hashed piece by piece), and only the message being read is held.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, ClassVar

from dealjournal.conversations import model
from dealjournal.conversations.model import (
    NAME,
    PHONE,
    CaptureFormatError,
    DateOrderUnknown,
    Message,
    Party,
)
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

CHUNK = 1 << 16             # the most bytes read as one piece of a line
HEAD_SIZE = 1 << 16         # what a zip member's format is decided from
DETECT_LINES = 200          # the first lines that decide the layout
DETECT_CHARS = 256          # of each of them (a date and time is far shorter)
FIRST_MATCH_WITHIN = 20     # a chat has a dated line among its first non-blank lines
SUBJECT_LENGTH = 120
MAX_SENDER = 100            # longer text before the first colon is not a name
ZIP_CANDIDATES = 20         # text files of a zip looked into for the chat
EXAMPLES = 3                # dates shown when the order is unknown
PARTY_CACHE = 1024
TELL_EVERY = 1 << 16        # bytes between progress reports (each may cancel)

_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_MARKS = "\u200e\u200f"     # what WhatsApp puts before text it writes itself
_M = f"[{_BIDI}]*"
_SP = "[ \u00a0\u202f]"
_DATE = (rf"(?P<date>{_M}(?P<a>\d{{1,4}}){_M}(?P<sep>[./-]){_SP}?{_M}(?P<b>\d{{1,2}}){_M}(?P=sep){_SP}?{_M}"
         rf"(?P<c>\d{{1,4}}|[A-Z]\d{{1,2}})(?:{_SP}BE)?\.?)")
_TIME = (rf"{_M}(?P<H>\d{{1,2}})[:.](?P<Mi>\d{{2}})(?:[:.](?P<S>\d{{2}}))?"
         rf"(?:{_SP}?(?P<ap>[aApP]\.?{_SP}?[mM]\.?|[صم]|in the (?:morning|afternoon|evening)|at night))?\.?{_M}")
_BETWEEN = rf"(?:,|،)?{_SP}+(?:klo{_SP}+)?"
# (pattern, iOS?): the layouts a chat's lines start with. Android, iOS, iOS with the time
# first (Vietnamese), iOS before 2017.
_LAYOUTS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"{_M}{_DATE}{_BETWEEN}{_TIME}{_SP}[-–]{_SP}"), False),
    (re.compile(rf"{_M}\[{_DATE}{_BETWEEN}{_TIME}\]{_SP}"), True),
    (re.compile(rf"{_M}\[{_TIME},{_SP}{_DATE}\]{_SP}"), True),
    (re.compile(rf"{_M}{_DATE}{_BETWEEN}{_TIME}:{_SP}"), True),
)
_ERAS = {"R": 2018, "H": 1988}  # Japanese eras: Reiwa 1 is 2019, Heisei 1 is 1989
_PHONE = re.compile(r"\+[\d ()\-./]{6,}\Z")
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013", "----")
_UNMARK = str.maketrans({**{ch: None for ch in _BIDI}, "\u00a0": " ", "\u202f": " "})
_EDGES = _BIDI + " \t\u00a0\u202f"  # invisible at either end of a line
_QUOTES = re.compile("[\"“”«»]")
# Words of the notices iOS writes as if someone had sent them (only looked for in text
# WhatsApp wrote itself): end-to-end encryption, security codes, disappearing messages, blocking,
# message requests and business accounts.
_NOTICE = re.compile(
    r"end-to-end|ende-zu-ende|extremo a extremo|bout en bout|ponto a ponto|punto a punto|uçtan uca"
    r"|сквозным|наскрізним|koncovým|security code|sicherheitsnummer|código de seguridad|code de sécurité"
    r"|disappearing messages|selbstlöschende|blocked this contact|message request|business account|this business",
    re.IGNORECASE)
# "You deleted this message" in the languages sellers write in most: its sender is the user.
_DELETED_BY_ME = frozenset((
    "you deleted this message", "du hast diese nachricht gelöscht", "u hebt dit bericht verwijderd",
    "je hebt dit bericht verwijderd", "eliminaste este mensaje", "vous avez supprimé ce message",
    "hai eliminato questo messaggio", "apagou esta mensagem", "você apagou esta mensagem",
))
_COPY_SUFFIX = re.compile(r"\s*\(\d+\)\Z")
_TITLED = re.compile(r"(?i)whatsapp.*?(?: - | – | with | mit | con | com | avec | met | med | z | s uživatelem "
                     r"| с контактом | с )(?P<who>.+)\Z")


@dataclass(frozen=True)
class _Survey:
    """What the first pass found: the layout, and the date order when the file tells."""

    pattern: re.Pattern[str]
    ios: bool
    order: str | None            # "ymd", "dmy", "mdy"; None when every date reads both ways
    examples: tuple[str, ...]


class _Pending:
    """The message being read: its first line is known, more lines may follow."""

    __slots__ = ("at", "digest", "sender", "subject")

    def __init__(self, conversation: str, sender: Party, at: datetime, text: str) -> None:
        self.sender = sender
        self.at = at
        self.subject = _subject(text)
        self.digest = hashlib.sha1(f"{conversation}\n{sender.value}\n{at.isoformat()}\n{text}".encode())

    def extend(self, text: str, new_line: bool) -> None:
        """Hash one more line (or piece of a long line) of the text."""
        self.digest.update(("\n" + text if new_line else text).encode())
        if not self.subject:
            self.subject = _subject(text)

    def message(self, conversation: str) -> Message:
        """The finished message: the text is gone, only its digest stays."""
        return Message(conversation=conversation, at=self.at, sender=self.sender, key=self.digest.hexdigest(),
                       channel="whatsapp", subject=self.subject)


class WhatsAppReader(model.Reader):
    """A WhatsApp chat export: an Android or iOS text file, or the zip holding one."""

    format: ClassVar[str] = "whatsapp"
    label: ClassVar[str] = QT_TRANSLATE_NOOP("core", "WhatsApp chat")

    def __init__(self, path: str | os.PathLike[str], progress: model.Progress | None = None, *,
                 day_first: bool | None = None) -> None:
        super().__init__(path, progress)
        self.day_first = day_first
        self._member: str | None = None

    # --- detection ---------------------------------------------------------------------

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        """A text whose first lines start with a chat's date and time, or a zip holding one
        (a zip too damaged to open counts when a member's name says it is a chat)."""
        if _is_zip(head):
            try:
                with zipfile.ZipFile(path) as archive:
                    return _chat_member(archive) is not None
            except zipfile.BadZipFile:
                return any(_looks_like_chat_name(name) for name in _local_names(head))
            except (OSError, EOFError, RuntimeError, NotImplementedError, zlib.error, ValueError):
                return False
        return _layout(_head_lines(head)) is not None

    def size(self) -> int:
        """The chat's own bytes: for a zip, its text member uncompressed (what tell counts)."""
        try:
            with self.path.open("rb") as handle:
                zipped = _is_zip(handle.read(4))
            if zipped:
                with zipfile.ZipFile(self.path) as archive:
                    return archive.getinfo(self._chat_name(archive)).file_size
        except (OSError, zipfile.BadZipFile, CaptureFormatError, KeyError):
            pass
        return super().size()

    # --- reading -----------------------------------------------------------------------

    def records(self) -> Iterator[model.Record]:
        with self._translated_errors():
            survey = self._survey()
            yield from self._messages(survey, self._order(survey))

    def _survey(self) -> _Survey:
        """First pass: the layout from the first lines, then the date order from the first
        date that decides it (read no further than that)."""
        with self._stream() as stream:
            chunks = self._lines(stream)
            heads = _first_lines(chunks, DETECT_LINES)
            found = _layout(heads)
            if found is None:
                raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "{file} is not a WhatsApp chat export: no line starts with a date and time."),
                    file=self.path.name))
            pattern, ios = found
            examples: list[str] = []
            for text in _chain(heads, (t for t, more in chunks if not more)):
                match = pattern.match(text)
                if match is None:
                    continue
                order = _evidence(match)
                if order is not None:
                    return _Survey(pattern, ios, order, ())
                shown = match.group("date").translate(_UNMARK).strip()
                if len(examples) < EXAMPLES and shown not in examples:
                    examples.append(shown)
            return _Survey(pattern, ios, None, tuple(examples))

    def _order(self, survey: _Survey) -> str:
        """The date order: the file's, else the caller's ``day_first``, else ask (raise)."""
        if survey.order is not None:
            return survey.order
        if self.day_first is None:
            raise DateOrderUnknown(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file}: every date in the chat reads both as day/month and as month/day; "
                        "choose the order the chat uses."), file=self.path.name), list(survey.examples))
        return "dmy" if self.day_first else "mdy"

    def _messages(self, survey: _Survey, order: str) -> Iterator[Message]:
        """Second pass: every message, its continuation lines hashed into its key."""
        chat = self._conversation()
        pending: _Pending | None = None
        parties: dict[str, Party] = {}
        senders: set[str] = set()
        last_head = ""
        last_at: datetime | None = None
        with self._stream() as stream:
            for text, more in self._lines(stream):
                match = None if more else survey.pattern.match(text)
                if match is None:
                    if pending is not None:
                        pending.extend(text, not more)
                    continue
                if pending is not None:
                    yield pending.message(chat)
                    pending = None
                head, rest = text[:match.end()], text[match.end():]
                if head != last_head:
                    last_head, last_at = head, _stamp(match, order)
                if last_at is None:
                    self.skip(model.UNREADABLE)
                    continue
                said = _split(rest, survey.ios)
                if said is None or (survey.ios and _notice(said[1], text[:1] in _MARKS, first=not senders)):
                    self.skip(model.SYSTEM)
                    continue
                sender = parties.get(said[0]) or _remember(parties, said[0])
                if len(senders) < 3:
                    senders.add(sender.value)
                self._hint_deleted(sender, said[1])
                pending = _Pending(chat, sender, last_at, said[1])
        if pending is not None:
            yield pending.message(chat)
        self._hint_title(senders)

    def _lines(self, stream: IO[bytes]) -> Iterator[tuple[str, bool]]:
        """The stream's lines as text without the line end, in pieces of at most CHUNK
        bytes: (text, more) where *more* says the piece goes on the line before it.
        Invalid UTF-8 becomes U+FFFD; progress is told as the bytes go by."""
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        done, told, more, first = 0, 0, False, True
        while True:
            raw = stream.readline(CHUNK)
            if not raw:
                tail = decoder.decode(b"", True)
                if tail:
                    yield tail, more
                return
            done += len(raw)
            if done - told >= TELL_EVERY:
                self.tell(done)
                told = done
            text = decoder.decode(raw)
            if first:
                text, first = text.removeprefix("\ufeff"), False
            ended = raw.endswith(b"\n")
            if ended:
                text = text[:-2] if text.endswith("\r\n") else text[:-1]
            yield text, more
            more = not ended

    # --- me hints ----------------------------------------------------------------------

    def _hint(self, party: Party) -> None:
        """Offer *party* as the user, once."""
        if party not in self.me_hints:
            self.me_hints.append(party)

    def _hint_deleted(self, sender: Party, text: str) -> None:
        """"You deleted this message" is written under the user's own name."""
        if len(text) < 60 and text.strip(_EDGES).rstrip(".").casefold() in _DELETED_BY_ME:
            self._hint(sender)

    def _hint_title(self, senders: set[str]) -> None:
        """A chat of two named after one of them: the other one exported it."""
        found = _TITLED.match(self._conversation())
        if found is None or len(senders) != 2 or found.group("who").strip() not in senders:
            return
        other = next(s for s in senders if s != found.group("who").strip())
        self._hint(_party(other))

    # --- the file ----------------------------------------------------------------------

    def _conversation(self) -> str:
        """The chat's name (see the module docstring): stable from one export to the next."""
        stem = Path(self._member).stem if self._member else self.path.stem
        if stem.casefold() == "_chat":
            if self._member:
                stem = self.path.stem
            elif "whatsapp" in self.path.parent.name.casefold():
                stem = self.path.parent.name
        return _COPY_SUFFIX.sub("", stem.translate(_UNMARK).strip()) or stem

    @contextmanager
    def _stream(self) -> Iterator[IO[bytes]]:
        """The chat's bytes: the file itself, or its text member inside a zip."""
        with self.path.open("rb") as handle:
            zipped = _is_zip(handle.read(4))
            if not zipped:
                handle.seek(0)
                yield handle
                return
        try:
            archive = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is not a readable zip archive (it may be cut off: download it again)."),
                file=self.path.name)) from None
        with archive, self._open_member(archive) as member:
            yield member

    def _open_member(self, archive: zipfile.ZipFile) -> IO[bytes]:
        """The chat member, opened; an encrypted one or an unknown compression is the
        user's to fix."""
        try:
            return archive.open(self._chat_name(archive))
        except (RuntimeError, NotImplementedError) as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} cannot be read: the chat in it is encrypted or compressed in an unknown way ({error})."),
                file=self.path.name, error=type(exc).__name__)) from None

    def _chat_name(self, archive: zipfile.ZipFile) -> str:
        """The chat member's name, found once (both passes and size() read the same one)."""
        if self._member is None:
            info = _chat_member(archive)
            if info is None:
                raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "{file} holds no WhatsApp chat: there is no _chat.txt or chat text file in it."),
                    file=self.path.name))
            self._member = info.filename
        return self._member

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        """A file that cannot be read to the end is the user's to fix: say so, naming it."""
        try:
            yield
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is damaged: the chat in it cannot be read to the end ({error})."),
                file=self.path.name, error=type(exc).__name__)) from None
        except OSError as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                            file=self.path.name, error=exc.strerror or type(exc).__name__)) from None


# --- lines -------------------------------------------------------------------------------


def _layout(lines: list[str]) -> tuple[re.Pattern[str], bool] | None:
    """The layout most of *lines* start with, provided one of the first non-blank ones does."""
    shown = [line for line in lines if line.strip()]
    best: tuple[re.Pattern[str], bool] | None = None
    most = 0
    for pattern, ios in _LAYOUTS:
        hits = [i for i, line in enumerate(shown) if pattern.match(line)]
        if hits and hits[0] < FIRST_MATCH_WITHIN and len(hits) > most:
            best, most = (pattern, ios), len(hits)
    return best


def _head_lines(head: bytes) -> list[str]:
    """The first lines of *head* as text (the decision needs no more of each)."""
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", DETECT_LINES)[:DETECT_LINES]
    return [line[:DETECT_CHARS * 4].decode("utf-8", "replace").rstrip("\r")[:DETECT_CHARS] for line in lines]


def _evidence(match: re.Match[str]) -> str | None:
    """The date order this date proves: a four-digit first number is a year; a number
    above 12 is a day."""
    first, second = match.group("a", "b")
    if len(first) > 2:
        return "ymd"
    if int(first) > 12:
        return "dmy"
    if int(second) > 12:
        return "mdy"
    return None


def _stamp(match: re.Match[str], order: str) -> datetime | None:
    """The line's local time, or None when it is no date (31/02, month 13). A four-digit
    first number is a year whatever the file's order."""
    a, b, c = match.group("a", "b", "c")
    try:
        if order == "ymd" or len(a) > 2:
            year, month, day = _year(a), int(b), int(c)
        elif order == "dmy":
            day, month, year = int(a), int(b), _year(c)
        else:
            month, day, year = int(a), int(b), _year(c)
        seconds = match.group("S")
        return datetime(year, month, day, _hour(int(match.group("H")), match.group("ap")),
                        int(match.group("Mi")), int(seconds) if seconds else 0)
    except ValueError:
        return None


def _year(text: str) -> int:
    """A year as written: 23, 2023, 2566 (Buddhist: 543 ahead) or R5 (a Japanese era)."""
    if text[0].isalpha():
        if text[0] not in _ERAS:
            raise ValueError(text)
        return _ERAS[text[0]] + int(text[1:])
    year = int(text)
    if year < 100:
        return 2000 + year
    return year - 543 if year > 2400 else year


def _hour(hour: int, mark: str | None) -> int:
    """The 24-hour hour of a 12-hour time (an hour above 12 already is one)."""
    if not mark or hour > 12:
        return hour
    if mark.startswith("in the "):
        pm = not mark.endswith("morning")
    elif mark == "at night":
        pm = 6 <= hour < 12
    else:
        pm = mark[0] in "pPم"
    if pm:
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def _split(rest: str, ios: bool) -> tuple[str, str] | None:
    """(sender, text) of what follows the time, or None for a system line: no colon, on
    iOS text WhatsApp wrote (a leading mark), or no name before the colon (too long, or a
    quote opened and not closed: a subject with a colon in it)."""
    colon = rest.find(":")
    if colon <= 0 or colon > MAX_SENDER or (ios and rest[0] in _MARKS):
        return None
    sender = rest[:colon]
    if _QUOTES.search(sender) and _unbalanced(sender):
        return None
    if not sender.strip(_EDGES):
        return None
    text = rest[colon + 1:]
    return sender, text.removeprefix(" ")


def _unbalanced(sender: str) -> bool:
    """A quote opened before the colon and closed after it: the colon is inside a subject."""
    return bool(sender.count('"') % 2 or sender.count("“") != sender.count("”") or sender.count("«") != sender.count("»"))


def _notice(text: str, attachment: bool, first: bool) -> bool:
    """Whether iOS text after ``Name:`` is a notice rather than something someone sent."""
    if not text[:1] or text[0] not in _MARKS or attachment:
        return False
    if text[1:2] and text[1] in _MARKS:
        return True
    if "://" in text:
        return False
    return first or _NOTICE.search(text) is not None


def _subject(text: str) -> str:
    """A line as the review shows it: without invisible marks at its ends, at most 120 characters."""
    line = text.strip(_EDGES)
    return line if len(line) <= SUBJECT_LENGTH else line[:SUBJECT_LENGTH - 1].rstrip() + "…"


def _party(shown: str) -> Party:
    """A sender as shown: a phone number for an unsaved contact, else a display name."""
    value = shown.translate(_UNMARK).strip()
    number = value.translate(_DASHES)
    if _PHONE.match(number) and sum(ch.isdigit() for ch in number) >= 7:
        return Party(PHONE, number)
    return Party(NAME, value, value)


def _remember(parties: dict[str, Party], shown: str) -> Party:
    """Cache the sender's Party (a chat has few senders; a hostile file may have millions,
    so the cache is emptied when full)."""
    if len(parties) >= PARTY_CACHE:
        parties.clear()
    party = parties[shown] = _party(shown)
    return party


def _first_lines(lines: Iterator[tuple[str, bool]], n: int) -> list[str]:
    """The start of each of the next *n* lines (a long line's further pieces are left out):
    enough to decide the layout, and little to hold."""
    taken: list[str] = []
    for text, more in lines:
        if not more:
            taken.append(text[:DETECT_CHARS])
            if len(taken) >= n:
                break
    return taken


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    """The lines already read for the layout, then the rest of the stream."""
    yield from first
    yield from rest


# --- zip archives --------------------------------------------------------------------------


def _is_zip(head: bytes) -> bool:
    """A zip by its magic bytes (a truncated zip, whose directory is gone, still has them)."""
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _chat_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The chat inside an export zip: ``_chat.txt``, else a text file named like a chat,
    else any text file, whichever first reads as a chat (media may include .txt files)."""
    texts = [info for info in archive.infolist() if not info.is_dir() and info.filename.lower().endswith(".txt")]
    texts.sort(key=_member_rank)
    for info in texts[:ZIP_CANDIDATES]:
        with archive.open(info) as member:
            if _layout(_head_lines(member.read(HEAD_SIZE))) is not None:
                return info
    return None


def _member_rank(info: zipfile.ZipInfo) -> int:
    """Which text member to look into first: _chat.txt, a name saying WhatsApp, the top level."""
    base = info.filename.rsplit("/", 1)[-1]
    if base.casefold() == "_chat.txt":
        return 0
    if _looks_like_chat_name(base):
        return 1
    return 2 if "/" not in info.filename else 3


def _looks_like_chat_name(name: str) -> bool:
    """iOS's _chat.txt or Android's "WhatsApp Chat with ….txt" (localised, all say WhatsApp)."""
    base = name.rsplit("/", 1)[-1].casefold()
    return base.endswith(".txt") and (base == "_chat.txt" or "whatsapp" in base)


def _local_names(head: bytes) -> Iterator[str]:
    """The member names in the local headers at the start of a zip (its directory, at the
    end, may be cut off)."""
    pos = 0
    while head.startswith(b"PK\x03\x04", pos) and pos + 30 <= len(head):
        flags, = struct.unpack_from("<H", head, pos + 6)
        size, = struct.unpack_from("<I", head, pos + 18)
        name_length, extra_length = struct.unpack_from("<HH", head, pos + 26)
        yield head[pos + 30:pos + 30 + name_length].decode("utf-8", "replace")
        if flags & 0x08:  # the size follows the data: the next header cannot be found
            return
        pos += 30 + name_length + extra_length + size
