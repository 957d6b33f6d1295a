"""CalDAV: the user's meetings, read from their own calendar server (python-caldav).

:class:`CalDavReader` is a :class:`~dealjournal.conversations.model.Reader` like the file
readers: it yields :class:`~dealjournal.conversations.model.Meeting` records made by the
``.ics`` reader's own rules (:func:`dealjournal.conversations.calendar.meetings_of`: one
meeting per occurrence that has started, keys ``UID/occurrence`` for a series), so capture
plans, reviews and writes them like a calendar file. :func:`calendars` lists an account's
calendars (Test connection, choosing calendars).

**Connection.** HTTPS only, certificates verified against the system's trust store (caldav
talks through niquests, which reads it with wassima; ``REQUESTS_CA_BUNDLE`` names another
bundle, as the tests do; ``SSL_CERT_FILE`` is not read). A
certificate that does not verify raises :class:`~.errors.UntrustedCertificate` with its
SHA-256 fingerprint, read by an unverified handshake that sends nothing; when the account
trusts exactly that fingerprint (``trusted_cert``), the connection is pinned to it
(niquests' ``verify="sha256_…"``: every connection must show that very certificate, its CA
and name are no longer asked). Every failure is an :class:`~.errors.AccountError` whose
message names the server, never the password.

**What is read, and how far.** The first fetch of a calendar asks the server for the events
with an occurrence in the last ``account.months`` months up to now (a ``calendar-query``
with a time range) and keeps only the occurrences that started in that span: the first
fetch is time-boxed, and the span's start (*since*) is kept, so that no later fetch reaches
further back (unless the user chooses more months: those are then read once). The state of a calendar (``FolderState.validity``, a small JSON
text: ``{"v", "token", "ctag", "since", "until"}``; ``last`` is unused) holds its sync token
(RFC 6578), its ctag, *since*, and *until*: the moment up to which occurrences were read.

A later fetch reads

- what changed on the server since the sync token (``sync-collection``, then the changed
  objects in ``calendar-multiget`` batches): all their occurrences from *since* to now
  (the keys make a repeated occurrence idempotent, so a changed series is simply read
  again); deleted objects are left alone (captured touches stay), and
- what *started* since *until* without changing: the next occurrences of a series, an event
  that was in the future last time. A sync token cannot tell those (the object did not
  change), so a second ``calendar-query`` asks for the span from *until* to now, one day
  wider on each side (floating and all-day times are the server's guess of the zone),
  and keeps the occurrences that started after *until*.

A server without sync tokens is read by its ctag (``getctag``): unchanged, only the second
query runs; changed (or no ctag at all), the last ``months`` months are read again (at least
back to *until*), so a change to an event older than that is not seen there. A sync token
the server no longer knows (Radicale forgets them after 30 days) is read the same way.

After :meth:`CalDavReader.records` is exhausted, :attr:`CalDavReader.new_states` holds the
calendars' new states for the caller to save in the capture's transaction: a fetch that
fails or is cancelled leaves the old states, and the next one reads the same again.
Progress counts calendar objects (events) read; :meth:`CalDavReader.size` is 0 (unknown).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import socket
import ssl
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

import niquests
from caldav.collection import Calendar
from caldav.davclient import DAVClient
from caldav.elements import dav
from caldav.elements.base import ValuedBaseElement
from caldav.lib import error as dav_error
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from dealjournal.accounts.errors import AccountError, UntrustedCertificate
from dealjournal.accounts.store import Account, FolderState
from dealjournal.conversations.calendar import meetings_of
from dealjournal.conversations.model import (
    EMAIL,
    UNREADABLE,
    CaptureCancelled,
    CaptureFormatError,
    Meeting,
    Party,
    Progress,
    Reader,
    Record,
)
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural

log = logging.getLogger(__name__)

_MARGIN = timedelta(days=1)   # the server's time range is this much wider than the span kept
_BATCH = 50                   # changed objects per calendar-multiget REPORT
_STATE_VERSION = 1


class _GetCTag(ValuedBaseElement):  # type: ignore[misc]
    """CalendarServer's collection tag: changes whenever anything in the calendar does."""

    tag: ClassVar[str] = "{http://calendarserver.org/ns/}getctag"


# --- the state of one calendar -------------------------------------------------------


@dataclass(frozen=True)
class _State:
    token: str | None       # the sync token (RFC 6578), None when the server has none
    ctag: str | None        # the calendar's getctag, None when the server has none
    since: datetime         # aware: no occurrence before it is ever read
    until: datetime         # aware: occurrences up to it have been read

    def folder_state(self) -> FolderState:
        text = json.dumps({"v": _STATE_VERSION, "token": self.token, "ctag": self.ctag,
                           "since": self.since.isoformat(), "until": self.until.isoformat()},
                          separators=(",", ":"))
        return FolderState(validity=text, last=None)

    @classmethod
    def of(cls, state: FolderState | None) -> _State | None:
        """The state saved by an earlier fetch; None when there is none (or it cannot be read:
        the calendar is then read as for the first time, the keys keep that from adding twice)."""
        if state is None or not state.validity:
            return None
        try:
            data = json.loads(state.validity)
            if not isinstance(data, dict) or data.get("v") != _STATE_VERSION:
                return None
            token, ctag = data.get("token"), data.get("ctag")
            since = datetime.fromisoformat(str(data["since"]))
            until = datetime.fromisoformat(str(data["until"]))
        except (ValueError, KeyError, TypeError):
            return None
        if since.tzinfo is None or until.tzinfo is None:
            return None
        return cls(token if isinstance(token, str) and token else None,
                   ctag if isinstance(ctag, str) and ctag else None, since, until)


def _local(moment: datetime) -> datetime:
    """An aware moment as the user's local wall-clock time (what meetings carry)."""
    return moment.astimezone().replace(tzinfo=None)


def _moment(start: datetime | date) -> datetime:
    """A meeting's start to compare with local times (an all-day event starts at midnight)."""
    if isinstance(start, datetime):
        return start.replace(tzinfo=None)
    return datetime.combine(start, time())


# --- the connection -------------------------------------------------------------------


@dataclass(frozen=True)
class _Server:
    url: str
    host: str
    port: int
    label: str                # what messages call it: host[:port]


def _server(account: Account) -> _Server:
    text = account.host.strip()
    parts = urlsplit(text)
    label = parts.netloc.rpartition("@")[2] or text
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise AccountError(Phrase(QT_TRANSLATE_NOOP(
            "core", "{server} is not an https:// address: Deal Journal reads calendars over TLS only."),
            server=text))
    try:
        port = parts.port or 443
    except ValueError:
        raise AccountError(Phrase(QT_TRANSLATE_NOOP("core", "{server} is not a server address."),
                                  server=text)) from None
    return _Server(text, parts.hostname, port, label)


def fingerprint(host: str, port: int, timeout: float) -> str:
    """The SHA-256 (hex) of the certificate *host* shows, read by a handshake that checks
    nothing and sends nothing (OSError/ssl.SSLError when there is no TLS server there)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=timeout) as raw, \
            context.wrap_socket(raw, server_hostname=host) as tls:
        der = tls.getpeercert(binary_form=True)
    if not der:
        raise ssl.SSLError("no certificate")
    return hashlib.sha256(der).hexdigest()


class _Connection:
    """One DAVClient for one fetch, with every failure turned into an AccountError."""

    def __init__(self, account: Account, password: str, timeout: float) -> None:
        self.account = account
        self.server = _server(account)
        self.timeout = timeout
        self.pinned = False
        verify: bool | str = True
        trusted = (account.trusted_cert or "").strip().lower().replace(":", "")
        if trusted:
            with self.guard():
                seen = fingerprint(self.server.host, self.server.port, timeout)
            if seen == trusted:
                verify, self.pinned = "sha256_" + seen, True
        # enable_rfc6764=False: the address is a URL, no DNS look-ups for discovery
        self.client = DAVClient(url=self.server.url, username=account.username, password=password,
                                timeout=timeout,  # type: ignore[arg-type]  # niquests takes float seconds
                                ssl_verify_cert=verify, enable_rfc6764=False)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()

    def __enter__(self) -> _Connection:  # noqa: PYI034  (a private, final class)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def say(self, template: str, **values: Any) -> AccountError:
        return AccountError(Phrase(template, server=self.server.label, **values))

    @contextlib.contextmanager
    def guard(self, calendar: str | None = None) -> Iterator[None]:
        """Turn what the network, niquests and caldav raise into an AccountError (about the
        *calendar* named, when given). The messages never carry the password."""
        try:
            yield
        except (AccountError, CaptureCancelled):
            raise
        except Exception as exc:  # noqa: BLE001  (caldav and lxml fail in many ways on what is not CalDAV)
            raise self.mapped(exc, calendar) from None

    def mapped(self, exc: Exception, calendar: str | None = None) -> AccountError:
        """The AccountError that says what *exc* means for the user."""
        if isinstance(exc, niquests.exceptions.SSLError):
            return self._certificate()
        if isinstance(exc, (niquests.exceptions.Timeout, socket.timeout)):
            return AccountError(plural(
                max(1, round(self.timeout)),
                QT_TRANSLATE_NOOP("core", "{server} did not answer within {n} second. Try again later."),
                QT_TRANSLATE_NOOP("core", "{server} did not answer within {n} seconds. Try again later."),
                server=self.server.label))
        if isinstance(exc, (niquests.exceptions.RequestException, OSError)):
            log.info("CalDAV %s cannot be reached: %s", self.server.label, type(exc).__name__)
            return self.say(QT_TRANSLATE_NOOP(
                "core", "{server} cannot be reached. Check the address and that you are online."))
        if isinstance(exc, dav_error.AuthorizationError):
            if exc.status == 403 and calendar is not None:
                return self.say(QT_TRANSLATE_NOOP("core", "{server} does not let {user} read the calendar {calendar}."),
                                user=self.account.username, calendar=calendar)
            return self.say(QT_TRANSLATE_NOOP(
                "core", "{server} refused the user name or password of {user}. Check them (some "
                        "providers want an app password)."), user=self.account.username)
        if isinstance(exc, dav_error.NotFoundError) and calendar is not None:
            return self.say(QT_TRANSLATE_NOOP(
                "core", "The calendar {calendar} is no longer on {server}: choose the calendars "
                        "again in the account's settings."), calendar=calendar)
        log.warning("CalDAV %s gave an answer that cannot be used: %s", self.server.label, type(exc).__name__)
        return self._not_caldav()

    def _not_caldav(self) -> AccountError:
        return self.say(QT_TRANSLATE_NOOP(
            "core", "{server} does not answer as a CalDAV server. Check the address (your provider's "
                    "help names it, often ending in /dav/ or /caldav/)."))

    def _certificate(self) -> AccountError:
        """Why TLS failed: a certificate that does not verify (the user may trust it), or no TLS."""
        try:
            seen = fingerprint(self.server.host, self.server.port, self.timeout)
        except (OSError, ssl.SSLError):
            return self.say(QT_TRANSLATE_NOOP(
                "core", "{server} does not speak TLS (https) on this port. Check the address."))
        return UntrustedCertificate(Phrase(QT_TRANSLATE_NOOP(
            "core", "The certificate of {server} cannot be verified (it is self-signed, expired, or made out "
                    "to another name). Its SHA-256 fingerprint is {fingerprint}: trust it only if that is "
                    "your server's."), server=self.server.label, fingerprint=seen), fingerprint=seen)

    # --- what the server has ----------------------------------------------------------

    def principal(self) -> Any:
        with self.guard():
            return self.client.get_principal()

    def addresses(self, principal: Any) -> list[str]:
        """The principal's e-mail addresses (calendar-user-address-set mailto:), if it gives any."""
        try:
            found = principal.calendar_user_address_set()
        except niquests.exceptions.RequestException as exc:
            raise self.mapped(exc) from None
        except Exception:  # noqa: BLE001  (the property is optional, RFC 6638: no addresses, no harm)
            return []
        emails = []
        for address in found or ():
            scheme, _, rest = str(address or "").strip().partition(":")
            if scheme.lower() == "mailto" and "@" in rest:
                emails.append(unquote(rest).strip().lower())
        return emails

    def calendars(self, principal: Any) -> list[Any]:
        """The principal's calendars. None at all: the server must say it is a CalDAV server
        (OPTIONS, ``DAV: calendar-access``), a web page gives no calendars either."""
        with self.guard():
            found = list(self.client.get_calendars(principal))
            if not found and not self.client.check_cdav_support():
                raise self._not_caldav()
        return found

    def calendar(self, url: str) -> Any:
        return Calendar(client=self.client, url=url)


def _stale_token(exc: Exception) -> bool:
    """Whether a failed sync-collection REPORT means "read again in full": the token has expired
    (DAV:valid-sync-token, RFC 6578 3.2) or the server does not do sync-collection at all."""
    if isinstance(exc, dav_error.NotFoundError) or not isinstance(exc, dav_error.DAVError):
        return False
    preconditions = set(exc.preconditions)
    if {dav.ValidSyncToken.tag, dav.SupportedReport.tag} & preconditions:
        return True
    if isinstance(exc, dav_error.AuthorizationError):
        return False               # a real refusal (401, or a 403 naming no sync precondition)
    return exc.status in (400, 403, 409, 412, 415, 501)


def _name(calendar: Any) -> str:
    """The calendar's display name as the listing gave it (no request), else its URL's last part."""
    name = (getattr(calendar, "props", None) or {}).get(dav.DisplayName.tag)
    if isinstance(name, str) and name.strip():
        return name.strip()
    path = urlsplit(str(calendar.url)).path.rstrip("/")
    return unquote(path.rpartition("/")[2]) or str(calendar.url)


def calendars(account: Account, password: str, *, timeout: float = 30.0) -> list[tuple[str, str]]:
    """The account's calendars as (URL, display name), by name: the connection test and the
    list to choose from. Raises AccountError (UntrustedCertificate) like a fetch."""
    with _Connection(account, password, timeout) as conn:
        principal = conn.principal()
        found = [(str(c.url), _name(c)) for c in conn.calendars(principal)]
    return sorted(found, key=lambda pair: (pair[1].casefold(), pair[0]))


# --- the reader -----------------------------------------------------------------------


class CalDavReader(Reader):
    """An account's calendars, read since the last fetch (see the module's docstring)."""

    format = "caldav"
    label = "CalDAV account"

    def __init__(self, account: Account, password: str, states: dict[str, FolderState], *,
                 now: datetime | None = None, progress: Progress | None = None, timeout: float = 30.0) -> None:
        super().__init__(f"{account.username}@{account.host}", progress)
        self.account = account
        self._password = password
        self.states = dict(states)
        self.now = now
        self.timeout = timeout
        self.new_states: dict[str, FolderState] = {}
        self.read = 0                 # calendar objects downloaded (for the tests and the log)
        self._done = 0

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        return False                  # an account, never a file

    def size(self) -> int:
        return 0                      # unknown until the server answers: progress counts events

    def tell(self, done: int) -> None:
        """Report the events read so far, every time (each one cost a network round trip's share)."""
        self._done = done
        if self.progress is not None and self.progress(done) is False:
            raise CaptureCancelled

    def _check(self) -> None:
        self.tell(self._done)

    def records(self) -> Iterator[Record]:
        now = (self.now.astimezone() if self.now is not None else datetime.now().astimezone())
        self.new_states = {}
        found: dict[str, FolderState] = {}
        self._check()
        with _Connection(self.account, self._password, self.timeout) as conn:
            principal = conn.principal()
            self._check()
            for email in conn.addresses(principal):
                party = Party(EMAIL, email)
                if party not in self.me_hints:
                    self.me_hints.append(party)
            if self.account.folders:
                chosen = [(url, conn.calendar(url)) for url in self.account.folders]
            else:
                self._check()
                chosen = [(str(c.url), c) for c in conn.calendars(principal)]
            for url, calendar in chosen:
                new = yield from self._calendar(conn, calendar, _State.of(self.states.get(url)), now)
                found[url] = new.folder_state()
        log.info("CalDAV %s: %d calendars, %d objects read", conn.server.label, len(found), self.read)
        self.new_states = found

    # --- one calendar -----------------------------------------------------------------

    def _calendar(self, conn: _Connection, calendar: Any, state: _State | None,
                  now: datetime) -> Generator[Meeting, None, _State]:
        """Read one calendar; returns (as the generator's value) its new state."""
        name = _name(calendar)
        months = max(1, self.account.months)
        window = (now - relativedelta(months=months)).astimezone()
        if state is None:                              # the first fetch: the last N months
            token, ctag = self._tags(conn, calendar, name)
            since = window
            yield from self._span(conn, calendar, name, since, now, since, now, inclusive=True, seen=set())
            return _State(token, ctag, since.astimezone(timezone.utc), now.astimezone(timezone.utc))
        since = state.since
        if window < since - _MARGIN:                   # more months asked for since: read them once
            yield from self._span(conn, calendar, name, window, since, window, since, inclusive=True, seen=set())
            since = window
        reread = max(since, min(state.until, window))  # the span read again when changes cannot be told
        seen: set[str] = set()
        token, ctag = state.token, state.ctag
        changed: list[Any] | None = None
        if token is not None:
            changed, token = self._changes(conn, calendar, name, token)
        if changed is None:                            # no sync token (or a stale one): the ctag tells
            token, new_ctag = self._tags(conn, calendar, name)
            if new_ctag is None or new_ctag != ctag:
                yield from self._span(conn, calendar, name, reread, now, since, now, inclusive=True, seen=seen)
            ctag = new_ctag
        else:
            yield from self._load(conn, calendar, name, changed, since, now, seen)
        # what started since the last fetch without changing: a series' next occurrences
        yield from self._span(conn, calendar, name, state.until, now, state.until, now, inclusive=False, seen=seen)
        return _State(token, ctag, since.astimezone(timezone.utc), max(now, state.until).astimezone(timezone.utc))

    def _tags(self, conn: _Connection, calendar: Any, name: str) -> tuple[str | None, str | None]:
        """The calendar's sync token and ctag now (either None when the server has none)."""
        self._check()
        with conn.guard(name):
            props = calendar.get_properties([dav.SyncToken(), _GetCTag()])
        token, ctag = props.get(dav.SyncToken.tag), props.get(_GetCTag.tag)
        return (str(token) if token else None, str(ctag) if ctag else None)

    def _changes(self, conn: _Connection, calendar: Any, name: str,
                 token: str) -> tuple[list[Any] | None, str | None]:
        """The objects changed since *token* (not loaded) and the new token; (None, None) when the
        server does not know the token any more or cannot sync."""
        self._check()
        with conn.guard(name):
            try:
                result = calendar.get_objects_by_sync_token(token, load_objects=False, disable_fallback=True)
            except dav_error.DAVError as exc:
                if _stale_token(exc):
                    log.info("CalDAV %s: the sync token of %s is no longer valid", conn.server.label, name)
                    return None, None
                raise
        new_token = getattr(result, "sync_token", None)
        deleted = {str(u) for u in (getattr(result, "deleted_urls", None) or ())}
        changed = [o for o in result if str(o.url.canonical()) not in deleted and str(o.url) not in deleted]
        return changed, (str(new_token) if new_token else token)

    def _load(self, conn: _Connection, calendar: Any, name: str, objects: list[Any], low: datetime,
              high: datetime, seen: set[str]) -> Iterator[Meeting]:
        """Download *objects* (calendar-multiget, in batches) and yield their meetings in [low, high]."""
        for i in range(0, len(objects), _BATCH):
            self._check()
            batch = objects[i:i + _BATCH]
            with conn.guard(name):
                loaded = calendar.multiget([o.url for o in batch])
            yield from self._meetings(loaded, _local(low), _local(high), True, seen)

    def _span(self, conn: _Connection, calendar: Any, name: str, ask_low: datetime, ask_high: datetime,
              low: datetime, high: datetime, *, inclusive: bool, seen: set[str]) -> Iterator[Meeting]:
        """The events with an occurrence in [ask_low, ask_high] (one day wider), and of them the
        occurrences that started in the span [low, high] (or (low, high])."""
        self._check()
        with conn.guard(name):
            found = calendar.search(start=(ask_low - _MARGIN).astimezone(timezone.utc),
                                    end=(ask_high + _MARGIN).astimezone(timezone.utc), event=True, expand=False)
        yield from self._meetings(found, _local(low), _local(high), inclusive, seen)

    def _meetings(self, objects: Iterable[Any], low: datetime, high: datetime, inclusive: bool,
                  seen: set[str]) -> Iterator[Meeting]:
        for obj in objects:
            href = str(obj.url.canonical())
            if href in seen:
                continue
            seen.add(href)
            data = _text(obj)
            if not data:               # deleted between the sync report and the multiget
                continue
            self.read += 1
            try:
                for meeting in meetings_of(data, now=high, skipped=self.skipped):
                    moment = _moment(meeting.start)
                    if (low <= moment if inclusive else low < moment) and moment <= high:
                        yield meeting
            except CaptureFormatError:
                self.skip(UNREADABLE)
            self.tell(self._done + 1)


def _text(obj: Any) -> bytes | str | None:
    """A calendar object's iCalendar text as the server sent it (before caldav's fixes)."""
    raw = getattr(obj, "raw_data", None)
    if raw:
        return raw  # type: ignore[no-any-return]
    try:
        data = obj.data
    except Exception:  # noqa: BLE001  (an object without data: nothing to read)
        return None
    return data if isinstance(data, (bytes, str)) else None
