"""Telegram Desktop's JSON export (``result.json``): one chat, or the whole account.

One chat is ``{"name", "type", "id", "messages": [...]}``; the whole account is
``{"about", "personal_information": {...}, ..., "chats": {"list": [chat, ...]},
"left_chats": {"list": [...]}}``. Telegram Desktop writes a chat's ``name``, ``type`` and
``id`` before its messages, and the user's ``personal_information`` before the chats, so
one pass over the parser's events is enough: the file is streamed with :mod:`ijson`
(a result.json of many years is hundreds of megabytes), and of a message only its id,
time, sender and the first line of its text are kept. Nesting deeper than
:data:`MAX_DEPTH` is refused as it is read (a real export nests fewer than 10 levels; the
path of every open level is kept, so memory would grow with the square of the depth).

A message's ``date`` is the exporting computer's local time; ``date_unixtime`` (since 2021)
is the UTC epoch and is preferred. ``from_id`` is ``"user123"`` (``"channel123"`` for a
channel's posts); exports before 2021 wrote the bare number. Service lines (joins, calls,
pins) are skipped as system lines; Saved Messages and the Replies chat are not
conversations; a bot's or a channel's messages are kept but are not touches.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import ijson  # type: ignore[import-untyped]

from dealjournal.conversations import model
from dealjournal.conversations.model import CaptureFormatError, Message, Party, Record
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

CHUNK = 1 << 16
SUBJECT_LENGTH = 120
MAX_HINTS = 8             # identities offered for Me at most (a hostile chat cannot grow the list)
MAX_DEPTH = 64            # JSON nesting read at most (Telegram Desktop writes fewer than 10 levels)

_CHATS = ("", "chats.list.item", "left_chats.list.item")
_NOT_CONVERSATIONS = ("saved_messages", "replies")
_NOT_TOUCHES = {"bot_chat": model.AUTOMATIC, "public_channel": model.LIST, "private_channel": model.LIST}
_FIELDS = ("id", "type", "date", "date_unixtime", "from", "from_id")
_TEXT = ("text", "text.item", "text.item.text")
_SCALARS = ("string", "number", "boolean", "null")
_PERSONAL = ("user_id", "first_name", "last_name", "phone_number")

_OPENS = re.compile(r"\A\s*\{")
_ACCOUNT = re.compile(r'"personal_information"\s*:\s*\{[^{}]*"user_id"\s*:|"chats"\s*:\s*\{\s*"about"\s*:')
_CHAT = re.compile(r'"messages"\s*:\s*\[')
_MESSAGE_FIELD = re.compile(
    r'"(?:date_unixtime|from_id)"\s*:'
    r'|"type"\s*:\s*"(?:personal_chat|bot_chat|saved_messages|private_group|private_supergroup|public_supergroup'
    r'|private_channel|public_channel)"')


class _Utf8:
    """A binary file read as valid UTF-8 (invalid bytes replaced, a BOM dropped): the JSON
    parser stops at the first invalid byte otherwise."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("replace")

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        while True:
            data = self._raw.read(size if size > 0 else CHUNK)
            text = self._decoder.decode(data, final=not data)
            if text or not data:
                return text.encode("utf-8")


class _Chat:
    """The chat being read: its name, type and id (read before its messages)."""

    __slots__ = ("_key", "base", "fields", "number")

    def __init__(self, number: int, prefix: str) -> None:
        self.number = number
        self.base = prefix + "." if prefix else ""
        self.fields: dict[str, Any] = {}
        self._key = ""

    def feed(self, prefix: str, value: Any) -> None:
        if prefix.startswith(self.base) and prefix[len(self.base):] in ("name", "type", "id"):
            self.fields[prefix[len(self.base):]] = value

    @property
    def type(self) -> str:
        kind = self.fields.get("type")
        return kind if isinstance(kind, str) else ""

    @property
    def key(self) -> str:
        """The chat's id, else its name, else its place in the file (fixed at its first
        message, so that all its messages share one conversation)."""
        if not self._key:
            chat_id, name = self.fields.get("id"), self.fields.get("name")
            if isinstance(chat_id, (int, str)) and not isinstance(chat_id, bool) and str(chat_id):
                self._key = str(chat_id)
            elif isinstance(name, str) and name:
                self._key = "name:" + name
            else:
                self._key = f"#{self.number}"
        return self._key


class _Message:
    """What is kept of one message while its events go by."""

    __slots__ = ("digest", "fields", "head", "whole")

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}
        self.head = ""
        self.whole = False        # the first line is complete
        self.digest = hashlib.sha1()

    def feed(self, field: str, event: str, value: Any) -> None:
        if event not in _SCALARS:
            return
        if field in _TEXT:
            if isinstance(value, str):
                self._text(value)
        elif field in _FIELDS:
            self.fields[field] = value

    def _text(self, text: str) -> None:
        self.digest.update(text.encode("utf-8", "replace"))
        if not self.whole:
            self.head += (text if self.head else text.lstrip())[:SUBJECT_LENGTH + 1]
            self.whole = "\n" in self.head or len(self.head) > SUBJECT_LENGTH

    @property
    def subject(self) -> str:
        return self.head.split("\n", 1)[0].strip()[:SUBJECT_LENGTH]


def _when(fields: dict[str, Any]) -> datetime | None:
    """Local time: from ``date_unixtime`` (UTC epoch), else ``date`` (already local)."""
    unix = fields.get("date_unixtime")
    if isinstance(unix, (str, int, float)) and not isinstance(unix, bool):
        try:
            return datetime.fromtimestamp(int(unix))
        except (ValueError, OverflowError, OSError):
            pass
    text = fields.get("date")
    if not isinstance(text, str):
        return None
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return at.astimezone().replace(tzinfo=None) if at.tzinfo else at


def _sender(fields: dict[str, Any]) -> Party | None:
    """``from_id`` as ``telegram:user123`` (named ``from``), else the name alone."""
    name = fields.get("from")
    name = name if isinstance(name, str) else ""
    from_id = fields.get("from_id")
    if isinstance(from_id, int) and not isinstance(from_id, bool):
        from_id = f"user{from_id}"
    if isinstance(from_id, str) and from_id.strip():
        return Party(model.HANDLE, "telegram:" + from_id.strip(), name)
    if name.strip():
        return Party(model.NAME, name, name)
    return None


class TelegramReader(model.Reader):
    """Telegram Desktop's ``result.json`` (Settings ▸ Advanced ▸ Export Telegram data, or a
    chat's ⋮ ▸ Export chat history, format JSON)."""

    format: ClassVar[str] = "telegram"
    label: ClassVar[str] = "Telegram Desktop export"

    def __init__(self, path: str | os.PathLike[str], progress: model.Progress | None = None) -> None:
        super().__init__(path, progress)
        self._me = ""                          # telegram:user<id> from personal_information
        self._personal: dict[str, Any] = {}

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        if not _OPENS.match(text):
            return False
        return bool(_ACCOUNT.search(text) or (_CHAT.search(text) and _MESSAGE_FIELD.search(text)))

    def records(self) -> Iterator[Record]:
        try:
            with self.path.open("rb") as raw:
                yield from self._read(self._events(ijson.basic_parse(_Utf8(raw), use_float=True)), raw)
        except ijson.JSONError:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "{file} is not a complete Telegram export: its JSON is cut off or damaged."),
                file=self.path.name)) from None
        except OSError as exc:
            raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                            file=self.path.name, error=exc.strerror or type(exc).__name__)) from None

    def _events(self, events: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, str, Any]]:
        """The parser's events with their prefixes, as ``ijson.parse`` gives them; raises
        CaptureFormatError at a container opened deeper than :data:`MAX_DEPTH`.

        (``ijson.parse`` keeps the prefix of every open level and builds those of a whole
        buffer's events before the first one is seen: 100,000 nested lists would take
        gigabytes before they could be counted.)"""
        opened: list[str] = []  # the prefix of each open container
        current = ""  # the prefix of the next value
        for event, value in events:
            if event == "map_key":
                parent = opened[-1]
                yield parent, event, value
                current = f"{parent}.{value}" if len(opened) > 1 else value
            elif event == "start_map" or event == "start_array":
                if len(opened) >= MAX_DEPTH:
                    raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
                        "core", "{file} is not a Telegram export: its JSON is nested more than {depth} levels deep."),
                        file=self.path.name, depth=MAX_DEPTH))
                yield current, event, value
                opened.append(current)
                if event == "start_array":
                    current = f"{current}.item" if len(opened) > 1 else "item"
            elif event == "end_map" or event == "end_array":
                current = opened.pop()
                yield current, event, value
            else:
                yield current, event, value

    def _read(self, events: Iterable[tuple[str, str, Any]], raw: BinaryIO) -> Iterator[Record]:
        """Walk the parser's events: chats open and close, messages are gathered field by field."""
        chat = _Chat(0, "")
        message: _Message | None = None
        inside = ""
        for prefix, event, value in events:
            if message is not None:
                if prefix != inside:
                    message.feed(prefix[len(inside) + 1:], event, value)
                elif event == "end_map":
                    record = self._record(chat, message)
                    message = None
                    self.tell(raw.tell())
                    if record is not None:
                        yield record
            elif event == "start_map" and prefix.endswith("messages.item"):
                message, inside = _Message(), prefix
            elif event == "start_map" and prefix in _CHATS:
                chat = _Chat(chat.number + 1, prefix)
            elif prefix.startswith("personal_information"):
                self._personal_field(prefix, event, value)
            elif event in _SCALARS:
                chat.feed(prefix, value)

    def _record(self, chat: _Chat, message: _Message) -> Message | None:
        """The message as a record; None for what is skipped (counted when it is a system
        line or does not read)."""
        if chat.type in _NOT_CONVERSATIONS:
            return None
        fields = message.fields
        if fields.get("type") == "service":
            self.skip(model.SYSTEM)
            return None
        at, sender = _when(fields), _sender(fields)
        if fields.get("type", "message") != "message" or at is None or sender is None:
            self.skip(model.UNREADABLE)
            return None
        msg_id = fields.get("id")
        if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool) and str(msg_id):
            key = f"telegram:{chat.key}:{msg_id}"
        else:
            stamp = fields.get("date_unixtime") or fields.get("date")
            key = f"telegram:{chat.key}:{stamp}:{sender.value}:{message.digest.hexdigest()[:16]}"
        return Message(conversation=f"telegram:{chat.key}", at=at, sender=sender, key=key, channel="telegram",
                       subject=message.subject, ignored=_NOT_TOUCHES.get(chat.type), sent=self._mine(chat, sender))

    def _mine(self, chat: _Chat, sender: Party) -> bool:
        """Whether the user sent it: the account's own id, or in a one-to-one chat (whose id
        is the other person's user id) anyone but the other person."""
        if sender.kind != model.HANDLE:
            return False
        if self._me:
            return sender.value == self._me
        peer = chat.fields.get("id")
        if chat.type != "personal_chat" or not isinstance(peer, int) or isinstance(peer, bool) \
                or sender.value == f"telegram:user{peer}":
            return False
        self._hint(Party(model.HANDLE, sender.value, sender.name))
        return True

    def _personal_field(self, prefix: str, event: str, value: Any) -> None:
        """personal_information: the user's id, phone number and name become me_hints."""
        if event in _SCALARS:
            field = prefix.removeprefix("personal_information.")
            if field in _PERSONAL:
                self._personal[field] = value
            return
        if event != "end_map" or prefix != "personal_information":
            return
        info = self._personal
        name = " ".join(str(info.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
        user_id = info.get("user_id")
        if isinstance(user_id, (int, str)) and not isinstance(user_id, bool) and str(user_id).strip():
            self._me = f"telegram:user{str(user_id).strip()}"
            self._hint(Party(model.HANDLE, self._me, name))
        phone = info.get("phone_number")
        if isinstance(phone, str) and phone.strip():
            self._hint(Party(model.PHONE, phone.strip(), name))
        if name:
            self._hint(Party(model.NAME, name, name))

    def _hint(self, party: Party) -> None:
        if len(self.me_hints) < MAX_HINTS and all((p.kind, p.value) != (party.kind, party.value)
                                                  for p in self.me_hints):
            self.me_hints.append(party)
