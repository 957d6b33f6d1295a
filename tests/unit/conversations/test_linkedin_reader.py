"""The LinkedIn reader: messages.csv of every era, Invitations.csv, the export .zip, hostile files.

The fixtures under ``fixtures/linkedin/`` are our own, with invented people; they reproduce
the structure of real exports (2021: 9 columns and names only; 2026: every field quoted,
multi-line CONTENT, drafts, sponsored rows; a re-saved file with a BOM, CRLF and a
``Notes:`` preamble). Each test names the turns per counterpart worked out by hand.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import model
from dealjournal.conversations.linkedin import CsvRows, LinkedInReader, first_line
from dealjournal.conversations.model import (
    CaptureCancelled,
    CaptureFormatError,
    Message,
    Party,
)
from tests.unit.conversations.conftest import FIXTURES, corpus_files

HERE = FIXTURES / "linkedin"
NOW = datetime(2026, 12, 3, 12, 0)
ME_URL = "https://www.linkedin.com/in/me-slug"
ADA = "url:linkedin.com/in/ada-lovelace"
BEA = "url:linkedin.com/in/bea-b"
ZOE = "url:linkedin.com/in/zoë-brandt"

# Upstream basenames of real LinkedIn exports in ../shared/realdata/capture/ with their
# counts worked out by hand; none of the collected public samples is a LinkedIn messages
# or invitations export yet, so every corpus file the reader claims is only read through.
EXPECTED_CORPUS: dict[str, dict[str, dict[str, int]]] = {}


@pytest.fixture(autouse=True)
def _berlin(local_tz: str) -> Iterator[None]:
    """UTC times become Berlin wall-clock times (visible in the day a turn falls on)."""
    yield


def me() -> Me:
    return Me.parse([ME_URL, "Sam Seller"], region="DE")


def turns(**counts: tuple[int, int]) -> dict[str, dict[str, int]]:
    return {key: {"in": i, "out": o, "meeting": 0} for key, (i, o) in counts.items()}


def read(path: Path) -> tuple[LinkedInReader, list[Message]]:
    reader = LinkedInReader(path)
    records = [r for r in reader.records() if isinstance(r, Message)]
    return reader, records


def sniffs(path: Path) -> bool:
    with path.open("rb") as handle:
        return LinkedInReader.sniff(path, handle.read(1 << 16))


def write_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


# --- messages.csv ------------------------------------------------------------------------


def test_2026_export_quoted_multiline_drafts_sponsored_and_spam() -> None:
    reader, records = read(HERE / "messages_2026_quoted.csv")
    # Ada wrote twice (one turn), Sam replied, Ada wrote at 23:30 UTC = 00:30 in Berlin the
    # next day (a turn of its own); Sam's draft is not a touch. In the group Sam wrote to Bea
    # and Zoë, Zoë answered. The sponsored row, the LinkedIn Member and the spam are ignored.
    assert tally(records, me(), now=NOW) == turns(**{ADA: (2, 1), BEA: (0, 1), ZOE: (1, 1)})
    ignored = [(r.sender.name, r.ignored) for r in records if r.ignored]
    assert ignored == [("Sam Seller", model.FOLDER), ("Acme Webinars", model.SYSTEM),
                       ("LinkedIn Member", model.NO_PROFILE), ("Carl Crook", model.FOLDER)]
    first = records[0]
    assert first.conversation == "2-QURBLTE=" and first.channel == "linkedin"
    assert first.at == datetime(2026, 1, 10, 10, 0)
    assert first.subject == "Hi Sam,"
    assert first.sender == Party(model.URL, "https://www.linkedin.com/in/ada-lovelace", "Ada Lovelace")
    assert first.to == (Party(model.URL, ME_URL, "Sam Seller"),)
    assert records[1].subject == 'Also: what about "pricing"?'
    assert records[3].at == datetime(2026, 1, 11, 0, 30)
    group = records[5]
    assert group.to == (Party(model.URL, "https://www.linkedin.com/in/bea-b", "Bea Berg"),
                        Party(model.URL, "https://www.linkedin.com/in/zo%C3%AB-brandt", "Zoë Brandt"))
    assert group.subject == 'Kick-off "pilot" tomorrow, 9:00'
    assert records[7].subject == "Join our webinar"   # SUBJECT wins over the first line
    assert reader.me_hints == [Party(model.URL, ME_URL, "Sam Seller")]
    assert reader.skipped == {}


def test_2021_export_without_recipient_urls_touches_recipients_by_name() -> None:
    reader, records = read(HERE / "messages_2021_9col.csv")
    # Jane wrote (by URL); Sam answered "Jane Doe, Ph.D." (one name holding ", ") and wrote
    # to Omar and Li (two names); Omar answered from the ARCHIVE folder (a touch).
    assert tally(records, me(), now=NOW) == turns(**{
        "url:linkedin.com/in/jane-doe-phd": (1, 0), "name:Jane Doe, Ph.D.": (0, 1),
        "name:Omar Khan": (0, 1), "name:Li Wei": (0, 1), "url:linkedin.com/in/omar-k": (1, 0)})
    assert [r.subject for r in records] == ["Partnership", "Thanks Jane", "Hi both", "Thanks!"]
    assert records[1].to == (Party(model.NAME, "Jane Doe, Ph.D.", "Jane Doe, Ph.D."),)
    assert reader.skipped == {model.UNREADABLE: 1}    # the row without a conversation id
    assert reader.me_hints == []                       # no recipient URLs: nothing says which is Sam


def test_resaved_file_with_bom_crlf_preamble_and_other_header_case() -> None:
    reader, records = read(HERE / "messages_resaved_bom_preamble.csv")
    # July: Berlin is UTC+2. Kim at 14:00, Sam at 23:59, Kim at 00:01 the next day.
    assert tally(records, me(), now=NOW) == turns(**{
        "url:linkedin.com/in/kim-lee": (2, 1), "url:linkedin.com/in/pat-p": (0, 1),
        "url:linkedin.com/in/quinn-q": (0, 1)})
    assert [r.at for r in records[:3]] == [datetime(2024, 7, 1, 14, 0), datetime(2024, 7, 1, 23, 59),
                                           datetime(2024, 7, 2, 0, 1)]
    assert records[0].sender.value == "https://www.linkedin.com/in/Kim-Lee/?trk=people"  # as written
    assert [p.name for p in records[3].to] == ["Pat Park", "Quinn Q\ufffduist"]  # invalid byte replaced
    assert reader.me_hints == [Party(model.URL, ME_URL, "Sam Seller")]


def test_keys_are_stable_across_a_reexport_with_other_columns_and_line_ends(tmp_path: Path) -> None:
    _, records = read(HERE / "messages_2026_quoted.csv")
    rows = list(CsvRows(io.StringIO((HERE / "messages_2026_quoted.csv").read_text(encoding="utf-8"))))
    order = [8, 6, 0, 2, 4, 5, 3, 9, 7, 1]       # CONTENT first, no ATTACHMENTS / draft columns
    crlf = [[cell.replace("\r\n", "\n").replace("\n", "\r\n") for cell in row] for row in rows]
    lines = (",".join('"' + row[i].replace('"', '""') + '"' for i in order) for row in crlf)
    again = tmp_path / "messages.csv"
    again.write_bytes("\r\n".join(lines).encode("utf-8"))
    _, reread = read(again)
    assert [r.key for r in reread if r.subject != "Draft I never sent"] == \
           [r.key for r in records if r.subject != "Draft I never sent"]
    assert len({r.key for r in records}) == len(records)


def test_first_line_drops_html_and_blank_lines() -> None:
    assert first_line('<p class="x">Hi &amp; welcome,</p><p>second</p>') == "Hi & welcome,"
    assert first_line("\n\n   \r\n  real start  \nmore") == "real start"
    assert first_line("x" * 500) == "x" * 120


def test_csv_rows_read_what_the_csv_module_reads() -> None:
    import csv

    text = 'a,"b ""q"", c",d\r\n"multi\nline",,"x"y\n\nlast,"open'
    assert list(CsvRows(io.StringIO(text))) == [r for r in csv.reader(io.StringIO(text, newline="")) if r]


# --- Invitations.csv ---------------------------------------------------------------------


def test_invitations_with_profile_urls() -> None:
    reader, records = read(HERE / "Invitations_2025.csv")
    # Sam invited Ada and Bea (outbound), Rui invited Sam (inbound); a row whose date does not
    # read is skipped, an inviter without a profile URL is not a touch.
    assert tally(records, me(), now=NOW) == turns(**{
        ADA: (0, 1), "url:linkedin.com/in/rui-costa": (1, 0), BEA: (0, 1)})
    ada, rui, bea, member = records
    assert ada.conversation == "invitation:https://www.linkedin.com/in/ada-lovelace"
    assert ada.at == datetime(2026, 1, 29, 14, 37) and ada.sent
    assert ada.subject == "LinkedIn invitation"
    assert rui.conversation == "invitation:https://www.linkedin.com/in/rui-costa" and not rui.sent
    assert rui.at == datetime(2026, 2, 3, 9, 5)
    assert rui.subject == "Hi Sam, we met at the expo."
    assert bea.at == datetime(2025, 12, 31, 23, 59)   # "11:59\u202fPM"
    assert member.ignored == model.NO_PROFILE
    assert reader.skipped == {model.UNREADABLE: 1}
    assert reader.me_hints == [Party(model.URL, ME_URL, "Sam Seller")]


def test_invitations_before_profile_urls_use_names() -> None:
    reader, records = read(HERE / "Invitations_2021.csv")
    assert tally(records, me(), now=NOW) == turns(**{"name:Omar Khan": (0, 1), "name:Li Wei": (1, 0)})
    assert [r.at for r in records] == [datetime(2021, 3, 4, 10, 15), datetime(2021, 3, 5, 16, 40)]
    assert all(r.ignored is None for r in records)
    assert reader.me_hints == [Party(model.NAME, "Sam Seller", "Sam Seller")]


# --- the export .zip ---------------------------------------------------------------------


def export_zip(tmp_path: Path) -> Path:
    """An export whose messages.csv sits in a folder, with files that must not be read."""
    coach = (HERE / "messages_2026_quoted.csv").read_bytes()   # same header, other file
    return write_zip(tmp_path / "Complete_LinkedInDataExport_01-20-2026.zip", {
        "Complete_LinkedInDataExport_01-20-2026/messages.csv": (HERE / "messages_2026_quoted.csv").read_bytes(),
        "Invitations.csv": (HERE / "Invitations_2025.csv").read_bytes(),
        "Connections.csv": b"Notes:\n\"...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        "coach_messages.csv": coach,
        "guide_messages.csv": b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n",
    })


def test_whole_export_zip_reads_messages_and_invitations_wherever_they_sit(tmp_path: Path) -> None:
    path = export_zip(tmp_path)
    assert sniffs(path)
    reader, records = read(path)
    # messages.csv as above, plus the invitations to Ada and Bea and from Rui.
    assert tally(records, me(), now=NOW) == turns(**{
        ADA: (2, 2), BEA: (0, 2), ZOE: (1, 1), "url:linkedin.com/in/rui-costa": (1, 0)})
    assert len(records) == 10 + 4
    assert reader.me_hints == [Party(model.URL, ME_URL, "Sam Seller")]


def test_truncated_zip_is_a_format_error_naming_the_file(tmp_path: Path) -> None:
    whole = export_zip(tmp_path).read_bytes()
    cut = tmp_path / "export.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    assert sniffs(cut)        # its first local header still names messages.csv
    with pytest.raises(CaptureFormatError, match="export.zip is not a readable zip archive"):
        list(LinkedInReader(cut).records())


def test_damaged_member_is_a_format_error(tmp_path: Path) -> None:
    big = (HERE / "messages_2026_quoted.csv").read_bytes() * 50
    data = bytearray(write_zip(tmp_path / "x.zip", {"messages.csv": big}).read_bytes())
    middle = len(data) // 3
    data[middle:middle + 40] = b"\x00" * 40
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CaptureFormatError, match="messages.csv in damaged.zip cannot be read"):
        list(LinkedInReader(damaged).records())


def test_zip_without_messages_or_invitations_names_what_was_expected(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "photos.zip", {"Connections.csv": b"First Name\n", "a/messages.txt": b"x"})
    assert not sniffs(path)
    with pytest.raises(CaptureFormatError) as caught:
        list(LinkedInReader(path).records())
    assert "photos.zip" in str(caught.value)
    assert "messages.csv" in str(caught.value) and "Invitations.csv" in str(caught.value)


# --- detection and hostile input ---------------------------------------------------------


@pytest.mark.parametrize("content", [
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,,,,,01 Jan 2020\n",
    b"name,email\nAda,ada@example.com\n",
    b'{"messages": []}',
    b"12/01/2024, 10:00 - Ada: hello\n",
])
def test_sniff_rejects_other_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "messages.csv"
    path.write_bytes(content)
    assert not sniffs(path)


def test_sniff_accepts_every_fixture_from_its_content(tmp_path: Path) -> None:
    for fixture in sorted(HERE.iterdir()):
        renamed = tmp_path / (fixture.stem + ".txt")
        renamed.write_bytes(fixture.read_bytes())
        assert sniffs(renamed), fixture.name


def test_file_with_rows_but_no_header_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    path.write_bytes(b"a,b,c\n" * 20)
    with pytest.raises(CaptureFormatError, match="messages.csv has no header LinkedIn writes"):
        list(LinkedInReader(path).records())


def test_header_only_and_empty_files_have_no_records(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    path.write_bytes(b"CONVERSATION ID,FROM,DATE\n")
    assert list(LinkedInReader(path).records()) == []
    path.write_bytes(b"")
    assert list(LinkedInReader(path).records()) == []


def test_invalid_utf8_everywhere_never_crashes(tmp_path: Path) -> None:
    text = (HERE / "messages_2026_quoted.csv").read_bytes()
    path = tmp_path / "messages.csv"
    path.write_bytes(text.replace(b"a", b"a\xff\xfe").replace(b"\n", b"\n\xc3"))
    _, records = read(path)
    assert records and all(isinstance(r.subject, str) for r in records)


def test_one_bad_row_never_raises(tmp_path: Path) -> None:
    header = (HERE / "messages_2026_quoted.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    path = tmp_path / "messages.csv"
    path.write_text(header + '\n"c1","","Ada","https://www.linkedin.com/in/a","Sam","","not a date"\n'
                    '"c1"\n"c1","","Ada","https://www.linkedin.com/in/a","Sam","","2026-13-40 10:00:00 UTC"\n'
                    '"c1","","Ada","https://www.linkedin.com/in/a","Sam","","2026-01-01 10:00:00 UTC","","ok"\n',
                    encoding="utf-8")
    reader, records = read(path)
    assert [r.subject for r in records] == ["ok"]
    assert reader.skipped == {model.UNREADABLE: 3}


def test_a_50_mb_content_cell_costs_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    with path.open("wb") as out:
        out.write(b"CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n")
        out.write(b'c1,Ada,https://www.linkedin.com/in/ada,Sam,' + ME_URL.encode() + b',2026-01-01 10:00:00 UTC,"')
        for _ in range(50):
            out.write(b"x" * (1 << 20))
        out.write(b'"\n' + b"," * 100_000 + b"\n")     # and a row of 100,001 empty fields
        out.write(b'c1,Sam,' + ME_URL.encode() + b',Ada,https://www.linkedin.com/in/ada,2026-01-01 11:00:00 UTC,ok\n')
    tracemalloc.start()
    try:
        reader, records = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * (1 << 20), f"peak {peak / (1 << 20):.1f} MiB"
    assert [r.subject for r in records] == ["x" * 120, "ok"]
    assert reader.skipped == {model.UNREADABLE: 1}


def test_progress_is_told_and_cancel_stops(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    row = '"c1","","Ada","https://www.linkedin.com/in/ada","Sam","","2026-01-01 10:00:00 UTC","","hello"\n'
    path.write_text("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
                    "SUBJECT,CONTENT\n" + row * 20_000, encoding="utf-8")
    told: list[int] = []
    assert sum(1 for _ in LinkedInReader(path, told.append).records()) == 20_000
    assert told and told == sorted(told) and told[-1] <= path.stat().st_size
    with pytest.raises(CaptureCancelled):
        list(LinkedInReader(path, lambda done: False).records())


# --- the real corpus ---------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.skipif(not corpus_files(), reason="no ../shared/realdata/capture/")
def test_every_real_linkedin_export_reads() -> None:
    claimed = [p for p in corpus_files() if sniffs(p)]
    for path in claimed:
        _, records = read(path)
        assert all(r.channel == "linkedin" and r.key for r in records), path.name
        for basename, expected in EXPECTED_CORPUS.items():
            if path.name.endswith(basename):
                assert tally(records, me(), now=NOW) == expected, path.name
