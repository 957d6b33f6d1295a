"""The e-mail readers: mbox (classic, Thunderbird, Gmail Takeout), Maildir, .eml, hostile files.

The fixtures under ``fixtures/mail/`` are our own, with invented people; they reproduce the
quirks of real mailboxes and of the public samples (stalwartlabs/mail-parser's mbox of
header-less messages with ``>From`` escapes and double-spaced ``From`` lines;
bastaga15/mail-contacts' mailbox without Message-IDs, with a reply threaded by subject
only, an address in two cases, an encoded display name, a no-reply sender and an Exchange
X.500 name). Every mbox test runs on the file as written (LF) and with CRLF line ends.
Each names the turns per counterpart worked out by hand (Me: sam.seller@example.com and
sam@seller.example).
"""

from __future__ import annotations

import importlib.util
import mailbox
import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesHeaderParser
from pathlib import Path
from types import ModuleType

import pytest

from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import model
from dealjournal.conversations.mail import EmlReader, MaildirReader, MboxReader
from dealjournal.conversations.model import (
    CaptureCancelled,
    CaptureFormatError,
    Message,
    Party,
)
from tests.unit.conversations.conftest import CORPUS, FIXTURES

HERE = FIXTURES / "mail"
NOW = datetime(2026, 12, 3, 12, 0)
ME = Me.parse(["sam.seller@example.com", "sam@seller.example", "+49 170 1234567"], region="DE")
MAKE_MBOX = Path(__file__).resolve().parents[2] / "perf" / "make_mbox.py"
MIB = 1 << 20


@dataclass(frozen=True)
class Upstream:
    """A public sample's expected counts, told apart from another of the same basename by
    a hint in the corpus file's name (its owner or repository)."""

    hints: tuple[str, ...]
    me: tuple[str, ...]
    tally: dict[str, dict[str, int]]
    skipped: dict[str, int] = field(default_factory=dict)


# Upstream basenames of real mailboxes that may sit in ../shared/realdata/capture/ (named
# "owner__basename"), with their counts worked out by hand from the upstream files.
EXPECTED_CORPUS: dict[str, tuple[Upstream, ...]] = {
    "sample.mbox": (
        # stalwartlabs/mail-parser resources/mbox/sample.mbox: four messages with a From line
        # and a body but no header at all ("Message 1"): nothing to count, four unreadable.
        Upstream(hints=("stalwart", "mail-parser", "mail_parser", "mailparser"), me=("me@example.com",),
                 tally={}, skipped={model.UNREADABLE: 4}),
        # bastaga15/mail-contacts tests/fixtures/sample.mbox, as Camille: Alice writes (2 Mar),
        # Camille answers "Re:" without reply headers, Bob and contact@ only in Cc (3 Mar),
        # Alice writes again from her address in capitals (5 Mar, another thread); the
        # no-reply report is ignored; Paul (Exchange X.500 name) wrote in January.
        Upstream(hints=("bastaga", "mail-contacts", "mail_contacts", "mailcontacts"),
                 me=("camille.martin@mon-entreprise.example",),
                 tally={"email:alice.durand@fournisseur-exemple.fr": {"in": 2, "out": 1, "meeting": 0},
                        "email:paul.petit@client-exemple.com": {"in": 1, "out": 0, "meeting": 0}}),
    ),
}


@pytest.fixture(autouse=True)
def _berlin(local_tz: str) -> Iterator[None]:
    """Dates with a zone become Berlin wall-clock times."""
    yield


def turns(**counts: tuple[int, int]) -> dict[str, dict[str, int]]:
    return {key: {"in": i, "out": o, "meeting": 0} for key, (i, o) in counts.items()}


def email(address: str) -> str:
    return "email:" + address


def messages(reader: model.Reader) -> list[Message]:
    records = list(reader.records())
    assert all(isinstance(r, Message) for r in records)
    return [r for r in records if isinstance(r, Message)]


@pytest.fixture(params=["lf", "crlf"])
def line_end(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def mbox(name: str, line_end: str, tmp_path: Path) -> Path:
    """The fixture as written, or a CRLF copy of it."""
    if line_end == "lf":
        return HERE / name
    copy = tmp_path / name
    copy.write_bytes((HERE / name).read_bytes().replace(b"\n", b"\r\n"))
    return copy


# --- the fixtures, one by one ----------------------------------------------------------------


def test_classic_mbox_with_escapes_and_a_message_without_headers(line_end: str, tmp_path: Path) -> None:
    """mail-parser's quirks: double spaces in From lines, ``>From``/``>>From`` escapes, body
    lines starting "From" (one after no blank line, one without a time) that start nothing,
    a first message with no header at all."""
    reader = MboxReader(mbox("classic_escapes.mbox", line_end, tmp_path))
    found = messages(reader)
    assert [m.key for m in found] == ["lunch-1@example.org", "lunch-2@example.com"]
    assert [m.at for m in found] == [datetime(2026, 7, 21, 19, 39, 23), datetime(2026, 7, 27, 15, 30)]
    assert {m.conversation for m in found} == {"thread:lunch-1@example.org"}
    assert found[0].sender == Party(model.EMAIL, "ada@example.org", "Ada Byron")
    assert found[0].to == (Party(model.EMAIL, "sam.seller@example.com", "Sam Seller"),)
    assert reader.skipped == {model.UNREADABLE: 1}
    assert tally(found, ME, now=NOW) == turns(**{email("ada@example.org"): (1, 1)})


def test_mbox_without_message_ids_threads_by_subject(line_end: str, tmp_path: Path) -> None:
    """mail-contacts' quirks: no Message-ID (keys are digests of Date, From and Subject, the
    same on every read and for CRLF), "Re:"/"RE:" replies without reply headers join the
    thread by subject, two same-day replies are one turn, Cc is not touched, an address
    in capitals is the same person, an Exchange X.500 display name is no name."""
    path = mbox("no_message_ids.mbox", line_end, tmp_path)
    found = messages(MboxReader(path))
    keys = [m.key for m in found]
    assert all(k.startswith("sha256:") for k in keys) and len(set(keys)) == 6
    assert keys == [m.key for m in messages(MboxReader(HERE / "no_message_ids.mbox"))]
    offer, reply, again, delivery, report, old = found
    assert offer.conversation == reply.conversation == again.conversation != delivery.conversation
    assert reply.cc == (Party(model.EMAIL, "marc.roy@example.net", "Roy, Marc"),
                        Party(model.EMAIL, "ventes@fournisseur.example"))
    assert delivery.sender == Party(model.EMAIL, "lea.dubois@fournisseur.example", "Léa Dubois")
    assert report.ignored == model.NO_REPLY
    assert old.sender == Party(model.EMAIL, "paul.petit@client.example", "")
    assert [m.ignored for m in found].count(None) == 5
    assert tally(found, ME, now=NOW) == turns(**{email("lea.dubois@fournisseur.example"): (2, 1),
                                                 email("paul.petit@client.example"): (1, 0)})


def test_thunderbird_mbox(line_end: str, tmp_path: Path) -> None:
    """``From - …`` lines; ISO-8859-1 (Q), KOI8-R (B and raw 8-bit with the declared charset)
    and a UTF-8 character split across two encoded words; a reply naming only its parent
    in In-Reply-To joins the root's thread; a deleted message Thunderbird has not compacted
    away yet (X-Mozilla-Status 0x0008) is not a touch; times in Berlin."""
    found = messages(MboxReader(mbox("thunderbird.mbox", line_end, tmp_path)))
    offer, answer, follow, deleted, olga, olga_again = found
    assert offer.sender.name == "Jürgen Müller" and offer.subject == "Angebot für München"
    assert offer.at == datetime(2026, 3, 3, 10, 0)   # 09:00 UTC
    assert follow.subject == "Re: Angebot für München"
    assert {offer.conversation, answer.conversation, follow.conversation} == {"thread:a1@client.example"}
    assert deleted.ignored == model.FOLDER
    assert olga.sender.name == "Ольга Смирнова" and olga.subject == "Предложение"
    assert olga.at == datetime(2026, 3, 5, 10, 0)    # 12:00 +0300
    assert olga_again.subject == "Re: Предложение" and olga_again.conversation == olga.conversation
    assert tally(found, ME, now=NOW) == turns(**{email("juergen@client.example"): (2, 1),
                                                 email("olga@example.ru"): (1, 0)})


def test_gmail_takeout(line_end: str, tmp_path: Path) -> None:
    """Takeout: threads by X-GM-THRID; labels Sent (and the mailbox's owner as the me hint),
    Spam, Trash, Drafts and a German "Entwürfe" (encoded) ignored, a quoted label with a
    comma; list, automatic and mailer-daemon mail; 21 recipients ignored, 20 not (only To
    touched); a date without a zone kept as written; no date or a bad one: unreadable."""
    reader = MboxReader(mbox("takeout.mbox", line_end, tmp_path))
    found = messages(reader)
    by_key = {m.key: m for m in found}
    assert by_key["g1@mail.gmail.com"].at == datetime(2026, 6, 1, 18, 0)     # 09:00 -0700 (PDT)
    assert by_key["g12@example.com"].at == datetime(2026, 6, 2, 10, 0)       # no zone: as written
    assert by_key["g1@mail.gmail.com"].conversation == "gmail:1790000000000000001"
    assert [m.key for m in found if m.sent] == ["g2@mail.gmail.com", "g3@mail.gmail.com", "g10@mail.gmail.com",
                                                "g11@mail.gmail.com", "g15@mail.gmail.com"]
    ignored = {m.key: m.ignored for m in found if m.ignored}
    assert ignored == {"g4@scam.example": model.FOLDER, "g5@example.org": model.FOLDER,
                       "g6@mail.gmail.com": model.FOLDER, "g14@mail.gmail.com": model.FOLDER,
                       "g7@shop.example": model.LIST, "g8@example.org": model.AUTOMATIC,
                       "g9@googlemail.com": model.NO_REPLY, "g10@mail.gmail.com": model.TOO_MANY_RECIPIENTS}
    assert len(by_key["g11@mail.gmail.com"].to) == 12 and len(by_key["g11@mail.gmail.com"].cc) == 8
    assert reader.skipped == {model.UNREADABLE: 2}
    assert reader.me_hints == [Party(model.EMAIL, "sam.seller@example.com", "Sam Seller")]
    workshop = {email(f"c{i:02d}@example.com"): (0, 1) for i in range(1, 13)}
    assert tally(found, ME, now=NOW) == turns(**{email("ada@example.org"): (1, 1),
                                                 email("carla@example.com"): (1, 1), **workshop})


def test_eml(tmp_path: Path) -> None:
    """One message: a byte-order mark, a folded To, an ISO-8859-1 B name, a subject in two
    Q words, a References root; found by content (also as CRLF, under any name)."""
    path = HERE / "offer.eml"
    assert EmlReader.sniff(path, path.read_bytes()) and not MboxReader.sniff(path, path.read_bytes())
    crlf = tmp_path / "offer.txt"
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    for where in (path, crlf):
        assert EmlReader.sniff(where, where.read_bytes())
        (offer,) = messages(EmlReader(where))
        assert offer.sender == Party(model.EMAIL, "ines@example.es", "Inés García")
        assert offer.to == (Party(model.EMAIL, "sam.seller@example.com", "Sam Seller"),
                            Party(model.EMAIL, "tomas@example.es", "Tomás Silva"))
        assert offer.subject == "Oferta para el año 2027"
        assert (offer.key, offer.conversation) == ("offer-9@example.es", "thread:first@example.com")
        assert offer.at == datetime(2026, 6, 10, 10, 0)
        assert tally([offer], ME, now=NOW) == turns(**{email("ines@example.es"): (1, 0)})


def test_an_mbox_named_after_its_folder(tmp_path: Path) -> None:
    """Thunderbird keeps each folder as a file of its name ("Sent", "Trash", "Papierkorb");
    Apple Mail exports "Sent Messages.mbox/mbox"; a byte-order mark and blank lines before
    the first From line (some converters write them) are passed over."""
    text = (HERE / "classic_escapes.mbox").read_bytes()
    apple = tmp_path / "Sent Messages.mbox"
    apple.mkdir()
    places = {"Sent": (True, None), "Trash": (False, model.FOLDER), "Papierkorb": (False, model.FOLDER),
              "Inbox": (False, None), "Sent Messages.mbox/mbox": (True, None)}
    for name, (sent, ignored) in places.items():
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf\n\r\n" + text)
        assert MboxReader.sniff(path, path.read_bytes())
        found = messages(MboxReader(path))
        assert [(m.sent, m.ignored) for m in found] == [(sent, ignored)] * 2, name


# --- Maildir ---------------------------------------------------------------------------------


def put(root: Path, folder: str, name: str, headers: str) -> None:
    """A message file in *folder* (relative to the Maildir *root*; "cur"/"new" last)."""
    where = root / folder
    for sub in ("cur", "new", "tmp"):
        (where.parent / sub).mkdir(parents=True, exist_ok=True)
    where.mkdir(parents=True, exist_ok=True)
    (where / name).write_text(headers.strip() + "\n\nThe body, never read.\n")


def make_maildir(root: Path) -> Path:
    """INBOX, Maildir++ folders (.Sent, .Trash, .Junk, German drafts in IMAP UTF-7,
    .INBOX.Gesendet), a nested Archive/2025 folder, T and D flags, a file still in tmp."""
    ada = "From: Ada Byron <ada@example.org>\nTo: sam.seller@example.com\n"
    sam = "From: Sam Seller <sam.seller@example.com>\n"
    put(root, "new", "1780000001.M1P1.host", ada + "Date: Mon, 1 Jun 2026 09:00:00 +0200\n"
        "Message-ID: <m1@example.org>\nSubject: Proposal")
    put(root, ".Sent/cur", "1780000002.M2P1.host:2,S", sam + "To: ada@example.org\nCc: bea@example.org\n"
        "Date: Mon, 1 Jun 2026 15:00:00 +0200\nMessage-ID: <m2@example.com>\nSubject: Re: Proposal\n"
        "References: <m1@example.org>")
    put(root, "cur", "1780000003.M3P1.host:2,S", ada + "Date: Tue, 2 Jun 2026 10:00:00 +0200\n"
        "Message-ID: <m3@example.org>\nSubject: Re: Proposal\nReferences: <m1@example.org> <m2@example.com>")
    put(root, ".Sent/cur", "1780000004.M4P1.host:2,S", sam + "To: Bea <bea@example.org>\n"
        "Date: Wed, 3 Jun 2026 10:00:00 +0200\nMessage-ID: <m4@example.com>\nSubject: Hello")
    put(root, ".Trash/cur", "1780000005.M5P1.host:2,S", "From: bea@example.org\nTo: sam.seller@example.com\n"
        "Date: Wed, 3 Jun 2026 11:00:00 +0200\nMessage-ID: <m5@example.org>\nSubject: Old")
    put(root, ".Junk/new", "1780000006.M6P1.host", "From: win@prize.example\nTo: sam.seller@example.com\n"
        "Date: Wed, 3 Jun 2026 12:00:00 +0200\nMessage-ID: <m6@prize.example>\nSubject: You won")
    put(root, ".Entw&APw-rfe/cur", "1780000007.M7P1.host:2,", sam + "To: carla@example.com\n"
        "Date: Thu, 4 Jun 2026 09:00:00 +0200\nMessage-ID: <m7@example.com>\nSubject: Entwurf")
    put(root, "cur", "1780000008.M8P1.host:2,ST", "From: carla@example.com\nTo: sam.seller@example.com\n"
        "Date: Thu, 4 Jun 2026 10:00:00 +0200\nMessage-ID: <m8@example.com>\nSubject: Trashed")
    put(root, "cur", "1780000009.M9P1.host:2,DS", sam + "To: carla@example.com\n"
        "Date: Thu, 4 Jun 2026 11:00:00 +0200\nMessage-ID: <m9@example.com>\nSubject: Draft")
    put(root, "Archive/2025/cur", "1750000000.M1P1.host:2,S", "From: Carla Rossi <carla@example.com>\n"
        "To: sam.seller@example.com\nDate: Fri, 3 Jan 2025 09:00:00 +0100\nMessage-ID: <a1@example.com>\n"
        "Subject: Archived")
    put(root, ".INBOX.Gesendet/cur", "1780000010.M10P1.host:2,S", sam + "To: carla@example.com\n"
        "Date: Fri, 5 Jun 2026 09:00:00 +0200\nMessage-ID: <m10@example.com>\nSubject: Angebot")
    put(root, "tmp", "1780000011.M11P1.host", "From: zoe@example.org\nTo: sam.seller@example.com\n"
        "Date: Fri, 5 Jun 2026 10:00:00 +0200\nMessage-ID: <m11@example.org>\nSubject: Being delivered")
    (root / "cur" / ".hidden").write_text("not a message")
    return root


def test_maildir_with_maildirpp_and_nested_folders(tmp_path: Path) -> None:
    root = make_maildir(tmp_path / "Mail")
    assert MaildirReader.sniff(root, b"") and not MaildirReader.sniff(root / "cur" / ".hidden", b"x")
    assert not MaildirReader.sniff(HERE, b"")
    reader = MaildirReader(root)
    found = messages(reader)
    by_key = {m.key: m for m in found}
    assert "m11@example.org" not in by_key   # still in tmp: not delivered yet
    assert {k for k, m in by_key.items() if m.ignored == model.FOLDER} == {
        "m5@example.org", "m6@prize.example", "m7@example.com", "m8@example.com", "m9@example.com"}
    assert {k for k, m in by_key.items() if m.sent} == {"m2@example.com", "m4@example.com", "m10@example.com"}
    assert by_key["m3@example.org"].conversation == by_key["m2@example.com"].conversation == "thread:m1@example.org"
    assert reader.me_hints == [Party(model.EMAIL, "sam.seller@example.com", "Sam Seller")]
    assert reader.size() == sum(p.stat().st_size for p in root.rglob("*") if p.is_file()
                                and p.parent.name != "tmp" and not p.name.startswith("."))
    assert tally(found, ME, now=NOW) == turns(**{email("ada@example.org"): (2, 1), email("bea@example.org"): (0, 1),
                                                 email("carla@example.com"): (1, 1)})


def test_maildir_file_that_vanishes_is_counted_and_the_rest_read(tmp_path: Path) -> None:
    root = make_maildir(tmp_path / "Mail")
    reader = MaildirReader(root)
    records = reader.records()
    before = [next(records), next(records)]    # INBOX: new/ (m1), then the first of cur/ (m3)
    (root / "cur" / "1780000008.M8P1.host:2,ST").unlink()
    rest = list(records)
    assert [r.key for r in before] == ["m1@example.org", "m3@example.org"] and len(rest) == 8
    assert reader.skipped == {model.UNREADABLE: 1}


# --- threads ---------------------------------------------------------------------------------


def write_mbox(path: Path, *headers: str) -> Path:
    path.write_text("".join(f"From x@example.com Mon Jun  1 10:00:00 2026\n{h.strip()}\n\nBody\n\n"
                            for h in headers))
    return path


def test_threads_follow_the_documented_rule(tmp_path: Path) -> None:
    """Root by References/In-Reply-To (or the thread the root joined); a subject-only reply
    (Re:, AW:) joins the latest thread of its subject; a forward without reply headers
    starts its own; an unseen subject-only reply is a subject thread."""
    base = "From: ada@example.org\nTo: sam.seller@example.com\nDate: Mon, 1 Jun 2026 10:00:00 +0000\n"
    path = write_mbox(
        tmp_path / "threads.mbox",
        base + "Message-ID: <a@x>\nSubject: Plan",
        base + "Message-ID: <b@x>\nSubject: Re: Plan\nReferences: <a@x>\nIn-Reply-To: <a@x>",
        base + "Message-ID: <c@x>\nSubject: Re: Plan\nIn-Reply-To: <b@x>",
        base + "Message-ID: <d@x>\nSubject: AW: WG: plan",
        base + "Message-ID: <e@x>\nSubject: Re: [team] Fwd:   PLAN",
        base + "Message-ID: <f@x>\nSubject: Fwd: Plan",
        base + "Message-ID: <g@x>\nSubject: AW: Budget",
        base + "Message-ID: <h@x>\nSubject: RE: budget",
        base + "Message-ID: <i@x>\nSubject: Re: Plan\nReferences: <d@x>",
    )
    threads = [m.conversation for m in messages(MboxReader(path))]
    assert threads == ["thread:a@x"] * 5 + ["thread:f@x", "subject:budget", "subject:budget", "thread:a@x"]


# --- sniffing and errors -----------------------------------------------------------------------


def test_formats_are_sniffed_from_content(tmp_path: Path) -> None:
    renamed = tmp_path / "export.txt"
    renamed.write_bytes((HERE / "takeout.mbox").read_bytes())
    eml_named_mbox = tmp_path / "message.mbox"
    eml_named_mbox.write_bytes((HERE / "offer.eml").read_bytes())
    assert MboxReader.sniff(renamed, renamed.read_bytes()[:65536])
    assert not EmlReader.sniff(renamed, renamed.read_bytes()[:65536])
    assert EmlReader.sniff(eml_named_mbox, eml_named_mbox.read_bytes())
    assert not MboxReader.sniff(eml_named_mbox, eml_named_mbox.read_bytes())
    for text in (b"", b"From the desk of Ada Byron\nDear all,\n", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
                 b"BEGIN:VCARD\nFN:Ada\nEND:VCARD\n", b"From,To,Date,Subject\nada,sam,2026-01-01,Hi\n",
                 b"\x89PNG\r\n\x1a\n\x00\x00", b"[01/06/2026, 10:00:00] Ada: From: me\n"):
        assert not MboxReader.sniff(tmp_path / "x", text), text
        assert not EmlReader.sniff(tmp_path / "x", text), text
        assert not MaildirReader.sniff(tmp_path / "x", text), text


def test_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "Inbox.mbox"
    path.write_bytes(b"")
    for reader in (MboxReader, EmlReader):
        with pytest.raises(CaptureFormatError, match=r"^Inbox\.mbox is empty\.$"):
            list(reader(path).records())


def test_a_file_that_is_not_a_mailbox_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Dear Ada,\nFrom: a line of prose\n")
    with pytest.raises(CaptureFormatError, match=r'^notes\.txt is not an mbox mailbox: it does not begin'):
        list(MboxReader(path).records())
    with pytest.raises(CaptureFormatError, match=r"^gone\.mbox cannot be read: "):
        list(MboxReader(tmp_path / "gone.mbox").records())
    with pytest.raises(CaptureFormatError, match=r"^gone cannot be read: "):
        list(MaildirReader(tmp_path / "gone").records())


def test_progress_is_told_and_cancel_stops(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    load_make_mbox().write_mbox(path, 200, seed=3)
    told: list[int] = []
    reader = MboxReader(path, progress=told.append)
    count = len(messages(reader)) + sum(reader.skipped.values())
    assert count == 200 and told == sorted(told) and 0 < told[-1] <= reader.size()
    with pytest.raises(CaptureCancelled):
        list(MboxReader(path, progress=lambda done: False).records())


# --- hostile input ---------------------------------------------------------------------------

HEADERS = (b"From ada@example.org Mon Jun  1 10:00:00 2026\nFrom: Ada <ada@example.org>\n"
           b"To: sam.seller@example.com\nDate: Mon, 1 Jun 2026 10:00:00 +0000\nMessage-ID: <big@x>\n")
SECOND = (b"From bea@example.org Mon Jun  1 11:00:00 2026\nFrom: Bea <bea@example.org>\n"
          b"To: sam.seller@example.com\nDate: Mon, 1 Jun 2026 11:00:00 +0000\nMessage-ID: <next@x>\n"
          b"Subject: After the big one\n\nHi\n")


def peak_while_reading(path: Path) -> tuple[list[Message], int]:
    tracemalloc.start()
    try:
        found = messages(MboxReader(path))
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def write_big(path: Path, before: bytes, line_bytes: int, after: bytes) -> Path:
    with path.open("wb") as out:
        out.write(before)
        block = b"A" * MIB
        for _ in range(line_bytes // MIB):
            out.write(block)
        out.write(after)
    return path


def test_a_50_mb_single_line_body_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = write_big(tmp_path / "big.mbox", HEADERS + b"Subject: Big\n\n", 50 * MIB, b"\n\n" + SECOND)
    found, peak = peak_while_reading(path)
    assert [m.key for m in found] == ["big@x", "next@x"]
    assert peak < 8 * MIB


def test_a_50_mb_header_line_is_cut_in_bounded_memory(tmp_path: Path) -> None:
    path = write_big(tmp_path / "big.mbox", HEADERS + b"Subject: ", 50 * MIB, b"\n\nBody\n\n" + SECOND)
    found, peak = peak_while_reading(path)
    assert [m.key for m in found] == ["big@x", "next@x"]
    assert found[0].subject == "A" * 120
    assert peak < 8 * MIB


def test_a_50_mb_file_without_a_line_end_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = write_big(tmp_path / "big.mbox", b"From x Mon Jun  1 10:00:00 2026 ", 50 * MIB, b"")
    reader = MboxReader(path)
    tracemalloc.start()
    try:
        assert messages(reader) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reader.skipped == {model.UNREADABLE: 1}
    assert peak < 8 * MIB


def test_tens_of_thousands_of_recipients_are_too_many_in_bounded_memory(tmp_path: Path) -> None:
    to = b", ".join(b"p%05d@example.com" % i for i in range(60_000))
    path = tmp_path / "crowd.mbox"
    path.write_bytes(HEADERS + b"To: " + to + b"\nSubject: All\n\nHi\n\n" + SECOND)
    found, peak = peak_while_reading(path)
    assert [m.ignored for m in found] == [model.TOO_MANY_RECIPIENTS, None]
    assert peak < 40 * MIB


def test_invalid_utf8_and_hostile_encodings_in_every_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.mbox"
    path.write_bytes(
        b"From \xff\xfe Mon Jun  1 10:00:00 2026\n"
        b"From: Ad\xff\xc3 =?punycode?Q?x=ff?= <ada@example.org>\n"
        b"To: \xfe\xfe <sam.seller@example.com>, =?base64?B?!!!?= <b\xffb@example.org>, ((((((((((x@y\n"
        b"Cc: =?x-unknown?B?////?= <c@example.org>, \"unterminated <d@example.org>\n"
        b"Date: Mon, 1 Jun 2026 10:00:00 +0000\n"
        b"Subject: \xff\xfe\x80 =?utf-8?B?not base64 at all?= =?utf-8?Q?=ZZ=C3?= =?rot13?Q?abc?= \x00\x1b\n"
        b"Message-ID: <\xff@x>\nReferences: \xff\xfe\nX-Gmail-Labels: \xff,=?utf-8?B?U3BhbQ==?=\n"
        b"X-GM-THRID: \xff\xfe\nList-Id: \nPrecedence: \xff\nAuto-Submitted: \xff\n"
        b"Content-Type: text/plain; charset=punycode\nX-Mozilla-Status: \xff\n\nBody \xff\n\n"
        b"From x Mon Jun  1 10:00:00 2026\nFrom: \xff\xff\nDate: \xff\xff\n\n"
        + b"From x Mon Jun  1 10:00:00 2026\nFrom: " + b"(" * 100_000 + b"\nDate: Mon, 1 Jun 2026 10:00:00 +0000\n\n"
    )
    reader = MboxReader(path)
    (found,) = messages(reader)
    assert found.sender.value == "ada@example.org" and "\ufffd" in found.sender.name
    assert found.ignored == model.FOLDER  # the (base64-encoded) Gmail label "Spam"
    assert "\ufffd" in found.subject and "\x00" not in found.subject and len(found.subject) <= 120
    assert {p.value for p in found.cc} == {"c@example.org", "d@example.org"}
    assert reader.skipped == {model.UNREADABLE: 2}


def test_a_truncated_file_reads_what_is_there(tmp_path: Path) -> None:
    whole = SECOND + b"\n" + HEADERS + b"Subject: Cut he"
    for cut, expected in ((len(whole), ["next@x", "big@x"]), (whole.index(b"<ada@") + 3, ["next@x"])):
        path = tmp_path / "cut.mbox"
        path.write_bytes(whole[:cut])
        reader = MboxReader(path)
        assert [m.key for m in messages(reader)] == expected
        assert reader.skipped == ({} if cut == len(whole) else {model.UNREADABLE: 1})


# --- the bench's generator ---------------------------------------------------------------------


def load_make_mbox() -> ModuleType:
    """tests/perf/make_mbox.py (tests/perf is not a package pytest imports)."""
    if "make_mbox" in sys.modules:
        return sys.modules["make_mbox"]
    spec = importlib.util.spec_from_file_location("make_mbox", MAKE_MBOX)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_mbox"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_generated_mbox_is_deterministic_and_split_like_the_stdlib_does(tmp_path: Path) -> None:
    make = load_make_mbox()
    one, two, other = tmp_path / "one.mbox", tmp_path / "two.mbox", tmp_path / "other.mbox"
    make.write_mbox(one, 400, seed=1)
    make.write_mbox(two, 400, seed=1)
    make.write_mbox(other, 400, seed=2)
    assert one.read_bytes() == two.read_bytes() != other.read_bytes()
    assert 2000 < one.stat().st_size / 400 < 4500
    parser = BytesHeaderParser()
    box = mailbox.mbox(one, create=False)
    try:
        stdlib = [str(parser.parsebytes(box.get_bytes(key))["Message-ID"]).strip("<>") for key in box.iterkeys()]
    finally:
        box.close()
    reader = MboxReader(one)
    found = messages(reader)
    assert [m.key for m in found] == stdlib and not reader.skipped
    reasons = {m.ignored for m in found}
    assert {None, model.LIST, model.AUTOMATIC, model.FOLDER} <= reasons
    assert reader.me_hints == [Party(model.EMAIL, "sam.seller@example.com", "Sam Seller")]
    assert any(m.conversation.startswith("gmail:") for m in found)
    assert any(m.conversation.startswith("thread:") and m.key != m.conversation[7:] for m in found)
    assert b"\r\n" in one.read_bytes() and b"=?koi8-r?B?" in one.read_bytes()


# --- real files ------------------------------------------------------------------------------


def mail_reader_for(path: Path) -> type[model.Reader] | None:
    if path.is_dir():
        return MaildirReader if MaildirReader.sniff(path, b"") else None
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    for reader in (MboxReader, EmlReader):
        if reader.sniff(path, head):
            return reader
    return None


def expected_for(name: str) -> tuple[Upstream, ...]:
    """The upstream samples the corpus file *name* may be (by basename, then by hint)."""
    for basename, upstreams in EXPECTED_CORPUS.items():
        if name.endswith(basename):
            hinted = tuple(u for u in upstreams if any(h in name.lower() for h in u.hints))
            return hinted or upstreams
    return ()


@pytest.mark.realdata
def test_every_real_mailbox_in_the_corpus_reads() -> None:
    if not CORPUS.is_dir():
        pytest.skip("no corpus of real files here")
    read = 0
    for path in sorted(CORPUS.rglob("*")):
        if path.name == "SOURCES.md" or path.name.startswith(".") or (reader_class := mail_reader_for(path)) is None:
            continue
        reader = reader_class(path)
        records = messages(reader)
        read += 1
        upstreams = expected_for(path.name)
        if upstreams:
            results = [(tally(records, Me.parse(u.me), now=NOW), reader.skipped) for u in upstreams]
            assert any(got == (u.tally, u.skipped) for got, u in zip(results, upstreams)), (path.name, results)
    if not read:
        pytest.skip("no mailbox among the corpus files")
