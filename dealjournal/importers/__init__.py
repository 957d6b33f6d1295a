"""Parsing layer of the contact-file importers: vCard, LinkedIn, Google,
Outlook and generic CSV files → :class:`ParsedContact` records.

Pure functions: no database, no Qt.  Typical use::

    from dealjournal.importers import parse_file
    result = parse_file("Connections.csv")
    for contact in result.contacts: ...
    problems = [(s.line, s.reason) for s in result.skipped]

For big files in a worker thread use :func:`iter_parse` with a progress
callback (return ``False`` from it to cancel).

May use: the vocabulary only (no journal at all). Never Qt.
"""

from __future__ import annotations

import logging

from .api import (
    ParseSession,
    csv_headers,
    detect_file_format,
    detect_format,
    guess_column_map,
    iter_parse,
    parse_bytes,
    parse_file,
    parse_stream,
)
from .decoding import HEAD_SIZE
from .generic_csv import FIELDS as COLUMN_FIELDS
from .model import (
    FORMATS,
    ImportCancelled,
    ImportFormatError,
    ParsedContact,
    ParseResult,
    SkippedRecord,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "COLUMN_FIELDS",
    "FORMATS",
    "HEAD_SIZE",
    "ImportCancelled",
    "ImportFormatError",
    "ParseResult",
    "ParseSession",
    "ParsedContact",
    "SkippedRecord",
    "csv_headers",
    "detect_file_format",
    "detect_format",
    "guess_column_map",
    "iter_parse",
    "parse_bytes",
    "parse_file",
    "parse_stream",
]
