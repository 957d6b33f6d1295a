"""A real Dovecot IMAP server for the tests: Debian's ``dovecot-imapd``, started by the test
session as a child process, listening on 127.0.0.1 only.

The ``dovecot`` fixture (session-scoped) starts ``/usr/sbin/dovecot -F -c <config>`` with a
configuration written for the installed version — Dovecot 2.3 (Debian bookworm) and 2.4
(trixie: ``dovecot_config_version``, ``mail_driver``/``mail_path``, named
``passdb passwd-file {…}`` blocks, ``ssl_server_cert_file``, ``listen`` inside the
listeners, ``%{user}``) — with:

- two listeners on free ports of 127.0.0.1: IMAPS and IMAP with STARTTLS;
- a certificate for 127.0.0.1 and localhost issued by a **trustme** test CA (``ca_file``);
  ``ssl = required`` and no plaintext authentication (Dovecot treats a connection from the
  same address it was made to as secured, so from 127.0.0.1 to 127.0.0.1 it would still
  allow LOGIN before STARTTLS: :meth:`Dovecot.plain_capabilities` connects from 127.0.0.2
  to show ``LOGINDISABLED``);
- users in a passwd-file, each with a Maildir of their own (:meth:`Dovecot.add_user`; the
  ``mailbox`` fixture gives every test a fresh one);
- the log in ``dovecot.log`` (logins, and each session's ``hdr_count``/``body_count`` at
  logout) and every session's commands after login in ``rawlog/<user>/`` — what a fetch sent
  is counted on the server's side (:meth:`MailUser.watch`).

Run as root (CI, this machine), Dovecot's own ``dovecot``/``dovenull`` users run its
services and the mail is owned by ``dovecot``; run as anyone else, everything runs as that
user. ``DEALJOURNAL_DOVECOT``/``DEALJOURNAL_DOVEADM`` name other binaries (another build).
The tests are skipped, with the reason printed, only when there is no Dovecot binary.
The package's own system service is never used (and must stay stopped and disabled).
"""

from __future__ import annotations

import contextlib
import email.utils
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

DOVECOT = os.environ.get("DEALJOURNAL_DOVECOT", "/usr/sbin/dovecot")
DOVEADM = os.environ.get("DEALJOURNAL_DOVEADM", "/usr/bin/doveadm")
HOST = "127.0.0.1"
PASSWORD = "correct horse battery staple"
POOL = 24     # users written to the passwd-file at a time
WAIT = 20.0   # seconds to wait for the server to start, or a session to end

_TAGGED = re.compile(r"^\d+\.\d+ ([A-Z]{4}\d+) (.*)$")
_DISCONNECTED = re.compile(r"imap\((?P<user>[^)]*)\)<(?P<pid>\d+)><[^>]*>: Info: Disconnected.*?"
                           r"hdr_count=(?P<hdr>\d+) .*?body_count=(?P<body>\d+)")
_LOGGED_IN = re.compile(r"imap-login: Info: (?:Login|Logged in): user=<(?P<user>[^>]*)>.*?mpid=(?P<pid>\d+)"
                        r"(?P<rest>.*)$")


def version(binary: str = DOVECOT) -> tuple[int, int]:
    """The (major, minor) of ``dovecot --version`` ("2.3.19.1 (9b53102964)" → (2, 3))."""
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
    found = re.match(r"\s*(\d+)\.(\d+)", out)
    if found is None:
        raise RuntimeError(f"cannot read the version of {binary}: {out!r}")
    return int(found.group(1)), int(found.group(2))


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def uid_set(text: str) -> list[int]:
    """The UIDs of an IMAP sequence set without ``*`` ("1,3:5" → [1, 3, 4, 5])."""
    found: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition(":")
        if high:
            found.extend(range(int(low), int(high) + 1))
        else:
            found.append(int(low))
    return found


@dataclass
class Session:
    """One IMAP connection as the server saw it after the login."""

    pid: int
    commands: list[str]          # "EXAMINE \"INBOX\"", "UID FETCH 1,2 (FLAGS …)", … without their tags
    headers_sent: int = 0        # messages whose header data the server sent (Dovecot's hdr_count)
    bodies_sent: int = 0         # messages whose body data it sent (body_count)
    login: str = ""              # the login line of the log ("… TLS …")

    def named(self, *verbs: str) -> list[str]:
        """The commands starting with any of *verbs* ("UID FETCH", "EXAMINE")."""
        return [c for c in self.commands if c.upper().startswith(tuple(v.upper() for v in verbs))]

    @property
    def fetched_uids(self) -> list[int]:
        uids: list[int] = []
        for command in self.named("UID FETCH"):
            uids.extend(uid_set(command.split()[2]))
        return uids


@dataclass
class Watch:
    sessions: list[Session] = field(default_factory=list)


class MailUser:
    """One user of the test server, with a Maildir of their own."""

    def __init__(self, server: Dovecot, name: str, password: str) -> None:
        self.server = server
        self.name = name
        self.password = password
        self.home = server.root / "home" / name
        self.maildir = self.home / "Maildir"
        self.rawlog = server.root / "rawlog" / name

    # --- connections ---------------------------------------------------------------------

    def client(self) -> Any:
        """An imapclient connection over IMAPS, logged in, trusting the test CA."""
        import imapclient

        context = ssl.create_default_context(cafile=str(self.server.ca_file))
        client = imapclient.IMAPClient(self.server.host, self.server.imaps_port, ssl=True, ssl_context=context,
                                       timeout=WAIT)
        try:
            client.login(self.name, self.password)
        except BaseException:
            client.shutdown()
            raise
        return client

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        client = self.client()
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    def account(self, **changes: Any) -> Any:
        """An IMAPS account of this user (changes: security, port, folders, months, trusted_cert …)."""
        from dealjournal.accounts import Account

        values: dict[str, Any] = {"kind": "imap", "name": f"Test {self.name}", "host": self.server.host,
                                  "username": self.name, "port": self.server.imaps_port, "security": "ssl"}
        values.update(changes)
        if changes.get("security") == "starttls" and "port" not in changes:
            values["port"] = self.server.imap_port
        return Account(**values)

    # --- the mailbox ---------------------------------------------------------------------

    def folders(self) -> list[tuple[tuple[bytes, ...], str]]:
        with self.connection() as c:
            return [(tuple(flags), name) for flags, _, name in c.list_folders()]

    def create_folder(self, name: str, special_use: str | None = None) -> None:
        """Create *name* (if missing), marked with SPECIAL-USE *special_use* ("\\\\Sent") for
        every user (Dovecot takes the attributes from its configuration: reloaded when new)."""
        if special_use is not None:
            self.server.mark_special_use(name, special_use)
        with self.connection() as c:
            if not c.folder_exists(name):
                c.create_folder(name)

    def deliver(self, folder: str, message: bytes, flags: Iterable[bytes | str] = (),
                when: datetime | None = None) -> int:
        """APPEND *message* to *folder* (created if missing); its internal date is *when*, else
        its Date header (so SEARCH SINCE sees it as sent). Returns its UID."""
        return self.deliver_many([(folder, message)], flags, when)[0]

    def deliver_many(self, messages: Iterable[tuple[str, bytes]], flags: Iterable[bytes | str] = (),
                     when: datetime | None = None) -> list[int]:
        marks = list(flags)
        uids = []
        with self.connection() as c:
            known: set[str] = set()
            for folder, message in messages:
                if folder not in known and not c.folder_exists(folder):
                    c.create_folder(folder)
                known.add(folder)
                at = when or date_of(message)
                reply = c.append(folder, crlf(message), marks, at)
                found = re.search(rb"APPENDUID \d+ (\d+)", reply)
                uids.append(int(found.group(1)) if found else -1)
        return uids

    def status(self, folder: str) -> dict[bytes, int]:
        with self.connection() as c:
            return {k: int(v) for k, v in c.folder_status(folder, ["UIDVALIDITY", "UIDNEXT", "MESSAGES"]).items()}

    def uidvalidity(self, folder: str) -> int:
        return self.status(folder)[b"UIDVALIDITY"]

    def flags(self, folder: str) -> dict[int, tuple[bytes, ...]]:
        """Every message's flags (read-only; \\Recent left out)."""
        with self.connection() as c:
            c.select_folder(folder, readonly=True)
            uids = c.search(["ALL"])
            found = c.fetch(uids, ["FLAGS"]) if uids else {}
            return {uid: tuple(sorted(f for f in data[b"FLAGS"] if f != b"\\Recent")) for uid, data in found.items()}

    def reset_uidvalidity(self, folder: str) -> int:
        """Give *folder* a new UIDVALIDITY, as a server restore does: INBOX by ``doveadm
        mailbox update``, any other folder by deleting and recreating it with the same
        messages, flags and dates (their UIDs start at 1 again). Returns the new value."""
        before = self.uidvalidity(folder)
        if folder.upper() == "INBOX":
            self.server.doveadm("mailbox", "update", "-u", self.name, "--uid-validity", str(before + 1), folder)
        else:
            with self.connection() as c:
                c.select_folder(folder, readonly=True)
                uids = c.search(["ALL"])
                kept = c.fetch(uids, ["FLAGS", "INTERNALDATE", "BODY.PEEK[]"]) if uids else {}
                c.unselect_folder()
                c.delete_folder(folder)
                c.create_folder(folder)
                for uid in sorted(kept):
                    data = kept[uid]
                    c.append(folder, data[b"BODY[]"], [f for f in data[b"FLAGS"] if f != b"\\Recent"],
                             data[b"INTERNALDATE"])
        after = self.uidvalidity(folder)
        assert after != before, f"the UIDVALIDITY of {folder} did not change"
        return after

    def load_maildir(self, folder: str, messages: Iterable[bytes], seen: bool = True) -> int:
        """Write *messages* straight into *folder*'s Maildir (fast: for the bench's 50,000),
        each file's time its Date, then let Dovecot index them (``doveadm force-resync``)."""
        self.create_folder(folder)
        target = self.maildir if folder.upper() == "INBOX" else self.maildir / ("." + folder.replace("/", "."))
        uid, gid = self.server.mail_ids
        n = 0
        for n, message in enumerate(messages, 1):
            data = message.replace(b"\r\n", b"\n")
            stamp = date_of(data).timestamp()
            path = target / "cur" / f"{int(stamp)}.M{n}P{os.getpid()}.dealjournal,S={len(data)}:2,{'S' if seen else ''}"
            path.write_bytes(data)
            os.utime(path, (stamp, stamp))
            if os.getuid() == 0:
                os.chown(path, uid, gid)
        self.server.doveadm("force-resync", "-u", self.name, folder)
        return n

    # --- what the server saw ---------------------------------------------------------------

    @contextlib.contextmanager
    def watch(self) -> Iterator[Watch]:
        """The sessions of this user that start inside the ``with`` block, with their commands,
        once each has ended (waits for the server's logout line)."""
        before = set(self._rawlogs())
        seen = Watch()
        yield seen
        seen.sessions = self.server.sessions(self.name, [p for p in self._rawlogs() if p not in before])

    def _rawlogs(self) -> list[Path]:
        return sorted(self.rawlog.glob("*.in"))

    def pause(self) -> list[int]:
        """Stop (SIGSTOP) this user's IMAP processes that are logged in now: the server goes
        on accepting nothing on those connections until :meth:`resume`."""
        deadline = time.monotonic() + WAIT
        self.paused = self.server.live_pids(self.name)
        while not self.paused and time.monotonic() < deadline:   # the log may lag a little behind
            time.sleep(0.05)
            self.paused = self.server.live_pids(self.name)
        for pid in self.paused:
            os.kill(pid, signal.SIGSTOP)
        return self.paused

    def resume(self) -> None:
        for pid in getattr(self, "paused", []):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self.paused = []


def date_of(message: bytes) -> datetime:
    found = re.search(rb"^Date:[ \t]*([^\r\n]*)", message, re.MULTILINE | re.IGNORECASE)
    if found is None:
        return datetime.now().astimezone()
    return email.utils.parsedate_to_datetime(found.group(1).decode("ascii", "replace"))


def crlf(message: bytes) -> bytes:
    return message.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class Dovecot:
    """The test server; ``user``/``password``/``maildir`` and the mail helpers are those of
    its first user (:attr:`main`)."""

    host = HOST

    def __init__(self, root: Path, binary: str = DOVECOT, doveadm_binary: str = DOVEADM) -> None:
        self.root = root
        self.binary = binary
        self.doveadm_binary = doveadm_binary
        self.version = version(binary)
        self.imaps_port = free_port()
        self.imap_port = free_port()
        self.config = root / "dovecot.conf"
        self.log_file = root / "dovecot.log"
        self.passwd = root / "passwd"
        self.special_use: dict[str, str] = {}
        self.users: dict[str, MailUser] = {}
        self._pool: list[MailUser] = []
        self.process: subprocess.Popen[bytes] | None = None
        self.mail_ids = self._mail_ids()
        for sub in ("run", "state", "home", "rawlog"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        self._certificates()
        self.passwd.write_text("")
        self.passwd.chmod(0o600)
        if os.getuid() == 0:   # read by the auth process, which runs as Dovecot's own user
            os.chown(self.passwd, *self.mail_ids)
        self.main = self._write_users(["sam"], PASSWORD)[0]
        self.users["sam"] = self.main
        self._write_config()

    # --- setup ---------------------------------------------------------------------------

    @staticmethod
    def _mail_ids() -> tuple[int, int]:
        """Who owns the mail: Dovecot's own user when we are root (Dovecot never lets a
        mail process run as root), else whoever runs the tests."""
        if os.getuid() != 0:
            return os.getuid(), os.getgid()
        for name in ("dovecot", "nobody"):
            with contextlib.suppress(KeyError):
                entry = pwd.getpwnam(name)
                return entry.pw_uid, entry.pw_gid
        raise RuntimeError("no 'dovecot' or 'nobody' user to own the test mail")

    def _certificates(self) -> None:
        import trustme

        self.ca = trustme.CA(organization_name="Deal Journal test CA")
        cert = self.ca.issue_cert("127.0.0.1", "localhost")
        self.ca_file = self.root / "ca.pem"
        self.cert_file = self.root / "cert.pem"
        self.key_file = self.root / "key.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self.cert_file.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
        cert.private_key_pem.write_to_path(str(self.key_file))
        self.key_file.chmod(0o600)
        self.cert_der = ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode("ascii"))

    def add_user(self, name: str | None = None, password: str = PASSWORD) -> MailUser:
        """A new user with an empty Maildir. Dovecot rereads its passwd-file at most once a
        second, so users are written ahead, a batch at a time (:data:`POOL`)."""
        if name is not None or password != PASSWORD:
            user = self._write_users([name or f"user{len(self.users) + len(self._pool) + 1}"], password)[0]
        else:
            if not self._pool:
                first = len(self.users) + 1
                self._pool = self._write_users([f"user{i}" for i in range(first, first + POOL)], password)
            user = self._pool.pop(0)
        self._wait_until_known(user)
        self.users[user.name] = user
        return user

    def _wait_until_known(self, user: MailUser) -> None:
        """Until *user* can log in (the passwd-file is reread a moment after it changes)."""
        deadline = time.monotonic() + WAIT
        while True:
            try:
                user.client().logout()
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _write_users(self, names: list[str], password: str) -> list[MailUser]:
        uid, gid = self.mail_ids
        made = []
        with self.passwd.open("a") as out:
            for name in names:
                user = MailUser(self, name, password)
                for folder in (user.home, user.rawlog):
                    folder.mkdir(parents=True, exist_ok=True)
                    folder.chmod(0o700)
                    if os.getuid() == 0:
                        os.chown(folder, uid, gid)
                out.write(f"{name}:{{PLAIN}}{password}:{uid}:{gid}::{user.home}::\n")
                made.append(user)
        return made

    def _identity(self) -> tuple[str, str, str]:
        """default_internal_user/group and default_login_user."""
        if os.getuid() == 0:
            return "dovecot", grp.getgrgid(pwd.getpwnam("dovecot").pw_gid).gr_name, "dovenull"
        me = pwd.getpwuid(os.getuid()).pw_name
        return me, grp.getgrgid(os.getgid()).gr_name, me

    def config_text(self) -> str:
        """The configuration for the installed Dovecot (2.3, or 2.4's new syntax)."""
        r = self.root
        internal_user, internal_group, login_user = self._identity()
        uid, gid = self.mail_ids
        v24 = self.version >= (2, 4)
        mailboxes = "".join(f'  mailbox "{name}" {{\n    special_use = {use}\n  }}\n'
                            for name, use in sorted(self.special_use.items()))
        where = "listen" if v24 else "address"
        user_var = "%{user}" if v24 else "%u"
        lines = [
            *(["dovecot_config_version = 2.4.0", "dovecot_storage_version = 2.4.0"] if v24 else []),
            "# written by tests/accounts/dovecot.py: a throwaway test server on 127.0.0.1",
            "protocols = imap",
            f"listen = {HOST}",
            f"base_dir = {r}/run",
            f"state_dir = {r}/state",
            f"log_path = {self.log_file}",
            f"instance_name = dealjournal-test-{self.imaps_port}",
            f"default_internal_user = {internal_user}",
            f"default_internal_group = {internal_group}",
            f"default_login_user = {login_user}",
            f"first_valid_uid = {uid}",
            f"first_valid_gid = {gid}",
            "ssl = required",
            *([f"ssl_server_cert_file = {self.cert_file}", f"ssl_server_key_file = {self.key_file}",
               "auth_allow_cleartext = no"] if v24 else
              [f"ssl_cert = <{self.cert_file}", f"ssl_key = <{self.key_file}", "disable_plaintext_auth = yes"]),
            "auth_mechanisms = plain login",
            "auth_verbose = yes",
            *(["passdb passwd-file {", f"  passwd_file_path = {self.passwd}", "  default_password_scheme = PLAIN",
               "}", "userdb passwd-file {", f"  passwd_file_path = {self.passwd}", "}",
               "mail_driver = maildir", "mail_path = ~/Maildir"] if v24 else
              ["passdb {", "  driver = passwd-file", f"  args = scheme=PLAIN {self.passwd}", "}",
               "userdb {", "  driver = passwd-file", f"  args = {self.passwd}", "}",
               "mail_location = maildir:~/Maildir"]),
            "namespace inbox {", "  inbox = yes", "  separator = /", mailboxes.rstrip("\n"), "}",
            "service imap-login {",
            "  inet_listener imap {", f"    {where} = {HOST}", f"    port = {self.imap_port}", "  }",
            "  inet_listener imaps {", f"    {where} = {HOST}", f"    port = {self.imaps_port}", "    ssl = yes",
            "  }",
            *(["  chroot ="] if os.getuid() != 0 else []),
            "}",
            *(["service anvil {", "  chroot =", "}"] if os.getuid() != 0 else []),
            "protocol imap {",
            f"  rawlog_dir = {r}/rawlog/{user_var}",
            "  mail_max_userip_connections = 50",
            "}",
        ]
        return "\n".join(line for line in lines if line) + "\n"

    def _write_config(self) -> None:
        self.config.write_text(self.config_text())

    def mark_special_use(self, name: str, use: str) -> None:
        if self.special_use.get(name) == use:
            return
        self.special_use[name] = use
        self._write_config()
        if self.running:
            self.reload()

    # --- running -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start the server and wait until both ports accept connections."""
        if self.running:
            return
        with (self.root / "stdout.log").open("ab") as out:
            self.process = subprocess.Popen([self.binary, "-F", "-c", str(self.config)], stdout=out,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + WAIT
        while not all(self._accepts(port) for port in (self.imaps_port, self.imap_port)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Dovecot {self.version} did not start:\n{self.log_tail()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server (its processes end; the ports refuse connections)."""
        process, self.process = self.process, None
        if process is None:
            return
        for user in self.users.values():
            user.resume()
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(WAIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(WAIT)
        deadline = time.monotonic() + WAIT
        while any(self._accepts(p) for p in (self.imaps_port, self.imap_port)) and time.monotonic() < deadline:
            time.sleep(0.05)

    def reload(self) -> None:
        """Make the running server read its configuration again."""
        assert self.process is not None
        before = self.log_file.read_text(errors="replace").count("reloading configuration") \
            if self.log_file.exists() else 0
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + WAIT
        while self.log_file.read_text(errors="replace").count("reloading configuration") <= before:
            if time.monotonic() > deadline:
                raise RuntimeError(f"Dovecot did not reload:\n{self.log_tail()}")
            time.sleep(0.05)
        time.sleep(0.2)   # the new configuration reaches new logins once the config process restarted

    @staticmethod
    def _accepts(port: int) -> bool:
        with socket.socket() as s:
            s.settimeout(1.0)
            return s.connect_ex((HOST, port)) == 0

    def doveadm(self, *args: str) -> str:
        run = subprocess.run([self.doveadm_binary, "-c", str(self.config), *args], capture_output=True,
                             text=True, timeout=600)
        if run.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {run.stdout}{run.stderr}")
        return run.stdout

    def log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        stdout = self.root / "stdout.log"
        text = (stdout.read_text(errors="replace") if stdout.exists() else "") + self.log()
        return "\n".join(text.splitlines()[-lines:])

    # --- what it saw -----------------------------------------------------------------------

    def live_pids(self, user: str) -> list[int]:
        """The IMAP processes of *user* logged in and not yet disconnected (from the log)."""
        text = self.log()
        logged_in = [int(m.group("pid")) for m in map(_LOGGED_IN.search, text.splitlines())
                     if m and m.group("user") == user]
        gone = {int(m.group("pid")) for m in _DISCONNECTED.finditer(text) if m.group("user") == user}
        return [pid for pid in logged_in if pid not in gone and _is_imap(pid)]

    def sessions(self, user: str, rawlogs: list[Path]) -> list[Session]:
        """The sessions recorded in *rawlogs* (``<time>.<pid>.<n>.in``), once the log says
        each has ended; oldest first."""
        pids = [int(p.name.split(".")[1]) for p in rawlogs]
        deadline = time.monotonic() + WAIT
        while True:
            text = self.log()
            ended = {int(m.group("pid")): m for m in _DISCONNECTED.finditer(text) if m.group("user") == user}
            if all(pid in ended for pid in pids) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        logins = {int(m.group("pid")): m.group(0) for m in map(_LOGGED_IN.search, text.splitlines()) if m}
        found = []
        for path, pid in sorted(zip(rawlogs, pids), key=lambda item: item[0].stat().st_mtime):
            commands = [m.group(2) for m in map(_TAGGED.match, path.read_text(errors="replace").splitlines()) if m]
            end = ended.get(pid)
            found.append(Session(pid, commands, int(end.group("hdr")) if end else -1,
                                 int(end.group("body")) if end else -1, logins.get(pid, "")))
        return found

    def plain_capabilities(self) -> bytes:
        """The greeting of the STARTTLS port to a client on another address (127.0.0.2), as a
        remote client sees it."""
        with socket.socket() as s:
            s.settimeout(WAIT)
            s.bind(("127.0.0.2", 0))
            s.connect((HOST, self.imap_port))
            return s.makefile("rb").readline()

    # --- the first user's mailbox, as the fixture's own attributes ----------------------------

    @property
    def user(self) -> str:
        return self.main.name

    @property
    def password(self) -> str:
        return self.main.password

    @property
    def maildir(self) -> Path:
        return self.main.maildir

    def deliver(self, folder: str, message: bytes, flags: Iterable[bytes | str] = (),
                when: datetime | None = None) -> int:
        return self.main.deliver(folder, message, flags, when)

    def create_folder(self, name: str, special_use: str | None = None) -> None:
        self.main.create_folder(name, special_use)

    def reset_uidvalidity(self, folder: str) -> int:
        return self.main.reset_uidvalidity(folder)


def _is_imap(pid: int) -> bool:
    try:
        return b"imap" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _short_temp_dir() -> Path:
    """A folder with a short path (Dovecot's sockets live in it), reachable by Dovecot's users."""
    base = "/tmp" if os.path.isdir("/tmp") else None
    root = Path(tempfile.mkdtemp(prefix="dj-dovecot-", dir=base))
    root.chmod(0o755)
    return root


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """The running test server (one per test session)."""
    if not (os.path.isfile(DOVECOT) and os.access(DOVECOT, os.X_OK)):
        reason = (f"Dovecot is not installed ({DOVECOT} missing): apt-get install dovecot-imapd "
                  "(and keep its system service stopped) to run the IMAP tests")
        print(f"\nSKIPPED: {reason}")
        pytest.skip(reason)
    root = _short_temp_dir()
    server = Dovecot(root)
    try:
        server.start()
        print(f"\nDovecot {'.'.join(map(str, server.version))} on {HOST}, IMAPS {server.imaps_port}, "
              f"STARTTLS {server.imap_port}, in {root}")
        yield server
    finally:
        server.stop()
        if os.environ.get("DEALJOURNAL_KEEP_DOVECOT"):
            print(f"\nDovecot's folder kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def mailbox(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> MailUser:
    """A fresh user of the test server (an empty mailbox), with the test CA trusted by
    ``ssl.create_default_context()`` (``SSL_CERT_FILE``)."""
    dovecot.start()   # again, if a test stopped it
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return dovecot.add_user()
