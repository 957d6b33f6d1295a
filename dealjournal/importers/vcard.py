"""vCard (2.1, 3.0, 4.0) → :class:`ParsedContact`.

Uses the tolerant lexer in :mod:`.vcard_lines` and decodes each value on its
own: quoted-printable first, then the declared ``CHARSET`` (unknown ones are
reported and ignored), else UTF-8, else the Windows code page guessed for the
file.  Mapping: FN → name (else N, NICKNAME, ORG, EMAIL, TEL…), N → given and
family name, first ORG → company, TITLE (else ROLE) → title, EMAIL/TEL with
labels from TYPE or the ``itemN.X-ABLabel`` of the same group, URL → website
(LinkedIn profiles → linkedin_url, as are X-SOCIALPROFILE entries), first
preferred ADR → "city, country" (else its label), NOTE → notes, CATEGORIES →
tags.  PHOTO, KEY and other binary data are skipped without being kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .common import ContactDraft, WarningLog, is_linkedin_url, label_from_types, normalise_label
from .decoding import LineSource, TextDecoder, lookup_codec
from .model import ParsedContact, SkippedRecord
from .vcard_lines import RawCard, RawProperty, StrayLines, iter_cards

logger = logging.getLogger(__name__)

__all__ = ["iter_vcard"]

_QP_RE = re.compile(rb"=([0-9A-Fa-f]{2})")
_UNESCAPE = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\", '"': '"'}
_USED = frozenset({"FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL",
                   "ADR", "LABEL", "NOTE", "CATEGORIES", "X-SOCIALPROFILE", "X-ABLABEL"})
# The code pages :mod:`.codepage` can guess, named for the warning that says one was used.
_CODEPAGE_NAMES = {"cp1252": QT_TRANSLATE_NOOP("core", "Windows-1252 (Western)"),
                   "cp1251": QT_TRANSLATE_NOOP("core", "Windows-1251 (Cyrillic)"),
                   "cp1253": QT_TRANSLATE_NOOP("core", "Windows-1253 (Greek)"),
                   "cp1255": QT_TRANSLATE_NOOP("core", "Windows-1255 (Hebrew)")}


def _qp_decode(raw: bytes) -> bytes:
    return _QP_RE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)


def split_escaped(text: str, separators: str) -> list[str]:
    """Split ``text`` on unescaped separators and resolve backslash escapes."""
    parts: list[str] = []
    buf: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            buf.append(_UNESCAPE.get(nxt, "\\" + nxt))
        elif ch in separators:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def unescape(text: str) -> str:
    """Resolve vCard backslash escapes in a plain text value."""
    return split_escaped(text, "")[0] if "\\" in text else text


class _CardReader:
    """Turns one :class:`RawCard` into a contact, using a shared decoder."""

    def __init__(self, decoder: TextDecoder, warnings: WarningLog) -> None:
        self.decoder = decoder
        self.warnings = warnings
        self._charset_warned: set[str] = set()

    def text(self, prop: RawProperty) -> str:
        """The decoded (not yet unescaped) text of a property."""
        raw = prop.value
        qp = prop.encoding == "QUOTED-PRINTABLE"
        if qp:
            raw = _qp_decode(raw)
        charset = prop.charset
        if charset and lookup_codec(charset) is None:
            key = charset.strip().lower()
            if key not in self._charset_warned:
                self._charset_warned.add(key)
                self.warnings.add("charset", Phrase(QT_TRANSLATE_NOOP(
                    "core", "line {line}: unknown character set '{charset}' ignored; the text was read as UTF-8 "
                            "or a guessed Windows code page"), line=prop.line, charset=charset[:40]))
            charset = None
        if prop.truncated:
            self.warnings.add("truncated", Phrase(
                QT_TRANSLATE_NOOP("core", "line {line}: an over-long value was cut short"), line=prop.line))
        return self.decoder.decode(raw, charset, prefer_declared=qp)

    def read(self, card: RawCard) -> ParsedContact | SkippedRecord:
        draft = ContactDraft(line=card.line, warnings=self.warnings)
        labels: dict[str, str] = {}
        for prop in card.properties:
            if prop.name == "X-ABLABEL" and prop.group:
                label = normalise_label(unescape(self.text(prop)))
                if label:
                    labels[prop.group.lower()] = label
        locations: list[tuple[bool, str]] = []
        for prop in card.properties:
            if prop.name not in _USED or prop.name == "X-ABLABEL":
                continue
            try:
                self._apply(prop, draft, labels, locations)
            except (ValueError, LookupError) as exc:  # defensive: never fail a card
                logger.debug("property ignored: %s", type(exc).__name__)
                self.warnings.add("property", Phrase(QT_TRANSLATE_NOOP(
                    "core", "line {line}: a {property} property could not be read and was ignored"),
                    line=prop.line, property=prop.name))
        if locations:
            preferred = [loc for pref, loc in locations if pref]
            draft.set_if_empty("location", (preferred or [loc for _, loc in locations])[0])
        if card.dropped_properties:
            self.warnings.add("properties", Phrase(QT_TRANSLATE_NOOP(
                "core", "line {line}: the card has too many properties; {n} were ignored"),
                line=card.line, n=card.dropped_properties))
        contact = draft.finish()
        if contact is None:
            if card.ended:
                reason = Phrase(QT_TRANSLATE_NOOP(
                    "core", "the vCard has no name, organisation, e-mail address or phone number"))
            else:
                reason = Phrase(QT_TRANSLATE_NOOP(
                    "core", "the vCard is cut off (no END:VCARD) and has no name, organisation, e-mail address "
                            "or phone number"))
            return SkippedRecord(line=card.line, reason=reason)
        if not card.ended:
            self.warnings.add("unterminated", Phrase(QT_TRANSLATE_NOOP(
                "core", "line {line}: the vCard starting here has no END:VCARD; what could be read was kept"),
                line=card.line))
        return contact

    def _label(self, prop: RawProperty, labels: dict[str, str]) -> str | None:
        if prop.group and prop.group.lower() in labels:
            return labels[prop.group.lower()]
        return label_from_types(prop.types)

    def _apply(self, prop: RawProperty, draft: ContactDraft, labels: dict[str, str],
               locations: list[tuple[bool, str]]) -> None:
        name, line = prop.name, prop.line
        text = self.text(prop)
        if name == "FN":
            draft.set_if_empty("name", unescape(text), line)
        elif name == "N":
            parts = [p.strip() for p in split_escaped(text, ";")] + [""] * 5
            draft.set_if_empty("family_name", parts[0], line)
            draft.set_if_empty("given_name", parts[1], line)
            draft.set_if_empty("middle_name", parts[2].replace(",", " "), line)
        elif name == "NICKNAME":
            draft.set_if_empty("nickname", split_escaped(text, ",")[0], line)
        elif name == "ORG":
            company = next((p.strip() for p in split_escaped(text, ";") if p.strip()), "")
            draft.set_if_empty("company", company, line)
        elif name in ("TITLE", "ROLE"):
            if name == "TITLE" or not draft.title:
                draft.set_if_empty("title", unescape(text), line)
        elif name == "EMAIL":
            draft.add_email(self._label(prop, labels), unescape(text), line)
        elif name == "TEL":
            draft.add_phone(self._label(prop, labels), unescape(text), line)
        elif name == "URL":
            draft.add_url(unescape(text), line)
        elif name == "X-SOCIALPROFILE":
            self._social(prop, unescape(text), draft)
        elif name == "ADR":
            location = _location(split_escaped(text, ";"), prop.params.get("LABEL"))
            if location:
                locations.append(("pref" in prop.types or "PREF" in prop.params, location))
        elif name == "LABEL":
            label = ", ".join(p.strip() for p in unescape(text).splitlines() if p.strip())
            if label:
                locations.append((False, label))
        elif name == "NOTE":
            draft.add_note(unescape(text), line)
        elif name == "CATEGORIES":
            draft.tags.extend(t for part in split_escaped(text, ",;") for t in part.split(","))

    def _social(self, prop: RawProperty, value: str, draft: ContactDraft) -> None:
        types = prop.types
        if is_linkedin_url(value):
            draft.set_if_empty("linkedin_url", value.strip(), prop.line)
        elif "linkedin" in types:
            handle = (prop.params.get("X-USER") or [value])[0].strip().strip("/")
            if handle and not any(c in handle for c in " /:"):
                draft.set_if_empty("linkedin_url", f"https://www.linkedin.com/in/{handle}", prop.line)


def _location(parts: list[str], label_param: list[str] | None) -> str:
    """``city, country`` from ADR components, else region/street, else the LABEL param."""
    parts = [" ".join(p.split()) for p in parts] + [""] * 7
    city, region, country = parts[3], parts[4], parts[6]
    found = ", ".join(p for p in (city, country) if p)
    if not found and label_param:
        found = ", ".join(p.strip() for p in label_param[0].splitlines() if p.strip())
    if not found:
        found = ", ".join(p for p in (parts[2], region) if p)
    return found


def iter_vcard(source: LineSource, warnings: WarningLog) -> Iterator[ParsedContact | SkippedRecord]:
    """Parse every card of ``source``, yielding contacts and skipped records."""
    decoder = TextDecoder(source.head, source.unicode_source)
    reader = _CardReader(decoder, warnings)
    stray = StrayLines()
    count = 0
    for card in iter_cards(source, stray):
        count += 1
        yield reader.read(card)
    if stray.count:
        first = ", ".join(str(n) for n in stray.first)
        if stray.count > len(stray.first):
            warnings.add("stray", Phrase(QT_TRANSLATE_NOOP(
                "core", "text outside any vCard was ignored (line {lines} and {n} more)"),
                lines=first, n=stray.count - len(stray.first)))
        else:
            warnings.add("stray", Phrase(QT_TRANSLATE_NOOP("core", "text outside any vCard was ignored (line {lines})"),
                                         lines=first))
    for number in source.truncated_lines:
        warnings.add("truncated", Phrase(QT_TRANSLATE_NOOP("core", "line {line}: an over-long line was cut short"),
                                         line=number))
    if decoder.codepage and not source.unicode_source:
        name = _CODEPAGE_NAMES.get(decoder.codepage)
        warnings.add("codepage", Phrase(QT_TRANSLATE_NOOP("core", "some text was not UTF-8 and was read as {codepage}"),
                                        codepage=Phrase(name) if name else Phrase.verbatim(decoder.codepage)))
    if count == 0:
        warnings.add("empty", Phrase(QT_TRANSLATE_NOOP("core", "the file contains no vCard (no BEGIN:VCARD line)")))
