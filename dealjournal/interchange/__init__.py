"""The JSON exchange format (DOMAIN.md, "Exchange format (JSON, version 1)").

:func:`validate` checks a parsed document and reports every problem with its path
(:func:`read_file` parses and validates a file without touching any journal);
:func:`import_document` / :func:`import_file` add a document's records to the open journal
in one all-or-nothing transaction; :func:`export_document` / :func:`export_file` write the
whole journal so that export → import into an empty journal → export is lossless.

A file is never parsed whole to be imported: :func:`prepare_file` checks it record by
record without touching any journal, :func:`import_prepared` (and :func:`import_file`, which
does both) reads it again and writes its rows chunk by chunk, in bounded memory, with the
same problems and messages as a check of the parsed document.

May use: :mod:`dealjournal.safety`, :mod:`dealjournal.health`, :mod:`dealjournal.store`,
:mod:`dealjournal.importers.model` (the limit on one text) and the vocabulary. Never Qt.
"""

from __future__ import annotations

from dealjournal.interchange._export import export_document, export_file
from dealjournal.interchange._import import (
    ImportSummary, PreparedImport, Progress, import_document, import_file, import_prepared, prepare_file,
    read_document, read_file, validate,
)
from dealjournal.interchange._validate import FORMAT, MAX_PROBLEMS, VERSION

__all__ = [
    "FORMAT", "MAX_PROBLEMS", "VERSION", "ImportSummary", "Progress", "export_document", "export_file",
    "import_document", "import_file", "import_prepared", "prepare_file", "PreparedImport", "read_document",
    "read_file", "validate",
]
