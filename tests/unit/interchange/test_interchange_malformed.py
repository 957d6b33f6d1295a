"""Malformed exchange files: each problem is reported with its exact path, and the journal
file is left unchanged byte for byte."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dealjournal import interchange
from dealjournal.errors import FormatError
from dealjournal.store import close_journal, open_journal

FIXTURES = Path(__file__).parent / "fixtures" / "json"
Doc = dict[str, Any]


def example() -> Doc:
    doc: Doc = json.loads((FIXTURES / "domain_example.json").read_text(encoding="utf-8"))
    return doc


def second_contact(doc: Doc) -> Doc:
    """The example with a second contact c2 owning goal g2."""
    other = json.loads(json.dumps(doc["contacts"][0]))
    other["id"], other["goals"][0]["id"] = "c2", "g2"
    doc["contacts"].append(other)
    return doc


def settled_bytes(path: Path) -> bytes:
    """The journal file's bytes with everything checkpointed into it (the db is closed to read them)."""
    close_journal()
    assert not Path(f"{path}-wal").exists()  # closing folded the write-ahead log into the file
    data = path.read_bytes()
    open_journal(path)
    return data


@pytest.fixture
def filled(journal: Path) -> Path:
    """A journal that already holds DOMAIN.md's example, so a partial write would show."""
    interchange.import_document(example())
    return journal


def _set(path: list[Any], value: Any) -> Callable[[Doc], Doc]:
    def change(doc: Doc) -> Doc:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        return doc
    return change


def _drop(path: list[Any]) -> Callable[[Doc], Doc]:
    def change(doc: Doc) -> Doc:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
        return doc
    return change


def _append(section: str, record: Doc) -> Callable[[Doc], Doc]:
    def change(doc: Doc) -> Doc:
        doc[section].append(record)
        return doc
    return change


CASES: list[tuple[str, Callable[[Doc], Doc], str]] = [
    ("follows_back", _set(["contacts", 0, "channels", 0, "follows_back"], "maybe"),
     "contacts[0].channels[0].follows_back: 'maybe' is not one of yes, no, unknown"),
    ("unknown key", _set(["contacts", 0, "nickname"], "Ada"),
     "contacts[0].nickname: unknown key (expected one of: id, name, given_name,"),
    ("unknown top-level key", _set(["people"], []), "people: unknown key (expected one of: format, version,"),
    ("unknown content ref", _set(["shares", 0, "content"], "k9"),
     "shares[0].content: 'k9' is not the id of any content item in this file"),
    ("unknown contact ref", _set(["interactions", 0, "contact"], "c7"),
     "interactions[0].contact: 'c7' is not the id of any contact in this file"),
    ("unreal date", _set(["interactions", 0, "at"], "2026-02-30"), "interactions[0].at: '2026-02-30' is not a real date"),
    ("unreal time", _set(["interactions", 0, "at"], "2026-02-01T25:00"),
     "interactions[0].at: '2026-02-01T25:00' is not a real date and time"),
    ("sloppy date", _set(["shares", 0, "on"], "3.2.2026"), "shares[0].on: '3.2.2026' is not a date (YYYY-MM-DD)"),
    ("duplicate contact id", _append("contacts", {"id": "c1", "name": "Twin"}), "contacts[1].id: 'c1' is used twice"),
    ("duplicate goal id across contacts",
     lambda d: _set(["contacts", 1, "goals", 0, "id"], "g1")(second_contact(d)),
     "contacts[1].goals[0].id: 'g1' is used twice"),
    ("bool as text", _set(["contacts", 0, "archived"], "yes"), 'contacts[0].archived: expected true or false, got "yes"'),
    ("bool as int", _set(["contacts", 0, "cadence_days"], True),
     "contacts[0].cadence_days: expected a whole number from 0 to"),
    ("negative cadence", _set(["contacts", 0, "cadence_days"], -1), "contacts[0].cadence_days: -1 is out of range"),
    ("wrong format", _set(["format"], "vcard"), 'format: expected "dealjournal", got "vcard"'),
    ("newer version", _set(["version"], 2), "version: this file was written by a newer Deal Journal"),
    ("version as text", _set(["version"], "1"), 'version: expected the whole number 1, got "1"'),
    ("missing version", _drop(["version"]), "version: required key is missing"),
    ("missing name", _drop(["contacts", 0, "name"]), "contacts[0].name: required key is missing"),
    ("blank name", _set(["contacts", 0, "name"], "   "), "contacts[0].name: must not be empty"),
    ("NUL in name", _set(["contacts", 0, "name"], "\x00Ada"), "contacts[0].name: must not contain the NUL character"),
    ("name not text", _set(["contacts", 0, "name"], 42), "contacts[0].name: expected text, got 42"),
    ("missing network", _drop(["contacts", 0, "channels", 0, "network"]),
     "contacts[0].channels[0].network: required key is missing"),
    ("missing stage to", _drop(["contacts", 0, "stage_history", 0, "to"]),
     "contacts[0].stage_history[0].to: required key is missing"),
    ("bad stage from", _set(["contacts", 0, "stage_history", 0, "from"], "friend"),
     "contacts[0].stage_history[0].from: 'friend' is not one of lead,"),
    ("goal of another contact",
     lambda d: _set(["interactions", 0, "goal"], "g2")(second_contact(d)),
     "interactions[0].goal: goal 'g2' belongs to contact 'c2', not to 'c1'"),
    ("unknown goal", _set(["shares", 0, "goal"], "g5"), "shares[0].goal: 'g5' is not the id of any goal in this file"),
    ("response before share", _set(["shares", 0, "responded_on"], "2026-02-01"),
     "shares[0].responded_on: '2026-02-01' is before the share's date '2026-02-03'"),
    ("response date without response", _set(["shares", 0, "response"], "none"),
     "shares[0].responded_on: a share whose response is 'none' cannot have a response date"),
    ("closed before created", _set(["contacts", 0, "goals", 0, "closed_on"], "2026-01-01"),
     "contacts[0].goals[0].closed_on: '2026-01-01' is before the goal's created_on '2026-02-01'"),
    ("empty e-mail", _set(["contacts", 0, "emails", 0, "value"], ""), "contacts[0].emails[0].value: must not be empty"),
    ("e-mail as text", _set(["contacts", 0, "emails"], ["ada@example.com"]),
     'contacts[0].emails[0]: expected an object, got "ada@example.com"'),
    ("duplicate tag", _set(["contacts", 0, "tags"], ["fintech", "fintech"]),
     "contacts[0].tags[1]: 'fintech' is listed twice"),
    ("empty topic", _set(["content", 0, "topics"], [""]), 'content[0].topics[0]: expected non-empty text, got ""'),
    ("contacts not a list", _set(["contacts"], {"c1": {}}), "contacts: expected a list, got an object"),
    ("record not an object", _set(["interactions", 0], "meeting"), 'interactions[0]: expected an object, got "meeting"'),
    ("follow-up done as int", _set(["interactions", 0, "follow_up_done"], 0),
     "interactions[0].follow_up_done: expected true or false, got 0"),
    ("window too long", _set(["settings", "window_days"], 0), "settings.window_days: 0 is out of range (1 to 3650)"),
    ("unknown stage in settings", _set(["settings", "stage_cadence_days", "prospect"], 3),
     "settings.stage_cadence_days.prospect: 'prospect' is not a stage"),
    ("cadence setting as float", _set(["settings", "stage_cadence_days", "lead"], 2.5),
     "settings.stage_cadence_days.lead: expected a whole number from 0 to"),
    ("lone surrogate", _set(["contacts", 0, "notes"], "broken \ud800 text"),
     "contacts[0].notes: contains a character that is not valid Unicode"),
]


@pytest.mark.parametrize(("change", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_malformed_document_names_the_path_and_leaves_the_journal_unchanged(
        filled: Path, tmp_path: Path, change: Callable[[Doc], Doc], expected: str) -> None:
    doc = change(example())
    target = tmp_path / "bad.json"
    # ensure_ascii keeps a lone surrogate writable (as the \ud800 escape a real file would hold)
    target.write_text(json.dumps(doc), encoding="utf-8")
    before = settled_bytes(filled)
    with pytest.raises(FormatError) as info:
        interchange.import_file(target)
    assert any(problem.startswith(expected) for problem in info.value.problems), info.value.problems
    assert expected in str(info.value)
    assert settled_bytes(filled) == before
    with pytest.raises(FormatError):
        interchange.validate(doc)


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "dealjournal",\n "version": 1,,}', "bad.json: not valid JSON: Expecting property name enclosed "
                                                     "in double quotes at line 2, column 15"),
    (b'{"format": "dealjournal", "version": 1, "contacts": [', "bad.json: not valid JSON: Expecting value at line 1"),
    ('{"format": "dealjournal", "notes": "caf\u00e9"}'.encode("latin-1"), "bad.json: not UTF-8 text (invalid byte at offset"),
    (b"[1, 2]", "bad.json: expected a JSON object at the top level, got a list"),
    (b"", "bad.json: the file is empty"),
    (b'{"format": "dealjournal", "version": 1, "settings": {"window_days": NaN}}', "bad.json: not valid JSON: NaN"),
    (b'{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A", "name": "B"}]}',
     "contacts[0].name: this key appears more than once in the same object"),
    (b'{"format": "dealjournal", "version": 1, "version": 1}', "version: this key appears more than once"),
], ids=["syntax", "truncated", "latin-1", "top-level list", "empty", "NaN", "repeated key", "repeated top-level key"])
def test_unreadable_file_is_a_clear_format_error(filled: Path, tmp_path: Path, content: bytes, expected: str) -> None:
    target = tmp_path / "bad.json"
    target.write_bytes(content)
    before = settled_bytes(filled)
    with pytest.raises(FormatError) as info:
        interchange.import_file(target)
    assert str(info.value).startswith(expected), str(info.value)
    assert settled_bytes(filled) == before


def test_a_valid_import_does_change_the_bytes(filled: Path, tmp_path: Path) -> None:
    """The control for the tests above: the comparison would notice a write."""
    target = tmp_path / "good.json"
    target.write_text(json.dumps(example()), encoding="utf-8")
    before = settled_bytes(filled)
    interchange.import_file(target)
    assert settled_bytes(filled) != before


def test_many_problems_in_one_file_are_all_reported(journal: Path) -> None:
    doc = example()
    doc["contacts"][0]["stage"] = "friend"
    doc["contacts"][0]["archived"] = "no"
    doc["shares"][0]["content"] = "k9"
    doc["interactions"][0]["at"] = "2026-02-30"
    with pytest.raises(FormatError) as info:
        interchange.import_document(doc)
    assert [p.split(":")[0] for p in info.value.problems] == [
        "contacts[0].stage", "contacts[0].archived", "shares[0].content", "interactions[0].at"]
