"""Malformed input from a generator, fed to every reader the command line has: ``dealjournal
import`` of JSON, vCard and CSV, ``dealjournal capture`` of mbox, iCalendar, WhatsApp, a
LinkedIn export .zip and Telegram JSON.

Each kind of damage — binary garbage (behind a head that sends it to the reader), a 50 MB
line, 100,000 folded or continued lines, NUL bytes, invalid UTF-8, a million CSV columns,
JSON (and vCards, calendar components) nested 100,000 deep, 100,000 records, and a few
reader-specific ones (a zip member that inflates to 200 MB, a truncated zip, a meeting
recurring every second since 2020) — is written to a file, and the real command runs on it
against a copy of a journal. Every case must end in exit 1 with a message (``dealjournal: …``)
or in a clean success (exit 0); never a crash (another status, or "Traceback" on standard
error); the child's peak RSS (``wait4``, measured on a grandchild of a small launcher, see
:func:`faultlib.dealjournal`) at most :data:`faultlib.MEMORY_BOUND_MB` (its address space is
capped at :data:`faultlib.MEMORY_CAP`, so that a runaway reader fails there, not the
machine); within :data:`TIMEOUT` seconds; on exit 1 the journal byte for byte as it was;
and the journal still opening and passing its check.

The cases run two at a time (they are subprocesses); each has its own test for the report.
"""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pytest

import faultlib

MB = 1024 * 1024
LINE = 50 * MB
FOLDS = 100_000
DEPTH = 100_000
COLUMNS = 1_000_000
TIMEOUT = 120
PARALLEL = 2


def _garbage(out: BinaryIO, size: int = 2 * MB, seed: int = 1) -> None:
    out.write(random.Random(seed).randbytes(size))


def _long(out: BinaryIO, size: int = LINE, unit: bytes = b"x") -> None:
    chunk = unit * (MB // len(unit))
    out.writelines(chunk for _ in range(size // len(chunk)))


# --- import: JSON ------------------------------------------------------------------------------

def _json_head(out: BinaryIO) -> None:
    out.write(b'{"format": "dealjournal", "version": 1, "contacts": [')


def json_garbage(out: BinaryIO) -> None:
    _json_head(out)
    _garbage(out)


def json_long_line(out: BinaryIO) -> None:  # one 50 MB name, on the one line of the file
    _json_head(out)
    out.write(b'{"id": "c1", "name": "')
    _long(out)
    out.write(b'"}]}')


def json_long_whitespace(out: BinaryIO) -> None:  # valid, after 50 MB of spaces on a line
    _json_head(out)
    _long(out, unit=b" ")
    out.write(b'{"id": "c1", "name": "Ada"}]}')


def json_deep_arrays(out: BinaryIO) -> None:
    out.write(b'{"format": "dealjournal", "version": 1, "contacts": ' + b"[" * DEPTH + b"]" * DEPTH + b"}")


def json_deep_objects(out: BinaryIO) -> None:
    _json_head(out)
    out.write(b'{"id": "c1", "name": "Ada", "notes": ' + b'{"a": ' * DEPTH + b"1" + b"}" * DEPTH + b"}]}")


def json_nul(out: BinaryIO) -> None:
    _json_head(out)
    out.write(b'{"id": "c1", "name": "A\x00da"}, {"id": "c2", "name": "Bea\\u0000"}]}\x00\x00')


def json_invalid_utf8(out: BinaryIO) -> None:
    _json_head(out)
    out.write(b'{"id": "c1", "name": "Ad\xc3\x28a \xff\xfe"}, {"id": "c2", "name": "\xed\xa0\x80"}]}')


def json_many_records(out: BinaryIO) -> None:  # 100,000 contacts with a bad field each
    _json_head(out)
    out.write(b",".join(b'{"id": "c%d", "name": %d}' % (i, i) for i in range(FOLDS)))
    out.write(b"]}")


# --- import: vCard -------------------------------------------------------------------------------

def vcard_garbage(out: BinaryIO) -> None:
    out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:")
    _garbage(out)


def vcard_long_line(out: BinaryIO) -> None:
    out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Line\r\nNOTE:")
    _long(out)
    out.write(b"\r\nEND:VCARD\r\n")


def vcard_folds(out: BinaryIO) -> None:
    out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded\r\nNOTE:start")
    out.write(b"\r\n fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold" * FOLDS)
    out.write(b"\r\nEND:VCARD\r\n")


def vcard_nul(out: BinaryIO) -> None:
    out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\x00da\r\nEMAIL:a\x00@example.com\r\nEND:VCARD\r\n" + b"\x00" * MB)


def vcard_invalid_utf8(out: BinaryIO) -> None:
    out.write(b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ad\xc3\x28a \xff\xfe\r\nNOTE:\xed\xa0\x80\xf8\x88\x80\x80\x80\r\n"
              b"END:VCARD\r\n")


def vcard_deep(out: BinaryIO) -> None:  # vCard 2.1 AGENT cards nested 100,000 deep, never closed
    out.write(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Outer\r\n" + b"AGENT:BEGIN:VCARD\r\nFN:Inner\r\n" * DEPTH)


def vcard_many_properties(out: BinaryIO) -> None:  # one card with 100,000 e-mail addresses
    out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n")
    out.write(b"".join(b"EMAIL:m%d@example.com\r\n" % i for i in range(FOLDS)))
    out.write(b"END:VCARD\r\n")


# --- import: CSV ---------------------------------------------------------------------------------

def csv_garbage(out: BinaryIO) -> None:
    out.write(b"Name,E-mail Address\r\n")
    _garbage(out)


def csv_columns(out: BinaryIO) -> None:  # a million columns in the header and in a row
    out.write(b"Name,E-mail Address," + b",".join(b"c%d" % i for i in range(COLUMNS)) + b"\r\n")
    out.write(b"Ada,ada@example.com," + b"x," * COLUMNS + b"\r\n")


def csv_long_line(out: BinaryIO) -> None:
    out.write(b"Name,E-mail Address,Notes\r\nAda,ada@example.com,")
    _long(out)
    out.write(b"\r\n")


def csv_quoted_folds(out: BinaryIO) -> None:  # a quoted field over 100,000 lines, never closed
    out.write(b'Name,E-mail Address,Notes\r\nAda,ada@example.com,"start\r\n' + b"more of the same note\r\n" * FOLDS)


def csv_nul(out: BinaryIO) -> None:
    out.write(b"Name,E-mail Address\r\nA\x00da,ada@example.com\r\n\x00\x00\x00,\x00\r\n" + b"\x00" * MB)


def csv_invalid_utf8(out: BinaryIO) -> None:
    out.write(b"Name,E-mail Address\r\nAd\xc3\x28a \xff\xfe,ada@example.com\r\n\xed\xa0\x80,b@example.com\r\n")


# --- capture: mbox -------------------------------------------------------------------------------

_FROM = b"From ada@example.com Mon Jan 05 10:00:00 2026\n"
_HEADERS = (b"From: Ada Byron <ada@example.com>\nTo: Sam Seller <sam.seller@example.com>\n"
            b"Date: Mon, 05 Jan 2026 10:00:00 +0100\nMessage-ID: <m%d@x>\nSubject: Hello\n")


def mbox_garbage(out: BinaryIO) -> None:
    out.write(_FROM + _HEADERS % 1)
    _garbage(out)


def mbox_long_line(out: BinaryIO) -> None:  # a 50 MB header line
    out.write(_FROM + _HEADERS % 1 + b"X-Long: ")
    _long(out)
    out.write(b"\n\nbody\n")


def mbox_folds(out: BinaryIO) -> None:  # a header continued over 100,000 lines
    out.write(_FROM + _HEADERS % 1 + b"References: <r0@x>")
    out.write(b"\n <reference-of-a-long-thread@example.com>" * FOLDS)
    out.write(b"\n\nbody\n")


def mbox_nul(out: BinaryIO) -> None:
    out.write(_FROM + b"From: A\x00da <ada@exa\x00mple.com>\nTo: sam.seller@example.com\n"
              b"Date: Mon, 05 Jan 2026 10:00:00 +0100\nMessage-ID: <n\x00@x>\n\n\x00\x00\x00\n" + b"\x00" * MB)


def mbox_invalid_utf8(out: BinaryIO) -> None:
    out.write(_FROM + b"From: Ad\xc3\x28a \xff <ada@example.com>\nTo: sam.seller@example.com\n"
              b"Subject: =?utf-8?B?/w==?= \xed\xa0\x80\nDate: Mon, 05 Jan 2026 10:00:00 +0100\n"
              b"Message-ID: <u1@x>\n\n\xf8\x88\x80\x80\x80\n")


def mbox_many_messages(out: BinaryIO) -> None:  # 100,000 tiny messages without dates
    out.write(b"".join(b"From x Mon Jan 05 10:00:00 2026\nFrom: p%d@example.com\nMessage-ID: <%d@x>\n\n.\n" % (i, i)
                       for i in range(FOLDS)))


# --- capture: iCalendar --------------------------------------------------------------------------

_VCAL = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fault//EN\r\n"
_EVENT = (b"BEGIN:VEVENT\r\nUID:e%d@x\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\n"
          b"ORGANIZER:mailto:sam.seller@example.com\r\nATTENDEE;CN=Ada:mailto:ada@example.com\r\n")


def ics_garbage(out: BinaryIO) -> None:
    out.write(_VCAL + _EVENT % 1)
    _garbage(out)


def ics_long_line(out: BinaryIO) -> None:
    out.write(_VCAL + _EVENT % 1 + b"DESCRIPTION:")
    _long(out)
    out.write(b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def ics_folds(out: BinaryIO) -> None:
    out.write(_VCAL + _EVENT % 1 + b"DESCRIPTION:start")
    out.write(b"\r\n fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold-fold" * FOLDS)
    out.write(b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def ics_deep(out: BinaryIO) -> None:  # components nested 100,000 deep
    out.write(_VCAL + _EVENT % 1 + b"BEGIN:VALARM\r\n" * DEPTH + b"END:VALARM\r\n" * DEPTH
              + b"END:VEVENT\r\nEND:VCALENDAR\r\n")


def ics_nul(out: BinaryIO) -> None:
    out.write(_VCAL + _EVENT % 1 + b"SUMMARY:Me\x00et\r\nEND:VEVENT\r\n\x00\x00END:VCALENDAR\r\n" + b"\x00" * MB)


def ics_invalid_utf8(out: BinaryIO) -> None:
    out.write(_VCAL + _EVENT % 1 + b"SUMMARY:Ad\xc3\x28a \xff\xfe\r\nLOCATION:\xed\xa0\x80\r\n"
              b"END:VEVENT\r\nEND:VCALENDAR\r\n")


def ics_recurring(out: BinaryIO) -> None:  # one meeting every second, since 2020, forever
    out.write(_VCAL + b"BEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20200101T000000Z\r\nDURATION:PT1S\r\n"
              b"RRULE:FREQ=SECONDLY\r\nORGANIZER:mailto:sam.seller@example.com\r\n"
              b"ATTENDEE;CN=Ada:mailto:ada@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


# --- capture: WhatsApp ---------------------------------------------------------------------------

_CHAT = (b"1/15/26, 10:00 AM - Messages and calls are end-to-end encrypted.\n"
         b"1/15/26, 10:01 AM - Ada Lovelace: Hello Sam\n1/15/26, 10:02 AM - Sam Seller: Hi Ada\n")


def whatsapp_garbage(out: BinaryIO) -> None:
    out.write(_CHAT)
    _garbage(out)


def whatsapp_long_line(out: BinaryIO) -> None:
    out.write(_CHAT + b"1/15/26, 10:03 AM - Ada Lovelace: ")
    _long(out)
    out.write(b"\n")


def whatsapp_continued(out: BinaryIO) -> None:  # one message continued over 100,000 lines
    out.write(_CHAT + b"1/15/26, 10:03 AM - Ada Lovelace: start\n" + b"and then some more of it\n" * FOLDS)


def whatsapp_nul(out: BinaryIO) -> None:
    out.write(_CHAT + b"1/15/26, 10:03 AM - A\x00da: he\x00llo\n" + b"\x00" * MB)


def whatsapp_invalid_utf8(out: BinaryIO) -> None:
    out.write(_CHAT + b"1/15/26, 10:03 AM - Ad\xc3\x28a \xff: \xed\xa0\x80\n")


def whatsapp_zip_bomb(out: BinaryIO) -> None:  # a chat .zip whose text member inflates to 200 MB
    _zip(out, {"WhatsApp Chat with Ada Lovelace.txt": [_CHAT + b"1/15/26, 10:03 AM - Ada Lovelace: ",
                                                       *_many(b"x", 200 * MB), b"\n"]})


# --- capture: LinkedIn export .zip -----------------------------------------------------------------

_LI_HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\r\n"
_LI_ROW = (b"c1,,Ada Lovelace,https://www.linkedin.com/in/ada,Sam Seller,2026-01-05 10:00:00 UTC,,Hello,INBOX\r\n")


def _zip(out: BinaryIO, members: dict[str, bytes | list[bytes]]) -> None:
    """A zip of *members* (a list of pieces is written piece by piece: a bomb needs no memory here)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for piece in data if isinstance(data, list) else [data]:
                    member.write(piece)


def _many(piece: bytes, size: int) -> list[bytes]:
    """*size* bytes of *piece*, as a list of 1 MB references to one chunk."""
    chunk = piece * (MB // len(piece))
    return [chunk] * (size // len(chunk))


def linkedin_garbage(out: BinaryIO) -> None:
    _zip(out, {"messages.csv": _LI_HEADER + _LI_ROW + random.Random(2).randbytes(2 * MB)})


def linkedin_columns(out: BinaryIO) -> None:
    _zip(out, {"messages.csv": _LI_HEADER.rstrip() + b"," + b",".join(b"c%d" % i for i in range(COLUMNS))
               + b"\r\n" + _LI_ROW.rstrip() + b"," + b"x," * COLUMNS + b"\r\n"})


def linkedin_long_line(out: BinaryIO) -> None:
    _zip(out, {"messages.csv": [_LI_HEADER + b"c1,,Ada,https://www.linkedin.com/in/ada,Sam Seller,"
                                b"2026-01-05 10:00:00 UTC,,", *_many(b"x", LINE), b",INBOX\r\n"]})


def linkedin_nul_and_utf8(out: BinaryIO) -> None:
    _zip(out, {"messages.csv": _LI_HEADER + b"c1,,A\x00da \xff\xfe,https://www.linkedin.com/in/a\x00,Sam,"
               b"2026-01-05 10:00:00 UTC,,He\xc3\x28llo,INBOX\r\n", "Invitations.csv": b"\x00" * MB})


def linkedin_truncated(out: BinaryIO) -> None:
    buffer = io.BytesIO()
    _zip(buffer, {"messages.csv": _LI_HEADER + _LI_ROW * 20_000})
    data = buffer.getvalue()
    out.write(data[: len(data) // 2])


def linkedin_bomb(out: BinaryIO) -> None:  # messages.csv inflates to 200 MB of one field
    _zip(out, {"messages.csv": [_LI_HEADER + b"c1,,Ada,https://www.linkedin.com/in/ada,Sam Seller,"
                                b"2026-01-05 10:00:00 UTC,,\"", *_many(b"x", 200 * MB), b"\",INBOX\r\n"]})


# --- capture: Telegram JSON ----------------------------------------------------------------------

_TG = b'{"name": "Ada Lovelace", "type": "personal_chat", "id": 5001, "messages": ['


def telegram_deep(out: BinaryIO) -> None:
    out.write(_TG + b'{"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "from": "Ada", "text": '
              + b"[" * DEPTH + b"]" * DEPTH + b"}]}")


def telegram_garbage(out: BinaryIO) -> None:
    out.write(_TG)
    _garbage(out)


def telegram_long_line(out: BinaryIO) -> None:
    out.write(_TG + b'{"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "from": "Ada", "text": "')
    _long(out)
    out.write(b'"}]}')


def telegram_nul_and_utf8(out: BinaryIO) -> None:
    out.write(_TG + b'{"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "from": "A\x00da \xff", '
              b'"text": "\xed\xa0\x80"}]}\x00')


# --- the cases -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Malformed:
    reader: str  # json, vcard, csv (import); mbox, ics, whatsapp, linkedin, telegram (capture)
    damage: str
    write: Callable[[BinaryIO], None]

    @property
    def name(self) -> str:
        return f"{self.reader}-{self.damage}"

    def argv(self, path: Path, journal: Path) -> list[str | Path]:
        if self.reader in ("json", "vcard", "csv"):
            return ["import", path, "--format", self.reader, "--db", journal]
        return ["capture", path, "--me", faultlib.ME, "--add-unknown", "--db", journal]


SUFFIX = {"json": ".json", "vcard": ".vcf", "csv": ".csv", "mbox": ".mbox", "ics": ".ics", "whatsapp": ".txt",
          "linkedin": ".zip", "telegram": ".json"}
DAMAGE_OF = {"garbage": "binary garbage", "long_line": "a 50 MB line", "long_whitespace": "a 50 MB line",
             "folds": "100k folds", "quoted_folds": "100k folds", "continued": "100k folds", "nul": "NUL bytes",
             "invalid_utf8": "invalid UTF-8", "nul_and_utf8": "NUL bytes, invalid UTF-8",
             "columns": "a million CSV columns", "deep": "100k-deep nesting", "deep_arrays": "100k-deep JSON",
             "deep_objects": "100k-deep JSON"}


def generate() -> list[Malformed]:
    """Every generator above, as a case (the function's name says reader and damage)."""
    found = []
    for name, fn in globals().items():
        reader, _, damage = name.partition("_")
        if reader in SUFFIX and damage and callable(fn) and not name.startswith("_"):
            found.append(Malformed(reader, damage, fn))
    return found


CASES = generate()


@dataclass
class Outcome:
    case: str
    run: faultlib.Run
    problems: list[str]


def base_journal(folder: Path) -> Path:
    """A small journal, backed up and closed (nothing but a successful write may change it)."""
    from test_kills import write_exchange_file

    folder.mkdir(parents=True, exist_ok=True)
    doc, journal = folder / "base.json", folder / "base.sqlite3"
    write_exchange_file(doc, 200, prefix="Known")
    for argv in (["import", doc], ["backup"]):
        run = faultlib.dealjournal(*argv, "--db", journal, folder=folder)
        assert run.code == 0, str(run)
    shutil.rmtree(journal.with_name(journal.name + ".backups"))
    for side in journal.parent.glob(journal.name + "?*"):
        side.unlink()
    return journal


def run_case(case: Malformed, base: Path, folder: Path) -> Outcome:
    """Write *case*'s file, run the command on it, judge the ending."""
    work = folder / case.name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = work / f"malformed{SUFFIX[case.reader]}"
    with source.open("wb") as out:
        case.write(out)
    journal = work / "journal.sqlite3"
    shutil.copyfile(base, journal)
    before = faultlib.journal_state(journal)
    run = faultlib.dealjournal(*case.argv(source, journal), timeout=TIMEOUT, folder=work)
    problems = []
    if run.timed_out:
        problems.append(f"still running after {TIMEOUT} s")
    if run.crashed:
        problems.append(f"crashed: exit {run.code}" + (", a traceback" if "Traceback" in run.stderr else ""))
    elif run.code == 1:
        if faultlib.journal_state(journal) != before:
            problems.append("exit 1, but the journal changed")
        if not any(line.startswith("dealjournal: ") for line in run.stderr.splitlines()):
            problems.append(f"exit 1 without a message: {run.stderr[-300:]!r}")
    elif run.code == 2:
        problems.append("exit 2 (bad usage) for a bad file")
    if run.peak_mb > faultlib.MEMORY_BOUND_MB:
        problems.append(f"peak RSS {run.peak_mb:.0f} MB > {faultlib.MEMORY_BOUND_MB} MB")
    problems += [f"the journal: {p}" for p in faultlib.opens(journal)]
    shutil.rmtree(work, ignore_errors=True)  # the 50 MB files
    return Outcome(case.name, run, problems)


def run_all(folder: Path, cases: list[Malformed] = CASES, parallel: int = PARALLEL) -> dict[str, Outcome]:
    base = base_journal(folder / "base")
    with ThreadPoolExecutor(parallel) as pool:
        done = pool.map(lambda c: run_case(c, base, folder), cases)
        return {o.case: o for o in done}


# --- the tests --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Outcome]]:
    yield run_all(tmp_path_factory.mktemp("malformed"))


def test_every_reader_and_every_kind_of_damage_is_generated() -> None:
    readers = {c.reader for c in CASES}
    assert readers == set(SUFFIX)
    kinds = {DAMAGE_OF.get(c.damage, c.damage) for c in CASES}
    for wanted in ("binary garbage", "a 50 MB line", "100k folds", "NUL bytes", "invalid UTF-8",
                   "a million CSV columns", "100k-deep JSON"):
        assert any(wanted in k for k in kinds), wanted


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_input(case: Malformed, outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes[case.name]
    assert not outcome.problems, f"{case.name}: {outcome.problems}\n{outcome.run}"


if __name__ == "__main__":  # python test_malformed.py [CASE…]: run cases and show how each ended
    import sys
    import tempfile

    chosen = [c for c in CASES if not sys.argv[1:] or c.name in sys.argv[1:]]
    with tempfile.TemporaryDirectory(prefix="dj-malformed-") as tmp:
        for o in run_all(Path(tmp), chosen).values():
            print(f"{o.case:32} exit {o.run.code:>3}  {o.run.peak_mb:6.0f} MB  "
                  f"{'OK' if not o.problems else o.problems}  {o.run.stderr.strip()[-160:]!r}")
