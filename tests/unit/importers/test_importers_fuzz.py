"""Property-based robustness: whatever the bytes, the parsers return a
ParseResult or raise ImportFormatError, never anything else, never loop, and
every contact has a non-empty name."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealjournal.importers import (
    FORMATS,
    ImportFormatError,
    ParseResult,
    csv_headers,
    detect_format,
    guess_column_map,
    parse_bytes,
)

FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures").iterdir())
FIXTURE_DATA = [p.read_bytes() for p in FIXTURES]
FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def check(data: bytes, fmt: str | None = None, column_map: dict[str, str] | None = None) -> None:
    try:
        result = parse_bytes(data, format=fmt, column_map=column_map)
    except ImportFormatError as exc:
        assert str(exc)
        return
    assert isinstance(result, ParseResult)
    assert result.format in FORMATS
    for contact in result.contacts:
        assert isinstance(contact.name, str) and contact.name.strip()
        assert contact.source_line >= 1
        assert all(isinstance(v, str) and v for _, v in contact.emails + contact.phones)
    for skipped in result.skipped:
        assert skipped.line >= 1 and skipped.reason


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A fixture with a few random byte edits (insert, delete, replace, cut)."""
    data = bytearray(draw(st.sampled_from(FIXTURE_DATA)))
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["insert", "delete", "replace", "cut", "dup"]))
        if action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[pos:pos + draw(st.integers(1, 16))]
        elif action == "replace":
            data[pos] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[pos:]
        else:
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 64))]
    return bytes(data)


@pytest.fixture(autouse=True)
def no_internal_errors(caplog: pytest.LogCaptureFixture):
    """The API turns unexpected exceptions into ImportFormatError and logs
    them; a fuzz run must not hit that path."""
    with caplog.at_level(logging.ERROR, logger="dealjournal.importers"):
        yield
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(mutated(), st.sampled_from([None, *FORMATS]))
def test_mutated_fixtures(data: bytes, fmt: str | None) -> None:
    check(data, fmt)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("BEGIN:VCARD\r\n ;=,\"^\\FNEMAIL.item1QP-é\t")),
               max_size=600))
def test_vcard_like_text(text: str) -> None:
    check(text.encode("utf-8"))
    check(("BEGIN:VCARD\n" + text).encode("cp1252", errors="replace"), "vcard")


@FUZZ
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=8),
       st.sampled_from([",", ";", "\t"]))
def test_csv_like_text(rows: list[list[str]], delimiter: str) -> None:
    header = delimiter.join(["First Name", "Last Name", "E-mail Address", "Connected On"])
    body = "\n".join(delimiter.join(row) for row in rows)
    data = (header + "\n" + body).encode("utf-8", errors="replace")
    for fmt in (None, "linkedin", "outlook", "google", "csv"):
        check(data, fmt)
    try:
        headers = csv_headers(data)
    except ImportFormatError:
        return
    check(data, "csv", guess_column_map(headers) or None)


@FUZZ
@given(mutated())
def test_detect_format_never_crashes(data: bytes) -> None:
    try:
        assert detect_format(data) in FORMATS
    except ImportFormatError as exc:
        assert str(exc)
