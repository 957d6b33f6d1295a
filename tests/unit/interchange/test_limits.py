"""The length of one text in an exchange file: at most MAX_TEXT characters (the contact-file
importers' limit for one value). A longer one is a problem with its path, like any other,
found while the file is read (a 50 MB name is never in memory whole); nothing is written.
Long texts within the limit, however they are escaped, import as before."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealjournal import interchange
from dealjournal.errors import FormatError
from dealjournal.importers.model import MAX_FIELD_CHARS
from dealjournal.interchange import _stream
from dealjournal.interchange._validate import MAX_TEXT
from dealjournal.phrases import Phrase
from dealjournal.store import close_journal, db, open_journal

FIXTURES = Path(__file__).parent / "fixtures" / "json"
Doc = dict[str, Any]
TOO_LONG = "must not be longer than 1,000,000 characters"
HUGE = "x" * (2 * MAX_TEXT)  # longer than a window of the reader: refused while it is read


def example() -> Doc:
    doc: Doc = json.loads((FIXTURES / "domain_example.json").read_text(encoding="utf-8"))
    return doc


def count(table: str) -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def settled_bytes(path: Path) -> bytes:
    close_journal()
    data = path.read_bytes()
    open_journal(path)
    return data


def problems_of(target: Path) -> list[str]:
    with pytest.raises(FormatError) as info:
        interchange.prepare_file(target)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def filled(journal: Path) -> Path:
    """A journal holding DOMAIN.md's example, so that a partial write would show."""
    interchange.import_document(example())
    return journal


@pytest.fixture(params=[1 << 20, 1 << 16], ids=["window 1 MiB", "window 64 KiB"])
def window(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setattr(_stream, "CHUNK", request.param)
    yield request.param


def test_the_limit_is_the_importers_one() -> None:
    assert MAX_TEXT == MAX_FIELD_CHARS == 1_000_000


def test_a_20_mb_name_is_refused_with_its_path_in_bounded_memory(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "long.json"
    with target.open("w", encoding="utf-8") as out:
        out.write('{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "')
        for _ in range(20):
            out.write("x" * (1 << 20))
        out.write('"}]}')
    before = settled_bytes(filled)
    tracemalloc.start()
    try:
        with pytest.raises(FormatError) as info:
            interchange.import_file(target)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(p) for p in info.value.problems] == [f"contacts[0].name: {TOO_LONG}"]
    found = info.value.problems[0]
    assert isinstance(found, Phrase) and found.values["path"] == "contacts[0].name"  # translatable
    assert peak < 12 << 20, f"{peak / 1e6:.0f} MB"  # a window of a few MB; the name alone is 20 MB
    assert settled_bytes(filled) == before


def test_a_byte_that_is_not_utf8_further_on_still_comes_first(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "long.json"
    target.write_bytes(b'{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "'
                       + HUGE.encode() + b'"}], "exported_at": "\xff"}')
    [found] = problems_of(target)
    assert found.startswith("long.json: not UTF-8 text (invalid byte at offset")


def _doc_with(path: list[Any], value: Any) -> Doc:
    doc = example()
    doc["contacts"].append({"id": "c2", "name": "Bea", "tags": ["a", "b"], "emails": [{"label": None, "value": "b@x"}]})
    doc["settings"]["me"] = ["sam@example.com"]
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


# (where the long text goes, the path reported); each of these is stored in the journal.
STORED = [
    (["contacts", 1, "name"], "contacts[1].name"),
    (["contacts", 0, "notes"], "contacts[0].notes"),
    (["contacts", 0, "company"], "contacts[0].company"),
    (["contacts", 0, "goals", 0, "details"], "contacts[0].goals[0].details"),
    (["contacts", 1, "emails", 0, "value"], "contacts[1].emails[0].value"),
    (["contacts", 1, "emails", 0, "label"], "contacts[1].emails[0].label"),
    (["contacts", 1, "tags", 1], "contacts[1].tags[1]"),
    (["contacts", 0, "channels", 0, "handle"], "contacts[0].channels[0].handle"),
    (["content", 0, "summary"], "content[0].summary"),
    (["shares", 0, "note"], "shares[0].note"),
    (["interactions", 0, "summary"], "interactions[0].summary"),
    (["interactions", 0, "details"], "interactions[0].details"),
    (["interactions", 0, "channel"], "interactions[0].channel"),
    (["settings", "me", 0], "settings.me[0]"),
]


@pytest.mark.parametrize(("where", "path"), STORED, ids=[p for _, p in STORED])
def test_a_long_text_is_refused_with_its_path_while_it_is_read(filled: Path, tmp_path: Path, window: int,
                                                               where: list[Any], path: str) -> None:
    target = tmp_path / "long.json"
    target.write_text(json.dumps(_doc_with(where, HUGE)), encoding="utf-8")
    before = settled_bytes(filled)
    assert problems_of(target) == [f"{path}: {TOO_LONG}"]
    with pytest.raises(FormatError, match=TOO_LONG):
        interchange.import_file(target)
    assert settled_bytes(filled) == before


@pytest.mark.parametrize(("where", "path"), STORED, ids=[p for _, p in STORED])
def test_a_parsed_document_with_a_long_text_has_the_same_problem(filled: Path, where: list[Any],
                                                                 path: str) -> None:
    doc = _doc_with(where, "y" * (MAX_TEXT + 1))
    with pytest.raises(FormatError) as info:
        interchange.validate(doc)
    assert [str(p) for p in info.value.problems] == [f"{path}: {TOO_LONG}"]
    before = count("contact"), count("interaction")
    with pytest.raises(FormatError, match=TOO_LONG):
        interchange.import_document(doc)
    assert (count("contact"), count("interaction")) == before


@pytest.mark.parametrize(("text", "path"), [
    ('{"format": "dealjournal", "version": 1, "exported_at": "HUGE"}', "exported_at"),
    ('{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A", "HUGE": 1}]}', "contacts[0]"),
    ('{"format": "dealjournal", "version": 1, "HUGE": 1}', "(document)"),
    ('{"format": "dealjournal", "version": 1, "extra": {"inner": ["HUGE"]}}', "extra.inner[0]"),
    ('{"format": "dealjournal", "version": 1, "settings": {"stage_cadence_days": {"HUGE": 1}}}',
     "settings.stage_cadence_days"),
    ('{"format": "dealjournal", "version": 1, "contacts": ["HUGE"]}', "contacts[0]"),
    (('{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A", "x": [{}, {"a": [1, "b", '
      '{"c,": "d]"}], "e": {"f": ["HUGE"]}}]}]}'), "contacts[0].x[1].e.f[0]"),
], ids=["top-level value", "key in a record", "top-level key", "skipped object", "key in settings", "record",
        "deep in a record"])
def test_any_text_too_long_is_refused_where_it_is_before_its_end(journal: Path, tmp_path: Path, window: int,
                                                                  text: str, path: str) -> None:
    target = tmp_path / "long.json"
    target.write_text(text.replace("HUGE", HUGE), encoding="utf-8")
    assert problems_of(target) == [f"{path}: {TOO_LONG}"]
    # The file cut inside the text: refused all the same, so before the text was read to its end.
    target.write_text(text.split("HUGE")[0] + HUGE, encoding="utf-8")
    assert problems_of(target) == [f"{path}: {TOO_LONG}"]


def test_a_text_of_the_limit_imports_and_one_character_more_does_not(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "edge.json"
    doc = example()
    doc["contacts"][0]["name"] = "n" * (MAX_TEXT + 1)
    target.write_text(json.dumps(doc), encoding="utf-8")
    assert problems_of(target) == [f"contacts[0].name: {TOO_LONG}"]
    doc["contacts"][0]["name"] = "n" * MAX_TEXT
    doc["contacts"][0]["notes"] = "a long note\n" * (MAX_TEXT // 12)
    target.write_text(json.dumps(doc), encoding="utf-8")
    summary = interchange.import_file(target)
    assert summary.contacts == 1
    name, notes = db.connection().execute("SELECT name, notes FROM contact").fetchone()
    assert (len(name), notes) == (MAX_TEXT, doc["contacts"][0]["notes"])


def test_long_notes_import_and_export_back_equal(journal: Path, tmp_path: Path) -> None:
    doc = example()
    doc["contacts"][0]["notes"] = ("Met at the conference; talked about closing the books. " * 2000)[:100_000]
    doc["interactions"][0]["details"] = "d" * 500_000
    target = tmp_path / "notes.json"
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    interchange.import_file(target)
    back = interchange.export_document()
    assert back["contacts"][0]["notes"] == doc["contacts"][0]["notes"]
    assert back["interactions"][0]["details"] == doc["interactions"][0]["details"]


@pytest.mark.parametrize("escaped", ["\\u00e9", "\\ud83d\\ude00", "\\n"],
                         ids=["unicode escapes", "surrogate pairs (12 of the file for 1)", "short escapes"])
def test_an_escaped_text_is_measured_by_its_characters(journal: Path, tmp_path: Path, window: int,
                                                       escaped: str) -> None:
    target = tmp_path / "escaped.json"
    head = '{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "Ada", "notes": "'
    target.write_text(head + escaped * MAX_TEXT + '"}]}', encoding="utf-8")
    interchange.import_file(target)
    (notes,) = db.connection().execute("SELECT notes FROM contact").fetchone()
    assert notes == json.loads(f'"{escaped}"') * MAX_TEXT
    target.write_text(head + escaped * (MAX_TEXT + 1) + '"}]}', encoding="utf-8")
    assert problems_of(target) == [f"contacts[0].notes: {TOO_LONG}"]
    # Far beyond the limit (12 characters of the file per character, and a window's growth) the
    # reader stops while reading: here the file ends inside the text.
    target.write_text(head + escaped * (25 * MAX_TEXT // len(escaped)), encoding="utf-8")
    assert problems_of(target) == [f"contacts[0].notes: {TOO_LONG}"]
