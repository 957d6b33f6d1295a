"""Reading an exchange file a record at a time: the same result and the same messages as
checking the whole parsed document, in bounded memory, whatever the order of the file's
members and wherever the reader's window ends."""

from __future__ import annotations

import json
import os
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealjournal import interchange
from dealjournal.errors import FormatError
from dealjournal.interchange import _stream
from dealjournal.interchange._validate import json_object
from dealjournal.store import close_journal, db, open_journal

FIXTURES = Path(__file__).parent / "fixtures" / "json"
Doc = dict[str, Any]


def example() -> Doc:
    doc: Doc = json.loads((FIXTURES / "domain_example.json").read_text(encoding="utf-8"))
    return doc


def count(table: str) -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def settled_bytes(path: Path) -> bytes:
    """The journal file's bytes with everything checkpointed into it (the db is closed to read them)."""
    close_journal()
    data = path.read_bytes()
    open_journal(path)
    return data


def members(doc: Doc, order: list[str]) -> str:
    """*doc* as JSON text with its top-level members in *order* (a key may be listed twice)."""
    return "{" + ",\n".join(f"{json.dumps(key)}: {json.dumps(doc[key])}" for key in order) + "}"


def problems(target: Path) -> list[str]:
    with pytest.raises(FormatError) as info:
        interchange.prepare_file(target)
    return [str(p) for p in info.value.problems]


@pytest.fixture(params=[1, 7, 1 << 20], ids=["window 1 byte", "window 7 bytes", "window 1 MiB"])
def window(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """The reader's chunk size: every record, key and number then crosses a window's end."""
    monkeypatch.setattr(_stream, "CHUNK", request.param)
    yield request.param


@pytest.fixture
def filled(journal: Path) -> Path:
    interchange.import_document(example())
    return journal


# --- the top level in any order ---------------------------------------------------------------

def test_a_newer_version_named_after_the_records_is_refused_and_nothing_is_written(
        filled: Path, tmp_path: Path, window: int) -> None:
    doc = example()
    doc["version"] = 2
    doc["contacts"][0]["nickname"] = "unknown to version 1, not reported"
    target = tmp_path / "newer.json"
    target.write_text(members(doc, ["format", "exported_at", "settings", "contacts", "content", "shares",
                                    "interactions", "version"]), encoding="utf-8")
    before = settled_bytes(filled)
    with pytest.raises(FormatError) as info:
        interchange.import_file(target)
    assert [str(p) for p in info.value.problems] == [
        "version: this file was written by a newer Deal Journal (format version 2); this version reads format "
        "version 1. Update Deal Journal to import it"]
    assert settled_bytes(filled) == before


def test_format_and_version_after_the_records_are_read_as_at_the_start(journal: Path, tmp_path: Path) -> None:
    doc = example()
    target = tmp_path / "late.json"
    target.write_text(members(doc, ["contacts", "content", "shares", "interactions", "settings", "exported_at",
                                    "version", "format"]), encoding="utf-8")
    summary = interchange.import_file(target)
    assert (summary.contacts, summary.interactions, summary.settings_applied) == (1, 1, True)
    target.write_text(members(dict(doc, format="vcard"), ["contacts", "format", "version"]), encoding="utf-8")
    assert problems(target) == ['format: expected "dealjournal", got "vcard": this is not a Deal Journal file']


@pytest.mark.parametrize("order", [
    ["format", "version", "interactions", "shares", "content", "contacts", "settings"],
    ["interactions", "contacts", "format", "version", "content", "shares"],
    ["format", "content", "contacts", "version", "shares", "interactions", "settings"],
], ids=["reversed", "interactions first", "content first"])
def test_records_may_come_before_what_they_refer_to(journal: Path, tmp_path: Path, order: list[str],
                                                    window: int) -> None:
    doc = example()
    target = tmp_path / "order.json"
    target.write_text(members(doc, order), encoding="utf-8")
    assert interchange.prepare_file(target).summary.interactions == 1
    summary = interchange.import_file(target)
    assert (summary.contacts, summary.content, summary.shares, summary.interactions) == (1, 1, 1, 1)
    assert count("contact") == count("interaction") == count("share") == count("goal") == 1
    assert db.connection().execute("SELECT goal_id FROM interaction").fetchone()[0] == 1


def test_out_of_order_problems_are_listed_as_for_the_parsed_document(journal: Path, tmp_path: Path) -> None:
    doc = example()
    doc["interactions"][0]["contact"] = "c7"
    doc["contacts"][0]["stage"] = "friend"
    doc["people"] = []
    target = tmp_path / "order.json"
    target.write_text(members(doc, ["interactions", "people", "format", "contacts", "version", "content"]),
                      encoding="utf-8")
    with pytest.raises(FormatError) as parsed:
        interchange.validate(json.loads(target.read_text(encoding="utf-8")))
    assert problems(target) == [str(p) for p in parsed.value.problems]
    assert problems(target)[0].startswith("people: unknown key")
    assert problems(target)[-1] == "interactions[0].contact: 'c7' is not the id of any contact in this file"


def test_many_problems_out_of_order_are_cut_where_the_parsed_document_is_cut(journal: Path, tmp_path: Path,
                                                                            window: int) -> None:
    doc = example()
    doc["contacts"] += [{"id": f"x{i}", "name": "", "stage": "friend"} for i in range(15)]
    doc["interactions"] += [{"contact": "nobody", "at": "never", "kind": "call", "direction": "out"}] * 15
    doc["extra"] = 1
    target = tmp_path / "many.json"
    target.write_text(members(doc, ["interactions", "extra", "contacts", "format", "version", "shares",
                                    "content"]), encoding="utf-8")
    with pytest.raises(FormatError) as parsed:
        interchange.validate(json.loads(target.read_text(encoding="utf-8")))
    found = problems(target)
    assert found == [str(p) for p in parsed.value.problems]
    assert len(found) == interchange.MAX_PROBLEMS + 1 and found[0].startswith("extra: unknown key")
    assert found[-2].startswith("interactions[")  # the contacts' 30 problems came before


def test_lone_surrogates_are_listed_in_the_file_order(journal: Path, tmp_path: Path, window: int) -> None:
    doc = example()
    doc["contacts"][0]["notes"] = "broken \ud800"
    doc["interactions"][0]["summary"] = "broken \udc00"
    doc["exported_at"] = "\ud801"
    target = tmp_path / "surrogates.json"
    target.write_text(members(doc, ["format", "interactions", "version", "exported_at", "content", "contacts",
                                    "shares"]), encoding="utf-8")
    assert problems(target) == [
        "interactions[0].summary: contains a character that is not valid Unicode (a lone surrogate)",
        "exported_at: contains a character that is not valid Unicode (a lone surrogate)",
        "contacts[0].notes: contains a character that is not valid Unicode (a lone surrogate)",
    ]
    with pytest.raises(FormatError) as parsed:
        interchange.validate(json.loads(target.read_text(encoding="utf-8")))
    assert problems(target) == [str(p) for p in parsed.value.problems]


def test_a_section_given_twice_counts_once_as_json_would_read_it(journal: Path, tmp_path: Path) -> None:
    doc = example()
    target = tmp_path / "twice.json"
    text = members(doc, ["format", "version", "contacts", "interactions"])
    target.write_text(text[:-1] + ', "contacts": [{"id": "c9", "name": "Other"}]}', encoding="utf-8")
    with pytest.raises(FormatError) as parsed:
        interchange.validate(json.loads(target.read_text(encoding="utf-8"), object_pairs_hook=json_object))
    assert problems(target) == [str(p) for p in parsed.value.problems] == [
        "contacts: this key appears more than once in the same object",
        "interactions[0].contact: 'c1' is not the id of any contact in this file",  # the second list counts
        "interactions[0].goal: 'g1' is not the id of any goal in this file",
    ]
    assert count("contact") == 0


# --- records read one at a time ------------------------------------------------------------------

def test_a_repeated_key_inside_a_streamed_record_is_reported(journal: Path, tmp_path: Path, window: int) -> None:
    doc = example()
    doc["interactions"] = [dict(doc["interactions"][0], summary=f"call {i}") for i in range(40)]
    text = members(doc, ["format", "version", "contacts", "interactions"])
    marker = '"summary": "call 37"'
    target = tmp_path / "repeated.json"
    target.write_text(text.replace(marker, marker + ', "kind": "email", "summary": "again"'), encoding="utf-8")
    assert problems(target) == [
        "interactions[37].kind: this key appears more than once in the same object",
        "interactions[37].summary: this key appears more than once in the same object",
    ]
    assert count("interaction") == 0


def test_a_problem_near_the_end_of_a_long_file_leaves_the_journal_byte_for_byte(
        filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.interchange import _import

    # Rows are written every ten records: nothing may be written (not even a statement run: closing
    # the journal would analyse the tables it wrote to) before the whole file was checked.
    monkeypatch.setattr(_import, "FLUSH", 10)
    doc = example()
    doc["interactions"] = [dict(doc["interactions"][0], summary=f"call {i}") for i in range(100)]
    doc["interactions"][95]["at"] = "2026-02-30"
    target = tmp_path / "late-problem.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    before = settled_bytes(filled)
    with pytest.raises(FormatError, match=r"interactions\[95\]\.at: '2026-02-30' is not a real date"):
        interchange.import_file(target)
    assert settled_bytes(filled) == before
    doc["interactions"][95]["at"] = "2026-02-03"
    target.write_text(json.dumps(doc).replace('"Ada Byron"', '"Ada \\ud800"'), encoding="utf-8")
    with pytest.raises(FormatError, match=r"contacts\[0\]\.name: contains a character that is not valid Unicode"):
        interchange.import_file(target)
    assert settled_bytes(filled) == before


def test_a_100k_deep_array_is_a_clean_format_error_in_bounded_memory(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "deep.json"
    for text in ("[" * 100_000 + "]" * 100_000,
                 '{"format": "dealjournal", "version": 1, "contacts": [' + "[" * 100_000 + "]" * 100_000 + "]}",
                 '{"format": "dealjournal", "version": 1, "settings": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000
                 + "}"):
        target.write_text(text, encoding="utf-8")
        tracemalloc.start()
        try:
            with pytest.raises(FormatError) as info:
                interchange.import_file(target)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert len(info.value.problems) == 1
        assert info.value.problems[0].startswith("deep.json: not valid JSON: Nested too deeply at line 1, column")
        assert peak < 16 << 20
    assert count("contact") == 0


def _json_error(text: str) -> str:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    raise AssertionError("valid JSON")


def test_a_truncated_file_is_a_format_error_saying_where_as_json_does(journal: Path, tmp_path: Path,
                                                                     window: int) -> None:
    text = json.dumps(example(), indent=1, ensure_ascii=False)
    target = tmp_path / "cut.json"
    for end in [1, 2, 15, 40, 100, len(text) // 3, len(text) // 2, len(text) - 30, len(text) - 2, len(text) - 1]:
        target.write_text(text[:end], encoding="utf-8")
        assert problems(target) == [f"cut.json: {_json_error(text[:end])}"], end


@pytest.mark.parametrize("text", [
    '{"format": "dealjournal",\n "version": 1,,}',
    '{"format": "dealjournal", "version": 1 "contacts": []}',
    '{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A"} {"id": "c2"}]}',
    '{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A"},]}',
    '{"format": "dealjournal", "version": 1, "contacts": []}\n{"again": 1}',
    '{"format": "dealjournal", "version": 1, "people": {"a": [1, 2,], "b": 2}}',
    '{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A\x01"}]}',
    '{"format": "dealjournal", "version": 1e}',
    '{"format": "dealjournal" : 1}',
    '{"format"}',
    '\n\n  {"format": "dealjournal", "version": 1, "contacts": [\n\n  1,\n  2\n  3]}',
], ids=["double comma", "missing comma", "missing comma between records", "trailing comma", "extra data",
        "inside a skipped member", "control character", "bad number", "colon", "no value", "lines"])
def test_syntax_errors_say_what_json_says(journal: Path, tmp_path: Path, text: str, window: int) -> None:
    target = tmp_path / "bad.json"
    target.write_text(text, encoding="utf-8")
    assert problems(target) == [f"bad.json: {_json_error(text)}"]


@pytest.mark.parametrize("text", [
    '{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1", "name": "A"},' + "\n " * 3_000_000 + "]}",
    '{"format": "dealjournal",' + " " * 6_000_000 + "}",
    '{"format": "dealjournal"' + "\n" * 6_000_000 + ' "version": 1}',
    '{"format": "dealjournal", "version": 1, "contacts": [1' + "\t" * 6_000_000 + "2]}",
], ids=["comma before the end", "comma before the end of the object", "missing comma", "missing comma in a list"])
def test_megabytes_of_whitespace_are_not_kept_and_a_fault_after_them_is_placed_as_json_does(
        journal: Path, tmp_path: Path, text: str) -> None:
    target = tmp_path / "blank.json"
    target.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        found = problems(target)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == [f"blank.json: {_json_error(text)}"]
    assert peak < 2.5 * _stream.CHUNK + (1 << 20)  # a window of a chunk or two, not the 6 MB of whitespace


def test_a_byte_that_is_not_utf8_after_a_syntax_error_is_the_problem_reported(journal: Path, tmp_path: Path,
                                                                             window: int) -> None:
    target = tmp_path / "bad.json"
    data = b'{"format": "dealjournal",, "version": 1, "contacts": [' + b'{"id": "c1", "name": "A"},' * 50
    data += b'{"id": "c2", "name": "caf\xe9"}]}'
    target.write_bytes(data)
    offset = data.index(b"\xe9")
    assert problems(target) == [f"bad.json: not UTF-8 text (invalid byte at offset {offset}); "
                                "a Deal Journal file is JSON saved as UTF-8"]


@pytest.mark.parametrize(("text", "expected"), [
    (" \n\t ", "the file is empty"),
    ("\ufeff \u00a0 \u2003\n", "the file is empty"),
    ("\u00a0{}", "not valid JSON: Expecting value at line 1, column 1"),
    ('"dealjournal"', "expected a JSON object at the top level, got a str"),
    ("[1, 2", "not valid JSON: Expecting ',' delimiter at line 1, column 6"),
    ("[1, 2] 3", "not valid JSON: Extra data at line 1, column 8"),
], ids=["blank", "unicode spaces", "unicode space before", "a string", "a cut list", "a list and more"])
def test_what_is_not_an_object_is_reported_as_before(journal: Path, tmp_path: Path, text: str, expected: str,
                                                     window: int) -> None:
    target = tmp_path / "odd.json"
    target.write_text(text, encoding="utf-8")
    assert problems(target) == [f"odd.json: {expected}"]


# --- prepared imports, progress -----------------------------------------------------------------------

def test_a_prepared_file_counts_its_records_and_imports_them(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "good.json"
    target.write_text(json.dumps(example()), encoding="utf-8")
    prepared = interchange.prepare_file(target)
    assert count("contact") == 0
    rows = prepared.rows
    assert (len(rows.contacts), len(rows.content), len(rows.shares), len(rows.interactions), len(rows.goals)) == (
        1, 1, 1, 1, 1)
    calls: list[tuple[int, int]] = []
    summary = interchange.import_prepared(prepared, progress=lambda done, total: calls.append((done, total)))
    assert (summary.contacts, list(summary.contact_ids), summary.settings_applied) == (1, [1], True)
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_import_file_reports_progress_chunk_by_chunk(journal: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.interchange import _import

    monkeypatch.setattr(_import, "FLUSH", 3)
    doc = example()
    doc["interactions"] = [dict(doc["interactions"][0], summary=f"call {i}") for i in range(30)]
    target = tmp_path / "good.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    interchange.import_file(target, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 34) and calls[-1] == (34, 34)  # contacts, goals, content, shares, interactions
    assert len(calls) > 10
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_pipe_is_read_once_and_imported(journal: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_text, args=(json.dumps(example()),), kwargs={"encoding": "utf-8"})
    writer.start()
    try:
        prepared = interchange.prepare_file(pipe)
    finally:
        writer.join(timeout=10)
    assert interchange.import_prepared(prepared).contacts == 1  # the pipe is empty by now: its bytes were kept
    assert count("contact") == 1


# --- bounded memory ------------------------------------------------------------------------------------

def write_big_document(path: Path, contacts: int, interactions: int) -> None:
    """An exchange file of *contacts* contacts with twenty long goals each (goals are not
    indexed for search, so that writing them is quick) and *interactions* interactions,
    written as it is made."""
    details = "Cut the month-end close to three days: phase one covers the two plants in the north. " * 50
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "dealjournal", "version": 1, "contacts": [\n')
        for i in range(contacts):
            out.write((",\n" if i else "") + json.dumps({
                "id": f"c{i}", "name": f"Person {i}", "notes": "Zoë",
                "goals": [{"id": f"g{i}-{j}", "title": f"Goal {j}", "details": details} for j in range(20)]}))
        out.write('],\n"interactions": [\n')
        for i in range(interactions):
            out.write((",\n" if i else "") + json.dumps({
                "contact": f"c{i % contacts}", "at": f"2026-{1 + i % 12:02}-{1 + i % 28:02}T10:{i % 60:02}",
                "kind": "call", "direction": "out", "summary": f"call {i}", "goal": f"g{i % contacts}-{i % 20}"}))
        out.write("\n]}\n")


def test_a_100_mb_document_is_checked_and_imported_in_bounded_memory(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "big.json"
    write_big_document(target, 1_200, 50_000)
    assert target.stat().st_size > 100_000_000
    tracemalloc.start()
    try:
        prepared = interchange.prepare_file(target)
        checked = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        summary = interchange.import_prepared(prepared)
        imported = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (summary.contacts, summary.goals, summary.interactions) == (1_200, 24_000, 50_000)
    assert count("goal") == 24_000
    # The parsed document alone would take well over 500 MB (Python objects, not counting SQLite's own cache).
    assert checked < 32 << 20, f"{checked / 1e6:.0f} MB"
    assert imported < 32 << 20, f"{imported / 1e6:.0f} MB"
