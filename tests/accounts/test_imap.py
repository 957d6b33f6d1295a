"""Fetching from an IMAP account, against a real Dovecot on 127.0.0.1 (tests/accounts/dovecot.py).

What the server saw is counted on its side: the commands of each session after the login
(Dovecot's rawlog) and how many messages it sent headers and bodies of (its logout line).
No test asserts on time.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.accounts import AccountError, UntrustedCertificate, imap
from dealjournal.accounts.imap import ImapReader, folders, months_before
from dealjournal.accounts.store import Account, FolderState
from dealjournal.capture import Me, apply_capture, tally
from dealjournal.capture.plan import CapturePlan, ContactIndex, plan_reader
from dealjournal.capture.rules import sort_records
from dealjournal.conversations import model
from dealjournal.conversations.mail import MboxReader
from dealjournal.conversations.mail_headers import MailBuilder, Origin
from dealjournal.conversations.model import CaptureCancelled, Message, Party
from tests.accounts import mailgen
from tests.accounts.dovecot import PASSWORD, Dovecot, MailUser, Session
from tests.accounts.mailgen import ADA, ARCHIVE, BEA, INBOX, JUNK, ME, SENT, SPECIAL_USE

NOW = datetime.now().astimezone().replace(microsecond=0)
LOCAL_NOW = NOW.replace(tzinfo=None)
MINE = Me.parse([ME[1]])
HEADER_ONLY = "BODY.PEEK[HEADER.FIELDS (FROM TO CC DATE SUBJECT MESSAGE-ID"


def read(account: Account, password: str, states: dict[str, FolderState] | None = None,
         **options: object) -> tuple[list[Message], ImapReader]:
    reader = ImapReader(account, password, states or {}, now=LOCAL_NOW, **options)  # type: ignore[arg-type]
    found = [m for m in reader.records() if isinstance(m, Message)]
    return found, reader


def fields(messages: list[Message]) -> list[tuple[object, ...]]:
    return [(m.key, m.conversation, m.at, m.sender, m.subject, m.to, m.cc, m.ignored) for m in messages]


def only(sessions: list[Session]) -> Session:
    assert len(sessions) == 1, sessions
    return sessions[0]


def server_name(user: MailUser, account: Account | None = None) -> str:
    return f"127.0.0.1:{(account or user.account()).effective_port}"


@pytest.fixture
def loaded(mailbox: MailUser) -> MailUser:
    """A mailbox holding mailgen's messages, its Sent folder called "Gesendete Objekte"."""
    for name, use in SPECIAL_USE.items():
        mailbox.create_folder(name, use)
    mailbox.deliver_many(mailgen.mailbox(NOW))
    return mailbox


# --- the first fetch ------------------------------------------------------------------------

def test_the_first_fetch_reads_what_capturing_the_same_messages_from_an_mbox_reads(loaded: MailUser,
                                                                                    tmp_path: Path) -> None:
    with loaded.watch() as seen:
        got, reader = read(loaded.account(), loaded.password)
    expected_messages = mailgen.read_by_default(mailgen.mailbox(NOW), NOW)
    mbox = mailgen.write_mbox(tmp_path / "same.mbox", expected_messages)
    from_file = MboxReader(mbox)
    expected = list(from_file.records())
    assert expected and len(got) == len(expected_messages)

    assert fields(got) == fields(expected)  # type: ignore[arg-type]
    assert tally(got, MINE, now=LOCAL_NOW) == tally(expected, MINE, now=LOCAL_NOW)
    found, wanted = sort_records(got, MINE, LOCAL_NOW), sort_records(expected, MINE, LOCAL_NOW)
    assert found.turns == wanted.turns and found.ignored == wanted.ignored
    plans = [plan_reader(r, MINE, ContactIndex(None), now=LOCAL_NOW, source="same")
             for r in (ImapReader(loaded.account(), loaded.password, {}, now=LOCAL_NOW), MboxReader(mbox))]
    assert {k: v for k, v in plans[0].to_json().items() if k != "format"} == \
        {k: v for k, v in plans[1].to_json().items() if k != "format"}
    assert set(found.ignored) == {model.LIST, model.AUTOMATIC, model.NO_REPLY, model.TOO_MANY_RECIPIENTS}

    # the Sent folder, found by its SPECIAL-USE under a German name, is the user's own mail
    assert [m.sent for m in got] == [folder == SENT for folder, _ in expected_messages]
    assert reader.me_hints == [Party(model.EMAIL, ME[1], ME[0])]
    # never read: Junk, Trash, Drafts, the Archive nobody chose, mail older than the months
    keys = {m.key for m in got}
    assert not keys & {"spam@spam.example", "t1@client.example", "d1@seller.example", "archived-1@old.example",
                       "old-1@old.example"}

    session = only(seen.sessions)
    assert session.headers_sent == len(got) and session.bodies_sent == 0
    assert not session.named("SELECT", "STORE", "COPY", "MOVE", "EXPUNGE", "APPEND", "FETCH")  # read-only
    assert {c.split(" ", 1)[1] for c in session.named("EXAMINE")} == {'"INBOX"', f'"{SENT}"'}
    fetches = session.named("UID FETCH")
    assert fetches and all(HEADER_ONLY in c and "BODY[" not in c and "RFC822" not in c for c in fetches)
    assert len(session.fetched_uids) == len(got)   # each message once (UIDs count per folder)
    assert [c.split(" ", 3)[:3] for c in session.named("UID SEARCH")] == [["UID", "SEARCH", "SINCE"]] * 2


def test_progress_counts_messages_and_cancelling_stops_the_fetch(loaded: MailUser) -> None:
    told: list[int] = []
    got, reader = read(loaded.account(), loaded.password, progress=told.append)
    assert told[0] == 0 and told[-1] == len(got) == reader.size()

    with loaded.watch() as seen:
        stopping = ImapReader(loaded.account(), loaded.password, {}, now=LOCAL_NOW, progress=lambda done: False)
        with pytest.raises(CaptureCancelled):
            list(stopping.records())
    assert stopping.new_states == {}
    assert not only(seen.sessions).named("UID FETCH")


# --- incremental --------------------------------------------------------------------------

def test_a_second_fetch_sends_four_commands_and_reads_nothing(loaded: MailUser) -> None:
    _, first = read(loaded.account(), loaded.password)
    assert set(first.new_states) == {INBOX, SENT}
    with loaded.watch() as seen:
        got, again = read(loaded.account(), loaded.password, first.new_states)
    assert got == [] and again.new_states == first.new_states and again.size() == 0
    session = only(seen.sessions)
    assert session.commands == ['LIST "" "*"', 'EXAMINE "INBOX"', f'EXAMINE "{SENT}"', "LOGOUT"]
    assert session.headers_sent == 0 and session.bodies_sent == 0


def test_a_new_message_is_the_only_one_read(loaded: MailUser) -> None:
    _, first = read(loaded.account(), loaded.password)
    new = mailgen.message(BEA, [ME], "Termin nächste Woche", NOW, msgid="b3@kunde.example")
    uid = loaded.deliver(INBOX, new)
    with loaded.watch() as seen:
        got, again = read(loaded.account(), loaded.password, first.new_states)
    assert [m.key for m in got] == ["b3@kunde.example"]
    assert again.new_states[INBOX] == FolderState(first.new_states[INBOX].validity, uid)
    assert again.new_states[SENT] == first.new_states[SENT]
    session = only(seen.sessions)
    assert session.fetched_uids == [uid] and session.headers_sent == 1
    assert session.named("UID SEARCH") == [f"UID SEARCH UID {(first.new_states[INBOX].last or 0) + 1}:*"]


@pytest.mark.parametrize("folder", [SENT, INBOX])
def test_a_changed_uidvalidity_rescans_that_folder_and_adds_nothing(loaded: MailUser, journal: Path,
                                                                     folder: str) -> None:
    for name, address in (ADA, BEA):
        ops.add_contact(name, emails=[("work", address)])
    reader = ImapReader(loaded.account(), loaded.password, {}, now=LOCAL_NOW)
    first = plan_reader(reader, MINE, ContactIndex(None), now=LOCAL_NOW)
    added = apply_capture(CapturePlan([first], MINE)).added
    assert added > 0
    states = reader.new_states
    read_before = {m.key for m in read(loaded.account(), loaded.password)[0] if m.sent == (folder == SENT)}

    validity = loaded.reset_uidvalidity(folder)
    with loaded.watch() as seen:
        again = ImapReader(loaded.account(), loaded.password, states, now=LOCAL_NOW)
        records = list(again.records())
    assert {m.key for m in records} == read_before  # the whole folder again, the other one not at all
    assert again.new_states[folder].validity == str(validity)
    other = INBOX if folder == SENT else SENT
    assert again.new_states[other] == states[other]
    session = only(seen.sessions)
    assert session.headers_sent == len(read_before)

    replay = ImapReader(loaded.account(), loaded.password, states, now=LOCAL_NOW)
    plan = plan_reader(replay, MINE, ContactIndex(None), now=LOCAL_NOW)
    outcome = apply_capture(CapturePlan([plan], MINE))
    assert outcome.added == 0 and outcome.already_there > 0  # the Message-IDs were captured before


# --- folders ------------------------------------------------------------------------------

def test_folders_are_known_by_special_use_first_then_by_name(loaded: MailUser, dovecot: Dovecot) -> None:
    loaded.create_folder("Sent")  # a plain folder called Sent: the \Sent one is "Gesendete Objekte"
    loaded.deliver("Sent", mailgen.message(ME, [ADA], "In the plain Sent folder", NOW, msgid="decoy@seller.example"))
    assert dict(folders(loaded.account(), loaded.password)) == {
        "INBOX": "inbox", SENT: "sent", "Junk": "junk", "Trash": "trash", "Drafts": "drafts", ARCHIVE: None,
        "Sent": None}
    with loaded.watch() as seen:
        got, _ = read(loaded.account(), loaded.password)
    assert "decoy@seller.example" not in {m.key for m in got}
    assert {c.split(" ", 1)[1] for c in only(seen.sessions).named("EXAMINE")} == {'"INBOX"', f'"{SENT}"'}

    plain = dovecot.add_user()   # no folder with SPECIAL-USE: the names tell
    for name in ("Sent Items", "Deleted Items", "Papierkorb", "Entwürfe", "Spam", "Projects"):
        plain.create_folder(name)
    plain.deliver("Sent Items", mailgen.message(ME, [ADA], "From the Sent Items", NOW, msgid="si@seller.example"))
    assert dict(folders(plain.account(), plain.password)) == {
        "INBOX": "inbox", "Sent Items": "sent", "Deleted Items": "trash", "Papierkorb": "trash", "Entwürfe": "drafts",
        "Spam": "junk", "Projects": None}
    got, reader = read(plain.account(), plain.password)
    assert [(m.key, m.sent) for m in got] == [("si@seller.example", True)]
    assert set(reader.new_states) == {"INBOX", "Sent Items"}


def test_chosen_folders_are_read_and_junk_is_only_counted(loaded: MailUser) -> None:
    with loaded.watch() as seen:
        got, reader = read(loaded.account(folders=(ARCHIVE, JUNK)), loaded.password)
    assert [m.key for m in got] == ["archived-1@old.example"]
    assert reader.skipped == {model.FOLDER: 1}
    assert set(reader.new_states) == {ARCHIVE, JUNK}
    session = only(seen.sessions)
    assert session.headers_sent == 1 and len(session.fetched_uids) == 1
    assert all(c == f'EXAMINE "{JUNK}"' or JUNK not in c for c in session.commands)


def test_a_folder_that_does_not_exist_is_a_clear_error(loaded: MailUser) -> None:
    with loaded.watch() as seen:
        with pytest.raises(AccountError) as caught:
            read(loaded.account(folders=("INBOX", "Nope")), loaded.password)
    assert str(caught.value) == f"{server_name(loaded)} has no folder 'Nope'."
    assert not only(seen.sessions).named("EXAMINE")


def test_drafts_and_deleted_messages_in_a_read_folder_are_not_touches(mailbox: MailUser) -> None:
    mailbox.deliver(INBOX, mailgen.message(ADA, [ME], "Kept", NOW, msgid="kept@client.example"))
    mailbox.deliver(INBOX, mailgen.message(ADA, [ME], "Deleted", NOW, msgid="gone@client.example"), [b"\\Deleted"])
    mailbox.deliver(INBOX, mailgen.message(ME, [ADA], "Draft", NOW, msgid="draft@seller.example"), [b"\\Draft"])
    got, _ = read(mailbox.account(), mailbox.password)
    assert [(m.key, m.ignored) for m in got] == [("kept@client.example", None), ("gone@client.example", model.FOLDER),
                                                 ("draft@seller.example", model.FOLDER)]


# --- nothing changes on the server ----------------------------------------------------------

def test_flags_are_unchanged_after_a_fetch(loaded: MailUser) -> None:
    loaded.deliver(INBOX, mailgen.message(ADA, [ME], "Read already", NOW, msgid="seen@client.example"), [b"\\Seen"])
    loaded.deliver(INBOX, mailgen.message(BEA, [ME], "Important", NOW, msgid="flagged@kunde.example"), [b"\\Flagged"])
    before = {folder: loaded.flags(folder) for folder in (INBOX, SENT)}
    assert any(b"\\Seen" not in flags for flags in before[INBOX].values())
    read(loaded.account(), loaded.password)
    read(loaded.account(security="starttls"), loaded.password)
    assert {folder: loaded.flags(folder) for folder in (INBOX, SENT)} == before


# --- TLS ---------------------------------------------------------------------------------

def test_starttls_reads_the_same_and_plaintext_is_never_used(loaded: MailUser, dovecot: Dovecot) -> None:
    tls, _ = read(loaded.account(), loaded.password)
    with loaded.watch() as seen:
        starttls, _ = read(loaded.account(security="starttls"), loaded.password)
    assert fields(starttls) == fields(tls)
    assert " TLS" in only(seen.sessions).login   # logged in over TLS
    greeting = dovecot.plain_capabilities()      # what a client elsewhere is offered before STARTTLS
    assert b"STARTTLS" in greeting and b"LOGINDISABLED" in greeting


class _FakeServer:
    """A plain IMAP server that offers no STARTTLS and records what it is told."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = int(self.sock.getsockname()[1])
        self.heard = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(20)
        conn, _ = self.sock.accept()
        with conn:
            conn.settimeout(20)
            conn.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n")
            for line in conn.makefile("rb"):
                self.heard += line
                tag = line.split(b" ", 1)[0]
                if b"CAPABILITY" in line.upper():
                    conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                elif b"LOGOUT" in line.upper():
                    conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                    return
                else:
                    conn.sendall(tag + b" BAD no\r\n")

    def close(self) -> None:
        self.sock.close()
        self.thread.join(5)


def test_a_server_without_starttls_is_refused_before_the_password_is_sent() -> None:
    fake = _FakeServer()
    account = Account(kind="imap", name="Fake", host="127.0.0.1", username="sam", port=fake.port,
                      security="starttls")
    try:
        with pytest.raises(AccountError) as caught:
            read(account, PASSWORD)
    finally:
        fake.close()
    assert "does not offer STARTTLS" in str(caught.value) and f"127.0.0.1:{fake.port}" in str(caught.value)
    assert b"LOGIN" not in fake.heard.upper() and PASSWORD.encode() not in fake.heard


def test_a_certificate_from_another_ca_is_untrusted_until_its_fingerprint_is_trusted(
        loaded: MailUser, dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trustme

    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("SSL_CERT_FILE", str(other))
    server_fingerprint = hashlib.sha256(dovecot.cert_der).hexdigest()
    for security in ("ssl", "starttls"):
        account = loaded.account(security=security)
        with loaded.watch() as seen:
            with pytest.raises(UntrustedCertificate) as caught:
                read(account, loaded.password)
            with pytest.raises(UntrustedCertificate):
                folders(account, loaded.password)
        assert caught.value.fingerprint == server_fingerprint
        assert server_name(loaded, account) in str(caught.value) and server_fingerprint in str(caught.value)
        assert seen.sessions == []   # never logged in

        trusted, _ = read(loaded.account(security=security, trusted_cert=server_fingerprint.upper()),
                          loaded.password)
        assert trusted
        with pytest.raises(UntrustedCertificate) as changed:
            read(loaded.account(security=security, trusted_cert="ab" * 32), loaded.password)
        assert changed.value.fingerprint == server_fingerprint and "no longer" in str(changed.value)


# --- failures ------------------------------------------------------------------------------

def test_a_wrong_password_is_a_clear_error_without_the_password(mailbox: MailUser) -> None:
    wrong = "not-the-Passw0rd"
    with pytest.raises(AccountError) as caught:
        read(mailbox.account(), wrong)
    assert str(caught.value) == f"{server_name(mailbox)} refused the user name or password."
    assert wrong not in str(caught.value) and wrong not in repr(ImapReader(mailbox.account(), wrong, {}))
    with pytest.raises(AccountError):
        folders(mailbox.account(), wrong)


def test_a_server_that_is_down_is_a_clear_error_and_the_next_fetch_completes(loaded: MailUser,
                                                                            dovecot: Dovecot) -> None:
    dovecot.stop()
    try:
        for security in ("ssl", "starttls"):
            account = loaded.account(security=security)
            with pytest.raises(AccountError) as caught:
                read(account, loaded.password)
            assert str(caught.value) == \
                f"Cannot reach {server_name(loaded, account)}: connection refused (check the server and port)."
    finally:
        dovecot.start()
    got, _ = read(loaded.account(), loaded.password)
    assert got


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


def test_a_server_that_never_answers_is_a_clear_error(silent_port: int) -> None:
    account = Account(kind="imap", name="Silent", host="127.0.0.1", username="sam", port=silent_port)
    with pytest.raises(AccountError) as caught:
        read(account, PASSWORD, timeout=0.5)
    assert str(caught.value) == f"Cannot reach 127.0.0.1:{silent_port}: no answer within 0.5 s."


def test_a_server_that_stops_answering_mid_fetch_is_a_clear_error_and_the_next_fetch_completes(
        loaded: MailUser, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imap, "BATCH", 2)
    paused: list[int] = []

    def progress(done: int) -> None:
        if not paused:          # the folders are searched: the fetching starts now
            paused.extend(loaded.pause())

    reader = ImapReader(loaded.account(), loaded.password, {}, now=LOCAL_NOW, progress=progress, timeout=1.0)
    try:
        with pytest.raises(AccountError) as caught:
            list(reader.records())
    finally:
        loaded.resume()
    assert paused
    assert str(caught.value) == \
        f"{server_name(loaded)} stopped answering (nothing for 1 s); try again later."
    assert reader.new_states == {}
    got, again = read(loaded.account(), loaded.password)
    assert got and set(again.new_states) == {INBOX, SENT}


# --- pieces ------------------------------------------------------------------------------

def test_months_before_counts_calendar_months() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 3) == date(2025, 10, 15)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2026, 12, 3), 12) == date(2025, 12, 3)


class _Answers:
    """Stands in for imapclient's connection: imaplib's answer to one UID FETCH."""

    def __init__(self, data: list[object]) -> None:
        self.data = data
        self._imap = self

    def uid(self, command: str, uids: str, items: str) -> tuple[str, list[object]]:
        assert command == "FETCH" and items.startswith("(UID FLAGS")
        return "OK", self.data


def test_fetch_answers_are_read_whatever_the_servers_order() -> None:
    head = b"From: Ada <ada@client.example>\r\nDate: Mon, 1 Dec 2025 10:00:00 +0100\r\nMessage-ID: <g@x>\r\n\r\n"
    answers = _Answers([
        (b"1 (X-GM-THRID 1234567890123 UID 7 FLAGS (\\Seen $Forwarded) BODY[HEADER.FIELDS (FROM)] {%d}" % len(head),
         head), b")",
        (b"2 (UID 8 BODY[HEADER.FIELDS (FROM)] {%d}" % len(head), head), b" FLAGS (\\Draft))",
        b"3 (FLAGS (\\Seen) UID 9)",                                   # a flag change the server reports
        b'4 (UID 10 FLAGS () BODY[HEADER.FIELDS (FROM)] "From: \\"Q\\" <q@x>")',
        b"5 (UID 11 FLAGS () BODY[HEADER.FIELDS (FROM)] NIL)",
        (b"6 (UID 99 FLAGS () BODY[HEADER.FIELDS (FROM)] {%d}" % len(head), head), b")",  # not asked for
    ])
    found = imap.fetch_headers(answers, [7, 8, 9, 10, 11], b"(UID FLAGS " + imap.HEADERS + b")")
    assert found == {7: (frozenset({b"\\seen", b"$forwarded"}), head, b"1234567890123"),
                     8: (frozenset({b"\\draft"}), head, None),
                     10: (frozenset(), b'From: "Q" <q@x>', None),
                     11: (frozenset(), None, None)}

    reader = ImapReader(Account(kind="imap", name="G", host="imap.example", username="sam"), PASSWORD, {})
    builder = MailBuilder(reader)
    gmail = reader._message(builder, found[7], Origin())
    assert gmail is not None and gmail.conversation == "gmail:1234567890123" and gmail.ignored is None
    draft = reader._message(builder, found[8], Origin())
    assert draft is not None and draft.ignored == model.FOLDER
    assert reader._message(builder, found[11], Origin()) is None and reader.skipped == {model.UNREADABLE: 1}
