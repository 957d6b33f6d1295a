"""Tell which kind of contact file some bytes are.

Order of checks: empty (or only a byte-order mark / white space) → error;
binary (NUL bytes, control characters, ZIP/PDF/image signatures) → error; a
``BEGIN:VCARD`` line → ``vcard``; else a row of column names → ``linkedin``
(has ``Connected On``), ``google`` (``Labels``/``Group Membership`` or
numbered ``E-mail 1 - Value`` columns), ``outlook`` (two or more Outlook
column names, English, German or French) or generic ``csv``.  The file name
is only used in messages and for empty files.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from . import generic_csv, google, linkedin, outlook
from .csvbase import CsvLayout, decoded_head_lines, locate_header
from .decoding import HEAD_SIZE, LineSource, TextDecoder, check_not_binary
from .model import ImportFormatError

logger = logging.getLogger(__name__)

__all__ = ["KNOWN_COLUMNS", "Sniffed", "classify_layout", "has_vcard_line", "looks_like_json_object", "sniff", "sniff_source"]

KNOWN_COLUMNS = (linkedin.KNOWN_COLUMNS | google.KNOWN_COLUMNS | outlook.KNOWN_COLUMNS
                 | generic_csv.KNOWN_COLUMNS)
_BEGIN_RE = re.compile(rb"(?im)^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t\r]*$")
_FORMAT_NAMES = {"vcard": QT_TRANSLATE_NOOP("core", "a vCard file"),
                 "linkedin": QT_TRANSLATE_NOOP("core", "a LinkedIn Connections.csv"),
                 "google": QT_TRANSLATE_NOOP("core", "a Google Contacts CSV"),
                 "outlook": QT_TRANSLATE_NOOP("core", "an Outlook CSV"),
                 "csv": QT_TRANSLATE_NOOP("core", "a CSV file")}


@dataclass
class Sniffed:
    """What the start of a file told us."""

    format: str | None          # None: the file is empty
    decoder: TextDecoder
    layout: CsvLayout | None    # for CSV formats


def classify_layout(layout: CsvLayout) -> str:
    """The CSV flavour of a located header."""
    if linkedin.is_linkedin(layout):
        return "linkedin"
    if google.is_google(layout):
        return "google"
    if outlook.is_outlook(layout):
        return "outlook"
    return "csv"


_JSON_SPACE = b" \t\r\n"


def looks_like_json_object(head: bytes) -> bool:
    """True when *head* (the start of a file) opens a JSON object: after an optional
    byte-order mark and white space, ``{`` and then ``}`` or a complete string key and ``:``.

    One ``{`` is not enough: random bytes start with one about once in 256 tries.
    """
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(_JSON_SPACE)
    if not text.startswith(b"{"):
        return False
    rest = text[1:].lstrip(_JSON_SPACE)
    if rest.startswith(b"}"):
        return True
    if not rest.startswith(b'"'):
        return False
    sample = rest[:4096].decode("utf-8", errors="replace")
    try:
        key, end = json.decoder.scanstring(sample, 1)  # type: ignore[attr-defined]
    except ValueError:  # unterminated, or a bad escape or control character inside
        return False
    return "\ufffd" not in key and sample[end:].lstrip(" \t\r\n").startswith(":")


def has_vcard_line(head: bytes) -> bool:
    """True when *head* holds a ``BEGIN:VCARD`` line."""
    return _BEGIN_RE.search(head) is not None


def _is_blank(head: bytes) -> bool:
    return not head.strip(b" \t\r\n\x0b\x0c\x00\x1a")


def sniff_source(source: LineSource) -> Sniffed:
    """Inspect ``source.head``; raise :class:`ImportFormatError` for binary or
    unreadable data."""
    head = source.head
    decoder = TextDecoder(head, source.unicode_source)
    if _is_blank(head):
        check_not_binary(b"", source.signature)
        return Sniffed(None, decoder, None)
    check_not_binary(head, source.signature)
    if has_vcard_line(head):
        return Sniffed("vcard", decoder, None)
    complete = len(head) < HEAD_SIZE
    lines = decoded_head_lines(head, decoder, complete)
    text = "".join(lines)
    if text.count("\ufffd") * 10 > len(text) + 10:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "not a vCard or CSV file: its text could not be decoded")))
    layout = locate_header(lines, KNOWN_COLUMNS)
    if layout is None:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "not a vCard or CSV file: there is no BEGIN:VCARD line and no row of column names")))
    return Sniffed(classify_layout(layout), decoder, layout)


def describe(fmt: str) -> Phrase:
    """"a LinkedIn Connections.csv" and the like, for messages."""
    name = _FORMAT_NAMES.get(fmt)
    return Phrase(name) if name is not None else Phrase.verbatim(fmt)


def check_requested(requested: str, sniffed: Sniffed) -> None:
    """Raise a clear error when an explicitly chosen format does not fit."""
    actual = sniffed.format
    if actual is None or requested == actual:
        return
    wanted = describe(requested)
    if actual == "vcard":
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "this does not look like {wanted}: it is a vCard file"),
            wanted=wanted))
    if requested == "vcard":
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "this does not look like a vCard file: there is no BEGIN:VCARD line")))
    if requested == "csv":
        return  # any CSV can be read with a column map
    layout = sniffed.layout
    assert layout is not None
    if requested == "linkedin":
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "this does not look like {wanted}: no 'Connected On' column"), wanted=wanted))
    if requested == "google" and not google.is_google(layout):
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "this does not look like {wanted}: no 'Labels', 'Group Membership' or 'E-mail 1 - Value' column"),
            wanted=wanted))
    if requested == "outlook" and not outlook.is_outlook(layout):
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "this does not look like {wanted}: no 'First Name' / 'E-mail Address' (or 'Vorname' / "
                    "'E-Mail-Adresse') columns"), wanted=wanted))


def sniff(data: bytes) -> Sniffed:
    """:func:`sniff_source` for bytes already in memory."""
    import io

    return sniff_source(LineSource(io.BytesIO(data)))
