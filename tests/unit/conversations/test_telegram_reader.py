"""The Telegram reader: one chat or the whole account, old and new exports, hostile files.

The fixtures under ``fixtures/telegram/`` are our own, with invented people, written in
Telegram Desktop's shape (checked against its JSON writer and public samples such as
joweich/chat-miner's ``test/telegram/``). Each test names the turns per counterpart
worked out by hand.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import model
from dealjournal.conversations.model import (
    CaptureCancelled,
    CaptureFormatError,
    Message,
    Party,
)
from dealjournal.conversations.telegram import TelegramReader
from tests.unit.conversations.conftest import FIXTURES, corpus_files

HERE = FIXTURES / "telegram"
NOW = datetime(2026, 12, 3, 12, 0)
ME_ID = "telegram:user777"

# Upstream basenames of the public samples (joweich/chat-miner test/telegram/, MIT) with
# the counts worked out by hand: Author 1 then Author 2 wrote once each, neither is Sam.
EXPECTED_CORPUS: dict[str, dict[str, dict[str, int]]] = {
    "test_single_export.json": {"name:Author 1": {"in": 1, "out": 0, "meeting": 0},
                                "name:Author 2": {"in": 1, "out": 0, "meeting": 0}},
    "test_batch_export.json": {"name:Author 1": {"in": 1, "out": 0, "meeting": 0},
                               "name:Author 2": {"in": 1, "out": 0, "meeting": 0}},
}


@pytest.fixture(autouse=True)
def _berlin(local_tz: str) -> Iterator[None]:
    """date_unixtime (UTC) becomes Berlin wall-clock time."""
    yield


def me() -> Me:
    return Me.parse(["https://www.linkedin.com/in/me-slug", "Sam Seller", ME_ID], region="DE")


def turns(**counts: tuple[int, int]) -> dict[str, dict[str, int]]:
    return {key: {"in": i, "out": o, "meeting": 0} for key, (i, o) in counts.items()}


def read(path: Path) -> tuple[TelegramReader, list[Message]]:
    reader = TelegramReader(path)
    return reader, [r for r in reader.records() if isinstance(r, Message)]


def sniffs(path: Path) -> bool:
    with path.open("rb") as handle:
        return TelegramReader.sniff(path, handle.read(1 << 16))


def test_one_personal_chat() -> None:
    reader, records = read(HERE / "single_personal_chat.json")
    # Ada at 10:00 (Berlin), Sam twice (one turn, a text and a photo), Ada at 23:30 UTC,
    # which is 00:30 the next day in Berlin although "date" says the 10th.
    assert tally(records, me(), now=NOW) == turns(**{"handle:telegram:user5001": (2, 1)})
    ada, sam, photo, late = records
    assert ada.conversation == "telegram:5001" and ada.channel == "telegram" and ada.to == ()
    assert ada.key == "telegram:5001:1"
    assert ada.sender == Party(model.HANDLE, "telegram:user5001", "Ada Lovelace")
    assert ada.at == datetime(2026, 1, 10, 10, 0)
    assert ada.subject == "Hi Sam,"
    assert sam.subject == "Thursday works, see https://example.org/agenda"   # text as entities
    assert sam.sent and photo.sent and not ada.sent
    assert photo.subject == ""
    assert late.at == datetime(2026, 1, 11, 0, 30)
    assert reader.skipped == {model.SYSTEM: 1, model.UNREADABLE: 2}   # a call; unsupported, no date
    # In a one-to-one chat (its id is the other person's) the other sender is the user.
    assert reader.me_hints == [Party(model.HANDLE, ME_ID, "Sam Seller")]


def test_whole_account_export() -> None:
    reader, records = read(HERE / "full_export.json")
    # Bea: her chat (in, then Sam's answer out) and the group on 2 February: Bea, Zoë, Sam
    # (out to both), Bea again. Carl wrote in a group Sam left (an export before 2021: a
    # numeric from_id, no date_unixtime). Saved Messages are skipped, the service line is a
    # system line, the bot's and the channel's messages are not touches.
    assert tally(records, me(), now=NOW) == turns(**{
        "handle:telegram:user5002": (3, 2), "handle:telegram:user5003": (1, 1), "handle:telegram:user5004": (1, 0)})
    assert [r.conversation for r in records] == ["telegram:5002"] * 2 + ["telegram:4242"] * 4 + [
        "telegram:6001", "telegram:7001", "telegram:8001"]
    assert records[0].subject == "@sam quick question"
    assert [r.ignored for r in records[6:8]] == [model.AUTOMATIC, model.LIST]
    carl = records[-1]
    assert carl.sender == Party(model.HANDLE, "telegram:user5004", "Carl Crook")
    assert carl.at == datetime(2019, 3, 1, 10, 0)       # "date" is local already
    assert [r.sent for r in records[:2]] == [False, True]
    assert reader.skipped == {model.SYSTEM: 1}
    assert reader.me_hints == [Party(model.HANDLE, ME_ID, "Sam Seller"),
                               Party(model.PHONE, "+49 151 23456789", "Sam Seller"),
                               Party(model.NAME, "Sam Seller", "Sam Seller")]


def test_chats_without_ids_fall_back_to_names_and_digests() -> None:
    reader, records = read(HERE / "without_ids.json")
    assert tally(records, me(), now=NOW) == turns(**{"name:Ada Lovelace": (2, 1)})
    assert {r.conversation for r in records} == {"telegram:name:Ada"}
    assert records[1].sender == Party(model.NAME, "Sam Seller", "Sam Seller")
    assert len({r.key for r in records}) == 3
    assert [r.key for r in read(HERE / "without_ids.json")[1]] == [r.key for r in records]
    assert reader.me_hints == []


def test_keys_stay_when_a_later_export_overlaps(tmp_path: Path) -> None:
    data = json.loads((HERE / "single_personal_chat.json").read_text(encoding="utf-8"))
    data["messages"] = data["messages"][2:] + [
        {"id": 8, "type": "message", "date_unixtime": "1768640400", "from": "Ada Lovelace", "from_id": "user5001",
         "text": "new"}]
    later = tmp_path / "result.json"
    later.write_text(json.dumps(data), encoding="utf-8")
    keys = {r.key for r in read(HERE / "single_personal_chat.json")[1]}
    again = [r.key for r in read(later)[1]]
    assert [k for k in again if k not in keys] == ["telegram:5001:8"]


def test_sniff_reads_the_content_not_the_name(tmp_path: Path) -> None:
    for fixture in sorted(HERE.iterdir()):
        renamed = tmp_path / (fixture.stem + ".txt")
        renamed.write_bytes(fixture.read_bytes())
        assert sniffs(renamed), fixture.name
    for other in (b'{"messages": [1, 2]}', b'[{"date_unixtime": "1"}]', b"From me@example.com Mon Jan 1 2024",
                  b'{"name": "x", "items": [{"from_id": "u"}]}'):
        path = tmp_path / "result.json"
        path.write_bytes(other)
        assert not sniffs(path), other


def test_a_cut_off_file_is_a_format_error_naming_it(tmp_path: Path) -> None:
    whole = (HERE / "full_export.json").read_bytes()
    path = tmp_path / "result.json"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CaptureFormatError, match="result.json is not a complete Telegram export"):
        list(TelegramReader(path).records())


def test_invalid_utf8_and_a_bom_never_crash(tmp_path: Path) -> None:
    text = (HERE / "single_personal_chat.json").read_bytes()
    path = tmp_path / "result.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace(b"Ada Lovelace", b"Ada \xff\xfe\xc3Lovelace"))
    assert sniffs(path)
    _, records = read(path)
    assert records[0].sender.name == "Ada \ufffd\ufffd\ufffdLovelace"
    assert tally(records, me(), now=NOW) == turns(**{"handle:telegram:user5001": (2, 1)})


def test_odd_values_never_raise(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": None, "type": 5, "id": True, "messages": [
        {"id": None, "type": "message", "date_unixtime": "soon", "date": "2026-01-01T10:00:00+01:00",
         "from": 12, "from_id": "user1", "text": [7, {"text": None}, "hello\nworld"]},
        {"id": 2, "type": "message", "date_unixtime": "99999999999999999999", "from": "A"},
        {"id": 3, "type": "message", "date": "2026-01-01", "from": None, "from_id": None, "text": "x"},
        {"id": 4, "type": "message", "date": [], "from": "A"},
        "not a message", [1, 2],
    ]}), encoding="utf-8")
    reader, records = read(path)
    assert len(records) == 1
    only = records[0]
    assert only.at == datetime(2026, 1, 1, 10, 0) and only.subject == "hello"
    assert only.sender == Party(model.HANDLE, "telegram:user1", "")
    assert reader.skipped == {model.UNREADABLE: 3}


def huge_export(path: Path, count: int) -> None:
    """A whole-account export with *count* messages in two chats, written as Telegram does."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "about": "x",\n "personal_information": {"user_id": 777, "first_name": "Sam"},\n'
                  ' "chats": {"about": "x", "list": [\n')
        for chat in (1, 2):
            out.write(f'  {{"name": "Peer {chat}", "type": "personal_chat", "id": {chat}, "messages": [\n')
            for i in range(count // 2):
                sender = f'"from": "Peer {chat}", "from_id": "user{chat}"' if i % 2 else \
                         '"from": "Sam", "from_id": "user777"'
                comma = "," if i < count // 2 - 1 else ""
                out.write(f'   {{"id": {i}, "type": "message", "date": "2026-01-01T10:00:00", '
                          f'"date_unixtime": "{1700000000 + i * 3600}", {sender}, '
                          f'"text": "message number {i}\\nsecond line"}}{comma}\n')
            out.write("  ]}" + ("," if chat == 1 else "") + "\n")
        out.write(" ]}\n}\n")


def test_a_huge_export_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    huge_export(path, 50_000)  # the peak stays flat whatever the size; a tracemalloc run of more only costs time
    reader = TelegramReader(path)
    count = 0
    tracemalloc.start()
    try:
        for record in reader.records():
            count += 1
            assert isinstance(record, Message) and record.subject.startswith("message number ")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000
    assert peak < 4 * (1 << 20), f"peak {peak / (1 << 20):.1f} MiB"


def test_progress_is_told_and_cancel_stops(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    huge_export(path, 20_000)
    told: list[int] = []
    assert sum(1 for _ in TelegramReader(path, told.append).records()) == 20_000
    assert told and told == sorted(told) and told[-1] <= path.stat().st_size
    with pytest.raises(CaptureCancelled):
        list(TelegramReader(path, lambda done: False).records())


@pytest.mark.realdata
@pytest.mark.skipif(not corpus_files(), reason="no ../shared/realdata/capture/")
def test_every_real_telegram_export_reads() -> None:
    for path in (p for p in corpus_files() if sniffs(p)):
        _, records = read(path)
        assert all(r.channel == "telegram" and r.key for r in records), path.name
        for basename, expected in EXPECTED_CORPUS.items():
            if path.name.endswith(basename):
                assert tally(records, me(), now=NOW) == expected, path.name
