"""A real CalDAV server for the tests: Radicale (PyPI), run as a child process.

The session-scoped fixture :func:`radicale` starts ``python -m radicale`` on 127.0.0.1
only, on a free port, with TLS (a certificate for 127.0.0.1 issued by a **trustme** test
CA), htpasswd authentication (plain text: the passwords are throw-away test values) and
filesystem storage in a temporary folder. Its log (level info: one line per request) goes
to a file the tests read to count requests.

Tests get their own user (:meth:`RadicaleServer.new_user`), so they neither see nor
disturb each other's calendars on the shared server. The client side trusts the test CA
only where a test asks for it (:meth:`RadicaleServer.trust`, through ``monkeypatch``:
``REQUESTS_CA_BUNDLE``, what niquests reads), so other servers' fixtures (the IMAP tests'
Dovecot, trusted through ``SSL_CERT_FILE``) may use CAs of their own in the same test.

Skipped, with the reason, only when Radicale (or trustme) cannot be imported.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import importlib.util
import itertools
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

__all__ = ["HOST", "RadicaleServer", "User", "radicale"]

HOST = "127.0.0.1"
_START_WITHIN = 60.0           # seconds Radicale gets to answer after starting (setup, not a test assertion)


@dataclass(frozen=True)
class User:
    name: str
    password: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class RadicaleServer:
    """One Radicale process (restartable on the same port, storage and users)."""

    def __init__(self, root: Path, ca: Any) -> None:
        self.root = root
        self.ca = ca
        self.port = _free_port()
        self.url = f"https://{HOST}:{self.port}/"
        self.ca_file = root / "ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        cert = ca.issue_cert(HOST, "localhost")
        self.cert_file, self.key_file = root / "server.pem", root / "server.key"
        cert.private_key_pem.write_to_path(str(self.key_file))
        with self.cert_file.open("wb") as out:
            for pem in cert.cert_chain_pems:
                out.write(pem.bytes())
        self.users_file = root / "users"
        self.users_file.write_text("", encoding="utf-8")
        self.storage = root / "collections"
        self.log_file = root / "radicale.log"
        self.config_file = root / "config"
        self.config_file.write_text(f"""\
[server]
hosts = {HOST}:{self.port}
ssl = True
certificate = {self.cert_file}
key = {self.key_file}
delay_on_error = 0
max_connections = 32
timeout = 30

[auth]
type = htpasswd
htpasswd_filename = {self.users_file}
htpasswd_encryption = plain
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = {self.storage}

[web]
type = none

[logging]
level = info
mask_passwords = True
""", encoding="utf-8")
        self._ids = itertools.count(1)
        self.process: subprocess.Popen[bytes] | None = None
        self._paused = False
        self.user = self.new_user("dana")

    # --- the process ------------------------------------------------------------------

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        env = dict(os.environ, HOME=str(self.root))  # no ~/.config/radicale/config of the developer's
        env.pop("RADICALE_CONFIG", None)
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(self.config_file)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env, cwd=str(self.root))
        deadline = time.monotonic() + _START_WITHIN
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Radicale exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as raw, \
                        self.context().wrap_socket(raw, server_hostname=HOST):
                    return
            except (OSError, ssl.SSLError):
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Radicale did not answer on port {self.port}:\n{self.log_tail()}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None:
            return
        self.resume()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    @contextlib.contextmanager
    def down(self) -> Iterator[None]:
        """The server stopped inside the block (its port closed), started again after it."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    def pause(self) -> None:
        """Freeze the process (SIGSTOP): connections are accepted by the kernel but never
        answered, so a client runs into its timeout. :meth:`resume` thaws it."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)
        self._paused = True

    def resume(self) -> None:
        if self._paused and self.process is not None:
            os.kill(self.process.pid, signal.SIGCONT)
        self._paused = False

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        self.pause()
        try:
            yield
        finally:
            self.resume()

    # --- the log ----------------------------------------------------------------------

    def log_text(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def log_mark(self) -> int:
        """Where the log ends now (for :meth:`requests_since`)."""
        return self.log_file.stat().st_size

    def requests_since(self, mark: int) -> list[tuple[str, str]]:
        """The (method, path) of every request the server logged after *mark*, in order."""
        with self.log_file.open("rb") as log:
            log.seek(mark)
            text = log.read().decode("utf-8", "replace")
        found = []
        for line in text.splitlines():
            head, sep, rest = line.partition(" request for '")
            if sep and " received from " in rest:
                method = head.rsplit(" ", 1)[-1].strip("[]:")
                found.append((method, rest.split("'", 1)[0]))
        return found

    # --- the client side --------------------------------------------------------------

    def context(self) -> ssl.SSLContext:
        """An SSL context trusting the test CA (for the fixtures' own requests)."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    def trust(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Make the test's CalDAV clients trust the test CA: caldav talks through niquests,
        which takes ``REQUESTS_CA_BUNDLE`` (it ignores ``SSL_CERT_FILE`` and reads the system's
        store otherwise). ``SSL_CERT_FILE`` is left to the IMAP tests' CA."""
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(self.ca_file))

    def new_user(self, prefix: str = "user") -> User:
        """A fresh user with an empty principal collection (Radicale reads the htpasswd file
        on every login, so the running server knows them at once)."""
        user = User(f"{prefix}{next(self._ids)}", uuid.uuid4().hex)
        with self.users_file.open("a", encoding="utf-8") as out:
            out.write(f"{user.name}:{user.password}\n")
        return user

    def request(self, user: User | None, method: str, path: str, body: bytes | str = b"",
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """One HTTPS request as *user* (no authentication for None); (status, body)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        sent = dict(headers or {})
        if user is not None:
            token = base64.b64encode(f"{user.name}:{user.password}".encode()).decode("ascii")
            sent["Authorization"] = "Basic " + token
        if data:
            sent.setdefault("Content-Length", str(len(data)))
        target = urlsplit(path).path if "://" in path else path
        conn = http.client.HTTPSConnection(HOST, self.port, context=self.context(), timeout=30)
        try:
            conn.request(method, target, body=data or None, headers=sent)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def calendar_url(self, user: User, calendar: str) -> str:
        return f"{self.url}{quote(user.name)}/{quote(calendar)}/"

    def make_calendar(self, user: User, calendar: str, display_name: str | None = None) -> str:
        """Create the calendar collection /<user>/<calendar>/ (MKCALENDAR); its URL."""
        url = self.calendar_url(user, calendar)
        name = display_name if display_name is not None else calendar
        body = f"""<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:displayname>{_xml(name)}</D:displayname>
    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>"""
        status, answer = self.request(user, "MKCALENDAR", url, body, {"Content-Type": "application/xml"})
        if status != 201:
            raise RuntimeError(f"MKCALENDAR {url}: {status} {answer[:300]!r}")
        return url

    def put_event(self, user: User, calendar_url: str, ics: str, name: str | None = None) -> str:
        """PUT one calendar object (a VCALENDAR text) into the calendar; its URL."""
        href = calendar_url + quote(name or f"{uuid.uuid4().hex}.ics")
        status, answer = self.request(user, "PUT", href, ics, {"Content-Type": "text/calendar; charset=utf-8"})
        if status not in (201, 204):
            raise RuntimeError(f"PUT {href}: {status} {answer[:300]!r}")
        return href

    def delete(self, user: User, url: str) -> None:
        status, answer = self.request(user, "DELETE", url)
        if status not in (200, 204):
            raise RuntimeError(f"DELETE {url}: {status} {answer[:300]!r}")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _missing() -> str | None:
    for module, package in (("radicale", "Radicale"), ("trustme", "trustme")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed (pip install {package}): the CalDAV tests need a real server"
    return None


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    """A running Radicale on https://127.0.0.1:<port>/ (see the module's docstring)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    import trustme

    server = RadicaleServer(tmp_path_factory.mktemp("radicale"), trustme.CA())
    server.start()
    try:
        yield server
    finally:
        server.stop()
