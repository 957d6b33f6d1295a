"""Public entry points of the importers (re-exported by the package).

Everything streams: :func:`iter_parse` reads a binary file object in 64 KiB
chunks, so a 50 MB file is parsed with bounded memory; the optional
``progress`` callback gets the number of bytes read so far after every chunk
and cancels the import by returning ``False`` (→ :class:`ImportCancelled`) or
by raising its own exception, which propagates unchanged.  The GUI can run
this in a worker thread.

Bad input never raises anything but :class:`ImportFormatError`.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from typing import BinaryIO

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from . import generic_csv
from .common import WarningLog
from .decoding import LineSource, ProgressCallback
from .decoding import check_not_binary
from .detect import Sniffed, check_requested, has_vcard_line, looks_like_json_object, sniff, sniff_source
from .generic_csv import iter_generic, resolve_column_map
from .google import iter_google
from .linkedin import iter_linkedin
from .model import FORMATS, ImportCancelled, ImportFormatError, ParsedContact, ParseResult, SkippedRecord
from .outlook import iter_outlook
from .vcard import iter_vcard

logger = logging.getLogger(__name__)

__all__ = ["ParseSession", "csv_headers", "detect_file_format", "detect_format", "guess_column_map", "iter_parse",
           "parse_bytes", "parse_file", "parse_stream"]

guess_column_map = generic_csv.guess_column_map


def _format_for_empty(requested: str | None, filename: str | None) -> str:
    if requested:
        return requested
    if filename and os.path.splitext(filename)[1].lower() in (".vcf", ".vcard"):
        return "vcard"
    return "csv"


def detect_format(data: bytes, filename: str | None = None) -> str:
    """Return ``vcard``, ``linkedin``, ``google``, ``outlook`` or ``csv``.

    Raises :class:`ImportFormatError` for empty, BOM-only, binary or
    undecodable input.
    """
    sniffed = sniff(bytes(data))
    if sniffed.format is None:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "the file is empty")) if not data.strip()
                                else Phrase(QT_TRANSLATE_NOOP("core", "the file is empty (it holds no text)")))
    logger.debug("detected format %s for %s", sniffed.format, "a named file" if filename else "data")
    return sniffed.format


def detect_file_format(head: bytes, filename: str | None = None) -> str:
    """What an importable file is, from its first bytes: ``json`` (a Deal Journal file) or
    one of :func:`detect_format`'s contact formats.

    Binary data is never JSON, whatever the name. A text file named ``….json`` that is not
    a vCard counts as JSON even when it does not start like one, so that reading it says
    what is wrong with it. Raises :class:`ImportFormatError` like :func:`detect_format`.
    """
    check_not_binary(head.removeprefix(b"\xef\xbb\xbf"), head)
    if looks_like_json_object(head):
        return "json"
    if filename and filename.lower().endswith(".json") and not has_vcard_line(head):
        return "json"
    return detect_format(head, filename)


class ParseSession:
    """An import in progress: iterate it to get :class:`ParsedContact` and
    :class:`SkippedRecord` objects one at a time.

    :attr:`format` is known as soon as the session exists; :attr:`warnings`
    is complete once iteration has finished.  :meth:`result` drains the rest
    into a :class:`ParseResult`.
    """

    def __init__(self, stream: BinaryIO, format: str | None = None, filename: str | None = None,
                 column_map: dict[str, str] | None = None,
                 progress: ProgressCallback | None = None) -> None:
        if format is not None and format not in FORMATS:
            raise ImportFormatError(Phrase(
                QT_TRANSLATE_NOOP("core", "unknown file format '{format}'; expected one of {formats}"),
                format=str(format)[:30], formats=", ".join(FORMATS)))
        self._log = WarningLog()
        self._source = LineSource(stream, progress)
        sniffed: Sniffed = sniff_source(self._source)
        self._items: Iterator[ParsedContact | SkippedRecord]
        if sniffed.format is None:
            self.format = _format_for_empty(format, filename)
            self._log.add("empty", Phrase(QT_TRANSLATE_NOOP("core", "the file contains no contacts (it is empty)")))
            self._items = iter(())
            return
        if format is not None:
            check_requested(format, sniffed)
        self.format = format or sniffed.format
        if column_map is not None and self.format != "vcard":
            self.format = "csv"  # a column choice means generic CSV reading
        self._items = self._start(sniffed, column_map)

    def _start(self, sniffed: Sniffed, column_map: dict[str, str] | None
               ) -> Iterator[ParsedContact | SkippedRecord]:
        source, log = self._source, self._log
        if self.format == "vcard":
            return iter_vcard(source, log)
        layout = sniffed.layout
        assert layout is not None
        if self.format == "csv":
            positions = resolve_column_map(layout, column_map)
            return iter_generic(source, sniffed.decoder, layout, log, positions)
        if self.format == "linkedin":
            return iter_linkedin(source, sniffed.decoder, layout, log)
        if self.format == "google":
            return iter_google(source, sniffed.decoder, layout, log)
        return iter_outlook(source, sniffed.decoder, layout, log)

    @property
    def bytes_read(self) -> int:
        """Bytes read from the stream so far."""
        return self._source.bytes_read

    @property
    def warnings(self) -> list[str]:
        """Warnings so far (complete after iteration), each a Phrase."""
        return self._log.finish()

    def __iter__(self) -> Iterator[ParsedContact | SkippedRecord]:
        try:
            yield from self._items
        except (ImportCancelled, ImportFormatError):
            raise
        except (RecursionError, MemoryError):
            raise
        except (ValueError, LookupError, UnicodeError, TypeError, AttributeError) as exc:
            # No traceback above DEBUG: messages could quote file content.
            logger.error("importer failed: %s", type(exc).__name__)
            logger.debug("importer failure details", exc_info=True)
            raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "the file could not be read ({error})"),
                                           error=type(exc).__name__)) from exc
        if self.format != "vcard":
            for number in self._source.truncated_lines:
                self._log.add("truncated", Phrase(
                    QT_TRANSLATE_NOOP("core", "line {line}: an over-long line was cut short"), line=number))

    def result(self) -> ParseResult:
        """Parse everything (left) and return the :class:`ParseResult`."""
        result = ParseResult(format=self.format)
        for item in self:
            if isinstance(item, ParsedContact):
                result.contacts.append(item)
            else:
                result.skipped.append(item)
        result.warnings = self.warnings
        logger.info("parsed %s file: %d contacts, %d skipped, %d warnings", result.format,
                    len(result.contacts), len(result.skipped), len(result.warnings))
        return result


def iter_parse(stream: BinaryIO, format: str | None = None, filename: str | None = None,
               column_map: dict[str, str] | None = None,
               progress: ProgressCallback | None = None) -> ParseSession:
    """Start a streaming import of a binary file object (see :class:`ParseSession`)."""
    return ParseSession(stream, format, filename, column_map, progress)


def parse_stream(stream: BinaryIO, format: str | None = None, filename: str | None = None,
                 column_map: dict[str, str] | None = None,
                 progress: ProgressCallback | None = None) -> ParseResult:
    """Parse a whole binary file object into a :class:`ParseResult`."""
    return ParseSession(stream, format, filename, column_map, progress).result()


def parse_bytes(data: bytes, format: str | None = None, filename: str | None = None,
                column_map: dict[str, str] | None = None) -> ParseResult:
    """Parse bytes already in memory (``format=None`` detects the format)."""
    return parse_stream(io.BytesIO(bytes(data)), format, filename, column_map)


def parse_file(path: str | os.PathLike[str], format: str | None = None,
               column_map: dict[str, str] | None = None,
               progress: ProgressCallback | None = None) -> ParseResult:
    """Open and parse a file (streamed)."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "the file could not be opened: {reason}"),
                                       reason=str(exc.strerror or exc))) from exc
    with handle:
        return parse_stream(handle, format, os.fspath(path), column_map, progress)


def csv_headers(data: bytes) -> list[str]:
    """The column names of a CSV file (for the column-mapping dialog).

    Raises :class:`ImportFormatError` for a vCard, an empty or a binary file.
    """
    sniffed = sniff(bytes(data))
    if sniffed.format is None:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "the file is empty")))
    if sniffed.layout is None:
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP("core", "this is a vCard file, not a CSV file")))
    return list(sniffed.layout.header)
