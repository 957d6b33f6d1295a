"""A message's header block turned into a :class:`~.model.Message`: what the mail readers share.

The readers (:mod:`.mail`) cut a mailbox into header blocks (raw bytes, the body already
skipped); this module reads only the fields capture needs, decodes them (the raw bytes as
UTF-8, else the charset the message declares, always with replacement; RFC 2047 encoded
words in any charset, an unknown one read as UTF-8), and applies the rules of DOMAIN.md's
*Not touches* that the headers decide. It is lean on purpose (one regex pass collects the
fields; the common address forms are parsed by one regex, the rest by a tolerant linear
scanner instead of the stdlib's recursive one, which a header of nested parentheses
overflows): a 100,000-message mbox is read in less time than the stdlib's ``mailbox``
takes to read its headers alone.

**Threads** (``Message.conversation``), decided per message, in file order, so the same
file always gives the same threads and a later, longer export gives its earlier messages
the same threads:

1. Gmail's ``X-GM-THRID`` when present: ``gmail:<id>``.
2. Else the root of the reply chain: the first id of ``References`` (else ``In-Reply-To``)
   — ``thread:<root>``, or the thread that root message joined earlier in the file.
3. Else, for a reply by subject only (``Re:``/``AW:``/``SV:``… but no reply headers), the
   thread of the latest earlier message with the same normalized subject (prefixes
   ``Re:``/``Fwd:``/``AW:``/``WG:``… stripped, case-folded), or ``subject:<subject>``.
4. Else a thread of its own: ``thread:<its key>`` (so its replies, naming it in
   ``References``, join it).

A forward without reply headers (``Fwd:``/``WG:``) starts a thread of its own: it goes to
someone new. The lookups of rules 2 and 3 are bounded (:data:`MEMORY_ENTRIES`); past
that, a message falls back to the rule's default.
"""

from __future__ import annotations

import binascii
import codecs
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_tz
from functools import lru_cache

from dealjournal.conversations import model
from dealjournal.conversations.model import EMAIL, Message, Party

SUBJECT_LENGTH = 120
NAME_LENGTH = 200
ID_LENGTH = 500
MEMORY_ENTRIES = 200_000   # thread lookups kept per file (message ids, subjects)
SENDERS_KEPT = 1_000       # distinct senders of sent mail counted for the me hint

# The fields read (a field's continuation lines start with a blank); every other header is
# passed over without decoding.
_FIELD = re.compile(
    rb"^(from|to|cc|date|subject|message-id|references|in-reply-to|list-id|list-unsubscribe|precedence"
    rb"|auto-submitted|x-gmail-labels|x-gm-thrid|content-type|x-mozilla-status)"
    rb"[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)", re.MULTILINE | re.IGNORECASE)
_REPEATED = frozenset({b"to", b"cc"})   # a second To: line adds recipients; other repeats are ignored

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]+")
_ADDRESS = re.compile(r"""\s*(?:
    (?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<phrase>[^",<>()\\;:@]*?))\s*<(?P<angle>[^<>\s,;:"]*)>
    | (?P<bare>[^\s",<>()\\;:]+@[^\s",<>()\\;:]+)
    | )\s*(?:,|\Z)""", re.VERBOSE)
_ESCAPE = re.compile(r"\\(.)")
_ANGLE = re.compile(r"<([^<>]*)>")
_BLANK = re.compile(r"\s")
_X500 = re.compile(r"/o=[^/]*/.*cn=", re.IGNORECASE)
_ZONE = re.compile(r"\d:\d\d(?::\d\d)?\s*(?:[+-]\d{4}|UTC?|GMT|[ECMP][SD]T|Z)\b", re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
_PREFIX = re.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)?(re|aw|sv|vs|antw|odp|rif|r|fwd?|wg|tr|rv|enc|i)"
                     r"\s*(?:\[\d+\]|\(\d+\))?\s*:", re.IGNORECASE)
_REPLY_PREFIXES = frozenset({"re", "aw", "sv", "vs", "antw", "odp", "rif", "r"})
_LABEL = re.compile(r'"((?:[^"\\]|\\.)*)"|([^,]+)')

# Folder and label names (case-folded, one path component) that mean "not a touch"
# (Spam, Trash, Drafts) or "the user sent it"; English and German as Gmail, Thunderbird,
# Outlook and Apple Mail name them.
IGNORED_FOLDERS = frozenset({
    "spam", "junk", "junk mail", "junk e-mail", "junk email", "junk-e-mail", "bulk mail", "trash", "bin",
    "deleted", "deleted items", "deleted messages", "drafts", "draft", "papierkorb", "gelöschte elemente",
    "gelöschte objekte", "gelöscht", "entwürfe", "entwurf", "unerwünscht",
})
SENT_FOLDERS = frozenset({
    "sent", "sent mail", "sent items", "sent messages", "gesendet", "gesendete elemente",
    "gesendete objekte", "gesendete nachrichten",
})
_LIST_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_NO_REPLY_PREFIXES = ("noreply", "donotreply")
_NO_REPLY_NAMES = frozenset({"mailerdaemon", "postmaster"})
_MOZILLA_EXPUNGED = 0x0008   # Thunderbird: deleted, still in the file until the folder is compacted


@dataclass(frozen=True, slots=True)
class Origin:
    """What the place a message was found in says about it (a folder, the mbox's name)."""

    sent: bool = False
    ignored: bool = False   # a Spam, Trash or Drafts folder, or a Maildir's T/D flag

    def join(self, other: Origin) -> Origin:
        """Both places at once (an mbox named Sent holding Gmail-labelled mail)."""
        return Origin(self.sent or other.sent, self.ignored or other.ignored)


INBOX = Origin()


def folder_origin(components: list[str]) -> Origin:
    """The origin of a folder given by its path components ("INBOX", "Sent"): sent or
    ignored when any component is a known name."""
    names = {c.strip().casefold() for c in components}
    return Origin(sent=bool(names & SENT_FOLDERS), ignored=bool(names & IGNORED_FOLDERS))


def collect(block: bytes) -> dict[bytes, bytes]:
    """The wanted fields of a header block (lines ending in LF or CRLF), unfolded, raw."""
    fields: dict[bytes, bytes] = {}
    for found in _FIELD.finditer(block):
        name = found.group(1).lower()
        value = found.group(2).replace(b"\r", b"").replace(b"\n", b"")
        if name not in fields:
            fields[name] = value
        elif name in _REPEATED:
            fields[name] += b"," + value
    return fields


_PROBE = b"Ab1 @<>.-"


@lru_cache(maxsize=256)
def codec(label: str) -> str:
    """Python's text codec for a charset label; UTF-8 for an unknown one, or one that does not
    read ASCII as ASCII (a mail header's charset always does): "base64" and "rot13" are no
    text encodings, "punycode" and "utf-16" garble headers (Python 3.13's punycode no longer
    even raises)."""
    try:
        name = codecs.lookup(label.strip().strip("\"'").split("*", 1)[0]).name
        if _PROBE.decode(name, "replace") != _PROBE.decode("ascii"):
            return "utf-8"
        b"a\xff".decode(name, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return "utf-8"
    return name


def decode(raw: bytes | bytearray, charset: str) -> str:
    """*raw* in *charset* with replacement; UTF-8 when the codec fails anyway (a hostile
    label such as "punycode" raises even with errors="replace")."""
    try:
        return raw.decode(charset, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return raw.decode("utf-8", "replace")


def declared_charset(fields: dict[bytes, bytes]) -> str:
    found = _CHARSET.search(fields.get(b"content-type", b""))
    return codec(found.group(1).decode("ascii")) if found else "utf-8"


def raw_text(raw: bytes, charset: str) -> str:
    """Header bytes as text: UTF-8 when valid (most 8-bit headers are), else *charset*."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw, charset)


def _word_bytes(encoding: str, data: str) -> bytes:
    payload = data.encode("ascii", "replace")
    try:
        if encoding in "bB":
            return binascii.a2b_base64(payload + b"=" * (-len(payload) % 4))
        return binascii.a2b_qp(payload, header=True)
    except (binascii.Error, ValueError):
        return b"?"


def decode_words(text: str) -> str:
    """RFC 2047: encoded words decoded; adjacent words of one charset joined before decoding
    (mailers split a multi-byte character across two words); blanks between words dropped."""
    if "=?" not in text:
        return text
    out: list[str] = []
    pending = bytearray()
    charset = "utf-8"
    end = 0
    for word in _ENCODED_WORD.finditer(text):
        gap = text[end:word.start()]
        between_words = end > 0 and (not gap or gap.isspace())
        label = codec(word.group(1))
        if not between_words or label != charset:
            out.append(decode(pending, charset))
            pending.clear()
        if not between_words:
            out.append(gap)
        pending += _word_bytes(word.group(2), word.group(3))
        charset = label
        end = word.end()
    out.append(decode(pending, charset))
    out.append(text[end:])
    return "".join(out)


def clean(text: str, limit: int) -> str:
    """One line of at most *limit* characters: control characters and runs of blanks made one space."""
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def _split_addresses(text: str) -> list[tuple[str, str]]:
    """(name, address) pairs of an address list: the common forms by one regex, the rest
    (comments, groups, quoted commas) by :func:`_tolerant_addresses`."""
    found: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        item = _ADDRESS.match(text, pos)
        if item is None or item.end() == pos:
            return _tolerant_addresses(text)
        pos = item.end()
        if item.group("angle") is not None:
            quoted = item.group("quoted")
            name = _ESCAPE.sub(r"\1", quoted) if quoted is not None else item.group("phrase")
            found.append((name, item.group("angle")))
        elif item.group("bare"):
            found.append(("", item.group("bare")))
    return found


class _Items:
    """The items of an address list, split at the commas and semicolons outside quotes,
    comments and angle brackets; a group's name (``team: a@b, c@d;``) dropped; each item
    with its comments apart (``a@b (Ada)`` is named by its comment)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.comment: list[str] = []
        self.address_seen = False

    def end_item(self) -> None:
        self.items.append(("".join(self.text), "".join(self.comment)))
        self.text, self.comment, self.address_seen = [], [], False

    def add(self, ch: str, depth: int) -> None:
        (self.comment if depth else self.text).append(ch)
        self.address_seen = self.address_seen or ch in "<@"


def _tolerant_items(text: str) -> list[tuple[str, str]]:
    """One pass over *text* (never recursive: hostile nesting costs nothing)."""
    items = _Items()
    depth, quoted, escaped, angle = 0, False, False, False
    for ch in text:
        if escaped or (quoted and ch != '"' and ch != "\\"):
            items.add(ch, depth)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"' and not depth:
            quoted = not quoted
            items.add(ch, depth)
        elif ch == "(" or (ch == ")" and depth):
            depth += 1 if ch == "(" else -1
        elif depth:
            items.add(ch, depth)
        elif ch in ",;" and not angle:
            items.end_item()
        elif ch == ":" and not angle and not items.address_seen:
            items.text = []
        else:
            angle = (angle or ch == "<") and ch != ">"
            items.add(ch, depth)
    items.end_item()
    return items.items


def _tolerant_addresses(text: str) -> list[tuple[str, str]]:
    """Whatever address each item holds: in angle brackets (named by the text before them),
    else its first word with an "@" (named by its comment)."""
    found: list[tuple[str, str]] = []
    for item, comment in _tolerant_items(text):
        angle = _ANGLE.search(item)
        if angle is not None:
            found.append((item[:angle.start()].strip().strip('"') or comment, angle.group(1)))
            continue
        words = [w.strip('"') for w in item.split() if "@" in w]
        if words:
            found.append((comment, words[0]))
    return found


def parties(raw: bytes, charset: str) -> tuple[Party, ...]:
    """The addresses of a To/Cc/From field, lower-cased, each once, display names decoded."""
    if not raw:
        return ()
    found: dict[str, Party] = {}
    for name, address in _split_addresses(raw_text(raw, charset)):
        value = address.strip().casefold().removeprefix("mailto:")
        if "@" not in value or len(value) > 254 or _BLANK.search(value) or value in found:
            continue
        found[value] = Party(EMAIL, value, display_name(name))
    return tuple(found.values())


def display_name(text: str) -> str:
    """A decoded display name; none for Exchange's X.500 names (``/O=ORG/OU=…/CN=…``)."""
    name = clean(decode_words(text), NAME_LENGTH).strip("\"' ")
    return "" if _X500.match(name) else name


def local_time(text: str) -> datetime | None:
    """An RFC 5322 date as local wall-clock time; a date without a (known) zone kept as
    written; None when it does not parse."""
    try:
        parts = parsedate_tz(text)
        if parts is None:
            return None
        year, month, day, hour, minute, second = parts[:6]
        written = datetime(year, month, day, hour, minute, min(second, 59))
        if not _ZONE.search(text):   # parsedate_tz reads a missing zone as UTC
            return written
        zone = timezone(timedelta(seconds=parts[9] or 0))
        return written.replace(tzinfo=zone).astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None


def first_id(text: str) -> str:
    """The first ``<id>`` of a Message-ID/References/In-Reply-To field (its text when it
    has no angle brackets)."""
    found = _MESSAGE_ID.search(text)
    value = found.group(1) if found else (text.split() or [""])[0]
    return value[:ID_LENGTH]


def normalized_subject(subject: str) -> tuple[str, bool]:
    """The subject without reply/forward prefixes, case-folded, and whether it was a reply."""
    reply = False
    while True:
        found = _PREFIX.match(subject)
        if not found:
            return " ".join(subject.split()).casefold(), reply
        reply = reply or found.group(1).lower() in _REPLY_PREFIXES
        subject = subject[found.end():]


def labels(raw: bytes) -> list[str]:
    """Gmail's labels (``X-Gmail-Labels: Archived,"a, b",Sent``), decoded, case-folded."""
    text = decode_words(raw_text(raw, "utf-8"))
    return [(quoted or bare).strip().casefold() for quoted, bare in _LABEL.findall(text)]


def label_origin(raw: bytes) -> Origin:
    """Gmail's labels as an origin; a nested label ("Work/Sent") counts by its last part."""
    names = set()
    for label in labels(raw):
        names.add(label)
        names.add(label.rsplit("/", 1)[-1])
    return Origin(sent=bool(names & SENT_FOLDERS), ignored=bool(names & IGNORED_FOLDERS))


def is_no_reply(address: str) -> bool:
    """noreply, no-reply, no_reply, do-not-reply (with any suffix), mailer-daemon, postmaster."""
    local = address.rsplit("@", 1)[0].split("+", 1)[0]
    compact = local.replace("-", "").replace("_", "").replace(".", "")
    return compact.startswith(_NO_REPLY_PREFIXES) or compact in _NO_REPLY_NAMES


def _header_says_ignored(fields: dict[bytes, bytes]) -> str | None:
    """LIST or AUTOMATIC when the headers say so."""
    if fields.get(b"list-id", b"").strip() or fields.get(b"list-unsubscribe", b"").strip():
        return model.LIST
    if fields.get(b"precedence", b"").strip().lower().decode("ascii", "replace") in _LIST_PRECEDENCE:
        return model.LIST
    submitted = fields.get(b"auto-submitted", b"").split(b";", 1)[0].strip().lower()
    if submitted and submitted != b"no":
        return model.AUTOMATIC
    return None


def _mozilla_deleted(fields: dict[bytes, bytes]) -> bool:
    """Thunderbird keeps deleted messages in the folder's file until it compacts the folder.
    (Not ``X-Mozilla-Draft-Info``: Thunderbird leaves it on sent mail too.)"""
    try:
        return bool(int(fields.get(b"x-mozilla-status", b"0").strip() or b"0", 16) & _MOZILLA_EXPUNGED)
    except ValueError:
        return False


def ignored_reason(fields: dict[bytes, bytes], origin: Origin, sender: Party | None,
                   recipients: int) -> str | None:
    """Why the message is not a touch, or None; the first that applies of: a Spam, Trash or
    Drafts place, list headers, Auto-Submitted, a no-reply sender, too many recipients."""
    if origin.ignored or _mozilla_deleted(fields):
        return model.FOLDER
    reason = _header_says_ignored(fields)
    if reason:
        return reason
    if sender is not None and is_no_reply(sender.value):
        return model.NO_REPLY
    if recipients > model.MAX_RECIPIENTS:
        return model.TOO_MANY_RECIPIENTS
    return None


class Threader:
    """Assigns conversations by the rules in the module docstring; one per file."""

    def __init__(self) -> None:
        self._joined: dict[str, str] = {}      # message id → its thread, when not "thread:<id>"
        self._subjects: dict[str, str] = {}    # normalized subject → latest thread with it

    def conversation(self, fields: dict[bytes, bytes], own_id: str, key: str, subject: str) -> str:
        thread_id = fields.get(b"x-gm-thrid", b"").strip()
        norm, reply = normalized_subject(subject)
        if thread_id:
            found = "gmail:" + thread_id[:ID_LENGTH].decode("ascii", "replace")
        else:
            found = self._by_reply_headers(fields) or self._by_subject(norm, reply) or "thread:" + key
        self._remember(self._joined, own_id, found, "thread:" + own_id)
        self._remember(self._subjects, norm, found, "")
        return found

    def _by_reply_headers(self, fields: dict[bytes, bytes]) -> str:
        chain = fields.get(b"references", b"").strip() or fields.get(b"in-reply-to", b"").strip()
        if not chain:
            return ""
        root = first_id(chain.decode("ascii", "replace"))
        return self._joined.get(root, "thread:" + root) if root else ""

    def _by_subject(self, norm: str, reply: bool) -> str:
        if not reply or not norm:
            return ""
        return self._subjects.get(norm, "subject:" + norm)

    @staticmethod
    def _remember(table: dict[str, str], key: str, value: str, default: str) -> None:
        if key and value != default and (key in table or len(table) < MEMORY_ENTRIES):
            table[key] = value


class MailBuilder:
    """Builds the Messages of one mailbox: its threads and the count of who sent its sent mail."""

    def __init__(self, reader: model.Reader) -> None:
        self._reader = reader
        self._threads = Threader()
        self._senders: Counter[str] = Counter()   # address → sent messages
        self._names: dict[str, str] = {}          # address → the first display name it was sent with

    def build(self, block: bytes, origin: Origin = INBOX) -> Message | None:
        """The message of a header block, or None (counted as skipped) when it has no
        usable sender or date."""
        fields = collect(block)
        charset = declared_charset(fields)
        senders = parties(fields.get(b"from", b""), charset)
        sender = senders[0] if senders else None
        at = local_time(raw_text(fields.get(b"date", b""), charset))
        to = parties(fields.get(b"to", b""), charset)
        cc = parties(fields.get(b"cc", b""), charset)
        if b"x-gmail-labels" in fields:
            origin = origin.join(label_origin(fields[b"x-gmail-labels"]))
        reason = ignored_reason(fields, origin, sender, len({p.value for p in to + cc}))
        if sender is None or at is None:
            self._reader.skip(reason or model.UNREADABLE)
            return None
        subject = clean(decode_words(raw_text(fields.get(b"subject", b""), charset)), SUBJECT_LENGTH)
        own_id = first_id(raw_text(fields.get(b"message-id", b""), charset))
        key = own_id or _digest(fields, charset)
        if origin.sent:
            self._count_sender(sender)
        return Message(conversation=self._threads.conversation(fields, own_id, key, subject), at=at,
                       sender=sender, key=key, channel="email", subject=subject, to=to, cc=cc,
                       ignored=reason, sent=origin.sent)

    def _count_sender(self, sender: Party) -> None:
        if sender.value in self._senders or len(self._senders) < SENDERS_KEPT:
            self._senders[sender.value] += 1
            if sender.name:
                self._names.setdefault(sender.value, sender.name)

    def me_hints(self) -> list[Party]:
        """The most frequent sender of sent mail (the mailbox's owner), if any."""
        if not self._senders:
            return []
        address = self._senders.most_common(1)[0][0]
        return [Party(EMAIL, address, self._names.get(address, ""))]


def _digest(fields: dict[bytes, bytes], charset: str) -> str:
    """A stable key for a message without Message-ID: its Date, From and Subject as written."""
    text = "\0".join(" ".join(raw_text(fields.get(name, b""), charset).split())
                     for name in (b"date", b"from", b"subject"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]
