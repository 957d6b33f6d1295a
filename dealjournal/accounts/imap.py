"""Reading an IMAP account: the headers of what is new in the chosen folders, never a body.

:class:`ImapReader` is a :class:`~dealjournal.conversations.model.Reader` like the file
readers, so a fetch goes through the same rules, review and storage as a file capture. It
connects with TLS only (IMAPS, or STARTTLS before anything else is said; a server without
STARTTLS is refused), with the certificate verified by the system's certificate store
(:func:`ssl.create_default_context`, which honours ``SSL_CERT_FILE``), or, when the user
chose to trust one certificate that does not verify, by its SHA-256 fingerprint alone.

What is read, per folder, opened read-only (``EXAMINE``): the UIDs of the new messages
(``UID SEARCH``), then only the header fields capture needs
(``UID FETCH … BODY.PEEK[HEADER.FIELDS (FROM TO CC DATE …)]`` in batches of
:data:`BATCH`), and the flags. ``PEEK`` and ``EXAMINE`` both keep ``\\Seen`` as it was; no
body is ever fetched and nothing on the server is changed.

Which folders: the account's choice, else the Inbox and the Sent folder. Folders are known
by their SPECIAL-USE attributes (RFC 6154: ``\\Sent``, ``\\Junk``, ``\\Trash``,
``\\Drafts``), then by the names mail programs give them ("Sent Items", "Gesendete
Objekte", "[Gmail]/Sent Mail", "Papierkorb" …). Junk, Trash and Drafts are never fetched:
chosen anyway, their new messages are only counted as not touches
(:data:`~dealjournal.conversations.model.FOLDER`). Messages of the Sent folder are
``sent``; its most frequent sender is offered for *Me*.

**Incremental.** ``states`` holds, per folder, its UIDVALIDITY and the highest UID read
(:class:`~dealjournal.accounts.store.FolderState`). A folder whose UIDVALIDITY is
unchanged is searched from the next UID on, and not at all when its UIDNEXT says nothing
came; one without a state, or whose UIDVALIDITY changed, is read from
``SINCE`` *now* − ``account.months`` months (its messages' keys are Message-IDs, so reading
them again adds nothing). Once :meth:`ImapReader.records` is exhausted,
:attr:`ImapReader.new_states` holds how far each folder has been read; the caller writes
it in the same transaction as the touches, so a fetch that fails, times out or is
cancelled changes nothing and the next one reads the same messages again.

Every failure is an :class:`~dealjournal.accounts.errors.AccountError` whose message names
the server and says what to do (never the password).
"""

from __future__ import annotations

import calendar
import hashlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import imapclient  # type: ignore[import-untyped]
from imapclient import exceptions as imap_errors  # type: ignore[import-untyped]

from dealjournal.accounts.errors import AccountError, UntrustedCertificate
from dealjournal.accounts.store import Account, FolderState
from dealjournal.conversations import model
from dealjournal.conversations.mail_headers import IGNORED_FOLDERS, SENT_FOLDERS, MailBuilder, Origin
from dealjournal.conversations.model import CaptureCancelled, Progress, Record
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

BATCH = 500        # UIDs per FETCH command
TELL_EVERY = 50    # messages between two progress reports
FIELDS = ("FROM", "TO", "CC", "DATE", "SUBJECT", "MESSAGE-ID", "REFERENCES", "IN-REPLY-TO", "LIST-ID",
          "LIST-UNSUBSCRIBE", "PRECEDENCE", "AUTO-SUBMITTED", "CONTENT-TYPE", "X-GM-THRID", "X-GMAIL-LABELS")
HEADERS = ("BODY.PEEK[HEADER.FIELDS (" + " ".join(FIELDS) + ")]").encode("ascii")

# Folder roles: SPECIAL-USE attributes, then the names mail programs give the folders.
SENT, JUNK, TRASH, DRAFTS, INBOX = "sent", "junk", "trash", "drafts", "inbox"
IGNORED_ROLES = frozenset({JUNK, TRASH, DRAFTS})
_SPECIAL_USE = {b"\\sent": SENT, b"\\junk": JUNK, b"\\spam": JUNK, b"\\trash": TRASH, b"\\drafts": DRAFTS}
_DRAFT_NAMES = frozenset({"drafts", "draft", "entwürfe", "entwurf"})
_TRASH_NAMES = frozenset({"trash", "bin", "deleted", "deleted items", "deleted messages", "papierkorb",
                          "gelöschte elemente", "gelöschte objekte", "gelöscht"})
_UNSELECTABLE = frozenset({b"\\noselect", b"\\nonexistent"})
_AWAY_FLAGS = frozenset({b"\\deleted", b"\\draft"})   # like a Maildir's T and D flags


def _server(account: Account) -> str:
    return f"{account.host}:{account.effective_port or 993}"


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


def _detail(error: BaseException) -> str:
    """A server's or library's words, without Python's bytes quoting."""
    text = " ".join(str(a.decode("utf-8", "replace") if isinstance(a, bytes) else a) for a in error.args)
    text = text.strip()
    if text.startswith(("b'", 'b"')) and text[-1:] in "'\"":
        text = text[2:-1]
    return " ".join(text.split())[:300] or type(error).__name__


def _reach_failure(account: Account, error: OSError, timeout: float) -> AccountError:
    server = _server(account)
    if isinstance(error, socket.gaierror):
        return AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Cannot reach {server}: the server name is not known (check it, and whether you are online)."),
            server=server))
    if isinstance(error, ConnectionRefusedError):
        return AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Cannot reach {server}: connection refused (check the server and port)."), server=server))
    if isinstance(error, TimeoutError):
        return AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Cannot reach {server}: no answer within {seconds} s."),
            server=server, seconds=_seconds(timeout)))
    return AccountError(Phrase(QT_TRANSLATE_NOOP("core", "Cannot reach {server}: {reason}."),
                               server=server, reason=error.strerror or _detail(error)))


@contextmanager
def _translated(account: Account, timeout: float, connected: bool) -> Iterator[None]:
    """Turn what the network and the IMAP library raise into AccountErrors naming the server;
    *connected* says whether the connection stands (a timeout is then the server stopping)."""
    server = _server(account)
    try:
        yield
    except (AccountError, CaptureCancelled):
        raise
    except imap_errors.LoginError:
        raise AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "{server} refused the user name or password."), server=server)) from None
    except ssl.SSLCertVerificationError:
        raise  # the caller asks for the certificate's fingerprint
    except ssl.SSLError as exc:
        raise AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "A secure connection to {server} failed: {reason}."),
            server=server, reason=exc.reason or _detail(exc))) from None
    except TimeoutError:
        if not connected:
            raise _reach_failure(account, TimeoutError(), timeout) from None
        raise _stopped(account, timeout) from None
    except imap_errors.IMAPClientAbortError as exc:
        if "timed out" in str(exc):
            raise _stopped(account, timeout) from None
        raise AccountError(Phrase(QT_TRANSLATE_NOOP("core", "{server} closed the connection: {reason}."),
                                  server=server, reason=_detail(exc))) from None
    except OSError as exc:
        if connected:
            raise AccountError(Phrase(QT_TRANSLATE_NOOP("core", "{server} closed the connection: {reason}."),
                                      server=server, reason=exc.strerror or _detail(exc))) from None
        raise _reach_failure(account, exc, timeout) from None
    except imap_errors.IMAPClientError as exc:
        raise AccountError(Phrase(QT_TRANSLATE_NOOP("core", "{server} answered with an error: {reason}."),
                                  server=server, reason=_detail(exc))) from None


def _stopped(account: Account, timeout: float) -> AccountError:
    return AccountError(Phrase(QT_TRANSLATE_NOOP(
        "core", "{server} stopped answering (nothing for {seconds} s); try again later."),
        server=_server(account), seconds=_seconds(timeout)))


def _unverified() -> ssl.SSLContext:
    """TLS without checking the certificate: only to read it (a fingerprint) or to pin it."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _close(client: Any) -> None:
    """Drop the connection without another word to the server (it may not be answering)."""
    try:
        client.shutdown()
    except (OSError, imaplib.IMAP4.error):
        pass


def _open(account: Account, timeout: float, context: ssl.SSLContext) -> Any:
    """A TLS connection to *account*'s server, not logged in."""
    port = account.effective_port or 993
    with _translated(account, timeout, connected=False):
        if account.security == "ssl":
            client = imapclient.IMAPClient(account.host, port, ssl=True, ssl_context=context, timeout=timeout)
        else:
            client = imapclient.IMAPClient(account.host, port, ssl=False, timeout=timeout)
    client._imap.debug = 0   # imaplib would log every header it reads at DEBUG level
    if account.security == "ssl":
        return client
    try:
        with _translated(account, timeout, connected=True):
            offered = client.has_capability("STARTTLS")
            if not offered:
                raise AccountError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "{server} does not offer STARTTLS, and a password is never sent unencrypted: "
                            "choose SSL/TLS (usually port 993)."), server=_server(account)))
            client.starttls(context)
    except BaseException:
        _close(client)
        raise
    return client


def fingerprint(der: bytes) -> str:
    """A certificate's SHA-256 fingerprint, hex, lower case."""
    return hashlib.sha256(der).hexdigest()


def _peer_fingerprint(client: Any) -> str:
    der = client.socket().getpeercert(binary_form=True)
    return fingerprint(der or b"")


def _untrusted(account: Account, timeout: float, error: ssl.SSLCertVerificationError) -> NoReturn:
    """Read the certificate that did not verify (a second handshake, unverified) and say so."""
    client = _open(account, timeout, _unverified())
    try:
        found = _peer_fingerprint(client)
    finally:
        _close(client)
    reason = error.verify_message or _detail(error)
    raise UntrustedCertificate(Phrase(QT_TRANSLATE_NOOP(
        "core", "The certificate of {server} cannot be verified ({reason}). Trust it only if its SHA-256 "
                "fingerprint is the one your provider gives: {fingerprint}"),
        server=_server(account), reason=reason, fingerprint=found), fingerprint=found)


def connect(account: Account, password: str, *, timeout: float = 30.0) -> Any:
    """An ``imapclient.IMAPClient`` logged in to *account* over a verified (or pinned) TLS
    connection; AccountError otherwise. The caller logs out (or :func:`_close` on error)."""
    pinned = (account.trusted_cert or "").replace(":", "").strip().lower()
    client = None
    if pinned:
        client = _open(account, timeout, _unverified())
        found = _peer_fingerprint(client)
        if found != pinned:
            _close(client)
            client = None
            try:
                client = _open(account, timeout, ssl.create_default_context())
            except ssl.SSLCertVerificationError:
                raise UntrustedCertificate(Phrase(QT_TRANSLATE_NOOP(
                    "core", "The certificate of {server} is no longer the one you chose to trust; its SHA-256 "
                            "fingerprint is now {fingerprint}. Trust it only if your provider says it changed."),
                    server=_server(account), fingerprint=found), fingerprint=found) from None
    else:
        try:
            client = _open(account, timeout, ssl.create_default_context())
        except ssl.SSLCertVerificationError as exc:
            _untrusted(account, timeout, exc)
    try:
        with _translated(account, timeout, connected=True):
            client.login(account.username, password)
    except BaseException:
        _close(client)
        raise
    return client


def _logout(client: Any) -> None:
    try:
        client.logout()
    except (OSError, imaplib.IMAP4.error):
        _close(client)


@contextmanager
def _session(account: Account, password: str, timeout: float) -> Iterator[Any]:
    client = connect(account, password, timeout=timeout)
    try:
        with _translated(account, timeout, connected=True):
            yield client
    except BaseException:
        _close(client)
        raise
    _logout(client)


def _name(raw: object) -> str:
    """A folder name as imapclient gives it (text; bytes or a number for odd names)."""
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _name_role(name: str, delimiter: str) -> str | None:
    last = (name.rsplit(delimiter, 1)[-1] if delimiter else name).strip().casefold()
    if last in _DRAFT_NAMES:
        return DRAFTS
    if last in _TRASH_NAMES:
        return TRASH
    if last in IGNORED_FOLDERS:
        return JUNK
    if last in SENT_FOLDERS:
        return SENT
    return None


def _listing(client: Any) -> list[tuple[str, str | None]]:
    """Every selectable folder and its role: SPECIAL-USE first; a name only gives Sent when
    no folder is marked ``\\Sent``."""
    found: list[tuple[str, str | None, str | None]] = []
    for flags, delimiter, raw in client.list_folders():
        marks = {f.lower() if isinstance(f, bytes) else str(f).lower().encode() for f in flags}
        if marks & _UNSELECTABLE:
            continue
        name = _name(raw)
        by_flag = next((role for mark, role in _SPECIAL_USE.items() if mark in marks), None)
        if by_flag is None and name.upper() == "INBOX":
            by_flag = INBOX
        found.append((name, by_flag, _name_role(name, _name(delimiter) if delimiter else "")))
    marked_sent = any(flag == SENT for _, flag, _ in found)
    roles: list[tuple[str, str | None]] = []
    for name, by_flag, by_name in found:
        role = by_flag or (by_name if by_name != SENT or not marked_sent else None)
        roles.append((name, role))
    return roles


def folders(account: Account, password: str, *, timeout: float = 30.0) -> list[tuple[str, str | None]]:
    """Every selectable folder of *account* with its role ("inbox", "sent", "junk", "trash",
    "drafts" or None), for "Test connection" and the choice of folders."""
    with _session(account, password, timeout) as client:
        return _listing(client)


# One message's FETCH answer: its flags (lower case), its header fields (None when the
# server sent none) and Gmail's thread id (None elsewhere).
Fetched = tuple[frozenset[bytes], "bytes | None", "bytes | None"]
_UID = re.compile(rb"[( ]UID (\d+)")
_FLAGS = re.compile(rb"FLAGS \(([^)]*)\)")
_THREAD = re.compile(rb"X-GM-THRID (\d+)")
_QUOTED_HEADER = re.compile(rb'BODY\[HEADER[^\]]*\] "((?:[^"\\]|\\.)*)"')


def fetch_headers(client: Any, uids: list[int], items: bytes) -> dict[int, Fetched]:
    """``UID FETCH`` *uids* *items* through imaplib itself, its answer read by a few regular
    expressions: imapclient's general parser would lex the long ``BODY[HEADER.FIELDS (…)]``
    echo character by character, costing more than the server does. Each answer is the
    line before the header literal (UID, FLAGS, X-GM-THRID), the literal, and the rest of
    the line; answers without a literal (flag changes the server reports on its own, or a
    header sent as a quoted string or NIL) are bytes alone."""
    typ, data = client._imap.uid("FETCH", ",".join(map(str, uids)), items.decode("ascii"))
    if typ != "OK":
        raise imaplib.IMAP4.error(f"FETCH: {_detail(Exception(*data))}")
    found: dict[int, Fetched] = {}
    wanted = set(uids)
    pending: tuple[bytes, bytes | None] | None = None

    def keep(meta: bytes, block: bytes | None) -> None:
        uid = _UID.search(meta)
        if uid is None or int(uid.group(1)) not in wanted:
            return
        if block is None:
            quoted = _QUOTED_HEADER.search(meta)
            if quoted is None:
                if b"BODY[" not in meta:
                    return   # an unrequested FETCH (a flag change), not the answer
            else:
                block = re.sub(rb"\\(.)", rb"\1", quoted.group(1))
        flags = _FLAGS.search(meta)
        thread = _THREAD.search(meta)
        found[int(uid.group(1))] = (frozenset(flags.group(1).lower().split()) if flags else frozenset(), block,
                                    thread.group(1) if thread else None)

    for part in data or ():
        if isinstance(part, tuple):
            if pending is not None:
                keep(*pending)
            pending = (bytes(part[0]), bytes(part[1]))
        elif isinstance(part, bytes):
            if pending is not None:
                keep(pending[0] + part, pending[1])
                pending = None
            else:
                keep(part, None)
    if pending is not None:
        keep(*pending)
    return found


def months_before(when: date, months: int) -> date:
    """The same day *months* calendar months earlier (the month's last day when shorter)."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(when.day, calendar.monthrange(year, month + 1)[1]))


class _Folder:
    """One folder to read: what was searched, and how far it will have been read."""

    __slots__ = ("name", "role", "uids", "state")

    def __init__(self, name: str, role: str | None) -> None:
        self.name = name
        self.role = role
        self.uids: list[int] = []
        self.state = FolderState()


class ImapReader(model.Reader):
    """What is new in an IMAP account's chosen folders (see the module docstring)."""

    format: ClassVar[str] = "imap"
    label: ClassVar[str] = "IMAP account"

    def __init__(self, account: Account, password: str, states: dict[str, FolderState], *,
                 now: datetime | None = None, progress: Progress | None = None, timeout: float = 30.0) -> None:
        super().__init__(f"{account.username}@{account.host}", progress)
        self.account = account
        self._password = password
        self.states = dict(states)
        self.now = now or datetime.now()
        self.timeout = timeout
        self.new_states: dict[str, FolderState] = {}
        self._total: int | None = None

    def __repr__(self) -> str:   # never the password
        return f"ImapReader({self.account.username!r}@{_server(self.account)})"

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        return False   # an account, never a file

    def size(self) -> int:
        """The messages to read, once the folders have been searched (0 before)."""
        return self._total or 0

    def tell(self, done: int) -> None:
        """Report the messages read so far; CaptureCancelled when the progress callback says stop."""
        if self.progress is None:
            return
        if done and done != self._total and done - self._told < TELL_EVERY:
            return
        self._told = done
        if self.progress(done) is False:
            raise CaptureCancelled

    def records(self) -> Iterator[Record]:
        self.new_states = {}
        with _session(self.account, self._password, self.timeout) as client:
            chosen = self._chosen(_listing(client))
            for folder in chosen:
                self._search(client, folder)
            self._total = sum(len(f.uids) for f in chosen if f.role not in IGNORED_ROLES)
            self.tell(0)
            builder = MailBuilder(self)
            items = b"(UID FLAGS " + HEADERS + b")"
            if self._total and client.has_capability("X-GM-EXT-1"):
                items = b"(UID FLAGS X-GM-THRID " + HEADERS + b")"   # Gmail's thread, as in a Takeout mbox
            done = 0
            for folder in chosen:
                if folder.role in IGNORED_ROLES:
                    if folder.uids:
                        self.skip(model.FOLDER, len(folder.uids))
                    continue
                if folder.uids:
                    self._reselect(client, folder)
                origin = Origin(sent=folder.role == SENT)
                for start in range(0, len(folder.uids), BATCH):
                    batch = folder.uids[start:start + BATCH]
                    response = fetch_headers(client, batch, items)
                    for uid in batch:
                        done += 1
                        message = self._message(builder, response.get(uid), origin)
                        self.tell(done)
                        if message is not None:
                            yield message
            self.me_hints = builder.me_hints()
            self.new_states = {f.name: f.state for f in chosen}

    def _chosen(self, listing: list[tuple[str, str | None]]) -> list[_Folder]:
        """The folders to read: the account's choice (each must exist), else Inbox and Sent."""
        roles = dict(listing)
        if not self.account.folders:
            inbox = next((n for n, r in listing if r == INBOX), "INBOX")
            sent = next((n for n, r in listing if r == SENT), None)
            return [_Folder(n, roles.get(n, INBOX)) for n in dict.fromkeys([inbox, sent]) if n is not None]
        by_upper = {n.upper(): n for n in roles if n.upper() == "INBOX"}
        found = []
        for wanted in self.account.folders:
            name = wanted if wanted in roles else by_upper.get(wanted.upper())
            if name is None:
                raise AccountError(Phrase(QT_TRANSLATE_NOOP("core", "{server} has no folder {folder}."),
                                          server=_server(self.account), folder=repr(wanted)))
            found.append(_Folder(name, roles[name]))
        return found

    def _search(self, client: Any, folder: _Folder) -> None:
        """Which messages of *folder* are new, and how far it will have been read."""
        info = client.select_folder(folder.name, readonly=True)
        validity = str(info.get(b"UIDVALIDITY", ""))
        uidnext = info.get(b"UIDNEXT")
        exists = int(info.get(b"EXISTS", 0) or 0)
        state = self.states.get(folder.name)
        if state is not None and state.validity == validity and state.last is not None:
            last = state.last
            if not exists or (isinstance(uidnext, int) and uidnext <= last + 1):
                uids: list[int] = []
            else:
                uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
        else:
            last = 0
            since = months_before(self.now.date(), self.account.months)
            uids = list(client.search(["SINCE", since])) if exists else []
        uids.sort()
        top = max([last, *uids[-1:], uidnext - 1 if isinstance(uidnext, int) else 0])
        folder.uids = uids
        folder.state = FolderState(validity, top)

    def _reselect(self, client: Any, folder: _Folder) -> None:
        """Open *folder* again to fetch; searched again if its UIDVALIDITY changed meanwhile."""
        info = client.select_folder(folder.name, readonly=True)
        if str(info.get(b"UIDVALIDITY", "")) != folder.state.validity:
            before = len(folder.uids)
            self.states.pop(folder.name, None)
            self._search(client, folder)
            self._total = (self._total or 0) - before + len(folder.uids)

    def _message(self, builder: MailBuilder, fetched: Fetched | None, origin: Origin) -> model.Message | None:
        """The Message of one FETCH response (None when the message went meanwhile or is unreadable)."""
        if fetched is None:
            return None
        flags, block, thread = fetched
        if block is None:
            self.skip(model.UNREADABLE)
            return None
        if thread is not None:
            block = b"X-GM-THRID: " + thread + b"\r\n" + block
        if flags & _AWAY_FLAGS:
            origin = origin.join(Origin(ignored=True))
        return builder.build(block, origin)
