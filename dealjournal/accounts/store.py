"""The accounts of the open journal and how far each folder has been read.

An :class:`Account` says where to fetch from (never the password: :mod:`.secrets`);
:class:`FolderState` how far one IMAP folder (UIDVALIDITY and the highest UID read) or one
CalDAV calendar (its sync token) has been read. Both are written by :func:`save` and
:func:`save_states`, the latter inside the capture's own transaction, so that a fetch that
fails writes neither touches nor progress.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from dealjournal.errors import ValidationError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db

KINDS = ("imap", "caldav")
SECURITIES = ("ssl", "starttls")
DEFAULT_PORTS = {("imap", "ssl"): 993, ("imap", "starttls"): 143}
DEFAULT_MONTHS = 3


@dataclass(frozen=True)
class Account:
    """Where to fetch from. For IMAP, *host*/*port*/*security*; for CalDAV, *host* is the
    server's URL (``https://…``). *folders*: the IMAP folders or calendar URLs chosen (empty:
    Inbox and Sent, or every calendar). *trusted_cert*: the SHA-256 fingerprint (hex) of a
    certificate the user chose to trust although it does not verify."""

    kind: str
    name: str
    host: str
    username: str
    port: int | None = None
    security: str = "ssl"
    folders: tuple[str, ...] = ()
    months: int = DEFAULT_MONTHS
    trusted_cert: str | None = None
    auto_add: bool = False
    fetched_at: str | None = None
    id: int | None = field(default=None, compare=False)

    @property
    def effective_port(self) -> int | None:
        return self.port or DEFAULT_PORTS.get((self.kind, self.security))


@dataclass(frozen=True)
class FolderState:
    validity: str | None = None   # IMAP UIDVALIDITY, or a CalDAV sync token
    last: int | None = None       # IMAP: the highest UID read


_COLUMNS = "id, kind, name, host, port, security, username, folders, months, trusted_cert, auto_add, fetched_at"


def _account(row: tuple[object, ...]) -> Account:
    (aid, kind, name, host, port, security, username, folders, months, trusted, auto_add, fetched) = row
    return Account(kind=str(kind), name=str(name), host=str(host), username=str(username),
                   port=int(port) if port is not None else None,  # type: ignore[call-overload]
                   security=str(security), folders=tuple(json.loads(str(folders))),
                   months=int(months), trusted_cert=trusted if trusted is None else str(trusted),  # type: ignore[call-overload]
                   auto_add=bool(auto_add), fetched_at=fetched if fetched is None else str(fetched),
                   id=int(aid))  # type: ignore[call-overload]


def accounts() -> list[Account]:
    """Every account of the open journal, by name."""
    rows = db.connection().execute(f"SELECT {_COLUMNS} FROM account ORDER BY name COLLATE NOCASE")
    return [_account(r) for r in rows]


def find(name_or_id: str | int) -> Account:
    """The account called *name_or_id* (or with that id); ValidationError when there is none."""
    conn = db.connection()
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        row = conn.execute(f"SELECT {_COLUMNS} FROM account WHERE id = ?", (int(name_or_id),)).fetchone()
    else:
        row = conn.execute(f"SELECT {_COLUMNS} FROM account WHERE name = ? COLLATE NOCASE",
                           (str(name_or_id),)).fetchone()
    if row is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "There is no account {name}."),
                                     name=repr(str(name_or_id))))
    return _account(row)


def checked(account: Account) -> Account:
    """*account* with its fields validated (ValidationError naming the field otherwise)."""
    def bad(text: str, **values: object) -> ValidationError:
        return ValidationError(Phrase(text, **values))

    if account.kind not in KINDS:
        raise bad(QT_TRANSLATE_NOOP("core", "An account is IMAP or CalDAV, not {kind}."), kind=repr(account.kind))
    name, host, user = account.name.strip(), account.host.strip(), account.username.strip()
    if not name:
        raise bad(QT_TRANSLATE_NOOP("core", "An account needs a name."))
    if not host:
        raise bad(QT_TRANSLATE_NOOP("core", "An account needs a server."))
    if account.kind == "caldav" and not host.lower().startswith("https://"):
        raise bad(QT_TRANSLATE_NOOP("core", "A CalDAV account needs the server's https:// address, not {host}."),
                  host=repr(host))
    if not user:
        raise bad(QT_TRANSLATE_NOOP("core", "An account needs a user name."))
    if account.security not in SECURITIES:
        raise bad(QT_TRANSLATE_NOOP("core", "The connection is SSL/TLS or STARTTLS, not {security}."),
                  security=repr(account.security))
    if account.port is not None and not 0 < account.port < 65536:
        raise bad(QT_TRANSLATE_NOOP("core", "{port} is not a port number."), port=account.port)
    if not 0 < account.months <= 120:
        raise bad(QT_TRANSLATE_NOOP("core", "The first fetch reads 1 to 120 months back, not {months}."),
                  months=account.months)
    return replace(account, name=name, host=host, username=user)


def save(account: Account) -> Account:
    """Add *account* (no id) or change it; returns it with its id. Changing the server, user
    or folders forgets how far it had been read (the keys keep a new read from adding twice)."""
    a = checked(account)
    conn = db.connection()
    values = (a.kind, a.name, a.host, a.port, a.security, a.username, json.dumps(list(a.folders)), a.months,
              a.trusted_cert, int(a.auto_add))
    with db.atomic():
        try:
            if a.id is None:
                cur = conn.execute("INSERT INTO account (kind, name, host, port, security, username, folders, months, "
                                   "trusted_cert, auto_add) VALUES (?,?,?,?,?,?,?,?,?,?)", values)
                return replace(a, id=cur.lastrowid)
            before = find(a.id)
            conn.execute("UPDATE account SET kind=?, name=?, host=?, port=?, security=?, username=?, folders=?, "
                         "months=?, trusted_cert=?, auto_add=? WHERE id=?", (*values, a.id))
        except sqlite3.IntegrityError:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "There is already an account called {name}."),
                                         name=repr(a.name))) from None
        if (before.kind, before.host, before.port, before.username, before.folders) != \
                (a.kind, a.host, a.port, a.username, a.folders):
            conn.execute("DELETE FROM account_folder WHERE account_id = ?", (a.id,))
    return a


def remove(account: Account) -> None:
    """Forget *account* and how far it was read (its password is the caller's: secrets.forget)."""
    db.connection().execute("DELETE FROM account WHERE id = ?", (account.id,))


def states(account: Account) -> dict[str, FolderState]:
    rows = db.connection().execute("SELECT folder, validity, last FROM account_folder WHERE account_id = ?",
                                   (account.id,))
    return {folder: FolderState(validity, last) for folder, validity, last in rows}


def save_states(conn: sqlite3.Connection, account: Account, found: Mapping[str, FolderState], when: str) -> None:
    """Record how far *account*'s folders were read and when (inside the capture's transaction)."""
    conn.executemany("INSERT OR REPLACE INTO account_folder (account_id, folder, validity, last) VALUES (?,?,?,?)",
                     [(account.id, folder, s.validity, s.last) for folder, s in found.items()])
    conn.execute("UPDATE account SET fetched_at = ? WHERE id = ?", (when, account.id))
