"""vCard 4.0 (RFC 6350) of every non-archived contact.

One card per contact: FN, N, ORG, TITLE, EMAIL and TEL (with ``TYPE`` when the label is a
standard type, else an ``itemN.`` group with Apple's ``X-ABLabel``, which Apple, Google and
Deal Journal's own importer read), URL (website), ADR with a ``LABEL`` for the location,
NOTE, CATEGORIES (tags) and one ``X-SOCIALPROFILE`` per channel. Text is escaped
(``\\\\ \\, \\; \\n``), parameter values use RFC 6868 caret escapes, lines end in CRLF and
are folded at 75 octets without splitting a UTF-8 character. ``UID`` is stable per contact
of this journal, so an address book that imports the file twice updates instead of
duplicating.
"""

from __future__ import annotations

import uuid

from dealjournal.queries.contact import ContactDetails, load_details

_NAMESPACE = uuid.UUID("5f0b8a1e-8a53-4a52-9d43-7c7f3b8e6a10")
_EMAIL_TYPES = frozenset({"work", "home"})
_TEL_TYPES = {"work": "work", "home": "home", "mobile": "cell", "cell": "cell", "fax": "fax",
              "pager": "pager", "video": "video", "work fax": "work,fax", "home fax": "home,fax"}


def escape(text: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    return text.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def uri(text: str) -> str:
    """A URI value: written as it is (URIs are not escaped), line breaks removed."""
    return text.replace("\r", "").replace("\n", "")


def param(text: str) -> str:
    """A quoted parameter value with RFC 6868 caret escapes (``^^``, ``^n``, ``^'``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return '"' + text.replace("^", "^^").replace("\n", "^n").replace('"', "^'") + '"'


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets (continuations start with a space), CRLF."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never inside a UTF-8 character
            end -= 1
        out.append((b" " if start else b"") + data[start:end])
        start, limit = end, 74
    return b"\r\n".join(out) + b"\r\n"


def _labelled(prop: str, items: list[tuple[str | None, str]], types: dict[str, str], group: list[int],
              lines: list[str]) -> None:
    for label, value in items:
        key = (label or "").strip().casefold()
        if not key:
            lines.append(f"{prop}:{escape(value)}")
        elif key in types:
            lines.append(f"{prop};TYPE={types[key]}:{escape(value)}")
        else:
            group[0] += 1
            lines.append(f"item{group[0]}.{prop}:{escape(value)}")
            lines.append(f"item{group[0]}.X-ABLabel:{escape(label or '')}")


def card(c: ContactDetails) -> list[str]:
    """The content lines (unfolded) of one contact's card."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:urn:uuid:{uuid.uuid5(_NAMESPACE, f'contact-{c.id}')}",
             f"FN:{escape(c.name)}"]
    if c.given_name or c.family_name:
        lines.append(f"N:{escape(c.family_name or '')};{escape(c.given_name or '')};;;")
    if c.company:
        lines.append(f"ORG:{escape(c.company)}")
    if c.title:
        lines.append(f"TITLE:{escape(c.title)}")
    group = [0]
    _labelled("EMAIL", c.emails, {t: t for t in _EMAIL_TYPES}, group, lines)
    _labelled("TEL", c.phones, _TEL_TYPES, group, lines)
    if c.website:
        lines.append(f"URL:{uri(c.website)}")
    if c.location:
        lines.append(f"ADR;LABEL={param(c.location)}:;;;{escape(c.location)};;;")
    if c.notes:
        lines.append(f"NOTE:{escape(c.notes)}")
    if c.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in c.tags))
    for network, handle, url, _, _ in c.channels:
        params = f";TYPE={network}" + (f";X-USER={param(handle)}" if handle else "")
        value = url or handle
        if value:
            lines.append(f"X-SOCIALPROFILE{params}:{uri(value)}")
    lines.append("END:VCARD")
    return lines


def vcards() -> tuple[bytes, int]:
    """Every non-archived contact as vCard 4.0 bytes, and how many cards."""
    contacts = load_details()
    out = bytearray()
    for contact in contacts:
        for line in card(contact):
            out += fold(line)
    return bytes(out), len(contacts)
