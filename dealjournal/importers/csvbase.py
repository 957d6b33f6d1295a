"""CSV plumbing shared by the LinkedIn, Google, Outlook and generic parsers.

* :func:`locate_header` finds the row of column names in the first lines,
  skipping preambles such as LinkedIn's ``Notes:`` block (also when Excel
  padded it with ``,,``), and picks the delimiter (``,``, ``;`` or tab).
* :func:`iter_rows` streams the data rows with the line where each starts;
  rows that the csv module rejects become :class:`SkippedRecord`; rows made
  only of empty cells are dropped silently.
* :class:`Row` reads cells by (normalised) column name, so column order and
  rows shorter than the header do not matter.

The csv module's per-field size limit is raised (process-wide, never lowered)
to 4 MiB so that a 1 MB notes cell can be read and then truncated.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .decoding import LineSource, TextDecoder
from .model import SkippedRecord

logger = logging.getLogger(__name__)

__all__ = ["CsvLayout", "Row", "decoded_head_lines", "iter_rows", "locate_header", "norm"]

_FIELD_LIMIT = 4 * 1024 * 1024
if csv.field_size_limit() < _FIELD_LIMIT:
    csv.field_size_limit(_FIELD_LIMIT)

_DELIMITERS = (",", ";", "\t")
_SCAN_ROWS = 60


def norm(header: str) -> str:
    """Normalise a column name: case-folded, trimmed, single spaces."""
    return " ".join(header.replace("\ufeff", "").strip().strip('"').casefold().split())


@dataclass
class CsvLayout:
    """Where the header is and how the file is delimited."""

    delimiter: str
    header_line: int
    header: list[str]
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for position, name in enumerate(self.header):
            self.index.setdefault(norm(name), position)

    @property
    def names(self) -> set[str]:
        """The normalised column names."""
        return set(self.index)


class Row:
    """One data row, read by column name."""

    __slots__ = ("cells", "layout", "line")

    def __init__(self, layout: CsvLayout, cells: list[str], line: int) -> None:
        self.layout = layout
        self.cells = cells
        self.line = line

    def get(self, *names: str) -> str:
        """The first non-empty cell among the (normalised) column ``names``."""
        for name in names:
            position = self.layout.index.get(name)
            if position is not None and position < len(self.cells):
                value = self.cells[position].strip()
                if value:
                    return value
        return ""

    def at(self, position: int) -> str:
        """The cell at ``position`` ('' when the row is shorter)."""
        return self.cells[position].strip() if position < len(self.cells) else ""


def decoded_head_lines(head: bytes, decoder: TextDecoder, complete: bool) -> list[str]:
    """The first lines of the file as text (the last, maybe partial, line is
    dropped unless ``complete``)."""
    raw_lines = head.split(b"\n")
    if not complete and len(raw_lines) > 1:
        raw_lines = raw_lines[:-1]
    lines: list[str] = []
    for raw in raw_lines[: _SCAN_ROWS * 4]:
        text = decoder.decode(raw.rstrip(b"\r")).replace("\x00", "")
        lines.extend(part + "\n" for part in text.split("\r"))
    return lines


def _rows(lines: list[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, delimiter=delimiter)
    for _ in range(_SCAN_ROWS):
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            continue
        yield reader.line_num, row


def locate_header(lines: list[str], known: frozenset[str]) -> CsvLayout | None:
    """Find the header row: the row with most known column names; without any
    known name, the first row of two or more short, non-empty cells."""
    best: tuple[int, int, int] | None = None
    best_layout: CsvLayout | None = None
    for rank, delimiter in enumerate(_DELIMITERS):
        for line_num, row in _rows(lines, delimiter):
            hits = sum(1 for cell in row if norm(cell) in known)
            if hits and (best is None or (hits, -rank, -line_num) > best):
                best = (hits, -rank, -line_num)
                best_layout = CsvLayout(delimiter, line_num, [c.strip() for c in row])
    if best_layout is not None:
        return best_layout
    fallback: CsvLayout | None = None
    for delimiter in _DELIMITERS:
        for line_num, row in _rows(lines, delimiter):
            cells = [c.strip() for c in row]
            if not any(cells):
                continue
            if (sum(1 for c in cells if c) >= 2 and all(len(c) <= 60 and "@" not in c for c in cells)
                    and (fallback is None or len(cells) > len(fallback.header))):
                fallback = CsvLayout(delimiter, line_num, cells)
            break  # only the first non-blank row can be a header without known names
    return fallback


def _text_lines(source: Iterable[tuple[int, bytes]], decoder: TextDecoder,
                skip_to: int) -> Iterator[str]:
    for number, raw in source:
        if number <= skip_to:
            continue
        text = decoder.decode(raw)
        if "\x00" in text:
            text = text.replace("\x00", "")
        yield text + "\n"


def iter_rows(source: LineSource, decoder: TextDecoder,
              layout: CsvLayout) -> Iterator[Row | SkippedRecord]:
    """Stream the data rows after the header."""
    reader = csv.reader(_text_lines(source, decoder, layout.header_line),
                        delimiter=layout.delimiter)
    last = layout.header_line
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start, last = last + 1, layout.header_line + reader.line_num
            logger.debug("csv error: %s", exc)
            yield SkippedRecord(start, Phrase(QT_TRANSLATE_NOOP("core", "the row is not valid CSV ({error})"),
                                              error=str(exc)[:80]))
            continue
        start, last = last + 1, layout.header_line + reader.line_num
        if any(cell.strip() for cell in cells):
            yield Row(layout, cells, start)
