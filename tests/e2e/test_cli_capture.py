"""``dealjournal capture``, run as a script would: text and JSON output, exit statuses,
and the end-to-end rule: a thread where the contact wrote last at 15:00 leaves you owing
them a reply on day 3 (DOMAIN.md: T − last_inbound_on > 2)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import dj

BERLIN = {"TZ": "Europe/Berlin"}
# I wrote at 10:00, she replied at 15:00 on 2026-11-30 (all times +0100, Berlin's winter time).
THREAD = (
    "From me@example.com Mon Nov 30 10:00:00 2026\n"
    "From: Sam Seller <me@example.com>\nTo: Ada Byron <ada@example.com>\nCc: Bea <bea@example.com>\n"
    "Date: Mon, 30 Nov 2026 10:00:00 +0100\nSubject: Proposal\nMessage-ID: <m1@x>\n\nHere it is.\n\n"
    "From ada@example.com Mon Nov 30 15:00:00 2026\n"
    "From: Ada Byron <ada@example.com>\nTo: Sam Seller <me@example.com>\n"
    "Date: Mon, 30 Nov 2026 15:00:00 +0100\nSubject: Re: Proposal\nMessage-ID: <m2@x>\n"
    "In-Reply-To: <m1@x>\nReferences: <m1@x>\n\nThanks, questions inside.\n\n"
    "From news@example.com Mon Nov 30 16:00:00 2026\n"
    "From: Newsletter <news@example.com>\nTo: me@example.com\nList-Id: <news.example.com>\n"
    "Date: Mon, 30 Nov 2026 16:00:00 +0100\nSubject: Weekly\nMessage-ID: <n1@x>\n\nNews.\n\n"
)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "j.sqlite3"
    run = dj("contact", "add", "Ada Byron", "--email", "ada@example.com", "--db", db)
    assert run.returncode == 0, run.stderr
    mail = tmp_path / "All mail.mbox"
    mail.write_text(THREAD, encoding="utf-8")
    return db, mail


def health(db: Path, as_of: str) -> dict:  # type: ignore[type-arg]
    run = dj("report", "health", "--as-of", as_of, "--json", "--db", db, env=BERLIN)
    assert run.returncode == 0, run.stderr
    [ada] = [c for c in json.loads(run.stdout)["contacts"] if c["name"] == "Ada Byron"]
    return ada  # type: ignore[no-any-return]


def test_a_thread_she_answered_last_leaves_you_owing_her_on_day_3(setup: tuple[Path, Path]) -> None:
    db, mail = setup
    run = dj("capture", mail, "--me", "me@example.com", "--db", db, env=BERLIN)
    assert run.returncode == 0, run.stderr
    assert "added 2" in run.stdout and "1 list" in run.stdout
    assert health(db, "2026-12-02")["owes_reply"] is False  # two days: still in time
    day3 = health(db, "2026-12-03")
    assert day3["owes_reply"] is True and day3["one_sided"] == "taking"
    assert day3["last_inbound_on"] == "2026-11-30" and day3["unanswered"] == 0


def test_json_output_and_a_second_capture_adds_nothing(setup: tuple[Path, Path]) -> None:
    db, mail = setup
    first = dj("capture", mail, "--me", "me@example.com", "--json", "--db", db, env=BERLIN)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"files": [{
        "file": str(mail), "format": "mbox", "added": 2, "already_there": 0, "ignored": {"list": 1},
        "unmatched": []}]}
    second = dj("capture", mail, "--json", "--db", db, env=BERLIN)  # --me was remembered
    assert json.loads(second.stdout)["files"][0] | {"ignored": None} == {
        "file": str(mail), "format": "mbox", "added": 0, "already_there": 2, "ignored": None, "unmatched": []}


def test_add_unknown_and_dry_run(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db, mail = setup
    reply = tmp_path / "bea.eml"
    reply.write_text("From: Bea <bea@example.com>\nTo: me@example.com\nDate: Tue, 01 Dec 2026 09:00:00 +0100\n"
                     "Subject: Hello\nMessage-ID: <b1@x>\n\nHi Sam\n", encoding="utf-8")
    dry = dj("capture", mail, reply, "--me", "me@example.com", "--dry-run", "--json", "--db", db, env=BERLIN)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["files"][1]["unmatched"] == [
        {"name": "Bea", "address": "bea@example.com", "messages": 1}]
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (0,)
    run = dj("capture", mail, reply, "--me", "me@example.com", "--add-unknown", "--db", db, env=BERLIN)
    assert run.returncode == 0, run.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT c.name, i.direction FROM interaction i JOIN contact c ON c.id = i.contact_id "
                            "WHERE c.name = 'Bea'").fetchall() == [("Bea", "in")]


def test_an_unreadable_file_exits_1_and_writes_nothing(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db, mail = setup
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff" * 1000)
    run = dj("capture", mail, junk, "--me", "me@example.com", "--db", db, env=BERLIN)
    assert run.returncode == 1
    assert run.stderr.startswith("dealjournal: Nothing was captured: junk.bin is not a mailbox")
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (0,)


def test_without_me_the_files_own_word_is_needed(setup: tuple[Path, Path]) -> None:
    db, mail = setup
    run = dj("capture", mail, "--db", db, env=BERLIN)
    assert run.returncode == 1 and "--me" in run.stderr


def _zip_cut_short(path: Path) -> Path:
    import zipfile

    whole = path.with_suffix(".full.zip")
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,DATE,CONTENT\n"
                         + "c1,Ada,https://www.linkedin.com/in/ada,2026-11-30 10:00:00 UTC,hello\n" * 2000)
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _invalid_utf8_mbox(path: Path) -> Path:
    path.write_bytes(THREAD.encode() .replace(b"Proposal", b"Pro\xff\xfeposal").replace(b"Ada Byron", b"Ad\xc3a Byron")
                     + b"From x Mon Nov 30 17:00:00 2026\nFrom: \xff\xff <ada@example.com>\nTo: me@example.com\n"
                       b"Date: Mon, 30 Nov 2026 17:00:00 +0100\nSubject: \xc0\xc1\nMessage-ID: <bad@x>\n\n\xff\n")
    return path


@pytest.mark.parametrize("make, status", [(_zip_cut_short, 1), (_invalid_utf8_mbox, 0)], ids=["truncated zip",
                                                                                               "invalid UTF-8"])
def test_hostile_files_exit_1_or_capture_cleanly_and_an_error_changes_nothing(
        setup: tuple[Path, Path], tmp_path: Path, make: object, status: int) -> None:
    db, _ = setup
    bad = make(tmp_path / "hostile.zip" if make is _zip_cut_short else tmp_path / "hostile.mbox")  # type: ignore[operator]
    before = db.read_bytes()
    run = dj("capture", bad, "--me", "me@example.com", "--db", db, env=BERLIN)
    assert run.returncode == status, run.stderr
    if status:
        assert run.stderr.startswith("dealjournal: Nothing was captured: hostile.zip") and "Traceback" not in run.stderr
        assert db.read_bytes() == before
    else:
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (3,)
