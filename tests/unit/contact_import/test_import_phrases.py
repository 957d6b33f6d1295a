"""The import's messages for people are Phrases: English text plus the marked template and
the values put into it (line numbers, paths, file names and the file's own words stay values,
never part of the template the translators see)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealjournal import interchange
from dealjournal.contact_import import plan_import
from dealjournal.errors import FormatError, JournalError
from dealjournal.importers import ImportFormatError, ParsedContact, ParseResult, parse_bytes
from dealjournal.phrases import Phrase, from_data, to_data


def test_a_skipped_rows_reason_is_a_phrase() -> None:
    result = parse_bytes(b"First Name,Last Name,Connected On\n,,01 Jan 2020\n", "linkedin")
    (skipped,) = result.skipped
    assert skipped.line == 2
    assert isinstance(skipped.reason, Phrase)
    assert skipped.reason.template == skipped.reason == (
        "the connection has no name, company, e-mail or profile address (LinkedIn hides members who left or "
        "limited their data)")
    assert skipped.reason.values == {}


def test_a_warning_keeps_the_line_and_the_files_words_as_values() -> None:
    result = parse_bytes(b"First Name,Last Name,Connected On\nAda,Byron,someday {soon}\n", "linkedin")
    (warning,) = result.warnings
    assert warning == "line 2: the date 'someday {soon}' in 'Connected On' was not understood and was left empty"
    assert isinstance(warning, Phrase)
    assert warning.template == ("line {line}: the date '{date}' in 'Connected On' was not understood "
                                "and was left empty")
    assert warning.values == {"line": 2, "date": "someday {soon}"}


def test_a_format_error_carries_its_phrase_as_the_only_argument() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_bytes(b"a,b\n1,2\n", "whatever")
    (message,) = info.value.args
    assert isinstance(message, Phrase)
    assert message.template == "unknown file format '{format}'; expected one of {formats}"
    assert message.values["format"] == "whatever"
    assert str(info.value) == "unknown file format 'whatever'; expected one of vcard, linkedin, google, outlook, csv"


def test_a_requested_format_that_does_not_fit_names_it_with_a_translatable_phrase() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_bytes(b"Name,E-mail\nAda,ada@example.org\n", "linkedin")
    message = info.value.args[0]
    assert message == "this does not look like a LinkedIn Connections.csv: no 'Connected On' column"
    assert message.template == "this does not look like {wanted}: no 'Connected On' column"
    assert isinstance(message.values["wanted"], Phrase)
    assert message.values["wanted"].template == "a LinkedIn Connections.csv"


def test_a_plan_rows_reason_is_a_phrase_made_of_phrases() -> None:
    first = ParsedContact(name="Ada Byron", emails=[(None, "ada@example.org")], source_line=2)
    second = ParsedContact(name="Ada B.", emails=[(None, "ADA@example.org")], source_line=5)
    plan = plan_import(ParseResult(format="vcard", contacts=[first, second]), on_duplicate="add")
    row = plan.rows[1]
    assert row.reason == "same e-mail as line 2 (added anyway)"
    assert isinstance(row.reason, Phrase)
    assert row.reason.template == "{reason} (added anyway)"
    inner = row.reason.values["reason"]
    assert inner.template == "{why} as line {line}"
    assert inner.values["line"] == 2
    assert inner.values["why"].template == "same e-mail"
    assert plan.summary() == "2 new, 0 merged, 0 skipped"
    assert plan.summary().values == {"new": 2, "merged": 0, "skipped": 0}


def test_an_interchange_problem_keeps_its_path_and_the_wrong_value_as_values() -> None:
    doc = {"format": "dealjournal", "version": 1,
           "contacts": [{"id": "c1", "name": "Ada", "stage": "friend"}]}
    with pytest.raises(FormatError) as info:
        interchange.validate(doc)
    (found,) = info.value.problems
    assert found == "contacts[0].stage: 'friend' is not one of lead, engaged, opportunity, customer, advocate"
    assert isinstance(found, Phrase)
    assert found.template == "{path}: {problem}"
    assert found.values["path"] == "contacts[0].stage"
    problem = found.values["problem"]
    assert problem.template == "{value} is not one of {choices}"
    assert problem.values == {"value": "'friend'", "choices": "lead, engaged, opportunity, customer, advocate"}
    assert from_data(to_data(found)) == found  # the structure survives storage and pickling


def test_an_unreadable_exchange_file_names_the_file_as_a_value(tmp_path: Path) -> None:
    target = tmp_path / "bad {x}.json"
    target.write_bytes(b"[1, 2]")
    with pytest.raises(FormatError) as info:
        interchange.read_file(target)
    (found,) = info.value.problems
    assert found == "bad {x}.json: expected a JSON object at the top level, got a list"
    assert found.template == "{path}: {problem}"
    assert found.values["path"] == "bad {x}.json"
    assert found.values["problem"].template == "expected a JSON object at the top level, got a list"


def test_a_missing_exchange_file_is_a_journal_error_with_a_phrase(tmp_path: Path) -> None:
    with pytest.raises(JournalError) as info:
        interchange.read_file(tmp_path / "gone.json")
    (message,) = info.value.args
    assert isinstance(message, Phrase)
    assert message.template == "Cannot read {path}: {reason}."
    assert message.values["path"] == str(tmp_path / "gone.json")
