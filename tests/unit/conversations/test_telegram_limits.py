"""The Telegram reader's limit on nesting: a hostile result.json nested thousands deep is a
format error naming the file, found while it is streamed, in bounded memory; a real export
(fewer than 10 levels) and anything up to :data:`MAX_DEPTH` reads as before, with the same
events ``ijson.parse`` gives.

(The depths here stay in the thousands: without the limit, ijson's prefixes of 5,000 nested
lists take 60 MB, of the 100,000 in tests/faults/test_malformed.py gigabytes.)"""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import ijson  # type: ignore[import-untyped]
import pytest

from dealjournal.conversations.model import CaptureFormatError, Message
from dealjournal.conversations.telegram import MAX_DEPTH, TelegramReader
from tests.unit.conversations.conftest import FIXTURES, corpus_files

HERE = FIXTURES / "telegram"
HEAD = '{"name": "Ada Lovelace", "type": "personal_chat", "id": 5001, "messages": ['
MESSAGE = '{"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "from": "Ada", "from_id": "user5001", "text": '
# The text value's own nesting starts at this depth: the chat, its messages, the message.
AROUND = 3
DEEP = 5_000


def chat_with_text(path: Path, text: str) -> Path:
    path.write_text(HEAD + MESSAGE + text + "}]}", encoding="utf-8")
    return path


def nested_text(depth: int) -> str:
    """A message text of lists nested *depth* deep around one string."""
    return "[" * depth + '"hello"' + "]" * depth


def test_a_deep_text_is_a_format_error_naming_the_file_in_bounded_memory(tmp_path: Path) -> None:
    path = chat_with_text(tmp_path / "result.json", "[" * DEEP + "]" * DEEP)
    reader = TelegramReader(path)
    started = time.monotonic()
    tracemalloc.start()
    try:
        with pytest.raises(CaptureFormatError) as caught:
            list(reader.records())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (f"result.json is not a Telegram export: its JSON is nested more than {MAX_DEPTH} "
                                 "levels deep.")
    assert caught.value.args[0].template.startswith("{file} is not a Telegram export")  # a Phrase, translatable
    assert peak < 4 * (1 << 20), f"peak {peak / (1 << 20):.1f} MiB"  # the prefixes of every level: 60 MB
    assert time.monotonic() - started < 10


def test_deep_objects_and_a_deep_whole_account_export_are_refused(tmp_path: Path) -> None:
    deep = '{"a": ' * DEEP + "1" + "}" * DEEP
    chat_with_text(tmp_path / "objects.json", deep)
    account = tmp_path / "account.json"
    account.write_text('{"about": "x", "personal_information": {"user_id": 777}, "chats": {"about": "x", '
                       '"list": [' + HEAD[:-1] + deep + "}]}}", encoding="utf-8")
    for path in (tmp_path / "objects.json", account):
        with pytest.raises(CaptureFormatError, match=f"{path.name} is not a Telegram export: its JSON is nested"):
            list(TelegramReader(path).records())


def test_nesting_up_to_the_limit_reads_and_one_level_more_is_refused(tmp_path: Path) -> None:
    path = chat_with_text(tmp_path / "result.json", nested_text(MAX_DEPTH - AROUND))
    records = list(TelegramReader(path).records())
    assert len(records) == 1 and isinstance(records[0], Message)
    assert records[0].sender.value == "telegram:user5001"  # (a string that deep is no part of the first line)
    chat_with_text(path, nested_text(MAX_DEPTH - AROUND + 1))
    with pytest.raises(CaptureFormatError, match=f"nested more than {MAX_DEPTH} levels deep"):
        list(TelegramReader(path).records())


def test_the_limit_is_far_above_what_telegram_writes() -> None:
    assert 16 <= MAX_DEPTH <= 256  # real exports nest fewer than 10 levels; memory grows with its square


@pytest.mark.parametrize("path", sorted(HERE.glob("*.json")) + corpus_files("telegram"), ids=lambda p: p.name)
def test_the_events_are_those_ijson_parse_gives(path: Path) -> None:
    reader = TelegramReader(path)
    with path.open("rb") as ours, path.open("rb") as theirs:
        events = list(reader._events(ijson.basic_parse(ours, use_float=True)))
        assert events == list(ijson.parse(theirs, use_float=True))
    assert events  # (the file was read)


def test_prefixes_of_nested_lists_and_keys_are_ijsons(tmp_path: Path) -> None:
    doc = {"a": [[{"b": {"c": [1, {"d": None}]}}], []], "": {"": [True]}, "e.f": "x"}
    text = json.dumps(doc).encode()
    reader = TelegramReader(tmp_path / "unused.json")
    assert list(reader._events(ijson.basic_parse(text))) == list(ijson.parse(text))
