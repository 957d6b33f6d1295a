"""Helpers shared by the parsers: a mutable contact draft, name derivation,
label and tag clean-up, and a capped warning log.

Name rule (the same for every format): a contact needs a display name.  It is,
in order of preference, the file's own display name; given + middle + family
name; the nickname; the company (with the position when known:
"Recruiter at Korn Ferry"); the first e-mail address; the first phone number;
the LinkedIn profile handle.  A record with none of these is skipped.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural

from .decoding import clean_value
from .model import MAX_FIELD_CHARS, ParsedContact

logger = logging.getLogger(__name__)

__all__ = ["ContactDraft", "WarningLog", "clean_tags", "is_linkedin_url", "normalise_label"]

# Groups every contact of an address book belongs to: not useful as tags.
SYSTEM_GROUPS = frozenset({"mycontacts", "my contacts", "starred", "starred in android",
                           "system group: my contacts"})
_LINKEDIN_RE = re.compile(r"linkedin\.com/(?:in|pub)/", re.I)
_APPLE_LABEL_RE = re.compile(r"^_\$!<(.*)>!\$_$")
_NOISE_TYPES = frozenset({"internet", "pref", "x400", "voice", "msg", "intl", "dom",
                          "postal", "parcel", "x-internet", "text", "uri", "value"})
_TYPE_NAMES = {"cell": "mobile", "mobile": "mobile", "home": "home", "work": "work",
               "fax": "fax", "pager": "pager", "other": "other", "main": "main",
               "iphone": "iphone", "car": "car", "video": "video", "isdn": "isdn"}
_MAX_PER_KIND = 20


def is_linkedin_url(value: str | None) -> bool:
    """Whether ``value`` is a LinkedIn profile address (``linkedin.com/in/…``)."""
    return bool(value) and bool(_LINKEDIN_RE.search(value or ""))


def normalise_label(label: str | None) -> str | None:
    """Turn ``_$!<Mobile>!$_`` into ``mobile``, trim, and map empty to ``None``."""
    if label is None:
        return None
    label = label.strip()
    match = _APPLE_LABEL_RE.match(label)
    if match:
        label = match.group(1).strip().lower()
    label = label.lstrip("* ").strip()
    return label[:100] or None


def label_from_types(types: list[str]) -> str | None:
    """A label from vCard TYPE values: ``["work", "fax"]`` → ``"work fax"``."""
    words: list[str] = []
    for value in types:
        word = value.strip().strip('"').lower()
        if not word or word in _NOISE_TYPES:
            continue
        word = _TYPE_NAMES.get(word, word)
        if word.startswith("x-"):
            word = word[2:]
        if word and word not in words:
            words.append(word)
    return " ".join(words)[:100] or None


def clean_tags(values: list[str]) -> list[str]:
    """Trim, drop system groups and ``* `` marks, remove duplicates (case-blind)."""
    tags: list[str] = []
    seen: set[str] = set()
    for value in values:
        tag = value.strip().lstrip("*").strip()
        key = tag.casefold()
        if not tag or key in SYSTEM_GROUPS or key in seen:
            continue
        seen.add(key)
        tags.append(tag[:200])
    return tags


class WarningLog:
    """Warnings for one file, at most 20 of each kind plus a count of the rest.

    The messages are :class:`~dealjournal.phrases.Phrase` objects (English text the window
    translates); ``kind`` is a code, shown as it is in the summary of a capped kind.
    """

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._counts: dict[str, int] = {}

    def add(self, kind: str, message: Phrase) -> None:
        """Record ``message`` unless 20 of this ``kind`` are already there."""
        count = self._counts.get(kind, 0) + 1
        self._counts[kind] = count
        if count <= _MAX_PER_KIND:
            self.messages.append(message)
        logger.debug("import warning (%s)", kind)

    def finish(self) -> list[str]:
        """All messages, with a summary line for each capped kind."""
        extra: list[str] = [
            plural(count - _MAX_PER_KIND, QT_TRANSLATE_NOOP("core", "… and {n} more warning like this ({kind})"),
                   QT_TRANSLATE_NOOP("core", "… and {n} more warnings like this ({kind})"), kind=kind)
            for kind, count in self._counts.items() if count > _MAX_PER_KIND]
        return self.messages + extra


@dataclass
class ContactDraft:
    """A contact being assembled; :meth:`finish` validates and derives the name."""

    line: int
    warnings: WarningLog
    name: str = ""
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    nickname: str = ""
    company: str = ""
    title: str = ""
    emails: list[tuple[str | None, str]] = field(default_factory=list)
    phones: list[tuple[str | None, str]] = field(default_factory=list)
    website: str = ""
    location: str = ""
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    linkedin_url: str = ""
    connected_on: datetime.date | None = None

    def clean(self, value: str | None, line: int | None = None, limit: int = MAX_FIELD_CHARS) -> str:
        """Clean one value, warning (without the value) when it is truncated."""
        if not value:
            return ""
        text, truncated = clean_value(value, limit)
        if truncated:
            self.warnings.add("truncated", Phrase(
                QT_TRANSLATE_NOOP("core", "line {line}: a value longer than {limit:,} characters was cut short"),
                line=line or self.line, limit=limit))
        return text

    def set_if_empty(self, attr: str, value: str | None, line: int | None = None) -> None:
        """Set a text attribute unless it already has a value."""
        if not getattr(self, attr):
            setattr(self, attr, self.clean(value, line, limit=10_000 if attr != "location" else 1_000))

    def add_email(self, label: str | None, value: str | None, line: int | None = None) -> None:
        """Add an e-mail address (``mailto:`` stripped, duplicates ignored)."""
        text = self.clean(value, line, limit=1_000)
        if text.lower().startswith("mailto:"):
            text = text[7:].strip()
        text = text.strip("<>").strip()
        if text and text.casefold() not in {e.casefold() for _, e in self.emails}:
            self.emails.append((normalise_label(label), text))

    def add_phone(self, label: str | None, value: str | None, line: int | None = None) -> None:
        """Add a phone number (``tel:`` stripped, duplicates ignored)."""
        text = self.clean(value, line, limit=200)
        if text.lower().startswith("tel:"):
            text = text[4:].strip()
        if text and text not in {p for _, p in self.phones}:
            self.phones.append((normalise_label(label), text))

    def add_url(self, value: str | None, line: int | None = None) -> None:
        """A web address: LinkedIn profiles go to ``linkedin_url``."""
        text = self.clean(value, line, limit=2_000)
        if not text:
            return
        if is_linkedin_url(text):
            self.set_if_empty("linkedin_url", text)
        else:
            self.set_if_empty("website", text)

    def add_note(self, value: str | None, line: int | None = None) -> None:
        """Append a note paragraph."""
        text = self.clean(value, line)
        if text:
            self.notes.append(text)

    def _derived_name(self) -> str:
        full = " ".join(p for p in (self.given_name, self.middle_name, self.family_name) if p)
        if full:
            return full
        if self.nickname:
            return self.nickname
        if self.company:
            return f"{self.title} at {self.company}" if self.title else self.company
        if self.emails:
            return self.emails[0][1]
        if self.phones:
            return self.phones[0][1]
        if self.linkedin_url:
            handle = _LINKEDIN_RE.split(self.linkedin_url, maxsplit=1)[-1].strip("/").split("/")[0]
            return handle or self.linkedin_url
        return ""

    def finish(self) -> ParsedContact | None:
        """The finished contact, or ``None`` when no name can be found."""
        name = self.clean(self.name, limit=500) or self.clean(self._derived_name(), limit=500)
        name = " ".join(name.split())
        if not name:
            return None
        notes = "\n\n".join(self.notes)
        if len(notes) > MAX_FIELD_CHARS:
            notes = notes[:MAX_FIELD_CHARS]
            self.warnings.add("truncated", Phrase(QT_TRANSLATE_NOOP("core", "line {line}: the notes were cut short"),
                                                  line=self.line))
        return ParsedContact(
            name=name,
            given_name=self.given_name or None,
            family_name=self.family_name or None,
            company=self.company or None,
            title=self.title or None,
            emails=self.emails,
            phones=self.phones,
            website=self.website or None,
            location=self.location or None,
            notes=notes,
            tags=clean_tags(self.tags),
            linkedin_url=self.linkedin_url or None,
            connected_on=self.connected_on,
            source_line=self.line,
        )
