"""Telling a Deal Journal JSON file from contact files and from binary data, by content."""

from __future__ import annotations

import json
import random

import pytest

from dealjournal.importers import ImportFormatError, detect_file_format
from dealjournal.importers.detect import looks_like_json_object

DOC = json.dumps({"format": "dealjournal", "version": 1, "contacts": []}).encode()


@pytest.mark.parametrize("head", [
    DOC, b"\xef\xbb\xbf" + DOC, b"\n\t  " + DOC, b'{\n  "format": "dealjournal"', b"{}", b'{ "caf\\u00e9" : 1}',
    json.dumps({"名前": 1}, ensure_ascii=False).encode(),
])
def test_json_objects_are_json_whatever_the_name(head: bytes) -> None:
    assert looks_like_json_object(head)
    for name in ("export.json", "export.txt", "contacts.csv", None):
        assert detect_file_format(head, name) == "json"


@pytest.mark.parametrize("head", [
    b"{", b"{x", b"{ 'format': 1}", b'{"unterminated', b'{"key" 1}', b'{"a\x01b": 1}', b"[1, 2]", b'"text"',
    b'{"\xff\xfe": 1}',
])
def test_one_brace_is_not_enough(head: bytes) -> None:
    assert not looks_like_json_object(head)


def test_a_broken_text_file_named_json_is_read_as_json_to_say_what_is_wrong() -> None:
    assert detect_file_format(b'{"format": "dealjournal", "version": 1,', "journal.json") == "json"
    assert detect_file_format(b"not json at all\n", "journal.json") == "json"
    assert detect_file_format(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n", "cards.json") == "vcard"


def test_contact_files_are_what_they_are() -> None:
    assert detect_file_format(b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n", "a.vcf") == "vcard"
    assert detect_file_format(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
                              "Connections.csv") == "linkedin"


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_are_binary_never_json(seed: int) -> None:
    rng = random.Random(seed)
    for first in (b"", b"{", b'{"', b"\xef\xbb\xbf{"):  # random data that happens to start like JSON
        data = first + rng.randbytes(4000)
        for name in ("junk.csv", "junk.json", None):
            with pytest.raises(ImportFormatError, match="binary data"):
                detect_file_format(data, name)


@pytest.mark.parametrize("seed", range(20))
def test_short_random_data_is_never_taken_for_json_by_its_content(seed: int) -> None:
    rng = random.Random(seed)
    for size in range(1, 64):
        data = b"{" + rng.randbytes(size)
        try:
            found = detect_file_format(data, "junk.csv")
        except ImportFormatError:
            continue
        assert found != "json", data
