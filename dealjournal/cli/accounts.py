"""``dealjournal account add|list|remove|test`` and ``dealjournal fetch [ACCOUNT]``.

Passwords go to the system keyring; where there is none, the command asks for the password
each time (or reads it from standard input with ``--password-stdin``). A certificate that
does not verify stops the command with its fingerprint; ``account test NAME --trust FP``
trusts exactly that certificate for that account. ``fetch`` prints what ``capture`` prints
(the same JSON with ``--json``); nothing is written when a server cannot be used.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dealjournal.errors import JournalError

if TYPE_CHECKING:
    from dealjournal.accounts import Account


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (else: the keyring, or a prompt)")
    p = sub.add_parser("account", parents=[common], help="the IMAP and CalDAV accounts to fetch from")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    v = verbs.add_parser("add", parents=[common, secret], help="add an account (the password goes to the keyring)")
    v.add_argument("name", metavar="NAME")
    where = v.add_mutually_exclusive_group(required=True)
    where.add_argument("--imap", metavar="HOST", help="an IMAP server (TLS: port 993, or --starttls)")
    where.add_argument("--caldav", metavar="URL", help="a CalDAV server's https:// address")
    v.add_argument("--user", required=True, metavar="USER")
    v.add_argument("--port", type=int)
    v.add_argument("--starttls", action="store_true", help="IMAP on port 143 with STARTTLS (never plain text)")
    v.add_argument("--folder", action="append", default=[], metavar="FOLDER",
                   help="an IMAP folder or calendar URL to read (repeatable; default: Inbox and Sent, every calendar)")
    v.add_argument("--months", type=int, default=3, help="how far back the first fetch reads (default 3)")
    v.add_argument("--auto-add", action="store_true",
                   help="the window adds matched touches without asking (people not in the journal still wait)")
    verbs.add_parser("list", parents=[common], help="list the accounts").add_argument("--json", action="store_true")
    verbs.add_parser("remove", parents=[common], help="remove an account and its password").add_argument("name")
    v = verbs.add_parser("test", parents=[common, secret], help="connect and list the folders or calendars")
    v.add_argument("name")
    v.add_argument("--trust", metavar="FINGERPRINT",
                   help="trust the server's certificate with this SHA-256 fingerprint (as the error printed it)")

    p = sub.add_parser("fetch", parents=[common, secret],
                       help="capture what is new in your accounts (mail headers and meetings only)")
    p.add_argument("account", nargs="?", metavar="ACCOUNT", help="one account (default: all)")
    p.add_argument("--add-unknown", action="store_true",
                   help="add the people you talk to who aren't in your journal as contacts")
    p.add_argument("--dry-run", action="store_true", help="show what would be captured; write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON (as capture does)")


def _open(db_path: Path | None) -> None:
    from dealjournal.store import default_journal_path, open_journal

    open_journal(db_path or default_journal_path(), create=True, check="due")


def _password(account: Account, args: argparse.Namespace, *, remember: bool = False) -> str:
    from dealjournal.accounts import secrets

    if args.password_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
    else:
        stored = None if remember else secrets.get(account)
        if stored is not None:
            return stored
        if not sys.stdin.isatty():
            raise JournalError(f"No password for {account.name}: the keyring has none; give --password-stdin.")
        text = getpass.getpass(f"Password for {account.username} on {account.host}: ")
    if not text:
        raise JournalError("The password is empty.")
    if remember and not secrets.store(account, text):
        print("dealjournal: there is no keyring here, so the password is not kept; "
              "you will be asked for it each time.", file=sys.stderr)
    return text


def cmd_account(args: argparse.Namespace, db_path: Path | None) -> int:
    from dataclasses import replace

    from dealjournal.accounts import Account, secrets, store

    _open(db_path)
    if args.verb == "add":
        account = store.checked(Account(
            kind="imap" if args.imap else "caldav", name=args.name, host=args.imap or args.caldav,
            username=args.user, port=args.port, security="starttls" if args.starttls else "ssl",
            folders=tuple(args.folder), months=args.months, auto_add=args.auto_add))
        password = _password(account, args, remember=True)
        saved = store.save(account)
        print(f"Added {saved.name} ({saved.kind}, {saved.username} on {saved.host}).")
        del password
        return 0
    if args.verb == "list":
        rows = store.accounts()
        if args.json:
            print(json.dumps([{"name": a.name, "kind": a.kind, "server": a.host, "port": a.effective_port,
                               "user": a.username, "folders": list(a.folders), "months": a.months,
                               "fetched_at": a.fetched_at} for a in rows], indent=2))
        elif not rows:
            print("No accounts yet: dealjournal account add NAME --imap HOST --user USER")
        for a in rows if not args.json else ():
            last = f"last fetched {a.fetched_at.replace('T', ' ')}" if a.fetched_at else "never fetched"
            print(f"{a.name}: {a.kind} {a.username} on {a.host}, {last}")
        return 0
    account = store.find(args.name)
    if args.verb == "remove":
        store.remove(account)
        secrets.forget(account)
        print(f"Removed {account.name} and its password.")
        return 0
    if args.trust:
        account = store.save(replace(account, trusted_cert=args.trust.replace(":", "").strip().lower()))
    for line in _test(account, _password(account, args)):
        print(line)
    return 0


def _test(account: Account, password: str) -> list[str]:
    from dealjournal.accounts import UntrustedCertificate

    try:
        if account.kind == "imap":
            from dealjournal.accounts.imap import folders

            found = [f"{name}{f'  ({role})' if role else ''}" for name, role in folders(account, password)]
        else:
            from dealjournal.accounts.calendars import calendars

            found = [f"{title}  {url}" for url, title in calendars(account, password)]
    except UntrustedCertificate as exc:
        raise JournalError(f"{exc} To trust this certificate: dealjournal account test {account.name!r} "
                           f"--trust {exc.fingerprint}") from None
    return [f"{account.name}: connected; {len(found)} {'folders' if account.kind == 'imap' else 'calendars'}:",
            *(f"  {line}" for line in found)]


def cmd_fetch(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.accounts import UntrustedCertificate, apply_fetch, plan_fetch, store
    from dealjournal.capture import journal_me
    from dealjournal.cli.capture import describe

    _open(db_path)
    chosen = [store.find(args.account)] if args.account else store.accounts()
    if not chosen:
        raise JournalError("No accounts yet: dealjournal account add NAME --imap HOST --user USER")
    me = journal_me()
    if not me.keys:
        raise JournalError("Who are you? Add your addresses in the window (Edit ▸ Preferences ▸ Me) "
                           "or once with: dealjournal capture FILE --me ADDRESS")
    results = []
    planned: set[tuple[int | str, str]] = set()  # a message in two accounts is planned once
    for account in chosen:
        try:
            fetched = plan_fetch(account, _password(account, args), me, planned=planned)
        except UntrustedCertificate as exc:
            raise JournalError(f"Nothing was fetched: {exc} To trust this certificate: dealjournal account test "
                               f"{account.name!r} --trust {exc.fingerprint}") from None
        except JournalError as exc:
            raise JournalError(f"Nothing was fetched from {account.name}: {exc}") from None
        results.append(fetched)
    adding = {p.key for f in results for p in f.plan.files[0].unmatched} if args.add_unknown else set()
    if not args.dry_run:
        from dealjournal.safety.backup import backup_before

        if any(f.plan.added for f in results) or adding:
            backup_before("fetch")
        created: dict[str, int] = {}  # someone met in two accounts becomes one contact
        for fetched in results:
            keys = [p.key for p in fetched.plan.files[0].unmatched if p.key in adding]
            outcome = apply_fetch(fetched, add=[k for k in keys if k not in created],
                                  same_as={k: created[k] for k in keys if k in created})
            created.update(outcome.created)
    files = [f.plan.files[0] for f in results]
    if args.json:
        print(json.dumps({"files": [f.to_json(adding) for f in files]}, ensure_ascii=False, indent=2))
    else:
        print(describe(files, adding, args.dry_run))
    return 0


COMMANDS = {"account": cmd_account, "fetch": cmd_fetch}
