"""CalDAV accounts against a real Radicale (tests/accounts/radicale_server.py): the first fetch
gives what capturing the same events from an .ics file gives, later fetches read only what
is new, and every failure is an AccountError that says what happened."""

from __future__ import annotations

import hashlib
import http.server
import json
import logging
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from dealjournal.accounts.calendars import CalDavReader, _Connection, calendars
from dealjournal.accounts.errors import AccountError, UntrustedCertificate
from dealjournal.accounts.store import Account, FolderState
from dealjournal.capture.rules import Me, tally
from dealjournal.conversations import model
from dealjournal.conversations.calendar import IcsReader, meetings_of
from dealjournal.conversations.model import CaptureCancelled, Meeting
from tests.accounts import calgen
from tests.accounts.radicale_server import RadicaleServer, User

ME = Me.parse([calgen.ME])


@pytest.fixture
def dav(radicale: RadicaleServer, monkeypatch: pytest.MonkeyPatch, local_tz: str) -> RadicaleServer:
    """The server, its CA trusted by this test's clients, local time Europe/Berlin."""
    radicale.trust(monkeypatch)
    return radicale


def account(server: RadicaleServer, user: User, *folders: str, **changes: Any) -> Account:
    return replace(Account(kind="caldav", name="Calendar", host=server.url, username=user.name, folders=folders),
                   **changes)


def fill(server: RadicaleServer, user: User, name: str, events: list[calgen.Event]) -> str:
    url = server.make_calendar(user, name, name.capitalize())
    for event in events:
        server.put_event(user, url, event.ics(), f"{event.uid}.ics")
    return url


def fetch(server: RadicaleServer, user: User, acc: Account, states: dict[str, FolderState] | None = None,
          **options: Any) -> tuple[CalDavReader, list[model.Record]]:
    reader = CalDavReader(acc, user.password, dict(states or {}), **options)
    return reader, list(reader.records())


def shape(records: list[model.Record]) -> list[tuple[str, str, str, str | None]]:
    """What a meeting is, comparable across readers."""
    assert all(isinstance(r, Meeting) for r in records)
    return sorted((r.key, str(r.start), r.summary, r.ignored) for r in records if isinstance(r, Meeting))


def keys(records: list[model.Record]) -> set[str]:
    return {r.key for r in records if isinstance(r, Meeting)}


# --- the first fetch, the next ones -------------------------------------------------


def test_first_fetch_gives_what_the_ics_file_gives(dav: RadicaleServer, tmp_path: Path) -> None:
    user = dav.new_user()
    events = calgen.standard()
    url = fill(dav, user, "work", events)
    reader, fetched = fetch(dav, user, account(dav, user))

    file_records = list(IcsReader(calgen.write_ics(events, tmp_path / "work.ics")).records())
    now = datetime.now()
    assert tally(fetched, ME, now=now) == tally(file_records, ME, now=now) == calgen.STANDARD_TALLY
    # the same meetings, declined and cancelled ones too; only the event that has not begun
    # is left on the server (the file reader reports it as FUTURE)
    started = [r for r in file_records if not (isinstance(r, Meeting) and r.ignored == model.FUTURE)]
    assert len(started) == len(file_records) - 1
    assert shape(fetched) == shape(started)
    weekly = [r for r in fetched if r.key.startswith(events[0].uid + "/")]
    assert len(weekly) == 8 and all(isinstance(r, Meeting) and r.ignored is None for r in weekly)
    moved = [r for r in weekly if isinstance(r, Meeting) and isinstance(r.start, datetime) and r.start.hour == 15]
    assert len(moved) == 1                                   # the moved occurrence, under its own key
    assert reader.read == len(events) - 1                    # the future event was not asked for
    assert reader.skipped == {}
    assert list(reader.new_states) == [url]
    state = json.loads(reader.new_states[url].validity or "")
    assert state["token"] and state["since"] < state["until"]


def test_second_fetch_reads_nothing_and_asks_little(dav: RadicaleServer) -> None:
    user = dav.new_user()
    url = fill(dav, user, "work", calgen.standard())
    acc = account(dav, user)
    first, _ = fetch(dav, user, acc)

    mark = dav.log_mark()
    second, again = fetch(dav, user, acc, first.new_states)
    assert again == [] and second.read == 0
    asked = dav.requests_since(mark)
    assert [m for m, _ in asked if m not in ("PROPFIND", "REPORT")] == []   # no GET, nothing written
    reports = [path for m, path in asked if m == "REPORT"]
    assert reports == [urlpath(url)] * 2                 # sync-collection, and what started since
    assert json.loads(second.new_states[url].validity or "")["token"] == \
        json.loads(first.new_states[url].validity or "")["token"]


def urlpath(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_an_added_event_is_all_that_comes(dav: RadicaleServer) -> None:
    user = dav.new_user()
    events = calgen.standard()
    url = fill(dav, user, "work", events)
    acc = account(dav, user)
    first, before = fetch(dav, user, acc)

    added = calgen.single("coffee", date.today() - timedelta(days=2), calgen.FRANK)
    dav.put_event(user, url, added.ics(), f"{added.uid}.ics")
    second, new = fetch(dav, user, acc, first.new_states)
    assert [r.key for r in new] == [added.uid] and second.read == 1

    # a series changed on the server: its occurrences come again, under the same keys
    weekly = replace(events[0], summary="Weekly sync (new room)", sequence=1)
    dav.put_event(user, url, weekly.ics(), f"{weekly.uid}.ics")
    dav.delete(user, url + f"{events[6].uid}.ics")       # deleted on the server: nothing to do
    third, changed = fetch(dav, user, acc, second.new_states)
    assert keys(changed) == {k for k in keys(before) if k.startswith(weekly.uid + "/")}
    assert {r.summary for r in changed} == {"Weekly sync (new room)"}

    fourth, none = fetch(dav, user, acc, third.new_states)
    assert none == [] and fourth.read == 0


def test_what_started_since_the_last_fetch_comes_without_a_change(dav: RadicaleServer) -> None:
    """A series' next occurrence and an event that was in the future do not change on the
    server, so no sync token reports them: the fetch asks for what started since."""
    user = dav.new_user()
    events = calgen.standard()
    fill(dav, user, "work", events)
    acc = account(dav, user)
    earlier = datetime.combine(date.today() - timedelta(days=6), time())   # before planning, after the rest
    first, before = fetch(dav, user, acc, now=earlier)
    assert all(r.start <= earlier if isinstance(r.start, datetime) else r.start <= earlier.date()
               for r in before if isinstance(r, Meeting))

    _, since = fetch(dav, user, acc, first.new_states)
    assert not keys(since) & keys(before)
    weekly_last = [r for r in since if r.key.startswith(events[0].uid + "/")]
    assert len(weekly_last) == 1                             # the occurrence of three days ago
    assert {r.summary for r in since} == {"Weekly sync", "Planning", "Vendor pitch", "Lunch"}
    assert keys(before) | keys(since) == keys(fetch(dav, user, acc)[1])   # = a first fetch now


def test_the_first_fetch_reaches_back_months_only(dav: RadicaleServer) -> None:
    user = dav.new_user()
    old = calgen.old_weekly(weeks=30)
    url = fill(dav, user, "work", [old])
    acc = account(dav, user, months=1)
    first, fetched = fetch(dav, user, acc)
    assert fetched
    month_ago = datetime.now() - timedelta(days=31)
    assert all(isinstance(r, Meeting) and isinstance(r.start, datetime) and r.start >= month_ago for r in fetched)
    all_of_it = list(meetings_of(old.ics()))
    assert len(all_of_it) == 30 and len(fetched) in (4, 5)
    # a change to the series later does not reach further back than the first fetch did
    dav.put_event(user, url, replace(old, summary="Old weekly, renamed", sequence=1).ics(), f"{old.uid}.ics")
    second, again = fetch(dav, user, acc, first.new_states)
    assert keys(again) == keys(fetched)
    # more months chosen later: the months not read yet come, once
    longer = replace(acc, months=3)
    third, older = fetch(dav, user, longer, second.new_states)
    assert older and not keys(older) & keys(fetched)
    assert keys(older) | keys(fetched) == keys(fetch(dav, user, longer)[1])
    fourth, none = fetch(dav, user, longer, third.new_states)
    assert none == [] and fourth.read == 0


def test_calendars_are_discovered_or_chosen(dav: RadicaleServer) -> None:
    user = dav.new_user()
    today = date.today()
    work = fill(dav, user, "work", [calgen.single("review", today - timedelta(days=3), calgen.ADA)])
    home = fill(dav, user, "home", [calgen.single("dinner", today - timedelta(days=4), calgen.EVE)])
    assert calendars(account(dav, user), user.password) == [(home, "Home"), (work, "Work")]

    every, records = fetch(dav, user, account(dav, user))
    assert {r.summary for r in records} == {"Review", "Dinner"} and set(every.new_states) == {work, home}
    chosen, records = fetch(dav, user, account(dav, user, work))
    assert [r.summary for r in records] == ["Review"] and list(chosen.new_states) == [work]


def test_a_calendar_removed_from_the_server_is_named(dav: RadicaleServer) -> None:
    user = dav.new_user()
    gone = dav.calendar_url(user, "gone")
    with pytest.raises(AccountError, match="no longer on") as caught:
        fetch(dav, user, account(dav, user, gone))
    assert "gone" in str(caught.value)


def test_a_stale_sync_token_reads_the_window_again(dav: RadicaleServer) -> None:
    user = dav.new_user()
    url = fill(dav, user, "work", calgen.standard())
    acc = account(dav, user)
    first, before = fetch(dav, user, acc)
    state = json.loads(first.new_states[url].validity or "")
    stale = {url: FolderState(json.dumps({**state, "token": "http://radicale.org/ns/sync/" + "0" * 64}))}
    second, none = fetch(dav, user, acc, stale)
    assert none == [] and second.read == 0                  # the ctag says nothing changed

    added = calgen.single("coffee", date.today() - timedelta(days=2), calgen.FRANK)
    dav.put_event(user, url, added.ics(), f"{added.uid}.ics")
    third, again = fetch(dav, user, acc, stale)
    assert keys(again) == keys(before) | {added.uid}        # read again; the keys keep it from adding twice
    fourth, none = fetch(dav, user, acc, third.new_states)
    assert none == [] and fourth.read == 0                  # and the new token works


def test_without_a_sync_token_the_ctag_tells(dav: RadicaleServer) -> None:
    """A server that had no sync token: an unchanged ctag reads nothing, a changed one the window."""
    user = dav.new_user()
    url = fill(dav, user, "work", calgen.standard())
    acc = account(dav, user)
    first, before = fetch(dav, user, acc)
    state = json.loads(first.new_states[url].validity or "")
    assert state["ctag"]
    no_token = {url: FolderState(json.dumps({**state, "token": None}))}
    mark = dav.log_mark()
    second, none = fetch(dav, user, acc, no_token)
    assert none == [] and second.read == 0
    assert [m for m, _ in dav.requests_since(mark)].count("REPORT") == 1   # only "what started since"

    added = calgen.single("coffee", date.today() - timedelta(days=2), calgen.FRANK)
    dav.put_event(user, url, added.ics(), f"{added.uid}.ics")
    _, reread = fetch(dav, user, acc, no_token)             # the ctag has changed now
    assert keys(reread) == keys(before) | {added.uid}


# --- what goes wrong ----------------------------------------------------------------


def test_wrong_password(dav: RadicaleServer, caplog: pytest.LogCaptureFixture) -> None:
    user = dav.new_user()
    wrong = User(user.name, "not-" + user.password)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AccountError, match="refused the user name or password") as caught:
        fetch(dav, wrong, account(dav, user))
    message = str(caught.value)
    assert f"127.0.0.1:{dav.port}" in message and user.name in message
    assert wrong.password not in message and wrong.password not in caplog.text
    with pytest.raises(AccountError, match="refused"):
        calendars(account(dav, user), wrong.password)


def test_server_down_then_back(dav: RadicaleServer) -> None:
    user = dav.new_user()
    fill(dav, user, "work", calgen.standard())
    acc = account(dav, user)
    with dav.down():
        reader = CalDavReader(acc, user.password, {})
        with pytest.raises(AccountError, match="cannot be reached"):
            list(reader.records())
        assert reader.new_states == {}
    _, records = fetch(dav, user, acc)
    assert tally(records, ME, now=datetime.now()) == calgen.STANDARD_TALLY


def _server_fingerprint(server: RadicaleServer) -> str:
    pem = server.cert_file.read_text().split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n"
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


def test_untrusted_certificate_then_trusted(dav: RadicaleServer, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    import trustme

    user = dav.new_user()
    fill(dav, user, "work", calgen.standard())
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other))
    acc = account(dav, user)
    with pytest.raises(UntrustedCertificate) as caught:
        fetch(dav, user, acc)
    seen = _server_fingerprint(dav)
    assert caught.value.fingerprint == seen
    assert seen in str(caught.value) and "cannot be verified" in str(caught.value)
    with pytest.raises(UntrustedCertificate):
        calendars(acc, user.password)

    trusted = replace(acc, trusted_cert=seen)                # the user chose to trust exactly it
    reader, records = fetch(dav, user, trusted)
    assert tally(records, ME, now=datetime.now()) == calgen.STANDARD_TALLY
    assert calendars(trusted, user.password)
    _, none = fetch(dav, user, trusted, reader.new_states)
    assert none == []
    with pytest.raises(UntrustedCertificate):                # another fingerprint is not it
        fetch(dav, user, replace(acc, trusted_cert="0" * 64))


def test_timeout_mid_fetch_writes_no_state_and_the_next_fetch_completes(dav: RadicaleServer) -> None:
    user = dav.new_user()
    today = date.today()
    fill(dav, user, "a", [calgen.single("first", today - timedelta(days=3), calgen.ADA)])
    fill(dav, user, "b", [calgen.single("second", today - timedelta(days=4), calgen.BEN)])
    acc = account(dav, user)

    def freeze(done: int) -> None:
        if done == 1:
            dav.pause()                                     # the server stops answering mid-fetch

    reader = CalDavReader(acc, user.password, {}, progress=freeze, timeout=1.0)
    try:
        with pytest.raises(AccountError, match=r"did not answer within 1 second\."):
            list(reader.records())
    finally:
        dav.resume()
    assert reader.new_states == {}
    _, records = fetch(dav, user, acc)
    assert {r.summary for r in records} == {"First", "Second"}

    with dav.paused(), pytest.raises(AccountError, match="did not answer"):   # no answer at all
        calendars(acc, user.password, timeout=1.0)


def test_cancel(dav: RadicaleServer) -> None:
    user = dav.new_user()
    fill(dav, user, "work", calgen.standard())
    told: list[int] = []

    def progress(done: int) -> bool:
        told.append(done)
        return done < 3

    reader = CalDavReader(account(dav, user), user.password, {}, progress=progress)
    with pytest.raises(CaptureCancelled):
        list(reader.records())
    assert reader.new_states == {} and max(told) == 3 and told[0] == 0


class _NotDav(http.server.BaseHTTPRequestHandler):
    def _page(self) -> None:
        body = b"<html><body>Welcome to nginx!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PROPFIND = do_REPORT = do_OPTIONS = _page

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def web_server(dav: RadicaleServer) -> Iterator[str]:
    """An HTTPS server on 127.0.0.1 (certificate of the test CA) that is not a CalDAV server."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotDav)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(dav.cert_file), str(dav.key_file))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_not_a_caldav_server(dav: RadicaleServer, web_server: str) -> None:
    acc = Account(kind="caldav", name="Web", host=web_server, username="dana")
    with pytest.raises(AccountError, match="does not answer as a CalDAV server"):
        list(CalDavReader(acc, "secret", {}).records())
    with pytest.raises(AccountError, match="does not answer as a CalDAV server"):
        calendars(acc, "secret")


def test_plain_http_is_refused(dav: RadicaleServer) -> None:
    acc = Account(kind="caldav", name="Plain", host=dav.url.replace("https://", "http://"), username="dana")
    with pytest.raises(AccountError, match="TLS only"):
        list(CalDavReader(acc, "secret", {}).records())


def test_no_secret_in_the_log(dav: RadicaleServer, caplog: pytest.LogCaptureFixture) -> None:
    import base64

    user = dav.new_user()
    fill(dav, user, "work", calgen.standard())
    caplog.set_level(logging.DEBUG)
    first, _ = fetch(dav, user, account(dav, user))
    fetch(dav, user, account(dav, user), first.new_states)
    with pytest.raises(AccountError):
        list(CalDavReader(account(dav, user, name="x"), user.password + "x", {}).records())
    with dav.down(), pytest.raises(AccountError):
        fetch(dav, user, account(dav, user))
    basic = base64.b64encode(f"{user.name}:{user.password}".encode()).decode()
    assert caplog.records and user.password not in caplog.text and basic not in caplog.text
    assert user.password not in json.dumps({k: s.validity for k, s in first.new_states.items()})


def test_me_hints_are_the_principals_mailto_addresses() -> None:
    class Principal:
        def calendar_user_address_set(self) -> list[str | None]:
            return ["mailto:Dana@Example.com", "/dana/", None, "MAILTO:dana%2Bwork@example.com"]

    conn = _Connection(Account(kind="caldav", name="x", host="https://dav.example.com/", username="dana"),
                       "secret", 5.0)
    assert conn.addresses(Principal()) == ["dana@example.com", "dana+work@example.com"]
