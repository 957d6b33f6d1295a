"""The WhatsApp chat reader: every layout and locale the public samples show, read as a stream.

The fixtures in ``fixtures/whatsapp/`` are our own small chats, each reproducing the quirks
of real exports (chat-miner's ``test/whatsapp/`` locale variants, whats_json's iOS and
Android samples); for each, the turns per counterpart are worked out by hand below. The
hostile files (a million lines, a 50 MB line, broken zips, invalid UTF-8) are written into
``tmp_path``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import tracemalloc
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import model
from dealjournal.conversations.model import (
    NAME,
    PHONE,
    CaptureCancelled,
    CaptureFormatError,
    DateOrderUnknown,
    Message,
    Party,
)
from dealjournal.conversations.whatsapp import WhatsAppReader
from tests.unit.conversations.conftest import CORPUS, FIXTURES

HERE = FIXTURES / "whatsapp"
ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 12, 3, 12, 0)
SAM = Party(NAME, "Sam Seller", "Sam Seller")
LRM, NNBSP = "\u200e", "\u202f"


def turns(**counts: tuple[int, int]) -> dict[str, dict[str, int]]:
    """``turns(**{"name:Ada": (2, 1)})``: Ada wrote 2 turns, the user 1 to her."""
    return {key: {"in": i, "out": o, "meeting": 0} for key, (i, o) in counts.items()}


def read(path: Path, day_first: bool | None = None) -> tuple[WhatsAppReader, list[Message]]:
    reader = WhatsAppReader(path, day_first=day_first)
    records = list(reader.records())
    assert all(isinstance(r, Message) for r in records)
    return reader, [r for r in records if isinstance(r, Message)]


def head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(1 << 16)


@dataclass(frozen=True)
class Case:
    """A fixture: the turns per counterpart (Me: Sam Seller), the messages, the system lines,
    the first message as (time, sender, subject), and what the file says about Me."""

    tally: dict[str, dict[str, int]]
    messages: int
    system: int
    first: tuple[datetime, Party, str]
    me_hints: list[Party] = field(default_factory=list)


CASES = {
    # Android, US: m/d/yy, U+202F before AM/PM, a blank line inside a message, <Media omitted>,
    # deleted messages; 12:00 AM is midnight. Sam 1/15 (2 msgs) | Ada 1/15 (2) | Sam 1/16 (2) | Ada 1/17 (2).
    "WhatsApp Chat with Ada Lovelace.txt": Case(
        turns(**{"name:Ada Lovelace": (2, 2)}), 8, 1,
        (datetime(2024, 1, 15, 9, 2), SAM, "Hi Ada, following up on our call: the offer is attached."), [SAM]),
    # Android, German group, dd.mm.yy: 03./04./05.01. read both ways until 14.01. decides.
    # Five system lines (one with "Projekt Nord: Angebot" in quotes). Sam 3.1. | Bea 3.1. |
    # +49… 3.1. (2) | Sam 4.1. | Bea 5.1. (2, a system line between) | Sam 14.1.: each of
    # Sam's three turns goes to both others.
    "WhatsApp Chat mit Projekt Nord.txt": Case(
        turns(**{"name:Bea Beispiel": (2, 3), "phone:+491701234567": (1, 3)}), 8, 5,
        (datetime(2024, 1, 3, 9, 20), SAM, "Willkommen! Hier stimmen wir das Angebot ab.")),
    # iOS, German, CRLF, U+200E: encryption notice under the group's name, two group events
    # without "Name:", a security-code notice (two marks): 4 system lines. Ada 31.12. (text +
    # attachment) | Sam 1.1. (2) | Sam 2.1. (3, one deleted) | Carl 2.1. (call, location) | Ada 3.1.
    "WhatsApp Chat - Deal Team/_chat.txt": Case(
        turns(**{"name:Ada Lovelace": (2, 2), "name:Carl Clever": (1, 2)}), 10, 4,
        (datetime(2023, 12, 31, 21, 45, 10), Party(NAME, "Ada Lovelace", "Ada Lovelace"),
         "Frohes neues Jahr! Kurz zum Vertrag:"), [SAM]),
    # Android, Spanish: m/d/yyyy without comma, "p. m.", "a.m.", "p.<NBSP>m.", "00:08 a. m.".
    # Carlos 9/24 23:30 | Sam 9/25 00:08, 09:30 | Carlos 9/25 12:15, 13:37.
    "WhatsApp Chat with Carlos Cliente.txt": Case(
        turns(**{"name:Carlos Cliente": (2, 1)}), 5, 1,
        (datetime(2019, 9, 24, 23, 30), Party(NAME, "Carlos Cliente", "Carlos Cliente"),
         "Hola Sam, ¿tienes la propuesta?"), [SAM]),
    # Swedish ISO dates. Dora 31.12 | Sam 2.1 (2) | Dora 2.1.
    "iso_dates.txt": Case(
        turns(**{"name:Dora Datum": (2, 1)}), 4, 1,
        (datetime(2023, 12, 31, 21, 41), Party(NAME, "Dora Datum", "Dora Datum"), "God fortsättning!")),
    # yyyy/mm/dd with a dot after the time (chat-miner dateformat3). Dora 12/14 | Sam 12/24 | Dora 12/24.
    "slashed_ymd_dot.txt": Case(
        turns(**{"name:Dora Datum": (2, 1)}), 3, 0,
        (datetime(2022, 12, 14, 13, 34), Party(NAME, "Dora Datum", "Dora Datum"), "收到，謝謝")),
    # Finnish "klo" and dotted times; 12.3. reads both ways, 13.3. decides. Eero 12.3. | Sam 12.3. | Sam 13.3.
    "finnish_android.txt": Case(
        turns(**{"name:Eero Esimerkki": (1, 2)}), 3, 0,
        (datetime(2022, 3, 12, 14, 8), Party(NAME, "Eero Esimerkki", "Eero Esimerkki"),
         "Hei Sam, tarjous näyttää hyvältä.")),
    # Finnish iOS: the encryption notice (Finnish words, so only its place tells) is skipped.
    "finnish_ios.txt": Case(
        turns(**{"name:Eero Esimerkki": (1, 1)}), 2, 1,
        (datetime(2022, 3, 22, 14, 8, 18), Party(NAME, "Eero Esimerkki", "Eero Esimerkki"), "Hei Sam!")),
    # iOS dotted month-first ([10.21.21, …], chat-miner dateformat5), a colon in the text.
    "dotted_month_first.txt": Case(
        turns(**{"name:John-John Doe": (1, 1), "name:Jahn Doe": (1, 1)}), 3, 0,
        (datetime(2021, 10, 21, 15, 21, 45), SAM, "Lorem ipsum dolor sit amet.")),
    # Brackets without a comma, seconds, "p.m." after hours up to 13 (chat-miner dateformat4).
    "brackets_12h_seconds.txt": Case(
        turns(**{"name:John Doe": (1, 1)}), 3, 0,
        (datetime(2022, 9, 10, 23, 37), SAM, "Lorem ipsum dolor sit amet.")),
    # Dutch dd-mm-yyyy, an attachment with U+200E. Sam 23.3. | Piet 23.3. | Piet 24.3.
    "dutch_dashes.txt": Case(
        turns(**{"name:Piet Puk": (2, 1)}), 3, 1,
        (datetime(2022, 3, 23, 13, 32), SAM, "Goedemiddag Piet")),
    # Indian English day periods: morning, afternoon, evening, night; 13/01 decides day-first.
    "indian_day_periods.txt": Case(
        turns(**{"name:Priya Patel": (2, 2)}), 4, 1,
        (datetime(2021, 1, 3, 9, 15), Party(NAME, "Priya Patel", "Priya Patel"), "Good morning Sam")),
    # iOS with the time first (Vietnamese); the encryption notice opens the chat.
    "vietnamese_time_first.txt": Case(
        turns(**{"name:Nguyen Van An": (1, 1)}), 3, 1,
        (datetime(2022, 3, 27, 21, 41, 35), SAM, "Hello World")),
    # iOS before 2017 ("date, time: Name: text"), a phone number in U+202A…U+202C with U+2011.
    "ios_2016.txt": Case(
        turns(**{"phone:+556181213457": (1, 1), "name:Sophia H.": (1, 1)}), 3, 1,
        (datetime(2016, 7, 1, 17, 13, 36), SAM, "So hier mal die versprochene Gruppe")),
    # Arabic iOS: Arabic-Indic digits, U+200F in the dates, the Arabic comma, "م"/"ص".
    "arabic_ios.txt": Case(
        turns(**{"name:Omar Farouk": (2, 1)}), 3, 1,
        (datetime(2022, 3, 27, 21, 41, 35), SAM, "Hello Omar")),
    # Thai Buddhist years (2565 BE is 2022) and Japanese eras (R4 is 2022).
    "thai_buddhist_year.txt": Case(
        turns(**{"name:Somchai Dee": (1, 1)}), 2, 0,
        (datetime(2022, 3, 18, 14, 56, 1), Party(NAME, "Somchai Dee", "Somchai Dee"), "Sawasdee")),
    "japanese_era.txt": Case(
        turns(**{"name:Tanaka Yuki": (1, 1)}), 2, 0,
        (datetime(2022, 3, 18, 14, 56, 1), Party(NAME, "Tanaka Yuki", "Tanaka Yuki"), "こんにちは")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_turns_and_records(name: str) -> None:
    case, path = CASES[name], HERE / name
    assert WhatsAppReader.sniff(path, head(path))
    reader, messages = read(path)
    assert tally(messages, Me.parse(["Sam Seller"], region="DE"), now=NOW) == case.tally
    assert len(messages) == case.messages
    assert reader.skipped.get(model.SYSTEM, 0) == case.system
    assert (messages[0].at, messages[0].sender, messages[0].subject) == case.first
    assert reader.me_hints == case.me_hints
    for message in messages:
        assert message.channel == "whatsapp" and message.to == () and message.ignored is None
        assert len(message.key) == 40 and len(message.subject) <= 120
    assert len({m.key for m in messages}) == len(messages)
    assert [m.key for m in read(path)[1]] == [m.key for m in messages]


def test_same_minute_back_and_forth_is_five_turns() -> None:
    """Android writes minutes only: a quick exchange has every message at 10:00. The file's
    order is the only order there is: Ada | Sam | Ada | Sam | Ada."""
    path = HERE / "same_minute.txt"
    _, messages = read(path)
    assert [m.sender.value for m in messages] == ["Ada Lovelace", "Sam Seller"] * 2 + ["Ada Lovelace"]
    assert tally(messages, Me.parse(["Sam Seller"]), now=NOW) == turns(**{"name:Ada Lovelace": (3, 2)})


def test_ios_fixture_keeps_its_crlf_and_marks() -> None:
    """The iOS fixture must reach the reader as exported (CRLF, U+200E): nothing normalised it."""
    raw = (HERE / "WhatsApp Chat - Deal Team" / "_chat.txt").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") and LRM.encode() in raw


def test_multi_line_message_is_one_message_keyed_by_its_whole_text() -> None:
    _, messages = read(HERE / "WhatsApp Chat with Ada Lovelace.txt")
    thanks = messages[2]
    text = "Thanks Sam!\nTwo questions:\n1. Can you do 12 months?\n\n2. Who signs on your side?"
    chat = "WhatsApp Chat with Ada Lovelace"
    assert thanks.conversation == chat
    assert thanks.key == hashlib.sha1(f"{chat}\nAda Lovelace\n2024-01-15T11:47:00\n{text}".encode()).hexdigest()


def test_times_and_senders_of_each_locale() -> None:
    """12-hour marks, Arabic digits and day periods become the right wall-clock times."""
    by_file = {name: read(HERE / name)[1] for name in (
        "WhatsApp Chat with Carlos Cliente.txt", "indian_day_periods.txt", "arabic_ios.txt",
        "brackets_12h_seconds.txt", "WhatsApp Chat with Ada Lovelace.txt", "WhatsApp Chat mit Projekt Nord.txt",
        "ios_2016.txt")}
    hours = {name: [m.at.strftime("%H:%M") for m in ms] for name, ms in by_file.items()}
    assert hours["WhatsApp Chat with Carlos Cliente.txt"] == ["23:30", "00:08", "09:30", "12:15", "13:37"]
    assert hours["indian_day_periods.txt"] == ["09:15", "14:40", "19:05", "23:30"]
    assert hours["arabic_ios.txt"] == ["21:41", "21:41", "08:00"]
    assert hours["brackets_12h_seconds.txt"] == ["23:37", "12:37", "13:37"]
    assert hours["WhatsApp Chat with Ada Lovelace.txt"][-2:] == ["00:00", "12:30"]
    nord = by_file["WhatsApp Chat mit Projekt Nord.txt"]
    assert nord[2].sender == Party(PHONE, "+49 170 1234567") and nord[2].subject == "<Medien ausgeschlossen>"
    assert by_file["ios_2016.txt"][1].sender == Party(PHONE, "+55 61 8121-3457")


def test_ios_notices_are_skipped_but_media_calls_locations_and_deletions_are_messages() -> None:
    _, messages = read(HERE / "WhatsApp Chat - Deal Team" / "_chat.txt")
    subjects = [m.subject for m in messages]
    assert "<Anhang: 00000012-PHOTO-2023-12-31-21-45-30.jpg>" in subjects
    assert "Bild weggelassen" in subjects and "Verpasster Sprachanruf" in subjects
    assert "Standort: https://maps.google.com/?q=52.52,13.40" in subjects
    assert "Du hast diese Nachricht gelöscht." in subjects and "Diese Nachricht wurde gelöscht." in subjects
    assert not any("Ende-zu-Ende" in s or "Sicherheitsnummer" in s or "Gruppe" in s for s in subjects)


# --- zip archives ----------------------------------------------------------------------


def ios_zip(folder: Path) -> Path:
    """The iOS export as WhatsApp shares it: _chat.txt beside the media (a .txt document first)."""
    target = folder / "WhatsApp Chat - Deal Team.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("00000014-notes.txt", "Meeting notes\nnothing dated here\n")
        archive.write(HERE / "WhatsApp Chat - Deal Team" / "_chat.txt", "_chat.txt")
        archive.writestr("00000012-PHOTO-2023-12-31-21-45-30.jpg", b"\xff\xd8\xff\xe0" + bytes(2000))
    return target


def test_ios_zip_reads_like_its_folder(tmp_path: Path) -> None:
    zipped = ios_zip(tmp_path)
    assert WhatsAppReader.sniff(zipped, head(zipped))
    reader, messages = read(zipped)
    _, unpacked = read(HERE / "WhatsApp Chat - Deal Team" / "_chat.txt")
    assert [(m.conversation, m.key, m.at, m.subject) for m in messages] == \
           [(m.conversation, m.key, m.at, m.subject) for m in unpacked]
    assert messages[0].conversation == "WhatsApp Chat - Deal Team"
    assert reader.size() == len((HERE / "WhatsApp Chat - Deal Team" / "_chat.txt").read_bytes())


def test_android_zip_with_media(tmp_path: Path) -> None:
    source = HERE / "WhatsApp Chat with Ada Lovelace.txt"
    zipped = tmp_path / "WhatsApp Chat with Ada Lovelace.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("IMG-20240115-WA0000.jpg", bytes(500))
        archive.write(source, source.name)
    _, messages = read(zipped)
    assert [(m.conversation, m.key) for m in messages] == [(m.conversation, m.key) for m in read(source)[1]]


def test_truncated_zip_is_a_format_error(tmp_path: Path) -> None:
    whole = ios_zip(tmp_path).read_bytes()
    cut = tmp_path / "WhatsApp Chat - cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    assert WhatsAppReader.sniff(cut, head(cut))  # the member names still say "chat"
    with pytest.raises(CaptureFormatError, match="WhatsApp Chat - cut.zip"):
        list(WhatsAppReader(cut).records())


def test_zip_without_a_chat(tmp_path: Path) -> None:
    media = tmp_path / "photos.zip"
    with zipfile.ZipFile(media, "w") as archive:
        archive.writestr("IMG-1.jpg", bytes(100))
        archive.writestr("readme.txt", "Just some notes.\nNo chat here.\n")
    assert not WhatsAppReader.sniff(media, head(media))
    with pytest.raises(CaptureFormatError, match="photos.zip holds no WhatsApp chat"):
        list(WhatsAppReader(media).records())


def test_damaged_member_is_a_format_error(tmp_path: Path) -> None:
    zipped = ios_zip(tmp_path)
    data = bytearray(zipped.read_bytes())
    with zipfile.ZipFile(zipped) as archive:
        info = archive.getinfo("_chat.txt")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 40, start + info.compress_size - 10):
        data[i] ^= 0x5A
    zipped.write_bytes(bytes(data))
    with pytest.raises(CaptureFormatError, match="is damaged"):
        list(WhatsAppReader(zipped).records())


def test_encrypted_chat_is_a_format_error(tmp_path: Path) -> None:
    """WhatsApp never encrypts its zips, but a user's archive may be: say so, do not crash."""
    zipped = tmp_path / "WhatsApp Chat - locked.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(HERE / "WhatsApp Chat - Deal Team" / "_chat.txt", "_chat.txt")
    data = bytearray(zipped.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + flags_at
        data[at] |= 0x01  # "encrypted"
    zipped.write_bytes(bytes(data))
    with pytest.raises(CaptureFormatError, match="locked.zip cannot be read: the chat in it is encrypted"):
        list(WhatsAppReader(zipped).records())


# --- date order --------------------------------------------------------------------------


def test_ambiguous_dates_ask_once_then_read_either_way() -> None:
    path = HERE / "ambiguous_dates.txt"
    with pytest.raises(DateOrderUnknown) as raised:
        list(WhatsAppReader(path).records())
    assert raised.value.examples == ["09/10/22", "10/10/22"]
    assert "ambiguous_dates.txt" in str(raised.value)
    _, day_first = read(path, day_first=True)
    _, month_first = read(path, day_first=False)
    assert [m.at for m in day_first] == [datetime(2022, 10, 9, 22, 37), datetime(2022, 10, 9, 22, 38),
                                         datetime(2022, 10, 10, 9, 1)]
    assert [m.at for m in month_first][:2] == [datetime(2022, 9, 10, 22, 37), datetime(2022, 9, 10, 22, 38)]
    assert [(m.sender.value, m.subject) for m in day_first] == [
        ("John Doe", "Testing abnormal\u00a0 unicode"), ("John Doe 🤓", "Testing emoji 🤓"), ("🤓", ".")]
    # Me John Doe: his turn on 9 Oct goes to both; each of them wrote one turn.
    assert tally(day_first, Me.parse(["John Doe"]), now=NOW) == turns(**{"name:John Doe 🤓": (1, 1),
                                                                          "name:🤓": (1, 1)})


def test_the_deciding_date_may_come_late(tmp_path: Path) -> None:
    """The first pass reads on (past the first lines) until a day above 12 decides."""
    path = tmp_path / "late.txt"
    lines = [f"0{1 + i % 9}/0{1 + i % 9}/24, 10:{i % 60:02d} - Ada: message {i}" for i in range(600)]
    path.write_text("\n".join([*lines, "13/02/24, 09:00 - Sam Seller: the thirteenth"]) + "\n", encoding="utf-8")
    _, messages = read(path)
    assert messages[-1].at == datetime(2024, 2, 13, 9, 0)
    assert messages[1].at == datetime(2024, 2, 2, 10, 1)


def test_the_file_wins_over_day_first() -> None:
    _, messages = read(HERE / "WhatsApp Chat mit Projekt Nord.txt", day_first=False)
    assert messages[-1].at == datetime(2024, 1, 14, 18, 45)


# --- keys and names ----------------------------------------------------------------------


def test_keys_survive_a_later_overlapping_export(tmp_path: Path) -> None:
    source = HERE / "WhatsApp Chat with Ada Lovelace.txt"
    later = tmp_path / "WhatsApp Chat with Ada Lovelace (1).txt"
    later.write_bytes(source.read_bytes() + f"1/18/24, 9:00{NNBSP}AM - Sam Seller: Signed!\n".encode())
    _, first = read(source)
    _, second = read(later)
    assert second[0].conversation == first[0].conversation == "WhatsApp Chat with Ada Lovelace"
    assert [m.key for m in second[:-1]] == [m.key for m in first]
    assert second[-1].key not in {m.key for m in first}


def test_a_loose_chat_txt_is_named_after_its_folder_only_when_that_says_whatsapp(tmp_path: Path) -> None:
    loose = tmp_path / "Downloads" / "_chat.txt"
    loose.parent.mkdir()
    loose.write_bytes((HERE / "WhatsApp Chat - Deal Team" / "_chat.txt").read_bytes())
    assert read(loose)[1][0].conversation == "_chat"


def test_long_subject_is_cut_to_120_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("13/01/24, 10:00 - Ada: " + "x" * 500 + "\n", encoding="utf-8")
    subject = read(path)[1][0].subject
    assert len(subject) == 120 and subject.endswith("…")


# --- hostile input -----------------------------------------------------------------------


def test_a_million_lines_in_bounded_memory(tmp_path: Path) -> None:
    """1,000,000 lines: 50,000 messages from 50,000 different senders, each 19 lines long,
    and a system line now and then; memory stays flat and every message comes out."""
    path = tmp_path / "million.txt"
    body = "".join(f"line {j} of a long message about the deal\n" for j in range(19))
    with path.open("w", encoding="utf-8") as out:
        for i in range(50_000):
            day, minute = 13 + i // 1440 % 15, i % 1440
            stamp = f"{day:02d}/01/24, {minute // 60:02d}:{minute % 60:02d}"
            if i % 1000 == 0:
                out.write(f"{stamp} - Ada Lovelace added +49 170 {i:07d}\n{body}")
            else:
                out.write(f"{stamp} - Person {i}: hello {i}\n{body}")
    tracemalloc.start()
    try:
        reader = WhatsAppReader(path)
        count = sum(1 for _ in reader.records())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 49_950 and reader.skipped == {model.SYSTEM: 50}
    assert peak < 50 * 2**20


def test_a_50_mb_line_is_hashed_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = ("Lorem ipsum dolor sit amet, ünïcödé 😀 " * 1000).encode()
    prefix = "13/01/24, 10:00 - Ada: "
    digest = hashlib.sha1(b"WhatsApp huge\nAda\n2024-01-13T10:00:00\n")
    with path.open("wb") as out:
        out.write(prefix.encode())
        written = 0
        while written < 50 * 2**20:
            out.write(block)
            digest.update(block)
            written += len(block)
        out.write(b"\n13/01/24, 10:05 - Sam Seller: ok\n")
    path = path.rename(tmp_path / "WhatsApp huge.txt")
    tracemalloc.start()
    try:
        _, messages = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [m.sender.value for m in messages] == ["Ada", "Sam Seller"]
    assert messages[0].key == digest.hexdigest() and len(messages[0].subject) == 120
    assert peak < 8 * 2**20


def test_invalid_utf8_never_crashes(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xef\xbb\xbf13/01/24, 10:00 - Ad\xff\xfea: hi \xc3\n\xfe\xfe continued\n"
                     b"14/01/24, 1\xff:00 - Sam Seller: is this a date?\n"
                     b"14/01/24, 11:00 - Sam Seller: caf\xe9 \x00 ok\n\xc3")
    assert WhatsAppReader.sniff(path, head(path))
    _, messages = read(path)
    assert [m.sender.value for m in messages] == ["Ad\ufffd\ufffda", "Sam Seller"]
    assert messages[0].subject == "hi \ufffd" and messages[1].subject == "caf\ufffd \x00 ok"


def test_a_text_that_is_not_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes\n\nAda: call on 12/01/24, 10:00 - bring the contract\n" * 5, encoding="utf-8")
    assert not WhatsAppReader.sniff(path, head(path))
    with pytest.raises(CaptureFormatError, match="notes.txt is not a WhatsApp chat export"):
        list(WhatsAppReader(path).records())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not WhatsAppReader.sniff(empty, b"")
    assert not WhatsAppReader.sniff(tmp_path, b"")


def test_progress_is_told_and_can_cancel(tmp_path: Path) -> None:
    path = make_chat().write_chat(tmp_path / "chat.txt", 20_000, seed=3)
    told: list[int] = []
    reader = WhatsAppReader(path, told.append)
    messages = sum(1 for _ in reader.records())
    assert messages > 10_000 and reader.skipped[model.SYSTEM] > 3
    assert told == sorted(told) and 0 < told[-1] <= reader.size() == path.stat().st_size
    with pytest.raises(CaptureCancelled):
        list(WhatsAppReader(path, lambda done: done < 200_000).records())


def test_make_chat_is_deterministic_and_exact(tmp_path: Path) -> None:
    chat = make_chat()
    one, two = chat.write_chat(tmp_path / "a.txt", 5_000), chat.write_chat(tmp_path / "b.txt", 5_000)
    assert one.read_bytes() == two.read_bytes() and one.read_bytes().count(b"\n") == 5_000
    assert chat.write_chat(tmp_path / "c.txt", 5_000, seed=1).read_bytes() != one.read_bytes()
    reader, messages = read(one)
    people = {m.sender.value for m in messages}
    assert people == {"Sam Seller", "Ada Lovelace", "+49 170 1234567"}
    assert any(m.subject == "<Media omitted>" for m in messages) and reader.skipped[model.SYSTEM] >= 3


def make_chat() -> ModuleType:
    """tests/perf/make_chat.py (the perf folder is not a package pytest collects)."""
    spec = importlib.util.spec_from_file_location("make_chat", ROOT / "tests" / "perf" / "make_chat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the real corpus -----------------------------------------------------------------------

# chat-miner's test/whatsapp/ files (joweich/chat-miner, MIT), each at its latest version:
# per counterpart (in, out) turns with Me = John Doe, worked out by hand from the file.
# Files whose every date reads both ways are read day-first, as chat-miner's targets do.
# testlog.txt mixes layouts (a parser test, not an export): its Android lines are messages,
# its bracketed lines continue the message before them. Its 10 Sep 2022 22:37 and
# 24 Dec 2022 13:01 minutes hold John's messages first, then the others': one turn each.
_FOUR = {"name:Jahn Doe": (1, 3), "name:John-John Doe": (1, 3), "name:John Doe 🤓": (1, 3), "name:🤓": (1, 3)}
_TWO = {"name:John-John Doe": (1, 2), "name:Jahn Doe": (1, 2)}
EXPECTED_CORPUS: dict[str, dict[str, tuple[int, int]]] = {
    "test_ddmmyy_24hrs.txt": _FOUR,
    "test_mmddyy_24hrs.txt": _FOUR,
    "test_[mmddyy]_24hrs.txt": _FOUR,
    "test_yyyymmdd_24hrs.txt": _FOUR,
    "test_mmddyyyy_12hrs.txt": _FOUR,
    "test_dateformat1.txt": {"phone:+12345578": (1, 1), "name:John-John Doe": (1, 1), "name:Jahn Doe": (2, 1)},
    "test_dateformat2.txt": _TWO,
    "test_dateformat3.txt": _TWO,
    "test_dateformat4.txt": _TWO,
    "test_dateformat5.txt": _TWO,
    "test_dateformat6.txt": _TWO,
    "test_unicode.txt": {"name:John Doe 🤓": (1, 1), "name:🤓": (1, 1)},
    "testlog.txt": {"phone:+12345578": (1, 4), "name:Jahn Doe": (2, 4), "name:John-John Doe": (1, 4),
                    "name:John Doe 🤓": (2, 4), "name:🤓": (2, 4)},
}


def corpus_chats() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md"
                  and WhatsAppReader.sniff(p, head(p)))


@pytest.mark.realdata
def test_every_corpus_chat_reads_cleanly() -> None:
    chats = corpus_chats()
    if not chats:
        pytest.skip("no WhatsApp chats in ../shared/realdata/capture/")
    for path in chats:
        try:
            _, messages = read(path)
        except DateOrderUnknown as unknown:
            assert unknown.examples, path.name
            _, messages = read(path, day_first=True)
        expected = max((base for base in EXPECTED_CORPUS if path.name.endswith(base)), key=len, default=None)
        if expected is not None:
            got = tally(messages, Me.parse(["John Doe"], region="DE"), now=NOW)
            assert got == turns(**EXPECTED_CORPUS[expected]), path.name
